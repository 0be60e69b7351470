//! Byte tables of the legacy Vietnamese encodings, and the way back from the characters an
//! office file or a Windows code page shows for a legacy byte to that byte.
//!
//! Where the facts come from:
//! - TCVN3 (ABC, the `.Vn*` fonts): the VN3 subset of TCVN 5712:1993 — `0xA1`–`0xA7` the
//!   capitals `Ă Â Ê Ô Ơ Ư Đ`, `0xA8`–`0xAE` the small `ă â ê ô ơ ư đ`, and from `0xB5` on the
//!   toned small vowels, five slots a vowel in the order huyền, hỏi, ngã, sắc, nặng (with gaps
//!   where VN1 keeps a capital). Checked against glibc's `TCVN5712-1` converter (the same code
//!   points for every slot used here) and against the published viparse table (MIT), which
//!   confirms `0xAD` = `ư` (the soft-hyphen slot). The capitals VN1 puts among the C0 and C1
//!   controls are left out: Word-saved TCVN3 text has Windows-1252 quotes at `0x93`/`0x94`,
//!   and `.VnTimeH`-style fonts draw capitals from the small-letter slots instead.
//! - VISCII: RFC 1456 (the Vietnamese Standardization Working Group's table), checked against
//!   glibc's `VISCII` converter byte by byte.
//! - VNI (the `VNI-*` fonts): a vowel byte followed by one mark byte; the mark bytes are listed in
//!   [`vni_mark`] (VNI-Windows layout, as in bamboo-core's and viparse's tables, MIT).

/// TCVN3 bytes `0xA1..=0xFF`: the Vietnamese letter of each slot, `None` where the font has
/// none (the byte keeps its Windows-1252 meaning).
const TCVN3_HIGH: [Option<char>; 95] = {
    let mut t = [None; 95];
    let slots: &[(u8, char)] = &[
        (0xA1, 'Ă'),
        (0xA2, 'Â'),
        (0xA3, 'Ê'),
        (0xA4, 'Ô'),
        (0xA5, 'Ơ'),
        (0xA6, 'Ư'),
        (0xA7, 'Đ'),
        (0xA8, 'ă'),
        (0xA9, 'â'),
        (0xAA, 'ê'),
        (0xAB, 'ô'),
        (0xAC, 'ơ'),
        (0xAD, 'ư'),
        (0xAE, 'đ'),
        (0xAF, 'Ằ'),
        (0xB0, '\u{300}'),
        (0xB1, '\u{309}'),
        (0xB2, '\u{303}'),
        (0xB3, '\u{301}'),
        (0xB4, '\u{323}'),
        (0xB5, 'à'),
        (0xB6, 'ả'),
        (0xB7, 'ã'),
        (0xB8, 'á'),
        (0xB9, 'ạ'),
        (0xBA, 'Ẳ'),
        (0xBB, 'ằ'),
        (0xBC, 'ẳ'),
        (0xBD, 'ẵ'),
        (0xBE, 'ắ'),
        (0xBF, 'Ẵ'),
        (0xC0, 'Ắ'),
        (0xC1, 'Ầ'),
        (0xC2, 'Ẩ'),
        (0xC3, 'Ẫ'),
        (0xC4, 'Ấ'),
        (0xC5, 'Ề'),
        (0xC6, 'ặ'),
        (0xC7, 'ầ'),
        (0xC8, 'ẩ'),
        (0xC9, 'ẫ'),
        (0xCA, 'ấ'),
        (0xCB, 'ậ'),
        (0xCC, 'è'),
        (0xCD, 'Ể'),
        (0xCE, 'ẻ'),
        (0xCF, 'ẽ'),
        (0xD0, 'é'),
        (0xD1, 'ẹ'),
        (0xD2, 'ề'),
        (0xD3, 'ể'),
        (0xD4, 'ễ'),
        (0xD5, 'ế'),
        (0xD6, 'ệ'),
        (0xD7, 'ì'),
        (0xD8, 'ỉ'),
        (0xD9, 'Ễ'),
        (0xDA, 'Ế'),
        (0xDB, 'Ồ'),
        (0xDC, 'ĩ'),
        (0xDD, 'í'),
        (0xDE, 'ị'),
        (0xDF, 'ò'),
        (0xE0, 'Ổ'),
        (0xE1, 'ỏ'),
        (0xE2, 'õ'),
        (0xE3, 'ó'),
        (0xE4, 'ọ'),
        (0xE5, 'ồ'),
        (0xE6, 'ổ'),
        (0xE7, 'ỗ'),
        (0xE8, 'ố'),
        (0xE9, 'ộ'),
        (0xEA, 'ờ'),
        (0xEB, 'ở'),
        (0xEC, 'ỡ'),
        (0xED, 'ớ'),
        (0xEE, 'ợ'),
        (0xEF, 'ù'),
        (0xF0, 'Ỗ'),
        (0xF1, 'ủ'),
        (0xF2, 'ũ'),
        (0xF3, 'ú'),
        (0xF4, 'ụ'),
        (0xF5, 'ừ'),
        (0xF6, 'ử'),
        (0xF7, 'ữ'),
        (0xF8, 'ứ'),
        (0xF9, 'ự'),
        (0xFA, 'ỳ'),
        (0xFB, 'ỷ'),
        (0xFC, 'ỹ'),
        (0xFD, 'ý'),
        (0xFE, 'ỵ'),
        (0xFF, 'Ố'),
    ];
    let mut i = 0;
    while i < slots.len() {
        t[(slots[i].0 - 0xA1) as usize] = Some(slots[i].1);
        i += 1;
    }
    t
};

