//! The part of a plan the preview keeps between saves ([`Derived`]: references, their hashes,
//! list orders, the last plan's files), patched record by record, and which files an article
//! replaced in place can change ([`touched`], from each page kind's spec).

use super::context::Refs;
use super::pages::for_page;
use super::{Item, Planned, charts, hash_of, spec};
use crate::annotate::EntityKind;
use crate::index::{Changed, EntityId, Index};
use crate::kinds::ByKind;
use rayon::prelude::*;

/// What a plan derives from the whole index before it plans a page: the references pages
/// draw on, their hashes, the orders of the list pages and the span of the timelines. The
/// preview keeps it from one change to the next and patches it record by record
/// ([`Derived::patch`]) when an article was replaced in place, and with it the files the
/// plan made: files that no change touched keep their signature without being planned again.
pub struct Derived {
    pub(super) refs: Refs,
    pub(super) hashes: Hashes,
    pub(super) order: Order,
    pub(super) span: Option<charts::Span>,
    pub(super) planned: Vec<Planned>,
    /// The changes patched in since `planned` was made.
    pub(super) changes: Vec<Changed>,
}

impl Derived {
    pub fn new(index: &Index) -> Derived {
        let refs = Refs::new(index);
        let dates = index.articles.iter().filter_map(|a| a.article.date);
        let span = dates.clone().min().zip(dates.max()).map(|(first, last)| charts::Span { first, last });
        let hashes = Hashes::new(index, &refs);
        let order = Order::new(index, &refs);
        Derived { refs, hashes, order, span, planned: Vec::new(), changes: Vec::new() }
    }

    /// The files of the plan this was kept from (none for a new one).
    pub fn planned(&self) -> &[Planned] {
        &self.planned
    }

    /// Brings it up to date after [`Index::replace_article`], which keeps every name, date
    /// and place in the order: only the records `changed` names are made again.
    pub fn patch(&mut self, index: &Index, changed: &Changed) {
        self.refs.patch(index, changed);
        self.hashes.patch(index, &self.refs, changed);
        // Counts move in place: the rankings are sorted again (nearly sorted already, which
        // the stable sort takes in about one pass).
        self.order.rank(&self.refs);
        self.changes.push(changed.clone());
    }
}

/// Whether `item` may have changed with `changes`. Only the article's page, the pages and
/// feeds of what it touched, and the files about the whole site can: any other page shows
/// only records whose hashes the changes left alone.
pub(super) fn touched(changes: &[Changed], item: Item) -> bool {
    match item {
        Item::Page(job) => for_page!(job, S, key => <S as spec::PageSpec>::touched(changes, key)),
        Item::PersonFeed(i) => {
            super::pages::subjects::touches_entity(changes, EntityId { kind: EntityKind::Person, index: i })
        }
        Item::EventFeed(i) => changes.iter().any(|c| c.events.binary_search(&i).is_ok()),
        Item::SiteFile(_) | Item::Search(_) => true,
    }
}

/// Hashes of the references pages draw on, made once per plan: a page's signature combines
/// the hashes of what it shows.
pub(crate) struct Hashes {
    pub(super) articles: Vec<u64>,
    pub(super) quotes: Vec<u64>,
    /// Each person's, organisation's and place's record (a person's is a `PersonRef`).
    pub(super) entities: ByKind<Vec<u64>>,
    pub(super) events: Vec<u64>,
    pub(super) links: ByKind<Vec<u64>>,
    pub(super) event_links: Vec<u64>,
}

impl Hashes {
    pub(super) fn new(index: &Index, refs: &Refs) -> Hashes {
        fn all<T: std::hash::Hash + Sync>(list: &[T]) -> Vec<u64> {
            list.par_iter().map(hash_of).collect()
        }
        Hashes {
            articles: all(&refs.articles),
            quotes: refs.quotes.par_iter().zip(&index.quotes).map(|(r, q)| hash_of(&(r, q.span))).collect(),
            entities: ByKind {
                people: all(&refs.people),
                organisations: all(&refs.organisations),
                places: all(&refs.places),
            },
            events: all(&refs.events),
            links: refs.links.map(|_, list| all(list)),
            event_links: all(&refs.event_links),
        }
    }

