//! Footnotes of PDF text: the marker glued to the text it annotates (`66-NQ/TW1`, `tỉnh2.`,
//! `a)14`) and the body at the page end that starts with the same digits (`1 Nghị quyết số …`).
//!
//! A line shaped like a footnote body ([`super::is_footnote`]) is one only when its marker stands
//! glued somewhere before it: a table row (`7  Đề án …`) or a wrapped line that starts with a
//! count (`57 Chính phủ.`) has no such marker, and a real footnote always has one, since the
//! superscript is only flattened, never dropped, when a PDF becomes text.

use crate::text::kernels;

/// The largest footnote marker read (two digits, as [`super::is_footnote`] reads).
const MAX_MARKER: usize = 99;

/// Where each footnote marker first stands glued to the text, and where the last body line of
/// each marker starts.
#[derive(Debug, Clone)]
pub(crate) struct Marks {
    /// `first[n]`: the byte offset of the first `n` glued to running text, `usize::MAX` when
    /// there is none.
    first: [usize; MAX_MARKER + 1],
    /// `label_first[n]`: the same for `n` glued after a label that opens a line.
    label_first: [usize; MAX_MARKER + 1],
    /// `last_body[n]`: the byte offset of the last line shaped like the body of footnote `n`.
    last_body: [Option<usize>; MAX_MARKER + 1],
}

impl Marks {
    /// Finds the glued markers of `text`, in one pass over its bytes, and the footnote-shaped
    /// lines, in one pass over its lines.
    ///
    /// A glued marker is a run of one or two ASCII digits with a letter, or a closing mark after
    /// a letter (`a)14`, `quan1.` is the letter case), right before it, and a space, a closing
    /// mark or the end right after it; or the digits after a label that opens a line
    /// ([`label_marker`]: `2.6 Bảo hiểm`). Other digits after a digit and a separator (`1.2`,
    /// `6,74`), in longer runs, or before a letter or a `/` are not markers.
    pub(crate) fn of(text: &str) -> Self {
        let mut last_body = [None; MAX_MARKER + 1];
        let mut label_first = [usize::MAX; MAX_MARKER + 1];
        let mut offset = 0;
        for line in crate::text::split_lf(text) {
            let t = line.trim_start();
            let at = offset + (line.len() - t.len());
            if let Some((n, _)) = body_marker(t)
                && let Some(slot) = last_body.get_mut(n)
            {
                *slot = Some(at);
            }
            if let Some((p, len)) = label_marker(t)
                && let Some(n) = value(&t.as_bytes()[p..p + len])
                && let Some(slot) = label_first.get_mut(n)
            {
                *slot = (*slot).min(at + p);
            }
            offset += line.len() + 1;
        }
        Self {
            first: Self::glued(text),
            label_first,
            last_body,
        }
    }

    /// The glued markers of the running text.
    fn glued(text: &str) -> [usize; MAX_MARKER + 1] {
        let mut first = [usize::MAX; MAX_MARKER + 1];
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            i = kernels::next_digit(bytes, i);
            if i >= bytes.len() {
                break;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start > 2 || !closes_marker(bytes.get(i).copied()) || !glued_at(text, start) {
                continue;
            }
            if let Some(slot) = value(&bytes[start..i]).and_then(|n| first.get_mut(n))
                && *slot == usize::MAX
            {
                *slot = start;
            }
        }
        first
    }

    /// True when marker `n` stands glued before byte `at`: to running text, or after a label
    /// where [`Marks::marks_label`] says it is a marker.
    pub(crate) fn glued_before(&self, n: usize, at: usize) -> bool {
        self.first.get(n).is_some_and(|&first| first < at)
            || self
                .label_first
                .get(n)
                .is_some_and(|&l| l < at && self.marks_label(n, l))
    }

    /// True when `n` stands glued to running text or after a label before byte `at`.
    fn any_before(&self, n: usize, at: usize) -> bool {
        [&self.first, &self.label_first]
            .iter()
            .any(|a| a.get(n).is_some_and(|&f| f < at))
    }

