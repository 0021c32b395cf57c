//! The rankings: the most quoted people (`people/most-quoted.html`) and the organisations and
//! places named in most articles (`organisations/busiest.html`, `places/busiest.html`), their
//! order, their pages, the links to them, and the preview's copy of them after a save.

mod common;

use brief::session::Session;
use common::{TestSite, attribute_values, tree};
use std::path::PathBuf;

/// The fixture site with a mediator quoted four times in two articles (more than anyone
/// else), a clerk named and never quoted, a spokeswoman quoted twice in one article (as often
/// as Trump, in fewer articles, and before him by name), Warsaw and the European Commission in
/// two articles, Moscow in one.
fn ranked_site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("content/articles/mediation-one.md", mediation_one("“We will keep talking,” Kowalska said."));
    site.write(
        "content/articles/mediation-two.md",
        "---\ntitle: The mediator stays\ndate: 2025-08-19\n---\nMarta Kowalska spoke again in Warsaw. “The talks go on,” Kowalska said. “We are close,” Kowalska said.\n\nThe European Commission sent a letter. “It is a fair letter,” said Anna Bak, a spokeswoman. “Read it,” Bak said.\n",
    );
    site
}

fn mediation_one(more: &str) -> String {
    format!(
        "---\ntitle: The mediator arrives\ndate: 2025-08-18\n---\nMarta Kowalska, the mediator, landed in Warsaw on Monday. {more} “Nobody leaves the table,” Kowalska said.\n\nOfficials of the European Commission watched. Jan Nowak, a clerk, carried the papers.\n"
    )
}

/// The names a ranking page lists, in its order (the link text of its `rank-list` items).
fn ranked_names(page: &str) -> Vec<String> {
    let Some(start) = page.find("<ol class=\"rank-list\"") else { return Vec::new() };
    let list = &page[start..start + page[start..].find("</ol>").expect("the list ends")];
    list.split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let name = &item[item.find('>').expect("a link") + 1..];
            name[..name.find("</a>").expect("a link ends")].to_string()
        })
        .collect()
}

#[test]
fn the_most_quoted_come_first_and_the_unquoted_are_left_out() {
    let site = ranked_site();
    site.build_ok();
    let page = site.page("people/most-quoted.html");
    assert_eq!(
        ranked_names(&page),
        ["Marta Kowalska", "Vladimir Putin", "Donald Trump", "Anna Bak"],
        "by quotes (4, 3, 2, 2), then by articles (Trump's 2 before Bak's 1)"
    );
    assert!(page.contains("4 quotes, 2 articles"), "each with their counts");
    assert!(page.contains("President of Russia"), "and their role");
    assert!(site.page("articles/mediation-one.html").contains("<li>Jan Nowak</li>"), "the clerk is named, unlinked");
    assert!(!site.page("people/index.html").contains("Jan Nowak"), "named once in passing: no page, not listed");
    assert!(!page.contains("Jan Nowak"), "but never quoted, so not ranked");
    assert!(page.contains("<title>Most quoted people · Fixture briefings</title>"));

    let places = site.page("places/busiest.html");
    assert_eq!(ranked_names(&places), ["Warsaw"], "Moscow is named in one article only");
    assert!(site.page("places/index.html").contains("Moscow"));
    let organisations = site.page("organisations/busiest.html");
    assert_eq!(ranked_names(&organisations), ["European Commission"]);
    assert!(organisations.contains("2 articles"));
}

