//! Quote filtering: which quoted spans are no speech. Told from the span and the word before
//! it alone, before attribution: a work's title in title case after a verb or preposition
//! that takes one (wrote “The Art of the Deal”), what a gesture meant (he gestured “no”), and
//! a span after a word that marks a title or a word held at arm's length (the book “…”,
//! so-called “experts”), and a nickname inside a name (Marcia “Cia” Price). Whether a span
//! stands as a quote then depends also on what attribution found for it: [`Use::stands`].

use super::lexicon;
use super::quotes::QuotedSpan;
use super::text::{self, Paragraph, Token, TokenKind};

/// What a quoted span is, read from the span and the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Words someone said or wrote, as far as the span and the word before it tell.
    Speech,
    /// After a word that marks a title or a word held at arm's length ("called", "the book",
    /// "so-called"): a quote only with a speaker, and then only when long or cued.
    Marked { so_called: bool },
    /// A work's title: never a quote.
    Title,
    /// What a gesture meant, three words at most: never a quote.
    Gesture,
    /// A nickname inside a name (Marcia “Cia” Price): never a quote.
    Nickname,
    /// A crowd's chant ("chanted “Lock her up!”", "chants of “USA!”"): a quote, however
    /// short, but never one person's words.
    Chant,
}

impl Use {
    /// Never a quote, whatever attribution finds beside it.
    pub fn is_no_speech(self) -> bool {
        matches!(self, Use::Title | Use::Gesture | Use::Nickname)
    }

    /// Whether a span of this use and `words` words stands as a quote, given whether
    /// attribution found it a speaker and a cue. Without a speaker, a span of two words or
    /// fewer is a scare quote; a marked one stands only with a speaker, and with a cue too
    /// when it has four words or fewer or follows "so-called".
    pub fn stands(self, words: usize, speaker: bool, cue: bool) -> bool {
        match self {
            Use::Title | Use::Gesture | Use::Nickname => false,
            Use::Marked { so_called } => speaker && (cue || (words > 4 && !so_called)),
            Use::Speech => speaker || words >= 3,
            Use::Chant => true,
        }
    }
}

/// Words before a quoted span that make it a title or a word held at arm's length.
const TITLE_MARKERS: &[&str] = &[
    "album",
    "anthem",
    "article",
    "autobiography",
    "biography",
    "book",
    "broadcast",
    "called",
    "classic",
    "column",
    "concert",
    "documentary",
    "drama",
    "dubbed",
    "episode",
    "essay",
    "film",
    "headline",
    "magazine",
    "memoir",
    "memoirs",
    "movie",
    "musical",
    "newspaper",
    "nicknamed",
    "novel",
    "op-ed",
    "phrase",
    "play",
    "podcast",
    "poem",
    "program",
    "programme",
    "series",
    "show",
    "sitcom",
    "so-called",
    "song",
    "term",
    "termed",
    "thriller",
    "titled",
    "word",
    "words",
];

/// Title markers that name a work, not words held at arm's length ("the words, “…”").
fn is_work(word: &str) -> bool {
    TITLE_MARKERS.binary_search(&word).is_ok()
        && !matches!(
            word,
            "called"
                | "dubbed"
                | "nicknamed"
                | "phrase"
                | "so-called"
                | "term"
                | "termed"
                | "titled"
                | "word"
                | "words"
        )
}

/// The use of each span, in order.
pub fn uses(text: &str, paragraphs: &[Paragraph], spans: &[QuotedSpan]) -> Vec<Use> {
    spans.iter().map(|span| use_of(text, paragraphs, span)).collect()
}

