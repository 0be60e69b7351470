//! Rich Text Format: the text of the document with its fonts, as the DOCX reader gives it.
//!
//! What is read (Microsoft's RTF 1.9.1 specification): the font table (`\fN` → name and
//! `\fcharsetN`), the code page (`\ansicpgN`), `\'xx` bytes in the code page of the current
//! font's character set (kept as Windows-1252 characters in a legacy font, whose bytes the legacy
//! tables read), `\uN` escapes with their `\ucN` fallbacks skipped, paragraphs (`\par`, `\line`,
//! `\sect`, `\page`), table cells and rows (`\cell`, `\row`, `\intbl`), field results (not their
//! instructions; a page number's `PAGE` result is left out, as is `\chpgn`) and the rendered list
//! numbers (`\listtext`, `\pntext`).
//!
//! The other stories are read as DOCX reads them. Footnotes and endnotes (`\footnote`, an
//! endnote with `\ftnalt`) follow the main text after a blank line, in the order the text refers
//! to them, one sequence of numbers for both, which a note with a mark of its own (`*`) does
//! not take; the automatic mark (`\chftn`) gives the note's number glued where the text refers
//! to it and before the note's text. Page headers and footers
//! (`\header`, `\headerl`/`r`/`f`, `\footer…`) follow the notes as page furniture
//! ([`push_furniture`]). A text box is read once, after the paragraph it is anchored in: its
//! text in the shape
//! (`\shptxt` in `\*\shpinst`), not again from the copy Word writes for older readers
//! (`\shprslt`'s drawing object), and the `\dptxbxtext` of a drawing object that stands alone
//! (Word 6/95). A note, header or text box the file never closes is kept where it began: the rest
//! of a damaged file may be the body's. Other destinations (style sheet, pictures, annotations,
//! document information, unknown `\*` destinations) are skipped.

use std::collections::HashMap;

use super::{OfficeError, Paragraph, Row, is_page_number, push_furniture, push_notes};
use crate::text::legacy::{cp1252_char, font_encoding};

/// Destinations whose text is not the document's (`\shprslt`: a shape's copy for older readers).
const SKIPPED: [&str; 23] = [
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "fldinst",
    "annotation",
    "pgdsctbl",
    "filetbl",
    "revtbl",
    "pntxta",
    "pntxtb",
    "shprslt",
];

/// The page headers (`false`) and footers (`true`): of every page, left, right and first pages.
const FURNITURE: [(&str, bool); 8] = [
    ("header", false),
    ("headerl", false),
    ("headerr", false),
    ("headerf", false),
    ("footer", true),
    ("footerl", true),
    ("footerr", true),
    ("footerf", true),
];

#[derive(Debug, Clone, Copy)]
struct Group {
    font: Option<i32>,
    /// All capitals (`\caps`), drawn once the text is decoded ([`Paragraph::push_caps`]).
    caps: bool,
    /// Hidden text (`\v`): not the document's text, as the DOCX reader leaves out `w:vanish`.
    hidden: bool,
    /// Text deleted while changes were tracked (`\deleted`): left out as `w:del` is, and
    /// counted.
    deleted: bool,
    /// Text inserted while changes were tracked (`\revised`): read, and counted.
    inserted: bool,
    uc: usize,
    skip: bool,
    fonttbl: bool,
    /// Inside the instructions of a shape (`\shpinst`) or a drawing object (`\do`) that stands
    /// in read text: skipped, but for its text box (`\shptxt`, `\dptxbxtext`).
    shape: bool,
    /// Inside a field's instruction (`\fldinst`): its text says whether the result is read.
    instruction: bool,
}

impl Group {
    /// Whether a story that begins in this group is read (not in a skipped or hidden group).
    fn reads(&self) -> bool {
        !self.skip && self.drawn()
    }

    /// Whether its text is on the page: not hidden, not deleted in tracked changes.
    fn drawn(&self) -> bool {
        !self.hidden && !self.deleted
    }
}

