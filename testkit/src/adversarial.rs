//! Hostile inputs of any size: the shapes most likely to make a parser superlinear in time or
//! memory, or to nest its output too deep (issue 18).
//!
//! Every generator takes a size in bytes (the text is at least that long and at most a line
//! longer) and returns the same text for the same size. [`SHAPES`] names them for the
//! linear-cost bench (`benches/pipeline.rs`, group `linear`), the property tests and the
//! measurement example (`examples/cost.rs`).

use crate::Rng;
use crate::reports::{self, citation, sentence};

/// A generator of one shape: the text for a size in bytes.
pub type Shape = fn(usize) -> String;

/// Every shape, by name: `deep_labels`, `citations_paragraph`, `long_line`, `many_headings`,
/// `number_lines`, `quotes_brackets`.
pub const SHAPES: &[(&str, Shape)] = &[
    ("deep_labels", deep_labels),
    ("citations_paragraph", citations_paragraph),
    ("long_line", long_line),
    ("many_headings", many_headings),
    ("number_lines", number_lines),
    ("quotes_brackets", quotes_brackets),
];

/// The title lines every shape's body follows, so that the body is read as one.
const TOP: &str = "BÁO CÁO\nKết quả thực hiện nhiệm vụ\n\n";

/// Decimal labels each one level deeper than the last (`1.`, `1.1.`, `1.1.1.`, …) as one chain,
/// each with a short title, until `bytes`: 1 MB reaches about 1,000 levels, 10 MB about 3,200.
pub fn deep_labels(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    out.push_str(TOP);
    let mut label = String::from("1");
    while out.len() < bytes {
        out.push_str(&label);
        out.push_str(". Nội dung\n");
        label.push_str(".1");
    }
    out
}

/// One paragraph, on one line, that cites a document after another until `bytes`
/// (200,000 citations in 10 MB).
pub fn citations_paragraph(bytes: usize) -> String {
    let mut rng = Rng::new(5);
    let mut out = String::with_capacity(bytes + 200);
    out.push_str(TOP);
    out.push_str("Thực hiện");
    while out.len() < bytes {
        out.push(' ');
        out.push_str(&citation(&mut rng));
        out.push(',');
    }
    out.push_str(" Ủy ban nhân dân tỉnh đã triển khai.\n");
    out
}

/// A report whose body is one line of sentences until `bytes`.
pub fn long_line(bytes: usize) -> String {
    reports::long_line(bytes, 4)
}

/// Headings of every style one after another, each with a one-line title and no text under it:
/// `PHẦN`, `Chương`, `Mục`, `Điều`, roman, arabic, decimal, lettered points and Markdown `##`
/// headings, numbered on and on, until `bytes`.
pub fn many_headings(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 200);
    out.push_str(TOP);
    let mut k = 0usize;
    while out.len() < bytes {
        k += 1;
        let n = k / 9 + 1;
        let line = match k % 9 {
            0 => format!("PHẦN {}\nNỘI DUNG PHẦN {n}", reports::roman(n % 3999 + 1)),
            1 => format!("Chương {}. QUY ĐỊNH {n}", reports::roman(n % 3999 + 1)),
            2 => format!("Mục {n}. Nhóm quy định {n}"),
            3 => format!("Điều {n}. Phạm vi {n}"),
            4 => format!("{}. KẾT QUẢ {n}", reports::roman(n % 3999 + 1)),
            5 => format!("{n}. Công tác {n}"),
            6 => format!("{n}.{}. Chi tiết {n}", k % 7 + 1),
            7 => format!("{}) Điểm {n}", ["a", "b", "c", "d", "đ"][k % 5]),
            _ => format!("## {n}.{}.{}. Tiêu đề {n}", k % 5 + 1, k % 3 + 1),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `Số:` lines, the header's number line, one after another until `bytes`: the first half at
/// the top of the text (where the header is looked for), the second after a title, in the body.
pub fn number_lines(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    let mut k = 0usize;
    while out.len() < bytes / 2 {
        k += 1;
        out.push_str(&format!("Số: {k}/BC-UBND\n"));
    }
    out.push_str(TOP);
    out.push_str("I. KẾT QUẢ\n");
    while out.len() < bytes {
        k += 1;
        out.push_str(&format!(
            "Số: {k}/QĐ-UBND ngày 05/3/2021                Hà Nội, ngày 05 tháng 3 năm 2024\n"
        ));
    }
    out
}

/// Long runs of opening quotes and brackets (`“`, `"`, `(`, `[`, `«`), most never closed,
/// around labels and citations, on lines of one to 64 KB, until `bytes`; every tenth line a
/// quotation opens (`“a) …`) and runs on without its `”`.
pub fn quotes_brackets(bytes: usize) -> String {
    const OPEN: &[&str] = &["“", "\"", "(", "[", "«", "‘"];
    const CLOSE: &[&str] = &["”", "\"", ")", "]", "»", "’"];
    let mut rng = Rng::new(18);
    let mut out = String::with_capacity(bytes + (64 << 10));
    out.push_str(TOP);
    out.push_str("I. KẾT QUẢ\n");
    let mut k = 0usize;
    while out.len() < bytes {
        k += 1;
        if k % 10 == 0 {
            out.push_str("“a) ");
            out.push_str(&sentence(&mut rng));
            out.push('\n');
            continue;
        }
        let run = if k % 50 == 0 { 16 << 10 } else { 64 };
        let kind = rng.below(OPEN.len());
        for _ in 0..run {
            out.push_str(OPEN[kind]);
        }
        out.push_str(&format!("{}. ", k % 9 + 1));
        out.push_str(&sentence(&mut rng));
        out.push(' ');
        out.push_str(&citation(&mut rng));
        // Closed in one line out of three, and then only in part.
        if k % 3 == 0 {
            for _ in 0..run / 2 {
                out.push_str(CLOSE[kind]);
            }
        }
        out.push('\n');
    }
    out
}
