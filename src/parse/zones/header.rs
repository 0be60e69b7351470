//! The header: Quốc hiệu and Tiêu ngữ, Party title, issuer, number, place and date, marks.
//!
//! ## Grammar
//! ```text
//! header  ::= ( item | blank )*            ; in any order, columns flattened or not
//! item    ::= national_title | motto | party_title | issuer_line | reference | place_date
//!           | subject_vv | mark | rule
//! ```
//! Ends at the first line that is none of these (normally the type name of the title).
//!
//! ## Examples
//! ```text
//! ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//! HUYỆN TÂN LẬP               Độc lập - Tự do - Hạnh phúc
//! Số: 45/KH-UBND              Tân Lập, ngày 08 tháng 02 năm 2022
//! ```
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.1–4 and Mục III (marks); Hướng dẫn 36-HD/VPTW.

use std::sync::LazyLock;

use memchr::memmem;

use crate::grammar;
use crate::model::{
    Artifact, ArtifactKind, Document, Issuer, Mark, PlaceDate, Reference, Span, TextLine, Title,
};
use crate::parse::Context;
use crate::parse::layout::{
    self as segment, Segment, database_title_type, is_rule, is_upper, title_type,
};
use crate::tables;
use crate::text::chars;

/// What a header segment is.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    NationalTitle,
    Motto,
    PartyTitle,
    Reference(grammar::Number),
    PlaceDate(grammar::PlaceDate),
    Subject(String),
    Mark(crate::model::MarkKind),
    Rule,
    IssuerLine,
}

/// Upper-cases `HOÀ`/`UỶ` variants to one spelling for comparisons.
fn fold_accents(s: &str) -> String {
    let mut t = chars::to_uppercase(s);
    // Each replacement copies the text: only done when the pattern is there.
    // Searchers built once: `str::contains` builds one per call.
    static FINDERS: LazyLock<[memmem::Finder<'static>; 3]> =
        LazyLock::new(|| ACCENT_FOLDS.map(|(from, _)| memmem::Finder::new(from.as_bytes())));
    for ((from, to), finder) in ACCENT_FOLDS.iter().zip(FINDERS.iter()) {
        if finder.find(t.as_bytes()).is_some() {
            t = t.replace(from, to);
        }
    }
    t
}

/// The replacements of [`fold_accents`], in order.
const ACCENT_FOLDS: [(&str, &str); 3] = [("HOÀ", "HÒA"), ("UỶ", "ỦY"), ("  ", " ")];

/// A header item's text for comparisons: outer punctuation trimmed, then [`fold_accents`].
fn folded(text: &str) -> String {
    fold_accents(text.trim_matches(|c: char| !chars::is_alphanumeric(c)))
}

fn is_national_title_folded(t: &str) -> bool {
    t == tables::NATIONAL_TITLE
        || t.chars()
            .filter(|&c| c != ' ')
            .eq(tables::NATIONAL_TITLE.chars().filter(|&c| c != ' '))
}

/// True when `text` holds the national or the Party title anywhere in it: alone, or beside an
/// issuer on a flattened two-column line (`BỘ TƯ PHÁP CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM`). A
/// header block stands there.
pub fn holds_state_title(text: &str) -> bool {
    // Both titles hold `CỘNG` in capitals: most lines are spared the upper-cased copy.
    let Some(at) = crate::lex::find_capital_cong(text) else {
        return false;
    };
    // What stands before the title is an issuer's name, not a label: `Ký bởi: CÔNG BÁO NƯỚC
    // CỘNG HÒA …` is a signature stamp.
    if text[..at].contains(':') {
        return false;
    }
    let squeezed: String = fold_accents(text).chars().filter(|&c| c != ' ').collect();
    [tables::NATIONAL_TITLE, tables::PARTY_TITLE]
        .iter()
        .any(|t| squeezed.contains(&t.replace(' ', "")))
}

/// True when [`folded`] `text` may be the national title, the Party title or a mark: the upper
/// case of its first two letters or digits (spaces skipped) starts one of them. Most header
/// lines (issuer names, the number, the place and date, the first lines of the body) fail this,
/// and are spared an upper-cased copy.
fn may_be_folded_item(text: &str) -> bool {
    static FIRST_TWO: LazyLock<Vec<[char; 2]>> = LazyLock::new(|| {
        [tables::NATIONAL_TITLE, tables::PARTY_TITLE]
            .into_iter()
            .chain(tables::MARKS.iter().map(|(m, _)| *m))
            .filter_map(|t| {
                let mut cs = t.chars().filter(|&c| c != ' ');
                Some([cs.next()?, cs.next()?])
            })
            .collect()
    });
    // `folded` trims the same characters and upper-cases; its accent folds keep the first two
    // letters of every target (`HOÀ` -> `HÒA`, `UỶ` -> `ỦY` starts none of them). The national
    // title is compared without spaces, so they are skipped here too.
    let mut letters = text
        .trim_start_matches(|c: char| !chars::is_alphanumeric(c))
        .chars()
        .filter(|&c| c != ' ')
        // A letter whose upper case is several (`ß` -> `SS`) shifts the rest: let it pass.
        .map(chars::upper_single);
    match (letters.next(), letters.next()) {
        (Some(Some(a)), Some(Some(b))) => FIRST_TWO.contains(&[a, b]),
        (Some(Some(a)), None) => FIRST_TWO.iter().any(|t| t[0] == a),
        _ => true,
    }
}

/// The motto `Độc lập - Tự do - Hạnh phúc`, with any dash or none.
pub fn is_motto(text: &str) -> bool {
    !first_letter_is_not_d(text) && is_motto_by_chars(text)
}

/// [`is_motto`] itself: the lower case of each character, letters only, spells the motto.
///
/// The lower-case letters of the motto and their capitals are compared as they are (a test checks
/// that each capital lower-cases to its letter); any other character is lower-cased (which
/// depends on no neighbour: `char::to_lowercase`) and its letters compared. The motto's own
/// letters thus skip the lazy chain of lower-casing, filtering and comparing, which cost far
/// more than the comparison itself.
fn is_motto_by_chars(text: &str) -> bool {
    let mut k = 0;
    for c in text.chars() {
        if MOTTO_LOWER.get(k) == Some(&c) || MOTTO_UPPER.get(k) == Some(&c) {
            k += 1;
            continue;
        }
        if c.is_ascii() && !c.is_ascii_alphabetic() {
            continue;
        }
        for l in c.to_lowercase() {
            if chars::is_alphabetic(l) {
                if MOTTO_LOWER.get(k) != Some(&l) {
                    return false;
                }
                k += 1;
            }
        }
    }
    k == MOTTO_LOWER.len()
}

/// The letters of the motto, lower case.
const MOTTO_LOWER: [char; 18] = [
    'đ', 'ộ', 'c', 'l', 'ậ', 'p', 't', 'ự', 'd', 'o', 'h', 'ạ', 'n', 'h', 'p', 'h', 'ú', 'c',
];
/// [`MOTTO_LOWER`] in capitals.
const MOTTO_UPPER: [char; 18] = [
    'Đ', 'Ộ', 'C', 'L', 'Ậ', 'P', 'T', 'Ự', 'D', 'O', 'H', 'Ạ', 'N', 'H', 'P', 'H', 'Ú', 'C',
];

/// True when the first letter of `text` shows that its lower-cased letters cannot start with
/// `đ`, so [`is_motto_by_chars`] is false: an ASCII letter, or a tabled letter other than `Đ`
/// and `đ` (whose lower case starts with a letter other than `đ`, a test checks), before which
/// stand only ASCII characters that are no letters. Anything else answers `false`, and the
/// characters are looked at one by one. Asked of most header segments, which start with a
/// capital (`ỦY BAN`, `Số:`, `HUYỆN`): each is answered at its first letter, not lower-cased.
fn first_letter_is_not_d(text: &str) -> bool {
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                return true;
            }
            continue;
        }
        return !matches!(c, 'Đ' | 'đ') && chars::is_tabled_letter(c);
    }
    false
}

