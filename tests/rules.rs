//! Every rule of the registry on a fixture of its own, and every registry example executed.
//!
//! # Fixtures
//!
//! `tests/rules/<CODE>.txt` (or `.md`, read as Markdown) holds short documents written for the
//! rule `<CODE>`, modelled on real forms. A line starting with `%%` begins a document and says
//! which profile checks it and why the document is there:
//!
//! ```text
//! %% nd30-bao-cao: number 7 written with one digit
//! ```
//!
//! The profile is a shipped one (`nd30-bao-cao`), `auto` (chosen from the document, as
//! `vanban validate` does), or a `.json` profile file beside the fixture. The document runs from
//! the next line to the next `%%` line or the end of the file. A document read from a Word file
//! that still holds tracked changes or comments says on which of its lines, after the profile:
//! `%% auto + review marks on lines 9 12: why` (what the reader records in
//! `source.review_marks`).
//!
//! A finding is written beside the line it points at, after `⟸`:
//!
//! ```text
//! Số: 7/BC-STC                 ⟸ HDR009
//! Số: 07/BC-STC                ⟸ not HDR009
//! ```
//!
//! `⟸ HDR009` says the rule reports this line (`⟸ HDR013, HDR013` twice); `⟸ not HDR009` marks a
//! near miss, a line that looks like the problem but is not one. The annotation and the spaces
//! before it are cut before parsing, so line numbers stay those of the file. The findings of the
//! fixture's rule must be exactly the annotated ones, line for line; findings of other rules are
//! not looked at. Every fixture has at least one finding and one near miss, and every rule of
//! the registry has a fixture.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use vanban::model::{Format, ReviewMarks};
use vanban::validate::{Finding, Profile, RULES, Validator};
use vanban::{Document, Options};

/// The mark that starts an annotation.
const MARK: char = '⟸';

/// One document of a fixture.
struct Case {
    /// File line of its `%%` line; the document's line `n` is the file's line `start + n`.
    start: usize,
    /// The profile setting: a shipped id, `auto`, or a profile file name.
    profile: String,
    /// The document, annotations cut.
    text: String,
    /// File lines where the rule must report, once per expected finding.
    expected: Vec<usize>,
    /// File lines marked as near misses.
    near: Vec<usize>,
    /// The file's lines of this document (annotated), for failure reports.
    lines: Vec<String>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

/// The fixture files, sorted: `(code, path)`.
fn fixtures() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(fixtures_dir())
        .expect("tests/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .filter_map(|p| {
            let code = p.file_stem()?.to_str()?.to_owned();
            Some((code, p))
        })
        .collect();
    out.sort();
    out
}

/// Reads a fixture into its documents; panics with the file and line on a malformed one.
fn read_cases(code: &str, path: &Path) -> Vec<Case> {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_cases(code, &path.display().to_string(), &source)
}

/// The documents of a fixture's text; `name` is shown in errors.
fn parse_cases(code: &str, name: &str, source: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let at = i + 1;
        if let Some(setting) = line.strip_prefix("%%") {
            let (profile, _why) = setting.split_once(':').unwrap_or((setting, ""));
            cases.push(Case {
                start: at,
                profile: profile.trim().to_owned(),
                text: String::new(),
                expected: Vec::new(),
                near: Vec::new(),
                lines: Vec::new(),
            });
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("{name}:{at}: text before the first `%%` line"));
        case.lines.push(line.to_owned());
        let (text, note) = match line.split_once(MARK) {
            Some((text, note)) => (text.trim_end(), note),
            None => (line, ""),
        };
        case.text.push_str(text);
        case.text.push('\n');
        for item in note.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (near, item_code) = match item.strip_prefix("not ") {
                Some(c) => (true, c.trim()),
                None => (false, item),
            };
            assert_eq!(
                item_code, code,
                "{name}:{at}: a fixture annotates its own rule only (`⟸ {code}` or `⟸ not {code}`)"
            );
            if near {
                case.near.push(at);
            } else {
                case.expected.push(at);
            }
        }
        assert!(
            !(case.near.contains(&at) && case.expected.contains(&at)),
            "{name}:{at}: a line is a finding or a near miss, not both"
        );
    }
    cases
}

