//! Charts: the numbers behind each chart match the annotations of the fixture site, and
//! every SVG is well-formed XML with a title.

mod common;

use common::TestSite;

/// Every `<svg …>…</svg>` block of a page, parsed as XML.
fn svgs(html: &str) -> Vec<String> {
    html.match_indices("<svg ")
        .map(|(i, _)| {
            let end = html[i..].find("</svg>").expect("closed svg") + i + "</svg>".len();
            let svg = html[i..end].to_string();
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("SVG is not well-formed: {e}\n{svg}"));
            let title = doc.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
            assert!(title.is_some_and(|t| !t.is_empty()), "an SVG without a title");
            svg
        })
        .collect()
}

/// The rows of the table that follows a chart: (cells as text).
fn table_rows(html: &str, after: &str) -> Vec<Vec<String>> {
    let start = html.find(after).expect("the chart is on the page");
    let table = &html[start..];
    let body = &table[table.find("<tbody>").expect("a table")..table.find("</tbody>").expect("closed")];
    body.split("<tr>")
        .skip(1)
        .map(|row| row.split("<td>").skip(1).map(|cell| text_of(cell.split("</td>").next().unwrap_or(""))).collect())
        .collect()
}

/// Markup as the text a reader sees: the tags dropped.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// The items of the first `name-list` after `after`, as text.
fn list_items(html: &str, after: &str) -> Vec<String> {
    let start = html.find(after).expect("the section is on the page");
    let list = &html[start..];
    let list = &list[list.find("<ul class=\"name-list\">").expect("a list")..];
    let list = &list[..list.find("</ul>").expect("closed")];
    list.split("<li>").skip(1).map(text_of).collect()
}

#[test]
fn the_person_timeline_has_a_column_a_day_with_its_counts() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let page = site.page("people/vladimir-putin.html");
    let charts = svgs(&page);
    let timeline = charts.iter().find(|s| s.contains("class=\"chart timeline\"")).expect("a timeline");
    // Putin is quoted in two articles (one quote on the 15th, two on the 16th): a column each.
    assert_eq!(timeline.matches("class=\"mark quoted\"").count(), 2);
    assert!(timeline.contains("<title>15 August 2025: 1 article, 1 quoting</title>"), "{timeline}");
    assert!(!timeline.contains("<a "), "a column is no link: the articles are listed on the page");
    let rows = table_rows(&page, "class=\"chart timeline\"");
    let numbers: Vec<(String, String)> = rows.iter().map(|r| (r[0].clone(), r[2].clone())).collect();
    assert_eq!(
        numbers,
        [("15 August 2025".to_string(), "1".to_string()), ("16 August 2025".to_string(), "2".to_string())]
    );
}

#[test]
fn quoted_alongside_counts_articles_quoting_both() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let page = site.page("people/vladimir-putin.html");
    assert!(page.contains("class=\"chart bars\""));
    // Trump and Putin are both quoted in one article (talks-open): the list beside the chart
    // gives the numbers, so no table repeats it.
    assert_eq!(list_items(&page, "id=\"alongside\""), ["Donald Trump in 1 article"]);
    let alongside = &page[page.find("id=\"alongside\"").expect("the section")..];
    assert!(!alongside[..alongside.find("</section>").expect("closed")].contains("<table>"));
}

#[test]
fn the_event_timeline_marks_the_event_day_and_speakers_are_counted() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let page = site.page("events/harbour-talks.html");
    let charts = svgs(&page);
    let timeline = charts.iter().find(|s| s.contains("class=\"chart timeline\"")).expect("a timeline");
    assert!(timeline.contains("class=\"event-day\""));
    assert_eq!(timeline.matches("<g>").count(), 2, "two articles, on two days");
    assert_eq!(timeline.matches("<rect class=\"mark").count(), 2);
    assert!(page.contains("Quotes by speaker"));
    assert_eq!(list_items(&page, "id=\"who-spoke\""), ["Vladimir Putin 3 quotes", "Donald Trump 1 quote"]);
}

#[test]
fn the_home_page_charts_the_latest_period() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let page = site.page("index.html");
    assert_eq!(svgs(&page).len(), 2);
    let people = table_rows(&page, "Most quoted, ");
    assert_eq!(
        people,
        [vec!["Vladimir Putin".to_string(), "3".to_string()], vec!["Donald Trump".to_string(), "2".to_string()]]
    );
    let events = table_rows(&page, "Busiest events, ");
    assert_eq!(events, [vec!["Harbour talks".to_string(), "2".to_string()]]);
}

#[test]
fn every_chart_of_the_example_site_is_well_formed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let prepared = brief::prepare(root, &Default::default()).expect("the example site renders");
    let mut count = 0;
    for page in prepared.pages.iter().filter(|p| p.path.ends_with(".html")) {
        count += svgs(&page.contents).len();
    }
    assert!(count > 20, "{count} charts");
}
