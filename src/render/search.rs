//! The search index: a static inverted index over every article's title and text (its quotes
//! with it), and the names of people, organisations, places and events, cut into files so
//! that a reader fetches only what a query needs.
//!
//! ```text
//! search/meta.json          how many term shards and documents, and the build's version
//! search/terms/<shard>.json term → postings: [doc delta, score, doc delta, score, …]
//! search/docs/<chunk>.json  [kind, url, title, line under the title] per document, DOCS_PER_CHUNK a file
//! ```
//!
//! A term lives in the shard [`shard_of`] names (FNV-1a of its bytes); the number of shards
//! grows with the number of documents, so a shard stays about the same size as the site
//! grows, and the file list is known before any text is read (the plan needs it). Scores are
//! BM25, scaled to 1–255 for the whole site so that a query's terms add up. `static/search.js`
//! reads the same format: [`terms`] and [`shard_of`] must agree with its `terms` and `shardOf`.
//!
//! Pagefind builds such chunked indexes too, from the finished HTML; brief already holds every
//! text and name, so it writes its own (see `docs/output.md`).

use super::Page;
use super::context::Refs;
use super::publish::json_line;
use crate::annotate::TextFormat;
use crate::index::Index;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Documents per file of `search/docs/`.
pub const DOCS_PER_CHUNK: usize = 128;
/// About this many documents per term shard.
const DOCS_PER_SHARD: usize = 48;
/// The best-scored postings a term keeps: a word in most of a large site's articles says little.
const MAX_POSTINGS: usize = 1000;
/// How much more a word of a title or name counts than a word of the text.
const TITLE_WEIGHT: f32 = 4.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Words too common to search for: they are dropped from the index and from queries alike.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "out", "she", "so", "than", "that",
    "the", "their", "them", "then", "there", "they", "this", "to", "up", "was", "we", "were", "what", "when", "which",
    "who", "will", "with", "would", "you", "your",
];

/// The terms of a text, in order: words folded to lower case without accents, apostrophes
/// and other marks between them as breaks, a plural `s` taken off, stop words and single
/// letters left out. `static/search.js` does the same to a query.
pub fn terms(text: &str, mut each: impl FnMut(&str)) {
    let (bytes, mut i) = (text.as_bytes(), 0);
    let mut folded = String::new();
    while i < bytes.len() {
        // A word: a run of letters and digits (bytes for ASCII, characters beyond).
        let (start, mut ascii, mut upper) = (i, true, false);
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                upper |= b.is_ascii_uppercase();
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            i += if bytes[i] < 0x80 { 1 } else { text[i..].chars().next().map_or(1, char::len_utf8) };
            continue;
        }
        let word = &text[start..i];
        let (word, chars) = if ascii && !upper {
            (word, word.len())
        } else if ascii {
            folded.clear();
            folded.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
            (folded.as_str(), folded.len())
        } else {
            folded.clear();
            for c in word.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)) {
                folded.extend(c.to_lowercase());
            }
            (folded.as_str(), folded.chars().count())
        };
        if chars < 2 || word.len() > 40 || is_stop_word(word) {
            continue;
        }
        each(&stem(word, chars));
    }
}

/// Whether a folded word is one of [`STOP_WORDS`], all of at most five ASCII letters: asked
/// of every word of every article, so as a number (its bytes) in a sorted list.
fn is_stop_word(word: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    fn key(word: &str) -> u64 {
        word.bytes().fold(0, |key, b| key << 8 | u64::from(b))
    }
    if word.len() > 5 {
        return false;
    }
    let keys = KEYS.get_or_init(|| {
        let mut keys: Vec<u64> = STOP_WORDS.iter().map(|w| key(w)).collect();
        keys.sort_unstable();
        keys
    });
    keys.binary_search(&key(word)).is_ok()
}

/// Plurals folded, after the S-stemmer (Harman, 1991): "policies" → "policy", "debates" →
/// "debate"; "us" and "ss" stay ("campus", "press").
fn stem(word: &str, n: usize) -> std::borrow::Cow<'_, str> {
    // `n` is the length in characters, as the script counts it; the suffixes are ASCII.
    let len = word.len();
    if n > 4 && word.ends_with("ies") && !word.ends_with("eies") && !word.ends_with("aies") {
        format!("{}y", &word[..len - 3]).into()
    } else if n > 3 && word.ends_with('s') && !word.ends_with("us") && !word.ends_with("ss") {
        word[..len - 1].into()
    } else {
        word.into()
    }
}

