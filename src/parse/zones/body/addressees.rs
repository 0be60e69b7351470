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
    while let Some(k) = cx.next_non_blank(next) {
        let l = &cx.lines[k];
        if bullet(&l.text).is_none() || k > next + 1 {
            break;
        }
        push(cx, doc, grammar::addressee(&l.text), k);
        next = k + 1;
    }
    next
}

/// Adds an addressee read from line `i`, which it claims.
fn push(cx: &mut Context<'_>, doc: &mut Document, addressee: String, i: usize) {
    doc.addressees.push(addressee);
    let path = pointer("", "addressees", doc.addressees.len() - 1);
    cx.claim_line_owned(path, i);
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
        let doc = crate::parse("Số: 12/UBND-VP\nV/v góp ý\n\nKính gửi:\n\n\n- Sở Nội vụ;\n");
        assert!(doc.addressees.is_empty(), "two blank lines end the block");
    }
}
