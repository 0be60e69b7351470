//! How many characters of a text take two bytes or more.

use super::LANES;

/// The bytes of `bytes` from `C0` on: in UTF-8, the number of characters of two bytes or more
/// (each starts with one such byte, and no other byte is one).
///
/// Counted a block at a time without branches; the tail is copied into a block padded with zero
/// bytes, which are not counted.
pub fn wide_chars(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(LANES);
    let mut n = 0usize;
    for block in &mut blocks {
        n += block_count(block);
    }
    let mut padded = [0u8; LANES];
    let tail = blocks.remainder();
    padded[..tail.len()].copy_from_slice(tail);
    n + block_count(&padded)
}

/// [`wide_chars`] of one block (`LANES` bytes at most: its count fits in a byte).
#[inline]
fn block_count(block: &[u8]) -> usize {
    let mut k = 0u8;
    for &b in block {
        k += u8::from(b >= 0xC0);
    }
    usize::from(k)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    proptest! {
        #[test]
        fn wide_chars_counts_the_bytes_from_c0(bytes in arbitrary::bytes(b"\xC0\xBF\xFF\x7F\xE1\xC3")) {
            prop_assert_eq!(wide_chars(&bytes), bytes.iter().filter(|&&b| b >= 0xC0).count());
        }

        #[test]
        fn wide_chars_counts_the_characters_beyond_one_byte(text in arbitrary::text("ộĐ“\u{300}😀")) {
            prop_assert_eq!(
                wide_chars(text.as_bytes()),
                text.chars().filter(|c| c.len_utf8() >= 2).count()
            );
        }
    }
}
