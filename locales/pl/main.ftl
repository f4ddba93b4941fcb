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

## Moja przestrzeń pracownika
space-title = Moja przestrzeń
space-notices =
    { $count ->
        [one] { $count } nowa wiadomość
        [few] { $count } nowe wiadomości
        [many] { $count } nowych wiadomości
       *[other] { $count } nowej wiadomości
    }
space-notices-title = Dla ciebie
space-no-notices = Nic nowego dla ciebie.
notice-new-assignment = Agencja dała ci coś nowego do zrobienia.
notice-check-in-due = Czas na rozmowę: { $name }, { $slot }
notice-conversation-due = Twoja rozmowa z agencją ma się odbyć do { $date }.
space-assigned-title = Od agencji
space-nothing-assigned = Agencja nie dała ci jeszcze nic do zrobienia.
week-title = Jak minął ci tydzień?
week-saved = Dziękujemy. Możesz to zmienić do końca tygodnia.
mood-1 = Bardzo źle
mood-2 = Źle
mood-3 = Średnio
mood-4 = Dobrze
mood-5 = Bardzo dobrze
goal-title = Mój następny mały krok
goal-new = Nowy mały krok
goal-hint = Coś małego, co chcesz niedługo zrobić. Na przykład: zapytać o moje godziny pracy.
goal-save = Zapisz mój krok
goal-done = Zrobione
goal-reached = Dobra robota: { $goal }
self-check-title = Co wiem i co umiem
self-check-intro = Odpowiedz teraz na pięć pytań. Później odpowiedz na nie jeszcze raz. Wtedy zobaczysz, co się zmieniło. Tylko ty widzisz swoje odpowiedzi.
self-check-do-before = Pierwszy raz
self-check-do-after = Drugi raz
self-check-knowing = Wiem, jak tu wszystko działa.
self-check-wanting = Chcę się więcej nauczyć.
self-check-able = Radzę sobie bez pomocy.
self-check-daring = Nie boję się o coś zapytać albo coś powiedzieć.
self-check-allowed = Wiem, co mi wolno robić.
self-check-scale = 1 = wcale, 5 = tak, w pełni
self-check-save = Zapisz odpowiedzi
self-check-before = Pierwszy raz
self-check-after = Drugi raz
skills-title = Moje umiejętności
skills-module = Lekcja
skills-task = Zadanie
skills-certificate = Certyfikat
skills-add-label = Nowa umiejętność z pracy
skills-is-certificate = To jest certyfikat
skills-add = Dodaj
skills-remove = Usuń
sharing-title = Co pokazuję innym
sharing-intro = Ty decydujesz, co mogą zobaczyć inni. Twoje odpowiedzi i notatki zostają tylko dla ciebie.
sharing-progress-with-buddy = Mój opiekun może widzieć, które lekcje mam ukończone.
sharing-notes-with-intercedent = Moja agencja może czytać notatki opiekuna o mnie.
themes-hard-title = Co jest dla mnie trudne
themes-hard-intro = Dzięki temu łatwiej znaleźć opiekuna, który się na tym zna.
offer-title = Zostań opiekunem
offer-capacity = Ilu nowym osobom możesz pomóc?
offer-not-now = Nie teraz
offer-strong = Mogę pomóc w tych sprawach:
data-title = Moje dane
data-export-intro = Zapisz w jednym pliku wszystko, co Wegwijs ma o tobie.
data-export = Zapisz moje dane
data-delete-intro = Możesz usunąć swoje konto. Wtedy twoja agencja nie ma już w Wegwijs żadnych twoich danych.
data-delete = Usuń moje konto
data-delete-question = Czy na pewno chcesz usunąć konto? Tego nie da się cofnąć.
data-delete-yes = Tak, usuń
data-delete-failed = Nie udało się. Połącz się z internetem i spróbuj ponownie.

## Opiekun
buddy-title = Nowe osoby, którym pomagam
buddy-intro = W te dni porozmawiaj z nową osobą. To zajmie dwie minuty.
buddy-no-newcomers = Na razie nie pomagasz żadnej nowej osobie.
check-in-day-1 = Pierwszy dzień
check-in-week = Tydzień { $week }
check-in-how = Jak sobie radzi?
check-in-topics = O czym była rozmowa?
check-in-call = Agencja powinna zadzwonić do tej osoby.
check-in-note = Notatka (nieobowiązkowa)
check-in-note-hint = Agencja przeczyta to tylko wtedy, gdy ta osoba się zgodzi.
check-in-save = Zapisz rozmowę
going-bad = Niedobrze
going-so-so = Tak sobie
going-good = Dobrze
topic-work = Praca
topic-housing = Mieszkanie
topic-money = Pieniądze
topic-health = Zdrowie
topic-language = Język
topic-registration = Zameldowanie
topic-insurance = Ubezpieczenie zdrowotne
topic-safety = Bezpieczeństwo w pracy
shift-day = Dzienna
shift-evening = Popołudniowa
shift-night = Nocna
shift-rotating = Rotacyjna

