//! The title: type name (tên loại) and subject (trích yếu).
//!
//! ## Grammar
//! ```text
//! title    ::= TYPE_NAME [ subject_inline ] NL ( blank* subject_line{1,4} wrapped_line{0,4} )?
//! ```
//! The type name is one of [`crate::tables::DOC_TYPES`] in capitals; the subject may follow on
//! the same line (Word exports often join them) or on the next lines, and ends at a blank line
//! or at a line that opens the body. A công văn has no type line: its subject is the `V/v` line
//! of the header, and the title is inferred from it or from the number's shape.
//!
//! ## Examples
//! ```text
//! ## **BÁO CÁO** **thực hiện “Năm dân vận khéo” 2020**
//! QUYẾT ĐỊNH
//! Về việc phê duyệt Kế hoạch …
//! ```
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.5 (tên loại và trích yếu nội dung).

use crate::grammar;
use crate::model::{Document, Span, Title};
use crate::parse::layout::{self as header, is_upper};
use crate::parse::{Context, TextSource};
use crate::tables;

/// True when a line opens the body or another zone, so it cannot continue a subject.
pub fn opens_block(text: &str) -> bool {
    text.starts_with(tables::ADDRESSEE_LABEL)
        || tables::BASIS_OPENINGS.iter().any(|o| text.starts_with(o))
        || tables::PROPOSAL_OPENINGS
            .iter()
            .any(|o| text.starts_with(o))
        || text.starts_with(tables::RECIPIENTS_LABEL)
        || header::is_rule(text)
        || grammar::label(text).is_some()
        || grammar::authority(text).is_some()
        || text.starts_with(['-', '+', '•', '('])
}

