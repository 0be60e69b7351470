//! JSON output: a `serde` serializer that writes the same bytes as `serde_json`, faster.
//!
//! Serialization was a large share of the work of `parse` + JSON. `serde_json` escapes every
//! string, struct keys included, one byte at a time through a table and writes through
//! `io::Write`; here strings are scanned a block or a word at a time for a byte to escape (a byte
//! below `0x20`, `"` or `\`, found by the kernels of `text::kernels`), clean runs
//! are copied whole, and everything is appended to a `Vec<u8>`.
//!
//! The output is byte-identical to `serde_json::to_vec` (compact) and `serde_json::to_vec_pretty`
//! (two-space indent, `[]` and `{}` when empty, `": "` after keys) for the whole serde data model:
//! - escapes `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`
//!   (lowercase hex); DEL, `/` and non-ASCII characters are written as they are;
//! - integers through `itoa`; floats through `serde_json` itself (so `ryu`'s shortest form, and
//!   `null` for NaN and infinities);
//! - bytes as an array of numbers; unit, `None` and unit structs as `null`; unit variants as a
//!   string, newtype variants as `{"V":x}`, tuple and struct variants as `{"V":[…]}`, `{"V":{…}}`;
//! - map keys: strings escaped, integers, booleans, chars and finite floats quoted as
//!   `serde_json` quotes them, other keys the error "key must be a string".
//!
//! Not mirrored: `serde_json`'s `arbitrary_precision` and `raw_value` features (a `Number` or
//! `RawValue` would come out as an object); neither is enabled in this build, and the
//! byte-identity tests over `serde_json::Value` trees would catch it if one ever were.
//!
//! ```
//! let mut map = std::collections::BTreeMap::new();
//! map.insert(1, vec!["a\"b", "c\n"]);
//! assert_eq!(vanban::json::to_string(&map).unwrap(), r#"{"1":["a\"b","c\n"]}"#);
//! assert_eq!(vanban::json::to_vec(&map).unwrap(), serde_json::to_vec(&map).unwrap());
//! assert_eq!(
//!     vanban::json::to_vec_pretty(&map).unwrap(),
//!     serde_json::to_vec_pretty(&map).unwrap()
//! );
//! ```

// One file of about a thousand lines: the `Serializer`, `Compound` and `MapKey` impls cover the
// serde data model together and share the private writers; most of the length is their one-line
// methods.

use std::fmt::{self, Display};
use std::io;

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::text::kernels;

/// Why a value could not be written.
#[derive(Debug)]
pub enum Error {
    /// The value refused to serialize (a `Serialize` impl's error, or a map key that is not a
    /// string, number, boolean or char).
    Message(String),
    /// Writing to the `io::Write` failed.
    Io(io::Error),
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Message(m) => f.write_str(m),
            Error::Io(e) => Display::fmt(e, f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Message(_) => None,
            Error::Io(e) => Some(e),
        }
    }
}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error::Message(msg.to_string())
    }
}

impl From<Error> for io::Error {
    /// An io error as it was; any other as `InvalidData`, as `serde_json` does.
    fn from(e: Error) -> Self {
        match e {
            Error::Io(e) => e,
            Error::Message(m) => io::Error::new(io::ErrorKind::InvalidData, m),
        }
    }
}

/// Serializes `value` as compact JSON.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    append(&mut out, value)?;
    Ok(out)
}

/// Serializes `value` as pretty JSON (two-space indent, as `serde_json::to_vec_pretty`).
pub fn to_vec_pretty<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    append_pretty(&mut out, value)?;
    Ok(out)
}

/// Serializes `value` as compact JSON into a `String`. The bytes are checked to be UTF-8 once
/// more (no `unsafe` here), so [`to_vec`] is cheaper when bytes will do.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    into_string(to_vec(value)?)
}

/// Serializes `value` as pretty JSON into a `String` (see [`to_string`]).
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    into_string(to_vec_pretty(value)?)
}

fn into_string(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::Message(e.to_string()))
}

/// Serializes `value` as compact JSON to `writer`, in one `write_all` of the whole text.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(
    mut writer: W,
    value: &T,
) -> Result<(), Error> {
    writer.write_all(&to_vec(value)?).map_err(Error::Io)
}

