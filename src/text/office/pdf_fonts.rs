//! Which characters of a PDF's layout text were drawn in a capitals font (`.VnTimeH`).
//!
//! `pdftotext -layout` keeps a PDF's columns but not its fonts, and TCVN3's capitals are the
//! small-letter slots drawn by an `H` font: a heading set in `VnTimeHBold` comes out as
//! `céng hoµ x∙ héi chñ nghÜa viÖt nam`, which no shape of the line tells from lower case.
//! poppler's `pdftohtml -xml` gives each piece of text with its font and place. [`capitals`]
//! finds those pieces in the layout text: the pieces of a page are grouped into rows by their
//! top, the rows matched one to one with the page's non-blank lines, and each piece found in its
//! line after the one before it. A page whose rows and lines do not match one to one, and a row
//! whose pieces are not found in order, are left alone: their capitals stay as the shape of the
//! line restores them.

use std::ops::Range;

use super::xml::{Event, Reader, Resolved, resolve_ref};
use crate::text::legacy::font_encoding;

/// One piece of text of a page: where it starts, its height, its text, whether its font draws
/// capitals.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    top: f64,
    left: f64,
    height: f64,
    text: String,
    capitals: bool,
}

/// For each line of `layout` (the `pdftotext -layout` text, lines split after `\n`), the ranges
/// of characters (char indices in the line) drawn in a capitals font, by `xml` (the
/// `pdftohtml -xml` output of the same PDF). Empty when nothing is known: no capitals font, or
/// XML that cannot be read.
pub(crate) fn capitals(xml: &str, layout: &str) -> Vec<Vec<Range<usize>>> {
    let Some(pages) = pages(xml) else {
        return Vec::new();
    };
    if !pages.iter().flatten().any(|p| p.capitals) {
        return Vec::new();
    }
    let lines: Vec<&str> = layout.split_inclusive('\n').collect();
    let mut marks: Vec<Vec<Range<usize>>> = vec![Vec::new(); lines.len()];
    // The non-blank lines of each page: (line index, char offset past any form feed).
    let mut page_lines: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, line) in lines.iter().enumerate() {
        for _ in line.matches('\u{C}') {
            page_lines.push(Vec::new());
        }
        if line.chars().any(|c| !c.is_whitespace() && c != '\u{C}')
            && let Some(page) = page_lines.last_mut()
        {
            page.push(i);
        }
    }
    for (pieces, line_ids) in pages.iter().zip(&page_lines) {
        let rows = rows(pieces);
        if rows.len() != line_ids.len() {
            continue;
        }
        for (row, &line) in rows.iter().zip(line_ids) {
            if let (Some(found), Some(slot)) = (place(row, lines[line]), marks.get_mut(line)) {
                *slot = found;
            }
        }
    }
    marks
}

/// The pieces of each page, whitespace-only pieces left out. `None` when the XML is damaged.
fn pages(xml: &str) -> Option<Vec<Vec<Piece>>> {
    let mut reader = Reader::new(xml);
    let mut pages: Vec<Vec<Piece>> = Vec::new();
    // Font ids and whether each draws capitals.
    let mut fonts: Vec<(String, bool)> = Vec::new();
    let mut current: Option<Piece> = None;
    loop {
        match reader.next().ok()? {
            Event::Start(tag) | Event::Empty(tag) => match tag.name() {
                "page" => pages.push(Vec::new()),
                "fontspec" => {
                    let id = tag.attr("id")?.into_owned();
                    let family = tag.attr("family").unwrap_or_default();
                    fonts.push((id, draws_capitals(&family)));
                }
                "text" => {
                    let number = |key: &str| tag.attr(key).and_then(|v| v.parse::<f64>().ok());
                    let font = tag.attr("font").unwrap_or_default();
                    current = Some(Piece {
                        top: number("top")?,
                        left: number("left")?,
                        height: number("height").unwrap_or(0.0),
                        text: String::new(),
                        capitals: fonts.iter().any(|(id, caps)| *caps && *id == *font),
                    });
                }
                _ => {}
            },
            Event::Text(t) | Event::CData(t) => {
                if let Some(p) = current.as_mut() {
                    p.text.push_str(t);
                }
            }
            Event::Ref(name) => {
                if let (Some(p), Some(r)) = (current.as_mut(), resolve_ref(name)) {
                    match r {
                        Resolved::Char(c) => p.text.push(c),
                        Resolved::Str(s) => p.text.push_str(s),
                    }
                }
            }
            Event::End("text") => {
                if let (Some(p), Some(page)) = (current.take(), pages.last_mut()) {
                    if p.text.chars().any(|c| !c.is_whitespace()) {
                        page.push(p);
                    }
                }
            }
            Event::End(_) => {}
            Event::Eof => return Some(pages),
        }
    }
}

/// Whether a PDF font's family draws the small-letter slots as capitals: a TCVN3 `H` font, its
/// subset tag (`FBHPFO+`) and style (`Bold`, `Italic`, `,Bold`) taken off (`VnTimeHBold`).
fn draws_capitals(family: &str) -> bool {
    let mut name = family.split_once('+').map_or(family, |(_, n)| n).trim();
    loop {
        let before = name;
        for style in ["Bold", "Italic", "Oblique", "Regular", "MT", "PS"] {
            name = name.strip_suffix(style).unwrap_or(name);
        }
        name = name.trim_end_matches([',', '-', ' ']);
        if name == before {
            break;
        }
    }
    font_encoding(name).is_some_and(|f| f.capitals)
}

