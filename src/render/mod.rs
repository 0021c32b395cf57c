//! [`Index`] → pages: builds each page's Tera context and renders it with the theme (the
//! default theme embedded in the binary, overridden file by file by the site's `templates/`).
//! Pages are rendered in parallel; the templates are parsed once.

pub mod charts;
pub mod context;
pub mod markup;
pub mod meta;
pub mod publish;

use crate::annotate::EntityKind;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::{EntityEntry, Index};
use context::*;
use markup::{Mark, MarkKind};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/theme.rs"));

pub const TEMPLATES_DIR: &str = "templates";
const GENERATOR: &str = concat!("brief ", env!("CARGO_PKG_VERSION"));
const INDEX_ARTICLES: usize = 20;
const INDEX_PEOPLE: usize = 10;

/// One output file, by its path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub contents: String,
}

/// The parsed templates of a site.
pub struct Templates {
    tera: tera::Tera,
}

impl Templates {
    /// The default theme with the site's own `templates/` laid over it by file name.
    pub fn load(root: &Path) -> Result<Templates> {
        let mut sources: std::collections::BTreeMap<String, (String, String)> = THEME
            .iter()
            .filter_map(|(path, text)| {
                let name = path.strip_prefix("templates/")?;
                Some((name.to_string(), (format!("(built-in theme) {path}"), text.to_string())))
            })
            .collect();
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
                let entry = entry.map_err(|e| {
                    Error::input(e.path().unwrap_or(&dir), None, e.to_string(), "fix or remove the link")
                })?;
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || crate::content::is_ignored_name(&name) {
                    continue;
                }
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                let name = rel.to_string_lossy().replace('\\', "/");
                let site_rel = Path::new(TEMPLATES_DIR).join(rel);
                let text = crate::content::read_text(root, &site_rel)?;
                sources.insert(name, (site_rel.display().to_string(), text));
            }
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.add_raw_templates(sources.iter().map(|(name, (_, text))| (name.as_str(), text.as_str())))
            .map_err(|e| template_error(&e, &sources))?;
        Ok(Templates { tera })
    }

    fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(name, context)
            .map_err(|e| Error::Template { name: format!("{TEMPLATES_DIR}/{name}"), message: error_chain(&e) })
    }
}

fn template_error(e: &tera::Error, sources: &std::collections::BTreeMap<String, (String, String)>) -> Error {
    let message = error_chain(e);
    // Name the file the error is in, where Tera's message says which template it is.
    let name = sources
        .iter()
        .find(|(name, _)| message.contains(&format!("'{name}'")) || message.contains(name.as_str()))
        .map(|(_, (path, _))| path.clone())
        .unwrap_or_else(|| TEMPLATES_DIR.to_string());
    Error::Template { name, message }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    message
}

/// Which page to render: the unit of parallel work.
#[derive(Debug, Clone, Copy)]
enum Job {
    Home,
    /// A list page, by its 0-based page number.
    Articles(usize),
    Article(usize),
    People(usize),
    Entity(EntityKind, usize),
    Entities(EntityKind),
    Events(usize),
    Event(usize),
    NotFound,
    Search,
}

/// Renders every page of the site.
pub fn render_site(index: &Index, config: &Config, templates: &Templates) -> Result<Vec<Page>> {
    let pages = std::sync::Mutex::new(Vec::new());
    render_site_into(index, config, templates, &|page| {
        pages
            .lock()
            .map_err(|_| Error::Template { name: "render".into(), message: "a render thread failed".into() })?
            .push(page);
        Ok(())
    })?;
    let mut pages = pages.into_inner().unwrap_or_default();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(pages)
}

