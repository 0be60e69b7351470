//! The bytes a JSON string must escape: control characters (below `0x20`), `"` and `\`.

use super::LANES;

/// True for a byte a JSON string must escape: below `0x20`, `"` or `\`.
#[inline]
fn needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// `0x01` in every byte.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of every byte.
const HIGHS: u64 = ONES << 7;

/// High bits in the bytes of `word` (little-endian) that [`needs_escape`]: zero exactly when no
/// byte does, and otherwise the lowest set bit is the high bit of the first such byte (a borrow
/// out of a flagged byte can flag bytes above it, never one below), so
/// `trailing_zeros() / 8` is its offset.
#[inline]
pub fn escape_flags(word: u64) -> u64 {
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGHS
}

/// The length of the longest prefix of `bytes` with no byte that [`needs_escape`].
///
/// A block at a time while the blocks are clean ([`clean_block`]: long texts rarely hold an
/// escape), then eight bytes at a time ([`escape_flags`], which also says where the escape
/// is), then one.
#[inline]
pub fn unescaped_len(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(block) = bytes.get(at..).and_then(<[u8]>::first_chunk::<LANES>)
        && clean_block(block)
    {
        at += LANES;
    }
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let found = escape_flags(u64::from_le_bytes(*chunk));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    at + tail
        .iter()
        .position(|&b| needs_escape(b))
        .unwrap_or(tail.len())
}

/// True when no byte of `block` [`needs_escape`].
#[inline]
fn clean_block(block: &[u8; LANES]) -> bool {
    // A mask byte per byte, then one OR over the masks: this shape compiles to byte compares,
    // ORs and one byte-mask extraction, where OR-ing bools or `u8::from(bool)` straight into
    // one accumulator widened every lane first.
    let mut masks = [0u8; LANES];
    for (mask, &b) in masks.iter_mut().zip(block) {
        *mask = if needs_escape(b) { 0xff } else { 0 };
    }
    masks.iter().fold(0, |all, &mask| all | mask) == 0
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// [`unescaped_len`], plainly.
    fn reference(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
            .unwrap_or(bytes.len())
    }

    #[test]
    fn escaped_bytes_are_controls_quote_and_backslash() {
        for b in 0..=255u8 {
            let json = serde_json::to_string(&char::from(b).to_string()).unwrap_or_default();
            // `serde_json` writes a character that needs no escape between its quotes alone.
            let escaped = json.len() != 2 + char::from(b).len_utf8();
            assert_eq!(needs_escape(b), escaped, "{b:#x}");
        }
    }

    proptest! {
        #[test]
        fn unescaped_len_matches_the_reference(bytes in arbitrary::bytes(b"\"\\\x00\x1f\x20\x7f\x21\x5b\x5d\n")) {
            prop_assert_eq!(unescaped_len(&bytes), reference(&bytes));
        }

        #[test]
        fn escape_flags_find_the_first_escape(word in any::<[u8; 8]>()) {
            let flags = escape_flags(u64::from_le_bytes(word));
            prop_assert_eq!(flags == 0, reference(&word) == 8);
            if flags != 0 {
                prop_assert_eq!((flags.trailing_zeros() / 8) as usize, reference(&word));
            }
        }

        #[test]
        fn escape_flags_near_the_thresholds(picks in any::<[prop::sample::Index; 8]>()) {
            const NEAR: [u8; 10] = [0x00, 0x1f, 0x20, 0x21, b'"', b'#', b'\\', b'[', b']', 0xff];
            let word = picks.map(|i| NEAR[i.index(NEAR.len())]);
            let flags = escape_flags(u64::from_le_bytes(word));
            prop_assert_eq!(flags == 0, reference(&word) == 8);
            if flags != 0 {
                prop_assert_eq!((flags.trailing_zeros() / 8) as usize, reference(&word));
            }
        }
    }
}
