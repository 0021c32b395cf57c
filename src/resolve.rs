//! Resolution across the whole site: every article's entities (as the annotator named them,
//! one article at a time) → one name per real person, organisation and place, the same in
//! every article, or nothing for what is not one. Runs after annotation and before the index.
//!
//! Names are compared only within blocks that share a key (a person's surname, an
//! organisation's acronym), never all against all, so the stage stays linear in the archive.
//! The editors' file (`content/entities.yaml`, [`Corrections`]) is asked first and always wins.

use crate::annotate::{Annotations, EntityKind, capitalise, lexicon};
use crate::error::{Error, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The editors' file, in `content/`.
pub const CORRECTIONS_FILE: &str = "content/entities.yaml";

/// How much more often than every other candidate together a person must be named across the
/// site for a surname or first name said alone to be taken as theirs.
const DOMINANCE: usize = 4;

/// In how many articles the site must name a person in full for a lone word that nothing
/// marks as a name ([`crate::annotate::Unsure`]) to be taken as their surname.
const UNSURE_ARTICLES: usize = 3;

/// `content/entities.yaml`: editors' corrections to who and what the site names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Corrections {
    /// A person's name as the site should show it → the other names the person goes by.
    pub people: BTreeMap<String, Vec<String>>,
    pub organisations: BTreeMap<String, Vec<String>>,
    pub places: BTreeMap<String, Vec<String>>,
    /// Names that are no person, organisation or place (headline words, groups, laws).
    pub not_entities: Vec<String>,
    /// Names that stand for several people ("Bob"): never joined to anyone, never given a page.
    pub ambiguous: Vec<String>,
}

impl Corrections {
    /// Reads `content/entities.yaml` under `root`; no file is no corrections.
    pub fn load(root: &Path) -> Result<Corrections> {
        let rel = Path::new(CORRECTIONS_FILE);
        crate::paths::Site::new(root)?.check_inside(rel)?;
        let path = root.join(rel);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Corrections::default()),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if text.trim().is_empty() {
            return Ok(Corrections::default());
        }
        crate::yaml::from_str(text).map_err(|e| {
            Error::input(
                &path,
                e.line,
                format!("invalid entity corrections: {}", e.message),
                "entities.yaml takes: people, organisations, places (each a map of name → other names), \
                 not_entities and ambiguous (lists of names); see the README",
            )
        })
    }

    /// Every name the file speaks of, lowercased, with what it says of it.
    fn compile(&self) -> HashMap<String, Fixed> {
        let mut fixed = HashMap::new();
        let lists = [
            (EntityKind::Person, &self.people),
            (EntityKind::Organisation, &self.organisations),
            (EntityKind::Place, &self.places),
        ];
        for name in &self.not_entities {
            fixed.insert(key(name), Fixed::Nobody);
        }
        for name in &self.ambiguous {
            fixed.insert(key(name), Fixed::Ambiguous);
        }
        for (kind, list) in lists {
            for (name, others) in list {
                let target = Fixed::Entity(kind, name.trim().to_string());
                for other in others.iter().chain([name]) {
                    fixed.insert(key(other), target.clone());
                }
            }
        }
        fixed
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Fixed {
    Entity(EntityKind, String),
    Nobody,
    Ambiguous,
}

/// What one of an article's entities is across the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// This entity, under this name (the same in every article).
    Entity(EntityKind, String),
    /// A name that stands for more than one person: shown as written, linked to no one.
    Unlinked,
    /// Not a person, organisation or place.
    Nobody,
}

