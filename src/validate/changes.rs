//! The marks of a review a Word or RTF file still holds (TXT002): changes tracked and never
//! accepted or rejected, and comments.
//!
//! The readers leave deleted text out and read inserted text, as Word shows the document once
//! the changes are accepted, leave the comments' text out, and count all three
//! (`source.review_marks`). A file sent for signature or publication with such marks is a
//! draft: the reader who opens it sees the deletions struck through beside the text and the
//! reviewers' comments in the margin, and the issued text is not settled. One finding says so,
//! at the first line that holds a mark, with the lines.
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
    let Some(tracked) = cx.doc.source.review_marks.as_ref() else {
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
        Kind::ReviewMarks {
            deleted: tracked.deleted_chars,
            inserted: tracked.inserted_chars,
            comments: tracked.comments,
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
