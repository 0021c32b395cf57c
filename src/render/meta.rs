//! What a page tells machines about itself: its title and description for OpenGraph and
//! Twitter cards, its canonical URL, its Atom feed, and schema.org JSON-LD (NewsArticle,
//! Person, Event, Quotation with its speaker). Built from the same data as the page.

use super::context::SiteContext;
use serde_json::{Value, json};

/// Absolute under the base URL, or `None` when the site has none.
pub fn canonical(site: &SiteContext, path: &str) -> Option<String> {
    (!site.base_url.is_empty()).then(|| format!("{}/{}", site.base_url.trim_end_matches('/'), path))
}

/// The page's title and description for cards and search results. Pages after the first of
/// a list or of a person's, event's or organisation's pages say which page they are.
pub fn title_and_description(site: &SiteContext, kind: &str, data: &Value) -> (String, String) {
    let (title, description) = first_page_title_and_description(site, kind, data);
    match data["pagination"]["current"].as_u64() {
        Some(page) if page > 1 => (format!("{title}, page {page}"), description),
        _ => (title, description),
    }
}

fn first_page_title_and_description(site: &SiteContext, kind: &str, data: &Value) -> (String, String) {
    let text = |v: &Value| v.as_str().map(str::to_string);
    match kind {
        "article" => {
            let a = &data["article"];
            (text(&a["title"]).unwrap_or_default(), text(&a["summary"]).unwrap_or_else(|| site.description.clone()))
        }
        "person" => {
            let p = &data["person"];
            let name = text(&p["name"]).unwrap_or_default();
            let role = text(&p["role"]).map(|r| format!("{name}, {r}: ")).unwrap_or_else(|| format!("{name}: "));
            let counts = match (p["quote_count"].as_u64(), p["article_count"].as_u64()) {
                (Some(quotes), Some(articles)) => format!("{quotes} quotes in {articles} articles"),
                // A later page: the counts are on the first.
                _ => "what they said, continued".to_string(),
            };
            (name, format!("{role}{counts}"))
        }
        "event" => {
            let e = &data["event"];
            let name = text(&e["name"]).unwrap_or_default();
            let when =
                [text(&e["date_display"]), text(&e["place"])].into_iter().flatten().collect::<Vec<_>>().join(", ");
            (name, if when.is_empty() { site.description.clone() } else { when })
        }
        "organisation" | "place" => (text(&data["entity"]["name"]).unwrap_or_default(), site.description.clone()),
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
    let url = |p: &Value| p.as_str().map(|p| canonical(site, p).unwrap_or_else(|| p.to_string()));
    let value = match kind {
        "article" => {
            let a = &data["article"];
            let quotes: Vec<Value> = a["quotes"]
                .as_array()
                .map(|qs| {
                    qs.iter()
                        .map(|q| {
                            let speaker = if q["speaker"].is_null() {
                                Value::Null
                            } else {
                                json!({"@type": "Person", "name": q["speaker"]["name"], "url": url(&q["speaker"]["url"])})
                            };
                            json!({"@type": "Quotation", "text": q["text"], "spokenByCharacter": speaker, "url": url(&q["url"])})
                        })
                        .collect()
                })
                .unwrap_or_default();
            let people: Vec<Value> = a["people"]
                .as_array()
                .map(|ps| {
                    ps.iter().map(|p| json!({"@type": "Person", "name": p["name"], "url": url(&p["url"])})).collect()
                })
                .unwrap_or_default();
            let publisher = a["source"].as_str().unwrap_or(&site.title).to_string();
            let author = match a["author"].as_str() {
                Some(author) => json!({"@type": "Person", "name": author}),
                None => json!({"@type": "Organization", "name": publisher}),
            };
            json!({
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": a["title"],
                "datePublished": a["date"],
                "author": author,
                "publisher": {"@type": "Organization", "name": publisher},
                "url": url(&Value::from(path)),
                "isBasedOn": a["source_url"],
                "description": a["summary"],
                "mentions": people,
                "hasPart": quotes,
            })
        }
        "person" => {
            let p = &data["person"];
            json!({
                "@context": "https://schema.org",
                "@type": "Person",
                "name": p["name"],
                "jobTitle": p["role"],
                "affiliation": if p["affiliation"].is_null() { Value::Null } else { json!({"@type": "Organization", "name": p["affiliation"]}) },
                "nationality": if p["country"].is_null() { Value::Null } else { json!({"@type": "Country", "name": p["country"]}) },
                "alternateName": p["aliases"],
                "url": url(&p["url"]),
            })
        }
        "event" => {
            let e = &data["event"];
            json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": e["name"],
                "startDate": e["date"],
                "location": if e["place"].is_null() { Value::Null } else { json!({"@type": "Place", "name": e["place"]}) },
                "url": url(&e["url"]),
                "performer": e["participants"].as_array().map(|ps| ps.iter().map(|p| json!({"@type": "Person", "name": p["name"]})).collect::<Vec<_>>()),
            })
        }
        "index" => json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.title,
            "description": site.description,
            "url": url(&Value::from(path)),
        }),
        _ => json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": heading(kind),
            "url": url(&Value::from(path)),
        }),
    };
    let value = strip_nulls(value);
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// JSON-LD readers prefer absent keys to nulls.
fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, strip_nulls(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}
