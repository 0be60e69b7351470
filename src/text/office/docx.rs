//! Word 2007+ (`.docx`): a ZIP archive of XML parts (ECMA-376, Office Open XML). The main text
//! is `word/document.xml`; run fonts come from `w:rFonts` (direct formatting, else the character
//! style's, else the paragraph style's, else the document defaults of `word/styles.xml`);
//! automatic numbers exist only in `word/numbering.xml` and are resolved here as Word draws them
//! (`1.`, `1.1.`, `a)`, `Điều 1.`); footnotes (`word/footnotes.xml`) follow the main text, each
//! led by its number, the number also standing glued where the reference is (as in PDF text).
//!
//! Tables are laid out by [`Row`], as for `.doc`: the header's borderless two-column table gives
//! `issuer | national title` lines.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Cursor;

use super::numbering::{Format, Level, Num, Numbering};
use super::xml::{self, Condense, Event, Name, Reader, Resolved, Tag};
use super::{OfficeError, Paragraph, Row, is_page_number, push_furniture, push_notes};

fn fail(reason: impl Into<String>) -> OfficeError {
    OfficeError {
        format: "DOCX",
        reason: reason.into(),
    }
}

/// The parts read by name (headers, footers and notes are named by the document).
const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";
const RELATIONSHIPS: &str = "word/_rels/document.xml.rels";

/// The most bytes one XML part may inflate to: far above any real document, and a bound on
/// what a crafted archive can make us allocate.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the paragraphs of a `.docx` file: its main text, then its footnotes and endnotes (one
/// sequence of numbers, in the order the text refers to them). `Ok(None)` for a
/// ZIP archive that holds no Word document.
pub(crate) fn read(bytes: &[u8]) -> Result<Option<Vec<Paragraph>>, OfficeError> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        fail(format!(
            "not a valid ZIP archive, the file is damaged ({e})"
        ))
    })?;
    let mut package = Package {
        zip,
        bytes,
        inflater: Some(spare::inflater()),
    };
    let Some(document) = part(&mut package, DOCUMENT)? else {
        return Ok(None);
    };
    let styles_part = part(&mut package, STYLES)?;
    let styles_text = styles_part.as_ref().map(Part::text).transpose()?;
    let styles = styles_text
        .map(Styles::read)
        .transpose()?
        .unwrap_or_default();
    let mut walker = Walker::new(&styles, Some(&mut package), None);
    walker.walk(DOCUMENT, document.text()?)?;
    let mut out = std::mem::take(&mut walker.out);
    // Notes are shown where the text refers to them: a text that refers to none (most: the
    // notes part then holds only Word's separators) needs no notes read.
    if !walker.references.is_empty() {
        for name in ["word/footnotes.xml", "word/endnotes.xml"] {
            if let Some(notes) = walker.part(name)? {
                walker.walk(name, notes.text()?)?;
            }
        }
        let mut notes = std::mem::take(&mut walker.notes);
        let bodies = walker
            .references
            .iter()
            .filter_map(|(id, _)| notes.remove(id));
        push_notes(&mut out, bodies.flatten());
    }
    furniture(&mut walker, &mut out)?;
    Ok(Some(out))
}

/// The page headers and footers the sections refer to (`w:headerReference`,
/// `w:footerReference`), each part once, headers first: their text follows the document's (and
/// its notes) after a blank line, as page furniture ([`push_furniture`]) that the parser keeps
/// apart, without standing in front of the issuer and the national title.
/// A paragraph repeated by the even, first-page or another section's part is given once; page
/// numbers (`PAGE` fields) are left out, their cached value being one page's.
fn furniture(walker: &mut Walker<'_, '_>, out: &mut Vec<Paragraph>) -> Result<(), OfficeError> {
    if walker.furniture.is_empty() {
        return Ok(());
    }
    let Some(rels) = walker.part(RELATIONSHIPS)? else {
        return Ok(());
    };
    let targets = relationships(rels.text()?)?;
    let mut refs = std::mem::take(&mut walker.furniture);
    // Headers before footers, each in the order the sections name them.
    refs.sort_by_key(|(footer, _)| *footer);
    let mut parts: Vec<String> = Vec::new();
    for (_, id) in &refs {
        if let Some(target) = targets.get(id) {
            if !parts.contains(target) {
                parts.push(target.clone());
            }
        }
    }
    let mut lines: Vec<Paragraph> = Vec::new();
    for name in &parts {
        let Some(xml) = walker.part(name)? else {
            continue;
        };
        walker.walk(name, xml.text()?)?;
        lines.append(&mut walker.out);
    }
    push_furniture(out, lines);
    Ok(())
}

/// The header and footer parts of `word/_rels/document.xml.rels` by relationship id, as paths
/// in the archive (`header1.xml` is `word/header1.xml`).
fn relationships(xml: &str) -> Result<HashMap<String, String>, OfficeError> {
    let mut out = HashMap::new();
    tags(RELATIONSHIPS, xml, &[], |tag| {
        if let Node::Open(e, _) = tag {
            if e.name() != "Relationship" {
                return;
            }
            let kind = e.attr("Type").unwrap_or_default();
            if !(kind.ends_with("/header") || kind.ends_with("/footer")) {
                return;
            }
            if let (Some(id), Some(target)) = (attr_owned(e, "Id"), e.attr("Target")) {
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("word/{target}"),
                };
                out.insert(id, path);
            }
        }
    })?;
    Ok(out)
}

/// The key of a note by its element and id: footnotes and endnotes number their ids apart.
fn note_key(element: &str, id: &str) -> String {
    if element.starts_with("w:endnote") {
        format!("e{id}")
    } else {
        id.to_owned()
    }
}

/// A `.docx` file: its bytes, the directory of its archive, and what inflates its parts.
struct Package<'b> {
    zip: zip::ZipArchive<Cursor<&'b [u8]>>,
    bytes: &'b [u8],
    /// Taken from the thread's spare one and given back when the package is dropped.
    inflater: Option<libdeflater::Decompressor>,
}

impl Drop for Package<'_> {
    fn drop(&mut self) {
        if let Some(inflater) = self.inflater.take() {
            spare::give_back_inflater(inflater);
        }
    }
}

