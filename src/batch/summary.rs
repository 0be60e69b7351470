//! The summary of a batch: what was converted, skipped and failed (with each reason), what the
//! archive holds by type, year, file format and encoding, and how fast it went. Written as `summary.json`.
//!
//! Every input is accounted for: `documents = converted + skipped + failed`. The counts by type,
//! year and encoding cover the documents that were converted or skipped (read back from their
//! outputs), not the failed ones. Maps are sorted by key so that two runs compare line by line;
//! only the timing fields differ.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::{BatchError, FileReport, Status, VERSION, file};

/// Counts of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Version of vanban that ran.
    pub vanban_version: String,
    /// Inputs seen: converted + skipped + failed.
    pub documents: u64,
    /// Parsed and written in this run.
    pub converted: u64,
    /// Left alone: their output was up to date (resume).
    pub skipped: u64,
    /// Not converted; see `failures`.
    pub failed: u64,
    /// Converted or skipped documents with at least one validator finding.
    pub with_findings: u64,
    /// Converted or skipped documents holding text that no rule recognized.
    pub with_unrecognized: u64,
    /// Converted or skipped Word and RTF files that still hold marks of a review
    /// (`source.review_marks`): changes tracked and never accepted or rejected (their text was
    /// read as if they were accepted), or comments.
    pub with_review_marks: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Wall-clock time of the run in seconds.
    pub elapsed_seconds: f64,
    /// Documents (all inputs) per second.
    pub documents_per_second: f64,
    /// Megabytes (10^6 bytes) of input per second.
    pub mb_per_second: f64,
    /// Documents by type code of their title (`BC`, `QĐ`), or type name when it has no code,
    /// or `(none)`.
    pub by_type: BTreeMap<String, u64>,
    /// Documents by year of their place and date line, or `(none)`.
    pub by_year: BTreeMap<String, u64>,
    /// Documents by the kind of file they were read from (`text`, `markdown`, `docx`, `doc`,
    /// `rtf`, `pdf`).
    pub by_format: BTreeMap<String, u64>,
    /// Documents by their main encoding (`source.encoding`).
    pub by_encoding: BTreeMap<String, u64>,
    /// Documents holding some text in each encoding (`source.encodings`): a document that mixes
    /// Unicode and TCVN3 paragraphs counts under both.
    pub with_encoding: BTreeMap<String, u64>,
    /// Each failed input, in input order.
    pub failures: Vec<Failure>,
}

/// One failed input.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The file.
    pub path: String,
    /// Stable short name of the problem (`docx`, `empty`, `io`, `panic` …).
    pub kind: String,
    /// What happened and what to do.
    pub reason: String,
}

const NONE: &str = "(none)";

impl Summary {
    /// An empty summary.
    pub fn new() -> Summary {
        Summary {
            vanban_version: VERSION.to_owned(),
            ..Summary::default()
        }
    }

    /// Counts one file.
    pub fn add(&mut self, report: FileReport) {
        self.documents += 1;
        self.bytes += report.bytes;
        match report.status {
            Status::Failed(e) => {
                self.failed += 1;
                self.failures.push(Failure {
                    path: report.path.to_string_lossy().into_owned(),
                    kind: e.kind.to_owned(),
                    reason: e.message,
                });
                return;
            }
            Status::Converted => self.converted += 1,
            Status::Skipped => self.skipped += 1,
        }
        if report.has_findings {
            self.with_findings += 1;
        }
        if report.has_unrecognized {
            self.with_unrecognized += 1;
        }
        if report.has_review_marks {
            self.with_review_marks += 1;
        }
        *self
            .by_type
            .entry(report.doc_type.unwrap_or_else(|| NONE.to_owned()))
            .or_default() += 1;
        let year = report
            .year
            .map_or_else(|| NONE.to_owned(), |y| y.to_string());
        *self.by_year.entry(year).or_default() += 1;
        *self
            .by_format
            .entry(report.format.unwrap_or_else(|| NONE.to_owned()))
            .or_default() += 1;
        *self
            .by_encoding
            .entry(report.encoding.unwrap_or_else(|| NONE.to_owned()))
            .or_default() += 1;
        for name in report.encodings {
            *self.with_encoding.entry(name).or_default() += 1;
        }
    }

    /// Records the time taken and the rates.
    pub fn finish(&mut self, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        self.elapsed_seconds = round3(secs);
        if secs > 0.0 {
            self.documents_per_second = round3(self.documents as f64 / secs);
            self.mb_per_second = round3(self.bytes as f64 / 1e6 / secs);
        }
    }

    /// Writes `out/summary.json` (atomically).
    pub fn write(&self, out: &Path) -> Result<(), BatchError> {
        let target = out.join("summary.json");
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| BatchError::Io {
            path: Some(target.clone()),
            source: e.into(),
        })?;
        json.push(b'\n');
        file::write_atomic(&target, &json).map_err(|e| BatchError::Io {
            path: Some(target),
            source: e,
        })
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
