//! Files → [`Article`], [`Person`], [`Event`]. Reads `content/articles/` (Markdown with YAML
//! front matter, plain-text wire reports, saved web pages, NITF and NewsML-G2),
//! `content/feeds/` (RSS, Atom, JSON Feed), `content/people/` and `content/events/`.
//! Every error names the file and, where there is one, the line.

pub mod charset;
pub mod date;
pub mod extracted;
pub mod feed;
pub mod frontmatter;
pub mod newsxml;
pub mod page;
pub mod prune;
pub mod readers;
pub mod wire;

use crate::annotate::{Overrides, TextFormat};
use crate::cache::Extractions;
use crate::error::{Error, Result, Warning};
use crate::paths::{OutsideLink, Site};
use crate::slug::slugify;
pub use date::Date;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub const ARTICLES_DIR: &str = "content/articles";
pub const FEEDS_DIR: &str = "content/feeds";
pub const PEOPLE_DIR: &str = "content/people";
pub const EVENTS_DIR: &str = "content/events";

/// Arbitrary extra front matter, passed to templates as `extra`.
pub type Extra = BTreeMap<String, serde_json::Value>;

#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    /// The file, relative to the site root, for messages.
    pub path: PathBuf,
    pub title: String,
    pub date: Option<Date>,
    /// Where the date came from: a file's modification date is a guess.
    pub date_source: DateSource,
    pub source: Option<String>,
    /// The outlet's home page, where brief.yaml's `sources:` gives one.
    pub source_home: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Event slugs from the front matter.
    pub events: Vec<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
    /// The place the report was filed from ("Anchorage, Alaska").
    pub dateline: Option<String>,
    pub format: TextFormat,
    /// The text after the front matter, with CRLF turned into LF; annotation spans point into it.
    pub body: String,
    /// The 1-based file line the body starts on.
    pub body_line: usize,
    pub overrides: Overrides,
    pub extra: Extra,
    /// A hash of the file's name, text and date of last resort: everything the article is
    /// made from, so equal fingerprints mean equal articles (the preview's change test).
    pub fingerprint: u64,
    /// Whether the article may be folded with its copies (`fold: false` keeps it apart).
    pub fold: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    FrontMatter,
    Text,
    FileModified,
    None,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub slug: String,
    pub path: PathBuf,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub country: Option<String>,
    /// Markdown.
    pub bio: String,
    pub extra: Extra,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub slug: String,
    pub path: PathBuf,
    pub name: String,
    pub aliases: Vec<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub place: Option<String>,
    /// Person slugs or names.
    pub participants: Vec<String>,
    /// Markdown.
    pub summary: String,
    pub extra: Extra,
}

/// Everything under `content/`, sorted by slug.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub articles: Vec<Article>,
    pub people: Vec<Person>,
    pub events: Vec<Event>,
    /// The editors' corrections to who and what the site names (`content/entities.yaml`).
    pub corrections: crate::resolve::Corrections,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Keep articles marked `draft: true`.
    pub drafts: bool,
}

const ARTICLE_KEYS: &str =
    "title, date, source, url, author, event, events, tags, summary, draft, slug, dateline, fold, overrides, extra";
