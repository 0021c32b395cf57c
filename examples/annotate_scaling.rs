//! How annotation time grows with an article's length: one article made of real news, at
//! growing sizes, and one paragraph made of a quote repeated (`“a” said Bob.`, the flood).
//!
//!     cargo run --release --example annotate_scaling [-- [--runs N] [CASE ...]]
//!
//! A CASE is one of
//! - `prose:MB`: the PolNeAR train split of the evaluation kit beside the repository, its
//!   articles' bodies one after another, repeated until the size is reached;
//! - `flood:COUNT`: `“a” said Bob. ` COUNT times, one paragraph;
//! - `repeat:COUNT:TEXT`: TEXT COUNT times (`\n` in TEXT is a line break), to try an input
//!   that may be slow, as `repeat:100000:“a,” he said, `;
//! - `file:PATH`: the file's text.
//!
//! By default prose at 1, 2, 4, 8, 16 and 30 MB and the flood at 10,000 and 100,000. Each
//! case is annotated as Markdown RUNS times (default 3) on one core, with the example site's
//! people and events as the registry (as `brief annotate` run from the repository reads
//! them). Prints the median time; its ratio to the case before when that is of the same
//! kind (double the size, and a linear annotator doubles the time); and the peak memory of
//! the process during the case (Linux), the text included.

use brief::annotate::{Overrides, TextFormat, annotate};
use std::path::Path;
use std::time::Instant;

fn main() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut runs = 3;
    let mut cases: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            runs = args.next().and_then(|r| r.parse().ok()).expect("--runs takes a number");
        } else {
            cases.push(arg);
        }
    }
    if cases.is_empty() {
        cases = ["prose:1", "prose:2", "prose:4", "prose:8", "prose:16", "prose:30", "flood:10000", "flood:100000"]
            .map(String::from)
            .to_vec();
    }
    let content = brief::content::load(repository, Default::default()).expect("the example site loads");
    let registry = brief::registry(&content);
    let overrides = Overrides::default();
    let prose = prose(&repository.join("../shared/eval/polnear/train/articles"));
    println!("{:<14} {:>9} {:>9} {:>10} {:>7} {:>9}", "case", "MB", "quotes", "median s", "ratio", "peak MB");
    // The kind of the case before and its median: a ratio is printed between cases of one kind.
    let mut previous: Option<(&str, f64)> = None;
    for case in &cases {
        let text = match case.split_once(':') {
            Some(("prose", mb)) if !prose.is_empty() => {
                repeat_to(&prose, (mb.parse::<f64>().expect("prose:MB takes a number") * 1e6) as usize)
            }
            Some(("prose", _)) => {
                println!("{case:<14} no articles at ../shared/eval/polnear/train/articles: skipped");
                continue;
            }
            Some(("flood", count)) => flood(count.parse().expect("flood:COUNT takes a number")),
            Some(("file", path)) => std::fs::read_to_string(path).expect("file:PATH reads a UTF-8 file"),
            Some(("repeat", rest)) => {
                let (count, piece) = rest.split_once(':').expect("repeat:COUNT:TEXT");
                piece.replace("\\n", "\n").repeat(count.parse().expect("repeat:COUNT:TEXT takes a number"))
            }
            _ => panic!("a case is prose:MB, flood:COUNT, repeat:COUNT:TEXT or file:PATH, not {case}"),
        };
        reset_peak_memory();
        let mut times = Vec::with_capacity(runs);
        let mut quotes = 0;
        for _ in 0..runs {
            let started = Instant::now();
            let annotations = annotate(&text, TextFormat::Markdown, &registry, &overrides);
            times.push(started.elapsed().as_secs_f64());
            quotes = annotations.quotes.len();
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let kind = case.split(':').next().unwrap_or("");
        let ratio = match previous {
            Some((before, p)) if before == kind => format!("{:.2}", median / p),
            _ => String::from("-"),
        };
        let peak = peak_memory_mb().map_or(String::from("?"), |mb| format!("{mb:.0}"));
        println!("{case:<14} {:>9.1} {quotes:>9} {median:>10.3} {ratio:>7} {peak:>9}", text.len() as f64 / 1e6);
        previous = Some((kind, median));
    }
}

/// The bodies of the articles in `dir`, in name order, a blank line between.
fn prose(dir: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(dir) else { return String::new() };
    let mut paths: Vec<_> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    paths.sort();
    let mut out = String::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        out.push_str(strip_front_matter(&text).trim());
        out.push_str("\n\n");
    }
    out
}

/// `prose` again and again, cut at a paragraph break once `size` bytes are reached.
fn repeat_to(prose: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + prose.len());
    while out.len() < size {
        let room = size - out.len();
        if room >= prose.len() {
            out.push_str(prose);
        } else {
            let mut cut = prose[..room].rfind("\n\n").map_or(room, |i| i + 2);
            while !prose.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&prose[..cut]);
            break;
        }
    }
    out
}

/// `“a” said Bob.` `count` times in one paragraph.
fn flood(count: usize) -> String {
    "\u{201c}a\u{201d} said Bob. ".repeat(count)
}

fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else { return text };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}

/// Linux: the process's peak resident memory is set back to what it holds now.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
