//! Title rules: type name, subject, and the `V/v` subject of a công văn (TTL001–TTL003); a
//! working note without header or type name (TTL004).
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 khoản 5; Phụ lục I Phần I Mục II.5.a (tên loại, trích yếu),
//! Mục II.5.b (`V/v` of a công văn); Phụ lục III Mẫu 1.5.

use super::kind::Kind;
use super::{Checker, Part};

/// Runs the title rules.
pub fn check(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    if cx.form.note {
        let at = cx.loc.expected("/title", cx.loc.first_text_line());
        cx.emit(Kind::WorkingNote, at);
        return;
    }
    let Some(t) = &doc.title else {
        if cx.requires(Part::Title) {
            let at = cx.loc.expected("/title", after_header(cx));
            cx.emit(Kind::MissingTitle, at);
        }
        return;
    };
    if t.subject.is_some() || !cx.requires(Part::Subject) {
        return;
    }
    if t.inferred {
        let at = cx.loc.expected("/title/subject", t.line);
        cx.emit(Kind::CongVanMissingVv, at);
    } else {
        let name = t.type_name.clone().unwrap_or_default();
        let at = cx.loc.span("/title", t.name_span, t.line);
        cx.emit(Kind::MissingSubject { type_name: name }, at);
    }
}

/// The first line after the header, where the title was expected.
fn after_header(cx: &Checker<'_>) -> usize {
    cx.doc
        .source_map
        .iter()
        .find(|e| !e.path.starts_with("/header") && !e.path.starts_with("/artifacts"))
        .map_or_else(|| cx.loc.first_text_line(), |e| e.first_line())
}
