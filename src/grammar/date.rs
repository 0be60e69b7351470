//! Written dates and the place-and-date line: `Đồng Tháp, ngày 05 tháng 3 năm 2020`,
//! `ngày 26/5/2020`, `ngày 17-6-2022`, a draft's `ngày … tháng … năm 2020`.
//!
//! ```text
//! date       ::= day-word gap ( numeric | words )
//! numeric    ::= digits sep digits sep digits          ; 26/5/2020, 17-6-2022, 3.4.2020
//! words      ::= part gap month-word gap part gap year-word gap part
//! part       ::= digits | blank
//! blank      ::= ( filler | ws )*                        ; filler: '.', '…', '_' (a draft)
//! sep        ::= ( ' '? '/' | '-' | '.' ) ' '?           ; the two may differ (5/3-2020),
//!                                                      ; spaced as OCR reads `15 / 11 /2024`
//! gap        ::= ws*                                     ; ws: ' ' or tab
//! day-word   ::= 'ngày'   month-word ::= 'tháng'   year-word ::= 'năm'   (any case; a
//!                                                      place-date line's `ngày` is found as
//!                                                      `ngày` or `Ngày`)
//! place-date ::= place? ','? date                        ; the rest of the line is ignored
//! ```
//!
//! The grammar reads what is written; [`Written::date`] then says whether it is a date: every
//! part written, a day and month of one or two digits, a year of four, a day the month has
//! ([`calendar`], the one calendar check of the crate). What is wrong comes back as a
//! [`DateError`], so the validator can say it.
//!
//! Reference: Nghị định 30/2020/NĐ-CP Phụ lục I Mục II (địa danh, thời gian).

use std::sync::LazyLock;

use memchr::memmem;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::opt;
use nom::error::ErrorKind;
use nom::{IResult, Parser};

use super::number::{E, is_filler};
use crate::tables::{DAY_WORD, MONTH_WORD, YEAR_WORD};

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

/// Day, month and year of a written date; `None` where left blank.
pub type DateParts = (Option<u32>, Option<u32>, Option<u32>);

/// A date as (day, month, year), or what keeps it from being one.
pub type Dated = Result<(u32, u32, u32), DateError>;

/// One part of a written date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The day.
    Day,
    /// The month.
    Month,
    /// The year.
    Year,
}

/// The digits of one part as written, and where they start: a byte offset from the start of
/// the date (its day word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digits<'t> {
    /// Offset of the first digit from the start of the date.
    pub at: usize,
    /// The digits.
    pub text: &'t str,
}

impl Digits<'_> {
    /// The value, `None` past `u32`.
    pub fn value(&self) -> Option<u32> {
        self.text.bytes().try_fold(0u32, |n, d| {
            n.checked_mul(10)?
                .checked_add(u32::from(d.wrapping_sub(b'0')))
        })
    }
}

/// A date as written: each part's digits, or `None` where it is blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written<'t> {
    /// Day.
    pub day: Option<Digits<'t>>,
    /// Month.
    pub month: Option<Digits<'t>>,
    /// Year.
    pub year: Option<Digits<'t>>,
    /// Bytes the date covers, from its day word.
    pub len: usize,
}

/// Why a written date is no date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// A part is left blank (a draft's `ngày … tháng`).
    Blank(Part),
    /// A part has too many or too few digits (a day of three, a year of five).
    Width(Part),
    /// A month outside 1 to 12.
    Month(u32),
    /// A day the month does not have (0, 31 April, 29 February outside a leap year).
    Day {
        /// The day.
        day: u32,
        /// The month.
        month: u32,
        /// How many days that month has (that year, or 29 for February of an unknown year).
        days: u32,
    },
}

impl DateError {
    /// True when the parts are well written but no such day exists (`31/02/2021`).
    pub fn is_calendar(&self) -> bool {
        matches!(self, DateError::Month(_) | DateError::Day { .. })
    }
}

impl Written<'_> {
    /// Day, month and year as numbers, `None` where blank.
    pub fn parts(&self) -> DateParts {
        let value = |d: Option<Digits<'_>>| d.and_then(|d| d.value());
        (value(self.day), value(self.month), value(self.year))
    }

    /// The date as (day, month, year) when every part is written, of its width (a day and a
    /// month of one or two digits, a year of four), and the day exists.
    pub fn date(&self) -> Dated {
        let part = |d: Option<Digits<'_>>, p: Part, widths: std::ops::RangeInclusive<usize>| {
            let d = d.ok_or(DateError::Blank(p))?;
            if !widths.contains(&d.text.len()) {
                return Err(DateError::Width(p));
            }
            d.value().ok_or(DateError::Width(p))
        };
        let day = part(self.day, Part::Day, 1..=2)?;
        let month = part(self.month, Part::Month, 1..=2)?;
        let year = part(self.year, Part::Year, 4..=4)?;
        calendar(Some(day), Some(month), Some(year))?;
        Ok((day, month, year))
    }
}

