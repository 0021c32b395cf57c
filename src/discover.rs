//! Event discovery: the articles that report the same happening, grouped into events without
//! an editor writing them. A stage between annotation and the index. In: every article with
//! its annotations, the registry's events and the editors' decisions (`content/events.yaml`).
//! Out: a [`Discovery`]: the discovered events, and for each article the events it joins
//! (discovered ones, or a registry event its group matched).
//!
//! Each dated article becomes a short signature: the words of its title and first paragraphs
//! and the people, organisations and places it names, weighted by TF-IDF, the strongest
//! [`SIGNATURE_TERMS`] kept. Articles are then taken in date order, and each joins the open
//! group whose summed signature is closest (cosine at least [`JOIN`]) among the groups begun
//! at most [`SPAN_DAYS`] earlier, or begins a group of its own: single-pass clustering, as
//! topic detection and tracking systems do it. The groups an article can join are found
//! through an inverted index of signature terms, read only inside the window of days and
//! only so far back ([`POSTINGS_READ`]): no pair of articles is compared unless they share a
//! strong term, and the work grows with the number of articles, not its square.
//!
//! Precision comes first: opinion and analysis stay out, a group needs two articles not
//! already tied to a registry event, and a group that mixes articles of different registry
//! events is dropped. A discovered event's address is made from its earliest article's date
//! and title, so later articles joining it do not move it.

use crate::annotate::{Annotations, EntityKind};
use crate::content::{Article, Date, DateSource, Event};
use crate::error::{Error, Result, Warning};
use crate::slug::{fnv1a, slugify_or_hash};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The editors' decisions about discovered events, relative to the site root.
pub const DECISIONS_FILE: &str = "content/events.yaml";

/// Terms kept in an article's signature.
const SIGNATURE_TERMS: usize = 40;
/// Terms of an article looked up in the inverted index to find the groups it may join.
const BLOCKING_TERMS: usize = 10;
/// Index entries read per blocking term, newest first: bounds the work on common terms.
const POSTINGS_READ: usize = 64;
/// Groups compared in full with each article: those sharing the most of its strongest terms.
const CANDIDATES: usize = 8;
/// Cosine between an article's signature and a group's summed signature needed to join it.
const JOIN: f32 = 0.25;
/// An article joins a group begun at most this many days before it...
const SPAN_DAYS: i64 = 7;
/// ...whose latest article is at most this many days before it.
const GAP_DAYS: i64 = 3;
/// Bytes of the body read for terms: news puts the happening in its first paragraphs.
const LEAD_BYTES: usize = 2_000;
/// Terms in more than this share of the articles say nothing about which happening it is.
const MAX_SHARE: f32 = 0.5;
/// At most this many participants and words in a slug.
const MAX_PARTICIPANTS: usize = 5;
const SLUG_WORDS: usize = 6;

/// What an editor decided about one discovered event, by its slug.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    /// The event's name, instead of the headline it was given.
    pub name: Option<String>,
    pub place: Option<String>,
    /// Markdown shown on the event's page.
    pub summary: Option<String>,
    /// No event: its articles stay without one.
    pub suppress: bool,
    /// Another event (discovered or in the registry) takes this one's articles.
    pub merge_into: Option<String>,
    /// These articles (by slug) leave and make an event of their own.
    pub split: Vec<String>,
    /// These articles (by slug) leave, for no event.
    pub remove: Vec<String>,
}

/// Every decision of `content/events.yaml`, by event slug.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    pub events: BTreeMap<String, Decision>,
}

impl Decisions {
    /// Reads `content/events.yaml` under `root`; no file, no decisions.
    pub fn load(root: &Path) -> Result<Decisions> {
        let rel = PathBuf::from(DECISIONS_FILE);
        if std::fs::symlink_metadata(root.join(&rel)).is_err() {
            return Ok(Decisions::default());
        }
        crate::paths::Site::new(root)?.check_inside(&rel)?;
        let text = crate::content::read_text(root, &rel)?;
        if text.trim().is_empty() {
            return Ok(Decisions::default());
        }
        let events: BTreeMap<String, Decision> = crate::yaml::from_str(&text).map_err(|e| {
            Error::input(
                &rel,
                e.line,
                e.message,
                "write one entry per event slug, with name, place, summary, suppress, merge_into, split or remove (see docs/content.md)",
            )
        })?;
        Ok(Decisions { events })
    }
}

