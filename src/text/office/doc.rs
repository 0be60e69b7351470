//! Word 97–2003 (`.doc`): the text of the main document through the piece table, paragraph and
//! cell marks, and the font of every character (direct formatting, else the paragraph style's,
//! else the document's default).
//!
//! The format is Microsoft's published [MS-DOC] specification: the File Information Block (FIB)
//! at the start of the `WordDocument` stream locates, in the table stream (`0Table`/`1Table`),
//! the piece table (`Clx`), the font table (`SttbfFfn`), the style sheet (`STSH`) and the bin
//! tables of character and paragraph properties (`PlcBteChpx`, `PlcBtePapx`), whose 512-byte
//! pages (`FKP`) in the `WordDocument` stream hold properties as lists of `sprm`s.

use std::io::{Cursor, Read};

use super::{OfficeError, Paragraph, Row};
use crate::text::legacy::cp1252_char;

fn fail(reason: impl Into<String>) -> OfficeError {
    OfficeError {
        format: "DOC",
        reason: reason.into(),
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn usize_at(b: &[u8], at: usize) -> Option<usize> {
    u32_at(b, at).and_then(|v| usize::try_from(v).ok())
}

/// Reads the paragraphs of a `.doc` file's main text.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Paragraph>, OfficeError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| fail(format!("not a valid compound file ({e})")))?;
    let mut stream = |name: &str| -> Result<Vec<u8>, OfficeError> {
        let mut s = cf
            .open_stream(name)
            .map_err(|_| fail(format!("no {name} stream: not a Word document")))?;
        let mut out = Vec::new();
        s.read_to_end(&mut out)
            .map_err(|e| fail(format!("the {name} stream is damaged ({e})")))?;
        Ok(out)
    };
    let word = stream("WordDocument")?;
    let fib = Fib::read(&word)?;
    let table = stream(if fib.table1 { "1Table" } else { "0Table" })?;
    from_streams(&word, &table, &fib)
}

/// What the reader takes from the File Information Block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fib {
    table1: bool,
    /// Character positions of the main text, the footnotes and the endnotes.
    stories: [std::ops::Range<usize>; 3],
    /// `(fc, lcb)` of the structures read, in the table stream.
    stsh: (usize, usize),
    bte_chpx: (usize, usize),
    bte_papx: (usize, usize),
    fonts: (usize, usize),
    clx: (usize, usize),
}

impl Fib {
    pub(crate) fn read(word: &[u8]) -> Result<Self, OfficeError> {
        if u16_at(word, 0) != Some(0xA5EC) {
            return Err(fail("no Word file information block"));
        }
        let n_fib = u16_at(word, 2).unwrap_or(0);
        if n_fib < 0x00C1 {
            return Err(fail(format!(
                "Word 6/95 format (nFib {n_fib}): save it as Word 97-2003 or later"
            )));
        }
        let flags = u16_at(word, 0x0A).unwrap_or(0);
        if flags & 0x0100 != 0 {
            return Err(fail("the document is encrypted (password protected)"));
        }
        let bad = || fail("truncated file information block");
        let csw = usize::from(u16_at(word, 32).ok_or_else(bad)?);
        let lw_at = 34 + 2 * csw;
        let cslw = usize::from(u16_at(word, lw_at).ok_or_else(bad)?);
        let ccp = |i: usize| usize_at(word, lw_at + 2 + 4 * i).ok_or_else(bad);
        let ccp_text = ccp(3)?;
        // Footnotes follow the main text; endnotes follow headers, macros and comments.
        let footnotes = ccp_text..ccp_text + ccp(4)?;
        let edn_from = footnotes.end + ccp(5)? + ccp(6)? + ccp(7)?;
        let endnotes = edn_from..edn_from + ccp(8)?;
        let fc_at = lw_at + 2 + 4 * cslw + 2;
        let pair = |i: usize| -> Result<(usize, usize), OfficeError> {
            let at = fc_at + 8 * i;
            Ok((
                usize_at(word, at).ok_or_else(bad)?,
                usize_at(word, at + 4).ok_or_else(bad)?,
            ))
        };
        Ok(Fib {
            table1: flags & 0x0200 != 0,
            stories: [0..ccp_text, footnotes, endnotes],
            stsh: pair(1)?,
            bte_chpx: pair(12)?,
            bte_papx: pair(13)?,
            fonts: pair(15)?,
            clx: pair(33)?,
        })
    }
}

