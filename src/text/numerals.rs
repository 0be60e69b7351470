//! Roman numerals: the one table of their symbols, largest first with the subtractive pairs,
//! for the text layer that draws list numbers (`text::office`) and the grammar that reads
//! labels (which writes and reads only the symbols from `C` down).

/// Roman symbols from the largest, with the subtractive pairs.
pub(crate) const ROMAN_SYMBOLS: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Writes `n` with `symbols` (a tail of [`ROMAN_SYMBOLS`]), each used as often as it fits.
pub(crate) fn write_roman(mut n: u32, symbols: &[(u32, &str)]) -> String {
    let mut out = String::new();
    for &(value, sym) in symbols {
        while n >= value {
            out.push_str(sym);
            n -= value;
        }
    }
    out
}
