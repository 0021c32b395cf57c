//! Copies of one story folded into one article: a site-level stage between annotation and
//! event discovery. In: every article with its annotations, and the editors' decisions
//! (`content/folds.yaml`, `fold: false` in an article's front matter). Out: [`Folded`]: the
//! articles that stay, and the copies, each with the slug of the article it is folded into
//! (its primary). Only the articles that stay reach discovery and the index, so a syndicated
//! story's quotes and people count once; the copies are shown on their primary's page.
//!
//! Two articles are copies when most of the shorter one's text is in the longer one: of the
//! shorter's 5-word shingles, at least [`CONTAINMENT`] are the longer's, and it has at least
//! [`MIN_SIZE_RATIO`] as many as the longer. A new headline, a trimmed ending, an added line
//! or a few edited words keep a copy a copy; a shared quote or background paragraph does not
//! (`docs/content.md` has the figures these were chosen by). No pair is compared unless
//! blocking makes it a candidate: the shingles of each article's lead are sketched by
//! one-permutation MinHash ([`BINS`] bins, empty bins filled from the next), and two articles
//! are candidates when any band of [`ROWS`] bins agrees (LSH). Only candidates are compared,
//! on their whole texts.

use crate::annotate::Annotations;
use crate::content::Article;
use crate::error::{Error, Result};
use crate::index::Index;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The editors' decisions about copies, relative to the site root.
pub const FOLDS_FILE: &str = "content/folds.yaml";

/// Words in a shingle.
const SHINGLE_WORDS: usize = 5;
/// Bytes of a text sketched for blocking: copies share their lead (a new headline, a trimmed
/// ending or an added line leave it as it was), and reading leads only is what keeps folding
/// cheap next to the rest of a build. The exact comparison reads the whole texts.
const LEAD_BYTES: usize = 800;
/// MinHash bins, and bins in an LSH band: two articles are candidates when the minima of
/// every bin of one band agree. With 32 bands of 2, a pair whose leads' shingle sets have a
/// Jaccard similarity of 0.5 is a candidate with probability 0.9997, of 0.3 0.95, of 0.1 0.28.
const BINS: usize = 64;
const ROWS: usize = 2;
/// Of the shorter text's shingles, the share the longer must have.
pub const CONTAINMENT: f64 = 0.8;
/// The shorter text has at least this share of the longer's shingles: a paragraph lifted
/// from a long story is not a copy of it.
pub const MIN_SIZE_RATIO: f64 = 0.3;
/// Texts of fewer shingles are too short to call copies (a one-paragraph brief).
pub const MIN_SHINGLES: usize = 40;
/// Candidates whose sketches agree on fewer bins than this (an estimated Jaccard similarity of
/// their leads below 1/8) are not compared: they met by chance, on a band of common words.
const MIN_AGREEING_BINS: usize = BINS / 8;
/// In one LSH bucket, an article is compared with at most this many groups met before in it:
/// a bucket of many unrelated articles would otherwise be compared all pairs.
const MAX_BUCKET_GROUPS: usize = 16;

/// `content/folds.yaml`: articles brief must not fold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decisions {
    /// Article slugs: each stays an article of its own, neither a copy nor a primary.
    pub unfold: BTreeSet<String>,
    /// The file's text, to find the line of a slug that names no article.
    #[serde(skip)]
    text: String,
}

impl Decisions {
    /// Reads `content/folds.yaml` under `root`; no file, no decisions.
    pub fn load(root: &Path) -> Result<Decisions> {
        let rel = Path::new(FOLDS_FILE);
        if std::fs::symlink_metadata(root.join(rel)).is_err() {
            return Ok(Decisions::default());
        }
        crate::paths::Site::new(root)?.check_inside(rel)?;
        let text = crate::content::read_text(root, rel)?;
        if text.trim().is_empty() {
            return Ok(Decisions::default());
        }
        let decisions: Decisions = crate::yaml::from_str(&text).map_err(|e| {
            Error::input(
                rel,
                e.line,
                e.message,
                "folds.yaml takes `unfold:`, a list of article slugs that stay articles of their own (see docs/content.md)",
            )
        })?;
        Ok(Decisions { text, ..decisions })
    }

