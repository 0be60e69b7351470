//! Signing authority prefixes: `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`, and the Party's `T/M`, `K/T`.

#![allow(unused_imports)]
use std::sync::LazyLock;

use memchr::memmem;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::opt;
use nom::{IResult, Parser};

use crate::model::{AuthorityMode, NumberStyle, NumberSystem};
use crate::tables;

use crate::text::kernels::{self, FirstPairs};

/// An authority prefix at the start of `text`: the mode, the prefix as written and the rest.
pub fn authority(text: &str) -> Option<(AuthorityMode, &str, &str)> {
    // Comparing first bytes rules out almost every line before any prefix is compared: a
    // table of the prefixes' first bytes for most lines (asked of every body line), then the
    // prefixes that start with it.
    // The first two bytes then rule out the lines that start with `T` or `K` in a word
    // (`Trong`, `Thực hiện`, `Kết quả`), which the first byte let through to the prefix
    // comparisons.
    static FIRST_BYTES: [bool; 256] = kernels::first_bytes_of_keys(tables::AUTHORITY_PREFIXES);
    static FIRST_PAIRS: FirstPairs = FirstPairs::of_keys(tables::AUTHORITY_PREFIXES);
    let first = text.as_bytes().first()?;
    if !FIRST_BYTES[usize::from(*first)] || !FIRST_PAIRS.may_open(text) {
        return None;
    }
    tables::AUTHORITY_PREFIXES
        .iter()
        .filter(|(prefix, _)| prefix.as_bytes().first() == Some(first))
        .find_map(|&(prefix, mode)| {
            let rest = text.strip_prefix(prefix)?;
            let rest_trim = rest.trim_start();
            // `Q.` must be followed by a title in capitals; `TM.` by anything upper-case.
            let next = rest_trim.chars().next()?;
            (next.is_uppercase()
                && (rest.len() != rest_trim.len()
                    || prefix.ends_with('.')
                    || rest_trim.len() < rest.len() + 1))
                .then_some((mode, prefix, rest_trim))
        })
}
