//! `brief check`: what an editor should fix before publishing, found without a network.
//! Renders the site in memory (as `build` would) and reports broken internal links and
//! anchors, articles without a date or source, quotes without a speaker, speakers with no
//! profile, near-duplicate people, copies folded into one article, and events with no articles.

use crate::content::DateSource;
use crate::index::Index;
use crate::render::Page;
use crate::{BuildOptions, Result};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// Which check found it: `link`, `date`, `source`, `speaker`, `profile`, `duplicate`, `copies`, `event`.
    pub check: &'static str,
    /// The file or page it is about.
    pub location: String,
    pub message: String,
    /// What to do, where there is something specific to suggest.
    pub suggestion: Option<String>,
}

/// How much a finding matters to a publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The published site would be broken: a link or anchor that leads nowhere. `brief
    /// check` exits 1 when it finds one, so it can gate a publish.
    Error,
    /// Worth an editor's look, and normal in a real archive (a speaker with no profile, an
    /// article without a source): reported, and fails the check only with `--strict`.
    Warning,
}

impl Finding {
    pub fn severity(&self) -> Severity {
        match self.check {
            "link" => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Finding", 5)?;
        out.serialize_field("check", self.check)?;
        out.serialize_field("severity", &self.severity())?;
        out.serialize_field("location", &self.location)?;
        out.serialize_field("message", &self.message)?;
        out.serialize_field("suggestion", &self.suggestion)?;
        out.end()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub pages: usize,
    pub links: usize,
    pub findings: Vec<Finding>,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity() == Severity::Error).count()
    }
}

pub fn check(root: &Path, options: &BuildOptions) -> Result<CheckReport> {
    let prepared = crate::prepare(root, options)?;
    let static_files = static_files(root);
    let (links, mut findings) = check_links(&prepared.pages, &static_files);
    findings.extend(check_content(&prepared.index));
    findings.sort();
    findings.dedup();
    Ok(CheckReport { pages: prepared.pages.len(), links, findings })
}

/// The files the output gets besides the pages: the theme's and the site's static files.
fn static_files(root: &Path) -> HashSet<String> {
    let mut files: HashSet<String> =
        crate::render::THEME.iter().filter_map(|(path, _)| path.strip_prefix("static/").map(str::to_string)).collect();
    let dir = root.join(crate::output::STATIC_DIR);
    for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
        if entry.file_type().is_file()
            && let Ok(rel) = entry.path().strip_prefix(&dir)
        {
            files.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    files
}

/// Every `href` and `src` of every HTML page that points inside the site must reach a file,
/// and its `#fragment` an `id` on that page.
pub fn check_links(pages: &[Page], static_files: &HashSet<String>) -> (usize, Vec<Finding>) {
    let by_path: HashMap<&str, &Page> = pages.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut ids: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut findings = Vec::new();
    let mut count = 0;
    for page in pages.iter().filter(|p| p.path.ends_with(".html")) {
        for link in attribute_values(&page.contents, "href").into_iter().chain(attribute_values(&page.contents, "src"))
        {
            if is_external(&link) {
                continue;
            }
            count += 1;
            let (path, fragment) = link.split_once('#').map_or((link.as_str(), None), |(p, f)| (p, Some(f)));
            let target = if path.is_empty() { page.path.clone() } else { resolve(&page.path, path) };
            let target =
                if target.is_empty() || target.ends_with('/') { format!("{target}index.html") } else { target };
            let Some(target_page) = by_path.get(target.as_str()) else {
                if !static_files.contains(&target) {
                    findings.push(Finding {
                        check: "link",
                        location: page.path.clone(),
                        message: format!("`{link}` leads to no page or file"),
                        suggestion: None,
                    });
                }
                continue;
            };
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let page_ids = ids
                    .entry(target_page.path.as_str())
                    .or_insert_with(|| attribute_values(&target_page.contents, "id").into_iter().collect());
                if !page_ids.contains(fragment) {
                    findings.push(Finding {
                        check: "link",
                        location: page.path.clone(),
                        message: format!("`{link}`: {target} has no anchor `{fragment}`"),
                        suggestion: None,
                    });
                }
            }
        }
    }
    (count, findings)
}

fn is_external(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with("data:")
        || lower.starts_with("//")
}

