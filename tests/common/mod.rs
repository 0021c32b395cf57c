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
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(self.output()) {
            let entry = entry.expect("walk output");
            if entry.file_type().is_file() {
                let rel =
                    entry.path().strip_prefix(self.output()).expect("inside").to_string_lossy().replace('\\', "/");
                files.insert(rel, std::fs::read(entry.path()).expect("read"));
            }
        }
        files
    }

    /// Internal links (`href` and `src`) of every HTML page that point at no file or anchor.
    pub fn broken_links(&self) -> Vec<String> {
        let files = self.files();
        let mut broken = Vec::new();
        for (rel, bytes) in &files {
            if !rel.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8_lossy(bytes);
            for link in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
                if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
                    continue;
                }
                let (path, fragment) = match link.split_once('#') {
                    Some((p, f)) => (p.to_string(), Some(f.to_string())),
                    None => (link.clone(), None),
                };
                let target = if path.is_empty() { rel.clone() } else { resolve(rel, &path) };
                let target =
                    if target.ends_with('/') || target.is_empty() { format!("{target}index.html") } else { target };
                match files.get(&target) {
                    None => broken.push(format!("{rel}: {link} (no file {target})")),
                    Some(bytes) => {
                        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                            let page = String::from_utf8_lossy(bytes);
                            if !page.contains(&format!("id=\"{fragment}\"")) {
                                broken.push(format!("{rel}: {link} (no anchor #{fragment} in {target})"));
                            }
                        }
                    }
                }
            }
        }
        broken
    }
}

/// The values of an attribute across a page (double-quoted, as the theme writes them).
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| rest[..end].replace("&amp;", "&"))
        })
        .collect()
}

/// `from` is a page path; `link` is relative to it.
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in link.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if link.ends_with('/') { format!("{joined}/") } else { joined }
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
