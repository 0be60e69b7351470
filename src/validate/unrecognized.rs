//! Text the parser could not place, reported as information (UNR001).
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 (the components a document is made of).

use super::Checker;
use super::kind::Kind;

/// Longest excerpt shown in a message, in characters.
const EXCERPT: usize = 60;

/// Runs the rule.
pub fn check(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    for (i, u) in doc.unrecognized.iter().enumerate() {
        let path = format!("/unrecognized/{i}");
        let first = u.text.lines().next().unwrap_or("");
        let mut text: String = first.chars().take(EXCERPT).collect();
        if first.chars().count() > EXCERPT || u.text.lines().nth(1).is_some() {
            text.push('…');
        }
        let at = cx.loc.span(&path, u.span, u.line);
        cx.emit(Kind::UnrecognizedText { text }, at);
    }
}
