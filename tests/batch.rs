//! `vanban convert` end to end, on generated archives of mixed files (valid, empty, binary,
//! UTF-16, Windows-1258, NFD, a fake DOCX): every input accounted for, outputs independent of
//! the thread count and of reruns, resume after an interrupted run, NDJSON order, the stdin
//! contract, exit codes.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use vanban_testkit::archive::{self as gen_archive, GenFile, Kind};
use vanban_testkit::pdf as gen_pdf;

/// A folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("vanban-test-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn vanban(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vanban"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("vanban runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).expect("stdin written");
    }
    child.wait_with_output().expect("vanban finishes")
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Every file under `dir` but `summary.json`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p != dir.join("summary.json") {
                let rel = p.strip_prefix(dir).expect("under dir").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("readable"));
            }
        }
    }
    out
}

fn summary(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("summary.json")).expect("summary.json written");
    serde_json::from_str(&text).expect("summary.json is JSON")
}

fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("summary has {key}: {v}"))
}

/// The words a failure's reason must hold for each failing kind.
fn expected_reason(kind: Kind) -> &'static str {
    match kind {
        Kind::Empty => "empty file",
        Kind::Junk => "binary data",
        Kind::FakeDocx => "DOCX file could not be read",
        _ => unreachable!("only failing kinds have a reason"),
    }
}

fn generate(dir: &TempDir, n: usize) -> (PathBuf, Vec<GenFile>) {
    let arch = dir.join("arch");
    let files = gen_archive::generate(n, &arch, 42).expect("archive generated");
    for kind in gen_archive::SPECIAL {
        assert!(
            files.iter().any(|f| f.kind == kind),
            "the archive holds a {kind:?} file"
        );
    }
    (arch, files)
}

