//! Deterministic generators of Vietnamese reports for the benches and the property tests.
//!
//! Every generator takes a size and a seed and returns the same text for the same arguments, so
//! bench numbers and test failures can be reproduced. The texts follow the layout of Nghị định
//! 30/2020: a two-column header, a title, `Căn cứ` lines, roman/arabic/decimal sections with
//! lettered points, bullets and paragraphs full of citations, and a closing with recipients and
//! a signature.

use crate::Rng;

const WORDS: &[&str] = &[
    "triển khai",
    "thực hiện",
    "công tác",
    "cán bộ",
    "công chức",
    "viên chức",
    "nhiệm vụ",
    "kế hoạch",
    "cải cách hành chính",
    "chuyển đổi số",
    "người dân",
    "doanh nghiệp",
    "đơn vị",
    "địa phương",
    "kết quả",
    "tiến độ",
    "chỉ tiêu",
    "kinh tế - xã hội",
    "tuyên truyền",
    "phổ biến",
    "giáo dục",
    "pháp luật",
    "ngân sách",
    "đầu tư",
    "đánh giá",
    "năm 2024",
    "tỷ lệ 95,5%",
    "tăng 12%",
    "so với cùng kỳ",
    "trên địa bàn tỉnh",
    "các sở, ban, ngành",
    "Ủy ban nhân dân huyện",
    "Hội đồng nhân dân tỉnh",
];

const HEADINGS: &[&str] = &[
    "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
    "ĐÁNH GIÁ CHUNG",
    "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "ĐỀ XUẤT, KIẾN NGHỊ",
    "TÌNH HÌNH CHUNG",
];

const TOPICS: &[&str] = &[
    "Công tác chỉ đạo, điều hành",
    "Cải cách thủ tục hành chính",
    "Tổ chức bộ máy và biên chế",
    "Chuyển đổi số và chính quyền điện tử",
    "Công tác thanh tra, kiểm tra",
    "Phát triển kinh tế - xã hội",
];

/// A citation of another document, as written in running text.
pub fn citation(rng: &mut Rng) -> String {
    let n = 1 + rng.below(999);
    let (d, m, y) = (1 + rng.below(28), 1 + rng.below(12), 2015 + rng.below(10));
    match rng.below(5) {
        0 => format!("Quyết định số {n}/QĐ-UBND ngày {d:02}/{m}/{y}"),
        1 => format!("Nghị định số {n}/{y}/NĐ-CP ngày {d} tháng {m} năm {y} của Chính phủ"),
        2 => format!("Kế hoạch số {n}/KH-UBND ngày {d}/{m}/{y}"),
        3 => format!("Thông tư số {:02}/{y}/TT-BNV", 1 + rng.below(30)),
        _ => format!("Nghị quyết số {n}-NQ/TU ngày {d:02}/{m:02}/{y} của Tỉnh ủy"),
    }
}

/// A sentence of 6 to 20 words; one sentence in three cites a document.
pub fn sentence(rng: &mut Rng) -> String {
    let mut s = String::new();
    let words = 6 + rng.below(15);
    for k in 0..words {
        if k > 0 {
            s.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        s.push_str(word);
    }
    if rng.below(3) == 0 {
        s.push_str(" theo ");
        s.push_str(&citation(rng));
    }
    let mut chars = s.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}", chars.as_str())
}

