//! The body: preamble, numbered sections, paragraphs, lists, tables; and appendices, which have
//! the same inner shape.
//!
//! ## Grammar
//! ```text
//! body      ::= preamble_item* ( heading block* )* closing_paragraph*
//! heading   ::= label title?               ; PHẦN I, I., I-, 1., 1-, 1.1., a), Điều 1.
//! block     ::= paragraph | list_item | table | artifact
//! ```
//! The level of a heading comes from its numbering style, in the order the styles first appear
//! under the current ancestors, never from Markdown heading levels (Word exports put `3.` at the
//! level of `III.`).
//! A paragraph cut by a page break (blank or layout lines between two pieces, the first ending
//! without closing punctuation and the next going on with the sentence) or a token cut at a line
//! end (`19-` / `NQ/TW`) is joined and the join recorded.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.6 (bố cục: Phần, Chương, Mục, Điều, khoản, điểm; and
//! Phần, Mục, khoản, điểm for reports); Phụ lục I Mục III.1 (Phụ lục).

use crate::grammar;
use crate::lex::Line;
use crate::model::{
    Appendix, ArtifactKind, BlockKind, Document, Format, Join, JoinReason, NumberStyle, Paragraph,
    PreambleItem, PreambleKind, Section, Table,
};
use crate::parse::layout::{self as header, is_upper};
use crate::parse::layout::{artifact_kind, is_appendix_start};
use crate::parse::{Context, TextSource, pointer, push_index};
use crate::tables;
use std::borrow::Cow;

/// Where the builder puts what it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The main body of the document.
    Main,
    /// An appendix.
    Appendix,
}

/// An open section and the length of its path in [`Builder::paths`].
struct Open {
    key: (NumberStyle, usize),
    section: Section,
    path_len: usize,
}

/// What the last text block was, for joining the next line into it.
#[derive(Clone)]
struct Last {
    /// Index into `cx.texts`.
    text: usize,
    /// Where the last piece starts in that text (it runs to the end). Its length in characters
    /// ([`piece_len`]) is asked by a join rule only when the next line neither starts in lower
    /// case nor follows a connective: counted then, not for every paragraph and joined line.
    piece_start: usize,
    /// Whether it is a section title (joined into the title) or a paragraph.
    title: bool,
}

/// The most characters the join rules ask a piece to have (`>= 60`, `>= 80`).
const PIECE_LEN_CAP: usize = 80;

/// The characters of a paragraph piece, exact up to [`PIECE_LEN_CAP`]: long paragraphs are not
/// counted to the end (a char is at most four bytes, so `4 * cap` bytes hold `cap` chars).
fn piece_len(piece: &str) -> usize {
    if piece.len() >= 4 * PIECE_LEN_CAP {
        PIECE_LEN_CAP
    } else {
        piece.chars().count().min(PIECE_LEN_CAP)
    }
}

struct Builder {
    mode: Mode,
    base: String,
    loose: Vec<Paragraph>,
    top: Vec<Section>,
    stack: Vec<Open>,
    tables: Vec<Table>,
    closing: Vec<Paragraph>,
    in_closing: bool,
    last: Option<Last>,
    last_line: usize,
    /// The path [`Builder::container`] writes, kept to reuse its buffer for every paragraph.
    path: String,
    /// The path of the innermost open section, whose prefixes are the paths of the sections
    /// around it (`{base}/sections/2/children/0`): each open section keeps the length of its
    /// path, not a string of its own.
    paths: String,
}

impl Builder {
    fn new(mode: Mode, base: String) -> Self {
        Self {
            mode,
            base,
            loose: Vec::new(),
            top: Vec::new(),
            stack: Vec::new(),
            tables: Vec::new(),
            closing: Vec::new(),
            in_closing: false,
            last: None,
            last_line: 0,
            path: String::new(),
            paths: String::new(),
        }
    }

    /// The list new paragraphs go to and its path, written into the builder's buffer (a path is
    /// built for every paragraph and joined line; the buffer saves an allocation each time).
    fn container(&mut self) -> (&mut Vec<Paragraph>, &mut String) {
        let path = &mut self.path;
        path.clear();
        if self.in_closing {
            path.push_str("/closing");
            return (&mut self.closing, path);
        }
        if let Some(open) = self.stack.last_mut() {
            path.push_str(self.paths.get(..open.path_len).unwrap_or_default());
            path.push_str("/paragraphs");
            return (&mut open.section.paragraphs, path);
        }
        let key = if self.mode == Mode::Main {
            "preamble"
        } else {
            "paragraphs"
        };
        path.push_str(&self.base);
        path.push('/');
        path.push_str(key);
        (&mut self.loose, path)
    }

    /// Closes open sections down to (and including) depth `to`.
    fn close_to(&mut self, to: usize) {
        while self.stack.len() > to {
            let Some(mut open) = self.stack.pop() else {
                break;
            };
            open.section.end_line = open
                .section
                .end_line
                .max(self.last_line.max(open.section.line));
            match self.stack.last_mut() {
                Some(parent) => parent.section.children.push(open.section),
                None => self.top.push(open.section),
            }
        }
    }

