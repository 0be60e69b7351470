//! Lines: the unit every component parser works on.
//!
//! The normalized text is split into lines. Each line keeps its byte range in the text and gets a
//! cleaned form for matching: Markdown decoration (`#` headings, `**bold**`, `*italic*`, `\*`
//! escapes, `<br>`) is removed and runs of spaces are folded. The text itself is never dropped:
//! ownership in the source map is by byte range of the raw line.

use std::borrow::Cow;

use crate::model::Format;

/// One input line.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// Byte offset of the first byte of the line in the normalized text.
    pub start: usize,
    /// Byte offset just after the last byte (newline excluded).
    pub end: usize,
    /// The raw line.
    pub raw: &'a str,
    /// Cleaned text: decoration removed, spaces folded, trimmed.
    pub text: Cow<'a, str>,
    /// Markdown ATX heading level (0 when not a heading).
    pub heading: u8,
    /// True when the whole line was bold (`**…**`) or a heading: a hint for section titles.
    pub emphasized: bool,
}

impl Line<'_> {
    /// True for a line with no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() && self.raw.trim().is_empty()
    }

    /// True when the raw line is a Markdown pipe-table row.
    pub fn is_pipe_row(&self) -> bool {
        let t = self.raw.trim();
        t.starts_with('|') && t.len() > 1
    }

    /// True when the raw line holds cells separated by at least two tabs.
    pub fn is_tab_row(&self) -> bool {
        self.raw.trim_end().matches('\t').count() >= 2
    }
}

/// Splits `text` into lines (LF only: the text is normalized) and cleans each one.
pub fn lines(text: &str, format: Format) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let end = start + raw.len();
        let (clean, heading, emphasized) = clean_line(raw, format);
        out.push(Line {
            no: i + 1,
            start,
            end,
            raw,
            text: clean,
            heading,
            emphasized,
        });
        start = end + 1;
    }
    // A final newline does not open a line of its own.
    if out.len() > 1 && out.last().is_some_and(|l| l.raw.is_empty()) {
        out.pop();
    }
    out
}

/// Detects Markdown from its decoration when no format was given.
pub fn detect_format(text: &str) -> Format {
    let mut score = 0usize;
    for line in text.lines().take(400) {
        let t = line.trim_start();
        if t.starts_with("# ")
            || t.starts_with("## ")
            || t.starts_with("### ")
            || t.starts_with("#### ")
        {
            score += 2;
        }
        // The substring searches below all need one of these bytes; most lines have none.
        let decorated = t.bytes().any(|b| matches!(b, b'*' | b'<' | b'\\'));
        if decorated && (t.contains("**") || t.contains("<br>"))
            || t.starts_with("|---")
            || t.starts_with("| ---")
        {
            score += 1;
        }
        if decorated && (t.contains("\\*") || t.contains("\\-") || t.contains("\\.")) {
            score += 1;
        }
        if score >= 3 {
            return Format::Markdown;
        }
    }
    if score >= 2 {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Cleans one raw line: returns the text for matching, the heading level and the emphasis hint.
pub fn clean_line(raw: &str, format: Format) -> (Cow<'_, str>, u8, bool) {
    let trimmed = raw.trim();
    if format == Format::Text {
        return (fold_spaces(trimmed), 0, false);
    }
    let mut s = trimmed;
    let mut heading = 0u8;
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && (s.len() == hashes || s.as_bytes()[hashes] == b' ') {
        heading = hashes as u8;
        s = s[hashes..].trim();
        // A closing sequence of `#` is decoration too.
        s = s.trim_end_matches('#').trim_end();
    }
    let bold_whole = s.len() > 4 && s.starts_with("**") && s.ends_with("**");
    if !s
        .bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'\\' | b'<' | b'`'))
    {
        return (fold_spaces(s), heading, heading > 0);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    let bullet_star = s.starts_with("* ");
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some(&(_, next)) = chars.peek() {
                    if next.is_ascii_punctuation() {
                        out.push(next);
                        chars.next();
                        continue;
                    }
                }
                out.push(c);
            }
            '*' if i == 0 && bullet_star => out.push('*'),
            '*' => {}
            '_' if s[i..].starts_with("__") || is_emphasis_underscore(s, i) => {}
            '`' => {}
            '<' => {
                let rest = &s[i..];
                let tag_len = ["<br>", "<br/>", "<br />", "<BR>"]
                    .iter()
                    .find(|t| rest.starts_with(**t))
                    .map(|t| t.len());
                if let Some(len) = tag_len {
                    out.push(' ');
                    for _ in 1..len {
                        chars.next();
                    }
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    let folded = fold_spaces(out.trim()).into_owned();
    (Cow::Owned(folded), heading, heading > 0 || bold_whole)
}

/// An underscore that opens or closes emphasis (next to a word on one side only).
fn is_emphasis_underscore(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    word(before) != word(after)
}

/// Folds runs of spaces and tabs into one space; borrows when nothing changes.
pub fn fold_spaces(s: &str) -> Cow<'_, str> {
    // Two vectorized searches beat one byte-by-byte pass.
    let needs = s.contains("  ") || s.as_bytes().contains(&b'\t');
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' || c == '\t' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, text: &str, heading: u8) {
        let (t, h, _) = clean_line(raw, Format::Markdown);
        assert_eq!((t.as_ref(), h), (text, heading), "cleaning {raw:?}");
    }

    #[test]
    fn strips_markdown_decoration() {
        check(
            "## **BÁO CÁO** **thực hiện “Năm dân vận khéo” 2020**",
            "BÁO CÁO thực hiện “Năm dân vận khéo” 2020",
            2,
        );
        check("### *Nơi nhận:*", "Nơi nhận:", 3);
        check("**KT.GIÁM ĐỐC  ", "KT.GIÁM ĐỐC", 0);
        check("phong cách “*trọng dân*”", "phong cách “trọng dân”", 0);
        check("1\\. Mục tiêu \\*", "1. Mục tiêu *", 0);
        check("A<br>B", "A B", 0);
        check("* item", "* item", 0);
        check("#hashtag", "#hashtag", 0);
        check("snake_case_word", "snake_case_word", 0);
    }

    #[test]
    fn folds_spaces_and_tabs() {
        assert!(matches!(fold_spaces("a b c"), Cow::Borrowed("a b c")));
        assert_eq!(fold_spaces("a  b\tc \t d"), "a b c d");
        assert_eq!(fold_spaces("a\t"), "a ");
        assert_eq!(fold_spaces("Hà  Nội"), "Hà Nội");
    }

    #[test]
    fn lines_keep_offsets() {
        let text = "a\n\nbc\n";
        let ls = lines(text, Format::Text);
        assert_eq!(ls.len(), 3, "the final newline opens no line");
        assert_eq!((ls[2].start, ls[2].end, ls[2].no), (3, 5, 3));
    }

    #[test]
    fn detects_markdown() {
        assert_eq!(
            detect_format("## **BÁO CÁO**\n\n### I. X\n"),
            Format::Markdown
        );
        assert_eq!(detect_format("BÁO CÁO\nI. X\n- a;\n"), Format::Text);
        assert_eq!(detect_format("a **b**\nc<br>d\n"), Format::Markdown);
        assert_eq!(detect_format("1\\. a\n|---|\n"), Format::Markdown);
        assert_eq!(detect_format("a * b\n"), Format::Text);
    }
}
