//! The data each template sees, as serde structs: the template context documented in
//! docs/templates.md. Every key is always present (null or empty when absent), because Tera 2 treats an
//! undefined variable as an error.

use crate::annotate::EntityKind;
use crate::index::{Changed, EntityEntry, EntityId, EventEntry, Index, QuoteEntry};
use crate::kinds::ByKind;
use rayon::prelude::*;
use serde::Serialize;
use std::sync::OnceLock;
use tera::Value;

#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub language: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageInfo {
    /// Root-relative path of the page.
    pub url: String,
    pub kind: &'static str,
    /// For `<title>`, OpenGraph and Twitter cards.
    pub title: String,
    pub description: String,
    /// The absolute URL under `base_url`, or null when the site has none.
    pub canonical: Option<String>,
    /// The root-relative path of the Atom feed that follows this page.
    pub feed: String,
    /// schema.org JSON-LD, already escaped for a `<script type="application/ld+json">`.
    pub jsonld: String,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct ArticleRef {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub source: Option<String>,
    pub summary: Option<String>,
    pub quote_count: usize,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct PersonRef {
    pub name: String,
    pub url: String,
    pub role: Option<String>,
    pub quote_count: usize,
    pub article_count: usize,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct EventRef {
    pub name: String,
    pub url: String,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub place: Option<String>,
    pub article_count: usize,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct EntityRef {
    pub name: String,
    pub url: String,
    pub kind: &'static str,
    pub article_count: usize,
    pub quote_count: usize,
}

/// A person, organisation or place named in passing (on an article or event page, among the
/// people quoted alongside someone): no counts, so that a page that names someone does not
/// change each time they are quoted somewhere else.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct EntityLink {
    pub name: String,
    /// None for a person without a page (`annotator.person_pages`): shown as plain text.
    pub url: Option<String>,
    pub kind: &'static str,
    pub role: Option<String>,
}

impl EntityLink {
    /// The url of the page this link is about, on that page: only those with a page have one
    /// planned.
    pub fn page_url(&self) -> &str {
        self.url.as_deref().expect("a subject's page is planned only when it has one")
    }
}

/// An event named in passing: an EventRef without its count, for the same reason.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct EventLink {
    pub name: String,
    pub url: String,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub place: Option<String>,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct SpeakerRef {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct QuoteRef {
    pub id: String,
    pub text: String,
    pub url: String,
    pub fragment: bool,
    pub speaker: Option<SpeakerRef>,
    pub unnamed: Option<String>,
    pub cue: Option<String>,
    /// Shared with the article's own reference: a large archive has many quotes.
    pub article: std::sync::Arc<ArticleRef>,
}

pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Place => "place",
    }
}

pub fn kind_folder(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organisation => "organisations",
        EntityKind::Place => "places",
    }
}

pub fn article_url(index: &Index, article: usize) -> String {
    format!("articles/{}.html", index.articles[article].article.slug)
}

pub fn entity_url(entry: &EntityEntry) -> String {
    format!("{}/{}.html", kind_folder(entry.kind), entry.slug)
}

pub fn event_url(entry: &EventEntry) -> String {
    format!("events/{}.html", entry.slug)
}

/// The references every page draws on, made once per build.
pub struct Refs {
    pub articles: Vec<std::sync::Arc<ArticleRef>>,
    pub people: Vec<PersonRef>,
    pub organisations: Vec<EntityRef>,
    pub places: Vec<EntityRef>,
    pub events: Vec<EventRef>,
    pub quotes: Vec<QuoteRef>,
    /// Every entity's link, by kind.
    pub links: ByKind<Vec<EntityLink>>,
    pub event_links: Vec<EventLink>,
}

