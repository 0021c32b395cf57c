//! The pages of a person, an organisation or place, and an event: each a run of the articles
//! that name it (`paginate:` a page) with their quotes. The first page also has its counts,
//! charts and the lists about all its articles; a later page leaves those null or empty, so
//! that an edit re-renders the page of the edited article and the first, not every page.

use super::{Pagination, subject_path};
use crate::annotate::EntityKind;
use crate::content::{Date, Extra};
use crate::index::{Changed, EntityId};
use crate::render::charts::{self, BarRow, Chart, PeriodRow, TimelineRow};
use crate::render::context::*;
use crate::render::meta::{self, Meta};
use crate::render::spec::*;
use crate::render::{Renderer, Value, markup};
use serde::Serialize;

/// Front matter that is not brief's own, for a subject without a profile.
static NO_EXTRA: Extra = Extra::new();

inputs! {
    /// What the first page of a subject shows about all its articles, over the archive's span.
    pub struct Timeline {
        pub span: (Date, Date),
        /// An event's day, drawn as a line.
        pub day: Option<Date>,
        /// The subject's articles, with how many of its quotes each has.
        pub rows: Vec<(ArticleCard, usize)>,
    }
}

/// `{person, count}`: someone quoted alongside, or a speaker at an event.
#[derive(Serialize)]
pub struct Counted<'r> {
    pub person: Shared<'r, EntityLink>,
    pub count: usize,
}

/// One article's quotes on a person's page: what was said in full, then the partial quotes.
#[derive(Serialize)]
pub struct QuoteGroup {
    pub article: Value,
    pub quotes: Vec<Value>,
    pub fragments: Vec<Value>,
}

pub struct PersonPage;

inputs! {
    pub struct PersonInputs<'r> {
        pub person: Link,
        pub profile: Option<Profile<'r>>,
        pub page: usize,
        pub pages: usize,
        pub first: Option<PersonFirst>,
        pub articles: Vec<ArticleCard>,
        pub quotes: Vec<QuoteCard>,
    }
}

inputs! {
    pub struct PersonFirst {
        pub counts: PersonCard,
        pub quoted_with: Vec<(Link, usize)>,
        pub events: Vec<EventMention>,
        pub timeline: Option<Timeline>,
    }
}

#[derive(Serialize)]
pub struct PersonContext<'r> {
    pub person: Person<'r>,
    pub pagination: Pagination,
}

/// `person` in `person.html`.
#[derive(Serialize)]
pub struct Person<'r> {
    pub name: &'r str,
    pub url: &'r str,
    pub role: Option<&'r str>,
    pub affiliation: Option<&'r str>,
    pub country: Option<&'r str>,
    pub aliases: &'r [String],
    /// The profile's Markdown as HTML, on the first page.
    pub bio: Option<String>,
    pub has_profile: bool,
    pub quote_count: Option<usize>,
    pub article_count: Option<usize>,
    pub quotes_by_article: Vec<QuoteGroup>,
    pub articles: Vec<Shared<'r, ArticleRef>>,
    pub quoted_with: Vec<Counted<'r>>,
    pub timeline: Option<Chart<PeriodRow>>,
    pub quoted_with_chart: Option<Chart<BarRow>>,
    pub events: Vec<Shared<'r, EventLink>>,
    pub extra: &'r Extra,
}

impl PageSpec for PersonPage {
    /// The person and the page.
    type Key = (usize, usize);
    type Inputs<'r> = PersonInputs<'r>;
    type Context<'r> = PersonContext<'r>;

