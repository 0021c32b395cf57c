//! Saved web pages (`.html`, `.htm`): a news page as a browser saves it → its article (or
//! articles, when the page declares several). The text is the page's main content as
//! Mozilla's Readability finds it (dom_smoothie, a port of it), after the page is cleared of
//! what Readability keeps but is not the story: cookie and consent banners, subscription and
//! newsletter prompts, share bars, comments, "related" lists. The metadata is taken in this
//! order: schema.org JSON-LD, OpenGraph and `article:` tags, `<meta name="author">`,
//! `<time datetime>`, `<title>`; then what Readability found (its byline).

use super::extracted::{Extracted, absolute, line_of, node_paragraphs, parse_date, tidy};
use crate::error::{Error, Result};
use dom_query::{Document, NodeRef};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// schema.org types of a news article (a live blog is one article: its updates are its text).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
];

/// Words in a class or id that mark what is not the story, wherever Readability would keep it.
const NOT_THE_STORY: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "signup",
    "sign-up",
    "share",
    "social",
    "related",
    "recommend",
    "read-more",
    "readmore",
    "more-stories",
    "most-read",
    "mostread",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "comment",
    "advert",
    "sponsor",
    "promo",
    "toolbar",
    "breadcrumb",
];

/// Words that mark a subscription prompt; an element with them that holds a story's worth of
/// paragraphs is the story a subscriber saved, and stays.
const PAYWALL: &[&str] = &["paywall", "subscribe", "subscription", "regwall", "piano", "meter", "offer"];

pub fn extract(text: &str, rel: &Path) -> Result<Vec<Extracted>> {
    let body_line = line_of(text, "<body");
    let document = Document::from(super::prune::cut(text).as_ref());
    let (meta, articles) = Meta::of(&document);
    let stem = rel.file_stem().unwrap_or_default().to_string_lossy().into_owned();

    // Several articles on one page: the JSON-LD lists them and each has its own <article>
    // headed by its headline; or, with no JSON-LD to say so, several <article>s with an <h1>.
    let pieces = several_articles(articles, &meta);
    if pieces.len() > 1 {
        let mut read = Vec::new();
        for (node, ld) in pieces {
            let html = node.html().to_string();
            let mut extracted = main_text(Document::from(html.as_str()), rel, body_line)?;
            let own = ld.as_ref().map(LdArticle::of).unwrap_or_default();
            let headline = own.title.clone().or_else(|| heading_of(&node));
            extracted.slug = format!("{stem}-{}", headline.as_deref().unwrap_or(&extracted.slug));
            fill(&mut extracted, own, &meta, &node);
            read.push(extracted);
        }
        return Ok(read);
    }

    let ld = meta.articles.first().map(LdArticle::of).unwrap_or_default();
    let first_time = meta.time;
    clear_furniture(&document);
    let mut extracted = main_text(document, rel, body_line)?;
    extracted.slug = stem;
    // `<time datetime>` comes before what Readability guessed.
    let date = first_time.or(extracted.date.take());
    let fallback = Extracted { author: extracted.author.take(), date, ..Default::default() };
    fill_from(&mut extracted, ld, &meta, fallback);
    tidy_text(&mut extracted);
    Ok(vec![extracted])
}

/// The metadata of the whole page.
#[derive(Default)]
struct Meta {
    /// The JSON-LD objects of article types, in page order.
    articles: Vec<Value>,
    /// `<meta property|name=… content=…>`, the first of each, names in lower case.
    tags: HashMap<String, String>,
    canonical: Option<String>,
    title: Option<String>,
    base: Option<String>,
    /// The first `<time datetime>` of the page's article, else of the page.
    time: Option<super::Date>,
}

