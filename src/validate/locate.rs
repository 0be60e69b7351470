//! Positions: from byte ranges of the normalized text to lines and columns, and from JSON paths
//! to the byte ranges the source map gives them.
//!
//! Columns count characters, not bytes, from 1; an end column is the column just after the last
//! character (exclusive), as in SARIF. Every lookup is total: a range outside the text is clamped,
//! so a document paired with the wrong text gives odd positions, never a panic.

use crate::model::{SourceMapEntry, Span};

/// Line starts and the source map of one document.
#[derive(Debug)]
pub struct Locator<'a> {
    text: &'a str,
    starts: Vec<usize>,
    map: &'a [SourceMapEntry],
}

/// A place a finding points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    /// JSON Pointer of the node.
    pub path: String,
    /// Byte range shown.
    pub range: (usize, usize),
    /// True when the range is the offending text; false when it only marks where something
    /// absent was expected.
    pub exact: bool,
}

impl<'a> Locator<'a> {
    /// Indexes `text`, with the document's source map.
    pub fn new(text: &'a str, map: &'a [SourceMapEntry]) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts, map }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Clamps an offset into the text, onto a char boundary.
    fn clamp(&self, mut at: usize) -> usize {
        at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn point(&self, at: usize) -> (usize, usize) {
        let at = self.clamp(at);
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts[line - 1];
        let col = self.text[start..at].chars().count() + 1;
        (line, col)
    }

    /// Byte range of a 1-based line without its line break and trailing white space; the
    /// leading Markdown decoration and white space are skipped too.
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            let end = self.text.len();
            return (end, end);
        };
        let end = self.starts.get(line).map_or(self.text.len(), |&n| n - 1);
        self.trim((start, end))
    }

    /// Shrinks a range past white space and Markdown decoration (`#`, `*`, `|`, `>`, `_`) at
    /// both ends.
    pub fn trim(&self, (s, e): (usize, usize)) -> (usize, usize) {
        let (s, e) = (self.clamp(s), self.clamp(e.max(s)));
        let piece = &self.text[s..e];
        let deco = crate::lex::is_edge_mark;
        let trimmed = piece.trim_start_matches(deco);
        let s2 = s + (piece.len() - trimmed.len());
        let trimmed = trimmed.trim_end_matches(deco);
        let e2 = s2 + trimmed.len();
        if s2 < e2 { (s2, e2) } else { (s, e) }
    }

    /// The first source map entry of a node.
    pub fn entry(&self, path: &str) -> Option<&'a SourceMapEntry> {
        self.map.iter().find(|e| e.path == path)
    }

    /// The entry that owns byte `at`.
    pub fn owner(&self, at: usize) -> Option<&'a SourceMapEntry> {
        let i = self.map.partition_point(|e| e.start <= at);
        let e = self.map.get(i.checked_sub(1)?)?;
        (at < e.end).then_some(e)
    }

    /// The first occurrence of `needle` inside `range`.
    pub fn find_in(&self, range: (usize, usize), needle: &str) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        let (s, e) = (self.clamp(range.0), self.clamp(range.1.max(range.0)));
        self.text[s..e]
            .find(needle)
            .map(|i| (s + i, s + i + needle.len()))
    }

    /// Where a node (or a part of one) was read: its span, trimmed; the line when the span is
    /// empty (a node that was inferred, not read).
    pub fn span(&self, path: &str, span: Span, line: usize) -> Loc {
        let range = if span.is_empty() {
            self.line_range(line)
        } else {
            self.trim((span.start, span.end))
        };
        Loc {
            path: path.to_owned(),
            range,
            exact: true,
        }
    }

    /// A place where something absent was expected: the given line, trimmed.
    pub fn expected(&self, path: &str, line: usize) -> Loc {
        Loc {
            path: path.to_owned(),
            range: self.line_range(line),
            exact: false,
        }
    }

    /// The first line that holds any text, 1 when none does.
    pub fn first_text_line(&self) -> usize {
        self.map.first().map_or(1, |e| e.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "Số: 12\nĐồng Tháp, ngày";
        let loc = Locator::new(text, &[]);
        assert_eq!(loc.point(0), (1, 1));
        assert_eq!(
            loc.point(text.find('1').unwrap_or(0)),
            (1, 5),
            "ố is one column"
        );
        let d = text.find("ngày").unwrap_or(0);
        assert_eq!(loc.point(d), (2, 12));
        assert_eq!(loc.point(text.len() + 10), (2, 16), "clamped past the end");
    }

    #[test]
    fn a_node_is_found_by_its_first_entry() {
        let text = "ab cd ef";
        let entry = |path: &str, start, end| SourceMapEntry {
            path: path.to_owned(),
            start,
            end,
            line: 1,
            end_line: 1,
        };
        let map = [entry("/a", 0, 2), entry("/b", 3, 5), entry("/a", 6, 8)];
        let loc = Locator::new(text, &map);
        let range = |path| loc.entry(path).map(|e| (e.start, e.end));
        assert_eq!(range("/a"), Some((0, 2)), "the first of two entries");
        assert_eq!(range("/b"), Some((3, 5)));
        assert_eq!(range("/c"), None);
    }

    #[test]
    fn lines_are_trimmed_of_markdown() {
        let text = "a\n## **BÁO CÁO**  \n";
        let loc = Locator::new(text, &[]);
        let (s, e) = loc.line_range(2);
        assert_eq!(&text[s..e], "BÁO CÁO");
        assert_eq!(loc.line_range(9), (text.len(), text.len()));
    }
}
