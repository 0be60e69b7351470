//! Property tests: whatever the input, the parser returns, loses nothing and builds a
//! well-formed tree.
//!
//! Inputs are generated documents, line soups of realistic and broken lines, and corpus files
//! mutated at random (lines deleted, swapped or repeated, characters inserted, truncation), plus
//! fixed pathological shapes (a huge line, deep `1.1.1…` nesting, thousands of `Số:` lines or
//! citations). For each input:
//! - `vanban::parse` returns (no panic, no endless loop: the test finishes);
//! - the source map covers every non-blank byte exactly once, inside the input, on character
//!   boundaries, with right line numbers and paths that resolve (`common::assert_lossless`);
//! - sections have `line <= end_line` and lie within their parents, paragraphs within their
//!   sections, every line number within the input;
//! - the JSON serializes and validates against `vanban::json_schema()`.
//!
//! The seed is fixed (`common::SEED`) and the case counts small enough for a debug build on two cores;
//! `PROPTEST_CASES=10000 PROPTEST_RNG_SEED=1 cargo test --release --test properties` runs longer
//! with another seed.

mod common;

use std::sync::LazyLock;

use common::proptest_config as config;
use proptest::prelude::*;
use vanban::model::{Document, Section};
use vanban_testkit::reports as generate;

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::validator_for(&vanban::json_schema()).expect("the model's schema compiles")
});

/// The corpus documents, read once: (file name, text, forced format).
static CORPUS: LazyLock<Vec<(String, String, Option<vanban::model::Format>)>> =
    LazyLock::new(|| {
        common::corpus_files()
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).expect("corpus file is UTF-8");
                let md = p.extension().and_then(|e| e.to_str()) == Some("md");
                let name = p
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                (name, text, md.then_some(vanban::model::Format::Markdown))
            })
            .collect()
    });

/// Parses `input` (as Markdown, as text, or detected) and checks every property.
fn check(name: &str, input: &str, format: Option<vanban::model::Format>) -> Document {
    let doc = vanban::parse_with(
        input,
        &vanban::Options {
            format,
            ..vanban::Options::default()
        },
    );
    common::assert_lossless(name, input, &doc);
    let lines = doc.source.lines;
    let mut sorted = true;
    for w in doc.source_map.windows(2) {
        sorted &= w[0].start < w[1].start;
    }
    assert!(sorted, "{name}: the source map is in input order");
    for s in &doc.sections {
        check_section(name, s, None, lines);
    }
    for a in &doc.appendices {
        assert!(a.line <= a.end_line, "{name}: appendix {a:?}");
        for s in &a.sections {
            check_section(name, s, None, lines);
        }
    }
    let json = serde_json::to_value(&doc).expect("the document serializes");
    let errors: Vec<String> = VALIDATOR
        .iter_errors(&json)
        .take(3)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: schema errors {errors:?}");
    assert!(
        vanban::json::to_vec(&doc).expect("the document serializes")
            == serde_json::to_vec(&doc).expect("the document serializes"),
        "{name}: vanban::json and serde_json write the same bytes"
    );
    doc
}

fn check_section(name: &str, s: &Section, parent: Option<&Section>, lines: usize) {
    assert!(
        1 <= s.line && s.line <= s.end_line && s.end_line <= lines,
        "{name}: section {} spans lines {}..={} of {lines}",
        s.label,
        s.line,
        s.end_line
    );
    if let Some(p) = parent {
        assert!(
            p.line <= s.line && s.end_line <= p.end_line,
            "{name}: section {} ({}..={}) outside its parent {} ({}..={})",
            s.label,
            s.line,
            s.end_line,
            p.label,
            p.line,
            p.end_line
        );
    }
    for p in &s.paragraphs {
        assert!(
            s.line <= p.line && p.line <= p.end_line && p.end_line <= s.end_line,
            "{name}: paragraph {}..={} outside section {} ({}..={})",
            p.line,
            p.end_line,
            s.label,
            s.line,
            s.end_line
        );
    }
    for c in &s.children {
        check_section(name, c, Some(s), lines);
    }
}