/// Days in `month` (1 to 12); February has 29 when `year` is unknown or a leap year.
pub fn days_in_month(month: u32, year: Option<u32>) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => {
            let leap = year.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
            if leap { 29 } else { 28 }
        }
        _ => 31,
    }
}

/// The calendar check: the known parts of a date can be (a month of 1 to 12, a day the month
/// has, 29 February only in a leap year). Blank parts pass: a draft's `ngày … tháng 11`.
pub fn calendar(day: Option<u32>, month: Option<u32>, year: Option<u32>) -> Result<(), DateError> {
    if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
        return Err(DateError::Month(m));
    }
    let days = month.map_or(31, |m| days_in_month(m, year));
    match day {
        Some(d) if !(1..=days).contains(&d) => Err(DateError::Day {
            day: d,
            month: month.unwrap_or(0),
            days,
        }),
        _ => Ok(()),
    }
}

/// `YYYY-MM-DD`, each part zero-padded. Built per dated citation, so a date of the calendar
/// (a year of four digits) is written from its digits, without `format!`.
pub fn iso(day: u32, month: u32, year: u32) -> String {
    if year > 9999 || month > 99 || day > 99 {
        return format!("{year:04}-{month:02}-{day:02}");
    }
    let digit = |n: u32, place: u32| char::from(b'0' + (n / place % 10) as u8);
    [
        digit(year, 1000),
        digit(year, 100),
        digit(year, 10),
        digit(year, 1),
        '-',
        digit(month, 10),
        digit(month, 1),
        '-',
        digit(day, 10),
        digit(day, 1),
    ]
    .into_iter()
    .collect()
}

/// Spaces and tabs. This and [`DateParser::sep`] are read by hand, a byte at a time: they are
/// tried at every date of every citation.
fn gap(i: &str) -> IResult<&str, &str, E<'_>> {
    let len = i.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    Ok((&i[len..], &i[..len]))
}

/// A date word in any case; as written (lower case) it is one byte comparison.
fn word<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = E<'a>> {
    alt((tag(w), tag_no_case(w)))
}

/// The parser of a written date over `whole` (for the offsets of its digits).
struct DateParser<'t> {
    whole: &'t str,
}

