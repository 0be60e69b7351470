//! Speed of office input and of legacy-encoding detection, each against a baseline in the same
//! run (MB/s of the document text the parser reads, and documents/s):
//! - `docx`: the `.docx` files of `../shared/office/docs` (or, without them, the test fixture)
//!   read, parsed and written as JSON (`read_document` → `parse_decoded` → JSON), against
//!   `text_baseline`, the same decoded text parsed and written from a string;
//! - `legacy_detection`: what detecting legacy encodings adds to reading Unicode input, each
//!   input read and parsed with detection (`*_detect`, as the command reads it) and without it
//!   (`*_as_stored`, `--encoding utf-8` or `windows-1258`): the corpus as UTF-8 text, the corpus
//!   in Windows-1258 (every line weighed against TCVN3, VNI and VISCII), and the DOCX files.
//!
//! ```text
//! cargo bench --bench office -- --measurement-time 5
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vanban::batch::read::{read_document, read_document_as};

/// The allocator the `vanban` command ships with (see `src/main.rs`), as in the pipeline bench:
/// what a DOCX costs the command, not the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const LIMIT: u64 = vanban::decode::DEFAULT_MAX_BYTES;

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

/// The DOCX files measured: the shared originals when they are there, else the fixture.
fn docx_inputs() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `../shared` lies beside a clone; a git worktree may sit one level deeper.
    let mut paths = files(&root.join("../shared/office/docs"), "docx");
    if paths.is_empty() {
        paths = files(&root.join("../../shared/office/docs"), "docx");
    }
    if paths.is_empty() {
        eprintln!("../shared/office is absent: measuring tests/docx/decision.docx");
        paths.push(root.join("tests/docx/decision.docx"));
    }
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .filter(|bytes| read_document(bytes, LIMIT).is_ok())
        .collect()
}

fn parse_to_json(decoded: &vanban::Decoded) -> usize {
    let doc = vanban::parse_decoded(decoded, &vanban::Options::default());
    vanban::json::document(&doc, false).map_or(0, |j| j.len())
}

/// DOCX files read as the command reads them (legacy runs detected), parsed and written as JSON.
fn read_and_parse(inputs: &[Vec<u8>]) -> usize {
    inputs
        .iter()
        .filter_map(|bytes| read_document(bytes, LIMIT).ok())
        .map(|d| parse_to_json(&d))
        .sum()
}

fn bench_docx(c: &mut Criterion) {
    let inputs = docx_inputs();
    let texts: Vec<vanban::Decoded> = inputs
        .iter()
        .filter_map(|b| read_document(b, LIMIT).ok())
        .collect();
    let text_bytes: usize = texts.iter().map(|d| d.text.len()).sum();
    eprintln!(
        "docx: {} documents, {} bytes of text",
        texts.len(),
        text_bytes
    );
    let mut group = c.benchmark_group("docx");
    group.throughput(Throughput::ElementsAndBytes {
        elements: texts.len() as u64,
        bytes: text_bytes as u64,
    });
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("docx", |b| {
        b.iter(|| read_and_parse(&inputs));
    });
    group.bench_function("text_baseline", |b| {
        b.iter(|| texts.iter().map(parse_to_json).sum::<usize>());
    });
    group.finish();
}

fn bench_detection(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for path in files(&root.join("corpus"), "txt") {
        text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        text.push('\n');
    }
    let utf8 = text.as_bytes();
    let cp1258 = windows_1258(&text);
    let read = vanban::decode(&cp1258).map(|d| d.encodings);
    eprintln!("the corpus in Windows-1258 reads as {read:?}");
    let inputs = docx_inputs();
    let docx_bytes: usize = inputs
        .iter()
        .filter_map(|b| read_document(b, LIMIT).ok())
        .map(|d| d.text.len())
        .sum();

    let mut group = c.benchmark_group("legacy_detection");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    let text_in = |bytes: &[u8], encoding: Option<&str>| {
        let decoded = match encoding {
            None => vanban::decode::decode_with_limit(bytes, LIMIT).ok(),
            Some(name) => vanban::decode::decode_as(bytes, LIMIT, name).and_then(Result::ok),
        };
        decoded.map_or(0, |d| parse_to_json(&d))
    };
    for (name, bytes, stored) in [
        ("utf8_text", utf8, "utf-8"),
        ("windows_1258", cp1258.as_slice(), "windows-1258"),
    ] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("{name}_detect"), |b| {
            b.iter(|| text_in(bytes, None));
        });
        group.bench_function(format!("{name}_as_stored"), |b| {
            b.iter(|| text_in(bytes, Some(stored)));
        });
    }
    group.throughput(Throughput::Bytes(docx_bytes as u64));
    group.bench_function("docx_detect", |b| {
        b.iter(|| read_and_parse(&inputs));
    });
    group.bench_function("docx_as_stored", |b| {
        b.iter(|| {
            inputs
                .iter()
                .filter_map(|bytes| read_document_as(bytes, LIMIT, "utf-8")?.ok())
                .map(|d| parse_to_json(&d))
                .sum::<usize>()
        });
    });
    group.finish();
}

/// `text` in Windows-1258: letters with a shape mark (`ô`, `ă`, `ơ`) precomposed, tone marks
/// as the code page's combining characters (`ệ` is `ê` and a dot below).
fn windows_1258(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        let mut base = String::new();
        let mut tones = String::new();
        for d in std::iter::once(c).nfd() {
            if matches!(d, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}') {
                tones.push(d);
            } else {
                base.push(d);
            }
        }
        out.extend(base.nfc());
        out.push_str(&tones);
    }
    encoding_rs::WINDOWS_1258.encode(&out).0.into_owned()
}

criterion_group!(benches, bench_docx, bench_detection);
criterion_main!(benches);