#[test]
fn mixed_archive_is_converted_deterministically_and_resumes() {
    let tmp = TempDir::new("mixed");
    let (arch, files) = generate(&tmp, 120);
    let (one, two) = (tmp.join("out1"), tmp.join("out2"));

    let run1 = vanban(&["convert", s(&arch), "--out", s(&one), "-j1"], None);
    assert_eq!(code(&run1), 1, "some files fail: exit 1\n{}", stderr(&run1));
    let sum = summary(&one);
    let failing: Vec<&GenFile> = files.iter().filter(|f| f.kind.fails()).collect();
    assert_eq!(
        n(&sum, "documents"),
        files.len() as u64,
        "every input is counted"
    );
    assert_eq!(
        n(&sum, "converted") + n(&sum, "skipped") + n(&sum, "failed"),
        files.len() as u64,
        "converted + skipped + failed = inputs"
    );
    assert_eq!(n(&sum, "failed"), failing.len() as u64, "{sum}");
    let failures = sum["failures"].as_array().expect("failures listed");
    for f in &failing {
        let path = arch.join(&f.rel);
        let record = failures
            .iter()
            .find(|r| r["path"] == s(&path))
            .unwrap_or_else(|| panic!("{} is listed as failed: {sum}", f.rel.display()));
        let reason = record["reason"].as_str().unwrap_or_default();
        assert!(
            reason.contains(expected_reason(f.kind)),
            "{:?} {}: reason names the problem: {reason}",
            f.kind,
            f.rel.display()
        );
    }
    let count = |k: Kind| files.iter().filter(|f| f.kind == k).count() as u64;
    assert_eq!(
        sum["by_encoding"]["utf-16le"],
        count(Kind::Utf16Le),
        "{sum}"
    );
    assert_eq!(
        sum["by_encoding"]["windows-1258"],
        count(Kind::Windows1258),
        "{sum}"
    );
    let outputs = tree(&one);
    assert_eq!(
        outputs.len(),
        files.len() - failing.len(),
        "one output per converted file"
    );
    for f in files.iter().filter(|f| !f.kind.fails()) {
        let mut name = PathBuf::from("arch").join(&f.rel).into_os_string();
        name.push(".json");
        let json: Value = serde_json::from_slice(&outputs[&PathBuf::from(name)])
            .unwrap_or_else(|e| panic!("{}: output is JSON: {e}", f.rel.display()));
        assert_eq!(json["source"]["path"], s(&arch.join(&f.rel)));
        assert!(
            json["source"]["hash"]
                .as_str()
                .is_some_and(|h| h.starts_with("xxh3:")),
            "the input hash is recorded"
        );
        assert_eq!(json["source"]["vanban_version"], env!("CARGO_PKG_VERSION"));
        assert!(
            !json["title"].is_null(),
            "{}: generated documents have a title",
            f.rel.display()
        );
    }

    let run2 = vanban(&["convert", s(&arch), "--out", s(&two), "-j2"], None);
    assert_eq!(code(&run2), 1, "{}", stderr(&run2));
    assert!(tree(&two) == outputs, "-j1 and -j2 write the same bytes");

    let forced = vanban(
        &["convert", s(&arch), "--out", s(&two), "-j2", "--force"],
        None,
    );
    assert_eq!(code(&forced), 1, "{}", stderr(&forced));
    assert_eq!(n(&summary(&two), "skipped"), 0, "--force redoes everything");
    assert!(tree(&two) == outputs, "a second run writes the same bytes");

    // An interrupted run: remove every other output, as if the run had stopped half-way.
    let mut removed = 0;
    for (k, rel) in outputs.keys().enumerate() {
        if k % 2 == 0 {
            std::fs::remove_file(two.join(rel)).expect("output removed");
            removed += 1;
        }
    }
    let resumed = vanban(&["convert", s(&arch), "--out", s(&two), "-j2"], None);
    assert_eq!(code(&resumed), 1, "{}", stderr(&resumed));
    let sum = summary(&two);
    assert_eq!(
        n(&sum, "converted"),
        removed,
        "only the missing outputs are redone"
    );
    assert_eq!(
        n(&sum, "skipped"),
        (outputs.len() - removed as usize) as u64,
        "the others are skipped"
    );
    assert_eq!(
        n(&sum, "converted") + n(&sum, "skipped") + n(&sum, "failed"),
        files.len() as u64
    );
    assert!(tree(&two) == outputs, "resuming gives the same bytes");
    assert_eq!(
        sum["by_type"],
        summary(&one)["by_type"],
        "skipped documents still count by type"
    );

    // A changed input is converted again despite its existing output.
    let changed = files
        .iter()
        .find(|f| f.kind == Kind::Valid)
        .expect("a valid file");
    let path = arch.join(&changed.rel);
    let mut text = std::fs::read_to_string(&path).expect("readable");
    text.push_str("\nGhi chú thêm.\n");
    std::fs::write(&path, text).expect("writable");
    let again = vanban(&["convert", s(&arch), "--out", s(&two), "-j2"], None);
    assert_eq!(code(&again), 1, "{}", stderr(&again));
    assert_eq!(n(&summary(&two), "converted"), 1, "only the changed file");
}

