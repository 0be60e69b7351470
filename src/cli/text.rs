//! `vanban text FILE`: the Unicode text the parser reads from a file, for checking a decoding
//! and for other tools. Word 97-2003 and RTF files give their paragraphs (a table row on one
//! line, its cells joined by ` | `), and so do DOCX and PDF (through `pdftotext`); legacy encodings (TCVN3, VNI, VISCII) are detected per
//! paragraph or line and decoded; `--encoding` forces one. The text is normalized as the parser
//! normalizes it (NFC, line feeds). The encoding read (and the tracked changes and comments a
//! Word file still holds) goes to standard error with `--verbose`.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

/// Arguments of `vanban text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// The document (`.txt`, `.md`, `.docx`, `.doc`, `.rtf`, `.pdf`), or `-` for standard input.
    file: PathBuf,
    /// Read the file in this encoding instead of detecting it: every legacy word in it, none
    /// taken for words pasted from another encoding (the fonts still give TCVN3 capitals).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// Say on standard error what kind of file it was and which encodings were read, with the
    /// share of the text each covered.
    #[arg(long)]
    verbose: bool,
    /// Refuse an input larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = super::DEFAULT_MAX_MB)]
    max_size: u64,
}

/// An encoding `--encoding` can force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EncodingArg {
    /// TCVN3 (ABC, `.VnTime` fonts).
    Tcvn3,
    /// VNI (`VNI-Times` fonts).
    Vni,
    /// VISCII.
    Viscii,
    /// VIQR (`Vie^.t Nam`).
    Viqr,
    /// UTF-8 (for Word and RTF files: the text as stored, nothing converted).
    #[value(name = "utf-8")]
    Utf8,
    /// Windows-1258.
    #[value(name = "windows-1258")]
    Windows1258,
}

impl EncodingArg {
    fn name(self) -> &'static str {
        match self {
            EncodingArg::Tcvn3 => "tcvn3",
            EncodingArg::Vni => "vni",
            EncodingArg::Viscii => "viscii",
            EncodingArg::Viqr => "viqr",
            EncodingArg::Utf8 => "utf-8",
            EncodingArg::Windows1258 => "windows-1258",
        }
    }
}

/// Runs `vanban text`.
pub fn run(args: TextArgs) -> io::Result<ExitCode> {
    let max_bytes = super::megabytes(args.max_size);
    let decoded = match args.encoding {
        None => super::read_input(&args.file, max_bytes)?,
        Some(enc) => {
            let bytes = super::read_bytes(&args.file, max_bytes)?;
            vanban::batch::read::read_document_as(&bytes, max_bytes, enc.name())
                .ok_or_else(|| io::Error::other("unknown encoding"))?
                .map_err(|e| super::refused(&args.file.display().to_string(), e))?
        }
    };
    if args.verbose {
        let format = decoded.format.map_or("text", |f| f.name());
        let encodings: Vec<String> = decoded
            .encodings
            .iter()
            .map(|e| {
                format!(
                    "{} {:.1}% ({} paragraphs)",
                    e.name,
                    e.share * 100.0,
                    e.paragraphs
                )
            })
            .collect();
        eprintln!(
            "{}: {format}, {}",
            args.file.display(),
            encodings.join(", ")
        );
        if let Some(t) = &decoded.review_marks {
            eprintln!(
                "{}: marks of a review left in the file on {} lines: tracked changes never \
                 accepted or rejected ({} characters deleted, {} inserted; printed as if \
                 accepted) and {} comments (not printed)",
                args.file.display(),
                t.lines.len(),
                t.deleted_chars,
                t.inserted_chars,
                t.comments
            );
        }
    }
    let normalized = vanban::normalize(&decoded.text);
    super::print(normalized.text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