    /// A slug that names no article is an error at its line: a mistyped slug would leave
    /// folded the copy the editor meant to unfold.
    pub fn check<'a>(&self, articles: impl Iterator<Item = &'a Article>) -> Result<()> {
        if self.unfold.is_empty() {
            return Ok(());
        }
        let slugs: BTreeSet<&str> = articles.map(|a| a.slug.as_str()).collect();
        match self.unfold.iter().find(|s| !slugs.contains(s.as_str())) {
            None => Ok(()),
            Some(slug) => Err(Error::input(
                Path::new(FOLDS_FILE),
                self.text.lines().position(|l| l.contains(slug.as_str())).map(|i| i + 1),
                format!("no article has the slug `{slug}`"),
                "give the slug of an article (its file name, or its `slug:`; a draft counts only with --drafts), \
                 or remove it from `unfold:`",
            )),
        }
    }
}

/// What folding found.
#[derive(Debug, Default)]
pub struct Folded {
    /// The articles that stay, in the order given.
    pub articles: Vec<(Article, Annotations)>,
    /// The copies, each with the slug of its primary; by primary slug, then date and slug.
    pub copies: Vec<(String, Article, Annotations)>,
}

/// An article folded into another: on the index, beside the articles.
#[derive(Debug, Clone)]
pub struct Copy {
    pub article: Article,
    /// Its primary's position in [`Index::articles`].
    pub into: usize,
}

/// Folds the copies among `annotated` into their primaries. The primary of a group is the
/// copy with the most text (a syndicated story's fullest version, so that no quote is lost),
/// then the earliest, then by slug; every other member is a copy of it.
pub fn fold(annotated: Vec<(Article, Annotations)>, decisions: &Decisions) -> Result<Folded> {
    fold_with(annotated, decisions, None)
}

fn fold_with(
    annotated: Vec<(Article, Annotations)>,
    decisions: &Decisions,
    sketcher: Option<&mut Sketcher>,
) -> Result<Folded> {
    decisions.check(annotated.iter().map(|(a, _)| a))?;
    let groups = {
        let articles: Vec<&Article> = annotated.iter().map(|(a, _)| a).collect();
        groups_with(&articles, decisions, sketcher)
    };
    if groups.is_empty() {
        return Ok(Folded { articles: annotated, copies: Vec::new() });
    }
    let mut into: Vec<Option<usize>> = vec![None; annotated.len()];
    for group in &groups {
        for &copy in &group[1..] {
            into[copy] = Some(group[0]);
        }
    }
    let primary_slug: Vec<Option<String>> = into.iter().map(|p| p.map(|p| annotated[p].0.slug.clone())).collect();
    let mut folded = Folded::default();
    for ((article, annotations), primary) in annotated.into_iter().zip(primary_slug) {
        match primary {
            Some(slug) => folded.copies.push((slug, article, annotations)),
            None => folded.articles.push((article, annotations)),
        }
    }
    folded.copies.sort_by(|a, b| (&a.0, a.1.date, &a.1.slug).cmp(&(&b.0, b.1.date, &b.1.slug)));
    Ok(folded)
}

/// The groups of copies among `articles`, as positions in it: each group its primary first,
/// then its copies by slug; the groups by their primary's slug. The same set of articles gives
/// the same groups in whatever order it comes.
pub fn groups(articles: &[&Article], decisions: &Decisions) -> Vec<Vec<usize>> {
    groups_with(articles, decisions, None)
}

/// Folding that keeps every article's sketch from one run to the next, as the preview needs:
/// a run sketches only the articles it has not seen (or whose file changed), forgets those
/// gone, and gives what [`fold`] and [`groups`] give.
#[derive(Debug, Default)]
pub struct Sketcher {
    /// Article slug → the fingerprint of the article its sketch was made from, and the sketch.
    kept: FxHashMap<String, (u64, Option<Sketch>)>,
    /// How many articles the last run sketched (the others it had kept).
    made: usize,
}

impl Sketcher {
    pub fn fold(&mut self, annotated: Vec<(Article, Annotations)>, decisions: &Decisions) -> Result<Folded> {
        fold_with(annotated, decisions, Some(self))
    }

    /// [`slug_groups`], sketching only new and changed articles.
    pub fn slug_groups(&mut self, articles: &[&Article], decisions: &Decisions) -> Vec<(String, Vec<String>)> {
        named(articles, groups_with(articles, decisions, Some(self)))
    }

    /// How many articles the last run sketched rather than reused.
    pub fn made(&self) -> usize {
        self.made
    }
}

