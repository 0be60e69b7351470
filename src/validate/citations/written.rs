//! The date written after `ngày` in a citation's text, read by hand.
//!
//! The grammar is the regex
//!
//! ```text
//! (?i)ngày\s+(\d{1,2})\s*(?:[/\-.]\s*(\d{1,2})\s*[/\-.]|\s+tháng\s+(\d{1,2})\s+năm)\s*(\d{4})
//! ```
//!
//! (the tests hold it and check [`written_date`] against it). Compiling it cost 2.3M
//! instructions, a fifth of a one-file run of the command, for a few short texts.
//!
//! As there, `\d` is a digit of any script (General Category Nd) and `\s` any Unicode space:
//! `ngày ٣/5/2020` is a date whose day does not read, so the answer is `None`, not a later date.

use crate::text::classes::is_digit;

/// The day, month and year written after `ngày` in a citation's text, existing or not: the
/// first `ngày d/m/yyyy` (or `-`, `.`) or `ngày d tháng m năm yyyy`, in any case.
pub(super) fn written_date(text: &str) -> Option<(u32, u32, u32)> {
    let (d, m, y) = date_parts(text)?;
    let num = |s: &str| s.parse::<u32>().ok();
    Some((num(d)?, num(m)?, num(y)?))
}

/// The day, month and year of the leftmost match of the grammar in `text`, as written.
///
/// The regex never has to give a choice back: every `\s+` and `\s*` stands before a digit, a
/// separator or a letter, never a space, and every `\d{1,2}` before a space or a separator,
/// never a digit, so the digits run must be one or two long. After the day, the separator
/// branch is tried first and fails unless a separator follows the spaces; the `tháng` branch
/// needs at least one of them.
fn date_parts(text: &str) -> Option<(&str, &str, &str)> {
    text.char_indices().find_map(|(at, _)| {
        let mut r = Reader { s: text, at };
        r.word("ngày")?;
        r.spaces(1)?;
        let day = r.digits(2)?;
        let spaced = r.spaces(0)? > 0;
        let month = if r.eat(|c| matches!(c, '/' | '-' | '.')) {
            r.spaces(0)?;
            let month = r.digits(2)?;
            r.spaces(0)?;
            r.eat(|c| matches!(c, '/' | '-' | '.')).then_some(())?;
            month
        } else {
            spaced.then_some(())?;
            r.word("tháng")?;
            r.spaces(1)?;
            let month = r.digits(2)?;
            r.spaces(1)?;
            r.word("năm")?;
            month
        };
        r.spaces(0)?;
        let start = r.at;
        for _ in 0..4 {
            r.eat(is_digit).then_some(())?;
        }
        Some((day, month, &text[start..r.at]))
    })
}

/// True when `c` is `lower` or its upper case.
fn same_letter(c: char, lower: char) -> bool {
    c == lower || c.to_lowercase().eq([lower])
}

/// A position in the text being matched.
struct Reader<'t> {
    s: &'t str,
    at: usize,
}

