//! Buddy matching: which experienced worker (a buddy) helps which newcomer.
//!
//! Buddies opt in with the languages they speak, their site (or hirer), shift and town, the
//! themes they are strong in, and how many newcomers they can take. Newcomers have languages,
//! site, shift, town and the themes they find hard. [`score`] rates one pair; [`propose_with`]
//! assigns everyone at once, optimally, and says in [`MatchReason`]s why each pair fits. The
//! reasons are data, not sentences: the app words them in the worker's language through Fluent.
//!
//! # Score
//!
//! A pair needs a shared language; without one there is no pair at all. Then:
//!
//! | what the two have in common                 | points                              |
//! | ------------------------------------------- | ----------------------------------- |
//! | same site or hirer                          | [`SAME_SITE_POINTS`] (10)           |
//! | same shift                                  | [`SAME_SHIFT_POINTS`] (10)          |
//! | same town                                   | [`SAME_TOWN_POINTS`] (3)            |
//! | each theme the buddy is strong in and the newcomer finds hard | [`STRONG_WHERE_HARD_POINTS`] (2) |
//! | each shared language after the first        | [`EXTRA_SHARED_LANGUAGE_POINTS`] (1) |
//!
//! Site and shift weigh most because a buddy helps on the work floor: the same place at the same
//! hours. The same town helps with the rest (travel, housing). A theme the buddy knows and the
//! newcomer struggles with is where the help lands. A second shared language is a fallback when
//! one is shaky, worth a little. A blank site or town matches nothing: unknown is not "the
//! same".
//!
//! # Assignment
//!
//! [`propose_with`] first matches as many newcomers as possible, and among those assignments it
//! takes one with the highest total score. That is a minimum-cost maximum flow: source → each
//! newcomer (capacity 1) → each buddy sharing a language (capacity 1, cost `top - points`, where
//! `top` is the best score of any pair) → sink (capacity: the buddy's free places). Every
//! maximum flow carries the same number of units, so the least cost among them is the highest
//! total score, and no large weight is needed to put the count first.
//!
//! The flow is solved here (`matching/flow.rs`) rather than with a crate. The Hungarian method
//! (`pathfinding::kuhn_munkres`, the well-kept option) needs a matrix of newcomers by buddy
//! places plus a "no buddy" column per newcomer: 2,000 × 4,000 for `cargo xtask bench-match`,
//! O(n²m) ≈ 10¹⁰ steps, against a goal of two seconds. The min-cost-flow crates found either
//! bind C++ (`mcmf`: LEMON, built through the long-deprecated `gcc` crate) or come inside
//! large numeric libraries. The flow here is primal-dual with blocking flows, about 0.1 s for
//! the benchmark, and the tests check it against brute force and against `kuhn_munkres`.
//!
//! # Confirming and asking again
//!
//! The intercedent confirms a proposed pair or changes it to another buddy
//! ([`Constraints::confirm`]); either person can ask for a new match
//! ([`Constraints::ask_new_match`]), which excludes their current pair. Confirmed pairs are kept
//! and use the buddy's places; the rest is proposed around them.
//!
//! The result depends only on the people and constraints, not on the order they are listed in:
//! everyone is handled in order of id, so equally good alternatives are settled the same way
//! every time.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

mod flow;

/// Points for working at the same site or for the same hirer.
pub const SAME_SITE_POINTS: u32 = 10;
/// Points for working the same shift.
pub const SAME_SHIFT_POINTS: u32 = 10;
/// Points for living in the same town.
pub const SAME_TOWN_POINTS: u32 = 3;
/// Points for each theme the buddy is strong in and the newcomer finds hard.
pub const STRONG_WHERE_HARD_POINTS: u32 = 2;
/// Points for each shared language beyond the first, which is required.
pub const EXTRA_SHARED_LANGUAGE_POINTS: u32 = 1;

/// A language someone speaks, as a lowercase ISO 639-1 code (`pl`, `ro`, `uk`, `hu`, ...).
/// Workers speak more languages than the app's four locales, so this is a code, not a
/// [`crate::Locale`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Language(String);

