//! Batch conversion: whole folders of documents to one JSON each, in parallel, resumable.
//!
//! The pieces, in the order a run uses them:
//! 1. [`walk`]: the inputs checked ([`Plan`]), then walked in sorted order as a stream of
//!    [`Entry`] values, each with the place of its output.
//! 2. [`run`]: entries are taken in chunks; the files of a chunk are converted in parallel on a
//!    rayon pool and their results come back in input order, so the output order never depends
//!    on the number of threads and no more than a chunk of results is held at once.
//! 3. [`file`](mod@file): one file, isolated: read, hash, skip when its output is up to date, decode,
//!    parse (a panic is caught), write atomically. Any failure becomes an error record.
//! 4. [`summary`]: counts, failures with their reasons, by type, year and encoding, throughput.
//!
//! This module knows nothing of command lines or terminals: the `vanban convert` command and the
//! benches drive it, progress is reported through an [`Observer`].

pub mod file;
pub mod ocr;
pub mod read;
pub mod summary;
pub mod walk;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Format;

pub use summary::Summary;
pub use walk::{Filter, Plan};

/// Patterns of the files converted inside folders when none are given.
pub const DEFAULT_GLOBS: [&str; 7] = [
    "*.txt",
    "*.md",
    "*.markdown",
    "*.docx",
    "*.doc",
    "*.rtf",
    "*.pdf",
];

/// Version of vanban recorded in every output and compared on resume.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How to convert.
#[derive(Debug, Clone)]
pub struct Config {
    /// Number of threads; 0 means one per core.
    pub jobs: usize,
    /// Convert every input, even when its output is up to date.
    pub force: bool,
    /// Largest input in bytes.
    pub max_bytes: u64,
    /// Force Markdown or plain text; detected per file when `None`.
    pub format: Option<Format>,
    /// One line of JSON per output file instead of pretty-printed.
    pub compact: bool,
    /// Fill each document's `findings` with the validator, under the profile chosen from the
    /// document (as `vanban parse` does).
    pub findings: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            jobs: 0,
            force: false,
            max_bytes: crate::text::decode::DEFAULT_MAX_BYTES,
            format: None,
            compact: false,
            findings: true,
        }
    }
}

/// One file to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file, as walked from an input or as listed.
    pub path: PathBuf,
    /// Its output's path under `--out`, without the `.json` suffix; `None` for a listed path.
    pub key: Option<PathBuf>,
    /// A problem found before reading it (an unreadable folder of the walk).
    pub error: Option<FileError>,
}

impl Entry {
    /// A path read from a list (standard input), with no output file.
    pub fn listed(path: PathBuf) -> Entry {
        Entry {
            path,
            key: None,
            error: None,
        }
    }
}

/// Why one file was not converted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    /// Stable short name: a [`crate::DecodeError::kind`] (`docx`, `empty`, `nul` …), or `io`
    /// (cannot read), `write` (cannot write the output), `panic` (a bug in vanban), `path`.
    pub kind: &'static str,
    /// What happened and what to do, for people.
    pub message: String,
}

