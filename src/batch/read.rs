//! A document file's bytes to the text the parser reads, whatever the file: text files, Word and
//! RTF through [`crate::decode`], PDF through poppler's `pdftotext -layout` (columns and lists
//! kept), run as a separate program, and a scanned PDF (no text layer) through OCR
//! ([`super::ocr`]). `vanban parse`, `validate`, `text` and `convert` all read their files here.

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

use super::ocr;
use crate::text::decode::{self, BinaryFormat, DecodeError, Decoded};

/// The program that extracts a PDF's text, and the Debian package that installs it.
const PDFTOTEXT: &str = "pdftotext";
const POPPLER: &str = "poppler-utils";

/// Reads a document's bytes into text: [`decode::decode_with_limit`], a PDF's text layer
/// through `pdftotext` (legacy-font lines decoded, [`decode::decode_pdf_text`]), and a scanned
/// PDF's pages through OCR ([`decode::decode_ocr_text`]).
pub fn read_document(bytes: &[u8], max_bytes: u64) -> Result<Decoded, DecodeError> {
    if decode::sniff(bytes) == Some(BinaryFormat::Pdf) {
        check_size(bytes, max_bytes)?;
        return pdf_text(bytes).map(|text| match text {
            PdfText::Layer(text) => {
                let decoded = decode::decode_pdf_text(text.clone());
                // TCVN3 capitals are a font's: read them off the fonts when there are any.
                match decode::has_tcvn3(&decoded)
                    .then(|| pdf_fonts(bytes))
                    .flatten()
                {
                    Some(xml) => decode::decode_pdf_text_with_fonts(text, &xml),
                    None => decoded,
                }
            }
            PdfText::Ocr(text) => decode::decode_ocr_text(text),
        });
    }
    decode::decode_with_limit(bytes, max_bytes)
}

/// [`read_document`] in the encoding a person names ([`decode::decode_as`]); `None` for an
/// unknown name. Text read by OCR is Unicode whatever the name: the name is only checked.
pub fn read_document_as(
    bytes: &[u8],
    max_bytes: u64,
    encoding: &str,
) -> Option<Result<Decoded, DecodeError>> {
    if decode::sniff(bytes) == Some(BinaryFormat::Pdf) {
        decode::decode_pdf_text_as(String::new(), encoding)?;
        let read = check_size(bytes, max_bytes).and_then(|()| pdf_text(bytes));
        return match read {
            // TCVN3 capitals are a font's, forced or not.
            Ok(PdfText::Layer(text)) => {
                let fonts = decode::forces_tcvn3(encoding)
                    .then(|| pdf_fonts(bytes))
                    .flatten();
                decode::decode_pdf_text_as_with_fonts(text, encoding, fonts.as_deref()).map(Ok)
            }
            Ok(PdfText::Ocr(text)) => Some(Ok(decode::decode_ocr_text(text))),
            Err(e) => Some(Err(e)),
        };
    }
    decode::decode_as(bytes, max_bytes, encoding)
}

fn check_size(bytes: &[u8], max_bytes: u64) -> Result<(), DecodeError> {
    let size = bytes.len() as u64;
    if size > max_bytes {
        return Err(DecodeError::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    Ok(())
}

/// A PDF's text, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfText {
    /// Its text layer, as `pdftotext` extracted it.
    Layer(String),
    /// No text layer (a scan): what OCR read on its pages ([`ocr::ocr_pdf`]).
    Ocr(String),
}

/// The text of a PDF through `pdftotext -layout -enc UTF-8`, fed on standard input, or, when
/// it has no text layer (a scan), through OCR. A missing program, an encrypted or damaged file
/// and a scan OCR cannot read are each refused with what to do.
pub fn pdf_text(bytes: &[u8]) -> Result<PdfText, DecodeError> {
    let mut child = Command::new(PDFTOTEXT)
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => DecodeError::MissingTool {
                format: "PDF",
                tool: PDFTOTEXT,
                package: POPPLER,
            },
            _ => unreadable(format!("cannot run {PDFTOTEXT}: {e}")),
        })?;
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(unreadable(format!("cannot talk to {PDFTOTEXT}")));
    };
    // The input is written while the output is read: neither pipe can fill up and block the other.
    let (out, err) = std::thread::scope(|s| {
        s.spawn(move || {
            // pdftotext may stop reading a damaged file early: its exit status says so.
            let _ = stdin.write_all(bytes);
        });
        let errors = s.spawn(move || {
            let mut err = Vec::new();
            let _ = stderr.read_to_end(&mut err);
            err
        });
        let mut out = Vec::new();
        let read = stdout.read_to_end(&mut out);
        (read.map(|_| out), errors.join().unwrap_or_default())
    });
    let status = child
        .wait()
        .map_err(|e| unreadable(format!("{PDFTOTEXT} did not finish: {e}")))?;
    let out = out.map_err(|e| unreadable(format!("cannot read {PDFTOTEXT}'s output: {e}")))?;
    if !status.success() {
        return Err(unreadable(failure_reason(&String::from_utf8_lossy(&err))));
    }
    let text = String::from_utf8(out)
        .map_err(|_| unreadable(format!("{PDFTOTEXT} wrote text that is not UTF-8")))?;
    if text.chars().all(|c| c.is_whitespace() || c == '\u{C}') {
        return ocr::ocr_pdf(bytes).map(PdfText::Ocr);
    }
    Ok(PdfText::Layer(text))
}

/// The program that gives a PDF's text with its fonts (the same package as `pdftotext`).
const PDFTOHTML: &str = "pdftohtml";

/// A PDF's text pieces with their fonts (`pdftohtml -xml`, images left out), read from a copy
/// in a temporary directory (it reads no standard input). `None` when they cannot be had: the
/// text is then read without them, its capitals as the shape of each line restores them.
fn pdf_fonts(bytes: &[u8]) -> Option<String> {
    let dir = ocr::TempDir::new().ok()?;
    let pdf = dir.path().join("document.pdf");
    std::fs::write(&pdf, bytes).ok()?;
    let out = Command::new(PDFTOHTML)
        .args(["-xml", "-i", "-stdout", "-q"])
        .arg(&pdf)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

fn unreadable(reason: String) -> DecodeError {
    DecodeError::Unreadable {
        format: "PDF",
        reason,
    }
}

/// What `pdftotext`'s error output says went wrong, for a person.
fn failure_reason(stderr: &str) -> String {
    let lower = stderr.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        return "the document is encrypted (password protected): open it with its password and \
                save an unprotected copy"
            .to_owned();
    }
    let first = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message");
    format!("it is damaged ({PDFTOTEXT}: {first})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_the_problem() {
        assert!(
            failure_reason("Command Line Error: Incorrect password\n").contains("encrypted"),
            "a password error says encrypted"
        );
        let damaged = failure_reason(
            "Syntax Warning: May not be a PDF file (continuing anyway)\nSyntax Error: Couldn't find trailer dictionary\n",
        );
        assert!(
            damaged.starts_with("it is damaged (pdftotext: Syntax Warning"),
            "{damaged}"
        );
    }

    #[test]
    fn text_files_are_decoded_as_before() {
        let read = read_document("BÁO CÁO\n".as_bytes(), 1024).expect("UTF-8 text");
        assert_eq!((read.text.as_str(), read.encoding), ("BÁO CÁO\n", "utf-8"));
        let too_large = read_document(b"%PDF-1.7 and more", 4).expect_err("over the limit");
        assert_eq!(too_large.kind(), "too_large");
    }
}
