//! Annotation throughput, in words per second on one core.
//!
//!     cargo run --release --example annotate_bench [DIR] [RUNS]
//!
//! DIR holds articles (.md with front matter, or .txt); by default the PolNeAR train split of
//! the evaluation kit beside the repository. The registry is the example site's people and
//! events, as `brief annotate` run from the repository reads them, so that its matching is
//! timed too. Prints the median over RUNS passes (default 7).

use brief::annotate::{Overrides, TextFormat, annotate};
use std::path::Path;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = args
        .next()
        .unwrap_or_else(|| repository.join("../shared/eval/polnear/train/articles").to_string_lossy().into_owned());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(7);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("no articles at {dir}: nothing to measure (pass a folder of .md or .txt articles)");
        return;
    };
    let mut texts: Vec<(String, TextFormat)> = Vec::new();
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        match path.extension().and_then(|e| e.to_str()) {
            Some("md") => texts.push((strip_front_matter(&text).to_string(), TextFormat::Markdown)),
            Some("txt") => texts.push((text, TextFormat::Plain)),
            _ => {}
        }
    }
    let words: usize = texts.iter().map(|(t, _)| t.split_whitespace().count()).sum();
    let content = brief::content::load(repository, Default::default()).expect("the example site loads");
    let registry = brief::registry(&content);
    let overrides = Overrides::default();
    let mut rates = Vec::with_capacity(runs);
    let mut quotes = 0;
    for _ in 0..runs {
        let started = Instant::now();
        quotes = texts.iter().map(|(text, format)| annotate(text, *format, &registry, &overrides).quotes.len()).sum();
        rates.push(words as f64 / started.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];
    println!(
        "{} articles, {} words, {} quotes: median {:.0} words/s on one core over {} runs (min {:.0}, max {:.0})",
        texts.len(),
        words,
        quotes,
        median,
        runs,
        rates[0],
        rates[rates.len() - 1]
    );
}

fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else { return text };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}
