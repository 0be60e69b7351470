//! The citation reader's behaviour on the forms of real documents: [`find_citations`] as a
//! whole, numbered and named references together (they share the helpers and the seed
//! report's paragraphs), so this file runs past 800 lines of test cases rather than split
//! one document's checks across files.

use super::*;

/// `Some(text.into())`.
fn s(text: &str) -> Option<Box<str>> {
    Some(text.into())
}

/// A state citation with only its text set; tests fill in the rest.
fn base(text: &str) -> Citation {
    Citation {
        text: text.to_string(),
        kind: None,
        number: None,
        year: None,
        type_code: None,
        issuer_code: None,
        system: NumberSystem::State,
        date: None,
        issuer_name: None,
        name: None,
        id: None,
        footnote: None,
        line: 0,
    }
}

/// Checks that `input` yields exactly `expected`, in order, and that every span covers the
/// citation's text.
#[track_caller]
fn check(input: &str, expected: &[Citation]) {
    let found = find_citations(input);
    for f in &found {
        assert_eq!(
            input.get(f.start..f.end),
            Some(f.citation.text.as_str()),
            "the span of {:?} must cover its text in {input:?}",
            f.citation.text
        );
    }
    let got: Vec<&Citation> = found.iter().map(|f| &f.citation).collect();
    let want: Vec<&Citation> = expected.iter().collect();
    assert_eq!(got, want, "citations of {input:?}");
}

/// The ids of the citations of `input` (the name for a named reference), in order.
fn ids(input: &str) -> Vec<String> {
    find_citations(input)
        .into_iter()
        .filter_map(|f| f.citation.id.or(f.citation.name))
        .map(String::from)
        .collect()
}

#[test]
fn state_decision_with_kind_and_date() {
    let text = "quyết định số 91/QĐ-SLĐTBXH ngày 26/5/2020";
    check(
        &format!("được phân công tại {text} về việc phân công"),
        &[Citation {
            kind: s("quyết định"),
            number: s("91"),
            type_code: s("QĐ"),
            issuer_code: s("SLĐTBXH"),
            date: s("2020-05-26"),
            id: s("91/QĐ-SLĐTBXH"),
            ..base(text)
        }],
    );
}

#[test]
fn plan_with_padded_day() {
    let text = "Kế hoạch số 30/KH-SLĐTBXH ngày 05/3/2020";
    check(
        text,
        &[Citation {
            kind: s("kế hoạch"),
            number: s("30"),
            type_code: s("KH"),
            issuer_code: s("SLĐTBXH"),
            date: s("2020-03-05"),
            id: s("30/KH-SLĐTBXH"),
            ..base(text)
        }],
    );
}

#[test]
fn party_programme_takes_canonical_case() {
    let text = "Chương trình số 177-Ctr/TU ngày 07/8/2013 của Ban Thường vụ Tỉnh ủy";
    check(
        &format!("{text} thực hiện Nghị quyết"),
        &[Citation {
            kind: s("chương trình"),
            number: s("177"),
            type_code: s("CTr"),
            issuer_code: s("TU"),
            system: NumberSystem::Party,
            date: s("2013-08-07"),
            issuer_name: s("Ban Thường vụ Tỉnh ủy"),
            id: s("177-CTr/TU"),
            ..base(text)
        }],
    );
}

#[test]
fn decree_with_year_group() {
    let text = "Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ";
    check(
        &format!("{text} quy định chi tiết"),
        &[Citation {
            kind: s("nghị định"),
            number: s("34"),
            year: Some(2016),
            type_code: s("NĐ"),
            issuer_code: s("CP"),
            date: s("2016-05-14"),
            issuer_name: s("Chính phủ"),
            id: s("34/2016/NĐ-CP"),
            ..base(text)
        }],
    );
}

#[test]
fn directive_without_number_word_keeps_issuer_case() {
    check(
        "về thực hiện Chỉ thị 16/CT-TTg.",
        &[Citation {
            kind: s("chỉ thị"),
            number: s("16"),
            type_code: s("CT"),
            issuer_code: s("TTg"),
            id: s("16/CT-TTg"),
            ..base("Chỉ thị 16/CT-TTg")
        }],
    );
}

#[test]
fn conclusion_notice_with_comma_before_date() {
    let text = "Thông báo kết luận số 974-TB/TU, ngày 07/9/2018 của Ban Thường vụ Tỉnh ủy";
    check(
        &format!("- Thiệu quả {text} về đổi mới"),
        &[Citation {
            kind: s("thông báo kết luận"),
            number: s("974"),
            type_code: s("TB"),
            issuer_code: s("TU"),
            system: NumberSystem::Party,
            date: s("2018-09-07"),
            issuer_name: s("Ban Thường vụ Tỉnh ủy"),
            id: s("974-TB/TU"),
            ..base(text)
        }],
    );
}

