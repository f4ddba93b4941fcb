//! Who may see and do what. The server gathers the facts (who is asking, who the request is
//! about, whether they are matched and what the worker shares) and asks these functions; no
//! endpoint decides on its own.
//!
//! The rules, in words:
//! - a worker sees only their own data, and syncs only their own devices;
//! - a buddy (a worker with the buddy role) also sees the name of the newcomers matched to them,
//!   and their progress only when the newcomer shares it;
//! - an intercedent sees the workers of their own agency and their progress (participation and
//!   completion), never their private answers, and manages their join codes, sessions and buddy
//!   matches;
//! - an agency admin may do all an intercedent may, and add intercedents;
//! - an intercedent assigns modules and paths, plans conversations, sees check-in flags and
//!   follows up; a check-in's note (what the buddy wrote about the newcomer) only when the
//!   newcomer shares notes with the intercedent;
//! - a worker sees their own assignments and space, exports and deletes their own data, and
//!   either side of a buddy pair may ask for a new match;
//! - nobody acts across agencies.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Intercedent,
    Worker,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Intercedent => "intercedent",
            Role::Worker => "worker",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        [Role::Admin, Role::Intercedent, Role::Worker]
            .into_iter()
            .find(|r| r.as_str() == name)
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Intercedent)
    }
}

/// The signed-in person making a request.
#[derive(Clone, Copy, Debug)]
pub struct Actor<'a> {
    pub person_id: &'a str,
    pub agency_id: &'a str,
    pub role: Role,
}

/// The person a request is about, with the facts the rules need.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub person_id: &'a str,
    pub agency_id: &'a str,
    pub role: Role,
    /// Their buddy, when they are a newcomer with a match.
    pub buddy_id: Option<&'a str>,
    /// The worker's own sharing choice: their buddy may see their progress.
    pub shares_progress_with_buddy: bool,
    /// The worker's own sharing choice: the intercedent may read check-in notes about them.
    pub shares_notes_with_intercedent: bool,
}

/// Things done to or about one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonAction {
    /// Name, role, start date.
    ViewProfile,
    /// Modules opened, steps and modules done: counts, never answers.
    ViewProgress,
    /// Join codes, sessions, the buddy role and buddy matches of a worker; their placement,
    /// assignments, conversations, check-in flags and follow-ups.
    ManageWorker,
    /// The worker's assignments and whether each item is done: participation, not answers.
    ViewAssignments,
    /// The check-ins about a newcomer: slot, how it goes, topics, the flag.
    ViewCheckIns,
    /// The free-text note of a check-in about the newcomer.
    ReadCheckInNotes,
    /// End a buddy pair and never propose it again.
    AskNewMatch,
}

/// Things done within one's own agency, about nobody in particular.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgencyAction {
    /// List the agency's workers and the participation per module.
    ViewWorkers,
    CreateWorker,
    CreateIntercedent,
    /// Push and pull one's own device's changes.
    SyncOwnDevice,
    /// Assign modules and paths to workers or a site, see follow-ups, the overview and the
    /// buddy matching proposal.
    ManageProgramme,
    /// One's own space: assignments, buddy, newcomers; the export of all one's data and the
    /// deletion of one's account.
    OwnSpace,
}

pub fn may(actor: &Actor<'_>, action: PersonAction, subject: &Subject<'_>) -> bool {
    let same_agency = actor.agency_id == subject.agency_id;
    let is_self = actor.person_id == subject.person_id;
    let is_their_buddy = subject.buddy_id == Some(actor.person_id) && same_agency;
    match action {
        PersonAction::ViewProfile => {
            is_self || (same_agency && actor.role.is_staff()) || is_their_buddy
        }
        PersonAction::ViewProgress => {
            is_self
                || (same_agency && actor.role.is_staff())
                || (is_their_buddy && subject.shares_progress_with_buddy)
        }
        PersonAction::ManageWorker | PersonAction::ViewCheckIns => {
            same_agency && actor.role.is_staff() && subject.role == Role::Worker
        }
        PersonAction::ViewAssignments => {
            (is_self || (same_agency && actor.role.is_staff())) && subject.role == Role::Worker
        }
        PersonAction::ReadCheckInNotes => {
            same_agency
                && actor.role.is_staff()
                && subject.role == Role::Worker
                && subject.shares_notes_with_intercedent
        }
        PersonAction::AskNewMatch => {
            subject.role == Role::Worker
                && (is_self || is_their_buddy || (same_agency && actor.role.is_staff()))
        }
    }
}

