//! Unicode classes of the number grammar ([`crate::grammar::number`]): `\p{Lu}` and `\p{L}`.
//!
//! `\p{Lu}` is General Category Lu (uppercase letter), `\p{L}` any letter (Lu, Ll, Lt, Lm, Lo).
//! They are not `char::is_uppercase` and `char::is_alphabetic`: Uppercase also holds Ⓐ (U+24B6,
//! a symbol) and Ⅰ (U+2160, a letter number), Alphabetic also holds Ⅰ and combining marks such
//! as U+0345. The ranges are read from `regex-syntax`'s own tables, once (parsing `\p{Lu}` into a
//! class is cheap; compiling it into a regex would cost far more), so they are the regex
//! crate's, Unicode version included.
//!
//! ASCII is tested directly; for the letters, the chars below [`DENSE`] (Latin with the
//! Vietnamese letters, Greek, Cyrillic, Latin Extended Additional) in a table; the rest by
//! binary search.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// The bit of [`letter_bits`] for `\p{Lu}`.
pub const UPPER: u8 = 1;
/// The bit of [`letter_bits`] for `\p{L}`.
pub const LETTER: u8 = 2;

/// Chars below this are looked up in a table.
const DENSE: usize = 0x2000;

/// The two classes.
struct Letters {
    /// The bits of each char below [`DENSE`].
    dense: Vec<u8>,
    /// The ranges of Lu that end at or above [`DENSE`], sorted and disjoint.
    upper: Vec<(char, char)>,
    /// The ranges of L that end at or above [`DENSE`], sorted and disjoint.
    letter: Vec<(char, char)>,
}

/// The ranges of `pattern`, a regex that is one Unicode class (`\p{Lu}`), as `regex-syntax`
/// reads it.
fn ranges(pattern: &str) -> Vec<(char, char)> {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .expect("a Unicode class parses");
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        unreachable!("{pattern} is one Unicode class");
    };
    class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect()
}

/// Sets `bit` in `dense` for the chars of `ranges` below [`DENSE`]; returns the other ranges.
fn spread(ranges: Vec<(char, char)>, dense: &mut [u8], bit: u8) -> Vec<(char, char)> {
    for &(lo, hi) in &ranges {
        for bits in dense
            .get_mut(lo as usize..=(hi as usize).min(DENSE - 1))
            .unwrap_or_default()
        {
            *bits |= bit;
        }
    }
    ranges
        .into_iter()
        .filter(|&(_, hi)| hi as usize >= DENSE)
        .collect()
}

static LETTERS: LazyLock<Letters> = LazyLock::new(|| {
    let mut dense = vec![0; DENSE];
    let upper = spread(ranges(r"\p{Lu}"), &mut dense, UPPER);
    let letter = spread(ranges(r"\p{L}"), &mut dense, LETTER);
    Letters {
        dense,
        upper,
        letter,
    }
});

/// True when `c` is in one of `ranges`, sorted and disjoint.
fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// [`UPPER`] | [`LETTER`] for `\p{Lu}`, [`LETTER`] for the other letters of `\p{L}`, else 0.
pub fn letter_bits(c: char) -> u8 {
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            UPPER | LETTER
        } else if c.is_ascii_lowercase() {
            LETTER
        } else {
            0
        };
    }
    let letters = &*LETTERS;
    if let Some(&bits) = letters.dense.get(c as usize) {
        return bits;
    }
    if in_ranges(&letters.upper, c) {
        UPPER | LETTER
    } else if in_ranges(&letters.letter, c) {
        LETTER
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `\p{Lu}`.
    fn is_upper(c: char) -> bool {
        letter_bits(c) & UPPER != 0
    }

    /// `\p{L}`.
    fn is_letter(c: char) -> bool {
        letter_bits(c) & LETTER != 0
    }

    /// Every char is in each class exactly when the regex crate's `\p{..}` matches it.
    #[test]
    fn classes_match_the_regex_crate_for_every_char() {
        let upper = regex::Regex::new(r"\A\p{Lu}").expect("valid");
        let letter = regex::Regex::new(r"\A\p{L}").expect("valid");
        let mut buf = [0; 4];
        let (mut uppers, mut letters) = (0, 0);
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let at = c as u32;
            assert_eq!(is_upper(c), upper.is_match(s), "\\p{{Lu}} of U+{at:04X}");
            assert_eq!(is_letter(c), letter.is_match(s), "\\p{{L}} of U+{at:04X}");
            uppers += usize::from(is_upper(c));
            letters += usize::from(is_letter(c));
        }
        assert!(uppers > 1_500, "{uppers} uppercase letters");
        assert!(letters > 100_000, "{letters} letters");
    }

    /// The chars where the General Category and the std predicates part.
    #[test]
    fn general_category_is_not_the_std_predicates() {
        // Ⓐ (So) and Ⅰ (Nl) are Uppercase, not Lu; Ⅰ and U+0345 (Mn) are Alphabetic, not L.
        for c in ['Ⓐ', 'Ⅰ'] {
            assert!(c.is_uppercase() && !is_upper(c) && !is_letter(c), "{c}");
        }
        assert!('\u{345}'.is_alphabetic() && !is_letter('\u{345}'));
        // ǅ is Lt, ʰ Lm, ª Lo: letters, not uppercase; ß and σ are Ll.
        for c in ['ǅ', 'ʰ', 'ª', 'ß', 'σ', '中'] {
            assert!(is_letter(c) && !is_upper(c), "{c}");
        }
        for c in ['Đ', 'Ơ', 'Ư', 'Ấ', 'Ệ', 'İ', 'Σ', 'Q'] {
            assert!(is_upper(c) && is_letter(c), "{c}");
        }
        for c in ['٣', '7', '&', '-', '–', ' ', '×'] {
            assert!(!is_letter(c), "{c}");
        }
    }
}
