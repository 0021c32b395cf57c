//! All articles and their annotations → [`Index`]: the cross-references a briefing site is
//! made of (people ⇄ quotes ⇄ articles ⇄ events, organisations, places). Entities found
//! separately in each article are merged here into one per real-world thing: a registry
//! person by id, anyone else by name, and a surname said alone ("Trump") to the one full
//! name in the archive that ends with it.

use crate::annotate::{Annotations, EntityKind, Span, Speaker};
use crate::config::{AnnotatorConfig, PersonPages};
use crate::content::{Article, Content, Date, Event, Person};
use crate::discover::Discovery;
use crate::kinds::ByKind;
use crate::resolve::{Resolver, Target};
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
    /// A partial quote shorter than `annotator.min_fragment_words`: a person's page leaves it
    /// out, unless such quotes are all the person has.
    pub short_fragment: bool,
}

/// An article as the pages see it: every name and quote in it resolved to the site's
/// entities. The annotator's own output stays with the stage that owns it (the build's
/// annotation cache, the preview's session), out of render's reach.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    pub article: Article,
    /// Indexes into [`Index::quotes`], in text order.
    pub quotes: Vec<usize>,
    /// The places in the text that name a site entity, in text order.
    pub mentions: Vec<(Span, EntityId)>,
    /// Site entities named in the article, by kind, in order of first mention.
    pub named: ByKind<Vec<usize>>,
    pub events: Vec<usize>,
    /// Each entity of the article's annotations, in their order, as a site entity: what
    /// [`Index::replace_article`] compares a new version with.
    entities: Vec<Option<EntityId>>,
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
    /// Whether the entity has a page of its own: every organisation and place; a person as
    /// `annotator.person_pages` says ([`PersonPages::worth_a_page`]). Links go only to pages.
    pub page: bool,
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
    /// Found in the articles by `discover`, not written in `content/events/`.
    pub discovered: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Newest first; ties by slug.
    pub articles: Vec<ArticleEntry>,
    /// The people, organisations and places, each kind numbered from 0 (`EntityId::index`).
    pub entities: ByKind<Vec<EntityEntry>>,
    pub events: Vec<EventEntry>,
    /// In article order, then text order: an article's quotes are one run of ids.
    pub quotes: Vec<QuoteEntry>,
    /// Articles folded into one of `articles` as copies of it (`fold::attach`), by primary.
    pub copies: Vec<crate::fold::Copy>,
    /// The look-ups the index was built with, kept for [`Index::replace_article`].
    lookup: Lookup,
}

/// What [`Index::replace_article`] changed, so that what was derived from the index can be
/// brought up to date record by record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub article: usize,
    /// The article's quotes begin at this id. They were `old_quotes` many and are
    /// `new_quotes` many now: every later quote id moved by the difference.
    pub first_quote: usize,
    pub old_quotes: usize,
    pub new_quotes: usize,
    /// Entities the article named or quoted, before or after; sorted.
    pub entities: Vec<EntityId>,
    /// Events the article was tied to, before or after; sorted.
    pub events: Vec<usize>,
}

impl Index {
    pub fn entity(&self, id: EntityId) -> &EntityEntry {
        &self.entities[id.kind][id.index]
    }

    pub fn article_date(&self, article: usize) -> Option<Date> {
        self.articles[article].article.date
    }

    fn entity_mut(&mut self, id: EntityId) -> &mut EntityEntry {
        &mut self.entities[id.kind][id.index]
    }

    /// Puts a new version of the article at `position` (a saved edit) into the index in
    /// place, in time proportional to what the article touches rather than to the archive.
    ///
    /// Only when the result is exactly what [`build`] would make: the same slug and date (so
    /// the same place in the order), no entity or event made or dropped, none made in another
    /// order or under another spelling, and no surname that changes whom it stands for.
    /// Otherwise nothing changes and the article comes back: build the index again.
    /// `old` is the annotations the article was indexed with, `annotations` its new ones.
    pub fn replace_article(
        &mut self,
        position: usize,
        old: &Annotations,
        article: Article,
        annotations: &Annotations,
        options: &AnnotatorConfig,
    ) -> std::result::Result<Changed, Box<Article>> {
        let entry = &self.articles[position];
        if entry.article.slug != article.slug || entry.article.date != article.date {
            return Err(Box::new(article));
        }
        let resolver = &mut self.lookup.resolver;
        let old_names = resolver.names(old);
        let new_names = resolver.names(annotations);
        let both = [&old_names, &new_names];
        // Every decision the article's names take part in must stay as it was: else other
        // articles' entities could resolve differently, and only a full build finds them.
        let before = resolver.decisions(&both);
        resolver.remove(&old_names);
        resolver.add(&new_names);
        resolver.prepare_for(&both);
        let merge = (self.lookup.resolver.decisions(&both) == before)
            .then(|| self.merge_in_place(position, &article, annotations, options))
            .flatten();
        match merge {
            Some(merge) => Ok(self.apply(position, article, merge)),
            None => {
                let resolver = &mut self.lookup.resolver;
                resolver.remove(&new_names);
                resolver.add(&old_names);
                resolver.prepare_for(&[&old_names, &new_names]);
                Err(Box::new(article))
            }
        }
    }