/// The text of one part, `None` when the archive has no such part. The archive's directory
/// (zip) says where the part's bytes lie; they are inflated here in one call into a buffer of
/// the size the directory declares (no intermediate reader and its copies), then checked
/// against the directory's CRC-32.
fn part(package: &mut Package<'_>, name: &str) -> Result<Option<Part>, OfficeError> {
    let zip = &mut package.zip;
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let damaged = |why: &dyn std::fmt::Display| damaged_part(name, why);
    let file = zip.by_index_raw(index).map_err(|e| {
        fail(format!(
            "the part {name} cannot be read: encrypted or damaged ({e})"
        ))
    })?;
    if file.encrypted() {
        return Err(fail("the document is encrypted (password protected)"));
    }
    let method = file.compression();
    let crc = file.crc32();
    // The size the archive declares, as far as it is believable: one allocation for the part.
    let declared = usize::try_from(file.size().min(MAX_PART_BYTES + 1)).unwrap_or(0);
    let span = file.data_start().and_then(|from| {
        let from = usize::try_from(from).ok()?;
        Some(from..from.checked_add(usize::try_from(file.compressed_size()).ok()?)?)
    });
    drop(file);
    let stored = span
        .and_then(|span| package.bytes.get(span))
        .ok_or_else(|| damaged(&"its data lies outside the file"))?;
    let too_large = || {
        fail(format!(
            "the part {name} inflates to more than {MAX_PART_BYTES} bytes"
        ))
    };
    // zip built without decompressors names deflate by its constant only.
    let part = if method == zip::CompressionMethod::STORE {
        Part {
            len: stored.len(),
            bytes: stored.to_vec(),
            name: name.to_owned(),
        }
    } else if method == zip::CompressionMethod::DEFLATE {
        let inflater = package.inflater.get_or_insert_with(Default::default);
        match inflate(inflater, stored, declared) {
            Ok((bytes, len)) => Part {
                bytes,
                len,
                name: name.to_owned(),
            },
            Err(Inflate::Damaged) => {
                return Err(damaged(&"its compressed data is damaged or cut short"));
            }
            Err(Inflate::TooLarge) => return Err(too_large()),
        }
    } else {
        return Err(fail(format!(
            "the part {name} is compressed by a method this reader lacks ({method})"
        )));
    };
    if part.len as u64 > MAX_PART_BYTES {
        return Err(too_large());
    }
    if crc32fast::hash(part.written()) != crc {
        return Err(damaged(&"its checksum does not match"));
    }
    Ok(Some(part))
}

/// Why a part's deflate stream gave no text.
#[derive(Debug, PartialEq, Eq)]
enum Inflate {
    /// Not a deflate stream, or one cut short.
    Damaged,
    /// It inflates to more than [`MAX_PART_BYTES`].
    TooLarge,
}

/// Inflates a raw deflate stream, whole, into a buffer of the `expected` size, doubled while
/// the stream holds more (a directory that under-declares), up to just past
/// [`MAX_PART_BYTES`]: the buffer ([`spare::take`]) and how many of its bytes the part is.
fn inflate(
    inflater: &mut libdeflater::Decompressor,
    stored: &[u8],
    expected: usize,
) -> Result<(Vec<u8>, usize), Inflate> {
    let limit = usize::try_from(MAX_PART_BYTES + 1).unwrap_or(usize::MAX);
    let mut size = expected.min(limit);
    loop {
        let mut out = spare::take(size);
        let result = inflater.deflate_decompress(stored, &mut out[..size]);
        match result {
            Ok(len) => return Ok((out, len)),
            Err(libdeflater::DecompressionError::InsufficientSpace) if size < limit => {
                size = size.saturating_mul(2).clamp(4096, limit);
            }
            Err(libdeflater::DecompressionError::InsufficientSpace) => {
                spare::give_back(out);
                return Err(Inflate::TooLarge);
            }
            Err(libdeflater::DecompressionError::BadData) => {
                spare::give_back(out);
                return Err(Inflate::Damaged);
            }
        }
        spare::give_back(out);
    }
}

/// Buffers parts were inflated into, and the decompressor, kept by each thread for its next parts.
///
/// A new buffer is written with zeros before libdeflate writes the part over them (safe code
/// cannot hand it memory never written): 4.2 MB of zeros for the document and styles parts of
/// the 35 DOCX of `../shared/office`, 4 % of reading them. A buffer given back keeps every byte
/// it was ever written (its length is never cut back to a part's), so a later part that fits is
/// inflated into it as it is; one that does not grows it by the difference. A thread keeps at
/// most [`BUFFERS`] buffers and [`BYTES`] bytes: a batch worker or a server thread holds that
/// much between documents, the price of not writing it again for each.
mod spare {
    use std::cell::RefCell;

    /// Buffers a thread keeps.
    const BUFFERS: usize = 4;
    /// Bytes a thread keeps in all.
    const BYTES: usize = 16 << 20;

    thread_local! {
        static SPARE: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
        /// A decompressor's tables are 10 KB set up anew by each (11,600 instructions): one a
        /// thread serves its documents one after another.
        static INFLATER: RefCell<Option<libdeflater::Decompressor>> = const { RefCell::new(None) };
    }

    /// The thread's decompressor, or a new one.
    pub(super) fn inflater() -> libdeflater::Decompressor {
        INFLATER.with_borrow_mut(Option::take).unwrap_or_default()
    }

    /// Keeps `inflater` for the thread's next document.
    pub(super) fn give_back_inflater(inflater: libdeflater::Decompressor) {
        INFLATER.with_borrow_mut(|kept| *kept = Some(inflater));
    }

    /// A buffer of at least `size` written bytes: the thread's smallest that holds as many, else
    /// its largest grown, else a new one.
    pub(super) fn take(size: usize) -> Vec<u8> {
        let kept = SPARE.with_borrow_mut(|spare| {
            let fits = (0..spare.len())
                .filter(|&k| spare[k].len() >= size)
                .min_by_key(|&k| spare[k].len());
            let k = fits.or_else(|| (0..spare.len()).max_by_key(|&k| spare[k].len()))?;
            Some(spare.swap_remove(k))
        });
        let mut buffer = kept.unwrap_or_default();
        if buffer.len() < size {
            buffer.resize(size, 0);
        }
        buffer
    }

    /// How many buffers, and bytes in all, the thread keeps.
    #[cfg(test)]
    pub(super) fn held() -> (usize, usize) {
        SPARE.with_borrow(|spare| (spare.len(), spare.iter().map(Vec::capacity).sum()))
    }

    /// Keeps `buffer` for the thread's next parts, if the thread holds less than its share
    /// (counted by what the buffers hold allocated, not only written).
    pub(super) fn give_back(buffer: Vec<u8>) {
        SPARE.with_borrow_mut(|spare| {
            let held: usize = spare.iter().map(Vec::capacity).sum();
            if spare.len() < BUFFERS && held + buffer.capacity() <= BYTES {
                spare.push(buffer);
            }
        });
    }
}

/// The bytes of an XML part and its name.
struct Part {
    /// The buffer the part was written into; its first `len` bytes are the part.
    bytes: Vec<u8>,
    len: usize,
    name: String,
}

impl Drop for Part {
    fn drop(&mut self) {
        spare::give_back(std::mem::take(&mut self.bytes));
    }
}

