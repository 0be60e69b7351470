//! Legacy-encoded documents (issue 15): a TCVN3 text, a VNI text, a file mixing TCVN3, VNI and
//! UTF-8 lines, and an RTF with `.VnTime`, `.VnTimeH`, `VNI-Times` and Unicode runs, all made from
//! tests/legacy/source.txt by tests/legacy/generate.py, read as the Unicode original; and parsed,
//! the same document as the original.

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/legacy")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    let path = fixture(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn source() -> String {
    String::from_utf8(bytes("source.txt")).expect("the original is UTF-8")
}

#[test]
fn legacy_text_files_decode_to_the_original() {
    for (name, encoding) in [
        ("tcvn3.txt", "tcvn3"),
        ("vni.txt", "vni"),
        ("mixed.txt", "vni"),
    ] {
        let decoded = vanban::decode(&bytes(name)).expect(name);
        assert_eq!(decoded.text, source(), "{name}");
        assert_eq!(
            decoded.encoding, encoding,
            "{name}: the encoding that covered most"
        );
    }
}

#[test]
fn legacy_documents_parse_as_the_original() {
    let original = vanban::parse(&source());
    for name in ["tcvn3.txt", "vni.txt", "mixed.txt"] {
        let doc = vanban::parse_bytes(&bytes(name), &vanban::Options::default()).expect(name);
        assert_eq!(doc.header, original.header, "{name}: header");
        assert_eq!(doc.sections, original.sections, "{name}: body");
        assert_eq!(doc.closing, original.closing, "{name}: closing");
    }
    let title = original
        .header
        .national_title
        .as_ref()
        .map(|t| t.text.as_str());
    assert_eq!(title, Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
}

#[test]
fn rtf_runs_are_decoded_by_font() {
    let decoded = vanban::decode(&bytes("tcvn3.rtf")).expect("the RTF is read");
    assert_eq!(decoded.format, Some(vanban::decode::InputFormat::Rtf));
    assert_eq!(decoded.encoding, "tcvn3");
    assert_eq!(
        decoded.text,
        "ỦY BAN NHÂN DÂN XÃ BÌNH MINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         Độc lập - Tự do - Hạnh phúc\n\
         Về việc tiếp nhận hồ sơ đăng ký kinh doanh\n\
         Người dân nộp hồ sơ được hướng dẫn.\n"
    );
}

#[test]
fn windows_1258_and_unicode_are_never_converted() {
    // "Hà Nội, ngày 12 tháng 6 năm 2004" in Windows-1258 (ộ = ô + combining dot below).
    let cp1258 = b"H\xE0 N\xF4\xF2i, ng\xE0y 12 th\xE1ng 6 n\xE3m 2004\n";
    let decoded = vanban::decode(cp1258).expect("decodes");
    assert_eq!(decoded.encoding, "windows-1258");
    let source = source();
    let decoded = vanban::decode(source.as_bytes()).expect("decodes");
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        (source.as_str(), "utf-8")
    );
}

/// Every document of the project's corpus (the seed among them) and of `../shared/corpus` (when
/// it is there) is Unicode: read from its bytes nothing is converted. The project's corpus read
/// as another program's extracted text (where every line without a Vietnamese letter is weighed
/// against the legacy encodings) is not converted either.
#[test]
fn unicode_corpora_are_never_converted() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // `../shared` lies beside a clone; a git worktree may sit one level deeper.
    let shared = [
        root.join("../shared/corpus"),
        root.join("../../shared/corpus"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
    .unwrap_or_else(|| root.join("../shared/corpus"));
    let mut dirs = vec![root.join("corpus")];
    if shared.is_dir() && std::env::var("VANBAN_SKIP_SHARED").is_err() {
        dirs.push(shared);
    } else {
        eprintln!("skipped {}: not available", shared.display());
    }
    let mut checked = 0;
    for (k, dir) in dirs.into_iter().enumerate() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("README"))
            })
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "{} holds documents", dir.display());
        for path in paths {
            let bytes = std::fs::read(&path).expect("document");
            let name = path.display();
            let decoded = vanban::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let names: Vec<&str> = decoded.encodings.iter().map(|e| e.name.as_str()).collect();
            assert!(
                names
                    .iter()
                    .all(|n| ["utf-8", "utf-16le", "utf-16be"].contains(n)),
                "{name}: read as {names:?}"
            );
            checked += 1;
            if k > 0 {
                continue;
            }
            let extracted = vanban::decode::decode_pdf_text(decoded.text.clone());
            let converted: Vec<&str> = extracted
                .encodings
                .iter()
                .map(|e| e.name.as_str())
                .filter(|n| *n != "unicode")
                .collect();
            assert!(
                converted.is_empty() && extracted.text == decoded.text,
                "{name}: lines read as {converted:?}"
            );
        }
    }
    eprintln!("{checked} Unicode documents, none converted");
}
