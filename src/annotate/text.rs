//! Text → paragraphs → tokens, with byte offsets into the article text. Markdown is read
//! with pulldown-cmark so that only paragraphs, list items and block quotes are annotated
//! (never code or raw HTML); a wire report is a paragraph a line.

use super::TextFormat;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// An opening double quotation mark (“, «, „, a straight " or doubled '' that opens,
    /// or a treebank ``).
    Open,
    /// A closing double quotation mark.
    Close,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    /// Inside a Markdown block quote.
    pub in_block_quote: bool,
}

/// Abbreviations whose full stop belongs to the word ("Sen.", "Mr.").
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Co", "Col", "Corp", "Del", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Maj", "Mr",
    "Mrs", "Ms", "Mt", "No", "Prof", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Sr", "St", "Supt", "vs",
];

/// A word with its first letter in capitals ("obama" → "Obama").
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The Markdown brief reads, in the annotator and in the pages alike: CommonMark with
/// tables, footnotes and strikethrough.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The paragraphs of a text, in order. Inline HTML and code spans inside a paragraph are
/// not read: a tweet's markup (`<tweet tweet-date="…">`) holds no quotation marks of the text.
pub fn paragraphs(text: &str, format: TextFormat) -> Vec<Paragraph> {
    let mut ranges: Vec<(usize, usize, bool)> = Vec::new();
    // Byte ranges of inline HTML and code, in text order.
    let mut hidden: Vec<std::ops::Range<usize>> = Vec::new();
    match format {
        TextFormat::Plain => {
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let start = offset + (line.len() - line.trim_start().len());
                let end = offset + line.trim_end().len();
                if start < end {
                    ranges.push((start, end, false));
                }
                offset += line.len();
            }
        }
        TextFormat::Markdown => {
            let mut depth_quote = 0usize;
            let mut in_paragraph = false;
            let mut item_text: Option<(usize, usize)> = None;
            for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
                if matches!(event, Event::InlineHtml(_) | Event::Code(_)) {
                    hidden.push(range.clone());
                }
                match event {
                    Event::Start(Tag::BlockQuote(_)) => depth_quote += 1,
                    Event::End(TagEnd::BlockQuote(_)) => depth_quote = depth_quote.saturating_sub(1),
                    Event::Start(Tag::Paragraph) => {
                        in_paragraph = true;
                        ranges.push((range.start, range.end, depth_quote > 0));
                    }
                    Event::End(TagEnd::Paragraph) => in_paragraph = false,
                    // Tight list items have text without a paragraph around it.
                    Event::Start(Tag::Item) => item_text = None,
                    Event::Text(_) | Event::Code(_) | Event::SoftBreak if !in_paragraph => {
                        let (s, e) = item_text.unwrap_or((range.start, range.end));
                        item_text = Some((s.min(range.start), e.max(range.end)));
                    }
                    Event::End(TagEnd::Item) => {
                        if let Some((s, e)) = item_text.take() {
                            ranges.push((s, e, depth_quote > 0));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    ranges
        .into_iter()
        .map(|(start, end, in_block_quote)| {
            let (start, end) = trim(text, start, end);
            let mut tokens = tokenize(text, start, end);
            // The hidden ranges are leaf events in text order: those inside this paragraph
            // are found by binary search (paragraphs of tight lists come out of order).
            let first = hidden.partition_point(|h| h.end <= start);
            let inside = &hidden[first..first + hidden[first..].partition_point(|h| h.start < end)];
            if !inside.is_empty() {
                tokens.retain(|t| !inside.iter().any(|h| h.start <= t.start && t.start < h.end));
            }
            Paragraph { start, end, tokens, in_block_quote }
        })
        .collect()
}

fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let s = start + (slice.len() - slice.trim_start().len());
    let e = start + slice.trim_end().len();
    (s, e.max(s))
}

/// A word in lower case, borrowed when it already is (most words): asked of nearly every
/// token near a quote.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// The dash that opens a byline after a quote (“…” ― Jorge Falcon): ―, — or – , or two
/// hyphens. How many tokens it takes from token `k`, if one starts there.
pub fn byline_dash(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let mark = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Punct).map(|t| &text[t.start..t.end]);
    match mark(k)? {
        "\u{2015}" | "\u{2014}" | "\u{2013}" => Some(1),
        "-" if mark(k + 1) == Some("-") => Some(2),
        _ => None,
    }
}

/// Tokens of `text[start..end]`. Reads bytes, decoding a character only where one is not
/// ASCII: runs of spaces and of ASCII letters and digits (most of every text) are passed a
/// byte at a time, with no character decoded.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let bytes = &text.as_bytes()[..end];
    let at = |i: usize| -> Option<char> {
        let b = *bytes.get(i)?;
        if b.is_ascii() { Some(b as char) } else { text[i..end].chars().next() }
    };
    let mut tokens = Vec::with_capacity((end - start) / 5);
    let mut previous: Option<char> = None;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // The ASCII white space of `char::is_whitespace`.
        if matches!(b, b' ' | b'\t'..=b'\r') {
            previous = Some(b as char);
            i += 1;
            continue;
        }
        let c = if b.is_ascii() { b as char } else { text[i..end].chars().next().unwrap_or('\u{fffd}') };
        let next = i + c.len_utf8();
        if b.is_ascii_alphanumeric() || (!b.is_ascii() && c.is_alphanumeric()) {
            let mut j = next;
            // Where the dotted initials read so far end ("U.S" of "U.S.A"): a full stop after
            // them asks only whether the letter before it is one more (asking of the whole word
            // at each full stop was quadratic in a long run of "A.A.A.").
            let mut initials_end: Option<usize> = None;
            // A word: letters and digits, with inner apostrophes, hyphens and dotted initials.
            loop {
                // ASCII letters and digits, most of every word, a byte at a time.
                j += bytes[j..].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len() - j);
                let Some(d) = at(j) else { break };
                let after = j + d.len_utf8();
                let inner = matches!(d, '\'' | '\u{2019}' | '-' | '.' | '\u{2010}' | '&')
                    && at(after).is_some_and(char::is_alphanumeric)
                    && (d != '.' || {
                        let initials = match initials_end {
                            Some(dot) => is_initial(&text[dot + 1..j]),
                            None => is_initials(&text[i..j]),
                        };
                        initials_end = initials.then_some(j);
                        initials
                    });
                if !(d.is_alphanumeric() || inner) {
                    break;
                }
                j = after;
            }
            // "Sen." and "U.S." keep their full stop.
            if j < end && bytes[j] == b'.' && (ABBREVIATIONS.contains(&&text[i..j]) || is_initials(&text[i..j])) {
                j += 1;
            }
            tokens.push(Token { start: i, end: j, kind: TokenKind::Word });
            previous = match bytes[j - 1] {
                last if last.is_ascii() => Some(last as char),
                _ => text[..j].chars().next_back(),
            };
            i = j;
            continue;
        }
        // Two-character marks: doubled apostrophes ('' as the New York Times archive writes
        // both marks) and a treebank opening (``), each one mark.
        let doubled = matches!(b, b'\'' | b'`') && bytes.get(i + 1) == Some(&b);
        if doubled {
            let after = i + 2;
            let kind = if b == b'`' {
                TokenKind::Open
            } else {
                // As a straight mark: opens after a space or a bracket and before a word.
                let after_space = previous
                    .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | '/'));
                let before_text = at(after).is_some_and(|n| !n.is_whitespace());
                if after_space && before_text { TokenKind::Open } else { TokenKind::Close }
            };
            tokens.push(Token { start: i, end: after, kind });
            previous = Some(b as char);
            i = after;
            continue;
        }
        let kind = match c {
            '\u{201c}' | '\u{ab}' | '\u{201e}' => TokenKind::Open,
            '\u{201d}' | '\u{bb}' => {
                // A closing mark used to open: preceded by space, followed by a letter.
                let opens = previous.is_none_or(|p| p.is_whitespace()) && at(next).is_some_and(char::is_alphanumeric);
                if opens { TokenKind::Open } else { TokenKind::Close }
            }
            '"' => {
                // Opens after a space or a bracket and before a word; `,' "` closes.
                let after_space = previous
                    .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | '/'));
                let before_text = at(next).is_some_and(|n| !n.is_whitespace());
                if after_space && before_text { TokenKind::Open } else { TokenKind::Close }
            }
            c if c.is_whitespace() => {
                previous = Some(c);
                i = next;
                continue;
            }
            _ => TokenKind::Punct,
        };
        tokens.push(Token { start: i, end: next, kind });
        previous = Some(c);
        i = next;
    }
    tokens
}

