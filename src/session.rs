//! A built site kept in memory, so that the preview rebuilds only what a change touches.
//!
//! [`Session::open`] is a full build that keeps its index and, for every file it wrote, the
//! signature the [`Plan`] gave it (a hash of what the file is made from). On a change:
//! - saved, added or deleted articles are loaded and annotated alone, the index is rebuilt
//!   around them (cheap next to rendering), and only the files whose signature changed are
//!   rendered and written, each replaced atomically; files that no longer exist are removed;
//! - a changed template re-renders the pages made with it (every page, for `base.html` and
//!   partials);
//! - anything else (brief.yaml, profiles, events, static files) is a full build again.
//!
//! Whatever fails leaves the files on disk as they were: loading and rendering happen before
//! the first write, and big changes go through a staged full build.

use crate::annotate::Annotations;
use crate::content::{ARTICLES_DIR, Article};
use crate::error::{Error, Result, Warning};
use crate::render::{Derived, Page, Plan, Planned, TEMPLATES_DIR};
use crate::{Analysed, BuildOptions, BuildReport};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// More files than this to re-render, and the change is made as a full, staged build: the
/// pages would not be held in memory, and a build writes them faster than file-by-file swaps.
const MAX_INCREMENTAL_FILES: usize = 2_000;

/// What one change did.
#[derive(Debug, Clone)]
pub struct Update {
    /// Whether it was a full build.
    pub full: bool,
    /// Whether the saved article was merged into the index in place (rather than the index
    /// being built again from every article).
    pub in_place: bool,
    /// Articles loaded and annotated.
    pub annotated: usize,
    /// Files rendered and written (only those whose content can have changed).
    pub written: usize,
    pub removed: usize,
    pub warnings: Vec<Warning>,
    pub elapsed: Duration,
}

/// A site built into `output` and kept in memory.
pub struct Session {
    root: PathBuf,
    options: BuildOptions,
    analysed: Analysed,
    /// Every file the last build or update wrote, with its signature and template.
    files: Files,
    /// What the last plan derived from the index: kept while the index changes only by
    /// articles replaced in place (and patched with them), dropped when it is built again.
    derived: Option<Derived>,
    /// The index went ahead of the files on disk (an update failed half-way): the next
    /// change is a full build.
    stale: bool,
}

impl Session {
    /// Builds the site into `options.output` (which must be set) and keeps it.
    pub fn open(root: &Path, options: BuildOptions) -> Result<(Session, BuildReport)> {
        let (report, mut analysed, derived) = crate::build_keeping(root, &options, false)?;
        let articles: Vec<(&Article, &Annotations)> =
            analysed.index.articles.iter().map(|e| &e.article).zip(&analysed.annotations).collect();
        analysed.discoverer.keep(&articles);
        let copies = analysed.index.copies.iter().map(|c| &c.article);
        let all: Vec<&Article> = articles.iter().map(|(a, _)| *a).chain(copies).collect();
        analysed.sketcher.slug_groups(&all, &analysed.folds);
        let files = files_of(derived.planned());
        let session =
            Session { root: root.to_path_buf(), options, analysed, files, derived: Some(derived), stale: false };
        Ok((session, report))
    }

    /// The folder the site is built into.
    pub fn output(&self) -> &Path {
        &self.analysed.output
    }

    /// Brings the output up to date with the files at `paths` (absolute, or relative to the
    /// site root), which were saved, created or deleted. On error nothing on disk changed.
    pub fn update(&mut self, paths: &[PathBuf]) -> Result<Update> {
        self.update_with(paths, &mut || {})
    }

    /// `update`, calling `pages_ready` once the pages are on disk and before the data files
    /// (API, search index) are made: the preview reloads the browser then. Not called when
    /// the change is a full build, which replaces the whole folder at once.
    pub fn update_with(&mut self, paths: &[PathBuf], pages_ready: &mut dyn FnMut()) -> Result<Update> {
        let started = Instant::now();
        let rel: Vec<PathBuf> = paths
            .iter()
            .map(|p| p.strip_prefix(&self.root).map(Path::to_path_buf).unwrap_or_else(|_| p.clone()))
            .collect();
        // A folder that appeared is read whole by a full build.
        let folder = rel.iter().any(|p| self.root.join(p).is_dir());
        let articles = rel.iter().all(|p| p.starts_with(ARTICLES_DIR));
        let templates = rel.iter().all(|p| p.starts_with(TEMPLATES_DIR));
        let mut update = if self.stale || folder {
            self.rebuild()?
        } else if articles {
            self.update_articles(&rel, pages_ready)?
        } else if templates {
            self.update_templates(&rel, pages_ready)?
        } else {
            self.rebuild()?
        };
        update.elapsed = started.elapsed();
        Ok(update)
    }