    /// The new version of the article at `position` as site entities, events and quotes, or
    /// None when merging it in place would not give what a full build gives.
    fn merge_in_place(
        &self,
        position: usize,
        article: &Article,
        annotations: &Annotations,
        options: &AnnotatorConfig,
    ) -> Option<Merge> {
        let lookup = &self.lookup;
        let resolved = lookup.resolve(annotations, options);
        let people = &lookup.by_slug.people;
        let mut entities = Vec::with_capacity(resolved.entities.len());
        let mut names = Vec::with_capacity(resolved.entities.len());
        for identity in &resolved.entities {
            // As `add_article`, finding only: an entity that would be made is a full build.
            let (index, name) = match identity {
                Identity::Profiled(index) => (Some(*index), None),
                Identity::Person { name, slug, profiled } => {
                    let found = people.get(name.as_str()).copied().or(*profiled);
                    (Some(found.or_else(|| people.get(slug.as_str()).copied())?), Some(name.trim()))
                }
                Identity::Other { kind, name, slug } => {
                    (Some(*lookup.by_slug[*kind].get(slug.as_str())?), Some(name.as_str()))
                }
                Identity::Dropped => (None, None),
            };
            entities.push(index.map(|index| EntityId { kind: identity.kind(), index }));
            names.push(name);
        }

        // Entities are numbered in the order they are first met, article by article. Those
        // the article was first to name must stay the same, in the same order and spelling.
        let made_here = |id: EntityId| id.index >= lookup.fixed[id.kind];
        let mut made_before = Vec::new();
        for &id in self.articles[position].entities.iter().flatten() {
            if made_here(id) && self.entity(id).articles.first() == Some(&position) {
                push_unique(&mut made_before, id);
            }
        }
        let mut made_now = Vec::new();
        for (&id, name) in entities.iter().zip(&names) {
            let Some(id) = id.filter(|&id| made_here(id) && !made_now.contains(&id)) else { continue };
            let earlier = self.entity(id).articles.iter().any(|&a| a < position);
            if !earlier {
                if *name != Some(self.entity(id).name.as_str()) {
                    return None;
                }
                made_now.push(id);
            }
        }
        if made_before != made_now {
            return None;
        }

        let quotes: Vec<QuoteEntry> = resolved
            .quotes
            .into_iter()
            .map(|(mut quote, speaker)| {
                quote.article = position;
                quote.speaker = speaker.and_then(|e| entities[e]);
                quote
            })
            .collect();
        let mentions = site_mentions(annotations, &entities);
        let ordered = site_order(&resolved.ordered, &entities, quotes.iter().filter_map(|q| q.speaker));
        if self.page_changes(position, &quotes, &ordered, options.person_pages) {
            return None;
        }

        let mut events = Vec::new();
        for slug in article.events.iter().chain(annotations.events.iter()) {
            let found = lookup.event_by_slug.get(slug).or_else(|| lookup.event_by_name.get(&slug.to_lowercase()));
            push_unique(&mut events, *found?);
        }
        for &e in lookup.discovered.get(&article.slug).into_iter().flatten() {
            push_unique(&mut events, e);
        }
        // The same for events: none made or dropped by the change.
        let made_event = |e: &&usize| **e >= lookup.fixed_events;
        let made_before: Vec<usize> = self.articles[position]
            .events
            .iter()
            .filter(made_event)
            .filter(|&&e| self.events[e].articles.last() == Some(&position))
            .copied()
            .collect();
        let made_now: Vec<usize> = events
            .iter()
            .filter(made_event)
            .filter(|&&e| !self.events[e].articles.iter().any(|&a| a < position))
            .copied()
            .collect();
        if made_before != made_now {
            return None;
        }
        Some(Merge { entities, mentions, quotes, ordered, events })
    }

