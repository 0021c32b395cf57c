//! Slugs: the one way a name or a file name becomes part of an output path. A slug is
//! lowercase ASCII letters, digits and single hyphens, never empty, never `.` or `..`, so
//! nothing derived from content can point outside the output folder, and at most
//! [`MAX_LEN`] bytes, so that every file named after one fits the file system.

/// The longest slug. Output files are named `<slug>.html` and `<slug>.xml`, and file
/// systems allow 255 bytes a name; a longer text keeps its first words and a hash of the rest.
pub const MAX_LEN: usize = 100;

/// Names the layout uses for its own pages in the folders that hold articles, people,
/// organisations, places and events (`people/index.html` is the list of people): a slug of
/// one of these would overwrite that page (`people/most-quoted.html`, `places/busiest.html`
/// are the rankings).
pub const RESERVED: &[&str] = &["index", "most-quoted", "busiest"];

pub fn is_reserved(slug: &str) -> bool {
    RESERVED.contains(&slug)
}

/// Turns any text into a slug, folding common Latin accents; `None` when nothing usable is left.
pub fn slugify(text: &str) -> Option<String> {
    let slug = slugify_whole(text)?;
    if slug.len() <= MAX_LEN {
        return Some(slug);
    }
    // The first words that fit, then a hash of the whole: distinct texts stay distinct.
    let hash = format!("{:08x}", fnv1a(slug.as_bytes()) as u32);
    let keep = MAX_LEN - hash.len() - 1;
    let cut = slug[..=keep].rfind('-').filter(|&at| at > keep / 2).unwrap_or(keep);
    Some(format!("{}-{hash}", &slug[..cut]))
}

fn slugify_whole(text: &str) -> Option<String> {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let folded = fold(c);
        if folded.is_empty() {
            if c == '\'' || c == '\u{2019}' {
                continue; // "O'Brien" → "obrien", "Russia’s" → "russias"
            }
            pending_hyphen = !slug.is_empty();
            continue;
        }
        for f in folded.chars() {
            if pending_hyphen {
                slug.push('-');
                pending_hyphen = false;
            }
            slug.push(f);
        }
    }
    if slug.is_empty() { None } else { Some(slug) }
}

/// A slug for text that may have no Latin letters at all ("Владимир"): a stable hash then.
/// For names found in the text, which no one chose: a reserved slug gets the prefix after it
/// ("Index" the person is `index-person`), where a file's own slug is refused instead.
pub fn slugify_or_hash(text: &str, prefix: &str) -> String {
    match slugify(text) {
        Some(slug) if is_reserved(&slug) => format!("{slug}-{prefix}"),
        Some(slug) => slug,
        None => format!("{prefix}-{:08x}", fnv1a(text.as_bytes()) as u32),
    }
}

/// A stable 64-bit hash (FNV-1a): the same on every machine and every run.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn fold(c: char) -> &'static str {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
        "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    match c {
        '0'..='9' => ASCII[c as usize - '0' as usize],
        'a'..='z' => ASCII[10 + c as usize - 'a' as usize],
        'A'..='Z' => ASCII[10 + c as usize - 'A' as usize],
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ę' | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ů' | 'Ű' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_path_segments() {
        let cases = [
            ("Vladimir Putin", Some("vladimir-putin")),
            ("../../etc/passwd", Some("etc-passwd")),
            ("/absolute/path", Some("absolute-path")),
            ("Russia’s envoy", Some("russias-envoy")),
            ("Volodymyr Zelenskyy", Some("volodymyr-zelenskyy")),
            ("François Hollande", Some("francois-hollande")),
            ("..", None),
            ("", None),
            ("Владимир", None),
        ];
        for (input, expected) in cases {
            assert_eq!(slugify(input).as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn long_texts_get_a_slug_that_fits_and_stays_distinct() {
        let long = "word ".repeat(80);
        let a = slugify(&format!("{long} one")).expect("a slug");
        let b = slugify(&format!("{long} two")).expect("a slug");
        assert!(a.len() <= MAX_LEN && b.len() <= MAX_LEN, "{a} {b}");
        assert_ne!(a, b);
        assert!(a.starts_with("word-word-"), "{a}");
        assert!(!a.contains("--") && !a.ends_with('-'), "{a}");
        let unbroken = slugify(&"x".repeat(400)).expect("a slug");
        assert_eq!(unbroken.len(), MAX_LEN, "{unbroken}");
    }

    #[test]
    fn names_found_in_text_never_take_a_reserved_slug() {
        assert_eq!(slugify_or_hash("Index", "person"), "index-person");
        assert_eq!(slugify_or_hash("Indexer", "person"), "indexer");
    }

    #[test]
    fn names_without_latin_letters_get_a_stable_hash() {
        let a = slugify_or_hash("Владимир", "person");
        assert_eq!(a, slugify_or_hash("Владимир", "person"));
        assert!(a.starts_with("person-"));
        assert_ne!(a, slugify_or_hash("Пётр", "person"));
    }
}
