//! What no reader of a saved page reads, cut before the page is parsed: scripts (but JSON-LD),
//! styles, the content of inline SVG in the body (its tags stay), and comments. A news site's page is mostly these (a
//! bundle inlined in a script is often most of its bytes), and the HTML parser reads every
//! one of them character by character. The cut follows the HTML tokenizer's rules for where
//! each of them ends (script data and its escapes, raw text, comments, quoted attribute
//! values), so the page parses to the same tree less what was cut. Where the markup is
//! unusual (SVG holding HTML, MathML, `<plaintext>`, an unclosed tag), the rest of the page is
//! left as it is; inside `<noscript>`, which this parser reads as markup and which in the
//! head moves what follows into the body, nothing is cut.

use memchr::{memchr, memchr2, memmem};
use std::borrow::Cow;

/// `html` without its scripts (bar JSON-LD), styles, body SVG and comments.
pub fn cut(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    let mut in_body = false;
    let mut in_noscript = false;
    // Whether anything but a comment was cut.
    let mut cut_markup = false;
    // `None` as an end: the thing runs to the end of the file.
    let cut_to = |cuts: &mut Vec<(usize, usize)>, from: usize, to: Option<usize>, allowed: bool| -> Option<usize> {
        if allowed {
            join_cut(cuts, b, from, to.unwrap_or(b.len()));
        }
        to
    };
    while let Some(lt) = memchr(b'<', &b[at..]).map(|i| at + i) {
        let rest = &b[lt..];
        let next = if rest.starts_with(b"<!--") {
            cut_to(&mut cuts, lt, comment_end(b, lt), !in_noscript)
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            // A doctype counts only before any element: after a script, the page's mode
            // (quirks or not) would change with the cut.
            let doctype = rest.get(2..9).is_some_and(|d| d.eq_ignore_ascii_case(b"doctype"));
            if doctype && cut_markup {
                return Cow::Borrowed(html);
            }
            // A doctype, or a bogus comment: to the first `>`.
            memchr(b'>', &b[lt..]).map(|i| lt + i + 1)
        } else if rest.starts_with(b"</") {
            match rest.get(2) {
                Some(c) if c.is_ascii_alphabetic() => tag(b, lt + 2).map(|t| {
                    if t.is(b"noscript") {
                        in_noscript = false;
                    }
                    t.end
                }),
                _ => memchr(b'>', &b[lt..]).map(|i| lt + i + 1),
            }
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let Some(t) = tag(b, lt + 1) else { break };
            if t.is(b"script") {
                let end = script_end(b, t.end);
                cut_markup |= !in_noscript && !t.json_ld;
                cut_to(&mut cuts, lt, end, !in_noscript && !t.json_ld)
            } else if t.is(b"style") {
                let end = raw_text_end(b, t.end, b"style");
                cut_markup |= !in_noscript;
                cut_to(&mut cuts, lt, end, !in_noscript)
            } else if ["title", "textarea", "xmp", "iframe", "noembed", "noframes"].iter().any(|n| t.is(n.as_bytes())) {
                // Text up to the element's end tag, whatever it looks like.
                raw_text_end(b, t.end, t.name)
            } else if t.is(b"svg") && in_body && !in_noscript {
                // Its content only: the tags stay, so that the tree is built as from the whole
                // page (an element opened in a table is moved before it and reopens the
                // formatting elements around it, `<a>`, `<b>`, whatever it holds).
                if t.self_closing {
                    Some(t.end)
                } else {
                    cut_markup = true;
                    match svg_end(b, t.end) {
                        Some(close) => cut_to(&mut cuts, t.end, Some(close), true),
                        None => break,
                    }
                }
            } else if t.is(b"svg") || t.is(b"math") || t.is(b"plaintext") {
                break;
            } else {
                if t.is(b"body") {
                    in_body = true;
                } else if t.is(b"noscript") {
                    in_noscript = true;
                }
                Some(t.end)
            }
        } else {
            Some(lt + 1)
        };
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() - cuts.iter().map(|(f, t)| t - f).sum::<usize>());
    let mut kept = 0;
    for (from, to) in cuts {
        out.push_str(&html[kept..from]);
        kept = to;
    }
    out.push_str(&html[kept..]);
    Cow::Owned(out)
}