/// Realistic lines of every zone, decorated and not, and broken ones.
const LINES: &[&str] = &[
    "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH BÌNH ĐỊNH\tĐộc lập - Tự do - Hạnh phúc",
    "| **ỦY BAN NHÂN DÂN**<br>**XÃ A** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |",
    "|---|---|",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Số: 123/BC-UBND                Quy Nhơn, ngày 05 tháng 3 năm 2024",
    "Số:      /BC-UBND",
    "Số 45-BC/ĐU",
    "Hà Nội, ngày …… tháng …… năm ……",
    "V/v góp ý dự thảo",
    "DỰ THẢO",
    "KHẨN",
    "BÁO CÁO",
    "## **BÁO CÁO** **thực hiện “Năm dân vận khéo” 2020**",
    "QUYẾT ĐỊNH:",
    "Kính gửi: Sở Nội vụ",
    "Kính gửi:",
    "- Ủy ban nhân dân tỉnh;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
    "Theo đề nghị của Giám đốc Sở Nội vụ,",
    "PHẦN I",
    "PHẦN thứ hai",
    "Chương II. QUY ĐỊNH CHUNG",
    "Mục 2",
    "Điều 1. Phạm vi điều chỉnh",
    "I. KẾT QUẢ THỰC HIỆN",
    "II- ĐÁNH GIÁ CHUNG",
    "### **III. PHƯƠNG HƯỚNG**",
    "1. Công tác chỉ đạo",
    "2- Tổ chức thực hiện",
    "1.1. Cải cách hành chính",
    "1.1.1. Chi tiết",
    "3.2 Tinh giản biên chế",
    "a) Nội dung thứ nhất;",
    "đ) Nội dung khác.",
    "- Gạch đầu dòng;",
    "+ Dấu cộng",
    "• Chấm tròn",
    "* mục sao",
    "-Sở Tài chính",
    "Thực hiện Quyết định số 123/QĐ-UBND ngày 05/3/2021 của Ủy ban nhân dân tỉnh",
    "về việc triển khai công tác cải cách hành chính trên địa bàn",
    "117/QĐ-",
    "UBND ngày 12/5/2022.",
    "Y tế\t\tGiáo dục\t",
    "| Chỉ tiêu | Kết quả |",
    "| --- | --- |",
    "| Tỷ lệ | 95% |",
    "12",
    "- 3 -",
    "CÔNG BÁO/Số 12",
    "Người ký: Nguyễn Văn An",
    "1 Thường trực Tỉnh ủy",
    "___________",
    "Trên đây là báo cáo kết quả thực hiện./.",
    "PHỤ LỤC I",
    "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/3/2024)",
    "Nơi nhận:",
    "Nơi nhận:            KT. GIÁM ĐỐC",
    "- Như trên;",
    "- Lưu: VT, TH.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "GIÁM ĐỐC",
    "(Đã ký)",
    "Nguyễn Văn An",
    "",
    "   ",
    "\t",
    "**",
    "|",
    "||",
    "#",
    "###### ",
    "\\*\\*\\*",
    "<br><br>",
    "ngày tháng năm",
    "Số:",
    "I.",
    "1.",
    "a)",
    "Σ ΣΣ İ ǅ ß ﬁ",
    "e\u{0301}\u{0323} Ho\u{0300}a \u{00A0}\u{200B}\u{FEFF}",
];

/// One line: a realistic one, a random numbering label, or random text.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(LINES).prop_map(str::to_owned),
        2 => (proptest::collection::vec(1u32..40, 1..8), "[ .)\\-]{0,2}", "[A-Za-zĐđÀ-ỹ ]{0,30}")
            .prop_map(|(parts, sep, title)| {
                let label: Vec<String> = parts.iter().map(u32::to_string).collect();
                format!("{}{sep}{title}", label.join("."))
            }),
        2 => "[ -~À-ỹ“”–…|\\t*_#<>\\\\]{0,80}",
    ]
}

/// A document made of random lines, joined by LF, CRLF or lone CR.
fn soup() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(line(), 0..60),
        proptest::sample::select(&["\n", "\n", "\r\n", "\r", "\n\n"][..]),
    )
        .prop_map(|(lines, sep)| lines.join(sep))
}

/// Characters to insert: Vietnamese letters, separators, control characters, emoji.
fn inserted() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::sample::select(
            &[
                '|', '\t', '\r', '\n', ' ', '*', '_', '\\', '<', '>', '#', '-', '.', ':', '/', '(',
                ')', 'ệ', 'Đ', 'ư', 'Ơ', '\u{0300}', '\u{0323}', '\u{00A0}', '\u{200B}',
                '\u{FEFF}', '\u{2028}', '\u{0085}', '\u{000B}', '\u{000C}', '“', '…', 'Σ', 'İ',
                '😀', '\0',
            ][..]
        ),
        any::<char>(),
    ]
}

