//! Calendar dates: parsed from front matter (ISO 8601), found in wire text ("15 August 2025",
//! "Aug. 15, 2025"), or taken from a file's modification time. Only the day matters to a
//! briefing, so a date is a day; times in front matter are accepted and their day kept.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid =
            (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) && (1000..=9999).contains(&year);
        valid.then_some(Date { year, month, day })
    }

    /// `2025-08-15`, `2025-08-15T10:00:00Z`, `2025-08-15 10:00`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let day_part = text.get(..10)?;
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let mut parts = day_part.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// "15 August 2025"
    pub fn display(&self) -> String {
        format!("{} {} {}", self.day, MONTHS[usize::from(self.month) - 1], self.year)
    }

    /// "March 2016".
    pub fn month_display(&self) -> String {
        format!("{} {}", MONTHS[usize::from(self.month) - 1], self.year)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn from_system_time(time: std::time::SystemTime) -> Date {
        let secs = match time.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        Date::from_days_since_epoch(secs.div_euclid(86_400))
    }

    /// The first absolute date written out in running text, if any.
    pub fn find_in_text(text: &str) -> Option<Date> {
        let words: Vec<&str> = text.split_whitespace().take(2_000).collect();
        for (i, word) in words.iter().enumerate() {
            if let Some(date) = Date::parse_iso(word.trim_matches(|c: char| !c.is_ascii_digit())) {
                return Some(date);
            }
            let Some(month) = month_number(word) else {
                continue;
            };
            // "August 15, 2025"
            if let (Some(d), Some(y)) = (words.get(i + 1), words.get(i + 2))
                && let (Some(d), Some(y)) = (day_number(d), year_number(y))
                && let Some(date) = Date::new(y, month, d)
            {
                return Some(date);
            }
            // "15 August 2025"
            if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(|j| words.get(j)), words.get(i + 1))
                && let (Some(d), Some(y)) = (day_number(d), year_number(y))
                && let Some(date) = Date::new(y, month, d)
            {
                return Some(date);
            }
        }
        None
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn month_number(word: &str) -> Option<u8> {
    const ABBREVIATIONS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let word = word.trim_end_matches([',', '.']);
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let full = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&lower));
    let short = ABBREVIATIONS.iter().position(|m| *m == lower || (lower == "sept" && *m == "sep"));
    full.or(short).map(|i| i as u8 + 1)
}

fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches([',', '.']);
    let digits = digits.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 15th
    (1..=2).contains(&digits.len()).then(|| digits.parse().ok()).flatten()
}

fn year_number(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_front_matter_dates() {
        assert_eq!(Date::parse_iso("2025-08-15"), Date::new(2025, 8, 15));
        assert_eq!(Date::parse_iso("2025-08-15T21:30:00Z"), Date::new(2025, 8, 15));
        assert_eq!(Date::parse_iso("2025-02-30"), None);
        assert_eq!(Date::parse_iso("15/08/2025"), None);
        assert_eq!(Date::parse_iso("2025-08-15x"), None);
    }

    #[test]
    fn finds_absolute_dates_in_text_and_ignores_relative_ones() {
        let cases = [
            ("Putin on Friday said he agreed", None),
            ("The talks on 15 August 2025 ended early", Date::new(2025, 8, 15)),
            ("ANCHORAGE, Aug. 16, 2025 — Trump said", Date::new(2025, 8, 16)),
            ("met on August 18, 2025, at the White House", Date::new(2025, 8, 18)),
            ("filed 2025-08-19 at noon", Date::new(2025, 8, 19)),
            ("he may 12 times 2025 words", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Date::find_in_text(text), expected, "{text:?}");
        }
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 20_000, 20_315, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::new(2025, 8, 15).unwrap().display(), "15 August 2025");
    }
}
