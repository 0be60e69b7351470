//! The public documents of `../shared/corpus`: every one parses, loses nothing and validates
//! against the schema. They are not ours and are not copied into the project; CI has them beside
//! the clone. Without them the test fails, unless `VANBAN_SKIP_SHARED=1` says to skip it.
//! `cargo test --release --test shared_corpus -- --nocapture` prints how many yield a complete
//! header, title, signature and recipients (the README quotes it).

mod common;

use std::path::Path;

use common::{assert_lossless, files_in, parse_file};

/// The environment variable that skips this test where the shared corpus is not available.
const SKIP: &str = "VANBAN_SKIP_SHARED";

/// True when [`SKIP`] is set to anything but empty or `0`.
fn skipped() -> bool {
    std::env::var(SKIP).is_ok_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn shared_corpus_parses_without_loss() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/corpus");
    if skipped() {
        eprintln!(
            "{SKIP} is set: the shared corpus ({}) is not checked",
            dir.display()
        );
        return;
    }
    let files = files_in(&dir);
    assert!(
        !files.is_empty(),
        "{} holds no .txt or .md document: this test checks the shared corpus, which must lie \
         beside the clone (../shared/corpus). Set {SKIP}=1 to skip it where it is not available.",
        dir.display()
    );
    let schema_text =
        std::fs::read_to_string(root.join("schemas/document.schema.json")).expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut complete = [0usize; 5];
    for path in &files {
        let (text, doc) = parse_file(path);
        assert_lossless(&path.display().to_string(), &text, &doc);
        let json = serde_json::to_value(&doc).expect("document serializes");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        let h = &doc.header;
        let header = h.issuer.is_some()
            && h.reference.is_some()
            && h.place_date.is_some()
            && (h.national_title.is_some() || h.party_title.is_some());
        let title = doc.title.is_some();
        let signature = doc.signature.as_ref().is_some_and(|s| s.name.is_some());
        let recipients = !doc.recipients.is_empty() || !doc.archive.is_empty();
        let all = header && title && signature && recipients;
        for (slot, ok) in complete
            .iter_mut()
            .zip([header, title, signature, recipients, all])
        {
            *slot += usize::from(ok);
        }
    }
    println!(
        "{} documents: header {}, title {}, signature {}, recipients {}, all four {}",
        files.len(),
        complete[0],
        complete[1],
        complete[2],
        complete[3],
        complete[4]
    );
}
