//! The pages of a person, an organisation or place, and an event: each a run of the articles
//! that name it (`paginate:` a page) with their quotes. The first page also has its counts,
//! charts and the lists about all its articles; a later page leaves those null or empty, so
//! that an edit re-renders the page of the edited article and the first, not every page.

use super::{Pagination, subject_path};
use crate::annotate::{EntityKind, Span, TextFormat};
use crate::content::{Date, Extra};
use crate::index::{Changed, EntityId};
use crate::render::charts::{self, BarRow, Chart, PeriodRow, TimelineRow};
use crate::render::context::*;
use crate::render::meta::{self, Meta};
use crate::render::spec::*;
use crate::render::{Renderer, Value, markup};
use serde::Serialize;
use std::borrow::Cow;

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
    /// The article's index, for the page to leave it out of its other articles.
    #[serde(skip)]
    pub index: usize,
    pub article: Value,
    pub quotes: Vec<Value>,
    pub fragments: Vec<Value>,
}

pub struct PersonPage;

/// The people quoted alongside a person that their first page lists, most often first: the
/// list would otherwise grow with the archive (hundreds of names on a busy person's page).
pub const QUOTED_WITH_SHOWN: usize = 20;

/// The events a person's first page lists, the newest first: the rest are on the events' list
/// and linked from their articles.
pub const PERSON_EVENTS_SHOWN: usize = 20;

/// The speakers an event's first page lists, most quoted first, for the same reason.
pub const SPEAKERS_SHOWN: usize = 20;

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
        pub quoted_with_more: usize,
        pub events: Vec<EventMention>,
        pub events_more: usize,
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
    /// The page's articles that have no group in `quotes_by_article`: each article is shown
    /// once, with its quotes or in this list.
    pub articles: Vec<Shared<'r, ArticleRef>>,
    /// The people most often quoted in the same articles, at most `QUOTED_WITH_SHOWN`.
    pub quoted_with: Vec<Counted<'r>>,
    /// How many more there are.
    pub quoted_with_more: usize,
    pub timeline: Option<Chart<PeriodRow>>,
    pub quoted_with_chart: Option<Chart<BarRow>>,
    /// The newest `PERSON_EVENTS_SHOWN` of their events, newest first.
    pub events: Vec<Shared<'r, EventLink>>,
    /// How many more events they are in.
    pub events_more: usize,
    /// What the first page's articles can be narrowed by, or null.
    pub filters: Option<Filters>,
    pub extra: &'r Extra,
}

