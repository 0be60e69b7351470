//! Bytes to text: which encoding a file is in, and which files are not text at all.
//!
//! Archives of Vietnamese administrative documents hold UTF-8 (with or without a byte order
//! mark), UTF-16 saved by Windows tools (always with a byte order mark), older Windows-1258 text,
//! and files that are not text: Word and PDF originals, scans, ZIP bundles. [`decode`] tells them
//! apart, in this order:
//! 1. an empty file or one over the size limit is refused;
//! 2. a known binary format is recognized by its magic bytes: Word (`.docx`, `.doc`) and RTF
//!    files are read into text ([`super::office`], legacy-font runs decoded); any other is refused
//!    with its name and what to do about it (`PDF file: extract its text first (e.g. pdftotext
//!    -layout)`);
//! 3. a UTF-16 byte order mark decides UTF-16 LE or BE;
//! 4. any NUL byte means binary data (or UTF-16 without a byte order mark);
//! 5. valid UTF-8 is UTF-8;
//! 6. otherwise, text that is mostly valid UTF-8 is damaged UTF-8 and refused, and anything else
//!    that looks like text (no control bytes) is read line by line as Windows-1258 or, where its
//!    words are Vietnamese syllables only that way, as TCVN3, VNI or VISCII ([`super::legacy`]).
//!
//! [`decode_as`] forces an encoding (`vanban text --encoding`).
//!
//! The decoded text is faithful to the file: a byte order mark stays as U+FEFF and Windows-1258
//! tone marks stay combining characters, so that [`crate::text::normalize::normalize`] records the BOM
//! removal and the NFC composition it then does.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::legacy::{self, Tally};
use super::office;

/// Largest input accepted by default: 50 MB, far above any real document.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, byte order mark included (as U+FEFF) when the file had one.
    pub text: String,
    /// Name of the encoding that covered the most text: the file's own (`utf-8`, `utf-16le`,
    /// `utf-16be`, `windows-1258`; `unicode` for Word, RTF and PDF text stored as Unicode) or a
    /// legacy one (`tcvn3`, `vni`, `viscii`, `viqr`).
    pub encoding: &'static str,
    /// The kind of file it was read from; `None` for a text file (Markdown or plain text: the
    /// parser tells them apart).
    pub format: Option<InputFormat>,
    /// Every encoding the text was read in and how much of it each one covered, the most first.
    pub encodings: Vec<EncodingUse>,
    /// For a Word or RTF file, the line (from 1) where its page headers and footers start: they
    /// follow the text (and its notes), and are page furniture, not the document's words.
    pub furniture: Option<usize>,
    /// For a Word or RTF file, the marks of a review left in it: changes tracked and never
    /// accepted or rejected, and comments.
    pub review_marks: Option<ReviewMarks>,
}

/// The marks of a review a Word or RTF file still holds: changes tracked and never accepted or
/// rejected, and comments. The text is read as if the changes were accepted (deleted text left
/// out, inserted text read); the comments' text is not the document's and is not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewMarks {
    /// Characters deleted (or moved away).
    pub deleted_chars: usize,
    /// Characters inserted (or moved here).
    pub inserted_chars: usize,
    /// Comments, each counted where it is anchored.
    pub comments: usize,
    /// The lines (from 1) of the text read that hold a change or a comment, in order.
    pub lines: Vec<usize>,
}

impl Decoded {
    /// Text read whole in one encoding.
    fn whole(text: String, encoding: &'static str, bytes: usize) -> Decoded {
        let mut tally = Tally::default();
        tally.add(encoding, bytes);
        Decoded::tallied(text, encoding, None, tally)
    }

    /// Text read in the encodings `tally` counted; `encoding` names the unconverted part.
    fn tallied(
        text: String,
        encoding: &'static str,
        format: Option<InputFormat>,
        tally: Tally,
    ) -> Decoded {
        let uses = tally.uses();
        let main = uses.first().map_or(encoding, |u| u.0);
        let total: usize = uses.iter().map(|u| u.1).sum();
        let encodings = uses
            .into_iter()
            .map(|(name, bytes, paragraphs)| EncodingUse {
                name: name.to_owned(),
                bytes,
                paragraphs,
                share: share(bytes, total),
            })
            .collect();
        Decoded {
            text,
            encoding: main,
            format,
            encodings,
            furniture: None,
            review_marks: None,
        }
    }
}

