//! Footnotes of PDF text: the marker glued to the text it annotates (`66-NQ/TW1`, `tỉnh2.`,
//! `a)14`) and the body at the page end that starts with the same digits (`1 Nghị quyết số …`).
//!
//! A line shaped like a footnote body ([`super::is_footnote`]) is one only when its marker stands
//! glued somewhere before it: a table row (`7  Đề án …`) or a wrapped line that starts with a
//! count (`57 Chính phủ.`) has no such marker, and a real footnote always has one, since the
//! superscript is only flattened, never dropped, when a PDF becomes text.

/// The largest footnote marker read (two digits, as [`super::is_footnote`] reads).
const MAX_MARKER: usize = 99;

/// Where each footnote marker first stands glued to the text.
#[derive(Debug, Clone)]
pub(crate) struct Marks {
    /// `first[n]`: the byte offset of the first glued `n`, `usize::MAX` when there is none.
    first: [usize; MAX_MARKER + 1],
}

impl Marks {
    /// Finds the glued markers of `text`, in one pass over its bytes.
    ///
    /// A glued marker is a run of one or two ASCII digits with a letter, or a closing mark after
    /// a letter (`a)14`, `quan1.` is the letter case), right before it, and a space, a closing
    /// mark or the end right after it. Digits after a digit and a separator (`1.2`, `6,74`), in
    /// longer runs, or before a letter or a `/` are not markers.
    pub(crate) fn of(text: &str) -> Self {
        let mut first = [usize::MAX; MAX_MARKER + 1];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start > 2 || !closes_marker(bytes.get(i).copied()) || !glued_at(text, start) {
                continue;
            }
            let n = bytes[start..i]
                .iter()
                .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
            if let Some(slot) = first.get_mut(n)
                && *slot == usize::MAX
            {
                *slot = start;
            }
        }
        Self { first }
    }

    /// True when marker `n` stands glued before byte `at`.
    pub(crate) fn glued_before(&self, n: usize, at: usize) -> bool {
        self.first.get(n).is_some_and(|&first| first < at)
    }
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
pub(crate) fn body_marker(t: &str) -> Option<(usize, usize)> {
    if !super::is_footnote(t) {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let n = t
        .bytes()
        .take(digits)
        .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
    Some((n, digits))
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
    fn body_markers() {
        assert_eq!(body_marker("1 Nghị quyết số 66-NQ/TW"), Some((1, 1)));
        assert_eq!(body_marker("14 Xây dựng"), Some((14, 2)));
        assert_eq!(body_marker("2025 và Công văn"), None);
        assert_eq!(body_marker("1. Nghị quyết"), None);
    }
}
