//! vanban: Vietnamese administrative documents (văn bản hành chính) as a lossless JSON tree.
//!
//! The pipeline, one module a stage:
//! 1. [`source`]: decode bytes, normalize (BOM, line endings, NFC, special spaces) and record it.
//! 2. [`lex`]: split into lines, strip Markdown decoration for matching, classify each line.
//! 3. [`parse`]: zone by zone (header, title, preamble, body, closing, appendices) build the
//!    [`model::Document`], every consumed line registered in the source map; what no rule
//!    recognizes becomes an `unrecognized` node.
//! 4. [`parse::citation`]: scan every text for references to other documents.
//!
//! Parsing never fails and never panics: problems in a document are data, not errors.

pub mod model;
pub mod parse;
pub mod tables;

pub use model::Document;
