//! The pages about the whole site: the home page, the lists of articles, people, events,
//! organisations and places (`paginate:` items a page), the search page and the 404 page.

use super::{Pagination, list_path};
use crate::annotate::EntityKind;
use crate::content::Date;
use crate::index::{EntityId, Index};
use crate::render::charts::{self, BarRow, Chart};
use crate::render::context::*;
use crate::render::meta::{self, Meta};
use crate::render::spec::*;
use crate::render::{Renderer, Value};
use serde::Serialize;

/// Articles on the home page, and the most quoted people.
const HOME_ARTICLES: usize = 20;
const HOME_PEOPLE: usize = 10;
/// The home page's charts are of the archive's latest days.
const PERIOD_DAYS: i64 = 30;

pub struct Home;

inputs! {
    pub struct HomeInputs {
        pub articles: Vec<ArticleCard>,
        pub people: Vec<PersonCard>,
        pub events: Vec<EventCard>,
        pub charts: Option<HomeChartInputs>,
        pub counts: Counts,
    }
}

inputs! {
    /// The most quoted people and the busiest events of the archive's latest days.
    pub struct HomeChartInputs {
        pub from: Date,
        pub last: Date,
        pub people: Vec<(Link, usize)>,
        pub events: Vec<(EventMention, usize)>,
    }
}

inputs! {
    #[derive(Serialize)]
    pub struct Counts {
        pub articles: usize,
        pub people: usize,
        pub events: usize,
        pub quotes: usize,
    }
}

#[derive(Serialize)]
pub struct HomeContext {
    pub articles: Vec<Value>,
    pub people: Vec<Value>,
    pub events: Vec<Value>,
    pub charts: Option<HomeCharts>,
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct HomeCharts {
    /// "8 July 2025 – 6 August 2025".
    pub period: String,
    pub people: Option<Chart<BarRow>>,
    pub events: Option<Chart<BarRow>>,
}

impl PageSpec for Home {
    type Key = ();
    type Inputs<'r> = HomeInputs;
    type Context<'r> = HomeContext;

    fn kind(_: ()) -> &'static str {
        "index"
    }

    fn template(_: ()) -> &'static str {
        "index.html"
    }

    fn path(_: &Renderer, _: ()) -> String {
        "index.html".to_string()
    }

    fn inputs(r: &Renderer, _: ()) -> HomeInputs {
        // The first of the most quoted page's ranking.
        let quoted = &r.order.ranked.people[..r.order.quoted(&r.refs).min(HOME_PEOPLE)];
        let index = r.index;
        HomeInputs {
            articles: (0..r.refs.articles.len().min(HOME_ARTICLES)).map(ArticleCard).collect(),
            people: quoted.iter().map(|&p| PersonCard(p)).collect(),
            events: r.order.events.iter().map(|&e| EventCard(e)).collect(),
            charts: r.span.map(|span| home_chart_inputs(index, span.last)),
            counts: Counts {
                articles: index.articles.len(),
                people: r.order.by_name.people.len(),
                events: index.events.len(),
                quotes: index.quotes.len(),
            },
        }
    }

    fn context(r: &Renderer, inputs: HomeInputs) -> HomeContext {
        HomeContext {
            articles: inputs.articles.iter().map(|a| a.shown(r).value).collect(),
            people: inputs.people.iter().map(|p| p.shown(r).value).collect(),
            events: inputs.events.iter().map(|e| e.shown(r).value).collect(),
            charts: inputs.charts.map(|charts| home_charts(r, charts)),
            counts: inputs.counts,
        }
    }

    fn meta(site: &SiteContext, path: &str, _: &HomeContext) -> Meta {
        meta::home(site, path)
    }
}

/// Who was quoted most, and which events had most articles, in the `PERIOD_DAYS` up to `last`.
fn home_chart_inputs(index: &Index, last: Date) -> HomeChartInputs {
    let from = Date::from_days_since_epoch(last.days_since_epoch() - (PERIOD_DAYS - 1));
    let in_period = |a: usize| index.articles[a].article.date.is_some_and(|d| d >= from);
    let mut people: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for quote in &index.quotes {
        if let Some(id) = quote.speaker.filter(|id| id.kind == EntityKind::Person)
            && in_period(quote.article)
        {
            *people.entry(id.index).or_default() += 1;
        }
    }
    let mut people: Vec<(usize, usize)> = people.into_iter().collect();
    people.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| index.entities.people[a.0].name.cmp(&index.entities.people[b.0].name))
    });
    let events = index.events.iter().enumerate();
    let mut events: Vec<(usize, usize)> = events
        .map(|(i, e)| (i, e.articles.iter().filter(|&&a| in_period(a)).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    events.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| index.events[a.0].name.cmp(&index.events[b.0].name)));
    let person = |index| Link(EntityId { kind: EntityKind::Person, index });
    HomeChartInputs {
        from,
        last,
        people: people.into_iter().take(8).map(|(p, count)| (person(p), count)).collect(),
        events: events.into_iter().take(8).map(|(e, count)| (EventMention(e), count)).collect(),
    }
}