    fn kind(_: Self::Key) -> &'static str {
        "person"
    }

    fn template(_: Self::Key) -> &'static str {
        "person.html"
    }

    fn path(r: &Renderer, (i, page): Self::Key) -> String {
        subject_path(&entity_url(&r.index.people[i]), page)
    }

    fn inputs<'r>(r: &'r Renderer, (i, page): Self::Key) -> PersonInputs<'r> {
        let p = &r.index.people[i];
        let (articles, quotes) = shown(r, &p.articles, &p.quotes, true, page);
        let first = (page == 0).then(|| {
            let counts = quotes_per_article(r, &p.articles, &p.quotes);
            PersonFirst {
                counts: PersonCard(i),
                quoted_with: counted(EntityKind::Person, &p.quoted_with),
                events: p.events.iter().map(|&e| EventMention(e)).collect(),
                timeline: timeline(r, None, p.articles.iter().copied().zip(counts)),
            }
        });
        PersonInputs {
            person: Link(EntityId { kind: EntityKind::Person, index: i }),
            profile: p.profile.as_ref().map(Profile),
            page,
            pages: r.subject_pages(&p.articles),
            first,
            articles,
            quotes,
        }
    }

    fn context<'r>(r: &'r Renderer, inputs: PersonInputs<'r>) -> PersonContext<'r> {
        let link = inputs.person.record(r);
        let profile = inputs.profile.map(|p| p.0);
        let first = inputs.first.as_ref();
        let chart = |first: &PersonFirst| {
            let title = format!("People quoted in the same articles as {}", link.name);
            bar_chart(r, "quoted-with", &title, &first.quoted_with)
        };
        let bio = profile.map(|x| x.bio.trim()).filter(|b| first.is_some() && !b.is_empty());
        let person = Person {
            name: &link.name,
            url: &link.url,
            role: profile.and_then(|x| x.role.as_deref()),
            affiliation: profile.and_then(|x| x.affiliation.as_deref()),
            country: profile.and_then(|x| x.country.as_deref()),
            aliases: profile.map(|x| x.aliases.as_slice()).unwrap_or_default(),
            bio: bio.map(markup::render_markdown),
            has_profile: profile.is_some(),
            quote_count: first.map(|f| f.counts.record(r).quote_count),
            article_count: first.map(|f| f.counts.record(r).article_count),
            quotes_by_article: quote_groups(r, &inputs.quotes),
            articles: inputs.articles.iter().map(|a| a.shown(r)).collect(),
            quoted_with: first.map(|f| counted_context(r, &f.quoted_with)).unwrap_or_default(),
            timeline: first.and_then(|f| {
                let title = format!("When {} was quoted or mentioned", link.name);
                timeline_chart(r, &title, f.timeline.as_ref()?)
            }),
            quoted_with_chart: first.and_then(chart),
            events: first.map(|f| f.events.iter().map(|e| e.shown(r)).collect()).unwrap_or_default(),
            extra: profile.map_or(&NO_EXTRA, |x| &x.extra),
        };
        let pagination = Pagination::new(inputs.page, inputs.pages, true, |n| subject_path(&link.url, n));
        PersonContext { person, pagination }
    }

    fn meta(site: &SiteContext, _: &str, context: &PersonContext) -> Meta {
        meta::person(site, &context.person, context.pagination.current)
    }

    fn feed(r: &Renderer, (i, _): Self::Key) -> String {
        entity_url(&r.index.people[i]).replace(".html", ".xml")
    }

    fn touched(changes: &[Changed], (i, _): Self::Key) -> bool {
        touches_entity(changes, EntityId { kind: EntityKind::Person, index: i })
    }
}

pub struct EntityPage;

inputs! {
    pub struct EntityInputs {
        pub entity: Link,
        pub page: usize,
        pub pages: usize,
        /// Its counts, on the first page.
        pub counts: Option<EntityCard>,
        pub articles: Vec<ArticleCard>,
        pub quotes: Vec<QuoteCard>,
    }
}

#[derive(Serialize)]
pub struct EntityContext<'r> {
    pub entity: Entity<'r>,
    pub pagination: Pagination,
}

/// `entity` in `entity.html`.
#[derive(Serialize)]
pub struct Entity<'r> {
    pub name: &'r str,
    pub kind: &'static str,
    pub url: &'r str,
    pub article_count: Option<usize>,
    pub articles: Vec<Shared<'r, ArticleRef>>,
    pub quotes: Vec<Shared<'r, QuoteRef>>,
}

impl PageSpec for EntityPage {
    /// An organisation or place, and the page.
    type Key = (EntityKind, usize, usize);
    type Inputs<'r> = EntityInputs;
    type Context<'r> = EntityContext<'r>;

