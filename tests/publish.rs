//! Publishing: base URLs with a path, feeds, sitemap, structured data, the JSON API, search,
//! pagination, and `brief check`.

mod common;

use common::TestSite;

const BASE: &str = "https://example.org/briefings/";

fn json_ld_blocks(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            let end = rest.find("</script>").expect("closed script");
            serde_json::from_str(&rest[..end])
                .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{}", &rest[..end]))
        })
        .collect()
}

#[test]
fn a_base_url_with_a_path_gives_canonical_urls_and_relative_links_still_resolve() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let person = site.page("people/vladimir-putin.html");
    assert!(person.contains(&format!("<link rel=\"canonical\" href=\"{BASE}people/vladimir-putin.html\"")), "{person}");
    assert!(person.contains("property=\"og:title\""));
    assert!(person.contains("name=\"twitter:card\""));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    // Internal links are relative, so the site also works from disk and under the path.
    for href in common::attribute_values(&person, "href") {
        assert!(!href.starts_with('/'), "root-absolute link {href} breaks under a path prefix");
    }
}

#[test]
fn feeds_parse_and_follow_the_site_a_person_and_an_event() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let parse = |rel: &str| {
        let xml = site.page(rel);
        feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{rel} is not a feed: {e}"))
    };
    let all = parse("feed.xml");
    assert_eq!(all.entries.len(), 3);
    assert!(all.entries.iter().all(|e| e.links[0].href.starts_with(BASE)));
    let putin = parse("people/vladimir-putin.xml");
    let titles: Vec<String> =
        putin.entries.iter().filter_map(|e| e.title.as_ref().map(|t| t.content.clone())).collect();
    assert!(titles.iter().any(|t| t.contains("Next time in Moscow")), "{titles:?}");
    assert!(titles.iter().all(|t| !t.contains("no deal until")), "{titles:?}");
    let event = parse("events/harbour-talks.xml");
    assert_eq!(event.entries.len(), 2);
    // Pages point readers at their feed.
    assert!(site.page("people/vladimir-putin.html").contains("vladimir-putin.xml"));
}

#[test]
fn the_sitemap_is_xml_and_lists_every_page_under_the_base_url() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let xml = site.page("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml parses as XML");
    let locs: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    assert!(locs.contains(&"https://example.org/briefings/people/vladimir-putin.html"), "{locs:?}");
    for loc in &locs {
        let rel = loc.strip_prefix(BASE).expect("under the base URL");
        assert!(site.output().join(rel).is_file(), "{loc} has no file");
    }
    let html_pages = site.files().keys().filter(|p| p.ends_with(".html") && p.as_str() != "404.html").count();
    assert_eq!(locs.len(), html_pages);
    assert!(site.page("robots.txt").contains("Sitemap: https://example.org/briefings/sitemap.xml"));
}

#[test]
fn every_page_carries_json_ld_of_the_right_type() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let expect = [
        ("articles/talks-open.html", "NewsArticle"),
        ("people/vladimir-putin.html", "Person"),
        ("events/harbour-talks.html", "Event"),
        ("index.html", "WebSite"),
    ];
    for (page, kind) in expect {
        let blocks = json_ld_blocks(&site.page(page));
        assert_eq!(blocks.len(), 1, "{page}");
        assert_eq!(blocks[0]["@type"], kind, "{page}");
    }
    let article = &json_ld_blocks(&site.page("articles/talks-open.html"))[0];
    assert_eq!(article["datePublished"], "2025-08-15");
    assert_eq!(article["publisher"]["name"], "Fixture Wire");
    assert_eq!(article["author"]["name"], "A. Reporter");
    let quotes = article["hasPart"].as_array().expect("quotations");
    assert!(quotes.iter().all(|q| q["@type"] == "Quotation"));
    assert!(quotes.iter().any(|q| q["spokenByCharacter"]["name"] == "Vladimir Putin"), "{quotes:?}");
    for (path, bytes) in site.files() {
        if path.ends_with(".html") && path != "404.html" {
            let html = String::from_utf8_lossy(&bytes);
            assert_eq!(json_ld_blocks(&html).len(), 1, "{path} has no JSON-LD");
        }
    }
}

