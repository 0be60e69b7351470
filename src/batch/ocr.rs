//! The text of a scanned PDF (no text layer) through OCR: its pages drawn as 300 dpi grey images
//! by poppler's `pdftoppm`, each read by `tesseract -l vie`, in a temporary directory removed
//! afterwards. [`super::read`] calls it when `pdftotext` finds no text.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::text::decode::DecodeError;

/// What a scanned PDF is called in errors: the tools below are needed for it only.
const SCANNED: &str = "scanned PDF";
/// The program that draws a PDF's pages as images, and the Debian package that installs it.
const PDFTOPPM: &str = "pdftoppm";
const POPPLER: &str = "poppler-utils";
/// The OCR program, and the Debian packages of it and of its Vietnamese data.
const TESSERACT: &str = "tesseract";
const TESSERACT_PACKAGES: &str = "tesseract-ocr tesseract-ocr-vie";
const VIETNAMESE_DATA: &str = "tesseract's Vietnamese data (vie)";
const VIETNAMESE_PACKAGE: &str = "tesseract-ocr-vie";
/// Resolution the pages are drawn at: what tesseract reads best (text of 10–14 pt is 40–60
/// pixels high), and told to tesseract so that it does not guess it from the glyphs.
const DPI: &str = "300";

/// The text tesseract reads on each page of a PDF, in page order, each page ended by a form
/// feed as `pdftotext` ends them. A missing program or Vietnamese data, a PDF that cannot be
/// drawn and a page tesseract cannot read are each refused saying what to do (the page named).
pub fn ocr_pdf(bytes: &[u8]) -> Result<String, DecodeError> {
    check_tesseract()?;
    let dir = TempDir::new()?;
    let pdf = dir.path.join("scan.pdf");
    std::fs::write(&pdf, bytes)
        .map_err(|e| unreadable(format!("cannot write a copy to OCR: {e}")))?;
    let prefix = dir.path.join("page");
    run(
        Command::new(PDFTOPPM)
            .args(["-r", DPI, "-gray"])
            .arg(&pdf)
            .arg(&prefix),
        (PDFTOPPM, POPPLER),
        "drawing its pages to OCR them",
    )?;
    let pages = page_images(&dir.path)?;
    if pages.is_empty() {
        return Err(unreadable(format!("{PDFTOPPM} drew no page to OCR")));
    }
    let mut text = String::new();
    for (number, image) in &pages {
        text.push_str(&ocr_page(image, *number)?);
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{C}') {
        return Err(unreadable(
            "it has no text layer (a scanned PDF) and OCR (tesseract -l vie) found no text on its \
             pages"
                .to_owned(),
        ));
    }
    Ok(text)
}

/// Tesseract is installed with its Vietnamese data: `tesseract --list-langs` names `vie`.
fn check_tesseract() -> Result<(), DecodeError> {
    let langs = run(
        Command::new(TESSERACT).arg("--list-langs"),
        (TESSERACT, TESSERACT_PACKAGES),
        "listing tesseract's languages",
    )?;
    let listed = String::from_utf8_lossy(&langs);
    if listed.lines().any(|l| l.trim() == "vie") {
        Ok(())
    } else {
        Err(DecodeError::MissingTool {
            format: SCANNED,
            tool: VIETNAMESE_DATA,
            package: VIETNAMESE_PACKAGE,
        })
    }
}

/// The text of one page image; tesseract ends it with a form feed. Layout analysis is
/// tesseract's default (`--psm 3`): the two columns of a header come out side by side on one
/// line, and `preserve_interword_spaces` keeps the gap between them wide, as `pdftotext
/// -layout` gives them (the parser splits columns at wide gaps). One thread: OpenMP's threads
/// only wait on each other on a busy machine (5.5 s a page instead of 9.7 s on two cores).
fn ocr_page(image: &Path, number: usize) -> Result<String, DecodeError> {
    let out = run(
        Command::new(TESSERACT)
            .env("OMP_THREAD_LIMIT", "1")
            .arg(image)
            .args(["stdout", "-l", "vie", "--dpi", DPI])
            .args(["-c", "preserve_interword_spaces=1"]),
        (TESSERACT, TESSERACT_PACKAGES),
        &format!("OCR of page {number}"),
    )?;
    let mut text = String::from_utf8(out).map_err(|_| {
        unreadable(format!(
            "OCR of page {number} failed ({TESSERACT} wrote text that is not UTF-8)"
        ))
    })?;
    if !text.ends_with('\u{C}') {
        text.push('\u{C}');
    }
    Ok(text)
}

/// The images `pdftoppm` drew (`page-1.pgm`, or `page-01.pgm` when there are ten pages or
/// more), by page number.
fn page_images(dir: &Path) -> Result<Vec<(usize, PathBuf)>, DecodeError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| unreadable(format!("cannot list the pages drawn to OCR: {e}")))?;
    let mut pages: Vec<(usize, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let number = name
                .strip_prefix("page-")?
                .strip_suffix(".pgm")?
                .parse()
                .ok()?;
            Some((number, path))
        })
        .collect();
    pages.sort();
    Ok(pages)
}

/// Runs a program (`tool`, installed by `package`) to its end and gives its output: a program
/// that is not installed is [`DecodeError::MissingTool`], one that fails says `doing` failed.
fn run(
    command: &mut Command,
    (tool, package): (&'static str, &'static str),
    doing: &str,
) -> Result<Vec<u8>, DecodeError> {
    let out = command.output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => DecodeError::MissingTool {
            format: SCANNED,
            tool,
            package,
        },
        _ => unreadable(format!("cannot run {tool}: {e}")),
    })?;
    if !out.status.success() {
        return Err(unreadable(format!(
            "{doing} failed ({tool}: {})",
            first_line(&out.stderr)
        )));
    }
    Ok(out.stdout)
}

fn first_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message")
        .to_owned()
}

fn unreadable(reason: String) -> DecodeError {
    DecodeError::Unreadable {
        format: "PDF",
        reason,
    }
}

/// A directory of its own under the system's temporary directory, removed with what it holds
/// when dropped (on an error too).
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new() -> Result<TempDir, DecodeError> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        let mut last = None;
        for attempt in 0..16u32 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let path = base.join(format!("vanban-ocr-{pid}-{nanos:09}-{attempt}"));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) => last = Some(e),
            }
        }
        Err(unreadable(format!(
            "cannot make a temporary directory to OCR it in {}: {}",
            base.display(),
            last.map_or_else(String::new, |e| e.to_string())
        )))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_ordered_by_number_and_the_directory_goes_away() {
        let dir = TempDir::new().expect("a temporary directory");
        for name in ["page-10.pgm", "page-2.pgm", "page-1.pgm", "scan.pdf"] {
            std::fs::write(dir.path.join(name), b"P5").expect("a file");
        }
        let pages = page_images(&dir.path).expect("the pages");
        let numbers: Vec<usize> = pages.iter().map(|p| p.0).collect();
        assert_eq!(numbers, [1, 2, 10], "the PDF itself is no page");
        let path = dir.path.clone();
        drop(dir);
        assert!(!path.exists(), "{} is removed", path.display());
    }
}
