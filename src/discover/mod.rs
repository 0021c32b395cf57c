//! Event discovery: the articles that report the same happening, grouped into events without
//! an editor writing them. A stage between annotation and the index. In: every article with
//! its annotations, the registry's events and the editors' decisions (`content/events.yaml`).
//! Out: a [`Discovery`]: the discovered events, and for each article the events it joins
//! (discovered ones, or a registry event its group matched).
//!
//! Each dated article becomes a short signature (`terms.rs`): the words of its title and first
//! paragraphs and the people, organisations and places it names, weighted by TF-IDF, the
//! strongest kept. Articles are then taken in date order, and each joins the open group whose
//! summed signature is closest among the groups begun a few days earlier, or begins a group of
//! its own (`cluster.rs`): single-pass clustering, as topic detection and tracking systems do
//! it. The groups an article can join are found through an inverted index of signature terms,
//! read only inside the window of days and only so far back: no pair of articles is compared
//! unless they share a strong term, and the work grows with the number of articles, not its
//! square.
//!
//! An article's terms depend on it alone; [`Discoverer`] keeps them, so that the preview,
//! after a save, makes only the saved article's again and then the weights and the groups,
//! which need the whole site (and give exactly what a full build gives).
//!
//! Precision comes first: opinion and analysis stay out, a group needs two articles not
//! already tied to a registry event, and a group that mixes articles of different registry
//! events is dropped. A discovered event's address is made from its earliest article's date
//! and title, so later articles joining it do not move it.

mod cluster;
mod happenings;
mod terms;

pub use terms::{ArticleTerms, Terms, terms};

use crate::annotate::{Annotations, EntityKind};
use crate::content::{Article, Date, DateSource, Event};
use crate::error::{Error, Result, Warning};
use crate::slug::{fnv1a, slugify_or_hash};
use cluster::{GAP_DAYS, cluster, join_by_happenings};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use terms::{Term, key, signature, too_common, word_term};

/// The editors' decisions about discovered events, relative to the site root.
pub const DECISIONS_FILE: &str = "content/events.yaml";

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
    run(articles, registry, decisions, None)
}

/// Discovery that keeps every article's terms from one run to the next, as the preview needs:
/// a run makes the terms of the articles it has not seen (or whose file changed) and forgets
/// those of articles gone, and gives what [`discover`] gives.
#[derive(Debug, Default)]
pub struct Discoverer {
    /// Article slug → the fingerprint of the article its terms were made from, and the terms.
    kept: FxHashMap<String, (u64, Terms)>,
    /// How many articles' terms the last run made (the others it had kept).
    made: usize,
}

impl Discoverer {
    /// [`discover`], making only the terms of new and changed articles. An article is known
    /// by its slug and `Article::fingerprint` (its file's text), and its annotations are taken
    /// to follow from it, as they do while the registry stays the same.
    pub fn discover(
        &mut self,
        articles: &[(&Article, &Annotations)],
        registry: &[Event],
        decisions: &Decisions,
    ) -> Discovery {
        self.made = 0;
        run(articles, registry, decisions, Some(self))
    }

    /// Makes and keeps the terms of `articles` that it does not have (and forgets the others),
    /// without grouping: what a preview does once its first build is done, so that its first
    /// save is as cheap as the next.
    pub fn keep(&mut self, articles: &[(&Article, &Annotations)]) {
        let order: Vec<usize> = (0..articles.len()).filter(|&i| day(articles[i].0).is_some()).collect();
        self.made = 0;
        terms_of(articles, &order, Some(self));
    }

    /// How many articles' terms the last run made rather than reused.
    pub fn made(&self) -> usize {
        self.made
    }
}