fn is_party_title_folded(t: &str) -> bool {
    t == tables::PARTY_TITLE
}

fn mark_folded(t: &str) -> Option<crate::model::MarkKind> {
    tables::MARKS
        .iter()
        .find(|(m, _)| t == *m || (*m == "DỰ THẢO" && t.starts_with("DỰ THẢO")))
        .map(|&(_, k)| k)
}

/// The subject of a công văn: `V/v …`.
pub fn vv_subject(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("V/v")
        .or_else(|| text.strip_prefix("V/V"))
        .or_else(|| text.strip_prefix("v/v"))?;
    Some(rest.trim_start_matches([':', ' ']).trim())
}

fn classify(text: &str) -> Option<Item> {
    if is_rule(text) {
        return Some(Item::Rule);
    }
    // Folded once for the three comparisons that need it, and only when one may hold.
    let folded = may_be_folded_item(text).then(|| folded(text));
    let folded = folded.as_deref();
    if folded.is_some_and(is_national_title_folded) {
        return Some(Item::NationalTitle);
    }
    if is_motto(text) {
        return Some(Item::Motto);
    }
    if folded.is_some_and(is_party_title_folded) {
        return Some(Item::PartyTitle);
    }
    if let Some(n) = grammar::reference(text) {
        return Some(Item::Reference(n));
    }
    if let Some(pd) = grammar::place_date(text) {
        return Some(Item::PlaceDate(pd));
    }
    if let Some(s) = vv_subject(text) {
        return Some(Item::Subject(s.to_owned()));
    }
    if let Some(k) = folded.and_then(mark_folded) {
        return Some(Item::Mark(k));
    }
    if is_upper(text) && title_type(text).is_none() {
        return Some(Item::IssuerLine);
    }
    None
}

