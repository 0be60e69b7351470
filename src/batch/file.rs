//! One file of a batch, isolated from the others: whatever goes wrong becomes its error record.
//!
//! The steps: read (refusing a file over the size limit before reading it), hash the bytes,
//! skip when the output already records that hash and this vanban version (resume), decode,
//! parse, validate (the profile chosen from the document, as `vanban parse` does), stamp `source.hash` and `source.vanban_version`, serialize, and write the output
//! atomically: `NAME.json.tmp` in the same folder, then a rename over `NAME.json`, so that an
//! interrupted run leaves either the old output or the new one, never half of one. Decoding,
//! parsing and serializing run under `catch_unwind`: a panic (a bug) fails this file only.

use std::fs;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::read::read_document;
use super::{Config, Entry, FileError, FileReport, Status, VERSION, input_hash};
use crate::model::Document;
use crate::text::decode::DecodeError;

/// What every file of a run shares.
#[derive(Debug)]
pub struct Context<'a> {
    /// How to convert.
    pub config: &'a Config,
    /// The output folder, or `None` when records go to a stream.
    pub out: Option<&'a Path>,
}

/// Where the output of `key` goes under `out`: the key with `.json` appended.
pub fn output_path(out: &Path, key: &Path) -> PathBuf {
    let mut name = key.as_os_str().to_os_string();
    name.push(".json");
    out.join(name)
}

/// Converts one entry; never panics, never fails: problems are in the report.
pub fn process(entry: &Entry, cx: &Context<'_>) -> FileReport {
    let mut report = FileReport {
        path: entry.path.clone(),
        bytes: 0,
        status: Status::Converted,
        doc_type: None,
        year: None,
        format: None,
        encoding: None,
        encodings: Vec::new(),
        has_unrecognized: false,
        has_review_marks: false,
        has_findings: false,
        line: None,
    };
    let result = match &entry.error {
        Some(e) => Err(e.clone()),
        None => isolate(|| convert(entry, cx, &mut report)),
    };
    if let Err(e) = result {
        if cx.out.is_none() {
            report.line = Some(record_line(&entry.path, None, Some(&e)));
        }
        report.status = Status::Failed(e);
    }
    report
}

/// Runs `f`, turning a panic into a `panic` error record.
fn isolate(f: impl FnOnce() -> Result<(), FileError>) -> Result<(), FileError> {
    panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        Err(FileError::new(
            "panic",
            format!(
                "vanban crashed on this file ({what}): this is a bug, please report it with \
                 the file"
            ),
        ))
    })
}

fn convert(entry: &Entry, cx: &Context<'_>, report: &mut FileReport) -> Result<(), FileError> {
    if entry.path.as_os_str().is_empty() {
        return Err(FileError::new(
            "path",
            "empty path: one path per line expected",
        ));
    }
    let bytes = read_limited(&entry.path, cx.config.max_bytes)?;
    report.bytes = bytes.len() as u64;
    let hash = input_hash(&bytes);
    let target = match (cx.out, &entry.key) {
        (Some(out), Some(key)) => Some(output_path(out, key)),
        (Some(_), None) => {
            return Err(FileError::new(
                "path",
                "no place for its output under --out (the path leaves its input folder)",
            ));
        }
        (None, _) => None,
    };
    if let Some(target) = &target {
        if !cx.config.force {
            if let Some(done) = read_stamp(target) {
                if done.source.hash.as_deref() == Some(hash.as_str())
                    && done.source.vanban_version.as_deref() == Some(VERSION)
                {
                    report.status = Status::Skipped;
                    report.doc_type = done.title.and_then(|t| t.type_code.or(t.type_name));
                    report.year = done.header.place_date.and_then(|p| p.year);
                    report.format = Some(done.source.input_format.name().to_owned());
                    report.encoding = Some(done.source.encoding);
                    report.encodings = done.source.encodings.into_iter().map(|e| e.name).collect();
                    report.has_unrecognized = done.unrecognized > 0;
                    report.has_review_marks = done.source.review_marks.is_some();
                    report.has_findings = done.findings > 0;
                    return Ok(());
                }
            }
        }
    }
    let decoded = read_document(&bytes, cx.config.max_bytes).map_err(decode_error)?;
    drop(bytes);
    let options = crate::Options {
        format: cx.config.format,
        path: Some(entry.path.to_string_lossy().into_owned()),
        encoding: None,
        max_bytes: cx.config.max_bytes,
        ..crate::Options::default()
    };
    let mut doc = crate::parse_decoded(&decoded, &options);
    if cx.config.findings {
        let profile = crate::validate::Profile::for_document(&doc);
        doc.findings = crate::validate::Validator::new(profile).validate(&doc, &decoded.text);
    }
    drop(decoded);
    doc.source.hash = Some(hash);
    doc.source.vanban_version = Some(VERSION.to_owned());
    report.doc_type = doc
        .title
        .as_ref()
        .and_then(|t| t.type_code.clone().or_else(|| t.type_name.clone()));
    report.year = doc.header.place_date.as_ref().and_then(|p| p.year);
    report.format = Some(doc.source.input_format.name().to_owned());
    report.encoding = Some(doc.source.encoding.clone());
    report.encodings = doc
        .source
        .encodings
        .iter()
        .map(|e| e.name.clone())
        .collect();
    report.has_unrecognized = !doc.unrecognized.is_empty();
    report.has_review_marks = doc.source.review_marks.is_some();
    report.has_findings = !doc.findings.is_empty();
    match &target {
        Some(target) => {
            let mut json = crate::output::json::document(&doc, !cx.config.compact)
                .map_err(|e| FileError::new("write", format!("cannot serialize: {e}")))?;
            json.push(b'\n');
            write_atomic(target, &json).map_err(|e| {
                FileError::new("write", format!("cannot write {}: {e}", target.display()))
            })?;
        }
        None => report.line = Some(record_line(&entry.path, Some(&doc), None)),
    }
    Ok(())
}

