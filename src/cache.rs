//! The annotation cache: a rebuild re-annotates only the articles whose text, format or
//! overrides changed. Entries are keyed on a hash of those; the whole cache is keyed on the
//! annotator's fingerprint (a hash of its source, made by build.rs) and the registry, so a
//! new annotator or a changed profile never serves stale annotations.
//! Kept in `<site>/.brief-cache/`, written only after a successful build.

use crate::annotate::{Annotations, Registry};
use crate::content::Article;
use crate::slug::fnv1a;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const CACHE_DIR: &str = ".brief-cache";
const CACHE_FILE: &str = "annotations.json";
const ANNOTATOR_FINGERPRINT: &str = env!("BRIEF_ANNOTATOR_FINGERPRINT");

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct AnnotationCache {
    /// The annotator and registry the entries were made with.
    key: String,
    /// Article key → annotations.
    entries: HashMap<String, Annotations>,
    #[serde(skip)]
    path: Option<PathBuf>,
    #[serde(skip)]
    pub hits: usize,
}

impl AnnotationCache {
    /// The cache of the site in `root`, empty when missing, unreadable or made by another
    /// annotator or registry.
    pub fn load(root: &Path, registry: &Registry) -> AnnotationCache {
        let path = root.join(CACHE_DIR).join(CACHE_FILE);
        let key = cache_key(registry);
        let cache = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<AnnotationCache>(&bytes).ok())
            .filter(|cache| cache.key == key);
        let mut cache = cache.unwrap_or_else(|| AnnotationCache { key, ..Default::default() });
        cache.path = Some(path);
        cache
    }

    /// A cache that remembers nothing (for `--no-cache` and for `brief check`).
    pub fn disabled(registry: &Registry) -> AnnotationCache {
        AnnotationCache { key: cache_key(registry), ..Default::default() }
    }

    pub fn get(&self, article: &Article) -> Option<&Annotations> {
        self.entries.get(&article_key(article))
    }

    /// Keeps exactly the given articles' annotations and writes the cache file atomically.
    /// A failure to write costs only speed next time, so it is reported, not fatal.
    pub fn store<'a>(&mut self, annotated: impl Iterator<Item = (&'a Article, &'a Annotations)>) -> Result<(), String> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        self.entries = annotated.map(|(a, ann)| (article_key(a), ann.clone())).collect();
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let bytes = serde_json::to_vec(self).map_err(|e| e.to_string())?;
        let temp = dir.join(format!(".{CACHE_FILE}.{}", std::process::id()));
        std::fs::write(&temp, bytes).map_err(|e| format!("{}: {e}", temp.display()))?;
        std::fs::rename(&temp, &path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

fn cache_key(registry: &Registry) -> String {
    let registry = serde_json::to_vec(&(&registry.people, &registry.events)).unwrap_or_default();
    format!("{ANNOTATOR_FINGERPRINT}-{:016x}", fnv1a(&registry))
}

fn article_key(article: &Article) -> String {
    let overrides = serde_json::to_vec(&article.overrides).unwrap_or_default();
    let mut bytes = Vec::with_capacity(article.body.len() + overrides.len() + 8);
    bytes.extend_from_slice(format!("{:?}", article.format).as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(&overrides);
    bytes.push(0);
    bytes.extend_from_slice(article.body.as_bytes());
    format!("{:016x}-{}", fnv1a(&bytes), article.body.len())
}