    fn kind((kind, ..): Self::Key) -> &'static str {
        kind_name(kind)
    }

    fn template(_: Self::Key) -> &'static str {
        "entity.html"
    }

    fn path(r: &Renderer, (kind, i, page): Self::Key) -> String {
        subject_path(&entity_url(&r.index.entities(kind)[i]), page)
    }

    fn inputs(r: &Renderer, (kind, index, page): Self::Key) -> EntityInputs {
        let e = &r.index.entities(kind)[index];
        let (articles, quotes) = shown(r, &e.articles, &e.quotes, true, page);
        let id = EntityId { kind, index };
        EntityInputs {
            entity: Link(id),
            page,
            pages: r.subject_pages(&e.articles),
            counts: (page == 0).then_some(EntityCard(id)),
            articles,
            quotes,
        }
    }

    fn context<'r>(r: &'r Renderer, inputs: EntityInputs) -> EntityContext<'r> {
        let link = inputs.entity.record(r);
        let entity = Entity {
            name: &link.name,
            kind: link.kind,
            url: &link.url,
            article_count: inputs.counts.map(|c| c.record(r).article_count),
            articles: inputs.articles.iter().map(|a| a.shown(r)).collect(),
            quotes: inputs.quotes.iter().map(|q| q.shown(r)).collect(),
        };
        let pagination = Pagination::new(inputs.page, inputs.pages, true, |n| subject_path(&link.url, n));
        EntityContext { entity, pagination }
    }

    fn meta(site: &SiteContext, path: &str, context: &EntityContext) -> Meta {
        meta::entity(site, path, context.entity.name, context.pagination.current)
    }

    fn touched(changes: &[Changed], (kind, index, _): Self::Key) -> bool {
        touches_entity(changes, EntityId { kind, index })
    }
}

pub struct EventPage;

inputs! {
    pub struct EventInputs<'r> {
        pub event: EventMention,
        pub profile: Option<EventProfile<'r>>,
        pub discovered: bool,
        pub page: usize,
        pub pages: usize,
        pub first: Option<EventFirst>,
        pub articles: Vec<ArticleCard>,
        pub quotes: Vec<QuoteCard>,
    }
}

inputs! {
    pub struct EventFirst {
        pub participants: Vec<Link>,
        pub speakers: Vec<(Link, usize)>,
        pub timeline: Option<Timeline>,
    }
}

#[derive(Serialize)]
pub struct EventContext<'r> {
    pub event: Event<'r>,
    pub pagination: Pagination,
}

/// `event` in `event.html`.
#[derive(Serialize)]
pub struct Event<'r> {
    pub name: &'r str,
    pub url: &'r str,
    pub date: Option<&'r str>,
    pub date_display: Option<&'r str>,
    pub place: Option<&'r str>,
    /// The profile's Markdown as HTML, on the first page.
    pub summary: Option<String>,
    pub has_profile: bool,
    pub discovered: bool,
    pub participants: Vec<Shared<'r, EntityLink>>,
    pub articles: Vec<Shared<'r, ArticleRef>>,
    pub speakers: Vec<Counted<'r>>,
    pub timeline: Option<Chart<PeriodRow>>,
    pub speakers_chart: Option<Chart<BarRow>>,
    pub quotes: Vec<Shared<'r, QuoteRef>>,
    pub extra: &'r Extra,
}

impl PageSpec for EventPage {
    /// The event and the page.
    type Key = (usize, usize);
    type Inputs<'r> = EventInputs<'r>;
    type Context<'r> = EventContext<'r>;