    /// True when the digits after the label of the line at byte `at` are footnote `n`'s marker:
    /// a body of footnote `n` follows, and the footnotes before it have their markers too
    /// (footnote `n - 1`'s stands before, or for the first, footnote 2's stands somewhere).
    /// A sub-label without its dot (`2.6 Bảo hiểm`) is no marker where the document has no
    /// such run of footnotes.
    pub(crate) fn marks_label(&self, n: usize, at: usize) -> bool {
        let body_after = self
            .last_body
            .get(n)
            .copied()
            .flatten()
            .is_some_and(|b| b > at);
        // The run starts in running text: a chain of sub-labels (`1.1`, `1.2`, …) is none.
        let run = match n {
            0 => false,
            1 => self.first.get(2).is_some_and(|&f| f != usize::MAX),
            _ => self.any_before(n - 1, at) && (1..n).any(|m| self.first[m] < at),
        };
        body_after && run
    }
}

/// The value of one or two ASCII digits.
fn value(digits: &[u8]) -> Option<usize> {
    (1..=2).contains(&digits.len()).then(|| {
        digits
            .iter()
            .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'))
    })
}

/// A footnote marker glued after the label that opens a line: `2.6 Bảo hiểm` (khoản `2.` and
/// marker `6`), `a)14 Chi phí` (điểm `a)` and marker `14`). Returns where the marker starts
/// and its length: one or two digits, then a space.
pub(crate) fn label_marker(t: &str) -> Option<(usize, usize)> {
    let bytes = t.as_bytes();
    let digits = bytes
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let p = match digits {
        1 | 2 if bytes.get(digits) == Some(&b'.') => digits + 1,
        0 if t.starts_with("đ)") => "đ)".len(),
        0 if bytes.first().is_some_and(u8::is_ascii_lowercase) && bytes.get(1) == Some(&b')') => 2,
        _ => return None,
    };
    let len = bytes[p..]
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    ((1..=2).contains(&len) && bytes.get(p + len) == Some(&b' ')).then_some((p, len))
}

/// What may follow a marker: the end, a space, or a closing mark (`0xE2` leads the curly
/// quotes, dashes and the ellipsis).
fn closes_marker(next: Option<u8>) -> bool {
    next.is_none_or(|b| b.is_ascii_whitespace() || b",.;:)\"'".contains(&b) || b == 0xE2)
}

/// True when the digits at `start` follow a letter, or a closing mark that follows a letter.
fn glued_at(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    match before.next() {
        Some(c) if c.is_alphabetic() => true,
        Some(')' | '.' | ',' | ';' | ':' | '"' | '”' | '’') => {
            before.next().is_some_and(char::is_alphabetic)
        }
        _ => false,
    }
}

/// The marker of a footnote body line (`1 Nghị quyết …` → `(1, 1)`): its value and the bytes of
/// its digits. `None` when the line is not shaped like one.
/// A footnote's marker alone on a line at the left margin, its body on the next line (`1` /
/// `Nghị định số 126/2024/NĐ-CP ngày …`): a PDF's text layer sets the raised number on a line
/// of its own. `raw` is the line as extracted, `next` the next line's text. The marker's value
/// and its length. A page number stands centred or at the right, and a blank line follows it.
pub(crate) fn marker_line(raw: &str, next: Option<&str>) -> Option<(usize, usize)> {
    let indent = raw.len() - raw.trim_start().len();
    let t = raw.trim();
    let digits = t.len();
    if indent > MARKER_LINE_INDENT
        || !(1..=2).contains(&digits)
        || !t.bytes().all(|b| b.is_ascii_digit())
        || t == "0"
    {
        return None;
    }
    let body = next?.trim_start();
    body.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| Some((value(t.as_bytes())?, digits)))
        .flatten()
}

/// The most spaces before a footnote's marker set on a line of its own ([`marker_line`]).
const MARKER_LINE_INDENT: usize = 4;

