//! brief: a static site generator for annotated news briefings.
//!
//! The pipeline, one module a stage: [`config`] (brief.yaml) → [`content`] (files → articles,
//! people, events) → [`annotate`] (quotes, speakers, entities) → [`fold`] (copies of one story)
//! → [`discover`] (events) → [`index`] (cross-references)
//! → [`render`] (Tera pages) → [`output`] (files, atomically).

pub mod annotate;
pub mod cache;
pub mod check;
pub mod config;
pub mod content;
pub mod discover;
pub mod error;
pub mod fold;
pub mod index;
pub mod init;
pub mod kinds;
pub mod output;
pub mod paths;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod session;
pub mod slug;
pub mod yaml;

use annotate::{Annotations, Registry, RegistryEvent, RegistryPerson};
use config::Config;
use content::{Article, Content, LoadOptions};
pub use error::{Error, Result, Warning};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The output folder, instead of the configuration's.
    pub output: Option<PathBuf>,
    /// Keep articles marked `draft: true`.
    pub drafts: bool,
    /// The base URL, instead of the configuration's.
    pub base_url: Option<String>,
    /// Annotate every article afresh, neither reading nor writing the annotation cache.
    pub no_cache: bool,
    /// Show a progress bar (on a terminal, for long builds).
    pub progress: bool,
}

/// What a build did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: usize,
    /// Pages kept from the previous output unrendered: their signature was unchanged.
    pub unchanged: usize,
    pub articles: usize,
    pub people: usize,
    pub events: usize,
    pub quotes: usize,
    /// Articles whose annotations came from the cache.
    pub cached: usize,
    /// Pages, feeds and XML files read through their reader's extraction, and those whose
    /// articles came from the extraction cache instead.
    pub extracted: usize,
    pub extracted_cached: usize,
    pub warnings: Vec<Warning>,
    pub elapsed: Duration,
    /// How long each stage took, in order (`brief build --timings`).
    pub stages: Vec<(&'static str, Duration)>,
}

/// Times the stages of a build one after the other.
struct Stopwatch {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl Stopwatch {
    fn new() -> Stopwatch {
        Stopwatch { last: Instant::now(), laps: Vec::new() }
    }

    /// Ends the stage `name` now.
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }
}

/// Everything a build makes, rendered in memory: what `brief check` inspects.
pub struct Prepared {
    pub config: Config,
    pub output: PathBuf,
    pub index: index::Index,
    pub pages: Vec<render::Page>,
    pub warnings: Vec<Warning>,
}

/// The stages before rendering: configuration, templates, content, annotation, index.
struct Analysed {
    config: Config,
    output: PathBuf,
    templates: render::Templates,
    index: index::Index,
    /// Each article's annotations, in the index's article order: what the annotation cache
    /// saves and the preview resolves again. Render reads the index only.
    annotations: Vec<Annotations>,
    /// The annotations of the copies folded into other articles, in the order of `Index::copies`.
    copy_annotations: Vec<Annotations>,
    warnings: Vec<Warning>,
    cache: cache::AnnotationCache,
    /// What pages, feeds and XML files gave their readers; `build_keeping` saves it.
    extractions: cache::Extractions,
    registry: Registry,
    /// The people and events (the articles live in the index).
    profiles: Content,
    /// The editors' decisions about discovered events, what discovery last found, and, in a
    /// preview, every article's terms (which its next discovery reuses).
    decisions: discover::Decisions,
    /// The editors' decisions about copies (`content/folds.yaml`).
    folds: fold::Decisions,
    /// In a preview, every article's sketch, which its next folding reuses.
    sketcher: fold::Sketcher,
    discovery: discover::Discovery,
    discoverer: discover::Discoverer,
}

fn analyse(root: &Path, options: &BuildOptions) -> Result<Analysed> {
    analyse_timed(root, options, &mut Stopwatch::new())
}

