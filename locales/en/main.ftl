# Wegwijs: words of the app itself (module content lives in content/modules).
# Plain language (A2): short sentences, common words.

app-name = Wegwijs
skip-to-content = Skip to content
language-label = Language
loading = Loading…

home-title = Learn in a few minutes
home-intro = Short lessons about work and life in the Netherlands. They also work without internet.

theme-health = Health and being sick
theme-money = Money
theme-work = Your work
theme-living = Living in the Netherlands
theme-help = Getting help
theme-growth = Learning and growing

module-minutes =
    { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
status-not-started = Not started
status-in-progress = Started
status-done = Done

content-missing-title = Lesson not found
content-unavailable = This lesson is not on your phone yet. Connect to the internet once, then try again.

player-step-of = Step { $current } of { $total }
player-next = Next
player-back = Back
player-to-quiz = To the questions
player-finish = Finish
player-key-facts = Good to know
player-checklist = Check
player-action = What to do now
player-sources = Sources
player-source = { $organisation }, checked on { $date }

quiz-title = Questions
quiz-question-of = Question { $current } of { $total }
quiz-pick-all = Choose all answers that are right.
quiz-check = Check my answer
quiz-right = Right!
quiz-try-again = Not quite. Read why, and try again if you like.
quiz-next = Next question
quiz-finish = Finish

done-title = Well done!
done-next-step = Your next small step
done-talk = Talk about it with your buddy or your contact person at the agency.
done-back = Back to the lessons

sync-all-saved = All saved
sync-waiting =
    { $count ->
        [one] { $count } change waiting
       *[other] { $count } changes waiting
    }
sync-offline-waiting =
    { $count ->
        [one] Offline: { $count } change waiting
       *[other] Offline: { $count } changes waiting
    }

not-found-title = Page not found
not-found-back = Go to the lessons

listen = Listen
listen-stop = Stop reading

budget-title = Your money this month
budget-private = What you type here stays on your phone. Nobody else sees it.
budget-income = Money you get this month, after tax
budget-costs = Your costs this month
budget-cost-housing = Housing
budget-cost-health-insurance = Health insurance
budget-cost-transport = Transport
budget-cost-food = Food and shopping
budget-cost-phone = Phone and internet
budget-cost-sent-home = Money you send home
budget-cost-other = Other costs
budget-empty = Type your money and your costs. Then you see what is left.
budget-left = Left this month: { $amount }
budget-short = Your costs are { $amount } more than your money. Look at your biggest costs first, and get free help.
budget-not-an-amount = Type an amount in euro, for example 250 or 12,50.

# Linking the phone to the agency (/join), the header's sync status, the account page.
sync-link-agency = Link to your agency
sync-signed-out = Signed out

join-title = Link to your agency
join-intro = Your agency gives you a code. With the code, your agency sees your progress in the lessons. And you can use Wegwijs on another phone too.
join-code-label = Your code
join-code-hint = 8 letters and numbers, for example ABCD-EFGH.
join-submit = Link this phone
join-busy = Linking…
join-not-a-code = A code has 8 letters and numbers. Check your code and type it again.
join-wrong-code = This code does not work. Maybe it is wrong or too old. Ask your agency for a new code.
join-other-person = This phone is linked to another person. First sign out on this phone. Then use your code.
join-too-many-tries =
    { $minutes ->
        [one] Too many tries. Wait { $minutes } minute, then try again.
       *[other] Too many tries. Wait { $minutes } minutes, then try again.
    }
join-offline = No internet. Connect to the internet and try again.
join-failed = Something went wrong. Try again later.
join-done-title = Your phone is linked
join-done = Welcome, { $name }! What you learn now also goes to your agency.
join-already = This phone is already linked to your agency. Your name: { $name }.
join-to-lessons = Go to the lessons

account-title = Your account
account-not-linked = This phone is not linked to your agency. What you do is saved only on this phone.
account-linked = This phone is linked to your agency. Your name: { $name }.
account-signed-out-by-agency = Your agency signed you out on this phone. Your progress is still here. Ask your agency for a new code.
account-new-code = Type a new code
account-sync-title = Sending to your agency
account-last-synced = Last sent: { $time }
account-never-synced = Nothing sent yet.
account-sync-failed = Sending did not work. Wegwijs tries again by itself.
account-offline = No internet. Your changes are sent when you are online again.
account-retry = Try again now
account-sign-out-title = Sign out
account-sign-out-explain = When you sign out, Wegwijs removes your progress and your settings from this phone. What your agency already has stays there.
account-sign-out = Sign out on this phone
account-sign-out-question = Do you want to sign out now?
account-sign-out-unsent =
    { $count ->
        [one] { $count } change is not sent yet. If you sign out now, it is lost.
       *[other] { $count } changes are not sent yet. If you sign out now, they are lost.
    }
account-sign-out-yes = Yes, sign out
account-sign-out-cancel = No, go back
account-signing-out = Signing out…

## The PIN that locks the app on this phone
lock-title = Wegwijs is locked
lock-pin-label = Your PIN
lock-unlock = Open
lock-checking = Checking…
lock-wrong =
    { $tries ->
        [one] Wrong PIN. After one more wrong PIN, you have to wait.
       *[other] Wrong PIN. After { $tries } more wrong PINs, you have to wait.
    }
lock-wait =
    { $minutes ->
        [one] Too many wrong PINs. Try again in { $minutes } minute.
       *[other] Too many wrong PINs. Try again in { $minutes } minutes.
    }
lock-forgot = Forgot your PIN?
lock-forgot-linked = Sign out on this phone. Then ask your agency for a new code and link your phone again: your progress comes back. Wegwijs first sends what is still waiting.
lock-forgot-alone = Start again on this phone. This removes your progress and your PIN from this phone.
lock-forgot-start-again = Start again
lock-forgot-sending = Sending…
lock-forgot-not-sent = Not everything is sent yet. Connect to the internet and try again.
pin-title = PIN
pin-explain-off = Set a PIN, so nobody else can open Wegwijs on this phone.
pin-explain-on = Wegwijs asks for your PIN when you open it.
pin-new = New PIN (4 to 8 numbers)
pin-repeat = Type the PIN again
pin-current = Your PIN
pin-set = Set PIN
pin-remove = Remove PIN
pin-saved = Your PIN is set. Wegwijs asks for it the next time you open it.
pin-removed = The PIN is removed.
pin-wrong = Wrong PIN. The PIN is not removed.
pin-failed = That did not work. Try again.
pin-problem-length = A PIN has 4 to 8 numbers.
pin-problem-digits = Use only the numbers 0 to 9.
pin-problem-easy = This PIN is easy to guess. Choose another one.
pin-problem-different = The two PINs are not the same.

## The worker's own space
space-title = My space
space-notices =
    { $count ->
        [one] { $count } new message
       *[other] { $count } new messages
    }
space-notices-title = For you
space-no-notices = Nothing new for you.
notice-new-assignment = Your agency gave you something new to do.
notice-check-in-due = Check in with { $name }: { $slot }
notice-conversation-due = Your talk with your agency is due by { $date }.
space-assigned-title = From your agency
space-nothing-assigned = Your agency has not given you anything to do yet.
week-title = How was your week?
week-saved = Thank you. You can change it all week.
mood-1 = Very bad
mood-2 = Bad
mood-3 = OK
mood-4 = Good
mood-5 = Very good
goal-title = My next small step
goal-new = A new small step
goal-hint = Something small you want to do soon. For example: ask about my hours.
goal-save = Save my step
goal-done = I did it
goal-reached = Well done: { $goal }
self-check-title = What I know and can do
self-check-intro = Answer five questions now, and again later. Then you see what changed. Only you see your answers.
self-check-do-before = First time
self-check-do-after = Second time
self-check-knowing = I know how things work here.
self-check-wanting = I want to learn more.
self-check-able = I can do it myself.
self-check-daring = I dare to ask or say something.
self-check-allowed = I know what I am allowed to do.
self-check-scale = 1 = not at all, 5 = yes, fully
self-check-save = Save my answers
self-check-before = First time
self-check-after = Second time
skills-title = My skills
skills-module = Lesson
skills-task = Task
skills-certificate = Certificate
skills-add-label = Something I learned at work
skills-is-certificate = This is a certificate
skills-add = Add
skills-remove = Remove
sharing-title = What I share
sharing-intro = You choose what others may see. Your answers and notes stay yours.
sharing-progress-with-buddy = My buddy may see which lessons I did.
sharing-notes-with-intercedent = My agency may read my buddy's notes about me.
themes-hard-title = What I find hard
themes-hard-intro = This helps to find a buddy who is good at it.
offer-title = Being a buddy
offer-capacity = How many new colleagues can you help?
offer-not-now = Not now
offer-strong = I can help with:
data-title = My data
data-export-intro = Save everything Wegwijs has about you in one file.
data-export = Save my data
data-delete-intro = You can delete your account. Your agency then has nothing of yours in Wegwijs.
data-delete = Delete my account
data-delete-question = Do you really want to delete your account? This cannot be undone.
data-delete-yes = Yes, delete
data-delete-failed = That did not work. Connect to the internet and try again.

## The buddy
buddy-title = My new colleagues
buddy-intro = Check in with your new colleague on these days. It takes two minutes.
buddy-no-newcomers = You have no new colleague to help yet.
check-in-day-1 = First day
check-in-week = Week { $week }
check-in-how = How is it going?
check-in-topics = What did you talk about?
check-in-call = The agency should call them.
check-in-note = Note (optional)
check-in-note-hint = Your agency reads this only if your colleague allows it.
check-in-save = Save check-in
going-bad = Not good
going-so-so = So-so
going-good = Good
topic-work = Work
topic-housing = Housing
topic-money = Money
topic-health = Health
topic-language = Language
topic-registration = Registration
topic-insurance = Insurance
topic-safety = Safety
shift-day = Day
shift-evening = Evening
shift-night = Night
shift-rotating = Changing shifts

## The intercedent's console
console-nav = Console
console-workers = Workers
console-matching = Buddy matching
console-overview = Overview
console-sign-out = Sign out
console-sign-in-title = Sign in to the console
console-email = E-mail
console-password = Password
console-sign-in = Sign in
console-wrong-login = Wrong e-mail or password.
console-too-many-tries = Too many tries. Wait a few minutes.
console-offline = No connection to Wegwijs. Check the internet and try again.
console-check-input = Please check what you filled in.
console-failed = That did not work. Try again.
console-follow-ups = Follow up
console-no-follow-ups = Nothing to follow up.
console-finished-module = finished { $module } on { $time }
console-followed-up = Followed up
console-worker-list = Your workers
console-no-workers = No workers yet.
console-started = Start
console-no-placement = No start date yet
console-modules = Lessons
console-modules-done = { $done } of { $assigned } assigned done
console-last-check-in = Last buddy check-in
console-none-yet = None yet
console-next-conversation = Next development talk
console-conversation-by = by { $date }
console-conversation-overdue = overdue since { $date }
console-open-flags =
    { $count ->
        [one] { $count } flag
       *[other] { $count } flags
    }
console-not-joined = Has not linked a phone yet.
console-new-worker = New worker
console-worker-name = Name
console-add-worker = Add worker
console-join-for = Code for { $name }, valid for 7 days:
console-qr = QR code to link the phone
console-assign-site = Assign to everyone at a site
console-site = Site or hirer
console-choose-site = Choose a site
console-assign-what = What to do, in this order
console-assign-self-check = First: the self-check
console-assign-conversation = Last: a development talk
console-due-date = Due date
console-assign = Assign
console-assigned = Assigned.
console-assignments = Assigned
console-nothing-assigned = Nothing assigned yet.
console-due = due { $date }
console-done-on = done { $time }
console-not-done = not done yet
console-item-self-check = Self-check
console-item-conversation = Development talk
console-check-ins = Buddy check-ins
console-no-check-ins = No buddy check-ins yet.
console-call-flag = The buddy asks you to call.
console-note-private = The note is private.
console-no-note = No note.
console-flags-handled = I have called: clear the flags
console-conversations = Development talks
console-conversation-window = Plan it between { $from } and { $by }.
console-overdue = Overdue.
console-conversation-planned = Planned for { $date }
console-conversation-held = held on { $date }
console-held-today = Held today
console-plan-date = Date of the talk
console-plan = Plan the talk
console-placement = Placement
console-start-date = Start date
console-shift = Shift
console-town = Town
console-languages = Languages (codes, e.g. pl, en)
console-save = Save
console-saved = Saved.
console-buddy = Buddy and phone
console-new-match = Find a new buddy
console-make-buddy = Make this worker a buddy
console-new-code = New code for the phone
console-matching-intro = A buddy speaks the newcomer's language. Same site and shift count most.
console-unmatched = No buddy found yet
console-confirm = Confirm
console-confirmed = Confirmed
reason-language = Both speak { $language }
reason-site = Same site
reason-shift = Same shift
reason-town = Same town
reason-theme = Good at { $theme }
console-per-module = Per lesson
console-per-site = Per site
console-module = Lesson
console-assigned-count = Assigned
console-started-count = Started
console-completed-count = Finished
console-workers-count = Workers
console-joined-count = Linked a phone
console-active-count = Active in the last 30 days
my-buddy-title = My buddy
my-buddy-is = Your buddy is { $name }. You can ask them anything about work and life here.
new-match-ask = Ask for another buddy
new-match-failed = That did not work. Connect to the internet and try again.
push-title = Wegwijs
push-new-assignment = Your agency gave you something new to do. Open Wegwijs to see it.
push-section-title = Messages on this phone
push-explain = Wegwijs can tell you when your agency gives you something new, also when the app is closed. You always see everything here too.
push-turn-on = Turn on messages
push-on = Messages are on for this phone.
push-denied = Your phone does not allow messages from Wegwijs. You still see everything here.
console-other-buddy = Or choose another buddy
console-choose-buddy = Choose a buddy
console-pair = Pair them
console-unassign = Take back
