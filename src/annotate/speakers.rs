//! Attribution: who said each quoted span. Looks for a reporting verb (the cue) beside the
//! quote in its sentence, after it first (“…,” Putin said / said Putin) then before it
//! (Putin said: “…” / said that security “must be ensured”), and takes the name, pronoun,
//! organisation or unnamed source that goes with the verb. Pronouns resolve to the subject
//! of the nearest sentence that names a fitting person. A quote with no cue continues the
//! quote it runs on from, or takes its sentence's subject. Which spans stand as quotes is
//! the filter's to say (`filter.rs`); block quotes without marks are attributed here too.

use super::entities::{Found, Gender, Recognised};
use super::filter::Use;
use super::lexicon;
use super::quotes::QuotedSpan;
use super::text::{self, Paragraph, Token, TokenKind, capitalise, lower};
use super::{EntityKind, Speaker};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// The longest sentence, in tokens: a longer run with no full stop (a list, a transcript
/// without punctuation) is cut into sentences of this length, so that what reads a sentence
/// (its start, its subject, the quotes in it) reads a bounded stretch. The longest sentence
/// of the train and dev splits has 418 tokens.
const MAX_SENTENCE_TOKENS: usize = 600;

/// What ties a quote to its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A reporting verb or phrase of its own ("said", "according to").
    Verb(String),
    /// None of its own: a sentence before it reports the speaker speaking ("Putin spoke for
    /// an hour. “…”"). It counts as a cue where one is needed, and is no text to show.
    ReportedBefore,
}

#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
    pub fragment: bool,
    /// Dropped: a scare quote or a title, not a quotation.
    pub dropped: bool,
}

struct Attributor<'a> {
    text: &'a str,
    paragraphs: &'a [Paragraph],
    spans: &'a [QuotedSpan],
    names: &'a Recognised,
    /// Per span: what the span and the word before it tell of it.
    uses: &'a [Use],
    /// Per paragraph, per token: inside a quoted span.
    quoted: Vec<Vec<bool>>,
    /// Per paragraph, per token: the sentence number.
    sentence: Vec<Vec<usize>>,
    /// The first token of every sentence, paragraph after paragraph.
    sentence_starts: Vec<usize>,
    /// Per paragraph, and one past the last: where its sentences are in `sentence_starts`.
    first_sentence: Vec<usize>,
    /// Per paragraph: the mentions in it, by index into `names.found`.
    mentions: Vec<Vec<usize>>,
    /// What [`Self::nearest_subject`] found in the sentences it read, per search and paragraph.
    subjects: RefCell<FxHashMap<(Sought, usize), Subjects>>,
}

/// Whom [`Attributor::nearest_subject`] looks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Sought {
    /// The person "he" or "she" stands for.
    Pronoun(Pronoun),
    /// The person whose role has this word: "the chancellor".
    Role(String),
}

/// One search's findings in the whole sentences of one paragraph, each sentence read once:
/// otherwise a paragraph of many short quotes, each with its "he said" and nobody named,
/// has every pronoun read back over all the sentences before it, quadratic in its length.
#[derive(Debug, Default)]
struct Subjects {
    /// Per sentence, once known: the nearest sentence at or before it that names the one
    /// sought (`None`: no sentence up to it does).
    nearest: Vec<Option<Option<usize>>>,
    /// Who those sentences name.
    found: FxHashMap<usize, Speaker>,
}

/// What attribution gives: per quoted span, its attribution; and the paragraphs of block
/// quotes without marks, each with its speaker.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    pub spans: Vec<Attribution>,
    pub blocks: Vec<BlockQuote>,
}

/// A paragraph of a Markdown block quote that has no marks of its own, said by `speaker`.
#[derive(Debug, Clone)]
pub struct BlockQuote {
    pub paragraph: usize,
    pub speaker: Speaker,
}

/// Attribution: who said each quoted span, and each paragraph of a block quote.
pub fn attribute(
    text: &str,
    paragraphs: &[Paragraph],
    spans: &[QuotedSpan],
    uses: &[Use],
    names: &Recognised,
) -> Attributed {
    let attributor = Attributor::new(text, paragraphs, spans, uses, names);
    Attributed { spans: attributor.attribute(), blocks: attributor.block_quotes() }
}

