//! What a reader sees of quotes on the pages: no internal marker, no pronoun for a speaker,
//! every quote reachable by its anchor.

mod common;

use common::TestSite;

fn site_with(article: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("content/articles/quotes.md", format!("---\ntitle: Quotes\ndate: 2025-09-01\n---\n{article}"));
    site.build_ok();
    site
}

#[test]
fn a_quote_tied_to_a_sentence_before_shows_no_internal_cue() {
    let site = site_with(
        "Vladimir Putin announced on Monday the lawsuit against the state of North Carolina, its governor and the university. “We are seeking a court order declaring the restriction discriminatory.” He further announced more.\n",
    );
    let page = site.page("articles/quotes.html");
    assert!(page.contains("We are seeking a court order"), "the quote is on the page");
    assert!(site.page("people/vladimir-putin.html").contains("We are seeking a court order"), "and on its speaker's");
    for file in ["articles/quotes.html", "people/vladimir-putin.html", "api/quotes.json"] {
        assert!(!site.page(file).contains("~rep"), "{file} shows the internal cue");
    }
}

#[test]
fn a_bare_they_is_no_speaker() {
    let site = site_with("Trump met his aides on Monday. “We will win this state easily,” they said.\n");
    let page = site.page("articles/quotes.html");
    assert!(page.contains("We will win this state easily"));
    assert!(!page.contains("they (said)") && !page.contains(">they<"), "a pronoun shown as the speaker");
    assert!(!site.page("api/quotes.json").contains("\"unnamed\":\"they\""));
}

#[test]
fn a_quote_that_opens_with_markup_keeps_its_anchor() {
    let site = site_with(
        "“**Nobody** will take this harbour from us,” Vladimir Putin said.\n\n\
         “`Ceasefire` is a word we do not use,” Donald Trump said.\n\n\
         “<b>Raw</b> markup shows as text,” Vladimir Putin said.\n\n\
         “*We* are ready,” Vladimir Putin said.\n",
    );
    let page = site.page("articles/quotes.html");
    // A quote's id is its article's and its anchor there: `quotes#q-1`.
    let quotes: serde_json::Value = serde_json::from_str(&site.page("api/quotes.json")).expect("JSON");
    let ids: Vec<&str> = quotes["quotes"].as_array().expect("a list").iter().filter_map(|q| q["id"].as_str()).collect();
    let anchors: Vec<&str> = ids.iter().filter_map(|id| id.strip_prefix("quotes#")).collect();
    assert_eq!(anchors.len(), 4, "{quotes}");
    for anchor in anchors {
        assert!(page.contains(&format!("id=\"{anchor}\"")), "no element with id {anchor} on the article page");
    }
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn a_person_page_leads_with_full_quotes_and_shows_a_repeated_one_once() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/first.md",
        "---\ntitle: First\ndate: 2025-09-02\nsource: Wire One\n---\n\
         “We will build the new harbour bridge before winter,” Vladimir Putin said.\n\n\
         Putin said the old bridge was “a relic of another age” and “useless.”\n",
    );
    site.write(
        "content/articles/second.md",
        "---\ntitle: Second\ndate: 2025-09-01\nsource: Wire Two\n---\n\
         “We will build the new harbour bridge before winter,” Vladimir Putin said on Monday.\n",
    );
    site.build_ok();
    let page = site.page("people/vladimir-putin.html");
    let full = "We will build the new harbour bridge before winter,";
    assert_eq!(page.matches(full).count(), 1, "a quote said in two articles is shown once");
    assert!(page.contains("also in <a href=\"../articles/second.html\">Wire Two</a>"), "with its other source");
    assert!(page.contains("“…a relic of another age…”"), "a partial quote is listed apart, in passing");
    assert!(!page.contains("…useless"), "a one-word partial quote is left off the page");
    // Both stay marked in the article itself.
    assert!(site.page("articles/first.html").contains("useless"));
    assert!(site.page("articles/second.html").contains(full));
}

#[test]
fn someone_quoted_only_in_a_word_or_two_still_has_them_shown() {
    let site = site_with("State media quoted Ambassador Ilya Voronin as saying the mood was “generally positive.”\n");
    let page = site.page("people/ilya-voronin.html");
    assert!(page.contains("generally positive"), "{page}");
}
