//! What a page tells machines about itself: its title and description for OpenGraph and
//! Twitter cards, its canonical URL, its Atom feed, and schema.org JSON-LD (NewsArticle,
//! Person, Event, Quotation with its speaker). Built from the same data as the page.

use super::context::SiteContext;
use serde::Serialize;
use serde_json::{Value as Json, json};
use tera::Value;

/// The text at a dotted path of a page's data ("article.title"), if there is one.
fn text(data: &Value, path: &str) -> Option<String> {
    data.get_from_path(path).and_then(Value::as_str).map(str::to_string)
}

/// The same as JSON: a string, or null.
fn json_text(data: &Value, path: &str) -> Json {
    text(data, path).map_or(Json::Null, Json::from)
}

/// The list at a dotted path, or nothing.
fn items<'v>(data: &'v Value, path: &'v str) -> &'v [Value] {
    data.get_from_path(path).and_then(Value::as_array).unwrap_or_default()
}

/// Absolute under the base URL, or `None` when the site has none.
pub fn canonical(site: &SiteContext, path: &str) -> Option<String> {
    (!site.base_url.is_empty()).then(|| format!("{}/{}", site.base_url.trim_end_matches('/'), path))
}

/// The page's title and description for cards and search results. Pages after the first of
/// a list or of a person's, event's or organisation's pages say which page they are.
pub fn title_and_description(site: &SiteContext, kind: &str, data: &Value) -> (String, String) {
    let (title, description) = first_page_title_and_description(site, kind, data);
    match data.get_from_path("pagination.current").and_then(Value::as_u64) {
        Some(page) if page > 1 => (format!("{title}, page {page}"), description),
        _ => (title, description),
    }
}

fn first_page_title_and_description(site: &SiteContext, kind: &str, data: &Value) -> (String, String) {
    let count = |path: &str| data.get_from_path(path).and_then(Value::as_u64);
    match kind {
        "article" => (
            text(data, "article.title").unwrap_or_default(),
            text(data, "article.summary").unwrap_or_else(|| site.description.clone()),
        ),
        "person" => {
            let name = text(data, "person.name").unwrap_or_default();
            let role =
                text(data, "person.role").map(|r| format!("{name}, {r}: ")).unwrap_or_else(|| format!("{name}: "));
            let counts = match (count("person.quote_count"), count("person.article_count")) {
                (Some(quotes), Some(articles)) => format!("{quotes} quotes in {articles} articles"),
                // A later page: the counts are on the first.
                _ => "what they said, continued".to_string(),
            };
            (name, format!("{role}{counts}"))
        }
        "event" => {
            let name = text(data, "event.name").unwrap_or_default();
            let when = [text(data, "event.date_display"), text(data, "event.place")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            (name, if when.is_empty() { site.description.clone() } else { when })
        }
        "organisation" | "place" => (text(data, "entity.name").unwrap_or_default(), site.description.clone()),
        "index" => (site.title.clone(), site.description.clone()),
        "404" => ("Page not found".to_string(), site.description.clone()),
        _ => (heading(kind).to_string(), site.description.clone()),
    }
}

fn heading(kind: &str) -> &'static str {
    match kind {
        "articles" => "Articles",
        "people" => "People",
        "events" => "Events",
        "organisations" => "Organisations",
        "places" => "Places",
        "search" => "Search",
        _ => "Briefings",
    }
}

/// schema.org JSON-LD for the page, escaped so that it is safe inside `<script>`.
pub fn json_ld(site: &SiteContext, path: &str, kind: &str, data: &Value) -> String {
    if kind == "article" {
        // Most pages are articles: serialised straight from the page's data.
        return script_safe(&news_article(site, path, data));
    }
    let url = |p: &str| canonical(site, p).unwrap_or_else(|| p.to_string());
    let url_at = |v: &Value, path: &str| text(v, path).map_or(Json::Null, |p| Json::from(url(&p)));
    let value = match kind {
        "person" => {
            let named = |kind: &str, path: &str| match text(data, path) {
                Some(name) => json!({"@type": kind, "name": name}),
                None => Json::Null,
            };
            let aliases: Vec<Json> =
                items(data, "person.aliases").iter().map(|a| a.as_str().map_or(Json::Null, Json::from)).collect();
            json!({
                "@context": "https://schema.org",
                "@type": "Person",
                "name": json_text(data, "person.name"),
                "jobTitle": json_text(data, "person.role"),
                "affiliation": named("Organization", "person.affiliation"),
                "nationality": named("Country", "person.country"),
                "alternateName": aliases,
                "url": url_at(data, "person.url"),
            })
        }
        "event" => {
            let place = match text(data, "event.place") {
                Some(name) => json!({"@type": "Place", "name": name}),
                None => Json::Null,
            };
            let performers: Vec<Json> = items(data, "event.participants")
                .iter()
                .map(|p| json!({"@type": "Person", "name": json_text(p, "name")}))
                .collect();
            json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": json_text(data, "event.name"),
                "startDate": json_text(data, "event.date"),
                "location": place,
                "url": url_at(data, "event.url"),
                "performer": performers,
            })
        }
        "index" => json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.title,
            "description": site.description,
            "url": url(path),
        }),
        _ => json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": heading(kind),
            "url": url(path),
        }),
    };
    script_safe(&strip_nulls(value))
}