impl<'a> Attributor<'a> {
    fn new(
        text: &'a str,
        paragraphs: &'a [Paragraph],
        spans: &'a [QuotedSpan],
        uses: &'a [Use],
        names: &'a Recognised,
    ) -> Attributor<'a> {
        let mut quoted: Vec<Vec<bool>> = paragraphs.iter().map(|p| vec![false; p.tokens.len()]).collect();
        for span in spans {
            let end = span.close.unwrap_or(paragraphs[span.paragraph].tokens.len());
            for flag in &mut quoted[span.paragraph][span.open..end] {
                *flag = true;
            }
        }
        let mut sentence_starts = Vec::new();
        let mut first_sentence = Vec::with_capacity(paragraphs.len() + 1);
        let sentence: Vec<Vec<usize>> = paragraphs
            .iter()
            .enumerate()
            .map(|(p, paragraph)| {
                first_sentence.push(sentence_starts.len());
                sentence_numbers(text, &paragraph.tokens, &quoted[p], &mut sentence_starts)
            })
            .collect();
        first_sentence.push(sentence_starts.len());
        let mut mentions: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
        for (i, found) in names.found.iter().enumerate() {
            mentions[found.paragraph].push(i);
        }
        let subjects = RefCell::default();
        Attributor {
            text,
            paragraphs,
            spans,
            names,
            uses,
            quoted,
            sentence,
            sentence_starts,
            first_sentence,
            mentions,
            subjects,
        }
    }

    /// The first token of each sentence of paragraph `p`, by sentence number.
    fn starts_of(&self, p: usize) -> &[usize] {
        &self.sentence_starts[self.first_sentence[p]..self.first_sentence[p + 1]]
    }

    /// The first token of the sentence that token `k` of paragraph `p` is in.
    fn sentence_start(&self, p: usize, k: usize) -> usize {
        self.starts_of(p)[self.sentence[p][k]]
    }

    fn word(&self, p: usize, k: usize) -> Option<&'a str> {
        let token: &Token = self.paragraphs[p].tokens.get(k)?;
        (token.kind == TokenKind::Word).then(|| &self.text[token.start..token.end])
    }

    /// The word at `k` in lower case; borrowed when it already is (most words), since this is
    /// asked of nearly every token near a quote.
    fn lower(&self, p: usize, k: usize) -> Option<std::borrow::Cow<'a, str>> {
        self.word(p, k).map(text::lower)
    }

    /// Whether the word at `k` may stand between a subject and its verb ([`lexicon::BETWEEN`]). Written
    /// with a capital it does only as a day ("Priebus later Thursday told"); "Will described
    /// Trump as…" is George Will's.
    fn is_between(&self, p: usize, k: usize) -> bool {
        self.word(p, k).is_some_and(|w| {
            let lower = text::lower(w);
            lexicon::BETWEEN.contains(&&*lower)
                && (w.starts_with(char::is_lowercase) || lower.ends_with("day") || lower == "tonight")
        })
    }

    fn is_cue_at(&self, p: usize, k: usize) -> bool {
        if self.quoted[p].get(k).copied().unwrap_or(true) {
            return false;
        }
        // A capitalised word after another is a name's: "the United States have linked".
        let capital = |i: usize| self.word(p, i).is_some_and(|w| w.starts_with(char::is_uppercase));
        if capital(k) && k > 0 && capital(k - 1) {
            return false;
        }
        match self.lower(p, k).as_deref() {
            Some("according") => self.lower(p, k + 1).as_deref() == Some("to"),
            Some(w) => lexicon::is_cue(w) || self.particle_of_cue(p, k).is_some(),
            None => false,
        }
    }

    /// The particle that makes a reporting verb of the word at `k`: “…,” Trump shot back /
    /// Rubio fired back: “…” / “…,” Trump went on / As Cornyn put it: “…”. "went on" and
    /// "put it" report only where nothing follows them in their clause ("went on to
    /// promote", "let me put it this way" do not).
    fn particle_of_cue(&self, p: usize, k: usize) -> Option<&'static str> {
        // Asked of nearly every word near a quote: the verb is matched as written, without
        // lower-casing (a sentence that opens with "Shot back" is rare enough to miss).
        match particle(self.word(p, k)?, || self.word(p, k + 1))? {
            // "As John Cornyn put it: “…”", not "let me put it this way".
            // "Trump went on about “…”" reports, as "went on to promote" does not.
            "on" if self.word(p, k + 2) == Some("about") => Some("on"),
            "on" | "it" if self.word(p, k + 2).is_some() => None,
            particle => Some(particle),
        }
    }

    /// The mention (outside quotes) whose last token is `k`.
    /// Mentions of a paragraph are sorted and do not overlap, so both lookups are binary searches.
    fn mention_ending(&self, p: usize, k: usize) -> Option<&'a Found> {
        let list = &self.mentions[p];
        let at = list.partition_point(|&i| self.names.found[i].last < k);
        list.get(at)
            .map(|&i| &self.names.found[i])
            .filter(|f| f.last == k && !self.quoted[p][f.first])
            .filter(|f| self.speaker_kind(f))
    }

    fn mention_starting(&self, p: usize, k: usize) -> Option<&'a Found> {
        self.mention_at(p, k).filter(|f| !self.quoted[p][f.first] && self.speaker_kind(f))
    }

    /// The mention that starts at token `k`, inside quotes or not, of any kind.
    fn mention_at(&self, p: usize, k: usize) -> Option<&'a Found> {
        let list = &self.mentions[p];
        let at = list.partition_point(|&i| self.names.found[i].first < k);
        list.get(at).map(|&i| &self.names.found[i]).filter(|f| f.first == k)
    }

    /// The last token of a place mention that starts at token `k`.
    fn place_starting(&self, p: usize, k: usize) -> Option<usize> {
        let list = &self.mentions[p];
        let at = list.partition_point(|&i| self.names.found[i].first < k);
        list.get(at)
            .map(|&i| &self.names.found[i])
            .filter(|f| f.first == k && self.names.entities[f.entity].kind == EntityKind::Place)
            .map(|f| f.last)
    }

    fn speaker_kind(&self, found: &Found) -> bool {
        self.names.entities[found.entity].kind != EntityKind::Place
    }

    fn attribute(&self) -> Vec<Attribution> {
        let mut out: Vec<Attribution> = Vec::with_capacity(self.spans.len());
        for q in 0..self.spans.len() {
            let attribution = self.attribute_span(q, &out);
            out.push(attribution);
        }
        self.continued_parts(&mut out);
        self.strung_before_verb(&mut out);
        out
    }

    /// Quote `q`'s attribution, the quotes before it attributed (`done`); dropped when the
    /// filter says it does not stand.
    fn attribute_span(&self, q: usize, done: &[Attribution]) -> Attribution {
        let span = &self.spans[q];
        if self.uses[q].is_no_speech() {
            return Attribution { dropped: true, ..Attribution::default() };
        }
        // A quote listed after another with only "and" or a comma between (as Trump went on
        // about “how the system is rigged,” and “wounded American families”) is the same
        // speaker's, whatever verb follows the list, when that one had a verb of its own.
        let listed = self.listed_after(q).and_then(|previous| {
            let before: &Attribution = &done[previous];
            (before.speaker.is_some() && before.cue.is_some()).then(|| before.clone())
        });
        let mut attribution = match (listed, self.transcript_label(span)) {
            (_, Some(speaker)) => Attribution { speaker: Some(speaker), ..Attribution::default() },
            (Some(previous), None) => Attribution { dropped: false, ..previous },
            (None, None) => self.attribute_by_cue(span).unwrap_or_default(),
        };
        if attribution.speaker.is_none() {
            self.attribute_without_cue(q, done, &mut attribution);
        }
        if let Some(Speaker::Unnamed { description }) = &attribution.speaker
            && let Some(entity) = self.described(description)
        {
            attribution.speaker = Some(Speaker::Entity { entity });
        }
        // A chant is a crowd's: the one a sentence names ("the attendees chanted"), nobody's
        // by name ("Trump walked on stage, chanting “USA!”").
        if self.uses[q] == Use::Chant && matches!(attribution.speaker, Some(Speaker::Entity { .. })) {
            attribution.speaker = None;
        }
        let words = self.text[span.start..span.end].split_whitespace().count();
        let first_lower = self.text[span.start..span.end].starts_with(|c: char| c.is_lowercase());
        // The rest of a split quote (“We met,” Putin said, “and we talked.”) opens in lower
        // case and is no fragment.
        let rest_of_split = self.shares_sentence(q)
            && span.open > 0
            && self.is_punct(span.paragraph, span.open - 1, ",")
            && done.last().is_some_and(|previous| !previous.fragment && previous.speaker == attribution.speaker);
        attribution.fragment |= first_lower && !rest_of_split;
        attribution.dropped = !self.uses[q].stands(words, attribution.speaker.is_some(), attribution.cue.is_some());
        attribution
    }

    /// A speaker for quote `q`, which no cue beside it gave one: a byline below, the quote it
    /// continues, a label, its sentence's, the one before it… in that order.
    fn attribute_without_cue(&self, q: usize, done: &[Attribution], attribution: &mut Attribution) {
        let span = &self.spans[q];
        if let Some(speaker) = self.byline_below(span) {
            attribution.speaker = Some(speaker);
        } else if let Some(previous) = span.continues.and_then(|c| done.get(c)) {
            attribution.speaker = previous.speaker.clone();
            attribution.cue = previous.cue.clone();
        } else if let Some(speaker) = self.signed_at_paragraph_end(q) {
            attribution.speaker = Some(speaker);
        } else if let Some(speaker) = self.labelled(span) {
            attribution.speaker = Some(speaker);
        } else if let Some(other) = self.shares_sentence(q).then(|| self.contrasted(span)).flatten() {
            // “Mr. Trump,” while Trump refers to the governor as “Chris.”
            attribution.speaker = Some(other);
            attribution.fragment = true;
        } else if let Some(speaker) = self.shares_sentence(q).then(|| self.new_clause_subject(span)).flatten() {
            // “ooooh, whoooa” when Clinton accused him of an “artful smear”: hers, not his.
            attribution.speaker = Some(speaker);
            attribution.fragment = true;
        } else if let Some(shared) = self.same_sentence_speaker(q, done).filter(|_| self.shares_sentence(q)) {
            attribution.speaker = Some(shared);
        } else if let Some(owner) = self.words_of(span) {
            attribution.speaker = Some(owner);
            attribution.fragment = true;
        } else if let Some(subject) = self.sentence_subject(span) {
            attribution.speaker = Some(subject);
            attribution.fragment = true;
        } else if let Some(shared) = self.same_sentence_speaker(q, done) {
            attribution.speaker = Some(shared);
        } else if let Some(speaker) = self.introduced(span) {
            attribution.speaker = Some(speaker);
        } else if let Some(previous) = self.paragraph_run_on(q, done) {
            attribution.speaker = Some(previous);
        } else if let Some(speaker) = self.reported_before(span) {
            attribution.speaker = Some(speaker);
            attribution.cue = Some(Cue::ReportedBefore);
        } else if let Some(speaker) = self.subject_of_sentence_before(span) {
            attribution.speaker = Some(speaker);
        }
    }

    /// The person a party's name stands for, as news writes one for someone it has named:
    /// "The Republican is also encouraging…", "The Democratic nominee said…". The one person
    /// the article writes that party beside ("Republican nominee Donald Trump"), or, where
    /// several, the article's principal if one of them; for the party's nominee, the one of
    /// them it names far more often than the others; anyone else would be a guess.
    fn described(&self, description: &str) -> Option<usize> {
        let words: Vec<String> = description.split_whitespace().map(str::to_lowercase).collect();
        if words.first().map(String::as_str) != Some("the") || words.len() > 5 {
            return None;
        }
        let party = words.iter().find_map(|w| match w.as_str() {
            "republican" | "gop" => Some("republican"),
            "democrat" | "democratic" => Some("democrat"),
            _ => None,
        })?;
        // The party alone, or the party's candidate: "the Democratic presidential nominee".
        // Not the running mate: "the Republican vice-presidential nominee".
        let head = words.last()?.as_str();
        let candidate = matches!(head, "nominee" | "candidate") && !words.iter().any(|w| w.starts_with("vice"));
        if !(candidate || matches!(head, "republican" | "democrat")) {
            return None;
        }
        let of_party = self.party_beside(party);
        // A candidate is someone the article names again and again, never one met once beside
        // the party's name ("Mika Brzezinski, the Democratic presidential candidate stated").
        if !candidate {
            return match of_party.as_slice() {
                [one] => Some(*one),
                _ => principal(self.names).filter(|principal| of_party.contains(principal)),
            };
        }
        most_named(self.names, |entity| of_party.contains(&entity))
    }

    /// The people the article writes `party` ("republican", "democrat") beside, in the order
    /// of the text: "Republican nominee Donald Trump", "Trump, the Republican candidate".
    fn party_beside(&self, party: &str) -> Vec<usize> {
        let is_party = |p: usize, k: usize| {
            self.lower(p, k).is_some_and(|w| {
                let w = if w == "gop" { "republican" } else { w.trim_end_matches("ic") };
                w == party
            })
        };
        let mut people: Vec<usize> = Vec::new();
        for f in &self.names.found {
            let p = f.paragraph;
            let before = || (f.first.saturating_sub(3)..f.first).any(|k| is_party(p, k));
            let after = || self.is_punct(p, f.last + 1, ",") && (f.last + 2..f.last + 5).any(|k| is_party(p, k));
            let person = self.names.entities[f.entity].kind == EntityKind::Person;
            if person && !people.contains(&f.entity) && (before() || after()) {
                people.push(f.entity);
            }
        }
        people
    }

    /// A quote over several paragraphs whose verb comes only in a later part (“A … ¶ “B,”
    /// he said): the earlier parts are the same speaker's.
    fn continued_parts(&self, out: &mut [Attribution]) {
        for r in (0..self.spans.len()).rev() {
            let Some(c) = self.spans[r].continues else { continue };
            if out[c].speaker.is_none() && out[r].speaker.is_some() {
                out[c].speaker = out[r].speaker.clone();
                out[c].dropped = false;
            }
        }
    }

    /// Quotes strung along one sentence before its verb (Guns are “the ultimate public
    /// health crisis” and “stunt children’s growth,” Howard Dean proclaimed): the earlier
    /// ones are the speaker's too, as fragments, unless they are titles, or another clause
    /// with a verb or a name of its own comes between ("…pact “insanity,” and Sanders, who
    /// says it's “disastrous.”").
    fn strung_before_verb(&self, out: &mut [Attribution]) {
        for q in (0..self.spans.len().saturating_sub(1)).rev() {
            let (span, next) = (&self.spans[q], &self.spans[q + 1]);
            let p = span.paragraph;
            let strung = || {
                let between = span.close.map_or(next.open, |c| c + 1)..next.open;
                !between.clone().any(|k| self.is_cue_at(p, k) || self.mention_starting(p, k).is_some())
            };
            let shared = next.paragraph == p
                && out[q].speaker.is_none()
                && out[q + 1].cue.is_some()
                && self.sentence[p][span.open] == self.sentence[p][next.open]
                && !matches!(self.uses[q], Use::Marked { .. })
                && !self.uses[q].is_no_speech()
                && strung();
            if shared && out[q + 1].speaker.is_some() {
                out[q].speaker = out[q + 1].speaker.clone();
                out[q].fragment = true;
                out[q].dropped = false;
            }
        }
    }

    /// The quote that quote `q` is listed after: the one before it in the paragraph, with only
    /// "and", "or" or a comma between its closing mark and this one's opening mark.
    fn listed_after(&self, q: usize) -> Option<usize> {
        let span = &self.spans[q];
        let previous = q.checked_sub(1).filter(|&i| self.spans[i].paragraph == span.paragraph)?;
        let close = self.spans[previous].close?;
        let between = close + 1..span.open;
        let joined = !between.is_empty()
            && between.clone().all(|k| {
                self.is_punct(span.paragraph, k, ",")
                    || matches!(self.lower(span.paragraph, k).as_deref(), Some("and" | "or"))
            })
            && between.clone().any(|k| self.word(span.paragraph, k).is_some());
        joined.then_some(previous)
    }

    /// The range of tokens of `span`'s sentence before and after it, outside the quote.
    fn windows(&self, span: &QuotedSpan) -> ((usize, usize), (usize, usize)) {
        let p = span.paragraph;
        let tokens = &self.paragraphs[p].tokens;
        let sentences = &self.sentence[p];
        let own = sentences[span.open];
        let mut before_start = span.open;
        while before_start > 0 && sentences[before_start - 1] == own {
            // Stop at an earlier quote's closing mark: the text before it belongs to that one;
            // not at a title's, which is part of this text ("Akhil Amar, author of ''America's
            // Unwritten Constitution,'' put it, ''…''").
            if tokens[before_start - 1].kind == TokenKind::Close && !self.closes_held(p, before_start - 1) {
                break;
            }
            before_start -= 1;
        }
        let after_start = span.close.map_or(tokens.len(), |c| c + 1);
        let mut after_end = after_start;
        // A quote that ends its sentence (“… the timing.” Gov. Pat McCrory said) has nothing after it.
        let closing = span.close.map_or(own, |c| sentences[c]);
        while after_end < tokens.len()
            && (tokens[after_end].kind != TokenKind::Open
                || self.opens_nickname(p, after_end)
                || self.opens_modifier(p, after_end))
            && sentences[after_end] == closing
        {
            // Full stops end it where they end the sentence, not in "(D-Nev.)".
            if self.is_punct(p, after_end, ";") {
                break;
            }
            after_end += 1;
        }
        ((before_start, span.open), (after_start, after_end))
    }

    /// Whether token `k` stands inside the marks of a work's title ("On “Face the Nation,”").
    fn in_title(&self, p: usize, k: usize) -> bool {
        let at = self.spans.partition_point(|s| (s.paragraph, s.open) <= (p, k));
        at.checked_sub(1).is_some_and(|i| {
            let span = &self.spans[i];
            span.paragraph == p && span.close.is_some_and(|c| c >= k) && self.uses[i] == Use::Title
        })
    }

    /// Whether the closing mark at token `k` closes a title or words a noun holds at arm's
    /// length ("by refusing to say the words “radical Islam,” Democrats are “…”"), part of
    /// the text around them. Not what someone called something: that verb is a speaker's.
    fn closes_held(&self, p: usize, k: usize) -> bool {
        self.span_closed_at(p, k).is_some_and(|i| {
            let open = self.spans[i].open;
            self.uses[i] == Use::Title
                || (matches!(self.uses[i], Use::Marked { .. })
                    && open > 0
                    && matches!(
                        self.lower(p, open - 1).as_deref(),
                        Some("words" | "word" | "phrase" | "term" | "so-called")
                    ))
        })
    }

    /// Whether the closing mark at token `k` closes a work's title, no speech.
    fn closes_title(&self, p: usize, k: usize) -> bool {
        self.span_closed_at(p, k).is_some_and(|i| self.uses[i] == Use::Title)
    }

    /// The span whose closing mark is token `k` of paragraph `p`.
    fn span_closed_at(&self, p: usize, k: usize) -> Option<usize> {
        let at = self.spans.partition_point(|s| (s.paragraph, s.open) < (p, k));
        at.checked_sub(1).filter(|&i| self.spans[i].paragraph == p && self.spans[i].close == Some(k))
    }

    /// Whether the opening mark at token `k` opens a few quoted words that describe the noun
    /// after them (wearing “Ted Cruz” campaign pins, “Make America Great Again” hats), which
    /// the words after a quote go on past.
    fn opens_modifier(&self, p: usize, k: usize) -> bool {
        let Ok(i) = self.spans.binary_search_by_key(&(p, k), |s| (s.paragraph, s.open)) else { return false };
        let tokens = &self.paragraphs[p].tokens;
        self.spans[i].close.is_some_and(|c| {
            c <= k + 6
                && tokens.get(c + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && self.text[t.start..t.end].starts_with(char::is_lowercase)
                })
                && self.sentence[p][c] == self.sentence[p][k]
        }) && k
            .checked_sub(1)
            .and_then(|b| self.lower(p, b))
            .is_some_and(|w| matches!(w.as_ref(), "and" | "a" | "an" | "the" | "his" | "her" | "their"))
    }

    /// Whether the opening mark at token `k` opens a nickname inside a name (Marcia “Cia”
    /// Price), which the words after a quote go on past.
    fn opens_nickname(&self, p: usize, k: usize) -> bool {
        self.spans.binary_search_by_key(&(p, k), |s| (s.paragraph, s.open)).is_ok_and(|i| self.uses[i] == Use::Nickname)
    }

    fn attribute_by_cue(&self, span: &QuotedSpan) -> Option<Attribution> {
        let p = span.paragraph;
        let ((b0, b1), (a0, a1)) = self.windows(span);
        // A sign-off after a quote that its sentence attributes with a verb before it is the
        // reporter's: "Rajoy … insisted that his party was “still the No. 1 force in Spain.”--Kim
        // Hjelmgaard." The quote goes to whom the sentence names, or to its earlier quote's speaker.
        let signed = self.byline(p, a0, a1).filter(|_| !(b0..b1).any(|k| self.is_cue_at(p, k)));
        if let Some(speaker) = signed {
            return Some(Attribution { speaker: Some(speaker), cue: None, fragment: false, dropped: false });
        }
        // After the quote: “…,” Putin said / said Putin / a source said.
        let limit = (a0 + 12).min(a1);
        // The first verb with a speaker beside it: “…,” a new report said / “…,” Putin said.
        // Not past a conjunction that opens a clause of its own: "Cruz said he'd make sand
        // “glow in the dark,” and Trump vowed to…" — Trump's verb is not the quote's.
        // A participle is the quote's verb only set off from what goes before it (“…,” he
        // said, adding / “…,” adding); "without reporters asking him" is a clause of its own.
        let participle_apart =
            |k: usize| !self.lower(p, k).is_some_and(|w| w.ends_with("ing")) || k == a0 || self.is_punct(p, k - 1, ",");
        // A verb after the quote that goes on to report something else is not the quote's
        // when a verb before it is: "After Scalia said that students might do better at “less
        // advanced schools,” Trump said: “…”" / "…, one of his prosecutors said the cases differ"
        // / "While both sides described the talks as “positive,” they offered no ceasefire".
        let reports_other = |k: usize| {
            let next = k + 1 + usize::from(self.particle_of_cue(p, k).is_some());
            self.is_punct(p, next, ":")
                || matches!(
                    self.lower(p, next).as_deref(),
                    Some("that" | "the" | "a" | "an" | "he" | "she" | "it" | "they" | "we" | "no" | "yes")
                )
        };
        for k in
            (a0..limit).filter(|&k| self.is_cue_at(p, k) && !self.opens_own_clause(p, a0, k) && participle_apart(k))
        {
            if reports_other(k)
                && let Some(before) = self.named_or_before(p, b0, b1)
            {
                return Some(before);
            }
            // After a comma the verb comes first: “…,” forcing her to fend off Trump, said Brad Bannon.
            let speaker = if k > a0 && self.is_punct(p, k - 1, ",") {
                // "…” during her campaign, saying": a participle's subject is its clause's, not
                // the noun before the comma.
                let participle = self.lower(p, k).is_some_and(|w| w.ends_with("ing"));
                self.inverted(p, k, a1, false)
                    .or_else(|| (!participle).then(|| self.subject_before(p, k, a0)).flatten())
            } else {
                self.subject_before(p, k, a0).or_else(|| self.inverted(p, k, a1, false))
            };
            if let Some(speaker) = speaker {
                return Some(Attribution {
                    speaker: Some(speaker),
                    cue: self.cue_text(p, k),
                    fragment: false,
                    dropped: false,
                });
            }
        }
        // Further on, set off by a comma: “…,” in contrast to earlier years, says Dante Scala.
        // Or a subject set off by a comma before it: “…,” referring to the wall, the Tribune
        // reports / “…,” Melanne Verveer, who served as chief of staff, told CBS News.
        let far_speaker = |k: usize| {
            if self.is_punct(p, k - 1, ",") {
                return self.inverted(p, k, a1, false).or_else(|| self.subject_before(p, k, a0));
            }
            match (a0.max(k.saturating_sub(6))..k).rev().find(|&c| self.is_punct(p, c, ",")) {
                Some(comma) => self.subject_before(p, k, comma),
                None => self.opening_subject(p, a0, k),
            }
        };
        let far = (limit..a1).filter(|&k| k > 0 && self.is_cue_at(p, k)).find_map(|k| Some((k, far_speaker(k)?)));
        if let Some((k, speaker)) = far {
            // "Although Reynolds says that Santilli “broke the story” of …, others argue that…"
            if reports_other(k)
                && let Some(before) = self.named_or_before(p, b0, b1)
            {
                return Some(before);
            }
            return Some(Attribution {
                speaker: Some(speaker),
                cue: self.cue_text(p, k),
                fragment: false,
                dropped: false,
            });
        }
        self.named_or_before(p, b0, b1)
    }

    /// What the sentence before a quote tells of its speaker: a verb that names what someone
    /// is right before it ([`Self::naming_subject`]), else a reporting verb
    /// ([`Self::attribute_before`]).
    fn named_or_before(&self, p: usize, b0: usize, b1: usize) -> Option<Attribution> {
        self.naming_subject(p, b0, b1)
            .map(|(verb, speaker)| Attribution {
                speaker: Some(speaker),
                cue: self.cue_text(p, verb),
                ..Attribution::default()
            })
            .or_else(|| self.attribute_before(p, b0, b1))
    }

    /// The subject of a verb that names what someone or something is, with the quote as
    /// what it names them: "Skelly called Braynard “a real smart guy”", "what aide Kevin
    /// Phillips called “…”", "Mr. Trump had criticized the pope as ''a political person''".
    /// The words are the subject's, not the object's, who is named nearer the quote. The
    /// verb's object is at most five words, and no reporting verb comes between; "was called
    /// “…”" (the passive) and "so-called" have no subject here.
    fn naming_subject(&self, p: usize, b0: usize, b1: usize) -> Option<(usize, Speaker)> {
        let tokens = &self.paragraphs[p].tokens;
        let apostrophe = |k: usize| self.is_punct(p, k, "'") || self.is_punct(p, k, "\u{2019}");
        // "as “…”", "as a “…”".
        let article = b1 > b0 + 1 && self.lower(p, b1 - 1).is_some_and(|w| matches!(&*w, "a" | "an" | "the"));
        let at = b1 - usize::from(article);
        let as_before = at > b0 && self.lower(p, at - 1).as_deref() == Some("as");
        let end = if as_before { at - 1 } else { b1 };
        let verb = (end.saturating_sub(6).max(b0)..end).rev().find(|&k| {
            self.lower(p, k).is_some_and(|w| {
                is_naming_verb(&w)
                    || matches!(&*w, "call" | "describe" | "label")
                    || (as_before
                        && w.ends_with("ed")
                        && self.word(p, k).is_some_and(|v| v.starts_with(char::is_lowercase)))
            })
        })?;
        // "called on members to be “…”", "called for a ''cultural war''" ask, not name.
        if matches!(
            self.lower(p, verb + 1).as_deref(),
            Some("on" | "for" | "off" | "out" | "up" | "in" | "into" | "upon")
        ) {
            return None;
        }
        // "referred to Rubio as “…”": the object after its "to".
        let refers = self.lower(p, verb).is_some_and(|w| w.starts_with("refer"))
            && self.lower(p, verb + 1).as_deref() == Some("to");
        let object = verb + 1 + usize::from(refers)..end;
        // The object: words and a possessive's apostrophe, no reporting verb, and no
        // preposition, which makes the quote part of the object, not what it is called ("Fitton
        // called Clinton's assertion of a “claim of right” “significant”").
        let plain = object.clone().all(|k| {
            (tokens[k].kind == TokenKind::Word || apostrophe(k))
                && !self.is_cue_at(p, k)
                && !self.quoted[p][k]
                && !self.lower(p, k).is_some_and(|w| is_function_word(&w))
        });
        // No object only after "as", or in "what Phillips called “…”".
        let bare = object.is_empty()
            && (verb.saturating_sub(6).max(b0)..verb).any(|k| self.lower(p, k).as_deref() == Some("what"));
        if !plain || (object.is_empty() && !bare && !as_before) {
            return None;
        }
        // Inside what someone else is reported to say, the words are theirs as reported: "she
        // pointed to reports that Trump called her “Miss Piggy”", "CNN, Cruz said, called it
        // “…”". Not past a comma that closes the report: "denied it happened, with Lewandowski
        // taking to Twitter to call Fields “…”".
        // Read back from the verb once, knowing whether a comma came between.
        let mut closed = false;
        for k in (b0..verb).rev() {
            let aside = self.is_punct(p, k + 1, ",") && k + 2 == verb;
            if self.is_cue_at(p, k) && !self.lower(p, k).is_some_and(|w| is_naming_verb(&w)) && (!closed || aside) {
                return None;
            }
            closed |= self.is_punct(p, k, ",");
        }
        let before = verb.checked_sub(1).filter(|&k| k >= b0).and_then(|k| self.lower(p, k));
        if matches!(before.as_deref(), Some("was" | "were" | "is" | "are" | "be" | "been" | "being" | "so")) {
            return None;
        }
        if before.as_deref() == Some("to") {
            // "with Lewandowski taking to Twitter to call Fields “…”": the nearest person
            // before, in the same stretch of words.
            return (verb.saturating_sub(8).max(b0)..verb - 1)
                .rev()
                .take_while(|&k| tokens[k].kind == TokenKind::Word)
                .find_map(|k| self.mention_ending(p, k).filter(|f| self.is_named_person(f) && !self.is_possessive(f)))
                .map(|f| (verb, Speaker::Entity { entity: f.entity }));
        }
        // The subject may stand before an earlier quote of the sentence ("Bush referred to Rubio
        // as “…” but described his skills as a “work in progress.”"); one that names no one
        // ("what they call…") leaves the quote to the verbs before.
        if let Some(speaker) = self.subject_before(p, verb, self.sentence_start(p, verb).min(b0)) {
            let bare = match &speaker {
                Speaker::They => true,
                Speaker::Unnamed { description } => {
                    matches!(description.to_lowercase().as_str(), "they" | "it" | "we" | "you")
                }
                Speaker::Entity { .. } => false,
            };
            return (!bare).then_some((verb, speaker));
        }
        let w = before?;
        self.unknown_subject(p, b0, verb - 1, &w).map(|speaker| (verb, speaker))
    }

    /// A person named right after the quote, past words that describe them, whose verb `k`
    /// comes after a long stretch: “…,” nuclear experts David Albright and Serena
    /// Kelleher-Vergantini of Washington's Institute for Science and International Security
    /// wrote.
    fn opening_subject(&self, p: usize, a0: usize, k: usize) -> Option<Speaker> {
        let mut j = a0;
        while j < k && j < a0 + 4 && self.mention_starting(p, j).is_none() {
            if !self.word(p, j).is_some_and(|w| is_descriptor(w) || lexicon::is_title(w)) {
                return None;
            }
            j += 1;
        }
        let found = self.mention_starting(p, j).filter(|f| self.is_named_person(f))?;
        // Nothing between it and the verb that could have a verb of its own.
        let plain = (found.last + 1..k).all(|i| self.word(p, i).is_some() && !self.is_cue_at(p, i));
        plain.then_some(Speaker::Entity { entity: found.entity })
    }

    /// The verb before the quote and its speaker: Putin said: “…” / Putin said that security
    /// “must be ensured”.
    fn attribute_before(&self, p: usize, b0: usize, b1: usize) -> Option<Attribution> {
        if let Some(k) = (b0..b1).rev().find(|&k| self.is_cue_at(p, k)) {
            // A participle after a comma belongs to the clause's subject: "Trump returned the
            // compliment to Adelson, telling Reuters: “…”".
            // (The comma may stand inside a title's closing mark: "on MSNBC’s “Morning Joe,”
            // calling it…".)
            let comma_before = k > b0
                && (self.is_punct(p, k - 1, ",")
                    || (k > b0 + 1 && self.closes_title(p, k - 1) && self.is_punct(p, k - 2, ",")));
            let participle = comma_before && self.lower(p, k).is_some_and(|w| w.ends_with("ing") && w != "according");
            // Its clause may begin before an earlier quote of the sentence ("…the phrase “illegal
            // immigrant” during her campaign, saying she made a “poor choice of words”").
            // "Black Lives Matter issued a statement saying…": the statement is the medium, its
            // author the sentence's subject.
            // So are those it went to: "The Vermont senator emailed supporters saying: “…”".
            let addressed = k > b0 + 1
                && self.word(p, k - 1).is_some_and(|w| w.starts_with(char::is_lowercase))
                && self.word(p, k - 2).is_some_and(|w| w.starts_with(char::is_lowercase) && w.ends_with("ed"));
            let participle_here = self.lower(p, k).is_some_and(|w| w.ends_with("ing"));
            // Past the day it came: "issued a statement Tuesday saying".
            let day = k > b0 + 1 && self.word(p, k - 1).is_some_and(is_day);
            let noun = k - usize::from(day);
            let medium = noun > b0 && participle_here && self.lower(p, noun - 1).is_some_and(|w| is_medium(&w));
            // A clause of its own after the verb whose person does what the quote names:
            // "Some Democrats said they feared a speech like the one of 1992, when Mr. Buchanan,
            // who had failed to win, called for a ''cultural war''" is his.
            if let Some(found) = self.clause_after_cue(p, k + 1, b1) {
                return Some(Attribution {
                    speaker: Some(Speaker::Entity { entity: found.entity }),
                    cue: None,
                    fragment: true,
                    dropped: false,
                });
            }
            let speaker = if addressed && participle_here {
                self.subject_before(p, k - 2, b0)
            } else if medium {
                self.first_subject(p, b0, noun - 1)
                    .or_else(|| self.sender(p, noun - 1, b0))
                    .or_else(|| self.subject_before(p, k, b0))
            } else if participle {
                let start = self.sentence_start(p, k);
                // Right after a reporting verb the participle is that verb's subject's: "Mateen
                // left early, Nefzi said, adding, “…”" is Nefzi's, not the sentence's first name.
                let reported = (k >= 2 + start && self.is_cue_at(p, k - 2))
                    .then(|| self.subject_before(p, k - 2, start))
                    .flatten();
                // Not from the middle of a phrase after an earlier quote: "Sanders went on NBC's
                // “Today” to discuss his rival, Hillary Clinton, saying “…”" is his.
                let phrase_goes_on = b0 > start
                    && self.lower(p, b0).is_some_and(|w| {
                        is_function_word(&w) && !matches!(&*w, "is" | "was" | "were" | "are" | "be" | "been")
                    });
                // A clause of its own that the participle ends: "He tweeted when Clinton ended a
                // debate with a reference to the “Star Wars” sequel, remarking, “…”" is hers.
                reported
                    .or_else(|| (!phrase_goes_on).then(|| self.subject_between(p, b0, k - 1)).flatten())
                    .or_else(|| self.subordinate_subject(p, start, k - 1))
                    .or_else(|| self.subject_between(p, start, k - 1))
            } else if let Some(found) = self.parenthetical(p, k, b0, b1) {
                Some(Speaker::Entity { entity: found.entity })
            } else {
                self.subject_before(p, k, b0)
            };
            let speaker = speaker.or_else(|| self.inverted(p, k, b1, true));
            if let Some(speaker) = speaker {
                let between = (k + 1..b1).filter(|&i| self.word(p, i).is_some()).count();
                let object = self.object_after(p, k, b1, true).is_some();
                let fragment = between > 0 && !(object && between <= 4);
                return Some(Attribution {
                    speaker: Some(speaker),
                    cue: self.cue_text(p, k),
                    fragment,
                    dropped: false,
                });
            }
        }
        None
    }

    /// Who sent the message whose noun is at `m`, as the subject of the verb before it:
    /// "Rubio’s campaign sent out a press release saying…" is the campaign's.
    fn sender(&self, p: usize, m: usize, floor: usize) -> Option<Speaker> {
        let verb = (m.saturating_sub(4).max(floor + 1)..m).rev().find(|&v| {
            self.lower(p, v).is_some_and(|w| {
                matches!(&*w, "sent" | "issued" | "released" | "posted" | "put" | "published" | "distributed")
            })
        })?;
        // Only a message's words between: "sent out a press release".
        let plain = (verb + 1..m).all(|i| {
            self.lower(p, i)
                .is_some_and(|w| matches!(&*w, "out" | "a" | "an" | "the" | "its" | "their" | "press" | "new"))
        });
        plain.then(|| self.subject_before(p, verb, floor)).flatten()
    }

    /// A reporting verb and its speaker set off by commas inside the sentence before a quote:
    /// "The paradox of Nancy, says Carl Anthony, historian at the National First Ladies
    /// Library, is that she was “…”".
    fn parenthetical(&self, p: usize, k: usize, floor: usize, ceiling: usize) -> Option<&'a Found> {
        if k <= floor || !self.is_punct(p, k - 1, ",") || self.lower(p, k).is_some_and(|w| w.ends_with("ing")) {
            return None;
        }
        let found = self.mention_starting(p, k + 1).filter(|f| f.last + 1 < ceiling)?;
        let person = self.names.entities[found.entity].kind == EntityKind::Person;
        (person && self.is_punct(p, found.last + 1, ",")).then_some(found)
    }

    /// A dash and a name right after the closing mark, as in an epigraph or a line of a vox
    /// pop: “…” ― Jorge Falcon / “…” -- Kim Hjelmgaard. The name must end its sentence or come
    /// with a reporting verb; a possessive ("— Obama's plan") is not a byline.
    fn byline(&self, p: usize, a0: usize, a1: usize) -> Option<Speaker> {
        let start = a0 + text::byline_dash(self.text, &self.paragraphs[p].tokens, a0)?;
        let found = self.mention_starting(p, start).filter(|f| !self.is_possessive(f))?;
        let after = found.last + 1;
        let ends = after >= a1
            || self.is_punct(p, after, ".")
            || self.is_punct(p, after, ",")
            || self.is_cue_at(p, after)
            || self.paragraphs[p].tokens.get(after).is_some_and(|t| t.kind == TokenKind::Open);
        ends.then_some(Speaker::Entity { entity: found.entity })
    }

    /// A quote in a paragraph that a later quote closes with a dash and a name, as a vox pop
    /// prints several sentences of one reader: “… all they have is money.” And that’s all he
    /// has “the root of all evil.” ― Christina Lastra.
    fn signed_at_paragraph_end(&self, q: usize) -> Option<Speaker> {
        let p = self.spans[q].paragraph;
        let last = q + self.spans[q + 1..].iter().take_while(|s| s.paragraph == p).count();
        if last == q {
            return None;
        }
        let (_, (a0, a1)) = self.windows(&self.spans[last]);
        let signer = self.byline(p, a0, a1)?;
        // The name ends the paragraph: nothing but a stop after it.
        let tokens = &self.paragraphs[p].tokens;
        let name = self.mention_starting(p, a0 + text::byline_dash(self.text, tokens, a0)?)?;
        tokens[name.last + 1..].iter().all(|t| t.kind == TokenKind::Punct).then_some(signer)
    }

    /// A quote that makes up its paragraph, signed on the next line by a dash and a name
    /// alone or with a few words after a comma, as fact-checks, epigraphs and round-ups print
    /// it: “… pay zero taxes.” ¶ - Sanders. (A
    /// quote inside a sentence is not signed by an agency's credit line below it.)
    fn byline_below(&self, span: &QuotedSpan) -> Option<Speaker> {
        let p = span.paragraph;
        let tokens = &self.paragraphs[p].tokens;
        let close = span.close?;
        if span.open != 0 || tokens[close + 1..].iter().any(|t| t.kind != TokenKind::Punct) {
            return None;
        }
        let below = self.paragraphs.get(p + 1)?;
        // In Markdown "- Sanders." is a list item, its dash before the paragraph's text.
        let line = self.text[..below.start].rfind('\n').map_or(0, |i| i + 1);
        let marker = matches!(self.text[line..below.start].trim(), "-" | "*" | "\u{2015}" | "\u{2014}" | "\u{2013}");
        // A paragraph below a quote that opens on a hyphen is signed by it too ("-Michelle Marks").
        let hyphen = below.tokens.first().is_some_and(|t| &self.text[t.start..t.end] == "-");
        let dash = if marker {
            Some(0)
        } else if hyphen {
            Some(1)
        } else {
            text::byline_dash(self.text, &below.tokens, 0)
        }?;
        // Past a title: "- President Obama".
        let mut at = dash;
        while self.word(p + 1, at).is_some_and(lexicon::is_title) && self.mention_starting(p + 1, at).is_none() {
            at += 1;
        }
        let found = self.mention_starting(p + 1, at).filter(|f| !self.is_possessive(f))?;
        let rest = &below.tokens[found.last + 1..];
        let alone = rest.iter().all(|t| t.kind == TokenKind::Punct) && rest.len() <= 1;
        // Or with a few words after a comma, where they are from or what they did: "- Michelle
        // Marks, Philadelphia.", "- President Obama, tweeting after Clinton's speech."
        let described = self.is_punct(p + 1, found.last + 1, ",") && rest.len() <= 12;
        ((alone || described) && self.speaker_kind(found)).then_some(Speaker::Entity { entity: found.entity })
    }

    /// Whether the verb at `k` follows a conjunction past the quote, with a subject of its own
    /// (“glow in the dark,” and Trump vowed / “artful smear” while Sanders suggests) or the
    /// subject of the clause before the quote (argued that “liberals” …, but suggested Trump…).
    fn opens_own_clause(&self, p: usize, a0: usize, k: usize) -> bool {
        // Unless the quote is followed by its subject: “…,” the senator and candidate said.
        if self.word(p, a0).is_some_and(|w| is_determiner(&w.to_lowercase()) || w.starts_with(char::is_uppercase)) {
            return false;
        }
        let mut j = k;
        while j > a0 && self.is_between(p, j - 1) {
            j -= 1;
        }
        // A relative clause about someone the conjunction brings in: “insanity,” and Sanders,
        // who says it's “disastrous”. Or one of its own: “fair” to him, engaging in what
        // analysts described as…
        if j > a0 && self.lower(p, j - 1).as_deref() == Some("who") {
            return (a0..j - 1)
                .any(|i| matches!(self.lower(p, i).as_deref(), Some("and" | "but" | "while" | "whereas")));
        }
        (j.saturating_sub(5).max(a0)..j).rev().take_while(|&i| self.word(p, i).is_some()).any(|i| {
            let word = self.lower(p, i);
            // "…, which is what Comey called it" is Comey's; "engaging in what analysts
            // described as…" is not.
            let what = word.as_deref() == Some("what")
                && !(i > 0 && matches!(self.lower(p, i - 1).as_deref(), Some("is" | "was" | "are" | "were")));
            i < j && (what || matches!(word.as_deref(), Some("and" | "but" | "while" | "whereas" | "until")))
        })
    }

    fn cue_text(&self, p: usize, k: usize) -> Option<Cue> {
        let word = self.lower(p, k)?;
        Some(Cue::Verb(match self.particle_of_cue(p, k) {
            _ if word == "according" => "according to".to_string(),
            Some(particle) => format!("{word} {particle}"),
            None => word.into_owned(),
        }))
    }

    /// The name, pronoun or unnamed source right before the verb at `k`.
    fn subject_before(&self, p: usize, k: usize, floor: usize) -> Option<Speaker> {
        let mut j = k;
        while j > floor {
            let Some(w) = self.lower(p, j - 1) else { break };
            // When, between subject and verb: "who in 2010 said".
            let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
            // A verb that the reporting one says how: "A Chinese official responded by saying".
            let by = w == "by"
                && self.lower(p, k).is_some_and(|v| v.ends_with("ing"))
                && j > floor + 1
                && self.lower(p, j - 2).is_some_and(|v| v.ends_with("ed"));
            if (year && j > floor + 1 && self.lower(p, j - 2).as_deref() == Some("in")) || by {
                j -= 2;
            } else if w == "by" && self.lower(p, k).is_some_and(|v| v.ends_with("ing")) && j - 1 > floor {
                // "Bolton distanced himself from the movement by saying": the clause's subject.
                return self.subject_between(p, floor, j - 1);
            } else if self.is_between(p, j - 1) {
                j -= 1;
            } else {
                break;
            }
        }
        if j <= floor {
            return None;
        }
        // A relative clause: "McConnell, now the Senate majority leader, who in 2010 said…",
        // "Mitch McConnell, who said…" — the person the clause is about.
        if self.lower(p, j - 1).as_deref() == Some("who") && j - 1 > floor {
            let before = j - 2;
            let end = if self.is_punct(p, before, ",") {
                self.comma_after_person(p, before, floor)
                    .map(|c| self.before_parenthesis(p, c - 1, floor).unwrap_or(c - 1))
            } else {
                Some(before)
            };
            let named = end.and_then(|e| self.mention_ending(p, e)).filter(|f| self.is_named_person(f));
            if let Some(found) = named {
                return Some(Speaker::Entity { entity: found.entity });
            }
            // Or a description: "a lecture from the Mexican president, who said that…".
            return (end.is_none() && self.is_punct(p, before, ",") && before > floor)
                .then(|| self.unnamed_ending(p, before - 1, floor))
                .flatten();
        }
        // A second verb of the clause: "Bush thought for a moment and said that…".
        let opens_sentence = floor == 0 || self.sentence[p][floor - 1] != self.sentence[p][floor];
        if opens_sentence && matches!(self.lower(p, j - 1).as_deref(), Some("and" | "but")) {
            // The clause after the sentence's last comma first: "When told Perez was in the
            // Cabinet, Bush thought for a moment and said that…".
            let clause = (floor..j - 1).rev().find(|&c| self.is_punct(p, c, ",")).map_or(floor, |c| c + 1);
            return self.subject_between(p, clause, j - 1).or_else(|| self.subject_between(p, floor, j - 1));
        }
        let mut last = self.before_parenthesis(p, j - 1, floor)?;
        // A title's closing mark, the appositive's comma inside it: "author of ''America's
        // Unwritten Constitution,'' said".
        if self.closes_title(p, last) && last > floor {
            last -= 1;
        }
        // An appositive between subject and verb: "Jeff Weaver, Sanders' campaign manager, said".
        if self.is_punct(p, last, ",") {
            // The comma that opens it: the nearest one, or one further back that follows a
            // person, past the commas of a list inside ("Anne Richards, assistant secretary of
            // state for population, refugees, and migration, said").
            let nearest = (last.saturating_sub(16).max(floor)..last).rev().find(|&k| self.is_punct(p, k, ","));
            let opening = self.comma_after_person(p, last.saturating_sub(1), floor).or(nearest);
            if let Some(comma) = opening.filter(|&c| c > floor) {
                let before = self.before_parenthesis(p, comma - 1, floor).unwrap_or(comma - 1);
                if let Some(found) = self.mention_ending(p, before) {
                    let person = self.person_of(p, found.first, floor).unwrap_or(found);
                    return Some(Speaker::Entity { entity: person.entity });
                }
                // Placed by what is no mention here: "Rep. Tom Cole of Oklahoma, an ally of GOP
                // leadership, said".
                if let Some(person) = self.person_of(p, before + 1, floor) {
                    return Some(Speaker::Entity { entity: person.entity });
                }
                // A description, then the name as the appositive: "his wife, Gabriela Violeta
                // Lazar, said" is hers; "Scott's niece, state Del. Marcia Price (D-Newport
                // News), shouted" too.
                let end = self.before_parenthesis(p, last - 1, comma).unwrap_or(last - 1);
                let name = (self.mention_starting(p, comma + 1))
                    .or_else(|| self.described_person(p, comma + 1, last))
                    .filter(|f| f.last == end && self.is_named_person(f));
                if let Some(found) = name {
                    return Some(Speaker::Entity { entity: found.entity });
                }
                if let Some(speaker) = self.unnamed_ending(p, comma - 1, floor) {
                    return Some(speaker);
                }
                // A participle's phrase set off by commas ("Others, reacting to the video's
                // release, shouted") holds no subject: the verb's is before it, or none known.
                if self.lower(p, comma + 1).is_some_and(|w| w.ends_with("ing")) {
                    return None;
                }
            }
            last = last.saturating_sub(1).max(floor);
        }
        if let Some(found) = self.mention_ending(p, last) {
            // An organisation that is the agent or the listener of a participle is not the
            // subject: "Another intelligence source speaking to Fox News said", "A Feb. 1
            // letter … obtained by The Associated Press warns" name their source first.
            let article =
                usize::from(found.first > floor + 1 && self.lower(p, found.first - 1).as_deref() == Some("the"));
            let listener = found.first > floor + article
                && self.names.entities[found.entity].kind != EntityKind::Person
                && matches!(self.lower(p, found.first - 1 - article).as_deref(), Some("to" | "by"));
            // The person who opens the clause speaks first: "Thiel wrote in a statement to
            // Wired explaining why…, “…”" is Thiel's.
            let opener = self.mention_starting(p, floor).filter(|f| f.first < found.first && self.is_named_person(f));
            if listener && let Some(person) = opener {
                return Some(Speaker::Entity { entity: person.entity });
            }
            if listener
                && let Some(source) = (floor..found.first).find_map(|k| self.unnamed_starting(p, k, found.first, false))
            {
                return Some(source);
            }
            // Nor is the medium a participle writes in: "Clinton responded to the question on
            // Facebook writing, “…”" is Clinton's, the person who opens the clause.
            let medium = found.first > floor + article
                && self.names.kind(found) != EntityKind::Person
                && matches!(self.lower(p, found.first - 1 - article).as_deref(), Some("on" | "in"))
                && self.lower(p, k).is_some_and(|w| w.ends_with("ing"));
            if medium && let Some(person) = self.clause_person(p, floor, found.first) {
                return Some(Speaker::Entity { entity: person.entity });
            }
            if let Some(group) = self.group_of_before(p, found, floor) {
                return Some(group);
            }
            let person = self.person_of(p, found.first, floor).unwrap_or(found);
            return Some(Speaker::Entity { entity: person.entity });
        }
        if let Some(person) = self.person_of(p, last + 1, floor) {
            return Some(Speaker::Entity { entity: person.entity });
        }
        // Someone of a person's, right before the verb: "Gary Johnson’s doctor is calling…".
        let owner = last.checked_sub(1).filter(|&o| o >= floor).and_then(|o| self.mention_ending(p, o));
        if let Some(owner) = owner.filter(|f| self.is_possessive(f))
            && self
                .word(p, last)
                .is_some_and(|w| is_role_head(w) || is_kin_or_counsel(w) || lexicon::is_unnamed_head(w))
        {
            let tokens = &self.paragraphs[p].tokens;
            let description = self.text[tokens[owner.first].start..tokens[last].end].to_string();
            return Some(Speaker::Unnamed { description });
        }
        let word = self.lower(p, last)?;
        if let Some(pronoun) = subject_pronoun(&word) {
            return self.resolve_pronoun(p, last, pronoun);
        }
        if let Some(found) = self.open_appositive(p, last, floor) {
            return Some(Speaker::Entity { entity: found.entity });
        }
        self.unnamed_ending(p, last, floor).or_else(|| self.determined_subject(p, last, floor))
    }

    /// A short description with its determiner that opens its clause and ends at `last`,
    /// right before the verb, whatever its head: "Another commenter said", "The Christian
    /// leader related", "One veteran delegate recalled". Kept as written; none where a word
    /// in it is a name, a pronoun, a verb's or a function word.
    fn determined_subject(&self, p: usize, last: usize, floor: usize) -> Option<Speaker> {
        let first = (last.saturating_sub(3).max(floor)..last)
            .rev()
            .find(|&d| self.lower(p, d).is_some_and(|w| matches!(&*w, "a" | "an" | "the" | "another" | "one")))?;
        let tokens = &self.paragraphs[p].tokens;
        let opens = first == floor
            || self.sentence[p][first - 1] != self.sentence[p][first]
            || self.is_punct(p, first - 1, ",")
            || tokens[first - 1].kind == TokenKind::Close;
        // A place or a body may qualify the head ("the New York businessman"), a person not.
        let list = &self.mentions[p];
        let from = list.partition_point(|&i| self.names.found[i].last <= first);
        let named = list[from..]
            .iter()
            .map(|&i| &self.names.found[i])
            .take_while(|f| f.first <= last)
            .any(|f| self.names.kind(f) == EntityKind::Person);
        let plain = !named
            && (first + 1..=last).all(|k| {
                self.lower(p, k).is_some_and(|w| {
                    !is_function_word(&w)
                        && !is_determiner(&w)
                        && pronoun(&w).is_none()
                        && !lexicon::is_cue(&w)
                        && !w.ends_with("ing")
                        && !w.ends_with("ly")
                })
            });
        // The head in lower case: "The Christian leader", not "The Christian".
        let head = self.word(p, last).is_some_and(|w| w.starts_with(char::is_lowercase));
        (opens && plain && head && last > first)
            .then(|| Speaker::Unnamed { description: self.text[tokens[first].start..tokens[last].end].to_string() })
    }

    /// The first person named as such in tokens `floor..end`, not after a preposition.
    fn clause_person(&self, p: usize, floor: usize, end: usize) -> Option<&'a Found> {
        (floor..end).find_map(|i| {
            self.mention_starting(p, i).filter(|f| self.is_named_person(f) && !self.follows_preposition(p, i))
        })
    }

    /// A person named as such, not in the possessive ("Trump's plan").
    fn is_named_person(&self, found: &Found) -> bool {
        self.names.entities[found.entity].kind == EntityKind::Person && !self.is_possessive(found)
    }

    /// The nearest comma at or before token `to` (within 20 tokens, after `floor`) that follows
    /// a person's name, skipping a parenthesis: where an appositive or a relative clause opens
    /// ("Anne Richards, assistant secretary of state for population, refugees, and migration,").
    fn comma_after_person(&self, p: usize, to: usize, floor: usize) -> Option<usize> {
        (to.saturating_sub(30).max(floor + 1)..=to).rev().filter(|&c| self.is_punct(p, c, ",")).find(|&c| {
            let before = self.before_parenthesis(p, c - 1, floor).unwrap_or(c - 1);
            self.mention_ending(p, before).is_some_and(|f| self.is_named_person(f))
        })
    }

    /// The person an organisation or place at token `first` places: "Joel Pollak of Breitbart
    /// California observed", "Jeffrey Lewis of the James Martin Center for Nonproliferation
    /// Studies wrote" (a name the finder may have cut short), "Harry Bond, 30, of Raleigh,
    /// N.C., who was among those polled, said". Walks back over the rest of the name, commas
    /// and ages, past "of", "at" or "from", to the person before it.
    fn person_of(&self, p: usize, first: usize, floor: usize) -> Option<&'a Found> {
        let mut placed = false;
        for k in (floor.max(first.saturating_sub(12))..first).rev() {
            if placed {
                let person = self.mention_ending(p, k).filter(|f| self.is_named_person(f));
                if person.is_some() {
                    return person;
                }
            }
            let Some(w) = self.word(p, k) else {
                if self.is_punct(p, k, ",") {
                    continue;
                }
                return None;
            };
            match &*lower(w) {
                "of" | "at" | "from" => placed = true,
                "the" | "for" | "and" | "on" => {}
                _ if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) => {}
                _ => return None,
            }
        }
        None
    }

    /// A person whose appositive runs up to the verb without its closing comma: "Nate Silver,
    /// the polling guru who founded fivethirtyeight.com tweeted", "Jeff Weaver, the campaign
    /// manager said". The appositive opens with a determiner or a possessive at the nearest
    /// comma, and holds no reporting verb of its own.
    fn open_appositive(&self, p: usize, last: usize, floor: usize) -> Option<&'a Found> {
        let comma = (last.saturating_sub(14).max(floor + 1)..last).rev().find(|&k| {
            (self.word(p, k).is_none() && !self.is_punct(p, k, ".")) || self.sentence[p][k] != self.sentence[p][last]
        })?;
        if !self.is_punct(p, comma, ",") || (comma + 1..=last).any(|k| self.is_cue_at(p, k)) {
            return None;
        }
        let opens = self.lower(p, comma + 1).is_some_and(|w| {
            matches!(&*w, "the" | "a" | "an" | "his" | "her" | "their" | "its")
                || w.ends_with("'s")
                || w.ends_with("\u{2019}s")
        });
        let found = self.mention_ending(p, comma.checked_sub(1)?)?;
        // The name opens its clause: "In an interview with Joe Scarborough and Mika Brzezinski,
        // the Democratic candidate stated" is the candidate's sentence.
        let tokens = &self.paragraphs[p].tokens;
        let opens_clause = found.first == 0
            || self.sentence[p][found.first - 1] != self.sentence[p][found.first]
            || matches!(tokens[found.first - 1].kind, TokenKind::Close | TokenKind::Open)
            || self.is_punct(p, found.first - 1, ",");
        let person = self.names.entities[found.entity].kind == EntityKind::Person;
        (opens && opens_clause && person && !self.is_possessive(found)).then_some(found)
    }

    /// The speaker after the verb, where the verb allows one there: "told Fox News" names
    /// the listener, and so does "asked Putin" before the quote (after it, “…?” asked Putin).
    fn inverted(&self, p: usize, k: usize, ceiling: usize, before_quote: bool) -> Option<Speaker> {
        let listener = match self.lower(p, k).as_deref() {
            Some("told" | "tells" | "telling") => true,
            Some("asked" | "asks") => before_quote,
            _ => false,
        };
        // Before a quote the verb comes first only where its clause begins ("Said Comey, “…”",
        // "…, said Trump: “…”"); after a subject it takes an object: "Will described Trump as “…”".
        let tokens = &self.paragraphs[p].tokens;
        let clause_start = k == 0
            || tokens[k - 1].kind != TokenKind::Word
            || self.sentence[p][k - 1] != self.sentence[p][k]
            || self.is_between(p, k - 1)
            || self.lower(p, k - 1).as_deref() == Some("and");
        if listener || (before_quote && !clause_start) { None } else { self.object_after(p, k, ceiling, before_quote) }
    }

    /// A person named after words that describe them, from token `k`: "Clinton campaign
    /// manager Robby Mook" read from "campaign", "PolitiFact Executive Director Aaron Sharockman"
    /// from "Executive".
    fn described_person(&self, p: usize, k: usize, ceiling: usize) -> Option<&'a Found> {
        let mut j = k;
        // "Oversight ranking Democrat Elijah Cummings": a party's word may close the description.
        let describes = |w: &str| is_descriptor(w) || lexicon::is_title(w) || lexicon::is_demonym(w);
        while j < ceiling && j < k + 4 && self.word(p, j).is_some_and(describes) {
            j += 1;
        }
        self.person_after_description(p, k, j)
    }

    /// As [`Self::described_person`], but only over words that name a role ("Obama consultant
    /// Cornell Belcher", "McConnell spokesman Don Stewart"), not a verb ("Trump accused Cruz").
    fn role_described_person(&self, p: usize, k: usize, ceiling: usize) -> Option<&'a Found> {
        let mut j = k;
        while j < ceiling && j < k + 4 && self.word(p, j).is_some_and(is_role_word) {
            j += 1;
        }
        self.person_after_description(p, k, j)
    }

    fn person_after_description(&self, p: usize, k: usize, j: usize) -> Option<&'a Found> {
        if j == k {
            return None;
        }
        self.mention_starting(p, j).filter(|f| self.names.entities[f.entity].kind == EntityKind::Person)
    }

    /// Inverted order: said Putin / said Ambassador Alexander Darchiev / according to officials.
    fn object_after(&self, p: usize, k: usize, ceiling: usize, before_quote: bool) -> Option<Speaker> {
        let mut j = k + 1;
        if self.lower(p, k).as_deref() == Some("according") || self.particle_of_cue(p, k).is_some() {
            j += 1;
        }
        let start = j;
        // Lower-case words of a description passed over on the way: "said conservative activist Bob Klaus".
        let mut described = false;
        while j < ceiling && j < start + 8 {
            // A place before the title ("said Chicago Alderman Jason Ervin") is passed over: a place says nothing.
            if let Some(place) = self.place_starting(p, j) {
                j = place + 1;
                continue;
            }
            if let Some(found) = self.mention_starting(p, j) {
                let person = self.names.entities[found.entity].kind == EntityKind::Person;
                if described && !person {
                    // "said retired Army Lt. Gen. Mick Bednarek": a body's role, then the name.
                    if let Some(named) = self.described_person(p, found.last + 1, ceiling) {
                        return Some(Speaker::Entity { entity: named.entity });
                    }
                    break;
                }
                // "said Rubio’s deputy campaign manager, Rich Beeson": the owner is an attribute,
                // the name set off after the role the speaker.
                if self.is_possessive(found)
                    && let Some(named) = self.named_after_role(p, found.last + 1, ceiling)
                {
                    return Some(Speaker::Entity { entity: named.entity });
                }
                // "said Clinton campaign manager Robby Mook": the first name is an attribute.
                let named = self.described_person(p, found.last + 1, ceiling);
                // And with no name after the role, the role is the speaker: "said the senior
                // Cruz adviser", "said a Clinton aide".
                let role = (found.last + 1..ceiling.min(found.last + 4))
                    .take_while(|&i| {
                        self.word(p, i).is_some_and(|w| w.starts_with(char::is_lowercase) && is_role_word(w))
                    })
                    .last();
                if person
                    && named.is_none()
                    && !self.is_possessive(found)
                    && let Some(head) = role.filter(|&h| self.phrase_ends_after(p, h, ceiling))
                {
                    let tokens = &self.paragraphs[p].tokens;
                    let description = self.text[tokens[start].start..tokens[head].end].to_string();
                    return Some(Speaker::Unnamed { description });
                }
                let found = named.unwrap_or(found);
                // Before the quote a name that goes on to a verb of its own is the subject of
                // the reported clause, not the speaker: "…, said Carson had been led astray by “…”".
                if before_quote && self.opens_clause_after(p, found.last + 1, ceiling) {
                    return None;
                }
                return Some(Speaker::Entity { entity: found.entity });
            }
            // "9/11", read as a number, a slash and a number.
            if self.is_punct(p, j, "/")
                && j > start
                && self.word(p, j + 1).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            {
                j += 1;
                continue;
            }
            let Some(w) = self.word(p, j) else { break };
            // An affiliation the finder took for no one: "said Judicial Watch President Tom Fitton".
            let affiliation = w.starts_with(char::is_uppercase) && !described;
            // Words that join the parts of a description: "said master of ceremonies Asab
            // Al-Tabchi", "said former Pennsylvania Gov. and DNC Chairman Ed Rendell".
            let joins = j > start
                && matches!(w, "and" | "of")
                && self.word(p, j + 1).is_some_and(|next| {
                    next.starts_with(char::is_uppercase) || is_descriptor(next) || lexicon::is_title(next)
                });
            // "said 9/11 widow Terry Strada", "said 17-year-old Jared Potts".
            let numbered = w.starts_with(|c: char| c.is_ascii_digit());
            if (is_descriptor(w) || numbered) && !matches!(w, "former" | "then") {
                described = true;
            } else if !(joins
                || affiliation
                || lexicon::is_title(w)
                || lexicon::is_demonym(w)
                || matches!(w, "the" | "The" | "former" | "then")
                // "added his campaign manager Jeff Weaver".
                || (j == start && matches!(w, "his" | "her" | "their")))
            {
                break;
            }
            j += 1;
        }
        if self.lower(p, start).as_deref().is_some_and(|w| pronoun(w).is_some()) && k + 1 == start {
            return None; // "said he would" is not an inversion.
        }
        self.unnamed_starting(p, start, ceiling, before_quote)
    }

    /// A person named after a role and a comma from token `k`: "deputy campaign manager, Rich
    /// Beeson" after "said Rubio’s".
    fn named_after_role(&self, p: usize, k: usize, ceiling: usize) -> Option<&'a Found> {
        let mut j = k;
        // Its words: descriptions, titles, and the place or body the role is of ("Trump’s
        // Virginia state director, Mike Rubino").
        while j < ceiling
            && j < k + 5
            && match self.mention_at(p, j) {
                Some(found) => self.names.kind(found) != EntityKind::Person,
                None => self.word(p, j).is_some_and(|w| is_descriptor(w) || lexicon::is_title(w)),
            }
        {
            j = self.mention_at(p, j).map_or(j, |f| f.last) + 1;
        }
        if j == k || !self.is_punct(p, j, ",") {
            return None;
        }
        // "Scott's niece, state Del. Marcia Price": the name may have a title of its own.
        (self.mention_starting(p, j + 1).or_else(|| self.described_person(p, j + 1, ceiling)))
            .filter(|f| self.is_named_person(f))
    }

    /// Whether the word at `k` is the verb of a clause whose subject ends just before it:
    /// "Carson had been", "Trump would", "Cruz said".
    fn opens_clause_after(&self, p: usize, k: usize, ceiling: usize) -> bool {
        k < ceiling
            && self.lower(p, k).is_some_and(|w| {
                lexicon::is_cue(&w)
                    || matches!(
                        &*w,
                        "had"
                            | "has"
                            | "have"
                            | "is"
                            | "was"
                            | "were"
                            | "are"
                            | "would"
                            | "will"
                            | "could"
                            | "should"
                            | "can"
                            | "may"
                            | "might"
                            | "must"
                            | "did"
                            | "does"
                            | "do"
                    )
            })
    }

    /// "the German chancellor", "the president": the nearest person whose role has that word.
    fn role_ending(&self, p: usize, last: usize, floor: usize) -> Option<Speaker> {
        let head = self.lower(p, last)?;
        // A campaign or an office speaks as a body, not as the person who leads it.
        if !lexicon::is_title(&capitalise(&head)) || last == floor || is_body(&head) {
            return None;
        }
        let determiner = (last.saturating_sub(3).max(floor)..last).any(|k| self.lower(p, k).as_deref() == Some("the"));
        if !determiner {
            return None;
        }
        self.nearest_subject(p, last, &Sought::Role(head.into_owned()))
    }

    /// "a senior official" / "officials" / "a senior official in Berlin", ending at token
    /// `last`; or a role that names someone already met ("the German chancellor").
    fn unnamed_ending(&self, p: usize, last: usize, floor: usize) -> Option<Speaker> {
        if let Some(speaker) = self.role_ending(p, last, floor) {
            return Some(speaker);
        }
        // A head a few words back, followed by a place or an affiliation: "an aide in Kyiv";
        // or a role in lower case after a determiner ("the Florida senator") that names nobody met.
        // Or further back, before a participle's phrase: "officials speaking on condition of
        // anonymity", "protesters marching through the streets".
        let head_at = (last.saturating_sub(7).max(floor)..=last).rev().find(|&k| {
            self.word(p, k).is_some_and(|w| {
                lexicon::is_unnamed_head(&w.to_lowercase()) || is_role_head(w) || lexicon::is_group_ending(w)
            })
        })?;
        let role_head = self.word(p, head_at).is_some_and(|w| !lexicon::is_unnamed_head(&w.to_lowercase()));
        let tail_ok = (head_at + 1..=last)
            .all(|k| self.lower(p, k).is_some_and(|w| !lexicon::is_cue(&w) && pronoun(&w).is_none()));
        let placed = matches!(
            self.lower(p, head_at + 1).as_deref(),
            Some("in" | "at" | "from" | "for" | "with" | "close" | "familiar" | "of")
        );
        let linked = head_at == last || (placed && last - head_at <= 4) || self.participle_phrase(p, head_at + 1);
        if !tail_ok || !linked {
            return None;
        }
        let mut first = head_at;
        while first > floor && first + 6 > head_at {
            let Some(w) = self.lower(p, first - 1) else { break };
            if is_determiner(&w) {
                first -= 1;
                break;
            }
            // Not past a word that closes an earlier phrase ("an effort to disprove Republican"),
            // nor past "what" ("what her team calls").
            if self.word(p, first - 1).is_some() && !lexicon::is_cue(&w) && !is_function_word(&w) && w != "what" {
                first -= 1;
            } else {
                break;
            }
        }
        // A role ("the Florida senator"), a party member ("a New Hampshire Republican") or one
        // of a people ("the Texan") needs its determiner; "Republican claims" is not a source.
        let party = self.word(p, head_at).is_some_and(|w| lexicon::is_group_ending(w) && !w.ends_with('s'));
        if (role_head || party) && !self.lower(p, first).is_some_and(|w| is_determiner(&w)) {
            return None;
        }
        let tokens = &self.paragraphs[p].tokens;
        let description = self.text[tokens[first].start..tokens[last].end].to_string();
        Some(Speaker::Unnamed { description })
    }

    /// Whether a present participle and its preposition open at token `k`: "speaking on",
    /// "marching through" (a past participle is too often the verb: "activists joined in").
    fn participle_phrase(&self, p: usize, k: usize) -> bool {
        self.lower(p, k).is_some_and(|w| w.len() > 5 && w.ends_with("ing") && !lexicon::is_cue(&w))
            && matches!(
                self.lower(p, k + 1).as_deref(),
                Some(
                    "in" | "at"
                        | "on"
                        | "through"
                        | "outside"
                        | "inside"
                        | "near"
                        | "along"
                        | "about"
                        | "from"
                        | "with"
                        | "by"
                        | "into"
                        | "around"
                        | "across"
                )
            )
    }

    /// "officials", "a senior official in Berlin", "the German chancellor", from token `first`.
    /// Before a quote the phrase must end where it could close ("said officials were" starts a
    /// clause whose subject they are).
    fn unnamed_starting(&self, p: usize, first: usize, ceiling: usize, before_quote: bool) -> Option<Speaker> {
        let w = self.lower(p, first)?;
        let determined = is_determiner(&w);
        if !determined && !lexicon::is_unnamed_head(&w) {
            return None;
        }
        let tokens = &self.paragraphs[p].tokens;
        for k in first..ceiling.min(first + 6) {
            self.word(p, k)?;
            let role = self.word(p, k).is_some_and(is_role_head);
            let head = lexicon::is_unnamed_head(&self.lower(p, k)?) || (determined && role);
            // The phrase ends with its head ("said officials were…" makes them the subject of a
            // clause, not the speaker; so does "said the Republican party is…").
            if !head || (before_quote && !self.phrase_ends_after(p, k, ceiling)) {
                continue;
            }
            // "said the German chancellor": the person met with that role, else as written.
            let resolved = (role && !lexicon::is_unnamed_head(&self.lower(p, k)?))
                .then(|| self.role_ending(p, k, first))
                .flatten();
            if let Some(speaker) = resolved {
                return Some(speaker);
            }
            // The role, then the name set off by a comma: "said the bureau's director, James
            // B. Comey", "exhorted Clinton's introducer, actress Jamie Lee Curtis".
            let named = (self.is_punct(p, k + 1, ",") && k + 2 < ceiling)
                .then(|| self.mention_starting(p, k + 2).or_else(|| self.role_described_person(p, k + 2, ceiling)))
                .flatten()
                .filter(|f| self.names.entities[f.entity].kind == EntityKind::Person);
            if let Some(found) = named {
                return Some(Speaker::Entity { entity: found.entity });
            }
            let description = self.text[tokens[first].start..tokens[k].end].to_string();
            return Some(Speaker::Unnamed { description });
        }
        None
    }

    /// Whether a noun phrase can end at token `k`: the window ends, a mark follows, or a
    /// phrase that places the source ("an aide in Kyiv", "a person familiar with", "who").
    fn phrase_ends_after(&self, p: usize, k: usize, ceiling: usize) -> bool {
        k + 1 >= ceiling
            || self.word(p, k + 1).is_none()
            || matches!(
                self.lower(p, k + 1).as_deref(),
                Some("in" | "at" | "from" | "for" | "with" | "close" | "familiar" | "who" | "of" | "on")
            )
    }

    /// he / she → the first fitting person of the nearest earlier sentence that names one.
    fn resolve_pronoun(&self, p: usize, at: usize, pronoun: Pronoun) -> Option<Speaker> {
        if pronoun == Pronoun::They {
            // The group that opens one of the sentences before ("Officials met on Monday. “…,”
            // they said."), else a group the article does not name: kept unnamed.
            let group = self.group_before(p, at);
            return Some(group.unwrap_or(Speaker::They));
        }
        self.nearest_subject(p, at, &Sought::Pronoun(pronoun))
    }

    /// The plural source or organisation that opens one of the three sentences before token
    /// `at` (this paragraph and the one before): "Officials", "Two senior aides", "The Kremlin".
    /// A sentence that opens with a person ends the search: "they" is then a group unnamed.
    fn group_before(&self, p: usize, at: usize) -> Option<Speaker> {
        let mut starts = Vec::new();
        for paragraph in (p.saturating_sub(1)..=p).rev() {
            let end = if paragraph == p { at } else { self.paragraphs[paragraph].tokens.len() };
            let mut k = end;
            while k > 0 && starts.len() < 3 {
                let start = self.sentence_start(paragraph, k - 1);
                starts.push((paragraph, start, k));
                k = start;
            }
        }
        for (paragraph, start, end) in starts {
            let opening = if self.word(paragraph, start).is_some() { start } else { start + 1 };
            if opening >= end || self.quoted[paragraph][opening] {
                continue;
            }
            if let Some(found) = self.mention_starting(paragraph, opening).or_else(|| {
                (self.lower(paragraph, opening).as_deref() == Some("the"))
                    .then(|| self.mention_starting(paragraph, opening + 1))
                    .flatten()
            }) {
                return match self.names.entities[found.entity].kind {
                    EntityKind::Organisation => Some(Speaker::Entity { entity: found.entity }),
                    _ => None,
                };
            }
            if let Some(Speaker::Unnamed { description }) = self.unnamed_starting(paragraph, opening, end, false) {
                if description.ends_with('s') {
                    return Some(Speaker::Unnamed { description });
                }
                return None;
            }
        }
        None
    }

    /// Walks back sentence by sentence from token `at` of paragraph `p` (three paragraphs at
    /// most) for the person sought. In each sentence the first fitting mention wins; a
    /// sentence whose subject is the same pronoun again ("He had protested…") passes the
    /// search on to the one before it.
    fn nearest_subject(&self, p: usize, at: usize, sought: &Sought) -> Option<Speaker> {
        let end = at.min(self.paragraphs[p].tokens.len());
        if end > 0 {
            // Its own sentence, up to it; then the whole sentences before.
            let start = self.sentence_start(p, end - 1);
            let before = || self.sentence[p][end - 1].checked_sub(1).and_then(|n| self.nearest_in(p, n, sought));
            if let Some(speaker) = self.subject_in(p, start, end, sought).or_else(before) {
                return Some(speaker);
            }
        }
        (p.saturating_sub(3)..p).rev().find_map(|paragraph| {
            self.starts_of(paragraph).len().checked_sub(1).and_then(|n| self.nearest_in(paragraph, n, sought))
        })
    }

    /// Who the nearest sentence at or before sentence `last` of `paragraph` names as the
    /// person sought. Reads each sentence once per search: what it found, or that it found
    /// nobody, is kept in `subjects`.
    fn nearest_in(&self, paragraph: usize, last: usize, sought: &Sought) -> Option<Speaker> {
        let key = (sought.clone(), paragraph);
        let known = |n: usize| self.subjects.borrow().get(&key).and_then(|s| s.nearest.get(n).copied().flatten());
        let mut read = Vec::new();
        let mut fresh = None;
        let mut n = last;
        let nearest = loop {
            if let Some(nearest) = known(n) {
                break nearest;
            }
            let starts = self.starts_of(paragraph);
            let end = starts.get(n + 1).copied().unwrap_or(self.paragraphs[paragraph].tokens.len());
            if let Some(speaker) = self.subject_in(paragraph, starts[n], end, sought) {
                fresh = Some(speaker);
                break Some(n);
            }
            read.push(n);
            let Some(before) = n.checked_sub(1) else { break None };
            n = before;
        };
        let mut subjects = self.subjects.borrow_mut();
        let subjects = subjects.entry(key).or_default();
        if subjects.nearest.len() <= last {
            subjects.nearest.resize(last + 1, None);
        }
        for n in read {
            subjects.nearest[n] = Some(nearest);
        }
        if let (Some(n), Some(speaker)) = (nearest, fresh) {
            subjects.nearest[n] = Some(Some(n));
            subjects.found.insert(n, speaker);
        }
        nearest.map(|n| subjects.found[&n].clone())
    }

    /// Whether the mention can be the person sought: of the pronoun's sex (or of none known),
    /// or holding the role.
    fn fits(&self, sought: &Sought, found: &Found) -> bool {
        match sought {
            Sought::Pronoun(pronoun) => {
                let wanted = if *pronoun == Pronoun::She { Gender::Female } else { Gender::Male };
                let gender = self.names.gender[found.entity];
                gender == wanted || gender == Gender::Unknown
            }
            Sought::Role(head) => self.names.roles[found.entity].contains(head.as_str()),
        }
    }

    /// The person sought that tokens `start..end` of paragraph `p` (a sentence, or a sentence
    /// up to a pronoun) name: the speaker of its reporting verb, else its first fitting name.
    fn subject_in(&self, p: usize, start: usize, end: usize, sought: &Sought) -> Option<Speaker> {
        let same_pronoun = |w: &str| matches!(sought, Sought::Pronoun(sought) if pronoun(w) == Some(*sought));
        let fits = |f: &Found| self.fits(sought, f);
        // The sentence's speaker first ("… cool off,” Kunin said), then its first fitting name.
        // Up to the pronoun itself, when it stands in this sentence again ("He hoped, he said, …").
        let cue_end = (start..end).find(|&k| self.lower(p, k).is_some_and(|w| same_pronoun(&w))).unwrap_or(end);
        let speaker = (start..cue_end)
            .filter(|&k| self.is_cue_at(p, k))
            .find_map(|k| self.cue_person(p, k, start, end).filter(|f| fits(f)));
        if let Some(found) = speaker {
            return Some(Speaker::Entity { entity: found.entity });
        }
        // A person the sentence brings in, named in full for the first time with their role
        // after a comma, is who "he said" under it means: "… concerns Henry Crespo, president of
        // the Florida Democratic Black Caucus. ¶ “…,” he said."
        if matches!(sought, Sought::Pronoun(_))
            && let Some(found) = self.introduced_in(p, start, end).filter(|f| fits(f))
        {
            return Some(Speaker::Entity { entity: found.entity });
        }
        // Then the first fitting name that can be a subject (not a preposition's object,
        // not a possessive: "Like Makaeff, Roffman…", "Trump's attorney…"), else the first.
        let mut k = start;
        let mut fallback = None;
        while k < end {
            if self.quoted[p][k] {
                k += 1;
                continue;
            }
            if let Some(found) = self.mention_starting(p, k) {
                // "The Clinton campaign took…": the campaign, not the person.
                if self.group_of(p, found).is_some() {
                    k = found.last + 1;
                    continue;
                }
                // "Obama consultant Cornell Belcher": the first name is an attribute; so it is
                // before any description of the one who speaks ("Clinton communication director
                // Jennifer Palmieri said").
                let found = self
                    .role_described_person(p, found.last + 1, end)
                    .or_else(|| self.described_person(p, found.last + 1, end).filter(|f| self.is_cue_at(p, f.last + 1)))
                    .unwrap_or(found);
                if fits(found) {
                    if !self.title_follows_preposition(p, k) && !self.is_possessive(found) {
                        // "Scott Conroy asked Sanders whether… ¶ “Sure it is,” he said":
                        // the one asked answers.
                        let asked = (found.last + 1..(found.last + 4).min(end))
                            .find(|&v| matches!(self.lower(p, v).as_deref(), Some("asked" | "asks")))
                            .and_then(|v| self.mention_starting(p, v + 1))
                            .filter(|f| fits(f) && self.is_named_person(f));
                        return Some(Speaker::Entity { entity: asked.unwrap_or(found).entity });
                    }
                    fallback = fallback.or(Some(found.entity));
                }
                k = found.last + 1;
                continue;
            }
            if self.lower(p, k).is_some_and(|w| same_pronoun(&w)) {
                break; // the subject is the pronoun again: look further back
            }
            k += 1;
        }
        if let Some(entity) = fallback {
            return Some(Speaker::Entity { entity });
        }
        // A relative of the writer's or of someone's, of the pronoun's sex: "My mother has
        // softened with age, but even now she still says things such as, “…”".
        if let Sought::Pronoun(pronoun @ (Pronoun::He | Pronoun::She)) = sought
            && let Some(relative) = self.relative_opening(p, start, end, *pronoun)
        {
            return Some(relative);
        }
        // A sentence whose subject is a source the article does not name: "A reporter
        // for Agence France-Presse called it chaos. “…,” he said."
        matches!(sought, Sought::Pronoun(_)).then(|| self.described_subject(p, start, end)).flatten()
    }

    /// The last person of tokens `start..end` named there for the first time in the article,
    /// in two words or more, with a role set off by a comma after the name ("Henry Crespo,
    /// president of …"); none if the sentence's first person is the same.
    fn introduced_in(&self, p: usize, start: usize, end: usize) -> Option<&'a Found> {
        let list = &self.mentions[p];
        let found: Vec<&Found> = list
            .iter()
            .map(|&i| &self.names.found[i])
            .filter(|f| f.first >= start && f.last < end && !self.quoted[p][f.first] && self.is_named_person(f))
            .collect();
        let last = found.iter().rev().find(|f| {
            // The role in lower case right after the comma, after an article at most: not a
            // list ("Corey Lewandowski, and his spokeswoman") nor the sentence's verb.
            let role = (f.last + 2..f.last + 5)
                .take_while(|&k| {
                    self.word(p, k).is_some_and(|w| w.starts_with(char::is_lowercase))
                        && !self.lower(p, k).is_some_and(|w| matches!(&*w, "and" | "or" | "but" | "who" | "which"))
                })
                .any(|k| self.word(p, k).is_some_and(|w| is_role_head(w) || lexicon::is_unnamed_head(w)));
            let first_time = !self.names.found.iter().any(|g| g.entity == f.entity && g.span.start < f.span.start);
            f.last > f.first && self.is_punct(p, f.last + 1, ",") && role && first_time
        })?;
        (found.first()?.entity != last.entity).then_some(*last)
    }

    /// "My mother", "His brother" opening the sentence `start..end`, where the relative is of
    /// the pronoun's sex: the unnamed source it names.
    fn relative_opening(&self, p: usize, start: usize, end: usize, pronoun: Pronoun) -> Option<Speaker> {
        if start + 1 >= end
            || !self.lower(p, start).is_some_and(|w| matches!(&*w, "my" | "his" | "her" | "our" | "their"))
        {
            return None;
        }
        let relative = self.lower(p, start + 1)?;
        let sex = match &*relative {
            "mother" | "wife" | "daughter" | "sister" | "grandmother" | "aunt" | "widow" => Pronoun::She,
            "father" | "husband" | "son" | "brother" | "grandfather" | "uncle" => Pronoun::He,
            _ => return None,
        };
        let tokens = &self.paragraphs[p].tokens;
        (sex == pronoun).then(|| Speaker::Unnamed {
            description: self.text[tokens[start].start..tokens[start + 1].end].to_string(),
        })
    }

    /// A singular description that opens the sentence `start..end` ("A reporter for AFP",
    /// "The spokesman"), as the unnamed source it names.
    fn described_subject(&self, p: usize, start: usize, end: usize) -> Option<Speaker> {
        if !self.lower(p, start).is_some_and(|w| matches!(&*w, "a" | "an" | "the")) {
            return None;
        }
        let head = (start + 1..end.min(start + 5))
            .take_while(|&k| self.word(p, k).is_some() && !self.quoted[p][k])
            .find(|&k| self.lower(p, k).is_some_and(|w| lexicon::is_unnamed_head(&w) && !w.ends_with('s')))?;
        let tokens = &self.paragraphs[p].tokens;
        let mut last = head;
        // "The Republican nominee": the party's candidate, not the party's man.
        while last < head + 2
            && self.lower(p, last + 1).is_some_and(|w| matches!(&*w, "presidential" | "nominee" | "candidate"))
        {
            last += 1;
        }
        // "for Agence France-Presse": the affiliation that follows the head.
        if matches!(self.lower(p, last + 1).as_deref(), Some("for" | "at" | "with")) {
            let mut k = last + 2;
            if self.lower(p, k).as_deref() == Some("the") {
                k += 1;
            }
            while k < end && k < head + 8 && self.word(p, k).is_some_and(|w| w.starts_with(char::is_uppercase)) {
                last = k;
                k += 1;
            }
        }
        Some(Speaker::Unnamed { description: self.text[tokens[start].start..tokens[last].end].to_string() })
    }

    /// The person named right beside the reporting verb at `k`: "Kunin said", "said Kunin".
    /// Only where the verb attributes a quote: next to its marks, or before a colon and one.
    fn cue_person(&self, p: usize, k: usize, floor: usize, ceiling: usize) -> Option<&'a Found> {
        let tokens = &self.paragraphs[p].tokens;
        let kind = |i: usize| tokens.get(i).map(|t| t.kind);
        let quote_after = kind(k + 1) == Some(TokenKind::Open)
            || (self.is_punct(p, k + 1, ":") && kind(k + 2) == Some(TokenKind::Open))
            || (self.is_punct(p, k + 1, ",") && kind(k + 2) == Some(TokenKind::Open));
        let mut j = k;
        while j > floor && self.is_between(p, j - 1) {
            j -= 1;
        }
        // Not a possessive: "Trump's continued appeal". The name opens its clause (the sentence,
        // or after a comma: "The good news for Cruz, Woolson said, is…") or stands by a quote.
        let opens_clause = |f: &&Found| {
            f.first == floor
                || (f.first > floor
                    && (self.is_punct(p, f.first - 1, ",") || kind(f.first - 1) == Some(TokenKind::Close)))
        };
        let before = (j > floor)
            .then(|| self.mention_ending(p, j - 1))
            .flatten()
            .filter(|f| !self.is_possessive(f))
            .filter(|f| quote_after || opens_clause(f));
        // Inverted only right after a quote or a comma ("…,” said Kunin); "told Costa" names the listener.
        let inverted = k > floor
            && kind(k - 1) == Some(TokenKind::Close)
            && !matches!(self.lower(p, k).as_deref(), Some("told" | "tells" | "telling" | "asked" | "asks"));
        let after = || (inverted && k + 1 < ceiling).then(|| self.mention_starting(p, k + 1)).flatten();
        before.or_else(after).filter(|f| self.names.entities[f.entity].kind == EntityKind::Person)
    }

    /// The previous quote of the same paragraph, when it found its speaker and nobody else
    /// is named in between: “A,” Sanders said of Clinton. “B.” — B is Sanders' too.
    fn same_sentence_speaker(&self, q: usize, done: &[Attribution]) -> Option<Speaker> {
        let span = &self.spans[q];
        // Passing over a title or scare quote in between (“…,” said Cuban, host of “Shark Tank.” “…”).
        (q.saturating_sub(3)..q)
            .rev()
            .take_while(|&i| self.spans[i].paragraph == span.paragraph)
            .find(|&i| !done[i].dropped)
            .and_then(|i| done[i].speaker.clone())
    }

    /// The person a conjunction brings in between an earlier quote of the sentence and this
    /// one: “…,” while Trump refers to the governor as “…” is Trump's, not the first quote's
    /// speaker's.
    fn contrasted(&self, span: &QuotedSpan) -> Option<Speaker> {
        let p = span.paragraph;
        let ((b0, b1), _) = self.windows(span);
        let k = (b0..b1).find(|&k| self.word(p, k).is_some())?;
        if !matches!(self.lower(p, k).as_deref(), Some("while" | "whereas" | "but" | "and")) {
            return None;
        }
        let found = self.mention_starting(p, k + 1).filter(|f| self.is_named_person(f) && !self.is_possessive(f))?;
        // Speaking, not spoken of: "while Ted Cruz is “a basket case”" is the first speaker's.
        let verb = self.lower(p, found.last + 1)?;
        (lexicon::is_cue(&verb) || is_naming_verb(&verb)).then_some(Speaker::Entity { entity: found.entity })
    }

    /// Whether quote `q` stands in the same sentence as the quote before it (“A,” she said, “B.”).
    fn shares_sentence(&self, q: usize) -> bool {
        let span = &self.spans[q];
        q.checked_sub(1).map(|i| &self.spans[i]).is_some_and(|previous| {
            previous.paragraph == span.paragraph
                && self.sentence[span.paragraph][previous.open] == self.sentence[span.paragraph][span.open]
        })
    }

    /// The token before a parenthesis that ends at `k` ("Sen. Claire McCaskill (D-Mo.)"),
    /// or `k` itself when no parenthesis ends there.
    fn before_parenthesis(&self, p: usize, k: usize, floor: usize) -> Option<usize> {
        if !self.is_punct(p, k, ")") {
            return Some(k);
        }
        let open = (k.saturating_sub(8).max(floor)..k).rev().find(|&i| self.is_punct(p, i, "("))?;
        (open > floor).then(|| open - 1)
    }

    /// "Trump's": a name in the possessive is seldom the subject.
    fn is_possessive(&self, found: &Found) -> bool {
        self.text[found.span.end..].starts_with(['\'', '\u{2019}'])
    }

    fn is_punct(&self, p: usize, k: usize, mark: &str) -> bool {
        self.paragraphs[p]
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Punct && &self.text[t.start..t.end] == mark)
    }

    /// As [`Self::follows_preposition`], past the titles before a name ("with President Obama").
    fn title_follows_preposition(&self, p: usize, k: usize) -> bool {
        let mut k = k;
        while k > 0 && self.word(p, k - 1).is_some_and(|w| lexicon::is_title(w) || lexicon::is_demonym(w)) {
            k -= 1;
        }
        self.follows_preposition(p, k)
    }

    fn follows_preposition(&self, p: usize, k: usize) -> bool {
        // Past an owner's possessive: "Speaking to MSNBC’s Morning Joe, Bush said".
        let owner = k > 1 && self.word(p, k - 1).is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));
        let k = k - usize::from(owner);
        k > 0
            && self.lower(p, k - 1).is_some_and(|w| {
                matches!(
                    &*w,
                    "to" | "of"
                        | "with"
                        | "for"
                        | "about"
                        | "at"
                        | "by"
                        | "on"
                        | "against"
                        | "from"
                        | "as"
                        | "than"
                        | "like"
                        | "toward"
                        | "towards"
                        | "and"
                        | "between"
                        | "over"
                        | "under"
                        | "into"
                        | "beat"
                )
            })
    }

    /// Words that belong to someone named in the possessive just before the quote: "Donald
    /// Trump's claim that Obama “founded ISIS”", "his remark that it was “a disgrace”".
    fn words_of(&self, span: &QuotedSpan) -> Option<Speaker> {
        let p = span.paragraph;
        let ((b0, b1), _) = self.windows(span);
        // The noun, then at most five words ("that the talks were") before the quote.
        let noun =
            (b1.saturating_sub(6).max(b0)..b1).rev().find(|&i| self.lower(p, i).is_some_and(|w| is_speech_noun(&w)))?;
        let linked = noun + 1 == b1 || matches!(self.lower(p, noun + 1).as_deref(), Some("that" | "of" | "about"));
        if !linked || (noun + 1..b1).any(|i| self.word(p, i).is_none()) {
            return None;
        }
        let owner = noun.checked_sub(1).filter(|&o| o >= b0)?;
        if let Some(found) = self.mention_ending(p, owner).filter(|f| self.is_possessive(f)) {
            return Some(Speaker::Entity { entity: found.entity });
        }
        match self.lower(p, owner).as_deref() {
            Some("his") => self.resolve_pronoun(p, owner, Pronoun::He),
            Some("her") => self.resolve_pronoun(p, owner, Pronoun::She),
            _ => None,
        }
    }

    /// A clause of its own between an earlier quote of the sentence and this one, opened by
    /// a word such as "when" and a person who does something: "… when Clinton accused him of
    /// an “…”". That person, not the earlier quote's speaker.
    fn new_clause_subject(&self, span: &QuotedSpan) -> Option<Speaker> {
        let ((b0, b1), _) = self.windows(span);
        self.subordinate_subject(span.paragraph, b0, b1)
    }

    /// A person who opens a clause with "when" (or the like) in tokens `from..to` and whose
    /// verb, past a relative clause set off by commas, is the last before `to`: no subject
    /// stands between that verb and `to`.
    fn clause_after_cue(&self, p: usize, from: usize, to: usize) -> Option<&'a Found> {
        let opens = |k: usize| {
            !self.quoted[p][k]
                && self.lower(p, k).is_some_and(|w| matches!(&*w, "when" | "while" | "after" | "before" | "as"))
        };
        let k = (from..to).rev().find(|&k| opens(k))?;
        // Not inside what the verb reports: "Mrs. Clinton said that when Ms. Warren railed
        // against Wall Street, ''she is speaking for all of us''" is Clinton's.
        if k > 0 && self.lower(p, k - 1).as_deref() == Some("that") {
            return None;
        }
        // Past a title: "when Mr. Buchanan".
        let at = (k + 1..k + 3).find(|&i| !self.word(p, i).is_some_and(lexicon::is_title)).unwrap_or(k + 1);
        let found = self.mention_starting(p, at).filter(|f| f.last < to && self.is_named_person(f))?;
        let mut verb = found.last + 1;
        if self.is_punct(p, verb, ",") && self.lower(p, verb + 1).is_some_and(|w| matches!(&*w, "who" | "which")) {
            verb = (verb + 2..to).find(|&c| self.is_punct(p, c, ","))? + 1;
        }
        let acts = self.lower(p, verb).is_some_and(|v| v.ends_with("ed") || lexicon::is_cue(&v) || is_naming_verb(&v));
        // Nor before a quote that is a clause of its own ("… railed, ''she is …''").
        let quote_clause = self.lower(p, to + 1).is_some_and(|w| subject_pronoun(&w).is_some());
        let subject_between = quote_clause
            || (verb + 1..to).any(|i| {
                self.mention_starting(p, i).is_some_and(|f| self.is_named_person(f))
                    || self.lower(p, i).is_some_and(|w| subject_pronoun(&w).is_some())
            });
        (acts && !subject_between && !self.is_possessive(found)).then_some(found)
    }

    /// The subject of the last clause in tokens `from..to` that a word such as "when" opens
    /// with a person, or a pronoun for one, who does something ("when Clinton ended a debate",
    /// "after she attacked officers").
    fn subordinate_subject(&self, p: usize, from: usize, to: usize) -> Option<Speaker> {
        let acts = |k: usize| self.lower(p, k).is_some_and(|v| v.ends_with("ed") || lexicon::is_cue(&v));
        (from..to).rev().find_map(|k| {
            let opens = !self.quoted[p][k]
                && self.lower(p, k).is_some_and(|w| {
                    matches!(&*w, "when" | "while" | "after" | "before" | "because" | "since" | "until" | "as")
                });
            if !opens {
                return None;
            }
            // Or a pronoun that stands for one: "… a “disgrace” after she attacked … and
            // blamed police shootings on “implicit bias”" is Clinton's.
            if let Some(pronoun @ (Pronoun::He | Pronoun::She)) = self.lower(p, k + 1).and_then(|w| subject_pronoun(&w))
                && acts(k + 2)
            {
                return self.resolve_pronoun(p, k + 1, pronoun);
            }
            let found = self.mention_starting(p, k + 1).filter(|f| f.last < to && self.is_named_person(f))?;
            (acts(found.last + 1) && !self.is_possessive(found)).then_some(Speaker::Entity { entity: found.entity })
        })
    }

    /// The sentence's subject: a person or pronoun that opens the sentence before the quote;
    /// or the one a verb makes act ([`Self::caused_subject`]).
    fn sentence_subject(&self, span: &QuotedSpan) -> Option<Speaker> {
        let ((b0, b1), _) = self.windows(span);
        self.caused_subject(span.paragraph, b0, b1).or_else(|| self.subject_between(span.paragraph, b0, b1))
    }

    /// A person whom a verb before the quote makes act, with "to": "which prompted his wife …
    /// Hillary Clinton to make a comment that described … as “…”", "led the Latvian journalist
    /// Dainis Ivans to fear a “…”".
    fn caused_subject(&self, p: usize, b0: usize, b1: usize) -> Option<Speaker> {
        let k = (b0..b1).rev().find(|&k| {
            self.lower(p, k)
                .is_some_and(|w| matches!(&*w, "led" | "prompted" | "caused" | "inspired" | "drove" | "forced"))
        })?;
        let found = (k + 1..b1.min(k + 12)).find_map(|j| self.mention_starting(p, j))?;
        let to = self.lower(p, found.last + 1).as_deref() == Some("to")
            && self.word(p, found.last + 2).is_some_and(|w| w.starts_with(char::is_lowercase));
        (to && self.is_named_person(found)).then_some(Speaker::Entity { entity: found.entity })
    }

    /// The first person (or he, she) of tokens `b0..b1` that is not a preposition's object,
    /// unless a reporting verb comes first.
    fn subject_between(&self, p: usize, b0: usize, b1: usize) -> Option<Speaker> {
        // A sentence that opens with a description: "The Republican candidate appeared to…".
        let opens_sentence = b0 == 0 || self.sentence[p][b0 - 1] != self.sentence[p][b0];
        // Or with someone's people: "His surrogates called him “a genius”" is theirs, not his.
        if opens_sentence
            && matches!(self.lower(p, b0).as_deref(), Some("his" | "her" | "their"))
            && self.word(p, b0 + 1).is_some_and(|w| lexicon::is_unnamed_head(w) || is_kin_or_counsel(w))
        {
            let tokens = &self.paragraphs[p].tokens;
            let description = self.text[tokens[b0].start..tokens[b0 + 1].end].to_string();
            return Some(Speaker::Unnamed { description });
        }
        if opens_sentence && self.lower(p, b0).as_deref() == Some("the") {
            let head = (b0 + 1..b1.min(b0 + 5)).take_while(|&k| self.word(p, k).is_some()).find(|&k| {
                self.word(p, k).is_some_and(|w| is_role_head(w) || lexicon::is_unnamed_head(w))
                    && !self.word(p, k + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
            });
            // "The former secretary of State": the place or body the role belongs to goes with it.
            let end = head.map(|h| {
                let mut end = h;
                if self.lower(p, h + 1).as_deref() == Some("of") {
                    while end + 2 < b1 && self.word(p, end + 2).is_some_and(|w| w.starts_with(char::is_uppercase)) {
                        end += 1;
                    }
                    if end > h {
                        end += 1;
                    }
                }
                end
            });
            if let Some(speaker) = end.and_then(|e| self.unnamed_ending(p, e, b0)) {
                return Some(speaker);
            }
        }
        for k in b0..b1.min(b0 + 30) {
            if let Some(found) = self.mention_starting(p, k) {
                let kind = self.names.entities[found.entity].kind;
                // "…hailed Trump as “the most honest candidate”": the one described, not the
                // speaker; but "quoted Alexander Darchiev as saying" names the speaker.
                let described =
                    self.lower(p, found.last + 1).as_deref() == Some("as") && !self.is_cue_at(p, found.last + 2);
                if kind == EntityKind::Person && !self.follows_preposition(p, k) && !described {
                    // "Trump’s Virginia state director, Mike Rubino, reached out, writing": the
                    // one the owner's role names.
                    if self.is_possessive(found)
                        && let Some(named) = self.named_after_role(p, found.last + 1, b1)
                    {
                        return Some(Speaker::Entity { entity: named.entity });
                    }
                    // "Clinton campaign manager Robby Mook told …": the one the role names.
                    if let Some(named) = self.role_described_person(p, found.last + 1, b1) {
                        return Some(Speaker::Entity { entity: named.entity });
                    }
                    return Some(self.group_of(p, found).unwrap_or(Speaker::Entity { entity: found.entity }));
                }
                if let Some(subject) = self.thing_opening(p, b0, k, opens_sentence) {
                    return subject;
                }
                continue;
            }
            if let Some(subject) = self.thing_opening(p, b0, k, opens_sentence) {
                return subject;
            }
            if let Some(w) = self.lower(p, k).filter(|_| !self.quoted[p][k]) {
                // Someone's people past an opening phrase: "At the convention his operatives
                // forced a change…, calling for “…”" is theirs.
                // Only where a subject stands: after a comma or an opening phrase's last name,
                // not after a verb ("that elevated his father") or a preposition.
                let subject_place = k > b0
                    && (self.is_punct(p, k - 1, ",")
                        || self.word(p, k - 1).is_some_and(|v| {
                            v.starts_with(char::is_uppercase) && !is_function_word(&v.to_lowercase())
                        }));
                if matches!(&*w, "his" | "her" | "their")
                    && subject_place
                    && self.word(p, k + 1).is_some_and(|v| lexicon::is_unnamed_head(v) || is_kin_or_counsel(v))
                {
                    let tokens = &self.paragraphs[p].tokens;
                    return Some(Speaker::Unnamed {
                        description: self.text[tokens[k].start..tokens[k + 1].end].to_string(),
                    });
                }
                if let Some(pronoun @ (Pronoun::He | Pronoun::She)) = pronoun(&w) {
                    return self.resolve_pronoun(p, k, pronoun);
                }
                if let Some(source) = self.unknown_subject(p, b0, k, &w) {
                    return Some(source);
                }
                // A thing is the clause's subject, a person after its verb the object: "It
                // attacked Trump, saying he “…”" is the ad's.
                if w == "it" && self.lower(p, k + 1).is_some_and(|v| v.ends_with("ed") || lexicon::is_cue(&v)) {
                    return None;
                }
                if lexicon::is_cue(&w) {
                    return None;
                }
            }
        }
        None
    }

    /// A capitalised word at `k` (`w` lower-cased) that the text names as no one, right
    /// before a verb that names what someone is ("Skelly called Braynard “a real smart guy”"):
    /// the subject, as written with the capitalised words before it ("the Association of
    /// Flight Attendants called Clinton a “champion”"), not the person after the verb. None
    /// where the word is no such subject.
    fn unknown_subject(&self, p: usize, b0: usize, k: usize, w: &str) -> Option<Speaker> {
        let capital = |i: usize| self.word(p, i).is_some_and(|v| v.starts_with(char::is_uppercase));
        let subject = capital(k)
            && !is_function_word(w)
            && !is_determiner(w)
            && !matches!(w, "it" | "we" | "i" | "you" | "they")
            && !lexicon::is_unnamed_head(w)
            && self.lower(p, k + 1).is_some_and(|v| is_naming_verb(&v));
        if !subject {
            return None;
        }
        // The whole run of capitalised words, over "of" and "for" between two.
        let mut first = k;
        while first > b0 {
            let joint = first >= b0 + 2
                && matches!(self.lower(p, first - 1).as_deref(), Some("of" | "for"))
                && capital(first - 2);
            if capital(first - 1) && !self.quoted[p][first - 1] {
                first -= 1;
            } else if joint {
                first -= 2;
            } else {
                break;
            }
        }
        // Less a word that opens the sentence without naming: "And Mike Huckabee".
        while first < k
            && self.lower(p, first).is_some_and(|v| {
                is_determiner(&v) || matches!(&*v, "and" | "or" | "so" | "yet" | "also" | "then" | "even")
            })
        {
            first += 1;
        }
        // After a preposition the run is no subject, and "calls" a noun: "Alongside BLM calls
        // for action, …".
        let preposition =
            |i: usize| self.lower(p, i).is_some_and(|v| is_function_word(&v) || matches!(&*v, "alongside" | "amid"));
        if preposition(first) || (first > b0 && preposition(first - 1)) {
            return None;
        }
        let tokens = &self.paragraphs[p].tokens;
        Some(Speaker::Unnamed { description: self.text[tokens[first].start..tokens[k].end].to_string() })
    }

    /// A body or a country that opens the sentence at token `k` and goes on to a verb: the
    /// sentence's subject and the speaker, and a person after that verb its object ("South
    /// Korea accused the North's leader, Kim Jong Un, of “…”": its government's words). None
    /// if no such thing opens the sentence there.
    fn thing_opening(&self, p: usize, b0: usize, k: usize, opens_sentence: bool) -> Option<Option<Speaker>> {
        let article = usize::from(k > b0 && self.lower(p, k - 1).as_deref() == Some("the"));
        // After a quote that closes a sentence: “…neighborhood.” Russia insisted that…
        let tokens = &self.paragraphs[p].tokens;
        let after_quote = b0 >= 2
            && tokens[b0 - 1].kind == TokenKind::Close
            && (self.is_punct(p, b0 - 2, ".") || self.is_punct(p, b0 - 2, "!") || self.is_punct(p, b0 - 2, "?"));
        if !(opens_sentence || after_quote) || k - article != b0 {
            return None;
        }
        let found = self.mention_at(p, k).filter(|f| !self.quoted[p][f.first] && !self.is_possessive(f))?;
        let kind = self.names.kind(found);
        // Past a clause set off by commas: "Our Principles PAC, which was founded by …, launched".
        let mut next = found.last + 1;
        if self.is_punct(p, next, ",") && self.lower(p, next + 1).is_some_and(|w| matches!(&*w, "which" | "that")) {
            let close = (next + 2..next + 30).find(|&c| self.is_punct(p, c, ",") && !self.quoted[p][c])?;
            next = close + 1;
        }
        // Past a word between subject and verb: "Politifact then ruled".
        while next < found.last + 4 && self.is_between(p, next) {
            next += 1;
        }
        let verb = self.word(p, next).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase()) && w.ends_with("ed") || lexicon::is_cue(w)
        });
        (kind != EntityKind::Person && verb).then_some(Some(Speaker::Entity { entity: found.entity }))
    }

    /// People who speak for a person, not the person: "Cruz’s lawyers relied on…", "Gowdy’s
    /// office assured…", "the Clinton campaign said". Kept unnamed, as written.
    fn group_of(&self, p: usize, found: &Found) -> Option<Speaker> {
        let head = found.last + 1;
        let group = self
            .lower(p, head)
            .is_some_and(|w| lexicon::is_unnamed_head(&w) && w != "statement" || is_kin_or_counsel(&w));
        let before = found.first.checked_sub(1).and_then(|k| self.lower(p, k));
        // Or the people are many: "Sanders protesters interrupted her, shouting …".
        let plural = self.lower(p, head).is_some_and(|w| w.ends_with('s'));
        let owned = self.is_possessive(found) || matches!(before.as_deref(), Some("the")) || plural;
        if !group || !owned {
            return None;
        }
        // "Hillary Clinton’s campaign manager Robby Mook": the person named after the role.
        if let Some(person) = self.role_described_person(p, head, self.paragraphs[p].tokens.len()) {
            return Some(Speaker::Entity { entity: person.entity });
        }
        let tokens = &self.paragraphs[p].tokens;
        let first =
            if self.is_possessive(found) || before.as_deref() != Some("the") { found.first } else { found.first - 1 };
        Some(Speaker::Unnamed { description: self.text[tokens[first].start..tokens[head].end].to_string() })
    }

    /// A group a person's before the name: "Supporters of Sanders argue", "critics of the
    /// president say" are the group's words, not the person's. The group is a plural head
    /// of unnamed sources joined by "of", with its determiner.
    fn group_of_before(&self, p: usize, found: &Found, floor: usize) -> Option<Speaker> {
        let head = found.first.checked_sub(2).filter(|&h| h >= floor)?;
        let plural_head = self.lower(p, head).is_some_and(|w| w.ends_with('s') && lexicon::is_unnamed_head(&w));
        if !plural_head || self.lower(p, head + 1).as_deref() != Some("of") {
            return None;
        }
        let first = head
            .checked_sub(1)
            .filter(|&d| d >= floor && self.lower(p, d).is_some_and(|w| is_determiner(&w)))
            .unwrap_or(head);
        let tokens = &self.paragraphs[p].tokens;
        Some(Speaker::Unnamed { description: self.text[tokens[first].start..tokens[found.last].end].to_string() })
    }

    /// A turn of a transcript quoted whole: “WALLACE: Let's start…” is the person of the label.
    fn transcript_label(&self, span: &QuotedSpan) -> Option<Speaker> {
        let p = span.paragraph;
        if span.open != 0 {
            return None;
        }
        // The label is inside the marks, where `mention_starting` does not look.
        let found = self.mention_at(p, 1)?;
        let person = self.names.entities[found.entity].kind == EntityKind::Person;
        (person && self.is_punct(p, found.last + 1, ":")).then_some(Speaker::Entity { entity: found.entity })
    }

    /// A name and a colon right before the quote, as in a transcript or a round-up:
    /// Clinton: “Our goal is…” / More from Jones: “…”.
    fn labelled(&self, span: &QuotedSpan) -> Option<Speaker> {
        let p = span.paragraph;
        let colon = span.open.checked_sub(1).filter(|&k| self.is_punct(p, k, ":"))?;
        let found = self.mention_ending(p, colon.checked_sub(1)?)?;
        // The name stands alone as a label, not at the end of a clause ("…, with Clinton: “…”").
        let tokens = &self.paragraphs[p].tokens;
        let label = found.first == 0
            || tokens[found.first - 1].kind != TokenKind::Word
                && ![",", "(", "'"].contains(&&self.text[tokens[found.first - 1].start..tokens[found.first - 1].end]);
        (label && !self.is_possessive(found)).then_some(Speaker::Entity { entity: found.entity })
    }

    /// The first person, organisation or he/she of tokens `b0..b1` that is not a preposition's object.
    fn first_subject(&self, p: usize, b0: usize, b1: usize) -> Option<Speaker> {
        for k in b0..b1.min(b0 + 30) {
            if let Some(found) = self.mention_starting(p, k) {
                if !self.title_follows_preposition(p, k) && !self.is_possessive(found) {
                    // "Communications Office Secretary Martin Andanar": the person the office describes.
                    let found = self.role_described_person(p, found.last + 1, b1).unwrap_or(found);
                    return Some(Speaker::Entity { entity: found.entity });
                }
                continue;
            }
            let word = self.lower(p, k).filter(|_| !self.quoted[p][k]);
            if let Some(pronoun @ (Pronoun::He | Pronoun::She)) = word.as_deref().and_then(pronoun) {
                return self.resolve_pronoun(p, k, pronoun);
            }
        }
        None
    }

    /// A quote right after a sentence that introduces it: one that ends with a colon ("Cruz
    /// said in a statement:", "Trump issued the following statement:"), or a reporting verb
    /// with nothing said after it ("Sam Lau, the party's spokesman, said in a statement."), at
    /// the end of the paragraph before or in the quote's own paragraph: that sentence's speaker.
    fn introduced(&self, span: &QuotedSpan) -> Option<Speaker> {
        let (p, end) = if span.open == 0 {
            let p = span.paragraph.checked_sub(1)?;
            (p, self.paragraphs[p].tokens.len().checked_sub(1)?)
        } else {
            (span.paragraph, span.open - 1)
        };
        let colon = self.is_punct(p, end, ":");
        if !colon && !self.is_punct(p, end, ".") {
            return None;
        }
        let start = self.sentence_start(p, end);
        if (start..end).any(|k| self.quoted[p][k]) {
            return None;
        }
        if let Some(k) = (start..end).rev().find(|&k| self.is_cue_at(p, k)) {
            // A full stop introduces only a quote that has no reporting verb of its own.
            if !colon && (!self.says_nothing_after(p, k, end) || self.has_own_cue(span)) {
                return None;
            }
            return self.subject_before(p, k, start).or_else(|| self.inverted(p, k, end, true));
        }
        if !colon {
            return None;
        }
        // The sentence's subject, a person or an organisation: "Politico reveals a few facts:".
        // Past a clause that opens the sentence: "When Wallace died in 1998, President Clinton
        // released the following statement:".
        let opens_clause = self.lower(p, start).is_some_and(|w| {
            matches!(
                &*w,
                "when"
                    | "after"
                    | "before"
                    | "as"
                    | "while"
                    | "if"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "once"
            )
        });
        let start = if opens_clause {
            (start..end).find(|&k| self.is_punct(p, k, ",")).map_or(start, |c| c + 1)
        } else {
            start
        };
        (start..end).find_map(|k| {
            self.mention_starting(p, k)
                .filter(|f| !self.follows_preposition(p, k) && !self.is_possessive(f))
                .filter(|f| {
                    // A body opens the sentence, after its article too: "the Illinois Board of
                    // Elections was conclusive in its findings:".
                    let opens = k == start || (k == start + 1 && self.lower(p, start).as_deref() == Some("the"));
                    self.names.entities[f.entity].kind == EntityKind::Person || opens
                })
                .map(|f| Speaker::Entity { entity: f.entity })
        })
    }

    /// A quote that opens its sentence with no verb of its own, right after a sentence that
    /// reports someone's words ("Cuban also said he supports the act. ¶ “From an
    /// entrepreneur's perspective…”"): news style goes on quoting the same person.
    fn reported_before(&self, span: &QuotedSpan) -> Option<Speaker> {
        let (p, start, end) = self.sentence_before(span, true)?;
        if (start..end).any(|k| self.quoted[p][k]) {
            return None;
        }
        (start..end).filter(|&k| self.is_cue_at(p, k)).find_map(|k| {
            // "…, adding" is a participle's; "Sen. Ted Cruz, a candidate, tweeted" the person's.
            let participle =
                k > start && self.is_punct(p, k - 1, ",") && self.lower(p, k).is_some_and(|w| w.ends_with("ing"));
            if participle {
                return None;
            }
            match self.subject_before(p, k, start)? {
                Speaker::Entity { entity } if self.names.entities[entity].kind == EntityKind::Person => {
                    Some(Speaker::Entity { entity })
                }
                _ => None,
            }
        })
    }

    /// A quote that is a sentence of its own with no verb, right after a sentence of its
    /// paragraph whose subject is a person ("His former partner, Lawrence B. Cummings, called
    /// him a master at deals. “He showed again and again…”"): news style quotes the person it
    /// has just written about.
    fn subject_of_sentence_before(&self, span: &QuotedSpan) -> Option<Speaker> {
        let (p, start, end) = self.sentence_before(span, false)?;
        if (start..end).any(|k| self.quoted[p][k] && !self.in_title(p, k)) {
            return None;
        }
        // The sentence's first person, with the titles before the name ("Sen. Bernie
        // Sanders"), at its start or after a comma: past an opening phrase ("On Sunday,", or
        // "On “Face the Nation,”", the comma inside a title's marks) or a description before
        // the name ("His former partner at Lenox,").
        let first = (start..end).find_map(|k| self.mention_starting(p, k).filter(|f| self.is_named_person(f)))?;
        let mut opens = first.first;
        while opens > start && self.word(p, opens - 1).is_some_and(lexicon::is_title) {
            opens -= 1;
        }
        let at_start = opens == start || self.is_punct(p, opens - 1, ",") || self.closes_title(p, opens - 1);
        if !at_start || self.is_possessive(first) {
            return None;
        }
        // Its verb, in lower case right after it: past "(Vt.)", past the comma that closes a
        // name set off after a description ("…at Lenox, Lawrence B. Cummings, called…"), or
        // past a clause set off by commas ("Sanders (Vt.), who lost the primaries to Clinton,
        // identified…").
        let is_verb = |k: usize| {
            self.word(p, k).is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
                && !self.lower(p, k).is_some_and(|w| matches!(&*w, "and" | "or" | "who" | "which" | "of"))
        };
        let mut k = first.last + 1;
        if self.is_punct(p, k, "(") {
            k = (k..end).find(|&i| self.is_punct(p, i, ")"))? + 1;
        }
        let verb = if self.is_punct(p, k, ",") {
            (opens > start && is_verb(k + 1))
                || (k + 1..end.min(k + 25)).find(|&i| self.is_punct(p, i, ",")).is_some_and(|c| is_verb(c + 1))
        } else {
            is_verb(k)
        };
        verb.then_some(Speaker::Entity { entity: first.entity })
    }

    /// The sentence right before a quote that opens its own sentence with no reporting verb
    /// after it: (paragraph, first token, end), in the quote's paragraph or, when `across`,
    /// at the end of the paragraph before.
    fn sentence_before(&self, span: &QuotedSpan, across: bool) -> Option<(usize, usize, usize)> {
        let ((b0, b1), _) = self.windows(span);
        if b1 > b0 || self.has_own_cue(span) {
            return None;
        }
        let (p, end) = if span.open == 0 {
            let p = span.paragraph.checked_sub(1).filter(|_| across)?;
            (p, self.paragraphs[p].tokens.len())
        } else {
            (span.paragraph, span.open)
        };
        Some((p, self.sentence_start(p, end.checked_sub(1)?), end))
    }

    /// Whether a reporting verb follows the quote in its sentence (“…,” the chairmen wrote).
    fn has_own_cue(&self, span: &QuotedSpan) -> bool {
        let (_, (a0, a1)) = self.windows(span);
        (a0..a1).any(|k| self.is_cue_at(span.paragraph, k))
    }

    /// Whether the reporting verb at `k` reports nothing before `end`: only when and where
    /// ("said in a statement", "said Monday", "told reporters"), no clause ("said that…",
    /// "said he would…").
    fn says_nothing_after(&self, p: usize, k: usize, end: usize) -> bool {
        if end > k + 8 {
            return false;
        }
        let listener = matches!(self.lower(p, k).as_deref(), Some("told" | "tells" | "asked"));
        let opens = k + 1 == end
            || listener
            || self.lower(p, k + 1).is_some_and(|w| {
                matches!(
                    &*w,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "via"
                        | "after"
                        | "before"
                        | "with"
                        | "through"
                        | "over"
                        | "to"
                        | "later"
                        | "earlier"
                        | "recently"
                        | "again"
                        | "then"
                        | "today"
                        | "yesterday"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            });
        let clause = (k + 1..end).any(|i| {
            self.lower(p, i).is_some_and(|w| {
                pronoun(&w).is_some()
                    || matches!(
                        &*w,
                        "that"
                            | "it"
                            | "i"
                            | "we"
                            | "if"
                            | "whether"
                            | "how"
                            | "what"
                            | "why"
                            | "was"
                            | "is"
                            | "would"
                            | "will"
                    )
            })
        });
        opens && !clause
    }

    /// A quote that makes up a paragraph on its own, right after a paragraph whose last quote
    /// was attributed: news style continues the same speaker.
    fn paragraph_run_on(&self, q: usize, done: &[Attribution]) -> Option<Speaker> {
        let span = &self.spans[q];
        if span.open != 0 || span.paragraph == 0 {
            return None;
        }
        let previous = q.checked_sub(1).filter(|&i| self.spans[i].paragraph + 1 == span.paragraph)?;
        let words = self.text[span.start..span.end].split_whitespace().count();
        (words >= 4).then(|| done[previous].speaker.clone()).flatten()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Pronoun {
    He,
    She,
    They,
}

/// The person an article names most, when named at least three times and more than twice as
/// often as anyone else: the one it is about.
fn principal(names: &Recognised) -> Option<usize> {
    most_named(names, |entity| names.entities[entity].kind == EntityKind::Person)
}

/// Of the entities `among` takes, the one the article names most, when named at least three
/// times and more than twice as often as any other of them.
fn most_named(names: &Recognised, among: impl Fn(usize) -> bool) -> Option<usize> {
    let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
    for found in names.found.iter().filter(|f| among(f.entity)) {
        *counts.entry(found.entity).or_default() += 1;
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(entity, n)| (n, entity)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let (first, entity) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    (first >= 3 && first > 2 * second).then_some(entity)
}

/// The pronoun that is the subject of the verb after it, a contraction's too: "He’s
/// claiming", "she'd said", "they're saying".
/// A verb by which someone says what someone or something is: "called him “a loser”",
/// "refers to the governor as “…”".
fn is_naming_verb(word: &str) -> bool {
    matches!(
        word,
        "calls"
            | "called"
            | "describes"
            | "described"
            | "refers"
            | "referred"
            | "labels"
            | "labeled"
            | "labelled"
            | "dubbed"
    )
}

fn subject_pronoun(word: &str) -> Option<Pronoun> {
    let word = word
        .split_once(['\'', '\u{2019}'])
        .filter(|(_, tail)| matches!(*tail, "s" | "d" | "ll" | "re" | "ve"))
        .map_or(word, |(head, _)| head);
    pronoun(word)
}

fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        _ => None,
    }
}

/// A lower-case word that may describe the person named after it ("pollster", "longtime",
/// "campaign"), not one that starts a clause or a phrase of its own.
fn is_descriptor(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !lexicon::is_cue(word)
        && !is_determiner(word)
        && pronoun(word).is_none()
        && !matches!(
            word,
            "about"
                | "after"
                | "against"
                | "and"
                | "as"
                | "at"
                | "because"
                | "before"
                | "but"
                | "by"
                | "for"
                | "from"
                | "her"
                | "his"
                | "if"
                | "in"
                | "into"
                | "is"
                | "it"
                | "its"
                | "not"
                | "of"
                | "on"
                | "or"
                | "that"
                | "their"
                | "there"
                | "this"
                | "to"
                | "was"
                | "we"
                | "were"
                | "when"
                | "which"
                | "while"
                | "who"
                | "with"
                | "would"
                | "you"
        )
}

/// A day of the week, as written: "Monday".
fn is_day(word: &str) -> bool {
    matches!(word, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
}

/// A thing that carries someone's words: "a statement saying", "an email warning".
fn is_medium(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "email"
            | "e-mail"
            | "tweet"
            | "letter"
            | "release"
            | "post"
            | "message"
            | "memo"
            | "note"
            | "video"
            | "ad"
    )
}

/// Nouns for what someone said: "Trump's claim that…", "her remark that…".
fn is_speech_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "claims"
            | "comment"
            | "comments"
            | "remark"
            | "remarks"
            | "assertion"
            | "statement"
            | "promise"
            | "pledge"
            | "vow"
            | "warning"
            | "words"
            | "tweet"
            | "suggestion"
            | "accusation"
            | "insistence"
            | "declaration"
            | "description"
    )
}

