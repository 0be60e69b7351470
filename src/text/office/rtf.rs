//! Rich Text Format: the text of the document body with its fonts.
//!
//! What is read (Microsoft's RTF 1.9.1 specification): the font table (`\fN` → name and
//! `\fcharsetN`), the code page (`\ansicpgN`), `\'xx` bytes in the code page of the current
//! font's character set (kept as Windows-1252 characters in a legacy font, whose bytes the legacy
//! tables read), `\uN` escapes with their `\ucN` fallbacks skipped, paragraphs (`\par`, `\line`,
//! `\sect`, `\page`), table cells and rows (`\cell`, `\row`, `\intbl`), field results (not their
//! instructions) and the rendered list numbers (`\listtext`, `\pntext`). Destinations that are
//! not body text (style sheet, pictures, headers and footers, document information, `\*`
//! destinations) are skipped.

use std::collections::HashMap;

use super::{OfficeError, Paragraph, Row};
use crate::text::legacy::{cp1252_char, font_encoding};

/// Destinations whose text is not the body's.
const SKIPPED: [&str; 31] = [
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
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
    "footnote",
    "annotation",
    "pgdsctbl",
    "filetbl",
    "revtbl",
    "pntxta",
    "pntxtb",
];

#[derive(Debug, Clone, Copy)]
struct Group {
    font: Option<i32>,
    /// All capitals (`\caps`), drawn once the text is decoded ([`Paragraph::push_caps`]).
    caps: bool,
    /// Hidden text (`\v`) or text deleted in tracked changes (`\deleted`): not the
    /// document's text, as the DOCX reader leaves out `w:vanish` and `w:del`.
    hidden: bool,
    uc: usize,
    skip: bool,
    fonttbl: bool,
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

struct Reader {
    fonts: HashMap<i32, Font>,
    code_page: &'static encoding_rs::Encoding,
    default_font: Option<i32>,
    out: Vec<Paragraph>,
    current: Paragraph,
    row: Option<Row>,
    /// A table row has ended.
    had_rows: bool,
    /// Text followed the first table: later rows are not the header's.
    past_header: bool,
    in_table: bool,
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
        if group.hidden {
            return;
        }
        let name = self.font_name(group.font).map(str::to_owned);
        self.current.push_caps(text, name.as_deref(), group.caps);
    }

    fn end_paragraph(&mut self) {
        let done = std::mem::take(&mut self.current);
        if self.in_table {
            let header = !self.past_header;
            self.row
                .get_or_insert_with(|| Row::new(header))
                .end_line(done);
        } else {
            // Text after the first table's rows: any later table is not the header's ([`Row`]).
            self.past_header |= self.had_rows;
            self.out.push(done);
        }
    }

    fn end_cell(&mut self) {
        let cell = std::mem::take(&mut self.current);
        let header = !self.past_header;
        self.row
            .get_or_insert_with(|| Row::new(header))
            .end_cell(cell);
    }

    fn end_row(&mut self) {
        if !self.current.runs.is_empty() {
            self.end_cell();
        }
        if let Some(row) = self.row.take() {
            self.out.extend(row.end());
            self.had_rows = true;
        }
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
        out: Vec::new(),
        current: Paragraph::default(),
        row: None,
        had_rows: false,
        past_header: false,
        in_table: false,
        pending: Vec::new(),
        font_name: String::new(),
    };
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group {
        font: None,
        caps: false,
        hidden: false,
        uc: 1,
        skip: false,
        fonttbl: false,
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
                        r.end_paragraph();
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
                    }
                    // A toggle: on bare or with any number but 0.
                    "caps" => g.caps = param != Some(0),
                    "v" | "deleted" => g.hidden = param != Some(0),
                    "u" => {
                        let v = param.unwrap_or(0);
                        let v = if v < 0 { v + 65536 } else { v };
                        let c = u32::try_from(v).ok().and_then(char::from_u32);
                        if let Some(c) = c {
                            r.text(c.encode_utf8(&mut buf), &g);
                        }
                        skip_fallback = g.uc;
                    }
                    "par" | "line" | "sect" | "page" => r.end_paragraph(),
                    "pard" => r.in_table = false,
                    "intbl" => r.in_table = true,
                    "cell" | "nestcell" => r.end_cell(),
                    "row" | "nestrow" => r.end_row(),
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
    r.end_row();
    if !r.current.runs.is_empty() {
        let p = std::mem::take(&mut r.current);
        r.out.push(p);
    }
    Ok(r.out)
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
    fn table_rows_are_lines() {
        let rtf = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\header {\field{\*\fldinst PAGE}{\fldrslt 5}}\par}\f0\trowd\cellx4000\cellx8000\pard\intbl UBND T\u7880?NH\par S\u7902? N\u7896?I V\u7908?\cell C\u7896?NG H\u210?A\par \u272?\u7897?c l\u7853?p\cell\row\pard S\u7889? 5\par}";
        let text = to_text(
            &read(rtf).expect("reads"),
            crate::text::office::Legacy::Detect,
        )
        .text;
        assert_eq!(text, "UBND TỈNH | CỘNG HÒA\nSỞ NỘI VỤ | Độc lập\nSố 5\n");
    }
}
