//! `brief.yaml` → [`Config`]. Every key is optional, so an empty file is a site with the
//! defaults; a folder without one is not a site.

use crate::error::{Error, Result};
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "brief.yaml";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Where the site is published, e.g. `https://example.org/briefings/`. Links in pages are
    /// relative, so the site also works from disk; the base URL goes into feeds and metadata.
    pub base_url: String,
    /// The language of the pages, as a BCP 47 tag.
    pub language: String,
    /// The output folder, relative to the site root.
    pub output: PathBuf,
    /// Items per page of the article, people and event lists; 0 puts each on one page.
    pub paginate: usize,
    pub annotator: AnnotatorConfig,
    /// Outlets by the key articles give as `source:` ("wash-post"): the name pages, feeds
    /// and JSON-LD show, and the outlet's home page.
    pub sources: std::collections::BTreeMap<String, Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

impl Config {
    /// The outlet an article's `source:` names, by its key (letter case aside), if brief.yaml
    /// names it.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.get(key).or_else(|| self.sources.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, s)| s))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnnotatorConfig {
    /// Give a page to people the annotator finds in the text who have no profile in
    /// `content/people/`. Off: only profiled people get pages.
    pub people_from_text: bool,
    /// Leave out of pages the quotes with fewer words than this (scare quotes are dropped
    /// by the annotator anyway).
    pub min_quote_words: usize,
    /// A person's page lists their partial quotes (a few words inside indirect speech) apart
    /// from what they said in full, and leaves out those shorter than this ("…disgusting…"):
    /// they stay marked in the article and in the API.
    pub min_fragment_words: usize,
    /// Which people get a page of their own: `notable` (a profile, a quote, or named in
    /// [`NOTABLE_MIN_ARTICLES`] articles or more) or `all`. A person without a page is still
    /// listed, unlinked, on the articles that name them and in the JSON API.
    pub person_pages: PersonPages,
}

/// A person with neither profile nor quote gets a page (under `person_pages: notable`) when
/// this many articles name them.
pub const NOTABLE_MIN_ARTICLES: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonPages {
    /// People with a profile, a quote, or named in two articles or more.
    #[default]
    Notable,
    /// Everyone the site names.
    All,
}

impl PersonPages {
    /// Whether a person with this profile, this many quotes and articles gets a page.
    pub fn worth_a_page(self, profiled: bool, quotes: usize, articles: usize) -> bool {
        self == PersonPages::All || profiled || quotes > 0 || articles >= NOTABLE_MIN_ARTICLES
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            title: "Briefings".to_string(),
            description: String::new(),
            base_url: String::new(),
            language: "en".to_string(),
            output: PathBuf::from("public"),
            paginate: 50,
            annotator: AnnotatorConfig::default(),
            sources: Default::default(),
        }
    }
}

impl Default for AnnotatorConfig {
    fn default() -> AnnotatorConfig {
        AnnotatorConfig {
            people_from_text: true,
            min_quote_words: 1,
            min_fragment_words: 3,
            person_pages: PersonPages::Notable,
        }
    }
}

impl Config {
    /// Reads `brief.yaml` in `root`. A folder without one is not a site: building it would
    /// make an empty site out of a mistyped `--root`, so it is an error.
    pub fn load(root: &Path) -> Result<Config> {
        if !root.is_dir() {
            return Err(Error::input(
                root,
                None,
                "there is no such folder",
                "check --root: it names the site folder, the one that holds brief.yaml",
            ));
        }
        crate::paths::Site::new(root)?.check_inside(Path::new(CONFIG_FILE))?;
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::input(
                    root,
                    None,
                    "this folder is not a brief site: it has no brief.yaml",
                    "run `brief init <folder>` to start a site, or create brief.yaml here \
                     (an empty one takes every default)",
                ));
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        Config::parse(&text, &path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let config: Config = yaml::from_str(text).map_err(|e| {
            Error::input(
                path,
                e.line,
                format!("invalid site configuration: {}", e.message),
                "brief.yaml takes: title, description, base_url, language, output, paginate, annotator \
                 (people_from_text, min_quote_words, min_fragment_words, person_pages), sources; see docs/content.md in brief's repository",
            )
        })?;
        if config.output.is_absolute()
            || config.output.components().any(|c| matches!(c, std::path::Component::ParentDir))
            || config.output.as_os_str().is_empty()
        {
            return Err(Error::input(
                path,
                None,
                format!("output `{}` must be a folder inside the site", config.output.display()),
                "use a relative folder name such as `public`, or pass --output to `brief build`",
            ));
        }
        for (key, source) in &config.sources {
            let url = source.url.as_deref().unwrap_or("https://");
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(Error::input(
                    path,
                    text.lines().position(|l| l.trim_start().starts_with(&format!("{key}:"))).map(|i| i + 1),
                    format!("the home page of source `{key}` is not an http(s) link"),
                    "give it as https://…",
                ));
            }
        }
        Ok(config)
    }
}
