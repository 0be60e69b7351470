//! The issuer after a number or a name: ` của Ủy ban nhân dân tỉnh`.

use std::sync::LazyLock;

use super::words::{blanks, blanks1, ends_with_word_ci, floor_boundary, has_prefix, same_ci};
use super::{MAX_NAME_WORDS, NAME_BYTES};
use crate::tables::{AND_WORD, ISSUER_NAME_STOPS, ISSUER_WORD};

/// Reads ` của <Name>` at `at`: the name starts upper-case and runs to the first of
/// [`ISSUER_NAME_STOPS`], `limit`, or [`MAX_NAME_WORDS`] words. Returns its end and the name.
pub(super) fn issuer_after(text: &str, at: usize, limit: usize) -> Option<(usize, String)> {
    let bytes = &text.as_bytes()[..limit];
    let of = blanks(bytes, at);
    if !has_prefix(&bytes[of..], ISSUER_WORD.as_bytes()) {
        return None;
    }
    let start = blanks1(bytes, of + ISSUER_WORD.len())?;
    let rest = &text[start..limit];
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let window = &text[start..floor_boundary(text, limit.min(start + NAME_BYTES))];
    let (len, capped) = issuer_extent(window);
    let mut name = trim_name(&window[..len]);
    // A name cut by the word limit does not end on a dangling lower-case word (`… Đảng khóa`).
    while capped && let Some((head, last)) = name.rsplit_once(' ') {
        if !last.chars().next().is_some_and(char::is_lowercase) {
            break;
        }
        name = trim_name(head);
    }
    (!name.is_empty()).then(|| (start + name.len(), name.to_string()))
}

