//! Numbered sections of the body: whether the text after a label is a title or a first clause,
//! and the section a heading opens.
//!
//! How a careful reader sees the hierarchy, and the rules here that follow it:
//! - **Rank.** Phần › Chương › Mục › Tiểu mục › Điều have a fixed rank ([`rank`]): a Chương
//!   closes an open Điều (articles before the first chapter stay beside it). Numbered items
//!   (khoản `1.`, điểm `a)`, report headings `I.`, `1.1.`) take their level from the order their
//!   styles first appear under the open divisions.
//! - **Title or content.** A heading names its part; a name does not end as a sentence does. The
//!   text after a label, with the lines that wrap it joined, is the section's first paragraph when
//!   it proves a sentence ([`is_sentence`]: `Điều 2. Quyết định này có hiệu lực từ ngày ký.`), and
//!   its title otherwise (`Điều 1. Phạm vi điều chỉnh`); the decision is made once the title can
//!   grow no more ([`settle`]). A line the author marked as a heading keeps its title.
//! - **Two numbers on a line.** `2. Về Đại lý … 2.1. Điều kiện …` opens 2 and 2.1
//!   ([`inner_label`]); so does a second legend entry after a bar (`7a. … | 8. …`).
//! - **Unnumbered headings.** A short line right above a point `a)` heads the points under it,
//!   which start again at `a)` under the next one ([`is_unnumbered_heading`]).
//! - **Capital letters.** `A.`, `B.` number the widest parts only as a series ([`in_context`]).

use super::paragraphs::ends_closed;
use super::{Builder, Last};
use crate::grammar;
use crate::lex::Line;
use crate::model::{BlockKind, Document, Format, NumberStyle, Paragraph, Span};
use crate::parse::layout::is_upper;
use crate::parse::{Context, TextSource};

/// Whether the text after a label is the section's title or its first paragraph.
///
/// `wrapped` says the next line goes on with the same sentence (plain text hard-wrapped at a
/// page width): then the text after a `1.`, `1.1.` or `a)` is a clause, however short its first
/// piece.
///
/// The characters of `rest` are counted only by the rules that ask for them.
pub(super) fn is_title(label: &grammar::Label, line: &Line<'_>, rest: &str, wrapped: bool) -> bool {
    use NumberStyle::*;
    let n = || rest.chars().count();
    match label.style {
        Part | Chapter | Division | Subdivision | Roman | RomanDash | Article => true,
        _ if rest.is_empty() => false,
        // A name never ends on a comma: the sentence goes on (`11a. Chỉ dẫn về phạm vi lưu hành,`).
        _ if rest.trim_end().ends_with(',') => false,
        _ if wrapped && !line.emphasized && line.heading == 0 && !ends_closed(rest) => false,
        _ if line.heading > 0 || line.emphasized => true,
        // A short text is a title whatever its case: the length tests go before `is_upper`,
        // which reads the text letter by letter.
        Letter if n() <= 80 && !ends_closed(rest) => true,
        Letter => is_upper(rest),
        _ if n() <= 160 && !rest.trim_end().ends_with(['.', ';']) => true,
        _ => is_upper(rest),
    }
}

/// The rank of a division in the legal hierarchy, Phần › Chương › Mục › Tiểu mục › Điều (Nghị
/// định 30/2020/NĐ-CP Phụ lục I Mục II.6); `None` for numbered items (khoản, điểm, report
/// headings), which take their level from the order their styles appear in.
pub(super) fn rank(style: NumberStyle) -> Option<u8> {
    match style {
        NumberStyle::Part => Some(0),
        NumberStyle::Chapter => Some(1),
        NumberStyle::Division => Some(2),
        NumberStyle::Subdivision => Some(3),
        NumberStyle::Article => Some(4),
        _ => None,
    }
}