/// Serializes `value` as pretty JSON to `writer`, in one `write_all` of the whole text.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    mut writer: W,
    value: &T,
) -> Result<(), Error> {
    writer.write_all(&to_vec_pretty(value)?).map_err(Error::Io)
}

/// Appends `value` as compact JSON to `out`, so that a caller can reuse one buffer (and reserve
/// it). On an error `out` is left as it was.
pub fn append<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    append_with(out, value, Compact)
}

/// Appends `value` as pretty JSON to `out` (see [`append`]).
pub fn append_pretty<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    append_with(out, value, Pretty::default())
}

/// Serializes a parsed document, compact or pretty, into a buffer reserved from the document's
/// size ([`document_capacity`]), as `vanban parse` and `vanban convert` write it.
pub fn document(doc: &crate::Document, pretty: bool) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(document_capacity(doc, pretty));
    if pretty {
        append_pretty(&mut out, doc)?;
    } else {
        append(&mut out, doc)?;
    }
    Ok(out)
}

/// Writes a parsed document's JSON, compact or pretty, to `writer` as it is serialized: the
/// bytes are the ones [`document`] returns, handed to `writer` a block of about
/// [`STREAM_BLOCK`] bytes at a time (after whichever array element fills the block), so that
/// the whole text is never held in memory. `vanban parse` writes its standard output so.
///
/// The nesting bound holds as for [`document`]: a document whose section tree is too deep for
/// [`MAX_DEPTH`] (one not made by the parser, whose trees stop at
/// [`crate::Options::max_section_depth`]) is serialized in memory first, so that its error
/// comes before any byte is written. An error of `writer` stops the writing; what was written
/// before it stays written.
pub fn write_document<W: io::Write>(
    mut writer: W,
    doc: &crate::Document,
    pretty: bool,
) -> Result<(), Error> {
    if 2 * section_depth(doc) + 7 > MAX_DEPTH {
        return writer.write_all(&document(doc, pretty)?).map_err(Error::Io);
    }
    let out = Vec::with_capacity(STREAM_BLOCK + STREAM_BLOCK / 4);
    if pretty {
        stream(out, &mut writer, doc, Pretty::default())
    } else {
        stream(out, &mut writer, doc, Compact)
    }
}

/// How many bytes [`write_document`] gathers before it hands them to its writer.
pub const STREAM_BLOCK: usize = 64 << 10;

fn stream<F: Format>(
    out: Vec<u8>,
    writer: &mut dyn io::Write,
    value: &crate::Document,
    format: F,
) -> Result<(), Error> {
    let mut ser = Json {
        out,
        format: Streamed { format, writer },
        depth: 0,
    };
    value.serialize(&mut ser)?;
    ser.format.writer.write_all(&ser.out).map_err(Error::Io)
}

/// The deepest chain of sections in a document (main body, appendices, attachments): its JSON
/// nests at most twice that plus seven levels ([`crate::Options::json_depth`]). Walked without
/// recursion, so that a tree of any depth is measured.
fn section_depth(doc: &crate::Document) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&[crate::model::Section], usize)> = vec![(&doc.sections, 1)];
    stack.extend(doc.appendices.iter().map(|a| (a.sections.as_slice(), 1)));
    stack.extend(doc.attachments.iter().map(|a| (a.sections.as_slice(), 1)));
    while let Some((sections, depth)) = stack.pop() {
        if !sections.is_empty() {
            deepest = deepest.max(depth);
        }
        stack.extend(sections.iter().map(|s| (s.children.as_slice(), depth + 1)));
    }
    deepest
}

/// Room for a document's JSON, so that the buffer is not grown by doubling (each step a
/// `realloc` that copies everything written so far).
/// The text is written once more or less as it came (twice the input covers it and its
/// escapes); the rest is per node and per line (keys, line numbers, the source map): on the
/// corpus compact JSON takes up to 117 bytes a line beyond twice the input, pretty JSON up to
/// 283. A room per byte alone was too small for short-lined documents (a tenth of the corpus
/// grew its buffer) and too large for long lines.
///
/// A citation is a node of a dozen keys that a line may hold by the thousand (a paragraph of
/// nothing but references): each gets its own room, up to 360 bytes compact and 640 pretty, so
/// that such a document's buffer is not grown either (the last step held the old buffer and
/// the new one, ten times the input, at once). Room reserved and never written costs no memory
/// on systems that commit pages on first touch.
pub fn document_capacity(doc: &crate::Document, pretty: bool) -> usize {
    let (per_line, per_citation) = if pretty { (320, 640) } else { (128, 360) };
    doc.source
        .bytes
        .saturating_mul(2)
        .saturating_add(doc.source.lines.saturating_mul(per_line))
        .saturating_add(doc.citations.len().saturating_mul(per_citation))
        .saturating_add(1024)
}

