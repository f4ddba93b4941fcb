//! What a worker did, as events, and the progress that follows from them.
//!
//! Every action is recorded on the device at once as an [`Event`] with a client-made id and the
//! device's next sequence number; the same events are later pushed to the server. Progress is
//! never stored on its own: it is folded from the events, on the device and on the server alike.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// One thing a worker did. On the device it travels inside a [`crate::sync::Mutation`], which
/// gives it its id, sequence number and time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Activity {
    ModuleOpened {
        module: String,
        version: u32,
    },
    StepCompleted {
        module: String,
        step: String,
    },
    /// A quiz answer is the worker's own: it syncs to their other devices, never to the agency.
    QuizAnswered {
        module: String,
        question: String,
        picked: Vec<String>,
        correct: bool,
    },
    ModuleCompleted {
        module: String,
        version: u32,
    },
}

impl Activity {
    pub fn module(&self) -> &str {
        match self {
            Activity::ModuleOpened { module, .. }
            | Activity::StepCompleted { module, .. }
            | Activity::QuizAnswered { module, .. }
            | Activity::ModuleCompleted { module, .. } => module,
        }
    }

    /// The wire name of the activity's type, as the server stores it.
    pub fn kind(&self) -> &'static str {
        match self {
            Activity::ModuleOpened { .. } => "module_opened",
            Activity::StepCompleted { .. } => "step_completed",
            Activity::QuizAnswered { .. } => "quiz_answered",
            Activity::ModuleCompleted { .. } => "module_completed",
        }
    }

    /// Checks what a server must not store, whatever a client sends.
    pub fn validate(&self) -> Result<(), String> {
        const MAX_ID: usize = 80;
        let check_id = |what: &str, id: &str| {
            let ok = !id.is_empty()
                && id.len() <= MAX_ID
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if ok {
                Ok(())
            } else {
                Err(format!(
                    "{what} id {id:?} must be 1 to {MAX_ID} letters, digits, '-' or '_'"
                ))
            }
        };
        check_id("module", self.module())?;
        match self {
            Activity::StepCompleted { step, .. } => check_id("step", step),
            Activity::QuizAnswered {
                question, picked, ..
            } => {
                check_id("question", question)?;
                if picked.is_empty() || picked.len() > 20 {
                    return Err("a quiz answer picks 1 to 20 options".into());
                }
                picked.iter().try_for_each(|p| check_id("option", p))
            }
            Activity::ModuleOpened { .. } | Activity::ModuleCompleted { .. } => Ok(()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModuleStatus {
    NotStarted,
    InProgress,
    Done,
}

/// Where a worker stands in one module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleProgress {
    pub opened: bool,
    pub completed: bool,
    pub steps_done: BTreeSet<String>,
    /// The step finished most recently; the player resumes after it.
    pub last_step: Option<String>,
    /// Per question, whether the latest answer was right.
    pub answers: BTreeMap<String, bool>,
}

impl ModuleProgress {
    pub fn status(&self) -> ModuleStatus {
        if self.completed {
            ModuleStatus::Done
        } else if self.opened || !self.steps_done.is_empty() {
            ModuleStatus::InProgress
        } else {
            ModuleStatus::NotStarted
        }
    }

    /// The index of the step to open, given the module's steps in order. Equal to the number of
    /// steps when every step is done and the quiz is next; 0 for a finished module, which opens
    /// from the start again.
    pub fn resume_at<'a>(&self, step_ids: impl IntoIterator<Item = &'a str>) -> usize {
        if self.completed {
            return 0;
        }
        let Some(last) = &self.last_step else {
            return 0;
        };
        let ids: Vec<&str> = step_ids.into_iter().collect();
        ids.iter()
            .position(|id| id == last)
            .map_or(0, |i| (i + 1).min(ids.len()))
    }
}

/// Every module's progress, folded from a device's events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    modules: BTreeMap<String, ModuleProgress>,
    /// Modules finished at least once, kept when a module is opened for another round: the
    /// skills list and assignments count them.
    finished: BTreeSet<String>,
}

impl Progress {
    /// Folds activities in the order they happened.
    pub fn from_activities<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> Progress {
        let mut progress = Progress::default();
        for activity in activities {
            progress.apply(activity);
        }
        progress
    }

