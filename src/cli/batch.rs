//! `vanban convert`: the command-line face of [`vanban::batch`]: arguments, the progress bar,
//! paths from standard input, the printed summary and the exit code.
//!
//! Exit codes: 0 every input converted (or skipped); 1 some input failed (its record says why);
//! 2 the run could not proceed (bad arguments, a missing input, an output folder inside an
//! input). Reading paths from standard input (`-`) exits 0 even when files fail: failures are
//! records, as a mapper of a distributed engine needs.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use vanban::batch::{
    self, BatchError, Config, DEFAULT_GLOBS, Entry, FileReport, Observer, Plan, Sink, Status,
    Summary,
};

use super::InputFormat;

/// Arguments of `vanban convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Files and folders to convert (folders recursively), or `-` to read paths from standard
    /// input, one per line (with --ndjson).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Folder of the outputs: the input tree mirrored, `.json` appended to each file name, plus
    /// `summary.json`.
    #[arg(long, short, value_name = "DIR", required_unless_present = "ndjson")]
    out: Option<PathBuf>,
    /// Print one JSON line per input to standard output instead, sorted by path:
    /// `{"path", "document"}` or `{"path", "error"}`.
    #[arg(long, conflicts_with = "out")]
    ndjson: bool,
    /// Convert files matching this pattern inside folders (repeatable; default: *.txt, *.md,
    /// *.markdown, *.docx, *.doc, *.rtf, *.pdf). A pattern without `/` matches names at any depth; case is ignored.
    #[arg(long = "glob", short = 'g', value_name = "PATTERN")]
    globs: Vec<String>,
    /// Skip files and folders matching this pattern (repeatable), e.g. `drafts` or `json/**`.
    #[arg(long, value_name = "PATTERN")]
    exclude: Vec<String>,
    /// Number of threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Skip inputs whose output records the same input hash and vanban version (the default).
    #[arg(long, overrides_with = "force")]
    resume: bool,
    /// Convert every input again, even when its output is up to date.
    #[arg(long, overrides_with = "resume")]
    force: bool,
    /// Force the input syntax instead of detecting it per file.
    #[arg(long, value_enum)]
    format: Option<InputFormat>,
    /// Write each output as one line of JSON instead of pretty-printed.
    #[arg(long)]
    compact: bool,
    /// Leave each document's `findings` empty (no validation).
    #[arg(long)]
    no_findings: bool,
    /// Refuse inputs larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = super::DEFAULT_MAX_MB)]
    max_size: u64,
    /// No progress bar and no summary on standard error.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `vanban convert`.