/// The profile of a case; `None` for `auto`.
fn profile_of(setting: &str, fixture: &Path) -> Option<Profile> {
    if setting == "auto" {
        return None;
    }
    if setting.ends_with(".json") {
        let path = fixtures_dir().join(setting);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: profile {}: {e}", fixture.display(), path.display()));
        return Some(
            Profile::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        );
    }
    Some(
        Profile::builtin(setting)
            .unwrap_or_else(|| panic!("{}: no shipped profile `{setting}`", fixture.display()))
            .clone(),
    )
}

/// Parses and validates `text` as `vanban validate` would, under `profile` or the document's own.
fn check(text: &str, profile: Option<&Profile>, format: Option<Format>) -> Document {
    check_with(text, profile, format, None)
}

/// [`check`] for the text of a Word file that held review marks (`marks`), as its reader
/// records them.
fn check_with(
    text: &str,
    profile: Option<&Profile>,
    format: Option<Format>,
    marks: Option<ReviewMarks>,
) -> Document {
    let options = Options {
        format,
        ..Options::default()
    };
    let mut doc = vanban::parse_with(text, &options);
    doc.source.review_marks = marks;
    let validator = match profile {
        Some(p) => Validator::new(p),
        None => Validator::new(Profile::for_document(&doc)),
    };
    doc.findings = validator.validate(&doc, text);
    doc
}

/// The case with what was expected and what was found beside each line.
fn report(case: &Case, code: &str, found: &[&Finding]) -> String {
    let mut out = format!("  %% {} (line {})\n", case.profile, case.start);
    for (k, line) in case.lines.iter().enumerate() {
        let at = case.start + k + 1;
        let mut marks = String::new();
        for f in found.iter().filter(|f| case.start + f.line == at) {
            let _ = write!(marks, "  <- found {code}: {}", f.message);
        }
        let expected = case.expected.iter().filter(|&&l| l == at).count();
        if expected > 0 {
            let _ = write!(marks, "  <- expected {code} ×{expected}");
        }
        let _ = writeln!(out, "  {at:>4} | {line}{marks}");
    }
    for f in found.iter().filter(|f| f.line > case.lines.len()) {
        let _ = writeln!(
            out,
            "  found {code} past the document, at its line {}: {}",
            f.line, f.message
        );
    }
    out
}

#[test]
fn every_rule_has_a_fixture_and_every_fixture_a_rule() {
    let files = fixtures();
    let codes: BTreeSet<&str> = files.iter().map(|(c, _)| c.as_str()).collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture in tests/rules/: {missing:?}"
    );
    let unknown: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| RULES.iter().all(|r| r.code != *c))
        .collect();
    assert!(
        unknown.is_empty(),
        "fixtures named after no rule: {unknown:?}"
    );
    assert_eq!(codes.len(), files.len(), "one fixture file per rule");
}

