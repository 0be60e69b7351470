//! The user's own report (the seed), parsed: what issue 2 says it must show.

mod common;

use std::path::Path;

use vanban::model::{AuthorityMode, JoinReason, NumberSystem};

fn seed() -> vanban::Document {
    common::parse_file(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/000_9ebb4c68ea5cda49.txt"),
    )
    .1
}

#[test]
fn header_keeps_what_survived_conversion() {
    let doc = seed();
    let h = &doc.header;
    assert!(
        h.national_title.is_none() && h.motto.is_none() && h.issuer.is_none(),
        "lost in conversion: {h:?}"
    );
    let r = h.reference.as_ref().expect("the number line");
    assert_eq!(
        (
            r.number.as_deref(),
            r.type_code.as_deref(),
            r.issuer_code.as_deref()
        ),
        (None, Some("BC"), Some("SLĐTBXH"))
    );
    let pd = h.place_date.as_ref().expect("place and date");
    assert_eq!(
        (pd.place.as_deref(), pd.day, pd.month, pd.year),
        (Some("Đồng Tháp"), None, Some(11), Some(2020))
    );
}

#[test]
fn title_and_subject() {
    let t = seed().title.expect("title");
    assert_eq!(
        (t.type_name.as_deref(), t.type_code.as_deref()),
        (Some("BÁO CÁO"), Some("BC"))
    );
    assert_eq!(
        t.subject.as_deref(),
        Some("thực hiện “Năm dân vận khéo” 2020")
    );
}

#[test]
fn sections_follow_numbering_not_markdown_levels() {
    let doc = seed();
    let labels: Vec<&str> = doc.sections.iter().map(|s| &*s.label).collect();
    assert_eq!(labels, ["I", "II", "III", "IV", "V"]);
    let titles: Vec<&str> = doc
        .sections
        .iter()
        .map(|s| s.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        [
            "ĐẶC ĐIỂM TÌNH HÌNH CƠ QUAN, ĐƠN VỊ",
            "CÔNG TÁC LÃNH, CHỈ ĐẠO ĐẢNG, CHÍNH QUYỀN",
            "KẾT QUẢ THỰC HIỆN",
            "ĐÁNH GIÁ CHUNG",
            "PHƯƠNG HƯỚNG, NHIỆM VỤ"
        ]
    );
    let children = |i: usize| {
        doc.sections[i]
            .children
            .iter()
            .map(|s| &*s.label)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        children(2),
        ["1", "2", "3", "4"],
        "III holds 1–4, the `###` 3. included"
    );
    assert_eq!(children(3), ["1", "2"]);
}

#[test]
fn page_break_joins_make_one_paragraph() {
    let doc = seed();
    let ii = &doc.sections[1];
    let joined = ii
        .paragraphs
        .iter()
        .find(|p| p.text.contains("cải cách hành chính, các giải pháp"))
        .expect("joined paragraph");
    assert_eq!((joined.line, joined.end_line), (21, 23));
    assert_eq!(
        joined
            .joins
            .iter()
            .map(|j| (j.line, j.reason))
            .collect::<Vec<_>>(),
        [(23, JoinReason::PageBreak)]
    );
    let split = doc.sections[2].children[1]
        .paragraphs
        .iter()
        .find(|p| p.text.contains("Nghị quyết số 19-NQ/TW"))
        .expect("split token");
    assert!(
        split
            .joins
            .iter()
            .any(|j| j.reason == JoinReason::SplitToken && j.line == 39),
        "{:?}",
        split.joins
    );
}

#[test]
fn citations() {
    let doc = seed();
    let numbered: Vec<&str> = doc
        .citations
        .iter()
        .filter_map(|c| c.id.as_deref())
        .collect();
    assert_eq!(
        numbered.len(),
        21,
        "all 21 numbered citations: {numbered:?}"
    );
    for id in [
        "19-NQ/TW",
        "177-CTr/TU",
        "29/QĐ-UBND-TL",
        "16/2019/QĐ-UBND",
        "91/QĐ-SLĐTBXH",
        "34/2016/NĐ-CP",
        "974-TB/TU",
    ] {
        assert!(numbered.contains(&id), "{id} in {numbered:?}");
    }
    let by = |id: &str| {
        doc.citations
            .iter()
            .find(|c| c.id.as_deref() == Some(id))
            .expect(id)
    };
    assert_eq!(by("29/QĐ-UBND-TL").date.as_deref(), Some("2020-04-20"));
    assert_eq!(by("16/2019/QĐ-UBND").date.as_deref(), Some("2019-08-15"));
    assert_eq!(by("177-CTr/TU").system, NumberSystem::Party);
    assert_eq!(
        by("19-NQ/TW").line,
        37,
        "the citation starts before the page break"
    );
    assert_eq!(
        numbered.iter().filter(|id| **id == "16/CT-TTg").count(),
        2,
        "with and without số, one id"
    );
    assert!(
        !numbered
            .iter()
            .any(|id| id.contains("145") || id.starts_with("30/9")),
        "no counts or bare dates: {numbered:?}"
    );
}

#[test]
fn closing() {
    let doc = seed();
    let s = doc.signature.expect("signature");
    assert_eq!(s.chain.len(), 1);
    assert_eq!(
        (s.chain[0].mode, s.chain[0].for_.as_str()),
        (AuthorityMode::KT, "GIÁM ĐỐC")
    );
    assert_eq!(
        (s.title.as_deref(), s.name.as_deref()),
        (Some("PHÓ GIÁM ĐỐC"), Some("Phạm Việt Công"))
    );
    let r: Vec<(&str, Option<u32>, Option<&str>)> = doc
        .recipients
        .iter()
        .map(|r| (r.name.as_str(), r.count, r.note.as_deref()))
        .collect();
    assert_eq!(
        r,
        [
            ("Sở Nội vụ", None, None),
            ("Ban Dân vận tỉnh ủy", None, None),
            ("Đoàn thể", Some(2), None),
            ("BGĐ Sở", None, Some("biết"))
        ]
    );
    assert_eq!(doc.archive, ["VT", "TC"]);
    assert_eq!(doc.end_marker, Some(103));
}

#[test]
fn appendix_with_five_tables() {
    let doc = seed();
    assert_eq!(doc.appendices.len(), 1);
    let a = &doc.appendices[0];
    assert_eq!(a.title, "PHỤ LỤC SỐ LIỆU");
    let sections: Vec<Option<&str>> = a.tables.iter().map(|t| t.section.as_deref()).collect();
    assert_eq!(
        sections,
        [Some("1"), Some("2"), Some("3.1"), Some("3.2"), Some("3.3")]
    );
    assert!(
        a.tables[0].rows[0][2].contains("(ước đạt ... tỷ đồng)"),
        "placeholders kept as written"
    );
    assert_eq!(
        a.tables[4].caption.as_deref(),
        Some("Số lượng sáp nhập (cấp tỉnh)")
    );
}
