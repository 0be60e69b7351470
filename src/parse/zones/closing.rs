//! The closing: recipients (`Nơi nhận:`, `Lưu: VT, …`) and the signature block.
//!
//! ## Grammar
//! ```text
//! closing    ::= ( recipients | signature )+        ; either order, or side by side
//! recipients ::= 'Nơi nhận:' item* archive?
//! item       ::= ('-'|'+'|'•') count? name note? (';'|'.')?   ; grammar::recipient
//! archive    ::= '-' 'Lưu' ':'? part (',' part)*               ; grammar::archive
//! signature  ::= authority* position* placeholder? name
//! authority  ::= ('TM.'|'KT.'|'TL.'|'TUQ.'|'Q.'|'T/M'|'K/T'|'T/L') body
//! ```
//! Word puts recipients and signature side by side in a two-column table; flattened, one line
//! can hold a recipient on the left and a signature line on the right. Each column segment is
//! read on its own.
//!
//! ## References
//! Nghị định 30/2020/NĐ-CP Điều 13 and Phụ lục I Mục II.7 (chữ ký), II.9 (nơi nhận);
//! Hướng dẫn 36-HD/VPTW (T/M, K/T, `Lưu Văn phòng …`).

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

use crate::grammar;
use crate::model::{ArtifactKind, Authority, Document, Signature, Span};
use crate::parse::Context;
use crate::parse::layout::is_appendix_start;
use crate::parse::layout::{self as segment, Segment};
use crate::parse::layout::{self as header, is_upper};
use crate::tables;

/// `Nơi nhận` ([`tables::RECIPIENTS_LABEL`]) in any case, after leading dashes and spaces.
fn is_recipients_label(t: &str) -> bool {
    // Asked of every body line: only `N` and `n` lower-case to the label's first letter, so one
    // byte rules out almost every line before anything is lower-cased.
    if !matches!(t.as_bytes().first(), Some(b'N' | b'n' | b'-' | b' ')) {
        return false;
    }
    let t = t.trim_start_matches(['-', ' ']);
    // The second letter lower-cases to `ơ` only from `ơ` or `Ơ`, both `C6 A_` in UTF-8 (no
    // character lower-cases to more than one letter but `İ`): `Nghị`, `Năm`, `Nội` stop here.
    if !matches!(t.as_bytes(), [b'N' | b'n', 0xC6, ..]) {
        return false;
    }
    // The label as it is written needs no character lower-cased one by one.
    let rest = if let Some(rest) = t
        .strip_prefix(tables::RECIPIENTS_LABEL)
        .or_else(|| t.strip_prefix(tables::RECIPIENTS_LABEL_UPPER))
    {
        rest
    } else if lower_case_opens_label(t) {
        let n = tables::RECIPIENTS_LABEL.chars().count();
        t.char_indices().nth(n).map_or("", |(at, _)| &t[at..])
    } else {
        return false;
    };
    ends_label(rest)
}

/// What may follow the label: its colon, the end of the line, or marks of emphasis around it.
/// `Nơi nhận văn bản xác định …` is a sentence about the label.
fn ends_label(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '*', '_', '\t']);
    rest.is_empty() || rest.starts_with(':')
}

/// Whether the lower case of `t` opens with the lower case of the label. Only as many
/// characters as the label has are lower-cased, not the whole line (no character that
/// lower-cases to a letter of the label depends on its context, as `Σ` does).
fn lower_case_opens_label(t: &str) -> bool {
    let label = tables::RECIPIENTS_LABEL
        .chars()
        .flat_map(char::to_lowercase);
    t.chars()
        .flat_map(char::to_lowercase)
        .take(tables::RECIPIENTS_LABEL.chars().count())
        .eq(label)
}

fn is_placeholder(t: &str) -> bool {
    tables::SIGNATURE_PLACEHOLDERS
        .iter()
        .any(|p| t.eq_ignore_ascii_case(p))
        || t.starts_with('(') && t.ends_with(')') && t.to_lowercase().contains("ký")
}

/// A signer's name: two to seven words, capitalized, no digits or sentence punctuation, no
/// abbreviation (`VP. CHÍNH PHỦ`, a unit's label in a diagram, is no one's name).
fn is_name(t: &str, upper_ok: bool) -> bool {
    // Byte tests first (digits and punctuation are ASCII), then one walk over the words. More
    // than 240 bytes is more than 60 characters (a character is at most four bytes).
    if t.len() > 60 * 4
        || t.bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b':' | b';' | b',' | b'/' | b'(' | b')'))
        || t.trim_end_matches('.').contains('.')
        || t.chars().count() > 60
    {
        return false;
    }
    let (mut words, mut capitalized) = (0usize, 0usize);
    for w in t.split_whitespace() {
        words += 1;
        capitalized += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    (2..=7).contains(&words) && capitalized * 10 >= words * 6 && (upper_ok || !is_upper(t))
}

/// Whether a line in capitals opens with a body's word ([`tables::BODY_WORDS`]: `VỤ `, `SỞ `,
/// `ỦY BAN`): a unit, never a person.
fn names_a_body(t: &str) -> bool {
    tables::BODY_WORDS.iter().any(|w| t.starts_with(w))
}