/// The outlets and periods of a person's first page, for `static/filter.js`: each article
/// (its card and its quote group) carries `data-source` and `data-date`, and a period is the
/// prefix of the dates it holds ("2025" or "2025-08").
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Filters {
    /// "year", or "month" when the page's articles span less than a year.
    pub by: &'static str,
    /// By name; the articles without a source are in no choice but "all".
    pub sources: Vec<Choice>,
    /// Newest first.
    pub periods: Vec<Choice>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// How many of the page's articles it keeps.
    pub count: usize,
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
        subject_path(&entity_url(&r.index.entities.people[i]), page)
    }

    fn inputs<'r>(r: &'r Renderer, (i, page): Self::Key) -> PersonInputs<'r> {
        let p = &r.index.entities.people[i];
        let (articles, quotes) = shown(r, &p.articles, &p.quotes, true, page);
        let first = (page == 0).then(|| {
            let counts = quotes_per_article(r, &p.articles, &p.quotes);
            PersonFirst {
                counts: PersonCard(i),
                quoted_with: counted(EntityKind::Person, &p.quoted_with[..p.quoted_with.len().min(QUOTED_WITH_SHOWN)]),
                quoted_with_more: p.quoted_with.len().saturating_sub(QUOTED_WITH_SHOWN),
                events: {
                    // Newest first (a stable sort: events of one day stay by slug), the latest few.
                    let mut events = p.events.clone();
                    events.sort_by(|&a, &b| r.refs.events[b].date.cmp(&r.refs.events[a].date));
                    events.into_iter().take(PERSON_EVENTS_SHOWN).map(EventMention).collect()
                },
                events_more: p.events.len().saturating_sub(PERSON_EVENTS_SHOWN),
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
            url: link.page_url(),
            role: profile.and_then(|x| x.role.as_deref()),
            affiliation: profile.and_then(|x| x.affiliation.as_deref()),
            country: profile.and_then(|x| x.country.as_deref()),
            aliases: profile.map(|x| x.aliases.as_slice()).unwrap_or_default(),
            bio: bio.map(markup::render_markdown),
            has_profile: profile.is_some(),
            quote_count: first.map(|f| f.counts.record(r).quote_count),
            article_count: first.map(|f| f.counts.record(r).article_count),
            quotes_by_article: Vec::new(),
            articles: Vec::new(),
            quoted_with: first.map(|f| counted_context(r, &f.quoted_with)).unwrap_or_default(),
            quoted_with_more: first.map_or(0, |f| f.quoted_with_more),
            timeline: first.and_then(|f| {
                let title = format!("When {} was quoted or mentioned", link.name);
                timeline_chart(r, &title, f.timeline.as_ref()?)
            }),
            quoted_with_chart: first.and_then(chart),
            events: first.map(|f| f.events.iter().map(|e| e.shown(r)).collect()).unwrap_or_default(),
            events_more: first.map_or(0, |f| f.events_more),
            filters: first.and_then(|_| filters(inputs.articles.iter().map(|a| a.record(r)))),
            extra: profile.map_or(&NO_EXTRA, |x| &x.extra),
        };
        let groups = quote_groups(r, &inputs.quotes);
        let grouped: std::collections::HashSet<usize> = groups.iter().map(|g| g.index).collect();
        let person = Person {
            articles: inputs.articles.iter().filter(|a| !grouped.contains(&a.0)).map(|a| a.shown(r)).collect(),
            quotes_by_article: groups,
            ..person
        };
        let pagination = Pagination::new(inputs.page, inputs.pages, true, |n| subject_path(link.page_url(), n));
        PersonContext { person, pagination }
    }

    fn meta(site: &SiteContext, path: &str, context: &PersonContext) -> Meta {
        meta::person(site, path, &context.person, context.pagination.current)
    }

    fn feed(r: &Renderer, (i, _): Self::Key) -> String {
        entity_url(&r.index.entities.people[i]).replace(".html", ".xml")
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
        /// Where each of `articles` names it, for the sentences shown.
        pub named: Vec<Naming>,
        pub quotes: Vec<QuoteCard>,
    }
}

inputs! {
    /// An article's text and the spans in it that name a subject: the sentences shown are cut
    /// from the text (signed by its fingerprint) around the spans (which resolution, not the
    /// text alone, decides).
    pub struct Naming {
        pub text: ArticleText,
        pub spans: Vec<Span>,
    }
}

/// An article on an organisation's or place's page, with the sentences that name it.
#[derive(Serialize)]
pub struct Mentioned<'r> {
    pub article: Shared<'r, ArticleRef>,
    /// The first [`SENTENCES_SHOWN`], each a run of text with the name marked.
    pub sentences: Vec<Vec<Part>>,
    /// How many more sentences of the article name it.
    pub more: usize,
}

