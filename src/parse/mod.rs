//! The parser driver: lines in, [`Document`] out.
//!
//! The document is read zone by zone, in the order Nghị định 30/2020 lays it out:
//! header ([`header`]), title and subject ([`title`]), `Kính gửi`, preamble and body
//! ([`body`]), closing: recipients and signature ([`closing`]), appendices ([`body`] again).
//! Each zone claims the bytes it understood in a [`Ledger`]; what nobody claimed becomes an
//! `unrecognized` node at the end, so every non-blank byte of the input lands in exactly one node.
//! Citations are scanned last, over every text the tree holds ([`citation`]).

mod attachments;
pub(crate) mod citation;
pub(crate) mod layout;
pub(crate) mod zones;

use zones::{body, closing, header, title};

use crate::lex::{self, Line};
use crate::model::{
    Artifact, ArtifactKind, Document, Family, Footnote, Format, NodePath, Normalization,
    NumberSystem, SourceMapEntry, Span, Unrecognized,
};
use crate::text::decode::{DecodeError, Decoded};
use crate::text::normalize as source;
use std::borrow::Cow;
use std::cell::OnceCell;

/// How to read the input.
#[derive(Debug, Clone)]
pub struct Options {
    /// Force Markdown or plain text; detected from the content when `None`.
    pub format: Option<Format>,
    /// Path to record in `source.path`.
    pub path: Option<String>,
    /// Encoding the text was decoded from, to record in `source.encoding` (default `utf-8`).
    pub encoding: Option<String>,
    /// Largest input [`try_parse_with`] and [`parse_bytes`] accept, in bytes (default
    /// [`crate::text::decode::DEFAULT_MAX_BYTES`], 50 MB). A parse holds about seven times its input
    /// in memory, so the limit bounds memory; [`parse`] and [`parse_with`] do not check it.
    pub max_bytes: u64,
    /// How deep numbered sections may nest (default [`Options::DEFAULT_SECTION_DEPTH`], 16; read
    /// as at least 1 and at most [`Options::MAX_SECTION_DEPTH`], 60).
    ///
    /// Real documents nest about six levels at most (Phần › Chương › Mục › Điều › khoản ›
    /// điểm, or `I.` › `1.` › `1.1.` › `1.1.1.` › `a)` › an unnumbered heading). A label that
    /// would open a section deeper than this (`1.1.1.…` seventeen levels down) stays text: a
    /// paragraph of the deepest section, which notes where it stands so that the validator
    /// reports it (BOD011, `section-too-deep`). The limit bounds the output's nesting
    /// ([`Options::json_depth`]: 39 levels by default, 127 at most, so that every common JSON
    /// reader loads every output) and the cost of hostile input (section paths grow with the
    /// depth).
    pub max_section_depth: usize,
}

impl Options {
    /// The default of [`Options::max_section_depth`]: well above the six levels real documents use.
    pub const DEFAULT_SECTION_DEPTH: usize = 16;
    /// The largest [`Options::max_section_depth`] honoured: its JSON nests 127 levels, one below
    /// `serde_json`'s reading limit of 128 (Python's `json` stops near 1,000).
    pub const MAX_SECTION_DEPTH: usize = 60;

    /// The section depth limit in force: [`Options::max_section_depth`] within
    /// 1..=[`Options::MAX_SECTION_DEPTH`].
    pub fn section_depth(&self) -> usize {
        self.max_section_depth.clamp(1, Self::MAX_SECTION_DEPTH)
    }

    /// The deepest nesting of arrays and objects in the JSON of a document parsed with these
    /// options: 2 × [`Options::section_depth`] + 7 (a table's row in a paragraph of the deepest
    /// section of an appendix or attachment: document, `appendices`, appendix, then `sections`
    /// or `children` and a section per level, then `paragraphs`, paragraph, `rows`, row).
    ///
    /// ```
    /// assert_eq!(vanban::Options::default().json_depth(), 39);
    /// ```
    pub fn json_depth(&self) -> usize {
        2 * self.section_depth() + 7
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            format: None,
            path: None,
            encoding: None,
            max_bytes: crate::text::decode::DEFAULT_MAX_BYTES,
            max_section_depth: Self::DEFAULT_SECTION_DEPTH,
        }
    }
}

/// Parses a document with default options. Never fails, never panics.
///
/// It parses any length: the caller already holds the text. For input of unknown size (uploads,
/// archives), use [`try_parse_with`] or [`parse_bytes`], which refuse more than
/// [`Options::max_bytes`].
pub fn parse(text: &str) -> Document {
    parse_with(text, &Options::default())
}

/// Parses a document unless it is longer than `options.max_bytes`.
///
/// ```
/// let options = vanban::Options { max_bytes: 16, ..vanban::Options::default() };
/// let err = vanban::try_parse_with("BÁO CÁO tháng 5", &options).unwrap_err();
/// assert!(err.to_string().starts_with("input of 18 bytes is over the limit of 16 bytes"));
/// assert!(vanban::try_parse_with("BÁO CÁO", &options).is_ok());
/// ```
pub fn try_parse_with(text: &str, options: &Options) -> Result<Document, DecodeError> {
    let size = text.len() as u64;
    if size > options.max_bytes {
        return Err(DecodeError::TooLarge {
            size,
            limit: options.max_bytes,
        });
    }
    Ok(parse_with(text, options))
}

