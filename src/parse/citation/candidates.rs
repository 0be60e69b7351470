//! Where numbers may start: a fast scan for the `/` every number holds, checked by the
//! number grammar ([`crate::grammar::number`]) only where digits stand before it. A test holds a
//! plain scan (the grammar read at every char boundary) beside it.

use super::words::prev_char;
use crate::grammar;
use crate::text::classes::{LETTER, UPPER, letter_bits};

/// Where the number pattern can start, found from the `/` that every number holds.
///
/// The first `/` of a match of the number grammar ([`grammar::token`]) follows its digits (a state number:
/// digits `\x20?/`) or its Party type (digits `\x20?[-–]\x20?` type `\x20?/`, the type a run of
/// letters starting upper-case); after it stands a capital or, in a state number, a year and
/// another `/`. So the scan jumps (memchr) from `/` to `/`, looks back over the digits, or the
/// type, the dash and the digits, before each, and checks the char after it; the grammar is
/// read only where all of that holds. A text without `/` costs one memchr pass, and the dashes
/// of a text (`kinh tế - xã hội`) cost nothing. Dates (`26/5/2020`) and counts (`60/145`) stop
/// at the char check.
pub(super) struct NumberStarts<'t> {
    text: &'t str,
    /// Where the search for the next `/` goes on.
    pos: usize,
}

/// The number candidates of `text`, for [`NumberStarts::next_from`].
pub(super) fn number_starts(text: &str) -> NumberStarts<'_> {
    NumberStarts { text, pos: 0 }
}

impl NumberStarts<'_> {
    /// The next place, at or after `from` and after the `/` already passed, where
    /// [`grammar::token`] may match; where an unanchored search from `from` would start its
    /// match.
    ///
    /// Within a digit run that ends where a number's digits must end, only the start that
    /// leaves at most [`grammar::MAX_DIGITS`] digits can match (the pattern is the same after
    /// the digits), so each `/` yields at most one start. A start lies after the `/` before its
    /// own (a type holds no `/`), so the starts come in increasing order.
    pub(super) fn next_from(&mut self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        self.pos = self.pos.max(from);
        while let Some(found) = memchr::memchr(b'/', bytes.get(self.pos..)?) {
            let slash = self.pos + found;
            self.pos = slash + 1;
            let before = strip_space_before(bytes, slash);
            let state = before > 0 && bytes[before - 1].is_ascii_digit();
            let digits_end = if state {
                Some(before)
            } else {
                self.party_digits_end(before)
            };
            let Some(digits_end) = digits_end else {
                continue;
            };
            let mut start = digits_end;
            while start > 0
                && digits_end - start < grammar::MAX_DIGITS
                && bytes[start - 1].is_ascii_digit()
            {
                start -= 1;
            }
            let start = start.max(from);
            if start < digits_end && self.symbol_may_follow(state) {
                return Some(start);
            }
        }
        None
    }

    /// Where the digits of a Party number whose type ends at `type_end` end: before the type (a
    /// run of letters, the first upper-case) stand `\x20?[-–]\x20?`. `None` when they do not.
    fn party_digits_end(&self, type_end: usize) -> Option<usize> {
        let mut type_start = type_end;
        let mut first = 0;
        while let Some(c) = prev_char(self.text, type_start) {
            let bits = letter_bits(c);
            if bits & LETTER == 0 {
                break;
            }
            type_start -= c.len_utf8();
            first = bits;
        }
        if first & UPPER == 0 {
            return None;
        }
        let head = &self.text[..strip_space_before(self.text.as_bytes(), type_start)];
        let dash = head.strip_suffix(['-', '–'])?;
        Some(strip_space_before(dash.as_bytes(), dash.len()))
    }

    /// True when what follows the `/` that ends at `self.pos` (after one optional space) may go
    /// on as a number: a capital (any non-ASCII char is left to the grammar) or, in a `state`
    /// number, four digits and another `/`.
    fn symbol_may_follow(&self, state: bool) -> bool {
        let rest = &self.text.as_bytes()[self.pos..];
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        match rest.first() {
            Some(b) if !b.is_ascii() || b.is_ascii_uppercase() => true,
            Some(b) if state && b.is_ascii_digit() => {
                let year = rest
                    .get(..4)
                    .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
                let after = rest.get(4..).unwrap_or_default();
                let after = after.strip_prefix(b" ").unwrap_or(after);
                year && after.first() == Some(&b'/')
            }
            _ => false,
        }
    }
}