/// A discovered event: what its page and the index need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredEvent {
    pub slug: String,
    pub name: String,
    /// The first and last day of its articles.
    pub start: Date,
    pub end: Date,
    pub place: Option<String>,
    /// People named in most of its articles, most named first.
    pub participants: Vec<String>,
    /// Markdown, from the editor's decision.
    pub summary: String,
    /// Article slugs, oldest first.
    pub articles: Vec<String>,
}

impl DiscoveredEvent {
    /// The event as a profile, as if an editor had written it: the index and the pages read
    /// dates, place and summary from it.
    pub fn profile(&self) -> Event {
        Event {
            slug: self.slug.clone(),
            path: PathBuf::from(DECISIONS_FILE),
            name: self.name.clone(),
            aliases: Vec::new(),
            start: Some(self.start),
            end: (self.end != self.start).then_some(self.end),
            place: self.place.clone(),
            participants: self.participants.clone(),
            summary: self.summary.clone(),
            extra: Default::default(),
        }
    }
}

/// What discovery found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Sorted by slug.
    pub events: Vec<DiscoveredEvent>,
    /// Article slug → the event slugs it joins by discovery (discovered or registry events).
    pub members: BTreeMap<String, Vec<String>>,
    /// Decisions that name no discovered event, and the like.
    pub warnings: Vec<Warning>,
}

