//! The body: preamble, numbered sections, paragraphs, lists, tables; and appendices, which have
//! the same inner shape.
//!
//! ## Grammar
//! ```text
//! body      ::= preamble_item* ( heading block* )* closing_paragraph*
//! heading   ::= label ( title | clause )?    ; PHẦN I, A., I., I-, 1., 1-, 1.1., 5a., a), Điều 1.
//!             | unnumbered                   ; a short line right above `a)`
//! block     ::= paragraph | list_item | table | artifact
//! table     ::= pipe_row+ | tab_row+ | flattened      ; flattened: `STT …` head, then rows
//! ```
//! Titles, clauses, ranks and one-line numbering are described in [`sections`]; flattened tables
//! in [`mod@table`]. Inside a passage quoted from another document (a line that opens with `“`,
//! up to the `”` that closes it) labels are the quoted text's, not headings.
//! The level of a heading comes from its numbering style, in the order the styles first appear
//! under the current ancestors, never from Markdown heading levels (Word exports put `3.` at the
//! level of `III.`).
//! A paragraph cut by a page break (blank or layout lines between two pieces, the first ending
//! without closing punctuation and the next going on with the sentence) or a token cut at a line
//! end (`19-` / `NQ/TW`) is joined and the join recorded.
//!
//! The driver loop and the section tree are here; paragraphs and their joins
//! ([`paragraphs`]), headings ([`sections`]), tables ([`mod@table`]) and the `Kính gửi:` block
//! ([`mod@addressees`]) each have a module.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Phụ lục I Mục II.6 (bố cục: Phần, Chương, Mục, Điều, khoản, điểm; and
//! Phần, Mục, khoản, điểm for reports); Phụ lục I Mục III.1 (Phụ lục).

mod addressees;
mod paragraphs;
mod sections;
mod table;

use addressees::addressees;
use paragraphs::{bullet, continues, cut_token, ends_on_connective, join, paragraph};
use sections::heading;
use table::{contents, flat_table, is_table_head, is_table_row, table};

use crate::grammar;
use crate::model::{
    Appendix, ArtifactKind, BlockKind, Document, NumberStyle, Paragraph, PreambleItem,
    PreambleKind, Section, Span, Table,
};
use crate::parse::layout::{self as header, is_upper};
use crate::parse::layout::{artifact_kind, is_appendix_start};
use crate::parse::{Context, TextSource, push_index};
use crate::tables;

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
    /// Where the text after the label starts in the input, for the paragraph a title that
    /// proves a sentence becomes ([`sections::settle`]); `None` when the title stands whatever
    /// its end (a Markdown heading, an emphasized line: the author marked it).
    title_start: Option<usize>,
}

