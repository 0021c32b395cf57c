//! [`Index`] → pages: plans every file of the site with its signature, and renders each page
//! with the theme (the default theme embedded in the binary, overridden file by file by the
//! site's `templates/`). What each kind of page is (its path, template, inputs and context) is
//! its spec in `pages/` (`spec.rs` says what a spec is). Pages are rendered in parallel; the
//! templates are parsed once.

pub mod charts;
pub mod context;
mod derived;
pub mod markup;
pub mod meta;
pub(crate) mod pages;
pub mod publish;
pub mod search;
mod spec;

use crate::annotate::EntityKind;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::{EntityId, Index};
use context::*;
pub use derived::Derived;
use derived::{Hashes, Order, touched};
use pages::{Job, for_page};
use rayon::prelude::*;
use std::path::Path;
use tera::Value;

include!(concat!(env!("OUT_DIR"), "/theme.rs"));

pub const TEMPLATES_DIR: &str = "templates";
const GENERATOR: &str = concat!("brief ", env!("CARGO_PKG_VERSION"));

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
        // The index reads every article's text (its fingerprint) and every name and line it shows.
        let texts: Vec<u64> = index.articles.iter().map(|a| a.article.fingerprint).collect();
        let search_signature = hash_of(&(texts, &hashes.articles, &hashes.entities, &hashes.events));
        let renderer = Renderer {
            index,
            refs,
            site,
            templates,
            per_page: config.paginate,
            span,
            hashes,
            order,
            values,
            search_paths: search::paths(search::document_count(index)),
            search_signature,
        };

        let jobs = pages::jobs(&renderer);
        let mut all: Vec<Item> = jobs.into_iter().map(Item::Page).collect();
        // A person without a page has no feed either.
        all.extend((0..index.entities.people.len()).filter(|&i| index.entities.people[i].page).map(Item::PersonFeed));
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

/// The paths of the pages (not feeds or data, nor folded copies, which say where to go):
/// what the sitemap lists.
fn plan_page_paths(items: &[Planned]) -> Vec<&String> {
    let listed = |item: Item| matches!(item, Item::Page(job) if !matches!(job, Job::Folded(..)));
    items.iter().filter(|p| listed(p.item)).map(|p| &p.path).collect()
}

fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// What every page is made from: the index, the references and their hashes and values, and
/// the site's settings. Specs read it through their inputs' handles.
pub(crate) struct Renderer<'a> {
    index: &'a Index,
    refs: Refs,
    site: SiteContext,
    templates: &'a Templates,
    /// Items per list page; 0: one page.
    per_page: usize,
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
    /// An item's file and signature: a page's from its spec (`pages/`); a feed's or a file
    /// about the whole site's from the hashes of what it lists.
    fn plan(&self, item: Item) -> Planned {
        let h = &self.hashes;
        let (path, signature) = match item {
            Item::Page(job) => return for_page!(job, S, key => spec::plan::<S>(self, key, job)),
            // A feed shows its newest entries, under the name and URL of its page.
            Item::PersonFeed(i) => {
                let p = &self.index.entities.people[i];
                let quotes = p.quotes.iter().take(publish::SUBJECT_FEED_ENTRIES).map(|&q| spec::QuoteCard(q));
                let inputs = (spec::Link(EntityId { kind: EntityKind::Person, index: i }), quotes.collect::<Vec<_>>());
                (entity_url(p).replace(".html", ".xml"), Some(self.sign("person feed", &inputs)))
            }
            Item::EventFeed(i) => {
                let e = &self.index.events[i];
                let articles =
                    e.articles.iter().rev().take(publish::SUBJECT_FEED_ENTRIES).map(|&a| spec::ArticleCard(a));
                let inputs = (spec::EventMention(i), articles.collect::<Vec<_>>());
                (event_url(e).replace(".html", ".xml"), Some(self.sign("event feed", &inputs)))
            }
            Item::SiteFile(i) => {
                let path = publish::SITE_FILES[i];
                let signature = match path {
                    "feed.xml" => Some(hash_of(&h.articles[..h.articles.len().min(publish::FEED_ENTRIES)])),
                    "robots.txt" => Some(0),
                    // The sitemap's is set by `Plan::new`, from every page's path.
                    _ => None,
                };
                (path.to_string(), signature.map(|s| hash_of(&(path, s))))
            }
            Item::Search(i) => {
                let path = &self.search_paths[i];
                (path.clone(), Some(hash_of(&(path, self.search_signature))))
            }
        };
        Planned { item, path, signature, template: None }
    }

    fn render(&self, job: Job) -> Result<Page> {
        for_page!(job, S, key => spec::render::<S>(self, key))
    }

    /// What signs a page's inputs.
    fn signer(&self) -> spec::Signer<'_> {
        spec::Signer { index: self.index, hashes: &self.hashes }
    }

    /// The signature of a file of `kind` made from `inputs`.
    fn sign(&self, kind: &str, inputs: &impl spec::Input) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        kind.hash(&mut hasher);
        inputs.sign(&self.signer(), &mut hasher);
        hasher.finish()
    }

    /// A page through its template: the context every page has (`site`, `root`, `page`,
    /// `generator`), and the page's own (`data`, a map) at the top level beside it.
    fn render_page(
        &self,
        path: String,
        kind: &'static str,
        template: &str,
        meta: meta::Meta,
        feed: String,
        data: Value,
    ) -> Result<Page> {
        let root = "../".repeat(path.matches('/').count());
        let mut context = tera::Context::new();
        context.insert("site", &self.site);
        context.insert("root", &root);
        let page = PageInfo {
            canonical: meta::canonical(&self.site, &path),
            jsonld: meta.jsonld,
            url: path.clone(),
            kind,
            title: meta.title,
            description: meta.description,
            feed,
        };
        context.insert("page", &page);
        context.insert("generator", GENERATOR);
        for (key, value) in data.into_map().unwrap_or_default() {
            if let tera::value::Key::Str(key) = key {
                context.insert_value(key, value);
            }
        }
        let contents = self.templates.render(template, &context)?;
        Ok(Page { path, contents })
    }

    /// How many pages a list of `items` takes.
    fn list_pages(&self, items: usize) -> usize {
        if self.per_page == 0 { 1 } else { items.div_ceil(self.per_page).max(1) }
    }

    /// How many pages a person, organisation, place or event with these articles has.
    fn subject_pages(&self, articles: &[usize]) -> usize {
        self.list_pages(articles.len())
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

    /// The positions of a list's items on one of its pages.
    fn page_range(&self, items: usize, page: usize) -> std::ops::Range<usize> {
        let per_page = if self.per_page == 0 { items.max(1) } else { self.per_page };
        let start = (page * per_page).min(items);
        start..(start + per_page).min(items)
    }
}

/// The positions in `articles` and `quotes` a page of a subject shows.
struct Shown {
    articles: std::ops::Range<usize>,
    quotes: std::ops::Range<usize>,
}