/// Groups the articles into events. `articles` in any order; `registry` the events of
/// `content/events/`.
pub fn discover(articles: &[(&Article, &Annotations)], registry: &[Event], decisions: &Decisions) -> Discovery {
    // Dated articles, in date order, then by slug: the order the single pass reads them in.
    let mut order: Vec<usize> = (0..articles.len()).filter(|&i| day(articles[i].0).is_some()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (articles[a].0, articles[b].0);
        a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug))
    });
    let mut discovery = Discovery::default();
    // An event needs two articles that no registry event has: with fewer, there is nothing
    // to find (an archive whose every article names its event), and no signature is made.
    let tied = |i: usize| !articles[i].0.events.is_empty() || !articles[i].1.events.is_empty();
    if order.iter().filter(|&&i| !tied(i)).nth(1).is_none() {
        order.clear();
    }
    if order.is_empty() {
        warn_unused(&mut discovery, decisions, &FxHashSet::default());
        return discovery;
    }
    let opinion: Vec<bool> = order.iter().map(|&i| is_opinion(articles[i].0)).collect();
    let counted: Vec<Vec<(u64, f32)>> = order.par_iter().map(|&i| term_counts(articles[i].0, articles[i].1)).collect();
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for terms in &counted {
        for &(term, _) in terms {
            *df.entry(term).or_default() += 1;
        }
    }
    let n = order.len() as f32;
    let signatures: Vec<Vec<(u64, f32)>> = counted.into_par_iter().map(|terms| signature(terms, &df, n)).collect();
    let days: Vec<i64> = order.iter().map(|&i| day(articles[i].0).unwrap_or_default()).collect();
    let groups = cluster(&signatures, &days, &opinion);

    // Each group's articles, as indexes into `articles`; only groups of two or more matter.
    let registry_slugs: FxHashSet<&str> = registry.iter().map(|e| e.slug.as_str()).collect();
    let mut position = vec![usize::MAX; articles.len()];
    for (p, &i) in order.iter().enumerate() {
        position[i] = p;
    }
    let context = Context { articles, df: &df, n, signatures: &signatures, position: &position };
    let mut found: Vec<Found> = Vec::new();
    for group in groups.iter().filter(|g| g.members.len() >= 2) {
        let members: Vec<usize> = group.members.iter().map(|&m| order[m]).collect();
        let free: Vec<usize> = members.iter().copied().filter(|&i| !tied(i)).collect();
        if free.len() < 2 {
            continue;
        }
        // Registry events win: a group whose tied articles agree on one event joins it; one
        // whose tied articles disagree is not trusted at all.
        let tied_events: Vec<&str> = members
            .iter()
            .filter(|&&i| tied(i))
            .map(|&i| articles[i].0.events.iter().chain(&articles[i].1.events).map(String::as_str).collect::<Vec<_>>())
            .map(|events| if events.len() == 1 { events[0] } else { "" })
            .collect();
        let join = match tied_events.first() {
            None => None,
            Some(first) if !first.is_empty() && tied_events.iter().all(|e| e == first) => Some(first.to_string()),
            Some(_) => continue,
        };
        found.push(Found { articles: free, join });
    }

    // Slugs from each group's earliest article; then the editors' decisions.
    let mut named: Vec<(String, Found)> = found.into_iter().map(|f| (context.slug(&f.articles), f)).collect();
    dedupe_slugs(&mut named, articles);
    let mut used: FxHashSet<String> = FxHashSet::default();
    let mut split_off = Vec::new();
    for (slug, found) in &mut named {
        let Some(decision) = decisions.events.get(slug.as_str()) else { continue };
        used.insert(slug.clone());
        let leaves = |i: &usize, list: &[String]| list.iter().any(|s| *s == articles[*i].0.slug);
        if !decision.split.is_empty() {
            let (gone, kept): (Vec<usize>, Vec<usize>) =
                found.articles.iter().partition(|i| leaves(i, &decision.split));
            found.articles = kept;
            if gone.len() >= 2 {
                split_off.push(Found { articles: gone, join: None });
            }
        }
        found.articles.retain(|i| !leaves(i, &decision.remove));
    }
    for found in split_off {
        let slug = context.slug(&found.articles);
        if decisions.events.contains_key(&slug) {
            used.insert(slug.clone());
        }
        named.push((slug, found));
    }
    dedupe_slugs(&mut named, articles);
    // Merges, followed to their end (a merge into an event merged in turn goes on to its target).
    let target_of = |slug: &str| decisions.events.get(slug).and_then(|d| d.merge_into.clone());
    let mut merged: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let slugs: FxHashSet<String> = named.iter().map(|(s, _)| s.clone()).collect();
    for (slug, found) in &mut named {
        let mut target = target_of(slug);
        let mut steps = 0;
        while let Some(next) = target.as_deref().and_then(target_of)
            && steps < 16
        {
            target = Some(next);
            steps += 1;
        }
        let Some(target) = target.filter(|t| t != slug) else { continue };
        if !slugs.contains(&target) && !registry_slugs.contains(target.as_str()) {
            discovery.warnings.push(Warning {
                location: DECISIONS_FILE.to_string(),
                message: format!("`{slug}` is to merge into `{target}`, which is no discovered or registry event"),
            });
            continue;
        }
        merged.entry(target).or_default().append(&mut found.articles);
    }
    for (slug, found) in &mut named {
        if let Some(mut more) = merged.remove(slug.as_str()) {
            found.articles.append(&mut more);
        }
    }
    for (target, list) in merged {
        named.push((target.clone(), Found { articles: list, join: Some(target) }));
    }

    for (slug, found) in named {
        let decision = decisions.events.get(&slug);
        if decision.is_some_and(|d| d.suppress) {
            continue;
        }
        let mut list = found.articles;
        list.sort_by(|&a, &b| {
            articles[a].0.date.cmp(&articles[b].0.date).then(articles[a].0.slug.cmp(&articles[b].0.slug))
        });
        list.dedup();
        // A registry event of the same slug is this event promoted: it takes the articles.
        let join = found.join.or_else(|| registry_slugs.contains(slug.as_str()).then(|| slug.clone()));
        let join = join.or_else(|| context.matching_registry_event(&list, registry));
        if let Some(event) = join {
            if list.is_empty() {
                continue;
            }
            for &i in &list {
                discovery.members.entry(articles[i].0.slug.clone()).or_default().push(event.clone());
            }
            continue;
        }
        if list.len() < 2 {
            continue;
        }
        let event = context.event(slug, &list, decision);
        for article in &event.articles {
            discovery.members.entry(article.clone()).or_default().push(event.slug.clone());
        }
        discovery.events.push(event);
    }
    for events in discovery.members.values_mut() {
        events.sort();
        events.dedup();
    }
    discovery.events.sort_by(|a, b| a.slug.cmp(&b.slug));
    warn_unused(&mut discovery, decisions, &used);
    discovery
}

/// A group on its way to being an event: articles not tied to a registry event (indexes into
/// the articles), and the registry event it joins, if it does.
struct Found {
    articles: Vec<usize>,
    join: Option<String>,
}

