//! Citations of other documents in running text.
//!
//! [`find_citations`] scans one paragraph (Markdown stripped, lines joined, NFC) and returns every
//! reference to another document, in order: numbered references such as
//! `Quyết định số 91/QĐ-SLĐTBXH ngày 26/5/2020 của …`, and references by name to laws and
//! resolutions such as `Luật PCTN năm 2018` or `Nghị quyết TW4 (Khóa XII)`.
//!
//! ## Grammar
//!
//! ```text
//! numbered ::= [kind [name]] ["số" [":"]] number [[","] date] ["của" issuer]
//! named    ::= named-kind name ["năm" yyyy | date] ["của" issuer]
//! ```
//!
//! `number` is [`crate::grammar::number`]'s (`91/QĐ-SLĐTBXH`, `34/2016/NĐ-CP`, `25-NQ/TW`) and
//! so is its split into type code and issuer code; `date` is [`crate::grammar::date`]'s.
//!
//! ## How
//!
//! The grammars of the number and the date are [`crate::grammar`]'s ([`grammar::token`],
//! [`grammar::cited_date`]); this module finds where they apply and reads what stands around
//! them, one file per job:
//!
//! - `candidates`: a memchr pass jumps from `/` to `/` (every number holds one) and keeps the
//!   places where digits, or a Party type, dash and digits, stand before and a capital (or a
//!   year) after; only there is the number grammar read, so the scan is linear and a text
//!   without `/` costs one memchr pass;
//! - `kind`: a bounded look-behind finds the kind words (`thông báo kết luận`, longest match,
//!   in one walk back through a trie of the kinds) and `số`;
//! - `issuer`: the issuer after `của`, up to a stop word;
//! - `named`: one pass of `aho_corasick`'s packed (SIMD) searcher finds the capitalized kind
//!   words of named references outside the numbered ones, and reads their names;
//! - `words`: whole words ignoring case, forwards and backwards, and char boundaries.
//!
//! Every literal of the domain (kind words, codes, stop words) lives in [`crate::tables`]; the
//! lookups built from them (the kinds' trie, stop words by first byte) are built once.
//!
//! ## Examples
//!
//! - `Chương trình số 177-Ctr/TU ngày 07/8/2013 của Ban Thường vụ Tỉnh ủy` → Party, `177-CTr/TU`.
//! - `Luật Ngân sách nhà nước số 83/2015/QH13` → kind `luật`, `83/2015/QH13`.
//! - `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015` → named, date `2015-06-19`.
//!
//! ## References
//!
//! Nghị định 30/2020/NĐ-CP Phụ lục III (numbers of administrative documents); Luật 80/2015/QH13
//! Điều 10 (numbers of normative documents); Hướng dẫn 36-HD/VPTW (Party numbers);
//! `docs/format.md` §3 and §8.

mod candidates;
mod dates;
mod issuer;
mod kind;
mod named;
mod words;

use crate::grammar::{self, Blank, Body, Number, Token};
use crate::model::{Citation, Footnote, NumberSystem};
use crate::tables::{canonical_type_code, doc_type_by_kind};
use candidates::number_starts;
use issuer::issuer_after;
use kind::kind_before;
use named::find_named;
use words::{floor_boundary, prev_char};

/// A citation found in a text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset where the citation starts (its kind words, or its number).
    pub start: usize,
    /// Byte offset where the citation ends (exclusive).
    pub end: usize,
    /// The citation; its `line` is 0, for the caller to set from `start`.
    pub citation: Citation,
}

/// Finds every reference to another document in `text` (one paragraph, Markdown already
/// stripped, its lines already joined by spaces), in order. `citation.line` is left 0: the caller
/// maps `start` to a line. Never panics, linear in the length of `text`.
#[cfg(any(test, feature = "internals"))]
pub fn find_citations(text: &str) -> Vec<Found> {
    find_citations_with(text, &[])
}

/// [`find_citations`] in a document whose footnotes have `markers`: digits glued to the end of
/// a number that are one of them are the footnote's marker, not part of the number
/// (`66-NQ/TW1` is `66-NQ/TW` with footnote 1).
pub fn find_citations_with(text: &str, markers: &[&str]) -> Vec<Found> {
    let mut numbered = find_numbered(text, markers);
    dates::share_dates(text, &mut numbered);
    dates::dates_before(text, &mut numbered);
    let named = find_named(text, &numbered);
    if named.is_empty() {
        return numbered;
    }
    let mut all = Vec::with_capacity(numbered.len() + named.len());
    let (mut a, mut b) = (
        numbered.into_iter().peekable(),
        named.into_iter().peekable(),
    );
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.start <= y.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        all.extend(if take_a { a.next() } else { b.next() });
    }
    all
}

