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
//! number   ::= state | party
//! state    ::= digits "/" [yyyy "/"] group *("-" group)   91/QĐ-SLĐTBXH, 34/2016/NĐ-CP, 83/2015/QH13
//! party    ::= digits "-" type "/" group *("-" group)     25-NQ/TW, 177-Ctr/TU
//! date     ::= "ngày" (d "/" m "/" yyyy | d "-" m "-" yyyy | d "tháng" m "năm" yyyy)
//! named    ::= named-kind name ["năm" yyyy | date] ["của" issuer]
//! ```
//!
//! A state symbol whose first group is a type code (`QĐ`) is split into `type_code` and
//! `issuer_code` (`UBND-TL`); otherwise (a công văn, a law) all of it is the `issuer_code`.
//! Text extracted from PDF loses hyphens (`3027/QĐUBND`, `63/2010/NĐCP`); such a group is split
//! after a known type code.
//!
//! ## How
//!
//! A memchr pass jumps from `/` to `/` (every number holds one) and keeps the places where
//! digits, or a Party type, dash and digits, stand before and a capital (or a year) after; only
//! there is the number grammar read (by hand, `number::match_len`), so the scan is linear and
//! a text without `/` costs one memchr pass. For each number, a bounded look-behind finds the kind words (`thông báo kết
//! luận`, longest match, in one walk back through a trie of the kinds) and `số`, and a bounded
//! look-ahead reads the date and the issuer after `của`. One pass of `aho_corasick`'s packed
//! (SIMD) searcher finds the capitalized kind words of named references outside the numbered
//! ones. Every literal of the domain (kind words, codes, stop words) lives in
//! [`crate::tables`]; the lookups built from them (the kinds' trie, stop words by first byte)
//! are built once.
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
//! `docs/FORMAT.md` §2–§5.

mod number;

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::model::{Citation, NumberSystem};
use crate::tables::{
    AND_WORD, DAY_WORD, DOC_TYPES, EXTRA_KIND_WORDS, ISSUER_CODES, ISSUER_NAME_STOPS, ISSUER_WORD,
    MONTH_WORD, NAME_COMMA_PHRASES, NAME_STOP_WORDS, NAMED_KINDS, NUMBER_WORD, PLURAL_WORDS,
    YEAR_WORD, canonical_type_code, doc_type_by_kind,
};
use crate::text::classes::{LETTER, UPPER, letter_bits};

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
pub fn find_citations(text: &str) -> Vec<Found> {
    let numbered = find_numbered(text);
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

/// How far back from a number the kind words are looked for, in bytes.
const LOOK_BEHIND: usize = 96;
/// How far after a number the date and `của` are looked for, in bytes.
const LOOK_AHEAD: usize = 64;
/// How long an issuer or a name may be, in bytes.
const NAME_BYTES: usize = 200;
/// How many words an issuer or a name may have.
const MAX_NAME_WORDS: usize = 12;

/// Capitalized kind words that may start a named reference (`Luật `, `Nghị quyết `), each with
/// its space: the leftmost match, the first word in table order where several start there, as
/// the regex `(?:Bộ luật|Luật|…) ` finds them (a test holds that regex as its oracle). Searched in
/// every text of a document, so with the packed (SIMD) searcher of `aho_corasick` where the CPU
/// has one: an automaton would only wrap it, at a cost per search of about a hundred
/// instructions.
enum NamedFinder {
    /// Teddy, with Rabin-Karp for the shortest texts.
    Packed(aho_corasick::packed::Searcher),
    /// Where there is no Teddy: a contiguous NFA, built in a fraction of a DFA's time.
    Automaton(AhoCorasick),
}

/// The search patterns of [`NamedFinder`]: each word of [`NAMED_KINDS`] with its space.
fn named_patterns() -> impl Iterator<Item = String> {
    NAMED_KINDS.iter().map(|(word, _, _)| format!("{word} "))
}

/// [`NamedFinder::Automaton`]'s automaton.
fn named_automaton() -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(named_patterns())
        .expect("the named kinds build an automaton")
}

/// The searcher of named kind words, built once.
static NAMED_FINDER: LazyLock<NamedFinder> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(named_patterns())
        .build()
        .map_or_else(
            || NamedFinder::Automaton(named_automaton()),
            NamedFinder::Packed,
        )
});

impl NamedFinder {
    /// The first match in `text` at or after `from` (at most `text.len()`): its start, its end,
    /// and the index of its word in [`NAMED_KINDS`].
    fn find_from(&self, text: &str, from: usize) -> Option<(usize, usize, usize)> {
        let m = match self {
            NamedFinder::Packed(searcher) => {
                let span = aho_corasick::Span::from(from..text.len());
                searcher.find_in(text, span)?
            }
            NamedFinder::Automaton(automaton) => {
                automaton.find(aho_corasick::Input::new(text).span(from..text.len()))?
            }
        };
        Some((m.start(), m.end(), m.pattern().as_usize()))
    }
}

/// A number found in the first pass, before its date and issuer are read.
struct Numbered<'t> {
    /// Start of the citation: its kind words, or the number.
    start: usize,
    /// End of the number and symbol.
    end: usize,
    kind: Option<&'static str>,
    number: &'t str,
    year: Option<u32>,
    type_code: Option<String>,
    issuer_code: Option<String>,
    system: NumberSystem,
}

/// Finds the numbered references of `text`.
///
/// This is the leftmost-first, non-overlapping scan of the unanchored number grammar over the
/// whole text, done cheaply: the grammar is only read, anchored, where [`number_starts`] says a
/// match can start, and the scan goes on after each match as a regex iterator would, whether
/// [`read_number`] keeps the number or not.
fn find_numbered(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // The last number kept: its look-ahead ends where the next one starts, so it is finished
    // when the next is read (or at the end), without a list of numbers to walk again.
    let mut pending: Option<Numbered> = None;
    let mut resume = 0;
    let mut starts = number_starts(text);
    while let Some(at) = starts.next_from(resume) {
        let Some(len) = number::match_len(&text[at..]) else {
            continue;
        };
        let floor = pending.as_ref().map_or(0, |n| n.end);
        resume = at + len;
        if let Some(n) = read_number(text, at, resume, floor) {
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

/// The citation of number `n`, with the date and the issuer after it, read up to `limit` (where
/// the next number starts).
fn finish_number(text: &str, n: Numbered<'_>, limit: usize) -> Found {
    let mut end = n.end;
    let ahead = &text[n.end..floor_boundary(text, limit.min(n.end + LOOK_AHEAD))];
    let mut date = None;
    if let Some((len, iso)) = cited_date(ahead) {
        end += len;
        date = iso;
    }
    let mut issuer_name = None;
    if let Some((name_end, name)) = issuer_after(text, end, limit) {
        end = name_end;
        issuer_name = Some(name);
    }
    let id = canonical_id(&n);
    Found {
        start: n.start,
        end,
        citation: Citation {
            text: text[n.start..end].to_string(),
            kind: n.kind.map(str::to_string),
            number: Some(n.number.to_string()),
            year: n.year,
            type_code: n.type_code,
            issuer_code: n.issuer_code,
            system: n.system,
            date,
            issuer_name,
            name: None,
            id: Some(id),
            line: 0,
        },
    }
}

/// Where the number pattern can start, found from the `/` that every number holds.
///
/// The first `/` of a match of the [`number`] grammar follows its digits (a state number:
/// digits `\x20?/`) or its Party type (digits `\x20?[-–]\x20?` type `\x20?/`, the type a run of
/// letters starting upper-case); after it stands a capital or, in a state number, a year and
/// another `/`. So the scan jumps (memchr) from `/` to `/`, looks back over the digits, or the
/// type, the dash and the digits, before each, and checks the char after it; the grammar is
/// read only where all of that holds. A text without `/` costs one memchr pass, and the dashes
/// of a text (`kinh tế - xã hội`) cost nothing. Dates (`26/5/2020`) and counts (`60/145`) stop
/// at the char check.
struct NumberStarts<'t> {
    text: &'t str,
    /// Where the search for the next `/` goes on.
    pos: usize,
}

/// The number candidates of `text`, for [`NumberStarts::next_from`].
fn number_starts(text: &str) -> NumberStarts<'_> {
    NumberStarts { text, pos: 0 }
}

impl NumberStarts<'_> {
    /// The next place, at or after `from` and after the `/` already passed, where
    /// [`number::match_len`] may match; where an unanchored search from `from` would start its
    /// match.
    ///
    /// Within a digit run that ends where a number's digits must end, only the start that
    /// leaves at most [`number::MAX_DIGITS`] digits can match (the pattern is the same after
    /// the digits), so each `/` yields at most one start. A start lies after the `/` before its
    /// own (a type holds no `/`), so the starts come in increasing order.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        self.pos = self.pos.max(from);
        while let Some(found) = memchr::memchr(b'/', bytes.get(self.pos..)?) {
            let slash = self.pos + found;
            self.pos = slash + 1;
            let before = strip_space_before(bytes, slash);
            let state = before > 0 && bytes[before - 1].is_ascii_digit();
            let digits_end = if state {
                Some(before)
            } else {
                self.party_digits_end(before)
            };
            let Some(digits_end) = digits_end else {
                continue;
            };
            let mut start = digits_end;
            while start > 0
                && digits_end - start < number::MAX_DIGITS
                && bytes[start - 1].is_ascii_digit()
            {
                start -= 1;
            }
            let start = start.max(from);
            if start < digits_end && self.symbol_may_follow(state) {
                return Some(start);
            }
        }
        None
    }

    /// Where the digits of a Party number whose type ends at `type_end` end: before the type (a
    /// run of letters, the first upper-case) stand `\x20?[-–]\x20?`. `None` when they do not.
    fn party_digits_end(&self, type_end: usize) -> Option<usize> {
        let mut type_start = type_end;
        let mut first = 0;
        while let Some(c) = prev_char(self.text, type_start) {
            let bits = letter_bits(c);
            if bits & LETTER == 0 {
                break;
            }
            type_start -= c.len_utf8();
            first = bits;
        }
        if first & UPPER == 0 {
            return None;
        }
        let head = &self.text[..strip_space_before(self.text.as_bytes(), type_start)];
        let dash = head.strip_suffix(['-', '–'])?;
        Some(strip_space_before(dash.as_bytes(), dash.len()))
    }

    /// True when what follows the `/` that ends at `self.pos` (after one optional space) may go
    /// on as a number: a capital (any non-ASCII char is left to the grammar) or, in a `state`
    /// number, four digits and another `/`.
    fn symbol_may_follow(&self, state: bool) -> bool {
        let rest = &self.text.as_bytes()[self.pos..];
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        match rest.first() {
            Some(b) if !b.is_ascii() || b.is_ascii_uppercase() => true,
            Some(b) if state && b.is_ascii_digit() => {
                let year = rest
                    .get(..4)
                    .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
                let after = rest.get(4..).unwrap_or_default();
                let after = after.strip_prefix(b" ").unwrap_or(after);
                year && after.first() == Some(&b'/')
            }
            _ => false,
        }
    }
}

/// `at`, or `at - 1` when a space stands before it: where `\x20?` before `at` starts.
fn strip_space_before(bytes: &[u8], at: usize) -> usize {
    if at > 0 && bytes.get(at - 1) == Some(&b' ') {
        at - 1
    } else {
        at
    }
}

/// The parts of a number match, named as the groups of the [`number`] grammar.
struct NumberParts<'t> {
    /// The digits.
    num: &'t str,
    /// A Party number's type and issuer (`NQ`, `TW`).
    party: Option<(&'t str, &'t str)>,
    /// A state number's year group.
    year: Option<&'t str>,
    /// A state number's symbol (empty for a Party number).
    symbol: &'t str,
    /// True when a separator (`psep`, `pslash`, `sslash`, `yslash`) holds a space.
    spaced: bool,
}

/// Splits a whole match of the [`number`] grammar into its groups. The matcher only finds where
/// the match ends: its groups are then fixed by the shape of the match,
/// since a type, a symbol and an issuer start with a capital, a year with a digit, and a type
/// holds neither a space nor a `/`. `None` only if `m` is no match of the pattern.
fn number_parts<'t>(m: &'t str) -> Option<NumberParts<'t>> {
    let spaced = Cell::new(false);
    let space = |s: &'t str| -> &'t str {
        s.strip_prefix(' ')
            .inspect(|_| spaced.set(true))
            .unwrap_or(s)
    };
    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
    let (num, rest) = m.split_at(digits);
    let rest = space(rest);
    let mut parts = NumberParts {
        num,
        party: None,
        year: None,
        symbol: "",
        spaced: false,
    };
    if let Some(rest) = rest.strip_prefix(['-', '–']) {
        let rest = space(rest);
        let (ptype, rest) = rest.split_at(rest.bytes().position(|b| b == b' ' || b == b'/')?);
        let issuer = space(space(rest).strip_prefix('/')?);
        parts.party = Some((ptype, issuer));
    } else {
        let mut rest = space(rest.strip_prefix('/')?);
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let (year, after) = rest.split_at_checked(4)?;
            parts.year = Some(year);
            rest = space(space(after).strip_prefix('/')?);
        }
        parts.symbol = rest;
    }
    parts.spaced = spaced.get();
    Some(parts)
}

