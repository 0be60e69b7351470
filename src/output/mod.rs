//! The output layer: a document as JSON ([`json`]), findings as text, JSON, SARIF or GitHub
//! annotations ([`render`]). Nothing here parses or validates.

pub mod json;
pub mod render;
