//! Quoted spans: the text between double quotation marks, paragraph by paragraph. A quote
//! left open at a paragraph's end is cut there; when the next paragraph opens with a mark,
//! that paragraph continues it (the newsroom convention for quotes over several paragraphs).

use super::text::{Paragraph, TokenKind};

#[derive(Debug, Clone)]
pub struct QuotedSpan {
    pub paragraph: usize,
    /// Index of the opening mark's token.
    pub open: usize,
    /// Index of the closing mark's token; `None` when the paragraph ends first.
    pub close: Option<usize>,
    /// The quoted words, without the marks and outer white space.
    pub start: usize,
    pub end: usize,
    /// This span continues a quote left open at the end of the previous paragraph.
    pub continues: Option<usize>,
}

pub fn find(text: &str, paragraphs: &[Paragraph]) -> Vec<QuotedSpan> {
    let mut spans: Vec<QuotedSpan> = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let tokens = &paragraph.tokens;
        let family = |i: usize| MarkFamily::of(&text[tokens[i].start..tokens[i].end]);
        let glued = |i: usize| i > 0 && tokens[i - 1].end == tokens[i].start;
        let mut open: Option<usize> = None;
        // A quote in the other family's marks inside the open one ("… question: “As you
        // know …?” Forty-three …"): its marks, and the spans it gives should the outer quote
        // never close (then the outer mark was a stray one, as before nesting was read).
        let mut inner: Option<usize> = None;
        let mut inner_spans: Vec<(usize, Option<usize>)> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            match (token.kind, open, inner) {
                (TokenKind::Open, None, _) => open = Some(i),
                // Nested, unless the outer mark wraps the paragraph as a stray one does
                // ("“You don’t win …,” Rubio responded …" in straight marks).
                (TokenKind::Open, Some(o), None) if family(i) != family(o) && !glued(i) && i > o + 1 => inner = Some(i),
                (TokenKind::Close, Some(_), Some(n)) if family(i) == family(n) => {
                    inner_spans.push((n, Some(i)));
                    inner = None;
                }
                (TokenKind::Open, Some(_), Some(_)) => {}
                // An opening mark where one is already open: a mark typed the wrong way round
                // closes the quote when it follows a word or punctuation directly.
                (TokenKind::Open, Some(o), None) => {
                    if glued(i) && i > o + 1 {
                        push(text, &mut spans, paragraphs, p, o, Some(i));
                        open = None;
                    } else {
                        open = Some(i);
                    }
                    inner_spans.clear();
                }
                (TokenKind::Close, Some(o), _) => {
                    push(text, &mut spans, paragraphs, p, o, Some(i));
                    open = None;
                    inner = None;
                    inner_spans.clear();
                }
                _ => {}
            }
        }
        if (open.is_some() && !inner_spans.is_empty()) || inner.is_some() {
            for (o, c) in inner_spans.drain(..).chain(inner.map(|n| (n, None))) {
                push(text, &mut spans, paragraphs, p, o, c);
            }
        } else if let Some(o) = open {
            push(text, &mut spans, paragraphs, p, o, None);
        }
    }
    spans
}

/// The kinds of quotation marks, which nest inside one another: straight ("), curly (“ ”,
/// « », „) and doubled apostrophes ('' and treebank ``).
#[derive(PartialEq)]
enum MarkFamily {
    Straight,
    Curly,
    Apostrophes,
}

impl MarkFamily {
    fn of(mark: &str) -> MarkFamily {
        match mark {
            "\"" => MarkFamily::Straight,
            "''" | "``" => MarkFamily::Apostrophes,
            _ => MarkFamily::Curly,
        }
    }
}

fn push(
    text: &str,
    spans: &mut Vec<QuotedSpan>,
    paragraphs: &[Paragraph],
    p: usize,
    open: usize,
    close: Option<usize>,
) {
    let paragraph = &paragraphs[p];
    let start = paragraph.tokens[open].end;
    let end = close.map_or(paragraph.end, |c| paragraph.tokens[c].start);
    let inner = &text[start..end];
    let trimmed_start = start + (inner.len() - inner.trim_start().len());
    let trimmed_end = start + inner.trim_end().len();
    if trimmed_start >= trimmed_end || !text[trimmed_start..trimmed_end].chars().any(char::is_alphanumeric) {
        return;
    }
    // Continuation: this paragraph opens with the mark and the previous one ended open.
    let continues =
        // Only the spans of the previous paragraph are looked at: a scan of all would be quadratic.
        (open == 0 && p > 0)
            .then(|| {
                let from = spans.iter().rposition(|s| s.paragraph < p - 1).map_or(0, |i| i + 1);
                spans[from..].iter().rposition(|s| s.paragraph == p - 1 && s.close.is_none()).map(|i| i + from)
            })
            .flatten();
    spans.push(QuotedSpan { paragraph: p, open, close, start: trimmed_start, end: trimmed_end, continues });
}

#[cfg(test)]
mod tests {
    use super::super::TextFormat;
    use super::super::text::paragraphs;
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let paras = paragraphs(text, TextFormat::Markdown);
        find(text, &paras).iter().map(|q| text[q.start..q.end].to_string()).collect()
    }

    #[test]
    fn finds_curly_straight_split_and_nested_quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("“We agree,” he said.", &["We agree,"]),
            ("He said \"we agree\" today.", &["we agree"]),
            ("“A,” she said, “B.”", &["A,", "B."]),
            ("“He told me ‘never’ twice,” she said.", &["He told me ‘never’ twice,"]),
            // Curly marks inside straight ones, and the other way round, nest.
            (
                "Caddell continued: \"Here is the question: “Do you think so?” Forty-three, yes.\"",
                &["Here is the question: “Do you think so?” Forty-three, yes."],
            ),
            ("“It was ''dire,'' I think,” she said.", &["It was ''dire,'' I think,"]),
            // A straight mark wrapping the paragraph is a stray one; a nested quote that
            // never closes leaves the one inside.
            ("\"“We won,” Rubio said.\"", &["We won,"]),
            ("\"Stray, and then “a quote” here.", &["a quote"]),
            // Mixed marks that close each other are one quote each.
            ("“Out of balance,\" the group wrote. \"It will get worse.“", &["Out of balance,", "It will get worse."]),
            ("No quotes at all.", &[]),
            ("An empty “” pair.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(quoted(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_cut_and_linked() {
        let text = "“First part of it.\n\n“Second part,” he said.\n";
        let paras = paragraphs(text, TextFormat::Markdown);
        let spans = find(text, &paras);
        assert_eq!(spans.len(), 2);
        assert!(spans[0].close.is_none());
        assert_eq!(spans[1].continues, Some(0));
    }

    #[test]
    fn an_unbalanced_mark_runs_to_the_paragraph_end_and_no_further() {
        let text = "He said “this never closes\n\nNext paragraph.";
        assert_eq!(quoted(text), ["this never closes"]);
    }
}