pub fn convert(args: ConvertArgs) -> ExitCode {
    match run(&args) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vanban convert: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &ConvertArgs) -> Result<ExitCode, BatchError> {
    let config = Config {
        jobs: args.jobs,
        force: args.force,
        max_bytes: super::megabytes(args.max_size),
        format: args.format.map(InputFormat::to_format),
        compact: args.compact,
        findings: !args.no_findings,
    };
    let include: Vec<String> = if args.globs.is_empty() {
        DEFAULT_GLOBS.iter().map(|g| (*g).to_owned()).collect()
    } else {
        args.globs.clone()
    };
    let from_stdin = args.inputs.iter().any(|p| p.as_os_str() == "-");
    let show_progress = !args.quiet && io::stderr().is_terminal();
    if from_stdin {
        if args.inputs.len() > 1 {
            return Err(BatchError::Usage(
                "`-` (paths from standard input) cannot be mixed with other inputs".to_owned(),
            ));
        }
        if !args.ndjson {
            return Err(BatchError::Usage(
                "`-` (paths from standard input) needs --ndjson".to_owned(),
            ));
        }
        let progress = Progress::new(show_progress, None);
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let summary = batch::run(
            &config,
            StdinPaths::default(),
            Sink::Ndjson(&mut out),
            &progress,
        )?;
        progress.finish();
        if !args.quiet {
            print_summary(&summary, None);
        }
        // The failures are records on standard output: the tool itself did its job.
        return Ok(ExitCode::SUCCESS);
    }
    let out_dir = if args.ndjson {
        None
    } else {
        args.out.as_deref()
    };
    let plan = Plan::new(&args.inputs, &include, &args.exclude, out_dir)?;
    let total = show_progress.then(|| plan.count());
    let progress = Progress::new(show_progress, total);
    let summary = match out_dir {
        Some(out) => {
            let summary = batch::run(&config, plan.entries().map(Ok), Sink::Tree(out), &progress)?;
            summary.write(out)?;
            summary
        }
        None => {
            let stdout = io::stdout();
            let mut w = io::BufWriter::new(stdout.lock());
            batch::run(
                &config,
                plan.entries().map(Ok),
                Sink::Ndjson(&mut w),
                &progress,
            )?
        }
    };
    progress.finish();
    if !args.quiet {
        print_summary(&summary, out_dir.map(|o| o.join("summary.json")));
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Paths read from standard input, one per line (a final CR is dropped, so are no other
/// characters: a path may hold spaces). A read error stops the run.
#[derive(Default)]
struct StdinPaths {
    buf: Vec<u8>,
}

impl Iterator for StdinPaths {
    type Item = Result<Entry, BatchError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.buf.clear();
        match io::stdin().lock().read_until(b'\n', &mut self.buf) {
            Ok(0) => None,
            Ok(_) => {
                let mut line = self.buf.as_slice();
                line = line.strip_suffix(b"\n").unwrap_or(line);
                line = line.strip_suffix(b"\r").unwrap_or(line);
                Some(Ok(Entry::listed(path_from_bytes(line))))
            }
            Err(e) => Some(Err(BatchError::Io {
                path: None,
                source: io::Error::new(e.kind(), format!("reading paths from standard input: {e}")),
            })),
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// The progress bar: files done of the total, MB/s, ETA and failures so far; hidden when
/// standard error is not a terminal or with --quiet.
struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    bytes: AtomicU64,
    failed: AtomicU64,
}

impl Progress {
    fn new(show: bool, total: Option<u64>) -> Progress {
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            let template = if total.is_some() {
                "{elapsed_precise} [{wide_bar}] {pos}/{len} files, {msg}, ETA {eta}"
            } else {
                "{elapsed_precise} {spinner} {pos} files {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            bytes: AtomicU64::new(0),
            failed: AtomicU64::new(0),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Progress {
    fn file_done(&self, report: &FileReport) {
        let Some(bar) = &self.bar else {
            return;
        };
        let bytes = self.bytes.fetch_add(report.bytes, Ordering::Relaxed) + report.bytes;
        let failed = if matches!(report.status, Status::Failed(_)) {
            self.failed.fetch_add(1, Ordering::Relaxed) + 1
        } else {
            self.failed.load(Ordering::Relaxed)
        };
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{:.1} MB/s, {failed} failed",
            bytes as f64 / 1e6 / secs
        ));
        bar.inc(1);
    }
}

/// How many failures are listed on standard error; `summary.json` has them all.
const FAILURES_SHOWN: usize = 20;

fn print_summary(summary: &Summary, written: Option<PathBuf>) {
    let stderr = io::stderr();
    let mut w = stderr.lock();
    let _ = write_summary(&mut w, summary, written);
}

fn write_summary(w: &mut impl Write, s: &Summary, written: Option<PathBuf>) -> io::Result<()> {
    writeln!(
        w,
        "{} documents: {} converted, {} skipped (up to date), {} failed; \
         {} with findings, {} with unrecognized text",
        s.documents, s.converted, s.skipped, s.failed, s.with_findings, s.with_unrecognized
    )?;
    writeln!(
        w,
        "{:.1} MB in {:.2} s: {:.1} documents/s, {:.2} MB/s",
        s.bytes as f64 / 1e6,
        s.elapsed_seconds,
        s.documents_per_second,
        s.mb_per_second
    )?;
    let join = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !s.by_type.is_empty() {
        writeln!(w, "by type: {}", join(&s.by_type))?;
        writeln!(w, "by year: {}", join(&s.by_year))?;
        writeln!(w, "by encoding: {}", join(&s.by_encoding))?;
    }
    if s.with_review_marks > 0 {
        writeln!(
            w,
            "{} Word or RTF files still hold tracked changes (read as if accepted) or \
             comments (source.review_marks)",
            s.with_review_marks
        )?;
    }
    if !s.failures.is_empty() {
        writeln!(w, "failed:")?;
        for f in s.failures.iter().take(FAILURES_SHOWN) {
            writeln!(w, "  {}: {}", f.path, f.reason)?;
        }
        if s.failures.len() > FAILURES_SHOWN {
            writeln!(
                w,
                "  … and {} more (see summary.json)",
                s.failures.len() - FAILURES_SHOWN
            )?;
        }
    }
    if let Some(path) = written {
        writeln!(w, "summary: {}", path.display())?;
    }
    Ok(())
}