#[test]
fn the_json_api_links_quotes_people_articles_and_events_by_stable_ids() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let read = |rel: &str| -> serde_json::Value { serde_json::from_str(&site.page(rel)).expect("JSON") };
    let quotes = read("api/quotes.json");
    let quote = quotes["quotes"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains("Next time in Moscow")))
        .expect("the quote is in the API");
    assert_eq!(quote["speaker"], "person/vladimir-putin");
    assert_eq!(quote["article"], "talks-close");
    let people = read("api/people.json");
    let putin = people["people"].as_array().expect("list").iter().find(|p| p["id"] == "vladimir-putin").expect("Putin");
    assert!(putin["quotes"].as_array().expect("ids").contains(&quote["id"]));
    let events = read("api/events.json");
    assert_eq!(events["events"][0]["articles"], serde_json::json!(["talks-open", "talks-close"]));
}

#[test]
fn search_has_an_index_and_a_page_and_the_lists_work_without_it() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let index: serde_json::Value = serde_json::from_str(&site.page("search.json")).expect("JSON");
    let entries = index.as_array().expect("a list");
    assert!(entries.iter().any(|e| e["kind"] == "person" && e["title"] == "Vladimir Putin"));
    assert!(
        entries.iter().any(|e| e["kind"] == "quote" && e["title"].as_str().is_some_and(|t| t.contains("Next time")))
    );
    let page = site.page("search.html");
    assert!(page.contains("search.js"));
    assert!(page.contains("people/index.html"), "without JavaScript the page still offers the lists");
}

#[test]
fn long_lists_are_paginated() {
    let site = TestSite::fixture("basic");
    site.write("brief.yaml", format!("title: Paged\nbase_url: {BASE}\npaginate: 1\n"));
    site.build_ok();
    let first = site.page("articles/index.html");
    assert!(first.contains("page/2.html"), "{first}");
    let third = site.page("articles/page/3.html");
    assert!(!third.contains("page/4.html"));
    assert!(!site.output().join("articles/page/4.html").exists());
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn a_long_list_links_to_nearby_pages_and_both_ends_not_to_every_page() {
    let site = TestSite::fixture("basic");
    site.write("brief.yaml", format!("title: Paged\nbase_url: {BASE}\npaginate: 1\n"));
    for day in 1..=17 {
        site.write(
            &format!("content/articles/day-{day:02}.md"),
            format!("---\ntitle: Day {day}\ndate: 2025-07-{day:02}\n---\nNothing happened.\n"),
        );
    }
    site.build_ok();
    let pages = 1 + (2..).take_while(|n| site.output().join(format!("articles/page/{n}.html")).exists()).count();
    assert_eq!(pages, 20, "3 articles and 17 more, one a page");
    let nav = |page: &str| -> String {
        let html = site.page(page);
        let nav = &html[html.find("class=\"pagination\"").expect("pagination")..];
        nav[..nav.find("</nav>").expect("end of nav")].to_string()
    };
    let links =
        |nav: &str| -> Vec<usize> { (2..=pages).filter(|n| nav.contains(&format!("page/{n}.html\""))).collect() };
    // Page 10: pages 8 to 12 and both ends, with a gap either side.
    let tenth = nav("articles/page/10.html");
    assert_eq!(links(&tenth), vec![8, 9, 11, 12, 20], "{tenth}");
    assert!(tenth.contains("articles/index.html\""), "{tenth}");
    assert_eq!(tenth.matches('…').count(), 2, "{tenth}");
    // Page 1: the next two and the last.
    let first = nav("articles/index.html");
    assert_eq!(links(&first), vec![2, 3, 20], "{first}");
    assert_eq!(first.matches('…').count(), 1, "{first}");
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn check_finds_a_broken_link_an_unattributed_quote_and_a_near_duplicate_name() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/planted.md",
        "---\ntitle: Planted problems\ndate: 2025-08-20\nsource: Fixture Wire\n---\n\
         See [the missing page](../people/nobody-at-all.html).\n\n\
         “Peace is near and the road is long.”\n\n\
         “We will keep talking to everyone who listens,” said Donald Trupm.\n",
    );
    let report = brief::check::check(site.root(), &Default::default()).expect("check runs");
    let has = |check: &str, text: &str| report.findings.iter().any(|f| f.check == check && f.message.contains(text));
    assert!(has("link", "nobody-at-all.html"), "{:#?}", report.findings);
    assert!(has("speaker", "Peace is near"), "{:#?}", report.findings);
    assert!(has("duplicate", "Trupm"), "{:#?}", report.findings);

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .expect("run brief check");
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert!(json["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn check_passes_on_the_example_site() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = brief::check::check(root, &Default::default()).expect("check runs");
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert!(report.pages > 20 && report.links > 100, "{} pages, {} links", report.pages, report.links);
}
