//! Body rules: numbering of headings, empty and untitled headings, the sections, appendices and
//! preamble lines a profile requires, headings nested past the parser's limit (BOD001–BOD011,
//! APX001).
//!
//! Numbering is checked among siblings (the parser builds the tree from the numbering), except
//! that articles (`Điều N`) run through the whole document. Điểm letters follow the Vietnamese
//! alphabet (a b c d đ e …); skipping đ is accepted, since practice often does.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Phần I Mục II.6 (bố cục; phần, chương, mục, tiểu mục, điều
//! have titles), Mục III.1 (phụ lục); Phụ lục III Mẫu 1.2, 1.3 (căn cứ, `QUYẾT ĐỊNH:`).

use std::collections::HashMap;

use super::kind::Kind;
use super::locate::Loc;
use super::profile::{fold, matches_words};
use super::{Checker, Part};
use crate::model::{BlockKind, Document, NumberStyle, PreambleKind, Section, Table};
use crate::tables;

/// Runs the body rules.
pub fn check(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let openers = form_openers(cx);
    let mut running = Running {
        form_openers: &openers,
        ..Running::default()
    };
    walk(
        cx,
        &doc.sections,
        &mut String::from("/sections"),
        None,
        &[],
        &mut running,
        None,
    );
    // The list of an appendix may go on with the numbers of the one before (notes 1-13 under
    // one layout diagram, 14-20 under the next).
    let mut carried: Option<&Section> = None;
    for (i, a) in doc.appendices.iter().enumerate() {
        let mut running = Running {
            form_openers: &openers,
            ..Running::default()
        };
        let mut base = format!("/appendices/{i}/sections");
        walk(
            cx,
            &a.sections,
            &mut base,
            None,
            &a.tables,
            &mut running,
            carried,
        );
        carried = a.sections.last();
    }
    // An attached Quy chế numbers its Chương and Điều from 1 again, apart from the decision.
    for (i, a) in doc.attachments.iter().enumerate() {
        let mut running = Running {
            form_openers: &openers,
            ..Running::default()
        };
        let mut base = format!("/attachments/{i}/sections");
        walk(cx, &a.sections, &mut base, None, &[], &mut running, None);
    }
    required_sections(cx);
    required_appendices(cx);
    preamble(cx);
}

/// The last heading seen of each division numbered through the whole text rather than within
/// its parent: parts, chapters and articles (`Chương III` follows `Chương II` across the
/// articles between them, `Điều 12` follows `Điều 11` across chapters). Number and label.
#[derive(Default)]
struct Running<'f> {
    part: Option<(u32, String)>,
    chapter: Option<(u32, String)>,
    article: Option<(u32, String)>,
    /// The lines of the headings that open a form to fill in ([`form_openers`]), sorted.
    form_openers: &'f [usize],
}

/// The line of each heading that is the first after the start of a form to fill in (as
/// [`crate::validate::placeholders`] found them, and the forms a regulation issued: `Mẫu số:
/// C32-H` over `BIÊN BẢN THANH LÝ`), within the form, sorted. A form attached to a regulation
/// (the vouchers and reports of an accounting regime) numbers its own parts, `I`, `II` or
/// `Phần I`, whatever came before it.
fn form_openers(cx: &Checker<'_>) -> Vec<usize> {
    let issued = &cx.issued_forms;
    if cx.forms.is_empty() && issued.is_empty() {
        return Vec::new();
    }
    fn lines(list: &[Section], out: &mut Vec<usize>) {
        for s in list {
            out.push(s.line);
            lines(&s.children, out);
        }
    }
    let doc = cx.doc;
    let mut headings = Vec::new();
    lines(&doc.sections, &mut headings);
    for a in &doc.appendices {
        lines(&a.sections, &mut headings);
    }
    for a in &doc.attachments {
        lines(&a.sections, &mut headings);
    }
    headings.sort_unstable();
    // A form issued by a regulation runs to its first heading at least.
    let spans = cx
        .forms
        .iter()
        .copied()
        .chain(issued.iter().map(|&start| (start, usize::MAX)));
    let mut openers: Vec<usize> = spans
        .filter_map(|(start, end)| {
            let first = headings.get(headings.partition_point(|&l| l <= start))?;
            (*first <= end).then_some(*first)
        })
        .collect();
    openers.sort_unstable();
    openers
}

impl Running<'_> {
    /// The slot of a style numbered through the text, `None` for one numbered within its parent.
    fn slot(&mut self, style: NumberStyle) -> Option<&mut Option<(u32, String)>> {
        match style {
            NumberStyle::Part => Some(&mut self.part),
            NumberStyle::Chapter => Some(&mut self.chapter),
            NumberStyle::Article => Some(&mut self.article),
            _ => None,
        }
    }
}

