//! The named happening an article reports: a phrase in its title or lead that names one
//! scheduled happening ("the first presidential debate", "NBC's commander in chief forum",
//! "the Republican National Convention", "the New York primary") where the article puts what
//! it reports *at* or *during* it. Such a phrase is far more specific than any of its words:
//! "debate" is in a third of the articles of a campaign, "first presidential debate" in a few,
//! and only in the days around it.
//!
//! A phrase counts only where the article reports the happening, not where it mentions it:
//! - its last word is one of [`HEADS`], the words that name a single scheduled happening, with
//!   one or two words before it that are no function or time words ("first presidential
//!   debate"; a possessive ends them: "NBC's commander in chief forum" gives "chief forum");
//!   a bare "the debate" says nothing of which one;
//! - it follows "during", "at" or "in" (over determiners, possessives and days: "during
//!   Saturday night's Democratic debate"): the article places what it reports there;
//! - its sentence looks neither forward ("will", "upcoming", "ahead", "before" before the
//!   phrase) nor back ("last", "earlier", "after", "following", "since", "ago" anywhere, a
//!   month after it: "at the Republican National Convention in July" is a reminder of it);
//! - it is in the title or in a sentence that begins in the first [`LEAD_BYTES`] of the body,
//!   where news says what it reports;
//! - the head word ends the phrase: not "primary race", "debate stage", "post-debate polls",
//!   nor a longer name ("Congressional Black Caucus Foundation").
//!
//! The result is a few hashed keys per article (`key(b'h', "first presidential debate")`),
//! depending on the article alone, kept with its terms by the preview.

use super::terms::{Term, key};

/// Sentences that begin after this many bytes of the body are not read for happenings.
const LEAD_BYTES: usize = 800;
/// Bytes read at most: the sentence that begins last may run on past `LEAD_BYTES`.
const READ_BYTES: usize = 1_600;
/// Words before the head read for its modifier.
const MODIFIERS: usize = 3;

/// Words that name one scheduled happening (sorted, for binary search). Plural only where one
/// happening has a plural name ("the Iowa caucuses"): "the debates" are several.
const HEADS: &[&str] =
    &["caucus", "caucuses", "convention", "debate", "forum", "funeral", "inauguration", "primary", "summit"];

/// Words after which a phrase says where what is reported took place.
const TRIGGERS: &[&str] = &["at", "during", "in"];

/// Words between the trigger and the phrase that leave it a place in time: determiners and
/// the words of a day ("Saturday night's" is a possessive, read as such).
const BETWEEN: &[&str] = &[
    "a",
    "an",
    "friday",
    "monday",
    "night",
    "saturday",
    "sunday",
    "that",
    "the",
    "this",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Words that are never one of the phrase's modifiers: function words, times and words of
/// sequence or number that do not name the happening.
const NOT_MODIFIERS: &[&str] = &[
    "a",
    "about",
    "after",
    "afternoon",
    "all",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "before",
    "by",
    "during",
    "each",
    "entire",
    "evening",
    "every",
    "few",
    "for",
    "friday",
    "from",
    "her",
    "his",
    "in",
    "into",
    "is",
    "its",
    "last",
    "latest",
    "many",
    "monday",
    "more",
    "morning",
    "most",
    "my",
    "next",
    "night",
    "no",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "over",
    "post",
    "pre",
    "recent",
    "same",
    "saturday",
    "some",
    "such",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "three",
    "thursday",
    "to",
    "today",
    "tonight",
    "tuesday",
    "two",
    "upcoming",
    "was",
    "wednesday",
    "were",
    "whole",
    "with",
    "year",
    "yesterday",
    "your",
];

/// Words that make a sentence look forward when they come before the phrase.
const FORWARD: &[&str] =
    &["ahead", "before", "expected", "next", "planned", "scheduled", "tonight", "upcoming", "will"];

/// Words that make a sentence look back at the happening, wherever they are in it.
const BACK: &[&str] = &["after", "ago", "earlier", "following", "last", "later", "past", "previous", "since"];

/// Months: after the phrase, a reminder of when it was ("at the convention in July").
const MONTHS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "january",
    "july",
    "june",
    "march",
    "november",
    "october",
    "september",
];

