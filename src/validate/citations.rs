//! Citation rules: cited documents dated after this one, impossible dates, a kind that does
//! not match the type code, and a first mention without its date (CIT001–CIT004).
//!
//! The citations come from the parser (`Document::citations`); their text is read again only to
//! show an impossible date as written, since the parser keeps no date that does not exist.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Phần I Mục II.6.a (the first mention of a document is
//! complete: type, number, symbol, date, issuer, subject; a law is cited by name); Phụ lục III.

use std::borrow::Cow;
use std::collections::HashSet;

use super::Checker;
use super::header::code_fits;
use super::kind::Kind;
use super::locate::Loc;
use crate::grammar;
use crate::model::{Citation, Document};
use crate::tables;

/// Runs the citation rules.
pub fn check(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let own = doc
        .header
        .place_date
        .as_ref()
        .and_then(|pd| Some((pd.year?, pd.month?, pd.day)));
    let mut seen: HashSet<Cow<'_, str>> = HashSet::new();
    for (i, c) in doc.citations.iter().enumerate() {
        let path = format!("/citations/{i}");
        // Where the citation stands, found once: a first mention asks twice (number line,
        // heading), and a finding once more; finding it is a search of its line.
        let mut placed: Option<Loc> = None;
        // A number line (`Số: 16/VBHN-BTC`) is a document's own number, an example of one or a
        // cell of a table of documents, not a mention to fault. A mention in the trích yếu or the header is short by nature: it is
        // never faulted, and it stands for the first mention only when it gives the date.
        let first = c.id.as_deref().map(same_document).is_some_and(|id| {
            if seen.contains(&id) || is_own_number(doc, c) {
                return false;
            }
            // A number line is not faulted, but what it numbers has been named: in a table of
            // documents (`Số 74/2014/QH13` over `ngày 27/11/2014`, then the number again in a
            // note column) the later mentions are not first ones.
            if c.kind.is_none() {
                let here = placed.get_or_insert_with(|| locate(cx, c, &path));
                if is_number_line(cx, c, here) {
                    seen.insert(id);
                    return false;
                }
            }
            if in_heading(doc, c) || in_form_header(cx, c) {
                if c.date.is_some() {
                    seen.insert(id);
                }
                return false;
            }
            seen.insert(id);
            true
        });
        // The date as written in the citation's text, existing or not: the parser keeps no
        // date that does not exist.
        let written = grammar::find_date(&c.text).map(|(_, w)| (w.parts(), w.date()));
        if let Some(((Some(d), Some(m), Some(y)), Err(error))) = written {
            let at = placed.take().unwrap_or_else(|| locate(cx, c, &path));
            cx.emit(
                Kind::CitationImpossibleDate {
                    id: display_id(c),
                    written: format!("{d:02}/{m:02}/{y}"),
                    error,
                },
                at,
            );
        } else if let Some((y, m, d)) = c.date.as_deref().and_then(iso) {
            if let Some((oy, om, od)) = own {
                let later = match od {
                    Some(od) => (y, m, d) > (oy, om, od),
                    None => (y, m) > (oy, om),
                };
                if later {
                    let own_text = match od {
                        Some(od) => format!("{od:02}/{om:02}/{oy}"),
                        None => format!("…/{om:02}/{oy}"),
                    };
                    let at = placed.take().unwrap_or_else(|| locate(cx, c, &path));
                    cx.emit(
                        Kind::CitationAfterDocument {
                            id: display_id(c),
                            cited: format!("{d:02}/{m:02}/{y}"),
                            own: own_text,
                        },
                        at,
                    );
                }
            }
        } else if first
            && c.number.is_some()
            && written.is_none()
            && !c.text.ends_with("ngày")
            && !c
                .kind
                .as_deref()
                .is_some_and(|k| tables::CITED_BY_NAME.contains(&k))
        {
            let at = placed.take().unwrap_or_else(|| locate(cx, c, &path));
            cx.emit(Kind::CitationMissingDate { id: display_id(c) }, at);
        }
        kind_mismatch(cx, c, &path);
    }
}

/// The key under which mentions of one document meet: its id with the number's leading zeros
/// dropped and `Đ` read as `D` (`011/TT-LĐCL` and `11/TT-LDCL` are one Tờ trình, written
/// two ways by one author).
fn same_document(id: &str) -> Cow<'_, str> {
    let digits = id.bytes().take_while(u8::is_ascii_digit).count();
    let zeros = id
        .bytes()
        .take_while(|&b| b == b'0')
        .count()
        .min(digits.saturating_sub(1));
    let id = &id[zeros..];
    if !id.contains(['Đ', 'đ']) {
        return Cow::Borrowed(id);
    }
    Cow::Owned(
        id.chars()
            .map(|c| match c {
                'Đ' => 'D',
                'đ' => 'd',
                c => c,
            })
            .collect(),
    )
}

/// True when the citation names the document itself (`Phụ lục (Kèm theo Nghị định số
/// 123/2026/NĐ-CP …)` in Nghị định 123/2026/NĐ-CP): not a mention of another document.
fn is_own_number(doc: &Document, c: &Citation) -> bool {
    doc.header.reference.as_ref().is_some_and(|r| {
        r.number.is_some()
            && r.number.as_deref() == c.number.as_deref()
            && r.year == c.year
            && r.type_code.as_deref() == c.type_code.as_deref()
            && r.issuer_code.as_deref() == c.issuer_code.as_deref()
    })
}

