//! A copy too damaged to check (TXT001): a legacy font encoding read as Unicode, an OCR layer
//! that lost the diacritics, a text that holds only page furniture, or one cut off before its
//! closing.
//!
//! The rules read a document's parts; when the copy itself is broken, they would report a dozen
//! parts "missing" that the original has. A careful reader says once that the text is damaged
//! instead: for an unreadable copy that is the only finding; for a copy cut off before its
//! closing, the missing signature and `Nơi nhận:` are folded into it and the rest is checked.
//!
//! What counts as damaged is read from the text, not from file names: the words of the first
//! [`SAMPLE`] bytes are checked against the Vietnamese alphabet (a legacy-font copy has letters
//! outside it in many words, `CØNG HÒA`; an OCR layer without Vietnamese has almost no letter
//! with a diacritic, `THONG BAO`), page furniture is what the parser recorded as page headers
//! and page numbers, and a cut is a body with no `./.`, no signature and no recipients after it.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 (the components a document is made of), Điều 25–26 (a copy
//! must be faithful to the original).

use super::Checker;
use super::kind::Kind;
use crate::model::{ArtifactKind, Document};
use crate::tables;
use crate::text::chars;
use std::sync::OnceLock;

/// Bytes of text sampled for the alphabet check.
pub const SAMPLE: usize = 64 * 1024;

/// Fewest words for the alphabet check to say anything.
const MIN_WORDS: usize = 40;

/// Share of words (per mille) with a letter outside the Vietnamese alphabet above which the
/// text is a legacy encoding read wrongly. Vietnamese text has none; loan words are rare.
const FOREIGN_PER_MILLE: usize = 50;

/// Share of words (per mille) with a Vietnamese diacritic below which the diacritics were
/// lost. Running Vietnamese has them on about four words in five.
const MARKED_PER_MILLE: usize = 200;

/// How a copy is damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// Letters outside the Vietnamese alphabet in many words: a legacy font read as Unicode.
    Mojibake {
        /// A word that shows it.
        sample: String,
    },
    /// Almost no letter carries a diacritic: an OCR layer without Vietnamese.
    NoDiacritics {
        /// A line that shows it.
        sample: String,
    },
    /// Only page headers and page numbers: the document's own text is not there.
    OnlyFurniture,
    /// The body stops with no `./.`, signature or recipients after it.
    CutOff {
        /// The last line of text.
        line: usize,
    },
}

impl Damage {
    /// True when nothing else can be checked on the copy.
    pub fn unreadable(&self) -> bool {
        !matches!(self, Self::CutOff { .. })
    }
}

/// The damage the text shows, not counting a cut (which depends on the profile, see [`cut_off`]).
pub fn of(doc: &Document, text: &str) -> Option<Damage> {
    alphabet(text).or_else(|| only_furniture(doc, text).then_some(Damage::OnlyFurniture))
}

/// Reads the words of the sample against the Vietnamese alphabet.
fn alphabet(text: &str) -> Option<Damage> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let (mut words, mut foreign, mut marked) = (0usize, 0usize, 0usize);
    let mut first_foreign: Option<&str> = None;
    // One pass over the characters (the sample is most of a document, read for every check):
    // a word is a run of letters; its letters outside ASCII say whether it is marked or foreign.
    let (mut start, mut len, mut is_marked, mut is_foreign) = (0usize, 0usize, false, false);
    let bytes = sample.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        // ASCII bytes (most of a Vietnamese text) are classed by byte; other characters decoded.
        let (letter, width) = match bytes.get(i) {
            Some(&b) if b < 0x80 => (b.is_ascii_alphabetic(), 1),
            Some(_) => {
                let c = sample[i..].chars().next().unwrap_or(' ');
                let letter = chars::is_alphabetic(c);
                if letter {
                    if is_vietnamese(c) {
                        is_marked = true;
                    } else {
                        is_foreign = true;
                    }
                }
                (letter, c.len_utf8())
            }
            None => (false, 1),
        };
        if letter {
            if len == 0 {
                start = i;
            }
            len += 1;
            i += width;
            continue;
        }
        if len >= 2 {
            words += 1;
            if is_foreign {
                foreign += 1;
                first_foreign.get_or_insert(&sample[start..i]);
            }
            marked += usize::from(is_marked);
        }
        (len, is_marked, is_foreign) = (0, false, false);
        i += width;
    }
    if words < MIN_WORDS {
        return None;
    }
    if foreign * 1000 > words * FOREIGN_PER_MILLE {
        let sample = first_foreign.unwrap_or_default().to_owned();
        return Some(Damage::Mojibake { sample });
    }
    if marked * 1000 < words * MARKED_PER_MILLE {
        let sample = sample
            .lines()
            .map(str::trim)
            .find(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 12)
            .map(|l| l.chars().take(48).collect())
            .unwrap_or_default();
        return Some(Damage::NoDiacritics { sample });
    }
    None
}