#[test]
fn a_killed_run_leaves_whole_files_and_resumes_to_the_same_bytes() {
    let tmp = TempDir::new("killed");
    let (arch, _) = generate(&tmp, 48);
    let (reference, out) = (tmp.join("ref"), tmp.join("out"));
    let full = vanban(&["convert", s(&arch), "--out", s(&reference), "-j2"], None);
    assert_eq!(code(&full), 1, "{}", stderr(&full));

    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["convert", s(&arch), "--out", s(&out), "-j1", "-q"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("vanban runs");
    std::thread::sleep(Duration::from_millis(150));
    let _ = child.kill();
    let _ = child.wait();
    if out.exists() {
        for (rel, bytes) in tree(&out) {
            if rel.extension().is_some_and(|e| e == "json") {
                assert!(
                    serde_json::from_slice::<Value>(&bytes).is_ok(),
                    "{}: a killed run leaves no half-written output",
                    rel.display()
                );
            }
        }
    }
    let resumed = vanban(&["convert", s(&arch), "--out", s(&out), "-j2"], None);
    assert_eq!(code(&resumed), 1, "{}", stderr(&resumed));
    let mut after = tree(&out);
    // A temporary file of the killed run may remain; it is overwritten by the next write.
    after.retain(|rel, _| rel.extension().is_none_or(|e| e != "tmp"));
    assert!(
        after == tree(&reference),
        "resumed outputs equal a clean run's"
    );
}

#[test]
fn ndjson_is_sorted_and_independent_of_threads() {
    let tmp = TempDir::new("ndjson");
    let (arch, files) = generate(&tmp, 48);
    let one = vanban(&["convert", s(&arch), "--ndjson", "-j1", "-q"], None);
    let two = vanban(&["convert", s(&arch), "--ndjson", "-j2", "-q"], None);
    assert_eq!(
        code(&one),
        1,
        "a failed file makes exit 1: {}",
        stderr(&one)
    );
    assert_eq!(code(&two), 1);
    assert!(one.stdout == two.stdout, "-j1 and -j2 print the same lines");
    let lines: Vec<Value> = one
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), files.len(), "one line per input");
    let paths: Vec<&str> = lines
        .iter()
        .map(|l| l["path"].as_str().expect("path"))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(paths, sorted, "sorted by path");
    for (line, f) in lines.iter().zip(&files) {
        assert_eq!(
            line["path"],
            s(&arch.join(&f.rel)),
            "same order as the files"
        );
        if f.kind.fails() {
            assert!(line["error"]["message"].is_string(), "error record: {line}");
            assert!(line.get("document").is_none());
        } else {
            assert!(
                line["document"]["schema_version"].is_u64(),
                "document record"
            );
        }
    }
}

#[test]
fn stdin_mode_answers_one_line_per_path() {
    let tmp = TempDir::new("stdin");
    let (arch, files) = generate(&tmp, 30);
    let mut input: Vec<String> = files
        .iter()
        .rev()
        .take(12)
        .map(|f| s(&arch.join(&f.rel)).to_owned())
        .collect();
    input.insert(3, s(&tmp.join("does-not-exist.txt")).to_owned());
    input.insert(5, s(&arch).to_owned());
    let text = input.join("\n") + "\n";
    let out = vanban(&["convert", "--ndjson", "-", "-j2"], Some(&text));
    assert_eq!(
        code(&out),
        0,
        "failed files are records, not a failed tool: {}",
        stderr(&out)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), input.len(), "one line out per line in");
    for (line, path) in lines.iter().zip(&input) {
        assert_eq!(line["path"], path.as_str(), "in input order");
    }
    assert_eq!(
        lines[3]["error"]["kind"], "io",
        "missing file: {}",
        lines[3]
    );
    assert_eq!(lines[5]["error"]["kind"], "io", "a folder: {}", lines[5]);
    let bad = files
        .iter()
        .rev()
        .take(12)
        .filter(|f| f.kind.fails())
        .count();
    let errors = lines.iter().filter(|l| l.get("error").is_some()).count();
    assert_eq!(errors, bad + 2, "an error record for each bad path");
}

#[test]
fn special_encodings_parse_like_their_utf8_text() {
    let tmp = TempDir::new("encodings");
    let (arch, files) = generate(&tmp, 60);
    for f in files.iter().filter(|f| f.text.is_some()) {
        let bytes = std::fs::read(arch.join(&f.rel)).expect("readable");
        let mut doc = vanban::parse_bytes(&bytes, &vanban::Options::default())
            .unwrap_or_else(|e| panic!("{:?} {}: {e}", f.kind, f.rel.display()));
        let plain = vanban::parse(f.text.as_deref().unwrap_or_default());
        let want = match f.kind {
            Kind::Utf16Le => "utf-16le",
            Kind::Windows1258 => "windows-1258",
            _ => "utf-8",
        };
        assert_eq!(doc.source.encoding, want, "{:?}", f.kind);
        doc.source = plain.source.clone();
        assert!(
            doc == plain,
            "{:?} {}: same tree as the UTF-8 text",
            f.kind,
            f.rel.display()
        );
    }
}