/// Decodes a file's bytes ([`crate::text::decode::decode`], refusing more than `options.max_bytes`) and
/// parses the text,
/// recording the detected encoding in `source.encoding` (it overrides `options.encoding`).
///
/// Fails only when the bytes are not a text document (empty, binary, too large, undecodable);
/// parsing itself never fails.
///
/// ```
/// let doc = vanban::parse_bytes(b"B\xC1O C\xC1O\n", &vanban::Options::default()).unwrap();
/// assert_eq!(doc.source.encoding, "windows-1258");
/// let err = vanban::parse_bytes(b"%PDF-1.7", &vanban::Options::default()).unwrap_err();
/// assert_eq!(err.to_string(), "PDF file: extract its text first (e.g. pdftotext -layout)");
/// ```
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Document, DecodeError> {
    let decoded = crate::text::decode::decode_with_limit(bytes, options.max_bytes)?;
    Ok(parse_decoded(&decoded, options))
}

/// Parses text already decoded by [`crate::decode()`], recording its encoding.
pub fn parse_decoded(decoded: &Decoded, options: &Options) -> Document {
    let mut doc = parse_lines(&decoded.text, options, decoded.furniture);
    doc.source.record_decoding(decoded);
    doc
}

/// Parses a document. Never fails, never panics.
pub fn parse_with(text: &str, options: &Options) -> Document {
    parse_lines(text, options, None)
}

/// Parses a document whose lines from `furniture` on (from 1) are the page headers and footers
/// a Word or RTF file gives after its text: they are kept as page headers, and the zones read
/// the lines before them.
fn parse_lines(text: &str, options: &Options, furniture: Option<usize>) -> Document {
    let normalized = source::normalize(text);
    let text: &str = &normalized.text;
    let format = options.format.unwrap_or_else(|| lex::detect_format(text));
    let mut lines = lex::lines(text, format);
    let line_count = lines.last().map_or(0, |l| l.no());
    let mut normalizations = normalized.applied.clone();
    // Before the lost breaks: a line is cut into pieces by what follows the crawler's title.
    let crawled = layout::cut_crawler_titles(&mut lines, format);
    layout::mark_running_lines(&mut lines, format);
    if lex::recover_lost_breaks(&mut lines, format) {
        normalizations.push(Normalization::LineBreaksRecovered);
    }
    let cut = furniture
        .and_then(|no| lines.iter().position(|l| l.no() >= no))
        .unwrap_or(lines.len());
    let (page, lines) = (&lines[cut..], &lines[..cut]);
    let (mut cx, mut doc) = stages::start(lines, text, format);
    for (no, span) in crawled {
        cx.artifact_span(&mut doc, ArtifactKind::PageHeader, span, no);
    }
    cx.section_depth = options.section_depth();
    doc.source.path = options.path.clone();
    if let Some(encoding) = &options.encoding {
        doc.source.encoding = encoding.clone();
    }
    doc.source.normalizations = normalizations;
    doc.source.lines = line_count;
    let mut at = header::parse(&mut cx, &mut doc);
    at = title::parse(&mut cx, &mut doc, at);
    if doc.title.as_ref().is_some_and(|t| !t.inferred) {
        (doc.attached_to, at) = attachments::claim_attached_to(&mut cx, at);
    }
    at = body::parse_main(&mut cx, &mut doc, at);
    stages::closing_and_appendices(&mut cx, &mut doc, at);
    for l in page.iter().filter(|l| !l.is_blank()) {
        cx.artifact_span(&mut doc, ArtifactKind::PageHeader, l.span(), l.no());
    }
    sweep(&mut cx, &mut doc);
    stages::finish(&mut cx, &mut doc);
    doc
}

/// The driver's steps one at a time, so the benches can time each zone on its own.
///
/// Not a stable API: [`parse_with`] is the only supported entry point; the benches reach these
/// through `vanban::internals` (feature `internals`).
pub mod stages {
    use super::{Context, Ledger, attachments, body, citation, closing, family};
    use crate::lex::Line;
    use crate::model::{Document, Family, Format, Header, SCHEMA_VERSION, SourceInfo};