    fn apply(&mut self, position: usize, article: Article, merge: Merge) -> Changed {
        let Merge { entities, mentions, quotes, ordered, events } = merge;
        let old = &self.articles[position];
        let (old_count, new_count) = (old.quotes.len(), quotes.len());
        let old_ids: Vec<EntityId> =
            old.named.iter().flat_map(|(kind, list)| list.iter().map(move |&index| EntityId { kind, index })).collect();
        let old_events = old.events.clone();
        let new_speakers: Vec<EntityId> = quotes.iter().filter_map(|q| q.speaker).collect();
        let (first_quote, old_speakers) = self.swap_quotes(position, quotes);
        let new_ids: Vec<usize> = (first_quote..first_quote + new_count).collect();

        // Which entities and events name the article.
        for &id in &old_ids {
            if !ordered.contains(&id) {
                let articles = &mut self.entity_mut(id).articles;
                articles.retain(|&a| a != position);
            }
        }
        for &id in &ordered {
            if !old_ids.contains(&id) {
                insert_sorted(&mut self.entity_mut(id).articles, position);
            }
        }
        for &e in &old_events {
            if !events.contains(&e) {
                self.events[e].articles.retain(|&a| a != position);
            }
        }
        for &e in &events {
            let event = &mut self.events[e];
            if !old_events.contains(&e) {
                let at = event.articles.partition_point(|&a| a > position);
                event.articles.insert(at, position);
            }
            event.quotes.extend(&new_ids);
        }

        let old_people = std::mem::take(&mut self.articles[position].named.people);
        self.articles[position] = ArticleEntry {
            article,
            quotes: new_ids,
            mentions,
            named: by_kind(&ordered),
            events: events.clone(),
            entities,
        };

        // What is derived from several articles, again for what the article touched.
        let mut touched_events = old_events;
        touched_events.extend(&events);
        touched_events.sort_unstable();
        touched_events.dedup();
        let names: Vec<&str> = self.entities.people.iter().map(|p| p.name.as_str()).collect();
        for &e in &touched_events {
            let event = &mut self.events[e];
            sort_event_quotes(&mut event.quotes, &self.quotes);
            event.speakers = event_speakers(&event.quotes, &self.quotes, &names);
        }
        let mut touched_people = old_people;
        touched_people.extend(&self.articles[position].named.people);
        touched_people.sort_unstable();
        touched_people.dedup();
        for &p in &touched_people {
            self.entities.people[p].events = self.person_events(p);
        }
        let mut speakers: Vec<usize> = old_speakers
            .iter()
            .chain(&new_speakers)
            .filter(|id| id.kind == EntityKind::Person)
            .map(|id| id.index)
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        for &p in &speakers {
            self.entities.people[p].quoted_with = self.quoted_with(p);
        }

        let mut entities = old_ids;
        entities.extend(&ordered);
        entities.sort_unstable();
        entities.dedup();
        Changed {
            article: position,
            first_quote,
            old_quotes: old_count,
            new_quotes: new_count,
            entities,
            events: touched_events,
        }
    }

    /// Puts `quotes` in the place of the quotes of the article at `position`: the old ones
    /// leave their speakers and events, the new ones take their ids and join their speakers,
    /// and every later id moves by the difference. Gives the article's first quote id and the
    /// speakers of its old quotes.
    fn swap_quotes(&mut self, position: usize, quotes: Vec<QuoteEntry>) -> (usize, Vec<EntityId>) {
        let first_quote = self.quotes.partition_point(|q| q.article < position);
        let (old_count, new_count) = (self.articles[position].quotes.len(), quotes.len());
        let old_end = first_quote + old_count;
        let old_speakers: Vec<EntityId> = self.quotes[first_quote..old_end].iter().filter_map(|q| q.speaker).collect();
        let is_old = |q: &usize| (first_quote..old_end).contains(q);
        for &id in &old_speakers {
            self.entity_mut(id).quotes.retain(|q| !is_old(q));
        }
        for &e in &self.articles[position].events {
            self.events[e].quotes.retain(|q| !is_old(q));
        }
        let new_speakers: Vec<Option<EntityId>> = quotes.iter().map(|q| q.speaker).collect();
        self.quotes.splice(first_quote..old_end, quotes);
        if new_count != old_count {
            let shift = |q: &mut usize| {
                if *q >= old_end {
                    *q = *q - old_count + new_count;
                }
            };
            for entry in &mut self.articles[position + 1..] {
                entry.quotes.iter_mut().for_each(shift);
            }
            for (_, list) in self.entities.iter_mut() {
                list.iter_mut().for_each(|entry| entry.quotes.iter_mut().for_each(shift));
            }
            for event in &mut self.events {
                event.quotes.iter_mut().for_each(shift);
            }
        }
        for (q, speaker) in (first_quote..).zip(new_speakers) {
            if let Some(id) = speaker {
                insert_sorted(&mut self.entity_mut(id).quotes, q);
            }
        }
        (first_quote, old_speakers)
    }

    /// Whether a person the article at `position` names, before or after, would gain or lose
    /// their page with the article's new quotes and site entities (`ordered`): every page
    /// that links to them changes then, and only a full build finds those pages.
    fn page_changes(&self, position: usize, quotes: &[QuoteEntry], ordered: &[EntityId], pages: PersonPages) -> bool {
        let old = &self.articles[position];
        let old_quotes = &old.quotes;
        let said = |list: &mut dyn Iterator<Item = &QuoteEntry>, p: usize| {
            list.filter(|q| q.speaker == Some(EntityId { kind: EntityKind::Person, index: p })).count()
        };
        let new_people = ordered.iter().filter(|id| id.kind == EntityKind::Person).map(|id| id.index);
        old.named.people.iter().copied().chain(new_people).any(|p| {
            let person = &self.entities.people[p];
            let (was_in, is_in) =
                (old.named.people.contains(&p), ordered.contains(&EntityId { kind: EntityKind::Person, index: p }));
            let articles = person.articles.len() - usize::from(was_in) + usize::from(is_in);
            let quoted_before = said(&mut old_quotes.iter().map(|&q| &self.quotes[q]), p);
            let quoted_now = said(&mut quotes.iter(), p);
            let count = person.quotes.len() - quoted_before + quoted_now;
            pages.worth_a_page(person.profile.is_some(), count, articles) != person.page
        })
    }