#[test]
fn law_with_name_before_number() {
    let text = "Luật Ngân sách nhà nước số 83/2015/QH13";
    check(
        &format!("thực hiện theo đúng {text}."),
        &[Citation {
            kind: s("luật"),
            number: s("83"),
            year: Some(2015),
            issuer_code: s("QH13"),
            id: s("83/2015/QH13"),
            ..base(text)
        }],
    );
    assert_eq!(
        ids(
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015;"
        ),
        ["80/2015/QH13"],
        "a lower-case `luật` inside the name is not the kind"
    );
    let found = find_citations("Luật Khám bệnh, chữa bệnh số 15/2023/QH15 có hiệu lực");
    assert_eq!(
        found.len(),
        1,
        "one citation for a law with a comma in its name"
    );
    assert_eq!(found[0].start, 0, "the citation starts at `Luật`");
    assert_eq!(found[0].citation.kind, s("luật"), "the kind of a named law");
}

#[test]
fn law_named_in_lower_case_as_before_2010() {
    let found =
        find_citations("thi hành Luật khuyến khích đầu tư trong nước (sửa đổi) số 03/1998/QH10;");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].citation.kind, s("luật"), "an old-style law name");
    assert_eq!(found[0].citation.id, s("03/1998/QH10"));
    let found = find_citations("Pháp lệnh thuế nông nghiệp số 12/1999/PL-UBTVQH10 đã");
    assert_eq!(found[0].citation.kind, s("pháp lệnh"));
    // A lawyer is no law, and a decree's name stays capitalized to count.
    let found = find_citations("Đoàn Luật sư tỉnh Bình Thuận số 02/2020/ĐLS;");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].citation.kind, None, "`Luật sư` is a person");
    let found = find_citations("Nghị định thư số 12/2001/NĐT");
    assert_eq!(
        found[0].citation.kind, None,
        "a lower-case name counts for laws only"
    );
}

#[test]
fn issuer_code_with_several_groups() {
    let text = "quyết định số 29/QĐ-UBND-TL ngày 20/4/2020 của Ủy ban nhân dân Tỉnh";
    check(
        &format!("theo {text}; Sáp nhập"),
        &[Citation {
            kind: s("quyết định"),
            number: s("29"),
            type_code: s("QĐ"),
            issuer_code: s("UBND-TL"),
            date: s("2020-04-20"),
            issuer_name: s("Ủy ban nhân dân Tỉnh"),
            id: s("29/QĐ-UBND-TL"),
            ..base(text)
        }],
    );
}

#[test]
fn normative_decision_of_a_province() {
    let text = "Quyết định số 16/2019/QĐ-UBND ngày 15/8/2019 của Ủy ban nhân dân Tỉnh";
    check(
        &format!("{text} ban hành Quy định"),
        &[Citation {
            kind: s("quyết định"),
            number: s("16"),
            year: Some(2019),
            type_code: s("QĐ"),
            issuer_code: s("UBND"),
            date: s("2019-08-15"),
            issuer_name: s("Ủy ban nhân dân Tỉnh"),
            id: s("16/2019/QĐ-UBND"),
            ..base(text)
        }],
    );
}

#[test]
fn party_resolution_with_issuer_and_term() {
    let text = "Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương khóa XI";
    check(
        &format!("{text} về “Tăng cường”"),
        &[Citation {
            kind: s("nghị quyết"),
            number: s("25"),
            type_code: s("NQ"),
            issuer_code: s("TW"),
            system: NumberSystem::Party,
            issuer_name: s("Ban Chấp hành Trung ương khóa XI"),
            id: s("25-NQ/TW"),
            ..base(text)
        }],
    );
}

#[test]
fn standing_committee_resolution_has_no_type_code() {
    let text = "Nghị quyết số 351/2017/UBTVQH14";
    check(
        text,
        &[Citation {
            kind: s("nghị quyết"),
            number: s("351"),
            year: Some(2017),
            issuer_code: s("UBTVQH14"),
            id: s("351/2017/UBTVQH14"),
            ..base(text)
        }],
    );
}

#[test]
fn official_letters_have_no_type_code() {
    check(
        "Công văn số 456/SNV-TCBC",
        &[Citation {
            kind: s("công văn"),
            number: s("456"),
            issuer_code: s("SNV-TCBC"),
            id: s("456/SNV-TCBC"),
            ..base("Công văn số 456/SNV-TCBC")
        }],
    );
    check(
        "Văn bản số 3722/VPCP-CN",
        &[Citation {
            kind: s("văn bản"),
            number: s("3722"),
            issuer_code: s("VPCP-CN"),
            id: s("3722/VPCP-CN"),
            ..base("Văn bản số 3722/VPCP-CN")
        }],
    );
    let found = find_citations("Công văn số 1234/CT-TTHT của Cục Thuế");
    assert_eq!(
        found
            .first()
            .map(|f| (f.citation.type_code.clone(), f.citation.issuer_code.clone())),
        Some((None, s("CT-TTHT"))),
        "after `công văn`, `CT` is an issuer, not Chỉ thị"
    );
}

#[test]
fn long_date_form() {
    let text = "Tờ trình số 365/TTr-SNV ngày 01 tháng 11 năm 2024";
    check(
        &format!("Xét {text} của sở"),
        &[Citation {
            kind: s("tờ trình"),
            number: s("365"),
            type_code: s("TTr"),
            issuer_code: s("SNV"),
            date: s("2024-11-01"),
            id: s("365/TTr-SNV"),
            ..base(text)
        }],
    );
}