const PERSON_KEYS: &str = "name, aliases, role, affiliation, country, extra";
const EVENT_KEYS: &str = "name, aliases, date, start, end, place, participants, extra";

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ArticleMatter {
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
    event: Option<String>,
    events: Vec<String>,
    tags: Vec<String>,
    summary: Option<String>,
    draft: bool,
    slug: Option<String>,
    dateline: Option<String>,
    fold: Option<bool>,
    overrides: Overrides,
    extra: Extra,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PersonMatter {
    name: Option<String>,
    aliases: Vec<String>,
    role: Option<String>,
    affiliation: Option<String>,
    country: Option<String>,
    extra: Extra,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct EventMatter {
    name: Option<String>,
    aliases: Vec<String>,
    date: Option<String>,
    start: Option<String>,
    end: Option<String>,
    place: Option<String>,
    participants: Vec<String>,
    extra: Extra,
}

impl Content {
    /// The people and events alone, without the articles.
    pub fn clone_profiles(&self) -> Content {
        Content {
            articles: Vec::new(),
            people: self.people.clone(),
            events: self.events.clone(),
            corrections: self.corrections.clone(),
            warnings: Vec::new(),
        }
    }
}

/// Loads the whole of `content/` under `root`.
pub fn load(root: &Path, options: LoadOptions) -> Result<Content> {
    load_with(root, options, &Extractions::disabled())
}

/// `load`, taking what pages, feeds and XML files give from `extractions` where it has their
/// bytes, and recording there what it extracts afresh (`brief build` saves it).
pub fn load_with(root: &Path, options: LoadOptions, extractions: &Extractions) -> Result<Content> {
    let mut warnings = Vec::new();
    let site = Site::new(root)?;
    let mut article_files = Vec::new();
    for folder in readers::ARTICLE_FOLDERS {
        article_files.extend(list_files(&site, root, folder, &readers::article_extensions(), &mut warnings)?);
    }
    let people_files = list_files(&site, root, PEOPLE_DIR, readers::PROFILE_EXTENSIONS, &mut warnings)?;
    let event_files = list_files(&site, root, EVENTS_DIR, readers::PROFILE_EXTENSIONS, &mut warnings)?;

    let loaded: Vec<readers::Read> =
        article_files.par_iter().map(|rel| load_article_with(root, rel, extractions)).collect::<Result<_>>()?;
    let loaded = one_article_per_link(loaded.into_iter().flatten().collect());
    let mut articles = Vec::with_capacity(article_files.len());
    for (article, article_warnings) in loaded {
        warnings.extend(article_warnings);
        if article.draft && !options.drafts {
            continue;
        }
        articles.push(article);
    }
    let people: Vec<Person> = people_files.par_iter().map(|rel| load_person(root, rel)).collect::<Result<_>>()?;
    let events: Vec<Event> = event_files.par_iter().map(|rel| load_event(root, rel)).collect::<Result<_>>()?;

    let corrections = crate::resolve::Corrections::load(root)?;
    let mut content = Content { articles, people, events, corrections, warnings };
    content.articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    content.people.sort_by(|a, b| a.slug.cmp(&b.slug));
    content.events.sort_by(|a, b| a.slug.cmp(&b.slug));
    check_unique(content.articles.iter().map(|a| (&a.slug, &a.path)), "article")?;
    check_unique(content.people.iter().map(|p| (&p.slug, &p.path)), "person")?;
    check_unique(content.events.iter().map(|e| (&e.slug, &e.path)), "event")?;
    resolve_shared_aliases(&mut content);
    check_event_links(&mut content);
    content.warnings.sort();
    Ok(content)
}

/// The files of one content folder with the given extensions, relative to `root`, sorted.
/// Hidden files and editors' backup and swap files are passed over; other files are warned of.
/// A symbolic link that leads out of the site is an error (`paths::Site::files`).
fn list_files(
    site: &Site,
    root: &Path,
    dir: &str,
    extensions: &[&str],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for rel in site.files(dir, OutsideLink::Refuse, warnings)? {
        let name = rel.file_name().unwrap_or_default().to_string_lossy();
        if is_ignored_name(&name) || is_saved_page_asset(root, &rel) {
            continue;
        }
        let extension = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
        if extensions.contains(&extension.to_ascii_lowercase().as_str()) {
            files.push(rel);
        } else {
            warnings.push(Warning {
                location: rel.display().to_string(),
                message: format!("skipped: {dir}/ reads only .{} files", extensions.join(", .")),
            });
        }
    }
    Ok(files)
}

/// A file in the folder a browser saves beside a page ("Web page, complete": `story.html`
/// and `story_files/`): the page's images, scripts and frames, not articles.
fn is_saved_page_asset(root: &Path, rel: &Path) -> bool {
    rel.ancestors().skip(1).any(|folder| {
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        let Some(stem) = name.strip_suffix("_files") else { return false };
        let parent = root.join(folder.parent().unwrap_or(Path::new("")));
        ["html", "htm"].iter().any(|e| parent.join(format!("{stem}.{e}")).is_file())
    })
}

/// Editors' temporary, backup and swap files, and hidden files.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

/// Files larger than this are refused: a text this long is not an article, and reading it
/// whole would hold it, its annotations and its page in memory at once.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a text file: UTF-8 (a byte-order mark is dropped, mojibake put back), CRLF turned
/// into LF. Only plain files of at most [`MAX_FILE_BYTES`] are read.
pub fn read_text(root: &Path, rel: &Path) -> Result<String> {
    text_from_bytes(read_bytes(root, rel)?, rel)
}

/// Reads a file that says its own character set (a web page, XML, JSON): decoded as
/// `charset::decode` says, CRLF turned into LF.
pub fn read_declared_text(root: &Path, rel: &Path, declared: charset::Declared) -> Result<String> {
    declared_text(read_bytes(root, rel)?, rel, declared)
}

/// The text of a file that says its own character set, from its bytes.
fn declared_text(bytes: Vec<u8>, rel: &Path, declared: charset::Declared) -> Result<String> {
    if !charset::is_utf16(&bytes) {
        refuse_binary(&bytes, rel)?;
    }
    let text = repaired(charset::decode_owned(bytes, declared));
    Ok(if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

/// The text with its mojibake put back ([`charset::repair_mojibake`]): UTF-8 that was read as
/// Windows-1252 on its way here ("FranÃ§ois").
fn repaired(text: String) -> String {
    match charset::repair_mojibake(&text) {
        std::borrow::Cow::Owned(repaired) => repaired,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// A plain file's bytes, of at most [`MAX_FILE_BYTES`].
fn read_bytes(root: &Path, rel: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let path = root.join(rel);
    let file = std::fs::File::open(&path).map_err(|e| Error::io(rel, e))?;
    let meta = file.metadata().map_err(|e| Error::io(rel, e))?;
    if !meta.is_file() {
        return Err(Error::input(rel, None, "this is not a plain file", "give an article file or a folder of them"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::input(
            rel,
            None,
            format!("this file is {} MB; brief reads files of up to {} MB", meta.len() >> 20, MAX_FILE_BYTES >> 20),
            "split it into articles, or move it out of the site",
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| Error::io(rel, e))?;
    Ok(bytes)
}

fn refuse_binary(bytes: &[u8], rel: &Path) -> Result<()> {
    if memchr::memchr(0, bytes).is_some() {
        let line = bytes.iter().take_while(|&&b| b != 0).filter(|&&b| b == b'\n').count() + 1;
        return Err(Error::input(
            rel,
            Some(line),
            "this is a binary file, not text",
            "move it out of content/ (images and other assets belong in static/)",
        ));
    }
    Ok(())
}

fn text_from_bytes(bytes: Vec<u8>, rel: &Path) -> Result<String> {
    refuse_binary(&bytes, rel)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::input(
            rel,
            Some(line),
            format!("the file is not valid UTF-8 (byte {valid})"),
            "save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)",
        )
    })?;
    let text = repaired(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text));
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}

/// Gives articles whose `source:` is a key of brief.yaml's `sources:` that outlet's name and
/// home page: what pages, feeds and JSON-LD show.
pub fn name_sources(articles: &mut [Article], config: &crate::config::Config) {
    if config.sources.is_empty() {
        return;
    }
    for article in articles {
        if let Some(source) = article.source.as_deref().and_then(|key| config.source(key)) {
            article.source_home = source.url.clone();
            article.source = Some(source.name.clone());
        }
    }
}

/// Loads the articles of one file, by the reader its extension names, each with the
/// warnings it raised.
pub fn load_article(root: &Path, rel: &Path) -> Result<readers::Read> {
    load_article_with(root, rel, &Extractions::disabled())
}

/// `load_article`, taking what pages, feeds and XML files give from `extractions` where it
/// has their bytes.
fn load_article_with(root: &Path, rel: &Path, extractions: &Extractions) -> Result<readers::Read> {
    let reader = readers::reader_for(rel).ok_or_else(|| {
        Error::input(
            rel,
            None,
            "brief reads no articles from a file of this kind",
            format!("articles are .{} files", readers::article_extensions().join(", .")),
        )
    })?;
    reader.read_file(root, rel, extractions)
}

/// An article that is in a feed and saved as a file too (or in two feeds) is one article:
/// the first by link that comes from a file of its own (a saved page, a Markdown file, a
/// wire item) is kept, else the first with the longest text; what the kept one lacks
/// (date, author, source) is taken from the others. Articles without a link are all kept.
pub fn one_article_per_link(loaded: Vec<(Article, Vec<Warning>)>) -> Vec<(Article, Vec<Warning>)> {
    let key = |a: &Article| a.url.as_deref().and_then(extracted::same_article_key);
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (article, _)) in loaded.iter().enumerate() {
        if let Some(k) = key(article) {
            by_key.entry(k).or_default().push(i);
        }
    }
    let mut dropped = vec![false; loaded.len()];
    let mut fills: Vec<(usize, usize)> = Vec::new();
    for group in by_key.values().filter(|g| g.len() > 1) {
        let from_feed = |i: usize| is_feed_file(&loaded[i].0.path);
        let keep = group
            .iter()
            .copied()
            .find(|&i| !from_feed(i))
            .or_else(|| group.iter().copied().max_by_key(|&i| (loaded[i].0.body.len(), std::cmp::Reverse(i))))
            .unwrap_or(group[0]);
        for &other in group.iter().filter(|&&i| i != keep) {
            dropped[other] = true;
            fills.push((keep, other));
        }
    }
    let mut loaded: Vec<Option<(Article, Vec<Warning>)>> = loaded.into_iter().map(Some).collect();
    fills.sort();
    for (keep, other) in fills {
        let Some((other, _)) = loaded[other].take() else { continue };
        let Some((kept, _)) = loaded[keep].as_mut() else { continue };
        if matches!(kept.date_source, DateSource::FileModified | DateSource::None) && other.date.is_some() {
            kept.date = other.date;
            kept.date_source = other.date_source;
        }
        kept.author = kept.author.take().or(other.author);
        kept.source = kept.source.take().or(other.source);
    }
    loaded.into_iter().zip(dropped).filter(|(_, d)| !d).filter_map(|(a, _)| a).collect()
}

/// Whether a file is a feed (its items give way to a file of the same article).
fn is_feed_file(path: &Path) -> bool {
    path.starts_with(FEEDS_DIR)
        || readers::reader_for(path).is_some_and(|r| r.extensions.contains(&"rss") || r.extensions.contains(&"json"))
}

/// An article from its text in `format`: what the Markdown and plain-text readers do after
/// reading the file, without I/O. `rel` names the file in messages; `modified` is the date
/// of last resort.
pub fn article_from_text(
    text: &str,
    rel: &Path,
    modified: Option<std::time::SystemTime>,
    format: TextFormat,
) -> Result<(Article, Vec<Warning>)> {
    let is_plain = format == TextFormat::Plain;
    let mut warnings = Vec::new();
    let (matter, body, body_line, split_yaml_line) = if is_plain {
        (ArticleMatter::default(), text, 1, None)
    } else {
        let split = frontmatter::split(text, rel)?;
        let matter: ArticleMatter = frontmatter::decode(&split, rel, "an article", ARTICLE_KEYS)?;
        let key_lines = (
            frontmatter::key_line(&split, "date"),
            frontmatter::key_line(&split, "url"),
            frontmatter::key_line(&split, "slug"),
            frontmatter::key_line(&split, "events").or_else(|| frontmatter::key_line(&split, "event")),
        );
        (matter, split.body, split.body_line, Some(key_lines))
    };
    let (date_line, url_line, slug_line, events_line) = split_yaml_line.unwrap_or((None, None, None, None));

    let slug_source =
        matter.slug.clone().unwrap_or_else(|| rel.file_stem().unwrap_or_default().to_string_lossy().into_owned());
    let slug = slugify(&slug_source).ok_or_else(|| {
        Error::input(
            rel,
            slug_line,
            format!("`{slug_source}` gives no usable slug"),
            "give the article a `slug:` of letters, digits and hyphens",
        )
    })?;
    refuse_reserved(&slug, rel, slug_line, "give the article another file name or `slug:`")?;

    if let Some(url) = &matter.url {
        check_url(url, rel, url_line)?;
    }

    let head = is_plain.then(|| wire::read_head(body));
    let title = matter
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| head.as_ref().map(|h| h.title.clone()))
        .or_else(|| first_heading(body))
        .unwrap_or_else(|| {
            warnings
                .push(Warning { location: rel.display().to_string(), message: "no title: the slug is used".into() });
            slug.replace('-', " ")
        });
    let dateline = matter.dateline.clone().or_else(|| head.as_ref().and_then(|h| h.dateline.clone()));

    let mut date_source = DateSource::FrontMatter;
    let date = match &matter.date {
        Some(text) => Some(Date::parse_iso(text).ok_or_else(|| {
            Error::input(
                rel,
                date_line,
                format!("`{text}` is not a date"),
                "write dates as YYYY-MM-DD, e.g. 2025-08-15",
            )
        })?),
        None => Date::find_in_text(body).inspect(|_| date_source = DateSource::Text).or_else(|| {
            let date = Date::from_system_time(modified?);
            date_source = DateSource::FileModified;
            warnings.push(Warning {
                location: rel.display().to_string(),
                message: format!("no date in front matter or text: the file's modification date ({date}) is used"),
            });
            Some(date)
        }),
    };

    let mut events = matter.events;
    if let Some(event) = matter.event {
        events.insert(0, event);
    }
    let events = events.iter().filter_map(|e| slugify(e)).collect::<Vec<_>>();
    for event in &events {
        refuse_reserved(event, rel, events_line, "name the event by another slug")?;
    }

    Ok((
        Article {
            slug,
            path: rel.to_path_buf(),
            title: title.trim().to_string(),
            date,
            date_source: if date.is_some() { date_source } else { DateSource::None },
            source: matter.source,
            source_home: None,
            url: matter.url,
            author: matter.author,
            events: dedup(events),
            tags: matter.tags,
            summary: matter.summary,
            draft: matter.draft,
            dateline,
            format,
            body: body.to_string(),
            body_line,
            overrides: matter.overrides,
            extra: matter.extra,
            fingerprint: fingerprint(text, rel, modified),
            fold: matter.fold.unwrap_or(true),
        },
        warnings,
    ))
}

fn fingerprint(text: &str, rel: &Path, modified: Option<std::time::SystemTime>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (text, rel, modified).hash(&mut hasher);
    hasher.finish()
}

fn load_person(root: &Path, rel: &Path) -> Result<Person> {
    let text = read_text(root, rel)?;
    let split = frontmatter::split(&text, rel)?;
    let matter: PersonMatter = frontmatter::decode(&split, rel, "a person", PERSON_KEYS)?;
    let slug = file_slug(rel)?;
    let name = matter.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
        Error::input(rel, Some(1), "this person has no `name:`", "add `name: Full Name` to the front matter")
    })?;
    Ok(Person {
        slug,
        path: rel.to_path_buf(),
        name: name.trim().to_string(),
        aliases: matter.aliases,
        role: matter.role,
        affiliation: matter.affiliation,
        country: matter.country,
        bio: split.body.to_string(),
        extra: matter.extra,
    })
}

fn load_event(root: &Path, rel: &Path) -> Result<Event> {
    let text = read_text(root, rel)?;
    let split = frontmatter::split(&text, rel)?;
    let matter: EventMatter = frontmatter::decode(&split, rel, "an event", EVENT_KEYS)?;
    let slug = file_slug(rel)?;
    let name = matter.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
        Error::input(rel, Some(1), "this event has no `name:`", "add `name: Event name` to the front matter")
    })?;
    let parse = |key: &str, value: &Option<String>| -> Result<Option<Date>> {
        value
            .as_deref()
            .map(|text| {
                Date::parse_iso(text).ok_or_else(|| {
                    Error::input(
                        rel,
                        frontmatter::key_line(&split, key),
                        format!("`{text}` is not a date"),
                        "write dates as YYYY-MM-DD, e.g. 2025-08-15",
                    )
                })
            })
            .transpose()
    };
    if matter.date.is_some() && matter.start.is_some() {
        return Err(Error::input(
            rel,
            frontmatter::key_line(&split, "start"),
            "the event has both `date:` and `start:`, which say the same thing",
            "keep `date:` for an event of one day, or `start:` (with `end:`) for a span",
        ));
    }
    let date = parse("date", &matter.date)?;
    let start = parse("start", &matter.start)?.or(date);
    let end = parse("end", &matter.end)?;
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        return Err(Error::input(
            rel,
            frontmatter::key_line(&split, "end"),
            format!("the event ends ({end}) before it starts ({start})"),
            "swap `start:` and `end:`",
        ));
    }
    Ok(Event {
        slug,
        path: rel.to_path_buf(),
        name: name.trim().to_string(),
        aliases: matter.aliases,
        start,
        end,
        place: matter.place,
        participants: matter.participants,
        summary: split.body.to_string(),
        extra: matter.extra,
    })
}

