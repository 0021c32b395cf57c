//! Event discovery on whole sites: articles that report one happening become one event page;
//! opinion and lone articles stay out; registry events win; editors' decisions in
//! `content/events.yaml` hold; an event's address does not move when articles join it; the
//! preview, which keeps each article's terms, finds what a full build finds after a save.

mod common;

use brief::session::Session;
use common::{TestSite, tree};
use serde_json::Value;
use std::path::PathBuf;

/// Three reports of a bridge collapse, two of a trade summit, an opinion piece on the
/// collapse, and unrelated articles on other days and subjects.
fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    for entry in std::fs::read_dir(site.root().join("content/articles")).expect("articles") {
        std::fs::remove_file(entry.expect("entry").path()).expect("remove");
    }
    std::fs::remove_file(site.root().join("content/events/harbour-talks.md")).expect("remove");
    for (slug, text) in articles() {
        site.write(&format!("content/articles/{slug}.md"), text);
    }
    site
}

fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\nsource: Test Wire\n{extra}---\n{body}\n")
}

const BRIDGE: &str = "The Helsinki harbour bridge collapsed into the estuary on Monday night, and rescue divers searched the wreckage until dawn. Engineers said corrosion in the steel cables of the Helsinki bridge had been reported to the council.\n\n“We will find out why this bridge fell,” Mayor Lena Varga said at the harbour.";

fn articles() -> Vec<(String, String)> {
    let mut list = vec![
        (
            "bridge-falls".to_string(),
            article("Helsinki harbour bridge collapses into estuary", "2025-03-10", "", BRIDGE),
        ),
        (
            "bridge-divers".to_string(),
            article(
                "Divers search wreckage of Helsinki bridge collapse",
                "2025-03-11",
                "",
                "Rescue divers searched the wreckage of the collapsed Helsinki harbour bridge in the estuary. Engineers blamed corrosion in the steel cables.\n\n“The divers worked through the night at the bridge,” Mayor Lena Varga said.",
            ),
        ),
        (
            "bridge-cables".to_string(),
            article(
                "Corroded cables behind Helsinki bridge collapse, engineers say",
                "2025-03-11",
                "",
                "Engineers examining the collapsed Helsinki harbour bridge found corrosion in the steel cables, reported to the council last year. Divers left the estuary wreckage at dawn.\n\n“The council was warned about the cables,” said Mayor Lena Varga.",
            ),
        ),
        (
            "summit-opens".to_string(),
            article(
                "Geneva trade summit opens with tariff talks",
                "2025-03-12",
                "",
                "Ministers met in Geneva for the trade summit, where tariffs on grain and timber led the agenda. Trade minister Arno Pell opened the summit.\n\n“Tariffs hurt every farmer,” Arno Pell said in Geneva.",
            ),
        ),
        (
            "summit-tariffs".to_string(),
            article(
                "Geneva summit ministers agree to cut grain tariffs",
                "2025-03-13",
                "",
                "Trade ministers at the Geneva summit agreed to cut tariffs on grain, while timber tariffs stay. Arno Pell called the summit a success.\n\n“Grain tariffs fall this spring,” Arno Pell said.",
            ),
        ),
        (
            "opinion-bridges".to_string(),
            article(
                "Opinion: Helsinki bridge collapse shows the cost of neglect",
                "2025-03-12",
                "tags: [opinion]\n",
                "The Helsinki harbour bridge collapse in the estuary was foretold: corrosion in the steel cables, reported to the council, was ignored. Engineers and divers now do the work of neglect.",
            ),
        ),
    ];
    let fillers = [
        (
            "football",
            "Northam club wins the county football cup",
            "Northam beat Ashby two goals to one in the county football cup final.",
        ),
        (
            "orchestra",
            "City orchestra announces spring concert season",
            "The orchestra will play Brahms and Dvorak at the concert hall in April.",
        ),
        (
            "weather",
            "Late frost threatens apple blossom",
            "Growers lit braziers among the apple trees as frost settled in the valley.",
        ),
        (
            "library",
            "Library extends opening hours for students",
            "The central library will open until midnight during the examination weeks.",
        ),
        (
            "ferry",
            "Island ferry timetable changes in April",
            "The island ferry will sail twice a day from April, the operator announced.",
        ),
        (
            "museum",
            "Museum receives rare collection of maps",
            "A collector gave the museum four hundred maps of the coast drawn by sailors.",
        ),
        (
            "marathon",
            "Record entries for the spring marathon",
            "More runners than ever signed up for the marathon through the old town.",
        ),
    ];
    for (i, (slug, title, body)) in fillers.iter().enumerate() {
        list.push((slug.to_string(), article(title, &format!("2025-02-{:02}", 1 + 3 * i), "", body)));
    }
    list
}

