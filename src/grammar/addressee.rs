//! The `Kính gửi:` line of a công văn or tờ trình, and the addressees listed under it.
//!
//! ```text
//! addressees ::= opening NL item*
//! opening    ::= 'Kính gửi' ( ':' | ' ' )* addressee?     ; one addressee on the line
//! item       ::= mark* addressee                          ; one a line, under the opening
//! addressee  ::= any+ end*
//! mark       ::= '-' | '+' | '•' | '–' | ' '
//! end        ::= ';' | '.' | ',' | ' '
//! ```
//! Which lines are items (a list marker, no gap) is the body's layout question; this module reads
//! the text of the opening and of one item.
//!
//! References: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.8 (nơi nhận: `Kính gửi`).

use nom::bytes::complete::{tag, take_while};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::number::E;
use crate::tables;

/// `'Kính gửi' (':' | ' ')*`, returning what follows.
fn opening(i: &str) -> IResult<&str, &str, E<'_>> {
    preceded(
        (
            tag(tables::ADDRESSEE_LABEL),
            take_while(|c| matches!(c, ':' | ' ')),
        ),
        nom::combinator::rest,
    )
    .parse_complete(i)
}

/// The text after `Kính gửi:` when `text` opens the block, trimmed (empty when the addressees
/// are listed on the lines under it).
pub fn addressee_opening(text: &str) -> Option<&str> {
    opening(text).ok().map(|(_, rest)| rest.trim())
}

/// One addressee as it goes into the output: list marks and the closing punctuation removed.
pub fn addressee(text: &str) -> String {
    text.trim_start_matches(['-', '+', '•', '–', ' '])
        .trim_end_matches([';', '.', ',', ' '])
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_with_or_without_an_addressee() {
        assert_eq!(
            addressee_opening("Kính gửi: Sở Tư pháp."),
            Some("Sở Tư pháp.")
        );
        assert_eq!(addressee_opening("Kính gửi:"), Some(""));
        assert_eq!(addressee_opening("Kính gửi :  "), Some(""));
        assert_eq!(
            addressee_opening("Kính gửi Ủy ban nhân dân tỉnh"),
            Some("Ủy ban nhân dân tỉnh")
        );
        assert_eq!(addressee_opening("Kính gửi"), Some(""));
        assert_eq!(addressee_opening("Kính thưa"), None);
        assert_eq!(addressee_opening("- Kính gửi: Sở"), None, "a list item");
    }

    #[test]
    fn items_lose_their_marks_and_punctuation() {
        assert_eq!(addressee("Sở Tư pháp."), "Sở Tư pháp");
        assert_eq!(
            addressee("- Các sở, ban, ngành tỉnh;"),
            "Các sở, ban, ngành tỉnh"
        );
        assert_eq!(
            addressee("+ UBND các huyện, thị xã,"),
            "UBND các huyện, thị xã"
        );
        assert_eq!(addressee("• Bộ Nội vụ"), "Bộ Nội vụ");
    }
}
