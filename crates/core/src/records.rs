//! Records: the small documents a person keeps and edits (a goal, how a week went, what they
//! share), as opposed to progress events, which are only ever added.
//!
//! A record is edited on several devices, each offline for days, so two edits can cross. Every
//! edit names the version it was made on (`base`); when the server holds a newer version from
//! another device, the record's [`ConflictRule`] picks the winner, and the losing version is kept
//! on the server, never thrown away. The rule is a function of the two edits only, so every
//! replica that sees both reaches the same answer.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::matching::Theme;
use crate::schedule::CheckInSlot;

/// The kinds of record, each with its own conflict rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// The one small-step goal a worker is working on (id `current`).
    Goal,
    /// How a week went (id: the ISO week, `2026-W47`).
    Week,
    /// What the worker chooses to share, and with whom (id `settings`).
    Sharing,
    /// The before-and-after self-check (id `before` or `after`).
    SelfCheck,
    /// A buddy's check-in with one of their newcomers, written on the buddy's device and kept
    /// among the buddy's records (id `<newcomer person id>:<slot>`, e.g. `…:week-2`).
    CheckIn,
    /// What a worker with the buddy role offers (id `settings`).
    BuddyOffer,
    /// The themes a worker finds hard, used only for buddy matching (id `settings`).
    HardThemes,
    /// One entry of the worker's skills list (id: a UUID the device makes).
    Skill,
}

/// How two crossing edits of one record are settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictRule {
    /// The later edit by the devices' clocks wins; equal times go to the larger device id.
    /// For records a person changes their mind about: a goal, a week's mood, sharing.
    LastEditWins,
    /// The version already on the server stays. For answers that must not change after the
    /// fact: a self-check "before" filled in twice keeps the first.
    FirstWriteWins,
}

impl RecordKind {
    pub const ALL: [RecordKind; 8] = [
        RecordKind::Goal,
        RecordKind::Week,
        RecordKind::Sharing,
        RecordKind::SelfCheck,
        RecordKind::CheckIn,
        RecordKind::BuddyOffer,
        RecordKind::HardThemes,
        RecordKind::Skill,
    ];

    pub fn rule(self) -> ConflictRule {
        match self {
            RecordKind::Goal
            | RecordKind::Week
            | RecordKind::Sharing
            | RecordKind::CheckIn
            | RecordKind::BuddyOffer
            | RecordKind::HardThemes
            | RecordKind::Skill => ConflictRule::LastEditWins,
            RecordKind::SelfCheck => ConflictRule::FirstWriteWins,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Goal => "goal",
            RecordKind::Week => "week",
            RecordKind::Sharing => "sharing",
            RecordKind::SelfCheck => "self_check",
            RecordKind::CheckIn => "check_in",
            RecordKind::BuddyOffer => "buddy_offer",
            RecordKind::HardThemes => "hard_themes",
            RecordKind::Skill => "skill",
        }
    }

    pub fn parse(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Which ids a record of this kind may have.
    pub fn validate_id(self, id: &str) -> Result<(), String> {
        let ok = match self {
            RecordKind::Goal => id == "current",
            RecordKind::Sharing | RecordKind::BuddyOffer | RecordKind::HardThemes => {
                id == "settings"
            }
            RecordKind::CheckIn => check_in_id(id).is_some(),
            RecordKind::Skill => is_uuid(id),
            RecordKind::SelfCheck => id == "before" || id == "after",
            RecordKind::Week => is_iso_week(id),
        };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "{id:?} is not an id for a {} record",
                self.as_str()
            ))
        }
    }
}

/// The newcomer and the slot a check-in's id names: `<newcomer id>:<slot>`, the newcomer's id
/// being 1 to 64 ASCII letters, digits or '-' (a UUID fits).
pub fn check_in_id(id: &str) -> Option<(&str, CheckInSlot)> {
    let (newcomer, slot) = id.rsplit_once(':')?;
    let newcomer_ok = (1..=64).contains(&newcomer.len())
        && newcomer
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    Some((newcomer, CheckInSlot::parse(slot)?)).filter(|_| newcomer_ok)
}

