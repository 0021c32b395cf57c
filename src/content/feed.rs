//! Feeds (`content/feeds/`: RSS 0.9x, 1.0 and 2.0, Atom 1.0, JSON Feed), read by feed-rs:
//! each item one article. Its text is the item's full content where it has one
//! (`content:encoded`, Atom `content`, JSON `content_html`), else its summary, reduced from
//! HTML to paragraphs; its source is the feed's title. Its slug comes from its guid or link,
//! never its place in the feed, so it keeps its page as the feed moves on. Dates keep the
//! publisher's own day (a report filed at 23:30 in New York is that day's, not the next).

use super::extracted::{Extracted, absolute, html_paragraphs, line_of, parse_date, tidy};
use crate::error::{Error, Result};
use feed_rs::model::{Entry, Feed, Text};
use std::path::Path;

pub fn extract(text: &str, rel: &Path) -> Result<Vec<Extracted>> {
    let is_json = text.trim_start().starts_with('{');
    if !is_json {
        // feed-rs's errors have no line: a well-formedness check first gives one.
        super::newsxml::check_well_formed(text, rel)?;
    }
    let utf8 = super::charset::declare_utf8(text);
    let parser = feed_rs::parser::Builder::new()
        // An item without a guid keeps an empty id (feed-rs would make one up): its link is used.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(local_time)
        .build();
    let feed = parser.parse(utf8.as_bytes()).map_err(|e| {
        Error::input(
            rel,
            None,
            format!("this is not a feed brief can read ({e})"),
            "feeds are RSS 0.9x, 1.0 or 2.0, Atom 1.0 or JSON Feed; check the file is the feed itself, not a page about it",
        )
    })?;
    if feed.entries.is_empty() {
        let at = ["<channel", "<feed", "\"items\""].iter().find_map(|n| line_of(text, n));
        return Err(Error::input(
            rel,
            at,
            "this feed has no items",
            "save the feed when it has items, or remove the file",
        ));
    }
    let source = feed.title.as_ref().map(plain_text).filter(|t| !t.is_empty());
    let home = feed_home(&feed);
    Ok(feed.entries.iter().map(|entry| item(entry, source.clone(), home.as_deref(), rel)).collect())
}

/// The feed's own web page: what relative links in it are relative to.
fn feed_home(feed: &Feed) -> Option<String> {
    let link = feed.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))?;
    super::extracted::is_web_link(&link.href).then(|| link.href.clone())
}

fn item(entry: &Entry, source: Option<String>, home: Option<&str>, rel: &Path) -> Extracted {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate") && l.target.is_none())
        .or_else(|| entry.links.first())
        .map(|l| absolute(&l.href, home));
    let title = entry.title.as_ref().map(plain_text);
    let paragraphs = match (&entry.content, &entry.summary) {
        (Some(content), _) if content.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => {
            let body = content.body.as_deref().unwrap_or_default();
            if content.content_type.to_string().contains("html") || looks_like_html(body) {
                html_paragraphs(body)
            } else {
                plain_paragraphs(body)
            }
        }
        (_, Some(summary)) => text_paragraphs(summary),
        _ => Vec::new(),
    };
    let authors: Vec<String> = entry.authors.iter().filter_map(|p| p.name.as_deref().map(tidy)).collect();
    let author = (!authors.is_empty()).then(|| authors.join(" and "));
    let date = entry.published.or(entry.updated).and_then(|t| parse_date(&t.to_rfc3339()));
    let key = [entry.id.as_str(), link.as_deref().unwrap_or_default()]
        .into_iter()
        .find(|k| !k.trim().is_empty())
        .map(str::to_string)
        .or_else(|| title.clone())
        .unwrap_or_else(|| rel.display().to_string());
    let readable = link.as_deref().and_then(last_segment).or_else(|| last_segment(&key)).or_else(|| title.clone());
    let hash = crate::slug::fnv1a(key.trim().as_bytes()) as u32 & 0xff_ffff;
    let slug = format!("{}-{hash:06x}", readable.as_deref().unwrap_or("item"));
    let summary = entry.summary.as_ref().map(plain_text).filter(|s| !s.is_empty() && entry.content.is_some());
    Extracted {
        slug,
        title,
        date,
        author,
        source,
        url: link,
        dateline: None,
        summary,
        tags: entry.categories.iter().map(|c| c.label.clone().unwrap_or_else(|| c.term.clone())).collect(),
        paragraphs,
        slug_from_title: entry.id.is_empty() && entry.links.is_empty(),
    }
}

/// The readable end of a link or guid: `…/2025/08/15/talks-open.html` → `talks-open`.
fn last_segment(link: &str) -> Option<String> {
    let path = link.split(['?', '#']).next()?;
    let segment = path.trim_end_matches('/').rsplit(['/', ':']).next()?;
    let segment = segment.rsplit_once('.').map_or(segment, |(stem, _)| stem);
    let slug = crate::slug::slugify(segment)?;
    let readable = slug.len() >= 3
        && slug.bytes().any(|b| b.is_ascii_alphabetic())
        && !matches!(slug.as_str(), "index" | "article" | "story" | "news");
    readable.then_some(slug)
}

fn text_paragraphs(text: &Text) -> Vec<String> {
    if text.content_type.to_string().contains("html") || looks_like_html(&text.content) {
        html_paragraphs(&text.content)
    } else {
        plain_paragraphs(&text.content)
    }
}

fn plain_text(text: &Text) -> String {
    text_paragraphs(text).join(" ")
}

/// Plain text: a paragraph a line.
fn plain_paragraphs(text: &str) -> Vec<String> {
    text.lines().map(tidy).filter(|l| !l.is_empty()).collect()
}

/// RSS says nothing of whether a description is HTML: it is when it has tags or entities.
fn looks_like_html(text: &str) -> bool {
    let has_tag = text.contains("</") || text.contains("/>") || text.contains("<p") || text.contains("<br");
    has_tag || (text.contains('&') && text.contains(';'))
}

/// Feed times as the publisher wrote them: the day is the publisher's, so the offset is
/// dropped rather than the time moved to UTC.
fn local_time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let text = text.trim();
    let parsed = chrono::DateTime::parse_from_rfc3339(text)
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(text))
        .ok()
        .map(|t| t.naive_local().and_utc());
    parsed.or_else(|| {
        let date = parse_date(text)?;
        let day = chrono::NaiveDate::from_ymd_opt(date.year, u32::from(date.month), u32::from(date.day))?;
        Some(day.and_hms_opt(0, 0, 0)?.and_utc())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_links_and_guids() {
        assert_eq!(last_segment("https://example.com/2025/08/15/talks-open.html").as_deref(), Some("talks-open"));
        assert_eq!(last_segment("https://example.com/news/12345/").as_deref(), None);
        assert_eq!(last_segment("urn:uuid:1b4e28ba-2fa1").as_deref(), Some("1b4e28ba-2fa1"));
    }

    #[test]
    fn feed_times_keep_the_publishers_day() {
        let day = |t| local_time(t).map(|t| t.date_naive().to_string());
        assert_eq!(day("Fri, 15 Aug 2025 23:30:00 -0400").as_deref(), Some("2025-08-15"));
        assert_eq!(day("2025-08-15T23:30:00-04:00").as_deref(), Some("2025-08-15"));
        assert_eq!(day("15 August 2025").as_deref(), Some("2025-08-15"));
    }
}
