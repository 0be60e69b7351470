//! Questions about one line that several zones ask: is it in capitals, a rule, a title, an
//! artifact (page number, stamp), the start of an appendix; and its column segments.

use crate::lex::Line;
use crate::model::{ArtifactKind, Format};
use crate::tables;
use crate::text::chars;
use crate::text::kernels::{self, FirstPairs};

use super::segment;
use crate::parse::Context;

/// True for a rule line: only `_`, `-`, `=`, `*`, `─`, `—`, `–`, `.`.
pub(crate) fn is_rule(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '_' | '-' | '=' | '*' | '─' | '—' | '–' | '~' | ' '))
}

/// Share of upper-case letters among letters (the reference [`is_upper`] is tested against); `None` when the text has fewer than 2 letters.
#[cfg(test)]
pub(crate) fn upper_ratio(text: &str) -> Option<f32> {
    let (mut letters, mut upper) = (0u32, 0u32);
    for c in text.chars() {
        let (alphabetic, uppercase) = chars::alphabetic_upper(c);
        if alphabetic {
            letters += 1;
            upper += u32::from(uppercase);
        }
    }
    (letters >= 2).then(|| upper as f32 / letters as f32)
}

/// True when the text is written in capitals: `upper_ratio(text) >= 0.85`.
///
/// Most lines are running text, so the scan stops as soon as the lower-case letters seen are
/// more than 16% of all the letters the text could still hold: even a capital rest could not
/// lift the ratio above 0.84 then.
///
/// Running text is ruled out first by [`kernels::surely_lower`], which counts bytes a block at
/// a time instead of decoding and looking up every character; what it lets through (capitals,
/// short or mixed text) is read character by character.
pub(crate) fn is_upper(text: &str) -> bool {
    if kernels::surely_lower(text.as_bytes()) {
        return false;
    }
    let (mut letters, mut upper) = (0usize, 0usize);
    let mut rest = text.len();
    for c in text.chars() {
        rest -= c.len_utf8();
        // ASCII (about half the characters of a capitalized Vietnamese line) without the table.
        let (alphabetic, uppercase) = if c.is_ascii() {
            (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else {
            chars::alphabetic_upper(c)
        };
        if alphabetic {
            letters += 1;
            upper += usize::from(uppercase);
            // Stopping early only saves work (the answer would be no anyway): it is looked at
            // after lower-case letters only, so a line in capitals does no arithmetic.
            if !uppercase && (letters - upper) * 100 > 16 * (letters + rest) {
                return false;
            }
        }
    }
    letters >= 2 && upper as f32 / letters as f32 >= 0.85
}

/// True when `text` opens with a document type name in capitals: the title line.
pub(crate) fn title_type(text: &str) -> Option<&'static tables::DocType> {
    let t = text.trim_start_matches(|c: char| !chars::is_alphanumeric(c));
    let Some(ty) = tables::doc_type_by_name(t) else {
        // A footnote's marker glued to the type name alone on its line (`QUYẾT ĐỊNH1`).
        let name = t.trim_end().trim_end_matches(|c: char| c.is_ascii_digit());
        let marker = t.trim_end().len() - name.len();
        return tables::doc_type_by_name(name)
            .filter(|ty| (1..=2).contains(&marker) && ty.name.len() == name.len());
    };
    let rest = t[ty.name.len()..].trim();
    // `QUYẾT ĐỊNH:` is the enacting line, not a title.
    if rest.starts_with(':') {
        return None;
    }
    // A long capitalized line that merely starts with a type word is a body heading.
    (rest.chars().count() <= 300 || !is_upper(rest)).then_some(ty)
}

/// A web page's title that a crawler glued before a document's first line (`Quyết định
/// 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM`, `Công văn 19046/BTC-TCHQ. BỘ TÀI
/// CHÍNH`): a type name in sentence case, a number with its symbol (no `số`), maybe a summary,
/// up to the first full stop the line goes on after with a capital. Gives the prefix's length
/// in bytes, its full stop included.
pub(crate) fn crawler_prefix(t: &str) -> Option<usize> {
    let digit = t.find(|c: char| c.is_ascii_digit())?;
    let name = t[..digit].trim_end();
    // A type name is two or three words; in capitals it is a title, not a page's title.
    if name.is_empty() || name.len() > 30 || is_upper(name) {
        return None;
    }
    let upper = chars::to_uppercase(name);
    if tables::doc_type_by_name(&upper).is_none_or(|ty| ty.name.len() != upper.len()) {
        return None;
    }
    let token = t[digit..].split(char::is_whitespace).next().unwrap_or("");
    if !token.contains('/') {
        return None;
    }
    let mut from = digit;
    while let Some(p) = t[from..].find(". ") {
        let stop = from + p + 1;
        if t[stop..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return Some(stop);
        }
        from = stop;
    }
    None
}

/// True when a line opens an appendix (`PHỤ LỤC I`, `Phụ lục 2` as a heading).
pub(crate) fn is_appendix_start(line: &Line<'_>) -> bool {
    let t = line.text.as_ref();
    t.starts_with("PHỤ LỤC")
        || t.starts_with("Phụ lục")
            && (line.heading > 0 || line.emphasized || t.chars().count() <= 40)
}

/// A page number, gazette header, signature stamp, rule or bare markup line.
pub(crate) fn artifact_kind(line: &Line<'_>, format: Format) -> Option<ArtifactKind> {
    let t = line.text.as_ref();
    let Some(&first) = t.as_bytes().first() else {
        return Some(ArtifactKind::Markup);
    };
    // Asked of every body line, most of which start with a letter. Rules and the trimmed marks
    // around a page number (`-`, `–`, `(`, `.`) are not letters, a footnote starts with a digit;
    // what starts with a letter is `Trang …`, `CÔNG BÁO` or a stamp label (`Người ký:`,
    // `Cơ quan:`, `Thời gian ký:`, `Email:`, `Ký bởi:`). Any other letter, or a lead byte of a
    // letter (every lead byte from `C3` on but `E2` of the dashes), rules the line out.
    // Of the lines that start with one of those letters, only the ones that open with the
    // first two bytes of `Trang`, `CÔNG BÁO` or a stamp label go on (`Các`, `Kết`, `Nội` stop).
    static LETTER_OPENINGS: FirstPairs = FirstPairs::of(&["Trang", "CÔNG BÁO", GAZETTE_SECTION])
        .union(FirstPairs::of(&STAMP_LABELS));
    let letter = first.is_ascii_alphabetic();
    if letter && !matches!(first, b'T' | b'C' | b'N' | b'E' | b'K' | b'V')
        || first >= 0xC3 && first != 0xE2
        || letter && !LETTER_OPENINGS.may_open(t)
    {
        return None;
    }
    // A rule is made of marks, which are neither letters nor digits.
    if !letter && !first.is_ascii_digit() && is_rule(t) {
        return Some(ArtifactKind::Rule);
    }
    // The marks trimmed around a page number are not letters: a line that starts with a letter
    // is one only after `Trang` (`Thực hiện`, `Các`, `Nghị` are not trimmed).
    if !letter || t.starts_with("Trang") {
        let digits = t.trim_matches(|c: char| matches!(c, '-' | '–' | '(' | ')' | ' ' | '.'));
        let digits = digits.strip_prefix("Trang").map_or(digits, str::trim);
        if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(ArtifactKind::PageNumber);
        }
    }
    if t.strip_prefix("CÔNG BÁO")
        .is_some_and(|r| r.starts_with('/') || r.starts_with(" /") || r.starts_with(" Số"))
    {
        return Some(ArtifactKind::PageHeader);
    }
    // The gazette's running header over a consolidated text (`VĂN BẢN HỢP NHẤT - BỘ TÀI
    // CHÍNH`): the section and the issuer, in capitals.
    if t.strip_prefix(GAZETTE_SECTION)
        .and_then(|r| r.trim_start().strip_prefix(['-', '–']))
        .is_some_and(is_upper)
    {
        return Some(ArtifactKind::PageHeader);
    }
    // Only the labels that share the line's first byte are compared whole.
    let first = t.as_bytes().first();
    if STAMP_LABELS
        .iter()
        .any(|p| p.as_bytes().first() == first && t.starts_with(p))
    {
        return Some(ArtifactKind::Stamp);
    }
    if format == Format::Text && is_footnote(t) {
        return Some(ArtifactKind::Footnote);
    }
    None
}

