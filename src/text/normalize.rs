//! Decoding and normalization of the input text.
//!
//! Before anything is matched the text is made uniform: a byte order mark is dropped, CRLF and
//! lone CR become LF, non-breaking and other special spaces become plain spaces, zero-width
//! characters are removed and the text is composed to NFC. Each change that actually happened is
//! recorded as a [`Normalization`], so the output says what was done to the user's text.
//! Normalization never changes the number of lines: line numbers refer to the user's file.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

use unicode_normalization::char::{canonical_combining_class as ccc, compose};

use super::chars;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Text ready for parsing and the normalizations that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// The normalized text: the input itself (after a byte order mark) when nothing changed,
    /// which is most documents, so they are not copied.
    pub text: Cow<'a, str>,
    /// What was done, in order.
    pub applied: Vec<Normalization>,
}

/// One normalization applied to the input text before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Normalization {
    /// A byte order mark was removed.
    Bom,
    /// CRLF line endings were turned into LF.
    Crlf,
    /// Lone CR line endings were turned into LF.
    LoneCr,
    /// The text was composed to Unicode NFC.
    Nfc,
    /// Non-breaking and other special spaces were turned into plain spaces.
    SpecialSpaces,
    /// Zero-width characters (ZWSP, ZWJ, soft hyphen …) were removed.
    ZeroWidth,
    /// The text had lost its line breaks; lines were recovered at structural phrases (the pieces
    /// share the input's line number).
    LineBreaksRecovered,
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
pub fn normalize(input: &str) -> Normalized<'_> {
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
    let needs_chars = !plain && !text.is_ascii() && has_special_chars(text);
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
        text: owned.map_or(Cow::Borrowed(text), Cow::Owned),
        applied,
    }
}

/// `text` in NFC, or `None` when it already is. Each line is checked on its own, and only the
/// lines that are not NFC are composed ([`push_nfc`]); the others are copied. A line feed is a starter that composes with nothing, so this gives the
/// same text as normalizing the whole, and a document where a few pasted lines are decomposed
/// costs little more than one already in NFC.
fn nfc_by_line(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut scratch = String::new();
    let mut start = 0;
    for line in super::split_lf(text) {
        // Most Vietnamese NFC text answers `Yes` to the quick check. For a `Maybe` (a
        // combining mark that may belong to the letter before), composing the line and
        // comparing is the full check, and leaves the answer ready to use.
        scratch.clear();
        // A line that is NFC composes to itself: no quick check first (it reads every
        // character, and answers `Maybe`, not `No`, for the combining marks of decomposed
        // Vietnamese).
        let needs = !chars::all_plain(line) && {
            push_nfc(line, &mut scratch);
            scratch != line
        };
        match out.as_mut() {
            None if !needs => {}
            None => {
                let mut composed = String::with_capacity(text.len());
                composed.push_str(&text[..start]);
                composed.push_str(&scratch);
                out = Some(composed);
            }
            Some(composed) => {
                composed.push('\n');
                composed.push_str(if needs { &scratch } else { line });
            }
        }
        start += line.len() + 1;
    }
    out
}

/// Appends `line` in NFC to `out`.
///
/// `unicode-normalization`'s iterator is slow on a decomposed Vietnamese line, and spends most of
/// its work on the letters that need nothing. The line is cut before
/// every character NFC cannot join to what precedes it ([`chars::starts_nfc_segment`]), and the
/// NFC of the whole is the NFC of each piece: a piece of one such character is copied, an ASCII
/// letter and one mark (`a` + U+0301) are joined by a table look-up, and only the other pieces
/// (`a` + U+0302 + U+0301, a lone mark) go through the iterator.
fn push_nfc(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    // Pieces of one starter each are copied as they are, in runs: `run` is where the run not yet
    // copied starts, `start` where the piece being gathered starts (`count` characters).
    let (mut run, mut start, mut count) = (0, 0, 0);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            // An ASCII character starts a piece; so does each one after it, up to the last one
            // before a character that is not ASCII, which may gather marks.
            flush_piece(line, &mut run, start, at, count, out);
            let ascii = bytes[at..].iter().take_while(|b| b.is_ascii()).count();
            start = at + ascii - 1;
            count = 1;
            at += ascii;
            continue;
        }
        let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if at > 0 && chars::starts_nfc_segment(c) {
            flush_piece(line, &mut run, start, at, count, out);
            start = at;
            count = 0;
        }
        count += 1;
        at += c.len_utf8();
    }
    flush_piece(line, &mut run, start, line.len(), count, out);
    out.push_str(line.get(run..).unwrap_or_default());
}

/// Ends the piece `line[start..end]` of `count` characters in [`push_nfc`]: a single starter
/// joins the run of them copied later; any other piece is composed, after the run before it.
fn flush_piece(
    line: &str,
    run: &mut usize,
    start: usize,
    end: usize,
    count: usize,
    out: &mut String,
) {
    let Some(piece) = line.get(start..end).filter(|p| !p.is_empty()) else {
        return;
    };
    let single = count == 1 && piece.chars().next().is_some_and(chars::starts_nfc_segment);
    if single {
        return;
    }
    out.push_str(line.get(*run..start).unwrap_or_default());
    push_nfc_piece(piece, count, out);
    *run = end;
}

