### Texte alternative pentru pictogramele din public/pictograms/: un mesaj pentru fiecare fișier, id pictogram-<numele fișierului>.
### Spune scurt și simplu ce înseamnă imaginea (cel mult aproximativ zece cuvinte).

pictogram-phone-call = Un telefon care sună: suni pe cineva
pictogram-clock = Un ceas la ora 10 dimineața
pictogram-agency-and-hirer = Agenția ta și firma unde lucrezi
pictogram-sick-in-bed = O persoană bolnavă în pat, cu termometru
pictogram-house-address = O casă pe hartă: adresa ta
pictogram-company-doctor = Medicul de medicina muncii, cu stetoscop
pictogram-calendar = Un calendar cu zile bifate
pictogram-money = Bani: o monedă euro și o bancnotă
pictogram-timeline-day-1 = Ziua 1: suni și anunți că ești bolnav
pictogram-timeline-week-6 = Săptămâna 6: medicul firmei analizează problema ta
pictogram-timeline-week-8 = Săptămâna 8: tu și angajatorul semnați împreună un plan
pictogram-timeline-week-42 = Săptămâna 42: angajatorul informează UWV că ești încă bolnav
pictogram-timeline-week-52 = Săptămâna 52: tu și angajatorul vorbiți despre primul an
pictogram-timeline-week-91 = Săptămâna 91: un raport și o cerere pentru WIA
pictogram-timeline-week-104 = Săptămâna 104: salariul se oprește, primești o scrisoare cu decizia
pictogram-agency-clause = Clauza de agenție: contractul se poate încheia când ești bolnav
pictogram-uwv-benefit = UWV îți plătește o indemnizație
pictogram-buddy = Un coleg de muncă care te ajută
pictogram-quiz = O întrebare pentru tine
pictogram-done = Gata
pictogram-offline = Fără conexiune la internet
pictogram-help = Ajutor
pictogram-payslip = Fluturașul tău de salariu
pictogram-health-insurance = Cardul tău de asigurare de sănătate
pictogram-housing = Locuința: o casă și o cheie
pictogram-safety = Siguranța la muncă: cască și vestă reflectorizantă
pictogram-working-hours = Programul de lucru