/// A paragraph of one to four sentences, ending with `end`.
pub fn paragraph(rng: &mut Rng, end: char) -> String {
    let n = 1 + rng.below(4);
    let mut p = (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(". ");
    p.push(end);
    p
}

/// A roman numeral (1..=3999).
pub fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

const HEADER: &str = "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH ĐỊNH                 Độc lập - Tự do - Hạnh phúc
Số: 123/BC-UBND                Quy Nhơn, ngày 05 tháng 3 năm 2024

BÁO CÁO
Kết quả thực hiện nhiệm vụ năm 2023 và phương hướng năm 2024

Căn cứ Quyết định số 123/QĐ-UBND ngày 05/3/2021 của Ủy ban nhân dân tỉnh;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện như sau:

";

const CLOSING: &str = "
Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2023 của Ủy ban nhân dân tỉnh./.

Nơi nhận:
- Bộ Nội vụ;
- Thường trực Tỉnh ủy;
- Lưu: VT, TH.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
";

/// A report of about `bytes` bytes (at least the header and closing): many roman, arabic and
/// decimal sections under `PHẦN` groups, lettered points, bullets, paragraphs with citations.
pub fn report(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str(HEADER);
    let body_end = bytes.saturating_sub(CLOSING.len());
    let mut part = 0;
    'parts: while out.len() < body_end {
        part += 1;
        out.push_str(&format!("PHẦN {part}\n{}\n\n", rng.pick(HEADINGS)));
        for r in 1..=(3 + rng.below(8)) {
            out.push_str(&format!("{}. {}\n", roman(r), rng.pick(HEADINGS)));
            for a in 1..=(1 + rng.below(5)) {
                out.push_str(&format!("{a}. {}\n", rng.pick(TOPICS)));
                out.push_str(&paragraph(&mut rng, '.'));
                out.push('\n');
                for d in 1..=rng.below(4) {
                    out.push_str(&format!("{a}.{d}. {}\n", rng.pick(TOPICS)));
                    if rng.below(2) == 0 {
                        out.push_str(&format!("{a}.{d}.1. {}\n", rng.pick(TOPICS)));
                    }
                    out.push_str(&paragraph(&mut rng, '.'));
                    out.push('\n');
                    for (k, letter) in ["a", "b", "c", "d", "đ"].iter().enumerate() {
                        if k >= rng.below(4) {
                            break;
                        }
                        out.push_str(&format!("{letter}) {}\n", paragraph(&mut rng, ';')));
                    }
                    for _ in 0..rng.below(4) {
                        out.push_str(&format!("- {}\n", paragraph(&mut rng, ';')));
                    }
                    if out.len() >= body_end {
                        break 'parts;
                    }
                }
            }
            out.push('\n');
        }
    }
    out.push_str(CLOSING);
    out
}

/// `count` numbered sections, one line each, nested roman / arabic / decimal under `PHẦN` groups.
pub fn many_sections(count: usize) -> String {
    let mut out = String::from(HEADER);
    for k in 0..count {
        if k % 500 == 0 {
            out.push_str(&format!("PHẦN {}\n", k / 500 + 1));
        }
        if k % 50 == 0 {
            out.push_str(&format!("{}. MỤC {k}\n", roman((k / 50) % 10 + 1)));
        }
        match k % 5 {
            0 => out.push_str(&format!("{}. Nội dung {k}\n", (k / 5) % 10 + 1)),
            n => out.push_str(&format!("{}.{n}. Chi tiết {k}\n", (k / 5) % 10 + 1)),
        }
    }
    out.push_str(CLOSING);
    out
}

/// A document whose body is one paragraph line of about `bytes` bytes.
pub fn long_line(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut line = String::with_capacity(bytes + 200);
    while line.len() < bytes {
        line.push_str(&sentence(&mut rng));
        line.push_str(", ");
    }
    line.push('.');
    format!("{HEADER}{line}\n{CLOSING}")
}

/// One paragraph line holding `count` citations.
pub fn citations_one_line(count: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut line = String::from("Thực hiện");
    for _ in 0..count {
        line.push(' ');
        line.push_str(&citation(&mut rng));
        line.push(',');
    }
    line.push_str(" Ủy ban nhân dân tỉnh đã triển khai.");
    format!("{HEADER}{line}\n{CLOSING}")
}

/// One paragraph wrapped over `count` lines (each going on in lower case, so the parser joins
/// them), each line holding a citation.
pub fn citations_wrapped(count: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::from(HEADER);
    out.push_str("Thực hiện các văn bản sau đây của cấp trên");
    for _ in 0..count {
        out.push_str("\ntheo ");
        out.push_str(&citation(&mut rng));
        out.push_str(" và");
    }
    out.push_str("\ncác văn bản khác có liên quan.\n");
    out.push_str(CLOSING);
    out
}