    /// Opens a section, closing any open one of the same style and depth and those below it;
    /// returns the new section's path.
    fn open(&mut self, label: grammar::Label, title: Option<String>, line: usize) -> &str {
        let key = (label.style, label.depth);
        if let Some(pos) = self.stack.iter().position(|o| o.key == key) {
            self.close_to(pos);
        }
        // The parent's path is the prefix of its length; a section's own path is not changed
        // while it is open.
        match self.stack.last() {
            Some(parent) => {
                self.paths.truncate(parent.path_len);
                self.paths.push_str("/children");
                push_index(&mut self.paths, parent.section.children.len());
            }
            None => {
                self.paths.clear();
                self.paths.push_str(&self.base);
                self.paths.push_str("/sections");
                push_index(&mut self.paths, self.top.len());
            }
        }
        self.stack.push(Open {
            key,
            section: Section {
                label: label.label,
                style: label.style,
                number: label.number,
                title,
                line,
                end_line: line,
                paragraphs: Vec::new(),
                children: Vec::new(),
            },
            path_len: self.paths.len(),
        });
        self.last = None;
        &self.paths
    }
}

/// List markers with the white space after them, in the order they are tried.
const BULLETS: [&str; 8] = ["- ", "+ ", "• ", "* ", "– ", "— ", "-\t", "· "];

/// The first bytes of the markers in [`BULLETS`] and of `-` (a test checks the table).
fn may_be_bullet(first: u8) -> bool {
    // `•`, `–`, `—` start with 0xE2 in UTF-8, `·` with 0xC2.
    matches!(first, b'-' | b'+' | b'*' | 0xE2 | 0xC2)
}

/// The list marker of a list item and the text after it.
fn bullet(t: &str) -> Option<(&str, &str)> {
    // Asked of most lines, which start with a letter or a digit: one byte rules them out.
    if !may_be_bullet(*t.as_bytes().first()?) {
        return None;
    }
    for m in BULLETS {
        if let Some(rest) = t.strip_prefix(m) {
            return Some((m.trim(), rest.trim_start()));
        }
    }
    // `-Sở Nội vụ`: a dash glued to a capitalized word.
    let rest = t.strip_prefix('-')?;
    rest.chars()
        .next()
        .filter(|c| c.is_uppercase())
        .map(|_| ("-", rest))
}

/// Final characters that close a sentence or an item.
fn ends_closed(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '"', '’', ')', '*', ' ']);
    t.ends_with(['.', ';', ':', '!', '?', '…'])
}

/// True when a paragraph ends on a word that needs more after it (`tại`, `theo`, `khoản 2`):
/// the next line goes on with the sentence even when it opens with a number or `Điều`.
fn ends_on_connective(text: &str, title: bool) -> bool {
    if title || ends_closed(text) {
        return false;
    }
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    tables::CONNECTIVE_WORDS.contains(&last)
        || last.chars().all(|c| c.is_ascii_digit()) && tables::CONNECTIVE_WORDS.contains(&before)
}

/// A cut token: `19-` or `117/QĐ-` before `NQ/TW` or `UBND`.
fn cut_token(prev: &str, next: &str) -> bool {
    let before = prev.trim_end();
    let Some(last) = before.chars().last() else {
        return false;
    };
    if !matches!(last, '-' | '/') {
        return false;
    }
    let ch = before[..before.len() - 1].chars().last();
    ch.is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().any(|c| c.is_uppercase()) && w.len() <= 24)
}

/// Whether a new text line continues the previous block, and how.
///
/// `connective` answers `ends_on_connective` of the block's text, which the caller works out
/// once per line: asked only when the line's first character does not settle it.
fn continues(
    cx: &Context<'_>,
    last: &Last,
    line: &Line<'_>,
    gap: bool,
    connective: impl FnOnce() -> bool,
) -> Option<Option<JoinReason>> {
    let prev = &cx.texts[last.text].text;
    let next = line.text.as_ref();
    if cut_token(prev, next) {
        return Some(Some(JoinReason::SplitToken));
    }
    if last.title && (gap || cx.format == Format::Markdown) {
        return None;
    }
    let open = !ends_closed(prev);
    // A sentence going on: a lower-case word, a figure (`2.594 hồ sơ`), or anything after a
    // word a sentence cannot end on (`tại khoản` / `4 Điều này`).
    let starts_lower =
        next.chars().next().is_some_and(|c| {
            c.is_lowercase() || c.is_ascii_digit() || matches!(c, ',' | ';' | ')')
        }) || connective();
    let piece_len = || piece_len(prev.get(last.piece_start..).unwrap_or_default());
    if !gap {
        if cx.format == Format::Markdown {
            return (!last.title).then_some(None);
        }
        return (open && (starts_lower || piece_len() >= 60)).then_some(None);
    }
    (open && (starts_lower || piece_len() >= 80)).then_some(Some(JoinReason::PageBreak))
}

/// True when a line is a table row: a pipe row or a row of tab-separated cells.
///
/// Asked of every body line. A raw line that starts with a character that is not white space
/// (almost every line) is its own trimmed start: it is a pipe row only if that byte is `|`, and
/// it holds tabs only inside the trimmed line, which lexing looked at (`spaced` is false without
/// a tab there). Those lines are answered without the trim and the `memchr` call (about 70
/// instructions of setup) of the general test.
fn is_table_row(line: &Line<'_>) -> bool {
    match line.raw.as_bytes().first() {
        Some(&b) if crate::text::kernels::starts_plain(b) => {
            b == b'|' && line.is_pipe_row() || line.spaced && line.is_tab_row()
        }
        _ => line.is_pipe_row() || line.is_tab_row(),
    }
}