/// `part / total`, rounded to four decimals (1 when the whole is empty).
fn share(part: usize, total: usize) -> f64 {
    if total == 0 {
        return 1.0;
    }
    // Document sizes are far below 2^52: the conversions are exact.
    #[allow(clippy::cast_precision_loss)]
    let ratio = part as f64 / total as f64;
    (ratio * 10_000.0).round() / 10_000.0
}

/// The kind of file a document was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// Word 2007+ (`.docx`).
    Docx,
    /// Word 97-2003 (`.doc`).
    Doc,
    /// Rich Text Format (`.rtf`).
    Rtf,
    /// PDF, its text extracted by `pdftotext`.
    Pdf,
    /// PDF without a text layer (a scan), its text read on its page images by OCR
    /// (`tesseract -l vie`): letters and diacritics may be misread.
    PdfOcr,
}

impl InputFormat {
    /// Lower-case name, as `source.input_format` records it (`docx`).
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Docx => "docx",
            InputFormat::Doc => "doc",
            InputFormat::Rtf => "rtf",
            InputFormat::Pdf => "pdf",
            InputFormat::PdfOcr => "pdf_ocr",
        }
    }
}

/// One encoding a text was read in and how much of it that covered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EncodingUse {
    /// `utf-8`, `utf-16le`, `utf-16be`, `windows-1258`, `unicode` (Word, RTF or PDF text stored
    /// as Unicode), or a legacy encoding: `tcvn3`, `vni`, `viscii`, `viqr`.
    pub name: String,
    /// Bytes read in it: of the file for a text file, of the text as stored (runs, extracted
    /// lines) for Word, RTF and PDF.
    pub bytes: usize,
    /// Paragraphs (lines of a text file) that hold some text in it.
    pub paragraphs: usize,
    /// `bytes` over the bytes of all encodings, rounded to four decimals.
    pub share: f64,
}

/// A file format that is not text, recognized by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BinaryFormat {
    /// Word 97-2003 (`.doc`) or another OLE2 compound file (`D0 CF 11 E0`).
    Doc,
    /// Word 2007+ (`.docx`): a ZIP archive with a `word/` part.
    Docx,
    /// OpenDocument text (`.odt`): a ZIP archive whose `mimetype` says so.
    Odt,
    /// Any other ZIP archive (`PK 03 04`).
    Zip,
    /// Rich Text Format (`{\rtf`): text, but markup rather than the document.
    Rtf,
    /// PDF (`%PDF`).
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// GIF image.
    Gif,
    /// TIFF image (scanners write it).
    Tiff,
}

impl BinaryFormat {
    /// Short name used in messages and error records (`DOCX`).
    pub fn name(self) -> &'static str {
        match self {
            BinaryFormat::Doc => "DOC",
            BinaryFormat::Docx => "DOCX",
            BinaryFormat::Odt => "ODT",
            BinaryFormat::Zip => "ZIP",
            BinaryFormat::Rtf => "RTF",
            BinaryFormat::Pdf => "PDF",
            BinaryFormat::Png => "PNG",
            BinaryFormat::Jpeg => "JPEG",
            BinaryFormat::Gif => "GIF",
            BinaryFormat::Tiff => "TIFF",
        }
    }

    /// What the user can do to get text out of such a file.
    fn advice(self) -> &'static str {
        match self {
            BinaryFormat::Doc => {
                "Word 97-2003 file: convert it to text first \
                 (e.g. libreoffice --headless --convert-to txt, or antiword)"
            }
            BinaryFormat::Docx => "file: convert it to text first (e.g. pandoc -t markdown)",
            BinaryFormat::Odt => "file: convert it to text first (e.g. pandoc -t markdown)",
            BinaryFormat::Zip => "archive: unpack it and convert the files inside",
            BinaryFormat::Rtf => "file: convert it to text first (e.g. pandoc -f rtf -t markdown)",
            BinaryFormat::Pdf => "file: extract its text first (e.g. pdftotext -layout)",
            BinaryFormat::Png | BinaryFormat::Jpeg | BinaryFormat::Gif | BinaryFormat::Tiff => {
                "image: a scanned page needs OCR first (e.g. tesseract -l vie)"
            }
        }
    }
}