/// Cuts `from..to`, joined to a cut that ends at `from`, unless what it would join makes
/// new markup or a new character reference: the text before must end in `>` or a space, or
/// the text after start with `<` (`<` + `<!---->` + `/p>` would become `</p>`; `&amp` +
/// `<!---->` + `;`, `&amp;`).
fn join_cut(cuts: &mut Vec<(usize, usize)>, b: &[u8], from: usize, to: usize) {
    let joined = cuts.last().is_some_and(|&(_, end)| end == from);
    let start = if joined { cuts[cuts.len() - 1].0 } else { from };
    let before = start.checked_sub(1).map(|i| b[i]);
    let safe = before.is_none_or(|c| c == b'>' || is_space(c)) || b.get(to).is_none_or(|&c| c == b'<');
    match cuts.last_mut() {
        Some(last) if safe && joined => last.1 = to,
        _ if safe => cuts.push((from, to)),
        _ => {}
    }
}

/// A start or end tag, read as the tokenizer reads it.
struct Tag<'a> {
    /// As written.
    name: &'a [u8],
    /// Just after its `>`.
    end: usize,
    self_closing: bool,
    /// `type="application/ld+json"`.
    json_ld: bool,
}

impl Tag<'_> {
    /// Whether it is `name` (in lower case), in any case.
    fn is(&self, name: &[u8]) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// The tag whose name starts at `from` (just after `<` or `</`); None when the file ends in it.
fn tag(b: &[u8], from: usize) -> Option<Tag<'_>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    let name_end = from + b[from..].iter().position(|&c| is_space(c) || c == b'/' || c == b'>')?;
    let name = &b[from..name_end];
    let is_script = name.eq_ignore_ascii_case(b"script");
    let (mut attribute, mut value) = ((0, 0), (0, 0));
    let mut json_ld = false;
    let mut state = State::BeforeName;
    let mut i = name_end;
    while i < b.len() {
        let c = b[i];
        state = match state {
            State::BeforeName | State::AfterName | State::AfterQuoted if c == b'>' => {
                return Some(Tag { name, end: i + 1, self_closing: false, json_ld });
            }
            State::BeforeName | State::AfterName | State::AfterQuoted if c == b'/' => State::SelfClosing,
            State::BeforeName | State::AfterName | State::AfterQuoted if is_space(c) => State::BeforeName,
            State::AfterName if c == b'=' => State::BeforeValue,
            State::BeforeName | State::AfterName | State::AfterQuoted => {
                attribute = (i, i + 1);
                State::Name
            }
            State::Name if c == b'>' => return Some(Tag { name, end: i + 1, self_closing: false, json_ld }),
            State::Name if c == b'/' => State::SelfClosing,
            State::Name if is_space(c) => State::AfterName,
            State::Name if c == b'=' => State::BeforeValue,
            State::Name => {
                attribute.1 = i + 1;
                State::Name
            }
            State::BeforeValue if is_space(c) => State::BeforeValue,
            State::BeforeValue if c == b'"' || c == b'\'' => {
                value = (i + 1, i + 1);
                State::Quoted(c)
            }
            State::BeforeValue if c == b'>' => return Some(Tag { name, end: i + 1, self_closing: false, json_ld }),
            State::BeforeValue => {
                value = (i, i + 1);
                State::Unquoted
            }
            State::Quoted(q) if c == q => {
                json_ld |= is_script && is_json_ld_type(b, attribute, value);
                State::AfterQuoted
            }
            State::Quoted(q) => {
                value.1 = i + 1;
                State::Quoted(q)
            }
            State::Unquoted if is_space(c) || c == b'>' => {
                json_ld |= is_script && is_json_ld_type(b, attribute, value);
                if c == b'>' {
                    return Some(Tag { name, end: i + 1, self_closing: false, json_ld });
                }
                State::BeforeName
            }
            State::Unquoted => {
                value.1 = i + 1;
                State::Unquoted
            }
            State::SelfClosing if c == b'>' => return Some(Tag { name, end: i + 1, self_closing: true, json_ld }),
            State::SelfClosing => {
                // Read again as the start of an attribute.
                state = State::BeforeName;
                continue;
            }
        };
        i += 1;
    }
    None
}