/// Splits a table row into cells (pipe or tab), cleaning Markdown in each.
fn cells(line: &Line<'_>, format: Format) -> Option<Vec<String>> {
    let raw = line.raw.trim();
    if line.is_pipe_row() {
        let inner = raw.trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        if inner
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '=' | '+'))
        {
            return None;
        }
        // Cells are the slices between unescaped bars, cleaned without an intermediate copy.
        // `|` and `\` are ASCII, which no byte of a longer character is: the row is read as
        // bytes, and the vector sized by its bars (a bar may be escaped: at most one too many).
        let clean = |c: &str| crate::lex::clean_line(c, format).0.into_owned();
        let bytes = inner.as_bytes();
        let mut out = Vec::with_capacity(bytes.iter().filter(|&&b| b == b'|').count() + 1);
        let mut start = 0;
        let mut escaped = false;
        for (at, &c) in bytes.iter().enumerate() {
            if c == b'|' && !escaped {
                out.push(clean(inner.get(start..at).unwrap_or_default()));
                start = at + 1;
            }
            escaped = c == b'\\';
        }
        out.push(clean(inner.get(start..).unwrap_or_default()));
        return Some(out);
    }
    Some(
        line.raw
            .trim_end_matches(['\n', ' '])
            .split('\t')
            .map(|c| crate::lex::clean_line(c, format).0.into_owned())
            .collect(),
    )
}

/// Parses the main body from `at` up to the closing zone; returns where it stopped.
pub fn parse_main(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    let mut b = Builder::new(Mode::Main, String::new());
    let end = run(cx, doc, &mut b, at);
    b.close_to(0);
    doc.sections = b.top;
    doc.closing = b.closing;
    doc.preamble = b.loose.into_iter().map(preamble_item).collect();
    end
}

/// What a paragraph before the first section is.
fn preamble_item(p: Paragraph) -> PreambleItem {
    let t = p.text.as_str();
    let kind = if tables::BASIS_OPENINGS.iter().any(|o| t.starts_with(o)) {
        PreambleKind::Basis
    } else if tables::PROPOSAL_OPENINGS.iter().any(|o| t.starts_with(o)) {
        PreambleKind::Proposal
    } else if is_enacting(t) {
        PreambleKind::Enacting
    } else if p.kind == BlockKind::Paragraph && t.chars().count() <= 200 && is_upper(t) {
        // (The length is tested first: `is_upper` reads far into a long paragraph of running
        // text before it gives up; counting its characters costs much less.)
        PreambleKind::Authority
    } else {
        PreambleKind::Text
    };
    PreambleItem {
        kind,
        text: p.text,
        line: p.line,
        end_line: p.end_line,
    }
}

/// `QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`.
fn is_enacting(t: &str) -> bool {
    let body = t.trim_end_matches([':', ' ']);
    t.trim_end().ends_with(':') && tables::ENACTING_WORDS.contains(&body)
}

/// Parses an appendix at `at` if one starts there; returns where it stopped.
pub fn parse_appendix(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    let Some(i) = cx.next_non_blank(at) else {
        return cx.lines.len();
    };
    let line = &cx.lines[i];
    let attached = !is_appendix_start(line)
        && header::title_type(&line.text).is_some()
        && is_upper(&line.text);
    if !is_appendix_start(line) && !attached {
        return at;
    }
    let index = doc.appendices.len();
    let base = format!("/appendices/{index}");
    let heading = line.text.to_string();
    let rest = heading
        .trim_start_matches("PHỤ LỤC")
        .trim_start_matches("Phụ lục")
        .trim();
    let label = rest
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| {
            grammar::roman_value(w).is_some()
                || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
        })
        .map(str::to_owned);
    cx.claim_line(&base, i);
    let mut title = heading.clone();
    let mut attached_to = None;
    let mut j = i + 1;
    let mut end = i;
    // Title lines in capitals, then the `(Kèm theo …)` line.
    while let Some(k) = cx.next_non_blank(j) {
        let l = &cx.lines[k];
        let t = l.text.as_ref();
        if k > end + 2 {
            break;
        }
        if t.starts_with("(Kèm theo")
            || t.starts_with("(Ban hành kèm theo")
            || t.starts_with("(kèm theo")
        {
            attached_to = Some(t.to_owned());
            let path = format!("{base}/attached_to");
            cx.claim_line(&path, k);
            cx.remember(TextSource::new(t, l.no));
            end = k;
            j = k + 1;
            break;
        }
        let subject =
            attached && !t.starts_with('(') && grammar::label(t).is_none() && !l.is_pipe_row();
        if (is_upper(t) || subject)
            && grammar::label(t).is_none()
            && !l.is_pipe_row()
            && !l.is_tab_row()
            && !is_appendix_start(l)
        {
            title = if label.is_some() && title == heading {
                t.to_owned()
            } else {
                format!("{title} {t}")
            };
            cx.claim_line(&base, k);
            end = k;
            j = k + 1;
            continue;
        }
        break;
    }
    let mut b = Builder::new(Mode::Appendix, base);
    b.last_line = cx.lines[end].no;
    let stop = run(cx, doc, &mut b, j);
    b.close_to(0);
    doc.appendices.push(Appendix {
        label,
        title,
        attached_to,
        line: line.no,
        end_line: b.last_line.max(cx.lines[end].no),
        sections: b.top,
        tables: b.tables,
        paragraphs: b.loose,
    });
    stop
}