    pub fn apply(&mut self, activity: &Activity) {
        let module = self
            .modules
            .entry(activity.module().to_string())
            .or_default();
        match activity {
            Activity::ModuleOpened { .. } => {
                // Opening a finished module again starts a new round through it.
                if module.completed {
                    *module = ModuleProgress::default();
                }
                module.opened = true;
            }
            Activity::StepCompleted { step, .. } => {
                module.steps_done.insert(step.clone());
                module.last_step = Some(step.clone());
            }
            Activity::QuizAnswered {
                question, correct, ..
            } => {
                module.answers.insert(question.clone(), *correct);
            }
            Activity::ModuleCompleted { module: id, .. } => {
                module.completed = true;
                self.finished.insert(id.clone());
            }
        }
    }

    /// Every module finished at least once, by id.
    pub fn finished_modules(&self) -> impl Iterator<Item = &str> {
        self.finished.iter().map(String::as_str)
    }

    pub fn ever_finished(&self, id: &str) -> bool {
        self.finished.contains(id)
    }

    pub fn module(&self, id: &str) -> ModuleProgress {
        self.modules.get(id).cloned().unwrap_or_default()
    }

    pub fn status(&self, id: &str) -> ModuleStatus {
        self.modules
            .get(id)
            .map_or(ModuleStatus::NotStarted, ModuleProgress::status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened() -> Activity {
        Activity::ModuleOpened {
            module: "sick".into(),
            version: 1,
        }
    }

    fn step(id: &str) -> Activity {
        Activity::StepCompleted {
            module: "sick".into(),
            step: id.into(),
        }
    }

    fn completed() -> Activity {
        Activity::ModuleCompleted {
            module: "sick".into(),
            version: 1,
        }
    }

    const STEPS: [&str; 3] = ["who", "when", "what"];

    #[test]
    fn an_untouched_module_is_not_started_and_opens_at_the_first_step() {
        let progress = Progress::default();
        assert_eq!(progress.status("sick"), ModuleStatus::NotStarted);
        assert_eq!(progress.module("sick").resume_at(STEPS), 0);
    }

    #[test]
    fn the_player_resumes_after_the_last_finished_step() {
        let progress = Progress::from_activities(&[opened(), step("who"), step("when")]);
        assert_eq!(progress.status("sick"), ModuleStatus::InProgress);
        assert_eq!(progress.module("sick").resume_at(STEPS), 2);
    }

    #[test]
    fn after_the_last_step_the_quiz_is_next() {
        let progress =
            Progress::from_activities(&[opened(), step("who"), step("when"), step("what")]);
        assert_eq!(progress.module("sick").resume_at(STEPS), 3);
    }

    #[test]
    fn a_finished_module_is_done_until_it_is_opened_again() {
        let mut progress = Progress::from_activities(&[opened(), step("who"), completed()]);
        assert_eq!(progress.status("sick"), ModuleStatus::Done);
        assert_eq!(progress.module("sick").resume_at(STEPS), 0);
        progress.apply(&opened());
        assert_eq!(progress.status("sick"), ModuleStatus::InProgress);
    }

    #[test]
    fn a_module_finished_once_stays_finished_when_opened_again() {
        let progress = Progress::from_activities(&[opened(), completed(), opened()]);
        assert_eq!(progress.status("sick"), ModuleStatus::InProgress);
        assert!(progress.ever_finished("sick"));
        assert_eq!(progress.finished_modules().collect::<Vec<_>>(), ["sick"]);
        assert!(!Progress::from_activities(&[opened()]).ever_finished("sick"));
    }

    #[test]
    fn a_step_id_the_module_no_longer_has_restarts_from_the_beginning() {
        let progress = Progress::from_activities(&[opened(), step("removed")]);
        assert_eq!(progress.module("sick").resume_at(STEPS), 0);
    }

    #[test]
    fn activities_travel_as_tagged_json() {
        let activity = Activity::QuizAnswered {
            module: "sick".into(),
            question: "q1".into(),
            picked: vec!["b".into()],
            correct: true,
        };
        let json = serde_json::to_value(&activity).unwrap();
        assert_eq!(json["type"], "quiz_answered");
        assert_eq!(json["picked"][0], "b");
        let back: Activity = serde_json::from_value(json).unwrap();
        assert_eq!(back, activity);
    }

    #[test]
    fn ids_with_odd_characters_are_refused() {
        let bad = Activity::StepCompleted {
            module: "sick".into(),
            step: "<script>".into(),
        };
        assert!(bad.validate().unwrap_err().contains("step id"));
        assert!(step("who").validate().is_ok());
        let empty_answer = Activity::QuizAnswered {
            module: "sick".into(),
            question: "q1".into(),
            picked: vec![],
            correct: false,
        };
        assert!(empty_answer.validate().is_err());
    }
}
