//! Whole-site tests: build a fixture site and check the pages as a reader would.

mod common;

use common::TestSite;
use std::path::Path;

#[test]
fn person_page_lists_the_persons_quotes_grouped_by_article() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let putin = site.page("people/vladimir-putin.html");
    assert!(putin.contains("We came here to find a path to peace"), "{putin}");
    assert!(putin.contains("Next time in Moscow"));
    // The pronoun quote ("he added") is Putin's too.
    assert!(putin.contains("The key thing is that both sides wanted results"));
    assert!(putin.contains("articles/talks-close.html"));
    assert!(putin.contains("articles/talks-open.html"));
    assert!(!putin.contains("There is no deal until there is a deal"), "Trump's quote on Putin's page");
    let trump = site.page("people/donald-trump.html");
    assert!(trump.contains("There is no deal until there is a deal"));
    assert!(trump.contains("We made some headway"));
}

#[test]
fn event_page_lists_its_articles_in_time_order_and_who_spoke() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let event = site.page("events/harbour-talks.html");
    let open = event.find("articles/talks-open.html").expect("the opening article is listed");
    let close = event.find("articles/talks-close.html").expect("the closing article is listed");
    assert!(open < close, "articles in time order");
    assert!(event.contains("Two leaders met at a harbour"), "the summary is shown");
    assert!(event.contains("people/vladimir-putin.html"));
    assert!(event.contains("Next time in Moscow"));
}

#[test]
fn article_page_marks_up_quotes_and_names() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let article = site.page("articles/talks-open.html");
    assert!(article.contains("<span class=\"quote\" id=\"q-1\""), "{article}");
    assert!(article.contains("class=\"mention person\" href=\"../people/vladimir-putin.html\""));
    assert!(article.contains("https://example.org/talks-open"), "source link");
    assert!(article.contains("events/harbour-talks.html"));
}

#[test]
fn every_internal_link_resolves() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let broken = site.broken_links();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn wire_reports_get_a_title_dateline_and_date_from_their_text() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let wire = site.page("articles/wire-report.html");
    assert!(wire.contains("Harbour Town, Alaska"), "dateline shown");
    assert!(wire.contains("2025-08-17"), "date taken from the text");
    assert!(wire.contains("Donald Trump on 17 August 2025 said the talks had been productive"), "title from the lede");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    assert!(!site.output().join("articles/draft-note.html").exists());
    brief::build(site.root(), &brief::BuildOptions { drafts: true, ..Default::default() }).expect("build with drafts");
    assert!(site.output().join("articles/draft-note.html").exists());
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let first = site.files();
    site.build_ok();
    assert_eq!(first, site.files());
}

#[test]
fn index_pages_list_everything() {
    let site = TestSite::fixture("basic");
    let report = site.build_ok();
    assert_eq!(report.articles, 3);
    let home = site.page("index.html");
    assert!(home.contains("Leaders open the harbour talks"));
    assert!(home.contains("people/vladimir-putin.html"), "most-quoted people on the home page");
    let people = site.page("people/index.html");
    assert!(people.contains("Donald Trump") && people.contains("Vladimir Putin"));
    assert!(site.page("events/index.html").contains("Harbour talks"));
    assert!(site.output().join("style.css").exists(), "theme stylesheet copied");
    assert!(site.output().join("404.html").exists());
}

