//! Changes a Word or RTF file still tracks, never accepted or rejected (TXT002).
//!
//! The readers leave deleted text out and read inserted text, as Word shows the document once
//! the changes are accepted, and count both (`source.tracked_changes`). A file sent for
//! signature or publication with changes still tracked is a draft: the reader who opens it sees
//! the deletions struck through beside the text, and the issued text is not settled. One
//! finding says so, at the first line that holds a change, with the lines.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 11 (the draft is approved, and changes to it approved again),
//! Điều 12 (the text is checked before it is signed).

use super::Checker;
use super::kind::Kind;
use super::locate::Loc;

/// The lines listed in the message, at most.
const LISTED_LINES: usize = 8;

/// Runs the rule.
pub fn check(cx: &mut Checker<'_>) {
    let Some(tracked) = cx.doc.source.tracked_changes.as_ref() else {
        return;
    };
    let Some(&first) = tracked.lines.first() else {
        return;
    };
    let range = cx.loc.line_range(first);
    let path = cx
        .loc
        .owner(range.0)
        .map(|e| e.path.to_string())
        .unwrap_or_default();
    let mut lines: Vec<String> = tracked
        .lines
        .iter()
        .take(LISTED_LINES)
        .map(usize::to_string)
        .collect();
    if tracked.lines.len() > LISTED_LINES {
        lines.push("…".to_owned());
    }
    cx.emit(
        Kind::TrackedChanges {
            deleted: tracked.deleted_chars,
            inserted: tracked.inserted_chars,
            lines: lines.join(", "),
        },
        // The line itself holds the change: it is what is pointed at.
        Loc {
            path,
            range,
            exact: true,
        },
    );
}