fn events(site: &TestSite) -> Vec<Value> {
    let json: Value = serde_json::from_str(&site.page("api/events.json")).expect("events.json");
    json["events"].as_array().expect("a list").clone()
}

fn articles_of(event: &Value) -> Vec<&str> {
    event["articles"].as_array().expect("articles").iter().map(|a| a.as_str().expect("an id")).collect()
}

fn find<'a>(events: &'a [Value], article: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| articles_of(e).contains(&article)).collect()
}

#[test]
fn articles_reporting_one_happening_become_one_discovered_event() {
    let site = site();
    site.build_ok();
    let events = self::events(&site);
    assert_eq!(events.len(), 2, "{events:#?}");
    let bridge = find(&events, "bridge-falls")[0];
    let mut members = articles_of(bridge);
    members.sort();
    assert_eq!(members, ["bridge-cables", "bridge-divers", "bridge-falls"]);
    assert_eq!(bridge["discovered"], true);
    assert_eq!(bridge["start"], "2025-03-10");
    assert_eq!(bridge["end"], "2025-03-11");
    assert_eq!(bridge["place"], "Helsinki");
    assert_eq!(bridge["participants"], serde_json::json!(["lena-varga"]));
    let slug = bridge["id"].as_str().expect("an id");
    assert_eq!(slug, "2025-03-10-helsinki-harbour-bridge-collapses-estuary", "from the earliest article");
    let summit = find(&events, "summit-opens")[0];
    assert_eq!(articles_of(summit).len(), 2);

    // Opinion and lone articles stay out.
    for alone in ["opinion-bridges", "football", "orchestra"] {
        assert!(find(&events, alone).is_empty(), "{alone} is in an event");
    }

    // The page: name, dates, participants, sources in time order, quotes; a feed.
    let page = site.page(&format!("events/{slug}.html"));
    assert!(page.contains("Helsinki"), "a name made from the articles");
    assert!(page.contains("Lena Varga"));
    assert!(page.contains("10 March 2025 – 11 March 2025") || page.contains("10 – 11 March 2025"), "{page}");
    assert!(page.contains("Found in the articles"));
    assert!(page.contains("We will find out why this bridge fell"));
    let (first, later) = (page.find("articles/bridge-falls.html"), page.find("articles/bridge-divers.html"));
    assert!(first.is_some() && later.is_some() && first < later, "sources oldest first");
    assert!(site.output().join(format!("events/{slug}.xml")).exists(), "a feed");
    assert!(site.page("articles/bridge-divers.html").contains(&format!("events/{slug}.html")));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn registry_events_win() {
    // An article tied to a registry event takes its group's other articles with it.
    let site = site();
    site.write("content/events/helsinki-collapse.md", "---\nname: Helsinki bridge collapse\n---\nThe bridge fell.\n");
    let tied =
        article("Helsinki harbour bridge collapses into estuary", "2025-03-10", "event: helsinki-collapse\n", BRIDGE);
    site.write("content/articles/bridge-falls.md", tied);
    site.build_ok();
    let listed = events(&site);
    let bridge: Vec<&Value> = find(&listed, "bridge-divers");
    assert_eq!(bridge.len(), 1, "no second, discovered copy: {listed:#?}");
    assert_eq!(bridge[0]["id"], "helsinki-collapse");
    assert_eq!(bridge[0].get("discovered"), None, "not discovered: the API leaves false out");
    let mut members = articles_of(bridge[0]);
    members.sort();
    assert_eq!(members, ["bridge-cables", "bridge-divers", "bridge-falls"]);

    // A registry event of the same days, place and people, with no article tied to it.
    let other = self::site();
    other.write(
        "content/events/bridge-disaster.md",
        "---\nname: The Helsinki disaster\ndate: 2025-03-10\nplace: Helsinki\nparticipants: [Lena Varga]\n---\n",
    );
    other.build_ok();
    let listed = events(&other);
    let bridge = find(&listed, "bridge-falls");
    assert_eq!(bridge.len(), 1);
    assert_eq!(bridge[0]["id"], "bridge-disaster");
    assert_eq!(articles_of(bridge[0]).len(), 3);
}

#[test]
fn editors_rename_merge_split_and_suppress_discovered_events() {
    let site = site();
    site.build_ok();
    let slugs: Vec<String> = events(&site).iter().map(|e| e["id"].as_str().expect("id").to_string()).collect();
    let bridge = slugs.iter().find(|s| s.contains("bridge")).expect("the bridge event").clone();
    let summit = slugs.iter().find(|s| s.contains("geneva")).expect("the summit event").clone();

    // Renamed, with a summary; then merged into the other.
    site.write(
        "content/events.yaml",
        format!(
            "{bridge}:\n  name: The Helsinki bridge collapse\n  summary: \"The harbour bridge fell on **10 March**.\"\n"
        ),
    );
    site.build_ok();
    let page = site.page(&format!("events/{bridge}.html"));
    assert!(page.contains("<h1>The Helsinki bridge collapse</h1>"), "renamed, at the same address");
    assert!(page.contains("<strong>10 March</strong>"));
    site.write("content/events.yaml", format!("{summit}:\n  merge_into: {bridge}\n"));
    site.build_ok();
    let listed = events(&site);
    assert_eq!(listed.len(), 1);
    assert_eq!(articles_of(&listed[0]).len(), 5);
    assert!(!site.output().join(format!("events/{summit}.html")).exists());

    // Split: two articles leave and make an event of their own; suppressed: no event.
    site.write(
        "content/events.yaml",
        format!("{bridge}:\n  split: [bridge-divers, bridge-cables]\n{summit}:\n  suppress: true\n"),
    );
    let report = site.build_ok();
    let listed = events(&site);
    assert_eq!(listed.len(), 1, "{listed:#?}");
    let mut members = articles_of(&listed[0]);
    members.sort();
    assert_eq!(members, ["bridge-cables", "bridge-divers"]);
    assert!(find(&listed, "bridge-falls").is_empty(), "a group of one is no event");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);

    // A decision for an event that does not exist is a warning, not an error.
    site.write("content/events.yaml", "no-such-event:\n  suppress: true\n");
    let report = site.build_ok();
    assert!(report.warnings.iter().any(|w| w.message.contains("no-such-event")), "{:?}", report.warnings);

    // A mistake in the file stops the build with its line.
    site.write("content/events.yaml", format!("{bridge}:\n  rename: Other\n"));
    let error = site.build().expect_err("an unknown key");
    assert!(error.to_string().contains("events.yaml"), "{error}");

    // Promoted: a registry event with the slug keeps the address and the articles.
    site.write("content/events.yaml", "");
    site.write(
        &format!("content/events/{bridge}.md"),
        "---\nname: Helsinki bridge collapse\ndate: 2025-03-10\n---\nPromoted.\n",
    );
    site.build_ok();
    let listed = events(&site);
    let promoted = find(&listed, "bridge-falls")[0];
    assert_eq!(promoted["id"], bridge.as_str());
    assert_eq!(promoted.get("discovered"), None, "not discovered: the API leaves false out");
    assert_eq!(articles_of(promoted).len(), 3);
}