#[test]
fn content_cannot_inject_script_into_pages() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/hostile.md",
        "---\ntitle: \"<script>alert('title')</script>\"\ndate: 2025-08-18\nsource: \"<script>alert('source')</script>\"\nsummary: \"<img src=x onerror=alert(1)>\"\ntags: [\"<script>t</script>\"]\n---\n\
         “<script>alert('quote')</script> is what we fear,” Vladimir Putin said.\n\n<script>alert('raw')</script>\n\n[click](javascript:alert(1))\n",
    );
    site.write(
        "content/people/hostile-person.md",
        "---\nname: \"<script>alert('name')</script> Smith\"\naliases: [\"<script>alert('alias')</script>\"]\nrole: \"<img src=x onerror=alert(2)>\"\n---\n<script>alert('bio')</script>\n",
    );
    site.write(
        "content/events/hostile-event.md",
        "---\nname: \"<script>alert('event')</script>\"\nplace: \"<script>alert('place')</script>\"\n---\n<script>alert('summary')</script>\n",
    );
    site.build_ok();
    assert!(site.output().join("people/hostile-person.html").exists(), "the hostile person has a page");
    assert!(site.output().join("events/hostile-event.html").exists(), "the hostile event has a page");
    // Pages and feeds are read by browsers; the JSON files are data and hold the text as it is.
    for (path, bytes) in site.files().into_iter().filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml")) {
        let page = String::from_utf8_lossy(&bytes);
        assert!(!page.contains("<script>alert"), "{path} lets a script through");
        assert!(!page.contains("<img src=x"), "{path} lets an element through");
        assert!(!page.contains("javascript:"), "{path} keeps a javascript: link");
    }
}

#[test]
fn a_person_found_only_in_the_text_still_gets_a_page() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/envoy.md",
        "---\ntitle: Envoy speaks\ndate: 2025-08-18\n---\n“The atmosphere was generally positive,” said Ambassador Alexander Darchiev.\n",
    );
    site.build_ok();
    let page = site.page("people/alexander-darchiev.html");
    assert!(page.contains("The atmosphere was generally positive"));
}

#[test]
fn init_writes_a_site_that_builds() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let site = dir.path().join("my-briefings");
    brief::init::init(&site).expect("init");
    let report = brief::build(&site, &brief::BuildOptions::default()).expect("build the new site");
    assert_eq!(report.articles, 1);
    let person = std::fs::read_to_string(site.join("public/people/ana-reyes.html")).expect("person page");
    assert!(person.contains("This connects two halves of the city"), "{person}");
    assert!(brief::init::init(&site).is_err(), "init refuses a folder that is not empty");
}

#[test]
fn a_rebuild_reannotates_only_what_changed_and_never_serves_stale_annotations() {
    let site = TestSite::fixture("basic");
    assert_eq!(site.build_ok().cached, 0, "the first build annotates everything");
    assert_eq!(site.build_ok().cached, 3, "nothing changed: everything from the cache");

    site.write(
        "content/articles/talks-close.md",
        "---\ntitle: \"The harbour talks end without a deal\"\ndate: 2025-08-16\nsource: Fixture Wire\nevent: harbour-talks\n---\n“See you in Moscow,” Vladimir Putin said.\n",
    );
    assert_eq!(site.build_ok().cached, 2, "only the edited article is annotated again");
    let putin = site.page("people/vladimir-putin.html");
    assert!(putin.contains("See you in Moscow") && !putin.contains("Next time in Moscow"));

    // A registry change (a new alias) can change any article's annotations: all are redone.
    site.write(
        "content/people/donald-trump.md",
        "---\nname: Donald Trump\naliases: [Trump, President Trump, The Donald]\n---\n",
    );
    assert_eq!(site.build_ok().cached, 0);
}

/// The annotation cache is a log: an edit appends the article's new annotations, the old
/// ones are dropped once they pile up, and a log cut short keeps what came before the cut.
#[test]
fn the_annotation_cache_appends_compacts_and_survives_a_torn_tail() {
    let site = TestSite::fixture("basic");
    let log = site.root().join(".brief-cache/annotations.log");
    site.build_ok();
    let written = std::fs::read(&log).expect("the log").len();
    let edit = |n: usize| {
        site.write(
            "content/articles/talks-close.md",
            format!("---\ntitle: \"Talks end\"\ndate: 2025-08-16\nsource: Fixture Wire\n---\n“Edit {n},” Vladimir Putin said.\n"),
        )
    };
    edit(1);
    assert_eq!(site.build_ok().cached, 2);
    let appended = std::fs::read(&log).expect("the log").len();
    assert!(appended > written, "the new annotations were appended ({written} -> {appended} bytes)");

    // Three articles: a second unused record is more than half the live ones, so the log
    // is written anew with the live records only.
    edit(2);
    assert_eq!(site.build_ok().cached, 2);
    let compacted = std::fs::read(&log).expect("the log").len();
    assert!(compacted < appended, "the log was compacted ({appended} -> {compacted} bytes)");
    assert_eq!(site.build_ok().cached, 3, "and still serves every article");

    // A build stopped while appending: the records before the cut are read.
    edit(3);
    site.build_ok();
    let bytes = std::fs::read(&log).expect("the log");
    std::fs::write(&log, &bytes[..bytes.len() - 5]).expect("cut the log");
    assert_eq!(site.build_ok().cached, 2, "all but the record cut short");
    assert_eq!(site.build_ok().cached, 3, "the log was written anew");
    assert!(site.page("people/vladimir-putin.html").contains("Edit 3"));
}