/// Words that may follow the head without making it a modifier of a longer noun ("debate
/// that", "convention and").
const FOLLOWERS: &[&str] = &[
    "and", "as", "at", "but", "by", "for", "from", "had", "has", "have", "in", "into", "is", "last", "of", "on", "or",
    "over", "since", "that", "the", "this", "to", "was", "when", "where", "which", "while", "who", "will", "with",
];

fn is(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// One word of a sentence: lowercased, with what is around it.
struct Word<'a> {
    /// As written.
    text: &'a str,
    lower: String,
    /// Only spaces between it and the next word.
    joined: bool,
}

impl Word<'_> {
    fn possessive(&self) -> bool {
        self.lower.ends_with("'s") || self.lower.ends_with("’s") || self.lower.ends_with("s'")
    }

    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The part after the last hyphen: "commander-in-chief" is read as "chief", as "commander
    /// in chief" is.
    fn last_part(&self) -> &str {
        self.lower.rsplit('-').next().unwrap_or(&self.lower)
    }
}

/// The words of a sentence: runs of letters, digits, apostrophes and inner hyphens.
fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_hyphen = c == '-' && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if word_char(c) || inner_hyphen {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, &sentence[s..i]);
        }
        if c != ' '
            && let Some(last) = out.last_mut()
        {
            last.joined = false;
        }
    }
    if let Some(s) = start {
        push(&mut out, &sentence[s..]);
    }
    if let Some(last) = out.last_mut() {
        last.joined = false;
    }
    out
}

fn push<'a>(out: &mut Vec<Word<'a>>, text: &'a str) {
    let text = text.trim_matches(|c| c == '\'' || c == '’');
    if text.is_empty() {
        return;
    }
    out.push(Word { text, lower: text.to_lowercase(), joined: true });
}

/// The sentences of `text` with their byte offsets: cut after `.`, `!` or `?` (and a closing
/// quote) before white space, and at line ends.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            let end = if b == b'\n' {
                Some(i - 1)
            } else if matches!(b, b'.' | b'!' | b'?') {
                let mut j = i;
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                // A curly closing quote is three bytes.
                if text[j..].starts_with(['”', '’']) {
                    j += 3;
                }
                (j >= bytes.len() || bytes[j].is_ascii_whitespace()).then_some(j)
            } else {
                None
            };
            if let Some(end) = end {
                let at = start;
                i = i.max(end);
                start = i;
                if end > at && text.is_char_boundary(at) && text.is_char_boundary(end) {
                    return Some((at, &text[at..end]));
                }
            }
        }
        if start < bytes.len() {
            let at = start;
            start = bytes.len();
            return Some((at, &text[at..]));
        }
        None
    })
}

/// A happening an article reports: the phrase it is known by (the head and its nearest
/// modifier that is not a generic one, "first debate") and the words as the article wrote
/// them ("first presidential debate"), for its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Happening {
    pub(super) phrase: String,
    pub(super) written: String,
}

/// Modifiers that do not tell one happening of a kind from another, left out of the phrase
/// (kept in what is written): "the Republican presidential debate" is "the Republican
/// debate", "the Democratic National Convention" "the Democratic convention". With nothing
/// else before them they name a kind of happening, not one: "a contested convention", "the
/// candidate debate", "a three-way primary".
const GENERIC: &[&str] = &[
    "big",
    "brokered",
    "candidate",
    "contested",
    "crucial",
    "deadlocked",
    "high-stakes",
    "key",
    "national",
    "open",
    "party",
    "presidential",
    "primary",
    "televised",
    "way",
];

/// Heads held in many places in one week: a party names the whole race ("the Democratic
/// primary"), a state one of them ("the Indiana primary").
const HELD_IN_PLACES: &[&str] = &["caucus", "caucuses", "primary"];

/// A party, as a modifier.
const PARTIES: &[&str] = &["democratic", "republican"];

/// Another spelling of a modifier: the party's nickname for its name.
fn canonical(modifier: &str) -> &str {
    match modifier {
        "gop" => "republican",
        "democrat" | "democrats" | "dem" | "dems" => "democratic",
        other => other,
    }
}

