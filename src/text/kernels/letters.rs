//! Whether a text is surely not written in capitals, from counts of its bytes.

use super::LANES;

/// True when, for some prefix of `bytes` (UTF-8) a whole number of blocks long, the lower-case
/// ASCII letters of the prefix are more than 16% of a bound on the letters of the whole text:
/// the prefix's ASCII letters and bytes from `C0` on (every non-ASCII character starts with
/// one), plus one per byte after the prefix. Then more than 16% of the text's letters are lower
/// case, and fewer than 84% capitals. False says nothing (a tail shorter than a block is never
/// counted).
///
/// Counts a block at a time without branches, instead of decoding and looking up every
/// character: running text is answered within its first blocks.
pub fn surely_lower(bytes: &[u8]) -> bool {
    let total = bytes.len();
    let (mut lower, mut letters, mut read) = (0usize, 0usize, 0usize);
    for block in bytes.chunks_exact(LANES) {
        // A block's counts fit in a byte each.
        let (mut l, mut a) = (0u8, 0u8);
        for &b in block {
            l += u8::from(b.wrapping_sub(b'a') < 26);
            a += u8::from(((b | 0x20).wrapping_sub(b'a') < 26) | (b >= 0xC0));
        }
        lower += usize::from(l);
        letters += usize::from(a);
        read += LANES;
        if lower * 100 > 16 * (letters + total - read) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// [`surely_lower`], plainly: the counts of each prefix of whole blocks.
    fn reference(bytes: &[u8]) -> bool {
        (1..=bytes.len() / LANES).any(|k| {
            let prefix = &bytes[..k * LANES];
            let lower = prefix.iter().filter(|b| b.is_ascii_lowercase()).count();
            let letters = prefix
                .iter()
                .filter(|&&b| b.is_ascii_alphabetic() || b >= 0xC0)
                .count();
            lower * 100 > 16 * (letters + bytes.len() - prefix.len())
        })
    }

    /// A yes is right: more than 16% of the letters are lower case.
    fn lower_share_above_16_percent(text: &str) -> bool {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let lower = text
            .chars()
            .filter(|c| c.is_alphabetic() && !c.is_uppercase())
            .count();
        lower * 100 > 16 * letters
    }

    proptest! {
        #[test]
        fn surely_lower_matches_the_reference(bytes in arbitrary::bytes(b"aZzA\xC0\xBF\xE1`{@[")) {
            prop_assert_eq!(surely_lower(&bytes), reference(&bytes));
        }

        #[test]
        fn a_yes_is_right(text in arbitrary::text("aAĐđỦủ ")) {
            if surely_lower(text.as_bytes()) {
                prop_assert!(lower_share_above_16_percent(&text), "{:?}", text);
            }
        }
    }
}
