//! What cleaning a line needs to know of its bytes: space runs and Markdown decoration bytes.

use super::LANES;

/// [`line_facts`]: a tab or two spaces in a row.
pub const SPACE_RUN: u8 = 1;
/// [`line_facts`]: a Markdown decoration byte ([`is_decoration`]).
pub const DECORATION: u8 = 2;

/// A byte Markdown cleaning may drop or change: `*`, `_`, `\`, `<`, `` ` ``.
#[inline(always)]
pub fn is_decoration(b: u8) -> bool {
    // `_` and `` ` `` are neighbours (5F, 60): one range. Without short-circuits, so that a
    // block of them compiles to vector compares.
    (b == b'*') | (b == b'<') | (b == b'\\') | (b.wrapping_sub(b'_') < 2)
}

/// The facts of `bytes`: [`SPACE_RUN`] when they hold a tab or two spaces in a row, and, when
/// `MARKDOWN`, [`DECORATION`] when they hold an [`is_decoration`] byte; other bits are zero.
///
/// Every byte is looked at with the one after it (for the two spaces), a block at a time, the
/// last block moved back to end at the last pair and the last byte looked at alone; bytes no
/// longer than a block are read from a padded copy. The loop stops once every answer is known.
/// A `memchr`/`memmem` call per question would pay its setup on every line, which costs more
/// than the search on lines this short.
#[inline]
pub fn line_facts<const MARKDOWN: bool>(bytes: &[u8]) -> u8 {
    let n = bytes.len();
    let all = if MARKDOWN {
        SPACE_RUN | DECORATION
    } else {
        SPACE_RUN
    };
    let mut padded = [0u8; LANES + 1];
    let (block_bytes, last_block, mut facts) = match bytes.last() {
        Some(&last) if n > LANES => {
            let last_deco = MARKDOWN && is_decoration(last);
            (
                bytes,
                n - 1 - LANES,
                u8::from(last == b'\t') | u8::from(last_deco) << 1,
            )
        }
        _ => {
            padded[..n].copy_from_slice(bytes);
            (&padded[..], 0, 0)
        }
    };
    // One call site keeps the block's code vectorized within the block.
    let mut at = 0;
    loop {
        facts |= block_facts::<MARKDOWN>(block_bytes, at.min(last_block));
        if at >= last_block || facts == all {
            break;
        }
        at += LANES;
    }
    facts
}

/// [`line_facts`] of the `LANES` bytes of `bytes` from `at`, each with the byte after it
/// (nothing when `bytes` is too short).
#[inline(always)]
fn block_facts<const MARKDOWN: bool>(bytes: &[u8], at: usize) -> u8 {
    let (Some(x), Some(y)) = (
        bytes
            .get(at..at + LANES)
            .and_then(|x| <&[u8; LANES]>::try_from(x).ok()),
        bytes
            .get(at + 1..at + 1 + LANES)
            .and_then(|y| <&[u8; LANES]>::try_from(y).ok()),
    ) else {
        return 0;
    };
    // Folded as it is computed: a fold over an array of bools compiled to a reduction by
    // shuffles rather than one byte-mask extraction.
    let run = x.iter().zip(y).fold(false, |acc, (&a, &b)| {
        acc | (a == b'\t') | ((a == b' ') & (b == b' '))
    });
    let mut facts = u8::from(run);
    if MARKDOWN {
        let deco = x.iter().fold(false, |acc, &a| acc | is_decoration(a));
        facts |= u8::from(deco) << 1;
    }
    facts
}

/// Where the first [`is_decoration`] byte of `bytes` at or after `from` is; `bytes.len()` when
/// there is none (and `from` when `from` is past the end).
///
/// The text between a line's `**` runs long: whole blocks without decoration are skipped
/// together, then the block that holds one is read byte by byte.
#[inline]
pub fn next_decoration(bytes: &[u8], from: usize) -> usize {
    super::next_in_blocks(bytes, from, decorated_block, is_decoration)
}

/// True when one of the bytes is [`is_decoration`]: the fold of [`block_facts`], out of line,
/// which compiles to byte compares and one mask extraction (a mask byte per byte compiled to a
/// bit test and a branch per byte here).
#[inline(never)]
fn decorated_block(block: &[u8; LANES]) -> bool {
    block.iter().fold(false, |acc, &a| acc | is_decoration(a))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// [`line_facts`], plainly.
    fn reference(bytes: &[u8], markdown: bool) -> u8 {
        let run = bytes.contains(&b'\t') || bytes.windows(2).any(|w| w == b"  ");
        let deco = markdown && bytes.iter().any(|b| b"*_\\<`".contains(b));
        (u8::from(run) * SPACE_RUN) | (u8::from(deco) * DECORATION)
    }

    /// [`next_decoration`], plainly.
    fn next_reference(bytes: &[u8], from: usize) -> usize {
        (from..bytes.len())
            .find(|&i| b"*_\\<`".contains(&bytes[i]))
            .unwrap_or(bytes.len().max(from))
    }

    #[test]
    fn decoration_bytes_are_the_five() {
        for b in 0..=255u8 {
            assert_eq!(is_decoration(b), b"*_\\<`".contains(&b), "{b}");
        }
    }

    proptest! {
        #[test]
        fn line_facts_match_the_reference(bytes in arbitrary::bytes(b" \t*_\\<`^a")) {
            prop_assert_eq!(line_facts::<true>(&bytes), reference(&bytes, true));
            prop_assert_eq!(line_facts::<false>(&bytes), reference(&bytes, false));
        }

        #[test]
        fn line_facts_of_text_match_the_reference(text in arbitrary::text(" \t*_\\<`")) {
            let bytes = text.as_bytes();
            prop_assert_eq!(line_facts::<true>(bytes), reference(bytes, true));
            prop_assert_eq!(line_facts::<false>(bytes), reference(bytes, false));
        }

        #[test]
        fn next_decoration_matches_the_reference(
            bytes in arbitrary::bytes(b"*_\\<`^a"),
            from in 0..400usize,
        ) {
            for from in [0, from % (bytes.len() + 2), from] {
                prop_assert_eq!(next_decoration(&bytes, from), next_reference(&bytes, from));
            }
        }
    }
}
