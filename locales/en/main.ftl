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