/// The values of an attribute across a page, unescaped, read from its tags only. Text is
/// never read: a code span or block that shows `<a href="x.html">`, or raw HTML from
/// content shown as text, is `&lt;a href="x.html"&gt;` in the page (quotes need no escape
/// in text), a link to nowhere and an anchor that is not there. Neither are comments,
/// scripts (JSON-LD) or styles.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let mut values = Vec::new();
    for_each_attribute(html, |attribute, value| {
        if attribute.eq_ignore_ascii_case(name) {
            values.push(unescape(value));
        }
    });
    values
}

/// Calls `found(name, raw value)` for each attribute of each start tag in `html`, in order.
/// A tag starts with `<` and a letter: in text, `<` is always escaped.
fn for_each_attribute<'a>(html: &'a str, mut found: impl FnMut(&'a str, &'a str)) {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset + 1;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("!--") {
            at = start + 3 + comment.find("-->").map_or(comment.len(), |end| end + 3);
            continue;
        }
        // End tags, `<!DOCTYPE …>` and a stray `<` have no attributes to read.
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            at = start;
            continue;
        }
        let tag = &rest[..rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '-').unwrap_or(rest.len())];
        let mut i = start + tag.len();
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                i += 1;
                break;
            }
            let name_start = i;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let name = &html[name_start..i];
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                found(name, "");
                continue;
            }
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let value = match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(quote, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                    let value = &html[i + 1..end];
                    i = (end + 1).min(bytes.len());
                    value
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    &html[value_start..i]
                }
            };
            found(name, value);
        }
        at = i.min(bytes.len());
        // What a script or a style holds is not markup.
        if tag.eq_ignore_ascii_case("script") || tag.eq_ignore_ascii_case("style") {
            at = end_tag(html, at, tag);
        }
    }
}

/// Where `</tag` (in any case) starts, from `from` on; the end of `html` if nowhere.
fn end_tag(html: &str, from: usize, tag: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        if rest.len() > tag.len() && rest[0] == b'/' && rest[1..=tag.len()].eq_ignore_ascii_case(tag.as_bytes()) {
            return start;
        }
        at = start + 1;
    }
    bytes.len()
}

/// An attribute's value as written by the escaper the theme and the markup use.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// `link`, relative to the page at `from`, as a path from the site root.
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    let link = link.split('?').next().unwrap_or(link);
    for segment in link.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if link.ends_with('/') && !joined.is_empty() { format!("{joined}/") } else { joined }
}

fn check_content(index: &Index) -> Vec<Finding> {
    let mut findings = Vec::new();
    for entry in &index.articles {
        let a = &entry.article;
        let location = a.path.display().to_string();
        match a.date_source {
            DateSource::FrontMatter | DateSource::Text => {}
            DateSource::FileModified | DateSource::None => findings.push(Finding {
                check: "date",
                location: location.clone(),
                message: "no date: the file's modification date stands in".into(),
                suggestion: Some("add `date: YYYY-MM-DD` to the front matter".into()),
            }),
        }
        if a.source.is_none() && a.format == crate::annotate::TextFormat::Markdown {
            findings.push(Finding {
                check: "source",
                location: location.clone(),
                message: "no source".into(),
                suggestion: Some("add `source:` (the outlet) and `url:` to the front matter".into()),
            });
        }
        for &q in &entry.quotes {
            let quote = &index.quotes[q];
            if quote.speaker.is_none() && quote.unnamed.is_none() {
                findings.push(Finding {
                    check: "speaker",
                    location: location.clone(),
                    message: format!("no speaker for “{}”", shorten(&quote.text)),
                    suggestion: Some(format!(
                        "under `overrides: speakers:` add `- {{quote: \"{}\", speaker: Full Name}}`",
                        first_words(&quote.text)
                    )),
                });
            }
        }
    }
    for person in &index.entities.people {
        if person.profile.is_none() && !person.quotes.is_empty() {
            findings.push(Finding {
                check: "profile",
                location: format!("people/{}.html", person.slug),
                message: format!("{} is quoted {} times but has no profile", person.name, person.quotes.len()),
                suggestion: Some(format!(
                    "create content/people/{}.md with `name: {}`, `role:` and a short bio",
                    person.slug, person.name
                )),
            });
        }
    }
    findings.extend(near_duplicates(index));
    findings.extend(folded_copies(index));
    for event in &index.events {
        if event.articles.is_empty() {
            let location = event
                .profile
                .as_ref()
                .map(|p| p.path.display().to_string())
                .unwrap_or_else(|| format!("events/{}.html", event.slug));
            findings.push(Finding {
                check: "event",
                location,
                message: format!("no article belongs to the event {}", event.name),
                suggestion: Some(format!(
                    "add `events: [{}]` to the articles about it, or remove the file",
                    event.slug
                )),
            });
        }
    }
    findings
}

