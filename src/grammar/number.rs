//! Document numbers and symbols: `91/QĐ-SLĐTBXH`, `19-NQ/TW`, `16/2020/NĐ-CP`, `80/2015/QH13`,
//! `177-Ctr/TU`, and the header's `Số: 12/BC-UBND` with a draft's blank `Số:   /BC-UBND`.
//!
//! ```text
//! reference ::= label ws? ':'? ws? number
//! label     ::= 'Số' | 'SỐ' | 'Luật số' | 'Nghị quyết số' | 'Pháp lệnh số' | 'Lệnh số'
//!             | 'Sắc lệnh số'
//! number    ::= digits ( party | state )
//! digits    ::= [0-9]{1,6} | blank               ; blank only after a label (a draft)
//! blank     ::= ( '.' | '…' | '_' | ' ' )*
//! state     ::= sp? '/' sp? ( year sp? '/' sp? )? symbol
//! party     ::= sp? dash sp? type sp? '/' sp? issuer
//! year      ::= [0-9]{4}
//! type      ::= upper letter*
//! symbol    ::= upper word* ( dash ( word+ | ' ' upper uword* ) | dotted )* typed?
//! dotted    ::= '.' upper uword*               ; no letter after: `CGC.BT`
//! typed     ::= '/' issuer                     ; after a type code alone: `KH/UBND`
//! issuer    ::= upper word* ( dash word+ )*
//! word      ::= letter | [0-9] | '&'       uword ::= upper | [0-9] | '&'
//! dash      ::= '-' | '–'                  sp ::= ' '
//! ```
//!
//! `upper` and `letter` are `\p{Lu}` and `\p{L}` ([`crate::text::classes`]). A dash that no
//! group follows ends the symbol before it (`12/QĐ-UBND- ngày`).
//!
//! The parts ([`Token::parts`]): a state symbol whose first group is a type code (`QĐ-UBND`)
//! is split into type code and issuer code; otherwise all of it is the issuer code (`HĐND-VP`,
//! `TTCP-KHTH`, `SNV-TCBC`, `QH13`). A symbol of one group that starts with a type code glued
//! to an issuer (`QĐUBND`, `NĐCP`) is a text that lost its hyphens and is split; a symbol that
//! still has a hyphen has lost none, so its first group is read as written (`HĐND-VP` is no
//! `HĐ` + `ND`). A Party number's type is its type code (`Ctr` → `CTr`).
//!
//! References: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II and Phụ lục III; Luật 80/2015/QH13
//! Điều 10; Hướng dẫn 36-HD/VPTW; `docs/format.md` §3.

use std::borrow::Cow;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, satisfy, space0};
use nom::combinator::{opt, recognize};
use nom::error::ErrorKind;
use nom::multi::many0_count;
use nom::{IResult, Parser};

use crate::model::NumberSystem;
use crate::tables::{self, DocType};
use crate::text::classes::{LETTER, UPPER, letter_bits};

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

/// What follows the digits of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body<'t> {
    /// A state number's symbol after the number and year: `QĐ-UBND`, `QH13`.
    State(&'t str),
    /// A Party number's type and issuer: `NQ`, `TW`.
    Party {
        /// The type as written.
        kind: &'t str,
        /// The issuer as written.
        issuer: &'t str,
    },
}

/// A number and symbol as written, read by [`token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    /// The digits, `None` when blank.
    pub number: Option<&'t str>,
    /// The year group of a state number.
    pub year: Option<u32>,
    /// The symbol.
    pub body: Body<'t>,
    /// True when a separator (the `-` or `/` after the digits, the `/` after the type or the
    /// year) has a space beside it: `03 /BC`.
    pub spaced: bool,
    /// Bytes the number covers.
    pub len: usize,
}

/// Whether a number may be blank (a draft's `Số:   /BC-UBND`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// Digits are required (running text).
    No,
    /// The digits may be left blank (after a `Số:` label).
    Allowed,
}

/// Longest digit run of a number.
pub const MAX_DIGITS: usize = 6;

/// A char of a draft's blank number or date part.
pub(crate) fn is_filler(c: char) -> bool {
    matches!(c, '.' | '…' | '_' | ' ')
}

pub(crate) type E<'a> = nom::error::Error<&'a str>;

fn is_upper(c: char) -> bool {
    letter_bits(c) & UPPER != 0
}