pub fn may_in_agency(actor: &Actor<'_>, action: AgencyAction) -> bool {
    match action {
        AgencyAction::ViewWorkers | AgencyAction::CreateWorker | AgencyAction::ManageProgramme => {
            actor.role.is_staff()
        }
        AgencyAction::CreateIntercedent => actor.role == Role::Admin,
        AgencyAction::SyncOwnDevice | AgencyAction::OwnSpace => actor.role == Role::Worker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKER: Subject = Subject {
        person_id: "w",
        agency_id: "a",
        role: Role::Worker,
        buddy_id: Some("b"),
        shares_progress_with_buddy: false,
        shares_notes_with_intercedent: false,
    };

    fn actor(person_id: &'static str, agency_id: &'static str, role: Role) -> Actor<'static> {
        Actor {
            person_id,
            agency_id,
            role,
        }
    }

    #[test]
    fn a_worker_sees_only_themselves() {
        let me = actor("w", "a", Role::Worker);
        let colleague = actor("x", "a", Role::Worker);
        assert!(may(&me, PersonAction::ViewProgress, &WORKER));
        assert!(!may(&colleague, PersonAction::ViewProgress, &WORKER));
        assert!(!may(&colleague, PersonAction::ViewProfile, &WORKER));
        assert!(!may(&me, PersonAction::ManageWorker, &WORKER));
    }

    #[test]
    fn a_buddy_sees_progress_only_when_the_newcomer_shares_it() {
        let buddy = actor("b", "a", Role::Worker);
        assert!(may(&buddy, PersonAction::ViewProfile, &WORKER));
        assert!(!may(&buddy, PersonAction::ViewProgress, &WORKER));
        let sharing = Subject {
            shares_progress_with_buddy: true,
            ..WORKER
        };
        assert!(may(&buddy, PersonAction::ViewProgress, &sharing));
    }

    #[test]
    fn staff_act_within_their_own_agency_only() {
        for role in [Role::Intercedent, Role::Admin] {
            let own = actor("i", "a", role);
            let other = actor("j", "other", role);
            for action in [
                PersonAction::ViewProfile,
                PersonAction::ViewProgress,
                PersonAction::ManageWorker,
            ] {
                assert!(may(&own, action, &WORKER), "{role:?} {action:?}");
                assert!(!may(&other, action, &WORKER), "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn a_buddy_id_from_another_agency_grants_nothing() {
        let stranger = actor("b", "other", Role::Worker);
        assert!(!may(&stranger, PersonAction::ViewProfile, &WORKER));
    }

    #[test]
    fn only_admins_add_intercedents_and_only_workers_sync() {
        let admin = actor("a1", "a", Role::Admin);
        let intercedent = actor("i", "a", Role::Intercedent);
        let worker = actor("w", "a", Role::Worker);
        assert!(may_in_agency(&admin, AgencyAction::CreateIntercedent));
        assert!(!may_in_agency(
            &intercedent,
            AgencyAction::CreateIntercedent
        ));
        assert!(may_in_agency(&intercedent, AgencyAction::CreateWorker));
        assert!(!may_in_agency(&worker, AgencyAction::CreateWorker));
        assert!(may_in_agency(&worker, AgencyAction::SyncOwnDevice));
        assert!(!may_in_agency(&intercedent, AgencyAction::SyncOwnDevice));
        assert!(may_in_agency(&intercedent, AgencyAction::ManageProgramme));
        assert!(!may_in_agency(&worker, AgencyAction::ManageProgramme));
        assert!(may_in_agency(&worker, AgencyAction::OwnSpace));
        assert!(!may_in_agency(&admin, AgencyAction::OwnSpace));
    }

    #[test]
    fn check_in_notes_reach_the_intercedent_only_when_the_newcomer_shares_them() {
        let intercedent = actor("i", "a", Role::Intercedent);
        let buddy = actor("b", "a", Role::Worker);
        assert!(may(&intercedent, PersonAction::ViewCheckIns, &WORKER));
        assert!(!may(&intercedent, PersonAction::ReadCheckInNotes, &WORKER));
        let sharing = Subject {
            shares_notes_with_intercedent: true,
            ..WORKER
        };
        assert!(may(&intercedent, PersonAction::ReadCheckInNotes, &sharing));
        assert!(!may(&buddy, PersonAction::ViewCheckIns, &sharing));
        let stranger = actor("j", "other", Role::Intercedent);
        assert!(!may(&stranger, PersonAction::ReadCheckInNotes, &sharing));
    }

    #[test]
    fn assignments_are_seen_by_the_worker_and_staff_and_either_side_may_ask_a_new_match() {
        let me = actor("w", "a", Role::Worker);
        let buddy = actor("b", "a", Role::Worker);
        let colleague = actor("x", "a", Role::Worker);
        let intercedent = actor("i", "a", Role::Intercedent);
        assert!(may(&me, PersonAction::ViewAssignments, &WORKER));
        assert!(may(&intercedent, PersonAction::ViewAssignments, &WORKER));
        assert!(!may(&buddy, PersonAction::ViewAssignments, &WORKER));
        for who in [&me, &buddy, &intercedent] {
            assert!(may(who, PersonAction::AskNewMatch, &WORKER));
        }
        assert!(!may(&colleague, PersonAction::AskNewMatch, &WORKER));
    }
}
