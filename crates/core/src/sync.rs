//! The sync protocol, shared by the app and the server.
//!
//! A device numbers its mutations 1, 2, 3, ... and pushes the ones the server has not
//! acknowledged. The server keeps, per device, the highest sequence number it has taken
//! (`last_seq`) and decides with [`plan_push`]: a mutation at or below `last_seq` is a duplicate
//! and changes nothing, the one at `last_seq + 1` is applied, and anything further is a gap that
//! waits until the missing ones arrive. The answer names `acked_through`, so the device may
//! forget its outbox up to there. Replaying a push, or pushing the same mutations from two places
//! at once (the page and the service worker), therefore applies every mutation exactly once.
//!
//! A pull returns, in pages of [`PulledChange`]s, what changed since a cursor: the cursor is the
//! server's change counter, which only grows and is handed out in commit order.
//!
//! See `docs/sync-protocol.md` for the whole protocol.

use serde::{Deserialize, Serialize};

use crate::progress::Activity;
use crate::records::{RecordKey, RecordKind, RecordValue};

/// Most mutations one push may carry; a device with more sends them in several pushes.
pub const MAX_EVENTS_PER_PUSH: usize = 500;

/// Most changes one pull page returns.
pub const MAX_PULL_PAGE: usize = 1000;

/// One change a device made, in the order it made them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mutation {
    /// Position in this device's journal: 1, 2, 3, ... without gaps.
    pub seq: u64,
    /// A UUID made on the device, so a mutation keeps its identity wherever it travels.
    pub id: String,
    /// When it happened, by the device's clock, in milliseconds since the Unix epoch.
    pub at_ms: i64,
    #[serde(flatten)]
    pub change: Change,
}

/// What a mutation does: add a progress event, or write or delete a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Activity(Activity),
    Put(Put),
    Delete(Delete),
}

/// Writes a record. `base` is the record's version this edit was made on (0: none seen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Put {
    pub id: String,
    pub base: u64,
    pub value: RecordValue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delete {
    pub kind: RecordKind,
    pub id: String,
    pub base: u64,
}

impl Mutation {
    /// The record this mutation writes, if it writes one.
    pub fn record_key(&self) -> Option<RecordKey> {
        match &self.change {
            Change::Activity(_) => None,
            Change::Put(put) => Some(RecordKey {
                kind: put.value.kind(),
                id: put.id.clone(),
            }),
            Change::Delete(delete) => Some(RecordKey {
                kind: delete.kind,
                id: delete.id.clone(),
            }),
        }
    }

