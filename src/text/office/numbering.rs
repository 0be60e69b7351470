//! Word's automatic list numbers, drawn as Word draws them (`1.`, `1.1.`, `a)`, `Điều 1.`): the
//! list definitions (levels with a start, a number format and a level text with placeholders for
//! the numbers of the levels above) and the counters of the lists read so far. The numbers exist
//! only in the definitions: `word/numbering.xml` of a DOCX ([`super::docx`]), the list tables
//! (`PlfLst`, `PlfLfo`) of a `.doc` ([`super::doc`]).

use crate::text::numerals;
use std::collections::HashMap;

/// A list level's number format (DOCX `w:numFmt`, DOC `nfc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Format {
    #[default]
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    None,
}

impl Format {
    /// The format a DOCX names.
    pub(super) fn from_name(name: &str) -> Self {
        match name {
            "decimalZero" => Format::DecimalZero,
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // Ordinals, Asian and spelled-out counting: their digits carry the number.
            _ => Format::Decimal,
        }
    }

    /// The format of a DOC number format code (`nfc`, [MS-DOC] 2.9.158 and [MS-OSHARED]).
    pub(super) fn from_nfc(nfc: u8) -> Self {
        match nfc {
            1 => Format::UpperRoman,
            2 => Format::LowerRoman,
            3 => Format::UpperLetter,
            4 => Format::LowerLetter,
            22 => Format::DecimalZero,
            23 => Format::Bullet,
            255 => Format::None,
            // Decimal, ordinals, Asian and spelled-out counting: their digits carry the number.
            _ => Format::Decimal,
        }
    }

    fn format(self, n: u32, out: &mut String) {
        use std::fmt::Write;
        match self {
            Format::Decimal | Format::Bullet => {
                let _ = write!(out, "{n}");
            }
            Format::DecimalZero => {
                let _ = write!(out, "{n:02}");
            }
            Format::UpperRoman => out.push_str(&roman(n)),
            Format::LowerRoman => out.push_str(&roman(n).to_ascii_lowercase()),
            Format::UpperLetter | Format::LowerLetter => {
                // a … z, then aa … zz, as Word counts.
                if n > 0 {
                    let base = if self == Format::UpperLetter {
                        b'A'
                    } else {
                        b'a'
                    };
                    let letter = char::from(base + ((n - 1) % 26) as u8);
                    for _ in 0..=((n - 1) / 26).min(100) {
                        out.push(letter);
                    }
                }
            }
            Format::None => {}
        }
    }
}

/// A roman numeral (the text layer draws list numbers; the grammar, a layer above, reads them),
/// the number itself out of the numerals' range (0, above 3999).
fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    numerals::write_roman(n, &numerals::ROMAN_SYMBOLS)
}

/// One level of a list (DOCX `w:lvl`, DOC `LVL`).
#[derive(Debug, Clone)]
pub(super) struct Level {
    pub(super) start: u32,
    pub(super) format: Format,
    /// What is drawn, `%1` … `%9` standing for the current numbers of levels 1 … 9.
    pub(super) text: String,
    /// `w:lvlRestart`: restart after a use of a level above this 1-based one (0: never);
    /// `None`: after any level above.
    pub(super) restart: Option<usize>,
    /// `w:isLgl`: every level's number in decimal.
    pub(super) legal: bool,
    /// After the number: a space (for Word's tab or space), or nothing.
    pub(super) suffix: &'static str,
    /// The font the number is drawn in, when the level sets one.
    pub(super) font: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: Format::Decimal,
            text: String::new(),
            restart: None,
            legal: false,
            suffix: " ",
            font: None,
        }
    }
}

/// Word lists have nine levels.
pub(super) const LEVELS: usize = 9;

/// A list (DOCX `w:num`, DOC `LFO`): a definition and its overrides.
#[derive(Debug, Clone, Default)]
pub(super) struct Num {
    pub(super) abstract_id: u32,
    /// `w:lvlOverride`: a start value or a whole level replacing the abstract one.
    pub(super) overrides: HashMap<usize, (Option<u32>, Option<Level>)>,
}

/// A document's list definitions and the counters of the lists read so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub(super) abstracts: HashMap<u32, HashMap<usize, Level>>,
    pub(super) nums: HashMap<u32, Num>,
    /// The counters of each list: lists whose `w:num` overrides a start value count on their
    /// own, the others share their abstract list's counters (as Word continues them).
    pub(super) counters: HashMap<(bool, u32), [Option<u32>; LEVELS]>,
}

impl Numbering {
    fn level<'s>(&'s self, num: &'s Num, ilvl: usize) -> Option<(&'s Level, u32)> {
        let over = num.overrides.get(&ilvl);
        let level = over
            .and_then(|o| o.1.as_ref())
            .or_else(|| self.abstracts.get(&num.abstract_id)?.get(&ilvl))?;
        let start = over.and_then(|o| o.0).unwrap_or(level.start);
        Some((level, start))
    }

    /// The next number of list `num_id` at level `ilvl`, as drawn (`1.2.`, `a)`, `Điều 3.`)
    /// with its suffix, and the font it is drawn in. `None` when the list or level is unknown.
    pub(super) fn next(&mut self, num_id: u32, ilvl: usize) -> Option<(String, Option<String>)> {
        let num = self.nums.get(&num_id)?;
        let own = num.overrides.values().any(|o| o.0.is_some());
        let key = (own, if own { num_id } else { num.abstract_id });
        let (level, start) = self.level(num, ilvl)?;
        let mut counters = self.counters.get(&key).copied().unwrap_or_default();
        let slot = counters.get_mut(ilvl)?;
        *slot = Some(slot.map_or(start, |n| n.saturating_add(1)));
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = self.level(num, deeper).and_then(|(l, _)| l.restart);
            if restart.is_none_or(|r| r != 0 && ilvl < r) {
                *counter = None;
            }
        }
        let mut text = String::new();
        if level.format == Format::Bullet {
            // Symbol-font bullets are private-use characters: a reader sees a bullet.
            let bullet = level.text.chars().next().unwrap_or('•');
            text.push(if ('\u{E000}'..='\u{F8FF}').contains(&bullet) {
                '•'
            } else {
                bullet
            });
        } else {
            let mut chars = level.text.chars().peekable();
            while let Some(c) = chars.next() {
                let digit = chars.peek().and_then(|d| d.to_digit(10));
                match digit {
                    Some(d @ 1..=9) if c == '%' => {
                        chars.next();
                        let at = d as usize - 1;
                        let (of, start) = self.level(num, at).unwrap_or((level, 1));
                        let n = counters.get(at).copied().flatten().unwrap_or(start);
                        let format = if level.legal {
                            Format::Decimal
                        } else {
                            of.format
                        };
                        format.format(n, &mut text);
                    }
                    _ => text.push(c),
                }
            }
        }
        if !text.is_empty() {
            text.push_str(level.suffix);
        }
        let font = level.font.clone();
        self.counters.insert(key, counters);
        Some((text, font))
    }
}