/// The common loop of body and appendix.
fn run<'a>(cx: &mut Context<'a>, doc: &mut Document, b: &mut Builder, at: usize) -> usize {
    let lines = cx.lines;
    let mut i = at;
    let mut gap = false;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            gap = true;
            i += 1;
            continue;
        }
        if is_appendix_start(line) && (b.mode == Mode::Main || i != at) {
            break;
        }
        if b.mode == Mode::Main && (cx.ends_body)(cx, i) {
            break;
        }
        if b.mode == Mode::Main
            && b.stack.is_empty()
            && b.top.is_empty()
            && line.text.starts_with("Kính gửi")
        {
            i = addressees(cx, doc, i);
            gap = false;
            continue;
        }
        if is_table_row(line) {
            i = table(cx, b, i);
            gap = false;
            continue;
        }
        // `… tại khoản` / `4 Điều này …`: a wrapped sentence, not a footnote body. Worked out
        // at most once per line, when a question below needs it (most lines are settled
        // before: no footnote, no label, a first letter that tells).
        let mut wrapped_memo: Option<bool> = None;
        let mut wrapped = |cx: &Context<'_>, b: &Builder| {
            *wrapped_memo.get_or_insert_with(|| {
                b.last
                    .as_ref()
                    .is_some_and(|l| ends_on_connective(&cx.texts[l.text].text, l.title))
            })
        };
        if let Some(kind) = artifact_kind(line, cx.format)
            .filter(|k| !(*k == ArtifactKind::Footnote && wrapped(cx, b)))
        {
            cx.artifact_line(doc, kind, i);
            gap = true;
            i += 1;
            continue;
        }
        // The line's numbering label and list marker, read once for the questions below.
        let label = grammar::label(&line.text);
        let marker = bullet(&line.text);
        // A cut token or a sentence going on joins the block above, even across a page break.
        if let Some(last) = b.last.clone() {
            let prev = &cx.texts[last.text].text;
            // `… quy định tại` / `Điều 10. …`: a wrapped reference, not a heading.
            let label_here = label.is_some() && !cut_token(prev, &line.text) && !wrapped(cx, b);
            if marker.is_none() && !label_here {
                if let Some(reason) = continues(cx, &last, line, gap, || wrapped(cx, b)) {
                    join(cx, doc, b, &last, i, reason, gap);
                    gap = false;
                    i += 1;
                    continue;
                }
            }
        }
        gap = false;
        if let Some(label) = label {
            i = heading(cx, doc, b, i, label);
            continue;
        }
        // A caption: an unnumbered heading right above a table.
        if b.mode == Mode::Appendix && (line.heading > 0 || line.emphasized) {
            if let Some(k) = cx.next_non_blank(i + 1) {
                if is_table_row(&cx.lines[k]) {
                    let path = format!("{}/tables/{}", b.base, b.tables.len());
                    cx.claim_line(&path, i);
                    let caption = line.text.to_string();
                    i = table(cx, b, k);
                    if let Some(t) = b.tables.last_mut() {
                        t.caption = Some(caption);
                        t.line = line.no;
                    }
                    continue;
                }
            }
        }
        paragraph(cx, doc, b, i, marker);
        i += 1;
    }
    b.close_to(0);
    i
}

/// Adds a paragraph or list item for line `i`; `marker` is [`bullet`] of its text.
fn paragraph<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
    marker: Option<(&str, &'a str)>,
) {
    let lines = cx.lines;
    let line = &lines[i];
    let (kind, marker, piece) = match marker {
        Some((m, rest)) => (BlockKind::ListItem, Some(m.to_owned()), rest),
        None => (BlockKind::Paragraph, None, line.text.as_ref()),
    };
    let text = piece.to_owned();
    if b.mode == Mode::Main && !b.in_closing && (!b.stack.is_empty() || !b.top.is_empty()) {
        b.in_closing = tables::CLOSING_OPENINGS.iter().any(|o| text.starts_with(o));
        if b.in_closing {
            b.close_to(0);
        }
    }
    if text.trim_end().ends_with("./.") {
        doc.end_marker = Some(line.no);
    }
    let text_index = cx.remember(TextSource::borrowed(piece, line.no));
    let (list, path) = b.container();
    push_index(path, list.len());
    list.push(Paragraph {
        kind,
        marker,
        text,
        rows: None,
        line: line.no,
        end_line: line.no,
        joins: Vec::new(),
    });
    cx.claim_line(path, i);
    b.last = Some(Last {
        text: text_index,
        piece_start: 0,
        title: false,
    });
    b.last_line = line.no;
}

/// Appends `piece` to a block's text: after a space, or glued to it for a cut token.
fn extend(text: &mut String, piece: &str, glued: bool) {
    if glued {
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
    } else {
        text.push(' ');
    }
    text.push_str(piece);
}

