//! All articles and their annotations → [`Index`]: the cross-references a briefing site is
//! made of (people ⇄ quotes ⇄ articles ⇄ events, organisations, places). Entities found
//! separately in each article are merged here into one per real-world thing: a registry
//! person by id, anyone else by name, and a surname said alone ("Trump") to the one full
//! name in the archive that ends with it.

use crate::annotate::{Annotations, EntityKind, Speaker};
use crate::config::AnnotatorConfig;
use crate::content::{Article, Content, Date, Event, Person};
use crate::slug::slugify_or_hash;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A person, organisation or place of the whole site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId {
    pub kind: EntityKind,
    /// Index into the list of that kind.
    pub index: usize,
}

#[derive(Debug, Clone)]
pub struct QuoteEntry {
    /// Anchor in the article page: `q-1`, `q-2`, … in text order.
    pub anchor: String,
    pub article: usize,
    pub text: String,
    pub span: crate::annotate::Span,
    pub speaker: Option<EntityId>,
    /// An unnamed source as the article words it ("a senior official").
    pub unnamed: Option<String>,
    pub cue: Option<String>,
    pub fragment: bool,
}

#[derive(Debug, Clone)]
pub struct ArticleEntry {
    pub article: Article,
    /// Indexes into [`Index::quotes`], in text order.
    pub quotes: Vec<usize>,
    /// Each article entity, by its index in the article's annotations, as a site entity.
    pub entities: Vec<Option<EntityId>>,
    pub annotations: Annotations,
    /// Site entities named in the article, by kind, in order of first mention.
    pub people: Vec<usize>,
    pub organisations: Vec<usize>,
    pub places: Vec<usize>,
    pub events: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct EntityEntry {
    pub slug: String,
    pub name: String,
    pub kind: EntityKind,
    /// The profile in `content/people/`, for people who have one.
    pub profile: Option<Person>,
    /// Articles that name the entity or quote it, newest first.
    pub articles: Vec<usize>,
    /// Quotes the entity said, newest article first, then text order.
    pub quotes: Vec<usize>,
    /// People quoted in the same articles, with the number of such articles, most first.
    pub quoted_with: Vec<(usize, usize)>,
    pub events: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct EventEntry {
    pub slug: String,
    pub name: String,
    pub profile: Option<Event>,
    /// Articles in time order, oldest first.
    pub articles: Vec<usize>,
    /// Quotes in time order.
    pub quotes: Vec<usize>,
    /// People who spoke in the event's articles, with their number of quotes, most first.
    pub speakers: Vec<(usize, usize)>,
    pub participants: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Newest first; ties by slug.
    pub articles: Vec<ArticleEntry>,
    pub people: Vec<EntityEntry>,
    pub organisations: Vec<EntityEntry>,
    pub places: Vec<EntityEntry>,
    pub events: Vec<EventEntry>,
    pub quotes: Vec<QuoteEntry>,
}

impl Index {
    pub fn entities(&self, kind: EntityKind) -> &[EntityEntry] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Organisation => &self.organisations,
            EntityKind::Place => &self.places,
        }
    }

    pub fn entity(&self, id: EntityId) -> &EntityEntry {
        &self.entities(id.kind)[id.index]
    }

    pub fn article_date(&self, article: usize) -> Option<Date> {
        self.articles[article].article.date
    }
}

/// Builds the index. `annotated` pairs each article with its annotations.
///
/// Two passes: what each article's entities and quotes are can be worked out from the
/// article alone and the profiles (in parallel); merging them into site-wide entities, in
/// article order, is then a sequence of map look-ups.
pub fn build(content: Content, annotated: Vec<(Article, Annotations)>, options: &AnnotatorConfig) -> Index {
    let mut builder = Builder::new(&content);
    let mut annotated = annotated;
    // Newest first, then by slug: the order of every list derived from articles.
    annotated.par_sort_by(|(a, _), (b, _)| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    let surnames = builder.unique_surnames(&annotated);
    let resolved: Vec<Resolved> =
        annotated.par_iter().map(|(_, annotations)| builder.resolve(annotations, &surnames, options)).collect();
    for (article_index, ((article, annotations), resolved)) in annotated.into_iter().zip(resolved).enumerate() {
        builder.add_article(article_index, article, annotations, resolved);
    }
    builder.finish()
}

/// One article's entities and quotes as far as they can be known without the other articles.
struct Resolved {
    /// Each entity of the article's annotations, in their order.
    entities: Vec<Identity>,
    /// The quotes long enough to keep, in text order, with the speaker as an index into the
    /// article's entities (`speaker` is left None until the merge).
    quotes: Vec<(QuoteEntry, Option<usize>)>,
    /// The article's entities by first mention, then those never mentioned.
    ordered: Vec<usize>,
}

/// What an article's entity is, before it is merged into the site's entities.
enum Identity {
    /// A person with a profile, by index.
    Profiled(usize),
    /// A person found in the text, by full name; `profiled` is the profile the full name or
    /// alias names, if any.
    Person { name: String, slug: String, profiled: Option<usize> },
    /// An organisation or place.
    Other { name: String, slug: String },
    /// A person not kept (`people_from_text: false`).
    Dropped,
}

struct Builder {
    people: Vec<EntityEntry>,
    organisations: Vec<EntityEntry>,
    places: Vec<EntityEntry>,
    /// Slug → index, per kind (in [`EntityKind`] order).
    by_slug: [HashMap<String, usize>; 3],
    /// Lowercased name or alias of a profiled person → person index.
    by_name: HashMap<String, usize>,
    events: Vec<EventEntry>,
    event_by_slug: HashMap<String, usize>,
    event_by_name: HashMap<String, usize>,
    articles: Vec<ArticleEntry>,
    quotes: Vec<QuoteEntry>,
}

fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organisation => 1,
        EntityKind::Place => 2,
    }
}

