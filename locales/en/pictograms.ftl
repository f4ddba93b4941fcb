### Text alternatives for the pictograms in public/pictograms/: one message per file, id pictogram-<file name>.
### Say what the picture means in a short, plain phrase (at most about ten words).

pictogram-phone-call = A phone ringing: you call someone
pictogram-clock = A clock at 10 in the morning
pictogram-agency-and-hirer = Your agency and the company where you work
pictogram-sick-in-bed = A sick person in bed with a thermometer
pictogram-house-address = A house on the map: your address
pictogram-company-doctor = The company doctor with a stethoscope
pictogram-calendar = A calendar with days ticked off
pictogram-money = Money: a euro coin and a banknote
pictogram-timeline-day-1 = Day 1: call and say that you are sick
pictogram-timeline-week-6 = Week 6: the company doctor looks at your problem
pictogram-timeline-week-8 = Week 8: you and your employer sign a plan together
pictogram-timeline-week-42 = Week 42: your employer tells UWV you are still sick
pictogram-timeline-week-52 = Week 52: you and your employer talk about the first year
pictogram-timeline-week-91 = Week 91: a report and a form to apply for WIA
pictogram-timeline-week-104 = Week 104: your wage stops, you get a decision letter
pictogram-agency-clause = Agency clause: your contract can end when you are sick
pictogram-uwv-benefit = UWV pays you a benefit
pictogram-buddy = Your buddy: a co-worker who helps you
pictogram-quiz = A question for you
pictogram-done = Done
pictogram-offline = No internet connection
pictogram-help = Help
pictogram-payslip = Your payslip
pictogram-health-insurance = Your health insurance card
pictogram-housing = Housing: a house and a key
pictogram-safety = Safety at work: hard hat and safety vest
pictogram-working-hours = Working hours
