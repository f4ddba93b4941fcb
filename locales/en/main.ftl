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
