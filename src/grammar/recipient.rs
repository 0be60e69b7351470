//! One item of a `Nơi nhận:` list: `- Như trên;`, `- 02 Đoàn thể;`, `- UBND các huyện (để b/c);`.
//!
//! ```text
//! recipient ::= mark* ws* count? name note? end*
//! mark      ::= '-' | '+' | '•' | '*' | '–' | ' '
//! count     ::= digit{1,3} ' ' &letter          ; `02 Đoàn thể`: two copies
//! note      ::= '(' any* ')'                     ; the last parenthesis, closing the item
//! end       ::= ';' | '.' | ',' | ' '
//! ```
//! The name is what is left, trimmed. A note needs a name before it: `(để b/c)` alone is a name.
//! The archive line (`- Lưu: VT, …`) has the same marks; [`mod@super::archive`] tells it apart.
//!
//! References: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.9 (nơi nhận).

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, satisfy};
use nom::combinator::peek;
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::archive::ITEM_MARKS;
use super::number::E;
use crate::model::{Recipient, Span};
use crate::text::chars;

/// `count`: up to three digits, a space, and a letter after it (not consumed).
fn count(i: &str) -> IResult<&str, &str, E<'_>> {
    terminated(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        (char(' '), peek(satisfy(chars::is_alphabetic))),
    )
    .parse_complete(i)
}

/// Splits a recipient item into name, count and note; `line` is its line number.
pub fn recipient(text: &str, line: usize) -> Recipient {
    let s = text.trim_start_matches(ITEM_MARKS).trim();
    let s = s.trim_end_matches([';', '.', ',', ' ']).trim();
    // The note's `(` is looked for only in an item that ends with `)`.
    let (mut name, note) = match s.ends_with(')').then(|| s.rfind('(')).flatten() {
        Some(open) if open > 0 => (
            s[..open].trim(),
            Some(s[open + 1..s.len() - 1].trim().to_owned()),
        ),
        _ => (s, None),
    };
    let mut copies = None;
    if let Ok((rest, digits)) = count(name) {
        copies = digits.parse().ok();
        name = rest.trim();
    }
    Recipient {
        name: name.to_owned(),
        count: copies,
        note,
        line,
        span: Span::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name|count|note` of an item, `-` for a missing part.
    fn item(text: &str) -> String {
        let r = recipient(text, 1);
        let count = r.count.map_or_else(|| "-".to_owned(), |c| c.to_string());
        format!("{}|{count}|{}", r.name, r.note.as_deref().unwrap_or("-"))
    }

    #[test]
    fn names_counts_and_notes() {
        let cases = [
            ("- Như trên;", "Như trên|-|-"),
            ("- UBND các huyện (để b/c);", "UBND các huyện|-|để b/c"),
            ("- BGĐ Sở (biết);", "BGĐ Sở|-|biết"),
            ("- 02 Đoàn thể;", "Đoàn thể|2|-"),
            ("+ 3 sở (biết).", "sở|3|biết"),
            ("• Thường trực Tỉnh ủy,", "Thường trực Tỉnh ủy|-|-"),
            (
                "– Các Phó Chủ tịch UBND tỉnh;",
                "Các Phó Chủ tịch UBND tỉnh|-|-",
            ),
            ("* Sở Tài chính", "Sở Tài chính|-|-"),
        ];
        for (text, want) in cases {
            assert_eq!(item(text), want, "{text}");
        }
    }

    #[test]
    fn figures_that_are_not_counts() {
        // Four digits, a digit glued to the name, or a digit before a sign stay in the name.
        assert_eq!(item("- 1234 Sở"), "1234 Sở|-|-");
        assert_eq!(item("- 02Đoàn thể;"), "02Đoàn thể|-|-");
        assert_eq!(item("- 12 - Sở"), "12 - Sở|-|-");
        assert_eq!(item("- 135"), "135|-|-");
    }

    #[test]
    fn a_parenthesis_alone_is_the_name() {
        assert_eq!(item("- (để b/c);"), "(để b/c)|-|-");
        assert_eq!(item("- Sở (Nội vụ) tỉnh;"), "Sở (Nội vụ) tỉnh|-|-");
    }
}
