//! Buddy matching against its promises: no buddy over capacity, no pair without a shared
//! language, confirmed pairs kept and excluded ones never proposed, the same answer whatever
//! the input order, and optimal (most newcomers matched, then the highest total score) against
//! brute force and against the Hungarian method on seeded random cases.

use std::collections::{BTreeMap, BTreeSet};

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use wegwijs_core::matching::{
    BuddyProfile, Constraints, Language, Match, MatchError, MatchReason, NewcomerProfile, Pair,
    Proposal, Shift, Theme, propose, propose_with, score,
};

/// A small seeded generator (PCG-style LCG), so every case can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

fn language(code: &str) -> Language {
    Language::new(code).unwrap()
}

/// Few languages, sites and towns, so that pairs often share something and often do not.
fn random_languages(rng: &mut Rng) -> BTreeSet<Language> {
    let mut languages: BTreeSet<Language> = BTreeSet::new();
    let count = 1 + rng.below(2);
    for _ in 0..count {
        languages.insert(language(rng.pick(&["pl", "ro", "en", "bg"])));
    }
    languages
}

fn random_themes(rng: &mut Rng) -> BTreeSet<Theme> {
    Theme::ALL.into_iter().filter(|_| rng.chance(25)).collect()
}

fn random_buddy(rng: &mut Rng, i: usize, max_capacity: u64) -> BuddyProfile {
    BuddyProfile {
        person: format!("b{i}"),
        languages: random_languages(rng),
        site: rng.pick(&["", "DC Venlo", "Kas Westland"]).to_string(),
        shift: rng.pick(&Shift::ALL[..3]),
        town: rng.pick(&["Venlo", "Naaldwijk"]).to_string(),
        strong_themes: random_themes(rng),
        capacity: rng.below(max_capacity + 1) as u8,
    }
}

fn random_newcomer(rng: &mut Rng, i: usize) -> NewcomerProfile {
    NewcomerProfile {
        person: format!("n{i}"),
        languages: random_languages(rng),
        site: rng.pick(&["", "DC Venlo", "Kas Westland"]).to_string(),
        shift: rng.pick(&Shift::ALL[..3]),
        town: rng.pick(&["Venlo", "Naaldwijk"]).to_string(),
        hard_themes: random_themes(rng),
    }
}

struct Case {
    buddies: Vec<BuddyProfile>,
    newcomers: Vec<NewcomerProfile>,
    constraints: Constraints,
}

fn random_case(seed: u64, max_newcomers: u64, max_buddies: u64, max_capacity: u64) -> Case {
    let mut rng = Rng(seed);
    let buddies: Vec<BuddyProfile> = (0..1 + rng.below(max_buddies) as usize)
        .map(|i| random_buddy(&mut rng, i, max_capacity))
        .collect();
    let newcomers: Vec<NewcomerProfile> = (0..1 + rng.below(max_newcomers) as usize)
        .map(|i| random_newcomer(&mut rng, i))
        .collect();
    Case {
        buddies,
        newcomers,
        constraints: Constraints::default(),
    }
}

/// Some valid constraints: a few pairs confirmed (within capacity, sharing a language), a few
/// excluded.
fn random_constraints(rng: &mut Rng, case: &Case) -> Constraints {
    let mut constraints = Constraints::default();
    let mut places: Vec<u8> = case.buddies.iter().map(|b| b.capacity).collect();
    for newcomer in &case.newcomers {
        for (b, buddy) in case.buddies.iter().enumerate() {
            let pair = Pair::new(&newcomer.person, &buddy.person);
            if score(buddy, newcomer).is_none() {
                continue;
            }
            if places[b] > 0 && rng.chance(10) {
                places[b] -= 1;
                constraints.confirm(pair);
                break;
            }
            if rng.chance(20) {
                constraints.ask_new_match(pair);
            }
        }
    }
    constraints
}

/// The objective: newcomers matched, then total points.
fn objective(proposal: &Proposal) -> (usize, u64) {
    (proposal.matches.len(), proposal.total_points())
}

