//! Positions: from byte ranges of the normalized text to lines and columns, and from JSON paths
//! to the byte ranges the source map gives them.
//!
//! Columns count characters, not bytes, from 1; an end column is the column just after the last
//! character (exclusive), as in SARIF. Every lookup is total: a range outside the text is clamped,
//! so a document paired with the wrong text gives odd positions, never a panic.

use std::cell::Cell;

use crate::model::{SourceMapEntry, Span};

/// Line starts and the source map of one document.
///
/// Findings come mostly in text order, many to a line when a line is long (a paragraph of
/// thousands of citations on one line): the last column counted and the last place found are
/// remembered, so that the next ones on the same line go on from there rather than from the
/// line's start, and such a line costs time in proportion to its length, not to its length
/// times its findings.
#[derive(Debug)]
pub struct Locator<'a> {
    text: &'a str,
    starts: Vec<usize>,
    map: &'a [SourceMapEntry],
    /// The last offset [`Locator::point`] counted: its line's start, the offset, its column.
    counted: Cell<(usize, usize, usize)>,
    /// Where [`Locator::find_in_order`] last found its needle: the range searched and the start.
    found: Cell<Option<((usize, usize), usize)>>,
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
        Self {
            text,
            starts,
            map,
            counted: Cell::new((0, 0, 1)),
            found: Cell::new(None),
        }
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
        let (from, col) = match self.counted.get() {
            (s, before, col) if s == start && before <= at => (before, col),
            _ => (start, 1),
        };
        let col = col + self.text[from..at].chars().count();
        self.counted.set((start, at, col));
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
        let path = crate::model::NodePath::new(path);
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

    /// [`Locator::find_in`] for needles found in text order: the first occurrence of `needle`
    /// in `range` at or after the start of the last one found in the same range, else the
    /// first in the whole range. Several citations with the same text on one line are found
    /// each at its own place, and a line of thousands is searched once in all.
    pub fn find_in_order(&self, range: (usize, usize), needle: &str) -> Option<(usize, usize)> {
        let from = match self.found.get() {
            Some((r, at)) if r == range => at.max(range.0),
            _ => range.0,
        };
        let hit = self.find_in((from, range.1), needle).or_else(|| {
            (from > range.0)
                .then(|| self.find_in(range, needle))
                .flatten()
        });
        if let Some((start, _)) = hit {
            // The next search starts one character on (the needle starts with it).
            let next = start + needle.chars().next().map_or(1, char::len_utf8);
            self.found.set(Some((range, next)));
        }
        hit
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
        self.map.first().map_or(1, |e| e.first_line())
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
            path: path.into(),
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
    fn columns_counted_on_from_the_last_agree_with_counting_afresh() {
        let text = "Điều 1. Quyết định số 12/QĐ-UB và Quyết định số 12/QĐ-UB\nđã ký";
        let loc = Locator::new(text, &[]);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        // In order, backwards, and across lines: each as a fresh locator counts it.
        for &at in offsets.iter().chain(offsets.iter().rev()).step_by(3) {
            assert_eq!(loc.point(at), Locator::new(text, &[]).point(at), "at {at}");
        }
    }

    #[test]
    fn needles_in_order_are_found_each_at_its_place() {
        let text =
            "Điều 1. Quyết định số 12/QĐ-UB và Quyết định số 12/QĐ-UB\nQuyết định số 12/QĐ-UB";
        let loc = Locator::new(text, &[]);
        let line = loc.line_range(1);
        let needle = "Quyết định số 12/QĐ-UB";
        let first = loc.find_in_order(line, needle);
        let second = loc.find_in_order(line, needle);
        assert_eq!(first, loc.find_in(line, needle));
        assert_eq!(second.map(|(s, _)| s), text[..line.1].rfind(needle));
        // Past the last one, the first of the line again (as a plain search finds it).
        assert_eq!(loc.find_in_order(line, needle), first);
        // Another line starts afresh.
        let other = loc.line_range(2);
        assert_eq!(loc.find_in_order(other, needle), loc.find_in(other, needle));
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