/// A rebuild over brief's own output links the files whose bytes did not change instead of
/// writing them again; a changed page, and a file someone edited in the output by hand, are
/// written afresh, so that the output is always what a build into an empty folder gives.
#[cfg(unix)]
#[test]
fn a_rebuild_reuses_unchanged_files_and_rewrites_the_rest() {
    use std::os::unix::fs::MetadataExt;
    let site = TestSite::fixture("basic");
    let inode = |rel: &str| std::fs::metadata(site.output().join(rel)).expect(rel).ino();
    site.build_ok();
    let first = site.files();
    let (talks_open, talks_close) = (inode("articles/talks-open.html"), inode("articles/talks-close.html"));

    std::fs::write(site.output().join("404.html"), "edited by hand").expect("edit the output");
    site.write(
        "content/articles/talks-close.md",
        "---\ntitle: \"The harbour talks end without a deal\"\ndate: 2025-08-16\nsource: Fixture Wire\nevent: harbour-talks\n---\n“See you in Moscow,” Vladimir Putin said.\n",
    );
    site.build_ok();
    assert_eq!(inode("articles/talks-open.html"), talks_open, "an unchanged page is reused");
    assert_ne!(inode("articles/talks-close.html"), talks_close, "a changed page is written afresh");
    assert!(site.page("articles/talks-close.html").contains("See you in Moscow"));
    assert!(site.files()["404.html"] == first["404.html"], "a hand-edited file is replaced");

    // What a build into an empty folder gives, byte for byte.
    let reused = site.files();
    std::fs::remove_dir_all(site.output()).expect("remove the output");
    site.build_ok();
    assert_eq!(reused, site.files());
}

/// `brief build --timings` reports every stage, in the order they run.
#[test]
fn a_build_reports_how_long_each_stage_took() {
    let site = TestSite::fixture("basic");
    let report = site.build_ok();
    let stages: Vec<&str> = report.stages.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        stages,
        [
            "load",
            "annotate",
            "fold",
            "discover",
            "resolve",
            "index",
            "plan",
            "render and write",
            "update output",
            "save caches"
        ]
    );
    let total: std::time::Duration = report.stages.iter().map(|(_, time)| *time).sum();
    assert!(total <= report.elapsed, "the stages add up to no more than the build");
}