fn analyse_timed(root: &Path, options: &BuildOptions, watch: &mut Stopwatch) -> Result<Analysed> {
    let mut config = Config::load(root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.clone();
    }
    let output = match &options.output {
        Some(path) => path.clone(),
        None => root.join(&config.output),
    };
    if options.output.is_none() && paths::is_link(&output) {
        return Err(Error::input(
            &output,
            None,
            "the output folder is a symbolic link; brief does not write through a link in the site",
            "remove the link, or pass --output with the folder to write to",
        ));
    }
    output::check_output(root, &output)?;
    let templates = render::Templates::load(root)?;
    let extractions = if options.no_cache { cache::Extractions::disabled() } else { cache::Extractions::load(root) };
    let mut content = content::load_with(root, LoadOptions { drafts: options.drafts }, &extractions)?;
    content::name_sources(&mut content.articles, &config);
    let decisions = discover::Decisions::load(root)?;
    let folds = fold::Decisions::load(root)?;
    let mut warnings = content.warnings.clone();
    watch.lap("load");
    let registry = registry(&content);
    let mut cache = if options.no_cache {
        cache::AnnotationCache::disabled(&registry)
    } else {
        cache::AnnotationCache::load(root, &registry)
    };
    let bar = progress_bar(options.progress, content.articles.len() as u64, "annotating");
    // The articles move into the annotated list: a copy of every text would be held twice.
    let articles = std::mem::take(&mut content.articles);
    let annotated = annotate_with(articles, &registry, &mut cache, &bar);
    bar.finish_and_clear();
    watch.lap("annotate");
    let fold::Folded { articles: annotated, copies } = fold::fold(annotated, &folds)?;
    watch.lap("fold");
    let profiles = content.clone_profiles();
    // A build keeps no terms (a preview asks for them: `Discoverer::keep`).
    let discoverer = discover::Discoverer::default();
    let discovery = {
        let articles: Vec<(&Article, &Annotations)> = annotated.iter().map(|(a, n)| (a, n)).collect();
        discover::discover(&articles, &profiles.events, &decisions)
    };
    warnings.extend(discovery.warnings.iter().cloned());
    watch.lap("discover");
    let resolver = index::resolve(&content, &annotated);
    watch.lap("resolve");
    let (mut index, annotations) = index::build_with(content, annotated, &discovery, resolver, &config.annotator);
    let copy_annotations = fold::attach(&mut index, copies);
    watch.lap("index");
    Ok(Analysed {
        config,
        output,
        templates,
        index,
        annotations,
        copy_annotations,
        warnings,
        cache,
        extractions,
        registry,
        profiles,
        decisions,
        folds,
        sketcher: fold::Sketcher::default(),
        discovery,
        discoverer,
    })
}

/// Event discovery over annotated articles (`Discoverer::discover` on references).
fn discover_events(
    discoverer: &mut discover::Discoverer,
    annotated: &[(Article, Annotations)],
    profiles: &Content,
    decisions: &discover::Decisions,
) -> discover::Discovery {
    let articles: Vec<(&Article, &Annotations)> = annotated.iter().map(|(a, n)| (a, n)).collect();
    discoverer.discover(&articles, &profiles.events, decisions)
}

/// Loads, annotates, indexes and renders the site in `root`, writing nothing.
pub fn prepare(root: &Path, options: &BuildOptions) -> Result<Prepared> {
    let analysed = analyse(root, options)?;
    let pages = render::render_site(&analysed.index, &analysed.config, &analysed.templates)?;
    let Analysed { config, output, index, warnings, .. } = analysed;
    Ok(Prepared { config, output, index, pages, warnings })
}

/// Builds the site in `root` into its output folder. Pages go to a staging folder as they
/// are rendered; the staging folder replaces the output only when everything is written.
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildReport> {
    build_keeping(root, options, !options.no_cache).map(|(report, ..)| report)
}

/// `build` for a process that exits once it returns (the `brief` command): the site's data
/// is left for the operating system to take back at exit instead of being freed piece by
/// piece, which took 32 to 46 ms of a one-second build at 10,000 articles. Nothing in it
/// has work to do when dropped: every file is written before this returns.
pub fn build_then_exit(root: &Path, options: &BuildOptions) -> Result<BuildReport> {
    let (report, analysed, derived) = build_keeping(root, options, !options.no_cache)?;
    std::mem::forget((analysed, derived));
    Ok(report)
}