impl Meta {
    /// The page's metadata and its `<article>`s not inside another, in one walk of the page
    /// (a selector a question walked it once each: 16% of reading a page of 1,500 elements).
    fn of(document: &Document) -> (Meta, Vec<NodeRef<'_>>) {
        let mut meta = Meta::default();
        let mut articles = Vec::new();
        let (mut first_time, mut article_time) = (None, None);
        for node in document.root().descendants_it() {
            let Some(name) = node.node_name() else { continue };
            match name.as_ref() {
                "script" => {
                    let kind = node.attr("type").unwrap_or_default().to_ascii_lowercase();
                    if kind.trim() != "application/ld+json" {
                        continue;
                    }
                    let text = node.text();
                    let text = text.trim().trim_start_matches("<!--").trim_end_matches("-->");
                    if let Ok(value) = serde_json::from_str::<Value>(text) {
                        collect_articles(&value, &mut meta.articles, 0);
                    }
                }
                "meta" => {
                    let (Some(key), Some(content)) = (
                        node.attr("property").or_else(|| node.attr("name")).or_else(|| node.attr("itemprop")),
                        node.attr("content"),
                    ) else {
                        continue;
                    };
                    if !content.trim().is_empty() {
                        meta.tags.entry(key.trim().to_ascii_lowercase()).or_insert_with(|| content.trim().to_string());
                    }
                }
                "link" if meta.canonical.is_none() => {
                    let rel = node.attr("rel").unwrap_or_default().to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        meta.canonical = node.attr("href").map(|h| h.to_string());
                    }
                }
                "title" if meta.title.is_none() => meta.title = Some(tidy(&node.text())),
                "base" if meta.base.is_none() => meta.base = node.attr("href").map(|h| h.to_string()),
                "time" if article_time.is_none() && node.has_attr("datetime") => {
                    first_time.get_or_insert(node);
                    if node.ancestors_it(None).any(|a| a.node_name().as_deref() == Some("article")) {
                        article_time = Some(node);
                    }
                }
                "article" if !node.ancestors_it(None).any(|a| a.node_name().as_deref() == Some("article")) => {
                    articles.push(node);
                }
                _ => {}
            }
        }
        meta.time = article_time.or(first_time).and_then(|t| parse_date(&t.attr("datetime")?));
        (meta, articles)
    }

    fn tag(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|n| self.tags.get(*n)).cloned()
    }
}

fn collect_articles(value: &Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_articles(v, out, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, out, depth + 1);
            }
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                out.push(value.clone());
            }
        }
        _ => {}
    }
}

/// What one JSON-LD article object says.
#[derive(Default, Clone)]
struct LdArticle {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    summary: Option<String>,
    tags: Vec<String>,
}

impl LdArticle {
    fn of(value: &Value) -> LdArticle {
        let text = |key: &str| value.get(key).and_then(name_of).filter(|s| !s.is_empty());
        let url = value.get("url").and_then(name_of).or_else(|| {
            let main = value.get("mainEntityOfPage")?;
            main.as_str().map(str::to_string).or_else(|| main.get("@id")?.as_str().map(str::to_string))
        });
        let tags = match value.get("keywords") {
            Some(Value::String(s)) => s.split(',').map(|k| k.trim().to_string()).filter(|k| !k.is_empty()).collect(),
            Some(Value::Array(items)) => items.iter().filter_map(|k| k.as_str()).map(str::to_string).collect(),
            _ => Vec::new(),
        };
        LdArticle {
            title: text("headline").or_else(|| text("name")),
            date: text("datePublished").or_else(|| text("dateCreated")),
            author: value.get("author").and_then(names_of),
            source: value.get("publisher").and_then(name_of).or_else(|| value.get("sourceOrganization")?.pipe(name_of)),
            url,
            summary: text("description"),
            tags,
        }
    }
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}

/// A string, or the `name` of an object (`{"@type": "Organization", "name": "…"}`).
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(tidy(s)),
        Value::Object(map) => map.get("name").and_then(name_of),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// One name or several ("Ana Ruiz and Tom Bell"), whether given as strings or objects.
fn names_of(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty() && !is_link(n)).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