fn append_with<T: Serialize + ?Sized, F: Format>(
    out: &mut Vec<u8>,
    value: &T,
    format: F,
) -> Result<(), Error> {
    let start = out.len();
    let mut ser = Json {
        out: std::mem::take(out),
        format,
        depth: 0,
    };
    let result = value.serialize(&mut ser);
    *out = ser.out;
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// Where compact and pretty output differ: the calls of `serde_json`'s `Formatter` that write
/// punctuation, with arrays and objects sharing theirs (`open` and `close` take the bracket).
trait Format {
    /// `[` or `{`.
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8);
    /// `]` or `}`.
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8);
    /// Before an element or a key.
    fn before_value(&mut self, out: &mut Vec<u8>, first: bool);
    /// After an element or a key's value.
    fn after_value(&mut self);
    /// Between a key and its value.
    fn colon(&mut self, out: &mut Vec<u8>);
    /// After an element of an array: where a streamed output may hand on what it holds.
    #[inline]
    fn flush(&mut self, _out: &mut Vec<u8>) -> Result<(), Error> {
        Ok(())
    }

    /// Appends a string value longer than [`STREAM_BLOCK`], quotes included.
    fn long_str(&mut self, out: &mut Vec<u8>, s: &str) -> Result<(), Error> {
        write_str_long(out, s);
        Ok(())
    }
}

/// A format whose output goes to a writer a block at a time ([`write_document`]).
struct Streamed<'w, F> {
    format: F,
    writer: &'w mut dyn io::Write,
}

impl<F: Format> Format for Streamed<'_, F> {
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        self.format.open(out, bracket);
    }

    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8) {
        self.format.close(out, bracket);
    }

    #[inline]
    fn before_value(&mut self, out: &mut Vec<u8>, first: bool) {
        self.format.before_value(out, first);
    }

    #[inline]
    fn after_value(&mut self) {
        self.format.after_value();
    }

    #[inline]
    fn colon(&mut self, out: &mut Vec<u8>) {
        self.format.colon(out);
    }

    #[inline]
    fn flush(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        if out.len() >= STREAM_BLOCK {
            self.writer.write_all(out).map_err(Error::Io)?;
            out.clear();
        }
        Ok(())
    }

    /// Escaped and handed on a block of the string at a time: a paragraph of 10 MB on one line
    /// grew the block to the size of its text (and, by doubling, held two copies of it for a
    /// moment). The escapes are of single ASCII bytes, so a cut anywhere is as good as any.
    fn long_str(&mut self, out: &mut Vec<u8>, s: &str) -> Result<(), Error> {
        out.push(b'"');
        for piece in s.as_bytes().chunks(STREAM_BLOCK) {
            write_bytes_contents(out, piece);
            if out.len() >= STREAM_BLOCK {
                self.writer.write_all(out).map_err(Error::Io)?;
                out.clear();
            }
        }
        out.push(b'"');
        Ok(())
    }
}

/// No whitespace at all.
struct Compact;

impl Format for Compact {
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        out.push(bracket);
    }

    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8) {
        out.push(bracket);
    }

    #[inline]
    fn before_value(&mut self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
    }

    #[inline]
    fn after_value(&mut self) {}

    #[inline]
    fn colon(&mut self, out: &mut Vec<u8>) {
        out.push(b':');
    }
}

/// `serde_json::ser::PrettyFormatter` with its default two-space indent, state for state:
/// `has_value` is one flag for all depths, set after any value and cleared by any opening.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A newline and the indent of the current depth: up to depth 15 one fixed 32-byte store cut
    /// back to length (a variable-length copy is a `memcpy` call, and this runs before every
    /// value); the corpus goes 11 deep.
    #[inline]
    fn newline(&self, out: &mut Vec<u8>) {
        const LINE: &[u8; 32] = b"\n                               ";
        let n = 1 + 2 * self.depth;
        if n <= LINE.len() {
            let end = out.len() + n;
            out.extend_from_slice(LINE);
            out.truncate(end);
        } else {
            out.push(b'\n');
            for _ in 0..self.depth {
                out.extend_from_slice(b"  ");
            }
        }
    }
}

