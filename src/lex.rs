//! Lines: the unit every component parser works on.
//!
//! The normalized text is split into lines. Each line keeps its byte range in the text and gets a
//! cleaned form for matching: Markdown decoration (`#` headings, `**bold**`, `*italic*`, `\*`
//! escapes, `<br>`) is removed and runs of spaces are folded. The text itself is never dropped:
//! ownership in the source map is by byte range of the raw line.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use crate::model::Format;
use crate::tables;
use crate::text::{chars, split_lf};

/// One input line.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// Byte offset of the first byte of the line in the normalized text.
    pub start: usize,
    /// Byte offset just after the last byte (newline excluded).
    pub end: usize,
    /// The raw line.
    pub raw: &'a str,
    /// Cleaned text: decoration removed, spaces folded, trimmed.
    pub text: Cow<'a, str>,
    /// Markdown ATX heading level (0 when not a heading).
    pub heading: u8,
    /// True when the whole line was bold (`**…**`) or a heading: a hint for section titles.
    pub emphasized: bool,
    /// True when the trimmed raw line holds a tab or two spaces in a row: without one (and
    /// without a `|`) it has no column break, and the column splitter need not look.
    pub spaced: bool,
}

impl Line<'_> {
    /// True for a line with no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() && self.raw.trim().is_empty()
    }

    /// True when the raw line is a Markdown pipe-table row.
    pub fn is_pipe_row(&self) -> bool {
        let t = self.raw.trim();
        t.starts_with('|') && t.len() > 1
    }

    /// True when the raw line holds cells separated by at least two tabs.
    pub fn is_tab_row(&self) -> bool {
        memchr::memchr_iter(b'\t', self.raw.trim_end().as_bytes())
            .nth(1)
            .is_some()
    }
}

/// Splits `text` into lines (LF only: the text is normalized) and cleans each one.
pub fn lines(text: &str, format: Format) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0;
    for (i, raw) in split_lf(text).enumerate() {
        let end = start + raw.len();
        let (text, heading, emphasized, spaced) = clean(raw, format);
        out.push(Line {
            no: i + 1,
            start,
            end,
            raw,
            spaced,
            text,
            heading,
            emphasized,
        });
        start = end + 1;
    }
    // A final newline does not open a line of its own.
    if out.len() > 1 && out.last().is_some_and(|l| l.raw.is_empty()) {
        out.pop();
    }
    out
}

/// Cuts lines that hold a whole document whose line breaks were lost (some exports glue every
/// line together, even without a space: `ỦY BAN NHÂN DÂNTỈNH LÂM ĐỒNGCỘNG HÒA …`).
///
/// Only a line longer than 400 bytes holding three frame phrases ([`tables::FRAME_PHRASES`]) is
/// cut everywhere a structure may start, so ordinary long paragraphs are never touched; within the
/// first 15 lines, a line is also cut before a frame phrase that follows other text (two header
/// columns flattened with a single space). The pieces keep the line number of the
/// line they come from, and their byte ranges partition it. Returns whether anything was cut.
pub fn recover_lost_breaks(lines: &mut Vec<Line<'_>>, format: Format) -> bool {
    let glued = |l: &Line<'_>| l.raw.len() > 400 && frame_phrases_in(l.raw) >= 3;
    // Where each line is cut, worked out once: most documents have no cut at all.
    let mut any_glued = false;
    let planned: Vec<(usize, Vec<usize>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            // Past the header area only long lines can be cut: most lines stop here, without
            // the call (and the large stack frame) of the functions below.
            if l.no > 15 && l.raw.len() <= 400 {
                return None;
            }
            let cuts = if glued(l) {
                any_glued = true;
                break_points(l.raw)
            } else {
                header_cuts(l)
            };
            (!cuts.is_empty()).then_some((i, cuts))
        })
        .collect();
    if !any_glued && planned.is_empty() {
        return false;
    }
    let mut out = Vec::with_capacity(lines.len() + 64);
    let mut planned = planned.into_iter().peekable();
    for (i, line) in lines.drain(..).enumerate() {
        let Some((_, cuts)) = planned.next_if(|(at, _)| *at == i) else {
            out.push(line);
            continue;
        };
        let mut from = 0;
        for &to in cuts.iter().chain(std::iter::once(&line.raw.len())) {
            if to <= from {
                continue;
            }
            let raw = &line.raw[from..to];
            let (text, heading, emphasized, spaced) = clean(raw, format);
            out.push(Line {
                no: line.no,
                start: line.start + from,
                end: line.start + to,
                raw,
                spaced,
                text,
                heading,
                emphasized,
            });
            from = to;
        }
    }
    *lines = out;
    true
}

