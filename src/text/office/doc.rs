//! Word 97–2003 (`.doc`): the text of the main document through the piece table, paragraph and
//! cell marks, the font of every character (direct formatting, else the paragraph style's,
//! else the document's default) and whether Word draws it in capitals ("All caps"), and the
//! automatic number of every paragraph in a list, drawn from the list tables as Word draws it
//! ([`super::numbering`]). The other stories are read as the DOCX reader reads them: each text
//! box after the paragraph that holds its anchor, the footnotes and endnotes after the text
//! (their automatic numbers, one sequence in the order the text refers to them, standing at the
//! reference and leading the note), then the page headers and footers as page furniture
//! ([`super::push_furniture`]), page numbers left out.
//!
//! The format is Microsoft's published [MS-DOC] specification: the File Information Block (FIB)
//! at the start of the `WordDocument` stream locates, in the table stream (`0Table`/`1Table`),
//! the piece table (`Clx`), the font table (`SttbfFfn`), the style sheet (`STSH`), the list
//! tables (`PlfLst`, `PlfLfo`) and the bin tables of character and paragraph properties
//! (`PlcBteChpx`, `PlcBtePapx`), whose 512-byte pages (`FKP`) in the `WordDocument` stream hold
//! properties as lists of `sprm`s (a paragraph's list: `sprmPIlfo`, `sprmPIlvl`). The stories
//! follow the main text in character positions; their tables place them: the notes'
//! references and texts (`PlcffndRef`, `PlcffndTxt`, `PlcfendRef`, `PlcfendTxt`), the header
//! stories (`PlcfHdd`), the text boxes (`PlcftxbxTxt`, `PlcfHdrtxbxTxt`), the shapes anchored
//! in the text (`PlcSpaMom`) and the drawings that say which shapes a group holds (OfficeArt).

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::ops::Range;

use super::numbering::{Format, LEVELS, Level, Num, Numbering};
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

/// Reads the paragraphs of a `.doc` file: its main text and text boxes, its notes, its page
/// headers and footers ([`from_streams`]).
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
    /// The stories, as ranges of character positions: the main text, the footnotes, the page
    /// headers and footers, the endnotes, the text boxes and the text boxes of the headers.
    main: Range<usize>,
    footnotes: Range<usize>,
    headers: Range<usize>,
    endnotes: Range<usize>,
    boxes: Range<usize>,
    header_boxes: Range<usize>,
    /// `(fc, lcb)` of the structures read, in the table stream.
    stsh: (usize, usize),
    bte_chpx: (usize, usize),
    bte_papx: (usize, usize),
    fonts: (usize, usize),
    clx: (usize, usize),
    /// The list definitions (`PlfLst`) and the lists (`PlfLfo`).
    lists: (usize, usize),
    list_overrides: (usize, usize),
    /// Where the text refers to its footnotes and endnotes (`PlcffndRef`, `PlcfendRef`) and
    /// where each note's text lies in its story (`PlcffndTxt`, `PlcfendTxt`).
    footnote_refs: (usize, usize),
    footnote_texts: (usize, usize),
    endnote_refs: (usize, usize),
    endnote_texts: (usize, usize),
    /// The stories of the headers and footers (`PlcfHdd`).
    header_stories: (usize, usize),
    /// The shapes anchored in the main text (`PlcSpaMom`) and the text of each text box
    /// (`PlcftxbxTxt`, `PlcfHdrtxbxTxt`).
    shapes: (usize, usize),
    box_texts: (usize, usize),
    header_box_texts: (usize, usize),
    /// The drawings (`OfficeArtContent`): which shapes a group holds.
    drawings: (usize, usize),
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
        // The stories follow one another: main text, footnotes, headers, macros, comments,
        // endnotes, text boxes, header text boxes.
        let after = |from: &Range<usize>, len: usize| from.end..from.end.saturating_add(len);
        let main = 0..ccp(3)?;
        let footnotes = after(&main, ccp(4)?);
        let headers = after(&footnotes, ccp(5)?);
        let macros_and_comments = after(&headers, ccp(6)?.saturating_add(ccp(7)?));
        let endnotes = after(&macros_and_comments, ccp(8)?);
        let optional_ccp = |i: usize| if i < cslw { ccp(i).unwrap_or(0) } else { 0 };
        let boxes = after(&endnotes, optional_ccp(9));
        let header_boxes = after(&boxes, optional_ccp(10));
        let fc_at = lw_at + 2 + 4 * cslw + 2;
        let pair = |i: usize| -> Result<(usize, usize), OfficeError> {
            let at = fc_at + 8 * i;
            Ok((
                usize_at(word, at).ok_or_else(bad)?,
                usize_at(word, at + 4).ok_or_else(bad)?,
            ))
        };
        // Pairs past the ones this file's FIB holds (`cbRgFcLcb`) are absent.
        let pairs = usize::from(u16_at(word, fc_at - 2).unwrap_or(0));
        let optional = |i: usize| {
            if i < pairs {
                pair(i).unwrap_or_default()
            } else {
                (0, 0)
            }
        };
        Ok(Fib {
            table1: flags & 0x0200 != 0,
            main,
            footnotes,
            headers,
            endnotes,
            boxes,
            header_boxes,
            stsh: pair(1)?,
            bte_chpx: pair(12)?,
            bte_papx: pair(13)?,
            fonts: pair(15)?,
            clx: pair(33)?,
            lists: optional(73),
            list_overrides: optional(74),
            footnote_refs: optional(2),
            footnote_texts: optional(3),
            endnote_refs: optional(46),
            endnote_texts: optional(47),
            header_stories: optional(11),
            shapes: optional(40),
            box_texts: optional(56),
            header_box_texts: optional(58),
            drawings: optional(50),
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

/// A character of the text, with its file offset (properties are found by it; `usize::MAX`
/// for a paragraph mark the reader adds) and its character position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Char {
    pub c: char,
    pub fc: usize,
    pub cp: usize,
}

impl Char {
    /// A paragraph mark the file does not hold, ending a story or a text box.
    const MARK: Char = Char {
        c: '\r',
        fc: usize::MAX,
        cp: usize::MAX,
    };
}

/// The characters of `cps`.
pub(crate) fn characters(word: &[u8], pieces: &[Piece], cps: Range<usize>) -> Vec<Char> {
    let mut out = Vec::with_capacity(cps.len().min(word.len()));
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
            out.push(Char {
                c,
                fc,
                cp: p.cp + k,
            });
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
    CharProps::of(grpprl).font
}

/// The operand of a sprm that turns a character property on or off (`ToggleOperand`): 0 off,
/// 1 on, 0x80 the value the style applied to the text gives, 0x81 its opposite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Toggle(u8);

impl Toggle {
    /// The property's value where the style gives `style`.
    fn over(self, style: bool) -> bool {
        let on = self.0 & 1 != 0;
        if self.0 & 0x80 != 0 { on != style } else { on }
    }
}

/// What character properties say about the text: the font they set, whether it is drawn in
/// capitals (`sprmCFCaps`, Word's "All caps"), and, for a run, the character style it is in
/// (`sprmCIstd`), whose properties apply where the run sets none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CharProps {
    font: Option<u16>,
    caps: Option<Toggle>,
    /// Hidden text (`sprmCFVanish`): not drawn, so not read.
    vanish: Option<Toggle>,
    /// Text deleted while changes were tracked (`sprmCFRMarkDel`): the document's text no
    /// more, as the DOCX reader leaves out `w:del`; its characters are counted.
    deleted: Option<Toggle>,
    /// Text inserted while changes were tracked (`sprmCFRMarkIns`): read, and counted.
    inserted: Option<Toggle>,
    istd: Option<u16>,
}

impl CharProps {
    fn of(grpprl: &[u8]) -> Self {
        let mut ftc0 = None;
        let mut ftc2 = None;
        let mut out = CharProps::default();
        for (sprm, op) in sprms(grpprl) {
            match sprm {
                0x4A4F => ftc0 = u16_at(op, 0),
                0x4A51 => ftc2 = u16_at(op, 0),
                0x4A30 => out.istd = u16_at(op, 0),
                0x083B => out.caps = op.first().copied().map(Toggle),
                0x083C => out.vanish = op.first().copied().map(Toggle),
                0x0800 => out.deleted = op.first().copied().map(Toggle),
                0x0801 => out.inserted = op.first().copied().map(Toggle),
                _ => {}
            }
        }
        out.font = ftc0.or(ftc2);
        out
    }
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

/// Character runs: `(fc, fc_end, properties)`.
fn chpx_runs(word: &[u8], plc: &[u8]) -> Vec<(usize, usize, CharProps)> {
    fkp_runs(word, plc, 1, |page, off| {
        if off == 0 {
            return CharProps::default();
        }
        let cb = usize::from(page.get(off).copied().unwrap_or(0));
        page.get(off + 1..off + 1 + cb)
            .map(CharProps::of)
            .unwrap_or_default()
    })
}

/// A paragraph's list, from its own properties or its style's: `sprmPIlfo` (a 1-based index
/// into the lists of `PlfLfo`, 0 for none) and `sprmPIlvl` (the level, 0 … 8).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ListRef {
    ilfo: Option<u16>,
    ilvl: Option<u8>,
}

