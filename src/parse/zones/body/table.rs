//! Tables in the body: Markdown pipe rows, rows of tab-separated cells, and tables copied from
//! a PDF or Word file that lost their borders ([`flat_table`]: a `STT …` header row, then rows
//! that their numbers open; those numbers are never headings). In the main body a table is a
//! block among the paragraphs; in an appendix it is one of the appendix's tables. Every row's
//! text is scanned for citations.

use super::{Builder, Mode, sections};
use crate::lex::Line;
use crate::model::{ArtifactKind, BlockKind, Document, Format, NumberStyle, Paragraph, Table};
use crate::parse::layout::{artifact_kind, is_appendix_start};
use crate::parse::{Context, TextSource, pointer, push_index};
use crate::tables;

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
    let mut starts = Vec::new();
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
            starts.push(vec![l.no(); r.len()]);
            rows.push(r);
        }
        j += 1;
    }
    store(cx, b, (rows, starts), i..j, &[]);
    j
}

/// Lines from a table of contents' first entry searched for the heading it lists first.
const CONTENTS_REACH: usize = 200;

/// The table of contents under a `MỤC LỤC` line, from line `i` (its first entry, or a blank line
/// before it): one row a line, the entry's label, title and page split at its tabs. It runs to
/// the line before the heading its first entry lists (`PHẦN THỨ NHẤT: ⇥Kế hoạch …` / … /
/// `PHẦN THỨ NHẤT:`), which opens with the entry's label and has no tab; returns that line.
/// `None` when the first entry has no label set apart from its title, or its heading is not
/// found: the lines are then read as they come.
pub(super) fn contents(cx: &mut Context<'_>, b: &mut Builder, i: usize) -> Option<usize> {
    let first = cx.next_non_blank(i)?;
    // The entry's label: what stands before its title, cut off by a tab or a run of spaces
    // (`PHẦN THỨ NHẤT: \tKế hoạch tổng thể …`), a word at least.
    let entry = cx.lines[first].raw.trim();
    let cut = entry.find('\t').into_iter().chain(entry.find("  ")).min()?;
    let label = entry[..cut].trim();
    if label.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return None;
    }
    let end = (first + 1..cx.lines.len().min(first + CONTENTS_REACH)).find(|&k| {
        let t = cx.lines[k].raw.trim();
        t.strip_prefix(label)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
            && !t.contains('\t')
    })?;
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    for l in &cx.lines[first..end] {
        if l.is_blank() {
            continue;
        }
        // The entry's cells as a tab row's, without the empty ones a run of tabs leaves.
        let mut row = cells(l, cx.format).unwrap_or_default();
        row.retain(|c| !c.trim().is_empty());
        starts.push(vec![l.no(); row.len()]);
        rows.push(row);
    }
    // The blank lines before the heading are not the table's.
    let last = (first..end).rev().find(|&k| !cx.lines[k].is_blank())?;
    store(cx, b, (rows, starts), first..last + 1, &[]);
    Some(end)
}

/// Stores a table read from lines `lines` (indices), whose lines but those in `skipped` (layout
/// artifacts inside it) it claims; `rows` holds the rows and the line of each cell. Each row's
/// text is scanned for citations.
fn store(
    cx: &mut Context<'_>,
    b: &mut Builder,
    (rows, starts): (Vec<Vec<String>>, Vec<Vec<usize>>),
    lines: std::ops::Range<usize>,
    skipped: &[usize],
) {
    let (i, j) = (lines.start, lines.end);
    for (row, lines) in rows.iter().zip(&starts) {
        let mut source = TextSource::default();
        let mut text = String::new();
        for (cell, &no) in row.iter().zip(lines) {
            if !text.is_empty() {
                text.push(' ');
            }
            source.push_piece(text.len(), no);
            text.push_str(cell);
        }
        source.text = text.into();
        cx.remember(source);
    }
    let first = cx.lines[i].no();
    let last = cx.lines[j - 1].no();
    let span = cx.lines[i].span().cover(cx.lines[j - 1].span());
    let table_path;
    let path: &str = if b.mode == Mode::Appendix {
        sections::settle(b);
        let section = b.stack.last().map(|o| o.section.label.to_string());
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
            rows: Some(Box::new(rows)),
            line: first,
            end_line: last,
            joins: Vec::new(),
            span,
        });
        path
    };
    // The skipped lines as a mask over the table's: a search of the list for every line made a
    // long table that crosses many pages (an artifact or two at each) quadratic.
    let mut kept = vec![true; j.saturating_sub(i)];
    for k in skipped {
        if let Some(slot) = k.checked_sub(i).and_then(|d| kept.get_mut(d)) {
            *slot = false;
        }
    }
    for k in (i..j).filter(|k| kept[k - i]) {
        if !cx.lines[k].is_blank() {
            cx.claim_line(path, k);
        }
    }
    b.last = None;
    b.last_line = last;
}