/// In the header area, two columns flattened with a single space (`ỦY BAN NHÂN DÂN CỘNG HÒA …`,
/// `Số: 296/BHXH-CSYT V/v …`) are cut before the frame phrase of the second column.
#[inline(never)]
fn header_cuts(l: &Line<'_>) -> Vec<usize> {
    if l.no > 15 || l.is_pipe_row() {
        return Vec::new();
    }
    // Both kinds of cut follow a space: one pass over the line's spaces finds them all.
    let raw = l.raw;
    let bytes = raw.as_bytes();
    let mut cuts = Vec::new();
    // The first ` ---` and ` ___`: a rule after the motto (`Hạnh phúc ---------------`).
    let (mut dashes, mut underscores) = (None, None);
    // Eight bytes at a time, the spaces among them found at once (`space_bits`): header
    // lines are short and full of spaces, which would stop a vectorized search every few
    // bytes, and a byte loop from space to space spent about 45 instructions a space.
    let mut word_at = 0;
    while word_at < bytes.len() {
        let mut spaces = space_bits(word8(bytes, word_at));
        while spaces != 0 {
            let p = word_at + (spaces.trailing_zeros() / 8) as usize;
            spaces &= spaces - 1;
            let at = p + 1;
            let rest = bytes.get(at..).unwrap_or_default();
            let Some(&next) = rest.first() else {
                break;
            };
            if !AFTER_SPACE[usize::from(next)] {
                continue;
            }
            match next {
                b'-' if dashes.is_none() && rest.starts_with(b"---") => dashes = Some(p),
                b'_' if underscores.is_none() && rest.starts_with(b"___") => {
                    underscores = Some(p);
                }
                // A frame phrase after one space only: wider gaps and tabs are column
                // breaks the segment splitter reads.
                b if FRAME_FIRST_BYTES[usize::from(b)] => {
                    // Capitals open most words of a header line: the phrases' first two
                    // bytes are compared before any whole phrase.
                    let two = rest.get(..2).map(|t| [t[0], t[1]]);
                    if (p == 0 || bytes[p - 1] != b' ')
                        && tables::FRAME_PHRASES.iter().any(|phrase| {
                            phrase.as_bytes().get(..2).map(|t| [t[0], t[1]]) == two
                                && rest.starts_with(phrase.as_bytes())
                        })
                        && header_column(&raw[..at])
                    {
                        cuts.push(at);
                    }
                }
                _ => {}
            }
        }
        word_at += 8;
    }
    if let Some(at) = dashes.or(underscores) {
        if !raw[..at].trim().is_empty() && raw[at..].trim().chars().all(|c| matches!(c, '-' | '_'))
        {
            cuts.push(at + 1);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The first bytes of [`tables::FRAME_PHRASES`]: a byte after a space that no phrase starts
/// with rules the place out before any phrase is compared.
static FRAME_FIRST_BYTES: [bool; 256] = chars::first_bytes(tables::FRAME_PHRASES);

/// [`FRAME_FIRST_BYTES`] and the `-` and `_` of a rule: the bytes after a space where
/// [`recover_lost_breaks`] may cut a header line.
static AFTER_SPACE: [bool; 256] = {
    let mut table = FRAME_FIRST_BYTES;
    table[b'-' as usize] = true;
    table[b'_' as usize] = true;
    table
};

/// The eight bytes of `bytes` from `at` as a little-endian word, zero bytes past the end.
fn word8(bytes: &[u8], at: usize) -> u64 {
    if let Some(&whole) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        return u64::from_le_bytes(whole);
    }
    // The last few bytes, one at a time (a `copy_from_slice` of an unknown length is a call
    // to `memcpy`).
    let mut word = [0u8; 8];
    for (to, &from) in word.iter_mut().zip(bytes.get(at..).unwrap_or_default()) {
        *to = from;
    }
    u64::from_le_bytes(word)
}

/// The high bit of every byte of `word` that is a space, and no other bit: exact for every byte
/// (no borrow runs from one byte into the next, unlike the shorter zero-byte test).
fn space_bits(word: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    let t = word ^ u64::from_le_bytes([b' '; 8]);
    !(((t & LOW7) + LOW7) | t | LOW7)
}

/// One searcher per frame phrase, built once.
static FRAME_PHRASE_FINDERS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
    tables::FRAME_PHRASES
        .iter()
        .map(|p| memmem::Finder::new(p.as_bytes()))
        .collect()
});

/// How many different frame phrases `raw` holds, stopping at three (all a caller needs).
///
/// Asked of every line over 400 bytes, that is of most of a document's bytes, and almost always
/// answered "fewer than three": each phrase is looked for on its own with a vectorized `memmem`
/// (a fraction of an instruction per byte on text without it), and the search stops as soon as
/// the phrases left could no longer make three. One Aho-Corasick pass over all phrases cost about
/// ten instructions per byte here, its prefilter confused by the shared lead bytes of Vietnamese
/// letters.
///
/// Three of the phrases hold `CỘNG` in capitals, which running text seldom does: one search for
/// it rules them all out, and then three searches among the other five can end the count (six
/// searches were needed before, on the many long lines that hold none of the phrases).
fn frame_phrases_in(raw: &str) -> u32 {
    static CONG: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(CAPITAL_CONG.as_bytes()));
    static WITHOUT_CONG: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        tables::FRAME_PHRASES
            .iter()
            .filter(|p| !p.contains(CAPITAL_CONG))
            .map(|p| memmem::Finder::new(p.as_bytes()))
            .collect()
    });
    let candidates = if CONG.find(raw.as_bytes()).is_some() {
        &*FRAME_PHRASE_FINDERS
    } else {
        &*WITHOUT_CONG
    };
    let mut seen = 0;
    for (i, finder) in candidates.iter().enumerate() {
        if seen + (candidates.len() - i) < 3 {
            break;
        }
        if finder.find(raw.as_bytes()).is_some() {
            seen += 1;
            if seen == 3 {
                break;
            }
        }
    }
    seen as u32
}

/// The word three of [`tables::FRAME_PHRASES`] share.
const CAPITAL_CONG: &str = "CỘNG";

