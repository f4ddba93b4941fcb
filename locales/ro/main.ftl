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

## Spațiul lucrătorului
space-title = Spațiul meu
space-notices =
    { $count ->
        [one] { $count } mesaj nou
        [few] { $count } mesaje noi
       *[other] { $count } de mesaje noi
    }
space-notices-title = Pentru tine
space-no-notices = Nimic nou pentru tine.
notice-new-assignment = Agenția ți-a dat ceva nou de făcut.
notice-check-in-due = Vorbește cu { $name }: { $slot }
notice-conversation-due = Discuția ta cu agenția trebuie să aibă loc până pe { $date }.
space-assigned-title = De la agenție
space-nothing-assigned = Agenția nu ți-a dat încă nimic de făcut.
week-title = Cum a fost săptămâna ta?
week-saved = Mulțumim. Poți schimba răspunsul toată săptămâna.
mood-1 = Foarte rău
mood-2 = Rău
mood-3 = Așa și așa
mood-4 = Bine
mood-5 = Foarte bine
goal-title = Următorul meu pas mic
goal-new = Un nou pas mic
goal-hint = Ceva mic pe care vrei să-l faci curând. De exemplu: să întreb de orele mele de lucru.
goal-save = Salvează pasul
goal-done = Am reușit
goal-reached = Bravo: { $goal }
self-check-title = Ce știu și ce pot
self-check-intro = Răspunde acum la cinci întrebări. Mai târziu, răspunde din nou. Așa vezi ce s-a schimbat. Doar tu vezi răspunsurile tale.
self-check-do-before = Prima dată
self-check-do-after = A doua oară
self-check-knowing = Știu cum merg lucrurile aici.
self-check-wanting = Vreau să învăț mai mult.
self-check-able = Mă descurc fără ajutor.
self-check-daring = Am curaj să întreb sau să spun ceva.
self-check-allowed = Știu ce am voie să fac.
self-check-scale = 1 = deloc, 5 = da, complet
self-check-save = Salvează răspunsurile
self-check-before = Prima dată
self-check-after = A doua oară
skills-title = Abilitățile mele
skills-module = Lecție
skills-task = Activitate
skills-certificate = Certificat
skills-add-label = Ceva ce am învățat la muncă
skills-is-certificate = Este un certificat
skills-add = Adaugă
skills-remove = Șterge
sharing-title = Ce le arăt altora
sharing-intro = Tu alegi ce pot vedea alții. Răspunsurile și notițele tale rămân ale tale.
sharing-progress-with-buddy = Colegul care mă ajută poate vedea ce lecții am făcut.
sharing-notes-with-intercedent = Agenția mea poate citi ce scrie despre mine colegul care mă ajută.
themes-hard-title = Ce mi se pare greu
themes-hard-intro = Așa găsim mai ușor un coleg care te poate ajuta cu asta.
offer-title = Ajută colegii noi
offer-capacity = Câți colegi noi poți ajuta?
offer-not-now = Nu acum
offer-strong = Pot ajuta la:
data-title = Datele mele
data-export-intro = Salvează într-un singur fișier tot ce are Wegwijs despre tine.
data-export = Salvează datele mele
data-delete-intro = Poți să-ți ștergi contul. Atunci agenția ta nu mai are nimic de la tine în Wegwijs.
data-delete = Șterge-mi contul
data-delete-question = Sigur vrei să-ți ștergi contul? După asta, contul nu se mai poate recupera.
data-delete-yes = Da, șterge
data-delete-failed = Nu a mers. Conectează-te la internet și încearcă din nou.

## Colegul care ajută
buddy-title = Colegii mei noi
buddy-intro = Vorbește cu noul tău coleg în zilele de mai jos. Durează două minute.
buddy-no-newcomers = Încă nu ai un coleg nou de ajutat.
check-in-day-1 = Prima zi
check-in-week = Săptămâna { $week }
check-in-how = Cum îi merge?
check-in-topics = Despre ce ați vorbit?
check-in-call = Agenția ar trebui să-l sune pe noul coleg.
check-in-note = Notiță (opțional)
check-in-note-hint = Agenția citește asta doar dacă noul tău coleg este de acord.
check-in-save = Salvează discuția
going-bad = Nu prea bine
going-so-so = Așa și așa
going-good = Bine
topic-work = Muncă
topic-housing = Locuință
topic-money = Bani
topic-health = Sănătate
topic-language = Limbă
topic-registration = Înregistrare la primărie
topic-insurance = Asigurare de sănătate
topic-safety = Siguranță la muncă
shift-day = Tură de zi
shift-evening = Tură de seară
shift-night = Tură de noapte
shift-rotating = Ture prin rotație

