//! Command-line interface: argument parsing, file reading, output. The only place that touches
//! the file system and standard streams.
//!
//! Exit codes: 0 ok, 1 findings (or a file that failed in a batch), 2 could not run.

mod batch;

use std::io::{self, Read, Write};
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
        /// The document (`.md`, `.txt`), or `-` for standard input.
        file: PathBuf,
        /// Force the input syntax instead of detecting it.
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
        /// One line of JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
    },
    /// Convert files and folders (recursively) to one JSON each, in parallel, resumable.
    Convert(batch::ConvertArgs),
    /// Print the JSON Schema of the output.
    Schema,
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
        } => {
            let bytes = read_input(&file)?;
            let format = format
                .map(InputFormat::to_format)
                .or_else(|| format_from_extension(&file));
            let options = vanban::Options {
                format,
                path: Some(file.display().to_string()),
                encoding: None,
            };
            let doc = vanban::parse_bytes(&bytes, &options).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {e}", file.display()),
                )
            })?;
            print_json(&doc, compact)?;
            Ok(ExitCode::SUCCESS)
        }
        // Batch errors are reported per file or by `convert` itself, with their own exit codes.
        Command::Convert(args) => Ok(batch::convert(args)),
        Command::Schema => {
            print_json(&vanban::json_schema(), false)?;
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

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    }
    Ok(bytes)
}

fn print_json<T: serde::Serialize>(value: &T, compact: bool) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if compact {
        serde_json::to_writer(&mut out, value)?;
    } else {
        serde_json::to_writer_pretty(&mut out, value)?;
    }
    writeln!(out)?;
    out.flush()
}
