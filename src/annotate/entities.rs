//! Entities: who and what an article names. The registry's names and aliases and the
//! gazetteers are matched in one aho-corasick pass each; people outside the registry are
//! found as runs of capitalised words (after a title, before or after a reporting verb, or
//! two words and more). A surname said alone joins the full name met in the article.

use super::lexicon;
use super::text::{self, Paragraph, Token, TokenKind, capitalise};
use super::{Entity, EntityKind, Registry, Span, Unsure};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// A mention found in the text, with where it sits in the paragraph's tokens.
#[derive(Debug, Clone)]
pub struct Found {
    pub span: Span,
    pub entity: usize,
    pub paragraph: usize,
    /// Token range `[first, last]` in the paragraph.
    pub first: usize,
    pub last: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
    Unknown,
    /// Not a person.
    None,
}

/// How long an entity's roles may grow from the words met beside its name (the longest in
/// the train and dev splits has 85 bytes); the registry's role is always taken whole.
const MAX_ROLE_BYTES: usize = 256;

/// What the registry's or the gazetteer's automaton matched.
#[derive(Debug, Clone)]
pub enum Known {
    Person {
        id: String,
        name: String,
    },
    Event {
        id: String,
    },
    Organisation(String),
    Place(String),
    /// A place of the generated gazetteer (`lexicon::generated_places`): taken only where
    /// nothing about its mentions says it is a word or a person's name.
    City(String, lexicon::PlaceTier),
}

pub fn registry_matcher(registry: &Registry) -> (Option<Names>, Vec<Known>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut known = Vec::new();
    for person in &registry.people {
        for name in std::iter::once(&person.name).chain(&person.aliases) {
            if !name.trim().is_empty() {
                patterns.push(name.trim().to_string());
                known.push(Known::Person { id: person.id.clone(), name: person.name.clone() });
            }
        }
    }
    for event in &registry.events {
        for name in std::iter::once(&event.name).chain(&event.aliases) {
            if !name.trim().is_empty() {
                patterns.push(name.trim().to_string());
                known.push(Known::Event { id: event.id.clone() });
            }
        }
    }
    let matcher = (!patterns.is_empty()).then(|| Names::new(&patterns)).flatten();
    (matcher, known)
}

/// An automaton that reads a name at a given word's start, the longest known one there.
/// Names are only looked for where a word starts, never by scanning a text whole, and only
/// at words whose first byte some name starts with: on the 10k benchmark, scanning every
/// text with both automata took a tenth of the annotation time, asking at every word 15%.
#[derive(Debug, Clone)]
pub struct Names {
    automaton: AhoCorasick,
    starts: [bool; 256],
}

impl Names {
    fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Option<Names> {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(patterns)
            .ok()?;
        let mut starts = [false; 256];
        for pattern in patterns {
            if let Some(&first) = pattern.as_ref().first() {
                starts[first as usize] = true;
            }
        }
        Some(Names { automaton, starts })
    }

    /// The longest name that starts exactly at byte `at` of `text`: (its end, its pattern).
    #[inline]
    fn at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        if !self.starts[*text.as_bytes().get(at)? as usize] {
            return None;
        }
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        self.automaton.find(input).map(|m| (m.end(), m.pattern().as_usize()))
    }
}

static GAZETTEER: LazyLock<(Names, Vec<Known>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut known = Vec::new();
    for name in lexicon::organisations() {
        patterns.push(*name);
        known.push(Known::Organisation(canonical_organisation(name).to_string()));
    }
    for name in lexicon::places() {
        patterns.push(*name);
        known.push(Known::Place(canonical_place(name).to_string()));
    }
    for (name, tier) in lexicon::generated_places() {
        patterns.push(*name);
        known.push(Known::City(name.to_string(), *tier));
    }
    let matcher = Names::new(&patterns).expect("the gazetteer's patterns are plain strings");
    (matcher, known)
});

fn canonical_organisation(name: &str) -> &str {
    match name {
        "The New York Times" => "New York Times",
        "The Washington Post" => "Washington Post",
        "U.N." | "UN" => "United Nations",
        "EU" => "European Union",
        "G-20" => "G20",
        "Fox" => "Fox News",
        "AP" => "Associated Press",
        "ABC" => "ABC News",
        "CBS" => "CBS News",
        "NBC" => "NBC News",
        "Al-Qaeda" | "al Qaeda" | "al-Qaeda" => "Al Qaeda",
        "Exxon Mobil" => "ExxonMobil",
        "HuffPost" => "Huffington Post",
        "NYPD" => "New York City Police Department",
        "S.E.C." | "SEC" => "Securities and Exchange Commission",
        "Fox News Channel" => "Fox News",
        "Politifact" => "PolitiFact",
        "POLITICO" => "Politico",
        "USA TODAY" => "USA Today",
        "U.S. Citizenship and Immigration Services" => "United States Citizenship and Immigration Services",
        "Free Beacon" => "Washington Free Beacon",
        "Priorities USA" => "Priorities USA Action",
        "Our Principles Pac" => "Our Principles PAC",
        "Organisation for Economic Co-operation and Development" => {
            "Organization for Economic Cooperation and Development"
        }
        other => other,
    }
}

fn canonical_place(name: &str) -> &str {
    match name {
        "Kiev" => "Kyiv",
        "DPRK" => "North Korea",
        "Britain" | "UK" | "U.K." => "United Kingdom",
        "U.S." | "US" | "USA" | "U.S.A." | "America" => "United States",
        "D.C." | "DC" => "Washington",
        "NYC" => "New York City",
        "L.A." => "Los Angeles",
        "N.C." => "North Carolina",
        "N.D." => "North Dakota",
        "N.H." => "New Hampshire",
        "N.J." => "New Jersey",
        "N.M." => "New Mexico",
        "N.Y." => "New York",
        "R.I." => "Rhode Island",
        "S.C." => "South Carolina",
        "S.D." => "South Dakota",
        other => other,
    }
}

/// What entity recognition gives: the entities of one article, where each is named, the
/// registry's events it names, and what attribution reads of each entity beside its name.
#[derive(Debug, Clone, Default)]
pub struct Recognised {
    pub entities: Vec<Entity>,
    /// Sorted by span start; mentions do not overlap.
    pub found: Vec<Found>,
    pub events: Vec<String>,
    /// Per entity: what its name says of the person's sex, for "he" and "she".
    pub gender: Vec<Gender>,
    /// Per entity: lowercase words of its role ("president of russia", "ambassador"), from
    /// the registry or from titles met before the name, for "the German chancellor said".
    pub roles: Vec<String>,
    /// Lone capitalised words that nothing in the article marks as a person's name, kept
    /// apart from the entities (attribution never sees them) for the site to judge.
    pub unsure: Vec<Unsure>,
}

impl Recognised {
    pub fn kind(&self, found: &Found) -> EntityKind {
        self.entities[found.entity].kind
    }
}

/// Entity recognition: the registry's names and aliases, the gazetteers, the editor's
/// aliases and runs of capitalised words, in one article.
pub fn recognise(
    text: &str,
    paragraphs: &[Paragraph],
    registry: &Registry,
    aliases: &[(String, String)],
) -> Recognised {
    let finder = EntityFinder::find(text, paragraphs, registry, aliases);
    Recognised {
        entities: finder.entities,
        found: finder.found,
        events: finder.events,
        gender: finder.gender,
        roles: finder.roles,
        unsure: finder.unsure,
    }
}

/// The work of recognition in one article: the entities so far, and what finding the next
/// ones needs.
struct EntityFinder<'a> {
    text: &'a str,
    entities: Vec<Entity>,
    found: Vec<Found>,
    events: Vec<String>,
    gender: Vec<Gender>,
    roles: Vec<String>,
    /// Per entity: seen with a title, beside a reporting verb, in full, or in a list.
    strong: Vec<bool>,
    /// Per entity: met where a capitalised word may be a common one (at a sentence's start,
    /// or written in lower case elsewhere in the article).
    common: Vec<bool>,
    unsure: Vec<Unsure>,
    /// Registry id → lowercase role and affiliation.
    registry_roles: &'a HashMap<String, String>,
    by_key: FxHashMap<(EntityKind, String), usize>,
    /// The last words of the people named in more than one word so far, for `is_surname`.
    surnames: FxHashSet<String>,
    /// The entities of a surname said after an honorific, whose sex that honorific tells.
    by_honorific: FxHashSet<usize>,
    /// The entities named by a kin word's owner ("Melania Trump" of "Trump's wife, Melania,"):
    /// a surname said alone joins them only where no one else has it.
    by_kin: FxHashSet<usize>,
    /// The first of each couple named with one surname ("Khizr" of "Khizr and Ghazala Khan").
    couples: Vec<usize>,
    /// Titles met between an affiliation and a name, for the name's roles.
    pending_roles: Vec<String>,
    /// A transcript's speaker labels ("WALLACE:" opening a paragraph), by how many paragraphs
    /// each opens.
    labels: FxHashMap<&'a str, usize>,
}

impl<'a> EntityFinder<'a> {
    fn find(text: &'a str, paragraphs: &[Paragraph], registry: &'a Registry, aliases: &[(String, String)]) -> Self {
        let mut finder = EntityFinder {
            text,
            entities: Vec::new(),
            found: Vec::new(),
            events: Vec::new(),
            gender: Vec::new(),
            roles: Vec::new(),
            strong: Vec::new(),
            common: Vec::new(),
            unsure: Vec::new(),
            registry_roles: &registry.roles,
            by_key: FxHashMap::default(),
            surnames: FxHashSet::default(),
            by_honorific: FxHashSet::default(),
            by_kin: FxHashSet::default(),
            couples: Vec::new(),
            pending_roles: Vec::new(),
            labels: speaker_labels(text, paragraphs),
        };
        // Known names first: they claim their tokens. Each pass claims names in the order of
        // the text, none before where the last ended: the claims of one pass are in order and
        // apart, and a claim of another is looked up.
        let words = Occurrences::new(text, paragraphs);
        let mut claimed = claim_registry_names(text, paragraphs, registry);
        claim_gazetteer_names(text, paragraphs, &words, &mut claimed);
        claim_aliases(text, aliases, &mut claimed);
        claimed.sort_by_key(|(s, _, _)| *s);

        let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // paragraph, first token, last token
        for (p, paragraph) in paragraphs.iter().enumerate() {
            let tokens = &paragraph.tokens;
            let mut i = 0;
            while i < tokens.len() {
                // A known name that starts here?
                let start = tokens[i].start;
                let hit = claimed.binary_search_by_key(&start, |(s, _, _)| *s).ok();
                if let Some(h) = hit {
                    let (_, end, known) = claimed[h].clone();
                    let last = tokens[i..].iter().position(|t| t.end >= end).map_or(i, |k| i + k);
                    let titled = i > 0 && is_title_token(text, &tokens[i - 1]);
                    let title = titled.then(|| text[tokens[i - 1].start..tokens[i - 1].end].to_lowercase());
                    finder.add_known(known, p, i, last, Span { start, end });
                    if let (Some(title), Some(found)) = (title, finder.found.last()) {
                        let entity = found.entity;
                        finder.add_role(entity, &title);
                    }
                    i = last + 1;
                    continue;
                }
                if !is_capitalised_word(text, &tokens[i]) {
                    i += 1;
                    continue;
                }
                let mut j = i;
                // A possessive ends a name: "Casper's Parkway Plaza" is not one.
                while j + 1 < tokens.len() && !is_possessive(&text[tokens[j].start..tokens[j].end]) {
                    let step = if continues_name(text, tokens, j + 1) {
                        1
                    } else if let Some(step) = joins_organisation(text, tokens, i, j) {
                        step // "University of Michigan", "Center for American Progress"
                    } else if let Some(step) = joins_over_and(text, tokens, i, j) {
                        step // "House Oversight and Government Reform Committee"
                    } else if joins_over_ampersand(text, tokens, j) {
                        2 // "Compass Point Research & Trading", "Bailey & Glasser"
                    } else if nickname_after(text, tokens, j) {
                        4 // Marcia "Cia" Price
                    } else {
                        break;
                    };
                    if claimed.binary_search_by_key(&tokens[j + step].start, |(s, _, _)| *s).is_ok() {
                        break;
                    }
                    j += step;
                }
                runs.push((p, i, j));
                i = j + 1;
            }
        }
        // Asked only of paragraphs with a run of three words or more, once each.
        let mut headlines: Vec<Option<bool>> = vec![None; paragraphs.len()];
        for (p, first, last) in runs.iter().copied() {
            let headline =
                last > first && *headlines[p].get_or_insert_with(|| is_headline(text, &paragraphs[p].tokens));
            let (first, last) = if headline {
                let Some(name) = headline_name(text, &paragraphs[p].tokens, first, last, &words) else { continue };
                name
            } else {
                (first, last)
            };
            finder.add_run(&paragraphs[p], p, first, last, &words);
        }
        finder.resolve_single_names();
        finder.found.sort_by_key(|f| f.span.start);
        finder
    }

