//! A Word 2007+ document (issue 15): tests/docx/decision.docx, written by tests/docx/generate.py,
//! has the header as a borderless two-column table, automatic numbering (`Điều %1.`, `%2.`,
//! `%3)`), a footnote, a clause typed in TCVN3 in a `.VnTime` run, the recipients beside the
//! signature in a table, page headers and a footer with page-number fields, and a change still
//! tracked in Điều 1 with a comment. It reads as the text a person sees (the change accepted)
//! and parses as a decision; the change and the comment are reported.

mod common;

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
        [("unicode", 26), ("tcvn3", 1)],
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
         Theo đề nghị của Văn phòng Ủy ban nhân dân xã2.\n\
         QUYẾT ĐỊNH:\n\
         Điều 1. Thành lập Tổ công tác chuyển đổi số của xã.\n\
         Điều 2. Tổ công tác có nhiệm vụ:\n\
         1. Xây dựng kế hoạch chuyển đổi số hằng năm;\n\
         2. Theo dõi, đôn đốc các thôn:\n\
         a) lập danh sách hộ gia đình;\n\
         b) báo cáo kết quả hằng tháng.\n\
         3. Văn phòng xã theo dõi việc thực hiện.\n\
         Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n\
         Nơi nhận:\n\
         - Như Điều 3;\n\
         - Lưu: VT. | TM. ỦY BAN NHÂN DÂN\n\
         CHỦ TỊCH\n\
         Trần Văn An\n\
         \n\
         1 Luật số 77/2015/QH13.\n\
         2 Tờ trình số 8/TTr-VP ngày 10 tháng 6 năm 2024.\n\
         \n\
         Mẫu số 01/QĐ - Trang\n\
         Bản dự thảo lần 2\n",
        "the page header and footer follow the notes, once each, without their page numbers"
    );
}