/// Checks one list of siblings and recurses into their children. `base` is the list's path; it
/// is one buffer for the whole tree, each section's path pushed onto it and taken off again
/// (a path per section was an allocation per section, twice).
fn walk(
    cx: &mut Checker<'_>,
    list: &[Section],
    base: &mut String,
    parent: Option<&Section>,
    tables: &[Table],
    running: &mut Running,
    carried: Option<&Section>,
) {
    let parent_style = parent.map(|p| p.style);
    // The level's style is the one most of its headings use (the first of those as many): a
    // level typed `I-`, `II.`, `III.`, `IV.` has one heading out of style, the first. An
    // unnumbered heading has no numbering to mix with its siblings'.
    // A level has a few styles at most: counted in a short list, in order of first use.
    let mut counts: Vec<(NumberStyle, usize)> = Vec::new();
    for st in list
        .iter()
        .map(|s| s.style)
        .filter(|&st| st != NumberStyle::Unnumbered)
        .filter(|&st| !parent_style.is_some_and(|p| p.spelled_like(st)))
    {
        match counts.iter_mut().find(|(s, _)| *s == st) {
            Some((_, n)) => *n += 1,
            None => counts.push((st, 1)),
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let level_style = counts.iter().find(|&&(_, n)| n == most).map(|&(st, _)| st);
    // The previous sibling's number and label; a child written in the parent's other style
    // (`II-` under `I.`) counts as a sibling of its parent here.
    let mut prev: Option<(u32, String)> = carried
        .zip(list.first())
        .filter(|(c, f)| {
            c.style == f.style && c.number.zip(f.number).is_some_and(|(c, f)| f == c + 1)
        })
        .and_then(|(c, _)| c.number.map(|n| (n, c.label.to_string())));
    // Numbered items are headings when at least half of them have text under them; a run of
    // short items with nothing under them but the last (`1. Sở Tư pháp`, …, `22. Thanh tra
    // Tỉnh` and the next paragraph) is a list, whose items are complete as they stand.
    // Text on an item's own line (`2 - Sử dụng … (Tel, X25,..)`) is the item, not text under it.
    let with_content = list
        .iter()
        .filter(|s| !s.children.is_empty() || s.paragraphs.iter().any(|p| p.line != s.line))
        .count();
    let headings = with_content > 0 && with_content * 2 >= list.len();
    let base_len = base.len();
    let mut next_same: Option<Vec<Option<usize>>> = None;
    for (i, s) in list.iter().enumerate() {
        base.truncate(base_len);
        crate::parse::push_index(base, i);
        let path: &mut String = base;
        let label_at = |cx: &Checker<'_>, path: &str| cx.loc.span(path, s.label_span, s.line);
        // A child in its parent's other spelling goes on with the parent's level (`II-` under
        // `I.`), unless its run starts over at 1: then it is a list of its own (`1 - …`, `2 - …`
        // under `2.`), as the parser nests `I/` under `I-`.
        let starts_over = || {
            list.iter()
                .find(|x| x.style == s.style)
                .is_some_and(|x| x.number == Some(1))
        };
        if let Some(p) = parent.filter(|p| p.style.spelled_like(s.style) && !starts_over()) {
            let at = label_at(cx, path);
            cx.emit(
                Kind::MixedNumberingStyles {
                    found: styled(s),
                    level: styled_as(&p.label, p.style),
                },
                at,
            );
        } else if level_style
            .is_some_and(|st| st != s.style && !(division(st) && division(s.style)))
            && !matches!(s.style, NumberStyle::Article | NumberStyle::Unnumbered)
        {
            let level = list
                .iter()
                .find(|x| Some(x.style) == level_style)
                .map_or_else(String::new, styled);
            let at = label_at(cx, path);
            cx.emit(
                Kind::MixedNumberingStyles {
                    found: styled(s),
                    level,
                },
                at,
            );
            // `I-` among `II.`, `III.`: its number still counts in the level's sequence.
            if level_style.is_some_and(|st| st.spelled_like(s.style)) {
                prev = s.number.map(|n| (n, s.label.to_string())).or(prev);
            }
        } else if let Some(n) = s.number {
            let previous = match running.slot(s.style) {
                Some(slot) => slot.clone(),
                None => prev.clone(),
            };
            // The first heading of a form numbers from 1 again, whatever came before.
            let opens_form = n == 1 && running.form_openers.binary_search(&s.line).is_ok();
            let kind = if opens_form {
                None
            } else {
                sequence(s, n, previous.as_ref(), list, i)
            };
            if let Some(kind) = kind {
                let at = label_at(cx, path);
                cx.emit(kind, at);
            }
            if let Some(slot) = running.slot(s.style) {
                *slot = Some((n, s.label.to_string()));
            } else {
                prev = Some((n, s.label.to_string()));
                for c in s.children.iter().filter(|c| s.style.spelled_like(c.style)) {
                    if let Some(cn) = c.number {
                        prev = Some((cn, c.label.to_string()));
                    }
                }
            }
        }
        let clause = parent.is_some_and(|p| p.style == NumberStyle::Article);
        // The next sibling with the same label, looked up only for an empty heading (a table
        // of contents' entry), from one index built once per list.
        let twin = || {
            next_same
                .get_or_insert_with(|| next_with_same_label(list))
                .get(i)
                .copied()
                .flatten()
                .and_then(|k| list.get(k))
        };
        content(cx, s, path, headings && !clause, tables, twin);
        too_deep(cx, s, path);
        path.push_str("/children");
        // A form's items may run on through its parts (1-13 under `I.`, 14-18 under `II.`):
        // the list goes on from the last item under the part before.
        let before = i.checked_sub(1).and_then(|k| list.get(k));
        let carried = before.and_then(|b| b.children.last());
        walk(cx, &s.children, path, Some(s), &[], running, carried);
    }
    base.truncate(base_len);
}

/// BOD011: the labels the parser read as text of `s` because they would have nested deeper than
/// its limit; one finding at the first, with the count of the others. `s` sits at the limit, so
/// its depth (the `/children` steps of its path, plus one) is the limit.
fn too_deep(cx: &mut Checker<'_>, s: &Section, path: &str) {
    let Some(&(line, span)) = s.too_deep().first() else {
        return;
    };
    let at = cx.loc.span(path, span, line);
    let label = cx
        .loc
        .text()
        .get(at.range.0..at.range.1)
        .filter(|_| !span.is_empty())
        .unwrap_or("?")
        .to_owned();
    cx.emit(
        Kind::SectionTooDeep {
            label,
            parent: s.label.to_string(),
            depth: path.matches("/children").count() + 1,
            more: s.too_deep().len() - 1,
        },
        at,
    );
}

/// The numbering finding for a heading numbered `n` after `previous`, if any.
fn sequence(
    s: &Section,
    n: u32,
    previous: Option<&(u32, String)>,
    list: &[Section],
    i: usize,
) -> Option<Kind> {
    let Some((p, prev_label)) = previous else {
        return (n > 1).then(|| Kind::NumberingGap {
            found: s.label.to_string(),
            expected: label_for(s.style, 1, &s.label),
        });
    };
    let p = *p;
    // `5a.`, `5b.`: variants of one legend entry share its number.
    let variants = *s.label != **prev_label
        && [&*s.label, prev_label.as_str()].iter().any(|l| {
            l.bytes().any(|b| b.is_ascii_lowercase())
                && l.bytes().next().is_some_and(|b| b.is_ascii_digit())
        });
    if n == p && variants {
        None
    } else if n == p {
        let first_line = list[..i]
            .iter()
            .find(|x| x.label == s.label)
            .map_or(s.line, |x| x.line);
        Some(Kind::DuplicateNumber {
            label: s.label.to_string(),
            first_line,
        })
    } else if n < p && n == 1 && i > 0 && (opens_list(&list[i - 1]) || leads_in(&list[i - 1])) {
        // `17. Tổng Thư ký` then `1. …`, `2. …`: a heading whose items were typed at its own
        // level (its article word left out): the numbering restarts under it, not out of order.
        None
    } else if n < p {
        Some(Kind::NumberingOutOfOrder {
            found: s.label.to_string(),
            previous: prev_label.clone(),
        })
    } else if n > p + 1
        && !(matches!(s.style, NumberStyle::Letter | NumberStyle::UpperLetter) && p == 4 && n == 6)
    {
        Some(Kind::NumberingGap {
            found: s.label.to_string(),
            expected: label_for(s.style, p + 1, &s.label),
        })
    } else {
        None
    }
}

/// True when the text under a section ends with a lead-in to a list (`… có 3 tác nhân kinh tế
/// chính. Đó là:`): the items after it, numbered from 1 again, are that new list.
fn leads_in(s: &Section) -> bool {
    let mut last = s;
    while let Some(child) = last.children.last() {
        last = child;
    }
    last.paragraphs
        .last()
        .is_some_and(|p| p.text.trim_end().ends_with(':'))
}

/// True when a numbered item reads as a heading over what follows: a short title of a few words
/// that ends no sentence, and nothing under it.
fn opens_list(s: &Section) -> bool {
    s.paragraphs.is_empty()
        && s.children.is_empty()
        && s.title.as_deref().is_some_and(|t| {
            let t = t.trim();
            !t.is_empty() && t.split_whitespace().count() <= 6 && !t.ends_with(['.', ';', ','])
        })
}

/// Empty headings and untitled divisions. `twin` gives the next sibling with the label of `s`.
fn content<'s>(
    cx: &mut Checker<'_>,
    s: &Section,
    path: &str,
    headings: bool,
    tables: &[Table],
    twin: impl FnOnce() -> Option<&'s Section>,
) {
    use NumberStyle as S;
    let division = matches!(
        s.style,
        S::Part | S::Chapter | S::Division | S::Subdivision | S::Article
    );
    // An article whose text is on its heading line (`Điều 2. Quyết định này có hiệu lực …`) is
    // written without a title by design; a bare `Điều 1.` is not.
    // An individual decision (its number has no year: not a legal normative document) writes
    // each article's text right after `Điều N.`, on the next line as well when the export broke
    // the line; only normative articles, and those of the regulations it issues, need titles.
    let individual = path.starts_with("/sections")
        && cx
            .doc
            .header
            .reference
            .as_ref()
            .is_some_and(|r| r.year.is_none());
    let text_on_heading = s.style == S::Article
        && s.paragraphs.first().is_some_and(|p| {
            p.line == s.line || individual && p.kind == BlockKind::Paragraph && p.line == s.line + 1
        });
    if division && !text_on_heading && s.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        let at = cx.loc.span(path, s.span, s.line);
        cx.emit(
            Kind::UntitledDivision {
                label: s.label.to_string(),
            },
            at,
        );
        return;
    }
    let has_table = tables
        .iter()
        .any(|t| t.line > s.line && t.line <= s.end_line.max(s.line));
    if !s.paragraphs.is_empty() || !s.children.is_empty() || has_table {
        return;
    }
    let title = s.title.as_deref().unwrap_or("");
    // A title that is a whole sentence (`Điều 3. Chánh Văn phòng … thi hành Quyết định này./.`)
    // is the content itself; so is a field and its value (`Điều 1. Tên gọi: Hội …`, `3. Điện
    // thoại: 0985 …`).
    let sentence = title.chars().count() > 100
        || title.ends_with("./.")
        || title
            .split_once(": ")
            .is_some_and(|(_, value)| !value.trim().is_empty());
    // A phiếu trình's boxes for the reviewers' opinions (`7. Ý kiến của Lãnh đạo Phòng:`) are
    // left blank for them by design.
    let opinion_box = cx
        .doc
        .title
        .as_ref()
        .is_some_and(|t| t.type_code.as_deref() == Some("PTr"))
        && title.starts_with(tables::OPINION_BOX);
    let structural = division || matches!(s.style, S::Roman | S::RomanDash);
    let heading = structural
        || (matches!(
            s.style,
            S::Arabic | S::ArabicDash | S::Decimal | S::Compound
        ) && !title.is_empty()
            && headings);
    // A numbered field of a form (`3. Mã số:`) is left empty for whoever fills it in.
    let field = cx.forms.iter().any(|&(a, b)| a <= s.line && s.line <= b);
    if heading && !sentence && !opinion_box && !field && !contents_entry(s, twin()) {
        let at = cx.loc.span(path, s.span, s.line);
        cx.emit(
            Kind::EmptySection {
                label: s.label.to_string(),
            },
            at,
        );
    }
}

