# Wegwijs: słowa samej aplikacji (treść lekcji jest w content/modules).
# Prosty język (A2): krótkie zdania, zwykłe słowa.

app-name = Wegwijs
skip-to-content = Przejdź do treści
language-label = Język
loading = Ładowanie…

home-title = Ucz się w kilka minut
home-intro = Krótkie lekcje o pracy i życiu w Holandii. Działają też bez internetu.

theme-health = Zdrowie i choroba
theme-money = Pieniądze
theme-work = Twoja praca
theme-living = Życie w Holandii
theme-help = Gdzie znaleźć pomoc
theme-growth = Nauka i rozwój

module-minutes =
    { $minutes ->
        [one] { $minutes } minuta
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }
status-not-started = Nierozpoczęta
status-in-progress = Rozpoczęta
status-done = Ukończona

content-missing-title = Nie ma takiej lekcji
content-unavailable = Tej lekcji nie ma jeszcze w twoim telefonie. Połącz się na chwilę z internetem i spróbuj jeszcze raz.

player-step-of = Krok { $current } z { $total }
player-next = Dalej
player-back = Wstecz
player-to-quiz = Do pytań
player-finish = Zakończ
player-key-facts = Dobrze wiedzieć
player-checklist = Sprawdź
player-action = Co teraz zrobić
player-sources = Źródła
player-source = { $organisation }, sprawdzono { $date }

quiz-title = Pytania
quiz-question-of = Pytanie { $current } z { $total }
quiz-pick-all = Wybierz wszystkie dobre odpowiedzi.
quiz-check = Sprawdź odpowiedź
quiz-right = Dobrze!
quiz-try-again = Nie do końca. Przeczytaj, dlaczego. Jeśli chcesz, spróbuj jeszcze raz.
quiz-next = Następne pytanie
quiz-finish = Zakończ

done-title = Dobra robota!
done-next-step = Twój następny mały krok
done-talk = Porozmawiaj o tym ze swoim opiekunem albo z osobą kontaktową w agencji.
done-back = Wróć do listy lekcji

sync-all-saved = Wszystko zapisane
sync-waiting =
    { $count ->
        [one] { $count } zmiana czeka na wysłanie
        [few] { $count } zmiany czekają na wysłanie
        [many] { $count } zmian czeka na wysłanie
       *[other] { $count } zmiany czeka na wysłanie
    }
sync-offline-waiting =
    { $count ->
        [one] Bez internetu: { $count } zmiana czeka na wysłanie
        [few] Bez internetu: { $count } zmiany czekają na wysłanie
        [many] Bez internetu: { $count } zmian czeka na wysłanie
       *[other] Bez internetu: { $count } zmiany czeka na wysłanie
    }

not-found-title = Nie ma takiej strony
not-found-back = Przejdź do lekcji

listen = Posłuchaj
listen-stop = Zatrzymaj czytanie

budget-title = Twoje pieniądze w tym miesiącu
budget-private = To, co tu wpiszesz, zostaje w twoim telefonie. Nikt inny tego nie widzi.
budget-income = Pieniądze, które dostajesz w tym miesiącu, po podatku
budget-costs = Twoje koszty w tym miesiącu
# budget-cost-*: te same słowa co lista w lekcji money-first-month (steps.planner.checklist).
budget-cost-housing = Mieszkanie (czynsz)
budget-cost-health-insurance = Ubezpieczenie zdrowotne
budget-cost-transport = Dojazdy
budget-cost-food = Jedzenie i zakupy
budget-cost-phone = Telefon i internet
budget-cost-sent-home = Pieniądze, które wysyłasz do domu
budget-cost-other = Inne koszty
budget-empty = Wpisz, ile dostajesz i ile wydajesz. Wtedy zobaczysz, ile ci zostaje.
budget-left = Zostaje ci w tym miesiącu: { $amount }
budget-short = Twoje koszty są o { $amount } wyższe niż to, co dostajesz. Najpierw sprawdź największe koszty. Poproś też o darmową pomoc.
budget-not-an-amount = Wpisz kwotę w euro, na przykład 250 lub 12,50.
