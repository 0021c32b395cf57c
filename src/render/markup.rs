//! An article body → HTML with its annotations marked up: each quote becomes
//! `<span class="quote" id="q-N">` (split into pieces where Markdown inlines cut it) and each
//! name a link to its page. Everything from the content is escaped; raw HTML in Markdown is
//! shown as text, and links other than http(s), mailto, relative and fragment ones are dropped.

use crate::annotate::{Span, TextFormat};
use pulldown_cmark::{CowStr, Event, Parser, Tag};
use std::fmt::Write as _;
use std::ops::Range;

/// Something to mark in the body, by byte span.
#[derive(Debug, Clone)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

#[derive(Debug, Clone)]
pub enum MarkKind {
    Quote {
        anchor: String,
        /// The speaker's name, for the tooltip.
        speaker: Option<String>,
    },
    Mention {
        /// `person`, `organisation` or `place`: the CSS class.
        class: &'static str,
        /// Relative to the page.
        href: String,
    },
}

/// Renders Markdown (a bio, an event summary) with no marks.
pub fn render_markdown(text: &str) -> String {
    render_body(text, TextFormat::Markdown, &[])
}

/// Renders an article body with its marks. Quotes must not overlap one another; a mention
/// that crosses a quote's edge is left unmarked.
pub fn render_body(body: &str, format: TextFormat, marks: &[Mark]) -> String {
    let marks = MarkSet::new(marks);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    match format {
        TextFormat::Markdown => {
            let parser = Parser::new_ext(body, crate::annotate::markdown_options()).into_offset_iter();
            let events = parser.flat_map(|(event, range)| {
                // Each event becomes itself, or itself after an anchor.
                let (before, event) = match event {
                    Event::Text(text) => {
                        if body.get(range.clone()) == Some(text.as_ref()) {
                            (None, Event::InlineHtml(CowStr::from(marks.mark_up(body, range))))
                        } else {
                            (None, Event::Text(text))
                        }
                    }
                    // Raw HTML from content is shown as text, never run.
                    Event::Html(raw) | Event::InlineHtml(raw) => {
                        if body.get(range.clone()) == Some(raw.as_ref()) {
                            (None, Event::InlineHtml(CowStr::from(marks.mark_up(body, range))))
                        } else {
                            (None, Event::Text(raw))
                        }
                    }
                    Event::Code(code) => {
                        let anchors = marks.anchors_only(&range);
                        if anchors.is_empty() {
                            (None, Event::Code(code))
                        } else {
                            (Some(Event::InlineHtml(CowStr::from(anchors))), Event::Code(code))
                        }
                    }
                    Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                        (None, Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id }))
                    }
                    Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                        (None, Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url), title, id }))
                    }
                    other => (None, other),
                };
                before.into_iter().chain(std::iter::once(event))
            });
            pulldown_cmark::html::push_html(&mut html, events);
        }
        TextFormat::Plain => {
            let mut offset = 0;
            for line in body.split_inclusive('\n') {
                let start = offset + (line.len() - line.trim_start().len());
                let end = offset + line.trim_end().len();
                offset += line.len();
                if start < end {
                    html.push_str("<p>");
                    html.push_str(&marks.mark_up(body, start..end));
                    html.push_str("</p>\n");
                }
            }
        }
    }
    html
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None | Some("http") | Some("https") | Some("mailto") => url,
        Some(_) => CowStr::from(""),
    }
}

struct MarkSet<'a> {
    quotes: Vec<&'a Mark>,
    mentions: Vec<&'a Mark>,
    /// The quotes whose anchor (`id`) is written: on the first piece of each that is shown,
    /// which is not at its first byte when it opens with markup (`**We**`, a code span).
    anchored: std::cell::RefCell<std::collections::HashSet<usize>>,
}