/// True when an empty heading is an entry of a table of contents: the next later sibling with its
/// label (`twin`) has a title that opens with this one's or that this one's opens with (`IV.MÔ
/// TẢ … SỞ KH-ĐT` in the list of what the project holds, `IV.MÔ TẢ … SỞ KH-ĐT (tham khảo …)`
/// over its text), compared word by word (case folded only for words that differ as written).
fn contents_entry(s: &Section, twin: Option<&Section>) -> bool {
    let lower = |w: &str| {
        w.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    let (Some(title), Some(other)) = (
        s.title.as_deref().filter(|t| !t.trim().is_empty()),
        twin.and_then(|x| x.title.as_deref())
            .filter(|t| !t.trim().is_empty()),
    ) else {
        return false;
    };
    title
        .split_whitespace()
        .zip(other.split_whitespace())
        .all(|(a, b)| a == b || lower(a) == lower(b))
}

/// For each section of a list, the index of the next one with the same label.
fn next_with_same_label(list: &[Section]) -> Vec<Option<usize>> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut next = vec![None; list.len()];
    for (i, s) in list.iter().enumerate().rev() {
        next[i] = seen.insert(&*s.label, i);
    }
    next
}

/// A Phần, Chương, Mục, Tiểu mục or Điều: divisions of the legal hierarchy, whose rank is
/// fixed, so that one may stand beside another (articles before the first chapter).
fn division(style: NumberStyle) -> bool {
    use NumberStyle as S;
    matches!(
        style,
        S::Part | S::Chapter | S::Division | S::Subdivision | S::Article
    )
}