fn is_letter(c: char) -> bool {
    letter_bits(c) & LETTER != 0
}

/// `word ::= letter | [0-9] | '&'`. Most chars of a symbol are ASCII, answered without the
/// letter table.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '&'
    } else {
        is_letter(c)
    }
}

/// `uword ::= upper | [0-9] | '&'`.
fn is_upper_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&'
    } else {
        is_upper(c)
    }
}

/// `sp?`: true when the space was there. The separators are read by hand (a byte each): they
/// are tried at every number, where `opt(char(..))` would build and drop an error each time.
fn sp(i: &str) -> IResult<&str, bool, E<'_>> {
    Ok(match i.strip_prefix(' ') {
        Some(rest) => (rest, true),
        None => (i, false),
    })
}

/// `'/'`.
fn slash_char(i: &str) -> IResult<&str, (), E<'_>> {
    match i.strip_prefix('/') {
        Some(rest) => Ok((rest, ())),
        None => Err(nom::Err::Error(E::new(i, ErrorKind::Char))),
    }
}

/// `dash ::= '-' | '–'`.
fn dash(i: &str) -> IResult<&str, (), E<'_>> {
    match i.strip_prefix('-').or_else(|| i.strip_prefix('–')) {
        Some(rest) => Ok((rest, ())),
        None => Err(nom::Err::Error(E::new(i, ErrorKind::Char))),
    }
}

fn upper(i: &str) -> IResult<&str, char, E<'_>> {
    satisfy(is_upper).parse_complete(i)
}

/// `symbol ::= upper word* ( dash ( word+ | ' ' upper uword* ) | dotted )*`.
fn symbol(i: &str) -> IResult<&str, &str, E<'_>> {
    let group = alt((take_while1(is_word), spaced_group));
    let part = alt((recognize((dash, group)), dotted));
    recognize((upper, take_while(is_word), many0_count(part))).parse_complete(i)
}

/// `' ' upper uword+ lower{0,2}`: a group after a dash and a space (`416/QĐ- TTg`, a space
/// left where a line was wrapped): in capitals, a short lower-case tail allowed after two
/// capitals (`TTg`) when no letter follows it; a word of the sentence (`Thủ`) is none.
fn spaced_group(i: &str) -> IResult<&str, &str, E<'_>> {
    let (rest, caps) =
        recognize((char(' '), upper, take_while(is_upper_word))).parse_complete(i)?;
    let tail = rest.find(|c: char| !c.is_lowercase()).unwrap_or(rest.len());
    if caps.chars().count() >= 3 && (1..=2).contains(&tail) && !rest[tail..].starts_with(is_letter)
    {
        return Ok((&rest[tail..], &i[..caps.len() + tail]));
    }
    Ok((rest, caps))
}

/// `dotted ::= '.' upper uword*` that no letter follows: the second half of `CGC.BT`, never
/// the start of a sentence (`UBND.Tiếp`).
fn dotted(i: &str) -> IResult<&str, &str, E<'_>> {
    let (rest, part) =
        recognize((char('.'), upper, take_while(is_upper_word))).parse_complete(i)?;
    if rest.starts_with(is_letter) {
        return Err(nom::Err::Error(E::new(i, ErrorKind::Verify)));
    }
    Ok((rest, part))
}

/// `typed ::= '/' issuer` after a symbol that is a type code alone: the issuer of `180/KH/UBND`
/// or `57/NQ/TW`, written after a second slash where a dash belongs.
fn typed<'t>(symbol: &'t str, i: &'t str) -> Option<&'t str> {
    // The slash first: the type-code lookup is a table walk, and most symbols end otherwise.
    if !i.starts_with('/') {
        return None;
    }
    tables::canonical_type_code(symbol)?;
    let (rest, _) = (slash_char, issuer).parse_complete(i).ok()?;
    Some(rest)
}

/// `issuer ::= upper word* ( dash word+ )*`.
fn issuer(i: &str) -> IResult<&str, &str, E<'_>> {
    recognize((
        upper,
        take_while(is_word),
        many0_count((dash, take_while1(is_word))),
    ))
    .parse_complete(i)
}

/// `sp? '/' sp?`: true when a space stood beside the `/`.
fn slash(i: &str) -> IResult<&str, bool, E<'_>> {
    let (i, (before, (), after)) = (sp, slash_char, sp).parse_complete(i)?;
    Ok((i, before || after))
}