/// The happenings a sentence reports.
fn phrases(sentence: &str, found: &mut Vec<Happening>) {
    let words = words(sentence);
    let offset = |w: &Word| w.text.as_ptr() as usize - sentence.as_ptr() as usize;
    for (i, word) in words.iter().enumerate() {
        if word.lower.contains('-') || !is(HEADS, &word.lower) {
            continue;
        }
        if let Some(next) = words.get(i + 1).filter(|_| word.joined) {
            let time = is(BETWEEN, &next.lower) || is(MONTHS, &next.lower);
            let longer_name = word.capitalised() && next.capitalised() && !time;
            let compound = !next.capitalised() && !is(FOLLOWERS, &next.lower);
            if longer_name || compound {
                continue;
            }
        }
        // The modifiers, nearest first, up to the first that is not generic.
        let mut modifier: Option<&str> = None;
        let mut j = i;
        while j > 0 && j + MODIFIERS > i && modifier.is_none() {
            let w = &words[j - 1];
            let part = w.last_part();
            if !w.joined || w.possessive() || is(NOT_MODIFIERS, part) || part.chars().any(|c| c.is_ascii_digit()) {
                break;
            }
            let party_of_many = is(HELD_IN_PLACES, &word.lower) && is(PARTIES, canonical(part));
            if !is(GENERIC, part) && !is(GENERIC, &w.lower) && !party_of_many {
                modifier = Some(canonical(part));
            }
            j -= 1;
        }
        let Some(modifier) = modifier else { continue };
        // A name goes on over the capitalised words before it: "the New York primary".
        while j > 0 && words[j].capitalised() && {
            let w = &words[j - 1];
            w.joined && w.capitalised() && !w.possessive() && !is(NOT_MODIFIERS, &w.lower)
        } {
            j -= 1;
        }
        let mut k = j;
        while k > 0 && (words[k - 1].possessive() || is(BETWEEN, &words[k - 1].lower)) {
            k -= 1;
        }
        if k == 0 || !is(TRIGGERS, &words[k - 1].lower) {
            continue;
        }
        let forward =
            words[..i].iter().any(|w| is(FORWARD, &w.lower) || w.lower.ends_with("'ll") || w.lower.ends_with("’ll"));
        let back = words.iter().any(|w| is(BACK, &w.lower)) || words[i + 1..].iter().any(|w| is(MONTHS, &w.lower));
        if forward || back {
            continue;
        }
        let head = if word.lower == "caucuses" { "caucus" } else { word.lower.as_str() };
        let written = sentence[offset(&words[j])..offset(word) + word.text.len()].to_string();
        found.push(Happening { phrase: format!("{modifier} {head}"), written });
    }
}

/// The terms of the head words (`terms::word_key`, as "caucuses" is "caucuse"): `terms`
/// looks them up among the terms it made of the title and lead, and reads happenings only
/// where one is (most articles have none, and are not cut into sentences and words again).
pub(super) fn head_terms() -> &'static [Term] {
    static HEAD_TERMS: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    HEAD_TERMS.get_or_init(|| {
        let mut word = String::new();
        let mut terms: Vec<Term> = HEADS.iter().filter_map(|h| super::terms::word_key(h, &mut word)).collect();
        terms.sort_unstable();
        terms.dedup();
        terms
    })
}

