# Wegwijs: cuvintele aplicației (conținutul lecțiilor este în content/modules).
# Limbaj simplu (A2): propoziții scurte, cuvinte obișnuite.

app-name = Wegwijs
skip-to-content = Sari la conținut
language-label = Limba
loading = Se încarcă…

home-title = Învață în câteva minute
home-intro = Lecții scurte despre muncă și viață în Olanda. Funcționează și fără internet.

theme-health = Sănătate și boală
theme-money = Bani
theme-work = Munca ta
theme-living = Viața în Olanda
theme-help = Unde găsești ajutor
theme-growth = Învață și progresează

module-minutes =
    { $minutes ->
        [one] { $minutes } minut
        [few] { $minutes } minute
       *[other] { $minutes } de minute
    }
status-not-started = Nu ai început
status-in-progress = Ai început
status-done = Gata

content-missing-title = Nu am găsit lecția
content-unavailable = Lecția nu este încă pe telefonul tău. Conectează-te o dată la internet, apoi încearcă din nou.

player-step-of = Pasul { $current } din { $total }
player-next = Mai departe
player-back = Înapoi
player-to-quiz = La întrebări
player-finish = Termină
player-key-facts = Bine de știut
player-checklist = De verificat
player-action = Ce faci acum
player-sources = Surse
player-source = { $organisation }, verificat pe { $date }

quiz-title = Întrebări
quiz-question-of = Întrebarea { $current } din { $total }
quiz-pick-all = Alege toate răspunsurile corecte.
quiz-check = Verifică răspunsul
quiz-right = Corect!
quiz-try-again = Nu e chiar corect. Citește de ce și, dacă vrei, încearcă din nou.
quiz-next = Următoarea întrebare
quiz-finish = Termină

done-title = Bravo!
done-next-step = Următorul tău pas mic
done-talk = Vorbește despre asta cu colegul care te ajută sau cu persoana de contact de la agenție.
done-back = Înapoi la lecții

sync-all-saved = Totul este salvat
sync-waiting =
    { $count ->
        [one] { $count } modificare în așteptare
        [few] { $count } modificări în așteptare
       *[other] { $count } de modificări în așteptare
    }
sync-offline-waiting =
    { $count ->
        [one] Fără internet: { $count } modificare în așteptare
        [few] Fără internet: { $count } modificări în așteptare
       *[other] Fără internet: { $count } de modificări în așteptare
    }

not-found-title = Nu am găsit pagina
not-found-back = Mergi la lecții

listen = Ascultă
listen-stop = Oprește citirea

budget-title = Banii tăi luna asta
budget-private = Ce scrii aici rămâne doar în telefonul tău. Nimeni altcineva nu vede ce ai scris.
budget-income = Banii pe care îi primești luna asta, după impozit
budget-costs = Cheltuielile tale luna asta
# Aceleași nume ca în lista de la pasul „planner” din content/modules/money-first-month/ro.toml.
budget-cost-housing = Locuință (chirie)
budget-cost-health-insurance = Asigurare de sănătate
budget-cost-transport = Transport
budget-cost-food = Mâncare și cumpărături
budget-cost-phone = Telefon și internet
budget-cost-sent-home = Bani trimiși acasă
budget-cost-other = Alte cheltuieli
budget-empty = Scrie cât primești și cât cheltuiești. Apoi vezi cât îți rămâne.
budget-left = Îți rămân luna asta: { $amount }
budget-short = Cheltuielile tale sunt cu { $amount } mai mari decât banii tăi. Uită-te mai întâi la cele mai mari cheltuieli și cere ajutor gratuit.
budget-not-an-amount = Scrie o sumă în euro, de exemplu 250 sau 12,50.

# Conectarea telefonului la agenție (/join), starea trimiterii din antet, pagina contului.
sync-link-agency = Conectează-te la agenție
sync-signed-out = Sesiune încheiată

join-title = Conectează-te la agenție
join-intro = Agenția ta îți dă un cod. Cu acest cod, agenția vede progresul tău la lecții. Și poți folosi Wegwijs și pe alt telefon.
join-code-label = Codul tău
join-code-hint = 8 litere și cifre, de exemplu ABCD-EFGH.
join-submit = Conectează telefonul
join-busy = Se conectează…
join-not-a-code = Un cod are 8 litere și cifre. Verifică codul și scrie-l din nou.
join-wrong-code = Codul nu merge. Poate este greșit sau prea vechi. Cere agenției un cod nou.
join-other-person = Telefonul acesta este conectat la contul altei persoane. Mai întâi ieși din cont pe acest telefon. Apoi folosește codul tău.
join-too-many-tries =
    { $minutes ->
        [one] Prea multe încercări. Așteaptă { $minutes } minut, apoi încearcă din nou.
        [few] Prea multe încercări. Așteaptă { $minutes } minute, apoi încearcă din nou.
       *[other] Prea multe încercări. Așteaptă { $minutes } de minute, apoi încearcă din nou.
    }
