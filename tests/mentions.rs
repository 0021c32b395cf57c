//! Organisation and place pages show each article's sentences that name them (issue #23),
//! escaped, and the preview keeps them equal to a full build.

mod common;

use brief::session::Session;
use common::{TestSite, tree};
use std::path::PathBuf;

const UNION: &str = "---\ntitle: \"Ministers meet\"\ndate: 2025-08-18\nsource: Fixture Wire\n---\nThe talks moved on. The European Union & <b>its allies</b> met in Moscow on *Monday*. Nobody else came.\n\nLater the European Union left. Then the European Union spoke. The European Union rested.\n";

fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("content/articles/ministers-meet.md", UNION);
    site
}

#[test]
fn organisation_and_place_pages_show_the_sentences_that_name_them_escaped() {
    let site = site();
    site.build_ok();
    let union = site.page("organisations/european-union.html");
    let sentence = "<p class=\"naming\">The <mark>European Union</mark> &amp; &lt;b&gt;its allies&lt;/b&gt; met in Moscow on Monday.</p>";
    assert!(union.contains(sentence), "{union}");
    assert!(!union.contains("<b>its allies"), "content's HTML stays text");
    assert!(union.contains("<p class=\"naming\">Later the <mark>European Union</mark> left.</p>"), "{union}");
    assert!(!union.contains("Then the"), "two sentences an article at most");
    assert!(union.contains(">and 2 more in the article</a>"), "{union}");
    assert!(union.contains("href=\"../articles/ministers-meet.html\""));

    let moscow = site.page("places/moscow.html");
    assert!(moscow.contains("met in <mark>Moscow</mark> on Monday.</p>"), "{moscow}");
    assert!(moscow.contains("“Next time in <mark>Moscow</mark>,” Vladimir Putin said in English.</p>"), "{moscow}");
    assert_eq!(site.broken_links(), Vec::<String>::new());
}

#[test]
fn the_preview_shows_an_edited_sentence_as_a_full_build_does() {
    let site = site();
    let out = tempfile::tempdir().expect("temp");
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = Session::open(site.root(), options).expect("the site builds");
    let edits = [
        // The same names, one sentence reworded: the article is merged in place.
        (
            UNION.replace("met in Moscow on *Monday*", "met in Moscow on Tuesday & Wednesday"),
            "on Tuesday &amp; Wednesday.</p>",
        ),
        // A sentence that names the union no more, and one more that does.
        (
            UNION
                .replace("Later the European Union left.", "Later they left.")
                .replace("Nobody", "The European Union said nobody"),
            "<mark>European Union</mark> said nobody else came.</p>",
        ),
    ];
    for (text, shown) in &edits {
        site.write("content/articles/ministers-meet.md", text);
        session.update(&[PathBuf::from("content/articles/ministers-meet.md")]).expect("update");
        site.build_ok();
        let (preview, full) = (tree(session.output()), site.files());
        assert_eq!(preview.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>());
        for (path, bytes) in &full {
            assert!(preview[path] == *bytes, "{path} differs from a full build after {text:?}");
        }
        let union = String::from_utf8_lossy(&preview["organisations/european-union.html"]).into_owned();
        assert!(union.contains(shown), "{shown} not in {union}");
    }
}
