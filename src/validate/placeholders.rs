//! Blanks left from a template: `...`, `…`, `(ước đạt ... tỷ đồng)`, `..%` (PLH001), and forms
//! made of them (PLH002).
//!
//! The normalized source is scanned, so appendix tables count as much as running text. A run of
//! dots is a blank when it is a leader (four dots or more, two `…` or more), when a figure
//! follows (`…%`, `.../QĐ`), when it stands where a value goes (after `(`, `[`, `=`, `:`, `/`,
//! after a number or date word: `ngày ... tháng`, `số ...`, `ước đạt ... tỷ`), or when it opens a
//! line without a word after it (`…, ngày … tháng … năm …`). A short run is punctuation
//! otherwise: an ellipsis that closes a list (`mạng xã hội,…`, `vật tư ... để`), a `v.v` glued
//! to the words around it (`liên lạc...bảo đảm`), or an omission mark in a quotation (`“… Nghị
//! định`, `quản lý hội; …”`). In a table a run standing in a cell of its own is a blank.
//!
//! Fields that are meant to stay empty are not reported: those of a model form carried as an
//! appendix (an appendix with its own national title, as the forms annexed to a decree), and
//! the reviewers' boxes of a phiếu trình (its profile turns the rule off).
//! The number and date lines are left to the header rules (`HDR006`, `HDR011`).
//! One finding is made per line, with the number of blanks on it; a part of the document made
//! of blanks (a form: ten lines with blanks or more, a quarter of its lines or more, or any part
//! under a form's label such as `Mẫu số 1a`) gets one finding saying so instead (PLH002).
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 (content of the document); the templates of Phụ lục III mark
//! the parts to fill in with dots.

use std::sync::OnceLock;

use regex::Regex;

use super::Checker;
use super::kind::Kind;
use super::locate::Loc;
use crate::tables;
use crate::text::chars;

/// Characters of context shown on each side of a blank.
const CONTEXT: usize = 14;

/// The blanks of one line: its number, the path of the node owning the first, their ranges.
type LineBlanks = (usize, String, Vec<(usize, usize)>);

/// Runs the rule.
pub fn check(cx: &mut Checker<'_>) {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = RE
        .get_or_init(|| Regex::new(r"\.{2,}|…[….]*").ok())
        .as_ref()
    else {
        return;
    };
    let text = cx.loc.text();
    let forms = form_appendices(cx);
    let mut lines: Vec<LineBlanks> = Vec::new();
    for m in re.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let Some(owner) = cx.loc.owner(s) else {
            continue;
        };
        if owner.path.starts_with("/header/reference")
            || owner.path.starts_with("/header/place_date")
            || forms.iter().any(|&(fs, fe)| fs <= s && s < fe)
        {
            continue;
        }
        let (line, _) = cx.loc.point(s);
        let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
        let row = &text[line_start..line_end];
        if under_example(text, line_start) {
            continue;
        }
        // A tab between words separates cells; tabs around the words only indent or pad it.
        let cells = row.trim();
        let table = cells.starts_with('|') || cells.contains('\t');
        if !is_blank(&text[line_start..s], m.as_str(), &text[e..line_end], table) {
            continue;
        }
        match lines.last_mut() {
            Some((l, _, ranges)) if *l == line => ranges.push((s, e)),
            _ => lines.push((line, owner.path.to_string(), vec![(s, e)])),
        }
    }
    let lines = without_forms(cx, lines);
    for (_, path, ranges) in lines {
        let (s, e) = ranges[0];
        let sample = sample(text, s, e);
        let at = Loc {
            path,
            range: (s, e),
            exact: true,
        };
        cx.emit(
            Kind::UnfilledPlaceholder {
                count: ranges.len(),
                sample,
            },
            at,
        );
    }
}

/// Lines holding blanks, at least, for a part of the document to be a form.
const FORM_MIN_LINES: usize = 10;

/// The least share of a part's lines that hold blanks, for it to be a form (one in four).
const FORM_MIN_SHARE: usize = 4;