/// `state ::= sp? '/' sp? ( year sp? '/' sp? )? symbol`: year, symbol, spaced.
fn state(i: &str) -> IResult<&str, (Option<u32>, Body<'_>, bool), E<'_>> {
    let (i, spaced) = slash(i)?;
    let (i, year) =
        opt((take_while_m_n(4, 4, |c: char| c.is_ascii_digit()), slash)).parse_complete(i)?;
    let start = i;
    let (mut i, mut symbol) = symbol(i)?;
    if let Some(rest) = typed(symbol, i) {
        symbol = &start[..start.len() - rest.len()];
        i = rest;
    }
    let (year, year_spaced) = year.map_or((None, false), |(y, s)| (y.parse().ok(), s));
    Ok((i, (year, Body::State(symbol), spaced || year_spaced)))
}

/// `party ::= sp? dash sp? type sp? '/' sp? issuer`: the body and spaced.
fn party(i: &str) -> IResult<&str, (Option<u32>, Body<'_>, bool), E<'_>> {
    let (i, (before, (), after)) = (sp, dash, sp).parse_complete(i)?;
    let (i, kind) = recognize((upper, take_while(is_letter))).parse_complete(i)?;
    let (i, slash_spaced) = slash(i)?;
    let (i, issuer) = issuer(i)?;
    let spaced = before || after || slash_spaced;
    Ok((i, (None, Body::Party { kind, issuer }, spaced)))
}

/// `digits ::= [0-9]{1,6} | blank`.
fn digits(blank: Blank) -> impl Fn(&str) -> IResult<&str, Option<&str>, E<'_>> {
    move |i| {
        let run = take_while_m_n(1, MAX_DIGITS, |c: char| c.is_ascii_digit()).parse_complete(i);
        match (run, blank) {
            (Ok((i, d)), _) => Ok((i, Some(d))),
            (Err(e), Blank::No) => Err(e),
            (Err(_), Blank::Allowed) => {
                let (i, _) = take_while(is_filler).parse_complete(i)?;
                Ok((i, None))
            }
        }
    }
}

/// The number at the start of `text`, read by the grammar of this module, or `None`.
pub fn token(text: &str, blank: Blank) -> Option<Token<'_>> {
    let (rest, (number, (year, body, spaced))) = (digits(blank), alt((party, state)))
        .parse_complete(text)
        .ok()?;
    Some(Token {
        number,
        year,
        body,
        spaced,
        len: text.len() - rest.len(),
    })
}

impl Token<'_> {
    /// The parts of the number. `kind` is the type named by the words before it (`Công văn số
    /// 1234/CT-TTHT`): a type without a code says the symbol has none (`CT` is the issuer
    /// there, not Chỉ thị), and a glued type code must be the kind's.
    pub fn parts(&self, kind: Option<&DocType>) -> Number {
        let (year, type_code, issuer_code, system) = match self.body {
            Body::Party { kind, issuer } => {
                let type_code = tables::canonical_type_code(kind).unwrap_or(kind);
                (
                    None,
                    Some(type_code.to_owned()),
                    Some(if issuer.contains('–') {
                        issuer.replace('–', "-")
                    } else {
                        issuer.to_owned()
                    }),
                    NumberSystem::Party,
                )
            }
            Body::State(symbol) => {
                let (type_code, issuer_code) = split_symbol(symbol, kind);
                (self.year, type_code, issuer_code, NumberSystem::State)
            }
        };
        Number {
            number: self.number.map(str::to_owned),
            year,
            type_code,
            issuer_code,
            system,
        }
    }
}

/// Splits a state symbol into type code and issuer code (see the module doc).
pub fn split_symbol(symbol: &str, kind: Option<&DocType>) -> (Option<String>, Option<String>) {
    // Most symbols have no en dash and no space to drop: they are not copied. (A space in a
    // symbol always follows a dash; the en dash is the only char of the symbol grammar whose
    // first byte is 0xE2.)
    let symbol: Cow<'_, str> = if symbol.bytes().any(|b| b == b' ' || b == 0xE2) {
        Cow::Owned(symbol.replace('–', "-").replace("- ", "-"))
    } else {
        Cow::Borrowed(symbol)
    };
    if kind.is_some_and(|t| t.code.is_none()) {
        return (None, Some(symbol.into_owned()));
    }
    let (first, rest) = match symbol.split_once(['-', '/']) {
        Some((first, rest)) => (first, Some(rest)),
        None => (&*symbol, None),
    };
    if let Some(code) = tables::canonical_type_code(first) {
        return (Some(code.to_owned()), rest.map(str::to_owned));
    }
    if rest.is_none()
        && let Some((code, issuer)) = split_glued(first, kind.and_then(|t| t.code))
    {
        return (Some(code.to_owned()), Some(issuer.to_owned()));
    }
    (None, Some(symbol.into_owned()))
}