    /// A full build, which replaces this session only when it succeeds.
    fn rebuild(&mut self) -> Result<Update> {
        let (session, report) = Session::open(&self.root, self.options.clone())?;
        *self = session;
        Ok(Update {
            full: true,
            in_place: false,
            annotated: report.articles - report.cached,
            written: report.pages,
            removed: 0,
            warnings: report.warnings,
            elapsed: Duration::ZERO,
        })
    }

    fn update_articles(&mut self, changed: &[PathBuf], pages_ready: &mut dyn FnMut()) -> Result<Update> {
        // Load first: a broken file stops the update before anything is touched.
        let mut loaded: Vec<Article> = Vec::new();
        let mut warnings = Vec::new();
        let site = crate::paths::Site::new(&self.root)?;
        for rel in changed {
            if !is_article_file(&self.root, rel) {
                continue; // deleted, or not an article
            }
            site.check_inside(rel)?;
            for (mut article, article_warnings) in crate::content::load_article(&self.root, rel)? {
                crate::content::name_sources(std::slice::from_mut(&mut article), &self.analysed.config);
                warnings.extend(article_warnings);
                if !article.draft || self.options.drafts {
                    loaded.push(article);
                }
            }
        }
        // A deleted folder takes its articles with it.
        let is_changed = |article: &Article| changed.iter().any(|c| article.path.starts_with(c));
        // An article under a link another file's article has, or had, changes which of them
        // is read (`content::one_article_per_link`, a feed's item and the page saved of it):
        // the site is read again.
        let link = |a: &Article| a.url.as_deref().and_then(crate::content::extracted::same_article_key);
        let index = &self.analysed.index;
        let articles = || index.articles.iter().map(|e| &e.article).chain(index.copies.iter().map(|c| &c.article));
        let kept: HashSet<String> = articles().filter(|a| !is_changed(a)).filter_map(link).collect();
        let new: HashSet<String> = loaded.iter().filter_map(link).collect();
        // A link dropped can bring back a feed's item that gave way to it (feeds are in their
        // own folder; the index does not hold the items that gave way).
        let feeds = self.root.join(crate::content::FEEDS_DIR).is_dir();
        let gone = feeds && articles().filter(|a| is_changed(a)).filter_map(link).any(|l| !new.contains(&l));
        if gone || new.iter().any(|l| kept.contains(l)) {
            return self.rebuild();
        }
        // Slugs stay unique: the kept articles' were, so only a loaded one's can clash.
        let new_slugs: HashSet<&str> = loaded.iter().map(|a| a.slug.as_str()).collect();
        let kept = articles().filter(|a| new_slugs.contains(a.slug.as_str()) && !is_changed(a));
        let mut all: Vec<(&String, &PathBuf)> = kept.chain(&loaded).map(|a| (&a.slug, &a.path)).collect();
        all.sort();
        crate::content::check_unique(all.into_iter(), "article")?;
        // The editors' `unfold:` names only articles that are still there.
        self.analysed.folds.check(articles().filter(|a| !is_changed(a)).chain(&loaded))?;

        let registry = &self.analysed.registry;
        let mut fresh: Vec<(Article, Annotations)> = loaded
            .into_par_iter()
            .map(|article| {
                let annotations =
                    crate::annotate::annotate(&article.body, article.format, registry, &article.overrides);
                (article, annotations)
            })
            .collect();
        let annotated_count = fresh.len();

        // One saved article that keeps its place in the archive and names no one new (the
        // usual edit) is merged into the index in place; anything else builds it again (so is a
        // save that changes the events discovered or the copies folded: `merge_in_place`).
        if let ([_], [_]) = (fresh.as_slice(), changed) {
            match self.merge_in_place(fresh.pop().expect("one article")) {
                Ok(()) => return self.write_article_changes(annotated_count, true, warnings, pages_ready),
                Err(back) => fresh.push(*back),
            }
        }
        self.derived = None;
        let old_index = std::mem::take(&mut self.analysed.index);
        let old_annotations = std::mem::take(&mut self.analysed.annotations);
        let old_copy_annotations = std::mem::take(&mut self.analysed.copy_annotations);
        let copies = old_index.copies.into_iter().map(|c| c.article).zip(old_copy_annotations);
        let mut annotated: Vec<(Article, Annotations)> = old_index
            .articles
            .into_iter()
            .map(|e| e.article)
            .zip(old_annotations)
            .chain(copies)
            .filter(|(article, _)| !is_changed(article))
            .collect();
        annotated.extend(fresh);
        let (sketcher, folds) = (&mut self.analysed.sketcher, &self.analysed.folds);
        let crate::fold::Folded { articles: annotated, copies } = match sketcher.fold(annotated, folds) {
            Ok(folded) => folded,
            Err(error) => {
                self.stale = true;
                return Err(error);
            }
        };
        let profiles = self.analysed.profiles.clone_profiles();
        let analysed = &mut self.analysed;
        analysed.discovery =
            crate::discover_events(&mut analysed.discoverer, &annotated, &profiles, &analysed.decisions);
        let discovery = &self.analysed.discovery;
        let resolver = crate::index::resolve(&profiles, &annotated);
        (self.analysed.index, self.analysed.annotations) =
            crate::index::build_with(profiles, annotated, discovery, resolver, &self.analysed.config.annotator);
        self.analysed.copy_annotations = crate::fold::attach(&mut self.analysed.index, copies);
        self.write_article_changes(annotated_count, false, warnings, pages_ready)
    }

