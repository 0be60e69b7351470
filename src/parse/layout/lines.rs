//! Questions about one line that several zones ask: is it in capitals, a rule, a title, an
//! artifact (page number, stamp), the start of an appendix; and its column segments.

use crate::lex::Line;
use crate::model::{ArtifactKind, Format, Span};
use crate::tables;
use crate::text::chars;
use crate::text::kernels::{self, FirstPairs};

use super::segment;
use crate::parse::Context;

/// True for a rule line: only `_`, `-`, `=`, `*`, `─`, `—`, `–`, `.`.
pub(crate) fn is_rule(text: &str) -> bool {
    let stroke = |c: char| matches!(c, '_' | '-' | '=' | '*' | '─' | '—' | '–' | '~');
    if !text.is_empty() && text.chars().all(|c| stroke(c) || c == ' ') {
        return true;
    }
    // An ornament between two strokes under a motto: `=====&=====`, `---oOo---`, `***0***`.
    let t = text.trim();
    let lead = t.chars().take_while(|&c| stroke(c)).count();
    if lead < 3 {
        return false;
    }
    let trail = t.chars().rev().take_while(|&c| stroke(c)).count();
    let middle = t.trim_start_matches(stroke).trim_end_matches(stroke).trim();
    trail >= 3
        && (1..=5).contains(&middle.chars().count())
        && middle.chars().all(|c| {
            matches!(
                c,
                '&' | 'o' | 'O' | '0' | '*' | '•' | '§' | '+' | 'x' | '♦' | '❖'
            )
        })
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

/// The type named by a legal database's title line in sentence case: the type name, `của` and
/// the issuer, `số` and the number, and at most its date after it (`Nghị định của Chính phủ số
/// 114/2003/NĐ-CP`, the date and subject on the next line). Such a copy drops the header; a
/// sentence of a body that cites a document goes on after the number.
pub(crate) fn database_title_type(text: &str) -> Option<&'static tables::DocType> {
    let t = text.trim();
    if t.len() > DATABASE_TITLE_MAX || is_upper(t) {
        return None;
    }
    let (name, rest) = t.split_once(' ')?;
    let (name, rest) = match rest.split_once(' ') {
        // Two-word type names (`Nghị định`, `Quyết định`, `Thông tư`).
        Some((second, after)) if !second.eq_ignore_ascii_case(tables::ISSUER_WORD) => {
            (t.get(..name.len() + 1 + second.len())?, after)
        }
        _ => (name, rest),
    };
    let issuer = rest.strip_prefix(tables::ISSUER_WORD)?.strip_prefix(' ')?;
    // Its byte length kept in capitals: the title's text is cut at the type name's length.
    let ty = sentence_case_type(name).filter(|ty| ty.name.len() == name.len())?;
    let (_, after) = issuer.split_once(NUMBER_MARK)?;
    let (number, tail) = after.split_once(' ').unwrap_or((after, ""));
    if !(number.starts_with(|c: char| c.is_ascii_digit()) && number.contains('/')) {
        return None;
    }
    // Nothing after the number, or its date alone (`ngày 10/10/2003`).
    let tail = tail.trim();
    let dated = |t: &str| {
        crate::grammar::cited_date(t)
            .is_some_and(|(len, _)| t.get(len..).is_some_and(|r| r.trim().is_empty()))
    };
    (tail.is_empty() || dated(tail)).then_some(ty)
}

/// `số` between the issuer and the number in a legal database's title line.
const NUMBER_MARK: &str = " số ";

/// Lines from the top searched for a receiving office's stamp.
const RECEIVED_STAMP_REACH: usize = 8;

/// Lines after a stamp's date line searched for its labelled lines.
const RECEIVED_STAMP_AFTER: usize = 3;