impl Format for Pretty {
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        self.depth += 1;
        self.has_value = false;
        out.push(bracket);
    }

    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8) {
        self.depth -= 1;
        if self.has_value {
            self.newline(out);
        }
        out.push(bracket);
    }

    #[inline]
    fn before_value(&mut self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
        self.newline(out);
    }

    #[inline]
    fn after_value(&mut self) {
        self.has_value = true;
    }

    #[inline]
    fn colon(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice(b": ");
    }
}

/// Appends `s` as a JSON string, quotes included, escaped as `serde_json` escapes.
#[inline(always)]
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Most keys and many values are short: quotes and text in one eight-byte store.
    if let 1..=6 = bytes.len() {
        let text = load_tail(bytes);
        if kernels::escape_flags(text) == 0 {
            let n = bytes.len();
            let quoted = u64::from(b'"') | text << 8 | u64::from(b'"') << (8 * (n + 1));
            let end = out.len() + n + 2;
            out.extend_from_slice(&quoted.to_le_bytes());
            out.truncate(end);
            return;
        }
    }
    // Keys like `end_line`, `issuer_code` and short values: 8 to 16 bytes as their first and
    // last eight (overlapping), scanned and stored whole, no loop.
    if let (8..=16, Some(first), Some(last)) = (
        bytes.len(),
        bytes.first_chunk::<8>(),
        bytes.last_chunk::<8>(),
    ) {
        let (first, last) = (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
        if kernels::escape_flags(first) | kernels::escape_flags(last) == 0 {
            let start = out.len();
            out.reserve(bytes.len() + 2);
            out.push(b'"');
            out.extend_from_slice(&first.to_le_bytes());
            out.truncate(start + 1 + bytes.len() - 8);
            out.extend_from_slice(&last.to_le_bytes());
            out.push(b'"');
            return;
        }
    }
    write_str_long(out, s);
}

/// [`write_str`] of a string its inline paths do not take: out of line, so that those paths
/// inline at every call without the loop.
#[inline(never)]
fn write_str_long(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    write_str_contents(out, s);
    out.push(b'"');
}

/// Spaces, which need no escape, in every byte.
const SPACES: u64 = u64::from_le_bytes([b' '; 8]);

/// The 1 to 7 bytes of `tail` as the low bytes of a `u64`, spaces above: two overlapping loads
/// (or three single bytes), no copy of a variable length.
#[inline]
fn load_tail(tail: &[u8]) -> u64 {
    let n = tail.len();
    debug_assert!((1..8).contains(&n));
    let low = match (tail.first_chunk::<4>(), tail.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first))
                | u64::from(u32::from_le_bytes(*last)) << (8 * (n - 4))
        }
        _ => {
            u64::from(tail[0])
                | u64::from(tail[n / 2]) << (8 * (n / 2))
                | u64::from(tail[n - 1]) << (8 * (n - 1))
        }
    };
    low | SPACES << (8 * n)
}

/// Appends the escaped contents of `s`, without quotes: each run of bytes that need no escape
/// found by [`kernels::unescaped_len`] and copied in one piece, then the escape that ends it.
///
/// The strings that come here are the longer ones (texts of paragraphs, lines and titles;
/// [`write_str`] stores the short ones itself), which rarely hold an escape: one scan and one
/// copy for most of them.
fn write_str_contents(out: &mut Vec<u8>, s: &str) {
    write_bytes_contents(out, s.as_bytes());
}

/// [`write_str_contents`] of a piece of a string's bytes, cut anywhere.
fn write_bytes_contents(out: &mut Vec<u8>, mut rest: &[u8]) {
    loop {
        let clean = kernels::unescaped_len(rest);
        let (run, tail) = rest.split_at(clean.min(rest.len()));
        out.extend_from_slice(run);
        match tail.split_first() {
            Some((&byte, after)) => {
                escape(out, byte);
                rest = after;
            }
            None => return,
        }
    }
}