#[test]
fn rankings_are_paginated_and_their_pages_link_up() {
    let site = ranked_site();
    site.write("brief.yaml", "title: Paged\nbase_url: https://example.org/\npaginate: 1\n");
    site.build_ok();
    let pages: Vec<String> = ["people/most-quoted.html".to_string()]
        .into_iter()
        .chain((2..=4).map(|n| format!("people/most-quoted/page/{n}.html")))
        .collect();
    let names: Vec<Vec<String>> = pages.iter().map(|p| ranked_names(&site.page(p))).collect();
    assert_eq!(names, [["Marta Kowalska"], ["Vladimir Putin"], ["Donald Trump"], ["Anna Bak"]]);
    assert!(!site.output().join("people/most-quoted/page/5.html").exists(), "four people quoted, four pages");
    let second = site.page("people/most-quoted/page/2.html");
    assert!(second.contains("<ol class=\"rank-list\" start=\"2\">"), "ranks go on from the page before");
    assert!(second.contains("Most quoted people, page 2"));
    assert!(second.contains("← Previous</a>") && second.contains("Next →</a>"), "a ranking is not newer or older");
    let links = attribute_values(&second, "href");
    for target in ["../../../people/most-quoted.html", "../../../people/most-quoted/page/3.html"] {
        assert!(links.iter().any(|l| l == target), "page 2 links to {target}: {links:?}");
    }
    assert!(site.page("places/busiest.html").contains("Warsaw"));
    assert!(!site.output().join("places/busiest/page/2.html").exists(), "one place ranked, one page");
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn the_lists_and_the_home_page_link_to_the_rankings() {
    let site = ranked_site();
    site.build_ok();
    let links = |page: &str| attribute_values(&site.page(page), "href");
    assert!(links("people/index.html").contains(&"../people/most-quoted.html".to_string()));
    assert!(links("organisations/index.html").contains(&"../organisations/busiest.html".to_string()));
    assert!(links("places/index.html").contains(&"../places/busiest.html".to_string()));
    assert!(links("index.html").contains(&"people/most-quoted.html".to_string()));
    assert!(links("people/most-quoted.html").contains(&"../people/index.html".to_string()), "and back");
    assert!(links("places/busiest.html").contains(&"../places/index.html".to_string()));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    // The home page's top ten are the ranking's first.
    let home = site.page("index.html");
    let top = &home[home.find("id=\"quoted\"").expect("the top ten")..];
    assert!(top.find("Marta Kowalska") < top.find("Vladimir Putin"));
    assert!(top.find("Donald Trump") < top.find("Anna Bak"), "the same tie-break as the ranking");
}

#[test]
fn a_site_with_no_quotes_still_has_its_rankings_to_link_to() {
    let site = TestSite::fixture("basic");
    for article in ["talks-open.md", "talks-close.md", "wire-report.txt", "draft-note.md"] {
        std::fs::remove_file(site.root().join("content/articles").join(article)).expect("remove");
    }
    site.build_ok();
    assert!(site.page("people/most-quoted.html").contains("No quotes found yet."));
    assert!(site.page("organisations/busiest.html").contains("None named in two articles yet."));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn a_profile_cannot_take_a_rankings_slug() {
    for (rel, text) in [
        ("content/people/most-quoted.md", "---\nname: Most Quoted\n---\nBio.\n"),
        ("content/articles/busiest.md", "---\ntitle: Busiest\n---\nBody.\n"),
    ] {
        let site = TestSite::fixture("basic");
        site.write(rel, text);
        let error = site.build().expect_err("a reserved slug must fail").to_string();
        assert!(error.contains(rel) && error.contains("reserved"), "{rel}: {error}");
    }
}

/// The preview after a save that reorders the ranking (merged into the index in place, so the
/// kept order is sorted again) equals a full build, file for file.
#[test]
fn the_preview_reorders_the_rankings_as_a_full_build_does() {
    let site = ranked_site();
    site.write("brief.yaml", "title: Paged\npaginate: 1\n");
    let out = tempfile::tempdir().expect("temp");
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = Session::open(site.root(), options).expect("the site builds");
    let first = |session: &Session| {
        ranked_names(&std::fs::read_to_string(session.output().join("people/most-quoted.html")).expect("the page"))
    };
    assert_eq!(first(&session), ["Marta Kowalska"]);

    // Trump answers three times in the mediator's article: 5 quotes to her 4.
    let rel = "content/articles/mediation-one.md";
    let more =
        "“No,” Donald Trump said. “Never,” Trump said. “Not today,” Trump said. “We will keep talking,” Kowalska said.";
    site.write(rel, mediation_one(more));
    let update = session.update(&[PathBuf::from(rel)]).expect("an update");
    assert!(update.in_place, "the same people: merged in place, the kept order sorted again");
    assert_eq!(first(&session), ["Donald Trump"]);
    site.build_ok();
    let (preview, full) = (tree(session.output()), site.files());
    assert_eq!(preview.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>());
    for (path, bytes) in &full {
        assert!(preview[path] == *bytes, "{path} differs from a full build");
    }
}
