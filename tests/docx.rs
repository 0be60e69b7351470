//! A Word 2007+ document (issue 15): tests/docx/decision.docx, written by tests/docx/generate.py,
//! has the header as a borderless two-column table, automatic numbering (`Điều %1.`, `%2.`,
//! `%3)`), a footnote, a clause typed in TCVN3 in a `.VnTime` run and the recipients beside the
//! signature in a table. It reads as the text a person sees and parses as a decision.

use std::path::Path;

use serde_json::Value;

fn fixture() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx/decision.docx");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn docx_reads_as_the_text_a_person_sees() {
    let decoded = vanban::decode(&fixture()).expect("the DOCX is read");
    assert_eq!(decoded.format, Some(vanban::decode::InputFormat::Docx));
    assert_eq!(decoded.encoding, "unicode", "most of it is Unicode");
    let encodings: Vec<(&str, usize)> = decoded
        .encodings
        .iter()
        .map(|e| (e.name.as_str(), e.paragraphs))
        .collect();
    assert_eq!(
        encodings,
        [("unicode", 21), ("tcvn3", 1)],
        "the .VnTime run was TCVN3, one paragraph (whose number, from numbering.xml, is Unicode)"
    );
    let tcvn3 = decoded.encodings.get(1).map_or(0.0, |e| e.share);
    assert!(tcvn3 > 0.0 && tcvn3 < 0.1, "its share is small: {tcvn3}");
    assert_eq!(
        decoded.text,
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         XÃ BÌNH AN | Độc lập - Tự do - Hạnh phúc\n\
         Số: 15/QĐ-UBND | Bình An, ngày 12 tháng 6 năm 2024\n\
         \n\
         QUYẾT ĐỊNH\n\
         Về việc thành lập Tổ công tác chuyển đổi số\n\
         CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN\n\
         Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 20151;\n\
         Theo đề nghị của Văn phòng Ủy ban nhân dân xã.\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Thành lập Tổ công tác chuyển đổi số của xã.\n\
         Điều 2. Tổ công tác có nhiệm vụ:\n\
         1. Xây dựng kế hoạch chuyển đổi số hằng năm;\n\
         2. Theo dõi, đôn đốc các thôn:\n\
         a) lập danh sách hộ gia đình;\n\
         b) báo cáo kết quả hằng tháng.\n\
         3. Văn phòng xã theo dõi việc thực hiện.\n\
         Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n\
         Nơi nhận: | TM. ỦY BAN NHÂN DÂN\n\
         - Như Điều 3; | CHỦ TỊCH\n\
         - Lưu: VT. | Trần Văn An\n\
         \n\
         1 Luật số 77/2015/QH13.\n"
    );
}

#[test]
fn docx_header_table_gives_the_header() {
    let doc = vanban::parse_bytes(&fixture(), &vanban::Options::default()).expect("parses");
    let doc = serde_json::to_value(&doc).expect("serializes");
    let text = |pointer: &str| doc.pointer(pointer).and_then(Value::as_str);
    assert_eq!(
        text("/header/national_title/text"),
        Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    );
    assert_eq!(
        text("/header/motto/text"),
        Some("Độc lập - Tự do - Hạnh phúc")
    );
    assert_eq!(
        text("/header/issuer/name"),
        Some("ỦY BAN NHÂN DÂN XÃ BÌNH AN")
    );
    assert_eq!(text("/header/reference/number"), Some("15"));
    assert_eq!(text("/header/place_date/place"), Some("Bình An"));
    assert_eq!(text("/title/type_name"), Some("QUYẾT ĐỊNH"));
    // The numbers Word draws from numbering.xml are the articles, clauses and points.
    let labels: Vec<&str> = doc["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["label"].as_str())
        .collect();
    assert_eq!(labels, ["Điều 1", "Điều 2", "Điều 3"]);
    assert_eq!(text("/sections/1/children/1/children/1/label"), Some("b"));
    assert_eq!(text("/signature/name"), Some("Trần Văn An"));
    assert_eq!(text("/recipients/0/name"), Some("Như Điều 3"));
    assert_eq!(doc["unrecognized"].as_array().map(Vec::len), Some(0));
}