/// `value` as JSON made safe inside `<script>`: `<`, `>` and `&` written as \u escapes while
/// it is serialised (they can only stand in strings), not in a second pass over the text.
fn script_safe(value: &impl Serialize) -> String {
    struct ScriptSafe;
    impl serde_json::ser::Formatter for ScriptSafe {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            out: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            let mut plain = 0;
            // The marks are rare: found with memchr's SIMD search rather than a byte at a time.
            for i in memchr::memchr3_iter(b'<', b'>', b'&', fragment.as_bytes()) {
                let escape = match fragment.as_bytes()[i] {
                    b'<' => "\\u003c",
                    b'>' => "\\u003e",
                    _ => "\\u0026",
                };
                out.write_all(&fragment.as_bytes()[plain..i])?;
                out.write_all(escape.as_bytes())?;
                plain = i + 1;
            }
            out.write_all(&fragment.as_bytes()[plain..])
        }
    }
    let mut json = Vec::with_capacity(2048);
    if value.serialize(&mut serde_json::Serializer::with_formatter(&mut json, ScriptSafe)).is_err() {
        return String::new();
    }
    String::from_utf8(json).unwrap_or_default()
}

/// A schema.org thing with a type and a name (an author, a publisher).
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// A person named or quoted in an article. Keys in sorted order, as the other kinds of page
/// give them (serde_json's maps are sorted); absent values are left out, not null.
#[derive(Serialize)]
struct PersonLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct QuotationLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "spokenByCharacter", skip_serializing_if = "Option::is_none")]
    speaker: Option<PersonLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct NewsArticleLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Named<'a>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(rename = "hasPart")]
    quotes: Vec<QuotationLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(rename = "isBasedOn", skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a str>,
    mentions: Vec<PersonLd<'a>>,
    publisher: Named<'a>,
    url: String,
}

fn news_article<'a>(site: &'a SiteContext, path: &str, data: &'a Value) -> NewsArticleLd<'a> {
    let at = |v: &'a Value, path: &'static str| v.get_from_path(path).and_then(Value::as_str);
    let url = |p: &str| canonical(site, p).unwrap_or_else(|| p.to_string());
    let person = |v: &'a Value, name: &'static str, link: &'static str| PersonLd {
        kind: "Person",
        name: at(v, name),
        url: at(v, link).map(url),
    };
    let quotes = items(data, "article.quotes")
        .iter()
        .map(|q| QuotationLd {
            kind: "Quotation",
            speaker: at(q, "speaker.name").map(|_| person(q, "speaker.name", "speaker.url")),
            text: at(q, "text"),
            url: at(q, "url").map(url),
        })
        .collect();
    let publisher = at(data, "article.source").unwrap_or(&site.title);
    let home = at(data, "article.source_home");
    let author = match at(data, "article.author") {
        Some(author) => Named { kind: "Person", name: author, url: None },
        None => Named { kind: "Organization", name: publisher, url: home },
    };
    NewsArticleLd {
        context: "https://schema.org",
        kind: "NewsArticle",
        author,
        date: at(data, "article.date"),
        description: at(data, "article.summary"),
        quotes,
        headline: at(data, "article.title"),
        source_url: at(data, "article.source_url"),
        mentions: items(data, "article.people").iter().map(|p| person(p, "name", "url")).collect(),
        publisher: Named { kind: "Organization", name: publisher, url: home },
        url: url(path),
    }
}

/// JSON-LD readers prefer absent keys to nulls.
fn strip_nulls(value: Json) -> Json {
    match value {
        Json::Object(map) => {
            Json::Object(map.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, strip_nulls(v))).collect())
        }
        Json::Array(items) => Json::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}