/// Tries every way to give each open newcomer one allowed buddy or none.
fn brute_force(case: &Case) -> (usize, u64) {
    let confirmed: BTreeMap<&str, &str> = case
        .constraints
        .confirmed
        .iter()
        .map(|p| (p.newcomer.as_str(), p.buddy.as_str()))
        .collect();
    let mut places: Vec<i64> = case.buddies.iter().map(|b| i64::from(b.capacity)).collect();
    let mut fixed = (0usize, 0u64);
    for (b, buddy) in case.buddies.iter().enumerate() {
        for newcomer in &case.newcomers {
            if confirmed.get(newcomer.person.as_str()) == Some(&buddy.person.as_str()) {
                places[b] -= 1;
                fixed.0 += 1;
                fixed.1 += u64::from(score(buddy, newcomer).unwrap().points);
            }
        }
    }
    // Per open newcomer: the buddies they may have, with the points.
    let options: Vec<Vec<(usize, u64)>> = case
        .newcomers
        .iter()
        .filter(|n| !confirmed.contains_key(n.person.as_str()))
        .map(|newcomer| {
            case.buddies
                .iter()
                .enumerate()
                .filter(|(_, buddy)| {
                    !case
                        .constraints
                        .excluded
                        .contains(&Pair::new(&newcomer.person, &buddy.person))
                })
                .filter_map(|(b, buddy)| score(buddy, newcomer).map(|s| (b, u64::from(s.points))))
                .collect()
        })
        .collect();
    fn search(
        options: &[Vec<(usize, u64)>],
        places: &mut [i64],
        acc: (usize, u64),
    ) -> (usize, u64) {
        let Some((first, rest)) = options.split_first() else {
            return acc;
        };
        let mut best = search(rest, places, acc);
        for &(b, points) in first {
            if places[b] > 0 {
                places[b] -= 1;
                best = best.max(search(rest, places, (acc.0 + 1, acc.1 + points)));
                places[b] += 1;
            }
        }
        best
    }
    let open = search(&options, &mut places, (0, 0));
    (fixed.0 + open.0, fixed.1 + open.1)
}

/// The Hungarian method on newcomers × (each buddy place, then one "no buddy" column per
/// newcomer). A match is worth `BIG + points`, so more matches always win, then more points.
fn hungarian(case: &Case) -> (usize, u64) {
    // Far above any total of points, so the quotient counts the matches.
    const BIG: i64 = 1_000_000;
    const FORBIDDEN: i64 = -1_000_000_000_000;
    let places: Vec<usize> = case
        .buddies
        .iter()
        .enumerate()
        .flat_map(|(b, buddy)| std::iter::repeat_n(b, usize::from(buddy.capacity)))
        .collect();
    let rows = case.newcomers.len();
    let mut weights = Matrix::new(rows, places.len() + rows, 0i64);
    for (n, newcomer) in case.newcomers.iter().enumerate() {
        for (column, &b) in places.iter().enumerate() {
            let buddy = &case.buddies[b];
            let excluded = newcomer.person == buddy.person;
            weights[(n, column)] = match score(buddy, newcomer) {
                Some(s) if !excluded => BIG + i64::from(s.points),
                _ => FORBIDDEN,
            };
        }
    }
    let (total, _) = kuhn_munkres(&weights);
    assert!(total >= 0);
    ((total / BIG) as usize, (total % BIG) as u64)
}