fn is_link(text: &str) -> bool {
    text.contains("://") || text.starts_with('/')
}

/// Fills what `extracted` (the main text, with Readability's byline and date as `fallback`)
/// lacks from the page's metadata, in the order.
fn fill_from(extracted: &mut Extracted, ld: LdArticle, meta: &Meta, fallback: Extracted) {
    let source = ld
        .source
        .clone()
        .or_else(|| meta.tag(&["og:site_name", "application-name", "publisher"]))
        .or_else(|| meta.title.as_deref().and_then(site_name_in_title));
    extracted.title = ld
        .title
        .or_else(|| meta.tag(&["og:title", "twitter:title", "headline", "dc.title"]))
        .or_else(|| meta.title.as_deref().map(|t| strip_site_name(t, source.as_deref())))
        .or_else(|| extracted.title.take());
    extracted.date = ld
        .date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            meta.tag(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
                "parsely-pub-date",
                "sailthru.date",
            ])
            .as_deref()
            .and_then(parse_date)
        })
        .or(fallback.date);
    extracted.author = ld
        .author
        .or_else(|| {
            meta.tag(&["article:author", "author", "byl", "dc.creator", "parsely-author", "sailthru.author"])
                .filter(|a| !is_link(a))
        })
        .or(fallback.author)
        .map(|a| strip_by(&a));
    extracted.source = source;
    let base = meta.base.as_deref();
    extracted.url = ld
        .url
        .or_else(|| meta.tag(&["og:url"]))
        .or_else(|| meta.canonical.clone())
        .map(|u| absolute(&u, base.or(meta.canonical.as_deref())));
    extracted.summary = ld.summary.or_else(|| meta.tag(&["og:description", "description"]));
    extracted.tags = ld.tags;
}

/// For one article of several on a page: its own JSON-LD first, then its own `<time>` and
/// byline, then the page's.
fn fill(extracted: &mut Extracted, own: LdArticle, meta: &Meta, node: &NodeRef) {
    let time = node
        .descendants_it()
        .find(|n| n.node_name().as_deref() == Some("time") && n.has_attr("datetime"))
        .and_then(|t| parse_date(&t.attr("datetime").unwrap_or_default()));
    let byline = extracted.author.take();
    let headline = own.title.clone().or_else(|| heading_of(node));
    let source = own.source.clone().or_else(|| meta.tag(&["og:site_name", "application-name"]));
    extracted.title = headline;
    extracted.date = own.date.as_deref().and_then(parse_date).or(time);
    extracted.author = own.author.or(byline).map(|a| strip_by(&a));
    extracted.source = source;
    extracted.url = own.url.map(|u| absolute(&u, meta.base.as_deref().or(meta.canonical.as_deref())));
    extracted.summary = own.summary;
    extracted.tags = own.tags;
    tidy_text(extracted);
}

/// The articles of a page that holds several, each with its JSON-LD object where there is one.
fn several_articles<'a>(articles: Vec<NodeRef<'a>>, meta: &Meta) -> Vec<(NodeRef<'a>, Option<Value>)> {
    let live = meta.articles.iter().any(|a| type_is(a, "LiveBlogPosting"));
    if live || articles.len() < 2 {
        return Vec::new();
    }
    let declared: Vec<&Value> = meta.articles.iter().filter(|a| a.get("headline").is_some()).collect();
    if declared.len() >= 2 {
        let mut pieces = Vec::new();
        for value in declared {
            let headline = value.get("headline").and_then(name_of).unwrap_or_default().to_lowercase();
            let node = articles.iter().find(|a| heading_of(a).is_some_and(|h| h.to_lowercase() == headline));
            match node {
                Some(node) => pieces.push((*node, Some(value.clone()))),
                None => return Vec::new(),
            }
        }
        return pieces;
    }
    let headed = articles.iter().filter(|a| a.descendants_it().any(|n| n.node_name().as_deref() == Some("h1")));
    let headed: Vec<(NodeRef, Option<Value>)> = headed.map(|a| (*a, None)).collect();
    if headed.len() == articles.len() { headed } else { Vec::new() }
}