/// Appends `n` (below 10,000) in decimal: one store of a fixed size per number of digits, where
/// `itoa` ends in a `memcpy` call of a variable length (a call per line number).
#[inline]
fn write_small(out: &mut Vec<u8>, n: u16) {
    let digit = |k: u16| b'0' + (k % 10) as u8;
    match n {
        0..=9 => out.push(digit(n)),
        10..=99 => out.extend_from_slice(&[digit(n / 10), digit(n)]),
        100..=999 => out.extend_from_slice(&[digit(n / 100), digit(n / 10), digit(n)]),
        _ => out.extend_from_slice(&[digit(n / 1000), digit(n / 100), digit(n / 10), digit(n)]),
    }
}

/// Appends the escape of one byte that needs one (below `0x20`, `"` or `\`).
#[cold]
fn escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]];
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex[0], hex[1]]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// Appends a finite or non-finite float exactly as `serde_json` writes it.
fn write_float<T: Serialize>(out: &mut Vec<u8>, value: T) -> Result<(), Error> {
    serde_json::to_writer(out, &value).map_err(|e| Error::Message(e.to_string()))
}

/// The serializer: the output so far and the punctuation state.
struct Json<F> {
    out: Vec<u8>,
    format: F,
    /// Arrays and objects open around the value being written.
    depth: usize,
}

/// The deepest nesting of arrays and objects written: a value nested deeper is refused with an
/// error rather than written as JSON that readers refuse (`serde_json` reads at most 128 levels,
/// Python's `json` about 1,000). A parsed document nests at most
/// [`crate::Options::json_depth`] levels, 127 with the largest section depth limit.
pub const MAX_DEPTH: usize = 127;

impl<F: Format> Json<F> {
    /// Line numbers, counts, days and months (below 10,000) by [`write_small`], other integers
    /// through `itoa`.
    #[inline]
    fn integer<I: itoa::Integer + TryInto<u16>>(&mut self, value: I) {
        match value.try_into() {
            Ok(small) if small < 10_000 => write_small(&mut self.out, small),
            _ => self
                .out
                .extend_from_slice(itoa::Buffer::new().format(value).as_bytes()),
        }
    }

    /// One level further down, or the error that says the value nests too deep.
    fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::Message(format!(
                "value nested deeper than {MAX_DEPTH} levels, more than JSON readers accept"
            )));
        }
        self.depth += 1;
        Ok(())
    }

    /// `{"variant":` with the state of a first key, as `serde_json` opens a variant with data.
    fn open_variant(&mut self, variant: &str) -> Result<(), Error> {
        self.enter()?;
        self.format.open(&mut self.out, b'{');
        self.format.before_value(&mut self.out, true);
        write_str(&mut self.out, variant);
        self.format.colon(&mut self.out);
        Ok(())
    }

    /// `}` after a variant's data.
    fn close_variant(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.format.after_value();
        self.format.close(&mut self.out, b'}');
    }

    /// Opens an array or object; when it is known to be empty, closes it at once.
    fn open(&mut self, open: u8, close: u8, len: Option<usize>) -> Result<State, Error> {
        self.enter()?;
        self.format.open(&mut self.out, open);
        if len == Some(0) {
            self.format.close(&mut self.out, close);
            Ok(State::Empty)
        } else {
            Ok(State::First)
        }
    }
}

/// Where a sequence or map is: known empty (already closed), before its first element, after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// An open sequence or map (or the data of a tuple or struct variant).
struct Compound<'a, F> {
    ser: &'a mut Json<F>,
    state: State,
}

impl<'a, F: Format> Compound<'a, F> {
    /// Separator and indent before the next element or key.
    #[inline]
    fn next(&mut self) {
        let first = self.state == State::First;
        self.state = State::Rest;
        self.ser.format.before_value(&mut self.ser.out, first);
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(&mut *self.ser)?;
        self.ser.format.after_value();
        self.ser.format.flush(&mut self.ser.out)
    }

    /// A map's or struct's value, after the colon.
    fn field_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.ser)?;
        self.ser.format.after_value();
        Ok(())
    }

    /// Closes with `bracket` unless already closed as empty.
    fn close(self, bracket: u8) -> &'a mut Json<F> {
        self.ser.depth = self.ser.depth.saturating_sub(1);
        if self.state != State::Empty {
            self.ser.format.close(&mut self.ser.out, bracket);
        }
        self.ser
    }
}

