//! Classes of characters, answered from a table for the scripts documents are written in.
//!
//! `char::is_alphabetic` and `char::is_uppercase` answer ASCII at once but search Unicode tables
//! for every other character, and Vietnamese text is one quarter non-ASCII letters (`ệ`, `ư`,
//! `Đ`); so do the NFC quick check and the canonical combining class. The parser asks these
//! questions for most characters, so the answers for the blocks documents are written in
//! (Latin-1, Latin Extended-A and -B, Latin Extended Additional with the Vietnamese letters,
//! General Punctuation with `“ ” – …`) are computed once from the standard library and
//! `unicode-normalization` and kept in a table; other characters go to the libraries. The answers
//! are theirs by construction.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, is_nfc_quick};

use crate::source;

const ALPHABETIC: u8 = 1;
const UPPERCASE: u8 = 2;
/// Left as is by normalization: an NFC starter (combining class 0, quick check `Yes`) that is
/// neither a special space nor a zero-width character.
const PLAIN: u8 = 4;

/// The blocks in the table: `(first code point, end)`, in order.
const BLOCKS: [(u32, u32); 3] = [(0x0000, 0x0250), (0x1E00, 0x1F00), (0x2000, 0x2070)];
const TABLE_LEN: usize = 0x0250 + 0x0100 + 0x0070;

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
        }
        t
    })
}

/// Where the table keeps code point `cp`, if it does.
#[inline]
fn slot(cp: u32) -> Option<usize> {
    let index = match cp {
        0x0000..0x0250 => cp,
        0x1E00..0x1F00 => cp - 0x1E00 + 0x0250,
        0x2000..0x2070 => cp - 0x2000 + 0x0350,
        _ => return None,
    };
    Some(index as usize)
}

fn flags(c: char) -> Option<u8> {
    slot(c as u32).map(|i| table()[i])
}

/// The definition of [`PLAIN`], from the libraries.
fn is_plain(c: char) -> bool {
    canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        && !source::is_special_space(c)
        && !source::is_zero_width(c)
}

/// True when normalization leaves every character of `text` alone whatever surrounds it (see
/// [`PLAIN`]; ASCII always is): then it has nothing to do. One pass, the table fetched once.
pub fn all_plain(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(all_plain(&format!("a{c}b")), is_plain(c), "{c:?}");
        }
        assert!(all_plain("Ủy ban “nhân dân” – tỉnh Đồng Tháp… 𝐀"));
        assert!(
            !all_plain("Ủy ban nhân dân xa\u{0303}"),
            "a combining mark at the end"
        );
        assert!(!all_plain("\u{00A0}Ủy ban"), "a special space first");
        assert!(all_plain(""));
    }
}
