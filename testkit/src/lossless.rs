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
