//! Byte tests that rule out column breaks in a line.

use std::sync::LazyLock;

use memchr::memmem;

use super::LANES;

/// True when `bytes` hold `needle`.
///
/// Read a block at a time, the last block moved back to end with the bytes, or bytes shorter
/// than a block copied into one padded with zero bytes (so `needle` must not be zero). Asked of
/// every line: a `memchr` call pays a setup that costs more than the search on lines this
/// short.
#[inline]
pub fn contains_byte(bytes: &[u8], needle: u8) -> bool {
    debug_assert_ne!(needle, 0, "the padding of a short line");
    let hit = |block: &[u8; LANES]| block.iter().fold(false, |acc, &b| acc | (b == needle));
    let n = bytes.len();
    if n < LANES {
        let mut padded = [0u8; LANES];
        if let (Some(to), Some(from)) = (padded.get_mut(..n), bytes.get(..n)) {
            to.copy_from_slice(from);
        }
        return hit(&padded);
    }
    let mut blocks = bytes.chunks_exact(LANES);
    if blocks
        .by_ref()
        .filter_map(|b| <&[u8; LANES]>::try_from(b).ok())
        .any(hit)
    {
        return true;
    }
    // The bytes after the last whole block, read in the block that ends with them.
    !blocks.remainder().is_empty()
        && bytes
            .get(n - LANES..)
            .and_then(|b| <&[u8; LANES]>::try_from(b).ok())
            .is_some_and(hit)
}

/// True when `bytes` hold a tab, three spaces in a row, or ` | `.
///
/// Vectorized searches with searchers built once (`str::contains("   ")` would build one per
/// call, which costs more than the search on most lines); ` | ` needs a `|`, so one search for
/// a tab or a bar comes first, then the bar's spaces are checked.
pub fn has_column_gap(bytes: &[u8]) -> bool {
    static THREE_SPACES: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"   "));
    static PIPE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b" | "));
    let bar = memchr::memchr2(b'\t', b'|', bytes).is_some();
    bar && (memchr::memchr(b'\t', bytes).is_some() || PIPE.find(bytes).is_some())
        || THREE_SPACES.find(bytes).is_some()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// [`has_column_gap`], plainly.
    fn gap_reference(bytes: &[u8]) -> bool {
        bytes.contains(&b'\t') || bytes.windows(3).any(|w| w == b"   " || w == b" | ")
    }

    proptest! {
        #[test]
        fn contains_byte_matches_the_reference(bytes in arbitrary::bytes(b"||{}\xFC")) {
            for needle in [b'|', b'{', 0xFC] {
                prop_assert_eq!(contains_byte(&bytes, needle), bytes.contains(&needle));
            }
        }

        #[test]
        fn has_column_gap_matches_the_reference(bytes in arbitrary::bytes(b"  \t|")) {
            prop_assert_eq!(has_column_gap(&bytes), gap_reference(&bytes));
        }
    }
}