/// Whether the text after a label, with the lines that wrap it joined, is a sentence rather
/// than a title.
///
/// A heading names its part (`Điều 1. Phạm vi điều chỉnh`, `1. Mục tiêu`, `I. KẾT QUẢ`): a name
/// does not end as a sentence does. A text that ends with a full stop, a semicolon, `!`, `?` or
/// an ellipsis and has more than five words (`Điều 2. Quyết định này có hiệu lực từ ngày ký.`,
/// `I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025.`), or that ends with a colon and has more
/// than twelve (`Điều 1. Thành lập Ban Chỉ đạo … gồm các thành viên sau:`), is the section's first
/// paragraph: the article or item whose text is on its heading line. A text in capitals is a
/// title whatever its end (`1. TĂNG CƯỜNG CÔNG TÁC KIỂM TRA.`), and so is a short one with a
/// full stop (`1. Mục tiêu.`, `Điều 3. Hiệu lực thi hành.`) and one the author marked as a
/// heading (a Markdown heading or an emphasized line: [`settle`] leaves those).
pub(super) fn is_sentence(text: &str) -> bool {
    let t = text.trim();
    let end = t.trim_end_matches(['”', '"', '’', ')', '*', ' ']);
    let closed = end.ends_with(['.', ';', '!', '?', '…']);
    if !closed && !end.ends_with(':') {
        return false;
    }
    let words = t.split_whitespace().count();
    (if closed { words > 5 } else { words > 12 }) && !is_upper(t)
}

/// The title of the innermost open section, once it can grow no more (a block, a heading or the
/// end of the section follows), becomes its first paragraph if it proves a sentence
/// ([`is_sentence`]). Its lines stay claimed by the section, as a clause's line is.
pub(super) fn settle(b: &mut Builder) {
    if !b.last.as_ref().is_some_and(|l| l.title) {
        return;
    }
    let Some(open) = b.stack.last_mut() else {
        return;
    };
    let s = &mut open.section;
    let Some(start) = open.title_start else {
        return;
    };
    if !s.paragraphs.is_empty() || !s.title.as_deref().is_some_and(is_sentence) {
        return;
    }
    let text = s.title.take().unwrap_or_default();
    s.paragraphs.push(Paragraph {
        kind: BlockKind::Paragraph,
        marker: None,
        text,
        rows: None,
        line: s.line,
        end_line: b.last_line.max(s.line),
        joins: Vec::new(),
        span: Span::new(start.min(s.span.end), s.span.end),
    });
    if let Some(last) = b.last.as_mut() {
        last.title = false;
    }
}

/// The label a line's label stands for in the body, or `None` when it opens no heading here.
///
/// `A.`, `B.` are the widest parts of a report only as a series: `A.` opens one, and a later
/// letter goes on with one that is open, at most one letter past it (`Q. CHÁNH VĂN PHÒNG`, an
/// acting signer, is none). In such a series `C.` (or `C - `) is the third letter, not the roman
/// hundred.
pub(super) fn in_context(b: &Builder, label: grammar::Label) -> Option<grammar::Label> {
    let last = b
        .stack
        .iter()
        .find(|o| o.key.0 == NumberStyle::UpperLetter)
        .and_then(|o| o.section.number);
    let series = |n: u32| n == 1 || last.is_some_and(|l| n <= l + 2);
    match label.style {
        NumberStyle::UpperLetter => label.number.is_some_and(series).then_some(label),
        NumberStyle::Roman | NumberStyle::RomanDash
            if label.label == "C" && last.is_some_and(|l| l >= 1 && series(3)) =>
        {
            Some(grammar::Label {
                style: NumberStyle::UpperLetter,
                number: Some(3),
                ..label
            })
        }
        _ => Some(label),
    }
}

/// True when line `i` is a heading without a number over the points that follow it: a short
/// line (at most 80 characters) that starts with a capital and does not end as a sentence or a
/// lead-in does (`.`, `;`, `:`), inside a section, right above a point `a)` (`Cải cách thể chế`
/// / `a) Mục tiêu` / `b) Nhiệm vụ`, then `Cải cách thủ tục hành chính` / `a) Mục tiêu` …: the
/// points start again under each).
pub(super) fn is_unnumbered_heading(cx: &Context<'_>, b: &Builder, i: usize) -> bool {
    let Some(next) = cx.lines.get(i + 1) else {
        return false;
    };
    if b.stack.is_empty() || !next.text.starts_with("a)") {
        return false;
    }
    let t = cx.lines[i].text.as_ref();
    // Deeper than the limit it stays text, as a numbered heading would.
    if b.depth_of(NumberStyle::Unnumbered, 0, None) > cx.section_depth {
        return false;
    }
    t.chars().next().is_some_and(char::is_uppercase)
        && !ends_closed(t)
        && t.chars().count() <= 80
        && grammar::label(&next.text)
            .is_some_and(|l| l.style == NumberStyle::Letter && l.number == Some(1))
}