fn slice(b: &[u8], (fc, lcb): (usize, usize)) -> &[u8] {
    b.get(fc..fc.saturating_add(lcb)).unwrap_or_default()
}

/// A piece of the text: character positions `cp..cp_end` stored from file offset `fc`, one
/// byte a character (Windows-1252) when `compressed`, else UTF-16LE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub cp: usize,
    pub cp_end: usize,
    pub fc: usize,
    pub compressed: bool,
}

/// The pieces of a `Clx`: property lists (`Prc`, type 1) skipped, then the piece table
/// (`Pcdt`, type 2).
pub(crate) fn pieces(clx: &[u8]) -> Result<Vec<Piece>, OfficeError> {
    let mut at = 0;
    while clx.get(at) == Some(&1) {
        let cb = usize::from(u16_at(clx, at + 1).ok_or_else(|| fail("damaged piece table"))?);
        at += 3 + cb;
    }
    if clx.get(at) != Some(&2) {
        return Err(fail("no piece table"));
    }
    let lcb = usize_at(clx, at + 1).ok_or_else(|| fail("damaged piece table"))?;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| fail("truncated piece table"))?;
    // (n + 1) character positions of 4 bytes, then n descriptors of 8.
    let n = lcb.saturating_sub(4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp = usize_at(plc, 4 * i).unwrap_or(0);
        let cp_end = usize_at(plc, 4 * i + 4).unwrap_or(cp);
        let fc_raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2).unwrap_or(0);
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = usize::try_from(fc_raw & 0x3FFF_FFFF).unwrap_or(0);
        out.push(Piece {
            cp,
            cp_end: cp_end.max(cp),
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// The characters of `cps`, each with its file offset (properties are found by it).
pub(crate) fn characters(
    word: &[u8],
    pieces: &[Piece],
    cps: std::ops::Range<usize>,
) -> Vec<(char, usize)> {
    let mut out = Vec::with_capacity(cps.len());
    for p in pieces {
        let end = p.cp_end.min(cps.end);
        let mut k = cps.start.saturating_sub(p.cp);
        while p.cp + k < end {
            let (c, fc) = if p.compressed {
                let fc = p.fc + k;
                (word.get(fc).map(|&b| cp1252_char(b)), fc)
            } else {
                let fc = p.fc + 2 * k;
                let unit = u16_at(word, fc);
                (
                    unit.map(|u| char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}')),
                    fc,
                )
            };
            let Some(c) = c else { break };
            out.push((c, fc));
            k += 1;
        }
    }
    out
}

/// The length of a `sprm`'s operand, from the size code in its top three bits (`spra`).
fn operand_len(sprm: u16, rest: &[u8]) -> usize {
    match sprm >> 13 {
        0 | 1 => 1,
        2 | 4 | 5 => 2,
        3 => 4,
        7 => 3,
        _ => match sprm {
            // sprmTDefTable: a two-byte count, one more than the bytes that follow it.
            0xD608 | 0xD606 => usize::from(u16_at(rest, 0).unwrap_or(1)) + 1,
            _ => usize::from(rest.first().copied().unwrap_or(0)) + 1,
        },
    }
}

/// The `sprm`s of a property list, with their operands.
fn sprms(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let sprm = u16_at(grpprl, at)?;
        let rest = grpprl.get(at + 2..)?;
        let len = operand_len(sprm, rest);
        let operand = rest.get(..len.min(rest.len()))?;
        at += 2 + len;
        Some((sprm, operand))
    })
}

