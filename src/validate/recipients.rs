//! Recipient rules: the `Nơi nhận:` block, its archive line, and the `Kính gửi:` block
//! (RCP001–RCP003).
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 khoản 9; Phụ lục I Phần I Mục II.9.a (`Kính gửi` for a công
//! văn, a tờ trình, a report sent upward), Mục II.9.b (`Nơi nhận:`, last line `- Lưu: VT, …`).

use super::kind::Kind;
use super::{Checker, Part};

/// Runs the recipient rules.
pub fn check(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let heading = cx.loc.entry("/recipients");
    let block = heading.is_some() || !doc.recipients.is_empty() || !doc.archive.is_empty();
    if !block {
        if cx.requires(Part::Recipients) {
            let line = doc
                .signature
                .as_ref()
                .map(|s| s.line)
                .or(doc.end_marker)
                .or_else(|| doc.sections.last().map(|s| s.end_line))
                .unwrap_or_else(|| cx.loc.first_text_line());
            let at = cx.loc.expected("/recipients", line);
            cx.emit(Kind::MissingRecipients, at);
        }
    } else if doc.archive.is_empty() && cx.requires(Part::Archive) {
        let line = doc
            .recipients
            .last()
            .map(|r| r.line)
            .or(heading.map(|h| h.first_line()))
            .unwrap_or_else(|| cx.loc.first_text_line());
        let at = cx.loc.expected("/archive", line);
        cx.emit(Kind::MissingArchiveLine, at);
    }
    if cx.requires(Part::Addressees) && doc.addressees.is_empty() {
        let (line, type_name) = doc.title.as_ref().map_or_else(
            || (cx.loc.first_text_line(), "Văn bản".to_owned()),
            |t| {
                let name = t.type_name.clone().unwrap_or_else(|| "Văn bản".into());
                (t.end_line, capitalize_type(&name))
            },
        );
        let at = cx.loc.expected("/addressees", line);
        cx.emit(Kind::MissingAddressee { type_name }, at);
    }
}

/// `TỜ TRÌNH` → `Tờ trình`.
fn capitalize_type(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
