//! The number grammar, matched by hand: a Party number (`25-NQ/TW`) or a state number
//! (`34/2016/NĐ-CP`).
//!
//! As a regex (`(?x)`, anchored; the tests hold it and check [`match_len`] against it):
//!
//! ```text
//! \A
//! (?P<num>[0-9]{1,6})
//! (?:
//!     (?P<psep>\x20?[-–]\x20?)
//!     (?P<ptype>\p{Lu}\p{L}*)
//!     (?P<pslash>\x20?/\x20?)
//!     (?P<pissuer>\p{Lu}[\p{L}0-9&]*(?:[-–][\p{L}0-9&]+)*)
//!   |
//!     (?P<sslash>\x20?/\x20?)
//!     (?:(?P<year>[0-9]{4})(?P<yslash>\x20?/\x20?))?
//!     (?P<symbol>\p{Lu}[\p{L}0-9&]*(?:[-–](?:[\p{L}0-9&]+|\x20\p{Lu}[\p{Lu}0-9&]*))*)
//! )
//! ```
//!
//! Every match holds a `/`, and its digits are followed by `\x20?[-–/]`.
//!
//! Compiling that regex cost 16.6M instructions, 70% of a one-file run of the command. Read by
//! hand, the grammar costs 0.1M up front (the letter table, at the first non-ASCII char) and
//! about 250 instructions per candidate, where the regex's anchored search took about 440.

use crate::text::classes::{LETTER, UPPER, letter_bits};

/// Longest digit run of a number.
pub(super) const MAX_DIGITS: usize = 6;

/// The length of the match of the number grammar at the start of `s`: what the regex above
/// finds (leftmost-first, greedy), or `None`.
///
/// The regex never has to give a choice back, so one pass left to right reads it:
/// - every `\x20?` stands before a dash, a `/`, a capital or a digit, never a space, so a space
///   is taken when there is one;
/// - every greedy run stands before something it cannot hold: the digits before a separator,
///   a type's letters before `\x20?/`, and the symbol and issuer end the pattern;
/// - seven digits or more: no count of them is followed by a separator;
/// - the year group, once a digit follows the `/`, must be taken whole and a capital must
///   follow it, since without it the symbol would have to start at a digit;
/// - the Party and state branches part at their first separator (a dash or a `/`).
///
/// The one step taken back is in the tails (`-UBND`, `– SLĐ`): a dash that no group follows
/// ends the match before it.
pub(super) fn match_len(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=MAX_DIGITS).contains(&digits) {
        return None;
    }
    let mut r = Reader { s, at: digits };
    r.eat(SPACE);
    if r.eat(DASH) {
        r.eat(SPACE);
        r.need(UPPER)?;
        r.eat_all(LETTER);
        r.eat(SPACE);
        r.need(SLASH)?;
        r.eat(SPACE);
        r.need(UPPER)?;
        r.eat_all(WORD);
        r.tail(0);
    } else {
        // The space of `\x20?/` is taken already.
        r.need(SLASH)?;
        r.eat(SPACE);
        if r.eat(DIGIT) {
            for _ in 0..3 {
                r.need(DIGIT)?;
            }
            r.eat(SPACE);
            r.need(SLASH)?;
            r.eat(SPACE);
        }
        r.need(UPPER)?;
        r.eat_all(WORD);
        r.tail(SPACE);
    }
    Some(r.at)
}

/// `[0-9]`; the bits below it are [`letter_bits`]'.
const DIGIT: u8 = 4;
/// `&`.
const AMP: u8 = 8;
/// `\x20`.
const SPACE: u8 = 16;
/// `/`.
const SLASH: u8 = 32;
/// `[-–]`.
const DASH: u8 = 64;
/// `[\p{L}0-9&]`: a char of a symbol's group.
const WORD: u8 = LETTER | DIGIT | AMP;
/// `[\p{Lu}0-9&]`: a char of a group after a spaced dash.
const UPPER_WORD: u8 = UPPER | DIGIT | AMP;

/// The bits of each ASCII char.
const ASCII_BITS: [u8; 128] = {
    let mut bits = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        bits[b] = if c.is_ascii_uppercase() {
            UPPER | LETTER
        } else if c.is_ascii_lowercase() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            match c {
                b'&' => AMP,
                b' ' => SPACE,
                b'/' => SLASH,
                b'-' => DASH,
                _ => 0,
            }
        };
        b += 1;
    }
    bits
};

/// A position in the text being matched.
struct Reader<'t> {
    s: &'t str,
    at: usize,
}

