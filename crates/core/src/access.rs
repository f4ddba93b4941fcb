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
}

/// Things done to or about one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonAction {
    /// Name, role, start date.
    ViewProfile,
    /// Modules opened, steps and modules done: counts, never answers.
    ViewProgress,
    /// Join codes, sessions, the buddy role and buddy matches of a worker.
    ManageWorker,
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
        PersonAction::ManageWorker => {
            same_agency && actor.role.is_staff() && subject.role == Role::Worker
        }
    }
}

pub fn may_in_agency(actor: &Actor<'_>, action: AgencyAction) -> bool {
    match action {
        AgencyAction::ViewWorkers | AgencyAction::CreateWorker => actor.role.is_staff(),
        AgencyAction::CreateIntercedent => actor.role == Role::Admin,
        AgencyAction::SyncOwnDevice => actor.role == Role::Worker,
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
    }
}
