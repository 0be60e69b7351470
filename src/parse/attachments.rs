//! Attached documents: the Quy chế, Quy định, Điều lệ, Kế hoạch, Chương trình or Đề án that a
//! Quyết định issues, or the form letter a Công văn sends, carried after the main document's
//! signature.
//!
//! ## Grammar
//! ```text
//! attachment  ::= furniture* header? TYPE_NAME subject attached_to? body closing?
//! furniture   ::= page number | gazette page header | signature stamp | short stray line
//! header      ::= the header of the main document, repeated (issuer, national title, motto, Số:)
//! attached_to ::= "(" ["Ban hành"] "kèm theo" citation ")"   ; may wrap over lines
//! ```
//! An attachment starts where a header block stands (an upper-case line holding or followed within
//! three lines by the national or the Party title) or where a type name in capitals stands with a
//! `(… kèm theo …)` line below it. After a signature a type name alone is enough: nothing but an
//! attached document puts a title there. Phụ lục stay appendices.
//!
//! It is read by the same zones as the main document, into a document of its own; the claims
//! those zones make are then moved under `/attachments/N` ([`crate::parse::Ledger::rebase`]), so
//! the source map names the attachment's nodes and nothing is read twice.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.5 (văn bản ban hành kèm theo), Mục III.1 (Phụ lục).

use crate::lex::Line;
use crate::model::{AttachedTo, Attachment, Document, Header};
use crate::parse::layout::{self, artifact_kind, is_appendix_start, is_upper, title_type};
use crate::parse::zones::{body, closing, header, title};
use crate::parse::{Context, TextSource};
use crate::tables;

/// How many non-blank lines of page furniture may stand between a signature and the attachment
/// after it (a page number, two gazette lines, a three-line signature stamp, a stray bracket).
const FURNITURE: usize = 12;

/// Where an attachment starts at or after `at`, looking over page furniture: the index of its
/// first line (header block or title), or `None`.
pub fn start_after(cx: &Context<'_>, at: usize) -> Option<usize> {
    let mut seen = 0;
    let mut i = at;
    while i < cx.lines.len() && seen <= FURNITURE {
        let line = &cx.lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        if opens_at(cx, i) {
            return Some(i);
        }
        if is_appendix_start(line) || closing::starts_here(cx, i) {
            return None;
        }
        // Furniture is short: a sentence of the body here means no attachment follows.
        if artifact_kind(line, cx.format).is_none() && line.text.chars().count() > 120 {
            return None;
        }
        seen += 1;
        i += 1;
    }
    None
}

/// True when line `i` opens an attachment in the middle of the body, where no signature was
/// found before it: a repeated header block with a type name in capitals below it, or a type
/// name with its `(… kèm theo …)` line. The body stops there, once it has read something (a
/// header block right under the title is the main document's own, laid out oddly).
pub fn starts_here(cx: &Context<'_>, i: usize) -> bool {
    let t = cx.lines[i].text.as_ref();
    // Both openings are lines in capitals ([`titled_at`] and [`header_block_at`] ask first);
    // most body lines are not: a one-byte test, then the count of capitals, once here rather
    // than after each opening's other tests (a type name looked up on every line).
    if t.as_bytes().first().is_none_or(|b| b.is_ascii_lowercase()) || !is_upper(t) {
        return false;
    }
    let body_read = cx.ledger.last_path().is_some_and(|p| {
        ["/sections", "/preamble", "/closing", "/addressees"]
            .iter()
            .any(|k| p.starts_with(k))
    });
    body_read
        && (titled_at(cx, i, true)
            || header_block_under_capitals(cx, i)
                && cx.lines[i + 1..]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .take(8)
                    .any(|l| title_type(&l.text).is_some() && is_upper(&l.text)))
}

/// True when an attached document opens at line `i`: a header block, or a type name in
/// capitals. Asked by the closing, after a signature or recipients.
pub fn opens_at(cx: &Context<'_>, i: usize) -> bool {
    header_block_at(cx, i) || titled_at(cx, i, false) || named_at(cx, i)
}

/// An upper-case line holding the national or Party title, or an upper-case issuer line with one
/// within the next three non-blank lines.
fn header_block_at(cx: &Context<'_>, i: usize) -> bool {
    is_upper(&cx.lines[i].text) && header_block_under_capitals(cx, i)
}

