//! The one place that calls the YAML crate. serde_yaml is unmaintained upstream; a maintained
//! fork with the same API (serde_norway, serde_yml) replaces it by changing the `use` below.

use serde::de::{DeserializeOwned, IntoDeserializer, value};
use serde_yaml as backend;

/// A YAML error with the 1-based line it points at, where the parser knows it.
#[derive(Debug)]
pub struct YamlError {
    pub line: Option<usize>,
    pub message: String,
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some(value) = simple(text) {
        return Ok(value);
    }
    backend::from_str(text)
        .map_err(|e| YamlError { line: e.location().map(|l| l.line()), message: strip_location(&e.to_string()) })
}

/// The front matter most files have, read without the YAML parser: `key: value` lines whose
/// values are one-line strings (plain, or quoted without escapes), `true`, `false`, null, or
/// flow lists of strings. serde_yaml spent some 90,000 instructions on an article's four
/// lines, most of loading a site. Whatever this reading does not recognise for sure (a
/// comment, a number, an indented line, a value it cannot type) is left to serde_yaml, which
/// then decides, with its errors; so where this reading answers, the two agree (a property
/// test checks them against each other on generated front matter).
pub fn simple<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut entries = Vec::new();
    for line in text.lines() {
        if trim(line).is_empty() {
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key_ok = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        // "key:value" (no space) is one plain string in YAML, not a key and a value.
        if !key_ok || !(value.is_empty() || value.starts_with(' ')) {
            return None;
        }
        entries.push((key, Scalar::read(trim(value))?));
    }
    T::deserialize(value::MapDeserializer::<_, value::Error>::new(entries.into_iter())).ok()
}

/// YAML's white space at the ends of a value: spaces and tabs (and a CR before the line
/// break), not the other characters Rust's `trim` takes.
fn trim(text: &str) -> &str {
    text.trim_matches([' ', '\t', '\r'])
}

/// A value `simple` reads.
enum Scalar<'a> {
    Null,
    Bool(bool),
    Str(&'a str),
    List(Vec<&'a str>),
}

impl<'a> Scalar<'a> {
    fn read(value: &'a str) -> Option<Scalar<'a>> {
        Some(match value {
            "" | "~" | "null" | "Null" | "NULL" => Scalar::Null,
            "true" | "True" | "TRUE" => Scalar::Bool(true),
            "false" | "False" | "FALSE" => Scalar::Bool(false),
            _ => match value.strip_prefix('[') {
                Some(list) => {
                    let items = trim(list.strip_suffix(']')?);
                    match items {
                        "" => Scalar::List(Vec::new()),
                        _ => {
                            Scalar::List(items.split(',').map(|item| string(trim(item), true)).collect::<Option<_>>()?)
                        }
                    }
                }
                None => Scalar::Str(string(value, false)?),
            },
        })
    }
}

/// A one-line string as YAML reads it, where that is sure: quoted without escapes or inner
/// marks, or plain without anything YAML gives a meaning (indicators, comments, a colon and
/// space, the words and numbers it reads as other types). In a flow list, no brackets,
/// braces or commas either.
fn string(value: &str, in_list: bool) -> Option<&str> {
    for mark in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(mark) {
            let inner = inner.strip_suffix(mark)?;
            return (!inner.contains(mark) && !inner.contains('\\')).then_some(inner);
        }
    }
    let first = value.chars().next()?;
    let special = "-?:,[]{}#&*!|>'\"%@`.+~";
    let typed =
        ["yes", "no", "on", "off", "y", "n", "null", "true", "false"].iter().any(|w| value.eq_ignore_ascii_case(w))
            || value.parse::<f64>().is_ok()
            || ["0x", "0o", "0b"].iter().any(|p| value.starts_with(p))
            || (first.is_ascii_digit() && value.contains('_'));
    let meaningful = special.contains(first)
        || value.contains(": ")
        || value.contains(" #")
        || value.contains('\t')
        || value.ends_with(':')
        || (in_list && value.contains(['[', ']', '{', '}', ',']));
    (!meaningful && !typed).then_some(value)
}

impl<'de> serde::Deserializer<'de> for Scalar<'de> {
    type Error = value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, value::Error> {
        match self {
            Scalar::Null => visitor.visit_unit(),
            Scalar::Bool(b) => visitor.visit_bool(b),
            Scalar::Str(s) => visitor.visit_borrowed_str(s),
            Scalar::List(items) => visitor.visit_seq(value::SeqDeserializer::new(items.into_iter())),
        }
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, value::Error> {
        match self {
            Scalar::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de> for Scalar<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// Whether the document is a mapping (or empty), so that a list or a scalar gets a clear error.
pub fn is_mapping_or_empty(text: &str) -> Result<bool, YamlError> {
    let value: backend::Value = from_str(text)?;
    Ok(matches!(value, backend::Value::Mapping(_) | backend::Value::Null))
}

pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    backend::to_string(value).map_err(|e| YamlError { line: None, message: e.to_string() })
}

/// serde_yaml appends "at line L column C"; we print the line ourselves, relative to the file.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