#[test]
fn exit_codes_and_refusals() {
    let tmp = TempDir::new("exit");
    let (arch, files) = generate(&tmp, 24);
    let out = tmp.join("out");
    let good = files.iter().find(|f| f.kind == Kind::Valid).expect("valid");
    let docx = files
        .iter()
        .find(|f| f.kind == Kind::FakeDocx)
        .expect("docx");

    let missing = vanban(&["convert", s(&tmp.join("nope")), "--out", s(&out)], None);
    assert_eq!(code(&missing), 2, "a missing input stops the run");
    assert!(stderr(&missing).contains("nope"), "{}", stderr(&missing));

    let ok = vanban(
        &["convert", s(&arch.join(&good.rel)), "--out", s(&out)],
        None,
    );
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));

    let bad = vanban(
        &["convert", s(&arch.join(&docx.rel)), "--out", s(&out)],
        None,
    );
    assert_eq!(code(&bad), 1, "one bad file: exit 1");
    assert!(
        stderr(&bad).contains("DOCX file could not be read"),
        "{}",
        stderr(&bad)
    );

    let inside = arch.join("json");
    let refused = vanban(&["convert", s(&arch), "--out", s(&inside)], None);
    assert_eq!(code(&refused), 2, "--out inside an input folder");
    assert!(
        stderr(&refused).contains("--exclude 'json/**'"),
        "{}",
        stderr(&refused)
    );
    assert!(!inside.exists(), "nothing written when refused");
    let excluding = [
        "convert",
        s(&arch),
        "--out",
        s(&inside),
        "--exclude",
        "json/**",
        "-q",
    ];
    let excluded = vanban(&excluding, None);
    assert_eq!(
        code(&excluded),
        1,
        "accepted once excluded: {}",
        stderr(&excluded)
    );
    let rerun = vanban(&excluding, None);
    assert_eq!(
        n(&summary(&inside), "documents"),
        files.len() as u64,
        "outputs are not inputs"
    );
    assert_eq!(code(&rerun), 1);

    let no_ndjson = vanban(&["convert", "-", "--out", s(&out)], Some(""));
    assert_eq!(code(&no_ndjson), 2, "`-` needs --ndjson");

    let parse_docx = vanban(&["parse", s(&arch.join(&docx.rel))], None);
    assert_eq!(code(&parse_docx), 2, "vanban parse refuses a damaged DOCX");
    assert!(
        stderr(&parse_docx).contains("DOCX file"),
        "{}",
        stderr(&parse_docx)
    );
    let utf16 = files
        .iter()
        .find(|f| f.kind == Kind::Utf16Le)
        .expect("utf-16");
    let parsed = vanban(&["parse", s(&arch.join(&utf16.rel)), "--compact"], None);
    assert_eq!(
        code(&parsed),
        0,
        "vanban parse reads UTF-16: {}",
        stderr(&parsed)
    );
    let doc: Value = serde_json::from_slice(&parsed.stdout).expect("JSON");
    assert_eq!(doc["source"]["encoding"], "utf-16le");
}

