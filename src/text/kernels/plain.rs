//! Whether a text holds only characters of the blocks Vietnamese documents are written in.

use super::WIDE;

/// True when every character of `text` is ASCII or in U+00C0–U+027F (Latin-1 letters, Latin
/// Extended-A and -B, IPA: lead bytes `C3`–`C9`), U+1E00–U+1EFF (Latin Extended Additional:
/// `ạ`, `ệ`, `ữ`; `E1 B8`–`E1 BB`) or U+2010–U+202E (dashes, quotes `“ ”`, `…`;
/// `E2 80 90`–`E2 80 AE`).
///
/// Read [`WIDE`] bytes at a time, each lead byte with the two after it. A first look leaves out
/// `E2` (dashes and quotes are a few per text): it lets through only `C3`–`C9` and `E1 B8`–
/// `E1 BB` leads, and a block it stops at is looked at again with `E2 80 90`–`E2 80 AE`
/// allowed. Continuation bytes (`80`–`BF`) start no character and are let through. The tail is
/// copied into a block padded with zero bytes, which fail the `E1` and `E2` checks, so such a
/// lead there is refused (valid UTF-8 never ends with one).
pub fn plain_leads(text: &str) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut at = 0;
    while at + WIDE + 2 <= n {
        if suspicious_block(bytes, at) {
            return false;
        }
        at += WIDE;
    }
    let mut padded = [0u8; WIDE + 2];
    let rest = bytes.get(at..).unwrap_or_default();
    padded[..rest.len()].copy_from_slice(rest);
    !suspicious_block(&padded, 0)
}

/// [`plain_leads`] of the block of `bytes` at `at`: true when a lead byte there does not start
/// a character [`plain_leads`] lets through (`bytes` must hold two bytes after the block).
#[inline(never)]
fn suspicious_block(bytes: &[u8], at: usize) -> bool {
    let Some(w) = bytes
        .get(at..at + WIDE + 2)
        .and_then(|w| <&[u8; WIDE + 2]>::try_from(w).ok())
    else {
        return true;
    };
    let (x, y, z) = (&w[..WIDE], &w[1..=WIDE], &w[2..]);
    // A lead byte other than `C3`–`C9`, except `E1` before `B8`–`BB`.
    let mut odd = [false; WIDE];
    for k in 0..WIDE {
        let lead = (x[k] >= 0xCA) | (x[k] == 0xC2);
        let vietnamese = (x[k] == 0xE1) & ((y[k] & 0xFC) == 0xB8);
        odd[k] = lead & !vietnamese;
    }
    if !odd.iter().fold(false, |acc, &o| acc | o) {
        return false;
    }
    let mut bad = [false; WIDE];
    for k in 0..WIDE {
        let punctuation = (x[k] == 0xE2) & (y[k] == 0x80) & (z[k].wrapping_sub(0x90) < 0x1F);
        bad[k] = odd[k] & !punctuation;
    }
    bad.iter().fold(false, |acc, &b| acc | b)
}

#[cfg(test)]
mod tests {
    use std::ops::RangeInclusive;

    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    /// The characters [`plain_leads`] lets through besides ASCII, by the bytes they start with:
    /// `C3`–`C9` (Latin-1 letters, Latin Extended-A and -B, IPA), `E1 B8`–`E1 BB` (Latin Extended
    /// Additional: `ạ`, `ệ`, `ữ`), `E2 80 90`–`E2 80 AE` (dashes, quotes `“ ”`, `…`).
    const PLAIN_LEAD_RANGES: [RangeInclusive<char>; 3] = [
        '\u{00C0}'..='\u{027F}',
        '\u{1E00}'..='\u{1EFF}',
        '\u{2010}'..='\u{202E}',
    ];

    /// [`plain_leads`], plainly.
    fn reference(text: &str) -> bool {
        text.chars()
            .all(|c| c.is_ascii() || PLAIN_LEAD_RANGES.iter().any(|r| r.contains(&c)))
    }

    /// Every character on its own, and after and before text of edge lengths.
    #[test]
    fn every_character_agrees_with_the_reference() {
        for c in (0x80..0x1_0000)
            .chain((0x1_0000..0x11_0000).step_by(97))
            .filter_map(char::from_u32)
        {
            for text in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}ab"),
                format!("ab{c}"),
            ] {
                assert_eq!(plain_leads(&text), reference(&text), "{c:?}");
            }
        }
        for c in [
            '\u{0300}', '\u{00A0}', '\u{00AD}', '\u{200B}', '\u{202F}', 'ệ', '”', 'Ω',
        ] {
            for pad in [0, 1, WIDE - 2, WIDE - 1, WIDE, WIDE + 1, 2 * WIDE, 600] {
                let text = format!("{}{c}yz", "x".repeat(pad));
                assert_eq!(plain_leads(&text), reference(&text), "{c:?} after {pad}");
            }
        }
    }

    proptest! {
        #[test]
        fn plain_leads_match_the_reference(
            text in arbitrary::text("àĐơưệỸ“”–…ǘɐ\u{0300}\u{00A0}\u{00AD}\u{200B}\u{202F}\u{2030}Ω\u{1DFF}\u{1F00}")
        ) {
            prop_assert_eq!(plain_leads(&text), reference(&text));
        }
    }
}