/// Reads one match of [`number::match_len`], `text[num_start..end]`, as a number, or rejects it
/// (a count, a fraction, a number glued to a word, an ambiguous number without kind words).
/// `floor` is where the previous number ended.
fn read_number(text: &str, num_start: usize, end: usize, floor: usize) -> Option<Numbered<'_>> {
    // The number must stand alone: `x12/…`, `1.5/…`, `…/12/…` or `COVID-19/…` are not numbers.
    if prev_char(text, num_start).is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '/' | '-' | '–' | '.' | ',' | '_' | '&')
    }) {
        return None;
    }
    let parts = number_parts(&text[num_start..end])?;
    let behind = kind_before(text, num_start, floor);
    let introduced = behind.kind.is_some() || behind.has_number_word;
    if parts.spaced && !introduced {
        return None;
    }
    let (year, type_code, issuer_code, system) = if let Some((ptype, pissuer)) = parts.party {
        let known = canonical_type_code(ptype);
        if known.is_none() && !introduced {
            return None;
        }
        let type_code = known.map_or_else(|| ptype.to_string(), str::to_string);
        let issuer = if pissuer.as_bytes().contains(&DASH_LEAD) {
            pissuer.replace('–', "-")
        } else {
            pissuer.to_string()
        };
        (None, Some(type_code), Some(issuer), NumberSystem::Party)
    } else {
        let year = parts.year.and_then(|y| y.parse().ok());
        let (type_code, issuer_code) = split_symbol(parts.symbol, behind.kind);
        let unambiguous = year.is_some() || (type_code.is_some() && issuer_code.is_some());
        if !introduced && !unambiguous {
            return None;
        }
        (year, type_code, issuer_code, NumberSystem::State)
    };
    Some(Numbered {
        start: behind.start.unwrap_or(num_start),
        end,
        kind: behind.kind,
        number: parts.num,
        year,
        type_code,
        issuer_code,
        system,
    })
}

/// What stands before a number.
struct Behind {
    /// Kind, from the table.
    kind: Option<&'static str>,
    /// Where the kind words start.
    start: Option<usize>,
    /// True when `số` stands right before the number.
    has_number_word: bool,
}

/// Lower-case words in a trie read from their last char back: [`WordTrie::longest_at_end`]
/// walks it once from the end of a text, so every word that could end there is tried at the
/// same time, each char of the text read once. Where two words are the same, the first keeps
/// the node.
struct WordTrie {
    nodes: Vec<TrieNode>,
}

/// One node of a [`WordTrie`]: the word that ends here, if any, and the next chars back.
#[derive(Default)]
struct TrieNode {
    /// The word whose chars, read back from its end, lead here.
    word: Option<&'static str>,
    /// The next char back (a space stands for a run of whitespace) and its node.
    back: Vec<(char, usize)>,
}

impl WordTrie {
    fn new(words: impl Iterator<Item = &'static str>) -> WordTrie {
        let mut nodes = vec![TrieNode::default()];
        for word in words {
            let mut node = 0;
            for c in word.chars().rev() {
                node = match nodes[node].back.iter().find(|(k, _)| *k == c) {
                    Some(&(_, next)) => next,
                    None => {
                        nodes.push(TrieNode::default());
                        let next = nodes.len() - 1;
                        nodes[node].back.push((c, next));
                        next
                    }
                };
            }
            nodes[node].word.get_or_insert(word);
        }
        WordTrie { nodes }
    }

    /// The longest word of the trie that `before` ends with as whole words, ignoring case and
    /// letting any run of whitespace match a space, as [`ends_with_word_ci`] matches each, with
    /// the byte where it starts.
    fn longest_at_end(&self, before: &str) -> Option<(&'static str, usize)> {
        let mut node = self.nodes.first()?;
        let table = &*LOWER_TABLE;
        let mut end = before.len();
        let mut found = None;
        while let Some(c) = prev_char(before, end) {
            let key = if c.is_whitespace() {
                while let Some(w) = prev_char(before, end).filter(|w| w.is_whitespace()) {
                    end -= w.len_utf8();
                }
                ' '
            } else {
                end -= c.len_utf8();
                fold_in(table, c)
            };
            let Some(&(_, next)) = node.back.iter().find(|(k, _)| *k == key) else {
                break;
            };
            node = self.nodes.get(next)?;
            if let Some(word) = node.word
                && !prev_char(before, end).is_some_and(char::is_alphanumeric)
            {
                found = Some((word, end));
            }
        }
        found
    }
}

/// The kind words of [`DOC_TYPES`] then [`EXTRA_KIND_WORDS`]: the kind words before a number
/// are the longest of them (the first in table order if two were the same words).
static KIND_TRIE: LazyLock<WordTrie> = LazyLock::new(|| {
    WordTrie::new(
        DOC_TYPES
            .iter()
            .map(|t| t.kind)
            .chain(EXTRA_KIND_WORDS.iter().copied()),
    )
});

/// [`PLURAL_WORDS`], which may stand before a named kind.
static PLURAL_TRIE: LazyLock<WordTrie> =
    LazyLock::new(|| WordTrie::new(PLURAL_WORDS.iter().copied()));

/// A reverse searcher for each word of [`NAMED_KINDS`], built once, with the word and its kind.
static NAMED_KIND_FINDERS: LazyLock<Vec<(memchr::memmem::FinderRev<'static>, &str, &str)>> =
    LazyLock::new(|| {
        NAMED_KINDS
            .iter()
            .map(|&(word, kind, _)| (memchr::memmem::FinderRev::new(word), word, kind))
            .collect()
    });

/// The lower case of `c` when it is one char (`None` when it is several), the way [`same_ci`]
/// compares chars. Vietnamese letters are answered from [`LOWER_TABLE`].
fn single_lower(c: char) -> Option<char> {
    lower_in(&LOWER_TABLE, c)
}

/// [`single_lower`] with [`LOWER_TABLE`] already at hand (a loop takes it once, not once per
/// char).
#[inline]
fn lower_in(table: &[Option<char>], c: char) -> Option<char> {
    let code = c as usize;
    let index = if code < LOWER_TABLE_SPLIT {
        Some(code)
    } else {
        code.checked_sub(LOWER_TABLE_EXTENDED.start)
            .filter(|&i| i < LOWER_TABLE_EXTENDED.len())
            .map(|i| LOWER_TABLE_SPLIT + i)
    };
    match index.and_then(|i| table.get(i)) {
        Some(&lower) => lower,
        None => lower_by_unicode(c),
    }
}

/// `c` folded as the look-behind folds it: its [`single_lower`], or itself when that is not
/// one char.
#[inline]
fn fold_in(table: &[Option<char>], c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        lower_in(table, c).unwrap_or(c)
    }
}

