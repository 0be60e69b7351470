//! The grammars of the tokens every layer above reads: document numbers ([`number`]), written
//! dates ([`date`]), numbering labels ([`label`]) and signing authority prefixes
//! ([`authority`]). Header, citations and the validator call these; nothing else spells a token.
//!
//! All functions take cleaned, NFC text and never panic. Leaf parsers come from
//! `nom::*::complete` only (streaming parsers would ask for more input at the end of a line).

pub(crate) mod authority;
pub(crate) mod date;
pub(crate) mod label;
pub(crate) mod number;

pub(crate) use crate::text::kernels::FirstPairs;
pub(crate) use authority::*;
pub(crate) use date::*;
pub(crate) use label::*;
pub(crate) use number::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AuthorityMode, NumberStyle};
    use label::old;

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

    /// Every line of the oracle texts and each of its suffixes after a space.
    fn corpus_lines() -> Vec<String> {
        let mut out = Vec::new();
        for (_, text) in crate::oracle::texts() {
            for line in text.lines() {
                let line = line.trim();
                out.push(line.to_owned());
                for (at, _) in line.match_indices(' ') {
                    out.push(line[at + 1..].to_owned());
                }
            }
        }
        out
    }

    #[test]
    fn keyword_heads_are_the_keywords_first_bytes() {
        for ((word, _), head) in KEYWORDS.iter().zip(KEYWORD_HEADS) {
            assert_eq!(word.as_bytes().get(..3), Some(&head[..]), "{word}");
        }
    }

    #[test]
    fn label_agrees_with_the_old_reader() {
        let mut found = 0;
        let mut lines = corpus_lines();
        for head in [
            "PHẦN",
            "Phần",
            "CHƯƠNG",
            "Chương",
            "TIỂU MỤC",
            "Tiểu mục",
            "MỤC",
            "Mục",
            "ĐIỀU",
            "Điều",
            "Phần thứ",
            "I",
            "IV",
            "C",
            "Các",
            "a",
            "đ",
            "y",
            "z",
            "ư",
            "1",
            "1.2",
        ] {
            for tail in [
                "",
                " ",
                " 2",
                " 2.",
                " II",
                " II. X",
                ". X",
                ") x",
                ".x",
                "- X",
                "– X",
                " thứ hai",
                " thứ nhất.",
                " 3: A",
                " 1.5 triệu",
                ". ",
                ")",
                ".",
            ] {
                lines.push(format!("{head}{tail}"));
            }
        }
        for t in &lines {
            let new = label(t);
            assert_eq!(new, old::old_label(t), "{t:?}");
            found += usize::from(new.is_some());
        }
        assert!(found > 200, "{found} labels");
    }

    proptest::proptest! {
        #![proptest_config(crate::oracle::config(4_000, 0x006C_6162_656C))]

        /// Texts glued from label pieces: the same label as the old reader.
        #[test]
        fn label_agrees_on_generated_texts(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "PHẦN", "Phần", "CHƯƠNG", "Chương", "TIỂU", "MỤC", "Mục", "mục", "ĐIỀU", "Điều",
                "Đ", "thứ", "hai", "I", "V", "X", "L", "C", "a", "đ", "ư", "Ủ", "1", "2", "12",
                ".", ")", "-", "–", ":", " ", "  ", "x", "Ệ", "123", "0",
            ]), 0..8)
        ) {
            let t = pieces.concat();
            proptest::prop_assert_eq!(label(&t), old::old_label(&t), "{:?}", t);
        }
    }

    #[test]
    fn authorities() {
        let a = authority;
        assert_eq!(
            a("KT.GIÁM ĐỐC"),
            Some((AuthorityMode::KT, "KT.", "GIÁM ĐỐC"))
        );
        assert_eq!(
            a("TM. ỦY BAN NHÂN DÂN"),
            Some((AuthorityMode::TM, "TM.", "ỦY BAN NHÂN DÂN"))
        );
        assert_eq!(
            a("T/M ĐẢNG ỦY"),
            Some((AuthorityMode::TM, "T/M", "ĐẢNG ỦY"))
        );
        assert_eq!(
            a("TUQ. BỘ TRƯỞNG"),
            Some((AuthorityMode::TUQ, "TUQ.", "BỘ TRƯỞNG"))
        );
        assert_eq!(
            a("Q. CHÁNH VĂN PHÒNG"),
            Some((AuthorityMode::Q, "Q.", "CHÁNH VĂN PHÒNG"))
        );
        assert_eq!(a("TMĐT phát triển"), None);
    }
}
