//! Slugs: the one way a name or a file name becomes part of an output path. A slug is
//! lowercase ASCII letters, digits and single hyphens, never empty, never `.` or `..`, so
//! nothing derived from content can point outside the output folder.

/// Turns any text into a slug, folding common Latin accents; `None` when nothing usable is left.
pub fn slugify(text: &str) -> Option<String> {
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
pub fn slugify_or_hash(text: &str, prefix: &str) -> String {
    slugify(text).unwrap_or_else(|| format!("{prefix}-{:08x}", fnv1a(text.as_bytes()) as u32))
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
    fn names_without_latin_letters_get_a_stable_hash() {
        let a = slugify_or_hash("Владимир", "person");
        assert_eq!(a, slugify_or_hash("Владимир", "person"));
        assert!(a.starts_with("person-"));
        assert_ne!(a, slugify_or_hash("Пётр", "person"));
    }
}
