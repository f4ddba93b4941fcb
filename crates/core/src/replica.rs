//! The device's half of the sync engine, without storage: what a device holds, what it sends, and
//! how it takes in what the server sends back. The app keeps one in memory over its IndexedDB
//! journal; the simulation test runs hundreds of them against a real server.
//!
//! A device's view is the server's state as last pulled, with the device's own edits that the
//! server has not yet answered for laid over it. Once a push is acknowledged and a pull has
//! completed after it, the overlay goes: the server's version (the device's edit, or the one that
//! beat it) is then what the device shows. Two devices that have pushed and pulled everything
//! therefore show the same thing.

use std::collections::{BTreeMap, BTreeSet};

use crate::progress::Activity;
use crate::records::{RecordKey, RecordValue};
use crate::sync::{
    Change, Delete, Mutation, PullResponse, PulledChange, PushRequest, PushResponse, Put,
};

/// A record as the server last said it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerRecord {
    pub version: u64,
    /// `None` once deleted.
    pub value: Option<RecordValue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct OwnEdit {
    seq: u64,
    value: Option<RecordValue>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replica {
    device_id: String,
    /// Every mutation this device made, in `seq` order; nothing is dropped when acknowledged.
    journal: Vec<Mutation>,
    acked_through: u64,
    /// Own mutations up to here were acknowledged before a pull completed, so what the server
    /// made of them is in `pulled_events`: an activity it rejected is not.
    settled_through: u64,
    cursor: u64,
    /// Progress events as pulled from the server, this device's own included, by event id.
    pulled_events: BTreeMap<String, (i64, Activity)>,
    records: BTreeMap<RecordKey, ServerRecord>,
    /// This device's latest edit per record, until a pull after its acknowledgement.
    overlay: BTreeMap<RecordKey, OwnEdit>,
    /// Own mutations the server refused as invalid: kept in the journal, never shown.
    rejected: BTreeSet<u64>,
}

impl Replica {
    pub fn new(device_id: impl Into<String>) -> Replica {
        Replica {
            device_id: device_id.into(),
            ..Replica::default()
        }
    }

    /// Rebuilds a replica from what a device stored: its journal (in any order), how far the
    /// server acknowledged it, and the pull cursor with the changes pulled up to there.
    pub fn restore(
        device_id: impl Into<String>,
        mut journal: Vec<Mutation>,
        acked_through: u64,
        pulled: impl IntoIterator<Item = PulledChange>,
        cursor: u64,
    ) -> Replica {
        journal.sort_unstable_by_key(|m| m.seq);
        let mut replica = Replica {
            device_id: device_id.into(),
            acked_through,
            ..Replica::default()
        };
        for change in pulled {
            replica.take_pulled(change);
        }
        replica.cursor = cursor;
        for mutation in &journal {
            if mutation.seq > acked_through {
                replica.lay_over(mutation);
            }
        }
        replica.journal = journal;
        replica
    }

    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn next_seq(&self) -> u64 {
        self.journal.last().map_or(1, |m| m.seq + 1)
    }

    pub fn acked_through(&self) -> u64 {
        self.acked_through
    }

    pub fn cursor(&self) -> u64 {
        self.cursor
    }

    /// Whether this device already made the mutation with this id: an action the page held
    /// for the engine may reach it twice (from the page's queue and from storage).
    pub fn knows(&self, mutation_id: &str) -> bool {
        self.journal.iter().any(|m| m.id == mutation_id)
    }

    /// Records a progress event.
    pub fn record_activity(&mut self, id: String, at_ms: i64, activity: Activity) -> &Mutation {
        self.append(id, at_ms, Change::Activity(activity))
    }

    /// Writes a record, on the version this device last pulled.
    pub fn put(
        &mut self,
        id: String,
        at_ms: i64,
        record_id: &str,
        value: RecordValue,
    ) -> &Mutation {
        let key = RecordKey {
            kind: value.kind(),
            id: record_id.to_string(),
        };
        let base = self.base(&key);
        self.append(
            id,
            at_ms,
            Change::Put(Put {
                id: key.id,
                base,
                value,
            }),
        )
    }

    pub fn delete(&mut self, id: String, at_ms: i64, key: &RecordKey) -> &Mutation {
        let base = self.base(key);
        self.append(
            id,
            at_ms,
            Change::Delete(Delete {
                kind: key.kind,
                id: key.id.clone(),
                base,
            }),
        )
    }

    fn base(&self, key: &RecordKey) -> u64 {
        self.records.get(key).map_or(0, |r| r.version)
    }

    fn append(&mut self, id: String, at_ms: i64, change: Change) -> &Mutation {
        let mutation = Mutation {
            seq: self.next_seq(),
            id,
            at_ms,
            change,
        };
        self.lay_over(&mutation);
        self.journal.push(mutation);
        self.journal.last().expect("just pushed")
    }

    fn lay_over(&mut self, mutation: &Mutation) {
        let value = match &mutation.change {
            Change::Activity(_) => return,
            Change::Put(put) => Some(put.value.clone()),
            Change::Delete(_) => None,
        };
        if let Some(key) = mutation.record_key() {
            self.overlay.insert(
                key,
                OwnEdit {
                    seq: mutation.seq,
                    value,
                },
            );
        }
    }

    /// What the server has not acknowledged, oldest first.
    pub fn outbox(&self) -> &[Mutation] {
        let start = self
            .journal
            .partition_point(|m| m.seq <= self.acked_through);
        &self.journal[start..]
    }

    /// The next push: up to `max` mutations from the outbox, or `None` when it is empty.
    pub fn push_request(&self, max: usize) -> Option<PushRequest> {
        let outbox = self.outbox();
        (!outbox.is_empty()).then(|| PushRequest {
            device_id: self.device_id.clone(),
            mutations: outbox[..outbox.len().min(max)].to_vec(),
        })
    }

    /// Takes the server's `acked_through`. Set, not raised: a server that answers lower (it lost
    /// data, or a gap) gets those mutations again.
    pub fn acknowledge(&mut self, acked_through: u64) {
        let newest = self.journal.last().map_or(0, |m| m.seq);
        self.acked_through = acked_through.min(newest);
    }

    /// Takes a push's answer: the acknowledgement, and which mutations the server refused, so
    /// the device stops showing what will never be anywhere else.
    pub fn take_push_response(&mut self, response: &PushResponse) {
        self.acknowledge(response.acked_through);
        for rejection in &response.rejected {
            self.rejected.insert(rejection.seq);
            self.overlay.retain(|_, edit| edit.seq != rejection.seq);
        }
    }

    /// Takes in one page of a pull. When it is the last page, own edits the server has
    /// acknowledged give way to the server's versions.
    pub fn apply_pull(&mut self, page: &PullResponse) {
        for change in &page.changes {
            self.take_pulled(change.clone());
        }
        self.cursor = self.cursor.max(page.cursor);
        if !page.more {
            let acked = self.acked_through;
            self.overlay.retain(|_, edit| edit.seq > acked);
            self.settled_through = acked;
        }
    }

    fn take_pulled(&mut self, change: PulledChange) {
        match change {
            PulledChange::Event {
                id,
                at_ms,
                activity,
                ..
            } => {
                self.pulled_events.insert(id, (at_ms, activity));
            }
            PulledChange::Record {
                cursor,
                kind,
                id,
                value,
                ..
            } => {
                let key = RecordKey { kind, id };
                let newer = self.records.get(&key).is_none_or(|r| r.version < cursor);
                if newer {
                    self.records.insert(
                        key,
                        ServerRecord {
                            version: cursor,
                            value,
                        },
                    );
                }
            }
        }
    }

    /// A record as this device shows it.
    pub fn record(&self, key: &RecordKey) -> Option<&RecordValue> {
        match self.overlay.get(key) {
            Some(edit) => edit.value.as_ref(),
            None => self.records.get(key).and_then(|r| r.value.as_ref()),
        }
    }

    /// Every record this device shows, deleted ones left out.
    pub fn records(&self) -> BTreeMap<RecordKey, RecordValue> {
        let keys = self.records.keys().chain(self.overlay.keys());
        keys.filter_map(|key| Some((key.clone(), self.record(key)?.clone())))
            .collect()
    }

    /// Every progress event this device knows of, its own and those pulled from the person's
    /// other devices, in the order they happened.
    pub fn activities(&self) -> Vec<(&str, i64, &Activity)> {
        let mut all: BTreeMap<&str, (i64, &Activity)> = self
            .pulled_events
            .iter()
            .map(|(id, (at, activity))| (id.as_str(), (*at, activity)))
            .collect();
        let unsettled = self
            .journal
            .partition_point(|m| m.seq <= self.settled_through);
        for mutation in &self.journal[unsettled..] {
            if let Change::Activity(activity) = &mutation.change
                && !self.rejected.contains(&mutation.seq)
            {
                all.insert(&mutation.id, (mutation.at_ms, activity));
            }
        }
        let mut ordered: Vec<_> = all
            .into_iter()
            .map(|(id, (at, activity))| (id, at, activity))
            .collect();
        // Ids are unique, so an unstable sort gives the same order, with less code in the wasm.
        ordered.sort_unstable_by_key(|(id, at, _)| (*at, *id));
        ordered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::RecordKind;
    use crate::sync::plan_push;

    fn goal(text: &str) -> RecordValue {
        RecordValue::Goal {
            text: text.into(),
            done: false,
        }
    }

    fn goal_key() -> RecordKey {
        RecordKey {
            kind: RecordKind::Goal,
            id: "current".into(),
        }
    }

    fn opened(module: &str) -> Activity {
        Activity::ModuleOpened {
            module: module.into(),
            version: 1,
        }
    }

    fn record_change(cursor: u64, value: Option<RecordValue>, device: &str) -> PulledChange {
        PulledChange::Record {
            cursor,
            kind: RecordKind::Goal,
            id: "current".into(),
            value,
            edited_at_ms: 0,
            device_id: device.into(),
        }
    }

    #[test]
    fn a_replica_knows_its_own_mutations_by_id_also_after_a_restore() {
        let mut replica = Replica::new("phone");
        replica.record_activity("a".into(), 1, opened("payslip"));
        replica.put("b".into(), 2, "current", goal("Ask about my hours"));
        assert!(replica.knows("a") && replica.knows("b"));
        assert!(!replica.knows("c"));
        let restored = Replica::restore("phone", replica.journal.clone(), 0, [], 0);
        assert!(restored.knows("a") && restored.knows("b") && !restored.knows("c"));
    }

    #[test]
    fn mutations_are_numbered_in_order_and_the_outbox_shrinks_on_ack() {
        let mut phone = Replica::new("phone-0001");
        phone.record_activity("e1".into(), 1, opened("sick"));
        phone.put("e2".into(), 2, "current", goal("Call the GP"));
        phone.record_activity("e3".into(), 3, opened("payslip"));
        let seqs: Vec<u64> = phone.outbox().iter().map(|m| m.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        assert_eq!(phone.push_request(2).unwrap().mutations.len(), 2);
        phone.acknowledge(2);
        assert_eq!(phone.outbox().len(), 1);
        // The server cannot acknowledge what the device never made.
        phone.acknowledge(99);
        assert!(phone.outbox().is_empty());
        assert!(phone.push_request(10).is_none());
    }

    #[test]
    fn an_own_edit_shows_until_a_pull_after_its_ack_brings_the_server_version() {
        let mut phone = Replica::new("phone-0001");
        phone.put("e1".into(), 1, "current", goal("mine"));
        assert_eq!(phone.record(&goal_key()), Some(&goal("mine")));

        // A pull before the ack must not hide the edit behind an older server version.
        let other = record_change(4, Some(goal("other device")), "tablet");
        phone.apply_pull(&PullResponse {
            changes: vec![other],
            cursor: 4,
            more: false,
        });
        assert_eq!(phone.record(&goal_key()), Some(&goal("mine")));

        // The server took the edit, and it lost the conflict: after the next pull the device
        // shows the winner, like every other device of this person.
        phone.acknowledge(1);
        phone.apply_pull(&PullResponse {
            changes: vec![],
            cursor: 4,
            more: false,
        });
        assert_eq!(phone.record(&goal_key()), Some(&goal("other device")));
    }

    #[test]
    fn the_next_edit_names_the_pulled_version_as_its_base() {
        let mut phone = Replica::new("phone-0001");
        phone.apply_pull(&PullResponse {
            changes: vec![record_change(9, Some(goal("old")), "tablet")],
            cursor: 9,
            more: false,
        });
        let put = phone.put("e1".into(), 1, "current", goal("new"));
        assert!(matches!(&put.change, Change::Put(Put { base: 9, .. })));
    }

    #[test]
    fn a_pulled_delete_removes_the_record_and_an_older_version_never_overwrites_a_newer() {
        let mut phone = Replica::new("phone-0001");
        phone.apply_pull(&PullResponse {
            changes: vec![
                record_change(5, Some(goal("v5")), "tablet"),
                record_change(3, Some(goal("v3")), "tablet"),
            ],
            cursor: 5,
            more: false,
        });
        assert_eq!(phone.record(&goal_key()), Some(&goal("v5")));
        phone.apply_pull(&PullResponse {
            changes: vec![record_change(6, None, "tablet")],
            cursor: 6,
            more: false,
        });
        assert!(phone.records().is_empty());
    }

    #[test]
    fn activities_from_other_devices_merge_with_own_once_each_in_time_order() {
        let mut phone = Replica::new("phone-0001");
        phone.record_activity("mine".into(), 20, opened("b"));
        let event = |id: &str, at_ms, module| PulledChange::Event {
            cursor: at_ms as u64,
            device_id: "x".into(),
            id: id.into(),
            at_ms,
            activity: opened(module),
        };
        phone.apply_pull(&PullResponse {
            // The device's own event comes back too; it must not count twice.
            changes: vec![event("theirs", 10, "a"), event("mine", 20, "b")],
            cursor: 20,
            more: false,
        });
        let ids: Vec<&str> = phone.activities().iter().map(|(id, ..)| *id).collect();
        assert_eq!(ids, ["theirs", "mine"]);
    }

    #[test]
    fn a_mutation_the_server_rejects_is_no_longer_shown() {
        let mut phone = Replica::new("phone-0001");
        phone.record_activity("bad".into(), 1, opened("<script>"));
        phone.put("e2".into(), 2, "current", goal("ok"));
        phone.take_push_response(&PushResponse {
            acked_through: 2,
            rejected: vec![crate::sync::Rejection {
                seq: 1,
                reason: "bad id".into(),
            }],
            ..PushResponse::default()
        });
        assert!(phone.activities().is_empty());
        assert!(phone.outbox().is_empty());
        assert_eq!(phone.record(&goal_key()), Some(&goal("ok")));
    }

    #[test]
    fn a_rejected_activity_goes_after_ack_and_pull_even_when_the_rejection_was_lost() {
        let mut phone = Replica::new("phone-0001");
        phone.record_activity("bad".into(), 1, opened("<script>"));
        // The answer naming the rejection was lost; the retry answers with a duplicate.
        phone.take_push_response(&PushResponse {
            acked_through: 1,
            duplicates: 1,
            ..PushResponse::default()
        });
        phone.apply_pull(&PullResponse {
            changes: vec![],
            cursor: 0,
            more: false,
        });
        assert!(phone.activities().is_empty());
    }

    #[test]
    fn a_restored_replica_continues_where_the_stored_one_stopped() {
        let mut phone = Replica::new("phone-0001");
        phone.record_activity("e1".into(), 1, opened("a"));
        phone.put("e2".into(), 2, "current", goal("kept"));
        phone.acknowledge(1);
        let journal = phone.journal.clone();
        let restored = Replica::restore("phone-0001", journal, 1, Vec::new(), 0);
        assert_eq!(restored.next_seq(), 3);
        assert_eq!(restored.outbox().len(), 1);
        assert_eq!(restored.record(&goal_key()), Some(&goal("kept")));
        let plan = plan_push(1, restored.outbox());
        assert_eq!(plan.apply.len(), 1);
    }
}
