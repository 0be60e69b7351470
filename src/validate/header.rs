//! Header rules: national title and motto, Party title, issuer, number and symbol, place and
//! date (HDR001–HDR014).
//!
//! Which parts are required comes from the profile (`require`); the form of the parts that are
//! present (type code, leading zeros, a date that exists) is checked whatever the profile.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 khoản 1–4, Phụ lục I Phần I Mục II.1–II.4, Phụ lục III;
//! Hướng dẫn 36-HD/VPTW (Party title, `Số 45-BC/ĐU`).

use super::kind::{DatePart, Kind};
use super::{Checker, Part};
use crate::grammar;
use crate::model::{NumberSystem, Span};
use crate::tables;

/// Runs the header rules.
pub fn check(cx: &mut Checker<'_>) {
    presence(cx);
    number(cx);
    place_date(cx);
}

/// Required parts that are absent.
fn presence(cx: &mut Checker<'_>) {
    let h = &cx.doc.header;
    let top = cx.loc.first_text_line();
    if cx.requires(Part::NationalTitle) && h.national_title.is_none() {
        let at = cx.loc.expected("/header/national_title", top);
        cx.emit(Kind::MissingNationalTitle, at);
    }
    if cx.requires(Part::Motto) && h.motto.is_none() {
        let line = h.national_title.as_ref().map_or(top, |t| t.line);
        let at = cx.loc.expected("/header/motto", line);
        cx.emit(Kind::MissingMotto, at);
    }
    if cx.requires(Part::PartyTitle) && h.party_title.is_none() {
        let at = cx.loc.expected("/header/party_title", top);
        cx.emit(Kind::MissingPartyTitle, at);
    }
    if cx.requires(Part::Issuer) && h.issuer.is_none() {
        let line = h.reference.as_ref().map_or(top, |r| r.line);
        let at = cx.loc.expected("/header/issuer", line);
        cx.emit(Kind::MissingIssuer, at);
    }
}

/// The number line: present, numbered, with a leading zero, and a type code that fits the title.
fn number(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let Some(r) = &doc.header.reference else {
        if cx.requires(Part::Number) {
            let line = doc
                .header
                .issuer
                .as_ref()
                .map_or_else(|| cx.loc.first_text_line(), |i| i.end_line);
            let at = cx.loc.expected("/header/reference", line);
            cx.emit(Kind::MissingNumber, at);
        }
        return;
    };
    let path = "/header/reference";
    match &r.number {
        None => {
            if cx.requires(Part::Number) {
                let at = cx.loc.span(path, r.span, r.line);
                cx.emit(
                    Kind::UnnumberedDraft {
                        text: r.text.clone(),
                    },
                    at,
                );
            }
        }
        Some(n) if n.len() == 1 && n != "0" && n.chars().all(|c| c.is_ascii_digit()) => {
            let at = cx.loc.span(path, or(r.number_span, r.span), r.line);
            cx.emit(Kind::NumberMissingLeadingZero { number: n.clone() }, at);
        }
        Some(_) => {}
    }
    type_code(cx);
}

/// The number's type code against the title's type.
fn type_code(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let (Some(r), Some(t)) = (&doc.header.reference, &doc.title) else {
        return;
    };
    if t.inferred {
        return;
    }
    let Some(title_type) = t.type_name.as_deref().and_then(tables::doc_type_by_name) else {
        return;
    };
    let Some(expected) = title_type.code else {
        return;
    };
    let path = "/header/reference";
    match &r.type_code {
        Some(code) => {
            if !code_fits(title_type, code, r.system) {
                let at = cx.loc.span(path, or(r.code_span, r.span), r.line);
                cx.emit(
                    Kind::TypeCodeMismatch {
                        code: code.clone(),
                        title_type: title_type.name.to_owned(),
                        expected: expected.to_owned(),
                    },
                    at,
                );
            }
        }
        None => {
            // Normative numbers of the National Assembly have no type group; only a state
            // number without a year is read as a công văn's.
            if r.year.is_some() || r.system == NumberSystem::Party {
                return;
            }
            let Some(group) = r
                .issuer_code
                .as_deref()
                .and_then(|c| c.split('-').next())
                .filter(|g| !g.is_empty())
            else {
                return;
            };
            let at = cx.loc.span(path, or(r.code_span, r.span), r.line);
            cx.emit(
                Kind::UnknownTypeCode {
                    group: group.to_owned(),
                    title_type: title_type.name.to_owned(),
                    expected: expected.to_owned(),
                },
                at,
            );
        }
    }
}