/// The pieces of a page in rows, as `pdftotext -layout` sets them on lines: a piece whose top is
/// within half a line's height of a row's joins it. Each row's pieces left to right.
fn rows(pieces: &[Piece]) -> Vec<Vec<&Piece>> {
    let mut sorted: Vec<&Piece> = pieces.iter().collect();
    sorted.sort_by(|a, b| a.top.total_cmp(&b.top));
    let mut rows: Vec<Vec<&Piece>> = Vec::new();
    for p in sorted {
        let joins = rows.last().and_then(|r| r.first()).is_some_and(|first| {
            let tolerance = first.height.min(p.height).max(1.0) / 2.0;
            p.top - first.top < tolerance
        });
        match rows.last_mut() {
            Some(row) if joins => row.push(p),
            _ => rows.push(vec![p]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.left.total_cmp(&b.left));
    }
    rows
}

/// The ranges of `line`'s chars that `row`'s capitals pieces are, each piece found after the one
/// before it (white space aside). `None` when a piece is not there.
fn place(row: &[&Piece], line: &str) -> Option<Vec<Range<usize>>> {
    let chars: Vec<char> = line.chars().collect();
    let mut at = 0;
    let mut found = Vec::new();
    for piece in row {
        let mut start = None;
        for c in piece.text.chars().filter(|c| !c.is_whitespace()) {
            while chars
                .get(at)
                .is_some_and(|x| x.is_whitespace() || *x == '\u{C}')
            {
                at += 1;
            }
            if chars.get(at) != Some(&c) {
                return None;
            }
            start.get_or_insert(at);
            at += 1;
        }
        if let (true, Some(start)) = (piece.capitals, start) {
            found.push(start..at);
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE pdf2xml SYSTEM "pdf2xml.dtd">
<pdf2xml producer="poppler" version="22.12.0">
<page number="1" position="absolute" top="0" left="0" height="1263" width="892">
	<fontspec id="0" size="20" family="FBHPFO+VnTimeHBold" color="#33339a"/>
	<fontspec id="2" size="21" family="FBHPEM+VnTime" color="#33339a"/>
<text top="115" left="135" width="188" height="17" font="0"><b>ng©n hµng nhµ n</b></text>
<text top="115" left="392" width="127" height="17" font="0"><b>céng hoµ x</b></text>
<text top="141" left="202" width="104" height="17" font="0"><b>viÖt nam </b></text>
<text top="164" left="128" width="5" height="19" font="2"> </text>
<text top="187" left="149" width="208" height="19" font="2">Sè : 01/2006 &amp; viÖt nam</text>
</page>
<page number="2" position="absolute" top="0" left="0" height="1263" width="892">
<text top="100" left="135" width="188" height="17" font="0">th«ng t</text>
<text top="130" left="135" width="188" height="17" font="2">mét</text>
</page>
</pdf2xml>"##;

    #[test]
    fn capitals_pieces_are_found_in_their_lines() {
        let layout = "ng©n hµng nhµ n     céng hoµ x\n   viÖt nam\n\n Sè : 01/2006 & viÖt nam\n\
                      \u{C}th«ng t\nmét\n";
        let marks = capitals(XML, layout);
        assert_eq!(marks.len(), 6);
        assert_eq!(marks[0], [0..15, 20..30]);
        assert_eq!(marks[1], vec![std::ops::Range { start: 3, end: 11 }]);
        assert!(
            marks[3].is_empty(),
            "the same words in the text font are not capitals"
        );
        assert_eq!(
            marks[4],
            vec![std::ops::Range { start: 1, end: 8 }],
            "after the form feed that starts page 2"
        );
        assert!(marks[5].is_empty());
    }

    #[test]
    fn a_page_whose_rows_do_not_match_its_lines_is_left_alone() {
        // pdftotext set the two rows of page 1 on one line: nothing is guessed there.
        let layout =
            "ng©n hµng nhµ n céng hoµ x viÖt nam\n Sè : 01/2006 & viÖt nam\n\u{C}th«ng t\nmét\n";
        let marks = capitals(XML, layout);
        assert!(marks[0].is_empty() && marks[1].is_empty());
        assert_eq!(marks[2], vec![std::ops::Range { start: 1, end: 8 }]);
    }

    #[test]
    fn capitals_fonts_by_family() {
        assert!(draws_capitals("FBHPFO+VnTimeHBold"));
        assert!(draws_capitals(".VnArialH"));
        assert!(draws_capitals("ABCDEF+VnTimeH,BoldItalic"));
        assert!(!draws_capitals("FBHPEM+VnTime"));
        assert!(!draws_capitals("FBHPHA+VnTimeBold"));
        assert!(!draws_capitals("TimesNewRomanPS-BoldMT"));
        assert!(capitals("<pdf2xml><page>", "x\n").is_empty(), "damaged XML");
    }
}