/// Heads that name a group speaking as one: "the Clinton campaign", "Ryan's office".
fn is_body(word: &str) -> bool {
    matches!(word, "campaign" | "office" | "camp" | "team")
}

/// Words that close a phrase before a source's description begins.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "to" | "of"
            | "that"
            | "but"
            | "without"
            | "about"
            | "against"
            | "after"
            | "before"
            | "than"
            | "like"
            | "over"
            | "into"
            | "under"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "if"
            | "when"
            | "while"
    )
}

/// People who speak for someone, beyond the heads of unnamed sources ("his wife", "a friend"
/// are among those): "Gary Johnson’s doctor", "Cruz’s lawyers", "Trump's allies", "Scott's family".
fn is_kin_or_counsel(word: &str) -> bool {
    matches!(
        word,
        "allies"
            | "attorney"
            | "attorneys"
            | "children"
            | "doctor"
            | "family"
            | "lawyer"
            | "lawyers"
            | "parents"
            | "physician"
            | "relatives"
            | "widow"
    )
}

/// A role written in lower case that can head a description of a person: "the Florida
/// senator", "the Republican presidential candidate" (not "senior", "former", "press").
fn is_role_head(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && lexicon::is_title(&capitalise(word))
        && !matches!(
            word,
            "acting"
                | "allied"
                | "assistant"
                | "associate"
                | "campaign"
                | "chief"
                | "commerce"
                | "defence"
                | "defense"
                | "deputy"
                | "economy"
                | "education"
                | "energy"
                | "executive"
                | "finance"
                | "first"
                | "foreign"
                | "former"
                | "health"
                | "homeland"
                | "interior"
                | "labor"
                | "labour"
                | "majority"
                | "minority"
                | "national"
                | "presidential"
                | "press"
                | "prime"
                | "security"
                | "senior"
                | "special"
                | "state"
                | "supreme"
                | "top"
                | "trade"
                | "treasury"
                | "vice"
        )
}