/// A one-page PDF whose text is `text` drawn in Helvetica with WinAnsi encoding (so the bytes
/// of a TCVN3 text come out of `pdftotext` as their Windows-1252 characters, as in a PDF printed
/// from a `.VnTime` document); `encrypted` adds a standard security handler whose user password
/// is not empty.
fn pdf(text: &[u8], encrypted: bool) -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 72 760 Td (".to_vec();
    for &b in text {
        if matches!(b, b'(' | b')' | b'\\') {
            content.push(b'\\');
        }
        content.push(b);
    }
    content.extend_from_slice(b") Tj ET");
    if text.is_empty() {
        content.clear();
    }
    let mut objects = gen_pdf::page_objects("<< /Font << /F1 5 0 R >> >>");
    objects.push(gen_pdf::stream("", &content));
    objects.push(gen_pdf::HELVETICA.as_bytes().to_vec());
    let mut trailer = String::new();
    if encrypted {
        let (o, u) = ("11".repeat(32), "22".repeat(32));
        objects.push(format!("<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>").into());
        let id = "ab".repeat(16);
        trailer = format!(" /Encrypt {} 0 R /ID [<{id}> <{id}>]", objects.len());
    }
    gen_pdf::file(&objects, &trailer)
}

/// A scanned PDF (a page that is only an image, no text layer) is read through OCR: the page
/// is drawn by pdftoppm from a PDF of text, its pixels put in a PDF of their own, and `vanban`
/// reads the text back, diacritics included, and records that OCR read it.
#[test]
fn a_scanned_pdf_is_read_through_ocr() {
    if Command::new("pdftoppm").arg("-v").output().is_err() || !common::ocr_installed() {
        eprintln!(
            "skipped: OCR needs pdftoppm and tesseract with Vietnamese data \
             (apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie)"
        );
        return;
    }
    let lines = [
        "BÁO CÁO",
        "Tình hình tháng 6 và tháng 7",
        "Hòa Bình, ngày 16",
    ];
    let mut draw = Command::new("pdftoppm")
        .args(["-r", "200", "-gray", "-singlefile", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftoppm runs");
    draw.stdin
        .take()
        .expect("stdin")
        .write_all(&gen_pdf::text(&lines))
        .expect("the text PDF is written");
    let drawn = draw.wait_with_output().expect("pdftoppm draws the page");
    // A binary PGM: `P5`, width, height and the largest value, each ended by one whitespace.
    let mut fields = drawn.stdout.splitn(5, |b| b.is_ascii_whitespace());
    let magic = fields.next().expect("a PGM");
    assert_eq!(magic, b"P5", "pdftoppm -gray draws a PGM");
    let mut number = || -> usize {
        std::str::from_utf8(fields.next().expect("a PGM header field"))
            .expect("ASCII")
            .parse()
            .expect("a number")
    };
    let (width, height, max) = (number(), number(), number());
    assert_eq!(max, 255);
    let pixels = fields.next().expect("the pixels");
    assert_eq!(pixels.len(), width * height, "one byte a pixel");
    let scan = gen_pdf::image(width, height, pixels);

    let decoded = vanban::batch::read::read_document(&scan, u64::MAX).expect("OCR reads the scan");
    assert_eq!(decoded.format, Some(vanban::decode::InputFormat::PdfOcr));
    for line in lines {
        assert!(
            decoded.text.contains(line),
            "{line:?} in {:?}",
            decoded.text
        );
    }
    assert!(
        decoded.text.ends_with('\u{C}'),
        "the page ends with a form feed"
    );

    let tmp = TempDir::new("ocr");
    std::fs::write(tmp.join("scan.pdf"), &scan).expect("written");
    let parsed = vanban(&["parse", s(&tmp.join("scan.pdf"))], None);
    assert_eq!(code(&parsed), 0, "{}", stderr(&parsed));
    let doc: Value = serde_json::from_slice(&parsed.stdout).expect("JSON");
    assert_eq!(doc["source"]["input_format"], "pdf_ocr");
}

/// An OLE2 compound file holding `streams`: a Word 6 document (a `WordDocument` stream whose
/// file information block says Word 6) or a password-protected DOCX (`EncryptionInfo` and
/// `EncryptedPackage`, no `WordDocument`).
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("creates");
    for (name, bytes) in streams {
        let mut stream = cf.create_stream(name).expect("stream");
        stream.write_all(bytes).expect("written");
    }
    cf.flush().expect("flushes");
    cf.into_inner().into_inner()
}

fn fixture(rel: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// "Cộng hòa xã hội chủ nghĩa Việt Nam" in TCVN3 bytes.
const TCVN3_TITLE: &[u8] = b"C\xE9ng h\xDFa x\xB7 h\xE9i ch\xF1 ngh\xDCa Vi\xD6t Nam";

/// True, with a note that the test is skipped, when poppler's `tool` is not installed.
fn poppler_missing(tool: &str) -> bool {
    let missing = Command::new(tool).arg("-v").output().is_err();
    if missing {
        eprintln!("skipped: {tool} (poppler-utils) is not installed");
    }
    missing
}

/// A PDF printed from a TCVN3 document: its heading drawn by an `H` font (`VnTimeHBold`) in the
/// small-letter slots, its motto in `VnTime`. The heading comes out in capitals, as on the page
/// (the fonts read through `pdftohtml -xml`), detected or forced (`--encoding tcvn3`), and the
/// header is found.
#[test]
fn a_legacy_pdf_takes_its_capitals_from_its_fonts() {
    if poppler_missing("pdftohtml") {
        return;
    }
    let tmp = TempDir::new("pdf-fonts");
    let file = tmp.join("thong-tu.pdf");
    let pdf = gen_pdf::fonted(&[
        (
            "FBHPFO+VnTimeHBold",
            b"c\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDCa vi\xD6t nam",
        ),
        (
            "FBHPEM+VnTime",
            b"\xA7\xE9c l\xCBp - T\xF9 do - H\xB9nh ph\xF3c",
        ),
        ("FBHPFO+VnTimeHBold", b"th\xABng b\xB8o"),
    ]);
    std::fs::write(&file, pdf).expect("written");
    let text = vanban(&["text", s(&file)], None);
    assert_eq!(code(&text), 0, "{}", stderr(&text));
    let lines: Vec<String> = String::from_utf8_lossy(&text.stdout)
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "THÔNG BÁO"
        ]
    );
    let forced = vanban(&["text", "--encoding", "tcvn3", s(&file)], None);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(
        String::from_utf8_lossy(&forced.stdout)
            .lines()
            .next()
            .map(str::trim),
        Some("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "a forced TCVN3 reading takes its capitals from the fonts too"
    );
    let parsed = vanban(&["parse", s(&file), "--compact"], None);
    let doc: Value = serde_json::from_slice(&parsed.stdout).expect("JSON");
    assert_eq!(
        doc["header"]["national_title"]["text"],
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
}

#[test]
fn office_files_are_converted_and_unreadable_ones_fail_alone() {
    if poppler_missing("pdftotext") {
        return;
    }
    let tmp = TempDir::new("office");
    let arch = tmp.join("arch");
    std::fs::create_dir_all(&arch).expect("archive folder");
    let mut word6 = vec![0u8; 64];
    word6[..4].copy_from_slice(&[0xEC, 0xA5, 0x65, 0x00]);
    let files: [(&str, Vec<u8>); 8] = [
        ("decision.docx", fixture("tests/docx/decision.docx")),
        ("tcvn3.rtf", fixture("tests/legacy/tcvn3.rtf")),
        ("tcvn3.pdf", pdf(TCVN3_TITLE, false)),
        ("locked.pdf", pdf(TCVN3_TITLE, true)),
        ("damaged.pdf", b"%PDF-1.4\n1 0 obj garbage\n".to_vec()),
        ("scan.pdf", pdf(b"", false)),
        ("word6.doc", compound(&[("WordDocument", &word6)])),
        (
            "locked.docx",
            compound(&[
                ("EncryptionInfo", &[4, 0, 4, 0]),
                ("EncryptedPackage", &[0; 16]),
            ]),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(arch.join(name), bytes).expect("fixture written");
    }
    let out = tmp.join("out");
    let run = vanban(&["convert", s(&arch), "--out", s(&out), "-j2"], None);
    assert_eq!(code(&run), 1, "some files fail: exit 1\n{}", stderr(&run));
    let sum = summary(&out);
    assert_eq!(n(&sum, "documents"), 8, "{sum}");
    assert_eq!(n(&sum, "converted"), 3, "{sum}");
    assert_eq!(n(&sum, "failed"), 5, "{sum}");
    assert_eq!(
        sum["by_format"],
        serde_json::json!({"docx": 1, "pdf": 1, "rtf": 1})
    );
    assert_eq!(
        sum["with_encoding"]["tcvn3"], 3,
        "all three hold TCVN3 text: {sum}"
    );
    assert_eq!(sum["with_encoding"]["unicode"], 3, "{sum}");
    assert_eq!(
        n(&sum, "with_review_marks"),
        1,
        "the DOCX still tracks a change in Điều 1: {sum}"
    );
    let reason = |name: &str| {
        let path = arch.join(name);
        let failure = sum["failures"]
            .as_array()
            .and_then(|f| f.iter().find(|r| r["path"] == s(&path)))
            .unwrap_or_else(|| panic!("{name} failed: {sum}"));
        failure["reason"].as_str().unwrap_or_default().to_owned()
    };
    for (name, says) in [
        (
            "locked.pdf",
            "PDF file could not be read: the document is encrypted",
        ),
        ("damaged.pdf", "PDF file could not be read: it is damaged"),
        // A blank page: OCR finds nothing on it, or OCR is not installed (the packages named).
        ("scan.pdf", "scanned PDF"),
        ("word6.doc", "DOC file could not be read: Word 6/95 format"),
        (
            "locked.docx",
            "DOCX file could not be read: the document is encrypted",
        ),
    ] {
        let reason = reason(name);
        assert!(reason.contains(says), "{name}: {reason}");
    }
    let read = |name: &str| -> Value {
        let bytes = std::fs::read(out.join(format!("arch/{name}.json"))).expect("output");
        serde_json::from_slice(&bytes).expect("JSON")
    };
    let pdf = read("tcvn3.pdf");
    assert_eq!(pdf["source"]["input_format"], "pdf");
    assert_eq!(pdf["source"]["encoding"], "tcvn3");
    assert_eq!(
        pdf["header"]["national_title"]["text"], "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "the TCVN3 line of the PDF is decoded"
    );
    let docx = read("decision.docx");
    assert_eq!(docx["source"]["input_format"], "docx");
    assert_eq!(docx["source"]["format"], "text", "the syntax read");
    let names: Vec<&str> = docx["source"]["encodings"]
        .as_array()
        .expect("encodings")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert_eq!(names, ["unicode", "tcvn3"]);
    assert_eq!(
        docx["source"]["review_marks"]["deleted_chars"], 7,
        "the change still tracked, as `parse` gives it"
    );
    assert!(
        pdf["source"].get("review_marks").is_none(),
        "a file without tracked changes says nothing of them"
    );

    // `parse` and `text` read PDF through the same code, and fail the same way.
    let text = vanban(&["text", s(&arch.join("tcvn3.pdf"))], None);
    assert_eq!(code(&text), 0, "{}", stderr(&text));
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).trim_end(),
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    );
    let forced = vanban(
        &["text", "--encoding", "utf-8", s(&arch.join("tcvn3.pdf"))],
        None,
    );
    assert!(
        String::from_utf8_lossy(&forced.stdout).starts_with("Céng hßa"),
        "--encoding utf-8 leaves the extracted text as it is"
    );
    let locked = vanban(&["parse", s(&arch.join("locked.pdf"))], None);
    assert_eq!(code(&locked), 2);
    assert!(
        stderr(&locked)
            .contains("locked.pdf: PDF file could not be read: the document is encrypted"),
        "{}",
        stderr(&locked)
    );
}