#[test]
fn review_marks_are_reported_and_changes_read_accepted() {
    let decoded = vanban::decode(&fixture()).expect("the DOCX is read");
    let line = decoded
        .text
        .lines()
        .position(|l| l.starts_with("Điều 1."))
        .map(|i| i + 1);
    assert_eq!(
        decoded.review_marks,
        Some(vanban::model::ReviewMarks {
            deleted_chars: " cấp xã".chars().count(),
            inserted_chars: " của xã".chars().count(),
            comments: 1,
            lines: line.into_iter().collect(),
        }),
        "the deletion, the insertion and the comment of Điều 1, on its line"
    );
    let doc = vanban::parse_decoded(&decoded, &vanban::Options::default());
    let validator = vanban::validate::Validator::new(vanban::validate::Profile::for_document(&doc));
    let findings = validator.validate(&doc, &decoded.text);
    let tracked: Vec<(usize, &str)> = findings
        .iter()
        .filter(|f| f.code == "TXT002")
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(tracked.len(), 1, "one finding for the file: {findings:?}");
    assert_eq!(Some(tracked[0].0), line, "at the line of the change");
    assert!(
        tracked[0].1.contains("xóa 7 ký tự, chèn 7 ký tự")
            && tracked[0].1.contains("1 nhận xét (comment)"),
        "the message counts the characters: {}",
        tracked[0].1
    );
    let json = serde_json::to_value(&doc).expect("serializes");
    assert_eq!(
        json.pointer("/source/review_marks"),
        Some(
            &serde_json::json!({"deleted_chars": 7, "inserted_chars": 7, "comments": 1, "lines": [line]})
        ),
        "the source says it"
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
    // The page header and footer follow the text and its notes: kept apart as page headers,
    // not read into the zones nor left unrecognized.
    let page: Vec<(&str, u64)> = doc["artifacts"]
        .as_array()
        .expect("artifacts")
        .iter()
        .filter(|a| a["kind"] == "page_header")
        .filter_map(|a| Some((a["text"].as_str()?, a["line"].as_u64()?)))
        .collect();
    assert_eq!(
        page,
        [("Mẫu số 01/QĐ - Trang", 28), ("Bản dự thảo lần 2", 29)]
    );
    assert_eq!(doc["unrecognized"], serde_json::json!([]));
}

/// The environment variable that skips the tests on `../shared` where it is not available.
const SKIP: &str = "VANBAN_SKIP_SHARED";

/// `../shared/<dir>`, or `None` (with a message) when it is absent or [`SKIP`] is set.
fn shared(dir: &str) -> Option<std::path::PathBuf> {
    // `../shared` lies beside a clone; a git worktree may sit one level deeper.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let beside = root.join("../shared").join(dir);
    let path = if beside.is_dir() {
        beside
    } else {
        root.join("../../shared").join(dir)
    };
    if std::env::var(SKIP).is_ok_and(|v| !v.is_empty() && v != "0") || !path.is_dir() {
        eprintln!(
            "skipped: {} is not available (or {SKIP} is set)",
            path.display()
        );
        return None;
    }
    Some(path)
}

/// Rows of a `SOURCES.tsv`: its columns by name.
fn sources(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let names: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    lines
        .map(|l| {
            names
                .iter()
                .zip(l.split('\t'))
                .map(|(n, v)| ((*n).to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// What a reader looks for first: the header, title, signature and recipients, as
/// `(field, value)` with white space collapsed.
fn essentials(doc: &vanban::Document) -> Vec<(String, String)> {
    let json = serde_json::to_value(doc).expect("serializes");
    let mut out = Vec::new();
    for pointer in [
        "/header/national_title/text",
        "/header/motto/text",
        "/header/party_title/text",
        "/header/issuer/name",
        "/header/issuer/parent",
        "/header/reference/number",
        "/header/reference/code",
        "/header/place_date/place",
        "/header/place_date/day",
        "/header/place_date/month",
        "/header/place_date/year",
        "/title/type_name",
        "/title/subject",
        "/signature/name",
        "/signature/title",
    ] {
        let value = match json.pointer(pointer) {
            Some(Value::String(s)) => s.split_whitespace().collect::<Vec<_>>().join(" "),
            Some(Value::Number(n)) => n.to_string(),
            _ => continue,
        };
        out.push((pointer.to_owned(), value));
    }
    for r in json["recipients"].as_array().into_iter().flatten() {
        if let Some(name) = r["name"].as_str() {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(("/recipients".to_owned(), name));
        }
    }
    out
}

/// Every office original in `../shared/office` whose text version is in `../shared/corpus`
/// (the two `SOURCES.tsv` name the same file of the same repository) gives at least the header,
/// title, signature and recipients its text version gives.
#[test]
fn office_originals_give_what_their_text_versions_give() {
    let (Some(office), Some(corpus)) = (shared("office"), shared("corpus")) else {
        return;
    };
    let originals = sources(&office.join("SOURCES.tsv"));
    let texts = sources(&corpus.join("SOURCES.tsv"));
    let mut pairs = Vec::new();
    for text in &texts {
        let found = originals
            .iter()
            .find(|o| o.get("path") == text.get("path") && o.get("repo") == text.get("repo"));
        if let (Some(original), Some(name)) = (found, text.get("file")) {
            pairs.push((
                office.join("docs").join(&original["file"]),
                corpus.join(name),
            ));
        }
    }
    assert!(
        pairs.len() >= 10,
        "the SOURCES.tsv pair {} files",
        pairs.len()
    );
    let has_pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    let mut missing = Vec::new();
    let mut compared = 0;
    for (original, text) in &pairs {
        if original.extension().is_some_and(|e| e == "pdf") && !has_pdftotext {
            eprintln!("skipped {}: pdftotext is not installed", original.display());
            continue;
        }
        let bytes = std::fs::read(original).expect("office file");
        let decoded = vanban::batch::read::read_document(&bytes, u64::MAX)
            .unwrap_or_else(|e| panic!("{}: {e}", original.display()));
        let office_doc = vanban::parse_decoded(&decoded, &vanban::Options::default());
        let text_doc = vanban::parse(&std::fs::read_to_string(text).expect("text version"));
        let got = essentials(&office_doc);
        compared += 1;
        for field in essentials(&text_doc) {
            if !got.contains(&field) {
                let name = original
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned());
                missing.push(format!(
                    "{}: {} = {:?}",
                    name.unwrap_or_default(),
                    field.0,
                    field.1
                ));
            }
        }
    }
    eprintln!("{compared} office originals compared with their text versions");
    assert!(
        missing.is_empty(),
        "fields the text version gives and the office original does not:\n{}",
        missing.join("\n")
    );
}

/// Every file of `../shared/office` (DOCX, DOC, PDF) is read and parsed without loss, the three
/// scanned PDFs (no text layer: 20, 22, 25) through OCR. Without tesseract's Vietnamese data
/// the scans are refused naming the packages to install, and listed as skipped.
#[test]
fn every_shared_office_file_parses_without_loss() {
    let Some(office) = shared("office") else {
        return;
    };
    let has_pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    let has_ocr = common::ocr_installed();
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(office.join("docs"))
        .expect("office documents")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut parsed = 0;
    let mut scans = Vec::new();
    let mut skipped = Vec::new();
    for path in &paths {
        let name = path.display().to_string();
        if path.extension().is_some_and(|e| e == "pdf") && !has_pdftotext {
            eprintln!("skipped {name}: pdftotext is not installed");
            skipped.push(name);
            continue;
        }
        let bytes = std::fs::read(path).expect("office file");
        let decoded = match vanban::batch::read::read_document(&bytes, u64::MAX) {
            Ok(decoded) => decoded,
            Err(e) if !has_ocr && e.to_string().contains("tesseract-ocr-vie") => {
                eprintln!("skipped {name}: {e}");
                skipped.push(name);
                continue;
            }
            Err(e) => panic!("{name}: {e}"),
        };
        if decoded.format == Some(vanban::decode::InputFormat::PdfOcr) {
            scans.push(name.clone());
        }
        let doc = vanban::parse_decoded(&decoded, &vanban::Options::default());
        common::assert_lossless(&name, &decoded.text, &doc);
        parsed += 1;
    }
    eprintln!(
        "{parsed} of {} office files parsed without loss, {} of them scans read through OCR; \
         skipped: {skipped:?}",
        paths.len(),
        scans.len()
    );
    if has_pdftotext && has_ocr {
        assert_eq!(parsed, paths.len(), "every file parses");
        let prefixes: Vec<&str> = scans
            .iter()
            .filter_map(|s| Some(&Path::new(s).file_name()?.to_str()?[..3]))
            .collect();
        assert_eq!(prefixes, ["20_", "22_", "25_"], "the scans are read by OCR");
    } else {
        assert!(
            parsed + skipped.len() == paths.len() && parsed >= 50,
            "{parsed} of {} files parsed, {} skipped",
            paths.len(),
            skipped.len()
        );
    }
}

/// The `.doc` originals of `../shared/office` whose clauses Word numbers automatically (the
/// numbers exist only in the list tables) read with their numbers: `1.` to `4.` under
/// `Điều 3.` of the fund's charter, and no numbering gap in any of them. Without the list tables
/// their clauses lost their numbers and six numbering gaps were found.
#[test]
fn doc_list_numbers_are_drawn() {
    let Some(office) = shared("office") else {
        return;
    };
    let mut gaps = Vec::new();
    for prefix in ["09_", "21_", "23_"] {
        let path = std::fs::read_dir(office.join("docs"))
            .expect("office documents")
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("{prefix}*.doc is in ../shared/office"));
        let bytes = std::fs::read(&path).expect("office file");
        let decoded = vanban::batch::read::read_document(&bytes, u64::MAX).expect("reads");
        if prefix == "21_" {
            let clauses: Vec<&str> = decoded
                .text
                .lines()
                .skip_while(|l| !l.starts_with("Điều 3."))
                .skip(1)
                .filter(|l| !l.starts_with(|c: char| c.is_ascii_lowercase() || c == 'đ'))
                .take(4)
                .map(|l| l.split_whitespace().next().unwrap_or_default())
                .collect();
            assert_eq!(clauses, ["1.", "2.", "3.", "4."], "{}", path.display());
        }
        let doc = vanban::parse_decoded(&decoded, &vanban::Options::default());
        let profile = vanban::validate::Profile::for_document(&doc);
        let findings = vanban::validate::Validator::new(profile).validate(&doc, &decoded.text);
        gaps.extend(
            findings
                .iter()
                .filter(|f| f.code == "BOD001")
                .map(|f| format!("{}:{} {}", path.display(), f.line, f.message)),
        );
    }
    assert!(gaps.is_empty(), "numbering gaps:\n{}", gaps.join("\n"));
}