/// A word that names a role: a title ("Senator", "spokesman") or a source's head ("aide").
fn is_role_word(word: &str) -> bool {
    lexicon::is_title(word)
        || lexicon::is_title(&capitalise(word))
        || lexicon::is_unnamed_head(word)
        || matches!(word, "consultant" | "lawyer" | "attorney" | "campaign" | "senior" | "press" | "communications")
}

fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "one"
            | "two"
            | "three"
            | "four"
            | "several"
            | "some"
            | "many"
            | "other"
            | "most"
            | "another"
    )
}

/// Sentence numbers for each token: a full stop, question or exclamation mark outside a
/// quote, followed by a capitalised word or an opening mark, ends a sentence; so does its
/// [`MAX_SENTENCE_TOKENS`]th token. The first token of each sentence goes onto `starts`.
fn sentence_numbers(text: &str, tokens: &[Token], quoted: &[bool], starts: &mut Vec<usize>) -> Vec<usize> {
    let mut numbers = Vec::with_capacity(tokens.len());
    let mut current = 0;
    let mut length = 0;
    for (i, token) in tokens.iter().enumerate() {
        if length == 0 {
            starts.push(i);
        }
        numbers.push(current);
        length += 1;
        let ends = token.kind == TokenKind::Punct
            && !quoted[i]
            && matches!(&text[token.start..token.end], "." | "!" | "?")
            && tokens.get(i + 1).is_none_or(|next| {
                next.kind == TokenKind::Open || text[next.start..next.end].starts_with(|c: char| c.is_uppercase())
            });
        // A quote that ends its sentence inside the marks (“… ready.” He said) ends it too,
        // unless a name and its reporting verb follow: “… ready.” Putin said. After a question
        // or an exclamation, which seldom end a sentence the next one takes up ("…
        // candidate.” Romney fired back in March, attacking…"), the name may be longer (“…
        // no?” Freddy Ortega said) and the verb may take a particle (“… right?” Trump went on).
        let mark = || if i > 0 { &text[tokens[i - 1].start..tokens[i - 1].end] } else { "" };
        // A line break after the quote ends the sentence whatever follows: "…”\nRubio said he…"
        // opens a paragraph of its own in text that breaks paragraphs with one newline.
        let closes_sentence = token.kind == TokenKind::Close
            && matches!(mark(), "." | "!" | "?")
            && tokens.get(i + 1).is_some_and(|next| {
                next.kind == TokenKind::Open
                    || (text[next.start..next.end].starts_with(|c: char| c.is_uppercase())
                        && (text[token.end..next.start].contains('\n')
                            || !name_then_cue(text, tokens, i + 1, mark() != ".")))
            });
        if ends || closes_sentence || length == MAX_SENTENCE_TOKENS {
            current += 1;
            length = 0;
        }
    }
    numbers
}