/// The index of the last line of a receiving office's stamp that stands above a scanned
/// document's header, counted from `at`: a line opening with `ĐẾN` (its date line) among the
/// first non-blank lines, and the last of the stamp's labelled lines within three lines after it
/// (`Chuyển: …`, `Số và ký hiệu HS: …`). The lines from `at` to it are the stamp: its office, `Số: …` (the receiving number),
/// the date and the routing. `None` when there is no such date line.
pub(crate) fn received_stamp_end(lines: &[Line<'_>], at: usize) -> Option<usize> {
    let near: Vec<usize> = (at..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .take(RECEIVED_STAMP_REACH)
        .collect();
    let opens = |i: usize, word: &str| {
        lines[i]
            .text
            .strip_prefix(word)
            .is_some_and(|r| !r.starts_with(char::is_alphabetic))
    };
    let date = near
        .iter()
        .position(|&i| opens(i, tables::RECEIVED_STAMP_MARK))?;
    // The last labelled line among the few after the date (a scan may misread a label).
    let end = near
        .iter()
        .skip(date + 1)
        .take(RECEIVED_STAMP_AFTER)
        .rfind(|&&i| tables::RECEIVED_STAMP_LABELS.iter().any(|l| opens(i, l)))
        .copied()
        .unwrap_or(near[date]);
    // The date line alone, with nothing labelled after it, is no stamp.
    if end == near[date] {
        return None;
    }
    // A line that holds the header's right column as well (the scan read the stamp and the
    // header side by side) is the header's: the stamp ends before it.
    let header_at = near.iter().copied().take_while(|&i| i <= end).find(|&i| {
        let upper = chars::to_uppercase(&lines[i].text);
        tables::HEADER_COLUMN_MARKS
            .iter()
            .any(|m| upper.contains(m))
    });
    match header_at {
        Some(k) => near.iter().copied().take_while(|&i| i < k).last(),
        None => Some(end),
    }
}

/// The type a name in sentence case names, the whole name (`Quyết định`, `Nghị định`).
fn sentence_case_type(name: &str) -> Option<&'static tables::DocType> {
    let upper = chars::to_uppercase(name);
    tables::doc_type_by_name(&upper).filter(|ty| ty.name.len() == upper.len())
}

/// The longest line read as a legal database's title line, in bytes.
const DATABASE_TITLE_MAX: usize = 200;

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
    sentence_case_type(name)?;
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

/// Lines after the first that a crawler began with the page's title it glued before the first
/// line (`Quyết định 435/QĐ-UBND năm 2020. Điều 1.`, the same title before every article and
/// before the attached programme): each is cut after the title, which the caller records as page
/// furniture. Only the exact title of the first line is cut, so a citation written the same way
/// in the text stays. Gives the line number and span of each title cut off.
pub(crate) fn cut_crawler_titles(lines: &mut [Line<'_>], format: Format) -> Vec<(usize, Span)> {
    let Some(first) = lines.iter().position(|l| !l.raw.trim().is_empty()) else {
        return Vec::new();
    };
    let head = lines[first].raw.trim_start();
    let Some(len) = crawler_prefix(head) else {
        return Vec::new();
    };
    let title = &head[..len];
    let mut cut = Vec::new();
    for line in &mut lines[first + 1..] {
        let lead = line.raw.len() - line.raw.trim_start().len();
        let Some(rest) = line.raw[lead..].strip_prefix(title) else {
            continue;
        };
        if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        let len = len + breadcrumb(rest);
        let span = Span::new(line.start + lead, line.start + lead + len);
        cut.push((line.no(), span));
        line.drop_front(lead + len, format);
    }
    cut
}

/// Marks the lines a page break repeats ([`Line::running`]): a running footer or header (`Tập hệ
/// thống hóa VBQPPL còn hiệu lực`) and the head of a table that goes on over pages (`TT`, `Tên
/// loại`, … `Ghi chú`), standing beside a page number or a gazette header.
///
/// A page break is a run of page marks with only blank lines between them. A line is marked
/// when the same text stands at the same place from a break (the second line after it, the
/// first before it) at three breaks at least and at a quarter of them, in an unbroken run of
/// such lines from the break: a table's cells, which repeat too, seldom stand at the same place
/// that often, and the head of a table where it starts, away from a break, stays the table's.
/// Returns whether any line was marked.
pub(crate) fn mark_running_lines(lines: &mut [Line<'_>], format: Format) -> bool {
    /// How many lines at most a run of running lines holds on each side of a break.
    const REACH: usize = 12;
    /// A running line is short.
    const LONGEST: usize = 120;
    let is_mark = |l: &Line<'_>| {
        matches!(
            artifact_kind(l, format),
            Some(ArtifactKind::PageNumber | ArtifactKind::PageHeader)
        )
    };
    // Each break as its first and last mark.
    let mut breaks: Vec<(usize, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || !is_mark(l) {
            continue;
        }
        match breaks.last_mut() {
            Some((_, last)) if lines[*last + 1..i].iter().all(Line::is_blank) => *last = i,
            _ => breaks.push((i, i)),
        }
    }
    if breaks.len() < 3 {
        return false;
    }
    let side = |from: usize, to: usize, forward: bool| -> Vec<usize> {
        let pick = |&k: &usize| !lines[k].is_blank() && lines[k].text.len() <= LONGEST;
        let mut out: Vec<usize> = if forward {
            (from..to).filter(pick).take(REACH).collect()
        } else {
            (to..from).rev().filter(pick).take(REACH).collect()
        };
        // A run stops at the next page mark.
        if let Some(p) = out.iter().position(|&k| is_mark(&lines[k])) {
            out.truncate(p);
        }
        out
    };
    let sides: Vec<(Vec<usize>, Vec<usize>)> = breaks
        .iter()
        .map(|&(first, last)| (side(first, 0, false), side(last + 1, lines.len(), true)))
        .collect();
    // Short keys by the thousand in a long paged text (every line near every break): a fast
    // hash (foldhash, as the legacy detector's token table) and a table sized once, where the
    // default SipHash and growth by doubling took 5% of parsing the corpus.
    let entries = sides.iter().map(|(b, a)| b.len() + a.len()).sum();
    let mut count: std::collections::HashMap<
        (bool, usize, &str),
        usize,
        foldhash::fast::FixedState,
    > = std::collections::HashMap::with_capacity_and_hasher(entries, Default::default());
    for (before, after) in &sides {
        for (d, &k) in before.iter().enumerate() {
            *count.entry((false, d, lines[k].text.as_ref())).or_default() += 1;
        }
        for (d, &k) in after.iter().enumerate() {
            *count.entry((true, d, lines[k].text.as_ref())).or_default() += 1;
        }
    }
    let least = 3.max(breaks.len().div_ceil(4));
    let mut running = Vec::new();
    for (before, after) in &sides {
        for (forward, side) in [(false, before), (true, after)] {
            running.extend(
                side.iter()
                    .enumerate()
                    .take_while(|&(d, &k)| count[&(forward, d, lines[k].text.as_ref())] >= least)
                    .map(|(_, &k)| k),
            );
        }
    }
    for &k in &running {
        lines[k].running = true;
    }
    !running.is_empty()
}

/// The attached document's name that a crawler's breadcrumb puts between the page's title and a
/// heading (`… năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG HOẠT ĐỘNG`): its length in `rest`,
/// the space before it included, or 0. A type name followed by its subject is a title, not a
/// breadcrumb, and stays.
fn breadcrumb(rest: &str) -> usize {
    let t = rest.trim_start();
    let Some(ty) = tables::doc_type_by_name(t) else {
        return 0;
    };
    let Some(after) = t.get(ty.name.len()..).and_then(|a| a.strip_prefix('.')) else {
        return 0;
    };
    let heading = after.trim_start();
    if after.len() == heading.len() || crate::grammar::label(heading).is_none() {
        return 0;
    }
    rest.len() - after.len()
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
    if line.running {
        return Some(ArtifactKind::PageHeader);
    }
    let t = line.text.as_ref();
    let Some(&first) = t.as_bytes().first() else {
        return Some(ArtifactKind::Markup);
    };
    if first == b'[' && is_editorial_note(t) {
        return Some(ArtifactKind::EditorialNote);
    }
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
    // `2.` alone is a label whose text is on the next line (a row of a flattened table, a
    // point), never a page number.
    let label = t
        .strip_suffix('.')
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    if !label && (!letter || t.starts_with("Trang")) {
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

/// A note a legal database inserted, alone on its line or cut from one (`[Nội dung này được đính
/// chính bởi …]`).
pub(crate) fn is_editorial_note(t: &str) -> bool {
    t.ends_with(']')
        && t.strip_prefix('[')
            .is_some_and(tables::opens_editorial_note)
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
    text.strip_prefix('(')
        .is_some_and(tables::opens_with_attached)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receiving_stamp_above_the_header_is_found() {
        let end = |t: &str| received_stamp_end(&crate::lex::lines(t, Format::Text), 0);
        let stamp = "VP.UBND TỈNH BÌNH THUẬN\nSố:....4701....\nĐẾN Ngày 12/03/2025\n\
                     Chuyển:..........\nSố và ký hiệu HS:.....\nHỘI KHUYẾN HỌC TỈNH\n";
        assert_eq!(end(stamp), Some(4));
        let misread = stamp.replace("Chuyển", "ChuyểT");
        assert_eq!(end(&misread), Some(4), "a misread label is passed over");
        let beside = "VP.UBND TỈNH\nSố:....\nĐẾN.\nNgày 8/3   HỘI KHUYẾN HỌC   Cộng hòa xã hội \
                      chủ nghĩa Việt Nam\nSố và ký hiệu HS:....\n";
        assert_eq!(
            end(beside),
            Some(2),
            "the line that holds the national title is the header's"
        );
        assert_eq!(
            end("ĐẾN NĂM 2030\nKẾ HOẠCH\n"),
            None,
            "no labelled line: no stamp"
        );
        assert_eq!(end("BÁO CÁO\nĐẾN nay\n"), None);
    }

    #[test]
    fn a_database_title_in_sentence_case_names_its_type() {
        let code = |t: &str| database_title_type(t).and_then(|ty| ty.code);
        assert_eq!(
            code("Nghị định của Chính phủ số 114/2003/NĐ-CP"),
            Some("NĐ")
        );
        assert_eq!(
            code("Quyết định của Thủ tướng Chính phủ số 12/2004/QĐ-TTg ngày 10/10/2004"),
            Some("QĐ")
        );
        assert_eq!(
            code("Nghị định của Chính phủ số 114/2003/NĐ-CP quy định về cán bộ"),
            None,
            "a sentence goes on after the number"
        );
        assert_eq!(code("Nghị định số 114/2003/NĐ-CP"), None, "no issuer");
        assert_eq!(
            code("Quyết định của Ủy ban nhân dân tỉnh số 15/2004/QĐ-UBND ngày 10/10/2004 đã giao"),
            None,
            "a sentence goes on after the date"
        );
        assert_eq!(
            code("NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 114/2003/NĐ-CP"),
            None,
            "a title in capitals"
        );
    }
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
    fn running_lines_beside_page_marks() {
        let page = |n: u32, rows: &str| {
            format!(
                "{rows}\nTập hệ thống hóa còn hiệu lực\n\n{n}\nCÔNG BÁO/Số 12/Ngày 1-2-2024\nTT\nTên loại\nGhi chú\n"
            )
        };
        let text = format!(
            "TT\nTên loại\nGhi chú\n{}{}{}{}Hết.\n",
            page(1, "1 Thông tư số 07/2017/TT-"),
            page(2, "BLĐTBXH ngày 1/2/2017;"),
            page(3, "Hết hiệu lực"),
            page(4, "Tiếp")
        );
        let mut lines = crate::lex::lines(&text, Format::Text);
        assert!(mark_running_lines(&mut lines, Format::Text));
        let running: Vec<&str> = lines
            .iter()
            .filter(|l| l.running)
            .map(|l| l.text.as_ref())
            .collect();
        assert_eq!(running.len(), 4 * 4, "{running:?}");
        assert!(
            !lines[0].running,
            "the table's own head, away from a page break, stays"
        );
        assert!(running.iter().all(|t| !t.contains("07/2017")));
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