/// A position line opening a signature without prefix (`GIÁM ĐỐC`).
fn is_signer_title(t: &str) -> bool {
    // The table look-up is the cheapest test and fails for almost every line: it goes first.
    // A title matches only as whole words, so the line's first word must be the first word of
    // a title: one set look-up rules out almost every line before any prefix is compared.
    static FIRST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        tables::SIGNER_TITLES
            .iter()
            .filter_map(|s| s.split(' ').next())
            .collect()
    });
    // Most lines open with two bytes no title opens with (a digit, a dash, a lower-case letter,
    // `Các`, `Trong`): one look-up, before the first word is cut and hashed. (The first byte
    // alone let every line through that starts with `C`, `T`, `P`, `B` or a letter of Latin
    // Extended Additional.)
    static FIRST_PAIRS: grammar::FirstPairs = grammar::FirstPairs::of(tables::SIGNER_TITLES);
    if !FIRST_PAIRS.may_open(t) {
        return false;
    }
    let first_word = t.split(' ').next().unwrap_or(t);
    // Titles are in capitals (a test checks the table): a lower-case letter rules a word out
    // before it is hashed.
    !first_word.chars().any(char::is_lowercase)
        && FIRST_WORDS.contains(first_word)
        && tables::SIGNER_TITLES
            .iter()
            .any(|s| t.starts_with(s) && t[s.len()..].chars().next().is_none_or(|c| c == ' '))
        && t.split_whitespace().count() <= 9
        && is_upper(t)
}

/// The most columns a row of a closing has: the recipients beside the signature, or two
/// signers with their recipients.
const MAX_CLOSING_COLUMNS: usize = 3;

/// True when the closing zone starts at line `i`.
pub fn starts_here(cx: &Context<'_>, i: usize) -> bool {
    // What an authority prefix or a signer title can open with: one look-up rules out a line
    // of one column before either is tried (each a call that compares first bytes again).
    static OPENINGS: grammar::FirstPairs = grammar::FirstPairs::of_keys(tables::AUTHORITY_PREFIXES)
        .union(grammar::FirstPairs::of(tables::SIGNER_TITLES));
    let line = &cx.lines[i];
    let t = line.text.as_ref();
    if is_recipients_label(t) {
        return true;
    }
    // Most lines have one column, whose only segment is the text itself (none when it is
    // empty): no need to split them.
    if segment::is_one_column(line) {
        if !OPENINGS.may_open(t) {
            return false;
        }
        return (grammar::authority(t).is_some() || is_signer_title(t) && signer_follows(cx, i))
            && !block_in_body(cx, i);
    }
    let segs = segment::segments(cx, i);
    // A recipients label beside a signature block is one of two or three columns; in a wider
    // row (a register's `… | Thời hạn | Nơi nhận |` head) it names a column, unless it opens
    // the row.
    let label = if segs.len() > MAX_CLOSING_COLUMNS {
        segs.iter()
            .find(|s| !s.text.is_empty())
            .is_some_and(|s| is_recipients_label(&s.text))
    } else {
        segs.iter().any(|s| is_recipients_label(&s.text))
    };
    if label {
        return true;
    }
    let first = segs.first().map_or(t, |s| &*s.text);
    (segs.iter().any(|s| grammar::authority(&s.text).is_some())
        || is_signer_title(first) && signer_follows(cx, i))
        && !block_in_body(cx, i)
}

/// Whether the signature block opening at line `i` stands inside the body: a guide shows how a
/// block is written (`Ví dụ 1: …` / `T/M BAN THƯỜNG VỤ` / `(chữ ký)` / `Họ và tên`) and its
/// text goes on after the name. A document's own block is followed by its recipients, by
/// another block, by an appendix or attachment (whose text may be anything), by page furniture
/// or by nothing; so the text after the block tells only when it plainly goes on with the body
/// (a numbered point, a dashed sentence, another example), or when the line before the block
/// introduced it (`Ví dụ:`, `Xác nhận chữ ký của đồng chí...`) and a sentence follows.
///
/// A block is its authority and position lines in capitals (with a joining `kiêm`), then a
/// placeholder and the line after it (the name, whatever is written there), or a name alone.
/// Blocks side by side or one under another (a signer and the one who attests the signature)
/// are read on to the first line after the last of them.
fn block_in_body(cx: &Context<'_>, i: usize) -> bool {
    let mut after = None;
    let mut name_slot = false;
    // After a name only another block (an authority line, a placeholder) goes on with them.
    let mut named = false;
    for (n, line) in cx.lines[i..].iter().filter(|l| !l.is_blank()).enumerate() {
        if n > 16 {
            return false;
        }
        if name_slot {
            // A name beside the next block (`Họ và tên | CHÁNH VĂN PHÒNG`) leaves it open.
            name_slot = false;
            named = segment::is_one_column(line);
            continue;
        }
        if !segment::is_one_column(line) {
            // Side by side: recipients beside a block are a document's closing; two blocks
            // (or a name beside a block) are read on.
            let segs = segment::split(line, cx.format);
            if segs
                .iter()
                .any(|s| is_recipients_label(&s.text) || s.text.starts_with('-'))
            {
                return false;
            }
            continue;
        }
        let t = line.text.trim();
        if is_placeholder(t) || t.starts_with('(') && t.ends_with(')') {
            // The line under the placeholder is the name slot, a two-column one included.
            name_slot = true;
            continue;
        }
        if grammar::authority(t).is_some() {
            named = false;
            continue;
        }
        if !named && (is_upper(t) || t == "kiêm" || upper_before_aside(t)) {
            continue;
        }
        if !named && is_name(t, n > 0) {
            named = true;
            continue;
        }
        after = Some(line);
        break;
    }
    let Some(after) = after.filter(|l| header::artifact_kind(l, cx.format).is_none()) else {
        return false;
    };
    continues_body(after.text.trim())
}

/// A position in capitals with an aside in brackets (`BÍ THƯ (hoặc PHÓ BÍ THƯ)`).
fn upper_before_aside(t: &str) -> bool {
    t.split_once('(')
        .is_some_and(|(before, _)| is_upper(before) && t.ends_with(')'))
}