/// The shard a term lives in: FNV-1a (32 bits) of its UTF-8 bytes, modulo the shard count.
pub fn shard_of(term: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in term.as_bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % shards.max(1)
}

/// How many documents the index holds: articles, people with a page, events, organisations
/// and places.
pub fn document_count(index: &Index) -> usize {
    let people = index.entities.people.iter().filter(|p| p.page).count();
    index.articles.len()
        + people
        + index.events.len()
        + index.entities.organisations.len()
        + index.entities.places.len()
}

/// The people the index holds, in order: those with a page (a person without one is named on
/// the articles only, and a result must link somewhere).
fn searched_people(index: &Index) -> Vec<usize> {
    (0..index.entities.people.len()).filter(|&p| index.entities.people[p].page).collect()
}

/// The shard count for that many documents.
pub fn shard_count(documents: usize) -> usize {
    documents.div_ceil(DOCS_PER_SHARD).max(1)
}

/// The files of the index, in the order [`SearchIndex::file`] is asked for them.
pub fn paths(documents: usize) -> Vec<String> {
    let mut paths = vec!["search/meta.json".to_string()];
    paths.extend((0..shard_count(documents)).map(|s| format!("search/terms/{s}.json")));
    paths.extend((0..documents.div_ceil(DOCS_PER_CHUNK)).map(|c| format!("search/docs/{c}.json")));
    paths
}

/// A document as the results list shows it.
#[derive(Serialize)]
struct Doc<'a>(
    /// a(rticle), p(erson), e(vent), o(rganisation), l(ocation: a place).
    &'static str,
    /// Root-relative.
    &'a str,
    &'a str,
    /// The line under the title: an article's date and source, a person's role, an event's
    /// dates and place.
    String,
);

/// Every file of the index, made at once.
pub struct SearchIndex {
    files: FxHashMap<String, String>,
}

/// Where a document's words come from, each with its weight.
type Fields<'a> = Vec<(std::borrow::Cow<'a, str>, f32)>;

/// A term by the hash of its text (FxHash, 64 bits: among a million terms, two share one
/// with odds of about 1 in 30 million).
fn term_key(term: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(term.as_bytes());
    hasher.finish()
}

/// Every (term, document, weighted frequency) of a run of documents, their lengths, and the
/// text of each term they hold.
#[derive(Default)]
struct Counted {
    postings: Vec<(u64, u32, f32)>,
    lengths: Vec<f32>,
    words: FxHashMap<u64, String>,
}

fn count<'a>(first: u32, documents: impl Iterator<Item = Fields<'a>>) -> Counted {
    let mut counted = Counted::default();
    let mut frequencies: FxHashMap<u64, f32> = FxHashMap::default();
    for (d, fields) in documents.enumerate() {
        let mut length = 0.0;
        for (text, weight) in &fields {
            terms(text, |term| {
                let key = term_key(term);
                length += weight;
                match frequencies.entry(key) {
                    std::collections::hash_map::Entry::Occupied(mut tf) => *tf.get_mut() += weight,
                    std::collections::hash_map::Entry::Vacant(tf) => {
                        tf.insert(*weight);
                        counted.words.entry(key).or_insert_with(|| term.to_string());
                    }
                }
            });
        }
        counted.postings.extend(frequencies.drain().map(|(key, tf)| (key, first + d as u32, tf)));
        counted.lengths.push(length);
    }
    counted
}

/// The text of an article a reader sees: Markdown without its raw HTML tags and link
/// addresses (a cheap pass: the words are what matters, not the structure).
fn visible_text(body: &str, format: TextFormat) -> std::borrow::Cow<'_, str> {
    if format == TextFormat::Plain || memchr::memchr2(b'<', b']', body.as_bytes()).is_none() {
        return body.into();
    }
    let mut text = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = memchr::memchr2(b'<', b']', rest.as_bytes()) {
        text.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let skip = if rest.as_bytes()[at] == b'<' {
            // A tag or comment: `<` then a letter, `/` or `!`.
            let tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
            tag.then(|| memchr::memchr(b'>', after.as_bytes())).flatten()
        } else {
            // A link's address: `](…)`.
            after.starts_with('(').then(|| memchr::memchr(b')', after.as_bytes())).flatten()
        };
        text.push(' ');
        rest = match skip {
            Some(end) => &after[end + 1..],
            None => after,
        };
    }
    text.push_str(rest);
    text.into()
}

/// A term's postings: (document, score 1–255), in document order.
type Postings = Vec<(u32, u8)>;