#[test]
fn date_forms() {
    let date = |input: &str| find_citations(input).pop().and_then(|f| f.citation.date);
    assert_eq!(
        date("Kế hoạch số 30/KH-UBND ngày 05/03/2020"),
        s("2020-03-05"),
        "padded"
    );
    assert_eq!(
        date("Quyết định số 596-QĐ/TU, ngày 17-6-2022"),
        s("2022-06-17"),
        "dashed, after a comma"
    );
    assert_eq!(
        date("Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2020"),
        s("2020-03-05"),
        "written out"
    );
    assert_eq!(
        date("Quyết định số 12/QĐ-UBND Ngày 29/2/2024"),
        s("2024-02-29"),
        "capitalized day word, leap day"
    );
    let found = find_citations("Quyết định số 12/QĐ-UBND ngày 31/02/2021 của Ủy ban nhân dân tỉnh");
    assert_eq!(found.len(), 1, "an impossible date keeps its citation");
    assert_eq!(found[0].citation.date, None, "31/02/2021 is no ISO date");
    assert_eq!(
        found[0].citation.issuer_name,
        s("Ủy ban nhân dân tỉnh"),
        "the issuer after an impossible date is still read"
    );
    assert_eq!(
        date("Quyết định số 12/QĐ-UBND ngày 29/2/2023"),
        None,
        "no 29 February in 2023"
    );
    assert_eq!(
        date("Quyết định số 12/QĐ-UBND ngày 5/13/2023"),
        None,
        "no month 13"
    );
    assert_eq!(
        date("Quyết định số 12/QĐ-UBND năm 2020"),
        None,
        "a year alone is no date"
    );
}

#[test]
fn issuer_name_stops() {
    let issuer = |input: &str| {
        find_citations(input)
            .pop()
            .and_then(|f| f.citation.issuer_name)
    };
    let cases = [
        (
            "Kế hoạch số 89/KH-UBND của Ủy ban nhân dân Tỉnh về việc triển khai",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Quyết định số 762-QĐ/TU của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết",
            "Ban Thường vụ Tỉnh ủy",
        ),
        (
            "Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, chính quyền",
            "Thủ tướng Chính phủ",
        ),
        (
            "Nghị định số 34/2016/NĐ-CP của Chính phủ quy định chi tiết",
            "Chính phủ",
        ),
        (
            "Quyết định số 16/2019/QĐ-UBND của Ủy ban nhân dân Tỉnh ban hành Quy định",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Hướng dẫn số 25-HD/BTCTW của Ban Tổ chức Trung ương hướng dẫn kiểm điểm",
            "Ban Tổ chức Trung ương",
        ),
        (
            "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh; giảm",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh.",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh (sau đây)",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh “về”",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh \"về\"",
            "Ủy ban nhân dân Tỉnh",
        ),
        (
            "Quyết định số 2456/QĐ-UBND của Ủy ban nhân dân tỉnh là 3 xã",
            "Ủy ban nhân dân tỉnh",
        ),
        (
            "Thông tư số 22/2021/TT-BGDĐT của Bộ trưởng Bộ Giáo dục và Đào tạo.",
            "Bộ trưởng Bộ Giáo dục và Đào tạo",
        ),
        (
            "Nghị quyết số 08/NQ-CP của Chính phủ và Chương trình hành động số 62-CTr/TU",
            "Chính phủ",
        ),
    ];
    for (input, want) in cases {
        let found = find_citations(input);
        assert_eq!(
            found[0].citation.issuer_name.as_deref(),
            Some(want),
            "issuer of {input:?}"
        );
    }
    assert_eq!(
        issuer(
            "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về"
        ),
        s("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng"),
        "at most 12 words, not ending on a dangling lower-case word"
    );
    assert_eq!(
        issuer("Quyết định số 43/QĐ-UBND của mình"),
        None,
        "an issuer starts with a capital"
    );
    assert_eq!(
        issuer("Quyết định số 43/QĐ-UBND"),
        None,
        "no issuer written"
    );
}

#[test]
fn spaces_around_separators_are_dropped_from_the_id() {
    check(
        "Số 44 /2005/QĐ-UBND",
        &[Citation {
            number: s("44"),
            year: Some(2005),
            type_code: s("QĐ"),
            issuer_code: s("UBND"),
            id: s("44/2005/QĐ-UBND"),
            ..base("44 /2005/QĐ-UBND")
        }],
    );
    assert_eq!(
        ids("tổng 12 /UBND-VX"),
        Vec::<String>::new(),
        "a spaced number needs `số` or kind words"
    );
}

#[test]
fn kind_is_null_only_for_unambiguous_numbers() {
    check(
        "theo 63/2010/NĐ-CP",
        &[Citation {
            number: s("63"),
            year: Some(2010),
            type_code: s("NĐ"),
            issuer_code: s("CP"),
            id: s("63/2010/NĐ-CP"),
            ..base("63/2010/NĐ-CP")
        }],
    );
    assert_eq!(
        ids("đã gửi 3722/VPCP-CN"),
        Vec::<String>::new(),
        "a bare công văn number is ambiguous"
    );
    assert_eq!(
        ids("theo số 3722/VPCP-CN"),
        ["3722/VPCP-CN"],
        "`số` makes it a number"
    );
    assert_eq!(
        ids("gửi 01-HD/TU"),
        ["01-HD/TU"],
        "a Party number with a known type"
    );
    assert_eq!(
        ids("gửi 01-XY/TU"),
        Vec::<String>::new(),
        "an unknown Party type without kind words"
    );
    assert_eq!(
        ids("Quy chế số 01-XY/TU"),
        ["01-XY/TU"],
        "kind words vouch for an unknown type"
    );
}