    /// A fresh parse context and an empty document for lexed `lines` of `text`.
    pub fn start<'a>(
        lines: &'a [Line<'a>],
        text: &'a str,
        format: Format,
    ) -> (Context<'a>, Document) {
        // About one claim and one text per line: reserved up front rather than grown by
        // doubling (each step copies every entry made so far).
        let cx = Context {
            ledger: Ledger {
                entries: Vec::with_capacity(lines.len()),
                ..Ledger::default()
            },
            texts: Vec::with_capacity(lines.len()),
            ends_body,
            opens_attachment: attachments::opens_at,
            footnote_marks: std::cell::OnceCell::new(),
            section_depth: super::Options::DEFAULT_SECTION_DEPTH,
            lines,
            text,
            format,
        };
        let doc = empty(&cx);
        (cx, doc)
    }

    /// An empty document for the text of `cx`: the start of a parse, or the part an attachment
    /// is read into.
    pub(crate) fn empty(cx: &Context<'_>) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            source: SourceInfo {
                path: None,
                format: cx.format,
                input_format: cx.format.into(),
                encoding: "utf-8".to_owned(),
                encodings: Vec::new(),
                review_marks: None,
                normalizations: Vec::new(),
                bytes: cx.text.len(),
                lines: cx.lines.len(),
                hash: None,
                vanban_version: None,
            },
            family: Family::Administrative,
            header: Header::default(),
            title: None,
            attached_to: None,
            addressees: Vec::new(),
            preamble: Vec::new(),
            sections: Vec::new(),
            closing: Vec::new(),
            end_marker: None,
            citations: Vec::new(),
            signature: None,
            recipients: Vec::new(),
            archive: Vec::new(),
            appendices: Vec::new(),
            attachments: Vec::new(),
            footnotes: Vec::new(),
            artifacts: Vec::new(),
            unrecognized: Vec::new(),
            findings: Vec::new(),
            source_map: Vec::new(),
        }
    }

    /// Where a body ends: its closing starts, or an attached document does.
    fn ends_body(cx: &Context<'_>, i: usize) -> bool {
        closing::starts_here(cx, i) || attachments::starts_here(cx, i)
    }

    /// Reads closings, attached documents and appendices from `at` to the end of the document.
    pub fn closing_and_appendices(cx: &mut Context<'_>, doc: &mut Document, mut at: usize) {
        while at < cx.lines.len() {
            let next = closing::parse(cx, doc, at);
            let next = attachments::parse(cx, doc, next);
            let next = body::parse_appendix(cx, doc, next);
            if next <= at {
                break;
            }
            at = next;
        }
    }

    #[cfg(feature = "internals")]
    /// Reads the header from the first line; returns the line after it.
    pub fn header(cx: &mut Context<'_>, doc: &mut Document) -> usize {
        super::header::parse(cx, doc)
    }

    #[cfg(feature = "internals")]
    /// Reads the title and subject from line `at`; returns the next line.
    pub fn title(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
        super::title::parse(cx, doc, at)
    }

    #[cfg(feature = "internals")]
    /// Reads the preamble and the body from line `at`; returns the first line of the closing.
    pub fn body(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
        super::body::parse_main(cx, doc, at)
    }

    #[cfg(feature = "internals")]
    /// Turns every unclaimed piece of text into an `unrecognized` node.
    pub fn sweep(cx: &mut Context<'_>, doc: &mut Document) {
        super::sweep(cx, doc);
    }

    /// Scans citations, decides the family and moves the source map into the document.
    pub fn finish(cx: &mut Context<'_>, doc: &mut Document) {
        let markers: Vec<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
        doc.citations = citation::collect(&cx.texts, &markers);
        citation::date_from_footnotes(&mut doc.citations, &doc.footnotes);
        attachments::link_citations(doc);
        doc.family = family(doc);
        doc.source_map = std::mem::take(&mut cx.ledger.entries);
        super::sort_by_start(&mut doc.source_map);
    }
}

/// Shared state of one parse.
pub struct Context<'a> {
    /// The lines of the normalized text.
    pub lines: &'a [Line<'a>],
    /// The normalized text.
    pub text: &'a str,
    /// Markdown or plain text.
    pub format: Format,
    /// Ownership of byte ranges.
    pub ledger: Ledger,
    /// Texts to scan for citations, in document order.
    pub texts: Vec<TextSource<'a>>,
    /// Where the body ends: the closing zone's test, given to the body by the driver so that
    /// zones never import each other.
    pub ends_body: fn(&Context<'_>, usize) -> bool,
    /// Whether an attached document (a repeated header block, a type name in capitals) opens at
    /// a line: where a closing ends even without recipients. Set by the driver, like
    /// [`Context::ends_body`].
    pub opens_attachment: fn(&Context<'_>, usize) -> bool,
    /// The footnote markers glued to the text, found when the first footnote-shaped line is met.
    pub(crate) footnote_marks: OnceCell<layout::Marks>,
    /// How deep sections may nest ([`Options::section_depth`]).
    pub section_depth: usize,
}

/// A text of the tree and the lines its pieces came from, for citation scanning.
///
/// Most texts are one line: the first piece's line is kept inline and only the pieces joined
/// after it go into a vector, boxed, so that a text of one line takes 40 bytes instead of 64
/// (a text of thousands of headings keeps one per heading until the citations are read).
///
/// A text read whole from the input (a paragraph of one line, a title, a clause) borrows it: the
/// tree holds its own copy, and a second one for the scan alone cost an allocation per block. It
/// is copied when a joined line extends it.
#[derive(Debug, Clone, Default)]
pub struct TextSource<'a> {
    /// The text as stored in the node.
    pub text: Cow<'a, str>,
    /// Line of the first piece, which starts at byte 0; 0 before any piece (lines count from 1).
    first_line: usize,
    /// `(byte offset in text, line number)` where each later piece starts, ascending.
    #[expect(
        clippy::box_collection,
        reason = "a thin pointer: most texts have no later piece, and this is 16 bytes less for each"
    )]
    later: Option<Box<Vec<(usize, usize)>>>,
}

impl<'a> TextSource<'a> {
    /// A text from one line, copied.
    pub fn new(text: &str, line: usize) -> Self {
        Self {
            text: Cow::Owned(text.to_owned()),
            first_line: line,
            later: None,
        }
    }