/// A piece of a sentence: plain text, and whether it is the name.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub mark: bool,
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
    /// This page's articles, each with the sentences that name it.
    pub mentions: Vec<Mentioned<'r>>,
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
        subject_path(&entity_url(&r.index.entities[kind][i]), page)
    }

    fn inputs(r: &Renderer, (kind, index, page): Self::Key) -> EntityInputs {
        let e = &r.index.entities[kind][index];
        let (articles, quotes) = shown(r, &e.articles, &e.quotes, true, page);
        let id = EntityId { kind, index };
        let named = articles
            .iter()
            .map(|a| {
                let entry = &r.index.articles[a.0];
                let spans = entry.mentions.iter().filter(|m| m.1 == id).map(|m| m.0).collect();
                Naming { text: ArticleText(a.0), spans }
            })
            .collect();
        EntityInputs {
            entity: Link(id),
            page,
            pages: r.subject_pages(&e.articles),
            counts: (page == 0).then_some(EntityCard(id)),
            articles,
            named,
            quotes,
        }
    }

    fn context<'r>(r: &'r Renderer, inputs: EntityInputs) -> EntityContext<'r> {
        let link = inputs.entity.record(r);
        let entity = Entity {
            name: &link.name,
            kind: link.kind,
            url: link.page_url(),
            article_count: inputs.counts.map(|c| c.record(r).article_count),
            articles: inputs.articles.iter().map(|a| a.shown(r)).collect(),
            mentions: inputs
                .articles
                .iter()
                .zip(&inputs.named)
                .map(|(a, named)| {
                    let article = &named.text.record(r).article;
                    let (sentences, more) = sentences(&article.body, article.format, &named.spans);
                    Mentioned { article: a.shown(r), sentences, more }
                })
                .collect(),
            quotes: inputs.quotes.iter().map(|q| q.shown(r)).collect(),
        };
        let pagination = Pagination::new(inputs.page, inputs.pages, true, |n| subject_path(link.page_url(), n));
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
        pub speakers_more: usize,
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
    /// The page's articles without quotes: those with quotes head their group in `quotes`.
    pub articles: Vec<Shared<'r, ArticleRef>>,
    /// The most quoted speakers, at most `SPEAKERS_SHOWN`.
    pub speakers: Vec<Counted<'r>>,
    /// How many more speakers there are.
    pub speakers_more: usize,
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
                speakers: counted(EntityKind::Person, &e.speakers[..e.speakers.len().min(SPEAKERS_SHOWN)]),
                speakers_more: e.speakers.len().saturating_sub(SPEAKERS_SHOWN),
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
            articles: {
                let quoted: std::collections::HashSet<usize> =
                    inputs.quotes.iter().map(|q| r.index.quotes[q.0].article).collect();
                inputs.articles.iter().filter(|a| !quoted.contains(&a.0)).map(|a| a.shown(r)).collect()
            },
            speakers: first.map(|f| counted_context(r, &f.speakers)).unwrap_or_default(),
            speakers_more: first.map_or(0, |f| f.speakers_more),
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

    fn meta(site: &SiteContext, path: &str, context: &EventContext) -> Meta {
        meta::event(site, path, &context.event, context.pagination.current)
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

/// Dated articles on the archive's timeline, a column a day or week, filled where quoted.
fn timeline_chart(r: &Renderer, title: &str, timeline: &Timeline) -> Option<Chart<PeriodRow>> {
    let rows: Vec<TimelineRow> = timeline
        .rows
        .iter()
        .filter_map(|&(article, quotes)| Some((r.index.articles[article.0].article.date?, quotes)))
        .collect();
    let span = charts::Span { first: timeline.span.0, last: timeline.span.1 };
    Some(charts::timeline("timeline", title, &rows, span, timeline.day))
}

/// A bar chart of people and counts (at most eight), or null when there is nobody.
pub(super) fn bar_chart(r: &Renderer, id: &str, title: &str, people: &[(Link, usize)]) -> Option<Chart<BarRow>> {
    let rows: Vec<BarRow> = people
        .iter()
        .take(8)
        .filter_map(|&(person, count)| {
            let link = person.record(r);
            Some(BarRow { label: link.name.clone(), url: link.url.clone()?, count })
        })
        .collect();
    (!rows.is_empty()).then(|| charts::bars(id, title, rows, "../"))
}

/// A subject's quotes (in the order of their articles), one group an article: what was said
/// in full first, then the partial quotes apart (those shorter than `min_fragment_words` left
/// out, unless they are all there is: `QuoteEntry::short_fragment`). A quote said again in another article of the run is
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
    let short = |q: usize| r.index.quotes[q].short_fragment;
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
            index: article_of(run[0]),
            article: r.values.article(&r.refs, article_of(run[0])),
            quotes: full.into_iter().map(value_of).collect(),
            fragments: fragments.into_iter().map(value_of).collect(),
        }
    })
    .collect()
}