/// Reports the parts of the document that are forms (PLH002, once each) and returns the blanks
/// of the others. The parts are the main document and each appendix and attachment: a decision
/// may carry its form as an appendix, and a form may be a file of its own.
fn without_forms(cx: &mut Checker<'_>, lines: Vec<LineBlanks>) -> Vec<LineBlanks> {
    let doc = cx.doc;
    let text = cx.loc.text();
    // Most documents have few blanks, few colons closing a line and no form's label: no form.
    let may_label = tables::FORM_LABEL_WORDS[2..]
        .iter()
        .any(|w| text.contains(w))
        || text
            .trim_start()
            .split('\n')
            .next()
            .is_some_and(|l| is_form_code(l.trim()));
    // A form's empty fields (`Địa chỉ trụ sở chính:`) are its blanks as much as its dots; they
    // make a form of a part, and are not reported one by one either way.
    let fields = empty_fields(text);
    if !may_label && lines.len() + fields.len() < FORM_MIN_LINES {
        return lines;
    }
    let mut parts: Vec<(usize, usize)> = doc
        .appendices
        .iter()
        .map(|a| (a.line, a.end_line))
        .chain(doc.attachments.iter().map(|a| (a.line, a.end_line)))
        .collect();
    parts.sort_unstable();
    // Parts under a form's label (`Mẫu số 1a`) come first: they are forms whatever their share
    // of blanks, and one may sit inside an appendix.
    let text_lines: Vec<&str> = text.split('\n').collect();
    let labelled = labelled_forms(&text_lines, &parts);
    parts.splice(0..0, labelled.iter().copied());
    // The part each line is in: a labelled form, an appendix or attachment (1 + its index), or
    // the main text (0). Painted once, the earlier part last so that it wins where two overlap
    // (a labelled form inside an appendix); parts of one kind do not overlap, so the painting
    // is linear in the lines.
    let line_count = text_lines.len();
    let mut part_at = vec![0usize; line_count + 2];
    for (idx, &(s, e)) in parts.iter().enumerate().rev() {
        if let Some(span) = part_at.get_mut(s..=e.min(line_count + 1)) {
            span.fill(idx + 1);
        }
    }
    let part_of = |line: usize| part_at.get(line).copied().unwrap_or(0);
    let mut blank_lines = vec![0usize; parts.len() + 1];
    let mut count = vec![0usize; parts.len() + 1];
    let mut first = vec![usize::MAX; parts.len() + 1];
    let mut end_line = vec![0usize; parts.len() + 1];
    let mut dotted = lines.iter().map(|(l, _, r)| (*l, r.len())).peekable();
    let mut field = fields.iter().copied().peekable();
    // Lines with blanks in order, a line with dots and an empty field counted once.
    loop {
        let next = match (dotted.peek(), field.peek()) {
            (Some(&(d, n)), Some(&f)) if d == f => {
                dotted.next();
                field.next();
                (d, n + 1)
            }
            (Some(&(d, n)), Some(&f)) if d < f => {
                dotted.next();
                (d, n)
            }
            (_, Some(&f)) => {
                field.next();
                (f, 1)
            }
            (Some(&(d, n)), None) => {
                dotted.next();
                (d, n)
            }
            (None, None) => break,
        };
        let (line, blanks) = next;
        let part = part_of(line);
        blank_lines[part] += 1;
        count[part] += blanks;
        first[part] = first[part].min(line);
        end_line[part] = line;
    }
    // Most documents have a few blanks or none and no form: their lines are not counted.
    if labelled.is_empty() && blank_lines.iter().all(|&b| b < FORM_MIN_LINES) {
        return lines;
    }
    let mut filled = vec![0usize; parts.len() + 1];
    for (i, l) in text_lines.iter().enumerate() {
        if !l.trim().is_empty() {
            filled[part_of(i + 1)] += 1;
        }
    }
    let form: Vec<bool> = blank_lines
        .iter()
        .zip(&filled)
        .enumerate()
        .map(|(i, (&b, &t))| {
            let is_labelled = (1..=labelled.len()).contains(&i);
            b > 0 && is_labelled || b >= FORM_MIN_LINES && b * FORM_MIN_SHARE >= t
        })
        .collect();
    if !form.contains(&true) {
        return lines;
    }
    // The whole text is a form when its main part is one, or a labelled form opens it (a form
    // issued as a file of its own: `B1-2-TMDA`, `Mẫu số 1a` over its national title).
    let opening = text_lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .map_or(1, |i| i + 1);
    cx.form.blank = form[0]
        || labelled
            .iter()
            .zip(&form[1..])
            .any(|(&(s, e), &f)| f && s <= opening + FORM_OPENING_REACH && e >= line_count);
    for (part, &is_form) in form.iter().enumerate() {
        if !is_form {
            continue;
        }
        let span = match part {
            0 => (1, line_count),
            _ => parts[part - 1],
        };
        cx.forms.push(span);
        if first[part] == usize::MAX {
            continue;
        }
        let (s, e) = cx.loc.line_range(first[part]);
        let start = s + (text[s..e].len() - text[s..e].trim_start().len());
        let Some(owner) = cx.loc.owner(start) else {
            continue;
        };
        let at = Loc {
            path: owner.path.to_string(),
            range: (start, e),
            exact: true,
        };
        cx.emit(
            Kind::BlankForm {
                count: count[part],
                lines: blank_lines[part],
                end_line: end_line[part],
            },
            at,
        );
    }
    lines
        .into_iter()
        .filter(|entry| !form[part_of(entry.0)])
        .collect()
}

