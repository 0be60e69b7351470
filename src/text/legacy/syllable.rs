//! Is a word a Vietnamese syllable? The evidence the encoding detector weighs: a wrong decoding
//! of legacy bytes gives words no Vietnamese speaker writes (`Céng`, `hßa`, `Coọng`).
//!
//! A syllable is an initial consonant (possibly none), a vowel nucleus, a final consonant
//! (possibly none) and at most one tone mark; a syllable closed by `c ch p t` takes only the
//! sắc or nặng tone. The lists are the standard description of Vietnamese orthography.

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

const FINALS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// True when `word` (letters only, any case, NFC or not) is one Vietnamese syllable.
pub(super) fn is_syllable(word: &str) -> bool {
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
    let stop_allowed = matches!(tone, None | Some('\u{301}') | Some('\u{323}'));
    let initials = std::iter::once("").chain(INITIALS);
    initials
        .filter_map(|i| bare.strip_prefix(i))
        .any(|rest| rhyme(rest, stop_allowed))
}

/// A nucleus and an optional final; a stop final (`c ch p t`) only where the tone allows it.
fn rhyme(rest: &str, stop_allowed: bool) -> bool {
    if NUCLEI.contains(&rest) {
        return true;
    }
    FINALS.iter().any(|f| {
        rest.strip_suffix(f).is_some_and(|nucleus| {
            NUCLEI.contains(&nucleus) && (stop_allowed || !matches!(*f, "c" | "ch" | "p" | "t"))
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
            "phuùc",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
        assert!(!is_syllable("hàt"), "a stop final takes only sắc or nặng");
    }
}
