//! Office files as input: Word 2007+ (`.docx`), Word 97–2003 (`.doc`) and RTF read into paragraphs of runs
//! `{text, font}`, then into the Unicode text the parser reads, legacy-font runs decoded
//! ([`crate::text::legacy`]).
//!
//! A table row of two or three cells becomes lines whose cells are joined by ` | `, so that a
//! header's two columns (issuer | national title) stay side by side; a wider row is a Markdown
//! pipe row (`| 1 | Nguyễn Văn A | Vợ |`), which the body reads as a table ([`Row`]). The page
//! headers and footers follow the text, marked as furniture ([`push_furniture`]).

pub(crate) mod doc;
pub(crate) mod docx;
mod numbering;
pub(crate) mod pdf_fonts;
pub(crate) mod rtf;
mod xml;

use std::fmt;

use super::legacy::{
    self, Chooser, Encoding, FontEncoding, Tally, UNICODE, Weighed, font_encoding,
};

/// A stretch of text in one font. The text is what the file stores: for a legacy font, the
/// Windows-1252 characters of its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Run {
    pub text: String,
    pub font: Option<String>,
    /// Drawn in capitals (Word's "All caps"): raised when the text is made ([`to_text`]),
    /// after any legacy decoding, which reads the letters as typed.
    pub caps: bool,
}

/// A paragraph (or a table row, its cells joined by [`CELL_SEPARATOR`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Paragraph {
    pub runs: Vec<Run>,
    /// A paragraph of the page headers and footers ([`push_furniture`]), not of the text.
    pub furniture: bool,
    /// The marks of a review left in it: tracked changes and comments.
    pub revised: Revised,
}

/// The marks of a review left in a paragraph: characters of tracked changes never accepted or
/// rejected, text deleted (left out of the text read, as if the change were accepted) and text
/// inserted (read), and the comments anchored in it (their text is not the document's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct Revised {
    pub deleted: usize,
    pub inserted: usize,
    pub comments: usize,
}

impl Revised {
    pub(crate) fn is_some(self) -> bool {
        self.deleted > 0 || self.inserted > 0 || self.comments > 0
    }

    pub(crate) fn add(&mut self, other: Revised) {
        self.deleted += other.deleted;
        self.inserted += other.inserted;
        self.comments += other.comments;
    }
}

/// Between the cells of a table row.
pub(crate) const CELL_SEPARATOR: &str = " | ";

impl Paragraph {
    /// Appends `text` in `font`, extending the last run when the font is the same.
    pub(crate) fn push(&mut self, text: &str, font: Option<&str>) {
        self.push_caps(text, font, false);
    }

    /// Appends `text` in `font`, in capitals when `caps` says so (Word's "All caps": `w:caps`,
    /// `sprmCFCaps`), extending the last run when font and capitals are the same. Text in a
    /// legacy font is left as typed: its capitals are other code points (TCVN3 draws them in its
    /// `H` fonts). Other text is raised once decoded: Unicode as it is, and legacy bytes in a
    /// Unicode font after they are read as their encoding (`céng` raised first would be `CÉNG`).
    pub(crate) fn push_caps(&mut self, text: &str, font: Option<&str>, caps: bool) {
        if text.is_empty() {
            return;
        }
        let caps = caps && font.and_then(font_encoding).is_none();
        match self.runs.last_mut() {
            Some(last) if last.font.as_deref() == font && last.caps == caps => {
                last.text.push_str(text);
            }
            _ => self.runs.push(Run {
                text: text.to_owned(),
                font: font.map(str::to_owned),
                caps,
            }),
        }
    }

    /// Takes the runs and the tracked changes of `other`, after its own.
    pub(crate) fn absorb(&mut self, other: &mut Paragraph) {
        self.runs.append(&mut other.runs);
        self.revised.add(std::mem::take(&mut other.revised));
    }

    /// The paragraph's text, its runs joined (as the file stores it: not decoded).
    pub(crate) fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn is_blank(&self) -> bool {
        self.runs.iter().all(|r| r.text.trim().is_empty())
    }
}

/// The most lines a cell may have for its row to be laid out line by line.
const MAX_ZIPPED_LINES: usize = 4;