impl Builder {
    fn new(content: &Content) -> Builder {
        let mut builder = Builder {
            people: Vec::new(),
            organisations: Vec::new(),
            places: Vec::new(),
            by_slug: Default::default(),
            by_name: HashMap::new(),
            events: Vec::new(),
            event_by_slug: HashMap::new(),
            event_by_name: HashMap::new(),
            articles: Vec::new(),
            quotes: Vec::new(),
        };
        for person in &content.people {
            let index = builder.add_entity(EntityKind::Person, &person.slug, &person.name);
            builder.people[index].profile = Some(person.clone());
            for name in person.aliases.iter().chain([&person.name]) {
                builder.by_name.insert(name.trim().to_lowercase(), index);
            }
        }
        for event in &content.events {
            let index = builder.add_event(&event.slug, &event.name);
            builder.events[index].profile = Some(event.clone());
            for name in event.aliases.iter().chain([&event.name]) {
                builder.event_by_name.insert(name.trim().to_lowercase(), index);
            }
        }
        for event_index in 0..builder.events.len() {
            let participants = builder.events[event_index].profile.as_ref().map(|e| e.participants.clone());
            for participant in participants.unwrap_or_default() {
                let person = builder.person_for_name(&participant);
                push_unique(&mut builder.events[event_index].participants, person);
                push_unique(&mut builder.people[person].events, event_index);
            }
        }
        builder
    }

    fn list(&mut self, kind: EntityKind) -> &mut Vec<EntityEntry> {
        match kind {
            EntityKind::Person => &mut self.people,
            EntityKind::Organisation => &mut self.organisations,
            EntityKind::Place => &mut self.places,
        }
    }

    fn add_entity(&mut self, kind: EntityKind, slug: &str, name: &str) -> usize {
        if let Some(&index) = self.by_slug[kind_slot(kind)].get(slug) {
            return index;
        }
        let list = self.list(kind);
        list.push(EntityEntry {
            slug: slug.to_string(),
            name: name.to_string(),
            kind,
            profile: None,
            articles: Vec::new(),
            quotes: Vec::new(),
            quoted_with: Vec::new(),
            events: Vec::new(),
        });
        let index = list.len() - 1;
        self.by_slug[kind_slot(kind)].insert(slug.to_string(), index);
        index
    }

    fn add_event(&mut self, slug: &str, name: &str) -> usize {
        if let Some(&index) = self.event_by_slug.get(slug) {
            return index;
        }
        self.events.push(EventEntry {
            slug: slug.to_string(),
            name: name.to_string(),
            profile: None,
            articles: Vec::new(),
            quotes: Vec::new(),
            speakers: Vec::new(),
            participants: Vec::new(),
        });
        self.event_by_slug.insert(slug.to_string(), self.events.len() - 1);
        self.events.len() - 1
    }

    /// A person named by slug, name or alias: the profiled person, else one made for the name.
    fn person_for_name(&mut self, name: &str) -> usize {
        if let Some(&index) = self.by_slug[kind_slot(EntityKind::Person)].get(name) {
            return index;
        }
        if let Some(&index) = self.by_name.get(&name.trim().to_lowercase()) {
            return index;
        }
        let slug = slugify_or_hash(name, "person");
        self.add_entity(EntityKind::Person, &slug, name.trim())
    }

