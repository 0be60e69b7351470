//! The `Kính gửi:` block of a công văn or tờ trình, read where the body starts: one addressee
//! on the opening line, or a list of items under it (each with a list marker, no gap between).
//! The text of the opening and of each item is [`mod@grammar::addressee`]'s.

use super::paragraphs::bullet;
use crate::grammar;
use crate::model::Document;
use crate::parse::{Context, pointer};

/// Reads a `Kính gửi:` block at line `i`, whose text after the opening is `rest`. Returns the
/// next line.
pub(super) fn addressees(cx: &mut Context<'_>, doc: &mut Document, i: usize, rest: &str) -> usize {
    if rest.is_empty() {
        cx.claim_line("/addressees", i);
    } else {
        push(cx, doc, grammar::addressee(rest), i);
    }
    let mut next = i + 1;
    // An opening without its addressee awaits one: the line under it names it even without a
    // list marker (`Kính gửi:` / `Ủy ban nhân dân tỉnh.`), and so does each line after one that
    // ends on `;` or `,` (a list without markers).
    let mut awaits = rest.is_empty();
    // The blank lines allowed before an item: one; under an empty opening, as many as stand
    // before its first item, up to [`MAX_SPACING`] (a text exported with its paragraphs
    // double-spaced keeps them between the items too).
    let mut spacing = None;
    while let Some(k) = cx.next_non_blank(next) {
        let l = &cx.lines[k];
        let item = bullet(&l.text).is_some() || awaits && unmarked_item(&l.text);
        let gap = k - next;
        let allowed = *spacing.get_or_insert(if rest.is_empty() {
            gap.min(MAX_SPACING)
        } else {
            1
        });
        if !item || gap > allowed.max(1) {
            break;
        }
        push(cx, doc, grammar::addressee(&l.text), k);
        awaits = l.text.trim_end().ends_with([';', ',']);
        next = k + 1;
    }
    next
}

/// The most blank lines between the items of a `Kính gửi:` list (a double-spaced export).
const MAX_SPACING: usize = 2;

/// The most characters of an addressee written on its own line without a list marker: a name,
/// not a sentence of the body.
const UNMARKED_ITEM_CHARS: usize = 90;

/// True when `text` may be an addressee on a line of its own without a list marker: short, it
/// starts with a capital and holds no sentence end before its last char nor a `:` (a label).
fn unmarked_item(text: &str) -> bool {
    let t = text.trim();
    let body = t.trim_end_matches([';', '.', ',']);
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().count() <= UNMARKED_ITEM_CHARS
        && !body.contains(['.', ':'])
}

/// Adds an addressee read from line `i`, which it claims.
fn push(cx: &mut Context<'_>, doc: &mut Document, addressee: String, i: usize) {
    doc.addressees.push(addressee);
    let path = pointer("", "addressees", doc.addressees.len() - 1);
    cx.claim_line(path, i);
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_addressee_on_the_line() {
        let doc = crate::parse("Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi: Sở Tư pháp.\n\nNội dung.\n");
        assert_eq!(doc.addressees, ["Sở Tư pháp"]);
        assert!(doc.source_map.iter().any(|e| e.path == "/addressees/0"));
    }

    #[test]
    fn a_list_under_the_opening_ends_at_a_gap_or_a_line_without_a_marker() {
        let doc = crate::parse(
            "Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n\
             - UBND các huyện, thị xã.\nỦy ban nhân dân tỉnh đề nghị các cơ quan góp ý.\n",
        );
        assert_eq!(
            doc.addressees,
            ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã"]
        );
        assert!(doc.source_map.iter().any(|e| e.path == "/addressees"));
        let doc = crate::parse(
            "Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\n- Sở Nội vụ;\n\n\n- Sở Tài chính.\n",
        );
        assert_eq!(
            doc.addressees,
            ["Sở Nội vụ"],
            "two blank lines end a tight list"
        );
        let doc = crate::parse(
            "Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\n\n\n- Sở Nội vụ;\n\n\n- Sở Tài chính.\n\n\n\
             Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024.\n",
        );
        assert_eq!(
            doc.addressees,
            ["Sở Nội vụ", "Sở Tài chính"],
            "a double-spaced export keeps two blank lines before each item"
        );
        let doc = crate::parse("Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\n\n\n\n- Sở Nội vụ;\n");
        assert!(doc.addressees.is_empty(), "three blank lines end the block");
    }

    #[test]
    fn an_addressee_under_an_empty_opening_needs_no_marker() {
        let doc = crate::parse(
            "Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\n\nỦy ban nhân dân tỉnh.\n\n\
             Sở Tư pháp nhận được Văn bản số 5/UBND-VP của Ủy ban nhân dân tỉnh.\n",
        );
        assert_eq!(doc.addressees, ["Ủy ban nhân dân tỉnh"]);
        let doc = crate::parse(
            "Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\nSở Nội vụ;\nSở Tài chính.\n\
             Ủy ban nhân dân tỉnh đề nghị.\n",
        );
        assert_eq!(doc.addressees, ["Sở Nội vụ", "Sở Tài chính"]);
        // After an addressee on the opening line, a line without a marker is the body's.
        let doc = crate::parse(
            "Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi: Sở Tư pháp.\nỦy ban nhân dân tỉnh.\n",
        );
        assert_eq!(doc.addressees, ["Sở Tư pháp"]);
    }
}
