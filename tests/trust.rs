//! Hostile and careless input: brief reads only the site, writes only its output, its cache
//! and its own temporary folders, whatever links, slugs, `--root`, `-o` or a kill say.
//! Most tests put a victim folder beside the site, point links into it, and check afterwards
//! that nothing in it changed, appeared or vanished.

mod common;

use common::TestSite;
use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder outside the site with a secret file, a subfolder and a page brief might
/// overwrite; `snapshot` records every entry (files with their bytes and modification times).
struct Victim {
    dir: tempfile::TempDir,
}

impl Victim {
    fn new() -> Victim {
        let dir = tempfile::tempdir().expect("victim folder");
        std::fs::write(dir.path().join("secret.md"), "---\ntitle: Secret\n---\nThe password is swordfish.\n")
            .expect("write");
        std::fs::create_dir(dir.path().join("folder")).expect("mkdir");
        std::fs::write(dir.path().join("folder/notes.md"), "---\ntitle: Notes\n---\nPrivate notes, swordfish.\n")
            .expect("write");
        std::fs::write(dir.path().join("index.html"), "the victim's own page").expect("write");
        Victim { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn snapshot(&self) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
        walkdir::WalkDir::new(self.dir.path())
            .into_iter()
            .map(|e| e.expect("walk victim"))
            .map(|e| {
                let meta = std::fs::symlink_metadata(e.path()).expect("metadata");
                let bytes = if meta.is_file() { std::fs::read(e.path()).expect("read") } else { Vec::new() };
                (e.path().display().to_string(), (bytes, meta.modified().expect("mtime")))
            })
            .collect()
    }
}

fn brief(args: &[&str], root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_brief")).args(args).arg("--root").arg(root).output().expect("run brief")
}

fn no_secret_in_output(site: &TestSite) {
    if !site.output().exists() {
        return;
    }
    for (path, bytes) in site.files() {
        assert!(!String::from_utf8_lossy(&bytes).contains("swordfish"), "the secret was published in {path}");
    }
}

#[test]
fn a_link_out_of_the_site_in_content_or_templates_is_refused_and_named() {
    let victim = Victim::new();
    let cases: [(&str, PathBuf); 7] = [
        ("content/articles/passwd.md", victim.path("secret.md")),
        ("content/articles/folder", victim.path("folder")),
        ("content/people/someone.md", victim.path("secret.md")),
        ("templates/article.html", victim.path("secret.md")),
        // The editors' files: corrections of names, decisions on events, copies kept apart.
        ("content/entities.yaml", victim.path("secret.md")),
        ("content/events.yaml", victim.path("secret.md")),
        ("content/folds.yaml", victim.path("secret.md")),
    ];
    for (link, target) in cases {
        let site = TestSite::fixture("basic");
        let path = site.root().join(link);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        symlink(&target, &path).expect("symlink");
        let error = site.build().expect_err("a link out of the site must fail the build").to_string();
        assert!(error.contains(link) && error.contains("leads out of the site"), "{link}: {error}");
        no_secret_in_output(&site);
    }
}

#[test]
fn a_link_that_stays_inside_the_site_is_followed() {
    let site = TestSite::fixture("basic");
    site.write(
        "shared/briefing.md",
        "---\ntitle: Shared briefing\ndate: 2025-01-02\n---\nA note kept elsewhere in the site.\n",
    );
    symlink("../../shared/briefing.md", site.root().join("content/articles/briefing.md")).expect("symlink");
    site.build_ok();
    assert!(site.page("articles/briefing.html").contains("Shared briefing"));
}

#[test]
fn a_link_out_of_the_site_in_static_is_skipped_with_a_warning() {
    let victim = Victim::new();
    let site = TestSite::fixture("basic");
    site.write("static/logo.txt", "logo");
    symlink(victim.path("secret.md"), site.root().join("static/secret.md")).expect("symlink");
    symlink(victim.path("folder"), site.root().join("static/folder")).expect("symlink");
    let report = site.build_ok();
    assert!(site.output().join("logo.txt").exists());
    assert!(!site.output().join("secret.md").exists() && !site.output().join("folder").exists());
    let warned: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    for name in ["static/secret.md", "static/folder"] {
        assert!(warned.iter().any(|w| w.contains(name) && w.contains("out of the site")), "{name}: {warned:?}");
    }
    no_secret_in_output(&site);
}

#[test]
fn the_cache_is_never_written_through_a_link() {
    let victim = Victim::new();
    let before = victim.snapshot();
    // The cache folder linked to the victim's folder.
    let site = TestSite::fixture("basic");
    symlink(victim.path("folder"), site.root().join(".brief-cache")).expect("symlink");
    let report = site.build_ok();
    assert!(report.warnings.iter().any(|w| w.to_string().contains("symbolic link")), "{:?}", report.warnings);
    site.build_ok();
    // The cache's files linked to the victim's files.
    let site = TestSite::fixture("basic");
    std::fs::create_dir(site.root().join(".brief-cache")).expect("mkdir");
    symlink(victim.path("secret.md"), site.root().join(".brief-cache/annotations.log")).expect("symlink");
    symlink(victim.path("index.html"), site.root().join(".brief-cache/pages.msgpack")).expect("symlink");
    site.build_ok();
    site.write("content/articles/new.md", "---\ntitle: New\ndate: 2025-02-01\n---\nA new article.\n");
    site.build_ok();
    assert_eq!(before, victim.snapshot(), "the victim folder changed");
}

#[test]
fn an_output_that_is_a_link_in_the_site_is_refused() {
    let victim = Victim::new();
    let before = victim.snapshot();
    let site = TestSite::fixture("basic");
    std::fs::create_dir(victim.path("empty")).expect("mkdir");
    let before_empty = victim.snapshot();
    symlink(victim.path("empty"), site.output()).expect("symlink");
    let error = site.build().expect_err("must refuse").to_string();
    assert!(error.contains("symbolic link"), "{error}");
    assert_eq!(before_empty, victim.snapshot());
    drop(before);
}

#[test]
fn reserved_slugs_are_refused_with_the_file_and_line() {
    let cases = [
        ("content/articles/index.md", "---\ntitle: Index\n---\nBody.\n", "content/articles/index.md"),
        ("content/articles/a.md", "---\ntitle: A\nslug: index\n---\nBody.\n", "content/articles/a.md:3"),
        ("content/articles/b.md", "---\ntitle: B\nevents: [index]\n---\nBody.\n", "content/articles/b.md:3"),
        ("content/people/index.md", "---\nname: Index Person\n---\nBio.\n", "content/people/index.md"),
        ("content/events/index.md", "---\nname: Index Event\n---\nSummary.\n", "content/events/index.md"),
    ];
    for (rel, text, location) in cases {
        let site = TestSite::fixture("basic");
        site.build_ok();
        let list = site.page("articles/index.html");
        site.write(rel, text);
        let error = site.build().expect_err("a reserved slug must fail").to_string();
        assert!(error.contains(location) && error.contains("reserved"), "{rel}: {error}");
        assert_eq!(list, site.page("articles/index.html"), "{rel}: the list page changed");
    }
}

#[test]
fn a_person_found_in_the_text_named_index_does_not_replace_the_list() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/articles/odd.md",
        "---\ntitle: Odd\ndate: 2025-03-01\n---\n“We will see,” said Index, the harbour master.\n",
    );
    site.build_ok();
    assert!(site.page("people/index.html").contains("People"), "the people list was replaced");
}