impl Language {
    /// Two ASCII letters, in either case; kept in lowercase.
    pub fn new(code: &str) -> Result<Language, InvalidLanguage> {
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(Language(code.to_ascii_lowercase()))
        } else {
            Err(InvalidLanguage(code.to_string()))
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Language {
    type Error = InvalidLanguage;

    fn try_from(code: String) -> Result<Language, InvalidLanguage> {
        Language::new(&code)
    }
}

impl From<Language> for String {
    fn from(language: Language) -> String {
        language.0
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Not a two-letter ISO 639-1 code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidLanguage(pub String);

impl fmt::Display for InvalidLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a two-letter language code", self.0)
    }
}

impl std::error::Error for InvalidLanguage {}

/// When someone works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Shift {
    Day,
    Evening,
    Night,
    /// Changing shifts; the same as another person only when they rotate too.
    Rotating,
}

impl Shift {
    pub const ALL: [Shift; 4] = [Shift::Day, Shift::Evening, Shift::Night, Shift::Rotating];
}

/// What a newcomer can find hard and a buddy can be strong in: the topics of the app's modules.
/// A closed list, so the app can word each one through Fluent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Work,
    Housing,
    Money,
    Health,
    Language,
    Registration,
    Insurance,
    Safety,
}

impl Theme {
    pub const ALL: [Theme; 8] = [
        Theme::Work,
        Theme::Housing,
        Theme::Money,
        Theme::Health,
        Theme::Language,
        Theme::Registration,
        Theme::Insurance,
        Theme::Safety,
    ];

    /// One bit per theme, for counting overlaps quickly.
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A worker who offered to be a buddy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BuddyProfile {
    /// The person's id, as on the server.
    pub person: String,
    pub languages: BTreeSet<Language>,
    /// The site or hirer they work at.
    pub site: String,
    pub shift: Shift,
    pub town: String,
    pub strong_themes: BTreeSet<Theme>,
    /// How many newcomers they can take at once; 0 pauses them.
    pub capacity: u8,
}

/// A newcomer who would like a buddy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewcomerProfile {
    /// The person's id, as on the server.
    pub person: String,
    pub languages: BTreeSet<Language>,
    pub site: String,
    pub shift: Shift,
    pub town: String,
    pub hard_themes: BTreeSet<Theme>,
}

/// Why a buddy fits a newcomer, for the app to put into words.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    /// Both speak this language.
    SharedLanguage(Language),
    SameSite,
    SameShift,
    SameTown,
    /// The buddy is strong in a theme the newcomer finds hard.
    StrongWhereHard(Theme),
}

/// How well a buddy fits a newcomer, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairScore {
    pub points: u32,
    /// Shared languages first, then site, shift, town and themes.
    pub reasons: Vec<MatchReason>,
}

/// What a pair has in common, counted; the one place the weights are applied, so the fast path
/// in [`propose_with`] and [`score`] cannot disagree.
struct Overlap {
    shared_languages: u32,
    same_site: bool,
    same_shift: bool,
    same_town: bool,
    strong_where_hard: u32,
}

impl Overlap {
    /// None without a shared language.
    fn points(&self) -> Option<u32> {
        let extra_languages = self.shared_languages.checked_sub(1)?;
        Some(
            extra_languages * EXTRA_SHARED_LANGUAGE_POINTS
                + u32::from(self.same_site) * SAME_SITE_POINTS
                + u32::from(self.same_shift) * SAME_SHIFT_POINTS
                + u32::from(self.same_town) * SAME_TOWN_POINTS
                + self.strong_where_hard * STRONG_WHERE_HARD_POINTS,
        )
    }
}

fn same_place(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && a == b
}

/// How well `buddy` fits `newcomer`; None when they share no language.
pub fn score(buddy: &BuddyProfile, newcomer: &NewcomerProfile) -> Option<PairScore> {
    let shared: Vec<&Language> = buddy.languages.intersection(&newcomer.languages).collect();
    let themes: Vec<Theme> = buddy
        .strong_themes
        .intersection(&newcomer.hard_themes)
        .copied()
        .collect();
    let overlap = Overlap {
        shared_languages: shared.len() as u32,
        same_site: same_place(&buddy.site, &newcomer.site),
        same_shift: buddy.shift == newcomer.shift,
        same_town: same_place(&buddy.town, &newcomer.town),
        strong_where_hard: themes.len() as u32,
    };
    let points = overlap.points()?;
    let mut reasons: Vec<MatchReason> = shared
        .into_iter()
        .map(|language| MatchReason::SharedLanguage(language.clone()))
        .collect();
    for (holds, reason) in [
        (overlap.same_site, MatchReason::SameSite),
        (overlap.same_shift, MatchReason::SameShift),
        (overlap.same_town, MatchReason::SameTown),
    ] {
        if holds {
            reasons.push(reason);
        }
    }
    reasons.extend(themes.into_iter().map(MatchReason::StrongWhereHard));
    Some(PairScore { points, reasons })
}