/// Why bytes could not be read as a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The file has no bytes.
    Empty,
    /// The file is larger than the limit.
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A known binary format.
    Binary(BinaryFormat),
    /// A NUL byte: binary data, or UTF-16 saved without a byte order mark.
    Nul {
        /// Offset of the first NUL byte.
        offset: usize,
        /// True when NUL bytes alternate with text bytes, as in UTF-16 without a BOM.
        utf16_like: bool,
    },
    /// Control bytes that text never has: binary data of an unknown format.
    NotText {
        /// Offset of the first such byte.
        offset: usize,
    },
    /// Mostly UTF-8, with invalid sequences: a damaged file or mixed encodings.
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A UTF-16 byte order mark followed by invalid UTF-16 (odd length, lone surrogate).
    InvalidUtf16 {
        /// `utf-16le` or `utf-16be`.
        encoding: &'static str,
    },
    /// A format read by another program that is not installed (`pdftotext` for PDF, `tesseract`
    /// for a scanned PDF).
    MissingTool {
        /// `PDF`, or `scanned PDF` for the OCR tools.
        format: &'static str,
        /// The program (or its data).
        tool: &'static str,
        /// The Debian packages that install it, space-separated.
        package: &'static str,
    },
    /// A Word, RTF or PDF file that could not be read (damaged, encrypted, Word 6, a scan).
    Unreadable {
        /// `DOC` or `RTF`.
        format: &'static str,
        /// What is wrong.
        reason: String,
    },
}

impl DecodeError {
    /// A stable, short name of the kind of error, for error records (`docx`, `empty`, `nul`).
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::Binary(f) => match f {
                BinaryFormat::Doc => "doc",
                BinaryFormat::Docx => "docx",
                BinaryFormat::Odt => "odt",
                BinaryFormat::Zip => "zip",
                BinaryFormat::Rtf => "rtf",
                BinaryFormat::Pdf => "pdf",
                BinaryFormat::Png => "png",
                BinaryFormat::Jpeg => "jpeg",
                BinaryFormat::Gif => "gif",
                BinaryFormat::Tiff => "tiff",
            },
            DecodeError::Nul { .. } => "nul",
            DecodeError::NotText { .. } => "not_text",
            DecodeError::InvalidUtf8 { .. } => "invalid_utf8",
            DecodeError::InvalidUtf16 { .. } => "invalid_utf16",
            DecodeError::Unreadable { .. } => "unreadable",
            DecodeError::MissingTool { .. } => "missing_tool",
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file: nothing to parse"),
            DecodeError::TooLarge { size, limit } => write!(
                f,
                "input of {size} bytes is over the limit of {limit} bytes: \
                 check that it is one document, then raise the limit (--max-size)"
            ),
            DecodeError::Binary(format) => write!(f, "{} {}", format.name(), format.advice()),
            DecodeError::Nul {
                offset,
                utf16_like: true,
            } => write!(
                f,
                "NUL byte at offset {offset}: looks like UTF-16 without a byte order mark; \
                 re-save it as UTF-8"
            ),
            DecodeError::Nul { offset, .. } => write!(
                f,
                "binary data (NUL byte at offset {offset}): not a text document"
            ),
            DecodeError::NotText { offset } => write!(
                f,
                "binary data (control byte at offset {offset}): not a text document"
            ),
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset} in otherwise UTF-8 text: the file is damaged \
                 or mixes encodings; repair it or re-save it as UTF-8"
            ),
            DecodeError::MissingTool {
                format,
                tool,
                package,
            } => write!(
                f,
                "{format} file needs {tool}, which is not installed: install it with \
                 apt-get install {package}"
            ),
            DecodeError::Unreadable { format, reason } => {
                write!(f, "{format} file could not be read: {reason}")
            }
            DecodeError::InvalidUtf16 { encoding } => write!(
                f,
                "invalid {encoding} after its byte order mark (odd length or lone surrogate): \
                 the file is damaged; re-save it as UTF-8"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads all of `reader` into memory, but never more than `max_bytes`: past the limit the rest
/// is only counted, never stored, so the error can say how large the input really was.
/// Errors of the reader itself are the outer `Err`.
///
/// ```
/// use vanban::decode::{DecodeError, read_limited};
/// let bytes = read_limited("BÁO CÁO".as_bytes(), 64).unwrap().unwrap();
/// assert_eq!(bytes, "BÁO CÁO".as_bytes());
/// let refused = read_limited(&[b'x'; 100][..], 64).unwrap();
/// assert_eq!(refused, Err(DecodeError::TooLarge { size: 100, limit: 64 }));
/// ```
pub fn read_limited<R: Read>(
    reader: R,
    max_bytes: u64,
) -> io::Result<Result<Vec<u8>, DecodeError>> {
    let mut bytes = Vec::new();
    let mut reader = reader.take(max_bytes.saturating_add(1));
    reader.read_to_end(&mut bytes)?;
    if (bytes.len() as u64) <= max_bytes {
        return Ok(Ok(bytes));
    }
    let rest = io::copy(&mut reader.into_inner(), &mut io::sink())?;
    Ok(Err(DecodeError::TooLarge {
        size: (bytes.len() as u64).saturating_add(rest),
        limit: max_bytes,
    }))
}

/// Decodes a file's bytes with the default size limit ([`DEFAULT_MAX_BYTES`]).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_limit(bytes, DEFAULT_MAX_BYTES)
}

