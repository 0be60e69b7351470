//! Lines: the unit every component parser works on.
//!
//! The normalized text is split into lines. Each line keeps its byte range in the text and gets a
//! cleaned form for matching: Markdown decoration (`#` headings, `**bold**`, `*italic*`, `\*`
//! escapes, `<br>`) is removed and runs of spaces are folded. The text itself is never dropped:
//! ownership in the source map is by byte range of the raw line.

// One file of a little over 800 lines, a quarter of them tests: cutting lines whose breaks were
// lost makes new lines, and cleans them, with the same private `clean` as splitting does.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use crate::model::{Format, Span};
use crate::tables;
use crate::text::kernels::{self, DECORATION, SPACE_RUN};
use crate::text::{chars, split_lf};

/// One input line.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number ([`Line::no`]); 32 bits, beside the flags below, so that a line is 56
    /// bytes, not 72, with its end worked out ([`Line::end`]): a text of short lines keeps a
    /// `Line` per line through the parse. A text of more than four billion lines, which no
    /// memory would hold as lines, numbers the rest `u32::MAX`.
    pub number: u32,
    /// Byte offset of the first byte of the line in the normalized text; it ends at
    /// [`Line::end`].
    pub start: usize,
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
    /// True for a running line that repeats at page breaks (a footer, a repeated table head),
    /// which the driver marks before the zones read the text: page furniture.
    pub running: bool,
}

/// White space and the Markdown marks that may stand at either end of a line's text (`#`, `*`,
/// `|`, `>`, `_`): what a node's span leaves out.
pub fn is_edge_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '#' | '*' | '|' | '>' | '_')
}

/// The span of the words of `piece`, which starts at byte `start` of the input: without the
/// white space and Markdown marks at its ends ([`is_edge_mark`]), or, for a piece made only of
/// marks (a rule `_____`), without its white space.
pub fn words_span(piece: &str, start: usize) -> Span {
    let trim = |f: fn(char) -> bool| {
        let rest = piece.trim_start_matches(f);
        let from = start + (piece.len() - rest.len());
        Span::new(from, from + rest.trim_end_matches(f).len())
    };
    let words = trim(is_edge_mark);
    if words.is_empty() {
        trim(char::is_whitespace)
    } else {
        words
    }
}

/// Where `piece` is in the input, given `raw`, the input's bytes from `start`: exact when
/// `piece` is a slice of `raw`, else (with `search`) its first occurrence in `raw`; `None` for
/// an empty piece or one not found. The one way a part read from a line's text is placed.
pub fn place(raw: &str, start: usize, piece: &str, search: bool) -> Option<Span> {
    if piece.is_empty() {
        return None;
    }
    let offset = (piece.as_ptr() as usize).wrapping_sub(raw.as_ptr() as usize);
    let offset = if offset <= raw.len() && piece.len() <= raw.len() - offset {
        Some(offset)
    } else if search {
        memchr::memmem::find(raw.as_bytes(), piece.as_bytes())
    } else {
        None
    }?;
    Some(Span::new(start + offset, start + offset + piece.len()))
}

