//! Fuzz target: `vanban::parse` on any UTF-8 input never panics, and passes the same lossless
//! check as every corpus document (`vanban_testkit::assert_lossless`): its source map owns every
//! non-blank byte of the normalized input exactly once, inside the input, on character
//! boundaries, with the right line numbers and paths that resolve in the JSON. Its JSON from
//! `vanban::json` is byte for byte `serde_json`'s, compact and pretty.
//!
//! Run from the repository root (nightly): `cargo +nightly fuzz run parse fuzz/corpus/parse corpus`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = vanban::parse(text);
    let json = serde_json::to_value(&doc).expect("the document serializes");
    vanban_testkit::assert_lossless("fuzz input", &vanban::normalize(text).text, &json);
    assert_eq!(
        vanban::json::to_vec(&doc).ok(),
        serde_json::to_vec(&doc).ok(),
        "compact JSON"
    );
    assert_eq!(
        vanban::json::to_vec_pretty(&doc).ok(),
        serde_json::to_vec_pretty(&doc).ok(),
        "pretty JSON"
    );
});
