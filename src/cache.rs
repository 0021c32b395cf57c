//! The annotation cache: a rebuild re-annotates only the articles whose text, format or
//! overrides changed. Entries are keyed on a hash of those; the whole cache is keyed on the
//! annotator's fingerprint (a hash of its source, made by build.rs) and the registry, so a
//! new annotator or a changed profile never serves stale annotations.
//! Kept in `<site>/.brief-cache/`, written only after a successful build.

use crate::annotate::{Annotations, Registry};
use crate::content::Article;
use crate::content::extracted::Extracted;
use crate::slug::fnv1a;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const CACHE_DIR: &str = ".brief-cache";
const CACHE_FILE: &str = "annotations.log";
const ANNOTATOR_FINGERPRINT: &str = env!("BRIEF_ANNOTATOR_FINGERPRINT");
/// What the log's first record says it is: a log of another layout reads as a miss.
const LOG_FORMAT: &str = "brief annotation log 1";

/// The cache is a log: a header (the format and the key), then one MessagePack record per
/// article annotation. A build that annotated a few articles appends their records instead
/// of writing the whole cache again (at 10,000 articles, 13 MB and 45 to 70 ms of a 380 ms
/// one-article rebuild); once the records no build uses outnumber half the live ones, the
/// next build writes the log anew, atomically, with the live records only. A record cut
/// short (a build stopped while appending) ends the reading there; what came before is kept,
/// and the next build writes the log anew.
#[derive(Debug, Default)]
pub struct AnnotationCache {
    /// The annotator and registry the entries were made with.
    key: String,
    /// Article key → annotations, as read from the log.
    entries: HashMap<String, Annotations>,
    /// The log ended cleanly: appending to it is safe.
    clean: bool,
    /// Where the log is kept, or why it cannot be; None when the cache is disabled.
    path: Option<Result<PathBuf, String>>,
    pub hits: usize,
}

#[derive(Serialize, Deserialize)]
struct Header<S> {
    format: S,
    key: S,
}

#[derive(Serialize, Deserialize)]
struct Record<K, A> {
    article: K,
    annotations: A,
}

impl AnnotationCache {
    /// The cache of the site in `root`, empty when missing, unreadable or made by another
    /// annotator or registry.
    pub fn load(root: &Path, registry: &Registry) -> AnnotationCache {
        let key = cache_key(registry);
        let path = cache_file(root, CACHE_FILE);
        let read = path.as_ref().ok().and_then(|path| std::fs::read(path).ok());
        let mut entries = HashMap::new();
        let clean = read
            .and_then(|bytes| {
                read_log(&bytes, LOG_FORMAT, &key, |record: Record<String, Annotations>| {
                    entries.insert(record.article, record.annotations);
                })
            })
            .unwrap_or(false);
        AnnotationCache { key, entries, clean, path: Some(path), hits: 0 }
    }

    /// A cache that remembers nothing (for `--no-cache` and for `brief check`).
    pub fn disabled(registry: &Registry) -> AnnotationCache {
        AnnotationCache { key: cache_key(registry), ..Default::default() }
    }

    pub fn get(&self, article: &Article) -> Option<&Annotations> {
        if self.entries.is_empty() {
            return None; // no key to make: it hashes the whole text
        }
        self.entries.get(&article_key(article))
    }

    /// Records the given articles' annotations: appended to the log when only a few are new
    /// to it, else the log written anew with exactly these. A failure to write costs only
    /// speed next time, so it is reported, not fatal.
    pub fn store<'a>(
        &mut self,
        annotated: impl ExactSizeIterator<Item = (&'a Article, &'a Annotations)>,
    ) -> Result<(), String> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        let path = path?;
        let live = annotated.len();
        // Records in the log that this build did not use: other versions of articles, and
        // articles since removed.
        let unused = self.entries.len().saturating_sub(self.hits);
        let keyed = annotated.map(|(a, ann)| (article_key(a), ann));
        let mut bytes = Vec::new();
        if self.clean && unused <= live / 2 {
            for (article, annotations) in keyed.filter(|(key, _)| !self.entries.contains_key(key)) {
                write_record(&mut bytes, &Record { article, annotations })?;
            }
            return append(&path, &bytes);
        }
        write_record(&mut bytes, &Header { format: LOG_FORMAT, key: &self.key })?;
        for (article, annotations) in keyed {
            write_record(&mut bytes, &Record { article, annotations })?;
        }
        write_atomically(&path, &bytes)
    }
}