/// Documents a task of the index counts.
const DOCS_PER_TASK: usize = 64;

impl SearchIndex {
    pub fn build(index: &Index, refs: &Refs) -> SearchIndex {
        let documents = document_count(index);
        let people = searched_people(index);
        let docs = documents_of(index, refs, &people);
        debug_assert_eq!(docs.len(), documents);
        let counted: Vec<Counted> = (0..documents.div_ceil(DOCS_PER_TASK))
            .into_par_iter()
            .map(|task| {
                let range = task * DOCS_PER_TASK..((task + 1) * DOCS_PER_TASK).min(documents);
                count(range.start as u32, range.map(|d| fields(index, &people, d)))
            })
            .collect();
        let shards = shard_count(documents);
        let mut files: FxHashMap<String, String> = scored_shards(counted, shards)
            .into_par_iter()
            .enumerate()
            .map(|(s, mut terms)| {
                terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                (format!("search/terms/{s}.json"), shard_json(&terms))
            })
            .collect();
        for (c, chunk) in docs.chunks(DOCS_PER_CHUNK).enumerate() {
            files.insert(format!("search/docs/{c}.json"), json_line(chunk));
        }
        let version = super::hash_of(&files.iter().collect::<std::collections::BTreeMap<_, _>>());
        let meta = serde_json::json!({
            "version": format!("{version:016x}"),
            "documents": documents,
            "shards": shards,
            "docs_per_chunk": DOCS_PER_CHUNK,
        });
        files.insert("search/meta.json".to_string(), json_line(&meta));
        SearchIndex { files }
    }

    /// One file of the index, by path (one of [`paths`]).
    pub fn file(&self, path: &str) -> Page {
        Page { path: path.to_string(), contents: self.files.get(path).cloned().unwrap_or_default() }
    }
}

/// Document `d`'s words: an article's title, summary, byline and text; a person's names, role
/// and profile; an event's names, place and summary; an organisation's or place's name.
fn fields<'a>(index: &'a Index, searched: &[usize], d: usize) -> Fields<'a> {
    let join = |list: &[String]| list.join(" ").into();
    let (articles, people, events, organisations) = (
        index.articles.len(),
        index.articles.len() + searched.len(),
        index.articles.len() + searched.len() + index.events.len(),
        index.articles.len() + searched.len() + index.events.len() + index.entities.organisations.len(),
    );
    if d < articles {
        let a = &index.articles[d].article;
        let mut fields: Fields = vec![(a.title.as_str().into(), TITLE_WEIGHT), (visible_text(&a.body, a.format), 1.0)];
        fields.extend([&a.summary, &a.author, &a.source].into_iter().flatten().map(|t| (t.as_str().into(), 1.0)));
        fields
    } else if d < people {
        let p = &index.entities.people[searched[d - articles]];
        let mut fields: Fields = vec![(p.name.as_str().into(), TITLE_WEIGHT)];
        if let Some(profile) = &p.profile {
            fields.push((join(&profile.aliases), TITLE_WEIGHT));
            fields.extend(profile.role.iter().map(|r| (r.as_str().into(), 1.0)));
            fields.push((visible_text(&profile.bio, TextFormat::Markdown), 1.0));
        }
        fields
    } else if d < events {
        let e = &index.events[d - people];
        let mut fields: Fields = vec![(e.name.as_str().into(), TITLE_WEIGHT)];
        if let Some(profile) = &e.profile {
            fields.push((join(&profile.aliases), TITLE_WEIGHT));
            fields.extend(profile.place.iter().map(|p| (p.as_str().into(), 1.0)));
            fields.push((visible_text(&profile.summary, TextFormat::Markdown), 1.0));
        }
        fields
    } else if d < organisations {
        vec![(index.entities.organisations[d - events].name.as_str().into(), TITLE_WEIGHT)]
    } else {
        vec![(index.entities.places[d - organisations].name.as_str().into(), TITLE_WEIGHT)]
    }
}

