//! The lossless check: a document's source map covers every non-blank byte of the normalized
//! input exactly once.

use serde_json::Value;

/// One entry of the JSON `source_map`.
#[derive(Debug)]
struct Entry<'a> {
    path: &'a str,
    line: usize,
    end_line: usize,
    start: usize,
    end: usize,
}

/// Reads an entry; `None` when a field is missing or has the wrong type.
fn entry(v: &Value) -> Option<Entry<'_>> {
    let n = |key: &str| v.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok());
    Some(Entry {
        path: v.get("path")?.as_str()?,
        line: n("line")?,
        end_line: n("end_line")?,
        start: n("start")?,
        end: n("end")?,
    })
}

/// Checks that the `source_map` of a document's JSON covers every non-blank byte of
/// `normalized` (the normalized input it was parsed from) exactly once, that its ranges lie
/// inside the input on char boundaries with the right line numbers, and that every path points
/// at a node of the JSON. Panics with `name` and the offending entry or byte.
pub fn assert_lossless(name: &str, normalized: &str, json: &Value) {
    let entries = json
        .get("source_map")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{name}: the document's JSON has no source_map"));
    let mut owner: Vec<Option<usize>> = vec![None; normalized.len()];
    // Offsets of the newlines, so that finding an offset's line is a binary search.
    let newlines: Vec<usize> = normalized
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = |at: usize| newlines.partition_point(|&nl| nl < at) + 1;
    for (k, v) in entries.iter().enumerate() {
        let e = entry(v).unwrap_or_else(|| panic!("{name}: entry {k} is malformed: {v}"));
        assert!(
            e.start < e.end && e.end <= normalized.len(),
            "{name}: entry {k} {e:?} outside the input"
        );
        assert!(
            normalized.is_char_boundary(e.start) && normalized.is_char_boundary(e.end),
            "{name}: entry {k} {e:?} cuts a character"
        );
        assert!(
            json.pointer(e.path).is_some_and(|v| !v.is_null()),
            "{name}: entry {k} path {} resolves to nothing",
            e.path
        );
        assert_eq!(
            (line_of(e.start), line_of(e.end - 1)),
            (e.line, e.end_line),
            "{name}: entry {k} {e:?} has wrong lines"
        );
        for (i, slot) in owner.iter_mut().enumerate().take(e.end).skip(e.start) {
            if !normalized.as_bytes()[i].is_ascii_whitespace() {
                assert!(
                    slot.is_none(),
                    "{name}: byte {i} owned by entries {slot:?} and {k} ({})",
                    e.path
                );
                *slot = Some(k);
            }
        }
    }
    for (i, b) in normalized.bytes().enumerate() {
        if !b.is_ascii_whitespace() && owner[i].is_none() {
            let line = line_of(i);
            panic!(
                "{name}: byte {i} on line {line} belongs to no node: {:?}",
                normalized.lines().nth(line - 1)
            );
        }
    }
}

/// Words a node may leave out of its text because its place in the tree says them: the labels
/// of the closing (`Nơi nhận:`, `Lưu:`), the number (`Số:`), the addressees (`Kính gửi:`) and
/// an appendix (`PHỤ LỤC`), the subject of a công văn (`V/v`).
const LABEL_WORDS: &[&str] = &["nơi", "nhận", "lưu", "số", "kính", "gửi", "phụ", "lục", "v"];

/// The words of a text: runs of letters and digits, lower-cased, numbers without leading zeros
/// (a count `02` is the number 2 in the tree).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                let t = w.trim_start_matches('0');
                if t.is_empty() { "0" } else { t }.to_owned()
            } else {
                w.to_lowercase()
            }
        })
}

/// True when `word` is two or more held words written without the line break between them (a
/// text whose line breaks were lost, `DÂNTỈNH`, which the lexer cuts back into `DÂN` / `TỈNH`).
fn glued_from(word: &str, held: &std::collections::HashSet<String>) -> bool {
    let cuts: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(1).collect();
    // ok[i]: the first i bytes are held words one after another.
    let mut ok = vec![false; word.len() + 1];
    ok[0] = true;
    for end in cuts.iter().copied().chain([word.len()]) {
        ok[end] = std::iter::once(0)
            .chain(cuts.iter().copied().take_while(|&c| c < end))
            .any(|start| ok[start] && held.contains(&word[start..end]));
    }
    ok[word.len()] && !held.contains(word)
}

