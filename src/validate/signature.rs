//! Signature rules: the block and the signer's name present, and signing prefixes of the right
//! family (SIG001–SIG004).
//!
//! The family is read from the header (national title or Party title, state or Party number),
//! not from the prefixes themselves, so that a slash prefix in a state document can be reported.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 khoản 7, Điều 13 (`TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`),
//! Phụ lục I Phần I Mục II.7; Hướng dẫn 36-HD/VPTW điểm 1.7.1 (`T/M`, `K/T`, `T/L`).

use super::kind::Kind;
use super::profile::{FamilyName, family_of};
use super::{Checker, Part};
use crate::model::AuthorityMode;
use crate::tables;

/// Runs the signature rules.
pub fn check(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let Some(sig) = &doc.signature else {
        if cx.requires(Part::Signature) {
            let line = expected_line(cx);
            let at = cx.loc.expected("/signature", line);
            cx.emit(Kind::MissingSignature, at);
        }
        return;
    };
    if cx.requires(Part::SignerName) && sig.name.is_none() {
        let at = cx.loc.expected("/signature/name", sig.end_line);
        cx.emit(Kind::MissingSignerName, at);
    }
    let family = family_of(doc);
    for a in &sig.chain {
        let party = tables::is_party_prefix(&a.raw);
        let kind = match (family, party) {
            (FamilyName::Party, false) => Kind::StatePrefixInParty {
                prefix: a.raw.clone(),
                party: party_form(a.mode).to_owned(),
            },
            (FamilyName::State, true) => Kind::PartyPrefixInState {
                prefix: a.raw.clone(),
                state: state_form(a.mode).to_owned(),
            },
            _ => continue,
        };
        let at = cx.loc.span("/signature", a.span, sig.line);
        cx.emit(kind, at);
    }
}

/// Where a missing signature was expected: after the closing or the last section, before the
/// recipients' block.
fn expected_line(cx: &Checker<'_>) -> usize {
    let doc = cx.doc;
    if let Some(e) = cx.loc.entry("/recipients") {
        return e.first_line();
    }
    doc.end_marker
        .or_else(|| doc.closing.last().map(|p| p.end_line))
        .or_else(|| doc.sections.last().map(|s| s.end_line))
        .unwrap_or_else(|| cx.loc.first_text_line())
}

/// The Party spelling of a mode.
fn party_form(mode: AuthorityMode) -> &'static str {
    match mode {
        AuthorityMode::TM => "T/M",
        AuthorityMode::KT => "K/T",
        AuthorityMode::TL => "T/L",
        AuthorityMode::TUQ => "TU/Q",
        AuthorityMode::Q => "Q.",
    }
}

/// The state spelling of a mode.
fn state_form(mode: AuthorityMode) -> &'static str {
    match mode {
        AuthorityMode::TM => "TM.",
        AuthorityMode::KT => "KT.",
        AuthorityMode::TL => "TL.",
        AuthorityMode::TUQ => "TUQ.",
        AuthorityMode::Q => "Q.",
    }
}
