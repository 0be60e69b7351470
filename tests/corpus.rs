//! Every corpus document: parsed without loss, its JSON valid against the schema, and its tree
//! pinned by a reviewed snapshot.

mod common;

use common::{assert_lossless, corpus_files, parse_file};

#[test]
fn corpus_is_not_empty() {
    assert!(
        corpus_files().len() >= 16,
        "the corpus holds the seed and at least 15 written documents"
    );
}

#[test]
fn every_corpus_document_is_lossless() {
    for path in corpus_files() {
        let (text, doc) = parse_file(&path);
        assert_lossless(&path.display().to_string(), &text, &doc);
    }
}

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpus", "*.{md,txt}", |path| {
        let (_, doc) = parse_file(path);
        insta::assert_json_snapshot!(doc);
    });
}
