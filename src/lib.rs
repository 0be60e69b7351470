//! vanban: Vietnamese administrative documents (văn bản hành chính) as a lossless JSON tree.
//!
//! The pipeline, one module a stage:
//! 0. [`decode`](mod@decode): bytes to text (UTF-8, UTF-16, Windows-1258), binary files refused by name.
//! 1. [`source`]: normalize the text (BOM, line endings, special spaces, NFC) and record it.
//! 2. [`lex`]: split into lines, strip Markdown decoration for matching.
//! 3. [`parse`](mod@parse): zone by zone (header, title, preamble, body, closing, appendices) build the
//!    [`Document`], every consumed byte registered in the source map; what no rule recognizes
//!    becomes an `unrecognized` node.
//! 4. [`parse::citation`]: scan every text of the tree for references to other documents.
//! 5. [`validate`]: check the tree against a profile and report findings with their positions
//!    ([`check`] parses and validates in one call).
//!
//! Parsing never fails and never panics: problems in a document are data, not errors.
//!
//! Around the pipeline, [`batch`] converts whole folders: a sorted streaming walk, parallel
//! conversion with per-file isolation, atomic writes, resume, and a summary. With `src/cli/` it is
//! the only code that touches the file system. [`json`] writes the JSON (the same bytes as
//! `serde_json`, faster).
//!
//! ```
//! let doc = vanban::parse("BÁO CÁO\nVề kết quả năm 2024\n\nI. KẾT QUẢ\n");
//! assert_eq!(doc.title.unwrap().type_code.as_deref(), Some("BC"));
//! assert_eq!(doc.sections[0].label, "I");
//! ```

pub mod batch;
mod chars;
pub mod decode;
pub mod json;
pub mod lex;
pub mod model;
#[cfg(test)]
mod oracle;
pub mod parse;
pub mod source;
pub mod tables;
pub mod validate;

pub use decode::{DecodeError, Decoded, decode};
pub use model::Document;
pub use parse::{Options, parse, parse_bytes, parse_decoded, parse_with, try_parse_with};
pub use validate::check;

/// The JSON Schema of the output, generated from the model types.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
