//! Bytes → text for the formats that carry their own character set (web pages, XML, JSON
//! Feed). In order: a byte-order mark decides; text that is valid UTF-8 is UTF-8 whatever
//! the markup says (a browser re-encodes a page it saves and leaves its `<meta charset>` as
//! it was, and feeds declare ISO-8859-1 out of habit); else the charset the markup declares;
//! else Windows-1252, the usual encoding of undeclared Western text, which the web reads
//! ISO-8859-1 as too. Markdown and plain text stay UTF-8 only (`content::read_text`).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Where a format declares its character set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
    Html,
    /// `<?xml version="1.0" encoding="…"?>`.
    Xml,
    /// Nowhere (JSON is UTF-8 by definition).
    Nowhere,
}

/// How far into a page its `<meta charset>` is looked for (the HTML standard's prescan reads
/// 1024 bytes; saved pages often put scripts and styles first).
const PRESCAN_BYTES: usize = 8192;

/// The text of `bytes`, and the encoding it was read in.
pub fn decode(bytes: &[u8], declared: Declared) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), UTF_8);
    }
    let encoding = match declared {
        Declared::Html => html_charset(bytes),
        Declared::Xml => xml_charset(bytes),
        Declared::Nowhere => None,
    }
    // UTF-8 was tried; a declared UTF-16 without a byte-order mark is a mistake (as browsers
    // read it), and so is UTF-8 here.
    .filter(|e| *e != UTF_8 && e.is_ascii_compatible())
    .unwrap_or(WINDOWS_1252);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// `decode`, taking the bytes: the usual UTF-8 file becomes its text without a copy.
pub fn decode_owned(bytes: Vec<u8>, declared: Declared) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        },
        // Not UTF-8: a byte-order mark of UTF-16 is not, so it is seen to here.
        Err(e) => decode(e.as_bytes(), declared).0,
    }
}

/// Whether the file starts with a byte-order mark of UTF-16, whose text holds zero bytes.
pub fn is_utf16(bytes: &[u8]) -> bool {
    Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8)
}

/// The charset a page's `<meta>` declares in its first bytes.
fn html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        if let Some(label) = label_after(&lower[start..end], b"charset=") {
            return Encoding::for_label(label);
        }
        from = end;
    }
    None
}

/// The encoding an XML declaration names.
fn xml_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let declaration = xml_declaration(bytes)?;
    Encoding::for_label(label_after(&declaration.to_ascii_lowercase(), b"encoding=")?)
}

/// `<?xml … ?>` at the start of the file (after white space).
fn xml_declaration(bytes: &[u8]) -> Option<&[u8]> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &bytes[start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = memchr::memmem::find(&rest[..rest.len().min(512)], b"?>")?;
    Some(&rest[..end])
}

/// The value after `key` (quoted or not): `charset="iso-8859-1"` → `iso-8859-1`.
fn label_after<'a>(text: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = memchr::memmem::find(text, key)? + key.len();
    let value = text[at..].strip_prefix(b"\"").or_else(|| text[at..].strip_prefix(b"'")).unwrap_or(&text[at..]);
    let end = value.iter().position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b))).unwrap_or(value.len());
    (end > 0).then(|| &value[..end])
}

/// XML text as feed-rs should see it: already decoded, so its declaration must say UTF-8
/// (feed-rs decodes by the declaration, and would read "ISO-8859-1" text twice).
pub fn declare_utf8(xml: &str) -> Cow<'_, str> {
    let Some(declaration) = xml_declaration(xml.as_bytes()) else { return Cow::Borrowed(xml) };
    let lower = declaration.to_ascii_lowercase();
    let Some(label) = label_after(&lower, b"encoding=") else { return Cow::Borrowed(xml) };
    if label == b"utf-8" {
        return Cow::Borrowed(xml);
    }
    // Offsets in `lower` are offsets in the declaration, which starts where the text's first
    // non-space byte is.
    let start = xml.len() - xml.trim_start().len();
    let at = start + label.as_ptr() as usize - lower.as_ptr() as usize;
    Cow::Owned(format!("{}UTF-8{}", &xml[..at], &xml[at + label.len()..]))
}

