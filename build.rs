//! Embeds the default theme (templates/ and static/: style.css, search.js, filter.js) in the binary, so that
//! `brief build` works in a folder that has only content/.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    let mut files = Vec::new();
    collect(&root.join("templates"), &mut files);
    files.push(root.join("static/style.css"));
    files.push(root.join("static/search.js"));
    files.push(root.join("static/filter.js"));
    files.sort();
    let mut code = String::from(
        "/// The default theme: (path relative to the site root, contents).\npub const THEME: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        if !file.is_file() {
            continue;
        }
        let rel = file.strip_prefix(root).expect("theme files are inside the package");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(code, "    ({rel:?}, include_str!({:?})),", file.display().to_string()).expect("write to String");
    }
    code.push_str("];\n");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=static");
    // The annotator's fingerprint: a hash of its source, so the annotation cache is dropped
    // whenever the annotator changes; and the whole program's, for the page manifest.
    let version = env!("CARGO_PKG_VERSION");
    println!("cargo:rustc-env=BRIEF_ANNOTATOR_FINGERPRINT={version}-{:016x}", fingerprint(&root.join("src/annotate")));
    println!("cargo:rustc-env=BRIEF_RENDER_FINGERPRINT={version}-{:016x}", fingerprint(&root.join("src")));
    println!("cargo:rerun-if-changed=src");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("theme.rs"), code).expect("write theme.rs");
}

/// FNV-1a over the files under `dir`, in path order.
fn fingerprint(dir: &Path) -> u64 {
    let mut sources = Vec::new();
    collect_sources(dir, &mut sources);
    sources.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &sources {
        for byte in std::fs::read(file).unwrap_or_default() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn collect_sources(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_sources(&path, files);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            files.push(path);
        }
    }
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "html" || e == "xml" || e == "txt") {
            files.push(path);
        }
    }
}
