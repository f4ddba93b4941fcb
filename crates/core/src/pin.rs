//! The PIN that locks Wegwijs on a phone that others can pick up (shared housing, a borrowed
//! phone). It is checked on the phone, so the app opens offline; it is not a server credential
//! (the session is). What makes a short PIN hold is not the hash but the wait after wrong
//! tries, which the phone keeps across reloads: [`Attempts`].

use serde::{Deserialize, Serialize};

pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 8;
/// Wrong tries before the first wait; a typo or two costs nothing.
pub const FREE_TRIES: u32 = 4;
const FIRST_WAIT_MS: i64 = 30_000;
const LONGEST_WAIT_MS: i64 = 60 * 60 * 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinProblem {
    /// Fewer than [`MIN_DIGITS`] or more than [`MAX_DIGITS`] digits.
    Length,
    /// Something other than the digits 0 to 9.
    NotDigits,
    /// One digit repeated, or a straight run such as 1234 or 9876: the first PINs a housemate
    /// tries.
    TooEasy,
    /// The second entry differs from the first.
    Different,
}

/// Checks a new PIN, typed twice.
pub fn check_new_pin(pin: &str, repeated: &str) -> Result<(), PinProblem> {
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinProblem::NotDigits);
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) {
        return Err(PinProblem::Length);
    }
    let digits: Vec<i8> = pin.bytes().map(|b| (b - b'0') as i8).collect();
    let steps: Vec<i8> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.iter().all(|&s| s == steps[0]) && steps[0].abs() <= 1 {
        return Err(PinProblem::TooEasy);
    }
    if pin != repeated {
        return Err(PinProblem::Different);
    }
    Ok(())
}

/// Wrong tries so far and until when the next try must wait. Kept on the phone next to the
/// PIN's hash, so reloading the app does not reset the count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempts {
    pub wrong: u32,
    pub wait_until_ms: Option<i64>,
}

impl Attempts {
    /// How long until a try is allowed; `None` when one is allowed now.
    pub fn wait_ms(&self, now_ms: i64) -> Option<i64> {
        self.wait_until_ms
            .map(|until| until - now_ms)
            .filter(|&left| left > 0)
    }

    /// Tries left before the next wait starts.
    pub fn free_tries_left(&self) -> u32 {
        FREE_TRIES.saturating_sub(self.wrong)
    }

    /// Counts a wrong PIN. After [`FREE_TRIES`], every further wrong try waits twice as long as
    /// the one before: 30 s, 1 min, 2 min … up to an hour.
    pub fn failed(self, now_ms: i64) -> Attempts {
        let wrong = self.wrong + 1;
        let wait_until_ms = (wrong >= FREE_TRIES).then(|| {
            let doublings = (wrong - FREE_TRIES).min(16);
            now_ms + (FIRST_WAIT_MS << doublings).min(LONGEST_WAIT_MS)
        });
        Attempts {
            wrong,
            wait_until_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_pin_is_four_to_eight_digits_typed_twice_the_same() {
        assert_eq!(check_new_pin("2580", "2580"), Ok(()));
        assert_eq!(check_new_pin("19730512", "19730512"), Ok(()));
        assert_eq!(check_new_pin("258", "258"), Err(PinProblem::Length));
        assert_eq!(
            check_new_pin("258014736", "258014736"),
            Err(PinProblem::Length)
        );
        assert_eq!(check_new_pin("25a0", "25a0"), Err(PinProblem::NotDigits));
        assert_eq!(check_new_pin("٢٥٨٠", "٢٥٨٠"), Err(PinProblem::NotDigits));
        assert_eq!(check_new_pin("", ""), Err(PinProblem::Length));
        assert_eq!(check_new_pin("2580", "2581"), Err(PinProblem::Different));
    }

    #[test]
    fn the_pins_a_housemate_tries_first_are_refused() {
        for easy in ["0000", "7777", "1234", "3456", "9876", "012345", "87654321"] {
            assert_eq!(
                check_new_pin(easy, easy),
                Err(PinProblem::TooEasy),
                "{easy}"
            );
        }
        for fine in ["1357", "2468", "1233", "9870", "1212"] {
            assert_eq!(check_new_pin(fine, fine), Ok(()), "{fine}");
        }
    }

    #[test]
    fn wrong_tries_are_free_at_first_then_each_waits_twice_as_long() {
        let now = 1_000_000;
        let mut attempts = Attempts::default();
        for tried in 1..FREE_TRIES {
            attempts = attempts.failed(now);
            assert_eq!(attempts.wait_ms(now), None, "after {tried} wrong");
            assert_eq!(attempts.free_tries_left(), FREE_TRIES - tried);
        }
        let mut waits = Vec::new();
        for _ in 0..4 {
            attempts = attempts.failed(now);
            waits.push(attempts.wait_ms(now).expect("a wait"));
        }
        assert_eq!(waits, [30_000, 60_000, 120_000, 240_000]);
        assert_eq!(attempts.free_tries_left(), 0);
        assert_eq!(attempts.wait_ms(now + 240_000), None, "the wait ends");
    }

    #[test]
    fn the_wait_never_grows_past_an_hour() {
        let attempts = (0..100).fold(Attempts::default(), |a, _| a.failed(0));
        assert_eq!(attempts.wait_ms(0), Some(LONGEST_WAIT_MS));
    }
}
