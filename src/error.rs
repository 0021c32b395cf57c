//! The one error type of the library. Every error that comes from a user's files carries the
//! path, the line where there is one, and a hint on what to do; `main.rs` prints it.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a user's file something went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path.display(), line),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something in a content, config or template file is wrong.
    #[error("{location}: {message}")]
    Input {
        location: Location,
        message: String,
        /// What the user can do about it.
        hint: String,
    },
    /// The file system refused an operation.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A template failed to parse or render.
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
}

impl Error {
    pub fn input(path: &Path, line: Option<usize>, message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Input {
            location: Location { path: path.to_path_buf(), line },
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), source }
    }

    /// What to do next, for the command line.
    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Input { hint, .. } if !hint.is_empty() => Some(hint),
            Error::Io { .. } => Some("check that the path exists and that you may read and write it"),
            Error::Template { .. } => {
                Some("fix the template named above; `brief build` leaves the previous output as it was")
            }
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem that does not stop the build, printed once at the end, sorted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub location: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}