/// The gazette's section over the pages of a consolidated text, before the issuer's name.
const GAZETTE_SECTION: &str = "VĂN BẢN HỢP NHẤT";

/// The labels of a digital signature stamp's lines.
pub(crate) const STAMP_LABELS: [&str; 5] = [
    "Người ký:",
    "Cơ quan:",
    "Thời gian ký:",
    "Email:",
    "Ký bởi:",
];

/// `1 Thường trực Tỉnh ủy …`: a footnote body at a page bottom of PDF text.
pub(crate) fn is_footnote(t: &str) -> bool {
    // One or two digits, counted in place (ASCII digits are one byte each).
    let digits = t.bytes().take(3).take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let (number, rest) = t.split_at(digits);
    rest.starts_with(' ')
        && rest[1..].chars().next().is_some_and(char::is_uppercase)
        && number != "0"
}

/// Splits `line` into column segments; kept here so body and closing agree.
pub(crate) fn segments<'a>(cx: &Context<'a>, i: usize) -> Vec<segment::Segment<'a>> {
    let lines = cx.lines;
    segment::split(&lines[i], cx.format)
}

/// True when a line opens the `(Ban hành kèm theo Quyết định số … ngày …)` line under the title
/// of an attached document or an appendix: a parenthesis, then [`tables::ATTACHED_OPENINGS`] in
/// any case.
pub(crate) fn opens_attached_to(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('(') else {
        return false;
    };
    let head: String = rest.chars().take(24).flat_map(char::to_lowercase).collect();
    tables::ATTACHED_OPENINGS
        .iter()
        .any(|o| head.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn crawler_prefixes() {
        fn cut(t: &str) -> Option<&str> {
            crawler_prefix(t).map(|n| &t[..n])
        }
        assert_eq!(
            cut("Quyết định 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM"),
            Some("Quyết định 435/QĐ-UBND năm 2020.")
        );
        assert_eq!(
            cut("Công văn 19046/BTC-TCHQ. BỘ TÀI CHÍNH --------"),
            Some("Công văn 19046/BTC-TCHQ.")
        );
        assert_eq!(
            cut("Công văn 296/BHXH năm 2021 hướng dẫn về y tế do Bảo hiểm ban hành. BẢO HIỂM"),
            Some("Công văn 296/BHXH năm 2021 hướng dẫn về y tế do Bảo hiểm ban hành.")
        );
        assert_eq!(
            cut("QUYẾT ĐỊNH 435/QĐ-UBND. ỦY BAN"),
            None,
            "a title in capitals"
        );
        assert_eq!(
            cut("Quyết định số 435/QĐ-UBND. Nay"),
            None,
            "a citation with số"
        );
        assert_eq!(cut("Căn cứ 12/2020. Luật"), None, "no type name");
    }

    #[test]
    fn gazette_section_header() {
        let kind = |t: &str| {
            let lines = crate::lex::lines(t, Format::Text);
            artifact_kind(&lines[0], Format::Text)
        };
        assert_eq!(
            kind("VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH"),
            Some(ArtifactKind::PageHeader)
        );
        assert_eq!(
            kind("VĂN BẢN HỢP NHẤT"),
            None,
            "the title of a consolidated text"
        );
        assert_eq!(kind("Văn bản hợp nhất - Bộ Tài chính"), None);
    }

    proptest! {
        /// The early exit of `is_upper` (a block count over bytes, then a character walk that
        /// stops once capitals can no longer win) never changes its answer: the reference is
        /// the plain ratio.
        #[test]
        fn is_upper_matches_the_ratio(text in "[A-Za-zĐđÀ-ỹ0-9 .,()Σ]{0,80}") {
            prop_assert_eq!(is_upper(&text), upper_ratio(&text).is_some_and(|r| r >= 0.85));
        }
    }
}