/// True when a line ends the header for sure (the body has started).
fn ends_header(text: &str) -> bool {
    text.starts_with(tables::ADDRESSEE_LABEL)
        || text.trim() == tables::CONTENTS_TITLE
        || text.starts_with("Căn cứ")
        || title_type(text).is_some()
        || database_title_type(text).is_some()
        || grammar::label(text)
            .is_some_and(|l| !matches!(l.style, crate::model::NumberStyle::Letter))
}

/// Parses the header from the first line; returns the index of the first line after it.
pub fn parse(cx: &mut Context<'_>, doc: &mut Document) -> usize {
    parse_from(cx, doc, 0)
}

/// Parses a header that starts at line `at` (an attachment repeats one after the main
/// document's signature); returns the index of the first line after it.
pub fn parse_from(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    let mut issuer_lines: Vec<Segment> = Vec::new();
    let mut subject: Option<(Vec<Segment>, String)> = None;
    let mut i = at;
    let mut seen_item = false;
    // One set of vectors for all the lines: most header lines are one segment.
    let lines = cx.lines;
    let mut pieces: Vec<Segment> = Vec::new();
    let mut segs: Vec<Segment> = Vec::new();
    let mut items: Vec<Option<Item>> = Vec::new();
    // A title flattened after the place-date, read once the issuer is known.
    let mut glued: Option<Segment> = None;
    // A receiving office's stamp read with a scanned copy stands above the header.
    if let Some(end) = segment::received_stamp_end(lines, i) {
        let stamped: Vec<usize> = (i..=end).filter(|&k| !lines[k].is_blank()).collect();
        for k in stamped {
            cx.artifact_line(doc, ArtifactKind::ReceivedStamp, k);
        }
        i = end + 1;
    }
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        let artifact = segment::artifact_kind(line, cx.format);
        // A gazette's running header may open with a type name (`VĂN BẢN HỢP NHẤT - BỘ …`):
        // it is furniture, not the title that ends the header.
        if ends_header(&line.text)
            && !line.is_pipe_row()
            && artifact != Some(ArtifactKind::PageHeader)
        {
            break;
        }
        if let Some(kind) = artifact.filter(|k| *k != ArtifactKind::Rule) {
            // Gazette page headers, page numbers and stamps above the header.
            cx.artifact_line(doc, kind, i);
            i += 1;
            continue;
        }
        pieces.clear();
        match (!seen_item).then(|| crawled_rest(cx, doc, i)).flatten() {
            Some(rest) => pieces.push(rest),
            None => segment::split_into(line, cx.format, &mut pieces),
        }
        segs.clear();
        for s in pieces.drain(..) {
            let (whole_or_left, right) = split_reference_date(cx, s);
            match right {
                Some(right) => {
                    segs.push(whole_or_left);
                    let (date, title) = split_date_title(cx, right);
                    segs.push(date);
                    segs.extend(title);
                }
                None => {
                    let (date, title) = split_date_title(cx, whole_or_left);
                    segs.push(date);
                    segs.extend(title);
                }
            }
        }
        if segs.is_empty() {
            // A pipe table's `|---|---|` row: markup without text.
            cx.artifact_line(doc, ArtifactKind::Markup, i);
            i += 1;
            continue;
        }
        if segs.iter().all(|s| is_rule(&s.text)) {
            // The rule under the motto in a cell of the header's table (` | =====&=====`).
            cx.artifact_line(doc, ArtifactKind::Rule, i);
            i += 1;
            continue;
        }
        items.clear();
        items.extend(
            segs.iter()
                .map(|s| (!is_glued_title(s)).then(|| classify(&s.text)).flatten()),
        );
        // A line where nothing is a header item ends the header, except the continuation
        // of a `V/v` subject.
        if items.iter().all(Option::is_none) {
            let continues_subject = subject
                .as_ref()
                .is_some_and(|(segs, _)| segs.last().is_some_and(|s| s.line + 1 == line.no()))
                && segs.len() == 1
                && !line.text.starts_with("Kính");
            if continues_subject {
                if let Some((ss, text)) = subject.as_mut() {
                    text.push(' ');
                    text.push_str(&segs[0].text);
                    ss.push(segs[0].clone());
                }
                i += 1;
                continue;
            }
            if !seen_item && i - at < 12 && segs.len() == 1 && header_follows(cx, i + 1) {
                // Stray text above the header (a form number, a file name): left to the sweep.
                i += 1;
                continue;
            }
            break;
        }
        seen_item = true;
        // Every piece of the line in capitals and nothing else: one name cut by runs of spaces
        // or tabs (`SỞ NỘI VỤ    TỈNH     LÂM ĐỒNG`), read as the issuer's left column.
        if segs.len() > 1 && items.iter().all(|x| matches!(x, Some(Item::IssuerLine))) {
            let text: Vec<&str> = segs.iter().map(|s| s.text.as_ref()).collect();
            let whole = Segment {
                text: std::borrow::Cow::Owned(text.join(" ")),
                start: segs[0].start,
                end: segs[segs.len() - 1].end,
                column: 0,
                line: segs[0].line,
            };
            segs.clear();
            segs.push(whole);
            items.truncate(1);
        }
        for (seg, item) in segs.iter().zip(items.drain(..)) {
            let Some(item) = item else {
                if is_glued_title(seg) && glued.is_none() {
                    glued = Some(seg.clone());
                }
                continue;
            };
            apply(cx, doc, seg, item, &mut issuer_lines, &mut subject);
        }
        i += 1;
    }
    finish_issuer(cx, doc, &issuer_lines);
    if let Some(seg) = glued {
        glued_title(cx, doc, &seg);
    }
    if let Some((segs, text)) = subject {
        let line = segs.first().map_or(0, |s| s.line);
        let end_line = segs.last().map_or(line, |s| s.line);
        for s in &segs {
            cx.ledger
                .claim("/title", s.start, s.end, s.line, s.line, cx.text);
        }
        cx.remember(crate::parse::TextSource::new(&text, line));
        doc.title = Some(Title {
            type_name: Some("CÔNG VĂN".to_owned()),
            type_code: None,
            subject: Some(text),
            inferred: true,
            line,
            end_line,
            span: segments_span(cx.text, &segs),
            name_span: Span::default(),
            footnote: None,
        });
    }
    i
}