/// The happenings an article reports, from its title and lead, each once (by phrase), sorted
/// by phrase.
pub(super) fn happening_phrases(title: &str, body: &str) -> Vec<Happening> {
    let mut found = Vec::new();
    let mut end = body.len().min(READ_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    phrases(title, &mut found);
    for (at, sentence) in sentences(&body[..end]) {
        if at >= LEAD_BYTES {
            break;
        }
        phrases(sentence, &mut found);
    }
    found.sort_unstable();
    found.dedup_by(|a, b| a.phrase == b.phrase);
    found
}

/// The happenings an article reports, by key (sorted), with their words as written.
pub(super) fn happenings(title: &str, body: &str) -> Box<[(Term, Box<str>)]> {
    let mut keys: Vec<(Term, Box<str>)> =
        happening_phrases(title, body).into_iter().map(|h| (key(b'h', &h.phrase), h.written.into())).collect();
    keys.sort_unstable();
    keys.dedup_by(|a, b| a.0 == b.0);
    keys.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [
            HEADS,
            TRIGGERS,
            BETWEEN,
            NOT_MODIFIERS,
            FORWARD,
            BACK,
            MONTHS,
            FOLLOWERS,
            GENERIC,
            HELD_IN_PLACES,
            PARTIES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    fn of(text: &str) -> Vec<String> {
        happening_phrases("", text).into_iter().map(|h| format!("{} = {}", h.phrase, h.written)).collect()
    }

    #[test]
    fn a_happening_the_article_reports_is_named() {
        let rows: &[(&str, &[&str])] = &[
            (
                "She attacked him as a fraud during the first presidential debate Monday night.",
                &["first debate = first presidential debate"],
            ),
            ("It came during NBC’s commander in chief forum, and drew scrutiny.", &["chief forum = chief forum"]),
            (
                "She stressed the raid during a \"Commander-in-Chief Forum\" sponsored by NBC News.",
                &["chief forum = Commander-in-Chief Forum"],
            ),
            (
                "“I apologize to nobody,” the senator said during Saturday night’s Democratic debate.",
                &["democratic debate = Democratic debate"],
            ),
            ("Clinton won a clear victory in the New York primary Tuesday.", &["york primary = New York primary"]),
            ("Cruz won in the Iowa Republican caucuses.", &["iowa caucus = Iowa Republican caucuses"]),
            ("Sanders scored in the Democrats' debate.", &["democratic debate = Democrats' debate"]),
            (
                "Delegates cheered at the Republican National Convention in Cleveland.",
                &["republican convention = Republican National Convention"],
            ),
            (
                "Pence spoke at the Republican National Convention Monday night.",
                &["republican convention = Republican National Convention"],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(of(text), *want, "{text}");
        }
    }

    #[test]
    fn a_happening_only_mentioned_is_not() {
        let rows = [
            // No place in time: before, after, about it.
            "Clinton and Trump are tied heading into their first presidential debate.",
            "Clinton got no bump after the first presidential debate, a poll shows.",
            "Following Monday's presidential debate, PolitiFact checked his claim.",
            "She asked the moderator of this year's first presidential debate to check facts.",
            // Forward and back.
            "PolitiFact will have 18 fact-checkers working during the first presidential debate.",
            "He cited the figure at last week's Commander-in-Chief Forum.",
            "Cruz refused to endorse Trump at the Republican National Convention in July.",
            "She pressed the case in the upcoming presidential debate.",
            // No happening named, or the word is no head.
            "During the debate Trump said many things.",
            "Graham was critical during the Democratic primary race.",
            "Obama spoke at the Congressional Black Caucus Foundation gala.",
            "It was not the first post-debate poll.",
            "He was seen at the debate stage in Hempstead.",
            // A kind of happening, or a race: no one happening.
            "Delegates fear chaos at a contested convention.",
            "Sanders leads in the Democratic presidential primary.",
            "She said so in the primary debate.",
        ];
        for text in rows {
            assert_eq!(of(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn every_head_is_known_by_its_term() {
        let mut word = String::new();
        for head in HEADS.iter().chain(&["Debate", "DEBATES", "Primaries", "Caucuses"]) {
            let term = crate::discover::terms::word_key(head, &mut word).expect("a head is a term");
            assert!(head_terms().contains(&term), "{head}");
        }
    }

    #[test]
    fn only_the_title_and_lead_are_read() {
        let late = format!("{}\n\nShe spoke during the first presidential debate.", "Filler words here. ".repeat(60));
        assert!(of(&late).is_empty());
        let title = happening_phrases("Sparks fly during the first presidential debate", "");
        assert_eq!(title.iter().map(|h| h.phrase.as_str()).collect::<Vec<_>>(), ["first debate"]);
    }

    #[test]
    fn sentences_are_cut_at_their_ends() {
        let text = "He said “no.” Then he left! Was it late? Yes\nA new line. U.S.-made";
        let cut: Vec<&str> = sentences(text).map(|(_, s)| s.trim()).collect();
        assert_eq!(cut, ["He said “no.”", "Then he left!", "Was it late?", "Yes", "A new line.", "U.S.-made"]);
    }
}