/// The letter (or, for `0xB0..=0xB4`, the combining tone mark) of a TCVN3 byte.
pub(super) fn tcvn3(byte: u8) -> Option<char> {
    TCVN3_HIGH
        .get(usize::from(byte.checked_sub(0xA1)?))
        .copied()
        .flatten()
}

/// VISCII: the six C0 slots RFC 1456 gives letters, then `0x80..=0xFF`.
const VISCII_C0: [(u8, char); 6] = [
    (0x02, 'Ẳ'),
    (0x05, 'Ẵ'),
    (0x06, 'Ẫ'),
    (0x14, 'Ỷ'),
    (0x19, 'Ỹ'),
    (0x1E, 'Ỵ'),
];
const VISCII_HIGH: [char; 128] = [
    'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố', // 0x80
    'Ồ', 'Ổ', 'Ỗ', 'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ', // 0x90
    'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố', // 0xA0
    'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị', 'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư', // 0xB0
    'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ', 'Ì', 'Í', 'Ĩ', 'ỳ', // 0xC0
    'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ', 'ư', // 0xD0
    'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ', // 0xE0
    'đ', 'ự', 'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ', // 0xF0
];

/// The letter of a VISCII byte; `None` for the ASCII bytes it shares.
pub(super) fn viscii(byte: u8) -> Option<char> {
    if byte >= 0x80 {
        return VISCII_HIGH.get(usize::from(byte - 0x80)).copied();
    }
    VISCII_C0.iter().find(|&&(b, _)| b == byte).map(|&(_, c)| c)
}

/// What a VNI mark byte adds to the vowel before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct VniMark {
    /// `Some('\u{302}')` circumflex or `Some('\u{306}')` breve.
    pub shape: Option<char>,
    /// The combining tone mark, if any.
    pub tone: Option<char>,
}

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
pub(super) const CIRCUMFLEX: char = '\u{302}';
pub(super) const BREVE: char = '\u{306}';

/// The mark a VNI byte stands for after a vowel (small and capital forms of a mark are
/// different bytes: the capital one follows a capital vowel).
pub(super) fn vni_mark(byte: u8) -> Option<VniMark> {
    let (shape, tone) = match byte | 0x20 {
        0xF9 => (None, Some(ACUTE)),
        0xF8 => (None, Some(GRAVE)),
        0xFB => (None, Some(HOOK)),
        0xF5 => (None, Some(TILDE)),
        0xEF => (None, Some(DOT)),
        0xE2 => (Some(CIRCUMFLEX), None),
        0xE1 => (Some(CIRCUMFLEX), Some(ACUTE)),
        0xE0 => (Some(CIRCUMFLEX), Some(GRAVE)),
        0xE5 => (Some(CIRCUMFLEX), Some(HOOK)),
        0xE3 => (Some(CIRCUMFLEX), Some(TILDE)),
        0xE4 => (Some(CIRCUMFLEX), Some(DOT)),
        0xEA => (Some(BREVE), None),
        0xE9 => (Some(BREVE), Some(ACUTE)),
        0xE8 => (Some(BREVE), Some(GRAVE)),
        0xFA => (Some(BREVE), Some(HOOK)),
        0xFC => (Some(BREVE), Some(TILDE)),
        0xEB => (Some(BREVE), Some(DOT)),
        _ => return None,
    };
    if byte < 0xC0 {
        return None;
    }
    Some(VniMark { shape, tone })
}