/// Opens the unnumbered heading of line `i` ([`is_unnumbered_heading`]) beside the points it
/// follows (it closes the open list of points); returns the next line.
pub(super) fn unnumbered<'a>(cx: &mut Context<'a>, b: &mut Builder, i: usize) -> usize {
    let line = &cx.lines[i];
    if let Some(pos) = b.stack.iter().position(|o| o.key.0 == NumberStyle::Letter) {
        b.close_to(pos);
    }
    let text: &'a str = &line.text;
    let span = line.span();
    let label = grammar::Label {
        style: NumberStyle::Unnumbered,
        label: String::new(),
        number: None,
        depth: 0,
        rest: 0,
    };
    let path = b.open(
        label,
        Some(text.to_owned()),
        line.no(),
        span,
        Span::new(span.start, span.start),
    );
    cx.claim_line(path, i);
    let idx = cx.remember(TextSource::borrowed(text, line.no()));
    b.last = Some(Last {
        text: idx,
        piece_start: 0,
        title: true,
    });
    b.last_line = line.no();
    i + 1
}

/// Opens a section at line `i`; returns the next line to read.
pub(super) fn heading<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
    label: grammar::Label,
) -> usize {
    let line = &cx.lines[i];
    let text: &'a str = &line.text;
    // A sub-item on the heading's line opens one level further down: not past the limit.
    let room = b.depth_of(label.style, label.depth, label.number) < cx.section_depth;
    let Some((at, inner)) = inner_label(&label, text).filter(|_| room) else {
        return heading_in(cx, doc, b, i, label, 0..text.len());
    };
    // `2. Về Đại lý … 2.1. Điều kiện …`: the heading ends where its first sub-item starts.
    heading_in(cx, doc, b, i, label, 0..at);
    heading_in(cx, doc, b, i, inner, at..text.len())
}

/// The first sub-item written on the same line as heading `label` (`2. Về Đại lý làm thủ tục
/// hải quan 2.1. Điều kiện …`) and where it starts, its `rest` an offset in `text`: a decimal label one level down
/// numbered 1 (`2.1` after `2`, `1.2.1` after `1.2`), after a word that does not call for a
/// number (`tại mục 2.1` is a reference), whose own text starts with a capital. It is found
/// only where its words are the input's as written (the line was not cleaned), so that the two
/// headings claim the line's two pieces.
fn inner_label(label: &grammar::Label, text: &str) -> Option<(usize, grammar::Label)> {
    if !matches!(label.style, NumberStyle::Arabic | NumberStyle::Decimal) {
        return None;
    }
    if let Some(next) = next_after_bar(label, text) {
        return Some(next);
    }
    let lead = label.label.as_str();
    let from = label.rest.min(text.len());
    // The sub-item's label is the heading's and `.1`: found from the `.1` after it, by a `.`
    // search (`memmem` with a needle per heading built a searcher per call, and `str::find` a
    // two-way searcher, which cost more than the rest of a heading on texts of many numbered
    // headings), each place past the last one tried, as a left-to-right search finds them.
    let is_want = |s: &str| s.len() == lead.len() + 2 && s.starts_with(lead) && s.ends_with(".1");
    let bytes = text.as_bytes();
    let mut search = from;
    for dot in memchr::memchr_iter(b'.', bytes.get(from + lead.len()..).unwrap_or_default()) {
        let dot = from + lead.len() + dot;
        let at = dot - lead.len();
        if at < search
            || bytes.get(dot + 1) != Some(&b'1')
            || !bytes[at..].starts_with(lead.as_bytes())
        {
            continue;
        }
        search = dot + 2;
        let before = text.get(from..at).unwrap_or_default();
        if !before.ends_with(' ') || before.trim().is_empty() {
            continue;
        }
        if super::paragraphs::ends_on_connective(before.trim_end(), false) {
            continue;
        }
        let Some(inner) = grammar::label(text.get(at..).unwrap_or_default()) else {
            continue;
        };
        if inner.style != NumberStyle::Decimal || !is_want(&inner.label) {
            continue;
        }
        let after = text.get(at + inner.rest..).unwrap_or_default();
        if !after.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        return Some((
            at,
            grammar::Label {
                rest: at + inner.rest,
                ..inner
            },
        ));
    }
    None
}