/// Renders every page and hands each to `emit` as soon as it is made (from many threads),
/// so that a build can write pages out instead of holding them all. Returns the page count.
pub fn render_site_into(
    index: &Index,
    config: &Config,
    templates: &Templates,
    emit: &(dyn Fn(Page) -> Result<()> + Sync),
) -> Result<usize> {
    let refs = Refs::new(index);
    let site = SiteContext {
        title: config.title.clone(),
        description: config.description.clone(),
        base_url: config.base_url.clone(),
        language: config.language.clone(),
    };
    let mut jobs = vec![Job::Home, Job::Articles(0), Job::People(0), Job::Events(0), Job::NotFound, Job::Search];
    jobs.push(Job::Entities(EntityKind::Organisation));
    jobs.push(Job::Entities(EntityKind::Place));
    jobs.extend((0..index.articles.len()).map(Job::Article));
    for kind in [EntityKind::Person, EntityKind::Organisation, EntityKind::Place] {
        jobs.extend((0..index.entities(kind).len()).map(|i| Job::Entity(kind, i)));
    }
    jobs.extend((0..index.events.len()).map(Job::Event));
    let dates = index.articles.iter().filter_map(|a| a.article.date);
    let span = dates.clone().min().zip(dates.max()).map(|(first, last)| charts::Span { first, last });
    let renderer = Renderer { index, refs: &refs, site: &site, templates, per_page: config.paginate, span };
    for job in [Job::Articles(0), Job::People(0), Job::Events(0)] {
        let pages = renderer.page_count(job);
        jobs.extend((1..pages).map(|page| match job {
            Job::Articles(_) => Job::Articles(page),
            Job::People(_) => Job::People(page),
            _ => Job::Events(page),
        }));
    }
    let paths: Vec<String> = jobs
        .par_iter()
        .map(|job| {
            let page = renderer.render(*job)?;
            let path = page.path.clone();
            emit(page)?;
            Ok(path)
        })
        .collect::<Result<_>>()?;
    let files = publish::publish_files(index, config, &refs, &paths);
    let count = paths.len() + files.len();
    files.into_iter().try_for_each(emit)?;
    Ok(count)
}

struct Renderer<'a> {
    index: &'a Index,
    refs: &'a Refs,
    site: &'a SiteContext,
    templates: &'a Templates,
    /// Items per list page; 0: one page.
    per_page: usize,
    /// The archive's first and last article dates, the width of every timeline.
    span: Option<charts::Span>,
}