fn groups_with(articles: &[&Article], decisions: &Decisions, sketcher: Option<&mut Sketcher>) -> Vec<Vec<usize>> {
    // Work in slug order: which pairs are compared, and so the groups, follow from the set.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| articles[a].slug.cmp(&articles[b].slug));
    let foldable = |a: &Article| a.fold && !decisions.unfold.contains(&a.slug);
    let all: Vec<Option<Sketch>> = match sketcher {
        None => order.par_iter().map(|&i| sketch(&articles[i].body)).collect(),
        Some(sketcher) => {
            let kept = &sketcher.kept;
            let known = |a: &Article| kept.get(&a.slug).filter(|(fingerprint, _)| *fingerprint == a.fingerprint);
            let all: Vec<Option<Sketch>> = order
                .par_iter()
                .map(|&i| known(articles[i]).map_or_else(|| sketch(&articles[i].body), |(_, s)| *s))
                .collect();
            let made: Vec<usize> = (0..order.len()).filter(|&p| known(articles[order[p]]).is_none()).collect();
            sketcher.made = made.len();
            for p in made {
                let a = articles[order[p]];
                sketcher.kept.insert(a.slug.clone(), (a.fingerprint, all[p]));
            }
            // Slugs are unique: as many kept as there are articles, and none is gone.
            if sketcher.kept.len() != order.len() {
                let slugs: rustc_hash::FxHashSet<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
                sketcher.kept.retain(|slug, _| slugs.contains(slug.as_str()));
            }
            all
        }
    };
    let sketches: Vec<Option<Sketch>> =
        order.iter().zip(all).map(|(&i, s)| s.filter(|_| foldable(articles[i]))).collect();
    let mut shingles = Shingles { articles, order: &order, sets: FxHashMap::default() };
    let mut groups = UnionFind::new(order.len());
    for bucket in buckets(&sketches) {
        // One member of each group met in this bucket so far.
        let mut seen: Vec<usize> = Vec::new();
        for &member in &bucket {
            let mut joined = false;
            for &other in &seen {
                let alike = |a: usize, b: usize| agreeing(&sketches[a], &sketches[b]) >= MIN_AGREEING_BINS;
                if groups.find(other) != groups.find(member) && alike(other, member) && shingles.copies(other, member) {
                    groups.union(other, member);
                    joined = true;
                }
            }
            if !joined && seen.len() < MAX_BUCKET_GROUPS {
                seen.push(member);
            }
        }
    }
    let mut components: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (p, sketch) in sketches.iter().enumerate() {
        if sketch.is_some() {
            components.entry(groups.find(p)).or_default().push(p);
        }
    }
    let mut found = Vec::new();
    let mut pending: Vec<Vec<usize>> = components.into_values().filter(|c| c.len() > 1).collect();
    // Each member must be a copy of the primary itself, not only of another member: what is
    // not is grouped again without it.
    while let Some(mut component) = pending.pop() {
        let sizes: Vec<usize> = component.iter().map(|&p| shingles.set(p).len()).collect();
        let best = (0..component.len())
            .min_by(|&x, &y| {
                let (a, b) = (articles[order[component[x]]], articles[order[component[y]]]);
                sizes[y].cmp(&sizes[x]).then(date_key(a).cmp(&date_key(b))).then(a.slug.cmp(&b.slug))
            })
            .unwrap_or(0);
        let primary = component.swap_remove(best);
        let (copies, rest): (Vec<usize>, Vec<usize>) =
            component.into_iter().partition(|&p| shingles.copies(primary, p));
        if !copies.is_empty() {
            let mut group = vec![primary];
            group.extend(copies);
            group[1..].sort_unstable();
            found.push(group);
        }
        if rest.len() > 1 {
            pending.push(rest);
        }
    }
    found.sort_unstable();
    found.into_iter().map(|group| group.into_iter().map(|p| order[p]).collect()).collect()
}

/// Undated articles come last.
fn date_key(a: &Article) -> (bool, Option<crate::content::Date>) {
    (a.date.is_none(), a.date)
}

/// Every article's shingle set, made when first asked for (only candidates are).
struct Shingles<'a> {
    articles: &'a [&'a Article],
    order: &'a [usize],
    sets: FxHashMap<usize, Vec<u64>>,
}

impl Shingles<'_> {
    fn set(&mut self, p: usize) -> &[u64] {
        let (articles, order) = (self.articles, self.order);
        self.sets.entry(p).or_insert_with(|| shingle_set(&articles[order[p]].body))
    }

    fn copies(&mut self, a: usize, b: usize) -> bool {
        self.set(a);
        self.set(b);
        similarity(&self.sets[&a], &self.sets[&b]).is_copy()
    }
}