/// `Số: 779 /QĐ-UBND Bình Thuận, ngày …`: a number and a place-date flattened onto one line with
/// a single space between them become two segments, cut after the symbol.
///
/// Gives the segment back whole, or its two parts (no vector: asked of every header segment).
fn split_reference_date<'a>(
    cx: &Context<'a>,
    seg: Segment<'a>,
) -> (Segment<'a>, Option<Segment<'a>>) {
    // The word first: a place-date line holds it, a number alone seldom does.
    if !holds_day_word(&seg.text) || grammar::reference(&seg.text).is_none() {
        return (seg, None);
    }
    let raw = &cx.text[seg.start..seg.end];
    let cut = raw.find('/').and_then(|slash| {
        let after = &raw[slash..];
        let sym = after.trim_start_matches(['/', ' ']);
        let sym_start = slash + (after.len() - sym.len());
        sym.find(char::is_whitespace).map(|ws| sym_start + ws)
    });
    let Some(cut) = cut else {
        return (seg, None);
    };
    let (left, right) = cut_segment(cx, &seg, cut, 1);
    if right.text.is_empty() || grammar::place_date(&right.text).is_none() {
        return (seg, None);
    }
    (left, Some(right))
}

/// `seg` cut at byte `cut` of its input into two segments, each text cleaned again; the right
/// one is in `column`.
fn cut_segment<'a>(
    cx: &Context<'a>,
    seg: &Segment<'a>,
    cut: usize,
    column: usize,
) -> (Segment<'a>, Segment<'a>) {
    let raw = &cx.text[seg.start..seg.end];
    let (left, right) = raw.split_at(cut);
    let mid = seg.start + cut;
    (
        Segment {
            text: crate::lex::clean_line(left, cx.format).0,
            end: mid,
            ..seg.clone()
        },
        Segment {
            text: crate::lex::clean_line(right, cx.format).0,
            start: mid,
            column,
            ..seg.clone()
        },
    )
}

/// The first line of a crawled page: the page's title ([`segment::crawler_prefix`]) is
/// recorded as a page header and the rest of the line (the issuer) given back as a segment.
fn crawled_rest<'a>(cx: &mut Context<'a>, doc: &mut Document, i: usize) -> Option<Segment<'a>> {
    let line = &cx.lines[i];
    let raw = line.raw;
    let lead = raw.len() - raw.trim_start().len();
    let cut = lead + segment::crawler_prefix(raw.trim_start())?;
    // The rest without the rule the crawler left after it (`BỘ TÀI CHÍNH --------`).
    let rest = crate::lex::clean_line(&raw[cut..], cx.format).0;
    let text = rest.trim().trim_end_matches(['-', '_', '=', ' ']);
    // The rest must be a header item, or the line is left whole.
    classify(text)?;
    let text = std::borrow::Cow::Owned(text.to_owned());
    let (no, start, end) = (line.no(), line.start, line.end());
    let span = Span::new(start + lead, start + cut);
    cx.artifact_span(doc, ArtifactKind::PageHeader, span, no);
    Some(Segment {
        text,
        start: start + cut,
        end,
        column: 0,
        line: no,
    })
}

/// `Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH …`: a place-date with the title
/// flattened after it becomes two segments, cut after the year.
fn split_date_title<'a>(cx: &Context<'a>, seg: Segment<'a>) -> (Segment<'a>, Option<Segment<'a>>) {
    if !holds_day_word(&seg.text) {
        return (seg, None);
    }
    let raw = &cx.text[seg.start..seg.end];
    let Some((at, date)) = grammar::place_date_at(raw) else {
        return (seg, None);
    };
    let cut = at + date.len;
    let rest = raw.get(cut..).unwrap_or_default().trim_start();
    // The type name in capitals opens the rest (a long subject in capitals included).
    if tables::doc_type_by_name(rest).is_none() || !is_upper(rest.get(..40).unwrap_or(rest)) {
        return (seg, None);
    }
    let (date, title) = cut_segment(cx, &seg, raw.len() - rest.len(), seg.column + 1);
    (date, Some(title))
}

