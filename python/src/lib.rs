//! `vanban._vanban`: the native half of the Python package. Each function gives what one command
//! of the `vanban` binary prints, as a JSON string (the Python half turns it into dicts with
//! `json.loads`): `parse_json` is `vanban parse [--compact]`, `check_json` is `vanban validate
//! --format json` for one document, `text` is `vanban text`, `schema_json` is `vanban schema`.
//!
//! The steps are the command's: bytes are decoded with the size limit (`decode_with_limit`, or
//! `decode_as` for a named encoding), a `str` is taken as decoded UTF-8 text; the format comes from
//! `format`, else a `.md`/`.markdown` path, else the content; the profile is the one named, else
//! the one the document's type and family choose. Decoding, parsing, validating and serializing
//! run with the GIL released, so Python threads parse in parallel.

use std::path::Path;

use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};

mod objects;

use vanban::model::Format;
use vanban::output::render::{self, FileReport};
use vanban::validate::{Lang, Profile, Validator};

/// The Rust side allocates through mimalloc, as the command does (`src/main.rs`): the parser's
/// many small allocations are ~20% of its time under glibc's allocator. Python's objects keep
/// Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    vanban,
    DecodeError,
    PyValueError,
    "The bytes are not a document's text: empty, too large, binary (PDF, DOCX, images), or \
     undecodable. The message is the command line's; `kind` names the case (`empty`, `too_large`, \
     `pdf`, `docx`, `nul`, `invalid_utf8`, ...) and `path` is the path given, if any."
);

/// A document as Python gave it.
enum Source {
    /// Text already decoded: parsed as a UTF-8 file's text would be.
    Text(PyBackedStr),
    /// A file's bytes: decoded as the command decodes a file.
    Bytes(PyBackedBytes),
}

impl Source {
    fn extract(source: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(text) = source.extract::<PyBackedStr>() {
            return Ok(Source::Text(text));
        }
        if let Ok(bytes) = source.extract::<PyBackedBytes>() {
            return Ok(Source::Bytes(bytes));
        }
        let kind = source
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        Err(PyTypeError::new_err(format!(
            "source must be str (the document's text) or bytes (its file's content), not {kind}"
        )))
    }
}

/// What the command's options say, checked before the GIL is released.
struct Request {
    format: Option<Format>,
    path: Option<String>,
    max_bytes: u64,
}

impl Request {
    fn new(format: Option<&str>, path: Option<String>, max_bytes: u64) -> PyResult<Request> {
        let format = match format {
            None => path.as_deref().and_then(format_from_extension),
            Some("markdown") => Some(Format::Markdown),
            Some("text") => Some(Format::Text),
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "unknown format `{other}` (markdown, text)"
                )));
            }
        };
        Ok(Request {
            format,
            path,
            max_bytes,
        })
    }

    fn options(&self) -> vanban::Options {
        vanban::Options {
            format: self.format,
            path: self.path.clone(),
            max_bytes: self.max_bytes,
            ..vanban::Options::default()
        }
    }

    /// A decoding error as Python's `vanban.DecodeError`, its message prefixed with the path as
    /// the command prefixes it with the file's.
    fn refused(&self, py: Python<'_>, e: &vanban::DecodeError) -> PyErr {
        let message = match &self.path {
            Some(path) => format!("{path}: {e}"),
            None => e.to_string(),
        };
        let err = DecodeError::new_err(message);
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail but for memory.
        let _ = value.setattr("kind", e.kind());
        let _ = value.setattr("path", self.path.as_deref());
        err
    }
}

/// `vanban parse` treats `.md` and `.markdown` files as Markdown; a `.txt` is detected.
fn format_from_extension(path: &str) -> Option<Format> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    matches!(ext.as_str(), "md" | "markdown").then_some(Format::Markdown)
}