/// `Json` methods that write an integer.
macro_rules! integers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.integer(v);
            Ok(())
        }
    )*};
}

impl<'a, F: Format> ser::Serializer for &'a mut Json<F> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, F>;
    type SerializeTuple = Compound<'a, F>;
    type SerializeTupleStruct = Compound<'a, F>;
    type SerializeTupleVariant = Compound<'a, F>;
    type SerializeMap = Compound<'a, F>;
    type SerializeStruct = Compound<'a, F>;
    type SerializeStructVariant = Compound<'a, F>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    integers!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        write_float(&mut self.out, v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        write_float(&mut self.out, v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        if v.len() > STREAM_BLOCK {
            return self.format.long_str(&mut self.out, v);
        }
        write_str(&mut self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // As `serde_json`'s `write_byte_array`: no early close when empty.
        self.enter()?;
        self.format.open(&mut self.out, b'[');
        for (i, &byte) in v.iter().enumerate() {
            self.format.before_value(&mut self.out, i == 0);
            self.integer(byte);
            self.format.after_value();
        }
        self.format.close(&mut self.out, b']');
        self.depth = self.depth.saturating_sub(1);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.close_variant();
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, F>, Error> {
        let state = self.open(b'[', b']', len)?;
        Ok(Compound { ser: self, state })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, F>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, F>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, F>, Error> {
        self.open_variant(variant)?;
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, F>, Error> {
        let state = self.open(b'{', b'}', len)?;
        Ok(Compound { ser: self, state })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, F>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, F>, Error> {
        self.open_variant(variant)?;
        self.serialize_map(Some(len))
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        /// Escapes each piece of the formatted text as it comes.
        struct Escaper<'v>(&'v mut Vec<u8>);

        impl fmt::Write for Escaper<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                write_str_contents(self.0, s);
                Ok(())
            }
        }

        self.out.push(b'"');
        fmt::write(&mut Escaper(&mut self.out), format_args!("{value}"))
            .map_err(|e| Error::Message(e.to_string()))?;
        self.out.push(b'"');
        Ok(())
    }
}

impl<F: Format> ser::SerializeSeq for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

/// Tuples and tuple structs: sequences under other names.
macro_rules! sequences {
    ($($kind:ident: $method:ident),*) => {$(
        impl<F: Format> ser::$kind for Compound<'_, F> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }

            fn end(self) -> Result<(), Error> {
                ser::SerializeSeq::end(self)
            }
        }
    )*};
}

sequences!(SerializeTuple: serialize_element, SerializeTupleStruct: serialize_field);

impl<F: Format> ser::SerializeTupleVariant for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b']').close_variant();
        Ok(())
    }
}

impl<F: Format> ser::SerializeMap for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        key.serialize(MapKey(&mut *self.ser))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.format.colon(&mut self.ser.out);
        self.field_value(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl<F: Format> ser::SerializeStruct for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    // Inlined into each derived `serialize`, where `key` is a literal: the length tests and the
    // escape scan of `write_str` fold away, leaving the stores. The value is written by a
    // function of its own, shared by the fields of one type.
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.next();
        write_str(&mut self.ser.out, key);
        self.ser.format.colon(&mut self.ser.out);
        self.field_value(value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeMap::end(self)
    }
}

impl<F: Format> ser::SerializeStructVariant for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b'}').close_variant();
        Ok(())
    }
}

/// `serde_json`'s `MapKeySerializer`: strings as they are, numbers, booleans and chars quoted,
/// anything else an error.
struct MapKey<'a, F>(&'a mut Json<F>);

fn key_must_be_a_string() -> Error {
    Error::Message("key must be a string".to_owned())
}

impl<F: Format> MapKey<'_, F> {
    /// Writes a non-string key between quotes.
    fn quoted(self, write: impl FnOnce(&mut Json<F>) -> Result<(), Error>) -> Result<(), Error> {
        self.0.out.push(b'"');
        write(&mut *self.0)?;
        self.0.out.push(b'"');
        Ok(())
    }

    fn float_key<T: Serialize>(self, value: T, finite: bool) -> Result<(), Error> {
        if !finite {
            return Err(Error::Message(
                "float key must be finite (got NaN or +/-inf)".to_owned(),
            ));
        }
        self.quoted(|json| write_float(&mut json.out, value))
    }
}