/// A newcomer and a buddy, by person id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pair {
    pub newcomer: String,
    pub buddy: String,
}

impl Pair {
    pub fn new(newcomer: impl Into<String>, buddy: impl Into<String>) -> Pair {
        Pair {
            newcomer: newcomer.into(),
            buddy: buddy.into(),
        }
    }
}

/// What the console has already decided, for [`propose_with`] to work around.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Constraints {
    /// Pairs the intercedent confirmed: kept as they are, using the buddy's places.
    #[serde(default)]
    pub confirmed: BTreeSet<Pair>,
    /// Pairs never to propose, because one of the two asked for a new match. Pairs naming
    /// people no longer listed are ignored.
    #[serde(default)]
    pub excluded: BTreeSet<Pair>,
}

impl Constraints {
    /// The intercedent confirms a proposed pair, or changes the proposal by confirming another
    /// buddy: the newcomer's earlier confirmed pair goes. The intercedent has the last word, so
    /// a pair excluded before may be confirmed again.
    pub fn confirm(&mut self, pair: Pair) {
        self.confirmed.retain(|p| p.newcomer != pair.newcomer);
        self.excluded.remove(&pair);
        self.confirmed.insert(pair);
    }

    /// The newcomer or the buddy asks for a new match: the pair is no longer confirmed, and it
    /// is never proposed again. The buddy keeps their other newcomers.
    pub fn ask_new_match(&mut self, pair: Pair) {
        self.confirmed.remove(&pair);
        self.excluded.insert(pair);
    }
}

/// A newcomer with their buddy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    pub newcomer: String,
    pub buddy: String,
    pub points: u32,
    pub reasons: Vec<MatchReason>,
    /// Confirmed by the intercedent before; otherwise a proposal.
    pub confirmed: bool,
}

/// Everyone's buddy, as far as possible.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Proposal {
    /// One per matched newcomer, in order of newcomer id.
    pub matches: Vec<Match>,
    /// Newcomers left without a buddy, in order of id: no buddy who shares a language with them
    /// has a place left (or every such pair is excluded).
    pub unmatched: Vec<String>,
}

impl Proposal {
    pub fn total_points(&self) -> u64 {
        self.matches.iter().map(|m| u64::from(m.points)).sum()
    }
}

/// Why no proposal could be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatchError {
    /// Two buddy profiles for one person.
    DuplicateBuddy(String),
    /// Two newcomer profiles for one person.
    DuplicateNewcomer(String),
    /// A confirmed pair names a newcomer who is not listed.
    UnknownNewcomer(String),
    /// A confirmed pair names a buddy who is not listed.
    UnknownBuddy(String),
    /// More than one confirmed buddy for this newcomer.
    ConfirmedTwice(String),
    /// A buddy has more confirmed newcomers than places.
    OverCapacity { buddy: String, confirmed: usize },
    /// A pair is both confirmed and excluded.
    ConfirmedAndExcluded(Pair),
    /// A confirmed pair shares no language (or is one person twice).
    NotAPair(Pair),
}

impl fmt::Display for MatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MatchError::DuplicateBuddy(id) => write!(f, "buddy {id} is listed twice"),
            MatchError::DuplicateNewcomer(id) => write!(f, "newcomer {id} is listed twice"),
            MatchError::UnknownNewcomer(id) => {
                write!(f, "confirmed pair names newcomer {id}, who is not listed")
            }
            MatchError::UnknownBuddy(id) => {
                write!(f, "confirmed pair names buddy {id}, who is not listed")
            }
            MatchError::ConfirmedTwice(id) => {
                write!(f, "newcomer {id} has more than one confirmed buddy")
            }
            MatchError::OverCapacity { buddy, confirmed } => write!(
                f,
                "buddy {buddy} has {confirmed} confirmed newcomers, more than their places"
            ),
            MatchError::ConfirmedAndExcluded(pair) => write!(
                f,
                "newcomer {} and buddy {} are both confirmed and excluded",
                pair.newcomer, pair.buddy
            ),
            MatchError::NotAPair(pair) => write!(
                f,
                "newcomer {} and buddy {} share no language",
                pair.newcomer, pair.buddy
            ),
        }
    }
}