/// A label with its style's punctuation (`II-`, `1.`, `a)`).
fn styled(s: &Section) -> String {
    styled_as(&s.label, s.style)
}

fn styled_as(label: &str, style: NumberStyle) -> String {
    use NumberStyle as S;
    match style {
        S::Roman | S::Arabic | S::Decimal | S::Compound | S::UpperLetter => format!("{label}."),
        S::RomanDash | S::ArabicDash => format!("{label}-"),
        S::Letter => format!("{label})"),
        _ => label.to_owned(),
    }
}

/// The label numbered `n` in `style`, shaped like `like`.
fn label_for(style: NumberStyle, n: u32, like: &str) -> String {
    use NumberStyle as S;
    match style {
        S::Roman | S::RomanDash => crate::grammar::to_roman(n),
        S::Arabic | S::ArabicDash => n.to_string(),
        S::Decimal | S::Compound => match like.rsplit_once('.') {
            Some((head, _)) => format!("{head}.{n}"),
            None => n.to_string(),
        },
        S::Letter => crate::grammar::letter_at(n).map_or_else(|| n.to_string(), String::from),
        S::Article => format!("Điều {n}"),
        S::Part => format!("Phần {}", crate::grammar::to_roman(n)),
        S::Chapter => format!("Chương {}", crate::grammar::to_roman(n)),
        S::Division => format!("Mục {n}"),
        S::Subdivision => format!("Tiểu mục {n}"),
        S::UpperLetter => crate::grammar::letter_at(n)
            .map_or_else(|| n.to_string(), |c| c.to_uppercase().collect()),
        S::Unnumbered => String::new(),
    }
}