fn file_slug(rel: &Path) -> Result<String> {
    let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
    let slug = slugify(&stem).ok_or_else(|| {
        Error::input(
            rel,
            None,
            format!("`{stem}` gives no usable slug"),
            "rename the file with letters, digits and hyphens",
        )
    })?;
    refuse_reserved(&slug, rel, None, "rename the file")?;
    Ok(slug)
}

/// A slug the layout uses for its own pages (`index`) would overwrite one of them.
fn refuse_reserved(slug: &str, rel: &Path, line: Option<usize>, help: &str) -> Result<()> {
    if !crate::slug::is_reserved(slug) {
        return Ok(());
    }
    Err(Error::input(
        rel,
        line,
        format!("the slug `{slug}` is reserved: its page would replace the list page of the same name"),
        format!("{help} (reserved: {})", crate::slug::RESERVED.join(", ")),
    ))
}

/// Only web links may leave the site: `javascript:`, `data:` and the like are refused.
fn check_url(url: &str, rel: &Path, line: Option<usize>) -> Result<()> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Ok(())
    } else {
        Err(Error::input(
            rel,
            line,
            format!("`{url}` is not an http(s) link"),
            "give the source's address as https://… (other schemes are refused for safety)",
        ))
    }
}

fn first_heading(body: &str) -> Option<String> {
    body.lines().find_map(|l| l.strip_prefix("# ")).map(|t| t.trim().to_string())
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.into_iter().filter(|i| seen.insert(i.clone())).collect()
}

