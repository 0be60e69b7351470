//! Word and char helpers of the citation reader: whole words ignoring case, forwards and
//! backwards, and char boundaries.

use std::sync::LazyLock;

/// The lower case of `c` when it is one char (`None` when it is several), the way [`same_ci`]
/// compares chars. Vietnamese letters are answered from [`LOWER_TABLE`].
pub(super) fn single_lower(c: char) -> Option<char> {
    lower_in(&LOWER_TABLE, c)
}

/// [`single_lower`] with [`LOWER_TABLE`] already at hand (a loop takes it once, not once per
/// char).
#[inline]
pub(super) fn lower_in(table: &[Option<char>], c: char) -> Option<char> {
    let code = c as usize;
    let index = if code < LOWER_TABLE_SPLIT {
        Some(code)
    } else {
        code.checked_sub(LOWER_TABLE_EXTENDED.start)
            .filter(|&i| i < LOWER_TABLE_EXTENDED.len())
            .map(|i| LOWER_TABLE_SPLIT + i)
    };
    match index.and_then(|i| table.get(i)) {
        Some(&lower) => lower,
        None => lower_by_unicode(c),
    }
}

/// `c` folded as the look-behind folds it: its [`single_lower`], or itself when that is not
/// one char.
#[inline]
pub(super) fn fold_in(table: &[Option<char>], c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        lower_in(table, c).unwrap_or(c)
    }
}

