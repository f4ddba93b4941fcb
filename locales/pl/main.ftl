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

# Połączenie telefonu z agencją (/join), stan wysyłania w nagłówku, strona konta.
sync-link-agency = Połącz z agencją
sync-signed-out = Wylogowano

join-title = Połącz z agencją
join-intro = Twoja agencja daje ci kod. Dzięki niemu agencja widzi twoje postępy w lekcjach. Możesz też używać Wegwijs na innym telefonie.
join-code-label = Twój kod
join-code-hint = 8 liter i cyfr, na przykład ABCD-EFGH.
join-submit = Połącz ten telefon
join-busy = Łączenie…
join-not-a-code = Kod ma 8 liter i cyfr. Sprawdź kod i wpisz go jeszcze raz.
join-wrong-code = Ten kod nie działa. Może jest błędny albo za stary. Poproś agencję o nowy kod.
join-other-person = Ten telefon jest połączony z inną osobą. Najpierw wyloguj się na tym telefonie. Potem użyj swojego kodu.
join-too-many-tries =
    { $minutes ->
        [one] Za dużo prób. Poczekaj { $minutes } minutę i spróbuj jeszcze raz.
        [few] Za dużo prób. Poczekaj { $minutes } minuty i spróbuj jeszcze raz.
        [many] Za dużo prób. Poczekaj { $minutes } minut i spróbuj jeszcze raz.
       *[other] Za dużo prób. Poczekaj { $minutes } minuty i spróbuj jeszcze raz.
    }
join-offline = Brak internetu. Połącz się z internetem i spróbuj jeszcze raz.
join-failed = Coś poszło nie tak. Spróbuj później.
join-done-title = Telefon jest połączony
join-done = Witaj, { $name }! To, czego się uczysz, trafia teraz też do twojej agencji.
join-already = Ten telefon jest już połączony z twoją agencją. Zalogowano jako: { $name }.
join-to-lessons = Przejdź do lekcji

account-title = Twoje konto
account-not-linked = Ten telefon nie jest połączony z twoją agencją. To, co robisz, jest zapisane tylko w tym telefonie.
account-linked = Ten telefon jest połączony z twoją agencją. Zalogowano jako: { $name }.
account-signed-out-by-agency = Agencja wylogowała cię na tym telefonie. Twoje postępy nadal tu są. Poproś agencję o nowy kod.
account-new-code = Wpisz nowy kod
account-sync-title = Wysyłanie do agencji
account-last-synced = Ostatnio wysłano: { $time }
account-never-synced = Jeszcze nic nie wysłano.
account-sync-failed = Nie udało się wysłać. Wegwijs sam spróbuje jeszcze raz.
account-offline = Brak internetu. Twoje zmiany zostaną wysłane, gdy znowu będzie internet.
account-retry = Spróbuj teraz
account-sign-out-title = Wylogowanie
account-sign-out-explain = Gdy się wylogujesz, Wegwijs usunie z tego telefonu twoje postępy i ustawienia. To, co agencja już ma, zostaje w agencji.
account-sign-out = Wyloguj się na tym telefonie
account-sign-out-question = Czy chcesz się teraz wylogować?
account-sign-out-unsent =
    { $count ->
        [one] { $count } zmiana nie jest jeszcze wysłana. Jeśli teraz się wylogujesz, przepadnie.
        [few] { $count } zmiany nie są jeszcze wysłane. Jeśli teraz się wylogujesz, przepadną.
        [many] { $count } zmian nie jest jeszcze wysłanych. Jeśli teraz się wylogujesz, przepadną.
       *[other] { $count } zmiany nie jest jeszcze wysłane. Jeśli teraz się wylogujesz, przepadną.
    }
account-sign-out-yes = Tak, wyloguj
account-sign-out-cancel = Nie, wróć
account-signing-out = Wylogowywanie…

## PIN, który blokuje aplikację na tym telefonie
lock-title = Wegwijs jest zablokowany
lock-pin-label = Twój PIN
lock-unlock = Otwórz
lock-checking = Sprawdzam…
lock-wrong =
    { $tries ->
        [one] Zły PIN. Po jeszcze jednej złej próbie musisz poczekać.
        [few] Zły PIN. Po jeszcze { $tries } złych próbach musisz poczekać.
        [many] Zły PIN. Po jeszcze { $tries } złych próbach musisz poczekać.
       *[other] Zły PIN. Po jeszcze { $tries } złych próbach musisz poczekać.
    }
lock-wait =
    { $minutes ->
        [one] Za dużo złych prób. Spróbuj ponownie za { $minutes } minutę.
        [few] Za dużo złych prób. Spróbuj ponownie za { $minutes } minuty.
        [many] Za dużo złych prób. Spróbuj ponownie za { $minutes } minut.
       *[other] Za dużo złych prób. Spróbuj ponownie za { $minutes } minuty.
    }
lock-forgot = Nie pamiętasz PIN-u?
lock-forgot-linked = Wyloguj się na tym telefonie. Potem poproś agencję o nowy kod i połącz telefon ponownie: twoje postępy wrócą. Najpierw Wegwijs wyśle to, co jeszcze czeka.
lock-forgot-alone = Zacznij od nowa na tym telefonie. Twoje postępy i PIN zostaną usunięte z tego telefonu.
lock-forgot-start-again = Zacznij od nowa
lock-forgot-sending = Wysyłam…
lock-forgot-not-sent = Jeszcze nie wszystko zostało wysłane. Połącz się z internetem i spróbuj ponownie.
pin-title = PIN
pin-explain-off = Ustaw PIN, żeby nikt inny nie mógł otworzyć Wegwijs na tym telefonie.
pin-explain-on = Wegwijs prosi o PIN, gdy go otwierasz.
pin-new = Nowy PIN (od 4 do 8 cyfr)
pin-repeat = Wpisz PIN jeszcze raz
pin-current = Twój PIN
pin-set = Ustaw PIN
pin-remove = Usuń PIN
pin-saved = PIN jest ustawiony. Wegwijs poprosi o niego przy następnym otwarciu.
pin-removed = PIN został usunięty.
pin-wrong = Zły PIN. PIN nie został usunięty.
pin-failed = Nie udało się. Spróbuj ponownie.
pin-problem-length = PIN ma od 4 do 8 cyfr.
pin-problem-digits = Używaj tylko cyfr od 0 do 9.
pin-problem-easy = Ten PIN łatwo zgadnąć. Wybierz inny.
pin-problem-different = Te dwa PIN-y nie są takie same.
