//! Classes of characters, answered from a table for the scripts documents are written in.
//!
//! `char::is_alphabetic` and `char::is_uppercase` answer ASCII at once but search Unicode tables
//! for every other character, and Vietnamese text is one quarter non-ASCII letters (`ệ`, `ư`,
//! `Đ`); so do the NFC quick check and the canonical combining class. The parser asks these
//! questions for most characters, so the answers for the blocks documents are written in
//! (Latin-1, Latin Extended-A and -B, IPA, the combining diacritical marks of decomposed text,
//! Latin Extended Additional with the Vietnamese letters, General Punctuation with `“ ” – …`) are computed once from the standard library and
//! `unicode-normalization` and kept in a table; other characters go to the libraries. The answers
//! are theirs by construction.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, is_nfc_quick};

use super::kernels;
use super::normalize as source;

const ALPHABETIC: u8 = 1;
const UPPERCASE: u8 = 2;
/// Left as is by normalization: an NFC starter (combining class 0, quick check `Yes`) that is
/// neither a special space nor a zero-width character.
const PLAIN: u8 = 4;
const ALPHANUMERIC: u8 = 8;
/// NFC never joins it to what precedes it: combining class 0, quick check `Yes`.
const NFC_BOUNDARY: u8 = 16;

/// The blocks in the table: `(first code point, end)`, in order.
const BLOCKS: [(u32, u32); 3] = [(0x0000, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x2070)];
const TABLE_LEN: usize = 0x0370 + 0x0100 + 0x0070;

fn table() -> &'static [u8; TABLE_LEN] {
    static TABLE: OnceLock<[u8; TABLE_LEN]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; TABLE_LEN];
        let code_points = BLOCKS.iter().flat_map(|&(from, to)| from..to);
        for (slot, cp) in t.iter_mut().zip(code_points) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if c.is_alphabetic() {
                *slot |= ALPHABETIC;
            }
            if c.is_uppercase() {
                *slot |= UPPERCASE;
            }
            if is_plain(c) {
                *slot |= PLAIN;
            }
            if c.is_alphanumeric() {
                *slot |= ALPHANUMERIC;
            }
            if is_nfc_boundary(c) {
                *slot |= NFC_BOUNDARY;
            }
        }
        t
    })
}

/// Where the table keeps code point `cp`, if it does.
#[inline]
fn slot(cp: u32) -> Option<usize> {
    let index = match cp {
        0x0000..0x0370 => cp,
        0x1E00..0x1F00 => cp - 0x1E00 + 0x0370,
        0x2000..0x2070 => cp - 0x2000 + 0x0470,
        _ => return None,
    };
    Some(index as usize)
}

fn flags(c: char) -> Option<u8> {
    slot(c as u32).map(|i| table()[i])
}

/// The definition of [`PLAIN`], from the libraries.
fn is_plain(c: char) -> bool {
    is_nfc_boundary(c) && !source::is_special_space(c) && !source::is_zero_width(c)
}

/// True when normalization leaves every character of `text` alone whatever surrounds it (see
/// [`PLAIN`]; ASCII always is): then it has nothing to do.
///
/// Asked of every document's whole text. Most of it is ASCII and Vietnamese letters, which
/// [`kernels::plain_leads`] recognizes without decoding (every character it lets through is
/// plain: a test checks); only a text with some other character is decoded and looked up
/// character by character.
pub fn all_plain(text: &str) -> bool {
    kernels::plain_leads(text) || all_plain_by_char(text)
}

/// [`all_plain`] one character at a time, the table fetched once.
fn all_plain_by_char(text: &str) -> bool {
    let t = table();
    text.chars().all(|c| {
        c.is_ascii()
            || match slot(c as u32) {
                Some(i) => t[i] & PLAIN != 0,
                None => is_plain(c),
            }
    })
}

/// `(c.is_alphabetic(), c.is_uppercase())` with one lookup.
pub fn alphabetic_upper(c: char) -> (bool, bool) {
    match flags(c) {
        Some(f) => (f & ALPHABETIC != 0, f & UPPERCASE != 0),
        None => (c.is_alphabetic(), c.is_uppercase()),
    }
}

/// True when NFC never lets `c` combine with or reorder around what comes before it (combining
/// class 0, quick check `Yes`): text can be composed piece by piece, cut before such characters.
pub fn starts_nfc_segment(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    match flags(c) {
        Some(f) => f & NFC_BOUNDARY != 0,
        None => is_nfc_boundary(c),
    }
}