    fn entity(&mut self, kind: EntityKind, name: &str, registry_id: Option<String>) -> usize {
        let key = (kind, registry_id.clone().unwrap_or_else(|| name.to_lowercase()));
        match self.by_key.get(&key) {
            Some(&index) => index,
            None => self.new_entity(key, kind, name, registry_id),
        }
    }

    /// A new entity, found again by `key`.
    fn new_entity(
        &mut self,
        key: (EntityKind, String),
        kind: EntityKind,
        name: &str,
        registry_id: Option<String>,
    ) -> usize {
        self.entities.push(Entity { kind, name: name.to_string(), registry_id: registry_id.clone() });
        if kind == EntityKind::Person
            && let Some((_, surname)) = name.rsplit_once(' ')
        {
            self.surnames.insert(surname.to_string());
        }
        let first = name.split_whitespace().next().unwrap_or("");
        self.roles.push(String::new());
        // A name of one word that is as often a surname tells no sex: "Clinton" alone is
        // more likely Hillary than a man named Clinton.
        let lone_surname = !name.contains(' ') && lexicon::is_surname_too(first);
        self.gender.push(match kind {
            EntityKind::Person if lone_surname => Gender::Unknown,
            // A name given to both sexes alike ("Leslie", "Kerry") tells neither.
            EntityKind::Person => match (lexicon::is_female_name(first), lexicon::is_male_name(first)) {
                (true, false) => Gender::Female,
                (false, true) => Gender::Male,
                _ => Gender::Unknown,
            },
            _ => Gender::None,
        });
        // Known names are people for sure; a lone capitalised word only once something says so.
        self.strong.push(registry_id.is_some() || kind != EntityKind::Person);
        self.common.push(false);
        self.by_key.insert(key, self.entities.len() - 1);
        self.entities.len() - 1
    }

    /// A person named by a surname alone after an honorific of sex `sex`: one entity per name
    /// and sex, apart from the name said without one.
    fn entity_of_sex(&mut self, name: &str, sex: Gender) -> usize {
        let key = (EntityKind::Person, format!("{}\u{0}{sex:?}", name.to_lowercase()));
        if let Some(&index) = self.by_key.get(&key) {
            return index;
        }
        let index = self.new_entity(key, EntityKind::Person, name, None);
        self.gender[index] = sex;
        self.by_honorific.insert(index);
        index
    }

    fn add_role(&mut self, entity: usize, words: &str) {
        let role = &mut self.roles[entity];
        // A role past MAX_ROLE_BYTES takes no more words: else a name met beside new words each
        // time ("Xyz Secretary Bob Smith", "Abc Secretary Bob Smith", …) would grow a role
        // that every later look-up reads whole, quadratic in the article's length.
        if role.len() < MAX_ROLE_BYTES && !role.contains(words) {
            role.push(' ');
            role.push_str(words);
        }
    }

    fn add_known(&mut self, known: Known, paragraph: usize, first: usize, last: usize, span: Span) {
        let entity = match known {
            Known::Person { id, name } => {
                let id = (!id.is_empty()).then_some(id);
                let entity = self.entity(EntityKind::Person, &name, id.clone());
                self.strong[entity] = true; // named in the registry or by an editor
                if let Some(role) = id.as_ref().and_then(|id| self.registry_roles.get(id)) {
                    let role = role.clone();
                    self.add_role(entity, &role);
                }
                entity
            }
            Known::Organisation(name) => self.entity(EntityKind::Organisation, &name, None),
            Known::Place(name) | Known::City(name, _) => self.entity(EntityKind::Place, &name, None),
            Known::Event { id } => {
                if !self.events.contains(&id) {
                    self.events.push(id);
                }
                return;
            }
        };
        self.found.push(Found { span, entity, paragraph, first, last });
    }