/// A text longer than this many bytes reserves its list of citations up front
/// ([`find_numbered`]).
const RESERVE_FROM: usize = 64 << 10;

/// How far back from a number the kind words are looked for, in bytes.
const LOOK_BEHIND: usize = 96;
/// How far after a number the date and `của` are looked for, in bytes.
const LOOK_AHEAD: usize = 64;
/// How long an issuer or a name may be, in bytes.
const NAME_BYTES: usize = 200;
/// How many words an issuer or a name may have.
const MAX_NAME_WORDS: usize = 12;

/// A number found in the first pass, before its date and issuer are read.
struct Numbered {
    /// Start of the citation: its kind words, or the number.
    start: usize,
    /// End of the number and symbol.
    end: usize,
    /// The kind words before it, from the table.
    kind: Option<&'static str>,
    /// The number's parts.
    number: Number,
    /// A footnote marker glued to the number, between `end` and the date.
    marker: Option<String>,
}

/// Finds the numbered references of `text`.
///
/// This is the leftmost-first, non-overlapping scan of the unanchored number grammar over the
/// whole text, done cheaply: the grammar is only read, anchored, where [`number_starts`] says a
/// match can start, and the scan goes on after each match as a plain left-to-right search would, whether
/// [`read_number`] keeps the number or not.
fn find_numbered(text: &str, markers: &[&str]) -> Vec<Found> {
    // A long text (a paragraph citing document after document) reserves its list from the
    // count of its `/`, which every number holds (one memchr pass): grown by doubling, its
    // last step held the old list and the new one, some 280 bytes a citation each, and the
    // allocator kept the old lists for a while after. Room for the `/` of dates and counts is
    // never written and costs no resident memory. A short text lets its list grow as it comes.
    let mut found = if text.len() > RESERVE_FROM {
        Vec::with_capacity(memchr::memchr_iter(b'/', text.as_bytes()).count())
    } else {
        Vec::new()
    };
    // The last number kept: its look-ahead ends where the next one starts, so it is finished
    // when the next is read (or at the end), without a list of numbers to walk again.
    let mut pending: Option<Numbered> = None;
    let mut resume = 0;
    let mut starts = number_starts(text);
    while let Some(at) = starts.next_from(resume) {
        let Some(token) = grammar::token(&text[at..], Blank::No) else {
            continue;
        };
        let floor = pending.as_ref().map_or(0, |n| n.end);
        resume = at + token.len;
        if in_url(text, at) {
            continue;
        }
        let (token, marker) = split_marker(&text[at..at + token.len], markers)
            .and_then(|len| {
                let short = grammar::token(&text[at..at + len], Blank::No)?;
                (short.len == len).then(|| (short, Some(text[at + len..resume].to_owned())))
            })
            .unwrap_or((token, None));
        if let Some(mut n) = read_number(text, at, &token, floor) {
            n.marker = marker;
            let limit = n.start;
            if let Some(before) = pending.replace(n) {
                found.push(finish_number(text, before, limit));
            }
        }
    }
    if let Some(last) = pending {
        found.push(finish_number(text, last, text.len()));
    }
    found
}

/// True when the number at `at` is part of a web address (`…/vbpq-toanvan.aspx?ItemID=57544&
/// Keyword=S%E1%BB%91%2031/2015/N%C4%90-CP`, a table's link to the text): its word, or the word
/// before it when the address was cut at its `=`, looks like an address.
fn in_url(text: &str, at: usize) -> bool {
    fn looks_like_url(w: &str) -> bool {
        let b = w.as_bytes();
        w.contains("://")
            || w.contains("www.")
            || (w.contains('?') && w.contains('='))
            || b.windows(3)
                .any(|x| x[0] == b'%' && x[1].is_ascii_hexdigit() && x[2].is_ascii_hexdigit())
    }
    let before = &text[floor_boundary(text, at.saturating_sub(300))..at];
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    if !word.is_empty() {
        return looks_like_url(word);
    }
    let previous = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    previous.ends_with('=') && looks_like_url(previous)
}

