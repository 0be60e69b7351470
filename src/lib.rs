//! vanban: Vietnamese administrative documents (văn bản hành chính) as a lossless JSON tree.
//!
//! The pipeline, one module a stage:
//! 1. [`source`]: normalize the text (BOM, line endings, special spaces, NFC) and record it.
//! 2. [`lex`]: split into lines, strip Markdown decoration for matching.
//! 3. [`parse`]: zone by zone (header, title, preamble, body, closing, appendices) build the
//!    [`Document`], every consumed byte registered in the source map; what no rule recognizes
//!    becomes an `unrecognized` node.
//! 4. [`parse::citation`]: scan every text of the tree for references to other documents.
//!
//! Parsing never fails and never panics: problems in a document are data, not errors.
//!
//! ```
//! let doc = vanban::parse("BÁO CÁO\nVề kết quả năm 2024\n\nI. KẾT QUẢ\n");
//! assert_eq!(doc.title.unwrap().type_code.as_deref(), Some("BC"));
//! assert_eq!(doc.sections[0].label, "I");
//! ```

mod chars;
pub mod lex;
pub mod model;
pub mod parse;
pub mod source;
pub mod tables;

pub use model::Document;
pub use parse::{Options, parse, parse_with};

/// The JSON Schema of the output, generated from the model types.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
