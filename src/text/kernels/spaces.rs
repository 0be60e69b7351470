//! The positions of the spaces of short, space-dense text.

/// The offsets of the ASCII spaces (`0x20`) of `bytes`, in order.
///
/// Eight bytes are read as one word and all its spaces found at once, then handed out one by
/// one. Made for header lines: short and full of spaces, which would stop a vectorized search
/// every few bytes, and a byte loop from space to space pays a compare and a branch per byte.
#[inline]
pub fn spaces(bytes: &[u8]) -> Spaces<'_> {
    Spaces {
        bytes,
        word_at: 0,
        bits: space_bits(word8(bytes, 0)),
    }
}

/// The iterator of [`spaces`].
pub struct Spaces<'a> {
    bytes: &'a [u8],
    /// Where the word of `bits` starts.
    word_at: usize,
    /// The high bit of each byte of the word that is a space not yet handed out.
    bits: u64,
}

impl Iterator for Spaces<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.word_at += 8;
            if self.word_at >= self.bytes.len() {
                return None;
            }
            self.bits = space_bits(word8(self.bytes, self.word_at));
        }
        let at = self.word_at + (self.bits.trailing_zeros() / 8) as usize;
        self.bits &= self.bits - 1;
        Some(at)
    }
}

/// The eight bytes of `bytes` from `at` as a little-endian word, zero bytes past the end.
#[inline]
fn word8(bytes: &[u8], at: usize) -> u64 {
    if let Some(&whole) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        return u64::from_le_bytes(whole);
    }
    // The last few bytes, one at a time: a `copy_from_slice` of an unknown length is a call to
    // `memcpy`.
    let mut word = [0u8; 8];
    for (to, &from) in word.iter_mut().zip(bytes.get(at..).unwrap_or_default()) {
        *to = from;
    }
    u64::from_le_bytes(word)
}

/// The high bit of every byte of `word` that is a space, and no other bit: exact for every byte
/// (no borrow runs from one byte into the next, unlike the shorter zero-byte test).
#[inline]
fn space_bits(word: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    let t = word ^ u64::from_le_bytes([b' '; 8]);
    !(((t & LOW7) + LOW7) | t | LOW7)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// [`spaces`], plainly.
    fn reference(bytes: &[u8]) -> Vec<usize> {
        (0..bytes.len()).filter(|&i| bytes[i] == b' ').collect()
    }

    proptest! {
        #[test]
        fn spaces_match_the_reference(bytes in arbitrary::bytes(b"  \xA0\x00\x20\x60\xA0!")) {
            prop_assert_eq!(spaces(&bytes).collect::<Vec<_>>(), reference(&bytes));
        }

        #[test]
        fn space_bits_flag_exactly_the_spaces(word in any::<u64>(), at in 0..8usize) {
            let mut bytes = word.to_le_bytes();
            bytes[at] = b' ';
            let word = u64::from_le_bytes(bytes);
            let want = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b' ')
                .fold(0u64, |acc, (i, _)| acc | 0x80 << (8 * i));
            prop_assert_eq!(space_bits(word), want);
        }
    }
}
