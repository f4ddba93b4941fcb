### Teksty alternatywne do piktogramów z public/pictograms/: jedna wiadomość na plik, id pictogram-<nazwa pliku>.
### Krótko i prosto: co oznacza obrazek (najwyżej około dziesięciu słów).

pictogram-phone-call = Dzwoniący telefon: dzwonisz do kogoś
pictogram-clock = Zegar: godzina 10 rano
pictogram-agency-and-hirer = Twoja agencja pracy i firma, w której pracujesz
pictogram-sick-in-bed = Chora osoba leży w łóżku z termometrem
pictogram-house-address = Dom na mapie: twój adres
pictogram-company-doctor = Lekarz zakładowy ze stetoskopem
pictogram-calendar = Kalendarz z zaznaczonymi dniami
pictogram-money = Pieniądze: moneta euro i banknot
pictogram-timeline-day-1 = Dzień 1: zadzwoń i zgłoś chorobę
pictogram-timeline-week-6 = Tydzień 6: lekarz zakładowy ocenia twój problem
pictogram-timeline-week-8 = Tydzień 8: ty i pracodawca razem podpisujecie plan
pictogram-timeline-week-42 = Tydzień 42: pracodawca zgłasza do UWV, że nadal chorujesz
pictogram-timeline-week-52 = Tydzień 52: ty i pracodawca rozmawiacie o pierwszym roku
pictogram-timeline-week-91 = Tydzień 91: raport i formularz wniosku o WIA
pictogram-timeline-week-104 = Tydzień 104: pracodawca przestaje płacić, dostajesz list z decyzją
pictogram-agency-clause = Klauzula agencyjna: umowa może się skończyć, gdy chorujesz
pictogram-uwv-benefit = UWV wypłaca ci zasiłek
pictogram-buddy = Kolega z pracy, który ci pomaga
pictogram-quiz = Pytanie do ciebie
pictogram-done = Gotowe
pictogram-offline = Brak połączenia z internetem
pictogram-help = Pomoc
pictogram-payslip = Twój pasek wypłaty
pictogram-health-insurance = Twoja karta ubezpieczenia zdrowotnego
pictogram-housing = Zakwaterowanie: dom i klucz
pictogram-safety = Bezpieczeństwo w pracy: kask i kamizelka odblaskowa
pictogram-working-hours = Godziny pracy