/// True when the text before a cut reads as a left header column: a name in capitals, the number,
/// the place and date, or the motto; never a sentence.
fn header_column(left: &str) -> bool {
    let t = left.trim();
    let letters = t.chars().filter(|&c| chars::is_alphabetic(c)).count();
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    !t.is_empty()
        && (letters >= 2 && upper * 10 >= letters * 9
            || t.starts_with("Số") && t.contains('/')
            || t.contains("ngày") && t.contains("năm")
            || t.ends_with("phúc"))
}

/// Byte offsets where a glued line should be cut, sorted.
fn break_points(raw: &str) -> Vec<usize> {
    let mut cuts = std::collections::BTreeSet::new();
    let chars: Vec<(usize, char)> = raw.char_indices().collect();
    let prev_non_space = |at: usize| raw[..at].trim_end().chars().next_back();
    for phrase in tables::BREAK_BEFORE {
        for (at, _) in raw.match_indices(phrase) {
            cuts.insert(at);
        }
    }
    for ty in tables::DOC_TYPES.iter().filter(|t| t.name.contains(' ')) {
        for (at, _) in raw.match_indices(ty.name) {
            // A type name glued to what stands before it (`năm 2025BÁO CÁO`).
            if raw[..at]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace() && !c.is_uppercase())
            {
                cuts.insert(at);
            }
        }
    }
    for (prefix, _) in tables::AUTHORITY_PREFIXES {
        for (at, _) in raw.match_indices(prefix) {
            let next = raw[at + prefix.len()..].trim_start().chars().next();
            let before = raw[..at].chars().next_back();
            if next.is_some_and(char::is_uppercase)
                && before.is_none_or(|c| {
                    !chars::is_alphabetic(c) || c.is_uppercase() || c.is_lowercase()
                })
            {
                cuts.insert(at);
            }
        }
    }
    for word in tables::SIGNER_TITLES
        .iter()
        .chain(tables::PLACE_UNITS)
        .chain(tables::BODY_WORDS)
    {
        for (at, _) in raw.match_indices(word) {
            // Glued to a word in capitals: `PHÒNGPHÓ CHÁNH VĂN PHÒNG`, `DÂNTỈNH`.
            if raw[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_uppercase)
            {
                cuts.insert(at);
            }
        }
    }
    for (k, &(at, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|x| x.1);
        // `phúcLâm Đồng`: a capital glued to a lower-case letter; `PHÒNGTrịnh`: a capitalized
        // word glued to a word in capitals.
        let lower_upper = prev.is_some_and(char::is_lowercase) && c.is_uppercase();
        let caps_word = prev.is_some_and(char::is_uppercase)
            && c.is_uppercase()
            && next.is_some_and(char::is_lowercase);
        // Never inside a symbol (`/TTr-SNV`, `V/v`): codes mix cases on purpose.
        let token_start = raw[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let token_end = raw[at..]
            .find(char::is_whitespace)
            .map_or(raw.len(), |p| at + p);
        let in_symbol = raw[token_start..token_end].contains(['/', '-'])
            && !raw[token_start..at].contains("./.");
        if (lower_upper || caps_word) && prev_non_space(at).is_some() && !in_symbol {
            cuts.insert(at);
        }
        // `nghệ.Ủy ban`: a sentence glued to the next one.
        if c.is_uppercase() && prev == Some('.') && k >= 2 && chars[k - 2].1.is_lowercase() {
            cuts.insert(at);
        }
        // `./.` ends the content; a list item or a numbered heading after a full stop.
        if raw[at..].starts_with("./.") {
            cuts.insert(at + 3);
        }
        if c == '-'
            && next == Some(' ')
            && prev_non_space(at).is_some_and(|p| matches!(p, ';' | ':' | '.'))
        {
            cuts.insert(at);
        }
        if prev_non_space(at).is_some_and(|p| matches!(p, '.' | ':' | ';'))
            && (c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
        {
            let label: String = raw[at..]
                .chars()
                .take_while(|x| x.is_ascii_digit() || matches!(x, 'I' | 'V' | 'X' | '.'))
                .collect();
            let after = raw[at + label.len()..].chars().next();
            if label.ends_with('.') && label.len() <= 6 && after == Some(' ') {
                cuts.insert(at);
            }
        }
        // A run of three or more spaces before a capital: a flattened column.
        if c == ' ' && raw[at..].starts_with("   ") && prev.is_none_or(|p| p != ' ') {
            let run = raw[at..].len() - raw[at..].trim_start().len();
            let after = raw[at + run..].chars().next();
            if after.is_some_and(char::is_uppercase) {
                cuts.insert(at + run);
            }
        }
    }
    cuts.remove(&0);
    cuts.into_iter()
        .filter(|&c| c < raw.len() && raw.is_char_boundary(c))
        .collect()
}

/// Detects Markdown from its decoration when no format was given.
pub fn detect_format(text: &str) -> Format {
    // Every sign counted below holds `#`, `*`, `<`, `\` or `|`; most plain text has none of
    // them anywhere, which two vectorized searches over the whole text show at once.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'#', b'*', b'<', bytes).is_none()
        && memchr::memchr2(b'\\', b'|', bytes).is_none()
    {
        return Format::Text;
    }
    let mut score = 0usize;
    for line in split_lf(text).take(400) {
        let t = line.trim_start();
        if t.starts_with("# ")
            || t.starts_with("## ")
            || t.starts_with("### ")
            || t.starts_with("#### ")
        {
            score += 2;
        }
        // The substring searches below all need one of these bytes; most lines have none.
        let decorated = memchr::memchr3(b'*', b'<', b'\\', t.as_bytes()).is_some();
        if decorated && (t.contains("**") || t.contains("<br>"))
            || t.starts_with("|---")
            || t.starts_with("| ---")
        {
            score += 1;
        }
        if decorated && (t.contains("\\*") || t.contains("\\-") || t.contains("\\.")) {
            score += 1;
        }
        if score >= 3 {
            return Format::Markdown;
        }
    }
    if score >= 2 {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Cleans one raw line: returns the text for matching, the heading level and the emphasis hint.
pub fn clean_line(raw: &str, format: Format) -> (Cow<'_, str>, u8, bool) {
    let (text, heading, emphasized, _) = clean(raw, format);
    (text, heading, emphasized)
}

/// [`clean_line`] and [`Line::spaced`] of `raw`, from one look at the bytes of the trimmed line
/// ([`scan`]): most lines hold no decoration, no tab and no two spaces in a row, and their text
/// is the trimmed line, borrowed.
fn clean(raw: &str, format: Format) -> (Cow<'_, str>, u8, bool, bool) {
    let trimmed = trim(raw);
    let markdown = format == Format::Markdown;
    let facts = if markdown {
        scan::<true>(trimmed.as_bytes())
    } else {
        scan::<false>(trimmed.as_bytes())
    };
    let spaced = facts & SPACE_RUN != 0;
    if facts & DECORATION == 0 && !(markdown && trimmed.starts_with('#')) {
        let text = if spaced {
            Cow::Owned(fold_runs(trimmed))
        } else {
            Cow::Borrowed(trimmed)
        };
        return (text, 0, false, spaced);
    }
    let (text, heading, emphasized) = clean_markdown(trimmed);
    (text, heading, emphasized, spaced)
}

/// True when a first byte `b` starts a character that is not white space: an ASCII graphic
/// character, or a lead byte other than `C2` (`U+0085`, `U+00A0`), `E1` (`U+1680`), `E2`
/// (`U+2000`–`U+205F`) and `E3` (`U+3000`).
pub(crate) fn starts_plain(b: u8) -> bool {
    b.is_ascii_graphic() || b >= 0xC3 && !matches!(b, 0xE1..=0xE3)
}

/// `raw.trim()`, without decoding a character when the line starts and ends with one that is
/// plainly not a space (almost every line).
fn trim(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return raw;
    };
    // `char::is_whitespace` holds for no ASCII graphic character, and no lead byte but `C2`,
    // `E1`, `E2`, `E3` starts a white space character.
    let plain_start = starts_plain(first);
    let plain_end = last.is_ascii_graphic();
    match (plain_start, plain_end) {
        (true, true) => raw,
        (true, false) => raw.trim_end(),
        (false, true) => raw.trim_start(),
        (false, false) => raw.trim(),
    }
}

/// [`scan`]: a tab or two spaces in a row (what [`fold_spaces`] changes).
const SPACE_RUN: u8 = 1;
/// [`scan`]: a byte that may be Markdown decoration: `*`, `_`, `\`, `<` or `` ` ``.
const DECORATION: u8 = 2;

/// Bytes compared at a time by [`scan`]: two SSE2 registers. Lines run about 80 bytes; blocks of
/// 16 took more instructions (a call and a reduction per block), blocks of 64 a few more too.
const LANES: usize = 32;

/// What [`clean`] needs to know of the bytes of a trimmed line: [`SPACE_RUN`], and with
/// `MARKDOWN` [`DECORATION`].
///
/// The line is read [`LANES`] bytes at a time, each byte next to the one after it (for the two
/// spaces), in folds over fixed-size arrays the compiler turns into a few vector instructions;
/// the last block overlaps the one before it, and a line shorter than a block is copied into
/// one padded with zero bytes, which are neither. A vectorized `memchr`/`memmem` call per
/// question cost about 50 instructions of setup each on lines this short.
fn scan<const MARKDOWN: bool>(bytes: &[u8]) -> u8 {
    let n = bytes.len();
    // Every byte but the last is looked at with the one after it, the last block moved back to
    // end there; the last byte is looked at alone. A line no longer than a block is read from a
    // copy padded with zero bytes. One call site keeps the block's code vectorized within the
    // block, and the loop stops once every answer is known.
    let all = if MARKDOWN {
        SPACE_RUN | DECORATION
    } else {
        SPACE_RUN
    };
    let mut padded = [0u8; LANES + 1];
    let (block_bytes, last_block, mut facts) = match bytes.last() {
        Some(&last) if n > LANES => {
            let last_deco = MARKDOWN && is_decoration(last);
            (
                bytes,
                n - 1 - LANES,
                u8::from(last == b'\t') | u8::from(last_deco) << 1,
            )
        }
        _ => {
            padded[..n].copy_from_slice(bytes);
            (&padded[..], 0, 0)
        }
    };
    let mut at = 0;
    loop {
        facts |= scan_block::<MARKDOWN>(block_bytes, at.min(last_block));
        if at >= last_block || facts == all {
            break;
        }
        at += LANES;
    }
    facts
}

/// [`scan`] of the `LANES` bytes of `bytes` from `at`, each with the byte after it (nothing
/// when `bytes` is too short). Written as lane-by-lane loops over fixed-size arrays, which the
/// compiler turns into one compare per question and block in vector registers.
#[inline(always)]
fn scan_block<const MARKDOWN: bool>(bytes: &[u8], at: usize) -> u8 {
    let (Some(x), Some(y)) = (
        bytes
            .get(at..at + LANES)
            .and_then(|x| <&[u8; LANES]>::try_from(x).ok()),
        bytes
            .get(at + 1..at + 1 + LANES)
            .and_then(|y| <&[u8; LANES]>::try_from(y).ok()),
    ) else {
        return 0;
    };
    // Folded as it is computed, like the decoration below: a fold over an array of bools
    // compiled to a reduction by shuffles rather than one `pmovmskb`.
    let run = x.iter().zip(y).fold(false, |acc, (&a, &b)| {
        acc | (a == b'\t') | ((a == b' ') & (b == b' '))
    });
    let mut facts = u8::from(run);
    if MARKDOWN {
        let deco = x.iter().fold(false, |acc, &a| acc | is_decoration(a));
        facts |= u8::from(deco) << 1;
    }
    facts
}

/// [`clean_line`] of a trimmed Markdown line that starts with `#` or holds a decoration byte.
fn clean_markdown(trimmed: &str) -> (Cow<'_, str>, u8, bool) {
    let mut s = trimmed;
    let mut heading = 0u8;
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && (s.len() == hashes || s.as_bytes()[hashes] == b' ') {
        heading = hashes as u8;
        s = s[hashes..].trim();
        // A closing sequence of `#` is decoration too.
        s = s.trim_end_matches('#').trim_end();
    }
    let bold_whole = s.len() > 4 && s.starts_with("**") && s.ends_with("**");
    // Vectorized searches: most lines hold none of the decoration bytes.
    let bytes = s.as_bytes();
    if memchr::memchr3(b'*', b'_', b'\\', bytes).is_none()
        && memchr::memchr2(b'<', b'`', bytes).is_none()
    {
        return (fold_spaces(s), heading, heading > 0);
    }
    // Runs of text between decoration bytes are copied whole; every byte looked at here is
    // ASCII, so each cut falls on a character boundary.
    let mut out = String::with_capacity(s.len());
    let bullet_star = s.starts_with("* ");
    let mut from = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !is_decoration(b) {
            // Only decoration bytes change anything: the text up to the next one is copied
            // whole later.
            i = next_decoration(bytes, i);
            continue;
        }
        let drop_len = match b {
            // An escaped punctuation mark stays, without its backslash, and is not read as
            // decoration; a backslash before anything else stays.
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push_str(&s[from..i]);
                from = i + 1;
                i += 2;
                continue;
            }
            b'*' if !(i == 0 && bullet_star) => 1,
            // `__` on either side of a word is bold: both underscores go, the closing pair's
            // second one too (it sits between `_` and a space).
            b'_' if bytes[i..].starts_with(b"__")
                || i > 0 && bytes[i - 1] == b'_'
                || is_emphasis_underscore(s, i) =>
            {
                1
            }
            b'`' => 1,
            b'<' => match ["<br>", "<br/>", "<br />", "<BR>"]
                .iter()
                .find(|t| bytes[i..].starts_with(t.as_bytes()))
            {
                // A line break inside a cell reads as a space.
                Some(tag) => {
                    out.push_str(&s[from..i]);
                    out.push(' ');
                    i += tag.len();
                    from = i;
                    continue;
                }
                None => 0,
            },
            _ => 0,
        };
        if drop_len > 0 {
            out.push_str(&s[from..i]);
            from = i + drop_len;
        }
        i += drop_len.max(1);
    }
    out.push_str(&s[from..]);
    let folded = fold_spaces(out.trim()).into_owned();
    (Cow::Owned(folded), heading, heading > 0 || bold_whole)
}