    /// The events a person takes part in (by the event's file) or is named in the articles of.
    fn person_events(&self, person: usize) -> Vec<usize> {
        let mut events: Vec<usize> = (0..self.events.len())
            .filter(|&e| self.events[e].participants.contains(&person))
            .chain(self.entities.people[person].articles.iter().flat_map(|&a| self.articles[a].events.iter().copied()))
            .collect();
        events.sort_unstable();
        events.dedup();
        events
    }

    /// People quoted in the same articles as `person`, with the number of such articles.
    fn quoted_with(&self, person: usize) -> Vec<(usize, usize)> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &a in &self.entities.people[person].articles {
            let speakers = article_speakers(&self.articles[a], &self.quotes);
            if speakers.binary_search(&person).is_ok() {
                for &other in speakers.iter().filter(|&&other| other != person) {
                    *counts.entry(other).or_default() += 1;
                }
            }
        }
        let mut list: Vec<(usize, usize)> = counts.into_iter().collect();
        let people = &self.entities.people;
        list.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| people[x.0].name.cmp(&people[y.0].name)));
        list
    }
}

/// An article's new entities, quotes and events, found in the index (see `merge_in_place`).
struct Merge {
    entities: Vec<Option<EntityId>>,
    mentions: Vec<(Span, EntityId)>,
    quotes: Vec<QuoteEntry>,
    /// Site entities in order of first mention, then the speakers.
    ordered: Vec<EntityId>,
    events: Vec<usize>,
}

/// An article's site entities in order of first mention, then those only in the entity list,
/// then the speakers (one site entity may stand for several of the article's).
fn site_order(
    ordered: &[usize],
    entities: &[Option<EntityId>],
    speakers: impl Iterator<Item = EntityId>,
) -> Vec<EntityId> {
    let mut site: Vec<EntityId> = Vec::new();
    for id in ordered.iter().filter_map(|&e| entities[e]).chain(speakers) {
        push_unique(&mut site, id);
    }
    site
}

/// Entities split by kind (indexes into each list), in order.
fn by_kind(ordered: &[EntityId]) -> ByKind<Vec<usize>> {
    let mut named: ByKind<Vec<usize>> = ByKind::default();
    for id in ordered {
        named[id.kind].push(id.index);
    }
    named
}

/// The article's mentions of what is a site entity (`entities`: the article's entities as
/// the site's), in the annotator's order; a name linked to nothing is left out.
fn site_mentions(annotations: &Annotations, entities: &[Option<EntityId>]) -> Vec<(Span, EntityId)> {
    let linked = |(span, entity): (Span, usize)| Some((span, entities.get(entity).copied().flatten()?));
    all_mentions(annotations).filter_map(linked).collect()
}

/// The article's mentions in text order, with those of its unsure words after its entities:
/// the `i`th unsure word is entity `entities.len() + i` (as [`Lookup::resolve`] numbers them).
fn all_mentions(annotations: &Annotations) -> impl Iterator<Item = (Span, usize)> + '_ {
    let mentions = annotations.mentions.iter().map(|m| (m.span, m.entity));
    let mut unsure: Vec<(Span, usize)> = Vec::new();
    if !annotations.unsure.is_empty() {
        let first = annotations.entities.len();
        for (i, word) in annotations.unsure.iter().enumerate() {
            unsure.extend(word.spans.iter().map(|&span| (span, first + i)));
        }
        unsure.sort_unstable();
    }
    // Both in order and apart: merged as they come.
    let mut unsure = unsure.into_iter().peekable();
    let mut mentions = mentions.peekable();
    std::iter::from_fn(move || match (mentions.peek(), unsure.peek()) {
        (Some(m), Some(u)) if u.0.start < m.0.start => unsure.next(),
        (Some(_), _) => mentions.next(),
        (None, _) => unsure.next(),
    })
}

fn insert_sorted(list: &mut Vec<usize>, item: usize) {
    let at = list.partition_point(|&x| x < item);
    if list.get(at) != Some(&item) {
        list.insert(at, item);
    }
}

/// The people quoted in an article, sorted, each once.
fn article_speakers(article: &ArticleEntry, quotes: &[QuoteEntry]) -> Vec<usize> {
    let mut speakers: Vec<usize> = article
        .quotes
        .iter()
        .filter_map(|&q| quotes[q].speaker)
        .filter(|id| id.kind == EntityKind::Person)
        .map(|id| id.index)
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    speakers
}