/// Whether a line after a signature block goes on with the body: a numbered point (`c)`,
/// `1.7.2.`), another example (`Ví dụ 2: …`), a dashed sentence (`- Cấp phó ký thay.`) or a
/// sentence in running text. Recipients (`- Như trên;`), an archive line, a placeholder, a line
/// in capitals (an attachment's type name, a header) and a cell of a flattened table are not.
fn continues_body(t: &str) -> bool {
    if is_recipients_label(t) || is_upper(t) || t.starts_with('(') {
        return false;
    }
    if grammar::label(t).is_some() || opens_example(t) {
        return true;
    }
    if let Some(item) = t.strip_prefix(['-', '+', '•', '–']) {
        // A recipient ends with `;` or `,` (the last one with `.`), and is seldom long.
        let item = item.trim_end();
        let sentence = item.ends_with(['.', ':'])
            || !item.ends_with([';', ',']) && item.split_whitespace().count() >= 12;
        return sentence && grammar::archive(t).is_none();
    }
    // A sentence ends as one (or is left open); a cell of a flattened table or an attachment's
    // subject does not.
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().any(char::is_lowercase)
        && t.split_whitespace().count() >= 4
        && (t.ends_with(['.', ':', '…', ';']) || t.split_whitespace().count() >= 12)
        && !is_name(t, false)
}

fn opens_example(t: &str) -> bool {
    tables::EXAMPLE_OPENINGS.iter().any(|w| t.starts_with(w))
}

/// After an unprefixed position line at `i`: whether a name or a placeholder follows within
/// four lines.
fn signer_follows(cx: &Context<'_>, i: usize) -> bool {
    let mut seen = 0;
    for k in i + 1..cx.lines.len() {
        let l = &cx.lines[k];
        if l.is_blank() {
            continue;
        }
        let lt = l.text.trim();
        // A stray mark of the stamp or the signature image (`[`) is passed over.
        if !lt.chars().any(char::is_alphanumeric) {
            continue;
        }
        seen += 1;
        if is_name(lt, true) && !is_signer_title(lt)
            || is_placeholder(lt)
            || is_recipients_label(lt)
        {
            return true;
        }
        if seen >= 4 || !is_upper(lt) {
            break;
        }
    }
    false
}

/// The signer titles of two words or more, in one automaton: a line is searched once, not once
/// per title (each `str::match_indices` builds its own searcher).
static TITLE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let titles = tables::SIGNER_TITLES.iter().filter(|t| t.contains(' '));
    // It searches only signature lines, a few per document: a contiguous NFA, built in a
    // fraction of the time of the DFA that `AhoCorasick::new` picks for so few patterns (that
    // build would cost more than the rest of a one-file run's parse).
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(titles)
        .expect("the signer titles build an automaton")
});

/// Splits an authority line that holds the whole signature (`TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC
/// Phạm Lương Sơn` after `KT.`) into the body or head signed for, the signer's position and name.
/// A line with only the body (`ỦY BAN NHÂN DÂN`) comes back whole.
fn split_signature_line(rest: &str) -> (String, Option<String>, Option<String>) {
    let words: Vec<&str> = rest.split_whitespace().collect();
    // The name: trailing words that are not in capitals.
    let caps = words
        .iter()
        .take_while(|w| is_upper(w) || !w.chars().any(char::is_alphabetic))
        .count();
    let tail = words[caps..].join(" ");
    let name = (caps > 0 && is_name(&tail, false)).then_some(tail);
    let upper = if name.is_some() {
        words[..caps].join(" ")
    } else {
        rest.to_owned()
    };
    // The position: the first signer title (two words or more) after the head, not inside a
    // longer title (`TỔNG GIÁM ĐỐC` is not cut before `GIÁM ĐỐC`).
    let cut = TITLE_FINDER
        .find_overlapping_iter(upper.as_str())
        .map(|m| m.start())
        .filter(|&at| at > 0 && upper[..at].ends_with(' '))
        .filter(|&at| {
            let before = upper[..at].trim_end();
            // `BỘ TRƯỞNG, CHỦ NHIỆM`: one head holding two offices, not a position after it.
            !before.ends_with("TỔNG")
                && !before.ends_with("PHÓ")
                && !before.ends_with("CHI")
                && !before.ends_with(',')
        })
        .min();
    match cut {
        Some(at) => (
            upper[..at].trim().to_owned(),
            Some(upper[at..].trim().to_owned()),
            name,
        ),
        None if name.is_some() => (upper, None, name),
        None => (rest.to_owned(), None, None),
    }
}

#[derive(Default)]
struct SigBuilder {
    chain: Vec<Authority>,
    titles: Vec<String>,
    name: Option<String>,
    /// A rank read on its own line, waiting for the name under it.
    rank: Option<String>,
    placeholder: Option<String>,
    line: usize,
    end_line: usize,
    /// The segments read so far, covered.
    span: Option<Span>,
}