/// Whether a segment is a title flattened after a place-date ([`split_date_title`] cut it): a
/// second column opening with a type name in capitals.
fn is_glued_title(seg: &Segment<'_>) -> bool {
    let t = seg.text.trim_start();
    seg.column > 0 && tables::doc_type_by_name(t).is_some() && is_upper(t.get(..40).unwrap_or(t))
}

/// A title flattened onto a header line after the place-date: its type name, and the rest of
/// the line as the subject.
fn glued_title(cx: &mut Context<'_>, doc: &mut Document, seg: &Segment<'_>) {
    let Some(ty) = tables::doc_type_by_name(seg.text.trim_start()) else {
        return;
    };
    let t = seg.text.trim_start();
    let subject = t
        .get(ty.name.len()..)
        .unwrap_or_default()
        .trim()
        .trim_start_matches([':', '-', '–'])
        .trim();
    // The enacting authority flattened after the subject (`… TRONG TÌNH HÌNH MỚI” ỦY BAN NHÂN
    // DÂN TỈNH KON TUM`) is the issuer's name again: it is left out of the title.
    let issuer = doc.header.issuer.as_ref().map(|i| i.name.as_str());
    let subject = issuer
        .filter(|name| !name.is_empty())
        .and_then(|name| subject.strip_suffix(name))
        .map_or(subject, str::trim_end);
    let mut span = seg.span(cx.text);
    let words = cx.text.get(span.start..span.end).unwrap_or_default();
    if let Some(end) = subject
        .split_whitespace()
        .last()
        .and_then(|last| words.rfind(last).map(|at| span.start + at + last.len()))
    {
        span.end = end.min(span.end);
    }
    let name_span = in_order(
        cx.text.get(span.start..span.end).unwrap_or_default(),
        span.start,
        0,
        ty.name,
    );
    cx.ledger
        .claim("/title", span.start, span.end, seg.line, seg.line, cx.text);
    let subject = (!subject.is_empty()).then(|| subject.to_owned());
    if let Some(s) = &subject {
        cx.remember(crate::parse::TextSource::new(s, seg.line));
    }
    doc.title = Some(Title {
        type_name: Some(ty.name.to_owned()),
        type_code: ty.code.map(str::to_owned),
        subject,
        inferred: false,
        line: seg.line,
        end_line: seg.line,
        span,
        name_span,
        footnote: None,
    });
}

/// `text.contains(DAY_WORD)` ([`tables::DAY_WORD`], `ngày`), with a searcher built once (`str::contains` builds one per call,
/// which costs more than the search on a header segment).
fn holds_day_word(text: &str) -> bool {
    static DAY: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(tables::DAY_WORD.as_bytes()));
    DAY.find(text.as_bytes()).is_some()
}

/// True when a header item stands within the next eight non-blank lines (rules not counted): the lines above it are
/// stray text (a summary line, a form number) and not the start of the body.
fn header_follows(cx: &Context<'_>, from: usize) -> bool {
    cx.lines[from.min(cx.lines.len())..]
        .iter()
        .filter(|l| !l.is_blank() && !is_rule(&l.text))
        .take(8)
        .any(|l| {
            segment::split(l, cx.format).iter().any(|s| {
                classify(&s.text).is_some_and(|i| !matches!(i, Item::IssuerLine | Item::Rule))
            })
        })
}