#[derive(Debug, Default)]
struct Font {
    name: String,
    charset: Option<i32>,
}

/// The encoding of a font's bytes from its character set (`\fcharsetN`).
fn charset_encoding(charset: i32) -> Option<&'static encoding_rs::Encoding> {
    Some(match charset {
        163 => encoding_rs::WINDOWS_1258,
        238 => encoding_rs::WINDOWS_1250,
        204 => encoding_rs::WINDOWS_1251,
        161 => encoding_rs::WINDOWS_1253,
        162 => encoding_rs::WINDOWS_1254,
        177 => encoding_rs::WINDOWS_1255,
        178 => encoding_rs::WINDOWS_1256,
        186 => encoding_rs::WINDOWS_1257,
        222 => encoding_rs::WINDOWS_874,
        128 => encoding_rs::SHIFT_JIS,
        134 => encoding_rs::GBK,
        136 => encoding_rs::BIG5,
        129 => encoding_rs::EUC_KR,
        _ => return None,
    })
}

fn code_page_encoding(cp: i32) -> &'static encoding_rs::Encoding {
    match cp {
        1258 => encoding_rs::WINDOWS_1258,
        1250 => encoding_rs::WINDOWS_1250,
        1251 => encoding_rs::WINDOWS_1251,
        1253 => encoding_rs::WINDOWS_1253,
        1254 => encoding_rs::WINDOWS_1254,
        1257 => encoding_rs::WINDOWS_1257,
        _ => encoding_rs::WINDOWS_1252,
    }
}

/// A story read apart from the text it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Story {
    /// A footnote or endnote, by its automatic number (`None` for a custom mark).
    Note(Option<usize>),
    /// A page header (`false`) or footer (`true`).
    Furniture(bool),
    /// A text box: its paragraphs go where it stands.
    TextBox,
}

/// Where a story's paragraphs go, with the state of its tables.
#[derive(Debug, Default)]
struct Sink {
    out: Vec<Paragraph>,
    current: Paragraph,
    row: Option<Row>,
    /// A table row has ended.
    had_rows: bool,
    /// Text followed the first table: later rows are not the header's.
    past_header: bool,
    in_table: bool,
    /// The lines of the text boxes anchored in the current paragraph: they follow it, as in
    /// `.doc` and `.docx`.
    boxed: Vec<Paragraph>,
}

impl Sink {
    /// The sink of a story other than the body: its tables are not the document's header.
    fn story() -> Sink {
        Sink {
            past_header: true,
            ..Sink::default()
        }
    }

    /// A finished line goes into the open table row, else into the text.
    fn deliver(&mut self, line: Paragraph) {
        if self.in_table {
            let header = !self.past_header;
            self.row
                .get_or_insert_with(|| Row::new(header))
                .end_line(line);
        } else {
            self.out.push(line);
        }
    }

    fn end_paragraph(&mut self) {
        if !self.in_table {
            // Text after the first table's rows: any later table is not the header's ([`Row`]).
            self.past_header |= self.had_rows;
        }
        let done = std::mem::take(&mut self.current);
        self.deliver(done);
        for line in std::mem::take(&mut self.boxed) {
            self.deliver(line);
        }
    }

    fn end_cell(&mut self) {
        let cell = std::mem::take(&mut self.current);
        let header = !self.past_header;
        let row = self.row.get_or_insert_with(|| Row::new(header));
        row.end_line(cell);
        for line in self.boxed.drain(..) {
            row.end_line(line);
        }
        row.end_cell(Paragraph::default());
    }

    fn end_row(&mut self) {
        if !self.current.runs.is_empty() || !self.boxed.is_empty() || self.current.revised.is_some()
        {
            self.end_cell();
        }
        if let Some(row) = self.row.take() {
            self.out.extend(row.end());
            self.had_rows = true;
        }
    }

    /// The story ends: its paragraphs, a row left open ended.
    fn finish(mut self) -> Vec<Paragraph> {
        self.end_row();
        self.out.append(&mut self.boxed);
        self.out
    }
}