/// `text` without Markdown's emphasis and code marks and escapes, on both sides of the
/// comparison: the lexer drops them, inside words too (`N`ô` reads `Nô`, `Z\~n` reads `Z~n`),
/// unless they are literal (`a_b`).
fn without_marks(text: &str) -> String {
    text.replace(['`', '*', '_', '~', '\\'], "")
}

/// `text` without its HTML tags (`<br>`, `</td>`): Markdown exports' markup, not words.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        match after.find('>').filter(|_| is_tag) {
            Some(close) => {
                // A tag (`<br>`) parts the words on each side of it.
                out.push(' ');
                rest = &after[close + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every string below a JSON value, appended to `out` with a space between them.
fn strings_below(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        Value::Number(n) => {
            out.push_str(&n.to_string());
            out.push(' ');
        }
        Value::Array(items) => items.iter().for_each(|i| strings_below(i, out)),
        Value::Object(map) => map.values().for_each(|i| strings_below(i, out)),
        _ => {}
    }
}

/// The strict half of the lossless check: every word of every source-map range is found in the
/// node the entry names (its strings and those of the nodes below it), so no node claims bytes
/// whose words it does not hold. Label words the tree's shape stands for ([`LABEL_WORDS`]) may
/// be left out. Panics with `name`, the entry and the first missing word.
pub fn assert_words_kept(name: &str, normalized: &str, json: &Value) {
    let Some(entries) = json.get("source_map").and_then(Value::as_array) else {
        panic!("{name}: the document's JSON has no source_map");
    };
    let mut node_text = String::new();
    let mut wrong = Vec::new();
    for (k, v) in entries.iter().enumerate() {
        let Some(e) = entry(v) else {
            panic!("{name}: entry {k} is malformed: {v}");
        };
        let Some(node) = json.pointer(e.path) else {
            panic!("{name}: entry {k} path {} resolves to nothing", e.path);
        };
        node_text.clear();
        strings_below(node, &mut node_text);
        let node_text = without_marks(&node_text);
        let held: std::collections::HashSet<String> = words(&node_text).collect();
        let range = normalized.get(e.start..e.end).unwrap_or_default();
        let text = without_marks(&without_tags(range));
        if let Some(missing) = words(&text).find(|w| {
            !held.contains(w) && !LABEL_WORDS.contains(&w.as_str()) && !glued_from(w, &held)
        }) {
            wrong.push(format!(
                "entry {k} ({}, line {}) claims {range:?}, but the node does not hold the word \
                 {missing:?}",
                e.path, e.line
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{name}: {} source-map ranges hold words their node does not:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(entries: Value) -> Value {
        serde_json::json!({ "title": { "text": "BÁO CÁO" }, "body": "x", "source_map": entries })
    }

    #[test]
    fn a_complete_map_passes() {
        let text = "BÁO CÁO\n  x\n";
        let json = doc(serde_json::json!([
            { "path": "/title", "line": 1, "end_line": 1, "start": 0, "end": 9 },
            { "path": "/body", "line": 2, "end_line": 2, "start": 10, "end": 13 },
        ]));
        assert_lossless("complete", text, &json);
    }

    #[test]
    #[should_panic(expected = "belongs to no node")]
    fn an_unowned_byte_fails() {
        let json = doc(serde_json::json!([
            { "path": "/title", "line": 1, "end_line": 1, "start": 0, "end": 9 },
        ]));
        assert_lossless("gap", "BÁO CÁO\nx\n", &json);
    }

    #[test]
    #[should_panic(expected = "owned by entries")]
    fn a_byte_owned_twice_fails() {
        let json = doc(serde_json::json!([
            { "path": "/title", "line": 1, "end_line": 1, "start": 0, "end": 9 },
            { "path": "/body", "line": 1, "end_line": 1, "start": 8, "end": 9 },
        ]));
        assert_lossless("overlap", "BÁO CÁO", &json);
    }

    #[test]
    #[should_panic(expected = "cuts a character")]
    fn a_range_inside_a_character_fails() {
        let json = doc(serde_json::json!([
            { "path": "/title", "line": 1, "end_line": 1, "start": 0, "end": 2 },
        ]));
        assert_lossless("cut", "BÁO", &json);
    }
}