fn key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Common short forms of first names, each to one form that stands for the set.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("al", "albert"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("bernie", "bernard"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("chris", "christopher"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("don", "donald"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("jon", "jonathan"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("len", "leonard"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mitch", "mitchell"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("rich", "richard"),
    ("rick", "richard"),
    ("rob", "robert"),
    ("ron", "ronald"),
    ("rudy", "rudolph"),
    ("sam", "samuel"),
    ("steve", "steven"),
    ("ted", "edward"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tony", "anthony"),
    ("will", "william"),
];

fn full_first(first: &str) -> &str {
    match SHORT_FORMS.binary_search_by_key(&first, |(short, _)| short) {
        Ok(i) => SHORT_FORMS[i].1,
        Err(_) => first,
    }
}

/// A first name (full form) and its short forms: "william" → william, bill, billy, will.
fn forms_of_first(first: &str) -> Vec<String> {
    let shorts = SHORT_FORMS.iter().filter(|(_, full)| *full == first).map(|(short, _)| short.to_string());
    std::iter::once(first.to_string()).chain(shorts).collect()
}

const SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "jr.", "sr", "sr."];

/// Words that make a "person" a group of people: "Democrats", "Team Trump".
const GROUP_WORDS: &[&str] = &[
    "african-americans",
    "anti-trump",
    "blacks",
    "conservatives",
    "democrats",
    "evangelicals",
    "everything",
    "fellow",
    "hispanics",
    "latinos",
    "liberals",
    "millennials",
    "never-trump",
    "progressives",
    "republicans",
    "supporters",
    "team",
    "voters",
    "women",
];

/// Words that end the name of a law, programme, war, agreement or prize: no one's name.
const THING_WORDS: &[&str] = &[
    "act",
    "agreement",
    "amendment",
    "accord",
    "accords",
    "assessment",
    "bill",
    "care",
    "change",
    "charter",
    "convention",
    "doctrine",
    "initiative",
    "plan",
    "prize",
    "program",
    "programme",
    "treaty",
    "war",
];

/// Names of things that look like people's (laws and programmes, eras) and the labels of a
/// newspaper's sections: nobody's page.
const NOT_PEOPLE: &[&str] = &[
    "abstract",
    "correction appended",
    "editors' note",
    "jim crow",
    "medicaid",
    "medicare",
    "obamacare",
    "related coverage",
    "social security",
    "trumpcare",
];

/// Words that make a name an organisation's though the annotator took it for a person's:
/// the tail of an organisation's long name ("Customs Enforcement", "American Action Forum").
const ORGANISATION_TAILS: &[&str] = &[
    "affairs",
    "coal",
    "enforcement",
    "forum",
    "fuels",
    "healthcare",
    "investigations",
    "mining",
    "protection",
    "responsibility",
    "services",
    "watch",
];

/// Headline verbs written in title case after a name: "Christie Says", "Gorka Slams".
/// Names that are what they are whatever the article took them for.
const KNOWN_KINDS: &[(&str, EntityKind, &str)] = &[
    ("capitol hill", EntityKind::Place, "Capitol Hill"),
    ("daesh", EntityKind::Organisation, "Islamic State"),
    ("gop", EntityKind::Organisation, "Republican Party"),
    ("grand old party", EntityKind::Organisation, "Republican Party"),
    ("isil", EntityKind::Organisation, "Islamic State"),
    ("isis", EntityKind::Organisation, "Islamic State"),
    ("islamic state", EntityKind::Organisation, "Islamic State"),
    ("oval office", EntityKind::Place, "Oval Office"),
];

/// The kind and name a name is whatever an article took it for, where it is one of those
/// ([`KNOWN_KINDS`]); `lower` is the name in lowercase.
pub(crate) fn known(lower: &str) -> Option<(EntityKind, &'static str)> {
    KNOWN_KINDS.binary_search_by_key(&lower, |(k, _, _)| k).ok().map(|i| (KNOWN_KINDS[i].1, KNOWN_KINDS[i].2))
}

/// All-caps words that are words, not acronyms.
const CAPITAL_WORDS: &[&str] = &[
    "aids", "all", "am", "and", "atm", "but", "ceo", "cfo", "dna", "edt", "est", "for", "gdp", "gps", "hiv", "how",
    "id", "iq", "it", "lgbt", "lgbtq", "mba", "mvp", "new", "no", "not", "now", "ok", "pac", "pm", "potus", "ptsd",
    "suv", "the", "tv", "vp", "what", "who", "why", "yes",
];

/// One person of a surname: (first name, middle initials, suffix), the parts that tell them apart.
type PersonKey = (String, String, String);

/// A person's name taken apart: first name (full form), the initials of the middle names,
/// surname and suffix, all lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Parsed {
    first: String,
    middle: String,
    last: String,
    suffix: String,
}

fn parse(name: &str) -> Option<Parsed> {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    while words.first().is_some_and(|w| w.ends_with('.') && lexicon::is_title(&capitalise(w))) {
        words.remove(0);
    }
    let mut suffix = String::new();
    if words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        suffix = words.pop().unwrap_or_default().trim_end_matches('.').to_string();
    }
    if words.len() < 2 {
        return None;
    }
    let last = words.pop()?;
    if is_initial(&last) {
        return None; // "Donald J.": a name cut short, not a surname "J."
    }
    let first = full_first(&words[0]).to_string();
    let middle: String = words[1..].iter().filter_map(|w| w.chars().next()).collect();
    Some(Parsed { first, middle, last, suffix })
}

/// "J." or "J": one letter standing for a name.
fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic)
}

/// A name the annotator took for a person's that is nobody's, or another kind's.
fn person_kind(name: &str) -> Option<Option<(EntityKind, String)>> {
    let lower = key(name);
    if NOT_PEOPLE.contains(&lower.as_str()) {
        return Some(None);
    }
    let words: Vec<&str> = lower.split(' ').collect();
    let last = words.last().copied().unwrap_or("");
    let plural_demonym = |w: &str| w.strip_suffix('s').is_some_and(|stem| lexicon::is_demonym(&capitalise(stem)));
    if words.iter().any(|w| GROUP_WORDS.contains(w) || plural_demonym(w)) || THING_WORDS.contains(&last) {
        return Some(None);
    }
    let written: Vec<&str> = name.split_whitespace().collect();
    // "Super PACs", "CEOs": the plural of an acronym is a group.
    let plural_acronym = |w: &&str| {
        w.strip_suffix('s').is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
    };
    // "Terrorism", "Socialism": a doctrine, not a surname.
    let doctrine = last.len() > 5 && last.ends_with("ism");
    if written.iter().any(plural_acronym) || doctrine {
        return Some(None);
    }
    // "Elise FoleyFlagShareLikeReplyAni Vrabel": a page's buttons run into its names.
    if written.iter().any(|w| joined_words(w) >= 2) {
        return Some(None);
    }
    if ORGANISATION_TAILS.contains(&last) {
        return Some(Some((EntityKind::Organisation, name.trim().to_string())));
    }
    None
}

/// How many words are joined to the first in camel case: one in "PolitiFact" and
/// "InsideSources", a brand's name; none in "McConnell", "DeNiro", "LaToya", "FitzGerald" (a
/// capital after one to three small letters is a surname's, and so, beside a first name, is
/// "Frank VanderSloot").
fn joined_words(word: &str) -> usize {
    let (mut small, mut joined) = (0, 0);
    for c in word.chars().skip(1) {
        if c.is_uppercase() && small >= 4 {
            joined += 1;
        }
        small = if c.is_lowercase() { small + 1 } else { 0 };
    }
    joined
}

/// Whether an organisation's or a place's name is only a generic word or a label: "University",
/// "City", "ABSTRACT", "D.".
fn generic(kind: EntityKind, name: &str) -> bool {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last().map_or(String::new(), |w| w.to_lowercase());
    if THING_WORDS.contains(&last.as_str()) && words.len() > 1 {
        return true;
    }
    // "Erikson Prize for Excellence": what comes before the first joint is what it is.
    let joint = words.iter().position(|w| matches!(*w, "of" | "for" | "on"));
    if joint.is_some_and(|at| at > 0 && THING_WORDS.contains(&words[at - 1].to_lowercase().as_str())) {
        return true;
    }
    // "D-Newport News", "R-Texas": a party and a district, after a lawmaker's name.
    let party =
        |w: &str| w.get(..2).is_some_and(|p| matches!(p, "D-" | "R-" | "I-")) && w[2..].starts_with(char::is_uppercase);
    if words.first().is_some_and(|w| party(w)) {
        return true;
    }
    // A war is no body: "World War II", "War on Terror".
    if words.len() > 1 && words.iter().any(|w| w.eq_ignore_ascii_case("war")) {
        return true;
    }
    let [word] = words.as_slice() else { return false };
    // What the gazetteer knows by name is never generic: "Kremlin", "G20", "X".
    if lexicon::organisations().contains(word) || lexicon::places().contains(word) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 1 {
        return true;
    }
    let capitals = word.chars().all(|c| !c.is_lowercase());
    if capitals && (CAPITAL_WORDS.contains(&word.to_lowercase().as_str()) || (letters >= 6 && !word.contains('.'))) {
        return true;
    }
    match kind {
        EntityKind::Organisation | EntityKind::Place => {
            lexicon::is_organisation_word(word) || lexicon::is_place_word(word) || THING_WORDS.contains(&last.as_str())
        }
        EntityKind::Person => false,
    }
}

/// An organisation's name in one form for all the ways it is written: without a company's
/// legal ending ("Apple Inc." → "Apple"), without the country before a federal body's name
/// ("U.S. Supreme Court" → "Supreme Court"; "U.S. Navy" → "United States Navy"), and a
/// department after what it is of ("Justice Department" → "Department of Justice").
fn organisation_name(name: &str) -> String {
    // "TheBlaze", "TheWrap": a brand that runs its article into its name, one page with "The
    // Blaze".
    if let Some(rest) = name.strip_prefix("The")
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
        && rest.chars().skip(1).any(char::is_lowercase)
        && !rest.contains(' ')
    {
        return format!("The {rest}");
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let legal = |w: &str| {
        matches!(w.trim_start_matches(',').trim_end_matches('.'), "Inc" | "Corp" | "Co" | "LLC" | "Ltd" | "plc" | "PLC")
    };
    let place = |w: &[&str]| lexicon::places().contains(&w.join(" ").as_str());
    if words.len() >= 2 && words.last().is_some_and(|w| legal(w)) && !place(&words[..words.len() - 1]) {
        words.pop();
        if let Some(w) = words.last_mut() {
            *w = w.trim_end_matches(',');
        }
        // "McKinsey & Co." is McKinsey.
        if words.len() >= 2 && words.last() == Some(&"&") {
            words.pop();
        }
    }
    let country = match words.as_slice() {
        ["U.S." | "US" | "U.S", rest @ ..] if rest.first().is_some_and(|w| w.starts_with(char::is_uppercase)) => 1,
        ["United", "States", rest @ ..] if rest.first().is_some_and(|w| w.starts_with(char::is_uppercase)) => 2,
        _ => 0,
    };
    // "Oversight Committee Republicans": the members of a party in a body, named for it.
    if words.len() > 2 && words.last().is_some_and(|w| matches!(*w, "Republicans" | "Democrats")) {
        words.pop();
    }
    let rest = &words[country..];
    // "Justice Department" is the Department of Justice: a department after what it is of,
    // when that is what a title qualifies ("Justice", "Homeland Security"), not a city's
    // police or fire department.
    if let [before @ .., "Department"] = rest
        && (1..=3).contains(&before.len())
        && lexicon::is_title(before[0])
        && before.iter().all(|w| w.starts_with(char::is_uppercase) && !w.contains('\''))
    {
        return format!("Department of {}", before.join(" "));
    }
    if lexicon::organisations().contains(&words.join(" ").as_str()) {
        return words.join(" "); // "U.S. News & World Report"
    }
    // The country's own are named without it: its departments, its supreme court, the bodies
    // the gazetteer knows ("U.S. Senate").
    let national = rest.first() == Some(&"Department")
        || rest == ["Supreme", "Court"]
        || lexicon::organisations().contains(&rest.join(" ").as_str());
    match country {
        0 => words.join(" "),
        _ if national => rest.join(" "),
        // Another of its bodies, under the country's name written out: one form for "U.S.
        // Court of Appeals" and "United States Court of Appeals".
        _ => format!("United States {}", rest.join(" ")),
    }
}

/// The letters of an organisation's acronym ("F.B.I." → "fbi"), or of the initials of its
/// long name ("Federal Bureau of Investigation" → "fbi").
fn acronym(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if let [word] = words.as_slice() {
        let letters: String = word.chars().filter(|c| *c != '.').collect();
        let is_acronym =
            (2..=6).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        return is_acronym.then(|| letters.to_lowercase());
    }
    let small = ["of", "and", "for", "the", "on", "in", "&", "to"];
    let initials: String = words
        .iter()
        .filter(|w| !small.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .collect();
    (initials.len() >= 2).then(|| initials.to_lowercase())
}

/// Every acronym a long name goes by: its initials ("Department of Homeland Security" →
/// "dhs"), with "of" ("Department of Justice" → "doj"), and a department's without "Department
/// of" ("Department of Veterans Affairs" → "va"). An acronym goes by itself alone.
fn acronyms(name: &str) -> Vec<String> {
    let Some(plain) = acronym(name) else { return Vec::new() };
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut keys = vec![plain];
    if words.len() > 1 {
        let initials = |words: &[&str], of: bool| -> String {
            let small = ["of", "and", "for", "the", "on", "in", "&", "to"];
            words
                .iter()
                .filter(|w| (of && **w == "of") || !small.contains(&w.to_lowercase().as_str()))
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase()
        };
        keys.push(initials(&words, true));
        if let ["Department" | "Ministry", "of", rest @ ..] = words.as_slice()
            && rest.len() >= 2
        {
            keys.push(initials(rest, false));
        }
        keys.retain(|k| k.len() >= 2);
        keys.sort();
        keys.dedup();
    }
    keys
}

/// The names of one article, as the site will count them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleNames {
    /// Full names of people (two words and more), each once.
    people: Vec<String>,
    /// Organisations' names, each once.
    organisations: Vec<String>,
    /// (surname, first name) of the people named both with and without a suffix ("Donald
    /// Trump" and "Donald Trump Jr."): two people.
    apart: Vec<(String, String)>,
}

impl ArticleNames {
    pub fn of(annotations: &Annotations, fixed: &Corrections) -> ArticleNames {
        let fixed_names = fixed.compile();
        ArticleNames::with(annotations, &fixed_names)
    }

    fn with(annotations: &Annotations, fixed: &HashMap<String, Fixed>) -> ArticleNames {
        let mut names = ArticleNames::default();
        for entity in annotations.entities.iter().filter(|e| e.registry_id.is_none()) {
            if fixed.contains_key(&key(&entity.name)) {
                continue;
            }
            let name = match entity.kind {
                EntityKind::Organisation => organisation_name(&entity.name),
                _ => entity.name.trim().to_string(),
            };
            let list = match entity.kind {
                EntityKind::Person if person_kind(&name).is_none() && parse(&name).is_some() => &mut names.people,
                EntityKind::Organisation if !generic(entity.kind, &name) && acronym(&name).is_some() => {
                    &mut names.organisations
                }
                _ => continue,
            };
            if !list.contains(&name) {
                list.push(name);
            }
        }
        let parsed: Vec<Parsed> = names.people.iter().filter_map(|n| parse(n)).collect();
        for p in parsed.iter().filter(|p| !p.suffix.is_empty()) {
            if parsed.iter().any(|q| q.suffix.is_empty() && q.last == p.last && q.first == p.first) {
                names.apart.push((p.last.clone(), p.first.clone()));
            }
        }
        names
    }

    /// The keys whose decisions this article's names take part in.
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        let people = self
            .people
            .iter()
            .filter_map(|n| parse(n))
            .flat_map(|p| [format!("l:{}", p.last), format!("f:{}", p.first)]);
        let organisations = self.organisations.iter().flat_map(|n| acronyms(n)).map(|a| format!("a:{a}"));
        people.chain(organisations)
    }
}

/// The site's names, counted by article: what every decision is made from.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    fixed: HashMap<String, Fixed>,
    /// Surname → full name → articles that name it.
    by_surname: HashMap<String, HashMap<String, usize>>,
    /// First name (full form) → surnames of the full names that start with it.
    by_first: HashMap<String, HashMap<String, usize>>,
    /// (surname, first name) → articles that name the person with and without a suffix.
    apart: HashMap<(String, String), usize>,
    /// Acronym letters → organisation name (the acronym itself, or a long name with those
    /// initials) → articles that name it.
    by_acronym: HashMap<String, HashMap<String, usize>>,
    /// Names of people with a profile: always full names of the site, whatever the counts.
    profiles: Vec<String>,
    /// Made by [`Resolver::prepare`] from the counts: each surname's people, and what each
    /// surname or first name said alone stands for.
    people_cache: HashMap<String, HashMap<String, (String, usize)>>,
    single_cache: HashMap<String, Option<Target>>,
}

