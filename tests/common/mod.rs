//! Helpers shared by the integration tests: corpus listing and the lossless check.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use proptest::test_runner::{Config, RngSeed};

/// The fixed seed of every property test.
pub const SEED: u64 = 0x7661_6E62_616E;

/// A property test's configuration: `cases` cases (or `PROPTEST_CASES`), the fixed [`SEED`] (or
/// `PROPTEST_RNG_SEED`), nothing persisted.
pub fn proptest_config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        rng_seed: RngSeed::Fixed(
            std::env::var("PROPTEST_RNG_SEED")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(SEED),
        ),
        failure_persistence: None,
        max_shrink_iters: 512,
        ..Config::default()
    }
}

/// Every document of `corpus/`, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    files_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
}

/// Every `.txt` and `.md` file of a folder, sorted.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        let readme = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("README"));
        !readme && matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
    });
    out.sort();
    out
}

/// Checks that the committed file at `relative` (from the crate root) equals `generated`;
/// with the environment variable `update` set, writes it first. The failure says which command
/// (`{update}=1 cargo test --test {test}`) regenerates it.
pub fn assert_generated_is_current(relative: &str, generated: &str, update: &str, test: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os(update).is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("folder of the generated file");
        }
        std::fs::write(&path, generated).expect("generated file written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is stale: run `{update}=1 cargo test --test {test}` and commit it"
    );
}

/// Parses a file the way the CLI does (format from `.md`, else detected).
pub fn parse_file(path: &Path) -> (String, vanban::Document) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let format = (path.extension().and_then(|e| e.to_str()) == Some("md"))
        .then_some(vanban::model::Format::Markdown);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let doc = vanban::parse_with(
        &text,
        &vanban::Options {
            format,
            path: name,
            ..vanban::Options::default()
        },
    );
    (text, doc)
}

/// Checks that the source map of `doc` covers every non-blank byte of the normalized input
/// exactly once, that its ranges lie inside the input on char boundaries, and that every path
/// points at a node of the document's JSON ([`vanban_testkit::assert_lossless`]).
pub fn assert_lossless(name: &str, input: &str, doc: &vanban::Document) {
    let normalized = vanban::normalize(input).text;
    let json = serde_json::to_value(doc).expect("document serializes");
    vanban_testkit::assert_lossless(name, &normalized, &json);
    vanban_testkit::assert_words_kept(name, &normalized, &json);
}

/// The document's tree as pretty JSON, without its source map: the byte ranges change with every
/// edit of a document or of the parser, and [`assert_lossless`] checks them instead of a snapshot.
pub fn tree_json(mut doc: vanban::Document) -> String {
    doc.source_map.clear();
    let json = serde_json::to_string_pretty(&doc).expect("document serializes");
    let member = ",\n  \"source_map\": []";
    assert!(
        json.contains(member),
        "the source map is a member of the document"
    );
    json.replacen(member, "", 1)
}

/// Tesseract with its Vietnamese data, which OCR of a scanned PDF needs.
pub fn ocr_installed() -> bool {
    std::process::Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .is_ok_and(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .any(|l| l == "vie")
        })
}