/// How long an issuer name at the start of `window` may be: up to the first of
/// [`ISSUER_NAME_STOPS`], or up to the space after its [`MAX_NAME_WORDS`]-th word (then the
/// name is `capped`). One pass over the chars finds both: most chars are letters, which start
/// no stop and end no word, and cost one table lookup (which also gives their width, so a
/// Vietnamese letter is passed whole).
pub(super) fn issuer_extent(window: &str) -> (usize, bool) {
    let bytes = window.as_bytes();
    let index = &*ISSUER_STOP_INDEX;
    let mut words = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let step = index.step[usize::from(b)];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        if index.single[usize::from(b)] || stop_pair_at(index, bytes.get(i..).unwrap_or_default()) {
            return (i, false);
        }
        // The first space after each word: a space not preceded by a space.
        if b == b' ' && (i == 0 || bytes.get(i - 1) != Some(&b' ')) {
            words += 1;
            if words == MAX_NAME_WORDS {
                return (i, true);
            }
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// True when one of the stops of two bytes or more starts `rest`.
pub(super) fn stop_pair_at(index: &StopIndex, rest: &[u8]) -> bool {
    let (Some(&first), Some(&second)) = (rest.first(), rest.get(1)) else {
        return false;
    };
    index.by_pair[usize::from(first)]
        .as_ref()
        .is_some_and(|by_second| {
            by_second[usize::from(second)]
                .iter()
                .any(|stop| stop.starts(rest))
        })
}

/// A stop of [`StopIndex::by_pair`], with its first eight bytes (or fewer) read as one word:
/// a stop is found, or ruled out, with one comparison of the text's next eight bytes.
pub(super) struct StopWord {
    /// The stop.
    bytes: &'static [u8],
    /// Its first bytes, at most eight, little-endian.
    head: u64,
    /// The bits of `head` that hold them.
    mask: u64,
}

impl StopWord {
    fn new(stop: &'static str) -> StopWord {
        let bytes = stop.as_bytes();
        let mut head = [0; 8];
        let mut mask = [0; 8];
        for (i, &b) in bytes.iter().take(8).enumerate() {
            head[i] = b;
            mask[i] = 0xFF;
        }
        StopWord {
            bytes,
            head: u64::from_le_bytes(head),
            mask: u64::from_le_bytes(mask),
        }
    }

    /// True when `rest` starts with the stop, as [`has_prefix`] answers.
    #[inline]
    fn starts(&self, rest: &[u8]) -> bool {
        match rest.first_chunk::<8>() {
            Some(&chunk) => {
                u64::from_le_bytes(chunk) & self.mask == self.head
                    && self
                        .bytes
                        .get(8..)
                        .is_none_or(|tail| has_prefix(rest.get(8..).unwrap_or_default(), tail))
            }
            None => has_prefix(rest, self.bytes),
        }
    }
}

/// [`ISSUER_NAME_STOPS`] indexed by their first two bytes, for [`issuer_extent`]: most
/// stops start with a space, and the byte after it rules out all but one or two of them.
pub(super) struct StopIndex {
    /// 0 for the bytes that start a stop, and for the space, which ends a word; for the other
    /// bytes how far to step: the width of the char they start (1 for the others).
    step: [u8; 256],
    /// True for the bytes that are a stop of one byte (`,`, `;`, …).
    single: [bool; 256],
    /// For each first byte of a longer stop, the stops by their second byte.
    by_pair: Vec<Option<Vec<Vec<StopWord>>>>,
}

/// The width of the UTF-8 char whose first byte is `b`; 1 for a byte that starts none.
pub(super) fn utf8_width(b: u8) -> u8 {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// The index of [`ISSUER_NAME_STOPS`], built once.
pub(super) static ISSUER_STOP_INDEX: LazyLock<StopIndex> = LazyLock::new(|| {
    let mut index = StopIndex {
        step: std::array::from_fn(|b| utf8_width(b as u8)),
        single: [false; 256],
        by_pair: std::iter::repeat_with(|| None).take(256).collect(),
    };
    index.step[usize::from(b' ')] = 0;
    for stop in ISSUER_NAME_STOPS {
        if let Some(&first) = stop.as_bytes().first() {
            index.step[usize::from(first)] = 0;
        }
        match *stop.as_bytes() {
            [] => {}
            [only] => index.single[usize::from(only)] = true,
            [first, second, ..] => {
                index.by_pair[usize::from(first)]
                    .get_or_insert_with(|| std::iter::repeat_with(Vec::new).take(256).collect())
                    [usize::from(second)]
                .push(StopWord::new(stop));
            }
        }
    }
    index
});

/// Drops trailing spaces, dashes and a dangling `và` from a name.
pub(super) fn trim_name(name: &str) -> &str {
    // Most names end on a letter (`Tỉnh`, `Chính phủ`): nothing to drop when the last char is
    // no space, dash or comma and cannot end [`AND_WORD`].
    let plain_end = |c: char| {
        !c.is_whitespace()
            && !matches!(c, '-' | '–' | ',')
            && !AND_WORD.chars().next_back().is_some_and(|a| same_ci(c, a))
    };
    if name.chars().next_back().is_some_and(plain_end) {
        return name;
    }
    trim_name_in_full(name)
}

/// [`trim_name`] without its shortcut for a name ending on a letter.
pub(super) fn trim_name_in_full(name: &str) -> &str {
    let mut name = name.trim_end();
    loop {
        let trimmed = name.trim_end_matches(['-', '–', ',']).trim_end();
        let trimmed = match ends_with_word_ci(trimmed, AND_WORD) {
            Some(at) if at > 0 => trimmed[..at].trim_end(),
            _ => trimmed,
        };
        if trimmed.len() == name.len() {
            return name;
        }
        name = trimmed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::citation::tests::SEED;

    /// What [`issuer_extent`] must find, by its definition: the first byte where a stop of
    /// [`ISSUER_NAME_STOPS`] starts, or the space after the [`MAX_NAME_WORDS`]-th word.
    fn issuer_extent_by_definition(window: &str) -> (usize, bool) {
        let bytes = window.as_bytes();
        let mut words = 0;
        for i in 0..bytes.len() {
            if ISSUER_NAME_STOPS
                .iter()
                .any(|stop| bytes[i..].starts_with(stop.as_bytes()))
            {
                return (i, false);
            }
            if bytes[i] == b' ' && (i == 0 || bytes[i - 1] != b' ') {
                words += 1;
                if words == MAX_NAME_WORDS {
                    return (i, true);
                }
            }
        }
        (bytes.len(), false)
    }

    /// Stops, their pieces, letters and spaces, for issuer names glued at random.
    fn issuer_pieces() -> Vec<&'static str> {
        ISSUER_NAME_STOPS
            .iter()
            .copied()
            .chain([
                " ",
                "  ",
                "Ủy",
                "ban",
                "nhân",
                "dân",
                "Tỉnh",
                "và",
                "VÀ",
                " v",
                " về",
                "về",
                " b",
                " ban",
                "hành",
                " ban hành",
                " qu",
                "“",
                "”",
                "–",
                "-",
                "a",
                "1",
                "x",
                "ề",
                "\t",
                "\u{a0}",
                "Đ",
                " c",
                " có hiệu",
                " và các",
                " đ",
                "\u{1680}",
            ])
            .collect()
    }

    #[test]
    fn issuer_extent_and_trim_agree_with_their_definitions() {
        let mut windows: Vec<String> = [
            "",
            " ",
            "Ủy ban nhân dân Tỉnh về việc",
            "Ban Chấp hành Trung ương khóa XI về “Tăng",
            "Chính phủ và Chương trình",
            "Bộ Chính trị khóa X, Quyết định",
            "A B C D E F G H I J K L M N",
            "A  B  C  D  E  F  G  H  I  J  K  L  M",
            "Sở ban hành",
            "Sở ban hành",
            "Sở có hiệu lực",
            "Sở có hiệu",
            "Sở và các",
            "Sở và",
            "Sở và ",
            "Sở –",
            "Sở -, và",
        ]
        .map(str::to_owned)
        .to_vec();
        windows.extend(SEED.iter().map(|p| p.to_string()));
        for window in &windows {
            for (at, _) in window.char_indices() {
                let tail = &window[at..];
                assert_eq!(
                    issuer_extent(tail),
                    issuer_extent_by_definition(tail),
                    "{tail:?}"
                );
                assert_eq!(trim_name(tail), trim_name_in_full(tail), "{tail:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x6973_7375_6572))]

        /// Names glued from stops and their pieces: the same extent and the same trimmed name.
        #[test]
        fn issuer_extent_agrees_on_random_names(
            pieces in proptest::collection::vec(proptest::sample::select(issuer_pieces()), 0..16),
        ) {
            let window = pieces.concat();
            for (at, _) in window.char_indices() {
                let tail = &window[at..];
                proptest::prop_assert_eq!(
                    issuer_extent(tail),
                    issuer_extent_by_definition(tail),
                    "{:?}", tail
                );
                proptest::prop_assert_eq!(trim_name(tail), trim_name_in_full(tail), "{:?}", tail);
            }
        }
    }
}