## Consola intercedentului
console-nav = Consolă
console-workers = Lucrători
console-matching = Alegerea colegilor de sprijin
console-overview = Privire de ansamblu
console-sign-out = Ieși din cont
console-sign-in-title = Intră în consolă
console-email = E-mail
console-password = Parola
console-sign-in = Intră în cont
console-wrong-login = E-mail sau parolă greșită.
console-too-many-tries = Prea multe încercări. Așteaptă câteva minute.
console-offline = Nu există conexiune cu Wegwijs. Verifică internetul și încearcă din nou.
console-check-input = Verifică ce ai completat.
console-failed = Nu a mers. Încearcă din nou.
console-follow-ups = De discutat
console-no-follow-ups = Nimic de discutat.
console-finished-module = a terminat lecția { $module } pe { $time }
console-followed-up = Discutat
console-worker-list = Lucrătorii tăi
console-no-workers = Încă nu ai lucrători.
console-started = Început
console-no-placement = Încă nu are dată de început
console-modules = Lecții
console-modules-done = Atribuite: { $assigned }, terminate: { $done }
console-last-check-in = Ultima discuție cu colegul de sprijin
console-none-yet = Niciuna încă
console-next-conversation = Următoarea discuție de dezvoltare
console-conversation-by = până pe { $date }
console-conversation-overdue = termen depășit: { $date }
console-open-flags =
    { $count ->
        [one] { $count } alertă
        [few] { $count } alerte
       *[other] { $count } de alerte
    }
console-not-joined = Nu și-a conectat încă telefonul.
console-new-worker = Lucrător nou
console-worker-name = Nume
console-add-worker = Adaugă lucrător
console-join-for = Codul pentru { $name }, valabil 7 zile:
console-qr = Cod QR pentru conectarea telefonului
console-assign-site = Atribuie tuturor de la un loc de muncă
console-site = Locul de muncă sau firma
console-choose-site = Alege locul de muncă
console-assign-what = Ce trebuie făcut, în această ordine
console-assign-self-check = Întâi: autoevaluarea
console-assign-conversation = La final: o discuție de dezvoltare
console-due-date = Termen
console-assign = Atribuie
console-assigned = S-a atribuit.
console-assignments = Atribuite
console-nothing-assigned = Nu s-a atribuit încă nimic.
console-due = până pe { $date }
console-done-on = terminat pe { $time }
console-not-done = încă nu e gata
console-item-self-check = Autoevaluare
console-item-conversation = Discuție de dezvoltare
console-check-ins = Discuțiile cu colegul de sprijin
console-no-check-ins = Încă nu sunt discuții cu colegul de sprijin.
console-call-flag = Colegul de sprijin te roagă să suni.
console-note-private = Notița este privată.
console-no-note = Fără notiță.
console-flags-handled = Am sunat: șterge alertele
console-conversations = Discuții de dezvoltare
console-conversation-window = Programează discuția între { $from } și { $by }.
console-overdue = Termen depășit.
console-conversation-planned = Programată pe { $date }
console-conversation-held = a avut loc pe { $date }
console-held-today = A avut loc azi
console-plan-date = Data discuției
console-plan = Programează discuția
console-placement = Repartizarea
console-start-date = Data de început
console-shift = Tura
console-town = Localitatea
console-languages = Limbi (coduri, de ex. pl, en)
console-save = Salvează
console-saved = Salvat.
console-buddy = Coleg de sprijin și telefon
console-new-match = Caută alt coleg de sprijin
console-make-buddy = Numește ca coleg de sprijin
console-new-code = Cod nou pentru telefon
console-matching-intro = Colegul de sprijin vorbește limba lucrătorului nou. Cel mai mult contează același loc de muncă și aceeași tură.
console-unmatched = Încă fără coleg de sprijin
console-confirm = Confirmă
console-confirmed = Confirmat
reason-language = Limbă comună: { $language }
reason-site = Același loc de muncă
reason-shift = Aceeași tură
reason-town = Aceeași localitate
reason-theme = Se pricepe la: { $theme }
console-per-module = Pe lecții
console-per-site = Pe locuri de muncă
console-module = Lecție
console-assigned-count = Atribuite
console-started-count = Începute
console-completed-count = Terminate
console-workers-count = Lucrători
console-joined-count = Cu telefonul conectat
console-active-count = Activi în ultimele 30 de zile
my-buddy-title = Colegul care mă ajută
my-buddy-is = Colegul care te ajută este { $name }. Îl poți întreba orice despre muncă și despre viața de aici.
new-match-ask = Cere alt coleg care să te ajute
new-match-failed = Nu a mers. Conectează-te la internet și încearcă din nou.
push-title = Wegwijs
push-new-assignment = Agenția ți-a dat ceva nou de făcut. Deschide Wegwijs ca să vezi.
push-section-title = Notificări pe acest telefon
push-explain = Wegwijs îți poate spune când agenția îți dă ceva nou, chiar și când aplicația e închisă. Vezi totul și aici, oricând.
push-turn-on = Pornește notificările
push-on = Notificările sunt pornite pe acest telefon.
push-denied = Telefonul tău nu permite notificări de la Wegwijs. Vezi totul în continuare aici.
console-other-buddy = Sau alege alt coleg de sprijin
console-choose-buddy = Alege un coleg de sprijin
console-pair = Formează perechea
console-unassign = Retrage