/// The most characters a line of one cell of a flattened table has: its column is narrower
/// than the page, whose lines of running text have more.
const WIDEST_CELL_LINE: usize = 70;

/// True when a line is the header row of a table whose cells lost their borders (a PDF or Word
/// table copied as text): `STT`, `TT` or `Số TT` alone, or before the other columns' names
/// (`STT Chỉ tiêu thống kê …`, `TT | Thành phần thể thức | …`).
pub(super) fn is_table_head(line: &Line<'_>) -> bool {
    let t = line.text.as_ref();
    if !matches!(t.as_bytes().first(), Some(b'S' | b'T')) {
        return false;
    }
    tables::TABLE_HEAD_WORDS.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with([' ', '\t', '|'])
                    && rest
                        .trim_start_matches([' ', '\t', '|'])
                        .chars()
                        .next()
                        .is_none_or(char::is_uppercase)
        })
    })
}

/// The number of a flattened table's row when line `t` opens one: a numbering label (`1.`,
/// `1.1.`, `3.2 Số …`, `II.`) with text after it, a number alone (`9.`, `1`) when it is the
/// one the rows have come to (a page number between two rows is not a row), or cells between
/// bars (`1 | Sở Y tế | 100`).
fn row_start(t: &str, expected: u32) -> Option<Option<u32>> {
    // A row whose cells are between bars: its number, if any, is its first cell.
    if t.starts_with('|') || t.contains(" | ") {
        let first = t.split('|').next().unwrap_or_default();
        return Some(number_alone(first.trim()));
    }
    if let Some(l) = crate::grammar::label(t) {
        use NumberStyle as S;
        if matches!(
            l.style,
            S::Arabic | S::ArabicDash | S::Decimal | S::Roman | S::RomanDash
        ) {
            return Some(
                (l.depth <= 1 && matches!(l.style, S::Arabic | S::ArabicDash))
                    .then_some(l.number)
                    .flatten(),
            );
        }
        return None;
    }
    if let Some(n) = number_alone(t) {
        // `9.` is a row's number; `99` alone may be a page's.
        if t.trim_end().ends_with(['.', ')']) || n == expected {
            return Some(Some(n));
        }
        return None;
    }
    // `1  Thực hiện …`: a bare number before the text.
    let (head, rest) = t.split_once(' ')?;
    let n: u32 = head.parse().ok().filter(|_| head.len() <= 3)?;
    if rest
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| !c.is_uppercase())
    {
        return None;
    }
    (n == expected).then_some(Some(n))
}

/// A number alone on its line (`9.`, `12`, `3)`), as a row's first cell may be.
fn number_alone(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(['.', ')', ' ']);
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A table's caption: `Biểu mẫu 2`, `Bảng 3`, which opens the next table.
fn is_caption(t: &str) -> bool {
    tables::TABLE_CAPTION_WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()))
    })
}

/// A Phần, Chương, Mục or Điều heading, which no table row is.
fn is_division(t: &str) -> bool {
    crate::grammar::label(t).is_some_and(|l| {
        matches!(
            l.style,
            NumberStyle::Part
                | NumberStyle::Chapter
                | NumberStyle::Division
                | NumberStyle::Subdivision
                | NumberStyle::Article
        )
    })
}

/// The cells of a flattened table's line: split at its bars, or the label and the text after it.
fn flat_cells(t: &str) -> Vec<String> {
    if t.contains('|') {
        return t.split('|').map(|c| c.trim().to_owned()).collect();
    }
    match crate::grammar::label(t).and_then(|l| t.split_at_checked(l.rest)) {
        Some((label, rest)) if !label.is_empty() && !rest.is_empty() => {
            vec![label.trim().to_owned(), rest.trim().to_owned()]
        }
        _ => vec![t.trim().to_owned()],
    }
}