impl Line<'_> {
    /// 1-based line number.
    pub fn no(&self) -> usize {
        self.number as usize
    }

    /// Byte offset just after the last byte (newline excluded). Worked out from the raw line,
    /// not kept: a line is 56 bytes, not 64, and a text of short lines keeps one per line
    /// through the parse.
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }

    /// The line's words: its bytes without the white space and Markdown marks at its ends
    /// ([`words_span`]).
    pub fn span(&self) -> Span {
        words_span(self.raw, self.start)
    }

    /// Where `piece` is in the input when it is a slice of the raw line (the cleaned text, or a
    /// part of it, borrows the raw line whenever cleaning changed nothing), else where it is
    /// found in the raw line, else the whole line ([`Line::span`]).
    pub fn span_of(&self, piece: &str) -> Span {
        place(self.raw, self.start, piece, true).unwrap_or_else(|| self.span())
    }

    /// True for a line with no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() && self.raw.trim().is_empty()
    }

    /// The line without its first `n` bytes (a prefix that another node claims), cleaned again;
    /// nothing changes when `n` is not a character boundary of the raw line.
    pub fn drop_front(&mut self, n: usize, format: Format) {
        let Some(raw) = self.raw.get(n..) else {
            return;
        };
        let (text, heading, emphasized, spaced) = clean(raw, format);
        self.raw = raw;
        self.start += n;
        self.text = text;
        self.heading = heading;
        self.emphasized = emphasized;
        self.spaced = spaced;
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
    // One entry per line, counted first (a memchr pass): a list grown by doubling held its old
    // and new buffers at once, and short-lined texts (headings, `Số:` lines) doubled it twice.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut start = 0;
    for (i, raw) in split_lf(text).enumerate() {
        let end = start + raw.len();
        let (text, heading, emphasized, spaced) = clean(raw, format);
        out.push(Line {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            start,
            raw,
            spaced,
            text,
            heading,
            emphasized,
            running: false,
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
            if l.no() > 15 && l.raw.len() <= 400 {
                let mut cuts = editorial_note_cuts(l.raw);
                cuts.extend(attached_title_cut(l.raw).or_else(|| first_child_cut(l.raw)));
                cuts.sort_unstable();
                return (!cuts.is_empty()).then_some((i, cuts));
            }
            let cuts = if glued(l) {
                any_glued = true;
                break_points(l.raw)
            } else {
                let mut cuts = header_cuts(l);
                cuts.extend(editorial_note_cuts(l.raw));
                cuts.extend(attached_title_cut(l.raw).or_else(|| first_child_cut(l.raw)));
                cuts.sort_unstable();
                cuts.dedup();
                cuts
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
                number: line.number,
                start: line.start + from,
                raw,
                spaced,
                text,
                heading,
                emphasized,
                running: false,
            });
            from = to;
        }
    }
    *lines = out;
    true
}

/// A note a legal database inserted in the line (`… đúng tuyến; [Nội dung này được đính chính
/// bởi Công văn 666/BYT-BH …]`, [`tables::opens_editorial_note`]): cut before and after its
/// brackets, so it is read as a piece of its own and the document's words around it stay theirs.
fn editorial_note_cuts(raw: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    for open in memchr::memchr_iter(b'[', raw.as_bytes()) {
        let after = &raw[open + 1..];
        if !tables::opens_editorial_note(after) {
            continue;
        }
        let Some(close) = after.find(']') else {
            continue;
        };
        cuts.push(open);
        cuts.push(open + 1 + close + 1);
    }
    cuts.retain(|&at| at > 0 && at < raw.trim_end().len());
    cuts
}

/// An attached document's title flattened onto one line with the line that says what issued it
/// (`CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI … (Ban hành kèm theo Quyết định số 435/QĐ-UBND …)`): cut
/// before the parenthesis, so the title and its `attached_to` are read as two lines. Only a line
/// that opens with a type name in capitals is cut.
fn attached_title_cut(raw: &str) -> Option<usize> {
    let bytes = raw.as_bytes();
    let open =
        memchr::memchr_iter(b'(', bytes).find(|&p| tables::opens_with_attached(&raw[p + 1..]))?;
    let head =
        raw[..open].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*'));
    let ty = tables::doc_type_by_name(head)?;
    (head.len() > ty.name.len() && !raw.trim_start().starts_with('|')).then_some(open)
}