/// The next item of the same list written after a bar on the same line (`7a, 7b. Quyền hạn …;
/// | 8. Dấu cơ quan …`, two cells of a layout legend run together) and where its bar is.
fn next_after_bar(label: &grammar::Label, text: &str) -> Option<(usize, grammar::Label)> {
    let from = label.rest.min(text.len());
    let bar = from + memchr::memmem::find(text.get(from..)?.as_bytes(), b" | ")?;
    let at = bar + 3;
    let next = grammar::label(text.get(at..)?)?;
    (next.style == label.style && next.number == label.number.map(|n| n + 1)).then(|| {
        (
            bar + 1,
            grammar::Label {
                rest: at + next.rest,
                ..next
            },
        )
    })
}

/// [`heading`] for the piece `piece` (byte offsets) of line `i`'s text, `label.rest` an offset
/// in the whole text.
fn heading_in<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
    label: grammar::Label,
    piece: std::ops::Range<usize>,
) -> usize {
    let lines = cx.lines;
    let line = &lines[i];
    let whole = piece.start == 0 && piece.end >= line.text.len();
    let text: &'a str = &line.text;
    // Borrowed from the line: the title or clause is copied once, where it is stored.
    let rest = text
        .get(label.rest.min(piece.end)..piece.end)
        .unwrap_or_default()
        .trim()
        .trim_start_matches(['.', ':', '-', '–', ' ']);
    // The next line goes on with this one when it starts in lower case, but a point (`a) …`)
    // starts an item of its own.
    let wrapped = cx.format == Format::Text
        && whole
        && cx.lines.get(i + 1).is_some_and(|n| {
            n.text.chars().next().is_some_and(char::is_lowercase)
                && grammar::label(&n.text).is_none()
        });
    let titled = is_title(&label, line, rest, wrapped);
    let style = label.style;
    let mut next = i + 1;
    // The title as read from the input, which its source for citation scanning borrows.
    let mut title: Option<&'a str> = (titled && !rest.is_empty()).then_some(rest);
    let mut title_line = None;
    // `PHẦN I` / `Chương II` with the title on the next line.
    if title.is_none()
        && matches!(
            style,
            NumberStyle::Part
                | NumberStyle::Chapter
                | NumberStyle::Division
                | NumberStyle::Subdivision
        )
    {
        if let Some(k) = cx.next_non_blank(i + 1) {
            let t = lines[k].text.as_ref();
            // Word exports leave up to three blank lines between the label and its title. A
            // title in sentence case (`Chương I` / `Những quy định chung`: capitals a font drew,
            // lost in the text) stands right under a bare label, alone, short and unpunctuated.
            let upper = k <= i + 4 && is_upper(t);
            let sentence_case =
                k == i + 1 && rest.is_empty() && stands_alone(cx, k) && short_title(t);
            let before_first =
                k == i + 1 && rest.is_empty() && title_before_first_division(cx, style, k);
            if (upper || sentence_case || before_first)
                && grammar::label(t).is_none()
                && !(cx.ends_body)(cx, k)
            {
                title = Some(t);
                title_line = Some(k);
                next = k + 1;
            }
        }
    }
    let title_source = title.map(|t| TextSource::borrowed(t, line.no()));
    let label_span = line.span_of(&label.label);
    let heading = title_line.map_or(line.span(), |k| line.span().cover(lines[k].span()));
    let path = b.open(
        label,
        title.map(str::to_owned),
        line.no(),
        heading,
        label_span,
    );
    if whole {
        cx.claim_line(path, i);
    } else {
        // One of two headings on the line: the piece from its label to the next one's.
        let span = line.span();
        let cut = |at: usize| {
            if at == 0 {
                span.start
            } else {
                line.span_of(text.get(at..).unwrap_or_default()).start
            }
        };
        let (start, end) = (
            cut(piece.start),
            if piece.end >= text.len() {
                span.end
            } else {
                cut(piece.end)
            },
        );
        cx.ledger
            .claim(path, start, end, line.no(), line.no(), cx.text);
    }
    if let Some(k) = title_line {
        cx.claim_line(path, k);
    }
    if let (Some(open), Some(t)) = (b.stack.last_mut(), title) {
        if line.heading == 0 && !line.emphasized {
            open.title_start =
                Some(title_line.map_or_else(|| line.span_of(t).start, |k| lines[k].start));
        }
    }
    if line.text.trim_end().ends_with("./.") {
        doc.end_marker = Some(line.no());
    }
    b.last_line = title_line.map_or(line.no(), |k| cx.lines[k].no());
    if let Some(source) = title_source {
        let idx = cx.remember(source);
        b.last = Some(Last {
            text: idx,
            piece_start: 0,
            title: true,
        });
    }
    if !titled && !rest.is_empty() {
        // A clause: the text after the number is the section's first paragraph, on the same line.
        let idx = cx.remember(TextSource::borrowed(rest, line.no()));
        if let Some(open) = b.stack.last_mut() {
            super::reserve_first_exact(&mut open.section.paragraphs);
            open.section.paragraphs.push(Paragraph {
                kind: BlockKind::Paragraph,
                marker: None,
                text: rest.to_owned(),
                rows: None,
                line: line.no(),
                end_line: line.no(),
                joins: Vec::new(),
                span: line.span_of(rest),
            });
        }
        b.last = Some(Last {
            text: idx,
            piece_start: 0,
            title: false,
        });
        // The line stays claimed by the section; the paragraph records it as its line.
    }
    next
}