/// Splits a group whose hyphen was lost (`QĐUBND` → `QĐ`, `UBND`): the longest type code of
/// at least two letters, then an issuer of at least two chars starting upper-case. The group
/// must not be a known issuer (`HĐND`, `TTCP`), and when kind words stand before, the code
/// must be theirs.
pub fn split_glued<'g>(group: &'g str, kind_code: Option<&str>) -> Option<(&'static str, &'g str)> {
    let bare = group.trim_end_matches(|c: char| c.is_ascii_digit());
    if tables::ISSUER_CODES.contains(&bare) {
        return None;
    }
    tables::DOC_TYPES
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
        .and_then(|(code, issuer)| Some((tables::canonical_type_code(code)?, issuer)))
        .filter(|(code, _)| kind_code.is_none_or(|k| k == *code))
}

/// The label, colon and spaces before the number of a reference.
fn label(i: &str) -> IResult<&str, &str, E<'_>> {
    let words = alt((
        tag("Số"),
        tag("SỐ"),
        tag("Luật số"),
        tag("Nghị quyết số"),
        tag("Pháp lệnh số"),
        tag("Lệnh số"),
        tag("Sắc lệnh số"),
    ));
    recognize((words, space0, opt(char(':')), space0)).parse_complete(i)
}

/// `Số: 12/BC-UBND` and its variants; the rest of the line after the number is ignored.
pub fn reference(text: &str) -> Option<Number> {
    Some(reference_token(text)?.parts(None))
}

/// The number of a `Số:` line as written: its pieces are slices of `text`, so their places in
/// the line are known.
pub fn reference_token(text: &str) -> Option<Token<'_>> {
    // Every label starts with one of these letters; most lines are ruled out at once.
    if !matches!(text.as_bytes().first(), Some(b'S' | b'L' | b'N' | b'P')) {
        return None;
    }
    let (rest, _) = label(text).ok()?;
    token(rest, Blank::Allowed)
}