/// A UUID in its usual text form, 36 characters, either case.
fn is_uuid(id: &str) -> bool {
    id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// `2026-W47`: a four-digit year and a week from 01 to 53.
fn is_iso_week(id: &str) -> bool {
    let Some((year, week)) = id.split_once("-W") else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && week.len() == 2
        && week.parse::<u8>().is_ok_and(|w| (1..=53).contains(&w))
}

/// A record's content; the kind travels as the `kind` tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RecordValue {
    Goal {
        text: String,
        done: bool,
    },
    Week {
        /// 1 (bad) to 5 (good), chosen from pictograms.
        mood: u8,
    },
    Sharing {
        /// The buddy may see which modules the worker did.
        progress_with_buddy: bool,
        /// The intercedent may read the notes of check-ins about the worker.
        notes_with_intercedent: bool,
    },
    SelfCheck {
        /// Each 1 to 5: weten, willen, kunnen, durven, mogen.
        knowing: u8,
        wanting: u8,
        able: u8,
        daring: u8,
        allowed: u8,
    },
    /// Written by the buddy: how it is going with one newcomer at one slot of the schedule.
    CheckIn {
        /// The newcomer's person id; the same as in the record's id.
        newcomer: String,
        /// A [`CheckInSlot`] name; the same as in the record's id.
        slot: String,
        /// 1 (bad), 2 (so-so) or 3 (good): three pictograms.
        going: u8,
        /// What came up.
        topics: BTreeSet<CheckInTopic>,
        /// "The intercedent should call": a flag in the console.
        call_intercedent: bool,
        /// At most [`MAX_CHECK_IN_NOTE_CHARS`]; may be empty. The intercedent reads it only when
        /// the newcomer shares notes (`Sharing::notes_with_intercedent`).
        note: String,
    },
    BuddyOffer {
        /// How many newcomers at once, 0 to [`MAX_BUDDY_CAPACITY`]; 0 means "not now".
        capacity: u8,
        strong_themes: BTreeSet<Theme>,
    },
    HardThemes {
        themes: BTreeSet<Theme>,
    },
    Skill {
        /// 1 to [`MAX_SKILL_CHARS`] characters.
        text: String,
        /// On the wire `type`: `kind` is the tag naming the record kind.
        #[serde(rename = "type")]
        kind: SkillKind,
    },
}

/// What a check-in was about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum CheckInTopic {
    Work,
    Housing,
    Money,
    Health,
    Language,
}

/// A skill is something the worker can do at work, or a certificate they hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    Task,
    Certificate,
}

/// The longest goal text, in characters.
pub const MAX_GOAL_CHARS: usize = 280;
/// The longest check-in note, in characters.
pub const MAX_CHECK_IN_NOTE_CHARS: usize = 500;
/// The longest skill, in characters.
pub const MAX_SKILL_CHARS: usize = 120;
/// The most newcomers a buddy can offer to take at once.
pub const MAX_BUDDY_CAPACITY: u8 = 5;