fn warn_unused(discovery: &mut Discovery, decisions: &Decisions, used: &FxHashSet<String>) {
    for slug in decisions.events.keys().filter(|s| !used.contains(s.as_str())) {
        discovery.warnings.push(Warning {
            location: DECISIONS_FILE.to_string(),
            message: format!("no discovered event has the slug `{slug}`: its decision is not used"),
        });
    }
}

/// Two groups whose earliest articles have titles that make the same slug: the later one by
/// article slug gets a hash of its earliest article's slug after it.
fn dedupe_slugs(named: &mut [(String, Found)], articles: &[(&Article, &Annotations)]) {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let mut clashes = Vec::new();
    for (i, (slug, _)) in named.iter().enumerate() {
        if let Some(&first) = seen.get(slug) {
            clashes.push(first);
            clashes.push(i);
        } else {
            seen.insert(slug.clone(), i);
        }
    }
    clashes.sort_unstable();
    clashes.dedup();
    for i in clashes {
        let (slug, found) = &mut named[i];
        if let Some(&first) = found.articles.iter().min_by(|&&a, &&b| {
            articles[a].0.date.cmp(&articles[b].0.date).then(articles[a].0.slug.cmp(&articles[b].0.slug))
        }) {
            *slug = format!("{slug}-{:06x}", fnv1a(articles[first].0.slug.as_bytes()) as u32 & 0xff_ffff);
        }
    }
}

/// The day an article reports, when it has a date worth grouping by (not a file's time).
fn day(article: &Article) -> Option<i64> {
    match article.date_source {
        DateSource::FileModified | DateSource::None => None,
        _ => article.date.map(|d| d.days_since_epoch()),
    }
}

/// Opinion and analysis report no one happening: marked so by their title, tags or source.
fn is_opinion(article: &Article) -> bool {
    const MARKS: [&str; 11] = [
        "opinion",
        "analysis",
        "commentary",
        "column",
        "editorial",
        "op-ed",
        "letter",
        "letters",
        "review",
        "perspective",
        "essay",
    ];
    let title = article.title.to_lowercase();
    let head = title.split([':', '|']).next().unwrap_or("").trim();
    let marked_title = title.contains([':', '|']) && MARKS.contains(&head);
    let marked = |text: &str| MARKS.iter().any(|m| text.to_lowercase() == *m);
    marked_title
        || article.tags.iter().any(|t| marked(t))
        || article.source.as_deref().is_some_and(|s| s.to_lowercase().contains("opinion"))
        || article.url.as_deref().is_some_and(|u| u.contains("/opinion"))
}