    /// A run of capitalised words: strip what is not the name, then decide what it names.
    fn add_run(&mut self, paragraph: &Paragraph, p: usize, first: usize, last: usize, counts: &Occurrences) {
        let tokens = &paragraph.tokens;
        let text = self.text;
        let word = |k: usize| &text[tokens[k].start..tokens[k].end];
        // A run cut before its end ("Conference of Presidents of" before a title) ends on a
        // name's word, never on a joint.
        let mut last = last;
        // Nor on a role: "the former Hewlett-Packard CEO" names the company, not a person.
        while last > first
            && (is_organisation_joint(word(last)) || matches!(word(last), "the" | "&") || is_trailing_role(word(last)))
        {
            last -= 1;
        }
        // "(R-Utah)", "(D-Newport News)": a party and a state or district, no one's name.
        if is_party_tag(word(first)) {
            return;
        }
        // "Elizabeth Warren-style", "Lindsey Graham-type": a word that describes something else.
        if is_compound_modifier(word(last)) {
            return;
        }
        // A court case's parties ("Brown v. Board of Education") name the case, no one.
        let versus =
            |k: usize| tokens.get(k).is_some_and(|t| matches!(&text[t.start..t.end], "v." | "v" | "vs." | "vs"));
        let full_stop = |k: usize| tokens.get(k).is_some_and(|t| &text[t.start..t.end] == ".");
        let after_versus =
            (first >= 1 && versus(first - 1)) || (first >= 2 && full_stop(first - 1) && versus(first - 2));
        if after_versus || versus(last + 1) {
            return;
        }
        let mut start = first;
        let mut titled = first > 0 && is_title_token(text, &tokens[first - 1]);
        // "Chief of Staff Rahm Emanuel", "Supervisor of Elections Susan Bucher": after a title
        // and "of", the words up to a first name (or all but the last two) end the title.
        let title_of = |from: usize| {
            let after_title = from >= 2
                && word(from - 1).eq_ignore_ascii_case("of")
                && lexicon::is_title(word(from - 2))
                && last >= from + 2
                && !(from..=last).any(|k| lexicon::is_organisation_word(word(k)) || lexicon::is_place_word(word(k)));
            after_title.then(|| (from + 1..last).find(|&k| lexicon::is_first_name(word(k))).unwrap_or(last - 1))
        };
        if let Some(name) = title_of(first) {
            start = name;
            titled = true;
        }
        // "South Korean-born Monte Haines": what describes the person ends with the modifier.
        if let Some(m) = (start..last).rev().find(|&k| is_compound_modifier(word(k))) {
            start = m + 1;
        }
        // Titles and demonyms that qualify an organisation are its name: "Justice Department",
        // "Foreign Ministry", "Labour Party"; and a place's, right before its word: "National
        // Mall" (but "President Park" is a person).
        // The first word from `from` on that is neither is the same for every `from` up to it:
        // kept, so that a long run of titles is read once, not once per title.
        let mut body: Option<usize> = None;
        let mut names_body = |from: usize| {
            let at = body.filter(|&b| b >= from).unwrap_or_else(|| {
                (from..=last)
                    .find(|&k| {
                        let w = strip_possessive(word(k));
                        !lexicon::is_title(w) && !lexicon::is_demonym(w)
                    })
                    .unwrap_or(last + 1)
            });
            body = Some(at);
            // The body's word first or last: "Labour Party", "Conservative Solutions PAC".
            at <= last
                && (lexicon::is_organisation_word(strip_possessive(word(at)))
                    || lexicon::is_organisation_word(strip_possessive(word(last)))
                    || (lexicon::is_place_word(strip_possessive(word(at)))
                        && at > from
                        && lexicon::is_title_qualifier(word(at - 1))))
        };
        while start <= last {
            let w = word(start);
            // "Said Comey", "Continued Stone": a reporting verb that opens the sentence.
            let cue = start == first
                && start < last
                && sentence_start(text, tokens, start)
                && lexicon::is_cue(&w.to_lowercase());
            // "New" opens a name before another word ("New York City Police Department").
            let new = w == "New" && start < last;
            // "Mr. King", "Ms. Price": after an honorific the word is a surname, a title's
            // word or not ("Mr. President" stays an address).
            let surname = start > first
                && lexicon::is_honorific(word(start - 1))
                && !lexicon::is_address(strip_possessive(w))
                && w.len() > 1;
            if surname {
                break;
            }
            // "Rival Hillary Clinton had mocked…": a word that opens the sentence before a first
            // name and a surname describes the person; it is not their name. So does a long or
            // hyphenated word shaped like a role before any name ("Actress Rosario Dawson",
            // "Co-anchor Norah O'Donnell").
            let first_name = |w: &str| lexicon::is_first_name(w);
            let describes = start == first
                && start + 2 <= last
                && sentence_start(text, tokens, start)
                && !first_name(w)
                && !self.surnames.contains(strip_possessive(w))
                && ((first_name(word(start + 1))
                    && (counts.has_lower_case(w) || lexicon::is_unnamed_head(&w.to_lowercase()) || is_agent_noun(w)))
                    || (is_agent_noun(w) && (w.contains('-') || w.len() >= 6)));
            if describes {
                start += 1;
                continue;
            }
            // "Will Cruz's gambit work?": the verb that opens a question, not a first name.
            let asks = start == first
                && start < last
                && w == "Will"
                && sentence_start(text, tokens, start)
                && sentence_asks(text, tokens, last);
            // "Calls Trump’s Putin Remarks ‘Troubling’": a headline's verb; "Shanghai-based
            // Hurun Report": a word that describes.
            let verb = start < last && lexicon::is_headline_verb(w);
            let modifier = start < last && is_compound_modifier(w);
            if (lexicon::is_not_name(strip_possessive(w)) && !new)
                || is_contraction(w)
                || cue
                || asks
                || verb
                || modifier
            {
                // A title counts only right before the name: "Justice Against Sponsors of
                // Terrorism Act" names no justice.
                titled = false;
                start += 1;
            } else if ((lexicon::is_title(w) || lexicon::is_demonym(strip_possessive(w)))
                && !self.is_surname(strip_possessive(w), first == last))
                && !names_body(start)
            {
                titled |= lexicon::is_title(w);
                start += 1;
            } else {
                break;
            }
        }
        // Nor does a name open on a joint the words before it left: "Campaign for Trump says".
        while start <= last && (is_organisation_joint(word(start)) || matches!(word(start), "and" | "the" | "&")) {
            start += 1;
        }
        if start > last {
            return;
        }
        // The same inside the run: "Chief Of Staff Rahm Emanuel".
        if let Some(name) = title_of(start).filter(|_| start > first) {
            start = name;
            titled = true;
        }
        // "Maricopa County Recorder Helen Purcell", "House Speaker Paul Ryan": an affiliation,
        // then the person. The affiliation is a run of its own; the titles between are roles.
        let run: Vec<&str> = (start..=last).map(|k| strip_possessive(word(k))).collect();
        if let Some(at) = person_after_affiliation(&run) {
            let mut prefix_end = start + at;
            while prefix_end > start && lexicon::is_title(word(prefix_end - 1)) {
                prefix_end -= 1;
            }
            // The affiliation counts when it names an organisation or a place; "Retired" or
            // "PolitiFact" alone would be taken for a person, and is left a role.
            let prefix = &run[..prefix_end - start];
            if prefix.iter().any(|w| lexicon::is_organisation_word(w) || lexicon::is_place_word(w)) {
                self.add_run(paragraph, p, start, prefix_end - 1, counts);
            } else {
                for k in start..prefix_end {
                    self.pending_roles.push(word(k).to_lowercase());
                }
            }
            for k in prefix_end..start + at {
                titled = true;
                let title = word(k).to_lowercase();
                self.pending_roles.push(title);
            }
            start += at;
        }
        let words: Vec<&str> = (start..=last)
            .filter(|&k| !is_nickname(tokens, start, last, k) || word(k) == "&")
            .map(|k| strip_possessive(word(k)))
            .collect();
        if words.is_empty() {
            return;
        }
        // One word after a title that only qualifies another ("Labor Day", "Foreign Relations",
        // "Presidential Debates") is no titled name: a person's title stands right before it.
        if words.len() == 1 && start > first && lexicon::is_title_qualifier(word(start - 1)) {
            titled = false;
        }
        let name = words.join(" ");
        let end = tokens[last].start + words[words.len() - 1].len();
        let span = Span { start: tokens[start].start, end };
        // A name ends on what it is: "Bank of America Stadium" is a place, "Times Square" too.
        // After a joint the head is what the organisation is of: "Department of State".
        let head = words[words.len() - 1];
        // "Memorial Day", "Election Day": a day, not a place or a person (Doris Day is one).
        if head == "Day" && words.len() >= 2 && !lexicon::is_first_name(words[0]) {
            return;
        }
        // A court's case named by a party: "the Supreme Court's Citizens United decision"; not
        // a body's own decision ("the Justice Department decision", "the FBI ruling").
        if !is_possessive(word(last))
            && tokens.get(last + 1).is_some_and(|t| matches!(&text[t.start..t.end], "decision" | "ruling"))
            && !matches!(
                head,
                "Department"
                    | "Court"
                    | "Commission"
                    | "Committee"
                    | "Board"
                    | "Agency"
                    | "Bureau"
                    | "Council"
                    | "Office"
                    | "Administration"
                    | "Authority"
                    | "Service"
            )
        {
            return;
        }
        // A legal ending left alone after the name it ends ("Breitbart News LLC", where the
        // gazetteer took the name) is no organisation of its own.
        if let ["LLC" | "PLC" | "LLP" | "Inc." | "Ltd."] = words[..] {
            return;
        }
        // "a super PAC": what the body is, no name; "super PAC Correct the Record": the name after it.
        if let ["Super", "PAC" | "PACs"] = words[..] {
            return;
        }
        if words.len() >= 2 && matches!(words[0], "PAC" | "Pac") {
            self.add_run(paragraph, p, start + 1, last, counts);
            return;
        }
        let joint_before = words.len() >= 2 && is_organisation_joint(words[words.len() - 2]);
        // A place the gazetteer knows, left to this run by a longer name around it ("South
        // Carolina" of "South Carolina Democratic Party Chairman Jaime Harrison"), or a part
        // of one ("South Bronx", "Upper Manhattan").
        let part = words.len() == 2 && is_direction(words[0]) && known_place(text, tokens[last].start, end).is_some();
        let known_place = known_place(text, span.start, end).or_else(|| part.then(|| name.clone()));
        let name = known_place.clone().unwrap_or(name);
        // "Michael Bay", "Jerry Hall": a first name before a place's word that is also a
        // surname is a person's ("Charlotte Street" stays a place).
        let given_first = words.len() >= 2 && matches!(head, "Bay" | "Hall" | "Hill" | "Park" | "Beach" | "Lake") && {
            let given = words[words.len() - 2];
            lexicon::is_first_name(given)
        };
        // "Maricopa County Recorder", "Clark County Coroner": a place's office, its title
        // before a name the run did not reach, no place.
        let office = matches!(
            head,
            "Sheriff"
                | "Recorder"
                | "Coroner"
                | "Supervisor"
                | "Magistrate"
                | "Clerk"
                | "Assessor"
                | "Treasurer"
                | "Auditor"
        );
        if office && words.len() >= 2 && words[..words.len() - 1].iter().any(|w| lexicon::is_place_word(w)) {
            return;
        }
        // A town before its state's abbreviation: "a rally in Kenansville, N.C." (in capitals,
        // a dateline's, below).
        let of_state = !titled
            && words.len() <= 3
            && words.iter().any(|w| w.chars().any(char::is_lowercase))
            && !lexicon::is_first_name(words[0])
            && text[end..].strip_prefix(", ").and_then(lexicon::state_abbreviation_at).is_some();
        let kind = if known_place.is_some()
            || of_state
            || (lexicon::is_place_word(head) && !lexicon::is_organisation_word(head) && !joint_before && !given_first)
        {
            EntityKind::Place
        } else if words.iter().any(|w| lexicon::is_organisation_word(w) || *w == "&") {
            EntityKind::Organisation
        } else if words.iter().any(|w| lexicon::is_place_word(w))
            // "President Park Geun-hye", "Park Geun-hye said": a place's word inside a name
            // that a title or a reporting verb says is a person's.
            && !titled
            && !given_first
            && !next_to_cue(text, tokens, start, last)
        {
            EntityKind::Place
        } else if self.is_speaker_label(tokens, start, last, counts) {
            // "WALLACE: …" in a transcript: a person.
            let entity = self.add_in_capitals(EntityKind::Person, &words, tokens, p, start, last);
            self.strong[entity] = true;
            return;
        } else if self.is_dateline(tokens, p, start, last) {
            // "FORT PIERCE, Fla. -": the place of a dateline.
            self.add_in_capitals(EntityKind::Place, &words, tokens, p, start, last);
            return;
        } else if !titled && start > 0 && lexicon::is_outlet_noun(word(start - 1)) {
            // "the news site Pando said", "the website Politco says": a publication.
            EntityKind::Organisation
        } else if words.len() == 1 && is_acronym(words[0]) {
            // A word in capitals that the article also writes as a word ("PENCE" beside
            // "Pence", "SAVE" beside "save") is shouted, not an acronym.
            let lower = words[0].to_lowercase();
            if !words[0].contains('.') && (counts.occurs(&lower, 1) || counts.occurs(&capitalise(&lower), 1)) {
                return;
            }
            // "O.K.", "NAFTA", "FDR", "OH": capitals of no body.
            if lexicon::is_not_organisation_acronym(words[0]) {
                return;
            }
            EntityKind::Organisation
        } else if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            return; // "F-22", "Route 66": not a name
        } else if words.len() == 1
            && (lexicon::is_deity(words[0])
                || is_people_of_a_place(words[0])
                || self.is_family(words[0], start > 0 && word(start - 1) == "the"))
        {
            return; // "God"; "Iowans", "Ohioans"; "the Clintons": a people, a family
        } else if lexicon::is_group_ending(words[words.len() - 1])
            || (words.len() >= 2 && lexicon::is_thing_ending(words[words.len() - 1]))
        {
            return; // "Central European", "Sunni Muslims": a group, nobody; "Super Bowl": a thing
        } else if words.len() >= 2 && matches!(head, "Show" | "Podcast" | "Hour" | "File" | "Debate" | "Debates") {
            return; // "The Steve Harvey Morning Show", "The Kelly File", "Presidential Candidates Debate": nobody
        } else if words.len() == 2 && matches!(words[0], "Morning" | "Evening" | "Tonight" | "Today") {
            return; // "Morning Joe": a programme, nobody
        } else {
            EntityKind::Person
        };
        // A lone capitalised word that the article also writes in lower case ("Analysts
        // said", "Accept") is a word at the start of a sentence, not a name.
        let common_word = words.len() == 1
            && (counts.has_lower_case(words[0])
                || lexicon::is_cue(&words[0].to_lowercase())
                || (sentence_start(text, tokens, start) && !counts.occurs(words[0], 2)));
        // The same for a lone word that is itself what makes a run an organisation or a place
        // ("Talks were held" beside "the talks"), unless it is spoken of as one body: "the
        // Times wrote", "Police say".
        let the_before = start > 0 && word(start - 1).eq_ignore_ascii_case("the");
        if common_word
            && kind != EntityKind::Person
            && !is_acronym(words[0])
            && !the_before
            && !next_to_cue(text, tokens, start, last)
        {
            return;
        }
        // A name that is the whole of a quotation ("Miss Piggy" in marks) is a nickname or a
        // title: no one's name.
        let quoted = first > 0
            && tokens[first - 1].kind == TokenKind::Open
            && tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Close);
        if kind == EntityKind::Person && quoted {
            return;
        }
        // "David and Charles Koch", "Bill and Hillary Clinton": a first name before "and" and a
        // full name shares its surname; not one already met by that first name ("Hillary and
        // Tim Kaine" names Hillary Clinton).
        let given = || {
            lexicon::is_first_name(words[0])
                && !self
                    .entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Person && e.name.split_once(' ').is_some_and(|(f, _)| f == words[0]))
        };
        let couple = (kind == EntityKind::Person && words.len() == 1 && start == first)
            .then(|| shared_surname(text, tokens, last))
            .flatten()
            .filter(|surname| {
                *surname != words[0]
                    && !self.surnames.contains(words[0])
                    && (given() || after_family_word(text, tokens, start))
            });
        // "Trump’s wife, Melania,", "Clinton's husband, Bill,": the first name of someone of
        // the family whose surname owns the kin word.
        let kin = (couple.is_none() && kind == EntityKind::Person && words.len() == 1 && start == first)
            .then(|| kin_surname(text, tokens, start, last))
            .flatten()
            // Not a first name's, unless the article has met it as a surname: "Erica’s
            // mother, Dawn," is no Dawn Erica; "Clinton’s husband, Bill," after Hillary
            // Clinton is Bill Clinton.
            .filter(|surname| {
                let first_name = lexicon::is_first_name(surname);
                *surname != words[0] && (!first_name || self.surnames.contains(*surname))
            });
        let couple = couple.or(kin);
        let name = match couple {
            Some(surname) => format!("{name} {surname}"),
            None => name,
        };
        let strong = kind != EntityKind::Person
            || titled
            || couple.is_some()
            || (words.len() >= 2 && signs_of_a_person(text, tokens, first, last, words[0], counts))
            // "the parents, Khizr and Ghazala Khan": the second of a family's two.
            || (words.len() == 2
                && start >= 2
                && word(start - 1) == "and"
                && after_family_word(text, tokens, start - 2))
            || (words.len() == 1 && set_off_after_role(text, tokens, start, last))
            || (next_to_cue(text, tokens, start, last) && !common_word);
        // "Mrs. Clinton" and "Mr. Clinton" are two people: a surname alone after an honorific
        // is an entity of that sex, apart from the same word said with another.
        let sex = (kind == EntityKind::Person && words.len() == 1 && start > first)
            .then(|| honorific_sex(word(start - 1)))
            .flatten();
        let entity = match sex {
            Some(sex) => self.entity_of_sex(&name, sex),
            None => self.entity(kind, &name, None),
        };
        if strong {
            self.strong[entity] = true;
        }
        if kin.is_some() {
            self.by_kin.insert(entity);
        } else if couple.is_some() {
            self.couples.push(entity);
        }
        if common_word && couple.is_none() {
            self.common[entity] = true;
        }
        for k in first..start {
            let title = word(k).to_lowercase();
            self.add_role(entity, &title);
        }
        for title in std::mem::take(&mut self.pending_roles) {
            self.add_role(entity, &title);
        }
        self.found.push(Found { span, entity, paragraph: p, first: start, last });
    }

    /// Whether the words `start..=last` are a transcript's label for who speaks: in capitals,
    /// opening their paragraph (after a quotation mark at most) before a colon, and either
    /// opening two paragraphs or more or written as a name elsewhere ("PENCE:" beside "Mike
    /// Pence"). "UPDATE:" and the like are not.
    fn is_speaker_label(&self, tokens: &[Token], start: usize, last: usize, counts: &Occurrences) -> bool {
        let text = self.text;
        let Some(label) = label_at(text, tokens, start) else { return false };
        if tokens[last].end != label.len() + tokens[start].start {
            return false;
        }
        let named = label.split_whitespace().all(|w| counts.occurs(&capitalise(&w.to_lowercase()), 1));
        self.labels.get(label).is_some_and(|&n| n >= 2) || named
    }

    /// A name written in capitals (`words`, tokens `start..=last`), as an entity of `kind`
    /// named as the rest of the site writes it ("WALLACE" is Wallace, "FORT PIERCE" Fort Pierce).
    fn add_in_capitals(
        &mut self,
        kind: EntityKind,
        words: &[&str],
        tokens: &[Token],
        p: usize,
        start: usize,
        last: usize,
    ) -> usize {
        let name = words.iter().map(|w| capitalise(&w.to_lowercase())).collect::<Vec<_>>().join(" ");
        let entity = self.entity(kind, &name, None);
        let span = Span { start: tokens[start].start, end: tokens[last].end };
        self.found.push(Found { span, entity, paragraph: p, first: start, last });
        entity
    }

    /// Whether the words `start..=last` are a dateline's place: in capitals, opening the
    /// paragraph, before a comma and a state ("FORT PIERCE, Fla.") or a place the article names.
    fn is_dateline(&self, tokens: &[Token], p: usize, start: usize, last: usize) -> bool {
        let text = self.text;
        let capitals = |t: &Token| {
            let w = &text[t.start..t.end];
            w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '-' || c == '\'')
        };
        let comma = || tokens.get(last + 1).is_some_and(|t| &text[t.start..t.end] == ",");
        // Asked last: the known places are read back for it.
        let state = || {
            tokens.get(last + 2).is_some_and(|t| {
                lexicon::state_abbreviation_at(&text[t.start..]).is_some()
                    || self.found.iter().rev().any(|f| {
                        f.paragraph == p && f.first == last + 2 && self.entities[f.entity].kind == EntityKind::Place
                    })
            })
        };
        // "MIAMI — Donald Trump…", "ROME - Bernie Sanders met…": the dash of a dateline.
        let dash = || {
            tokens.get(last + 1).is_some_and(|t| {
                matches!(&text[t.start..t.end], "\u{2014}" | "\u{2013}" | "-") && t.start == tokens[last].end + 1
            })
        };
        // Only for a place the gazetteer knows: a headline in capitals ends on a dash too.
        let known = || {
            let words: Vec<String> =
                tokens[start..=last].iter().map(|t| capitalise(&text[t.start..t.end].to_lowercase())).collect();
            let name = words.join(" ");
            GAZETTEER.0.at(&name, 0).is_some_and(|(end, pattern)| {
                end == name.len() && matches!(GAZETTEER.1[pattern], Known::Place(_) | Known::City(..))
            })
        };
        start == 0 && tokens[start..=last].iter().all(capitals) && ((dash() && known()) || (comma() && state()))
    }

    /// Whether `word`, after "the", names a family by the surname of a person met before:
    /// "the Clintons", "the Khans".
    fn is_family(&self, word: &str, after_the: bool) -> bool {
        after_the
            && [word.strip_suffix('s'), word.strip_suffix("es")]
                .into_iter()
                .flatten()
                .any(|s| self.surnames.contains(s))
    }

    /// A word alone that is the surname of a person met before ("Cuban said", after "Mark
    /// Cuban"), not the adjective it also is.
    fn is_surname(&self, word: &str, alone: bool) -> bool {
        alone && self.surnames.contains(word)
    }

    /// "Putin" → "Vladimir Putin" where the article names him in full; lone words that
    /// match nobody are dropped unless something marked them as a person.
    fn resolve_single_names(&mut self) {
        // A surname (or a first name) said alone joins the first full name that has it: the
        // first and last words of every full name, each to the first full name it is in.
        // A surname said after an honorific joins the first full name of a sex that fits:
        // "Mrs. Clinton" is Hillary Clinton even where the article names Bill Clinton first, and
        // no one's where it names only him.
        let mut full: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (f, entity) in self.entities.iter().enumerate() {
            if entity.kind == EntityKind::Person && entity.name.contains(' ') {
                let mut words = entity.name.split_whitespace();
                for word in [words.next(), words.next_back()].into_iter().flatten() {
                    let people = full.entry(word).or_default();
                    if !people.contains(&f) {
                        people.push(f);
                    }
                }
            }
        }
        for people in full.values_mut() {
            people.sort_by_key(|f| self.by_kin.contains(f));
        }
        // "Mr. Khan" and "Ms. Khan" beside a couple named with one surname whose first names
        // tell no sex ("the parents, Khizr and Ghazala Khan"): one is each, the man first, as
        // a couple is most often written.
        for &man in &self.couples {
            let Some((_, surname)) = self.entities[man].name.rsplit_once(' ') else { continue };
            let named = |f: usize| {
                let e = &self.entities[f];
                e.kind == EntityKind::Person && e.name.rsplit_once(' ').is_some_and(|(_, s)| s == surname)
            };
            let said_as = |sex: Gender| {
                self.by_honorific.iter().any(|&h| self.gender[h] == sex && self.entities[h].name == surname)
            };
            let Some(woman) = (man + 1..self.entities.len()).find(|&f| named(f)) else { continue };
            if self.gender[man] == Gender::Unknown
                && self.gender[woman] == Gender::Unknown
                && said_as(Gender::Male)
                && said_as(Gender::Female)
            {
                self.gender[man] = Gender::Male;
                self.gender[woman] = Gender::Female;
            }
        }
        // The middle word of a name of three is a surname too ("Basáñez" of Miguel Basáñez
        // Ebergenyi, "Rodham" of Hillary Rodham Clinton), after the names it opens or ends;
        // of a name that something already marks as a person's ("Taj" alone makes no person
        // of "Trump Taj Mahal").
        for (f, entity) in self.entities.iter().enumerate() {
            let mut words = entity.name.split(' ');
            if entity.kind == EntityKind::Person
                && self.strong[f]
                && let (Some(_), Some(middle), Some(_), None) = (words.next(), words.next(), words.next(), words.next())
                && !is_middle_initial(middle)
                && middle.starts_with(char::is_uppercase)
            {
                let people = full.entry(middle).or_default();
                if !people.contains(&f) {
                    people.push(f);
                }
            }
        }
        let fits = |lone: usize, named: usize| {
            !self.by_honorific.contains(&lone)
                || !matches!(
                    (self.gender[lone], self.gender[named]),
                    (Gender::Female, Gender::Male) | (Gender::Male, Gender::Female)
                )
        };
        // After an honorific the word is a surname, most often the last of the full name
        // (before "Trump Revealed", a book's title, comes Ivana Trump for "Ms. Trump"), and
        // of the same sex.
        let rank = |lone: usize, named: usize| {
            let last = self.entities[named].name.rsplit(' ').next() == Some(self.entities[lone].name.as_str());
            (!last, self.gender[named] != self.gender[lone])
        };
        // An organisation named by the end of a longer name the article gives one
        // organisation before ("Nightly News" after "NBC Nightly News", "Tax Policy Center"
        // after "Urban-Brookings Tax Policy Center") is that one; not a name met first and then
        // in a longer run ("Breitbart News", then "Follow Breitbart News on Twitter").
        let mut first_met = vec![usize::MAX; self.entities.len()];
        for found in &self.found {
            first_met[found.entity] = first_met[found.entity].min(found.span.start);
        }
        // Looked up by last word, so that an article of many organisations is not read
        // all against all.
        let mut organisations: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, entity) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Organisation) {
            let last = entity.name.rsplit([' ', '-']).next().unwrap_or("");
            organisations.entry(last).or_default().push(i);
        }
        let longer = |shorter: usize| {
            let name = self.entities[shorter].name.as_str();
            let last = name.rsplit([' ', '-']).next().unwrap_or("");
            let same_end = organisations.get(last).map_or(&[][..], Vec::as_slice);
            let mut ends = same_end.iter().copied().filter(|&o| {
                let other = &self.entities[o].name;
                other.len() > name.len() + 1
                    && other.ends_with(name)
                    && matches!(other.as_bytes()[other.len() - name.len() - 1], b' ' | b'-')
                    && first_met[o] < first_met[shorter]
            });
            ends.next().filter(|_| ends.next().is_none())
        };
        // "Peabody said" after "Peabody Energy": an organisation called by its first word, where
        // that word is no one's name in the article, nor a first name, nor said after "Mr.".
        let mut opened_by: FxHashMap<&str, Option<usize>> = FxHashMap::default();
        for (o, entity) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Organisation) {
            if let Some((first, _)) = entity.name.split_once(' ') {
                let slot = opened_by.entry(first).or_insert(Some(o));
                if *slot != Some(o) {
                    *slot = None; // two organisations open with it: say neither
                }
            }
        }
        let organisation_of = |lone: usize, word: &str| {
            let first_name = lexicon::is_first_name(word);
            (!first_name && !self.by_honorific.contains(&lone))
                .then(|| opened_by.get(word).copied().flatten())
                .flatten()
        };
        let mut target: Vec<Option<usize>> = (self.entities.iter().enumerate())
            .map(|(i, e)| match e.kind {
                EntityKind::Person if !e.name.contains(' ') => match full.get(e.name.as_str()) {
                    Some(people) => {
                        let fitting = people.iter().copied().filter(|&f| fits(i, f));
                        if self.by_honorific.contains(&i) {
                            fitting.min_by_key(|&f| rank(i, f))
                        } else {
                            fitting.into_iter().next()
                        }
                    }
                    None => organisation_of(i, &e.name),
                },
                EntityKind::Organisation => longer(i),
                _ => None,
            })
            .collect();
        // A surname after an honorific that no full name fits is the same word said alone,
        // where that one is no one else's either: "Mr. Obama" and "Obama", one person.
        for &i in &self.by_honorific {
            let plain = self.by_key.get(&(EntityKind::Person, self.entities[i].name.to_lowercase())).copied();
            if target[i].is_none()
                && let Some(plain) = plain.filter(|&plain| target[plain].is_none())
            {
                target[i] = Some(plain);
            }
        }
        // A full name whose surname the article uses alone is a person's ("Grynkewich said").
        for t in target.iter().flatten() {
            self.strong[*t] = true;
        }
        let keep: Vec<bool> = (0..self.entities.len()).map(|i| target[i].is_none() && self.strong[i]).collect();
        // A lone word dropped for want of a sign, never met where it may be a common word,
        // may still be the surname of someone the site names in full ("that Obama should be
        // hanged"); a full name dropped so may be someone another article names with a sign
        // ("the death of Terence Crutcher in Tulsa" beside "40-year-old Terence Crutcher"):
        // kept aside for the site to say.
        for (i, entity) in self.entities.iter().enumerate() {
            let person = entity.kind == EntityKind::Person && entity.registry_id.is_none();
            if person && !keep[i] && target[i].is_none() && !self.common[i] {
                let spans = self.found.iter().filter(|f| f.entity == i).map(|f| f.span).collect();
                self.unsure.push(Unsure { name: entity.name.clone(), spans });
            }
        }
        let mut remap: Vec<Option<usize>> = vec![None; self.entities.len()];
        let mut entities = Vec::new();
        let mut gender = Vec::new();
        let mut roles = Vec::new();
        for i in 0..self.entities.len() {
            if keep[i] {
                remap[i] = Some(entities.len());
                entities.push(self.entities[i].clone());
                gender.push(self.gender[i]);
                roles.push(self.roles[i].clone());
            }
        }
        self.strong = vec![true; entities.len()];
        for i in 0..self.entities.len() {
            if let Some(t) = target[i] {
                remap[i] = remap[t];
            }
        }
        self.found.retain_mut(|f| match remap[f.entity] {
            Some(e) => {
                f.entity = e;
                true
            }
            None => false,
        });
        self.entities = entities;
        self.gender = gender;
        self.roles = roles;
        self.by_key.clear();
    }
}

