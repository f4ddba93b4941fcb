# Wegwijs: de woorden van de app zelf (de tekst van de lessen staat in content/modules).
# Eenvoudige taal (A2): korte zinnen, gewone woorden. We zeggen "je".
# Vaste woorden: les/lessen, intercedent, maatje, uitzendbureau (zoals in content/modules).

app-name = Wegwijs
skip-to-content = Naar de inhoud
language-label = Taal
loading = Laden…

home-title = Leren in een paar minuten
home-intro = Korte lessen over werken en leven in Nederland. Ze werken ook zonder internet.

theme-health = Gezondheid en ziek zijn
theme-money = Geld
theme-work = Je werk
theme-living = Leven in Nederland
theme-help = Hulp krijgen
theme-growth = Leren en verder komen

module-minutes =
    { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }
status-not-started = Nog niet begonnen
status-in-progress = Bezig
status-done = Klaar

content-missing-title = Les niet gevonden
content-unavailable = Deze les staat nog niet op je telefoon. Zorg één keer dat je internet hebt. Probeer het daarna nog een keer.

player-step-of = Stap { $current } van { $total }
player-next = Volgende
player-back = Terug
player-to-quiz = Naar de vragen
player-finish = Klaar
player-key-facts = Goed om te weten
player-checklist = Checklist
player-action = Wat doe je nu?
player-sources = Bronnen
player-source = { $organisation }, gecontroleerd op { $date }

quiz-title = Vragen
quiz-question-of = Vraag { $current } van { $total }
quiz-pick-all = Kies alle goede antwoorden.
quiz-check = Kijk mijn antwoord na
quiz-right = Goed zo!
quiz-try-again = Niet helemaal goed. Lees waarom. Je mag het nog een keer proberen.
quiz-next = Volgende vraag
quiz-finish = Klaar

done-title = Goed gedaan!
done-next-step = Je volgende kleine stap
done-talk = Praat erover met je maatje of met je intercedent bij het uitzendbureau.
done-back = Terug naar de lessen

sync-all-saved = Alles is opgeslagen
sync-waiting =
    { $count ->
        [one] { $count } wijziging wacht
       *[other] { $count } wijzigingen wachten
    }
sync-offline-waiting =
    { $count ->
        [one] Geen internet: { $count } wijziging wacht
       *[other] Geen internet: { $count } wijzigingen wachten
    }

not-found-title = Pagina niet gevonden
not-found-back = Naar de lessen

listen = Luister
listen-stop = Stop met voorlezen

budget-title = Jouw geld deze maand
budget-private = Wat je hier typt, blijft op je telefoon. Niemand anders ziet het.
budget-income = Geld dat je deze maand krijgt, na belasting
budget-costs = Jouw kosten deze maand
budget-cost-housing = Wonen
budget-cost-health-insurance = Zorgverzekering
budget-cost-transport = Vervoer
budget-cost-food = Eten en boodschappen
budget-cost-phone = Telefoon en internet
budget-cost-sent-home = Geld dat je naar huis stuurt
budget-cost-other = Andere kosten
budget-empty = Typ je geld en je kosten. Dan zie je wat er overblijft.
budget-left = Over deze maand: { $amount }
budget-short = Je kosten zijn { $amount } hoger dan je geld. Kijk eerst naar je grootste kosten, en vraag gratis hulp.
budget-not-an-amount = Typ een bedrag in euro, bijvoorbeeld 250 of 12,50.

# Deze telefoon koppelen aan het uitzendbureau (/join), de status in de kop, de accountpagina.
sync-link-agency = Koppel aan je uitzendbureau
sync-signed-out = Afgemeld

join-title = Koppel aan je uitzendbureau
join-intro = Je uitzendbureau geeft je een code. Met de code ziet je uitzendbureau hoe ver je bent met de lessen. En je kunt Wegwijs ook op een andere telefoon gebruiken.
join-code-label = Je code
join-code-hint = 8 letters en cijfers, bijvoorbeeld ABCD-EFGH.
join-submit = Koppel deze telefoon
join-busy = Bezig met koppelen…
join-not-a-code = Een code heeft 8 letters en cijfers. Kijk je code na en typ hem opnieuw.
join-wrong-code = Deze code werkt niet. Misschien is hij fout of te oud. Vraag je uitzendbureau om een nieuwe code.
join-other-person = Deze telefoon is gekoppeld aan iemand anders. Meld je eerst af op deze telefoon. Gebruik daarna je code.
join-too-many-tries =
    { $minutes ->
        [one] Te vaak geprobeerd. Wacht { $minutes } minuut en probeer het dan opnieuw.
       *[other] Te vaak geprobeerd. Wacht { $minutes } minuten en probeer het dan opnieuw.
    }
