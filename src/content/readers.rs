//! Input formats: which files are articles, and how a file's text becomes articles. Every
//! part of brief that asks whether a file is an article (the content walk, the preview's
//! watcher, `brief annotate`) asks [`reader_for`]; a new format is one more [`Reader`].
//! Articles are read from `content/articles/` and `content/feeds/` (feeds belong in the
//! second, but every reader reads in both, so that the preview, which asks only by
//! extension, and the build agree on what is an article).

use super::charset::Declared;
use super::extracted::Extracted;
use super::{Article, article_from_text};
use crate::annotate::TextFormat;
use crate::cache::Extractions;
use crate::error::{Result, Warning};
use std::path::Path;
use std::time::SystemTime;

/// The articles a file holds, each with the warnings it raised.
pub type Read = Vec<(Article, Vec<Warning>)>;

/// One input format.
pub struct Reader {
    /// What the format is called in messages.
    pub name: &'static str,
    /// The file name extensions it reads, in lower case.
    pub extensions: &'static [&'static str],
    /// Where the format says its character set: `None` for UTF-8 only (a file in another
    /// is refused with a hint), else the file is decoded by byte-order mark, UTF-8 validity,
    /// the declared charset, then Windows-1252 (`charset::decode`).
    pub charset: Option<Declared>,
    reading: Reading,
}

/// How a format's text becomes articles.
#[derive(Clone, Copy)]
enum Reading {
    /// The text is the article, with its front matter (Markdown, wire text): quick, so read
    /// every time. `rel` names the file in messages; `modified` is the date of last resort.
    Text(fn(text: &str, rel: &Path, modified: Option<SystemTime>) -> Result<Read>),
    /// The articles are extracted from markup (pages, feeds, XML): the costly part of
    /// reading, kept in the extraction cache by the file's bytes, then made articles.
    Extracted(fn(text: &str, rel: &Path) -> Result<Vec<Extracted>>),
}

impl Reader {
    /// The articles in `text` (UTF-8, line ends made LF), the text of the file `rel`.
    pub fn read(&self, text: &str, rel: &Path, modified: Option<SystemTime>) -> Result<Read> {
        match self.reading {
            Reading::Text(read) => read(text, rel, modified),
            Reading::Extracted(extract) => articles(extract(text, rel)?, rel, modified),
        }
    }

    /// The articles of the file `rel` under `root`. What a page, feed or XML file gives is
    /// taken from `cache` when a file of the same name and bytes gave it before, and recorded
    /// in it otherwise.
    pub fn read_file(&self, root: &Path, rel: &Path, cache: &Extractions) -> Result<Read> {
        let modified = std::fs::metadata(root.join(rel)).and_then(|m| m.modified()).ok();
        match (self.reading, self.charset) {
            (Reading::Extracted(extract), Some(declared)) => {
                let bytes = super::read_bytes(root, rel)?;
                let key = cache.key(&bytes, rel);
                let extracted = match cache.get(key.as_deref()) {
                    Some(extracted) => extracted,
                    None => {
                        let extracted = extract(&super::declared_text(bytes, rel, declared)?, rel)?;
                        cache.record(key, &extracted);
                        extracted
                    }
                };
                articles(extracted, rel, modified)
            }
            (_, None) => self.read(&super::read_text(root, rel)?, rel, modified),
            (_, Some(declared)) => self.read(&super::read_declared_text(root, rel, declared)?, rel, modified),
        }
    }
}

/// What was extracted from the file `rel`, made articles.
fn articles(extracted: Vec<Extracted>, rel: &Path, modified: Option<SystemTime>) -> Result<Read> {
    extracted.into_iter().map(|e| e.into_article(rel, modified)).collect()
}

/// Every format brief reads articles from.
pub const READERS: &[Reader] = &[
    Reader {
        name: "Markdown with YAML front matter",
        extensions: &["md", "markdown"],
        charset: None,
        reading: Reading::Text(|text, rel, modified| {
            Ok(vec![article_from_text(text, rel, modified, TextFormat::Markdown)?])
        }),
    },
    Reader {
        name: "plain text (a wire report)",
        extensions: &["txt"],
        charset: None,
        reading: Reading::Text(|text, rel, modified| {
            Ok(vec![article_from_text(text, rel, modified, TextFormat::Plain)?])
        }),
    },
    Reader {
        name: "a saved web page",
        extensions: &["html", "htm"],
        charset: Some(Declared::Html),
        reading: Reading::Extracted(super::page::extract),
    },
    Reader {
        name: "news XML (NITF or NewsML-G2; a feed, by its root element)",
        extensions: &["xml"],
        charset: Some(Declared::Xml),
        reading: Reading::Extracted(super::newsxml::extract),
    },
    Reader {
        name: "an RSS or Atom feed",
        extensions: &["rss", "atom", "rdf"],
        charset: Some(Declared::Xml),
        reading: Reading::Extracted(super::feed::extract),
    },
    Reader {
        name: "a JSON Feed",
        extensions: &["json"],
        charset: Some(Declared::Nowhere),
        reading: Reading::Extracted(super::feed::extract),
    },
];

/// The folders articles are read from.
pub const ARTICLE_FOLDERS: &[&str] = &[super::ARTICLES_DIR, super::FEEDS_DIR];

/// Profiles of people and events are Markdown with front matter.
pub const PROFILE_EXTENSIONS: &[&str] = &["md", "markdown"];

/// The reader of an article file, by its extension; None for any other file, and for
/// editors' temporary, backup and swap files and hidden files.
pub fn reader_for(path: &Path) -> Option<&'static Reader> {
    let name = path.file_name()?.to_string_lossy();
    if super::is_ignored_name(&name) {
        return None;
    }
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    READERS.iter().find(|reader| reader.extensions.contains(&extension.as_str()))
}

/// Every article extension, for messages and the content walk (".md, .markdown, .txt, …").
pub fn article_extensions() -> Vec<&'static str> {
    READERS.iter().flat_map(|reader| reader.extensions.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_told_by_their_extension_whatever_its_case() {
        for (name, reader) in [
            ("a.md", Some("md")),
            ("a.MARKDOWN", Some("md")),
            ("wire.TXT", Some("txt")),
            ("page.HTM", Some("html")),
            ("nitf.xml", Some("xml")),
            ("feed.atom", Some("rss")),
            ("feed.json", Some("json")),
            ("photo.jpg", None),
            (".hidden.md", None),
            ("draft.md~", None),
            ("#draft.md#", None),
            ("noextension", None),
        ] {
            let found = reader_for(Path::new(name)).map(|r| r.extensions[0]);
            assert_eq!(found, reader, "{name}");
        }
    }
}
