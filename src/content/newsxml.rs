//! XML news files (`.xml`), told apart by their root element: NITF 3.x (`<nitf>`) and
//! NewsML-G2 (`<newsItem>`, or a `<newsMessage>` of several) wire items, whose headline,
//! dateline, byline, date, source and body paragraphs become the fields a plain-text wire
//! report gets; and feeds (`<rss>`, `<rdf:RDF>`, `<feed>`), handed to the feed reader.
//! Parsed with roxmltree, which reports where malformed XML breaks and fetches nothing (a
//! DOCTYPE's DTD is never loaded).

use super::extracted::{Extracted, parse_date, tidy};
use crate::error::{Error, Result};
use roxmltree::{Document, Node, ParsingOptions};
use std::path::Path;

pub fn extract(text: &str, rel: &Path) -> Result<Vec<Extracted>> {
    match root_name(text).as_deref() {
        Some("rss" | "RDF" | "feed") => super::feed::extract(text, rel),
        Some("nitf") => {
            let document = parse(text, rel)?;
            let mut item = nitf(document.root_element());
            item.slug = rel.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            Ok(vec![checked(item, rel, &document, document.root_element())?])
        }
        Some("newsItem") => {
            let document = parse(text, rel)?;
            let mut item = news_item(document.root_element());
            item.slug = rel.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            Ok(vec![checked(item, rel, &document, document.root_element())?])
        }
        Some("newsMessage") => {
            let document = parse(text, rel)?;
            let stem = rel.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            let items: Vec<Node> = document.descendants().filter(|n| n.has_tag_name_local("newsItem")).collect();
            if items.is_empty() {
                return Err(Error::input(
                    rel,
                    Some(line(&document, document.root_element())),
                    "this NewsML-G2 message holds no news item",
                    "a newsMessage's itemSet should hold newsItem elements",
                ));
            }
            let mut read = Vec::new();
            for node in items {
                let mut item = news_item(node);
                let guid = node.attribute("guid").unwrap_or_default();
                let tail = guid.rsplit([':', '/']).find(|s| !s.is_empty()).unwrap_or(guid);
                item.slug = format!("{stem}-{tail}");
                read.push(checked(item, rel, &document, node)?);
            }
            Ok(read)
        }
        Some(other) => Err(Error::input(
            rel,
            Some(1),
            format!("an XML file with a <{other}> root is not news brief can read"),
            "content/articles/ reads NITF (<nitf>) and NewsML-G2 (<newsItem>, <newsMessage>) files; feeds (<rss>, <feed>) go in content/feeds/",
        )),
        None => {
            // No element at all: let the XML parser say where it broke.
            parse(text, rel)?;
            Err(Error::input(rel, Some(1), "this file has no XML element", "check the file is XML"))
        }
    }
}

/// Where malformed XML breaks, as an error at its line.
pub fn check_well_formed(text: &str, rel: &Path) -> Result<()> {
    parse(text, rel).map(|_| ())
}

fn parse<'a>(text: &'a str, rel: &Path) -> Result<Document<'a>> {
    let options = ParsingOptions { allow_dtd: true, ..Default::default() };
    Document::parse_with_options(text, options).map_err(|e| {
        let at = e.pos();
        Error::input(
            rel,
            Some(at.row as usize),
            format!("malformed XML at column {}: {e}", at.col),
            "fix the XML there (a tag left open, a bare & written for &amp;)",
        )
    })
}

/// The local name of the first element, read without parsing the whole file.
fn root_name(text: &str) -> Option<String> {
    let mut rest = text;
    loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            // A declaration, processing instruction, comment or DOCTYPE: skip to its end.
            let end = if rest.starts_with("!--") { rest.find("-->")? } else { rest.find('>')? };
            rest = &rest[end..];
            continue;
        }
        let name: String = rest.chars().take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/')).collect();
        return Some(name.rsplit(':').next().unwrap_or(&name).to_string());
    }
}

/// An item with no text is an error at its line, as a page with no article is.
fn checked(item: Extracted, rel: &Path, document: &Document, node: Node) -> Result<Extracted> {
    if item.paragraphs.is_empty() {
        return Err(Error::input(
            rel,
            Some(line(document, node)),
            "this news item has no body text",
            "NITF text goes in <body.content>, NewsML-G2 text in <contentSet>",
        ));
    }
    Ok(item)
}