/// Everything a proposal must hold whatever the input: capacities, languages, constraints, each
/// newcomer exactly once (matched or unmatched), reasons that are the pair's, and nobody left
/// out while a buddy they could have still has a place.
fn check_valid(case: &Case, proposal: &Proposal) {
    let buddies: BTreeMap<&str, &BuddyProfile> = case
        .buddies
        .iter()
        .map(|b| (b.person.as_str(), b))
        .collect();
    let newcomers: BTreeMap<&str, &NewcomerProfile> = case
        .newcomers
        .iter()
        .map(|n| (n.person.as_str(), n))
        .collect();
    let mut load: BTreeMap<&str, u32> = BTreeMap::new();
    for m in &proposal.matches {
        let buddy = buddies[m.buddy.as_str()];
        let newcomer = newcomers[m.newcomer.as_str()];
        let pair = score(buddy, newcomer).expect("a matched pair shares a language");
        assert!(
            buddy.languages.intersection(&newcomer.languages).count() > 0,
            "{m:?}"
        );
        assert_eq!((m.points, &m.reasons), (pair.points, &pair.reasons));
        assert!(
            m.reasons
                .iter()
                .any(|r| matches!(r, MatchReason::SharedLanguage(_)))
        );
        let p = Pair::new(&m.newcomer, &m.buddy);
        assert!(!case.constraints.excluded.contains(&p), "excluded {p:?}");
        assert_eq!(m.confirmed, case.constraints.confirmed.contains(&p));
        *load.entry(buddy.person.as_str()).or_default() += 1;
    }
    for (person, used) in &load {
        assert!(
            *used <= u32::from(buddies[person].capacity),
            "buddy {person} has {used} newcomers, capacity {}",
            buddies[person].capacity
        );
    }
    for pair in &case.constraints.confirmed {
        assert!(
            proposal
                .matches
                .iter()
                .any(|m| m.newcomer == pair.newcomer && m.buddy == pair.buddy && m.confirmed),
            "confirmed {pair:?} is missing"
        );
    }
    let mut listed: Vec<&str> = proposal
        .matches
        .iter()
        .map(|m| m.newcomer.as_str())
        .chain(proposal.unmatched.iter().map(String::as_str))
        .collect();
    let sorted_matches: Vec<&str> = proposal
        .matches
        .iter()
        .map(|m| m.newcomer.as_str())
        .collect();
    assert!(sorted_matches.is_sorted(), "matches in id order");
    assert!(proposal.unmatched.is_sorted(), "unmatched in id order");
    listed.sort();
    assert_eq!(listed, newcomers.keys().copied().collect::<Vec<_>>());
    for person in &proposal.unmatched {
        let newcomer = newcomers[person.as_str()];
        for buddy in &case.buddies {
            let free =
                u32::from(buddy.capacity) > load.get(buddy.person.as_str()).copied().unwrap_or(0);
            let allowed = score(buddy, newcomer).is_some()
                && buddy.person != newcomer.person
                && !case
                    .constraints
                    .excluded
                    .contains(&Pair::new(&newcomer.person, &buddy.person));
            assert!(
                !(free && allowed),
                "{person} left out while {} has a place",
                buddy.person
            );
        }
    }
}

fn solve(case: &Case) -> Proposal {
    propose_with(&case.buddies, &case.newcomers, &case.constraints).unwrap()
}

#[test]
fn optimal_against_brute_force_on_small_random_cases() {
    for seed in 0..400 {
        let case = random_case(seed, 6, 4, 3);
        let proposal = solve(&case);
        check_valid(&case, &proposal);
        assert_eq!(
            objective(&proposal),
            brute_force(&case),
            "seed {seed}: {proposal:#?}"
        );
    }
}

#[test]
fn optimal_against_brute_force_with_confirmed_and_excluded_pairs() {
    for seed in 0..300 {
        let mut case = random_case(1_000 + seed, 6, 4, 3);
        case.constraints = random_constraints(&mut Rng(seed), &case);
        let proposal = solve(&case);
        check_valid(&case, &proposal);
        assert_eq!(
            objective(&proposal),
            brute_force(&case),
            "seed {seed}: {:#?} {proposal:#?}",
            case.constraints
        );
    }
}

#[test]
fn optimal_against_the_hungarian_method_on_larger_cases() {
    for seed in 0..40 {
        let case = random_case(5_000 + seed, 30, 12, 4);
        let proposal = solve(&case);
        check_valid(&case, &proposal);
        assert_eq!(objective(&proposal), hungarian(&case), "seed {seed}");
    }
}