/// The particle that, after `verb`, makes a reporting verb of it (shot back, fired back, went
/// on, put it), both as written; `next` gives the word after the verb, asked only of these.
fn particle<'w>(verb: &str, next: impl FnOnce() -> Option<&'w str>) -> Option<&'static str> {
    if !matches!(verb, "shot" | "shoots" | "fired" | "fires" | "went" | "goes" | "put" | "puts") {
        return None;
    }
    match (verb, next()?) {
        ("shot" | "shoots" | "fired" | "fires", "back") => Some("back"),
        ("went" | "goes", "on") => Some("on"),
        ("put" | "puts", "it") => Some("it"),
        _ => None,
    }
}

/// Whether a capitalised word at token `k` is followed by a reporting verb ("Putin said");
/// `loose`: up to four of them, or a verb with a particle ("Freddy Ortega said", "Trump
/// shot back"), or an appositive between the name and its verb (“…?” Eva Miller, a retired
/// worker, said); after a full stop, that is a new sentence more often than not.
fn name_then_cue(text: &str, tokens: &[Token], k: usize, loose: bool) -> bool {
    let longest = if loose { 4 } else { 1 };
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| &text[t.start..t.end]);
    // Someone's role before the appositive: “…!” Scott's niece, state Del. Marcia Price, shouted.
    let owner = word(k).is_some_and(|w| {
        matches!(w, "His" | "Her" | "Their") || ["'s", "\u{2019}s"].iter().any(|end| w.ends_with(end))
    });
    if loose && owner {
        let role = (k + 1..k + 4).take_while(|&i| word(i).is_some_and(|w| w.starts_with(char::is_lowercase))).count();
        if role > 0 && appositive_then_cue(text, tokens, k + 1 + role) {
            return true;
        }
    }
    let mut i = k;
    while i < k + 4 && word(i).is_some_and(|w| w.starts_with(char::is_uppercase)) {
        i += 1;
        if loose && appositive_then_cue(text, tokens, i) {
            return true;
        }
        let Some(verb) = word(i).filter(|_| i <= k + longest) else { continue };
        let phrasal = || particle(verb, || word(i + 1)).is_some_and(|p| p != "it");
        // "… neighborhood.” Russia insisted that …" reports something else: a sentence of its own.
        let reports_other = || word(i + 1) == Some("that");
        if (lexicon::is_cue(&lower(verb)) || (loose && phrasal())) && !reports_other() {
            return true;
        }
    }
    false
}

