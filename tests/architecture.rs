//! The layers of `src/` import one way, and the zones of the parser never import each other.
//!
//! Every `crate::…` path and `use super::…` line in library code (test modules excluded: a test may
//! drive the whole pipeline) is read and checked against the order in `ARCHITECTURE.md`:
//!
//! text → model → tables → lex → grammar → parse → validate → output → batch
//!
//! A module may use its own layer and the ones before it. Inside `parse`, a zone
//! (`parse/zones/*.rs`) and the citation reader (`parse/citation/`) use the driver and
//! `parse/layout/`, never one another.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: [&str; 9] = [
    "text", "model", "tables", "lex", "grammar", "parse", "validate", "output", "batch",
];

/// Files that stand outside the layers: the crate root re-exports the public API, `internals`
/// re-exports stages for the benches, `test_support` is test-only.
const ROOTS: [&str; 4] = ["lib.rs", "main.rs", "internals.rs", "test_support.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/` (`parse/zones/body.rs` → `["parse", "zones", "body"]`).
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn layer(name: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == name)
}

/// The part of parse a module belongs to: a zone's name, `citation`, or `None` for the driver
/// and the shared layout helpers, which every part may use.
fn parse_part(module: &[String]) -> Option<String> {
    match module {
        [p, z, name, ..] if p == "parse" && z == "zones" => Some(format!("zones::{name}")),
        [p, c, ..] if p == "parse" && c == "citation" => Some("citation".to_owned()),
        _ => None,
    }
}

/// Library code of a file, comments dropped, with its line numbers. An item behind
/// `#[cfg(test)]` is left out: a test module (its braces counted) or a single line (a `use`, a
/// test-only function's signature line); a test may drive the whole pipeline.
fn library_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip further attributes, then the item: to its closing brace when it opens one.
            let mut depth = 0i32;
            let mut opened = false;
            for (_, item) in lines.by_ref() {
                let code = item.split("//").next().unwrap_or("");
                if !opened && code.trim_start().starts_with("#[") {
                    continue;
                }
                depth += code.matches('{').count() as i32 - code.matches('}').count() as i32;
                opened |= code.contains('{');
                if depth <= 0 && (opened || code.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push((i + 1, code.to_owned()));
    }
    out
}

/// Every module path a line names: `crate::a::b` and, resolved against `module`, `super::a`.
fn targets(line: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    for (at, _) in line.match_indices("crate::") {
        if line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // `vanban_crate::` or similar
        }
        let path: String = line[at + "crate::".len()..]
            .chars()
            .take_while(|&c| word(c))
            .collect();
        out.push(
            path.split("::")
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix("use super::") {
        // A `mod.rs` is its module; `super` is its parent. Another file's `super` is its folder.
        let mut base = module.to_vec();
        base.pop();
        let path: String = rest.chars().take_while(|&c| word(c)).collect();
        base.extend(
            path.split("::")
                .filter(|p| !p.is_empty())
                .map(str::to_owned),
        );
        out.push(base);
    }
    out
}

#[test]
fn layers_import_downward_and_zones_do_not_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).expect("below src");
        if rel.starts_with("cli") || ROOTS.iter().any(|r| rel == Path::new(r)) {
            continue;
        }
        let module = module_of(rel);
        let Some(own) = layer(&module[0]) else {
            problems.push(format!("{}: in no layer; add it to LAYERS", rel.display()));
            continue;
        };
        let text = fs::read_to_string(file).expect("a source file is readable");
        for (no, line) in library_lines(&text) {
            for target in targets(&line, &module) {
                checked += 1;
                let Some(first) = target.first() else {
                    continue;
                };
                let Some(to) = layer(first) else { continue };
                if to > own {
                    problems.push(format!(
                        "{}:{no}: {} (layer {}) imports {} (layer {}), a layer above it",
                        rel.display(),
                        module.join("::"),
                        LAYERS[own],
                        target.join("::"),
                        LAYERS[to],
                    ));
                }
                if let (Some(from), Some(to)) = (parse_part(&module), parse_part(&target)) {
                    if from != to {
                        problems.push(format!(
                            "{}:{no}: {} imports {}: zones and the citation reader share code \
                             through parse::layout, not through each other",
                            rel.display(),
                            module.join("::"),
                            target.join("::"),
                        ));
                    }
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} imports read: is the parser of imports broken?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    let module = vec!["lex".to_owned()];
    let found = targets("use crate::parse::Context;", &module);
    assert_eq!(found, vec![vec!["parse".to_owned(), "Context".to_owned()]]);
    assert!(layer("parse") > layer("lex"));
    let zone = vec!["parse".to_owned(), "zones".to_owned(), "body".to_owned()];
    let sideways = targets("use super::closing::starts_here;", &zone);
    assert_eq!(parse_part(&sideways[0]).as_deref(), Some("zones::closing"));
    assert_eq!(parse_part(&zone).as_deref(), Some("zones::body"));
    let lines = library_lines(
        "use crate::a;\n#[cfg(test)]\nuse crate::b;\n#[cfg(test)]\nmod t {\n    use crate::c;\n}\nuse crate::d;",
    );
    let kept: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        kept,
        ["use crate::a;", "use crate::d;"],
        "test items skipped, code after them kept"
    );
}