/// The sex an honorific before a surname tells: "Mr." a man's, "Mrs.", "Ms.", "Miss" a woman's.
fn honorific_sex(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "Mr" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" => Some(Gender::Female),
        _ => None,
    }
}

/// Where a person's name starts inside a run of capitalised words that opens with an
/// affiliation: after a title ("House Speaker Paul Ryan"), or at a first name after the name
/// of an organisation or a place ("Maricopa County Recorder Helen Purcell").
fn person_after_affiliation(run: &[&str]) -> Option<usize> {
    let plain = |w: &&str| !lexicon::is_title(w) && !lexicon::is_organisation_word(w) && !lexicon::is_place_word(w);
    let mut tail = run.iter().rev().take_while(|w| plain(w)).count();
    // A joint in the tail ("Foundation for Defense of Democracies") keeps the run one name.
    if run[run.len() - tail..].iter().any(|w| is_organisation_joint(w) || *w == "and") {
        return None;
    }
    // "Intelligence Ranking Democrat Dianne Feinstein": a party's word before a full name
    // is a role too.
    while tail > 2 && lexicon::is_demonym(run[run.len() - tail]) {
        tail -= 1;
    }
    let at = run.len() - tail;
    // "Intelligence Republican Mike Pompeo": a committee's word and a party's before a first
    // name and a surname.
    let first_name = |w: &str| lexicon::is_first_name(w);
    if at == 0
        && let Some(party) = run.iter().rposition(|w| lexicon::is_demonym(w))
        && party >= 1
        && (2..=3).contains(&(run.len() - party - 1))
        && first_name(run[party + 1])
    {
        return Some(party + 1);
    }
    if at == 0 || tail == 0 || tail > 3 {
        return None;
    }
    let honorific =
        |w: &str| w.ends_with('.') || matches!(w, "Speaker" | "President" | "Mayor" | "Governor" | "Senator");
    if lexicon::is_title(run[at - 1]) && (tail >= 2 || honorific(run[at - 1])) {
        return Some(at);
    }
    let affiliation = run[..at].iter().any(|w| lexicon::is_organisation_word(w) || lexicon::is_place_word(w));
    let first_name = (at..run.len()).find(|&i| lexicon::is_first_name(run[i]));
    if let Some(first_name) = first_name.filter(|&i| affiliation && (2..=3).contains(&(run.len() - i))) {
        return Some(first_name);
    }
    // A name with a place's word in it after the last title: "South Korean President Park
    // Geun-hye", "Public Advocate Trish James".
    let title = run.iter().rposition(|w| lexicon::is_title(w))?;
    let mut at = title + 1;
    while run.len() - at > 2 && lexicon::is_demonym(run[at]) {
        at += 1;
    }
    let name = &run[at..];
    let plain_name = name.iter().all(|w| !lexicon::is_title(w) && !lexicon::is_organisation_word(w));
    (plain_name && (2..=3).contains(&name.len())).then_some(at)
}

fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let possessive = text[end..].starts_with("'s") || text[end..].starts_with("\u{2019}s");
    before.is_none_or(|c| !c.is_alphanumeric()) && (after.is_none_or(|c| !c.is_alphanumeric()) || possessive)
}

fn is_title_token(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Word && lexicon::is_title(&text[token.start..token.end])
}

/// A line in title case ("Hillary Clinton Sides With George W. Bush On ‘Radical Islam.’"):
/// a headline, a subhead or a link to another story, where verbs are capitalised too.
fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| t.kind == TokenKind::Word && text[t.start..].starts_with(char::is_alphabetic));
    let (mut all, mut capitalised) = (0, 0);
    for token in words {
        all += 1;
        capitalised += usize::from(is_capitalised_word(text, token));
    }
    all >= 4 && capitalised * 5 >= all * 4
}

/// The person a run of capitalised words in a headline names: from a known first name, that
/// name and the next (with an initial between: "George W. Bush"); "Hillary Clinton Sides"
/// is Hillary Clinton. In a list of names ("Kate Malloy Corriveau, Ed Failor Jr., …") the
/// run is the name whole. A run of one word is left as it is; a longer run with
/// no first name in it ("Gorka Slam Neocons") names nobody the headline can tell. A word the
/// article also writes in lower case is no first name: "Museum Will Tell" names no one.
fn headline_name(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    counts: &Occurrences,
) -> Option<(usize, usize)> {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let a_word = |k: usize| counts.has_lower_case(strip_possessive(word(k)));
    let first_name = |k: usize| lexicon::is_first_name(word(k)) && !a_word(k);
    // Two words, one of them a word the article writes in lower case: "Putin Remarks",
    // "Claim Clinton" name Putin and Clinton. Not where the first is a first name ("Julie
    // Pace" beside "the pace") or the last says what the name is ("Trump Tower").
    // In a list of names ("…, Warren Tompkins, Will Folks.") the run is a name whole.
    let separator =
        |k: Option<usize>| k.filter(|&k| k < tokens.len()).is_none_or(|k| matches!(word(k), "," | ";" | ":" | "."));
    let listed = separator(first.checked_sub(1)) && separator(Some(last + 1));
    let title_case = |k: usize| word(k).chars().skip(1).any(char::is_lowercase);
    if last == first + 1 && !listed && title_case(first) && title_case(last) {
        let what = |k: usize| lexicon::is_organisation_word(word(k)) || lexicon::is_place_word(word(k));
        // The other word stands as a name where the article writes it so again.
        let named_again = |k: usize| counts.occurs(strip_possessive(word(k)), 2);
        return match (a_word(first) && !first_name(first), a_word(last) && !what(last)) {
            (true, true) => None,
            (false, true) if !first_name(first) && named_again(first) => Some((first, first)),
            (true, false) if named_again(last) => Some((last, last)),
            // Neither written in lower case, one named again and the other not: "Calls
            // Trump’s Putin Remarks ‘Troubling’" where the article names Putin again.
            // (Not a word shaped like a surname alone: "Reem As-Saba’ee".)
            (false, false) if !first_name(first) && !what(last) && named_again(first) != named_again(last) => {
                let (kept, dropped) = if named_again(first) { (first, last) } else { (last, first) };
                let plain = word(dropped).chars().all(|c| c.is_ascii_alphabetic());
                Some(if plain { (kept, kept) } else { (first, last) })
            }
            (true, false) | (false, true) if !first_name(first) => None,
            _ => Some((first, last)),
        };
    }
    if last - first < 2 {
        return Some((first, last));
    }
    let at = (first..last).find(|&k| first_name(k))?;
    // A reporting verb after a first name is none of the name ("Hillary Asking Moderator").
    // (A surname may be a word too: "Julie Pace" beside "the pace".)
    if lexicon::is_cue(&word(at + 1).to_lowercase()) {
        return Some((at, at));
    }
    let separator =
        |k: Option<usize>| k.filter(|&k| k < tokens.len()).is_none_or(|k| matches!(word(k), "," | ";" | ":"));
    if separator(first.checked_sub(1)) && separator(Some(last + 1)) {
        return Some((at, last));
    }
    let initial = at + 2 <= last && is_middle_initial(word(at + 1));
    Some((at, if initial { at + 2 } else { at + 1 }))
}

/// Whether a nickname in quotation marks follows the first name that ends a run at `last`, and
/// the surname follows it: Marcia "Cia" Price, John “Tig” Tiegen.
fn nickname_after(text: &str, tokens: &[Token], last: usize) -> bool {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    lexicon::is_first_name(word(last))
        && tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Open)
        && tokens.get(last + 2).is_some_and(|t| is_capitalised_word(text, t))
        && tokens.get(last + 3).is_some_and(|t| t.kind == TokenKind::Close)
        && tokens.get(last + 4).is_some_and(|t| is_capitalised_word(text, t) && !lexicon::is_not_name(word(last + 4)))
}

/// Whether token `k` of the run `start..=last` is a nickname inside the name, or its marks: a
/// word between quotation marks, with words of the name on both sides.
fn is_nickname(tokens: &[Token], start: usize, last: usize, k: usize) -> bool {
    let inside = k > start && k < last;
    inside
        && (tokens[k].kind != TokenKind::Word
            || (tokens[k - 1].kind == TokenKind::Open && tokens[k + 1].kind == TokenKind::Close))
}

fn is_middle_initial(word: &str) -> bool {
    word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.')
}

fn is_capitalised_word(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Word && text[token.start..token.end].starts_with(|c: char| c.is_uppercase())
}

/// Whether the token at `k` carries a name on: capitalised, or a particle inside a name.
fn continues_name(text: &str, tokens: &[Token], k: usize) -> bool {
    let token = &tokens[k];
    if token.kind != TokenKind::Word {
        return false;
    }
    // A name does not go on past the end of a line: "…For Abortions" and "Jeb Bush
    // criticized" are a headline and the line below it.
    if k > 0 && text[tokens[k - 1].end..token.start].contains('\n') {
        return false;
    }
    let word = &text[token.start..token.end];
    if word.starts_with(|c: char| c.is_uppercase()) {
        // "Clinton Says Russians Hacked…": a headline's verb ends the name before it.
        return (!lexicon::is_not_name(word) || matches!(word, "New")) && !lexicon::is_headline_verb(word);
    }
    let particle =
        matches!(word, "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "der" | "la" | "le" | "du" | "of");
    particle && tokens.get(k + 1).is_some_and(|t| is_capitalised_word(text, t)) && word != "of"
}

/// Whether the capitalised words from token `k` on go on an organisation's or a site's name: "Times"
/// after "Los Angeles", "Banking Committee" after "Senate", "Air Force Gen." after "U.S.".
/// An organisation's one word opening a name goes on over "and" too: "House Oversight and
/// Government Reform Committee" (`over_and`).
fn opens_organisation(text: &str, tokens: &[Token], mut k: usize, over_and: bool) -> bool {
    let mut organisation = false;
    // Or a site's name, which ends on a place's word: "Massachusetts General Hospital".
    let mut site = false;
    while k < tokens.len() && continues_name(text, tokens, k) {
        let word = &text[tokens[k].start..tokens[k].end];
        organisation |= lexicon::is_organisation_word(strip_possessive(word));
        if is_possessive(word) {
            return organisation;
        }
        // (Not a paper's or a school's: "Arizona Republic", "South Carolina State".)
        site = lexicon::is_place_word(word) && !matches!(word, "Republic" | "State");
        k += 1;
    }
    organisation || site || (over_and && k > 0 && organisation_after_and(text, tokens, k - 1).is_some())
}

/// Whether an organisation's name goes on over "and" (and "the") after token `last`: when
/// at most four capitalised words follow it and end on an organisation's word ("Oversight
/// and Government Reform Committee", "Education and the Workforce Committee"). How many
/// tokens on the next word stands.
fn organisation_after_and(text: &str, tokens: &[Token], last: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| &text[t.start..t.end]);
    if word(last + 1) != Some("and") {
        return None;
    }
    let from = last + 2 + usize::from(word(last + 2) == Some("the"));
    let capitalised = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised_word(text, t));
    let end = (from..from + 4).find(|&k| !capitalised(k)).unwrap_or(from + 4);
    let ends_on_organisation =
        end > from && !capitalised(end) && word(end - 1).is_some_and(lexicon::is_organisation_word);
    ends_on_organisation.then_some(from - last)
}

/// The surname of a full name of two words after "and" right after token `last`, where the
/// first of them is a first name the lexicon knows, or any word after a family's word, and
/// nothing capitalised follows: "David and Charles Koch", "the parents, Khizr and Ghazala Khan".
fn shared_surname<'t>(text: &'t str, tokens: &[Token], last: usize) -> Option<&'t str> {
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| &text[t.start..t.end]);
    // After a family's word any capitalised word is a first name: "the parents, Khizr and
    // Ghazala Khan".
    let family = after_family_word(text, tokens, last);
    let given =
        word(last + 2).filter(|w| lexicon::is_first_name(w) || (family && w.starts_with(char::is_uppercase)))?;
    let surname = word(last + 3).filter(|w| w.starts_with(char::is_uppercase) && !lexicon::is_not_name(w))?;
    let alone = !tokens.get(last + 4).is_some_and(|t| is_capitalised_word(text, t));
    (word(last + 1) == Some("and") && given != surname && alone && !is_possessive(given))
        .then_some(strip_possessive(surname))
}

/// Whether an ampersand after token `last` joins a capitalised word to it: a firm's name.
fn joins_over_ampersand(text: &str, tokens: &[Token], last: usize) -> bool {
    tokens.get(last + 1).is_some_and(|t| &text[t.start..t.end] == "&" && t.start == tokens[last].end + 1)
        && tokens.get(last + 2).is_some_and(|t| {
            let after = &text[t.start..t.end];
            // Not a couple: "Jim & Sarah", "Ann & I".
            is_capitalised_word(text, t)
                && t.start == tokens[last + 1].end + 1
                && after != "I"
                && !lexicon::is_first_name(after)
        })
}

/// How many tokens a run from `first` to `last` goes on over "and" to the rest of an
/// organisation's name: a run of two words or more that opens with an organisation's word or
/// name and is no whole name itself ("House Oversight"; not "FBI" before "and Justice
/// Department", nor "Clinton Foundation" before "and Trump Foundation").
fn joins_over_and(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
    let step = organisation_after_and(text, tokens, last)?;
    let word = |k: usize| strip_possessive(&text[tokens[k].start..tokens[k].end]);
    // Over "and the" only from a name that is not whole yet ("House Education and the
    // Workforce Committee"): "the University of Southern California and the Carnegie
    // Endowment" are two.
    if step == 3 && (first..=last).any(|k| is_organisation_joint(word(k))) {
        return None;
    }
    let first = first + usize::from(word(first) == "The");
    let opener = lexicon::is_organisation_word(word(first)) || lexicon::organisations().contains(&word(first));
    (first < last && opener && !lexicon::is_organisation_word(word(last))).then_some(step)
}

/// Words that join the parts of an organisation's name: "Bank of America".
fn is_organisation_joint(word: &str) -> bool {
    matches!(word, "of" | "for" | "on")
}

/// Whether the name starting at byte `start` follows an organisation's word and a joint
/// ("University of", "Center for"): the end of that organisation's name.
fn closes_organisation(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(' ') else { return false };
    let before = before.strip_suffix(" the").unwrap_or(before);
    // Past a direction that is part of the name: "University of Southern California".
    let before = match before.rsplit_once(' ') {
        Some((rest, direction)) if is_direction(direction) => rest,
        _ => before,
    };
    let Some((before, joint)) = before.rsplit_once(' ') else { return false };
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    is_organisation_joint(joint) && lexicon::is_organisation_word(strip_possessive(word))
}