/// How two texts' shingle sets compare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// Shingles of the smaller set, and of the larger.
    pub smaller: usize,
    pub larger: usize,
    /// Shingles in both.
    pub shared: usize,
}

impl Similarity {
    /// The share of the smaller set in the larger.
    pub fn containment(&self) -> f64 {
        if self.smaller == 0 { 0.0 } else { self.shared as f64 / self.smaller as f64 }
    }

    pub fn is_copy(&self) -> bool {
        self.smaller >= MIN_SHINGLES
            && self.smaller as f64 >= MIN_SIZE_RATIO * self.larger as f64
            && self.containment() >= CONTAINMENT
    }
}

/// Two sorted, deduplicated shingle sets compared.
pub fn similarity(a: &[u64], b: &[u64]) -> Similarity {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Similarity { smaller: a.len().min(b.len()), larger: a.len().max(b.len()), shared }
}

/// The hashes of a text's 5-word shingles, sorted and deduplicated. Words are runs of letters
/// and digits (any non-ASCII byte counts as a letter), compared lowercased: punctuation,
/// Markdown marks and line breaks do not tell two copies apart.
pub fn shingle_set(text: &str) -> Vec<u64> {
    let mut set = Vec::with_capacity(text.len() / 5);
    for_each_shingle(text.as_bytes(), |s| set.push(s));
    set.sort_unstable();
    set.dedup();
    set
}

fn for_each_shingle(text: &[u8], mut found: impl FnMut(u64)) {
    let mut window = [0u64; SHINGLE_WORDS];
    let mut words = 0usize;
    let mut word = 0u64;
    let mut end_word = |word: u64, found: &mut dyn FnMut(u64)| {
        window[words % SHINGLE_WORDS] = word;
        words += 1;
        if words >= SHINGLE_WORDS {
            let mut s = 0u64;
            for k in 0..SHINGLE_WORDS {
                s = s.rotate_left(13) ^ window[(words + k) % SHINGLE_WORDS];
            }
            found(mix(s));
        }
    };
    for &b in text {
        let c = WORD_BYTES[b as usize];
        if c != 0 {
            // A byte a step of one cycle: the word is mixed once, at its end.
            word = word.rotate_left(8) ^ u64::from(c);
        } else if word != 0 {
            end_word(mix(word), &mut found);
            word = 0;
        }
    }
    if word != 0 {
        end_word(mix(word), &mut found);
    }
}

/// Each byte as a word's byte (ASCII lowercased; any non-ASCII byte is a letter), or 0 for
/// a byte between words.
const WORD_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if b.is_ascii_uppercase() {
            b | 0x20
        } else if b.is_ascii_alphanumeric() || b >= 0x80 {
            b
        } else {
            0
        };
        i += 1;
    }
    table
};

/// splitmix64's finaliser: a bijection that spreads every bit.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A one-permutation MinHash of the shingles of a text's lead: each shingle's hash falls in a
/// bin by its top bits, and a bin keeps the least of its low bits.
pub type Sketch = [u32; BINS];

/// None for a text of fewer than [`MIN_SHINGLES`] shingles in its lead (counted with repeats).
pub fn sketch(text: &str) -> Option<Sketch> {
    let mut bins = [u32::MAX; BINS];
    let mut filled = [false; BINS];
    let mut count = 0;
    let lead = &text.as_bytes()[..text.len().min(LEAD_BYTES)];
    for_each_shingle(lead, |s| {
        let bin = (s >> (64 - BINS.trailing_zeros())) as usize;
        bins[bin] = bins[bin].min(s as u32);
        filled[bin] = true;
        count += 1;
    });
    if count < MIN_SHINGLES {
        return None;
    }
    // An empty bin takes the next filled bin's value, marked by how far it came (rotation
    // densification): two texts agree on it only where they agree on that bin.
    let mut sketch = bins;
    for bin in 0..BINS {
        if !filled[bin] {
            let distance = (1..BINS).find(|d| filled[(bin + d) % BINS]).unwrap_or(0);
            let from = bins[(bin + distance) % BINS];
            sketch[bin] = mix(u64::from(from) ^ ((distance as u64) << 32)) as u32;
        }
    }
    Some(sketch)
}

/// On how many bins two sketches agree.
fn agreeing(a: &Option<Sketch>, b: &Option<Sketch>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => a.iter().zip(b).filter(|(x, y)| x == y).count(),
        _ => 0,
    }
}