    /// What a server must not store, whatever a client sends. A mutation that fails here is
    /// recorded as rejected and skipped, never applied.
    pub fn validate(&self) -> Result<(), String> {
        match &self.change {
            Change::Activity(activity) => activity.validate(),
            Change::Put(put) => put.value.validate_for_id(&put.id),
            Change::Delete(delete) => delete.kind.validate_id(&delete.id),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushRequest {
    /// The device's id; it must be the device the session was given to.
    pub device_id: String,
    pub mutations: Vec<Mutation>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResponse {
    /// Every mutation of this device up to and including this number is on the server.
    pub acked_through: u64,
    pub applied: u32,
    pub duplicates: u32,
    /// Mutations that arrived in order but could not be applied. They are recorded on the
    /// server and acknowledged, so one bad mutation never blocks the queue behind it.
    pub rejected: Vec<Rejection>,
    /// Record edits that crossed another device's edit and lost; the server keeps them.
    pub conflicts_lost: u32,
    /// Set when the push skipped over mutations the server has not seen.
    pub gap: Option<Gap>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rejection {
    pub seq: u64,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Gap {
    pub expected: u64,
    pub got: u64,
}

/// One page of what changed since the cursor the device sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullResponse {
    /// In cursor order.
    pub changes: Vec<PulledChange>,
    /// Send this as `after` next time: the cursor of the last change in this page, or the
    /// cursor sent when the page is empty.
    pub cursor: u64,
    /// More changes wait: pull again at once.
    pub more: bool,
}

/// A change as a pull returns it. A record comes as its current version only: a device needs
/// where a record stands, not every step it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PulledChange {
    Event {
        cursor: u64,
        device_id: String,
        id: String,
        at_ms: i64,
        activity: Activity,
    },
    Record {
        /// Also the record's version: what the next edit names as its `base`.
        cursor: u64,
        kind: RecordKind,
        id: String,
        /// `None` once deleted.
        value: Option<RecordValue>,
        edited_at_ms: i64,
        device_id: String,
    },
}

impl PulledChange {
    pub fn cursor(&self) -> u64 {
        match self {
            PulledChange::Event { cursor, .. } | PulledChange::Record { cursor, .. } => *cursor,
        }
    }
}

/// What to do with a pushed batch, given the highest sequence number already taken.
#[derive(Debug, PartialEq, Eq)]
pub struct PushPlan<'a> {
    /// In sequence order, starting at `last_seq + 1`, without holes.
    pub apply: Vec<&'a Mutation>,
    pub duplicates: u32,
    pub gap: Option<Gap>,
}

impl PushPlan<'_> {
    /// The device's `last_seq` once every planned event is applied.
    pub fn acked_through(&self, last_seq: u64) -> u64 {
        self.apply.last().map_or(last_seq, |e| e.seq)
    }
}

/// Decides, without touching storage, which events of a push to apply.
pub fn plan_push(last_seq: u64, events: &[Mutation]) -> PushPlan<'_> {
    let mut ordered: Vec<&Mutation> = events.iter().collect();
    ordered.sort_by_key(|e| e.seq);

    let mut plan = PushPlan {
        apply: Vec::new(),
        duplicates: 0,
        gap: None,
    };
    let mut next = last_seq + 1;
    for event in ordered {
        if event.seq < next {
            plan.duplicates += 1;
        } else if event.seq == next {
            plan.apply.push(event);
            next += 1;
        } else {
            plan.gap = Some(Gap {
                expected: next,
                got: event.seq,
            });
            break;
        }
    }
    plan
}

/// Checks a push before any of it is applied; a request that fails here gets a 4xx and changes
/// nothing.
pub fn validate_request(request: &PushRequest) -> Result<(), String> {
    validate_device_id(&request.device_id)?;
    if request.mutations.len() > MAX_EVENTS_PER_PUSH {
        return Err(format!(
            "a push carries at most {MAX_EVENTS_PER_PUSH} mutations, this one has {}",
            request.mutations.len()
        ));
    }
    if let Some(mutation) = request.mutations.iter().find(|e| e.seq == 0) {
        return Err(format!(
            "mutation {} has seq 0; sequence numbers start at 1",
            mutation.id
        ));
    }
    // Sequence numbers are stored as signed 64-bit integers.
    if let Some(mutation) = request.mutations.iter().find(|e| e.seq > i64::MAX as u64) {
        return Err(format!("mutation {} has a seq out of range", mutation.id));
    }
    Ok(())
}

/// A device id is 8 to 64 ASCII letters, digits or '-' (a UUID fits).
pub fn validate_device_id(id: &str) -> Result<(), String> {
    let ok =
        (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err("device_id must be 8 to 64 letters, digits or '-'".into())
    }
}

/// How long to wait before the next try after a failed push: doubling, capped, with jitter so
/// a crowd of phones coming back online does not push in lockstep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    pub first_ms: u32,
    pub max_ms: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            first_ms: 2_000,
            max_ms: 5 * 60_000,
        }
    }
}

