//! Every corpus document: parsed without loss (every non-blank byte owned by exactly one node of
//! the source map) and its tree pinned by a reviewed snapshot. The snapshots leave the source
//! map out (`common::tree_json`): its byte offsets move with every edit, and the lossless check
//! asserts what matters about them.

mod common;

use common::{assert_lossless, corpus_files, parse_file, tree_json};

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
        let (text, doc) = parse_file(path);
        assert_lossless(&path.display().to_string(), &text, &doc);
        let tree = tree_json(doc);
        insta::assert_snapshot!(tree);
    });
}
