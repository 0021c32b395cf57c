//! The common end of the readers of saved pages, feeds and wire XML: what they take from a
//! file ([`Extracted`]: metadata and paragraphs of text) becomes an [`Article`] here, the same
//! way for each. The body is plain text, a paragraph a line with a blank line between
//! paragraphs (`TextFormat::Plain`), so nothing in it turns into markup and the text the
//! annotator reads is the text `brief annotate` prints.

use super::{Article, Date, DateSource};
use crate::annotate::{Overrides, TextFormat};
use crate::error::{Error, Result, Warning};
use crate::slug::slugify;
use dom_query::{Document, NodeRef};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::SystemTime;

/// What a reader found in a file for one article: what the extraction cache keeps.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// The slug, or what it is made from (a file name, a link, a headline).
    pub slug: String,
    pub title: Option<String>,
    #[serde(with = "day")]
    pub date: Option<Date>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub dateline: Option<String>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    /// The text, a paragraph an entry, each on one line.
    pub paragraphs: Vec<String>,
    /// The slug was made from the title, for want of a guid or link: it changes with it.
    pub slug_from_title: bool,
}

impl Extracted {
    /// The article; warnings for what had to be guessed or was left out.
    pub fn into_article(self, rel: &Path, modified: Option<SystemTime>) -> Result<(Article, Vec<Warning>)> {
        let mut warnings = Vec::new();
        let warn = |warnings: &mut Vec<Warning>, message: String| {
            warnings.push(Warning { location: rel.display().to_string(), message })
        };
        let slug = slugify(&self.slug).ok_or_else(|| {
            Error::input(
                rel,
                None,
                format!("`{}` gives no usable slug", self.slug),
                "rename the file with letters, digits and hyphens",
            )
        })?;
        let slug = if crate::slug::is_reserved(&slug) { format!("{slug}-article") } else { slug };
        let paragraphs: Vec<String> =
            self.paragraphs.iter().map(|p| tidy(p)).filter(|p| !p.is_empty() && !is_furniture(p)).collect();
        let body = paragraphs.join("\n\n");
        let title = match self.title.as_deref().map(tidy).filter(|t| !t.is_empty()) {
            Some(title) => title,
            None => {
                let title = super::wire::read_head(&body).title;
                warn(&mut warnings, format!("no title: taken from the text (\"{title}\")"));
                title
            }
        };
        if self.slug_from_title {
            let message =
                format!("the item \"{title}\" has no guid or link: its slug comes from its title and changes with it");
            warn(&mut warnings, message);
        }
        let url = match self.url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()) {
            Some(url) if is_web_link(&url) => Some(without_tracking(&url)),
            Some(url) => {
                warn(&mut warnings, format!("the link `{url}` is not an http(s) address: left out"));
                None
            }
            None => None,
        };
        let (date, date_source) = match self.date {
            Some(date) => (Some(date), DateSource::FrontMatter),
            None => match Date::find_in_text(&body) {
                Some(date) => (Some(date), DateSource::Text),
                None => match modified.map(Date::from_system_time) {
                    Some(date) => {
                        warn(&mut warnings, format!("no date in the file: its modification date ({date}) is used"));
                        (Some(date), DateSource::FileModified)
                    }
                    None => (None, DateSource::None),
                },
            },
        };
        let clean = |value: Option<String>| value.map(|v| tidy(&v)).filter(|v| !v.is_empty());
        let article = Article {
            fingerprint: 0,
            fold: true,
            slug,
            path: rel.to_path_buf(),
            title,
            date,
            date_source,
            source: clean(self.source),
            source_home: None,
            url,
            author: clean(self.author),
            events: Vec::new(),
            tags: self.tags,
            summary: clean(self.summary),
            draft: false,
            dateline: clean(self.dateline),
            format: TextFormat::Plain,
            body,
            body_line: 1,
            overrides: Overrides::default(),
            extra: Default::default(),
        };
        Ok((Article { fingerprint: fingerprint(&article, modified), ..article }, warnings))
    }
}