impl ListRef {
    fn read(&mut self, sprm: u16, op: &[u8]) {
        match sprm {
            0x460B => self.ilfo = u16_at(op, 0),
            0x260A => self.ilvl = op.first().copied(),
            _ => {}
        }
    }
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
    list: ListRef,
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
        let mut list = ListRef::default();
        for (sprm, op) in sprms(papx.get(2..).unwrap_or_default()) {
            let on = op.first() == Some(&1);
            match sprm {
                // sprmPFTtp, sprmPFInnerTtp: the mark ends a row.
                0x2417 | 0x244C => ttp |= on,
                // sprmPFInTable, sprmPItap (the nesting depth of the table).
                0x2416 => in_table |= on,
                0x6649 => in_table |= op.iter().any(|&b| b != 0),
                _ => list.read(sprm, op),
            }
        }
        Papx {
            istd: u16_at(papx, 0).unwrap_or(0),
            ttp,
            in_table: in_table || ttp,
            list,
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

/// What a style gives the paragraphs and characters in it, each property its own or else its
/// base style's (`None`: no style of the chain sets it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct StyleProps {
    font: Option<u16>,
    caps: Option<bool>,
    vanish: Option<bool>,
    list: ListRef,
}

/// The properties of each style, and the document's default font.
fn styles(stsh: &[u8]) -> (Vec<StyleProps>, Option<u16>) {
    let cb_stshi = usize::from(u16_at(stsh, 0).unwrap_or(0));
    let stshi = stsh.get(2..2 + cb_stshi).unwrap_or_default();
    let cstd = usize::from(u16_at(stshi, 0).unwrap_or(0));
    let base_len = usize::from(u16_at(stshi, 2).unwrap_or(10));
    let default = u16_at(stshi, 12);
    // Each style's own properties, its character properties as it stores them (capitals and
    // hidden text as toggles), and its base style.
    let mut own: Vec<(StyleProps, CharProps, Option<usize>)> = Vec::with_capacity(cstd);
    let mut at = 2 + cb_stshi;
    for _ in 0..cstd {
        let cb = usize::from(u16_at(stsh, at).unwrap_or(0));
        let std = stsh.get(at + 2..at + 2 + cb).unwrap_or_default();
        at += 2 + cb;
        if std.is_empty() {
            own.push((StyleProps::default(), CharProps::default(), None));
            continue;
        }
        let stk = u16_at(std, 2).unwrap_or(0) & 0xF;
        let base = usize::from(u16_at(std, 2).unwrap_or(0) >> 4);
        let base = (base != 0x0FFF).then_some(base);
        let cch = usize::from(u16_at(std, base_len).unwrap_or(0));
        let mut u = base_len + 2 + 2 * cch + 2;
        u += u % 2;
        // Paragraph styles: the paragraph properties (a style index, then sprms), then the
        // character properties. Character styles: the character properties first.
        let skip = if stk == 1 { 1 } else { 0 };
        let mut props = StyleProps::default();
        let mut chars = CharProps::default();
        for k in 0..=skip {
            let cbx = usize::from(u16_at(std, u).unwrap_or(0));
            let upx = std.get(u + 2..u + 2 + cbx).unwrap_or_default();
            if k == skip && matches!(stk, 1 | 2) {
                chars = CharProps::of(upx);
                props.font = chars.font;
            } else if k == 0 {
                for (sprm, op) in sprms(upx.get(2..).unwrap_or_default()) {
                    props.list.read(sprm, op);
                }
            }
            u += 2 + cbx;
            u += u % 2;
        }
        own.push((props, chars, base));
    }
    // The styles of `i`'s chain, itself first (a loop in a damaged file ends there).
    let chain = |i: usize| {
        std::iter::successors(Some(i), |&k| own.get(k).and_then(|s| s.2))
            .map_while(|k| own.get(k))
            .take(16)
    };
    let inherited = |i: usize, get: &dyn Fn(&StyleProps) -> Option<u16>| {
        chain(i).find_map(|(props, _, _)| get(props))
    };
    // A style's toggle property (`get`: capitals, hidden): its toggle over its base style's
    // value (0x80, 0x81), or its base's.
    let toggled = |i: usize, get: fn(&CharProps) -> Option<Toggle>| {
        let toggles: Vec<Option<Toggle>> = chain(i).map(|s| get(&s.1)).collect();
        toggles.iter().rev().fold(None, |value, toggle| {
            toggle.map_or(value, |t| Some(t.over(value.unwrap_or(false))))
        })
    };
    let resolved = (0..own.len())
        .map(|i| StyleProps {
            font: inherited(i, &|p| p.font),
            caps: toggled(i, |c| c.caps),
            vanish: toggled(i, |c| c.vanish),
            list: ListRef {
                ilfo: inherited(i, &|p| p.list.ilfo),
                ilvl: inherited(i, &|p| p.list.ilvl.map(u16::from))
                    .and_then(|v| u8::try_from(v).ok()),
            },
        })
        .collect();
    (resolved, default)
}

/// One list level (`LVL`) at `at` in the table stream and the bytes it takes: a 28-byte
/// `LVLF`, its paragraph and character properties, then its text (`Xst`), in which the
/// characters `rgbxchNums` points at (1-based) stand for the numbers of the levels they name.
fn list_level(table: &[u8], at: usize, fonts: &[String]) -> Option<(Level, usize)> {
    let lvlf = table.get(at..at.checked_add(28)?)?;
    let start = u32::try_from(i32::from_le_bytes(lvlf.get(..4)?.try_into().ok()?)).unwrap_or(0);
    let flags = *lvlf.get(5)?;
    let places = lvlf.get(6..15)?;
    let (follow, chpx_len, papx_len, restart_lim) = (
        *lvlf.get(15)?,
        usize::from(*lvlf.get(24)?),
        usize::from(*lvlf.get(25)?),
        *lvlf.get(26)?,
    );
    let chpx_at = at + 28 + papx_len;
    let chpx = table.get(chpx_at..chpx_at + chpx_len)?;
    let xst_at = chpx_at + chpx_len;
    let cch = usize::from(u16_at(table, xst_at)?);
    let units = table.get(xst_at + 2..xst_at + 2 + 2 * cch)?;
    let mut text = String::new();
    for (k, unit) in units.chunks_exact(2).enumerate() {
        let unit = u16::from_le_bytes([unit[0], unit[1]]);
        let place = places.iter().any(|&p| usize::from(p) == k + 1);
        if place && unit < 9 {
            text.push('%');
            text.push(char::from(b'1' + unit as u8));
        } else {
            text.push(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'));
        }
    }
    let level = Level {
        start,
        format: Format::from_nfc(*lvlf.get(4)?),
        text,
        // fNoRestart: the number restarts only after a level above `ilvlRestartLim`.
        restart: (flags & 0x08 != 0).then_some(usize::from(restart_lim)),
        legal: flags & 0x04 != 0,
        suffix: if follow == 2 { "" } else { " " },
        font: font_of(chpx).and_then(|f| fonts.get(usize::from(f)).cloned()),
    };
    Some((level, 28 + papx_len + chpx_len + 2 + 2 * cch))
}

/// The document's lists: the definitions of `PlfLst` (28-byte `LSTF`s, each followed, after
/// the array, by its nine levels or one for a simple list) and the lists of `PlfLfo` (16-byte
/// `LFO`s naming a definition by its `lsid`, then for each its `LFOData`: a character position
/// and the `LFOLVL` overrides of a start value or of a whole level). A damaged table gives the
/// lists read before the damage.
fn numbering(table: &[u8], fib: &Fib, fonts: &[String]) -> Numbering {
    let mut out = Numbering::default();
    let lists = slice(table, fib.lists);
    let count = usize::try_from(u16_at(lists, 0).map_or(0, |n| n as i16)).unwrap_or(0);
    // The levels follow the array of definitions, outside the count of bytes the FIB gives.
    let mut at = fib.lists.0 + 2 + 28 * count;
    'lists: for i in 0..count {
        let Some(lstf) = lists.get(2 + 28 * i..2 + 28 * (i + 1)) else {
            break;
        };
        let lsid = u32_at(lstf, 0).unwrap_or(0);
        let simple = lstf.get(26).is_some_and(|f| f & 1 != 0);
        let mut levels = HashMap::new();
        for k in 0..if simple { 1 } else { LEVELS } {
            let Some((level, len)) = list_level(table, at, fonts) else {
                out.abstracts.insert(lsid, levels);
                break 'lists;
            };
            levels.insert(k, level);
            at += len;
        }
        out.abstracts.insert(lsid, levels);
    }
    let lfo = slice(table, fib.list_overrides);
    let count = usize_at(lfo, 0).unwrap_or(0).min(lfo.len() / 16);
    let mut at = 4 + 16 * count;
    for i in 0..count {
        let entry = lfo.get(4 + 16 * i..4 + 16 * (i + 1)).unwrap_or_default();
        let mut num = Num {
            abstract_id: u32_at(entry, 0).unwrap_or(0),
            overrides: HashMap::new(),
        };
        let overrides = entry.get(12).copied().unwrap_or(0);
        // LFOData: a character position, then the overrides.
        at += 4;
        for _ in 0..overrides {
            let (Some(start), Some(flags)) = (u32_at(lfo, at), u32_at(lfo, at + 4)) else {
                break;
            };
            at += 8;
            let ilvl = (flags & 0xF) as usize;
            let start_at = flags & 0x10 != 0;
            let level = if flags & 0x20 != 0 {
                let Some((level, len)) = list_level(lfo, at, fonts) else {
                    break;
                };
                at += len;
                Some(level)
            } else {
                None
            };
            // A whole level that restarts the count starts at its own value.
            let start = match &level {
                Some(l) => start_at.then_some(l.start),
                None => start_at.then(|| u32::try_from(start as i32).unwrap_or(0)),
            };
            num.overrides.insert(ilvl, (start, level));
        }
        out.nums
            .insert(u32::try_from(i + 1).unwrap_or(u32::MAX), num);
    }
    out
}

/// A PLC: `n + 1` character positions, then `n` data elements of `size` bytes each.
struct Plc<'a> {
    bytes: &'a [u8],
    size: usize,
    n: usize,
}

impl<'a> Plc<'a> {
    fn new(bytes: &'a [u8], size: usize) -> Self {
        let n = bytes.len().saturating_sub(4) / (4 + size);
        Plc { bytes, size, n }
    }

    fn cp(&self, i: usize) -> Option<usize> {
        if i <= self.n {
            usize_at(self.bytes, 4 * i)
        } else {
            None
        }
    }

    fn data(&self, i: usize) -> Option<&'a [u8]> {
        let at = 4 * (self.n + 1) + self.size * i;
        self.bytes.get(at..at + self.size)
    }

    /// The first `count` ranges `cp(i)..cp(i + 1)` as ranges of `story`, when those positions
    /// never go back and stay in the story: a table whose positions go back describes nothing
    /// (read as it is, it would give one text over and over).
    fn ranges(&self, story: &Range<usize>, count: usize) -> Option<Vec<Range<usize>>> {
        (0..count)
            .map(|i| within(story, self.cp(i)?, self.cp(i + 1)?))
            .collect()
    }
}

/// The range `from..to` of `story`'s own positions as positions of the document, when the
/// story holds it.
fn within(story: &Range<usize>, from: usize, to: usize) -> Option<Range<usize>> {
    (from <= to && to <= story.len()).then(|| story.start + from..story.start + to)
}

