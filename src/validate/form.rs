//! What the text shows about the form the document reached us in, and which required parts
//! that form carries elsewhere or leaves out.
//!
//! - A **Công báo reprint** (running page headers `CÔNG BÁO/Số …`): the gazette prints the
//!   document up to its signature and leaves out `Nơi nhận:` and the archive line. A reprint is
//!   published, so a date whose day or month is missing from its text is not a draft's blank:
//!   the signing system stamped it, outside the text layer.
//! - A **digitally signed** text (a signature stamp, `Ký bởi: …`, `Người ký: …`): issued, so
//!   again a blank date is where the stamp put it.
//! - A **consolidated text** (văn bản hợp nhất): its issuer, `Số: …/VBHN-…` number, place and
//!   date stand in the closing authentication block `XÁC THỰC VĂN BẢN HỢP NHẤT`, not in a header.
//! - An **adopted** law or resolution of the National Assembly or its Standing Committee: dated
//!   by its adoption sentence (`Nghị quyết này được … thông qua ngày 11 tháng 8 năm 2022./.`),
//!   with no place-and-date line.
//!
//! - An **attached document** saved on its own (a Quy chế, Điều lệ, Kế hoạch with `(Ban hành
//!   kèm theo Quyết định số … ngày …)` under its title): the template of Nghị định 30 gives it
//!   no number, place and date, signature or recipients; the document that issues it has them.
//!
//! - A **copy from a legal database** of the years before 2010: the header is dropped and the
//!   title line carries the issuer, number and date (`NGHỊ ĐỊNH / CỦA CHÍNH PHỦ SỐ 94/1998/NĐ-CP
//!   NGÀY 17 THÁNG 11 NĂM 1998`); national title, motto and place are left out, and so are the
//!   recipients.
//! - A **working note** (a giải trình, a memo to a leader): none of the header's parts and no
//!   type name. It has no prescribed form, so no part is asked of it (TTL004 says so once).
//! - A **blank form** saved as a file of its own (an application `ĐƠN ĐĂNG KÝ …`, a company's
//!   notice, a project form `B1-2-TMDA`): its number, date, signature and fields are left for
//!   whoever fills it in, so no part is asked of it either (PLH002 says so once).
//!
//! The rules ask [`super::Checker::requires`], which asks the profile and then [`Form::waives`].
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8; Nghị định 34/2016/NĐ-CP Điều 98 (Công báo); Pháp lệnh Hợp
//! nhất văn bản quy phạm pháp luật 2012 Điều 8 (the authentication block); Luật Ban hành văn
//! bản quy phạm pháp luật (the adoption sentence of a law or resolution).

use super::Part;
use crate::grammar;
use crate::model::{ArtifactKind, Document};
use crate::tables;

/// Lines around the authentication block's title searched for its number and date.
const BLOCK_LINES: usize = 10;

/// Bytes before `thông qua` searched for `này`, the word naming the document itself.
const SELF_REACH: usize = 400;

/// The form of a document, as its text shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Form {
    /// Reprinted in the Công báo.
    pub gazette: bool,
    /// Carries a digital-signature stamp.
    pub signed: bool,
    /// A consolidated text whose authentication block has its number and date.
    pub consolidated: bool,
    /// Dated by an adoption sentence, with no place-and-date line.
    pub adopted: bool,
    /// Issued by another document, whose number, date, signature and recipients it has.
    pub attached: bool,
    /// A working note: no header part and no type name.
    pub note: bool,
    /// A legal database's copy: issuer, number and date in the title line, no header.
    pub database_copy: bool,
    /// Cut off before its closing ([`super::damage::cut_off`]), reported once as such.
    pub cut_off: bool,
    /// A form to fill in, the whole text (PLH002, found by [`super::placeholders`]): its
    /// number, date, signature and the rest are blanks for whoever fills it in.
    pub blank: bool,
}

