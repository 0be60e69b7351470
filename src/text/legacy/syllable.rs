//! Is a word a Vietnamese syllable? The evidence the encoding detector weighs: a wrong decoding
//! of legacy bytes gives words no Vietnamese speaker writes (`Céng`, `hßa`, `Coọng`).
//!
//! A syllable is an initial consonant (possibly none), a vowel nucleus, a final consonant
//! (possibly none) and at most one tone mark; a syllable closed by `c ch p t` takes only the
//! sắc or nặng tone. The lists are the standard description of Vietnamese orthography.

#[cfg(test)]
use unicode_normalization::UnicodeNormalization;

const INITIALS: [&str; 27] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

const NUCLEI: [&str; 58] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "yê", "iêu", "yêu", "oai", "oay", "oao", "oeo",
    "uây", "uôi", "ươi", "ươu", "uyê", "uya", "uyu", "ôô", "ưo", "uă",
];

/// The nuclei that end on a glide (`ai`, `ao`, `iêu`) or on `a` after a glide (`ia`, `ưa`):
/// they close the syllable and take no final consonant (`tao`, never `taom`).
const OPEN_NUCLEI: [&str; 30] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];

/// The nuclei that need a final consonant after them: `ă`, `â` and the long vowels and
/// diphthongs that never end a syllable (`tân`, `xoong`, `tiên`, `uông`, never `tâ`, `xoo`,
/// `tiê`, `uô`).
const CLOSED_NUCLEI: [&str; 12] = [
    "ă", "â", "oo", "ôô", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "uă",
];

const FINALS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A nucleus's bytes as one number: at most 8 bytes (the longest, `ươu`, has 5), read
/// big-endian and padded with zeros, which no letter has. Two strings of 8 bytes or fewer have
/// the same key only when they are the same string.
const fn key(s: &[u8]) -> Option<u64> {
    if s.len() > 8 {
        return None;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        k <<= 8;
        if i < s.len() {
            k |= s[i] as u64;
        }
        i += 1;
    }
    Some(k)
}

/// The nuclei's keys sorted, for a binary search of numbers instead of strings (a syllable's
/// rhyme is looked up two to four times).
const NUCLEUS_KEYS: [u64; NUCLEI.len()] = {
    let mut t = [0u64; NUCLEI.len()];
    let mut i = 0;
    while i < t.len() {
        t[i] = match key(NUCLEI[i].as_bytes()) {
            Some(k) => k,
            None => panic!("a nucleus of more than 8 bytes"),
        };
        i += 1;
    }
    // An insertion sort, at compile time.
    let mut i = 1;
    while i < t.len() {
        let mut j = i;
        while j > 0 && t[j] < t[j - 1] {
            let x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
            j -= 1;
        }
        i += 1;
    }
    t
};

fn is_nucleus(s: &str) -> bool {
    key(s.as_bytes()).is_some_and(|k| NUCLEUS_KEYS.binary_search(&k).is_ok())
}

/// The longest syllable read (`nghiêng` is 7 letters; a word beyond this is no syllable).
const MAX_LETTERS: usize = 12;

/// True when `word` (letters only, any case, NFC or not) is one Vietnamese syllable.
///
/// Read without allocating: each letter is split into its lower-case base with its shape mark
/// (`ơ`, `â`, `ă`) and its tone, as the canonical decomposition gives them; the detector asks
/// this of every word of every reading it weighs.
pub(super) fn is_syllable(word: &str) -> bool {
    let mut tone = None;
    let mut bare = [0u8; 4 * MAX_LETTERS];
    let mut len: usize = 0;
    let mut last: Option<char> = None;
    let mut letters = 0;
    let mut ok = true;
    for c in word.chars() {
        let mut parts = ['\0'; 4];
        let mut n = 0;
        if c.is_ascii() {
            parts[0] = c.to_ascii_lowercase();
            n = 1;
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if let Some(p) = parts.get_mut(n) {
                    *p = d;
                }
                n += 1;
            });
        }
        for &d in parts.iter().take(n.min(4)) {
            if TONES.contains(&d) {
                if tone.is_some() {
                    return false;
                }
                tone = Some(d);
                continue;
            }
            // A shape mark joins the letter before it (`o` + horn is `ơ`).
            let shaped = match (last, d) {
                (Some(base), '\u{302}' | '\u{306}' | '\u{31B}') => {
                    unicode_normalization::char::compose(base, d)
                }
                _ => None,
            };
            if let Some(s) = shaped {
                len = len.saturating_sub(base_len(last));
                last = Some(s);
                ok &= put(s, &mut bare, &mut len);
                continue;
            }
            let lower = if d.is_ascii() {
                d.to_ascii_lowercase()
            } else {
                let mut l = d.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(one), None) => one,
                    _ => return false,
                }
            };
            letters += 1;
            if letters > MAX_LETTERS {
                return false;
            }
            last = Some(lower);
            ok &= put(lower, &mut bare, &mut len);
        }
        if !ok {
            return false;
        }
    }
    let Some(bare) = bare.get(..len).and_then(|b| std::str::from_utf8(b).ok()) else {
        return false;
    };
    if bare.is_empty() {
        return false;
    }
    onset_and_rhyme(bare, tone)
}

/// True when `bare` (small letters, no tone mark) is an initial consonant or none and a rhyme
/// that `tone` allows. Only the initials that begin with `bare`'s first letter are tried.
fn onset_and_rhyme(bare: &str, tone: Option<char>) -> bool {
    let stop_allowed = stop_allowed(tone);
    let first = bare.as_bytes().first();
    rhyme(bare, stop_allowed)
        || INITIALS
            .iter()
            .filter(|i| i.as_bytes().first() == first)
            .filter_map(|i| bare.strip_prefix(i))
            .any(|rest| rhyme(rest, stop_allowed))
}