/// The one-char lower case of `c` from the Unicode tables of `std`, or `None`.
fn lower_by_unicode(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Chars below this code point are in [`LOWER_TABLE`] (ASCII, Latin-1 and Latin Extended-A and
/// -B: `đ`, `ơ`, `ư`, …).
const LOWER_TABLE_SPLIT: usize = 0x250;
/// Latin Extended Additional (`ạ`, `ế`, `ị`, …): the rest of the Vietnamese letters.
const LOWER_TABLE_EXTENDED: std::ops::Range<usize> = 0x1E00..0x1F00;

/// [`lower_by_unicode`] of every char where Vietnamese letters are, computed once: comparing
/// text with lower-case words ignoring case is the inner loop of the look-behind, and a lookup
/// costs less than the binary search of `char::to_lowercase`.
static LOWER_TABLE: LazyLock<Vec<Option<char>>> = LazyLock::new(|| {
    (0..LOWER_TABLE_SPLIT)
        .chain(LOWER_TABLE_EXTENDED)
        .map(|code| {
            u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .and_then(lower_by_unicode)
        })
        .collect()
});

/// Looks back from `num_start` (not before `floor`, at most [`LOOK_BEHIND`] bytes) for
/// `[kind [name]] [số [:]]`.
fn kind_before(text: &str, num_start: usize, floor: usize) -> Behind {
    let from = ceil_boundary(text, num_start.saturating_sub(LOOK_BEHIND).max(floor));
    let window = &text[from..num_start];
    let mut before = window.trim_end();
    if let Some(rest) = before.strip_suffix(':') {
        before = rest.trim_end();
    }
    let mut has_number_word = false;
    if let Some(at) = ends_with_own_word_ci(before, NUMBER_WORD) {
        has_number_word = true;
        before = before[..at].trim_end();
    }
    // The kind words right before: the longest that matches, as a whole word (the first in
    // table order if two were as long).
    let adjacent = KIND_TRIE.longest_at_end(before);
    // A lower-case `luật` may end a name (`Luật Ban hành văn bản quy phạm pháp luật số …`):
    // then the capitalized kind further back wins.
    let common_word = adjacent.is_some_and(|(kind, at)| {
        NAMED_KINDS.iter().any(|(_, k, _)| *k == kind)
            && before[at..].chars().next().is_some_and(char::is_lowercase)
    });
    if let Some((kind, at)) = adjacent.filter(|_| !common_word) {
        return Behind {
            kind: Some(kind),
            start: Some(from + at),
            has_number_word,
        };
    }
    // A law or resolution cited with its name before the number: `Luật Ngân sách nhà nước số …`.
    let named = NAMED_KIND_FINDERS
        .iter()
        .filter_map(|(finder, word, kind)| {
            let mut end = before.len();
            while let Some(at) = finder.rfind(&before.as_bytes()[..end]) {
                if !prev_char(before, at).is_some_and(char::is_alphanumeric) {
                    return Some((*kind, at, at + word.len()));
                }
                end = at;
            }
            None
        })
        .max_by_key(|&(_, at, _)| at);
    if let Some((kind, at, word_end)) = named {
        let gap_start = from + word_end;
        let gap_end = from + before.len();
        let capitalized = text[gap_start..gap_end]
            .strip_prefix(' ')
            .and_then(|g| g.chars().next())
            .is_some_and(char::is_uppercase);
        if capitalized && scan_name(text, gap_start, gap_end, true, false).end == gap_end {
            return Behind {
                kind: Some(kind),
                start: Some(from + at),
                has_number_word,
            };
        }
    }
    Behind {
        kind: adjacent.map(|(kind, _)| kind),
        start: adjacent.map(|(_, at)| from + at),
        has_number_word,
    }
}

/// The first byte of `–`, which a symbol holds only where it holds the en dash (or another
/// char of U+2000 to U+2FFF).
const DASH_LEAD: u8 = "–".as_bytes()[0];

/// Splits a state symbol into type code and issuer code. The kind words decide when the symbol
/// can have no type code (`Công văn số 1234/CT-TTHT`: `CT` is the issuer, not Chỉ thị).
fn split_symbol(symbol: &str, kind: Option<&str>) -> (Option<String>, Option<String>) {
    // Most symbols have no en dash and no space to drop: they are not copied. (A space in a
    // symbol always follows a dash, so testing for the chars is enough.)
    let symbol: Cow<'_, str> =
        if symbol.bytes().any(|b| b == b' ' || b == DASH_LEAD) && symbol.contains(['–', ' ']) {
            Cow::Owned(symbol.replace('–', "-").replace("- ", "-"))
        } else {
            Cow::Borrowed(symbol)
        };
    let kind_type = kind.and_then(doc_type_by_kind);
    let codeless = kind_type.is_some_and(|t| t.code.is_none());
    if codeless {
        return (None, Some(symbol.into_owned()));
    }
    // A byte search: the symbol is short, and `-` is one byte.
    let (first, rest) = match symbol.bytes().position(|b| b == b'-') {
        Some(at) => (&symbol[..at], symbol.get(at + 1..)),
        None => (&*symbol, None),
    };
    if let Some(code) = canonical_type_code(first) {
        return (Some(code.to_string()), rest.map(str::to_string));
    }
    if rest.is_none()
        && let Some((code, issuer)) = split_glued(first, kind_type.and_then(|t| t.code))
    {
        return (Some(code.to_string()), Some(issuer.to_string()));
    }
    (None, Some(symbol.into_owned()))
}

/// Splits a group whose hyphen was lost (`QĐUBND` → `QĐ`, `UBND`): a type code of at least two
/// letters, then an issuer of at least two letters starting upper-case. The group must not be
/// a known issuer (`HĐND`), and when kind words stand before, the code must be theirs.
fn split_glued<'g>(group: &'g str, kind_code: Option<&str>) -> Option<(&'static str, &'g str)> {
    let bare = group.trim_end_matches(|c: char| c.is_ascii_digit());
    if ISSUER_CODES.contains(&bare) {
        return None;
    }
    DOC_TYPES
        .iter()
        .flat_map(|t| t.code.into_iter().chain(t.other_codes.iter().copied()))
        .filter(|code| code.chars().count() >= 2)
        .filter_map(|code| {
            let issuer = group.strip_prefix(code)?;
            let mut chars = issuer.chars();
            let starts_upper = chars.next().is_some_and(char::is_uppercase);
            (starts_upper && chars.next().is_some()).then_some((code, issuer))
        })
        .max_by_key(|(code, _)| code.len())
        .and_then(|(code, issuer)| Some((canonical_type_code(code)?, issuer)))
        .filter(|(code, _)| kind_code.is_none_or(|k| k == *code))
}

/// The canonical id: `number/[year/]TYPE-ISSUER`, `number/SYMBOL` or `number-TYPE/ISSUER`.
fn canonical_id(n: &Numbered) -> String {
    let mut id = String::with_capacity(32);
    id.push_str(n.number);
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

/// Parses a date right after a number: `[,] ngày 26/5/2020`, `ngày 17-6-2022`,
/// `ngày 05 tháng 3 năm 2020`. Returns the bytes consumed and the ISO date, or `None` for the
/// date when no such day exists (`31/02/2021`).
///
/// The grammar is small and fixed, and most inputs fail on their first word (a number is
/// followed by `của`, `về`, a comma…), so it is read with byte steps ([`blanks`],
/// [`word_ci`], [`digits`]) rather than with parser combinators: this runs once per number.
fn cited_date(input: &str) -> Option<(usize, Option<String>)> {
    let bytes = input.as_bytes();
    let mut at = blanks(bytes, 0);
    if bytes.get(at) == Some(&b',') {
        at = blanks(bytes, at + 1);
    }
    at += word_ci(&input[at..], DAY_WORD)?;
    at = blanks1(bytes, at)?;
    let (len, (day, month, year)) = date_body(&input[at..])?;
    Some((at + len, iso_date(year, month, day)))
}

/// `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy` or `d tháng m năm yyyy` at the start of `input`, as its
/// length and (day, month, year). The separators of the numeric form may differ (`5/3-2020`).
fn date_body(input: &str) -> Option<(usize, (u32, u32, u32))> {
    let bytes = input.as_bytes();
    let (at, day) = digits(bytes, 0, 1, 2)?;
    let separator = |at: usize| matches!(bytes.get(at), Some(b'/' | b'-' | b'.')).then_some(at + 1);
    let numeric = || {
        let (at, month) = digits(bytes, separator(at)?, 1, 2)?;
        let (at, year) = digits(bytes, separator(at)?, 4, 4)?;
        Some((at, (day, month, year)))
    };
    let long = || {
        let at = blanks1(bytes, at)?;
        let at = blanks1(bytes, at + word_ci(&input[at..], MONTH_WORD)?)?;
        let (at, month) = digits(bytes, at, 1, 2)?;
        let at = blanks1(bytes, at)?;
        let at = blanks1(bytes, at + word_ci(&input[at..], YEAR_WORD)?)?;
        let (at, year) = digits(bytes, at, 4, 4)?;
        Some((at, (day, month, year)))
    };
    numeric().or_else(long)
}

/// If `input` starts with the lower-case `word` ignoring case, its length in bytes. The word
/// written as in the table (`ngày`) is the common case and needs no char-by-char comparison.
/// Matches what `nom`'s `tag_no_case` matched: a char matches a char of the word when it lower-cases
/// to it, and such chars have the word's char's length (`same_width_cases` checks it).
fn word_ci(input: &str, word: &str) -> Option<usize> {
    if has_prefix(input.as_bytes(), word.as_bytes()) {
        return Some(word.len());
    }
    starts_with_ci(input, word)
}

/// Where the run of spaces and tabs that starts at `at` ends.
fn blanks(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

/// Like [`blanks`], but the run must not be empty.
fn blanks1(bytes: &[u8], at: usize) -> Option<usize> {
    let end = blanks(bytes, at);
    (end > at).then_some(end)
}

/// Between `min` and `max` ASCII digits at `at`, not followed by another digit: where they end
/// and their value.
fn digits(bytes: &[u8], at: usize, min: usize, max: usize) -> Option<(usize, u32)> {
    let mut end = at;
    let mut value = 0;
    while end - at < max
        && let Some(&d) = bytes.get(end).filter(|d| d.is_ascii_digit())
    {
        value = value * 10 + u32::from(d - b'0');
        end += 1;
    }
    let next_is_digit = bytes.get(end).is_some_and(u8::is_ascii_digit);
    (end - at >= min && !next_is_digit).then_some((end, value))
}

/// `YYYY-MM-DD` when the day exists.
fn iso_date(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then(|| {
        let mut iso = String::with_capacity(10);
        push_digits(&mut iso, year, 4);
        iso.push('-');
        push_digits(&mut iso, month, 2);
        iso.push('-');
        push_digits(&mut iso, day, 2);
        iso
    })
}

/// Appends `n` zero-padded to `width` digits, as [`super::push_decimal`] does. Years, months
/// and days fit their width (the grammar reads four digits for a year), and then the digits are
/// written in place, with no buffer to copy: a date and an id are built per citation.
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

/// Reads ` của <Name>` at `at`: the name starts upper-case and runs to the first of
/// [`ISSUER_NAME_STOPS`], `limit`, or [`MAX_NAME_WORDS`] words. Returns its end and the name.
fn issuer_after(text: &str, at: usize, limit: usize) -> Option<(usize, String)> {
    let bytes = &text.as_bytes()[..limit];
    let of = blanks(bytes, at);
    if !has_prefix(&bytes[of..], ISSUER_WORD.as_bytes()) {
        return None;
    }
    let start = blanks1(bytes, of + ISSUER_WORD.len())?;
    let rest = &text[start..limit];
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let window = &text[start..floor_boundary(text, limit.min(start + NAME_BYTES))];
    let (len, capped) = issuer_extent(window);
    let mut name = trim_name(&window[..len]);
    // A name cut by the word limit does not end on a dangling lower-case word (`… Đảng khóa`).
    while capped && let Some((head, last)) = name.rsplit_once(' ') {
        if !last.chars().next().is_some_and(char::is_lowercase) {
            break;
        }
        name = trim_name(head);
    }
    (!name.is_empty()).then(|| (start + name.len(), name.to_string()))
}

/// How long an issuer name at the start of `window` may be: up to the first of
/// [`ISSUER_NAME_STOPS`], or up to the space after its [`MAX_NAME_WORDS`]-th word (then the
/// name is `capped`). One pass over the chars finds both: most chars are letters, which start
/// no stop and end no word, and cost one table lookup (which also gives their width, so a
/// Vietnamese letter is passed whole).
fn issuer_extent(window: &str) -> (usize, bool) {
    let bytes = window.as_bytes();
    let index = &*ISSUER_STOP_INDEX;
    let mut words = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let step = index.step[usize::from(b)];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        if index.single[usize::from(b)] || stop_pair_at(index, bytes.get(i..).unwrap_or_default()) {
            return (i, false);
        }
        // The first space after each word: a space not preceded by a space.
        if b == b' ' && (i == 0 || bytes.get(i - 1) != Some(&b' ')) {
            words += 1;
            if words == MAX_NAME_WORDS {
                return (i, true);
            }
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// True when one of the stops of two bytes or more starts `rest`.
fn stop_pair_at(index: &StopIndex, rest: &[u8]) -> bool {
    let (Some(&first), Some(&second)) = (rest.first(), rest.get(1)) else {
        return false;
    };
    index.by_pair[usize::from(first)]
        .as_ref()
        .is_some_and(|by_second| {
            by_second[usize::from(second)]
                .iter()
                .any(|stop| stop.starts(rest))
        })
}

/// A stop of [`StopIndex::by_pair`], with its first eight bytes (or fewer) read as one word:
/// a stop is found, or ruled out, with one comparison of the text's next eight bytes.
struct StopWord {
    /// The stop.
    bytes: &'static [u8],
    /// Its first bytes, at most eight, little-endian.
    head: u64,
    /// The bits of `head` that hold them.
    mask: u64,
}

impl StopWord {
    fn new(stop: &'static str) -> StopWord {
        let bytes = stop.as_bytes();
        let mut head = [0; 8];
        let mut mask = [0; 8];
        for (i, &b) in bytes.iter().take(8).enumerate() {
            head[i] = b;
            mask[i] = 0xFF;
        }
        StopWord {
            bytes,
            head: u64::from_le_bytes(head),
            mask: u64::from_le_bytes(mask),
        }
    }

    /// True when `rest` starts with the stop, as [`has_prefix`] answers.
    #[inline]
    fn starts(&self, rest: &[u8]) -> bool {
        match rest.first_chunk::<8>() {
            Some(&chunk) => {
                u64::from_le_bytes(chunk) & self.mask == self.head
                    && self
                        .bytes
                        .get(8..)
                        .is_none_or(|tail| has_prefix(rest.get(8..).unwrap_or_default(), tail))
            }
            None => has_prefix(rest, self.bytes),
        }
    }
}

/// [`ISSUER_NAME_STOPS`] indexed by their first two bytes, for [`issuer_extent`]: most
/// stops start with a space, and the byte after it rules out all but one or two of them.
struct StopIndex {
    /// 0 for the bytes that start a stop, and for the space, which ends a word; for the other
    /// bytes how far to step: the width of the char they start (1 for the others).
    step: [u8; 256],
    /// True for the bytes that are a stop of one byte (`,`, `;`, …).
    single: [bool; 256],
    /// For each first byte of a longer stop, the stops by their second byte.
    by_pair: Vec<Option<Vec<Vec<StopWord>>>>,
}

/// The width of the UTF-8 char whose first byte is `b`; 1 for a byte that starts none.
fn utf8_width(b: u8) -> u8 {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// The index of [`ISSUER_NAME_STOPS`], built once.
static ISSUER_STOP_INDEX: LazyLock<StopIndex> = LazyLock::new(|| {
    let mut index = StopIndex {
        step: std::array::from_fn(|b| utf8_width(b as u8)),
        single: [false; 256],
        by_pair: std::iter::repeat_with(|| None).take(256).collect(),
    };
    index.step[usize::from(b' ')] = 0;
    for stop in ISSUER_NAME_STOPS {
        if let Some(&first) = stop.as_bytes().first() {
            index.step[usize::from(first)] = 0;
        }
        match *stop.as_bytes() {
            [] => {}
            [only] => index.single[usize::from(only)] = true,
            [first, second, ..] => {
                index.by_pair[usize::from(first)]
                    .get_or_insert_with(|| std::iter::repeat_with(Vec::new).take(256).collect())
                    [usize::from(second)]
                .push(StopWord::new(stop));
            }
        }
    }
    index
});

/// `words` grouped by their first byte (an index of 256 lists), each list in table order: only
/// the words of one list can start where that byte stands.
fn by_first_byte(words: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut by_byte = vec![Vec::new(); 256];
    for word in words {
        if let Some(&first) = word.as_bytes().first() {
            by_byte[usize::from(first)].push(*word);
        }
    }
    by_byte
}

/// True when `hay` starts with `prefix`. Compares byte by byte: the words are short and most
/// differ in their first bytes, where a call to `memcmp` would cost more than the comparison.
fn has_prefix(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay.iter().zip(prefix).all(|(a, b)| a == b)
}

/// Drops trailing spaces, dashes and a dangling `và` from a name.
fn trim_name(name: &str) -> &str {
    // Most names end on a letter (`Tỉnh`, `Chính phủ`): nothing to drop when the last char is
    // no space, dash or comma and cannot end [`AND_WORD`].
    let plain_end = |c: char| {
        !c.is_whitespace()
            && !matches!(c, '-' | '–' | ',')
            && !AND_WORD.chars().next_back().is_some_and(|a| same_ci(c, a))
    };
    if name.chars().next_back().is_some_and(plain_end) {
        return name;
    }
    let mut name = name.trim_end();
    loop {
        let trimmed = name.trim_end_matches(['-', '–', ',']).trim_end();
        let trimmed = match ends_with_word_ci(trimmed, AND_WORD) {
            Some(at) if at > 0 => trimmed[..at].trim_end(),
            _ => trimmed,
        };
        if trimmed.len() == name.len() {
            return name;
        }
        name = trimmed;
    }
}

/// Finds the references by name (`Luật PCTN năm 2018`) outside the numbered ones.
fn find_named(text: &str, numbered: &[Found]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut next = 0;
    let finder = &*NAMED_FINDER;
    let mut from = 0;
    while let Some((start, end, word)) = finder.find_from(text, from) {
        from = end;
        while numbered.get(next).is_some_and(|n| n.end <= start) {
            next += 1;
        }
        let limit = match numbered.get(next) {
            Some(n) if n.start <= start => continue,
            Some(n) => n.start,
            None => text.len(),
        };
        if found.last().is_some_and(|f| f.end > start) {
            continue;
        }
        let Some(&(_, kind, alone)) = NAMED_KINDS.get(word) else {
            continue;
        };
        if let Some(f) = read_named(text, start, end - 1, limit, kind, alone) {
            found.push(f);
        }
    }
    found
}

/// Reads a named reference whose kind word spans `start..word_end`, not past `limit`: a `kind`
/// of [`NAMED_KINDS`], which with `alone` names a document without a name after it.
fn read_named(
    text: &str,
    start: usize,
    word_end: usize,
    limit: usize,
    kind: &'static str,
    alone: bool,
) -> Option<Found> {
    if prev_char(text, start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    // A name must follow, capitalized (`Luật PCTN`), unless the word alone names a document.
    let capitalized = next_char(text, word_end + 1).is_some_and(char::is_uppercase);
    if !capitalized && !alone {
        return None;
    }
    let before = text[..start].trim_end();
    let before = &before[floor_boundary(before, before.len().saturating_sub(LOOK_BEHIND))..];
    if PLURAL_TRIE.longest_at_end(before).is_some() {
        return None;
    }
    let limit = floor_boundary(text, limit.min(word_end + NAME_BYTES));
    let scanned = scan_name(text, word_end, limit, false, false);
    let name_end = start + trim_name(&text[start..scanned.end]).len();
    if name_end <= word_end && !alone {
        return None;
    }
    let mut end = name_end;
    let mut date = None;
    match scanned.stop {
        Stop::Date => {
            if let Some((len, iso)) = cited_date(&text[scanned.end..limit]) {
                end = scanned.end + len;
                date = iso;
            }
        }
        Stop::Of | Stop::Year | Stop::Number | Stop::Other => {}
    }
    let mut issuer_name = None;
    if scanned.stop == Stop::Of
        && let Some((issuer_end, name)) = issuer_after(text, scanned.end, limit)
    {
        end = issuer_end;
        issuer_name = Some(name);
    }
    Some(Found {
        start,
        end,
        citation: Citation {
            text: text[start..end].to_string(),
            kind: Some(kind.to_string()),
            number: None,
            year: None,
            type_code: None,
            issuer_code: None,
            system: NumberSystem::State,
            date,
            issuer_name,
            name: Some(text[start..name_end].to_string()),
            id: None,
            line: 0,
        },
    })
}

/// Why a name ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At ` ngày`, where a date may follow.
    Date,
    /// At ` của`, where an issuer may follow.
    Of,
    /// After ` năm YYYY`.
    Year,
    /// At ` số`, where a number may follow.
    Number,
    /// Anywhere else.
    Other,
}

/// Where a scanned name ends.
struct NameEnd {
    end: usize,
    stop: Stop,
}

/// Scans a name that starts at `from` (the space after its kind word), not past `limit`.
/// It ends at `;`, `.`, `:`, quotes, a comma not in [`NAME_COMMA_PHRASES`] nor before a one-word
/// list item, ` năm YYYY` (included), ` ngày`, a word of [`NAME_STOP_WORDS`], ` và` before
/// lower case or a kind, or after [`MAX_NAME_WORDS`] words. Inside a numbered reference
/// (`in_number`) ` của` belongs to the name (`Luật Phòng, chống tác hại của thuốc lá số …`).
/// `nested` is set when scanning ahead from a comma, which then does not look ahead again.
fn scan_name(text: &str, from: usize, limit: usize, in_number: bool, nested: bool) -> NameEnd {
    let stop = |end, stop| NameEnd { end, stop };
    let bytes = text.as_bytes();
    let mut pos = from;
    let mut words = 0;
    while pos < limit {
        // Most chars of a name are letters, which neither end it nor end a word: ASCII letters
        // and digits, two-byte chars (U+00C0 to U+07FF hold no stop and no space) and three-byte
        // chars after 0xE1 but U+1680 (Vietnamese letters) are passed without decoding. A char
        // that starts before `limit`, a char boundary, ends at or before it.
        match bytes.get(pos) {
            Some(b) if b.is_ascii_alphanumeric() => {
                pos += 1;
                continue;
            }
            Some(0xC3..=0xDF) => {
                pos += 2;
                continue;
            }
            Some(0xE1) if bytes.get(pos + 1) != Some(&0x9A) => {
                pos += 3;
                continue;
            }
            _ => {}
        }
        let rest = &text[pos..limit];
        let Some(c) = rest.chars().next() else { break };
        match c {
            ';' | '.' | ':' | '“' | '”' | '"' | ')' => return stop(pos, Stop::Other),
            '(' => match rest.find(')') {
                Some(close) if !rest[1..close].contains(['(', ';']) => pos += close + 1,
                _ => return stop(pos, Stop::Other),
            },
            ',' => {
                if comma_continues(text, pos, limit)
                    || !nested && ends_in_date(text, pos + 1, limit, in_number)
                {
                    pos += 1;
                } else {
                    return stop(pos, Stop::Other);
                }
            }
            c if c.is_whitespace() => {
                let after = rest.trim_start();
                let word_at = limit - after.len();
                if after.is_empty() {
                    return stop(pos, Stop::Other);
                }
                if let Some(len) = year_phrase(after) {
                    return stop(word_at + len, Stop::Year);
                }
                if starts_with_word(after, DAY_WORD) {
                    return stop(pos, Stop::Date);
                }
                let stop_word = NAME_STOPS_BY_BYTE[usize::from(after.as_bytes()[0])]
                    .iter()
                    .find(|w| starts_with_word(after, w));
                match stop_word {
                    Some(&NUMBER_WORD) => return stop(pos, Stop::Number),
                    Some(&word) if word != ISSUER_WORD => return stop(pos, Stop::Other),
                    Some(_) if !in_number => return stop(pos, Stop::Of),
                    _ => {}
                }
                if starts_with_word(after, AND_WORD) {
                    let next = after[AND_WORD.len()..].trim_start();
                    let lower = next.chars().next().is_some_and(char::is_lowercase);
                    if lower || NAMED_KINDS.iter().any(|(w, _, _)| next.starts_with(w)) {
                        return stop(pos, Stop::Other);
                    }
                }
                words += 1;
                if words > MAX_NAME_WORDS {
                    return stop(pos, Stop::Other);
                }
                pos = word_at;
            }
            c => pos += c.len_utf8(),
        }
    }
    stop(limit, Stop::Other)
}

/// True when the name after a comma (from `from`) runs into a date, a year or `số`, so the comma
/// was part of it (`Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012`).
fn ends_in_date(text: &str, from: usize, limit: usize, in_number: bool) -> bool {
    let end = scan_name(text, from, limit, in_number, true);
    matches!(end.stop, Stop::Date | Stop::Year | Stop::Number) || in_number && end.end == limit
}

/// True when the comma at `pos` stays inside a name: it is part of a phrase of
/// [`NAME_COMMA_PHRASES`] (`Phòng, chống`), or one lower-case word follows it before another
/// comma or the end (`rượu, bia,`).
fn comma_continues(text: &str, pos: usize, limit: usize) -> bool {
    let phrase = NAME_COMMA_PHRASES.iter().any(|p| {
        let comma = p.find(',').unwrap_or(0);
        pos.checked_sub(comma)
            .and_then(|at| text.get(at..limit))
            .is_some_and(|hay| starts_with_ci(hay, p).is_some())
    });
    if phrase {
        return true;
    }
    let after = text[pos + 1..].trim_start();
    let word_len = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let word = &after[..word_len];
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    lower
        && text.len() - after.len() + word_len <= limit
        && after[word_len..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';'))
}

/// [`NAME_STOP_WORDS`] grouped by their first byte: a word of a name is compared only with the
/// stop words that start with its first byte, in table order.
static NAME_STOPS_BY_BYTE: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| by_first_byte(NAME_STOP_WORDS));

/// Length of `năm YYYY` at the start of `s`, the year not followed by another digit.
fn year_phrase(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let at = blanks1(bytes, word_ci(s, YEAR_WORD)?)?;
    digits(bytes, at, 4, 4).map(|(end, _)| end)
}

/// True when `s` starts with the whole word (or words) `word`, case-sensitively.
fn starts_with_word(s: &str, word: &str) -> bool {
    has_prefix(s.as_bytes(), word.as_bytes())
        && !s[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Compares one char of the text with one char of a lower-case needle, ignoring case. An ASCII
/// char is its own table ([`single_lower`] gives its ASCII lower case).
#[inline]
fn same_ci(c: char, lower: char) -> bool {
    if c.is_ascii() {
        c.to_ascii_lowercase() == lower
    } else {
        c == lower || single_lower(c) == Some(lower)
    }
}

/// If `hay` starts with the lower-case `needle` ignoring case, the length in bytes it covers.
fn starts_with_ci(hay: &str, needle: &str) -> Option<usize> {
    // An ASCII char of the text matches only its own ASCII lower case: most words are ruled
    // out on their first byte without decoding a char.
    if let (Some(&h), Some(&n)) = (hay.as_bytes().first(), needle.as_bytes().first())
        && h.is_ascii()
        && h.to_ascii_lowercase() != n
    {
        return None;
    }
    let mut len = 0;
    let mut chars = hay.chars();
    for n in needle.chars() {
        let c = chars.next()?;
        if !same_ci(c, n) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// If `hay` ends with the lower-case words `needle` as whole words, ignoring case and letting
/// any run of whitespace match a space, the byte where they start.
///
/// Walks back from the end a char at a time, without an iterator to set up: most calls fail on
/// the last char (`và` after a name).
fn ends_with_word_ci(hay: &str, needle: &str) -> Option<usize> {
    // The words as written (`số` after `Quyết định`) match byte for byte, and then as the walk
    // would match them, when each of their chars matches itself.
    if let Some(head) = hay.strip_suffix(needle)
        && matches_itself(needle)
    {
        let alone = !prev_char(hay, head.len()).is_some_and(char::is_alphanumeric);
        return alone.then_some(head.len());
    }
    let mut start = hay.len();
    for n in needle.chars().rev() {
        if n == ' ' {
            let run_end = start;
            while let Some(c) = prev_char(hay, start).filter(|c| c.is_whitespace()) {
                start -= c.len_utf8();
            }
            if start == run_end {
                return None;
            }
        } else {
            let c = prev_char(hay, start)?;
            if !same_ci(c, n) {
                return None;
            }
            start -= c.len_utf8();
        }
    }
    let alone = !prev_char(hay, start).is_some_and(char::is_alphanumeric);
    alone.then_some(start)
}

/// [`ends_with_word_ci`] for `words` that [`matches_itself`] (a test holds that of each word
/// passed here), without asking it at every call: `số` before a number.
fn ends_with_own_word_ci(hay: &str, words: &str) -> Option<usize> {
    match hay.strip_suffix(words) {
        Some(head) => {
            let alone = !prev_char(hay, head.len()).is_some_and(char::is_alphanumeric);
            alone.then_some(head.len())
        }
        None => ends_with_word_ci(hay, words),
    }
}

/// True when [`ends_with_word_ci`] matches `words`, found byte for byte at the end of a text,
/// as they stand: no ASCII capital (which would match only its lower case), and each space
/// after a char that is no whitespace (a run of whitespace matches a space: the run must be
/// that one space).
fn matches_itself(words: &str) -> bool {
    let mut after_space = true;
    for c in words.chars() {
        if c.is_ascii_uppercase() || c == ' ' && after_space {
            return false;
        }
        after_space = c.is_whitespace();
    }
    true
}

/// The char before byte `at`, if any.
fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The char at byte `at`, if any.
fn next_char(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Scans every remembered text of a parse and maps each citation to the line it starts on.
pub fn collect(texts: &[super::TextSource]) -> Vec<Citation> {
    let mut out = Vec::new();
    for source in texts {
        for found in find_citations(&source.text) {
            out.push(Citation {
                line: source.line_at(found.start),
                ..found.citation
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex [`NAMED_FINDER`] replaced: its matches are the oracle.
    fn named_regex() -> &'static regex::Regex {
        static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
            let words: Vec<String> = NAMED_KINDS
                .iter()
                .map(|(word, _, _)| regex::escape(word))
                .collect();
            regex::Regex::new(&format!("(?:{}) ", words.join("|"))).expect("valid")
        });
        &RE
    }

    /// The matches of [`NAMED_FINDER`] in `text`, checked against the automaton of the other
    /// branch, which must find the same words.
    fn named_matches(text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some((start, end, word)) = NAMED_FINDER.find_from(text, from) {
            assert_eq!(
                format!("{} ", NAMED_KINDS[word].0),
                text[start..end],
                "the word index"
            );
            found.push((start, end));
            from = end;
        }
        let automaton: Vec<(usize, usize)> = named_automaton()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(found, automaton, "the automaton on {text:?}");
        found
    }

    #[test]
    fn named_finder_matches_as_the_regex_did() {
        let re = named_regex();
        let mut texts: Vec<String> = crate::oracle::texts().into_iter().map(|(_, t)| t).collect();
        texts.extend(
            [
                "Bộ luật Lao động và Luật Ngân sách nhà nước",
                "Bộ Luật ",
                "Luật Luật Nghị quyết Nghị quyết",
                "xLuật Đất đai",
                "Bộ luậtLuật ",
                "Nghị quyết\tsố",
                "",
            ]
            .map(str::to_owned),
        );
        let mut total = 0;
        for text in &texts {
            let expected: Vec<(usize, usize)> =
                re.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(named_matches(text), expected, "{text:?}");
            total += expected.len();
        }
        assert!(total > 20, "{total} matches");
    }

    proptest::proptest! {
        #![proptest_config(crate::oracle::config(2_000, 0x006E_616D_6564))]

        /// Texts glued from the kind words, their pieces and spaces: the same matches.
        #[test]
        fn named_finder_agrees_on_random_texts(
            pieces in proptest::collection::vec(proptest::sample::select(
                NAMED_KINDS
                    .iter()
                    .map(|(w, _, _)| *w)
                    .chain(["Bộ", "luật", "Nghị", " ", "  ", "\t", "x", "ệ", ",", "Đ"])
                    .collect::<Vec<_>>(),
            ), 0..10)
        ) {
            let text = pieces.concat();
            let expected: Vec<(usize, usize)> =
                named_regex().find_iter(&text).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(named_matches(&text), expected, "{:?}", text);
        }
    }

    /// [`ends_with_word_ci`] as it was first written, over a reversed `char_indices`: the oracle
    /// of the walk that replaced it.
    fn ends_with_word_ci_by_iterator(hay: &str, needle: &str) -> Option<usize> {
        let mut chars = hay.char_indices().rev().peekable();
        let mut start = hay.len();
        for n in needle.chars().rev() {
            if n == ' ' {
                let mut any = false;
                while let Some(&(i, c)) = chars.peek() {
                    if !c.is_whitespace() {
                        break;
                    }
                    any = true;
                    start = i;
                    chars.next();
                }
                if !any {
                    return None;
                }
            } else {
                let (i, c) = chars.next()?;
                if !same_ci(c, n) {
                    return None;
                }
                start = i;
            }
        }
        let alone = !chars.next().is_some_and(|(_, c)| c.is_alphanumeric());
        alone.then_some(start)
    }

    /// The words [`ends_with_word_ci`] is asked for, and some of their pieces.
    fn suffix_words() -> Vec<&'static str> {
        kind_words()
            .chain(PLURAL_WORDS.iter().copied())
            .chain([NUMBER_WORD, AND_WORD, "a", " ", "à", "số và", ""])
            .collect()
    }

    #[test]
    fn ends_with_word_ci_agrees_with_the_iterator() {
        let hays = [
            "",
            " ",
            "và",
            "VÀ",
            "Và",
            "xvà",
            "1và",
            " và",
            "a và",
            "Ủy ban và",
            "số",
            "SỐ",
            "một  số",
            "một\u{a0}số",
            "một\t số",
            "MỘT SỐ",
            "quyết định",
            "\u{212A}ế hoạch",
            "theo Quyết định ",
            "à",
            "À",
            "\u{301}và",
            "a",
            "A",
            " a",
            "x  a",
            "a  b",
            "a b",
            "a \u{a0}",
            "a\u{a0} b",
            "a\u{a0}  b",
            "a b ",
            "a b  ",
            "\t",
            " \t",
            "số và",
        ];
        for hay in hays {
            for needle in suffix_words() {
                assert_eq!(
                    ends_with_word_ci(hay, needle),
                    ends_with_word_ci_by_iterator(hay, needle),
                    "{hay:?} {needle:?}"
                );
            }
            assert_eq!(
                ends_with_own_word_ci(hay, NUMBER_WORD),
                ends_with_word_ci_by_iterator(hay, NUMBER_WORD),
                "{hay:?}"
            );
        }
        assert!(
            matches_itself(NUMBER_WORD),
            "the word of ends_with_own_word_ci"
        );
        for (words, itself) in [
            ("số", true),
            ("một số", true),
            ("Số", false),
            (" số", false),
        ] {
            assert_eq!(matches_itself(words), itself, "{words:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::oracle::config(2_000, 0x656E_6473_7769))]

        /// Texts glued from the words and their pieces: the walk finds what the iterator found.
        #[test]
        fn ends_with_word_ci_agrees_on_random_texts(
            pieces in proptest::collection::vec(proptest::sample::select(
                kind_pieces().into_iter().chain(["và", "VÀ", "À", "a"]).collect::<Vec<_>>(),
            ), 0..6),
        ) {
            let hay = pieces.concat();
            for (at, _) in hay.char_indices() {
                let tail = &hay[at..];
                for needle in suffix_words() {
                    proptest::prop_assert_eq!(
                        ends_with_word_ci(tail, needle),
                        ends_with_word_ci_by_iterator(tail, needle),
                        "{:?} {:?}", tail, needle
                    );
                }
                proptest::prop_assert_eq!(
                    ends_with_own_word_ci(tail, NUMBER_WORD),
                    ends_with_word_ci_by_iterator(tail, NUMBER_WORD),
                    "{:?}", tail
                );
            }
        }
    }

    /// What [`issuer_extent`] must find, by its definition: the first byte where a stop of
    /// [`ISSUER_NAME_STOPS`] starts, or the space after the [`MAX_NAME_WORDS`]-th word.
    fn issuer_extent_by_definition(window: &str) -> (usize, bool) {
        let bytes = window.as_bytes();
        let mut words = 0;
        for i in 0..bytes.len() {
            if ISSUER_NAME_STOPS
                .iter()
                .any(|stop| bytes[i..].starts_with(stop.as_bytes()))
            {
                return (i, false);
            }
            if bytes[i] == b' ' && (i == 0 || bytes[i - 1] != b' ') {
                words += 1;
                if words == MAX_NAME_WORDS {
                    return (i, true);
                }
            }
        }
        (bytes.len(), false)
    }

    /// [`trim_name`] without its shortcut for a name ending on a letter.
    fn trim_name_in_full(name: &str) -> &str {
        let mut name = name.trim_end();
        loop {
            let trimmed = name.trim_end_matches(['-', '–', ',']).trim_end();
            let trimmed = match ends_with_word_ci(trimmed, AND_WORD) {
                Some(at) if at > 0 => trimmed[..at].trim_end(),
                _ => trimmed,
            };
            if trimmed.len() == name.len() {
                return name;
            }
            name = trimmed;
        }
    }

    /// Stops, their pieces, letters and spaces, for issuer names glued at random.
    fn issuer_pieces() -> Vec<&'static str> {
        ISSUER_NAME_STOPS
            .iter()
            .copied()
            .chain([
                " ",
                "  ",
                "Ủy",
                "ban",
                "nhân",
                "dân",
                "Tỉnh",
                "và",
                "VÀ",
                " v",
                " về",
                "về",
                " b",
                " ban",
                "hành",
                " ban hành",
                " qu",
                "“",
                "”",
                "–",
                "-",
                "a",
                "1",
                "x",
                "ề",
                "\t",
                "\u{a0}",
                "Đ",
                " c",
                " có hiệu",
                " và các",
                " đ",
                "\u{1680}",
            ])
            .collect()
    }

    #[test]
    fn issuer_extent_and_trim_agree_with_their_definitions() {
        let mut windows: Vec<String> = [
            "",
            " ",
            "Ủy ban nhân dân Tỉnh về việc",
            "Ban Chấp hành Trung ương khóa XI về “Tăng",
            "Chính phủ và Chương trình",
            "Bộ Chính trị khóa X, Quyết định",
            "A B C D E F G H I J K L M N",
            "A  B  C  D  E  F  G  H  I  J  K  L  M",
            "Sở ban hành",
            "Sở ban hành",
            "Sở có hiệu lực",
            "Sở có hiệu",
            "Sở và các",
            "Sở và",
            "Sở và ",
            "Sở –",
            "Sở -, và",
        ]
        .map(str::to_owned)
        .to_vec();
        windows.extend(SEED.iter().map(|p| p.to_string()));
        for window in &windows {
            for (at, _) in window.char_indices() {
                let tail = &window[at..];
                assert_eq!(
                    issuer_extent(tail),
                    issuer_extent_by_definition(tail),
                    "{tail:?}"
                );
                assert_eq!(trim_name(tail), trim_name_in_full(tail), "{tail:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::oracle::config(2_000, 0x6973_7375_6572))]

        /// Names glued from stops and their pieces: the same extent and the same trimmed name.
        #[test]
        fn issuer_extent_agrees_on_random_names(
            pieces in proptest::collection::vec(proptest::sample::select(issuer_pieces()), 0..16),
        ) {
            let window = pieces.concat();
            for (at, _) in window.char_indices() {
                let tail = &window[at..];
                proptest::prop_assert_eq!(
                    issuer_extent(tail),
                    issuer_extent_by_definition(tail),
                    "{:?}", tail
                );
                proptest::prop_assert_eq!(trim_name(tail), trim_name_in_full(tail), "{:?}", tail);
            }
        }
    }

    /// The kind words, in table order.
    fn kind_words() -> impl Iterator<Item = &'static str> {
        DOC_TYPES
            .iter()
            .map(|t| t.kind)
            .chain(EXTRA_KIND_WORDS.iter().copied())
    }

    /// What [`WordTrie::longest_at_end`] must find: every word tried with [`ends_with_word_ci`],
    /// the longest match, the first in order among equals.
    fn longest_by_words(
        words: impl Iterator<Item = &'static str>,
        before: &str,
    ) -> Option<(&'static str, usize)> {
        words
            .enumerate()
            .filter_map(|(order, kind)| ends_with_word_ci(before, kind).map(|at| (kind, at, order)))
            .min_by_key(|&(_, at, order)| (at, order))
            .map(|(kind, at, _)| (kind, at))
    }

    #[test]
    fn ascii_chars_fold_as_the_table_folds_them() {
        for c in (0..128u8).map(char::from) {
            assert_eq!(single_lower(c), Some(c.to_ascii_lowercase()), "{c:?}");
            for lower in ['a', 'n', 's', '1', ' ', 'ố'] {
                assert_eq!(
                    same_ci(c, lower),
                    c == lower || single_lower(c) == Some(lower),
                    "{c:?} and {lower:?}"
                );
            }
        }
    }

    /// The chars [`scan_name`] passes without decoding: none is a space or a char it stops at.
    #[test]
    fn chars_a_name_scan_passes_are_no_stops() {
        let passed = ('\u{C0}'..='\u{7FF}')
            .chain('\u{1000}'..='\u{1FFF}')
            .filter(|c| c.to_string().as_bytes().get(1) != Some(&0x9A) || c.len_utf8() == 2);
        let mut count = 0;
        for c in passed {
            assert!(!c.is_whitespace(), "{c:?} is a space");
            assert!(!";.:“”\"()),".contains(c), "{c:?} is a stop");
            count += 1;
        }
        assert!(count > 5_000, "{count} chars");
    }

    #[test]
    fn kind_type_is_the_type_of_the_kind() {
        // The table's own string (compared by address) and a copy (compared by text) find
        // what a walk comparing texts finds.
        let walk = |kind: &str| DOC_TYPES.iter().find(|t| t.kind == kind);
        let kinds = kind_words().chain(NAMED_KINDS.iter().map(|(_, kind, _)| *kind));
        for kind in kinds {
            let owned = kind.to_string();
            for written in [kind, owned.as_str()] {
                assert_eq!(
                    doc_type_by_kind(written).map(|t| t.name),
                    walk(written).map(|t| t.name),
                    "{written:?}"
                );
            }
        }
        assert_eq!(
            KIND_TRIE
                .longest_at_end("Quyết định")
                .and_then(|(kind, _)| doc_type_by_kind(kind))
                .map(|t| t.name),
            Some("QUYẾT ĐỊNH"),
            "a kind from the trie"
        );
    }

    /// Kind and plural words, their pieces in other cases, and chars around them.
    fn kind_pieces() -> Vec<&'static str> {
        kind_words()
            .chain(PLURAL_WORDS.iter().copied())
            .chain([
                "Các", "MỘT", "Số", "SỐ", "Mỗi", "Quyết", "ĐỊNH", "Kế", "HOẠCH", "Thông", "BÁO",
                "kết", "Luận", "\u{212A}", "K", "İ", " ", "  ", "\t", "\u{a0}", "x", "1", "ệ", "Ệ",
                "\u{301}", ",", "ố",
            ])
            .collect()
    }

    #[test]
    fn kind_trie_agrees_with_each_kind() {
        for kind in DOC_TYPES
            .iter()
            .map(|t| t.kind)
            .chain(EXTRA_KIND_WORDS.iter().copied())
        {
            for c in kind.chars().filter(|&c| c != ' ') {
                assert_eq!(single_lower(c), Some(c), "{c:?} of {kind:?} is lower case");
            }
        }
        let hays = [
            "theo các",
            "Một  số",
            "MỘT SỐ",
            "một\u{a0}số",
            "xmột số",
            "Những",
            "số",
            "theo Quyết định",
            "QUYẾT ĐỊNH",
            "quyết\t \u{a0}định",
            "xquyết định",
            "1quyết định",
            "Kế hoạch",
            "KẾ HOẠCH",
            "Chương trình hành động",
            "chương trình  hành động",
            "Thông báo kết luận",
            "kết luận",
            "thông báo",
            "\u{212A}ế hoạch",
            "Văn bản",
            "",
            " ",
            "định",
        ];
        for hay in hays {
            assert_eq!(
                KIND_TRIE.longest_at_end(hay),
                longest_by_words(kind_words(), hay),
                "{hay:?}"
            );
            assert_eq!(
                PLURAL_TRIE.longest_at_end(hay),
                longest_by_words(PLURAL_WORDS.iter().copied(), hay),
                "{hay:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::oracle::config(4_000, 0x6B69_6E64_7472))]

        /// Texts glued from kind words and their pieces: the trie finds what the words find.
        #[test]
        fn kind_trie_agrees_on_random_texts(
            pieces in proptest::collection::vec(proptest::sample::select(kind_pieces()), 0..6),
        ) {
            let hay = pieces.concat();
            for (at, _) in hay.char_indices() {
                let tail = &hay[at..];
                proptest::prop_assert_eq!(
                    KIND_TRIE.longest_at_end(tail),
                    longest_by_words(kind_words(), tail),
                    "{:?}", tail
                );
                proptest::prop_assert_eq!(
                    PLURAL_TRIE.longest_at_end(tail),
                    longest_by_words(PLURAL_WORDS.iter().copied(), tail),
                    "{:?}", tail
                );
            }
        }
    }

    /// `Some(text.to_string())`.
    fn s(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    /// A state citation with only its text set; tests fill in the rest.
    fn base(text: &str) -> Citation {
        Citation {
            text: text.to_string(),
            kind: None,
            number: None,
            year: None,
            type_code: None,
            issuer_code: None,
            system: NumberSystem::State,
            date: None,
            issuer_name: None,
            name: None,
            id: None,
            line: 0,
        }
    }

    /// Checks that `input` yields exactly `expected`, in order, and that every span covers the
    /// citation's text.
    #[track_caller]
    fn check(input: &str, expected: &[Citation]) {
        let found = find_citations(input);
        for f in &found {
            assert_eq!(
                input.get(f.start..f.end),
                Some(f.citation.text.as_str()),
                "the span of {:?} must cover its text in {input:?}",
                f.citation.text
            );
        }
        let got: Vec<&Citation> = found.iter().map(|f| &f.citation).collect();
        let want: Vec<&Citation> = expected.iter().collect();
        assert_eq!(got, want, "citations of {input:?}");
    }

    /// The ids of the citations of `input` (the name for a named reference), in order.
    fn ids(input: &str) -> Vec<String> {
        find_citations(input)
            .into_iter()
            .filter_map(|f| f.citation.id.or(f.citation.name))
            .collect()
    }

    #[test]
    fn state_decision_with_kind_and_date() {
        let text = "quyết định số 91/QĐ-SLĐTBXH ngày 26/5/2020";
        check(
            &format!("được phân công tại {text} về việc phân công"),
            &[Citation {
                kind: s("quyết định"),
                number: s("91"),
                type_code: s("QĐ"),
                issuer_code: s("SLĐTBXH"),
                date: s("2020-05-26"),
                id: s("91/QĐ-SLĐTBXH"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn plan_with_padded_day() {
        let text = "Kế hoạch số 30/KH-SLĐTBXH ngày 05/3/2020";
        check(
            text,
            &[Citation {
                kind: s("kế hoạch"),
                number: s("30"),
                type_code: s("KH"),
                issuer_code: s("SLĐTBXH"),
                date: s("2020-03-05"),
                id: s("30/KH-SLĐTBXH"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn party_programme_takes_canonical_case() {
        let text = "Chương trình số 177-Ctr/TU ngày 07/8/2013 của Ban Thường vụ Tỉnh ủy";
        check(
            &format!("{text} thực hiện Nghị quyết"),
            &[Citation {
                kind: s("chương trình"),
                number: s("177"),
                type_code: s("CTr"),
                issuer_code: s("TU"),
                system: NumberSystem::Party,
                date: s("2013-08-07"),
                issuer_name: s("Ban Thường vụ Tỉnh ủy"),
                id: s("177-CTr/TU"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn decree_with_year_group() {
        let text = "Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ";
        check(
            &format!("{text} quy định chi tiết"),
            &[Citation {
                kind: s("nghị định"),
                number: s("34"),
                year: Some(2016),
                type_code: s("NĐ"),
                issuer_code: s("CP"),
                date: s("2016-05-14"),
                issuer_name: s("Chính phủ"),
                id: s("34/2016/NĐ-CP"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn directive_without_number_word_keeps_issuer_case() {
        check(
            "về thực hiện Chỉ thị 16/CT-TTg.",
            &[Citation {
                kind: s("chỉ thị"),
                number: s("16"),
                type_code: s("CT"),
                issuer_code: s("TTg"),
                id: s("16/CT-TTg"),
                ..base("Chỉ thị 16/CT-TTg")
            }],
        );
    }

    #[test]
    fn conclusion_notice_with_comma_before_date() {
        let text = "Thông báo kết luận số 974-TB/TU, ngày 07/9/2018 của Ban Thường vụ Tỉnh ủy";
        check(
            &format!("- Thiệu quả {text} về đổi mới"),
            &[Citation {
                kind: s("thông báo kết luận"),
                number: s("974"),
                type_code: s("TB"),
                issuer_code: s("TU"),
                system: NumberSystem::Party,
                date: s("2018-09-07"),
                issuer_name: s("Ban Thường vụ Tỉnh ủy"),
                id: s("974-TB/TU"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn law_with_name_before_number() {
        let text = "Luật Ngân sách nhà nước số 83/2015/QH13";
        check(
            &format!("thực hiện theo đúng {text}."),
            &[Citation {
                kind: s("luật"),
                number: s("83"),
                year: Some(2015),
                issuer_code: s("QH13"),
                id: s("83/2015/QH13"),
                ..base(text)
            }],
        );
        assert_eq!(
            ids(
                "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015;"
            ),
            ["80/2015/QH13"],
            "a lower-case `luật` inside the name is not the kind"
        );
        let found = find_citations("Luật Khám bệnh, chữa bệnh số 15/2023/QH15 có hiệu lực");
        assert_eq!(
            found.len(),
            1,
            "one citation for a law with a comma in its name"
        );
        assert_eq!(found[0].start, 0, "the citation starts at `Luật`");
        assert_eq!(found[0].citation.kind, s("luật"), "the kind of a named law");
    }

    #[test]
    fn issuer_code_with_several_groups() {
        let text = "quyết định số 29/QĐ-UBND-TL ngày 20/4/2020 của Ủy ban nhân dân Tỉnh";
        check(
            &format!("theo {text}; Sáp nhập"),
            &[Citation {
                kind: s("quyết định"),
                number: s("29"),
                type_code: s("QĐ"),
                issuer_code: s("UBND-TL"),
                date: s("2020-04-20"),
                issuer_name: s("Ủy ban nhân dân Tỉnh"),
                id: s("29/QĐ-UBND-TL"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn normative_decision_of_a_province() {
        let text = "Quyết định số 16/2019/QĐ-UBND ngày 15/8/2019 của Ủy ban nhân dân Tỉnh";
        check(
            &format!("{text} ban hành Quy định"),
            &[Citation {
                kind: s("quyết định"),
                number: s("16"),
                year: Some(2019),
                type_code: s("QĐ"),
                issuer_code: s("UBND"),
                date: s("2019-08-15"),
                issuer_name: s("Ủy ban nhân dân Tỉnh"),
                id: s("16/2019/QĐ-UBND"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn party_resolution_with_issuer_and_term() {
        let text = "Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương khóa XI";
        check(
            &format!("{text} về “Tăng cường”"),
            &[Citation {
                kind: s("nghị quyết"),
                number: s("25"),
                type_code: s("NQ"),
                issuer_code: s("TW"),
                system: NumberSystem::Party,
                issuer_name: s("Ban Chấp hành Trung ương khóa XI"),
                id: s("25-NQ/TW"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn standing_committee_resolution_has_no_type_code() {
        let text = "Nghị quyết số 351/2017/UBTVQH14";
        check(
            text,
            &[Citation {
                kind: s("nghị quyết"),
                number: s("351"),
                year: Some(2017),
                issuer_code: s("UBTVQH14"),
                id: s("351/2017/UBTVQH14"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn official_letters_have_no_type_code() {
        check(
            "Công văn số 456/SNV-TCBC",
            &[Citation {
                kind: s("công văn"),
                number: s("456"),
                issuer_code: s("SNV-TCBC"),
                id: s("456/SNV-TCBC"),
                ..base("Công văn số 456/SNV-TCBC")
            }],
        );
        check(
            "Văn bản số 3722/VPCP-CN",
            &[Citation {
                kind: s("văn bản"),
                number: s("3722"),
                issuer_code: s("VPCP-CN"),
                id: s("3722/VPCP-CN"),
                ..base("Văn bản số 3722/VPCP-CN")
            }],
        );
        let found = find_citations("Công văn số 1234/CT-TTHT của Cục Thuế");
        assert_eq!(
            found
                .first()
                .map(|f| (f.citation.type_code.clone(), f.citation.issuer_code.clone())),
            Some((None, s("CT-TTHT"))),
            "after `công văn`, `CT` is an issuer, not Chỉ thị"
        );
    }

    #[test]
    fn long_date_form() {
        let text = "Tờ trình số 365/TTr-SNV ngày 01 tháng 11 năm 2024";
        check(
            &format!("Xét {text} của sở"),
            &[Citation {
                kind: s("tờ trình"),
                number: s("365"),
                type_code: s("TTr"),
                issuer_code: s("SNV"),
                date: s("2024-11-01"),
                id: s("365/TTr-SNV"),
                ..base(text)
            }],
        );
    }

    #[test]
    fn date_forms() {
        let date = |input: &str| find_citations(input).pop().and_then(|f| f.citation.date);
        assert_eq!(
            date("Kế hoạch số 30/KH-UBND ngày 05/03/2020"),
            s("2020-03-05"),
            "padded"
        );
        assert_eq!(
            date("Quyết định số 596-QĐ/TU, ngày 17-6-2022"),
            s("2022-06-17"),
            "dashed, after a comma"
        );
        assert_eq!(
            date("Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2020"),
            s("2020-03-05"),
            "written out"
        );
        assert_eq!(
            date("Quyết định số 12/QĐ-UBND Ngày 29/2/2024"),
            s("2024-02-29"),
            "capitalized day word, leap day"
        );
        let found =
            find_citations("Quyết định số 12/QĐ-UBND ngày 31/02/2021 của Ủy ban nhân dân tỉnh");
        assert_eq!(found.len(), 1, "an impossible date keeps its citation");
        assert_eq!(found[0].citation.date, None, "31/02/2021 is no ISO date");
        assert_eq!(
            found[0].citation.issuer_name,
            s("Ủy ban nhân dân tỉnh"),
            "the issuer after an impossible date is still read"
        );
        assert_eq!(
            date("Quyết định số 12/QĐ-UBND ngày 29/2/2023"),
            None,
            "no 29 February in 2023"
        );
        assert_eq!(
            date("Quyết định số 12/QĐ-UBND ngày 5/13/2023"),
            None,
            "no month 13"
        );
        assert_eq!(
            date("Quyết định số 12/QĐ-UBND năm 2020"),
            None,
            "a year alone is no date"
        );
    }

    #[test]
    fn issuer_name_stops() {
        let issuer = |input: &str| {
            find_citations(input)
                .pop()
                .and_then(|f| f.citation.issuer_name)
        };
        let cases = [
            (
                "Kế hoạch số 89/KH-UBND của Ủy ban nhân dân Tỉnh về việc triển khai",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Quyết định số 762-QĐ/TU của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết",
                "Ban Thường vụ Tỉnh ủy",
            ),
            (
                "Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, chính quyền",
                "Thủ tướng Chính phủ",
            ),
            (
                "Nghị định số 34/2016/NĐ-CP của Chính phủ quy định chi tiết",
                "Chính phủ",
            ),
            (
                "Quyết định số 16/2019/QĐ-UBND của Ủy ban nhân dân Tỉnh ban hành Quy định",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Hướng dẫn số 25-HD/BTCTW của Ban Tổ chức Trung ương hướng dẫn kiểm điểm",
                "Ban Tổ chức Trung ương",
            ),
            (
                "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh; giảm",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh.",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh (sau đây)",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh “về”",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Quyết định số 43/QĐ-UBND của Ủy ban nhân dân Tỉnh \"về\"",
                "Ủy ban nhân dân Tỉnh",
            ),
            (
                "Quyết định số 2456/QĐ-UBND của Ủy ban nhân dân tỉnh là 3 xã",
                "Ủy ban nhân dân tỉnh",
            ),
            (
                "Thông tư số 22/2021/TT-BGDĐT của Bộ trưởng Bộ Giáo dục và Đào tạo.",
                "Bộ trưởng Bộ Giáo dục và Đào tạo",
            ),
            (
                "Nghị quyết số 08/NQ-CP của Chính phủ và Chương trình hành động số 62-CTr/TU",
                "Chính phủ",
            ),
        ];
        for (input, want) in cases {
            let found = find_citations(input);
            assert_eq!(
                found[0].citation.issuer_name.as_deref(),
                Some(want),
                "issuer of {input:?}"
            );
        }
        assert_eq!(
            issuer(
                "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về"
            ),
            s("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng"),
            "at most 12 words, not ending on a dangling lower-case word"
        );
        assert_eq!(
            issuer("Quyết định số 43/QĐ-UBND của mình"),
            None,
            "an issuer starts with a capital"
        );
        assert_eq!(
            issuer("Quyết định số 43/QĐ-UBND"),
            None,
            "no issuer written"
        );
    }

    #[test]
    fn spaces_around_separators_are_dropped_from_the_id() {
        check(
            "Số 44 /2005/QĐ-UBND",
            &[Citation {
                number: s("44"),
                year: Some(2005),
                type_code: s("QĐ"),
                issuer_code: s("UBND"),
                id: s("44/2005/QĐ-UBND"),
                ..base("44 /2005/QĐ-UBND")
            }],
        );
        assert_eq!(
            ids("tổng 12 /UBND-VX"),
            Vec::<String>::new(),
            "a spaced number needs `số` or kind words"
        );
    }

    #[test]
    fn kind_is_null_only_for_unambiguous_numbers() {
        check(
            "theo 63/2010/NĐ-CP",
            &[Citation {
                number: s("63"),
                year: Some(2010),
                type_code: s("NĐ"),
                issuer_code: s("CP"),
                id: s("63/2010/NĐ-CP"),
                ..base("63/2010/NĐ-CP")
            }],
        );
        assert_eq!(
            ids("đã gửi 3722/VPCP-CN"),
            Vec::<String>::new(),
            "a bare công văn number is ambiguous"
        );
        assert_eq!(
            ids("theo số 3722/VPCP-CN"),
            ["3722/VPCP-CN"],
            "`số` makes it a number"
        );
        assert_eq!(
            ids("gửi 01-HD/TU"),
            ["01-HD/TU"],
            "a Party number with a known type"
        );
        assert_eq!(
            ids("gửi 01-XY/TU"),
            Vec::<String>::new(),
            "an unknown Party type without kind words"
        );
        assert_eq!(
            ids("Quy chế số 01-XY/TU"),
            ["01-XY/TU"],
            "kind words vouch for an unknown type"
        );
    }

    #[test]
    fn longest_kind_words_win() {
        let kind = |input: &str| find_citations(input).pop().and_then(|f| f.citation.kind);
        let cases = [
            (
                "Chương trình hành động số 62-CTr/TU",
                "chương trình hành động",
            ),
            ("Thông báo kết luận số 974-TB/TU", "thông báo kết luận"),
            ("Thông báo số 52/TB-SKHĐT", "thông báo"),
            (
                "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
                "thông tư liên tịch",
            ),
            (
                "Nghị quyết liên tịch số 22/2006/NQLT-BGDĐT-HKHVN",
                "nghị quyết liên tịch",
            ),
            ("Hướng dẫn số 36-HD/VPTW", "hướng dẫn"),
            ("Kết luận số 01-KL/TW", "kết luận"),
            ("QUYẾT ĐỊNH SỐ 12/QĐ-UBND", "quyết định"),
            ("Quyết  định số: 12/QĐ-UBND", "quyết định"),
        ];
        for (input, want) in cases {
            assert_eq!(kind(input).as_deref(), Some(want), "kind of {input:?}");
        }
    }

    #[test]
    fn named_references() {
        check(
            "gắn với thực hiện Nghị quyết TW4 (Khóa XII) về tăng cường",
            &[Citation {
                kind: s("nghị quyết"),
                name: s("Nghị quyết TW4 (Khóa XII)"),
                ..base("Nghị quyết TW4 (Khóa XII)")
            }],
        );
        check(
            "Quan điểm của Đảng về PCTN; Luật PCTN năm 2018 và các văn bản hướng dẫn thi hành.",
            &[Citation {
                kind: s("luật"),
                name: s("Luật PCTN năm 2018"),
                ..base("Luật PCTN năm 2018")
            }],
        );
        check(
            "thực hiện nghiêm túc Luật Phòng, chống tác hại rượu, bia, xem đây là một trong những tiêu chí",
            &[Citation {
                kind: s("luật"),
                name: s("Luật Phòng, chống tác hại rượu, bia"),
                ..base("Luật Phòng, chống tác hại rượu, bia")
            }],
        );
        let text = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015";
        check(
            &format!("Căn cứ {text};"),
            &[Citation {
                kind: s("luật"),
                date: s("2015-06-19"),
                name: s("Luật Tổ chức chính quyền địa phương"),
                ..base(text)
            }],
        );
        assert_eq!(
            ids(
                "Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012; Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013;"
            ),
            ["Luật Phổ biến, giáo dục pháp luật", "Luật Hòa giải ở cơ sở"],
            "a comma inside a name that runs into its date"
        );
        assert_eq!(
            ids("phù hợp với Hiến pháp năm 2013 và pháp luật"),
            ["Hiến pháp năm 2013"],
            "`Hiến pháp` names one document on its own"
        );
        assert_eq!(
            ids("theo quy định tại Luật Ban hành VBQPPL và Nghị định số 34/2016/NĐ-CP"),
            ["Luật Ban hành VBQPPL", "34/2016/NĐ-CP"],
            "a name stops before the next citation"
        );
        let found = find_citations("Nghị quyết TW4 của Ban Chấp hành Trung ương, tiếp tục");
        assert_eq!(
            found.first().and_then(|f| f.citation.issuer_name.clone()),
            s("Ban Chấp hành Trung ương"),
            "a named reference may have an issuer"
        );
    }

    #[test]
    fn generic_mentions_are_not_named_references() {
        let cases = [
            "phù hợp với Nghị quyết của HĐND Tỉnh và đường lối",
            "triển khai các Nghị quyết Trung ương",
            "những Nghị quyết của Đảng",
            "thi hành Luật ban hành VBQPPL.",
            "văn bản quy phạm pháp luật",
            "theo Luật.",
            "Luật",
            "Bộ Lao động - Thương binh và Xã hội",
        ];
        for input in cases {
            assert_eq!(ids(input), Vec::<String>::new(), "no citation in {input:?}");
        }
        assert_eq!(
            ids("thực hiện theo đúng Luật Ngân sách nhà nước số 83/2015/QH13."),
            ["83/2015/QH13"],
            "`Luật` inside a numbered reference is no second reference"
        );
    }

    #[test]
    fn counts_dates_and_ranges_are_not_citations() {
        let cases = [
            "tiến hành rà soát 60/145 TTHC",
            "Số xã đạt chuẩn (...xã/...xã=...%); (tăng...% so với 2019)",
            "(Tính đến 30/9/2020). Trong đó",
            "ngày 26/5/2020 về việc",
            "chiếm tỉ lệ 20% và 8,3% trên tổng số",
            "giai đoạn 2019-2021. Theo đó",
            "nhiệm kỳ 2020 - 2025 và nhiệm vụ",
            "năm 2020 - 2025",
            "Điện thoại: 0277.3851234, 0277/3851234",
            "Tỷ lệ giường bệnh .../1 vạn dân",
            "dịch bệnh COVID-19/SARS",
            "tỷ lệ 1/3 Ban",
            "đạt 183/187 chi bộ",
            "Số: /BC-SLĐTBXH",
            "x12/QĐ-UBND",
            "1.5/QĐ-UBND",
        ];
        for input in cases {
            assert_eq!(ids(input), Vec::<String>::new(), "no citation in {input:?}");
        }
    }

    #[test]
    fn tokens_joined_across_a_page_break() {
        assert_eq!(
            ids("Nghị quyết số 19-NQ/TW của Hội nghị"),
            ["19-NQ/TW"],
            "joined without a space"
        );
        assert_eq!(
            ids("Nghị quyết số 19- NQ/TW của Hội nghị"),
            ["19-NQ/TW"],
            "joined with a space after the hyphen"
        );
        assert_eq!(
            ids("Quyết định số 117/QĐ- UBND ngày 05/3/2020"),
            ["117/QĐ-UBND"],
            "a state symbol joined with a space"
        );
    }

    #[test]
    fn lost_hyphens_are_restored_after_a_type_code() {
        assert_eq!(ids("theo 3027/QĐUBND"), ["3027/QĐ-UBND"], "QĐ + UBND");
        assert_eq!(
            ids("Nghị định 63/2010/NĐCP ngày 08/6/2010"),
            ["63/2010/NĐ-CP"],
            "NĐ + CP"
        );
        assert_eq!(
            ids("Tờ trình số 12/TTrSNV"),
            ["12/TTr-SNV"],
            "the longest code, TTr + SNV"
        );
        let found = find_citations("theo 3027/QĐUBND");
        assert_eq!(
            (
                found[0].citation.type_code.as_deref(),
                found[0].citation.issuer_code.as_deref()
            ),
            (Some("QĐ"), Some("UBND")),
            "the glued group is split into type and issuer"
        );
        assert_eq!(
            ids("Công văn số 12/HĐND"),
            ["12/HĐND"],
            "HĐND is an issuer, not HĐ + ND"
        );
        assert_eq!(
            ids("Kế hoạch số 12/BCĐTW"),
            ["12/BCĐTW"],
            "the kind's code is KH, not BC"
        );
    }

    #[test]
    fn spans_and_order_of_several_citations() {
        let input = "Thực hiện Nghị quyết số 08/NQ-CP của Chính phủ và Chương trình hành động số 62-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh về thực hiện Nghị quyết số 19-NQ/TW của Hội nghị lần thứ 6 Ban Chấp hành Trung ương khoá XII về tiếp tục";
        let found = find_citations(input);
        let ids: Vec<_> = found
            .iter()
            .filter_map(|f| f.citation.id.as_deref())
            .collect();
        assert_eq!(ids, ["08/NQ-CP", "62-CTr/TU", "19-NQ/TW"], "ids in order");
        assert!(
            found.windows(2).all(|w| w[0].end <= w[1].start),
            "spans do not overlap"
        );
        assert_eq!(
            &input[found[1].start..found[1].end],
            "Chương trình hành động số 62-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh",
            "the span of the second citation"
        );
        assert!(
            found.iter().all(|f| f.citation.line == 0),
            "the caller sets the line"
        );
    }

    /// Every sentence of the seed report (`000_9ebb4c68ea5cda49`) that cites a document, its
    /// lines joined as the lexer joins them; the split `19-` / `NQ/TW` arrives joined.
    const SEED: &[&str] = &[
        "- Công tác dân vận chính quyền, dân chủ cơ sở tại cơ quan Sở được giao cho đồng chí Phó Giám đốc Sở phụ trách, được phân công nhiệm vụ cụ thể tại quyết định số 91/QĐ-SLĐTBXH ngày 26/5/2020 về việc phân công và quan hệ công tác của Giám đốc, các Phó Giám đốc Sở Lao động – Thương binh và xã hội.",
        "- Sở Lao động – Thương binh và xã hội đã ban hành kế hoạch số 30/KH-SLĐTBXH ngày 05/3/2020 về thực hiện “Năm Dân vận khéo năm 2020”. Triển khai thực hiện công tác tuyên truyền, phổ biến quán triệt học tập các văn bản về công tác dân vận của Đảng, Nhà nước gắn với thực hiện Nghị quyết TW4 (Khóa XII) về tăng ường xây dựng chính đốn Đảng;",
        "- Tiếp tục quán triệt sâu sắc quyết định số 762-QĐ/TU ngày 28/5/2010 của Ban thường vụ Tỉnh ủy về Quy chế công tác dân vận của hệ thống chính trị, Chương trình số 177-Ctr/TU ngày 07/8/2013 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết Hội nghị Trung ương 7 Khóa XI về “tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.",
        "- Đảng ủy Sở, Ban Giám đốc Sở đã lãnh đạo, chỉ đạo việc tuyên truyền, quán triệt và thực hiện tốt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương khóa XI về “Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới”, Quyết định số 290-QĐ/TW của Bộ Chính trị khóa X về Quy chế công tác dân vận của hệ thống chính trị.",
        "- Kết quả việc tiếp tục sắp xếp tổ chức bộ máy: Thực hiện kế hoạch số 89/KH-UBND ngày 28/3/2018 của Ủy ban nhân dân Tỉnh về việc triển khai thực hiện Nghị quyết số 08/NQ-CP của Chính phủ và Chương trình hành động số 62-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh về thực hiện Nghị quyết số 19-NQ/TW của Hội nghị lần thứ 6 Ban Chấp hành Trung ương khoá XII về tiếp tục đổi mới hệ thống tổ chức và quản lý, … thành Quỹ Đền ơn đáp nghĩa và Bảo trợ trẻ em tỉnh Đồng Tháp theo quyết định số 29/QĐ-UBND-TL ngày 20/4/2020 của Ủy ban nhân dân Tỉnh; Sáp nhập Phòng Bảo trợ xã hội và Phòng Phòng chống tệ nạn xã hội thành Phòng Bảo trợ và Phòng, chống tệ nạn xã hội theo quyết định số 43/QĐ-UBND-TL ngày 08/5/2020 của Ủy ban nhân dân Tỉnh, giảm 01 Phòng chuyên môn so với quy định.",
        "- Kết quả đẩy mạnh phân cấp quản lý: Thực hiện theo Quyết định số 16/2019/QĐ-UBND ngày 15/8/2019 của Ủy ban nhân dân Tỉnh ban hành Quy định quy định phân cấp, phân công về quản lý tổ chức bộ máy;",
        "Trong đó, quán triệt và thực hiện nghiêm túc Luật Phòng, chống tác hại rượu, bia, xem đây là một trong những tiêu chí đánh giá, xếp loại công chức, viên chức hàng năm.",
        "Văn bản tham mưu cho UBND Tỉnh phù hợp với Nghị quyết của HĐND Tỉnh và đường lối, chủ trương, chính sách của Đảng, tình hình kinh tế - xã hội tại địa phương. Thể thức và kỹ thuật trình bày đảm bảo theo quy định tại Luật Ban hành VBQPPL và Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật ban hành VBQPPL.",
        "- Rà soát, đánh giá tác động: Thực hiện Kế hoạch số 276/KH-UBND ngày 12/12/2019 của Ủy ban nhân dân Tỉnh về việc rà soát, đánh giá TTHC năm 2020 trên địa bàn tỉnh Đồng Tháp và Kế hoạch số 275/KH-UBND ngày 12/12/2019 của Ủy ban nhân dân Tỉnh về kiểm soát TTHC và truyền thông về hoạt động kiểm soát TTHC năm 2020 trên địa bàn tỉnh Đồng Tháp. Sở Lao động – Thương binh và Xã hội đã ban hành Kế hoạch rà soát, đánh giá TTHC năm 2020 và tiến hành rà soát 60/145 TTHC. Trong đó, số TTHC giữ nguyên là 48 thủ tục, kiến nghị đơn giản hóa 12 thủ tục chiếm tỉ lệ 20% trên tổng số TTHC đã rà soát và chiếm 8,3% trên tổng số TTHC. Tổng chi phí tiết kiệm dự kiến sau đơn giản hóa là 640.905.000 đồng.",
        "- Công tác phổ biến, giáo dục pháp luật: Sở Lao động – TB&XH ban hành kế hoạch số 115/KH-SLĐTBXH ngày 04/11/2019 về tuyên truyền, phổ biến, giáo dục pháp luật về phòng, chống tham nhũng giai đoạn 2019-2021. Theo đó, nội dung tuyên truyền tập trung chủ yếu: Ý nghĩa, tầm quan trọng của PCTN và xây dựng đạo đức liêm chính; Quan điểm, chủ trương, chính sách của Đảng về PCTN; Luật PCTN năm 2018 và các văn bản hướng dẫn thi hành.",
        "- Thiệu quả Thông báo kết luận số 974-TB/TU, ngày 07/9/2018 của Ban Thường vụ Tỉnh ủy về đổi mới phương thức phối hợp tuyên truyền, vận động đoàn viên, hội viên và nhân dân tham gia thực hiện các nhiệm vụ trọng tâm, đề án lớn của Tỉnh.",
        "- Tuyên truyền, vận động đoàn viên thanh niên hưởng ứng phong trào thi đua tiến tới Đại hội XI Đảng bộ Tỉnh, nhiệm kỳ 2020 - 2025 và nhiệm vụ phát triển kinh tế - xã hội năm 2020.",
        "- Tiếp tục quán triệt, triển khai trong toàn thể cán bộ, công chức, viên chức trong đơn vị nội dung những chủ trương; tiếp tục triển khai Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới; kế hoạch số 147/KH-UBND ngày 02/7/2016 về thực hiện Chỉ thị 16/CT-TTg.",
        "Số xã đạt chuẩn (...xã/...xã=...%); (tăng...% so với 2019)\tSố huyện đạt chuẩn (...huyện/...huyện=...%)",
        "Tỷ lệ giường bệnh .../1 vạn dân; tăng (giảm)...% so với 2019\tCung cấp dịch vụ công trực tuyến (Mức độ 3,4) (...TT= ..%)",
    ];

    #[test]
    fn seed_report_citations() {
        let found: Vec<Found> = SEED.iter().flat_map(|p| find_citations(p)).collect();
        let numbered: Vec<&str> = found
            .iter()
            .filter_map(|f| f.citation.id.as_deref())
            .collect();
        assert_eq!(
            numbered,
            [
                "91/QĐ-SLĐTBXH",
                "30/KH-SLĐTBXH",
                "762-QĐ/TU",
                "177-CTr/TU",
                "25-NQ/TW",
                "290-QĐ/TW",
                "89/KH-UBND",
                "08/NQ-CP",
                "62-CTr/TU",
                "19-NQ/TW",
                "29/QĐ-UBND-TL",
                "43/QĐ-UBND-TL",
                "16/2019/QĐ-UBND",
                "34/2016/NĐ-CP",
                "276/KH-UBND",
                "275/KH-UBND",
                "115/KH-SLĐTBXH",
                "974-TB/TU",
                "16/CT-TTg",
                "147/KH-UBND",
                "16/CT-TTg",
            ],
            "the 21 numbered citations of the seed, in order"
        );
        let named: Vec<&str> = found
            .iter()
            .filter_map(|f| f.citation.name.as_deref())
            .collect();
        assert_eq!(
            named,
            [
                "Nghị quyết TW4 (Khóa XII)",
                "Nghị quyết Hội nghị Trung ương 7 Khóa XI",
                "Luật Phòng, chống tác hại rượu, bia",
                "Luật Ban hành VBQPPL",
                "Luật PCTN năm 2018",
            ],
            "the named references of the seed"
        );
        let dated = found.iter().filter(|f| f.citation.date.is_some()).count();
        assert_eq!(dated, 15, "citations of the seed with a date");
        let by_id = |id: &str| {
            found
                .iter()
                .find(|f| f.citation.id.as_deref() == Some(id))
                .map(|f| f.citation.clone())
        };
        assert_eq!(
            by_id("19-NQ/TW").and_then(|c| c.issuer_name),
            s("Hội nghị lần thứ 6 Ban Chấp hành Trung ương khoá XII"),
            "the issuer of 19-NQ/TW"
        );
        assert_eq!(
            by_id("762-QĐ/TU").and_then(|c| c.issuer_name),
            s("Ban thường vụ Tỉnh ủy"),
            "the issuer of 762-QĐ/TU"
        );
        assert_eq!(
            by_id("290-QĐ/TW").and_then(|c| c.issuer_name),
            s("Bộ Chính trị khóa X"),
            "the issuer of 290-QĐ/TW"
        );
    }

    /// [`word_ci`] returns the bytes the text's chars cover, where `nom`'s `tag_no_case` took the
    /// word's own length: the same, because every char that matches a char of a date word has
    /// that char's width. Their chars are also their own lower case, as [`same_ci`] requires.
    #[test]
    fn date_words_match_chars_of_their_width() {
        let words = [DAY_WORD, MONTH_WORD, YEAR_WORD];
        for w in words.iter().flat_map(|word| word.chars()) {
            assert_eq!(single_lower(w), Some(w), "{w:?} is lower case");
            let wider = (0..=u32::from(char::MAX))
                .filter_map(char::from_u32)
                .find(|&c| same_ci(c, w) && c.len_utf8() != w.len_utf8());
            assert_eq!(wider, None, "a char matching {w:?} with another width");
        }
        assert_eq!(
            cited_date(" NGÀY 05 THÁNG 3 NĂM 2020 x"),
            Some((28, s("2020-03-05")))
        );
        assert_eq!(cited_date(", ngày 5/3-2020"), Some((16, s("2020-03-05"))));
        assert_eq!(
            cited_date("ngày 5/3/20201"),
            None,
            "five digits are no year"
        );
        assert_eq!(year_phrase("Năm\t2018."), Some(9));
    }

    #[test]
    fn odd_input_never_panics() {
        let long_slashes = "1/".repeat(10_000);
        let long_party = "1-A/".repeat(5_000);
        let long_symbol = format!("Quyết định số 1/{}", "QĐ-".repeat(5_000));
        let long_named = format!("Luật {}", "Phòng, chống ".repeat(3_000));
        let long_names = "Luật A ".repeat(5_000);
        let inputs = [
            "",
            " ",
            "0",
            "1234567890123",
            "/",
            "-/-",
            "số",
            "Luật ",
            "Hiến pháp",
            "ngày",
            "1/Q",
            "1/Q ngày",
            "1/QĐ-UBND ngày 3",
            "1/QĐ-UBND của",
            "1/QĐ-UBND của Ủy",
            "1-NQ/TW,",
            "số 1 / 2",
            "Quyết định số 12/QĐ-UBND ngày 99/99/9999",
            "Quyết định số 12/QĐ-UBND ngày 0/0/0000",
            "Luật (",
            "Luật A (",
            "Luật A, ",
            "Luật A, b",
            "Nghị quyết Ⅻ",
            "Quyết định số ١٢/QĐ-UBND",
            "決定 số 12/QĐ-UBND của 政府",
            "Приказ № 12/ПР-МО",
            "Quyết định số 12/ΑΒ-ΓΔ",
            "🙂 số 12/QĐ-UBND 🙂 của 🙂",
            "Quyết định số 12/QĐ-UBND\u{0301}",
            "e\u{301}12/QĐ-UBND",
            &long_slashes,
            &long_party,
            &long_symbol,
            &long_named,
            &long_names,
        ];
        for input in inputs {
            for f in find_citations(input) {
                assert!(
                    f.start <= f.end && input.get(f.start..f.end).is_some(),
                    "span on char boundaries in {:?}",
                    input.chars().take(40).collect::<String>()
                );
            }
        }
        // Every prefix of a real paragraph, cut on a char boundary, is parsed without panic.
        let paragraph = SEED[4];
        for (at, _) in paragraph.char_indices() {
            let prefix = &paragraph[..at];
            for f in find_citations(prefix) {
                assert!(
                    f.end <= prefix.len(),
                    "span inside the prefix of {at} bytes"
                );
            }
        }
    }
}