impl<'a> MarkSet<'a> {
    fn new(marks: &'a [Mark]) -> MarkSet<'a> {
        let mut quotes: Vec<&Mark> = marks.iter().filter(|m| matches!(m.kind, MarkKind::Quote { .. })).collect();
        quotes.sort_by_key(|m| m.span);
        let mut mentions: Vec<&Mark> = Vec::new();
        let mut sorted: Vec<&Mark> = marks.iter().filter(|m| matches!(m.kind, MarkKind::Mention { .. })).collect();
        sorted.sort_by_key(|m| m.span);
        for mention in sorted {
            let overlaps_previous = mentions.last().is_some_and(|m| m.span.end > mention.span.start);
            // Quotes are sorted and do not overlap: only the last one starting before the
            // mention's end can cross it.
            let candidate = quotes.partition_point(|q| q.span.start < mention.span.end).checked_sub(1);
            let crosses_quote = candidate.is_some_and(|i| {
                let q = &quotes[i];
                let inside = q.span.start <= mention.span.start && mention.span.end <= q.span.end;
                let apart = mention.span.end <= q.span.start || q.span.end <= mention.span.start;
                !(inside || apart)
            });
            if !overlaps_previous && !crosses_quote && mention.span.start < mention.span.end {
                mentions.push(mention);
            }
        }
        MarkSet { quotes, mentions, anchored: Default::default() }
    }

    /// An empty anchor for each quote that overlaps `range` and has none yet: for text the
    /// marks cannot go into (a code span), so that links to the quote still land on it.
    fn anchors_only(&self, range: &Range<usize>) -> String {
        let mut out = String::new();
        for mark in self.overlapping(&self.quotes, range) {
            if let MarkKind::Quote { anchor, .. } = &mark.kind
                && self.anchored.borrow_mut().insert(mark.span.start)
            {
                let _ = write!(out, "<span class=\"quote-anchor\" id=\"{}\"></span>", Escaped(anchor));
            }
        }
        out
    }

    /// HTML for `body[range]`, escaped, with the marks that fall in it.
    fn mark_up(&self, body: &str, range: Range<usize>) -> String {
        let mut out = String::with_capacity(range.len() + 16);
        let mut cuts: Vec<usize> = vec![range.start, range.end];
        for mark in self.overlapping(&self.quotes, &range).chain(self.overlapping(&self.mentions, &range)) {
            cuts.push(mark.span.start.clamp(range.start, range.end));
            cuts.push(mark.span.end.clamp(range.start, range.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let Some(text) = body.get(start..end) else {
                continue;
            };
            let quote = self.overlapping(&self.quotes, &(start..end)).next();
            let mention = self.overlapping(&self.mentions, &(start..end)).next();
            if let Some(Mark { span, kind: MarkKind::Quote { anchor, speaker } }) = quote {
                out.push_str("<span class=\"quote\"");
                if self.anchored.borrow_mut().insert(span.start) {
                    let _ = write!(out, " id=\"{}\"", Escaped(anchor));
                }
                let _ = write!(out, " data-quote=\"{}\"", Escaped(anchor));
                if let Some(speaker) = speaker {
                    let _ = write!(out, " title=\"{}\"", Escaped(speaker));
                }
                out.push('>');
            }
            match mention {
                Some(Mark { kind: MarkKind::Mention { class, href }, .. }) => {
                    let _ =
                        write!(out, "<a class=\"mention {class}\" href=\"{}\">{}</a>", Escaped(href), Escaped(text));
                }
                _ => escape_into(&mut out, text),
            }
            if quote.is_some() {
                out.push_str("</span>");
            }
        }
        out
    }

    fn overlapping<'m>(&self, marks: &'m [&'a Mark], range: &Range<usize>) -> impl Iterator<Item = &'m &'a Mark> {
        // Marks are sorted by start: skip those that end before the range.
        let first = marks.partition_point(|m| m.span.start < range.start);
        let from = first.saturating_sub(1);
        let start = range.start;
        let end = range.end;
        marks[from..]
            .iter()
            .take_while(move |m| m.span.start < end)
            .filter(move |m| m.span.end > start && m.span.start < end)
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// Text escaped as [`escape`] does, written straight into a formatter (`write!(svg, "…{}…",
/// Escaped(title))`) rather than into a new string first.
pub struct Escaped<'a>(pub &'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        pulldown_cmark_escape::escape_html(pulldown_cmark_escape::FmtWriter(f), self.0)
    }
}

/// [`escape`], appending to `out`. pulldown-cmark's escaper, the one its HTML and Tera's
/// autoescape use: the same five marks and entities, with SSSE3 where the CPU has it.
pub fn escape_into(out: &mut String, text: &str) {
    let _ = pulldown_cmark_escape::escape_html(out, text); // writing to a String cannot fail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(start: usize, end: usize, anchor: &str) -> Mark {
        Mark {
            span: Span { start, end },
            kind: MarkKind::Quote { anchor: anchor.into(), speaker: Some("Vladimir Putin".into()) },
        }
    }

    fn mention(start: usize, end: usize) -> Mark {
        Mark {
            span: Span { start, end },
            kind: MarkKind::Mention { class: "person", href: "../people/vladimir-putin.html".into() },
        }
    }

    #[test]
    fn marks_quotes_and_names_in_markdown() {
        let body = "Putin said: “We are ready.”\n";
        let q = body.find("We").unwrap();
        let e = body.find('.').unwrap() + 1;
        let html = render_body(body, TextFormat::Markdown, &[quote(q, e, "q-1"), mention(0, 5)]);
        assert_eq!(
            html,
            "<p><a class=\"mention person\" href=\"../people/vladimir-putin.html\">Putin</a> said: “<span class=\"quote\" id=\"q-1\" data-quote=\"q-1\" title=\"Vladimir Putin\">We are ready.</span>”</p>\n"
        );
    }

    #[test]
    fn a_quote_cut_by_emphasis_keeps_one_anchor() {
        let body = "“We are *very* ready,” he said.";
        let q = body.find("We").unwrap();
        let e = body.find(',').unwrap() + 1;
        let html = render_body(body, TextFormat::Markdown, &[quote(q, e, "q-1")]);
        assert_eq!(html.matches("id=\"q-1\"").count(), 1);
        assert_eq!(html.matches("data-quote=\"q-1\"").count(), 3);
        assert!(
            html.contains("<em><span class=\"quote\" data-quote=\"q-1\" title=\"Vladimir Putin\">very</span></em>")
        );
    }

    #[test]
    fn content_html_and_script_links_never_run() {
        let body = "Hello <script>alert(1)</script> [x](javascript:alert(1)) [y](https://example.org/)\n\n<div onclick=\"x\">raw</div>\n";
        let html = render_body(body, TextFormat::Markdown, &[]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://example.org/\""));
    }

    #[test]
    fn escape_replaces_the_five_marks_and_keeps_the_rest() {
        assert_eq!(escape("Café “5 < 6” & 'x' > \"y\""), "Café “5 &lt; 6” &amp; &#39;x&#39; &gt; &quot;y&quot;");
        assert_eq!(escape("no marks — at all"), "no marks — at all");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn plain_text_lines_are_paragraphs_and_escaped() {
        let body = "Anchorage, Alaska : first <b>line</b>\nsecond line\n\n";
        let html = render_body(body, TextFormat::Plain, &[]);
        assert_eq!(html, "<p>Anchorage, Alaska : first &lt;b&gt;line&lt;/b&gt;</p>\n<p>second line</p>\n");
    }
}