/// Words at most in a division's title written under its label in sentence case.
const SENTENCE_TITLE_WORDS: usize = 12;

/// Lines a division's title runs to at most when only its place tells it
/// ([`title_before_first_division`]).
const TITLE_LINES: usize = 3;

/// True when line `k`, right under a bare `Phần`/`Chương` label of `style`, is its title by its
/// place alone: nothing but a title stands between a bare `Chương III` and its first `Mục` or
/// `Điều` (`Chương III` / `sử dụng công chức` / `Mục 1. Bố trí…`), whatever its case. The title
/// may go on over lines that start in lower case, and does not end as a sentence does.
fn title_before_first_division(cx: &Context<'_>, style: NumberStyle, k: usize) -> bool {
    use NumberStyle as S;
    if !matches!(style, S::Part | S::Chapter) {
        return false;
    }
    let lines = cx.lines;
    let mut end = k;
    while end + 1 < lines.len()
        && end + 1 < k + TITLE_LINES
        && lines[end + 1]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && grammar::label(&lines[end + 1].text).is_none()
    {
        end += 1;
    }
    if lines[end].text.trim_end().ends_with(['.', ';', ':', ',']) {
        return false;
    }
    let Some(next) = cx.next_non_blank(end + 1) else {
        return false;
    };
    grammar::label(&lines[next].text).is_some_and(|l| match style {
        S::Part => matches!(l.style, S::Chapter | S::Division | S::Article),
        _ => matches!(l.style, S::Division | S::Article),
    })
}

/// True when line `k` stands alone: the line after it is blank, a label, or the end.
fn stands_alone(cx: &Context<'_>, k: usize) -> bool {
    cx.lines
        .get(k + 1)
        .is_none_or(|n| n.text.trim().is_empty() || grammar::label(&n.text).is_some())
}