#[test]
fn no_buddy_over_capacity_and_no_pair_without_a_shared_language() {
    // More newcomers than places, so capacity binds; check_valid checks both promises.
    for seed in 0..20 {
        let case = random_case(9_000 + seed, 120, 15, 6);
        let proposal = solve(&case);
        check_valid(&case, &proposal);
        let mut load: BTreeMap<&str, u8> = BTreeMap::new();
        for m in &proposal.matches {
            *load.entry(&m.buddy).or_default() += 1;
        }
        for buddy in &case.buddies {
            assert!(load.get(buddy.person.as_str()).copied().unwrap_or(0) <= buddy.capacity);
        }
    }
}

#[test]
fn more_matches_beat_a_higher_score() {
    // Ana fits Bo perfectly and Cas only through Polish; Dan can only have Bo. The best pair
    // alone (Ana-Bo) would leave Dan without a buddy.
    let bo = buddy("bo", &["pl", "ro"], "Site", Shift::Night, "Venlo", 1);
    let cas = buddy("cas", &["pl"], "Elsewhere", Shift::Day, "Tilburg", 1);
    let ana = newcomer("ana", &["pl"], "Site", Shift::Night, "Venlo");
    let dan = newcomer("dan", &["ro"], "Far", Shift::Evening, "Breda");
    let proposal = propose(&[bo, cas], &[ana, dan]).unwrap();
    let pairs: Vec<(&str, &str)> = proposal
        .matches
        .iter()
        .map(|m| (m.newcomer.as_str(), m.buddy.as_str()))
        .collect();
    assert_eq!(pairs, vec![("ana", "cas"), ("dan", "bo")]);
    assert!(proposal.unmatched.is_empty());
}

#[test]
fn the_higher_score_wins_among_equally_many_matches() {
    let near = buddy("near", &["pl"], "Site", Shift::Night, "Venlo", 1);
    let far = buddy("far", &["pl"], "Other", Shift::Day, "Breda", 1);
    let ana = newcomer("ana", &["pl"], "Site", Shift::Night, "Venlo");
    let proposal = propose(&[far, near], &[ana]).unwrap();
    assert_eq!(proposal.matches[0].buddy, "near");
    assert_eq!(proposal.matches[0].points, 23);
    assert_eq!(
        proposal.matches[0].reasons,
        vec![
            MatchReason::SharedLanguage(language("pl")),
            MatchReason::SameSite,
            MatchReason::SameShift,
            MatchReason::SameTown,
        ]
    );
}

#[test]
fn newcomers_without_a_possible_buddy_are_unmatched() {
    let busy = buddy("busy", &["pl"], "S", Shift::Day, "T", 0);
    let free = buddy("free", &["ro"], "S", Shift::Day, "T", 2);
    let newcomers = [
        newcomer("hu-only", &["hu"], "S", Shift::Day, "T"),
        newcomer("pl-only", &["pl"], "S", Shift::Day, "T"),
        newcomer("ro", &["ro"], "S", Shift::Day, "T"),
    ];
    let proposal = propose(&[busy, free], &newcomers).unwrap();
    assert_eq!(proposal.unmatched, vec!["hu-only", "pl-only"]);
    assert_eq!(proposal.matches.len(), 1);
    assert_eq!(proposal.matches[0].buddy, "free");
}

#[test]
fn confirmed_pairs_are_kept_and_excluded_pairs_never_appear() {
    // Counted, so the test cannot pass on constraints that change nothing.
    let (mut confirmed_elsewhere, mut excluded_wanted) = (0, 0);
    for seed in 0..60 {
        let mut case = random_case(20_000 + seed, 40, 10, 4);
        let free = solve(&case);
        case.constraints = random_constraints(&mut Rng(seed), &case);
        let proposal = solve(&case);
        // check_valid: every confirmed pair present and marked, no excluded pair.
        check_valid(&case, &proposal);
        for m in &free.matches {
            let pair = Pair::new(&m.newcomer, &m.buddy);
            excluded_wanted += usize::from(case.constraints.excluded.contains(&pair));
        }
        for pair in &case.constraints.confirmed {
            let unconstrained = free.matches.iter().find(|m| m.newcomer == pair.newcomer);
            confirmed_elsewhere += usize::from(unconstrained.is_none_or(|m| m.buddy != pair.buddy));
        }
    }
    assert!(confirmed_elsewhere > 10, "{confirmed_elsewhere}");
    assert!(excluded_wanted > 10, "{excluded_wanted}");
}