/// Words that say nothing about which happening an article reports.
const STOPWORDS: &[&str] = &[
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
fn key(kind: u8, text: &str) -> u64 {
    // FNV-1a, as `slug::fnv1a`, over the kind byte and then the text, without a copy.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&kind).chain(text.as_bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A word as a term: lowercased, without a possessive, a plural cut back; None for short
/// words, numbers and stopwords.
fn word_term(word: &str) -> Option<String> {
    let mut term = String::new();
    word_term_into(word, &mut term).then_some(term)
}

/// `word_term` into a buffer the caller reuses: no allocation per word.
fn word_term_into(word: &str, term: &mut String) -> bool {
    static STOP: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let word = word.trim_matches(|c| c == '\'' || c == '’');
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    if word.len() < 3 || word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    term.clear();
    if word.is_ascii() {
        term.push_str(word);
        term.make_ascii_lowercase();
    } else {
        term.extend(word.chars().flat_map(char::to_lowercase));
    }
    let stop = STOP.get_or_init(|| STOPWORDS.iter().copied().collect());
    if term.contains(['\'', '’']) || stop.contains(term.as_str()) {
        return false;
    }
    if term.len() > 5 && term.ends_with("ies") {
        term.truncate(term.len() - 3);
        term.push('y');
    } else if term.len() > 4 && term.ends_with('s') && !term.ends_with("ss") && !term.ends_with("us") {
        term.pop();
    }
    true
}

/// An article's terms with their counts: words of the title (counted thrice) and of the
/// lead, and the people (by surname), organisations and places it names.
fn term_counts(article: &Article, annotations: &Annotations) -> Vec<(u64, f32)> {
    let mut counts: FxHashMap<u64, f32> = FxHashMap::default();
    let mut term = String::new();
    let mut count_words = |text: &str, weight: f32| {
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            if word_term_into(word, &mut term) {
                *counts.entry(key(b'w', &term)).or_default() += weight;
            }
        }
    };
    count_words(&article.title, 3.0);
    let mut end = article.body.len().min(LEAD_BYTES);
    while !article.body.is_char_boundary(end) {
        end -= 1;
    }
    count_words(&article.body[..end], 1.0);
    let mut mentions = vec![0usize; annotations.entities.len()];
    for mention in &annotations.mentions {
        if let Some(count) = mentions.get_mut(mention.entity) {
            *count += 1;
        }
    }
    for (entity, &count) in annotations.entities.iter().zip(&mentions) {
        let name = entity.name.trim().to_lowercase();
        let term = match entity.kind {
            EntityKind::Person => key(b'p', name.rsplit(' ').next().unwrap_or(&name)),
            EntityKind::Organisation => key(b'o', &name),
            EntityKind::Place => key(b'l', &name),
        };
        *counts.entry(term).or_default() += count.max(1) as f32;
    }
    let mut terms: Vec<(u64, f32)> = counts.into_iter().collect();
    terms.sort_unstable_by_key(|&(term, _)| term);
    terms
}

/// The strongest terms by TF-IDF, as a unit vector sorted by weight, strongest first. Terms
/// in one article only cannot link it to another, and terms in most articles link it to
/// all: both are left out.
fn signature(terms: Vec<(u64, f32)>, df: &FxHashMap<u64, u32>, n: f32) -> Vec<(u64, f32)> {
    let mut weighted: Vec<(u64, f32)> = terms
        .into_iter()
        .filter_map(|(term, count)| {
            let df = *df.get(&term)? as f32;
            (df >= 2.0 && df <= (n * MAX_SHARE).max(2.0)).then(|| (term, (1.0 + count.ln()) * (n / df).ln()))
        })
        .collect();
    weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted.truncate(SIGNATURE_TERMS);
    let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        weighted.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    weighted
}

/// A group as the single pass builds it: positions in the date order.
struct Group {
    members: Vec<usize>,
    /// The members' signatures summed, and that vector's squared length.
    centroid: FxHashMap<u64, f32>,
    norm2: f32,
    first: i64,
    last: i64,
}

impl Group {
    fn add(&mut self, member: usize, signature: &[(u64, f32)], day: i64) {
        self.members.push(member);
        for &(term, w) in signature {
            let c = self.centroid.entry(term).or_default();
            self.norm2 += 2.0 * *c * w + w * w;
            *c += w;
        }
        self.last = self.last.max(day);
    }

    fn cosine(&self, signature: &[(u64, f32)]) -> f32 {
        let dot: f32 = signature.iter().filter_map(|(term, w)| self.centroid.get(term).map(|c| c * w)).sum();
        if self.norm2 > 0.0 { dot / self.norm2.sqrt() } else { 0.0 }
    }
}

/// The single pass: articles in date order, each into the closest open group or a new one.
fn cluster(signatures: &[Vec<(u64, f32)>], days: &[i64], opinion: &[bool]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // Term → (day, group) for every member that has it, in date order.
    let mut postings: FxHashMap<u64, Vec<(i64, u32)>> = FxHashMap::default();
    let mut candidates: Vec<(u32, f32)> = Vec::new();
    let mut partial: FxHashMap<u32, f32> = FxHashMap::default();
    for (position, signature) in signatures.iter().enumerate() {
        if opinion[position] || signature.is_empty() {
            continue;
        }
        let day = days[position];
        // Groups that share the article's strongest terms, scored by the weight they share;
        // only the best few are compared in full.
        partial.clear();
        for (term, w) in signature.iter().take(BLOCKING_TERMS) {
            let Some(list) = postings.get(term) else { continue };
            let mut last = u32::MAX;
            for &(when, group) in list.iter().rev().take(POSTINGS_READ) {
                if when < day - SPAN_DAYS {
                    break;
                }
                if group != last {
                    *partial.entry(group).or_default() += w;
                    last = group;
                }
            }
        }
        candidates.clear();
        candidates.extend(partial.iter().map(|(&g, &w)| (g, w)));
        candidates.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(CANDIDATES);
        let best = candidates
            .iter()
            .map(|&(g, _)| (g, &groups[g as usize]))
            .filter(|(_, g)| day - g.first <= SPAN_DAYS && day - g.last <= GAP_DAYS)
            .map(|(i, g)| (i, g.cosine(signature)))
            .filter(|&(_, sim)| sim >= JOIN)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let group = match best {
            Some((g, _)) => g,
            None => {
                groups.push(Group {
                    members: Vec::new(),
                    centroid: FxHashMap::default(),
                    norm2: 0.0,
                    first: day,
                    last: day,
                });
                (groups.len() - 1) as u32
            }
        };
        groups[group as usize].add(position, signature, day);
        for (term, _) in signature {
            let list = postings.entry(*term).or_default();
            if list.last() != Some(&(day, group)) {
                list.push((day, group));
            }
        }
    }
    groups
}

/// What naming and describing a group needs.
struct Context<'a> {
    articles: &'a [(&'a Article, &'a Annotations)],
    df: &'a FxHashMap<u64, u32>,
    n: f32,
    /// Signatures by position in the date order; `position[i]` is article i's.
    signatures: &'a [Vec<(u64, f32)>],
    position: &'a [usize],
}