    /// Merges one saved article into the index in place (`Index::replace_article`), and what
    /// was derived from the index with it; gives the article back when only building the
    /// index again gives the right result: it is new, it takes another place in the archive,
    /// names someone new, or changes the events discovered in the articles (one joins or
    /// leaves).
    fn merge_in_place(
        &mut self,
        (article, annotations): (Article, Annotations),
    ) -> std::result::Result<(), Box<(Article, Annotations)>> {
        let Analysed {
            index,
            annotations: kept,
            config,
            profiles,
            decisions,
            discovery,
            discoverer,
            sketcher,
            folds,
            ..
        } = &mut self.analysed;
        let Some(position) = index.articles.iter().position(|e| e.article.path == article.path) else {
            return Err(Box::new((article, annotations)));
        };
        // A save that makes an article join or leave a group of copies, or changes a group's
        // primary, builds the index again.
        let copies = index.copies.iter().map(|c| &c.article);
        let mut all: Vec<&Article> = index.articles.iter().map(|e| &e.article).chain(copies).collect();
        all[position] = &article;
        if sketcher.slug_groups(&all, folds) != crate::fold::index_groups(index) {
            return Err(Box::new((article, annotations)));
        }
        let mut all: Vec<(&Article, &Annotations)> = index.articles.iter().map(|e| &e.article).zip(&*kept).collect();
        all[position] = (&article, &annotations);
        if discoverer.discover(&all, &profiles.events, decisions) != *discovery {
            return Err(Box::new((article, annotations)));
        }
        match index.replace_article(position, &kept[position], article, &annotations, &config.annotator) {
            Ok(change) => {
                kept[position] = annotations;
                if let Some(derived) = &mut self.derived {
                    derived.patch(index, &change);
                }
                Ok(())
            }
            Err(article) => Err(Box::new((*article, annotations))),
        }
    }

    /// Writes the files whose signature changed with the index.
    fn write_article_changes(
        &mut self,
        annotated: usize,
        in_place: bool,
        warnings: Vec<Warning>,
        pages_ready: &mut dyn FnMut(),
    ) -> Result<Update> {
        let (written, removed) = self.write_changes(
            &|planned, files| {
                planned.signature.is_none() || files.get(&planned.path).is_none_or(|(old, _)| *old != planned.signature)
            },
            pages_ready,
        )?;
        Ok(Update { full: false, in_place, annotated, written, removed, warnings, elapsed: Duration::ZERO })
    }