join-offline = Geen internet. Maak verbinding met internet en probeer het opnieuw.
join-failed = Er ging iets mis. Probeer het later opnieuw.
join-done-title = Je telefoon is gekoppeld
join-done = Welkom, { $name }! Wat je leert, gaat nu ook naar je uitzendbureau.
join-already = Deze telefoon is al gekoppeld aan je uitzendbureau. Je naam: { $name }.
join-to-lessons = Naar de lessen

account-title = Je account
account-not-linked = Deze telefoon is niet gekoppeld aan je uitzendbureau. Wat je doet, staat alleen op deze telefoon.
account-linked = Deze telefoon is gekoppeld aan je uitzendbureau. Je naam: { $name }.
account-signed-out-by-agency = Je uitzendbureau heeft je afgemeld op deze telefoon. Je voortgang staat er nog. Vraag je uitzendbureau om een nieuwe code.
account-new-code = Typ een nieuwe code
account-sync-title = Versturen naar je uitzendbureau
account-last-synced = Laatst verstuurd: { $time }
account-never-synced = Nog niets verstuurd.
account-sync-failed = Versturen is niet gelukt. Wegwijs probeert het zelf opnieuw.
account-offline = Geen internet. Je wijzigingen worden verstuurd als je weer internet hebt.
account-retry = Nu opnieuw proberen
account-sign-out-title = Afmelden
account-sign-out-explain = Als je je afmeldt, haalt Wegwijs je voortgang en je instellingen van deze telefoon. Wat je uitzendbureau al heeft, blijft daar.
account-sign-out = Afmelden op deze telefoon
account-sign-out-question = Wil je je nu afmelden?
account-sign-out-unsent =
    { $count ->
        [one] { $count } wijziging is nog niet verstuurd. Als je je nu afmeldt, ben je die kwijt.
       *[other] { $count } wijzigingen zijn nog niet verstuurd. Als je je nu afmeldt, ben je die kwijt.
    }
account-sign-out-yes = Ja, afmelden
account-sign-out-cancel = Nee, terug
account-signing-out = Bezig met afmelden…

## De pincode die de app op deze telefoon op slot zet
lock-title = Wegwijs is op slot
lock-pin-label = Je pincode
lock-unlock = Openen
lock-checking = Even controleren…
lock-wrong =
    { $tries ->
        [one] Verkeerde pincode. Na nog één verkeerde pincode moet je wachten.
       *[other] Verkeerde pincode. Na nog { $tries } verkeerde pincodes moet je wachten.
    }
lock-wait =
    { $minutes ->
        [one] Te vaak een verkeerde pincode. Probeer het over { $minutes } minuut opnieuw.
       *[other] Te vaak een verkeerde pincode. Probeer het over { $minutes } minuten opnieuw.
    }
lock-forgot = Pincode vergeten?
lock-forgot-linked = Meld je af op deze telefoon. Vraag daarna je uitzendbureau om een nieuwe code en koppel je telefoon opnieuw: je voortgang komt terug. Wegwijs verstuurt eerst wat nog wacht.
lock-forgot-alone = Begin opnieuw op deze telefoon. Je voortgang en je pincode gaan dan van deze telefoon af.
lock-forgot-start-again = Opnieuw beginnen
lock-forgot-sending = Versturen…
lock-forgot-not-sent = Nog niet alles is verstuurd. Zorg dat je internet hebt en probeer het opnieuw.
pin-title = Pincode
pin-explain-off = Stel een pincode in. Dan kan niemand anders Wegwijs openen op deze telefoon.
pin-explain-on = Wegwijs vraagt je pincode als je de app opent.
pin-new = Nieuwe pincode (4 tot 8 cijfers)
pin-repeat = Typ de pincode nog een keer
pin-current = Je pincode
pin-set = Pincode instellen
pin-remove = Pincode weghalen
pin-saved = Je pincode is ingesteld. Wegwijs vraagt erom als je de app weer opent.
pin-removed = De pincode is weggehaald.
pin-wrong = Verkeerde pincode. De pincode is niet weggehaald.
pin-failed = Dat lukte niet. Probeer het opnieuw.
pin-problem-length = Een pincode heeft 4 tot 8 cijfers.
pin-problem-digits = Gebruik alleen de cijfers 0 tot en met 9.
pin-problem-easy = Deze pincode is makkelijk te raden. Kies een andere.
pin-problem-different = De twee pincodes zijn niet hetzelfde.

## De eigen plek van de uitzendkracht
space-title = Mijn plek
space-notices =
    { $count ->
        [one] { $count } nieuw bericht
       *[other] { $count } nieuwe berichten
    }
