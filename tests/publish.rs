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
    // Who is named, with their pages; the quotes' words are in the page's text, not again here.
    let mentions = article["mentions"].as_array().expect("the people mentioned");
    assert!(
        mentions
            .iter()
            .any(|p| p["name"] == "Vladimir Putin" && p["url"] == format!("{BASE}people/vladimir-putin.html")),
        "{mentions:?}"
    );
    assert!(article.get("hasPart").is_none(), "{article}");
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
    // A quote's page is its article's url and its anchor; nothing without a value is written.
    let articles = read("api/articles.json");
    let article = articles["articles"].as_array().expect("list").iter().find(|a| a["id"] == "talks-close").expect("it");
    let anchor = quote["id"].as_str().expect("an id").split_once('#').expect("article#anchor").1;
    let page = format!("{}#{anchor}", article["url"].as_str().expect("a url"));
    assert!(site.page(page.split('#').next().expect("a path")).contains(&format!("id=\"{anchor}\"")), "{page}");
    for record in
        quotes["quotes"].as_array().expect("list").iter().chain(articles["articles"].as_array().expect("list"))
    {
        let fields = record.as_object().expect("an object");
        assert!(!fields.contains_key("url") || record.get("title").is_some(), "a quote has no url: {record}");
        assert!(
            fields.values().all(|v| !v.is_null() && v != &serde_json::json!(false) && v != &serde_json::json!([])),
            "no null, false or empty field: {record}"
        );
    }
    let people = read("api/people.json");
    let putin = people["people"].as_array().expect("list").iter().find(|p| p["id"] == "vladimir-putin").expect("Putin");
    assert!(putin["quotes"].as_array().expect("ids").contains(&quote["id"]));
    let events = read("api/events.json");
    assert_eq!(events["events"][0]["articles"], serde_json::json!(["talks-open", "talks-close"]));
}

/// What the search page's script does with a query: each term's shard, the postings of the
/// terms summed per document, the documents with every term first, best first: their URLs.
fn search(site: &TestSite, query: &str) -> Vec<String> {
    let read = |path: &str| -> serde_json::Value { serde_json::from_str(&site.page(path)).expect(path) };
    let meta = read("search/meta.json");
    let shards = meta["shards"].as_u64().expect("shards") as usize;
    let per_chunk = meta["docs_per_chunk"].as_u64().expect("chunk size") as usize;
    let mut terms = Vec::new();
    brief::render::search::terms(query, |t| terms.push(t.to_string()));
    let mut found: std::collections::BTreeMap<u64, (usize, u64)> = Default::default();
    for term in &terms {
        let shard = read(&format!("search/terms/{}.json", brief::render::search::shard_of(term, shards)));
        let list: Vec<u64> =
            shard[term].as_array().map(|l| l.iter().filter_map(|n| n.as_u64()).collect()).unwrap_or_default();
        let mut doc = 0;
        for pair in list.chunks(2) {
            doc += pair[0];
            let hit = found.entry(doc).or_default();
            *hit = (hit.0 + 1, hit.1 + pair[1]);
        }
    }
    let mut ranked: Vec<(u64, (usize, u64))> = found.into_iter().filter(|(_, (n, _))| *n == terms.len()).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(doc, _)| {
            let chunk = read(&format!("search/docs/{}.json", doc as usize / per_chunk));
            chunk[doc as usize % per_chunk][1].as_str().expect("url").to_string()
        })
        .collect()
}

#[test]
fn search_finds_words_of_the_text_names_and_quotes_and_the_lists_work_without_it() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    // "hours" is only in the text of one article; a plural finds the singular, accents and case fold.
    assert_eq!(search(&site, "hours"), ["articles/talks-close.html"]);
    assert_eq!(search(&site, "HOUR"), ["articles/talks-close.html"]);
    assert_eq!(search(&site, "both sides wanted"), ["articles/talks-close.html"], "a quote's words find its article");
    assert_eq!(
        search(&site, "Pütin").first().map(String::as_str),
        Some("people/vladimir-putin.html"),
        "a name ranks its page first"
    );
    assert!(search(&site, "the and of").is_empty(), "words too common to search for are not in the index");
    assert!(search(&site, "draft unfinished").is_empty(), "drafts are not published, nor searchable");
    let page = site.page("search.html");
    assert!(page.contains("search.js"));
    assert!(page.contains("people/index.html"), "without JavaScript the page still offers the lists");
    assert!(!site.root().join("public/search.json").exists());
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
    assert!(first.contains("Older →"), "articles are newest first");
    let people = site.page("people/index.html");
    assert!(people.contains("Next →") && !people.contains("Older"), "people are by name, not by time: {people}");
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