fn use_of(text: &str, paragraphs: &[Paragraph], span: &QuotedSpan) -> Use {
    let before = span.open.checked_sub(1).and_then(|k| {
        let token = paragraphs[span.paragraph].tokens.get(k)?;
        (token.kind == TokenKind::Word).then(|| text::lower(&text[token.start..token.end]))
    });
    let quoted = &text[span.start..span.end];
    // A work's title set off by a comma after the word that says what it is: "In his 2002
    // book, “Make Your Kid a Millionaire,” he suggested…".
    let after_comma = span.open >= 2 && {
        let tokens = &paragraphs[span.paragraph].tokens;
        let comma = &tokens[span.open - 1];
        let noun = &tokens[span.open - 2];
        &text[comma.start..comma.end] == ","
            && noun.kind == TokenKind::Word
            && is_work(&text::lower(&text[noun.start..noun.end]))
    };
    // One capitalised word between a first name and a surname is a nickname.
    let tokens = &paragraphs[span.paragraph].tokens;
    let capitalised = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && text[t.start..t.end].starts_with(|c: char| c.is_uppercase()))
    };
    let first_name = span.open.checked_sub(1).is_some_and(|k| {
        let t = &tokens[k];
        t.kind == TokenKind::Word && lexicon::is_first_name(&text[t.start..t.end])
    });
    if first_name && span.close == Some(span.open + 2) && capitalised(span.open + 1) && capitalised(span.open + 3) {
        return Use::Nickname;
    }
    let titled = || is_title_case(quoted.trim_end_matches([',', '.']));
    // After a work's noun, one word is a title too: the documentary “13th.”, the film “Jaws”.
    let one_word = || {
        let word = quoted.trim_end_matches([',', '.']);
        !word.contains(' ') && word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    if after_comma && (titled() || one_word()) {
        return Use::Title;
    }
    // Right after a work's noun, or its "of" ("an episode of “Shark Tank.”"), or right before
    // one ("his “Keepin' It Real” radio program"): a title in title case.
    let word_at =
        |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| text::lower(&text[t.start..t.end]));
    // Or the role of whoever made it: "author of ''America's Unwritten Constitution''".
    let maker = |w: &str| {
        matches!(w, "author" | "co-author" | "editor" | "director" | "producer" | "creator" | "host" | "publisher")
    };
    let noun_before = before.as_deref().is_some_and(is_work)
        || (before.as_deref() == Some("of")
            && span.open >= 2
            && word_at(span.open - 2).is_some_and(|w| is_work(&w) || maker(&w)));
    let noun_after = span
        .close
        .is_some_and(|c| (c + 1..c + 3).any(|k| word_at(k).is_some_and(|w| is_work(&w) || is_named_thing(&w))));
    if (noun_before || noun_after) && titled() || noun_before && one_word() {
        return Use::Title;
    }
    // A show or book that opens the sentence, set off by its comma: "On “Face the Nation,”
    // Sen. Bernie Sanders said…", "In “The Art of the Deal,” he wrote…".
    let opens_sentence = span.open == 1
        || span.open >= 2 && {
            let t = &tokens[span.open - 2];
            t.kind == TokenKind::Punct && matches!(&text[t.start..t.end], "." | "?" | "!")
        };
    let set_off = quoted.ends_with(',') && quoted.split_whitespace().count() <= 6;
    if opens_sentence && set_off && matches!(before.as_deref(), Some("on" | "in")) && titled() {
        return Use::Title;
    }
    if is_chant(text, tokens, span.open) {
        return Use::Chant;
    }
    // What something is called, not what someone said: "what has become known as the
    // ''Buffett rule''", "a policy referred to as “catch and release”".
    let article = matches!(before.as_deref(), Some("the" | "a" | "an"));
    let known_as = span.open.checked_sub(1 + usize::from(article)).is_some_and(|as_at| {
        let at = |back: usize| as_at.checked_sub(back).and_then(&word_at);
        at(0).as_deref() == Some("as")
            && (at(1).as_deref() == Some("known")
                || (at(1).as_deref() == Some("to") && at(2).as_deref() == Some("referred")))
    });
    if known_as {
        return Use::Title;
    }
    let Some(before) = before.as_deref() else { return Use::Speech };
    // An outlet's work may close on the sentence's comma or stop inside the marks.
    let outlets = || outlets_work(text, paragraphs, span) && is_title_case(quoted.trim_end_matches([',', '.']));
    if (takes_a_work(before) && titled()) || outlets() {
        Use::Title
    } else if lexicon::is_gesture(before) && quoted.split_whitespace().nth(3).is_none() {
        Use::Gesture
    } else if TITLE_MARKERS.binary_search(&before).is_ok() {
        Use::Marked { so_called: before == "so-called" }
    } else {
        Use::Speech
    }
}

/// Whether the quote that opens after token `open` is a chant: right after a word of chanting
/// ("chanted “USA!”", "chanting, “Lock her up!”") or after "of" and a word for a crowd's cry
/// ("chants of “Bernie!”", "to cries of “Shame!”").
fn is_chant(text: &str, tokens: &[Token], open: usize) -> bool {
    let word =
        |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| text::lower(&text[t.start..t.end]));
    let chanting = |w: &str| matches!(w, "chant" | "chants" | "chanted" | "chanting");
    let Some(k) = open.checked_sub(1) else { return false };
    match word(k).as_deref() {
        Some("of") => k
            .checked_sub(1)
            .and_then(word)
            .is_some_and(|w| chanting(&w) || matches!(&*w, "cries" | "shouts" | "chorus")),
        Some(w) => chanting(w),
        // Over the comma or colon that may set the chant off.
        None => {
            matches!(&text[tokens[k].start..tokens[k].end], "," | ":")
                && k.checked_sub(1).and_then(word).is_some_and(|w| chanting(&w))
        }
    }
}