## Konsola intercedenta
console-nav = Konsola
console-workers = Pracownicy
console-matching = Dobór opiekunów
console-overview = Przegląd
console-sign-out = Wyloguj się
console-sign-in-title = Logowanie do konsoli
console-email = E-mail
console-password = Hasło
console-sign-in = Zaloguj się
console-wrong-login = Nieprawidłowy e-mail lub hasło.
console-too-many-tries = Za dużo prób. Poczekaj kilka minut.
console-offline = Brak połączenia z Wegwijs. Sprawdź internet i spróbuj ponownie.
console-check-input = Sprawdź wpisane dane.
console-failed = Nie udało się. Spróbuj ponownie.
console-follow-ups = Do omówienia
console-no-follow-ups = Nie ma nic do omówienia.
console-finished-module = – lekcja { $module } ukończona { $time }
console-followed-up = Omówione
console-worker-list = Twoi pracownicy
console-no-workers = Nie ma jeszcze pracowników.
console-started = Początek pracy
console-no-placement = Brak daty rozpoczęcia
console-modules = Lekcje
console-modules-done = Ukończone: { $done } z { $assigned } przydzielonych
console-last-check-in = Ostatnia rozmowa z opiekunem
console-none-yet = Jeszcze nie ma
console-next-conversation = Następna rozmowa o rozwoju
console-conversation-by = do { $date }
console-conversation-overdue = po terminie od { $date }
console-open-flags =
    { $count ->
        [one] { $count } zgłoszenie
        [few] { $count } zgłoszenia
        [many] { $count } zgłoszeń
       *[other] { $count } zgłoszenia
    }
console-not-joined = Telefon nie jest jeszcze połączony.
console-new-worker = Nowy pracownik
console-worker-name = Imię i nazwisko
console-add-worker = Dodaj pracownika
console-join-for = Kod dla: { $name }. Ważny przez 7 dni:
console-qr = Kod QR do połączenia telefonu
console-assign-site = Przydziel wszystkim w jednym miejscu pracy
console-site = Miejsce pracy lub firma
console-choose-site = Wybierz miejsce pracy
console-assign-what = Co zrobić, w tej kolejności
console-assign-self-check = Najpierw: samoocena
console-assign-conversation = Na końcu: rozmowa o rozwoju
console-due-date = Termin
console-assign = Przydziel
console-assigned = Przydzielono.
console-assignments = Przydzielone
console-nothing-assigned = Jeszcze nic nie przydzielono.
console-due = do { $date }
console-done-on = ukończono { $time }
console-not-done = jeszcze nie zrobione
console-item-self-check = Samoocena
console-item-conversation = Rozmowa o rozwoju
console-check-ins = Rozmowy z opiekunem
console-no-check-ins = Nie było jeszcze rozmów z opiekunem.
console-call-flag = Opiekun prosi o telefon.
console-note-private = Notatka jest prywatna.
console-no-note = Brak notatki.
console-flags-handled = Zadzwoniono: zamknij zgłoszenia
console-conversations = Rozmowy o rozwoju
console-conversation-window = Zaplanuj rozmowę między { $from } a { $by }.
console-overdue = Po terminie.
console-conversation-planned = Zaplanowana na { $date }
console-conversation-held = odbyła się { $date }
console-held-today = Odbyła się dzisiaj
console-plan-date = Data rozmowy
console-plan = Zaplanuj rozmowę
console-placement = Przydział do pracy
console-start-date = Data rozpoczęcia
console-shift = Zmiana
console-town = Miejscowość
console-languages = Języki (kody, np. pl, en)
console-save = Zapisz
console-saved = Zapisano.
console-buddy = Opiekun i telefon
console-new-match = Znajdź nowego opiekuna
console-make-buddy = Ustaw jako opiekuna
console-new-code = Nowy kod do telefonu
console-matching-intro = Opiekun mówi w języku nowego pracownika. Najważniejsze są to samo miejsce pracy i ta sama zmiana.
console-unmatched = Jeszcze bez opiekuna
console-confirm = Potwierdź
console-confirmed = Potwierdzono
reason-language = Wspólny język: { $language }
reason-site = To samo miejsce pracy
reason-shift = Ta sama zmiana
reason-town = Ta sama miejscowość
reason-theme = Mocna strona: { $theme }
console-per-module = Według lekcji
console-per-site = Według miejsca pracy
console-module = Lekcja
console-assigned-count = Przydzielone
console-started-count = Rozpoczęte
console-completed-count = Ukończone
console-workers-count = Pracownicy
console-joined-count = Z połączonym telefonem
console-active-count = Aktywni w ostatnich 30 dniach
my-buddy-title = Mój opiekun
my-buddy-is = Twój opiekun to { $name }. Możesz pytać o wszystko: o pracę i o życie tutaj.
new-match-ask = Poproś o innego opiekuna
new-match-failed = Nie udało się. Połącz się z internetem i spróbuj ponownie.
push-title = Wegwijs
push-new-assignment = Agencja dała ci coś nowego do zrobienia. Otwórz Wegwijs, żeby to zobaczyć.
push-section-title = Powiadomienia na tym telefonie
push-explain = Wegwijs może dać ci znać, gdy agencja da ci coś nowego, także gdy aplikacja jest zamknięta. Wszystko widzisz też zawsze tutaj.
push-turn-on = Włącz powiadomienia
push-on = Powiadomienia są włączone na tym telefonie.
push-denied = Twój telefon nie pozwala na powiadomienia z Wegwijs. Wszystko nadal widzisz tutaj.
console-other-buddy = Albo wybierz innego opiekuna
console-choose-buddy = Wybierz opiekuna
console-pair = Połącz w parę
console-unassign = Wycofaj