/// Twelve more articles at the harbour talks, 1 to 12 July 2025, each with one numbered quote
/// by Putin, three articles a page.
fn site_with_many_quotes() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("brief.yaml", format!("title: Paged\nbase_url: {BASE}\npaginate: 3\n"));
    for day in 1..=12 {
        site.write(
            &format!("content/articles/day-{day:02}.md"),
            format!(
                "---\ntitle: Day {day}\ndate: 2025-07-{day:02}\nevent: harbour-talks\n---\n\
                 “Remark number {day} stands,” Vladimir Putin said.\n"
            ),
        );
    }
    site.build_ok();
    site
}

/// A subject's pages in order: its own page, then `<stem>/page/2.html` and on while they exist.
fn subject_pages(site: &TestSite, first: &str) -> Vec<String> {
    let stem = first.trim_end_matches(".html");
    let more = (2..).map(|n| format!("{stem}/page/{n}.html")).take_while(|p| site.output().join(p).exists());
    std::iter::once(first.to_string()).chain(more).collect()
}

/// A page's text from the heading `id="<id>"` to the next heading of its level.
fn section<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    &rest[..rest.find("<h2").unwrap_or(rest.len())]
}

/// Each page links to the one before and after it (rel prev and next) and to the first and
/// last, in its pagination nav.
fn assert_linked_in_order(site: &TestSite, pages: &[String]) {
    for (k, page) in pages.iter().enumerate() {
        let html = site.page(page);
        let nav = &html[html.find("class=\"pagination\"").unwrap_or_else(|| panic!("{page}: no pagination"))..];
        let nav = &nav[..nav.find("</nav>").expect("end of nav")];
        let root = "../".repeat(page.matches('/').count());
        let link = |to: &str| nav.contains(&format!("href=\"{root}{to}\""));
        assert!(link(&pages[0]) || k == 0, "{page} does not link to the first page: {nav}");
        assert!(link(&pages[pages.len() - 1]) || k == pages.len() - 1, "{page} does not link to the last: {nav}");
        if k > 0 {
            assert!(nav.contains(&format!("rel=\"prev\" href=\"{root}{}\"", pages[k - 1])), "{page}: {nav}");
        }
        if k + 1 < pages.len() {
            assert!(nav.contains(&format!("rel=\"next\" href=\"{root}{}\"", pages[k + 1])), "{page}: {nav}");
        }
    }
}