/// `build`, handing back what it analysed and planned: the preview keeps both to rebuild
/// only what a change touches. With `manifest`, files whose signature is the one the last
/// build recorded (`cache::PageManifest`) are kept in the previous output unrendered.
fn build_keeping(
    root: &Path,
    options: &BuildOptions,
    manifest: bool,
) -> Result<(BuildReport, Analysed, render::Derived)> {
    let started = Instant::now();
    let mut watch = Stopwatch::new();
    let mut analysed = analyse_timed(root, options, &mut watch)?;
    let staging = output::Staging::new(root, &analysed.output)?;
    let bar = progress_bar(options.progress, 0, "rendering");
    let plan = render::Plan::new(&analysed.index, &analysed.config, &analysed.templates);
    watch.lap("plan");
    // After a build stopped part way through its update, every page is compared afresh.
    let mut manifest = match manifest && !staging.interrupted() {
        true => cache::PageManifest::load(root, analysed.templates.fingerprint, &analysed.config, &analysed.output),
        false => cache::PageManifest::disabled(),
    };
    let reused: HashSet<&str> = plan
        .items
        .par_iter()
        .filter(|p| p.signature.is_some_and(|s| manifest.unchanged(&analysed.output, &p.path, s)))
        .map(|p| Ok(staging.reuse(&p.path)?.then_some(p.path.as_str())))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    let rendered = plan.render(&|p| !reused.contains(p.path.as_str()), &|page| staging.write(page))?;
    let (pages, unchanged) = (rendered + reused.len(), reused.len());
    drop(reused);
    let derived = plan.into_derived();
    bar.finish_and_clear();
    watch.lap("render and write");
    let static_warnings = staging.finish()?;
    watch.lap("update output");
    let Analysed { index, annotations, copy_annotations, mut warnings, mut cache, .. } = analysed;
    // Saved and let go: the preview keeps its session, not the extracted texts.
    let mut extractions = std::mem::take(&mut analysed.extractions);
    let (extracted_cached, extracted) = extractions.counts();
    if let Err(e) = extractions.store() {
        warnings.push(Warning {
            location: cache::CACHE_DIR.to_string(),
            message: format!(
                "the extraction cache was not saved ({e}): the next build reads every page and feed again"
            ),
        });
    }
    drop(extractions);
    warnings.extend(static_warnings);
    let files = derived.planned().iter().map(|p| (p.path.as_str(), p.signature));
    if let Err(e) = manifest.store(&analysed.output, files) {
        warnings.push(Warning {
            location: cache::CACHE_DIR.to_string(),
            message: format!("the page manifest was not saved ({e}): the next build renders every page"),
        });
    }
    if !options.no_cache {
        let annotated = index.articles.iter().map(|entry| &entry.article).zip(&annotations);
        let copies = index.copies.iter().map(|copy| &copy.article).zip(&copy_annotations);
        let annotated: Vec<(&Article, &Annotations)> = annotated.chain(copies).collect();
        if let Err(e) = cache.store(annotated.into_iter()) {
            warnings.push(Warning {
                location: cache::CACHE_DIR.to_string(),
                message: format!("the annotation cache was not saved ({e}): the next build annotates everything"),
            });
        }
    }
    watch.lap("save caches");
    let report = BuildReport {
        output: analysed.output.clone(),
        pages,
        unchanged,
        articles: index.articles.len(),
        people: index.entities.people.len(),
        events: index.events.len(),
        quotes: index.quotes.len(),
        cached: cache.hits,
        extracted,
        extracted_cached,
        warnings: warnings.clone(),
        elapsed: started.elapsed(),
        stages: watch.laps,
    };
    Ok((report, Analysed { index, annotations, copy_annotations, warnings, cache, ..analysed }, derived))
}

/// mimalloc's `mi_option_purge_delay` (its numbering is not exported as a constant).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc, the `brief` binary's allocator, to keep freed memory instead of handing it
/// back to the system 10 ms later: a build frees and reallocates the same few hundred
/// megabytes over and over, and after each purge the kernel zeroed those pages again on the
/// next touch (10k build: system time 0.52-0.67 s -> 0.13-0.22 s, peak memory no higher).
/// Harmless in a program whose allocator is another.
pub fn keep_freed_memory() {
    // SAFETY: sets one integer option, which mimalloc reads at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// The registry of known people and events that annotation starts from.
pub fn registry(content: &Content) -> Registry {
    let people = content
        .people
        .iter()
        .map(|p| RegistryPerson {
            id: p.slug.clone(),
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            role: p.role.clone(),
            affiliation: p.affiliation.clone(),
        })
        .collect();
    let events = content
        .events
        .iter()
        .map(|e| RegistryEvent { id: e.slug.clone(), name: e.name.clone(), aliases: e.aliases.clone() })
        .collect();
    Registry::new(people, events)
}

/// Annotates every article, in parallel, in the articles' order.
pub fn annotate_all(content: &Content) -> Vec<(Article, Annotations)> {
    let registry = registry(content);
    let mut cache = cache::AnnotationCache::disabled(&registry);
    annotate_with(content.articles.clone(), &registry, &mut cache, &indicatif::ProgressBar::hidden())
}

/// Annotates the articles the cache does not know, in parallel, in the articles' order.
fn annotate_with(
    articles: Vec<Article>,
    registry: &Registry,
    cache: &mut cache::AnnotationCache,
    bar: &indicatif::ProgressBar,
) -> Vec<(Article, Annotations)> {
    let cache_ref = &*cache;
    let results: Vec<(Article, Annotations, bool)> = articles
        .into_par_iter()
        .map(|article| {
            let (annotations, hit) = match cache_ref.get(&article) {
                Some(annotations) => (annotations.clone(), true),
                None => (annotate::annotate(&article.body, article.format, registry, &article.overrides), false),
            };
            bar.inc(1);
            (article, annotations, hit)
        })
        .collect();
    cache.hits = results.iter().filter(|(_, _, hit)| *hit).count();
    results.into_iter().map(|(article, annotations, _)| (article, annotations)).collect()
}

/// A progress bar on a terminal; a hidden one otherwise.
fn progress_bar(show: bool, len: u64, stage: &'static str) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = if len > 0 { indicatif::ProgressBar::new(len) } else { indicatif::ProgressBar::new_spinner() };
    let style = if len > 0 {
        indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} articles ({per_sec}, {eta} left)")
    } else {
        indicatif::ProgressStyle::with_template("{msg:>10} {spinner} {elapsed}")
    };
    if let Ok(style) = style {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(stage);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
