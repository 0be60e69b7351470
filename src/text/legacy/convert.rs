//! Legacy text to Unicode: the characters a file shows for legacy bytes (Windows-1252 or
//! Latin-1 characters, as Word, RTF and code-page readers give them) become the Vietnamese
//! letters the legacy font drew.

use unicode_normalization::UnicodeNormalization;

use super::Encoding;
use super::tables::{self, BREVE, CIRCUMFLEX};
use crate::text::chars;

/// Converts `text` from `encoding` to NFC Unicode. Characters the encoding gives no letter pass
/// through as they are (ASCII, Word's typographic quotes, characters already beyond Latin-1).
pub(crate) fn convert(text: &str, encoding: Encoding) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    match encoding {
        Encoding::Tcvn3 => single_byte(text, tables::tcvn3, &mut out),
        Encoding::Viscii => single_byte(text, tables::viscii, &mut out),
        Encoding::Vni => vni(text, &mut out),
        Encoding::Viqr => viqr(text, &mut out),
    }
    if out.is_ascii() {
        return out;
    }
    out.nfc().collect()
}

fn single_byte(text: &str, table: fn(u8) -> Option<char>, out: &mut String) {
    for c in text.chars() {
        out.push(tables::legacy_byte(c).and_then(table).unwrap_or(c));
    }
}

/// The vowel a VNI character is the base of: `a e i o u y` in both cases, and the bytes that are
/// `ơ ư` by themselves (VNI's `ô ö`).
fn vni_vowel(c: char, byte: Option<u8>) -> Option<char> {
    if "aeiouyAEIOUY".contains(c) {
        return Some(c);
    }
    match byte? {
        0xF4 => Some('ơ'),
        0xD4 => Some('Ơ'),
        0xF6 => Some('ư'),
        0xD6 => Some('Ư'),
        _ => None,
    }
}

fn vni(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let byte = tables::legacy_byte(c);
        let Some(vowel) = vni_vowel(c, byte) else {
            out.push(byte.and_then(tables::vni_letter).unwrap_or(c));
            continue;
        };
        out.push(vowel);
        let next = chars.peek().copied();
        let mark = next
            .and_then(tables::legacy_byte)
            .and_then(tables::vni_mark);
        let Some(mark) = mark else { continue };
        let lower = vowel.to_ascii_lowercase();
        let fits = match mark.shape {
            Some(CIRCUMFLEX) => matches!(lower, 'a' | 'e' | 'o'),
            Some(_) => lower == 'a',
            None => true,
        };
        if fits {
            chars.next();
            out.extend(mark.shape);
            out.extend(mark.tone);
        }
    }
}

fn viqr(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            'd' | 'D' if matches!(chars.peek(), Some('d' | 'D')) => {
                chars.next();
                out.push(if c == 'd' { 'đ' } else { 'Đ' });
            }
            _ if "aeiouyAEIOUY".contains(c) => {
                out.push(c);
                let lower = c.to_ascii_lowercase();
                let shape = match chars.peek() {
                    Some('(') if lower == 'a' => Some(BREVE),
                    Some('^') if matches!(lower, 'a' | 'e' | 'o') => Some(CIRCUMFLEX),
                    Some('+') if matches!(lower, 'o' | 'u') => Some('\u{31B}'),
                    _ => None,
                };
                if let Some(shape) = shape {
                    chars.next();
                    out.push(shape);
                }
                let tone = match chars.peek() {
                    Some('\'') => Some('\u{301}'),
                    Some('`') => Some('\u{300}'),
                    Some('?') => Some('\u{309}'),
                    Some('~') => Some('\u{303}'),
                    Some('.') => Some('\u{323}'),
                    _ => None,
                };
                if let Some(tone) = tone {
                    chars.next();
                    out.push(tone);
                }
            }
            _ => out.push(c),
        }
    }
}

/// Capitals a TCVN3 line typed without its `H` font lost: a word whose capitals (two at least)
/// come with small Vietnamese letters and no small ASCII one (`CộNG`, `HßA` decoded, `ĐồNG`) was
/// a capital word (`CỘNG`, `HÒA`, `ĐỒNG`), in any line; in a line of capitals, so was a word of
/// one capital or none (`Xã`, `Đồ`, `ở`).
pub(crate) fn restore_capitals(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    for cell in line.split_inclusive(['|', '\t']) {
        match restore_cell(cell) {
            Some(capitals) => {
                out.push_str(&capitals);
                changed = true;
            }
            None => out.push_str(cell),
        }
    }
    changed.then_some(out)
}