    /// A text from one line, borrowed from the input.
    pub fn borrowed(text: &'a str, line: usize) -> Self {
        Self {
            text: Cow::Borrowed(text),
            first_line: line,
            later: None,
        }
    }

    /// Notes that a piece from `line` starts at byte `offset` of the text; pieces come in text
    /// order, the first at byte 0.
    pub fn push_piece(&mut self, offset: usize, line: usize) {
        if self.first_line == 0 {
            self.first_line = line;
            return;
        }
        // Room for exactly one at first and one more at a time up to four: most joined texts
        // have two to five pieces, and a list grown by doubling keeps up to twice its length.
        let later = self
            .later
            .get_or_insert_with(|| Box::new(Vec::with_capacity(1)));
        if later.len() < 4 {
            later.reserve_exact(1);
        }
        later.push((offset, line));
    }

    /// How many pieces were joined after the first.
    pub fn later_pieces(&self) -> usize {
        self.later.as_ref().map_or(0, |l| l.len())
    }

    /// The line of the piece that holds byte `offset` (0 for a text without pieces).
    pub fn line_at(&self, offset: usize) -> usize {
        let later = self.later.as_deref().map_or(&[][..], Vec::as_slice);
        // Offsets ascend: the last piece that starts at or before `offset`, by bisection.
        let after = later.partition_point(|(off, _)| *off <= offset);
        match after.checked_sub(1).and_then(|i| later.get(i)) {
            Some(&(_, line)) => line,
            None => self.first_line,
        }
    }
}

impl<'a> Context<'a> {
    /// Claims a whole line for the node at `path` ([`Ledger::claim`]).
    pub fn claim_line<'p>(&mut self, path: impl Into<Cow<'p, str>>, index: usize) {
        let line = &self.lines[index];
        self.ledger.claim(
            path,
            line.start,
            line.end(),
            line.no(),
            line.no(),
            self.text,
        );
    }

    /// Records the text at `span` of line `no` as a layout artifact and claims it for that node.
    pub fn artifact_span(&mut self, doc: &mut Document, kind: ArtifactKind, span: Span, no: usize) {
        doc.artifacts.push(Artifact {
            kind,
            text: self.text[span.start..span.end].to_owned(),
            line: no,
            span,
        });
        let path = pointer("", "artifacts", doc.artifacts.len() - 1);
        self.ledger
            .claim(path, span.start, span.end, no, no, self.text);
    }

    /// Records line `index` whole as a layout artifact (a rule, a page number, bare markup) and
    /// claims it for that node.
    pub fn artifact_line(&mut self, doc: &mut Document, kind: ArtifactKind, index: usize) {
        let line = &self.lines[index];
        doc.artifacts.push(Artifact {
            kind,
            text: line.raw.trim().to_owned(),
            line: line.no(),
            span: line.span(),
        });
        let path = pointer("", "artifacts", doc.artifacts.len() - 1);
        self.claim_line(path, index);
    }

    /// Records the footnote body that starts on line `index` (`1 Nghị quyết số …`) with the lines
    /// that go on with it up to a blank line, a layout line, the next footnote or line `limit`,
    /// claims them and remembers its text for citations; returns the line after it. `None`, and
    /// nothing recorded, when its marker stands glued nowhere before it: then it is no footnote.
    pub fn footnote(&mut self, doc: &mut Document, index: usize, limit: usize) -> Option<usize> {
        let lines = self.lines;
        let line = &lines[index];
        // The marker and its body on one line, or the marker alone on its line (a PDF's).
        let (marker, digits, alone) = match layout::body_marker(&line.text) {
            Some((marker, digits)) => (marker, digits, false),
            // Alone, it stands at the page's foot below a blank line: a number between two
            // lines of a paragraph is its page's (`… sang khối` / `15` / `Nhà nước. …`).
            None if index > 0 && lines[index - 1].is_blank() => {
                let next = lines.get(index + 1).filter(|_| index + 1 < limit);
                let (marker, digits) = layout::marker_line(line.raw, next.map(|l| &*l.text))?;
                (marker, digits, true)
            }
            None => return None,
        };
        let marks = self
            .footnote_marks
            .get_or_init(|| layout::Marks::of(self.text));
        if !marks.glued_before(marker, line.start) {
            return None;
        }
        let (body, first) = if alone {
            let body = &lines[index + 1];
            (index + 1, body.text.trim())
        } else {
            (index, line.text.get(digits..).unwrap_or_default().trim())
        };
        let mut source = TextSource::default();
        source.push_piece(0, lines[body].no());
        let mut text = first.to_owned();
        let mut end = body + 1;
        while let Some(next) = lines.get(end).filter(|_| end < limit)
            && !next.is_blank()
            && layout::artifact_kind(next, self.format).is_none()
            && !(self.ends_body)(self, end)
        {
            let piece = next.text.trim();
            text.push(' ');
            source.push_piece(text.len(), next.no());
            text.push_str(piece);
            end += 1;
        }
        let last = &lines[end - 1];
        source.text = Cow::Owned(text.clone());
        doc.footnotes.push(Footnote {
            marker: line
                .text
                .trim()
                .get(..digits)
                .unwrap_or_default()
                .to_owned(),
            text,
            line: line.no(),
            end_line: last.no(),
            span: Span::new(line.start, last.end()),
        });
        let path = pointer("", "footnotes", doc.footnotes.len() - 1);
        for i in index..end {
            self.claim_line(&path, i);
        }
        self.remember(source);
        Some(end)
    }

    /// The label of line `index` read without the footnote marker glued to it (`2.6 Bảo hiểm`
    /// is khoản `2.` with footnote 6, `a)14 Chi phí` is điểm `a)` with footnote 14), and the
    /// marker; `None` when no marker is glued there ([`layout::Marks::marks_label`]).
    pub fn label_footnote(&self, index: usize) -> Option<(crate::grammar::Label, String)> {
        let line = &self.lines[index];
        let t: &str = &line.text;
        let (p, len) = layout::label_marker(t)?;
        if self.format != Format::Text {
            return None;
        }
        let marker = t.get(p..p + len)?;
        let marks = self
            .footnote_marks
            .get_or_init(|| layout::Marks::of(self.text));
        if !marks.marks_label(marker.parse().ok()?, line.start) {
            return None;
        }
        let mut without = String::with_capacity(t.len());
        without.push_str(&t[..p]);
        without.push_str(&t[p + len..]);
        let mut label = crate::grammar::label(&without)?;
        if label.rest >= p {
            label.rest += len;
        }
        Some((label, marker.to_owned()))
    }

    /// Index of the next non-blank line at or after `at`.
    pub fn next_non_blank(&self, at: usize) -> Option<usize> {
        (at..self.lines.len()).find(|&i| !self.lines[i].is_blank())
    }

    /// Remembers a text for citation scanning; returns its index.
    pub fn remember(&mut self, source: TextSource<'a>) -> usize {
        self.texts.push(source);
        self.texts.len() - 1
    }

    /// Drops the copy of remembered text `index`, finished (nothing joins it any more), when it
    /// adds nothing to the citations ([`citation::cites_nothing`]): a joined text would
    /// otherwise be kept twice, in the tree and here, until the citations are read. It keeps its
    /// line and reads as empty, which the scan reads the same.
    pub fn retire(&mut self, index: usize) {
        if let Some(source) = self.texts.get_mut(index)
            && matches!(source.text, Cow::Owned(_))
            && citation::cites_nothing(&source.text)
        {
            source.text = Cow::Borrowed("");
            source.later = None;
        }
    }
}