space-notices-title = Voor jou
space-no-notices = Niets nieuws voor jou.
notice-new-assignment = Je hebt iets nieuws te doen van je uitzendbureau.
notice-check-in-due = Praat even met { $name }: { $slot }
notice-conversation-due = Je gesprek met je uitzendbureau moet uiterlijk { $date } zijn.
space-assigned-title = Van je uitzendbureau
space-nothing-assigned = Je hebt nog niets te doen van je uitzendbureau.
week-title = Hoe was je week?
week-saved = Dank je wel. Je kunt het de hele week nog veranderen.
mood-1 = Heel slecht
mood-2 = Slecht
mood-3 = Oké
mood-4 = Goed
mood-5 = Heel goed
goal-title = Mijn volgende kleine stap
goal-new = Een nieuwe kleine stap
goal-hint = Iets kleins dat je snel wilt doen. Bijvoorbeeld: vragen naar mijn uren.
goal-save = Mijn stap opslaan
goal-done = Gelukt
goal-reached = Goed gedaan: { $goal }
self-check-title = Wat ik weet en kan
self-check-intro = Beantwoord nu vijf vragen, en later nog een keer. Dan zie je wat er veranderd is. Alleen jij ziet je antwoorden.
self-check-do-before = De eerste keer
self-check-do-after = De tweede keer
self-check-knowing = Ik weet hoe het hier werkt.
self-check-wanting = Ik wil meer leren.
self-check-able = Ik kan het zelf.
self-check-daring = Ik durf iets te vragen of te zeggen.
self-check-allowed = Ik weet wat ik mag.
self-check-scale = 1 = helemaal niet, 5 = ja, helemaal
self-check-save = Mijn antwoorden opslaan
self-check-before = Eerste keer
self-check-after = Tweede keer
skills-title = Mijn vaardigheden
skills-module = Les
skills-task = Taak
skills-certificate = Certificaat
skills-add-label = Iets wat ik op mijn werk heb geleerd
skills-is-certificate = Dit is een certificaat
skills-add = Toevoegen
skills-remove = Weghalen
sharing-title = Wat ik deel
sharing-intro = Jij kiest wat anderen mogen zien. Je antwoorden en notities blijven van jou.
sharing-progress-with-buddy = Mijn maatje mag zien welke lessen ik heb gedaan.
sharing-notes-with-intercedent = Mijn uitzendbureau mag lezen wat mijn maatje over mij opschrijft.
themes-hard-title = Wat ik moeilijk vind
themes-hard-intro = Zo vinden we makkelijker een maatje dat hier goed in is.
offer-title = Maatje zijn
offer-capacity = Hoeveel nieuwe collega's kun je helpen?
offer-not-now = Nu niet
offer-strong = Ik kan helpen met:
data-title = Mijn gegevens
data-export-intro = Bewaar alles wat Wegwijs over jou heeft in één bestand.
data-export = Mijn gegevens opslaan
data-delete-intro = Je kunt je account verwijderen. Dan heeft je uitzendbureau niets meer van jou in Wegwijs.
data-delete = Mijn account verwijderen
data-delete-question = Wil je je account echt verwijderen? Dat kun je daarna niet meer terugdraaien.
data-delete-yes = Ja, verwijderen
data-delete-failed = Dat lukte niet. Zorg dat je internet hebt en probeer het opnieuw.

## Het maatje
buddy-title = Mijn nieuwe collega's
buddy-intro = Praat op deze dagen even met je nieuwe collega. Het duurt twee minuten.
buddy-no-newcomers = Je hebt nog geen nieuwe collega om te helpen.
check-in-day-1 = Eerste dag
check-in-week = Week { $week }
check-in-how = Hoe gaat het?
check-in-topics = Waar hebben jullie over gepraat?
check-in-call = Het uitzendbureau moet deze collega bellen.
check-in-note = Notitie (niet verplicht)
check-in-note-hint = Je uitzendbureau leest dit alleen als je collega dat goedvindt.
check-in-save = Check-in opslaan
going-bad = Niet goed
going-so-so = Gaat wel
going-good = Goed
topic-work = Werk
topic-housing = Wonen
topic-money = Geld
topic-health = Gezondheid
topic-language = Taal
topic-registration = Inschrijving gemeente
topic-insurance = Zorgverzekering
topic-safety = Veilig werken
shift-day = Dagdienst
shift-evening = Avonddienst
shift-night = Nachtdienst
shift-rotating = Wisselende diensten

