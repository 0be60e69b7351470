//! The kind words behind a number (`Quyết định số`, `Luật Ngân sách nhà nước số`), found by
//! one walk back through a trie of the kinds.

use std::sync::LazyLock;

use super::LOOK_BEHIND;
use super::named::scan_name;
use super::words::{LOWER_TABLE, ceil_boundary, ends_with_own_word_ci, fold_in, prev_char};
use crate::tables::{
    CITED_BY_NAME, DOC_TYPES, EXTRA_KIND_WORDS, LAW_PERSON_WORDS, NAMED_KINDS, NUMBER_WORD,
    PLURAL_WORDS,
};

/// What stands before a number.
pub(super) struct Behind {
    /// Kind, from the table.
    pub(super) kind: Option<&'static str>,
    /// Where the kind words start.
    pub(super) start: Option<usize>,
    /// True when `số` stands right before the number.
    pub(super) has_number_word: bool,
}

/// Lower-case words in a trie read from their last char back: [`WordTrie::longest_at_end`]
/// walks it once from the end of a text, so every word that could end there is tried at the
/// same time, each char of the text read once. Where two words are the same, the first keeps
/// the node.
pub(super) struct WordTrie {
    nodes: Vec<TrieNode>,
}

/// One node of a [`WordTrie`]: the word that ends here, if any, and the next chars back.
#[derive(Default)]
pub(super) struct TrieNode {
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
    /// letting any run of whitespace match a space, as [`ends_with_word_ci`](super::words::ends_with_word_ci) matches each, with
    /// the byte where it starts.
    pub(super) fn longest_at_end(&self, before: &str) -> Option<(&'static str, usize)> {
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
pub(super) static KIND_TRIE: LazyLock<WordTrie> = LazyLock::new(|| {
    WordTrie::new(
        DOC_TYPES
            .iter()
            .map(|t| t.kind)
            .chain(EXTRA_KIND_WORDS.iter().copied()),
    )
});

/// [`PLURAL_WORDS`], which may stand before a named kind.
pub(super) static PLURAL_TRIE: LazyLock<WordTrie> =
    LazyLock::new(|| WordTrie::new(PLURAL_WORDS.iter().copied()));

/// A reverse searcher for each word of [`NAMED_KINDS`], built once, with the word and its kind.
pub(super) static NAMED_KIND_FINDERS: LazyLock<
    Vec<(memchr::memmem::FinderRev<'static>, &str, &str)>,
> = LazyLock::new(|| {
    NAMED_KINDS
        .iter()
        .map(|&(word, kind, _)| (memchr::memmem::FinderRev::new(word), word, kind))
        .collect()
});

/// Looks back from `num_start` (not before `floor`, at most [`LOOK_BEHIND`] bytes) for
/// `[kind [name]] [số [:]]`.
pub(super) fn kind_before(text: &str, num_start: usize, floor: usize) -> Behind {
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
        let name = text[gap_start..gap_end]
            .strip_prefix(' ')
            .unwrap_or_default();
        let capitalized = name.chars().next().is_some_and(char::is_uppercase);
        // A law's name written in lower case, as before 2010 (`Luật khuyến khích đầu tư trong
        // nước (sửa đổi) số 03/1998/QH10`): the number after it makes it a citation. Not a
        // lawyer (`Luật sư`).
        let old_style = CITED_BY_NAME.contains(&kind)
            && name.chars().next().is_some_and(char::is_lowercase)
            && !LAW_PERSON_WORDS
                .iter()
                .any(|w| name.split(' ').next() == Some(*w));
        if (capitalized || old_style)
            && scan_name(text, gap_start, gap_end, true, false).end == gap_end
        {
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::parse::citation::words::{ends_with_word_ci, same_ci, single_lower};
    use crate::tables::doc_type_by_kind;

    /// The kind words, in table order.
    pub(in crate::parse::citation) fn kind_words() -> impl Iterator<Item = &'static str> {
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
    pub(in crate::parse::citation) fn kind_pieces() -> Vec<&'static str> {
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
        #![proptest_config(crate::test_support::config(4_000, 0x6B69_6E64_7472))]

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
}
