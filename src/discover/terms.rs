//! An article's terms: the words of its title and lead and the people, organisations and
//! places it names, each a hashed key with a count. They depend on the article alone, so the
//! preview keeps them (`Discoverer`); the weights, which need the whole site's counts, are
//! made from them on each run (`signature`).

use crate::annotate::{Annotations, EntityKind};
use crate::content::Article;
use rustc_hash::{FxHashMap, FxHashSet};

/// Bytes of the body read for terms: news puts the happening in its first paragraphs.
const LEAD_BYTES: usize = 2_000;
/// Terms kept in an article's signature.
const SIGNATURE_TERMS: usize = 40;
/// A title word counts as this many words of the lead.
const TITLE_WEIGHT: u16 = 3;
/// Terms in more than this share of the articles say nothing about which happening it is...
pub(super) const MAX_SHARE: f32 = 0.1;
/// ...unless they are in this many articles or fewer: on a small site every term is common.
pub(super) const MIN_COMMON: f32 = 8.0;

/// A term: a hash of its kind and text.
pub(super) type Term = u32;

/// An article's terms with their counts, sorted by term, and the happenings it reports
/// (`happenings.rs`); shared, as the preview keeps them.
pub type Terms = std::sync::Arc<ArticleTerms>;

/// What [`Terms`] holds.
#[derive(Debug)]
pub struct ArticleTerms {
    pub(super) counts: Box<[(Term, u16)]>,
    /// Keys of the happenings the article reports, sorted, with their words as written.
    pub(super) happenings: Box<[(Term, Box<str>)]>,
}

/// Whether `df` of `n` articles is too common a count for a term to tell happenings apart.
pub(super) fn too_common(df: f32, n: f32) -> bool {
    df > (n * MAX_SHARE).max(MIN_COMMON)
}

/// Words that say nothing about which happening an article reports.
pub(super) const STOPWORDS: &[&str] = &[
    "about",
    "according",
    "added",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "among",
    "and",
    "another",
    "any",
    "are",
    "around",
    "asked",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "came",
    "can",
    "could",
    "day",
    "days",
    "did",
    "does",
    "done",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "friday",
    "from",
    "get",
    "going",
    "got",
    "had",
    "has",
    "have",
    "her",
    "here",
    "him",
    "his",
    "how",
    "into",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "might",
    "monday",
    "more",
    "most",
    "much",
    "must",
    "new",
    "next",
    "not",
    "now",
    "off",
    "one",
    "only",
    "other",
    "our",
    "out",
    "over",
    "own",
    "part",
    "people",
    "percent",
    "said",
    "saturday",
    "say",
    "saying",
    "says",
    "see",
    "she",
    "should",
    "since",
    "some",
    "still",
    "such",
    "sunday",
    "take",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "think",
    "this",
    "those",
    "three",
    "through",
    "thursday",
    "time",
    "told",
    "too",
    "tuesday",
    "two",
    "under",
    "until",
    "very",
    "want",
    "was",
    "way",
    "wednesday",
    "week",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
];

/// A term's key: a hash of its kind and text, stable across runs.
pub(super) fn key(kind: u8, text: &str) -> Term {
    // FNV-1a, as `slug::fnv1a`, over the kind byte and then the text, without a copy.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&kind).chain(text.as_bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash ^ (hash >> 32)) as Term
}

/// A word as a term: lowercased, without a possessive, a plural cut back; None for short
/// words, numbers and stopwords.
pub(super) fn word_term(word: &str) -> Option<String> {
    let mut term = String::new();
    word_term_into(word, &mut term).then_some(term)
}

/// `word_term` into a buffer the caller reuses: no allocation per word.
pub(super) fn word_term_into(word: &str, term: &mut String) -> bool {
    word_key(word, term).is_some()
}

/// A word's term into `term`, and its key; None for short words, numbers and stopwords.
/// Stopwords are known by key, so that no word is hashed twice unless its plural is cut.
pub(super) fn word_key(word: &str, term: &mut String) -> Option<Term> {
    term.clear();
    if word.is_ascii() {
        // The same steps as below, in one pass over the bytes.
        let bytes = ascii_word(word.as_bytes())?;
        term.push_str(std::str::from_utf8(bytes).unwrap_or_default());
        term.make_ascii_lowercase();
    } else {
        let word = word.trim_matches(|c| c == '\'' || c == '’');
        let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        if word.len() < 3 || word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        term.extend(word.chars().flat_map(char::to_lowercase));
        if term.contains(['\'', '’']) {
            return None;
        }
    }
    let whole = key(b'w', term);
    if stopword_keys().contains(&whole) {
        return None;
    }
    if term.len() > 5 && term.ends_with("ies") {
        term.truncate(term.len() - 3);
        term.push('y');
    } else if term.len() > 4 && term.ends_with('s') && !term.ends_with("ss") && !term.ends_with("us") {
        term.pop();
    } else {
        return Some(whole);
    }
    Some(key(b'w', term))
}