/// An event's quotes read in time order: oldest article first, then text order.
fn sort_event_quotes(list: &mut Vec<usize>, quotes: &[QuoteEntry]) {
    list.sort_unstable_by(|a, b| {
        let (qa, qb) = (&quotes[*a], &quotes[*b]);
        qb.article.cmp(&qa.article).then(qa.span.cmp(&qb.span))
    });
    list.dedup();
}

/// The people who spoke in an event's quotes, with their number of quotes, most first.
fn event_speakers(list: &[usize], quotes: &[QuoteEntry], names: &[&str]) -> Vec<(usize, usize)> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &q in list {
        if let Some(id) = quotes[q].speaker.filter(|id| id.kind == EntityKind::Person) {
            *counts.entry(id.index).or_default() += 1;
        }
    }
    let mut speakers: Vec<(usize, usize)> = counts.into_iter().collect();
    speakers.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| names[x.0].cmp(names[y.0])));
    speakers
}

/// How names, slugs and surnames lead to the site's entities and events.
#[derive(Debug, Clone, Default)]
struct Lookup {
    /// Slug → index, per kind.
    by_slug: ByKind<HashMap<String, usize>>,
    /// Lowercased name or alias of a profiled person → person index.
    by_name: HashMap<String, usize>,
    event_by_slug: HashMap<String, usize>,
    event_by_name: HashMap<String, usize>,
    /// The site's names, for what each article's entities resolve to (`resolve.rs`).
    resolver: Resolver,
    /// Article slug → the events `discover` put it in.
    discovered: HashMap<String, Vec<usize>>,
    /// Entities per kind, and events, made before the first article (from profiles and
    /// event participants): those after were made by articles, in article order.
    fixed: ByKind<usize>,
    fixed_events: usize,
}

impl Lookup {
    /// The first pass over one article: what each of its entities and quotes is, as far as it can be known without the
    /// other articles.
    fn resolve(&self, annotations: &Annotations, options: &AnnotatorConfig) -> Resolved {
        let people = &self.by_slug.people;
        let person = |full: String| {
            if !options.people_from_text {
                return Identity::Dropped;
            }
            let profiled = self.by_name.get(&full.trim().to_lowercase()).copied();
            let slug = slugify_or_hash(&full, "person");
            Identity::Person { name: full, slug, profiled }
        };
        let mut entities: Vec<Identity> = annotations
            .entities
            .iter()
            .map(|entity| {
                let name = entity.name.trim();
                let known = (entity.kind == EntityKind::Person)
                    .then(|| {
                        entity
                            .registry_id
                            .as_ref()
                            .and_then(|id| people.get(id.as_str()).copied())
                            .or_else(|| self.by_name.get(&name.to_lowercase()).copied())
                    })
                    .flatten();
                if let Some(index) = known {
                    return Identity::Profiled(index);
                }
                match self.resolver.resolve(entity.kind, name) {
                    Target::Entity(EntityKind::Person, full) => person(full),
                    Target::Entity(kind, name) => {
                        let slug = slugify_or_hash(&name, "entity");
                        Identity::Other { kind, name, slug }
                    }
                    Target::Unlinked | Target::Nobody => Identity::Dropped,
                }
            })
            .collect();
        // Numbered after the entities, as `all_mentions` numbers their mentions.
        entities.extend(annotations.unsure.iter().map(|word| match self.resolver.resolve_unsure(&word.name) {
            Target::Entity(EntityKind::Person, full) => person(full),
            _ => Identity::Dropped,
        }));

        let mut sorted_quotes: Vec<_> = annotations.quotes.iter().collect();
        sorted_quotes.sort_by_key(|q| q.span);
        let mut quotes = Vec::new();
        for quote in sorted_quotes {
            let words = quote.text.split_whitespace().count();
            if words < options.min_quote_words {
                continue;
            }
            let (entity, unnamed) = match &quote.speaker {
                Some(Speaker::Entity { entity }) => match entities.get(*entity) {
                    Some(Identity::Dropped) | None => (None, annotations.entities.get(*entity).map(|e| e.name.clone())),
                    Some(_) => (Some(*entity), None),
                },
                Some(Speaker::Unnamed { description }) => (None, Some(description.clone())),
                Some(Speaker::They) => (None, None),
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
                short_fragment: quote.fragment && words < options.min_fragment_words,
            };
            quotes.push((entry, entity));
        }

        let mut seen = vec![false; entities.len()];
        let mut ordered = Vec::new();
        let mentioned = all_mentions(annotations).map(|(_, entity)| entity);
        for entity in mentioned.chain(0..entities.len()) {
            if entity < seen.len() && !seen[entity] {
                seen[entity] = true;
                ordered.push(entity);
            }
        }
        Resolved { entities, quotes, ordered }
    }
}