/// A footnote or an endnote: where the main text refers to it, whether its mark is Word's
/// automatic number (else the text the author typed), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    reference: usize,
    auto: bool,
    text: Range<usize>,
}

/// The notes of `story` from its references (`PlcffndRef`, `PlcfendRef`: a position in the main
/// text and a 2-byte `nAuto`, 0 for a custom mark) and its texts (`PlcffndTxt`, `PlcfendTxt`:
/// where each note begins, then the end of the last, then a position to ignore). `None` when
/// they do not describe the story: it is then read whole.
fn notes_of(
    table: &[u8],
    refs: (usize, usize),
    texts: (usize, usize),
    story: &Range<usize>,
    main: &Range<usize>,
) -> Option<Vec<Note>> {
    let refs = Plc::new(slice(table, refs), 2);
    let texts = Plc::new(slice(table, texts), 0);
    if refs.n == 0 || texts.n < refs.n {
        return None;
    }
    let ranges = texts.ranges(story, refs.n)?;
    (0..refs.n)
        .zip(ranges)
        .map(|(i, text)| {
            let reference = refs.cp(i).filter(|&cp| main.contains(&cp))?;
            let auto = u16_at(refs.data(i)?, 0)? != 0;
            Some(Note {
                reference,
                auto,
                text,
            })
        })
        .collect()
}

/// The text boxes of a text box story (`PlcftxbxTxt`, `PlcfHdrtxbxTxt`: where each box's text
/// begins, and an `FTXBXS` of 22 bytes): the shape each belongs to (`lid`, at byte 14) and its
/// text. The last entry and the others marked reusable (`fReusable`, byte 8) are spares Word
/// keeps for new boxes, not boxes. When the table does not describe the story, the story is
/// given whole, belonging to no shape.
fn text_boxes(
    table: &[u8],
    texts: (usize, usize),
    story: &Range<usize>,
) -> Vec<(Option<u32>, Range<usize>)> {
    let plc = Plc::new(slice(table, texts), 22);
    let boxes: Option<Vec<_>> = plc.ranges(story, plc.n.saturating_sub(1)).map(|ranges| {
        ranges
            .into_iter()
            .enumerate()
            .filter_map(|(i, text)| {
                let ftxbxs = plc.data(i)?;
                (u16_at(ftxbxs, 8)? & 1 == 0).then(|| (u32_at(ftxbxs, 14), text))
            })
            .collect()
    });
    match boxes {
        Some(boxes) if plc.n > 0 => boxes,
        _ if story.is_empty() => Vec::new(),
        _ => vec![(None, story.clone())],
    }
}

/// Where each shape of the main text is anchored (`PlcSpaMom`: positions, then 26-byte `FSPA`s
/// whose first 4 bytes are the shape's id), by shape id; a shape inside a group is anchored
/// where its group is ([`group_members`]).
fn anchors(table: &[u8], fib: &Fib) -> HashMap<u32, usize> {
    let plc = Plc::new(slice(table, fib.shapes), 26);
    let members = group_members(slice(table, fib.drawings));
    let mut out = HashMap::new();
    for i in 0..plc.n {
        let (Some(cp), Some(spid)) = (plc.cp(i), plc.data(i).and_then(|d| u32_at(d, 0))) else {
            continue;
        };
        // A shape anchored twice keeps its first anchor; its group's members are walked once.
        if out.contains_key(&spid) {
            continue;
        }
        out.insert(spid, cp);
        for &member in members.get(&spid).into_iter().flatten() {
            out.entry(member).or_insert(cp);
        }
    }
    out
}

/// The shapes inside each group of the drawings (`OfficeArtContent`), by the group's id: the
/// records are `ver/inst` (2 bytes), type (2), length (4), then their data; a container
/// (`ver` 0xF) holds records. A group (`OfficeArtSpgrContainer`, 0xF003) holds its own shape
/// first, then its members: shapes (`OfficeArtSpContainer`, 0xF004) and groups; a shape's id
/// is the first 4 bytes of its `OfficeArtFSP` (0xF00A).
fn group_members(drawings: &[u8]) -> HashMap<u32, Vec<u32>> {
    /// The records of `bytes`: `(type, is a container, data)`.
    fn records(bytes: &[u8]) -> impl Iterator<Item = (u16, bool, &[u8])> {
        let mut at = 0;
        std::iter::from_fn(move || {
            let ver = u16_at(bytes, at)? & 0xF;
            let kind = u16_at(bytes, at + 2)?;
            let len = usize_at(bytes, at + 4)?;
            let data = bytes.get(at + 8..(at + 8).checked_add(len)?.min(bytes.len()))?;
            at += 8 + data.len();
            Some((kind, ver == 0xF, data))
        })
    }
    /// The ids of the shapes in `data` (a shape or a group), itself the first.
    fn ids(data: &[u8], depth: usize, out: &mut Vec<u32>) {
        for (kind, container, inner) in records(data) {
            match kind {
                0xF00A => out.extend(u32_at(inner, 0)),
                _ if container && depth < 16 => ids(inner, depth + 1, out),
                _ => {}
            }
        }
    }
    /// Walks containers down to groups, listing each group's members (those of the groups
    /// within it too) under its own id.
    fn walk(data: &[u8], depth: usize, out: &mut HashMap<u32, Vec<u32>>) {
        for (kind, container, inner) in records(data) {
            if !container || depth >= 16 {
                continue;
            }
            if kind == 0xF003 {
                let mut members = Vec::new();
                ids(inner, depth + 1, &mut members);
                if members.len() > 1 {
                    let group = members.remove(0);
                    out.entry(group).or_default().extend(members);
                }
            }
            walk(inner, depth + 1, out);
        }
    }
    let mut out = HashMap::new();
    // The drawings (`OfficeArtDgContainer`, 0xF002) follow the drawing group, each after a
    // byte (`dgglbl`) naming it the main text's or the headers'.
    let Some(group_len) = usize_at(drawings, 4) else {
        return out;
    };
    let mut at = 8usize.saturating_add(group_len);
    while let Some(len) = usize_at(drawings, at + 5) {
        let start = at + 1;
        let end = (start + 8).saturating_add(len).min(drawings.len());
        if u16_at(drawings, start + 2) == Some(0xF002) {
            walk(&drawings[start..end], 0, &mut out);
        }
        at = end;
    }
    out
}

/// The header and footer stories (`PlcfHdd`: where each begins, then the end of the last, then a
/// position to ignore): six for the notes' separators, then six a section (even header, odd
/// header, even footer, odd footer, first page's header, first page's footer). Each non-empty
/// one with whether it is a footer; when the table gives none, the whole story, as a header.
fn header_stories(table: &[u8], fib: &Fib) -> Vec<(bool, Range<usize>)> {
    let plc = Plc::new(slice(table, fib.header_stories), 0);
    let stories: Vec<_> = plc
        .ranges(&fib.headers, plc.n.saturating_sub(1))
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .skip(6)
        .filter(|(_, text)| !text.is_empty())
        .map(|(i, text)| (matches!((i - 6) % 6, 2 | 3 | 5), text))
        .collect();
    if stories.is_empty() && !fib.headers.is_empty() {
        return vec![(false, fib.headers.clone())];
    }
    stories
}

/// What the reader takes from the streams for every story: the text's pieces, the fonts, the
/// styles and the character and paragraph runs.
struct Doc<'a> {
    word: &'a [u8],
    pieces: Vec<Piece>,
    /// Each piece starts where the one before ends, or later.
    pieces_in_order: bool,
    names: Vec<String>,
    styles: Vec<StyleProps>,
    /// The document's font.
    default: Option<u16>,
    chpx: Vec<(usize, usize, CharProps)>,
    papx: Vec<(usize, usize, Papx)>,
}

impl<'a> Doc<'a> {
    fn read(word: &'a [u8], table: &[u8], fib: &Fib) -> Result<Self, OfficeError> {
        let (styles, default) = styles(slice(table, fib.stsh));
        let pieces = pieces(slice(table, fib.clx))?;
        Ok(Doc {
            word,
            pieces_in_order: pieces.windows(2).all(|w| w[0].cp_end <= w[1].cp),
            pieces,
            names: font_names(slice(table, fib.fonts)),
            styles,
            default,
            chpx: chpx_runs(word, slice(table, fib.bte_chpx)),
            papx: papx_runs(word, slice(table, fib.bte_papx)),
        })
    }

    fn characters(&self, cps: Range<usize>) -> Vec<Char> {
        // Each note and text box is read on its own: when the pieces follow one another (every
        // file Word writes), those of `cps` are found by halving, not by a walk over all of
        // them for each note.
        let pieces = if self.pieces_in_order {
            let from = self.pieces.partition_point(|p| p.cp_end <= cps.start);
            let to = self.pieces.partition_point(|p| p.cp < cps.end);
            self.pieces.get(from..to.max(from)).unwrap_or_default()
        } else {
            &self.pieces
        };
        characters(self.word, pieces, cps)
    }

    /// The paragraph properties of the paragraph run holding `fc`.
    fn papx(&self, fc: usize) -> Option<&(usize, usize, Papx)> {
        find(&self.papx, fc, |r| (r.0, r.1))
    }

    fn style(&self, papx: &Papx) -> StyleProps {
        self.styles
            .get(usize::from(papx.istd))
            .copied()
            .unwrap_or_default()
    }

    /// A character's font, whether it is drawn in capitals, whether it is hidden, and whether
    /// a tracked change deleted or inserted it: its run's own, else its character style's,
    /// else its paragraph style's (`paragraph`), else the document's (for the font).
    fn props_at(&self, fc: usize, paragraph: StyleProps) -> Drawn<'_> {
        let own = find(&self.chpx, fc, |r| (r.0, r.1)).map_or_else(CharProps::default, |r| r.2);
        let character = own
            .istd
            .and_then(|i| self.styles.get(usize::from(i)))
            .copied()
            .unwrap_or_default();
        let font = own
            .font
            .or(character.font)
            .or(paragraph.font)
            .or(self.default);
        // A run's toggle is relative to what its styles give.
        let toggle = |own: Option<Toggle>, styled: Option<bool>| {
            let styled = styled.unwrap_or(false);
            own.map_or(styled, |t| t.over(styled))
        };
        let caps = toggle(own.caps, character.caps.or(paragraph.caps));
        let font = font
            .and_then(|f| self.names.get(usize::from(f)))
            .map(String::as_str);
        Drawn {
            font,
            caps,
            hidden: toggle(own.vanish, character.vanish.or(paragraph.vanish)),
            deleted: toggle(own.deleted, None),
            inserted: toggle(own.inserted, None),
        }
    }
}

