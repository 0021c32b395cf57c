//! The annotator: an article's text plus the registry → quotes, speakers, entity mentions
//! and events. Pure functions on strings: no I/O, so it is tested and benchmarked alone.
//! Spans are byte ranges into the text that was passed in.

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
}

impl Registry {
    pub fn new(people: Vec<RegistryPerson>, events: Vec<RegistryEvent>) -> Registry {
        Registry { people, events }
    }
}

/// Annotate one article. Deterministic: the same input always gives the same output.
pub fn annotate(_text: &str, _format: TextFormat, _registry: &Registry, _overrides: &Overrides) -> Annotations {
    Annotations::default()
}
