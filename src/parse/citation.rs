//! Citations of other documents in running text.

use super::TextSource;
use crate::lex::Line;
use crate::model::Citation;

/// A citation found in a text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Start of the match in the text.
    pub start: usize,
    /// End of the match.
    pub end: usize,
    /// The citation, `line` left 0.
    pub citation: Citation,
}

/// Finds every reference to another document in `text`.
pub fn find_citations(_text: &str) -> Vec<Found> {
    Vec::new()
}

/// Scans every remembered text and maps each citation to the line it starts on.
pub fn collect(texts: &[TextSource], _lines: &[Line<'_>]) -> Vec<Citation> {
    let mut out = Vec::new();
    for source in texts {
        for found in find_citations(&source.text) {
            let line = source
                .pieces
                .iter()
                .take_while(|(off, _)| *off <= found.start)
                .last()
                .map_or(0, |p| p.1);
            out.push(Citation {
                line,
                ..found.citation
            });
        }
    }
    out
}
