//! Trimming white space without decoding the ends of a line that plainly have none.

/// True when a character that starts with byte `b` is surely not white space
/// (`char::is_whitespace`): `b` is an ASCII graphic character, or a lead byte from `C3` on other
/// than `E1` (`U+1680`), `E2` (`U+2000`–`U+205F`) and `E3` (`U+3000`). False for the other
/// bytes, among them `C2` (`U+0085`, `U+00A0`), ASCII space and controls, and bytes that start
/// no character.
#[inline]
pub fn starts_plain(b: u8) -> bool {
    b.is_ascii_graphic() || b >= 0xC3 && !matches!(b, 0xE1..=0xE3)
}

/// `raw.trim()`: the ends of a line are decoded only when the first byte is not
/// [`starts_plain`] or the last is not an ASCII graphic character (almost every line starts
/// and ends with one, and is given back as it is).
#[inline]
pub fn trim(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return raw;
    };
    match (starts_plain(first), last.is_ascii_graphic()) {
        (true, true) => raw,
        (true, false) => raw.trim_end(),
        (false, true) => raw.trim_start(),
        (false, false) => raw.trim(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// No white-space character starts with a byte [`starts_plain`] accepts.
    #[test]
    fn no_white_space_starts_plain() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            if c.is_whitespace() {
                assert!(!starts_plain(first), "{c:?}");
            }
        }
        // Letters with a lead byte below `E1` start plain (those of Latin Extended Additional,
        // `Ủ`, `ệ`, start with `E1`, and are decoded).
        for c in "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ".chars()
        {
            let mut buf = [0u8; 4];
            assert!(starts_plain(c.encode_utf8(&mut buf).as_bytes()[0]), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn trim_is_str_trim(text in arbitrary::text(" \t\u{a0}\u{3000}\u{1680}\u{2003}\u{85}\n")) {
            prop_assert_eq!(trim(&text), text.trim());
        }
    }
}