/// True when a line reads as a title in sentence case: a capital first, a few words, no
/// sentence's or clause's end (`Những quy định chung`, `Khen thưởng và xử lý vi phạm`).
fn short_title(t: &str) -> bool {
    let t = t.trim();
    t.chars().next().is_some_and(char::is_uppercase)
        && t.split_whitespace().count() <= SENTENCE_TITLE_WORDS
        && !t.ends_with(['.', ';', ':', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`inner_label`]'s search, plainly: each occurrence of the heading's label and `.1` from
    /// left to right, by `str::find`, past the one before (the other tests as they are there).
    fn inner_label_reference(
        label: &grammar::Label,
        text: &str,
    ) -> Option<(usize, grammar::Label)> {
        if !matches!(label.style, NumberStyle::Arabic | NumberStyle::Decimal) {
            return None;
        }
        if let Some(next) = next_after_bar(label, text) {
            return Some(next);
        }
        let want = [label.label.as_str(), ".1"].concat();
        let from = label.rest.min(text.len());
        let mut search = from;
        while let Some(found) = text.get(search..).and_then(|t| t.find(&want)) {
            let at = search + found;
            search = at + want.len();
            let before = &text[from..at];
            if !before.ends_with(' ')
                || before.trim().is_empty()
                || super::super::paragraphs::ends_on_connective(before.trim_end(), false)
            {
                continue;
            }
            let Some(inner) = grammar::label(&text[at..]) else {
                continue;
            };
            if inner.style != NumberStyle::Decimal || inner.label != want {
                continue;
            }
            if !text[at + inner.rest..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                continue;
            }
            let rest = at + inner.rest;
            return Some((at, grammar::Label { rest, ..inner }));
        }
        None
    }

    proptest::proptest! {
        /// The `.`-led search finds the sub-item the plain search finds, on headings whose text
        /// repeats and overlaps their own label (`1.1.1.1`), with references and capitals.
        #[test]
        fn inner_label_matches_the_reference(
            heading in proptest::sample::select(vec!["2.", "1.2.", "1.1.", "10.", "3)", "I."]),
            words in proptest::collection::vec(proptest::sample::select(vec![
                "2.1.", "2.1", "1.2.1.", "1.1.1.1.", "1.1.1", "10.1.", "10.11.", "tại mục", "và",
                "Điều", "kiện", "Về", ".1", "2", "1.", "|", "3.", "2.1.Đ", " ", "ở",
            ]), 0..12),
        ) {
            let text = format!("{heading} {}", words.join(" "));
            if let Some(label) = grammar::label(&text) {
                proptest::prop_assert_eq!(
                    inner_label(&label, &text),
                    inner_label_reference(&label, &text),
                    "{:?}", text
                );
            }
        }
    }

    /// [`is_title`] of the first line of `text` read in `format`.
    fn titled(text: &str, format: Format, wrapped: bool) -> bool {
        let lines = crate::lex::lines(text, format);
        let line = &lines[0];
        let label = grammar::label(&line.text).expect("a label");
        let rest = line.text.get(label.rest..).unwrap_or_default().trim();
        is_title(&label, line, rest, wrapped)
    }

    #[test]
    fn titles_and_first_clauses() {
        let text = |t| titled(t, Format::Text, false);
        assert!(
            text("I. kết quả đạt được"),
            "a roman heading is always titled"
        );
        assert!(text("Điều 2. Quyết định này có hiệu lực từ ngày ký."));
        assert!(text("1. Mục tiêu"), "short and open");
        assert!(
            !text("1. Tăng cường công tác kiểm tra."),
            "a sentence: a clause"
        );
        assert!(text("1. TĂNG CƯỜNG CÔNG TÁC KIỂM TRA."), "in capitals");
        assert!(text("a) Nhiệm vụ chung"));
        assert!(!text("a) Rà soát các văn bản;"), "a closed point");
        assert!(!text(&format!(
            "1.1. {}",
            "công tác cải cách hành chính ".repeat(6)
        )));
    }

    #[test]
    fn a_wrapped_clause_is_no_title_unless_emphasized() {
        assert!(!titled("1. Thực hiện", Format::Text, true));
        assert!(
            titled("1. THỰC HIỆN.", Format::Text, true),
            "closed, in capitals"
        );
        assert!(titled("**1. Thực hiện**", Format::Markdown, true));
        assert!(titled("### 1. Thực hiện", Format::Markdown, true));
    }

    #[test]
    fn a_part_takes_its_title_from_the_next_line() {
        let doc = crate::parse(
            "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\n\nPHẦN I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n\
             Chương II\n\n\n\nTỔ CHỨC THỰC HIỆN\n",
        );
        let s = &doc.sections[0];
        assert_eq!(
            (&*s.label, s.title.as_deref()),
            ("Phần I", Some("QUY ĐỊNH CHUNG"))
        );
        assert_eq!(&*s.children[0].label, "Điều 1");
        let c = &s.children[1];
        assert_eq!(
            (&*c.label, c.title.as_deref()),
            ("Chương II", Some("TỔ CHỨC THỰC HIỆN")),
            "across the blank lines of a Word export"
        );
    }

    #[test]
    fn a_chapter_title_is_what_stands_before_its_first_article() {
        // Titles typed in any case (capitals a font drew, lost in the text), one over two lines.
        let doc = crate::parse(
            "NGHỊ ĐỊNH\nVề cán bộ, công chức cấp xã\n\nChương III\n\
             Nghĩa Vụ, Quyền Lợi và những việc\nkhông được làm Của cán bộ, công chức\n\n\
             Điều 8. Nghĩa vụ của cán bộ\nCán bộ có những nghĩa vụ sau đây.\n\n\
             Chương IV\nsử dụng công chức\n\nMục 1. Bố trí công tác\n\
             Điều 9. Bố trí\nCông chức được bố trí.\n\nChương V\nCán bộ phải làm như sau.\n\
             Điều 10. Thi hành\nNghị định có hiệu lực.\n",
        );
        let titles: Vec<(&str, Option<&str>)> = doc
            .sections
            .iter()
            .map(|s| (&*s.label, s.title.as_deref()))
            .collect();
        assert_eq!(
            titles,
            [
                (
                    "Chương III",
                    Some("Nghĩa Vụ, Quyền Lợi và những việc không được làm Của cán bộ, công chức")
                ),
                ("Chương IV", Some("sử dụng công chức")),
                ("Chương V", None),
            ],
            "a sentence under a chapter is no title"
        );
    }

    #[test]
    fn sentences_and_titles() {
        assert!(is_sentence(
            "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành."
        ));
        assert!(is_sentence(
            "Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025 (Thứ Năm)."
        ));
        assert!(is_sentence(
            "Thành lập Ban Chỉ đạo quốc gia về dữ liệu (sau đây gọi tắt là Ban Chỉ đạo) gồm các \
             thành viên sau:"
        ));
        assert!(!is_sentence("Phạm vi điều chỉnh"));
        assert!(
            !is_sentence("Hiệu lực thi hành."),
            "short: a title with a full stop"
        );
        assert!(!is_sentence("Mục tiêu, yêu cầu:"));
        assert!(!is_sentence(
            "TỔ CHỨC THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025."
        ));
    }

    /// Sections of `text` as `label|title|first paragraph`.
    fn outline(text: &str) -> Vec<String> {
        fn walk(out: &mut Vec<String>, list: &[crate::model::Section], depth: usize) {
            for s in list {
                out.push(format!(
                    "{}{}|{}|{}",
                    "  ".repeat(depth),
                    s.label,
                    s.title.as_deref().unwrap_or("-"),
                    s.paragraphs.first().map_or("-", |p| p.text.as_str())
                ));
                walk(out, &s.children, depth + 1);
            }
        }
        let doc = super::super::tests::parse_text(text);
        let mut out = Vec::new();
        walk(&mut out, &doc.sections, 0);
        out
    }

    #[test]
    fn an_article_whose_text_is_on_its_heading_line_has_no_title() {
        let got = outline(
            "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nQUYẾT ĐỊNH:\n\
             Điều 1. Thành lập Tổ công tác của tỉnh gồm các thành viên sau đây, cụ thể \n\
             như sau:\n\
             1. Chủ tịch Ủy ban nhân dân tỉnh, Tổ trưởng.\n\
             2. Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn An, Phó Tổ \n\
             trưởng.\n\
             Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n\
             Điều 3. Quy định chung\nTổ công tác làm việc theo chế độ kiêm nhiệm.\n",
        );
        assert_eq!(
            got,
            [
                "Điều 1|-|Thành lập Tổ công tác của tỉnh gồm các thành viên sau đây, cụ thể \
                 như sau:",
                "  1|-|Chủ tịch Ủy ban nhân dân tỉnh, Tổ trưởng.",
                "  2|-|Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn An, Phó Tổ trưởng.",
                "Điều 2|-|Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.",
                "Điều 3|Quy định chung|Tổ công tác làm việc theo chế độ kiêm nhiệm.",
            ]
        );
    }

    #[test]
    fn a_chapter_is_never_inside_an_article() {
        let got = outline(
            "THÔNG TƯ\nHướng dẫn quản lý quỹ\n\nĐiều 1. Phạm vi điều chỉnh\n\
             1. Thông tư này hướng dẫn việc quản lý quỹ.\n\
             Chương II\nQUẢN LÝ TÀI CHÍNH\n\
             Điều 2. Nguồn tài chính\n1. Thu từ ngân sách nhà nước.\n",
        );
        assert_eq!(
            got,
            [
                "Điều 1|Phạm vi điều chỉnh|-",
                "  1|-|Thông tư này hướng dẫn việc quản lý quỹ.",
                "Chương II|QUẢN LÝ TÀI CHÍNH|-",
                "  Điều 2|Nguồn tài chính|-",
                "    1|-|Thu từ ngân sách nhà nước.",
            ]
        );
    }
    #[test]
    fn points_start_again_under_each_unnumbered_heading() {
        let got = outline(
            "KẾ HOẠCH\nCải cách hành chính năm 2026\n\nI. MỤC TIÊU, NHIỆM VỤ\n\
             Cải cách thể chế\na) Mục tiêu\n- Văn bản được kiểm tra đúng hạn.\nb) Nhiệm vụ\n\
             - Rà soát văn bản.\nCải cách thủ tục hành chính\na) Mục tiêu\n\
             - Không có thủ tục trái quy định.\nCụ thể như sau:\na) Hồ sơ trực tuyến.\n",
        );
        assert_eq!(
            got,
            [
                "I|MỤC TIÊU, NHIỆM VỤ|-",
                "  |Cải cách thể chế|-",
                "    a|Mục tiêu|Văn bản được kiểm tra đúng hạn.",
                "    b|Nhiệm vụ|Rà soát văn bản.",
                "  |Cải cách thủ tục hành chính|-",
                "    a|Mục tiêu|Không có thủ tục trái quy định.",
                "    a|-|Hồ sơ trực tuyến.",
            ],
            "a lead-in ending in a colon is no heading"
        );
    }

    #[test]
    fn capital_letters_number_the_widest_parts_as_a_series() {
        let got = outline(
            "TỜ TRÌNH\nVề việc hợp nhất các hội\n\nA. SỰ CẦN THIẾT\nI. CƠ SỞ PHÁP LÝ\n\
             Căn cứ Luật.\nB. HIỆN TRẠNG\nCác hội hoạt động ổn định.\nC. PHƯƠNG ÁN\n\
             1. Hợp nhất hai hội.\nQ. Nội dung khác của phương án.\n",
        );
        assert_eq!(
            got,
            [
                "A|SỰ CẦN THIẾT|-",
                "  I|CƠ SỞ PHÁP LÝ|Căn cứ Luật.",
                "B|HIỆN TRẠNG|Các hội hoạt động ổn định.",
                "C|PHƯƠNG ÁN|-",
                "  1|-|Hợp nhất hai hội.",
            ]
        );
    }

    #[test]
    fn two_numbers_on_one_line_open_two_headings() {
        let got = outline(
            "CÔNG VĂN\nVề thủ tục hải quan\n\nI. HƯỚNG DẪN\n\
             2. Về đại lý hải quan 2.1. Điều kiện của nhân viên đại lý; thực hiện theo Luật.\n\
             2.2. Thẩm quyền công nhận đại lý.\n\
             3. Thực hiện theo mục 3.1. Nội dung đã nêu trong văn bản trước.\n",
        );
        assert_eq!(
            got,
            [
                "I|HƯỚNG DẪN|-",
                "  2|Về đại lý hải quan|-",
                "    2.1|-|Điều kiện của nhân viên đại lý; thực hiện theo Luật.",
                "    2.2|-|Thẩm quyền công nhận đại lý.",
                "  3|-|Thực hiện theo mục 3.1. Nội dung đã nêu trong văn bản trước.",
            ],
            "`mục 3.1` is a reference"
        );
    }
}