fn line(document: &Document, node: Node) -> usize {
    document.text_pos_at(node.range().start).row as usize
}

trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}

fn first<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.descendants().find(|n| n.has_tag_name_local(name))
}

fn text_of(node: Node) -> String {
    let text: String = node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    tidy(&text)
}

fn some(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// NITF: `head` (title, docdata, pubdata) and `body` (`body.head`: hedline, byline,
/// distributor, dateline; `body.content`: paragraphs).
fn nitf(root: Node) -> Extracted {
    let head = first(root, "body.head");
    let title = head.and_then(|h| first(h, "hl1")).map(text_of).and_then(some).or_else(|| {
        let head = root.children().find(|n| n.has_tag_name_local("head"))?;
        first(head, "title").map(text_of).and_then(some)
    });
    let author = head.and_then(|h| first(h, "byline")).and_then(|byline| {
        let person = first(byline, "person").map(text_of).and_then(some);
        person.or_else(|| {
            // The byline's own text, without the title after the name.
            let own: String = byline
                .descendants()
                .filter(|n| n.is_text() && !n.ancestors().any(|a| a.has_tag_name_local("byttl")))
                .filter_map(|n| n.text())
                .collect();
            some(strip_by(&tidy(&own)))
        })
    });
    let dateline = head.and_then(|h| first(h, "dateline")).and_then(|d| {
        first(d, "location").map(text_of).and_then(some).or_else(|| {
            let own: String = d
                .descendants()
                .filter(|n| n.is_text() && !n.ancestors().any(|a| a.has_tag_name_local("story.date")))
                .filter_map(|n| n.text())
                .collect();
            some(tidy(&own).trim_end_matches([',', ' ']).to_string())
        })
    });
    let norm =
        |name: &str, attribute: &str| first(root, name).and_then(|n| n.attribute(attribute)).and_then(parse_date);
    let date = norm("story.date", "norm")
        .or_else(|| norm("date.issue", "norm"))
        .or_else(|| norm("date.release", "norm"))
        .or_else(|| norm("pubdata", "date.publication"));
    let source = head
        .and_then(|h| first(h, "distributor"))
        .map(text_of)
        .and_then(some)
        .or_else(|| first(root, "pubdata").and_then(|p| p.attribute("name")).map(tidy))
        .or_else(|| first(root, "doc.copyright").and_then(|c| c.attribute("holder")).map(tidy));
    let summary = head.and_then(|h| first(h, "abstract")).map(text_of).and_then(some);
    let tags = root
        .descendants()
        .filter(|n| n.has_tag_name_local("keyword"))
        .filter_map(|n| n.attribute("key").map(tidy))
        .collect();
    let paragraphs = first(root, "body.content").map(block_paragraphs).unwrap_or_default();
    Extracted { title, date, author, source, dateline, summary, tags, paragraphs, ..Default::default() }
}

/// NewsML-G2's `newsItem`: `itemMeta` (provider, versionCreated), `contentMeta` (headline,
/// creator, by, dateline, located, contentCreated) and `contentSet` (inline NITF, XHTML or
/// plain text).
fn news_item(item: Node) -> Extracted {
    let meta = item.children().find(|n| n.has_tag_name_local("contentMeta"));
    let item_meta = item.children().find(|n| n.has_tag_name_local("itemMeta"));
    let in_meta = |name: &str| meta.and_then(|m| m.children().find(|n| n.has_tag_name_local(name)));
    let title = in_meta("headline").map(text_of).and_then(some);
    let author = in_meta("creator")
        .and_then(|c| first(c, "name").map(text_of).and_then(some).or_else(|| c.attribute("literal").map(tidy)))
        .or_else(|| in_meta("by").map(text_of).map(|b| strip_by(&b)).and_then(some));
    let dateline = in_meta("dateline")
        .map(text_of)
        .and_then(some)
        .or_else(|| in_meta("located").and_then(|l| first(l, "name")).map(text_of).and_then(some));
    let meta_date = |parent: Option<Node>, name: &str| {
        parent
            .and_then(|p| p.children().find(|n| n.has_tag_name_local(name)))
            .map(text_of)
            .as_deref()
            .and_then(parse_date)
    };
    let date = meta_date(meta, "contentCreated")
        .or_else(|| meta_date(item_meta, "firstCreated"))
        .or_else(|| meta_date(item_meta, "versionCreated"));
    let provider = item_meta.and_then(|m| m.children().find(|n| n.has_tag_name_local("provider")));
    let source = provider
        .and_then(|p| first(p, "name").map(text_of).and_then(some).or_else(|| p.attribute("literal").map(tidy)))
        .or_else(|| {
            let holder = first(item, "copyrightHolder")?;
            first(holder, "name").map(text_of).and_then(some).or_else(|| holder.attribute("literal").map(tidy))
        });
    let summary =
        meta.and_then(|m| m.children().find(|n| n.has_tag_name_local("description"))).map(text_of).and_then(some);
    let tags = meta
        .map(|m| {
            m.children()
                .filter(|n| n.has_tag_name_local("subject") || n.has_tag_name_local("keyword"))
                .filter_map(|s| first(s, "name").map(text_of).and_then(some).or_else(|| some(text_of(s))))
                .collect()
        })
        .unwrap_or_default();
    let content = item.children().find(|n| n.has_tag_name_local("contentSet"));
    let paragraphs = content.map(content_paragraphs).unwrap_or_default();
    Extracted { title, date, author, source, dateline, summary, tags, paragraphs, ..Default::default() }
}

/// The text of a `contentSet`: its first inline XML (NITF or XHTML), else its inline text.
fn content_paragraphs(set: Node) -> Vec<String> {
    for child in set.children().filter(Node::is_element) {
        let kind = child.attribute("contenttype").unwrap_or_default();
        if child.has_tag_name_local("inlineXML") {
            let body = first(child, "body.content").or_else(|| first(child, "body")).unwrap_or(child);
            let paragraphs = block_paragraphs(body);
            if !paragraphs.is_empty() {
                return paragraphs;
            }
        } else if child.has_tag_name_local("inlineData") {
            let text: String = child.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
            let paragraphs: Vec<String> = if kind.contains("html") {
                super::extracted::html_paragraphs(&text)
            } else {
                text.split("\n\n").map(tidy).filter(|p| !p.is_empty()).collect()
            };
            if !paragraphs.is_empty() {
                return paragraphs;
            }
        }
    }
    Vec::new()
}

/// Block elements of NITF and XHTML bodies whose text is a paragraph.
const TEXT_BLOCKS: &[&str] = &["p", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "td"];

/// Each paragraph-like element under `node` (not within another), its text on one line;
/// media, their captions and notes are not text.
fn block_paragraphs(node: Node) -> Vec<String> {
    let mut paragraphs = Vec::new();
    for n in node.descendants().filter(Node::is_element) {
        let name = n.tag_name().name();
        let skipped =
            |a: Node| matches!(a.tag_name().name(), "media" | "media-caption" | "figure" | "figcaption" | "note");
        if TEXT_BLOCKS.contains(&name)
            && !n.ancestors().skip(1).any(|a| TEXT_BLOCKS.contains(&a.tag_name().name()))
            && !n.ancestors().any(skipped)
        {
            let text = text_of(n);
            if !text.is_empty() {
                paragraphs.push(text);
            }
        }
    }
    paragraphs
}

fn strip_by(byline: &str) -> String {
    let byline = byline.trim();
    for prefix in ["By ", "BY ", "by "] {
        if let Some(rest) = byline.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    byline.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_element_tells_the_format() {
        assert_eq!(
            root_name("<?xml version=\"1.0\"?>\n<!-- a > b -->\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf>")
                .as_deref(),
            Some("nitf")
        );
        assert_eq!(root_name("<rdf:RDF xmlns:rdf=\"…\">").as_deref(), Some("RDF"));
        assert_eq!(root_name("no markup"), None);
    }

    #[test]
    fn malformed_xml_is_an_error_at_its_line() {
        let error = extract("<nitf>\n<body>\n<p>open\n</nitf>", Path::new("a.xml")).unwrap_err();
        assert!(error.to_string().starts_with("a.xml:4: malformed XML"), "{error}");
    }
}