/// True for a non-ASCII letter of the Vietnamese alphabet.
fn is_vietnamese(c: char) -> bool {
    /// First code point of the letters outside U+1EA0–U+1EF9 (`À`); the last is `ư`.
    const FROM: u32 = 0xC0;
    const TO: u32 = 0x1B0;
    // Asked of every letter with a mark in the sample: a table of the few hundred code points
    // where [`tables::VIETNAMESE_LATIN1_LETTERS`] lie, built once, instead of a search of the
    // string per letter.
    static LATIN: OnceLock<Vec<bool>> = OnceLock::new();
    if ('\u{1EA0}'..='\u{1EF9}').contains(&c) {
        return true;
    }
    let Some(k) = (c as u32).checked_sub(FROM).filter(|_| c as u32 <= TO) else {
        return false;
    };
    LATIN
        .get_or_init(|| {
            let mut table = vec![false; (TO - FROM + 1) as usize];
            for l in tables::VIETNAMESE_LATIN1_LETTERS.chars() {
                if let Some(slot) = (l as u32)
                    .checked_sub(FROM)
                    .and_then(|i| table.get_mut(i as usize))
                {
                    *slot = true;
                }
            }
            table
        })
        .get(k as usize)
        .copied()
        .unwrap_or(false)
}

/// True when the parser found neither title nor body and page furniture outweighs the rest.
fn only_furniture(doc: &Document, text: &str) -> bool {
    if doc.title.is_some() || !doc.sections.is_empty() || !doc.preamble.is_empty() {
        return false;
    }
    let furniture =
        |k: ArtifactKind| matches!(k, ArtifactKind::PageHeader | ArtifactKind::PageNumber);
    if !doc.artifacts.iter().any(|a| furniture(a.kind)) {
        return false;
    }
    let solid = |s: usize, e: usize| {
        text.get(s..e)
            .map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count())
    };
    let (mut pages, mut rest) = (0usize, 0usize);
    for e in &doc.source_map {
        if e.path.starts_with("/artifacts") {
            pages += solid(e.start, e.end);
        } else {
            rest += solid(e.start, e.end);
        }
    }
    rest < pages
}

/// The last line of a body that stops with no `./.`, signature or recipients after it, when
/// the profile asks for a signature.
pub fn cut_off(cx: &Checker<'_>) -> Option<Damage> {
    let doc = cx.doc;
    let closing = doc.signature.is_some()
        || doc.end_marker.is_some()
        || !doc.recipients.is_empty()
        || !doc.archive.is_empty()
        || cx.loc.entry("/recipients").is_some();
    // A working note has no prescribed closing: a body without one is whole.
    if closing || !cx.requires(super::Part::Signature) || doc.sections.is_empty() {
        return None;
    }
    let line = doc
        .source_map
        .iter()
        .filter(|e| !e.path.starts_with("/artifacts"))
        .map(|e| e.last_line())
        .max()?;
    Some(Damage::CutOff { line })
}

/// Reports the damage, once.
pub fn report(cx: &mut Checker<'_>, damage: Damage) {
    let line = match damage {
        Damage::CutOff { line } => line,
        _ => cx.loc.first_text_line(),
    };
    let at = cx.loc.expected("", line);
    cx.emit(Kind::DamagedText { damage }, at);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeat(line: &str) -> String {
        std::iter::repeat_n(line, 12).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_alphabet_shows_a_broken_copy() {
        let legacy = repeat("BØ CÔNG AN CØNG HOÀ XÃ HØI CHæ NGH(A VIÖT NAM TÜ TRÌNH");
        assert!(matches!(alphabet(&legacy), Some(Damage::Mojibake { .. })));
        let ocr = repeat("UY BAN NHAN DAN TINH LAM DONG THONG BAO ket luan cua Pho Chu tich");
        assert!(matches!(alphabet(&ocr), Some(Damage::NoDiacritics { .. })));
        let good = repeat("Ủy ban nhân dân tỉnh Lâm Đồng thông báo kết luận của Phó Chủ tịch");
        assert_eq!(alphabet(&good), None);
        assert_eq!(alphabet("THONG BAO"), None, "too short to say");
    }
}
