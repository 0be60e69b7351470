//! Decoding and normalization of the input text.
//!
//! Before anything is matched the text is made uniform: a byte order mark is dropped, CRLF and
//! lone CR become LF, non-breaking and other special spaces become plain spaces, zero-width
//! characters are removed and the text is composed to NFC. Each change that actually happened is
//! recorded as a [`Normalization`], so the output says what was done to the user's text.
//! Normalization never changes the number of lines: line numbers refer to the user's file.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::chars;
use crate::model::Normalization;

/// Text ready for parsing and the normalizations that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// What was done, in order.
    pub applied: Vec<Normalization>,
}

/// Spaces other than U+0020 that Word and PDF exports leave in text.
pub(crate) fn is_special_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters with no width that only get in the way of matching.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}'
    )
}

/// Normalizes `input`; cheap when the text is already clean (the common case).
pub fn normalize(input: &str) -> Normalized {
    let mut applied = Vec::new();
    let mut text = input;
    if let Some(rest) = text.strip_prefix('\u{FEFF}') {
        applied.push(Normalization::Bom);
        text = rest;
    }
    let bytes = text.as_bytes();
    let has_cr = memchr_cr(bytes);
    // Most texts hold only characters normalization leaves alone whatever surrounds them; one
    // pass over the non-ASCII characters shows it, and then only line endings can need work.
    let plain = only_plain_chars(text);
    // Special and zero-width characters are all outside ASCII; ASCII text skips the scan.
    let needs_chars = !plain
        && !text.is_ascii()
        && text
            .chars()
            .any(|c| is_special_space(c) || is_zero_width(c));
    let mut owned: Option<String> = None;
    if has_cr && !needs_chars {
        // Line endings only (Word and Windows exports): copy the runs between carriage returns.
        let (out, crlf, lone_cr) = fix_line_endings(text);
        for (flag, n) in [
            (crlf, Normalization::Crlf),
            (lone_cr, Normalization::LoneCr),
        ] {
            if flag {
                applied.push(n);
            }
        }
        owned = Some(out);
    } else if needs_chars {
        let mut out = String::with_capacity(text.len());
        let mut crlf = false;
        let mut lone_cr = false;
        let mut spaces = false;
        let mut zero = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' {
                if chars.peek() == Some(&'\n') {
                    crlf = true;
                } else {
                    lone_cr = true;
                    out.push('\n');
                }
            } else if is_special_space(c) {
                spaces = true;
                out.push(' ');
            } else if is_zero_width(c) {
                zero = true;
            } else {
                out.push(c);
            }
        }
        for (flag, n) in [
            (crlf, Normalization::Crlf),
            (lone_cr, Normalization::LoneCr),
            (spaces, Normalization::SpecialSpaces),
            (zero, Normalization::ZeroWidth),
        ] {
            if flag {
                applied.push(n);
            }
        }
        owned = Some(out);
    }
    let current: &str = owned.as_deref().unwrap_or(text);
    // Changing line endings keeps a text of plain characters plain, so it is NFC.
    if !plain && !current.is_ascii() {
        if let Some(composed) = nfc_by_line(current) {
            applied.push(Normalization::Nfc);
            owned = Some(composed);
        }
    }
    Normalized {
        text: owned.unwrap_or_else(|| text.to_owned()),
        applied,
    }
}

/// `text` in NFC, or `None` when it already is. Each line is checked on its own, and only the
/// lines that are not NFC go through `unicode-normalization`'s iterator (about 30 MB/s); the
/// others are copied. A line feed is a starter that composes with nothing, so this gives the
/// same text as normalizing the whole, and a document where a few pasted lines are decomposed
/// costs little more than one already in NFC.
fn nfc_by_line(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut start = 0;
    for line in crate::lex::split_lf(text) {
        // Most Vietnamese NFC text answers `Yes` to the quick check; `Maybe` needs the full one.
        let needs = !chars::all_plain(line)
            && is_nfc_quick(line.chars()) != IsNormalized::Yes
            && !unicode_normalization::is_nfc(line);
        match out.as_mut() {
            None if !needs => {}
            None => {
                let mut composed = String::with_capacity(text.len());
                composed.push_str(&text[..start]);
                composed.extend(line.nfc());
                out = Some(composed);
            }
            Some(composed) => {
                composed.push('\n');
                if needs {
                    composed.extend(line.nfc());
                } else {
                    composed.push_str(line);
                }
            }
        }
        start += line.len() + 1;
    }
    out
}

