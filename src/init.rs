//! `brief init DIR`: a working site skeleton (configuration, one article, one person, one
//! event). The theme is not copied: it is built into the binary, and files put in
//! `templates/` override it by name.

use crate::error::{Error, Result};
use std::path::Path;

const FILES: &[(&str, &str)] = &[
    (
        "brief.yaml",
        "title: My briefings\n\
         description: Annotated news briefings\n\
         base_url: https://example.org/\n\
         language: en\n\
         output: public\n\
         annotator:\n  people_from_text: true\n  min_quote_words: 1\n  person_pages: notable   # or all: a page for everyone named\n",
    ),
    (
        "content/articles/first-briefing.md",
        "---\n\
         title: \"Harbour council approves the new ferry line\"\n\
         date: 2025-09-02\n\
         source: Example Desk\n\
         events: [harbour-council-vote]\n\
         tags: [transport]\n\
         summary: The council voted for a ferry line across the bay after a long debate.\n\
         ---\n\n\
         The harbour council approved a ferry line across the bay on Tuesday, ending a debate that ran for most of the summer.\n\n\
         “This connects two halves of the city that have looked at each other for a century,” said Mayor Ana Reyes, who proposed the line. “The first boats sail in spring.”\n\n\
         Critics said the budget was too optimistic. Reyes answered that the figures had been checked twice.\n",
    ),
    (
        "content/people/ana-reyes.md",
        "---\n\
         name: Ana Reyes\n\
         aliases: [Reyes, Mayor Reyes]\n\
         role: Mayor\n\
         affiliation: City council\n\
         country: Example\n\
         ---\n\
         Ana Reyes is the mayor of the example city. Replace this profile with one of your own.\n",
    ),
    (
        "content/events/harbour-council-vote.md",
        "---\n\
         name: Harbour council vote\n\
         aliases: [ferry vote]\n\
         date: 2025-09-02\n\
         place: City hall\n\
         participants: [ana-reyes]\n\
         ---\n\
         The council's vote on the ferry line across the bay.\n",
    ),
];

/// Writes the skeleton into `dir`, which must be missing or empty.
pub fn init(dir: &Path) -> Result<Vec<String>> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?.next().is_none();
        if !empty {
            return Err(Error::input(
                dir,
                None,
                "this folder is not empty",
                "run `brief init` with a new folder name; nothing was written",
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        written.push(rel.to_string());
    }
    for folder in ["templates", "static"] {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(written)
}