/// Joins line `i` into the last block.
///
/// The block's text in the tree and its copy in `cx.texts` are equal and both are extended in
/// place, so a paragraph of many lines costs time in proportion to its length.
fn join(
    cx: &mut Context<'_>,
    doc: &mut Document,
    b: &mut Builder,
    last: &Last,
    i: usize,
    reason: Option<JoinReason>,
    gap: bool,
) {
    let lines = cx.lines;
    let line = &lines[i];
    let piece: &str = &line.text;
    let glued = reason == Some(JoinReason::SplitToken);
    let src = &mut cx.texts[last.text];
    let before = src.text.len();
    // A text still borrowed from its line is copied here, with room for the piece.
    if let Cow::Borrowed(t) = src.text {
        let mut owned = String::with_capacity(t.len() + 1 + piece.len());
        owned.push_str(t);
        src.text = Cow::Owned(owned);
    }
    extend(src.text.to_mut(), piece, glued);
    let piece_start = src.text.len() - piece.len();
    src.push_piece(piece_start, line.no);
    let joined: &str = &src.text;
    if joined.trim_end().ends_with("./.") {
        doc.end_marker = Some(line.no);
    }
    let recorded = reason
        .filter(|r| gap || *r == JoinReason::SplitToken)
        .map(|reason| Join {
            line: line.no,
            reason,
        });
    // The tree's copy started equal to `src.text` and only ever grows here, so extending it the
    // same way keeps them equal; a length mismatch (never seen) falls back to copying.
    let update = |text: &mut String| {
        if text.len() == before {
            extend(text, piece, glued);
        }
        if text.len() != joined.len() {
            joined.clone_into(text);
        }
    };
    if last.title {
        match b.stack.last_mut() {
            Some(o) => {
                match o.section.title.as_mut() {
                    Some(title) => update(title),
                    None => o.section.title = Some(joined.to_owned()),
                }
                cx.claim_line(b.paths.get(..o.path_len).unwrap_or_default(), i);
            }
            None => cx.claim_line("", i),
        }
    } else {
        let (list, path) = b.container();
        let index = list.len().saturating_sub(1);
        if let Some(p) = list.last_mut() {
            update(&mut p.text);
            p.end_line = line.no;
            p.joins.extend(recorded);
        }
        push_index(path, index);
        cx.claim_line(path, i);
    }
    b.last = Some(Last {
        text: last.text,
        piece_start,
        title: last.title,
    });
    b.last_line = line.no;
}

/// Whether the text after a label is the section's title or its first paragraph.
///
/// `wrapped` says the next line goes on with the same sentence (plain text hard-wrapped at a
/// page width): then the text after a `1.`, `1.1.` or `a)` is a clause, however short its first
/// piece.
///
/// The characters of `rest` are counted only by the rules that ask for them.
fn is_title(label: &grammar::Label, line: &Line<'_>, rest: &str, wrapped: bool) -> bool {
    use NumberStyle::*;
    let n = || rest.chars().count();
    match label.style {
        Part | Chapter | Division | Subdivision | Roman | RomanDash | Article => true,
        _ if rest.is_empty() => false,
        _ if wrapped && !line.emphasized && line.heading == 0 && !ends_closed(rest) => false,
        _ if line.heading > 0 || line.emphasized => true,
        // A short text is a title whatever its case: the length tests go before `is_upper`,
        // which reads the text letter by letter.
        Letter if n() <= 80 && !ends_closed(rest) => true,
        Letter => is_upper(rest),
        _ if n() <= 160 && !rest.trim_end().ends_with(['.', ';']) => true,
        _ => is_upper(rest),
    }
}

/// Opens a section at line `i`; returns the next line to read.
fn heading<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
    label: grammar::Label,
) -> usize {
    let lines = cx.lines;
    let line = &lines[i];
    // Borrowed from the line: the title or clause is copied once, where it is stored.
    let rest = line
        .text
        .get(label.rest.min(line.text.len())..)
        .unwrap_or_default()
        .trim()
        .trim_start_matches(['.', ':', '-', '–', ' ']);
    let wrapped = cx.format == Format::Text
        && cx
            .lines
            .get(i + 1)
            .is_some_and(|n| n.text.chars().next().is_some_and(char::is_lowercase));
    let titled = is_title(&label, line, rest, wrapped);
    let style = label.style;
    let mut next = i + 1;
    // The title as read from the input, which its source for citation scanning borrows.
    let mut title: Option<&'a str> = (titled && !rest.is_empty()).then_some(rest);
    let mut title_line = None;
    // `PHẦN I` / `Chương II` with the title on the next line.
    if title.is_none()
        && matches!(
            style,
            NumberStyle::Part
                | NumberStyle::Chapter
                | NumberStyle::Division
                | NumberStyle::Subdivision
        )
    {
        if let Some(k) = cx.next_non_blank(i + 1) {
            let t = lines[k].text.as_ref();
            if k <= i + 2 && is_upper(t) && grammar::label(t).is_none() && !(cx.ends_body)(cx, k) {
                title = Some(t);
                title_line = Some(k);
                next = k + 1;
            }
        }
    }
    let title_source = title.map(|t| TextSource::borrowed(t, line.no));
    let path = b.open(label, title.map(str::to_owned), line.no);
    cx.claim_line(path, i);
    if let Some(k) = title_line {
        cx.claim_line(path, k);
    }
    if line.text.trim_end().ends_with("./.") {
        doc.end_marker = Some(line.no);
    }
    b.last_line = title_line.map_or(line.no, |k| cx.lines[k].no);
    if let Some(source) = title_source {
        let idx = cx.remember(source);
        b.last = Some(Last {
            text: idx,
            piece_start: 0,
            title: true,
        });
    }
    if !titled && !rest.is_empty() {
        // A clause: the text after the number is the section's first paragraph, on the same line.
        let idx = cx.remember(TextSource::borrowed(rest, line.no));
        if let Some(open) = b.stack.last_mut() {
            open.section.paragraphs.push(Paragraph {
                kind: BlockKind::Paragraph,
                marker: None,
                text: rest.to_owned(),
                rows: None,
                line: line.no,
                end_line: line.no,
                joins: Vec::new(),
            });
        }
        b.last = Some(Last {
            text: idx,
            piece_start: 0,
            title: false,
        });
        // The line stays claimed by the section; the paragraph records it as its line.
    }
    next
}

