//! Dates written elsewhere than right after the number they belong to:
//!
//! - one date for several numbers of one kind: `Nghị quyết số 01/NQ-CP và Nghị quyết số
//!   02/NQ-CP ngày 08/01/2025` dates both ([`share_dates`]);
//! - a date before a subject and a verb of issuing: `Ngày 30/8/2024, Sở Nội vụ có Công văn số
//!   2328/SNV-TCCC` ([`dates_before`]).

use super::Found;
use crate::grammar;
use crate::tables::{ISSUING_VERBS, NUMBER_WORD};

/// What may stand between two numbers that share the date after the last one.
const JOINERS: &[&str] = &[",", "và", ", và"];

/// The most words between a date and the number it dates: a subject and a verb (`Ban Thường
/// trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng ban hành`).
const SUBJECT_WORDS: usize = 20;

/// How far before the verb the date is looked for, in bytes: the subject's words (up to eight
/// bytes each in Vietnamese) and the date.
const SUBJECT_BYTES: usize = SUBJECT_WORDS * 8 + 48;

/// Gives a number without date and issuer the date (and the issuer) of the next number, when
/// only `và` or a comma stands between them and both have the same kind words (or the second
/// none): `Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ`.
/// From the last to the first, so a list shares the date at its end.
pub(super) fn share_dates(text: &str, found: &mut [Found]) {
    for i in (1..found.len()).rev() {
        let (head, tail) = found.split_at_mut(i);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        // `số` may stand outside the citation that it introduces.
        let between = text.get(a.end..b.start).unwrap_or_default().trim();
        let between = between.strip_suffix(NUMBER_WORD).unwrap_or(between);
        let (a, b) = (&mut a.citation, &b.citation);
        if a.date.is_some()
            || a.issuer_name.is_some()
            || b.date.is_none()
            || !JOINERS.contains(&between.trim())
            || b.kind.is_some() && b.kind != a.kind
        {
            continue;
        }
        a.date.clone_from(&b.date);
        a.issuer_name.clone_from(&b.issuer_name);
    }
}

/// Gives a number without date the date written before it in its clause, when the words
/// between them are a subject and a verb of issuing, with no other number or date between:
/// `Ngày 30/8/2024, Sở Nội vụ có Công văn số 2328/SNV-TCCC`, `theo đó ngày 31/7/2025, Sở Tư
/// pháp đã có Công văn số …`, `ngày 27/11/2025 Sở Tư pháp ban hành Công văn số …`. A clause
/// starts at the start of the text or after `.`, `;` or `:`.
pub(super) fn dates_before(text: &str, found: &mut [Found]) {
    let mut floor = 0;
    for f in found.iter_mut() {
        let start = f.start;
        if f.citation.date.is_none()
            && f.citation.number.is_some()
            && let Some(window) = text.get(floor..start)
        {
            f.citation.date = date_of_clause(window).map(String::into_boxed_str);
        }
        floor = f.end;
    }
}

/// The last date of the last clause of `window`, as `YYYY-MM-DD`, when what follows it is at
/// most [`SUBJECT_WORDS`] words that end on a verb of issuing.
///
/// The verb is looked for first, at the end of the window: most numbers follow other words
/// (`theo`, `Căn cứ`), and then no date is read. The date is looked for only as far back as
/// the subject may reach.
fn date_of_clause(window: &str) -> Option<String> {
    let head = window.trim_end();
    if !ISSUING_VERBS.iter().any(|verb| {
        head.strip_suffix(verb)
            .is_some_and(|before| before.is_empty() || before.ends_with(' '))
    }) {
        return None;
    }
    let clause_start = head.rfind(['.', ';', ':']).map_or(0, |at| at + 1);
    let reach = head.len().saturating_sub(SUBJECT_BYTES).max(clause_start);
    let clause = &head[ceil_boundary(head, reach)..];
    let mut last = None;
    let mut from = 0;
    while let Some((at, written)) = clause.get(from..).and_then(grammar::find_date) {
        last = Some((from + at, written));
        from += at + written.len;
    }
    let (at, written) = last?;
    let (d, m, y) = written.date().ok()?;
    let between = clause[at + written.len..].trim_start_matches([',', ' ']);
    (between.split_whitespace().count() <= SUBJECT_WORDS).then(|| grammar::iso(d, m, y))
}