impl RecordValue {
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordValue::Goal { .. } => RecordKind::Goal,
            RecordValue::Week { .. } => RecordKind::Week,
            RecordValue::Sharing { .. } => RecordKind::Sharing,
            RecordValue::SelfCheck { .. } => RecordKind::SelfCheck,
            RecordValue::CheckIn { .. } => RecordKind::CheckIn,
            RecordValue::BuddyOffer { .. } => RecordKind::BuddyOffer,
            RecordValue::HardThemes { .. } => RecordKind::HardThemes,
            RecordValue::Skill { .. } => RecordKind::Skill,
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        let scale = |what: &str, n: u8| {
            if (1..=5).contains(&n) {
                Ok(())
            } else {
                Err(format!("{what} must be 1 to 5, not {n}"))
            }
        };
        match self {
            RecordValue::Goal { text, .. } => {
                let chars = text.chars().count();
                if chars == 0 || chars > MAX_GOAL_CHARS {
                    Err(format!("a goal has 1 to {MAX_GOAL_CHARS} characters"))
                } else {
                    Ok(())
                }
            }
            RecordValue::Week { mood } => scale("mood", *mood),
            RecordValue::Sharing { .. } => Ok(()),
            RecordValue::SelfCheck {
                knowing,
                wanting,
                able,
                daring,
                allowed,
            } => [
                ("knowing", knowing),
                ("wanting", wanting),
                ("able", able),
                ("daring", daring),
                ("allowed", allowed),
            ]
            .into_iter()
            .try_for_each(|(what, n)| scale(what, *n)),
            RecordValue::CheckIn {
                newcomer,
                slot,
                going,
                note,
                ..
            } => {
                if check_in_id(&format!("{newcomer}:{slot}")).is_none() {
                    return Err(format!(
                        "a check-in names a newcomer id and a slot, not {newcomer:?} and {slot:?}"
                    ));
                }
                if !(1..=3).contains(going) {
                    return Err(format!("going must be 1 to 3, not {going}"));
                }
                if note.chars().count() > MAX_CHECK_IN_NOTE_CHARS {
                    return Err(format!(
                        "a check-in note has at most {MAX_CHECK_IN_NOTE_CHARS} characters"
                    ));
                }
                Ok(())
            }
            RecordValue::BuddyOffer { capacity, .. } => {
                if *capacity > MAX_BUDDY_CAPACITY {
                    Err(format!(
                        "a buddy takes 0 to {MAX_BUDDY_CAPACITY} newcomers, not {capacity}"
                    ))
                } else {
                    Ok(())
                }
            }
            RecordValue::HardThemes { .. } => Ok(()),
            RecordValue::Skill { text, .. } => {
                let chars = text.trim().chars().count();
                if chars == 0 || text.chars().count() > MAX_SKILL_CHARS {
                    Err(format!("a skill has 1 to {MAX_SKILL_CHARS} characters"))
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Checks that a value fits the id it is written under: a check-in's id repeats its
    /// newcomer and slot. Every other kind's id is checked by [`RecordKind::validate_id`] alone.
    pub fn validate_for_id(&self, id: &str) -> Result<(), String> {
        self.kind().validate_id(id)?;
        self.validate()?;
        if let RecordValue::CheckIn { newcomer, slot, .. } = self
            && id != format!("{newcomer}:{slot}")
        {
            return Err(format!(
                "check-in {id:?} must be about {newcomer:?} at {slot:?}, as its id says"
            ));
        }
        Ok(())
    }
}

/// Which record: its kind and its id within the person's records.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordKey {
    pub kind: RecordKind,
    pub id: String,
}

/// Who made a version and when, as far as conflicts care.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit<'a> {
    pub at_ms: i64,
    pub device_id: &'a str,
}

/// The version a record has on the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Current<'a> {
    pub version: u64,
    pub edit: Edit<'a>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// No conflict: the edit was made on the current version (or by the device that wrote it).
    Apply,
    /// A conflict the incoming edit wins; the version it replaces is kept as the loser.
    ReplaceAndKeepLoser,
    /// A conflict the current version wins; the incoming edit is kept as the loser.
    KeepCurrent,
}