#[test]
fn a_person_with_many_quotes_gets_pages_that_keep_every_quote_once_and_the_profile_first() {
    let site = site_with_many_quotes();
    let pages = subject_pages(&site, "people/vladimir-putin.html");
    // 14 articles name him (the fixture's two and twelve more), three a page.
    assert_eq!(pages.len(), 5, "{pages:?}");
    assert_linked_in_order(&site, &pages);
    let html: Vec<String> = pages.iter().map(|p| site.page(p)).collect();

    let mut quotes: Vec<String> = (1..=12).map(|day| format!("Remark number {day} stands")).collect();
    quotes.extend(["Next time in Moscow", "both sides wanted results", "find a path to peace"].map(String::from));
    for quote in &quotes {
        let on: Vec<&String> = pages
            .iter()
            .zip(&html)
            .filter(|(_, h)| section(h, "said").contains(quote.as_str()))
            .map(|(p, _)| p)
            .collect();
        assert_eq!(on.len(), 1, "{quote} is on {on:?}");
    }
    let mut articles: Vec<String> = (1..=12).map(|day| format!("articles/day-{day:02}.html")).collect();
    articles.extend(["articles/talks-open.html", "articles/talks-close.html"].map(String::from));
    // Each article once in all: under its quotes, or in the list of the others that mention him.
    let listed = |h: &str| {
        let others = if h.contains("id=\"appears\"") { section(h, "appears") } else { "" };
        [section(h, "said"), others].concat()
    };
    for article in &articles {
        let on: usize = html.iter().map(|h| listed(h).matches(&format!("{article}\"")).count()).sum();
        assert_eq!(on, 1, "{article} is shown {on} times");
    }
    // Newest first: the talks on the first page, the first days of July on the last.
    assert!(section(&html[0], "said").contains("Next time in Moscow"));
    assert!(section(&html[4], "said").contains("Remark number 1 stands"));

    // The first page keeps the profile, the counts and what is about all of his quotes.
    assert!(html[0].contains("President of <strong>Russia</strong>"), "the bio");
    assert!(html[0].contains("15 quotes in 14 articles"), "the counts");
    for id in ["over-time", "alongside", "person-events"] {
        assert!(html[0].contains(&format!("id=\"{id}\"")), "first page has #{id}");
        assert!(html[1..].iter().all(|h| !h.contains(&format!("id=\"{id}\""))), "only the first page has #{id}");
    }
    assert!(html[2].contains("Page 3 of 5") && html[2].contains("<title>Vladimir Putin, page 3"), "{}", html[2]);
    assert!(json_ld_blocks(&html[2])[0]["url"].as_str().is_some_and(|u| u.ends_with("people/vladimir-putin.html")));
    // The feed holds his newest quotes, not every page's.
    assert!(site.page("people/vladimir-putin.xml").contains("Next time in Moscow"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn an_event_with_many_articles_gets_pages_oldest_first_that_keep_every_quote_once() {
    let site = site_with_many_quotes();
    let pages = subject_pages(&site, "events/harbour-talks.html");
    assert_eq!(pages.len(), 5, "{pages:?}");
    assert_linked_in_order(&site, &pages);
    let html: Vec<String> = pages.iter().map(|p| site.page(p)).collect();
    let mut quotes: Vec<String> = (1..=12).map(|day| format!("Remark number {day} stands")).collect();
    quotes.extend(
        ["Next time in Moscow", "both sides wanted results", "find a path to peace", "no deal until"].map(String::from),
    );
    for quote in &quotes {
        let on = html.iter().filter(|h| section(h, "what-was-said").contains(quote.as_str())).count();
        assert_eq!(on, 1, "{quote} is on {on} pages");
    }
    // Each article once in all: heading its quotes, or among the other sources.
    let listed = |h: &str| {
        let others = if h.contains("id=\"sources\"") { section(h, "sources") } else { "" };
        [section(h, "what-was-said"), others].concat()
    };
    for day in 1..=12 {
        let article = format!("articles/day-{day:02}.html");
        let on: usize = html.iter().map(|h| listed(h).matches(&format!("{article}\"")).count()).sum();
        assert_eq!(on, 1, "{article} is shown {on} times");
    }
    // Oldest first: early July on the first page, the talks themselves on the last.
    assert!(section(&html[0], "what-was-said").contains("Remark number 1 stands"));
    assert!(section(&html[4], "what-was-said").contains("Next time in Moscow"));
    assert!(html[1].contains("rel=\"prev\"") && html[1].contains("← Earlier"), "{}", html[1]);
    // The first page keeps the summary and what is about the whole event.
    assert!(html[0].contains("Two leaders met at a harbour"), "the summary");
    for id in ["participants", "over-time", "who-spoke"] {
        assert!(html[0].contains(&format!("id=\"{id}\"")), "first page has #{id}");
        assert!(html[1..].iter().all(|h| !h.contains(&format!("id=\"{id}\""))), "only the first page has #{id}");
    }
    assert!(html[1..].iter().all(|h| !h.contains("Two leaders met at a harbour")));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn feeds_hold_the_newest_entries_only() {
    let site = TestSite::fixture("basic");
    for n in 1..=60 {
        let day = (n - 1) % 28 + 1;
        let month = 5 + (n - 1) / 28;
        site.write(
            &format!("content/articles/note-{n:02}.md"),
            format!("---\ntitle: Note {n}\ndate: 2025-{month:02}-{day:02}\nevent: harbour-talks\n---\n“Point {n} is made,” Vladimir Putin said.\n"),
        );
    }
    site.build_ok();
    let parse = |rel: &str| feed_rs::parser::parse(site.page(rel).as_bytes()).expect("a feed");
    let person = parse("people/vladimir-putin.xml");
    assert_eq!(person.entries.len(), brief::render::publish::SUBJECT_FEED_ENTRIES);
    let titles: Vec<String> =
        person.entries.iter().filter_map(|e| e.title.as_ref().map(|t| t.content.clone())).collect();
    assert!(titles[0].contains("Next time in Moscow"), "newest first: {titles:?}");
    assert_eq!(parse("events/harbour-talks.xml").entries.len(), brief::render::publish::SUBJECT_FEED_ENTRIES);
}

/// Every `url` in a JSON-LD value, at any depth.
fn json_ld_urls(value: &serde_json::Value, urls: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match v {
                    serde_json::Value::String(url) if key == "url" => urls.push(url.clone()),
                    _ => json_ld_urls(v, urls),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_ld_urls(v, urls)),
        _ => {}
    }
}

#[test]
fn without_a_base_url_structured_data_points_at_pages_that_exist_from_where_it_stands() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("brief.yaml")).expect("brief.yaml");
    let config: String = config.lines().filter(|l| !l.starts_with("base_url:")).map(|l| format!("{l}\n")).collect();
    site.write("brief.yaml", config);
    site.build_ok();
    let output = site.output();
    let mut checked = 0;
    for page in ["articles/talks-open.html", "people/vladimir-putin.html", "events/harbour-talks.html", "index.html"] {
        let folder = std::path::Path::new(page).parent().expect("a folder");
        let mut urls = Vec::new();
        for block in json_ld_blocks(&site.page(page)) {
            json_ld_urls(&block, &mut urls);
        }
        assert!(!urls.is_empty(), "{page} names no url");
        for url in urls {
            // As a reader of the page resolves it: from the page's own folder.
            let target = output.join(folder).join(&url);
            assert!(target.is_file(), "{page}: {url} resolves to nothing");
            checked += 1;
        }
    }
    assert!(checked >= 6, "{checked} urls checked");
}