impl std::error::Error for MatchError {}

/// The best assignment with nothing decided yet; see [`propose_with`].
pub fn propose(
    buddies: &[BuddyProfile],
    newcomers: &[NewcomerProfile],
) -> Result<Proposal, MatchError> {
    propose_with(buddies, newcomers, &Constraints::default())
}

/// Keeps the confirmed pairs, then matches as many of the other newcomers as the buddies' free
/// places allow, never with a pair that shares no language or is excluded, and among those
/// assignments takes one with the highest total score.
pub fn propose_with(
    buddies: &[BuddyProfile],
    newcomers: &[NewcomerProfile],
    constraints: &Constraints,
) -> Result<Proposal, MatchError> {
    let buddies = sorted_by_person(buddies, |b| &b.person, MatchError::DuplicateBuddy)?;
    let newcomers = sorted_by_person(newcomers, |n| &n.person, MatchError::DuplicateNewcomer)?;
    let buddy_index: HashMap<&str, usize> = index_by_person(&buddies, |b| &b.person);
    let newcomer_index: HashMap<&str, usize> = index_by_person(&newcomers, |n| &n.person);

    let mut places: Vec<u32> = buddies.iter().map(|b| u32::from(b.capacity)).collect();
    let mut confirmed_buddy: Vec<Option<usize>> = vec![None; newcomers.len()];
    for pair in &constraints.confirmed {
        let n = *newcomer_index
            .get(pair.newcomer.as_str())
            .ok_or_else(|| MatchError::UnknownNewcomer(pair.newcomer.clone()))?;
        let b = *buddy_index
            .get(pair.buddy.as_str())
            .ok_or_else(|| MatchError::UnknownBuddy(pair.buddy.clone()))?;
        if constraints.excluded.contains(pair) {
            return Err(MatchError::ConfirmedAndExcluded(pair.clone()));
        }
        if pair.newcomer == pair.buddy || score(buddies[b], newcomers[n]).is_none() {
            return Err(MatchError::NotAPair(pair.clone()));
        }
        if confirmed_buddy[n].replace(b).is_some() {
            return Err(MatchError::ConfirmedTwice(pair.newcomer.clone()));
        }
        if places[b] == 0 {
            let confirmed = constraints
                .confirmed
                .iter()
                .filter(|p| p.buddy == pair.buddy)
                .count();
            return Err(MatchError::OverCapacity {
                buddy: pair.buddy.clone(),
                confirmed,
            });
        }
        places[b] -= 1;
    }

    let mut excluded: Vec<Vec<usize>> = vec![Vec::new(); newcomers.len()];
    for pair in &constraints.excluded {
        if let (Some(&n), Some(&b)) = (
            newcomer_index.get(pair.newcomer.as_str()),
            buddy_index.get(pair.buddy.as_str()),
        ) {
            excluded[n].push(b);
        }
    }

    let open: Vec<usize> = (0..newcomers.len())
        .filter(|&n| confirmed_buddy[n].is_none())
        .collect();
    let chosen = assign(&buddies, &newcomers, &open, &places, &excluded);

    let mut proposal = Proposal::default();
    for (n, newcomer) in newcomers.iter().enumerate() {
        let (b, confirmed) = match (confirmed_buddy[n], chosen.get(&n)) {
            (Some(b), _) => (b, true),
            (None, Some(&b)) => (b, false),
            (None, None) => {
                proposal.unmatched.push(newcomer.person.clone());
                continue;
            }
        };
        let PairScore { points, reasons } =
            score(buddies[b], newcomer).expect("only pairs sharing a language are matched");
        proposal.matches.push(Match {
            newcomer: newcomer.person.clone(),
            buddy: buddies[b].person.clone(),
            points,
            reasons,
            confirmed,
        });
    }
    Ok(proposal)
}

