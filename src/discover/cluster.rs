//! The single pass that groups articles: in date order, each joins the open group whose
//! summed signature is closest, or begins one. The groups an article may join are found
//! through an inverted index of signature terms, read only inside the window of days and only
//! so far back: the work grows with the number of articles, not its square.

use super::terms::Term;
use rustc_hash::FxHashMap;

/// Terms of an article looked up in the inverted index to find the groups it may join.
const BLOCKING_TERMS: usize = 10;
/// Index entries read per blocking term, newest first: bounds the work on common terms.
const POSTINGS_READ: usize = 64;
/// Groups compared in full with each article: those sharing the most of its strongest terms.
const CANDIDATES: usize = 8;
/// Cosine between an article's signature and a group's summed signature needed to join it.
const JOIN: f32 = 0.1;
/// An article joins a group begun at most this many days before it...
const SPAN_DAYS: i64 = 7;
/// ...whose latest article is at most this many days before it.
pub(super) const GAP_DAYS: i64 = 3;

/// A group as the single pass builds it: positions in the date order.
pub(super) struct Group {
    pub(super) members: Vec<usize>,
    /// The members' signatures summed, and the squared length of their whole vectors summed.
    centroid: FxHashMap<Term, f32>,
    norm2: f32,
    first: i64,
    last: i64,
}

impl Group {
    /// Adds an article. A signature is the part of an article's unit vector that can link it
    /// to others; the rest (words no other article has, words most have) is taken to be
    /// orthogonal to every other article's, and adds only to the group's length.
    fn add(&mut self, member: usize, signature: &[(Term, f32)], day: i64) {
        self.members.push(member);
        let mut linked = 0.0;
        for &(term, w) in signature {
            let c = self.centroid.entry(term).or_default();
            self.norm2 += 2.0 * *c * w + w * w;
            *c += w;
            linked += w * w;
        }
        self.norm2 += (1.0 - linked).max(0.0);
        self.last = self.last.max(day);
    }

    fn cosine(&self, signature: &[(Term, f32)]) -> f32 {
        let dot: f32 = signature.iter().filter_map(|(term, w)| self.centroid.get(term).map(|c| c * w)).sum();
        if self.norm2 > 0.0 { dot / self.norm2.sqrt() } else { 0.0 }
    }
}

/// The single pass: articles in date order, each into the closest open group or a new one.
pub(super) fn cluster(signatures: &[Vec<(Term, f32)>], days: &[i64], opinion: &[bool]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // Term → (day, group) for every member that has it, in date order.
    let mut postings: FxHashMap<Term, Vec<(i64, u32)>> = FxHashMap::default();
    let mut candidates: Vec<(u32, f32)> = Vec::new();
    let mut partial: FxHashMap<u32, f32> = FxHashMap::default();
    for (position, signature) in signatures.iter().enumerate() {
        if opinion[position] || signature.is_empty() {
            continue;
        }
        let day = days[position];
        // Groups that share the article's strongest terms, scored by the weight they share;
        // only the best few are compared in full.
        partial.clear();
        for (term, w) in signature.iter().take(BLOCKING_TERMS) {
            let Some(list) = postings.get(term) else { continue };
            let mut last = u32::MAX;
            for &(when, group) in list.iter().rev().take(POSTINGS_READ) {
                if when < day - SPAN_DAYS {
                    break;
                }
                if group != last {
                    *partial.entry(group).or_default() += w;
                    last = group;
                }
            }
        }
        candidates.clear();
        candidates.extend(partial.iter().map(|(&g, &w)| (g, w)));
        candidates.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(CANDIDATES);
        let best = candidates
            .iter()
            .map(|&(g, _)| (g, &groups[g as usize]))
            .filter(|(_, g)| day - g.first <= SPAN_DAYS && day - g.last <= GAP_DAYS)
            .map(|(i, g)| (i, g.cosine(signature)))
            .filter(|&(_, sim)| sim >= JOIN)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let group = match best {
            Some((g, _)) => g,
            None => {
                groups.push(Group {
                    members: Vec::new(),
                    centroid: FxHashMap::default(),
                    norm2: 0.0,
                    first: day,
                    last: day,
                });
                (groups.len() - 1) as u32
            }
        };
        groups[group as usize].add(position, signature, day);
        for (term, _) in signature {
            let list = postings.entry(*term).or_default();
            if list.last() != Some(&(day, group)) {
                list.push((day, group));
            }
        }
    }
    groups
}

/// The second pass: groups with articles that report one named happening (`happenings.rs`)
/// within the window of days become one group. Each happening's window opens at the first
/// article that reports it and holds the articles up to `SPAN_DAYS` later, none more than
/// `GAP_DAYS` after the one before; an article past it opens the next. Linear: a look-up per
/// happening an article reports. Gives each group's members, in date order, groups ordered by
/// their first member.
pub(super) fn join_by_happenings(
    groups: Vec<Group>,
    happenings: &[&[(Term, Box<str>)]],
    days: &[i64],
) -> Vec<Vec<usize>> {
    let mut group_of: Vec<u32> = vec![u32::MAX; days.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            group_of[m] = g as u32;
        }
    }
    let mut parent: Vec<u32> = (0..groups.len() as u32).collect();
    fn root(parent: &mut [u32], mut g: u32) -> u32 {
        while parent[g as usize] != g {
            parent[g as usize] = parent[parent[g as usize] as usize];
            g = parent[g as usize];
        }
        g
    }
    // Happening → the first and latest day of its open window, and a group in it.
    let mut windows: FxHashMap<Term, (i64, i64, u32)> = FxHashMap::default();
    for (position, keys) in happenings.iter().enumerate() {
        let group = group_of[position];
        if group == u32::MAX {
            continue;
        }
        let day = days[position];
        for &(happening, _) in keys.iter() {
            match windows.get_mut(&happening) {
                Some((first, last, other)) if day - *first <= SPAN_DAYS && day - *last <= GAP_DAYS => {
                    *last = day;
                    let (a, b) = (root(&mut parent, *other), root(&mut parent, group));
                    // The older group is the root: the merged group's place in the order.
                    parent[a.max(b) as usize] = a.min(b);
                }
                _ => {
                    windows.insert(happening, (day, day, group));
                }
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (g, group) in groups.into_iter().enumerate() {
        let r = root(&mut parent, g as u32) as usize;
        members[r].extend(group.members);
    }
    members.retain(|m| !m.is_empty());
    for m in &mut members {
        m.sort_unstable();
    }
    members.sort_unstable_by_key(|m| m[0]);
    members
}