/// One piece of [`push_nfc`], holding `count` characters.
fn push_nfc_piece(piece: &str, count: usize, out: &mut String) {
    let mut chars = piece.chars();
    match (count, chars.next(), chars.next(), chars.next()) {
        (1, Some(c), _, _) if chars::starts_nfc_segment(c) => out.push(c),
        (2, Some(base), Some(mark), _) if base.is_ascii() => match compose(base, mark) {
            Some(composed) => out.push(composed),
            None => out.extend(piece.nfc()),
        },
        (3, Some(base), Some(m1), Some(m2))
            if base.is_ascii() && simple_mark(m1) && simple_mark(m2) =>
        {
            compose_two_marks(base, m1, m2, out);
        }
        _ => out.extend(piece.nfc()),
    }
}

/// A combining diacritical mark of U+0300–U+0333: combining class above 0, no decomposition of
/// its own (the first with one is U+0340). Every Vietnamese tone and vowel mark is one.
fn simple_mark(c: char) -> bool {
    ('\u{0300}'..='\u{0333}').contains(&c)
}

/// NFC of an ASCII letter followed by two [`simple_mark`]s (`e` + U+0302 + U+0301 = `ế`), by
/// the standard's steps: the marks put in combining-class order, then each composed with the
/// starter unless blocked by a mark of the same class left between them.
fn compose_two_marks(base: char, m1: char, m2: char, out: &mut String) {
    let (x, y) = if ccc(m1) > ccc(m2) {
        (m2, m1)
    } else {
        (m1, m2)
    };
    match compose(base, x) {
        Some(first) => match compose(first, y) {
            Some(both) => out.push(both),
            None => out.extend([first, y]),
        },
        // `x` stays between the starter and `y`; it blocks `y` only with the same class.
        None => match compose(base, y).filter(|_| ccc(x) < ccc(y)) {
            Some(second) => out.extend([second, x]),
            None => out.extend([base, x, y]),
        },
    }
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
/// (a word-at-a-time search, several times slower over a document).
fn memchr_cr(bytes: &[u8]) -> bool {
    memchr::memchr(b'\r', bytes).is_some()
}

/// True when `text` holds a special space or a zero-width character. Each starts with one of
/// the bytes `C2`, `E2`, `E3`, `EF`; only the characters at those bytes are decoded (a
/// decomposed text is otherwise read character by character).
fn has_special_chars(text: &str) -> bool {
    let bytes = text.as_bytes();
    let special_at = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| is_special_space(c) || is_zero_width(c))
    };
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(special_at)
        || memchr::memchr_iter(0xEF, bytes).any(special_at)
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

    /// [`push_nfc`] gives what the iterator gives: every ASCII or tabled letter with zero, one
    /// or two of the marks Vietnamese uses (and a sample of others), and random strings over
    /// letters, marks of several scripts, Hangul jamo and syllables, singletons.
    #[test]
    fn push_nfc_is_nfc() {
        let check = |text: &str| {
            let mut out = String::new();
            push_nfc(text, &mut out);
            let want: String = text.nfc().collect();
            assert_eq!(out, want, "{text:?}");
        };
        let marks: Vec<char> = [
            0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31B, 0x308, 0x340, 0x344, 0x345,
            0x327, 0x328, 0x30C, 0x331, 0x333, 0x315, 0x31A, 0x334,
        ]
        .into_iter()
        .filter_map(char::from_u32)
        .collect();
        let bases = (0x20..0x7F)
            .chain(0xC0..0x250)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32);
        for base in bases {
            check(&base.to_string());
            for &m in &marks {
                check(&format!("{base}{m}"));
                check(&format!("x{m}{base}{m}"));
                for &n in &marks {
                    check(&format!("{base}{m}{n}"));
                }
            }
        }
        let pool: Vec<char> = "aeoăâêôơưdđAĐ ,.\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{0302}\u{0306}\u{031B}\u{0327}\u{030C}\u{0315}\u{0334}\u{0340}\u{0344}\u{05B0}\u{0591}\u{093C}\u{0F73}\u{1100}\u{1161}\u{11A8}\u{AC00}\u{212B}\u{2126}\u{0958}ẹếΩ\u{0345}\u{1FB3}\u{0CC6}\u{0CC2}\u{0CD5}"
            .chars()
            .collect();
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            crate::test_support::xorshift(&mut state);
            // Mostly short pieces; some long ones, with runs of ASCII between the marks.
            let len = if state % 5 == 0 {
                (state % 41) as usize
            } else {
                (state % 9) as usize
            };
            for k in 0..len {
                let pick = (state.rotate_left(k as u32 * 7) >> 3) as usize % pool.len();
                text.push(pool[pick]);
            }
            check(&text);
        }
    }

    /// [`has_special_chars`] agrees with reading every character.
    #[test]
    fn special_chars_are_found_from_their_lead_bytes() {
        let special = |c: char| is_special_space(c) || is_zero_width(c);
        for c in (0x80..0x1_0000)
            .chain((0x1_0000..0x11_0000).step_by(97))
            .filter_map(char::from_u32)
        {
            for text in [
                format!("{c}"),
                format!("ạ{c}b"),
                format!("xa\u{0301} “{c}”"),
            ] {
                assert_eq!(
                    has_special_chars(&text),
                    text.chars().any(special),
                    "{text:?}"
                );
            }
        }
        assert!(!has_special_chars("Hà Nội “x” – \u{0301}"));
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
        let with_space = format!("{text}\u{00A0}");
        let mixed = normalize(&with_space);
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
        let input = format!("\u{FEFF}a\r\nb\rc\u{00A0}d\u{200B}e {nfd}");
        let n = normalize(&input);
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