/// Decodes a file's bytes, refusing more than `max_bytes`.
pub fn decode_with_limit(bytes: &[u8], max_bytes: u64) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let size = bytes.len() as u64;
    if size > max_bytes {
        return Err(DecodeError::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    if let Some(format) = sniff(bytes) {
        return read_office(format, bytes, Reading::Detect);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, encoding_rs::UTF_16LE, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, encoding_rs::UTF_16BE, "utf-16be");
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Nul {
            offset,
            utf16_like: looks_like_utf16(bytes),
        });
    }
    // simdutf8 validates Vietnamese text (a quarter of it multi-byte) about ten times faster than
    // `std::str::from_utf8`, and gives the same answer with the same error offset.
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => Ok(utf8(text, bytes.len())),
        Err(e) => {
            if mostly_utf8(bytes) {
                return Err(DecodeError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                });
            }
            let as_1258 = decode_windows_1258(bytes)?;
            Ok(legacy_text(bytes, None).unwrap_or(as_1258))
        }
    }
}

/// How legacy encodings are handled: detected (the default), left alone (the text as its
/// encoding or its file reads), or one forced on the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Detect,
    AsIs,
    Forced(legacy::Encoding),
}

/// Decodes a file's bytes in the encoding a person names (`--encoding`): `utf-8`,
/// `windows-1258`, or a legacy encoding (`tcvn3`, `vni`, `viscii`, `viqr`). For a Word or RTF
/// file the Unicode names mean "as the file stores it" (no legacy decoding), a legacy name
/// decodes every run in it. `None` for an unknown name.
pub fn decode_as(
    bytes: &[u8],
    max_bytes: u64,
    encoding: &str,
) -> Option<Result<Decoded, DecodeError>> {
    let reading = match encoding.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "windows-1258" | "cp1258" => Reading::AsIs,
        name => Reading::Forced(legacy::Encoding::from_name(name)?),
    };
    let refused = |e| Some(Err(e));
    if bytes.is_empty() {
        return refused(DecodeError::Empty);
    }
    let size = bytes.len() as u64;
    if size > max_bytes {
        return refused(DecodeError::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    if let Some(format) = sniff(bytes) {
        return Some(read_office(format, bytes, reading));
    }
    Some(match reading {
        Reading::Forced(enc) => legacy_text(bytes, Some(enc)).ok_or(DecodeError::Empty),
        _ if encoding.starts_with(['w', 'W', 'c', 'C']) => decode_windows_1258(bytes),
        _ => simdutf8::compat::from_utf8(bytes)
            .map(|text| utf8(text, bytes.len()))
            .map_err(|e| DecodeError::InvalidUtf8 {
                offset: e.valid_up_to(),
            }),
    })
}

/// Text another program extracted from a PDF (`pdftotext`): lines set in legacy fonts decoded
/// ([`legacy::decode_extracted`]). Reading the PDF itself is [`crate::batch::pdf`]'s job.
pub fn decode_pdf_text(text: String) -> Decoded {
    pdf_decoded(text, None, &[])
}

/// [`decode_pdf_text`] with the PDF's fonts (`fonts_xml`, poppler's `pdftohtml -xml` output
/// for the same file): TCVN3 text drawn in a capitals font (`VnTimeHBold`) comes out in capitals,
/// as on the page ([`office::pdf_fonts`]).
pub fn decode_pdf_text_with_fonts(text: String, fonts_xml: &str) -> Decoded {
    let capitals = office::pdf_fonts::capitals(fonts_xml, &text);
    pdf_decoded(text, None, &capitals)
}

/// Whether a decoded PDF text holds TCVN3 lines: only then can its fonts change it
/// ([`decode_pdf_text_with_fonts`]).
pub fn has_tcvn3(decoded: &Decoded) -> bool {
    decoded
        .encodings
        .iter()
        .any(|u| u.name == legacy::Encoding::Tcvn3.name())
}

/// [`decode_pdf_text`] in the encoding a person names ([`decode_as`]): a Unicode name leaves the
/// text as extracted, a legacy one decodes every line. `None` for an unknown name.
pub fn decode_pdf_text_as(text: String, encoding: &str) -> Option<Decoded> {
    Some(pdf_decoded(text, Some(pdf_forced(encoding)?), &[]))
}

/// [`decode_pdf_text_as`] with the PDF's fonts when they could be read (`fonts_xml`), as
/// [`decode_pdf_text_with_fonts`] reads them: text forced into TCVN3 gets the capitals its fonts
/// draw. `None` for an unknown name.
pub fn decode_pdf_text_as_with_fonts(
    text: String,
    encoding: &str,
    fonts_xml: Option<&str>,
) -> Option<Decoded> {
    let forced = pdf_forced(encoding)?;
    let capitals = fonts_xml.map_or_else(Vec::new, |xml| office::pdf_fonts::capitals(xml, &text));
    Some(pdf_decoded(text, Some(forced), &capitals))
}

/// True when a PDF's text read in `encoding` ([`decode_pdf_text_as`]) is TCVN3, whose capitals
/// are its fonts'.
pub fn forces_tcvn3(encoding: &str) -> bool {
    pdf_forced(encoding).flatten() == Some(legacy::Encoding::Tcvn3)
}

/// The reading a person's encoding name asks of a PDF's text: `None` (as extracted) for a
/// Unicode name, else the legacy encoding; `None` outside for an unknown name.
fn pdf_forced(encoding: &str) -> Option<Option<legacy::Encoding>> {
    match encoding.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "windows-1258" | "cp1258" => Some(None),
        name => Some(Some(legacy::Encoding::from_name(name)?)),
    }
}