impl Reader<'_> {
    /// The bits of the next char, and its length; `(0, 0)` at the end.
    #[inline]
    fn peek(&self) -> (u8, usize) {
        match self.s.as_bytes().get(self.at) {
            None => (0, 0),
            Some(&b) if b.is_ascii() => (ASCII_BITS[usize::from(b)], 1),
            Some(_) => match self.s[self.at..].chars().next() {
                Some('–') => (DASH, '–'.len_utf8()),
                Some(c) => (letter_bits(c), c.len_utf8()),
                None => (0, 0),
            },
        }
    }

    /// Takes the next char if it has one of `bits`.
    #[inline]
    fn eat(&mut self, bits: u8) -> bool {
        let (has, len) = self.peek();
        let taken = has & bits != 0;
        if taken {
            self.at += len;
        }
        taken
    }

    /// Takes the next char, which must have one of `bits`.
    #[inline]
    fn need(&mut self, bits: u8) -> Option<()> {
        self.eat(bits).then_some(())
    }

    /// Takes every char that has one of `bits`; true if there was one.
    #[inline]
    fn eat_all(&mut self, bits: u8) -> bool {
        let start = self.at;
        while self.eat(bits) {}
        self.at > start
    }

    /// `(?:[-–][\p{L}0-9&]+)*`, and with `spaced` ([`SPACE`]) the other choice of a state
    /// symbol after its dash, `\x20\p{Lu}[\p{Lu}0-9&]*`. A dash that neither follows is given
    /// back.
    fn tail(&mut self, spaced: u8) {
        loop {
            let dash = self.at;
            if !self.eat(DASH) {
                return;
            }
            if self.eat_all(WORD) {
                continue;
            }
            if self.eat(spaced) && self.eat(UPPER) {
                self.eat_all(UPPER_WORD);
                continue;
            }
            self.at = dash;
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    /// The grammar of [`match_len`]'s module, as the regex the parser used to compile.
    const NUMBER_PATTERN: &str = r"(?x)
        \A
        (?P<num>[0-9]{1,6})
        (?:
            (?P<psep>\x20?[-–]\x20?)
            (?P<ptype>\p{Lu}\p{L}*)
            (?P<pslash>\x20?/\x20?)
            (?P<pissuer>\p{Lu}[\p{L}0-9&]*(?:[-–][\p{L}0-9&]+)*)
          |
            (?P<sslash>\x20?/\x20?)
            (?:(?P<year>[0-9]{4})(?P<yslash>\x20?/\x20?))?
            (?P<symbol>\p{Lu}[\p{L}0-9&]*(?:[-–](?:[\p{L}0-9&]+|\x20\p{Lu}[\p{Lu}0-9&]*))*)
        )";

    /// The oracle: [`NUMBER_PATTERN`] compiled by the regex crate.
    static NUMBER_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(NUMBER_PATTERN).expect("the number pattern is valid"));

    /// What the regex finds at the start of `s`: the end of its match.
    fn oracle(s: &str) -> Option<usize> {
        NUMBER_RE.find(s).map(|m| m.end())
    }

    /// [`NUMBER_PATTERN`] unanchored, as a scan of a whole text finds it.
    static SCAN_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&NUMBER_PATTERN.replace(r"\A", "")).expect("the number pattern is valid")
    });

    /// The matches of the scan of `text`: [`match_len`] where [`number_starts`] says a number
    /// may start, going on after each match.
    ///
    /// [`number_starts`]: super::super::number_starts
    fn scan(text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut starts = super::super::number_starts(text);
        let mut from = 0;
        while let Some(at) = starts.next_from(from) {
            if let Some(len) = match_len(&text[at..]) {
                found.push((at, at + len));
                from = at + len;
            }
        }
        found
    }

    /// Checks that the scan of `text` finds the matches of the unanchored regex.
    #[track_caller]
    fn check_scan(name: &str, text: &str) -> usize {
        let want: Vec<(usize, usize)> = SCAN_RE
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(scan(text), want, "{name}: {:?}", head(text));
        want.len()
    }

    /// Checks [`match_len`] against the oracle at every char boundary of `text`; returns how
    /// many matched.
    #[track_caller]
    fn check_suffixes(name: &str, text: &str) -> usize {
        let mut matched = 0;
        for (i, _) in text.char_indices() {
            let rest = &text[i..];
            let want = oracle(rest);
            assert_eq!(
                match_len(rest),
                want,
                "{name} at byte {i}: {:?}",
                head(rest)
            );
            matched += usize::from(want.is_some());
        }
        matched
    }

    /// The first chars of `s`, to show in a failure.
    fn head(s: &str) -> String {
        s.chars().take(40).collect()
    }

    #[test]
    fn shapes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("91/QĐ-SLĐTBXH ngày", Some("91/QĐ-SLĐTBXH")),
            ("25-NQ/TW,", Some("25-NQ/TW")),
            ("34/2016/NĐ-CP.", Some("34/2016/NĐ-CP")),
            ("03 /BC - UBND", Some("03 /BC")),
            ("03 /BC- UBND", Some("03 /BC- UBND")),
            ("03 /BC- Ubnd", Some("03 /BC- U")),
            ("03  /BC", None),
            ("12 / 2020 / NĐ-CP", Some("12 / 2020 / NĐ-CP")),
            ("12/2020/nđ", None),
            ("12/20201/NĐ", None),
            ("12/202/NĐ", None),
            ("1234567/QĐ", None),
            ("123456/QĐ", Some("123456/QĐ")),
            ("177 – Ctr/TU-BTC–", Some("177 – Ctr/TU-BTC")),
            ("5-NQ1/TW", None),
            ("5/QĐ-&-x- Y", Some("5/QĐ-&-x- Y")),
            ("5/QĐ–ǅ–Ⓐ", Some("5/QĐ–ǅ")),
            ("5/Ⓐ", None),
            ("5/ǅ", None),
            ("5/Σß-ʰ", Some("5/Σß-ʰ")),
            ("5/A- b", Some("5/A")),
            ("٣/QĐ", None),
        ];
        for &(input, want) in cases {
            assert_eq!(match_len(input), want.map(str::len), "{input:?}");
            assert_eq!(oracle(input), want.map(str::len), "the oracle on {input:?}");
        }
    }

    /// Every document of `corpus/`, as written, in NFC, and with its lines joined as the parser
    /// joins a paragraph's (and of `VANBAN_ORACLE_DIRS`, see [`crate::oracle`]).
    #[test]
    fn corpus_matches_the_regex() {
        use unicode_normalization::UnicodeNormalization;
        let (mut files, mut candidates, mut matched, mut scanned) = (0, 0, 0, 0);
        for (name, raw) in crate::oracle::texts() {
            let nfc: String = raw.nfc().collect();
            let joined = nfc.replace(['\r', '\n'], " ");
            for text in [&raw, &nfc, &joined] {
                matched += check_suffixes(&name, text);
                scanned += check_scan(&name, text);
                let mut starts = super::super::number_starts(text);
                let mut from = 0;
                while let Some(at) = starts.next_from(from) {
                    let rest = &text[at..];
                    assert_eq!(match_len(rest), oracle(rest), "{name} at {at}");
                    candidates += 1;
                    if let Some(len) = match_len(rest) {
                        from = at + len;
                    }
                }
            }
            files += 1;
        }
        eprintln!("{files} files, {candidates} candidate starts, {matched} matches");
        assert!(files >= 19, "{files} files");
        assert!(candidates > 300, "{candidates} candidate starts");
        assert!(matched > 300, "{matched} matches");
        assert!(scanned > 300, "{scanned} matches found by the scan");
    }

    /// Chars that stress the grammar: digits (one from another script), separators, ASCII and
    /// Vietnamese letters of both cases, and letters whose General Category is not what the std
    /// predicates say (Lt, Lm, Lo, an uppercase symbol, a letter number, a combining mark).
    const ALPHABET: &[&str] = &[
        "0", "1", "2", "7", "9", " ", " ", "/", "/", "-", "-", "–", "&", "A", "Q", "T", "z", "g",
        "Đ", "đ", "Ơ", "ơ", "Ư", "ư", "Ấ", "ấ", "Ệ", "ệ", "ǅ", "ʰ", "ª", "Ⓐ", "Ⅰ", "\u{345}", "ß",
        "İ", "Σ", "中", "٣", ".", "\n",
    ];

    /// Numbers as they are written, right and wrong.
    const SHAPES: &[&str] = &[
        "12/2020/NĐ-CP",
        "25-NQ/TW",
        "91/QĐ-SLĐTBXH",
        "03 /BC - UBND",
        "177-CTr/TU-BTC",
        "83/2015/QH13",
        "12 / 2020 / NĐ-CP",
        "5 – QĐ / TW – X",
        "3027/QĐUBND",
        "1234567/QĐ",
        "29/QĐ-UBND-TL – TC",
        "16/CT-TTg",
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

    /// A run of shapes and chars of [`ALPHABET`].
    fn fragment() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(ALPHABET).prop_map(str::to_string),
            1 => mutated_shape(),
        ];
        prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(crate::oracle::config(4_000, 0x6E75_6D62_6572))]

        /// At every char boundary of a fragment, the hand matcher ends where the regex does.
        #[test]
        fn fragments_match_the_regex(text in fragment()) {
            check_suffixes("fragment", &text);
            check_scan("fragment", &text);
        }
    }
}