/// The LSH buckets of two or more sketches, as positions in `sketches`, in a fixed order.
pub fn buckets(sketches: &[Option<Sketch>]) -> Vec<Vec<usize>> {
    let bands: Vec<Vec<Vec<usize>>> = (0..BINS / ROWS)
        .into_par_iter()
        .map(|band| {
            let mut keys: Vec<(u64, usize)> = sketches
                .iter()
                .enumerate()
                .filter_map(|(p, s)| {
                    let s = s.as_ref()?;
                    let rows = &s[band * ROWS..(band + 1) * ROWS];
                    Some((rows.iter().fold(0u64, |key, &r| key.rotate_left(32) ^ u64::from(r)), p))
                })
                .collect();
            keys.sort_unstable_by_key(|&(key, _)| key);
            keys.chunk_by(|a, b| a.0 == b.0)
                .filter(|run| run.len() > 1)
                .map(|run| run.iter().map(|&(_, p)| p).collect())
                .collect()
        })
        .collect();
    bands.into_iter().flatten().collect()
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// The smaller root wins, so that the result does not depend on the order of unions.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (low, high) = (a.min(b), a.max(b));
        self.parent[high] = low;
    }
}

/// Puts the copies beside the index, each pointing at its primary's position; an article's
/// copies are then one run, by date and slug. The index holds no annotations: the copies'
/// come back in the order of `Index::copies`, for the annotation cache and the preview.
pub fn attach(index: &mut Index, copies: Vec<(String, Article, Annotations)>) -> Vec<Annotations> {
    let position: FxHashMap<&str, usize> =
        index.articles.iter().enumerate().map(|(i, e)| (e.article.slug.as_str(), i)).collect();
    let mut attached: Vec<(Copy, Annotations)> = copies
        .into_iter()
        .filter_map(|(primary, article, annotations)| {
            Some((Copy { into: *position.get(primary.as_str())?, article }, annotations))
        })
        .collect();
    attached.sort_by(|(a, _), (b, _)| {
        (a.into, a.article.date, &a.article.slug).cmp(&(b.into, b.article.date, &b.article.slug))
    });
    let (copies, annotations) = attached.into_iter().unzip();
    index.copies = copies;
    annotations
}

/// The groups as the index holds them: each primary's slug with its copies' slugs, sorted.
/// What the preview compares before and after a save.
pub fn index_groups(index: &Index) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for copy in &index.copies {
        let primary = &index.articles[copy.into].article.slug;
        match groups.last_mut() {
            Some((slug, copies)) if slug == primary => copies.push(copy.article.slug.clone()),
            _ => groups.push((primary.clone(), vec![copy.article.slug.clone()])),
        }
    }
    for (_, copies) in &mut groups {
        copies.sort();
    }
    groups.sort();
    groups
}

/// [`groups`] as slugs, in the form of [`index_groups`].
pub fn slug_groups(articles: &[&Article], decisions: &Decisions) -> Vec<(String, Vec<String>)> {
    named(articles, groups(articles, decisions))
}