fn is_json_ld_type(b: &[u8], attribute: (usize, usize), value: (usize, usize)) -> bool {
    let attribute = &b[attribute.0..attribute.1];
    let value = b[value.0..value.1].trim_ascii();
    attribute.eq_ignore_ascii_case(b"type") && value.eq_ignore_ascii_case(b"application/ld+json")
}

/// Just after the comment that starts at `lt` (`<!--`).
fn comment_end(b: &[u8], lt: usize) -> Option<usize> {
    let body = lt + 4;
    if b[body..].starts_with(b">") {
        return Some(body + 1);
    }
    if b[body..].starts_with(b"->") {
        return Some(body + 2);
    }
    let mut i = body;
    loop {
        let mut j = i + memmem::find(&b[i..], b"--")? + 2;
        while b.get(j) == Some(&b'-') {
            j += 1;
        }
        match (b.get(j), b.get(j + 1)) {
            (Some(b'>'), _) => return Some(j + 1),
            (Some(b'!'), Some(b'>')) => return Some(j + 2),
            (None, _) => return None,
            _ => i = j,
        }
    }
}

/// Whether `b[at..]` is `</name` or `<name` (as `prefix` says) then a space, `/` or `>`.
fn names_tag(b: &[u8], at: usize, prefix: &[u8], name: &[u8]) -> bool {
    let start = at + prefix.len();
    b[at..].starts_with(prefix)
        && b.get(start..start + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(start + name.len()).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Just after the end tag `</name …>` of a raw text or RCDATA element whose text starts at `from`.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let at = memmem::find_iter(&b[from..], b"</").map(|i| from + i).find(|&at| names_tag(b, at, b"</", name))?;
    tag(b, at + 2).map(|t| t.end)
}

/// Just after the `</script>` that ends the script whose text starts at `from`, through the
/// script data states: `<!--` escapes, and inside it `<script>` escapes `</script>` again.
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    loop {
        let at = i + if state == State::Data { memchr(b'<', &b[i..])? } else { memchr2(b'<', b'-', &b[i..])? };
        if b[at] == b'-' {
            // `--` then `>` leaves an escape.
            let mut j = at;
            while b.get(j) == Some(&b'-') {
                j += 1;
            }
            if j - at >= 2 && b.get(j) == Some(&b'>') {
                state = State::Data;
                i = j + 1;
            } else {
                i = j;
            }
            continue;
        }
        match state {
            State::Data | State::Escaped if names_tag(b, at, b"</", b"script") => {
                return tag(b, at + 2).map(|t| t.end);
            }
            State::Data if b[at..].starts_with(b"<!--") => {
                state = State::Escaped;
                // `<!--` is itself the `--` of a `-->`.
                i = at + 2;
            }
            State::Escaped if names_tag(b, at, b"<", b"script") => {
                state = State::DoubleEscaped;
                i = at + 7;
            }
            State::DoubleEscaped if names_tag(b, at, b"</", b"script") => {
                state = State::Escaped;
                i = at + 8;
            }
            _ => i = at + 1,
        }
    }
}