/// A `MapKey` method that quotes an integer.
macro_rules! integer_keys {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.quoted(|json| {
                json.integer(v);
                Ok(())
            })
        }
    )*};
}

impl<F: Format> ser::Serializer for MapKey<'_, F> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    integer_keys!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(|json| ser::Serializer::serialize_bool(json, v))
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float_key(v, v.is_finite())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float_key(v, v.is_finite())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        ser::Serializer::serialize_char(self.0, v)
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        ser::Serializer::serialize_str(self.0, v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        ser::Serializer::serialize_str(self.0, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        ser::Serializer::collect_str(self.0, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, s);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn every_byte_below_0x80_escapes_as_serde_json() {
        for b in 0u8..0x80 {
            let s = char::from(b).to_string();
            assert_eq!(
                escaped(&s),
                serde_json::to_string(&s).unwrap(),
                "byte {b:#x}"
            );
        }
    }

    #[test]
    fn the_escape_is_found_at_every_offset_of_a_chunk() {
        // Past two 32-byte blocks, an eight-byte chunk and a tail.
        for len in 0..80 {
            for at in 0..len {
                for special in ["\"", "\\", "\u{1}", "\n", "\u{1f}", "\u{7f}", "ệ", "/"] {
                    let mut s: String = "a".repeat(at);
                    s.push_str(special);
                    s.push_str(&"b".repeat(len - at - 1));
                    assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn integers_are_written_as_itoa_writes_them() {
        let mut cases: Vec<u64> = (0..1100).collect();
        for digits in 1..=10 {
            let power = 10u64.pow(digits);
            cases.extend([power - 1, power, power + 1, power * 7 / 3]);
        }
        cases.extend([u64::from(u32::MAX), u64::MAX]);
        for n in cases {
            let mut json = Json {
                out: Vec::new(),
                format: Compact,
                depth: 0,
            };
            json.integer(n);
            json.integer(u32::try_from(n).unwrap_or(u32::MAX));
            let expected = format!("{n}{}", u32::try_from(n).unwrap_or(u32::MAX));
            assert_eq!(String::from_utf8(json.out).unwrap(), expected);
        }
        let mut json = Json {
            out: Vec::new(),
            format: Compact,
            depth: 0,
        };
        json.integer(-42i64);
        assert_eq!(json.out, b"-42");
    }

    /// Arrays in arrays, `levels` deep in all: the innermost an object holding an empty array.
    fn nested(levels: usize) -> serde_json::Value {
        let mut v = serde_json::json!({"k": []});
        for _ in 2..levels {
            v = serde_json::Value::Array(vec![v]);
        }
        v
    }

    #[test]
    fn nesting_stops_where_json_readers_stop() {
        let deepest = nested(MAX_DEPTH);
        for pretty in [false, true] {
            let written = if pretty {
                to_vec_pretty(&deepest)
            } else {
                to_vec(&deepest)
            };
            let written = written.expect("127 levels are written");
            let read: serde_json::Value =
                serde_json::from_slice(&written).expect("serde_json reads 127 levels");
            assert_eq!(read, deepest);
        }
        let err = to_vec(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "value nested deeper than 127 levels, more than JSON readers accept"
        );
        let mut out = b"kept".to_vec();
        assert!(append(&mut out, &nested(MAX_DEPTH + 1)).is_err());
        assert_eq!(
            out, b"kept",
            "nothing of a refused value is left in the buffer"
        );
        // Depth is given back as values close: siblings do not add up.
        let wide = serde_json::Value::Array(vec![nested(MAX_DEPTH - 1); 3]);
        assert!(to_vec(&wide).is_ok());
    }

    #[test]
    fn a_borrow_out_of_a_flagged_byte_does_not_hide_or_invent_escapes() {
        // Control bytes right below quotes and backslashes, and bytes one above the thresholds.
        let s = "\u{0}\"\u{1f}\\ !#[]\u{0}\u{0}\"\"\\\\\u{1f} \u{1f}!";
        assert_eq!(escaped(s), serde_json::to_string(s).unwrap());
    }
}