impl Refs {
    pub fn new(index: &Index) -> Refs {
        let articles: Vec<std::sync::Arc<ArticleRef>> =
            (0..index.articles.len()).into_par_iter().map(|i| std::sync::Arc::new(article_ref(index, i))).collect();
        let events: Vec<EventRef> = index.events.iter().map(event_ref).collect();
        let quotes = index.quotes.par_iter().map(|q| quote_ref(index, q, &articles)).collect();
        let links = |list: &[EntityEntry]| -> Vec<EntityLink> {
            list.iter()
                .map(|e| EntityLink {
                    name: e.name.clone(),
                    url: e.page.then(|| entity_url(e)),
                    kind: kind_name(e.kind),
                    role: e.profile.as_ref().and_then(|profile| profile.role.clone()),
                })
                .collect()
        };
        let event_links = events
            .iter()
            .map(|e: &EventRef| EventLink {
                name: e.name.clone(),
                url: e.url.clone(),
                date: e.date.clone(),
                date_display: e.date_display.clone(),
                place: e.place.clone(),
            })
            .collect();
        Refs {
            links: index.entities.map(|_, list| links(list)),
            event_links,
            people: index.entities.people.iter().map(person_ref).collect(),
            organisations: index.entities.organisations.iter().map(entity_ref).collect(),
            places: index.entities.places.iter().map(entity_ref).collect(),
            events,
            quotes,
            articles,
        }
    }

    /// The link of a person, organisation or place.
    pub fn link(&self, id: EntityId) -> &EntityLink {
        &self.links[id.kind][id.index]
    }

    /// The reference of an organisation or place (a person's is a [`PersonRef`]).
    pub fn place_or_organisation(&self, id: EntityId) -> &EntityRef {
        match id.kind {
            EntityKind::Organisation => &self.organisations[id.index],
            _ => &self.places[id.index],
        }
    }

    /// Brings the references up to date after [`Index::replace_article`]: the article, its
    /// quotes and the counts of what it touched. Names, links and the order of records stay.
    pub fn patch(&mut self, index: &Index, changed: &Changed) {
        let i = changed.article;
        self.articles[i] = std::sync::Arc::new(article_ref(index, i));
        let start = changed.first_quote;
        let quotes: Vec<QuoteRef> =
            (start..start + changed.new_quotes).map(|q| quote_ref(index, &index.quotes[q], &self.articles)).collect();
        self.quotes.splice(start..start + changed.old_quotes, quotes);
        for &id in &changed.entities {
            let entry = index.entity(id);
            match id.kind {
                EntityKind::Person => self.people[id.index] = person_ref(entry),
                EntityKind::Organisation => self.organisations[id.index] = entity_ref(entry),
                EntityKind::Place => self.places[id.index] = entity_ref(entry),
            }
        }
        for &e in &changed.events {
            self.events[e] = event_ref(&index.events[e]);
        }
    }
}

fn article_ref(index: &Index, i: usize) -> ArticleRef {
    let entry = &index.articles[i];
    let a = &entry.article;
    ArticleRef {
        title: a.title.clone(),
        url: article_url(index, i),
        date: a.date.map(|d| d.to_string()),
        date_display: a.date.map(|d| d.display()),
        source: a.source.clone(),
        summary: a.summary.clone(),
        quote_count: entry.quotes.len(),
    }
}

fn person_ref(p: &EntityEntry) -> PersonRef {
    PersonRef {
        name: p.name.clone(),
        url: entity_url(p),
        role: p.profile.as_ref().and_then(|profile| profile.role.clone()),
        quote_count: p.quotes.len(),
        article_count: p.articles.len(),
    }
}

fn entity_ref(e: &EntityEntry) -> EntityRef {
    EntityRef {
        name: e.name.clone(),
        url: entity_url(e),
        kind: kind_name(e.kind),
        article_count: e.articles.len(),
        quote_count: e.quotes.len(),
    }
}

fn event_ref(e: &EventEntry) -> EventRef {
    let start = e.profile.as_ref().and_then(|p| p.start);
    EventRef {
        name: e.name.clone(),
        url: event_url(e),
        date: start.map(|d| d.to_string()),
        date_display: e.profile.as_ref().and_then(event_dates),
        place: e.profile.as_ref().and_then(|p| p.place.clone()),
        article_count: e.articles.len(),
    }
}

fn quote_ref(index: &Index, quote: &QuoteEntry, articles: &[std::sync::Arc<ArticleRef>]) -> QuoteRef {
    let article = std::sync::Arc::clone(&articles[quote.article]);
    QuoteRef {
        id: quote.anchor.clone(),
        text: quote.text.clone(),
        url: format!("{}#{}", article.url, quote.anchor),
        fragment: quote.fragment,
        speaker: quote.speaker.map(|id| {
            let entry = index.entity(id);
            SpeakerRef { name: entry.name.clone(), url: entity_url(entry) }
        }),
        unnamed: quote.unnamed.clone(),
        cue: quote.cue.clone(),
        article,
    }
}