/// Settles an incoming edit made on version `base` against the record's current version.
///
/// An edit by the device that wrote the current version is never a conflict: a device applies
/// its own edits in order, so it always knew the version it replaces.
pub fn resolve(
    kind: RecordKind,
    current: Option<&Current<'_>>,
    base: u64,
    incoming: &Edit<'_>,
) -> Resolution {
    let Some(current) = current else {
        return Resolution::Apply;
    };
    if current.version == base || current.edit.device_id == incoming.device_id {
        return Resolution::Apply;
    }
    match kind.rule() {
        ConflictRule::LastEditWins => {
            let incoming_key = (incoming.at_ms, incoming.device_id);
            let current_key = (current.edit.at_ms, current.edit.device_id);
            if incoming_key > current_key {
                Resolution::ReplaceAndKeepLoser
            } else {
                Resolution::KeepCurrent
            }
        }
        ConflictRule::FirstWriteWins => Resolution::KeepCurrent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current(version: u64, at_ms: i64, device_id: &str) -> Current<'_> {
        Current {
            version,
            edit: Edit { at_ms, device_id },
        }
    }

    fn edit(at_ms: i64, device_id: &str) -> Edit<'_> {
        Edit { at_ms, device_id }
    }

    #[test]
    fn an_edit_on_the_current_version_or_a_new_record_applies() {
        let now = current(7, 100, "a");
        assert_eq!(
            resolve(RecordKind::Goal, Some(&now), 7, &edit(50, "b")),
            Resolution::Apply
        );
        assert_eq!(
            resolve(RecordKind::SelfCheck, None, 0, &edit(50, "b")),
            Resolution::Apply
        );
    }

    #[test]
    fn a_device_never_conflicts_with_its_own_earlier_edit() {
        let mine = current(7, 100, "a");
        assert_eq!(
            resolve(RecordKind::SelfCheck, Some(&mine), 0, &edit(90, "a")),
            Resolution::Apply
        );
    }

    #[test]
    fn last_edit_wins_compares_clocks_then_device_ids() {
        let now = current(7, 100, "b");
        let rule = |at, device| resolve(RecordKind::Goal, Some(&now), 3, &edit(at, device));
        assert_eq!(rule(101, "a"), Resolution::ReplaceAndKeepLoser);
        assert_eq!(rule(99, "z"), Resolution::KeepCurrent);
        assert_eq!(rule(100, "c"), Resolution::ReplaceAndKeepLoser);
        assert_eq!(rule(100, "a"), Resolution::KeepCurrent);
    }

    #[test]
    fn first_write_wins_keeps_the_server_version_even_against_a_later_edit() {
        let now = current(7, 100, "b");
        assert_eq!(
            resolve(RecordKind::SelfCheck, Some(&now), 0, &edit(500, "c")),
            Resolution::KeepCurrent
        );
    }

    #[test]
    fn the_rule_is_symmetric_so_replicas_agree_whatever_arrives_first() {
        // Two crossing edits: whichever the server sees first, the same one ends up current.
        let (x, y) = (edit(100, "a"), edit(100, "b"));
        let second_wins = |first: &Edit, second: &Edit| {
            let now = Current {
                version: 1,
                edit: first.clone(),
            };
            resolve(RecordKind::Week, Some(&now), 0, second) == Resolution::ReplaceAndKeepLoser
        };
        assert!(second_wins(&x, &y));
        assert!(!second_wins(&y, &x));
    }

    #[test]
    fn ids_and_values_are_checked_per_kind() {
        assert!(RecordKind::Week.validate_id("2026-W47").is_ok());
        for bad in ["2026-W54", "2026-W00", "26-W10", "2026W10", "2026-W1"] {
            assert!(RecordKind::Week.validate_id(bad).is_err(), "{bad}");
        }
        assert!(RecordKind::Goal.validate_id("other").is_err());
        assert!(RecordValue::Week { mood: 6 }.validate().is_err());
        let long = RecordValue::Goal {
            text: "x".repeat(MAX_GOAL_CHARS + 1),
            done: false,
        };
        assert!(long.validate().is_err());
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::parse(kind.as_str()), Some(kind));
        }
    }

    fn check_in(going: u8, note: &str) -> RecordValue {
        RecordValue::CheckIn {
            newcomer: "4b1f0c2e-1d2a-4c3b-9a8e-0f1e2d3c4b5a".into(),
            slot: "week-2".into(),
            going,
            topics: [CheckInTopic::Money, CheckInTopic::Housing].into(),
            call_intercedent: true,
            note: note.into(),
        }
    }

    #[test]
    fn the_new_kinds_take_last_edit_wins_and_their_own_ids() {
        for kind in [
            RecordKind::CheckIn,
            RecordKind::BuddyOffer,
            RecordKind::HardThemes,
            RecordKind::Skill,
        ] {
            assert_eq!(kind.rule(), ConflictRule::LastEditWins, "{kind:?}");
        }
        let id = "4b1f0c2e-1d2a-4c3b-9a8e-0f1e2d3c4b5a:week-2";
        assert!(RecordKind::CheckIn.validate_id(id).is_ok());
        for bad in ["x:week-3", ":week-2", "a b:day-1", "settings", "a:week-2:x"] {
            assert!(RecordKind::CheckIn.validate_id(bad).is_err(), "{bad}");
        }
        assert!(RecordKind::BuddyOffer.validate_id("settings").is_ok());
        assert!(RecordKind::HardThemes.validate_id("current").is_err());
        assert!(
            RecordKind::Skill
                .validate_id("9F1C2D3E-4B5A-4C6D-8E7F-0A1B2C3D4E5F")
                .is_ok()
        );
        assert!(RecordKind::Skill.validate_id("forklift").is_err());
    }

    #[test]
    fn the_new_values_are_checked() {
        let id = "4b1f0c2e-1d2a-4c3b-9a8e-0f1e2d3c4b5a:week-2";
        assert!(check_in(3, "").validate_for_id(id).is_ok());
        assert!(check_in(0, "").validate().is_err());
        assert!(check_in(4, "").validate().is_err());
        assert!(check_in(2, &"é".repeat(500)).validate().is_ok());
        assert!(check_in(2, &"é".repeat(501)).validate().is_err());
        // The value must be about the newcomer and slot its id names.
        assert!(
            check_in(2, "")
                .validate_for_id("4b1f0c2e-1d2a-4c3b-9a8e-0f1e2d3c4b5a:week-4")
                .is_err()
        );
        let offer = |capacity| RecordValue::BuddyOffer {
            capacity,
            strong_themes: [Theme::Money].into(),
        };
        assert!(offer(0).validate().is_ok());
        assert!(offer(5).validate().is_ok());
        assert!(offer(6).validate().is_err());
        let skill = |text: &str| RecordValue::Skill {
            text: text.into(),
            kind: SkillKind::Certificate,
        };
        assert!(skill("VCA certificate").validate().is_ok());
        assert!(skill("  ").validate().is_err());
        assert!(skill(&"x".repeat(121)).validate().is_err());
    }

    #[test]
    fn the_new_values_have_the_documented_wire_shape() {
        let json = serde_json::to_value(check_in(1, "slaapt slecht")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "check_in",
                "newcomer": "4b1f0c2e-1d2a-4c3b-9a8e-0f1e2d3c4b5a",
                "slot": "week-2",
                "going": 1,
                "topics": ["housing", "money"],
                "call_intercedent": true,
                "note": "slaapt slecht",
            })
        );
        let offer: RecordValue = serde_json::from_value(serde_json::json!({
            "kind": "buddy_offer", "capacity": 2, "strong_themes": ["money", "housing"],
        }))
        .unwrap();
        assert_eq!(offer.kind(), RecordKind::BuddyOffer);
        // `kind` is the record's tag, so a skill's kind travels as `type`.
        let skill = RecordValue::Skill {
            text: "reach truck".into(),
            kind: SkillKind::Task,
        };
        let json = serde_json::json!({ "kind": "skill", "text": "reach truck", "type": "task" });
        assert_eq!(serde_json::to_value(&skill).unwrap(), json);
        assert_eq!(serde_json::from_value::<RecordValue>(json).unwrap(), skill);
    }
}