/// True when the colon at byte `at` of `text` closes a line or a cell: only spaces follow it, up
/// to the line's end or a cell's border (`|`, a tab).
fn closes_cell(text: &str, at: usize) -> bool {
    text[at + 1..]
        .bytes()
        .find(|&b| b == b'\t' || b == b'\n' || !b.is_ascii_whitespace())
        .is_none_or(|b| matches!(b, b'|' | b'\t' | b'\n'))
}

/// Lines from the first line of text within which a labelled form must start for the whole
/// text to be a form.
const FORM_OPENING_REACH: usize = 3;

/// Words at most in the label of a form's field (`Nơi đăng ký hộ khẩu thường trú:`).
const FIELD_MAX_WORDS: usize = 8;

/// The lines (1-based) holding a form's empty fields: a cell, or the whole line, that is a short
/// label with small letters and nothing after its colon (`Địa chỉ trụ sở chính:`, `Do: | | Cấp
/// ngày:`), next to another such line (a form asks for several things in a row; a report's
/// lead-in `- Về kinh tế:` has its content under it). The frame's labels (`Kính gửi:`, `Nơi
/// nhận:`), a basis (`Căn cứ …:`) and a lead-in to a list (`… như sau:`) are no fields.
fn empty_fields(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // The lines with a colon closing a cell (few in most texts), found by byte, and their
    // numbers counted on the way.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let (mut counted_to, mut line_no, mut line_end) = (0, 1, 0);
    for at in memchr::memchr_iter(b':', bytes) {
        // A line is looked at once, whatever the colons on it.
        if at < line_end || !closes_cell(text, at) {
            continue;
        }
        let start =
            memchr::memrchr(b'\n', &bytes[line_end..at]).map_or(line_end, |i| line_end + i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
        line_end = end;
        line_no += memchr::memchr_iter(b'\n', &bytes[counted_to..start]).count();
        counted_to = start;
        if is_field(&text[start..end]) {
            spans.push((start, end, line_no));
        }
    }
    // Two fields are neighbours when only white space stands between them.
    let next_to =
        |a: &(usize, usize, usize), b: &(usize, usize, usize)| text[a.1..b.0].trim().is_empty();
    (0..spans.len())
        .filter(|&k| {
            k.checked_sub(1)
                .is_some_and(|j| next_to(&spans[j], &spans[k]))
                || spans.get(k + 1).is_some_and(|n| next_to(&spans[k], n))
        })
        .map(|k| spans[k].2)
        .collect()
}

/// True when a line is a form's empty field (see [`empty_fields`]).
fn is_field(line: &str) -> bool {
    line.split(['|', '\t']).any(|cell| {
        let cell = cell.trim().trim_start_matches(['-', '+', '*', ' ']);
        let Some(label) = cell.strip_suffix(':') else {
            return false;
        };
        let words = label.split_whitespace().count();
        (1..=FIELD_MAX_WORDS).contains(&words)
            && label.chars().any(char::is_lowercase)
            && !tables::NOT_FIELD_OPENINGS
                .iter()
                .any(|o| label.starts_with(o))
            && !tables::LEAD_IN_ENDINGS.iter().any(|e| label.ends_with(e))
    })
}

/// The line spans (first and last line, 1-based) of the forms a text carries under a form's
/// label: a line opening with `Mẫu số 1a` or `MẪU SỐ 01-BCN` that heads a form of its own (the
/// national title on its line, the header table's row, or within the next three lines) or
/// stands inside an appendix or attachment (`parts`), up to the next such line or the end of
/// the part it stands in; and a whole text whose first line is a form's code alone
/// (`B1-2-TMDA`, the forms issued with a decision). A label that an article lists (`Mẫu số
/// 01/ĐK-TCT`) names a form; it does not start one. `Biểu mẫu 1` is not a label: a report's
/// tables are captioned so, filled in.
fn labelled_forms(lines: &[&str], parts: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let heads_form = |i: usize| {
        lines
            .iter()
            .skip(i)
            .filter(|l| !l.trim().is_empty())
            .take(FORM_HEADER_REACH)
            .any(|l| {
                let upper = chars::to_uppercase(l);
                tables::HEADER_COLUMN_MARKS[..2]
                    .iter()
                    .any(|m| upper.contains(m))
            })
    };
    // Each start, and whether its form has a header of its own (it then runs to the next label,
    // over the parts the parser made of it) or only its part bounds it.
    let mut starts: Vec<(usize, bool)> = Vec::new();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    for (i, line) in lines.iter().enumerate() {
        let no = i + 1;
        if first == Some(i) && is_form_code(line.trim()) {
            starts.push((no, true));
        } else if is_form_label(line) {
            if heads_form(i) {
                starts.push((no, true));
            } else if containing(parts, no).is_some() {
                starts.push((no, false));
            }
        }
    }
    let count = lines.len();
    let ends = starts.iter().skip(1).map(|&(s, _)| s - 1).chain([count]);
    starts
        .iter()
        .zip(ends)
        .map(|(&(s, own), e)| {
            // Inside a part, a label without a header of its own ends with that part.
            let bound = if own {
                count
            } else {
                containing(parts, s).map_or(count, |(_, end)| end)
            };
            (s, e.min(bound))
        })
        .collect()
}

/// The lines (1-based) that open the header of a form issued by a regulation
/// ([`labels_issued_form`]): the forms attached to an accounting regime, each numbering its own
/// parts. They are not carved out of their part for the blanks (a regulation of such forms is a
/// form to fill in as a whole, [`without_forms`]); the numbering rules start over in each.
pub(crate) fn issued_form_starts(text: &str) -> Vec<usize> {
    // Most texts name no form: no line is looked at.
    if !tables::FORM_LABEL_WORDS.iter().any(|w| text.contains(w)) {
        return Vec::new();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    (0..lines.len())
        .filter(|&i| labels_issued_form(&lines, i))
        .map(|i| i + 1)
        .collect()
}

/// True when line `i` is the first row of the header of a form issued by a regulation, as
/// accounting and statistics forms are headed: the form's label in a later cell of the row
/// (`Đơn vị: ……… | Mẫu số: C32- H`), and the act that issued it under the label, in that row or
/// the next two (`Ban hành theo QĐ số: 999-TC/QĐ/CĐKT`, `(Ban hành kèm theo Thông tư …)`).
fn labels_issued_form(lines: &[&str], i: usize) -> bool {
    fn cells(line: &str) -> impl Iterator<Item = &str> {
        line.split(['|', '\t'])
            .map(|c| c.trim().trim_start_matches('('))
    }
    let Some(line) = lines.get(i) else {
        return false;
    };
    cells(line).skip(1).any(is_form_label)
        && lines
            .iter()
            .skip(i)
            .take(ISSUED_FORM_HEADER_ROWS)
            .any(|l| cells(l).any(tables::opens_with_attached))
}

/// The rows of an issued form's header, from its label's row, that may name the act that issued
/// it ([`labels_issued_form`]; its citation there is a label, [`super::citations`]).
pub(crate) const ISSUED_FORM_HEADER_ROWS: usize = 3;

/// Non-blank lines from a form's label searched for the national title of its own header.
const FORM_HEADER_REACH: usize = 4;

/// The span of `parts` (sorted, not overlapping) that holds line `no`.
fn containing(parts: &[(usize, usize)], no: usize) -> Option<(usize, usize)> {
    let after = parts.partition_point(|&(s, _)| s <= no);
    after
        .checked_sub(1)
        .and_then(|i| parts.get(i))
        .copied()
        .filter(|&(_, e)| no <= e)
}

/// True when a line opens with a form's label: `Mẫu số 1a`, `MẪU SỐ 01-BCN`, `Mẫu 2b`, alone or
/// followed, after a tab or a run of spaces, by a cell in capitals (the national title).
fn is_form_label(line: &str) -> bool {
    let line = line.trim_start();
    let Some(rest) = tables::FORM_LABEL_WORDS
        .iter()
        .find_map(|w| line.strip_prefix(w))
    else {
        return false;
    };
    // `Mẫu số 1a`, `Mẫu số: 01`: a space or a colon after the words.
    let Some(rest) = rest
        .strip_prefix([' ', ':'])
        .map(|r| r.trim_start_matches([' ', ':']))
    else {
        return false;
    };
    let (cell, after) = rest
        .split_once(['\t'])
        .or_else(|| rest.split_once("   "))
        .unwrap_or((rest, ""));
    // `C32- H`, `C03-  BH`: a code typed with spaces after its hyphen.
    let code = match cell.trim().split_once('-') {
        Some((head, tail)) => format!("{head}-{}", tail.trim_start()),
        None => cell.trim().to_owned(),
    };
    let code_like = !code.is_empty()
        && code.len() <= 12
        && !code.contains(' ')
        && code.bytes().any(|b| b.is_ascii_digit());
    let after = after.trim();
    code_like && (after.is_empty() || !after.chars().any(char::is_lowercase))
}

/// True when a line is a form's code alone: `B1-2-TMDA`, `B1-3-LLTC` (capitals and a digit,
/// then groups after hyphens).
fn is_form_code(line: &str) -> bool {
    let mut groups = line.split('-');
    let head = groups.next().unwrap_or_default();
    let letters = head.bytes().take_while(u8::is_ascii_uppercase).count();
    (1..=3).contains(&letters)
        && head[letters..].starts_with(|c: char| c.is_ascii_digit())
        && head.bytes().all(|b| b.is_ascii_alphanumeric())
        && line.contains('-')
        && groups.all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// True when the line at `line_start` is a `Ví dụ:` line or one of the three lines under one: a guide
/// showing how a part is written (`Ví dụ:` / `…(NỘI DUNG CHỦ ĐỀ)…`), whose dots are the model's,
/// not a blank of this document.
fn under_example(text: &str, line_start: usize) -> bool {
    let opens = |line: &str| {
        let line = line.trim_start_matches(['-', '+', '*', ' ', '\t']);
        tables::EXAMPLE_OPENINGS.iter().any(|o| line.starts_with(o))
    };
    if opens(text.get(line_start..).unwrap_or_default()) {
        return true;
    }
    let mut end = line_start;
    for _ in 0..3 {
        let Some(before) = text.get(..end.saturating_sub(1)) else {
            return false;
        };
        if end == 0 {
            return false;
        }
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        if opens(&before[start..]) {
            return true;
        }
        end = start;
    }
    false
}

/// The byte ranges of appendices that are model forms: they repeat a national title, so they
/// are documents to be filled in by whoever uses them, and their blanks are meant.
fn form_appendices(cx: &Checker<'_>) -> Vec<(usize, usize)> {
    let text = cx.loc.text();
    cx.doc
        .appendices
        .iter()
        .filter_map(|a| {
            let (start, end) = (cx.loc.line_range(a.line).0, cx.loc.line_range(a.end_line).1);
            let body = text.get(start..end)?;
            body.contains(tables::NATIONAL_TITLE)
                .then_some((start, end))
        })
        .collect()
}

/// True when a blank was filled in with a figure typed between its dots (`số …05…./2006`, `ngày
/// …25..tháng`): the run of dots on one side of the figure, glued to it, and another run of dots
/// glued on its other side.
fn filled(before: &str, after: &str) -> bool {
    let dots = |c: Option<char>| matches!(c, Some('.' | '…'));
    let digits_after = after.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits_before = before.trim_end_matches(|c: char| c.is_ascii_digit());
    (digits_after.len() < after.len() && dots(digits_after.chars().next()))
        || (digits_before.len() < before.len() && dots(digits_before.chars().next_back()))
}

/// True when a run of dots is a blank to fill in, given the text before and after it on its line.
fn is_blank(before: &str, run: &str, after: &str, table: bool) -> bool {
    if filled(before, after) {
        return false;
    }
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let prev_solid = before.trim_end().chars().next_back();
    let next_solid = after.trim_start().chars().next();
    let figure_follows = next_solid.is_some_and(|c| c == '%' || c == '/' || c.is_ascii_digit());
    if run == ".." {
        // Two dots are a blank only next to a figure: `..%`, `(..TT`, `= ..%`.
        return next.is_some_and(|c| c == '%' || c.is_ascii_digit())
            || prev.is_some_and(|c| matches!(c, '(' | '=' | '/'));
    }
    // An ellipsis closing a list and the sentence's full stop after it, glued to the last item
    // at the end of the line (`tìm hiểu thị trường, hội thảo....`).
    let list_then_stop = matches!(run, "...." | "…." | ".…")
        && prev.is_some_and(char::is_alphabetic)
        && next_solid.is_none_or(|c| matches!(c, '”' | '"' | ')'))
        && enumerates(before);
    if list_then_stop {
        return false;
    }
    let leader = run.chars().filter(|&c| c == '…').count() >= 2 || run.chars().count() >= 4;
    if leader || figure_follows {
        return true;
    }
    if table {
        // A run glued to the cell's words at the end of the cell (or of a bracket) closes them;
        // one standing apart, or followed by more of the cell, is a value to fill in.
        let glued = prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'));
        let cell_end = after
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '|' | '\t' | ')'));
        return !(glued && cell_end);
    }
    // `(…)` between words: text left out of a quotation or a list, not a value to fill in.
    if prev == Some('(') && next == Some(')') && matches!(run, "…" | "...") {
        return false;
    }
    match prev_solid {
        // At the start of a line: a blank unless words follow (an omission going on).
        None => !next_solid.is_some_and(char::is_alphabetic),
        Some('(' | '[' | '=' | ':' | '/') => true,
        // Glued to a word (`an sinh xã hội...`, `liên lạc...bảo đảm`): a `v.v`; standing
        // apart, it ends a sentence or a quotation (`của Chính phủ … .”`) or closes a list when
        // the clause enumerates (`thuốc, vật tư ... để`), and is otherwise a figure left out
        // (`tiêm chủng cho ... trẻ`).
        Some(c) if c.is_alphabetic() => {
            let glued = prev.is_some_and(char::is_alphabetic);
            let ends = next_solid.is_none_or(|c| matches!(c, '.' | ';' | '”' | '"' | '!' | '?'));
            after_lead_word(before) || !(glued || ends || enumerates(before))
        }
        // After list punctuation, a figure, a closing mark or an opening quotation mark:
        // an ellipsis or an omission.
        Some(_) => false,
    }
}

/// True when the clause before a run, on its line, lists items (a comma since the last `.`,
/// `;`, `:` or opening bracket or quotation mark).
fn enumerates(before: &str) -> bool {
    before
        .rsplit(['.', ';', ':', '(', '“'])
        .next()
        .is_some_and(|clause| clause.contains(','))
}

/// True when the word before a run is one a figure follows: `ngày`, `tháng`, `năm`, `số`,
/// `đạt`, `lúc` …
fn after_lead_word(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    [
        tables::DAY_WORD,
        tables::MONTH_WORD,
        tables::YEAR_WORD,
        tables::NUMBER_WORD,
    ]
    .contains(&word.as_str())
        || tables::FIGURE_LEAD_WORDS.contains(&word.as_str())
}

/// The blank with a few whole words around it, on one line.
fn sample(text: &str, s: usize, e: usize) -> String {
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
    let before: Vec<char> = text[line_start..s].chars().collect();
    let cut = before.len().saturating_sub(CONTEXT);
    let mut before: String = before[cut..].iter().collect();
    if cut > 0 {
        // Drop the word the cut went through.
        before = before
            .split_once(char::is_whitespace)
            .map_or(String::new(), |(_, rest)| rest.to_owned());
    }
    let after_all = &text[e..line_end];
    let mut after: String = after_all.chars().take(CONTEXT).collect();
    if after.len() < after_all.len() {
        after = after
            .rsplit_once(char::is_whitespace)
            .map_or(String::new(), |(head, _)| head.to_owned());
    }
    let out = format!("{}{}{}", before.trim_start(), &text[s..e], after.trim_end());
    out.replace('\t', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_ellipses() {
        assert!(is_blank("(ước đạt ", "...", " tỷ đồng)", false));
        assert!(is_blank("tăng ", "…", "% so với", false));
        assert!(
            is_blank("Tỷ lệ hộ nghèo", "...", " %", false),
            "a figure follows"
        );
        assert!(
            !is_blank("lao động, việc làm", "...", "", false),
            "closes a list"
        );
        assert!(!is_blank("v.v", "...", " và", false));
        assert!(is_blank("giảm", "...", "; chiếm", true), "in a table");
        assert!(is_blank("(...TT= ", "..", "%)", false));
        assert!(!is_blank("Ghi chú", "..", " xem", false));
    }

    #[test]
    fn ellipses_that_close_lists_or_mark_omissions() {
        // A list closed after a comma, spaced or glued, and `v.v` between words.
        assert!(!is_blank("mạng xã hội,", "…", "", false));
        assert!(!is_blank("đề án, dự án,", "…", " các bộ", false));
        assert!(!is_blank("y tế, thuốc, vật tư ", "...", " để xử lý", false));
        assert!(!is_blank("dục", "...", "và các dự án", false));
        assert!(!is_blank("thông tin liên lạc", "...", "bảo đảm", false));
        assert!(!is_blank("Quốc khánh 2/9", "...", "", false));
        assert!(!is_blank(
            "(nhà hảo tâm, doanh nghiệp ",
            "...",
            ") để hỗ trợ",
            false
        ));
        // Omissions in a quotation.
        assert!(!is_blank("ý kiến “", "…", ", trường hợp", false));
        assert!(!is_blank("", "…", " Nghị định số 126", false));
        assert!(!is_blank("quản lý hội; ", "…", "”, tại khoản 2", false));
        assert!(!is_blank(
            "ngày 08/10/2024 của Chính phủ ",
            "…",
            " .”. Do đó",
            false
        ));
        // Text left out, in brackets.
        assert!(!is_blank("quá trình chuyển đổi (", "…", ") và việc", false));
        // A list closed by an ellipsis and the sentence's full stop.
        assert!(!is_blank(
            "tham quan, tìm hiểu thị trường, hội thảo",
            "....",
            "",
            false
        ));
        assert!(!is_blank("hội chợ, hội thảo", "….", "", false));
        // A table cell whose words end in an ellipsis.
        assert!(!is_blank("| 1. Quy định về", "…", " |", true));
        assert!(!is_blank("| 2; 16; 28", "…", "", true));
        assert!(!is_blank("phí, lệ phí,", "…", ") Thủ tục", true));
    }

    #[test]
    fn a_guide_s_example_is_no_blank_of_the_guide() {
        let text = "Ví dụ:\n…(NỘI DUNG CHỦ ĐỀ)…\n(báo cáo của... khoá...)\n";
        assert!(under_example(text, text.find('…').unwrap_or(0)));
        let third = text.find("(báo").unwrap_or(0);
        assert!(under_example(text, third));
        let plain = "Báo cáo\nngày ... tháng 5\n";
        assert!(!under_example(plain, plain.find("ngày").unwrap_or(0)));
    }

    #[test]
    fn a_blank_filled_between_its_dots_is_no_blank() {
        assert!(filled("Quyết định số …", "05…./2006/QĐ-UBND"));
        assert!(
            filled("Quyết định số …05", "/2006/QĐ-UBND"),
            "the run after the figure"
        );
        assert!(filled("ngày …25", "tháng 01 năm 2006"));
        assert!(
            !filled("ngày ", "/…/2006"),
            "dots and slashes: still to fill in"
        );
        assert!(!filled("Số: ", "/QĐ-UBND"));
        assert!(!is_blank("số …", "…", "05…./2006", false));
        assert!(is_blank("số ", "....", "/2006/QĐ-UBND", false));
    }

    #[test]
    fn real_blanks_still_fire() {
        assert!(is_blank("Hà Nội, ngày ", "...", " tháng", false));
        assert!(is_blank("Số: ", "...", "/QĐ-UBND", false));
        assert!(is_blank("Họ và tên: ", "…", "", false));
        assert!(is_blank("Địa chỉ: ", "…………", "", false));
        assert!(is_blank("đã ban hành ", "........", " văn bản", false));
        assert!(is_blank("trích dẫn [", "...", "]", false));
        assert!(is_blank("", "…", ", ngày … tháng", false));
        assert!(is_blank("", "...", "", false), "a line of dots");
        assert!(is_blank("khai mạc lúc ", "…", " giờ", false));
        assert!(is_blank("Đã tiêm chủng cho ", "...", " trẻ", false));
        assert!(is_blank("| Thu nội địa | ", "...", " |", true));
        // Four dots after a word that lists nothing, or before more words: a blank.
        assert!(is_blank("Chức vụ: Trưởng phòng", "....", "", false));
        assert!(is_blank("gồm các ông, bà", "....", " đồng chí", false));
    }

    #[test]
    fn an_indented_line_is_no_table_row() {
        let mut text =
            String::from("BÁO CÁO\nTình hình\n\n\t- Các ứng dụng là tạo văn bản, tính toán …\n");
        text.push_str("| Thu nội địa | ... |\n");
        let doc = crate::parse(&text);
        let findings =
            crate::validate::Validator::new(crate::validate::Profile::for_document(&doc))
                .validate(&doc, &text);
        let lines: Vec<usize> = findings
            .iter()
            .filter(|f| f.code == "PLH001")
            .map(|f| f.line)
            .collect();
        assert_eq!(
            lines,
            [5],
            "a tab before the words indents the line; a cell of dots is a blank"
        );
    }

    #[test]
    fn empty_fields_in_a_row_are_a_form_s_blanks() {
        let lines = [
            "Giấy chứng nhận đăng ký kinh doanh số:",
            "Do: |  | Cấp ngày:",
            "Địa chỉ trụ sở chính:",
            "",
            "Năm qua, tỉnh đạt nhiều kết quả.",
            "- Về kinh tế:",
            "+ Tăng trưởng đạt 7%.",
            "Kính gửi:",
            "Nơi nhận:",
            "Kết quả cụ thể như sau:",
            "Vốn điều lệ:",
        ];
        assert_eq!(
            empty_fields(&lines.join("\n")),
            [1, 2, 3],
            "a lone lead-in, the frame's labels and a list's lead-in are no fields"
        );
    }

    #[test]
    fn a_form_of_its_own_is_asked_for_no_part() {
        let form = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n\
                    ĐƠN ĐĂNG KÝ KINH DOANH\n\nKính gửi: Phòng Đăng ký kinh doanh\n\n\
                    Tôi là:\nChức danh:\nSinh ngày:\nDân tộc:\nQuốc tịch:\n\
                    1. Tên công ty:\n2. Địa chỉ trụ sở chính:\nĐiện thoại: | Fax:\n\
                    Email: | Website:\n3. Ngành, nghề kinh doanh:\n4. Vốn điều lệ:\n\
                    Tôi cam kết chịu trách nhiệm về nội dung đơn.\n";
        let options = crate::Options {
            format: Some(crate::model::Format::Text),
            ..crate::Options::default()
        };
        let codes: Vec<String> = crate::validate::check(form, &options)
            .findings
            .iter()
            .map(|f| format!("{} {}", f.code, f.line))
            .collect();
        assert_eq!(
            codes,
            ["PLH002 9"],
            "`Tôi là:` reads as a lead-in, the fields start under it; no number, date, type name, closing or empty field asked of a blank form"
        );
    }

    #[test]
    fn forms_are_found_by_their_labels() {
        assert!(is_form_label(
            "   Mẫu số 1a\t\t\t\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        ));
        assert!(is_form_label("MẪU SỐ 01-BCN"));
        assert!(is_form_label("     Mẫu 2b"));
        assert!(!is_form_label(
            "Mẫu thông báo này áp dụng cho đối tượng nộp thuế"
        ));
        assert!(!is_form_label("Biểu mẫu 1"), "a report's table caption");
        assert!(!is_form_label("Mẫu số 2 kèm theo Thông tư"));
        assert!(is_form_code("B1-2-TMDA"));
        assert!(is_form_code("B1-3-LLTC"));
        assert!(!is_form_code("UBND-VP"), "no digit after the capitals");
        assert!(!is_form_code("B1"), "no group");
        let text = "B1-2-TMDA\nTHUYẾT MINH\n\nTên: ....\n";
        assert_eq!(
            labelled_forms(&text.split('\n').collect::<Vec<_>>(), &[]),
            [(1, 5)]
        );
        let text = "THÔNG TƯ\nHướng dẫn\nB1-2-TMDA\nMẪU SỐ 01\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    Từ ngày.....\nMẫu số 1b\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐến ngày....";
        assert_eq!(
            labelled_forms(&text.split('\n').collect::<Vec<_>>(), &[]),
            [(4, 6), (7, 8)],
            "a code is a label on the first line only; a label heads the form with its own header"
        );
        let listed = "THÔNG TƯ\nĐiều 1. Ban hành các mẫu:\nMẫu số 01/ĐK-TCT\nMẫu số 02/ĐK-TCT\n\
                      Điều 2. Hiệu lực từ ngày ..... tháng .....\n";
        assert_eq!(
            labelled_forms(&listed.split('\n').collect::<Vec<_>>(), &[]),
            [],
            "a label an article lists names a form, it does not start one"
        );
        assert_eq!(
            labelled_forms(&listed.split('\n').collect::<Vec<_>>(), &[(3, 3)]),
            [(3, 3)],
            "a label inside an appendix starts a form that ends with the appendix"
        );
        assert!(is_form_label("Mẫu số: 01"));
        let issued = "Đơn vị :....... |  |        Mẫu số: C32- H\n\
                      Địa chỉ:....... |  |      Ban hành theo QĐ số: 999 - TC/QĐ/CĐKT\n\
                      BIÊN BẢN THANH LÝ\nI - Ban thanh lý gồm :\n\
                      Đơn vị báo cáo:..... | Mẫu số B04- NCL\n | Ban hành theo QĐ số: 12/2001/QĐ-BTC\n";
        assert_eq!(
            issued_form_starts(issued),
            [1, 5],
            "an accounting form's label in its header row, over the act that issued it"
        );
        let named = "Báo cáo | Mẫu số B04-NCL | 12 trang\nGhi chú | Đã nộp | \n";
        assert_eq!(
            issued_form_starts(named),
            Vec::<usize>::new(),
            "a form named in a table's cell, no act under it, heads nothing"
        );
        assert_eq!(containing(&[(2, 4), (7, 9)], 8), Some((7, 9)));
        assert_eq!(containing(&[(2, 4), (7, 9)], 5), None);
    }

    #[test]
    fn samples_keep_whole_words() {
        let text = "Đã tiêm chủng cho ... trẻ, đạt …% kế hoạch.";
        let s = text.find("...").unwrap_or(0);
        assert_eq!(sample(text, s, s + 3), "chủng cho ... trẻ, đạt …%");
    }
}