/// The headings of one depth of the main body, with their paths, in document order.
fn level_list(sections: &[Section], level: u32) -> Vec<(String, &Section)> {
    let mut current: Vec<(String, &Section)> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("/sections/{i}"), s))
        .collect();
    for _ in 1..level {
        current = current
            .iter()
            .flat_map(|(p, s)| {
                s.children
                    .iter()
                    .enumerate()
                    .map(move |(j, c)| (format!("{p}/children/{j}"), c))
            })
            .collect();
    }
    current
}

/// `IV. ĐÁNH GIÁ CHUNG` for messages.
fn heading_text(s: &Section) -> String {
    match &s.title {
        Some(t) => format!("{}. {t}", s.label),
        None => s.label.to_string(),
    }
}

/// The sections the profile requires: present, in order, at their level.
fn required_sections(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let rules = cx.profile().sections.clone();
    let ordered = cx.profile().ordered;
    let mut lists: HashMap<u32, Vec<(String, &Section)>> = HashMap::new();
    let mut used: HashMap<u32, Vec<bool>> = HashMap::new();
    // Per level: position and rule name of the last section matched in order.
    let mut last: HashMap<u32, (usize, String)> = HashMap::new();
    for rule in &rules {
        let list = lists
            .entry(rule.level)
            .or_insert_with(|| level_list(&doc.sections, rule.level));
        let taken = used
            .entry(rule.level)
            .or_insert_with(|| vec![false; list.len()]);
        let patterns: Vec<String> = std::iter::once(&rule.name)
            .chain(&rule.alternatives)
            .map(|p| fold(p))
            .filter(|p| !p.is_empty())
            .collect();
        let fits = |s: &Section| {
            let title = fold(s.title.as_deref().unwrap_or(""));
            patterns.iter().any(|p| matches_words(&title, p))
        };
        let from = last.get(&rule.level).map_or(0, |(p, _)| p + 1);
        let in_order = (from..list.len()).find(|&j| !taken[j] && fits(list[j].1));
        let anywhere = || (0..list.len()).find(|&j| !taken[j] && fits(list[j].1));
        match in_order.or_else(anywhere) {
            Some(j) => {
                taken[j] = true;
                if j >= from {
                    last.insert(rule.level, (j, rule.name.clone()));
                } else if ordered {
                    let after = last
                        .get(&rule.level)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default();
                    let (path, s) = &list[j];
                    let at = cx.loc.span(path, s.span, s.line);
                    cx.emit(
                        Kind::SectionOutOfOrder {
                            name: rule.name.clone(),
                            after,
                        },
                        at,
                    );
                }
            }
            // A heading that names two parts (`I. MỤC TIÊU, NHIỆM VỤ`) holds both.
            None if (0..list.len()).any(|j| taken[j] && fits(list[j].1)) => {}
            None => {
                let prev = last.get(&rule.level).map(|(p, _)| *p);
                let next = prev.map_or(0, |p| p + 1);
                let after = prev.map(|p| heading_text(list[p].1));
                let container = if rule.level == 1 {
                    "/sections".to_owned()
                } else {
                    prev.map_or_else(|| "/sections".to_owned(), |p| parent_children(&list[p].0))
                };
                let (line, before_line) = match list.get(next) {
                    Some((_, s)) => (s.line, Some(s.line)),
                    None => match prev {
                        Some(p) => (list[p].1.end_line, None),
                        None => (
                            doc.title
                                .as_ref()
                                .map_or_else(|| cx.loc.first_text_line(), |t| t.end_line),
                            None,
                        ),
                    },
                };
                let at = cx.loc.expected(&container, line);
                cx.emit(
                    Kind::MissingSection {
                        name: rule.name.clone(),
                        label: rule.label.clone(),
                        after,
                        before_line,
                    },
                    at,
                );
            }
        }
    }
}