fn run(
    articles: &[(&Article, &Annotations)],
    registry: &[Event],
    decisions: &Decisions,
    discoverer: Option<&mut Discoverer>,
) -> Discovery {
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
    let counted = terms_of(articles, &order, discoverer);
    // How many articles have each term: counted by each thread over its share, then summed.
    let df: FxHashMap<Term, u32> = counted
        .par_iter()
        .fold(FxHashMap::default, |mut df: FxHashMap<Term, u32>, terms| {
            for &(term, _) in terms.counts.iter() {
                *df.entry(term).or_default() += 1;
            }
            df
        })
        .reduce(FxHashMap::default, |mut a, b| {
            let (mut a, b) = if a.len() >= b.len() { (a, b) } else { (b, std::mem::take(&mut a)) };
            for (term, count) in b {
                *a.entry(term).or_default() += count;
            }
            a
        });
    let n = order.len() as f32;
    let signatures: Vec<Vec<(Term, f32)>> = counted.par_iter().map(|terms| signature(&terms.counts, &df, n)).collect();
    let days: Vec<i64> = order.iter().map(|&i| day(articles[i].0).unwrap_or_default()).collect();
    let happenings: Vec<&[(Term, Box<str>)]> = counted.iter().map(|terms| &terms.happenings[..]).collect();
    let groups = join_by_happenings(cluster(&signatures, &days, &opinion), &happenings, &days);
    drop(happenings);

    // Each group's articles, as indexes into `articles`; only groups of two or more matter.
    let registry_slugs: FxHashSet<&str> = registry.iter().map(|e| e.slug.as_str()).collect();
    let mut position = vec![usize::MAX; articles.len()];
    for (p, &i) in order.iter().enumerate() {
        position[i] = p;
    }
    let context = Context { articles, df: &df, n, signatures: &signatures, terms: &counted, position: &position };
    let mut found: Vec<Found> = Vec::new();
    for group in groups.iter().filter(|g| g.len() >= 2) {
        let members: Vec<usize> = group.iter().map(|&m| order[m]).collect();
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

/// The terms of the articles at `order`: with a discoverer, taken from what it kept where an
/// article's file is the same and made otherwise, and it then keeps exactly these.
fn terms_of(articles: &[(&Article, &Annotations)], order: &[usize], discoverer: Option<&mut Discoverer>) -> Vec<Terms> {
    let Some(Discoverer { kept, made }) = discoverer else {
        return order.par_iter().map(|&i| terms(articles[i].0, articles[i].1)).collect();
    };
    let known = |i: usize| {
        let article = articles[i].0;
        kept.get(&article.slug).filter(|(fingerprint, _)| *fingerprint == article.fingerprint).map(|(_, t)| t.clone())
    };
    let counted: Vec<(Terms, bool)> = order
        .par_iter()
        .map(|&i| known(i).map_or_else(|| (terms(articles[i].0, articles[i].1), true), |t| (t, false)))
        .collect();
    *made = counted.iter().filter(|(_, new)| *new).count();
    let counted: Vec<Terms> = counted.into_iter().map(|(t, _)| t).collect();
    kept.clear();
    for (&i, terms) in order.iter().zip(&counted) {
        kept.insert(articles[i].0.slug.clone(), (articles[i].0.fingerprint, terms.clone()));
    }
    counted
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

/// The dateline an article opens with, in lowercase: the words in capitals before a dash, a
/// comma or a bracket ("HEMPSTEAD, N.Y. ―", "CLEVELAND, July 19 (UPI) —", "PHILADELPHIA -").
/// News gives where it was filed there, which is where the happening it reports was, more
/// often than not. The annotator may take such a word for an acronym; whether it is a place
/// is asked of the site's places.
fn dateline(article: &Article) -> Option<String> {
    const LONGEST: usize = 48;
    let body = article.body.trim_start();
    let mut chars = body.chars();
    if !(chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(|c| c.is_uppercase() || c == '.')) {
        return None;
    }
    let mut cut = body.len().min(LONGEST);
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let end = body[..cut].find([',', '(', '-', '—', '―', '–', '\n'])?;
    let head = body[..end].trim_end();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = (3..=30).contains(&letters)
        && head.split_whitespace().count() <= 3
        && head.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'');
    shaped.then(|| head.to_lowercase())
}

/// "des moines" as "Des Moines".
fn title_case(lower: &str) -> String {
    lower
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
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

/// What naming and describing a group needs.
struct Context<'a> {
    articles: &'a [(&'a Article, &'a Annotations)],
    df: &'a FxHashMap<Term, u32>,
    n: f32,
    /// Signatures by position in the date order; `position[i]` is article i's.
    signatures: &'a [Vec<(Term, f32)>],
    /// Terms by position in the date order, for the happenings the articles report.
    terms: &'a [Terms],
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

    /// Where the happening was: the place of the dateline two or more of the group's articles
    /// open with ("PHILADELPHIA —"), if most of those with one agree; else the place more than
    /// half of the articles name or give as their dateline (two at least), unless it is named
    /// across much of the site (a lone "WASHINGTON —" says where a reporter sat, not where the
    /// happening was). A name that an article of the group, or the site more often than not,
    /// takes for an organisation, or that the resolver knows to be one whatever articles take
    /// it for ("Islamic State"), is no place.
    fn place(&self, list: &[usize]) -> Option<String> {
        let df = |kind: u8, lower: &str| self.df.get(&key(kind, lower)).copied();
        // Lowercase name → how many articles name it or give it as their dateline, how many
        // give it as their dateline, and the name as an article writes it.
        let mut counts: BTreeMap<String, (usize, usize, Option<String>)> = BTreeMap::new();
        let mut organisations: FxHashSet<String> = FxHashSet::default();
        let mut datelined = 0;
        for &i in list {
            let (article, annotations) = self.articles[i];
            let mut seen = FxHashSet::default();
            if let Some(place) = dateline(article).filter(|p| df(b'l', p).is_some()) {
                datelined += 1;
                let entry = counts.entry(place.clone()).or_default();
                entry.0 += 1;
                entry.1 += 1;
                seen.insert(place);
            }
            for entity in &annotations.entities {
                let lower = entity.name.trim().to_lowercase();
                match entity.kind {
                    EntityKind::Place => {
                        let entry = counts.entry(lower.clone()).or_default();
                        entry.2.get_or_insert_with(|| entity.name.trim().to_string());
                        if seen.insert(lower) {
                            entry.0 += 1;
                        }
                    }
                    EntityKind::Organisation => {
                        organisations.insert(lower);
                    }
                    EntityKind::Person => {}
                }
            }
        }
        let written = |lower: &str, name: Option<String>| name.unwrap_or_else(|| title_case(lower));
        let common = |lower: &str| df(b'l', lower).is_none_or(|df| too_common(df as f32, self.n));
        if let Some((lower, (_, by_dateline, name))) = counts.iter().max_by(|a, b| a.1.1.cmp(&b.1.1).then(b.0.cmp(a.0)))
            && *by_dateline >= 2
            && by_dateline * 2 > datelined
            && !common(lower)
        {
            return Some(written(lower, name.clone()));
        }
        let organisation = |lower: &str| {
            organisations.contains(lower)
                || df(b'o', lower).unwrap_or(0) >= df(b'l', lower).unwrap_or(0)
                || crate::resolve::known(lower).is_some_and(|(kind, _)| kind != EntityKind::Place)
        };
        counts
            .into_iter()
            .filter(|(lower, (count, _, _))| {
                *count >= 2 && *count * 2 > list.len() && !common(lower) && !organisation(lower)
            })
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))
            .map(|(lower, (_, _, name))| written(&lower, name))
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

    /// The place in the name of the happening every article of the group reports: "New York"
    /// of "the New York primary", "Iowa" of "the Iowa Republican caucuses" (the longest run of
    /// its capitalised words that the site knows as a place).
    fn happening_place(&self, list: &[usize]) -> Option<String> {
        let name = self.happening_name(list)?;
        let words: Vec<&str> = name.split_whitespace().collect();
        let mut best: Option<String> = None;
        for start in 0..words.len() {
            for end in start + 1..=words.len().min(start + 3) {
                let run = &words[start..end];
                if !run.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
                    break;
                }
                let place = run.join(" ");
                let known = self.df.contains_key(&key(b'l', &place.to_lowercase()));
                if known && best.as_ref().is_none_or(|b| b.len() < place.len()) {
                    best = Some(place);
                }
            }
        }
        best
    }

    /// The happening every article of the group reports, as they write it, where that reads
    /// as a name (a happening only some report may be one they look back on): "Democratic National Convention", "First presidential
    /// debate"; not "chief forum" (from "commander in chief forum"), nor a headline in capitals.
    fn happening_name(&self, list: &[usize]) -> Option<String> {
        let mut counts: BTreeMap<Term, (usize, Vec<&str>)> = BTreeMap::new();
        for &i in list {
            for (term, written) in self.terms[self.position[i]].happenings.iter() {
                let entry = counts.entry(*term).or_default();
                entry.0 += 1;
                entry.1.push(written);
            }
        }
        let (_, (count, written)) = counts.into_iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))?;
        if count < list.len() {
            return None;
        }
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let shouted = |w: &str| !w.chars().any(char::is_lowercase);
        let words = |w: &str| w.split_whitespace().count();
        let titled = |w: &str| w.split_whitespace().all(capitalised);
        written
            .into_iter()
            .filter(|w| !shouted(w) && (capitalised(w) || words(w) >= 3))
            .max_by(|a, b| titled(a).cmp(&titled(b)).then(words(a).cmp(&words(b))).then(b.cmp(a)))
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            })
    }

    /// The happening the group reports, named as its articles write it; else the headline of
    /// the article closest to the whole group: the one that best says what the group reports.
    fn name(&self, list: &[usize]) -> String {
        if let Some(name) = self.happening_name(list) {
            return name;
        }
        let position = self.position;
        let mut centroid: FxHashMap<Term, f32> = FxHashMap::default();
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
        let place =
            decision.and_then(|d| d.place.clone()).or_else(|| self.happening_place(list)).or_else(|| self.place(list));
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

/// A headline as an event's name: without a label before a colon ("WATCH:", "The Latest:",
/// "Breaking:"), and without the subhead after a semicolon ("Carson on defense, attacking
/// critics; Republican presidential candidate says …", the wire's way of writing both).
fn headline(title: &str) -> String {
    const LABELS: &[&str] = &["the latest", "breaking", "watch", "video", "exclusive", "update", "report"];
    let mut title = title.trim();
    if let Some((label, rest)) = title.split_once(':') {
        let label = label.trim();
        let is_label = label.split_whitespace().count() <= 3
            && (label.chars().all(|c| !c.is_lowercase()) || LABELS.iter().any(|l| label.eq_ignore_ascii_case(l)));
        if is_label && rest.trim().len() > 10 {
            title = rest.trim();
        }
    }
    if let Some((head, _)) = title.split_once("; ")
        && head.split_whitespace().count() >= 3
    {
        title = head.trim();
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::terms::STOPWORDS;
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "STOPWORDS must stay sorted");
    }

    /// Articles from their text, annotated without a registry.
    fn annotated(texts: &[(&str, &str)]) -> Vec<(Article, Annotations)> {
        let registry = crate::annotate::Registry::new(Vec::new(), Vec::new());
        texts
            .iter()
            .map(|(name, text)| {
                let rel = PathBuf::from(format!("content/articles/{name}.md"));
                let (article, _) =
                    crate::content::article_from_text(text, &rel, None, crate::annotate::TextFormat::Markdown)
                        .expect("an article");
                let annotations =
                    crate::annotate::annotate(&article.body, article.format, &registry, &article.overrides);
                (article, annotations)
            })
            .collect()
    }

    fn report(title: &str, date: &str, body: &str) -> String {
        format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n{body}\n")
    }

    #[test]
    fn the_preview_makes_only_the_saved_articles_terms_and_finds_what_a_full_run_finds() {
        let bridge = "Engineers said corrosion in the steel cables of the Helsinki harbour bridge had been reported before it collapsed into the estuary, and divers searched the wreckage.\n\n“We will find out why this bridge fell,” Mayor Lena Varga said.";
        let mut texts = vec![
            ("falls", report("Helsinki harbour bridge collapses", "2025-03-10", bridge)),
            ("divers", report("Divers search wreckage of Helsinki bridge collapse", "2025-03-11", bridge)),
            ("cup", report("Northam wins the football cup", "2025-03-10", "Northam beat Ashby in the cup final.")),
            ("frost", report("Late frost threatens blossom", "2025-03-11", "Growers lit braziers as frost settled.")),
            ("library", report("Library opens late", "2025-03-12", "The library will open until midnight.")),
        ];
        let run = |texts: &[(&str, String)], discoverer: &mut Discoverer| {
            let texts: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
            let site = annotated(&texts);
            let refs: Vec<(&Article, &Annotations)> = site.iter().map(|(a, n)| (a, n)).collect();
            let found = discoverer.discover(&refs, &[], &Decisions::default());
            assert_eq!(found, discover(&refs, &[], &Decisions::default()), "the same as a full run");
            found
        };
        let mut discoverer = Discoverer::default();
        let first = run(&texts, &mut discoverer);
        assert_eq!(discoverer.made(), 5);
        let mut primed = Discoverer::default();
        let site = annotated(&texts.iter().map(|(n, t)| (*n, t.as_str())).collect::<Vec<_>>());
        primed.keep(&site.iter().map(|(a, n)| (a, n)).collect::<Vec<_>>());
        assert_eq!((primed.made(), primed.kept.len()), (5, 5));
        assert_eq!(run(&texts, &mut primed), first);
        assert_eq!(primed.made(), 0, "kept: nothing made on the first run");
        assert_eq!(first.events.len(), 1, "{first:#?}");
        assert_eq!(first.events[0].articles, ["falls", "divers"]);

        // The same articles: nothing made again. One saved so that it leaves: one made.
        assert_eq!(run(&texts, &mut discoverer), first);
        assert_eq!(discoverer.made(), 0);
        texts[1].1 = report("Tram drivers end their strike", "2025-03-11", "Tram drivers went back to work.");
        let left = run(&texts, &mut discoverer);
        assert_eq!(discoverer.made(), 1);
        assert!(left.events.is_empty(), "{left:#?}");

        // A new article joins; a deleted one leaves the kept terms.
        texts.push(("inquiry", report("Inquiry into Helsinki bridge collapse", "2025-03-12", bridge)));
        let joined = run(&texts, &mut discoverer);
        assert_eq!(discoverer.made(), 1);
        assert_eq!(joined.events[0].articles, ["falls", "inquiry"]);
        texts.remove(0);
        run(&texts, &mut discoverer);
        assert_eq!((discoverer.made(), discoverer.kept.len()), (0, 5));
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
    fn a_named_happening_joins_reports_only_within_its_window_of_days() {
        let pact = "Ministers signed a grid pact during the Nordic Energy Summit on Monday.";
        let march = "Marchers filled the harbour, chanting, as delegates met at the Nordic Energy Summit.";
        let fillers = [
            ("cup", report("Northam wins the football cup", "2025-03-10", "Northam beat Ashby in the cup final.")),
            ("frost", report("Late frost threatens blossom", "2025-03-11", "Growers lit braziers as frost settled.")),
        ];
        for (days, joined) in [("2025-03-11", true), ("2025-03-13", true), ("2025-03-21", false)] {
            let mut texts = vec![
                ("pact", report("Five countries sign power pact", "2025-03-10", pact)),
                ("march", report("Climate marchers fill the harbour", days, march)),
            ];
            texts.extend(fillers.iter().cloned());
            let site = annotated(&texts.iter().map(|(n, t)| (*n, t.as_str())).collect::<Vec<_>>());
            let refs: Vec<(&Article, &Annotations)> = site.iter().map(|(a, n)| (a, n)).collect();
            let found = discover(&refs, &[], &Decisions::default());
            assert_eq!(found.events.len(), usize::from(joined), "{days}: {found:#?}");
            if joined {
                assert_eq!(found.events[0].name, "Nordic Energy Summit");
            }
        }
    }

    #[test]
    fn datelines_are_the_capitals_the_body_opens_with() {
        let article = |body: &str| {
            let text = report("A title", "2025-03-10", body);
            crate::content::article_from_text(
                &text,
                Path::new("content/articles/a.md"),
                None,
                crate::annotate::TextFormat::Markdown,
            )
            .expect("an article")
            .0
        };
        let rows = [
            ("HEMPSTEAD, N.Y. ― Clinton attacked.", Some("hempstead")),
            ("CLEVELAND, July 19 (UPI) — Delegates met.", Some("cleveland")),
            ("PHILADELPHIA - It was his night.", Some("philadelphia")),
            ("ST. LOUIS — Voters queued.", Some("st. louis")),
            ("Philadelphia - It was his night.", None),
            ("NEW HAMPSHIRE PRIMARY // GAME ON; What each needs.", None),
            ("US officials said so, on Monday.", None),
        ];
        for (body, want) in rows {
            assert_eq!(dateline(&article(body)).as_deref(), want, "{body}");
        }
        assert_eq!(title_case("des moines"), "Des Moines");
    }

    #[test]
    fn headlines_lose_their_label() {
        assert_eq!(headline("WATCH: Trump and Clinton meet at Hofstra"), "Trump and Clinton meet at Hofstra");
        assert_eq!(headline("The Latest: Clinton wins the debate, poll says"), "Clinton wins the debate, poll says");
        assert_eq!(headline("Clinton: the debate was a success"), "Clinton: the debate was a success");
        assert_eq!(headline("Breaking: Trump Campaign Makes an Announcement"), "Trump Campaign Makes an Announcement");
        assert_eq!(
            headline("Carson on defense, attacking critics; Republican candidate says scrutiny is unfair"),
            "Carson on defense, attacking critics"
        );
        assert_eq!(headline("Derelict Obama and Clinton; Trump will go on offense"), "Derelict Obama and Clinton");
        assert_eq!(headline("Ryan; a profile"), "Ryan; a profile");
    }
}