/// The citation of number `n`, with the date and the issuer after it, read up to `limit` (where
/// the next number starts).
fn finish_number(text: &str, n: Numbered, limit: usize) -> Found {
    let mut end = n.end + n.marker.as_ref().map_or(0, String::len);
    end += drafter_suffix(&text[end..floor_boundary(text, limit.max(end))]);
    end += odd_tail(&text[end..floor_boundary(text, limit.max(end))]);
    let capital_end = text[..end]
        .chars()
        .next_back()
        .is_some_and(char::is_uppercase);
    end += spaced_tail(
        &text[end..floor_boundary(text, limit.max(end))],
        capital_end,
    );
    let ahead = &text[end..floor_boundary(text, limit.min(end + LOOK_AHEAD))];
    let mut date = None;
    if let Some((len, written)) = grammar::cited_date(ahead) {
        end += len;
        date = written.ok().map(|(d, m, y)| grammar::iso(d, m, y));
    } else if text.len() - end <= 8 && text[end..].trim() == "ngày" {
        // `… 152/2020/NĐ-CP ngày` ends the text: the date was cut off by a page break or a
        // table's cell, and the word stays in the mention to say so.
        end = text.trim_end().len();
    }
    let mut issuer_name = None;
    if let Some((name_end, name)) = issuer_after(text, end, limit) {
        end = name_end;
        issuer_name = Some(name);
    }
    let id = canonical_id(&n.number);
    let number = n.number;
    Found {
        start: n.start,
        end,
        citation: Citation {
            text: text[n.start..end].to_string(),
            kind: n.kind.map(Box::from),
            number: number.number.map(String::into_boxed_str),
            year: number.year,
            type_code: number.type_code.map(String::into_boxed_str),
            issuer_code: number.issuer_code.map(String::into_boxed_str),
            system: number.system,
            date: date.map(String::into_boxed_str),
            issuer_name: issuer_name.map(String::into_boxed_str),
            name: None,
            id: Some(id.into_boxed_str()),
            footnote: n.marker.map(String::into_boxed_str),
            line: 0,
        },
    }
}

/// The rest of an odd symbol that the number's grammar stopped in (`01/KH1N-01` of a bulletin's
/// `01/KH1N-01/17h00/DBQG-DBKH ngày 15/01/2026`): more groups glued on by `/`, when a date
/// follows them. Its length, or 0.
fn odd_tail(ahead: &str) -> usize {
    if !ahead.starts_with('/') {
        return 0;
    }
    let len = ahead
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .unwrap_or(ahead.len());
    let dated = grammar::cited_date(&ahead[len..]).is_some_and(|(_, d)| d.is_ok());
    if dated { len } else { 0 }
}

/// A last group of the symbol written after a space (`BTh` of `03/LĐVVN BTh ngày 07/01/2025`,
/// the short name of the province): one word of two to five letters that starts with a
/// capital and has another capital or ends the symbol's case pattern, when a date follows it;
/// or one capital split off a symbol that ends in capitals (`06-LCT/HĐN N ngày 20-5-1988`, the
/// Hội đồng Nhà nước's `HĐNN`), `capital_end`. Its length with the space, or 0.
fn spaced_tail(ahead: &str, capital_end: bool) -> usize {
    let Some(rest) = ahead.strip_prefix(' ') else {
        return 0;
    };
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let letters = word.chars().count();
    let mut chars = word.chars();
    let capital_first = chars.next().is_some_and(char::is_uppercase);
    let another_capital = chars.any(char::is_uppercase);
    let split_capital = letters == 1 && capital_first && capital_end;
    if !split_capital && (!(2..=5).contains(&letters) || !capital_first || !another_capital) {
        return 0;
    }
    let dated = grammar::cited_date(&rest[word_len..]).is_some_and(|(_, d)| d.is_ok());
    if dated { 1 + word_len } else { 0 }
}

/// The length of the drafter's initials written after a symbol (`/nb` of `2587-CV/VPTW/nb,
/// ngày 25/5/2010`): a `/` and one to three lower-case ASCII letters that end the word. They
/// belong to the number as written, and the date comes after them. 0 when there are none.
fn drafter_suffix(after: &str) -> usize {
    let Some(rest) = after.strip_prefix('/') else {
        return 0;
    };
    let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let ends = rest[letters..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '/' && c != '-');
    if (1..=3).contains(&letters) && ends {
        1 + letters
    } else {
        0
    }
}