/// Each group of copies folded into one article, for an editor to confirm: a wrong fold hides
/// an article's quotes.
fn folded_copies(index: &Index) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    for group in index.copies.chunk_by(|a, b| a.into == b.into) {
        let primary = &index.articles[group[0].into].article;
        let copies: Vec<String> = group
            .iter()
            .map(|c| {
                let a = &c.article;
                let source = a.source.as_deref().unwrap_or("no source");
                let date = a.date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
                format!("{} ({source}, {date})", a.path.display())
            })
            .collect();
        let (count, s) = (copies.len(), if copies.len() == 1 { "y" } else { "ies" });
        findings.push(Finding {
            check: "copies",
            location: primary.path.display().to_string(),
            message: format!("possible duplicates: {count} cop{s} folded into this article: {}", copies.join(", ")),
            suggestion: Some(format!(
                "if one is another story, add `fold: false` to its front matter, or its slug to `unfold:` in {}",
                crate::fold::FOLDS_FILE
            )),
        });
    }
    findings
}

/// People whose names differ by a letter or two ("Zelensky" and "Zelenskyy"): probably one.
fn near_duplicates(index: &Index) -> Vec<Finding> {
    // Bucket by the surname's first three letters, so the comparison stays near-linear.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, person) in index.entities.people.iter().enumerate() {
        let surname = surname(&person.name);
        buckets.entry(surname.chars().take(3).collect()).or_default().push(i);
    }
    let mut findings = Vec::new();
    for members in buckets.values() {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                let (pa, pb) = (&index.entities.people[a], &index.entities.people[b]);
                if looks_like_one_person(&pa.name, &pb.name) {
                    // The name more articles use is the one to keep.
                    let (keep, other) = if pb.articles.len() > pa.articles.len() { (pb, pa) } else { (pa, pb) };
                    let suggestion = match (&keep.profile, &other.profile) {
                        (Some(_), _) => {
                            format!("add “{}” to the `aliases:` of content/people/{}.md", other.name, keep.slug)
                        }
                        (None, Some(_)) => {
                            format!("add “{}” to the `aliases:` of content/people/{}.md", keep.name, other.slug)
                        }
                        (None, None) => format!(
                            "if they are one person, add to content/entities.yaml: people: {{\"{}\": [\"{}\"]}}",
                            keep.name, other.name
                        ),
                    };
                    findings.push(Finding {
                        check: "duplicate",
                        location: format!("people/{}.html", pa.slug),
                        message: format!("“{}” and “{}” may be one person", pa.name, pb.name),
                        suggestion: Some(suggestion),
                    });
                }
            }
        }
    }
    findings
}

