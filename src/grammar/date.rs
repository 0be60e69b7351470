//! Written dates and the place-and-date line: `Đồng Tháp, ngày 05 tháng 3 năm 2020`.
//!
//! ```text
//! date       ::= 'ngày' ws part ws 'tháng' ws part ws 'năm' ws part
//! ```
//! Reference: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II (địa danh, thời gian).

#![allow(unused_imports)]
use std::sync::LazyLock;

use memchr::memmem;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::opt;
use nom::{IResult, Parser};

use super::number::{E, is_filler};
use crate::model::{AuthorityMode, NumberStyle, NumberSystem};
use crate::tables;
use crate::text::chars;

/// A place and date line: `Đồng Tháp, ngày tháng 11 năm 2020`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceDate {
    /// Place before the comma.
    pub place: Option<String>,
    /// Day, month, year; `None` when blank.
    pub day: Option<u32>,
    /// Month.
    pub month: Option<u32>,
    /// Year.
    pub year: Option<u32>,
}

fn date_part(i: &str) -> IResult<&str, Option<u32>> {
    let (i, _) = space0(i)?;
    let (i, digits) = opt(digit1).parse_complete(i)?;
    let (i, _) = take_while(|c: char| is_filler(c) || c == '\t').parse_complete(i)?;
    Ok((i, digits.and_then(|d| d.parse().ok())))
}

/// Day, month and year of a written date; `None` where left blank.
pub type DateParts = (Option<u32>, Option<u32>, Option<u32>);

/// `ngày 05 tháng 3 năm 2020` with blanks allowed in every part.
pub fn date_words(i: &str) -> IResult<&str, DateParts> {
    let (i, _) = alt((tag("ngày"), tag("Ngày"))).parse_complete(i)?;
    let (i, day) = date_part(i)?;
    let (i, _) = tag("tháng").parse_complete(i)?;
    let (i, month) = date_part(i)?;
    let (i, _) = tag("năm").parse_complete(i)?;
    let (i, year) = date_part(i)?;
    Ok((i, (day, month, year)))
}

/// Parses a place-and-date line; the date words must start within the line after the place.
pub fn place_date(text: &str) -> Option<PlaceDate> {
    let at = day_word(text)?;
    let (_, (day, month, year)) = date_words(&text[at..]).ok()?;
    let place = text[..at].trim().trim_end_matches(',').trim();
    if place.chars().count() > 60
        || place.contains(['.', ';', ':']) && !place.chars().all(|c| is_filler(c) || c == ',')
    {
        return None;
    }
    let place = (!place.is_empty() && !place.chars().all(|c| is_filler(c) || c == ','))
        .then(|| place.to_owned());
    Some(PlaceDate {
        place,
        day,
        month,
        year,
    })
}

/// Where the first `ngày` of `text` starts, or else the first `Ngày`: one search for what
/// follows the first letter, instead of two substring searches (each `str::find` builds its
/// own searcher), asked of every header line.
pub(crate) fn day_word(text: &str) -> Option<usize> {
    static TAIL: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| {
        let tail = tables::DAY_WORD.get(1..).unwrap_or(tables::DAY_WORD);
        memmem::Finder::new(tail.as_bytes())
    });
    let bytes = text.as_bytes();
    let mut capital = None;
    for at in TAIL.find_iter(bytes) {
        match at.checked_sub(1).map(|i| bytes[i]) {
            Some(b'n') => return Some(at - 1),
            Some(b'N') if capital.is_none() => capital = Some(at - 1),
            _ => {}
        }
    }
    capital
}