#[test]
fn a_name_too_long_for_the_file_system_gets_a_slug_that_fits() {
    let site = TestSite::fixture("basic");
    let long = "very ".repeat(80) + "long";
    site.write(
        "content/articles/long.md",
        format!("---\ntitle: Long\nslug: {long}\nevents: [\"{long}\"]\n---\nBody.\n"),
    );
    site.build_ok();
    let names: Vec<String> = site.files().keys().filter(|k| k.contains("very-very")).cloned().collect();
    assert!(names.iter().any(|n| n.starts_with("articles/")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("events/")), "{names:?}");
    for name in names {
        for part in name.split('/') {
            assert!(part.len() <= 120, "{part}");
        }
    }
}

#[test]
fn a_missing_root_or_a_folder_that_is_not_a_site_is_an_error_and_nothing_is_written() {
    let published = TestSite::fixture("basic");
    published.build_ok();
    let before = published.files();
    let scratch = tempfile::tempdir().expect("tempdir");
    let missing = scratch.path().join("no-such-site");
    let output = published.output();
    for args in [vec!["build"], vec!["build", "-o", output.to_str().expect("utf-8")], vec!["check"]] {
        let run = brief(&args, &missing);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("no-such-site") && stderr.contains("no such folder"), "{stderr}");
        assert!(!missing.exists(), "{args:?} created the mistyped root");
    }
    std::fs::create_dir(scratch.path().join("not-a-site")).expect("mkdir");
    let run = brief(&["build", "-o", output.to_str().expect("utf-8")], &scratch.path().join("not-a-site"));
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("no brief.yaml") && stderr.contains("brief init"), "{stderr}");
    assert_eq!(before, published.files(), "the published output changed");
}