/// The one-char lower case of `c` from the Unicode tables of `std`, or `None`.
pub(super) fn lower_by_unicode(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Chars below this code point are in [`LOWER_TABLE`] (ASCII, Latin-1 and Latin Extended-A and
/// -B: `đ`, `ơ`, `ư`, …).
pub(super) const LOWER_TABLE_SPLIT: usize = 0x250;
/// Latin Extended Additional (`ạ`, `ế`, `ị`, …): the rest of the Vietnamese letters.
pub(super) const LOWER_TABLE_EXTENDED: std::ops::Range<usize> = 0x1E00..0x1F00;

/// [`lower_by_unicode`] of every char where Vietnamese letters are, computed once: comparing
/// text with lower-case words ignoring case is the inner loop of the look-behind, and a lookup
/// costs less than the binary search of `char::to_lowercase`.
pub(super) static LOWER_TABLE: LazyLock<Vec<Option<char>>> = LazyLock::new(|| {
    (0..LOWER_TABLE_SPLIT)
        .chain(LOWER_TABLE_EXTENDED)
        .map(|code| {
            u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .and_then(lower_by_unicode)
        })
        .collect()
});

/// Where the run of spaces and tabs that starts at `at` ends.
pub(super) fn blanks(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

/// Like [`blanks`], but the run must not be empty.
pub(super) fn blanks1(bytes: &[u8], at: usize) -> Option<usize> {
    let end = blanks(bytes, at);
    (end > at).then_some(end)
}

/// True when `hay` starts with `prefix`. Compares byte by byte: the words are short and most
/// differ in their first bytes, where a call to `memcmp` would cost more than the comparison.
pub(super) fn has_prefix(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay.iter().zip(prefix).all(|(a, b)| a == b)
}

/// True when `s` starts with the whole word (or words) `word`, case-sensitively.
pub(super) fn starts_with_word(s: &str, word: &str) -> bool {
    has_prefix(s.as_bytes(), word.as_bytes())
        && !s[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Compares one char of the text with one char of a lower-case needle, ignoring case. An ASCII
/// char is its own table ([`single_lower`] gives its ASCII lower case).
#[inline]
pub(super) fn same_ci(c: char, lower: char) -> bool {
    if c.is_ascii() {
        c.to_ascii_lowercase() == lower
    } else {
        c == lower || single_lower(c) == Some(lower)
    }
}

/// If `hay` starts with the lower-case `needle` ignoring case, the length in bytes it covers.
pub(super) fn starts_with_ci(hay: &str, needle: &str) -> Option<usize> {
    // An ASCII char of the text matches only its own ASCII lower case: most words are ruled
    // out on their first byte without decoding a char.
    if let (Some(&h), Some(&n)) = (hay.as_bytes().first(), needle.as_bytes().first())
        && h.is_ascii()
        && h.to_ascii_lowercase() != n
    {
        return None;
    }
    let mut len = 0;
    let mut chars = hay.chars();
    for n in needle.chars() {
        let c = chars.next()?;
        if !same_ci(c, n) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// If `hay` ends with the lower-case words `needle` as whole words, ignoring case and letting
/// any run of whitespace match a space, the byte where they start.
///
/// Walks back from the end a char at a time, without an iterator to set up: most calls fail on
/// the last char (`và` after a name).
pub(super) fn ends_with_word_ci(hay: &str, needle: &str) -> Option<usize> {
    // The words as written (`số` after `Quyết định`) match byte for byte, and then as the walk
    // would match them, when each of their chars matches itself.
    if let Some(head) = hay.strip_suffix(needle)
        && matches_itself(needle)
    {
        let alone = !prev_char(hay, head.len()).is_some_and(char::is_alphanumeric);
        return alone.then_some(head.len());
    }
    let mut start = hay.len();
    for n in needle.chars().rev() {
        if n == ' ' {
            let run_end = start;
            while let Some(c) = prev_char(hay, start).filter(|c| c.is_whitespace()) {
                start -= c.len_utf8();
            }
            if start == run_end {
                return None;
            }
        } else {
            let c = prev_char(hay, start)?;
            if !same_ci(c, n) {
                return None;
            }
            start -= c.len_utf8();
        }
    }
    let alone = !prev_char(hay, start).is_some_and(char::is_alphanumeric);
    alone.then_some(start)
}

/// [`ends_with_word_ci`] for `words` that [`matches_itself`] (a test holds that of each word
/// passed here), without asking it at every call: `số` before a number.
pub(super) fn ends_with_own_word_ci(hay: &str, words: &str) -> Option<usize> {
    match hay.strip_suffix(words) {
        Some(head) => {
            let alone = !prev_char(hay, head.len()).is_some_and(char::is_alphanumeric);
            alone.then_some(head.len())
        }
        None => ends_with_word_ci(hay, words),
    }
}

/// True when [`ends_with_word_ci`] matches `words`, found byte for byte at the end of a text,
/// as they stand: no ASCII capital (which would match only its lower case), and each space
/// after a char that is no whitespace (a run of whitespace matches a space: the run must be
/// that one space).
pub(super) fn matches_itself(words: &str) -> bool {
    let mut after_space = true;
    for c in words.chars() {
        if c.is_ascii_uppercase() || c == ' ' && after_space {
            return false;
        }
        after_space = c.is_whitespace();
    }
    true
}

/// The char before byte `at`, if any.
pub(super) fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The char at byte `at`, if any.
pub(super) fn next_char(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The largest char boundary of `text` at or before `at`.
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at`.
pub(super) fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::citation::kind::tests::{kind_pieces, kind_words};
    use crate::tables::{AND_WORD, NUMBER_WORD, PLURAL_WORDS};

    /// [`ends_with_word_ci`] as it was first written, over a reversed `char_indices`: the oracle
    /// of the walk that replaced it.
    fn ends_with_word_ci_by_iterator(hay: &str, needle: &str) -> Option<usize> {
        let mut chars = hay.char_indices().rev().peekable();
        let mut start = hay.len();
        for n in needle.chars().rev() {
            if n == ' ' {
                let mut any = false;
                while let Some(&(i, c)) = chars.peek() {
                    if !c.is_whitespace() {
                        break;
                    }
                    any = true;
                    start = i;
                    chars.next();
                }
                if !any {
                    return None;
                }
            } else {
                let (i, c) = chars.next()?;
                if !same_ci(c, n) {
                    return None;
                }
                start = i;
            }
        }
        let alone = !chars.next().is_some_and(|(_, c)| c.is_alphanumeric());
        alone.then_some(start)
    }

    /// The words [`ends_with_word_ci`] is asked for, and some of their pieces.
    fn suffix_words() -> Vec<&'static str> {
        kind_words()
            .chain(PLURAL_WORDS.iter().copied())
            .chain([NUMBER_WORD, AND_WORD, "a", " ", "à", "số và", ""])
            .collect()
    }

    #[test]
    fn ends_with_word_ci_agrees_with_the_iterator() {
        let hays = [
            "",
            " ",
            "và",
            "VÀ",
            "Và",
            "xvà",
            "1và",
            " và",
            "a và",
            "Ủy ban và",
            "số",
            "SỐ",
            "một  số",
            "một\u{a0}số",
            "một\t số",
            "MỘT SỐ",
            "quyết định",
            "\u{212A}ế hoạch",
            "theo Quyết định ",
            "à",
            "À",
            "\u{301}và",
            "a",
            "A",
            " a",
            "x  a",
            "a  b",
            "a b",
            "a \u{a0}",
            "a\u{a0} b",
            "a\u{a0}  b",
            "a b ",
            "a b  ",
            "\t",
            " \t",
            "số và",
        ];
        for hay in hays {
            for needle in suffix_words() {
                assert_eq!(
                    ends_with_word_ci(hay, needle),
                    ends_with_word_ci_by_iterator(hay, needle),
                    "{hay:?} {needle:?}"
                );
            }
            assert_eq!(
                ends_with_own_word_ci(hay, NUMBER_WORD),
                ends_with_word_ci_by_iterator(hay, NUMBER_WORD),
                "{hay:?}"
            );
        }
        assert!(
            matches_itself(NUMBER_WORD),
            "the word of ends_with_own_word_ci"
        );
        for (words, itself) in [
            ("số", true),
            ("một số", true),
            ("Số", false),
            (" số", false),
        ] {
            assert_eq!(matches_itself(words), itself, "{words:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x656E_6473_7769))]

        /// Texts glued from the words and their pieces: the walk finds what the iterator found.
        #[test]
        fn ends_with_word_ci_agrees_on_random_texts(
            pieces in proptest::collection::vec(proptest::sample::select(
                kind_pieces().into_iter().chain(["và", "VÀ", "À", "a"]).collect::<Vec<_>>(),
            ), 0..6),
        ) {
            let hay = pieces.concat();
            for (at, _) in hay.char_indices() {
                let tail = &hay[at..];
                for needle in suffix_words() {
                    proptest::prop_assert_eq!(
                        ends_with_word_ci(tail, needle),
                        ends_with_word_ci_by_iterator(tail, needle),
                        "{:?} {:?}", tail, needle
                    );
                }
                proptest::prop_assert_eq!(
                    ends_with_own_word_ci(tail, NUMBER_WORD),
                    ends_with_word_ci_by_iterator(tail, NUMBER_WORD),
                    "{:?}", tail
                );
            }
        }
    }
}
