//! Numbering labels at the start of a line: `I.`, `1.1.`, `a)`, `Điều 1.`, `PHẦN I`, `Chương II`,
//! `Phần thứ nhất`.
//!
//! ```text
//! label    ::= keyword | compound | roman | arabic | decimal | upper | letter
//! compound ::= ( numeral | [A-Z] ) '.' ' '? digit{1,2} ( '.' digit{1,2} )* ( '.' | ')' ) ' '? capital any*
//!                                                     ; I.1. Chức năng, II. 4. MÔ TẢ, A.2. CÁC
//! keyword  ::= word blank+ ( digit+ | numeral | 'thứ' blank+ ordinal ) ' '* sep* ( ' ' any* )?
//!            | 'Điều' digit+ sep ( ' ' any* )?       ; `Điều17:` typed without its space
//! word     ::= 'PHẦN' | 'Phần' | 'CHƯƠNG' | 'Chương' | 'TIỂU MỤC' | 'Tiểu mục' | 'MỤC' | 'Mục'
//!            | 'ĐIỀU' | 'Điều'                      ; `Điều 3 của Luật` needs a sep: no label
//! ordinal  ::= 'nhất' | 'hai' | 'ba' | 'tư' | 'bốn' | 'năm' | … | 'mười'   ; `thứ` after Phần only
//! sep      ::= '.' | ':' | '-' | '–'
//! roman    ::= numeral ( '.' | '/' | '-' | '–' ) ( ' ' any* )?   ; I. ĐẶC ĐIỂM, II/ NỘI DUNG, II- KẾT QUẢ
//!            | numeral '.' capital capital+ any*     ; `III.PHÂN TÍCH`: numeral at most XXX
//!            | numeral '-' capital capital+ capitals ; `III-TÌNH HÌNH`: all in capitals
//! numeral  ::= [IVXLC]+                             ; written canonically, at most 8 letters
//! arabic   ::= digit{1,2} ( ( '.' | ')' ) ' ' text | '.' capital any* | ( '-' | '–' ) ( ' ' any* )? )
//!            | legend                                 ; `1.Sổ kế toán`: no space before a capital
//! legend   ::= digit{1,2} [a-z] ( ',' ' '* digit{1,2} [a-z] )* '.' ' ' capital any*
//!                                                     ; 5a. Tên loại, 7a, 7b, 7c. Quyền hạn
//!                                                     ; 3. Thực hiện, 5- Nội dung
//! decimal  ::= digit{1,2} ( '.' digit{1,3} )+ ( ( '.' | ')' ) ( ' ' any* )? | '.' capital any*
//!            | ' ' ws* capital any* )                ; `13.1.Tình hình`: no space before a capital
//! text     ::= ws* non-ws any*
//! blank    ::= ' ' | '\t'
//! upper    ::= [A-Z] '.' ' ' capital any*         ; A. SỰ CẦN THIẾT; not a numeral letter
//! letter   ::= lower ( ')' ( ' ' any* )? | '.' ' ' capital any* )   ; lower in a b c d đ e g …
//! ```
//! A decimal label without its full stop must be followed by a capital: `3.2 Tinh giản` is a
//! label, `2.594 hồ sơ` and `1.5 triệu đồng` are figures. The label goes into the output in one
//! spelling (`PHẦN I` → `Phần I`).
//!
//! References: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.6 (bố cục: Phần, Chương, Mục, Điều,
//! khoản, điểm).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space1};
use nom::multi::fold_many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::number::E;
use crate::model::NumberStyle;
use crate::text::{chars, numerals};

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
    for &(v, sym) in ROMAN_SYMBOLS {
        while n >= v {
            rest = rest.strip_prefix(sym.as_bytes())?;
            n -= v;
        }
    }
    rest.is_empty().then_some(total)
}

/// The roman symbols labels are written with: from `C` down, as [`to_roman`] writes them (`D`
/// and `M` never number a heading).
const ROMAN_SYMBOLS: &[(u32, &str)] = numerals::ROMAN_SYMBOLS.split_at(4).1;