#[test]
fn dotfiles_and_cname_in_the_output_are_kept() {
    let site = TestSite::fixture("basic");
    // A gh-pages worktree: brief's first build goes into a folder that has only these.
    site.write("public/.git", "gitdir: ../.git/worktrees/public\n");
    site.write("public/CNAME", "briefings.example.org\n");
    site.write("public/.well-known/security.txt", "Contact: mailto:security@example.org\n");
    site.build_ok();
    site.write("content/articles/new.md", "---\ntitle: New\ndate: 2025-02-01\n---\nA new article.\n");
    site.build_ok();
    std::fs::remove_file(site.root().join("content/articles/new.md")).expect("remove");
    site.build_ok();
    assert_eq!(site.page(".git"), "gitdir: ../.git/worktrees/public\n");
    assert_eq!(site.page("CNAME"), "briefings.example.org\n");
    assert!(site.output().join(".well-known/security.txt").exists());
    assert!(!site.output().join("articles/new.html").exists());
}

#[test]
fn a_second_build_into_the_same_output_is_refused_while_one_runs() {
    let site = TestSite::fixture("basic");
    site.build_ok();
    // What a running build holds: the lock beside the output.
    let lock = std::fs::File::create(site.root().join(".public.lock")).expect("lock file");
    lock.lock().expect("lock");
    let before = site.files();
    let error = site.build().expect_err("must refuse").to_string();
    assert!(error.contains("another brief build"), "{error}");
    assert_eq!(before, site.files());
    drop(lock);
    site.build_ok();
    assert!(!site.root().join(".public.lock").exists(), "the lock file was left behind");
}

/// Builds with the process aborting after `moves` files are moved into the output (the
/// tests' stand-in for `kill -9` in the middle of the update).
fn killed_build(root: &Path, moves: usize) {
    let run = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .env("BRIEF_TEST_ABORT_AFTER_MOVES", moves.to_string())
        .output()
        .expect("run brief");
    assert!(!run.status.success(), "the build was meant to be stopped");
}

