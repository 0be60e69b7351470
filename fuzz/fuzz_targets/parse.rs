//! Fuzz target: `vanban::parse` on any UTF-8 input never panics, and its source map owns every
//! non-blank byte of the normalized input exactly once, inside the input, on character
//! boundaries, with paths that resolve in the JSON.
//!
//! Run from the repository root (nightly): `cargo +nightly fuzz run parse fuzz/corpus/parse corpus`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = vanban::parse(text);
    let normalized = vanban::source::normalize(text).text;
    let bytes = normalized.as_bytes();
    let mut owned = vec![false; bytes.len()];
    for e in &doc.source_map {
        assert!(
            e.start < e.end && e.end <= bytes.len(),
            "{e:?} outside the input"
        );
        assert!(
            normalized.is_char_boundary(e.start) && normalized.is_char_boundary(e.end),
            "{e:?} cuts a character"
        );
        for (at, slot) in owned[e.start..e.end].iter_mut().enumerate() {
            if !bytes[e.start + at].is_ascii_whitespace() {
                assert!(!*slot, "byte {} owned twice ({})", e.start + at, e.path);
                *slot = true;
            }
        }
    }
    for (at, &b) in bytes.iter().enumerate() {
        assert!(
            b.is_ascii_whitespace() || owned[at],
            "byte {at} owned by no node"
        );
    }
    let json = serde_json::to_value(&doc).expect("the document serializes");
    for e in &doc.source_map {
        assert!(
            json.pointer(&e.path).is_some_and(|v| !v.is_null()),
            "path {} resolves to nothing",
            e.path
        );
    }
});
