//! Input formats: which files are articles, and how a file's text becomes articles. Every
//! part of brief that asks whether a file is an article (the content walk, the preview's
//! watcher, `brief annotate`) asks [`reader_for`]; a new format is one more [`Reader`].
//! Articles are read from `content/articles/` and `content/feeds/` (feeds belong in the
//! second, but every reader reads in both, so that the preview, which asks only by
//! extension, and the build agree on what is an article).

use super::charset::Declared;
use super::{Article, article_from_text};
use crate::annotate::TextFormat;
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
    /// The file's text (UTF-8, line ends made LF) → the articles in it, each with its warnings.
    /// `rel` names the file in messages; `modified` is the date of last resort.
    read: fn(text: &str, rel: &Path, modified: Option<SystemTime>) -> Result<Read>,
}

impl Reader {
    pub fn read(&self, text: &str, rel: &Path, modified: Option<SystemTime>) -> Result<Read> {
        (self.read)(text, rel, modified)
    }
}

/// Every format brief reads articles from.
pub const READERS: &[Reader] = &[
    Reader {
        name: "Markdown with YAML front matter",
        extensions: &["md", "markdown"],
        charset: None,
        read: |text, rel, modified| Ok(vec![article_from_text(text, rel, modified, TextFormat::Markdown)?]),
    },
    Reader {
        name: "plain text (a wire report)",
        extensions: &["txt"],
        charset: None,
        read: |text, rel, modified| Ok(vec![article_from_text(text, rel, modified, TextFormat::Plain)?]),
    },
    Reader {
        name: "a saved web page",
        extensions: &["html", "htm"],
        charset: Some(Declared::Html),
        read: super::page::read,
    },
    Reader {
        name: "news XML (NITF or NewsML-G2; a feed, by its root element)",
        extensions: &["xml"],
        charset: Some(Declared::Xml),
        read: super::newsxml::read,
    },
    Reader {
        name: "an RSS or Atom feed",
        extensions: &["rss", "atom", "rdf"],
        charset: Some(Declared::Xml),
        read: super::feed::read,
    },
    Reader { name: "a JSON Feed", extensions: &["json"], charset: Some(Declared::Nowhere), read: super::feed::read },
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