/// Reads a table starting at line `i`; returns the next line.
fn table(cx: &mut Context<'_>, b: &mut Builder, i: usize) -> usize {
    let pipe = cx.lines[i].is_pipe_row();
    let mut rows = Vec::new();
    let mut j = i;
    while j < cx.lines.len() {
        let l = &cx.lines[j];
        let same = if pipe {
            l.is_pipe_row()
        } else {
            l.is_tab_row() || (l.raw.contains('\t') && !l.is_blank())
        };
        if !same {
            break;
        }
        if let Some(r) = cells(l, cx.format) {
            rows.push(r);
        }
        j += 1;
    }
    let first = cx.lines[i].no;
    let last = cx.lines[j - 1].no;
    let table_path;
    let path: &str = if b.mode == Mode::Appendix {
        let section = b.stack.last().map(|o| o.section.label.clone());
        table_path = pointer(&b.base, "tables", b.tables.len());
        b.tables.push(Table {
            section,
            caption: None,
            rows,
            line: first,
            end_line: last,
        });
        &table_path
    } else {
        // Cells joined by ` | `, rows by a line break, written into one string of the length
        // they add up to.
        let len: usize = rows
            .iter()
            .map(|row| row.iter().map(|c| c.len() + 3).sum::<usize>() + 1)
            .sum();
        let mut text = String::with_capacity(len);
        for (n, row) in rows.iter().enumerate() {
            if n > 0 {
                text.push('\n');
            }
            for (m, cell) in row.iter().enumerate() {
                if m > 0 {
                    text.push_str(" | ");
                }
                text.push_str(cell);
            }
        }
        let (list, path) = b.container();
        push_index(path, list.len());
        list.push(Paragraph {
            kind: BlockKind::Table,
            marker: None,
            text,
            rows: Some(rows),
            line: first,
            end_line: last,
            joins: Vec::new(),
        });
        path
    };
    for k in i..j {
        cx.claim_line(path, k);
    }
    b.last = None;
    b.last_line = last;
    j
}

/// Reads a `Kính gửi:` block at line `i`: one addressee on the same line, or a list of items
/// under it. Returns the next line.
fn addressees(cx: &mut Context<'_>, doc: &mut Document, i: usize) -> usize {
    let line = &cx.lines[i];
    let rest = line.text["Kính gửi".len()..]
        .trim_start_matches([':', ' '])
        .trim();
    let clean = |t: &str| {
        t.trim_start_matches(['-', '+', '•', '–', ' '])
            .trim_end_matches([';', '.', ',', ' '])
            .trim()
            .to_owned()
    };
    if rest.is_empty() {
        cx.claim_line("/addressees", i);
    } else {
        doc.addressees.push(clean(rest));
        let path = pointer("", "addressees", doc.addressees.len() - 1);
        cx.claim_line_owned(path, i);
    }
    let mut next = i + 1;
    while let Some(k) = cx.next_non_blank(next) {
        let l = &cx.lines[k];
        if bullet(&l.text).is_none() || k > next + 1 {
            break;
        }
        doc.addressees.push(clean(&l.text));
        let path = pointer("", "addressees", doc.addressees.len() - 1);
        cx.claim_line_owned(path, k);
        next = k + 1;
    }
    next
}

#[cfg(test)]
mod tests {
    use crate::model::JoinReason;