/// `at`, or `at - 1` when a space stands before it: where `\x20?` before `at` starts.
pub(super) fn strip_space_before(bytes: &[u8], at: usize) -> usize {
    if at > 0 && bytes.get(at - 1) == Some(&b' ') {
        at - 1
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::grammar::Blank;

    /// The numbers a scan of `text` finds, leftmost first and without overlap, reading the
    /// grammar at each start [`number_starts`] gives.
    fn scan_filtered(text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut starts = number_starts(text);
        let mut from = 0;
        while let Some(at) = starts.next_from(from) {
            if let Some(t) = grammar::token(&text[at..], Blank::No) {
                found.push((at, at + t.len));
                from = at + t.len;
            }
        }
        found
    }

    /// The same scan, plainly: the grammar read at every char boundary.
    fn scan_everywhere(text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            if text.is_char_boundary(at)
                && let Some(t) = grammar::token(&text[at..], Blank::No)
            {
                found.push((at, at + t.len));
                at += t.len;
            } else {
                at += 1;
            }
        }
        found
    }

    #[test]
    fn starts_of_real_forms() {
        let text = "theo Quyết định số 91/QĐ-SLĐTBXH ngày 26/5/2020, Nghị quyết 19-NQ/TW, \
                    Nghị định 16/2020/NĐ-CP, Luật 80/2015/QH13, 177 – Ctr/TU và 60/145 TTHC, \
                    1234567/QĐ, 03 /BC";
        let found: Vec<&str> = scan_filtered(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            found,
            [
                "91/QĐ-SLĐTBXH",
                "19-NQ/TW",
                "16/2020/NĐ-CP",
                "80/2015/QH13",
                "177 – Ctr/TU",
                "234567/QĐ",
                "03 /BC"
            ]
        );
        assert_eq!(scan_filtered(text), scan_everywhere(text));
    }

    /// Every document of `corpus/` (and of `VANBAN_ORACLE_DIRS`), as written and with its
    /// lines joined as a paragraph's are: the filter passes every number the grammar reads.
    #[test]
    fn the_filter_keeps_every_number_of_the_corpus() {
        let mut numbers = 0;
        for (name, text) in crate::test_support::texts() {
            let joined = text.replace(['\r', '\n'], " ");
            for t in [&text, &joined] {
                let found = scan_filtered(t);
                assert_eq!(found, scan_everywhere(t), "{name}");
                numbers += found.len();
            }
        }
        assert!(numbers > 300, "{numbers} numbers");
    }

    /// Chars that stress the grammar: digits (one from another script), separators, ASCII and
    /// Vietnamese letters of both cases, and letters whose General Category is not what the std
    /// predicates say.
    const ALPHABET: &[&str] = &[
        "0", "1", "2", "7", "9", " ", " ", "/", "/", "-", "-", "–", "&", "A", "Q", "T", "z", "g",
        "Đ", "đ", "Ơ", "ư", "Ấ", "ệ", "ǅ", "ʰ", "Ⓐ", "Ⅰ", "\u{345}", "ß", "Σ", "中", "٣", ".",
        "\n",
    ];

    /// Numbers as they are written, right and wrong.
    const SHAPES: &[&str] = &[
        "12/2020/NĐ-CP",
        "25-NQ/TW",
        "91/QĐ-SLĐTBXH",
        "08/HĐND-VP",
        "03 /BC - UBND",
        "177-CTr/TU-BTC",
        "83/2015/QH13",
        "12 / 2020 / NĐ-CP",
        "5 – QĐ / TW – X",
        "3027/QĐUBND",
        "1234567/QĐ",
        "26/5/2020",
    ];

    /// A shape with a few chars inserted or removed.
    fn mutated_shape() -> impl Strategy<Value = String> {
        let edit = (
            any::<bool>(),
            any::<prop::sample::Index>(),
            prop::sample::select(ALPHABET),
        );
        (
            prop::sample::select(SHAPES),
            prop::collection::vec(edit, 0..4),
        )
            .prop_map(|(shape, edits)| {
                let mut chars: Vec<String> = shape.chars().map(String::from).collect();
                for (insert, at, c) in edits {
                    if insert {
                        chars.insert(at.index(chars.len() + 1), c.to_string());
                    } else if !chars.is_empty() {
                        chars.remove(at.index(chars.len()));
                    }
                }
                chars.concat()
            })
    }

    proptest! {
        #![proptest_config(crate::test_support::config(4_000, 0x6E75_6D62_6572))]

        /// On texts of shapes and chars, the filtered scan finds what the plain one finds.
        #[test]
        fn the_filter_rules_out_no_number(
            pieces in prop::collection::vec(prop_oneof![
                3 => prop::sample::select(ALPHABET).prop_map(str::to_string),
                1 => mutated_shape(),
            ], 0..16)
        ) {
            let text = pieces.concat();
            prop_assert_eq!(scan_filtered(&text), scan_everywhere(&text), "{:?}", text);
        }
    }
}
