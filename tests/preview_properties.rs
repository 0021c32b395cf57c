//! The preview against a full build, on random sequences of edits: whatever a writer saves, in
//! whatever order, the files the preview keeps up to date in place must be exactly the files a
//! build from nothing makes of the same site. `tests/session.rs` walks each kind of change
//! once, by hand; this walks sequences of them that nobody wrote down.
//!
//! `PROPTEST_CASES` sets how many sequences (8 by default: each step builds the site twice).

mod common;

use brief::session::Session;
use common::{TestSite, tree};
use proptest::prelude::*;
use std::path::PathBuf;

/// People who may be quoted or named: two with profiles in the fixture, two found in the text.
const PEOPLE: [&str; 4] = ["Vladimir Putin", "Donald Trump", "Marta Kowalska", "Ilse Brandt"];
const EVENTS: [&str; 3] = ["harbour-talks", "autumn-talks", ""];
const SLUGS: [&str; 4] = ["talks-open", "talks-close", "extra-one", "extra-two"];

/// One save: an article written (new or again), or deleted, or a profile. Titles, days and
/// people come from small sets, so that many saves keep an article's slug, date and names:
/// the preview's path that merges an article into the index in place.
#[derive(Debug, Clone)]
enum Edit {
    Write { slug: usize, title: u8, day: u8, event: usize, said: Vec<(usize, u8)>, named: Option<usize> },
    Delete { slug: usize },
    Profile { person: usize, role: u8 },
}

fn edit() -> impl Strategy<Value = Edit> {
    let said = prop::collection::vec((0..PEOPLE.len(), 0u8..4), 0..3);
    prop_oneof![
        6 => (0..SLUGS.len(), 0u8..2, 15u8..17, 0..EVENTS.len(), said, prop::option::of(0..PEOPLE.len())).prop_map(
            |(slug, title, day, event, said, named)| Edit::Write { slug, title, day, event, said, named }
        ),
        2 => (0..SLUGS.len()).prop_map(|slug| Edit::Delete { slug }),
        1 => (0..PEOPLE.len(), 0u8..2).prop_map(|(person, role)| Edit::Profile { person, role }),
    ]
}

/// The file an edit saves or deletes, and its new text.
fn file_of(edit: &Edit) -> (String, Option<String>) {
    const LINES: [&str; 4] =
        ["We will meet again.", "Nothing is agreed until everything is agreed.", "The harbour is calm.", "No comment."];
    match edit {
        Edit::Write { slug, title, day, event, said, named } => {
            let mut text = format!(
                "---\ntitle: \"{} {}\"\ndate: 2025-08-{day:02}\n",
                ["Talks on the harbour", "A quiet day", "Leaders meet"][*title as usize],
                SLUGS[*slug]
            );
            if !EVENTS[*event].is_empty() {
                text.push_str(&format!("event: {}\n", EVENTS[*event]));
            }
            text.push_str("---\nThe delegations met in the morning.");
            for (person, line) in said {
                text.push_str(&format!(" “{}” {} said.", LINES[*line as usize], PEOPLE[*person]));
            }
            if let Some(person) = named {
                text.push_str(&format!(" {} watched from the quay.", PEOPLE[*person]));
            }
            text.push('\n');
            (format!("content/articles/{}.md", SLUGS[*slug]), Some(text))
        }
        Edit::Delete { slug } => (format!("content/articles/{}.md", SLUGS[*slug]), None),
        Edit::Profile { person, role } => {
            let name = PEOPLE[*person];
            let slug = name.to_lowercase().replace(' ', "-");
            let role = ["Envoy", "Mediator"][*role as usize];
            (
                format!("content/people/{slug}.md"),
                Some(format!("---\nname: {name}\nrole: {role}\n---\n{name}, {role}.\n")),
            )
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_saves_through_the_preview_equals_a_full_build(edits in prop::collection::vec(edit(), 1..6)) {
        let site = TestSite::fixture("basic");
        let out = tempfile::tempdir().expect("temp");
        let options = brief::BuildOptions { output: Some(out.path().join("site")), ..Default::default() };
        let (mut session, _) = Session::open(site.root(), options).expect("the fixture builds");
        for (step, edit) in edits.iter().enumerate() {
            let (rel, text) = file_of(edit);
            let path = site.root().join(&rel);
            match &text {
                Some(text) => site.write(&rel, text),
                None if path.exists() => std::fs::remove_file(&path).expect("delete"),
                None => continue,
            }
            session.update(&[PathBuf::from(&rel)]).unwrap_or_else(|e| panic!("step {step} ({edit:?}): {e}"));
            site.build_ok();
            let (preview, full) = (tree(session.output()), site.files());
            let differ: std::collections::BTreeSet<&String> = full
                .keys()
                .chain(preview.keys())
                .filter(|path| full.get(*path) != preview.get(*path))
                .collect();
            prop_assert!(differ.is_empty(), "after step {} ({:?}), these files differ from a full build: {:?}", step, edit, differ);
        }
    }
}
