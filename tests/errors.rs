//! Bad input: each case gets an error that names the file (and the line where there is one)
//! and leaves the previous output as it was.

mod common;

use common::TestSite;
use std::process::Command;

/// Builds once to get a good output, breaks the site with `rel` = `text`, builds again, and
/// returns the error message; checks that the first output is untouched.
fn break_site(rel: &str, text: &[u8]) -> String {
    let site = TestSite::fixture("basic");
    site.build_ok();
    let before = site.files();
    site.write(rel, text);
    let error = site.build().expect_err("the build must fail").to_string();
    assert_eq!(before, site.files(), "the previous output changed after a failed build");
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .expect("list site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind: {leftovers:?}");
    error
}

#[test]
fn malformed_front_matter_names_file_and_line() {
    let error = break_site(
        "content/articles/broken.md",
        b"---\ntitle: fine\ndate: 2025-08-15\ntags: [unclosed\nsource: x\n---\nBody.\n",
    );
    assert!(error.starts_with("content/articles/broken.md:"), "{error}");
    let line: usize = error.split(':').nth(1).and_then(|l| l.parse().ok()).expect("a line number");
    assert!((4..=6).contains(&line), "line {line} should point at the broken list: {error}");
}

#[test]
fn front_matter_that_is_not_a_mapping() {
    let error = break_site("content/articles/list.md", b"---\n- a\n- b\n---\nBody.\n");
    assert!(error.contains("content/articles/list.md:2"), "{error}");
    assert!(error.contains("mapping"), "{error}");
}

#[test]
fn front_matter_never_closed() {
    let error = break_site("content/articles/open.md", b"---\ntitle: x\n\nBody without an end.\n");
    assert!(error.contains("content/articles/open.md:1"), "{error}");
    assert!(error.contains("never closed"), "{error}");
}

#[test]
fn unknown_front_matter_key_names_its_line() {
    let error = break_site("content/articles/typo.md", b"---\ntitle: x\nevnets: [a]\n---\nBody.\n");
    assert!(error.contains("content/articles/typo.md:3"), "{error}");
    assert!(error.contains("evnets"), "{error}");
}

#[test]
fn a_bad_date_names_its_line() {
    let error = break_site("content/articles/date.md", b"---\ntitle: x\ndate: 15/08/2025\n---\nBody.\n");
    assert!(error.contains("content/articles/date.md:3"), "{error}");
    assert!(error.contains("YYYY-MM-DD") || error.contains("not a date"), "{error}");
}

#[test]
fn invalid_utf8_names_the_line() {
    let error = break_site("content/articles/latin1.md", b"---\ntitle: x\n---\nline one\ncaf\xe9\n");
    assert!(error.contains("content/articles/latin1.md:5"), "{error}");
    assert!(error.contains("UTF-8"), "{error}");
}

#[test]
fn a_binary_file_with_an_article_extension_is_refused() {
    let error = break_site("content/articles/image.md", b"\x89PNG\r\n\x1a\n\0\0\0IHDR");
    assert!(error.contains("content/articles/image.md"), "{error}");
    assert!(error.contains("binary"), "{error}");
}

#[test]
fn two_articles_with_one_slug() {
    let error = break_site("content/articles/other.md", b"---\ntitle: x\nslug: talks-open\n---\nBody.\n");
    assert!(error.contains("talks-open"), "{error}");
}

#[test]
fn one_alias_claimed_by_two_people_is_dropped_with_a_warning() {
    let site = TestSite::fixture("basic");
    site.write("content/people/other-putin.md", "---\nname: Lyudmila Putina\naliases: [Putin]\n---\n");
    let report = site.build_ok();
    let warning = report.warnings.iter().map(|w| w.to_string()).find(|w| w.contains("`putin`"));
    let warning = warning.expect("a warning names the shared alias");
    assert!(
        warning.contains("content/people/other-putin.md") && warning.contains("content/people/vladimir-putin.md"),
        "{warning}"
    );
    // The full name still leads to the right person.
    assert!(site.page("people/vladimir-putin.html").contains("Next time in Moscow"));
}

#[test]
fn a_script_url_is_refused() {
    let error = break_site("content/articles/js.md", b"---\ntitle: x\nurl: javascript:alert(1)\n---\nBody.\n");
    assert!(error.contains("content/articles/js.md:3"), "{error}");
}

#[test]
fn a_template_syntax_error_names_the_template() {
    let error = break_site(
        "templates/article.html",
        b"{% extends \"base.html\" %}{% block content %}{{ article.title }{% endblock %}",
    );
    assert!(error.contains("article.html"), "{error}");
}

#[test]
fn a_template_using_an_unknown_variable_fails_the_build() {
    let error = break_site(
        "templates/article.html",
        b"{% extends \"base.html\" %}{% block content %}{{ no_such_thing.field }}{% endblock %}",
    );
    assert!(error.contains("article.html"), "{error}");
}