#[test]
fn longest_kind_words_win() {
    let kind = |input: &str| find_citations(input).pop().and_then(|f| f.citation.kind);
    let cases = [
        (
            "Chương trình hành động số 62-CTr/TU",
            "chương trình hành động",
        ),
        ("Thông báo kết luận số 974-TB/TU", "thông báo kết luận"),
        ("Thông báo số 52/TB-SKHĐT", "thông báo"),
        (
            "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
            "thông tư liên tịch",
        ),
        (
            "Nghị quyết liên tịch số 22/2006/NQLT-BGDĐT-HKHVN",
            "nghị quyết liên tịch",
        ),
        ("Hướng dẫn số 36-HD/VPTW", "hướng dẫn"),
        ("Kết luận số 01-KL/TW", "kết luận"),
        ("QUYẾT ĐỊNH SỐ 12/QĐ-UBND", "quyết định"),
        ("Quyết  định số: 12/QĐ-UBND", "quyết định"),
    ];
    for (input, want) in cases {
        assert_eq!(kind(input).as_deref(), Some(want), "kind of {input:?}");
    }
}

#[test]
fn named_references() {
    check(
        "gắn với thực hiện Nghị quyết TW4 (Khóa XII) về tăng cường",
        &[Citation {
            kind: s("nghị quyết"),
            name: s("Nghị quyết TW4 (Khóa XII)"),
            ..base("Nghị quyết TW4 (Khóa XII)")
        }],
    );
    check(
        "Quan điểm của Đảng về PCTN; Luật PCTN năm 2018 và các văn bản hướng dẫn thi hành.",
        &[Citation {
            kind: s("luật"),
            name: s("Luật PCTN năm 2018"),
            ..base("Luật PCTN năm 2018")
        }],
    );
    check(
        "thực hiện nghiêm túc Luật Phòng, chống tác hại rượu, bia, xem đây là một trong những tiêu chí",
        &[Citation {
            kind: s("luật"),
            name: s("Luật Phòng, chống tác hại rượu, bia"),
            ..base("Luật Phòng, chống tác hại rượu, bia")
        }],
    );
    let text = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015";
    check(
        &format!("Căn cứ {text};"),
        &[Citation {
            kind: s("luật"),
            date: s("2015-06-19"),
            name: s("Luật Tổ chức chính quyền địa phương"),
            ..base(text)
        }],
    );
    assert_eq!(
        ids(
            "Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012; Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013;"
        ),
        ["Luật Phổ biến, giáo dục pháp luật", "Luật Hòa giải ở cơ sở"],
        "a comma inside a name that runs into its date"
    );
    assert_eq!(
        ids("phù hợp với Hiến pháp năm 2013 và pháp luật"),
        ["Hiến pháp năm 2013"],
        "`Hiến pháp` names one document on its own"
    );
    assert_eq!(
        ids("theo quy định tại Luật Ban hành VBQPPL và Nghị định số 34/2016/NĐ-CP"),
        ["Luật Ban hành VBQPPL", "34/2016/NĐ-CP"],
        "a name stops before the next citation"
    );
    let found = find_citations("Nghị quyết TW4 của Ban Chấp hành Trung ương, tiếp tục");
    assert_eq!(
        found.first().and_then(|f| f.citation.issuer_name.clone()),
        s("Ban Chấp hành Trung ương"),
        "a named reference may have an issuer"
    );
}

#[test]
fn generic_mentions_are_not_named_references() {
    let cases = [
        "phù hợp với Nghị quyết của HĐND Tỉnh và đường lối",
        "triển khai các Nghị quyết Trung ương",
        "những Nghị quyết của Đảng",
        "thi hành Luật ban hành VBQPPL.",
        "văn bản quy phạm pháp luật",
        "theo Luật.",
        "Luật",
        "Bộ Lao động - Thương binh và Xã hội",
    ];
    for input in cases {
        assert_eq!(ids(input), Vec::<String>::new(), "no citation in {input:?}");
    }
    assert_eq!(
        ids("thực hiện theo đúng Luật Ngân sách nhà nước số 83/2015/QH13."),
        ["83/2015/QH13"],
        "`Luật` inside a numbered reference is no second reference"
    );
}

#[test]
fn counts_dates_and_ranges_are_not_citations() {
    let cases = [
        "tiến hành rà soát 60/145 TTHC",
        "Số xã đạt chuẩn (...xã/...xã=...%); (tăng...% so với 2019)",
        "(Tính đến 30/9/2020). Trong đó",
        "ngày 26/5/2020 về việc",
        "chiếm tỉ lệ 20% và 8,3% trên tổng số",
        "giai đoạn 2019-2021. Theo đó",
        "nhiệm kỳ 2020 - 2025 và nhiệm vụ",
        "năm 2020 - 2025",
        "Điện thoại: 0277.3851234, 0277/3851234",
        "Tỷ lệ giường bệnh .../1 vạn dân",
        "dịch bệnh COVID-19/SARS",
        "tỷ lệ 1/3 Ban",
        "đạt 183/187 chi bộ",
        "Số: /BC-SLĐTBXH",
        "x12/QĐ-UBND",
        "1.5/QĐ-UBND",
    ];
    for input in cases {
        assert_eq!(ids(input), Vec::<String>::new(), "no citation in {input:?}");
    }
}