/// `/sections/2/children` for `/sections/2/children/4`.
fn parent_children(path: &str) -> String {
    path.rsplit_once('/')
        .map_or_else(|| path.to_owned(), |(head, _)| head.to_owned())
}

/// The appendices the profile requires.
fn required_appendices(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let rules = cx.profile().appendices.clone();
    for rule in &rules {
        let found = doc.appendices.iter().any(|a| {
            let title = fold(&a.title);
            std::iter::once(&rule.name)
                .chain(&rule.alternatives)
                .any(|p| matches_words(&title, &fold(p)))
        });
        if !found {
            let line = doc
                .appendices
                .first()
                .map(|a| a.line)
                .or_else(|| doc.source_map.last().map(|e| e.last_line()))
                .unwrap_or(1);
            let at = cx.loc.expected("/appendices", line);
            cx.emit(
                Kind::MissingAppendix {
                    name: rule.name.clone(),
                },
                at,
            );
        }
    }
}

/// The legal bases and the enacting line a decision requires.
fn preamble(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let has = |k: PreambleKind| doc.preamble.iter().any(|p| p.kind == k);
    let title_end = doc
        .title
        .as_ref()
        .map_or_else(|| cx.loc.first_text_line(), |t| t.end_line);
    if cx.requires(Part::LegalBasis) && !has(PreambleKind::Basis) {
        let line = doc.preamble.first().map_or(title_end, |p| p.line);
        let at = cx.loc.expected("/preamble", line);
        cx.emit(Kind::MissingLegalBasis, at);
    }
    if cx.requires(Part::EnactingLine) && !has(PreambleKind::Enacting) && !enacts_in_words(doc) {
        let line = doc.sections.first().map_or(title_end, |s| s.line);
        let at: Loc = cx.loc.expected("/preamble", line);
        cx.emit(Kind::MissingEnactingLine, at);
    }
}