/// A byte [`clean_markdown`] may drop or change: `*`, `_`, `\\`, `<`, `` ` ``.
#[inline(always)]
fn is_decoration(b: u8) -> bool {
    // `_` and `` ` `` are neighbours (5F, 60): one range.
    // Without short-circuits, so that a block of them compiles to vector compares.
    (b == b'*') | (b == b'<') | (b == b'\\') | (b.wrapping_sub(b'_') < 2)
}

/// Where the first [`is_decoration`] byte of `bytes` at or after `from` is (the length when
/// there is none). Sixteen bytes are looked at together, a mask byte per byte OR-ed into one
/// test (compares and a `pmovmskb`): the text between a line's `**` runs long, and a loop over
/// its bytes cost about ten instructions each.
fn next_decoration(bytes: &[u8], mut from: usize) -> usize {
    while let Some(block) = bytes.get(from..).and_then(|rest| rest.first_chunk::<16>()) {
        if decorated_block(block) {
            break;
        }
        from += 16;
    }
    while bytes.get(from).is_some_and(|&b| !is_decoration(b)) {
        from += 1;
    }
    from
}

/// True when one of the sixteen bytes is [`is_decoration`]: the fold of [`scan_block`], which
/// compiles to byte compares and one `pmovmskb` (a mask byte per byte compiled to a bit test
/// and branches per byte here).
#[inline(never)]
fn decorated_block(block: &[u8; 16]) -> bool {
    block.iter().fold(false, |acc, &a| acc | is_decoration(a))
}