/// Over a previous output, a rebuild moves in what changed and removes what the site no
/// longer makes: a deleted article's page, a static file taken out of static/, a folder
/// left empty. What remains is what a build into an empty folder gives.
#[test]
fn a_rebuild_removes_what_the_site_no_longer_makes() {
    use std::os::unix::fs::MetadataExt;
    let site = TestSite::fixture("basic");
    site.write("static/docs/notes.txt", "briefing notes");
    site.build_ok();
    assert!(site.output().join("docs/notes.txt").is_file());
    assert!(site.output().join("articles/talks-close.html").is_file());
    let kept = std::fs::metadata(site.output().join("articles/talks-open.html")).expect("a page").ino();
    let style = std::fs::metadata(site.output().join("style.css")).expect("the stylesheet").ino();

    std::fs::remove_file(site.root().join("content/articles/talks-close.md")).expect("delete an article");
    std::fs::remove_dir_all(site.root().join("static/docs")).expect("delete a static folder");
    site.build_ok();
    assert!(!site.output().join("articles/talks-close.html").exists(), "a deleted article's page is gone");
    assert!(!site.output().join("docs").exists(), "a folder left empty is gone");
    let after = std::fs::metadata(site.output().join("articles/talks-open.html")).expect("a page").ino();
    assert_eq!(after, kept, "an unchanged page is left where it is");
    let style_after = std::fs::metadata(site.output().join("style.css")).expect("the stylesheet").ino();
    assert_eq!(style_after, style, "an unchanged static file is left where it is");
    let names: Vec<String> = std::fs::read_dir(site.root())
        .expect("the site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("building"))
        .collect();
    assert!(names.is_empty(), "no temporary folder left behind: {names:?}");

    let updated = site.files();
    std::fs::remove_dir_all(site.output()).expect("remove the output");
    site.build_ok();
    assert_eq!(updated, site.files(), "the updated output equals a build from nothing");
}

/// A rebuild links the pages whose signature the last build recorded without rendering
/// them. After every kind of edit its output must be what a build from nothing gives, byte
/// for byte: a signature that misses something a page shows fails here.
#[test]
fn a_rebuild_that_skips_unchanged_pages_equals_a_build_from_nothing() {
    let site = TestSite::fixture("basic");
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let person_template = std::fs::read_to_string(theme.join("person.html")).expect("the theme's person.html");
    let first = site.build_ok();
    assert_eq!(first.unchanged, 0, "nothing to reuse on the first build");
    let all = first.pages;
    // The six files of the JSON API have no signature: they are made every time.
    assert_eq!(site.build_ok().unchanged, all - 6, "nothing changed: everything else is reused");

    let edits: Vec<(&str, String)> = vec![
        (
            "content/articles/talks-close.md",
            "---\ntitle: \"The harbour talks end without a deal\"\ndate: 2025-08-16\nsource: Fixture Wire\nevent: harbour-talks\n---\n“See you in Moscow,” Vladimir Putin said.\n".into(),
        ),
        (
            "content/people/vladimir-putin.md",
            "---\nname: Vladimir Putin\naliases: [Putin, President Putin]\nrole: Head of state\naffiliation: Government of Russia\ncountry: Russia\n---\nLeads **Russia**.\n".into(),
        ),
        (
            "content/events/harbour-talks.md",
            "---\nname: Harbour talks\naliases: [the harbour talks]\ndate: 2025-08-15\nplace: Anchorage\nparticipants: [vladimir-putin, donald-trump]\n---\nThe leaders met by the water.\n".into(),
        ),
        ("content/articles/new-report.md", "---\ntitle: A new report\ndate: 2025-08-18\nsource: Fixture Wire\n---\n“It went well,” Donald Trump said.\n".into()),
        ("templates/person.html", person_template.replace("<h1>{{ person.name }}</h1>", "<h1>{{ person.name }}</h1><p>Profile kept by the desk.</p>")),
        ("brief.yaml", "title: Fixture briefings, renamed\ndescription: A small site\nbase_url: https://example.org/b/\nlanguage: en\n".into()),
    ];
    let fresh = tempfile::tempdir().expect("temporary folder");
    for (rel, text) in edits {
        site.write(rel, text);
        let report = site.build_ok();
        let options =
            brief::BuildOptions { output: Some(fresh.path().join("out")), no_cache: true, ..Default::default() };
        std::fs::remove_dir_all(fresh.path().join("out")).ok();
        brief::build(site.root(), &options).expect("a build from nothing");
        let (reused, expected) = (site.files(), common::tree(&fresh.path().join("out")));
        let differ: Vec<&String> = expected.keys().filter(|k| reused.get(*k) != expected.get(*k)).collect();
        assert!(differ.is_empty() && reused.len() == expected.len(), "after editing {rel}: {differ:?} differ");
        assert!(report.unchanged < report.pages, "after editing {rel} something is rendered again");
    }
    std::fs::remove_file(site.root().join("content/articles/new-report.md")).expect("remove an article");
    site.build_ok();
    assert!(!site.output().join("articles/new-report.html").exists(), "a removed article's page is gone");
}

#[test]
fn sources_are_shown_by_the_name_brief_yaml_gives_them() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("brief.yaml")).expect("brief.yaml");
    site.write(
        "brief.yaml",
        format!("{config}\nsources:\n  wash-post:\n    name: The Washington Post\n    url: https://www.washingtonpost.com/\n"),
    );
    site.write("content/articles/outlet.md", "---\ntitle: Outlet\ndate: 2025-09-03\nsource: wash-post\n---\nText.\n");
    site.build_ok();
    let page = site.page("articles/outlet.html");
    assert!(page.contains("The Washington Post"), "the page shows the outlet's name");
    assert!(page.contains(r#""publisher":{"@type":"Organization","name":"The Washington Post","url":"https://www.washingtonpost.com/"}"#), "{page}");
    for file in ["articles/index.html", "feed.xml", "api/articles.json", "search/docs/0.json"] {
        let text = site.page(file);
        assert!(text.contains("The Washington Post") && !text.contains("wash-post"), "{file}");
    }
}

#[test]
fn a_source_home_page_that_is_not_a_web_link_is_refused_at_its_line() {
    let site = TestSite::fixture("basic");
    site.write("brief.yaml", "title: T\nsources:\n  wire:\n    name: Wire\n    url: javascript:alert(1)\n");
    let error = site.build().expect_err("must refuse").to_string();
    assert!(error.contains("brief.yaml:3") && error.contains("`wire`"), "{error}");
}

/// Two articles that name one person in two forms, a group and a headline label.
fn resolution_site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/port-one.md",
        "---\ntitle: Port one\ndate: 2025-08-20\n---\n“The port will open,” Marta Q. Quillfeather said.\n\n\
         Team Quillfeather, a group of her supporters, cheered.\n",
    );
    site.write(
        "content/articles/port-two.md",
        "---\ntitle: Port two\ndate: 2025-08-21\n---\n“The port is open,” Marta Quillfeather said.\n\n\
         “We are ready,” said Jonas Brell, a harbour pilot.\n",
    );
    site
}