    /// Surnames that stand for exactly one full name across the archive ("Zelensky" for
    /// "Volodymyr Zelensky"), so that a surname said alone joins that person.
    fn unique_surnames(&self, annotated: &[(Article, Annotations)]) -> HashMap<String, String> {
        // Surname → its one full name, or None once a second one turns up.
        let mut full_names: HashMap<String, Option<&str>> = HashMap::new();
        let from_text = annotated
            .iter()
            .flat_map(|(_, annotations)| &annotations.entities)
            .filter(|e| e.kind == EntityKind::Person && e.registry_id.is_none())
            .map(|e| e.name.as_str());
        for name in self.people.iter().map(|p| p.name.as_str()).chain(from_text) {
            let mut words = name.split_whitespace();
            let (Some(_), Some(surname)) = (words.next(), words.next_back()) else { continue };
            let surname = surname.to_lowercase();
            match full_names.get_mut(&surname) {
                Some(entry) => {
                    if entry.is_some_and(|n| n != name) {
                        *entry = None;
                    }
                }
                None => {
                    full_names.insert(surname, Some(name));
                }
            }
        }
        full_names.into_iter().filter_map(|(surname, name)| name.map(|n| (surname, n.to_string()))).collect()
    }

    /// The first pass over one article: reads the builder, changes nothing.
    fn resolve(
        &self,
        annotations: &Annotations,
        surnames: &HashMap<String, String>,
        options: &AnnotatorConfig,
    ) -> Resolved {
        let people = &self.by_slug[kind_slot(EntityKind::Person)];
        let entities: Vec<Identity> = annotations
            .entities
            .iter()
            .map(|entity| {
                let name = entity.name.trim();
                match entity.kind {
                    EntityKind::Person => {
                        let known = entity
                            .registry_id
                            .as_ref()
                            .and_then(|id| people.get(id.as_str()).copied())
                            .or_else(|| self.by_name.get(&name.to_lowercase()).copied());
                        match known {
                            Some(index) => Identity::Profiled(index),
                            None if !options.people_from_text => Identity::Dropped,
                            None => {
                                let single = !name.contains(char::is_whitespace);
                                let full = single
                                    .then(|| surnames.get(&name.to_lowercase()))
                                    .flatten()
                                    .cloned()
                                    .unwrap_or_else(|| name.to_string());
                                let profiled = self.by_name.get(&full.trim().to_lowercase()).copied();
                                let slug = slugify_or_hash(&full, "person");
                                Identity::Person { name: full, slug, profiled }
                            }
                        }
                    }
                    _ => Identity::Other { name: name.to_string(), slug: slugify_or_hash(&entity.name, "entity") },
                }
            })
            .collect();

        let mut sorted_quotes: Vec<_> = annotations.quotes.iter().collect();
        sorted_quotes.sort_by_key(|q| q.span);
        let mut quotes = Vec::new();
        for quote in sorted_quotes {
            if quote.text.split_whitespace().count() < options.min_quote_words {
                continue;
            }
            let (entity, unnamed) = match &quote.speaker {
                Some(Speaker::Entity { entity }) => match entities.get(*entity) {
                    Some(Identity::Dropped) | None => (None, annotations.entities.get(*entity).map(|e| e.name.clone())),
                    Some(_) => (Some(*entity), None),
                },
                Some(Speaker::Unnamed { description }) => (None, Some(description.clone())),
                None => (None, None),
            };
            let entry = QuoteEntry {
                anchor: format!("q-{}", quotes.len() + 1),
                article: 0,
                text: quote.text.clone(),
                span: quote.span,
                speaker: None,
                unnamed,
                cue: quote.cue.clone(),
                fragment: quote.fragment,
            };
            quotes.push((entry, entity));
        }

        let mut seen = vec![false; entities.len()];
        let mut ordered = Vec::new();
        let mentioned = annotations.mentions.iter().map(|m| m.entity);
        for entity in mentioned.chain(0..entities.len()) {
            if entity < seen.len() && !seen[entity] {
                seen[entity] = true;
                ordered.push(entity);
            }
        }
        Resolved { entities, quotes, ordered }
    }

