//! Column segments of a header or footer line.
//!
//! Word documents lay the header and the footer out as two-column tables. Exports flatten them:
//! a Markdown pipe row (`| **ỦY BAN NHÂN DÂN**<br>**XÃ A** | **CỘNG HÒA …** |`), a line whose two
//! columns are separated by a tab or a run of spaces, or ` | ` between the columns.
//! A segment is one column's text (one `<br>` piece of a cell). The byte ranges of a line's
//! segments partition the line, so each can be claimed by a different node.

use std::borrow::Cow;

use crate::lex::{self, Line};
use crate::model::{Format, Span};
use crate::text::kernels;

/// One column piece of a line.
///
/// Its text borrows the line's own cleaned text when the line is one column (most lines), and
/// the raw line when cleaning a piece changes nothing: a copy only where cleaning made one.
#[derive(Debug, Clone)]
pub struct Segment<'a> {
    /// Cleaned text.
    pub text: Cow<'a, str>,
    /// Byte range in the normalized text (the pieces of a line partition it).
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// Column: 0 for the left column, 1 for the right one.
    pub column: usize,
    /// Line number.
    pub line: usize,
}

impl Segment<'_> {
    /// The segment's words in `text` (the normalized input): without the white space and
    /// Markdown marks at its ends, a table cell's `|` ([`lex::words_span`]).
    pub fn span(&self, text: &str) -> Span {
        lex::words_span(
            text.get(self.start..self.end).unwrap_or_default(),
            self.start,
        )
    }

    /// Where `piece`, read from the segment's text, is in `text` (the normalized input): a
    /// slice of the input when the segment borrows it, else found among the segment's bytes,
    /// else the segment's words ([`Segment::span`]).
    pub fn span_of(&self, text: &str, piece: &str) -> Span {
        let raw = text.get(self.start..self.end).unwrap_or_default();
        lex::place(raw, self.start, piece, true).unwrap_or_else(|| self.span(text))
    }
}

/// Splits a line into its column segments; a plain line gives one segment.
///
/// `line` comes from [`lex::lines`] with the same `format`: its `text` is its cleaned `raw`,
/// which is reused as the text of a line that has only one column.
pub fn split<'a>(line: &'a Line<'a>, format: Format) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    split_into(line, format, &mut out);
    out
}

/// The only segment of a line of one column ([`is_one_column`]), as [`split`] gives it: the
/// line's text over its whole range; none when the text is empty.
pub fn whole_line<'a>(line: &'a Line<'a>) -> Option<Segment<'a>> {
    (!line.text.is_empty()).then(|| Segment {
        text: Cow::Borrowed(&line.text),
        start: line.start,
        end: line.end(),
        column: 0,
        line: line.no(),
    })
}

/// [`split`], the segments appended to `out`: a caller that reads line after line keeps one
/// vector (the header zone asked for three allocations per line).
pub fn split_into<'a>(line: &'a Line<'a>, format: Format, out: &mut Vec<Segment<'a>>) {
    if is_one_column(line) {
        out.extend(whole_line(line));
        return;
    }
    split_columns(line, format, out);
}