#[test]
fn each_fixture_reports_exactly_its_annotated_lines() {
    let mut failures = String::new();
    for (code, path) in fixtures() {
        let cases = read_cases(&code, &path);
        let markdown = path.extension().and_then(|e| e.to_str()) == Some("md");
        let format = markdown.then_some(Format::Markdown);
        assert!(!cases.is_empty(), "{}: no `%%` document", path.display());
        assert!(
            cases.iter().any(|c| !c.expected.is_empty()),
            "{}: no line annotated `⟸ {code}`",
            path.display()
        );
        assert!(
            cases.iter().any(|c| !c.near.is_empty()),
            "{}: no near miss annotated `⟸ not {code}`",
            path.display()
        );
        for case in &cases {
            let (setting, marks) = match case.profile.split_once(" + ") {
                Some((setting, marks)) => (setting, review_marks(marks)),
                None => (case.profile.as_str(), None),
            };
            let profile = profile_of(setting, &path);
            let doc = check_with(&case.text, profile.as_ref(), format, marks);
            let found: Vec<&Finding> = doc.findings.iter().filter(|f| f.code == code).collect();
            let mut lines: Vec<usize> = found.iter().map(|f| case.start + f.line).collect();
            lines.sort_unstable();
            let mut expected = case.expected.clone();
            expected.sort_unstable();
            if lines != expected {
                let _ = writeln!(
                    failures,
                    "{}: {code} expected on lines {expected:?}, found on {lines:?}\n{}",
                    path.display(),
                    report(case, &code, &found)
                );
            }
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

/// The marks of a review a Word file would have held (changes and a comment), as a fixture or
/// an example says them:
/// `review marks on lines 2 5` (lines of the document).
fn review_marks(setting: &str) -> Option<ReviewMarks> {
    let lines = setting
        .trim()
        .strip_prefix(REVIEW_MARKS)?
        .split_whitespace()
        .map(|n| {
            n.parse()
                .expect("a line number after `review marks on lines`")
        })
        .collect();
    Some(ReviewMarks {
        deleted_chars: 4,
        inserted_chars: 2,
        comments: 1,
        lines,
    })
}

/// How a fixture's setting or an example's first line says that its file held review marks.
const REVIEW_MARKS: &str = "review marks on lines ";

/// The profile an example's first line asks for, and the example without that line.
fn example_setting(example: &str) -> (Option<Profile>, &str) {
    let (first, rest) = example.split_once('\n').unwrap_or((example, ""));
    let Some(setting) = first
        .strip_prefix("(profile ")
        .and_then(|s| s.strip_suffix(')'))
    else {
        return (None, example);
    };
    let profile = match setting
        .strip_prefix("requiring the appendix “")
        .and_then(|s| s.strip_suffix('”'))
    {
        Some(appendix) => {
            let json = serde_json::json!({
                "id": "example",
                "title": "A profile requiring one appendix",
                "appendices": [{ "name": appendix }],
            });
            Profile::from_json(&json.to_string()).expect("the example's profile loads")
        }
        None => Profile::builtin(setting)
            .unwrap_or_else(|| panic!("an example names no shipped profile `{setting}`"))
            .clone(),
    };
    (Some(profile), rest)
}

#[test]
fn every_registry_example_fires_its_rule() {
    let mut failures = Vec::new();
    for rule in RULES {
        let doc = match rule.example.split_once('\n').and_then(|(first, rest)| {
            Some((
                review_marks(first.strip_prefix('(')?.strip_suffix(')')?)?,
                rest,
            ))
        }) {
            Some((marks, text)) => check_with(text, None, None, Some(marks)),
            None => {
                let (profile, text) = example_setting(rule.example);
                check(text, profile.as_ref(), None)
            }
        };
        if doc.findings.iter().all(|f| f.code != rule.code) {
            let found: Vec<(&str, usize)> = doc
                .findings
                .iter()
                .map(|f| (f.code.as_str(), f.line))
                .collect();
            failures.push(format!(
                "{}: its example does not fire it:\n{}\nfound: {found:?}",
                rule.code, rule.example
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn annotations_are_cut_without_moving_lines() {
    let source = "%% nd30: one\nSố: 7/BC-STC   ⟸ HDR009\n%% auto: two\n\nSố: 07/BC-STC ⟸ not HDR009\nSố: 5/BC ⟸ HDR009, HDR009\n";
    let cases = parse_cases("HDR009", "example", source);
    assert_eq!(cases.len(), 2);
    assert_eq!((cases[0].start, cases[0].profile.as_str()), (1, "nd30"));
    assert_eq!(cases[0].text, "Số: 7/BC-STC\n");
    assert_eq!(cases[0].expected, [2]);
    assert_eq!(cases[1].text, "\nSố: 07/BC-STC\nSố: 5/BC\n");
    assert_eq!(cases[1].near, [5]);
    assert_eq!(cases[1].expected, [6, 6]);
}