/// The most cells a row may have to be laid out as a header or a closing: the header's two
/// columns, or three with a spacer between them. A row with more cells is a data table's (a
/// register, a budget, a form's list: `Số TT | Họ và tên | … | Ghi chú`): a pipe row
/// ([`pipe_row`]).
const MAX_ZIPPED_CELLS: usize = 3;

/// A table row being read: the lines of each cell. A row of more than [`MAX_ZIPPED_CELLS`]
/// cells is a Markdown pipe row, or several when its cells hold numbered lines
/// ([`Row::numbered_lines`]). A row of the document's first table (the header: the issuer's two
/// lines beside the national title and the motto) whose cells are short is laid out as a person
/// reads it across: line `k` of every cell on one line, cells joined by [`CELL_SEPARATOR`]. In
/// any other row (the recipients beside the signature, the sample signature blocks of a guide)
/// each cell's lines follow the last line of the cell before, as a text export of the table
/// reads.
#[derive(Debug, Default)]
pub(crate) struct Row {
    cells: Vec<Vec<Paragraph>>,
    cell: Vec<Paragraph>,
    /// A row of the header table: short cells are laid out side by side.
    header: bool,
    /// Changes tracked in blank lines that start a cell, for the row's first line.
    carried: Revised,
}

impl Row {
    /// A row of the document's first table (`header`) or of another.
    pub(crate) fn new(header: bool) -> Row {
        Row {
            header,
            ..Row::default()
        }
    }

    /// True for a row of the header table.
    pub(crate) fn is_header(&self) -> bool {
        self.header
    }

    /// A paragraph of the current cell ends (blank ones are dropped: the lines of cells align;
    /// the changes tracked in one, a deleted line, go with the line before it, or the row's first).
    pub(crate) fn end_line(&mut self, line: Paragraph) {
        if !line.is_blank() {
            self.cell.push(line);
        } else if line.revised.is_some() {
            match self.cell.last_mut() {
                Some(before) => before.revised.add(line.revised),
                None => self.carried.add(line.revised),
            }
        }
    }

    /// The current cell ends with `line`.
    pub(crate) fn end_cell(&mut self, line: Paragraph) {
        self.end_line(line);
        self.cells.push(std::mem::take(&mut self.cell));
    }

    /// The row ends: its lines.
    pub(crate) fn end(mut self) -> Vec<Paragraph> {
        let carried = std::mem::take(&mut self.carried);
        let mut lines = self.lines();
        if let Some(first) = lines.first_mut() {
            first.revised.add(carried);
        }
        lines
    }

    /// The lines of the row's cells.
    fn lines(mut self) -> Vec<Paragraph> {
        if !self.cell.is_empty() {
            self.cells.push(std::mem::take(&mut self.cell));
        }
        if self.cells.is_empty() {
            // A row opened but never given a cell (the one opened after a table's last row).
            return Vec::new();
        }
        if self.cells.len() > MAX_ZIPPED_CELLS {
            return match self.numbered_lines() {
                Some(n) => {
                    (0..n)
                        .map(|k| {
                            pipe_row(self.cells.iter_mut().map(|cell| {
                                cell.get_mut(k).map(std::mem::take).into_iter().collect()
                            }))
                        })
                        .collect()
                }
                None => vec![pipe_row(self.cells.into_iter())],
            };
        }
        let height = self.cells.iter().map(Vec::len).max().unwrap_or(0);
        if height > MAX_ZIPPED_LINES || !self.header {
            // A tall cell (recipients beside the signature, a form's running text): each cell's
            // paragraphs are lines, the next cell starting on the line where the last one ends
            // (`- Lưu: VT. | TM. ỦY BAN NHÂN DÂN`), as a text export of the table reads.
            let mut lines = Vec::new();
            let mut line = Paragraph::default();
            for (i, cell) in self.cells.iter_mut().enumerate() {
                if i > 0 {
                    line.push(CELL_SEPARATOR, None);
                }
                for (k, p) in cell.iter_mut().enumerate() {
                    if k > 0 {
                        trim_last(&mut line, &[' ', '\t']);
                        lines.push(std::mem::take(&mut line));
                    }
                    trim_last(p, &[' ', '\t']);
                    line.absorb(p);
                }
            }
            trim_last(&mut line, &[' ', '|']);
            lines.push(line);
            return lines;
        }
        (0..height)
            .map(|k| {
                let mut line = Paragraph::default();
                for (i, cell) in self.cells.iter_mut().enumerate() {
                    if i > 0 {
                        line.push(CELL_SEPARATOR, None);
                    }
                    if let Some(p) = cell.get_mut(k) {
                        trim_last(p, &[' ', '\t']);
                        line.absorb(p);
                    }
                }
                trim_last(&mut line, &[' ', '|']);
                line
            })
            .collect()
    }

