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
