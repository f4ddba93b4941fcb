//! The push half of the sync protocol, shared by the app and the server.
//!
//! A device numbers its events 1, 2, 3, ... and pushes the ones the server has not acknowledged.
//! The server keeps, per device, the highest sequence number it has taken (`last_seq`) and decides
//! with [`plan_push`]: an event at or below `last_seq` is a duplicate and changes nothing, the
//! event at `last_seq + 1` is applied, and anything further is a gap that waits until the
//! missing events arrive. The answer names `acked_through`, so the device may forget its outbox
//! up to there. Replaying a push, or pushing the same events from two places at once (the page
//! and the service worker), therefore applies every event exactly once.
//!
//! See `docs/sync-protocol.md` for the whole protocol.

use serde::{Deserialize, Serialize};

use crate::progress::Event;

/// Most events one push may carry; a device with more sends them in several pushes.
pub const MAX_EVENTS_PER_PUSH: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushRequest {
    pub device_id: String,
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// Every event of this device up to and including this number is on the server.
    pub acked_through: u64,
    pub applied: u32,
    pub duplicates: u32,
    /// Events that arrived in order but could not be applied. They are recorded on the server
    /// and acknowledged, so one bad event never blocks the queue behind it.
    pub rejected: Vec<Rejection>,
    /// Set when the push skipped over events the server has not seen.
    pub gap: Option<Gap>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub seq: u64,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub expected: u64,
    pub got: u64,
}

/// What to do with a pushed batch, given the highest sequence number already taken.
#[derive(Debug, PartialEq, Eq)]
pub struct PushPlan<'a> {
    /// In sequence order, starting at `last_seq + 1`, without holes.
    pub apply: Vec<&'a Event>,
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
pub fn plan_push(last_seq: u64, events: &[Event]) -> PushPlan<'_> {
    let mut ordered: Vec<&Event> = events.iter().collect();
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
    let id = &request.device_id;
    let id_ok =
        (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !id_ok {
        return Err("device_id must be 8 to 64 letters, digits or '-'".into());
    }
    if request.events.len() > MAX_EVENTS_PER_PUSH {
        return Err(format!(
            "a push carries at most {MAX_EVENTS_PER_PUSH} events, this one has {}",
            request.events.len()
        ));
    }
    if let Some(event) = request.events.iter().find(|e| e.seq == 0) {
        return Err(format!(
            "event {} has seq 0; sequence numbers start at 1",
            event.id
        ));
    }
    Ok(())
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
    use crate::progress::Activity;

    fn event(seq: u64) -> Event {
        Event {
            seq,
            id: format!("id-{seq}"),
            at_ms: 0,
            activity: Activity::ModuleOpened {
                module: "m".into(),
                version: 1,
            },
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
    fn requests_with_bad_device_ids_or_zero_seq_are_refused() {
        let ok = PushRequest {
            device_id: "0b6c2f3e-6a2d-4c4b-9a37-0d9f2d0b1c11".into(),
            events: vec![event(1)],
        };
        assert!(validate_request(&ok).is_ok());
        let short = PushRequest {
            device_id: "x".into(),
            ..ok.clone()
        };
        assert!(validate_request(&short).is_err());
        let zero = PushRequest {
            events: vec![event(0)],
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
