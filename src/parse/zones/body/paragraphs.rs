//! Paragraphs and list items of the body: list markers, and the rules that join a line to the
//! block above it (a sentence going on, a page break inside a paragraph, a token cut at a line
//! end).

use std::borrow::Cow;

use super::{Builder, Last, Mode};
use crate::lex::Line;
use crate::model::{BlockKind, Document, Format, Join, JoinReason, Paragraph};
use crate::parse::{Context, TextSource, push_index};
use crate::tables;

/// The most characters the join rules ask a piece to have (`>= 60`, `>= 80`).
pub(super) const PIECE_LEN_CAP: usize = 80;

/// The characters of a paragraph piece, exact up to [`PIECE_LEN_CAP`]: long paragraphs are not
/// counted to the end (a char is at most four bytes, so `4 * cap` bytes hold `cap` chars).
pub(super) fn piece_len(piece: &str) -> usize {
    if piece.len() >= 4 * PIECE_LEN_CAP {
        PIECE_LEN_CAP
    } else {
        piece.chars().count().min(PIECE_LEN_CAP)
    }
}

/// The most characters a line of text wrapped at a page's width has (A4, 14 pt: about 80).
pub(super) const UNWRAPPED_LINE: usize = 110;

/// List markers with the white space after them, in the order they are tried.
pub(super) const BULLETS: [&str; 8] = ["- ", "+ ", "• ", "* ", "– ", "— ", "-\t", "· "];

/// The first bytes of the markers in [`BULLETS`] and of `-` (a test checks the table).
pub(super) fn may_be_bullet(first: u8) -> bool {
    // `•`, `–`, `—` start with 0xE2 in UTF-8, `·` with 0xC2.
    matches!(first, b'-' | b'+' | b'*' | 0xE2 | 0xC2)
}

/// The list marker of a list item and the text after it.
pub(super) fn bullet(t: &str) -> Option<(&str, &str)> {
    // Asked of most lines, which start with a letter or a digit: one byte rules them out.
    if !may_be_bullet(*t.as_bytes().first()?) {
        return None;
    }
    for m in BULLETS {
        if let Some(rest) = t.strip_prefix(m) {
            return Some((m.trim(), rest.trim_start()));
        }
    }
    // `-Sở Nội vụ`: a dash glued to a capitalized word.
    let rest = t.strip_prefix('-')?;
    rest.chars()
        .next()
        .filter(|c| c.is_uppercase())
        .map(|_| ("-", rest))
}

/// The quoted passage the body is inside, if any: opened by a line that starts with `“` and does
/// not close it (a passage quoted from another document, `“b) Trước khi …`), closed by the `”`
/// that balances it. A quotation that opens inside a sentence changes nothing. A quotation left open (a missing `”`) is given up after
/// [`Quote::MAX_LINES`] lines, so that it cannot hide the rest of the document's headings.
#[derive(Debug, Default)]
pub(super) struct Quote {
    /// Quotation marks open, and the line index of the first.
    open: Option<(usize, usize)>,
}

impl Quote {
    /// The most lines a quotation runs.
    const MAX_LINES: usize = 100;

    /// True inside a quotation.
    pub(super) fn open(&self) -> bool {
        self.open.is_some()
    }

    /// Takes in the quotation marks of line `i`'s text.
    pub(super) fn read(&mut self, text: &str, i: usize) {
        if self.open.is_some_and(|(_, at)| i > at + Self::MAX_LINES) {
            self.open = None;
        }
        // `“` and `”` are E2 80 9C and E2 80 9D: most lines hold no E2 byte at all.
        if memchr::memchr(0xE2, text.as_bytes()).is_none() {
            return;
        }
        if self.open.is_none() && !text.starts_with('“') {
            return;
        }
        let opens = text.matches('“').count();
        let closes = text.matches('”').count();
        let depth = self.open.map_or(0, |(d, _)| d) + opens;
        self.open = match depth.checked_sub(closes) {
            Some(d) if d > 0 => Some((d, self.open.map_or(i, |(_, at)| at))),
            _ => None,
        };
    }
}

/// Final characters that close a sentence or an item.
pub(super) fn ends_closed(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '"', '’', ')', '*', ' ']);
    t.ends_with(['.', ';', ':', '!', '?', '…'])
}

/// True when a paragraph ends on a word that needs more after it (`tại`, `theo`, `khoản 2`):
/// the next line goes on with the sentence even when it opens with a number or `Điều`.
pub(super) fn ends_on_connective(text: &str, title: bool) -> bool {
    if title || ends_closed(text) {
        return false;
    }
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    tables::CONNECTIVE_WORDS.contains(&last)
        || last.chars().all(|c| c.is_ascii_digit()) && tables::CONNECTIVE_WORDS.contains(&before)
}