    /// Rows drawn as lines of one row: the first cell holds numbers that count on by one (`1`,
    /// `2`, … or `7`, `8`, …, a trailing `.` or `)` allowed), one to a paragraph, and no cell has more than `n` paragraphs, one at least
    /// exactly `n` (`1 | Sửa chữa nhà xưởng`, `2 | Hoàn thiện công nghệ` typed in one row of a
    /// schedule). Their count `n`; `None` for a row whose cells are each one text.
    fn numbered_lines(&self) -> Option<usize> {
        let (first, rest) = self.cells.split_first()?;
        let n = first.len();
        if n < 2 || rest.iter().any(|c| c.len() > n) || !rest.iter().any(|c| c.len() == n) {
            return None;
        }
        let mut expected = None;
        for p in first {
            let text = p.text();
            let digits = text.trim().trim_end_matches(['.', ')']);
            if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let value: u32 = digits.parse().ok()?;
            if expected.is_some_and(|e| e != value) {
                return None;
            }
            expected = Some(value + 1);
        }
        Some(n)
    }
}

/// A row of a data table (more than [`MAX_ZIPPED_CELLS`] cells: a register, a form's list, a
/// budget) as one Markdown pipe row, `| 1 | Nguyễn Văn A | Vợ |`, which the body reads as a
/// table row: each cell's paragraphs joined by a space (`Nơi` / `thường trú` is one column's
/// name; a list in a cell is the cell's text, not the document's headings), a bar in a cell
/// escaped (`\|`).
fn pipe_row(cells: impl Iterator<Item = Vec<Paragraph>>) -> Paragraph {
    let mut line = Paragraph::default();
    line.push("|", None);
    for cell in cells {
        line.push(" ", None);
        for (k, mut p) in cell.into_iter().enumerate() {
            if k > 0 {
                line.push(" ", None);
            }
            trim_last(&mut p, &[' ', '\t']);
            for run in &mut p.runs {
                if run.text.contains('|') {
                    run.text = run.text.replace('|', "\\|");
                }
            }
            line.absorb(&mut p);
        }
        line.push(" |", None);
    }
    line
}

/// Appends the notes' paragraphs (`notes`, in the order the text refers to them) after the text
/// and a blank line, as at a page's foot; nothing when there is no note text.
pub(crate) fn push_notes(out: &mut Vec<Paragraph>, notes: impl IntoIterator<Item = Paragraph>) {
    let notes: Vec<Paragraph> = notes.into_iter().collect();
    if notes.iter().any(|p| !p.is_blank()) {
        out.push(Paragraph::default());
        out.extend(notes);
    }
}

/// Appends the page headers and footers (`lines`, headers first) after the text and its notes,
/// after a blank line, each non-blank paragraph once: page furniture a reader sees on every page,
/// not the document's words. Each is marked ([`Paragraph::furniture`]): the text says where
/// they start ([`OfficeText::furniture`]), and the parser keeps them apart as page headers.
pub(crate) fn push_furniture(out: &mut Vec<Paragraph>, lines: impl IntoIterator<Item = Paragraph>) {
    let mut kept: Vec<Paragraph> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for mut p in lines {
        p.furniture = true;
        if !p.is_blank() && seen.insert(p.clone()) {
            kept.push(p);
        }
    }
    if !kept.is_empty() {
        out.push(Paragraph::default());
        out.extend(kept);
    }
}