/// A random change to a document.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    SwapLines(usize, usize),
    RepeatLine(usize, usize),
    Insert(usize, char),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::DeleteLine),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => (any::<usize>(), 1usize..50).prop_map(|(a, n)| Mutation::RepeatLine(a, n)),
        4 => (any::<usize>(), inserted()).prop_map(|(at, c)| Mutation::Insert(at, c)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Applies `m` to `text`; positions are taken modulo the text's lines or characters.
fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    match *m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
            lines.join("\n")
        }
        Mutation::SwapLines(a, b) => {
            lines.swap(a % n, b % n);
            lines.join("\n")
        }
        Mutation::RepeatLine(a, times) => {
            let l = lines[a % n];
            for _ in 0..times {
                lines.insert(a % n, l);
            }
            lines.join("\n")
        }
        Mutation::Insert(at, c) => {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let at = bounds
                .get(at % (bounds.len() + 1))
                .copied()
                .unwrap_or(text.len());
            let mut out = text.to_owned();
            out.insert(at, c);
            out
        }
        Mutation::Truncate(at) => {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let at = bounds
                .get(at % (bounds.len() + 1))
                .copied()
                .unwrap_or(text.len());
            text[..at].to_owned()
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Generated reports of 1 to 24 KB.
    #[test]
    fn generated_reports(seed in any::<u64>(), size in 1_000usize..24_000) {
        let text = generate::report(size, seed);
        check("generated report", &text, None);
    }
}

proptest! {
    #![proptest_config(config(160))]

    /// Documents made of random realistic and broken lines, in both formats.
    #[test]
    fn line_soups(text in soup(), format in proptest::option::of(proptest::sample::select(&[
        vanban::model::Format::Markdown,
        vanban::model::Format::Text,
    ][..]))) {
        check("line soup", &text, format);
    }

    /// Corpus files with lines deleted, swapped or repeated, characters inserted, truncated.
    #[test]
    fn mutated_corpus(file in any::<usize>(), mutations in proptest::collection::vec(mutation(), 1..10)) {
        let (name, text, format) = &CORPUS[file % CORPUS.len()];
        let mut text = text.clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        check(name, &text, *format);
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// Normalization is idempotent and its output is NFC with LF line ends.
    #[test]
    fn normalization_is_idempotent(text in "[ -~À-ỹ\\r\\n\\t\u{00A0}\u{200B}\u{0300}-\u{0323}\u{2000}-\u{200D}\u{FEFF}]{0,60}") {
        let once = vanban::normalize(&text);
        prop_assert!(!once.text.contains('\r'));
        prop_assert!(unicode_normalization::is_nfc(&once.text));
        let twice = vanban::normalize(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
        prop_assert!(twice.applied.is_empty(), "{:?}", twice.applied);
    }
}

/// Deep decimal nesting, at every depth up to 60, and one label 2,000 parts long: the tree
/// stops at the depth limit, the labels below it stay text.
#[test]
fn deep_nesting() {
    let mut text = String::from("BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\n");
    for depth in 1..=60 {
        text.push_str(&vec!["1"; depth].join("."));
        text.push_str(". Mục sâu\nNội dung của mục.\n");
    }
    text.push_str(&vec!["1"; 2_000].join("."));
    text.push_str(". Rất sâu\n");
    let doc = check("deep nesting", &text, None);
    let limit = vanban::Options::DEFAULT_SECTION_DEPTH;
    assert_eq!(
        tree_depth(&doc.sections),
        limit,
        "decimal labels nest to the limit"
    );
    let mut deepest = &doc.sections[0];
    while let Some(c) = deepest.children.last() {
        deepest = c;
    }
    assert_eq!(&*deepest.label, vec!["1"; limit - 1].join(".").as_str());
    assert!(
        deepest
            .paragraphs
            .iter()
            .any(|p| p.text.starts_with("1.1.1.")),
        "the deeper labels are the deepest section's text"
    );
    let findings = vanban::check(&text, &vanban::Options::default()).findings;
    let deep: Vec<&str> = findings
        .iter()
        .filter(|f| f.code == "BOD011")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        deep.len(),
        1,
        "one finding under the deepest section: {deep:?}"
    );
}

/// How many sections deep `list` nests.
fn tree_depth(list: &[Section]) -> usize {
    list.iter()
        .map(|s| 1 + tree_depth(&s.children))
        .max()
        .unwrap_or(0)
}

/// The deepest nesting of arrays and objects in `json`, read byte by byte (strings skipped).
fn json_depth(json: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for &b in json {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth -= 1,
            _ => {}
        }
    }
    deepest
}