#[test]
fn one_person_has_one_page_across_the_site() {
    let site = resolution_site();
    site.build_ok();
    assert!(site.root().join("public/people/marta-quillfeather.html").exists());
    assert!(!site.root().join("public/people/marta-q-quillfeather.html").exists(), "one page per person");
    let page = site.page("people/marta-quillfeather.html");
    assert!(page.contains("The port will open") && page.contains("The port is open"), "{page}");
    assert!(!site.root().join("public/people/team-quillfeather.html").exists(), "a group is nobody");
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn the_editors_file_merges_renames_and_removes_names() {
    let site = resolution_site();
    site.write(
        "content/entities.yaml",
        "people:\n  Marta Quillfeather-Ruiz: [Marta Q. Quillfeather, Marta Quillfeather]\n\
         organisations:\n  Jonas Brell: []\nnot_entities: [Vladimir Putin Said]\n",
    );
    site.build_ok();
    let page = site.page("people/marta-quillfeather-ruiz.html");
    assert!(page.contains("The port will open") && page.contains("The port is open"), "{page}");
    assert!(!site.root().join("public/people/marta-quillfeather.html").exists(), "renamed");
    assert!(!site.root().join("public/people/jonas-brell.html").exists(), "an organisation now");
    assert!(site.root().join("public/organisations/jonas-brell.html").exists());
    // Profiles still win: Vladimir Putin keeps his page.
    assert!(site.root().join("public/people/vladimir-putin.html").exists());
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    // It survives a rebuild from the cache.
    site.build_ok();
    assert!(site.root().join("public/people/marta-quillfeather-ruiz.html").exists());
}

#[test]
fn a_broken_editors_file_is_an_error_with_its_line() {
    let site = TestSite::fixture("basic");
    site.write("content/entities.yaml", "people:\n  A: [B]\nnobody: [C]\n");
    let error = site.build().expect_err("an unknown key is an error").to_string();
    assert!(error.contains("entities.yaml"), "{error}");
}

/// The basic fixture with a clerk named once in passing (no quote, no profile), a mediator
/// quoted once in one article, and an adviser named, never quoted, in two articles.
fn passing_site(config: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("brief.yaml", format!("title: Passing\nbase_url: https://example.org/\n{config}"));
    site.write(
        "content/articles/papers.md",
        "---\ntitle: Papers\ndate: 2025-08-20\nevent: harbour-talks\n---\nJan Nowak, a clerk, carried the papers. \
         Ewa Lis, an adviser, read them.\n\n“We are close,” said Marta Kowalska, the mediator.\n",
    );
    site.write(
        "content/articles/letters.md",
        "---\ntitle: Letters\ndate: 2025-08-21\n---\nEwa Lis, an adviser, wrote the letters.\n",
    );
    let event = std::fs::read_to_string(site.root().join("content/events/harbour-talks.md")).expect("fixture");
    site.write("content/events/harbour-talks.md", event.replace("donald-trump]", "donald-trump, Jan Nowak]"));
    site
}

fn api(site: &TestSite, file: &str) -> serde_json::Value {
    serde_json::from_str(&site.page(&format!("api/{file}.json"))).expect("JSON")
}

#[test]
fn a_person_named_once_in_passing_is_listed_but_has_no_page_and_no_link() {
    let site = passing_site("");
    site.build_ok();
    let out = site.output();
    assert!(!out.join("people/jan-nowak.html").exists(), "named once, never quoted: no page");
    assert!(!out.join("people/jan-nowak.xml").exists(), "and no feed");
    assert!(out.join("people/marta-kowalska.html").is_file(), "quoted once: a page");
    assert!(out.join("people/ewa-lis.html").is_file(), "named in two articles: a page");

    let article = site.page("articles/papers.html");
    assert!(article.contains("<li>Jan Nowak</li>"), "listed on the article as plain text");
    assert!(
        article.contains("../people/ewa-lis.html\">Ewa Lis</a>") && article.contains("../people/marta-kowalska.html")
    );
    for (path, bytes) in site.files() {
        let text = String::from_utf8_lossy(&bytes);
        if !path.starts_with("api/") {
            assert!(!text.contains("jan-nowak"), "{path} points to the page that is not built");
        }
    }
    assert!(!site.page("people/index.html").contains("Jan Nowak"), "the people list holds those with a page");
    let event = site.page("events/harbour-talks.html");
    assert!(event.contains("<li>Jan Nowak</li>"), "a participant without a page, unlinked");

    let people = api(&site, "people");
    let nowak = people["people"].as_array().expect("people").iter().find(|p| p["id"] == "jan-nowak").expect("listed");
    assert!(nowak.get("url").is_none(), "no page, no url: {nowak}");
    assert_eq!(nowak["articles"].as_array().map(Vec::len), Some(1));
    let lis = people["people"].as_array().expect("people").iter().find(|p| p["id"] == "ewa-lis").expect("listed");
    assert_eq!(lis["url"], "people/ewa-lis.html");
    let articles = api(&site, "articles");
    let papers = articles["articles"].as_array().expect("list").iter().find(|a| a["id"] == "papers").expect("listed");
    let named: Vec<&str> = papers["people"].as_array().expect("people").iter().filter_map(|p| p.as_str()).collect();
    assert!(named.contains(&"jan-nowak") && named.contains(&"ewa-lis"), "{named:?}");
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn person_pages_all_gives_everyone_named_a_page() {
    let site = passing_site("annotator:\n  person_pages: all\n");
    site.build_ok();
    assert!(site.output().join("people/jan-nowak.html").is_file());
    assert!(site.output().join("people/jan-nowak.xml").is_file());
    let article = site.page("articles/papers.html");
    assert!(article.contains("<li><a href=\"../people/jan-nowak.html\">Jan Nowak</a>"), "listed with a link");
    assert!(article.contains("class=\"mention person\" href=\"../people/jan-nowak.html\""), "and linked in the text");
    assert!(site.page("people/index.html").contains("Jan Nowak"));
    let people = api(&site, "people");
    let nowak = people["people"].as_array().expect("people").iter().find(|p| p["id"] == "jan-nowak").expect("listed");
    assert_eq!(nowak["url"], "people/jan-nowak.html");
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());

    site.write("brief.yaml", "annotator:\n  person_pages: some\n");
    let error = site.build().expect_err("an unknown value").to_string();
    assert!(error.contains("person_pages"), "{error}");
}
