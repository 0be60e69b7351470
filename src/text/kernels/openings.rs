//! Sets of the first bytes, or the first two bytes, of a table's words.

/// The set of bytes that start one of `words`, as a table indexed by byte: a text opens with one
/// of the words only if its first byte is marked. Empty words mark nothing.
pub const fn first_bytes(words: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < words.len() {
        mark_first_byte(&mut table, words[i]);
        i += 1;
    }
    table
}

/// [`first_bytes`] of the keys of a table of `(word, value)` pairs.
pub const fn first_bytes_of_keys<T>(entries: &[(&str, T)]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < entries.len() {
        mark_first_byte(&mut table, entries[i].0);
        i += 1;
    }
    table
}

const fn mark_first_byte(table: &mut [bool; 256], word: &str) {
    if let Some(&b) = word.as_bytes().first() {
        table[b as usize] = true;
    }
}

/// The first two bytes of a table's words, as a set of 65,536 bits indexed by
/// `first << 8 | second`: a text opens with one of the words only if its first two bytes are in
/// it. One look-up rules out most lines, where a table of first bytes lets through every line
/// that starts with the same letter as a word (`T` of `TM.` and of `Trong`).
pub struct FirstPairs([u64; 1024]);

impl FirstPairs {
    /// The set of `words`, each of two bytes or more (a shorter one fails the build).
    pub const fn of(words: &[&str]) -> Self {
        let mut bits = [0u64; 1024];
        let mut i = 0;
        while i < words.len() {
            Self::mark(&mut bits, words[i]);
            i += 1;
        }
        Self(bits)
    }

    /// The set of the keys of `entries`, each of two bytes or more.
    pub const fn of_keys<T>(entries: &[(&str, T)]) -> Self {
        let mut bits = [0u64; 1024];
        let mut i = 0;
        while i < entries.len() {
            Self::mark(&mut bits, entries[i].0);
            i += 1;
        }
        Self(bits)
    }

    /// The words of both sets.
    pub const fn union(self, other: Self) -> Self {
        let mut bits = self.0;
        let mut i = 0;
        while i < bits.len() {
            bits[i] |= other.0[i];
            i += 1;
        }
        Self(bits)
    }

    const fn mark(bits: &mut [u64; 1024], word: &str) {
        let b = word.as_bytes();
        assert!(b.len() >= 2, "a word of two bytes or more");
        let at = (b[0] as usize) << 8 | b[1] as usize;
        bits[at >> 6] |= 1 << (at & 63);
    }

    /// False when `text` cannot start with any of the words: true exactly when `text` has two
    /// bytes or more and its first two are the first two of one of the words.
    pub fn may_open(&self, text: &str) -> bool {
        match text.as_bytes() {
            [a, b, ..] => {
                let at = usize::from(*a) << 8 | usize::from(*b);
                self.0.get(at >> 6).is_some_and(|w| w >> (at & 63) & 1 != 0)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::kernels::arbitrary;

    const WORDS: [&str; 7] = ["TM.", "KT.", "Số", "Độc lập", "V/v", "Nơi nhận", "Ủy"];
    const KEYS: [(&str, u8); 4] = [("TM.", 1), ("Sở", 2), ("Ủy ban", 3), ("UBND", 4)];

    /// The first-byte table, plainly: some word starts with `b`.
    fn first_byte_reference(words: &[&str], b: u8) -> bool {
        words.iter().any(|w| w.as_bytes().first() == Some(&b))
    }

    /// The first-pair set, plainly: `text` starts with the first two bytes of some word.
    fn may_open_reference(words: &[&str], text: &str) -> bool {
        let t = text.as_bytes();
        t.len() >= 2 && words.iter().any(|w| w.as_bytes().get(..2) == t.get(..2))
    }

    #[test]
    fn first_bytes_mark_exactly_the_first_byte_of_each_word() {
        let with_empty = ["Số", "", "Độc lập", "V/v"];
        let table = first_bytes(&with_empty);
        let keyed = first_bytes_of_keys(&KEYS);
        let keys: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
        for b in 0..=255u8 {
            assert_eq!(
                table[usize::from(b)],
                first_byte_reference(&with_empty, b),
                "{b}"
            );
            assert_eq!(keyed[usize::from(b)], first_byte_reference(&keys, b), "{b}");
        }
    }

    proptest! {
        #[test]
        fn may_open_is_the_first_two_bytes_of_a_word(text in arbitrary::text("TKSĐVNỦUơ.")) {
            static PAIRS: FirstPairs = FirstPairs::of(&WORDS);
            static BOTH: FirstPairs = FirstPairs::of(&WORDS).union(FirstPairs::of_keys(&KEYS));
            let all: Vec<&str> = WORDS.iter().copied().chain(KEYS.iter().map(|k| k.0)).collect();
            for word in &all {
                let opening = format!("{word}{text}");
                prop_assert_eq!(BOTH.may_open(&opening), true);
            }
            prop_assert_eq!(PAIRS.may_open(&text), may_open_reference(&WORDS, &text));
            prop_assert_eq!(BOTH.may_open(&text), may_open_reference(&all, &text));
        }
    }
}
