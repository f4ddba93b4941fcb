//! When things are due: a newcomer's buddy check-ins and their development conversations.
//!
//! - Check-ins: day 1 is the start date itself; week N is the start date plus 7·N days, for
//!   weeks 1, 2, 4, 8 and 12.
//! - Development conversations: the first between one and two months after the start (from
//!   start + 1 month to start + 2 months); after that one every 6 months after the latest
//!   conversation held: due by latest + 6 months, planned from two weeks before that
//!   ([`CONVERSATION_WINDOW_DAYS`]).
//!
//! Dates are plain calendar dates ([`Date`], written `YYYY-MM-DD`): a start date or a planned
//! day has no time zone, so none is involved. Adding months keeps the day of the month, clamped
//! to the month's end (31 January + 1 month = 28 or 29 February).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar date in the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// `None` for a day that does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01 (`civil_from_days`); `None` outside years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The UTC date of a time in milliseconds since the epoch.
    pub fn from_epoch_ms(ms: i64) -> Option<Date> {
        Date::from_days_since_epoch(ms.div_euclid(86_400_000))
    }

    /// `None` past the supported years.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The same day `months` months later (or earlier), clamped to the month's last day.
    pub fn add_months(self, months: i32) -> Option<Date> {
        let index = self.year.checked_mul(12)? + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a YYYY-MM-DD date")))
    }
}

/// When a buddy checks in with a newcomer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CheckInSlot {
    #[serde(rename = "day-1")]
    Day1,
    #[serde(rename = "week-1")]
    Week1,
    #[serde(rename = "week-2")]
    Week2,
    #[serde(rename = "week-4")]
    Week4,
    #[serde(rename = "week-8")]
    Week8,
    #[serde(rename = "week-12")]
    Week12,
}

impl CheckInSlot {
    pub const ALL: [CheckInSlot; 6] = [
        CheckInSlot::Day1,
        CheckInSlot::Week1,
        CheckInSlot::Week2,
        CheckInSlot::Week4,
        CheckInSlot::Week8,
        CheckInSlot::Week12,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckInSlot::Day1 => "day-1",
            CheckInSlot::Week1 => "week-1",
            CheckInSlot::Week2 => "week-2",
            CheckInSlot::Week4 => "week-4",
            CheckInSlot::Week8 => "week-8",
            CheckInSlot::Week12 => "week-12",
        }
    }

    pub fn parse(name: &str) -> Option<CheckInSlot> {
        CheckInSlot::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Days after the start date.
    pub fn offset_days(self) -> i64 {
        match self {
            CheckInSlot::Day1 => 0,
            CheckInSlot::Week1 => 7,
            CheckInSlot::Week2 => 14,
            CheckInSlot::Week4 => 28,
            CheckInSlot::Week8 => 56,
            CheckInSlot::Week12 => 84,
        }
    }
}

/// Every check-in with its due date, in order. Slots past year 9999 are left out.
pub fn check_in_schedule(start: Date) -> Vec<(CheckInSlot, Date)> {
    CheckInSlot::ALL
        .into_iter()
        .filter_map(|slot| Some((slot, start.add_days(slot.offset_days())?)))
        .collect()
}

/// How long before its due date a later development conversation may be held.
pub const CONVERSATION_WINDOW_DAYS: i64 = 14;

/// When the next development conversation should take place: on or after `from`, and no later
/// than `by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversationDue {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-12-02"))]
    pub from: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2027-01-02"))]
    pub by: Date,
}