/// [`restore_capitals`] in one cell of a table row.
fn restore_cell(line: &str) -> Option<String> {
    let (upper, ascii) = line
        .chars()
        .filter(char::is_ascii_alphabetic)
        .fold((0usize, 0usize), |(u, a), c| {
            (u + usize::from(c.is_ascii_uppercase()), a + 1)
        });
    // A word of one capital letter or none and small Vietnamese ones (`Xã`, `ủY`, `Đồ`, `ở`) is
    // a capital word too in a heading: no small ASCII letter, and two words at least surely
    // capitals or no digit.
    let all_capitals = ascii > 0 && upper == ascii;
    let words = || line.split_inclusive(|c: char| !chars::is_alphabetic(c));
    // The capitals of a word (`Đ`, `Ơ`, … too: TCVN3 fonts have them), and whether it has
    // small Vietnamese letters and no small ASCII one.
    let shape = |word: &str| {
        let letters = word.chars().filter(|&c| chars::is_alphabetic(c));
        let capitals = letters.clone().filter(|c| c.is_uppercase()).count();
        let ascii_lower = letters.clone().filter(char::is_ascii_lowercase).count();
        let small = letters
            .filter(|c| !c.is_ascii() && c.is_lowercase())
            .count();
        (capitals, ascii_lower == 0 && small > 0)
    };
    let sure = words().filter(|w| matches!(shape(w), (2.., true))).count();
    // A heading, not a number line (`Sè: 15/TB-UBND`): capitals only, no digit.
    let heading = all_capitals && !line.contains(|c: char| c.is_ascii_digit()) && ascii >= 6;
    if sure == 0 && !heading {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    for word in words() {
        match shape(word) {
            (2.., true) => out.extend(word.chars().flat_map(char::to_uppercase)),
            (0 | 1, true) if heading || (all_capitals && sure >= 2) => {
                out.extend(word.chars().flat_map(char::to_uppercase));
            }
            _ => out.push_str(word),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_to_unicode() {
        assert_eq!(
            convert("Céng hßa x· héi chñ nghÜa ViÖt Nam", Encoding::Tcvn3),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            convert("§éc lËp - Tù do - H¹nh phóc", Encoding::Tcvn3),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(convert("n\u{AD}íc", Encoding::Tcvn3), "nước", "0xAD is ư");
        assert_eq!(
            convert("\u{201C}Th«ng t\u{AD}\u{201D}", Encoding::Tcvn3),
            "\u{201C}Thông tư\u{201D}"
        );
    }

    #[test]
    fn vni_to_unicode() {
        assert_eq!(
            convert("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", Encoding::Vni),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            convert("Ñoäc laäp - Töï do - Haïnh phuùc", Encoding::Vni),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(convert("QUYEÁT ÑÒNH", Encoding::Vni), "QUYẾT ĐỊNH");
        assert_eq!(convert("ngöôøi", Encoding::Vni), "người");
        assert_eq!(convert("khaúng ñònh", Encoding::Vni), "khẳng định");
    }

    #[test]
    fn viscii_and_viqr_to_unicode() {
        let viscii: String = b"Vi\xAEt Nam \xF0\xB5c l\xA7p"
            .iter()
            .map(|&b| tables::cp1252_char(b))
            .collect();
        assert_eq!(convert(&viscii, Encoding::Viscii), "Việt Nam độc lập");
        assert_eq!(
            convert("Vie^.t Nam DDo^.c la^.p, ngu+o+`i", Encoding::Viqr),
            "Việt Nam Độc lập, người"
        );
        assert_eq!(convert("Hello\\.", Encoding::Viqr), "Hello.");
    }

    #[test]
    fn capitals_of_a_heading_line() {
        let line = convert("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", Encoding::Tcvn3);
        assert_eq!(
            restore_capitals(&line).as_deref(),
            Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        );
        assert_eq!(restore_capitals("Số: 12/QĐ-UBND ngày"), None);
        assert_eq!(restore_capitals("Sè: 15/TB-UBND"), None);
        assert_eq!(
            restore_capitals("CộNG hòa Xã").as_deref(),
            Some("CỘNG hòa Xã")
        );
        assert_eq!(
            restore_capitals("Nơi nhận:\tTM. ủY BAN NHâN DâN").as_deref(),
            Some("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"),
            "each cell of a row by itself"
        );
        assert_eq!(restore_capitals("Cộng hòa"), None);
    }

    #[test]
    fn capitals_of_words_in_any_line() {
        assert_eq!(
            restore_capitals("BẢN Đồ ĐỊA HÌNH").as_deref(),
            Some("BẢN ĐỒ ĐỊA HÌNH"),
            "Đ is a capital TCVN3 fonts have: a word of it and small letters in a heading"
        );
        assert_eq!(
            restore_capitals("ĐIỀU 5. CáC QUYềN ở CấP XÃ").as_deref(),
            Some("ĐIỀU 5. CÁC QUYỀN Ở CẤP XÃ"),
            "a word of small Vietnamese letters only, among capital words"
        );
        assert_eq!(
            restore_capitals("theo quy định của TỉNH và HUYệN").as_deref(),
            Some("theo quy định của TỈNH và HUYỆN"),
            "a capital word in a line of small ones"
        );
        assert_eq!(restore_capitals("Trụ sở UBND tỉnh ở Đồng Nai"), None);
    }
}