fn surname(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// Two names that differ by a slip of spelling: surnames one letter apart (Zelensky,
/// Zelenskyy), or the same surname with first names one letter apart (Hilary, Hillary).
/// Two letters apart is another person more often than not (Carson and Cardin, Amazon and
/// Amano), and a surname the site shares between full names is the resolver's to tell.
fn looks_like_one_person(a: &str, b: &str) -> bool {
    let (sa, sb) = (surname(a), surname(b));
    if sa.len() < 4 || sb.len() < 4 || a == b {
        return false;
    }
    let both_full = a.split_whitespace().count() >= 2 && b.split_whitespace().count() >= 2;
    // A plural is a family or a group (the Clintons), and a short word alone is too often
    // another word (Bern, Hayek).
    let plural = |x: &str, y: &str| x.strip_suffix('s') == Some(y) || y.strip_suffix('s') == Some(x);
    if plural(&sa, &sb) || (!both_full && sa.len().min(sb.len()) < 6) {
        return false;
    }
    let distance = edit_distance(&sa, &sb);
    let first = |n: &str| n.split_whitespace().next().unwrap_or("").to_lowercase();
    let (fa, fb) = (first(a), first(b));
    // A first name one letter off, but not one that only grows (Eric and Erica are two).
    let slip = fa != fb
        && fa.len().min(fb.len()) >= 4
        && edit_distance(&fa, &fb) == 1
        && !fa.starts_with(fb.as_str())
        && !fb.starts_with(fa.as_str());
    let firsts_agree = !both_full || fa == fb || slip;
    (distance == 1 && firsts_agree) || (distance == 0 && both_full && slip)
}

/// Edits between two words, a swap of two letters side by side counting as one (the
/// optimal string alignment distance): "Trupm" is one slip from "Trump".
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows: Vec<Vec<usize>> = vec![(0..=b.len()).collect()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (rows[i - 1][j - 1] + cost).min(rows[i - 1][j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 { words.join(" ") } else { format!("{}…", words[..12].join(" ")) }
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(5).collect::<Vec<_>>().join(" ").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicate_names() {
        let cases = [
            ("Volodymyr Zelensky", "Volodymyr Zelenskyy", true),
            ("Zelensky", "Volodymyr Zelenskyy", true),
            ("Anna Jensen", "Adrian Jensen", false),
            ("Donald Trump", "Donald Trump Jr.", false),
            ("Vladimir Putin", "Marco Rubio", false),
            ("Olaf Scholz", "Olaf Scholz", false),
            ("Ben Carson", "Ben Cardin", false),
            ("Amazon", "Yukiya Amano", false),
            ("Hilary Clinton", "Hillary Clinton", true),
            ("Bill Clinton", "Hillary Clinton", false),
            ("Rence Priebus", "Reince Priebus", true),
            ("Clintons", "Hillary Clinton", false),
            ("Eric Garner", "Erica Garner", false),
            ("Bern", "Milton Berg", false),
            ("Donald Trupm", "Donald Trump", true),
        ];
        for (a, b, expected) in cases {
            assert_eq!(looks_like_one_person(a, b), expected, "{a} / {b}");
        }
    }

    #[test]
    fn links_resolve_relative_to_their_page() {
        assert_eq!(resolve("people/a.html", "../articles/b.html"), "articles/b.html");
        assert_eq!(resolve("index.html", "people/index.html"), "people/index.html");
        assert_eq!(resolve("people/a.html", "../"), "");
        assert_eq!(resolve("a/b/c.html", "../../x.css"), "x.css");
    }

    #[test]
    fn attributes_are_read_from_tags_only() {
        let html = r#"<!DOCTYPE html><html lang="en"><head><link rel=stylesheet HREF='style.css?v=1&amp;x'>
<script type="application/ld+json">{"a": "<a href=\"script.html\">"}</script><STYLE>a[href="style.html"]{}</style>
</head><body><!-- <a href="comment.html"> --><p>Write <code>&lt;a href="code.html"&gt;</code>, or
<pre><code>&lt;img src="block.png"&gt; id="fake"</code></pre> 1 < 2 href="text.html"
<a class="mention person" href="people/a.html" >A</a><img
  src = "a.png" alt="&quot;x&quot; &lt;y&gt;" hidden><p id=q-1>x</p></body></html>"#;
        assert_eq!(attribute_values(html, "href"), ["style.css?v=1&x", "people/a.html"]);
        assert_eq!(attribute_values(html, "src"), ["a.png"]);
        assert_eq!(attribute_values(html, "id"), ["q-1"]);
        assert_eq!(attribute_values(html, "alt"), ["\"x\" <y>"]);
        assert_eq!(attribute_values(html, "hidden"), [""]);
        assert_eq!(attribute_values("<a href=\"cut", "href"), ["cut"], "a page cut short ends the value");
    }

    #[test]
    fn a_missing_page_and_a_missing_anchor_are_found() {
        let pages = vec![
            Page {
                path: "index.html".into(),
                contents:
                    "<a href=\"people/a.html#q-1\">x</a> <a href=\"nowhere.html\">y</a> <link href=\"style.css\">"
                        .into(),
            },
            Page { path: "people/a.html".into(), contents: "<p id=\"q-2\">".into() },
        ];
        let statics: HashSet<String> = ["style.css".to_string()].into();
        let (count, findings) = check_links(&pages, &statics);
        assert_eq!(count, 3);
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(findings.iter().any(|f| f.message.contains("nowhere.html")));
        assert!(findings.iter().any(|f| f.message.contains("anchor `q-1`")));
    }
}