/// Parses the closing zone from `at`; returns the index of the first line after it.
///
/// A document has one signature. Once its signer is named, text that nothing here understands
/// (an attachment's header, its bullets, a table) ends the block: from there on only a list
/// under its own `Nơi nhận:` label is read, up to the next appendix or title line. A later call,
/// after an appendix, reads only that too.
pub fn parse(cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    let mut sig = SigBuilder::default();
    let mut in_recipients = false;
    // Whether signature parts are still read.
    let mut signing = doc.signature.is_none();
    let mut i = at;
    let first_line = cx.lines[at.min(cx.lines.len())..]
        .iter()
        .position(|l| !l.is_blank())
        .map_or(cx.lines.len(), |k| at + k);
    while i < cx.lines.len() {
        let line = &cx.lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        if is_appendix_start(line) {
            break;
        }
        let done = sig.name.is_some() || !signing;
        if done && header::title_type(&line.text).is_some() && is_upper(&line.text) {
            break;
        }
        // An attached document after the signature (a Công báo reprint has no recipients), or
        // where the closing would begin: the body stopped at it, the main document's copy
        // having no signature (a legal database's decree, its regulation right after Điều 4).
        let nothing_read = i == first_line && sig.line == 0;
        if (sig.line != 0 || !doc.recipients.is_empty() || nothing_read)
            && (cx.opens_attachment)(cx, i)
        {
            break;
        }
        // A line of one column is its only segment, without the vector of `segment::split`.
        let lines = cx.lines;
        let one;
        let split;
        let segs: &[Segment<'_>] = if segment::is_one_column(&lines[i]) {
            one = segment::whole_line(&lines[i]);
            one.as_slice()
        } else {
            split = segment::segments(cx, i);
            &split
        };
        if segs.is_empty() {
            cx.artifact_line(doc, ArtifactKind::Markup, i);
            i += 1;
            continue;
        }
        let mut took = false;
        for seg in segs {
            // After the signature, only a list still missing is read (a second document's
            // closing in the same file is not this one's).
            let list_missing = doc.recipients.is_empty() && doc.archive.is_empty();
            let reads =
                signing || in_recipients || list_missing && is_recipients_label(seg.text.trim());
            if !reads {
                continue;
            }
            took |= segment(cx, doc, seg, &mut sig, &mut in_recipients, signing);
        }
        if !took {
            // Page furniture between the parts (a page break in the block, a signing stamp).
            if let Some(kind) = header::artifact_kind(&lines[i], cx.format) {
                // A footnote body at the page end whose marker stands glued before it is the
                // document's footnote (its citations are read), not page furniture.
                if kind == ArtifactKind::Footnote
                    && let Some(next) = cx.footnote(doc, i, lines.len())
                {
                    i = next;
                    continue;
                }
                cx.artifact_line(doc, kind, i);
                i += 1;
                continue;
            }
            // A stray mark of a stamp or a signature image (`[`).
            if !lines[i].text.chars().any(char::is_alphanumeric) {
                cx.artifact_line(doc, ArtifactKind::Markup, i);
                i += 1;
                continue;
            }
            // Text not understood after a signer's name ends the block, and any list.
            if sig.name.is_some() || !signing {
                signing = false;
                in_recipients = false;
            }
        }
        i += 1;
    }
    // Every part of the block claimed its bytes for `/signature`, a lone placeholder included:
    // the node must exist whenever one part was read.
    if !sig.chain.is_empty()
        || !sig.titles.is_empty()
        || sig.name.is_some()
        || sig.placeholder.is_some()
    {
        let title = (!sig.titles.is_empty()).then(|| sig.titles.join(" "));
        doc.signature = Some(Signature {
            chain: sig.chain,
            title,
            name: sig.name,
            placeholder: sig.placeholder,
            line: sig.line,
            end_line: sig.end_line,
            span: sig.span.unwrap_or_default(),
        });
    }
    i
}

/// Reads one column segment of the closing; returns whether it was understood.
fn segment(
    cx: &mut Context<'_>,
    doc: &mut Document,
    seg: &Segment,
    sig: &mut SigBuilder,
    in_recipients: &mut bool,
    signing: bool,
) -> bool {
    let t = seg.text.trim();
    let claim = |cx: &mut Context<'_>, path: &str| {
        cx.ledger
            .claim(path, seg.start, seg.end, seg.line, seg.line, cx.text)
    };
    let sign = |cx: &mut Context<'_>, sig: &mut SigBuilder| {
        if sig.line == 0 {
            sig.line = seg.line;
        }
        sig.end_line = sig.end_line.max(seg.line);
        let here = seg.span(cx.text);
        sig.span = Some(sig.span.map_or(here, |s| s.cover(here)));
        claim(cx, "/signature");
    };
    let authority = grammar::authority(t).filter(|_| signing);
    if let Some((mut mode, mut raw, rest)) = authority {
        // A chain written on one line (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn
        // Hữu Tháp`, `TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG`): each prefix opens a link.
        let mut rest = rest.trim();
        while let Some((at, (next_mode, next_raw, next_rest))) = next_link(rest) {
            sig.chain.push(Authority {
                mode,
                raw: raw.to_owned(),
                for_: rest[..at].trim().to_owned(),
                span: seg.span_of(cx.text, raw),
            });
            (mode, raw, rest) = (next_mode, next_raw, next_rest.trim());
        }
        let (for_, title, name) = split_signature_line(rest);
        sig.chain.push(Authority {
            mode,
            raw: raw.to_owned(),
            for_,
            span: seg.span_of(cx.text, raw),
        });
        sig.titles.extend(title);
        if sig.name.is_none() {
            sig.name = name;
        }
        sign(cx, sig);
        return true;
    }
    if is_recipients_label(t) {
        *in_recipients = true;
        let rest = t.split_once(':').map(|(_, r)| r.trim()).unwrap_or("");
        if rest.is_empty() {
            claim(cx, "/recipients");
        } else {
            item(cx, doc, seg, rest);
        }
        return true;
    }
    let dashed = t.starts_with(['-', '+', '•', '–']) || t.starts_with("* ");
    // A dashed item in the left column (or anywhere once `Nơi nhận:` was read), or an undashed
    // archive line under `Nơi nhận:`.
    let is_item = if dashed {
        seg.column == 0 || *in_recipients
    } else {
        *in_recipients && seg.column == 0 && grammar::archive(t).is_some()
    };
    if is_item {
        *in_recipients = true;
        item(cx, doc, seg, t);
        return true;
    }
    if !signing {
        return wrapped_recipient(cx, doc, seg, *in_recipients);
    }
    if is_placeholder(t) {
        sig.placeholder = Some(t.to_owned());
        sign(cx, sig);
        return true;
    }
    let has_sig = !sig.chain.is_empty() || !sig.titles.is_empty();
    // A name in capitals under a position line is the name, not another position; a line that
    // opens with a body's word (`VỤ TỔ CHỨC PHI CHÍNH PHỦ` under `VỤ TRƯỞNG`) names the unit.
    let caps_name = has_sig
        && !sig.titles.is_empty()
        && is_name(t, true)
        && !is_signer_title(t)
        && !names_a_body(t);
    if is_upper(t)
        && sig.name.is_none()
        && !caps_name
        && (has_sig || is_signer_title(t) || seg.column == 1)
    {
        // A wrapped authority line (`TM. ỦY BAN NHÂN DÂN` / `TỈNH A`) continues its body
        // until a position is written.
        match sig.chain.last_mut() {
            Some(last) if sig.titles.is_empty() && !is_signer_title(t) => {
                last.for_.push(' ');
                last.for_.push_str(t);
            }
            _ => sig.titles.push(t.to_owned()),
        }
        sign(cx, sig);
        return true;
    }
    // A rank alone on the line above the name (`Thiếu tướng` / `Nguyễn Văn A`) goes before it.
    if sig.name.is_none() && has_sig && tables::SIGNER_RANKS.contains(&t) {
        sig.rank = Some(t.to_owned());
        sign(cx, sig);
        return true;
    }
    if sig.name.is_none() && (has_sig || seg.column == 1) && is_name(t, has_sig) {
        sig.name = Some(match sig.rank.take() {
            Some(rank) => format!("{rank} {t}"),
            None => t.to_owned(),
        });
        sign(cx, sig);
        return true;
    }
    wrapped_recipient(cx, doc, seg, *in_recipients)
}