/// Parses the title at or after `at`; returns the index of the first line after it.
pub fn parse(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    if doc.title.is_some() {
        // A công văn: the subject came with the header.
        return at;
    }
    let Some(i) = cx.next_non_blank(at) else {
        return at;
    };
    let line = &cx.lines[i];
    // A legal database's title line in sentence case names the type too (its header dropped).
    let Some(mut ty) =
        header::title_type(&line.text).or_else(|| header::database_title_type(&line.text))
    else {
        infer_cong_van(doc);
        return at;
    };
    // A type name of more words broken over two lines (`THÔNG TƯ` / `LIÊN TỊCH CỦA BỘ TÀI
    // CHÍNH …`): the rest of the name opens the next line, and what follows it is the title's.
    // The name's length on the type's own line, which the longer name does not fit.
    let own_len = ty.name.len();
    let mut continued: Option<(usize, &str)> = None;
    if let Some(next) = cx.lines.get(i + 1).filter(|_| {
        line.text
            .trim()
            .get(ty.name.len()..)
            .is_some_and(|r| r.trim().is_empty())
    }) {
        let head = next.text.trim();
        if let Some(longer) = tables::doc_type_by_name(&format!("{} {head}", ty.name))
            .filter(|l| l.name.len() > ty.name.len() && l.name.starts_with(ty.name))
        {
            let extra = longer.name.len() - ty.name.len() - 1;
            if let Some(rest) = head.get(extra..) {
                ty = longer;
                continued = Some((i + 1, rest.trim()));
            }
        }
    }
    let decision = matches!(
        ty.code,
        Some("QĐ" | "NQ" | "CT" | "NĐ" | "TT" | "TTLT" | "NQLT")
    );
    let t = line
        .text
        .trim_start_matches(|c: char| !crate::text::chars::is_alphanumeric(c));
    let after_name = &t[own_len..];
    // A footnote's marker glued to the name (`QUYẾT ĐỊNH1`) is no subject: kept as the title's.
    let without_marker = after_name.trim_start_matches(|c: char| c.is_ascii_digit());
    let footnote = (without_marker.len() < after_name.len())
        .then(|| after_name[..after_name.len() - without_marker.len()].to_owned());
    let inline = without_marker
        .trim()
        .trim_start_matches([':', '-', '–', '.'])
        .trim();
    let name_span = line.span_of(&t[..own_len]);
    let mut source = TextSource::default();
    let mut end = i;
    cx.claim_line("/title", i);
    if !inline.is_empty() {
        source.push_piece(0, line.no());
        source.text.to_mut().push_str(inline);
    }
    let mut j = i + 1;
    if let Some((k, rest)) = continued {
        cx.claim_line("/title", k);
        end = k;
        j = k + 1;
        if !rest.is_empty() {
            source.push_piece(0, cx.lines[k].no());
            source.text.to_mut().push_str(rest);
        }
    }
    // Whether the subject began on the type's own line(s).
    let inline = !source.text.is_empty();
    // Subject lines: after the type line (one blank line allowed before the first), consecutive,
    // at most four (eight when the lines after the fourth wrap a phrase), none opening the body.
    if !inline {
        while j < cx.lines.len() && cx.lines[j].is_blank() && j <= i + 2 {
            j += 1;
        }
    }
    let mut taken = 0;
    // A decision's subject ends where its enacting authority or its first `Căn cứ` stands: when
    // one is in sight, every line before it is the subject, however many (a correcting decision
    // names each document it corrects).
    let bounded = if decision && !inline {
        bounded_subject_end(cx, j)
    } else {
        None
    };
    while j < cx.lines.len() && (taken < 8 || bounded.is_some()) {
        let l = &cx.lines[j];
        let text = l.text.as_ref();
        if bounded.is_some_and(|end| j >= end) {
            break;
        }
        // Four lines hold a subject; a longer one goes on only with a wrapped phrase (a line
        // that starts in lower case), where a body's first sentence starts with a capital.
        // A legal database's title (`CỦA BỘ TÀI CHÍNH - … SỐ 176/1998/TTLT-…` / `NGÀY …`) goes
        // on in capitals up to its number and date, and its subject after them: no authority
        // stands inside it.
        let database_title = database_title_goes_on(&source.text, text);
        if bounded.is_none()
            && taken >= 4
            && !database_title
            && !text.chars().next().is_some_and(char::is_lowercase)
        {
            break;
        }
        if l.is_blank() || opens_block(text) || l.is_pipe_row() {
            break;
        }
        // The line right under the type name is the subject, long as it may be when a whole
        // subject stands on one line; a sentence that ends as one is body text.
        let limit = if taken == 0 && !inline { 500 } else { 250 };
        let chars = text.chars().count();
        let long_sentence =
            chars > limit || chars > 250 && text.ends_with(['.', ';']) || text.ends_with(':');
        // The enacting authority in capitals (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`) follows the
        // subject: the first line under the type name is the subject even in capitals (`BAN
        // HÀNH QUY ĐỊNH …`).
        let authority_line = decision && is_upper(text) && (taken > 0 || inline) && !database_title;
        if long_sentence || authority_line || (taken == 0 && !inline && !looks_like_subject(text)) {
            break;
        }
        if !source.text.is_empty() {
            source.text.to_mut().push(' ');
        }
        source.push_piece(source.text.len(), l.no());
        source.text.to_mut().push_str(text);
        cx.claim_line("/title", j);
        end = j;
        taken += 1;
        j += 1;
    }
    let subject = (!source.text.is_empty()).then(|| source.text.as_ref().to_owned());
    if subject.is_some() {
        cx.remember(source);
    }
    doc.title = Some(Title {
        type_name: Some(ty.name.to_owned()),
        type_code: ty.code.map(str::to_owned),
        subject,
        inferred: false,
        line: line.no(),
        end_line: cx.lines[end].no(),
        span: line.span().cover(cx.lines[end].span()),
        name_span,
        footnote,
    });
    end + 1
}