impl<'t> DateParser<'t> {
    fn digits(&self, i: &'t str) -> IResult<&'t str, Digits<'t>, E<'t>> {
        let at = self.whole.len() - i.len();
        let (i, text) = digit1(i)?;
        Ok((i, Digits { at, text }))
    }

    /// `part ::= digits | blank`.
    fn part(&self, i: &'t str) -> IResult<&'t str, Option<Digits<'t>>, E<'t>> {
        if let Ok((i, d)) = self.digits(i) {
            return Ok((i, Some(d)));
        }
        let (i, _) = take_while(|c| is_filler(c) || c == '\t').parse_complete(i)?;
        Ok((i, None))
    }

    /// `sep ::= '/' | '-' | '.'`.
    fn sep(i: &str) -> IResult<&str, (), E<'_>> {
        match i.as_bytes().first() {
            Some(b'/' | b'-' | b'.') => Ok((i[1..].strip_prefix(' ').unwrap_or(&i[1..]), ())),
            // `15 / 11 /2024`: a slash may have a space before it too (a range `30 - 31/12`
            // is no date).
            Some(b' ') if i.as_bytes().get(1) == Some(&b'/') => {
                Ok((i[2..].strip_prefix(' ').unwrap_or(&i[2..]), ()))
            }
            _ => Err(nom::Err::Error(E::new(i, ErrorKind::Char))),
        }
    }

    /// `numeric ::= digits sep digits sep digits`.
    fn numeric(&self, i: &'t str) -> IResult<&'t str, Written<'t>, E<'t>> {
        let (i, day) = self.digits(i)?;
        let (i, ()) = Self::sep(i)?;
        let (i, month) = self.digits(i)?;
        let (i, ()) = Self::sep(i)?;
        let (i, year) = self.digits(i)?;
        Ok((i, self.written(i, day.into(), month.into(), year.into())))
    }

    /// `words ::= part gap month-word gap part gap year-word gap part`.
    fn words(&self, i: &'t str) -> IResult<&'t str, Written<'t>, E<'t>> {
        let (i, day) = self.part(i)?;
        let (i, _) = (gap, word(MONTH_WORD), gap).parse_complete(i)?;
        let (i, month) = self.part(i)?;
        let (i, _) = (gap, word(YEAR_WORD), gap).parse_complete(i)?;
        let (i, year) = self.part(i)?;
        Ok((i, self.written(i, day, month, year)))
    }

    fn written(
        &self,
        rest: &str,
        day: Option<Digits<'t>>,
        month: Option<Digits<'t>>,
        year: Option<Digits<'t>>,
    ) -> Written<'t> {
        Written {
            day,
            month,
            year,
            len: self.whole.len() - rest.len(),
        }
    }

    /// `date ::= day-word gap (numeric | words)`.
    fn date(&self, i: &'t str) -> IResult<&'t str, Written<'t>, E<'t>> {
        let (i, _) = (word(DAY_WORD), gap).parse_complete(i)?;
        alt((|i| self.numeric(i), |i| self.words(i))).parse_complete(i)
    }
}

/// The written date at the start of `text` (its day word first), blanks allowed.
pub fn written_date(text: &str) -> Option<Written<'_>> {
    DateParser { whole: text }
        .date(text)
        .ok()
        .map(|(_, written)| written)
}

/// The date right after a number in running text: `[,] ngày 26/5/2020`, `, ngày 17-6-2022`,
/// `ngày 05 tháng 3 năm 2020`. Returns the bytes it covers from the start of `input` and the
/// date, or the [`DateError`] of a day that does not exist (`31/02/2021`: still a date as
/// written, whose text belongs to the citation). `None` when no full date is written there.
pub fn cited_date(input: &str) -> Option<(usize, Dated)> {
    let (rest, _) = (gap, opt((char(','), gap))).parse_complete(input).ok()?;
    // Most numbers are followed by `của`, `về`, a comma: ruled out on one byte.
    if !matches!(rest.as_bytes().first(), Some(b'n' | b'N')) {
        return None;
    }
    let skipped = input.len() - rest.len();
    let written = written_date(rest)?;
    let date = written.date();
    reads_as_cited(&written, date).then_some((skipped + written.len, date))
}

/// The first date written out in full in `text` (`ngày d/m/yyyy` or `ngày d tháng m năm
/// yyyy`, the day word in any case), whether or not the day exists, and where its day word
/// starts: what a citation's text says of its date.
pub fn find_date(text: &str) -> Option<(usize, Written<'_>)> {
    text.char_indices()
        .filter(|&(_, c)| matches!(c, 'n' | 'N'))
        .find_map(|(at, _)| {
            let written = written_date(&text[at..])?;
            reads_as_cited(&written, written.date()).then_some((at, written))
        })
}

/// [`reads_as_date`], and a date whose year lost a digit (`ngày 07/11/205`): a typo in a date
/// the writer did write, which belongs to the citation and is reported as a wrong date rather
/// than as none.
fn reads_as_cited(written: &Written<'_>, date: Dated) -> bool {
    reads_as_date(date)
        || date == Err(DateError::Width(Part::Year))
            && written.year.is_some_and(|y| y.text.len() == 3)
}

/// True for [`Written::date`]'s answer when the text is a date: a day, or one that does not
/// exist; not a blank or a part of the wrong width.
pub fn reads_as_date(date: Dated) -> bool {
    date.err().is_none_or(|e| e.is_calendar())
}

/// `năm 2018` at the start of `s` (the year of a named reference, `Luật PCTN năm 2018`): the
/// year word in any case, spaces, and four digits no digit follows. Returns its length.
pub fn year_phrase(s: &str) -> Option<usize> {
    // Asked at every word of a name: most words are ruled out on their first byte.
    if !matches!(s.as_bytes().first(), Some(b'n' | b'N')) {
        return None;
    }
    let year = take_while_m_n(4, 4, |c: char| c.is_ascii_digit());
    let (rest, _) = (
        word(YEAR_WORD),
        take_while1(|c| c == ' ' || c == '\t'),
        year,
    )
        .parse_complete(s)
        .ok()?;
    (!rest.starts_with(|c: char| c.is_ascii_digit())).then_some(s.len() - rest.len())
}

/// Parses a place-and-date line; the date words must start within the line after the place.
pub fn place_date(text: &str) -> Option<PlaceDate> {
    let (at, written) = place_date_at(text)?;
    let (day, month, year) = written.parts();
    let place = text[..at].trim().trim_end_matches(',').trim();
    // A place is a name: no sentence punctuation, and no `/` of a document number (a citation
    // such as `Quyết định số 12/QĐ-UBND ngày 31/02/2021` is no place-and-date line).
    if place.chars().count() > 60
        || place.contains(['.', ';', ':']) && !place.chars().all(|c| is_filler(c) || c == ',')
        || place.contains('/')
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

/// The date of a place-and-date line, and where its day word starts.
pub fn place_date_at(text: &str) -> Option<(usize, Written<'_>)> {
    let at = day_word(text)?;
    Some((at, written_date(&text[at..])?))
}

/// Where the first `ngày` of `text` starts, or else the first `Ngày`: one search for what
/// follows the first letter, instead of two substring searches (each `str::find` builds its
/// own searcher), asked of every header line.
pub(crate) fn day_word(text: &str) -> Option<usize> {
    static TAIL: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| {
        let tail = DAY_WORD.get(1..).unwrap_or(DAY_WORD);
        memmem::Finder::new(tail.as_bytes())
    });
    let bytes = text.as_bytes();
    let mut capital = None;
    for at in TAIL.find_iter(bytes) {
        match at.checked_sub(1).and_then(|i| bytes.get(i)) {
            Some(b'n') => return Some(at - 1),
            Some(b'N') if capital.is_none() => capital = Some(at - 1),
            _ => {}
        }
    }
    capital
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Day, month, year of the date at the start of `text`, `-` for a blank, and the text the
    /// date covers.
    fn read(text: &str) -> Option<(String, &str)> {
        let w = written_date(text)?;
        let show = |d: Option<Digits<'_>>| d.map_or("-", |d| d.text).to_owned();
        Some((
            format!("{}|{}|{}", show(w.day), show(w.month), show(w.year)),
            text.get(..w.len)?,
        ))
    }

    #[test]
    fn every_written_form() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "ngày 26/5/2020 về việc",
                Some(("26|5|2020", "ngày 26/5/2020")),
            ),
            ("ngày 17-6-2022,", Some(("17|6|2022", "ngày 17-6-2022"))),
            ("ngày 3.4.2020.", Some(("3|4|2020", "ngày 3.4.2020"))),
            ("ngày 5/3-2020", Some(("5|3|2020", "ngày 5/3-2020"))),
            (
                "ngày 05 tháng 3 năm 2020 của",
                Some(("05|3|2020", "ngày 05 tháng 3 năm 2020")),
            ),
            (
                "NGÀY 05 THÁNG 3 NĂM 2020",
                Some(("05|3|2020", "NGÀY 05 THÁNG 3 NĂM 2020")),
            ),
            (
                "Ngày\t1 tháng\t11 năm 2024",
                Some(("1|11|2024", "Ngày\t1 tháng\t11 năm 2024")),
            ),
            (
                "ngày tháng 11 năm 2020",
                Some(("-|11|2020", "ngày tháng 11 năm 2020")),
            ),
            (
                "ngày … tháng … năm 2020",
                Some(("-|-|2020", "ngày … tháng … năm 2020")),
            ),
            (
                "ngày …… tháng …… năm ……",
                Some(("-|-|-", "ngày …… tháng …… năm ……")),
            ),
            ("ngày 5/3/20201", Some(("5|3|20201", "ngày 5/3/20201"))),
            ("ngày 5/3 năm 2020", None),
            ("ngày làm việc", None),
            ("ngay 5/3/2020", None),
            ("hôm nay", None),
        ];
        for &(text, want) in cases {
            let want = want.map(|(p, covered)| (p.to_owned(), covered));
            assert_eq!(read(text), want, "{text:?}");
        }
    }

    #[test]
    fn digit_offsets_point_into_the_text() {
        let text = "ngày 05 tháng 3 năm 2020";
        let w = written_date(text).expect("a date");
        for d in [w.day, w.month, w.year].into_iter().flatten() {
            assert_eq!(text.get(d.at..d.at + d.text.len()), Some(d.text));
        }
    }

    #[test]
    fn dates_and_what_is_wrong_with_them() {
        let date = |t: &str| written_date(t).map(|w| w.date());
        assert_eq!(date("ngày 29/2/2024"), Some(Ok((29, 2, 2024))));
        assert_eq!(
            date("ngày 29/2/2023"),
            Some(Err(DateError::Day {
                day: 29,
                month: 2,
                days: 28
            }))
        );
        assert_eq!(
            date("ngày 31 tháng 4 năm 2021"),
            Some(Err(DateError::Day {
                day: 31,
                month: 4,
                days: 30
            }))
        );
        assert_eq!(date("ngày 5/13/2023"), Some(Err(DateError::Month(13))));
        assert_eq!(date("ngày 0/0/0000"), Some(Err(DateError::Month(0))));
        assert_eq!(
            date("ngày 0/1/2000"),
            Some(Err(DateError::Day {
                day: 0,
                month: 1,
                days: 31
            }))
        );
        assert_eq!(
            date("ngày … tháng 3 năm 2020"),
            Some(Err(DateError::Blank(Part::Day)))
        );
        assert_eq!(
            date("ngày 5 tháng 3 năm"),
            Some(Err(DateError::Blank(Part::Year)))
        );
        assert_eq!(
            date("ngày 5/3/20201"),
            Some(Err(DateError::Width(Part::Year)))
        );
        assert_eq!(
            date("ngày 123/4/2020"),
            Some(Err(DateError::Width(Part::Day)))
        );
        assert_eq!(date("ngày 1/1/1900"), Some(Ok((1, 1, 1900))));
        assert_eq!(
            date("ngày 29/2/1900"),
            Some(Err(DateError::Day {
                day: 29,
                month: 2,
                days: 28
            })),
            "1900 is no leap year"
        );
        assert_eq!(date("ngày 29/2/2000"), Some(Ok((29, 2, 2000))));
    }

    #[test]
    fn the_calendar_lets_blanks_pass() {
        assert_eq!(calendar(None, Some(11), Some(2020)), Ok(()));
        assert_eq!(calendar(Some(29), Some(2), None), Ok(()));
        assert_eq!(
            calendar(None, Some(13), Some(2021)),
            Err(DateError::Month(13))
        );
        assert_eq!(
            calendar(Some(31), Some(4), None),
            Err(DateError::Day {
                day: 31,
                month: 4,
                days: 30
            })
        );
        assert_eq!(calendar(Some(31), None, None), Ok(()));
        assert!(calendar(Some(32), None, None).is_err());
    }

    #[test]
    fn dates_after_a_number() {
        let cited = |t: &str| cited_date(t).map(|(n, d)| (n, d.ok()));
        let covered = |t: &'static str| cited_date(t).map(|(n, _)| &t[..n]);
        assert_eq!(
            cited(" ngày 26/5/2020 của").map(|c| c.1),
            Some(Some((26, 5, 2020)))
        );
        assert_eq!(covered(" ngày 26/5/2020 của"), Some(" ngày 26/5/2020"));
        assert_eq!(covered(", ngày 17-6-2022"), Some(", ngày 17-6-2022"));
        assert_eq!(
            cited(" NGÀY 05 THÁNG 3 NĂM 2020 x").map(|c| c.1),
            Some(Some((5, 3, 2020)))
        );
        assert_eq!(
            covered(" NGÀY 05 THÁNG 3 NĂM 2020 x"),
            Some(" NGÀY 05 THÁNG 3 NĂM 2020")
        );
        assert_eq!(
            covered(" ngày 31/02/2021 của"),
            Some(" ngày 31/02/2021"),
            "a day that does not exist is still the citation's text"
        );
        assert_eq!(cited(" ngày 5/3/20201"), None, "five digits are no year");
        assert_eq!(
            covered(" ngày 07/11/205 của"),
            Some(" ngày 07/11/205"),
            "a year that lost a digit is a mistyped date, still the citation's"
        );
        assert_eq!(cited(" ngày 07/11/205 của").map(|c| c.1), Some(None));
        assert_eq!(cited(" ngày … tháng 3 năm 2020"), None, "a blank day");
        assert_eq!(cited(" năm 2020"), None, "a year alone is no date");
        assert_eq!(cited(" về việc"), None);
        // Slashes spaced as OCR reads them; a range is no date.
        assert_eq!(
            covered(" ngày 15 / 11 /2024 của"),
            Some(" ngày 15 / 11 /2024")
        );
        assert_eq!(
            cited(" ngày 15 / 11 /2024").map(|c| c.1),
            Some(Some((15, 11, 2024)))
        );
        assert_eq!(cited(" ngày 30 - 31/12/2024"), None);
    }

    #[test]
    fn the_first_full_date_of_a_text() {
        let find = |t: &str| find_date(t).and_then(|(_, w)| w.date().ok());
        assert_eq!(
            find("Quyết định số 12/QĐ-UBND ngày 01 tháng 11 năm 2024"),
            Some((1, 11, 2024))
        );
        assert_eq!(
            find("ngày 123/4/2020, ngày 5/6/2021"),
            Some((5, 6, 2021)),
            "a day of three digits is passed over"
        );
        assert_eq!(
            find_date("số 12/QĐ-UBND ngày 31/02/2021").map(|(at, w)| (at, w.date())),
            Some((
                "số 12/QĐ-UBND ".len(),
                Err(DateError::Day {
                    day: 31,
                    month: 2,
                    days: 28
                })
            ))
        );
        assert_eq!(find_date("Nghị quyết số 25-NQ/TW"), None);
        assert_eq!(
            find_date("ngày … tháng 3 năm 2020"),
            None,
            "a blank is no date"
        );
    }

    /// `tag_no_case` takes as many bytes as its word has: every char that matches a char of a
    /// date word ignoring case must have that char's width, or the date's length would be
    /// wrong (and could cut a char).
    #[test]
    fn date_words_match_chars_of_their_width() {
        for w in [DAY_WORD, MONTH_WORD, YEAR_WORD]
            .iter()
            .flat_map(|w| w.chars())
        {
            let wider = (0..=u32::from(char::MAX))
                .filter_map(char::from_u32)
                .find(|&c| c.to_lowercase().eq(w.to_lowercase()) && c.len_utf8() != w.len_utf8());
            assert_eq!(wider, None, "a char matching {w:?} with another width");
        }
    }

    #[test]
    fn iso_dates_are_zero_padded() {
        assert_eq!(iso(5, 3, 2020), "2020-03-05");
        assert_eq!(iso(31, 12, 999), "0999-12-31");
        assert_eq!(iso(0, 0, 0), "0000-00-00");
        assert_eq!(iso(1, 1, 12345), "12345-01-01");
        let big = Digits {
            at: 0,
            text: "99999999999",
        };
        assert_eq!(big.value(), None, "past u32");
    }

    #[test]
    fn year_phrases() {
        assert_eq!(year_phrase("năm 2018 và"), Some(9));
        assert_eq!(year_phrase("Năm\t2018."), Some(9));
        assert_eq!(year_phrase("NĂM 2018"), Some(9));
        assert_eq!(year_phrase("năm 20181"), None, "five digits are no year");
        assert_eq!(year_phrase("năm 201"), None);
        assert_eq!(year_phrase("năm2018"), None, "a space first");
        assert_eq!(year_phrase("nay 2018"), None);
    }

    #[test]
    fn day_word_is_the_first_lower_case_one_else_the_first_capital() {
        let oracle = |t: &str| t.find("ngày").or_else(|| t.find("Ngày"));
        for t in [
            "Hà Nội, ngày 5 tháng 6 năm 2020",
            "Ngày 5 tháng 6 năm 2020",
            "Ngày ký: Hà Nội, ngày 5 tháng 6",
            "gày ngay Ngay ngày",
            "NgàyNgày",
            "không có",
            "",
            "ày gày",
        ] {
            assert_eq!(day_word(t), oracle(t), "{t:?}");
        }
    }

    #[test]
    fn place_date_lines() {
        let pd = place_date("Đồng Tháp, ngày tháng 11 năm 2020").expect("draft date");
        assert_eq!(
            (pd.place.as_deref(), pd.day, pd.month, pd.year),
            (Some("Đồng Tháp"), None, Some(11), Some(2020))
        );
        let pd = place_date("Hà Nội, ngày 05 tháng 3 năm 2020").expect("date");
        assert_eq!((pd.day, pd.month, pd.year), (Some(5), Some(3), Some(2020)));
        let pd = place_date("…, ngày …… tháng …… năm ……").expect("template");
        assert_eq!(
            (pd.place, pd.day, pd.month, pd.year),
            (None, None, None, None)
        );
        let pd = place_date("Hà Nội, ngày 26/5/2020").expect("numeric date");
        assert_eq!((pd.day, pd.month, pd.year), (Some(26), Some(5), Some(2020)));
        assert_eq!(place_date("ngày làm việc"), None);
        assert_eq!(
            place_date("Căn cứ Luật số 80/2015/QH13; ngày 5 tháng 6 năm 2020"),
            None,
            "a sentence is no place"
        );
        assert_eq!(
            place_date("Quyết định số 12/QĐ-UBND ngày 31/02/2021"),
            None,
            "a citation is no place and date"
        );
    }
}
