//! Regressions found on the public documents of `../shared/corpus`, each reduced to the few lines
//! that showed it.

use vanban::model::{ArtifactKind, Format};

fn text(input: &str) -> vanban::Document {
    vanban::parse_with(
        input,
        &vanban::Options {
            format: Some(Format::Text),
            ..Default::default()
        },
    )
}

#[test]
fn hard_wrapped_clause_is_not_a_title_and_its_wrap_is_not_a_footnote() {
    // 012_nghi-dinh-so-123-2026-nd-cp.txt, lines 80–83.
    let doc = text(
        "Điều 5. Cấp phép\n\
         b) Trong thời hạn 02 ngày, kể từ ngày nhận được phương án vận tải hàng\n\
         hóa siêu trường, cơ quan có thẩm quyền quy định tại khoản\n\
         4 Điều này có trách nhiệm tổ chức kiểm tra, phê duyệt phương án.\n",
    );
    let b = &doc.sections[0].children[0];
    assert_eq!(&*b.label, "b");
    assert_eq!(
        b.title, None,
        "the first piece of a wrapped clause is not a title"
    );
    assert!(
        b.paragraphs[0]
            .text
            .contains("tại khoản 4 Điều này có trách nhiệm"),
        "{:?}",
        b.paragraphs
    );
    assert!(
        !doc.artifacts
            .iter()
            .any(|a| a.kind == ArtifactKind::Footnote),
        "{:?}",
        doc.artifacts
    );
}

#[test]
fn wrapped_reference_to_an_article_does_not_open_one() {
    // 007_quyet-dinh-so-372-qd-btc.txt, lines 73–74.
    let doc = text(
        "Điều 1. Sửa đổi\nChỉnh sửa cụm từ “khoản 1 Điều 8” thành cụm từ “khoản 2 Điều 16” tại\nĐiều 10. Thông tư số 138/2025/TT-BTC.\n",
    );
    assert_eq!(
        doc.sections.len(),
        1,
        "one article: {:?}",
        doc.sections.iter().map(|s| &s.label).collect::<Vec<_>>()
    );
    assert!(
        doc.sections[0].paragraphs[0]
            .text
            .ends_with("tại Điều 10. Thông tư số 138/2025/TT-BTC.")
    );
}

#[test]
fn thousands_figure_at_a_line_start_is_not_a_heading() {
    // 056_bc-ubnd-lamdong-cchc-2025.txt, line 215.
    let doc = text(
        "I. KẾT QUẢ\nMô hình “Hồ sơ không bản giấy” đã tiếp nhận\n2.594 hồ sơ; mô hình khác đã thực hiện 3.418 hồ sơ.\n",
    );
    assert!(
        doc.sections[0].children.is_empty(),
        "{:?}",
        doc.sections[0].children
    );
    assert!(
        doc.sections[0].paragraphs[0]
            .text
            .contains("tiếp nhận 2.594 hồ sơ")
    );
}

#[test]
fn signature_written_on_one_line() {
    // 039_cv-296-bhxh-csyt-2021.txt, last line.
    let doc = text(
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, CSYT.\nKT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Lương Sơn\n",
    );
    let s = doc.signature.expect("signature");
    assert_eq!(s.chain[0].for_, "TỔNG GIÁM ĐỐC");
    assert_eq!(
        (s.title.as_deref(), s.name.as_deref()),
        (Some("PHÓ TỔNG GIÁM ĐỐC"), Some("Phạm Lương Sơn"))
    );
}

/// The library refuses text and bytes over `Options::max_bytes` (default 50 MB) with a clear
/// error, and parses anything up to the limit itself.
#[test]
fn size_limit_of_the_library() {
    let text = "BÁO CÁO\nVề kết quả năm 2024\n";
    let options = vanban::Options {
        max_bytes: text.len() as u64,
        ..vanban::Options::default()
    };
    assert!(
        vanban::try_parse_with(text, &options).is_ok(),
        "the limit itself is allowed"
    );
    let longer = format!("{text}I. KẾT QUẢ\n");
    let err = vanban::try_parse_with(&longer, &options).unwrap_err();
    assert_eq!(
        err,
        vanban::DecodeError::TooLarge {
            size: longer.len() as u64,
            limit: text.len() as u64
        }
    );
    assert!(err.to_string().contains("raise the limit"), "{err}");
    assert!(matches!(
        vanban::parse_bytes(longer.as_bytes(), &options),
        Err(vanban::DecodeError::TooLarge { .. })
    ));
    assert_eq!(
        vanban::Options::default().max_bytes,
        vanban::decode::DEFAULT_MAX_BYTES
    );
}

#[test]
fn a_header_number_whose_issuer_starts_like_a_type_code_keeps_its_issuer() {
    // `HĐND` is no `HĐ` (hợp đồng) + `ND`, `TTCP` no `TT` + `CP`, `TTXT` no `TT` + `XT`
    // (077_cv-ttxt-lamdong…, line 7): the symbol kept its hyphens, so its first group is read
    // as written. A citation of the same number in the text gives the same parts.
    for (number, issuer) in [
        ("08/HĐND-VP", "HĐND-VP"),
        ("12/TTCP-KHTH", "TTCP-KHTH"),
        ("/TTXT-ĐTDN", "TTXT-ĐTDN"),
    ] {
        // A blank number (a draft's) is cited with one filled in.
        let cited = if number.starts_with('/') {
            format!("15{number}")
        } else {
            number.to_owned()
        };
        let doc = text(&format!(
            "ỦY BAN NHÂN DÂN\nTỈNH X\nSố: {number}\n\nKính gửi: Sở Nội vụ\n\n\
             Thực hiện Công văn số {cited} ngày 05/3/2024 của Ủy ban nhân dân tỉnh.\n"
        ));
        let r = doc.header.reference.as_ref().expect("the header's number");
        assert_eq!(r.type_code, None, "{number}");
        assert_eq!(r.issuer_code.as_deref(), Some(issuer), "{number}");
        let c = doc
            .citations
            .iter()
            .find(|c| c.number.is_some() || c.issuer_code.is_some())
            .expect("the cited number");
        assert_eq!(
            (c.type_code.as_deref(), c.issuer_code.as_deref()),
            (None, Some(issuer)),
            "{number} cited"
        );
    }
}

#[test]
fn header_parts_written_in_bold_are_placed_and_checked() {
    // Markdown inside the number's and the date's words keeps the grammar from reading the
    // input as written; the parts read from the cleaned text are placed in it all the same, so
    // the leading-zero rules still fire, at the digit.
    let text = "ỦY BAN NHÂN DÂN\nTỈNH X\n\n**Số:** 5/BC-UBND\n\n\
                Hà Nội, ngày **5** tháng **3** năm 2024\n\nBÁO CÁO\nVề kết quả\n\nI. KẾT QUẢ\nTốt.\n";
    let doc = vanban::check(
        text,
        &vanban::Options {
            format: Some(Format::Markdown),
            ..Default::default()
        },
    );
    let at = |code: &str| {
        doc.findings
            .iter()
            .find(|f| f.code == code)
            .map(|f| (f.line, f.column, f.end_column))
    };
    assert_eq!(at("HDR009"), Some((4, 9, 10)), "the number's digit");
    assert_eq!(at("HDR013"), Some((6, 16, 17)), "the day's digit");
}