/// Reads a log whose header has `format` and `key`, handing each record to `each`; whether it
/// ended cleanly. None when it is of another format or key, or has no header.
fn read_log<R: DeserializeOwned>(bytes: &[u8], format: &str, key: &str, mut each: impl FnMut(R)) -> Option<bool> {
    let mut records = Frames(bytes);
    let header: Header<String> = rmp_serde::from_slice(records.next()?.ok()?).ok()?;
    if header.format != format || header.key != key {
        return None;
    }
    for frame in records {
        match frame.ok().map(rmp_serde::from_slice::<R>) {
            Some(Ok(record)) => each(record),
            _ => return Some(false),
        }
    }
    Some(true)
}

/// The records of a log: each its length (four bytes, little-endian), then its MessagePack.
/// A record cut short is an error, and the last item.
struct Frames<'a>(&'a [u8]);

impl<'a> Iterator for Frames<'a> {
    type Item = Result<&'a [u8], ()>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.0.is_empty() {
            return None;
        }
        let framed = self.0.split_first_chunk::<4>().and_then(|(len, rest)| {
            let len = u32::from_le_bytes(*len) as usize;
            (len <= rest.len()).then(|| rest.split_at(len))
        });
        Some(match framed {
            Some((record, rest)) => {
                self.0 = rest;
                Ok(record)
            }
            None => {
                self.0 = &[];
                Err(())
            }
        })
    }
}

/// One record, framed: MessagePack with field names (so that a change of the structs reads
/// as a miss, not as wrong data) after its length.
fn write_record(bytes: &mut Vec<u8>, value: &impl Serialize) -> Result<(), String> {
    let at = bytes.len();
    bytes.extend_from_slice(&[0; 4]);
    value.serialize(&mut rmp_serde::Serializer::new(&mut *bytes).with_struct_map()).map_err(|e| e.to_string())?;
    let len = u32::try_from(bytes.len() - at - 4).map_err(|_| "an annotation record over 4 GB".to_string())?;
    bytes[at..at + 4].copy_from_slice(&len.to_le_bytes());
    Ok(())
}

