//! Saved web pages, feeds and wire XML: what is taken from each fixture (title, date, author,
//! source, link, text), whole sites made of each and mixed with Markdown, the errors a bad
//! file gets, and the preview picking up a saved page.

mod common;

use brief::content::{Article, Content};
use common::TestSite;
use std::path::{Path, PathBuf};

fn load(site: &str) -> Content {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites").join(site);
    brief::content::load(&root, Default::default()).unwrap_or_else(|e| panic!("{site}: {e}"))
}

/// What a reader should take from one fixture article.
struct Expected {
    site: &'static str,
    slug: &'static str,
    title: &'static str,
    date: &'static str,
    author: Option<&'static str>,
    source: Option<&'static str>,
    url: Option<&'static str>,
    /// The text's first and last words, and a sentence from its middle.
    text: &'static [&'static str],
    /// What must not be in the text: page furniture, comments, prompts, captions.
    not: &'static [&'static str],
}

const FURNITURE: &[&str] =
    &["cookie", "Advertisement", "Share", "Sign up", "Subscribe", "Related", "Most read", "Comments", "Photo:"];

const EXPECTED: &[Expected] = &[
    Expected {
        site: "pages",
        slug: "harbour-deal-signed",
        title: "Harbour deal signed after all-night talks",
        date: "2025-09-02",
        author: Some("Ines Carvalho and Owen Pryce"),
        source: Some("The Coastal Ledger"),
        url: Some("https://ledger.example.com/news/2025/09/02/harbour-deal-signed"),
        text: &[
            "The harbour authority and the fishing fleet signed",
            "“a floor, not a ceiling”",
            "it cannot do it alone,” she said.",
        ],
        not: &["Typical. The small boats", "Trawlers tied up", "Landing fees rise", "By Ines Carvalho"],
    },
    Expected {
        site: "pages",
        slug: "ferry-strike-og",
        title: "Ferry crews walk out over rotas",
        date: "2025-09-04",
        author: Some("Hannah Brody"),
        source: Some("Island Post"),
        url: Some("https://islandpost.example.net/local/ferry-crews-walk-out"),
        text: &[
            "Crews on the island ferry stopped work",
            "“Tired crews are not safe crews,”",
            "held at the north quay.",
        ],
        not: &["12 Harbour Street", "WhatsApp"],
    },
    Expected {
        site: "pages",
        slug: "dredging-odd-byline",
        title: "Dredging to start before the herring season",
        date: "2025-09-10",
        author: Some("Sam Whitlock"),
        source: Some("Harbour Weekly"),
        url: None,
        text: &["Work to dredge the inner basin", "“Every tide we lose", "we will plan around it,” one skipper said."],
        not: &["Archive", "Contact", "published every Wednesday", "By Sam Whitlock"],
    },
    Expected {
        site: "pages",
        slug: "storm-live",
        title: "Storm Agnes live: coast road closed, ferries cancelled",
        date: "2025-09-12",
        author: Some("Ledger news desk"),
        source: Some("The Coastal Ledger"),
        url: Some("https://ledger.example.com/live/storm-agnes"),
        // A live blog's text is its entries, newest first, each under its headline.
        text: &[
            "Harbour closed to all traffic",
            "No boat leaves this harbour today",
            "Waves are breaking over the sea wall",
            "gusts of up to ninety miles an hour.",
        ],
        not: &["09:10", "Share this update", "This site uses cookies"],
    },
    Expected {
        site: "pages",
        slug: "quota-paywalled",
        title: "Inside the fight over the herring quota",
        date: "2025-09-15",
        author: Some("Ruth Adeyemi"),
        source: Some("The Fisheries Review"),
        url: Some("https://review.example.org/analysis/herring-quota-fight"),
        // The standfirst is the article's, as Readability takes it.
        text: &[
            "How a ministry spreadsheet set two ports against each other.",
            "When the ministry published its draft herring quota",
            "“We were told the stock was recovering",
            "thirty years.",
        ],
        not: &["keep reading", "£1 a week", "Already a subscriber", "Log in", "Independent since"],
    },
    Expected {
        site: "pages",
        slug: "weekend-roundup-lifeboat-crew-honoured-for-winter-rescue",
        title: "Lifeboat crew honoured for winter rescue",
        date: "2025-09-19",
        author: Some("Sam Whitlock"),
        source: Some("Harbour Weekly"),
        url: Some("https://weekly.example.com/news/lifeboat-crew-honoured"),
        text: &["The crew of the harbour lifeboat received", "“They went out in seas", "two years ago."],
        not: &["Fish market", "Sunday", "By Sam Whitlock"],
    },
    Expected {
        site: "pages",
        slug: "weekend-roundup-fish-market-to-open-on-sundays",
        title: "Fish market to open on Sundays",
        date: "2025-09-20",
        author: Some("Dana Moss"),
        source: Some("Harbour Weekly"),
        url: Some("https://weekly.example.com/news/fish-market-sundays"),
        text: &["The fish market on the north quay", "never made sense,” said Tomas Lindqvist", "six-month trial."],
        not: &["lifeboat", "By Dana Moss"],
    },
    Expected {
        site: "pages",
        slug: "cafes-latin1",
        title: "Café owners fear the quay's new rules",
        date: "2025-09-08",
        author: Some("Renée Dupré"),
        source: Some("Le Petit Port"),
        url: None,
        text: &[
            "Owners of the cafés along the quay",
            "“We have put tables on this quay since my grandfather's time,” said José Ibáñez",
            "1,200 signatures — about a third of the town.",
        ],
        not: &["Accueil", "English edition"],
    },
    Expected {
        site: "feeds",
        slug: "pilots-second-tug-ae58a6",
        title: "Pilots call for a second tug",
        date: "2025-09-05",
        author: Some("Ines Carvalho"),
        source: Some("The Coastal Ledger – Ports"),
        url: Some("https://ledger.example.com/news/2025/09/05/pilots-second-tug"),
        text: &[
            "Harbour pilots have asked for a second tug",
            "said the pilots’ spokesman, Arne Holt.",
            "“Safety comes before the budget, but the budget is real,” Okafor said.",
        ],
        not: &["Advertisement", "one tug is not enough for the new trawlers"],
    },
    Expected {
        site: "feeds",
        slug: "cafe-tables-stay-516627",
        title: "Café tables to stay on the quay this winter",
        date: "2025-09-06",
        author: None,
        source: Some("The Coastal Ledger – Ports"),
        url: Some("https://ledger.example.com/news/2025/09/06/cafe-tables-stay"),
        text: &["The cafés on the quay may keep their tables out until March", "“We listened,” said Maria Okafor."],
        not: &["<p>"],
    },
    Expected {
        site: "feeds",
        slug: "ferry-talks-resume-d71c74",
        title: "Ferry talks resume & crossings restart",
        date: "2025-09-08",
        author: Some("Hannah Brody"),
        source: Some("Island Post"),
        url: Some("https://islandpost.example.net/local/ferry-talks-resume"),
        text: &[
            "Ferries to the mainland ran again",
            "said the union organiser, Petra Vance.",
            "that is what matters tonight,” Lindqvist said.",
        ],
        not: &["Crossings restart as the ferry company"],
    },
    Expected {
        site: "feeds",
        slug: "school-trip-called-off-34de9e",
        title: "School trip called off over storm warning",
        date: "2025-09-11",
        author: None,
        source: Some("Island Post"),
        url: Some("https://islandpost.example.net/local/school-trip-called-off"),
        text: &["The island school has called off its trip", "refunded in full, the head teacher said."],
        not: &[],
    },
    Expected {
        site: "feeds",
        slug: "net-makers-150-92c771",
        title: "Net makers’ guild marks 150 years",
        date: "2025-09-13",
        author: None,
        source: Some("Harbour Weekly"),
        url: Some("https://weekly.example.com/news/net-makers-150"),
        text: &[
            "The net makers’ guild celebrated its 150th year",
            "“Our nets fed this town before there was a harbour wall,” said the guild’s master, Colm Reilly.",
        ],
        not: &[],
    },
    Expected {
        site: "feeds",
        slug: "quota-meeting-429867",
        title: "Quota meeting set for October",
        date: "2025-09-16",
        author: Some("Ruth Adeyemi"),
        source: Some("The Fisheries Review"),
        url: Some("https://review.example.org/news/quota-meeting"),
        text: &[
            "The ministry will meet the northern ports on 7 October",
            "“Everything is on the table,” Tomas Lindqvist said.",
        ],
        not: &[],
    },
    Expected {
        site: "feeds",
        slug: "lighthouse-keeper-retires-e6ddd6",
        title: "Last lighthouse keeper retires",
        date: "2025-09-18",
        author: Some("Bea Lund"),
        source: Some("Coast Radio Newsroom"),
        url: Some("https://radio.example.com/news/lighthouse-keeper-retires"),
        text: &["The last keeper of the Carrick Point lighthouse", "said Edwin Marsh, 66."],
        not: &[],
    },
    Expected {
        site: "feeds",
        slug: "harbour-open-day-on-sunday-ee77d6",
        title: "Harbour open day on Sunday",
        date: "2025-09-19",
        author: None,
        source: Some("Coast Radio Newsroom"),
        url: None,
        text: &["The harbour authority will open its doors on Sunday.", "the control tower, Maria Okafor said."],
        not: &[],
    },
    Expected {
        site: "wirexml",
        slug: "pilot-boat-nitf",
        title: "New pilot boat launched at north quay",
        date: "2025-09-17",
        author: Some("Kofi Mensah"),
        source: Some("Harbour Wire"),
        url: None,
        text: &[
            "The harbour authority launched its new pilot boat",
            "said Maria Okafor, the authority’s chair.",
            "“earns its keep” and deserved the money.",
        ],
        not: &["The new pilot boat at the north quay.", "Editing by", "A new pilot boat entered service"],
    },
    Expected {
        site: "wirexml",
        slug: "herring-season-newsml",
        title: "Herring season opens with a smaller fleet",
        date: "2025-09-22",
        author: Some("Kofi Mensah"),
        source: Some("Harbour Wire"),
        url: None,
        text: &["The herring season opened on Monday", "“The quota decides who sails", "easier to catch."],
        not: &["FISHING-HERRING", "Fewer boats sail"],
    },
    Expected {
        site: "wirexml",
        slug: "wire-batch-newsml-quay-cafes",
        title: "Cafés win a reprieve on the quay",
        date: "2025-09-23",
        author: Some("Ana Sousa"),
        source: Some("Harbour Wire"),
        url: None,
        text: &[
            "The cafés on the quay can keep their awnings",
            "\"We found a way that keeps the tables and the ambulances,\" she said.",
        ],
        not: &["Cafés\n"],
    },
    Expected {
        site: "wirexml",
        slug: "wire-batch-newsml-tug-tender",
        title: "Tender opens for a second tug",
        date: "2025-09-23",
        author: None,
        source: Some("Harbour Wire"),
        url: None,
        text: &["The harbour authority opened a tender", "Bids close on 31 October, Maria Okafor said."],
        not: &[],
    },
];