/// Whether an appositive set off by commas opens at token `k` and a reporting verb follows
/// it: "Miller, a retired worker from a nuclear plant, said", "Miller, 62, said".
fn appositive_then_cue(text: &str, tokens: &[Token], k: usize) -> bool {
    let is = |i: usize, mark: &str| tokens.get(i).is_some_and(|t| &text[t.start..t.end] == mark);
    if !is(k, ",") {
        return false;
    }
    // Past a party and state in brackets: "Marcia Price (D-Newport News), said",
    let mut bracket = false;
    let Some(close) = (k + 1..(k + 14).min(tokens.len())).find(|&i| {
        let mark = &text[tokens[i].start..tokens[i].end];
        bracket = (bracket || mark == "(") && mark != ")";
        // and a nickname in its marks: "Marcia “Cia” Price".
        let nickname = matches!(tokens[i].kind, TokenKind::Open | TokenKind::Close);
        tokens[i].kind != TokenKind::Word && !bracket && !nickname && !matches!(mark, "-" | "'" | "\u{2019}" | ")")
    }) else {
        return false;
    };
    close > k + 1
        && is(close, ",")
        && tokens
            .get(close + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && lexicon::is_cue(&lower(&text[t.start..t.end])))
}

/// Block quotes with no marks of their own, attributed by the line after the block (“—
/// Volodymyr Zelensky, on X”, “— a senior official”) or by the paragraph that introduces it
/// with a colon (“Putin told the conference:”). Every paragraph of the block is the speaker's.
impl Attributor<'_> {
    fn block_quotes(&self) -> Vec<BlockQuote> {
        if !self.paragraphs.iter().any(|p| p.in_block_quote) {
            return Vec::new();
        }
        let mut quoted = vec![false; self.paragraphs.len()];
        for span in self.spans {
            quoted[span.paragraph] = true;
        }
        let mut out = Vec::new();
        let mut p = 0;
        while p < self.paragraphs.len() {
            if !self.paragraphs[p].in_block_quote {
                p += 1;
                continue;
            }
            let first = p;
            while p < self.paragraphs.len() && self.paragraphs[p].in_block_quote {
                p += 1;
            }
            let Some(speaker) = self.signed_below(p).or_else(|| self.introduced_above(first)) else { continue };
            for paragraph in (first..p).filter(|&b| !quoted[b]) {
                out.push(BlockQuote { paragraph, speaker: speaker.clone() });
            }
        }
        out
    }

    /// The line below a block, `p`: a dash and a name, or a description of an unnamed source.
    fn signed_below(&self, p: usize) -> Option<Speaker> {
        let line = self.paragraphs.get(p)?;
        let text = &self.text[line.start..line.end];
        if !text.starts_with(['\u{2014}', '\u{2013}', '-', '~']) {
            return None;
        }
        self.block_person_in(p, line.start).or_else(|| {
            let rest = text.trim_start_matches(['\u{2014}', '\u{2013}', '-', '~', ' ']);
            let description = rest.split(',').next().unwrap_or("").trim();
            let unnamed = description.starts_with(char::is_lowercase) && description.split_whitespace().count() <= 6;
            unnamed.then(|| Speaker::Unnamed { description: description.to_string() })
        })
    }

    /// Above the block that starts at paragraph `first`: a paragraph that ends on a colon,
    /// and the person it names first.
    fn introduced_above(&self, first: usize) -> Option<Speaker> {
        let intro = first.checked_sub(1).map(|i| &self.paragraphs[i])?;
        self.text[intro.start..intro.end].ends_with(':').then(|| self.block_person_in(first - 1, intro.start)).flatten()
    }

    /// The first mention of paragraph `p` from byte `from` on, unless a place or a possessive:
    /// "Here is what Trump's critics wrote:" introduces the critics, not Trump.
    fn block_person_in(&self, p: usize, from: usize) -> Option<Speaker> {
        let list = &self.mentions[p];
        let at = list.partition_point(|&i| self.names.found[i].span.start < from);
        list.get(at)
            .map(|&i| &self.names.found[i])
            .filter(|f| self.names.kind(f) != EntityKind::Place)
            .filter(|f| !self.text[f.span.end..].starts_with(['\'', '\u{2019}']))
            .map(|f| Speaker::Entity { entity: f.entity })
    }
}