/// [`header_block_at`] of a line known to be in capitals (its letters not counted again).
fn header_block_under_capitals(cx: &Context<'_>, i: usize) -> bool {
    let line = &cx.lines[i];
    if holds_state_title(line) {
        return true;
    }
    if title_type(&line.text).is_some()
        || line.text.chars().count() > 80
        || crate::grammar::authority(&line.text).is_some()
    {
        return false;
    }
    // The issuer's lines, all in capitals, down to the title: a signer's position above a name
    // in lower case (`THỨ TRƯỞNG` / `Mai Lương Khôi`) is not one.
    for l in cx.lines[i + 1..].iter().filter(|l| !l.is_blank()).take(3) {
        if holds_state_title(l) {
            return true;
        }
        if !is_upper(&l.text) {
            return false;
        }
    }
    false
}

/// The line holds the national title or the Party title, beside an issuer or alone.
fn holds_state_title(line: &Line<'_>) -> bool {
    header::holds_state_title(&line.text)
}

/// A type name in capitals at `i` (not `PHỤ LỤC`); with `need_attached_to`, only when a
/// `(… kèm theo …)` line follows within five non-blank lines.
fn titled_at(cx: &Context<'_>, i: usize, need_attached_to: bool) -> bool {
    let line = &cx.lines[i];
    if is_appendix_start(line) || title_type(&line.text).is_none() || !is_upper(&line.text) {
        return false;
    }
    !need_attached_to
        || cx.lines[i + 1..]
            .iter()
            .filter(|l| !l.is_blank())
            .take(5)
            .any(|l| layout::opens_attached_to(&l.text))
}

/// True when an attached document whose title is no type name opens at line `i`, after the
/// main document's closing: lines in capitals, at most three, right above its `(Ban hành theo
/// Quyết định số …)` line (`CHẾ ĐỘ KẾ TOÁN` / `ÁP DỤNG CHO …` / `(Ban hành theo …)`). An
/// appendix's label (`PHỤ LỤC 1`) opens an appendix instead.
fn named_at(cx: &Context<'_>, i: usize) -> bool {
    let lines = &cx.lines[i..];
    let title = lines
        .iter()
        .take(NAMED_TITLE_LINES)
        .take_while(|l| {
            !l.is_blank()
                && is_upper(&l.text)
                && !is_appendix_start(l)
                && !layout::opens_attached_to(&l.text)
        })
        .count();
    title > 0
        && lines
            .get(title)
            .is_some_and(|l| layout::opens_attached_to(&l.text))
}

/// Lines at most of an attached document's title that is no type name.
const NAMED_TITLE_LINES: usize = 3;

/// Reads an attachment if one starts at or after `at` (over page furniture, which is recorded as
/// artifacts); returns where it stopped, or `at` when none starts there.
pub fn parse(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    let Some(start) = start_after(cx, at) else {
        return at;
    };
    for i in at..start {
        let line = &cx.lines[i];
        if let Some(kind) = (!line.is_blank())
            .then(|| artifact_kind(line, cx.format))
            .flatten()
        {
            cx.artifact_line(doc, kind, i);
        }
    }
    let index = doc.attachments.len();
    let mark = cx.ledger.fence();
    let mut sub = crate::parse::stages::empty(cx);
    let mut i = if header_block_at(cx, start) {
        header::parse_from(cx, &mut sub, start)
    } else {
        start
    };
    i = title::parse(cx, &mut sub, i);
    if sub.title.is_none() {
        i = named_title(cx, &mut sub, i);
    }
    let attached_to;
    (attached_to, i) = claim_attached_to(cx, i);
    i = body::parse_main(cx, &mut sub, i);
    i = closing::parse(cx, &mut sub, i);
    let mut prefix = String::from("/attachments");
    crate::parse::push_index(&mut prefix, index);
    cx.ledger
        .rebase(mark, &prefix, doc.artifacts.len(), doc.footnotes.len());
    doc.artifacts.append(&mut sub.artifacts);
    doc.footnotes.append(&mut sub.footnotes);
    let first = &cx.lines[start];
    let last = cx.lines[start..i.min(cx.lines.len())]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .unwrap_or(first);
    let has_header = sub.header != Header::default();
    doc.attachments.push(Attachment {
        header: has_header.then_some(sub.header),
        title: sub.title,
        attached_to,
        addressees: sub.addressees,
        preamble: sub.preamble,
        sections: sub.sections,
        closing: sub.closing,
        signature: sub.signature,
        recipients: sub.recipients,
        archive: sub.archive,
        line: first.no(),
        end_line: last.no(),
        span: first.span().cover(last.span()),
    });
    i
}