    #[test]
    fn joined_lines_build_one_text() {
        let doc = crate::parse(
            "BÁO CÁO\nKết quả năm 2024\n\n\
             I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN TỈNH\n\
             và phương hướng năm 2025\n\
             Thực hiện Quyết định số 117/QĐ-\n\
             UBND ngày 5/3/2021 của Ủy ban nhân dân tỉnh về việc triển khai công tác cải cách\n\
             trên địa bàn, các đơn vị đã\n\
             hoàn thành./.\n",
        );
        let s = &doc.sections[0];
        assert_eq!(
            s.title.as_deref(),
            Some(
                "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN TỈNH \
                 và phương hướng năm 2025"
            ),
            "a title goes on on the next line"
        );
        let p = &s.paragraphs[0];
        assert_eq!(
            p.text,
            "Thực hiện Quyết định số 117/QĐ-UBND ngày 5/3/2021 của Ủy ban nhân dân tỉnh về việc \
             triển khai công tác cải cách trên địa bàn, các đơn vị đã hoàn thành./.",
            "a cut token is glued, other lines joined with a space"
        );
        assert_eq!((p.line, p.end_line), (6, 9));
        assert_eq!(p.joins.len(), 1);
        assert_eq!(p.joins[0].reason, JoinReason::SplitToken);
        assert_eq!(doc.end_marker, Some(9));
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;
    use crate::parse::layout::*;

    #[test]
    fn piece_len_is_exact_up_to_the_cap() {
        assert_eq!(piece_len(""), 0);
        assert_eq!(piece_len("Hà Nội"), 6);
        let a = "ệ".repeat(79);
        assert_eq!(piece_len(&a), 79, "237 bytes, 79 chars");
        assert_eq!(piece_len(&"ệ".repeat(80)), PIECE_LEN_CAP);
        assert_eq!(piece_len(&"a".repeat(5000)), PIECE_LEN_CAP);
        let wide = "𝐀".repeat(79);
        assert_eq!(piece_len(&wide), 79, "316 bytes of four-byte chars");
        for n in 0..200 {
            let s = "ư".repeat(n);
            assert_eq!(piece_len(&s), n.min(PIECE_LEN_CAP), "{n}");
        }
    }

    #[test]
    fn bullets_and_footnotes() {
        for m in BULLETS {
            assert!(m.bytes().next().is_some_and(may_be_bullet), "{m:?}");
        }
        assert_eq!(bullet("- Sở Nội vụ"), Some(("-", "Sở Nội vụ")));
        assert_eq!(bullet("-\tSở"), Some(("-", "Sở")));
        assert_eq!(bullet("• Một"), Some(("•", "Một")));
        assert_eq!(bullet("· Hai"), Some(("·", "Hai")));
        assert_eq!(bullet("— Ba"), Some(("—", "Ba")));
        assert_eq!(bullet("-Sở"), Some(("-", "Sở")));
        assert_eq!(bullet("-sở"), None);
        assert_eq!(bullet("Sở - Ban"), None);
        assert_eq!(bullet(""), None);
        assert!(is_footnote("1 Thường trực"));
        assert!(is_footnote("12 Văn bản"));
        assert!(!is_footnote("123 Văn bản"));
        assert!(!is_footnote("0 Văn bản"));
        assert!(!is_footnote("1 văn bản"));
        assert!(!is_footnote("1"));
        assert!(!is_footnote("Văn bản"));
    }

    #[test]
    fn pipe_cells_split_on_unescaped_bars() {
        // An escaped bar stays in its cell (and loses its backslash when the cell is cleaned).
        let lines = crate::lex::lines("| a | b \\| c | d |\n|---|---|\n", Format::Markdown);
        assert_eq!(
            cells(&lines[0], Format::Markdown),
            Some(vec!["a".to_owned(), "b | c".to_owned(), "d".to_owned()])
        );
        assert_eq!(cells(&lines[1], Format::Markdown), None);
    }
}

/// Rewritten predicates checked against what they replace (or against the definition they
/// shortcut), on every corpus line and on generated texts.
#[cfg(test)]
mod oracle_tests {
    use super::*;
    use crate::parse::layout::*;
    use proptest::prelude::*;

    /// Every line of the oracle texts, and the text after each space of it (`rest` of a label).
    fn corpus_lines() -> Vec<String> {
        let mut out = Vec::new();
        for (_, text) in crate::oracle::texts() {
            for line in text.lines() {
                out.push(line.to_owned());
                out.push(line.trim().to_owned());
                for (at, _) in line.match_indices(' ') {
                    out.push(line[at + 1..].to_owned());
                }
            }
        }
        out
    }

    /// The pieces generated texts are glued from: capitals and lower case, ASCII and not, a
    /// title-case letter, digits, spaces and punctuation, another script.
    const PIECES: [&str; 24] = [
        "A",
        "a",
        "Ệ",
        "ệ",
        "Đ",
        "đ",
        "Ư",
        "ư",
        " ",
        "  ",
        "1",
        ".",
        ";",
        "-",
        "–",
        "中",
        "ǅ",
        "KẾT QUẢ ",
        "thực hiện ",
        "Điều ",
        "TM. ",
        "Nơi nhận:",
        "\t",
        "|",
    ];

