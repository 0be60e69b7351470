//! References by name: `Luật PCTN năm 2018`, `Nghị quyết TW4 (Khóa XII)`, found by one
//! pass of a packed (SIMD) searcher for the capitalized kind words.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::issuer::{issuer_after, trim_name};
use super::kind::PLURAL_TRIE;
use super::words::{floor_boundary, next_char, prev_char, starts_with_ci, starts_with_word};
use super::{Found, LOOK_BEHIND, MAX_NAME_WORDS, NAME_BYTES};
use crate::grammar;
use crate::model::{Citation, NumberSystem};
use crate::tables::{
    AND_WORD, DAY_WORD, ISSUER_WORD, NAME_COMMA_PHRASES, NAME_STOP_PHRASES, NAME_STOP_WORDS,
    NAMED_KINDS, NUMBER_WORD,
};

/// Capitalized kind words that may start a named reference (`Luật `, `Nghị quyết `), each with
/// its space: the leftmost match, the first word in table order where several start there (a
/// test holds a plain search beside it). Searched in every text of a document, so with the
/// packed (SIMD) searcher of `aho_corasick` where the CPU has one: an automaton would only wrap
/// it, and add its own setup to every search.
pub(super) enum NamedFinder {
    /// Teddy, with Rabin-Karp for the shortest texts.
    Packed(aho_corasick::packed::Searcher),
    /// Where there is no Teddy: a contiguous NFA, built in a fraction of a DFA's time.
    Automaton(AhoCorasick),
}

/// The search patterns of [`NamedFinder`]: each word of [`NAMED_KINDS`] with its space.
pub(super) fn named_patterns() -> impl Iterator<Item = String> {
    NAMED_KINDS.iter().map(|(word, _, _)| format!("{word} "))
}

/// [`NamedFinder::Automaton`]'s automaton.
pub(super) fn named_automaton() -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(named_patterns())
        .expect("the named kinds build an automaton")
}

/// The searcher of named kind words, built once.
pub(super) static NAMED_FINDER: LazyLock<NamedFinder> = LazyLock::new(|| {
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

/// `words` grouped by their first byte (an index of 256 lists), each list in table order: only
/// the words of one list can start where that byte stands.
pub(super) fn by_first_byte(words: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut by_byte = vec![Vec::new(); 256];
    for word in words {
        if let Some(&first) = word.as_bytes().first() {
            by_byte[usize::from(first)].push(*word);
        }
    }
    by_byte
}

/// Finds the references by name (`Luật PCTN năm 2018`) outside the numbered ones.
pub(super) fn find_named(text: &str, numbered: &[Found]) -> Vec<Found> {
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
pub(super) fn read_named(
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
            if let Some((len, written)) = grammar::cited_date(&text[scanned.end..limit]) {
                end = scanned.end + len;
                date = written.ok().map(|(d, m, y)| grammar::iso(d, m, y));
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
            kind: Some(kind.into()),
            number: None,
            year: None,
            type_code: None,
            issuer_code: None,
            system: NumberSystem::State,
            date: date.map(String::into_boxed_str),
            issuer_name: issuer_name.map(String::into_boxed_str),
            name: Some(text[start..name_end].into()),
            id: None,
            footnote: None,
            line: 0,
        },
    })
}

/// Why a name ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
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
pub(super) struct NameEnd {
    pub(super) end: usize,
    pub(super) stop: Stop,
}

/// Scans a name that starts at `from` (the space after its kind word), not past `limit`.
/// It ends at `;`, `.`, `:`, quotes, a comma not in [`NAME_COMMA_PHRASES`] nor before a one-word
/// list item, ` năm YYYY` (included), ` ngày`, a word of [`NAME_STOP_WORDS`], ` và` before
/// lower case or a kind, or after [`MAX_NAME_WORDS`] words. Inside a numbered reference
/// (`in_number`) ` của` belongs to the name (`Luật Phòng, chống tác hại của thuốc lá số …`).
/// `nested` is set when scanning ahead from a comma, which then does not look ahead again.
pub(super) fn scan_name(
    text: &str,
    from: usize,
    limit: usize,
    in_number: bool,
    nested: bool,
) -> NameEnd {
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
                if let Some(len) = grammar::year_phrase(after) {
                    return stop(word_at + len, Stop::Year);
                }
                if starts_with_word(after, DAY_WORD) {
                    return stop(pos, Stop::Date);
                }
                let stop_word = NAME_STOPS_BY_BYTE[usize::from(after.as_bytes()[0])]
                    .iter()
                    .find(|w| starts_with_word(after, w))
                    .filter(|_| !NAME_STOP_PHRASES.iter().any(|p| starts_with_word(after, p)));
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
pub(super) fn ends_in_date(text: &str, from: usize, limit: usize, in_number: bool) -> bool {
    let end = scan_name(text, from, limit, in_number, true);
    matches!(end.stop, Stop::Date | Stop::Year | Stop::Number) || in_number && end.end == limit
}

/// True when the comma at `pos` stays inside a name: it is part of a phrase of
/// [`NAME_COMMA_PHRASES`] (`Phòng, chống`), or one lower-case word follows it before another
/// comma or the end (`rượu, bia,`).
pub(super) fn comma_continues(text: &str, pos: usize, limit: usize) -> bool {
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
pub(super) static NAME_STOPS_BY_BYTE: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| by_first_byte(NAME_STOP_WORDS));

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`NAMED_FINDER`] must find, plainly: at each char boundary from the left, the first
    /// word of [`NAMED_KINDS`] (table order) that stands there with its space; the search goes
    /// on after each match.
    fn plain_matches(text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let word = text.is_char_boundary(at).then(|| {
                NAMED_KINDS.iter().find_map(|(w, _, _)| {
                    let rest = text[at..].strip_prefix(w)?;
                    rest.starts_with(' ').then_some(w.len() + 1)
                })
            });
            match word.flatten() {
                Some(len) => {
                    found.push((at, at + len));
                    at += len;
                }
                None => at += 1,
            }
        }
        found
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
    fn named_finder_finds_the_plain_matches() {
        let mut texts: Vec<String> = crate::test_support::texts()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
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
            let expected = plain_matches(text);
            assert_eq!(named_matches(text), expected, "{text:?}");
            total += expected.len();
        }
        assert!(total > 20, "{total} matches");
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x006E_616D_6564))]

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
            let expected = plain_matches(&text);
            proptest::prop_assert_eq!(named_matches(&text), expected, "{:?}", text);
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
}