/// How a character is drawn ([`Doc::props_at`]).
struct Drawn<'a> {
    font: Option<&'a str>,
    caps: bool,
    hidden: bool,
    deleted: bool,
    inserted: bool,
}

/// An open field: its instruction, until the separator; then whether its result is a page
/// number, which is left out as the DOCX reader leaves it out.
#[derive(Debug, Default)]
struct Field {
    instruction: String,
    result: bool,
    page: bool,
}

/// Reads stories into paragraphs, what one story leaves carrying over to the next: the lists'
/// counts and whether the header's table has been read.
struct Walker<'d, 'a> {
    doc: &'d Doc<'a>,
    lists: Numbering,
    /// Rows of the first table are the header's ([`Row`]); `table_rows` once one has ended.
    header: bool,
    table_rows: bool,
    /// The paragraph (its properties' run) last numbered.
    numbered: Option<usize>,
    /// The numbers of the automatic note references, by their position in the main text.
    marks: HashMap<usize, usize>,
    /// The character positions of the text boxes' stories: a box placed in a table cell
    /// belongs to the cell's row.
    boxes: [Range<usize>; 2],
}

impl Walker<'_, '_> {
    /// Whether a character stands where the main text does not hold it: a text box's, placed
    /// after its anchor ([`with_boxes`]), or a mark ending a story or a box ([`Char::MARK`]).
    fn added(&self, ch: &Char) -> bool {
        ch.fc == usize::MAX || self.boxes.iter().any(|b| b.contains(&ch.cp))
    }

    /// The paragraphs of `chars`; `note` is the number of the note they are the text of, which
    /// its automatic mark (`0x02`) stands for.
    fn walk(&mut self, chars: &[Char], note: Option<usize>) -> Vec<Paragraph> {
        let doc = self.doc;
        let mut out = Vec::new();
        let mut current = Paragraph::default();
        let mut row: Option<Row> = None;
        let mut fields: Vec<Field> = Vec::new();
        let mut buf = [0u8; 4];
        // At the start of a paragraph.
        let mut fresh = true;
        // The properties of the paragraph's style, once its mark is found.
        let mut paragraph: Option<StyleProps> = None;
        // The file position of the main text's last paragraph mark: a cell's mark after the
        // text boxes anchored in it ([`with_boxes`]) ends the paragraph numbered before them.
        let mut last_mark = None;
        for (i, ch) in chars.iter().enumerate() {
            let (c, fc) = (ch.c, ch.fc);
            if std::mem::take(&mut fresh) {
                // A paragraph's properties are those of its mark; a page break inside it starts
                // no new number.
                let mark = chars
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .find(|m| matches!(m.c, '\r' | '\u{07}' | '\u{0C}'))
                    .map_or(usize::MAX, |m| m.fc);
                let run = doc.papx(mark);
                // The paragraph's style is its mark's: text typed into it later (a fast save
                // writes it at the end of the file) lies in runs of whatever paragraph was there.
                paragraph = run.map(|r| doc.style(&r.2));
                let run = run.filter(|r| !r.2.ttp && last_mark != Some(mark));
                if let Some(&(start, _, props)) = run.filter(|r| self.numbered != Some(r.0)) {
                    self.numbered = Some(start);
                    let list = props.list;
                    let style = doc.style(&props);
                    let ilfo = list.ilfo.or(style.list.ilfo).unwrap_or(0);
                    let ilvl = list.ilvl.or(style.list.ilvl).unwrap_or(0);
                    // 0 is no list; 0xF801 and above take the paragraph out of its style's list.
                    if (1..0xF801).contains(&ilfo)
                        && let Some((number, font)) =
                            self.lists.next(u32::from(ilfo), usize::from(ilvl))
                    {
                        let own = doc.props_at(mark, style).font;
                        current.push(&number, font.as_deref().or(own));
                    }
                }
            }
            if matches!(c, '\r' | '\u{07}' | '\u{0C}') && !self.added(ch) {
                last_mark = Some(fc);
            }
            match c {
                '\u{13}' => fields.push(Field::default()),
                '\u{14}' => {
                    if let Some(top) = fields.last_mut() {
                        top.result = true;
                        top.page = super::is_page_number(&top.instruction);
                    }
                }
                '\u{15}' => {
                    fields.pop();
                }
                _ if fields.iter().any(|f| !f.result || f.page) => {
                    if let Some(top) = fields.last_mut().filter(|f| !f.result) {
                        top.instruction.push(c);
                    }
                }
                '\r' | '\u{0B}' | '\u{0C}' => {
                    fresh = c != '\u{0B}';
                    let done = std::mem::take(&mut current);
                    // A box's paragraph (or the mark that ends it) placed inside a row is the
                    // row's, whatever its own properties say.
                    let in_table = doc.papx(fc).is_some_and(|r| r.2.in_table)
                        || self.added(ch) && row.is_some();
                    if in_table {
                        row.get_or_insert_with(|| Row::new(self.header))
                            .end_line(done);
                    } else {
                        // A row whose end mark was not found ends where text outside any
                        // table begins.
                        if let Some(r) = row.take() {
                            out.extend(r.end());
                            self.table_rows = true;
                        }
                        // Text after the first table's rows: any later table is not the header's.
                        self.header &= !self.table_rows;
                        out.push(done);
                    }
                }
                '\u{07}' => {
                    fresh = true;
                    let row_end = doc.papx(fc).is_some_and(|r| r.2.ttp);
                    let r = row.get_or_insert_with(|| Row::new(self.header));
                    if row_end {
                        r.end_line(std::mem::take(&mut current));
                        out.extend(row.take().map(Row::end).unwrap_or_default());
                        self.table_rows = true;
                    } else {
                        r.end_cell(std::mem::take(&mut current));
                    }
                }
                // A note's automatic number, at the reference and leading the note, as the
                // DOCX reader gives it.
                '\u{02}' => {
                    if let Some(n) = note.or_else(|| self.marks.get(&ch.cp).copied()) {
                        current.push(&n.to_string(), None);
                    }
                }
                // A comment's reference (its text, the comments story, is not the document's).
                '\u{05}' => current.revised.comments += 1,
                '\t' => current.push("\t", None),
                '\u{1E}' => current.push("-", None),
                '\u{A0}' => current.push(" ", None),
                _ if c < ' ' => {}
                _ => {
                    let paragraph = paragraph.unwrap_or_else(|| {
                        doc.papx(fc)
                            .map_or_else(StyleProps::default, |r| doc.style(&r.2))
                    });
                    let drawn = doc.props_at(fc, paragraph);
                    if drawn.deleted {
                        current.revised.deleted += 1;
                    } else if !drawn.hidden {
                        current.push_caps(c.encode_utf8(&mut buf), drawn.font, drawn.caps);
                        current.revised.inserted += usize::from(drawn.inserted);
                    }
                }
            }
        }
        if let Some(r) = row.take() {
            out.extend(r.end());
        }
        if !current.runs.is_empty() || current.revised.is_some() {
            out.push(current);
        }
        // Trailing empty paragraphs go; the changes tracked in them stay with the text.
        while let Some(last) = out.pop_if(|p| p.runs.is_empty()) {
            if let Some(p) = out.last_mut() {
                p.revised.add(last.revised);
            }
        }
        out
    }
}

/// The main text with each text box's characters (`boxes`: its anchor and its characters,
/// sorted by anchor) after the paragraph that holds its anchor; in a table cell, after the
/// anchor's paragraph in that cell.
fn with_boxes(main: Vec<Char>, boxes: Vec<(usize, Vec<Char>)>) -> Vec<Char> {
    if boxes.is_empty() {
        return main;
    }
    let mut out = Vec::with_capacity(main.len() + boxes.iter().map(|b| b.1.len()).sum::<usize>());
    let mut boxes = boxes.into_iter().peekable();
    for ch in main {
        let after = match ch.c {
            '\r' | '\u{0C}' => true,
            '\u{07}' => false,
            _ => {
                out.push(ch);
                continue;
            }
        };
        if after {
            out.push(ch);
        } else if boxes.peek().is_some_and(|b| b.0 <= ch.cp) {
            // The cell's paragraph ends before the boxes, its mark after them.
            out.push(Char { c: '\r', ..ch });
        }
        while let Some((_, chars)) = boxes.next_if(|b| b.0 <= ch.cp) {
            out.extend(chars);
        }
        if !after {
            out.push(ch);
        }
    }
    // Anchors past the last mark.
    for (_, chars) in boxes {
        out.push(Char::MARK);
        out.extend(chars);
    }
    out
}