/// Whether a field instruction (` PAGE \\* MERGEFORMAT `) draws a page number or count: its
/// result is one page's, not the document's text.
pub(crate) fn is_page_number(instruction: &str) -> bool {
    matches!(
        instruction.split_whitespace().next(),
        Some("PAGE" | "NUMPAGES" | "SECTIONPAGES")
    )
}

/// Trims `chars` from the end of a paragraph's last run (dropping the run when nothing is left).
pub(crate) fn trim_last(p: &mut Paragraph, chars: &[char]) {
    if let Some(last) = p.runs.last_mut() {
        let kept = last.text.trim_end_matches(chars).len();
        last.text.truncate(kept);
        if last.text.is_empty() {
            p.runs.pop();
        }
    }
}

/// Why an office file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeError {
    /// The format (`DOCX`, `DOC`, `RTF`).
    pub format: &'static str,
    /// What is wrong, for a person.
    pub reason: String,
}

impl fmt::Display for OfficeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} file could not be read: {}", self.format, self.reason)
    }
}

impl std::error::Error for OfficeError {}

/// The text of an office file and what it was written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OfficeText {
    pub text: String,
    /// The line (from 1) where the page headers and footers start, when the file has any.
    pub furniture: Option<usize>,
    /// How much of the text each encoding covered: the legacy ones by the runs they changed,
    /// `unicode` the rest (as the file stores it).
    pub tally: Tally,
    /// The lines (from 1) that hold marks of a review, with their counts.
    pub revised: Vec<(usize, Revised)>,
}

/// Whether runs in no legacy font are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// Fonts first, then the evidence of the words ([`Chooser`]).
    Detect,
    /// Fonts only; no other run is converted.
    Never,
    /// Every run in one encoding, fonts notwithstanding.
    Forced(Encoding),
}