fn apply<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    seg: &Segment<'a>,
    item: Item,
    issuer_lines: &mut Vec<Segment<'a>>,
    subject: &mut Option<(Vec<Segment<'a>>, String)>,
) {
    let h = &mut doc.header;
    let span = seg.span(cx.text);
    let text_line = || TextLine {
        text: seg.text.to_string(),
        line: seg.line,
        span,
    };
    let path: String = match item {
        Item::NationalTitle if h.national_title.is_none() => {
            h.national_title = Some(text_line());
            "/header/national_title".into()
        }
        Item::Motto if h.motto.is_none() => {
            h.motto = Some(text_line());
            "/header/motto".into()
        }
        Item::PartyTitle if h.party_title.is_none() => {
            h.party_title = Some(text_line());
            "/header/party_title".into()
        }
        Item::Reference(n) if h.reference.is_none() => {
            // The pieces' places: the grammar run again on the input's words, whose pieces are
            // slices of them; where Markdown or a run of spaces inside the words keeps it from
            // reading them (`**Số:** 5/QĐ-UBND`), the pieces read from the cleaned text are
            // looked for in the words, in order.
            let words = cx.text.get(span.start..span.end).unwrap_or_default();
            let (number_span, code_span) = match grammar::reference_token(words) {
                Some(t) => {
                    let group = t.code_group(n.type_code.as_deref());
                    let at = |p: Option<&str>| {
                        p.and_then(|p| crate::lex::place(words, span.start, p, false))
                            .unwrap_or_default()
                    };
                    (at(t.number), at(Some(group)))
                }
                None => grammar::reference_token(&seg.text).map_or_else(Default::default, |t| {
                    let group = t.code_group(n.type_code.as_deref());
                    let number = t.number.map(|d| in_order(words, span.start, 0, d));
                    let from = number.map_or(0, |n| n.end.saturating_sub(span.start));
                    (
                        number.unwrap_or_default(),
                        in_order(words, span.start, from, group),
                    )
                }),
            };
            h.reference = Some(Reference {
                text: seg.text.to_string(),
                number: n.number,
                year: n.year,
                type_code: n.type_code,
                issuer_code: n.issuer_code,
                system: n.system,
                line: seg.line,
                span,
                number_span,
                code_span,
            });
            "/header/reference".into()
        }
        Item::PlaceDate(pd) if h.place_date.is_none() => {
            let words = cx.text.get(span.start..span.end).unwrap_or_default();
            let (mut date_span, mut day_span, mut month_span) = Default::default();
            if let Some((at, date)) = grammar::place_date_at(words) {
                let from = span.start + at;
                date_span = Span::new(from, from + date.len);
                let digits = |d: Option<grammar::Digits<'_>>| {
                    d.map_or_else(Span::default, |d| {
                        Span::new(from + d.at, from + d.at + d.text.len())
                    })
                };
                day_span = digits(date.day);
                month_span = digits(date.month);
            } else if let (Some(at), Some((_, date))) =
                (grammar::day_word(words), grammar::place_date_at(&seg.text))
            {
                // `ngày **5** tháng **3**`: the digits read from the cleaned text, looked for in
                // the words after the day word, in order.
                date_span = Span::new(span.start + at, span.end);
                day_span = date
                    .day
                    .map_or_else(Span::default, |d| in_order(words, span.start, at, d.text));
                let from = if day_span.is_empty() {
                    at
                } else {
                    day_span.end - span.start
                };
                month_span = date
                    .month
                    .map_or_else(Span::default, |d| in_order(words, span.start, from, d.text));
            }
            h.place_date = Some(PlaceDate {
                text: seg.text.to_string(),
                place: pd.place,
                day: pd.day,
                month: pd.month,
                year: pd.year,
                line: seg.line,
                span,
                date_span,
                day_span,
                month_span,
            });
            "/header/place_date".into()
        }
        Item::Subject(s) if subject.is_none() => {
            *subject = Some((vec![seg.clone()], s));
            return;
        }
        Item::Mark(kind) => {
            h.marks.push(Mark {
                kind,
                text: seg.text.to_string(),
                line: seg.line,
                span,
            });
            format!("/header/marks/{}", h.marks.len() - 1)
        }
        Item::Rule => {
            doc.artifacts.push(Artifact {
                kind: ArtifactKind::Rule,
                text: seg.text.to_string(),
                line: seg.line,
                span,
            });
            format!("/artifacts/{}", doc.artifacts.len() - 1)
        }
        Item::IssuerLine if h.reference.is_none() && seg.column == 0 => {
            issuer_lines.push(seg.clone());
            return;
        }
        // A repeated item or an upper-case line in the wrong place: left to the sweep.
        _ => return,
    };
    cx.ledger
        .claim(&path, seg.start, seg.end, seg.line, seg.line, cx.text);
}

/// True when `t` starts with a body word ([`tables::BODY_WORDS`]) followed by a space, or is
/// one. Both need `t` to start with the word's first byte, compared before anything else (each
/// issuer line was compared with some fifty words).
fn opens_body(t: &str) -> bool {
    let first = t.as_bytes().first();
    tables::BODY_WORDS.iter().any(|w| {
        (w.as_bytes().first() == first || w.trim_end().is_empty())
            && (t.starts_with(w.trim_end()) && t[w.trim_end().len()..].starts_with([' ', '\0'])
                || t == w.trim_end())
    })
}

/// Splits the upper-case lines above the number into superior body and issuer.
///
/// Lines group into names: a line opens a new name only when it starts with a body word
/// (`SỞ`, `BAN`, `ĐẢNG ỦY`, …) and not with a unit word (`HUYỆN X`, `TỈNH Y`); any other line
/// (a wrapped name, a unit) continues the name above it. With two or more names the last
/// is the issuer and the ones above it its superior body (`UBND TỈNH A` / `SỞ NỘI VỤ`).
fn finish_issuer(cx: &mut Context<'_>, doc: &mut Document, lines: &[Segment]) {
    if lines.is_empty() {
        return;
    }
    let mut names: Vec<String> = Vec::new();
    for seg in lines {
        let t = seg.text.trim();
        let place = tables::PLACE_UNITS
            .iter()
            .any(|u| t.starts_with(u) && t[u.len()..].starts_with(' '));
        let opens_body = opens_body(t);
        let continues = names.last().is_some_and(|prev: &String| {
            place
                || !opens_body
                || prev.ends_with(" VÀ")
                || prev.ends_with(',')
                || prev.ends_with('-')
                || t.starts_with("VÀ ")
                || t.starts_with('&')
        });
        match names.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(t);
            }
            _ => names.push(t.to_owned()),
        }
    }
    let name = names.pop().unwrap_or_default();
    let parent = (!names.is_empty()).then(|| names.join(" "));
    for seg in lines {
        cx.ledger.claim(
            "/header/issuer",
            seg.start,
            seg.end,
            seg.line,
            seg.line,
            cx.text,
        );
    }
    doc.header.issuer = Some(Issuer {
        parent,
        name,
        line: lines[0].line,
        end_line: lines[lines.len() - 1].line,
        span: segments_span(cx.text, lines),
    });
}

