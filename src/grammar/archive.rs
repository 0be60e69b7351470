//! The archive line that ends a `Nơi nhận:` list: `- Lưu: VT, TCCB (02).`, or the Party's
//! `- Lưu Văn phòng Đảng ủy.`
//!
//! ```text
//! archive ::= mark* ws* keeper ( ws* ':' parts | ws+ capital parts | ε )
//! keeper  ::= 'Lưu' | 'LƯU'
//! mark    ::= '-' | '+' | '•' | '*' | '–' | ' '
//! parts   ::= part ( ',' part )* ( '.' | ';' | ' ' )*
//! part    ::= ( [^,(] | '(' [^)]* ')' )*        ; `KT(Thủy, Nho)` is one part
//! ```
//! A part is trimmed; empty parts are dropped. Without a colon the keeper must be followed by a
//! capitalized name (the Party form), so `Lưu trữ hồ sơ` is no archive line.
//!
//! References: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.9 (nơi nhận, `Lưu: VT, …`);
//! Hướng dẫn 36-HD/VPTW (`Lưu Văn phòng …`).

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::{IResult, Parser};

use super::number::E;
use crate::tables;

/// The marks a recipient or archive item may open with (before white space is trimmed).
pub(crate) const ITEM_MARKS: [char; 6] = ['-', '+', '•', '*', '–', ' '];

/// `keeper`: the word the archive line opens with.
fn keeper(i: &str) -> IResult<&str, &str, E<'_>> {
    alt((tag(tables::ARCHIVE_WORD), tag(tables::ARCHIVE_WORD_UPPER))).parse_complete(i)
}

/// The parts of an archive line: `Lưu: VT, TC` → `["VT", "TC"]`; `Lưu Văn phòng Đảng ủy`.
pub fn archive(text: &str) -> Option<Vec<String>> {
    // Asked of every recipient item, which is rarely the archive line: past the leading ASCII
    // marks, an ASCII graphic byte other than `L` is where the trimmed line starts (the other
    // marks and the white space `trim` removes are not ASCII graphic), and no keeper starts
    // there. Other bytes go the whole way.
    let lead = text
        .bytes()
        .find(|b| !matches!(b, b'-' | b'+' | b'*' | b' '));
    if lead.is_some_and(|b| b.is_ascii_graphic() && b != b'L') {
        return None;
    }
    read(text)
}

/// [`archive`] past its first-byte gate.
fn read(text: &str) -> Option<Vec<String>> {
    let s = text.trim_start_matches(ITEM_MARKS).trim();
    let (rest, _) = keeper(s).ok()?;
    let body = rest.trim_start();
    let party = rest.starts_with(' ') && body.chars().next().is_some_and(char::is_uppercase);
    if !rest.is_empty() && !body.starts_with(':') && !party {
        return None;
    }
    Some(archive_parts(rest.trim_start_matches([':', ' '])))
}

/// The parts of an archive line past its keeper, or of a line that goes on with it
/// (`TCT (HC, NV3).` under `- Lưu: VP (TH, HC),`): split at the commas outside brackets.
pub fn archive_parts(parts: &str) -> Vec<String> {
    split_parts(parts.trim_end_matches(['.', ';', ' ']))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `parts` cut at the commas outside brackets: the typist's initials in brackets after a unit
/// (`KT(Thủy, Nho)`) stay with it.
fn split_parts(parts: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    parts.split(move |c: char| {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        c == ',' && depth == 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(parts: &[&str]) -> Option<Vec<String>> {
        Some(parts.iter().map(|&p| p.to_owned()).collect())
    }

    #[test]
    fn initials_in_brackets_stay_with_their_unit() {
        assert_eq!(
            archive("- Lưu: VT, KT(Thủy, Nho)."),
            owned(&["VT", "KT(Thủy, Nho)"])
        );
        assert_eq!(archive("- Lưu: VT, TH (2b)"), owned(&["VT", "TH (2b)"]));
    }

    #[test]
    fn state_form() {
        assert_eq!(archive("- Lưu: VT, TC"), owned(&["VT", "TC"]));
        assert_eq!(
            archive("- Lưu: VT, TCCB (02)."),
            owned(&["VT", "TCCB (02)"])
        );
        assert_eq!(
            archive("Lưu VT, NC."),
            owned(&["VT", "NC"]),
            "a capital after the keeper"
        );
        assert_eq!(archive("-Lưu : VT;"), owned(&["VT"]));
        assert_eq!(archive("- LƯU: VT, P.KT."), owned(&["VT", "P.KT"]));
        assert_eq!(
            archive("• Lưu: VT,, HC"),
            owned(&["VT", "HC"]),
            "empty part dropped"
        );
        assert_eq!(archive("- Lưu"), owned(&[]), "the keeper alone");
    }

    #[test]
    fn party_form() {
        assert_eq!(
            archive("- Lưu Văn phòng Đảng ủy."),
            owned(&["Văn phòng Đảng ủy"])
        );
        assert_eq!(archive("- Lưu trữ hồ sơ"), None);
        assert_eq!(archive("- Lưu hồ sơ"), None);
    }

    #[test]
    fn other_items_are_no_archive() {
        for text in [
            "- Như trên;",
            "- UBND các huyện (để b/c);",
            "L",
            "",
            "Lư",
            "2. Lưu: VT",
        ] {
            assert_eq!(archive(text), None, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(4_000, 0x0000_6172_6368))]

        /// The first-byte gate rules out no archive line.
        #[test]
        fn the_gate_changes_no_answer(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "-", "+", "*", "•", "–", " ", "\t", "\u{2003}", "\u{85}", "L", "Lưu", "LƯU", ":",
                "VT", ",", ".", ";", "Văn phòng", "trữ", "x", "1",
            ]), 0..8)
        ) {
            let t = pieces.concat();
            proptest::prop_assert_eq!(archive(&t), read(&t), "{:?}", t);
        }
    }
}