#[test]
fn an_event_keeps_its_address_as_articles_join_it_and_across_builds() {
    let site = site();
    site.build_ok();
    let before = events(&site);
    let bridge = find(&before, "bridge-falls")[0]["id"].as_str().expect("id").to_string();
    let first_build = site.files();
    site.build_ok();
    assert_eq!(site.files(), first_build, "the same bytes from the same articles");

    site.write(
        "content/articles/bridge-inquiry.md",
        article(
            "Inquiry opens into Helsinki bridge collapse",
            "2025-03-12",
            "",
            "An inquiry into the Helsinki harbour bridge collapse opened as divers finished in the estuary. Engineers told it about corrosion in the steel cables.\n\n“Every cable will be examined,” Mayor Lena Varga said.",
        ),
    );
    site.build_ok();
    let after = events(&site);
    let joined = find(&after, "bridge-inquiry");
    assert_eq!(joined.len(), 1, "{after:#?}");
    assert_eq!(joined[0]["id"], bridge.as_str(), "the address stays");
    assert_eq!(articles_of(joined[0]).len(), 4);
}

/// Saves `text` (None: deletes the file) in the preview, then checks every file it has
/// against a full build of the same site.
fn save(site: &TestSite, session: &mut Session, rel: &str, text: Option<&str>) {
    match text {
        Some(text) => site.write(rel, text),
        None => std::fs::remove_file(site.root().join(rel)).expect("delete"),
    }
    session.update(&[PathBuf::from(rel)]).unwrap_or_else(|e| panic!("update failed: {e}"));
    site.build_ok();
    let (preview, full) = (tree(session.output()), site.files());
    assert_eq!(preview.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>(), "{rel}: the same files");
    for (path, bytes) in &full {
        assert!(preview[path] == *bytes, "{rel}: {path} differs from a full build");
    }
}