/// Writes `n` as a roman numeral (1 → I, 4 → IV), the inverse of [`roman_value`].
pub fn to_roman(n: u32) -> String {
    numerals::write_roman(n, ROMAN_SYMBOLS)
}

/// The Vietnamese alphabet that điểm and lettered parts are numbered in (a b c d đ e g h i k …:
/// no f, j, w, z).
const LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

/// Position of a letter in the Vietnamese alphabet used for điểm (a b c d đ e g h i k …).
pub fn letter_value(c: char) -> Option<u32> {
    LETTERS.chars().position(|x| x == c).map(|p| p as u32 + 1)
}

/// The small letter at position `n` (from 1) of that alphabet, the inverse of [`letter_value`].
pub fn letter_at(n: u32) -> Option<char> {
    LETTERS
        .chars()
        .nth(usize::try_from(n.checked_sub(1)?).ok()?)
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

/// The bytes a label's separator is followed by: a space (skipped) or the end of the line.
fn after_label(i: &str) -> Option<usize> {
    match i.as_bytes().first() {
        None => Some(0),
        Some(b' ') => Some(1),
        _ => None,
    }
}

/// The largest roman numeral read with its heading glued to its full stop (`XXX.KẾT LUẬN`).
const GLUED_ROMAN_MAX: u32 = 30;

/// True when `text` opens with a word of two capitals or more (`PHÂN TÍCH`, `KẾT`).
fn opens_capital_word(text: &str) -> bool {
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    word.chars().nth(1).is_some() && word.chars().all(char::is_uppercase)
}

/// A letter of a roman numeral.
fn is_numeral(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')
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

/// The keyword label at the start of `text`.
fn keyword_label(text: &str) -> Option<Label> {
    // Asked of every line that starts with a capital. Most start with no keyword: one look-up
    // of the first byte rules out the letters no keyword starts with, then comparing the first
    // three bytes as arrays (every keyword has more, and so must a line that holds one and a
    // number) rules out the rest before any word is compared whole (`Các`, `Công`, `Trong`,
    // `Thực`, `Đảng` share a first byte with a keyword).
    let head: [u8; 3] = text.as_bytes().get(..3)?.try_into().ok()?;
    if !KEYWORD_FIRST[usize::from(head[0])] {
        return None;
    }
    KEYWORDS
        .iter()
        .zip(KEYWORD_HEADS)
        .filter(|(_, h)| *h == head)
        .find_map(|(&(word, style), _)| keyword(text, word, style))
}

/// `keyword` with this one word.
fn keyword(text: &str, word: &str, style: NumberStyle) -> Option<Label> {
    let rest = text.strip_prefix(word)?;
    // `Điều17:`, typed without the space: an article still, when its separator follows.
    let glued = style == NumberStyle::Article && rest.starts_with(|c: char| c.is_ascii_digit());
    let after = if glued {
        rest
    } else {
        space1::<_, E>(rest).ok()?.0
    };
    let canonical = match style {
        NumberStyle::Part => "Phần",
        NumberStyle::Chapter => "Chương",
        NumberStyle::Subdivision => "Tiểu mục",
        NumberStyle::Division => "Mục",
        _ => "Điều",
    };
    let numeral: IResult<&str, &str, E<'_>> =
        alt((digit1, take_while1(is_numeral))).parse_complete(after);
    let (value, label, tail) = if let Ok((tail, n)) = numeral {
        let value = n.parse().ok().or_else(|| roman_value(n))?;
        (value, [canonical, " ", n].concat(), tail)
    } else if style == NumberStyle::Part {
        let (tail, (value, word)) = ordinal(after).ok()?;
        (value, [canonical, " thứ ", word].concat(), tail)
    } else {
        return None;
    };
    // A space typed before the separator (`Điều 32 .`) is the separator's.
    let spaced = tail.trim_start_matches(' ');
    let tail = if spaced.starts_with(['.', ':']) {
        spaced
    } else {
        tail
    };
    // Điều needs its full stop (or colon); the other words stand alone or before a title.
    let tail_trim = tail.trim_start_matches(['.', ':', '-', '–']);
    let no_sep = tail_trim.len() == tail.len();
    if style == NumberStyle::Article && no_sep && (!tail.is_empty() || glued) {
        return None;
    }
    if !tail_trim.is_empty() && !tail_trim.starts_with(' ') {
        return None;
    }
    Some(Label {
        style,
        label,
        number: Some(value),
        depth: 0,
        rest: text.len() - tail_trim.trim_start().len(),
    })
}

/// `'thứ' ' '+ ordinal`: the value and the ordinal word.
fn ordinal(i: &str) -> IResult<&str, (u32, &'static str), E<'_>> {
    let (i, _) = (tag("thứ"), space1).parse_complete(i)?;
    ORDINALS
        .iter()
        .find_map(|&(word, value)| i.strip_prefix(word).map(|tail| (tail, (value, word))))
        .ok_or(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))
}

/// Recognizes the numbering label at the start of `text`.
pub fn label(text: &str) -> Option<Label> {
    let first = text.chars().next()?;
    // Only a capital opens a keyword (the table of `chars` answers for `Đ`, `Ủ`, `Ở` without a
    // Unicode search); `C` may open `Chương` or a numeral.
    let upper = chars::alphabetic_upper(first).1;
    if upper && !is_numeral(first) || first == 'C' {
        if let Some(l) = keyword_label(text) {
            return Some(l);
        }
    }
    numbered(text, first)
}

/// The labels that are no keyword: `compound`, `roman`, `arabic`, `decimal`, `upper`, `letter`.
fn numbered(text: &str, first: char) -> Option<Label> {
    if first.is_ascii_uppercase()
        && let Some(l) = compound(text)
    {
        Some(l)
    } else if is_numeral(first) {
        roman(text)
    } else if first.is_ascii_digit() {
        arabic_or_decimal(text)
    } else if first.is_ascii_uppercase() || first == 'Đ' {
        upper(text, first)
    } else {
        letter(text, first)
    }
}

/// `upper`: `A. SỰ CẦN THIẾT`, `B. Phương án`, `D - NHIỆM VỤ`, `Đ- MIỄN THUẾ` (a letter that is
/// no roman numeral; `C.` and `C - ` read as one, which the body tells apart by the letters
/// before it), numbered in the Vietnamese alphabet: `E` is the sixth, after `Đ`.
fn upper(text: &str, first: char) -> Option<Label> {
    let number = letter_value(first.to_lowercase().next()?)?;
    let tail = text.get(first.len_utf8()..)?;
    // `B - CĂN CỨ TÍNH THUẾ`, `D- MIỄN THUẾ`: the dashes of older documents.
    let after = tail
        .strip_prefix(". ")
        .or_else(|| spaced_dash(tail))
        .or_else(|| tail.strip_prefix("- "))
        .or_else(|| tail.strip_prefix("– "))?;
    if !after.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(Label {
        style: NumberStyle::UpperLetter,
        label: first.to_string(),
        number: Some(number),
        depth: 0,
        rest: text.len() - after.len(),
    })
}

/// `compound`: `I.1. Chức năng`, `II. 4. MÔ TẢ`, `A.2. CÁC YÊU CẦU`: the item of a roman or
/// lettered heading numbered with the heading's numeral or letter first, read as a decimal
/// label of its own style (`II.4`, depth 2) that nests under its heading. The item's full stop is required
/// (`I.1 Mục` is no label) and its text opens with a capital.
fn compound(text: &str) -> Option<Label> {
    let bytes = text.as_bytes();
    let head_len = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let head = text.get(..head_len)?;
    if head_len == 0 || head_len > 1 && roman_value(head).is_none() {
        return None;
    }
    let mut at = head_len;
    if bytes.get(at) != Some(&b'.') {
        return None;
    }
    at += 1;
    if bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    let (tail, (parts, last, too_long)) = dotted(bytes.get(at..)?).ok()?;
    if too_long || last.len() > 2 {
        return None;
    }
    let digits_end = bytes.len() - tail.len();
    if !matches!(tail.first(), Some(b'.' | b')')) {
        return None;
    }
    let after = text.get(digits_end + 1..)?;
    let skip = usize::from(after.starts_with(' '));
    if !after[skip..].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(Label {
        style: NumberStyle::Compound,
        label: format!("{head}.{}", text.get(at..digits_end)?),
        number: Some(last.iter().fold(0, |v, &b| v * 10 + u32::from(b - b'0'))),
        depth: parts + 1,
        rest: digits_end + 1 + skip,
    })
}

/// `roman`: `I. ĐẶC ĐIỂM`, `II- KẾT QUẢ`.
fn roman(text: &str) -> Option<Label> {
    let (tail, numeral) = take_while1::<_, _, E>(is_numeral)
        .parse_complete(text)
        .ok()?;
    // The separator is checked first: `Các`, `Căn cứ` fail on it without a numeral read.
    let sep = tail.chars().next()?;
    if sep == ' ' {
        // `I - Đối tượng nộp thuế`: the dash typed with spaces around it.
        let after = spaced_dash(tail)?;
        return Some(Label {
            style: NumberStyle::RomanDash,
            label: numeral.to_owned(),
            number: Some(roman_value(numeral)?),
            depth: 0,
            rest: text.len() - after.len(),
        });
    }
    let style = match sep {
        // `II/ Những nội dung cụ thể`: the slash of older documents, a full stop's variant.
        '.' | '/' => NumberStyle::Roman,
        '-' | '–' => NumberStyle::RomanDash,
        _ => return None,
    };
    let mut after = &tail[sep.len_utf8()..];
    // `III/- HIỆN TRẠNG`: slash and dash together, a slash label.
    if sep == '/' {
        after = after.strip_prefix(['-', '–']).unwrap_or(after);
    }
    let value = roman_value(numeral)?;
    // `III.PHÂN TÍCH TÀI CHÍNH`, `III-TÌNH HÌNH TĂNG GIẢM TSCĐ:`: the space after the full stop
    // or the dash left out before a heading in capitals. Only a small numeral and a word of
    // capitals: `C.Mác`, `V.I.Lênin` are names; after a dash the whole heading is in capitals
    // (`X-quang` is a word).
    let glued_capitals = value <= GLUED_ROMAN_MAX
        && opens_capital_word(after)
        && match sep {
            '.' => true,
            '-' | '–' => !after.chars().any(char::is_lowercase),
            _ => false,
        };
    let skip = if glued_capitals {
        0
    } else {
        after_label(after)?
    };
    Some(Label {
        style,
        label: numeral.to_owned(),
        number: Some(value),
        depth: 0,
        rest: text.len() - after.len() + skip,
    })
}

/// ` - ` or ` – ` before a capital (`I - Đối tượng`, `2 – Xây dựng`, `I -Triển vọng`): the dash
/// of a label typed with a space before it, as older documents did. Only before a capital:
/// `1 - 2 ngày` is a range. The text after the separator.
fn spaced_dash(tail: &str) -> Option<&str> {
    let after = tail.strip_prefix(' ')?.strip_prefix(['-', '–'])?;
    let text = after.trim_start_matches(' ');
    text.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(text)
}

/// What [`dotted`] reads: the number of parts, the last part, whether a part is too long.
type Dotted<'a> = (usize, &'a [u8], bool);

/// `digit+ ('.' digit+)*`: the number of parts, the last part, and whether a part is too long
/// for a label (the first more than two digits, another more than three). Read as bytes: the
/// digits and the dot are ASCII, and the text is cut only after them.
fn dotted(i: &[u8]) -> IResult<&[u8], Dotted<'_>, nom::error::Error<&[u8]>> {
    let (i, first) = digit1(i)?;
    fold_many0(
        preceded(char('.'), digit1),
        move || (1, first, first.len() > 2),
        |(parts, _, long), part: &[u8]| (parts + 1, part, long || part.len() > 3),
    )
    .parse_complete(i)
}