/// A recipient item wrapped onto the next line: joins the last item. The next line goes on
/// with a lower-case word, or after an item left without its `;` (`Hội Bảo vệ thiên` /
/// `nhiên và môi trường tỉnh Bình` / `Thuận, Hội …;`).
fn wrapped_recipient(
    cx: &mut Context<'_>,
    doc: &mut Document,
    seg: &Segment,
    in_recipients: bool,
) -> bool {
    let t = seg.text.trim();
    if !in_recipients || seg.column != 0 || t.starts_with(['-', '+', '•', '–', '*']) {
        return false;
    }
    // A line of units' codes under the archive line goes on with it (`- Lưu: VP (TH, HC).` /
    // `TCT(HC, NV3)`).
    if cx.ledger.last_path().is_some_and(|p| *p == "/archive") && is_unit_codes(t) {
        doc.archive.extend(grammar::archive_parts(t));
        cx.ledger
            .claim("/archive", seg.start, seg.end, seg.line, seg.line, cx.text);
        return true;
    }
    let Some(last) = doc.recipients.last_mut() else {
        return false;
    };
    let open = cx
        .text
        .get(last.span.start..last.span.end)
        .map(|r| r.trim_end_matches([' ', '|', '\t']))
        .is_some_and(|r| !r.ends_with([';', '.', ',', ':']));
    if !open && !t.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let merged = format!("{} {}", last.name, t);
    let mut r = grammar::recipient(&merged, last.line);
    // A note or a count read on the first line (`Giám đốc Sở (b/c);`) stays with the item.
    r.note = r.note.or(last.note.take());
    r.count = r.count.or(last.count);
    r.span = last.span.cover(seg.span(cx.text));
    *last = r;
    let path = format!("/recipients/{}", doc.recipients.len() - 1);
    cx.ledger
        .claim(&path, seg.start, seg.end, seg.line, seg.line, cx.text);
    true
}