/// Text whose UTF-8 was read as Windows-1252 or Latin-1 once or twice before it reached
/// brief ("FranÃ§ois", "FranÃ\u{83}Â§ois", "donâ€™t"), put back: every stretch of
/// characters that, written back as Windows-1252 (or Latin-1) bytes, is valid UTF-8 of a
/// character beyond ASCII, is that character, until nothing changes (twice at most after the
/// first). A character that is no such stretch stays as it is, so text written right
/// ("Zürich", “quotes”) is untouched: a lone byte of Latin-1 is no UTF-8.
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    // Every lead byte it reads back is a character of U+00C2–U+00F4, written in UTF-8 after
    // the byte 0xC3, or "A" or a space before a combining mark (0xCC or 0xCD): text with none
    // of these three bytes, most English text with its curly quotes, is read no further.
    if memchr::memchr3(0xc3, 0xcc, 0xcd, text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut repaired = Cow::Borrowed(text);
    for _ in 0..3 {
        match repair_once(&repaired) {
            Some(better) => repaired = Cow::Owned(better),
            None => break,
        }
    }
    repaired
}

/// One pass of [`repair_mojibake`]; `None` where nothing changed. Only where a lead byte may
/// be read back is looked at (the bytes of [`repair_mojibake`]'s first test), found by
/// `memchr`, so accented text written right costs a search, not a read of every character.
fn repair_once(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let (mut from, mut copied) = (0, 0);
    while let Some(found) = memchr::memchr3(0xc3, 0xcc, 0xcd, &bytes[from..]) {
        let hit = from + found;
        // A combining mark: its letter or space, one byte, is where the lead would start.
        let at = if bytes[hit] == 0xc3 { hit } else { hit.saturating_sub(1) };
        from = hit + 1;
        if at < copied || !text.is_char_boundary(at) {
            continue;
        }
        if let Some((fixed, read)) = decode_at(&text[at..]) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..at]);
            out.push(fixed);
            copied = at + read;
            from = copied;
        }
    }
    out.map(|mut out| {
        out.push_str(&text[copied..]);
        out
    })
}

/// The character whose UTF-8 the characters opening `text` are, read as Windows-1252, and
/// how many bytes of `text` they take. Only characters that news writes: Latin, Greek and
/// Cyrillic letters, punctuation, currency, ™ and emoji (else "café’”" would become a CJK
/// character).
fn decode_at(text: &str) -> Option<(char, usize)> {
    let (lead, mut read) = byte_at(text)?;
    let len = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    for slot in bytes.iter_mut().take(len).skip(1) {
        let (byte, taken) = byte_at(&text[read..])
            .filter(|(b, _)| (0x80..=0xbf).contains(b))
            .or_else(|| matches!(lead, 0xc2 | 0xc3).then(|| decomposed_after(&text[read..])).flatten())?;
        *slot = byte;
        read += taken;
    }
    let c = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    let written = matches!(c as u32, 0xa0..=0x24f | 0x370..=0x4ff | 0x2000..=0x206f | 0x20a0..=0x20cf | 0x2100..=0x214f | 0x1f300..=0x1faff);
    written.then_some((c, read))
}

/// The Windows-1252 byte the text opens with, and how many bytes of it that takes. Mojibake
/// that was then decomposed (Unicode NFD or NFKD) is read as the byte it was: "A" and a
/// combining tilde is "Ã", a space and a combining macron "¯".
fn byte_at(text: &str) -> Option<(u8, usize)> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let composed = match (first, chars.next()) {
        ('A', Some('\u{302}')) => Some(0xc2),
        ('A', Some('\u{303}')) => Some(0xc3),
        ('A', Some('\u{308}')) => Some(0xc4),
        ('A', Some('\u{30a}')) => Some(0xc5),
        ('a', Some('\u{302}')) => Some(0xe2),
        (' ', Some('\u{304}')) => Some(0xaf),
        (' ', Some('\u{301}')) => Some(0xb4),
        (' ', Some('\u{308}')) => Some(0xa8),
        (' ', Some('\u{327}')) => Some(0xb8),
        _ => None,
    };
    match composed {
        // Both characters: the letter or space, and a combining mark of two bytes.
        Some(byte) => Some((byte, first.len_utf8() + 2)),
        None => as_byte(first).map(|byte| (byte, first.len_utf8())),
    }
}

/// After "Â" or "Ã", what compatibility decomposition (NFKD) makes of the second byte's
/// character: "º" an "o", "ª" an "a", "¼" "1⁄4", "¹²³" digits ("GÃ1⁄4len" is Gülen, "RaÃol"
/// Raúl). Read only there: anywhere else these are letters and digits.
fn decomposed_after(text: &str) -> Option<(u8, usize)> {
    const FORMS: [(&str, u8); 8] = [
        ("1\u{2044}4", 0xbc),
        ("1\u{2044}2", 0xbd),
        ("3\u{2044}4", 0xbe),
        ("o", 0xba),
        ("a", 0xaa),
        ("1", 0xb9),
        ("2", 0xb2),
        ("3", 0xb3),
    ];
    FORMS.iter().find(|(form, _)| text.starts_with(form)).map(|&(form, byte)| (byte, form.len()))
}