pub(crate) fn body_marker(t: &str) -> Option<(usize, usize)> {
    if !super::is_footnote(t) {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    Some((value(&t.as_bytes()[..digits])?, digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_glued_to_words_numbers_and_points() {
        let text = "Nghị quyết số 66-NQ/TW1 và 140/NQ-CP2\ntrên địa bàn tỉnh3. điểm a)14 Chi";
        let marks = Marks::of(text);
        for n in [1, 2, 3, 14] {
            assert!(marks.glued_before(n, text.len()), "{n}");
        }
        assert!(!marks.glued_before(1, text.find("TW1").unwrap()));
    }

    #[test]
    fn counts_decimals_years_and_codes_are_no_markers() {
        let text = "Ban Chỉ đạo 57 Chính phủ, 6,74 điểm, khoản 1.2, năm 2025, COVID-19 và 12/QĐ-UBND, \
                    Luật số 80/2015/QH13/x, mã A12B";
        let marks = Marks::of(text);
        for n in 0..=MAX_MARKER {
            assert!(!marks.glued_before(n, text.len()), "{n}");
        }
    }

    #[test]
    fn markers_after_a_label_in_a_run_of_footnotes() {
        let text = "Điều 1. Chi phí4\n2.5 Bảo hiểm\n5 Khoản này được sửa đổi.\n\
                    a)6 Chi phí\n6 Điểm này được bổ sung.\n1.1 Mục tiêu\n";
        let marks = Marks::of(text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(label_marker("2.5 Bảo hiểm"), Some((2, 1)));
        assert_eq!(label_marker("a)6 Chi phí"), Some((2, 1)));
        assert_eq!(label_marker("2.5. Bảo hiểm"), None);
        assert!(marks.marks_label(5, at("2.5")));
        assert!(marks.marks_label(6, at("a)6")));
        // No body of footnote 1 after it, and no footnote 2: `1.1` is a sub-label.
        assert!(!marks.marks_label(1, at("1.1")));
        assert!(!marks.marks_label(0, 0));
        // A chain of sub-labels without a footnote in running text is no run of footnotes.
        let text = "1.1 Mục tiêu\n1.2 Nội dung\n2 Chi phí gia nhập\n";
        let marks = Marks::of(text);
        assert!(!marks.marks_label(2, text.find("1.2").unwrap()));
        assert!(!marks.glued_before(2, text.len()));
    }

    #[test]
    fn body_markers() {
        assert_eq!(body_marker("1 Nghị quyết số 66-NQ/TW"), Some((1, 1)));
        assert_eq!(body_marker("14 Xây dựng"), Some((14, 2)));
        assert_eq!(body_marker("2025 và Công văn"), None);
        assert_eq!(body_marker("1. Nghị quyết"), None);
        assert_eq!(
            marker_line("1", Some("    Nghị định số 126/2024/NĐ-CP ngày 08/10/2024")),
            Some((1, 1))
        );
        assert_eq!(
            marker_line("                   2", Some("Sở Nội vụ kính trình")),
            None,
            "a page number, centred"
        );
        assert_eq!(marker_line("1", Some("")), None, "a blank line after it");
        assert_eq!(marker_line("1", Some("và các đơn vị")), None);
    }
}

#[cfg(test)]
mod fixture {
    /// `corpus/quyet-dinh-chu-thich-khoan.txt`: khoản `2.2` and điểm `a)3` carry the markers of
    /// footnotes 2 and 3; the labels are `2` and `a`, and the numbering has no gap.
    #[test]
    fn markers_glued_to_labels_are_split_off() {
        let doc = crate::parse_with(
            include_str!("../../../corpus/quyet-dinh-chu-thich-khoan.txt"),
            &crate::Options::default(),
        );
        let clauses: Vec<(&str, Option<&str>)> = doc.sections[0]
            .children
            .iter()
            .map(|s| (&*s.label, s.footnote()))
            .collect();
        assert_eq!(clauses, [("1", None), ("2", Some("2")), ("3", None)]);
        let points: Vec<(&str, Option<&str>)> = doc.sections[0].children[2]
            .children
            .iter()
            .map(|s| (&*s.label, s.footnote()))
            .collect();
        assert_eq!(points, [("a", Some("3")), ("b", None)]);
        let markers: Vec<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
        assert_eq!(markers, ["1", "2", "3"]);
    }
}