/// Reads the footnote bodies no zone claimed (after the signature, where the body loop does not
/// go); the ledger is sorted. True when one was found.
fn footnotes_left(cx: &mut Context<'_>, doc: &mut Document) -> bool {
    if cx.format != Format::Text {
        return false;
    }
    let before = doc.footnotes.len();
    let mut i = 0;
    while i < cx.lines.len() {
        let line = &cx.lines[i];
        let entries = &cx.ledger.entries;
        // Its body goes on only over lines that no zone claimed.
        let limit = || {
            (i + 1..cx.lines.len())
                .find(|&k| !untouched(&cx.lines[k], entries))
                .unwrap_or(cx.lines.len())
        };
        if line.raw.starts_with(|c: char| c.is_ascii_digit())
            && layout::is_footnote(&line.text)
            && untouched(line, entries)
            && let limit = limit()
            && let Some(next) = cx.footnote(doc, i, limit)
        {
            i = next;
        } else {
            i += 1;
        }
    }
    doc.footnotes.len() > before
}

/// Appends `/index` to a JSON pointer, without the formatting machinery (paths are built for
/// every node of the tree).
pub(crate) fn push_index(path: &mut String, index: usize) {
    path.push('/');
    push_decimal(path, index as u64, 0);
}

/// Appends `n` in decimal, zero-padded to `width` digits, as `format!("{n:0width$}")` would,
/// without the formatting machinery (JSON pointers, citation ids and dates are built per node).
pub(crate) fn push_decimal(out: &mut String, n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in digits.len() - at..width {
        out.push('0');
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// The JSON pointer `{base}/{key}/{index}`.
pub(crate) fn pointer(base: &str, key: &str, index: usize) -> String {
    // Exactly its length: a claim's path is boxed without a copy ([`Ledger::claim`]).
    let digits = index.checked_ilog10().map_or(1, |d| d as usize + 1);
    let mut path = String::with_capacity(base.len() + key.len() + 2 + digits);
    path.push_str(base);
    path.push('/');
    path.push_str(key);
    push_index(&mut path, index);
    path
}

/// Which node owns which bytes.
#[derive(Debug, Default)]
pub struct Ledger {
    entries: Vec<SourceMapEntry>,
    /// Entries before this index are closed: a claim never extends them (see [`Ledger::fence`]).
    fence: usize,
    /// The pointer of the last entry as it was claimed, while that entry is the last and its
    /// path unchanged ([`Ledger::last_known`]): most claims extend the one before, and a claim
    /// is compared with this, not with the entry's path, which a long pointer keeps in its
    /// short form, slower to compare byte by byte.
    last_pointer: String,
    /// Whether `last_pointer` is the last entry's (not after a sort or a rebase).
    last_known: bool,
}

impl Ledger {
    /// Claims `start..end` (lines `line..=end_line`) for the node at `path`; a range that follows
    /// the previous claim of the same node with only white space between extends it. The entry
    /// keeps the path as a [`NodePath`], short when it is long.
    pub fn claim<'p>(
        &mut self,
        path: impl Into<Cow<'p, str>>,
        start: usize,
        end: usize,
        line: usize,
        end_line: usize,
        text: &str,
    ) {
        let path = path.into();
        if start >= end || self.extend_last(&path, start, end, end_line, text) {
            return;
        }
        self.last_pointer.clear();
        self.last_pointer.push_str(&path);
        self.last_known = true;
        self.entries.push(SourceMapEntry {
            path: path.into(),
            line: line_u32(line),
            end_line: line_u32(end_line),
            start,
            end,
        });
    }

    /// The path of the latest claim, if any.
    pub fn last_path(&self) -> Option<&NodePath> {
        self.entries.last().map(|e| &e.path)
    }

    /// Closes the entries made so far (no later claim extends them) and returns their count: the
    /// entries from there on are the claims of a part read apart, for [`Ledger::rebase`].
    pub fn fence(&mut self) -> usize {
        self.fence = self.entries.len();
        self.fence
    }

    /// Moves the entries from `mark` on under `prefix` (the zones of an attachment claim paths
    /// as if they read a document of their own, `/sections/0`, which become
    /// `/attachments/1/sections/0`), except layout artifacts and footnotes, which stay the
    /// document's own: `/artifacts/k` becomes `/artifacts/{k + artifacts}`, `/footnotes/k`
    /// becomes `/footnotes/{k + footnotes}`.
    pub fn rebase(&mut self, mark: usize, prefix: &str, artifacts: usize, footnotes: usize) {
        for entry in self.entries.iter_mut().skip(mark) {
            let path = entry.path.pointer();
            let own = [("artifacts", artifacts), ("footnotes", footnotes)]
                .into_iter()
                .find_map(|(key, offset)| {
                    let k = path
                        .strip_prefix('/')?
                        .strip_prefix(key)?
                        .strip_prefix('/')?;
                    Some(pointer("", key, k.parse::<usize>().ok()? + offset))
                });
            entry.path = match own {
                Some(own) => NodePath::new(&own),
                None => NodePath::new(&[prefix, &path].concat()),
            };
        }
        self.fence = self.entries.len();
        self.last_known = false;
    }

    /// Puts the claims in the order of their starts ([`sort_by_start`]).
    fn sort(&mut self) {
        sort_by_start(&mut self.entries);
        self.last_known = false;
    }

    /// Extends the last claim to `end` when it is of the same node and only white space lies
    /// between; returns whether it did.
    fn extend_last(
        &mut self,
        path: &str,
        start: usize,
        end: usize,
        end_line: usize,
        text: &str,
    ) -> bool {
        if self.entries.len() <= self.fence {
            return false;
        }
        let Some(last) = self.entries.last_mut() else {
            return false;
        };
        let between = text.get(last.end..start).unwrap_or("x");
        // The path last: the other two are cheaper to ask.
        let same = |last: &SourceMapEntry| {
            if self.last_known {
                self.last_pointer == path
            } else {
                last.path.is(path)
            }
        };
        if last.end <= start && between.trim().is_empty() && same(last) {
            last.end = end;
            last.end_line = line_u32(end_line);
            return true;
        }
        false
    }
}

/// A line number as the source map keeps it: lines come from [`Line::no`], which is 32 bits.
fn line_u32(line: usize) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

/// Turns every unclaimed, non-blank piece of text into an `unrecognized` node.
///
/// The claims are put in the order of their starts first, as the source map is at the end: the
/// claims made here come after them in that order, so the final sort has little left to do.
fn sweep(cx: &mut Context<'_>, doc: &mut Document) {
    cx.ledger.sort();
    if footnotes_left(cx, doc) {
        cx.ledger.sort();
    }
    // The claims made so far, sorted, read in place (a copy of their ranges was 16 bytes a
    // claim at the parse's peak). The sweep's own claims go after them and are not read; one
    // that extends the last of them ends before the next line, so the lines after read the
    // same.
    let claimed = cx.ledger.entries.len();
    let range = |entries: &[SourceMapEntry], k: usize| {
        entries
            .get(k)
            .filter(|_| k < claimed)
            .map(|e| (e.start, e.end))
    };
    let mut ci = 0;
    for (i, line) in cx.lines.iter().enumerate() {
        if only_ascii_space(line.raw) {
            continue;
        }
        // Walk the line's bytes, skipping the claimed ranges, collecting unclaimed runs.
        let mut pos = line.start;
        let mut gaps: Vec<(usize, usize)> = Vec::new();
        while range(&cx.ledger.entries, ci).is_some_and(|(_, e)| e <= line.start) {
            ci += 1;
        }
        let mut k = ci;
        while pos < line.end() {
            while range(&cx.ledger.entries, k).is_some_and(|(_, e)| e <= pos) {
                k += 1;
            }
            match range(&cx.ledger.entries, k) {
                Some((s, e)) if s <= pos => pos = e.max(pos + 1),
                Some((s, _)) if s < line.end() => {
                    gaps.push((pos, s));
                    pos = s;
                }
                _ => {
                    gaps.push((pos, line.end()));
                    pos = line.end();
                }
            }
        }
        for (s, e) in gaps {
            let piece = &cx.text[s..e];
            if only_ascii_space(piece) {
                continue;
            }
            let (clean, _, _) = lex::clean_line(piece, cx.format);
            let mut text = if !clean.is_empty() {
                clean.into_owned()
            } else if !piece.trim().is_empty() {
                piece.trim().to_owned()
            } else {
                // Only Unicode spaces that are no ASCII spaces (U+2028, U+0085, a vertical tab):
                // kept as they are, since they are text the source map must own.
                piece.to_owned()
            };
            // A run of whole unclaimed lines is one node.
            if let Some(last) = doc.unrecognized.last_mut() {
                let prev = cx
                    .ledger
                    .entries
                    .iter()
                    .rev()
                    .find(|en| en.path.starts_with("/unrecognized/"));
                if let Some(prev) = prev {
                    let whole = s == line.start && e == line.end();
                    if whole && prev.end_line as usize + 1 == line.no() && prev.end + 1 == s {
                        last.text.push('\n');
                        last.text.push_str(&text);
                        last.end_line = line.no();
                        last.span = last.span.cover(Span::new(s, e));
                        let path = prev.path.pointer();
                        cx.ledger.claim(path, s, e, line.no(), line.no(), cx.text);
                        continue;
                    }
                }
            }
            if s == line.start && e == line.end() {
                let run = unclaimed_run(cx.lines, i, &cx.ledger.entries[..claimed]);
                text.reserve_exact(run.saturating_sub(text.len()));
            }
            let path = pointer("", "unrecognized", doc.unrecognized.len());
            doc.unrecognized.push(Unrecognized {
                text,
                line: line.no(),
                end_line: line.no(),
                span: Span::new(s, e),
            });
            cx.ledger.claim(path, s, e, line.no(), line.no(), cx.text);
        }
    }
}

/// The bytes of the run of whole lines that no claim touches from line `i` on, each the line
/// after the one before, with no blank line between: the lines the sweep joins into one
/// `unrecognized` node, whose text is at most that long. Reserved up front: a run of a hundred
/// thousand lines grew its text by doubling, and the blocks it left behind counted in the peak.
/// `claimed` is sorted by start.
fn unclaimed_run(lines: &[Line<'_>], i: usize, claimed: &[SourceMapEntry]) -> usize {
    let mut last = i;
    while let Some(next) = lines.get(last + 1)
        && next.no() == lines[last].no() + 1
        && next.start == lines[last].end() + 1
        && !only_ascii_space(next.raw)
        && untouched(next, claimed)
    {
        last += 1;
    }
    lines[last].end() - lines[i].start
}

/// True when no claim of `claimed` (sorted by start) touches a byte of `line`.
fn untouched(line: &Line<'_>, claimed: &[SourceMapEntry]) -> bool {
    let at = claimed.partition_point(|e| e.end <= line.start);
    claimed.get(at).is_none_or(|e| e.start >= line.end())
}

/// Sorts claims by their start, keeping the order of equal starts, as
/// `sort_by_key(|e| e.start)` does.
///
/// Zones claim their lines top down, and only a few claims come late (the header's issuer
/// lines, the sweep's pieces): an insertion sort moves each of those past a few entries, where a
/// general sort works on every entry. Past a few moves per entry it hands over to the general
/// sort, which sorts the partly sorted claims the same way (the sorted part keeps the order of
/// equal starts).
fn sort_by_start(entries: &mut [SourceMapEntry]) {
    let mut budget = entries.len().saturating_mul(4).saturating_add(64);
    for i in 1..entries.len() {
        let start = entries[i].start;
        let mut j = i;
        while j > 0 && entries[j - 1].start > start {
            j -= 1;
        }
        if j == i {
            continue;
        }
        let moves = i - j;
        if moves > budget {
            entries.sort_by_key(|e| e.start);
            return;
        }
        budget -= moves;
        entries[j..=i].rotate_right(1);
    }
}

/// True when `s` holds only ASCII white space (space, tab, LF, FF, CR): the only bytes no node
/// has to own. Other white space (`\u{2028}`, `\u{0085}`, a vertical tab) is text like any other.
fn only_ascii_space(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_whitespace())
}

/// Party when the Party title, a Party number or a Party signature prefix shows it; normative
/// when the number carries a year or a National Assembly group; administrative otherwise.
fn family(doc: &Document) -> Family {
    let party_number = doc
        .header
        .reference
        .as_ref()
        .is_some_and(|r| r.system == NumberSystem::Party);
    let party_sign = doc.signature.as_ref().is_some_and(|s| {
        s.chain
            .iter()
            .any(|a| crate::tables::is_party_prefix(&a.raw))
    });
    if doc.header.party_title.is_some() && doc.header.national_title.is_none()
        || party_number
        || party_sign
    {
        return Family::Party;
    }
    let normative = doc.header.reference.as_ref().is_some_and(|r| {
        r.year.is_some()
            || r.issuer_code
                .as_deref()
                .is_some_and(|c| c.starts_with("QH") || c.starts_with("UBTVQH"))
    });
    if normative {
        Family::Normative
    } else {
        Family::Administrative
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_spaces_are_kept() {
        // Found by the property tests: a line holding only U+2028 counted as blank, so its bytes
        // belonged to no node.
        for space in ["\u{2028}", "\u{0085}", "\u{000B}", " \u{2029}\t"] {
            let text = format!("BÁO CÁO\nKết quả\n{space}\nI. MỤC\n");
            let doc = crate::parse(&text);
            let owned: usize = doc.source_map.iter().map(|e| e.end - e.start).sum();
            let blank = text.bytes().filter(u8::is_ascii_whitespace).count();
            assert!(
                owned + blank >= text.len(),
                "{space:?}: {:?}",
                doc.source_map
            );
            assert_eq!(doc.unrecognized.len(), 1, "{space:?}");
            assert_eq!(doc.unrecognized[0].text, space, "kept verbatim");
            assert_eq!(doc.unrecognized[0].line, 3);
        }
        assert!(only_ascii_space(" \t\r\x0C"));
        assert!(!only_ascii_space("\u{2028}"));
    }

    #[test]
    fn text_sources_map_offsets_to_the_lines_of_their_pieces() {
        let mut one = TextSource::new("Quyết định số 1/QĐ-UBND", 7);
        assert_eq!((one.line_at(0), one.line_at(99)), (7, 7));
        one.text.to_mut().push_str(" ngày 2/3/2020");
        one.push_piece(23, 9);
        one.push_piece(30, 12);
        let lines: Vec<usize> = [0, 22, 23, 29, 30, 500].map(|o| one.line_at(o)).into();
        assert_eq!(lines, [7, 7, 9, 9, 12, 12]);
        // A title's source starts without pieces; its first piece is at byte 0.
        let mut title = TextSource::default();
        assert_eq!(title.line_at(0), 0);
        title.push_piece(0, 4);
        title.push_piece(10, 5);
        assert_eq!((title.line_at(3), title.line_at(10)), (4, 5));
        // One is kept per text of the tree until the citations are read: 40 bytes, not 64.
        assert!(std::mem::size_of::<TextSource>() <= 40);
    }

    /// The room reserved for an `unrecognized` run ends where the sweep stops joining lines: at
    /// a blank line or a claimed one.
    #[test]
    fn an_unclaimed_run_stops_at_a_blank_or_claimed_line() {
        let text = "ab\ncd\nef\n\ngh\nij";
        let lines = lex::lines(text, Format::Text);
        assert_eq!(unclaimed_run(&lines, 0, &[]), "ab\ncd\nef".len());
        assert_eq!(unclaimed_run(&lines, 4, &[]), "gh\nij".len());
        let ij = SourceMapEntry {
            path: "/title".into(),
            line: 6,
            end_line: 6,
            start: text.len() - 2,
            end: text.len(),
        };
        assert_eq!(unclaimed_run(&lines, 4, &[ij]), "gh".len());
        // The text of a run of 2,000 unclaimed lines is reserved once, not grown by doubling.
        let many: String = (1..=2000).map(|k| format!("Số: {k}/BC-UBND\n")).collect();
        let doc = crate::parse(&many);
        let run = doc
            .unrecognized
            .iter()
            .max_by_key(|u| u.text.len())
            .expect("a run");
        assert!(run.text.len() > 30_000);
        assert!(run.text.capacity() <= many.len(), "{}", run.text.capacity());
    }

    /// `sort_by_start` orders claims as the stable `sort_by_key(|e| e.start)` it replaced, on
    /// nearly sorted claims (the insertion sort) and shuffled ones (the hand-over).
    #[test]
    fn claims_sort_as_by_key() {
        let mut seed = 0x5EED_u64;
        let mut next =
            move |n: usize| (crate::test_support::xorshift(&mut seed) >> 33) as usize % n.max(1);
        let mut fallbacks = 0;
        for round in 0..600 {
            let len = next(120);
            let spread = 1 + next(3 * len + 2);
            let mut entries: Vec<SourceMapEntry> = (0..len)
                .map(|k| {
                    let start = if round % 3 == 0 { next(spread) } else { k * 3 };
                    SourceMapEntry {
                        path: format!("/p/{k}").into(),
                        line: k as u32,
                        end_line: k as u32,
                        start,
                        end: start + 1,
                    }
                })
                .collect();
            // A few claims out of place, with ties.
            for _ in 0..next(6) {
                let (a, b) = (next(len), next(len));
                if a < len && b < len {
                    entries.swap(a, b);
                }
            }
            let mut expected = entries.clone();
            expected.sort_by_key(|e| e.start);
            let budget = len * 4 + 64;
            let inversions: usize = (0..len)
                .map(|i| {
                    (0..i)
                        .filter(|&j| entries[j].start > entries[i].start)
                        .count()
                })
                .sum();
            fallbacks += usize::from(inversions > budget);
            sort_by_start(&mut entries);
            assert_eq!(entries, expected, "round {round}");
        }
        assert!(fallbacks > 10, "{fallbacks}");
    }

    #[test]
    fn pointers() {
        assert_eq!(pointer("", "sections", 0), "/sections/0");
        assert_eq!(
            pointer("/sections/3", "children", 12),
            "/sections/3/children/12"
        );
        let mut p = "/a".to_owned();
        push_index(&mut p, usize::MAX);
        assert_eq!(p, format!("/a/{}", usize::MAX));
        for (n, width) in [
            (0, 0),
            (7, 2),
            (2020, 4),
            (5, 4),
            (123_456, 2),
            (u64::MAX, 4),
        ] {
            let mut out = String::new();
            push_decimal(&mut out, n, width);
            assert_eq!(out, format!("{n:0width$}"));
        }
    }
}