impl Resolver {
    /// The site-level stage: the names of every article counted (read in parallel), and the
    /// decisions made from the counts, for the index to ask article by article.
    pub fn for_site<'a>(
        corrections: &Corrections,
        profile_names: &[String],
        annotations: impl IndexedParallelIterator<Item = &'a Annotations>,
    ) -> Resolver {
        let mut resolver = Resolver::new(corrections, profile_names);
        let names: Vec<ArticleNames> = annotations.map(|annotations| resolver.names(annotations)).collect();
        for names in &names {
            resolver.add(names);
        }
        resolver.prepare();
        resolver
    }

    pub fn new(corrections: &Corrections, profile_names: &[String]) -> Resolver {
        let mut resolver = Resolver { fixed: corrections.compile(), ..Resolver::default() };
        resolver.profiles = profile_names.to_vec();
        for (name, _) in corrections.people.iter() {
            resolver.profiles.push(name.clone());
        }
        let names = resolver.profiles.clone();
        let profiles = ArticleNames { people: names, ..ArticleNames::default() };
        resolver.add(&profiles);
        resolver
    }

    pub fn names(&self, annotations: &Annotations) -> ArticleNames {
        ArticleNames::with(annotations, &self.fixed)
    }

    pub fn add(&mut self, names: &ArticleNames) {
        self.count(names, true);
    }

    pub fn remove(&mut self, names: &ArticleNames) {
        self.count(names, false);
    }

    fn count(&mut self, names: &ArticleNames, add: bool) {
        fn bump<K: std::hash::Hash + Eq>(map: &mut HashMap<K, usize>, key: K, add: bool) {
            if add {
                *map.entry(key).or_default() += 1;
            } else if let Some(count) = map.get_mut(&key) {
                *count -= 1;
                if *count == 0 {
                    map.remove(&key);
                }
            }
        }
        for name in &names.people {
            let Some(p) = parse(name) else { continue };
            bump(self.by_surname.entry(p.last.clone()).or_default(), name.clone(), add);
            bump(self.by_first.entry(p.first.clone()).or_default(), p.last.clone(), add);
        }
        for pair in &names.apart {
            bump(&mut self.apart, pair.clone(), add);
        }
        for name in &names.organisations {
            for letters in acronyms(name) {
                bump(self.by_acronym.entry(letters).or_default(), name.clone(), add);
            }
        }
        self.by_surname.retain(|_, m| !m.is_empty());
        self.by_first.retain(|_, m| !m.is_empty());
        self.by_acronym.retain(|_, m| !m.is_empty());
    }

    /// Works out every surname's people and every single name once, after counting.
    pub fn prepare(&mut self) {
        self.people_cache.clear();
        self.single_cache.clear();
        let surnames: Vec<String> = self.by_surname.keys().cloned().collect();
        let mut words = surnames.clone();
        words.extend(self.by_first.keys().flat_map(|f| forms_of_first(f)));
        self.refresh(surnames, words);
    }

    /// [`Resolver::prepare`] again for the keys these names take part in, after they were
    /// counted in or out: only their decisions can have changed.
    pub fn prepare_for(&mut self, names: &[&ArticleNames]) {
        let mut surnames = Vec::new();
        let mut words = Vec::new();
        for k in names.iter().flat_map(|n| n.keys()) {
            match k.split_once(':') {
                Some(("l", s)) => {
                    surnames.push(s.to_string());
                    words.push(s.to_string());
                }
                Some(("f", f)) => words.extend(forms_of_first(f)),
                _ => {}
            }
        }
        self.refresh(surnames, words);
    }

    fn refresh(&mut self, surnames: Vec<String>, words: Vec<String>) {
        for surname in &surnames {
            let people: HashMap<String, (String, usize)> =
                self.people_of(surname).into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            if people.is_empty() {
                self.people_cache.remove(surname);
            } else {
                self.people_cache.insert(surname.clone(), people);
            }
        }
        for word in words {
            let single = self.single(&word);
            self.single_cache.insert(word, single);
        }
    }

    fn people_cached(&self, surname: &str) -> HashMap<&str, (String, usize)> {
        match self.people_cache.get(surname) {
            Some(people) => people.iter().map(|(k, v)| (k.as_str(), v.clone())).collect(),
            None => self.people_of(surname),
        }
    }

    /// The people with this surname: each full name → (the person's name, articles naming
    /// the person in any form).
    fn people_of(&self, surname: &str) -> HashMap<&str, (String, usize)> {
        let Some(forms) = self.by_surname.get(surname) else { return HashMap::new() };
        // A headline's words after a name ("Barack Obama Election Day") are no one's surname.
        let headline = |name: &str| self.headline_start(&name.split_whitespace().collect::<Vec<_>>()).is_some();
        let mut forms: Vec<(&str, usize, Parsed)> = forms
            .iter()
            .filter(|(name, _)| !headline(name))
            .filter_map(|(name, &count)| Some((name.as_str(), count, parse(name)?)))
            .collect();
        forms.sort_by(|a, b| a.0.cmp(b.0));
        // One person per first name and suffix, split further by middle initials where two
        // people share both ("George W. Bush", "George H. W. Bush").
        let mut groups: BTreeMap<PersonKey, Vec<(&str, usize)>> = BTreeMap::new();
        let mut initials: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        for (_, count, p) in &forms {
            if !p.middle.is_empty() {
                *initials
                    .entry((p.first.clone(), p.suffix.clone()))
                    .or_default()
                    .entry(p.middle.clone())
                    .or_default() += count;
            }
        }
        // Two surnames said without the first name ("Wasserman Schultz", "Peña Nieto", "Le
        // Pen") are the one person named in full with them ("Debbie Wasserman Schultz"); not
        // a name whose first word is a first name ("Hillary Clinton" is no part of "Crooked
        // Hillary Clinton").
        let lower_forms: Vec<String> = forms.iter().map(|(name, _, _)| name.to_lowercase()).collect();
        let tail_of = |i: usize| -> Option<usize> {
            let (name, _, p) = &forms[i];
            let first_word = name.split_whitespace().next().unwrap_or("");
            if !p.middle.is_empty() || lexicon::is_male_name(first_word) || lexicon::is_female_name(first_word) {
                return None;
            }
            let tail = format!(" {}", lower_forms[i]);
            let mut longer = (0..forms.len()).filter(|&o| o != i && lower_forms[o].ends_with(&tail));
            let one = longer.next()?;
            // The longer name opens with a first name, or at least with no word of the lexicon
            // ("Aung San Suu Kyi", not "Says Wasserman Schultz").
            let opening = forms[one].0.split_whitespace().next().unwrap_or("");
            let named = lexicon::is_male_name(opening)
                || lexicon::is_female_name(opening)
                || !(lexicon::is_not_name(opening)
                    || lexicon::is_title(opening)
                    || lexicon::is_demonym(opening)
                    || lexicon::is_cue(&opening.to_lowercase())
                    || lexicon::is_headline_verb(&capitalise(&opening.to_lowercase())));
            (longer.next().is_none() && named).then_some(one)
        };
        let tails: Vec<Option<usize>> = (0..forms.len()).map(tail_of).collect();
        let mut key_of: Vec<Option<PersonKey>> = vec![None; forms.len()];
        for (i, (name, count, p)) in forms.iter().enumerate() {
            if tails[i].is_some() {
                continue;
            }
            let options = initials.get(&(p.first.clone(), p.suffix.clone()));
            let middle = match options {
                Some(options) if options.len() > 1 => {
                    if p.middle.is_empty() {
                        dominant(options.iter().map(|(m, c)| (m.clone(), *c))).unwrap_or_default()
                    } else {
                        p.middle.clone()
                    }
                }
                _ => String::new(),
            };
            // A suffix joins the name without it unless an article names both.
            let apart = self.apart.contains_key(&(p.last.clone(), p.first.clone()));
            let suffix = if apart { p.suffix.clone() } else { String::new() };
            let key = (p.first.clone(), middle, suffix);
            key_of[i] = Some(key.clone());
            groups.entry(key).or_default().push((name, *count));
        }
        let mut tail_names: Vec<&str> = Vec::new();
        for (i, (name, count, _)) in forms.iter().enumerate() {
            if let Some(key) = tails[i].and_then(|one| key_of[one].clone()) {
                groups.entry(key).or_default().push((name, *count));
                tail_names.push(name);
            }
        }
        let mut people = HashMap::new();
        for forms in groups.values() {
            let total = forms.iter().map(|(_, c)| c).sum();
            let shown = self
                .profiles
                .iter()
                .find(|p| forms.iter().any(|(n, _)| n == p))
                .map(String::as_str)
                .or_else(|| {
                    // Shown by a form of its own, not by the surnames said alone.
                    forms
                        .iter()
                        .filter(|(n, _)| !tail_names.contains(n))
                        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.len().cmp(&a.0.len())).then_with(|| b.0.cmp(a.0)))
                        .map(|(n, _)| *n)
                })
                .unwrap_or_default();
            for (name, _) in forms {
                people.insert(*name, (shown.to_string(), total));
            }
        }
        people
    }

    /// What a person's name said alone stands for: the one person of the site with that
    /// surname (or else first name), or the one named far more often than the others.
    fn single(&self, word: &str) -> Option<Target> {
        let lower = word.to_lowercase();
        let mut people: HashMap<String, usize> = HashMap::new();
        for (person, total) in self.people_cached(&lower).into_values() {
            people.insert(person, total);
        }
        if people.is_empty() {
            for surname in self.by_first.get(full_first(&lower)).into_iter().flat_map(|m| m.keys()) {
                for (name, (person, total)) in self.people_cached(surname) {
                    if parse(name).is_some_and(|p| p.first == full_first(&lower)) {
                        people.insert(person, total);
                    }
                }
            }
        }
        if people.is_empty() {
            return None;
        }
        Some(match dominant(people.into_iter()) {
            Some(person) => Target::Entity(EntityKind::Person, person),
            None => Target::Unlinked,
        })
    }

    /// What an entity of an article is across the site.
    pub fn resolve(&self, kind: EntityKind, name: &str) -> Target {
        let name = name.trim();
        let lower = key(name);
        match self.fixed.get(&lower) {
            Some(Fixed::Entity(kind, name)) => return Target::Entity(*kind, name.clone()),
            Some(Fixed::Nobody) => return Target::Nobody,
            Some(Fixed::Ambiguous) => return Target::Unlinked,
            None => {}
        }
        if let Some((kind, name)) = known(&lower) {
            return Target::Entity(kind, name.to_string());
        }
        let organisation = (kind == EntityKind::Organisation).then(|| organisation_name(name));
        let name = organisation.as_deref().unwrap_or(name);
        match kind {
            EntityKind::Person => self.person(name),
            _ if generic(kind, name) => Target::Nobody,
            EntityKind::Organisation => self.organisation(name),
            EntityKind::Place => Target::Entity(kind, name.to_string()),
        }
    }

    /// What a lone word that nothing in its article marks as a name is
    /// ([`crate::annotate::Unsure`]): the surname of the one person the site names by it, in
    /// full in [`UNSURE_ARTICLES`] articles and more; else no one.
    pub fn resolve_unsure(&self, word: &str) -> Target {
        let lower = key(word);
        if self.fixed.contains_key(&lower) {
            return self.resolve(EntityKind::Person, word);
        }
        // A full name: the person, where another article names them so with a sign.
        if word.contains(' ') {
            let Some(parsed) = parse(word) else { return Target::Nobody };
            let people = self.people_cached(&key(&parsed.last));
            return match people.get(word) {
                Some((person, _)) => Target::Entity(EntityKind::Person, person.clone()),
                None => Target::Nobody,
            };
        }
        let lexicon_word = lexicon::is_not_name(word)
            || lexicon::is_title(word)
            || lexicon::is_demonym(word)
            || lexicon::is_organisation_word(word)
            || lexicon::is_place_word(word)
            || lexicon::is_cue(&lower);
        if lexicon_word {
            return Target::Nobody;
        }
        let people = self.people_cached(&lower);
        let single = match self.single_cache.get(&lower) {
            Some(single) => single.clone(),
            None => self.single(&lower),
        };
        match single {
            Some(Target::Entity(EntityKind::Person, person))
                if people.values().any(|(p, total)| *p == person && *total >= UNSURE_ARTICLES) =>
            {
                Target::Entity(EntityKind::Person, person)
            }
            _ => Target::Nobody,
        }
    }

    /// The longest start of a name of three words or more that is a full name of the site,
    /// with words after it that are not part of it ("Barack Obama Election Day").
    fn headline_start(&self, words: &[&str]) -> Option<String> {
        if words.len() < 3 {
            return None;
        }
        let whole = parse(&words.join(" "));
        (2..words.len()).rev().find_map(|end| {
            let start = words[..end].join(" ");
            let p = parse(&start)?;
            let known = whole.as_ref().is_none_or(|w| w.last != p.last)
                && !SUFFIXES.contains(&words[end].to_lowercase().as_str())
                && self.by_surname.get(&p.last).is_some_and(|forms| forms.contains_key(&start));
            known.then_some(start)
        })
    }

    fn person(&self, name: &str) -> Target {
        match person_kind(name) {
            Some(None) => return Target::Nobody,
            Some(Some((kind, name))) => return self.resolve(kind, &name),
            None => {}
        }
        let mut words: Vec<&str> = name.split_whitespace().collect();
        while words.len() > 1 && words[0].ends_with('.') && lexicon::is_title(words[0]) {
            words.remove(0);
        }
        // "Donald J." (a name cut short before its surname): the first name alone.
        while words.len() > 1 && words.last().is_some_and(|w| is_initial(w)) {
            words.pop();
        }
        // A word in capitals before words that are not ("QUARTER Let", "NASA Administrator
        // Charles Bolden") is a heading's or an affiliation: the name is what follows it, if a
        // full name does.
        let shouted = |w: &&str| w.len() >= 4 && w.chars().all(|c| c.is_ascii_uppercase());
        if let Some(at) = words.iter().rposition(shouted).filter(|_| !words.iter().all(shouted)) {
            let mut rest = &words[at + 1..];
            while rest.first().is_some_and(|w| lexicon::is_title(w)) {
                rest = &rest[1..];
            }
            return if rest.len() >= 2 { self.person(&rest.join(" ")) } else { Target::Nobody };
        }
        let name = &words.join(" ");
        // A headline: a name, then the words of the headline ("Christie Says", "Barack Obama
        // Election Day"): the longest start that is a person of the site.
        // "PolitiFact", "InsideSources": a brand's name, unless the site knows it as a surname.
        if let [word] = words.as_slice()
            && joined_words(word) == 1
            && !self.by_surname.contains_key(&word.to_lowercase())
        {
            return self.resolve(EntityKind::Organisation, word);
        }
        let verb = |w: &&str| lexicon::is_headline_verb(&capitalise(&w.to_lowercase()));
        if let Some(at) = words.iter().position(verb).filter(|&at| at > 0) {
            return self.person(&words[..at].join(" "));
        }
        if let Some(start) = self.headline_start(&words) {
            return self.person(&start);
        }
        // Words of a headline or a role before a name: "Entrusting Donald Trump", "Rival
        // Hillary Clinton" (a full name of the site after words that are no first name), "Says
        // Clinton" (a word of the lexicon's that is no name, before a surname).
        let first_name = |w: &str| lexicon::is_male_name(w) || lexicon::is_female_name(w);
        if words.len() >= 3 && !first_name(words[0]) {
            let tail = words[words.len() - 2..].join(" ");
            let known =
                parse(&tail).is_some_and(|p| self.by_surname.get(&p.last).is_some_and(|f| f.contains_key(&tail)));
            if known {
                return self.person(&tail);
            }
        }
        if let [word, surname] = words.as_slice() {
            let lower = word.to_lowercase();
            let not_a_name = lexicon::is_cue(&lower)
                || lexicon::is_not_name(word)
                || lexicon::is_title(word)
                || lexicon::is_demonym(word.trim_end_matches('s'));
            if not_a_name && !first_name(word) {
                return self.person(surname);
            }
        }
        match parse(name) {
            Some(p) => {
                // Looked up in the prepared table: the site's every entity passes here.
                let shown = match self.people_cache.get(&p.last) {
                    Some(people) => people.get(name.as_str()).map(|(person, _)| person.clone()),
                    None => self.people_of(&p.last).get(name.as_str()).map(|(person, _)| person.clone()),
                };
                let shown = shown.unwrap_or_else(|| name.to_string());
                Target::Entity(EntityKind::Person, shown)
            }
            None => {
                let word = words.last().copied().unwrap_or(name);
                let single = match self.single_cache.get(&word.to_lowercase()) {
                    Some(single) => single.clone(),
                    None => self.single(word),
                };
                single.unwrap_or_else(|| Target::Entity(EntityKind::Person, word.to_string()))
            }
        }
    }

    fn organisation(&self, name: &str) -> Target {
        let Some(letters) = acronym(name) else { return Target::Entity(EntityKind::Organisation, name.to_string()) };
        let Some(forms) = self.by_acronym.get(&letters) else {
            return Target::Entity(EntityKind::Organisation, name.to_string());
        };
        // The acronym and its long name are one body when the site has one long name for it.
        let long: Vec<&String> = forms.keys().filter(|n| n.contains(' ')).collect();
        let short: Vec<&String> = forms.keys().filter(|n| !n.contains(' ')).collect();
        if long.len() != 1 || short.is_empty() {
            return Target::Entity(EntityKind::Organisation, name.to_string());
        }
        Target::Entity(EntityKind::Organisation, long[0].clone())
    }

    /// The decisions the keys of these names take part in, to compare before and after an
    /// article changes: equal, and no other article's entities resolve differently.
    pub fn decisions(&self, names: &[&ArticleNames]) -> Vec<(String, Vec<(String, Target)>)> {
        let mut keys: Vec<String> = names.iter().flat_map(|n| n.keys()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.into_iter()
            .map(|k| {
                let decided = match k.split_once(':') {
                    Some(("l", surname)) => {
                        let mut forms: Vec<(String, Target)> = self
                            .people_of(surname)
                            .into_iter()
                            .map(|(n, (p, _))| (n.to_string(), Target::Entity(EntityKind::Person, p)))
                            .collect();
                        forms.push((surname.to_string(), self.single(surname).unwrap_or(Target::Nobody)));
                        forms.push((format!("?{surname}"), self.resolve_unsure(surname)));
                        forms.sort_by(|a, b| a.0.cmp(&b.0));
                        forms
                    }
                    Some(("f", first)) => forms_of_first(first)
                        .into_iter()
                        .map(|w| {
                            let single = self.single(&w).unwrap_or(Target::Nobody);
                            (w, single)
                        })
                        .collect(),
                    _ => {
                        let mut forms: Vec<(String, Target)> = self
                            .by_acronym
                            .get(k.trim_start_matches("a:"))
                            .into_iter()
                            .flat_map(|m| m.keys())
                            .map(|n| (n.clone(), self.organisation(n)))
                            .collect();
                        forms.sort_by(|a, b| a.0.cmp(&b.0));
                        forms
                    }
                };
                (k, decided)
            })
            .collect()
    }
}