/// An ASCII word's bytes as a term reads them: without quotes around it or a possessive;
/// None for short words, numbers and words with an apostrophe inside.
fn ascii_word(mut bytes: &[u8]) -> Option<&[u8]> {
    while let [b'\'', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b'\''] = bytes {
        bytes = rest;
    }
    if let [rest @ .., b'\'', b's'] = bytes {
        bytes = rest;
    }
    let refused = bytes.len() < 3 || bytes.iter().all(u8::is_ascii_digit) || bytes.contains(&b'\'');
    (!refused).then_some(bytes)
}

/// The keys of the stopwords.
fn stopword_keys() -> &'static FxHashSet<Term> {
    static STOP: std::sync::OnceLock<FxHashSet<Term>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| STOPWORDS.iter().map(|w| key(b'w', w)).collect())
}

/// [`word_key`]'s key of an ASCII word, in one pass over its bytes and without writing the
/// term out: the hash of the lower-cased word is taken as it goes, with its state kept where
/// a plural's "s" or "ies" begins, so that the cut word's key needs no second pass. None for
/// a word that is not ASCII (the caller then asks `word_key`) and for what `word_key` refuses.
#[inline]
fn ascii_word_key(word: &str) -> Option<Option<Term>> {
    if !word.is_ascii() {
        return None;
    }
    let Some(bytes) = ascii_word(word.as_bytes()) else { return Some(None) };
    let n = bytes.len();
    let step = |hash: u64, b: u8| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    let fold = |hash: u64| (hash ^ (hash >> 32)) as Term;
    let mut hash = step(0xcbf2_9ce4_8422_2325, b'w');
    let (mut before_ies, mut before_s) = (0, 0);
    for (i, &b) in bytes.iter().enumerate() {
        if i + 3 == n {
            before_ies = hash;
        }
        if i + 1 == n {
            before_s = hash;
        }
        hash = step(hash, b.to_ascii_lowercase());
    }
    let whole = fold(hash);
    if stopword_keys().contains(&whole) {
        return Some(None);
    }
    let lower = |i: usize| bytes[i].to_ascii_lowercase();
    Some(Some(if n > 5 && lower(n - 3) == b'i' && lower(n - 2) == b'e' && lower(n - 1) == b's' {
        fold(step(before_ies, b'y'))
    } else if n > 4 && lower(n - 1) == b's' && lower(n - 2) != b's' && lower(n - 2) != b'u' {
        fold(before_s)
    } else {
        whole
    }))
}

/// Calls `f` with each word of `text`: its runs of letters, digits and apostrophes (straight
/// or curly). Runs of ASCII are cut byte by byte; only a run with other characters in it is
/// read character by character.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let separator = |b: u8| b.is_ascii() && !(b.is_ascii_alphanumeric() || b == b'\'');
    let mut i = 0;
    while i < bytes.len() {
        if separator(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() && !separator(bytes[i]) {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        // `start` and `i` are at ASCII bytes or the ends: the run is whole characters.
        let run = &text[start..i];
        if ascii {
            f(run);
        } else {
            run.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).for_each(&mut f);
        }
    }
}