/// The byte a character was read from as Windows-1252, or as Latin-1 for the five bytes
/// Windows-1252 leaves undefined and the C1 controls Latin-1 gives.
fn as_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match c as u32 {
        0x80..=0xff => Some(c as u32 as u8),
        _ => HIGH.iter().position(|&h| h == c).map(|k| 0x80 + k as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_put_back_and_right_text_left_alone() {
        let cases = [
            ("FranÃ§ois Hollande", "François Hollande"),
            ("at GuantÃ¡namo Bay", "at Guantánamo Bay"),
            // Read wrong twice: Latin-1 once, then Windows-1252.
            ("Fran\u{c3}\u{83}\u{c2}\u{a7}ois", "François"),
            ("He donâ€™t know", "He don’t know"),
            ("SÃ©golÃ¨ne Royal", "Ségolène Royal"),
            ("a ðŸ˜€ face", "a 😀 face"),
            // Decomposed after it went wrong: "Ã" as "A" and a combining tilde, "¯" as a space
            // and a combining macron.
            ("FranA\u{303}\u{c2}\u{a7}ois", "François"),
            ("naA\u{303} \u{304}ve", "naïve"),
            ("GA\u{303}1\u{2044}4len", "Gülen"),
            ("RaA\u{303}ol and JesA\u{303}os", "Raúl and Jesús"),
            ("RaA\u{303}\u{83}A\u{302}ol", "Raúl"),
        ];
        for (wrong, right) in cases {
            assert_eq!(repair_mojibake(wrong), right, "{wrong}");
        }
        for right in ["Zürich, “quoted” — naïve café", "plain ASCII", "Ã alone stays", "£5 and ¥6", "the café’” end"]
        {
            assert!(matches!(repair_mojibake(right), Cow::Borrowed(_)), "{right}");
        }
    }

    #[test]
    fn reads_each_charset_whatever_is_declared() {
        let latin1 = b"<html><head><meta charset=\"ISO-8859-1\"></head><body>Caf\xe9 \x93quoted\x94</body></html>";
        let (text, encoding) = decode(latin1, Declared::Html);
        assert!(text.contains("Café “quoted”"), "{text}");
        assert_eq!(encoding, WINDOWS_1252);
        // Undeclared Windows-1252.
        let (text, _) = decode(b"<p>na\xefve \x96 dash</p>", Declared::Html);
        assert_eq!(text, "<p>naïve – dash</p>");
        // UTF-8 that declares Latin-1 (a page saved by a browser) stays UTF-8.
        let (text, _) = decode("<meta charset=iso-8859-1><p>Zürich</p>".as_bytes(), Declared::Html);
        assert!(text.contains("Zürich"));
        // A byte-order mark wins and is dropped.
        let (text, _) = decode("\u{feff}<p>é</p>".as_bytes(), Declared::Html);
        assert_eq!(text, "<p>é</p>");
        let (text, _) = decode(b"\xff\xfe<\0p\0>\0", Declared::Html);
        assert_eq!(text, "<p>");
        // http-equiv.
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x80</p>";
        assert!(decode(page, Declared::Html).0.contains('€'));
        // Taking the bytes reads them the same.
        for bytes in [&latin1[..], &page[..], "\u{feff}<p>é</p>".as_bytes(), b"\xff\xfe<\0p\0>\0", "Zürich".as_bytes()]
        {
            assert_eq!(decode_owned(bytes.to_vec(), Declared::Html), decode(bytes, Declared::Html).0);
        }
    }

    #[test]
    fn xml_declarations_are_read_and_rewritten() {
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><t>M\xfcnchen</t></rss>";
        let (text, _) = decode(xml, Declared::Xml);
        assert!(text.contains("München"));
        assert_eq!(
            declare_utf8(&text),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><t>München</t></rss>".to_string()
        );
        assert!(matches!(declare_utf8("<rss/>"), Cow::Borrowed(_)));
        assert!(matches!(declare_utf8("<?xml version='1.0' encoding='utf-8'?><a/>"), Cow::Borrowed(_)));
    }
}