/// A shipped profile by id, else a profile file, as `vanban parse --profile` reads it.
fn load_profile(name: &str) -> PyResult<Profile> {
    if let Some(p) = Profile::builtin(name) {
        return Ok(p.clone());
    }
    let path = Path::new(name);
    if !path.exists() {
        let ids: Vec<&str> = Profile::shipped().iter().map(|p| p.id.as_str()).collect();
        return Err(PyValueError::new_err(format!(
            "unknown profile `{name}`: neither a shipped profile ({}) nor a file",
            ids.join(", ")
        )));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| PyOSError::new_err(format!("{name}: {e}")))?;
    Profile::from_json(&text).map_err(|e| PyValueError::new_err(format!("{name}: {e}")))
}

/// The profile named by id or file (`profile`) or given as JSON (`profile_json`); `None` lets
/// the document choose.
fn chosen_profile(profile: Option<&str>, profile_json: Option<&str>) -> PyResult<Option<Profile>> {
    match (profile, profile_json) {
        (Some(_), Some(_)) => Err(PyValueError::new_err(
            "give the profile once: by id or file, or as a dict",
        )),
        (Some(name), None) => load_profile(name).map(Some),
        (None, Some(json)) => Profile::from_json(json)
            .map(Some)
            .map_err(|e| PyValueError::new_err(e.to_string())),
        (None, None) => Ok(None),
    }
}

fn language(lang: &str) -> PyResult<Lang> {
    lang.parse().map_err(PyValueError::new_err)
}

/// A parsed document, with the text its findings point into.
struct Parsed {
    doc: vanban::Document,
    text: String,
}

/// Decodes (bytes) and parses, as `vanban parse` does. Runs without the GIL.
fn parse_source(source: &Source, req: &Request) -> Result<Parsed, vanban::DecodeError> {
    let options = req.options();
    match source {
        Source::Text(text) => {
            let mut doc = vanban::try_parse_with(text, &options)?;
            // A str is the text of a UTF-8 file, recorded as the command records one.
            doc.source.encodings = vec![vanban::decode::EncodingUse {
                name: "utf-8".to_owned(),
                bytes: text.len(),
                paragraphs: 1,
                share: 1.0,
            }];
            Ok(Parsed {
                doc,
                text: String::new(),
            })
        }
        Source::Bytes(bytes) => {
            let decoded = vanban::batch::read::read_document(bytes, req.max_bytes)?;
            let doc = vanban::parse_decoded(&decoded, &options);
            Ok(Parsed {
                doc,
                text: decoded.text,
            })
        }
    }
}

impl Parsed {
    /// The text the validator reads: the decoded text, or the caller's `str`.
    fn text<'a>(&'a self, source: &'a Source) -> &'a str {
        match source {
            Source::Text(text) => text,
            Source::Bytes(_) => &self.text,
        }
    }
}

/// The arguments `parse_json` and `check_json` share, checked with the GIL held.
struct Call {
    source: Source,
    req: Request,
    lang: Lang,
    forced: Option<Profile>,
}

impl Call {
    fn new(
        source: &Bound<'_, PyAny>,
        path: Option<String>,
        format: Option<&str>,
        profile: Option<&str>,
        profile_json: Option<&str>,
        lang: &str,
        max_bytes: u64,
    ) -> PyResult<Call> {
        Ok(Call {
            source: Source::extract(source)?,
            req: Request::new(format, path, max_bytes)?,
            lang: language(lang)?,
            forced: chosen_profile(profile, profile_json)?,
        })
    }

    /// The profile given, else the document's, and its findings, as `vanban parse` and
    /// `vanban validate` fill them.
    fn findings(&self, parsed: &Parsed) -> (Profile, Vec<vanban::model::Finding>) {
        let profile = self
            .forced
            .clone()
            .unwrap_or_else(|| Profile::for_document(&parsed.doc).clone());
        let validator = Validator::new(&profile).with_lang(self.lang);
        let findings = validator.validate(&parsed.doc, parsed.text(&self.source));
        (profile, findings)
    }
}

