//! A finding: one problem the validator found, with where it is.
//!
//! It is part of the model because a checked [`Document`](super::Document) carries its findings;
//! the validator (`crate::validate`) makes them, the output layer writes them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document does not meet the rules; the check fails.
    Error,
    /// Probably wrong; fails only with `--deny warnings`.
    Warning,
    /// Worth knowing (a draft's blank number, text the parser could not place).
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Stable rule code (`HDR001`).
    pub code: String,
    /// Rule name (`missing-national-title`).
    pub name: String,
    /// Severity after the profile's overrides.
    pub severity: Severity,
    /// What is wrong, built from the finding's data.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// 1-based line of the offending text, or of the place where a missing part was expected.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Line where the marked text ends.
    pub end_line: usize,
    /// Column just after the marked text (exclusive), in characters.
    pub end_column: usize,
    /// JSON Pointer of the node in the document (`/sections/3`, `/header/national_title`).
    pub path: String,
    /// Byte range of the offending text in the normalized input; null when something is missing.
    pub span: Option<(usize, usize)>,
}
