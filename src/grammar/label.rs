//! Numbering labels at the start of a line: `I.`, `1.1.`, `a)`, `Điều 1.`, `PHẦN I`, `Chương II`.

#![allow(unused_imports)]
use std::sync::LazyLock;

use memchr::memmem;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::opt;
use nom::{IResult, Parser};

use super::number::{E, is_filler};
use crate::model::{AuthorityMode, NumberStyle, NumberSystem};
use crate::tables;
use crate::text::chars;

use crate::text::kernels::FirstPairs;

/// A numbering label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Style of numbering.
    pub style: NumberStyle,
    /// The label as it goes into the output (`"I"`, `"1.1"`, `"Điều 3"`, `"Phần I"`).
    pub label: String,
    /// Numeric value of the last part.
    pub number: Option<u32>,
    /// Depth for decimal labels (`1.1` → 2), 0 otherwise.
    pub depth: usize,
    /// Byte offset where the text after the label starts.
    pub rest: usize,
}

/// Value of a roman numeral made of I, V, X, L, C, written canonically.
///
/// Called for every line that starts with one of these letters (`Các`, `Căn cứ`, `Cơ quan`):
/// it reads the bytes in place and compares `s` with the canonical spelling as it goes, without
/// the vector and string [`to_roman`] would build.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let val = |b: u8| match b {
        b'I' => Some(1i64),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        _ => None,
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        let d = val(b)?;
        // A digit before a larger one is subtracted (`IV`); a non-numeral after it fails below.
        if bytes
            .get(i + 1)
            .and_then(|&n| val(n))
            .is_some_and(|n| n > d)
        {
            total -= d;
        } else {
            total += d;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    // `s` must be the canonical spelling: eat it symbol by symbol as `to_roman` writes them.
    let mut rest = bytes;
    let mut n = total;
    for (v, sym) in ROMAN_SYMBOLS {
        while n >= v {
            rest = rest.strip_prefix(sym.as_bytes())?;
            n -= v;
        }
    }
    rest.is_empty().then_some(total)
}

