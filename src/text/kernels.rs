//! Fast kernels: byte-level tests that rule candidates out before a grammar reads them.
//!
//! Each kernel states what it answers in terms a reader can check, and a test beside it compares
//! it with a plain reference.

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

    /// False when `text` cannot start with any of the words.
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