/// Text OCR read on the pages of a scanned PDF ([`crate::batch::ocr`]): Unicode as read, no
/// line taken for a legacy encoding (OCR reads letters, not font codes).
pub fn decode_ocr_text(text: String) -> Decoded {
    extracted(text, Some(None), InputFormat::PdfOcr, &[])
}

/// PDF text: `reading` `None` detects legacy lines, `Some(None)` leaves the text as extracted,
/// `Some(Some(enc))` decodes every line in `enc`; `capitals` as
/// [`legacy::decode_extracted`] takes them.
fn pdf_decoded(
    text: String,
    reading: Option<Option<legacy::Encoding>>,
    capitals: &[Vec<std::ops::Range<usize>>],
) -> Decoded {
    extracted(text, reading, InputFormat::Pdf, capitals)
}

/// Text another program extracted from a file of `format`, read as [`pdf_decoded`] says.
fn extracted(
    text: String,
    reading: Option<Option<legacy::Encoding>>,
    format: InputFormat,
    capitals: &[Vec<std::ops::Range<usize>>],
) -> Decoded {
    let format = Some(format);
    let legacy = match reading {
        Some(None) => None,
        Some(Some(enc)) => legacy::decode_extracted(&text, Some(enc), capitals),
        None => legacy::decode_extracted(&text, None, capitals),
    };
    match legacy {
        None => {
            let mut tally = Tally::default();
            for line in text.lines() {
                tally.add(legacy::UNICODE, line.len());
                tally.end_paragraph();
            }
            Decoded::tallied(text, legacy::UNICODE, format, tally)
        }
        Some((text, tally)) => Decoded::tallied(text, legacy::UNICODE, format, tally),
    }
}

/// A text file read as UTF-8.
fn utf8(text: &str, bytes: usize) -> Decoded {
    Decoded::whole(text.to_owned(), "utf-8", bytes)
}

/// A text file read line by line in the legacy encodings its lines are in ([`legacy`]); `None`
/// when no line is.
fn legacy_text(bytes: &[u8], forced: Option<legacy::Encoding>) -> Option<Decoded> {
    let (text, tally) = legacy::decode_bytes(bytes, forced)?;
    Some(Decoded::tallied(text, "windows-1258", None, tally))
}