/// Joins paragraphs into text, one a line: runs in a legacy font are decoded by their font;
/// the other runs of a paragraph are read as they are or, when their words are syllables only
/// under a legacy decoding, in that encoding ([`Chooser`]). `forced` decodes every run in one
/// encoding, fonts notwithstanding.
pub(crate) fn to_text(paragraphs: &[Paragraph], mode: Legacy) -> OfficeText {
    let forced = match mode {
        Legacy::Forced(e) => Some(e),
        _ => None,
    };
    // Blank paragraphs are kept as one empty line between blocks, never more. The changes
    // tracked in one left out (a deleted paragraph) are counted on the next line.
    let mut dropped = Revised::default();
    let mut carried: Vec<Revised> = Vec::new();
    let paragraphs: Vec<&Paragraph> = paragraphs
        .iter()
        .enumerate()
        .filter(|&(i, p)| {
            let before = i.checked_sub(1).and_then(|k| paragraphs.get(k));
            let kept = !p.is_blank() || before.is_some_and(|b| !b.is_blank());
            if kept {
                let mut revised = std::mem::take(&mut dropped);
                revised.add(p.revised);
                carried.push(revised);
            } else {
                dropped.add(p.revised);
            }
            kept
        })
        .map(|(_, p)| p)
        .collect();
    if let Some(last) = carried.last_mut() {
        last.add(dropped);
    }
    // Paragraphs in no legacy font are weighed only when detecting.
    let choices = if mode == Legacy::Detect {
        let mut chooser = Chooser::default();
        let mut unfonted = String::new();
        for p in &paragraphs {
            unfonted.clear();
            for r in p.runs.iter() {
                if r.font.as_deref().and_then(font_encoding).is_none() {
                    unfonted.push_str(&r.text);
                }
            }
            chooser.push(&unfonted, &unfonted);
        }
        chooser.choose()
    } else {
        vec![None; paragraphs.len()]
    };
    let mut tally = Tally::default();
    // The text is about as long as its runs (a conversion changes few lengths much): one
    // allocation for it, and one line buffer for all the paragraphs.
    let runs_len: usize = paragraphs
        .iter()
        .map(|p| p.runs.iter().map(|r| r.text.len()).sum::<usize>() + 1)
        .sum();
    let mut text = String::with_capacity(runs_len + runs_len / 8);
    let mut line = String::new();
    let mut furniture = None;
    let mut revised = Vec::new();
    // The line (from 1) the next paragraph starts.
    let mut line_number = 1;
    // Each run's font encoding, worked out once per paragraph in one buffer.
    let mut fonts: Vec<Option<FontEncoding>> = Vec::new();
    for ((p, choice), changes) in paragraphs.iter().zip(choices).zip(carried) {
        if p.furniture && furniture.is_none() {
            furniture = Some(line_number);
        }
        if changes.is_some() {
            revised.push((line_number, changes));
        }
        line.clear();
        let mut tcvn3 = false;
        fonts.clear();
        fonts.extend(
            p.runs
                .iter()
                .map(|r| r.font.as_deref().and_then(font_encoding)),
        );
        let pasted = if mode == Legacy::Detect {
            typed_in_another(p, &fonts)
        } else {
            None
        };
        for (run, &font) in p.runs.iter().zip(&fonts) {
            let font = font.filter(|_| mode != Legacy::Never);
            // The font's encoding, unless the words say the text was typed in another: the
            // paragraph's words in the font, or else the run's own.
            let font = font.map(|f| match mode {
                Legacy::Detect => FontEncoding {
                    encoding: match pasted {
                        Some((claimed, typed))
                            if claimed == f.encoding
                                && !legacy::reads_better(&run.text, claimed, typed) =>
                        {
                            typed
                        }
                        _ => Weighed::contradicting(&run.text, f.encoding).unwrap_or(f.encoding),
                    },
                    ..f
                },
                _ => f,
            });
            let enc = match (forced, font) {
                (Some(f), _) => Some(f),
                (None, Some(f)) => Some(f.encoding),
                (None, None) => choice,
            };
            let decoded = match (enc, font) {
                (Some(e), Some(f)) if forced.is_none() || f.encoding == e => {
                    Some(legacy::convert_font(&run.text, f, forced.is_some()))
                }
                (Some(e), _) if forced.is_some() => Some(legacy::convert(&run.text, e)),
                (Some(e), _) => Some(legacy::decode_mixed(&run.text, e)),
                (None, _) => None,
            };
            // An encoding covers the runs it changed (not ASCII or Unicode in a legacy font).
            let changed = decoded.as_ref().is_some_and(|d| *d != run.text);
            let piece = decoded.as_deref().unwrap_or(&run.text);
            if run.caps {
                line.push_str(&piece.to_uppercase());
            } else {
                line.push_str(piece);
            }
            match enc.filter(|_| changed) {
                Some(e) => {
                    tcvn3 |= e == Encoding::Tcvn3;
                    tally.add(e.name(), run.text.len());
                }
                None => tally.add(UNICODE, run.text.len()),
            }
        }
        tally.end_paragraph();
        if tcvn3 {
            if let Some(capitals) = legacy::restore_capitals(&line) {
                line = capitals;
            }
        }
        let line = line.trim_end();
        line_number += 1 + memchr::memchr_iter(b'\n', line.as_bytes()).count();
        text.push_str(line);
        text.push('\n');
    }
    OfficeText {
        text,
        furniture,
        tally,
        revised,
    }
}