fn type_is(value: &Value, kind: &str) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => t == kind,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(kind)),
        _ => false,
    }
}

/// The first h1, else h2, of an element.
fn heading_of(node: &NodeRef) -> Option<String> {
    for level in ["h1", "h2", "h3"] {
        if let Some(h) = node.descendants_it().find(|n| n.node_name().as_deref() == Some(level)) {
            let text = tidy(&h.text());
            if !text.is_empty() {
                return Some(text);
            }
        }
    }
    None
}

/// Removes from the page what Readability would keep but is not the story.
fn clear_furniture(document: &Document) {
    let mut doomed = Vec::new();
    for node in document.root().descendants_it() {
        let Some(name) = node.node_name() else { continue };
        let marked = ["class", "id", "role", "aria-modal"].iter().any(|a| node.has_attr(a));
        if !marked && !matches!(name.as_ref(), "dialog" | "aside" | "nav" | "footer") {
            continue;
        }
        if matches!(name.as_ref(), "html" | "body" | "main" | "article") {
            continue;
        }
        if matches!(name.as_ref(), "dialog" | "nav") || node.attr("aria-modal").is_some_and(|v| v.as_ref() == "true") {
            doomed.push(node);
            continue;
        }
        let role = node.attr("role").unwrap_or_default().to_ascii_lowercase();
        if matches!(role.as_str(), "dialog" | "alertdialog" | "navigation" | "complementary" | "banner" | "contentinfo")
        {
            doomed.push(node);
            continue;
        }
        let marks = format!("{} {}", node.attr("class").unwrap_or_default(), node.attr("id").unwrap_or_default())
            .to_ascii_lowercase();
        let words = || marks.split(|c: char| c.is_whitespace() || c == '_');
        let is_ad = words().any(|w| {
            matches!(w, "ad" | "ads" | "adslot" | "ad-slot" | "ad-container")
                || w.starts_with("ad-")
                || w.ends_with("-ad")
                || w.contains("-ad-")
        });
        let prompt = || PAYWALL.iter().any(|w| words().any(|m| m.contains(w))) && !holds_a_story(&node);
        if is_ad || NOT_THE_STORY.iter().any(|w| marks.contains(w)) || prompt() {
            doomed.push(node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Three paragraphs of some length: a story, not a prompt.
fn holds_a_story(node: &NodeRef) -> bool {
    let long = node
        .descendants_it()
        .filter(|n| n.node_name().as_deref() == Some("p") && n.text().split_whitespace().count() >= 15)
        .count();
    long >= 3
}

/// The main text of a page (Readability), as paragraphs; its title, byline and date as
/// Readability found them, for what the metadata lacks.
fn main_text(document: Document, rel: &Path, body_line: Option<usize>) -> Result<Extracted> {
    let no_article = || {
        Error::input(
            rel,
            body_line,
            "no article text found in this page",
            "save the article's own page (not a home page or a list of links), or copy its text into a .md file",
        )
    };
    let config = dom_smoothie::Config { disable_json_ld: true, ..Default::default() };
    let mut readability =
        dom_smoothie::Readability::with_document(document, None, Some(config)).map_err(|_| no_article())?;
    let article = readability.parse().map_err(|_| no_article())?;
    let content = Document::fragment(article.content.as_ref());
    let paragraphs = node_paragraphs(&content.root());
    if paragraphs.iter().map(|p| p.split_whitespace().count()).sum::<usize>() < 5 {
        return Err(no_article());
    }
    Ok(Extracted {
        title: Some(article.title).filter(|t| !t.trim().is_empty()),
        author: article.byline,
        date: article.published_time.as_deref().and_then(parse_date),
        paragraphs,
        ..Default::default()
    })
}

/// Drops lines that repeat the headline or the byline, date stamps and page furniture.
fn tidy_text(extracted: &mut Extracted) {
    let title = extracted.title.as_deref().map(str::to_lowercase).unwrap_or_default();
    let author = extracted.author.as_deref().map(str::to_lowercase);
    let mut found_author = None;
    extracted.paragraphs.retain(|p| {
        let lower = p.to_lowercase();
        let words = p.split_whitespace().count();
        if lower == title {
            return false;
        }
        if words <= 12
            && ["published", "updated", "posted", "last updated", "first published"]
                .iter()
                .any(|w| lower.starts_with(w))
        {
            return false;
        }
        if is_time_stamp(p) {
            return false;
        }
        if let Some(name) = byline(p)
            && author.as_deref().is_none_or(|a| a == name.to_lowercase() || lower.contains(a))
        {
            found_author.get_or_insert(name);
            return false;
        }
        true
    });
    if extracted.author.is_none() {
        extracted.author = found_author;
    }
}

/// A line that is only a time or a date ("09:10", "9.45am BST", "Wednesday", "2 September
/// 2025"): a live blog's or a story's stamp, not its text.
fn is_time_stamp(line: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let clock = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let (h, m) = w.split_once([':', '.']).unwrap_or(("", ""));
        (1..=2).contains(&h.len()) && m.len() == 2 && (h.to_string() + m).bytes().all(|b| b.is_ascii_digit())
    };
    let first = words[0].trim_end_matches(',').to_lowercase();
    clock(words[0])
        || (words.len() == 1 && DAYS.contains(&first.as_str()))
        || (words.len() <= 4 && parse_date(line).is_some() && !line.ends_with('.'))
}

/// "By Ana Ruiz" (a line of a few capitalised words) → "Ana Ruiz".
fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")).or_else(|| line.strip_prefix("by "))?;
    let rest = rest.split(['|', '·', '\u{2022}']).next()?.trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let names = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "and" | "&" | "de" | "van" | "von" | "in" | "for")
    });
    (!words.is_empty() && words.len() <= 10 && names).then(|| rest.trim_end_matches([',', '.']).to_string())
}