/// [`split_into`] of any line, one column or more: its pipe cells, `<br>` pieces and column
/// breaks, each piece cleaned.
fn split_columns<'a>(line: &'a Line<'a>, format: Format, out: &mut Vec<Segment<'a>>) {
    let raw = line.raw;
    let pipe = line.is_pipe_row();
    let breaks = if pipe { Vec::new() } else { column_breaks(raw) };
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (offset in raw where a piece starts, column)
    if pipe {
        let mut column = 0;
        let mut i = 0;
        let bytes = raw.as_bytes();
        let mut cell_start = None;
        while i < bytes.len() {
            if bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
                if cell_start.is_some() {
                    column += 1;
                }
                cell_start = Some(i + 1);
                cuts.push((i + 1, column));
            } else if bytes[i..].starts_with(b"<br") {
                if let Some(close) = raw[i..].find('>') {
                    cuts.push((i + close + 1, column));
                    i += close + 1;
                    continue;
                }
            }
            i += 1;
        }
    } else {
        cuts.push((0, 0));
        for (column, (_, next_start)) in breaks.into_iter().enumerate() {
            cuts.push((next_start, column + 1));
        }
    }
    // Keep the cuts whose piece has text; the first piece always starts at the line start.
    let mut pieces: Vec<(usize, usize, Cow<'a, str>)> = Vec::new();
    for (k, &(from, column)) in cuts.iter().enumerate() {
        let to = cuts.get(k + 1).map_or(raw.len(), |c| c.0);
        let piece = raw.get(from..to).unwrap_or("");
        let piece = piece.trim_end_matches(['|', ' ', '\t']);
        let piece = piece.strip_suffix("<br>").unwrap_or(piece);
        let (clean, _, _) = lex::clean_line(piece, format);
        // Trimmed once: a borrowed piece stays borrowed from the line.
        let text = match clean {
            Cow::Borrowed(c) => Cow::Borrowed(c.trim_matches('|').trim()),
            Cow::Owned(c) => Cow::Owned(c.trim_matches('|').trim().to_owned()),
        };
        if text.is_empty()
            || text.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) && line.is_pipe_row()
        {
            continue;
        }
        pieces.push((from, column, text));
    }
    let ends: Vec<usize> = pieces
        .iter()
        .skip(1)
        .map(|p| p.0)
        .chain([raw.len()])
        .collect();
    out.extend(
        pieces
            .into_iter()
            .zip(ends)
            .enumerate()
            .map(|(k, ((from, column, text), end))| Segment {
                text,
                start: line.start + if k == 0 { 0 } else { from },
                end: line.start + end,
                column,
                line: line.no(),
            }),
    );
}

/// True when [`split`] gives the line's text as its only segment (nothing when the text is
/// empty): one column, and nothing for the piece rules to trim (`|`, a final `<br>`), so the
/// piece is the whole line and cleaning it gives the line's text again.
///
/// Asked of every body line (by the closing zone) and every header line: the `|` is looked for
/// with [`kernels::contains_byte`], made for lines this short, and the column breaks only on a
/// line lexing found `spaced`.
pub fn is_one_column(line: &Line<'_>) -> bool {
    let raw = line.raw.as_bytes();
    // Without a `|` the line is no pipe row either.
    // Every other separator is a tab or a run of spaces inside the trimmed line, which lexing
    // noted (`spaced`).
    // `trim_end_matches([' ', '\t'])` on bytes: both are ASCII.
    let end = raw
        .iter()
        .rposition(|&b| !matches!(b, b' ' | b'\t'))
        .map_or(0, |at| at + 1);
    !kernels::contains_byte(raw, b'|')
        && !raw.get(..end).is_some_and(|t| t.ends_with(b"<br>"))
        && (!line.spaced || column_breaks(line.raw).is_empty())
}

