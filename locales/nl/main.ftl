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