/// How many tokens on the run of tokens `first..=last` goes on, over a joint ("of", "for",
/// "on", and "the" after one) to a capitalised word: a run that holds an organisation's word
/// does ("Department of Justice").
fn joins_organisation(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let joint =
        tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Word && is_organisation_joint(word(last + 1)));
    // "Department of the Treasury", "Court of Appeals for the Sixth Circuit", "Committee for a
    // Responsible Federal Budget".
    let the = tokens.get(last + 2).is_some_and(|t| t.kind == TokenKind::Word && matches!(word(last + 2), "the" | "a"));
    let next = last + 2 + usize::from(the);
    let name = tokens.get(next).is_some_and(|t| is_capitalised_word(text, t) && !lexicon::is_not_name(word(next)));
    let organisation = (first..=last).any(|k| lexicon::is_organisation_word(strip_possessive(word(k))));
    // A body "on" a matter ("Committee on Foreign Relations", "Center on Budget and Policy
    // Priorities"); a school or a building on a place ("Hofstra University on Long Island").
    let sited = word(last + 1) == "on"
        && matches!(
            word(last),
            "University"
                | "College"
                | "School"
                | "Academy"
                | "Hospital"
                | "Church"
                | "Hotel"
                | "Museum"
                | "Stadium"
                | "Arena"
        );
    (joint && name && organisation && !sited).then_some(next - last)
}

/// What a mention of a city of the generated gazetteer is.
enum CityMention {
    /// A person's name: after another name's word ("Ben Carson"), before a reporting verb.
    Person,
    /// A word, or a part of a longer name ("Warren Buffett", "Charlotte-Mecklenburg").
    Word,
    /// A place; `context` when its words say so ("in Tulsa", "Richmond, Va.").
    Place { context: bool },
}

/// What the mention of a city at token `k` (its name ending at byte `end`, before token
/// `after`) is, from the words beside it.
fn city_mention(
    text: &str,
    tokens: &[Token],
    k: usize,
    after: usize,
    end: usize,
    words: &Occurrences,
    tier: lexicon::PlaceTier,
) -> CityMention {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let start = tokens[k].start;
    // The word before is a word of a name, not the end of a sentence ("Tulsa. Tulsa police").
    let after_word = k > 0 && tokens[k - 1].kind == TokenKind::Word;
    if after_word && follows_a_name(text, start) {
        return CityMention::Person; // "Ben Carson", "Hilary Clinton-run"
    }
    let next = tokens.get(after).filter(|t| t.kind == TokenKind::Word);
    // Words that call it a town: "the city of Nice", "the cities of Blackpool and
    // Liverpool", "the state capital, Sacramento", "Concord resident Whit Symms".
    let settlement = |at: usize| lexicon::is_settlement(&word(at).to_lowercase());
    let of_settlement = |of: usize| of > 0 && word(of) == "of" && settlement(of - 1);
    let town = (k > 1 && (of_settlement(k - 1) || (word(k - 1) == "," && settlement(k - 2)) || settlement(k - 1)))
        || (k > 3 && word(k - 1) == "and" && is_capitalised_word(text, &tokens[k - 2]) && of_settlement(k - 3))
        || next.is_some_and(|t| lexicon::is_resident(&text[t.start..t.end]));
    // "Carson said"; but a country, a state or a great city speaks as itself: "Ethiopia
    // continues to occupy the village".
    if tier == lexicon::PlaceTier::Context
        && !town
        && next.is_some_and(|t| lexicon::is_cue(&text[t.start..t.end].to_lowercase()))
    {
        return CityMention::Person;
    }
    let rest = &text[end..];
    let hyphen = rest.starts_with('-') && rest[1..].starts_with(char::is_alphanumeric);
    let name = &text[start..end];
    if hyphen
        || next.is_some_and(|t| t.start == end + 1 && is_capitalised_word(text, t))
        || (!name.contains(' ') && words.has_lower_case(name))
    {
        return CityMention::Word;
    }
    let preposition = k > 0 && lexicon::is_place_preposition(&word(k - 1).to_lowercase());
    let state = rest.strip_prefix(", ").is_some_and(|rest| {
        let at = end + 2;
        lexicon::state_abbreviation_at(rest).is_some()
            || GAZETTEER.0.at(text, at).is_some_and(|(_, pattern)| {
                matches!(GAZETTEER.1[pattern], Known::Place(_) | Known::City(_, lexicon::PlaceTier::Sure))
            })
    });
    CityMention::Place { context: preposition || state || town }
}
/// Whether the run of capitalised words from token `first` to `last` shows a sign of being
/// a person's name: two capitalised words are a name only with one (a known first name, a
/// role beside them, an age, a byline), else "Bering Strait" and "Peace Agreement" would be.
fn signs_of_a_person(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    first_word: &str,
    counts: &Occurrences,
) -> bool {
    let first_name = lexicon::is_first_name(first_word);
    // "CNN's Anderson Cooper", "Fox News' Chris Wallace": one of an organisation's people,
    // where no word of the name is one the article writes in lower case ("CNBC's Squawk Box").
    let of_organisation = first > 0 && {
        let word = |k: usize| &text[tokens[k].start..tokens[k].end];
        let before = word(first - 1);
        let owner = if is_possessive(before) {
            Some(strip_possessive(before))
        } else if matches!(before, "'" | "\u{2019}") && first > 1 {
            Some(word(first - 2))
        } else {
            None
        };
        // "on CNBC's Squawk Box", "Herald Radio's Morning Meeting program": a programme.
        let on = |k: usize| k > 0 && word(k - 1).eq_ignore_ascii_case("on");
        let owner_at = if is_possessive(before) { first - 1 } else { first.saturating_sub(2) };
        let programme = tokens
            .get(last + 1)
            .is_some_and(|t| matches!(&text[t.start..t.end], "program" | "programme" | "show" | "broadcast"));
        let on_before = on(owner_at) || (owner_at > 0 && on(owner_at - 1));
        let owner = owner.filter(|_| !on_before && !programme);
        owner.is_some_and(|w| is_acronym(w) || lexicon::is_organisation_word(w))
            && (first..=last).all(|k| !counts.has_lower_case(strip_possessive(word(k))))
    };
    // "spokesman Josh Schwerin", "Peter Thiel, a billionaire": a role beside the name.
    let role_word = |k: usize| {
        let t = &tokens[k];
        let w = &text[t.start..t.end];
        t.kind == TokenKind::Word && w.starts_with(|c: char| c.is_lowercase()) && lexicon::is_title(&capitalise(w))
    };
    // Right before the name, a source's word too: "the Latvian journalist Dainis Ivans".
    let head_before = first > 0 && {
        let t = &tokens[first - 1];
        let w = &text[t.start..t.end];
        t.kind == TokenKind::Word && lexicon::is_unnamed_head(w) && !w.ends_with('s')
    };
    // Or set off by commas after it: "Kazakhstan's foreign minister, Erlan Idrissov, said".
    let comma = |k: usize| tokens.get(k).is_some_and(|t| &text[t.start..t.end] == ",");
    let role_before = (first > 0 && (role_word(first - 1) || head_before))
        || (first > 1 && comma(first - 1) && role_word(first - 2) && comma(last + 1));
    let appositive_after = tokens.get(last + 1).is_some_and(|t| &text[t.start..t.end] == ",")
        && tokens.get(last + 2).is_some_and(|t| {
            let w = &text[t.start..t.end];
            t.kind == TokenKind::Word
                && (matches!(w, "a" | "an" | "the" | "who" | "whose")
                    || is_possessive(w)
                    || possessive_mark_after(text, t))
        })
        || (comma(last + 1) && tokens.len() > last + 2 && role_word(last + 2));
    // "Brianne Stone, 29, of Huntsville": an age.
    let age_after = tokens.get(last + 1).is_some_and(|t| &text[t.start..t.end] == ",")
        && tokens.get(last + 2).is_some_and(|t| {
            let w = &text[t.start..t.end];
            (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        })
        && tokens.get(last + 3).is_some_and(|t| &text[t.start..t.end] == ",");
    // A byline: “…” ― Kim Hjelmgaard.
    let byline = (1..=2).any(|n| {
        first > n
            && text::byline_dash(text, tokens, first - n) == Some(n)
            && tokens[first - n - 1].kind == TokenKind::Close
    });
    // "Johnnie Wilson, of Springfield, Va., said": where they are from, set off by commas.
    let from_after = comma(last + 1)
        && tokens.get(last + 2).is_some_and(|t| &text[t.start..t.end] == "of")
        && tokens.get(last + 3).is_some_and(|t| is_capitalised_word(text, t))
        && !lexicon::is_organisation_word(&text[tokens[last].start..tokens[last].end]);
    // "Tyresha McClenney and Bryan Anderson": coupled with a full name of a known first name.
    let full_name_at = |k: usize| {
        tokens.get(k + 1).is_some_and(|t| is_capitalised_word(text, t)) && {
            let w = &text[tokens[k].start..tokens[k].end];
            lexicon::is_first_name(w)
        }
    };
    let and_at = |k: usize| tokens.get(k).is_some_and(|t| &text[t.start..t.end] == "and");
    // Or first in a list of three names or more: "Oprah Winfrey, Will Smith, Robert DeNiro".
    let listed = || {
        comma(last + 1)
            && full_name_at(last + 2)
            && tokens.get(last + 4).is_some_and(|t| matches!(&text[t.start..t.end], "," | "and"))
    };
    let coupled = || {
        let beside = (and_at(last + 1) && full_name_at(last + 2))
            || (first > 2 && and_at(first - 1) && full_name_at(first - 3))
            || listed();
        // Not a run that opens on a word before the name ("Pastors David Jeremiah", "Follow
        // Jeff Horwitz"), nor one of words the article writes in lower case.
        let opens_on_name = || {
            &text[tokens[first].start..tokens[first].end] == first_word
                && !lexicon::is_title(first_word.strip_suffix('s').unwrap_or(first_word))
                && (first + 1..=last).all(|k| {
                    let w = &text[tokens[k].start..tokens[k].end];
                    !lexicon::is_first_name(w)
                })
        };
        let no_common_word =
            || (first..=last).all(|k| !counts.has_lower_case(strip_possessive(&text[tokens[k].start..tokens[k].end])));
        // "Civil Rights icon John Lewis": a run before a source's word is what the person is.
        let before_head = || {
            tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Word && is_lowercase_role(&text[t.start..t.end]))
        };
        beside
            && opens_on_name()
            && no_common_word()
            && !before_head()
            && !lexicon::is_organisation_word(&text[tokens[last].start..tokens[last].end])
    };
    first_name || of_organisation || role_before || appositive_after || age_after || byline || from_after || coupled()
}

/// Whether the word at `k` comes right after a word for a family's members, or after it and a
/// comma: "the parents, Khizr and Ghazala Khan", "the brothers David and Charles Koch".
fn after_family_word(text: &str, tokens: &[Token], k: usize) -> bool {
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let family = |i: usize| {
        matches!(word(i), "parents" | "couple" | "brothers" | "sisters" | "siblings" | "sons" | "daughters" | "twins")
    };
    (k >= 1 && family(k - 1)) || (k >= 2 && word(k - 1) == "," && family(k - 2))
}

/// The word that owns the kin word before a first name set off by commas: "Trump’s wife,
/// Melania," gives "Trump".
fn kin_surname<'t>(text: &'t str, tokens: &[Token], first: usize, last: usize) -> Option<&'t str> {
    if first < 3 || !set_off_after_role(text, tokens, first, last) {
        return None;
    }
    let kin = &text[tokens[first - 2].start..tokens[first - 2].end];
    let owner = &text[tokens[first - 3].start..tokens[first - 3].end];
    let is_kin = matches!(
        kin,
        "wife" | "husband" | "son" | "daughter" | "brother" | "sister" | "mother" | "father" | "widow" | "widower"
    );
    (is_kin && is_possessive(owner) && owner.starts_with(char::is_uppercase)).then(|| strip_possessive(owner))
}

/// Whether the word at `first..=last` is set off by commas right after a person's role or kin
/// ("Trump's wife, Melania, is to speak", "the party's spokesman, Sam Lau, said"): a person.
fn set_off_after_role(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let is = |k: usize, s: &str| tokens.get(k).is_some_and(|t| &text[t.start..t.end] == s);
    first >= 2 && is(first - 1, ",") && is(last + 1, ",") && {
        let t = &tokens[first - 2];
        let w = &text[t.start..t.end];
        t.kind == TokenKind::Word && is_lowercase_role(w) && !w.ends_with('s')
    }
}

/// A role written in lower case, a title's or a source's word: "spokesman", "wife", "icon".
fn is_lowercase_role(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && (lexicon::is_unnamed_head(word) || lexicon::is_title(&capitalise(word)))
}

