//! Where a build's time goes: each stage of the pipeline timed on its own, in memory.
//!
//!     cargo run --release --example stages -- SITE [RUNS]
//!
//! Prints the median over RUNS (default 5) of: loading content/, annotating every article,
//! building the index, planning (references, signatures, list contexts) and rendering every
//! file; then, once, the rendering split by kind of file (person pages, feeds, the API, ...).
//! Nothing is written. Figures only: nothing is asserted.

use std::time::{Duration, Instant};

// The same allocator as the `brief` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    brief::keep_freed_memory();
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(std::path::PathBuf::from) else {
        println!("usage: stages SITE [RUNS]");
        return;
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let config = brief::config::Config::load(&root)
        .expect("a site (../shared/bench/gen_corpus.py writes none: `touch SITE/brief.yaml`)");
    let templates = brief::render::Templates::load(&root).expect("templates");
    let mut times: Vec<[Duration; 5]> = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let content = brief::content::load(&root, Default::default()).expect("content");
        let load = t.elapsed();
        let t = Instant::now();
        let annotated = brief::annotate_all(&content);
        let annotate = t.elapsed();
        let t = Instant::now();
        let (index, _annotations) = brief::index::build(content, annotated, &config.annotator);
        let index_time = t.elapsed();
        let t = Instant::now();
        let plan = brief::render::Plan::new(&index, &config, &templates);
        let plan_time = t.elapsed();
        let t = Instant::now();
        let bytes = std::sync::atomic::AtomicUsize::new(0);
        let files = plan
            .render(&|_| true, &|page| {
                bytes.fetch_add(page.contents.len(), std::sync::atomic::Ordering::Relaxed);
                Ok(())
            })
            .expect("render");
        let render = t.elapsed();
        times.push([load, annotate, index_time, plan_time, render]);
        eprintln!("{files} files, {} MB", bytes.into_inner() / 1_000_000);
    }
    let names = ["load", "annotate", "index", "plan", "render"];
    for (i, name) in names.iter().enumerate() {
        let mut samples: Vec<Duration> = times.iter().map(|t| t[i]).collect();
        samples.sort();
        println!("{name:>9}: {:>8.1} ms (median of {runs})", samples[samples.len() / 2].as_secs_f64() * 1000.0);
    }

    // Rendering by kind of file, to see which pages a larger archive makes slower.
    let content = brief::content::load(&root, Default::default()).expect("content");
    let (index, _) = brief::index::build(content.clone_profiles(), brief::annotate_all(&content), &config.annotator);
    let plan = brief::render::Plan::new(&index, &config, &templates);
    let kind = |path: &str| -> &'static str {
        let folder = path.split('/').next().unwrap_or("");
        // `people/page/2.html` is a list page; `people/<slug>/page/2.html` a person's.
        let list_page = path.contains("/page/") && path.matches('/').count() == 2;
        match (folder, path.ends_with(".xml"), list_page) {
            (_, _, true) => "list pages",
            ("articles", ..) => "articles",
            ("people", true, _) => "person feeds",
            ("people", ..) => "people",
            ("events", true, _) => "event feeds",
            ("events", ..) => "events",
            ("organisations" | "places", ..) => "organisations, places",
            ("api", ..) | ("search.json", ..) => "api, search.json",
            _ => "other site files",
        }
    };
    let kinds = [
        "articles",
        "people",
        "person feeds",
        "events",
        "event feeds",
        "organisations, places",
        "list pages",
        "api, search.json",
        "other site files",
    ];
    for name in kinds {
        let t = Instant::now();
        let bytes = std::sync::atomic::AtomicUsize::new(0);
        let files = plan
            .render(&|planned| kind(&planned.path) == name, &|page| {
                bytes.fetch_add(page.contents.len(), std::sync::atomic::Ordering::Relaxed);
                Ok(())
            })
            .expect("render");
        let mb = bytes.into_inner() as f64 / 1e6;
        println!("{name:>22}: {:>8.1} ms, {files:>6} files, {mb:>7.1} MB", t.elapsed().as_secs_f64() * 1000.0);
    }
}
