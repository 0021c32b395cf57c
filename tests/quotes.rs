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