/// Nesting a generator may write: `1.`, `1.1.` … in decimal chains, and every other style of
/// label (Phần, Chương, Mục, Điều, roman, arabic with a dash, letters, unnumbered headings
/// above `a)`), in appendices and in an attached Quy chế, with tables in the deepest sections.
fn nesting_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (1usize..80).prop_map(|depth| format!("{}. Mục sâu", vec!["1"; depth].join("."))),
        1 => Just("PHẦN I".to_owned()),
        1 => Just("Chương I. QUY ĐỊNH CHUNG".to_owned()),
        1 => Just("Mục 1. Nội dung".to_owned()),
        1 => Just("Tiểu mục 1. Nội dung".to_owned()),
        1 => Just("Điều 1. Phạm vi".to_owned()),
        1 => Just("A. PHẦN CHUNG".to_owned()),
        1 => Just("I. KẾT QUẢ".to_owned()),
        1 => Just("II- NHIỆM VỤ".to_owned()),
        1 => Just("1- Công tác".to_owned()),
        1 => Just("Cải cách thể chế\na) Mục tiêu".to_owned()),
        1 => Just("a) Nội dung".to_owned()),
        1 => Just("| Chỉ tiêu | Kết quả |\n|---|---|\n| Tỷ lệ | 95% |".to_owned()),
        1 => Just("Nội dung của mục.".to_owned()),
        1 => Just("PHỤ LỤC I\nDANH MỤC".to_owned()),
    ]
}

proptest! {
    #![proptest_config(config(48))]

    /// Generated deep nesting never gives JSON deeper than the documented bound
    /// (`Options::json_depth`), and the section tree never passes the limit, at the default
    /// limit and at the least and largest ones.
    #[test]
    fn json_depth_is_bounded(
        lines in proptest::collection::vec(nesting_line(), 1..120),
        attached in any::<bool>(),
        limit in prop_oneof![Just(vanban::Options::DEFAULT_SECTION_DEPTH), Just(1usize), Just(4), Just(vanban::Options::MAX_SECTION_DEPTH), Just(1_000)],
    ) {
        let mut text = String::from("QUYẾT ĐỊNH\nVề việc ban hành Quy chế\n\n");
        text.push_str(&lines.join("\n"));
        if attached {
            text.push_str("\nNơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n\nQUY CHẾ\nTổ chức và hoạt động\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2024)\n");
            text.push_str(&lines.join("\n"));
        }
        let options = vanban::Options { max_section_depth: limit, ..vanban::Options::default() };
        let doc = vanban::check(&text, &options);
        let bound = options.json_depth();
        prop_assert!(bound <= 127, "every bound is under serde_json's reading limit");
        let trees = std::iter::once(&doc.sections)
            .chain(doc.appendices.iter().map(|a| &a.sections))
            .chain(doc.attachments.iter().map(|a| &a.sections));
        for list in trees {
            prop_assert!(tree_depth(list) <= options.section_depth());
        }
        for pretty in [false, true] {
            let json = vanban::json::document(&doc, pretty).expect("the document serializes");
            // What `vanban parse` writes, streamed: the same bytes, so the same depth.
            let mut streamed = Vec::new();
            vanban::json::write_document(&mut streamed, &doc, pretty).expect("the document streams");
            prop_assert!(streamed == json, "the streamed JSON differs");
            let depth = json_depth(&json);
            prop_assert!(depth <= bound, "JSON {depth} deep, over the bound {bound}");
            let value: serde_json::Value = serde_json::from_slice(&json).expect("serde_json reads it");
            prop_assert!(value.is_object());
        }
    }
}

/// Thousands of `Số:` lines, at the top (header) and in the body.
#[test]
fn thousands_of_number_lines() {
    let line = "Số: 123/BC-UBND\n";
    check("Số at the top", &line.repeat(3_000), None);
    let mut text = String::from("BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\n");
    text.push_str(&"Số: 45/QĐ-UBND ngày 05/3/2021\n".repeat(3_000));
    check("Số in the body", &text, None);
}

/// A 1 MB line, alone and inside a report.
#[test]
fn huge_lines() {
    let words = "Ủy ban nhân dân tỉnh triển khai Quyết định số 123/QĐ-UBND ngày 05/3/2021 ";
    let line = words.repeat((1 << 20) / words.len());
    check("huge line alone", &line, None);
    check(
        "huge line in a report",
        &generate::long_line(1 << 20, 7),
        None,
    );
    check(
        "huge pipe row",
        &format!("|{}|", "a | ".repeat(50_000)),
        None,
    );
    check("huge blank line", &" ".repeat(1 << 20), None);
}

/// Thousands of citations in one paragraph, on one line and wrapped over many.
#[test]
fn thousands_of_citations() {
    check("one line", &generate::citations_one_line(5_000, 8), None);
    check("wrapped", &generate::citations_wrapped(3_000, 9), None);
    check("many sections", &generate::many_sections(3_000), None);
}

/// Every prefix of the seed cut at a character boundary, every 97th one.
#[test]
fn truncated_seed() {
    let (name, text, format) = &CORPUS[0];
    for (k, (at, _)) in text.char_indices().enumerate() {
        if k % 97 == 0 {
            check(name, &text[..at], *format);
        }
    }
}