/// Where `piece` first stands in `words` (the input's bytes from `start`) at or after byte
/// `from` of them; empty when it does not.
fn in_order(words: &str, start: usize, from: usize, piece: &str) -> Span {
    words
        .get(from..)
        .and_then(|rest| crate::lex::place(rest, start + from, piece, true))
        .unwrap_or_default()
}

/// The bytes from the first segment's words to the last one's.
fn segments_span(text: &str, segs: &[Segment<'_>]) -> Span {
    match (segs.first(), segs.last()) {
        (Some(a), Some(b)) => a.span(text).cover(b.span(text)),
        _ => Span::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_cut_by_runs_of_spaces() {
        let doc = crate::parse(
            "SỞ NỘI VỤ    TỈNH     LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nSố: 12/SNV-VP\nLâm Đồng, ngày 03 tháng 4 năm 2025\n\
             BÁO CÁO\nKết quả\n\nNội dung./.\n",
        );
        let issuer = doc.header.issuer.expect("an issuer");
        assert_eq!(issuer.name, "SỞ NỘI VỤ TỈNH LÂM ĐỒNG");
        assert!(doc.unrecognized.is_empty());
    }

    #[test]
    fn a_crawled_flattened_header() {
        let doc = crate::parse(
            "Công văn 19046/BTC-TCHQ. BỘ TÀI CHÍNH --------\n\
             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\
             Số: 88/QĐ-UBND Gia Nghĩa, ngày 17 tháng 01 năm 2023 QUYẾT ĐỊNH V/V PHÊ DUYỆT DỰ ÁN\n\
             Căn cứ Luật Đầu tư;\n",
        );
        assert_eq!(
            doc.header.issuer.map(|i| i.name).as_deref(),
            Some("BỘ TÀI CHÍNH")
        );
        assert_eq!(doc.artifacts[0].text, "Công văn 19046/BTC-TCHQ.");
        assert_eq!(doc.header.place_date.map(|p| p.day), Some(Some(17)));
        let title = doc.title.expect("a title");
        assert_eq!(title.type_name.as_deref(), Some("QUYẾT ĐỊNH"));
        assert_eq!(title.subject.as_deref(), Some("V/V PHÊ DUYỆT DỰ ÁN"));
    }
    use crate::parse::layout::*;

    #[test]
    fn folded_item_gate_lets_every_title_and_mark_through() {
        let targets = [tables::NATIONAL_TITLE, tables::PARTY_TITLE]
            .into_iter()
            .chain(tables::MARKS.iter().map(|(m, _)| *m));
        for t in targets {
            let spaced: String = t.chars().flat_map(|c| [c, ' ']).collect();
            for text in [t.to_owned(), t.to_lowercase(), format!("**{t}**"), spaced] {
                assert!(may_be_folded_item(&text), "{text:?}");
            }
        }
        assert!(may_be_folded_item("Cộng hoà xã hội chủ nghĩa Việt Nam"));
        assert!(may_be_folded_item("Dự thảo lần 2"));
        for text in [
            "UBND TỈNH HẬU GIANG",
            "Số: 12/BC-SYT",
            "Hà Nội, ngày 1 tháng 2 năm 2024",
        ] {
            assert!(!may_be_folded_item(text), "{text:?}");
        }
    }

    /// [`is_motto`] by its definition: the lower-cased letters spell the motto.
    fn plain_is_motto(text: &str) -> bool {
        text.chars()
            .flat_map(char::to_lowercase)
            .filter(|&c| chars::is_alphabetic(c))
            .eq(MOTTO_LOWER.iter().copied())
    }

    /// What the shortcuts of [`is_motto`] rely on: the capitals lower-case to the motto's
    /// letters, and a tabled letter other than `Đ`, `đ` lower-cases to no `đ` first.
    #[test]
    fn the_motto_shortcuts_rest_on_these_letters() {
        for (l, u) in MOTTO_LOWER.iter().zip(MOTTO_UPPER) {
            assert_eq!(u.to_lowercase().collect::<String>(), l.to_string());
            assert_eq!(l.to_lowercase().collect::<String>(), l.to_string());
            assert!(chars::is_alphabetic(*l));
        }
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            if chars::is_tabled_letter(c) && !matches!(c, 'Đ' | 'đ') {
                let first = c.to_lowercase().find(|&l| chars::is_alphabetic(l));
                assert!(first.is_some_and(|l| l != 'đ'), "{c:?}");
            }
        }
    }

    #[test]
    fn mottos_as_headers_write_them() {
        for text in [
            "Độc lập - Tự do - Hạnh phúc",
            "ĐỘC LẬP – TỰ DO – HẠNH PHÚC",
            "**Độc lập - Tự do - Hạnh phúc**",
            "Độc lập Tự do Hạnh phúc",
            "Độc lập-Tự do-Hạnh phúc",
        ] {
            assert!(is_motto(text), "{text:?}");
        }
        for text in [
            "",
            "Độc lập - Tự do",
            "Độc lập - Tự do - Hạnh phúc!!a",
            "ĐỘC LẬP",
        ] {
            assert!(!is_motto(text), "{text:?}");
        }
    }

    /// [`opens_body`] comparing every word, without the first-byte test.
    fn plain_opens_body(t: &str) -> bool {
        tables::BODY_WORDS.iter().any(|w| {
            let w = w.trim_end();
            t.starts_with(w) && t[w.len()..].starts_with([' ', '\0']) || t == w
        })
    }

    #[test]
    fn body_words_open_a_name() {
        assert!(opens_body("SỞ NỘI VỤ"));
        assert!(opens_body("ỦY BAN NHÂN DÂN"));
        assert!(opens_body("HUYỆN"), "the word alone");
        assert!(!opens_body(""));
        assert!(!opens_body("NHÂN DÂN TỈNH"));
        assert!(!opens_body("SỞNỘI VỤ"));
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(4_000, 0x6865_6164))]

        /// The first-letter shortcut of the motto and the first-byte test of the body words
        /// change no answer, on texts glued from their letters and others.
        #[test]
        fn the_shortcuts_change_no_answer(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Độc", "ĐỘC", "lập", "LẬP", "Tự", "do", "Hạnh", "phúc", "đ", "Đ", "Ð", "ộ", "c",
                " ", "-", "–", "*", "1", "ẞ", "İ", "SỞ", "BAN", "ỦY", "x", "\u{0}", "Ǆ",
            ]), 0..10)
        ) {
            let t = pieces.concat();
            proptest::prop_assert_eq!(is_motto(&t), plain_is_motto(&t), "{:?}", t);
            proptest::prop_assert_eq!(opens_body(&t), plain_opens_body(&t), "{:?}", t);
        }
    }

    #[test]
    fn header_items() {
        assert_eq!(
            classify("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            Some(Item::NationalTitle)
        );
        assert_eq!(
            classify("**CỘNG HÒA XÃ HỘI CHỦ NGHĨAVIỆT NAM**"),
            Some(Item::NationalTitle)
        );
        assert_eq!(classify("Độc lập - Tự do - Hạnh phúc"), Some(Item::Motto));
        assert_eq!(classify("ĐỘC LẬP – TỰ DO – HẠNH PHÚC"), Some(Item::Motto));
        assert_eq!(classify("Độc lập - Tự do"), None);
        assert_eq!(classify("ĐẢNG CỘNG SẢN VIỆT NAM"), Some(Item::PartyTitle));
        assert_eq!(
            classify("DỰ THẢO LẦN 2"),
            Some(Item::Mark(crate::model::MarkKind::Draft))
        );
        assert_eq!(classify("ỦY BAN NHÂN DÂN"), Some(Item::IssuerLine));
        assert_eq!(classify("Ủy ban nhân dân"), None);
    }

    #[test]
    fn is_upper_agrees_with_upper_ratio() {
        let samples = [
            "",
            "A",
            "AB",
            "Ab",
            "ỦY BAN NHÂN DÂN TỈNH",
            "ỦY BAN NHÂN DÂN tỉnh",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Công tác chỉ đạo, điều hành",
            "KẾT QUẢ THỰC HIỆN NĂM 2024 (số liệu)",
            "abcdefghijklmnopqrsTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "ABCDEFGHIJKLMNOPQ r ABCDEFGHIJ",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs",
            "12/QĐ-UBND",
            "中文 ABC",
        ];
        for s in samples {
            assert_eq!(
                is_upper(s),
                upper_ratio(s).is_some_and(|r| r >= 0.85),
                "{s:?}"
            );
        }
        for (_, text) in crate::test_support::texts() {
            for line in text.lines() {
                assert_eq!(
                    is_upper(line),
                    upper_ratio(line).is_some_and(|r| r >= 0.85),
                    "{line:?}"
                );
            }
        }
        // Every split point of a mostly capital line, where stopping early could go wrong.
        for k in 0..60 {
            let s = format!("{}{}", "A".repeat(k), "a".repeat(60 - k));
            assert_eq!(
                is_upper(&s),
                upper_ratio(&s).is_some_and(|r| r >= 0.85),
                "{s}"
            );
        }
    }
}