#[test]
fn tokens_joined_across_a_page_break() {
    assert_eq!(
        ids("Nghị quyết số 19-NQ/TW của Hội nghị"),
        ["19-NQ/TW"],
        "joined without a space"
    );
    assert_eq!(
        ids("Nghị quyết số 19- NQ/TW của Hội nghị"),
        ["19-NQ/TW"],
        "joined with a space after the hyphen"
    );
    assert_eq!(
        ids("Quyết định số 117/QĐ- UBND ngày 05/3/2020"),
        ["117/QĐ-UBND"],
        "a state symbol joined with a space"
    );
}

#[test]
fn lost_hyphens_are_restored_after_a_type_code() {
    assert_eq!(ids("theo 3027/QĐUBND"), ["3027/QĐ-UBND"], "QĐ + UBND");
    assert_eq!(
        ids("Nghị định 63/2010/NĐCP ngày 08/6/2010"),
        ["63/2010/NĐ-CP"],
        "NĐ + CP"
    );
    assert_eq!(
        ids("Tờ trình số 12/TTrSNV"),
        ["12/TTr-SNV"],
        "the longest code, TTr + SNV"
    );
    let found = find_citations("theo 3027/QĐUBND");
    assert_eq!(
        (
            found[0].citation.type_code.as_deref(),
            found[0].citation.issuer_code.as_deref()
        ),
        (Some("QĐ"), Some("UBND")),
        "the glued group is split into type and issuer"
    );
    assert_eq!(
        ids("Công văn số 12/HĐND"),
        ["12/HĐND"],
        "HĐND is an issuer, not HĐ + ND"
    );
    assert_eq!(
        ids("Kế hoạch số 12/BCĐTW"),
        ["12/BCĐTW"],
        "the kind's code is KH, not BC"
    );
}

#[test]
fn spans_and_order_of_several_citations() {
    let input = "Thực hiện Nghị quyết số 08/NQ-CP của Chính phủ và Chương trình hành động số 62-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh về thực hiện Nghị quyết số 19-NQ/TW của Hội nghị lần thứ 6 Ban Chấp hành Trung ương khoá XII về tiếp tục";
    let found = find_citations(input);
    let ids: Vec<_> = found
        .iter()
        .filter_map(|f| f.citation.id.as_deref())
        .collect();
    assert_eq!(ids, ["08/NQ-CP", "62-CTr/TU", "19-NQ/TW"], "ids in order");
    assert!(
        found.windows(2).all(|w| w[0].end <= w[1].start),
        "spans do not overlap"
    );
    assert_eq!(
        &input[found[1].start..found[1].end],
        "Chương trình hành động số 62-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh",
        "the span of the second citation"
    );
    assert!(
        found.iter().all(|f| f.citation.line == 0),
        "the caller sets the line"
    );
}