/// The label of a heading's first child left at the end of the heading's line, its text on the
/// next line (`1. Tăng cường sự lãnh đạo … tiến bộ 1.1.`, a PDF export that put the label beside
/// the line above): cut before it, so the child reads as a label of its own. Only a label one
/// level deeper than the line's own, numbered 1 under it (`2.` … `2.1.`, `1.3.` … `1.3.1.`), is
/// cut: a number that ends a sentence stays.
fn first_child_cut(raw: &str) -> Option<usize> {
    let t = raw.trim_end();
    let bytes = t.as_bytes();
    if bytes.len() < 8 || !t.ends_with(".1.") {
        return None;
    }
    let at = t.rfind(' ')? + 1;
    let child = &t[at..];
    let parent = &child[..child.len() - 2];
    let valid = |s: &str| {
        s.split_terminator('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let own = raw.trim_start().split(' ').next()?;
    (valid(child) && own == parent).then_some(at)
}

/// In the header area, two columns flattened with a single space (`ỦY BAN NHÂN DÂN CỘNG HÒA …`,
/// `Số: 296/BHXH-CSYT V/v …`) are cut before the frame phrase of the second column.
#[inline(never)]
fn header_cuts(l: &Line<'_>) -> Vec<usize> {
    if l.no() > 15 || l.is_pipe_row() {
        return Vec::new();
    }
    // Both kinds of cut follow a space: one pass over the line's spaces finds them all.
    let raw = l.raw;
    let bytes = raw.as_bytes();
    let mut cuts = Vec::new();
    // The first ` ---` and ` ___`: a rule after the motto (`Hạnh phúc ---------------`).
    let (mut dashes, mut underscores) = (None, None);
    // Header lines are short and full of spaces: their spaces are found a word at a time.
    for p in kernels::spaces(bytes) {
        let at = p + 1;
        let rest = bytes.get(at..).unwrap_or_default();
        let Some(&next) = rest.first() else {
            continue;
        };
        if !AFTER_SPACE[usize::from(next)] {
            continue;
        }
        match next {
            b'-' if dashes.is_none() && rest.starts_with(b"---") => dashes = Some(p),
            b'_' if underscores.is_none() && rest.starts_with(b"___") => underscores = Some(p),
            // A frame phrase after one space only: wider gaps and tabs are column breaks the
            // segment splitter reads.
            b if FRAME_FIRST_BYTES[usize::from(b)] => {
                // Capitals open most words of a header line: the phrases' first two bytes are
                // compared before any whole phrase.
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
static FRAME_FIRST_BYTES: [bool; 256] = kernels::first_bytes(tables::FRAME_PHRASES);

/// [`FRAME_FIRST_BYTES`] and the `-` and `_` of a rule: the bytes after a space where
/// [`recover_lost_breaks`] may cut a header line.
static AFTER_SPACE: [bool; 256] = {
    let mut table = FRAME_FIRST_BYTES;
    table[b'-' as usize] = true;
    table[b'_' as usize] = true;
    table
};

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
/// answered "fewer than three": each phrase is looked for on its own with a vectorized `memmem`,
/// and the search stops as soon as the phrases left could no longer make three. One
/// Aho-Corasick pass over all phrases was slower here, its prefilter confused by the shared
/// lead bytes of Vietnamese letters.
///
/// Three of the phrases hold `CỘNG` in capitals, which running text seldom does: one search for
/// it rules them all out, and then three searches among the other five can end the count, on the
/// many long lines that hold none of the phrases.
fn frame_phrases_in(raw: &str) -> u32 {
    static WITHOUT_CONG: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        tables::FRAME_PHRASES
            .iter()
            .filter(|p| !p.contains(CAPITAL_CONG))
            .map(|p| memmem::Finder::new(p.as_bytes()))
            .collect()
    });
    let candidates = if find_capital_cong(raw).is_some() {
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

/// Where `text` first holds [`CAPITAL_CONG`] (the word of the national and the Party title), by
/// a searcher built once: `str::find` sets one up on every call, and the header and attachment
/// tests ask every line in capitals.
pub(crate) fn find_capital_cong(text: &str) -> Option<usize> {
    static CONG: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(CAPITAL_CONG.as_bytes()));
    CONG.find(text.as_bytes())
}

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

/// Detects Markdown from its decoration when no format was given: the signs of
/// [`markdown_signs`] counted over the first [`FORMAT_LINES`] lines.
pub fn detect_format(text: &str) -> Format {
    // Every sign holds `#`, `*`, `<`, `\` or `|`, so only the lines holding one of those bytes
    // are read, found by two vectorized searches over the text (most plain text has none, and a
    // DOCX export only a few table rows): not a search per line.
    let bytes = text.as_bytes();
    let next3 = |from: usize| memchr::memchr3(b'#', b'*', b'<', &bytes[from..]).map(|p| from + p);
    let next2 = |from: usize| memchr::memchr2(b'\\', b'|', &bytes[from..]).map(|p| from + p);
    let (mut hit3, mut hit2) = (next3(0), next2(0));
    let (mut line_start, mut line_no, mut score) = (0usize, 0usize, 0usize);
    while let Some(hit) = match (hit3, hit2) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    } {
        let start = memchr::memrchr(b'\n', &bytes[line_start..hit])
            .map_or(line_start, |p| line_start + p + 1);
        line_no += memchr::memchr_iter(b'\n', &bytes[line_start..start]).count();
        if line_no >= FORMAT_LINES {
            break;
        }
        let end = memchr::memchr(b'\n', &bytes[hit..]).map_or(bytes.len(), |p| hit + p);
        // A line feed is ASCII: both ends are character boundaries.
        score += markdown_signs(text.get(start..end).unwrap_or_default());
        if score >= 3 {
            return Format::Markdown;
        }
        if end == bytes.len() {
            break;
        }
        line_start = end + 1;
        line_no += 1;
        if hit3.is_some_and(|h| h < line_start) {
            hit3 = next3(line_start);
        }
        if hit2.is_some_and(|h| h < line_start) {
            hit2 = next2(line_start);
        }
    }
    if score >= 2 {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Lines [`detect_format`] reads from the start of a text.
const FORMAT_LINES: usize = 400;

/// The weight of the Markdown signs of one line (without its line feed): 2 for a heading mark,
/// 1 for bold, a `<br>` or a table rule, 1 for an escaped `*`, `-` or `.`.
fn markdown_signs(line: &str) -> usize {
    let t = line.trim_start();
    let mut score = 0;
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
    score
}

/// Cleans one raw line: returns the text for matching, the heading level and the emphasis hint.
pub fn clean_line(raw: &str, format: Format) -> (Cow<'_, str>, u8, bool) {
    let (text, heading, emphasized, _) = clean(raw, format);
    (text, heading, emphasized)
}

/// [`clean_line`] and [`Line::spaced`] of `raw`, from one look at the bytes of the trimmed line
/// ([`kernels::line_facts`]): most lines hold no decoration, no tab and no two spaces in a row,
/// and their text is the trimmed line, borrowed.
fn clean(raw: &str, format: Format) -> (Cow<'_, str>, u8, bool, bool) {
    let trimmed = kernels::trim(raw);
    let markdown = format == Format::Markdown;
    let facts = if markdown {
        kernels::line_facts::<true>(trimmed.as_bytes())
    } else {
        kernels::line_facts::<false>(trimmed.as_bytes())
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
        if !kernels::is_decoration(b) {
            // Only decoration bytes change anything: the text up to the next one is copied
            // whole later.
            i = kernels::next_decoration(bytes, i);
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

/// An underscore that opens or closes emphasis (next to a word on one side only).
fn is_emphasis_underscore(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let word = |c: Option<char>| c.is_some_and(chars::is_alphanumeric);
    word(before) != word(after)
}

/// True when `bytes` hold a tab or two spaces in a row: what [`fold_spaces`] would change.
fn has_space_run(bytes: &[u8]) -> bool {
    kernels::line_facts::<false>(bytes) & SPACE_RUN != 0
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

    /// A text of short lines keeps a `Line` per line through the parse (issue 18: its peak at
    /// most ten times the input): the line number takes 32 bits beside the flags, and its end
    /// is worked out from the raw line.
    #[test]
    fn a_line_is_56_bytes() {
        assert!(size_of::<Line<'_>>() <= 56, "{}", size_of::<Line<'_>>());
        let ls = lines("a\nb", Format::Text);
        assert_eq!(ls.iter().map(Line::no).collect::<Vec<_>>(), [1, 2]);
    }

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

    /// [`header_cuts`] cuts before a frame phrase after one space when the text before it reads
    /// as a header column, and before a rule after the motto; nowhere else.
    #[test]
    fn header_cuts_split_flattened_columns() {
        fn cuts(raw: &str) -> Vec<&str> {
            let line = &lines(raw, Format::Text)[0];
            let cut = header_cuts(line);
            cut.iter().map(|&at| &raw[at..]).collect()
        }
        assert_eq!(
            cuts("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        assert_eq!(cuts("Số: 296/BHXH-CSYT V/v triển khai"), ["V/v triển khai"]);
        assert_eq!(cuts("Hạnh phúc ---------------"), ["---------------"]);
        assert_eq!(cuts("Hạnh phúc ______"), ["______"]);
        assert!(
            cuts("ỦY BAN NHÂN DÂN  CỘNG HÒA").is_empty(),
            "two spaces: a column break"
        );
        assert!(
            cuts("Ủy ban đã họp CỘNG HÒA").is_empty(),
            "a sentence before"
        );
        assert!(cuts("Hạnh phúc --- và").is_empty(), "not a rule to the end");
        let mut far = lines("ỦY BAN NHÂN DÂN CỘNG HÒA", Format::Text);
        far[0].number = 16;
        assert!(header_cuts(&far[0]).is_empty(), "past the header area");
    }

    /// [`frame_phrases_in`] reaches three exactly when three different phrases are in the line,
    /// and never counts more than are there: on the corpus lines and on lines made of every
    /// subset of the phrases.
    #[test]
    fn frame_phrases_reach_three_when_three_are_there() {
        let check = |line: &str| {
            let there = tables::FRAME_PHRASES
                .iter()
                .filter(|p| line.contains(*p))
                .count();
            let counted = frame_phrases_in(line) as usize;
            assert_eq!(counted >= 3, there >= 3, "{line:?}");
            assert!(counted <= there.min(3), "{line:?}");
        };
        for (_, text) in crate::test_support::texts() {
            text.lines().for_each(check);
            check(&text);
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
            check(&line);
        }
        assert!(phrases.iter().filter(|p| p.contains(CAPITAL_CONG)).count() >= 3);
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
        assert_eq!((ls[2].start, ls[2].end(), ls[2].no()), (3, 5, 3));
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
            ls.iter().all(|l| l.no() == 1),
            "pieces keep the input's line number"
        );
        assert_eq!(
            ls.iter().map(|l| l.end() - l.start).sum::<usize>(),
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

    /// [`detect_format`], plainly: every one of the first lines weighed, in order.
    fn detect_format_reference(text: &str) -> Format {
        let mut score = 0;
        for line in text.split('\n').take(FORMAT_LINES) {
            score += markdown_signs(line);
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

    /// Lines of Markdown signs and plain words, some with a carriage return or leading space.
    fn marked_lines() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let line = prop::sample::select(vec![
            "",
            "# A",
            "## **B**",
            "#### x",
            "#x",
            " ### y",
            "a **b** c",
            "<br>",
            "x <b> y",
            "|---|---|",
            "| --- |",
            "| a | b |",
            "1\\. a",
            "\\- b",
            "\\*",
            "\\",
            "a * b",
            "Đ ỳ",
            "plain words\r",
            "*",
            "<",
            "|",
        ]);
        // Up to 450 lines: past the lines read, and signs on both sides of the limit.
        prop_oneof![
            prop::collection::vec(line.clone(), 0..30),
            (prop::collection::vec(line, 0..12), 380..420usize).prop_map(|(mut v, blank)| {
                v.splice(0..0, std::iter::repeat_n("word", blank));
                v
            }),
        ]
        .prop_map(|v| v.join("\n"))
    }

    proptest::proptest! {
        /// Reading only the lines that hold a sign's byte gives the answer of reading every line.
        #[test]
        fn detect_format_matches_the_reference(text in marked_lines()) {
            proptest::prop_assert_eq!(detect_format(&text), detect_format_reference(&text));
        }
    }
}
