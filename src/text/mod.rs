//! The text layer: bytes to normalized text, and the character classes every layer above asks.
//!
//! Nothing here knows about documents: [`decode`] turns bytes into text, [`normalize`] makes the
//! text uniform (NFC, line endings, spaces) and records what it did, `chars` and `classes`
//! answer character questions from tables, `numerals` holds the roman numerals' one table, and
//! [`split_lf`] cuts lines.

pub(crate) mod chars;
pub(crate) mod classes;
pub mod decode;
pub(crate) mod kernels;
pub mod legacy;
pub mod normalize;
pub(crate) mod numerals;
pub(crate) mod office;

/// The pieces of `text` between line feeds, like `text.split('\n')` (a final empty piece after
/// a closing line feed included), found with the vectorized `memchr` rather than the standard
/// library's word-at-a-time search, several times slower over a document.
pub(crate) fn split_lf(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            // A line feed is ASCII: both ends are character boundaries, and `start <= end`.
            let piece = text.get(start..end).unwrap_or_default();
            start = end + 1;
            piece
        })
}
