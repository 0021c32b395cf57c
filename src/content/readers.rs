//! Input formats: which files are articles, and how a file's text becomes articles. Every
//! part of brief that asks whether a file is an article (the content walk, the preview's
//! watcher, `brief annotate`) asks [`reader_for`]; a new format is one more [`Reader`].

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
        read: |text, rel, modified| Ok(vec![article_from_text(text, rel, modified, TextFormat::Markdown)?]),
    },
    Reader {
        name: "plain text (a wire report)",
        extensions: &["txt"],
        read: |text, rel, modified| Ok(vec![article_from_text(text, rel, modified, TextFormat::Plain)?]),
    },
];

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

/// Every article extension, for messages (".md, .markdown, .txt").
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