fn decode_error(e: DecodeError) -> FileError {
    FileError::new(e.kind(), e.to_string())
}

/// Reads a file, refusing it from its size alone when it is over the limit.
fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, FileError> {
    let io_error = |e: io::Error| FileError::new("io", format!("cannot read: {e}"));
    let file = fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(FileError::new("io", "a folder, not a file"));
    }
    if meta.len() > max_bytes {
        let e = DecodeError::TooLarge {
            size: meta.len(),
            limit: max_bytes,
        };
        return Err(decode_error(e));
    }
    // A file that grew past the limit since `metadata` is still refused, and not read whole.
    crate::text::decode::read_limited(file, max_bytes)
        .map_err(io_error)?
        .map_err(decode_error)
}

/// Writes `bytes` to `target` through `target.tmp` and a rename.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = target.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut tmp = target.as_os_str().to_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let written = fs::File::create(&tmp).and_then(|mut f| f.write_all(bytes));
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, target)) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// One NDJSON line: `{"path": …, "document": …}` or `{"path": …, "error": {kind, message}}`.
fn record_line(path: &Path, document: Option<&Document>, error: Option<&FileError>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Record<'a> {
        path: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        document: Option<&'a Document>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<&'a FileError>,
    }
    let path = path.to_string_lossy();
    let record = Record {
        path: &path,
        document,
        error,
    };
    let capacity = document.map_or(256, |doc| {
        crate::output::json::document_capacity(doc, false)
    });
    let mut line = Vec::with_capacity(capacity);
    if let Err(e) = crate::output::json::append(&mut line, &record) {
        let fallback = FileError::new("write", format!("cannot serialize: {e}"));
        let record = Record {
            path: &path,
            document: None,
            error: Some(&fallback),
        };
        // A record of a path and an error always serializes; `append` leaves `line` empty if not.
        let _ = crate::output::json::append(&mut line, &record);
    }
    line.push(b'\n');
    line
}

/// What resume and the summary need from an existing output: the rest is skipped unread.
#[derive(Debug, Deserialize)]
struct Stamp {
    source: StampSource,
    #[serde(default)]
    header: StampHeader,
    title: Option<StampTitle>,
    #[serde(default, deserialize_with = "count")]
    unrecognized: usize,
    #[serde(default, deserialize_with = "count")]
    findings: usize,
}

#[derive(Debug, Deserialize)]
struct StampSource {
    #[serde(default)]
    input_format: crate::text::decode::InputFormat,
    encoding: String,
    #[serde(default)]
    encodings: Vec<StampEncoding>,
    /// Only whether it is there.
    #[serde(default)]
    review_marks: Option<serde::de::IgnoredAny>,
    hash: Option<String>,
    vanban_version: Option<String>,
}

#[derive(Debug, Deserialize)]
struct StampEncoding {
    name: String,
}

#[derive(Debug, Default, Deserialize)]
struct StampHeader {
    place_date: Option<StampDate>,
}

#[derive(Debug, Deserialize)]
struct StampDate {
    year: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct StampTitle {
    type_name: Option<String>,
    type_code: Option<String>,
}

fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    Vec::<serde::de::IgnoredAny>::deserialize(d).map(|v| v.len())
}

/// The stamp of an existing output, or `None` when there is none or it cannot be read (then the
/// file is converted again).
fn read_stamp(target: &Path) -> Option<Stamp> {
    let bytes = fs::read(target).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_path_appends_json() {
        assert_eq!(
            output_path(Path::new("out"), Path::new("a/b.txt")),
            PathBuf::from("out/a/b.txt.json")
        );
    }

    #[test]
    fn a_panic_becomes_an_error_record() {
        let err = isolate(|| panic!("index out of bounds")).expect_err("the panic is caught");
        assert_eq!(err.kind, "panic");
        assert!(
            err.message.contains("index out of bounds") && err.message.contains("bug"),
            "{}",
            err.message
        );
        assert_eq!(isolate(|| Ok(())), Ok(()), "no panic, no error");
    }

    #[test]
    fn stamp_reads_an_output() {
        let mut doc = crate::parse(
            "UBND TỈNH X\n\nSố: 1/BC-UBND\nX, ngày 1 tháng 2 năm 2024\n\nBÁO CÁO\nVề việc y\n",
        );
        doc.source.hash = Some("xxh3:0000000000000001".to_owned());
        doc.source.vanban_version = Some(VERSION.to_owned());
        let json = crate::output::json::to_vec_pretty(&doc).expect("serializes");
        let stamp: Stamp = serde_json::from_slice(&json).expect("stamp reads");
        assert_eq!(stamp.source.hash.as_deref(), Some("xxh3:0000000000000001"));
        assert_eq!(stamp.title.and_then(|t| t.type_code).as_deref(), Some("BC"));
        assert_eq!(stamp.header.place_date.and_then(|p| p.year), Some(2024));
    }
}
