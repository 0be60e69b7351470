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
/// [`innocent_bytes`] recognizes without decoding, in a loop the compiler vectorizes; only a
/// text with some other character is decoded and looked up character by character.
pub fn all_plain(text: &str) -> bool {
    innocent_bytes(text.as_bytes()) || all_plain_by_char(text)
}

/// Bytes per block of [`innocent_bytes`]: eight SSE2 registers (blocks of 32 and 64 took more
/// instructions, of 256 too: the tail block is copied and padded).
const LANES: usize = 128;

/// True when every character of `bytes` (UTF-8) is ASCII or starts with a lead byte that only
/// begins plain characters: `C3`–`C9` (U+00C0–U+027F: Latin-1 letters, Latin Extended-A and -B,
/// IPA), `E1 B8`–`E1 BB` (U+1E00–U+1EFF, Latin Extended Additional: `ạ`, `ệ`, `ữ`), `E2 80 90`–
/// `E2 80 AE` (U+2010–U+202E: dashes, quotes `“ ”`, `…`). A test checks that every character
/// these cover is plain. Anything else (combining marks, special spaces, other scripts) answers
/// `false`, and the caller looks closer. Continuation bytes (`80`–`BF`) never start a character.
///
/// Read [`LANES`] bytes at a time, each with the two after it, in lane-by-lane code the compiler
/// turns into vector compares. A first look leaves out `E2` (dashes and quotes are a few per
/// text): it lets through only `C3`–`C9` and `E1 B8`–`E1 BB` leads, and a block it stops at is
/// looked at again with `E2 80 90`–`E2 80 AE` allowed. The tail is copied into a block padded
/// with zero bytes, which fail the `E1`/`E2` checks, so a lead there is suspicious.
fn innocent_bytes(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let mut at = 0;
    while at + LANES + 2 <= n {
        if suspicious_block(bytes, at) {
            return false;
        }
        at += LANES;
    }
    let mut padded = [0u8; LANES + 2];
    let rest = bytes.get(at..).unwrap_or_default();
    padded[..rest.len()].copy_from_slice(rest);
    !suspicious_block(&padded, 0)
}

/// [`innocent_bytes`] of the block of `bytes` at `at`: true when a lead byte there is not known
/// to begin a plain character (`bytes` must hold two bytes after the block).
#[inline(never)]
fn suspicious_block(bytes: &[u8], at: usize) -> bool {
    let Some(w) = bytes
        .get(at..at + LANES + 2)
        .and_then(|w| <&[u8; LANES + 2]>::try_from(w).ok())
    else {
        return true;
    };
    let (x, y, z) = (&w[..LANES], &w[1..=LANES], &w[2..]);
    // A lead byte other than `C3`–`C9`, except `E1` before `B8`–`BB`.
    let mut odd = [false; LANES];
    for k in 0..LANES {
        let lead = (x[k] >= 0xCA) | (x[k] == 0xC2);
        let vietnamese = (x[k] == 0xE1) & ((y[k] & 0xFC) == 0xB8);
        odd[k] = lead & !vietnamese;
    }
    if !odd.iter().fold(false, |acc, &o| acc | o) {
        return false;
    }
    let mut bad = [false; LANES];
    for k in 0..LANES {
        let punctuation = (x[k] == 0xE2) & (y[k] == 0x80) & (z[k].wrapping_sub(0x90) < 0x1F);
        bad[k] = odd[k] & !punctuation;
    }
    bad.iter().fold(false, |acc, &b| acc | b)
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

/// The set of bytes that start one of `words`, as a table indexed by byte: one look-up rules out
/// a place where none of them can start.
pub const fn first_bytes(words: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < words.len() {
        mark_first_byte(&mut table, words[i]);
        i += 1;
    }
    table
}

/// [`first_bytes`] of the words of a table of `(word, value)` pairs.
pub const fn first_bytes_of_keys<T>(entries: &[(&str, T)]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < entries.len() {
        mark_first_byte(&mut table, entries[i].0);
        i += 1;
    }
    table
}

const fn mark_first_byte(table: &mut [bool; 256], word: &str) {
    if let Some(&b) = word.as_bytes().first() {
        table[b as usize] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character [`innocent_bytes`] lets through is plain, and on every text it accepts,
    /// the character-by-character answer is yes too.
    #[test]
    fn innocent_bytes_only_lets_plain_characters_through() {
        for cp in (0x80..0x1_0000).chain((0x1_0000..0x11_0000).step_by(97)) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for text in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}ab"),
                format!("ab{c}"),
            ] {
                if innocent_bytes(text.as_bytes()) {
                    assert!(is_plain(c), "{c:?} ({cp:04X}) passed as plain");
                    assert!(all_plain_by_char(&text), "{c:?}");
                }
            }
        }
        for c in ['à', 'Đ', 'ơ', 'ư', 'ệ', 'Ỹ', '“', '”', '–', '…', 'ǘ', 'ɐ'] {
            let text = format!("{}{c}", "x".repeat(300));
            assert!(
                innocent_bytes(text.as_bytes()),
                "{c:?} should pass the gate"
            );
        }
        for c in [
            '\u{0300}', '\u{00A0}', '\u{00AD}', '\u{200B}', '\u{202F}', '\u{FEFF}', 'Ω',
        ] {
            for pad in [
                0, 1, 2, 29, 30, 31, 32, 33, 34, 63, 64, 65, 255, 256, 257, 600,
            ] {
                let text = format!("{}{c}yz", "x".repeat(pad));
                assert!(!innocent_bytes(text.as_bytes()), "{c:?} after {pad}");
            }
        }
        assert!(innocent_bytes(b""));
        assert!(innocent_bytes(b"a"));
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
    fn first_bytes_marks_the_first_byte_of_each_word() {
        let table = first_bytes(&["Số", "", "Độc lập", "V/v"]);
        let marked: Vec<u8> = (0..=255u8).filter(|&b| table[usize::from(b)]).collect();
        assert_eq!(marked, [b'S', b'V', "Đ".as_bytes()[0]]);
        let keyed = first_bytes_of_keys(&[("TM.", 1), ("", 2), ("KT.", 3), ("TL.", 4)]);
        let marked: Vec<u8> = (0..=255u8).filter(|&b| keyed[usize::from(b)]).collect();
        assert_eq!(marked, [b'K', b'T']);
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
        assert!(innocent_bytes(
            "Ủy ban “nhân dân” – tỉnh Đồng Tháp…".as_bytes()
        ));
        assert!(
            !all_plain("Ủy ban nhân dân xa\u{0303}"),
            "a combining mark at the end"
        );
        assert!(!all_plain("\u{00A0}Ủy ban"), "a special space first");
        assert!(all_plain(""));
    }
}