/// What the last text block was, for joining the next line into it.
#[derive(Clone)]
struct Last {
    /// Index into `cx.texts`.
    text: usize,
    /// Where the last piece starts in that text (it runs to the end). Its length in characters
    /// ([`paragraphs::piece_len`]) is asked by a join rule only when the next line neither starts in lower
    /// case nor follows a connective: counted then, not for every paragraph and joined line.
    piece_start: usize,
    /// Whether it is a section title (joined into the title) or a paragraph.
    title: bool,
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
    /// The text last joined into ([`paragraphs::join`]): retired ([`Context::retire`]) once
    /// another is joined into or the body ends, since a text no longer last never grows.
    joined: Option<usize>,
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
            joined: None,
            last_line: 0,
            path: String::new(),
            paths: String::new(),
        }
    }

    /// The list new paragraphs go to and its path, written into the builder's buffer (a path is
    /// built for every paragraph and joined line; the buffer saves an allocation each time).
    fn container(&mut self) -> (&mut Vec<Paragraph>, &mut String) {
        sections::settle(self);
        let path = &mut self.path;
        path.clear();
        if self.in_closing {
            path.push_str("/closing");
            return (&mut self.closing, path);
        }
        if let Some(open) = self.stack.last_mut() {
            path.push_str(self.paths.get(..open.path_len).unwrap_or_default());
            path.push_str("/paragraphs");
            reserve_first_exact(&mut open.section.paragraphs);
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
        sections::settle(self);
        while self.stack.len() > to {
            let Some(mut open) = self.stack.pop() else {
                break;
            };
            open.section.end_line = open
                .section
                .end_line
                .max(self.last_line.max(open.section.line));
            match self.stack.last_mut() {
                Some(parent) => push_first_exact(&mut parent.section.children, open.section),
                None => self.top.push(open.section),
            }
        }
    }

    /// How deep a section numbered in `style` at `depth` would sit once opened (1 at the top):
    /// the sections [`Builder::open`] (or, for an unnumbered heading, [`sections::unnumbered`])
    /// would close first are not counted. Asked before a heading is opened, against the
    /// depth limit ([`Context::section_depth`]).
    fn depth_of(&self, style: NumberStyle, depth: usize, number: Option<u32>) -> usize {
        let open = &self.stack;
        let mut len = open.len();
        if style == NumberStyle::Unnumbered {
            len = open
                .iter()
                .position(|o| o.key.0 == NumberStyle::Letter)
                .unwrap_or(len);
        }
        if let Some(rank) = sections::rank(style) {
            len = open
                .iter()
                .take(len)
                .take_while(|o| sections::rank(o.key.0).is_some_and(|r| r < rank))
                .count();
        }
        let kept = open.get(..len).unwrap_or_default();
        level_of(kept, (style, depth), number).unwrap_or(len) + 1
    }

    /// Opens a section, closing any open one of the same style and depth and those below it;
    /// returns the new section's path.
    fn open(
        &mut self,
        label: grammar::Label,
        title: Option<String>,
        line: usize,
        span: Span,
        label_span: Span,
    ) -> &str {
        sections::settle(self);
        // A heading after `Trên đây là …` shows that was no closing: what follows belongs to the
        // new section, and a line joined to its text must not land in the closing paragraph.
        self.in_closing = false;
        // A Phần, Chương, Mục or Điều sits only under the divisions above it in the legal
        // hierarchy: it closes every other open section.
        if let Some(rank) = sections::rank(label.style) {
            let keep = self
                .stack
                .iter()
                .take_while(|o| sections::rank(o.key.0).is_some_and(|r| r < rank))
                .count();
            self.close_to(keep);
        }
        let key = (label.style, label.depth);
        if let Some(pos) = level_of(&self.stack, key, label.number) {
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
                label: label.label.into_boxed_str(),
                style: label.style,
                number: label.number,
                title,
                line,
                end_line: line,
                paragraphs: Vec::new(),
                children: Vec::new(),
                rare: None,
                span,
                label_span,
            },
            path_len: self.paths.len(),
            title_start: None,
        });
        self.last = None;
        &self.paths
    }
}

/// Room for exactly one element in an empty list. A `Vec`'s first push reserves four, and most
/// sections have one paragraph or one child (a chain of headings, a clause under its label): a
/// `Section` is about 200 bytes, so three empty slots held three times the heading's line
/// again, a section apiece. A second element grows the list as usual (to four, then doubling).
fn reserve_first_exact<T>(list: &mut Vec<T>) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
}

/// Pushes onto `list`, with room for exactly one when it was empty ([`reserve_first_exact`]).
fn push_first_exact<T>(list: &mut Vec<T>, item: T) {
    reserve_first_exact(list);
    list.push(item);
}

/// Parses the main body from `at` up to the closing zone; returns where it stopped.
pub fn parse_main(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    let mut b = Builder::new(Mode::Main, String::new());
    let end = run(cx, doc, &mut b, at);
    b.close_to(0);
    retire_joined(cx, &mut b);
    doc.sections = b.top;
    doc.closing = b.closing;
    doc.preamble = b.loose.into_iter().map(preamble_item).collect();
    end
}

/// Retires the text last joined into, at the end of a body: none grows any more.
fn retire_joined(cx: &mut Context<'_>, b: &mut Builder) {
    if let Some(index) = b.joined.take() {
        cx.retire(index);
    }
}