impl FileError {
    /// A new error.
    pub fn new(kind: &'static str, message: impl Into<String>) -> FileError {
        FileError {
            kind,
            message: message.into(),
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Parsed and written (or printed).
    Converted,
    /// Its output already records the same input hash and vanban version.
    Skipped,
    /// Not converted.
    Failed(FileError),
}

/// The result of one file, with what the summary counts.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// Bytes read.
    pub bytes: u64,
    /// Converted, skipped or failed.
    pub status: Status,
    /// Type code of the title (`BC`), else its type name, when the document has a title.
    pub doc_type: Option<String>,
    /// Year of the place and date line.
    pub year: Option<u32>,
    /// The kind of file it was read from (`source.input_format`: `text`, `docx`, `pdf` …).
    pub format: Option<String>,
    /// Main encoding the text was decoded from (`source.encoding`).
    pub encoding: Option<String>,
    /// Every encoding some of its text was in (`source.encodings`).
    pub encodings: Vec<String>,
    /// True when some text was not recognized (`unrecognized` is not empty).
    pub has_unrecognized: bool,
    /// True when the file still holds tracked changes or comments (`source.review_marks`).
    pub has_review_marks: bool,
    /// True when the validator found something (`findings` is not empty).
    pub has_findings: bool,
    /// The NDJSON record, when records go to a stream.
    pub line: Option<Vec<u8>>,
}

/// Told about each file as soon as it is done, from the worker threads, in any order.
pub trait Observer: Sync {
    /// One file is done.
    fn file_done(&self, _report: &FileReport) {}
}

/// An observer that ignores everything.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Observer for Silent {}

/// Where the results go.
pub enum Sink<'a> {
    /// One JSON file per input under this folder.
    Tree(&'a Path),
    /// One JSON line per input (`{"path", "document"}` or `{"path", "error"}`) to this stream.
    Ndjson(&'a mut dyn Write),
}

/// Why a run could not proceed (as opposed to a file that failed, which is a record).
#[derive(Debug)]
#[non_exhaustive]
pub enum BatchError {
    /// An input cannot be used.
    Input {
        /// The input.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A pattern does not compile.
    Glob {
        /// The pattern.
        pattern: String,
        /// Why.
        message: String,
    },
    /// The output folder lies inside an input folder.
    OutInsideInput {
        /// The output folder.
        out: PathBuf,
        /// The input folder.
        input: PathBuf,
        /// The output folder relative to the input folder.
        rel: PathBuf,
    },
    /// An input lies inside the output folder.
    InputInsideOut {
        /// The input.
        input: PathBuf,
        /// The output folder.
        out: PathBuf,
    },
    /// Two inputs would write to the same place.
    NameClash {
        /// One input.
        first: PathBuf,
        /// The other.
        second: PathBuf,
        /// Their shared name.
        name: PathBuf,
    },
    /// Reading the list of paths, writing the stream or the output folder failed.
    Io {
        /// The file or folder, when one is concerned (none for standard streams).
        path: Option<PathBuf>,
        /// The error.
        source: io::Error,
    },
    /// Arguments that do not fit together.
    Usage(String),
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::Input { path, message } => write!(f, "{}: {message}", path.display()),
            BatchError::Glob { pattern, message } => {
                write!(f, "invalid pattern '{pattern}': {message}")
            }
            BatchError::OutInsideInput { out, input, rel } => write!(
                f,
                "--out {} lies inside the input folder {}: its outputs would be walked as \
                 inputs; choose a folder outside it, or add --exclude '{}/**'",
                out.display(),
                input.display(),
                rel.display()
            ),
            BatchError::InputInsideOut { input, out } => write!(
                f,
                "input {} lies inside --out {}: outputs would mix with inputs; \
                 choose another output folder",
                input.display(),
                out.display()
            ),
            BatchError::NameClash {
                first,
                second,
                name,
            } => write!(
                f,
                "inputs {} and {} would both write under {}: convert them in two runs \
                 with different --out folders",
                first.display(),
                second.display(),
                name.display()
            ),
            BatchError::Io {
                path: Some(path),
                source,
            } => write!(f, "{}: {source}", path.display()),
            BatchError::Io { path: None, source } => write!(f, "{source}"),
            BatchError::Usage(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for BatchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BatchError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl BatchError {
    /// True for a closed output stream (`vanban convert --ndjson … | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, BatchError::Io { path: None, source } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Converts the inputs into a folder and writes `OUT/summary.json`: the whole job of
/// `vanban convert INPUT... --out OUT`.
pub fn convert_tree(
    config: &Config,
    inputs: &[PathBuf],
    include: &[String],
    exclude: &[String],
    out: &Path,
    observer: &dyn Observer,
) -> Result<Summary, BatchError> {
    let plan = Plan::new(inputs, include, exclude, Some(out))?;
    let summary = run(config, plan.entries().map(Ok), Sink::Tree(out), observer)?;
    summary.write(out)?;
    Ok(summary)
}

/// Converts a stream of entries, in parallel, keeping their order in the results.
///
/// The entries are pulled on a thread of their own, so that reading a slow list (a pipe) never
/// holds back the conversion of what has arrived: a chunk is whatever is ready, up to a limit.
/// An `Err` entry stops the run (the list itself could not be read).
pub fn run<I>(
    config: &Config,
    entries: I,
    mut sink: Sink<'_>,
    observer: &dyn Observer,
) -> Result<Summary, BatchError>
where
    I: Iterator<Item = Result<Entry, BatchError>> + Send,
{
    let start = Instant::now();
    let jobs = if config.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        config.jobs
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("vanban-convert-{i}"))
        .build()
        .map_err(|e| BatchError::Usage(format!("cannot start {jobs} threads: {e}")))?;
    if let Sink::Tree(out) = &sink {
        std::fs::create_dir_all(out).map_err(|e| BatchError::Io {
            path: Some(out.to_path_buf()),
            source: e,
        })?;
    }
    let out_dir = match &sink {
        Sink::Tree(out) => Some(out.to_path_buf()),
        Sink::Ndjson(_) => None,
    };
    let chunk_max = (jobs * 64).max(64);
    let mut summary = Summary::new();
    std::thread::scope(|scope| -> Result<(), BatchError> {
        let (tx, rx) = mpsc::sync_channel::<Result<Entry, BatchError>>(chunk_max * 2);
        scope.spawn(move || {
            for entry in entries {
                let stop = entry.is_err();
                if tx.send(entry).is_err() || stop {
                    break;
                }
            }
        });
        let ctx = file::Context {
            config,
            out: out_dir.as_deref(),
        };
        let mut chunk: Vec<Entry> = Vec::with_capacity(chunk_max);
        let mut failed: Option<BatchError> = None;
        loop {
            chunk.clear();
            // Wait for one entry, then take whatever else is ready.
            match rx.recv() {
                Ok(Ok(entry)) => chunk.push(entry),
                Ok(Err(e)) => failed = Some(e),
                Err(_) => {}
            }
            while failed.is_none() && !chunk.is_empty() && chunk.len() < chunk_max {
                match rx.try_recv() {
                    Ok(Ok(entry)) => chunk.push(entry),
                    Ok(Err(e)) => failed = Some(e),
                    Err(_) => break,
                }
            }
            let reports: Vec<FileReport> = pool.install(|| {
                chunk
                    .par_iter()
                    .with_max_len(1)
                    .map(|entry| {
                        let report = file::process(entry, &ctx);
                        observer.file_done(&report);
                        report
                    })
                    .collect()
            });
            if let Sink::Ndjson(w) = &mut sink {
                for report in &reports {
                    if let Some(line) = &report.line {
                        w.write_all(line).map_err(|e| BatchError::Io {
                            path: None,
                            source: e,
                        })?;
                    }
                }
                w.flush().map_err(|e| BatchError::Io {
                    path: None,
                    source: e,
                })?;
            }
            for report in reports {
                summary.add(report);
            }
            if let Some(e) = failed.take() {
                return Err(e);
            }
            if chunk.is_empty() {
                return Ok(());
            }
        }
    })?;
    summary.finish(start.elapsed());
    Ok(summary)
}

/// The hash of an input as recorded in `source.hash`: `xxh3:` and the 16 hex digits of the
/// 64-bit XXH3 of its bytes (seed 0). Enough to tell a changed input from an unchanged one; it is
/// not meant to resist tampering. An output written with the earlier hash (`fnv1a64:`) never
/// matches, so its input is converted again once.
pub fn input_hash(bytes: &[u8]) -> String {
    format!("xxh3:{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_hash_is_xxh3_64() {
        // XXH3-64 with seed 0, as the reference implementation gives it (Python's `xxhash`).
        assert_eq!(input_hash(b""), "xxh3:2d06800538d394c2");
        assert_eq!(input_hash(b"a"), "xxh3:e6c632b61e964e1f");
        assert_eq!(input_hash(b"abc"), "xxh3:78af5f94892f3950");
        assert_ne!(input_hash(b"ab"), input_hash(b"ba"), "order counts");
    }
}
