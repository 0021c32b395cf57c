//! `brief annotate` as an editor runs it, and editor overrides as a build applies them.

mod common;

use common::TestSite;
use std::process::Command;

/// `brief annotate ARGS…` run on the fixture site: (exit code, stdout).
fn annotate(site: &TestSite, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("annotate")
        .args(args)
        .arg("--root")
        .arg(site.root())
        .output()
        .expect("run brief annotate");
    let stderr = String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap_or_else(|_| panic!("not UTF-8; {stderr}")))
}

#[test]
fn annotate_prints_one_jsonl_line_per_article_as_the_scorer_reads_it() {
    let site = TestSite::fixture("basic");
    let articles = site.root().join("content/articles");
    let (code, out) = annotate(&site, &[articles.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    let mut ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().expect("an id")).collect();
    ids.sort();
    assert_eq!(ids, ["draft-note", "talks-close", "talks-open", "wire-report"], "id = file name without extension");
    let open = lines.iter().find(|l| l["id"] == "talks-open").unwrap();
    let quotes = open["quotes"].as_array().expect("quotes");
    let said = |text: &str| quotes.iter().find(|q| q["text"].as_str().is_some_and(|t| t.contains(text))).cloned();
    let peace = said("We came here to find a path to peace").expect("Putin's quote");
    assert_eq!(peace["speaker"], "Vladimir Putin");
    assert_eq!(peace["cue"], "said");
    assert_eq!(peace["fragment"], false);
    assert_eq!(said("There is no deal until there is a deal").unwrap()["speaker"], "Donald Trump");
    let people: Vec<&str> = open["people"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert!(people.contains(&"Vladimir Putin") && people.contains(&"Donald Trump"), "{people:?}");
    assert_eq!(people.iter().filter(|p| p.contains("Putin")).count(), 1, "one entry per person: {people:?}");
}

#[test]
fn annotate_prints_json_and_yaml_for_review() {
    let site = TestSite::fixture("basic");
    let article = site.root().join("content/articles/talks-open.md");
    let (code, json) = annotate(&site, &[article.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    assert!(json.contains("We came here to find a path to peace"), "{parsed}");
    let (code, yaml) = annotate(&site, &[article.to_str().unwrap(), "--format", "yaml"]);
    assert_eq!(code, 0);
    let parsed: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("a YAML document");
    assert!(!parsed.is_null());
    assert!(yaml.contains("Vladimir Putin"), "{yaml}");
}

#[test]
fn annotate_names_a_missing_path_and_fails() {
    let site = TestSite::fixture("basic");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["annotate", "no/such/article.md", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/article.md"));
}

#[test]
fn overrides_in_front_matter_win_in_the_built_site() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/talks-open.md",
        "---\ntitle: \"Leaders open the harbour talks\"\ndate: 2025-08-15\nsource: Fixture Wire\n\
         events: [harbour-talks]\noverrides:\n  speakers:\n    - quote: \"There is no deal\"\n      speaker: Vladimir Putin\n\
         \x20 add_people: [Marco Rubio]\n  remove_people: [Donald Trump]\n  aliases: { \"the envoy\": Steve Witkoff }\n---\n\
         Russian President Vladimir Putin arrived in the morning. “We came here to find a path to peace,” Putin said.\n\n\
         Donald Trump answered him at once. “There is no deal until there is a deal,” Trump told reporters.\n\n\
         “We will talk again next week,” the envoy said.\n",
    );
    site.build_ok();
    let putin = site.page("people/vladimir-putin.html");
    assert!(putin.contains("There is no deal until there is a deal"), "the corrected speaker's page has the quote");
    let witkoff = site.page("people/steve-witkoff.html");
    assert!(witkoff.contains("We will talk again next week"), "the alias names the envoy");
    assert!(witkoff.contains("articles/talks-open.html"));
    // Named once, never quoted, no profile: listed on the article and in the API, no page.
    let api = site.page("api/articles.json");
    let articles: serde_json::Value = serde_json::from_str(&api).expect("JSON");
    let open =
        articles["articles"].as_array().expect("a list").iter().find(|a| a["id"] == "talks-open").expect("listed");
    assert!(open["people"].as_array().expect("people").iter().any(|p| p == "marco-rubio"), "an added person is listed");
    let article = site.page("articles/talks-open.html");
    assert!(article.contains("<li>Marco Rubio</li>"), "an added person is named on the article");
    assert!(!site.output().join("people/marco-rubio.html").exists());
    assert!(!article.contains("people/donald-trump.html"), "a removed person is not linked from the article");
    // Overrides survive a rebuild from the cache.
    site.build_ok();
    assert!(site.page("people/vladimir-putin.html").contains("There is no deal until there is a deal"));
}
