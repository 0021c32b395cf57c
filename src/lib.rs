//! brief: a static site generator for annotated news briefings.
//!
//! The pipeline, one module a stage: [`config`] (brief.yaml) → [`content`] (files → articles,
//! people, events) → [`annotate`] (quotes, speakers, entities) → [`index`] (cross-references)
//! → [`render`] (Tera pages) → [`output`] (files, atomically).

pub mod annotate;
pub mod check;
pub mod config;
pub mod content;
pub mod error;
pub mod index;
pub mod init;
pub mod output;
pub mod render;
pub mod slug;
pub mod yaml;

use annotate::{Annotations, Registry, RegistryEvent, RegistryPerson};
use config::Config;
use content::{Article, Content, LoadOptions};
pub use error::{Error, Result, Warning};
use rayon::prelude::*;
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
}

/// What a build did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: usize,
    pub articles: usize,
    pub people: usize,
    pub events: usize,
    pub quotes: usize,
    pub warnings: Vec<Warning>,
    pub elapsed: Duration,
}

/// Everything a build makes before it writes: what `brief check` inspects too.
pub struct Prepared {
    pub config: Config,
    pub output: PathBuf,
    pub index: index::Index,
    pub pages: Vec<render::Page>,
    pub warnings: Vec<Warning>,
}

/// Loads, annotates, indexes and renders the site in `root`, writing nothing.
pub fn prepare(root: &Path, options: &BuildOptions) -> Result<Prepared> {
    let mut config = Config::load(root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.clone();
    }
    let output = match &options.output {
        Some(path) => path.clone(),
        None => root.join(&config.output),
    };
    output::check_output(root, &output)?;
    let templates = render::Templates::load(root)?;
    let content = content::load(
        root,
        LoadOptions {
            drafts: options.drafts,
        },
    )?;
    let warnings = content.warnings.clone();
    let annotated = annotate_all(&content);
    let index = index::build(content, annotated, &config.annotator);
    let pages = render::render_site(&index, &config, &templates)?;
    Ok(Prepared {
        config,
        output,
        index,
        pages,
        warnings,
    })
}

/// Builds the site in `root` into its output folder.
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let prepared = prepare(root, options)?;
    output::write_site(root, &prepared.output, &prepared.pages)?;
    let index = &prepared.index;
    Ok(BuildReport {
        output: prepared.output.clone(),
        pages: prepared.pages.len(),
        articles: index.articles.len(),
        people: index.people.len(),
        events: index.events.len(),
        quotes: index.quotes.len(),
        warnings: prepared.warnings,
        elapsed: started.elapsed(),
    })
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
        .map(|e| RegistryEvent {
            id: e.slug.clone(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
        })
        .collect();
    Registry::new(people, events)
}

/// Annotates every article, in parallel, in the articles' order.
pub fn annotate_all(content: &Content) -> Vec<(Article, Annotations)> {
    let registry = registry(content);
    content
        .articles
        .par_iter()
        .map(|article| {
            let annotations =
                annotate::annotate(&article.body, article.format, &registry, &article.overrides);
            (article.clone(), annotations)
        })
        .collect()
}
