//! The public documents of `../shared/corpus` (when that folder exists): every one parses, loses
//! nothing and serializes. They are not ours and are not copied into the project.

mod common;

use std::path::Path;

use common::{assert_lossless, files_in, parse_file};

#[test]
fn shared_corpus_parses_without_loss() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let files = files_in(&dir);
    if files.is_empty() {
        eprintln!("{} not found: nothing to check", dir.display());
        return;
    }
    for path in &files {
        let (text, doc) = parse_file(path);
        assert_lossless(&path.display().to_string(), &text, &doc);
        assert!(
            serde_json::to_string(&doc).is_ok(),
            "{}: serializes",
            path.display()
        );
    }
}
