//! vanban: Vietnamese administrative documents (văn bản hành chính) as a lossless JSON tree.
//!
//! The layers, each importing only from those before it (`tests/architecture.rs` checks it):
//! 1. `text`: bytes to text ([`decode`](mod@decode): UTF-8, UTF-16, Windows-1258, binary files
//!    refused by name), normalization ([`normalize`]: BOM, line endings, special spaces, NFC),
//!    character classes, lines.
//! 2. [`model`]: the document tree and the validator's [`Finding`](model::Finding); its serde shape
//!    is the JSON contract.
//! 3. `tables`: every word of the domain (type names and codes, signature prefixes, marks).
//! 4. `lex`: lines with Markdown decoration stripped for matching.
//! 5. `grammar`: one nom grammar per token (document numbers, dates, labels, authority
//!    prefixes, recipient and archive lines).
//! 6. `parse`: the driver, the ledger of claimed bytes, the zones (header, title, body,
//!    closing) and the citation reader build the [`Document`].
//! 7. [`validate`]: check the tree against a profile ([`check`] parses and validates).
//! 8. [`output`]: JSON ([`json`]), findings as text, JSON, SARIF or GitHub annotations.
//! 9. [`batch`]: whole folders, in parallel, with per-file isolation. With the command line it is
//!    the only code that touches the file system.
//!
//! Parsing never fails and never panics: problems in a document are data, not errors.
//!
//! ```
//! let doc = vanban::parse("BÁO CÁO\nVề kết quả năm 2024\n\nI. KẾT QUẢ\n");
//! assert_eq!(doc.title.unwrap().type_code.as_deref(), Some("BC"));
//! assert_eq!(&*doc.sections[0].label, "I");
//! ```

pub mod batch;
mod grammar;
#[cfg(feature = "internals")]
pub mod internals;
mod lex;
pub mod model;
pub mod output;
mod parse;
mod tables;
#[cfg(test)]
mod test_support;
mod text;
pub mod validate;

pub use model::Document;
pub use output::json;
pub use parse::{Options, parse, parse_bytes, parse_decoded, parse_with, try_parse_with};
pub use text::decode::{self, DecodeError, Decoded, decode};
pub use text::normalize::{Normalized, normalize};
pub use validate::check;

/// The JSON Schema of the output, generated from the model types.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
