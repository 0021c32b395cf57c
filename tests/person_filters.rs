//! A person's first page can be narrowed by outlet and period in the page (issue #23): every
//! article carries its source and date, the form is hidden until `filter.js` shows it.

mod common;

use common::{TestSite, attribute_values};

fn article(slug: &str, date: &str, source: Option<&str>, quote: &str) -> (String, String) {
    let source = source.map(|s| format!("source: \"{s}\"\n")).unwrap_or_default();
    let text = format!("---\ntitle: \"{slug}\"\ndate: {date}\n{source}---\n“{quote},” Vladimir Putin said.\n");
    (format!("content/articles/{slug}.md"), text)
}

#[test]
fn a_persons_first_page_offers_outlets_and_months_and_marks_every_article() {
    let site = TestSite::fixture("basic");
    for (path, text) in [
        article("july-post", "2025-07-02", Some("The <Post> & Co"), "We waited all summer"),
        article("july-undated-source", "2025-07-20", None, "Nothing is agreed yet"),
    ] {
        site.write(&path, text);
    }
    site.build_ok();
    let page = site.page("people/vladimir-putin.html");
    // The controls, labelled, hidden without the script, which the page loads.
    assert!(
        page.contains("<form id=\"filters\" class=\"filters\" aria-label=\"Narrow the articles\" hidden>"),
        "{page}"
    );
    assert!(page.contains("<label for=\"filter-source\">Outlet</label>"));
    assert!(page.contains("<label for=\"filter-period\">Month</label>"), "under a year of articles: by month");
    assert!(page.contains("<p id=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>"));
    assert!(
        page.contains("<option value=\"The &lt;Post&gt; &amp; Co\">The &lt;Post&gt; &amp; Co (1)</option>"),
        "{page}"
    );
    assert!(page.contains("<option value=\"Fixture Wire\">Fixture Wire (2)</option>"));
    assert!(
        page.contains(
            "<option value=\"2025-08\">August 2025 (2)</option><option value=\"2025-07\">July 2025 (2)</option>"
        ),
        "{page}"
    );
    // Every article of the page carries what the script compares, once: as its quote group,
    // or as its card when Putin is not quoted in it.
    let sources = attribute_values(&page, "data-source");
    let dates = attribute_values(&page, "data-date");
    let groups = page.matches("<section class=\"quote-group\"").count();
    let cards = page.matches("<li class=\"card\" data-source=").count();
    assert!(groups > 0, "{page}");
    assert_eq!((sources.len(), groups + cards), (4, 4), "{sources:?}");
    assert_eq!(dates.len(), sources.len());
    assert!(sources.contains(&"The <Post> & Co".to_string()) && sources.contains(&String::new()), "{sources:?}");
    assert!(dates.contains(&"2025-07-02".to_string()));
    assert!(page.contains("<script src=\"../filter.js\" defer></script>"));
    let script = site.page("filter.js");
    assert!(script.contains("getElementById(\"filters\")") && script.contains("articles shown"));
    assert_eq!(site.broken_links(), Vec::<String>::new());

    // Someone quoted in one outlet and one month has nothing to narrow.
    let trump = site.page("people/donald-trump.html");
    assert!(!trump.contains("id=\"filters\"") && !trump.contains("data-source"), "{trump}");
}

#[test]
fn a_year_or_more_of_articles_is_narrowed_by_year() {
    let site = TestSite::fixture("basic");
    let (path, text) = article("last-year", "2024-08-15", Some("Fixture Wire"), "It was a long year");
    site.write(&path, text);
    site.build_ok();
    let page = site.page("people/vladimir-putin.html");
    assert!(page.contains("<label for=\"filter-period\">Year</label>"), "{page}");
    assert!(
        page.contains("<option value=\"2025\">2025 (2)</option><option value=\"2024\">2024 (1)</option>"),
        "{page}"
    );
    assert!(!page.contains("filter-source"), "one outlet: no choice of outlet");
    assert_eq!(site.broken_links(), Vec::<String>::new());
}

#[test]
fn a_first_page_with_more_pages_says_it_narrows_its_own_articles_only() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("brief.yaml")).expect("brief.yaml");
    site.write("brief.yaml", format!("{config}paginate: 2\n"));
    for (path, text) in [
        article("september-post", "2025-09-02", Some("The Post"), "We waited all summer"),
        article("september-wire", "2025-09-20", Some("Other Wire"), "Nothing is agreed yet"),
    ] {
        site.write(&path, text);
    }
    site.build_ok();
    let first = site.page("people/vladimir-putin.html");
    assert!(first.contains("id=\"filters\""), "{first}");
    assert!(
        first.contains("This narrows the articles on this page, the newest; older ones are on the <a href=\"../people/vladimir-putin/page/2.html\">next pages</a>."),
        "{first}"
    );
    assert_eq!(attribute_values(&first, "data-source").len(), 2, "two articles a page");
    assert_eq!(site.broken_links(), Vec::<String>::new());
}