/// A story being read, with the sink of the text it stands in.
#[derive(Debug)]
struct Open {
    story: Story,
    /// The depth of the group it is read in: it ends with that group.
    depth: usize,
    outer: Sink,
}

struct Reader {
    fonts: HashMap<i32, Font>,
    code_page: &'static encoding_rs::Encoding,
    default_font: Option<i32>,
    /// Where the story being read goes.
    sink: Sink,
    /// The stories being read, innermost last.
    open: Vec<Open>,
    /// The automatic marks (`\chftn`) met in the text so far: the last one's number. A note
    /// with a mark of its own (`*`) takes no number, as Word numbers them.
    auto_notes: usize,
    /// The number of the automatic mark just met in the text, for the note group after it.
    pending_mark: Option<usize>,
    /// The paragraphs of the notes, in the order the text refers to them.
    notes: Vec<Paragraph>,
    /// The page headers (`false`) and footers (`true`) in the order the file gives them.
    furniture: Vec<(bool, Vec<Paragraph>)>,
    /// The instruction of the last field (`\fldinst`).
    instruction: String,
    /// `\'xx` bytes waiting to be decoded together (a double-byte character spans two).
    pending: Vec<u8>,
    font_name: String,
}

impl Reader {
    fn font_name(&self, font: Option<i32>) -> Option<&str> {
        font.and_then(|f| self.fonts.get(&f))
            .map(|f| f.name.as_str())
    }

    fn flush_bytes(&mut self, group: &Group) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let font = group.font.and_then(|f| self.fonts.get(&f));
        let legacy = font.is_some_and(|f| font_encoding(&f.name).is_some());
        let text: String = if legacy {
            bytes.iter().map(|&b| cp1252_char(b)).collect()
        } else {
            let enc = font
                .and_then(|f| f.charset)
                .and_then(charset_encoding)
                .unwrap_or(self.code_page);
            enc.decode_without_bom_handling(&bytes).0.into_owned()
        };
        self.text(&text, group);
    }

    fn text(&mut self, text: &str, group: &Group) {
        if group.fonttbl {
            self.font_name.push_str(text);
            return;
        }
        if group.deleted {
            self.sink.current.revised.deleted += text.chars().count();
            return;
        }
        if group.hidden {
            return;
        }
        let name = self.font_name(group.font).map(str::to_owned);
        let current = &mut self.sink.current;
        current.push_caps(text, name.as_deref(), group.caps);
        if group.inserted {
            current.revised.inserted += text.chars().count();
        }
    }

    /// `story` begins in the group at `depth`: its paragraphs go to a sink of their own.
    fn begin(&mut self, story: Story, depth: usize) {
        let outer = std::mem::replace(&mut self.sink, Sink::story());
        self.open.push(Open {
            story,
            depth,
            outer,
        });
    }

    /// The innermost story's group has closed: a note's paragraphs join the notes, a header's or
    /// footer's the page furniture, a text box's the text it stands in.
    fn end_story(&mut self) {
        let Some(open) = self.open.pop() else {
            return;
        };
        let paragraphs = std::mem::replace(&mut self.sink, open.outer).finish();
        match open.story {
            Story::Note(_) => self.notes.extend(paragraphs),
            Story::Furniture(footer) => self.furniture.push((footer, paragraphs)),
            Story::TextBox => self.sink.boxed.extend(paragraphs),
        }
    }

    /// The file ends inside stories (a damaged file): each is kept where it began, after the
    /// paragraph that refers to it, since what follows its last group may be the body's.
    fn end_unclosed(&mut self) {
        while let Some(open) = self.open.pop() {
            let paragraphs = std::mem::replace(&mut self.sink, open.outer).finish();
            if !self.sink.current.runs.is_empty() {
                self.sink.end_paragraph();
            }
            for p in paragraphs {
                self.sink.deliver(p);
            }
        }
    }

    /// The number an automatic mark (`\chftn`) stands for: inside a note, the note's; in the
    /// text, the next number, which the `\footnote` group after it takes.
    fn note_number(&mut self) -> Option<usize> {
        let inside = self.open.iter().rev().find_map(|o| match o.story {
            Story::Note(n) => Some(n),
            _ => None,
        });
        match inside {
            Some(n) => n,
            None => {
                self.auto_notes += 1;
                self.pending_mark = Some(self.auto_notes);
                self.pending_mark
            }
        }
    }

    /// The document: the body, then the notes, then the page furniture.
    fn finish(mut self) -> Vec<Paragraph> {
        self.end_unclosed();
        let mut out = self.sink.finish();
        push_notes(&mut out, self.notes);
        // Headers before footers, each in the order the file gives them.
        self.furniture.sort_by_key(|(footer, _)| *footer);
        push_furniture(&mut out, self.furniture.into_iter().flat_map(|(_, p)| p));
        out
    }
}

