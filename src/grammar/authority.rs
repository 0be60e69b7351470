//! Signing authority prefixes at the start of a signature line: `TM. ỦY BAN NHÂN DÂN`,
//! `KT. GIÁM ĐỐC`, the Party's `T/M BAN THƯỜNG VỤ`.
//!
//! ```text
//! authority ::= prefix ws* body
//! prefix    ::= 'TUQ.' | 'TU/Q' | 'TM.' | 'T/M' | 'KT.' | 'K/T' | 'TL.' | 'T/L' | 'Q.'
//! body      ::= capital any*        ; the body or head signed for, in capitals
//! ```
//! `ws` is any white space. The prefixes are [`tables::AUTHORITY_PREFIXES`], tried in its order;
//! a capital must follow, so `TMĐT phát triển` or `Q. lý` are no authority.
//!
//! References: Nghị định 30/2020/NĐ-CP Điều 13 (thẩm quyền ký); Hướng dẫn 36-HD/VPTW (T/M, K/T).

use crate::model::AuthorityMode;
use crate::tables;

use crate::text::kernels::{self, FirstPairs};

/// An authority prefix at the start of `text`: the mode, the prefix as written and the rest.
pub fn authority(text: &str) -> Option<(AuthorityMode, &str, &str)> {
    // Asked of every body line (the closing may start on any of them). The prefixes' first
    // bytes, a small table, rule out most lines; their first two bytes then rule out those that
    // start with `T` or `K` in a word (`Trong`, `Kết quả`), before any prefix is compared. Only
    // the prefixes with the line's first byte are tried.
    static FIRST_BYTES: [bool; 256] = kernels::first_bytes_of_keys(tables::AUTHORITY_PREFIXES);
    static FIRST_PAIRS: FirstPairs = FirstPairs::of_keys(tables::AUTHORITY_PREFIXES);
    let first = text.as_bytes().first();
    if !first.is_some_and(|&b| FIRST_BYTES[usize::from(b)]) || !FIRST_PAIRS.may_open(text) {
        return None;
    }
    tables::AUTHORITY_PREFIXES
        .iter()
        .filter(|(prefix, _)| prefix.as_bytes().first() == first)
        .find_map(|&(prefix, mode)| after_prefix(text, prefix, mode))
}

/// `prefix ws* body` with this one prefix.
fn after_prefix<'a>(
    text: &'a str,
    prefix: &'static str,
    mode: AuthorityMode,
) -> Option<(AuthorityMode, &'static str, &'a str)> {
    let body = text.strip_prefix(prefix)?.trim_start();
    body.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some((mode, prefix, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`authority`] without its byte gate: every prefix tried in the table's order.
    fn plain(text: &str) -> Option<(AuthorityMode, &'static str, &str)> {
        tables::AUTHORITY_PREFIXES
            .iter()
            .find_map(|&(prefix, mode)| after_prefix(text, prefix, mode))
    }

    #[test]
    fn state_and_party_prefixes() {
        let cases = [
            ("KT.GIÁM ĐỐC", Some((AuthorityMode::KT, "KT.", "GIÁM ĐỐC"))),
            (
                "TM. ỦY BAN NHÂN DÂN",
                Some((AuthorityMode::TM, "TM.", "ỦY BAN NHÂN DÂN")),
            ),
            ("T/M ĐẢNG ỦY", Some((AuthorityMode::TM, "T/M", "ĐẢNG ỦY"))),
            ("K/T BÍ THƯ", Some((AuthorityMode::KT, "K/T", "BÍ THƯ"))),
            (
                "TUQ. BỘ TRƯỞNG",
                Some((AuthorityMode::TUQ, "TUQ.", "BỘ TRƯỞNG")),
            ),
            (
                "TL.  CHỦ TỊCH",
                Some((AuthorityMode::TL, "TL.", "CHỦ TỊCH")),
            ),
            (
                "Q. CHÁNH VĂN PHÒNG",
                Some((AuthorityMode::Q, "Q.", "CHÁNH VĂN PHÒNG")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(authority(text), want, "{text}");
        }
    }

    #[test]
    fn words_and_lower_case_bodies_are_no_authority() {
        for text in [
            "TMĐT phát triển",
            "Trong năm 2024",
            "KT. giám đốc",
            "Q. lý",
            "TM.",
            "TM. ",
            "Kết quả",
            "T",
            "",
        ] {
            assert_eq!(authority(text), None, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(4_000, 0x0000_6175_7468))]

        /// The byte gate rules out no line that a prefix opens.
        #[test]
        fn the_gate_changes_no_answer(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "T", "M", "K", "L", "Q", "U", ".", "/", " ", "\t", "\u{a0}", "ỦY BAN", "GIÁM",
                "giám", "Đ", "x", "TM.", "T/M", "TUQ.", "Q.",
            ]), 0..6)
        ) {
            let t = pieces.concat();
            proptest::prop_assert_eq!(authority(&t), plain(&t), "{:?}", t);
        }
    }
}
