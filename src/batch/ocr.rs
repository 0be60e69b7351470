//! The text of a scanned PDF (no text layer) through OCR: each page drawn as a 300 dpi grey image
//! by poppler's `pdftoppm` and read by `tesseract -l vie`, pages in parallel, in a temporary
//! directory removed afterwards (each image as soon as it is read: a long scan never holds
//! more images than there are threads, 9.5 MB each for A4). [`super::read`] calls it when
//! `pdftotext` finds no text.

use std::path::{Path, PathBuf};
use std::process::Command;

use rayon::prelude::*;

use crate::text::decode::DecodeError;

/// What a scanned PDF is called in errors: the tools below are needed for it only.
const SCANNED: &str = "scanned PDF";
/// The programs that count a PDF's pages and draw them as images, and the Debian package that
/// installs them.
const PDFINFO: &str = "pdfinfo";
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
    let pages = page_count(&pdf)?;
    let read: Vec<Result<String, DecodeError>> = (1..=pages)
        .into_par_iter()
        .map(|number| ocr_page(&pdf, &dir.path, number))
        .collect();
    let mut text = String::new();
    for page in read {
        text.push_str(&page?);
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

/// How many pages `pdfinfo` counts in a PDF.
fn page_count(pdf: &Path) -> Result<usize, DecodeError> {
    let info = run(
        Command::new(PDFINFO).arg(pdf),
        (PDFINFO, POPPLER),
        "counting its pages to OCR them",
    )?;
    pages_in(&String::from_utf8_lossy(&info))
        .ok_or_else(|| unreadable(format!("{PDFINFO} counted no page to OCR")))
}

/// The `Pages:` line of `pdfinfo`'s output, when it counts one page or more.
fn pages_in(info: &str) -> Option<usize> {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:")?.trim().parse().ok())
        .filter(|&n| n > 0)
}

/// The text of page `number` of `pdf`, drawn into `dir`, read, and its image removed; tesseract
/// ends it with a form feed. Layout analysis is tesseract's default (`--psm 3`): the two columns
/// of a header come out side by side on one line, and `preserve_interword_spaces` keeps the gap
/// between them wide, as `pdftotext -layout` gives them (the parser splits columns at wide
/// gaps). One thread each, the pages in parallel instead: OpenMP's threads only wait on each
/// other on a busy machine (5.5 s a page instead of 9.7 s on two shared cores).
fn ocr_page(pdf: &Path, dir: &Path, number: usize) -> Result<String, DecodeError> {
    let prefix = dir.join(format!("page-{number}"));
    let page = number.to_string();
    run(
        Command::new(PDFTOPPM)
            .args(["-r", DPI, "-gray", "-singlefile", "-f", &page, "-l", &page])
            .arg(pdf)
            .arg(&prefix),
        (PDFTOPPM, POPPLER),
        &format!("drawing page {number} to OCR it"),
    )?;
    let image = prefix.with_extension("pgm");
    let read = run(
        Command::new(TESSERACT)
            .env("OMP_THREAD_LIMIT", "1")
            .arg(&image)
            .args(["stdout", "-l", "vie", "--dpi", DPI])
            .args(["-c", "preserve_interword_spaces=1"]),
        (TESSERACT, TESSERACT_PACKAGES),
        &format!("OCR of page {number}"),
    );
    let _ = std::fs::remove_file(&image);
    let mut text = String::from_utf8(read?).map_err(|_| {
        unreadable(format!(
            "OCR of page {number} failed ({TESSERACT} wrote text that is not UTF-8)"
        ))
    })?;
    if !text.ends_with('\u{C}') {
        text.push('\u{C}');
    }
    Ok(text)
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
pub(super) struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    pub(super) fn new() -> Result<TempDir, DecodeError> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        let mut last = None;
        for attempt in 0..16u32 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let path = base.join(format!("vanban-{pid}-{nanos:09}-{attempt}"));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) => last = Some(e),
            }
        }
        Err(unreadable(format!(
            "cannot make a temporary directory to read it in {}: {}",
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
    fn the_page_count_is_read_and_the_directory_goes_away() {
        let info =
            "Producer:        iText\nCustom Metadata: no\nPages:           3\nEncrypted:      no\n";
        assert_eq!(pages_in(info), Some(3));
        assert_eq!(pages_in("Pages: 0\n"), None, "no page to read");
        assert_eq!(
            pages_in("Title: Pages: 4\n"),
            None,
            "only the Pages line counts"
        );
        let dir = TempDir::new().expect("a temporary directory");
        std::fs::write(dir.path.join("page-1.pgm"), b"P5").expect("a file");
        let path = dir.path.clone();
        drop(dir);
        assert!(!path.exists(), "{} is removed", path.display());
    }
}
