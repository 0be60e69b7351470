//! ASCII digits in running text.

use super::LANES;

/// Where the first ASCII digit (`0`–`9`) of `bytes` at or after `from` is; `bytes.len()` when
/// there is none (and `from` when `from` is past the end).
///
/// Numbers are a few bytes in a line of words: whole blocks without a digit are skipped
/// together, then the block that holds one is read byte by byte.
#[inline]
pub fn next_digit(bytes: &[u8], from: usize) -> usize {
    super::next_in_blocks(bytes, from, holds_digit, |b| b.is_ascii_digit())
}

/// True when one of the bytes is an ASCII digit: one subtraction and compare per lane and one
/// reduction, out of line as [`super::next_decoration`]'s block test.
#[inline(never)]
fn holds_digit(block: &[u8; LANES]) -> bool {
    block
        .iter()
        .fold(false, |acc, &b| acc | (b.wrapping_sub(b'0') < 10))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// [`next_digit`], plainly.
    fn reference(bytes: &[u8], from: usize) -> usize {
        (from..bytes.len())
            .find(|&i| bytes[i].is_ascii_digit())
            .unwrap_or(bytes.len().max(from))
    }

    #[test]
    fn digits_are_found_where_they_are() {
        assert_eq!(next_digit(b"", 0), 0);
        assert_eq!(next_digit(b"abc", 5), 5);
        assert_eq!(next_digit("Nghị định số 09/2026".as_bytes(), 0), 20);
        let long = [&[b'x'; 70][..], b"7"].concat();
        assert_eq!(next_digit(&long, 0), 70);
        assert_eq!(next_digit(&long, 71), 71);
        assert_eq!(
            next_digit(b"/:", 0),
            2,
            "the bytes either side of the digits"
        );
    }

    proptest! {
        #[test]
        fn next_digit_matches_the_reference(
            bytes in arbitrary::bytes(b"0123456789/:"),
            from in 0..400usize,
        ) {
            let from = from % (bytes.len() + 2);
            prop_assert_eq!(next_digit(&bytes, from), reference(&bytes, from));
        }

        #[test]
        fn next_digit_of_text_matches_the_reference(text in arbitrary::text("0123456789")) {
            prop_assert_eq!(next_digit(text.as_bytes(), 0), reference(text.as_bytes(), 0));
        }
    }
}
