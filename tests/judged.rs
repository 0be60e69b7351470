//! Findings judged by hand on the real documents of `../shared/corpus`.
//!
//! `tests/judged/findings.tsv` lists every error and warning the validator gave on those
//! documents, each judged by a person reading the document: `true` (the published document really
//! has the defect there) or `false` (the document is right; the tool misread it), with the
//! pattern of the misreading and why. Columns, separated by tabs:
//!
//! ```text
//! file  code  line  verdict  status  pattern  why
//! ```
//!
//! `status` is `-` for a true finding; for a false one `open` while the validator still gives it
//! and `fixed` once it does not. The test fails when
//! - a true finding is no longer given, not even as information (recall lost);
//! - a `fixed` false finding is given again (a false alarm came back);
//! - an `open` false finding is no longer given (mark it `fixed`, so it cannot come back);
//! - a finding is given that nobody has judged (judge it, by reading the document).
//!
//! `VANBAN_JUDGE=print` prints the lines to add or change instead of only the failure, and the
//! precision (true findings over all errors and warnings given), over the documents rules are
//! tuned on and over those we never tune rules on ([`HOLDOUT`]).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Documents no rule is tuned on: precision there says whether the rules generalize.
const HOLDOUT: &[&str] = &[
    "021", "028", "035", "044", "049", "058", "063", "070", "084",
];

/// One judged finding.
struct Judged {
    verdict: bool,
    status: String,
    line: String,
}

/// `(file, code, line)`: how a finding is named in the list.
type Key = (String, String, usize);

fn read_list(path: &Path) -> BTreeMap<Key, Judged> {
    let text = std::fs::read_to_string(path).expect("tests/judged/findings.tsv");
    let mut out = BTreeMap::new();
    for (no, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 7, "findings.tsv:{}: 7 columns expected", no + 1);
        let key = (
            cols[0].to_owned(),
            cols[1].to_owned(),
            cols[2].parse().expect("a line number"),
        );
        let verdict = match cols[3] {
            "true" => true,
            "false" => false,
            other => panic!("findings.tsv:{}: verdict {other:?}", no + 1),
        };
        assert!(
            matches!((verdict, cols[4]), (true, "-") | (false, "open" | "fixed")),
            "findings.tsv:{}: status {:?} does not fit verdict {}",
            no + 1,
            cols[4],
            cols[3]
        );
        let judged = Judged {
            verdict,
            status: cols[4].to_owned(),
            line: line.to_owned(),
        };
        assert!(
            out.insert(key, judged).is_none(),
            "findings.tsv:{}: judged twice",
            no + 1
        );
    }
    out
}

/// The findings the validator gives now, as the CLI gives them: errors and warnings, and apart
/// the information notes (a true finding told as information is still told).
fn given(dir: &Path) -> (BTreeSet<Key>, BTreeSet<Key>) {
    let mut out = BTreeSet::new();
    let mut info = BTreeSet::new();
    for path in common::files_in(dir) {
        let bytes = std::fs::read(&path).expect("a shared document");
        let decoded = vanban::decode(&bytes).expect("a text document");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let options = vanban::Options {
            format: (path.extension().and_then(|e| e.to_str()) == Some("md"))
                .then_some(vanban::model::Format::Markdown),
            path: Some(name.clone()),
            ..vanban::Options::default()
        };
        let doc = vanban::parse_decoded(&decoded, &options);
        let profile = vanban::validate::Profile::for_document(&doc);
        let findings = vanban::validate::Validator::new(profile).validate(&doc, &decoded.text);
        for f in findings {
            let key = (name.clone(), f.code, f.line);
            match f.severity {
                vanban::model::Severity::Error | vanban::model::Severity::Warning => {
                    out.insert(key);
                }
                vanban::model::Severity::Info => {
                    info.insert(key);
                }
            }
        }
    }
    (out, info)
}

#[test]
fn judged_findings_hold_on_the_shared_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/corpus");
    if std::env::var("VANBAN_SKIP_SHARED").is_ok_and(|v| !v.is_empty() && v != "0") {
        eprintln!("VANBAN_SKIP_SHARED is set: the judged findings are not checked");
        return;
    }
    assert!(
        dir.is_dir(),
        "{} is missing: the judged findings are judged on it (VANBAN_SKIP_SHARED=1 skips)",
        dir.display()
    );
    let list = read_list(&root.join("tests/judged/findings.tsv"));
    let (now, info) = given(&dir);
    let mut problems = Vec::new();
    for (key, j) in &list {
        let present = now.contains(key);
        let problem = match (j.verdict, j.status.as_str(), present) {
            (true, _, false) if !info.contains(key) => Some("true finding no longer given"),
            (false, "fixed", true) => Some("false alarm came back"),
            (false, "open", false) => Some("false alarm gone: mark it fixed"),
            _ => None,
        };
        if let Some(p) = problem {
            problems.push(format!("{p}: {}", j.line));
        }
    }
    for key in now.iter().filter(|k| !list.contains_key(*k)) {
        problems.push(format!(
            "not judged: {}\t{}\t{}\t?\t?\t?\t(judge it by reading the document)",
            key.0, key.1, key.2
        ));
    }
    let precision = |holdout: bool| {
        let ours = |k: &&Key| HOLDOUT.iter().any(|h| k.0.starts_with(h)) == holdout;
        let all: Vec<&Key> = now.iter().filter(ours).collect();
        let good = all
            .iter()
            .filter(|k| list.get(**k).is_some_and(|j| j.verdict))
            .count();
        (good, all.len())
    };
    let (tuned_true, tuned_all) = precision(false);
    let (held_true, held_all) = precision(true);
    println!(
        "judged findings: {} true of {} given on tuned documents, {} of {} on held-out ones",
        tuned_true, tuned_all, held_true, held_all
    );
    if std::env::var("VANBAN_JUDGE").is_ok_and(|v| v == "print") {
        for p in &problems {
            println!("{p}");
        }
    }
    assert!(
        problems.is_empty(),
        "{} judged findings disagree with the validator (VANBAN_JUDGE=print lists them all); \
         the first: {:#?}",
        problems.len(),
        problems.iter().take(12).collect::<Vec<_>>()
    );
}
