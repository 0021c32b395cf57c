//! The preview's incremental rebuilds: after each kind of change, the files a session updated
//! in place must be exactly the files a fresh full build makes, and a one-article edit must
//! re-render only the pages that article touches.

mod common;

use brief::session::{Session, Update};
use common::{TestSite, tree};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Applies `change` (file → new text, or None to delete it), updates the session, and checks
/// its output against a full build of the same files.
fn apply(site: &TestSite, session: &mut Session, change: &[(&str, Option<&str>)]) -> Update {
    let mut paths = Vec::new();
    for (rel, text) in change {
        match text {
            Some(text) => site.write(rel, text),
            None => std::fs::remove_file(site.root().join(rel)).expect("delete"),
        }
        paths.push(PathBuf::from(rel));
    }
    let update = session.update(&paths).unwrap_or_else(|e| panic!("update failed: {e}"));
    site.build_ok();
    let (incremental, full) = (tree(session.output()), site.files());
    let missing: Vec<&String> = full.keys().filter(|k| !incremental.contains_key(*k)).collect();
    let extra: Vec<&String> = incremental.keys().filter(|k| !full.contains_key(*k)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{change:?}: missing {missing:?}, extra {extra:?}");
    for (path, bytes) in &full {
        assert!(incremental[path] == *bytes, "{change:?}: {path} differs from a full build");
    }
    update
}

fn open(site: &TestSite) -> (Session, usize, tempfile::TempDir) {
    let out = tempfile::tempdir().expect("temp");
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (session, report) = Session::open(site.root(), options).expect("the site builds");
    (session, report.pages, out)
}

#[test]
fn incremental_updates_equal_a_full_build() {
    let site = TestSite::fixture("basic");
    let (mut session, total, _out) = open(&site);

    // One article edited: a new quote for a known person.
    let update = apply(
        &site,
        &mut session,
        &[(
            "content/articles/talks-close.md",
            Some(
                "---\ntitle: \"The harbour talks end without a deal\"\ndate: 2025-08-16\nsource: Fixture Wire\nevent: harbour-talks\n---\n“See you in Moscow,” Vladimir Putin said. “We are done here,” Donald Trump said.\n",
            ),
        )],
    );
    assert!(!update.full);
    assert!(update.in_place, "the same people and event: merged into the index in place");
    assert_eq!(update.annotated, 1, "only the saved article is annotated again");
    assert!(update.written < total, "{} of {total} files rewritten", update.written);

    // A new article: a new person from the text, a new event, the newest date (every timeline
    // widens).
    let update = apply(
        &site,
        &mut session,
        &[(
            "content/articles/later.md",
            Some(
                "---\ntitle: Later\ndate: 2025-09-01\nevent: autumn-talks\n---\n“We will meet again,” said Marta Kowalska, the mediator.\n",
            ),
        )],
    );
    assert!(!update.full && !update.in_place, "a new article builds the index again");

    // A second quote by the new person, then one again: the quotes of every later article move.
    let later = |body: &str| format!("---\ntitle: Later\ndate: 2025-09-01\nevent: autumn-talks\n---\n{body}\n");
    for body in ["“We will meet again,” said Marta Kowalska. “Soon,” she added.", "“Soon,” said Marta Kowalska."]
    {
        let update = apply(&site, &mut session, &[("content/articles/later.md", Some(&later(body)))]);
        assert!(update.in_place, "{body}");
    }
    // Then none: named once and never quoted, she loses her page, and every link to it goes.
    let update =
        apply(&site, &mut session, &[("content/articles/later.md", Some(&later("Marta Kowalska said nothing.")))]);
    assert!(!update.in_place, "a page lost: the index is built again");
    assert!(!session.output().join("people/marta-kowalska.html").exists());

    // A title changed: every list that shows it.
    let update = apply(
        &site,
        &mut session,
        &[(
            "content/articles/talks-open.md",
            Some(
                "---\ntitle: \"Leaders begin the harbour talks\"\ndate: 2025-08-15\nevents: [harbour-talks]\n---\n“We came here to find a path to peace,” Vladimir Putin said.\n",
            ),
        )],
    );

    assert!(update.in_place);

    // A slug changed, then an article deleted: their pages go.
    apply(
        &site,
        &mut session,
        &[(
            "content/articles/later.md",
            Some("---\ntitle: Later\nslug: much-later\ndate: 2025-09-01\n---\nNothing said.\n"),
        )],
    );
    assert!(!session.output().join("articles/later.html").exists());
    let update = apply(&site, &mut session, &[("content/articles/later.md", None)]);
    assert!(update.removed >= 1);
    assert!(!session.output().join("articles/much-later.html").exists());

    // A page template, then the base template every page extends.
    let article = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/article.html"))
        .expect("theme");
    let update = apply(
        &site,
        &mut session,
        &[("templates/article.html", Some(&article.replace("<article", "<article data-edited")))],
    );
    assert!(update.written < total, "only article pages: {} of {total}", update.written);
    let base =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/base.html")).expect("theme");
    apply(&site, &mut session, &[("templates/base.html", Some(&base.replace("</footer>", "edited</footer>")))]);

    // A profile: the registry changes, so everything is built again.
    let update = apply(
        &site,
        &mut session,
        &[("content/people/marta-kowalska.md", Some("---\nname: Marta Kowalska\nrole: Mediator\n---\nA mediator.\n"))],
    );
    assert!(update.full);
}

#[test]
fn a_broken_save_changes_nothing_and_the_next_good_one_catches_up() {
    let site = TestSite::fixture("basic");
    let (mut session, _, _out) = open(&site);
    let before = tree(session.output());
    site.write("content/articles/talks-close.md", "---\ntitle: [broken\n---\nBody\n");
    let error = session.update(&[PathBuf::from("content/articles/talks-close.md")]).expect_err("broken YAML");
    assert!(error.to_string().contains("content/articles/talks-close.md:"), "{error}");
    assert_eq!(tree(session.output()), before, "nothing on disk changed");

    // Another article's slug: refused, naming the slug and the other file.
    site.write("content/articles/talks-close.md", "---\ntitle: Twin\nslug: talks-open\n---\nBody\n");
    let error = session.update(&[PathBuf::from("content/articles/talks-close.md")]).expect_err("duplicate slug");
    assert!(error.to_string().contains("`talks-open`") && error.to_string().contains("talks-"), "{error}");
    assert_eq!(tree(session.output()), before, "nothing on disk changed");

    apply(
        &site,
        &mut session,
        &[(
            "content/articles/talks-close.md",
            Some("---\ntitle: Fixed\ndate: 2025-08-16\n---\n“Fixed now,” Putin said.\n"),
        )],
    );
}

/// Every file of `dir` by its inode: a file the session replaced has a new one.
#[cfg(unix)]
fn inodes(dir: &std::path::Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    tree(dir)
        .into_keys()
        .map(|rel| {
            let ino = std::fs::metadata(dir.join(&rel)).expect("metadata").ino();
            (rel, ino)
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn an_edit_rewrites_only_the_pages_of_a_person_it_changes_and_fewer_pages_leave_none_behind() {
    let site = TestSite::fixture("basic");
    site.write("brief.yaml", "title: Paged\npaginate: 2\n");
    let day = |n: usize, body: &str| format!("---\ntitle: Day {n}\ndate: 2025-07-{n:02}\n---\n{body}\n");
    for n in 1..=8 {
        site.write(&format!("content/articles/day-{n:02}.md"), day(n, &format!("“Remark {n} stands,” Putin said.")));
    }
    let (mut session, _, _out) = open(&site);
    let first = "people/vladimir-putin.html";
    let last = "people/vladimir-putin/page/5.html"; // 10 articles, two a page, oldest last
    assert!(session.output().join(last).is_file());
    // The pages of Putin's that an update replaced.
    let rewritten = |before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>| -> Vec<String> {
        let page = |rel: &String| rel.starts_with("people/vladimir-putin") && rel.ends_with(".html");
        after
            .iter()
            .filter(|(rel, ino)| page(rel) && before.get(*rel) != Some(ino))
            .map(|(rel, _)| rel.clone())
            .collect()
    };

    // The words of an old quote: only the page that shows it.
    let before = inodes(session.output());
    let text = day(1, "“Remark 1 still stands,” Putin said.");
    let update = apply(&site, &mut session, &[("content/articles/day-01.md", Some(&text))]);
    assert!(update.in_place);
    let after = inodes(session.output());
    assert_eq!(rewritten(&before, &after), vec![last], "only the page with the article");

    // One more quote: the counts on the first page change too, the pages between do not.
    let before = after;
    let text = day(1, "“Remark 1 still stands,” Putin said. “And another,” he added.");
    apply(&site, &mut session, &[("content/articles/day-01.md", Some(&text))]);
    let after = inodes(session.output());
    assert_eq!(rewritten(&before, &after), vec![first, last]);

    // Four articles fewer: two pages fewer, and their files are gone.
    let gone: Vec<String> = (1..=4).map(|n| format!("content/articles/day-{n:02}.md")).collect();
    let change: Vec<(&str, Option<&str>)> = gone.iter().map(|p| (p.as_str(), None)).collect();
    apply(&site, &mut session, &change);
    assert!(session.output().join("people/vladimir-putin/page/3.html").is_file());
    assert!(!session.output().join("people/vladimir-putin/page/4.html").exists());
    assert!(!session.output().join(last).exists());

    // Down to one page: the folder of the later pages goes too.
    let gone: Vec<String> = (5..=8).map(|n| format!("content/articles/day-{n:02}.md")).collect();
    let change: Vec<(&str, Option<&str>)> = gone.iter().map(|p| (p.as_str(), None)).collect();
    apply(&site, &mut session, &change);
    assert!(session.output().join(first).is_file());
    assert!(!session.output().join("people/vladimir-putin").exists());
}

#[cfg(unix)]
#[test]
fn a_saved_link_out_of_the_site_is_refused_by_the_preview() {
    let victim = tempfile::tempdir().expect("temp");
    std::fs::write(victim.path().join("secret.md"), "---\ntitle: Secret\n---\nswordfish\n").expect("write");
    let site = TestSite::fixture("basic");
    let (mut session, _, _out) = open(&site);
    let rel = "content/articles/secret.md";
    std::os::unix::fs::symlink(victim.path().join("secret.md"), site.root().join(rel)).expect("symlink");
    let error = session.update(&[PathBuf::from(rel)]).expect_err("must refuse").to_string();
    assert!(error.contains(rel) && error.contains("leads out of the site"), "{error}");
    let published = tree(session.output());
    assert!(published.values().all(|bytes| !String::from_utf8_lossy(bytes).contains("swordfish")));
}

#[test]
fn a_change_to_the_editors_file_equals_a_full_build() {
    let site = TestSite::fixture("basic");
    let (mut session, _, _out) = open(&site);
    let update = apply(
        &site,
        &mut session,
        &[(
            "content/entities.yaml",
            Some("people:\n  President Putin: [Vladimir Putin]\nnot_entities: [Donald Trump]\n"),
        )],
    );
    assert!(update.full, "a change to the editors' file is a full build");
    apply(&site, &mut session, &[("content/entities.yaml", None)]);
}

/// A saved article that joins a discovered event, then leaves it: the event's page, feed and
/// API entry appear and go as a full build makes them.
#[test]
fn a_saved_article_joins_and_leaves_a_discovered_event() {
    let site = TestSite::fixture("basic");
    let report = |title: &str, date: &str, body: &str| format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n{body}\n");
    let bridge = "Engineers said corrosion in the steel cables of the Helsinki harbour bridge had been reported before it collapsed into the estuary, and divers searched the wreckage.\n\n“We will find out why this bridge fell,” Mayor Lena Varga said.";
    site.write("content/articles/bridge-falls.md", report("Helsinki harbour bridge collapses", "2025-03-10", bridge));
    let fillers = [
        ("Northam club wins the county football cup", "Northam beat Ashby in the county football cup final."),
        ("City orchestra announces spring concert season", "The orchestra will play Brahms at the concert hall."),
        ("Late frost threatens apple blossom", "Growers lit braziers among the apple trees as frost settled."),
        ("Library extends opening hours", "The central library will open until midnight during examinations."),
    ];
    for (i, (title, body)) in fillers.iter().enumerate() {
        site.write(&format!("content/articles/filler-{i}.md"), report(title, &format!("2025-02-0{}", i + 1), body));
    }
    let (mut session, _, _out) = open(&site);
    let events = |session: &Session| std::fs::read_to_string(session.output().join("api/events.json")).expect("api");
    assert!(!events(&session).contains("\"discovered\":true"));

    let joined = report("Divers search wreckage of Helsinki bridge collapse", "2025-03-11", bridge);
    apply(&site, &mut session, &[("content/articles/bridge-divers.md", Some(&joined))]);
    assert!(events(&session).contains("\"discovered\":true"), "a new article makes the event");
    let edited =
        report("Divers search wreckage of Helsinki bridge", "2025-03-11", &bridge.replace("searched", "combed"));
    apply(&site, &mut session, &[("content/articles/bridge-divers.md", Some(&edited))]);
    let left = report("Tram drivers end their strike", "2025-03-11", "Tram drivers returned to work after a pay deal.");
    apply(&site, &mut session, &[("content/articles/bridge-divers.md", Some(&left))]);
    assert!(!events(&session).contains("\"discovered\":true"), "it leaves, and the event goes");
    apply(&site, &mut session, &[("content/articles/bridge-divers.md", Some(&joined))]);
    apply(&site, &mut session, &[("content/articles/bridge-divers.md", None)]);
}

/// A person named once in passing has no page; a save that names them in a second article
/// gives them one, linked from both articles, and a save that takes the mention away again
/// takes the page and every link to it away. Each save equals a full build.
#[test]
fn a_person_named_in_a_second_article_gains_a_page_and_loses_it_again() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/clerk.md",
        "---\ntitle: Papers\ndate: 2025-08-20\n---\nJan Nowak, a clerk, carried the papers.\n",
    );
    let (mut session, _, _out) = open(&site);
    let page = "people/jan-nowak.html";
    let out = session.output().to_path_buf();
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).expect("a page");
    assert!(!out.join(page).exists(), "named once, no quote, no profile: no page");
    assert!(read("articles/clerk.html").contains("<li>Jan Nowak</li>"), "listed without a link");
    assert!(!read("articles/clerk.html").contains("jan-nowak.html"));

    let close = std::fs::read_to_string(site.root().join("content/articles/talks-close.md")).expect("fixture");
    let named = close.replace("The talks ended", "Jan Nowak, a clerk, took notes. The talks ended");
    let update = apply(&site, &mut session, &[("content/articles/talks-close.md", Some(&named))]);
    assert!(!update.in_place, "a page gained: every page that names him changes");
    assert!(out.join(page).is_file(), "named in two articles: a page");
    for article in ["articles/clerk.html", "articles/talks-close.html"] {
        assert!(read(article).contains("../people/jan-nowak.html"), "{article} links to the new page");
    }
    assert!(read("people/index.html").contains("Jan Nowak"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());

    let update = apply(&site, &mut session, &[("content/articles/talks-close.md", Some(&close))]);
    assert!(!update.in_place, "a page lost");
    assert!(!out.join(page).exists(), "named once again: the page goes");
    assert!(!read("articles/clerk.html").contains("jan-nowak.html"), "and the link to it");
    assert!(!read("people/index.html").contains("Jan Nowak"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}