/// The choices that narrow a page of `articles`: none unless there are two articles and two
/// outlets or periods to tell apart.
fn filters<'r>(articles: impl Iterator<Item = &'r ArticleRef>) -> Option<Filters> {
    use std::collections::BTreeMap;
    let articles: Vec<&ArticleRef> = articles.collect();
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    for source in articles.iter().filter_map(|a| a.source.as_deref()) {
        *sources.entry(source).or_default() += 1;
    }
    let dates: Vec<&str> = articles.iter().filter_map(|a| a.date.as_deref()).filter(|d| d.len() == 10).collect();
    let (first, last) = (dates.iter().min()?, dates.iter().max()?);
    // Under a year apart: the same year, or the next one before the same day.
    let by_month = first[..4] == last[..4]
        || (first[..4].parse::<u32>().ok().map(|y| y + 1) == last[..4].parse().ok() && last[5..] < first[5..]);
    let width = if by_month { 7 } else { 4 };
    let mut periods: BTreeMap<&str, usize> = BTreeMap::new();
    for date in &dates {
        *periods.entry(&date[..width]).or_default() += 1;
    }
    if articles.len() < 2 || (sources.len() < 2 && periods.len() < 2) {
        return None;
    }
    let label = |period: &str| match by_month {
        true => {
            let month =
                period[5..].parse::<usize>().ok().and_then(|m| crate::content::date::MONTHS.get(m.wrapping_sub(1)));
            format!("{} {}", month.copied().unwrap_or(&period[5..]), &period[..4])
        }
        false => period.to_string(),
    };
    let choice = |(value, count): (&str, usize), label: String| Choice { value: value.to_string(), label, count };
    Some(Filters {
        by: if by_month { "month" } else { "year" },
        sources: sources.into_iter().map(|s| choice(s, s.0.to_string())).collect(),
        periods: periods.into_iter().rev().map(|p| choice(p, label(p.0))).collect(),
    })
}

/// Sentences shown per article on an organisation's or place's page.
const SENTENCES_SHOWN: usize = 2;
/// About the longest sentence shown whole, in bytes: a longer one is cut around the name.
const SENTENCE_CAP: usize = 300;
/// How far a sentence's ends are looked for, either side of the name.
const SENTENCE_SCAN: usize = 2000;
/// Words whose full stop ends no sentence ("Sen. Warren", "Acme Inc. said").
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Co", "Col", "Corp", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Maj", "Mr",
    "Mrs", "Ms", "Mt", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "Supt", "vs",
];

/// The sentences of `body` that hold `spans` (sorted, as the annotator gives mentions), the
/// first [`SENTENCES_SHOWN`] as plain text with the spans marked, and how many more there
/// are. Sentence ends are found by a scan for `. `, `? `, `! ` and paragraph breaks near the
/// name, not by reading the whole text.
pub(crate) fn sentences(body: &str, format: TextFormat, spans: &[Span]) -> (Vec<Vec<Part>>, usize) {
    let mut groups: Vec<((usize, usize), Vec<Span>)> = Vec::new();
    for &span in spans {
        if span.start >= span.end || span.end > body.len() {
            continue;
        }
        if let Some((range, marks)) = groups.last_mut()
            && span.start < range.1
        {
            marks.push(span);
            range.1 = range.1.max(span.end);
            continue;
        }
        groups.push((sentence_around(body, format, span), vec![span]));
    }
    let more = groups.len().saturating_sub(SENTENCES_SHOWN);
    let shown = groups.into_iter().take(SENTENCES_SHOWN).map(|(range, marks)| excerpt(body, format, range, &marks));
    (shown.collect(), more)
}

/// The byte range of the sentence around `span`.
fn sentence_around(body: &str, format: TextFormat, span: Span) -> (usize, usize) {
    let bytes = body.as_bytes();
    let low = floor_char(body, span.start.saturating_sub(SENTENCE_SCAN));
    let start = (low..span.start)
        .rev()
        .find(|&w| bytes[w].is_ascii_whitespace() && ends_sentence(body, format, w))
        .map_or(low, |w| w + 1);
    let high = ceil_char(body, (span.end + SENTENCE_SCAN).min(body.len()));
    let end =
        (span.end..high).find(|&w| bytes[w].is_ascii_whitespace() && ends_sentence(body, format, w)).unwrap_or(high);
    (start, end)
}

/// Whether the white space at byte `w` follows the end of a sentence, or breaks a paragraph.
fn ends_sentence(body: &str, format: TextFormat, w: usize) -> bool {
    let bytes = body.as_bytes();
    if bytes[w] == b'\n' {
        let blank_after = bytes[w + 1..].iter().take_while(|&&b| b == b' ' || b == b'\t' || b == b'\r').count();
        if format == TextFormat::Plain || bytes.get(w + 1 + blank_after) == Some(&b'\n') {
            return true;
        }
    }
    // Closing marks after the stop: `said.”`, `(see above.)`, `*done.*`.
    let before = body[..w].trim_end_matches(['"', '\'', ')', ']', '*', '_', '\u{201d}', '\u{2019}']);
    let Some(stop) = before.chars().next_back() else { return false };
    match stop {
        '?' | '!' => true,
        '.' => {
            let word = &before[..before.len() - 1];
            // After the last space or bracket, whatever its width (a no-break space is two bytes).
            let cut = word.char_indices().rev().find(|&(_, c)| c.is_whitespace() || c == '(');
            let word = &word[cut.map_or(0, |(i, c)| i + c.len_utf8())..];
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            !(initial || word.contains('.') || ABBREVIATIONS.contains(&word))
        }
        _ => false,
    }
}