fn preview_events(session: &Session) -> Vec<Value> {
    let text = std::fs::read_to_string(session.output().join("api/events.json")).expect("events.json");
    let json: Value = serde_json::from_str(&text).expect("json");
    json["events"].as_array().expect("a list").clone()
}

#[test]
fn the_preview_finds_the_events_a_full_build_finds_as_articles_join_and_leave() {
    let site = site();
    let out = tempfile::tempdir().expect("temp");
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = Session::open(site.root(), options).expect("the site builds");
    let bridge = find(&preview_events(&session), "bridge-falls")[0]["id"].as_str().expect("id").to_string();

    // A new report joins the bridge event, at the same address.
    let inquiry = article(
        "Inquiry opens into Helsinki bridge collapse",
        "2025-03-12",
        "",
        "An inquiry into the Helsinki harbour bridge collapse opened as divers finished in the estuary. Engineers told it about corrosion in the steel cables.\n\n“Every cable will be examined,” Mayor Lena Varga said.",
    );
    save(&site, &mut session, "content/articles/bridge-inquiry.md", Some(&inquiry));
    let joined = find(&preview_events(&session), "bridge-inquiry").iter().map(|e| e["id"].clone()).collect::<Vec<_>>();
    assert_eq!(joined, [Value::from(bridge.as_str())]);

    // A report saved as another story leaves it; a summit report saved as a bridge one moves.
    let tram = article("Tram drivers end their strike", "2025-03-11", "", "Tram drivers returned after a pay deal.");
    save(&site, &mut session, "content/articles/bridge-divers.md", Some(&tram));
    assert!(find(&preview_events(&session), "bridge-divers").is_empty());
    let moved = article(
        "Divers search wreckage of Helsinki bridge collapse",
        "2025-03-13",
        "",
        "Rescue divers searched the wreckage of the collapsed Helsinki harbour bridge in the estuary. Engineers blamed corrosion in the steel cables.\n\n“The divers worked through the night at the bridge,” Mayor Lena Varga said.",
    );
    save(&site, &mut session, "content/articles/summit-tariffs.md", Some(&moved));
    let events = preview_events(&session);
    assert_eq!(find(&events, "summit-tariffs")[0]["id"], bridge.as_str());
    assert!(find(&events, "summit-opens").is_empty(), "a summit of one report is no event");

    // Deleted: the event keeps its other reports.
    save(&site, &mut session, "content/articles/bridge-inquiry.md", None);
    assert_eq!(articles_of(find(&preview_events(&session), "bridge-falls")[0]).len(), 3);
}