/// Each fixture's fields against what its file says, field by field; prints the table of
/// how many are right (the accuracy report) before failing on any that is not.
#[test]
fn each_fixture_reads_right() {
    let sites: Vec<(&str, Content)> = ["pages", "feeds", "wirexml"].into_iter().map(|s| (s, load(s))).collect();
    let mut wrong = Vec::new();
    let mut right = [0usize; 6];
    for expected in EXPECTED {
        let content = &sites.iter().find(|(s, _)| *s == expected.site).expect("a site").1;
        let Some(article) = content.articles.iter().find(|a| a.slug == expected.slug) else {
            let slugs: Vec<&str> = content.articles.iter().map(|a| a.slug.as_str()).collect();
            wrong.push(format!("{}: no article {} among {slugs:?}", expected.site, expected.slug));
            continue;
        };
        let checks = [
            ("title", article.title == expected.title, format!("{:?}", article.title)),
            (
                "date",
                article.date.map(|d| d.to_string()).as_deref() == Some(expected.date),
                format!("{:?}", article.date),
            ),
            ("author", article.author.as_deref() == expected.author, format!("{:?}", article.author)),
            ("source", article.source.as_deref() == expected.source, format!("{:?}", article.source)),
            ("url", article.url.as_deref() == expected.url, format!("{:?}", article.url)),
            ("text", text_is_right(article, expected), article.body.clone()),
        ];
        for (i, (field, ok, got)) in checks.into_iter().enumerate() {
            if ok {
                right[i] += 1;
            } else {
                wrong.push(format!("{} {}: {field} is {got}", expected.site, expected.slug));
            }
        }
    }
    let fields = ["title", "date", "author", "source", "url", "text"];
    let table: Vec<String> = fields.iter().zip(right).map(|(f, n)| format!("{f} {n}/{}", EXPECTED.len())).collect();
    println!("fixtures read right: {}", table.join(", "));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn text_is_right(article: &Article, expected: &Expected) -> bool {
    let body = &article.body;
    let first = expected.text.first().is_none_or(|t| body.starts_with(t));
    let last = expected.text.last().is_none_or(|t| body.ends_with(t));
    let all = expected.text.iter().all(|t| body.contains(t));
    let none = expected.not.iter().chain(FURNITURE).all(|t| !body.contains(t));
    first && last && all && none
}

#[test]
fn a_page_records_its_dateline_summary_and_tags() {
    let wire = load("wirexml");
    let pilot = wire.articles.iter().find(|a| a.slug == "pilot-boat-nitf").unwrap();
    assert_eq!(pilot.dateline.as_deref(), Some("Port Carrick"));
    assert_eq!(pilot.summary.as_deref(), Some("A new pilot boat entered service on Wednesday."));
    assert_eq!(pilot.tags, ["shipping", "harbour"]);
    let pages = load("pages");
    let deal = pages.articles.iter().find(|a| a.slug == "harbour-deal-signed").unwrap();
    assert_eq!(deal.tags, ["harbour", "fishing", "port fees"]);
    // Every text read from a page, feed or wire item is plain text, a paragraph a line.
    for article in wire.articles.iter().chain(&pages.articles) {
        assert_eq!(article.format, brief::annotate::TextFormat::Plain, "{}", article.slug);
        assert!(!article.body.contains("\n\n\n") && !article.body.starts_with('\n'), "{}", article.slug);
    }
}

/// A whole site of one kind: it builds, each article has its page, the people quoted have
/// theirs with the quote, and `brief check` finds no error.
fn site_builds_clean(name: &str, articles: &[&str], quotes: &[(&str, &str)]) {
    let site = TestSite::fixture(name);
    site.build_ok();
    for slug in articles {
        let page = site.page(&format!("articles/{slug}.html"));
        assert!(page.contains("class=\"quote") || !quotes.is_empty(), "{slug}");
    }
    for (person, said) in quotes {
        let page = site.page(&format!("people/{person}.html"));
        assert!(page.contains(said), "{person} should be quoted saying {said:?}");
    }
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    let report = brief::check::check(site.root(), &Default::default()).expect("check runs");
    assert_eq!(report.errors(), 0, "{:?}", report.findings);
}

#[test]
fn a_site_of_saved_pages_builds_clean() {
    site_builds_clean(
        "pages",
        &["harbour-deal-signed", "storm-live", "weekend-roundup-fish-market-to-open-on-sundays", "cafes-latin1"],
        &[
            ("maria-okafor", "Nobody got everything they wanted"),
            ("maria-okafor", "No boat leaves this harbour today"),
            ("tomas-lindqvist", "We will be back at this table next spring"),
            ("tomas-lindqvist", "Sunday is when the town is full"),
        ],
    );
}

#[test]
fn a_site_of_feeds_builds_clean() {
    site_builds_clean(
        "feeds",
        &["pilots-second-tug-ae58a6", "ferry-talks-resume-d71c74", "lighthouse-keeper-retires-e6ddd6"],
        &[
            ("maria-okafor", "Safety comes before the budget"),
            ("tomas-lindqvist", "The island is open again"),
            ("tomas-lindqvist", "Everything is on the table"),
        ],
    );
}

#[test]
fn a_site_of_wire_xml_builds_clean() {
    site_builds_clean(
        "wirexml",
        &["pilot-boat-nitf", "herring-season-newsml", "wire-batch-newsml-quay-cafes"],
        &[("maria-okafor", "Ships have waited up to two hours"), ("tomas-lindqvist", "The quota decides who sails")],
    );
}

#[test]
fn feed_items_saved_as_files_too_are_one_article() {
    site_builds_clean(
        "mixed",
        &["harbour-deal-signed", "dredging-plan"],
        &[("maria-okafor", "This is the money we asked for"), ("hal-brennan", "It is time someone younger")],
    );
    let content = load("mixed");
    let slugs: Vec<&str> = content.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["dredging-plan", "harbour-deal-signed", "harbour-master-retires-87aa55"]);
    // The saved page is kept, not the feed's summary of it.
    let deal = content.articles.iter().find(|a| a.slug == "harbour-deal-signed").unwrap();
    assert_eq!(deal.path, PathBuf::from("content/articles/harbour-deal-signed.html"));
    assert!(deal.body.contains("all-night") || deal.body.contains("through the night"));
}

