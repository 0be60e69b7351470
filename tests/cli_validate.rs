//! `vanban validate` and `vanban parse` as a user runs them: exit codes, output formats, many
//! files at once, unreadable files and malformed profiles.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn corpus_args() -> Vec<String> {
    common::corpus_files()
        .iter()
        .map(|p| {
            p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(p)
                .display()
                .to_string()
                .trim_start_matches('/')
                .to_owned()
        })
        .collect()
}

fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn corpus_exit_code_follows_the_findings() {
    let files = corpus_args();
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = vanban(&args);
    let json = json_of(&out);
    let errors = json["summary"]["errors"].as_u64().expect("summary");
    assert_eq!(json["summary"]["files"], files.len());
    assert_eq!(
        out.status.code(),
        Some(if errors > 0 { 1 } else { 0 }),
        "exit code against {errors} errors"
    );
    // Each file alone: 0 exactly when it has no error.
    for file in &files {
        let out = vanban(&["validate", "--format", "json", file]);
        let errors = json_of(&out)["summary"]["errors"].as_u64().unwrap_or(0);
        assert_eq!(out.status.code(), Some(i32::from(errors > 0)), "{file}");
    }
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let files = corpus_args();
    let mut args = vec!["validate", "--format", "sarif"];
    args.extend(files.iter().map(String::as_str));
    let out = vanban(&args);
    let s = json_of(&out);
    assert_eq!(s["version"], "2.1.0");
    assert!(s["$schema"].is_string());
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "vanban");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.iter().all(|r| r["id"].is_string()));
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty(), "the seed has findings");
    for r in results {
        assert!(r["ruleId"].is_string());
        assert!(matches!(
            r["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1));
        assert!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| u.starts_with("corpus/"))
        );
    }
}

#[test]
fn human_output_ends_with_a_summary() {
    let out = vanban(&["validate", "corpus/000_9ebb4c68ea5cda49.txt"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("lỗi[HDR001]: Thiếu Quốc hiệu"), "{text}");
    assert!(
        text.contains("--> corpus/000_9ebb4c68ea5cda49.txt:3:1"),
        "{text}"
    );
    assert_eq!(
        text.lines().last(),
        Some("3 lỗi, 12 cảnh báo, 2 thông tin trong 1 tệp")
    );
    let out = vanban(&[
        "validate",
        "--lang",
        "en",
        "corpus/000_9ebb4c68ea5cda49.txt",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[HDR001]: The national title"), "{text}");
    assert_eq!(
        text.lines().last(),
        Some("3 errors, 12 warnings, 2 notes in 1 file")
    );
}

#[test]
fn warnings_fail_only_when_denied() {
    let file = "corpus/to-trinh-so-tai-chinh.md";
    assert_eq!(vanban(&["validate", file]).status.code(), Some(0));
    assert_eq!(
        vanban(&["validate", "--deny", "warnings", file])
            .status
            .code(),
        Some(1)
    );
    let gh = vanban(&["validate", "--format", "github", file]);
    assert!(
        String::from_utf8_lossy(&gh.stdout)
            .starts_with("::warning file=corpus/to-trinh-so-tai-chinh.md,line=21,")
    );
}

#[test]
fn an_unreadable_file_does_not_stop_the_others() {
    let out = vanban(&[
        "validate",
        "--format",
        "json",
        "no-such-file.txt",
        "corpus/du-thao-bao-cao.md",
    ]);
    assert_eq!(out.status.code(), Some(1), "a failed file fails the run");
    let json = json_of(&out);
    assert_eq!(json["failures"][0]["file"], "no-such-file.txt");
    assert_eq!(json["summary"]["files"], 1);
    assert!(json["findings"].as_array().is_some_and(|f| {
        f.iter().all(|x| x["file"] == "corpus/du-thao-bao-cao.md") && !f.is_empty()
    }));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt"));
    let none = vanban(&["validate", "no-such-file.txt"]);
    assert_eq!(none.status.code(), Some(2), "nothing could be checked");
}

#[test]
fn profiles_by_name_or_file_and_clear_errors() {
    let seed = "corpus/000_9ebb4c68ea5cda49.txt";
    let named = json_of(&vanban(&[
        "validate",
        "--format",
        "json",
        "--profile",
        "nd30-bao-cao",
        seed,
    ]));
    assert_eq!(named["findings"][0]["profile"], "nd30-bao-cao");
    let dir = std::env::temp_dir().join(format!("vanban-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("mine.json");
    std::fs::write(
        &good,
        r#"{"id": "mine", "title": "Mine", "require": ["issuer"], "severity": {"PLH001": "off", "CIT004": "off"}}"#,
    )
    .expect("written");
    let out = vanban(&[
        "validate",
        "--format",
        "json",
        "--profile",
        &good.display().to_string(),
        seed,
    ]);
    let json = json_of(&out);
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .map(|f| f.iter().filter_map(|x| x["code"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(codes, ["HDR004"], "only what the user's profile asks");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id": "bad", "title": "Bad", "sections": [{"name": "I", "level": "top"}]}"#,
    )
    .expect("written");
    let out = vanban(&["validate", "--profile", &bad.display().to_string(), seed]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sections[0].level"), "{err}");
    let out = vanban(&["validate", "--profile", "nd31", seed]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown profile `nd31`"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn parse_output_carries_the_findings() {
    let out = vanban(&["parse", "--lang", "en", "corpus/000_9ebb4c68ea5cda49.txt"]);
    let doc = json_of(&out);
    assert_eq!(doc["findings"][0]["code"], "HDR001");
    assert!(
        doc["source_map"].is_array(),
        "structure and problems in one JSON"
    );
    let bare = json_of(&vanban(&[
        "parse",
        "--no-findings",
        "corpus/000_9ebb4c68ea5cda49.txt",
    ]));
    assert_eq!(bare["findings"], serde_json::json!([]));
    assert!(Path::new(env!("CARGO_BIN_EXE_vanban")).exists());
}

/// An input over `--max-size` is refused before it is parsed, from a file or a pipe, with its
/// size, the limit and what to do; `validate` goes on with the other files.
#[test]
fn inputs_over_the_size_limit_are_refused() {
    let dir = std::env::temp_dir().join(format!("vanban-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("big.txt");
    let text = "Báo cáo kết quả công tác.\n".repeat(50_000);
    std::fs::write(&big, &text).expect("write");
    let big_arg = big.display().to_string();
    let size = text.len();

    let out = vanban(&["parse", "--max-size", "1", &big_arg]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "big.txt: input of {size} bytes is over the limit of 1048576 bytes"
        )) && err.contains("--max-size"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        vanban(&["parse", "--max-size", "2", &big_arg])
            .status
            .code(),
        Some(0)
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["parse", "--max-size", "1", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(text.as_bytes())
    });
    let out = child.wait_with_output().expect("the binary ends");
    writer
        .join()
        .expect("writer")
        .expect("the whole input is read");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("-: input of {size} bytes is over the limit")),
        "{err}"
    );

    let out = vanban(&[
        "validate",
        "--format",
        "json",
        "--max-size",
        "1",
        &big_arg,
        "corpus/du-thao-bao-cao.md",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json = json_of(&out);
    assert_eq!(json["failures"][0]["file"], big_arg.as_str());
    assert_eq!(json["summary"]["files"], 1);
    std::fs::remove_dir_all(&dir).ok();
}