/// Two reports of one named happening in their own words (a pact signed during it, a march
/// outside it), and a later article that looks back on it.
fn summit_reports() -> [(&'static str, String); 3] {
    [
        (
            "energy-pact",
            article(
                "Five countries sign power grid pact",
                "2025-04-07",
                "",
                "BERGEN — Energy ministers from five countries signed a pact to link their power grids during the Nordic Energy Summit on Monday. Minister Ingrid Dahl said undersea cables would be laid by 2030.",
            ),
        ),
        (
            "energy-march",
            article(
                "Climate marchers fill the harbour",
                "2025-04-08",
                "",
                "Thousands of climate marchers filled the harbour in Bergen, chanting against new oil licences, as delegates met at the Nordic Energy Summit. Police said the crowd was peaceful.",
            ),
        ),
        ("energy-hotels", hotels("at last week's Nordic Energy Summit")),
    ]
}

fn hotels(when: &str) -> String {
    article(
        "Hotels had their best spring",
        "2025-04-10",
        "",
        &format!("Hotel owners said rooms were full for days {when}, and the quiet winter is paid for."),
    )
}

#[test]
fn reports_of_one_named_happening_in_their_own_words_are_one_event_named_after_it() {
    let site = site();
    for (slug, text) in summit_reports() {
        site.write(&format!("content/articles/{slug}.md"), text);
    }
    site.build_ok();
    let events = self::events(&site);
    assert_eq!(events.len(), 3, "the bridge, the Geneva summit and the Nordic one: {events:#?}");
    let summit = find(&events, "energy-pact");
    assert_eq!(summit.len(), 1, "{events:#?}");
    let mut members = articles_of(summit[0]);
    members.sort();
    assert_eq!(members, ["energy-march", "energy-pact"], "the words they share are few; the happening is one");
    assert_eq!(summit[0]["name"], "Nordic Energy Summit", "named after the happening, as they write it");
    assert_eq!(summit[0]["id"], "2025-04-07-five-countries-sign-power-grid-pact", "the address from the earliest");
    assert!(find(&events, "energy-hotels").is_empty(), "\"at last week's\" summit looks back on it");

    // The same article placing its news at the summit joins it; its address stays.
    site.write("content/articles/energy-hotels.md", hotels("at the Nordic Energy Summit"));
    site.build_ok();
    let events = self::events(&site);
    let joined = find(&events, "energy-hotels");
    assert_eq!(joined.len(), 1, "{events:#?}");
    assert_eq!(joined[0]["id"], "2025-04-07-five-countries-sign-power-grid-pact");
    assert_eq!(articles_of(joined[0]).len(), 3);
}

#[test]
fn the_preview_joins_reports_of_a_named_happening_as_a_full_build_does() {
    let site = site();
    for (slug, text) in summit_reports() {
        site.write(&format!("content/articles/{slug}.md"), text);
    }
    let out = tempfile::tempdir().expect("temp");
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = Session::open(site.root(), options).expect("the site builds");
    assert!(find(&preview_events(&session), "energy-hotels").is_empty());
    save(&site, &mut session, "content/articles/energy-hotels.md", Some(&hotels("at the Nordic Energy Summit")));
    assert_eq!(articles_of(find(&preview_events(&session), "energy-pact")[0]).len(), 3);
    save(&site, &mut session, "content/articles/energy-hotels.md", Some(&hotels("before the Nordic Energy Summit")));
    assert!(find(&preview_events(&session), "energy-hotels").is_empty());
    save(&site, &mut session, "content/articles/energy-march.md", None);
    assert!(find(&preview_events(&session), "energy-pact").is_empty(), "one report left: no event");
}