/// "15 August 2025", or "6 – 8 August 2025" for an event over several days.
pub fn event_dates(event: &crate::content::Event) -> Option<String> {
    let start = event.start?;
    match event.end {
        Some(end) if end != start => Some(format!("{} – {}", start.display(), end.display())),
        _ => Some(start.display()),
    }
}

/// A template value from anything serde can serialise. A `tera::Value` inside it is taken
/// over as it is (a reference count), not copied.
pub fn value<T: Serialize + ?Sized>(data: &T) -> Value {
    Value::from_serializable(data)
}

/// A template map from its keys and values.
pub fn map<const N: usize>(pairs: [(&'static str, Value); N]) -> Value {
    let mut map = tera::value::Map::default();
    map.reserve(N);
    for (key, value) in pairs {
        map.insert(tera::value::Key::Str(key), value);
    }
    Value::from(map)
}

/// A template list.
pub fn list(items: impl Iterator<Item = Value>) -> Value {
    Value::from(items.collect::<Vec<Value>>())
}

/// The references as template values, each made on first use and then shared by every page
/// that shows it. A `tera::Value` is reference-counted: an article that appears on the pages
/// of the eight people it quotes, its event and a list is converted once, not ten times,
/// and a page's context is mostly clones of these. Quotes are the exception: each is shown
/// on two or three pages, and keeping all of them (52,000 at 10,000 articles) cost more
/// memory (45 MB) and time than making each again around its shared article.
pub struct Values {
    articles: Vec<OnceLock<Value>>,
    people: Vec<OnceLock<Value>>,
    events: Vec<OnceLock<Value>>,
    links: ByKind<Vec<OnceLock<Value>>>,
    event_links: Vec<OnceLock<Value>>,
}

/// A quote's template value: the QuoteRef's fields, its article the shared value.
#[derive(Serialize)]
struct QuoteValue<'a> {
    id: &'a str,
    text: &'a str,
    url: &'a str,
    fragment: bool,
    /// The speaker's shared link value (name and url, with kind and role).
    speaker: Option<Value>,
    unnamed: &'a Option<String>,
    cue: &'a Option<String>,
    article: Value,
}

fn cells(n: usize) -> Vec<OnceLock<Value>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

fn shared<T: Serialize>(cells: &[OnceLock<Value>], list: &[T], i: usize) -> Value {
    cells[i].get_or_init(|| value(&list[i])).clone()
}

impl Values {
    pub fn new(refs: &Refs) -> Values {
        Values {
            articles: cells(refs.articles.len()),
            people: cells(refs.people.len()),
            events: cells(refs.events.len()),
            links: refs.links.map(|_, list| cells(list.len())),
            event_links: cells(refs.event_links.len()),
        }
    }

    pub fn article(&self, refs: &Refs, i: usize) -> Value {
        shared(&self.articles, &refs.articles, i)
    }

    pub fn quote(&self, refs: &Refs, index: &Index, q: usize) -> Value {
        let quote = &refs.quotes[q];
        value(&QuoteValue {
            id: &quote.id,
            text: &quote.text,
            url: &quote.url,
            fragment: quote.fragment,
            speaker: index.quotes[q].speaker.map(|id| self.link(refs, id)),
            unnamed: &quote.unnamed,
            cue: &quote.cue,
            article: self.article(refs, index.quotes[q].article),
        })
    }

    pub fn person(&self, refs: &Refs, i: usize) -> Value {
        shared(&self.people, &refs.people, i)
    }

    pub fn event(&self, refs: &Refs, i: usize) -> Value {
        shared(&self.events, &refs.events, i)
    }

    pub fn link(&self, refs: &Refs, id: EntityId) -> Value {
        shared(&self.links[id.kind], &refs.links[id.kind], id.index)
    }

    pub fn event_link(&self, refs: &Refs, i: usize) -> Value {
        shared(&self.event_links, &refs.event_links, i)
    }
}