/// The sentence `range` of `body` as plain text, its Markdown markup dropped and `marks`
/// marked; cut to about [`SENTENCE_CAP`] bytes around the first mark, with an ellipsis.
fn excerpt(body: &str, format: TextFormat, range: (usize, usize), marks: &[Span]) -> Vec<Part> {
    let (mut start, mut end) = range;
    let (cut_start, cut_end) = if end - start > SENTENCE_CAP {
        let first = marks[0];
        let room = SENTENCE_CAP.saturating_sub(first.end - first.start) / 2;
        let from = floor_char(body, first.start.saturating_sub(room)).max(start);
        let to = ceil_char(body, (first.end + room).min(end));
        // At a word's edge.
        let from = if from > start { body[from..first.start].find(' ').map_or(from, |i| from + i + 1) } else { from };
        let to = if to < end { body[first.end..to].rfind(' ').map_or(to, |i| first.end + i) } else { to };
        let cut = (from > start, to < end);
        (start, end) = (from, to);
        cut
    } else {
        (false, false)
    };
    let marks: Vec<(usize, usize)> =
        marks.iter().filter(|m| m.start >= start && m.end <= end).map(|m| (m.start - start, m.end - start)).collect();
    let slice = &body[start..end];
    let mut pieces: Vec<(Cow<str>, bool)> = Vec::new();
    match format {
        TextFormat::Plain => split_marked(slice, 0..slice.len(), &marks, &mut pieces),
        TextFormat::Markdown => {
            use pulldown_cmark::{Event, Parser, TagEnd};
            for (event, range) in Parser::new_ext(slice, crate::annotate::markdown_options()).into_offset_iter() {
                match event {
                    Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                        if slice.get(range.clone()) == Some(&*text) {
                            split_marked(slice, range, &marks, &mut pieces);
                        } else {
                            // An entity or escape (`&amp;`, `\*`): its text, marked if inside a name.
                            let marked = marks.iter().any(|&(s, e)| s <= range.start && range.end <= e);
                            pieces.push((Cow::Owned(text.to_string()), marked));
                        }
                    }
                    Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                        pieces.push((Cow::Borrowed(" "), false));
                    }
                    _ => {}
                }
            }
        }
    }
    // Runs of white space as one space (before a name, outside its mark), none at the ends.
    let mut parts: Vec<Part> = Vec::new();
    let mut space = false;
    for (text, mark) in pieces {
        if parts.last().is_none_or(|last: &Part| last.mark != mark) {
            parts.push(Part { text: String::new(), mark });
        }
        for c in text.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let n = parts.len();
            if std::mem::take(&mut space) && parts.iter().any(|p| !p.text.is_empty()) {
                let at = if parts[n - 1].mark && parts[n - 1].text.is_empty() && n > 1 { n - 2 } else { n - 1 };
                parts[at].text.push(' ');
            }
            parts[n - 1].text.push(c);
        }
    }
    parts.retain(|p| !p.text.is_empty());
    if cut_start {
        parts.insert(0, Part { text: "…".into(), mark: false });
    }
    if cut_end {
        parts.push(Part { text: "…".into(), mark: false });
    }
    // Neighbours of one kind joined (the ellipses).
    parts.dedup_by(|next, kept| {
        let same = next.mark == kept.mark;
        if same {
            kept.text.push_str(&next.text);
        }
        same
    });
    parts.retain(|p| !p.text.is_empty());
    parts
}