/// A cut token: `19-` or `117/QĐ-` before `NQ/TW` or `UBND`.
pub(super) fn cut_token(prev: &str, next: &str) -> bool {
    let before = prev.trim_end();
    let Some(last) = before.chars().last() else {
        return false;
    };
    if !matches!(last, '-' | '/') {
        return false;
    }
    let ch = before[..before.len() - 1].chars().last();
    ch.is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().any(|c| c.is_uppercase()) && w.len() <= 24)
}

/// Whether a new text line continues the previous block, and how.
///
/// `connective` answers `ends_on_connective` of the block's text, which the caller works out
/// once per line: asked only when the line's first character does not settle it.
pub(super) fn continues(
    cx: &Context<'_>,
    last: &Last,
    line: &Line<'_>,
    gap: bool,
    connective: impl FnOnce() -> bool,
) -> Option<Option<JoinReason>> {
    let prev = &cx.texts[last.text].text;
    let next = line.text.as_ref();
    // `QUYẾT ĐỊNH:` stands alone, even after a preamble item cut short by a comma.
    if next.ends_with(':') && super::is_enacting(next) {
        return None;
    }
    if cut_token(prev, next) {
        return Some(Some(JoinReason::SplitToken));
    }
    if last.title && (gap || cx.format == Format::Markdown) {
        return None;
    }
    // A line longer than a page's is a paragraph written on one line: the text is not wrapped,
    // and neither is the title above it. (Counted only past the bytes such a line must have.)
    if last.title && next.len() > UNWRAPPED_LINE && next.chars().count() > UNWRAPPED_LINE {
        return None;
    }
    let open = !ends_closed(prev);
    // A sentence going on: a lower-case word, a figure (`2.594 hồ sơ`), or anything after a
    // word a sentence cannot end on (`tại khoản` / `4 Điều này`).
    let starts_lower =
        next.chars().next().is_some_and(|c| {
            c.is_lowercase() || c.is_ascii_digit() || matches!(c, ',' | ';' | ')')
        }) || connective();
    let piece_len = || piece_len(prev.get(last.piece_start..).unwrap_or_default());
    // `Căn cứ …;` and `Theo đề nghị …` open an item of the preamble of their own, after the
    // authority line in capitals or the item before, even where Markdown would run the lines
    // into one paragraph.
    let piece = prev.get(last.piece_start..).unwrap_or_default();
    if (tables::BASIS_OPENINGS.iter().any(|o| next.starts_with(o))
        || tables::PROPOSAL_OPENINGS
            .iter()
            .any(|o| next.starts_with(o)))
        && (prev.trim_end().ends_with([';', '.', ':']) || crate::parse::layout::is_upper(piece))
    {
        return None;
    }
    if !gap {
        if cx.format == Format::Markdown {
            return (!last.title).then_some(None);
        }
        return (open && (starts_lower || piece_len() >= 60)).then_some(None);
    }
    (open && (starts_lower || piece_len() >= 80)).then_some(Some(JoinReason::PageBreak))
}

/// Adds a paragraph or list item for line `i`; `marker` is [`bullet`] of its text.
pub(super) fn paragraph<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
    marker: Option<(&str, &'a str)>,
) {
    let lines = cx.lines;
    let line = &lines[i];
    let (kind, marker, piece) = match marker {
        Some((m, rest)) => (BlockKind::ListItem, Some(m.to_owned()), rest),
        None => (BlockKind::Paragraph, None, line.text.as_ref()),
    };
    let text = piece.to_owned();
    if b.mode == Mode::Main && !b.in_closing && (!b.stack.is_empty() || !b.top.is_empty()) {
        b.in_closing = tables::CLOSING_OPENINGS.iter().any(|o| text.starts_with(o));
        if b.in_closing {
            b.close_to(0);
        }
    }
    if text.trim_end().ends_with("./.") {
        doc.end_marker = Some(line.no());
    }
    let text_index = cx.remember(TextSource::borrowed(piece, line.no()));
    let (list, path) = b.container();
    push_index(path, list.len());
    list.push(Paragraph {
        kind,
        marker,
        text,
        rows: None,
        line: line.no(),
        end_line: line.no(),
        joins: Vec::new(),
        span: line.span(),
    });
    cx.claim_line(path.as_str(), i);
    b.last = Some(Last {
        text: text_index,
        piece_start: 0,
        title: false,
    });
    b.last_line = line.no();
}