/// `arabic` or `decimal`: `3. Thực hiện`, `5- Nội dung`, `1.1. Cải cách`, `3.2 Tinh giản`.
fn arabic_or_decimal(text: &str) -> Option<Label> {
    let (tail, (parts, last, too_long)) = dotted(text.as_bytes()).ok()?;
    if too_long {
        return None;
    }
    let (digits, tail) = text.split_at_checked(text.len() - tail.len())?;
    if parts == 1 && tail.starts_with(|c: char| c.is_ascii_lowercase()) {
        return legend(text, digits.len(), last);
    }
    // At most three digits, which `u32` holds.
    let number = last.iter().fold(0, |v, &b| v * 10 + u32::from(b - b'0'));
    let sep_char = tail.chars().next();
    if parts == 1 && sep_char == Some(' ') {
        let after = spaced_dash(tail)?;
        return Some(Label {
            style: NumberStyle::ArabicDash,
            label: digits.to_owned(),
            number: Some(number),
            depth: 0,
            rest: text.len() - after.len(),
        });
    }
    let (style, sep) = match (parts, sep_char) {
        (1, Some('.' | ')')) => (NumberStyle::Arabic, 1),
        (1, Some(c @ ('-' | '–'))) => (NumberStyle::ArabicDash, c.len_utf8()),
        (_, Some('.' | ')')) => (NumberStyle::Decimal, 1),
        (_, Some(' ')) if parts > 1 => (NumberStyle::Decimal, 0),
        _ => return None,
    };
    let after = &tail[sep..];
    // `1.Sổ kế toán`, `13.1.Tình hình`: the space after the full stop left out before a capital.
    let glued_capital = matches!(style, NumberStyle::Arabic | NumberStyle::Decimal)
        && tail.starts_with('.')
        && after.chars().next().is_some_and(char::is_uppercase);
    let skip = if glued_capital {
        0
    } else {
        after_label(after)?
    };
    if style == NumberStyle::Arabic && after.trim_start().is_empty() {
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
    let depth = if style == NumberStyle::Decimal {
        parts
    } else {
        0
    };
    Some(Label {
        style,
        label: digits.to_owned(),
        number: Some(number),
        depth,
        rest: text.len() - tail.len() + sep + skip,
    })
}

/// `legend`: `5a. Tên loại văn bản`, `7a, 7b, 7c. Quyền hạn …`: the entries of a legend (the
/// notes under a layout diagram), numbered with letters for the variants of one item. The label
/// is written as it stands; its number is the item's.
fn legend(text: &str, digits: usize, number: &[u8]) -> Option<Label> {
    let bytes = text.as_bytes();
    // One `digit+ letter` after another, separated by `, `, up to the full stop.
    let mut at = digits + 1;
    loop {
        match bytes.get(at) {
            Some(b'.') => break,
            Some(b',') => {
                at += 1;
                while bytes.get(at) == Some(&b' ') {
                    at += 1;
                }
                let start = at;
                while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                }
                if at == start
                    || at - start > 2
                    || !bytes.get(at).is_some_and(u8::is_ascii_lowercase)
                {
                    return None;
                }
                at += 1;
            }
            _ => return None,
        }
    }
    let after = text.get(at + 1..)?.strip_prefix(' ')?;
    if !after.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(Label {
        style: NumberStyle::Arabic,
        label: text.get(..at)?.to_owned(),
        number: Some(number.iter().fold(0, |v, &b| v * 10 + u32::from(b - b'0'))),
        depth: 0,
        rest: at + 2,
    })
}

