//! The annotator: an article's text plus the registry → quotes, speakers, entity mentions
//! and events. Pure functions on strings: no I/O, so it is tested and benchmarked alone.
//! Spans are byte ranges into the text that was passed in.

mod entities;
mod filter;
pub(crate) mod lexicon;
mod overrides;
mod quotes;
mod speakers;
mod text;

pub(crate) use text::capitalise;
pub use text::markdown_options;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the text passed to [`annotate`] is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextFormat {
    /// CommonMark: paragraphs and block quotes are read, code blocks and HTML are not.
    Markdown,
    /// A wire report: every non-empty line is a paragraph.
    Plain,
}

/// A person known before annotation, from `content/people/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryPerson {
    /// Stable id: the profile's slug.
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// An event known before annotation, from `content/events/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryEvent {
    /// Stable id: the event's slug.
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// One distinct person, organisation or place named in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical display name ("Vladimir Putin", "NATO", "Russia").
    pub name: String,
    /// The registry id when the entity is a registry person, else `None`.
    pub registry_id: Option<String>,
}

/// A capitalised word alone, or a full name, that nothing in the article marks as a person's
/// ("that Obama should be hanged", "the death of Terence Crutcher"): no entity of the article,
/// and no speaker, but the site may know it as the surname of someone it names in full, or as
/// that full name (`resolve.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsure {
    pub name: String,
    /// Where the article writes it, in order; no span overlaps a mention.
    pub spans: Vec<Span>,
}

/// A byte range into the annotated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A place in the text where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Annotations::entities`].
    pub entity: usize,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub enum Speaker {
    /// A named person or organisation: index into [`Annotations::entities`].
    Entity { entity: usize },
    /// A source the article leaves unnamed ("a source", "officials"), as written.
    Unnamed { description: String },
    /// Only "they", with no group named before it: whoever spoke is not said, and the quote
    /// is shown unattributed. Quotes strung after it share it rather than take another speaker.
    They,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// The quoted words in the text, without the marks.
    pub span: Span,
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase that ties the quote to its speaker ("said", "according to").
    pub cue: Option<String>,
    /// A partial quote inside indirect speech (said that security "must be ensured").
    pub fragment: bool,
}

/// Everything the annotator found in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotations {
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    /// Sorted by span start.
    pub mentions: Vec<Mention>,
    /// Ids of registry events the text names.
    pub events: Vec<String>,
    /// Lone words that may be a surname, for the site to judge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsure: Vec<Unsure>,
}

/// An editor's corrections, from the article's front matter (`overrides:`). They always win
/// over the automatic result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Overrides {
    /// Set or correct the speaker of the quotes that start with `quote`.
    pub speakers: Vec<SpeakerOverride>,
    /// People the article involves though the text does not name them plainly.
    pub add_people: Vec<String>,
    /// Names the annotator took for people wrongly.
    pub remove_people: Vec<String>,
    /// Extra names for people in this article: alias → full name.
    pub aliases: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerOverride {
    /// The first words of the quote (matched case-insensitively, marks ignored).
    pub quote: String,
    /// The speaker's full name; `null` to mark the quote as unattributed.
    pub speaker: Option<String>,
}

/// The people and events known before annotation, with the name matcher built once.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub people: Vec<RegistryPerson>,
    pub events: Vec<RegistryEvent>,
    /// One automaton over every name and alias, built once for all articles.
    matcher: Option<entities::Names>,
    known: Vec<entities::Known>,
    /// Person id → lowercase role and affiliation, the roles "the German chancellor" reads.
    roles: std::collections::HashMap<String, String>,
}

impl Registry {
    pub fn new(people: Vec<RegistryPerson>, events: Vec<RegistryEvent>) -> Registry {
        let roles = people
            .iter()
            .map(|p| {
                let role = [p.role.as_deref(), p.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>();
                (p.id.clone(), role.join(" ").to_lowercase())
            })
            .collect();
        let mut registry = Registry { people, events, matcher: None, known: Vec::new(), roles };
        let (matcher, known) = entities::registry_matcher(&registry);
        registry.matcher = matcher;
        registry.known = known;
        registry
    }
}

/// Annotate one article. Deterministic: the same input always gives the same output.
///
/// The steps, each with a typed result: paragraphs and tokens; entity recognition
/// ([`entities::Recognised`]); quote finding ([`quotes::QuotedSpan`]); quote filtering, what
/// each span is from itself and the word before it ([`filter::Use`]); attribution, who said
/// each span and each paragraph of a block quote ([`speakers::Attributed`]), with the filter
/// deciding which spans stand; then the editor's overrides.
pub fn annotate(text: &str, format: TextFormat, registry: &Registry, overrides: &Overrides) -> Annotations {
    let paragraphs = text::paragraphs(text, format);
    let aliases: Vec<(String, String)> = overrides.aliases.iter().map(|(a, f)| (a.clone(), f.clone())).collect();
    let names = entities::recognise(text, &paragraphs, registry, &aliases);
    let spans = quotes::find(text, &paragraphs);
    let uses = filter::uses(text, &paragraphs, &spans);
    let attributed = speakers::attribute(text, &paragraphs, &spans, &uses, &names);
    let mut quotes: Vec<Quote> = spans
        .iter()
        .zip(attributed.spans)
        .filter(|(_, a)| !a.dropped)
        .map(|(span, a)| Quote {
            text: text[span.start..span.end].to_string(),
            span: Span { start: span.start, end: span.end },
            speaker: a.speaker,
            cue: match a.cue {
                Some(speakers::Cue::Verb(verb)) => Some(verb),
                Some(speakers::Cue::ReportedBefore) | None => None,
            },
            fragment: a.fragment,
        })
        .collect();
    quotes.extend(attributed.blocks.into_iter().map(|block| {
        let paragraph = &paragraphs[block.paragraph];
        Quote {
            text: text[paragraph.start..paragraph.end].to_string(),
            span: Span { start: paragraph.start, end: paragraph.end },
            speaker: Some(block.speaker),
            cue: None,
            fragment: false,
        }
    }));
    quotes.sort_by_key(|q| q.span);
    let mut annotations = Annotations {
        quotes,
        mentions: names.found.iter().map(|f| Mention { span: f.span, entity: f.entity }).collect(),
        entities: names.entities,
        events: names.events,
        unsure: names.unsure,
    };
    overrides::apply(&mut annotations, overrides);
    annotations
}

#[cfg(test)]
mod tests;
