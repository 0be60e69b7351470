//! Command-line interface: argument parsing, file reading, output. The only place that touches
//! the file system and standard streams.
//!
//! Exit codes: 0 ok, 1 findings (or a file that failed in a batch), 2 could not run.

mod batch;
#[cfg(feature = "serve")]
mod serve;
mod text;
mod validate;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use vanban::model::Format;

/// Vietnamese administrative documents (văn bản hành chính) → lossless JSON.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse one document and print its JSON tree.
    Parse {
        /// The document (`.md`, `.txt`, `.docx`, `.doc`, `.rtf`, `.pdf`), or `-` for standard input.
        file: PathBuf,
        /// Force the input syntax instead of detecting it.
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
        /// One line of JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
        /// Profile whose findings fill `findings` (a shipped id or a file); chosen from the
        /// document's type and family when absent.
        #[arg(long)]
        profile: Option<String>,
        /// Language of the findings' messages.
        #[arg(long, value_enum, default_value_t = validate::LangArg::Vi)]
        lang: validate::LangArg,
        /// Leave `findings` empty (structure only).
        #[arg(long)]
        no_findings: bool,
        /// Refuse an input larger than this many megabytes.
        #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_MB)]
        max_size: u64,
    },
    /// Convert files and folders (recursively) to one JSON each, in parallel, resumable.
    Convert(batch::ConvertArgs),
    /// Check documents against a profile: missing parts, numbering, dates, citations, blanks.
    Validate(validate::ValidateArgs),
    /// Print the Unicode text the parser reads from a file (Word, RTF, legacy encodings decoded).
    Text(text::TextArgs),
    /// Print the JSON Schema of the output.
    Schema,
    /// Serve the checking page for clerks and its JSON API (http://127.0.0.1:8030 by default).
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormat {
    Markdown,
    Text,
}

impl InputFormat {
    fn to_format(self) -> Format {
        match self {
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Text => Format::Text,
        }
    }
}

/// Runs the command line; maps errors to exit code 2 and a broken pipe to 0.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vanban: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> io::Result<ExitCode> {
    match cli.command {
        Command::Parse {
            file,
            format,
            compact,
            profile,
            lang,
            no_findings,
            max_size,
        } => {
            let max_bytes = megabytes(max_size);
            let decoded = read_input(&file, max_bytes)?;
            let format = format
                .map(InputFormat::to_format)
                .or_else(|| format_from_extension(&file));
            let options = vanban::Options {
                format,
                path: Some(file.display().to_string()),
                encoding: None,
                max_bytes,
                ..vanban::Options::default()
            };
            let forced = profile.as_deref().map(validate::load_profile).transpose()?;
            let mut doc = vanban::parse_decoded(&decoded, &options);
            if !no_findings {
                let profile =
                    forced.unwrap_or_else(|| vanban::validate::Profile::for_document(&doc).clone());
                let validator = vanban::validate::Validator::new(&profile).with_lang(lang.into());
                doc.findings = validator.validate(&doc, &decoded.text);
            }
            // Written as it is serialized, never held whole: a document's JSON is several
            // times its text (five for a paragraph of nothing but citations).
            let mut out = block_stdout()?;
            vanban::json::write_document(&mut out, &doc, !compact)?;
            out.write_all(b"\n")?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate(args) => validate::run(args),
        Command::Text(args) => text::run(args),
        // Batch errors are reported per file or by `convert` itself, with their own exit codes.
        Command::Convert(args) => Ok(batch::convert(args)),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
        Command::Schema => {
            let mut json = vanban::json::to_vec_pretty(&vanban::json_schema())?;
            json.push(b'\n');
            print(&json)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn format_from_extension(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        // A `.txt` may hold Markdown (Word exports often do): its content decides.
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// Default of `--max-size`, in megabytes: [`vanban::decode::DEFAULT_MAX_BYTES`].
const DEFAULT_MAX_MB: u64 = vanban::decode::DEFAULT_MAX_BYTES >> 20;

/// `--max-size` in bytes.
fn megabytes(mb: u64) -> u64 {
    mb.saturating_mul(1 << 20)
}

/// Reads a document (a file, or standard input for `-`) into text
/// ([`vanban::batch::read::read_document`]: text files, Word, RTF, PDF through `pdftotext`).
/// Never holds more than `max_bytes` of it in memory. The error names the file and says what
/// to do.
fn read_input(path: &Path, max_bytes: u64) -> io::Result<vanban::Decoded> {
    let bytes = read_bytes(path, max_bytes)?;
    decode_input(&path.display().to_string(), &bytes, max_bytes)
}

/// Decodes a document's bytes read by [`read_input`] or received by `vanban serve`
/// ([`vanban::batch::read::read_document`]: a PDF through pdftotext, anything else by
/// [`vanban::decode`]). Errors start with `name`.
fn decode_input(name: &str, bytes: &[u8], max_bytes: u64) -> io::Result<vanban::Decoded> {
    vanban::batch::read::read_document(bytes, max_bytes).map_err(|e| refused(name, e))
}

/// A file that could not be read as a document, named in the error.
fn refused(name: &str, e: vanban::DecodeError) -> io::Error {
    let kind = match e {
        vanban::DecodeError::MissingTool { .. } => io::ErrorKind::NotFound,
        _ => io::ErrorKind::InvalidData,
    };
    io::Error::new(kind, format!("{name}: {e}"))
}

/// Reads a file's bytes (or standard input's for `-`), never more than `max_bytes` of them.
fn read_bytes(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let name = path.display();
    let in_file = |e: io::Error| io::Error::new(e.kind(), format!("{name}: {e}"));
    let refused =
        |e: vanban::DecodeError| io::Error::new(io::ErrorKind::InvalidData, format!("{name}: {e}"));
    let read = if path.as_os_str() == "-" {
        vanban::decode::read_limited(io::stdin().lock(), max_bytes)
    } else {
        let file = std::fs::File::open(path).map_err(in_file)?;
        let size = file.metadata().map_err(in_file)?.len();
        if size > max_bytes {
            let limit = max_bytes;
            return Err(refused(vanban::DecodeError::TooLarge { size, limit }));
        }
        vanban::decode::read_limited(file, max_bytes)
    };
    read.map_err(in_file)?.map_err(refused)
}

/// Standard output for writes of whole blocks. `io::Stdout` is line-buffered: each write
/// is searched backwards for its last line feed, the whole block when there is none (compact
/// JSON), so on Unix the blocks go to a duplicate of its descriptor instead.
#[cfg(unix)]
fn block_stdout() -> io::Result<impl Write> {
    use std::os::fd::AsFd;
    let stdout = io::stdout();
    stdout.lock().flush()?;
    Ok(std::fs::File::from(stdout.as_fd().try_clone_to_owned()?))
}

/// Standard output for writes of whole blocks (see the Unix version).
#[cfg(not(unix))]
fn block_stdout() -> io::Result<impl Write> {
    Ok(io::stdout().lock())
}

/// Writes `bytes` to standard output in one write.
fn print(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
