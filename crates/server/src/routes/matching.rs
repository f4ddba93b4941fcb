//! Buddy matching through the console: the proposal from `wegwijs_core::matching`, and ending a
//! pair. Confirming or changing a pair is `PUT /api/workers/{id}/buddy`.

use std::collections::{BTreeSet, HashMap};

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use wegwijs_core::access::{AgencyAction, PersonAction};
use wegwijs_core::matching::{
    BuddyProfile, Constraints, Language, MatchReason, NewcomerProfile, Pair, Theme, propose_with,
    score,
};
use wegwijs_core::records::RecordValue;

use super::console::{PersonRef, person_ref};
use super::space::end_pair;
use super::{authorize_person, require_in_agency};
use crate::AppState;
use crate::auth::Session;
use crate::error::{AppError, AppPath};
use crate::store::console;

#[derive(Debug, Serialize, ToSchema)]
pub struct MatchView {
    pub newcomer: PersonRef,
    pub buddy: PersonRef,
    pub points: u32,
    pub reasons: Vec<MatchReason>,
    /// An existing pair (set by the intercedent); otherwise a proposal.
    pub confirmed: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalView {
    pub matches: Vec<MatchView>,
    /// Newcomers no buddy with a free place and a shared language can take.
    pub unmatched: Vec<PersonRef>,
}

/// A buddy for every newcomer, as far as places and languages allow: existing pairs are kept
/// (and use their buddy's places), excluded pairs never proposed. Buddies are workers with the
/// buddy role, a placement and a buddy offer with places; newcomers are the other workers with a
/// placement.
#[utoipa::path(get, path = "/matching/proposal", tag = "console",
    responses(
        (status = 200, body = ProposalView),
        (status = 401, description = "No session"),
        (status = 403, description = "Not staff"),
    ),
    security(("bearer" = [])))]
pub async fn proposal(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<ProposalView>, AppError> {
    require_in_agency(&session, AgencyAction::ManageProgramme)?;
    let snapshot = console::snapshot(&state.db, &session.agency_id).await?;
    let mut offers: HashMap<String, (u8, BTreeSet<Theme>)> = HashMap::new();
    let mut hard: HashMap<String, BTreeSet<Theme>> = HashMap::new();
    for (owner, value) in console::matching_records(&state.db, &session.agency_id).await? {
        match value {
            RecordValue::BuddyOffer {
                capacity,
                strong_themes,
            } => {
                offers.insert(owner, (capacity, strong_themes));
            }
            RecordValue::HardThemes { themes } => {
                hard.insert(owner, themes);
            }
            _ => {}
        }
    }
    let languages = |codes: &[String]| -> BTreeSet<Language> {
        codes.iter().filter_map(|c| Language::new(c).ok()).collect()
    };

    // Existing pairs, counted per buddy: a buddy keeps at least as many places as they have.
    let pairs: Vec<(String, String)> = snapshot
        .workers
        .iter()
        .filter_map(|w| Some((w.id.clone(), w.buddy.clone()?)))
        .collect();
    let mut paired_count: HashMap<&str, u8> = HashMap::new();
    for (_, buddy) in &pairs {
        *paired_count.entry(buddy).or_default() += 1;
    }

    let mut buddies = Vec::new();
    let mut newcomers = Vec::new();
    for worker in &snapshot.workers {
        let Some(placement) = snapshot.placements.get(&worker.id) else {
            continue;
        };
        if worker.buddy_role {
            let Some((capacity, strong)) = offers.get(&worker.id) else {
                continue;
            };
            let paired = paired_count.get(worker.id.as_str()).copied().unwrap_or(0);
            if *capacity == 0 && paired == 0 {
                continue;
            }
            buddies.push(BuddyProfile {
                person: worker.id.clone(),
                languages: languages(&placement.languages),
                site: placement.site.clone(),
                shift: placement.shift,
                town: placement.town.clone(),
                strong_themes: strong.clone(),
                capacity: (*capacity).max(paired),
            });
        } else {
            newcomers.push(NewcomerProfile {
                person: worker.id.clone(),
                languages: languages(&placement.languages),
                site: placement.site.clone(),
                shift: placement.shift,
                town: placement.town.clone(),
                hard_themes: hard.get(&worker.id).cloned().unwrap_or_default(),
            });
        }
    }

    // A pair the matcher cannot hold (the buddy paused or unplaced, no shared language) still
    // stands: it is shown as it is, and its newcomer is left out of the matching.
    let mut fixed = Vec::new();
    let mut constraints = Constraints::default();
    for (newcomer, buddy) in &pairs {
        let n = newcomers.iter().find(|n| &n.person == newcomer);
        let b = buddies.iter().find(|b| &b.person == buddy);
        match (n, b) {
            (Some(n), Some(b)) if score(b, n).is_some() => {
                constraints.confirm(Pair::new(newcomer, buddy));
            }
            (Some(_), _) => {
                newcomers.retain(|n| &n.person != newcomer);
                fixed.push(MatchView {
                    newcomer: person_ref(&snapshot, newcomer),
                    buddy: person_ref(&snapshot, buddy),
                    points: 0,
                    reasons: Vec::new(),
                    confirmed: true,
                });
            }
            (None, _) => {}
        }
    }
    for (newcomer, buddy) in console::exclusions(&state.db, &session.agency_id).await? {
        let pair = Pair::new(newcomer, buddy);
        if !constraints.confirmed.contains(&pair) {
            constraints.excluded.insert(pair);
        }
    }

    let proposal = propose_with(&buddies, &newcomers, &constraints)
        .map_err(|e| AppError::Internal(format!("no proposal: {e}")))?;
    let mut matches: Vec<MatchView> = proposal
        .matches
        .into_iter()
        .map(|m| MatchView {
            newcomer: person_ref(&snapshot, &m.newcomer),
            buddy: person_ref(&snapshot, &m.buddy),
            points: m.points,
            reasons: m.reasons,
            confirmed: m.confirmed,
        })
        .chain(fixed)
        .collect();
    matches.sort_by(|a, b| a.newcomer.id.cmp(&b.newcomer.id));
    Ok(Json(ProposalView {
        matches,
        unmatched: proposal
            .unmatched
            .iter()
            .map(|id| person_ref(&snapshot, id))
            .collect(),
    }))
}

/// The intercedent ends a newcomer's pair on either one's request; it is never proposed again
/// (until the intercedent sets it with `PUT /api/workers/{id}/buddy`).
#[utoipa::path(post, path = "/workers/{id}/new-match", tag = "console",
    params(("id" = String, Path, description = "The newcomer's id")),
    responses(
        (status = 204, description = "The pair ended"),
        (status = 401, description = "No session"),
        (status = 403, description = "Not allowed"),
        (status = 404, description = "No such worker in your agency"),
        (status = 409, description = "The newcomer has no buddy"),
    ),
    security(("bearer" = [])))]
pub async fn worker_new_match(
    State(state): State<AppState>,
    session: Session,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, AppError> {
    authorize_person(&state, &session, &id, PersonAction::ManageWorker).await?;
    end_pair(&state, &id).await
}