/// Every sentence of the seed report (`000_9ebb4c68ea5cda49`) that cites a document, its
/// lines joined as the lexer joins them; the split `19-` / `NQ/TW` arrives joined.
pub(super) const SEED: &[&str] = &[
    "- Công tác dân vận chính quyền, dân chủ cơ sở tại cơ quan Sở được giao cho đồng chí Phó Giám đốc Sở phụ trách, được phân công nhiệm vụ cụ thể tại quyết định số 91/QĐ-SLĐTBXH ngày 26/5/2020 về việc phân công và quan hệ công tác của Giám đốc, các Phó Giám đốc Sở Lao động – Thương binh và xã hội.",
    "- Sở Lao động – Thương binh và xã hội đã ban hành kế hoạch số 30/KH-SLĐTBXH ngày 05/3/2020 về thực hiện “Năm Dân vận khéo năm 2020”. Triển khai thực hiện công tác tuyên truyền, phổ biến quán triệt học tập các văn bản về công tác dân vận của Đảng, Nhà nước gắn với thực hiện Nghị quyết TW4 (Khóa XII) về tăng ường xây dựng chính đốn Đảng;",
    "- Tiếp tục quán triệt sâu sắc quyết định số 762-QĐ/TU ngày 28/5/2010 của Ban thường vụ Tỉnh ủy về Quy chế công tác dân vận của hệ thống chính trị, Chương trình số 177-Ctr/TU ngày 07/8/2013 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết Hội nghị Trung ương 7 Khóa XI về “tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.",
    "- Đảng ủy Sở, Ban Giám đốc Sở đã lãnh đạo, chỉ đạo việc tuyên truyền, quán triệt và thực hiện tốt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương khóa XI về “Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới”, Quyết định số 290-QĐ/TW của Bộ Chính trị khóa X về Quy chế công tác dân vận của hệ thống chính trị.",
    "- Kết quả việc tiếp tục sắp xếp tổ chức bộ máy: Thực hiện kế hoạch số 89/KH-UBND ngày 28/3/2018 của Ủy ban nhân dân Tỉnh về việc triển khai thực hiện Nghị quyết số 08/NQ-CP của Chính phủ và Chương trình hành động số 62-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh về thực hiện Nghị quyết số 19-NQ/TW của Hội nghị lần thứ 6 Ban Chấp hành Trung ương khoá XII về tiếp tục đổi mới hệ thống tổ chức và quản lý, … thành Quỹ Đền ơn đáp nghĩa và Bảo trợ trẻ em tỉnh Đồng Tháp theo quyết định số 29/QĐ-UBND-TL ngày 20/4/2020 của Ủy ban nhân dân Tỉnh; Sáp nhập Phòng Bảo trợ xã hội và Phòng Phòng chống tệ nạn xã hội thành Phòng Bảo trợ và Phòng, chống tệ nạn xã hội theo quyết định số 43/QĐ-UBND-TL ngày 08/5/2020 của Ủy ban nhân dân Tỉnh, giảm 01 Phòng chuyên môn so với quy định.",
    "- Kết quả đẩy mạnh phân cấp quản lý: Thực hiện theo Quyết định số 16/2019/QĐ-UBND ngày 15/8/2019 của Ủy ban nhân dân Tỉnh ban hành Quy định quy định phân cấp, phân công về quản lý tổ chức bộ máy;",
    "Trong đó, quán triệt và thực hiện nghiêm túc Luật Phòng, chống tác hại rượu, bia, xem đây là một trong những tiêu chí đánh giá, xếp loại công chức, viên chức hàng năm.",
    "Văn bản tham mưu cho UBND Tỉnh phù hợp với Nghị quyết của HĐND Tỉnh và đường lối, chủ trương, chính sách của Đảng, tình hình kinh tế - xã hội tại địa phương. Thể thức và kỹ thuật trình bày đảm bảo theo quy định tại Luật Ban hành VBQPPL và Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật ban hành VBQPPL.",
    "- Rà soát, đánh giá tác động: Thực hiện Kế hoạch số 276/KH-UBND ngày 12/12/2019 của Ủy ban nhân dân Tỉnh về việc rà soát, đánh giá TTHC năm 2020 trên địa bàn tỉnh Đồng Tháp và Kế hoạch số 275/KH-UBND ngày 12/12/2019 của Ủy ban nhân dân Tỉnh về kiểm soát TTHC và truyền thông về hoạt động kiểm soát TTHC năm 2020 trên địa bàn tỉnh Đồng Tháp. Sở Lao động – Thương binh và Xã hội đã ban hành Kế hoạch rà soát, đánh giá TTHC năm 2020 và tiến hành rà soát 60/145 TTHC. Trong đó, số TTHC giữ nguyên là 48 thủ tục, kiến nghị đơn giản hóa 12 thủ tục chiếm tỉ lệ 20% trên tổng số TTHC đã rà soát và chiếm 8,3% trên tổng số TTHC. Tổng chi phí tiết kiệm dự kiến sau đơn giản hóa là 640.905.000 đồng.",
    "- Công tác phổ biến, giáo dục pháp luật: Sở Lao động – TB&XH ban hành kế hoạch số 115/KH-SLĐTBXH ngày 04/11/2019 về tuyên truyền, phổ biến, giáo dục pháp luật về phòng, chống tham nhũng giai đoạn 2019-2021. Theo đó, nội dung tuyên truyền tập trung chủ yếu: Ý nghĩa, tầm quan trọng của PCTN và xây dựng đạo đức liêm chính; Quan điểm, chủ trương, chính sách của Đảng về PCTN; Luật PCTN năm 2018 và các văn bản hướng dẫn thi hành.",
    "- Thiệu quả Thông báo kết luận số 974-TB/TU, ngày 07/9/2018 của Ban Thường vụ Tỉnh ủy về đổi mới phương thức phối hợp tuyên truyền, vận động đoàn viên, hội viên và nhân dân tham gia thực hiện các nhiệm vụ trọng tâm, đề án lớn của Tỉnh.",
    "- Tuyên truyền, vận động đoàn viên thanh niên hưởng ứng phong trào thi đua tiến tới Đại hội XI Đảng bộ Tỉnh, nhiệm kỳ 2020 - 2025 và nhiệm vụ phát triển kinh tế - xã hội năm 2020.",
    "- Tiếp tục quán triệt, triển khai trong toàn thể cán bộ, công chức, viên chức trong đơn vị nội dung những chủ trương; tiếp tục triển khai Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới; kế hoạch số 147/KH-UBND ngày 02/7/2016 về thực hiện Chỉ thị 16/CT-TTg.",
    "Số xã đạt chuẩn (...xã/...xã=...%); (tăng...% so với 2019)\tSố huyện đạt chuẩn (...huyện/...huyện=...%)",
    "Tỷ lệ giường bệnh .../1 vạn dân; tăng (giảm)...% so với 2019\tCung cấp dịch vụ công trực tuyến (Mức độ 3,4) (...TT= ..%)",
];