/// True when the citation is read on a line of the header or the title (the trích yếu, `V/v
/// …`): known from the tree's lines, without placing the citation in its line.
fn in_heading(doc: &Document, c: &Citation) -> bool {
    let h = &doc.header;
    let title = doc
        .title
        .as_ref()
        .is_some_and(|t| (t.line..=t.end_line).contains(&c.line));
    let issuer = h
        .issuer
        .as_ref()
        .is_some_and(|i| (i.line..=i.end_line).contains(&c.line));
    let lines = [
        h.reference.as_ref().map(|r| r.line),
        h.place_date.as_ref().map(|p| p.line),
        h.national_title.as_ref().map(|t| t.line),
        h.motto.as_ref().map(|t| t.line),
        h.party_title.as_ref().map(|t| t.line),
    ];
    title || issuer || lines.contains(&Some(c.line)) || h.marks.iter().any(|m| m.line == c.line)
}

/// True when the citation stands in the header of a form a regulation issued (`Mẫu C03-BH |
/// Ban hành theo Quyết định số 140/1999/QĐ-BTC` over `Ngày 15/11/1999 …` in the next row): a
/// label, short by nature as the document's own header is.
fn in_form_header(cx: &Checker<'_>, c: &Citation) -> bool {
    let after = cx.issued_forms.partition_point(|&s| s <= c.line);
    after
        .checked_sub(1)
        .and_then(|i| cx.issued_forms.get(i))
        .is_some_and(|&start| c.line < start + super::placeholders::ISSUED_FORM_HEADER_ROWS)
}

/// True when the citation is the number of a number line: only `Số:` or `Số` before it on its
/// line, or in its table cell or list item (after a `|`, a tab or a `;`).
fn is_number_line(cx: &Checker<'_>, c: &Citation, at: &Loc) -> bool {
    let line = cx.loc.line_range(c.line);
    let Some(before) = cx.loc.text().get(line.0..at.range.0.max(line.0)) else {
        return false;
    };
    // In a table the cell is the line (`… | Đứng | Số 127-QĐ/TW; Số 24-BS/UBKTTU`, a guide's
    // illustration column), and numbers listed in it are each their own.
    let before = before
        .rsplit(['|', ';', '\t'])
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches(':')
        .trim_end();
    before.to_lowercase() == tables::NUMBER_WORD
}

/// A kind word that names another type than the number's code.
fn kind_mismatch(cx: &mut Checker<'_>, c: &Citation, path: &str) {
    let Some(kind) = c.kind.as_deref() else {
        return;
    };
    let Some(ty) = tables::doc_type_by_kind(kind) else {
        return;
    };
    // A công văn's symbol has no type code (its first group is the issuer's): a known type code
    // there (`Công văn số 01/BC-HHNM`) is another type's, and the mention names it wrongly.
    if ty.kind == tables::CONG_VAN_KIND {
        let first = c.issuer_code.as_deref().and_then(|i| i.split('-').next());
        if let Some(code) = first.filter(|g| {
            tables::canonical_type_code(g).is_some()
                && !tables::ISSUER_LIKE_TYPE_CODES.contains(g)
                && !code_fits(ty, g, c.system)
        }) {
            let at = locate(cx, c, path);
            cx.emit(
                Kind::CitationKindMismatch {
                    kind: kind.to_owned(),
                    code: code.to_owned(),
                    expected: None,
                },
                at,
            );
        }
        return;
    }
    let Some(code) = c.type_code.as_deref() else {
        return;
    };
    let Some(expected) = ty.code else {
        return;
    };
    if code_fits(ty, code, c.system) {
        return;
    }
    // A symbol of before 2004 may put the issuer first (`999-TC/QĐ-CĐKT`, `07-TC/TT`): the type
    // code stands among its later groups.
    let later_groups =
        c.id.as_deref()
            .unwrap_or_default()
            .split(['/', '-'])
            .skip(2);
    if later_groups.into_iter().any(|g| code_fits(ty, g, c.system)) {
        return;
    }
    let at = locate(cx, c, path);
    cx.emit(
        Kind::CitationKindMismatch {
            kind: kind.to_owned(),
            code: code.to_owned(),
            expected: Some(expected.to_owned()),
        },
        at,
    );
}

/// `Quyết định số 12/QĐ-UBND`, or the text when there is no id.
fn display_id(c: &Citation) -> String {
    let kind = c.kind.as_deref().map(capitalize).unwrap_or_default();
    match (&c.id, kind.is_empty()) {
        (Some(id), false) => format!("{kind} số {id}"),
        (Some(id), true) => id.to_string(),
        (None, _) => c.text.clone(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `2020-05-26` → (2020, 5, 26).
fn iso(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

/// Where a citation is: its text on its line, else its number, else the line.
fn locate(cx: &Checker<'_>, c: &Citation, path: &str) -> Loc {
    let line = cx.loc.line_range(c.line);
    let prefix: String = c.text.chars().take(24).collect();
    let range = cx
        .loc
        .find_in_order(line, &c.text)
        .or_else(|| cx.loc.find_in(line, &prefix))
        .or_else(|| {
            // A citation cut at the line end (`19-` / `NQ/TW`): its words up to the number.
            let number = c.number.as_deref()?;
            let end = c.text.find(number)? + number.len();
            cx.loc.find_in(line, c.text.get(..end)?)
        })
        .or_else(|| {
            let number = c.id.as_deref().or(c.number.as_deref())?;
            cx.loc.find_in(line, number)
        })
        .unwrap_or(line);
    Loc {
        path: path.to_owned(),
        range,
        exact: true,
    }
}

#[cfg(test)]
mod tests {
    use super::same_document;

    #[test]
    fn one_document_written_two_ways_is_one() {
        assert_eq!(same_document("011/TT-LĐCL"), same_document("11/TT-LDCL"));
        assert_eq!(same_document("0/QĐ-UBND"), "0/QD-UBND");
        assert_ne!(same_document("11/TT-LĐCL"), same_document("12/TT-LĐCL"));
    }
}