#[test]
fn feed_slugs_stay_when_the_feed_moves_on() {
    let site = TestSite::fixture("feeds");
    let before: Vec<String> =
        brief::content::load(site.root(), Default::default()).unwrap().articles.into_iter().map(|a| a.slug).collect();
    // A new item at the top of the feed, the last one gone.
    let feed = std::fs::read(site.root().join("content/feeds/island-post.atom")).unwrap();
    let feed = String::from_utf8(feed).unwrap();
    let newer = "<entry><title>Harbour lights repaired</title><link href=\"local/harbour-lights\"/><id>tag:islandpost.example.net,2025:lights</id><updated>2025-09-12T08:00:00-03:00</updated><content type=\"html\">&lt;p&gt;The lights on the harbour wall work again.&lt;/p&gt;</content></entry>";
    let start = feed.find("<entry>").unwrap();
    let last = feed.rfind("<entry>").unwrap();
    let moved = format!("{}{newer}{}</feed>\n", &feed[..start], &feed[start..last]);
    site.write("content/feeds/island-post.atom", moved);
    let after: Vec<String> =
        brief::content::load(site.root(), Default::default()).unwrap().articles.into_iter().map(|a| a.slug).collect();
    assert!(after.contains(&"ferry-talks-resume-d71c74".to_string()), "{after:?}");
    assert!(after.iter().any(|s| s.starts_with("harbour-lights-")), "{after:?}");
    assert!(!after.contains(&"school-trip-called-off-34de9e".to_string()));
    assert_eq!(before.len(), after.len());
}

