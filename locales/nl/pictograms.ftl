### Tekstalternatieven voor de pictogrammen in public/pictograms/: één bericht per bestand, id pictogram-<bestandsnaam>.
### Zeg in een korte, eenvoudige zin wat het plaatje betekent (hooguit ongeveer tien woorden).

pictogram-phone-call = Een telefoon die belt: je belt iemand
pictogram-clock = Een klok op 10 uur 's ochtends
pictogram-agency-and-hirer = Je uitzendbureau en het bedrijf waar je werkt
pictogram-sick-in-bed = Iemand ligt ziek in bed met een thermometer
pictogram-house-address = Een huis op de kaart: je adres
pictogram-company-doctor = De bedrijfsarts met een stethoscoop
pictogram-calendar = Een kalender met afgevinkte dagen
pictogram-money = Geld: een euromunt en een bankbiljet
pictogram-timeline-day-1 = Dag 1: bel en meld je ziek
pictogram-timeline-week-6 = Week 6: de bedrijfsarts kijkt naar je probleem
pictogram-timeline-week-8 = Week 8: jij en je werkgever tekenen samen een plan
pictogram-timeline-week-42 = Week 42: je werkgever meldt UWV dat je nog ziek bent
pictogram-timeline-week-52 = Week 52: jij en je werkgever praten over het eerste jaar
pictogram-timeline-week-91 = Week 91: een verslag en een formulier voor de WIA-aanvraag
pictogram-timeline-week-104 = Week 104: je loon stopt en je krijgt een besluit
pictogram-agency-clause = Uitzendbeding: je contract kan stoppen als je ziek bent
pictogram-uwv-benefit = UWV betaalt je een uitkering
pictogram-buddy = Je maatje: een collega die je helpt
pictogram-quiz = Een vraag voor jou
pictogram-done = Klaar
pictogram-offline = Geen internetverbinding
pictogram-help = Hulp
pictogram-payslip = Je loonstrook
pictogram-health-insurance = Je pas van de zorgverzekering
pictogram-housing = Huisvesting: een huis en een sleutel
pictogram-safety = Veilig werken: helm en veiligheidshesje
pictogram-working-hours = Werktijden
