//! What vanban's tests, benches, examples and fuzz targets share, in one place that each of them
//! depends on as an ordinary (dev-)dependency:
//!
//! - [`reports`]: deterministic generated reports of any size (benches, property tests);
//! - [`adversarial`]: hostile shapes of any size (deep labels, a paragraph of citations, runs of
//!   quotes …) for the linear-cost bench, the property tests and `examples/cost.rs`;
//! - [`archive`]: a generated archive of varied and broken files (`tests/batch.rs`,
//!   `benches/convert.rs`, `examples/gen_archive.rs`);
//! - [`assert_lossless`]: the check that a parsed document owns every non-blank byte of its input
//!   exactly once (corpus tests, property tests, the `parse` fuzz target);
//! - [`pdf`]: small PDF files written byte by byte (text, a scanned page) for the PDF tests;
//! - [`Rng`]: the one random source of the generators.
//!
//! It does not depend on vanban (vanban dev-depends on it): the lossless check reads the
//! document's JSON.

pub mod adversarial;
pub mod archive;
mod lossless;
pub mod pdf;
pub mod reports;
mod rng;

pub use lossless::{assert_lossless, assert_words_kept};
pub use rng::Rng;