fn serialize_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("cannot serialize the document: {e}"))
}

impl Call {
    /// Decodes and parses, then fills the findings unless `findings` is false (`--no-findings`),
    /// as `vanban parse` does. Runs without the GIL.
    fn parse(&self, findings: bool) -> Result<Parsed, vanban::DecodeError> {
        let mut parsed = parse_source(&self.source, &self.req)?;
        if findings {
            parsed.doc.findings = self.findings(&parsed).1;
        }
        Ok(parsed)
    }
}

/// The JSON `vanban parse` prints for the document (without its final newline): compact, or
/// pretty-printed as the command prints it by default. `findings=False` is `--no-findings`.
#[pyfunction]
#[pyo3(signature = (source, *, path=None, format=None, profile=None, profile_json=None, lang="vi", findings=true, max_bytes=vanban::decode::DEFAULT_MAX_BYTES, pretty=false))]
#[allow(clippy::too_many_arguments)]
fn parse_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    path: Option<String>,
    format: Option<&str>,
    profile: Option<&str>,
    profile_json: Option<&str>,
    lang: &str,
    findings: bool,
    max_bytes: u64,
    pretty: bool,
) -> PyResult<String> {
    let call = Call::new(source, path, format, profile, profile_json, lang, max_bytes)?;
    let json = py.detach(|| {
        let parsed = call.parse(findings)?;
        Ok(vanban::json::document(&parsed.doc, pretty).map(String::from_utf8))
    });
    match json {
        Ok(Ok(Ok(json))) => Ok(json),
        Ok(Ok(Err(e))) => Err(serialize_error(e)),
        Ok(Err(e)) => Err(serialize_error(e)),
        Err(e) => Err(call.req.refused(py, &e)),
    }
}

/// The document's tree as Python objects: what `json.loads(parse_json(...))` gives, built
/// straight from the parsed document (`objects::to_python`), with no JSON text in between.
/// Decoding, parsing and validating run without the GIL; the objects are built with it.
#[pyfunction]
#[pyo3(signature = (source, *, path=None, format=None, profile=None, profile_json=None, lang="vi", findings=true, max_bytes=vanban::decode::DEFAULT_MAX_BYTES))]
#[allow(clippy::too_many_arguments)]
fn parse<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    path: Option<String>,
    format: Option<&str>,
    profile: Option<&str>,
    profile_json: Option<&str>,
    lang: &str,
    findings: bool,
    max_bytes: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let call = Call::new(source, path, format, profile, profile_json, lang, max_bytes)?;
    let parsed = py
        .detach(|| call.parse(findings))
        .map_err(|e| call.req.refused(py, &e))?;
    let tree = objects::to_python(py, &parsed.doc);
    // The document's thousands of allocations are freed without the GIL too.
    py.detach(move || drop(parsed));
    tree
}

/// The JSON `vanban validate --format json` prints for this one document: `{version, findings:
/// [{file, profile, code, ...}], failures, summary}`; `file` is the path given, else `-` (the
/// command's name for standard input).
#[pyfunction]
#[pyo3(signature = (source, *, path=None, format=None, profile=None, profile_json=None, lang="vi", max_bytes=vanban::decode::DEFAULT_MAX_BYTES))]
#[allow(clippy::too_many_arguments)]
fn check_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    path: Option<String>,
    format: Option<&str>,
    profile: Option<&str>,
    profile_json: Option<&str>,
    lang: &str,
    max_bytes: u64,
) -> PyResult<String> {
    let call = Call::new(source, path, format, profile, profile_json, lang, max_bytes)?;
    let report = py.detach(|| {
        let parsed = parse_source(&call.source, &call.req)?;
        let (profile, findings) = call.findings(&parsed);
        let report = FileReport {
            file: call.req.path.clone().unwrap_or_else(|| "-".to_owned()),
            profile: profile.id,
            source: vanban::normalize(parsed.text(&call.source))
                .text
                .into_owned(),
            findings,
        };
        Ok(serde_json::to_string(&render::json(&[report], &[])))
    });
    match report {
        Ok(json) => json.map_err(serialize_error),
        Err(e) => Err(call.req.refused(py, &e)),
    }
}