/// The paragraphs of a document from its streams: the main text with its text boxes, then its
/// notes, then the page headers and footers ([`super::push_furniture`]).
pub(crate) fn from_streams(
    word: &[u8],
    table: &[u8],
    fib: &Fib,
) -> Result<Vec<Paragraph>, OfficeError> {
    let doc = Doc::read(word, table, fib)?;
    // A text box's characters, a paragraph mark ending them.
    let box_chars = |range: Range<usize>| {
        let mut chars = doc.characters(range);
        if chars.last().is_none_or(|c| c.c != '\r') {
            chars.push(Char::MARK);
        }
        chars
    };
    // Notes in the order the text refers to them, footnotes and endnotes numbered together as
    // the DOCX and RTF readers number them; a story whose notes are not described is read whole.
    let mut notes = Vec::new();
    let mut whole = Vec::new();
    for (story, refs, texts) in [
        (&fib.footnotes, fib.footnote_refs, fib.footnote_texts),
        (&fib.endnotes, fib.endnote_refs, fib.endnote_texts),
    ] {
        if !story.is_empty() {
            match notes_of(table, refs, texts, story, &fib.main) {
                Some(n) => notes.extend(n),
                None => whole.push(story.clone()),
            }
        }
    }
    notes.sort_by_key(|n| n.reference);
    // The automatic numbers: a note with a mark of its own (`*`) takes none, as Word numbers.
    let numbers: Vec<Option<usize>> = notes
        .iter()
        .scan(0, |auto, n| {
            Some(n.auto.then(|| {
                *auto += 1;
                *auto
            }))
        })
        .collect();
    let mut walker = Walker {
        doc: &doc,
        lists: numbering(table, fib, &doc.names),
        header: true,
        table_rows: false,
        numbered: None,
        marks: notes
            .iter()
            .zip(&numbers)
            .filter_map(|(n, number)| Some((n.reference, (*number)?)))
            .collect(),
        boxes: [fib.boxes.clone(), fib.header_boxes.clone()],
    };

    // Text boxes after their anchor's paragraph; a box whose shape is not found, after the text.
    let anchors = anchors(table, fib);
    let mut placed = Vec::new();
    let mut loose = Vec::new();
    for (lid, text) in text_boxes(table, fib.box_texts, &fib.boxes) {
        let chars = box_chars(text);
        // An empty box (a frame drawn for a picture) adds no blank line.
        if chars.iter().all(|c| c.c <= ' ') {
            continue;
        }
        match lid.and_then(|lid| anchors.get(&lid)) {
            Some(&cp) => placed.push((cp, chars)),
            None => loose.push(chars),
        }
    }
    placed.sort_by_key(|b| b.0);
    let main = with_boxes(doc.characters(fib.main.clone()), placed);
    let mut out = walker.walk(&main, None);
    for chars in loose {
        out.extend(walker.walk(&chars, None));
    }

    let mut bodies = Vec::new();
    for (note, &number) in notes.iter().zip(&numbers) {
        let chars = doc.characters(note.text.clone());
        bodies.extend(walker.walk(&chars, number));
    }
    for story in whole {
        bodies.extend(walker.walk(&doc.characters(story), None));
    }
    super::push_notes(&mut out, bodies);

    let mut headers = Vec::new();
    let mut footers = Vec::new();
    for (footer, text) in header_stories(table, fib) {
        let lines = walker.walk(&doc.characters(text), None);
        if footer { &mut footers } else { &mut headers }.extend(lines);
    }
    for (_, text) in text_boxes(table, fib.header_box_texts, &fib.header_boxes) {
        headers.extend(walker.walk(&box_chars(text), None));
    }
    super::push_furniture(&mut out, headers.into_iter().chain(footers));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::text::office::{Legacy, Revised, to_text};

    fn put16(b: &mut [u8], at: usize, v: u16) {
        b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    }

    fn put32(b: &mut [u8], at: usize, v: u32) {
        b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    /// A Word 97 `WordDocument` stream of 5 pages: a FIB (table stream `1Table`, 14 shorts, 22
    /// longs, 93 pairs from offset 154) for `ccp` characters of main text; the text goes from
    /// offset 1024 and the property pages after it.
    fn word_stream(ccp: usize) -> Vec<u8> {
        let mut word = vec![0u8; 2560];
        put16(&mut word, 0, 0xA5EC);
        put16(&mut word, 2, 0x00C1);
        put16(&mut word, 0x0A, 0x0200);
        put16(&mut word, 32, 14);
        put16(&mut word, 62, 22);
        put32(&mut word, 64 + 12, ccp as u32);
        put16(&mut word, 152, 93);
        word
    }

    /// A Word 97 file built by hand: a compressed piece with a `.VnTimeH` paragraph and a
    /// two-cell table row, then a UTF-16 piece in the default font.
    fn tiny_doc() -> Vec<u8> {
        tiny_doc_with(true)
    }

    /// [`tiny_doc`], its row's last mark marked as the row's end (`sprmPFTtp`) or not.
    fn tiny_doc_with(row_end: bool) -> Vec<u8> {
        let text0: &[u8] = b"c\xE9ng h\xDFa\ra\x07b\x07\x07";
        let text1: Vec<u8> = "Hà Nội\r"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let ccp = text0.len() + text1.len() / 2;
        let mut word = word_stream(ccp);
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
            word[papx + 24 + 13 * i] = if i == 3 && row_end { 160 } else { 150 };
        }
        word[papx + 300..papx + 303].copy_from_slice(&[2, 0, 0]);
        word[papx + 320..papx + 326].copy_from_slice(&[3, 0, 0, 0x17, 0x24, 1]);
        word[papx + 511] = 5;

        let mut table = vec![0u8; 400];
        put16(&mut table, 0, 18);
        put16(&mut table, 4, 10);
        let fonts = font_table(&["Times New Roman", ".VnTimeH"]);
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
        set_pairs(
            &mut word,
            &[
                (1, (0, 20)),
                (12, (256, 12)),
                (13, (272, 12)),
                (15, (32, fonts.len())),
                (33, (300, clx.len())),
            ],
        );

        compound(&word, &table)
    }

    /// A font table (`SttbfFfn`) of `names`, each `FFN` its name after 39 bytes of metrics.
    fn font_table(names: &[&str]) -> Vec<u8> {
        let mut fonts = vec![names.len() as u8, 0, 0, 0];
        for name in names {
            let mut ffn = vec![0u8; 39];
            ffn.extend(name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
            fonts.push(ffn.len() as u8);
            fonts.extend(ffn);
        }
        fonts
    }

    /// Points the FIB's pairs `(index, (fc, lcb))` at structures of the table stream.
    fn set_pairs(word: &mut [u8], pairs: &[(usize, (usize, usize))]) {
        for &(i, (fc, lcb)) in pairs {
            put32(word, 154 + 8 * i, fc as u32);
            put32(word, 154 + 8 * i + 4, lcb as u32);
        }
    }

    /// The table stream of a file whose text lies at offsets 1024 … `end` of `word`, its
    /// character and paragraph properties on pages 3 and 4: the style sheet of `styles`
    /// ([`style_entry`], the document's font the first), the fonts `fonts`, the bin tables and
    /// the pieces `(cp_end, raw fc)` one after the other from 0; the FIB points at them.
    fn table_stream(
        word: &mut [u8],
        styles: &[Vec<u8>],
        fonts: &[&str],
        end: u32,
        pieces: &[(usize, u32)],
    ) -> Vec<u8> {
        let mut table = vec![0u8; 20];
        put16(&mut table, 0, 18);
        put16(&mut table, 2, styles.len() as u16);
        put16(&mut table, 4, 10);
        table.extend(styles.concat());
        let stsh = (0, table.len());
        let fonts = font_table(fonts);
        let fonts_at = (table.len(), fonts.len());
        table.extend(fonts);
        let mut bte = |pn: u32| {
            let at = table.len();
            for v in [1024, end, pn] {
                table.extend(v.to_le_bytes());
            }
            (at, 12)
        };
        let (bte_chpx, bte_papx) = (bte(3), bte(4));
        let mut clx = vec![2u8, 0, 0, 0, 0];
        for cp in [0].into_iter().chain(pieces.iter().map(|p| p.0)) {
            clx.extend((cp as u32).to_le_bytes());
        }
        for (_, fc) in pieces {
            clx.extend([0, 0]);
            clx.extend(fc.to_le_bytes());
            clx.extend([0, 0]);
        }
        let lcb = (clx.len() - 5) as u32;
        clx[1..5].copy_from_slice(&lcb.to_le_bytes());
        let clx_at = (table.len(), clx.len());
        table.extend(clx);
        set_pairs(
            word,
            &[
                (1, stsh),
                (12, bte_chpx),
                (13, bte_papx),
                (15, fonts_at),
                (33, clx_at),
            ],
        );
        table
    }

    /// The runs of each paragraph: `(text, font)`.
    fn runs_of(paragraphs: &[Paragraph]) -> Vec<Vec<(&str, Option<&str>)>> {
        paragraphs
            .iter()
            .map(|p| {
                p.runs
                    .iter()
                    .map(|r| (r.text.as_str(), r.font.as_deref()))
                    .collect()
            })
            .collect()
    }

    /// A compound file with a Word document's two streams.
    fn compound(word: &[u8], table: &[u8]) -> Vec<u8> {
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("creates");
        for (name, data) in [("WordDocument", word), ("1Table", table)] {
            let mut s = cf.create_stream(name).expect("stream");
            s.write_all(data).expect("writes");
        }
        cf.flush().expect("flushes");
        cf.into_inner().into_inner()
    }

    /// A list level (`LVL`): start, number format, what follows the number (0 tab, 2
    /// nothing), restart limit (`None`: restart after any level above), and the level text,
    /// `%1` … `%9` written as the placeholders 0 … 8.
    fn lvl(start: i32, nfc: u8, follow: u8, restart: Option<u8>, text: &str) -> Vec<u8> {
        let mut units: Vec<u16> = Vec::new();
        let mut places = Vec::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek().and_then(|d| d.to_digit(10)) {
                Some(d) if c == '%' => {
                    chars.next();
                    units.push(d as u16 - 1);
                    places.push(units.len() as u8);
                }
                _ => units.extend(c.encode_utf16(&mut [0; 2]).iter()),
            }
        }
        let mut out = vec![0u8; 28];
        out[..4].copy_from_slice(&start.to_le_bytes());
        out[4] = nfc;
        out[5] = if restart.is_some() { 0x08 } else { 0 };
        out[6..6 + places.len()].copy_from_slice(&places);
        out[15] = follow;
        out[26] = restart.unwrap_or(0);
        out.extend((units.len() as u16).to_le_bytes());
        out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        out
    }

    /// A Word 97 file of numbered paragraphs `(text, ilfo, ilvl)` in one compressed piece,
    /// with two list definitions (a three-level `Điều 1.` / `1.1.` / `a)` list and a simple
    /// roman list followed by nothing) and three lists: two of the first definition, one of
    /// the second that starts at 4.
    fn numbered_doc(paragraphs: &[(&str, u16, u8)]) -> Vec<u8> {
        let text: Vec<u8> = paragraphs
            .iter()
            .flat_map(|(t, _, _)| t.bytes().chain([b'\r']))
            .collect();
        let mut word = word_stream(text.len());
        word[1024..1024 + text.len()].copy_from_slice(&text);
        // Paragraph properties (page 4): one run a paragraph, each with sprmPIlfo, sprmPIlvl.
        let papx = 2048;
        let mut fc = 1024;
        put32(&mut word, papx, fc);
        for (i, (t, ilfo, ilvl)) in paragraphs.iter().enumerate() {
            fc += t.len() as u32 + 1;
            put32(&mut word, papx + 4 * (i + 1), fc);
            let at = 200 + 10 * i;
            word[papx + 4 * (paragraphs.len() + 1) + 13 * i] = (at / 2) as u8;
            let [lo, hi] = ilfo.to_le_bytes();
            word[papx + at..papx + at + 10]
                .copy_from_slice(&[5, 0, 0, 0x0B, 0x46, lo, hi, 0x0A, 0x26, *ilvl]);
        }
        word[papx + 511] = paragraphs.len() as u8;

        let mut table = vec![0u8; 20];
        put16(&mut table, 0, 18);
        put16(&mut table, 4, 10);
        let papx_plc = table.len();
        for v in [1024, fc, 4] {
            table.extend(v.to_le_bytes());
        }
        let lists = table.len();
        table.extend(2u16.to_le_bytes());
        for (lsid, simple) in [(0x1111u32, 0u8), (0x2222, 1)] {
            table.extend(lsid.to_le_bytes());
            table.extend([0; 4]);
            table.extend([0xFF, 0x0F].repeat(9));
            table.extend([simple, 0]);
        }
        let lists_len = table.len() - lists;
        table.extend(lvl(1, 0, 0, None, "Điều %1."));
        table.extend(lvl(1, 0, 0, None, "%1.%2."));
        table.extend(lvl(1, 4, 0, None, "%3)"));
        for k in 3..9 {
            table.extend(lvl(1, 0, 0, Some(0), &format!("%{}.", k + 1)));
        }
        table.extend(lvl(1, 1, 2, None, "%1."));
        let overrides = table.len();
        table.extend(3u32.to_le_bytes());
        for (lsid, count) in [(0x1111u32, 0u8), (0x1111, 0), (0x2222, 1)] {
            table.extend(lsid.to_le_bytes());
            table.extend([0; 8]);
            table.extend([count, 0, 0, 0]);
        }
        // LFOData: a character position, then the third list's start override (fStartAt).
        table.extend([0; 12]);
        table.extend(4i32.to_le_bytes());
        table.extend(0x10u32.to_le_bytes());
        let overrides_len = table.len() - overrides;
        let clx_at = table.len();
        let mut clx = vec![2u8];
        clx.extend(16u32.to_le_bytes());
        clx.extend(0u32.to_le_bytes());
        clx.extend((text.len() as u32).to_le_bytes());
        clx.extend([0, 0]);
        clx.extend((2048u32 | 0x4000_0000).to_le_bytes());
        clx.extend([0, 0]);
        table.extend(&clx);
        set_pairs(
            &mut word,
            &[
                (1, (0, 20)),
                (13, (papx_plc, 12)),
                (33, (clx_at, clx.len())),
                (73, (lists, lists_len)),
                (74, (overrides, overrides_len)),
            ],
        );
        compound(&word, &table)
    }

    #[test]
    fn list_numbers_are_drawn_from_the_list_tables() {
        let doc = numbered_doc(&[
            ("A", 1, 0),
            ("B", 1, 1),
            ("C", 1, 2),
            ("D", 1, 2),
            ("E", 1, 1),
            ("F", 1, 2),
            ("not in a list", 0, 0),
            // Another list of the same definition continues it, as Word draws it.
            ("G", 2, 0),
            // A start override counts on its own; nothing follows the number.
            ("H", 3, 0),
            ("I", 3, 0),
        ]);
        let paragraphs = read(&doc).expect("reads");
        let text = to_text(&paragraphs, Legacy::Detect).text;
        assert_eq!(
            text,
            "Điều 1. A\n1.1. B\na) C\nb) D\n1.2. E\na) F\nnot in a list\nĐiều 2. G\nIV.H\nV.I\n"
        );
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
        // A row whose end mark is not found ends where text outside any table begins.
        let paragraphs = read(&tiny_doc_with(false)).expect("reads");
        let text = to_text(&paragraphs, Legacy::Detect).text;
        assert_eq!(text, "CỘNG HÒA\na | b\nHà Nội\n");
    }

    /// A style (`STD`, 10 bytes of base) named `name` of kind `stk` (1 paragraph, 2 character)
    /// based on `base` (`0x0FFF` none) that sets font `ftc`, then the character sprms `more`.
    fn style_entry(stk: u16, base: u16, name: &str, ftc: u16, more: &[u8]) -> Vec<u8> {
        let mut std = vec![0u8; 10];
        put16(&mut std, 2, stk | (base << 4));
        std.extend((name.len() as u16).to_le_bytes());
        std.extend(name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
        if stk == 1 {
            // The paragraph properties: the style's index alone.
            std.extend([2, 0, 0, 0]);
        }
        let [lo, hi] = ftc.to_le_bytes();
        std.extend((4 + more.len() as u16).to_le_bytes());
        std.extend([0x4F, 0x4A, lo, hi]);
        std.extend(more);
        let mut out = (std.len() as u16).to_le_bytes().to_vec();
        out.extend(std);
        out
    }

    /// A Word 97 file as a fast save leaves it: the paragraph `Vi\xD6t Nam` (TCVN3) in the
    /// style `Body` (`.VnTime`) has its first word stored after the rest, where the paragraph
    /// runs say `Normal` (`VNI-Times`); the next paragraph, in `Normal`, holds a run in the
    /// character style `Caps` (`.VnTimeH`).
    fn fast_saved_doc() -> Vec<u8> {
        let later: &[u8] = b"Vi\xD6t ";
        let first: &[u8] = b"Nam\rc\xE9ng\r";
        let ccp = later.len() + first.len();
        let mut word = word_stream(ccp);
        word[1024..1024 + first.len()].copy_from_slice(first);
        word[1280..1280 + later.len()].copy_from_slice(later);
        let end = 1280 + later.len() as u32;
        // Character properties (page 3): `c\xE9ng` in the character style 2 (sprmCIstd).
        let chpx = 1536;
        for (i, fc) in [1024, 1028, 1032, end].into_iter().enumerate() {
            put32(&mut word, chpx + 4 * i, fc);
        }
        word[chpx + 17] = 128;
        word[chpx + 256..chpx + 261].copy_from_slice(&[4, 0x30, 0x4A, 2, 0]);
        word[chpx + 511] = 3;
        // Paragraph properties (page 4): the first mark in style 1, everything else in 0.
        let papx = 2048;
        for (i, fc) in [1024, 1028, 1033, 1280, end].into_iter().enumerate() {
            put32(&mut word, papx + 4 * i, fc);
        }
        for (i, istd) in [1u8, 0, 0, 0].into_iter().enumerate() {
            let at = 300 + 4 * i;
            word[papx + 20 + 13 * i] = (at / 2) as u8;
            word[papx + at..papx + at + 3].copy_from_slice(&[2, istd, 0]);
        }
        word[papx + 511] = 4;

        let styles = [
            style_entry(1, 0x0FFF, "Normal", 1, &[]),
            style_entry(1, 0, "Body", 2, &[]),
            style_entry(2, 0x0FFF, "Caps", 3, &[]),
        ];
        let fonts = ["Times New Roman", "VNI-Times", ".VnTime", ".VnTimeH"];
        // The pieces: the word typed later (stored at 1280), then the rest (at 1024).
        let pieces = [
            (later.len(), (1280 * 2) | 0x4000_0000),
            (ccp, (1024 * 2) | 0x4000_0000),
        ];
        let table = table_stream(&mut word, &styles, &fonts, end, &pieces);
        compound(&word, &table)
    }

    #[test]
    fn fonts_of_the_paragraph_mark_and_of_character_styles() {
        let paragraphs = read(&fast_saved_doc()).expect("reads");
        assert_eq!(
            runs_of(&paragraphs),
            [
                vec![("Vi\u{D6}t Nam", Some(".VnTime"))],
                vec![("c\u{E9}ng", Some(".VnTimeH"))],
            ],
            "the word stored later is in its paragraph's style; a character style's font"
        );
        let text = to_text(&paragraphs, Legacy::Detect).text;
        assert_eq!(text, "Việt Nam\nCỘNG\n");
    }

    /// `sprmCFCaps` ("All caps") with the toggle operand `toggle`.
    const fn caps(toggle: u8) -> [u8; 3] {
        [0x3B, 0x08, toggle]
    }

    /// A piece of text and its character sprms.
    type TextRun<'a> = (&'a str, &'a [u8]);

    /// A Word 97 file of paragraphs `(style, runs)` in one UTF-16 piece, each run `(text, its
    /// character sprms)`, with the style sheet `styles` ([`style_entry`]) and the fonts
    /// `Times New Roman` (the default) and `.VnTime`.
    fn styled_doc(paragraphs: &[(u8, &[TextRun])], styles: &[Vec<u8>]) -> Vec<u8> {
        let mut units: Vec<u16> = Vec::new();
        let mut runs: Vec<(usize, &[u8])> = Vec::new();
        let mut marks: Vec<(usize, u8)> = Vec::new();
        for &(istd, paragraph) in paragraphs {
            for &(text, sprms) in paragraph.iter().chain([&("\r", &[][..])]) {
                units.extend(text.encode_utf16());
                runs.push((1024 + 2 * units.len(), sprms));
            }
            marks.push((1024 + 2 * units.len(), istd));
        }
        let end = 1024 + 2 * units.len();
        assert!(end <= 1536, "the text fits before the property pages");
        let mut word = word_stream(units.len());
        for (k, u) in units.iter().enumerate() {
            put16(&mut word, 1024 + 2 * k, *u);
        }
        // Character properties (page 3): one run a piece of text, its sprms (CHPX) after the
        // offsets, at even places.
        let (chpx, n) = (1536, runs.len());
        put32(&mut word, chpx, 1024);
        let mut at = 5 * n + 4 + (5 * n + 4) % 2;
        for (i, &(fc, sprms)) in runs.iter().enumerate() {
            put32(&mut word, chpx + 4 * (i + 1), fc as u32);
            if !sprms.is_empty() {
                word[chpx + 4 * (n + 1) + i] = (at / 2) as u8;
                word[chpx + at] = sprms.len() as u8;
                word[chpx + at + 1..chpx + at + 1 + sprms.len()].copy_from_slice(sprms);
                at += 1 + sprms.len();
                at += at % 2;
            }
        }
        word[chpx + 511] = n as u8;
        // Paragraph properties (page 4): one run a paragraph, its style alone.
        let (papx, m) = (2048, marks.len());
        put32(&mut word, papx, 1024);
        let first = 17 * m + 4 + (17 * m + 4) % 2;
        for (i, &(fc, istd)) in marks.iter().enumerate() {
            put32(&mut word, papx + 4 * (i + 1), fc as u32);
            let at = first + 4 * i;
            word[papx + 4 * (m + 1) + 13 * i] = (at / 2) as u8;
            word[papx + at..papx + at + 3].copy_from_slice(&[2, istd, 0]);
        }
        word[papx + 511] = m as u8;

        let fonts = ["Times New Roman", ".VnTime"];
        let pieces = [(units.len(), 1024)];
        let table = table_stream(&mut word, styles, &fonts, end as u32, &pieces);
        compound(&word, &table)
    }

    #[test]
    fn all_caps_from_runs_and_styles_with_toggles() {
        let styles = [
            style_entry(1, 0x0FFF, "Normal", 0, &[]),
            // In capitals: the opposite of its base's value.
            style_entry(1, 0, "Heading", 0, &caps(0x81)),
            style_entry(2, 0x0FFF, "Loud", 0, &caps(0x01)),
            // Not in capitals: the opposite of its base's (Heading) value.
            style_entry(1, 1, "Plain", 0, &caps(0x81)),
        ];
        let loud_off: &[u8] = &[0x30, 0x4A, 2, 0, 0x3B, 0x08, 0x81];
        let legacy_caps: &[u8] = &[0x4F, 0x4A, 1, 0, 0x3B, 0x08, 0x01];
        let doc = styled_doc(
            &[
                (1, &[("điều 1", &[]), (" nhỏ", &caps(0x81))]),
                (
                    0,
                    &[
                        ("a ", &[]),
                        ("b ", &[0x30, 0x4A, 2, 0]),
                        ("c ", &caps(0x01)),
                        ("d ", &caps(0x80)),
                        ("thư", loud_off),
                    ],
                ),
                (0, &[("c\u{E9}ng", legacy_caps)]),
                (3, &[("điều 2", &[])]),
            ],
            &styles,
        );
        let paragraphs = read(&doc).expect("reads");
        // As the text is made: capitals drawn once the runs are decoded.
        let text = to_text(&paragraphs, Legacy::Detect).text;
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["ĐIỀU 1 nhỏ", "a B C d thư", "cộng", "điều 2"],
            "capitals from the paragraph style (0x81 over Normal), turned off by a run's 0x81; \
             from a character style and a run's own 1; a run's 0x80 takes Normal's none, its \
             0x81 turns its character style's off; a legacy run is left as typed; a style's \
             0x81 over a style in capitals turns them off"
        );
    }

    #[test]
    fn hidden_and_deleted_text_is_left_out() {
        // sprmCFVanish (0x083C) with a toggle operand, as the capitals' sprm.
        let vanish = |t: u8| [0x3C, 0x08, t];
        let styles = [
            style_entry(1, 0x0FFF, "Normal", 0, &[]),
            style_entry(1, 0, "Hidden", 0, &vanish(0x01)),
        ];
        let doc = styled_doc(
            &[
                (
                    0,
                    &[("Hình thức ", &vanish(0x01)), ("Lương thời gian", &[])],
                ),
                (1, &[("ẩn", &[]), ("hiện", &vanish(0x81))]),
                // sprmCFRMarkDel and sprmCFRMarkIns: deleted and inserted while changes were
                // tracked.
                (
                    0,
                    &[
                        ("Điều 2", &[0x00, 0x08, 0x01]),
                        ("Điều 3\u{05}", &[]),
                        (" mới", &[0x01, 0x08, 0x01]),
                    ],
                ),
            ],
            &styles,
        );
        let read = to_text(&read(&doc).expect("reads"), Legacy::Detect);
        assert_eq!(
            read.text.lines().collect::<Vec<_>>(),
            ["Lương thời gian", "hiện", "Điều 3 mới"],
            "a run's own hidden text; a hidden paragraph style, shown again by a run's 0x81; \
             text deleted in tracked changes, and text inserted; a comment's reference is no text"
        );
        let counted = Revised {
            deleted: 6,
            inserted: 4,
            comments: 1,
        };
        assert_eq!(
            read.revised,
            [(3, counted)],
            "the changes of line 3 and its comment (the 0x05 reference), counted"
        );
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

    /// The structures of a table stream: `(FIB pair index, bytes)`.
    type Plcs = Vec<(usize, Vec<u8>)>;

    /// A damage done to a test file's structures, and what it is.
    type Damage<'a> = (&'a str, &'a dyn Fn(&mut Plcs));

    /// The stories of a test file, one after the other: main text, footnotes, headers, endnotes
    /// and text boxes, each its text (`\r` ending paragraphs).
    #[derive(Default)]
    struct Stories<'a> {
        main: &'a str,
        footnotes: &'a str,
        headers: &'a str,
        endnotes: &'a str,
        boxes: &'a str,
        /// The characters of the main text in a table's cells (`sprmPFInTable`).
        in_table: Range<usize>,
        /// The paragraphs in the table's cells are numbered (`sprmPIlfo` 1: a simple list
        /// drawn `1.`), each its own run of properties.
        numbered: bool,
    }

    /// A Word 97 file of `stories` in one UTF-16 piece, every character in the default font,
    /// whose table stream holds the structures `plcs` `(FIB pair index, bytes)` after the others.
    fn stories_doc(stories: &Stories, plcs: &Plcs) -> Vec<u8> {
        let all = [
            stories.main,
            stories.footnotes,
            stories.headers,
            stories.endnotes,
            stories.boxes,
        ];
        let units: Vec<u16> = all.concat().encode_utf16().collect();
        let end = 1024 + 2 * units.len();
        assert!(end <= 1536, "the text fits before the property pages");
        let mut word = word_stream(len(stories.main));
        // ccpFtn, ccpHdd, ccpEdn, ccpTxbx (FibRgLw97 indices 4, 5, 8, 9).
        for (i, story) in [
            (4, stories.footnotes),
            (5, stories.headers),
            (8, stories.endnotes),
        ]
        .into_iter()
        .chain([(9, stories.boxes)])
        {
            put32(&mut word, 64 + 4 * i, len(story) as u32);
        }
        for (k, u) in units.iter().enumerate() {
            put16(&mut word, 1024 + 2 * k, *u);
        }
        if !stories.in_table.is_empty() {
            // Paragraph properties (page 4): in a table; one run, or one a paragraph when
            // numbered, each paragraph ending at its mark.
            let (papx, cells) = (2048, &stories.in_table);
            let mut bounds = vec![cells.start];
            if stories.numbered {
                let marks = stories
                    .main
                    .encode_utf16()
                    .enumerate()
                    .filter(|(cp, u)| cells.contains(cp) && matches!(*u, 0x0D | 0x07));
                bounds.extend(marks.map(|(cp, _)| cp + 1).filter(|&cp| cp < cells.end));
            }
            bounds.push(cells.end);
            let table_runs = bounds.len() - 1;
            if stories.numbered {
                // The rest of the text (the text boxes' story too) in plain paragraphs.
                bounds.push(units.len());
            }
            let runs = bounds.len() - 1;
            for (i, cp) in bounds.iter().enumerate() {
                put32(&mut word, papx + 4 * i, 1024 + 2 * *cp as u32);
            }
            for i in 0..runs {
                word[papx + 4 * (runs + 1) + 13 * i] = if i < table_runs { 150 } else { 165 };
            }
            word[papx + 330..papx + 333].copy_from_slice(&[1, 0, 0]);
            let props: &[u8] = if stories.numbered {
                &[5, 0, 0, 0x16, 0x24, 1, 0x0B, 0x46, 1, 0, 0]
            } else {
                &[3, 0, 0, 0x16, 0x24, 1]
            };
            word[papx + 300..papx + 300 + props.len()].copy_from_slice(props);
            word[papx + 511] = runs as u8;
        }
        let styles = [style_entry(1, 0x0FFF, "Normal", 0, &[])];
        let pieces = [(units.len(), 1024)];
        let mut table = table_stream(
            &mut word,
            &styles,
            &["Times New Roman"],
            end as u32,
            &pieces,
        );
        for (i, bytes) in plcs {
            set_pairs(&mut word, &[(*i, (table.len(), bytes.len()))]);
            table.extend(bytes);
        }
        compound(&word, &table)
    }

    /// The characters of `text`.
    fn len(text: &str) -> usize {
        text.encode_utf16().count()
    }

    /// A PLC of the positions `cps` and the data elements `data`.
    fn plc(cps: &[usize], data: &[&[u8]]) -> Vec<u8> {
        let mut out: Vec<u8> = cps
            .iter()
            .flat_map(|&cp| (cp as u32).to_le_bytes())
            .collect();
        out.extend(data.concat());
        out
    }

    /// A text box's `FTXBXS`: the shape it belongs to, or a spare Word keeps for reuse.
    fn ftxbxs(lid: u32, reusable: bool) -> Vec<u8> {
        let mut out = vec![0u8; 22];
        put16(&mut out, 8, u16::from(reusable));
        put32(&mut out, 14, lid);
        out
    }

    /// An `FSPA` for the shape `spid`.
    fn fspa(spid: u32) -> Vec<u8> {
        let mut out = vec![0u8; 26];
        put32(&mut out, 0, spid);
        out
    }

    /// An OfficeArt record: a container (`ver` 0xF) or an atom.
    fn record(container: bool, kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = u16::from(if container { 0xFu8 } else { 2 })
            .to_le_bytes()
            .to_vec();
        out.extend(kind.to_le_bytes());
        out.extend((data.len() as u32).to_le_bytes());
        out.extend(data);
        out
    }

    /// A shape (`OfficeArtSpContainer` holding its `OfficeArtFSP`).
    fn shape(spid: u32) -> Vec<u8> {
        let mut fsp = spid.to_le_bytes().to_vec();
        fsp.extend([0; 4]);
        record(true, 0xF004, &record(false, 0xF00A, &fsp))
    }

    /// The drawings of a document: the drawing group, then one drawing whose top group (its
    /// own shape 1024) holds the groups `groups` (the group's id, its members' ids).
    fn drawings(groups: &[(u32, &[u32])]) -> Vec<u8> {
        let mut top = shape(1024);
        for (group, members) in groups {
            let mut inner = shape(*group);
            for &m in *members {
                inner.extend(shape(m));
            }
            top.extend(record(true, 0xF003, &inner));
        }
        let mut out = record(true, 0xF000, &[]);
        out.push(0);
        out.extend(record(true, 0xF002, &record(true, 0xF003, &top)));
        out
    }

    /// A document with a text box anchored in its second paragraph (its shape in a group), a
    /// footnote, an endnote, and a page header and footer (the header repeated on the first
    /// page, the footer with a page number).
    fn storied_doc(damage: impl Fn(&mut Plcs)) -> Vec<u8> {
        let main = "CỘNG HÒA\r\u{8}Điều 1. Quy định\u{2}\rĐiều 2. Thi hành\u{2}\r";
        let footnotes = "\u{2} Chú thích\r\r";
        let endnotes = "\u{2} Ghi chú cuối\r\r";
        let odd_header = "Văn phòng Quốc hội\r";
        let odd_footer = "Trang \u{13} PAGE \u{14}3\u{15}\r";
        let headers = format!("{odd_header}{odd_footer}{odd_header}\r");
        let boxes = "Mạng quốc gia\r\r";
        let anchor = len("CỘNG HÒA\r");
        let footnote = main
            .find('\u{2}')
            .map(|i| len(&main[..i]))
            .expect("a reference");
        let endnote = len(main) - 2;
        let (h, f) = (len(odd_header), len(odd_footer));
        // Six separators, then a section: even and odd header, even and odd footer, first
        // page's header and footer.
        let hdd = [0, 0, 0, 0, 0, 0, 0, 0, h, h, h + f, h + f + h, h + f + h, 0];
        let mut plcs = vec![
            (2, plc(&[footnote, len(main)], &[&1u16.to_le_bytes()])),
            (3, plc(&[0, len(footnotes) - 1, len(footnotes)], &[])),
            (46, plc(&[endnote, len(main)], &[&1u16.to_le_bytes()])),
            (47, plc(&[0, len(endnotes) - 1, len(endnotes)], &[])),
            (11, plc(&hdd, &[])),
            (40, plc(&[anchor, len(main)], &[&fspa(2000)])),
            (
                56,
                plc(
                    &[0, len(boxes) - 1, len(boxes)],
                    &[&ftxbxs(1025, false), &ftxbxs(0, true)],
                ),
            ),
            (50, drawings(&[(2000, &[1025])])),
        ];
        damage(&mut plcs);
        stories_doc(
            &Stories {
                main,
                footnotes,
                headers: &headers,
                endnotes,
                boxes,
                ..Stories::default()
            },
            &plcs,
        )
    }

    #[test]
    fn text_boxes_notes_headers_and_footers() {
        let text = to_text(&read(&storied_doc(|_| {})).expect("reads"), Legacy::Detect).text;
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "CỘNG HÒA",
                "Điều 1. Quy định1",
                "Mạng quốc gia",
                "Điều 2. Thi hành2",
                "",
                "1 Chú thích",
                "2 Ghi chú cuối",
                "",
                "Văn phòng Quốc hội",
                "Trang",
            ],
            "the text box after its anchor's paragraph (its shape a group's member); notes \
             numbered at the reference and leading the note, footnotes and endnotes in one \
             sequence as DOCX has them; the header once, then the footer without its page number"
        );
    }

    #[test]
    fn a_note_with_its_own_mark_takes_no_number() {
        // The footnote's mark is the author's (`nAuto` 0): Word counts only automatic marks,
        // so the endnote is 1.
        let doc = storied_doc(|plcs| {
            for (i, bytes) in plcs.iter_mut() {
                if *i == 2 {
                    let n = bytes.len();
                    put16(bytes, n - 2, 0);
                }
            }
        });
        let text = to_text(&read(&doc).expect("reads"), Legacy::Detect).text;
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(lines.contains(&"Điều 1. Quy định"), "{text}");
        assert!(lines.contains(&"Điều 2. Thi hành1"), "{text}");
        assert!(lines.contains(&"Chú thích"), "{text}");
        assert!(lines.contains(&"1 Ghi chú cuối"), "{text}");
    }

    #[test]
    fn a_text_box_of_no_anchored_shape_follows_the_text() {
        // The shape anchored in the text is another; the drawings name no group.
        let doc = storied_doc(|plcs| {
            plcs.retain(|(i, _)| *i != 50);
            for (i, bytes) in plcs.iter_mut() {
                if *i == 40 {
                    let n = bytes.len();
                    put32(bytes, n - 26, 3000);
                }
            }
        });
        let text = to_text(&read(&doc).expect("reads"), Legacy::Detect).text;
        assert_eq!(
            text.lines().take(5).collect::<Vec<_>>(),
            [
                "CỘNG HÒA",
                "Điều 1. Quy định1",
                "Điều 2. Thi hành2",
                "Mạng quốc gia",
                "",
            ],
            "kept after the main text, before the notes"
        );
    }

    /// The structures of one text box (`boxes`, shape 1025) anchored at `anchor` of `main`.
    fn one_box(anchor: usize, main: &str, boxes: &str) -> Plcs {
        vec![
            (40, plc(&[anchor, len(main)], &[&fspa(1025)])),
            (
                56,
                plc(
                    &[0, len(boxes) - 1, len(boxes)],
                    &[&ftxbxs(1025, false), &ftxbxs(0, true)],
                ),
            ),
        ]
    }

    #[test]
    fn a_text_box_anchored_in_a_cell_stays_in_it() {
        let main = "Tiêu đề\r\u{8}a\u{7}b\u{7}";
        let boxes = "Mạng quốc gia\r\r";
        let anchor = len("Tiêu đề\r");
        let plcs = one_box(anchor, main, boxes);
        let doc = stories_doc(
            &Stories {
                main,
                boxes,
                in_table: anchor..len(main),
                ..Stories::default()
            },
            &plcs,
        );
        let text = to_text(&read(&doc).expect("reads"), Legacy::Detect).text;
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["Tiêu đề", "a | b", "Mạng quốc gia"],
            "the box's line after its anchor's in the first cell, not in the next"
        );
    }

    #[test]
    fn a_numbered_cell_with_a_text_box_is_numbered_once() {
        let main = "Tiêu đề\ra\u{7}b\u{7}Cuối\r";
        let boxes = "Mạng quốc gia\r\r";
        let anchor = len("Tiêu đề\r");
        // One simple list (`%1.`) and one list of it, without overrides.
        let mut lists = vec![1, 0];
        lists.extend(0x3333u32.to_le_bytes());
        lists.extend([0; 4]);
        lists.extend([0xFF, 0x0F].repeat(9));
        lists.extend([1, 0]);
        lists.extend(lvl(1, 0, 0, None, "%1."));
        let mut lfo = 1u32.to_le_bytes().to_vec();
        lfo.extend(0x3333u32.to_le_bytes());
        lfo.extend([0; 12]);
        lfo.extend([0; 4]);
        let mut plcs = one_box(anchor, main, boxes);
        plcs.extend([(73, lists), (74, lfo)]);
        let doc = stories_doc(
            &Stories {
                main,
                boxes,
                in_table: anchor..len("Tiêu đề\ra\u{7}b\u{7}"),
                numbered: true,
                ..Stories::default()
            },
            &plcs,
        );
        let text = to_text(&read(&doc).expect("reads"), Legacy::Detect).text;
        // The cell's mark after the box ends the paragraph numbered 1: `b` is 2.
        assert!(text.contains("1. a"), "{text}");
        assert!(text.contains("2. b"), "{text}");
        assert!(!text.contains('3'), "{text}");
        assert!(text.contains("Mạng quốc gia"), "{text}");
    }

    #[test]
    fn damaged_story_tables_keep_the_main_text() {
        let main = ["CỘNG HÒA", "Điều 1. Quy định", "Điều 2. Thi hành"];
        let cases: [Damage; 6] = [
            ("positions that go back", &|plcs| {
                // `…, 0, L, 0, L` read as it stands gives one story over and over.
                for (i, bytes) in plcs.iter_mut() {
                    if *i == 11 {
                        for k in (7..bytes.len() / 4).step_by(2) {
                            put32(bytes, 4 * k, 0);
                        }
                    }
                }
            }),
            ("truncated shapes, header stories", &|plcs| {
                for (i, bytes) in plcs.iter_mut() {
                    if matches!(*i, 11 | 40 | 56) {
                        bytes.truncate(7);
                    }
                }
            }),
            ("positions out of their stories", &|plcs| {
                for (i, bytes) in plcs.iter_mut() {
                    if matches!(*i, 3 | 11 | 40 | 47 | 56) {
                        put32(bytes, 4, 0x7FFF_FFF0);
                    }
                }
            }),
            ("a damaged drawing", &|plcs| {
                for (i, bytes) in plcs.iter_mut() {
                    if *i == 50 {
                        bytes.truncate(20);
                        put32(bytes, 4, 0xFFFF_FFF0);
                    }
                }
            }),
            ("absent structures", &|plcs| {
                plcs.retain(|(i, _)| !matches!(*i, 11 | 40 | 56));
            }),
            ("an anchor past the text", &|plcs| {
                for (i, bytes) in plcs.iter_mut() {
                    if *i == 40 {
                        put32(bytes, 0, 5000);
                    }
                }
            }),
        ];
        for (what, damage) in cases {
            let paragraphs = read(&storied_doc(damage)).expect("reads");
            let text = to_text(&paragraphs, Legacy::Detect).text;
            let mut lines = text.lines();
            assert_eq!(lines.next(), Some(main[0]), "{what}");
            for line in &main[1..] {
                assert!(
                    lines.any(|l| l.starts_with(line)),
                    "{what}: {line} kept in\n{text}"
                );
            }
            // A story whose table is damaged is read whole rather than lost, and once.
            for line in ["Mạng quốc gia", "Văn phòng Quốc hội", "Chú thích"] {
                assert_eq!(
                    text.matches(line).count(),
                    1,
                    "{what}: {line} once in\n{text}"
                );
            }
        }
    }
}