/// Reads a flattened table from its header row at line `i` ([`is_table_head`]); returns the
/// next line.
///
/// A table copied as text has lost its borders: its cells come one per line (`STT`, `Tên nhiệm
/// vụ`, `Cơ quan chủ trì`, …, then `1.`, the task, the body in charge …), several to a line
/// (`1.1. Số TTHC công bố mới Thủ tục 247`) or between bars. A row starts at a line its number
/// opens; every other line is a cell of the row above. The numbers of its rows are the table's
/// (they start again at 1 in the next table) and never headings of the document.
///
/// The table runs to the first line, after a blank line or a layout artifact, that opens no
/// row and repeats no header row (`Biểu mẫu 2`, a heading), once the row above has more than its
/// number; to an appendix; or to the closing. Page numbers and gazette headers between its rows
/// are artifacts.
pub(super) fn flat_table(
    cx: &mut Context<'_>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
) -> usize {
    let lines = cx.lines;
    let mut rows: Vec<Vec<String>> = vec![flat_cells(&lines[i].text)];
    let mut starts = vec![vec![lines[i].no(); rows[0].len()]];
    let mut skipped = Vec::new();
    // Lines of the footnotes read whole inside the table: claimed as footnotes already.
    let mut footnotes = Vec::new();
    let mut expected = 1;
    let barred = lines[i].text.contains('|');
    let mut grouped = false;
    let mut in_group = false;
    let mut end = i + 1;
    let mut j = i + 1;
    while j < lines.len() {
        let line = &lines[j];
        if line.is_blank() {
            j += 1;
            continue;
        }
        if is_appendix_start(line) || b.mode == Mode::Main && (cx.ends_body)(cx, j) {
            break;
        }
        // The head repeated on each page and the running footer are page furniture: the row
        // cut by the page break goes on after them.
        if line.running {
            skipped.push((j, ArtifactKind::PageHeader));
            j += 1;
            continue;
        }
        let t = line.text.as_ref();
        let head = is_table_head(line);
        let start = if head { None } else { row_start(t, expected) };
        // Rows grouped under roman numbers (`I. Lĩnh vực …`) show it from the first row on; in
        // a table that has none, a roman heading is the document's next part.
        let roman = crate::grammar::label(t)
            .is_some_and(|l| matches!(l.style, NumberStyle::Roman | NumberStyle::RomanDash));
        // In a table whose cells are between bars, a numbered line without one is the
        // document's next heading.
        let unbarred = barred && start.is_some() && !t.contains('|');
        if roman && rows.len() > 1 && !grouped || unbarred || is_caption(t) || is_division(t) {
            break;
        }
        if start.is_some() && rows.len() == 1 {
            grouped = roman;
        }
        if start.is_some() || head {
            in_group = roman;
        }
        if start.is_none() && !head {
            if let Some(kind) = artifact_kind(line, cx.format) {
                // A footnote body at a page end, after a blank line (its marker glued to a cell
                // above), is read whole, down to the blank line before the page's furniture:
                // its second line is no cell of the row.
                let after_gap = lines[j - 1].is_blank();
                if kind == ArtifactKind::Footnote && after_gap {
                    if let Some(next) = cx.footnote(doc, j, lines.len()) {
                        footnotes.extend(j..next);
                        j = next;
                        end = end.max(j);
                        continue;
                    }
                    // No marker tells whose footnote it is: its lines are page furniture all
                    // the same, down to the blank line under them.
                    skipped.push((j, kind));
                    let mut k = j + 1;
                    while lines.get(k).is_some_and(|l| {
                        !l.is_blank() && !l.running && row_start(&l.text, expected).is_none()
                    }) {
                        skipped.push((k, ArtifactKind::Footnote));
                        k += 1;
                    }
                    j = k;
                    continue;
                }
                skipped.push((j, kind));
                j += 1;
                continue;
            }
            // A cell wraps inside its column: a line as wide as the page is text after the
            // table (but a group's row, `IV. Tăng cường …`, spans the table's width).
            if !in_group && t.chars().count() > WIDEST_CELL_LINE {
                break;
            }
        }
        match start {
            Some(number) => {
                if let Some(n) = number {
                    expected = n + 1;
                }
                let row = flat_cells(t);
                starts.push(vec![line.no(); row.len()]);
                rows.push(row);
            }
            None if head => {
                let row = flat_cells(t);
                starts.push(vec![line.no(); row.len()]);
                rows.push(row);
            }
            None => {
                if let (Some(row), Some(at)) = (rows.last_mut(), starts.last_mut()) {
                    row.push(t.trim().to_owned());
                    at.push(line.no());
                }
            }
        }
        j += 1;
        end = j;
    }
    // Artifacts after the last row are the next reader's.
    skipped.retain(|&(k, _)| k < end);
    for &(k, kind) in &skipped {
        // A footnote body at a page end inside the table (its marker glued to a cell) is the
        // document's footnote, read on its own line: the next lines are the table's.
        if kind == ArtifactKind::Footnote && cx.footnote(doc, k, k + 1).is_some() {
            continue;
        }
        cx.artifact_line(doc, kind, k);
    }
    let mut skipped: Vec<usize> = skipped.into_iter().map(|(k, _)| k).collect();
    skipped.extend(footnotes);
    store(cx, b, (rows, starts), i..end, &skipped);
    end
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_text;
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

    #[test]
    fn table_heads() {
        let head = |t: &str| is_table_head(&crate::lex::lines(t, Format::Text)[0]);
        assert!(head("STT"));
        assert!(head("TT | Thành phần | Cỡ chữ"));
        assert!(head("STT Chỉ tiêu thống kê Đơn vị tính Số liệu"));
        assert!(head("Số TT"));
        assert!(!head("STT của các đơn vị"), "a sentence");
        assert!(!head("TTHC cấp tỉnh"));
        assert!(!head("Thực hiện"));
    }

    #[test]
    fn a_flattened_table_with_a_cell_per_line_keeps_its_rows_out_of_the_headings() {
        let doc = parse_text(
            "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. NHIỆM VỤ\n\
             Các nhiệm vụ cụ thể như sau:\n\
             STT\nTên nhiệm vụ\nCơ quan\nchủ trì\nThời gian\n\
             1.\n\nRà soát các văn bản\nquy phạm pháp luật\nSở Tư pháp\nQuý I/2026\n\
             2.  Kiểm tra công tác\ncải cách hành chính\nSở Nội vụ\n\n7\n\n\
             STT\nTên nhiệm vụ\nCơ quan\nchủ trì\nThời gian\n\
             3.  Tổng kết\nVăn phòng\nThường xuyên\n\
             Các sở, ngành tổ chức thực hiện nghiêm túc các nhiệm vụ nêu trên và báo cáo kết quả.\n",
        );
        let s = &doc.sections[0];
        assert!(s.children.is_empty(), "{:?}", s.children);
        let table = &s.paragraphs[1];
        assert_eq!(table.kind, BlockKind::Table);
        let rows = table.rows.as_ref().expect("rows");
        let firsts: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(firsts, ["STT", "1.", "2.", "STT", "3."]);
        assert_eq!(
            rows[1],
            [
                "1.",
                "Rà soát các văn bản",
                "quy phạm pháp luật",
                "Sở Tư pháp",
                "Quý I/2026"
            ]
        );
        assert_eq!((table.line, table.end_line), (6, 30));
        assert_eq!(
            doc.artifacts.len(),
            1,
            "the page number between two pages of rows"
        );
        assert_eq!(doc.artifacts[0].line, 21);
        assert!(
            s.paragraphs[2].text.starts_with("Các sở, ngành"),
            "a line as wide as the page ends it"
        );
    }

    #[test]
    fn rows_of_a_statistics_form_are_one_table_each() {
        let doc = parse_text(
            "BÁO CÁO\nKết quả năm 2025\n\nI. KẾT QUẢ\nĐã hoàn thành.\n\n\
             PHỤ LỤC\nBIỂU MẪU THỐNG KÊ\n\n\
             Biểu mẫu 1\nCông tác chỉ đạo\n\
             STT Chỉ tiêu thống kê Đơn vị tính Số liệu\n\
             1. Số văn bản chỉ đạo đã ban hành Văn bản 82\n\
             2. Kiểm tra\n2.1. Số cơ quan đã kiểm tra Cơ quan 4\n2.2 Số xã đã kiểm tra 38\n\n\
             Biểu mẫu 2\nCải cách thể chế\n\
             STT Chỉ tiêu thống kê Đơn vị tính Số liệu\n\
             1. Tổng số văn bản đã ban hành Văn bản 249\n",
        );
        let a = &doc.appendices[0];
        assert!(a.sections.is_empty(), "{:?}", a.sections);
        let sizes: Vec<(usize, usize)> = a.tables.iter().map(|t| (t.line, t.rows.len())).collect();
        assert_eq!(sizes, [(12, 5), (20, 2)]);
        assert_eq!(
            a.tables[0].rows[3],
            ["2.1.", "Số cơ quan đã kiểm tra Cơ quan 4"]
        );
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Biểu mẫu 1",
                "Công tác chỉ đạo",
                "Biểu mẫu 2",
                "Cải cách thể chế"
            ]
        );
    }

    #[test]
    fn a_table_without_roman_groups_ends_at_a_roman_heading() {
        let doc = parse_text(
            "KẾ HOẠCH\nKiểm tra năm 2026\n\nI. LỊCH KIỂM TRA\n\
             STT | Đơn vị | Thời gian\n1. | Sở Y tế | Tháng 3\n2. | Sở Xây dựng | Tháng 4\n\
             II. TỔ CHỨC THỰC HIỆN\nSở Nội vụ chủ trì.\n",
        );
        let labels: Vec<&str> = doc.sections.iter().map(|s| &*s.label).collect();
        assert_eq!(labels, ["I", "II"]);
        let rows = doc.sections[0].paragraphs[0].rows.as_ref().expect("rows");
        assert_eq!(rows[2], ["2.", "Sở Xây dựng", "Tháng 4"]);
    }

    #[test]
    fn rows_between_bars_run_to_the_first_numbered_line_without_one() {
        let doc = parse_text(
            "BÁO CÁO\nKết quả chấm điểm\n\nI. KẾT QUẢ\n1. Chấm điểm các sở\n\
             STT | Đơn vị | Tỷ lệ\nthực hiện % | Điểm đạt\n1 | Sở Y tế | 100 | 18\n\
             2 | Sở Xây dựng | 80,5 | 14\n2. Tồn tại, hạn chế\nMột số đơn vị còn chậm.\n",
        );
        let s = &doc.sections[0];
        let labels: Vec<&str> = s.children.iter().map(|c| &*c.label).collect();
        assert_eq!(labels, ["1", "2"]);
        let rows = s.children[0].paragraphs[0].rows.as_ref().expect("rows");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[3], ["2", "Sở Xây dựng", "80,5", "14"]);
    }

    proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x0074_6162_6C65))]

        /// Documents made of the lines the body's readers of tables, quotations, one-line
        /// numbering, legends, unnumbered headings and capital letters look at parse without a
        /// panic and without loss.
        #[test]
        fn body_patterns_parse_without_loss(
            lines in proptest::collection::vec(proptest::sample::select(vec![
                "STT", "TT | Đơn vị | Tỷ lệ", "STT Chỉ tiêu Đơn vị tính Số liệu", "1.", "9.", "12",
                "1 | Sở Y tế | 100", " | - Tên cơ quan | In hoa", "2.1. Số hồ sơ Hồ sơ 33",
                "I. Nhóm nhiệm vụ", "II. TỔ CHỨC THỰC HIỆN", "Biểu mẫu 2", "Cải cách thể chế",
                "a) Mục tiêu", "b) Nhiệm vụ", "“b) Trước khi hết nhiệm kỳ", "c) Hết thời gian”.",
                "“Hội", "2. Về đại lý 2.1. Điều kiện đại lý; thực hiện theo Luật.",
                "7a, 7b. Quyền hạn; | 8. Dấu cơ quan;", "5a. Tên loại văn bản;", "A. SỰ CẦN THIẾT",
                "B. PHƯƠNG ÁN", "C. KIẾN NGHỊ", "Q. CHÁNH VĂN PHÒNG",
                "Điều 1. Thành lập Tổ công tác của tỉnh gồm các thành viên sau",
                "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.",
                "Chương II", "QUY ĐỊNH CHUNG", "PHỤ LỤC", "", "- Lưu: VT.", "**1. Về kết quả.**",
                "ngày ký.", "|", "2.", "x | y", "Trang 3",
            ]), 0..40),
            markdown in any::<bool>(),
        ) {
            let text = lines.join("\n");
            let format = if markdown { Format::Markdown } else { Format::Text };
            let options = crate::Options { format: Some(format), ..crate::Options::default() };
            let doc = crate::parse_with(&text, &options);
            let json = serde_json::to_value(&doc).expect("document serializes");
            vanban_testkit::assert_lossless("body patterns", &crate::normalize(&text).text, &json);
        }

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