/// Builds the index. `annotated` pairs each article with its annotations; they come back in
/// the index's article order, for the stages that own them (the annotation cache, the
/// preview, which resolves them again), as the index holds only what they resolve to.
///
/// Two passes: what each article's entities and quotes are can be worked out from the
/// article alone and the profiles (in parallel); merging them into site-wide entities, in
/// article order, is then a sequence of map look-ups.
pub fn build(
    content: Content,
    annotated: Vec<(Article, Annotations)>,
    options: &AnnotatorConfig,
) -> (Index, Vec<Annotations>) {
    let resolver = resolve(&content, &annotated);
    build_with(content, annotated, &Discovery::default(), resolver, options)
}

/// The site-level resolution stage ([`Resolver::for_site`]) over these articles, which
/// knows from the start the people the index makes before any article: those with a
/// profile, and the participants of the events in `content/events/`.
pub fn resolve(content: &Content, annotated: &[(Article, Annotations)]) -> Resolver {
    let people: Vec<String> = Builder::new(content).entities.people.into_iter().map(|p| p.name).collect();
    Resolver::for_site(&content.corrections, &people, annotated.par_iter().map(|(_, annotations)| annotations))
}

/// [`build`], with the events `discover` found (each is an event as if from a file, and
/// its articles, and those it joined to registry events, belong to it) and what
/// [`resolve`] made of the site's names.
pub fn build_with(
    content: Content,
    annotated: Vec<(Article, Annotations)>,
    discovery: &Discovery,
    resolver: Resolver,
    options: &AnnotatorConfig,
) -> (Index, Vec<Annotations>) {
    let mut builder = Builder::new(&content);
    builder.lookup.resolver = resolver;
    builder.add_discovered(discovery);
    let mut annotated = annotated;
    // Newest first, then by slug: the order of every list derived from articles.
    annotated.par_sort_by(|(a, _), (b, _)| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    let lookup = &builder.lookup;
    let resolved: Vec<Resolved> =
        annotated.par_iter().map(|(_, annotations)| lookup.resolve(annotations, options)).collect();
    let mut kept = Vec::with_capacity(annotated.len());
    for (article_index, ((article, annotations), resolved)) in annotated.into_iter().zip(resolved).enumerate() {
        builder.add_article(article_index, article, &annotations, resolved);
        kept.push(annotations);
    }
    let mut index = builder.finish();
    for person in &mut index.entities.people {
        person.page =
            options.person_pages.worth_a_page(person.profile.is_some(), person.quotes.len(), person.articles.len());
    }
    (index, kept)
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
    Other { kind: EntityKind, name: String, slug: String },
    /// Not kept: a person with no profile under `people_from_text: false`, a name that
    /// stands for several people, or what is no entity.
    Dropped,
}

impl Identity {
    fn kind(&self) -> EntityKind {
        match self {
            Identity::Other { kind, .. } => *kind,
            _ => EntityKind::Person,
        }
    }
}

struct Builder {
    entities: ByKind<Vec<EntityEntry>>,
    lookup: Lookup,
    events: Vec<EventEntry>,
    articles: Vec<ArticleEntry>,
    quotes: Vec<QuoteEntry>,
}

impl Builder {
    fn new(content: &Content) -> Builder {
        let mut builder = Builder {
            entities: ByKind::default(),
            lookup: Lookup::default(),
            events: Vec::new(),
            articles: Vec::new(),
            quotes: Vec::new(),
        };
        for person in &content.people {
            let index = builder.add_entity(EntityKind::Person, &person.slug, &person.name);
            builder.entities.people[index].profile = Some(person.clone());
            for name in person.aliases.iter().chain([&person.name]) {
                builder.lookup.by_name.insert(name.trim().to_lowercase(), index);
            }
        }
        for event in &content.events {
            let index = builder.add_event(&event.slug, &event.name);
            builder.events[index].profile = Some(event.clone());
            for name in event.aliases.iter().chain([&event.name]) {
                builder.lookup.event_by_name.insert(name.trim().to_lowercase(), index);
            }
        }
        for event_index in 0..builder.events.len() {
            let participants = builder.events[event_index].profile.as_ref().map(|e| e.participants.clone());
            for participant in participants.unwrap_or_default() {
                let person = builder.person_for_name(&participant);
                push_unique(&mut builder.events[event_index].participants, person);
                push_unique(&mut builder.entities.people[person].events, event_index);
            }
        }
        builder.lookup.fixed = builder.entities.map(|_, list| list.len());
        builder.lookup.fixed_events = builder.events.len();
        builder
    }

    /// The discovered events, after the registry's, with their profiles; their participants
    /// are found among the people of the articles at the end (`discovered_participants`),
    /// never made for them.
    fn add_discovered(&mut self, discovery: &Discovery) {
        for found in &discovery.events {
            let index = self.add_event(&found.slug, &found.name);
            let event = &mut self.events[index];
            if event.profile.is_none() {
                event.profile = Some(found.profile());
                event.discovered = true;
            }
        }
        for (article, slugs) in &discovery.members {
            let events = slugs.iter().filter_map(|s| self.lookup.event_by_slug.get(s).copied()).collect();
            self.lookup.discovered.insert(article.clone(), events);
        }
        self.lookup.fixed_events = self.events.len();
    }

    /// A discovered event's participants: people of the site by name, slug or the one full
    /// name of a surname.
    fn discovered_participants(&mut self) {
        let people = &self.lookup.by_slug.people;
        for (e, event) in self.events.iter_mut().enumerate().filter(|(_, e)| e.discovered) {
            let names = event.profile.as_ref().map(|p| p.participants.as_slice()).unwrap_or_default();
            for name in names {
                let found = self
                    .lookup
                    .by_name
                    .get(&name.trim().to_lowercase())
                    .or_else(|| people.get(slugify_or_hash(name, "person").as_str()));
                if let Some(&person) = found {
                    push_unique(&mut event.participants, person);
                    push_unique(&mut self.entities.people[person].events, e);
                }
            }
        }
    }

    fn add_entity(&mut self, kind: EntityKind, slug: &str, name: &str) -> usize {
        if let Some(&index) = self.lookup.by_slug[kind].get(slug) {
            return index;
        }
        let list = &mut self.entities[kind];
        list.push(EntityEntry {
            slug: slug.to_string(),
            name: name.to_string(),
            kind,
            profile: None,
            articles: Vec::new(),
            quotes: Vec::new(),
            quoted_with: Vec::new(),
            events: Vec::new(),
            page: true,
        });
        let index = list.len() - 1;
        self.lookup.by_slug[kind].insert(slug.to_string(), index);
        index
    }

    fn add_event(&mut self, slug: &str, name: &str) -> usize {
        if let Some(&index) = self.lookup.event_by_slug.get(slug) {
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
            discovered: false,
        });
        self.lookup.event_by_slug.insert(slug.to_string(), self.events.len() - 1);
        self.events.len() - 1
    }

    /// A person named by slug, name or alias: the profiled person, else one made for the name.
    fn person_for_name(&mut self, name: &str) -> usize {
        if let Some(&index) = self.lookup.by_slug.people.get(name) {
            return index;
        }
        if let Some(&index) = self.lookup.by_name.get(&name.trim().to_lowercase()) {
            return index;
        }
        let slug = slugify_or_hash(name, "person");
        self.add_entity(EntityKind::Person, &slug, name.trim())
    }

    /// The second pass: merges one article, in article order, into the site's entities.
    fn add_article(&mut self, article_index: usize, article: Article, annotations: &Annotations, resolved: Resolved) {
        let mut entities = Vec::with_capacity(resolved.entities.len());
        for identity in resolved.entities {
            let kind = identity.kind();
            let index = match identity {
                Identity::Profiled(index) => Some(index),
                Identity::Person { name, slug, profiled } => {
                    // As `person_for_name`, with the slug and the profile look-up done already.
                    let by_slug = self.lookup.by_slug.people.get(name.as_str()).copied();
                    Some(
                        by_slug.or(profiled).unwrap_or_else(|| self.add_entity(EntityKind::Person, &slug, name.trim())),
                    )
                }
                Identity::Other { kind, name, slug } => Some(self.add_entity(kind, &slug, &name)),
                Identity::Dropped => None,
            };
            entities.push(index.map(|index| EntityId { kind, index }));
        }

        // Quotes, in text order.
        let mut quote_ids = Vec::with_capacity(resolved.quotes.len());
        for (mut quote, speaker) in resolved.quotes {
            quote.article = article_index;
            quote.speaker = speaker.and_then(|e| entities[e]);
            self.quotes.push(quote);
            quote_ids.push(self.quotes.len() - 1);
        }

        let speakers = quote_ids.iter().filter_map(|&q| self.quotes[q].speaker);
        let ordered = site_order(&resolved.ordered, &entities, speakers);
        let named = by_kind(&ordered);
        for id in &ordered {
            // Articles arrive in order, so a repeat can only be the last one: no linear scan.
            let articles = &mut self.entities[id.kind][id.index].articles;
            if articles.last() != Some(&article_index) {
                articles.push(article_index);
            }
        }
        for &q in &quote_ids {
            if let Some(id) = self.quotes[q].speaker {
                self.entities[id.kind][id.index].quotes.push(q);
            }
        }

        // Events: the front matter's, then the ones the text names.
        let mut events = Vec::new();
        let discovered = self.lookup.discovered.get(&article.slug).cloned().unwrap_or_default();
        for slug in article.events.iter().chain(annotations.events.iter()) {
            let index = match self.lookup.event_by_slug.get(slug) {
                Some(&i) => i,
                None => match self.lookup.event_by_name.get(&slug.to_lowercase()) {
                    Some(&i) => i,
                    None => self.add_event(slug, &title_case(slug)),
                },
            };
            push_unique(&mut events, index);
        }
        discovered.into_iter().for_each(|e| push_unique(&mut events, e));
        for &event in &events {
            self.events[event].articles.push(article_index);
            self.events[event].quotes.extend(&quote_ids);
            for &person in &named.people {
                push_unique(&mut self.entities.people[person].events, event);
            }
        }

        let mentions = site_mentions(annotations, &entities);
        self.articles.push(ArticleEntry { article, quotes: quote_ids, mentions, named, events, entities });
    }

    fn finish(mut self) -> Index {
        self.discovered_participants();
        // Quoted alongside: people quoted in the same article, counted once per article.
        let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
        for article in &self.articles {
            let speakers = article_speakers(article, &self.quotes);
            for (i, &a) in speakers.iter().enumerate() {
                for &b in &speakers[i + 1..] {
                    *pairs.entry((a, b)).or_default() += 1;
                    *pairs.entry((b, a)).or_default() += 1;
                }
            }
        }
        for ((a, b), count) in pairs {
            self.entities.people[a].quoted_with.push((b, count));
        }
        let names: Vec<String> = self.entities.people.iter().map(|p| p.name.clone()).collect();
        for person in &mut self.entities.people {
            person.quoted_with.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| names[x.0].cmp(&names[y.0])));
            person.events.sort_unstable();
        }

        // Events read in time order: oldest article first.
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for event in &mut self.events {
            event.articles.sort_unstable_by(|a, b| b.cmp(a));
            sort_event_quotes(&mut event.quotes, &self.quotes);
            event.speakers = event_speakers(&event.quotes, &self.quotes, &names);
        }

        Index {
            articles: self.articles,
            entities: self.entities,
            events: self.events,
            quotes: self.quotes,
            copies: Vec::new(),
            lookup: self.lookup,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything the pages are made from (the look-ups hold hash maps, in no fixed order).
    fn snapshot(index: &Index) -> String {
        format!("{:#?}", (&index.articles, &index.entities, &index.events, &index.quotes))
    }

    /// Edits of every kind to every article of the example site: each one merged in place
    /// must give exactly the index a full build gives, and each one refused must leave the
    /// index as it was.
    #[test]
    fn an_article_replaced_in_place_gives_what_a_full_build_gives() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let content = crate::content::load(root, Default::default()).expect("the example site loads");
        let registry = crate::registry(&content);
        let options = AnnotatorConfig::default();
        let annotated = crate::annotate_all(&content);
        let (index, kept) = build(content.clone_profiles(), annotated.clone(), &options);
        let before = snapshot(&index);
        type Edit = dyn Fn(&Index, &str) -> String;
        let edits: [&Edit; 9] = [
            // A new quote by someone the article already names, and one by nobody known.
            &|index, body| {
                let someone = index
                    .entities
                    .people
                    .iter()
                    .find(|p| p.articles.iter().any(|&a| index.articles[a].article.body == body));
                let name = someone.map_or("Vladimir Putin", |p| p.name.as_str());
                format!("{body}\n\n“We will have more to say on this,” {name} said.\n")
            },
            &|_, body| format!("{body}\n\n“Nothing is settled,” said Zorana Quillfeather, a spokeswoman.\n"),
            &|_, body| format!("{body}\n\n“It was a long day,” he added.\n"),
            &|_, body| format!("{body}\n\nPutin and Trump met again, officials said.\n"),
            // An event, and a person with a profile, named for the first time.
            &|index, body| format!("{body}\n\nThe {} was discussed.\n", index.events[index.events.len() / 2].name),
            &|index, body| {
                let last = index.entities.people.iter().rfind(|p| p.profile.is_some()).map_or("", |p| p.name.as_str());
                format!("{body}\n\n{last} did not attend.\n")
            },
            // The last paragraph gone; everything but the first gone; a word changed.
            &|_, body| body.trim_end().rsplit_once("\n\n").map_or(body, |(head, _)| head).to_string(),
            &|_, body| body.split("\n\n").next().unwrap_or("").to_string(),
            &|_, body| body.replacen("the", "a", 1),
        ];
        let mut in_place = 0;
        for (article, _) in &annotated {
            let position = index.articles.iter().position(|e| e.article.slug == article.slug).expect("indexed");
            for edit in &edits {
                let mut edited = article.clone();
                edited.body = edit(&index, &article.body);
                let annotations = crate::annotate::annotate(&edited.body, edited.format, &registry, &edited.overrides);
                let mut patched = index.clone();
                match patched.replace_article(position, &kept[position], edited.clone(), &annotations, &options) {
                    Ok(changed) => {
                        in_place += 1;
                        assert_eq!(changed.article, position);
                        let mut all = annotated.clone();
                        all.retain(|(a, _)| a.slug != article.slug);
                        all.push((edited, annotations));
                        let (expected, _) = build(content.clone_profiles(), all, &options);
                        assert_eq!(snapshot(&patched), snapshot(&expected), "{} edited in place", article.slug);
                    }
                    Err(_) => assert_eq!(snapshot(&patched), before, "{} refused, yet changed", article.slug),
                }
            }
        }
        // Most edits keep to the people and events the site has: they must take the fast path.
        assert!(in_place >= annotated.len() * 3, "only {in_place} edits were merged in place");
    }
}