/// The next development conversation of a worker who started on `start`, given the dates of
/// those held. None held: between one and two months after the start. Otherwise six months
/// after the latest held, with a window of [`CONVERSATION_WINDOW_DAYS`] before it. Dates out of
/// range are clamped to the last supported day.
pub fn next_conversation(start: Date, held: &[Date]) -> ConversationDue {
    let last = Date::new(9999, 12, 31).expect("a valid date");
    match held.iter().max() {
        None => ConversationDue {
            from: start.add_months(1).unwrap_or(last),
            by: start.add_months(2).unwrap_or(last),
        },
        Some(latest) => {
            let by = latest.add_months(6).unwrap_or(last);
            ConversationDue {
                from: by.add_days(-CONVERSATION_WINDOW_DAYS).unwrap_or(by),
                by,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn dates_parse_and_format_only_as_iso() {
        assert_eq!(d("2026-11-02").to_string(), "2026-11-02");
        for bad in [
            "2026-11-2",
            "2026-13-01",
            "2026-02-29",
            "2026/11/02",
            "20261102",
            "+026-11-02",
            "0000-01-01",
            "2026-11-02 ",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(
            serde_json::to_string(&d("2026-01-05")).unwrap(),
            "\"2026-01-05\""
        );
        assert!(serde_json::from_str::<Date>("\"2026-1-5\"").is_err());
    }

    #[test]
    fn day_numbers_round_trip_and_match_known_days() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("2026-11-23").days_since_epoch(), 20_780);
        for days in (-719_162..2_932_896).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
        assert_eq!(
            Date::from_epoch_ms(1_795_392_000_000),
            Some(d("2026-11-23"))
        );
        assert_eq!(
            Date::from_epoch_ms(1_795_392_000_000 - 1),
            Some(d("2026-11-22"))
        );
    }

    #[test]
    fn adding_days_and_months() {
        assert_eq!(d("2026-12-28").add_days(7), Some(d("2027-01-04")));
        assert_eq!(d("2028-02-28").add_days(1), Some(d("2028-02-29")));
        assert_eq!(d("2026-03-01").add_days(-1), Some(d("2026-02-28")));
        assert_eq!(d("2026-01-31").add_months(1), Some(d("2026-02-28")));
        assert_eq!(d("2028-01-31").add_months(1), Some(d("2028-02-29")));
        assert_eq!(d("2026-11-30").add_months(3), Some(d("2027-02-28")));
        assert_eq!(d("2026-08-15").add_months(6), Some(d("2027-02-15")));
        assert_eq!(d("2026-03-15").add_months(-3), Some(d("2025-12-15")));
        assert_eq!(d("9999-12-01").add_months(1), None);
    }

    #[test]
    fn check_ins_fall_on_day_one_and_weeks_one_two_four_eight_and_twelve() {
        let schedule = check_in_schedule(d("2026-11-02"));
        let want = [
            (CheckInSlot::Day1, "2026-11-02"),
            (CheckInSlot::Week1, "2026-11-09"),
            (CheckInSlot::Week2, "2026-11-16"),
            (CheckInSlot::Week4, "2026-11-30"),
            (CheckInSlot::Week8, "2026-12-28"),
            (CheckInSlot::Week12, "2027-01-25"),
        ];
        assert_eq!(schedule, want.map(|(slot, date)| (slot, d(date))).to_vec());
    }

    #[test]
    fn slots_have_stable_names() {
        for slot in CheckInSlot::ALL {
            assert_eq!(CheckInSlot::parse(slot.as_str()), Some(slot));
            assert_eq!(
                serde_json::to_string(&slot).unwrap(),
                format!("\"{}\"", slot.as_str())
            );
        }
        assert_eq!(CheckInSlot::parse("week-3"), None);
    }

    #[test]
    fn the_first_conversation_is_one_to_two_months_in_then_every_six_months() {
        let start = d("2026-11-02");
        assert_eq!(
            next_conversation(start, &[]),
            ConversationDue {
                from: d("2026-12-02"),
                by: d("2027-01-02")
            }
        );
        let held = [d("2026-12-20"), d("2026-12-10")];
        assert_eq!(
            next_conversation(start, &held),
            ConversationDue {
                from: d("2027-06-06"),
                by: d("2027-06-20")
            }
        );
        // A start on the 31st: months end earlier.
        assert_eq!(
            next_conversation(d("2026-12-31"), &[]),
            ConversationDue {
                from: d("2027-01-31"),
                by: d("2027-02-28")
            }
        );
    }
}