/// The registry's names in the text, in order: (start, end, what it names).
fn claim_registry_names(text: &str, paragraphs: &[Paragraph], registry: &Registry) -> Vec<(usize, usize, Known)> {
    let mut claimed = Vec::new();
    let words = || paragraphs.iter().flat_map(|p| &p.tokens).filter(|t| t.kind == TokenKind::Word);
    if let Some(matcher) = &registry.matcher {
        let mut free = 0; // where the last name claimed ends
        for token in words() {
            if token.start < free {
                continue;
            }
            let Some((end, pattern)) = matcher.at(text, token.start) else { continue };
            // A surname alias right after another name ("Adrian Baker" when the registry
            // knows only "Lars Baker" as "Baker") belongs to a different person.
            let single = !text[token.start..end].contains(' ');
            if is_word_bounded(text, token.start, end) && !(single && follows_a_name(text, token.start)) {
                claimed.push((token.start, end, registry.known[pattern].clone()));
                free = end;
            }
        }
    }
    claimed
}

/// The gazetteer's places and organisations in the text, added to `claimed` (the registry's,
/// in order, which they do not overlap).
fn claim_gazetteer_names(
    text: &str,
    paragraphs: &[Paragraph],
    words: &Occurrences,
    claimed: &mut Vec<(usize, usize, Known)>,
) {
    let known = claimed.len();
    // The generated gazetteer's cities met: (start, end, pattern, a place for sure), and
    // the patterns that are part of a person's name somewhere in the article ("Ben Carson").
    let mut cities: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut people_named: FxHashSet<usize> = FxHashSet::default();
    let mut free = 0;
    for paragraph in paragraphs {
        let tokens = &paragraph.tokens;
        for (k, token) in tokens.iter().enumerate() {
            if token.kind != TokenKind::Word || token.start < free {
                continue;
            }
            let registry_names = &claimed[..known];
            // Whether an editor's registry name overlaps the span from here to `end`; asked only
            // of a name found here.
            let registry_from = |end: usize| {
                let next = registry_names.partition_point(|(_, e, _)| *e <= token.start);
                registry_names.get(next).is_some_and(|(s, _, _)| *s < end)
            };
            let Some((end, pattern)) = GAZETTEER.0.at(text, token.start) else {
                // "the Republican party": a party's name with its noun in lower case.
                if let Some(party) = party_in_lower_case(text, tokens, k)
                    && !registry_from(tokens[k + 1].end)
                {
                    claimed.push((token.start, tokens[k + 1].end, Known::Organisation(party)));
                    free = tokens[k + 1].end;
                }
                continue;
            };
            if registry_from(end) || !is_word_bounded(text, token.start, end) {
                continue;
            }
            // A place, or an organisation of one word, that opens or closes a longer
            // organisation's name ("Los Angeles Times", "Senate Banking Committee",
            // "University of Michigan") is left to that name's run.
            let after = tokens.partition_point(|t| t.start < end);
            // A city's police in lower case are its police department: "Tulsa police said".
            if let Known::City(name, _) = &GAZETTEER.1[pattern]
                && let Some(police) = tokens
                    .get(after)
                    .filter(|t| t.start == end + 1 && strip_possessive(&text[t.start..t.end]) == "police")
            {
                let police_end = police.start + "police".len();
                claimed.push((token.start, police_end, Known::Organisation(format!("{name} Police Department"))));
                free = police_end;
                continue;
            }
            // A city's name that is part of a person's name is no place in this article,
            // even where an organisation's name goes on after it ("Hilary Clinton-run State
            // Department").
            let city = match GAZETTEER.1[pattern] {
                Known::City(_, tier) => Some((tier, city_mention(text, tokens, k, after, end, words, tier))),
                _ => None,
            };
            if let Some((_, CityMention::Person)) = city {
                people_named.insert(pattern);
                continue;
            }
            // A name of one letter is the platform only where the text says one posts on it:
            // "— Zelensky, on X", not "X, Y and Z" or "a Cessna Citation X".
            let letter = end - token.start == 1;
            let posted_on = k > 0
                && tokens[k - 1].kind == TokenKind::Word
                && matches!(text::lower(&text[tokens[k - 1].start..tokens[k - 1].end]).as_ref(), "on" | "via");
            if letter && !posted_on {
                continue;
            }
            let place = matches!(GAZETTEER.1[pattern], Known::Place(_) | Known::City(..));
            // A country's one-word name right after a given name is a surname: "Rep. Steve
            // Israel", "Michael Jordan".
            let after_given_name =
                k > 0 && tokens[k - 1].kind == TokenKind::Word && tokens[k - 1].end + 1 == token.start && {
                    let given = &text[tokens[k - 1].start..tokens[k - 1].end];
                    lexicon::is_first_name(given)
                };
            if place && after_given_name && !text[token.start..end].contains(' ') {
                continue;
            }
            let one_word =
                matches!(GAZETTEER.1[pattern], Known::Organisation(_)) && !text[token.start..end].contains(' ');
            // A part of a place named by its direction ("Eastern Europe", "South Florida") is
            // left to the run, which names the part (not before a hyphen: "South Florida-based"
            // keeps the place the gazetteer names).
            let directed = place
                && !text[end..].starts_with('-')
                && k > 0
                && tokens[k - 1].kind == TokenKind::Word
                && tokens[k - 1].end + 1 == token.start
                && is_direction(&text[tokens[k - 1].start..tokens[k - 1].end]);
            if ((place || one_word) && opens_organisation(text, tokens, after, one_word))
                || (place && closes_organisation(text, token.start))
                || directed
            {
                continue;
            }
            if let Some((tier, mention)) = city {
                if let CityMention::Place { context } = mention {
                    cities.push((token.start, end, pattern, context || tier == lexicon::PlaceTier::Sure));
                    free = end;
                    // "Selma, Ala.": the state is named too. Those written with two full
                    // stops ("N.C.") are the gazetteer's own.
                    let state = text[end..].strip_prefix(", ").and_then(lexicon::state_abbreviation_at);
                    if let Some((length, state)) =
                        state.filter(|(length, _)| text[end + 2..end + 2 + length].matches('.').count() == 1)
                    {
                        let at = end + 2;
                        claimed.push((at, at + length - 1, Known::Place(state.to_string())));
                        free = at + length;
                    }
                }
                continue;
            }
            claimed.push((token.start, end, GAZETTEER.1[pattern].clone()));
            free = end;
        }
    }
    // Cities listed together, three or more, say of each other that they are places:
    // "counties which include Cleveland, Cincinnati and Columbus".
    cities.sort_unstable_by_key(|c| c.0);
    let listed = |a: &(usize, usize, usize, bool), b: &(usize, usize, usize, bool)| {
        matches!(text.get(a.1..b.0), Some(", " | " and " | ", and " | " or " | ", or "))
    };
    let mut from = 0;
    while from < cities.len() {
        let mut to = from;
        while to + 1 < cities.len() && listed(&cities[to], &cities[to + 1]) {
            to += 1;
        }
        if to - from >= 2 {
            for city in &mut cities[from..=to] {
                city.3 = true;
            }
        }
        from = to + 1;
    }
    // A city is a place in an article where one of its mentions says it is one, and none
    // is a person's name.
    let placed: FxHashSet<usize> = cities.iter().filter(|c| c.3).map(|c| c.2).collect();
    for (start, end, pattern, _) in cities {
        if placed.contains(&pattern) && !people_named.contains(&pattern) {
            claimed.push((start, end, GAZETTEER.1[pattern].clone()));
        }
    }
}

/// The party named at token `k` with its noun in lower case, as news often writes it: "the
/// Republican party", "the Democrat party" (the Democratic Party), "the Libertarian party".
fn party_in_lower_case(text: &str, tokens: &[Token], k: usize) -> Option<String> {
    let noun = tokens.get(k + 1).filter(|t| t.kind == TokenKind::Word && t.start == tokens[k].end + 1)?;
    if &text[noun.start..noun.end] != "party" {
        return None;
    }
    let party = match &text[tokens[k].start..tokens[k].end] {
        "Democrat" | "Democratic" => "Democratic",
        word @ ("Republican" | "Libertarian" | "Green" | "Labour" | "Conservative" | "Reform" | "Constitution") => word,
        _ => return None,
    };
    Some(format!("{party} Party"))
}

/// The editors' aliases in the text, where no claim is: added to `claimed`.
fn claim_aliases(text: &str, aliases: &[(String, String)], claimed: &mut Vec<(usize, usize, Known)>) {
    // An empty alias would match between any two characters: it names nobody.
    if aliases.iter().any(|(alias, _)| !alias.is_empty()) {
        // Every claim so far, start → end: none overlaps another.
        let mut taken: BTreeMap<usize, usize> = claimed.iter().map(|(s, e, _)| (*s, *e)).collect();
        for (alias, full) in aliases.iter().filter(|(alias, _)| !alias.is_empty()) {
            for (start, _) in text.match_indices(alias.as_str()) {
                let end = start + alias.len();
                // The claim that starts last before this one's end is the one that can overlap it.
                let overlaps = taken.range(..end).next_back().is_some_and(|(_, e)| start < *e);
                if !overlaps && is_word_bounded(text, start, end) {
                    claimed.push((start, end, Known::Person { id: String::new(), name: full.clone() }));
                    taken.insert(start, end);
                }
            }
        }
    }
}

/// Whether a reporting verb stands right after the name (or after one word between) or right
/// before it.
fn next_to_cue(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let word =
        |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| text[t.start..t.end].to_lowercase());
    // "Gabriela Violeta Lazar, wrote" closing an appositive counts too, and so does a word
    // between a name of two words or more and its verb: "Ferdie Pacheco once said" (a single
    // word is too often a body's: "Carrier has said").
    let comma = tokens.get(last + 1).is_some_and(|t| &text[t.start..t.end] == ",");
    let between = last > first
        && tokens.get(last + 1).is_some_and(|t| {
            let w = &text[t.start..t.end];
            w.starts_with(char::is_lowercase) && lexicon::BETWEEN.contains(&w)
        });
    let verb = if comma || between { word(last + 2) } else { word(last + 1) };
    let after = verb.is_some_and(|w| lexicon::is_cue(&w));
    // Not a lone word before a role and a name, which says what the name is: "said Concord
    // resident Whit Symms".
    let describes = || {
        first == last
            && tokens.get(last + 1).is_some_and(|t| {
                let w = &text[t.start..t.end];
                t.kind == TokenKind::Word && (is_lowercase_role(w) || lexicon::is_resident(w))
            })
            && tokens.get(last + 2).is_some_and(|t| is_capitalised_word(text, t))
    };
    // "said Smith", but not "started Quadrivium", "began Monday": what was begun.
    let before = first > 0
        && word(first - 1)
            .is_some_and(|w| lexicon::is_cue(&w) && !matches!(w.as_str(), "according" | "began" | "started"))
        && !describes();
    after || before
}

/// Whether `word` is the people of a place the gazetteer knows: "Iowans", "Ohioans",
/// "Texans", "Floridians", "Bostonians".
fn is_people_of_a_place(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ns") else { return false };
    let stems = [
        Some(stem.to_string()),
        stem.strip_suffix('a').map(str::to_string),
        stem.strip_suffix("ia").map(str::to_string),
        stem.strip_suffix("ia").map(|s| format!("{s}a")),
        Some(format!("{stem}s")),
    ];
    stems.into_iter().flatten().filter(|s| s.len() >= 3).any(|s| {
        GAZETTEER.0.at(&s, 0).is_some_and(|(end, pattern)| {
            end == s.len() && matches!(GAZETTEER.1[pattern], Known::Place(_) | Known::City(_, lexicon::PlaceTier::Sure))
        })
    })
}

/// The place the gazetteer names (a country, a state or a great city) from byte `start` to
/// byte `end` exactly, by its canonical name.
fn known_place(text: &str, start: usize, end: usize) -> Option<String> {
    let (e, pattern) = GAZETTEER.0.at(text, start)?;
    match &GAZETTEER.1[pattern] {
        Known::Place(name) | Known::City(name, lexicon::PlaceTier::Sure) if e == end => Some(name.clone()),
        _ => None,
    }
}

/// A word that names part of a place before it: "South Bronx", "Upper Manhattan".
fn is_direction(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Upper"
            | "Lower"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Midtown"
            | "Downtown"
    )
}