    /// As `Refs::patch`: the article, its quotes, and the records it touched.
    pub(super) fn patch(&mut self, index: &Index, refs: &Refs, changed: &Changed) {
        self.articles[changed.article] = hash_of(&refs.articles[changed.article]);
        let start = changed.first_quote;
        let quotes: Vec<u64> =
            (start..start + changed.new_quotes).map(|q| hash_of(&(&refs.quotes[q], index.quotes[q].span))).collect();
        self.quotes.splice(start..start + changed.old_quotes, quotes);
        for &id in &changed.entities {
            self.entities[id.kind][id.index] = match id.kind {
                EntityKind::Person => hash_of(&refs.people[id.index]),
                _ => hash_of(refs.place_or_organisation(id)),
            };
        }
        for &e in &changed.events {
            self.events[e] = hash_of(&refs.events[e]);
        }
    }

    pub(super) fn link(&self, id: EntityId) -> u64 {
        self.links[id.kind][id.index]
    }

    pub(super) fn entity(&self, id: EntityId) -> u64 {
        self.entities[id.kind][id.index]
    }
}

/// The orders list pages show their records in, sorted once per plan (not once per page).
pub(super) struct Order {
    /// By name: people with a page, every organisation and place.
    pub(super) by_name: ByKind<Vec<usize>>,
    /// Events newest first, then by name.
    pub(super) events: Vec<usize>,
    /// The rankings. Every person, most quoted first (then most articles, then by name and
    /// url): those with a quote are the first `quoted` ([`Order::quoted`]). Every organisation,
    /// and every place, named in most articles first (then by name and url).
    pub(super) ranked: ByKind<Vec<usize>>,
}

/// An organisation or place is ranked among the busiest when this many articles name it.
pub(super) const BUSIEST_MIN_ARTICLES: usize = 2;

impl Order {
    pub(super) fn new(index: &Index, refs: &Refs) -> Order {
        fn sorted<T>(list: &[T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<usize> {
            let mut order: Vec<usize> = (0..list.len()).collect();
            order.sort_by(|&a, &b| cmp(&list[a], &list[b]));
            order
        }
        let by_name = ByKind {
            people: sorted(&refs.people, |a, b| a.name.cmp(&b.name))
                .into_iter()
                .filter(|&p| index.entities.people[p].page)
                .collect(),
            organisations: sorted(&refs.organisations, |a, b| a.name.cmp(&b.name)),
            places: sorted(&refs.places, |a, b| a.name.cmp(&b.name)),
        };
        let mut order = Order {
            by_name,
            events: sorted(&refs.events, |a, b| b.date.cmp(&a.date).then_with(|| a.name.cmp(&b.name))),
            ranked: index.entities.map(|_, list| (0..list.len()).collect()),
        };
        order.rank(refs);
        order
    }

    /// Sorts the rankings by counts, which change when an article is replaced in place (names
    /// and urls do not, and no record comes or goes). Each order is total (urls are unique),
    /// so sorting the last order again gives what sorting from scratch gives.
    pub(super) fn rank(&mut self, refs: &Refs) {
        let people = &refs.people;
        self.ranked.people.sort_by(|&a, &b| {
            let (a, b) = (&people[a], &people[b]);
            (b.quote_count, b.article_count)
                .cmp(&(a.quote_count, a.article_count))
                .then_with(|| (&a.name, &a.url).cmp(&(&b.name, &b.url)))
        });
        for (order, list) in
            [(&mut self.ranked.organisations, &refs.organisations), (&mut self.ranked.places, &refs.places)]
        {
            order.sort_by(|&a, &b| {
                let (a, b) = (&list[a], &list[b]);
                b.article_count.cmp(&a.article_count).then_with(|| (&a.name, &a.url).cmp(&(&b.name, &b.url)))
            });
        }
    }

    /// How many people of `most_quoted` have a quote (they come first).
    pub(super) fn quoted(&self, refs: &Refs) -> usize {
        self.ranked.people.partition_point(|&p| refs.people[p].quote_count > 0)
    }

    /// How many of the organisations or places `ranked` are named in
    /// [`BUSIEST_MIN_ARTICLES`] articles or more (they come first).
    pub(super) fn busy(&self, refs: &Refs, kind: EntityKind) -> usize {
        let busy =
            |e: usize| refs.place_or_organisation(EntityId { kind, index: e }).article_count >= BUSIEST_MIN_ARTICLES;
        self.ranked[kind].partition_point(|&e| busy(e))
    }
}
