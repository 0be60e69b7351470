//! The parser's stages, for the benches and the profiling example (feature `internals`).
//!
//! Not a stable API: it follows the parser's insides. Use [`crate::parse_with`] in programs.

pub use crate::lex::{Line, detect_format, lines};
pub use crate::parse::Context;
pub use crate::parse::citation::{Found, find_citations};
pub use crate::parse::stages::{body, closing_and_appendices, finish, header, start, sweep, title};