/// The definition of [`NFC_BOUNDARY`], from the library.
fn is_nfc_boundary(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// `c.is_alphanumeric()`, from the table for the tabled blocks. The parser trims and tests
/// words with it, and the standard library searches its tables for every non-ASCII letter.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match flags(c) {
        Some(f) => f & ALPHANUMERIC != 0,
        None => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, from the table for the tabled blocks.
pub fn is_alphabetic(c: char) -> bool {
    alphabetic_upper(c).0
}

/// True for a letter of the tabled blocks (`c.is_alphabetic()` there); false for every character
/// outside them, whatever it is.
pub fn is_tabled_letter(c: char) -> bool {
    flags(c).is_some_and(|f| f & ALPHABETIC != 0)
}

/// Appends `c.to_uppercase()` to `out`: a capital of the tabled blocks is its own upper case (a
/// test checks), and is pushed without the standard library's table search.
pub fn push_upper(c: char, out: &mut String) {
    match upper_single(c) {
        Some(upper) => out.push(upper),
        None => out.extend(c.to_uppercase()),
    }
}

/// `s.to_uppercase()`, with [`push_upper`]: runs of characters that are their own upper case
/// (ASCII capitals and other bytes that are no letters, tabled capitals) are copied whole, the
/// table fetched once.
pub fn to_uppercase(s: &str) -> String {
    let t = table();
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (at, c) in s.char_indices() {
        let same = if c.is_ascii() {
            !c.is_ascii_lowercase()
        } else {
            slot(c as u32).is_some_and(|i| t[i] & UPPERCASE != 0)
        };
        if !same {
            out.push_str(s.get(run..at).unwrap_or_default());
            push_upper(c, &mut out);
            run = at + c.len_utf8();
        }
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out
}

/// `c.to_uppercase()` when it is one character, `None` when it is several (`ß` -> `SS`).
pub fn upper_single(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_uppercase());
    }
    if flags(c).is_some_and(|f| f & UPPERCASE != 0) {
        return Some(c);
    }
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => Some(u),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character [`kernels::plain_leads`] lets through is plain: [`all_plain`] may take
    /// its yes for an answer.
    #[test]
    fn the_plain_leads_kernel_lets_only_plain_characters_through() {
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            if kernels::plain_leads(&format!("a{c}")) {
                assert!(is_plain(c), "{c:?} ({:04X}) passes as plain", c as u32);
            }
        }
    }

    #[test]
    fn tabled_capitals_are_their_own_upper_case() {
        for c in BLOCKS
            .iter()
            .flat_map(|&(from, to)| from..to)
            .filter_map(char::from_u32)
        {
            let mut out = String::new();
            push_upper(c, &mut out);
            assert_eq!(out, c.to_uppercase().collect::<String>(), "{c:?}");
            assert_eq!(is_tabled_letter(c), c.is_alphabetic(), "{c:?}");
        }
        for c in ['Ω', 'ß', 'ǅ', '\u{0345}', 'ﬀ', 'a', 'Z', '1'] {
            let mut out = String::new();
            push_upper(c, &mut out);
            assert_eq!(out, c.to_uppercase().collect::<String>(), "{c:?}");
        }
        assert!(!is_tabled_letter('Ω') && !is_tabled_letter('中'));
        for c in (0..0x3100u32)
            .chain((0x3100..0x11_0000).step_by(89))
            .filter_map(char::from_u32)
        {
            let upper: Vec<char> = c.to_uppercase().collect();
            let want = (upper.len() == 1).then(|| upper[0]);
            assert_eq!(upper_single(c), want, "{c:?}");
            let text = format!("a{c}bĐ{c}ệ");
            assert_eq!(to_uppercase(&text), text.to_uppercase(), "{text:?}");
        }
        let s = "Cộng hoà xã hội ǆ ß İ Ω";
        assert_eq!(to_uppercase(s), s.to_uppercase());
    }

    #[test]
    fn agrees_with_the_standard_library() {
        let samples = (0..0x3100u32)
            .chain([0x1_0400, 0x1_D400, 0xFF21, 0xFF41, 0x4E00])
            // A sample of the rest, every UTF-8 length among them.
            .chain((0x3100..0x11_0000).step_by(89))
            .filter_map(char::from_u32);
        for c in samples {
            assert_eq!(
                alphabetic_upper(c),
                (c.is_alphabetic(), c.is_uppercase()),
                "{c:?}"
            );
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(starts_nfc_segment(c), is_nfc_boundary(c), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(all_plain(&format!("a{c}b")), is_plain(c), "{c:?}");
        }
        assert!(all_plain("Ủy ban “nhân dân” – tỉnh Đồng Tháp… 𝐀"));
        assert!(kernels::plain_leads("Ủy ban “nhân dân” – tỉnh Đồng Tháp…"));
        assert!(
            !all_plain("Ủy ban nhân dân xa\u{0303}"),
            "a combining mark at the end"
        );
        assert!(!all_plain("\u{00A0}Ủy ban"), "a special space first");
        assert!(all_plain(""));
    }
}