impl Context<'_> {
    fn earliest(&self, list: &[usize]) -> usize {
        let article = |i: usize| self.articles[i].0;
        *list
            .iter()
            .min_by(|&&a, &&b| article(a).date.cmp(&article(b).date).then(article(a).slug.cmp(&article(b).slug)))
            .expect("a group has articles")
    }

    /// The date of the group's earliest article and the first words of its title: what
    /// stays when later articles join.
    fn slug(&self, list: &[usize]) -> String {
        let first = self.articles[self.earliest(list)].0;
        let words: Vec<String> = first
            .title
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| word_term(w).is_some())
            .take(SLUG_WORDS)
            .map(str::to_string)
            .collect();
        let date = first.date.map(|d| d.to_string()).unwrap_or_default();
        slugify_or_hash(&format!("{date} {}", words.join(" ")), "event")
    }

    /// A registry event of the same days (a day's grace either side), place and at least one
    /// participant as the group's articles.
    fn matching_registry_event(&self, list: &[usize], registry: &[Event]) -> Option<String> {
        let (first, last) = self.days(list);
        let place = self.place(list);
        let people: Vec<String> = self.participants(list).iter().map(|p| slugify_or_hash(p, "person")).collect();
        let matches: Vec<&Event> = registry
            .iter()
            .filter(|e| {
                let Some(start) = e.start.map(|d| d.days_since_epoch()) else { return false };
                let end = e.end.map_or(start, |d| d.days_since_epoch());
                if !(first <= end + GAP_DAYS && last >= start - 1) {
                    return false;
                }
                let same_place = match (&e.place, &place) {
                    (Some(a), Some(b)) => {
                        a.to_lowercase().contains(&b.to_lowercase()) || b.to_lowercase().contains(&a.to_lowercase())
                    }
                    _ => false,
                };
                let shared = || e.participants.iter().any(|p| people.contains(&slugify_or_hash(p, "person")));
                same_place && shared()
            })
            .collect();
        match matches.as_slice() {
            [one] => Some(one.slug.clone()),
            _ => None,
        }
    }

    fn days(&self, list: &[usize]) -> (i64, i64) {
        let days = list.iter().filter_map(|&i| day(self.articles[i].0));
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for d in days {
            first = first.min(d);
            last = last.max(d);
        }
        (first, last)
    }

    /// The place most of the articles name, unless it is named across the whole site.
    fn place(&self, list: &[usize]) -> Option<String> {
        let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for &i in list {
            let mut seen = FxHashSet::default();
            for entity in self.articles[i].1.entities.iter().filter(|e| e.kind == EntityKind::Place) {
                let lower = entity.name.trim().to_lowercase();
                if seen.insert(lower.clone()) {
                    counts.entry(lower).or_insert((0, entity.name.trim().to_string())).0 += 1;
                }
            }
        }
        let common = |lower: &str| self.df.get(&key(b'l', lower)).is_none_or(|&df| df as f32 > self.n * MAX_SHARE);
        counts
            .into_iter()
            .filter(|(lower, (count, _))| *count * 2 >= list.len().max(2) && !common(lower))
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))
            .map(|(_, (_, name))| name)
    }

    /// The people named in at least half of the articles (and two), by full name: a surname
    /// said alone counts for the full name the same article gives.
    fn participants(&self, list: &[usize]) -> Vec<String> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for &i in list {
            let entities = &self.articles[i].1.entities;
            let full: Vec<&str> = entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person && e.name.trim().contains(' '))
                .map(|e| e.name.trim())
                .collect();
            let mut names: Vec<&str> = Vec::new();
            for entity in entities.iter().filter(|e| e.kind == EntityKind::Person) {
                let name = entity.name.trim();
                let name = if name.contains(' ') {
                    Some(name)
                } else {
                    let ends = |f: &&str| f.rsplit(' ').next() == Some(name);
                    match full.iter().copied().filter(ends).collect::<Vec<_>>().as_slice() {
                        [one] => Some(*one),
                        _ => None,
                    }
                };
                if let Some(name) = name.filter(|n| !names.contains(n)) {
                    names.push(name);
                }
            }
            for name in names {
                *counts.entry(name.to_string()).or_default() += 1;
            }
        }
        let mut people: Vec<(String, usize)> =
            counts.into_iter().filter(|(_, count)| *count >= 2 && *count * 2 >= list.len()).collect();
        people.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        people.into_iter().take(MAX_PARTICIPANTS).map(|(name, _)| name).collect()
    }

    /// The headline of the article closest to the whole group: the one that best says what
    /// the group reports.
    fn name(&self, list: &[usize]) -> String {
        let position = self.position;
        let mut centroid: FxHashMap<u64, f32> = FxHashMap::default();
        for &i in list {
            for &(term, w) in &self.signatures[position[i]] {
                *centroid.entry(term).or_default() += w;
            }
        }
        let score = |i: usize| -> f32 {
            self.signatures[position[i]].iter().filter_map(|(t, w)| centroid.get(t).map(|c| c * w)).sum()
        };
        let article = |i: usize| self.articles[i].0;
        let best = list
            .iter()
            .copied()
            .max_by(|&a, &b| {
                score(a)
                    .total_cmp(&score(b))
                    .then_with(|| article(b).date.cmp(&article(a).date))
                    .then_with(|| article(b).slug.cmp(&article(a).slug))
            })
            .expect("a group has articles");
        headline(&article(best).title)
    }

    fn event(&self, slug: String, list: &[usize], decision: Option<&Decision>) -> DiscoveredEvent {
        let (first, last) = self.days(list);
        let name = decision.and_then(|d| d.name.clone()).unwrap_or_else(|| self.name(list));
        let place = decision.and_then(|d| d.place.clone()).or_else(|| self.place(list));
        DiscoveredEvent {
            slug,
            name,
            start: Date::from_days_since_epoch(first),
            end: Date::from_days_since_epoch(last),
            place,
            participants: self.participants(list),
            summary: decision.and_then(|d| d.summary.clone()).unwrap_or_default(),
            articles: list.iter().map(|&i| self.articles[i].0.slug.clone()).collect(),
        }
    }
}

