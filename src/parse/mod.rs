//! Parsers, one module per document component.

pub mod citation;