    fn kind(_: Self::Key) -> &'static str {
        "event"
    }

    fn template(_: Self::Key) -> &'static str {
        "event.html"
    }

    fn path(r: &Renderer, (i, page): Self::Key) -> String {
        subject_path(&event_url(&r.index.events[i]), page)
    }

    /// An event's articles are oldest first.
    fn inputs<'r>(r: &'r Renderer, (i, page): Self::Key) -> EventInputs<'r> {
        let e = &r.index.events[i];
        let profile = e.profile.as_ref();
        let (articles, quotes) = shown(r, &e.articles, &e.quotes, false, page);
        let first = (page == 0).then(|| {
            let rows = e.articles.iter().map(|&a| (a, r.index.articles[a].quotes.len()));
            EventFirst {
                participants: e
                    .participants
                    .iter()
                    .map(|&p| Link(EntityId { kind: EntityKind::Person, index: p }))
                    .collect(),
                speakers: counted(EntityKind::Person, &e.speakers),
                timeline: timeline(r, profile.and_then(|x| x.start), rows),
            }
        });
        EventInputs {
            event: EventMention(i),
            profile: profile.map(EventProfile),
            discovered: e.discovered,
            page,
            pages: r.subject_pages(&e.articles),
            first,
            articles,
            quotes,
        }
    }

    fn context<'r>(r: &'r Renderer, inputs: EventInputs<'r>) -> EventContext<'r> {
        let link = inputs.event.record(r);
        let profile = inputs.profile.map(|p| p.0);
        let first = inputs.first.as_ref();
        let summary = profile.map(|x| x.summary.trim()).filter(|s| first.is_some() && !s.is_empty());
        let chart = |first: &EventFirst| {
            let title = format!("Quotes by speaker about {}", link.name);
            bar_chart(r, "speakers", &title, &first.speakers)
        };
        let event = Event {
            name: &link.name,
            url: &link.url,
            date: link.date.as_deref(),
            date_display: link.date_display.as_deref(),
            place: link.place.as_deref(),
            summary: summary.map(markup::render_markdown),
            has_profile: profile.is_some(),
            discovered: inputs.discovered,
            participants: first.map(|f| f.participants.iter().map(|p| p.shown(r)).collect()).unwrap_or_default(),
            articles: inputs.articles.iter().map(|a| a.shown(r)).collect(),
            speakers: first.map(|f| counted_context(r, &f.speakers)).unwrap_or_default(),
            timeline: first.and_then(|f| {
                let title = format!("Articles about {} over time", link.name);
                timeline_chart(r, &title, f.timeline.as_ref()?)
            }),
            speakers_chart: first.and_then(chart),
            quotes: inputs.quotes.iter().map(|q| q.shown(r)).collect(),
            extra: profile.map_or(&NO_EXTRA, |x| &x.extra),
        };
        let pagination = Pagination::new(inputs.page, inputs.pages, false, |n| subject_path(&link.url, n));
        EventContext { event, pagination }
    }

    fn meta(site: &SiteContext, _: &str, context: &EventContext) -> Meta {
        meta::event(site, &context.event, context.pagination.current)
    }

    fn feed(r: &Renderer, (i, _): Self::Key) -> String {
        event_url(&r.index.events[i]).replace(".html", ".xml")
    }

    fn touched(changes: &[Changed], (i, _): Self::Key) -> bool {
        changes.iter().any(|c| c.events.binary_search(&i).is_ok())
    }
}

pub(in crate::render) fn touches_entity(changes: &[Changed], id: EntityId) -> bool {
    changes.iter().any(|c| c.entities.binary_search(&id).is_ok())
}

/// The articles and quotes one page of a subject shows.
fn shown(
    r: &Renderer,
    articles: &[usize],
    quotes: &[usize],
    newest_first: bool,
    page: usize,
) -> (Vec<ArticleCard>, Vec<QuoteCard>) {
    let shown = r.subject_page(articles, quotes, newest_first, page);
    (
        articles[shown.articles].iter().map(|&a| ArticleCard(a)).collect(),
        quotes[shown.quotes].iter().map(|&q| QuoteCard(q)).collect(),
    )
}

/// How many of `quotes` come from each of `articles` (both newest first), in one walk.
fn quotes_per_article(r: &Renderer, articles: &[usize], quotes: &[usize]) -> Vec<usize> {
    let mut quotes = quotes.iter().map(|&q| r.index.quotes[q].article).peekable();
    articles
        .iter()
        .map(|&article| {
            let mut count = 0;
            while let Some(&of) = quotes.peek() {
                if of == article {
                    count += 1;
                } else if of > article {
                    break;
                }
                quotes.next();
            }
            count
        })
        .collect()
}

fn counted(kind: EntityKind, people: &[(usize, usize)]) -> Vec<(Link, usize)> {
    people.iter().map(|&(index, count)| (Link(EntityId { kind, index }), count)).collect()
}

fn counted_context<'r>(r: &'r Renderer, people: &[(Link, usize)]) -> Vec<Counted<'r>> {
    people.iter().map(|&(link, count)| Counted { person: link.shown(r), count }).collect()
}

/// A subject's articles (with a count of quotes each) on the archive's timeline, or nothing
/// when no article has a date.
fn timeline(r: &Renderer, day: Option<Date>, rows: impl Iterator<Item = (usize, usize)>) -> Option<Timeline> {
    let span = r.span?;
    Some(Timeline { span: (span.first, span.last), day, rows: rows.map(|(a, n)| (ArticleCard(a), n)).collect() })
}

