//! `cargo xtask bench-match`: how long buddy matching takes for a large round.
//!
//! - 2,000 newcomers and 500 buddies come from a fixed seed, so every run matches the same
//!   people: languages mostly Polish and Romanian with some Bulgarian, Hungarian and Ukrainian,
//!   English, Dutch or German beside them (1 to 3 each); 20 sites of different sizes spread
//!   over 10 towns, most people living in their site's town; four shifts, day the most common;
//!   themes at random; buddies take 1 to 6 newcomers, about 2,000 places in all.
//! - `wegwijs_core::matching::propose` runs once untimed, then `--runs` times timed; the median
//!   is the result (all runs are shown). Generating the people is not timed.
//! - The proposal is verified: every newcomer once, no buddy over capacity, every pair sharing
//!   a language with the points and reasons `score` gives, and nobody left unmatched while a
//!   buddy they share a language with has a place. Every timed run must give the same proposal.
//! - It ends with one line: `match-bench: newcomers=N buddies=N ms=X`. The goal (under
//!   2,000 ms) is reported, never enforced; only an invalid proposal makes it fail.
//!
//! The matching is timed optimized: started from the (debug) `cargo xtask`, the command builds
//! the xtask in release and hands over to it, as `bench-sync` does.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Instant;

use anyhow::{Result, bail, ensure};
use wegwijs_core::matching::{BuddyProfile, Language, NewcomerProfile, Proposal, Shift, Theme};
use wegwijs_core::matching::{propose, score};

use crate::tools;

/// The goal of the buddy matching issue.
const GOAL_MS: f64 = 2_000.0;
/// Fixed, so that every run and every machine matches the same people.
const SEED: u64 = 0x00b0_dd1e_5eed;
const SITES: usize = 20;
const TOWNS: [&str; 10] = [
    "Venlo",
    "Tilburg",
    "Waalwijk",
    "Naaldwijk",
    "Roosendaal",
    "Zwolle",
    "Breda",
    "Eindhoven",
    "Almere",
    "Rotterdam",
];
/// (language, weight): the first language of a newcomer. Buddies are drawn from the same mix.
const FIRST_LANGUAGES: [(&str, u32); 6] = [
    ("pl", 50),
    ("ro", 30),
    ("bg", 7),
    ("hu", 5),
    ("uk", 5),
    ("en", 3),
];
/// Languages spoken beside the first one.
const OTHER_LANGUAGES: [(&str, u32); 6] = [
    ("en", 45),
    ("nl", 20),
    ("de", 15),
    ("pl", 8),
    ("ro", 6),
    ("uk", 6),
];
const SHIFTS: [(Shift, u32); 4] = [
    (Shift::Day, 45),
    (Shift::Evening, 25),
    (Shift::Night, 20),
    (Shift::Rotating, 10),
];
/// Mean 3.95: 500 buddies offer about 2,000 places.
const CAPACITIES: [(u8, u32); 6] = [(1, 5), (2, 10), (3, 20), (4, 30), (5, 20), (6, 15)];

#[derive(clap::Args, Clone, Debug)]
pub struct Args {
    #[arg(long, default_value_t = 2_000)]
    newcomers: usize,
    #[arg(long, default_value_t = 500)]
    buddies: usize,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Set by the debug xtask when it has built itself in release and hands over.
    #[arg(long, hide = true)]
    built: bool,
}

pub fn run(args: &Args) -> Result<()> {
    ensure!(args.runs >= 1, "--runs must be at least 1");
    if !args.built {
        tools::step("building the benchmark in release");
        tools::cargo(&["build", "--release", "--package", "xtask"])?;
    }
    if cfg!(debug_assertions) {
        let xtask = tools::target_dir().join("release/xtask");
        let (newcomers, buddies, runs) = (
            args.newcomers.to_string(),
            args.buddies.to_string(),
            args.runs.to_string(),
        );
        return tools::run(Command::new(xtask).args([
            "bench-match",
            "--newcomers",
            &newcomers,
            "--buddies",
            &buddies,
            "--runs",
            &runs,
            "--built",
        ]));
    }
    bench(args)
}