#[test]
#[cfg_attr(not(debug_assertions), ignore = "the stand-in for kill -9 is in debug builds only")]
fn a_build_killed_while_updating_the_output_is_finished_by_the_next() {
    for moves in [0, 1, 3] {
        let site = TestSite::fixture("basic");
        let run = brief(&["build", "--quiet"], site.root());
        assert!(run.status.success());
        // Several kinds of change at once: pages that change, one that goes, one that comes.
        let open = site.root().join("content/articles/talks-open.md");
        let text = std::fs::read_to_string(&open).expect("read");
        std::fs::write(&open, text.replace("talks", "negotiations")).expect("write");
        std::fs::remove_file(site.root().join("content/articles/talks-close.md")).expect("remove");
        site.write(
            "content/articles/new.md",
            "---\ntitle: New\ndate: 2025-02-01\n---\n“Hello,” said Vladimir Putin.\n",
        );
        killed_build(site.root(), moves);
        let leftovers = |site: &TestSite| -> Vec<String> {
            std::fs::read_dir(site.root())
                .expect("list")
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".public.building-"))
                .collect()
        };
        assert!(!leftovers(&site).is_empty(), "the killed build was meant to leave its staged folder");
        let run = brief(&["build", "--quiet"], site.root());
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        assert!(leftovers(&site).is_empty(), "the staged folder of the killed build was not removed");
        let fresh = tempfile::tempdir().expect("tempdir");
        let fresh_output = fresh.path().join("public");
        let options = brief::BuildOptions { output: Some(fresh_output.clone()), no_cache: true, ..Default::default() };
        brief::build(site.root(), &options).expect("fresh build");
        assert_eq!(common::tree(&fresh_output), site.files(), "after {moves} moves: the output was not repaired");
    }
}

#[test]
fn annotate_names_what_is_wrong_with_a_path() {
    let site = TestSite::fixture("basic");
    let run = brief(&["annotate", "/dev/zero"], site.root());
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("/dev/zero") && stderr.contains("neither a plain file nor a folder"), "{stderr}");
}

#[test]
fn an_event_with_both_date_and_start_is_refused() {
    let site = TestSite::fixture("basic");
    site.write("content/events/twice.md", "---\nname: Twice\ndate: 2025-01-01\nstart: 2025-01-02\n---\nSummary.\n");
    let error = site.build().expect_err("must refuse").to_string();
    assert!(error.contains("content/events/twice.md:4") && error.contains("both `date:` and `start:`"), "{error}");
}

#[test]
fn a_file_too_large_to_be_an_article_is_refused_by_name() {
    let site = TestSite::fixture("basic");
    let path = site.root().join("content/articles/huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(65 * 1024 * 1024).expect("sparse file");
    let error = site.build().expect_err("must refuse").to_string();
    assert!(error.contains("content/articles/huge.txt") && error.contains("up to 64 MB"), "{error}");
}

/// Every bad input of the other tests in one site, with links into a victim folder beside it
/// and the victim as `-o`; nothing in the victim may change, appear or vanish.
#[test]
fn nothing_outside_the_site_changes_whatever_the_input() {
    let victim = Victim::new();
    let before = victim.snapshot();
    let site = TestSite::fixture("basic");
    let root = site.root();
    symlink(victim.path("folder"), root.join(".brief-cache")).expect("symlink");
    symlink(victim.path("secret.md"), root.join("static-secret")).expect("symlink");
    std::fs::create_dir_all(root.join("static")).expect("mkdir");
    symlink(victim.path("folder"), root.join("static/folder")).expect("symlink");
    symlink(victim.path("index.html"), root.join("static/index.html")).expect("symlink");
    site.write("content/articles/long.md", format!("---\ntitle: Long\nslug: {}\n---\nBody.\n", "x".repeat(400)));
    let victim_dir = victim.dir.path().to_str().expect("utf-8").to_string();
    let steps: Vec<Vec<&str>> =
        vec![vec!["build"], vec!["build", "-o", &victim_dir], vec!["build", "--no-cache"], vec!["check"]];
    for args in &steps {
        brief(args, root);
    }
    // Links that fail the build, and a build killed in its update.
    symlink(victim.path("secret.md"), root.join("content/articles/passwd.md")).expect("symlink");
    brief(&["build"], root);
    std::fs::remove_file(root.join("content/articles/passwd.md")).expect("remove");
    site.write("content/articles/new.md", "---\ntitle: New\ndate: 2025-02-01\n---\nBody.\n");
    // The stand-in for kill -9 is in debug builds only (`cargo test --release` runs the rest).
    if cfg!(debug_assertions) {
        killed_build(root, 1);
    }
    brief(&["build"], root);
    let run = brief(&["build"], &victim.path("folder"));
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(before, victim.snapshot(), "the victim folder changed");
    no_secret_in_output(&site);
}