fn sorted_by_person<T>(
    people: &[T],
    person: impl Fn(&T) -> &String,
    duplicate: impl Fn(String) -> MatchError,
) -> Result<Vec<&T>, MatchError> {
    let mut sorted: Vec<&T> = people.iter().collect();
    sorted.sort_by(|a, b| person(a).cmp(person(b)));
    if let Some(pair) = sorted.windows(2).find(|w| person(w[0]) == person(w[1])) {
        return Err(duplicate(person(pair[0]).clone()));
    }
    Ok(sorted)
}

fn index_by_person<'a, T>(
    people: &[&'a T],
    person: impl Fn(&'a T) -> &'a String,
) -> HashMap<&'a str, usize> {
    people
        .iter()
        .enumerate()
        .map(|(i, p)| (person(p).as_str(), i))
        .collect()
}

/// A profile boiled down to small numbers, so that scoring the million pairs of a large round is
/// cheap: languages as sorted codes, site and town as interned ids, themes as bits.
struct Compact {
    languages: Vec<u16>,
    site: Option<u32>,
    shift: Shift,
    town: Option<u32>,
    themes: u8,
}

#[derive(Default)]
struct Interner<'a>(BTreeMap<&'a str, u32>);

impl<'a> Interner<'a> {
    /// Blank names get no id, so they never count as the same place.
    fn id(&mut self, name: &'a str) -> Option<u32> {
        if name.trim().is_empty() {
            return None;
        }
        let next = self.0.len() as u32;
        Some(*self.0.entry(name).or_insert(next))
    }
}

fn language_codes(languages: &BTreeSet<Language>) -> Vec<u16> {
    // Two lowercase letters pack into a u16 in the same order as the strings.
    languages
        .iter()
        .map(|l| {
            let b = l.code().as_bytes();
            u16::from(b[0]) << 8 | u16::from(b[1])
        })
        .collect()
}

fn themes_bits(themes: &BTreeSet<Theme>) -> u8 {
    themes.iter().fold(0, |bits, t| bits | t.bit())
}

fn shared_count(a: &[u16], b: &[u16]) -> u32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

fn compact_points(buddy: &Compact, newcomer: &Compact) -> Option<u32> {
    Overlap {
        shared_languages: shared_count(&buddy.languages, &newcomer.languages),
        same_site: buddy.site.is_some() && buddy.site == newcomer.site,
        same_shift: buddy.shift == newcomer.shift,
        same_town: buddy.town.is_some() && buddy.town == newcomer.town,
        strong_where_hard: (buddy.themes & newcomer.themes).count_ones(),
    }
    .points()
}

