//! What a page tells machines about itself: its title and description for OpenGraph and
//! Twitter cards, its canonical URL, its Atom feed, and schema.org JSON-LD (NewsArticle with
//! the people it mentions, Person, Event). Built from the same data as the page.
//!
//! An article's JSON-LD has no `hasPart` of `Quotation`s: they repeated every quote's text,
//! which the page's text already holds, and none of the search engines or link previews that
//! read a `NewsArticle` reads quotations from it (Google's article data reads the headline,
//! dates, author, publisher and image). `mentions` names each person with their page.

use super::context::SiteContext;
use super::pages::{article::Article, subjects};
use serde::Serialize;
use serde_json::{Value as Json, json};

/// What a page says of itself besides its template: its title and description for cards and
/// search results, and its JSON-LD.
pub struct Meta {
    pub title: String,
    pub description: String,
    pub jsonld: String,
}

/// Absolute under the base URL, or `None` when the site has none.
pub fn canonical(site: &SiteContext, path: &str) -> Option<String> {
    (!site.base_url.is_empty()).then(|| format!("{}/{}", site.base_url.trim_end_matches('/'), path))
}

/// The address of the page at `target` as the page at `page` gives it: absolute under the
/// base URL; without one, relative to `page`'s folder, as a reader of the page resolves it
/// (a path from the site's root would be read from the page's own folder, and be wrong).
fn absolute(site: &SiteContext, page: &str, target: &str) -> String {
    canonical(site, target).unwrap_or_else(|| format!("{}{target}", "../".repeat(page.matches('/').count())))
}

/// Pages after the first of a list or of a person's, event's or organisation's pages say
/// which page they are.
fn paged(title: String, current: usize) -> String {
    if current > 1 { format!("{title}, page {current}") } else { title }
}

pub fn article(site: &SiteContext, path: &str, article: &Article) -> Meta {
    Meta {
        title: article.title.to_string(),
        description: article.summary.map_or_else(|| site.description.clone(), str::to_string),
        // Most pages are articles: serialised straight from the page's context.
        jsonld: script_safe(&news_article(site, path, article)),
    }
}

/// `current`: the page of the person's pages, from 1.
pub fn person(site: &SiteContext, path: &str, person: &subjects::Person, current: usize) -> Meta {
    let name = person.name;
    let role = person.role.map(|r| format!("{name}, {r}: ")).unwrap_or_else(|| format!("{name}: "));
    let counts = match (person.quote_count, person.article_count) {
        (Some(quotes), Some(articles)) => format!("{quotes} quotes in {articles} articles"),
        // A later page: the counts are on the first.
        _ => "what they said, continued".to_string(),
    };
    let named = |kind: &str, name: Option<&str>| name.map_or(Json::Null, |name| json!({"@type": kind, "name": name}));
    let jsonld = json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": name,
        "jobTitle": person.role,
        "affiliation": named("Organization", person.affiliation),
        "nationality": named("Country", person.country),
        "alternateName": person.aliases,
        "url": absolute(site, path, person.url),
    });
    Meta {
        title: paged(name.to_string(), current),
        description: format!("{role}{counts}"),
        jsonld: script_safe(&strip_nulls(jsonld)),
    }
}

pub fn event(site: &SiteContext, path: &str, event: &subjects::Event, current: usize) -> Meta {
    let when = [event.date_display, event.place].into_iter().flatten().collect::<Vec<_>>().join(", ");
    let place = event.place.map_or(Json::Null, |name| json!({"@type": "Place", "name": name}));
    let performers: Vec<Json> =
        event.participants.iter().map(|p| json!({"@type": "Person", "name": p.record.name})).collect();
    let jsonld = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.name,
        "startDate": event.date,
        "location": place,
        "url": absolute(site, path, event.url),
        "performer": performers,
    });
    Meta {
        title: paged(event.name.to_string(), current),
        description: if when.is_empty() { site.description.clone() } else { when },
        jsonld: script_safe(&strip_nulls(jsonld)),
    }
}

/// An organisation's or a place's page.
pub fn entity(site: &SiteContext, path: &str, name: &str, current: usize) -> Meta {
    Meta {
        title: paged(name.to_string(), current),
        description: site.description.clone(),
        jsonld: collection_page(site, path, "Briefings"),
    }
}

pub fn home(site: &SiteContext, path: &str) -> Meta {
    let jsonld = json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.title,
        "description": site.description,
        "url": absolute(site, path, path),
    });
    Meta { title: site.title.clone(), description: site.description.clone(), jsonld: script_safe(&strip_nulls(jsonld)) }
}

pub fn not_found(site: &SiteContext, path: &str) -> Meta {
    Meta {
        title: "Page not found".to_string(),
        description: site.description.clone(),
        jsonld: collection_page(site, path, "Briefings"),
    }
}

/// A list, or the search page, under `heading`.
pub fn collection(site: &SiteContext, path: &str, heading: &str, current: usize) -> Meta {
    Meta {
        title: paged(heading.to_string(), current),
        description: site.description.clone(),
        jsonld: collection_page(site, path, heading),
    }
}

fn collection_page(site: &SiteContext, path: &str, name: &str) -> String {
    let jsonld = json!({
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": absolute(site, path, path),
    });
    script_safe(&strip_nulls(jsonld))
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
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(rename = "isBasedOn", skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a str>,
    mentions: Vec<PersonLd<'a>>,
    publisher: Named<'a>,
    url: String,
}

fn news_article<'a>(site: &'a SiteContext, path: &str, article: &'a Article) -> NewsArticleLd<'a> {
    let publisher = article.source.unwrap_or(&site.title);
    let home = article.source_home;
    let author = match article.author {
        Some(author) => Named { kind: "Person", name: author, url: None },
        None => Named { kind: "Organization", name: publisher, url: home },
    };
    NewsArticleLd {
        context: "https://schema.org",
        kind: "NewsArticle",
        author,
        date: article.date,
        description: article.summary,
        headline: Some(article.title),
        source_url: article.source_url,
        mentions: article
            .people
            .iter()
            .map(|p| PersonLd {
                kind: "Person",
                name: Some(&p.record.name),
                url: p.record.url.as_deref().map(|url| absolute(site, path, url)),
            })
            .collect(),
        publisher: Named { kind: "Organization", name: publisher, url: home },
        url: absolute(site, path, path),
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