impl Backoff {
    /// `failures` counts the failed tries so far (at least 1); `jitter` is uniform in [0, 1).
    /// The result lies between half and all of the doubled delay.
    pub fn delay_ms(&self, failures: u32, jitter: f64) -> u32 {
        let doubled = u64::from(self.first_ms) << failures.saturating_sub(1).min(20);
        let ceiling = doubled.min(u64::from(self.max_ms)) as f64;
        (ceiling / 2.0 + ceiling / 2.0 * jitter.clamp(0.0, 1.0)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: u64) -> Mutation {
        Mutation {
            seq,
            id: format!("id-{seq}"),
            at_ms: 0,
            change: Change::Activity(Activity::ModuleOpened {
                module: "m".into(),
                version: 1,
            }),
        }
    }

    fn seqs(plan: &PushPlan) -> Vec<u64> {
        plan.apply.iter().map(|e| e.seq).collect()
    }

    #[test]
    fn a_first_push_applies_everything_in_order() {
        let events = [event(1), event(2), event(3)];
        let plan = plan_push(0, &events);
        assert_eq!(seqs(&plan), [1, 2, 3]);
        assert_eq!(plan.acked_through(0), 3);
        assert_eq!(plan.gap, None);
    }

    #[test]
    fn a_replayed_push_applies_nothing() {
        let events = [event(1), event(2)];
        let plan = plan_push(2, &events);
        assert!(plan.apply.is_empty());
        assert_eq!(plan.duplicates, 2);
        assert_eq!(plan.acked_through(2), 2);
    }

    #[test]
    fn an_overlapping_push_applies_only_the_new_tail() {
        let events = [event(2), event(3), event(4)];
        let plan = plan_push(2, &events);
        assert_eq!(seqs(&plan), [3, 4]);
        assert_eq!(plan.duplicates, 1);
    }

    #[test]
    fn events_out_of_order_within_a_push_are_put_in_order() {
        let events = [event(3), event(1), event(2)];
        assert_eq!(seqs(&plan_push(0, &events)), [1, 2, 3]);
    }

    #[test]
    fn a_gap_stops_the_push_at_the_hole() {
        let events = [event(1), event(2), event(5), event(6)];
        let plan = plan_push(0, &events);
        assert_eq!(seqs(&plan), [1, 2]);
        assert_eq!(
            plan.gap,
            Some(Gap {
                expected: 3,
                got: 5
            })
        );
        assert_eq!(plan.acked_through(0), 2);
    }

    #[test]
    fn the_same_event_twice_in_one_push_is_applied_once() {
        let events = [event(1), event(1), event(2)];
        let plan = plan_push(0, &events);
        assert_eq!(seqs(&plan), [1, 2]);
        assert_eq!(plan.duplicates, 1);
    }

    #[test]
    fn mutations_travel_as_flat_json_with_one_change_key() {
        // The journal's JSON from before records existed still reads as an activity.
        let old = r#"{"seq":3,"id":"x","at_ms":5,"activity":{"type":"module_opened","module":"m","version":1}}"#;
        let mutation: Mutation = serde_json::from_str(old).unwrap();
        assert_eq!(
            mutation,
            Mutation {
                seq: 3,
                id: "x".into(),
                at_ms: 5,
                ..event(3)
            }
        );
        let put = Mutation {
            change: Change::Put(Put {
                id: "2026-W47".into(),
                base: 0,
                value: RecordValue::Week { mood: 4 },
            }),
            ..event(4)
        };
        let json = serde_json::to_value(&put).unwrap();
        assert_eq!(json["put"]["value"]["kind"], "week");
        assert_eq!(json["put"]["value"]["mood"], 4);
        assert_eq!(serde_json::from_value::<Mutation>(json).unwrap(), put);
        let none = r#"{"seq":1,"id":"x","at_ms":5}"#;
        assert!(serde_json::from_str::<Mutation>(none).is_err());
    }

    #[test]
    fn a_mutation_is_checked_against_its_record_kind() {
        let put = |id: &str, mood| Mutation {
            change: Change::Put(Put {
                id: id.into(),
                base: 0,
                value: RecordValue::Week { mood },
            }),
            ..event(1)
        };
        assert!(put("2026-W47", 3).validate().is_ok());
        assert!(put("current", 3).validate().is_err());
        assert!(put("2026-W47", 0).validate().is_err());
    }

    #[test]
    fn requests_with_bad_device_ids_or_zero_seq_are_refused() {
        let ok = PushRequest {
            device_id: "0b6c2f3e-6a2d-4c4b-9a37-0d9f2d0b1c11".into(),
            mutations: vec![event(1)],
        };
        assert!(validate_request(&ok).is_ok());
        let short = PushRequest {
            device_id: "x".into(),
            ..ok.clone()
        };
        assert!(validate_request(&short).is_err());
        let zero = PushRequest {
            mutations: vec![event(0)],
            ..ok
        };
        assert!(validate_request(&zero).unwrap_err().contains("seq 0"));
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_and_jitters_within_half() {
        let backoff = Backoff {
            first_ms: 1_000,
            max_ms: 10_000,
        };
        assert_eq!(backoff.delay_ms(1, 1.0), 1_000);
        assert_eq!(backoff.delay_ms(1, 0.0), 500);
        assert_eq!(backoff.delay_ms(3, 1.0), 4_000);
        assert_eq!(backoff.delay_ms(10, 1.0), 10_000);
        assert_eq!(backoff.delay_ms(u32::MAX, 0.0), 5_000);
    }
}