/// Where a flattened line changes column: a tab, ` | `, or three or more spaces, followed by a
/// capital letter, a digit or `(` (a draft's blank `Số:      /BC` is not a column break).
/// Returns `(offset of the separator, offset where the next column starts)`.
fn column_breaks(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Most lines hold no separator at all: one pass over the bytes says so.
    if !kernels::has_column_gap(raw.as_bytes()) {
        return out;
    }
    let bytes = raw.as_bytes();
    let lead = raw.len() - raw.trim_start().len();
    let mut i = lead;
    while i < bytes.len() {
        let b = bytes[i];
        // Every separator starts with a space or a tab.
        if b != b' ' && b != b'\t' {
            i += 1;
            continue;
        }
        let is_sep_start =
            b == b'\t' || bytes[i..].starts_with(b"   ") || bytes[i..].starts_with(b" | ");
        if !is_sep_start {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'|') {
            j += 1;
        }
        let next = raw[j..].chars().next();
        let left = raw[lead..i].trim();
        if j < bytes.len()
            && !left.is_empty()
            && next.is_some_and(|c| c.is_uppercase() || c == '(' || c == '*')
            && !left.ends_with("gửi:")
        {
            out.push((i, j));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// When [`is_one_column`] says yes, splitting the line the long way ([`split_columns`])
    /// gives its text as the only segment, over the whole line: on the corpus lines and on made lines with the separators
    /// and the pieces the split rules trim at edge lengths.
    #[test]
    fn one_column_is_what_split_gives() {
        let mut texts: Vec<String> = crate::test_support::texts()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let mut made = String::new();
        for n in [0, 1, 30, 31, 32, 33, 63, 64, 65, 100] {
            for bar in [
                "|", "<br>", "| ", " |", "a|b", "\\|", "x<br>  ", "\t", "  ", "   ", "\tB", "   C",
            ] {
                let pad = "ệ".repeat(n / 3) + &"a".repeat(n % 3);
                made.push_str(&format!("{pad}{bar}\n{bar}{pad}\n{pad}{bar}{pad}\n"));
            }
        }
        texts.push(made);
        let (mut one, mut multi) = (0, 0);
        for text in &texts {
            for format in [Format::Text, Format::Markdown] {
                for line in lex::lines(text, format) {
                    if is_one_column(&line) {
                        let mut segments = Vec::new();
                        split_columns(&line, format, &mut segments);
                        let whole: Vec<_> = whole_line(&line).into_iter().collect();
                        assert_eq!(segments.len(), whole.len(), "{:?}", line.raw);
                        for (s, w) in segments.iter().zip(&whole) {
                            assert_eq!((&s.text, s.start, s.end), (&w.text, w.start, w.end));
                        }
                        one += 1;
                    } else {
                        multi += 1;
                    }
                }
            }
        }
        assert!(one > 1000 && multi > 100, "{one} {multi}");
    }

    fn texts(raw: &str) -> Vec<(String, usize)> {
        let lines = lex::lines(raw, Format::Markdown);
        let segs = split(&lines[0], Format::Markdown);
        // The pieces partition the line.
        assert_eq!(segs.first().map(|s| s.start), Some(0), "{raw:?}");
        assert_eq!(segs.last().map(|s| s.end), Some(raw.len()), "{raw:?}");
        for w in segs.windows(2) {
            assert_eq!(w[0].end, w[1].start, "{raw:?}");
        }
        segs.into_iter()
            .map(|s| (s.text.into_owned(), s.column))
            .collect()
    }

    #[test]
    fn flattened_columns() {
        assert_eq!(
            texts("UBND TỈNH A            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            vec![
                ("UBND TỈNH A".into(), 0),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(), 1)
            ]
        );
        assert_eq!(
            texts("Số: 12/BC-SYT\tĐà Lạt, ngày 05 tháng 3 năm 2024"),
            vec![
                ("Số: 12/BC-SYT".into(), 0),
                ("Đà Lạt, ngày 05 tháng 3 năm 2024".into(), 1)
            ]
        );
        assert_eq!(
            texts("Số:      /BC-UBND"),
            vec![("Số: /BC-UBND".into(), 0)],
            "a draft blank is not a column"
        );
        assert_eq!(
            texts("Nơi nhận:            KT. GIÁM ĐỐC"),
            vec![("Nơi nhận:".into(), 0), ("KT. GIÁM ĐỐC".into(), 1)]
        );
    }

    #[test]
    fn one_column() {
        assert_eq!(
            texts("  **Sở Nội vụ**  báo cáo  "),
            vec![("Sở Nội vụ báo cáo".into(), 0)]
        );
        assert_eq!(texts("a <br>  "), vec![("a".into(), 0)], "a final <br>");
        assert_eq!(texts("x | Y"), vec![("x".into(), 0), ("Y".into(), 1)]);
        assert_eq!(
            texts("x | y"),
            vec![("x | y".into(), 0)],
            "no break before lower case"
        );
        let blank = lex::lines("   ", Format::Markdown);
        assert!(
            split(&blank[0], Format::Markdown).is_empty(),
            "a blank line has no segment"
        );
    }

    #[test]
    fn separators_are_found_in_long_lines_too() {
        for pad in [0, 300] {
            let left = format!("{}ỦY BAN NHÂN DÂN", "A".repeat(pad));
            for sep in ["\t", "   ", " | "] {
                let raw = format!("{left}{sep}CỘNG HÒA");
                assert_eq!(
                    texts(&raw),
                    vec![(left.clone(), 0), ("CỘNG HÒA".into(), 1)],
                    "{sep:?} after {pad} bytes"
                );
            }
            assert_eq!(texts(&format!("{left}  CỘNG")).len(), 1, "two spaces");
        }
    }

    #[test]
    fn pipe_rows() {
        assert_eq!(
            texts(
                "| **ỦY BAN NHÂN DÂN**<br>**XÃ A** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |"
            ),
            vec![
                ("ỦY BAN NHÂN DÂN".into(), 0),
                ("XÃ A".into(), 0),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(), 1),
                ("Độc lập - Tự do - Hạnh phúc".into(), 1)
            ]
        );
    }
}
