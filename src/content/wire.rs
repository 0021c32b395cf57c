//! Plain-text wire reports, as they arrive: no front matter, often no headline, a dateline
//! first ("Anchorage, Alaska : Russian President ..."). Infers the title and the dateline.

/// What a wire report's first paragraph tells about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireHead {
    pub title: String,
    pub dateline: Option<String>,
}

const DATELINE_SEPARATORS: [&str; 5] = [" : ", " — ", " – ", " -- ", " - "];
const TITLE_WORDS: usize = 12;

pub fn read_head(text: &str) -> WireHead {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    // A short first line without a closing full stop, followed by more text, is a headline.
    let looks_like_headline = first.split_whitespace().count() <= 15
        && !first.ends_with(['.', '"', '\u{201d}'])
        && split_dateline(first).is_none();
    if looks_like_headline && lines.clone().next().is_some() {
        let dateline = lines.next().and_then(split_dateline).map(|(place, _)| place.to_string());
        return WireHead { title: first.to_string(), dateline };
    }
    match split_dateline(first) {
        Some((place, lede)) => WireHead { title: title_from_lede(lede), dateline: Some(place.to_string()) },
        None => WireHead { title: title_from_lede(first), dateline: None },
    }
}

/// "Anchorage, Alaska : Russian President ..." → ("Anchorage, Alaska", "Russian President ...").
pub fn split_dateline(line: &str) -> Option<(&str, &str)> {
    let (at, sep) =
        DATELINE_SEPARATORS.iter().filter_map(|sep| line.find(sep).map(|i| (i, *sep))).min_by_key(|(i, _)| *i)?;
    let mut place = line[..at].trim();
    // "MOSCOW (Reuters)" → "MOSCOW"
    if let Some(open) = place.find(" (")
        && place.ends_with(')')
    {
        place = place[..open].trim();
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    let is_place = !words.is_empty()
        && words.len() <= 6
        && place.len() <= 60
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "de" | "of" | "la" | "el" | "al"));
    is_place.then(|| (tidy_place(place), line[at + sep.len()..].trim()))
}

fn tidy_place(place: &str) -> &str {
    place.trim_end_matches([',', ' '])
}

/// The lede's first clause, cut to a headline's length at a word boundary.
fn title_from_lede(lede: &str) -> String {
    let words: Vec<&str> = lede.split_whitespace().collect();
    if words.is_empty() {
        return "Untitled report".to_string();
    }
    let mut title = String::new();
    for (i, word) in words.iter().enumerate() {
        if i == TITLE_WORDS {
            let trimmed = title.trim_end_matches([',', ';', ':', ' ']).to_string();
            return format!("{trimmed}…");
        }
        if i > 0 {
            title.push(' ');
        }
        title.push_str(word);
        // A sentence end that is not an abbreviation ("U.S.") closes the title.
        let ends_sentence =
            word.ends_with('.') && i >= 3 && !word.trim_end_matches('.').contains('.') && word.len() > 3;
        if ends_sentence {
            return title.trim_end_matches('.').to_string();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dateline_and_infers_a_title() {
        let head = read_head(
            "Anchorage, Alaska : Russian President Vladimir Putin on Friday said he agreed with U.S. President Donald Trump that Ukraine’s security must be ensured.\nMore text.",
        );
        assert_eq!(head.dateline.as_deref(), Some("Anchorage, Alaska"));
        assert_eq!(head.title, "Russian President Vladimir Putin on Friday said he agreed with U.S. President…");
    }

    #[test]
    fn keeps_a_headline_when_the_wire_has_one() {
        let head = read_head("Leaders meet in Alaska\nMOSCOW (Reuters) - The Kremlin said on Monday.\n");
        assert_eq!(head.title, "Leaders meet in Alaska");
        assert_eq!(head.dateline.as_deref(), Some("MOSCOW"));
    }

    #[test]
    fn short_ledes_close_at_the_sentence_end() {
        let head = read_head("KYIV — Air raid sirens sounded overnight. Officials said damage was light.");
        assert_eq!(head.dateline.as_deref(), Some("KYIV"));
        assert_eq!(head.title, "Air raid sirens sounded overnight");
    }

    #[test]
    fn a_sentence_with_a_dash_is_not_a_dateline() {
        assert_eq!(split_dateline("The talks ended early - without a deal."), None);
        assert_eq!(read_head("").title, "Untitled report");
    }
}
