//! Tables in the body: Markdown pipe rows and rows of tab-separated cells. In the main body a
//! table is a block among the paragraphs; in an appendix it is one of the appendix's tables.

use super::{Builder, Mode};
use crate::lex::Line;
use crate::model::{BlockKind, Format, Paragraph, Table};
use crate::parse::{Context, TextSource, pointer, push_index};

/// True when a line is a table row: a pipe row or a row of tab-separated cells.
///
/// Asked of every body line. A raw line that starts with a character that is not white space
/// (almost every line) is its own trimmed start: it is a pipe row only if that byte is `|`, and
/// it holds tabs only inside the trimmed line, which lexing looked at (`spaced` is false without
/// a tab there). Those lines are answered without the trim and the `memchr` call of the general
/// test, whose setup costs more than the rest of the answer.
pub(super) fn is_table_row(line: &Line<'_>) -> bool {
    match line.raw.as_bytes().first() {
        Some(&b) if crate::text::kernels::starts_plain(b) => {
            b == b'|' && line.is_pipe_row() || line.spaced && line.is_tab_row()
        }
        _ => line.is_pipe_row() || line.is_tab_row(),
    }
}

/// Splits a table row into cells (pipe or tab), cleaning Markdown in each.
pub(super) fn cells(line: &Line<'_>, format: Format) -> Option<Vec<String>> {
    let raw = line.raw.trim();
    if line.is_pipe_row() {
        let inner = raw.trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        if inner
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '=' | '+'))
        {
            return None;
        }
        // Cells are the slices between unescaped bars, cleaned without an intermediate copy.
        // `|` and `\` are ASCII, which no byte of a longer character is: the row is read as
        // bytes, and the vector sized by its bars (a bar may be escaped: at most one too many).
        let clean = |c: &str| crate::lex::clean_line(c, format).0.into_owned();
        let bytes = inner.as_bytes();
        let mut out = Vec::with_capacity(bytes.iter().filter(|&&b| b == b'|').count() + 1);
        let mut start = 0;
        let mut escaped = false;
        for (at, &c) in bytes.iter().enumerate() {
            if c == b'|' && !escaped {
                out.push(clean(inner.get(start..at).unwrap_or_default()));
                start = at + 1;
            }
            escaped = c == b'\\';
        }
        out.push(clean(inner.get(start..).unwrap_or_default()));
        return Some(out);
    }
    Some(
        line.raw
            .trim_end_matches(['\n', ' '])
            .split('\t')
            .map(|c| crate::lex::clean_line(c, format).0.into_owned())
            .collect(),
    )
}

/// Reads a table starting at line `i`; returns the next line.
pub(super) fn table(cx: &mut Context<'_>, b: &mut Builder, i: usize) -> usize {
    let pipe = cx.lines[i].is_pipe_row();
    let mut rows = Vec::new();
    let mut j = i;
    while j < cx.lines.len() {
        let l = &cx.lines[j];
        let same = if pipe {
            l.is_pipe_row()
        } else {
            l.is_tab_row() || (l.raw.contains('\t') && !l.is_blank())
        };
        if !same {
            break;
        }
        if let Some(r) = cells(l, cx.format) {
            // Cells cite documents too (`Quyết định số … | ngày …`): the row is scanned as one
            // text, its cells apart.
            cx.remember(TextSource::new(&r.join(" | "), l.no));
            rows.push(r);
        }
        j += 1;
    }
    let first = cx.lines[i].no;
    let last = cx.lines[j - 1].no;
    let span = cx.lines[i].span().cover(cx.lines[j - 1].span());
    let table_path;
    let path: &str = if b.mode == Mode::Appendix {
        let section = b.stack.last().map(|o| o.section.label.clone());
        table_path = pointer(&b.base, "tables", b.tables.len());
        b.tables.push(Table {
            section,
            caption: None,
            rows,
            line: first,
            end_line: last,
            span,
        });
        &table_path
    } else {
        // Cells joined by ` | `, rows by a line break, written into one string of the length
        // they add up to.
        let len: usize = rows
            .iter()
            .map(|row| row.iter().map(|c| c.len() + 3).sum::<usize>() + 1)
            .sum();
        let mut text = String::with_capacity(len);
        for (n, row) in rows.iter().enumerate() {
            if n > 0 {
                text.push('\n');
            }
            for (m, cell) in row.iter().enumerate() {
                if m > 0 {
                    text.push_str(" | ");
                }
                text.push_str(cell);
            }
        }
        let (list, path) = b.container();
        push_index(path, list.len());
        list.push(Paragraph {
            kind: BlockKind::Table,
            marker: None,
            text,
            rows: Some(rows),
            line: first,
            end_line: last,
            joins: Vec::new(),
            span,
        });
        path
    };
    for k in i..j {
        cx.claim_line(path, k);
    }
    b.last = None;
    b.last_line = last;
    j
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pipe_cells_split_on_unescaped_bars() {
        // An escaped bar stays in its cell (and loses its backslash when the cell is cleaned).
        let lines = crate::lex::lines(
            "| a | b \\| c | d |\n|---|:-:|\n| Ủy ban\\|| **Sở** | đ |\n",
            Format::Markdown,
        );
        let row = |k: usize| cells(&lines[k], Format::Markdown);
        let owned = |c: &[&str]| Some(c.iter().map(|&s| s.to_owned()).collect::<Vec<_>>());
        assert_eq!(row(0), owned(&["a", "b | c", "d"]));
        assert_eq!(row(1), None, "the separator row");
        assert_eq!(row(2), owned(&["Ủy ban|", "Sở", "đ"]));
    }

    #[test]
    fn tab_separated_rows() {
        let lines = crate::lex::lines("STT\tĐơn vị\tSố lượng\n1\tSở Nội vụ\t12\n", Format::Text);
        assert!(is_table_row(&lines[0]) && is_table_row(&lines[1]));
        assert_eq!(
            cells(&lines[1], Format::Text),
            Some(vec![
                "1".to_owned(),
                "Sở Nội vụ".to_owned(),
                "12".to_owned()
            ])
        );
    }

    proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x0074_6162_6C65))]

        /// The shortcut for lines that start with no white space gives the general test's answer.
        #[test]
        fn is_table_row_is_a_pipe_or_tab_row(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "|", " ", "\t", "\u{a0}", "\u{3000}", "a", "Ủy", "-", ":", "\n", "**", "1",
            ]), 0..12)
        ) {
            let text = pieces.concat();
            for format in [Format::Text, Format::Markdown] {
                for line in crate::lex::lines(&text, format) {
                    prop_assert_eq!(
                        is_table_row(&line),
                        line.is_pipe_row() || line.is_tab_row(),
                        "{:?}",
                        line.raw
                    );
                }
            }
        }
    }
}