/// Appends `bytes` to the log at `path` in one write.
fn append(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if bytes.is_empty() {
        return Ok(());
    }
    if !crate::paths::plain_or_missing(path) {
        return Err(format!("{} is not a plain file; brief does not write through it", path.display()));
    }
    let mut file =
        std::fs::OpenOptions::new().append(true).open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
/// MessagePack rather than JSON: at 10,000 articles the annotation cache is 16 MB of JSON,
/// and reading and writing it took a third of a one-article rebuild.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Caches of earlier versions of brief are no longer read.
    for old in ["annotations.json", "pages.json", "annotations.msgpack"] {
        let _ = std::fs::remove_file(dir.join(old));
    }
    // A fresh temporary file (never one of that name already there: it could be a link),
    // renamed over the path (which replaces a link there rather than writing through it).
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::io::Write::write_all(&mut temp, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    temp.persist(path).map_err(|e| format!("{}: {}", path.display(), e.error))?;
    Ok(())
}

/// `<root>/.brief-cache/<name>`, unless the cache folder is a link or the file is not a plain
/// file: the cache is then neither read nor written, and the reason is what a build warns of.
fn cache_file(root: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = root.join(CACHE_DIR);
    let path = dir.join(name);
    if crate::paths::is_link(&dir) {
        Err(format!("{} is a symbolic link; brief neither reads nor writes through it (remove it)", dir.display()))
    } else if !crate::paths::plain_or_missing(&path) {
        Err(format!("{} is not a plain file; brief neither reads nor writes through it (remove it)", path.display()))
    } else {
        Ok(path)
    }
}

fn cache_key(registry: &Registry) -> String {
    let registry = serde_json::to_vec(&(&registry.people, &registry.events)).unwrap_or_default();
    format!("{ANNOTATOR_FINGERPRINT}-{:016x}", fnv1a(&registry))
}

/// An article's entry key: a hash of its format, overrides and text, eight bytes a step (a
/// byte-at-a-time hash of every text took 40 ms a build at 10,000 articles). Should the hash
/// ever change with the crate, old entries only stop matching.
fn article_key(article: &Article) -> String {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(format!("{:?}", article.format).as_bytes());
    hasher.write_u8(0);
    hasher.write(&serde_json::to_vec(&article.overrides).unwrap_or_default());
    hasher.write_u8(0);
    hasher.write(article.body.as_bytes());
    format!("{:016x}-{}", hasher.finish(), article.body.len())
}

const EXTRACTIONS_FILE: &str = "extracted.log";
const EXTRACTIONS_FORMAT: &str = "brief extraction log 1";
/// The crates the readers stand on (dom_smoothie, feed-rs, roxmltree, encoding_rs, ...) are
/// part of the readers' version: an upgrade may read a page otherwise.
const CARGO_LOCK: &[u8] = include_bytes!("../Cargo.lock");

/// The extraction cache: what each saved page, feed and XML file gave its reader (metadata and
/// paragraphs, `content::extracted::Extracted`), so that a rebuild, or the preview's, extracts
/// again only the files whose bytes changed; extraction is most of the time of a site of
/// pages. An entry is keyed on the file's path and a hash of its bytes; the whole cache on
/// brief's source and its `Cargo.lock` (the readers' code and the crates under them). What
/// is made of the entry after (the article's dates of last resort, slugs, warnings) is made
/// every time. Kept as the annotation cache is, in a log of its own beside it
/// (`extracted.log`), by the same rules: never read or written through a link, appended a
/// few records at a time, written anew atomically, a record cut short or a log of another
/// key read as a miss.
#[derive(Debug, Default)]
pub struct Extractions {
    key: String,
    entries: HashMap<String, Vec<Extracted>>,
    clean: bool,
    path: Option<Result<PathBuf, String>>,
    /// The files read in this build, by key, with what was extracted afresh (None: what the
    /// log had).
    used: Mutex<Vec<(String, Option<Vec<Extracted>>)>>,
    hits: AtomicUsize,
    fresh: AtomicUsize,
}

#[derive(Serialize, Deserialize)]
struct Extraction<K, V> {
    file: K,
    articles: V,
}

impl Extractions {
    /// The cache of the site in `root`, empty when missing, unreadable or made by another
    /// build of brief.
    pub fn load(root: &Path) -> Extractions {
        let key = format!("{RENDER_FINGERPRINT}-{:016x}", fnv1a(CARGO_LOCK));
        let path = cache_file(root, EXTRACTIONS_FILE);
        let read = path.as_ref().ok().and_then(|path| std::fs::read(path).ok());
        let mut entries = HashMap::new();
        let clean = read
            .and_then(|bytes| {
                read_log(&bytes, EXTRACTIONS_FORMAT, &key, |record: Extraction<String, Vec<Extracted>>| {
                    entries.insert(record.file, record.articles);
                })
            })
            .unwrap_or(false);
        Extractions { key, entries, clean, path: Some(path), ..Default::default() }
    }

    /// A cache that remembers nothing (for `--no-cache`, and for `content::load`).
    pub fn disabled() -> Extractions {
        Extractions::default()
    }

    /// The entry key of the file `rel` with these bytes; None when the cache is disabled.
    /// A hash of the bytes eight at a time and their length, as for articles' texts.
    pub fn key(&self, bytes: &[u8], rel: &Path) -> Option<String> {
        use std::hash::Hasher;
        self.path.as_ref()?;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(bytes);
        Some(format!("{:016x}-{}-{}", hasher.finish(), bytes.len(), rel.display()))
    }

    /// What the file of this key gave before, if the log has it.
    pub fn get(&self, key: Option<&str>) -> Option<Vec<Extracted>> {
        let key = key?;
        let extracted = self.entries.get(key)?.clone();
        self.hits.fetch_add(1, Ordering::Relaxed);
        self.used_mut(|used| used.push((key.to_string(), None)));
        Some(extracted)
    }

    /// What the file of this key gave, extracted afresh.
    pub fn record(&self, key: Option<String>, extracted: &[Extracted]) {
        self.fresh.fetch_add(1, Ordering::Relaxed);
        if let Some(key) = key {
            self.used_mut(|used| used.push((key, Some(extracted.to_vec()))));
        }
    }

    fn used_mut(&self, change: impl FnOnce(&mut Vec<(String, Option<Vec<Extracted>>)>)) {
        change(&mut self.used.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    }

    /// How many files' extractions the log held when it was read.
    pub fn recorded(&self) -> usize {
        self.entries.len()
    }

    /// Files whose articles came from the cache, and files extracted afresh, in this build.
    pub fn counts(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.fresh.load(Ordering::Relaxed))
    }

    /// Records the files read in this build: appended to the log when the records no build
    /// used are few, else the log written anew with exactly these. A failure to write costs
    /// only speed next time, so it is reported, not fatal.
    pub fn store(&mut self) -> Result<(), String> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        let path = path?;
        let used = std::mem::take(self.used.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner));
        let hits = used.iter().filter(|(_, fresh)| fresh.is_none()).count();
        let unused = self.entries.len().saturating_sub(hits);
        let mut bytes = Vec::new();
        if self.clean && unused <= used.len() / 2 {
            for (file, articles) in used.iter().filter_map(|(file, fresh)| Some((file, fresh.as_ref()?))) {
                write_record(&mut bytes, &Extraction { file, articles })?;
            }
            return append(&path, &bytes);
        }
        write_record(&mut bytes, &Header { format: EXTRACTIONS_FORMAT, key: &self.key })?;
        for (file, fresh) in &used {
            if let Some(articles) = fresh.as_ref().or_else(|| self.entries.get(file)) {
                write_record(&mut bytes, &Extraction { file, articles })?;
            }
        }
        write_atomically(&path, &bytes)
    }
}