fn error_of(files: &[(&str, &[u8])]) -> String {
    let site = TestSite::fixture("basic");
    for (rel, text) in files {
        site.write(rel, text);
    }
    match site.build() {
        Ok(_) => panic!("the build should fail"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_file_that_is_not_what_its_name_says_is_an_error_at_its_line() {
    let error = error_of(&[(
        "content/feeds/broken.xml",
        b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>A & B</title>\n</channel></rss>\n",
    )]);
    assert!(error.starts_with("content/feeds/broken.xml:4: malformed XML"), "{error}");
    let error = error_of(&[(
        "content/feeds/empty.rss",
        b"<rss version=\"2.0\">\n<channel>\n<title>Quiet</title>\n</channel>\n</rss>\n",
    )]);
    assert!(error.starts_with("content/feeds/empty.rss:2: this feed has no items"), "{error}");
    let error = error_of(&[(
        "content/articles/home.html",
        b"<html>\n<head><title>Home</title></head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n</body></html>\n",
    )]);
    assert!(error.starts_with("content/articles/home.html:3: no article text found in this page"), "{error}");
    let error = error_of(&[(
        "content/articles/item.xml",
        b"<nitf>\n<body>\n<body.content>\n<p>Open\n</body.content></body></nitf>",
    )]);
    assert!(error.starts_with("content/articles/item.xml:5: malformed XML"), "{error}");
    let error = error_of(&[("content/articles/data.xml", b"<catalogue><book/></catalogue>")]);
    assert!(error.contains("a <catalogue> root is not news"), "{error}");
    let error = error_of(&[("content/feeds/list.json", b"{\"items\": []}")]);
    assert!(error.starts_with("content/feeds/list.json"), "{error}");
    // Markdown and plain text stay UTF-8 only.
    let error = error_of(&[("content/articles/latin.txt", b"Caf\xe9 society\n")]);
    assert!(error.contains("not valid UTF-8"), "{error}");
}

#[test]
fn the_preview_picks_up_a_saved_page() {
    let site = TestSite::fixture("pages");
    let out = tempfile::tempdir().unwrap();
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = brief::session::Session::open(site.root(), options).expect("builds");
    let rel = "content/articles/ferry-strike-og.html";
    let page = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, page.replace("Tired crews are not safe crews", "Rested crews are safe crews"));
    let update = session.update(&[PathBuf::from(rel)]).expect("updates");
    assert!(!update.full, "a saved page is an article like any other");
    let html = std::fs::read_to_string(session.output().join("articles/ferry-strike-og.html")).unwrap();
    assert!(html.contains("Rested crews are safe crews"));
    // A feed saved: a full build.
    let site = TestSite::fixture("feeds");
    let options = brief::BuildOptions { output: Some(out.path().join("feeds")), ..Default::default() };
    let (mut session, _) = brief::session::Session::open(site.root(), options).expect("builds");
    let rel = "content/feeds/harbour-weekly.rss";
    let feed = std::fs::read(site.root().join(rel)).unwrap();
    let at = feed.windows(15).position(|w| w == b"marks 150 years").unwrap();
    site.write(rel, [&feed[..at], b"marks 150 years of nets".as_slice(), &feed[at + 15..]].concat());
    session.update(&[PathBuf::from(rel)]).expect("updates");
    let html = std::fs::read_to_string(session.output().join("articles/net-makers-150-92c771.html")).unwrap();
    assert!(html.contains("marks 150 years of nets"));
}

#[test]
fn the_preview_reads_a_page_saved_of_a_feed_item_once() {
    let site = TestSite::fixture("mixed");
    let out = tempfile::tempdir().unwrap();
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, _) = brief::session::Session::open(site.root(), options).expect("builds");
    // The feed's third item saved as a page: the item gives way to it.
    let rel = "content/articles/harbour-master-retires.html";
    site.write(
        rel,
        "<html><head><title>Harbour master to retire in the new year</title>\
         <link rel=\"canonical\" href=\"https://ledger.example.com/news/2025/09/04/harbour-master-retires\"></head>\
         <body><article><h1>Harbour master to retire in the new year</h1><p>The harbour master, Hal Brennan, will \
         retire in January after 22 years at the port, the authority said on Thursday.</p><p>“It is time someone \
         younger learned where the rocks are,” Brennan said at the quay.</p></article></body></html>",
    );
    session.update(&[PathBuf::from(rel)]).expect("updates");
    let output = common::tree(session.output());
    assert!(output.contains_key("articles/harbour-master-retires.html"));
    assert!(!output.contains_key("articles/harbour-master-retires-87aa55.html"), "the feed's item gave way");
    // And back: the page deleted, the item returns.
    std::fs::remove_file(site.root().join(rel)).unwrap();
    session.update(&[PathBuf::from(rel)]).expect("updates");
    assert!(session.output().join("articles/harbour-master-retires-87aa55.html").is_file());
}

#[test]
fn a_page_saved_complete_brings_no_articles_from_its_folder() {
    let site = TestSite::fixture("pages");
    site.write("content/articles/harbour-deal-signed_files/frame.html", "<html><body><p>ad</p></body></html>");
    site.write("content/articles/harbour-deal-signed_files/site.js", "var x;");
    let report = site.build_ok();
    assert!(report.warnings.iter().all(|w| !w.location.contains("_files")), "{:?}", report.warnings);
}

/// A rebuild takes what pages and feeds gave their readers from the extraction cache, reads
/// again the file that changed, and `--no-cache` reads every one; a cache cut short or
/// garbled is passed over.
#[test]
fn a_rebuild_reads_again_only_the_pages_and_feeds_that_changed() {
    let site = TestSite::fixture("mixed");
    let first = site.build_ok();
    // The Markdown file is read every time; the page and the feed through their readers.
    assert_eq!((first.extracted, first.extracted_cached), (2, 0));
    let built = site.files();
    let again = site.build_ok();
    assert_eq!((again.extracted, again.extracted_cached), (0, 2), "nothing changed: nothing is extracted");
    assert_eq!(site.files(), built, "the same site from the cache");

    let rel = "content/feeds/ledger.xml";
    let feed = std::fs::read_to_string(site.root().join(rel)).unwrap();
    assert!(feed.contains("will retire in January"), "the fixture changed");
    site.write(rel, feed.replace("will retire in January", "will retire in February"));
    let changed = site.build_ok();
    assert_eq!((changed.extracted, changed.extracted_cached), (1, 1), "the saved feed is read again");
    let item = site.page("articles/harbour-master-retires-87aa55.html");
    assert!(item.contains("will retire in February") && !item.contains("will retire in January"));

    let options = brief::BuildOptions { no_cache: true, ..Default::default() };
    let uncached = brief::build(site.root(), &options).unwrap();
    assert_eq!((uncached.extracted, uncached.extracted_cached), (2, 0));

    // A log cut short keeps what came before the cut; a garbled one is a miss. Neither is an error.
    let log = site.root().join(".brief-cache/extracted.log");
    let bytes = std::fs::read(&log).unwrap();
    std::fs::write(&log, &bytes[..bytes.len() - 10]).unwrap();
    let cut = site.build_ok();
    assert_eq!(cut.extracted + cut.extracted_cached, 2);
    assert_eq!(site.build_ok().extracted, 0, "the log was written anew");
    std::fs::write(&log, b"\x05\x00\x00\x00not a log at all").unwrap();
    assert_eq!(site.build_ok().extracted, 2);
    assert_eq!(site.build_ok().extracted, 0);
}

/// The preview's full rebuild (a saved feed) reads again the feed, not the saved page beside
/// it: the log gains the feed's new record only.
#[test]
fn the_preview_reads_again_only_the_saved_feed() {
    let site = TestSite::fixture("mixed");
    let out = tempfile::tempdir().unwrap();
    let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
    let (mut session, report) = brief::session::Session::open(site.root(), options).expect("builds");
    assert_eq!((report.extracted, report.extracted_cached), (2, 0));
    assert_eq!(brief::cache::Extractions::load(site.root()).recorded(), 2);
    let rel = "content/feeds/ledger.xml";
    let feed = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, feed.replace("will retire in January", "will retire in March"));
    let update = session.update(&[PathBuf::from(rel)]).expect("updates");
    assert!(update.full, "a saved feed is a full build");
    // The page's record and the feed's two versions: the page was not extracted again.
    assert_eq!(brief::cache::Extractions::load(site.root()).recorded(), 3);
    let item = std::fs::read_to_string(session.output().join("articles/harbour-master-retires-87aa55.html")).unwrap();
    assert!(item.contains("will retire in March"));
}