impl Form {
    /// Reads the form from the parsed document and its normalized text.
    pub fn of(doc: &Document, text: &str) -> Self {
        Self {
            gazette: doc.artifacts.iter().any(|a| {
                a.kind == ArtifactKind::PageHeader
                    && a.text
                        .trim_start()
                        .to_uppercase()
                        .starts_with(tables::GAZETTE)
            }),
            signed: doc.artifacts.iter().any(|a| a.kind == ArtifactKind::Stamp),
            consolidated: consolidated(text),
            // Only a document without a place-and-date line of its own (a resolution of the
            // Council adopted "… ngày … tháng" keeps its header date, checked as any other).
            adopted: doc.header.place_date.is_none() && adopted(text),
            attached: doc.attached_to.is_some(),
            note: working_note(doc),
            database_copy: database_copy(doc),
            cut_off: false,
            blank: false,
        }
    }

    /// True when the document was issued: a blank in its date is not the draft's.
    pub fn issued(&self) -> bool {
        self.gazette || self.signed
    }

    /// True when this form carries `part` elsewhere or leaves it out by design.
    pub fn waives(&self, part: Part) -> bool {
        if self.note || self.blank {
            return true;
        }
        if self.database_copy
            && matches!(
                part,
                Part::NationalTitle
                    | Part::Motto
                    | Part::Issuer
                    | Part::Number
                    | Part::PlaceDate
                    | Part::Recipients
                    | Part::Archive
            )
        {
            return true;
        }
        match part {
            Part::Recipients | Part::Archive => self.gazette || self.cut_off || self.attached,
            Part::Signature | Part::SignerName => self.cut_off || self.attached,
            Part::Issuer => self.consolidated,
            Part::Number => self.consolidated || self.attached,
            Part::PlaceDate => self.consolidated || self.adopted || self.attached,
            _ => false,
        }
    }
}

/// Words of a database title searched for `SỐ <number>`: a joint circular names three issuers
/// (`CỦA BỘ TÀI CHÍNH - CÔNG NGHIỆP - TỔNG CỤC HẢI QUAN SỐ 176/1998/TTLT-…`).
const TITLE_WORDS: usize = 20;

/// True when the title, with no number line above it, goes on `CỦA <issuer> SỐ <number>`: the
/// way legal databases copied a document before 2010, its header dropped.
fn database_copy(doc: &Document) -> bool {
    if doc.header.reference.is_some() || doc.header.national_title.is_some() {
        return false;
    }
    let Some(subject) = doc.title.as_ref().and_then(|t| t.subject.as_deref()) else {
        return false;
    };
    let mut words = subject.split_whitespace().take(TITLE_WORDS);
    let of = words
        .next()
        .is_some_and(|w| w.to_lowercase() == tables::ISSUER_WORD);
    let mut words = words.skip_while(|w| w.to_lowercase() != tables::NUMBER_WORD);
    let number = words.nth(1).is_some_and(|n| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && (n.contains('/') || words.next().is_some_and(|w| w.starts_with('/')))
    });
    of && number
}

/// True when the document has no title, none of the header's parts and no closing (signature
/// or `Nơi nhận:`): a working note. A line in capitals at the top, read as the issuing body,
/// is not enough to make it an issued document (a note's own heading, `GIẢI TRÌNH BỔ SUNG …`,
/// looks the same); a closing is (a page of a document whose header was cut off).
fn working_note(doc: &Document) -> bool {
    let h = &doc.header;
    doc.title.is_none()
        && doc.signature.is_none()
        && doc.recipients.is_empty()
        && h.national_title.is_none()
        && h.motto.is_none()
        && h.party_title.is_none()
        && h.reference.is_none()
        && h.place_date.is_none()
}