/// True when the preamble ends in the enacting sentence of the 2025 form of a normative
/// document (`Ủy ban nhân dân tỉnh ban hành Quyết định Quy định …`), which stands for the
/// `QUYẾT ĐỊNH:` line: after the bases, a paragraph saying the issuer `ban hành` a document of
/// the title's type; or when the type name stands alone after the bases, its colon lost.
fn enacts_in_words(doc: &Document) -> bool {
    let Some(type_name) = doc.title.as_ref().and_then(|t| t.type_name.as_deref()) else {
        return false;
    };
    let type_name = type_name.to_lowercase();
    let enacting = format!("{} {type_name}", tables::ENACTING_VERB);
    doc.preamble
        .iter()
        .rev()
        .take_while(|p| p.kind != PreambleKind::Basis)
        .any(|p| {
            let text = p.text.to_lowercase();
            // The type name alone on its line is the enacting line without its colon.
            let bare = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '*'));
            text.contains(&enacting) || bare == type_name
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_labels_follow_the_style() {
        assert_eq!(label_for(NumberStyle::Roman, 3, "IV"), "III");
        assert_eq!(label_for(NumberStyle::Decimal, 2, "1.3"), "1.2");
        assert_eq!(label_for(NumberStyle::Letter, 5, "e"), "đ");
        assert_eq!(label_for(NumberStyle::Article, 4, "Điều 6"), "Điều 4");
        assert_eq!(crate::grammar::to_roman(14), "XIV");
    }
    /// The body findings (BOD0xx) of `text` read as plain text, as `code line`.
    fn body_findings(text: &str) -> Vec<String> {
        let options = crate::Options {
            format: Some(crate::model::Format::Text),
            ..crate::Options::default()
        };
        crate::validate::check(text, &options)
            .findings
            .iter()
            .filter(|f| f.code.starts_with("BOD00"))
            .map(|f| format!("{} {}", f.code, f.line))
            .collect()
    }

    #[test]
    fn lettered_parts_and_spaced_dashes_of_older_documents() {
        // Parts A, B, C, D, Đ, E typed with spaced dashes, each with its own roman sections,
        // the khoản lists typed `1 - …` with a spaced dash too: nothing is out of order.
        let text = "A - PHẠM VI ÁP DỤNG\nI - Đối tượng nộp thuế:\nCác cơ sở kinh doanh.\n\
                    II- Đối tượng không nộp thuế:\nHộ gia đình.\nB - CĂN CỨ TÍNH THUẾ\n\
                    I - Thu nhập chịu thuế\n1. Doanh thu bán hàng.\n2. Thu nhập khác.\n\
                    C - ĐĂNG KÝ, KÊ KHAI\nI - Đăng ký thuế\nCơ sở đăng ký với cơ quan thuế.\n\
                    D- NHIỆM VỤ CỦA CƠ QUAN THUẾ\nHướng dẫn cơ sở kinh doanh.\n\
                    Đ - MIỄN THUẾ, GIẢM THUẾ\nI - Những trường hợp được miễn thuế\n\
                    Cơ sở mới thành lập.\nE - XỬ LÝ VI PHẠM\nI - Xử lý vi phạm về thuế\n\
                    Phạt tiền.\n";
        assert_eq!(body_findings(text), Vec::<String>::new());
        // Without Đ, E still follows D (the letter is skipped as in điểm); G follows E (no F in
        // the alphabet); a letter skipped is a gap, named in the alphabet's order (K for I).
        let skipped = "A. MỤC ĐÍCH\nNâng cao.\nB. NỘI DUNG\nCải cách.\nC. GIẢI PHÁP\nĐổi mới.\n\
                       D. KINH PHÍ\nNgân sách.\nE. TIẾN ĐỘ\nNăm 2004.\nG. TỔ CHỨC\nCác sở.\n\
                       H. KIẾN NGHỊ\nĐề nghị.\nK. PHỤ LỤC\nBảng biểu.\n";
        let doc = crate::validate::check(
            skipped,
            &crate::Options {
                format: Some(crate::model::Format::Text),
                ..crate::Options::default()
            },
        );
        let gaps: Vec<String> = doc
            .findings
            .iter()
            .filter(|f| f.code.starts_with("BOD00"))
            .map(|f| format!("{} {} {}", f.code, f.line, f.message))
            .collect();
        assert!(
            gaps.len() == 1 && gaps[0].starts_with("BOD001 15") && gaps[0].contains("của I"),
            "{gaps:?}"
        );
    }

    #[test]
    fn a_list_of_its_own_under_a_heading_is_no_mixed_style() {
        // `1 - …` under `2.` starts over at 1: a list of the heading's, not its siblings in
        // another spelling; its items stand complete on their lines, the last with text under it.
        let text = "I. YÊU CẦU\n1. Trang bị thiết bị\nMáy tính cho các sở.\n\
                    2. Khả năng nâng cấp\nHệ thống phải đáp ứng:\n\
                    1 - Thiết kế theo các tiêu chuẩn quốc tế\n\
                    2 - Sử dụng nhiều phương thức truyền dẫn (Tel, X25,..)\n\
                    3 - Có khả năng nâng cấp\n4 - Khai thác trực tuyến\n\
                    Các yêu cầu trên phải được đáp ứng.\n";
        assert_eq!(body_findings(text), Vec::<String>::new());
    }

    #[test]
    fn a_separator_changed_within_a_level_is_one_finding_at_the_odd_heading() {
        let slash = "I- Bổ sung mục I như sau:\n1- Dự án khuyến khích đầu tư.\n\
                     II- Sửa đổi mục II như sau:\n1- Hồ sơ gồm tờ khai.\n2- Thời hạn nộp hồ sơ.\n\
                     III/ Tổ chức thực hiện:\nThông tư này có hiệu lực sau 15 ngày.\n";
        assert_eq!(
            body_findings(slash),
            ["BOD004 6"],
            "`III/` after `II-` goes on with the level (not inside `2-`), and only it is out of style"
        );
        let first = "I- ĐÁNH GIÁ KẾT QUẢ\nĐã đạt nhiều kết quả.\nII. MỤC TIÊU\nNâng cao hiệu quả.\n\
                     III. NỘI DUNG\nCải cách thể chế.\nIV. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n";
        assert_eq!(
            body_findings(first),
            ["BOD004 1"],
            "the level's style is its headings' most: the first is out of it, and II follows I"
        );
        let nested = "I- CHẾ ĐỘ THU NỘP THUẾ VÀ BÁO CÁO\nI/ CHẾ ĐỘ THU NỘP THUẾ:\nNộp theo tháng.\n\
                      II/ CHẾ ĐỘ BÁO CÁO:\nBáo cáo theo quý.\nII- TỔ CHỨC THỰC HIỆN\nCục thuế thực hiện.\n";
        let doc = crate::parse(nested);
        let outline: Vec<(usize, Vec<usize>)> = doc
            .sections
            .iter()
            .map(|s| (s.line, s.children.iter().map(|c| c.line).collect()))
            .collect();
        assert_eq!(
            outline,
            [(1, vec![2, 4]), (6, vec![])],
            "`I/` under `I-` starts a level of its own, and `II/` goes on with `I/`"
        );
    }

    #[test]
    fn numbering_rules_read_the_tree_a_reader_sees() {
        let doc = "HƯỚNG DẪN\nThể thức văn bản\n\nI. THỂ THỨC\nVăn bản trình bày theo mẫu.\n\n\
                   PHỤ LỤC 1\nSƠ ĐỒ BỐ TRÍ\n\nGhi chú:\n1. Tiêu đề;\n2. Tên cơ quan;\n\
                   3a. Tên loại văn bản;\n3b. Trích yếu công văn;\n4. Nội dung văn bản.\n\n\
                   PHỤ LỤC 2\nSƠ ĐỒ BẢN SAO\n\nGhi chú:\n5. Tên cơ quan sao;\n6. Số bản sao.\n\n\
                   PHỤ LỤC 3\nMẪU KHÁC\n\n2. Mục thứ hai;\n";
        assert_eq!(
            body_findings(doc),
            ["BOD001 27"],
            "legend variants and a list going on in the next appendix are no gaps; a list that \
             starts at 2 is"
        );
        let decision = "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nQUYẾT ĐỊNH:\n\
                        Điều 1. Thành lập Tổ công tác của tỉnh.\n\
                        Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n\
                        Điều 3.\n1. Các thành viên chịu trách nhiệm thi hành Quyết định này.\n";
        assert_eq!(
            body_findings(decision),
            ["BOD006 7"],
            "an article whose text is on its heading line is neither empty nor untitled; a bare \
             one is untitled"
        );
        let individual = "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nQUYẾT ĐỊNH:\n\
                          Điều 1.\nThành lập Tổ công tác của tỉnh.\n";
        let normative = format!("Số: 12/2024/QĐ-UBND\n{individual}");
        let individual = format!("Số: 12/QĐ-UBND\n{individual}");
        assert_eq!(
            body_findings(&individual),
            Vec::<String>::new(),
            "an individual decision's article may carry its text on the line under `Điều 1.`"
        );
        assert_eq!(
            body_findings(&normative),
            ["BOD006 6"],
            "a normative article needs its title"
        );
        let chapters = "NGHỊ ĐỊNH\nVề cán bộ, công chức cấp xã\n\nNGHỊ ĐỊNH:\n\nChương I\n\
                        Những quy định chung\n\nĐiều 1. Phạm vi\nNghị định này quy định.\n\n\
                        Chương II\nĐiều 2 quy định việc tuyển dụng.\n\nĐiều 2. Tuyển dụng\n\
                        Việc tuyển dụng theo quy định.\n";
        assert_eq!(
            body_findings(chapters),
            ["BOD006 12"],
            "a chapter's title in sentence case alone under its label is its title; a sentence \
             under a bare label is not"
        );
        let compound = "BÁO CÁO\nDự án tin học hóa\n\nI. HIỆN TRẠNG\nI.1. Chức năng\nNội dung.\n\
                        1. Tham mưu\n2. Đề xuất\nI.2. Quyền hạn\nNội dung.\nII. MỤC TIÊU\n\
                        II. 1. Mục tiêu chung\nNội dung.\nII. 3. Mục tiêu riêng\nNội dung.\n";
        assert_eq!(
            body_findings(compound),
            ["BOD001 14"],
            "items numbered after their roman heading (`I.1.`, `II. 1.`) nest under it, with \
             lists of their own; a gap among them is still one"
        );
        let list = "BÁO CÁO\nDự án tin học hóa\n\nQuản lý nhà nước có 4 đơn vị gồm:\n\
                    1. Sở Tư pháp\n2. Sở Tài chính\n3. Sở Xây dựng\n4. Thanh tra tỉnh\n\
                    Các đơn vị được triển khai trong năm 1998.\n";
        assert_eq!(
            body_findings(list),
            Vec::<String>::new(),
            "short items with nothing under them but the last are a list, complete as they stand"
        );
        let lists = "BÁO CÁO\nTình hình\n\nQuá trình chia làm ba giai đoạn:\n1. Từ 1978\n\
                     2. Từ 1989\n3. Từ 1999\nCó ba câu hỏi chính sau đây:\n1. Có phải\n\
                     2. Những tiến bộ\n";
        assert_eq!(
            body_findings(lists),
            Vec::<String>::new(),
            "a list after its own lead-in starts again at 1"
        );
        let headings = "BÁO CÁO\nKết quả năm 1998\n\n1. Kết quả\nĐã triển khai.\n2. Tồn tại\n\
                        3. Kiến nghị\nĐề nghị bổ sung.\n";
        assert_eq!(
            body_findings(headings),
            ["BOD005 6"],
            "among headings with text under them, an empty one is still empty"
        );
        let contents = "BÁO CÁO\nDự án tin học hóa\n\nDự án gồm các phần sau:\n\n\
                        I. HIỆN TRẠNG\nII. MỤC TIÊU\nIII.GIẢI PHÁP\n\nNội dung chi tiết:\n\n\
                        I. HIỆN TRẠNG\nHiện trạng ứng dụng.\n\nII. MỤC TIÊU (tham khảo phần I)\n\
                        Mục tiêu đến năm 2000.\n\nIII. GIẢI PHÁP\n\nIV. KINH PHÍ\n\
                        Kinh phí dự kiến.\n";
        assert_eq!(
            body_findings(contents),
            ["BOD005 18"],
            "a table of contents' entries are not empty headings (a title may be longer over the \
             text), and the text after its lead-in numbers from I again; an empty heading of the \
             text still is"
        );
    }
}