/// Reads the number `token` that starts at `num_start` as a citation's, or rejects it (a
/// count, a fraction, a number glued to a word, an ambiguous number without kind words).
/// `floor` is where the previous number ended.
fn read_number(text: &str, num_start: usize, token: &Token<'_>, floor: usize) -> Option<Numbered> {
    // `66.4/2025/NQ-CP`, `26.06/GĐN-MB`: a dotted number starts before its dot.
    let dotted = dotted_head(text, num_start);
    let digits_start = dotted.unwrap_or(num_start);
    // The number must stand alone: `x12/…`, `1.5/…`, `…/12/…` or `COVID-19/…` are not numbers.
    if prev_char(text, digits_start).is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '/' | '-' | '–' | '.' | ',' | '_' | '&')
    }) {
        return None;
    }
    let behind = kind_before(text, digits_start, floor);
    let introduced = behind.kind.is_some() || behind.has_number_word;
    // A spaced or a dotted number (`9.037/17.454` is a count) needs kind words or `số`.
    if (token.spaced || dotted.is_some()) && !introduced {
        return None;
    }
    // A Party type that is no type code needs kind words or `số` before it.
    if let Body::Party { kind, .. } = token.body
        && canonical_type_code(kind).is_none()
        && !introduced
    {
        return None;
    }
    let mut number = token.parts(behind.kind.and_then(doc_type_by_kind));
    if dotted.is_some() {
        let digits_end = num_start + token.number.map_or(0, str::len);
        number.number = text.get(digits_start..digits_end).map(str::to_owned);
    }
    let unambiguous = number.system == NumberSystem::Party
        || number.year.is_some()
        || (number.type_code.is_some() && number.issuer_code.is_some());
    if !introduced && !unambiguous {
        return None;
    }
    Some(Numbered {
        start: behind.start.unwrap_or(digits_start),
        end: num_start + token.len,
        kind: behind.kind,
        number,
        marker: None,
    })
}

/// Where the digits and dot of a dotted number start, when `.` and one to four digits stand
/// right before the digits at `at` (`66.` of `66.4/2025/NQ-CP`).
fn dotted_head(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?.strip_suffix('.')?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits).then(|| head.len() - digits)
}

/// The length of `number` without a footnote marker glued to its end (`66-NQ/TW1` → the
/// bytes of `66-NQ/TW`), or `None` when none is: one or two trailing digits after a letter that
/// are one of the document's `markers`, in a group that still has two letters without them and
/// is no code numbered by legislature term (`QH13`, `UBTVQH15`).
fn split_marker(number: &str, markers: &[&str]) -> Option<usize> {
    if markers.is_empty() {
        return None;
    }
    let stem = number.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &number[stem.len()..];
    if digits.is_empty() || digits.len() > 2 || !markers.contains(&digits) {
        return None;
    }
    let group = stem.rsplit(['/', '-', '–', ' ']).next().unwrap_or_default();
    let letters = group.chars().all(char::is_alphabetic) && group.chars().nth(1).is_some();
    (letters && !group.ends_with("QH")).then_some(stem.len())
}

/// The canonical id: `number/[year/]TYPE-ISSUER`, `number/SYMBOL` or `number-TYPE/ISSUER`.
///
/// Built in a string of its exact length: it is kept boxed in the citation, and a string with
/// room to spare would be copied again to drop it (a paragraph of citations makes one each).
fn canonical_id(n: &Number) -> String {
    let part = |p: &Option<String>| p.as_deref().map_or(0, str::len);
    let (code, issuer) = (part(&n.type_code), part(&n.issuer_code));
    let rest = match n.system {
        NumberSystem::Party => 2 + code + issuer,
        NumberSystem::State => {
            // The year is written with at least four digits, then `/`; the two parts are
            // joined by `-` when both are there.
            let year = n.year.map_or(0, |y| {
                (y.checked_ilog10().unwrap_or(0) as usize + 1).max(4) + 1
            });
            let both = n.type_code.is_some() && n.issuer_code.is_some();
            1 + year + code + issuer + usize::from(both)
        }
    };
    let mut id = String::with_capacity(part(&n.number) + rest);
    id.push_str(n.number.as_deref().unwrap_or_default());
    match n.system {
        NumberSystem::Party => {
            id.push('-');
            id.push_str(n.type_code.as_deref().unwrap_or_default());
            id.push('/');
            id.push_str(n.issuer_code.as_deref().unwrap_or_default());
        }
        NumberSystem::State => {
            id.push('/');
            if let Some(year) = n.year {
                push_digits(&mut id, year, 4);
                id.push('/');
            }
            let parts = [n.type_code.as_deref(), n.issuer_code.as_deref()];
            for (i, part) in parts.into_iter().flatten().enumerate() {
                if i > 0 {
                    id.push('-');
                }
                id.push_str(part);
            }
        }
    }
    id
}