/// A Word (`.docx`, `.doc`) or RTF file read into text ([`office`]); every other binary format
/// refused.
fn read_office(
    format: BinaryFormat,
    bytes: &[u8],
    reading: Reading,
) -> Result<Decoded, DecodeError> {
    let paragraphs = match format {
        // A password-protected `.docx` is a compound file holding the encrypted package.
        BinaryFormat::Doc if office::docx::is_encrypted_package(bytes) => {
            Err(office::OfficeError {
                format: "DOCX",
                reason: "the document is encrypted (password protected)".to_owned(),
            })
        }
        BinaryFormat::Doc => office::doc::read(bytes),
        BinaryFormat::Rtf => office::rtf::read(bytes),
        // The sniffer looks at the first kilobyte only: any ZIP may hold a Word document.
        BinaryFormat::Docx | BinaryFormat::Zip => match office::docx::read(bytes) {
            Ok(Some(paragraphs)) => Ok(paragraphs),
            Err(e) if format == BinaryFormat::Docx => Err(e),
            _ => return Err(DecodeError::Binary(format)),
        },
        _ => return Err(DecodeError::Binary(format)),
    };
    let paragraphs = paragraphs.map_err(|e| DecodeError::Unreadable {
        format: e.format,
        reason: e.reason,
    })?;
    let forced = match reading {
        Reading::Detect => office::Legacy::Detect,
        Reading::AsIs => office::Legacy::Never,
        Reading::Forced(enc) => office::Legacy::Forced(enc),
    };
    let read = office::to_text(&paragraphs, forced);
    let format = match format {
        BinaryFormat::Doc => InputFormat::Doc,
        BinaryFormat::Rtf => InputFormat::Rtf,
        _ => InputFormat::Docx,
    };
    let review_marks = (!read.revised.is_empty()).then(|| ReviewMarks {
        deleted_chars: read.revised.iter().map(|(_, r)| r.deleted).sum(),
        inserted_chars: read.revised.iter().map(|(_, r)| r.inserted).sum(),
        comments: read.revised.iter().map(|(_, r)| r.comments).sum(),
        lines: read.revised.iter().map(|&(line, _)| line).collect(),
    });
    Ok(Decoded {
        furniture: read.furniture,
        review_marks,
        ..Decoded::tallied(read.text, legacy::UNICODE, Some(format), read.tally)
    })
}

/// Recognizes a binary format by its magic bytes.
pub fn sniff(bytes: &[u8]) -> Option<BinaryFormat> {
    const MAGIC: &[(&[u8], BinaryFormat)] = &[
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            BinaryFormat::Doc,
        ),
        (b"%PDF", BinaryFormat::Pdf),
        (b"\x89PNG\r\n\x1a\n", BinaryFormat::Png),
        (&[0xFF, 0xD8, 0xFF], BinaryFormat::Jpeg),
        (b"GIF87a", BinaryFormat::Gif),
        (b"GIF89a", BinaryFormat::Gif),
        (b"II*\0", BinaryFormat::Tiff),
        (b"MM\0*", BinaryFormat::Tiff),
        (b"{\\rtf", BinaryFormat::Rtf),
    ];
    if let Some(&(_, format)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(format);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // The first entries' names lie in the first kilobyte: enough to tell the usual cases.
        let head = &bytes[..bytes.len().min(1024)];
        let contains = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
        return Some(if contains(b"word/") {
            BinaryFormat::Docx
        } else if contains(b"application/vnd.oasis.opendocument.text") {
            BinaryFormat::Odt
        } else {
            BinaryFormat::Zip
        });
    }
    None
}

fn decode_utf16(
    rest: &[u8],
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Result<Decoded, DecodeError> {
    if rest.len() % 2 != 0 {
        return Err(DecodeError::InvalidUtf16 { encoding: name });
    }
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(rest)
        .ok_or(DecodeError::InvalidUtf16 { encoding: name })?;
    if let Some(at) = text.find('\0') {
        // Report the offset in the file: two bytes per UTF-16 unit, after the BOM.
        let units: usize = text[..at].chars().map(char::len_utf16).sum();
        return Err(DecodeError::Nul {
            offset: 2 + 2 * units,
            utf16_like: false,
        });
    }
    let mut out = String::with_capacity(text.len() + 3);
    out.push('\u{FEFF}');
    out.push_str(&text);
    Ok(Decoded::whole(out, name, rest.len() + 2))
}

/// True when NUL bytes sit at every other position (UTF-16 text of mostly ASCII letters).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return false;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    even.max(odd) * 10 >= pairs * 7 && even.min(odd) * 10 <= pairs
}

