//! Property tests: whatever the text, the annotator and the front matter reader never panic,
//! every span lies on character boundaries inside the text, and annotation is deterministic.
//! `BRIEF_PROPTEST_CASES=200000 cargo test --release --test properties` runs them at scale.

mod common;

use brief::annotate::{Overrides, TextFormat, annotate};
use common::registry;
use proptest::prelude::*;
use std::path::Path;

fn cases() -> u32 {
    std::env::var("BRIEF_PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
}

/// Text made of the pieces the annotator reacts to, in any order, plus arbitrary characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’s".to_string()),
        Just(" said ".to_string()),
        Just(" he said".to_string()),
        Just(" she told reporters".to_string()),
        Just(", according to ".to_string()),
        Just("Putin".to_string()),
        Just("Vladimir Putin".to_string()),
        Just("President Donald Trump".to_string()),
        Just("Ambassador Alexander Darchiev, Russia’s envoy,".to_string()),
        Just("a senior official".to_string()),
        Just("the Kremlin".to_string()),
        Just("Anchorage summit".to_string()),
        Just(": ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\n\n".to_string()),
        Just("\n> ".to_string()),
        Just("\n- ".to_string()),
        Just("\n```\n".to_string()),
        Just("— ".to_string()),
        Just("日本語".to_string()),
        Just("é".to_string()),
        "[a-zA-Z ]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn check_annotations(text: &str, format: TextFormat) -> Result<(), TestCaseError> {
    let first = annotate(text, format, &registry(), &Overrides::default());
    let again = annotate(text, format, &registry(), &Overrides::default());
    prop_assert_eq!(&first, &again);
    for quote in &first.quotes {
        prop_assert!(quote.span.start <= quote.span.end && quote.span.end <= text.len());
        prop_assert!(text.is_char_boundary(quote.span.start) && text.is_char_boundary(quote.span.end));
        prop_assert_eq!(&text[quote.span.start..quote.span.end], quote.text.as_str());
    }
    for mention in &first.mentions {
        prop_assert!(mention.span.end <= text.len());
        prop_assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
        prop_assert!(mention.entity < first.entities.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn annotating_newsy_text_keeps_spans_inside_and_is_deterministic(text in newsy_text()) {
        check_annotations(&text, TextFormat::Markdown)?;
        check_annotations(&text, TextFormat::Plain)?;
    }

    #[test]
    fn annotating_any_string_never_panics(text in any::<String>()) {
        check_annotations(&text, TextFormat::Markdown)?;
    }

    #[test]
    fn reading_front_matter_never_panics(
        yaml in prop_oneof![any::<String>(), "[a-z_]{1,8}: [^\n]{0,20}(\n[a-z_]{1,8}: [^\n]{0,20}){0,4}"],
        body in newsy_text(),
        closed in any::<bool>(),
    ) {
        let text = if closed { format!("---\n{yaml}\n---\n{body}") } else { format!("---\n{yaml}\n{body}") };
        // An error is fine (it names the file); a panic is not.
        let _ = brief::content::article_from_text(&text, Path::new("content/articles/x.md"), None, brief::annotate::TextFormat::Markdown);
        let _ = brief::content::article_from_text(&text, Path::new("content/articles/x.txt"), None, brief::annotate::TextFormat::Plain);
    }
}

/// The YAML shortcut for simple front matter: wherever it answers, serde_yaml answers the
/// same; where it cannot be sure, it leaves the document to serde_yaml.
#[derive(Debug, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Matter {
    title: Option<String>,
    name: String,
    draft: bool,
    tags: Vec<String>,
    note: Option<String>,
}

fn yaml_value() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Putin"),
        Just("2025-08-15"),
        Just("true"),
        Just("False"),
        Just("null"),
        Just("~"),
        Just("yes"),
        Just("12"),
        Just("1.5"),
        Just("0x1F"),
        Just(".inf"),
        Just("-"),
        Just("- a"),
        Just("a: b"),
        Just("a #b"),
        Just("C#"),
        Just("it's"),
        Just("say \"hi\""),
        Just("\""),
        Just("'"),
        Just("[a, b]"),
        Just("[]"),
        Just("[a, [b]]"),
        Just("{a: b}"),
        Just("&x"),
        Just("*x"),
        Just("!tag"),
        Just("|"),
        Just(">"),
        Just("%"),
        Just("@"),
        Just("`"),
        Just("a,b"),
        Just("x:"),
        Just("\\n"),
        Just("\t"),
        Just("\u{a0}"),
        Just("é"),
        Just(" "),
        Just(""),
        Just("1_000"),
        Just("+1"),
        Just("?x"),
        Just("Wire 2"),
    ];
    let quoted = prop_oneof![Just(""), Just("\""), Just("'")];
    (quoted, proptest::collection::vec(word, 0..4)).prop_map(|(q, words)| format!("{q}{}{q}", words.concat()))
}

fn yaml_document() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        8 => prop_oneof![Just("title"), Just("name"), Just("draft"), Just("tags"), Just("note")],
        1 => prop_oneof![Just("other"), Just("# c"), Just(" title"), Just("-")],
    ];
    let separator = prop_oneof![8 => Just(": "), 1 => Just(":"), 1 => Just(":  "), 1 => Just(" : ")];
    proptest::collection::vec((key, separator, yaml_value()), 0..3)
        .prop_map(|lines| lines.into_iter().map(|(k, s, v)| format!("{k}{s}{v}\n")).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases() * 8))]

    #[test]
    fn simple_front_matter_reads_as_serde_yaml_reads_it(text in yaml_document()) {
        let quick = brief::yaml::simple::<Matter>(&text);
        if let Some(quick) = quick {
            let full: Result<Matter, _> = serde_yaml::from_str(&text);
            prop_assert!(full.is_ok(), "serde_yaml refuses what the shortcut read:\n{text}\n{quick:?}");
            prop_assert_eq!(full.unwrap(), quick, "{}", text);
        }
    }
}