fn bench(args: &Args) -> Result<()> {
    let mut rng = Rng(SEED);
    let buddies: Vec<BuddyProfile> = (0..args.buddies).map(|i| buddy(&mut rng, i)).collect();
    let newcomers: Vec<NewcomerProfile> =
        (0..args.newcomers).map(|i| newcomer(&mut rng, i)).collect();
    let places: u32 = buddies.iter().map(|b| u32::from(b.capacity)).sum();
    let pairs = buddies
        .iter()
        .flat_map(|b| newcomers.iter().map(move |n| (b, n)))
        .filter(|(b, n)| b.languages.intersection(&n.languages).next().is_some())
        .count();
    println!(
        "people: {} newcomers, {} buddies with {places} places; {pairs} pairs share a language",
        newcomers.len(),
        buddies.len()
    );

    tools::step(&format!(
        "matching: one warm-up, then {} timed runs",
        args.runs
    ));
    let proposal = propose(&buddies, &newcomers)?;
    let load_before = load_average();
    let mut times_ms = Vec::with_capacity(args.runs);
    for run in 1..=args.runs {
        let started = Instant::now();
        let again = propose(&buddies, &newcomers)?;
        times_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        ensure!(again == proposal, "run {run} gave a different proposal");
    }
    let load_after = load_average();
    verify(&buddies, &newcomers, &proposal)?;

    let mut sorted = times_ms.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let shown: Vec<String> = times_ms.iter().map(|ms| format!("{ms:.1}")).collect();
    let matched = proposal.matches.len();
    println!();
    println!(
        "proposal: {matched} matched, {} unmatched, {} points in all ({:.1} per pair)",
        proposal.unmatched.len(),
        proposal.total_points(),
        proposal.total_points() as f64 / matched.max(1) as f64
    );
    println!(
        "verified: every newcomer once, no buddy over capacity, every pair shares a language \
         and has the points and reasons of score(), nobody unmatched while a buddy sharing a \
         language has a place; every run gave the same proposal"
    );
    println!(
        "runs (ms): {}; median {median:.1}, best {:.1}",
        shown.join(", "),
        sorted[0]
    );
    // Other work on the machine skews the times; this says how much there was.
    println!(
        "machine: {} CPUs; load average (1 min) {load_before} before and {load_after} after \
         the timed runs",
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    if median < GOAL_MS {
        println!("goal met: under {GOAL_MS:.0} ms");
    } else {
        println!("goal missed: {median:.1} ms is not under {GOAL_MS:.0} ms");
    }
    println!(
        "match-bench: newcomers={} buddies={} ms={median:.1}",
        newcomers.len(),
        buddies.len()
    );
    Ok(())
}

/// What a proposal must hold, checked without the matching code's help.
fn verify(
    buddies: &[BuddyProfile],
    newcomers: &[NewcomerProfile],
    proposal: &Proposal,
) -> Result<()> {
    let buddy_by_id: BTreeMap<&str, &BuddyProfile> =
        buddies.iter().map(|b| (b.person.as_str(), b)).collect();
    let newcomer_by_id: BTreeMap<&str, &NewcomerProfile> =
        newcomers.iter().map(|n| (n.person.as_str(), n)).collect();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut load: BTreeMap<&str, u32> = BTreeMap::new();
    for m in &proposal.matches {
        let (Some(buddy), Some(newcomer)) = (
            buddy_by_id.get(m.buddy.as_str()),
            newcomer_by_id.get(m.newcomer.as_str()),
        ) else {
            bail!(
                "{} with {}: not among the people given",
                m.newcomer,
                m.buddy
            );
        };
        if buddy.languages.is_disjoint(&newcomer.languages) {
            bail!("{} and {} share no language", m.newcomer, m.buddy);
        }
        let Some(expected) = score(buddy, newcomer) else {
            bail!("score() rejects {} with {}", m.newcomer, m.buddy);
        };
        if (expected.points, &expected.reasons) != (m.points, &m.reasons) {
            bail!(
                "{} with {}: {} points {:?}, score() says {} points {:?}",
                m.newcomer,
                m.buddy,
                m.points,
                m.reasons,
                expected.points,
                expected.reasons
            );
        }
        *seen.entry(m.newcomer.as_str()).or_default() += 1;
        *load.entry(m.buddy.as_str()).or_default() += 1;
    }
    for person in &proposal.unmatched {
        *seen.entry(person.as_str()).or_default() += 1;
    }
    for newcomer in newcomers {
        let times = seen.get(newcomer.person.as_str()).copied().unwrap_or(0);
        if times != 1 {
            bail!("newcomer {} appears {times} times", newcomer.person);
        }
    }
    if seen.len() != newcomers.len() {
        bail!("the proposal names newcomers that were not given");
    }
    for (person, used) in &load {
        let capacity = buddy_by_id[person].capacity;
        if *used > u32::from(capacity) {
            bail!("buddy {person} has {used} newcomers for {capacity} places");
        }
    }
    for person in &proposal.unmatched {
        let newcomer = newcomer_by_id[person.as_str()];
        if let Some(buddy) = buddies.iter().find(|b| {
            load.get(b.person.as_str()).copied().unwrap_or(0) < u32::from(b.capacity)
                && !b.languages.is_disjoint(&newcomer.languages)
        }) {
            bail!(
                "{person} is unmatched while {} shares a language and has a place",
                buddy.person
            );
        }
    }
    Ok(())
}

fn buddy(rng: &mut Rng, i: usize) -> BuddyProfile {
    let (site, town) = rng.workplace();
    BuddyProfile {
        person: format!("buddy-{i:04}"),
        languages: rng.languages(),
        site,
        shift: rng.weighted(&SHIFTS),
        town,
        strong_themes: Theme::ALL.into_iter().filter(|_| rng.chance(35)).collect(),
        capacity: rng.weighted(&CAPACITIES),
    }
}

fn newcomer(rng: &mut Rng, i: usize) -> NewcomerProfile {
    let (site, town) = rng.workplace();
    NewcomerProfile {
        person: format!("newcomer-{i:04}"),
        languages: rng.languages(),
        site,
        shift: rng.weighted(&SHIFTS),
        town,
        hard_themes: Theme::ALL.into_iter().filter(|_| rng.chance(30)).collect(),
    }
}

/// SplitMix64: tiny, and the same numbers on every platform and every version of this file's
/// dependencies, which a library RNG does not promise.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn weighted<T: Copy>(&mut self, choices: &[(T, u32)]) -> T {
        let total: u32 = choices.iter().map(|(_, w)| w).sum();
        let mut ticket = self.below(total as usize) as u32;
        for &(choice, weight) in choices {
            if ticket < weight {
                return choice;
            }
            ticket -= weight;
        }
        unreachable!("the ticket is below the total weight")
    }

    /// One to three languages: a first one, then another with 60% and a third with 15%.
    fn languages(&mut self) -> std::collections::BTreeSet<Language> {
        let mut codes = vec![self.weighted(&FIRST_LANGUAGES)];
        if self.chance(60) {
            codes.push(self.weighted(&OTHER_LANGUAGES));
            if self.chance(25) {
                codes.push(self.weighted(&OTHER_LANGUAGES));
            }
        }
        codes
            .into_iter()
            .map(|code| Language::new(code).expect("the codes above are valid"))
            .collect()
    }

    /// A site, the smaller of two draws so that low-numbered sites are the big ones, and a
    /// town: the site's own town for 70% of people, another for the rest.
    fn workplace(&mut self) -> (String, String) {
        let site = self.below(SITES).min(self.below(SITES));
        let town = if self.chance(70) {
            TOWNS[site % TOWNS.len()]
        } else {
            TOWNS[self.below(TOWNS.len())]
        };
        (format!("site-{site:02}"), town.to_string())
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}
