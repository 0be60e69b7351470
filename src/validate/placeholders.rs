//! Blanks left from a template: `...`, `…`, `(ước đạt ... tỷ đồng)`, `..%` (PLH001).
//!
//! The normalized source is scanned, so appendix tables count as much as running text. In a
//! table every run of dots is a blank. In running text an ellipsis that closes a list of words
//! (`lao động, việc làm...`) is punctuation, not a blank: a run right after a letter and
//! followed by a space, punctuation or the end of the line, unless a figure or `%` follows.
//! The number and date lines are left to the header rules (`HDR006`, `HDR011`).
//! One finding is made per line, with the number of blanks on it.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 8 (content of the document); the templates of Phụ lục III mark
//! the parts to fill in with dots.

use std::sync::OnceLock;

use regex::Regex;

use super::Checker;
use super::kind::Kind;
use super::locate::Loc;

/// Characters of context shown on each side of a blank.
const CONTEXT: usize = 14;

/// The blanks of one line: its number, the path of the node owning the first, their ranges.
type LineBlanks = (usize, String, Vec<(usize, usize)>);

/// Runs the rule.
pub fn check(cx: &mut Checker<'_>) {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = RE
        .get_or_init(|| Regex::new(r"\.{2,}|…[….]*").ok())
        .as_ref()
    else {
        return;
    };
    let text = cx.loc.text();
    let mut lines: Vec<LineBlanks> = Vec::new();
    for m in re.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let Some(owner) = cx.loc.owner(s) else {
            continue;
        };
        if owner.path.starts_with("/header/reference")
            || owner.path.starts_with("/header/place_date")
        {
            continue;
        }
        let (line, _) = cx.loc.point(s);
        let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
        let row = &text[line_start..line_end];
        let table = row.trim_start().starts_with('|') || row.contains('\t');
        if !is_blank(&text[line_start..s], m.as_str(), &text[e..line_end], table) {
            continue;
        }
        match lines.last_mut() {
            Some((l, _, ranges)) if *l == line => ranges.push((s, e)),
            _ => lines.push((line, owner.path.clone(), vec![(s, e)])),
        }
    }
    for (_, path, ranges) in lines {
        let (s, e) = ranges[0];
        let sample = sample(text, s, e);
        let at = Loc {
            path,
            range: (s, e),
            exact: true,
        };
        cx.emit(
            Kind::UnfilledPlaceholder {
                count: ranges.len(),
                sample,
            },
            at,
        );
    }
}

/// True when a run of dots is a blank to fill in, given the text before and after it on its line.
fn is_blank(before: &str, run: &str, after: &str, table: bool) -> bool {
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let next_solid = after.trim_start().chars().next();
    let figure_follows = next_solid.is_some_and(|c| c == '%' || c == '/' || c.is_ascii_digit());
    if run == ".." {
        // Two dots are a blank only next to a figure: `..%`, `(..TT`, `= ..%`.
        return next.is_some_and(|c| c == '%' || c.is_ascii_digit())
            || prev.is_some_and(|c| matches!(c, '(' | '=' | '/'));
    }
    if table {
        return true;
    }
    let after_word = prev.is_some_and(char::is_alphabetic);
    let closes = next.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ')' | '”' | '"' | '\'' | ';' | ',' | '.' | ':' | '!' | '?'
            )
    });
    !(after_word && closes && !figure_follows)
}

/// The blank with a few whole words around it, on one line.
fn sample(text: &str, s: usize, e: usize) -> String {
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
    let before: Vec<char> = text[line_start..s].chars().collect();
    let cut = before.len().saturating_sub(CONTEXT);
    let mut before: String = before[cut..].iter().collect();
    if cut > 0 {
        // Drop the word the cut went through.
        before = before
            .split_once(char::is_whitespace)
            .map_or(String::new(), |(_, rest)| rest.to_owned());
    }
    let after_all = &text[e..line_end];
    let mut after: String = after_all.chars().take(CONTEXT).collect();
    if after.len() < after_all.len() {
        after = after
            .rsplit_once(char::is_whitespace)
            .map_or(String::new(), |(head, _)| head.to_owned());
    }
    let out = format!("{}{}{}", before.trim_start(), &text[s..e], after.trim_end());
    out.replace('\t', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_ellipses() {
        assert!(is_blank("(ước đạt ", "...", " tỷ đồng)", false));
        assert!(is_blank("tăng ", "…", "% so với", false));
        assert!(
            is_blank("Tỷ lệ hộ nghèo", "...", " %", false),
            "a figure follows"
        );
        assert!(
            !is_blank("lao động, việc làm", "...", "", false),
            "closes a list"
        );
        assert!(!is_blank("v.v", "...", " và", false));
        assert!(is_blank("giảm", "...", "; chiếm", true), "in a table");
        assert!(is_blank("(...TT= ", "..", "%)", false));
        assert!(!is_blank("Ghi chú", "..", " xem", false));
    }

    #[test]
    fn samples_keep_whole_words() {
        let text = "Đã tiêm chủng cho ... trẻ, đạt …% kế hoạch.";
        let s = text.find("...").unwrap_or(0);
        assert_eq!(sample(text, s, s + 3), "chủng cho ... trẻ, đạt …%");
    }
}