#[test]
fn seed_report_citations() {
    let found: Vec<Found> = SEED.iter().flat_map(|p| find_citations(p)).collect();
    let numbered: Vec<&str> = found
        .iter()
        .filter_map(|f| f.citation.id.as_deref())
        .collect();
    assert_eq!(
        numbered,
        [
            "91/QĐ-SLĐTBXH",
            "30/KH-SLĐTBXH",
            "762-QĐ/TU",
            "177-CTr/TU",
            "25-NQ/TW",
            "290-QĐ/TW",
            "89/KH-UBND",
            "08/NQ-CP",
            "62-CTr/TU",
            "19-NQ/TW",
            "29/QĐ-UBND-TL",
            "43/QĐ-UBND-TL",
            "16/2019/QĐ-UBND",
            "34/2016/NĐ-CP",
            "276/KH-UBND",
            "275/KH-UBND",
            "115/KH-SLĐTBXH",
            "974-TB/TU",
            "16/CT-TTg",
            "147/KH-UBND",
            "16/CT-TTg",
        ],
        "the 21 numbered citations of the seed, in order"
    );
    let named: Vec<&str> = found
        .iter()
        .filter_map(|f| f.citation.name.as_deref())
        .collect();
    assert_eq!(
        named,
        [
            "Nghị quyết TW4 (Khóa XII)",
            "Nghị quyết Hội nghị Trung ương 7 Khóa XI",
            "Luật Phòng, chống tác hại rượu, bia",
            "Luật Ban hành VBQPPL",
            "Luật PCTN năm 2018",
        ],
        "the named references of the seed"
    );
    let dated = found.iter().filter(|f| f.citation.date.is_some()).count();
    assert_eq!(dated, 15, "citations of the seed with a date");
    let by_id = |id: &str| {
        found
            .iter()
            .find(|f| f.citation.id.as_deref() == Some(id))
            .map(|f| f.citation.clone())
    };
    assert_eq!(
        by_id("19-NQ/TW").and_then(|c| c.issuer_name),
        s("Hội nghị lần thứ 6 Ban Chấp hành Trung ương khoá XII"),
        "the issuer of 19-NQ/TW"
    );
    assert_eq!(
        by_id("762-QĐ/TU").and_then(|c| c.issuer_name),
        s("Ban thường vụ Tỉnh ủy"),
        "the issuer of 762-QĐ/TU"
    );
    assert_eq!(
        by_id("290-QĐ/TW").and_then(|c| c.issuer_name),
        s("Bộ Chính trị khóa X"),
        "the issuer of 290-QĐ/TW"
    );
}

#[test]
fn odd_input_never_panics() {
    let long_slashes = "1/".repeat(10_000);
    let long_party = "1-A/".repeat(5_000);
    let long_symbol = format!("Quyết định số 1/{}", "QĐ-".repeat(5_000));
    let long_named = format!("Luật {}", "Phòng, chống ".repeat(3_000));
    let long_names = "Luật A ".repeat(5_000);
    let inputs = [
        "",
        " ",
        "0",
        "1234567890123",
        "/",
        "-/-",
        "số",
        "Luật ",
        "Hiến pháp",
        "ngày",
        "1/Q",
        "1/Q ngày",
        "1/QĐ-UBND ngày 3",
        "1/QĐ-UBND của",
        "1/QĐ-UBND của Ủy",
        "1-NQ/TW,",
        "số 1 / 2",
        "Quyết định số 12/QĐ-UBND ngày 99/99/9999",
        "Quyết định số 12/QĐ-UBND ngày 0/0/0000",
        "Luật (",
        "Luật A (",
        "Luật A, ",
        "Luật A, b",
        "Nghị quyết Ⅻ",
        "Quyết định số ١٢/QĐ-UBND",
        "決定 số 12/QĐ-UBND của 政府",
        "Приказ № 12/ПР-МО",
        "Quyết định số 12/ΑΒ-ΓΔ",
        "🙂 số 12/QĐ-UBND 🙂 của 🙂",
        "Quyết định số 12/QĐ-UBND\u{0301}",
        "e\u{301}12/QĐ-UBND",
        &long_slashes,
        &long_party,
        &long_symbol,
        &long_named,
        &long_names,
    ];
    for input in inputs {
        for f in find_citations(input) {
            assert!(
                f.start <= f.end && input.get(f.start..f.end).is_some(),
                "span on char boundaries in {:?}",
                input.chars().take(40).collect::<String>()
            );
        }
    }
    // Every prefix of a real paragraph, cut on a char boundary, is parsed without panic.
    let paragraph = SEED[4];
    for (at, _) in paragraph.char_indices() {
        let prefix = &paragraph[..at];
        for f in find_citations(prefix) {
            assert!(
                f.end <= prefix.len(),
                "span inside the prefix of {at} bytes"
            );
        }
    }
}