/// An article's terms with their counts: words of the title (counted [`TITLE_WEIGHT`] times)
/// and of the lead, and the people (by surname), organisations and places it names (once
/// each: how often an article names someone says more about its style than its happening).
pub fn terms(article: &Article, annotations: &Annotations) -> Terms {
    // Every word's key with its weight, then sorted and summed: cheaper than a map for the
    // few hundred words of a lead.
    let mut keys: Vec<(Term, u16)> = Vec::with_capacity(512);
    let mut term = String::new();
    let mut count_words = |text: &str, weight: u16| {
        for_each_word(text, |word| {
            if let Some(key) = ascii_word_key(word).unwrap_or_else(|| word_key(word, &mut term)) {
                keys.push((key, weight));
            }
        })
    };
    count_words(&article.title, TITLE_WEIGHT);
    let mut end = article.body.len().min(LEAD_BYTES);
    while !article.body.is_char_boundary(end) {
        end -= 1;
    }
    count_words(&article.body[..end], 1);
    let mut names: Vec<Term> = annotations
        .entities
        .iter()
        .map(|entity| {
            let name = entity.name.trim().to_lowercase();
            match entity.kind {
                EntityKind::Person => key(b'p', name.rsplit(' ').next().unwrap_or(&name)),
                EntityKind::Organisation => key(b'o', &name),
                EntityKind::Place => key(b'l', &name),
            }
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    keys.extend(names.into_iter().map(|name| (name, 1)));
    keys.sort_unstable_by_key(|&(key, _)| key);
    let mut terms: Vec<(Term, u16)> = Vec::with_capacity(keys.len());
    for (key, weight) in keys {
        match terms.last_mut() {
            Some((last, count)) if *last == key => *count = count.saturating_add(weight),
            _ => terms.push((key, weight)),
        }
    }
    let heads = super::happenings::head_terms().iter().any(|h| terms.binary_search_by_key(h, |&(t, _)| t).is_ok());
    let happenings = if heads { super::happenings::happenings(&article.title, &article.body) } else { Box::default() };
    std::sync::Arc::new(ArticleTerms { counts: terms.into(), happenings })
}

/// The strongest terms by TF-IDF, strongest first, divided by the length of the article's
/// whole vector. Terms in one article only cannot link it to another, and terms in many
/// articles link it to all: both are left out of the signature, but count in its length, so
/// that two articles sharing one word and nothing else are not taken for one report.
pub(super) fn signature(terms: &[(Term, u16)], df: &FxHashMap<Term, u32>, n: f32) -> Vec<(Term, f32)> {
    let mut norm2 = 0.0;
    let mut weighted: Vec<(Term, f32)> = terms
        .iter()
        .filter_map(|&(term, count)| {
            let df = df.get(&term).map_or(1.0, |&df| df as f32);
            let weight = (1.0 + f32::from(count).ln()) * (n / df).ln();
            norm2 += weight * weight;
            (df >= 2.0 && !too_common(df, n)).then_some((term, weight))
        })
        .collect();
    weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted.truncate(SIGNATURE_TERMS);
    let norm = norm2.sqrt();
    if norm > 0.0 {
        weighted.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    weighted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_as_by_characters() {
        let texts = [
            "The Helsinki bridge’s cables — corroded, engineers said (“badly”).",
            "Café owners in Zürich can't agree: 2016's vote, O'Brien's ‘deal’…",
            "",
            "   ",
            "naïve—résumé 'quoted' “Smart” don’t",
        ];
        for text in texts {
            let mut fast = Vec::new();
            for_each_word(text, |w| fast.push(w.to_string()));
            let slow: Vec<String> = text
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            fast.retain(|w| !w.is_empty());
            assert_eq!(fast, slow, "{text}");
        }
    }

    /// The general path alone, as the ASCII one must read every ASCII word.
    fn general(word: &str) -> Option<String> {
        let word = word.trim_matches(|c| c == '\'' || c == '’');
        let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        if word.len() < 3 || word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut term: String = word.chars().flat_map(char::to_lowercase).collect();
        if term.contains(['\'', '’']) || STOPWORDS.contains(&term.as_str()) {
            return None;
        }
        if term.len() > 5 && term.ends_with("ies") {
            term.truncate(term.len() - 3);
            term.push('y');
        } else if term.len() > 4 && term.ends_with('s') && !term.ends_with("ss") && !term.ends_with("us") {
            term.pop();
        }
        Some(term)
    }

    /// Words of every kind the two ways of making a key must agree on.
    const WORDS: &[&str] = &[
        "Clinton's",
        "'debates'",
        "''debates",
        "don't",
        "''",
        "'s",
        "x's",
        "2016",
        "2016s",
        "ab",
        "Policies",
        "SAYS",
        "Says",
        "cross",
        "census",
        "bus",
        "Congress",
        "O'Brien",
        "said",
        "Wednesday",
        "abc's",
        "'''",
        "abc",
        "POLICIES",
        "ties",
        "Ties",
        "series",
        "gas",
        "gases",
        "yes",
        "pies",
        "the",
        "THE",
        "Caucuses",
        "candidates",
    ];

    #[test]
    fn the_one_pass_key_is_the_key_of_the_term() {
        let words = WORDS;
        let mut term = String::new();
        for word in words {
            assert_eq!(ascii_word_key(word), Some(word_key(word, &mut term)), "{word}");
        }
        assert_eq!(ascii_word_key("Zürich"), None);
    }

    #[test]
    fn ascii_words_become_the_terms_the_general_path_gives() {
        let words = WORDS;
        let mut term = String::new();
        for word in words {
            let key = word_key(word, &mut term);
            assert_eq!(key.map(|_| term.clone()), general(word), "{word}");
            if let Some(k) = key {
                assert_eq!(k, super::key(b'w', &term), "{word}");
            }
        }
    }
}