fn home_charts(r: &Renderer, inputs: HomeChartInputs) -> HomeCharts {
    let period = format!("{} – {}", inputs.from.display(), inputs.last.display());
    let bar = |name: &str, url: &str, count: usize| BarRow { label: name.to_string(), url: url.to_string(), count };
    let people: Vec<BarRow> = inputs
        .people
        .iter()
        .filter_map(|&(p, count)| {
            let link = p.record(r);
            Some(bar(&link.name, link.url.as_deref()?, count))
        })
        .collect();
    let events: Vec<BarRow> = inputs
        .events
        .iter()
        .map(|&(e, count)| {
            let link = e.record(r);
            bar(&link.name, &link.url, count)
        })
        .collect();
    let people =
        (!people.is_empty()).then(|| charts::bars("chart-people", &format!("Most quoted, {period}"), people, ""));
    let events =
        (!events.is_empty()).then(|| charts::bars("chart-events", &format!("Busiest events, {period}"), events, ""));
    HomeCharts { period, people, events }
}

/// One page of a list: its number, the list's page count and what it shows.
pub struct ListInputs<T> {
    pub page: usize,
    pub pages: usize,
    pub items: Vec<T>,
}

impl<T: Input> Input for ListInputs<T> {
    fn sign(&self, s: &Signer, h: &mut std::hash::DefaultHasher) {
        (self.page, self.pages).sign(s, h);
        self.items.sign(s, h);
    }
}

/// A page of a list: the shared values of what it shows under the list's name (`articles`,
/// `people` or `events`), and `pagination`.
pub struct ListContext {
    pub name: &'static str,
    pub items: Vec<Value>,
    pub pagination: Pagination,
}

impl Serialize for ListContext {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fields = serializer.serialize_struct("ListContext", 2)?;
        fields.serialize_field(self.name, &self.items)?;
        fields.serialize_field("pagination", &self.pagination)?;
        fields.end()
    }
}

/// A list of all the site's articles, people or events, `paginate:` a page.
pub trait Listed {
    type Item: Input;
    /// The list's folder, and its name in the template.
    const FOLDER: &'static str;
    const TEMPLATE: &'static str;
    /// Its title.
    const HEADING: &'static str;
    /// Ordered by time (newest first: its pages are "newer" and "older"), or not (by name:
    /// "previous" and "next").
    const BY_TIME: bool = true;
    fn len(r: &Renderer) -> usize;
    /// The item at `position` of the list.
    fn item(r: &Renderer, position: usize) -> Self::Item;
    fn shown(r: &Renderer, item: Self::Item) -> Value;
}

/// Articles, newest first.
pub struct ArticleList;

impl Listed for ArticleList {
    type Item = ArticleCard;
    const FOLDER: &'static str = "articles";
    const TEMPLATE: &'static str = "articles.html";
    const HEADING: &'static str = "Articles";
    fn len(r: &Renderer) -> usize {
        r.refs.articles.len()
    }
    fn item(_: &Renderer, position: usize) -> ArticleCard {
        ArticleCard(position)
    }
    fn shown(r: &Renderer, item: ArticleCard) -> Value {
        item.shown(r).value
    }
}

/// People by name.
pub struct PeopleList;

impl Listed for PeopleList {
    type Item = PersonCard;
    const FOLDER: &'static str = "people";
    const TEMPLATE: &'static str = "people.html";
    const HEADING: &'static str = "People";
    const BY_TIME: bool = false;
    fn len(r: &Renderer) -> usize {
        r.order.by_name.people.len()
    }
    fn item(r: &Renderer, position: usize) -> PersonCard {
        PersonCard(r.order.by_name.people[position])
    }
    fn shown(r: &Renderer, item: PersonCard) -> Value {
        item.shown(r).value
    }
}

/// Events newest first, then by name.
pub struct EventList;