fn named(articles: &[&Article], groups: Vec<Vec<usize>>) -> Vec<(String, Vec<String>)> {
    let mut named: Vec<(String, Vec<String>)> = groups
        .into_iter()
        .map(|g| {
            let mut copies: Vec<String> = g[1..].iter().map(|&i| articles[i].slug.clone()).collect();
            copies.sort();
            (articles[g[0]].slug.clone(), copies)
        })
        .collect();
    named.sort();
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The Senate voted on Tuesday to approve a bill that would fund the government \
        through December, averting a shutdown days before the deadline. The measure passed 72 to 26 \
        after leaders of both parties reached a deal late on Monday night. \"We did our job,\" said \
        the majority leader, who had warned for weeks that the talks could collapse. The House is \
        expected to take up the bill on Wednesday, where its fate is less certain. Several \
        conservative members have said they will vote against any bill that does not cut spending. \
        The White House said the president would sign the measure if it reached his desk. Aid for \
        flood victims in Louisiana was added to the bill in the final hours of the negotiations, \
        along with money to fight the Zika virus, which had been the subject of a months-long fight.";

    const OTHER: &str = "The House voted on Thursday to pass a defence bill that sets military \
        pay and policy for the coming year, sending it to the Senate after a week of debate. The \
        measure passed 281 to 142 with support from members of both parties. \"Our troops deserve \
        certainty,\" said the chairman of the armed services committee, who wrote most of the bill. \
        Critics said the bill spends too much on weapons the Pentagon did not ask for. The Senate \
        is expected to take it up next month, and the White House has threatened a veto over a \
        provision on detainees. \"We did our job,\" said the majority leader, who had warned for \
        weeks that the talks could collapse.";

    fn article(slug: &str, body: &str) -> Article {
        let (mut article, _) = crate::content::article_from_text(
            &format!("---\ntitle: {slug}\ndate: 2016-09-28\n---\n{body}\n"),
            Path::new(&format!("content/articles/{slug}.md")),
            None,
            crate::annotate::TextFormat::Markdown,
        )
        .expect("an article");
        article.slug = slug.to_string();
        article
    }

    fn found(articles: &[Article]) -> Vec<(String, Vec<String>)> {
        let refs: Vec<&Article> = articles.iter().collect();
        slug_groups(&refs, &Decisions::default())
    }

    #[test]
    fn copies_fold_and_other_stories_do_not() {
        let trimmed = STORY.rsplit_once(" Aid for").map(|(head, _)| head).expect("a last sentence");
        let cases: [(&str, String, bool); 6] = [
            ("the same text", STORY.to_string(), true),
            ("a trimmed ending", trimmed.to_string(), true),
            ("an added line", format!("{STORY}\n\nThe Associated Press contributed to this report."), true),
            ("a few words edited", STORY.replace("Tuesday", "Tues.").replace("72 to 26", "72-26"), true),
            ("another story sharing one quote", OTHER.to_string(), false),
            ("the first sentence alone", STORY.split(". ").next().expect("a sentence").to_string(), false),
        ];
        for (what, text, folds) in cases {
            let articles = [article("a-original", STORY), article("b-other", &text)];
            assert_eq!(found(&articles).len(), usize::from(folds), "{what}");
        }
    }

    #[test]
    fn the_fullest_copy_is_the_primary_and_order_does_not_matter() {
        let trimmed = STORY.rsplit_once(" Aid for").map(|(head, _)| head).expect("a last sentence");
        let articles = vec![article("z-full", STORY), article("a-trimmed", trimmed), article("m-same", STORY)];
        let expected = vec![("m-same".to_string(), vec!["a-trimmed".to_string(), "z-full".to_string()])];
        assert_eq!(found(&articles), expected, "equal texts and dates: the first slug is the primary");
        let reversed: Vec<Article> = articles.into_iter().rev().collect();
        assert_eq!(found(&reversed), expected);
    }

    #[test]
    fn a_sketcher_sketches_only_what_changed_and_finds_what_a_run_finds() {
        let mut articles = vec![article("a", STORY), article("b", OTHER), article("c", STORY)];
        let mut sketcher = Sketcher::default();
        let refs: Vec<&Article> = articles.iter().collect();
        assert_eq!(sketcher.slug_groups(&refs, &Decisions::default()), found(&articles));
        assert_eq!(sketcher.made(), 3);
        articles[1] = article("b", &format!("{STORY} One more line."));
        articles[1].fingerprint += 1;
        let refs: Vec<&Article> = articles.iter().collect();
        let groups = sketcher.slug_groups(&refs, &Decisions::default());
        assert_eq!(sketcher.made(), 1, "only the changed article is sketched again");
        assert_eq!(groups, found(&articles));
        assert_eq!(groups.len(), 1, "all three are copies now");
    }

    #[test]
    fn an_editor_unfolds() {
        let mut apart = article("b-copy", STORY);
        apart.fold = false;
        assert_eq!(found(&[article("a", STORY), apart]), vec![]);
        let decisions = Decisions { unfold: ["b-copy".to_string()].into(), text: String::new() };
        let articles = [article("a", STORY), article("b-copy", STORY), article("c-copy", STORY)];
        let refs: Vec<&Article> = articles.iter().collect();
        assert_eq!(slug_groups(&refs, &decisions), vec![("a".to_string(), vec!["c-copy".to_string()])]);
    }

    #[test]
    fn an_unknown_slug_is_an_error_at_its_line() {
        let decisions =
            Decisions { unfold: ["nope".to_string()].into(), text: "# keep apart\nunfold:\n  - nope\n".to_string() };
        let annotated = vec![(article("a", STORY), Annotations::default())];
        let error = fold(annotated, &decisions).expect_err("an unknown slug");
        let text = error.to_string();
        assert!(text.contains("nope") && text.contains(FOLDS_FILE), "{text}");
        assert!(matches!(&error, Error::Input { location, .. } if location.line == Some(3)), "{error:?}");
    }
}
