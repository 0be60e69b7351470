//! Words typed in the other legacy encoding inside one run or line.
//!
//! Offices pasted VNI text into TCVN3 documents and back, and Word keeps the pasted bytes under
//! the paragraph's font: a heading in `.VnTime` reads `… cho UBND tỉnh và các SÔÛ, BAN, NGAØNH,
//! HUYEÄN` (the capitals after `các` are VNI bytes), a sentence ends `… vào mạng trung taâm taïi
//! UBND tænh`. Decoded in the run's encoding such words are no syllables (`SỄỒ`, `NGAỈNH`); in
//! the other one they are (`SỞ`, `NGÀNH`). [`decode`] finds stretches of them and reads those in
//! the other encoding. A stretch needs two such words: a lone word that fails one reading and
//! passes the other is as likely a typo or a name as a paste.

use super::{Encoding, Evidence, convert};

/// The other encoding a run in `encoding` may hold pasted words of: TCVN3 and VNI were the two
/// in daily use, and text moved between them.
pub(super) fn other(encoding: Encoding) -> Option<Encoding> {
    match encoding {
        Encoding::Tcvn3 => Some(Encoding::Vni),
        Encoding::Vni => Some(Encoding::Tcvn3),
        Encoding::Viscii | Encoding::Viqr => None,
    }
}

/// Pasted words a stretch needs at least.
const STRETCH_WORDS: usize = 2;

/// How a token (the text between white space) reads in the run's encoding and in the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Syllables in the run's encoding only: it bounds a stretch.
    Own,
    /// Syllables in the other encoding only: typed in it.
    Other,
    /// Syllables either way, differently: read as its neighbours are.
    Both,
    /// The same either way, or syllables in neither.
    Neither,
}

fn reading(own: &str, other: &str) -> Reading {
    if own == other {
        return Reading::Neither;
    }
    match (Evidence::of(own).clean(), Evidence::of(other).clean()) {
        (true, false) => Reading::Own,
        (false, true) => Reading::Other,
        (true, true) => Reading::Both,
        (false, false) => Reading::Neither,
    }
}

/// `chars` (a run's or a line's legacy bytes as Windows-1252 characters) decoded in `encoding`,
/// with stretches typed in the other legacy encoding decoded in that one: a stretch runs from a
/// word that is a syllable only in the other encoding to the last such word before a word that
/// is one only in `encoding`, and holds two such words at least. A word in between that reads
/// either way is read as the stretch is when the words that tell on both sides of it are such
/// words.
pub(crate) fn decode(chars: &str, encoding: Encoding) -> String {
    let whole = convert(chars, encoding);
    let Some(alt) = other(encoding) else {
        return whole;
    };
    // Text that reads well throughout needs no look at its words (nearly every run).
    if Evidence::of(&whole).invalid < STRETCH_WORDS {
        return whole;
    }
    // Tokens with the white space before them, and how each reads.
    let mut tokens: Vec<(&str, &str, String, String)> = Vec::new();
    let mut rest = chars;
    while !rest.is_empty() {
        let start = rest.len() - rest.trim_start().len();
        let (space, after) = rest.split_at(start);
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        let (token, tail) = after.split_at(end);
        tokens.push((space, token, convert(token, encoding), convert(token, alt)));
        rest = tail;
    }
    let readings: Vec<Reading> = tokens.iter().map(|t| reading(&t.2, &t.3)).collect();
    let mut use_alt = vec![false; tokens.len()];
    let mut i = 0;
    while i < readings.len() {
        if readings[i] != Reading::Other {
            i += 1;
            continue;
        }
        // A stretch from `i` to the last `Other` before the next `Own`.
        let mut last = i;
        let mut count = 0;
        let mut k = i;
        while k < readings.len() && readings[k] != Reading::Own {
            if readings[k] == Reading::Other {
                last = k;
                count += 1;
            }
            k += 1;
        }
        if count >= STRETCH_WORDS {
            for j in i..=last {
                use_alt[j] = match readings[j] {
                    Reading::Other => true,
                    // Read as the stretch only between two of its words: a word that reads
                    // either way beside one that reads as the run does is the run's.
                    Reading::Both => {
                        let near = |r: Option<&Reading>| r == Some(&Reading::Other);
                        let told = |r: &&Reading| **r != Reading::Neither;
                        near(readings[..j].iter().rev().find(told))
                            && near(readings[j + 1..].iter().find(told))
                    }
                    Reading::Own | Reading::Neither => false,
                };
            }
        }
        i = k;
    }
    if !use_alt.contains(&true) {
        return whole;
    }
    let mut out = String::with_capacity(whole.len() + 8);
    for ((space, _, own, other), alt) in tokens.iter().zip(use_alt) {
        out.push_str(space);
        out.push_str(if alt { other } else { own });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vni_pasted_into_a_tcvn3_run_is_read_as_vni() {
        // `.VnTime` text, then capitals pasted from a VNI document.
        assert_eq!(
            decode(
                "KÕt nèi m¹ng cho c¸c SÔÛ, BAN, NGAØNH, HUYEÄN, THÒ, THAØNH PHOÁ",
                Encoding::Tcvn3
            ),
            "Kết nối mạng cho các SỞ, BAN, NGÀNH, HUYỆN, THỊ, THÀNH PHỐ"
        );
        assert_eq!(
            decode(
                "kÕt nèi c¸c m¸y vµo m¹ng trung taâm taïi UBND tænh trong giai ñoaïn 1998.",
                Encoding::Tcvn3
            ),
            "kết nối các máy vào mạng trung tâm tại UBND tỉnh trong giai đoạn 1998."
        );
    }

    #[test]
    fn tcvn3_pasted_into_a_vni_run_is_read_as_tcvn3() {
        assert_eq!(
            decode("Coäng hoøa xaõ hoäi: ViÖt Nam ®éc lËp", Encoding::Vni),
            "Cộng hòa xã hội: Việt Nam độc lập"
        );
    }

    #[test]
    fn a_lone_odd_word_is_left_as_the_run_reads_it() {
        // One word that reads only in VNI is no stretch: a typo or a name as likely as a paste.
        assert_eq!(
            decode("Hµ Néi, SÔÛ kÕ ho¹ch vµ ®Çu t\u{ad}", Encoding::Tcvn3),
            convert("Hµ Néi, SÔÛ kÕ ho¹ch vµ ®Çu t\u{ad}", Encoding::Tcvn3)
        );
        // Text that reads well is returned as the plain decoding gives it.
        assert_eq!(
            decode("Céng hßa x· héi chñ nghÜa", Encoding::Tcvn3),
            "Cộng hòa xã hội chủ nghĩa"
        );
    }
}
