//! Renderings of findings: human (source line, underline, code, message, hint), JSON, SARIF
//! 2.1.0 and GitHub workflow commands, plus the one-line summary.
//!
//! These are pure functions from findings to text; the command line decides where they go.
//! The human rendering uses `annotate-snippets`, the renderer of rustc's diagnostics.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use serde_json::{Value, json};

use crate::model::{Finding, Severity};
use crate::validate::{Counts, Lang, registry};

/// The findings of one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Path as given on the command line.
    pub file: String,
    /// Id of the profile used.
    pub profile: String,
    /// The normalized text the findings point into.
    pub source: String,
    /// The findings, ordered.
    pub findings: Vec<Finding>,
}

/// A file that could not be checked.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// Path as given.
    pub file: String,
    /// Why.
    pub message: String,
}

/// Totals over every report.
pub fn totals(reports: &[FileReport]) -> Counts {
    let mut c = Counts::default();
    for r in reports {
        for f in &r.findings {
            c.add(f.severity);
        }
    }
    c
}

/// `3 lỗi, 2 cảnh báo trong 1 tệp` / `3 errors, 2 warnings in 1 file`; infos and unreadable
/// files are named only when there are some.
pub fn summary(counts: Counts, files: usize, failures: usize, lang: Lang) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match lang {
        Lang::Vi => {
            let mut s = format!("{} lỗi, {} cảnh báo", counts.errors, counts.warnings);
            if counts.infos > 0 {
                s.push_str(&format!(", {} thông tin", counts.infos));
            }
            s.push_str(&format!(" trong {files} tệp"));
            if failures > 0 {
                s.push_str(&format!("; {failures} tệp không đọc được"));
            }
            s
        }
        Lang::En => {
            let mut s = format!(
                "{}, {}",
                plural(counts.errors, "error", "errors"),
                plural(counts.warnings, "warning", "warnings")
            );
            if counts.infos > 0 {
                s.push_str(&format!(", {}", plural(counts.infos, "note", "notes")));
            }
            s.push_str(&format!(" in {}", plural(files, "file", "files")));
            if failures > 0 {
                s.push_str(&format!(
                    "; {} could not be read",
                    plural(failures, "file", "files")
                ));
            }
            s
        }
    }
}

/// Byte offset of a 1-based character column in `line`, clamped to the line.
fn byte_of_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// The human rendering of one file's findings (without the summary).
pub fn human(report: &FileReport, lang: Lang, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let lines: Vec<&str> = report.source.split('\n').collect();
    let mut out = String::new();
    for f in &report.findings {
        let level = level(f.severity, lang);
        let title = level.primary_title(f.message.as_str()).id(f.code.as_str());
        let first = f.line.clamp(1, lines.len().max(1));
        // At most four lines of context for a long span.
        let last = f.end_line.clamp(first, (first + 3).min(lines.len().max(1)));
        let slice = lines
            .get(first - 1..last)
            .map(|ls| ls.join("\n"))
            .unwrap_or_default();
        let label = if f.span.is_some() {
            f.name.clone()
        } else {
            match lang {
                Lang::Vi => "cần có ở vị trí này".to_owned(),
                Lang::En => "expected at this place".to_owned(),
            }
        };
        let group: Group<'_> = if slice.trim().is_empty() {
            title.element(
                Origin::path(report.file.as_str())
                    .line(first)
                    .char_column(f.column),
            )
        } else {
            let start = byte_of_column(lines[first - 1], f.column);
            let end_in_last = if f.end_line > last {
                lines[last - 1].len()
            } else {
                byte_of_column(lines[last - 1], f.end_column)
            };
            let offset_last: usize = lines[first - 1..last - 1].iter().map(|l| l.len() + 1).sum();
            let end = (offset_last + end_in_last).max(start).min(slice.len());
            title.element(
                Snippet::source(slice)
                    .line_start(first)
                    .path(report.file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end).label(label)),
            )
        };
        let help = match lang {
            Lang::Vi => Level::HELP.with_name("gợi ý"),
            Lang::En => Level::HELP,
        };
        let group = group.element(help.message(f.hint.as_str()));
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    match (severity, lang) {
        (Severity::Error, Lang::En) => Level::ERROR,
        (Severity::Warning, Lang::En) => Level::WARNING,
        (Severity::Info, Lang::En) => Level::NOTE,
        (Severity::Error, Lang::Vi) => Level::ERROR.with_name("lỗi"),
        (Severity::Warning, Lang::Vi) => Level::WARNING.with_name("cảnh báo"),
        (Severity::Info, Lang::Vi) => Level::NOTE.with_name("thông tin"),
    }
}

/// One finding with its file, as the JSON output lists it.
#[derive(Serialize)]
struct Located<'a> {
    file: &'a str,
    profile: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// The JSON rendering: `{version, findings: [{file, profile, code, …}], failures, summary}`.
pub fn json(reports: &[FileReport], failures: &[Failure]) -> Value {
    let findings: Vec<Located<'_>> = reports
        .iter()
        .flat_map(|r| {
            r.findings.iter().map(move |f| Located {
                file: &r.file,
                profile: &r.profile,
                finding: f,
            })
        })
        .collect();
    let c = totals(reports);
    json!({
        "version": 1,
        "findings": findings,
        "failures": failures,
        "summary": {
            "files": reports.len(),
            "errors": c.errors,
            "warnings": c.warnings,
            "infos": c.infos,
            "failures": failures.len(),
        }
    })
}

/// SARIF URI of the 2.1.0 schema.
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF 2.1.0 rendering: one run, every rule of the registry with its docs, one result
/// per finding; unreadable files become tool execution notifications.
pub fn sarif(reports: &[FileReport], failures: &[Failure], lang: Lang) -> Value {
    let rules: Vec<Value> = registry::RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary(lang) },
                "fullDescription": { "text": format!("{} {}", r.what, r.why) },
                "help": {
                    "text": r.hint(lang),
                    "markdown": format!("{}\n\nExample:\n\n```text\n{}\n```\n\nReference: {}", r.hint(lang), r.example, r.reference),
                },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
                "properties": { "reference": r.reference, "tags": [r.code[..3].to_owned()] },
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        for f in &r.findings {
            let mut result = json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&r.file) },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column.max(f.column),
                        }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": f.path, "kind": "element" }],
                }],
                "properties": { "name": f.name, "hint": f.hint, "profile": r.profile },
            });
            if let Some(i) = registry::index_of(&f.code) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = failures
        .iter()
        .map(|fl| {
            json!({
                "level": "error",
                "message": { "text": fl.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&fl.file) } } }],
            })
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "vanban",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    })
}

/// A relative file path as a URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}

/// GitHub Actions workflow commands, one line per finding.
pub fn github(reports: &[FileReport]) -> String {
    let esc_data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let cmd = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            out.push_str(&format!(
                "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                esc_prop(&r.file),
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                esc_prop(&format!("{} {}", f.code, f.name)),
                esc_data(&format!("{} — {}", f.message, f.hint)),
            ));
        }
    }
    out
}