/// True when the valid UTF-8 multibyte characters outnumber the invalid sequences: the text is
/// UTF-8 with damage, not a legacy encoding (whose letters rarely form valid UTF-8 sequences).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    multibyte >= 4 && multibyte >= 2 * invalid
}

fn decode_windows_1258(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    // Bytes Windows-1258 leaves undefined decode to C1 controls: like C0 controls other than
    // white space (and the DOS end-of-file mark), text never has them.
    let mut controls = 0usize;
    let mut first = None;
    for (i, c) in text.char_indices() {
        let control = matches!(c, '\0'..='\u{08}' | '\u{0E}'..='\u{19}' | '\u{1B}'..='\u{1F}')
            || ('\u{80}'..='\u{9F}').contains(&c);
        if control {
            controls += 1;
            first.get_or_insert(i);
        }
    }
    if let Some(at) = first {
        if controls > text.len() / 200 {
            return Err(DecodeError::NotText {
                offset: byte_offset_1258(&text, at),
            });
        }
    }
    let text = match text {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    };
    Ok(Decoded::whole(text, "windows-1258", bytes.len()))
}

/// Offset in the file of the character at `at` in text decoded from Windows-1258 (one byte a
/// character).
fn byte_offset_1258(text: &str, at: usize) -> usize {
    text[..at].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const VI: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode(VI.as_bytes()).expect("UTF-8 decodes");
        assert_eq!((d.text.as_str(), d.encoding), (VI, "utf-8"));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), VI.as_bytes()].concat();
        let d = decode(&with_bom).expect("UTF-8 with BOM decodes");
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(
            d.text,
            format!("\u{FEFF}{VI}"),
            "the BOM is kept for normalize"
        );
    }

    #[test]
    fn utf16_both_byte_orders() {
        for (le, name) in [(true, "utf-16le"), (false, "utf-16be")] {
            let d = decode(&utf16(VI, le)).expect("UTF-16 with BOM decodes");
            assert_eq!(d.encoding, name);
            assert_eq!(d.text, format!("\u{FEFF}{VI}"), "{name} text and BOM");
        }
    }

    #[test]
    fn utf16_damaged_is_refused() {
        let mut odd = utf16(VI, true);
        odd.push(b'x');
        assert_eq!(
            decode(&odd),
            Err(DecodeError::InvalidUtf16 {
                encoding: "utf-16le"
            })
        );
        // A lone high surrogate.
        let lone = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(
            decode(&lone).map(|d| d.encoding),
            Err(DecodeError::InvalidUtf16 {
                encoding: "utf-16le"
            })
        );
    }

    #[test]
    fn windows_1258_with_combining_tones() {
        // "Hà Nội, ngày": à = 0xE0; ộ = ô (0xF4) + dot below (0xF2); à again.
        let bytes = b"H\xE0 N\xF4\xF2i, ng\xE0y 05 th\xE1ng 3";
        let d = decode(bytes).expect("Windows-1258 decodes");
        assert_eq!(d.encoding, "windows-1258");
        assert_eq!(d.text, "Hà Nô\u{0323}i, ngày 05 tháng 3");
        let doc = crate::parse_bytes(bytes, &crate::Options::default()).expect("parses");
        assert_eq!(doc.source.encoding, "windows-1258");
        assert!(
            doc.source
                .normalizations
                .contains(&crate::model::Normalization::Nfc),
            "the combining tone marks are composed and that is recorded"
        );
    }

    #[test]
    fn nfd_utf8_is_utf8() {
        let nfd = "Ho\u{0300}a Bi\u{0300}nh";
        let d = decode(nfd.as_bytes()).expect("NFD is valid UTF-8");
        assert_eq!((d.text.as_str(), d.encoding), (nfd, "utf-8"));
    }

    #[test]
    fn binary_formats_are_named() {
        let mut docx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
        docx.extend_from_slice(b"\0\0\0\0[Content_Types].xml....word/document.xml");
        let cases: [(&[u8], &str); 6] = [
            (
                b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text",
                "ODT",
            ),
            (b"PK\x03\x04\x14\x00\x00\x00data.csv", "ZIP"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "PDF"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
            (&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "JPEG"),
            (b"GIF89a\x01\0\x01\0", "GIF"),
        ];
        for (bytes, name) in cases {
            let err = decode(bytes).expect_err(name);
            assert!(
                err.to_string().starts_with(&format!("{name} ")),
                "{name}: message names the format: {err}"
            );
            let says_what_to_do = ["convert", "extract", "OCR"]
                .iter()
                .any(|verb| err.to_string().contains(verb));
            assert!(says_what_to_do, "{name}: says what to do: {err}");
        }
        // A DOCX is read; a damaged one is refused, saying so.
        let err = decode(&docx).expect_err("a damaged DOCX is refused");
        assert_eq!(err.kind(), "unreadable");
        assert!(
            err.to_string()
                .starts_with("DOCX file could not be read: not a valid ZIP archive"),
            "{err}"
        );
    }

    #[test]
    fn word_and_rtf_are_read() {
        let rtf = decode(b"{\\rtf1\\ansi\\deff0 Hello}").expect("RTF is read");
        assert_eq!((rtf.text.as_str(), rtf.encoding), ("Hello\n", "unicode"));
        assert_eq!(rtf.format, Some(InputFormat::Rtf));
        let damaged = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
        let err = decode(&damaged).expect_err("a damaged DOC is refused");
        assert_eq!(err.kind(), "unreadable");
        assert!(
            err.to_string().starts_with("DOC file could not be read: "),
            "{err}"
        );
    }

    #[test]
    fn legacy_text_files_are_decoded() {
        // "Cộng hòa xã hội chủ nghĩa" in TCVN3 and in VNI.
        let tcvn3 = b"C\xE9ng h\xDFa x\xB7 h\xE9i ch\xF1 ngh\xDCa";
        let d = decode(tcvn3).expect("TCVN3 decodes");
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Cộng hòa xã hội chủ nghĩa", "tcvn3")
        );
        let vni = b"Co\xE4ng ho\xF8a xa\xF5 ho\xE4i chu\xFB ngh\xF3a";
        let d = decode(vni).expect("VNI decodes");
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Cộng hòa xã hội chủ nghĩa", "vni")
        );
        let forced = decode_as(b"Vie^.t Nam", 1024, "viqr")
            .expect("known")
            .expect("decodes");
        assert_eq!(
            (forced.text.as_str(), forced.encoding),
            ("Việt Nam", "viqr")
        );
        assert!(decode_as(b"x", 1024, "klingon").is_none());
    }

    #[test]
    fn empty_and_too_large() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(
            decode_with_limit(b"0123456789", 4),
            Err(DecodeError::TooLarge { size: 10, limit: 4 })
        );
        assert!(
            decode_with_limit(b"0123", 4).is_ok(),
            "the limit itself is allowed"
        );
    }

    #[test]
    fn nul_bytes_are_binary_or_bomless_utf16() {
        assert_eq!(
            decode(b"abc\0\x01\x02\x03garbage"),
            Err(DecodeError::Nul {
                offset: 3,
                utf16_like: false
            })
        );
        let bomless: Vec<u8> = utf16("Số: 12/BC-UBND ngày 05", true)[2..].to_vec();
        let err = decode(&bomless).expect_err("UTF-16 without BOM is refused");
        assert!(
            matches!(
                err,
                DecodeError::Nul {
                    utf16_like: true,
                    ..
                }
            ),
            "recognized as BOM-less UTF-16: {err:?}"
        );
        assert!(err.to_string().contains("UTF-16"), "{err}");
        // A NUL inside valid UTF-16 is binary too.
        assert!(matches!(
            decode(&utf16("ab\0c", true)),
            Err(DecodeError::Nul { offset: 6, .. })
        ));
    }

    #[test]
    fn control_bytes_are_not_text() {
        let junk: Vec<u8> = (0..400u32).map(|i| (i * 37 % 251 + 1) as u8).collect();
        let err = decode(&junk).expect_err("junk without NUL is refused");
        assert_eq!(err.kind(), "not_text", "{err}");
    }

    #[test]
    fn damaged_utf8_is_not_mistaken_for_windows_1258() {
        let mut bytes = VI.as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        let err = decode(&bytes).expect_err("damaged UTF-8 is refused");
        assert_eq!(err, DecodeError::InvalidUtf8 { offset: 10 });
    }
}
