//! The grammars of the tokens every layer above reads: document numbers ([`number`]), written
//! dates ([`date`]), numbering labels ([`label`]), signing authority prefixes ([`authority`]),
//! the `Kính gửi:` opening and its items ([`addressee`]), recipient items ([`recipient`]) and
//! the archive line ([`archive`]). The zones, citations and the validator call these; nothing
//! else spells a token.
//!
//! All functions take cleaned, NFC text and never panic. Leaf parsers come from
//! `nom::*::complete` only (streaming parsers would ask for more input at the end of a line).

pub(crate) mod addressee;
pub(crate) mod archive;
pub(crate) mod authority;
pub(crate) mod date;
pub(crate) mod label;
pub(crate) mod number;
pub(crate) mod recipient;

pub(crate) use crate::text::kernels::FirstPairs;
pub(crate) use addressee::*;
pub(crate) use archive::archive;
pub(crate) use authority::*;
pub(crate) use date::*;
pub(crate) use label::*;
pub(crate) use number::*;
pub(crate) use recipient::*;

#[cfg(test)]
mod tests {
    use super::*;

    /// `number|year|type|issuer|system` of a parsed reference, `-` for a missing part.
    fn num(text: &str) -> Option<String> {
        let n = reference(text)?;
        let part = |p: Option<String>| p.unwrap_or_else(|| "-".to_owned());
        Some(format!(
            "{}|{}|{}|{}|{:?}",
            part(n.number),
            part(n.year.map(|y| y.to_string())),
            part(n.type_code),
            part(n.issuer_code),
            n.system
        ))
    }

    #[test]
    fn day_word_is_the_first_lower_case_one_else_the_first_capital() {
        let oracle = |t: &str| t.find("ngày").or_else(|| t.find("Ngày"));
        for t in [
            "Hà Nội, ngày 5 tháng 6 năm 2020",
            "Ngày 5 tháng 6 năm 2020",
            "Ngày ký: Hà Nội, ngày 5 tháng 6",
            "gày ngay Ngay ngày",
            "NgàyNgày",
            "không có",
            "",
            "ày gày",
        ] {
            assert_eq!(day_word(t), oracle(t), "{t:?}");
        }
    }

    #[test]
    fn state_numbers() {
        let cases = [
            ("Số: /BC-SLĐTBXH", "-|-|BC|SLĐTBXH|State"),
            ("Số:      /BC-UBND", "-|-|BC|UBND|State"),
            ("Số: 12/BC-UBND", "12|-|BC|UBND|State"),
            ("Số: 29/QĐ-UBND-TL", "29|-|QĐ|UBND-TL|State"),
            ("Số: 456/SNV-TCBC", "456|-|-|SNV-TCBC|State"),
            ("Số: 16/2019/QĐ-UBND", "16|2019|QĐ|UBND|State"),
            ("Luật số: 80/2015/QH13", "80|2015|-|QH13|State"),
            ("Số: 44 /2005/QĐ-UBND", "44|2005|QĐ|UBND|State"),
            ("Số: 3027/QĐUBND", "3027|-|QĐ|UBND|State"),
            ("Số: 12/TTr-SNV", "12|-|TTr|SNV|State"),
        ];
        for (text, want) in cases {
            assert_eq!(num(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn party_numbers() {
        assert_eq!(num("Số 45-BC/ĐU").as_deref(), Some("45|-|BC|ĐU|Party"));
        assert_eq!(num("Số: 36-HD/VPTW").as_deref(), Some("36|-|HD|VPTW|Party"));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(reference("Số lượng cán bộ"), None);
        assert_eq!(reference("Số liệu: 12 người"), None);
        assert_eq!(reference("Sở Nội vụ"), None);
    }

    #[test]
    fn dates() {
        let pd = place_date("Đồng Tháp, ngày tháng 11 năm 2020").expect("draft date");
        assert_eq!(
            (pd.place.as_deref(), pd.day, pd.month, pd.year),
            (Some("Đồng Tháp"), None, Some(11), Some(2020))
        );
        let pd = place_date("Hà Nội, ngày 05 tháng 3 năm 2020").expect("date");
        assert_eq!((pd.day, pd.month, pd.year), (Some(5), Some(3), Some(2020)));
        let pd = place_date("…, ngày …… tháng …… năm ……").expect("template");
        assert_eq!(
            (pd.place, pd.day, pd.month, pd.year),
            (None, None, None, None)
        );
        assert_eq!(place_date("ngày làm việc"), None);
    }
}