impl Renderer<'_> {
    fn render(&self, job: Job) -> Result<Page> {
        let (path, kind, template, data) = match job {
            Job::Home => ("index.html".to_string(), "index", "index.html", self.home()),
            Job::Articles(page) => {
                let (items, pagination) = self.paginate("articles", &self.refs.articles, page);
                let data = json([("articles", to_value(items)), ("pagination", pagination)]);
                (list_path("articles", page), "articles", "articles.html", data)
            }
            Job::Article(i) => (article_url(self.index, i), "article", "article.html", self.article(i)),
            Job::People(page) => {
                let mut people = self.refs.people.clone();
                people.sort_by(|a, b| a.name.cmp(&b.name));
                let (items, pagination) = self.paginate("people", &people, page);
                let data = json([("people", to_value(items)), ("pagination", pagination)]);
                (list_path("people", page), "people", "people.html", data)
            }
            Job::Entity(EntityKind::Person, i) => {
                (entity_url(&self.index.people[i]), "person", "person.html", self.person(i))
            }
            Job::Entity(kind, i) => {
                let entry = &self.index.entities(kind)[i];
                (entity_url(entry), kind_name(kind), "entity.html", self.entity(entry))
            }
            Job::Entities(kind) => {
                let mut entities: Vec<EntityRef> = match kind {
                    EntityKind::Organisation => self.refs.organisations.clone(),
                    _ => self.refs.places.clone(),
                };
                entities.sort_by(|a, b| a.name.cmp(&b.name));
                let heading = if kind == EntityKind::Organisation { "Organisations" } else { "Places" };
                let data = json([
                    ("kind", to_value(kind_name(kind))),
                    ("heading", to_value(heading)),
                    ("entities", to_value(&entities)),
                ]);
                (format!("{}/index.html", kind_folder(kind)), kind_folder(kind), "entities.html", data)
            }
            Job::Events(page) => {
                let events = self.events_newest_first();
                let (items, pagination) = self.paginate("events", &events, page);
                let data = json([("events", to_value(items)), ("pagination", pagination)]);
                (list_path("events", page), "events", "events.html", data)
            }
            Job::Event(i) => (event_url(&self.index.events[i]), "event", "event.html", self.event(i)),
            Job::NotFound => ("404.html".into(), "404", "404.html", json([])),
            Job::Search => ("search.html".into(), "search", "search.html", json([])),
        };
        let root = "../".repeat(path.matches('/').count());
        let mut context = tera::Context::new();
        context.insert("site", self.site);
        context.insert("root", &root);
        let (title, description) = meta::title_and_description(self.site, kind, &data);
        let feed = match job {
            Job::Entity(EntityKind::Person, i) => entity_url(&self.index.people[i]).replace(".html", ".xml"),
            Job::Event(i) => event_url(&self.index.events[i]).replace(".html", ".xml"),
            _ => "feed.xml".to_string(),
        };
        context.insert(
            "page",
            &PageInfo {
                canonical: meta::canonical(self.site, &path),
                jsonld: meta::json_ld(self.site, &path, kind, &data),
                url: path.clone(),
                kind,
                title,
                description,
                feed,
            },
        );
        context.insert("generator", GENERATOR);
        if let serde_json::Value::Object(map) = data {
            for (key, value) in map {
                context.insert(key, &value);
            }
        }
        let contents = self.templates.render(template, &context)?;
        Ok(Page { path, contents })
    }

    fn page_count(&self, job: Job) -> usize {
        let items = match job {
            Job::Articles(_) => self.refs.articles.len(),
            Job::People(_) => self.refs.people.len(),
            _ => self.refs.events.len(),
        };
        if self.per_page == 0 { 1 } else { items.div_ceil(self.per_page).max(1) }
    }

    /// One page of a list, with the `pagination` context: {current, total, previous, next,
    /// pages: [{number, url}]}; numbers are 1-based, urls root-relative or null.
    fn paginate<'i, T>(&self, folder: &str, items: &'i [T], page: usize) -> (&'i [T], serde_json::Value) {
        let per_page = if self.per_page == 0 { items.len().max(1) } else { self.per_page };
        let total = items.len().div_ceil(per_page).max(1);
        let start = (page * per_page).min(items.len());
        let end = (start + per_page).min(items.len());
        let url = |p: usize| list_path(folder, p);
        let pagination = serde_json::json!({
            "current": page + 1,
            "total": total,
            "previous": (page > 0).then(|| url(page - 1)),
            "next": (page + 1 < total).then(|| url(page + 1)),
            "pages": (0..total).map(|p| serde_json::json!({"number": p + 1, "url": url(p)})).collect::<Vec<_>>(),
        });
        (&items[start..end], pagination)
    }

    fn home(&self) -> serde_json::Value {
        let mut people: Vec<&PersonRef> = self.refs.people.iter().filter(|p| p.quote_count > 0).collect();
        people.sort_by(|a, b| b.quote_count.cmp(&a.quote_count).then_with(|| a.name.cmp(&b.name)));
        people.truncate(INDEX_PEOPLE);
        let articles: Vec<&ArticleRef> = self.refs.articles.iter().take(INDEX_ARTICLES).collect();
        json([
            ("articles", to_value(&articles)),
            ("people", to_value(&people)),
            ("events", to_value(&self.events_newest_first())),
            ("charts", self.home_charts()),
            (
                "counts",
                serde_json::json!({
                    "articles": self.index.articles.len(),
                    "people": self.index.people.len(),
                    "events": self.index.events.len(),
                    "quotes": self.index.quotes.len(),
                }),
            ),
        ])
    }

    /// A person's articles on the archive's timeline, a mark each, filled where quoted.
    fn person_timeline(&self, p: &EntityEntry) -> Option<charts::Chart<charts::TimelineRow>> {
        let span = self.span?;
        let mut quotes_in: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for &q in &p.quotes {
            *quotes_in.entry(self.index.quotes[q].article).or_default() += 1;
        }
        let rows = self.timeline_rows(p.articles.iter().rev().copied(), |a| quotes_in.get(&a).copied().unwrap_or(0));
        let title = format!("When {} was quoted or mentioned", p.name);
        Some(charts::timeline("timeline", &title, rows, span, None, "../"))
    }

    /// An event's articles around its date, a mark each, filled where someone is quoted.
    fn event_timeline(&self, e: &crate::index::EventEntry) -> Option<charts::Chart<charts::TimelineRow>> {
        let span = self.span?;
        let rows = self.timeline_rows(e.articles.iter().copied(), |a| self.index.articles[a].quotes.len());
        let day = e.profile.as_ref().and_then(|p| p.start);
        let title = format!("Articles about {} over time", e.name);
        Some(charts::timeline("timeline", &title, rows, span, day, "../"))
    }

    /// Dated articles, oldest first, as timeline rows.
    fn timeline_rows(
        &self,
        articles: impl Iterator<Item = usize>,
        quotes: impl Fn(usize) -> usize,
    ) -> Vec<(crate::content::Date, charts::TimelineRow)> {
        let mut rows: Vec<(crate::content::Date, charts::TimelineRow)> = articles
            .filter_map(|a| {
                let article = &self.index.articles[a].article;
                let date = article.date?;
                let row = charts::TimelineRow {
                    date: date.to_string(),
                    date_display: date.display(),
                    title: article.title.clone(),
                    url: article_url(self.index, a),
                    quotes: quotes(a),
                };
                Some((date, row))
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.url.cmp(&b.1.url)));
        rows
    }

    /// A bar chart of people and counts (at most eight), or null when there is nobody.
    fn bar_chart(
        &self,
        id: &str,
        title: &str,
        people: impl Iterator<Item = (usize, usize)>,
    ) -> Option<charts::Chart<charts::BarRow>> {
        let rows: Vec<charts::BarRow> = people
            .take(8)
            .map(|(p, count)| charts::BarRow {
                label: self.index.people[p].name.clone(),
                url: entity_url(&self.index.people[p]),
                count,
            })
            .collect();
        (!rows.is_empty()).then(|| charts::bars(id, title, rows, "../"))
    }

    /// The home page's charts: the most-quoted people and the busiest events of the
    /// archive's latest 30 days.
    fn home_charts(&self) -> serde_json::Value {
        const PERIOD_DAYS: i64 = 30;
        let Some(span) = self.span else { return serde_json::Value::Null };
        let from = crate::content::Date::from_days_since_epoch(span.last.days_since_epoch() - (PERIOD_DAYS - 1));
        let in_period = |a: usize| self.index.articles[a].article.date.is_some_and(|d| d >= from);
        let mut people: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for quote in &self.index.quotes {
            if let Some(id) = quote.speaker.filter(|id| id.kind == EntityKind::Person)
                && in_period(quote.article)
            {
                *people.entry(id.index).or_default() += 1;
            }
        }
        let mut people: Vec<(usize, usize)> = people.into_iter().collect();
        people
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| self.index.people[a.0].name.cmp(&self.index.people[b.0].name)));
        let mut events: Vec<(usize, usize)> = self
            .index
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (i, e.articles.iter().filter(|&&a| in_period(a)).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        events
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| self.index.events[a.0].name.cmp(&self.index.events[b.0].name)));
        let event_rows: Vec<charts::BarRow> = events
            .iter()
            .take(8)
            .map(|&(e, count)| charts::BarRow {
                label: self.index.events[e].name.clone(),
                url: event_url(&self.index.events[e]),
                count,
            })
            .collect();
        let period = format!("{} – {}", from.display(), span.last.display());
        let people_rows: Vec<charts::BarRow> = people
            .iter()
            .take(8)
            .map(|&(p, count)| charts::BarRow {
                label: self.index.people[p].name.clone(),
                url: entity_url(&self.index.people[p]),
                count,
            })
            .collect();
        serde_json::json!({
            "period": period,
            "people": (!people_rows.is_empty()).then(|| charts::bars("chart-people", &format!("Most quoted, {period}"), people_rows, "")),
            "events": (!event_rows.is_empty()).then(|| charts::bars("chart-events", &format!("Busiest events, {period}"), event_rows, "")),
        })
    }

    fn events_newest_first(&self) -> Vec<EventRef> {
        let mut events = self.refs.events.clone();
        events.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.name.cmp(&b.name)));
        events
    }

    fn article(&self, i: usize) -> serde_json::Value {
        let entry = &self.index.articles[i];
        let a = &entry.article;
        let mut marks: Vec<Mark> = entry
            .quotes
            .iter()
            .map(|&q| {
                let quote = &self.index.quotes[q];
                Mark {
                    span: quote.span,
                    kind: MarkKind::Quote {
                        anchor: quote.anchor.clone(),
                        speaker: quote
                            .speaker
                            .map(|id| self.index.entity(id).name.clone())
                            .or_else(|| quote.unnamed.clone()),
                    },
                }
            })
            .collect();
        for mention in &entry.annotations.mentions {
            if let Some(Some(id)) = entry.entities.get(mention.entity) {
                marks.push(Mark {
                    span: mention.span,
                    kind: MarkKind::Mention {
                        class: kind_name(id.kind),
                        href: format!("../{}", entity_url(self.index.entity(*id))),
                    },
                });
            }
        }
        let body = markup::render_body(&a.body, a.format, &marks);
        let by_kind = |kind: EntityKind, list: &[usize]| -> Vec<EntityRef> {
            list.iter().map(|&index| self.refs.entity(crate::index::EntityId { kind, index })).collect()
        };
        let article = serde_json::json!({
            "title": a.title,
            "url": article_url(self.index, i),
            "date": a.date.map(|d| d.to_string()),
            "date_display": a.date.map(|d| d.display()),
            "source": a.source,
            "source_url": a.url,
            "author": a.author,
            "summary": a.summary,
            "tags": a.tags,
            "dateline": a.dateline,
            "body": body,
            "quotes": entry.quotes.iter().map(|&q| &self.refs.quotes[q]).collect::<Vec<_>>(),
            "people": entry.people.iter().map(|&p| &self.refs.people[p]).collect::<Vec<_>>(),
            "organisations": by_kind(EntityKind::Organisation, &entry.organisations),
            "places": by_kind(EntityKind::Place, &entry.places),
            "events": entry.events.iter().map(|&e| &self.refs.events[e]).collect::<Vec<_>>(),
            "extra": a.extra,
        });
        json([("article", article)])
    }

    fn person(&self, i: usize) -> serde_json::Value {
        let p = &self.index.people[i];
        let profile = p.profile.as_ref();
        // Quotes grouped by article; `p.quotes` is already newest article first.
        let mut groups: Vec<serde_json::Value> = Vec::new();
        let mut current: Option<usize> = None;
        let mut bucket: Vec<&QuoteRef> = Vec::new();
        for &q in &p.quotes {
            let article = self.index.quotes[q].article;
            if current.is_some_and(|c| c != article) {
                groups
                    .push(serde_json::json!({"article": &self.refs.articles[current.unwrap_or(0)], "quotes": bucket}));
                bucket = Vec::new();
            }
            current = Some(article);
            bucket.push(&self.refs.quotes[q]);
        }
        if let Some(article) = current {
            groups.push(serde_json::json!({"article": &self.refs.articles[article], "quotes": bucket}));
        }
        let person = serde_json::json!({
            "name": p.name,
            "url": entity_url(p),
            "role": profile.and_then(|x| x.role.clone()),
            "affiliation": profile.and_then(|x| x.affiliation.clone()),
            "country": profile.and_then(|x| x.country.clone()),
            "aliases": profile.map(|x| x.aliases.clone()).unwrap_or_default(),
            "bio": profile.map(|x| x.bio.trim()).filter(|b| !b.is_empty()).map(markup::render_markdown),
            "has_profile": profile.is_some(),
            "quote_count": p.quotes.len(),
            "article_count": p.articles.len(),
            "quotes_by_article": groups,
            "articles": p.articles.iter().map(|&a| &self.refs.articles[a]).collect::<Vec<_>>(),
            "quoted_with": p.quoted_with.iter().map(|&(other, count)| Counted { person: &self.refs.people[other], count }).collect::<Vec<_>>(),
            "timeline": self.person_timeline(p),
            "quoted_with_chart": self.bar_chart(
                "quoted-with",
                &format!("People quoted in the same articles as {}", p.name),
                p.quoted_with.iter().map(|&(other, count)| (other, count)),
            ),
            "events": p.events.iter().map(|&e| &self.refs.events[e]).collect::<Vec<_>>(),
            "extra": profile.map(|x| x.extra.clone()).unwrap_or_default(),
        });
        json([("person", person)])
    }

    fn entity(&self, e: &EntityEntry) -> serde_json::Value {
        let entity = serde_json::json!({
            "name": e.name,
            "kind": kind_name(e.kind),
            "url": entity_url(e),
            "article_count": e.articles.len(),
            "articles": e.articles.iter().map(|&a| &self.refs.articles[a]).collect::<Vec<_>>(),
            "quotes": e.quotes.iter().map(|&q| &self.refs.quotes[q]).collect::<Vec<_>>(),
        });
        json([("entity", entity)])
    }

    fn event(&self, i: usize) -> serde_json::Value {
        let e = &self.index.events[i];
        let profile = e.profile.as_ref();
        let event = serde_json::json!({
            "name": e.name,
            "url": event_url(e),
            "date": profile.and_then(|x| x.start).map(|d| d.to_string()),
            "date_display": profile.and_then(event_dates),
            "place": profile.and_then(|x| x.place.clone()),
            "summary": profile.map(|x| x.summary.trim()).filter(|s| !s.is_empty()).map(markup::render_markdown),
            "has_profile": profile.is_some(),
            "participants": e.participants.iter().map(|&p| &self.refs.people[p]).collect::<Vec<_>>(),
            "articles": e.articles.iter().map(|&a| &self.refs.articles[a]).collect::<Vec<_>>(),
            "speakers": e.speakers.iter().map(|&(p, count)| Counted { person: &self.refs.people[p], count }).collect::<Vec<_>>(),
            "timeline": self.event_timeline(e),
            "speakers_chart": self.bar_chart(
                "speakers",
                &format!("Quotes by speaker about {}", e.name),
                e.speakers.iter().map(|&(p, count)| (p, count)),
            ),
            "quotes": e.quotes.iter().map(|&q| &self.refs.quotes[q]).collect::<Vec<_>>(),
            "extra": profile.map(|x| x.extra.clone()).unwrap_or_default(),
        });
        json([("event", event)])
    }
}

/// `articles/index.html` for the first page, `articles/page/2.html` after it.
fn list_path(folder: &str, page: usize) -> String {
    if page == 0 { format!("{folder}/index.html") } else { format!("{folder}/page/{}.html", page + 1) }
}

fn to_value<T: Serialize + ?Sized>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

fn json<const N: usize>(pairs: [(&str, serde_json::Value); N]) -> serde_json::Value {
    serde_json::Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}