/// The encoding the runs of `p` in legacy fonts were typed in when it is not their fonts': the
/// fonts' encoding and the typed one. Their words are weighed together (a paragraph is a table's
/// row here), as a cell of one or two words (`Soá TT`, VNI in `.VnTime`) says too little alone.
/// `None` when the fonts claim two encodings or their words bear them out. `fonts` holds each
/// run's font encoding.
fn typed_in_another(p: &Paragraph, fonts: &[Option<FontEncoding>]) -> Option<(Encoding, Encoding)> {
    let mut claimed = None;
    let mut words = String::new();
    for (run, font) in p.runs.iter().zip(fonts) {
        match font {
            Some(f) if claimed.is_none_or(|c| c == f.encoding) => {
                claimed = Some(f.encoding);
                words.push_str(&run.text);
            }
            Some(_) => return None,
            // Another font's text parts the words on each side (nothing to part before the
            // first: a paragraph in no legacy font allocates nothing).
            None if claimed.is_some() => words.push(' '),
            None => {}
        }
    }
    let claimed = claimed?;
    Weighed::contradicting(&words, claimed).map(|typed| (claimed, typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(runs: &[(&str, Option<&str>)]) -> Paragraph {
        let mut p = Paragraph::default();
        for (text, font) in runs {
            p.push(text, *font);
        }
        p
    }

    #[test]
    fn vni_typed_in_a_tcvn3_font_is_read_by_its_row() {
        // A table's head row pasted from a VNI document into `.VnTime` cells: the first cell
        // alone (`Soá TT`, one word) tells nothing, the row does.
        let row = para(&[
            ("Soá TT", Some(".VnTime")),
            (CELL_SEPARATOR, None),
            ("Giai ñoaïn", Some(".VnTime")),
            (CELL_SEPARATOR, None),
            ("Noäi dung coâng vieäc", Some(".VnTime")),
        ]);
        // A row in the font's own encoding keeps it, and so does a cell that reads well in
        // it in a row typed in the other.
        let own = para(&[
            ("Tæng céng", Some(".VnTime")),
            (CELL_SEPARATOR, None),
            ("350", None),
        ]);
        let mixed = para(&[
            ("Hµ Néi", Some(".VnTime")),
            (CELL_SEPARATOR, None),
            ("Giai ñoaïn trieån khai", Some(".VnTime")),
        ]);
        let out = to_text(&[row, own, mixed], Legacy::Detect);
        assert_eq!(
            out.text,
            "Số TT | Giai đoạn | Nội dung công việc\nTổng cộng | 350\nHà Nội | Giai đoạn triển khai\n"
        );
    }

    #[test]
    fn runs_decoded_by_font_and_by_evidence() {
        let doc = [
            para(&[("céng hßa x· héi chñ nghÜa viÖt nam", Some(".VnTimeH"))]),
            para(&[("§éc lËp - Tù do - H¹nh phóc", Some(".VnTime"))]),
            para(&[("Coäng hoøa xaõ hoäi", Some("VNI-Times"))]),
            para(&[("Cộng hòa xã hội chủ nghĩa", Some("Times New Roman"))]),
            para(&[("Quy ®Þnh vÒ viÖc nµy", None)]),
            para(&[("The report was filed.", Some("Arial"))]),
        ];
        let out = to_text(&doc, Legacy::Detect);
        assert_eq!(
            out.text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nCộng hòa xã hội\n\
             Cộng hòa xã hội chủ nghĩa\nQuy định về việc này\nThe report was filed.\n"
        );
        assert_eq!(out.tally.main_legacy(), Some(Encoding::Tcvn3));
        let uses = out.tally.uses();
        let paragraphs: Vec<(&str, usize)> = uses.iter().map(|u| (u.0, u.2)).collect();
        assert_eq!(
            paragraphs,
            [("tcvn3", 3), ("unicode", 2), ("vni", 1)],
            "paragraphs by encoding, the one with the most bytes first"
        );
    }

    #[test]
    fn all_caps_is_drawn_after_decoding() {
        let mut title = Paragraph::default();
        // TCVN3 bytes in a Unicode font, found by their words: read first, then raised.
        title.push_caps("céng hßa x· héi chñ nghÜa viÖt nam", Some("Arial"), true);
        let mut motto = Paragraph::default();
        // A legacy font's run is left as typed: its capitals are an `H` font's business.
        motto.push_caps("§éc lËp - Tù do", Some(".VnTime"), true);
        motto.push(" - ", None);
        motto.push_caps("Hạnh phúc", Some("Times New Roman"), true);
        let doc = [
            title,
            para(&[("Quy ®Þnh vÒ viÖc nµy cña tØnh", None)]),
            motto,
        ];
        let out = to_text(&doc, Legacy::Detect);
        assert_eq!(
            out.text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQuy định về việc này của tỉnh\n\
             Độc lập - Tự do - HẠNH PHÚC\n"
        );
    }

    #[test]
    fn tall_cells_keep_their_lines() {
        let mut row = Row::new(true);
        for line in ["Nơi nhận:", "- A;", "- B;", "- C;"] {
            row.end_line(para(&[(line, None)]));
        }
        row.end_cell(para(&[("- Lưu: VT.", None)]));
        row.end_line(para(&[("TM. ỦY BAN NHÂN DÂN", None)]));
        row.end_cell(para(&[("CHỦ TỊCH", None)]));
        assert_eq!(
            row_lines(row),
            [
                "Nơi nhận:",
                "- A;",
                "- B;",
                "- C;",
                "- Lưu: VT. | TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH"
            ]
        );
    }

    /// The text of each line of a row.
    fn row_lines(row: Row) -> Vec<String> {
        row.end().iter().map(Paragraph::text).collect()
    }

    #[test]
    fn data_table_rows_are_pipe_rows_with_whole_cells() {
        // Even as the document's first table: a register is not the header.
        let mut row = Row::new(true);
        row.end_cell(para(&[("1", None)]));
        row.end_line(para(&[("Nơi ", None)]));
        row.end_cell(para(&[("thường trú", None)]));
        row.end_cell(Paragraph::default());
        row.end_cell(para(&[("a | b", None)]));
        assert_eq!(row_lines(row), ["| 1 | Nơi thường trú |  | a \\| b |"]);
        // A cell holding a list is one cell: its numbers are not the document's headings.
        let mut row = Row::new(false);
        for item in ["1. Máy chủ", "2. Máy trạm", "3. Máy in", "4. Mạng"] {
            row.end_line(para(&[(item, None)]));
        }
        row.end_cell(para(&[("5. Khác", None)]));
        for unit in ["Bộ", "Chiếc", "Gói"] {
            row.end_cell(para(&[(unit, None)]));
        }
        assert_eq!(
            row_lines(row),
            ["| 1. Máy chủ 2. Máy trạm 3. Máy in 4. Mạng 5. Khác | Bộ | Chiếc | Gói |"]
        );
    }

    #[test]
    fn rows_typed_as_numbered_lines_of_one_row_are_rows() {
        let mut row = Row::new(false);
        row.end_line(para(&[("1", None)]));
        row.end_cell(para(&[("2.", None)]));
        row.end_line(para(&[("Sửa chữa nhà xưởng", None)]));
        row.end_cell(para(&[("Lắp đặt thiết bị", None)]));
        row.end_cell(para(&[("x", None)]));
        row.end_cell(Paragraph::default());
        assert_eq!(
            row_lines(row),
            [
                "| 1 | Sửa chữa nhà xưởng | x |  |",
                "| 2. | Lắp đặt thiết bị |  |  |"
            ]
        );
        // Numbers that do not count on, or a cell taller than them: one row.
        for (numbers, items) in [(["1", "3"], 2), (["1", "2"], 3)] {
            let mut row = Row::new(false);
            for n in numbers {
                row.end_line(para(&[(n, None)]));
            }
            row.end_cell(Paragraph::default());
            for k in 0..items {
                row.end_line(para(&[(["a", "b", "c"][k], None)]));
            }
            row.end_cell(Paragraph::default());
            row.end_cell(para(&[("y", None)]));
            row.end_cell(para(&[("z", None)]));
            assert_eq!(row_lines(row).len(), 1, "{numbers:?} beside {items} lines");
        }
    }

    #[test]
    fn rows_without_cells_give_no_line() {
        // Readers open a row after each one ends; the last one opened gets no cell.
        assert!(row_lines(Row::new(false)).is_empty());
        assert!(row_lines(Row::new(true)).is_empty());
        let mut row = Row::new(false);
        row.end_cell(para(&[("Nơi nhận:", None)]));
        row.end_cell(para(&[("GIÁM ĐỐC", None)]));
        assert_eq!(row_lines(row), ["Nơi nhận: | GIÁM ĐỐC"]);
    }

    #[test]
    fn unicode_documents_have_no_legacy_encoding() {
        let doc = [para(&[(
            "Hà Nội, ngày 5 tháng 3 năm 2024",
            Some("Times New Roman"),
        )])];
        let out = to_text(&doc, Legacy::Detect);
        assert_eq!(out.text, "Hà Nội, ngày 5 tháng 3 năm 2024\n");
        assert_eq!(out.tally.main_legacy(), None);
    }
}
