//! Where numbers may start: a fast scan for the `/` every number holds, checked by the
//! number grammar ([`crate::grammar::number`]) only where digits stand before it.

use super::*;

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