const PAGES_FILE: &str = "pages.msgpack";
const RENDER_FINGERPRINT: &str = env!("BRIEF_RENDER_FINGERPRINT");

/// The page manifest: for each file the last build left in its output, the signature the
/// plan gave it (a hash of everything it is made from) and the size and modification time
/// it was left with. A rebuild keeps a file of the previous output without rendering it
/// when its signature is the same and the file is still as the build left it. The whole
/// manifest is keyed on the program (a hash of its source), the templates, the
/// configuration and the output folder: a change to any of them renders every file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PageManifest {
    key: String,
    files: HashMap<String, FileRecord>,
    #[serde(skip)]
    path: Option<Result<PathBuf, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct FileRecord {
    signature: u64,
    len: u64,
    modified: (u64, u32),
}

impl PageManifest {
    /// The manifest of the site in `root`, empty when missing, unreadable or made for other
    /// templates, another configuration, another output or another build of brief.
    pub fn load(root: &Path, templates: u64, config: &crate::config::Config, output: &Path) -> PageManifest {
        let path = cache_file(root, PAGES_FILE);
        let key = format!(
            "{RENDER_FINGERPRINT}-{templates:016x}-{:016x}-{}",
            fnv1a(format!("{config:?}").as_bytes()),
            output.display()
        );
        let manifest = path
            .as_ref()
            .ok()
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|bytes| rmp_serde::from_slice::<PageManifest>(&bytes).ok())
            .filter(|manifest| manifest.key == key);
        PageManifest { path: Some(path), ..manifest.unwrap_or(PageManifest { key, ..Default::default() }) }
    }

    /// A manifest that remembers nothing (for `--no-cache` and for the preview).
    pub fn disabled() -> PageManifest {
        PageManifest::default()
    }

    /// Whether `output/rel` is still the file the last build made from `signature`.
    pub fn unchanged(&self, output: &Path, rel: &str, signature: u64) -> bool {
        self.files.get(rel).is_some_and(|record| {
            record.signature == signature && file_record(&output.join(rel), signature).as_ref() == Some(record)
        })
    }

    /// Records the files of a finished output, `(path, signature)`, and writes the manifest
    /// atomically. Files without a signature (the JSON API) are made every time and left out.
    pub fn store<'a>(
        &mut self,
        output: &Path,
        files: impl Iterator<Item = (&'a str, Option<u64>)>,
    ) -> Result<(), String> {
        use rayon::prelude::*;
        let Some(path) = self.path.clone() else { return Ok(()) };
        let path = path?;
        let files: Vec<(&str, u64)> = files.filter_map(|(rel, signature)| Some((rel, signature?))).collect();
        self.files = files
            .par_iter()
            .filter_map(|&(rel, signature)| Some((rel.to_string(), file_record(&output.join(rel), signature)?)))
            .collect();
        write_atomically(&path, &rmp_serde::to_vec_named(self).map_err(|e| e.to_string())?)
    }
}

/// A plain file's size and modification time, with the signature it is recorded under.
fn file_record(path: &Path, signature: u64) -> Option<FileRecord> {
    let meta = std::fs::symlink_metadata(path).ok().filter(|m| m.is_file())?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(FileRecord { signature, len: meta.len(), modified: (modified.as_secs(), modified.subsec_nanos()) })
}