/// The title of an attached document that names itself in sentence case rather than with a type
/// name in capitals (`Tập hệ thống hóa văn bản quy phạm pháp luật còn hiệu lực …`, `Danh mục …`):
/// the lines from `at` up to its `(… kèm theo …)` line, at most three, none blank. Its name
/// ([`tables::ATTACHMENT_NAMES`]) is the type name as written, the rest the subject. Returns the
/// line after it, or `at` when no `(… kèm theo …)` line follows.
fn named_title(cx: &mut Context<'_>, sub: &mut Document, at: usize) -> usize {
    let Some(first) = cx.next_non_blank(at) else {
        return at;
    };
    let Some(to) = (first..cx.lines.len().min(first + 4))
        .take_while(|&k| !cx.lines[k].is_blank())
        .find(|&k| layout::opens_attached_to(&cx.lines[k].text))
        .filter(|&k| k > first)
    else {
        return at;
    };
    let mut text = String::new();
    let mut source = TextSource::default();
    for k in first..to {
        if !text.is_empty() {
            text.push(' ');
        }
        source.push_piece(text.len(), cx.lines[k].no());
        text.push_str(cx.lines[k].text.trim());
        cx.claim_line("/title", k);
    }
    let name = tables::ATTACHMENT_NAMES
        .iter()
        .find(|n| text.starts_with(**n))
        .map(|n| (*n).to_owned());
    let subject = name
        .as_ref()
        .map_or(text.as_str(), |n| text[n.len()..].trim_start())
        .to_owned();
    source.text = text.into();
    cx.remember(source);
    let (line, last) = (&cx.lines[first], &cx.lines[to - 1]);
    sub.title = Some(crate::model::Title {
        type_name: name,
        type_code: None,
        subject: (!subject.is_empty()).then_some(subject),
        inferred: false,
        line: line.no(),
        end_line: last.no(),
        span: line.span().cover(last.span()),
        name_span: crate::model::Span::default(),
        footnote: None,
    });
    to
}

/// The `(Ban hành kèm theo Quyết định số … ngày …)` line at or after `at` (one blank line allowed
/// before it), wrapped over at most three lines up to its closing parenthesis; with the index of
/// the line after it.
fn attached_to(cx: &Context<'_>, at: usize) -> Option<(AttachedTo, usize)> {
    let first = cx.next_non_blank(at).filter(|&k| k <= at + 1)?;
    let line = &cx.lines[first];
    if !layout::opens_attached_to(&line.text) {
        return None;
    }
    let mut text = line.text.to_string();
    let mut last = first;
    while !text.trim_end().ends_with(')') && last + 1 < cx.lines.len() && last < first + 2 {
        let next = &cx.lines[last + 1];
        if next.is_blank() || layout::opens_attached_to(&next.text) {
            break;
        }
        text.push(' ');
        text.push_str(next.text.trim());
        last += 1;
    }
    Some((
        AttachedTo {
            text,
            citation: None,
            line: line.no(),
            end_line: cx.lines[last].no(),
            span: line.span().cover(cx.lines[last].span()),
        },
        last + 1,
    ))
}

/// Reads the `(… kèm theo …)` line at or after `at` when there is one, and claims it for
/// `/attached_to` (of the document, or of the attachment being read); returns it with the
/// index of the line after it (`at` when there is none).
pub fn claim_attached_to(cx: &mut Context<'_>, at: usize) -> (Option<AttachedTo>, usize) {
    let Some((a, end)) = attached_to(cx, at) else {
        return (None, at);
    };
    for k in at..end {
        if !cx.lines[k].is_blank() {
            cx.claim_line("/attached_to", k);
        }
    }
    cx.remember(TextSource::new(&a.text, a.line));
    (Some(a), end)
}

