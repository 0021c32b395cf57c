//! [`Index`] → pages: builds each page's Tera context and renders it with the theme (the
//! default theme embedded in the binary, overridden file by file by the site's `templates/`).
//! Pages are rendered in parallel; the templates are parsed once.

pub mod charts;
pub mod context;
pub mod markup;
pub mod meta;
pub mod publish;
pub mod search;

use crate::annotate::EntityKind;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::{Changed, EntityEntry, EntityId, Index};
use context::*;
use markup::{Mark, MarkKind};
use rayon::prelude::*;
use std::path::Path;
use tera::Value;

include!(concat!(env!("OUT_DIR"), "/theme.rs"));

pub const TEMPLATES_DIR: &str = "templates";
const GENERATOR: &str = concat!("brief ", env!("CARGO_PKG_VERSION"));
const INDEX_ARTICLES: usize = 20;
const INDEX_PEOPLE: usize = 10;
/// List pages link to the pages this many either side of them (and the first and last).
const PAGINATION_NEAR: usize = 2;

/// One output file, by its path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub contents: String,
}

/// The parsed templates of a site.
pub struct Templates {
    tera: tera::Tera,
    /// A hash of every template's name and text, built-in and the site's.
    pub fingerprint: u64,
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
        let site = crate::paths::Site::new(root)?;
        let mut warnings = Vec::new();
        for site_rel in site.files(TEMPLATES_DIR, crate::paths::OutsideLink::Refuse, &mut warnings)? {
            let file_name = site_rel.file_name().unwrap_or_default().to_string_lossy();
            if crate::content::is_ignored_name(&file_name) {
                continue;
            }
            let rel = site_rel.strip_prefix(TEMPLATES_DIR).unwrap_or(&site_rel);
            let name = rel.to_string_lossy().replace('\\', "/");
            let text = crate::content::read_text(root, &site_rel)?;
            sources.insert(name, (site_rel.display().to_string(), text));
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.add_raw_templates(sources.iter().map(|(name, (_, text))| (name.as_str(), text.as_str())))
            .map_err(|e| template_error(&e, &sources))?;
        let texts: Vec<&[u8]> =
            sources.iter().flat_map(|(name, (_, text))| [name.as_bytes(), text.as_bytes()]).collect();
        Ok(Templates { tera, fingerprint: crate::slug::fnv1a(&texts.join(&0u8)) })
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Job {
    Home,
    /// A list page, by its 0-based page number.
    Articles(usize),
    Article(usize),
    People(usize),
    /// A person's, organisation's or place's page: kind, index, 0-based page number.
    Entity(EntityKind, usize, usize),
    Entities(EntityKind),
    Events(usize),
    /// An event's page: index, 0-based page number.
    Event(usize, usize),
    NotFound,
    Search,
}

/// One file to make: a page through its template, a feed, or one of the files about the
/// whole site (site feed, sitemap, robots.txt, search index, API), by its place in
/// [`publish::SITE_FILES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Item {
    Page(Job),
    PersonFeed(usize),
    EventFeed(usize),
    SiteFile(usize),
    /// A file of the search index, by its place in [`search::paths`].
    Search(usize),
}

/// An item of the [`Plan`]: the files it makes and what they are made from.
#[derive(Debug, Clone)]
pub struct Planned {
    item: Item,
    /// The file it writes, relative to the output folder.
    pub path: String,
    /// A hash of everything the file is made from, templates aside: equal signatures, equal
    /// files. None for the files of the JSON API, which are made every time.
    pub signature: Option<u64>,
    /// The template a page is rendered with (None for feeds and data files).
    pub template: Option<&'static str>,
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
/// so that a build can write pages out instead of holding them all. Returns the file count.
pub fn render_site_into(
    index: &Index,
    config: &Config,
    templates: &Templates,
    emit: &(dyn Fn(Page) -> Result<()> + Sync),
) -> Result<usize> {
    Plan::new(index, config, templates).render(&|_| true, emit)
}

/// Everything a site is made of, before rendering: each page, feed and data file with its
/// signature. A full build renders the whole plan; the preview renders only the items whose
/// signature changed since the last plan (see `session.rs`).
pub struct Plan<'a> {
    renderer: Renderer<'a>,
    config: &'a Config,
    pub items: Vec<Planned>,
    /// The search index, made on the first of its files asked for.
    search: std::sync::OnceLock<search::SearchIndex>,
}

/// What a plan derives from the whole index before it plans a page: the references pages
/// draw on, their hashes, the orders of the list pages and the span of the timelines. The
/// preview keeps it from one change to the next and patches it record by record
/// ([`Derived::patch`]) when an article was replaced in place, and with it the files the
/// plan made: files that no change touched keep their signature without being planned again.
pub struct Derived {
    refs: Refs,
    hashes: Hashes,
    order: Order,
    span: Option<charts::Span>,
    planned: Vec<Planned>,
    /// The changes patched in since `planned` was made.
    changes: Vec<Changed>,
}

impl Derived {
    pub fn new(index: &Index) -> Derived {
        let refs = Refs::new(index);
        let dates = index.articles.iter().filter_map(|a| a.article.date);
        let span = dates.clone().min().zip(dates.max()).map(|(first, last)| charts::Span { first, last });
        let hashes = Hashes::new(index, &refs);
        let order = Order::new(&refs);
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
        self.changes.push(changed.clone());
    }
}

/// Whether `item` may have changed with `changes`. Only the article's page, the pages and
/// feeds of what it touched, and the files about the whole site can: any other page shows
/// only records whose hashes the changes left alone.
fn touched(changes: &[Changed], item: Item) -> bool {
    let entity = |kind, index| changes.iter().any(|c| c.entities.binary_search(&EntityId { kind, index }).is_ok());
    let event = |e| changes.iter().any(|c| c.events.binary_search(&e).is_ok());
    match item {
        Item::Page(Job::Article(i)) => changes.iter().any(|c| c.article == i),
        Item::Page(Job::Entity(kind, i, _)) => entity(kind, i),
        Item::PersonFeed(i) => entity(EntityKind::Person, i),
        Item::Page(Job::Event(i, _)) | Item::EventFeed(i) => event(i),
        _ => true,
    }
}

impl<'a> Plan<'a> {
    pub fn new(index: &'a Index, config: &'a Config, templates: &'a Templates) -> Plan<'a> {
        Plan::with(index, config, templates, Derived::new(index))
    }

    /// A plan from what was derived from `index` already.
    pub fn with(index: &'a Index, config: &'a Config, templates: &'a Templates, mut derived: Derived) -> Plan<'a> {
        let site = SiteContext {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: config.base_url.clone(),
            language: config.language.clone(),
        };
        let previous = std::mem::take(&mut derived.planned);
        let changes = std::mem::take(&mut derived.changes);
        let reuse = |item: Item, old: &Planned| old.item == item && !touched(&changes, item);
        let Derived { refs, hashes, order, span, .. } = derived;
        let values = Values::new(&refs);
        let min_fragment_words = config.annotator.min_fragment_words;
        // The index reads every article's text (its fingerprint) and every name and line it shows.
        let texts: Vec<u64> = index.articles.iter().map(|a| a.article.fingerprint).collect();
        let search_signature =
            hash_of(&(texts, &hashes.articles, &hashes.people, &hashes.events, &hashes.organisations, &hashes.places));
        let renderer = Renderer {
            index,
            refs,
            site,
            templates,
            per_page: config.paginate,
            min_fragment_words,
            span,
            hashes,
            order,
            values,
            search_paths: search::paths(search::document_count(index)),
            search_signature,
        };

        let mut jobs = vec![Job::Home, Job::Articles(0), Job::People(0), Job::Events(0), Job::NotFound, Job::Search];
        jobs.push(Job::Entities(EntityKind::Organisation));
        jobs.push(Job::Entities(EntityKind::Place));
        jobs.extend((0..index.articles.len()).map(Job::Article));
        // A person's, organisation's or event's pages one after the other, the first at its own URL.
        for kind in [EntityKind::Person, EntityKind::Organisation, EntityKind::Place] {
            for i in 0..index.entities(kind).len() {
                jobs.extend((0..renderer.page_count(Job::Entity(kind, i, 0))).map(|page| Job::Entity(kind, i, page)));
            }
        }
        for i in 0..index.events.len() {
            jobs.extend((0..renderer.page_count(Job::Event(i, 0))).map(|page| Job::Event(i, page)));
        }
        for job in [Job::Articles(0), Job::People(0), Job::Events(0)] {
            let pages = renderer.page_count(job);
            jobs.extend((1..pages).map(|page| match job {
                Job::Articles(_) => Job::Articles(page),
                Job::People(_) => Job::People(page),
                _ => Job::Events(page),
            }));
        }
        let mut all: Vec<Item> = jobs.into_iter().map(Item::Page).collect();
        all.extend((0..index.people.len()).map(Item::PersonFeed));
        all.extend((0..index.events.len()).map(Item::EventFeed));
        all.extend((0..publish::SITE_FILES.len()).map(Item::SiteFile));
        all.extend((0..renderer.search_paths.len()).map(Item::Search));
        // An unchanged file list (an article replaced in place, a template saved): only the
        // files the changes touched are planned again.
        let mut items: Vec<Planned> = if previous.len() == all.len() {
            all.into_par_iter()
                .zip(previous)
                .map(|(item, old)| if reuse(item, &old) { old } else { renderer.plan(item) })
                .collect()
        } else {
            all.into_par_iter().map(|item| renderer.plan(item)).collect()
        };
        // The sitemap lists every page: its signature is their paths.
        let sitemap = hash_of(&("sitemap.xml", plan_page_paths(&items)));
        if let Some(planned) = items.iter_mut().find(|p| p.path == "sitemap.xml") {
            planned.signature = Some(sitemap);
        }
        Plan { renderer, config, items, search: std::sync::OnceLock::new() }
    }

    /// What was derived from the index, with the planned files, for the next plan to start from.
    pub fn into_derived(self) -> Derived {
        let Renderer { refs, hashes, order, span, .. } = self.renderer;
        Derived { refs, hashes, order, span, planned: self.items, changes: Vec::new() }
    }

    /// Renders the items `select` picks, handing each file to `emit` as soon as it is made
    /// (from many threads). Returns the number of files made.
    pub fn render(
        &self,
        select: &(dyn Fn(&Planned) -> bool + Sync),
        emit: &(dyn Fn(Page) -> Result<()> + Sync),
    ) -> Result<usize> {
        let mut chosen: Vec<&Planned> = self.items.iter().filter(|planned| select(planned)).collect();
        // The large files about the whole site first, so that no core is left with one at the end.
        chosen.sort_by_key(|p| !matches!(p.item, Item::SiteFile(_) | Item::Search(0)));
        chosen.par_iter().try_for_each(|planned| emit(self.make(planned)?))?;
        Ok(chosen.len())
    }

    fn make(&self, planned: &Planned) -> Result<Page> {
        let (index, refs, config) = (self.renderer.index, &self.renderer.refs, self.config);
        Ok(match planned.item {
            Item::Page(job) => self.renderer.render(job)?,
            Item::PersonFeed(i) => publish::person_feed(index, config, refs, i),
            Item::EventFeed(i) => publish::event_feed(index, config, refs, i),
            Item::SiteFile(i) => {
                publish::site_file(publish::SITE_FILES[i], index, config, refs, &plan_page_paths(&self.items))
            }
            Item::Search(i) => {
                let search = self.search.get_or_init(|| search::SearchIndex::build(index, refs));
                search.file(&self.renderer.search_paths[i])
            }
        })
    }
}

/// The paths of the pages (not feeds or data): what the sitemap lists.
fn plan_page_paths(items: &[Planned]) -> Vec<&String> {
    items.iter().filter(|p| matches!(p.item, Item::Page(_))).map(|p| &p.path).collect()
}

/// Hashes of the references pages draw on, made once per plan: a page's signature combines
/// the hashes of what it shows.
struct Hashes {
    articles: Vec<u64>,
    quotes: Vec<u64>,
    people: Vec<u64>,
    organisations: Vec<u64>,
    places: Vec<u64>,
    events: Vec<u64>,
    person_links: Vec<u64>,
    organisation_links: Vec<u64>,
    place_links: Vec<u64>,
    event_links: Vec<u64>,
}

fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl Hashes {
    fn new(index: &Index, refs: &Refs) -> Hashes {
        fn all<T: std::hash::Hash + Sync>(list: &[T]) -> Vec<u64> {
            list.par_iter().map(hash_of).collect()
        }
        Hashes {
            articles: all(&refs.articles),
            quotes: refs.quotes.par_iter().zip(&index.quotes).map(|(r, q)| hash_of(&(r, q.span))).collect(),
            people: all(&refs.people),
            organisations: all(&refs.organisations),
            places: all(&refs.places),
            events: all(&refs.events),
            person_links: all(&refs.person_links),
            organisation_links: all(&refs.organisation_links),
            place_links: all(&refs.place_links),
            event_links: all(&refs.event_links),
        }
    }

    /// As `Refs::patch`: the article, its quotes, and the records it touched.
    fn patch(&mut self, index: &Index, refs: &Refs, changed: &Changed) {
        self.articles[changed.article] = hash_of(&refs.articles[changed.article]);
        let start = changed.first_quote;
        let quotes: Vec<u64> =
            (start..start + changed.new_quotes).map(|q| hash_of(&(&refs.quotes[q], index.quotes[q].span))).collect();
        self.quotes.splice(start..start + changed.old_quotes, quotes);
        for &id in &changed.entities {
            let i = id.index;
            match id.kind {
                EntityKind::Person => self.people[i] = hash_of(&refs.people[i]),
                EntityKind::Organisation => self.organisations[i] = hash_of(&refs.organisations[i]),
                EntityKind::Place => self.places[i] = hash_of(&refs.places[i]),
            }
        }
        for &e in &changed.events {
            self.events[e] = hash_of(&refs.events[e]);
        }
    }

    fn link(&self, id: crate::index::EntityId) -> u64 {
        match id.kind {
            EntityKind::Person => self.person_links[id.index],
            EntityKind::Organisation => self.organisation_links[id.index],
            EntityKind::Place => self.place_links[id.index],
        }
    }

    fn entity(&self, kind: EntityKind, index: usize) -> u64 {
        match kind {
            EntityKind::Person => self.people[index],
            EntityKind::Organisation => self.organisations[index],
            EntityKind::Place => self.places[index],
        }
    }
}

/// The orders list pages show their records in, sorted once per plan (not once per page).
struct Order {
    /// People by name.
    people: Vec<usize>,
    organisations: Vec<usize>,
    places: Vec<usize>,
    /// Events newest first, then by name.
    events: Vec<usize>,
}

impl Order {
    fn new(refs: &Refs) -> Order {
        fn sorted<T>(list: &[T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<usize> {
            let mut order: Vec<usize> = (0..list.len()).collect();
            order.sort_by(|&a, &b| cmp(&list[a], &list[b]));
            order
        }
        Order {
            people: sorted(&refs.people, |a, b| a.name.cmp(&b.name)),
            organisations: sorted(&refs.organisations, |a, b| a.name.cmp(&b.name)),
            places: sorted(&refs.places, |a, b| a.name.cmp(&b.name)),
            events: sorted(&refs.events, |a, b| b.date.cmp(&a.date).then_with(|| a.name.cmp(&b.name))),
        }
    }
}

struct Renderer<'a> {
    index: &'a Index,
    refs: Refs,
    site: SiteContext,
    templates: &'a Templates,
    /// Items per list page; 0: one page.
    per_page: usize,
    /// Partial quotes shorter than this are left off a person's page.
    min_fragment_words: usize,
    /// The archive's first and last article dates, the width of every timeline.
    span: Option<charts::Span>,
    hashes: Hashes,
    order: Order,
    /// The references as template values, shared by the pages that show them.
    values: Values,
    /// The files of the search index, and their common signature.
    search_paths: Vec<String>,
    search_signature: u64,
}

impl Renderer<'_> {
    /// An item's files and signature. Lists and the home page are cheap to describe, so their
    /// signature is a hash of their whole context; for articles, people and events, which are
    /// many and large, it combines the hashes of exactly the records the page is built from.
    fn plan(&self, item: Item) -> Planned {
        let h = &self.hashes;
        let (path, signature, template) = match item {
            Item::Page(job) => {
                let (path, kind, template, signature) = match job {
                    Job::Article(i) => {
                        let entry = &self.index.articles[i];
                        let quotes: Vec<u64> = entry.quotes.iter().map(|&q| h.quotes[q]).collect();
                        let mentions: Vec<(crate::annotate::Span, Option<u64>)> = entry
                            .annotations
                            .mentions
                            .iter()
                            .map(|m| (m.span, entry.entities.get(m.entity).copied().flatten().map(|id| h.link(id))))
                            .collect();
                        let links = |kind: EntityKind, list: &[usize]| -> Vec<u64> {
                            list.iter().map(|&index| h.link(crate::index::EntityId { kind, index })).collect()
                        };
                        let events: Vec<u64> = entry.events.iter().map(|&e| h.event_links[e]).collect();
                        let signature = hash_of(&(
                            entry.article.fingerprint,
                            h.articles[i],
                            quotes,
                            mentions,
                            links(EntityKind::Person, &entry.people),
                            links(EntityKind::Organisation, &entry.organisations),
                            links(EntityKind::Place, &entry.places),
                            events,
                        ));
                        (article_url(self.index, i), "article", "article.html", signature)
                    }
                    // A subject's pages show a run of its articles and their quotes; the first
                    // also its counts and the charts and lists about all of them, so only it
                    // changes with those (an edit re-renders the first page and the page of
                    // the article, not every page).
                    Job::Entity(kind, i, page) => {
                        let e = &self.index.entities(kind)[i];
                        let shown = self.subject_page(&e.articles, &e.quotes, true, page);
                        let id = crate::index::EntityId { kind, index: i };
                        let first = (page == 0).then(|| {
                            let timeline = (kind == EntityKind::Person).then(|| {
                                let counts = quotes_per_article(self.index, &e.articles, &e.quotes, true);
                                let rows: Vec<(u64, usize)> =
                                    e.articles.iter().map(|&a| h.articles[a]).zip(counts).collect();
                                (rows, self.span.map(|s| (s.first, s.last)))
                            });
                            (
                                h.entity(kind, i),
                                timeline,
                                e.quoted_with.iter().map(|&(o, n)| (h.person_links[o], n)).collect::<Vec<_>>(),
                                e.events.iter().map(|&e| h.event_links[e]).collect::<Vec<_>>(),
                            )
                        });
                        let signature = hash_of(&(
                            h.link(id),
                            first,
                            self.shown_hashes(&e.articles, &e.quotes, &shown),
                            page,
                            self.page_count(job),
                        ));
                        let template = if kind == EntityKind::Person { "person.html" } else { "entity.html" };
                        (subject_path(&entity_url(e), page), kind_name(kind), template, signature)
                    }
                    Job::Event(i, page) => {
                        let e = &self.index.events[i];
                        let shown = self.subject_page(&e.articles, &e.quotes, false, page);
                        let first = (page == 0).then(|| {
                            (
                                h.events[i],
                                // A discovered event's summary is the editor's, from content/events.yaml.
                                (e.discovered, e.profile.as_ref().map(|p| p.summary.as_str())),
                                e.participants.iter().map(|&p| h.person_links[p]).collect::<Vec<_>>(),
                                e.articles.iter().map(|&a| h.articles[a]).collect::<Vec<_>>(),
                                e.speakers.iter().map(|&(p, n)| (h.person_links[p], n)).collect::<Vec<_>>(),
                                self.span.map(|s| (s.first, s.last)),
                            )
                        });
                        let signature = hash_of(&(
                            h.event_links[i],
                            first,
                            self.shown_hashes(&e.articles, &e.quotes, &shown),
                            page,
                            self.page_count(job),
                        ));
                        (subject_path(&event_url(e), page), "event", "event.html", signature)
                    }
                    Job::Articles(page) => {
                        let range = self.page_range(self.refs.articles.len(), page);
                        let signature = hash_of(&(page, self.page_count(job), &h.articles[range]));
                        (list_path("articles", page), "articles", "articles.html", signature)
                    }
                    Job::People(page) => {
                        let range = self.page_range(self.order.people.len(), page);
                        let people: Vec<u64> = self.order.people[range].iter().map(|&p| h.people[p]).collect();
                        let signature = hash_of(&(page, self.page_count(job), people));
                        (list_path("people", page), "people", "people.html", signature)
                    }
                    Job::Events(page) => {
                        let range = self.page_range(self.order.events.len(), page);
                        let events: Vec<u64> = self.order.events[range].iter().map(|&e| h.events[e]).collect();
                        let signature = hash_of(&(page, self.page_count(job), events));
                        (list_path("events", page), "events", "events.html", signature)
                    }
                    Job::Entities(kind) => {
                        let order = if kind == EntityKind::Organisation {
                            &self.order.organisations
                        } else {
                            &self.order.places
                        };
                        let signature = hash_of(&order.iter().map(|&e| h.entity(kind, e)).collect::<Vec<_>>());
                        (format!("{}/index.html", kind_folder(kind)), kind_folder(kind), "entities.html", signature)
                    }
                    _ => {
                        let (path, kind, template, data) = self.page(job);
                        let signature = hash_of(&(&path, kind, template, data.to_string()));
                        (path, kind, template, signature)
                    }
                };
                (path, Some(hash_of(&(kind, signature))), Some(template))
            }
            // A feed shows its newest entries, under the name and URL of its page.
            Item::PersonFeed(i) => {
                let p = &self.index.people[i];
                let quotes: Vec<u64> = p.quotes.iter().take(publish::FEED_ENTRIES).map(|&q| h.quotes[q]).collect();
                let signature = hash_of(&("person feed", h.person_links[i], quotes));
                (entity_url(p).replace(".html", ".xml"), Some(signature), None)
            }
            Item::EventFeed(i) => {
                let e = &self.index.events[i];
                let articles: Vec<u64> =
                    e.articles.iter().rev().take(publish::FEED_ENTRIES).map(|&a| h.articles[a]).collect();
                let signature = hash_of(&("event feed", h.event_links[i], articles));
                (event_url(e).replace(".html", ".xml"), Some(signature), None)
            }
            Item::SiteFile(i) => {
                let path = publish::SITE_FILES[i];
                let signature = match path {
                    "feed.xml" => Some(hash_of(&h.articles[..h.articles.len().min(publish::FEED_ENTRIES)])),
                    "robots.txt" => Some(0),
                    // The sitemap's is set by `Plan::new`, from every page's path.
                    _ => None,
                };
                (path.to_string(), signature.map(|s| hash_of(&(path, s))), None)
            }
            Item::Search(i) => {
                let path = &self.search_paths[i];
                (path.clone(), Some(hash_of(&(path, self.search_signature))), None)
            }
        };
        Planned { item, path, signature, template }
    }

    fn render(&self, job: Job) -> Result<Page> {
        let (path, kind, template, data) = self.page(job);
        self.render_page(job, path, kind, template, data)
    }

    /// A page's path, kind, template and data.
    fn page(&self, job: Job) -> (String, &'static str, &'static str, Value) {
        match job {
            Job::Home => ("index.html".to_string(), "index", "index.html", self.home()),
            Job::Articles(page) => {
                let (range, pagination) = self.paginate("articles", self.refs.articles.len(), page);
                let data = map([
                    ("articles", list(range.map(|a| self.values.article(&self.refs, a)))),
                    ("pagination", pagination),
                ]);
                (list_path("articles", page), "articles", "articles.html", data)
            }
            Job::Article(i) => (article_url(self.index, i), "article", "article.html", self.article(i)),
            Job::People(page) => {
                let (range, pagination) = self.paginate("people", self.order.people.len(), page);
                let items = self.order.people[range].iter().map(|&p| self.values.person(&self.refs, p));
                let data = map([("people", list(items)), ("pagination", pagination)]);
                (list_path("people", page), "people", "people.html", data)
            }
            Job::Entity(EntityKind::Person, i, page) => {
                let path = subject_path(&entity_url(&self.index.people[i]), page);
                (path, "person", "person.html", self.person(i, page))
            }
            Job::Entity(kind, i, page) => {
                let entry = &self.index.entities(kind)[i];
                (subject_path(&entity_url(entry), page), kind_name(kind), "entity.html", self.entity(entry, page))
            }
            Job::Entities(kind) => {
                let (refs, order) = match kind {
                    EntityKind::Organisation => (&self.refs.organisations, &self.order.organisations),
                    _ => (&self.refs.places, &self.order.places),
                };
                let entities: Vec<&EntityRef> = order.iter().map(|&e| &refs[e]).collect();
                let heading = if kind == EntityKind::Organisation { "Organisations" } else { "Places" };
                let data = map([
                    ("kind", kind_name(kind).into()),
                    ("heading", heading.into()),
                    ("entities", value(&entities)),
                ]);
                (format!("{}/index.html", kind_folder(kind)), kind_folder(kind), "entities.html", data)
            }
            Job::Events(page) => {
                let (range, pagination) = self.paginate("events", self.order.events.len(), page);
                let items = self.order.events[range].iter().map(|&e| self.values.event(&self.refs, e));
                let data = map([("events", list(items)), ("pagination", pagination)]);
                (list_path("events", page), "events", "events.html", data)
            }
            Job::Event(i, page) => {
                (subject_path(&event_url(&self.index.events[i]), page), "event", "event.html", self.event(i, page))
            }
            Job::NotFound => ("404.html".into(), "404", "404.html", map([])),
            Job::Search => ("search.html".into(), "search", "search.html", map([])),
        }
    }

    fn render_page(&self, job: Job, path: String, kind: &'static str, template: &str, data: Value) -> Result<Page> {
        let root = "../".repeat(path.matches('/').count());
        let mut context = tera::Context::new();
        context.insert("site", &self.site);
        context.insert("root", &root);
        let (title, description) = meta::title_and_description(&self.site, kind, &data);
        let feed = match job {
            Job::Entity(EntityKind::Person, i, _) => entity_url(&self.index.people[i]).replace(".html", ".xml"),
            Job::Event(i, _) => event_url(&self.index.events[i]).replace(".html", ".xml"),
            _ => "feed.xml".to_string(),
        };
        context.insert(
            "page",
            &PageInfo {
                canonical: meta::canonical(&self.site, &path),
                jsonld: meta::json_ld(&self.site, &path, kind, &data),
                url: path.clone(),
                kind,
                title,
                description,
                feed,
            },
        );
        context.insert("generator", GENERATOR);
        for (key, value) in data.into_map().unwrap_or_default() {
            if let tera::value::Key::Str(key) = key {
                context.insert_value(key, value);
            }
        }
        let contents = self.templates.render(template, &context)?;
        Ok(Page { path, contents })
    }

    /// How many pages a list, or a subject's articles, take.
    fn page_count(&self, job: Job) -> usize {
        let items = match job {
            Job::Articles(_) => self.refs.articles.len(),
            Job::People(_) => self.refs.people.len(),
            Job::Events(_) => self.refs.events.len(),
            Job::Entity(kind, i, _) => self.index.entities(kind)[i].articles.len(),
            Job::Event(i, _) => self.index.events[i].articles.len(),
            _ => 1,
        };
        if self.per_page == 0 { 1 } else { items.div_ceil(self.per_page).max(1) }
    }

    /// What one page of a person, organisation, place or event shows: a run of its articles
    /// (`per_page` of them, in the order of `articles`) and the run of its quotes that come
    /// from them. `quotes` are in the order of their articles, so the run is found by binary
    /// search, not by a walk over everything the subject said.
    fn subject_page(&self, articles: &[usize], quotes: &[usize], newest_first: bool, page: usize) -> Shown {
        let articles_shown = self.page_range(articles.len(), page);
        // The quotes before the article at `position` of `articles` (all of them past the end).
        let quotes_before = |position: usize| match articles.get(position) {
            Some(&article) => quotes.partition_point(|&q| {
                let of = self.index.quotes[q].article;
                if newest_first { of < article } else { of > article }
            }),
            None => quotes.len(),
        };
        let quotes_shown = quotes_before(articles_shown.start)..quotes_before(articles_shown.end);
        Shown { articles: articles_shown, quotes: quotes_shown }
    }

    /// The hashes of the articles and quotes a subject's page shows.
    fn shown_hashes(&self, articles: &[usize], quotes: &[usize], shown: &Shown) -> (Vec<u64>, Vec<u64>) {
        let h = &self.hashes;
        (
            articles[shown.articles.clone()].iter().map(|&a| h.articles[a]).collect(),
            quotes[shown.quotes.clone()].iter().map(|&q| h.quotes[q]).collect(),
        )
    }

    /// The positions of a list's items on one of its pages.
    fn page_range(&self, items: usize, page: usize) -> std::ops::Range<usize> {
        let per_page = if self.per_page == 0 { items.max(1) } else { self.per_page };
        let start = (page * per_page).min(items);
        start..(start + per_page).min(items)
    }

    /// One page of a list, with its `pagination` context.
    fn paginate(&self, folder: &str, items: usize, page: usize) -> (std::ops::Range<usize>, Value) {
        let per_page = if self.per_page == 0 { items.max(1) } else { self.per_page };
        let total = items.div_ceil(per_page).max(1);
        (self.page_range(items, page), pagination(page, total, true, |p| list_path(folder, p)))
    }

    fn home(&self) -> Value {
        let people = &self.refs.people;
        let mut quoted: Vec<usize> = (0..people.len()).filter(|&p| people[p].quote_count > 0).collect();
        quoted.sort_by(|&a, &b| {
            people[b].quote_count.cmp(&people[a].quote_count).then_with(|| people[a].name.cmp(&people[b].name))
        });
        quoted.truncate(INDEX_PEOPLE);
        let articles = (0..self.refs.articles.len().min(INDEX_ARTICLES)).map(|a| self.values.article(&self.refs, a));
        map([
            ("articles", list(articles)),
            ("people", list(quoted.iter().map(|&p| self.values.person(&self.refs, p)))),
            ("events", list(self.order.events.iter().map(|&e| self.values.event(&self.refs, e)))),
            ("charts", self.home_charts()),
            (
                "counts",
                map([
                    ("articles", self.index.articles.len().into()),
                    ("people", self.index.people.len().into()),
                    ("events", self.index.events.len().into()),
                    ("quotes", self.index.quotes.len().into()),
                ]),
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
                let date = self.index.articles[a].article.date?;
                // The strings the article's reference already holds, not made again.
                let reference = &self.refs.articles[a];
                let row = charts::TimelineRow {
                    date: reference.date.clone().unwrap_or_default(),
                    date_display: reference.date_display.clone().unwrap_or_default(),
                    title: reference.title.clone(),
                    url: reference.url.clone(),
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
    fn home_charts(&self) -> Value {
        const PERIOD_DAYS: i64 = 30;
        let Some(span) = self.span else { return Value::none() };
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
        let people = (!people_rows.is_empty())
            .then(|| charts::bars("chart-people", &format!("Most quoted, {period}"), people_rows, ""));
        let events = (!event_rows.is_empty())
            .then(|| charts::bars("chart-events", &format!("Busiest events, {period}"), event_rows, ""));
        map([("period", period.into()), ("people", value(&people)), ("events", value(&events))])
    }

    fn article(&self, i: usize) -> Value {
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
                        href: ["../", &self.refs.link(*id).url].concat(),
                    },
                });
            }
        }
        let body = markup::render_body(&a.body, a.format, &marks);
        let by_kind = |kind: EntityKind, entities: &[usize]| -> Value {
            list(entities.iter().map(|&index| self.values.link(&self.refs, EntityId { kind, index })))
        };
        let article = map([
            ("title", a.title.as_str().into()),
            ("url", article_url(self.index, i).into()),
            ("date", a.date.map(|d| d.to_string()).into()),
            ("date_display", a.date.map(|d| d.display()).into()),
            ("source", a.source.as_deref().into()),
            ("source_url", a.url.as_deref().into()),
            ("source_home", a.source_home.as_deref().into()),
            ("author", a.author.as_deref().into()),
            ("summary", a.summary.as_deref().into()),
            ("tags", value(&a.tags)),
            ("dateline", a.dateline.as_deref().into()),
            ("body", body.into()),
            ("quotes", self.quotes(&entry.quotes)),
            ("people", by_kind(EntityKind::Person, &entry.people)),
            ("organisations", by_kind(EntityKind::Organisation, &entry.organisations)),
            ("places", by_kind(EntityKind::Place, &entry.places)),
            ("events", self.event_links(&entry.events)),
            ("extra", value(&a.extra)),
        ]);
        map([("article", article)])
    }

    fn quotes(&self, quotes: &[usize]) -> Value {
        list(quotes.iter().map(|&q| self.values.quote(&self.refs, self.index, q)))
    }

    /// A subject's quotes (in the order of their articles) as `[{article, quotes, fragments}]`,
    /// one group an article: what was said in full first, then the partial quotes apart
    /// (those shorter than `min_fragment_words` left out, unless they are all there is). A
    /// quote said again in another
    /// article of the run is shown once, the first time, with the other articles in its
    /// `also_in`.
    fn quote_groups(&self, quotes: &[usize]) -> Value {
        let key = |q: usize| -> String {
            let text = &self.index.quotes[q].text;
            text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
        };
        let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut also_in: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
        let mut shown: Vec<usize> = Vec::with_capacity(quotes.len());
        let short = |q: usize| {
            let quote = &self.index.quotes[q];
            quote.fragment && quote.text.split_whitespace().count() < self.min_fragment_words
        };
        // Someone quoted only in a word or two still has those words shown.
        let leave_short_out = quotes.iter().any(|&q| !short(q));
        for &q in quotes {
            let quote = &self.index.quotes[q];
            if leave_short_out && short(q) {
                continue;
            }
            match first_of.entry(key(q)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    let sources = also_in.entry(*first.get()).or_default();
                    let article = quote.article;
                    if article != self.index.quotes[*first.get()].article && !sources.contains(&article) {
                        sources.push(article);
                    }
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(q);
                    shown.push(q);
                }
            }
        }
        let value_of = |q: usize| {
            let sources = also_in.get(&q).map(|a| self.articles(a)).unwrap_or_else(|| list(std::iter::empty()));
            let mut fields = self.values.quote(&self.refs, self.index, q).into_map().unwrap_or_default();
            fields.insert(tera::value::Key::Str("also_in"), sources);
            // Words cut from a sentence, without the punctuation at their edges: “…a relic…”.
            let text = &self.index.quotes[q].text;
            let excerpt = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
            fields.insert(tera::value::Key::Str("excerpt"), excerpt.into());
            Value::from(fields)
        };
        let groups = shown.chunk_by(|&a, &b| self.index.quotes[a].article == self.index.quotes[b].article).map(|run| {
            let (fragments, full): (Vec<usize>, Vec<usize>) = run.iter().partition(|&&q| self.index.quotes[q].fragment);
            map([
                ("article", self.values.article(&self.refs, self.index.quotes[run[0]].article)),
                ("quotes", list(full.into_iter().map(value_of))),
                ("fragments", list(fragments.into_iter().map(value_of))),
            ])
        });
        list(groups)
    }

    fn articles(&self, articles: &[usize]) -> Value {
        list(articles.iter().map(|&a| self.values.article(&self.refs, a)))
    }

    fn event_links(&self, events: &[usize]) -> Value {
        list(events.iter().map(|&e| self.values.event_link(&self.refs, e)))
    }

    /// `[{person, count}]`: people (as EntityLinks) with a count each.
    fn counted_people(&self, people: &[(usize, usize)]) -> Value {
        list(people.iter().map(|&(p, count)| {
            let person = self.values.link(&self.refs, EntityId { kind: EntityKind::Person, index: p });
            map([("person", person), ("count", count.into())])
        }))
    }

    /// A person's page: the first has the profile, counts, charts and lists about everything
    /// they said; every page a run of the articles that name them, with their quotes there.
    /// Later pages leave the first page's fields null or empty: their signature does not
    /// cover them.
    fn person(&self, i: usize, page: usize) -> Value {
        let p = &self.index.people[i];
        let profile = p.profile.as_ref();
        let shown = self.subject_page(&p.articles, &p.quotes, true, page);
        let first = page == 0;
        let groups = self.quote_groups(&p.quotes[shown.quotes.clone()]);
        let chart = || {
            let title = format!("People quoted in the same articles as {}", p.name);
            self.bar_chart("quoted-with", &title, p.quoted_with.iter().copied())
        };
        let person = map([
            ("name", p.name.as_str().into()),
            ("url", entity_url(p).into()),
            ("role", profile.and_then(|x| x.role.as_deref()).into()),
            ("affiliation", profile.and_then(|x| x.affiliation.as_deref()).into()),
            ("country", profile.and_then(|x| x.country.as_deref()).into()),
            ("aliases", value(profile.map(|x| x.aliases.as_slice()).unwrap_or_default())),
            (
                "bio",
                profile.map(|x| x.bio.trim()).filter(|b| first && !b.is_empty()).map(markup::render_markdown).into(),
            ),
            ("has_profile", profile.is_some().into()),
            ("quote_count", first.then_some(p.quotes.len()).into()),
            ("article_count", first.then_some(p.articles.len()).into()),
            ("quotes_by_article", groups),
            ("articles", self.articles(&p.articles[shown.articles])),
            ("quoted_with", self.counted_people(if first { &p.quoted_with } else { &[] })),
            ("timeline", if first { value(&self.person_timeline(p)) } else { Value::none() }),
            ("quoted_with_chart", if first { value(&chart()) } else { Value::none() }),
            ("events", self.event_links(if first { &p.events } else { &[] })),
            ("extra", profile.map(|x| value(&x.extra)).unwrap_or_else(|| value(&crate::content::Extra::default()))),
        ]);
        let pages = self.page_count(Job::Entity(EntityKind::Person, i, 0));
        let pagination = pagination(page, pages, true, |n| subject_path(&entity_url(p), n));
        map([("person", person), ("pagination", pagination)])
    }

    /// An organisation's or place's page, paged as a person's.
    fn entity(&self, e: &EntityEntry, page: usize) -> Value {
        let shown = self.subject_page(&e.articles, &e.quotes, true, page);
        let entity = map([
            ("name", e.name.as_str().into()),
            ("kind", kind_name(e.kind).into()),
            ("url", entity_url(e).into()),
            ("article_count", (page == 0).then_some(e.articles.len()).into()),
            ("articles", self.articles(&e.articles[shown.articles])),
            ("quotes", self.quotes(&e.quotes[shown.quotes])),
        ]);
        let pages = if self.per_page == 0 { 1 } else { e.articles.len().div_ceil(self.per_page).max(1) };
        let pagination = pagination(page, pages, true, |n| subject_path(&entity_url(e), n));
        map([("entity", entity), ("pagination", pagination)])
    }

    /// An event's page, paged as a person's, oldest first.
    fn event(&self, i: usize, page: usize) -> Value {
        let e = &self.index.events[i];
        let profile = e.profile.as_ref();
        let shown = self.subject_page(&e.articles, &e.quotes, false, page);
        let first = page == 0;
        let participants = if first { e.participants.as_slice() } else { &[] };
        let chart = || {
            let title = format!("Quotes by speaker about {}", e.name);
            self.bar_chart("speakers", &title, e.speakers.iter().copied())
        };
        let event = map([
            ("name", e.name.as_str().into()),
            ("url", event_url(e).into()),
            ("date", profile.and_then(|x| x.start).map(|d| d.to_string()).into()),
            ("date_display", profile.and_then(event_dates).into()),
            ("place", profile.and_then(|x| x.place.as_deref()).into()),
            (
                "summary",
                profile
                    .map(|x| x.summary.trim())
                    .filter(|s| first && !s.is_empty())
                    .map(markup::render_markdown)
                    .into(),
            ),
            ("has_profile", profile.is_some().into()),
            ("discovered", e.discovered.into()),
            (
                "participants",
                list(
                    participants
                        .iter()
                        .map(|&p| self.values.link(&self.refs, EntityId { kind: EntityKind::Person, index: p })),
                ),
            ),
            ("articles", self.articles(&e.articles[shown.articles])),
            ("speakers", self.counted_people(if first { &e.speakers } else { &[] })),
            ("timeline", if first { value(&self.event_timeline(e)) } else { Value::none() }),
            ("speakers_chart", if first { value(&chart()) } else { Value::none() }),
            ("quotes", self.quotes(&e.quotes[shown.quotes])),
            ("extra", profile.map(|x| value(&x.extra)).unwrap_or_else(|| value(&crate::content::Extra::default()))),
        ]);
        let pages = self.page_count(Job::Event(i, 0));
        let pagination = pagination(page, pages, false, |n| subject_path(&event_url(e), n));
        map([("event", event), ("pagination", pagination)])
    }
}

/// The `pagination` context of one page of `total`: {current, total, previous, next, pages:
/// [{number, url}], newest_first}; numbers are 1-based, urls root-relative or null.
fn pagination(page: usize, total: usize, newest_first: bool, url: impl Fn(usize) -> String) -> Value {
    // The first and last pages and those near this one, with a gap (number null) wherever
    // pages are left out: every page links to a handful of others, not to all of them.
    let near = page.saturating_sub(PAGINATION_NEAR)..=(page + PAGINATION_NEAR).min(total - 1);
    let mut shown: Vec<usize> = [0].into_iter().chain(near).chain([total - 1]).collect();
    shown.dedup();
    let mut pages = Vec::new();
    for (i, &p) in shown.iter().enumerate() {
        if i > 0 && p > shown[i - 1] + 1 {
            pages.push(map([("number", Value::none()), ("url", Value::none())]));
        }
        pages.push(map([("number", (p + 1).into()), ("url", url(p).into())]));
    }
    map([
        ("current", (page + 1).into()),
        ("total", total.into()),
        ("previous", (page > 0).then(|| url(page - 1)).into()),
        ("next", (page + 1 < total).then(|| url(page + 1)).into()),
        ("pages", Value::from(pages)),
        ("newest_first", newest_first.into()),
    ])
}

/// `people/<slug>.html` for a subject's first page, `people/<slug>/page/2.html` after it.
fn subject_path(first: &str, page: usize) -> String {
    if page == 0 { first.to_string() } else { format!("{}/page/{}.html", first.trim_end_matches(".html"), page + 1) }
}

/// The positions in `articles` and `quotes` a page of a subject shows.
struct Shown {
    articles: std::ops::Range<usize>,
    quotes: std::ops::Range<usize>,
}

/// How many of `quotes` come from each of `articles` (both in the same order: newest first, or
/// oldest first), in one walk.
fn quotes_per_article(index: &Index, articles: &[usize], quotes: &[usize], newest_first: bool) -> Vec<usize> {
    let mut quotes = quotes.iter().map(|&q| index.quotes[q].article).peekable();
    articles
        .iter()
        .map(|&article| {
            let mut count = 0;
            while let Some(&of) = quotes.peek() {
                let before = if newest_first { of < article } else { of > article };
                if of == article {
                    count += 1;
                } else if !before {
                    break;
                }
                quotes.next();
            }
            count
        })
        .collect()
}

/// `articles/index.html` for the first page, `articles/page/2.html` after it.
fn list_path(folder: &str, page: usize) -> String {
    if page == 0 { format!("{folder}/index.html") } else { format!("{folder}/page/{}.html", page + 1) }
}