/// A syllable closed by `c ch p t` takes only the sắc or nặng tone (or none).
fn stop_allowed(tone: Option<char>) -> bool {
    matches!(tone, None | Some('\u{301}') | Some('\u{323}'))
}

/// Writes `c` at `len` of `bare`; false when it does not fit.
fn put(c: char, bare: &mut [u8; 4 * MAX_LETTERS], len: &mut usize) -> bool {
    let Some(slot) = bare.get_mut(*len..*len + c.len_utf8()) else {
        return false;
    };
    c.encode_utf8(slot);
    *len += c.len_utf8();
    true
}

fn base_len(c: Option<char>) -> usize {
    c.map_or(0, char::len_utf8)
}

/// A nucleus and an optional final; a stop final (`c ch p t`) only where the tone allows it.
/// Only the finals that end with `rest`'s last letter are tried.
fn rhyme(rest: &str, stop_allowed: bool) -> bool {
    if is_nucleus(rest) {
        return !CLOSED_NUCLEI.contains(&rest);
    }
    let last = rest.as_bytes().last();
    FINALS
        .iter()
        .filter(|f| f.as_bytes().last() == last)
        .any(|f| final_after_nucleus(rest, f, stop_allowed))
}

/// `rest` is a nucleus and the final `f`, which the tone allows.
fn final_after_nucleus(rest: &str, f: &str, stop_allowed: bool) -> bool {
    rest.strip_suffix(f).is_some_and(|nucleus| {
        is_nucleus(nucleus)
            && !OPEN_NUCLEI.contains(&nucleus)
            && (stop_allowed || !matches!(f, "c" | "ch" | "p" | "t"))
    })
}

/// The first reading of [`is_syllable`] (decompose, lower-case, recompose into new strings, try
/// every initial and final), kept as the oracle the fast one is checked against.
#[cfg(test)]
fn is_syllable_by_strings(word: &str) -> bool {
    let mut tone = None;
    let mut bare = String::with_capacity(word.len());
    for c in word.nfd() {
        if TONES.contains(&c) {
            if tone.is_some() {
                return false;
            }
            tone = Some(c);
        } else {
            bare.extend(c.to_lowercase());
        }
    }
    let bare: String = bare.nfc().collect();
    if bare.is_empty() || bare.len() > 24 {
        return false;
    }
    // Every initial (and none) and every final tried, the nuclei found in their list, without
    // the fast reading's filters and keys.
    let stop_allowed = stop_allowed(tone);
    let nucleus = |n: &str| NUCLEI.contains(&n);
    std::iter::once("")
        .chain(INITIALS)
        .filter_map(|i| bare.strip_prefix(i))
        .any(|rest| {
            (nucleus(rest) && !CLOSED_NUCLEI.contains(&rest))
                || FINALS.iter().any(|f| {
                    rest.strip_suffix(f).is_some_and(|n| {
                        nucleus(n)
                            && !OPEN_NUCLEI.contains(&n)
                            && (stop_allowed || !matches!(*f, "c" | "ch" | "p" | "t"))
                    })
                })
        })
}

#[cfg(test)]
mod tests {
    use super::is_syllable;

    #[test]
    fn vietnamese_words_are_syllables() {
        for w in [
            "Cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "Việt", "Nam", "Độc", "lập", "Tự", "do",
            "Hạnh", "phúc", "quyết", "định", "gì", "giữa", "khuya", "NGHỊ", "ĐỊNH", "người",
            "tướng", "khuyến", "oản", "ương", "ngoẹo",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn garbled_and_foreign_words_are_not() {
        for w in [
            "Héi", "hßa", "chñ", "ViÖt", "Vieät", "hoứa", "été", "über", "Nghij", "cát̀", "xyz",
            "phuùc", "taõm", "tain", "hoing", "Boọ", "moõ", "tiê", "bâ",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
        assert!(!is_syllable("hàt"), "a stop final takes only sắc or nặng");
    }
}

#[cfg(test)]
mod oracle {
    use super::{is_syllable, is_syllable_by_strings};
    use unicode_normalization::UnicodeNormalization;

    /// The fast reading agrees with the string one on every word of up to three letters drawn
    /// from Vietnamese letters in both cases (precomposed, and decomposed after NFD), and on
    /// the words of real and garbled text.
    #[test]
    fn fast_check_agrees_with_the_strings() {
        let letters: Vec<char> = "aăâeêioôơuưydđnghkqtcpmlrsxvbNGHĐƯƠÂÔàáảãạằắẳẵặầấẩẫậềếểễệờớởỡợừứửữựỳýỷỹỵÀÁẠẦẤẬỜỚỢỪỨỰüéç\u{302}\u{301}\u{323}\u{31B}"
            .chars()
            .collect();
        let mut checked = 0;
        let mut check = |word: &str| {
            assert_eq!(is_syllable(word), is_syllable_by_strings(word), "{word:?}");
            let nfd: String = word.nfd().collect();
            assert_eq!(is_syllable(&nfd), is_syllable_by_strings(&nfd), "{nfd:?}");
            checked += 1;
        };
        for &a in &letters {
            for &b in &letters {
                check(&[a, b].iter().collect::<String>());
                for &c in letters.iter().step_by(5) {
                    check(&[a, b, c].iter().collect::<String>());
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
        let text = "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc NGHỊ ĐỊNH \
                    nghiêng khuyếch người khuỷu quyển giữa Céng hßa x· héi Coäng hoøa xaõ hoäi \
                    Nghị quyết Quốc hội THÔNG TƯ ương ngoẹo oản nghêng nghiếng xuyên";
        for w in text.split(' ') {
            assert_eq!(is_syllable(w), is_syllable_by_strings(w), "{w}");
        }
    }
}