/// A date in the extraction cache: as `Date` writes itself, `YYYY-MM-DD`.
mod day {
    use super::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => Date::parse_iso(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date"))),
        }
    }
}

/// Everything an article read from a page, feed item or wire item is made from: unlike a
/// Markdown file's, it is not the file's whole text, as one file may hold several articles.
fn fingerprint(article: &Article, modified: Option<SystemTime>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    let a = article;
    (&a.path, &a.slug, &a.title, a.date, &a.source, &a.url, &a.author, &a.tags, &a.summary, &a.dateline, &a.body)
        .hash(&mut hasher);
    (a.date_source == DateSource::FileModified).then_some(modified).hash(&mut hasher);
    hasher.finish()
}

/// Runs of white space (new lines, no-break spaces, tabs) made one space; ends trimmed.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A line that is page furniture ("Advertisement"), not text.
fn is_furniture(line: &str) -> bool {
    line.len() < 40 && FURNITURE.contains(&line.to_lowercase().trim_end_matches(['.', ':', '…']))
}

pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Query parameters that say where a reader came from, not what they read.
fn is_tracking(key: &str) -> bool {
    key.starts_with("utm_") || matches!(key, "ref" | "cmpid" | "ocid" | "smid" | "fbclid" | "gclid")
}

/// A link without its tracking parameters.
fn without_tracking(link: &str) -> String {
    let Ok(mut url) = url::Url::parse(link) else { return link.to_string() };
    if !url.query_pairs().any(|(k, _)| is_tracking(&k)) {
        return link.to_string();
    }
    let kept: Vec<(String, String)> =
        url.query_pairs().filter(|(k, _)| !is_tracking(k)).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.into()
}

/// `link` made absolute against `base`, where it is relative and `base` is a web address.
pub fn absolute(link: &str, base: Option<&str>) -> String {
    let link = link.trim();
    if url::Url::parse(link).is_ok() {
        return link.to_string();
    }
    base.and_then(|b| url::Url::parse(b).ok())
        .and_then(|b| b.join(link).ok())
        .map(String::from)
        .unwrap_or_else(|| link.to_string())
}

/// What makes two links the same article: host without `www.`, path without a trailing
/// slash, the query less tracking parameters; not the scheme or the fragment.
pub fn same_article_key(link: &str) -> Option<String> {
    let url = url::Url::parse(link.trim()).ok()?;
    let host = url.host_str()?.trim_start_matches("www.").to_ascii_lowercase();
    let path = url.path().trim_end_matches('/');
    let query: Vec<String> =
        url.query_pairs().filter(|(k, _)| !is_tracking(k)).map(|(k, v)| format!("{k}={v}")).collect();
    Some(format!("{host}{path}?{}", query.join("&")))
}

/// A date however a page, feed or wire item writes it: ISO 8601 (`2025-08-15T10:00:00-04:00`,
/// whose day is the writer's own, not UTC's), ISO basic (`20250815T100000Z`, NITF's),
/// RFC 2822 (`Fri, 15 Aug 2025 10:00:00 EDT`, RSS's), or a date in words.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(date) = Date::parse_iso(text) {
        return Some(date);
    }
    let digits: String = text.chars().take(8).collect();
    if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let rest = &text[8..];
        if rest.is_empty() || rest.starts_with('T') {
            let year = digits[..4].parse().ok()?;
            return Date::new(year, digits[4..6].parse().ok()?, digits[6..8].parse().ok()?);
        }
    }
    if let Ok(time) = chrono::DateTime::parse_from_rfc2822(text) {
        use chrono::Datelike;
        let day = time.date_naive();
        return Date::new(day.year(), day.month() as u8, day.day() as u8);
    }
    Date::find_in_text(text)
}

/// The 1-based line of the first `needle` (ASCII, any case) in `text`.
pub fn line_of(text: &str, needle: &str) -> Option<usize> {
    let (bytes, needle) = (text.as_bytes(), needle.as_bytes());
    let first = needle.first()?;
    let at = memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), bytes)
        .find(|&at| bytes[at..].get(..needle.len()).is_some_and(|b| b.eq_ignore_ascii_case(needle)))?;
    Some(memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1)
}