pub(crate) fn check_unique<'a>(items: impl Iterator<Item = (&'a String, &'a PathBuf)>, what: &str) -> Result<()> {
    let mut seen: HashMap<&str, &PathBuf> = HashMap::new();
    for (slug, path) in items {
        if let Some(first) = seen.insert(slug, path) {
            return Err(Error::input(
                path,
                None,
                format!("this {what} has the slug `{slug}`, like {}", first.display()),
                "give one of them another file name or `slug:`",
            ));
        }
    }
    Ok(())
}

/// One name must lead to one person. An alias claimed by two profiles ("Jensen" for two
/// Jensens) is ambiguous: it is taken off both, with a warning, and the full names still match.
fn resolve_shared_aliases(content: &mut Content) {
    let mut claims: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, person) in content.people.iter().enumerate() {
        for alias in &person.aliases {
            let key = alias.trim().to_lowercase();
            let owners = claims.entry(key).or_default();
            if !owners.contains(&i) {
                owners.push(i);
            }
        }
    }
    let mut shared: Vec<(String, Vec<usize>)> = claims.into_iter().filter(|(_, owners)| owners.len() > 1).collect();
    shared.sort();
    for (alias, owners) in shared {
        let paths: Vec<String> = owners.iter().map(|&i| content.people[i].path.display().to_string()).collect();
        for &i in &owners {
            content.people[i].aliases.retain(|a| a.trim().to_lowercase() != alias);
        }
        content.warnings.push(Warning {
            location: paths[0].clone(),
            message: format!(
                "the alias `{alias}` is claimed by {}: it is not used for any of them (give each person a distinct alias)",
                paths.join(" and ")
            ),
        });
    }
}

/// Articles naming an event that has no file get a warning; the event still gets a page.
fn check_event_links(content: &mut Content) {
    let known: std::collections::HashSet<&str> = content.events.iter().map(|e| e.slug.as_str()).collect();
    for article in &content.articles {
        for event in &article.events {
            if !known.contains(event.as_str()) {
                content.warnings.push(Warning {
                    location: article.path.display().to_string(),
                    message: format!("event `{event}` has no file in {EVENTS_DIR}/: its page has no summary"),
                });
            }
        }
    }
}
