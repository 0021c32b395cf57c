//! `brief check` as an editor runs it, on small sites made in a temporary folder: what it
//! reports, and what it must not (text that only looks like a link).

use std::path::Path;

/// `brief check --format json` on the site in `root`: the exit code and the findings.
fn check(root: &Path) -> (Option<i32>, Vec<serde_json::Value>) {
    check_with(root, &[])
}

fn check_with(root: &Path, flags: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", "--format", "json"])
        .args(flags)
        .arg("--root")
        .arg(root)
        .output()
        .expect("brief check runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    (output.status.code(), findings)
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
    std::fs::write(path, text).expect("write file");
}

#[test]
fn links_shown_as_code_or_text_are_not_checked_and_real_ones_still_are() {
    let site = tempfile::tempdir().expect("temporary folder");
    let root = site.path();
    write(root, "brief.yaml", "title: Code\nbase_url: https://example.org/\n");
    write(
        root,
        "content/articles/code.md",
        r#"---
title: Writing links
date: 2025-08-17
source: Fixture Wire
---
In Markdown a link is `[broken](missing.html)`; in HTML, `<a href="in-span.html">` and `<p id="fake">`.

```
[broken](missing.html)
<a href="in-block.html">broken</a> <img src="in-block.png"> <p id="fake-block">
```

    <a href="indented.html">broken</a>

Raw HTML is shown as text: <a href="raw.html">raw</a>.

A real link that leads nowhere: [real](nowhere.html), and one to an anchor that only code
names: [anchor](#fake).
"#,
    );

    let (code, findings) = check(root);
    let links: Vec<String> = findings
        .iter()
        .filter(|f| f["check"] == "link")
        .map(|f| format!("{}: {}", f["location"].as_str().unwrap_or(""), f["message"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(code, Some(1), "a broken link is a finding: {findings:?}");
    assert_eq!(
        links,
        [
            "articles/code.html: `#fake`: articles/code.html has no anchor `fake`",
            "articles/code.html: `nowhere.html` leads to no page or file",
        ],
        "only the real link and the real anchor"
    );
}

#[test]
fn warnings_alone_pass_the_check_and_fail_it_only_when_strict() {
    let site = tempfile::tempdir().expect("temporary folder");
    let root = site.path();
    write(root, "brief.yaml", "title: Warnings\n");
    // No source, and a speaker with no profile: warnings, as in any real archive.
    write(
        root,
        "content/articles/advice.md",
        "---\ntitle: Advice\ndate: 2025-08-17\n---\n“We will reopen the harbour,” said Maria Lopez, the mayor.\n",
    );
    let (code, findings) = check(root);
    assert!(!findings.is_empty(), "there is something to warn of");
    assert!(findings.iter().all(|f| f["severity"] == "warning"), "{findings:?}");
    assert_eq!(code, Some(0), "warnings alone do not fail a publish gate");
    let (strict, _) = check_with(root, &["--strict"]);
    assert_eq!(strict, Some(1), "--strict fails on warnings too");
    // A broken link is an error, whatever else there is.
    write(
        root,
        "content/articles/broken.md",
        "---\ntitle: Broken\ndate: 2025-08-18\nsource: Wire\n---\nSee [this](nowhere.html).\n",
    );
    let (code, findings) = check(root);
    assert_eq!(code, Some(1));
    assert!(findings.iter().any(|f| f["severity"] == "error" && f["check"] == "link"), "{findings:?}");
}

#[test]
fn many_warnings_of_one_kind_are_summarised_unless_all_are_asked_for() {
    let site = tempfile::tempdir().expect("temporary folder");
    let root = site.path();
    write(root, "brief.yaml", "title: Many\n");
    for n in 0..12 {
        write(
            root,
            &format!("content/articles/a{n:02}.md"),
            &format!("---\ntitle: A{n}\ndate: 2025-08-17\n---\nText.\n"),
        );
    }
    let text = |flags: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .arg("check")
            .args(flags)
            .arg("--root")
            .arg(root)
            .output()
            .expect("brief check runs");
        assert_eq!(output.status.code(), Some(0), "warnings only");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let summary = text(&[]);
    assert!(summary.contains("… and 2 more (--all lists them)"), "{summary}");
    assert!(summary.contains("0 errors, 12 warnings"), "{summary}");
    let all = text(&["--all"]);
    assert!(all.contains("a11.md") && !all.contains("more (--all"), "{all}");
}