impl Listed for EventList {
    type Item = EventCard;
    const FOLDER: &'static str = "events";
    const TEMPLATE: &'static str = "events.html";
    const HEADING: &'static str = "Events";
    fn len(r: &Renderer) -> usize {
        r.order.events.len()
    }
    fn item(r: &Renderer, position: usize) -> EventCard {
        EventCard(r.order.events[position])
    }
    fn shown(r: &Renderer, item: EventCard) -> Value {
        item.shown(r).value
    }
}

impl<L: Listed> PageSpec for L {
    /// The page, from 0.
    type Key = usize;
    type Inputs<'r> = ListInputs<L::Item>;
    type Context<'r> = ListContext;

    fn kind(_: usize) -> &'static str {
        L::FOLDER
    }

    fn template(_: usize) -> &'static str {
        L::TEMPLATE
    }

    fn path(_: &Renderer, page: usize) -> String {
        list_path(L::FOLDER, page)
    }

    fn inputs(r: &Renderer, page: usize) -> ListInputs<L::Item> {
        let len = L::len(r);
        let items = r.page_range(len, page).map(|position| L::item(r, position)).collect();
        ListInputs { page, pages: r.list_pages(len), items }
    }

    fn context(r: &Renderer, inputs: ListInputs<L::Item>) -> ListContext {
        ListContext {
            name: L::FOLDER,
            items: inputs.items.into_iter().map(|item| L::shown(r, item)).collect(),
            pagination: Pagination {
                ranked: !L::BY_TIME,
                ..Pagination::new(inputs.page, inputs.pages, true, |p| list_path(L::FOLDER, p))
            },
        }
    }

    fn meta(site: &SiteContext, path: &str, context: &ListContext) -> Meta {
        meta::collection(site, path, L::HEADING, context.pagination.current)
    }
}

/// All the organisations, or all the places, by name, on one page.
pub struct EntityList;

#[derive(Serialize)]
pub struct EntityListContext {
    pub kind: &'static str,
    pub heading: &'static str,
    pub entities: Vec<Value>,
}

impl PageSpec for EntityList {
    type Key = EntityKind;
    type Inputs<'r> = (EntityKind, Vec<EntityCard>);
    type Context<'r> = EntityListContext;

    fn kind(kind: EntityKind) -> &'static str {
        kind_folder(kind)
    }

    fn template(_: EntityKind) -> &'static str {
        "entities.html"
    }

    fn path(_: &Renderer, kind: EntityKind) -> String {
        format!("{}/index.html", kind_folder(kind))
    }

    fn inputs(r: &Renderer, kind: EntityKind) -> (EntityKind, Vec<EntityCard>) {
        let order = &r.order.by_name[kind];
        (kind, order.iter().map(|&index| EntityCard(EntityId { kind, index })).collect())
    }

    fn context(r: &Renderer, (kind, entities): (EntityKind, Vec<EntityCard>)) -> EntityListContext {
        EntityListContext {
            kind: kind_name(kind),
            heading: if kind == EntityKind::Organisation { "Organisations" } else { "Places" },
            entities: entities.iter().map(|e| e.shown(r).value).collect(),
        }
    }

    fn meta(site: &SiteContext, path: &str, context: &EntityListContext) -> Meta {
        meta::collection(site, path, context.heading, 1)
    }
}

/// A page made of the template alone.
#[derive(Serialize)]
pub struct Nothing {}

pub struct NotFound;

impl PageSpec for NotFound {
    type Key = ();
    type Inputs<'r> = ();
    type Context<'r> = Nothing;

    fn kind(_: ()) -> &'static str {
        "404"
    }

    fn template(_: ()) -> &'static str {
        "404.html"
    }

    fn path(_: &Renderer, _: ()) -> String {
        "404.html".to_string()
    }

    fn inputs(_: &Renderer, _: ()) {}

    fn context(_: &Renderer, _: ()) -> Nothing {
        Nothing {}
    }

    fn meta(site: &SiteContext, path: &str, _: &Nothing) -> Meta {
        meta::not_found(site, path)
    }
}

pub struct Search;

impl PageSpec for Search {
    type Key = ();
    type Inputs<'r> = ();
    type Context<'r> = Nothing;

    fn kind(_: ()) -> &'static str {
        "search"
    }

    fn template(_: ()) -> &'static str {
        "search.html"
    }

    fn path(_: &Renderer, _: ()) -> String {
        "search.html".to_string()
    }

    fn inputs(_: &Renderer, _: ()) {}

    fn context(_: &Renderer, _: ()) -> Nothing {
        Nothing {}
    }

    fn meta(site: &SiteContext, path: &str, _: &Nothing) -> Meta {
        meta::collection(site, path, "Search", 1)
    }
}