/// Roman symbols from the largest, with the subtractive pairs, as [`to_roman`] writes them.
const ROMAN_SYMBOLS: [(u32, &str); 9] = [
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Writes `n` as a roman numeral (1 → I, 4 → IV), the inverse of [`roman_value`].
pub fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in ROMAN_SYMBOLS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Position of a letter in the Vietnamese alphabet used for điểm (a b c d đ e g h i k …).
pub fn letter_value(c: char) -> Option<u32> {
    const ORDER: &str = "abcdđeghiklmnopqrstuvxy";
    ORDER.chars().position(|x| x == c).map(|p| p as u32 + 1)
}

/// Ordinal words of `Phần thứ nhất`.
const ORDINALS: &[(&str, u32)] = &[
    ("nhất", 1),
    ("hai", 2),
    ("ba", 3),
    ("tư", 4),
    ("bốn", 4),
    ("năm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
    ("mười", 10),
];

fn after_label(i: &str) -> Option<usize> {
    // A label ends at a separator followed by a space or the end of the line.
    let mut chars = i.char_indices();
    match chars.next() {
        None => Some(0),
        Some((_, ' ')) => Some(1),
        _ => None,
    }
}

/// The words of keyword labels, in the order they are tried (`TIỂU MỤC` before `MỤC`).
pub(crate) const KEYWORDS: [(&str, NumberStyle); 10] = [
    ("PHẦN", NumberStyle::Part),
    ("Phần", NumberStyle::Part),
    ("CHƯƠNG", NumberStyle::Chapter),
    ("Chương", NumberStyle::Chapter),
    ("TIỂU MỤC", NumberStyle::Subdivision),
    ("Tiểu mục", NumberStyle::Subdivision),
    ("MỤC", NumberStyle::Division),
    ("Mục", NumberStyle::Division),
    ("ĐIỀU", NumberStyle::Article),
    ("Điều", NumberStyle::Article),
];

/// The first three bytes of each of [`KEYWORDS`], compared as arrays (a test checks them).
pub(crate) const KEYWORD_HEADS: [[u8; 3]; 10] = {
    let mut heads = [[0u8; 3]; 10];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let w = KEYWORDS[i].0.as_bytes();
        heads[i] = [w[0], w[1], w[2]];
        i += 1;
    }
    heads
};

/// The first bytes of [`KEYWORDS`] (`P`, `C`, `T`, `M` and the lead byte of `Đ`), as a table.
const KEYWORD_FIRST: [bool; 256] = {
    let mut first = [false; 256];
    let mut i = 0;
    while i < KEYWORD_HEADS.len() {
        first[KEYWORD_HEADS[i][0] as usize] = true;
        i += 1;
    }
    first
};

fn keyword_label(text: &str) -> Option<Label> {
    // Most capitalized lines start with no keyword: comparing the first three bytes (every
    // keyword has more, and so must a line that holds one and a number) rules them out before
    // any word is compared whole; the first byte alone let `Các`, `Công`, `Trong`, `Thực`,
    // `Đảng` through to two whole-word comparisons each.
    let head: [u8; 3] = text.as_bytes().get(..3)?.try_into().ok()?;
    // Most capitalized lines start with a letter no keyword starts with: one look-up, not ten
    // comparisons of three bytes.
    if !KEYWORD_FIRST[usize::from(head[0])] {
        return None;
    }
    for (&(word, style), _) in KEYWORDS
        .iter()
        .zip(KEYWORD_HEADS)
        .filter(|(_, h)| *h == head)
    {
        let Some(rest) = text.strip_prefix(word) else {
            continue;
        };
        let Ok((after, _)) = space1::<_, E>(rest) else {
            continue;
        };
        let canonical = match style {
            NumberStyle::Part => "Phần",
            NumberStyle::Chapter => "Chương",
            NumberStyle::Subdivision => "Tiểu mục",
            NumberStyle::Division => "Mục",
            _ => "Điều",
        };
        let num: IResult<&str, &str> = alt((
            digit1,
            take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')),
        ))
        .parse_complete(after);
        let (value, label_text, tail) = if let Ok((tail, n)) = num {
            let value = n.parse().ok().or_else(|| roman_value(n));
            (value?, n.to_owned(), tail)
        } else if style == NumberStyle::Part {
            let (tail, _) = (tag::<_, _, E>("thứ"), space1).parse_complete(after).ok()?;
            let (&(w, v), tail) = ORDINALS
                .iter()
                .find_map(|o| tail.strip_prefix(o.0).map(|t| (o, t)))?;
            (v, format!("thứ {w}"), tail)
        } else {
            continue;
        };
        // Điều needs its full stop (or colon); the other words stand alone or before a title.
        let tail_trim = tail.trim_start_matches(['.', ':', '-', '–']);
        if style == NumberStyle::Article && tail_trim.len() == tail.len() && !tail.is_empty() {
            continue;
        }
        if !tail_trim.is_empty() && !tail_trim.starts_with(' ') {
            continue;
        }
        let rest = text.len() - tail_trim.trim_start().len();
        return Some(Label {
            style,
            label: [canonical, " ", &label_text].concat(),
            number: Some(value),
            depth: 0,
            rest,
        });
    }
    None
}

/// Recognizes the numbering label at the start of `text`.
pub fn label(text: &str) -> Option<Label> {
    let first = text.chars().next()?;
    // The table of `chars` answers for `Đ`, `Ủ`, `Ở` without a Unicode search.
    let upper = chars::alphabetic_upper(first).1;
    if upper && !matches!(first, 'I' | 'V' | 'X' | 'L' | 'C') || first == 'C' {
        if let Some(l) = keyword_label(text) {
            return Some(l);
        }
    }
    if matches!(first, 'I' | 'V' | 'X' | 'L' | 'C') {
        let romans: IResult<&str, &str> =
            take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')).parse_complete(text);
        if let Ok((tail, r)) = romans {
            // The separator is checked first: `Các`, `Căn cứ` fail on it without a numeral read.
            let style = match tail.chars().next() {
                Some('.') => Some(NumberStyle::Roman),
                Some('-' | '–') => Some(NumberStyle::RomanDash),
                _ => None,
            };
            if let Some(style) = style {
                let sep_len = tail.chars().next().map_or(0, char::len_utf8);
                if let Some(skip) = after_label(&tail[sep_len..]) {
                    if let Some(value) = roman_value(r) {
                        let rest = text.len() - tail.len() + sep_len + skip;
                        return Some(Label {
                            style,
                            label: r.to_owned(),
                            number: Some(value),
                            depth: 0,
                            rest,
                        });
                    }
                }
            }
        }
        // No keyword starts with `I`, `V`, `X` or `L`, and a line starting with `C` was read for
        // one above.
        return None;
    }
    if first.is_ascii_digit() {
        // `digit1 ('.' digit1)*`, read without the vector nom's `many0` would fill.
        let bytes = text.as_bytes();
        let run = |from: usize| {
            bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        // The parts are counted and measured as they are read: `digits` is
        // `digit1 ('.' digit1)*`, so it is also the label as written (`parts.join(".")`). The
        // first part has at most two digits, the others three.
        let mut end = run(0);
        let mut too_long = end > 2;
        let mut parts = 1;
        let mut last_start = 0;
        while bytes.get(end) == Some(&b'.') && end + 1 < bytes.len() {
            let more = run(end + 1);
            if more == 0 {
                break;
            }
            too_long |= more > 3;
            parts += 1;
            last_start = end + 1;
            end += 1 + more;
        }
        if too_long {
            return None;
        }
        let (digits, tail) = text.split_at(end);
        // The last part's value: at most three digits, which `u32` holds.
        let value = bytes
            .get(last_start..end)
            .map(|last| last.iter().fold(0u32, |v, &b| v * 10 + u32::from(b - b'0')));
        let (style, sep) = match (parts, tail.chars().next()) {
            (1, Some('.' | ')')) => (NumberStyle::Arabic, 1),
            (1, Some('-' | '–')) => (
                NumberStyle::ArabicDash,
                tail.chars().next().map_or(1, char::len_utf8),
            ),
            (n, Some('.' | ')')) if n > 1 => (NumberStyle::Decimal, 1),
            (n, Some(' ')) if n > 1 => (NumberStyle::Decimal, 0),
            _ => return None,
        };
        let skip = after_label(&tail[sep..])?;
        if style == NumberStyle::Arabic && tail[sep..].trim_start().is_empty() {
            return None;
        }
        // `3.2 Tinh giản` is a label; `2.594 hồ sơ` and `1.5 triệu đồng` are figures.
        if style == NumberStyle::Decimal
            && sep == 0
            && !tail
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return None;
        }
        // `1.` followed by another digit is a decimal number in text, not a label.
        let rest = text.len() - tail.len() + sep + skip;
        let depth = if style == NumberStyle::Decimal {
            parts
        } else {
            0
        };
        return Some(Label {
            style,
            label: digits.to_owned(),
            number: value,
            depth,
            rest,
        });
    }
    // `a)`, `đ.`: the separator is read first, as a byte; most lines that start in lower case
    // (a sentence going on) fail on it before the letter is looked up.
    let sep_at = first.len_utf8();
    if matches!(text.as_bytes().get(sep_at), Some(b')' | b'.')) && first.is_lowercase() {
        let c = first;
        let value = letter_value(c)?;
        let tail = text.get(sep_at..)?;
        let sep = tail.chars().next()?;
        let after = &tail[sep.len_utf8()..];
        let ok = match sep {
            ')' => after_label(after).is_some(),
            // `a.` only before a capitalized word: `a. Mục tiêu`, never `a.m.`.
            '.' => {
                after.starts_with(' ') && after[1..].chars().next().is_some_and(char::is_uppercase)
            }
            _ => false,
        };
        if ok {
            let rest = (c.len_utf8() + 1 + 1).min(text.len());
            return Some(Label {
                style: NumberStyle::Letter,
                label: c.to_string(),
                number: Some(value),
                depth: 0,
                rest,
            });
        }
    }
    None
}

/// The label reader as it was before its byte gates, kept to test the new one against.
#[cfg(test)]
pub(crate) mod old {
    use super::*;

    fn old_keyword_label(text: &str) -> Option<Label> {
        // Most capitalized lines start with no keyword: comparing first bytes rules them out before
        // any word is compared whole.
        let first = *text.as_bytes().first()?;
        for &(word, style) in KEYWORDS
            .iter()
            .filter(|(w, _)| w.as_bytes().first() == Some(&first))
        {
            let Some(rest) = text.strip_prefix(word) else {
                continue;
            };
            let Ok((after, _)) = space1::<_, E>(rest) else {
                continue;
            };
            let canonical = match style {
                NumberStyle::Part => "Phần",
                NumberStyle::Chapter => "Chương",
                NumberStyle::Subdivision => "Tiểu mục",
                NumberStyle::Division => "Mục",
                _ => "Điều",
            };
            let num: IResult<&str, &str> = alt((
                digit1,
                take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')),
            ))
            .parse_complete(after);
            let (value, label_text, tail) = if let Ok((tail, n)) = num {
                let value = n.parse().ok().or_else(|| roman_value(n));
                (value?, n.to_owned(), tail)
            } else if style == NumberStyle::Part {
                let (tail, _) = (tag::<_, _, E>("thứ"), space1).parse_complete(after).ok()?;
                let (&(w, v), tail) = ORDINALS
                    .iter()
                    .find_map(|o| tail.strip_prefix(o.0).map(|t| (o, t)))?;
                (v, format!("thứ {w}"), tail)
            } else {
                continue;
            };
            // Điều needs its full stop (or colon); the other words stand alone or before a title.
            let tail_trim = tail.trim_start_matches(['.', ':', '-', '–']);
            if style == NumberStyle::Article && tail_trim.len() == tail.len() && !tail.is_empty() {
                continue;
            }
            if !tail_trim.is_empty() && !tail_trim.starts_with(' ') {
                continue;
            }
            let rest = text.len() - tail_trim.trim_start().len();
            return Some(Label {
                style,
                label: format!("{canonical} {label_text}"),
                number: Some(value),
                depth: 0,
                rest,
            });
        }
        None
    }

    /// [`label`] before its byte gates, the oracle of `label_agrees_with_the_old_reader`.
    pub fn old_label(text: &str) -> Option<Label> {
        let first = text.chars().next()?;
        if first.is_uppercase() && !matches!(first, 'I' | 'V' | 'X' | 'L' | 'C') || first == 'C' {
            if let Some(l) = old_keyword_label(text) {
                return Some(l);
            }
        }
        if matches!(first, 'I' | 'V' | 'X' | 'L' | 'C') {
            let romans: IResult<&str, &str> =
                take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
                    .parse_complete(text);
            if let Ok((tail, r)) = romans {
                // The separator is checked first: `Các`, `Căn cứ` fail on it without a numeral read.
                let style = match tail.chars().next() {
                    Some('.') => Some(NumberStyle::Roman),
                    Some('-' | '–') => Some(NumberStyle::RomanDash),
                    _ => None,
                };
                if let Some(style) = style {
                    let sep_len = tail.chars().next().map_or(0, char::len_utf8);
                    if let Some(skip) = after_label(&tail[sep_len..]) {
                        if let Some(value) = roman_value(r) {
                            let rest = text.len() - tail.len() + sep_len + skip;
                            return Some(Label {
                                style,
                                label: r.to_owned(),
                                number: Some(value),
                                depth: 0,
                                rest,
                            });
                        }
                    }
                }
            }
            return old_keyword_label(text);
        }
        if first.is_ascii_digit() {
            // `digit1 ('.' digit1)*`, read without the vector nom's `many0` would fill.
            let bytes = text.as_bytes();
            let run = |from: usize| {
                bytes[from..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count()
            };
            let mut end = run(0);
            while bytes.get(end) == Some(&b'.') && end + 1 < bytes.len() {
                let more = run(end + 1);
                if more == 0 {
                    break;
                }
                end += 1 + more;
            }
            let (digits, tail) = text.split_at(end);
            // The parts are read in place: `digits` is `digit1 ('.' digit1)*`, so it is also the
            // label as written (`parts.join(".")`).
            let mut parts = 0;
            let mut last = "";
            for (n, part) in digits.split('.').enumerate() {
                if part.len() > 3 || n == 0 && part.len() > 2 {
                    return None;
                }
                parts += 1;
                last = part;
            }
            let value = last.parse().ok();
            let (style, sep) = match (parts, tail.chars().next()) {
                (1, Some('.' | ')')) => (NumberStyle::Arabic, 1),
                (1, Some('-' | '–')) => (
                    NumberStyle::ArabicDash,
                    tail.chars().next().map_or(1, char::len_utf8),
                ),
                (n, Some('.' | ')')) if n > 1 => (NumberStyle::Decimal, 1),
                (n, Some(' ')) if n > 1 => (NumberStyle::Decimal, 0),
                _ => return None,
            };
            let skip = after_label(&tail[sep..])?;
            if tail[sep..].trim().is_empty() && style == NumberStyle::Arabic {
                return None;
            }
            // `3.2 Tinh giản` is a label; `2.594 hồ sơ` and `1.5 triệu đồng` are figures.
            if style == NumberStyle::Decimal
                && sep == 0
                && !tail
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                return None;
            }
            // `1.` followed by another digit is a decimal number in text, not a label.
            let rest = text.len() - tail.len() + sep + skip;
            let depth = if style == NumberStyle::Decimal {
                parts
            } else {
                0
            };
            return Some(Label {
                style,
                label: digits.to_owned(),
                number: value,
                depth,
                rest,
            });
        }
        if first.is_lowercase() {
            let mut chars = text.chars();
            let c = chars.next()?;
            let value = letter_value(c)?;
            let tail = chars.as_str();
            let sep = tail.chars().next()?;
            let after = &tail[sep.len_utf8()..];
            let ok = match sep {
                ')' => after_label(after).is_some(),
                // `a.` only before a capitalized word: `a. Mục tiêu`, never `a.m.`.
                '.' => {
                    after.starts_with(' ')
                        && after[1..].chars().next().is_some_and(char::is_uppercase)
                }
                _ => false,
            };
            if ok {
                let rest = (c.len_utf8() + 1 + 1).min(text.len());
                return Some(Label {
                    style: NumberStyle::Letter,
                    label: c.to_string(),
                    number: Some(value),
                    depth: 0,
                    rest,
                });
            }
        }
        None
    }
}
