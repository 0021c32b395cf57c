//! Byte-identical checks, kept in the repository: every file a build of the fixture site
//! makes, and the annotations of the example site's articles, against the snapshots in
//! `tests/snapshots/`. A change that moves a byte of either fails here and shows the diff.
//! When the change is meant, review the diff and accept it:
//! `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta review`).

mod common;

use common::TestSite;
use std::path::Path;

#[test]
fn every_file_of_the_fixture_site() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let files = site.files();
    // The list of files is a snapshot too: a page that appears or vanishes shows here.
    let listing: Vec<&str> = files.keys().map(String::as_str).filter(|p| *p != ".brief-output").collect();
    insta::assert_snapshot!("fixture-files", listing.join("\n"));
    for (path, bytes) in &files {
        if path == ".brief-output" {
            continue;
        }
        let text = String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{path} is not UTF-8"));
        insta::assert_snapshot!(format!("fixture-{}", path.replace('/', "__")), text);
    }
}

#[test]
fn annotations_of_the_example_articles() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/articles");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["annotate", "--format", "jsonl", "--root"])
        .arg(root)
        .arg(&articles)
        .output()
        .expect("run brief annotate");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = String::from_utf8(run.stdout).expect("UTF-8");
    // One snapshot per article, without the machine's path to it.
    for line in text.lines() {
        let mut value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let id = value["id"].as_str().expect("an id").to_string();
        value["path"] = serde_json::Value::from(format!("content/articles/{id}"));
        let pretty = serde_json::to_string_pretty(&value).expect("JSON");
        insta::assert_snapshot!(format!("annotations-{id}"), pretty);
    }
}