/// The font a character property list sets: `sprmCRgFtc0` (the ASCII font), else
/// `sprmCRgFtc2` (other characters).
fn font_of(grpprl: &[u8]) -> Option<u16> {
    let mut ftc0 = None;
    let mut ftc2 = None;
    for (sprm, op) in sprms(grpprl) {
        match sprm {
            0x4A4F => ftc0 = u16_at(op, 0),
            0x4A51 => ftc2 = u16_at(op, 0),
            _ => {}
        }
    }
    ftc0.or(ftc2)
}

/// The runs of a bin table's pages (`FKP`): `(fc, fc_end, read(page, count, index))`, sorted.
/// A page is 512 bytes: `count + 1` file offsets, then per run a byte (or, for paragraphs, a
/// 13-byte entry) whose first byte is half the offset of its properties in the page; the count
/// is the page's last byte.
fn fkp_runs<T>(
    word: &[u8],
    plc: &[u8],
    entry: usize,
    read: impl Fn(&[u8], usize) -> T,
) -> Vec<(usize, usize, T)> {
    let mut out = Vec::new();
    let n = plc.len().saturating_sub(4) / 8;
    for i in 0..n {
        let Some(page) =
            usize_at(plc, 4 * (n + 1) + 4 * i).and_then(|pn| word.get(pn * 512..pn * 512 + 512))
        else {
            continue;
        };
        let count = usize::from(page.get(511).copied().unwrap_or(0));
        for r in 0..count {
            let (Some(fc), Some(fc_end)) = (usize_at(page, 4 * r), usize_at(page, 4 * r + 4))
            else {
                continue;
            };
            let off = 2 * usize::from(page.get(4 * (count + 1) + entry * r).copied().unwrap_or(0));
            out.push((fc, fc_end, read(page, off)));
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

/// Character runs: `(fc, fc_end, font)`.
fn chpx_runs(word: &[u8], plc: &[u8]) -> Vec<(usize, usize, Option<u16>)> {
    fkp_runs(word, plc, 1, |page, off| {
        if off == 0 {
            return None;
        }
        let cb = usize::from(page.get(off).copied().unwrap_or(0));
        page.get(off + 1..off + 1 + cb).and_then(font_of)
    })
}

/// The properties of a paragraph the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Papx {
    /// Its style.
    istd: u16,
    /// Its mark ends a table row.
    ttp: bool,
    /// It lies in a table cell.
    in_table: bool,
}

/// Paragraph runs: `(fc, fc_end, properties)`.
fn papx_runs(word: &[u8], plc: &[u8]) -> Vec<(usize, usize, Papx)> {
    fkp_runs(word, plc, 13, |page, off| {
        let cb = usize::from(page.get(off).copied().unwrap_or(0));
        let (start, len) = if cb == 0 {
            (
                off + 2,
                2 * usize::from(page.get(off + 1).copied().unwrap_or(0)),
            )
        } else {
            (off + 1, 2 * cb - 1)
        };
        let papx = page.get(start..start + len).unwrap_or_default();
        let mut ttp = false;
        let mut in_table = false;
        for (sprm, op) in sprms(papx.get(2..).unwrap_or_default()) {
            let on = op.first() == Some(&1);
            match sprm {
                // sprmPFTtp, sprmPFInnerTtp: the mark ends a row.
                0x2417 | 0x244C => ttp |= on,
                // sprmPFInTable, sprmPItap (the nesting depth of the table).
                0x2416 => in_table |= on,
                0x6649 => in_table |= op.iter().any(|&b| b != 0),
                _ => {}
            }
        }
        Papx {
            istd: u16_at(papx, 0).unwrap_or(0),
            ttp,
            in_table: in_table || ttp,
        }
    })
}

/// The run of `runs` (sorted by start) that holds file offset `fc`.
fn find<T>(runs: &[T], fc: usize, range: impl Fn(&T) -> (usize, usize)) -> Option<&T> {
    let i = runs.partition_point(|r| range(r).0 <= fc).checked_sub(1)?;
    let r = runs.get(i)?;
    (fc < range(r).1).then_some(r)
}

/// Font names by index, from the font table (`SttbfFfn`).
pub(crate) fn font_names(sttb: &[u8]) -> Vec<String> {
    let count = usize::from(u16_at(sttb, 0).unwrap_or(0));
    let mut at = 4;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let Some(&len) = sttb.get(at) else { break };
        let ffn = sttb
            .get(at + 1..at + 1 + usize::from(len))
            .unwrap_or_default();
        let name = ffn.get(39..).unwrap_or_default();
        let units: Vec<u16> = name
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
            .take_while(|&u| u != 0)
            .collect();
        out.push(String::from_utf16_lossy(&units));
        at += 1 + usize::from(len);
    }
    out
}

/// The font of each style (its own, else its base style's), and the document's default font.
fn style_fonts(stsh: &[u8]) -> (Vec<Option<u16>>, Option<u16>) {
    let cb_stshi = usize::from(u16_at(stsh, 0).unwrap_or(0));
    let stshi = stsh.get(2..2 + cb_stshi).unwrap_or_default();
    let cstd = usize::from(u16_at(stshi, 0).unwrap_or(0));
    let base_len = usize::from(u16_at(stshi, 2).unwrap_or(10));
    let default = u16_at(stshi, 12);
    let mut own: Vec<(Option<u16>, Option<usize>)> = Vec::with_capacity(cstd);
    let mut at = 2 + cb_stshi;
    for _ in 0..cstd {
        let cb = usize::from(u16_at(stsh, at).unwrap_or(0));
        let std = stsh.get(at + 2..at + 2 + cb).unwrap_or_default();
        at += 2 + cb;
        if std.is_empty() {
            own.push((None, None));
            continue;
        }
        let stk = u16_at(std, 2).unwrap_or(0) & 0xF;
        let base = usize::from(u16_at(std, 2).unwrap_or(0) >> 4);
        let base = (base != 0x0FFF).then_some(base);
        let cch = usize::from(u16_at(std, base_len).unwrap_or(0));
        let mut u = base_len + 2 + 2 * cch + 2;
        u += u % 2;
        // Paragraph styles: the paragraph properties, then the character properties.
        // Character styles: the character properties first.
        let skip = if stk == 1 { 1 } else { 0 };
        let mut font = None;
        for k in 0..=skip {
            let cbx = usize::from(u16_at(std, u).unwrap_or(0));
            let upx = std.get(u + 2..u + 2 + cbx).unwrap_or_default();
            if k == skip && matches!(stk, 1 | 2) {
                font = font_of(upx);
            }
            u += 2 + cbx;
            u += u % 2;
        }
        own.push((font, base));
    }
    let resolved = (0..own.len())
        .map(|i| {
            let mut i = i;
            for _ in 0..16 {
                let (font, base) = own.get(i).copied()?;
                if font.is_some() {
                    return font;
                }
                i = base?;
            }
            None
        })
        .collect();
    (resolved, default)
}

/// The paragraphs of a document from its streams.
pub(crate) fn from_streams(
    word: &[u8],
    table: &[u8],
    fib: &Fib,
) -> Result<Vec<Paragraph>, OfficeError> {
    let pieces = pieces(slice(table, fib.clx))?;
    // The main text, then the notes: a paragraph mark between stories.
    let mut chars = Vec::new();
    for story in &fib.stories {
        if !story.is_empty() {
            chars.extend(characters(word, &pieces, story.clone()));
            chars.push(('\r', usize::MAX));
        }
    }
    let names = font_names(slice(table, fib.fonts));
    let (styles, default) = style_fonts(slice(table, fib.stsh));
    let chpx = chpx_runs(word, slice(table, fib.bte_chpx));
    let papx = papx_runs(word, slice(table, fib.bte_papx));
    let name = |ftc: Option<u16>| {
        ftc.and_then(|f| names.get(usize::from(f)))
            .map(String::as_str)
    };

    let mut out = Vec::new();
    let mut current = Paragraph::default();
    let mut row: Option<Row> = None;
    // Rows of the first table are the header's ([`Row`]); `table_rows` once one has ended.
    let mut header = true;
    let mut table_rows = false;
    // Open fields: true while in the instructions (before the separator), which are not text.
    let mut fields: Vec<bool> = Vec::new();
    let mut buf = [0u8; 4];
    for &(c, fc) in &chars {
        match c {
            '\u{13}' => fields.push(true),
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = false;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|&instr| instr) => {}
            '\r' | '\u{0B}' | '\u{0C}' => {
                let done = std::mem::take(&mut current);
                let in_table = find(&papx, fc, |r| (r.0, r.1)).is_some_and(|r| r.2.in_table);
                if row.is_some() || in_table {
                    row.get_or_insert_with(|| Row::new(header)).end_line(done);
                } else {
                    // Text after the first table's rows: any later table is not the header's.
                    header &= !table_rows;
                    out.push(done);
                }
            }
            '\u{07}' => {
                let row_end = find(&papx, fc, |r| (r.0, r.1)).is_some_and(|r| r.2.ttp);
                let r = row.get_or_insert_with(|| Row::new(header));
                if row_end {
                    r.end_line(std::mem::take(&mut current));
                    out.extend(row.take().map(Row::end).unwrap_or_default());
                    table_rows = true;
                } else {
                    r.end_cell(std::mem::take(&mut current));
                }
            }
            '\t' => current.push("\t", None),
            '\u{1E}' => current.push("-", None),
            '\u{A0}' => current.push(" ", None),
            _ if c < ' ' => {}
            _ => {
                let direct = find(&chpx, fc, |r| (r.0, r.1)).and_then(|r| r.2);
                let style = find(&papx, fc, |r| (r.0, r.1))
                    .and_then(|r| styles.get(usize::from(r.2.istd)).copied().flatten());
                let font = name(direct.or(style).or(default));
                current.push(c.encode_utf8(&mut buf), font);
            }
        }
    }
    if let Some(r) = row.take() {
        out.extend(r.end());
    }
    if !current.runs.is_empty() {
        out.push(current);
    }
    while out.last().is_some_and(|p| p.runs.is_empty()) {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::text::office::{Legacy, to_text};

    fn put16(b: &mut [u8], at: usize, v: u16) {
        b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    }

    fn put32(b: &mut [u8], at: usize, v: u32) {
        b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    /// A Word 97 file built by hand: a compressed piece with a `.VnTimeH` paragraph and a
    /// two-cell table row, then a UTF-16 piece in the default font.
    fn tiny_doc() -> Vec<u8> {
        let text0: &[u8] = b"c\xE9ng h\xDFa\ra\x07b\x07\x07";
        let text1: Vec<u8> = "Hà Nội\r"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut word = vec![0u8; 2560];
        put16(&mut word, 0, 0xA5EC);
        put16(&mut word, 2, 0x00C1);
        put16(&mut word, 0x0A, 0x0200);
        put16(&mut word, 32, 14);
        put16(&mut word, 62, 22);
        let ccp = text0.len() + text1.len() / 2;
        put32(&mut word, 64 + 12, ccp as u32);
        put16(&mut word, 152, 93);
        word[1024..1024 + text0.len()].copy_from_slice(text0);
        word[1280..1280 + text1.len()].copy_from_slice(&text1);
        let end = (1280 + text1.len()) as u32;
        // Character properties (page 3): the first paragraph in font 1.
        let chpx = 1536;
        for (i, fc) in [1024, 1033, end].into_iter().enumerate() {
            put32(&mut word, chpx + 4 * i, fc);
        }
        word[chpx + 12] = 128;
        word[chpx + 256..chpx + 261].copy_from_slice(&[4, 0x4F, 0x4A, 1, 0]);
        word[chpx + 511] = 2;
        // Paragraph properties (page 4): the third mark of the row ends it (sprmPFTtp).
        let papx = 2048;
        for (i, fc) in [1024, 1033, 1035, 1037, 1038, end].into_iter().enumerate() {
            put32(&mut word, papx + 4 * i, fc);
        }
        for i in 0..5 {
            word[papx + 24 + 13 * i] = if i == 3 { 160 } else { 150 };
        }
        word[papx + 300..papx + 303].copy_from_slice(&[2, 0, 0]);
        word[papx + 320..papx + 326].copy_from_slice(&[3, 0, 0, 0x17, 0x24, 1]);
        word[papx + 511] = 5;

        let mut table = vec![0u8; 400];
        put16(&mut table, 0, 18);
        put16(&mut table, 4, 10);
        let mut fonts = vec![2u8, 0, 0, 0];
        for name in ["Times New Roman", ".VnTimeH"] {
            let mut ffn = vec![0u8; 39];
            ffn.extend(name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
            fonts.push(ffn.len() as u8);
            fonts.extend(ffn);
        }
        table[32..32 + fonts.len()].copy_from_slice(&fonts);
        for (at, fcs) in [(256, 3u32), (272, 4u32)] {
            put32(&mut table, at, 1024);
            put32(&mut table, at + 4, end);
            put32(&mut table, at + 8, fcs);
        }
        let mut clx = vec![2u8, 0, 0, 0, 0];
        for cp in [0, text0.len(), ccp] {
            clx.extend((cp as u32).to_le_bytes());
        }
        for (fc, compressed) in [(1024u32, true), (1280, false)] {
            let raw = if compressed {
                (fc * 2) | 0x4000_0000
            } else {
                fc
            };
            clx.extend([0, 0]);
            clx.extend(raw.to_le_bytes());
            clx.extend([0, 0]);
        }
        let lcb = (clx.len() - 5) as u32;
        clx[1..5].copy_from_slice(&lcb.to_le_bytes());
        table[300..300 + clx.len()].copy_from_slice(&clx);
        let fc_at = 154;
        for (i, (fc, lcb)) in [
            (1, (0, 20)),
            (12, (256, 12)),
            (13, (272, 12)),
            (15, (32, fonts.len())),
            (33, (300, clx.len())),
        ] {
            put32(&mut word, fc_at + 8 * i, fc);
            put32(&mut word, fc_at + 8 * i + 4, lcb as u32);
        }

        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("creates");
        for (name, data) in [("WordDocument", &word), ("1Table", &table)] {
            let mut s = cf.create_stream(name).expect("stream");
            s.write_all(data).expect("writes");
        }
        cf.flush().expect("flushes");
        cf.into_inner().into_inner()
    }

    #[test]
    fn pieces_cells_and_fonts() {
        let paragraphs = read(&tiny_doc()).expect("reads");
        let fonts: Vec<Vec<Option<&str>>> = paragraphs
            .iter()
            .map(|p| p.runs.iter().map(|r| r.font.as_deref()).collect())
            .collect();
        assert_eq!(
            fonts,
            [
                vec![Some(".VnTimeH")],
                vec![Some("Times New Roman"), None, Some("Times New Roman")],
                vec![Some("Times New Roman")],
            ]
        );
        let text = to_text(&paragraphs, Legacy::Detect).text;
        assert_eq!(text, "CỘNG HÒA\na | b\nHà Nội\n");
    }

    #[test]
    fn damaged_and_foreign_files_are_refused() {
        let mut doc = tiny_doc();
        assert!(read(&doc[..600]).is_err(), "a truncated compound file");
        let at = doc
            .windows(4)
            .position(|w| w == [0xEC, 0xA5, 0xC1, 0x00])
            .expect("the FIB");
        doc[at + 0x0A] |= 0x01;
        doc[at + 0x0B] |= 0x01;
        let err = read(&doc).expect_err("encrypted");
        assert!(err.reason.contains("encrypted"), "{err}");
    }
}
