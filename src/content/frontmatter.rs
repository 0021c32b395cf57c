//! Splits a Markdown file into its YAML front matter and body, and decodes the front matter
//! into a typed struct with errors that point at the line in the file (not in the YAML).

use crate::error::{Error, Result};
use crate::yaml;
use serde::de::DeserializeOwned;
use std::path::Path;

/// A file cut in two: `yaml` is the front matter (empty when there is none), `body` the rest.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// The 1-based line of the file on which the YAML starts.
    pub yaml_line: usize,
    pub body: &'a str,
    /// The 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// `---\n<yaml>\n---\n<body>`; a file that does not open with `---` is all body.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok(Split { yaml: "", yaml_line: 1, body: text, body_line: 1 });
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body: &rest[offset + line.len()..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Error::input(
        path,
        Some(1),
        "the front matter opened with `---` is never closed",
        "end the front matter with a line holding only `---`",
    ))
}

/// Decodes the front matter; an error names the file line the YAML parser stopped at.
pub fn decode<T: DeserializeOwned + Default>(split: &Split, path: &Path, what: &str, keys: &str) -> Result<T> {
    if split.yaml.trim().is_empty() {
        return Ok(T::default());
    }
    let file_line = |line: Option<usize>| line.map(|l| l + split.yaml_line - 1);
    // Decoded once; only a failure parses again, to say which of three things went wrong.
    let typed_error = match yaml::from_str(split.yaml) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    match yaml::is_mapping_or_empty(split.yaml) {
        Ok(true) => {
            let line = file_line(typed_error.line).or_else(|| field_line(split, &typed_error.message));
            Err(Error::input(
                path,
                line,
                format!("invalid front matter: {}", typed_error.message),
                format!("{what} takes: {keys}"),
            ))
        }
        Ok(false) => Err(Error::input(
            path,
            Some(split.yaml_line),
            format!("the front matter of {what} must be a mapping of keys to values"),
            format!("write it as `key: value` lines; {what} takes: {keys}"),
        )),
        Err(e) => Err(Error::input(
            path,
            file_line(e.line),
            format!("the front matter is not valid YAML: {}", e.message),
            "fix the YAML between the `---` lines (quote values that contain `: ` or start with a quote mark)",
        )),
    }
}

/// The file line of the key a message names in backquotes, for errors serde reports without
/// a position (unknown fields, wrong types at the top level).
fn field_line(split: &Split, message: &str) -> Option<usize> {
    let key = message.split('`').nth(1)?;
    split
        .yaml
        .lines()
        .position(|l| l.starts_with(key) && l[key.len()..].trim_start().starts_with(':'))
        .map(|i| i + split.yaml_line)
}

/// The file line of a top-level key, for errors found after decoding (a bad date).
pub fn key_line(split: &Split, key: &str) -> Option<usize> {
    field_line(split, &format!("`{key}`"))
}
