//! The whole-site test helper: copies a fixture site from `tests/sites/` into a temporary
//! folder, builds it, and offers what a reader would check on the pages.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/sites/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites").join(name);
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_tree(&source, dir.path());
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        std::fs::write(path, text).expect("write file");
    }

    pub fn build(&self) -> brief::Result<brief::BuildReport> {
        brief::build(self.root(), &brief::BuildOptions::default())
    }

    pub fn build_ok(&self) -> brief::BuildReport {
        match self.build() {
            Ok(report) => report,
            Err(e) => panic!("build failed: {e}"),
        }
    }

    /// A page of the output, by its path relative to the output folder.
    pub fn page(&self, rel: &str) -> String {
        let path = self.output().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Every file of the output: path relative to it → bytes.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        tree(&self.output())
    }

    /// Internal links (`href` and `src`) of every HTML page that point at no file or anchor,
    /// found by the same checker as `brief check`, over the files actually written.
    pub fn broken_links(&self) -> Vec<String> {
        let files = self.files();
        let pages: Vec<brief::render::Page> = files
            .iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .map(|(path, bytes)| brief::render::Page {
                path: path.clone(),
                contents: String::from_utf8_lossy(bytes).into_owned(),
            })
            .collect();
        let others: std::collections::HashSet<String> = files.keys().cloned().collect();
        let (_, findings) = brief::check::check_links(&pages, &others);
        findings.into_iter().map(|f| format!("{}: {}", f.location, f.message)).collect()
    }
}

/// The values of an attribute across a page (double-quoted, as the theme writes them).
/// Every file under `dir`: path relative to it → bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk output");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).expect("inside").to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).expect("read"));
        }
    }
    files
}

pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    brief::check::attribute_values(html, name)
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A registry of one person and one event, for the annotator's property tests.
pub fn registry() -> brief::annotate::Registry {
    use brief::annotate::{Registry, RegistryEvent, RegistryPerson};
    Registry::new(
        vec![RegistryPerson {
            id: "vladimir-putin".into(),
            name: "Vladimir Putin".into(),
            aliases: vec!["Putin".into()],
            role: Some("President of Russia".into()),
            affiliation: None,
        }],
        vec![RegistryEvent { id: "summit".into(), name: "Anchorage summit".into(), aliases: vec![] }],
    )
}