join-offline = Nu ai internet. Conectează-te la internet și încearcă din nou.
join-failed = Ceva nu a mers. Încearcă mai târziu.
join-done-title = Telefonul este conectat
join-done = Bine ai venit, { $name }! Ce înveți ajunge acum și la agenția ta.
join-already = Telefonul acesta este deja conectat la agenția ta. Numele tău: { $name }.
join-to-lessons = Mergi la lecții

account-title = Contul tău
account-not-linked = Telefonul acesta nu este conectat la agenția ta. Ce faci se salvează doar pe acest telefon.
account-linked = Telefonul acesta este conectat la agenția ta. Numele tău: { $name }.
account-signed-out-by-agency = Agenția ta a închis sesiunea pe acest telefon. Progresul tău este încă aici. Cere agenției un cod nou.
account-new-code = Scrie un cod nou
account-sync-title = Trimiterea la agenție
account-last-synced = Trimis ultima dată: { $time }
account-never-synced = Nu s-a trimis încă nimic.
account-sync-failed = Trimiterea nu a reușit. Wegwijs încearcă din nou singur.
account-offline = Nu ai internet. Modificările tale se trimit când ai din nou internet.
account-retry = Încearcă acum
account-sign-out-title = Ieșirea din cont
account-sign-out-explain = Când ieși din cont, Wegwijs șterge de pe acest telefon progresul și setările tale. Ce are deja agenția rămâne la agenție.
account-sign-out = Ieși din cont pe acest telefon
account-sign-out-question = Vrei să ieși din cont acum?
account-sign-out-unsent =
    { $count ->
        [one] { $count } modificare nu este încă trimisă. Dacă ieși acum din cont, se pierde.
        [few] { $count } modificări nu sunt încă trimise. Dacă ieși acum din cont, se pierd.
       *[other] { $count } de modificări nu sunt încă trimise. Dacă ieși acum din cont, se pierd.
    }
account-sign-out-yes = Da, ieși din cont
account-sign-out-cancel = Nu, înapoi
account-signing-out = Se închide sesiunea…

## PIN-ul care blochează aplicația pe acest telefon
lock-title = Wegwijs este blocat
lock-pin-label = PIN-ul tău
lock-unlock = Deschide
lock-checking = Se verifică…
lock-wrong =
    { $tries ->
        [one] PIN greșit. După încă o încercare greșită trebuie să aștepți.
        [few] PIN greșit. După încă { $tries } încercări greșite trebuie să aștepți.
       *[other] PIN greșit. După încă { $tries } de încercări greșite trebuie să aștepți.
    }
lock-wait =
    { $minutes ->
        [one] Prea multe încercări greșite. Încearcă din nou peste { $minutes } minut.
        [few] Prea multe încercări greșite. Încearcă din nou peste { $minutes } minute.
       *[other] Prea multe încercări greșite. Încearcă din nou peste { $minutes } de minute.
    }
lock-forgot = Ai uitat PIN-ul?
lock-forgot-linked = Ieși din cont pe acest telefon. Apoi cere agenției un cod nou și conectează telefonul din nou: progresul tău revine. Mai întâi Wegwijs trimite ce mai așteaptă.
lock-forgot-alone = Începe din nou pe acest telefon. Progresul tău și PIN-ul se șterg de pe acest telefon.
lock-forgot-start-again = Începe din nou
lock-forgot-sending = Se trimite…
lock-forgot-not-sent = Nu s-a trimis încă totul. Conectează-te la internet și încearcă din nou.
pin-title = PIN
pin-explain-off = Pune un PIN, ca nimeni altcineva să nu poată deschide Wegwijs pe acest telefon.
pin-explain-on = Wegwijs îți cere PIN-ul când îl deschizi.
pin-new = PIN nou (între 4 și 8 cifre)
pin-repeat = Scrie PIN-ul încă o dată
pin-current = PIN-ul tău
pin-set = Pune PIN-ul
pin-remove = Șterge PIN-ul
pin-saved = PIN-ul este pus. Wegwijs ți-l cere data viitoare când îl deschizi.
pin-removed = PIN-ul a fost șters.
pin-wrong = PIN greșit. PIN-ul nu a fost șters.
pin-failed = Nu a mers. Încearcă din nou.
pin-problem-length = Un PIN are între 4 și 8 cifre.
pin-problem-digits = Folosește doar cifrele de la 0 la 9.
pin-problem-easy = Acest PIN se ghicește ușor. Alege altul.
pin-problem-different = Cele două PIN-uri nu sunt la fel.