#[test]
fn asking_for_a_new_match_gives_another_buddy() {
    let buddies = [
        buddy("best", &["pl"], "S", Shift::Day, "T", 1),
        buddy("second", &["pl"], "S", Shift::Night, "T", 1),
    ];
    let newcomers = [newcomer("ana", &["pl"], "S", Shift::Day, "T")];
    let mut constraints = Constraints::default();
    let first = propose_with(&buddies, &newcomers, &constraints).unwrap();
    assert_eq!(first.matches[0].buddy, "best");
    assert!(!first.matches[0].confirmed);

    constraints.ask_new_match(Pair::new("ana", "best"));
    let again = propose_with(&buddies, &newcomers, &constraints).unwrap();
    assert_eq!(again.matches[0].buddy, "second");

    constraints.ask_new_match(Pair::new("ana", "second"));
    let none = propose_with(&buddies, &newcomers, &constraints).unwrap();
    assert_eq!(none.unmatched, vec!["ana"]);

    // The intercedent changes it back: confirming lifts the exclusion.
    constraints.confirm(Pair::new("ana", "best"));
    let kept = propose_with(&buddies, &newcomers, &constraints).unwrap();
    assert_eq!(
        (kept.matches[0].buddy.as_str(), kept.matches[0].confirmed),
        ("best", true)
    );
    // Confirming another buddy replaces the earlier confirmation.
    constraints.confirm(Pair::new("ana", "second"));
    assert_eq!(
        constraints.confirmed,
        BTreeSet::from([Pair::new("ana", "second")])
    );
}

#[test]
fn a_confirmed_pair_uses_a_place() {
    let buddies = [buddy("bo", &["pl"], "S", Shift::Day, "T", 1)];
    let newcomers = [
        newcomer("ana", &["pl"], "Other", Shift::Night, "X"),
        newcomer("eva", &["pl"], "S", Shift::Day, "T"),
    ];
    let mut constraints = Constraints::default();
    constraints.confirm(Pair::new("ana", "bo"));
    let proposal = propose_with(&buddies, &newcomers, &constraints).unwrap();
    assert_eq!(proposal.matches.len(), 1);
    assert_eq!(proposal.matches[0].newcomer, "ana");
    assert_eq!(proposal.unmatched, vec!["eva"]);
}

#[test]
fn impossible_constraints_and_duplicates_are_errors() {
    let buddies = [
        buddy("bo", &["pl"], "S", Shift::Day, "T", 1),
        buddy("cas", &["ro"], "S", Shift::Day, "T", 1),
    ];
    let newcomers = [
        newcomer("ana", &["pl"], "S", Shift::Day, "T"),
        newcomer("eva", &["pl"], "S", Shift::Day, "T"),
    ];
    let with = |confirmed: &[(&str, &str)], excluded: &[(&str, &str)]| Constraints {
        confirmed: confirmed.iter().map(|&(n, b)| Pair::new(n, b)).collect(),
        excluded: excluded.iter().map(|&(n, b)| Pair::new(n, b)).collect(),
    };
    let run = |constraints: Constraints| propose_with(&buddies, &newcomers, &constraints);
    assert_eq!(
        run(with(&[("zoe", "bo")], &[])),
        Err(MatchError::UnknownNewcomer("zoe".into()))
    );
    assert_eq!(
        run(with(&[("ana", "zed")], &[])),
        Err(MatchError::UnknownBuddy("zed".into()))
    );
    assert_eq!(
        run(with(&[("ana", "bo"), ("eva", "bo")], &[])),
        Err(MatchError::OverCapacity {
            buddy: "bo".into(),
            confirmed: 2
        })
    );
    assert_eq!(
        run(with(&[("ana", "bo")], &[("ana", "bo")])),
        Err(MatchError::ConfirmedAndExcluded(Pair::new("ana", "bo")))
    );
    assert_eq!(
        run(with(&[("ana", "cas")], &[])),
        Err(MatchError::NotAPair(Pair::new("ana", "cas")))
    );
    // Constraints::confirm never confirms twice, but the wire type can.
    let mut polish_buddies = buddies.to_vec();
    polish_buddies[1].languages.insert(language("pl"));
    assert_eq!(
        propose_with(
            &polish_buddies,
            &newcomers,
            &with(&[("ana", "bo"), ("ana", "cas")], &[])
        ),
        Err(MatchError::ConfirmedTwice("ana".into()))
    );
    // Exclusions naming people who are gone are stale, not wrong.
    assert!(run(with(&[], &[("gone", "bo"), ("ana", "gone")])).is_ok());

    let doubled = [buddies[0].clone(), buddies[0].clone()];
    assert_eq!(
        propose(&doubled, &newcomers),
        Err(MatchError::DuplicateBuddy("bo".into()))
    );
    let doubled = [newcomers[1].clone(), newcomers[1].clone()];
    assert_eq!(
        propose(&buddies, &doubled),
        Err(MatchError::DuplicateNewcomer("eva".into()))
    );
}