/// The documents as the results list shows them, in the order of [`fields`].
fn documents_of<'a>(index: &Index, refs: &'a Refs, searched: &[usize]) -> Vec<Doc<'a>> {
    let mut docs = Vec::with_capacity(document_count(index));
    let line = |parts: [Option<&str>; 2]| parts.into_iter().flatten().collect::<Vec<_>>().join(" · ");
    for r in &refs.articles {
        docs.push(Doc("a", &r.url, &r.title, line([r.date_display.as_deref(), r.source.as_deref()])));
    }
    for r in searched.iter().map(|&p| &refs.people[p]) {
        docs.push(Doc("p", &r.url, &r.name, r.role.clone().unwrap_or_default()));
    }
    for r in &refs.events {
        docs.push(Doc("e", &r.url, &r.name, line([r.date_display.as_deref(), r.place.as_deref()])));
    }
    for (kind, list) in [("o", &refs.organisations), ("l", &refs.places)] {
        for r in list {
            let count = match r.article_count {
                1 => "1 article".to_string(),
                n => format!("{n} articles"),
            };
            docs.push(Doc(kind, &r.url, &r.name, count));
        }
    }
    docs
}

/// Each shard's terms with their postings: (document, score 1–255) in document order, each
/// term keeping its [`MAX_POSTINGS`] best. Scores are BM25, scaled by the site's best.
fn scored_shards(counted: Vec<Counted>, shards: usize) -> Vec<Vec<(String, Postings)>> {
    let lengths: Vec<f32> = counted.iter().flat_map(|c| c.lengths.iter().copied()).collect();
    let documents = lengths.len().max(1) as f32;
    let average = (lengths.iter().sum::<f32>() / documents).max(1.0);
    let mut words: FxHashMap<u64, String> = FxHashMap::default();
    let mut postings: Vec<(u64, u32, f32)> = Vec::with_capacity(counted.iter().map(|c| c.postings.len()).sum());
    for c in counted {
        postings.extend(c.postings);
        for (key, word) in c.words {
            words.entry(key).or_insert(word);
        }
    }
    postings.par_sort_unstable_by_key(|&(key, doc, _)| (key, doc));
    let mut runs: Vec<&mut [(u64, u32, f32)]> = postings.chunk_by_mut(|a, b| a.0 == b.0).collect();
    runs.par_iter_mut().for_each(|run| {
        let n = run.len() as f32;
        let idf = (1.0 + (documents - n + 0.5) / (n + 0.5)).ln();
        for posting in run.iter_mut() {
            let norm = K1 * (1.0 - B + B * lengths[posting.1 as usize] / average);
            posting.2 = idf * posting.2 * (K1 + 1.0) / (posting.2 + norm);
        }
    });
    let best = runs.par_iter().flat_map_iter(|run| run.iter().map(|p| p.2)).reduce(|| 0.0, f32::max);
    let best = best.max(f32::EPSILON);
    let terms: Vec<(usize, String, Postings)> = runs
        .into_par_iter()
        .map(|run| {
            if run.len() > MAX_POSTINGS {
                run.select_nth_unstable_by(MAX_POSTINGS, |a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)));
                run[..MAX_POSTINGS].sort_unstable_by_key(|p| p.1);
            }
            let kept = &run[..run.len().min(MAX_POSTINGS)];
            let word = words.get(&kept[0].0).cloned().unwrap_or_default();
            let quantised =
                kept.iter().map(|&(_, doc, score)| (doc, (score / best * 255.0).round().clamp(1.0, 255.0) as u8));
            (shard_of(&word, shards), word, quantised.collect())
        })
        .collect();
    let mut by_shard: Vec<Vec<(String, Postings)>> = (0..shards).map(|_| Vec::new()).collect();
    for (shard, word, list) in terms {
        by_shard[shard].push((word, list));
    }
    by_shard
}

/// A shard: `{"term":[first doc, score, gap to the next doc, score, …], …}`.
fn shard_json(terms: &[(String, Postings)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("{");
    for (i, (term, list)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{}:[", serde_json::to_string(term).unwrap_or_default());
        let mut previous = 0;
        for (j, &(doc, score)) in list.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let _ = write!(out, "{},{score}", doc - previous);
            previous = doc;
        }
        out.push(']');
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn terms_are_folded_stemmed_and_without_stop_words() {
        assert_eq!(all("The Debates in São Paulo"), ["debate", "sao", "paulo"]);
        assert_eq!(all("Comey's letter, policies: U.S. press"), ["comey", "letter", "policy", "press"]);
        assert_eq!(all("ÉLYSÉE, 2016 — x"), ["elysee", "2016"]);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search_and_short() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 5));
    }

    #[test]
    fn shards_match_the_script() {
        // static/search.js's shardOf gives these (FNV-1a 32 of the UTF-8 bytes).
        assert_eq!(shard_of("comey", 1_000_000), 0xc80e_19c8 % 1_000_000);
        assert_eq!(shard_of("", 7), 0x811c_9dc5 % 7);
    }
}
