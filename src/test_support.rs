//! What the unit tests share: the documents that kernel and gate tests read (`corpus/` and the
//! folders listed in `VANBAN_ORACLE_DIRS`, `:`-separated, for a run by hand over a larger
//! corpus), the proptest configuration, and the step of the small deterministic generator that
//! exhaustive-style tests draw texts from.

use std::path::PathBuf;

use proptest::test_runner::{Config, RngSeed};

/// (path, text) of every UTF-8 file of the oracle folders.
pub fn texts() -> Vec<(String, String)> {
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")];
    if let Ok(more) = std::env::var("VANBAN_ORACLE_DIRS") {
        dirs.extend(more.split(':').map(PathBuf::from));
    }
    let mut texts = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("an oracle folder") {
            let path = entry.expect("a folder entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((path.display().to_string(), text));
            }
        }
    }
    texts
}

/// `cases` cases from the fixed `seed`; `PROPTEST_CASES` and `PROPTEST_RNG_SEED` run more cases
/// or another seed.
pub fn config(cases: u32, seed: u64) -> Config {
    fn env<T: std::str::FromStr>(name: &str) -> Option<T> {
        std::env::var(name).ok().and_then(|v| v.parse().ok())
    }
    Config {
        cases: env("PROPTEST_CASES").unwrap_or(cases),
        rng_seed: RngSeed::Fixed(env("PROPTEST_RNG_SEED").unwrap_or(seed)),
        failure_persistence: None,
        ..Config::default()
    }
}

/// One xorshift64 step of `state` (13, 7, 17), returned: the fixed, seedable sequence that
/// tests of many generated texts draw from without a proptest runner.
pub fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}