impl<'t> Reader<'t> {
    /// Takes the next char if `f` holds for it.
    fn eat(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.s[self.at..].chars().next() {
            Some(c) if f(c) => {
                self.at += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    /// `word`, lower case, in any case (`(?i)`).
    fn word(&mut self, word: &str) -> Option<()> {
        for w in word.chars() {
            self.eat(|c| same_letter(c, w)).then_some(())?;
        }
        Some(())
    }

    /// Takes every `\s`; how many, if at least `min`.
    fn spaces(&mut self, min: usize) -> Option<usize> {
        let mut n = 0;
        while self.eat(char::is_whitespace) {
            n += 1;
        }
        (n >= min).then_some(n)
    }

    /// `\d{1,max}` before a char that is no digit.
    fn digits(&mut self, max: usize) -> Option<&'t str> {
        let start = self.at;
        let mut n = 0;
        while self.eat(is_digit) {
            n += 1;
        }
        (1..=max).contains(&n).then(|| &self.s[start..self.at])
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    /// The oracle: the regex the validator used to compile.
    static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)ngày\s+(\d{1,2})\s*(?:[/\-.]\s*(\d{1,2})\s*[/\-.]|\s+tháng\s+(\d{1,2})\s+năm)\s*(\d{4})",
        )
        .expect("the date pattern is valid")
    });

    /// What the regex captures in `text`: day, month, year.
    fn oracle(text: &str) -> Option<(&str, &str, &str)> {
        let caps = DATE_RE.captures(text)?;
        let group = |i: usize| caps.get(i).map(|m| m.as_str());
        Some((group(1)?, group(2).or_else(|| group(3))?, group(4)?))
    }

    /// [`date_parts`] and [`written_date`] agree with the regex on `text`.
    #[track_caller]
    fn check(text: &str) -> bool {
        let want = oracle(text);
        assert_eq!(date_parts(text), want, "{text:?}");
        let num = |s: &str| s.parse::<u32>().ok();
        let want = want.and_then(|(d, m, y)| Some((num(d)?, num(m)?, num(y)?)));
        assert_eq!(written_date(text), want, "{text:?}");
        want.is_some()
    }

    #[test]
    fn written_dates() {
        type Date = Option<(u32, u32, u32)>;
        let cases: &[(&str, Date)] = &[
            (
                "Quyết định số 12/QĐ-UBND ngày 31/02/2021",
                Some((31, 2, 2021)),
            ),
            (
                "Tờ trình số 1/TTr-SNV ngày 01 tháng 11 năm 2024",
                Some((1, 11, 2024)),
            ),
            (
                "Quyết định số 596-QĐ/TU, ngày 17-6-2022",
                Some((17, 6, 2022)),
            ),
            ("Nghị quyết số 25-NQ/TW", None),
            ("NGÀY 3 . 4 . 20201", Some((3, 4, 2020))),
            ("ngày\u{a0}3\tTHÁNG 4 Năm\n2020", Some((3, 4, 2020))),
            ("ngày 3tháng 4 năm 2020", None),
            ("ngày 123/4/2020, ngày 5/6/2021", Some((5, 6, 2021))),
            ("ngày ٣/4/2020, ngày 5/6/2021", None),
            ("ngày 3/4/202, ngày 5/6/2021", Some((5, 6, 2021))),
            ("ngay 3/4/2020", None),
        ];
        for &(text, want) in cases {
            assert_eq!(written_date(text), want, "{text:?}");
            check(text);
        }
    }

    /// Every line of `corpus/`, and every citation the parser finds there (and in
    /// `VANBAN_ORACLE_DIRS`, see [`crate::oracle`]).
    #[test]
    fn corpus_matches_the_regex() {
        let (mut texts, mut dates) = (0, 0);
        for (_, text) in crate::oracle::texts() {
            let doc = crate::parse(&text);
            let citations = doc.citations.iter().map(|c| c.text.as_str());
            for t in text.lines().chain(citations) {
                texts += 1;
                dates += usize::from(check(t));
            }
        }
        eprintln!("{dates} dates in {texts} texts");
        assert!(
            texts > 1_000 && dates > 50,
            "{dates} dates in {texts} texts"
        );
    }

    /// Pieces of dates, right and wrong: the words in several cases and without their marks,
    /// digits (one of another script, one full-width), spaces of several kinds, separators.
    const PIECES: &[&str] = &[
        "ngày", "Ngày", "NGÀY", "ngay", "ngàY", "tháng", "THÁNG", "Tháng", "thang", "năm", "NĂM",
        "nam", "1", "2", "0", "9", "12", "2020", "٣", "７", " ", " ", "  ", "\u{a0}", "\t", "\n",
        "/", "-", ".", ",", "x", "số ",
    ];

    /// A run of up to `max` of `choices`.
    fn run(choices: &'static [&'static str], max: usize) -> BoxedStrategy<String> {
        prop::collection::vec(prop::sample::select(choices), 0..=max)
            .prop_map(|run| run.concat())
            .boxed()
    }

    /// Something shaped like a date: each part of the grammar in turn, each drawn from what
    /// may stand there and what nearly may (digit runs of 0 to 3, of several scripts; spaces
    /// or none; a separator, a word or another piece).
    fn date_like() -> impl Strategy<Value = String> {
        const DIGITS: &[&str] = &["0", "1", "9", "٣", "７"];
        const SPACES: &[&str] = &[" ", "\u{a0}", "\t", "\n"];
        const AFTER_DAY: &[&str] = &["/", "-", ".", "tháng", "THÁNG", "thang", "x", ""];
        const AFTER_MONTH: &[&str] = &["/", "-", ".", "năm", "Năm", "nam", ","];
        let digits = run(DIGITS, 3);
        let spaces = run(SPACES, 2);
        let part = |choices: &'static [&'static str]| prop::sample::select(choices);
        let day = (
            run(PIECES, 3),
            part(&["ngày", "NGÀY", "Ngày", "ngay"]),
            spaces.clone(),
            digits.clone(),
            spaces.clone(),
            part(AFTER_DAY),
        );
        let rest = (
            spaces.clone(),
            digits,
            spaces.clone(),
            part(AFTER_MONTH),
            spaces,
            run(DIGITS, 5),
            run(PIECES, 3),
        );
        (day, rest).prop_map(|(d, r)| {
            [
                &d.0, d.1, &d.2, &d.3, &d.4, d.5, &r.0, &r.1, &r.2, r.3, &r.4, &r.5, &r.6,
            ]
            .concat()
        })
    }

    /// A text of pieces, or of dates and near dates.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(PIECES).prop_map(str::to_string);
        prop::collection::vec(prop_oneof![2 => piece, 1 => date_like()], 0..8)
            .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(crate::oracle::config(4_000, 0x6E67_6179))]

        /// The hand reader finds the regex's date, as written, in any text of date pieces.
        #[test]
        fn texts_match_the_regex(text in text()) {
            check(&text);
        }
    }

    /// `word` matches a char exactly when the regex's `(?i)` does: the letter, its upper case,
    /// and no other char of Unicode.
    #[test]
    fn case_insensitive_letters_are_the_regex_crates() {
        use regex_syntax::hir::{Class, HirKind};
        for w in "ngàytháng năm".chars().filter(|c| !c.is_whitespace()) {
            let hir = regex_syntax::parse(&format!("(?i){w}")).expect("a letter parses");
            let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
                panic!("(?i){w} is a class");
            };
            let regex: Vec<char> = class
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .collect();
            let ours: Vec<char> = (0..=u32::from(char::MAX))
                .filter_map(char::from_u32)
                .filter(|&c| same_letter(c, w))
                .collect();
            assert_eq!(ours, regex, "(?i){w}");
        }
    }

    /// `\s` is `char::is_whitespace`, for every char.
    #[test]
    fn spaces_are_the_regex_crates() {
        let space = Regex::new(r"\A\s").expect("valid");
        let mut buf = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let at = c as u32;
            assert_eq!(
                c.is_whitespace(),
                space.is_match(c.encode_utf8(&mut buf)),
                "U+{at:04X}"
            );
        }
    }
}