#[test]
fn the_same_answer_whatever_the_input_order() {
    for seed in 0..30 {
        let mut case = random_case(30_000 + seed, 40, 10, 4);
        case.constraints = random_constraints(&mut Rng(seed), &case);
        let first = solve(&case);
        assert_eq!(solve(&case), first, "seed {seed}: twice the same input");
        let mut rng = Rng(seed);
        for _ in 0..3 {
            shuffle(&mut rng, &mut case.buddies);
            shuffle(&mut rng, &mut case.newcomers);
            assert_eq!(solve(&case), first, "seed {seed}: shuffled");
        }
    }
}

#[test]
fn ties_are_settled_the_same_way_every_time() {
    // Three identical buddies with one place each, three identical newcomers: every assignment
    // is optimal; the answer must still be one fixed assignment.
    let buddies: Vec<BuddyProfile> = ["b3", "b1", "b2"]
        .iter()
        .map(|id| buddy(id, &["pl"], "S", Shift::Day, "T", 1))
        .collect();
    let newcomers: Vec<NewcomerProfile> = ["n2", "n3", "n1"]
        .iter()
        .map(|id| newcomer(id, &["pl"], "S", Shift::Day, "T"))
        .collect();
    let proposal = propose(&buddies, &newcomers).unwrap();
    let mut reversed_buddies = buddies.clone();
    reversed_buddies.reverse();
    let mut reversed_newcomers = newcomers.clone();
    reversed_newcomers.reverse();
    assert_eq!(
        propose(&reversed_buddies, &reversed_newcomers).unwrap(),
        proposal
    );
    let pairs: Vec<(&str, &str)> = proposal
        .matches
        .iter()
        .map(|m: &Match| (m.newcomer.as_str(), m.buddy.as_str()))
        .collect();
    assert_eq!(pairs.len(), 3);
    assert_eq!(
        pairs.iter().map(|p| p.0).collect::<Vec<_>>(),
        vec!["n1", "n2", "n3"]
    );
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i as u64 + 1) as usize);
    }
}

fn buddy(
    person: &str,
    codes: &[&str],
    site: &str,
    shift: Shift,
    town: &str,
    capacity: u8,
) -> BuddyProfile {
    BuddyProfile {
        person: person.into(),
        languages: codes.iter().map(|c| language(c)).collect(),
        site: site.into(),
        shift,
        town: town.into(),
        strong_themes: BTreeSet::new(),
        capacity,
    }
}

fn newcomer(person: &str, codes: &[&str], site: &str, shift: Shift, town: &str) -> NewcomerProfile {
    NewcomerProfile {
        person: person.into(),
        languages: codes.iter().map(|c| language(c)).collect(),
        site: site.into(),
        shift,
        town: town.into(),
        hard_themes: BTreeSet::new(),
    }
}