/// Dated articles, oldest first, a mark each, filled where quoted.
fn timeline_chart(r: &Renderer, title: &str, timeline: &Timeline) -> Option<Chart<PeriodRow>> {
    let mut rows: Vec<(Date, TimelineRow)> = timeline
        .rows
        .iter()
        .filter_map(|&(article, quotes)| {
            let date = r.index.articles[article.0].article.date?;
            // The strings the article's reference already holds, not made again.
            let reference = article.record(r);
            let row = TimelineRow {
                date: reference.date.clone().unwrap_or_default(),
                date_display: reference.date_display.clone().unwrap_or_default(),
                title: reference.title.clone(),
                url: reference.url.clone(),
                quotes,
            };
            Some((date, row))
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.url.cmp(&b.1.url)));
    let span = charts::Span { first: timeline.span.0, last: timeline.span.1 };
    Some(charts::timeline("timeline", title, rows, span, timeline.day, "../"))
}

/// A bar chart of people and counts (at most eight), or null when there is nobody.
pub(super) fn bar_chart(r: &Renderer, id: &str, title: &str, people: &[(Link, usize)]) -> Option<Chart<BarRow>> {
    let rows: Vec<BarRow> = people
        .iter()
        .take(8)
        .map(|&(person, count)| {
            let link = person.record(r);
            BarRow { label: link.name.clone(), url: link.url.clone(), count }
        })
        .collect();
    (!rows.is_empty()).then(|| charts::bars(id, title, rows, "../"))
}

/// A subject's quotes (in the order of their articles), one group an article: what was said
/// in full first, then the partial quotes apart (those shorter than `min_fragment_words` left
/// out, unless they are all there is). A quote said again in another article of the run is
/// shown once, the first time, with the other articles in its `also_in`.
fn quote_groups(r: &Renderer, quotes: &[QuoteCard]) -> Vec<QuoteGroup> {
    use std::collections::{HashMap, hash_map::Entry};
    let quotes: Vec<usize> = quotes.iter().map(|q| q.0).collect();
    let key = |q: usize| -> String {
        let text = &r.index.quotes[q].text;
        text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut also_in: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut shown: Vec<usize> = Vec::with_capacity(quotes.len());
    let short = |q: usize| {
        let quote = &r.index.quotes[q];
        quote.fragment && quote.text.split_whitespace().count() < r.min_fragment_words
    };
    // Someone quoted only in a word or two still has those words shown.
    let leave_short_out = quotes.iter().any(|&q| !short(q));
    for &q in &quotes {
        if leave_short_out && short(q) {
            continue;
        }
        match first_of.entry(key(q)) {
            Entry::Occupied(first) => {
                let sources = also_in.entry(*first.get()).or_default();
                let article = r.index.quotes[q].article;
                if article != r.index.quotes[*first.get()].article && !sources.contains(&article) {
                    sources.push(article);
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(q);
                shown.push(q);
            }
        }
    }
    let value_of = |q: usize| {
        let sources = also_in.get(&q).map(|a| a.iter().map(|&a| r.values.article(&r.refs, a)).collect::<Vec<_>>());
        let mut fields = r.values.quote(&r.refs, r.index, q).into_map().unwrap_or_default();
        fields.insert(tera::value::Key::Str("also_in"), Value::from(sources.unwrap_or_default()));
        // Words cut from a sentence, without the punctuation at their edges: “…a relic…”.
        let text = &r.index.quotes[q].text;
        let excerpt = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
        fields.insert(tera::value::Key::Str("excerpt"), excerpt.into());
        Value::from(fields)
    };
    let article_of = |q: usize| r.index.quotes[q].article;
    let runs = shown.chunk_by(|&a, &b| article_of(a) == article_of(b));
    runs.map(|run| {
        let (fragments, full): (Vec<usize>, Vec<usize>) = run.iter().partition(|&&q| r.index.quotes[q].fragment);
        QuoteGroup {
            article: r.values.article(&r.refs, article_of(run[0])),
            quotes: full.into_iter().map(value_of).collect(),
            fragments: fragments.into_iter().map(value_of).collect(),
        }
    })
    .collect()
}