/// The candidate counted at least [`DOMINANCE`] times as often as all others together.
fn dominant<K: Ord + Clone>(candidates: impl Iterator<Item = (K, usize)>) -> Option<K> {
    let mut list: Vec<(K, usize)> = candidates.collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (top, count) = list.first()?.clone();
    let rest: usize = list[1..].iter().map(|(_, c)| c).sum();
    (count >= DOMINANCE * rest).then_some(top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Entity;

    fn site(articles: &[&[(EntityKind, &str)]], corrections: &Corrections) -> Resolver {
        let mut resolver = Resolver::new(corrections, &[]);
        for article in articles {
            let annotations = Annotations {
                entities: article
                    .iter()
                    .map(|(kind, name)| Entity { kind: *kind, name: name.to_string(), registry_id: None })
                    .collect(),
                ..Annotations::default()
            };
            let names = resolver.names(&annotations);
            resolver.add(&names);
        }
        resolver.prepare();
        resolver
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(SHORT_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(KNOWN_KINDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    const P: EntityKind = EntityKind::Person;
    const O: EntityKind = EntityKind::Organisation;

    fn person(name: &str) -> Target {
        Target::Entity(P, name.to_string())
    }

    /// A site of everyday political news: the forms people take across its articles.
    fn news() -> Resolver {
        let mut articles: Vec<Vec<(EntityKind, &str)>> = Vec::new();
        for _ in 0..10 {
            articles.push(vec![(P, "Donald Trump"), (P, "Hillary Clinton"), (P, "Barack Obama")]);
        }
        articles.extend([
            vec![(P, "Donald J. Trump"), (P, "Hillary Rodham Clinton"), (P, "Joseph R. Biden Jr.")],
            vec![(P, "Donald Trump"), (P, "Donald Trump Jr."), (P, "Eric Trump")],
            vec![(P, "Bill Clinton"), (P, "Hillary Clinton"), (P, "Michelle Obama")],
            vec![(P, "George W. Bush"), (P, "George H. W. Bush"), (P, "Jeb Bush")],
            vec![(P, "George Bush"), (P, "Jeb Bush"), (P, "Ben Carson"), (P, "Ben Cardin")],
            vec![(P, "Joe Biden"), (P, "James B. Comey"), (P, "Bernard Sanders")],
            vec![(P, "Jim Comey"), (P, "Bernie Sanders"), (P, "Paul D. Ryan"), (P, "Rand Paul")],
            vec![(P, "Paul Ryan"), (P, "Bob Corker"), (P, "Bob Woodward")],
            vec![(P, "Debbie Wasserman Schultz"), (P, "Enrique Peña Nieto"), (P, "Crooked Hillary Clinton")],
            vec![(P, "Wasserman Schultz"), (P, "Peña Nieto"), (P, "Wasserman Schultz")],
            vec![(O, "Federal Bureau of Investigation"), (O, "FBI"), (O, "Democratic National Committee")],
            vec![(O, "DNC"), (O, "F.B.I."), (O, "CIA")],
        ]);
        let articles: Vec<&[(EntityKind, &str)]> = articles.iter().map(Vec::as_slice).collect();
        site(&articles, &Corrections::default())
    }

    #[test]
    fn forms_of_one_person_merge() {
        let resolver = news();
        for (form, person_name) in [
            ("Donald J. Trump", "Donald Trump"),
            ("Trump", "Donald Trump"),
            ("Mr. Trump", "Donald Trump"),
            ("Hillary Rodham Clinton", "Hillary Clinton"),
            ("Clinton", "Hillary Clinton"),
            ("Obama", "Barack Obama"),
            ("Joseph R. Biden Jr.", "Joe Biden"),
            ("Biden", "Joe Biden"),
            ("James B. Comey", "Jim Comey"),
            ("Comey", "Jim Comey"),
            ("Bernard Sanders", "Bernie Sanders"),
            ("Paul D. Ryan", "Paul Ryan"),
            ("Sen. Sanders", "Bernie Sanders"),
            ("Bernie", "Bernie Sanders"),
            ("Donald J.", "Donald Trump"),
            ("Entrusting Donald Trump", "Donald Trump"),
            ("Says Clinton", "Hillary Clinton"),
            ("Christie Says", "Christie"),
            ("Barack Obama Election Day", "Barack Obama"),
            // Two surnames said without the first name.
            ("Wasserman Schultz", "Debbie Wasserman Schultz"),
            ("Peña Nieto", "Enrique Peña Nieto"),
        ] {
            assert_eq!(resolver.resolve(P, form), person(person_name), "{form}");
        }
    }

    #[test]
    fn different_people_stay_apart() {
        let resolver = news();
        let target = |name| resolver.resolve(P, name);
        assert_ne!(target("Bill Clinton"), target("Hillary Clinton"));
        assert_ne!(target("George W. Bush"), target("George H. W. Bush"));
        assert_ne!(target("Donald Trump Jr."), target("Donald Trump"));
        assert_ne!(target("Ben Carson"), target("Ben Cardin"));
        assert_ne!(target("Rand Paul"), target("Paul Ryan"));
        assert_ne!(target("Bob Corker"), target("Bob Woodward"));
        // A full name is no part of a longer name that only adds a word before it.
        assert_eq!(target("Hillary Clinton"), person("Hillary Clinton"));
        // Ambiguous alone: left unlinked rather than guessed.
        assert_eq!(target("Bob"), Target::Unlinked);
        assert_eq!(target("Bush"), Target::Unlinked);
        assert_eq!(target("Ben"), Target::Unlinked);
    }

    #[test]
    fn lone_words_without_a_sign_are_the_site_s_one_person_or_nobody() {
        let resolver = news();
        // The one person of the surname, named in full across the site.
        assert_eq!(resolver.resolve_unsure("Obama"), person("Barack Obama"));
        assert_eq!(resolver.resolve_unsure("Trump"), person("Donald Trump"));
        // Several people of the surname, one named too rarely, or none at all: no one.
        assert_eq!(resolver.resolve_unsure("Bush"), Target::Nobody);
        assert_eq!(resolver.resolve_unsure("Corker"), Target::Nobody);
        assert_eq!(resolver.resolve_unsure("Smith"), Target::Nobody);
        // A first name alone is not taken: only a surname.
        assert_eq!(resolver.resolve_unsure("Barack"), Target::Nobody);
        // Words of the lexicon never are.
        assert_eq!(resolver.resolve_unsure("Senate"), Target::Nobody);
        // A full name: the person another article names so, with a sign; else no one.
        assert_eq!(resolver.resolve_unsure("Bob Woodward"), person("Bob Woodward"));
        assert_eq!(resolver.resolve_unsure("Michelle Obama"), person("Michelle Obama"));
        assert_eq!(resolver.resolve_unsure("St Petersburg"), Target::Nobody);
        assert_eq!(resolver.resolve_unsure("Terence Crutcher"), Target::Nobody);
    }

    #[test]
    fn words_that_are_nobody() {
        let resolver = news();
        for (kind, name) in [
            (P, "Correction Appended"),
            (P, "Democrats"),
            (P, "Hispanics"),
            (P, "Americans"),
            (P, "Team Trump"),
            (P, "Anti-Trump Republicans"),
            (P, "Obamacare"),
            (P, "Jim Crow"),
            (P, "Fifth Amendment"),
            (O, "ABSTRACT"),
            (O, "University"),
            (O, "TV"),
            (O, "QUARTER"),
            (O, "D."),
            (O, "Affordable Care Act"),
            (O, "World War II"),
            (O, "War on Terror"),
            (O, "CEO"),
            (O, "PTSD"),
            (P, "Super PACs"),
            (P, "Fight Terrorism"),
            (P, "QUARTER Let"),
            (P, "Elise FoleyFlagShareLikeReplyAni Vrabel"),
            (P, "Climate Assessment"),
            (O, "U.N. Charter"),
            (O, "Erikson Prize for Excellence"),
            (O, "D-Newport News"),
            (EntityKind::Place, "City"),
        ] {
            assert_eq!(resolver.resolve(kind, name), Target::Nobody, "{name}");
        }
    }

    #[test]
    fn organisations_join_their_acronyms() {
        let resolver = news();
        let org = |name: &str| Target::Entity(O, name.to_string());
        assert_eq!(resolver.resolve(O, "FBI"), org("Federal Bureau of Investigation"));
        assert_eq!(resolver.resolve(O, "F.B.I."), org("Federal Bureau of Investigation"));
        assert_eq!(resolver.resolve(O, "DNC"), org("Democratic National Committee"));
        assert_eq!(resolver.resolve(O, "GOP"), org("Republican Party"));
        assert_eq!(resolver.resolve(O, "CIA"), org("CIA"));
        assert_eq!(resolver.resolve(O, "Kremlin"), org("Kremlin"), "known by name: not generic");
        assert_eq!(resolver.resolve(O, "G20"), org("G20"));
        assert_eq!(resolver.resolve(EntityKind::Place, "Islamic State"), org("Islamic State"));
        assert_eq!(resolver.resolve(P, "American Action Forum"), org("American Action Forum"));
    }

    #[test]
    fn organisations_have_one_name_for_their_forms() {
        let resolver = site(
            &[
                &[(O, "Department of Justice"), (O, "Department of Veterans Affairs")],
                &[(O, "DOJ"), (O, "VA"), (O, "Justice Department")],
            ],
            &Corrections::default(),
        );
        let org = |name: &str| Target::Entity(O, name.to_string());
        for (form, name) in [
            ("Justice Department", "Department of Justice"),
            ("U.S. Department of Justice", "Department of Justice"),
            ("Homeland Security Department", "Department of Homeland Security"),
            ("DOJ", "Department of Justice"),
            ("VA", "Department of Veterans Affairs"),
            ("U.S. Supreme Court", "Supreme Court"),
            ("U.S. Senate", "Senate"),
            ("U.S. Court of Appeals for the Sixth Circuit", "United States Court of Appeals for the Sixth Circuit"),
            ("U.S. Navy", "United States Navy"),
            ("U.S. News & World Report", "U.S. News & World Report"),
            ("Apple Inc.", "Apple"),
            ("Pfizer Inc", "Pfizer"),
            ("McKinsey & Co.", "McKinsey"),
            ("Oversight Committee Republicans", "Oversight Committee"),
            // A brand that runs "The" into its name is the name written apart.
            ("TheBlaze", "The Blaze"),
            ("The Blaze", "The Blaze"),
            // Not a department of the country's: a city's.
            ("Tulsa Police Department", "Tulsa Police Department"),
            ("Police Department", "Police Department"),
        ] {
            assert_eq!(resolver.resolve(O, form), org(name), "{form}");
        }
        // One word in camel case is a brand's, unless a surname of the site.
        assert_eq!(resolver.resolve(P, "PolitiFact"), org("PolitiFact"));
        let with_surname = site(&[&[(P, "Frank VanderSloot")], &[(P, "Frank VanderSloot")]], &Corrections::default());
        assert_eq!(with_surname.resolve(P, "VanderSloot"), person("Frank VanderSloot"));
        assert_eq!(with_surname.resolve(P, "Frank VanderSloot"), person("Frank VanderSloot"));
        // A word in capitals before a full name is no part of it.
        assert_eq!(resolver.resolve(P, "NASA Director Charles Bolden"), person("Charles Bolden"));
        assert_eq!(resolver.resolve(P, "CORE Teachers"), Target::Nobody);
    }

    #[test]
    fn the_editors_file_wins() {
        let corrections: Corrections = crate::yaml::from_str(
            "people:\n  Jim Comey: [James B. Comey]\norganisations:\n  Marc Fisher Footwear: []\n\
             not_entities: [Barack Obama Election Day]\nambiguous: [Biden]\n",
        )
        .expect("parses");
        let resolver = site(&[&[(P, "James B. Comey"), (P, "Joe Biden")]], &corrections);
        assert_eq!(resolver.resolve(P, "James B. Comey"), person("Jim Comey"));
        assert_eq!(resolver.resolve(P, "Comey"), person("Jim Comey"));
        assert_eq!(resolver.resolve(P, "Marc Fisher Footwear"), Target::Entity(O, "Marc Fisher Footwear".into()));
        assert_eq!(resolver.resolve(P, "Barack Obama Election Day"), Target::Nobody);
        assert_eq!(resolver.resolve(P, "Biden"), Target::Unlinked);
    }
}