/// `text` with CRLF turned into LF and a lone CR into LF, copied run by run between carriage
/// returns; says whether each kind was seen.
fn fix_line_endings(text: &str) -> (String, bool, bool) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut crlf, mut lone_cr) = (false, false);
    let mut from = 0;
    for at in memchr::memchr_iter(b'\r', bytes) {
        // A CR is ASCII: the text around it splits on character boundaries.
        out.push_str(&text[from..at]);
        if bytes.get(at + 1) == Some(&b'\n') {
            crlf = true;
        } else {
            lone_cr = true;
            out.push('\n');
        }
        from = at + 1;
    }
    out.push_str(&text[from..]);
    (out, crlf, lone_cr)
}

/// Whether there is a carriage return: the vectorized `memchr` crate, not `<[u8]>::contains`
/// (a word-at-a-time search, about eight times the instructions on a document).
fn memchr_cr(bytes: &[u8]) -> bool {
    memchr::memchr(b'\r', bytes).is_some()
}

/// True when every non-ASCII character of `text` is one normalization leaves alone
/// ([`chars::all_plain`]).
fn only_plain_chars(text: &str) -> bool {
    chars::all_plain(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_untouched() {
        let n = normalize("Số: 12/BC-UBND\nHà Nội");
        assert_eq!(n.text, "Số: 12/BC-UBND\nHà Nội");
        assert!(n.applied.is_empty(), "nothing to record for clean NFC text");
    }

    #[test]
    fn nfc_by_line_is_nfc_of_the_whole() {
        let nfd = "Ho\u{0300}a Bi\u{0300}nh, nga\u{0300}y 5 tha\u{0301}ng 3";
        let samples = [
            format!("BÁO CÁO\n{nfd}\nKết quả\n"),
            format!("{nfd}\n\n{nfd}"),
            "\u{0301}\na\n\u{0300}\u{0323}".to_owned(),
            format!("Đã NFC\n{nfd}\u{0323}\u{0302}\nxong"),
        ];
        for text in samples {
            let whole: String = text.nfc().collect();
            assert_eq!(
                nfc_by_line(&text).as_deref(),
                Some(whole.as_str()),
                "{text:?}"
            );
            let n = normalize(&text);
            assert_eq!(n.text, whole, "{text:?}");
            assert_eq!(n.applied, vec![Normalization::Nfc], "{text:?}");
        }
        assert_eq!(nfc_by_line("Hòa Bình\nđã NFC\n"), None);
    }

    #[test]
    fn line_endings_alone_and_with_other_changes_agree() {
        let text = "Số: 12\r\nHà Nội\rngày 5\r\n\r\r\nĐơn vị\r";
        let alone = normalize(text);
        assert_eq!(alone.text, "Số: 12\nHà Nội\nngày 5\n\n\nĐơn vị\n");
        assert_eq!(
            alone.applied,
            vec![Normalization::Crlf, Normalization::LoneCr]
        );
        // A special space sends the text down the character-by-character path.
        let mixed = normalize(&format!("{text}\u{00A0}"));
        assert_eq!(mixed.text, format!("{} ", alone.text));
        assert_eq!(
            mixed.applied,
            vec![
                Normalization::Crlf,
                Normalization::LoneCr,
                Normalization::SpecialSpaces
            ]
        );
    }

    #[test]
    fn records_each_change() {
        let nfd = "Ho\u{0300}a";
        let n = normalize(&format!("\u{FEFF}a\r\nb\rc\u{00A0}d\u{200B}e {nfd}"));
        assert_eq!(n.text, "a\nb\nc de Hòa");
        assert_eq!(
            n.applied,
            vec![
                Normalization::Bom,
                Normalization::Crlf,
                Normalization::LoneCr,
                Normalization::SpecialSpaces,
                Normalization::ZeroWidth,
                Normalization::Nfc
            ]
        );
    }

    #[test]
    fn plain_text_only_changes_line_endings() {
        let n = normalize("Ủy ban “nhân dân” – tỉnh\r\nĐồng Tháp…\r\n");
        assert_eq!(n.text, "Ủy ban “nhân dân” – tỉnh\nĐồng Tháp…\n");
        assert_eq!(n.applied, vec![Normalization::Crlf]);
        let n = normalize("Ủy ban nhân dân xa\u{0303} Hoa\u{0300}");
        assert_eq!(
            n.text, "Ủy ban nhân dân xã Hoà",
            "one combining mark sends it to NFC"
        );
        assert_eq!(n.applied, vec![Normalization::Nfc]);
        let n = normalize("\u{212B}ngstr\u{00F6}m");
        assert_eq!(
            n.text, "\u{00C5}ngstr\u{00F6}m",
            "a singleton outside the tables too"
        );
    }

    #[test]
    fn line_count_is_kept() {
        let input = "a\r\n\r\nb\rc\n";
        assert_eq!(
            normalize(input).text.lines().count(),
            input
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .lines()
                .count()
        );
    }
}
