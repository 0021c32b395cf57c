//! Copies of one story folded into one article (`src/fold.rs`), on `tests/sites/fold`: a
//! story in three copies (the wire's, a trimmed one, one with a new first word, an edited
//! figure and an added line, each under its own headline and outlet) and another story by the
//! same wire that shares one of its quotes.

mod common;

use brief::session::Session;
use common::{TestSite, tree};
use serde_json::Value;
use std::path::PathBuf;

const PRIMARY: &str = "times-budget-deal";
const COPIES: [&str; 2] = ["post-budget-deal", "wire-budget-deal"];
const OTHER: &str = "wire-defence-bill";

fn json(site: &TestSite, rel: &str) -> Value {
    serde_json::from_str(&site.page(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Each article of `api/articles.json` with what it is folded into (None: an article).
fn folded_into(site: &TestSite) -> Vec<(String, Option<String>)> {
    let articles = json(site, "api/articles.json");
    let list = articles["articles"].as_array().expect("a list");
    list.iter()
        .map(|a| (a["id"].as_str().expect("an id").to_string(), a["folded_into"].as_str().map(str::to_string)))
        .collect()
}

/// The quotes of `api/quotes.json` whose text holds `words`.
fn quotes_with(site: &TestSite, words: &str) -> usize {
    let quotes = json(site, "api/quotes.json");
    quotes["quotes"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|q| q["text"].as_str().is_some_and(|t| t.contains(words)))
        .count()
}

#[test]
fn three_copies_are_one_article_listing_every_source() {
    let site = TestSite::fixture("fold");
    let report = site.build_ok();
    assert_eq!(report.articles, 2, "the story once, and the other story");

    let page = site.page(&format!("articles/{PRIMARY}.html"));
    assert!(page.contains("Also published by"), "the primary lists its copies");
    for (source, title, link) in [
        (
            "Fixture Wire",
            "Senate passes stopgap budget, averting a shutdown",
            "https://wire.example.org/2016/09/28/senate-stopgap",
        ),
        (
            "The Fixture Post",
            "Shutdown averted as Senate backs funding bill",
            "https://post.example.org/politics/shutdown-averted",
        ),
    ] {
        assert!(page.contains(source) && page.contains(title) && page.contains(link), "{source} is listed");
    }
    assert!(page.contains("<time datetime=\"2016-09-28\">"), "with its date");

    for copy in COPIES {
        let page = site.page(&format!("articles/{copy}.html"));
        assert!(page.contains(&format!("href=\"../articles/{PRIMARY}.html\"")), "{copy} links to the article it is in");
        assert!(page.contains("noindex"), "{copy}: search engines keep the article, not the copy");
        assert!(!page.contains("Quotes in this article"), "{copy} is no article page of its own");
        assert!(!site.page("sitemap.xml").contains(&format!("{copy}.html")), "{copy} is not in the sitemap");
    }
    assert!(site.page(&format!("articles/{OTHER}.html")).contains("Quotes in this article"));

    // The story's quotes count once; the quote the other story shares counts for it too.
    assert_eq!(quotes_with(&site, "nobody loves"), 1);
    assert_eq!(quotes_with(&site, "before the lights went out"), 2);
    let people = json(&site, "api/people.json");
    let reid = people["people"].as_array().expect("a list").iter().find(|p| p["id"] == "harry-reid").expect("Reid");
    assert_eq!(reid["quotes"].as_array().map(Vec::len), Some(1), "{reid}");
    assert_eq!(reid["articles"].as_array().map(Vec::len), Some(1), "{reid}");
    assert_eq!(
        site.page("people/harry-reid.html").matches("nobody loves").count(),
        one_copy_site().1,
        "as with one copy"
    );

    let mut expected: Vec<(String, Option<String>)> =
        COPIES.iter().map(|c| (c.to_string(), Some(PRIMARY.to_string()))).collect();
    expected.push((PRIMARY.to_string(), None));
    expected.push((OTHER.to_string(), None));
    let mut found = folded_into(&site);
    found.sort();
    expected.sort();
    assert_eq!(found, expected, "api/articles.json marks the copies");
    assert_eq!(site.broken_links(), Vec::<String>::new());
}

/// The fixture with the story's copies removed: its report and how often Reid's quote is on
/// his page.
fn one_copy_site() -> (brief::BuildReport, usize) {
    let site = TestSite::fixture("fold");
    for copy in COPIES {
        std::fs::remove_file(site.root().join(format!("content/articles/{copy}.md"))).expect("a copy");
    }
    let report = site.build_ok();
    (report, site.page("people/harry-reid.html").matches("nobody loves").count())
}

#[test]
fn an_editor_unfolds_a_copy_or_an_article() {
    let site = TestSite::fixture("fold");
    let post = format!("content/articles/{}.md", COPIES[0]);
    let text = std::fs::read_to_string(site.root().join(&post)).expect("the copy");
    site.write(&post, text.replacen("---\n", "---\nfold: false\n", 1));
    site.build_ok();
    let found = folded_into(&site);
    assert!(found.contains(&(COPIES[0].to_string(), None)), "`fold: false` keeps it an article: {found:?}");
    assert!(found.contains(&(COPIES[1].to_string(), Some(PRIMARY.to_string()))), "{found:?}");
    assert!(site.page(&format!("articles/{}.html", COPIES[0])).contains("Quotes in this article"));

    site.write(&post, &text);
    site.write("content/folds.yaml", format!("# not copies\nunfold:\n  - {PRIMARY}\n"));
    site.build_ok();
    let found = folded_into(&site);
    assert!(found.contains(&(PRIMARY.to_string(), None)), "{found:?}");
    assert!(
        found.contains(&(COPIES[0].to_string(), Some(COPIES[1].to_string()))),
        "the other two are still copies of each other, the fuller one the article: {found:?}"
    );

    site.write("content/folds.yaml", "unfold:\n  - times-budget-dea\n");
    let error = site.build().expect_err("a slug that names no article").to_string();
    assert!(error.contains("content/folds.yaml:2") && error.contains("times-budget-dea"), "{error}");
}

#[test]
fn check_reports_what_was_folded() {
    let site = TestSite::fixture("fold");
    let report = brief::check::check(site.root(), &brief::BuildOptions::default()).expect("a check");
    let copies: Vec<&brief::check::Finding> = report.findings.iter().filter(|f| f.check == "copies").collect();
    assert_eq!(copies.len(), 1, "one group: {:?}", report.findings);
    assert_eq!(copies[0].location, format!("content/articles/{PRIMARY}.md"));
    assert!(copies[0].message.contains("possible duplicates"), "{}", copies[0].message);
    for copy in COPIES {
        assert!(copies[0].message.contains(&format!("{copy}.md")), "{}", copies[0].message);
    }
    assert_eq!(copies[0].severity(), brief::check::Severity::Warning);
}

/// Saves that make an article join or leave a fold, or change the article others are folded
/// into: the preview's files are a full build's after each.
#[test]
fn the_preview_folds_as_a_build_does() {
    let site = TestSite::fixture("fold");
    let out = tempfile::tempdir().expect("temp");
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = Session::open(site.root(), options).expect("the site builds");
    let read = |rel: &str| std::fs::read_to_string(site.root().join(rel)).expect("a file");
    let post = format!("content/articles/{}.md", COPIES[0]);
    let primary = format!("content/articles/{PRIMARY}.md");
    let (post_text, primary_text) = (read(&post), read(&primary));
    let other_story =
        "---\ntitle: A new story\ndate: 2016-09-30\n---\n\"Nothing was agreed today,\" said Harry Reid.\n";
    let steps: Vec<(&str, Option<String>)> = vec![
        (&post, Some(other_story.to_string())),
        (&post, Some(post_text.clone())),
        (&primary, Some(primary_text.replace("Congress moves to keep", "Congress votes to keep"))),
        (&primary, Some(primary_text.replace("date: 2016-09-29", "date: 2016-09-27"))),
        (&primary, None),
        (&primary, Some(primary_text.clone())),
    ];
    for (rel, text) in steps {
        match &text {
            Some(text) => site.write(rel, text),
            None => std::fs::remove_file(site.root().join(rel)).expect("delete"),
        }
        session.update(&[PathBuf::from(rel)]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        site.build_ok();
        let (preview, full) = (tree(session.output()), site.files());
        assert_eq!(preview.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>(), "{rel}: the same files");
        for (path, bytes) in &full {
            assert!(preview[path] == *bytes, "{rel} ({}): {path} differs from a full build", text.is_some());
        }
    }
}
