//! What vanban's tests, benches, examples and fuzz targets share, in one place that each of them
//! depends on as an ordinary (dev-)dependency:
//!
//! - [`reports`]: deterministic generated reports of any size (benches, property tests);
//! - [`archive`]: a generated archive of varied and broken files (`tests/batch.rs`,
//!   `benches/convert.rs`, `examples/gen_archive.rs`);
//! - [`assert_lossless`]: the check that a parsed document owns every non-blank byte of its input
//!   exactly once (corpus tests, property tests, the `parse` fuzz target);
//! - [`Rng`]: the one random source of the generators.
//!
//! It does not depend on vanban (vanban dev-depends on it): the lossless check reads the
//! document's JSON.

pub mod archive;
mod lossless;
pub mod reports;
mod rng;

pub use lossless::{assert_lossless, assert_words_kept};
pub use rng::Rng;