/// The extraction cache is neither read nor written through a link: a valid cache for the same
/// pages, planted outside the site and linked in, is not used, and it is left as it was.
#[test]
fn the_extraction_cache_is_never_read_or_written_through_a_link() {
    use std::os::unix::fs::symlink;
    let elsewhere = TestSite::fixture("pages");
    assert_eq!(elsewhere.build_ok().extracted, 7);
    let outside = tempfile::tempdir().unwrap();
    let planted = outside.path().join("extracted.log");
    std::fs::copy(elsewhere.root().join(".brief-cache/extracted.log"), &planted).unwrap();
    let state = || {
        let meta = std::fs::metadata(&planted).unwrap();
        (std::fs::read(&planted).unwrap(), meta.modified().unwrap())
    };
    let before = state();

    // The cache file a link.
    let site = TestSite::fixture("pages");
    std::fs::create_dir(site.root().join(".brief-cache")).unwrap();
    symlink(&planted, site.root().join(".brief-cache/extracted.log")).unwrap();
    let report = site.build_ok();
    assert_eq!((report.extracted, report.extracted_cached), (7, 0), "the linked cache was read");
    assert!(
        report.warnings.iter().any(|w| w.message.contains("extraction cache was not saved")),
        "{:?}",
        report.warnings
    );
    site.write("content/articles/ferry-strike-og.html", "<html><body><article><h1>Ferry</h1><p>The ferry crews went back to work on Friday, the union said.</p></article></body></html>");
    site.build_ok();
    assert!(std::fs::symlink_metadata(site.root().join(".brief-cache/extracted.log")).unwrap().is_symlink());

    // The cache folder a link, to a folder that holds a valid cache.
    let site = TestSite::fixture("pages");
    symlink(outside.path(), site.root().join(".brief-cache")).unwrap();
    let report = site.build_ok();
    assert_eq!((report.extracted, report.extracted_cached), (7, 0), "the linked folder's cache was read");
    assert_eq!(before, state(), "the file outside the site changed");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1, "a file was written outside the site");
}

#[test]
fn text_that_went_wrong_on_its_way_gets_its_names_back() {
    // UTF-8 read as Windows-1252 before it reached the site: once ("FranÃ§ois"), twice, and
    // then decomposed ("A" and a combining tilde).
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/summit-mojibake.md",
        "---\ntitle: \"Leaders meet in Paris\"\ndate: 2025-09-09\n---\n\n\
         “We will not give in,” French President FranÃ§ois Hollande said on Friday. \
         Mexican President Enrique PeA\u{303}\u{83}A\u{302}±a Nieto agreed. “Nor will we,” Peña Nieto said.\n",
    );
    site.build_ok();
    let page = site.page("articles/summit-mojibake.html");
    assert!(page.contains("François Hollande"), "the name is put back on the article's page");
    assert!(!page.contains("FranÃ"), "no mojibake is left on the page");
    assert!(site.output().join("people/francois-hollande.html").exists(), "one page for him, by his name");
    let mexico = site.page("people/enrique-pena-nieto.html");
    assert!(mexico.contains("Enrique Peña Nieto"), "a name read wrong twice, then decomposed, is put back too");
    assert!(mexico.contains("Nor will we"), "and his words are on his page");
}