impl Part {
    /// The part's bytes.
    fn written(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// The part's text, without the byte order mark Word may write: Word writes its parts in
    /// UTF-8, checked here once (simdutf8: the parts are megabytes of markup whose
    /// standard-library check took a tenth of the reading).
    fn text(&self) -> Result<&str, OfficeError> {
        match simdutf8::basic::from_utf8(self.written()) {
            Ok(text) => Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
            Err(_) => Err(fail(format!("the part {} is not UTF-8 XML", self.name))),
        }
    }
}

/// Whether an OLE2 compound file is an encrypted Office Open XML package (what Word writes for
/// a password-protected `.docx`: an `EncryptedPackage` stream and no `WordDocument`).
pub(crate) fn is_encrypted_package(bytes: &[u8]) -> bool {
    cfb::CompoundFile::open(Cursor::new(bytes))
        .is_ok_and(|cf| cf.exists("EncryptedPackage") && !cf.exists("WordDocument"))
}

/// [`attr`] kept.
fn attr_owned(e: &Tag<'_>, name: &str) -> Option<String> {
    e.attr(name).map(Cow::into_owned)
}

/// A toggle property (`<w:caps/>`, `<w:vanish w:val="false"/>`).
fn toggle(e: &Tag<'_>) -> bool {
    !matches!(
        e.attr("w:val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// The font of a `w:rFonts`: the one Latin letters are drawn in (`w:ascii`, then `w:hAnsi`),
/// else a theme font's name, which is never a legacy font.
fn fonts<'e>(e: &Tag<'e>) -> Option<Cow<'e, str>> {
    e.first_attr([
        "w:ascii",
        "w:hAnsi",
        "w:asciiTheme",
        "w:hAnsiTheme",
        "w:cs",
        "w:eastAsia",
    ])
}

fn number<T: std::str::FromStr>(e: &Tag<'_>) -> Option<T> {
    e.attr("w:val").and_then(|v| v.trim().parse().ok())
}

/// The error of a part that cannot be read as it is, naming the part and why.
fn damaged_part(part: &str, why: &dyn std::fmt::Display) -> OfficeError {
    fail(format!("the part {part} is damaged ({why})"))
}

/// The error of a part that is not well-formed XML.
fn xml_error(part: &str) -> impl Fn(xml::XmlError) -> OfficeError + '_ {
    move |e| damaged_part(part, &format_args!("not well-formed XML: {e}"))
}

/// An element of a definitions part (styles, numbering) as [`tags`] gives it.
enum Node<'e> {
    /// An element opens; `true` when it is empty (`<w:b/>`), so that no end follows.
    Open(&'e Tag<'e>, bool),
    Close(&'e str),
}

/// Calls `on` for every element opening and closing in `xml`, the text of the part named `part`,
/// the elements of `condensed` condensed ([`Condense`]); text is not read.
fn tags(
    part: &str,
    xml: &str,
    condensed: &'static [Condense],
    mut on: impl FnMut(Node<'_>),
) -> Result<(), OfficeError> {
    let mut reader = Reader::condensing(xml, condensed);
    loop {
        match reader.next().map_err(xml_error(part))? {
            Event::Start(ref e) => on(Node::Open(e, false)),
            Event::Empty(ref e) => on(Node::Open(e, true)),
            Event::End(name) => on(Node::Close(name)),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Run properties a reader needs: the font and whether the text is drawn in capitals or hidden.
#[derive(Debug, Clone, Default)]
struct RunProps {
    /// The font's name when `font_set` (the string is reused from run to run).
    font_name: String,
    font_set: bool,
    caps: Option<bool>,
    vanish: Option<bool>,
}

impl RunProps {
    fn font(&self) -> Option<&str> {
        self.font_set.then_some(self.font_name.as_str())
    }

    /// A new run begins: nothing set (the font's string kept for reuse).
    fn clear(&mut self, style: &mut Option<String>) {
        self.font_set = false;
        self.caps = None;
        self.vanish = None;
        *style = None;
    }

    /// The children of a `w:rPr` a reader of the text needs: the character style (of a run;
    /// a style's own properties have none), then what [`RunProps::set`] reads.
    const WITH_STYLE: &[Name] = &[
        Name::new("w:rStyle"),
        Name::new("w:rFonts"),
        Name::new("w:caps"),
        Name::new("w:vanish"),
    ];
    const READ: &[Name] = Self::WITH_STYLE.split_at(1).1;

    /// Reads one child of a `w:rPr`.
    fn set(&mut self, name: &str, e: &Tag<'_>) {
        match name {
            "w:rFonts" => {
                if let Some(f) = fonts(e) {
                    self.font_name.clear();
                    self.font_name.push_str(&f);
                    self.font_set = true;
                }
            }
            "w:caps" => self.caps = Some(toggle(e)),
            "w:vanish" => self.vanish = Some(toggle(e)),
            _ => {}
        }
    }
}

/// A paragraph's list membership (`w:numPr`).
#[derive(Debug, Clone, Copy, Default)]
struct NumRef {
    num_id: Option<u32>,
    ilvl: Option<usize>,
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    run: RunProps,
    num: NumRef,
}

/// What a style gives the runs in it, its `w:basedOn` chain followed: each property from the
/// first style of the chain that sets it.
#[derive(Debug, Clone, Default)]
struct StyleRun {
    font: Option<String>,
    caps: Option<bool>,
    vanish: Option<bool>,
}

/// Style ids are short keys looked up for every piece of text: a fast hash (foldhash, already
/// built for the legacy detector) instead of the standard library's SipHash.
type ById<T> = HashMap<String, T, foldhash::fast::FixedState>;

/// The styles of `word/styles.xml` and the document defaults.
#[derive(Debug, Default)]
struct Styles {
    defaults: RunProps,
    styles: ById<Style>,
    /// Each style's run properties, resolved once when the part is read.
    runs: ById<StyleRun>,
}

/// `a` then `b`, as one list of `N` names (a build error unless `N` is their lengths' sum).
const fn joined<const N: usize>(a: &[Name], b: &[Name]) -> [Name; N] {
    assert!(a.len() + b.len() == N, "N must be the two lists' lengths");
    let mut out = [Name::new(""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

/// The longest `w:basedOn` chain followed (a loop in a damaged file ends there).
const MAX_STYLE_DEPTH: usize = 16;

impl Styles {
    fn read(xml: &str) -> Result<Self, OfficeError> {
        let mut out = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_defaults = false;
        let mut in_rpr = false;
        // Word's recommendations for the styles it knows (`w:latentStyles`, two thirds of
        // a styles part: hundreds of `w:lsdException`) say nothing a reader needs. Of a style
        // (its name, priority, paragraph and table properties: a dozen tags) only the base
        // style, the list and the run properties [`RunProps::set`] reads; each of these tags
        // stands in one place of a style only (`w:rFonts` in its `w:rPr`, `w:numId` in its
        // `w:numPr`), so they are read wherever they are in it. The document defaults' run
        // properties stand outside any style.
        const STYLE_WANTS: [Name; 6] = joined(
            &[
                Name::new("w:basedOn"),
                Name::new("w:numId"),
                Name::new("w:ilvl"),
            ],
            RunProps::READ,
        );
        const CONDENSED: &[Condense] = &[
            Condense {
                element: Name::new("w:latentStyles"),
                wanted: &[],
            },
            Condense {
                element: Name::new("w:style"),
                wanted: &STYLE_WANTS,
            },
            Condense {
                element: Name::new("w:rPr"),
                wanted: RunProps::READ,
            },
        ];
        tags(STYLES, xml, CONDENSED, |tag| match tag {
            Node::Open(e, empty) => {
                let name = e.name();
                match name {
                    "w:style" if !empty => {
                        let id = e.attr("w:styleId").unwrap_or_default();
                        current = Some((id.into_owned(), Style::default()));
                    }
                    "w:rPrDefault" if !empty => in_defaults = true,
                    "w:rPr" if !empty => in_rpr = true,
                    "w:basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = attr_owned(e, "w:val");
                        }
                    }
                    "w:numId" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.num.num_id = number(e);
                        }
                    }
                    "w:ilvl" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.num.ilvl = number(e);
                        }
                    }
                    // In a style, condensed or not, only its run properties' tags are
                    // among those `set` reads.
                    _ if in_rpr || current.is_some() => {
                        if let Some((_, s)) = current.as_mut() {
                            s.run.set(name, e);
                        } else if in_defaults {
                            out.defaults.set(name, e);
                        }
                    }
                    _ => {}
                }
            }
            Node::Close(name) => match name {
                "w:style" => {
                    if let Some((id, s)) = current.take() {
                        out.styles.insert(id, s);
                    }
                }
                "w:rPrDefault" => in_defaults = false,
                "w:rPr" => in_rpr = false,
                _ => {}
            },
        })?;
        out.runs = out
            .styles
            .keys()
            .map(|id| {
                let chain = Some(id.as_str());
                let run = StyleRun {
                    font: out.find(chain, |s| s.run.font().map(str::to_owned)),
                    caps: out.find(chain, |s| s.run.caps),
                    vanish: out.find(chain, |s| s.run.vanish),
                };
                (id.clone(), run)
            })
            .collect();
        Ok(out)
    }

    /// The run properties of style `id`, resolved.
    fn run(&self, id: Option<&str>) -> Option<&StyleRun> {
        self.runs.get(id?)
    }

    /// The first value `get` finds along the `w:basedOn` chain of style `id`.
    fn find<'s, T>(&'s self, id: Option<&str>, get: impl Fn(&'s Style) -> Option<T>) -> Option<T> {
        let mut id = id;
        for _ in 0..MAX_STYLE_DEPTH {
            let style = self.styles.get(id?)?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            id = style.based_on.as_deref();
        }
        None
    }
}

impl Numbering {
    fn read(xml: &str) -> Result<Self, OfficeError> {
        let mut out = Numbering::default();
        let mut abstract_id: Option<u32> = None;
        let mut levels: HashMap<usize, Level> = HashMap::new();
        let mut num: Option<(u32, Num)> = None;
        let mut override_lvl: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut in_rpr = false;
        // A level's paragraph properties (indents, tabs) say nothing of its number; of its run
        // properties only the font counts.
        const CONDENSED: &[Condense] = &[
            Condense {
                element: Name::new("w:pPr"),
                wanted: &[],
            },
            Condense {
                element: Name::new("w:rPr"),
                wanted: &[Name::new("w:rFonts")],
            },
        ];
        tags(NUMBERING, xml, CONDENSED, |tag| match tag {
            Node::Open(e, empty) => match e.name() {
                "w:abstractNum" if !empty => {
                    abstract_id = e.attr("w:abstractNumId").and_then(|v| v.parse().ok());
                    levels.clear();
                }
                "w:num" if !empty => {
                    num = e
                        .attr("w:numId")
                        .and_then(|v| v.parse().ok())
                        .map(|id| (id, Num::default()));
                }
                "w:abstractNumId" => {
                    if let (Some((_, n)), Some(v)) = (num.as_mut(), number(e)) {
                        n.abstract_id = v;
                    }
                }
                "w:lvlOverride" if !empty => {
                    override_lvl = e.attr("w:ilvl").and_then(|v| v.parse().ok());
                }
                "w:startOverride" => {
                    if let (Some((_, n)), Some(l)) = (num.as_mut(), override_lvl) {
                        n.overrides.entry(l).or_default().0 = number(e);
                    }
                }
                "w:lvl" if !empty => {
                    let ilvl = e.attr("w:ilvl").and_then(|v| v.parse().ok());
                    level = ilvl.map(|i| (i, Level::default()));
                }
                "w:rPr" if !empty => in_rpr = true,
                other => {
                    if let Some((_, l)) = level.as_mut() {
                        match other {
                            "w:start" => l.start = number(e).unwrap_or(1),
                            "w:numFmt" => {
                                l.format = Format::from_name(&e.attr("w:val").unwrap_or_default())
                            }
                            "w:lvlText" => l.text = attr_owned(e, "w:val").unwrap_or_default(),
                            "w:lvlRestart" => l.restart = number(e),
                            "w:isLgl" => l.legal = toggle(e),
                            "w:suff" => {
                                l.suffix = match e.attr("w:val").as_deref() {
                                    Some("nothing") => "",
                                    _ => " ",
                                }
                            }
                            "w:rFonts" if in_rpr => l.font = fonts(e).map(Cow::into_owned),
                            _ => {}
                        }
                    }
                }
            },
            Node::Close(name) => match name {
                "w:abstractNum" => {
                    if let Some(id) = abstract_id.take() {
                        out.abstracts.insert(id, std::mem::take(&mut levels));
                    }
                }
                "w:num" => {
                    if let Some((id, n)) = num.take() {
                        out.nums.insert(id, n);
                    }
                }
                "w:lvlOverride" => override_lvl = None,
                "w:rPr" => in_rpr = false,
                "w:lvl" => {
                    if let Some((i, l)) = level.take() {
                        match (num.as_mut(), override_lvl) {
                            (Some((_, n)), Some(o)) => {
                                n.overrides.entry(o).or_default().1 = Some(l)
                            }
                            _ => {
                                levels.insert(i, l);
                            }
                        }
                    }
                }
                _ => {}
            },
        })?;
        Ok(out)
    }
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    line: Paragraph,
    style: Option<String>,
    num: NumRef,
    /// The tables open when the paragraph opened: a line finished while no other opened since
    /// is a text box's, anchored in this paragraph.
    tables: usize,
    /// The lines of the text boxes anchored in the paragraph: they follow it, as in `.doc`.
    boxed: Vec<Paragraph>,
}

/// Walks the body of a part (the document or the footnotes) into paragraphs.
struct Walker<'a, 'b> {
    styles: &'a Styles,
    /// The package the parts are read from (none for the XML of a test).
    package: Option<&'a mut Package<'b>>,
    /// The list definitions: those of the package's `word/numbering.xml`, read when a
    /// paragraph first has a number (most documents have the part, and 29 of the 30 of
    /// ../shared/office that have it number no paragraph).
    numbering: Option<Numbering>,
    /// Why the list definitions could not be read, when a paragraph needed them: the walk
    /// fails with it.
    failure: Option<OfficeError>,
    out: Vec<Paragraph>,
    /// Open paragraphs: more than one inside a text box.
    paras: Vec<Para>,
    /// Open tables, innermost last.
    tables: Vec<Row>,
    /// A table was met: the next top-level one is not the header's.
    had_table: bool,
    run: RunProps,
    run_style: Option<String>,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    /// Depth inside an element whose content is not read (`mc:Fallback`, a separator note).
    skip: usize,
    /// The skipped element is text deleted (or moved away) while changes were tracked: its
    /// characters are counted.
    deleting: bool,
    /// Depth inside text inserted (or moved here) while changes were tracked.
    inserting: usize,
    /// Note ids in the order the text refers to them, each with its automatic number: a note
    /// with a mark of its own (`w:customMarkFollows`, `*`) takes none, as Word numbers them.
    references: Vec<(String, Option<usize>)>,
    /// The automatic numbers given so far.
    auto_notes: usize,
    /// Footnote bodies by id.
    notes: HashMap<String, Vec<Paragraph>>,
    /// The footnote being read and where its paragraphs start in `out`.
    note: Option<(String, usize)>,
    /// The header (`false`) and footer (`true`) parts the sections refer to, by relationship id.
    furniture: Vec<(bool, String)>,
    /// Open complex fields (`w:fldChar`): whether each one is a page number, once its
    /// instruction is read; its cached result is then not text.
    fields: Vec<bool>,
    /// The instruction of the innermost field, while its `w:instrText` is read.
    instruction: Option<String>,
}

impl<'a, 'b> Walker<'a, 'b> {
    fn new(
        styles: &'a Styles,
        package: Option<&'a mut Package<'b>>,
        numbering: Option<Numbering>,
    ) -> Self {
        Walker {
            styles,
            package,
            numbering,
            failure: None,
            out: Vec::new(),
            paras: Vec::new(),
            tables: Vec::new(),
            had_table: false,
            run: RunProps::default(),
            run_style: None,
            in_ppr: false,
            in_rpr: false,
            in_text: false,
            skip: 0,
            deleting: false,
            inserting: 0,
            references: Vec::new(),
            auto_notes: 0,
            notes: HashMap::new(),
            note: None,
            furniture: Vec::new(),
            fields: Vec::new(),
            instruction: None,
        }
    }

    /// A part of the walker's package (`None` when there is no such part, or no package).
    fn part(&mut self, name: &str) -> Result<Option<Part>, OfficeError> {
        match self.package.as_deref_mut() {
            Some(package) => part(package, name),
            None => Ok(None),
        }
    }

    /// The list definitions, read from the package the first time they are asked for.
    fn numbering(&mut self) -> Result<&mut Numbering, OfficeError> {
        if self.numbering.is_none() {
            // A damaged part is read once: the walk fails with what was wrong.
            let read = self.part(NUMBERING).and_then(|x| match x {
                Some(x) => Numbering::read(x.text()?),
                None => Ok(Numbering::default()),
            });
            match read {
                Ok(numbering) => self.numbering = Some(numbering),
                Err(e) => {
                    self.numbering = Some(Numbering::default());
                    return Err(e);
                }
            }
        }
        Ok(self.numbering.get_or_insert_with(Numbering::default))
    }

    /// What [`Walker::start`] reads of run properties (as [`RunProps::set`] and the character
    /// style) and of paragraph properties (style, list, and the page headers and footers of a
    /// section that ends with the paragraph); table, row and cell properties are not read.
    const CONDENSED: &'static [Condense] = &[
        Condense {
            element: Name::new("w:rPr"),
            wanted: RunProps::WITH_STYLE,
        },
        Condense {
            element: Name::new("w:pPr"),
            wanted: &[
                Name::new("w:pStyle"),
                Name::new("w:numId"),
                Name::new("w:ilvl"),
                Name::new("w:headerReference"),
                Name::new("w:footerReference"),
            ],
        },
        Condense {
            element: Name::new("w:tblPr"),
            wanted: &[],
        },
        Condense {
            element: Name::new("w:trPr"),
            wanted: &[],
        },
        Condense {
            element: Name::new("w:tcPr"),
            wanted: &[],
        },
        Condense {
            element: Name::new("w:tblGrid"),
            wanted: &[],
        },
    ];

    /// Walks `xml`, the text of the part named `part`.
    fn walk(&mut self, part: &str, xml: &str) -> Result<(), OfficeError> {
        let mut reader = Reader::condensing(xml, Self::CONDENSED);
        loop {
            let ev = reader.next().map_err(xml_error(part))?;
            if self.skip > 0 {
                match ev {
                    Event::Start(_) => self.skip += 1,
                    Event::End(_) => {
                        self.skip -= 1;
                        self.deleting &= self.skip > 0;
                    }
                    // The deleted text (`w:delText`, and any field instruction in it).
                    Event::Text(t) if self.deleting => {
                        if let Some(p) = self.paras.last_mut() {
                            p.line.revised.deleted += t.chars().count();
                        }
                    }
                    Event::Eof => break,
                    _ => {}
                }
                continue;
            }
            match ev {
                Event::Start(ref e) => self.start(e, false),
                Event::Empty(ref e) => self.start(e, true),
                Event::End(name) => self.end(name),
                Event::Text(t) if self.instruction.is_some() => {
                    if let Some(i) = self.instruction.as_mut() {
                        i.push_str(&xml::normalize_eols(t));
                    }
                }
                Event::Text(t) if self.in_text && !self.fields.contains(&true) => {
                    self.push_text(&xml::normalize_eols(t));
                }
                Event::Ref(name) if self.in_text => match xml::resolve_ref(name) {
                    Some(Resolved::Char(c)) => self.push_text(c.encode_utf8(&mut [0; 4])),
                    Some(Resolved::Str(s)) => self.push_text(s),
                    None => {}
                },
                Event::CData(c) if self.in_text => {
                    self.push_text(&xml::normalize_eols(c));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // A truncated part: what was read is kept.
        while let Some(p) = self.paras.pop() {
            self.deliver_paragraph(p);
        }
        while let Some(row) = self.tables.pop() {
            for line in row.end() {
                self.deliver(line);
            }
        }
        match self.failure.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn start(&mut self, e: &Tag<'_>, empty: bool) {
        let name = e.name();
        if matches!(name, "w:headerReference" | "w:footerReference") {
            if let Some(id) = attr_owned(e, "r:id") {
                self.furniture.push((name == "w:footerReference", id));
            }
            return;
        }
        if self.in_ppr {
            match name {
                "w:pStyle" => {
                    if let Some(p) = self.paras.last_mut() {
                        p.style = attr_owned(e, "w:val");
                    }
                }
                "w:numId" => {
                    if let Some(p) = self.paras.last_mut() {
                        p.num.num_id = number(e);
                    }
                }
                "w:ilvl" => {
                    if let Some(p) = self.paras.last_mut() {
                        p.num.ilvl = number(e);
                    }
                }
                _ => {}
            }
            return;
        }
        if self.in_rpr {
            match name {
                "w:rStyle" => self.run_style = attr_owned(e, "w:val"),
                _ => self.run.set(name, e),
            }
            return;
        }
        match name {
            "mc:Fallback" if !empty => self.skip = 1,
            "w:moveFrom" | "w:del" if !empty => {
                self.skip = 1;
                self.deleting = true;
            }
            "w:moveTo" | "w:ins" if !empty => self.inserting += 1,
            "w:footnote" | "w:endnote" if !empty => {
                let separator = e.attr("w:type").is_some_and(|t| t != "normal");
                match e.attr("w:id") {
                    Some(id) if !separator => {
                        self.note = Some((note_key(name, &id), self.out.len()));
                    }
                    _ => self.skip = 1,
                }
            }
            "w:p" if !empty => self.paras.push(Para {
                tables: self.tables.len(),
                ..Para::default()
            }),
            "w:pPr" if !empty => self.in_ppr = true,
            "w:r" => self.run.clear(&mut self.run_style),
            "w:rPr" if !empty => self.in_rpr = true,
            "w:t" if !empty => self.in_text = true,
            "w:instrText" if !empty => self.instruction = Some(String::new()),
            "w:fldChar" => match e.attr("w:fldCharType").as_deref() {
                Some("begin") => self.fields.push(false),
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            // A simple field's result is its content: a page number's is left out.
            "w:fldSimple" if !empty && e.attr("w:instr").is_some_and(|i| is_page_number(&i)) => {
                self.skip = 1;
            }
            // A comment anchored here (its text, in comments.xml, is not the document's).
            "w:commentReference" => {
                if let Some(p) = self.paras.last_mut() {
                    p.line.revised.comments += 1;
                }
            }
            "w:tab" | "w:ptab" => self.push_text("\t"),
            "w:noBreakHyphen" => self.push_text("-"),
            "w:br" | "w:cr" => {
                // A line break ends a line, as in `.doc` text; the paragraph goes on. The line
                // is delivered as the paragraph's own (not as a text box's anchored in it).
                if let Some(mut p) = self.paras.pop() {
                    let line = std::mem::take(&mut p.line);
                    self.deliver(line);
                    self.paras.push(p);
                }
            }
            "w:sym" => {
                let c = e
                    .attr("w:char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    let font = e.attr("w:font");
                    self.push_in(&c.to_string(), font.as_deref());
                }
            }
            "w:footnoteReference" | "w:endnoteReference" => {
                let custom = e
                    .attr("w:customMarkFollows")
                    .is_some_and(|v| v == "1" || v == "true");
                if let Some(id) = e.attr("w:id") {
                    let number = (!custom).then(|| {
                        self.auto_notes += 1;
                        self.auto_notes
                    });
                    self.references.push((note_key(name, &id), number));
                    if let Some(n) = number {
                        self.push_in(&n.to_string(), None);
                    }
                }
            }
            "w:footnoteRef" | "w:endnoteRef" => {
                let n = self.note.as_ref().and_then(|(id, _)| {
                    self.references
                        .iter()
                        .find(|(r, _)| r == id)
                        .and_then(|(_, n)| *n)
                });
                if let Some(n) = n {
                    self.push_in(&n.to_string(), None);
                }
            }
            "w:tbl" if !empty => {
                // The first table is the header's; a table nested in it is part of it.
                let header = match self.tables.last() {
                    Some(outer) => outer.is_header(),
                    None => !self.had_table,
                };
                self.had_table = true;
                self.tables.push(Row::new(header));
            }
            // A row left open by a damaged file ends where the next begins.
            "w:tr" if !empty => self.close_row(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:pPr" => {
                self.in_ppr = false;
                self.number();
            }
            "w:rPr" => self.in_rpr = false,
            "w:t" => self.in_text = false,
            "w:moveTo" | "w:ins" => self.inserting = self.inserting.saturating_sub(1),
            "w:instrText" => {
                if let (Some(i), Some(page)) = (self.instruction.take(), self.fields.last_mut()) {
                    *page |= is_page_number(&i);
                }
            }
            "w:p" => {
                if let Some(p) = self.paras.pop() {
                    self.deliver_paragraph(p);
                }
            }
            "w:tc" => {
                if let Some(row) = self.tables.last_mut() {
                    row.end_cell(Paragraph::default());
                }
            }
            "w:tr" => self.close_row(),
            "w:tbl" => {
                if let Some(row) = self.tables.pop() {
                    for line in row.end() {
                        self.deliver(line);
                    }
                }
            }
            "w:footnote" | "w:endnote" => {
                if let Some((id, from)) = self.note.take() {
                    let body = self.out.split_off(from.min(self.out.len()));
                    self.notes.insert(id, body);
                }
            }
            _ => {}
        }
    }

    /// The open row of the innermost table ends: its lines go where the table stands (the text,
    /// or the cell of an outer table), and a new row opens.
    fn close_row(&mut self) {
        if let Some(row) = self.tables.pop() {
            let header = row.is_header();
            for line in row.end() {
                self.deliver(line);
            }
            self.tables.push(Row::new(header));
        }
    }

    /// A finished line goes into the open table's cell, else into the text; a text box's line
    /// waits for the end of the paragraph it is anchored in, and follows it.
    fn deliver(&mut self, line: Paragraph) {
        if let Some(anchor) = self.paras.last_mut() {
            if anchor.tables == self.tables.len() {
                anchor.boxed.push(line);
                return;
            }
        }
        match self.tables.last_mut() {
            Some(row) => row.end_line(line),
            None => self.out.push(line),
        }
    }

    /// A paragraph ends: its line, then the lines of the text boxes anchored in it.
    fn deliver_paragraph(&mut self, p: Para) {
        self.deliver(p.line);
        for line in p.boxed {
            self.deliver(line);
        }
    }

    /// The automatic number of the paragraph whose properties were just read.
    fn number(&mut self) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        let styles = self.styles;
        let style = p.style.as_deref();
        let num_id = p
            .num
            .num_id
            .or_else(|| styles.find(style, |s| s.num.num_id));
        let ilvl = p
            .num
            .ilvl
            .or_else(|| styles.find(style, |s| s.num.ilvl))
            .unwrap_or(0);
        // `w:numId="0"` takes a paragraph out of its style's list.
        let Some(num_id) = num_id.filter(|&n| n != 0) else {
            return;
        };
        let next = match self.numbering() {
            Ok(numbering) => numbering.next(num_id, ilvl),
            Err(e) => {
                self.failure.get_or_insert(e);
                None
            }
        };
        if let Some((text, font)) = next {
            let font = font.or_else(|| self.paragraph_font());
            if let Some(p) = self.paras.last_mut() {
                p.line.push(&text, font.as_deref());
            }
        }
    }

    fn paragraph_font(&self) -> Option<String> {
        let style = self.paras.last().and_then(|p| p.style.as_deref());
        self.styles
            .run(style)
            .and_then(|s| s.font.as_deref())
            .or(self.styles.defaults.font())
            .map(str::to_owned)
    }

    /// Text of the current run, in its font, in capitals when the run says so.
    fn push_text(&mut self, text: &str) {
        let styles = self.styles;
        let pstyle = styles.run(self.paras.last().and_then(|p| p.style.as_deref()));
        let rstyle = styles.run(self.run_style.as_deref());
        let vanish = self
            .run
            .vanish
            .or_else(|| rstyle.and_then(|s| s.vanish))
            .or_else(|| pstyle.and_then(|s| s.vanish))
            .unwrap_or(false);
        if vanish {
            return;
        }
        let caps = self
            .run
            .caps
            .or_else(|| rstyle.and_then(|s| s.caps))
            .or_else(|| pstyle.and_then(|s| s.caps))
            .unwrap_or(false);
        // The font borrowed from the run or the styles: no string is made per piece of text.
        let font = self
            .run
            .font()
            .or_else(|| rstyle.and_then(|s| s.font.as_deref()))
            .or_else(|| pstyle.and_then(|s| s.font.as_deref()))
            .or(styles.defaults.font());
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        p.line.push_caps(text, font, caps);
        if self.inserting > 0 {
            p.line.revised.inserted += text.chars().count();
        }
    }

    fn push_in(&mut self, text: &str, font: Option<&str>) {
        if let Some(p) = self.paras.last_mut() {
            p.line.push(text, font);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::office::{Legacy, Revised, to_text};

    fn walk(document: &str, numbering: &str) -> Vec<String> {
        let styles = Styles::default();
        let numbering = Numbering::read(numbering).expect("numbering");
        let mut w = Walker::new(&styles, None, Some(numbering));
        w.walk(DOCUMENT, document).expect("document");
        w.out.iter().map(Paragraph::text).collect()
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"#;

    fn p(num: u32, ilvl: u32, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn numbers_count_restart_and_continue() {
        let doc = [
            p(1, 0, "A"),
            p(1, 1, "B"),
            p(1, 2, "C"),
            p(1, 2, "D"),
            p(1, 1, "E"),
            p(1, 2, "F"),
            // Another list of the same definition continues it, as Word draws it.
            p(2, 0, "G"),
            // A start override counts on its own; `nothing` after the number.
            p(3, 0, "H"),
            p(3, 0, "I"),
        ]
        .concat();
        assert_eq!(
            walk(&format!("<w:body>{doc}</w:body>"), NUMBERING),
            [
                "Điều 1. A",
                "1.1. B",
                "a) C",
                "b) D",
                "1.2. E",
                "a) F",
                "Điều 2. G",
                "IV.H",
                "V.I"
            ]
        );
    }

    #[test]
    fn tables_breaks_entities_and_hidden_text() {
        let doc = r#"<w:body><w:tbl><w:tr>
<w:tc><w:p><w:r><w:t>UBND TỈNH A</w:t></w:r></w:p><w:p><w:r><w:t>SỞ B</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>CỘNG HÒA</w:t></w:r></w:p><w:p><w:r><w:t>Độc lập</w:t></w:r></w:p></w:tc>
</w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t><w:br/><w:t>c&#x41;</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>
<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
</w:body>"#;
        assert_eq!(
            walk(doc, "<w:numbering/>"),
            [
                "UBND TỈNH A | CỘNG HÒA",
                "SỞ B | Độc lập",
                "a & b",
                "cA",
                "box"
            ]
        );
    }

    #[test]
    fn review_marks_are_counted_and_changes_read_accepted() {
        let doc = r#"<w:body>
<w:p><w:r><w:t>Số: </w:t></w:r><w:r><w:commentReference w:id="0"/></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>12</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>214</w:t></w:r></w:ins><w:r><w:t>/BC-UBND</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="A"/></w:rPr></w:pPr><w:r><w:t>Không đổi</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:moveFrom w:id="4"><w:r><w:t>Nơi nhận:</w:t></w:r></w:moveFrom></w:p></w:tc><w:tc><w:p><w:moveTo w:id="5"><w:r><w:t>Nơi nhận:</w:t></w:r></w:moveTo></w:p></w:tc></w:tr></w:tbl>
</w:body>"#;
        let styles = Styles::default();
        let mut w = Walker::new(&styles, None, Some(Numbering::default()));
        w.walk(DOCUMENT, doc).expect("document");
        let read: Vec<(String, Revised)> = w.out.iter().map(|p| (p.text(), p.revised)).collect();
        let revised = |deleted, inserted, comments| Revised {
            deleted,
            inserted,
            comments,
        };
        assert_eq!(
            read,
            [
                // A comment is counted where it is anchored; its text is not read.
                ("Số: 214/BC-UBND".to_owned(), revised(2, 3, 1)),
                // A mark on the paragraph's own properties changes no text.
                ("Không đổi".to_owned(), revised(0, 0, 0)),
                // A move: the text moved away is left out, the text moved here read.
                (" | Nơi nhận:".to_owned(), revised(9, 9, 0)),
            ]
        );
    }

    #[test]
    fn text_boxes_follow_the_paragraph_they_are_anchored_in() {
        let boxed = |text: &str| {
            format!(
                "<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>\
                 <w:p><w:r><w:t>{text}</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t>\
                 </w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
                 </w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>\
                 <w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
                 </mc:AlternateContent></w:r>"
            )
        };
        let doc = format!(
            "<w:body><w:p><w:r><w:t>SƠ ĐỒ</w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> TỔ CHỨC</w:t>\
             </w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r>{}</w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>end</w:t>\
             </w:r></w:p></w:body>",
            boxed("VP. UBND"),
            boxed("Sở")
        );
        assert_eq!(
            walk(&doc, "<w:numbering/>"),
            [
                "SƠ ĐỒ TỔ CHỨC",
                "VP. UBND",
                "a | b",
                "x",
                "Sở",
                "a | b | y",
                "end"
            ]
        );
    }

    #[test]
    fn run_fonts_fall_back_to_styles() {
        let styles = Styles::read(
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:styleId="Base"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:styleId="Head"><w:basedOn w:val="Base"/></w:style></w:styles>"#,
        )
        .expect("styles");
        let mut w = Walker::new(&styles, None, None);
        w.walk(
            DOCUMENT,
            r#"<w:body><w:p><w:pPr><w:pStyle w:val="Head"/></w:pPr><w:r><w:t>a</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p></w:body>"#,
        )
        .expect("document");
        let fonts: Vec<Vec<Option<&str>>> = w
            .out
            .iter()
            .map(|p| p.runs.iter().map(|r| r.font.as_deref()).collect())
            .collect();
        assert_eq!(
            fonts,
            [
                vec![Some(".VnTime"), Some("Arial")],
                vec![Some("Times New Roman")]
            ]
        );
    }

    /// A style as Word writes it (name, priorities, paragraph, table and conditional
    /// properties around the few tags read) gives the same whether its element is read
    /// condensed or, because a comment stands in it, event by event.
    #[test]
    fn styles_read_condensed_or_not_alike() {
        let style = |id: &str, comment: &str| {
            format!(
                r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>{comment}<w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr><w:spacing w:before="240"/></w:pPr><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/><w:b/><w:caps/><w:sz w:val="28"/></w:rPr><w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr><w:tblStylePr w:type="firstRow"><w:pPr><w:jc w:val="center"/></w:pPr></w:tblStylePr></w:style>"#
            )
        };
        let part = format!(
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:rPrDefault></w:docDefaults><w:latentStyles w:count="2"><w:lsdException w:name="Normal"/><w:lsdException w:name="heading 1"/></w:latentStyles><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>{}{}</w:styles>"#,
            style("Plain", ""),
            style("Commented", "<!-- a comment: read event by event -->"),
        );
        let styles = Styles::read(&part).expect("styles");
        assert_eq!(styles.defaults.font(), Some("Arial"));
        for id in ["Plain", "Commented"] {
            let s = &styles.styles[id];
            assert_eq!(s.based_on.as_deref(), Some("Normal"), "{id}");
            assert_eq!((s.num.num_id, s.num.ilvl), (Some(7), Some(1)), "{id}");
            let run = styles.run(Some(id)).expect("resolved");
            assert_eq!(
                (run.font.as_deref(), run.caps, run.vanish),
                (Some(".VnTimeH"), Some(true), Some(false)),
                "{id}: its own font and capitals, Normal's vanish"
            );
        }
    }

    #[test]
    fn capitals_and_hidden_text_follow_the_style_chain() {
        let styles = Styles::read(
            r#"<w:styles><w:style w:styleId="Loud"><w:rPr><w:caps/></w:rPr></w:style>
<w:style w:styleId="Quiet"><w:basedOn w:val="Loud"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:styleId="Heading"><w:basedOn w:val="Loud"/></w:style>
<w:style w:styleId="Plain"><w:basedOn w:val="Loud"/><w:rPr><w:caps w:val="0"/></w:rPr></w:style></w:styles>"#,
        )
        .expect("styles");
        let mut w = Walker::new(&styles, None, None);
        w.walk(
            DOCUMENT,
            r#"<w:body><w:p><w:pPr><w:pStyle w:val="Heading"/></w:pPr><w:r><w:t>điều 1</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Quiet"/></w:rPr><w:t>x</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Plain"/></w:rPr><w:t> nhỏ</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Missing"/></w:rPr><w:t> b</w:t></w:r></w:p></w:body>"#,
        )
        .expect("document");
        // As the text is made: capitals drawn once the runs are decoded.
        let text = to_text(&w.out, Legacy::Detect).text;
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["ĐIỀU 1 nhỏ B"],
            "capitals inherited from Loud, hidden by Quiet, turned off by Plain; an unknown run style leaves the paragraph's"
        );
    }

    #[test]
    fn encrypted_packages_are_recognized() {
        use std::io::Write;
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("created");
        cf.create_stream("EncryptedPackage")
            .and_then(|mut s| s.write_all(b"sealed"))
            .expect("stream written");
        cf.flush().expect("flushed");
        let bytes = cf.into_inner().into_inner();
        assert!(is_encrypted_package(&bytes));
        let err = crate::text::decode::decode(&bytes).expect_err("refused");
        assert_eq!(
            err.to_string(),
            "DOCX file could not be read: the document is encrypted (password protected)"
        );
    }

    #[test]
    fn damaged_archives_are_refused() {
        let err = read(b"PK\x03\x04 not really a zip").expect_err("damaged");
        assert_eq!(err.format, "DOCX");
        assert!(err.reason.contains("damaged"), "{err}");
    }

    /// An archive of the parts `word/{name}` given, stored (not compressed).
    fn stored_package(parts: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in parts {
            zip.start_file(format!("word/{name}"), options)
                .and_then(|()| Ok(zip.write_all(bytes)?))
                .expect("written");
        }
        zip.finish().expect("finished").into_inner()
    }

    /// The lines of a package's paragraphs.
    fn package_lines(bytes: &[u8]) -> Vec<String> {
        read(bytes)
            .expect("read")
            .expect("a Word document")
            .iter()
            .map(Paragraph::text)
            .collect()
    }

    fn stored_docx(document: &[u8]) -> Vec<u8> {
        stored_package(&[("document.xml", document)])
    }

    #[test]
    fn a_note_with_its_own_mark_takes_no_number() {
        let document = br#"<w:document><w:body><w:p><w:r><w:t>A</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> B</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> C</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p></w:body></w:document>"#;
        let footnotes = br#"<w:footnotes><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> M&#x1ED9;t.</w:t></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p><w:r><w:t>* Sao.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let endnotes = br#"<w:endnotes><w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Hai.</w:t></w:r></w:p></w:endnote></w:endnotes>"#;
        let bytes = stored_package(&[
            ("document.xml", document),
            ("footnotes.xml", footnotes),
            ("endnotes.xml", endnotes),
        ]);
        let lines = package_lines(&bytes);
        // Word counts only the automatic marks: the endnote after the custom mark is 2.
        assert_eq!(lines, ["A1 B* C2", "", "1 Một.", "* Sao.", "2 Hai."]);
    }

    #[test]
    fn lists_named_by_styles_only_are_numbered() {
        // No paragraph names a list: only its style does, so the definitions must be read.
        let styles = br#"<w:styles><w:style w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#;
        let document = br#"<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Article"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Article"/></w:pPr><w:r><w:t>B</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = stored_package(&[
            ("document.xml", document),
            ("styles.xml", styles),
            ("numbering.xml", NUMBERING.as_bytes()),
        ]);
        let lines = package_lines(&bytes);
        assert_eq!(lines, ["Điều 1. A", "Điều 2. B"]);
    }

    #[test]
    fn list_definitions_are_read_only_for_a_numbered_paragraph() {
        // A damaged `numbering.xml` (its `w:lvl` closed by the wrong tag) and a style naming a
        // list that no paragraph has: the definitions are never needed, the text reads.
        let damaged = br#"<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"></w:abstractNum></w:numbering>"#;
        let styles = br#"<w:styles><w:style w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#;
        let plain =
            br#"<w:document><w:body><w:p><w:r><w:t>A</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = stored_package(&[
            ("document.xml", plain),
            ("styles.xml", styles),
            ("numbering.xml", damaged),
        ]);
        let read_plain = read(&bytes).expect("read").expect("a Word document");
        assert_eq!(read_plain.len(), 1);
        // A paragraph in the list needs them: the damage is then the document's error.
        let numbered = br#"<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Article"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = stored_package(&[
            ("document.xml", numbered),
            ("styles.xml", styles),
            ("numbering.xml", damaged),
        ]);
        let error = read(&bytes).expect_err("the list definitions are damaged");
        assert!(
            error
                .reason
                .starts_with("the part word/numbering.xml is damaged (not well-formed XML: "),
            "{error}"
        );
    }

    #[test]
    fn parts_are_checked_against_their_checksum() {
        let xml = b"<w:document><w:body><w:p><w:r><w:t>abc</w:t></w:r></w:p></w:body></w:document>";
        let good = stored_docx(xml);
        let text = read(&good).expect("read").expect("a Word document");
        assert_eq!(text.len(), 1);
        // The same bytes with one letter of the text changed: the CRC-32 no longer matches.
        let at = good
            .windows(3)
            .position(|w| w == b"abc")
            .expect("stored as is");
        let mut bad = good.clone();
        bad[at] = b'x';
        let err = read(&bad).expect_err("damaged");
        assert!(err.reason.contains("checksum"), "{err}");
    }

    /// `text` as a raw deflate stream.
    fn deflated(text: &str) -> Vec<u8> {
        let mut compressor = libdeflater::Compressor::new(libdeflater::CompressionLvl::default());
        let mut out = vec![0; compressor.deflate_compress_bound(text.len())];
        let len = compressor
            .deflate_compress(text.as_bytes(), &mut out)
            .expect("deflated");
        out.truncate(len);
        out
    }

    #[test]
    fn cut_deflate_streams_are_refused() {
        let text = "<w:t>Cộng hòa</w:t>".repeat(500);
        let whole = deflated(&text);
        let mut inflater = libdeflater::Decompressor::new();
        let (out, len) = inflate(&mut inflater, &whole, 16).expect("whole stream");
        assert_eq!(
            &out[..len],
            text.as_bytes(),
            "grown past the 16 bytes declared"
        );
        let err = inflate(&mut inflater, &whole[..whole.len() / 2], text.len());
        assert_eq!(err, Err(Inflate::Damaged), "cut");
        let err = inflate(&mut inflater, b"not deflate at all", 100);
        assert_eq!(err, Err(Inflate::Damaged), "not a deflate stream");
    }

    #[test]
    fn a_buffer_given_back_is_inflated_into_again_as_it_is() {
        let text = "<w:t>Độc lập - Tự do - Hạnh phúc</w:t>".repeat(200);
        let mut inflater = libdeflater::Decompressor::new();
        let (first, len) = inflate(&mut inflater, &deflated(&text), text.len()).expect("inflated");
        assert_eq!(&first[..len], text.as_bytes());
        let at = first.as_ptr();
        spare::give_back(first);
        // A shorter part into the same buffer: the longer part's bytes stay behind it, unread.
        let short = "<w:t>Số: 12/QĐ-UBND</w:t>";
        let (again, len) = inflate(&mut inflater, &deflated(short), short.len()).expect("inflated");
        assert_eq!(again.as_ptr(), at, "the same buffer");
        assert_eq!(&again[..len], short.as_bytes());
        assert!(again.len() >= text.len(), "its bytes kept, not cut back");
        spare::give_back(again);
        // A thread keeps no more than its share.
        for _ in 0..10 {
            spare::give_back(vec![1; 8 << 20]);
        }
        let (buffers, bytes) = spare::held();
        assert!(
            buffers <= 4 && bytes <= 16 << 20,
            "{buffers} buffers, {bytes} bytes"
        );
        assert_eq!(
            buffers, 2,
            "the part's buffer and one of 8 MiB: two would pass 16 MiB"
        );
    }
}