/// Lines that are page furniture, not text, when they stand alone.
pub const FURNITURE: &[&str] = &[
    "advertisement",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "share",
    "share this article",
    "share this story",
    "skip to main content",
    "skip advertisement",
];

/// Elements whose text is never part of an article's: code, forms, media, and figure
/// captions (a photo's credit is not the story).
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "figcaption",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "head",
    "title",
    "meta",
    "link",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "br",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
];

/// The paragraphs of an HTML fragment (a feed item's content, a page's extracted text): each
/// block's text on one line, white space tidied.
pub fn html_paragraphs(html: &str) -> Vec<String> {
    let document = Document::fragment(html);
    node_paragraphs(&document.root())
}

/// The paragraphs under `node`.
pub fn node_paragraphs(node: &NodeRef) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    walk(node, &mut current, &mut paragraphs);
    flush(&mut current, &mut paragraphs);
    paragraphs
}

fn walk(node: &NodeRef, current: &mut String, paragraphs: &mut Vec<String>) {
    for child in node.children_it(false) {
        if child.is_text() {
            current.push_str(&child.text());
        } else if child.is_element() {
            let name = child.node_name().unwrap_or_default();
            let name = name.as_ref();
            if SKIPPED.contains(&name) || child.has_attr("hidden") {
                continue;
            }
            // A time stamp standing alone ("09:10" over a live blog's entry) is not text.
            if name == "time" && tidy(&node.text()) == tidy(&child.text()) {
                continue;
            }
            let block = BLOCKS.contains(&name);
            if block {
                flush(current, paragraphs);
            }
            walk(&child, current, paragraphs);
            if block {
                flush(current, paragraphs);
            } else if matches!(name, "td" | "th") {
                current.push(' ');
            }
        }
    }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let text = tidy(current);
    if !text.is_empty() {
        paragraphs.push(text);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_a_paragraph_a_block() {
        let paragraphs = html_paragraphs(
            "<p>First   line\nwraps <b>here</b>.</p><figure><img src=x><figcaption>Photo: A. B.</figcaption></figure>\
             <blockquote><p>“Quoted,” she said.</p></blockquote><ul><li>one</li><li>two</li></ul>\
             <p>Fish &amp; chips&nbsp;&lt;3<br>after a break</p><script>var x = 1;</script>",
        );
        assert_eq!(
            paragraphs,
            ["First line wraps here.", "“Quoted,” she said.", "one", "two", "Fish & chips <3", "after a break"]
        );
    }

    #[test]
    fn dates_in_each_format_keep_the_writers_day() {
        for (text, day) in [
            ("2025-08-15T23:30:00-04:00", (2025, 8, 15)),
            ("20250815T103000Z", (2025, 8, 15)),
            ("20250815", (2025, 8, 15)),
            ("Fri, 15 Aug 2025 22:10:00 EDT", (2025, 8, 15)),
            ("15 August 2025", (2025, 8, 15)),
        ] {
            assert_eq!(parse_date(text), Date::new(day.0, day.1, day.2), "{text}");
        }
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn one_article_under_two_links() {
        let key = |l| same_article_key(l).unwrap();
        assert_eq!(key("https://www.example.com/news/a/?utm_source=rss#top"), key("http://example.com/news/a"));
        assert_ne!(key("https://example.com/news/a?id=1"), key("https://example.com/news/a?id=2"));
        assert_eq!(absolute("/news/a", Some("https://example.com/feed.xml")), "https://example.com/news/a");
        assert_eq!(absolute("news/a", None), "news/a");
        assert_eq!(without_tracking("https://a.example/x?utm_source=rss&id=2"), "https://a.example/x?id=2");
        assert_eq!(without_tracking("https://a.example/x?utm_source=rss"), "https://a.example/x");
    }
}
