//! Document numbers and symbols: `Số: 12/BC-UBND`, `Số 45-BC/ĐU`, `Luật số: 80/2015/QH13`.
//!
//! ```text
//! reference  ::= label ws? ':'? ws? number? ws? ( state | party )
//! label      ::= 'Số' | 'Luật số' | 'Nghị quyết số' | 'Pháp lệnh số' | 'Lệnh số'
//! number     ::= digit+ | filler+              ; filler: '.', '…', '_' (a draft's blank)
//! state      ::= '/' ws? (year '/')? symbol    ; 12/BC-UBND, 16/2019/QĐ-UBND, 456/SNV-TCBC
//! party      ::= '-' type '/' issuer           ; 45-BC/ĐU
//! ```
//! References: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II and Phụ lục III; Hướng dẫn 36-HD/VPTW.

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
use crate::text::chars;

/// A document number split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Digits as written, `None` when blank.
    pub number: Option<String>,
    /// Year group.
    pub year: Option<u32>,
    /// Type code in canonical case.
    pub type_code: Option<String>,
    /// Remaining groups.
    pub issuer_code: Option<String>,
    /// Numbering system.
    pub system: NumberSystem,
}

pub(crate) fn is_filler(c: char) -> bool {
    matches!(c, '.' | '…' | '_' | ' ')
}

fn symbol_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '/' | '&' | '.' | '…')
}

pub(crate) type E<'a> = nom::error::Error<&'a str>;

/// The label, colon and number of a reference: returns the number (empty when blank) and the rest.
fn reference_head(i: &str) -> IResult<&str, &str> {
    let label = alt((
        tag("Số"),
        tag("SỐ"),
        tag("Luật số"),
        tag("Nghị quyết số"),
        tag("Pháp lệnh số"),
        tag("Lệnh số"),
        tag("Sắc lệnh số"),
    ));
    let (i, _) = (label, space0, opt(char(':')), space0).parse_complete(i)?;
    let (i, digits) = alt((digit1, take_while(is_filler))).parse_complete(i)?;
    let (i, _) = space0(i)?;
    Ok((i, digits))
}

/// `Số: 12/BC-UBND` and its variants; the rest of the line after the number is ignored.
pub fn reference(text: &str) -> Option<Number> {
    // Every label starts with one of these letters; most lines are ruled out at once.
    if !matches!(text.as_bytes().first(), Some(b'S' | b'L' | b'N' | b'P')) {
        return None;
    }
    let (rest, digits) = reference_head(text).ok()?;
    let digits = digits.trim();
    let number = (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.to_owned());
    let sep = rest.chars().next()?;
    match sep {
        '/' => {
            let (_, symbol) = take_while1::<_, _, E>(symbol_char)
                .parse_complete(rest[1..].trim_start())
                .ok()?;
            let symbol = symbol.trim_end_matches(['.', '…']);
            symbol
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
                .then(|| state_symbol(number, symbol))
        }
        '-' => party_symbol(number, rest[1..].trim_start()),
        _ => None,
    }
}

/// Splits the symbol of a state number (`2019/QĐ-UBND`, `BC-UBND`, `SNV-TCBC`, `QH13`).
pub fn state_symbol(number: Option<String>, symbol: &str) -> Number {
    let symbol = symbol.trim_matches(['/', '-', ' ']);
    let (year, rest) = match symbol.split_once('/') {
        Some((y, rest)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (y.parse().ok(), rest)
        }
        _ => (None, symbol),
    };
    let mut groups = rest
        .split('-')
        .map(str::trim)
        .filter(|g| !g.is_empty() && !g.chars().all(|c| c == '.' || c == '…'));
    let first = groups.next().unwrap_or("");
    let (type_code, issuer_code) = match tables::canonical_type_code(first) {
        Some(code) => {
            let others: Vec<&str> = groups.collect();
            (
                Some(code.to_owned()),
                (!others.is_empty()).then(|| others.join("-")),
            )
        }
        None => match split_glued(first) {
            Some((code, issuer)) => (Some(code.to_owned()), Some(issuer.to_owned())),
            None => (
                None,
                (!rest.is_empty()).then(|| rest.trim_matches('-').to_owned()),
            ),
        },
    };
    Number {
        number,
        year,
        type_code,
        issuer_code,
        system: NumberSystem::State,
    }
}

/// Splits a type code glued to its issuer by a lost hyphen (`QĐUBND`, `NĐCP`).
pub fn split_glued(group: &str) -> Option<(&'static str, &str)> {
    tables::DOC_TYPES
        .iter()
        .filter_map(|t| t.code)
        .filter(|code| code.len() >= 2)
        .find_map(|code| {
            let rest = group.strip_prefix(code)?;
            (rest.chars().count() >= 2
                && rest.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
            .then_some((code, rest))
        })
}

/// Splits the part after the number of a Party number: `BC/ĐU`.
fn party_symbol(number: Option<String>, rest: &str) -> Option<Number> {
    let (type_part, issuer) = rest.split_once('/')?;
    let issuer: String = issuer
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == '-')
        .collect();
    let type_part = type_part.trim();
    if type_part.is_empty() || issuer.is_empty() || !type_part.chars().all(char::is_alphabetic) {
        return None;
    }
    let type_code = tables::canonical_type_code(type_part)
        .unwrap_or(type_part)
        .to_owned();
    Some(Number {
        number,
        year: None,
        type_code: Some(type_code),
        issuer_code: Some(issuer),
        system: NumberSystem::Party,
    })
}
