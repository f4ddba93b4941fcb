//! Euro amounts as people write and read them. Amounts are whole cents, never floats.

use crate::Locale;

/// The largest amount a field accepts: a month's money, not a house.
pub const MAX_CENTS: i64 = 1_000_000 * 100;

/// Writes an amount the way readers of `locale` write it: `€14.71`, `€ 14,71`, `14,71 €`.
/// Whole euros get no decimals.
pub fn format_euro(cents: i64, locale: Locale) -> String {
    let amount = format_decimal(cents, 100, locale);
    match locale {
        Locale::En => format!("€{amount}"),
        Locale::Nl => format!("€ {amount}"),
        Locale::Pl | Locale::Ro => format!("{amount} €"),
    }
}

/// Shows `value / scale` with the locale's decimal sign, and decimals only when there are any.
pub fn format_decimal(value: i64, scale: i64, locale: Locale) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let (whole, fraction) = (value.abs() / scale, value.abs() % scale);
    let whole = group_thousands(whole, locale);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let decimal_sign = if locale == Locale::En { '.' } else { ',' };
    let digits = scale.ilog10() as usize;
    format!("{sign}{whole}{decimal_sign}{fraction:0digits$}")
}

fn group_thousands(n: i64, locale: Locale) -> String {
    let separator = match locale {
        Locale::En => ",",
        Locale::Nl | Locale::Ro => ".",
        // Polish groups with a (non-breaking) space, and only from five digits on.
        Locale::Pl if n < 10_000 => "",
        Locale::Pl => "\u{a0}",
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(ch);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Not a number of euros.
    NotAnAmount,
    /// Below zero or above [`MAX_CENTS`].
    OutOfRange,
}

/// Reads what a worker types into an amount field, whatever country they learnt to write
/// numbers in: `1850`, `1.850`, `1 850`, `1850,50`, `1,850.50`, `12.5`, `€ 40`. A separator
/// followed by exactly three digits at the end groups thousands; followed by one or two it is
/// the decimal sign. An empty field is zero.
pub fn parse_euro(input: &str) -> Result<i64, AmountError> {
    let cleaned: String = input
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim()
        .trim_end_matches("EUR")
        .trim_end_matches("eur")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if cleaned.is_empty() {
        return Ok(0);
    }
    if cleaned.starts_with('-') {
        return Err(AmountError::OutOfRange);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(AmountError::NotAnAmount);
    }
    let (whole, fraction) = match cleaned.rfind(['.', ',']) {
        Some(at) if (1..=2).contains(&(cleaned.len() - at - 1)) => {
            let whole = &cleaned[..at];
            // One sign cannot both group thousands and mark decimals: "12,345,6" is a typo.
            if whole.contains(&cleaned[at..=at]) {
                return Err(AmountError::NotAnAmount);
            }
            (whole, &cleaned[at + 1..])
        }
        _ => (cleaned.as_str(), ""),
    };
    let whole_digits: String = group_checked(whole).ok_or(AmountError::NotAnAmount)?;
    let euros: i64 = if whole_digits.is_empty() {
        0
    } else {
        whole_digits.parse().map_err(|_| AmountError::OutOfRange)?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => {
            fraction
                .parse::<i64>()
                .map_err(|_| AmountError::NotAnAmount)?
                * 10
        }
        _ => fraction.parse().map_err(|_| AmountError::NotAnAmount)?,
    };
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(AmountError::OutOfRange)?;
    if total > MAX_CENTS {
        return Err(AmountError::OutOfRange);
    }
    Ok(total)
}

/// The digits of a whole-euro part whose separators, if any, group by three.
fn group_checked(whole: &str) -> Option<String> {
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    well_grouped.then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_typed_in_any_of_the_usual_ways_are_read_as_cents() {
        for (typed, cents) in [
            ("1850", 185_000),
            ("1.850", 185_000),
            ("1,850", 185_000),
            ("1 850", 185_000),
            ("1850,50", 185_050),
            ("1.850,50", 185_050),
            ("1,850.50", 185_050),
            ("12.5", 1_250),
            ("0,99", 99),
            ("€ 40", 4_000),
            ("40 €", 4_000),
            ("40 EUR", 4_000),
            ("", 0),
            ("  ", 0),
        ] {
            assert_eq!(parse_euro(typed), Ok(cents), "{typed:?}");
        }
    }

    #[test]
    fn what_is_not_an_amount_is_refused() {
        for typed in ["abc", "12a", "1.2.3", "1,85,0", "12,345,6", "--5"] {
            assert!(parse_euro(typed).is_err(), "{typed:?}");
        }
        assert_eq!(parse_euro("-5"), Err(AmountError::OutOfRange));
        assert_eq!(parse_euro("2000000"), Err(AmountError::OutOfRange));
    }

    #[test]
    fn money_is_written_the_way_each_language_writes_it() {
        assert_eq!(format_euro(1_471, Locale::En), "€14.71");
        assert_eq!(format_euro(1_471, Locale::Nl), "€ 14,71");
        assert_eq!(format_euro(1_471, Locale::Pl), "14,71 €");
        assert_eq!(format_euro(1_471, Locale::Ro), "14,71 €");
        assert_eq!(format_euro(4_100_000, Locale::En), "€41,000");
        assert_eq!(format_euro(4_100_000, Locale::Nl), "€ 41.000");
        assert_eq!(format_euro(4_100_000, Locale::Pl), "41\u{a0}000 €");
        assert_eq!(format_euro(-2_500, Locale::Nl), "€ -25");
    }

    #[test]
    fn what_is_written_reads_back() {
        for cents in [0, 99, 1_250, 185_050, 4_100_000] {
            for locale in Locale::ALL {
                let written = format_euro(cents, locale);
                assert_eq!(parse_euro(&written), Ok(cents), "{written:?}");
            }
        }
    }
}