/// The char boundary at or before `i` (`str::floor_char_boundary` is newer than brief's MSRV).
fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `slice[range]` as pieces, marked where it falls inside `marks` (relative to `slice`).
fn split_marked<'t>(
    slice: &'t str,
    range: std::ops::Range<usize>,
    marks: &[(usize, usize)],
    out: &mut Vec<(Cow<'t, str>, bool)>,
) {
    let mut at = range.start;
    for &(s, e) in marks {
        let (s, e) = (s.clamp(at, range.end), e.clamp(at, range.end));
        if s >= e {
            continue;
        }
        if at < s {
            out.push((Cow::Borrowed(&slice[at..s]), false));
        }
        out.push((Cow::Borrowed(&slice[s..e]), true));
        at = e;
    }
    if at < range.end {
        out.push((Cow::Borrowed(&slice[at..range.end]), false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, name: &str, nth: usize) -> Span {
        let start = text.match_indices(name).nth(nth).expect("the name is in the text").0;
        Span { start, end: start + name.len() }
    }

    fn shown(parts: &[Part]) -> String {
        parts.iter().map(|p| if p.mark { format!("[{}]", p.text) } else { p.text.clone() }).collect()
    }

    #[test]
    fn the_sentence_around_a_name_is_cut_at_its_ends_with_markup_dropped() {
        let text = "# Head\n\nFirst one. Then **the** [Acme Corp.](https://x.example) said `no` to Sen. Warren! Last one.\n\nNext *para* with Acme Corp. again.";
        let spans = [span_of(text, "Acme Corp.", 0), span_of(text, "Acme Corp.", 1)];
        let (found, more) = sentences(text, TextFormat::Markdown, &spans);
        let shown: Vec<String> = found.iter().map(|s| shown(s)).collect();
        assert_eq!(shown, ["Then the [Acme Corp.] said no to Sen. Warren!", "Next para with [Acme Corp.] again."]);
        assert_eq!(more, 0);
    }

    #[test]
    fn two_sentences_are_shown_and_the_rest_counted() {
        let text = "Acme rose. Acme fell? Acme and Acme held! Acme left.";
        let spans: Vec<Span> = (0..5).map(|n| span_of(text, "Acme", n)).collect();
        let (found, more) = sentences(text, TextFormat::Plain, &spans);
        let shown: Vec<String> = found.iter().map(|s| shown(s)).collect();
        assert_eq!(shown, ["[Acme] rose.", "[Acme] fell?"]);
        assert_eq!(more, 2, "the third sentence names it twice and counts once");
    }

    #[test]
    fn a_wire_line_is_a_paragraph_and_a_long_sentence_is_cut_around_the_name() {
        let text = "Dateline line without a stop\nAcme said it";
        let (found, _) = sentences(text, TextFormat::Plain, &[span_of(text, "Acme", 0)]);
        assert_eq!(shown(&found[0]), "[Acme] said it");

        let long = format!("{} Acme {}.", "word ".repeat(100), "more ".repeat(100));
        let (found, _) = sentences(&long, TextFormat::Markdown, &[span_of(&long, "Acme", 0)]);
        let excerpt = shown(&found[0]);
        assert!(excerpt.starts_with("…word") && excerpt.ends_with("more…"), "{excerpt}");
        assert!(excerpt.contains(" [Acme] ") && excerpt.len() < 320, "{excerpt}");

        // Cut between the bytes of no character.
        for pad in 0..4 {
            let long = format!("{}{} Acme {}.", "x".repeat(pad), "wörd é ".repeat(60), "ünd ".repeat(60));
            let (found, _) = sentences(&long, TextFormat::Plain, &[span_of(&long, "Acme", 0)]);
            assert!(shown(&found[0]).contains("[Acme]"));
        }
    }

    #[test]
    fn a_no_break_space_before_a_stop_is_one_character() {
        // As in a wire dateline: "WASHINGTON —\u{a0}U.S. officials…".
        let text = "WASHINGTON —\u{a0}U.S. officials met Acme. Then they left.";
        let (found, _) = sentences(text, TextFormat::Plain, &[span_of(text, "Acme", 0)]);
        assert_eq!(shown(&found[0]), "WASHINGTON — U.S. officials met [Acme].", "not cut inside the space");
    }

    #[test]
    fn html_and_entities_in_the_text_stay_text() {
        let text = "Profits at <b>Smith &amp; Sons</b> & Acme rose.";
        let (found, _) = sentences(text, TextFormat::Markdown, &[span_of(text, "Acme", 0)]);
        assert_eq!(shown(&found[0]), "Profits at <b>Smith & Sons</b> & [Acme] rose.");
    }
}