/// An underscore that opens or closes emphasis (next to a word on one side only).
fn is_emphasis_underscore(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let word = |c: Option<char>| c.is_some_and(chars::is_alphanumeric);
    word(before) != word(after)
}

/// True when `bytes` hold a tab or two spaces in a row: what [`fold_spaces`] would change.
fn has_space_run(bytes: &[u8]) -> bool {
    scan::<false>(bytes) & SPACE_RUN != 0
}

/// Folds runs of spaces and tabs into one space; borrows when nothing changes.
pub fn fold_spaces(s: &str) -> Cow<'_, str> {
    if has_space_run(s.as_bytes()) {
        Cow::Owned(fold_runs(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` with each run of spaces and tabs folded into one space.
fn fold_runs(s: &str) -> String {
    // Runs between spaces and tabs are copied whole; both are ASCII, so every cut falls on a
    // character boundary.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' || bytes[i] == b'\t' {
            out.push_str(&s[from..i]);
            out.push(' ');
            while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
                i += 1;
            }
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_phrases_are_counted_once_each_up_to_three() {
        let glued = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Số: 12";
        assert_eq!(frame_phrases_in(glued), 3);
        assert_eq!(
            frame_phrases_in("Số: 1 Số: 2 Số: 3 Độc lập"),
            2,
            "repeats count once"
        );
        assert_eq!(
            frame_phrases_in("Kính gửi Nơi nhận V/v Số: Độc lập"),
            3,
            "stops at three"
        );
        assert_eq!(
            frame_phrases_in("ĐẢNG CỘNG SẢNơi nhận V/v"),
            3,
            "overlapping phrases count"
        );
        assert_eq!(frame_phrases_in(&"văn bản ".repeat(100)), 0);
    }

    /// [`header_cuts`] as it was, a byte loop from space to space.
    fn old_header_cuts(l: &Line<'_>) -> Vec<usize> {
        if l.no > 15 || l.is_pipe_row() {
            return Vec::new();
        }
        // Both kinds of cut follow a space: one pass over the line's spaces finds them all.
        let raw = l.raw;
        let bytes = raw.as_bytes();
        let mut cuts = Vec::new();
        // The first ` ---` and ` ___`: a rule after the motto (`Hạnh phúc ---------------`).
        let (mut dashes, mut underscores) = (None, None);
        // A byte loop from space to space: header lines are short and full of spaces, which
        // would stop a vectorized search every few bytes (and a tight `position` loop costs
        // about half the instructions of looking at every pair of bytes).
        let mut from = 0;
        while let Some(p) = bytes
            .get(from..)
            .and_then(|b| b.iter().position(|&c| c == b' '))
            .map(|k| from + k)
        {
            from = p + 1;
            let at = p + 1;
            let rest = bytes.get(at..).unwrap_or_default();
            let Some(&next) = rest.first() else {
                break;
            };
            match next {
                b'-' if dashes.is_none() && rest.starts_with(b"---") => dashes = Some(p),
                b'_' if underscores.is_none() && rest.starts_with(b"___") => underscores = Some(p),
                // A frame phrase after one space only: wider gaps and tabs are column breaks
                // the segment splitter reads.
                b if FRAME_FIRST_BYTES[usize::from(b)] => {
                    // Capitals open most words of a header line: the phrases' first two bytes
                    // are compared before any whole phrase.
                    let two = rest.get(..2).map(|t| [t[0], t[1]]);
                    if (p == 0 || bytes[p - 1] != b' ')
                        && tables::FRAME_PHRASES.iter().any(|phrase| {
                            phrase.as_bytes().get(..2).map(|t| [t[0], t[1]]) == two
                                && rest.starts_with(phrase.as_bytes())
                        })
                        && header_column(&raw[..at])
                    {
                        cuts.push(at);
                    }
                }
                _ => {}
            }
        }
        if let Some(at) = dashes.or(underscores) {
            if !raw[..at].trim().is_empty()
                && raw[at..].trim().chars().all(|c| matches!(c, '-' | '_'))
            {
                cuts.push(at + 1);
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts
    }

    /// [`header_cuts`] finds the cuts the byte loop found, on the corpus lines (each as a first
    /// line), and on made lines with spaces at every offset of a word.
    #[test]
    fn header_cuts_agree_with_the_byte_loop() {
        let mut texts: Vec<String> = crate::oracle::texts().into_iter().map(|(_, t)| t).collect();
        let mut made = String::new();
        for pad in 0..20 {
            let left = "Ủ".repeat(pad % 3) + &"A".repeat(pad);
            for right in [
                "CỘNG HÒA XÃ HỘI",
                "Số: 12",
                " Độc lập",
                "---",
                "___",
                "V/v",
                "Nơi nhận",
                "  Kính gửi",
                "x Số:",
            ] {
                made.push_str(&format!(
                    "{left} {right}\n{left} {right} \n ngày 5 năm 2024 {right}\nHạnh phúc {right}\n"
                ));
            }
        }
        texts.push(made);
        let mut cut = 0;
        for text in &texts {
            for mut line in lines(text, Format::Text) {
                line.no = 1;
                let want = old_header_cuts(&line);
                assert_eq!(header_cuts(&line), want, "{:?}", line.raw);
                cut += usize::from(!want.is_empty());
            }
        }
        assert!(cut > 100, "{cut}");
    }

    /// [`frame_phrases_in`] as it was: every phrase searched in order.
    fn old_frame_phrases_in(raw: &str) -> u32 {
        let finders = &*FRAME_PHRASE_FINDERS;
        let mut seen = 0;
        for (i, finder) in finders.iter().enumerate() {
            if seen + (finders.len() - i) < 3 {
                break;
            }
            if finder.find(raw.as_bytes()).is_some() {
                seen += 1;
                if seen == 3 {
                    break;
                }
            }
        }
        seen as u32
    }

    /// [`frame_phrases_in`] counts as the search of every phrase did: on the corpus lines and
    /// on lines made of every subset of the phrases.
    #[test]
    fn frame_phrases_agree_with_searching_each() {
        for (_, text) in crate::oracle::texts() {
            for line in text.lines() {
                assert_eq!(
                    frame_phrases_in(line),
                    old_frame_phrases_in(line),
                    "{line:?}"
                );
            }
            assert_eq!(frame_phrases_in(&text), old_frame_phrases_in(&text));
        }
        let phrases = tables::FRAME_PHRASES;
        let extra = ["CỘNG", "CỘNG HÒA", "cộng"];
        for set in 0u32..(1 << (phrases.len() + extra.len())) {
            let line: String = phrases
                .iter()
                .chain(&extra)
                .enumerate()
                .filter(|(k, _)| set & (1 << k) != 0)
                .map(|(_, p)| format!("văn bản {p} "))
                .collect();
            assert_eq!(
                frame_phrases_in(&line),
                old_frame_phrases_in(&line),
                "{line:?}"
            );
        }
        assert!(phrases.iter().filter(|p| p.contains(CAPITAL_CONG)).count() >= 3);
    }

    /// [`scan`] and [`trim`] agree with the obvious definitions on lines of every length around
    /// the block size, made of the bytes they look for and letters.
    #[test]
    fn scan_and_trim_agree_with_plain_definitions() {
        let pool: Vec<char> = " \t*_\\<`a#ệ|\u{a0}\u{3000}\u{1680}".chars().collect();
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for round in 0..30_000 {
            crate::oracle::xorshift(&mut state);
            let len = (state % 140) as usize;
            // Mostly letters, so that long lines without any of the bytes come up.
            let dense = round % 3 == 0;
            let text: String = (0..len)
                .map(|k| {
                    let r = (state.rotate_left(k as u32 * 7) >> 5) as usize;
                    if dense || r % 9 == 0 {
                        pool[r % pool.len()]
                    } else {
                        'x'
                    }
                })
                .collect();
            assert_eq!(trim(&text), text.trim(), "{text:?}");
            let b = text.as_bytes();
            let run = b.contains(&b'\t') || b.windows(2).any(|w| w == b"  ");
            let deco = b.iter().any(|c| b"*_\\<`".contains(c));
            let want = u8::from(run) | u8::from(deco) << 1;
            assert_eq!(scan::<true>(b), want, "{text:?}");
            assert_eq!(scan::<false>(b), u8::from(run), "{text:?}");
        }
    }

    #[test]
    fn tab_rows_have_two_tabs_before_trailing_space() {
        let rows: Vec<bool> = lines("a\tb\tc\na\tb\na\tb\t\t\n\t\tx\nx", Format::Text)
            .iter()
            .map(Line::is_tab_row)
            .collect();
        assert_eq!(rows, [true, false, false, true, false]);
    }

    #[test]
    fn split_lf_is_split_on_line_feeds() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\n\nb",
            "Hà Nội\nngày 5\n\nxong",
            "a\r\nb",
        ] {
            let want: Vec<&str> = text.split('\n').collect();
            assert_eq!(split_lf(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    fn check(raw: &str, text: &str, heading: u8) {
        let (t, h, _) = clean_line(raw, Format::Markdown);
        assert_eq!((t.as_ref(), h), (text, heading), "cleaning {raw:?}");
    }

    #[test]
    fn strips_markdown_decoration() {
        check(
            "## **BÁO CÁO** **thực hiện “Năm dân vận khéo” 2020**",
            "BÁO CÁO thực hiện “Năm dân vận khéo” 2020",
            2,
        );
        check("### *Nơi nhận:*", "Nơi nhận:", 3);
        check("**KT.GIÁM ĐỐC  ", "KT.GIÁM ĐỐC", 0);
        check("phong cách “*trọng dân*”", "phong cách “trọng dân”", 0);
        check("1\\. Mục tiêu \\*", "1. Mục tiêu *", 0);
        check("A<br>B", "A B", 0);
        check("* item", "* item", 0);
        check("#hashtag", "#hashtag", 0);
        check("snake_case_word", "snake_case_word", 0);
        check(
            "__Độc lập__ - `Tự do` - _Hạnh phúc_",
            "Độc lập - Tự do - Hạnh phúc",
            0,
        );
        check("a\\b \\\\ c\\", "a\\b \\ c\\", 0);
        check("Ô 1<br/>Ô 2<br />Ô 3<BR>Ô 4<b>", "Ô 1 Ô 2 Ô 3 Ô 4<b>", 0);
        check("* **Đậm**  và  \\*thường\\*", "* Đậm và *thường*", 0);
        check("\\-\\-- ***", "---", 0);
    }

    #[test]
    fn next_decoration_finds_the_first_one() {
        for n in 0..70 {
            for k in 0..=n {
                for d in [b'*', b'_', b'\\', b'<', b'`'] {
                    let mut bytes = vec![b'a'; n];
                    if k < n {
                        bytes[k] = d;
                    }
                    bytes.iter_mut().step_by(7).for_each(|b| *b = 0xC3);
                    let want = (0..n).find(|&i| b"*_\\<`".contains(&bytes[i])).unwrap_or(n);
                    for from in [0, k / 2, k] {
                        let expect = (from..n)
                            .find(|&i| b"*_\\<`".contains(&bytes[i]))
                            .unwrap_or(n);
                        assert_eq!(next_decoration(&bytes, from), expect, "{n} {k} {from}");
                    }
                    assert_eq!(next_decoration(&bytes, 0), want);
                }
            }
        }
        for b in 0..=255u8 {
            assert_eq!(is_decoration(b), b"*_\\<`".contains(&b), "{b}");
        }
    }

    #[test]
    fn folds_spaces_and_tabs() {
        assert!(matches!(fold_spaces("a b c"), Cow::Borrowed("a b c")));
        assert_eq!(fold_spaces("a  b\tc \t d"), "a b c d");
        assert_eq!(fold_spaces("a\t"), "a ");
        assert_eq!(fold_spaces("Hà  Nội"), "Hà Nội");
        assert_eq!(fold_spaces("\t\tỦY BAN   Số:\t12  "), " ỦY BAN Số: 12 ");
        assert_eq!(fold_spaces("  "), " ");
        assert_eq!(
            fold_spaces("\u{a0}\u{a0}x  \u{3000}"),
            "\u{a0}\u{a0}x \u{3000}"
        );
    }

    #[test]
    fn spaced_says_whether_the_trimmed_raw_line_has_a_space_run() {
        let text =
            "a b\n  a b  \n\ta  b\n# A\tB\n**x**   Y\nTỈNH\t\tSố\n \t \n|a|  b|\n\u{a0}a\u{a0} b";
        for format in [Format::Text, Format::Markdown] {
            let lines = lines(text, format);
            assert_eq!(lines.len(), 9);
            for l in &lines {
                let expected = has_space_run(l.raw.trim().as_bytes());
                assert_eq!(l.spaced, expected, "{format:?} {:?}", l.raw);
            }
            let spaced: Vec<bool> = lines.iter().map(|l| l.spaced).collect();
            let want = [false, false, true, true, true, true, false, true, false];
            assert_eq!(spaced, want, "{format:?}");
        }
    }

    #[test]
    fn lines_keep_offsets() {
        let text = "a\n\nbc\n";
        let ls = lines(text, Format::Text);
        assert_eq!(ls.len(), 3, "the final newline opens no line");
        assert_eq!((ls[2].start, ls[2].end, ls[2].no), (3, 5, 3));
    }

    #[test]
    fn recovers_lost_line_breaks() {
        let glued = "ỦY BAN NHÂN DÂNTỈNH LÂM ĐỒNGCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúcSố: /UBND-NC    Lâm Đồng, ngày 05 tháng 4 năm 2026V/v triển khai Công văn số 3653/VPCP-CĐS của Văn phòng Chính phủ   Kính gửi: Sở Khoa học và Công nghệ.Ủy ban nhân dân tỉnh nhận được Công văn số 3653/VPCP-CĐS ngày 24/4/2026 của Văn phòng Chính phủ về triển khai nhiệm vụ./.Nơi nhận:- Như trên;- Lưu: VT, NC.TL. CHỦ TỊCHKT. CHÁNH VĂN PHÒNGPHÓ CHÁNH VĂN PHÒNGTrịnh Ngọc Duệ";
        let mut ls = lines(glued, Format::Text);
        assert!(
            recover_lost_breaks(&mut ls, Format::Text),
            "a whole document on one line is cut"
        );
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_ref()).collect();
        for want in [
            "ỦY BAN NHÂN DÂN",
            "TỈNH LÂM ĐỒNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: /UBND-NC",
            "Lâm Đồng, ngày 05 tháng 4 năm 2026",
            "Nơi nhận:",
            "- Như trên;",
            "TL. CHỦ TỊCH",
            "KT. CHÁNH VĂN PHÒNG",
            "PHÓ CHÁNH VĂN PHÒNG",
            "Trịnh Ngọc Duệ",
        ] {
            assert!(texts.contains(&want), "{want:?} in {texts:#?}");
        }
        assert!(
            ls.iter().all(|l| l.no == 1),
            "pieces keep the input's line number"
        );
        assert_eq!(
            ls.iter().map(|l| l.end - l.start).sum::<usize>(),
            glued.len(),
            "pieces partition the line"
        );
        let mut plain = lines(
            "Một đoạn văn dài. Số: 12 người. Kính gửi lời cảm ơn.",
            Format::Text,
        );
        assert!(
            !recover_lost_breaks(&mut plain, Format::Text),
            "ordinary text is left alone"
        );
    }

    #[test]
    fn detects_markdown() {
        assert_eq!(
            detect_format("## **BÁO CÁO**\n\n### I. X\n"),
            Format::Markdown
        );
        assert_eq!(detect_format("BÁO CÁO\nI. X\n- a;\n"), Format::Text);
        assert_eq!(detect_format("a **b**\nc<br>d\n"), Format::Markdown);
        assert_eq!(detect_format("1\\. a\n|---|\n"), Format::Markdown);
        assert_eq!(detect_format("a * b\n"), Format::Text);
    }
}