/// True when the text closes with an authentication block that has a `…/VBHN-…` number and a
/// date near its title.
fn consolidated(text: &str) -> bool {
    let Some(at) = text.find(tables::CONSOLIDATION_MARK) else {
        return false;
    };
    let lines_before = text[..at]
        .rsplit('\n')
        .take(BLOCK_LINES)
        .collect::<Vec<_>>();
    let lines_after = text[at..].split('\n').take(BLOCK_LINES).collect::<Vec<_>>();
    let block = lines_before.iter().chain(lines_after.iter());
    let mut number = false;
    let mut date = false;
    for line in block {
        number |= line.contains(tables::CONSOLIDATION_CODE);
        date |= grammar::find_date(line).is_some_and(|(_, w)| w.date().is_ok());
    }
    number && date
}

/// True when a sentence naming the document itself (`… này …`) says it was adopted on a date
/// (`thông qua ngày 11 tháng 8 năm 2022`).
fn adopted(text: &str) -> bool {
    text.match_indices(tables::ADOPTION_WORDS).any(|(at, w)| {
        let after = &text[at + w.len()..];
        let mut end = after.len().min(48);
        while !after.is_char_boundary(end) {
            end -= 1;
        }
        let dated =
            grammar::find_date(&after[..end]).is_some_and(|(off, w)| off <= 1 && w.date().is_ok());
        let mut from = at.saturating_sub(SELF_REACH);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let sentence = text[from..at].rsplit(['.', ';']).next().unwrap_or_default();
        dated && sentence.split_whitespace().any(|t| t == tables::SELF_WORD)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adoption_sentence_dates_the_document() {
        assert!(adopted(
            "Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 14\nthông qua ngày 11 tháng 8 năm 2022./."
        ));
        assert!(!adopted(
            "Thực hiện Nghị quyết số 24/2022/UBTVQH15 được thông qua ngày 11 tháng 8 năm 2022."
        ));
        assert!(!adopted("Luật này được thông qua."));
    }

    #[test]
    fn a_consolidated_text_needs_its_block() {
        let block = "BỘ TÀI CHÍNH\nSố: 16/VBHN-BTC\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 06 tháng 3 năm 2020\n";
        assert!(consolidated(block));
        assert!(!consolidated(
            "XÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 06 tháng 3 năm 2020\n"
        ));
        assert!(!consolidated("Số: 16/VBHN-BTC\n"));
    }

    #[test]
    fn a_database_copy_names_issuer_and_number_in_its_title() {
        let copy = |text: &str| database_copy(&crate::parse(text));
        assert!(copy(
            "NGHỊ ĐỊNH\nCỦA CHÍNH PHỦ SỐ 94/1998/NĐ-CP NGÀY 17 THÁNG 11 NĂM 1998\n\
             VỀ VIỆC BAN HÀNH QUY CHẾ\n\nĐiều 1. Ban hành Quy chế.\n"
        ));
        // The type's name goes on on the next line before `CỦA`; three issuers before `SỐ`.
        assert!(copy(
            "THÔNG TƯ\nLIÊN TỊCH CỦA BỘ TÀI CHÍNH - CÔNG NGHIỆP -\n\
             TỔNG CỤC HẢI QUAN SỐ 176/1998/TTLT-BTC-BCN-TCHQ\n\
             NGÀY 25 THÁNG 12 NĂM 1998 HƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ\n\n\
             Căn cứ ý kiến của Thủ tướng Chính phủ;\n"
        ));
        assert!(!copy(
            "THÔNG TƯ\nHƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ CỦA BỘ TÀI CHÍNH SỐ 176/1998\n\n\
             Căn cứ ý kiến của Thủ tướng Chính phủ;\n"
        ));
    }

    #[test]
    fn what_each_form_waives() {
        let gazette = Form {
            gazette: true,
            ..Form::default()
        };
        assert!(gazette.waives(Part::Recipients) && gazette.issued());
        assert!(!gazette.waives(Part::Signature));
        let adopted = Form {
            adopted: true,
            ..Form::default()
        };
        assert!(adopted.waives(Part::PlaceDate) && !adopted.waives(Part::Number));
    }
}
