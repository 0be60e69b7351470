//! Fuzz target: validating any UTF-8 input never panics, under any shipped profile and in either
//! language (the first byte of the input picks them, so each run checks one pair and the fuzzer
//! explores all of them), and every finding points inside the document: its span lies in the
//! normalized text on character boundaries, its lines and columns are 1-based and ordered, and
//! its path resolves in the JSON. The human, SARIF, GitHub and JSON renderers take every finding
//! without panicking.
//!
//! Run from the repository root (nightly): `cargo +nightly fuzz run validate fuzz/corpus/validate corpus`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::output::render::{self, FileReport};
use vanban::validate::{Lang, Profile, Validator};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let profiles = Profile::shipped();
    let profile = &profiles[usize::from(pick >> 1) % profiles.len()];
    let lang = if pick & 1 == 0 { Lang::Vi } else { Lang::En };
    let doc = vanban::parse(text);
    let normalized = vanban::normalize(text).text.into_owned();
    let json = serde_json::to_value(&doc).expect("the document serializes");
    let lines = doc.source.lines.max(1);
    let findings = Validator::new(profile).with_lang(lang).validate(&doc, text);
    for f in &findings {
        assert!(
            !f.message.is_empty() && !f.hint.is_empty(),
            "{f:?} says nothing"
        );
        assert!(
            f.line >= 1 && f.line <= lines + 1,
            "{f:?}: line outside 1..={lines}"
        );
        assert!(f.column >= 1, "{f:?}: column 0");
        assert!(
            (f.line, f.column) <= (f.end_line, f.end_column),
            "{f:?} ends before it starts"
        );
        if let Some((start, end)) = f.span {
            assert!(
                start <= end && end <= normalized.len(),
                "{f:?}: span outside"
            );
            assert!(
                normalized.is_char_boundary(start) && normalized.is_char_boundary(end),
                "{f:?}: span cuts a character"
            );
        }
        assert!(
            f.path.is_empty() || json.pointer(&f.path).is_some(),
            "{f:?}: path resolves to nothing"
        );
    }
    let report = FileReport {
        file: "fuzz.txt".to_owned(),
        profile: profile.id.clone(),
        source: normalized,
        findings,
    };
    let human = render::human(&report, lang, false);
    assert!(
        human.is_empty() || human.ends_with('\n'),
        "human output ends its line"
    );
    let reports = std::slice::from_ref(&report);
    render::sarif(reports, &[], lang);
    render::github(reports);
    render::json(reports, &[]);
});