    /// The second pass: merges one article, in article order, into the site's entities.
    fn add_article(&mut self, article_index: usize, article: Article, annotations: Annotations, resolved: Resolved) {
        let mut entities = Vec::with_capacity(resolved.entities.len());
        for (identity, entity) in resolved.entities.into_iter().zip(&annotations.entities) {
            let index = match identity {
                Identity::Profiled(index) => Some(index),
                Identity::Person { name, slug, profiled } => {
                    // As `person_for_name`, with the slug and the profile look-up done already.
                    let by_slug = self.by_slug[kind_slot(EntityKind::Person)].get(name.as_str()).copied();
                    Some(
                        by_slug.or(profiled).unwrap_or_else(|| self.add_entity(EntityKind::Person, &slug, name.trim())),
                    )
                }
                Identity::Other { name, slug } => Some(self.add_entity(entity.kind, &slug, &name)),
                Identity::Dropped => None,
            };
            entities.push(index.map(|index| EntityId { kind: entity.kind, index }));
        }

        // Quotes, in text order.
        let mut quote_ids = Vec::with_capacity(resolved.quotes.len());
        for (mut quote, speaker) in resolved.quotes {
            quote.article = article_index;
            quote.speaker = speaker.and_then(|e| entities[e]);
            self.quotes.push(quote);
            quote_ids.push(self.quotes.len() - 1);
        }

        // Entities in order of first mention, then those only in the entity list, then the
        // speakers (one site entity may stand for several of the article's).
        let mut ordered: Vec<EntityId> = Vec::new();
        for id in resolved.ordered.iter().filter_map(|&e| entities[e]) {
            push_unique(&mut ordered, id);
        }
        for &q in &quote_ids {
            if let Some(id) = self.quotes[q].speaker {
                push_unique(&mut ordered, id);
            }
        }
        let (mut people, mut organisations, mut places) = (Vec::new(), Vec::new(), Vec::new());
        for id in &ordered {
            match id.kind {
                EntityKind::Person => people.push(id.index),
                EntityKind::Organisation => organisations.push(id.index),
                EntityKind::Place => places.push(id.index),
            }
            // Articles arrive in order, so a repeat can only be the last one: no linear scan.
            let articles = &mut self.list(id.kind)[id.index].articles;
            if articles.last() != Some(&article_index) {
                articles.push(article_index);
            }
        }
        for &q in &quote_ids {
            if let Some(id) = self.quotes[q].speaker {
                self.list(id.kind)[id.index].quotes.push(q);
            }
        }

        // Events: the front matter's, then the ones the text names.
        let mut events = Vec::new();
        for slug in article.events.iter().chain(annotations.events.iter()) {
            let index = match self.event_by_slug.get(slug) {
                Some(&i) => i,
                None => match self.event_by_name.get(&slug.to_lowercase()) {
                    Some(&i) => i,
                    None => self.add_event(slug, &title_case(slug)),
                },
            };
            push_unique(&mut events, index);
        }
        for &event in &events {
            self.events[event].articles.push(article_index);
            self.events[event].quotes.extend(&quote_ids);
            for &person in &people {
                push_unique(&mut self.people[person].events, event);
            }
        }

        self.articles.push(ArticleEntry {
            article,
            quotes: quote_ids,
            entities,
            annotations,
            people,
            organisations,
            places,
            events,
        });
    }

    fn finish(mut self) -> Index {
        // Quoted alongside: people quoted in the same article, counted once per article.
        let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
        for article in &self.articles {
            let mut speakers: Vec<usize> = article
                .quotes
                .iter()
                .filter_map(|&q| self.quotes[q].speaker)
                .filter(|id| id.kind == EntityKind::Person)
                .map(|id| id.index)
                .collect();
            speakers.sort_unstable();
            speakers.dedup();
            for (i, &a) in speakers.iter().enumerate() {
                for &b in &speakers[i + 1..] {
                    *pairs.entry((a, b)).or_default() += 1;
                    *pairs.entry((b, a)).or_default() += 1;
                }
            }
        }
        for ((a, b), count) in pairs {
            self.people[a].quoted_with.push((b, count));
        }
        let names: Vec<String> = self.people.iter().map(|p| p.name.clone()).collect();
        for person in &mut self.people {
            person.quoted_with.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| names[x.0].cmp(&names[y.0])));
            person.events.sort_unstable();
        }

        // Events read in time order: oldest article first.
        for event in &mut self.events {
            event.articles.sort_unstable_by(|a, b| b.cmp(a));
            event.quotes.sort_unstable_by(|a, b| {
                let (qa, qb) = (&self.quotes[*a], &self.quotes[*b]);
                qb.article.cmp(&qa.article).then(qa.span.cmp(&qb.span))
            });
            event.quotes.dedup();
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for &q in &event.quotes {
                if let Some(id) = self.quotes[q].speaker.filter(|id| id.kind == EntityKind::Person) {
                    *counts.entry(id.index).or_default() += 1;
                }
            }
            event.speakers = counts.into_iter().collect();
            event.speakers.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| names[x.0].cmp(&names[y.0])));
        }

        Index {
            articles: self.articles,
            people: self.people,
            organisations: self.organisations,
            places: self.places,
            events: self.events,
            quotes: self.quotes,
        }
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// "anchorage-summit-2025" → "Anchorage Summit 2025", for events with no file.
fn title_case(slug: &str) -> String {
    slug.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