/// The fixture `corpus/to-trinh-chu-thich.txt`: every first mention is dated, whether its date
/// stands after it, before it with a verb of issuing, after the next number of its kind, on the
/// next line of a cut heading or in its footnote; markers glued to numbers are split off.
#[test]
fn every_first_mention_of_the_footnote_fixture_is_dated() {
    let doc = crate::parse_with(
        include_str!("../../../corpus/to-trinh-chu-thich.txt"),
        &crate::Options::default(),
    );
    let markers: Vec<(&str, usize, usize)> = doc
        .footnotes
        .iter()
        .map(|f| (f.marker.as_str(), f.line, f.end_line))
        .collect();
    assert_eq!(markers, [("1", 27, 28), ("2", 29, 29)]);
    let mut seen = std::collections::HashSet::new();
    for c in &doc.citations {
        let id = c.id.as_deref().unwrap_or_default();
        if seen.insert(id) {
            assert!(c.date.is_some(), "{id} on line {} has no date", c.line);
        }
    }
    let marked: Vec<(&str, &str)> = doc
        .citations
        .iter()
        .filter_map(|c| Some((c.id.as_deref()?, c.footnote.as_deref()?)))
        .collect();
    assert_eq!(marked, [("126/2024/NĐ-CP", "1"), ("21-CTr/TU", "2")]);
}

/// A citation in a table cell is found, on its row's line, and cells do not run together.
#[test]
fn citations_in_table_cells() {
    let text = "# BÁO CÁO\n\nKết quả thực hiện\n\n\
                | STT | Văn bản | Ngày |\n|---|---|---|\n\
                | 1 | Kế hoạch số 12/KH-UBND ngày 05/01/2025 | 05/01/2025 |\n\
                | 2 | Quyết định số 7/QĐ-UBND | 10/02/2025 |\n";
    let doc = crate::parse_with(text, &crate::Options::default());
    let found: Vec<(usize, &str, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| {
            (
                c.line,
                c.id.as_deref().unwrap_or_default(),
                c.date.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (7, "12/KH-UBND", Some("2025-01-05")),
            (8, "7/QĐ-UBND", None)
        ]
    );
}

/// A footnote whose body stands after the signature (the last page's foot) dates the number
/// its marker is glued to, as one on an earlier page does.
#[test]
fn a_footnote_after_the_signature_dates_its_number() {
    let doc = crate::parse(
        "UBND TỈNH HÀ GIANG\nSỞ NỘI VỤ\n\nSố: 412/TTr-SNV\n\n\
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n\
         Hà Giang, ngày 14 tháng 11 năm 2024\n\nTỜ TRÌNH\nVề việc tổ chức đại hội\n\n\
         Kính gửi: Ủy ban nhân dân tỉnh.\n\n\
         Sau khi rà soát hồ sơ và căn cứ Nghị định số 126/2024/NĐ-CP1, Sở Nội vụ báo cáo\n\
         như sau.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn Hùng\n\n\n\
         1 Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về hội.\n",
    );
    let markers: Vec<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["1"]);
    let cited: Vec<(Option<&str>, Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| (c.id.as_deref(), c.footnote.as_deref(), c.date.as_deref()))
        .collect();
    assert_eq!(
        cited,
        [
            (Some("126/2024/NĐ-CP"), Some("1"), Some("2024-10-08")),
            (Some("126/2024/NĐ-CP"), None, Some("2024-10-08"))
        ]
    );
}

#[test]
fn a_date_word_that_ends_the_text_stays_in_the_mention() {
    // A page break or a table's cell cut the date off: the mention keeps `ngày` to say that a
    // date was written, and no date is made up.
    let found = find_citations("+ Nghị định số 152/2020/NĐ-CP ngày  ");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].citation.text, "Nghị định số 152/2020/NĐ-CP ngày");
    assert_eq!(found[0].citation.date, None);
    // A word after it is no cut date.
    let found = find_citations("Nghị định số 152/2020/NĐ-CP ngày càng được áp dụng");
    assert_eq!(found[0].citation.text, "Nghị định số 152/2020/NĐ-CP");
}

#[test]
fn the_date_after_an_odd_symbol_is_the_citations() {
    let found =
        find_citations("tại văn bản số 01/KH1N-01/17h00/DBQG-DBKH ngày 15/01/2026; hiện trạng");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].citation.date, s("2026-01-15"));
    // Without a date after it, the rest of the token is not the citation's.
    let found = find_citations("theo số 01/KH1N-01/17h00 của Trung tâm");
    assert!(found.iter().all(|f| !f.citation.text.contains("17h00")));
}

#[test]
fn the_date_after_a_spaced_last_group_is_the_citations() {
    let found = find_citations("Công văn số 03/LĐVVN BTh ngày 07/01/2025 của Liên đoàn");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].citation.date, s("2025-01-07"));
    assert!(found[0].citation.text.contains("BTh"));
    // One capital split off a symbol in capitals by a typed space.
    let found = find_citations("theo Lệnh số 06-LCT/HĐN N ngày 20-5-1988 của Hội đồng");
    assert_eq!(found[0].citation.date, s("1988-05-20"));
    // A word that is no group of a symbol (lower case, or one capital after lower case) is
    // not taken.
    for text in [
        "Công văn số 03/LĐVVN Bình ngày 07/01/2025",
        "Công văn số 03/LĐVVN và ngày 07/01/2025",
        "Công văn số 03/LĐVVN BTh về việc tổ chức",
        "Công văn số 12/STP-vp A ngày 07/01/2025",
    ] {
        let found = find_citations(text);
        assert!(
            found.iter().all(|f| f.citation.date.is_none()),
            "{text}: {:?}",
            found[0].citation
        );
    }
}