/// A work after an outlet's possessive that follows "on" or "in": "on CBS's “Face the
/// Nation”", "in Fox News’s “Special Report”".
fn outlets_work(text: &str, paragraphs: &[Paragraph], span: &QuotedSpan) -> bool {
    let tokens = &paragraphs[span.paragraph].tokens;
    let word = |k: usize| {
        let token = &tokens[k];
        (token.kind == TokenKind::Word).then(|| &text[token.start..token.end])
    };
    let Some(owner) = span.open.checked_sub(1).and_then(word) else { return false };
    // The owner without its possessive: "ABC’s", "Reuters'".
    let Some(stem) = owner
        .strip_suffix("'s")
        .or_else(|| owner.strip_suffix("\u{2019}s"))
        .or_else(|| owner.strip_suffix(['\'', '\u{2019}']).filter(|s| s.ends_with('s')))
    else {
        return false;
    };
    // The outlet's noun after its name: "Fox News channel’s “Sunday Morning Futures”".
    let noun = lexicon::is_outlet_noun(stem.trim_end_matches('s'))
        && span.open >= 2
        && word(span.open - 2).is_some_and(|w| w.starts_with(char::is_uppercase));
    if !(owner.starts_with(char::is_uppercase) || noun) {
        return false;
    }
    // Back over the outlet's name, four words at most, to the word before it.
    let mut k = span.open - 1;
    while k > 0 && span.open - k < 4 && word(k - 1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
        k -= 1;
    }
    // A broadcaster or publisher the gazetteer knows: "told ABC’s “Good Morning America”".
    let mut name: Vec<&str> = (k..span.open - 1).filter_map(word).collect();
    name.push(stem);
    let known = (0..name.len()).any(|from| lexicon::organisations().contains(&name[from..].join(" ").as_str()));
    noun || known
        || k.checked_sub(1).and_then(word).is_some_and(|w| ["on", "in", "of"].iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Nouns after a name in title case that make it the name of a thing, not words said:
/// "“Make America Great Again” hats", "a “Talk Bernie to Me” tote bag", "the “Fight for 15”
/// movement", "“Jane The Virgin” actress".
fn is_named_thing(word: &str) -> bool {
    matches!(
        word,
        "hat"
            | "hats"
            | "cap"
            | "caps"
            | "shirt"
            | "shirts"
            | "t-shirt"
            | "t-shirts"
            | "sign"
            | "signs"
            | "bag"
            | "button"
            | "buttons"
            | "sticker"
            | "stickers"
            | "banner"
            | "tour"
            | "movement"
            | "summit"
            | "pageant"
            | "crowd"
            | "page"
            | "slogan"
            | "motto"
            | "initiative"
            | "referendum"
            | "star"
            | "actress"
            | "actor"
            | "host"
            | "anchor"
            | "segment"
            | "broadcasts"
            | "letters"
            | "wave"
    )
}

/// What goes before a work rather than words: "wrote “The Art of the Deal”", "on “Fox and
/// Friends”". Nicknames stay quotes: "called her “Miss Piggy”".
fn takes_a_work(word: &str) -> bool {
    matches!(
        word,
        "on" | "in"
            | "told"
            | "tells"
            | "with"
            | "to"
            | "at"
            | "visited"
            | "wrote"
            | "writes"
            | "read"
            | "reads"
            | "watched"
            | "published"
            | "released"
            | "authored"
            | "starred"
            | "hosted"
            | "sang"
            | "performed"
            | "filmed"
            | "directed"
    )
}

/// A name in title case, with no punctuation of its own. Words spoken start a sentence in
/// capitals, not every word; a name that closes on a comma or a full stop inside the marks is
/// left as a quote, as a rating or a slogan someone pronounced is (“Mostly False.”).
fn is_title_case(text: &str) -> bool {
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "de"
                | "la"
                | "vs."
        )
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && !text.ends_with(['!', '?', ',', '.', ';', ':'])
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || small(w))
        && words[0].starts_with(char::is_uppercase)
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn use_in(text: &str) -> Vec<Use> {
        let paragraphs = text::paragraphs(text, super::super::TextFormat::Plain);
        uses(text, &paragraphs, &super::super::quotes::find(text, &paragraphs))
    }

    #[test]
    fn spans_are_told_from_the_word_before_them() {
        assert_eq!(use_in("He wrote “The Art of the Deal” in 1987."), [Use::Title]);
        assert_eq!(use_in("He wrote “We will win.”"), [Use::Speech]);
        assert_eq!(use_in("She gestured “no” twice."), [Use::Gesture]);
        assert_eq!(use_in("She gestured “no, not now, not ever.”"), [Use::Speech]);
        assert_eq!(use_in("The so-called “experts” left."), [Use::Marked { so_called: true }]);
        assert_eq!(use_in("The book “Fire and Fury” sold."), [Use::Title]);
        assert_eq!(use_in("The book “we will win” sold."), [Use::Marked { so_called: false }]);
        assert_eq!(use_in("It was an episode of “Shark Tank” again."), [Use::Title]);
        assert_eq!(use_in("He took calls on his “Keepin' It Real” radio program."), [Use::Title]);
        assert_eq!(use_in("Lester Holt, the anchor of NBC's “Nightly News,” asked."), [Use::Title]);
        assert_eq!(use_in("“We will win,” she said."), [Use::Speech]);
        assert_eq!(use_in("In his 2002 book, “Make Your Kid a Millionaire,” he said so."), [Use::Title]);
        assert_eq!(use_in("She sang the anthem, “A Change Is Gonna Come.”"), [Use::Title]);
        assert_eq!(use_in("On “Face the Nation,” Sanders spoke of voters."), [Use::Title]);
        assert_eq!(use_in("He left. In “The Art of the Deal,” he wrote of it."), [Use::Title]);
        assert_eq!(use_in("On “Monday we march,” they chanted."), [Use::Speech]);
        // A chant, after its verb or its noun, over a comma.
        assert_eq!(use_in("The crowd chanted “Lock her up!” again."), [Use::Chant]);
        assert_eq!(use_in("He was met with chants of “USA!” there."), [Use::Chant]);
        assert_eq!(use_in("Marchers, chanting, “No justice, no peace,” went by."), [Use::Chant]);
        // One word after a work's noun is a title.
        assert_eq!(use_in("Her new documentary “13th.” opens Friday."), [Use::Title]);
        assert_eq!(use_in("See the trailer for her documentary, “13th,” below."), [Use::Title]);
        // What something is known as is its name.
        assert_eq!(use_in("It became known as the “Buffett rule” after him."), [Use::Title]);
        assert_eq!(use_in("A policy referred to as “catch and release” ended."), [Use::Title]);
        // A show of a broadcaster the gazetteer knows, whatever word goes before it.
        assert_eq!(use_in("She told ABC’s “Good Morning America” that it went well."), [Use::Title]);
        assert_eq!(use_in("He said on Fox News channel’s “Sunday Morning Futures,” that it was over."), [Use::Title]);
        // A person's words after their possessive stay words.
        assert_eq!(use_in("Blige sings Springsteen’s “American Skin” to her."), [Use::Speech]);
        // A name in title case before the noun of what it names.
        assert_eq!(use_in("They burned their “Make America Great Again” hats."), [Use::Title]);
        assert_eq!(use_in("She had a “Talk Bernie to Me” tote bag."), [Use::Title]);
        // Or after a book's noun and its comma, or after a verb that takes a show.
        assert_eq!(use_in("Carly Fiorina wrote in her memoir, “Tough Choices.”"), [Use::Title]);
        assert_eq!(use_in("Fiorina told “Fox and Friends,” reminding them of it."), [Use::Title]);
        assert_eq!(use_in("She added the words, “Hillary Clinton.”"), [Use::Speech]);
    }

    #[test]
    fn what_stands_as_a_quote() {
        assert!(!Use::Title.stands(5, true, true));
        assert!(!Use::Gesture.stands(1, true, true));
        assert!(Use::Speech.stands(3, false, false) && !Use::Speech.stands(2, false, false));
        assert!(Use::Speech.stands(1, true, false));
        assert!(!Use::Marked { so_called: false }.stands(9, false, true));
        assert!(Use::Marked { so_called: false }.stands(5, true, false));
        assert!(!Use::Marked { so_called: true }.stands(5, true, false));
        assert!(Use::Marked { so_called: true }.stands(1, true, true));
        assert!(Use::Chant.stands(1, false, false));
    }

    #[test]
    fn title_markers_are_sorted_for_binary_search() {
        let mut sorted = TITLE_MARKERS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, TITLE_MARKERS);
    }
}