/// Appends `piece` to a block's text: after a space, or glued to it for a cut token.
///
/// `exact` for the first joins of a block ([`EXACT_JOINS`]): the room for the piece is reserved
/// exactly, since most joined blocks have a few pieces (a `String` grown by a push doubles, and a
/// text of three lines would keep about twice its length). Later joins grow as usual, so a block
/// of many lines costs time in proportion to its length.
pub(super) fn extend(text: &mut String, piece: &str, glued: bool, exact: bool) {
    if exact {
        text.reserve_exact(1 + piece.len());
    }
    if glued {
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
    } else {
        text.push(' ');
    }
    text.push_str(piece);
}

/// How many joins of a block reserve exactly the room for their piece ([`extend`]).
const EXACT_JOINS: usize = 4;

/// Joins line `i` into the last block.
///
/// The block's text in the tree and its copy in `cx.texts` are equal and both are extended in
/// place, so a paragraph of many lines costs time in proportion to its length.
pub(super) fn join(
    cx: &mut Context<'_>,
    doc: &mut Document,
    b: &mut Builder,
    last: &Last,
    i: usize,
    reason: Option<JoinReason>,
    gap: bool,
) {
    let lines = cx.lines;
    let line = &lines[i];
    let piece: &str = &line.text;
    let glued = reason == Some(JoinReason::SplitToken);
    if let Some(done) = b.joined.replace(last.text)
        && done != last.text
    {
        cx.retire(done);
    }
    let src = &mut cx.texts[last.text];
    let before = src.text.len();
    let exact = src.later_pieces() < EXACT_JOINS;
    // A text still borrowed from its line is copied here, with room for the piece.
    if let Cow::Borrowed(t) = src.text {
        let mut owned = String::with_capacity(t.len() + 1 + piece.len());
        owned.push_str(t);
        src.text = Cow::Owned(owned);
    }
    extend(src.text.to_mut(), piece, glued, exact);
    let piece_start = src.text.len() - piece.len();
    src.push_piece(piece_start, line.no());
    let joined: &str = &src.text;
    if joined.trim_end().ends_with("./.") {
        doc.end_marker = Some(line.no());
    }
    let recorded = reason
        .filter(|r| gap || *r == JoinReason::SplitToken)
        .map(|reason| Join {
            line: line.no(),
            reason,
        });
    // The tree's copy started equal to `src.text` and only ever grows here, so extending it the
    // same way keeps them equal; a length mismatch (never seen) falls back to copying.
    let update = |text: &mut String| {
        if text.len() == before {
            extend(text, piece, glued, exact);
        }
        if text.len() != joined.len() {
            joined.clone_into(text);
        }
    };
    if last.title {
        match b.stack.last_mut() {
            Some(o) => {
                match o.section.title.as_mut() {
                    Some(title) => update(title),
                    None => o.section.title = Some(joined.to_owned()),
                }
                o.section.span = o.section.span.cover(line.span());
                cx.claim_line(b.paths.get(..o.path_len).unwrap_or_default(), i);
            }
            None => cx.claim_line("", i),
        }
    } else {
        let (list, path) = b.container();
        let index = list.len().saturating_sub(1);
        if let Some(p) = list.last_mut() {
            update(&mut p.text);
            p.end_line = line.no();
            p.span = p.span.cover(line.span());
            p.joins.extend(recorded);
        }
        push_index(path, index);
        cx.claim_line(path.as_str(), i);
    }
    b.last = Some(Last {
        text: last.text,
        piece_start,
        title: last.title,
    });
    b.last_line = line.no();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_lines_build_one_text() {
        let doc = crate::parse(
            "BÁO CÁO\nKết quả năm 2024\n\n\
             I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN TỈNH\n\
             và phương hướng năm 2025\n\
             Thực hiện Quyết định số 117/QĐ-\n\
             UBND ngày 5/3/2021 của Ủy ban nhân dân tỉnh về việc triển khai công tác cải cách\n\
             trên địa bàn, các đơn vị đã\n\
             hoàn thành./.\n",
        );
        let s = &doc.sections[0];
        assert_eq!(
            s.title.as_deref(),
            Some(
                "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN TỈNH \
                 và phương hướng năm 2025"
            ),
            "a title goes on on the next line"
        );
        let p = &s.paragraphs[0];
        assert_eq!(
            p.text,
            "Thực hiện Quyết định số 117/QĐ-UBND ngày 5/3/2021 của Ủy ban nhân dân tỉnh về việc \
             triển khai công tác cải cách trên địa bàn, các đơn vị đã hoàn thành./.",
            "a cut token is glued, other lines joined with a space"
        );
        assert_eq!((p.line, p.end_line), (6, 9));
        assert_eq!(p.joins.len(), 1);
        assert_eq!(p.joins[0].reason, JoinReason::SplitToken);
        assert_eq!(doc.end_marker, Some(9));
    }

    #[test]
    fn piece_len_is_exact_up_to_the_cap() {
        assert_eq!(piece_len(""), 0);
        assert_eq!(piece_len("Hà Nội"), 6);
        let a = "ệ".repeat(79);
        assert_eq!(piece_len(&a), 79, "237 bytes, 79 chars");
        assert_eq!(piece_len(&"ệ".repeat(80)), PIECE_LEN_CAP);
        assert_eq!(piece_len(&"a".repeat(5000)), PIECE_LEN_CAP);
        let wide = "𝐀".repeat(79);
        assert_eq!(piece_len(&wide), 79, "316 bytes of four-byte chars");
        for n in 0..200 {
            let s = "ư".repeat(n);
            assert_eq!(piece_len(&s), n.min(PIECE_LEN_CAP), "{n}");
        }
    }

    #[test]
    fn list_markers() {
        for m in BULLETS {
            assert!(m.bytes().next().is_some_and(may_be_bullet), "{m:?}");
        }
        assert_eq!(bullet("- Sở Nội vụ"), Some(("-", "Sở Nội vụ")));
        assert_eq!(bullet("-\tSở"), Some(("-", "Sở")));
        assert_eq!(bullet("• Một"), Some(("•", "Một")));
        assert_eq!(bullet("· Hai"), Some(("·", "Hai")));
        assert_eq!(bullet("— Ba"), Some(("—", "Ba")));
        assert_eq!(bullet("-Sở"), Some(("-", "Sở")));
        assert_eq!(bullet("-sở"), None);
        assert_eq!(bullet("Sở - Ban"), None);
        assert_eq!(bullet(""), None);
    }

    #[test]
    fn a_page_break_inside_a_sentence_is_joined_and_recorded() {
        let doc = crate::parse(
            "BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\n\
             Trong năm, Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành triển khai thực hiện\n\n\
             - 2 -\n\n\
             nhiều nhiệm vụ trọng tâm.\n",
        );
        let p = &doc.sections[0].paragraphs[0];
        assert!(
            p.text
                .ends_with("triển khai thực hiện nhiều nhiệm vụ trọng tâm."),
            "{p:?}"
        );
        assert_eq!(p.joins.len(), 1);
        assert_eq!(p.joins[0].reason, JoinReason::PageBreak);
        assert_eq!(p.joins[0].line, 9);
    }

    #[test]
    fn a_closed_sentence_is_not_joined() {
        let doc = crate::parse(
            "BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nĐã hoàn thành kế hoạch.\nNăm 2025 tiếp tục.\n",
        );
        let texts: Vec<&str> = doc.sections[0]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(texts, ["Đã hoàn thành kế hoạch.", "Năm 2025 tiếp tục."]);
    }

    #[test]
    fn a_line_after_a_connective_goes_on_with_the_sentence() {
        // `… quy định tại` / `Điều 10 …`: a wrapped reference, not a heading.
        let doc = crate::parse(
            "BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nThực hiện theo quy định tại\nĐiều 10. Luật Cán bộ\n",
        );
        let s = &doc.sections[0];
        assert!(s.children.is_empty(), "{s:?}");
        assert_eq!(
            s.paragraphs[0].text,
            "Thực hiện theo quy định tại Điều 10. Luật Cán bộ"
        );
    }
    #[test]
    fn a_title_does_not_take_in_a_paragraph_written_on_one_line() {
        let long = "Xây dựng và phê duyệt đề án tổ chức các phòng chuyên môn thuộc Ủy ban nhân dân \
                    cấp xã theo hướng tinh gọn, hiệu quả, phù hợp với quy định.";
        let doc = super::super::tests::parse_text(&format!(
            "KẾ HOẠCH\nTriển khai nhiệm vụ\n\nI. NHIỆM VỤ\n\
             2. Hoàn thiện cơ cấu tổ chức, chức năng giải quyết thủ tục tại cấp xã\n{long}\n"
        ));
        let s = &doc.sections[0].children[0];
        assert_eq!(
            s.title.as_deref(),
            Some("Hoàn thiện cơ cấu tổ chức, chức năng giải quyết thủ tục tại cấp xã")
        );
        assert_eq!(s.paragraphs[0].text, long);
    }
}