/// SVG elements an inline SVG is cut over; any other tag in it (HTML, which may close the
/// SVG, or a script) leaves the SVG and the rest of the page uncut.
const SVG_ELEMENTS: &[&str] = &[
    "a",
    "animate",
    "animatemotion",
    "animatetransform",
    "circle",
    "clippath",
    "defs",
    "desc",
    "ellipse",
    "feblend",
    "fecolormatrix",
    "fecomponenttransfer",
    "fecomposite",
    "fedropshadow",
    "feflood",
    "fefunca",
    "fefuncb",
    "fefuncg",
    "fefuncr",
    "fegaussianblur",
    "femerge",
    "femergenode",
    "feoffset",
    "filter",
    "g",
    "image",
    "line",
    "lineargradient",
    "marker",
    "mask",
    "metadata",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialgradient",
    "rect",
    "set",
    "stop",
    "svg",
    "switch",
    "symbol",
    "text",
    "textpath",
    "title",
    "tspan",
    "use",
    "view",
];

/// Where the `</svg>` that closes the SVG whose content starts at `from` begins; None when it
/// holds anything but SVG elements, text, comments and CDATA, or an end tag that closes no
/// element opened inside it: in foreign content such a tag goes on to close HTML elements
/// around the SVG ("<g><svg></g>" closes the HTML `<g>` before it), so the SVG stays.
fn svg_end(b: &[u8], from: usize) -> Option<usize> {
    // The elements open inside the SVG, itself first.
    let mut open: Vec<&[u8]> = vec![b"svg"];
    let mut i = from;
    loop {
        let lt = i + memchr(b'<', &b[i..])?;
        let rest = &b[lt..];
        i = if rest.starts_with(b"<!--") {
            comment_end(b, lt)?
        } else if rest.starts_with(b"<![CDATA[") {
            lt + memmem::find(rest, b"]]>")? + 3
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            lt + memchr(b'>', rest)? + 1
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic)
            || (rest.starts_with(b"</") && rest.get(2).is_some_and(u8::is_ascii_alphabetic))
        {
            let closing = rest[1] == b'/';
            let t = tag(b, lt + if closing { 2 } else { 1 })?;
            if !SVG_ELEMENTS.iter().any(|n| t.is(n.as_bytes())) {
                return None;
            }
            // Inside `title` or `desc` the parser reads HTML, where `</svg>` may close
            // nothing: only text and their own end tag are read here; anything else keeps the
            // SVG.
            let integration =
                open.last().is_some_and(|name| [&b"title"[..], b"desc"].iter().any(|n| name.eq_ignore_ascii_case(n)));
            if integration && !(closing && open.last().is_some_and(|name| t.is(name))) {
                return None;
            }
            if closing {
                // Closes the innermost open element of its name, and every one inside it.
                let at = open.iter().rposition(|name| t.is(name))?;
                open.truncate(at);
                if open.is_empty() {
                    return Some(lt);
                }
            } else if !t.self_closing {
                open.push(t.name);
            }
            t.end
        } else if rest.starts_with(b"</") {
            lt + memchr(b'>', rest)? + 1
        } else {
            lt + 1
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;
    use proptest::prelude::*;

    /// The page's tree as the readers see it, less what `cut` may cut.
    fn tree_without_cut_parts(html: &str) -> String {
        let document = Document::from(html);
        let cut: Vec<_> = document
            .root()
            .descendants_it()
            .filter(|node| {
                let name = node.node_name().unwrap_or_default();
                let json_ld = node.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                node.is_comment() || matches!(name.as_ref(), "style" | "svg") || (name.as_ref() == "script" && !json_ld)
            })
            .collect();
        for node in cut {
            node.remove_from_parent();
        }
        // White space may move: a cut element that opens the head keeps the space after it
        // there, and a cut comment in a table joins the space before it to the text after it,
        // which then moves out of the table with it. The text, tags and their order may not.
        document.html().split_whitespace().collect()
    }

    fn same_tree(html: &str) {
        let cut = cut(html);
        assert_eq!(tree_without_cut_parts(html), tree_without_cut_parts(&cut), "{html:?}\ncut to\n{cut:?}");
    }

    #[test]
    fn cuts_scripts_styles_svg_and_comments_and_nothing_else() {
        let page = "<!DOCTYPE html><html><head><title>a <script> b</title><script>var s = '</scr' + 'ipt>';</script>\
            <script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script><style>p > a { x: 1 }</style>\
            <!-- a comment --></head><body><p title='<script>'>One <svg viewBox=\"0 0 1 1\"><path d=\"M0\"/>\
            <title>icon</title></svg>two</p><script><!--<script>x</script>--></script><p>three</p>\
            <textarea><!-- kept --></textarea></body></html>";
        let cut = cut(page);
        for gone in ["var s", "p > a", "a comment", "<path", "icon", "<!--<script>"] {
            assert!(!cut.contains(gone), "{gone} in {cut}");
        }
        for kept in [
            "a <script> b",
            "{\"headline\": \"Kept\"}",
            "title='<script>'",
            "One <svg viewBox=\"0 0 1 1\"></svg>two",
            "three",
            "<!-- kept -->",
        ] {
            assert!(cut.contains(kept), "{kept} not in {cut}");
        }
        same_tree(page);
        // An SVG holding HTML, and MathML: the rest is left as it is.
        let odd = "<body><p>a<svg><p>b</p></svg><!-- c --></p></body>";
        assert_eq!(super::cut(odd), odd);
        same_tree(odd);
        // Nothing to cut: the same text, not a copy.
        assert!(matches!(super::cut("<p>plain</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_svg_whose_title_holds_tags_is_kept() {
        // Inside an SVG's title the parser reads HTML, where `</svg>` closes nothing.
        let page = "<html><body><svg><title><path d='M0'/></svg><path d='M0'/>";
        same_tree(page);
        assert!(cut(page).contains("<svg><title>"));
        assert!(!cut("<body><svg><title>icon</title></svg>text").contains("icon"));
    }

    #[test]
    fn an_svg_moved_out_of_a_table_reopens_the_same_formatting_elements() {
        // An element opened in a table goes before it and reopens the open `<a>` there: the
        // SVG's tags must stay for the tree to be the same (a case the proptest below found).
        for page in [
            "<table><html><html><a href=x title=y><body><table><svg/>",
            "<table><a href=x><table><svg viewBox='0 0 1 1'><path d='M0'/><title>icon</title></svg>text",
            // An end tag in an SVG that closes nothing opened in it closes the HTML `<g>`.
            "<g><body></div><svg></g></svg><html>",
        ] {
            same_tree(page);
        }
        assert!(!cut("<body><table><a href=x><table><svg><path d='M0'/></svg>").contains("<path"));
    }

    #[test]
    fn the_fixture_pages_parse_to_the_same_tree() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/pages/content/articles");
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
            same_tree(&crate::content::charset::decode(&bytes, crate::content::charset::Declared::Html).0);
        }
    }

    /// Markup to put together at random. Not `<template>`: its contents are kept apart from
    /// the tree, where neither the readers nor this test's walk see them.
    const PIECES: &[&str] = &[
        "<html>",
        "<head>",
        "</head>",
        "<body>",
        "<p>",
        "</p>",
        "<div class=\"a>b\">",
        "</div>",
        "<b>",
        "</b>",
        "<table>",
        "<td>",
        "text",
        " ",
        "\n",
        "<",
        ">",
        "\"",
        "'",
        "=",
        "/",
        "-",
        "!",
        "--",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<!DOCTYPE html>",
        "<?php ?>",
        "<![CDATA[",
        "]]>",
        "<script>",
        "<SCRIPT type=module>",
        "<script type=\"application/ld+json\">",
        "</script>",
        "</script ",
        "<style>",
        "</style>",
        "<svg>",
        "<svg/>",
        "</svg>",
        "<path d='M0'/>",
        "<g>",
        "</g>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<noscript>",
        "</noscript>",
        "<math>",
        "<a href=x title=y>",
        "<br/>",
        "&amp",
        "&#3",
        "9;",
        ";",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_markup_parses_to_the_same_tree(pieces in prop::collection::vec(0..PIECES.len(), 0..40)) {
            let html: String = pieces.iter().map(|&i| PIECES[i]).collect();
            same_tree(&html);
        }
    }
}