fn strip_by(author: &str) -> String {
    byline(author).unwrap_or_else(|| tidy(author))
}

/// The site's name at the end of a `<title>`: "Talks end | The Harbour Times" → "The Harbour Times".
fn site_name_in_title(title: &str) -> Option<String> {
    let stripped = strip_site_name(title, None);
    let tail = title.get(stripped.len()..)?.trim_start_matches([' ', '|', '-', '–', '—', ':', '·']).trim();
    (!tail.is_empty() && stripped.len() < title.len()).then(|| tail.to_string())
}

/// "Talks end without a deal | The Harbour Times" → "Talks end without a deal".
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let is_site =
                site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim())) || tail.split_whitespace().count() <= 3;
            if is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_titles_are_tidied() {
        assert_eq!(byline("By Ana Ruiz and Tom Bell").as_deref(), Some("Ana Ruiz and Tom Bell"));
        assert_eq!(byline("By the time the talks ended, nothing was agreed."), None);
        assert_eq!(strip_site_name("Talks end without a deal | The Harbour Times", None), "Talks end without a deal");
        assert_eq!(strip_site_name("Talks - end", None), "Talks - end");
        assert_eq!(site_name_in_title("Talks end without a deal - Le Petit Port").as_deref(), Some("Le Petit Port"));
        assert_eq!(site_name_in_title("Talks end without a deal"), None);
        for stamp in ["09:10", "9.45am BST", "Wednesday", "2 September 2025", "10:32 Harbour closed"] {
            assert!(is_time_stamp(stamp), "{stamp}");
        }
        for text in ["The talks ended.", "Wednesday was calm", "It rained on 2 September 2025 all day long."] {
            assert!(!is_time_stamp(text), "{text}");
        }
    }
}