/// The Unicode text the parser reads, normalized, as `vanban text` prints it. `encoding` forces
/// one for bytes (`tcvn3`, `vni`, `viscii`, `viqr`, `utf-8`, `windows-1258`).
#[pyfunction]
#[pyo3(signature = (source, *, encoding=None, path=None, max_bytes=vanban::decode::DEFAULT_MAX_BYTES))]
fn text(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    encoding: Option<&str>,
    path: Option<String>,
    max_bytes: u64,
) -> PyResult<String> {
    let source = Source::extract(source)?;
    let req = Request::new(None, path, max_bytes)?;
    let decoded = match (&source, encoding) {
        (Source::Text(text), None) => {
            let size = text.len() as u64;
            if size > max_bytes {
                let e = vanban::DecodeError::TooLarge {
                    size,
                    limit: max_bytes,
                };
                return Err(req.refused(py, &e));
            }
            return Ok(py.detach(|| vanban::normalize(text).text.into_owned()));
        }
        (Source::Text(_), Some(_)) => {
            return Err(PyValueError::new_err(
                "`encoding` applies to bytes; a str is already decoded",
            ));
        }
        (Source::Bytes(bytes), None) => {
            py.detach(|| vanban::batch::read::read_document(bytes, max_bytes))
        }
        (Source::Bytes(bytes), Some(name)) => py
            .detach(|| vanban::batch::read::read_document_as(bytes, max_bytes, name))
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "unknown encoding `{name}` (tcvn3, vni, viscii, viqr, utf-8, windows-1258)"
                ))
            })?,
    };
    let decoded = decoded.map_err(|e| req.refused(py, &e))?;
    Ok(py.detach(|| vanban::normalize(&decoded.text).text.into_owned()))
}

/// The JSON Schema of `parse`'s output, as `vanban schema` prints it (compact).
#[pyfunction]
fn schema_json() -> PyResult<String> {
    serde_json::to_string(&vanban::json_schema()).map_err(serialize_error)
}

/// The `DecodeError` for a file of `size` bytes over `limit`, as the command refuses it from the
/// file's size before reading it (`parse_file`).
#[pyfunction]
fn too_large(py: Python<'_>, size: u64, limit: u64, path: String) -> PyResult<Py<PyAny>> {
    let req = Request::new(None, Some(path), limit)?;
    let err = req.refused(py, &vanban::DecodeError::TooLarge { size, limit });
    Ok(err.into_value(py).into_any())
}

/// For the tests: a value covering the serde data model (`objects::sample`) as Python objects,
/// as `vanban::json`'s text and as `serde_json`'s text.
#[pyfunction]
fn _data_model_sample(py: Python<'_>) -> PyResult<(Bound<'_, PyAny>, String, String)> {
    let value = objects::sample::value();
    let ours = vanban::json::to_string(&value).map_err(serialize_error)?;
    let theirs = serde_json::to_string(&value).map_err(serialize_error)?;
    Ok((objects::to_python(py, &value)?, ours, theirs))
}

/// The ids of the shipped profiles (`nd30`, `nd30-bao-cao`, ...).
#[pyfunction]
fn profiles() -> Vec<String> {
    Profile::shipped().iter().map(|p| p.id.clone()).collect()
}

#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", vanban::batch::VERSION)?;
    m.add("DEFAULT_MAX_BYTES", vanban::decode::DEFAULT_MAX_BYTES)?;
    m.add("DecodeError", m.py().get_type::<DecodeError>())?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(text, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(profiles, m)?)?;
    m.add_function(wrap_pyfunction!(_data_model_sample, m)?)?;
    m.add_function(wrap_pyfunction!(too_large, m)?)?;
    Ok(())
}
