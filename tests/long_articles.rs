//! Long articles: texts of a few hundred kilobytes to a megabyte, made of random sentences
//! with quotes, names (many distinct ones), pronouns, titles, roles, block quotes and bylines,
//! annotate with every span on character boundaries inside the text, quotes apart, and every
//! speaker an entity the text names. How long they take is for `examples/annotate_scaling.rs`
//! to print; no test asserts on time. `BRIEF_LONG_CASES=50 cargo test --release --test
//! long_articles` runs more cases than the default few.

mod common;

use brief::annotate::{Annotations, Overrides, Speaker, TextFormat, annotate};
use common::registry;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("BRIEF_LONG_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(3)
}

/// SplitMix64: the same seed, the same article, without a random number crate.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST_NAMES: &[&str] = &["Anna", "Boris", "Maria", "John", "Olga", "Peter", "Chen", "Fatima", "Ingrid", "Omar"];
const SYLLABLES: &[&str] = &["ka", "lo", "vin", "dre", "su", "mar", "tel", "go", "ri", "an", "ész", "ø"];
const TITLES: &[&str] = &["Senator", "President", "Ambassador", "Foreign Minister", "Gov.", "Sen.", "Mayor"];
const ROLES: &[&str] = &["senator", "president", "ambassador", "minister", "spokesman", "mayor"];
const WORDS: &[&str] = &[
    "talks",
    "were",
    "the",
    "ceasefire",
    "would",
    "hold",
    "and",
    "that",
    "we",
    "agreed",
    "on",
    "a",
    "plan",
    "for",
    "grain",
    "exports",
    "Talks",
    "Monday",
    "security",
    "it",
    "is",
    "not",
    "over",
    "日本語",
    "café",
    "U.S.",
    "said",
];
const CUES: &[&str] = &["said", "told reporters", "added", "wrote", "argued", "said on Monday"];
const PRONOUNS: &[&str] = &["he", "she", "they"];

fn surname(draw: &mut Draw) -> String {
    let mut name = String::new();
    for _ in 0..2 + draw.below(2) {
        name.push_str(draw.pick(SYLLABLES));
    }
    let mut chars = name.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Between `least` and `least + spread - 1` words.
fn words(draw: &mut Draw, least: usize, spread: usize) -> String {
    let n = least + draw.below(spread);
    (0..n).map(|_| draw.pick(WORDS)).collect::<Vec<_>>().join(" ")
}

/// A text of at least `size` bytes; names come from a pool that grows as the text does.
fn article(seed: u64, size: usize) -> String {
    let mut draw = Draw(seed);
    let mut names: Vec<String> = vec!["Vladimir Putin".into()];
    let mut text = String::with_capacity(size + 1000);
    while text.len() < size {
        if draw.below(8) == 0 || names.len() < 3 {
            names.push(format!("{} {}", draw.pick(FIRST_NAMES), surname(&mut draw)));
        }
        let name = names[draw.below(names.len())].clone();
        let last = name.rsplit(' ').next().unwrap_or("").to_string();
        let quote = words(&mut draw, 1, 12);
        let cue = draw.pick(CUES);
        let sentence = match draw.below(22) {
            0 => format!("{name} {cue} “{quote}.” "),
            1 => format!("“{quote},” {name} {cue}. "),
            2 => format!("“{quote},” {} {cue}. ", draw.pick(PRONOUNS)),
            3 => format!("{} {name} {cue}: “{quote}.” ", draw.pick(TITLES)),
            4 => format!("The {} {cue} “{quote}”. ", draw.pick(ROLES)),
            5 => format!("{last} {cue} “{quote}” at the Anchorage summit. "),
            6 => format!("According to {name}, {quote}. "),
            7 => format!("{} {}. ", surname(&mut draw), words(&mut draw, 3, 20)),
            8 => "\n\n".to_string(),
            9 => format!("\n\n> {quote}.\n>\n> {quote}.\n\n— {name}, on X\n\n"),
            10 => format!("\"{quote},\" {name} said. "),
            11 => format!("“{quote},” a senior official {cue}. "),
            12 => format!("“{quote}.\n\n“{quote},” {name} {cue}. "),
            13 => format!("Le ministre {name} a dit « {quote} ». "),
            14 => format!("{} {cue} “{quote} ", draw.pick(PRONOUNS)),
            15 => words(&mut draw, 20, 200).replace(' ', ", ") + " ",
            16 => format!("{name}’s claim that “{quote}” was {}. ", draw.pick(WORDS)),
            17 => format!("“{quote}” ― {name}\n\n"),
            18 => format!("U.S. {} {name} (D-N.Y.) {cue} “{quote}.” ", draw.pick(TITLES)),
            19 => format!("{name}:\n\n“{quote}.”\n\n"),
            20 => format!("Putin {cue}, “{quote}.” {} added, “{quote}.” ", draw.pick(PRONOUNS)),
            _ => format!("{} {} “{quote}”. ", draw.pick(FIRST_NAMES), draw.pick(CUES)),
        };
        text.push_str(&sentence);
    }
    text
}

fn check(text: &str, annotations: &Annotations) -> Result<(), TestCaseError> {
    let mut end = 0;
    for quote in &annotations.quotes {
        let span = quote.span;
        prop_assert!(span.start <= span.end && span.end <= text.len(), "{:?} outside the text", span);
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert_eq!(&text[span.start..span.end], quote.text.as_str());
        prop_assert!(span.start >= end, "quote {:?} overlaps the one before, which ends at {}", span, end);
        end = span.end;
        if let Some(Speaker::Entity { entity }) = &quote.speaker {
            prop_assert!(*entity < annotations.entities.len());
            prop_assert!(
                annotations.mentions.iter().any(|m| m.entity == *entity),
                "speaker {} is named nowhere",
                entity
            );
        }
    }
    let mut end = 0;
    for mention in &annotations.mentions {
        let span = mention.span;
        prop_assert!(span.start < span.end && span.end <= text.len(), "{:?} outside the text", span);
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert!(span.start >= end, "mention {:?} overlaps the one before, which ends at {}", span, end);
        prop_assert!(mention.entity < annotations.entities.len());
        end = span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn long_articles_keep_spans_inside_quotes_apart_and_speakers_named(
        seed in any::<u64>(),
        size in 200_000usize..1_000_000,
        plain in any::<bool>(),
    ) {
        let text = article(seed, size);
        let format = if plain { TextFormat::Plain } else { TextFormat::Markdown };
        let annotations = annotate(&text, format, &registry(), &Overrides::default());
        prop_assert!(!annotations.quotes.is_empty());
        check(&text, &annotations)?;
    }
}
