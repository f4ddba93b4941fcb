//! The four languages Wegwijs speaks, and how a first visit picks one.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Pl,
    Ro,
    En,
    Nl,
}

impl Locale {
    /// In the order the language picker shows them: the workers' languages first.
    pub const ALL: [Locale; 4] = [Locale::Pl, Locale::Ro, Locale::En, Locale::Nl];

    /// Used when nothing the browser asks for is available.
    pub const FALLBACK: Locale = Locale::En;

    /// The BCP 47 code, also the folder name under `locales/` and `content/`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Pl => "pl",
            Locale::Ro => "ro",
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }

    /// The language's name in that language, as a picker should show it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Pl => "Polski",
            Locale::Ro => "Română",
            Locale::En => "English",
            Locale::Nl => "Nederlands",
        }
    }

    /// Accepts a bare code or a full tag such as `pl-PL` or `ro_RO`, in any case.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the first of the browser's preferred languages that Wegwijs speaks.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or(Locale::FALLBACK)
    }
}

/// Writes an ISO date (`2026-11-22`) the way readers of `locale` write dates in numbers.
/// Anything that is not an ISO date is returned as it is.
pub fn format_iso_date(iso: &str, locale: Locale) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match locale {
        Locale::En => format!("{day}/{month}/{year}"),
        Locale::Nl => format!("{day}-{month}-{year}"),
        Locale::Pl | Locale::Ro => format!("{day}.{month}.{year}"),
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_browser_gets_polish() {
        assert_eq!(Locale::negotiate(["pl-PL", "en-US"]), Locale::Pl);
    }

    #[test]
    fn first_supported_language_wins_over_later_ones() {
        assert_eq!(Locale::negotiate(["de-DE", "ro-RO", "nl"]), Locale::Ro);
    }

    #[test]
    fn unsupported_languages_fall_back_to_english() {
        assert_eq!(Locale::negotiate(["de-DE", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }

    #[test]
    fn tags_are_matched_on_primary_subtag_in_any_case() {
        assert_eq!(Locale::from_tag("NL-be"), Some(Locale::Nl));
        assert_eq!(Locale::from_tag("ro_MD"), Some(Locale::Ro));
        assert_eq!(Locale::from_tag("pt-BR"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn dates_are_written_in_each_language_s_own_order_and_separator() {
        assert_eq!(format_iso_date("2026-11-22", Locale::Nl), "22-11-2026");
        assert_eq!(format_iso_date("2026-11-22", Locale::Pl), "22.11.2026");
        assert_eq!(format_iso_date("2026-11-22", Locale::En), "22/11/2026");
        assert_eq!(format_iso_date("soon", Locale::Ro), "soon");
    }

    #[test]
    fn codes_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.code()), Some(locale));
        }
    }
}