/// A role that may end a capitalised run after the name of what it is a role in.
fn is_trailing_role(word: &str) -> bool {
    matches!(word, "CEO" | "CFO" | "COO" | "CTO" | "Chairman" | "Chairwoman" | "Founder" | "Spokesman" | "Spokeswoman")
}

/// A party's letter and a state or district: "R-Utah", "D-Md.", "I-Vt.".
fn is_party_tag(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() > 2 && matches!(bytes[0], b'R' | b'D' | b'I') && bytes[1] == b'-' && bytes[2].is_ascii_uppercase()
}

/// A word made an adjective by a hyphenated ending: "Koch-backed", "Shanghai-based",
/// "South Korean-born", "Warren-style".
fn is_compound_modifier(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && matches!(
                tail,
                "based"
                    | "backed"
                    | "backing"
                    | "born"
                    | "style"
                    | "type"
                    | "leaning"
                    | "turned"
                    | "maker"
                    | "led"
                    | "owned"
                    | "run"
                    | "funded"
                    | "era"
                    | "like"
                    | "spent"
                    | "linked"
                    | "allied"
                    | "affiliated"
                    | "aligned"
                    | "friendly"
                    | "minded"
                    | "sponsored"
                    | "supported"
                    | "controlled"
                    | "dominated"
                    | "appointed"
                    | "esque"
            )
    })
}

/// Whether the sentence that goes on past token `k` ends in a question mark, with no colon or
/// quotation on the way ("Will Smith asked: “Why?”" asks nothing of Will).
fn sentence_asks(text: &str, tokens: &[Token], k: usize) -> bool {
    let end = tokens[k + 1..]
        .iter()
        .map(|t| if matches!(t.kind, TokenKind::Open | TokenKind::Close) { ":" } else { &text[t.start..t.end] })
        .find(|w| matches!(*w, "." | "!" | "?" | ":"));
    end == Some("?")
}

/// Whether token `k` opens a sentence (or the paragraph).
fn sentence_start(text: &str, tokens: &[Token], k: usize) -> bool {
    k == 0
        || tokens[k - 1].kind == TokenKind::Open
        || (tokens[k - 1].kind == TokenKind::Punct
            && matches!(&text[tokens[k - 1].start..tokens[k - 1].end], "." | "!" | "?"))
}

/// Whether the word ending just before `at` (one space between) is a capitalised name word.
fn follows_a_name(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else { return false };
    let word: &str = before.rsplit(|c: char| !c.is_alphanumeric() && c != '.' && c != '-').next().unwrap_or("");
    word.starts_with(|c: char| c.is_uppercase())
        && !lexicon::is_title(word)
        && !lexicon::is_demonym(word)
        && !lexicon::is_not_name(word)
        && !lexicon::is_cue(&word.to_lowercase())
}

/// Questions about how an article writes a word, asked of the capitalised words that may
/// be no name: how many word tokens read it, possessive folded. The first questions of an
/// article are answered by searching its text for the word (memchr's SIMD substring search)
/// and keeping the places where a word token starts that reads it; an article of ordinary
/// length asks a few dozen distinct questions, which cost less than counting its every word
/// in a hash map. Past `SEARCHES` distinct questions the words are counted in one pass and
/// the count answers the rest: a search per question would make a long article's
/// annotation quadratic in its length. Both give the same answers.
struct Occurrences<'t> {
    text: &'t str,
    paragraphs: &'t [Paragraph],
    /// The questions searched so far and their answers: a name asked again (each time it
    /// stands alone) is not searched again.
    answered: std::cell::RefCell<Vec<(Box<str>, usize, bool)>>,
    /// Paragraph indexes by start, made at the first hit (tight lists come out of order).
    by_start: std::cell::OnceCell<Vec<usize>>,
    counts: std::cell::OnceCell<FxHashMap<&'t str, u32>>,
}

/// How many distinct questions of one article are answered by searching its text.
const SEARCHES: usize = 48;

impl<'t> Occurrences<'t> {
    fn new(text: &'t str, paragraphs: &'t [Paragraph]) -> Occurrences<'t> {
        Occurrences {
            text,
            paragraphs,
            answered: std::cell::RefCell::new(Vec::new()),
            by_start: std::cell::OnceCell::new(),
            counts: std::cell::OnceCell::new(),
        }
    }

    /// Whether the article has at least `times` word tokens that read `word`.
    fn occurs(&self, word: &str, times: usize) -> bool {
        if word.is_empty() {
            return false;
        }
        if self.counts.get().is_none() {
            let mut answered = self.answered.borrow_mut();
            if let Some(&(_, _, answer)) = answered.iter().find(|(w, t, _)| **w == *word && *t == times) {
                return answer;
            }
            if answered.len() < SEARCHES {
                let answer = self.search(word, times);
                answered.push((word.into(), times, answer));
                return answer;
            }
        }
        self.counts().get(word).is_some_and(|&n| n as usize >= times)
    }

    /// The answer by searching: every place the word's bytes start, overlapping ones too.
    fn search(&self, word: &str, times: usize) -> bool {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let bytes = self.text.as_bytes();
        let (mut from, mut found) = (0, 0);
        while let Some(offset) = finder.find(&bytes[from..]) {
            let at = from + offset;
            if self.word_at(at).is_some_and(|w| strip_possessive(w) == word) {
                found += 1;
                if found >= times {
                    return true;
                }
            }
            from = at + 1;
        }
        false
    }

    /// The word token that starts at byte `at`, if one does (outside paragraphs, none).
    fn word_at(&self, at: usize) -> Option<&'t str> {
        let order = self.by_start.get_or_init(|| {
            let mut order: Vec<usize> = (0..self.paragraphs.len()).collect();
            order.sort_by_key(|&p| self.paragraphs[p].start);
            order
        });
        let before = order.partition_point(|&p| self.paragraphs[p].start <= at);
        let paragraph = &self.paragraphs[*order.get(before.checked_sub(1)?)?];
        if at >= paragraph.end {
            return None;
        }
        let k = paragraph.tokens.partition_point(|t| t.start < at);
        let token = paragraph.tokens.get(k).filter(|t| t.start == at && t.kind == TokenKind::Word)?;
        Some(&self.text[token.start..token.end])
    }

    /// Every word token counted, possessive folded: made once, on the first question past
    /// the searches.
    fn counts(&self) -> &FxHashMap<&'t str, u32> {
        self.counts.get_or_init(|| {
            // About half an article's words are distinct; far fewer of a long one's.
            let words = self.paragraphs.iter().map(|p| p.tokens.len()).sum::<usize>();
            let mut counts = FxHashMap::with_capacity_and_hasher((words / 2).min(1 << 16), Default::default());
            for token in self.paragraphs.iter().flat_map(|p| &p.tokens).filter(|t| t.kind == TokenKind::Word) {
                let count = counts.entry(strip_possessive(&self.text[token.start..token.end])).or_insert(0u32);
                *count = count.saturating_add(1);
            }
            counts
        })
    }

    /// Whether the article also writes this capitalised word in lower case.
    fn has_lower_case(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        lower != word && self.occurs(&lower, 1)
    }
}

/// "I'm", "They're", "We'll": a pronoun, not a name.
fn is_contraction(word: &str) -> bool {
    // The last three characters, in lower case with the curly apostrophe made straight:
    // asked of every capitalised run, so without building a new string.
    let mut tail = ['\0'; 3];
    for (slot, c) in tail.iter_mut().rev().zip(word.chars().rev()) {
        *slot = if c == '\u{2019}' { '\'' } else { c.to_ascii_lowercase() };
    }
    let ends = |end: &str| tail.iter().rev().zip(end.chars().rev()).all(|(a, b)| *a == b);
    ["'m", "'re", "'ll", "'ve", "'d", "n't"].into_iter().any(ends)
}

/// "Sanders' senior adviser": a plural or -s possessive whose mark is a token of its own.
fn possessive_mark_after(text: &str, token: &Token) -> bool {
    let rest = &text[token.end..];
    let after = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('\u{2019}'));
    after.is_some_and(|a| a.starts_with(' '))
}

fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix('\u{2019}'))
        .unwrap_or(word)
}

/// The speaker's label that opens the paragraph whose tokens are `tokens` at token `start`:
/// one or two words in capitals, after nothing but an opening mark, before a colon.
fn label_at<'t>(text: &'t str, tokens: &[Token], start: usize) -> Option<&'t str> {
    if start > 1 || !tokens[..start].iter().all(|t| t.kind == TokenKind::Open) {
        return None;
    }
    let capitals = |t: &Token| {
        let w = &text[t.start..t.end];
        t.kind == TokenKind::Word && w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-')
    };
    let words = tokens[start..].iter().take(3).take_while(|t| capitals(t)).count();
    let colon = tokens.get(start + words).is_some_and(|t| &text[t.start..t.end] == ":");
    let label = &text[tokens[start].start..tokens.get(start + words.max(1) - 1)?.end];
    let not_a_person = label.split_whitespace().any(|w| NOT_SPEAKER_LABELS.contains(&w));
    ((1..=2).contains(&words) && colon && !not_a_person).then_some(label)
}

/// Labels in capitals before a colon that open a paragraph and name no speaker.
const NOT_SPEAKER_LABELS: &[&str] = &[
    "ADVERTISEMENT",
    "BREAKING",
    "CORRECTION",
    "EDITOR",
    "EDITORS",
    "EXCLUSIVE",
    "MORE",
    "NOTE",
    "PHOTO",
    "PHOTOS",
    "READ",
    "RELATED",
    "SOURCE",
    "SOURCES",
    "UPDATE",
    "UPDATED",
    "VIDEO",
    "WATCH",
];

/// Every speaker's label of an article's paragraphs, with the number of paragraphs it opens.
fn speaker_labels<'t>(text: &'t str, paragraphs: &[Paragraph]) -> FxHashMap<&'t str, usize> {
    let mut labels = FxHashMap::default();
    for paragraph in paragraphs {
        let tokens = &paragraph.tokens;
        let start = tokens.iter().position(|t| t.kind != TokenKind::Open).unwrap_or(0);
        if let Some(label) = (start < tokens.len()).then(|| label_at(text, tokens, start)).flatten() {
            *labels.entry(label).or_default() += 1;
        }
    }
    labels
}

/// A capitalised word shaped like a noun for what someone does: "Journalist", "Actor",
/// "Comedian", "Filmmaker", "Actress", "Rival", "Businessman", "Billionaire", "Pundit" (not a
/// given name such as "Giovanni").
fn is_agent_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ist", "er", "or", "ian", "ant", "ent", "al", "ee", "ive", "ess", "man", "aire", "it"]
        .iter()
        .any(|end| lower.ends_with(end))
}

fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The searches that answer an article's first questions and the count that answers the
    /// rest give the same answers: possessives folded, words inside words not counted.
    #[test]
    fn occurrences_searched_and_counted_agree() {
        let mut text = String::from("Talks and talks. The talks’ end, Bob’s word: Bob. Abob bob. aa aaa aa.");
        for i in 0..SEARCHES {
            text.push_str(&format!(" Word{i} word{i}."));
        }
        let paragraphs = text::paragraphs(&text, super::super::TextFormat::Plain);
        let questions = [
            ("talks", 1),
            ("talks", 2),
            ("talks", 4),
            ("Talks", 2),
            ("Bob", 2),
            ("Bob", 3),
            ("bob", 2),
            ("aa", 2),
            ("aa", 3),
            ("word7", 1),
            ("", 1),
        ];
        let answers = [true, true, false, false, true, false, false, true, false, true, false];
        // Asked first, while searching; then again once the distinct questions have run out.
        let words = Occurrences::new(&text, &paragraphs);
        for ((word, times), answer) in questions.iter().zip(answers) {
            assert_eq!(words.occurs(word, *times), answer, "searched: {word} {times}");
        }
        for i in 0..SEARCHES {
            assert!(words.occurs(&format!("Word{i}"), 1));
        }
        assert!(words.counts.get().is_some(), "past SEARCHES questions the words are counted");
        for ((word, times), answer) in questions.iter().zip(answers) {
            assert_eq!(words.occurs(word, *times), answer, "counted: {word} {times}");
        }
        assert!(words.has_lower_case("Talks") && !words.has_lower_case("Abob") && !words.has_lower_case("talks"));
    }

    #[test]
    fn contractions_are_told_from_names() {
        for word in ["I'm", "They’re", "WE’LL", "We've", "I'd", "Don't", "isn’t"] {
            assert!(is_contraction(word), "{word}");
        }
        for word in ["Tim", "Ted", "O'Neill", "D'Souza", "Kim", "m", "", "’"] {
            assert!(!is_contraction(word), "{word}");
        }
    }
}