/// The smallest char boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::super::find_citations;

    fn dates(text: &str) -> Vec<(String, Option<String>)> {
        find_citations(text)
            .into_iter()
            .map(|f| {
                (
                    f.citation.id.unwrap_or_default().into(),
                    f.citation.date.map(String::from),
                )
            })
            .collect()
    }

    fn d(id: &str, date: Option<&str>) -> (String, Option<String>) {
        (id.to_owned(), date.map(str::to_owned))
    }

    #[test]
    fn one_date_after_two_numbers_of_one_kind() {
        assert_eq!(
            dates(
                "thực hiện Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ"
            ),
            [
                d("01/NQ-CP", Some("2025-01-08")),
                d("02/NQ-CP", Some("2025-01-08"))
            ]
        );
        assert_eq!(
            dates("Công văn số 5/UBND-VX, số 6/UBND-VX và số 7/UBND-VX ngày 2/3/2024"),
            [
                d("5/UBND-VX", Some("2024-03-02")),
                d("6/UBND-VX", Some("2024-03-02")),
                d("7/UBND-VX", Some("2024-03-02"))
            ]
        );
    }

    #[test]
    fn other_kinds_or_words_between_share_nothing() {
        assert_eq!(
            dates("Quyết định số 1/QĐ-UBND và Kế hoạch số 2/KH-UBND ngày 5/1/2025"),
            [d("1/QĐ-UBND", None), d("2/KH-UBND", Some("2025-01-05"))]
        );
        assert_eq!(
            dates("Quyết định số 1/QĐ-UBND đã sửa đổi Quyết định số 3/QĐ-UBND ngày 5/1/2025"),
            [d("1/QĐ-UBND", None), d("3/QĐ-UBND", Some("2025-01-05"))]
        );
    }

    #[test]
    fn a_date_before_a_subject_and_a_verb_of_issuing() {
        assert_eq!(
            dates(
                "Căn cứ quy định, theo đó ngày 31/7/2025, Sở Tư pháp đã có Công văn số 223/STP-BTTP về"
            ),
            [d("223/STP-BTTP", Some("2025-07-31"))]
        );
        assert_eq!(
            dates("Để có cơ sở, ngày 27/11/2025 Sở Tư pháp ban hành Công văn số 1668/STP-BTTP về"),
            [d("1668/STP-BTTP", Some("2025-11-27"))]
        );
    }

    #[test]
    fn a_date_that_opens_the_clause() {
        assert_eq!(
            dates("Ngày 30/8/2024, Sở Nội vụ có Công văn số 2328/SNV-TCCC đề nghị"),
            [d("2328/SNV-TCCC", Some("2024-08-30"))]
        );
        assert_eq!(
            dates(
                "Hội đã họp. Trước đó, ngày 14/8/2024, Sở Tài nguyên và Môi trường có Công văn số 4321/STNMT-CCBVMT"
            ),
            [d("4321/STNMT-CCBVMT", Some("2024-08-14"))]
        );
        assert_eq!(
            dates(
                "Ngày 08 tháng 10 năm 2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP về hội"
            ),
            [d("126/2024/NĐ-CP", Some("2024-10-08"))]
        );
        assert_eq!(
            dates("Ngày 12 tháng 6 năm 2025, Quốc hội đã thông qua Nghị quyết số 202/2025/QH15 về"),
            [d("202/2025/QH15", Some("2025-06-12"))]
        );
    }

    #[test]
    fn a_date_not_opening_the_clause_or_taken_dates_nothing() {
        // Only the first number after the date gets it.
        assert_eq!(
            dates("Ngày 30/8/2024, Sở có Công văn số 1/SNV-TCCC và Công văn số 2/SNV-VP"),
            [d("1/SNV-TCCC", Some("2024-08-30")), d("2/SNV-VP", None)]
        );
        // A date of some other event: no verb of issuing before the number, or another clause.
        assert_eq!(
            dates("Đến ngày 30/8/2024 Sở vẫn chưa thực hiện Công văn số 1/SNV-TCCC"),
            [d("1/SNV-TCCC", None)]
        );
        assert_eq!(
            dates("Ngày 30/8/2024, Sở họp; Hội có Công văn số 1/SNV-TCCC"),
            [d("1/SNV-TCCC", None)]
        );
        assert_eq!(
            dates("Ngày 30/8/2024, Sở tổ chức họp. Sau đó có Công văn số 1/SNV-TCCC"),
            [d("1/SNV-TCCC", None)]
        );
        // The last date before the number is its date.
        assert_eq!(
            dates("Ngày 30/8/2024, Sở họp, đến ngày 5/9/2024, Sở có Công văn số 1/SNV-TCCC"),
            [d("1/SNV-TCCC", Some("2024-09-05"))]
        );
    }
}