/// `letter`: `a) Điểm`, `đ. Mục tiêu`.
fn letter(text: &str, first: char) -> Option<Label> {
    // The separator is read first, as a byte: most lines that start in lower case (a sentence
    // going on) fail on it before the letter is looked up.
    let sep_at = first.len_utf8();
    let sep = *text.as_bytes().get(sep_at)?;
    if !matches!(sep, b')' | b'.') || !first.is_lowercase() {
        return None;
    }
    let value = letter_value(first)?;
    let after = text.get(sep_at + 1..)?;
    let ok = if sep == b')' {
        after_label(after).is_some()
    } else {
        // `a.` only before a capitalized word: `a. Mục tiêu`, never `a.m.`.
        after
            .strip_prefix(' ')
            .is_some_and(|a| a.chars().next().is_some_and(char::is_uppercase))
    };
    ok.then(|| Label {
        style: NumberStyle::Letter,
        label: first.to_string(),
        number: Some(value),
        depth: 0,
        rest: (sep_at + 2).min(text.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(text: &str) -> Option<(NumberStyle, String, Option<u32>, &str)> {
        label(text).map(|l| (l.style, l.label, l.number, &text[l.rest..]))
    }

    #[test]
    fn labels() {
        use NumberStyle::*;
        assert_eq!(
            lab("I. ĐẶC ĐIỂM"),
            Some((Roman, "I".into(), Some(1), "ĐẶC ĐIỂM"))
        );
        assert_eq!(
            lab("IV. ĐÁNH GIÁ"),
            Some((Roman, "IV".into(), Some(4), "ĐÁNH GIÁ"))
        );
        assert_eq!(
            lab("II- KẾT QUẢ"),
            Some((RomanDash, "II".into(), Some(2), "KẾT QUẢ"))
        );
        assert_eq!(
            lab("3. Thực hiện"),
            Some((Arabic, "3".into(), Some(3), "Thực hiện"))
        );
        assert_eq!(
            lab("1.1. Cải cách"),
            Some((Decimal, "1.1".into(), Some(1), "Cải cách"))
        );
        assert_eq!(
            lab("3.2 Tinh giản"),
            Some((Decimal, "3.2".into(), Some(2), "Tinh giản"))
        );
        assert_eq!(lab("đ) Điểm"), Some((Letter, "đ".into(), Some(5), "Điểm")));
        assert_eq!(
            lab("Điều 1. Phạm vi"),
            Some((Article, "Điều 1".into(), Some(1), "Phạm vi"))
        );
        assert_eq!(lab("PHẦN I"), Some((Part, "Phần I".into(), Some(1), "")));
        assert_eq!(
            lab("Phần thứ hai"),
            Some((Part, "Phần thứ hai".into(), Some(2), ""))
        );
        assert_eq!(
            lab("Chương II. QUY ĐỊNH CHUNG"),
            Some((Chapter, "Chương II".into(), Some(2), "QUY ĐỊNH CHUNG"))
        );
        assert_eq!(lab("Mục 2"), Some((Division, "Mục 2".into(), Some(2), "")));
        assert_eq!(
            lab("Mục đích, yêu cầu"),
            None,
            "Mục đích is a word, not a label"
        );
        assert_eq!(lab("Điều 3 của Luật"), None, "Điều needs its full stop");
        assert_eq!(lab("2020. Năm"), None);
        assert_eq!(lab("V/v góp ý"), None);
        assert_eq!(lab("IIV. X"), None);
        assert_eq!(lab("Ủy ban"), None);
        assert_eq!(
            lab("1.2.3. Tiêu đề"),
            Some((Decimal, "1.2.3".into(), Some(3), "Tiêu đề"))
        );
        assert_eq!(label("1.2.3. X").map(|l| l.depth), Some(3));
        assert_eq!(lab("1.a Mục"), None);
        assert_eq!(lab("1..2 Mục"), None);
        assert_eq!(lab("2.1."), Some((Decimal, "2.1".into(), Some(1), "")));
        assert_eq!(
            lab("1.1.1.1.1.1.1.1 Sâu"),
            Some((Decimal, "1.1.1.1.1.1.1.1".into(), Some(1), "Sâu"))
        );
        assert_eq!(lab("1234. Năm"), None);
        assert_eq!(lab("5"), None);
        assert_eq!(lab("1.5 triệu đồng"), None, "a decimal figure, not a label");
        assert_eq!(lab("2.594 hồ sơ"), None, "a thousands figure, not a label");
    }

    #[test]
    fn roman_values_read_canonical_numerals_only() {
        for n in 1..=800 {
            let r = to_roman(n);
            let want = (r.len() <= 8).then_some(n);
            assert_eq!(roman_value(&r), want, "{r}");
        }
        for bad in [
            "",
            "IIII",
            "IIV",
            "VX",
            "IC",
            "XM",
            "Ca",
            "CCCCCCCCC",
            "I I",
            "Ⅳ",
        ] {
            assert_eq!(roman_value(bad), None, "{bad}");
        }
        assert_eq!(lab("Các cơ quan"), None);
        assert_eq!(
            lab("C. Nội dung"),
            Some((NumberStyle::Roman, "C".into(), Some(100), "Nội dung"))
        );
        assert_eq!(
            lab("TIỂU MỤC 2. Tên"),
            Some((
                NumberStyle::Subdivision,
                "Tiểu mục 2".into(),
                Some(2),
                "Tên"
            ))
        );
    }

    #[test]
    fn keyword_heads_are_the_keywords_first_bytes() {
        for ((word, _), head) in KEYWORDS.iter().zip(KEYWORD_HEADS) {
            assert_eq!(word.as_bytes().get(..3), Some(&head[..]), "{word}");
        }
    }

    /// [`label`] without its gates: every keyword tried whatever the line's first bytes.
    fn plain(text: &str) -> Option<Label> {
        let first = text.chars().next()?;
        KEYWORDS
            .iter()
            .find_map(|&(word, style)| keyword(text, word, style))
            .or_else(|| numbered(text, first))
    }

    /// `style label number|rest` of a label, or `-`.
    fn shown(text: &str) -> String {
        label(text).map_or_else(
            || "-".to_owned(),
            |l| {
                format!(
                    "{:?} {} {:?}|{}",
                    l.style,
                    l.label,
                    l.number,
                    &text[l.rest..]
                )
            },
        )
    }

    #[test]
    fn headings_as_documents_write_them() {
        let cases = [
            (
                "Phần thứ nhất. QUY ĐỊNH CHUNG",
                "Part Phần thứ nhất Some(1)|QUY ĐỊNH CHUNG",
            ),
            ("PHẦN THỨ HAI", "-"),
            (
                "CHƯƠNG III – QUY ĐỊNH CHUNG",
                "Chapter Chương III Some(3)|– QUY ĐỊNH CHUNG",
            ),
            ("Mục 2. Tên mục", "Division Mục 2 Some(2)|Tên mục"),
            ("Điều 3: Hiệu lực", "Article Điều 3 Some(3)|Hiệu lực"),
            (
                "ĐIỀU 12. Trách nhiệm",
                "Article Điều 12 Some(12)|Trách nhiệm",
            ),
            ("Điều 5.Thi hành", "-"),
            (
                "Điều17: Xử lý vi phạm",
                "Article Điều 17 Some(17)|Xử lý vi phạm",
            ),
            ("Điều 32 . Hiệu lực", "Article Điều 32 Some(32)|Hiệu lực"),
            ("Điều17", "-"),
            ("Điều 3 của Luật", "-"),
            (
                "II/ Những nội dung cụ thể",
                "Roman II Some(2)|Những nội dung cụ thể",
            ),
            ("V/v cử cán bộ", "-"),
            ("1.Sổ kế toán", "Arabic 1 Some(1)|Sổ kế toán"),
            ("13.1.Tình hình", "Decimal 13.1 Some(1)|Tình hình"),
            ("III.PHÂN TÍCH", "Roman III Some(3)|PHÂN TÍCH"),
            ("V.KẾT NỐI", "Roman V Some(5)|KẾT NỐI"),
            ("V.Lênin", "-"),
            ("C.MÁC", "-"),
            ("I.I", "-"),
            ("1.5 triệu đồng", "-"),
            ("2.sổ", "-"),
            ("5- Nội dung", "ArabicDash 5 Some(5)|Nội dung"),
            ("2 – Xây dựng", "ArabicDash 2 Some(2)|Xây dựng"),
            ("1 - 2 ngày", "-"),
            ("3 - phụ cấp", "-"),
            ("I - Đối tượng", "RomanDash I Some(1)|Đối tượng"),
            ("IV -  Quyết toán", "RomanDash IV Some(4)|Quyết toán"),
            ("III/- HIỆN TRẠNG", "Roman III Some(3)|HIỆN TRẠNG"),
            (
                "III-TÌNH HÌNH TĂNG GIẢM TSCĐ:",
                "RomanDash III Some(3)|TÌNH HÌNH TĂNG GIẢM TSCĐ:",
            ),
            ("IV-TÌNH hình vốn", "-"),
            ("X-quang", "-"),
            ("CV-UBND", "-"),
            ("I - và", "-"),
            ("I -Triển vọng", "RomanDash I Some(1)|Triển vọng"),
            ("V - 3", "-"),
            ("12) Tên", "Arabic 12 Some(12)|Tên"),
            ("3.", "-"),
            ("2.1) Khoản", "Decimal 2.1 Some(1)|Khoản"),
            ("a) thực hiện", "Letter a Some(1)|thực hiện"),
            ("g) Nhiệm vụ", "Letter g Some(7)|Nhiệm vụ"),
            ("f) Sai", "-"),
            ("a.m. giờ", "-"),
            ("a. mục tiêu", "-"),
            ("b)", "Letter b Some(2)|"),
            ("II– TỒN TẠI", "RomanDash II Some(2)|TỒN TẠI"),
            ("XI. KIẾN NGHỊ", "Roman XI Some(11)|KIẾN NGHỊ"),
            ("I.1 Mục", "-"),
            ("I.1. Chức năng", "Compound I.1 Some(1)|Chức năng"),
            ("II. 4. MÔ TẢ SƠ ĐỒ", "Compound II.4 Some(4)|MÔ TẢ SƠ ĐỒ"),
            ("A.2. CÁC YÊU CẦU", "Compound A.2 Some(2)|CÁC YÊU CẦU"),
            ("IV.1.2) Mạng", "Compound IV.1.2 Some(2)|Mạng"),
            ("I.1. chức năng", "-"),
            ("IIV.1. Sai", "-"),
            ("Căn cứ Luật", "-"),
            ("Chương trình công tác", "-"),
            ("5a. Tên loại văn bản", "Arabic 5a Some(5)|Tên loại văn bản"),
            (
                "7a, 7b, 7c. Quyền hạn",
                "Arabic 7a, 7b, 7c Some(7)|Quyền hạn",
            ),
            ("18a,18b. Chức vụ", "Arabic 18a,18b Some(18)|Chức vụ"),
            ("5a. tên", "-"),
            ("5ab. Tên", "-"),
            ("5a, b. Tên", "-"),
            ("3a", "-"),
            ("A. SỰ CẦN THIẾT", "UpperLetter A Some(1)|SỰ CẦN THIẾT"),
            ("B. Phương án", "UpperLetter B Some(2)|Phương án"),
            ("C. Nội dung", "Roman C Some(100)|Nội dung"),
            ("A. sai", "-"),
            ("B - CĂN CỨ", "UpperLetter B Some(2)|CĂN CỨ"),
            ("C - ĐĂNG KÝ", "RomanDash C Some(100)|ĐĂNG KÝ"),
            ("B - tên", "-"),
            ("D- MIỄN THUẾ", "UpperLetter D Some(4)|MIỄN THUẾ"),
            ("Đ - MIỄN THUẾ", "UpperLetter Đ Some(5)|MIỄN THUẾ"),
            ("E - HOÀN THUẾ", "UpperLetter E Some(6)|HOÀN THUẾ"),
            ("G. XỬ LÝ", "UpperLetter G Some(7)|XỬ LÝ"),
            ("F. Sai", "-"),
            ("A.B. Tên", "-"),
            ("UBND tỉnh", "-"),
        ];
        for (text, want) in cases {
            assert_eq!(shown(text), want, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(4_000, 0x006C_6162_656C))]

        /// The byte gates rule out no line that a keyword opens: texts glued from label pieces
        /// read as without them.
        #[test]
        fn the_gates_change_no_answer(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "PHẦN", "Phần", "CHƯƠNG", "Chương", "TIỂU", "MỤC", "Mục", "mục", "ĐIỀU", "Điều",
                "Đ", "thứ", "hai", "I", "V", "X", "L", "C", "a", "đ", "ư", "Ủ", "1", "2", "12",
                ".", ")", "-", "–", ":", " ", "  ", "x", "Ệ", "123", "0", "P", "Ph", "Ch",
            ]), 0..8)
        ) {
            let t = pieces.concat();
            proptest::prop_assert_eq!(label(&t), plain(&t), "{:?}", t);
        }
    }
}
