//! The one place that calls the YAML crate. serde_yaml is unmaintained upstream; a maintained
//! fork with the same API (serde_norway, serde_yml) replaces it by changing the `use` below.

use serde::de::DeserializeOwned;
use serde_yaml as backend;

/// A YAML error with the 1-based line it points at, where the parser knows it.
#[derive(Debug)]
pub struct YamlError {
    pub line: Option<usize>,
    pub message: String,
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    backend::from_str(text)
        .map_err(|e| YamlError { line: e.location().map(|l| l.line()), message: strip_location(&e.to_string()) })
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