/// Names the citation of each `attached_to` line, the document's own and its attachments': the
/// one read on that line (called once the citations are collected).
pub fn link_citations(doc: &mut Document) {
    let citations = &doc.citations;
    let lines = doc.attached_to.iter_mut().chain(
        doc.attachments
            .iter_mut()
            .filter_map(|a| a.attached_to.as_mut()),
    );
    for to in lines {
        to.citation = citations
            .iter()
            .find(|c| {
                // A title flattened onto the same line cites other documents before it.
                (to.line..=to.end_line).contains(&c.line)
                    && c.number.is_some()
                    && to.text.contains(c.text.as_str())
            })
            .and_then(|c| c.id.as_deref().map(str::to_owned));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::PreambleKind;
    use crate::parse;

    const DECISION: &str = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
Độc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND\nLâm Đồng, ngày 3 tháng 4 năm 2024\n\
QUYẾT ĐỊNH\nBan hành Quy chế làm việc của Tổ công tác\n\
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\n\
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Tổ công tác.\n\
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\
Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n\n7\n\n\
ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n\
QUY CHẾ\nLàm việc của Tổ công tác\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 3 tháng 4\n\
năm 2024 của Ủy ban nhân dân tỉnh)\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n\
Quy chế này quy định việc làm của Tổ.\nĐiều 2. Thành viên\n1. Tổ trưởng.\n2. Các tổ viên.\n\
Chương II\nTỔ CHỨC THỰC HIỆN\nĐiều 3. Trách nhiệm thi hành\nCác thành viên thực hiện Quy chế này./.\n";

    #[test]
    fn an_attached_regulation_is_read_with_its_own_header_title_and_articles() {
        let doc = parse(DECISION);
        assert_eq!(doc.attachments.len(), 1, "{:#?}", doc.unrecognized);
        let a = &doc.attachments[0];
        let title = a.title.as_ref().expect("a title");
        assert_eq!(title.type_name.as_deref(), Some("QUY CHẾ"));
        assert_eq!(title.subject.as_deref(), Some("Làm việc của Tổ công tác"));
        let header = a.header.as_ref().expect("the repeated header");
        assert!(header.national_title.is_some());
        let to = a.attached_to.as_ref().expect("the attached-to line");
        assert!(
            to.text.ends_with("của Ủy ban nhân dân tỉnh)"),
            "{}",
            to.text
        );
        let cited = doc
            .citations
            .iter()
            .find(|c| {
                Some(c)
                    == doc
                        .citations
                        .iter()
                        .find(|c| c.id.as_deref() == to.citation.as_deref())
                        .as_ref()
            })
            .expect("the citation it names");
        assert_eq!(cited.number.as_deref(), Some("12"));
        let chapters: Vec<&str> = a.sections.iter().map(|s| &*s.label).collect();
        assert_eq!(chapters, ["Chương I", "Chương II"]);
        assert_eq!(a.sections[0].children.len(), 2);
        // The main document keeps its own signature and recipients.
        let sig = doc.signature.as_ref().expect("the main signature");
        assert_eq!(sig.name.as_deref(), Some("Trần Văn An"));
        assert_eq!(doc.recipients.len(), 1);
        assert!(doc.unrecognized.is_empty(), "{:#?}", doc.unrecognized);
        assert!(
            doc.source_map
                .iter()
                .any(|e| e.path == "/attachments/0/sections/1/children/0")
        );
        assert!(
            doc.source_map
                .iter()
                .any(|e| e.path == "/attachments/0/header/national_title")
        );
    }

    #[test]
    fn a_page_number_between_signature_and_attachment_is_an_artifact() {
        let doc = parse(DECISION);
        assert!(
            doc.artifacts.iter().any(|a| a.text == "7"),
            "{:#?}",
            doc.artifacts
        );
    }

    #[test]
    fn a_body_without_a_signature_stops_at_a_repeated_header() {
        let text = DECISION.replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n", "");
        let doc = parse(&text);
        assert_eq!(doc.attachments.len(), 1);
        assert_eq!(doc.sections.len(), 2, "main articles only");
    }

    #[test]
    fn a_copy_without_its_signature_runs_straight_into_its_regulation() {
        // A legal database's decree: its signature and recipients dropped, the regulation it
        // issues right after its last article, opening with a preface.
        let text = "NGHỊ ĐỊNH\nVề việc ban hành Quy chế thực hiện dân chủ ở xã\n\nNGHỊ ĐỊNH:\n\n\
                    Điều 1. Ban hành kèm theo Nghị định này Quy chế thực hiện dân chủ ở xã.\n\n\
                    Điều 2. Nghị định này có hiệu lực sau 15 ngày kể từ ngày ký.\n\n\
                    QUY CHẾ\nTHỰC HIỆN DÂN CHỦ Ở XÃ\n(Ban hành kèm theo Nghị định số 29/1998/NĐ-CP\n\
                    ngày 11 tháng 5 năm 1998 của Chính phủ)\n\nLỜI NÓI ĐẦU\n\n\
                    Dân chủ là bản chất của chế độ và Nhà nước ta.\n\n\
                    CHƯƠNG I\nNHỮNG QUY ĐỊNH CHUNG\n\n\
                    Điều 1. Quy chế này quy định những việc chính quyền phải công khai.\n";
        let doc = parse(text);
        assert!(doc.unrecognized.is_empty(), "{:#?}", doc.unrecognized);
        assert_eq!(doc.sections.len(), 2, "the decree's own articles");
        assert_eq!(doc.attachments.len(), 1);
        let a = &doc.attachments[0];
        assert_eq!(
            a.title.as_ref().and_then(|t| t.type_name.as_deref()),
            Some("QUY CHẾ")
        );
        assert!(a.attached_to.is_some());
        let kinds: Vec<PreambleKind> = a.preamble.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [PreambleKind::Text, PreambleKind::Text],
            "a preface's heading names no authority"
        );
        assert_eq!(a.sections.len(), 1);
        assert_eq!(a.sections[0].children.len(), 1);
    }

    #[test]
    fn an_attachment_named_in_sentence_case_takes_its_name_as_type() {
        let head = DECISION.split("\n\n7\n\n").next().expect("the decision");
        let text = format!(
            "{head}\n\nỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\n\nTập hệ thống hóa văn bản còn hiệu lực\n\
             thuộc lĩnh vực nội vụ\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 3 tháng 4 \
             năm 2024)\n\nSTT\nTên văn bản\nGhi chú\n1.\nQuyết định số 5/QĐ-UBND\nCòn hiệu lực\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.attachments.len(), 1, "{:#?}", doc.unrecognized);
        let a = &doc.attachments[0];
        let title = a.title.as_ref().expect("its title");
        assert_eq!(title.type_name.as_deref(), Some("Tập hệ thống hóa"));
        assert_eq!(
            title.subject.as_deref(),
            Some("văn bản còn hiệu lực thuộc lĩnh vực nội vụ")
        );
        assert!(a.attached_to.as_ref().is_some_and(|t| t.citation.is_some()));
        let table = a.preamble.last().expect("the listing");
        assert_eq!(table.kind, crate::model::PreambleKind::Table);
        assert_eq!(table.rows.as_ref().map(Vec::len), Some(2));
        assert!(doc.unrecognized.is_empty());
    }

    #[test]
    fn an_attachment_titled_without_a_type_name_opens_at_its_title() {
        let head = DECISION.split("\n\n7\n\n").next().expect("the decision");
        let text = format!(
            "{head}\n\nCHẾ ĐỘ KẾ TOÁN\nÁP DỤNG CHO ĐƠN VỊ NGOÀI CÔNG LẬP\n\
             (Ban hành theo Quyết định số 12/QĐ-UBND\nngày 3/4/2024 của Ủy ban nhân dân tỉnh)\n\n\
             Phần thứ nhất\nQUY ĐỊNH CHUNG\n\nChương I\nPHẠM VI ÁP DỤNG\n\
             Điều 1. Các đơn vị áp dụng chế độ này.\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.attachments.len(), 1, "{:#?}", doc.unrecognized);
        let a = &doc.attachments[0];
        let title = a.title.as_ref().expect("its title");
        assert_eq!(title.type_name, None);
        assert_eq!(
            title.subject.as_deref(),
            Some("CHẾ ĐỘ KẾ TOÁN ÁP DỤNG CHO ĐƠN VỊ NGOÀI CÔNG LẬP")
        );
        assert!(a.attached_to.as_ref().is_some_and(|t| t.citation.is_some()));
        assert_eq!(a.sections.first().map(|s| &*s.label), Some("Phần thứ nhất"));
        assert!(doc.unrecognized.is_empty());
    }
}