/// True when line `text` goes on with a legal database's title line read so far (`CỦA <issuer>
/// SỐ <number> NGÀY <date>`, broken over lines in capitals): the title opens with `CỦA`, and the
/// line brings its number (or the title so far ends on a dash or comma), or, the number taken,
/// its date (`NGÀY …`), or, the date taken with its subject begun after the year (`… NĂM 2004
/// VỀ VIỆC SỬA ĐỔI, BỔ SUNG`), more of that subject: any line but an enacting authority (the
/// blank line before the authority ends the title anyway).
fn database_title_goes_on(so_far: &str, text: &str) -> bool {
    let lower = so_far.trim().to_lowercase();
    if !lower.starts_with(&format!("{} ", tables::ISSUER_WORD)) {
        return false;
    }
    let number_word = format!("{} ", tables::NUMBER_WORD);
    let numbered = |t: &str| {
        t.match_indices(&number_word)
            .any(|(at, m)| t[at + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    let line = text.trim().to_lowercase();
    if !numbered(&lower) {
        return numbered(&line) || lower.ends_with(['-', '–', ',']);
    }
    let day = format!("{} ", tables::DAY_WORD);
    if !lower.contains(&format!(" {day}")) {
        return line.starts_with(&day);
    }
    let year = format!(" {}", tables::YEAR_WORD);
    let subject_begun = lower
        .find(&year)
        .and_then(|at| lower.get(at + year.len()..))
        .map(|after| {
            after
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
        })
        .is_some_and(|rest| rest.chars().any(char::is_alphabetic));
    subject_begun && crate::grammar::authority(text).is_none()
}

/// The longest subject a decision is read with: longer runs are not a subject but a body.
const BOUNDED_SUBJECT_LINES: usize = 16;

/// The line where a decision's long subject ends, when its end is in sight: a run of more than
/// four subject-like lines (no blank line, none opening a block or ending a sentence) that stops
/// at the enacting authority in capitals or at the first `Căn cứ`. `None` when the run stops in
/// any other way, or is short enough for the ordinary reading.
fn bounded_subject_end(cx: &Context<'_>, from: usize) -> Option<usize> {
    let last = cx.lines.len().min(from + BOUNDED_SUBJECT_LINES + 1);
    for k in from..last {
        let text = cx.lines[k].text.as_ref();
        let ends_here = k > from
            && (tables::BASIS_OPENINGS.iter().any(|o| text.starts_with(o)) || is_upper(text));
        if ends_here {
            return (k - from > 4).then_some(k);
        }
        let chars = text.chars().count();
        if cx.lines[k].is_blank()
            || opens_block(text)
            || cx.lines[k].is_pipe_row()
            || chars > 250
            || text.ends_with(['.', ';', ':'])
        {
            return None;
        }
    }
    None
}

/// A subject reads as a phrase: it does not end a sentence with a full stop (except after a
/// short phrase) and is not a greeting or a table.
fn looks_like_subject(text: &str) -> bool {
    let n = text.chars().count();
    n > 0 && (n <= 160 || !text.ends_with('.'))
}

/// A document with a number but no type line, whose symbol has no type code, is a công văn.
fn infer_cong_van(doc: &mut Document) {
    let Some(r) = &doc.header.reference else {
        return;
    };
    if r.type_code.is_none()
        && r.issuer_code
            .as_deref()
            .is_some_and(|c| !c.starts_with("QH"))
        && r.year.is_none()
    {
        doc.title = Some(Title {
            type_name: Some("CÔNG VĂN".to_owned()),
            type_code: None,
            subject: None,
            inferred: true,
            line: r.line,
            end_line: r.line,
            span: r.span,
            name_span: Span::default(),
            footnote: None,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_database_title_runs_to_its_number_and_date() {
        // The type's name broken over two lines, the issuers over two more, the date on a fourth:
        // all of it the title; the authority under it is not.
        let text = "THÔNG TƯ\nLIÊN TỊCH CỦA BỘ TÀI CHÍNH - CÔNG NGHIỆP -\n\
                    TỔNG CỤC HẢI QUAN SỐ 176/1998/TTLT-BTC-BCN-TCHQ\n\
                    NGÀY 25 THÁNG 12 NĂM 1998 HƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ\n\n\
                    Căn cứ ý kiến của Thủ tướng Chính phủ;\n";
        let doc = crate::parse(text);
        let title = doc.title.as_ref().expect("a title");
        assert_eq!(
            (
                title.type_code.as_deref(),
                title.type_name.as_deref(),
                title.end_line
            ),
            (Some("TTLT"), Some("THÔNG TƯ LIÊN TỊCH"), 4)
        );
        assert!(
            title
                .subject
                .as_deref()
                .is_some_and(|s| s.starts_with("CỦA BỘ TÀI CHÍNH") && s.contains("NGÀY 25")),
            "{:?}",
            title.subject
        );
        // The subject begun after the date goes on over its lines in capitals, up to the blank
        // line before the enacting authority.
        let doc = crate::parse(
            "QUYẾT ĐỊNH\nCỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 115/2004/QĐ-TTG\n\
             NGÀY 25 THÁNG 6 NĂM 2004 VỀ VIỆC SỬA ĐỔI, BỔ SUNG\n\
             QUY CHẾ THÀNH LẬP, TỔ CHỨC VÀ HOẠT ĐỘNG CỦA\nQUỸ BẢO LÃNH TÍN DỤNG\n\
             BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 193/2001/QĐ-TTG\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\
             Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n",
        );
        assert_eq!(doc.title.as_ref().expect("a title").end_line, 6);
        assert_eq!(
            doc.preamble.first().map(|p| (p.text.as_str(), p.line)),
            Some(("THỦ TƯỚNG CHÍNH PHỦ", 8))
        );
        // A decision's issuer in its title is no database title: the authority stays apart.
        let doc = crate::parse(
            "QUYẾT ĐỊNH\nCỦA BỘ TRƯỞNG BỘ TÀI CHÍNH\nVề việc ban hành chế độ kế toán\n\
             BỘ TRƯỞNG BỘ TÀI CHÍNH\nCăn cứ Nghị định số 15/CP;\n",
        );
        assert_eq!(doc.title.expect("a title").end_line, 3);
    }

    #[test]
    fn a_decisions_subject_runs_to_its_enacting_authority() {
        // Nine subject lines, some starting with a capital (`Thông tư số …`): all the subject,
        // because the authority in capitals closes it.
        let subject = "Về việc đính chính Thông tư số 1/2025/TT-BA\nvà Thông tư số 2/2025/TT-BA \
                       quy định\nchi tiết một số điều của\nThông tư số 3/2024/TT-BA ngày 1 \
                       tháng 2 năm 2024\nhướng dẫn quản lý\nvà Thông tư số 4/2025/TT-BA sửa \
                       đổi\nmột số điều của Thông tư số 5/2023/TT-BA\nđược sửa đổi bởi\n\
                       Thông tư số 6/2024/TT-BA";
        let text = format!(
            "QUYẾT ĐỊNH\n{subject}\nBỘ TRƯỞNG BỘ A\nCăn cứ Thông tư số 6/2024/TT-BA ngày 3 \
             tháng 4 năm 2024;\nQUYẾT ĐỊNH:\nĐiều 1. Đính chính.\n"
        );
        let doc = crate::parse(&text);
        let title = doc.title.as_ref().expect("a title");
        assert_eq!(title.end_line, 10, "nine subject lines under the type name");
        assert!(
            title
                .subject
                .as_deref()
                .is_some_and(|s| s.ends_with("6/2024/TT-BA"))
        );
        // When a blank line comes before the authority, the ordinary reading holds: past the
        // fourth line only wrapped (lower-case) lines go on, so `Thông tư số 6/…` is not taken.
        let doc = crate::parse(&text.replace("BỘ TRƯỞNG BỘ A\n", "\n"));
        assert_eq!(doc.title.expect("a title").end_line, 9);
    }

    #[test]
    fn a_long_subject_goes_on_while_its_lines_wrap_a_phrase() {
        let subject = "Về việc ban hành Quy chế phối hợp giữa Sở Nội vụ\nvà các cơ quan, đơn vị trong \
                       công tác\nthi đua, khen thưởng theo Quyết định số 12/QĐ-UBND\nngày 3 tháng 4 \
                       năm 2024 của Ủy ban nhân dân tỉnh\nvề việc tổ chức phong trào\ntrên địa bàn \
                       tỉnh";
        let doc = crate::parse(&format!(
            "QUYẾT ĐỊNH\n{subject}\nGIÁM ĐỐC SỞ NỘI VỤ\nCăn cứ Luật Thi đua;\n"
        ));
        let title = doc.title.expect("a title");
        assert_eq!(title.end_line, 7, "six subject lines, the last two wrapped");
        // After four lines, a line that starts with a capital is the body's.
        let doc = crate::parse(
            "BÁO CÁO\nKết quả thực hiện\ncông tác thi đua\nkhen thưởng\nnăm 2024\n\
             Trong năm, Sở đã triển khai các nhiệm vụ.\n",
        );
        assert_eq!(doc.title.expect("a title").end_line, 5);
    }

    #[test]
    fn a_subject_in_capitals_under_a_decision() {
        // The 2025 form: no enacting authority line between the subject and the preamble.
        let doc = crate::parse(
            "QUYẾT ĐỊNH\n\n\nBAN HÀNH QUY ĐỊNH QUẢN LÝ GIÁ TRÊN ĐỊA BÀN TỈNH\n\n\
             Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;\n",
        );
        let title = doc.title.expect("a title");
        assert_eq!(
            title.subject.as_deref(),
            Some("BAN HÀNH QUY ĐỊNH QUẢN LÝ GIÁ TRÊN ĐỊA BÀN TỈNH")
        );
        // Under a subject, a line in capitals is the enacting authority.
        let doc = crate::parse(
            "QUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n\
             Căn cứ Luật Tổ chức chính quyền địa phương;\n",
        );
        assert_eq!(
            doc.title.and_then(|t| t.subject).as_deref(),
            Some("Về việc giao chỉ tiêu")
        );
    }

    #[test]
    fn a_long_subject_on_one_line() {
        let subject = format!(
            "Kết luận của đồng chí Phó Chủ tịch {}",
            "tại buổi làm việc ".repeat(14)
        );
        let doc = crate::parse(&format!(
            "THÔNG BÁO\n{}\n\n\nNgày 18/7/2025, đồng chí làm việc.\n",
            subject.trim()
        ));
        assert!(subject.chars().count() > 250);
        assert_eq!(
            doc.title.and_then(|t| t.subject).as_deref(),
            Some(subject.trim())
        );
    }
}
