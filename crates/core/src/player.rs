//! Where a worker is inside a module, and where Next and Back lead from there.
//!
//! The place is part of the URL (`/modules/<id>/step/2`), so the phone's back button, a reload
//! and a deep link all land where the worker expects.

use crate::progress::ModuleProgress;

/// A place in a module. Indices count from 0; URLs count from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The module's own address: the player works out where to resume.
    Start,
    Step(usize),
    Question(usize),
    Done,
}

impl Place {
    /// Reads the part of a path after `/modules/<id>/`: `""`, `"step/3"`, `"quiz/1"`, `"done"`.
    /// Anything else is the start, which resumes.
    pub fn from_path(rest: &str) -> Place {
        let rest = rest.trim_matches('/');
        let number = |n: &str| n.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        match rest.split_once('/') {
            Some(("step", n)) => number(n).map_or(Place::Start, Place::Step),
            Some(("quiz", n)) => number(n).map_or(Place::Start, Place::Question),
            _ if rest == "done" => Place::Done,
            _ => Place::Start,
        }
    }

    /// The path under `/modules/<id>/` that [`Place::from_path`] reads back.
    pub fn to_path(self) -> String {
        match self {
            Place::Start => String::new(),
            Place::Step(i) => format!("step/{}", i + 1),
            Place::Question(i) => format!("quiz/{}", i + 1),
            Place::Done => "done".to_string(),
        }
    }
}

/// The shape of one module: how many steps and quiz questions it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow {
    pub steps: usize,
    pub questions: usize,
}

impl Flow {
    /// Where "Next" leads: the next step, then the questions, then the done screen.
    pub fn next(self, place: Place) -> Place {
        match self.clamp(place) {
            Place::Start => self.first_after_steps(0),
            Place::Step(i) => self.first_after_steps(i + 1),
            Place::Question(i) if i + 1 < self.questions => Place::Question(i + 1),
            Place::Question(_) | Place::Done => Place::Done,
        }
    }

    /// Where "Back" leads; `None` means out of the module, to the module list.
    pub fn back(self, place: Place) -> Option<Place> {
        match self.clamp(place) {
            Place::Start | Place::Step(0) => None,
            Place::Step(i) => Some(Place::Step(i - 1)),
            Place::Question(0) => self.steps.checked_sub(1).map(Place::Step),
            Place::Question(i) => Some(Place::Question(i - 1)),
            Place::Done => Some(self.last_before_done()),
        }
    }

    /// Keeps a place from the URL within the module, so an old or mistyped link still shows
    /// something sensible.
    pub fn clamp(self, place: Place) -> Place {
        match place {
            Place::Step(i) if self.steps == 0 => self.first_after_steps(i),
            Place::Step(i) => Place::Step(i.min(self.steps - 1)),
            Place::Question(_) if self.questions == 0 => Place::Done,
            Place::Question(i) => Place::Question(i.min(self.questions - 1)),
            other => other,
        }
    }

    /// Where opening the module continues: after the last finished step, or from the start.
    pub fn resume<'a>(
        self,
        progress: &ModuleProgress,
        step_ids: impl IntoIterator<Item = &'a str>,
    ) -> Place {
        self.first_after_steps(progress.resume_at(step_ids))
    }

    fn first_after_steps(self, step: usize) -> Place {
        if step < self.steps {
            Place::Step(step)
        } else if self.questions > 0 {
            Place::Question(0)
        } else {
            Place::Done
        }
    }

    fn last_before_done(self) -> Place {
        match (self.questions, self.steps) {
            (0, 0) => Place::Start,
            (0, steps) => Place::Step(steps - 1),
            (questions, _) => Place::Question(questions - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Activity, Progress};

    const FLOW: Flow = Flow {
        steps: 3,
        questions: 2,
    };

    #[test]
    fn paths_round_trip_and_count_from_one() {
        for place in [
            Place::Step(0),
            Place::Step(2),
            Place::Question(1),
            Place::Done,
        ] {
            assert_eq!(Place::from_path(&place.to_path()), place);
        }
        assert_eq!(Place::Step(0).to_path(), "step/1");
        assert_eq!(Place::from_path("/quiz/2/"), Place::Question(1));
    }

    #[test]
    fn odd_paths_resume_instead_of_failing() {
        for odd in ["", "step/0", "step/x", "quiz", "elsewhere", "done/again"] {
            assert_eq!(Place::from_path(odd), Place::Start, "{odd:?}");
        }
    }

    #[test]
    fn next_walks_the_steps_then_the_questions_then_done() {
        let mut place = Place::Start;
        let mut walked = Vec::new();
        while place != Place::Done {
            place = FLOW.next(place);
            walked.push(place);
        }
        use Place::*;
        assert_eq!(
            walked,
            [Step(0), Step(1), Step(2), Question(0), Question(1), Done]
        );
    }

    #[test]
    fn a_module_without_a_quiz_goes_from_the_last_step_to_done() {
        let flow = Flow {
            steps: 2,
            questions: 0,
        };
        assert_eq!(flow.next(Place::Step(1)), Place::Done);
        assert_eq!(flow.back(Place::Done), Some(Place::Step(1)));
    }

    #[test]
    fn back_retraces_and_leaves_from_the_first_step() {
        assert_eq!(FLOW.back(Place::Step(0)), None);
        assert_eq!(FLOW.back(Place::Step(2)), Some(Place::Step(1)));
        assert_eq!(FLOW.back(Place::Question(0)), Some(Place::Step(2)));
        assert_eq!(FLOW.back(Place::Done), Some(Place::Question(1)));
    }

    #[test]
    fn places_past_the_end_are_kept_inside_the_module() {
        assert_eq!(FLOW.clamp(Place::Step(9)), Place::Step(2));
        assert_eq!(FLOW.clamp(Place::Question(9)), Place::Question(1));
        let no_quiz = Flow {
            steps: 1,
            questions: 0,
        };
        assert_eq!(no_quiz.clamp(Place::Question(0)), Place::Done);
    }

    #[test]
    fn opening_a_module_resumes_after_the_last_finished_step() {
        let events = [
            Activity::ModuleOpened {
                module: "m".into(),
                version: 1,
            },
            Activity::StepCompleted {
                module: "m".into(),
                step: "b".into(),
            },
        ];
        let progress = Progress::from_activities(&events).module("m");
        assert_eq!(FLOW.resume(&progress, ["a", "b", "c"]), Place::Step(2));
        assert_eq!(FLOW.resume(&progress, ["a", "c", "b"]), Place::Question(0));
        assert_eq!(
            FLOW.resume(&Default::default(), ["a", "b", "c"]),
            Place::Step(0)
        );
    }
}