impl<'t> Token<'t> {
    /// The group of the symbol that says the document's type, as written: the type of a Party
    /// number, else the symbol's first group, cut to the type code when one is glued to the
    /// issuer (`QĐ` of `QĐUBND`).
    pub fn code_group(&self, type_code: Option<&str>) -> &'t str {
        match self.body {
            Body::Party { kind, .. } => kind,
            Body::State(symbol) => {
                let group = symbol
                    .split(['-', '–', '/'])
                    .next()
                    .unwrap_or(symbol)
                    .trim();
                // A glued code is cut where `split_glued` cut it: the written code may be
                // longer or shorter than the canonical one (`UQ` for `GUQ`).
                match split_glued(group, None) {
                    Some((code, issuer)) if type_code == Some(code) => {
                        group.get(..group.len() - issuer.len()).unwrap_or(group)
                    }
                    _ => group,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_group_is_the_type_as_written() {
        fn group(text: &str) -> Option<(Option<String>, &str)> {
            let t = reference_token(text)?;
            let n = t.parts(None);
            Some((n.type_code.clone(), t.code_group(n.type_code.as_deref())))
        }
        assert_eq!(group("Số: 12/BC-UBND"), Some((Some("BC".into()), "BC")));
        assert_eq!(group("Số: 3027/QĐUBND"), Some((Some("QĐ".into()), "QĐ")));
        // An older code glued to the issuer: `UQ` is written, `GUQ` is its code now.
        assert_eq!(group("Số: 12/UQUBND"), Some((Some("GUQ".into()), "UQ")));
        assert_eq!(group("Số: 08/HĐND-VP"), Some((None, "HĐND")));
        assert_eq!(group("Số 45-Ctr/TU"), Some((Some("CTr".into()), "Ctr")));
    }

    /// `number|year|type|issuer|system` of a parsed reference, `-` for a missing part.
    fn num(text: &str) -> Option<String> {
        reference(text).map(|n| show(&n))
    }

    fn show(n: &Number) -> String {
        let part = |p: Option<String>| p.unwrap_or_else(|| "-".to_owned());
        format!(
            "{}|{}|{}|{}|{:?}",
            part(n.number.clone()),
            part(n.year.map(|y| y.to_string())),
            part(n.type_code.clone()),
            part(n.issuer_code.clone()),
            n.system
        )
    }

    /// The part of `text` the number grammar reads, digits required.
    fn read(text: &str) -> Option<&str> {
        token(text, Blank::No).map(|t| &text[..t.len])
    }

    #[test]
    fn issuers_that_start_like_a_type_code_keep_their_hyphen() {
        assert_eq!(
            num("Số: 08/HĐND-VP").as_deref(),
            Some("08|-|-|HĐND-VP|State")
        );
        assert_eq!(
            num("Số: 12/TTCP-KHTH").as_deref(),
            Some("12|-|-|TTCP-KHTH|State")
        );
        assert_eq!(
            num("Số: /TTXT-ĐTDN").as_deref(),
            Some("-|-|-|TTXT-ĐTDN|State")
        );
        assert_eq!(num("Số: 3/KH1N-X").as_deref(), Some("3|-|-|KH1N-X|State"));
        assert_eq!(num("Số: 12/HĐND").as_deref(), Some("12|-|-|HĐND|State"));
    }

    #[test]
    fn glued_type_codes_are_split() {
        assert_eq!(
            num("Số: 3027/QĐUBND").as_deref(),
            Some("3027|-|QĐ|UBND|State")
        );
        assert_eq!(
            num("Số: 63/2010/NĐCP").as_deref(),
            Some("63|2010|NĐ|CP|State")
        );
        assert_eq!(num("Số: 12/TTrSNV").as_deref(), Some("12|-|TTr|SNV|State"));
        assert_eq!(num("Số: 5/BCĐ").as_deref(), Some("5|-|-|BCĐ|State"));
        let kh = tables::doc_type_by_kind("kế hoạch");
        assert_eq!(
            split_symbol("BCĐTW", kh),
            (None, Some("BCĐTW".to_owned())),
            "after `Kế hoạch`, a glued code must be KH"
        );
        let cv = tables::doc_type_by_kind("công văn");
        assert_eq!(
            split_symbol("CT-TTHT", cv),
            (None, Some("CT-TTHT".to_owned())),
            "a công văn's symbol has no type code"
        );
    }

    #[test]
    fn state_numbers() {
        let cases = [
            ("Số: /BC-SLĐTBXH", "-|-|BC|SLĐTBXH|State"),
            ("Số:      /BC-UBND", "-|-|BC|UBND|State"),
            ("Số: …/QĐ-UBND", "-|-|QĐ|UBND|State"),
            ("Số: ……./KH-UBND", "-|-|KH|UBND|State"),
            ("Số: 12/BC-UBND", "12|-|BC|UBND|State"),
            ("Số: 29/QĐ-UBND-TL", "29|-|QĐ|UBND-TL|State"),
            ("Số: 456/SNV-TCBC", "456|-|-|SNV-TCBC|State"),
            ("Số: 16/2019/QĐ-UBND", "16|2019|QĐ|UBND|State"),
            ("Luật số: 80/2015/QH13", "80|2015|-|QH13|State"),
            (
                "Nghị quyết số: 24/2022/UBTVQH15",
                "24|2022|-|UBTVQH15|State",
            ),
            ("Số: 44 /2005/QĐ-UBND", "44|2005|QĐ|UBND|State"),
            ("Số: 12/TTr-SNV", "12|-|TTr|SNV|State"),
            ("SỐ: 01/2023/TT-BLĐTBXH", "01|2023|TT|BLĐTBXH|State"),
            ("Số: 12/BC-UBND. Hà Nội", "12|-|BC|UBND|State"),
            ("Số:  /HC-TH", "-|-|-|HC-TH|State"),
            ("Số: 55/2005/TTLT-BNV-VPCP", "55|2005|TTLT|BNV-VPCP|State"),
            ("Số: 05/BNV-VP", "05|-|-|BNV-VP|State"),
            ("Số: 16/CGC.BT", "16|-|-|CGC.BT|State"),
            ("Số: 180/KH/UBND", "180|-|KH|UBND|State"),
            ("Số: 57/NQ/TW", "57|-|NQ|TW|State"),
        ];
        for (text, want) in cases {
            assert_eq!(num(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn party_numbers() {
        assert_eq!(num("Số 45-BC/ĐU").as_deref(), Some("45|-|BC|ĐU|Party"));
        assert_eq!(num("Số: 36-HD/VPTW").as_deref(), Some("36|-|HD|VPTW|Party"));
        assert_eq!(num("Số 177-Ctr/TU").as_deref(), Some("177|-|CTr|TU|Party"));
        assert_eq!(num("Số 08-QĐi/TW").as_deref(), Some("08|-|QĐi|TW|Party"));
        assert_eq!(
            num("Số 24-BS/UBKTTU").as_deref(),
            Some("24|-|BS|UBKTTU|Party")
        );
        let t = token("19 – NQ / TW", Blank::No).expect("a spaced Party number");
        assert!(t.spaced);
        assert_eq!(show(&t.parts(None)), "19|-|NQ|TW|Party");
        let t = token("5-QĐ/TW–BTC", Blank::No).expect("an en dash in the issuer");
        assert_eq!(show(&t.parts(None)), "5|-|QĐ|TW-BTC|Party");
    }

    #[test]
    fn not_numbers() {
        assert_eq!(reference("Số lượng cán bộ"), None);
        assert_eq!(reference("Số liệu: 12 người"), None);
        assert_eq!(reference("Sở Nội vụ"), None);
        assert_eq!(reference("Số: 12"), None);
        assert_eq!(
            token("/BC-UBND", Blank::No),
            None,
            "a blank only after a label"
        );
    }

    #[test]
    fn what_the_grammar_reads() {
        let cases: &[(&str, Option<&str>)] = &[
            ("91/QĐ-SLĐTBXH ngày", Some("91/QĐ-SLĐTBXH")),
            ("25-NQ/TW,", Some("25-NQ/TW")),
            ("34/2016/NĐ-CP.", Some("34/2016/NĐ-CP")),
            ("80/2015/QH13;", Some("80/2015/QH13")),
            ("08/HĐND-VP về", Some("08/HĐND-VP")),
            ("03 /BC - UBND", Some("03 /BC")),
            ("03 /BC- UBND", Some("03 /BC- UBND")),
            ("03 /BC- Ubnd", Some("03 /BC- U")),
            ("416/QĐ- TTg;", Some("416/QĐ- TTg")),
            ("416/QĐ- Thủ", Some("416/QĐ- T")),
            ("416/QĐ- TTgiao", Some("416/QĐ- TT")),
            ("03  /BC", None),
            ("12 / 2020 / NĐ-CP", Some("12 / 2020 / NĐ-CP")),
            ("12/2020/nđ", None),
            ("12/20201/NĐ", None),
            ("12/202/NĐ", None),
            ("1234567/QĐ", None),
            ("123456/QĐ", Some("123456/QĐ")),
            ("177 – Ctr/TU-BTC–", Some("177 – Ctr/TU-BTC")),
            ("5-NQ1/TW", None),
            ("5/QĐ-&-x- Y", Some("5/QĐ-&-x- Y")),
            ("5/A- b", Some("5/A")),
            ("26/5/2020", None),
            ("60/145 TTHC", None),
            ("٣/QĐ", None),
            ("16/CGC.BT ngày", Some("16/CGC.BT")),
            ("12/QĐ-UBND.Tiếp", Some("12/QĐ-UBND")),
            ("12/QĐ-UBND. Tiếp", Some("12/QĐ-UBND")),
            ("180/KH/UBND ngày", Some("180/KH/UBND")),
            ("12/SNV/TCBC", Some("12/SNV")),
            ("12/KH/2025", Some("12/KH")),
        ];
        for &(input, want) in cases {
            assert_eq!(read(input), want, "{input:?}");
        }
        let t = token("34/2016/NĐ-CP", Blank::No).expect("a decree");
        assert_eq!(
            (t.number, t.year, t.spaced),
            (Some("34"), Some(2016), false)
        );
        assert!(token("03 /BC", Blank::No).is_some_and(|t| t.spaced));
        assert!(token("12/2020 /NĐ", Blank::No).is_some_and(|t| t.spaced));
    }
}