/// True when `code` is a code of `ty`: its own, an older or Party variant, or `QĐ` for a Party
/// Quy định (`docs/format.md` §3.1).
pub fn code_fits(ty: &tables::DocType, code: &str, system: NumberSystem) -> bool {
    let canonical = tables::canonical_type_code(code).unwrap_or(code);
    ty.code == Some(canonical)
        || ty.other_codes.contains(&canonical)
        || ty.other_codes.contains(&code)
        || (system == NumberSystem::Party && ty.kind == "quy định" && canonical == "QĐ")
}

/// The place-and-date line: present, complete, a real date, leading zeros as the decree writes.
fn place_date(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let path = "/header/place_date";
    let Some(pd) = &doc.header.place_date else {
        let minutes = doc
            .title
            .as_ref()
            .is_some_and(|t| t.type_code.as_deref() == Some("BB"));
        if cx.requires(Part::PlaceDate) && !minutes {
            let line = doc
                .header
                .reference
                .as_ref()
                .map_or_else(|| cx.loc.first_text_line(), |r| r.line);
            let at = cx.loc.expected(path, line);
            cx.emit(Kind::MissingPlaceDate, at);
        }
        return;
    };
    if cx.requires(Part::PlaceDate) && pd.place.is_none() {
        // The day word, where the place should stand before it.
        let day_word = Span::new(
            pd.date_span.start,
            (pd.date_span.start + tables::DAY_WORD.len()).min(pd.date_span.end),
        );
        let at = cx.loc.span(path, or(day_word, pd.span), pd.line);
        cx.emit(Kind::MissingPlace, at);
    }
    let blanks: Vec<DatePart> = [
        (pd.day, DatePart::Day),
        (pd.month, DatePart::Month),
        (pd.year, DatePart::Year),
    ]
    .into_iter()
    .filter(|(v, _)| v.is_none())
    .map(|(_, p)| p)
    .collect();
    // An issued text (reprinted or signed) got its date from the signing system; a draft's
    // blank is still to be filled in.
    if !blanks.is_empty() && cx.requires(Part::PlaceDate) && !cx.form.issued() {
        let mut at = cx.loc.span(path, pd.span, pd.line);
        if !pd.date_span.is_empty() {
            at.range.0 = pd.date_span.start.min(at.range.1);
        }
        cx.emit(Kind::BlankDate { parts: blanks }, at);
    }
    let text = cx.loc.text();
    // The document may be paired with another text (the validator never panics on that): a
    // span outside it counts as not written.
    let digits =
        |s: Span| (!s.is_empty() && text.get(s.start..s.end).is_some()).then_some((s.start, s.end));
    let (day_at, month_at) = (digits(pd.day_span), digits(pd.month_span));
    let written = |r: Option<(usize, usize)>| r.map(|(s, e)| text[s..e].to_owned());
    if let Err(error) = grammar::calendar(pd.day, pd.month, pd.year) {
        let show = |v: Option<u32>, w: Option<String>| {
            w.or_else(|| v.map(|v| v.to_string()))
                .unwrap_or_else(|| "…".into())
        };
        let date = format!(
            "{}/{}/{}",
            show(pd.day, written(day_at)),
            show(pd.month, written(month_at)),
            pd.year.map_or_else(|| "…".into(), |y| y.to_string())
        );
        let mut at = cx.loc.span(path, pd.span, pd.line);
        if let Some((s, _)) = day_at.or(month_at) {
            at.range.0 = s.min(at.range.1);
        }
        cx.emit(Kind::ImpossibleDate { date, error }, at);
        return;
    }
    if let Some(r) = day_at {
        let w = &text[r.0..r.1];
        if w.len() == 1 && w != "0" {
            let at = super::locate::Loc {
                path: path.into(),
                range: r,
                exact: true,
            };
            cx.emit(
                Kind::DateMissingLeadingZero {
                    part: DatePart::Day,
                    written: w.to_owned(),
                },
                at,
            );
        }
    }
    if let Some(r) = month_at {
        let w = &text[r.0..r.1];
        let at = super::locate::Loc {
            path: path.into(),
            range: r,
            exact: true,
        };
        if w == "1" || w == "2" {
            cx.emit(
                Kind::DateMissingLeadingZero {
                    part: DatePart::Month,
                    written: w.to_owned(),
                },
                at,
            );
        } else if w.len() == 2 && w.starts_with('0') && w != "01" && w != "02" && w != "00" {
            cx.emit(
                Kind::MonthWithLeadingZero {
                    written: w.to_owned(),
                },
                at,
            );
        }
    }
}

/// `span`, or `fallback` where the part was not found in the input.
fn or(span: Span, fallback: Span) -> Span {
    if span.is_empty() { fallback } else { span }
}