/// VNI bytes that are whole letters: `ơ ư đ ị ỉ ĩ` and their capitals (`ì í` are themselves).
pub(super) fn vni_letter(byte: u8) -> Option<char> {
    Some(match byte {
        0xF4 => 'ơ',
        0xD4 => 'Ơ',
        0xF6 => 'ư',
        0xD6 => 'Ư',
        0xF1 => 'đ',
        0xD1 => 'Đ',
        0xF2 => 'ị',
        0xD2 => 'Ị',
        0xE6 => 'ỉ',
        0xC6 => 'Ỉ',
        0xF3 => 'ĩ',
        0xD3 => 'Ĩ',
        _ => return None,
    })
}

/// The Windows-1252 characters of `0x80..=0x9F`, in byte order (`None`: the five undefined
/// slots, which decoders give as the C1 control of the same number).
const CP1252_C1: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte a legacy font was given for the character a file shows: Latin-1 characters are
/// their own byte, Windows-1252's punctuation and letters of `0x80..=0x9F` go back to their
/// byte, and the private-use `U+F000..=U+F0FF` of symbol-charset fonts to its low byte.
pub(super) fn legacy_byte(c: char) -> Option<u8> {
    let cp = u32::from(c);
    if cp < 0x100 {
        return u8::try_from(cp).ok();
    }
    if (0xF000..=0xF0FF).contains(&cp) {
        return u8::try_from(cp - 0xF000).ok();
    }
    CP1252_C1
        .iter()
        .position(|&x| x == Some(c))
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// The character Windows-1252 gives a byte (the C1 control for its five undefined slots).
pub(crate) fn cp1252_char(byte: u8) -> char {
    if (0x80..0xA0).contains(&byte) {
        if let Some(Some(c)) = CP1252_C1.get(usize::from(byte - 0x80)) {
            return *c;
        }
    }
    char::from(byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_slots() {
        assert_eq!(tcvn3(0xAD), Some('ư'), "the soft-hyphen slot is ư");
        assert_eq!(tcvn3(0xB8), Some('á'));
        assert_eq!(tcvn3(0xE9), Some('ộ'));
        assert_eq!(tcvn3(0xFE), Some('ỵ'));
        assert_eq!(
            tcvn3(0x93),
            None,
            "Word's quotes keep their Windows-1252 meaning"
        );
        assert_eq!(tcvn3(b'a'), None);
    }

    #[test]
    fn viscii_slots() {
        assert_eq!(viscii(0x02), Some('Ẳ'));
        assert_eq!(viscii(0xDF), Some('ư'));
        assert_eq!(viscii(0xFF), Some('Ữ'));
        assert_eq!(viscii(b'A'), None);
    }

    #[test]
    fn bytes_back_from_characters() {
        for b in 0..=255u8 {
            assert_eq!(legacy_byte(cp1252_char(b)), Some(b), "byte {b:#04x}");
        }
        assert_eq!(legacy_byte('\u{F0AD}'), Some(0xAD));
        assert_eq!(legacy_byte('ộ'), None);
    }

    #[test]
    fn vni_marks() {
        let m = vni_mark(0xE1).expect("á is circumflex + acute");
        assert_eq!((m.shape, m.tone), (Some(CIRCUMFLEX), Some(ACUTE)));
        assert_eq!(vni_mark(0xC1), vni_mark(0xE1), "capital form");
        assert_eq!(vni_mark(0x41), None, "A is no mark");
    }
}