/// The optimal assignment of the `open` newcomers to buddies with free `places`, as newcomer
/// index → buddy index (both into the id-sorted lists).
fn assign(
    buddies: &[&BuddyProfile],
    newcomers: &[&NewcomerProfile],
    open: &[usize],
    places: &[u32],
    excluded: &[Vec<usize>],
) -> BTreeMap<usize, usize> {
    let mut sites = Interner::default();
    let mut towns = Interner::default();
    let compact_buddies: Vec<Compact> = buddies
        .iter()
        .map(|b| Compact {
            languages: language_codes(&b.languages),
            site: sites.id(&b.site),
            shift: b.shift,
            town: towns.id(&b.town),
            themes: themes_bits(&b.strong_themes),
        })
        .collect();
    let available: Vec<usize> = (0..buddies.len()).filter(|&b| places[b] > 0).collect();

    // Candidate pairs, newcomer by newcomer in id order and buddies in id order within each:
    // the flow tries arcs in this order, which is what makes ties come out the same every time.
    let mut candidates: Vec<(usize, usize, u32)> = Vec::new();
    for (slot, &n) in open.iter().enumerate() {
        let newcomer = newcomers[n];
        let compact_newcomer = Compact {
            languages: language_codes(&newcomer.languages),
            site: sites.id(&newcomer.site),
            shift: newcomer.shift,
            town: towns.id(&newcomer.town),
            themes: themes_bits(&newcomer.hard_themes),
        };
        for &b in &available {
            if buddies[b].person == newcomer.person || excluded[n].contains(&b) {
                continue;
            }
            if let Some(points) = compact_points(&compact_buddies[b], &compact_newcomer) {
                candidates.push((slot, b, points));
            }
        }
    }
    let Some(top) = candidates.iter().map(|&(_, _, points)| points).max() else {
        return BTreeMap::new();
    };

    // Nodes: the source, the open newcomers, the available buddies, the sink.
    let newcomer_node = |slot: usize| 1 + slot as u32;
    let mut buddy_node = vec![u32::MAX; buddies.len()];
    for (i, &b) in available.iter().enumerate() {
        buddy_node[b] = 1 + (open.len() + i) as u32;
    }
    let sink = 1 + open.len() + available.len();
    let mut edges = Vec::with_capacity(open.len() + candidates.len() + available.len());
    edges.extend((0..open.len()).map(|slot| flow::Edge {
        from: 0,
        to: newcomer_node(slot),
        capacity: 1,
        cost: 0,
    }));
    let first_pair_edge = edges.len();
    edges.extend(candidates.iter().map(|&(slot, b, points)| flow::Edge {
        from: newcomer_node(slot),
        to: buddy_node[b],
        capacity: 1,
        cost: i64::from(top - points),
    }));
    edges.extend(available.iter().map(|&b| flow::Edge {
        from: buddy_node[b],
        to: sink as u32,
        capacity: places[b],
        cost: 0,
    }));
    let solution = flow::min_cost_max_flow(sink + 1, &edges, 0, sink);
    let chosen: BTreeMap<usize, usize> = candidates
        .iter()
        .zip(&solution.flows[first_pair_edge..])
        .filter(|&(_, &flow)| flow > 0)
        .map(|(&(slot, b, _), _)| (open[slot], b))
        .collect();
    debug_assert_eq!(solution.total_flow, chosen.len() as u64);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages(codes: &[&str]) -> BTreeSet<Language> {
        codes.iter().map(|c| Language::new(c).unwrap()).collect()
    }

    fn buddy(person: &str, codes: &[&str], site: &str, shift: Shift, town: &str) -> BuddyProfile {
        BuddyProfile {
            person: person.into(),
            languages: languages(codes),
            site: site.into(),
            shift,
            town: town.into(),
            strong_themes: BTreeSet::new(),
            capacity: 1,
        }
    }

    fn newcomer(
        person: &str,
        codes: &[&str],
        site: &str,
        shift: Shift,
        town: &str,
    ) -> NewcomerProfile {
        NewcomerProfile {
            person: person.into(),
            languages: languages(codes),
            site: site.into(),
            shift,
            town: town.into(),
            hard_themes: BTreeSet::new(),
        }
    }

    #[test]
    fn no_shared_language_no_pair() {
        let b = buddy("b", &["pl", "en"], "S", Shift::Day, "T");
        let n = newcomer("n", &["ro"], "S", Shift::Day, "T");
        assert_eq!(score(&b, &n), None);
    }

    #[test]
    fn every_reason_counts_with_its_weight() {
        let mut b = buddy("b", &["pl", "en", "de"], "Venlo DC", Shift::Night, "Venlo");
        b.strong_themes = [Theme::Money, Theme::Housing, Theme::Safety].into();
        let mut n = newcomer("n", &["en", "pl"], "Venlo DC", Shift::Night, "Venlo");
        n.hard_themes = [Theme::Money, Theme::Housing, Theme::Health].into();
        let pair = score(&b, &n).unwrap();
        assert_eq!(
            pair.reasons,
            vec![
                MatchReason::SharedLanguage(Language::new("en").unwrap()),
                MatchReason::SharedLanguage(Language::new("pl").unwrap()),
                MatchReason::SameSite,
                MatchReason::SameShift,
                MatchReason::SameTown,
                MatchReason::StrongWhereHard(Theme::Housing),
                MatchReason::StrongWhereHard(Theme::Money),
            ]
        );
        assert_eq!(pair.points, 1 + 10 + 10 + 3 + 2 * 2);

        let other = newcomer("m", &["pl"], "Tilburg", Shift::Day, "Tilburg");
        let pair = score(&b, &other).unwrap();
        assert_eq!(pair.points, 0);
        assert_eq!(
            pair.reasons,
            vec![MatchReason::SharedLanguage(Language::new("pl").unwrap())]
        );
    }

    #[test]
    fn blank_site_or_town_is_not_the_same_place() {
        let b = buddy("b", &["pl"], " ", Shift::Day, "");
        let n = newcomer("n", &["pl"], " ", Shift::Evening, "");
        assert_eq!(score(&b, &n).unwrap().points, 0);
        let chosen = propose(&[b], &[n]).unwrap();
        assert_eq!(chosen.matches[0].points, 0);
    }

    #[test]
    fn language_codes_are_two_letters_kept_lowercase() {
        assert_eq!(Language::new("PL").unwrap().code(), "pl");
        for bad in ["", "p", "pol", "p1", "é", "pl "] {
            assert!(Language::new(bad).is_err(), "{bad:?}");
        }
        let parsed: Language = serde_json::from_str("\"Ro\"").unwrap();
        assert_eq!(parsed.code(), "ro");
        assert!(serde_json::from_str::<Language>("\"rom\"").is_err());
    }

    #[test]
    fn wire_format() {
        let mut b = buddy("b1", &["uk", "pl"], "Site", Shift::Rotating, "Town");
        b.strong_themes = [Theme::Registration, Theme::Work].into();
        b.capacity = 3;
        let json = serde_json::to_value(&b).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "person": "b1",
                "languages": ["pl", "uk"],
                "site": "Site",
                "shift": "rotating",
                "town": "Town",
                "strong_themes": ["work", "registration"],
                "capacity": 3
            })
        );
        assert_eq!(serde_json::from_value::<BuddyProfile>(json).unwrap(), b);
        let reasons = vec![
            MatchReason::SharedLanguage(Language::new("pl").unwrap()),
            MatchReason::SameSite,
            MatchReason::StrongWhereHard(Theme::Insurance),
        ];
        assert_eq!(
            serde_json::to_value(&reasons).unwrap(),
            serde_json::json!([{"shared_language": "pl"}, "same_site", {"strong_where_hard": "insurance"}])
        );
        let constraints: Constraints = serde_json::from_str("{}").unwrap();
        assert_eq!(constraints, Constraints::default());
    }

    #[test]
    fn fast_points_agree_with_score() {
        // Every combination of what a pair can share, through both paths.
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let codes = ["pl", "ro", "en", "nl"];
        let places = ["", "A", "B"];
        let profile = |next: &mut dyn FnMut(u64) -> u64| {
            let langs: Vec<&str> = codes.iter().copied().filter(|_| next(2) == 0).collect();
            let themes: BTreeSet<Theme> = Theme::ALL.into_iter().filter(|_| next(3) == 0).collect();
            (
                languages(&langs),
                places[next(3) as usize].to_string(),
                Shift::ALL[next(4) as usize],
                places[next(3) as usize].to_string(),
                themes,
            )
        };
        let mut interner_sites = Interner::default();
        let mut interner_towns = Interner::default();
        let mut pairs = Vec::new();
        for _ in 0..2000 {
            let (languages, site, shift, town, strong_themes) = profile(&mut next);
            let b = BuddyProfile {
                person: "b".into(),
                languages,
                site,
                shift,
                town,
                strong_themes,
                capacity: 1,
            };
            let (languages, site, shift, town, hard_themes) = profile(&mut next);
            let n = NewcomerProfile {
                person: "n".into(),
                languages,
                site,
                shift,
                town,
                hard_themes,
            };
            pairs.push((b, n));
        }
        for (b, n) in &pairs {
            let cb = Compact {
                languages: language_codes(&b.languages),
                site: interner_sites.id(&b.site),
                shift: b.shift,
                town: interner_towns.id(&b.town),
                themes: themes_bits(&b.strong_themes),
            };
            let cn = Compact {
                languages: language_codes(&n.languages),
                site: interner_sites.id(&n.site),
                shift: n.shift,
                town: interner_towns.id(&n.town),
                themes: themes_bits(&n.hard_themes),
            };
            assert_eq!(
                compact_points(&cb, &cn),
                score(b, n).map(|s| s.points),
                "{b:?} {n:?}"
            );
        }
    }

    #[test]
    fn nobody_is_their_own_buddy() {
        let b = buddy("x", &["pl"], "S", Shift::Day, "T");
        let n = newcomer("x", &["pl"], "S", Shift::Day, "T");
        let chosen = propose(std::slice::from_ref(&b), std::slice::from_ref(&n)).unwrap();
        assert_eq!(chosen.unmatched, vec!["x".to_string()]);
        let mut constraints = Constraints::default();
        constraints.confirm(Pair::new("x", "x"));
        assert_eq!(
            propose_with(&[b], &[n], &constraints),
            Err(MatchError::NotAPair(Pair::new("x", "x")))
        );
    }
}