fn is_initials(word: &str) -> bool {
    // A party before a state's initials is part of the label: "Sen. Chuck Schumer (D-N.Y.)".
    let word = match word.as_bytes() {
        [party, b'-', _, ..] if party.is_ascii_uppercase() => &word[2..],
        _ => word,
    };
    !word.is_empty() && word.split('.').all(is_initial)
}

fn is_initial(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len()).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_possessives_and_hyphens() {
        assert_eq!(words("U.S. Sen. Ted Cruz’s aide said."), ["U.S.", "Sen.", "Ted", "Cruz’s", "aide", "said", "."]);
        assert_eq!(words("Joint Base Elmendorf-Richardson"), ["Joint", "Base", "Elmendorf-Richardson"]);
        assert_eq!(words("Schumer (D-N.Y.) said."), ["Schumer", "(", "D-N.Y.", ")", "said", "."]);
        assert_eq!(words("“Yes,” he said"), ["“", "Yes", ",", "”", "he", "said"]);
        // Dotted initials are read a letter at a time, and stop at the first part that is not one.
        assert_eq!(words("A.B.C.D. Smith"), ["A.B.C.D.", "Smith"]);
        assert_eq!(words("A.B.CD.E said"), ["A.B.CD", ".", "E", "said"]);
        assert_eq!(words("U.S.Army"), ["U.S.Army"]);
    }

    #[test]
    fn straight_marks_open_and_close_by_context() {
        let text = "He said \"we are ready\" and left";
        let kinds: Vec<TokenKind> = tokenize(text, 0, text.len()).iter().map(|t| t.kind).collect();
        assert_eq!(kinds.iter().filter(|k| **k == TokenKind::Open).count(), 1);
        assert_eq!(kinds.iter().filter(|k| **k == TokenKind::Close).count(), 1);
    }

    #[test]
    fn markdown_paragraphs_skip_code() {
        let text = "First para.\n\n```\n“not a quote,” said code\n```\n\n> Quoted block.\n\n- item one\n- item two\n";
        let paras = paragraphs(text, TextFormat::Markdown);
        let texts: Vec<&str> = paras.iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(texts, ["First para.", "Quoted block.", "item one", "item two"]);
        assert!(paras[1].in_block_quote);
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        let text = "Anchorage, Alaska : one.\n\nTwo.\n";
        let paras = paragraphs(text, TextFormat::Plain);
        assert_eq!(paras.len(), 2);
        assert_eq!(&text[paras[1].start..paras[1].end], "Two.");
    }
}