    fn update_templates(&mut self, changed: &[PathBuf], pages_ready: &mut dyn FnMut()) -> Result<Update> {
        let templates = crate::render::Templates::load(&self.root)?;
        let names: HashSet<String> = changed
            .iter()
            .filter_map(|p| p.strip_prefix(TEMPLATES_DIR).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        let page_templates: HashSet<&str> = self.files.values().filter_map(|(_, t)| *t).collect();
        // A template that is no page's own (base.html, a partial) may be used by any page.
        let everything = names.iter().any(|n| !page_templates.contains(n.as_str()));
        let previous = std::mem::replace(&mut self.analysed.templates, templates);
        let result = self.write_changes(
            &|planned, _| planned.template.is_some_and(|t| everything || names.contains(t)),
            pages_ready,
        );
        match result {
            Ok((written, removed)) => Ok(Update {
                full: false,
                in_place: false,
                annotated: 0,
                written,
                removed,
                warnings: Vec::new(),
                elapsed: Duration::ZERO,
            }),
            Err(error) => {
                self.analysed.templates = previous;
                Err(error)
            }
        }
    }

    /// Renders the planned files `select` picks and replaces them on disk, removes the files
    /// that are no longer planned, and records the new signatures. Returns (written, removed).
    fn write_changes(
        &mut self,
        select: &(dyn Fn(&Planned, &Files) -> bool + Sync),
        pages_ready: &mut dyn FnMut(),
    ) -> Result<(usize, usize)> {
        let analysed = &self.analysed;
        let derived = self.derived.take().unwrap_or_else(|| Derived::new(&analysed.index));
        let plan = Plan::with(&analysed.index, &analysed.config, &analysed.templates, derived);
        let files = &self.files;
        let select = |planned: &Planned| select(planned, files);
        let chosen = plan.items.iter().filter(|p| select(p)).count();
        if chosen > MAX_INCREMENTAL_FILES {
            drop(plan);
            self.stale = true;
            let update = self.rebuild()?;
            return Ok((update.written, 0));
        }
        let output = analysed.output.clone();
        // Pages, feeds and the sitemap first; then, after `pages_ready`, the data files.
        let pages = render_to_memory(&plan, &|p| select(p) && !is_data_file(&p.path));
        let pages = match pages {
            Ok(pages) => pages,
            Err(error) => {
                self.stale = true;
                return Err(error);
            }
        };
        pages.par_iter().try_for_each(|page| crate::output::replace_file(&output, page))?;
        let new_files = files_of(&plan.items);
        let gone: Vec<&String> = self.files.keys().filter(|path| !new_files.contains_key(*path)).collect();
        for path in &gone {
            crate::output::remove_file(&output, path)?;
        }
        let removed = gone.len();
        pages_ready();

        let data = render_to_memory(&plan, &|p| select(p) && is_data_file(&p.path)).and_then(|data| {
            data.par_iter().try_for_each(|page| crate::output::replace_file(&output, page))?;
            Ok(data.len())
        });
        let data = match data {
            Ok(count) => count,
            Err(error) => {
                self.stale = true;
                return Err(error);
            }
        };
        self.derived = Some(plan.into_derived());
        self.files = new_files;
        Ok((pages.len() + data, removed))
    }
}

/// The JSON API and the search index: large, read by scripts rather than people, so written
/// after the pages (the preview holds requests for them until they are).
pub fn is_data_file(path: &str) -> bool {
    path.starts_with("api/") || path.starts_with("search/")
}

fn render_to_memory(plan: &Plan, select: &(dyn Fn(&Planned) -> bool + Sync)) -> Result<Vec<Page>> {
    let pages = std::sync::Mutex::new(Vec::new());
    plan.render(select, &|page: Page| {
        pages
            .lock()
            .map_err(|_| Error::Template { name: "render".into(), message: "a render thread failed".into() })?
            .push(page);
        Ok(())
    })?;
    Ok(pages.into_inner().unwrap_or_default())
}

/// Files by path, with their signature and template.
type Files = HashMap<String, (Option<u64>, Option<&'static str>)>;

fn files_of(planned: &[Planned]) -> Files {
    planned.iter().map(|p| (p.path.clone(), (p.signature, p.template))).collect()
}

/// An article file that exists: one `content::load` would read.
fn is_article_file(root: &Path, rel: &Path) -> bool {
    crate::content::readers::reader_for(rel).is_some() && root.join(rel).is_file()
}