/// Reads the paragraphs of an RTF document.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Paragraph>, OfficeError> {
    if !bytes.starts_with(b"{\\rtf") {
        return Err(OfficeError {
            format: "RTF",
            reason: "does not start with {\\rtf".into(),
        });
    }
    let mut r = Reader {
        fonts: HashMap::new(),
        code_page: encoding_rs::WINDOWS_1252,
        default_font: None,
        sink: Sink::default(),
        open: Vec::new(),
        auto_notes: 0,
        pending_mark: None,
        notes: Vec::new(),
        furniture: Vec::new(),
        instruction: String::new(),
        pending: Vec::new(),
        font_name: String::new(),
    };
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group {
        font: None,
        caps: false,
        hidden: false,
        deleted: false,
        inserted: false,
        uc: 1,
        skip: false,
        fonttbl: false,
        shape: false,
        instruction: false,
    };
    // Fallback characters still to skip after a `\u`.
    let mut skip_fallback = 0usize;
    let mut table_font: Option<i32> = None;
    let mut i = 0;
    let mut buf = [0u8; 4];
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' | b'}' => {
                r.flush_bytes(&g);
                skip_fallback = 0;
                if b == b'{' {
                    stack.push(g);
                    // `{\*\dest …}`: skipped unless known.
                    if bytes.get(i + 1..i + 3) == Some(b"\\*") {
                        g.skip = true;
                    }
                } else {
                    let name = r.font_name.trim().trim_end_matches(';').trim();
                    if let (true, Some(f), false) = (g.fonttbl, table_font, name.is_empty()) {
                        let name = name.to_owned();
                        r.font_name.clear();
                        let entry = r.fonts.entry(f).or_default();
                        if entry.name.is_empty() {
                            entry.name = name;
                        }
                    }
                    match stack.pop() {
                        Some(outer) => g = outer,
                        None => break,
                    }
                    while r.open.last().is_some_and(|o| stack.len() < o.depth) {
                        r.end_story();
                    }
                }
                i += 1;
            }
            b'\\' => {
                let next = bytes.get(i + 1).copied().unwrap_or(0);
                if next == b'\'' {
                    let hex = bytes
                        .get(i + 2..i + 4)
                        .and_then(|h| std::str::from_utf8(h).ok());
                    if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        if skip_fallback > 0 {
                            skip_fallback -= 1;
                        } else if !g.skip {
                            r.pending.push(v);
                        }
                    }
                    i += 4;
                    continue;
                }
                r.flush_bytes(&g);
                if !next.is_ascii_alphabetic() {
                    i += 2;
                    if g.skip || next == b'*' {
                        continue;
                    }
                    let text = match next {
                        b'\\' | b'{' | b'}' => Some(char::from(next)),
                        b'~' => Some(' '),
                        b'_' => Some('-'),
                        _ => None,
                    };
                    if let Some(c) = text {
                        if skip_fallback > 0 {
                            skip_fallback -= 1;
                        } else {
                            r.text(c.encode_utf8(&mut buf), &g);
                        }
                    } else if matches!(next, b'\n' | b'\r') {
                        r.sink.end_paragraph();
                    }
                    continue;
                }
                let start = i + 1;
                let mut j = start;
                while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
                    j += 1;
                }
                let word = std::str::from_utf8(&bytes[start..j]).unwrap_or_default();
                let num_start = j;
                if bytes.get(j) == Some(&b'-') {
                    j += 1;
                }
                while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
                let param: Option<i32> = std::str::from_utf8(&bytes[num_start..j])
                    .ok()
                    .and_then(|s| s.parse().ok());
                if bytes.get(j) == Some(&b' ') {
                    j += 1;
                }
                i = j;
                if word == "bin" {
                    i += usize::try_from(param.unwrap_or(0)).unwrap_or(0);
                    continue;
                }
                if skip_fallback > 0 && word != "u" {
                    skip_fallback -= 1;
                    continue;
                }
                if SKIPPED.contains(&word) {
                    g.skip = true;
                    g.shape = false;
                }
                // The group this destination's group stands in.
                let outer = stack.last().copied();
                let furniture = FURNITURE.iter().find(|(w, _)| *w == word);
                let story = match word {
                    "footnote" => Some(Story::Note(r.pending_mark.take())),
                    _ => furniture.map(|&(_, footer)| Story::Furniture(footer)),
                };
                if let Some(story) = story {
                    g.skip = !outer.is_some_and(|o| o.reads());
                    g.shape = false;
                    if !g.skip {
                        r.begin(story, stack.len());
                    }
                }
                match word {
                    "shpinst" | "do" => {
                        g.shape = outer.is_some_and(|o| (o.reads() || o.shape) && o.drawn());
                        g.skip = true;
                    }
                    "shptxt" | "dptxbxtext" => {
                        g.skip = !g.shape;
                        if g.shape {
                            g.shape = false;
                            r.begin(Story::TextBox, stack.len());
                        }
                    }
                    "fldinst" => g.instruction = true,
                    _ => {}
                }
                if word == "fonttbl" {
                    g.fonttbl = true;
                    g.skip = false;
                }
                if g.fonttbl {
                    match word {
                        "f" => {
                            table_font = param;
                            g.font = param;
                            r.font_name.clear();
                            if let Some(f) = param {
                                r.fonts.entry(f).or_default();
                            }
                        }
                        "fcharset" => {
                            if let (Some(f), Some(cs)) = (table_font, param) {
                                r.fonts.entry(f).or_default().charset = Some(cs);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                match word {
                    "ansicpg" => r.code_page = code_page_encoding(param.unwrap_or(1252)),
                    "deff" => r.default_font = param,
                    "uc" => g.uc = usize::try_from(param.unwrap_or(1)).unwrap_or(1),
                    _ if g.skip => {}
                    "f" => g.font = param,
                    "plain" => {
                        g.font = r.default_font;
                        g.caps = false;
                        g.hidden = false;
                        g.deleted = false;
                        g.inserted = false;
                    }
                    // A toggle: on bare or with any number but 0.
                    "caps" => g.caps = param != Some(0),
                    // A comment's reference (its text, `\annotation`, is not the document's).
                    "chatn" if g.drawn() => r.sink.current.revised.comments += 1,
                    "v" => g.hidden = param != Some(0),
                    "deleted" => g.deleted = param != Some(0),
                    "revised" => g.inserted = param != Some(0),
                    "u" => {
                        let v = param.unwrap_or(0);
                        let v = if v < 0 { v + 65536 } else { v };
                        let c = u32::try_from(v).ok().and_then(char::from_u32);
                        if let Some(c) = c {
                            r.text(c.encode_utf8(&mut buf), &g);
                        }
                        skip_fallback = g.uc;
                    }
                    "par" | "line" | "sect" | "page" => r.sink.end_paragraph(),
                    "pard" => r.sink.in_table = false,
                    "intbl" => r.sink.in_table = true,
                    "cell" | "nestcell" => r.sink.end_cell(),
                    "row" | "nestrow" => r.sink.end_row(),
                    "field" => r.instruction.clear(),
                    // A page number's result is one page's, not the document's text (nor is
                    // `\chpgn`'s, which draws nothing here).
                    "fldrslt" if is_page_number(&r.instruction) => g.skip = true,
                    "chftn" if g.drawn() => {
                        if let Some(n) = r.note_number() {
                            r.sink.current.push(&n.to_string(), None);
                        }
                    }
                    "tab" => r.text("\t", &g),
                    "emdash" => r.text("—", &g),
                    "endash" => r.text("–", &g),
                    "lquote" => r.text("‘", &g),
                    "rquote" => r.text("’", &g),
                    "ldblquote" => r.text("“", &g),
                    "rdblquote" => r.text("”", &g),
                    "bullet" => r.text("•", &g),
                    _ => {}
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                let end = bytes[i..]
                    .iter()
                    .position(|&c| matches!(c, b'\\' | b'{' | b'}' | b'\r' | b'\n'))
                    .map_or(bytes.len(), |p| i + p);
                let mut chunk = &bytes[i..end];
                i = end;
                if g.skip {
                    if g.instruction {
                        r.instruction.push_str(&String::from_utf8_lossy(chunk));
                    }
                    continue;
                }
                while skip_fallback > 0 && !chunk.is_empty() {
                    chunk = &chunk[1..];
                    skip_fallback -= 1;
                }
                r.pending.extend_from_slice(chunk);
                r.flush_bytes(&g);
            }
        }
    }
    r.flush_bytes(&g);
    Ok(r.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::office::to_text;

    #[test]
    fn legacy_fonts_code_pages_and_escapes() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fnil\fcharset0 .VnTime;}{\f2\fnil\fcharset0 .VnTimeH;}{\f3\fnil\fcharset0 VNI-Times;}}
{\*\generator Test;}\pard\plain\f2 c\'e9ng h\'dfa x\'b7 h\'e9i\par
\f1 \'a7\'e9c l\'cbp - T\'f9 do\par
\f3 Co\'e4ng ho\'f8a\par
\f0 H\u224\'e0 N\u7897?i\par
}";
        let paragraphs = read(rtf).expect("reads");
        let text = to_text(&paragraphs, crate::text::office::Legacy::Detect).text;
        assert_eq!(text, "CỘNG HÒA XÃ HỘI\nĐộc lập - Tự do\nCộng hòa\nHà Nội\n");
    }

    #[test]
    fn capitals_and_hidden_text() {
        let rtf = br"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}{\f1 .VnTime;}}\pard\plain {\caps c\'e9ng h\'dfa x\'b7 h\'e9i ch\'f1 ngh\'dca vi\'d6t nam}\par
\caps Quy \'ae\'denh v\'d2 vi\'d6c n\'b5y c\'f1a t\'d8nh{\v  \'ae\'e3 x\'f3a}\caps0  n\'b5y\par
\f1\caps \'a7\'e9c l\'cbp\plain  - T\u7921?\u160?do\par
{\deleted\revauth1 Ngh\u7883? \u273?\u7883?nh}Quy\u7871?t \u273?\u7883?nh\par}";
        let text = to_text(
            &read(rtf).expect("reads"),
            crate::text::office::Legacy::Detect,
        )
        .text;
        assert_eq!(
            text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQUY ĐỊNH VỀ VIỆC NÀY CỦA TỈNH này\nĐộc lập - Tự\u{a0}do\n\
             Quyết định\n",
            "capitals drawn after the TCVN3 bytes are read (a legacy font's run as typed); \
             hidden text and tracked deletions left out; \\caps0 ends the capitals, \\plain \
             both"
        );
    }

    #[test]
    fn review_marks_are_counted_on_their_lines() {
        let rtf = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 S\u7889? 12/BC\par
{\deleted\revauth1 D\u7921? th\u7843?o }{\revised\revauth1 B\u225?o c\u225?o }k\u7871?t qu\u7843?{\*\atnid VT}\chatn{\*\annotation \chatn Xem l\u7841?i}\par
\pard{\deleted\revauth1 X\u243?a h\u7871?t}\par}";
        let read = to_text(
            &read(rtf).expect("reads"),
            crate::text::office::Legacy::Detect,
        );
        assert_eq!(read.text, "Số 12/BC\nBáo cáo kết quả\n\n");
        let revised = |deleted, inserted, comments| crate::text::office::Revised {
            deleted,
            inserted,
            comments,
        };
        assert_eq!(
            read.revised,
            [(2, revised(8, 8, 1)), (3, revised(7, 0, 0))],
            "a comment counted once, where it is anchored (not its own \\chatn); a paragraph \
             deleted whole still counted, on its blank line"
        );
    }

    #[test]
    fn table_rows_are_lines() {
        let rtf = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\header {\field{\*\fldinst PAGE}{\fldrslt 5}}\par}\f0\trowd\cellx4000\cellx8000\pard\intbl UBND T\u7880?NH\par S\u7902? N\u7896?I V\u7908?\cell C\u7896?NG H\u210?A\par \u272?\u7897?c l\u7853?p\cell\row\pard S\u7889? 5\par}";
        let text = to_text(
            &read(rtf).expect("reads"),
            crate::text::office::Legacy::Detect,
        )
        .text;
        assert_eq!(text, "UBND TỈNH | CỘNG HÒA\nSỞ NỘI VỤ | Độc lập\nSố 5\n");
    }

    fn text(rtf: &[u8]) -> String {
        to_text(
            &read(rtf).expect("reads"),
            crate::text::office::Legacy::Detect,
        )
        .text
    }

    #[test]
    fn footnotes_follow_the_text_numbered_where_they_are_referred_to() {
        let rtf = br"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}{\f1 .VnTime;}}{\*\ftnsep \chftnsep}
\pard\plain\f0 Theo Lu\u7853?t{\cs15\super \chftn{\footnote \pard\plain\f1 {\cs15\super \chftn} Lu\'cbt s\'e8 1.}} v\u224? Ngh\u7883? \u273?\u7883?nh{\cs15\super \chftn{\footnote\ftnalt \pard\plain\f0 {\cs15\super \chftn} Ngh\u7883? \u273?\u7883?nh 2.\par}}.\par
\trowd\cellx4000\cellx8000\pard\intbl A{\super\chftn{\footnote\pard\plain\f0 {\super\chftn} Ghi ch\u250? A.}}\cell B\cell\row
\pard \u272?i\u7873?u 2.\par}";
        assert_eq!(
            text(rtf),
            "Theo Luật1 và Nghị định2.\nA3 | B\nĐiều 2.\n\n1 Luật số 1.\n2 Nghị định 2.\n3 Ghi chú A.\n",
            "each mark's number glued where the text refers to it and leading its note; the \
             notes (an endnote, \\ftnalt, in the same sequence) after the text and a blank \
             line; a note's \\pard inside a table cell leaves the row whole; the separator \
             (\\ftnsep) is not text"
        );
    }

    #[test]
    fn a_note_with_its_own_mark_takes_no_number() {
        let rtf = br"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\pard\plain\f0 A{\super\chftn{\footnote\pard {\super\chftn} M\u7897?t.}} B*{\footnote\pard * Sao.} C{\super\chftn{\footnote\pard {\super\chftn} Hai.}}\par}";
        assert_eq!(
            text(rtf),
            "A1 B* C2\n\n1 Một.\n* Sao.\n2 Hai.\n",
            "Word counts only the automatic marks: the note after a custom mark is 2, not 3"
        );
    }

    #[test]
    fn headers_and_footers_follow_the_text_once_without_page_numbers() {
        let rtf = br"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}
{\footer \pard\plain\f0 Trang {\field{\*\fldinst { NUMPAGES }}{\fldrslt 9}} \chpgn\par}
{\header \pard\plain\f0 C\u417? s\u7903? d\u7919? li\u7879?u\tab {\field{\*\fldinst {PAGE \\* MERGEFORMAT }}{\fldrslt {3}}}\par}
{\headerf \pard\plain\f0 C\u417? s\u7903? d\u7919? li\u7879?u\tab {\field{\*\fldinst {PAGE}}{\fldrslt {1}}}\par\par}
{\footerf \pard\plain\f0 {\field{\*\fldinst {FILENAME}}{\fldrslt qd.doc}}\par}
\pard\plain\f0 QUY\u7870?T \u272?\u7882?NH\par
\u272?i\u7873?u 1. {\field{\*\fldinst { HYPERLINK x }}{\fldrslt Xem}} trang {\field{\*\fldinst PAGEREF a}{\fldrslt 4}}.\par}";
        assert_eq!(
            text(rtf),
            "QUYẾT ĐỊNH\nĐiều 1. Xem trang 4.\n\nCơ sở dữ liệu\nTrang\nqd.doc\n",
            "the body first, then headers before footers after a blank line, a paragraph the \
             first page's header repeats given once, page numbers and counts (PAGE, \
             NUMPAGES, \\chpgn) left out and other fields' results kept"
        );
    }

    #[test]
    fn text_boxes_are_read_in_place_once() {
        let rtf = br"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\pard\plain\f0 Tr\u432?\u7899?c {\shp{\*\shpinst\shpleft0{\sp{\sn shapeType}{\sv 202}}{\shptxt \pard\plain\f0 H\u7896?P CH\u7918?\par}}{\shprslt{\*\do\dobxcolumn\dptxbx{\dptxbxtext\pard\plain\f0 H\u7896?P CH\u7918?\par}}}}sau.\par
{\shp{\*\shpinst{\sp{\sn shapeType}{\sv 20}}}{\shprslt{\*\do\dpline\dpx0}}}{\*\do\dobxcolumn\dptxbx{\dptxbxtext\pard\plain\f0 C\u361?\par}}Cu\u7889?i.\par
{\shpgrp{\*\shpinst{\sp{\sn groupLeft}{\sv 0}}{\shp{\*\shpinst{\shptxt\pard\plain\f0 Nh\u243?m\par}}}}{\shprslt{\*\do\dpgroup{\*\do\dptxbx{\dptxbxtext Nh\u243?m\par}}\dpendgroup}}}}";
        assert_eq!(
            text(rtf),
            "Trước sau.\nHỘP CHỮ\nCuối.\nCũ\nNhóm\n",
            "a shape's text (\\shptxt) after the paragraph it is anchored in, as DOCX and DOC \
             give text boxes, not again from its copy for older readers (\\shprslt) nor \
             with its properties' values; a Word 6/95 drawing object's text box read alike, and the \
             text box of a shape in a group (\\shpgrp)"
        );
    }

    #[test]
    fn a_damaged_note_or_header_keeps_the_main_text() {
        let note = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\plain\f0 M\u7903? \u273?\u7847?u{\super\chftn{\footnote\pard\plain\f0 {\super\chftn} Ghi ch\u250? {\b \u273?\u7853?m";
        assert_eq!(
            text(note),
            "Mở đầu1\n1 Ghi chú đậm\n",
            "a note the file never closes is kept where it began"
        );
        let header =
            br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\header\pard\plain\f0 {\b \u272?\u7847?u trang\par
\pard\plain\f0 Th\u226?n b\u224?i.\par}";
        assert_eq!(
            text(header),
            "Đầu trang\nThân bài.\n",
            "a header whose group is never closed: what follows may be the body's, kept in place"
        );
        // Cut anywhere, the reader neither panics nor loses the text before the note.
        let from = note
            .windows(7)
            .position(|w| w == br"{\super")
            .expect("the reference");
        for cut in from..note.len() {
            let out = text(&note[..cut]);
            assert!(out.starts_with("Mở đầu"), "cut at {cut}: {out:?}");
        }
    }
}
