//! What folding copies costs and finds on a site: the time of each step, the LSH candidates,
//! and how alike every candidate pair is, for choosing `fold::CONTAINMENT`.
//!
//!     cargo run --release --example fold_pairs -- SITE [MIN_CONTAINMENT]
//!
//! Prints the time to sketch every article, to bucket the sketches, and to find the groups
//! (`fold::groups`, which sketches again); the number of buckets and of distinct candidate
//! pairs; a histogram of the candidates' containment; then each pair at or above
//! MIN_CONTAINMENT (default 0.3) with its sizes and titles, and the groups found. Nothing
//! is written. Figures only: nothing is asserted.

use brief::fold;
use std::collections::BTreeSet;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    brief::keep_freed_memory();
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(std::path::PathBuf::from) else {
        println!("usage: fold_pairs SITE [MIN_CONTAINMENT]");
        return;
    };
    let shown: f64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(0.3);
    let content = brief::content::load(&root, Default::default()).expect("content");
    let articles: Vec<&brief::content::Article> = content.articles.iter().collect();
    use rayon::prelude::*;
    let t = Instant::now();
    let sketches: Vec<Option<fold::Sketch>> = articles.par_iter().map(|a| fold::sketch(&a.body)).collect();
    let sketch_time = t.elapsed();
    let t = Instant::now();
    let buckets = fold::buckets(&sketches);
    let bucket_time = t.elapsed();
    let t = Instant::now();
    let groups = fold::groups(&articles, &fold::Decisions::default());
    let groups_time = t.elapsed();
    // What the preview does on a save: every sketch but one kept.
    let mut sketcher = fold::Sketcher::default();
    sketcher.slug_groups(&articles, &fold::Decisions::default());
    let t = Instant::now();
    sketcher.slug_groups(&articles, &fold::Decisions::default());
    let kept_time = t.elapsed();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for bucket in &buckets {
        for (n, &a) in bucket.iter().enumerate() {
            for &b in &bucket[n + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    println!(
        "{} articles: sketches {:.1} ms, buckets {:.1} ms, groups (all steps) {:.1} ms",
        articles.len(),
        sketch_time.as_secs_f64() * 1e3,
        bucket_time.as_secs_f64() * 1e3,
        groups_time.as_secs_f64() * 1e3
    );
    println!("again with every sketch kept (a preview's save): {:.1} ms", kept_time.as_secs_f64() * 1e3);
    let largest = buckets.iter().map(Vec::len).max().unwrap_or(0);
    println!("{} buckets (largest {largest}), {} distinct candidate pairs", buckets.len(), pairs.len());
    // Candidates are compared only when their sketches agree on an eighth of their bins.
    let agreeing = |a: usize, b: usize| match (&sketches[a], &sketches[b]) {
        (Some(x), Some(y)) => x.iter().zip(y).filter(|(p, q)| p == q).count(),
        _ => 0,
    };
    let compared = pairs.iter().filter(|&&(a, b)| agreeing(a, b) * 8 >= sketches[a].map_or(0, |s| s.len())).count();
    println!("{compared} of them with sketches that agree on an eighth of their bins or more");
    let sets: Vec<Vec<u64>> = articles.par_iter().map(|a| fold::shingle_set(&a.body)).collect();
    let mut histogram = [0usize; 11];
    let mut close = Vec::new();
    for &(a, b) in &pairs {
        let similarity = fold::similarity(&sets[a], &sets[b]);
        histogram[(similarity.containment() * 10.0) as usize] += 1;
        if similarity.containment() >= shown {
            close.push((a, b, similarity));
        }
    }
    println!("candidates by containment (tenths): {histogram:?}");
    for (a, b, s) in close {
        println!(
            "{:.3} containment, {} / {} shingles ({:.2}), copy: {}\n  {} | {}\n  {} | {}",
            s.containment(),
            s.smaller,
            s.larger,
            s.smaller as f64 / s.larger as f64,
            s.is_copy(),
            articles[a].slug,
            articles[a].title,
            articles[b].slug,
            articles[b].title
        );
    }
    println!("{} groups, {} copies folded", groups.len(), groups.iter().map(|g| g.len() - 1).sum::<usize>());
    for group in &groups {
        let slugs: Vec<&str> = group.iter().map(|&i| articles[i].slug.as_str()).collect();
        println!("  {}", slugs.join(" <- "));
    }
}