/// Appends `n` zero-padded to `width` digits, as [`super::push_decimal`] does. A year fits its
/// width (the grammar reads four digits for it), and then the digits are written in place, with
/// no buffer to copy: an id is built per citation.
fn push_digits(out: &mut String, n: u32, width: u32) {
    if 10u32.checked_pow(width).is_none_or(|bound| n >= bound) {
        super::push_decimal(out, u64::from(n), width as usize);
        return;
    }
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Scans every remembered text of a parse and maps each citation to the line it starts on;
/// `markers` are those of the document's footnotes.
///
/// The citations of the first text that has any are turned into the list in the memory their
/// `Found`s took (an in-place `collect`): a paragraph of 200,000 citations held both lists at
/// once, and twice the input's size in capacity each.
pub fn collect(texts: &[super::TextSource], markers: &[&str]) -> Vec<Citation> {
    let mut out = Vec::new();
    for (k, source) in texts.iter().enumerate() {
        let mut found = find_citations_with(&source.text, markers);
        if let (Some(last), Some(next)) = (found.last_mut(), texts.get(k + 1)) {
            date_on_next_line(source, last, next);
        }
        let cited = found.into_iter().map(|found| Citation {
            line: source.line_at(found.start),
            ..found.citation
        });
        if out.is_empty() {
            out = cited.collect();
        } else {
            out.extend(cited);
        }
    }
    out
}

/// True when `text`, finished, adds nothing to [`collect`] whatever the document's footnote
/// markers: no citation and no cited date at its start (what [`date_on_next_line`] reads of the
/// text after one). Markers only split numbers, and every number holds a `/`: without one the
/// scan reads the same with any markers, so it can be done before the footnotes are known.
pub fn cites_nothing(text: &str) -> bool {
    memchr::memchr(b'/', text.as_bytes()).is_none()
        && grammar::cited_date(text).is_none()
        && find_citations_with(text, &[]).is_empty()
}

/// Gives `last`, the last citation of `source`, the date that opens `next` when `last` ends
/// its text without one and `next` is read from the line after it: a heading or a caption cut
/// before its date (`(Kèm theo Nghị quyết số 116/NQ-CP` / `ngày 29 tháng 4 năm 2026 …)`).
fn date_on_next_line(source: &super::TextSource, last: &mut Found, next: &super::TextSource) {
    let c = &mut last.citation;
    let rest = source.text.get(last.end..).unwrap_or_default();
    if c.date.is_some() || c.number.is_none() || rest.chars().any(char::is_alphanumeric) {
        return;
    }
    if next.line_at(0) != source.line_at(last.end) + 1 {
        return;
    }
    if let Some((_, Ok((d, m, y)))) = grammar::cited_date(&next.text) {
        c.date = Some(grammar::iso(d, m, y).into_boxed_str());
    }
}

/// Gives a citation without date that carries a footnote marker the date its footnote gives
/// the same number (`09/2026/NĐ-CP4` and footnote `4 Nghị định số 09/2026/NĐ-CP ngày
/// 10/01/2026 …`).
pub fn date_from_footnotes(citations: &mut [Citation], footnotes: &[Footnote]) {
    for i in 0..citations.len() {
        let c = &citations[i];
        let (None, Some(marker), Some(id)) = (&c.date, &c.footnote, &c.id) else {
            continue;
        };
        let Some(note) = footnotes.iter().find(|f| *f.marker == **marker) else {
            continue;
        };
        let date = citations
            .iter()
            .filter(|o| (note.line..=note.end_line).contains(&o.line))
            .find(|o| o.id.as_ref() == Some(id) && o.date.is_some())
            .and_then(|o| o.date.clone());
        citations[i].date = date;
    }
}

#[cfg(test)]
pub(super) mod tests;

#[cfg(test)]
mod marker_tests {
    use super::*;

    #[test]
    fn a_text_cites_nothing_only_without_citations_and_leading_date() {
        assert!(cites_nothing("Mục 3. Nhóm quy định 3 Điều 3. Phạm vi 3"));
        assert!(cites_nothing(""));
        assert!(
            !cites_nothing("Luật PCTN năm 2018 và các văn bản hướng dẫn thi hành."),
            "a citation by name holds no `/`"
        );
        assert!(
            !cites_nothing("ngày 29 tháng 4 năm 2026 của Chính phủ"),
            "a date at its start completes a citation cut at the end of the text before"
        );
        assert!(
            !cites_nothing("theo Nghị định 09/2026/NĐ-CP4"),
            "a number may carry a footnote marker, known only later"
        );
    }

    fn read(text: &str, markers: &[&str]) -> Vec<(Option<String>, Option<String>, Option<String>)> {
        find_citations_with(text, markers)
            .into_iter()
            .map(|f| {
                let c = f.citation;
                (
                    c.id.map(String::from),
                    c.footnote.map(String::from),
                    c.date.map(String::from),
                )
            })
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn a_number_inside_a_web_address_is_no_citation() {
        let text = "Luật số 74/2014/QH13 ngày 27/11/2014 - https://vbpl.vn/TW/Pages/vbpq-\
                    toanvan.aspx?ItemID=57544&Keyword= 74/2014/QH13 và \
                    S%E1%BB%91%2031/2015/N%C4%90-CP";
        assert_eq!(
            read(text, &[]),
            [(s("74/2014/QH13"), None, s("2014-11-27"))]
        );
    }

    #[test]
    fn a_marker_glued_to_a_number_is_split_off() {
        assert_eq!(
            read(
                "Nghị quyết số 66- NQ/TW1 và Nghị định số 126/2024/NĐ-CP2 ngày 08/10/2024",
                &["1", "2"]
            ),
            [
                (s("66-NQ/TW"), s("1"), None),
                (s("126/2024/NĐ-CP"), s("2"), s("2024-10-08"))
            ]
        );
        assert_eq!(
            read("Chương trình số 12-CTr/BCĐ3 của Ban Chỉ đạo", &["3"]),
            [(s("12-CTr/BCĐ"), s("3"), None)]
        );
    }

    #[test]
    fn the_drafters_initials_after_a_symbol_come_before_the_date() {
        assert_eq!(
            read(
                "thay thế Công văn số 2587-CV/VPTW/nb, ngày 25/5/2010 của Văn phòng",
                &[]
            ),
            [(s("2587-CV/VPTW"), None, s("2010-05-25"))]
        );
        // Not initials: a longer word stays out of the number, though the date after it is
        // still the citation's (an odd symbol's tail, [`odd_tail`]).
        assert_eq!(
            read("Công văn số 12/UBND-VX/tinh ngày 2/3/2024", &[]),
            [(s("12/UBND-VX"), None, s("2024-03-02"))]
        );
    }

    #[test]
    fn dotted_numbers_after_kind_words() {
        assert_eq!(
            read(
                "theo Nghị quyết số 66.4/2025/NQ-CP ngày 15/9/2025 và Thông báo số 26.06/GĐN-MB",
                &[]
            ),
            [
                (s("66.4/2025/NQ-CP"), None, s("2025-09-15")),
                (s("26.06/GĐN-MB"), None, None)
            ]
        );
        // Without kind words a dotted number is a count or a ratio.
        assert_eq!(read("đạt 9.037/17.454 hồ sơ, 12.5/QĐ-UBND", &[]), []);
    }

    #[test]
    fn digits_that_belong_to_the_code_stay() {
        // Not a marker of this document, a term number, a group of one letter.
        assert_eq!(
            read("Nghị quyết số 66-NQ/TW1", &["2"]),
            [(s("66-NQ/TW1"), None, None)]
        );
        assert_eq!(
            read(
                "Luật số 80/2015/QH13 và Nghị quyết số 119/2026/UBTVQH15",
                &["13", "15"]
            ),
            [
                (s("80/2015/QH13"), None, None),
                (s("119/2026/UBTVQH15"), None, None)
            ]
        );
        assert_eq!(
            read("Công văn số 3980/C04-P6 ngày 28/8/2025", &["6"]),
            [(s("3980/C04-P6"), None, s("2025-08-28"))]
        );
    }
}