/// A headline as an event's name: without a label before a colon ("WATCH:", "The Latest:").
fn headline(title: &str) -> String {
    let title = title.trim();
    if let Some((label, rest)) = title.split_once(':') {
        let label = label.trim();
        let is_label = label.split_whitespace().count() <= 3
            && (label.chars().all(|c| !c.is_lowercase()) || label.eq_ignore_ascii_case("the latest"));
        if is_label && rest.trim().len() > 10 {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "STOPWORDS must stay sorted");
    }

    #[test]
    fn words_become_terms() {
        assert_eq!(word_term("Debates").as_deref(), Some("debate"));
        assert_eq!(word_term("Clinton's").as_deref(), Some("clinton"));
        assert_eq!(word_term("policies").as_deref(), Some("policy"));
        assert_eq!(word_term("said"), None);
        assert_eq!(word_term("2016"), None);
        assert_eq!(word_term("Congress").as_deref(), Some("congress"));
    }

    #[test]
    fn headlines_lose_their_label() {
        assert_eq!(headline("WATCH: Trump and Clinton meet at Hofstra"), "Trump and Clinton meet at Hofstra");
        assert_eq!(headline("The Latest: Clinton wins the debate, poll says"), "Clinton wins the debate, poll says");
        assert_eq!(headline("Clinton: the debate was a success"), "Clinton: the debate was a success");
    }
}