/// What a paragraph before the first section is.
fn preamble_item(p: Paragraph) -> PreambleItem {
    let t = p.text.as_str();
    let kind = if p.kind == BlockKind::Table {
        PreambleKind::Table
    } else if tables::BASIS_OPENINGS.iter().any(|o| t.starts_with(o)) {
        PreambleKind::Basis
    } else if tables::PROPOSAL_OPENINGS.iter().any(|o| t.starts_with(o)) {
        PreambleKind::Proposal
    } else if is_enacting(t) {
        PreambleKind::Enacting
    } else if p.kind == BlockKind::Paragraph
        && t.chars().count() <= 200
        && !tables::PREAMBLE_HEADINGS.contains(&t)
        && is_upper(t)
    {
        // (The length is tested first: `is_upper` reads far into a long paragraph of running
        // text before it gives up; counting its characters costs much less.)
        PreambleKind::Authority
    } else {
        PreambleKind::Text
    };
    PreambleItem {
        kind,
        text: p.text,
        rows: p.rows.map(|rows| *rows),
        line: p.line,
        end_line: p.end_line,
        span: p.span,
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
    // A type name in capitals after the signature (an attached Quy chế) is read by the
    // driver's attachments before this is asked: only `PHỤ LỤC` opens an appendix here.
    if !is_appendix_start(line) {
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
        if header::opens_attached_to(t) {
            attached_to = Some(t.to_owned());
            let path = format!("{base}/attached_to");
            cx.claim_line(&path, k);
            cx.remember(TextSource::new(t, l.no()));
            end = k;
            j = k + 1;
            break;
        }
        if is_upper(t)
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
    b.last_line = cx.lines[end].no();
    let stop = run(cx, doc, &mut b, j);
    b.close_to(0);
    retire_joined(cx, &mut b);
    doc.appendices.push(Appendix {
        label,
        title,
        attached_to,
        line: line.no(),
        end_line: b.last_line.max(cx.lines[end].no()),
        span: line.span().cover(cx.lines[end].span()),
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
    let mut quote = paragraphs::Quote::default();
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
        if b.mode == Mode::Main && b.stack.is_empty() && b.top.is_empty() {
            if let Some(rest) = grammar::addressee_opening(&line.text) {
                i = addressees(cx, doc, i, rest);
                gap = false;
                continue;
            }
        }
        // A running line repeated at a page break (a footer, the head of a table going on) is
        // page furniture before it is a table's head: the text around it goes on across it.
        if line.running {
            cx.artifact_line(doc, ArtifactKind::PageHeader, i);
            gap = true;
            i += 1;
            continue;
        }
        if is_table_row(line) {
            i = table(cx, b, i);
            gap = false;
            continue;
        }
        // `MỤC LỤC`: the line stays a paragraph, its entries are a table, not headings.
        if line.text.trim() == tables::CONTENTS_TITLE {
            paragraph(cx, doc, b, i, None);
            i = contents(cx, b, i + 1).unwrap_or(i + 1);
            gap = false;
            continue;
        }
        if is_table_head(line) {
            i = flat_table(cx, doc, b, i);
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
            .filter(|k| !(*k == ArtifactKind::Footnote && !gap && wrapped(cx, b)))
        {
            // A footnote-shaped line is a footnote when its marker stands glued before it; else
            // it is read as text (a table row, a line that starts with a count). After a blank
            // line it is one even below a sentence cut at a connective (`… đối với` at a page
            // end): the sentence goes on on the next page. A bare number at the left margin over
            // a sentence may be a footnote's marker set on a line of its own (a PDF's): then it
            // is that footnote, not a page number.
            let marker_alone = kind == ArtifactKind::PageNumber;
            if kind == ArtifactKind::Footnote || marker_alone {
                if let Some(next) = cx.footnote(doc, i, lines.len()) {
                    gap = true;
                    i = next;
                    continue;
                }
            }
            if kind != ArtifactKind::Footnote {
                cx.artifact_line(doc, kind, i);
                gap = true;
                i += 1;
                continue;
            }
        }
        // The line's numbering label and list marker, read once for the questions below. Inside
        // a quotation (`“b) … c) …”`, points quoted from another document) a label is the
        // quoted text's, not a heading of this document. A footnote marker glued to the label
        // (`2.6 …`, `a)14 …`) is not part of it.
        let (label, note) = if quote.open() {
            (None, None)
        } else {
            match cx.label_footnote(i) {
                Some((label, note)) => (Some(label), Some(note)),
                None => (grammar::label(&line.text), None),
            }
        };
        let label = label.and_then(|l| sections::in_context(b, l));
        let marker = bullet(&line.text);
        let unnumbered = label.is_none()
            && marker.is_none()
            && !quote.open()
            && sections::is_unnumbered_heading(cx, b, i);
        quote.read(&line.text, i);
        // A cut token or a sentence going on joins the block above, even across a page break.
        if let Some(last) = b.last.clone() {
            let prev = &cx.texts[last.text].text;
            // `… quy định tại` / `Điều 10. …`: a wrapped reference, not a heading.
            let label_here =
                (label.is_some() || unnumbered) && !cut_token(prev, &line.text) && !wrapped(cx, b);
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
            if b.depth_of(label.style, label.depth, label.number) > cx.section_depth {
                too_deep(cx, doc, b, i, &label, marker);
                i += 1;
                continue;
            }
            i = heading(cx, doc, b, i, label);
            if let Some(open) = b.stack.last_mut().filter(|_| note.is_some()) {
                open.section.rare_mut().footnote = note;
            }
            continue;
        }
        if unnumbered {
            i = sections::unnumbered(cx, b, i);
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
                        t.line = line.no();
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

/// Line `i`, whose `label` would open a section deeper than the depth limit, read as a
/// paragraph of the deepest open section, which notes the label for the validator (BOD011).
fn too_deep<'a>(
    cx: &mut Context<'a>,
    doc: &mut Document,
    b: &mut Builder,
    i: usize,
    label: &grammar::Label,
    marker: Option<(&str, &'a str)>,
) {
    paragraph(cx, doc, b, i, marker);
    let line = &cx.lines[i];
    if let Some(open) = b.stack.last_mut() {
        open.section
            .rare_mut()
            .too_deep
            .push((line.no(), line.span_of(&label.label)));
    }
}

/// Where in `open` a heading keyed `key` (style, depth) and numbered `number` goes on: at the
/// open section of the same style and depth, or else at a roman numeral whose separator it
/// changed and whose number it follows (`III/` after `I-`, `II-`: it goes on with them, not
/// inside `2-`). `I/` under `I-` starts a level of its own (a part's first item), as in the
/// documents that number so.
fn level_of(open: &[Open], key: (NumberStyle, usize), number: Option<u32>) -> Option<usize> {
    open.iter().position(|o| o.key == key).or_else(|| {
        open.iter().position(|o| {
            o.key.1 == key.1
                && matches!(key.0, NumberStyle::Roman | NumberStyle::RomanDash)
                && o.key.0.spelled_like(key.0)
                && o.section
                    .number
                    .zip(number)
                    .is_some_and(|(o, n)| n == o + 1)
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::model::{ArtifactKind, Document, Format};

    /// `text` parsed as plain text (where footnote lines are read), for the tests of the body's
    /// modules.
    pub(super) fn parse_text(text: &str) -> Document {
        let options = crate::Options {
            format: Some(Format::Text),
            ..crate::Options::default()
        };
        crate::parse_with(text, &options)
    }

    #[test]
    fn a_table_of_contents_is_a_table_not_headings() {
        let text = "MỤC LỤC\n\nPHẦN THỨ NHẤT:\tKế hoạch tổng thể\nCHƯƠNG I:\tĐánh giá chung\n\
                    CHƯƠNG II:\tMục tiêu\n\nPHẦN THỨ HAI:\tDự án tin học hóa\n\n\
                    PHẦN THỨ NHẤT:\n\nKẾ HOẠCH TỔNG THỂ\n\nCHƯƠNG I:\nĐÁNH GIÁ CHUNG\n\
                    I. PHÂN TÍCH\nHiện nay tỉnh đã trang bị máy tính.\n";
        let doc = parse_text(text);
        let contents: Vec<(&str, Option<usize>, usize, usize)> = doc
            .preamble
            .iter()
            .map(|p| {
                (
                    p.text.as_str(),
                    p.rows.as_ref().map(Vec::len),
                    p.line,
                    p.end_line,
                )
            })
            .take(2)
            .collect();
        assert_eq!(contents[0], ("MỤC LỤC", None, 1, 1));
        assert_eq!(
            (contents[1].1, contents[1].2, contents[1].3),
            (Some(4), 3, 7),
            "four entries, lines 3 to 7"
        );
        assert_eq!(
            doc.preamble[1].rows.as_ref().map(|r| r[1].clone()),
            Some(vec!["CHƯƠNG I:".to_owned(), "Đánh giá chung".to_owned()])
        );
        // The chapters are read once, where the text has them.
        let first = doc.sections.first().expect("a section");
        assert_eq!((&*first.label, first.line), ("Chương I", 13));
    }

    #[test]
    fn layout_lines_in_the_body_are_artifacts() {
        let text = "BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nĐã hoàn thành1.\n- 2 -\nTrang 3\n\
                    CÔNG BÁO/Số 12/Ngày 5-3-2021\nNgười ký: Nguyễn Văn A\n\
                    1 Thường trực Tỉnh ủy\n____\nNăm 2025 tiếp tục.\n";
        let doc = parse_text(text);
        let kinds: Vec<(ArtifactKind, usize)> =
            doc.artifacts.iter().map(|a| (a.kind, a.line)).collect();
        assert_eq!(
            kinds,
            [
                (ArtifactKind::PageNumber, 6),
                (ArtifactKind::PageNumber, 7),
                (ArtifactKind::PageHeader, 8),
                (ArtifactKind::Stamp, 9),
                (ArtifactKind::Rule, 11),
            ]
        );
        // The footnote's marker stands glued to `thành1.`.
        let notes: Vec<(&str, &str, usize)> = doc
            .footnotes
            .iter()
            .map(|f| (f.marker.as_str(), f.text.as_str(), f.line))
            .collect();
        assert_eq!(notes, [("1", "Thường trực Tỉnh ủy", 10)]);
        let texts: Vec<&str> = doc.sections[0]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(texts, ["Đã hoàn thành1.", "Năm 2025 tiếp tục."]);
    }

    #[test]
    fn a_footnote_marker_alone_on_its_line_heads_the_body_below_it() {
        // A PDF's text layer: the raised `1` on a line of its own at the page's foot, the
        // note's body on the next line; a page number between two lines of a paragraph stays
        // one.
        let text = "BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nCăn cứ Nghị định số 126/2024/NĐ-CP1, Sở báo cáo.\n\
                    Đã tiếp nhận hồ sơ của khối Đảng sang khối\n2\nNhà nước theo quy định.\n\n\n\
                    1\n    Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ.\n";
        let doc = parse_text(text);
        let notes: Vec<(&str, usize, &str)> = doc
            .footnotes
            .iter()
            .map(|f| (f.marker.as_str(), f.line, f.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [(
                "1",
                11,
                "Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ."
            )]
        );
        let pages: Vec<usize> = doc.artifacts.iter().map(|a| a.line).collect();
        assert_eq!(
            pages,
            [7],
            "the `2` inside the paragraph is its page's number"
        );
    }

    #[test]
    fn a_footnote_shaped_line_without_its_marker_before_is_text() {
        let doc =
            parse_text("BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nĐã hoàn thành.\n\n7 Đề án về chỉ số.\n");
        assert!(doc.footnotes.is_empty() && doc.artifacts.is_empty());
        assert_eq!(doc.sections[0].paragraphs[1].text, "7 Đề án về chỉ số.");
    }

    #[test]
    fn a_footnote_line_after_a_connective_is_the_sentence_going_on() {
        let doc = parse_text(
            "BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nThực hiện Nghị quyết số\n12 Hội đồng nhân dân tỉnh.\n",
        );
        assert!(doc.artifacts.is_empty(), "{:?}", doc.artifacts);
        assert_eq!(
            doc.sections[0].paragraphs[0].text,
            "Thực hiện Nghị quyết số 12 Hội đồng nhân dân tỉnh."
        );
    }
}