## De console van de intercedent
console-nav = Console
console-workers = Uitzendkrachten
console-matching = Maatjes koppelen
console-overview = Overzicht
console-sign-out = Afmelden
console-sign-in-title = Aanmelden bij de console
console-email = E-mailadres
console-password = Wachtwoord
console-sign-in = Aanmelden
console-wrong-login = E-mailadres of wachtwoord klopt niet.
console-too-many-tries = Te vaak geprobeerd. Wacht een paar minuten.
console-offline = Geen verbinding met Wegwijs. Controleer je internet en probeer het opnieuw.
console-check-input = Controleer wat je hebt ingevuld.
console-failed = Dat lukte niet. Probeer het opnieuw.
console-follow-ups = Opvolgen
console-no-follow-ups = Niets om op te volgen.
console-finished-module = heeft { $module } afgerond op { $time }
console-followed-up = Opgevolgd
console-worker-list = Jouw uitzendkrachten
console-no-workers = Nog geen uitzendkrachten.
console-started = Start
console-no-placement = Nog geen startdatum
console-modules = Lessen
console-modules-done = Afgerond: { $done } van { $assigned } toegewezen
console-last-check-in = Laatste check-in van het maatje
console-none-yet = Nog geen
console-next-conversation = Volgend ontwikkelgesprek
console-conversation-by = uiterlijk { $date }
console-conversation-overdue = verlopen sinds { $date }
console-open-flags =
    { $count ->
        [one] { $count } melding
       *[other] { $count } meldingen
    }
console-not-joined = Heeft nog geen telefoon gekoppeld.
console-new-worker = Nieuwe uitzendkracht
console-worker-name = Naam
console-add-worker = Uitzendkracht toevoegen
console-join-for = Code voor { $name }, 7 dagen geldig:
console-qr = QR-code om de telefoon te koppelen
console-assign-site = Toewijzen aan iedereen op een locatie
console-site = Locatie of inlener
console-choose-site = Kies een locatie
console-assign-what = Wat moet er gebeuren, in deze volgorde
console-assign-self-check = Eerst: de zelfcheck
console-assign-conversation = Als laatste: een ontwikkelgesprek
console-due-date = Uiterste datum
console-assign = Toewijzen
console-assigned = Toegewezen.
console-assignments = Toegewezen
console-nothing-assigned = Nog niets toegewezen.
console-due = uiterlijk { $date }
console-done-on = afgerond op { $time }
console-not-done = nog niet gedaan
console-item-self-check = Zelfcheck
console-item-conversation = Ontwikkelgesprek
console-check-ins = Check-ins van het maatje
console-no-check-ins = Nog geen check-ins van het maatje.
console-call-flag = Het maatje vraagt je om te bellen.
console-note-private = De notitie is privé.
console-no-note = Geen notitie.
console-flags-handled = Ik heb gebeld: meldingen afsluiten
console-conversations = Ontwikkelgesprekken
console-conversation-window = Plan het gesprek tussen { $from } en { $by }.
console-overdue = Te laat.
console-conversation-planned = Gepland op { $date }
console-conversation-held = gevoerd op { $date }
console-held-today = Vandaag gevoerd
console-plan-date = Datum van het gesprek
console-plan = Gesprek plannen
console-placement = Plaatsing
console-start-date = Startdatum
console-shift = Dienst
console-town = Woonplaats
console-languages = Talen (codes, bijv. pl, en)
console-save = Opslaan
console-saved = Opgeslagen.
console-buddy = Maatje en telefoon
console-new-match = Nieuw maatje zoeken
console-make-buddy = Maak deze uitzendkracht maatje
console-new-code = Nieuwe code voor de telefoon
console-matching-intro = Een maatje spreekt de taal van de nieuwe uitzendkracht. Dezelfde locatie en dienst tellen het zwaarst.
console-unmatched = Nog geen maatje gevonden
console-confirm = Bevestigen
console-confirmed = Bevestigd
reason-language = Spreken allebei: { $language }
reason-site = Zelfde locatie
reason-shift = Zelfde dienst
reason-town = Zelfde woonplaats
reason-theme = Goed in: { $theme }
console-per-module = Per les
console-per-site = Per locatie
console-module = Les
console-assigned-count = Toegewezen
console-started-count = Begonnen
console-completed-count = Afgerond
console-workers-count = Uitzendkrachten
console-joined-count = Telefoon gekoppeld
console-active-count = Actief in de laatste 30 dagen
my-buddy-title = Mijn maatje
my-buddy-is = Je maatje is { $name }. Je kunt alles vragen over het werk en het leven hier.
new-match-ask = Vraag een ander maatje
new-match-failed = Dat lukte niet. Zorg dat je internet hebt en probeer het opnieuw.
push-title = Wegwijs
push-new-assignment = Je uitzendbureau heeft iets nieuws voor je klaargezet. Open Wegwijs om het te zien.
push-section-title = Berichten op deze telefoon
push-explain = Wegwijs kan je laten weten dat je uitzendbureau iets nieuws voor je heeft, ook als de app dicht is. Je ziet alles ook altijd hier.
push-turn-on = Berichten aanzetten
push-on = Berichten staan aan op deze telefoon.
push-denied = Je telefoon staat geen berichten van Wegwijs toe. Je ziet alles nog steeds hier.
console-other-buddy = Of kies een ander maatje
console-choose-buddy = Kies een maatje
console-pair = Koppel ze
console-unassign = Intrekken