    fn texts() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..60)
            .prop_map(|p| p.concat())
    }

    fn upper_by_ratio(t: &str) -> bool {
        header::upper_ratio(t).is_some_and(|r| r >= 0.85)
    }

    #[test]
    fn is_upper_agrees_on_corpus_lines() {
        let lines = corpus_lines();
        assert!(lines.len() > 1000);
        for t in &lines {
            assert_eq!(is_upper(t), upper_by_ratio(t), "{t:?}");
        }
        // Capitals with lower case at every place and in every share, around the block size.
        for n in [15, 16, 17, 31, 32, 33, 40, 100, 300] {
            for k in 0..=n {
                for (big, small) in [("A", "a"), ("Ệ", "ệ"), ("Ệ", "a"), ("A", "ệ")] {
                    let s = format!("{}{}", big.repeat(k), small.repeat(n - k));
                    assert_eq!(is_upper(&s), upper_by_ratio(&s), "{s}");
                    let s = format!("{}{}", small.repeat(n - k), big.repeat(k));
                    assert_eq!(is_upper(&s), upper_by_ratio(&s), "{s}");
                }
            }
        }
    }

    /// [`artifact_kind`] before its first-byte gate.
    fn old_artifact_kind(line: &Line<'_>, format: Format) -> Option<ArtifactKind> {
        let t = line.text.as_ref();
        if t.is_empty() {
            return Some(ArtifactKind::Markup);
        }
        if header::is_rule(t) {
            return Some(ArtifactKind::Rule);
        }
        let digits = t.trim_matches(|c: char| matches!(c, '-' | '–' | '(' | ')' | ' ' | '.'));
        let digits = digits.strip_prefix("Trang").map_or(digits, str::trim);
        if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(ArtifactKind::PageNumber);
        }
        if t.strip_prefix("CÔNG BÁO")
            .is_some_and(|r| r.starts_with('/') || r.starts_with(" /") || r.starts_with(" Số"))
        {
            return Some(ArtifactKind::PageHeader);
        }
        if STAMP_LABELS.iter().any(|p| t.starts_with(p)) {
            return Some(ArtifactKind::Stamp);
        }
        if format == Format::Text && is_footnote(t) {
            return Some(ArtifactKind::Footnote);
        }
        None
    }

    /// [`is_title`] as it was, given the characters of `rest`.
    fn old_is_title(
        label: &grammar::Label,
        line: &Line<'_>,
        rest: &str,
        n: usize,
        wrapped: bool,
    ) -> bool {
        use NumberStyle::*;
        match label.style {
            Part | Chapter | Division | Subdivision | Roman | RomanDash | Article => true,
            _ if n == 0 => false,
            _ if wrapped && !line.emphasized && line.heading == 0 && !ends_closed(rest) => false,
            _ if line.heading > 0 || line.emphasized => true,
            Letter if n <= 80 && !ends_closed(rest) => true,
            Letter => is_upper(rest),
            _ if n <= 160 && !rest.trim_end().ends_with(['.', ';']) => true,
            _ => is_upper(rest),
        }
    }

    /// The lines of the oracle texts and of made-up layout lines, as both formats read them.
    fn sample_documents() -> Vec<(String, Format)> {
        let mut texts: Vec<String> = crate::oracle::texts().into_iter().map(|(_, t)| t).collect();
        let mut made = String::new();
        for first in [
            "",
            " ",
            "\t",
            "\u{a0}",
            "\u{3000}",
            "|",
            "-",
            "–",
            "—",
            "─",
            "(",
            ".",
            "_",
            "=",
            "*",
            "~",
            "1",
            "12",
            "123",
            "T",
            "Trang",
            "CÔNG BÁO",
            "Người ký:",
            "Cơ quan:",
            "Email:",
            "Ký bởi:",
            "Thời gian ký:",
            "a",
            "Đ",
            "·",
            "•",
            "“",
            "#",
        ] {
            for rest in [
                "",
                " 5",
                " 5 -",
                " Văn bản",
                "/Số 3",
                " /x",
                " Số 12",
                "\tb\tc",
                " | b |",
                "---",
                " - ",
                ")",
                "2)",
            ] {
                made.push_str(&format!("{first}{rest}\n  {first}{rest}\n"));
            }
        }
        texts.push(made);
        let mut out = Vec::new();
        for t in texts {
            out.push((t.clone(), Format::Text));
            out.push((t, Format::Markdown));
        }
        out
    }

    /// [`cells`] of a pipe row as it was: the row read a char at a time.
    fn old_pipe_cells(line: &Line<'_>, format: Format) -> Option<Vec<String>> {
        let raw = line.raw.trim();
        let inner = raw.trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        if inner
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '=' | '+'))
        {
            return None;
        }
        let clean = |c: &str| crate::lex::clean_line(c, format).0.into_owned();
        let mut out = Vec::new();
        let mut start = 0;
        let mut escaped = false;
        for (at, c) in inner.char_indices() {
            if c == '|' && !escaped {
                out.push(clean(&inner[start..at]));
                start = at + 1;
            }
            escaped = c == '\\';
        }
        out.push(clean(&inner[start..]));
        Some(out)
    }

    #[test]
    fn pipe_cells_agree_with_the_old_split() {
        let mut rows = 0;
        let mut texts: Vec<(String, Format)> = sample_documents();
        texts.push((
            "| a \\| b | Ủy ban\\|| c |\n|\\\\|x|\n| đ |\\|ê| **Sở** |\n|---|:-:|\n".to_owned(),
            Format::Markdown,
        ));
        for (text, format) in texts {
            for line in crate::lex::lines(&text, format) {
                if !line.is_pipe_row() {
                    continue;
                }
                assert_eq!(
                    cells(&line, format),
                    old_pipe_cells(&line, format),
                    "{:?}",
                    line.raw
                );
                rows += 1;
            }
        }
        assert!(rows > 50, "{rows}");
    }

    #[test]
    fn gated_line_tests_agree_with_the_old_ones() {
        let (mut artifacts, mut rows, mut titles) = (0, 0, 0);
        for (text, format) in sample_documents() {
            let lines = crate::lex::lines(&text, format);
            for (i, line) in lines.iter().enumerate() {
                let kind = artifact_kind(line, format);
                assert_eq!(kind, old_artifact_kind(line, format), "{:?}", line.raw);
                artifacts += usize::from(kind.is_some());
                let row = is_table_row(line);
                assert_eq!(
                    row,
                    line.is_pipe_row() || line.is_tab_row(),
                    "{:?}",
                    line.raw
                );
                rows += usize::from(row);
                let Some(label) = grammar::label(&line.text) else {
                    continue;
                };
                let rest = line.text.get(label.rest..).unwrap_or_default().trim();
                for wrapped in [false, true] {
                    let n = rest.chars().count();
                    let new = is_title(&label, line, rest, wrapped);
                    assert_eq!(
                        new,
                        old_is_title(&label, line, rest, n, wrapped),
                        "{i} {rest:?}"
                    );
                    titles += usize::from(new);
                }
            }
        }
        assert!(
            artifacts > 100 && rows > 50 && titles > 100,
            "{artifacts} {rows} {titles}"
        );
    }

    proptest! {
        #![proptest_config(crate::oracle::config(4_000, 0x626F_6479))]

        #[test]
        fn is_upper_agrees_on_generated_texts(t in texts()) {
            prop_assert_eq!(is_upper(&t), upper_by_ratio(&t), "{:?}", t);
        }
    }
}
