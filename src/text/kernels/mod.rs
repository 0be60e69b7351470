//! Fast kernels: byte-level questions that domain code asks by name, answered a block of bytes
//! at a time.
//!
//! Each kernel is one function whose doc says exactly what it answers, in terms a reader can
//! check against the bytes. Beside it, its tests hold a plain scalar `reference` (a loop or an
//! iterator chain that is obviously right) and a property test comparing the two on arbitrary
//! bytes and strings: Vietnamese text, the bytes the kernel looks for, and lengths where the
//! kernel changes path (empty, one block and a byte either side, two and four blocks).
//!
//! Conventions:
//! - A block is [`LANES`] bytes, read as a `&[u8; LANES]` and tested lane by lane in plain loops
//!   over fixed-size arrays, which the compiler turns into vector compares and one reduction per
//!   block (`unsafe` is forbidden in this crate, so no intrinsics). Lines run about 80 bytes:
//!   narrower blocks pay a reduction and a branch more often, wider ones leave more of a line to
//!   the tail.
//! - The tail of a kernel that needs every byte: bytes shorter than a block are copied into a
//!   block padded with zero bytes, which no kernel looks for, or the last block is moved back to
//!   end at the last byte, overlapping the one before. A kernel that finds a position
//!   ([`next_decoration`], [`unescaped_len`]) reads the block that holds it, and the tail, in
//!   smaller steps; [`surely_lower`] leaves the tail out (its no says nothing).
//! - [`plain_leads`], which reads whole documents, takes [`WIDE`] bytes at a time: nothing ends
//!   it early on most texts, and a wider block pays fewer reductions.
//! - Where the positions of many hits are wanted in short text (the spaces of a header line, the
//!   first byte to escape in a JSON string), eight bytes are read as one `u64` and tested with
//!   integer arithmetic instead ([`spaces()`], [`escape_flags`]): hits are a few bytes apart, and
//!   a vector search would stop and start again at each.
//! - The first bytes, or the first two, of a table's words are kept as a set ([`first_bytes`],
//!   [`FirstPairs`]), so one look-up rules out a place where none of them starts.

mod columns;
mod digits;
mod escape;
mod letters;
mod line_scan;
mod openings;
mod plain;
mod spaces;
mod trim;
mod wide;

pub use columns::{contains_byte, has_column_gap};
pub use digits::next_digit;
pub use escape::{escape_flags, unescaped_len};
pub use letters::surely_lower;
pub use line_scan::{DECORATION, SPACE_RUN, is_decoration, line_facts, next_decoration};
pub use openings::{FirstPairs, first_bytes, first_bytes_of_keys};
pub use plain::plain_leads;
pub use spaces::spaces;
pub use trim::{starts_plain, trim};
pub use wide::wide_chars;

/// Bytes a block kernel reads at a time: two SSE2 registers.
pub const LANES: usize = 32;

/// Bytes [`plain_leads`] reads at a time.
pub const WIDE: usize = 4 * LANES;

/// Where the first byte of `bytes` at or after `from` that `is` takes is; `bytes.len()` when
/// there is none (and `from` when `from` is past the end). Whole blocks where `block_holds`
/// finds none are skipped together, then the block that holds one is read byte by byte: the
/// walk of [`next_decoration`] and [`next_digit`].
#[inline]
fn next_in_blocks(
    bytes: &[u8],
    mut from: usize,
    block_holds: fn(&[u8; LANES]) -> bool,
    is: fn(u8) -> bool,
) -> usize {
    while let Some(block) = bytes
        .get(from..)
        .and_then(|rest| rest.first_chunk::<LANES>())
    {
        if block_holds(block) {
            break;
        }
        from += LANES;
    }
    while bytes.get(from).is_some_and(|&b| !is(b)) {
        from += 1;
    }
    from
}

/// Generators for the kernels' property tests.
#[cfg(test)]
mod arbitrary {
    use proptest::prelude::*;
    use proptest::sample::{Index, select};

    use super::{LANES, WIDE};

    /// Text of the documents the kernels read.
    const VIETNAMESE: &str = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \
        Độc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND    Lâm Đồng, ngày 05 tháng 4 năm 2026\n\
        **Điều 1.** Phê duyệt “Kế hoạch” – xem *Phụ lục* \\* <br> `mã` | ô | \u{a0}…\u{300}";

    /// Byte lengths where a block kernel changes path.
    fn edge_len() -> impl Strategy<Value = usize> {
        prop_oneof![
            0..=2usize,
            LANES - 1..=LANES + 1,
            2 * LANES - 1..=2 * LANES + 1,
            WIDE - 1..=WIDE + 3,
            0..3 * WIDE,
        ]
    }

    /// A character of `special`, of the Vietnamese sample, or any character.
    fn char_of(special: &'static str) -> impl Strategy<Value = char> {
        let special: Vec<char> = special.chars().collect();
        prop_oneof![
            3 => select(special),
            3 => select(VIETNAMESE.chars().collect::<Vec<_>>()),
            1 => any::<char>(),
        ]
    }

    /// Strings for a kernel that looks for the characters of `special`: ASCII letters of an
    /// edge length with a few characters put in, runs of characters, or a piece of the sample.
    pub fn text(special: &'static str) -> impl Strategy<Value = String> {
        let sample: Vec<char> = VIETNAMESE.chars().collect();
        let n = sample.len();
        prop_oneof![
            (
                edge_len(),
                prop::collection::vec((any::<Index>(), char_of(special)), 0..4)
            )
                .prop_map(|(len, put)| {
                    let mut chars = vec!['x'; len];
                    for (at, c) in put {
                        if len > 0 {
                            chars[at.index(len)] = c;
                        }
                    }
                    chars.into_iter().collect()
                }),
            prop::collection::vec(char_of(special), 0..200).prop_map(String::from_iter),
            (0..=n, 0..=n).prop_map(move |(a, b)| sample[a.min(b)..a.max(b)].iter().collect()),
        ]
    }

    /// Bytes for a kernel that looks for the bytes of `special`: [`text`], filler bytes of an
    /// edge length with a few bytes put in, or any bytes.
    pub fn bytes(special: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
        let byte = prop_oneof![3 => select(special.to_vec()), 1 => any::<u8>()];
        prop_oneof![
            text(" \t").prop_map(String::into_bytes),
            (
                edge_len(),
                prop::collection::vec((any::<Index>(), byte), 0..4)
            )
                .prop_map(|(len, put)| {
                    let mut bytes = vec![b'x'; len];
                    for (at, b) in put {
                        if len > 0 {
                            bytes[at.index(len)] = b;
                        }
                    }
                    bytes
                }),
            prop::collection::vec(any::<u8>(), 0..3 * WIDE),
        ]
    }
}