/// Whether a line is only units' codes, as an archive line lists them (`TCT(HC, NV3)`,
/// `KT, TCCB (02).`): each part's code, before its bracket, capitals (and digits after the
/// first, so that a page number is none), at most ten.
fn is_unit_codes(t: &str) -> bool {
    let parts = grammar::archive_parts(t);
    !parts.is_empty()
        && parts.iter().all(|p| {
            let code = p.split('(').next().unwrap_or_default().trim();
            (1..=10).contains(&code.chars().count())
                && code.chars().next().is_some_and(char::is_uppercase)
                && code.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// The next authority prefix inside the body of a link, after a space: where it stands and what
/// it reads. `Q.` is left out: inside a name it is a district (`Q. BÌNH THẠNH`).
fn next_link(rest: &str) -> Option<(usize, (crate::model::AuthorityMode, &str, &str))> {
    rest.match_indices(' ').find_map(|(at, _)| {
        grammar::authority(&rest[at + 1..])
            .filter(|(_, raw, _)| *raw != "Q.")
            .map(|link| (at, link))
    })
}

/// Adds the recipients (and the archive line) of one segment: items written on one line (`- Như
/// trên; - Sở Tài chính; - Lưu: VT.`) are cut where a dash follows a `;`, each read on its own.
fn item(cx: &mut Context<'_>, doc: &mut Document, seg: &Segment, text: &str) {
    let pieces = one_line_items(text);
    if pieces.len() > 1 {
        let raw = cx.text.get(seg.start..seg.end).unwrap_or_default();
        let mut from = 0;
        let mut subs = Vec::with_capacity(pieces.len());
        for piece in &pieces {
            let Some(at) = raw.get(from..).and_then(|r| r.find(piece)) else {
                break;
            };
            let start = from + at;
            from = start + piece.len();
            subs.push(Segment {
                text: std::borrow::Cow::Borrowed(piece),
                start: seg.start + start,
                end: seg.start + from,
                column: seg.column,
                line: seg.line,
            });
        }
        // Each piece found in the input as it is written: otherwise the segment stays whole.
        if subs.len() == pieces.len() {
            // The label before the items (`Nơi nhận:`) is the list's.
            if let Some(first) = subs.first().filter(|f| f.start > seg.start) {
                cx.ledger.claim(
                    "/recipients",
                    seg.start,
                    first.start,
                    seg.line,
                    seg.line,
                    cx.text,
                );
            }
            for sub in &subs {
                one_item(cx, doc, sub, &sub.text);
            }
            return;
        }
    }
    one_item(cx, doc, seg, text);
}

/// `text` cut before each item mark that follows a `;`.
fn one_line_items(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(';') {
        let after = &text[at + 1..];
        let next = after.trim_start();
        if next.starts_with(['-', '+', '•', '–']) && next.chars().nth(1).is_some_and(|c| c == ' ')
        {
            out.push(text[start..=at].trim());
            start = at + 1 + (after.len() - next.len());
        }
    }
    out.push(text[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// Adds a recipient or the archive line.
fn one_item(cx: &mut Context<'_>, doc: &mut Document, seg: &Segment, text: &str) {
    if let Some(parts) = grammar::archive(text) {
        doc.archive.extend(parts);
        cx.ledger
            .claim("/archive", seg.start, seg.end, seg.line, seg.line, cx.text);
    } else {
        let mut r = grammar::recipient(text, seg.line);
        r.span = seg.span(cx.text);
        doc.recipients.push(r);
        let path = crate::parse::pointer("", "recipients", doc.recipients.len() - 1);
        cx.ledger
            .claim(path, seg.start, seg.end, seg.line, seg.line, cx.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `is_signer_title` rules out a first word with a lower-case letter before looking it up.
    #[test]
    fn signer_titles_are_in_capitals() {
        for title in tables::SIGNER_TITLES {
            assert!(!title.chars().any(char::is_lowercase), "{title}");
            assert!(is_signer_title(title), "{title}");
        }
        assert!(!is_signer_title("Giám đốc Sở"));
    }

    #[test]
    fn signature_on_one_line() {
        let split = |t| split_signature_line(t);
        assert_eq!(
            split("TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Lương Sơn"),
            (
                "TỔNG GIÁM ĐỐC".to_owned(),
                Some("PHÓ TỔNG GIÁM ĐỐC".to_owned()),
                Some("Phạm Lương Sơn".to_owned())
            )
        );
        assert_eq!(
            split("BỘ TRƯỞNG THỨ TRƯỞNG"),
            ("BỘ TRƯỞNG".to_owned(), Some("THỨ TRƯỞNG".to_owned()), None)
        );
        assert_eq!(
            split("ỦY BAN NHÂN DÂN"),
            ("ỦY BAN NHÂN DÂN".to_owned(), None, None),
            "a body alone"
        );
        assert_eq!(split("GIÁM ĐỐC"), ("GIÁM ĐỐC".to_owned(), None, None));
        assert_eq!(
            split("BỘ TRƯỞNG, CHỦ NHIỆM"),
            ("BỘ TRƯỞNG, CHỦ NHIỆM".to_owned(), None, None),
            "one head holding two offices"
        );
    }

    #[test]
    fn recipients_label_in_any_case() {
        assert!(is_recipients_label("Nơi nhận:"));
        assert!(is_recipients_label("- NƠI NHẬN:"));
        assert!(is_recipients_label("nơi nhận"));
        assert!(is_recipients_label("Nơi Nhận:"));
        assert!(!is_recipients_label("Nơi nhậ"));
        assert!(!is_recipients_label("Nơi làm việc"));
        assert!(!is_recipients_label("Nội dung"));
        assert!(!is_recipients_label(""));
    }

    #[test]
    fn a_lone_placeholder_is_a_signature() {
        // Found by the property tests: `(Đã ký)` was claimed for `/signature`, which was never
        // created.
        let doc = crate::parse("BÁO CÁO\nNơi nhận:\n(Đã ký)\n");
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.placeholder.as_deref(), Some("(Đã ký)"));
        assert_eq!((sig.line, sig.end_line), (3, 3));
        assert!(doc.source_map.iter().any(|e| e.path == "/signature"));
    }

    #[test]
    fn recipients_archive_and_signature_of_a_report() {
        let doc = crate::parse(
            "BÁO CÁO\nKết quả công tác năm 2024\n\nI. KẾT QUẢ\nĐã hoàn thành./.\n\n\
             Nơi nhận:\n- Như trên;\n- 02 Đoàn thể;\n- UBND các huyện (để b/c);\n\
             - Lưu: VT, TCCB (02).\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nNguyễn Văn An\n",
        );
        let items: Vec<(&str, Option<u32>, Option<&str>)> = doc
            .recipients
            .iter()
            .map(|r| (r.name.as_str(), r.count, r.note.as_deref()))
            .collect();
        assert_eq!(
            items,
            [
                ("Như trên", None, None),
                ("Đoàn thể", Some(2), None),
                ("UBND các huyện", None, Some("để b/c")),
            ]
        );
        assert_eq!(doc.archive, ["VT", "TCCB (02)"]);
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.chain.len(), 1);
        assert_eq!(sig.chain[0].raw, "KT.");
        assert_eq!(sig.chain[0].for_, "CHỦ TỊCH");
        assert_eq!(sig.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(sig.placeholder.as_deref(), Some("(Đã ký)"));
        assert_eq!(sig.name.as_deref(), Some("Nguyễn Văn An"));
    }

    #[test]
    fn recipients_and_signature_side_by_side() {
        // A Word table flattened: the recipients on the left, the signature on the right.
        let doc = crate::parse(
            "CÔNG VĂN\nV/v báo cáo\n\nNội dung./.\n\n\
             Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n\
             - Như trên;                                  CHỦ TỊCH\n\
             - Lưu: VT.\n\n                                             Trần Văn Bình\n",
        );
        assert_eq!(doc.recipients.len(), 1);
        assert_eq!(doc.archive, ["VT"]);
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.chain[0].for_, "ỦY BAN NHÂN DÂN");
        assert_eq!(sig.title.as_deref(), Some("CHỦ TỊCH"));
        assert_eq!(sig.name.as_deref(), Some("Trần Văn Bình"));
    }

    #[test]
    fn a_stray_mark_between_position_and_name() {
        // A PDF's signature image leaves a `[` between the position and the name.
        let doc = crate::parse("QUYẾT ĐỊNH\nĐiều 1. Thi hành./.\n\nTHỦ TƯỚNG\n[\n\nLê Văn Minh\n");
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.title.as_deref(), Some("THỦ TƯỚNG"));
        assert_eq!(sig.name.as_deref(), Some("Lê Văn Minh"));
        assert!(doc.unrecognized.is_empty());
    }

    #[test]
    fn example_blocks_in_a_body_are_no_closing() {
        let doc = crate::parse(
            "HƯỚNG DẪN\nthể thức chữ ký\n\n1. Cấp phó ký thay.\nVí dụ:\nK/T TRƯỞNG BAN\n\
             PHÓ TRƯỞNG BAN\n(chữ ký)\nHọ và tên\n2. Văn bản có hiệu lực từ ngày ký.\n\n\
             Nơi nhận:\n- Các chi bộ,\n- Lưu Văn phòng.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\
             Trần Văn Nam\n",
        );
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.name.as_deref(), Some("Trần Văn Nam"));
        assert_eq!(sig.chain[0].for_, "BAN THƯỜNG VỤ");
        assert_eq!(doc.sections.len(), 2);
        assert_eq!(doc.recipients.len(), 1);
        // The block after the body's last point closes it: recipients, not text, follow.
        assert!(!doc.sections[0].paragraphs.is_empty());
    }

    #[test]
    fn bullets_after_the_signature_are_no_recipients() {
        let doc = crate::parse(
            "QUYẾT ĐỊNH\nBan hành Kế hoạch\n\nĐiều 1. Ban hành Kế hoạch.\n\nKT. CHỦ TỊCH\n\
             PHÓ CHỦ TỊCH\n\nLê Văn An\n\nỦY BAN NHÂN DÂN TỈNH A\n\n- Sở Tài chính bố trí \
             kinh phí;\n- Sở Nội vụ theo dõi.\n",
        );
        assert_eq!(
            doc.signature.map(|s| s.name),
            Some(Some("Lê Văn An".to_owned()))
        );
        assert!(doc.recipients.is_empty());
    }

    #[test]
    fn recipients_label_is_a_label() {
        assert!(is_recipients_label("Nơi nhận:"));
        assert!(is_recipients_label(
            "**Nơi nhận:**"[2..].trim_end_matches('*')
        ));
        assert!(!is_recipients_label(
            "Nơi nhận văn bản xác định những cơ quan"
        ));
    }

    #[test]
    fn a_chain_on_one_line() {
        let doc = crate::parse(
            "QUYẾT ĐỊNH\nĐiều 1. Thi hành./.\n\n\
             TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp\n",
        );
        let sig = doc.signature.expect("a signature");
        let chain: Vec<(&str, &str)> = sig
            .chain
            .iter()
            .map(|a| (a.raw.as_str(), a.for_.as_str()))
            .collect();
        assert_eq!(chain, [("TM.", "ỦY BAN NHÂN DÂN"), ("KT.", "CHỦ TỊCH")]);
        assert_eq!(sig.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(sig.name.as_deref(), Some("Nguyễn Hữu Tháp"));
        let doc = crate::parse(
            "CÔNG VĂN\nNội dung./.\n\nTL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG\n\
             PHÓ CHÁNH VĂN PHÒNG\n\nTrần Thị Lan\n",
        );
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.chain.len(), 2);
        assert_eq!(sig.chain[1].for_, "CHÁNH VĂN PHÒNG");
        assert_eq!(sig.title.as_deref(), Some("PHÓ CHÁNH VĂN PHÒNG"));
    }

    #[test]
    fn recipients_on_one_line() {
        let doc = crate::parse(
            "CÔNG VĂN\nNội dung./.\n\nNơi nhận: - Như trên; - Sở Tài chính; - Lưu: VT, KT(Thủy, Nho).\n\
             \nGIÁM ĐỐC\n\nTrần Văn Bình\n",
        );
        let names: Vec<&str> = doc.recipients.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Như trên", "Sở Tài chính"]);
        assert_eq!(doc.archive, ["VT", "KT(Thủy, Nho)"]);
        assert!(doc.unrecognized.is_empty());
    }

    #[test]
    fn a_unit_under_the_position_is_no_name() {
        let doc = crate::parse(
            "CÔNG VĂN\nNội dung./.\n\nTL. BỘ TRƯỞNG\nVỤ TRƯỞNG\nVỤ TỔ CHỨC PHI CHÍNH PHỦ\n\n\
             Thang Thị Hạnh\n",
        );
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.name.as_deref(), Some("Thang Thị Hạnh"));
        assert_eq!(
            sig.title.as_deref(),
            Some("VỤ TRƯỞNG VỤ TỔ CHỨC PHI CHÍNH PHỦ")
        );
        let doc = crate::parse("CÔNG VĂN\nNội dung./.\n\nGIÁM ĐỐC\n\nNGUYỄN VĂN AN\n");
        assert_eq!(
            doc.signature.and_then(|s| s.name).as_deref(),
            Some("NGUYỄN VĂN AN")
        );
    }

    #[test]
    fn the_signer_s_rank_before_the_name() {
        let doc = crate::parse(
            "CÔNG VĂN\nNội dung./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐại tá\nNguyễn Văn Hùng\n",
        );
        let sig = doc.signature.expect("a signature");
        assert_eq!(sig.name.as_deref(), Some("Đại tá Nguyễn Văn Hùng"));
        assert!(doc.unrecognized.is_empty());
        let doc = crate::parse("CÔNG VĂN\nNội dung./.\n\nGIÁM ĐỐC\n\nThiếu tướng Lê Văn Minh\n");
        assert_eq!(
            doc.signature.and_then(|s| s.name).as_deref(),
            Some("Thiếu tướng Lê Văn Minh")
        );
    }

    #[test]
    fn a_register_with_a_recipients_column_is_no_closing() {
        let doc = crate::parse(
            "QUY ĐỊNH\nVề chế độ báo cáo\nĐiều 1. Các báo cáo gồm:\n\
             | STT | Ký hiệu | Tên báo cáo | Thời hạn | Nơi nhận |\n\
             | 1 | B01 | Bảng cân đối | Quý | Cơ quan Thuế |\n\
             Điều 2. Hiệu lực thi hành./.\n",
        );
        assert!(doc.recipients.is_empty(), "{:?}", doc.recipients);
        assert!(doc.signature.is_none());
        assert!(doc.unrecognized.is_empty(), "{:?}", doc.unrecognized);
        // A row that opens with the label is still the closing.
        let doc = crate::parse(
            "CÔNG VĂN\nNội dung./.\n| Nơi nhận: | | | GIÁM ĐỐC |\n| - Như trên; | | | |\n",
        );
        assert_eq!(doc.recipients.len(), 1);
    }

    #[test]
    fn an_archive_line_goes_on_with_units_codes() {
        let doc = crate::parse(
            "CÔNG VĂN\nNội dung./.\nNơi nhận:\n- Cục Thuế các tỉnh\n- Lưu: VP (TH, HC).\n   \
             TCT(HC, NV3)\n",
        );
        assert_eq!(doc.archive, ["VP (TH, HC)", "TCT(HC, NV3)"]);
        assert_eq!(doc.recipients.len(), 1);
        assert_eq!(doc.recipients[0].name, "Cục Thuế các tỉnh");
        assert!(is_unit_codes("KT, TCCB (02)."));
        assert!(!is_unit_codes("Trung tâm Lưu trữ"));
        assert!(!is_unit_codes("2"));
    }

    #[test]
    fn names() {
        assert!(is_name("Phạm Việt Công", false));
        assert!(!is_name("PHÓ GIÁM ĐỐC", false));
        assert!(is_name("NGUYỄN VĂN AN", true));
        assert!(!is_name("Sở Nội vụ;", false));
        // A unit's abbreviated label (a diagram's box under `THỦ TƯỚNG CHÍNH PHỦ`) is no
        // one's name; a name may end with a full stop.
        assert!(!is_name("VP. CHÍNH PHỦ", true));
        assert!(!is_name("Tp. Hồ Chí Minh", false));
        assert!(is_name("Nguyễn Văn An.", false));
    }

    /// [`is_recipients_label`] without its byte gates.
    fn plain_is_recipients_label(t: &str) -> bool {
        let t = t.trim_start_matches(['-', ' ']);
        let n = tables::RECIPIENTS_LABEL.chars().count();
        lower_case_opens_label(t)
            && ends_label(t.char_indices().nth(n).map_or("", |(at, _)| &t[at..]))
    }

    /// [`is_signer_title`] without its byte gate and first-word look-up.
    fn plain_is_signer_title(t: &str) -> bool {
        tables::SIGNER_TITLES
            .iter()
            .any(|s| t.starts_with(s) && t[s.len()..].chars().next().is_none_or(|c| c == ' '))
            && t.split_whitespace().count() <= 9
            && is_upper(t)
    }

    /// [`starts_here`] without its shortcuts: every line split into its segments.
    fn plain_starts_here(cx: &Context<'_>, i: usize) -> bool {
        let t = cx.lines[i].text.as_ref();
        let segs = segment::segments(cx, i);
        let opens = |s: &str| plain_is_recipients_label(s) || grammar::authority(s).is_some();
        let first = segs.first().map_or(t, |s| &*s.text);
        plain_is_recipients_label(t)
            || segs.iter().any(|s| opens(&s.text))
            || plain_is_signer_title(first) && signer_follows(cx, i)
    }

    /// The pieces generated lines are glued from: the words the gates look for, their parts,
    /// column gaps and other text.
    const PIECES: [&str; 36] = [
        "N",
        "n",
        "Ơ",
        "ơ",
        "i",
        "I",
        " ",
        "-",
        "nhận",
        "NHẬN",
        "T",
        "M",
        "K",
        "L",
        "Q",
        "U",
        ".",
        "/",
        "GIÁM",
        "ĐỐC",
        "PHÓ",
        "CHỦ",
        "TỊCH",
        "Ủ",
        "Y",
        "İ",
        "ỦY BAN",
        "x",
        "Nguyễn Văn An",
        "(Đã ký)",
        ":",
        "•",
        "\t",
        "      ",
        "\n",
        "| ",
    ];

    proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x0063_6C6F_7365))]

        /// The gates rule out no line the predicates accept.
        #[test]
        fn the_gates_change_no_answer(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..8)
        ) {
            let t = pieces.concat();
            prop_assert_eq!(is_recipients_label(&t), plain_is_recipients_label(&t), "{:?}", t);
            prop_assert_eq!(is_signer_title(&t), plain_is_signer_title(&t), "{:?}", t);
        }

        /// On generated documents, in both formats, the closing starts where it would if every
        /// line were split into its segments.
        #[test]
        fn starts_here_agrees_with_splitting_every_line(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..40)
        ) {
            let text = pieces.concat();
            for format in [crate::model::Format::Text, crate::model::Format::Markdown] {
                let lines = crate::lex::lines(&text, format);
                let cx = Context {
                    lines: &lines,
                    text: &text,
                    format,
                    ledger: crate::parse::Ledger::default(),
                    ends_body: starts_here,
                    opens_attachment: |_, _| false,
                    footnote_marks: std::cell::OnceCell::new(),
                    section_depth: crate::Options::DEFAULT_SECTION_DEPTH,
                    texts: Vec::new(),
                };
                for i in 0..lines.len() {
                    prop_assert_eq!(starts_here(&cx, i), plain_starts_here(&cx, i), "{:?}", text);
                }
            }
        }
    }
}