#[test]
fn a_slug_cannot_leave_the_output_folder() {
    let site = TestSite::fixture("basic");
    site.write("content/articles/escape.md", "---\ntitle: x\nslug: ../../../../tmp/escaped\n---\nBody.\n");
    site.build_ok();
    assert!(site.output().join("articles/tmp-escaped.html").exists());
    assert!(!site.root().join("tmp").exists());
}

#[test]
fn output_folder_that_is_the_site_or_content_is_refused() {
    let site = TestSite::fixture("basic");
    for output in [site.root().to_path_buf(), site.root().join("content"), site.root().join("content/articles")] {
        let options = brief::BuildOptions { output: Some(output.clone()), ..Default::default() };
        let error = brief::build(site.root(), &options).expect_err("must refuse").to_string();
        assert!(error.contains("output folder"), "{error}");
    }
    assert!(site.root().join("content/articles/talks-open.md").exists());
}

#[test]
fn a_folder_brief_did_not_write_is_not_replaced() {
    let site = TestSite::fixture("basic");
    site.write("public/notes.txt", "my own notes");
    let error = site.build().expect_err("must refuse").to_string();
    assert!(error.contains("did not write"), "{error}");
    assert_eq!(std::fs::read_to_string(site.output().join("notes.txt")).expect("kept"), "my own notes");
}

#[test]
fn the_command_line_prints_file_line_and_help_and_exits_non_zero() {
    let site = TestSite::fixture("basic");
    site.write("content/articles/broken.md", "---\ntitle: [unclosed\n---\nBody.\n");
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .expect("run brief");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: content/articles/broken.md:2")
            || stderr.contains("error: content/articles/broken.md:3"),
        "{stderr}"
    );
    assert!(stderr.contains("help:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_content_is_an_error_not_a_hang() {
    let site = TestSite::fixture("basic");
    std::os::unix::fs::symlink("..", site.root().join("content/articles/loop")).expect("symlink");
    let error = site.build().expect_err("must fail").to_string();
    assert!(error.contains("loop") || error.contains("points back"), "{error}");
}

#[test]
fn crlf_and_byte_order_mark_are_read_as_usual() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/windows.md",
        "\u{feff}---\r\ntitle: Windows file\r\ndate: 2025-08-19\r\n---\r\n“We agree,” Putin said.\r\n",
    );
    site.build_ok();
    let page = site.page("articles/windows.html");
    assert!(page.contains("Windows file"));
}

#[test]
fn an_empty_article_builds_with_warnings_for_title_and_date() {
    let site = TestSite::fixture("basic");
    site.write("content/articles/empty.md", "");
    let report = site.build_ok();
    let warnings: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert!(warnings.iter().any(|w| w.contains("empty.md") && w.contains("no title")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("empty.md") && w.contains("no date")), "{warnings:?}");
    assert!(site.output().join("articles/empty.html").exists());
}

#[test]
fn a_large_article_builds() {
    let site = TestSite::fixture("basic");
    let paragraph = "“We will keep talking as long as it takes,” Putin said of the harbour talks. \
                     The delegations met again on the second day, and the talks ran late.\n\n";
    let body = paragraph.repeat(500_000 / paragraph.len());
    site.write("content/articles/huge.md", format!("---\ntitle: Huge\ndate: 2025-08-18\nsource: Wire\n---\n{body}"));
    let report = site.build_ok();
    assert!(report.quotes > 2_500, "{} quotes", report.quotes);
}

#[test]
fn a_file_of_another_kind_in_content_is_skipped_with_a_warning() {
    let site = TestSite::fixture("basic");
    site.write("content/articles/photo.png", [0x89u8, b'P', b'N', b'G', 0, 0, 1, 2]);
    let report = site.build_ok();
    assert!(report.warnings.iter().any(|w| w.location.ends_with("photo.png") && w.message.contains("skipped")));
}

#[test]
fn a_missing_template_names_it() {
    let error = break_site(
        "templates/person.html",
        b"{% extends \"base.html\" %}{% block content %}{% include \"partials/nowhere.html\" %}{% endblock %}",
    );
    assert!(error.contains("nowhere.html"), "{error}");
}

#[test]
fn an_output_folder_that_cannot_be_written_is_an_io_error() {
    let site = TestSite::fixture("basic");
    // /proc refuses new folders even to root, where permission bits would not.
    let options = brief::BuildOptions { output: Some("/proc/brief-cannot-write/public".into()), ..Default::default() };
    match brief::build(site.root(), &options) {
        Err(brief::Error::Io { path, .. }) => assert!(path.starts_with("/proc"), "{}", path.display()),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}
