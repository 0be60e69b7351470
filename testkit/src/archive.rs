//! A synthetic archive for batch tests and benches: N varied documents in year and issuer
//! folders, with a few broken or oddly encoded files among them. `examples/gen_archive.rs`
//! writes one from the command line:
//!
//! ```text
//! cargo run --release --example gen_archive -- 10000 /tmp/archive [--seed 7]
//! ```
//!
//! The documents follow the patterns of `corpus/`: báo cáo, kế hoạch, quyết định, tờ trình,
//! thông báo, công văn and Party báo cáo, from provincial people's committees, their departments
//! and district committees, with varied numbers, dates, signers, sections (Roman, Arabic,
//! `Điều`, Party `I-`), citations of other documents, recipients and signatures; about one in
//! five is Markdown. Every `every`-th file is special, in turn: UTF-16 LE with a BOM,
//! Windows-1258, NFD, empty, binary junk, a fake DOCX (a ZIP header and a `word/document.xml`
//! entry name), UTF-8 with a BOM and CRLF line ends. Empty, junk and DOCX files are expected to
//! fail; the others to convert. The output depends only on N and the seed (a tiny PRNG, no
//! `rand`). `tests/batch.rs` and `benches/convert.rs` use it.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::Rng;

/// What a generated file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A UTF-8 document.
    Valid,
    /// UTF-16 little endian with a byte order mark.
    Utf16Le,
    /// Windows-1258, tone marks as combining characters.
    Windows1258,
    /// UTF-8 in Unicode NFD.
    Nfd,
    /// UTF-8 with a byte order mark and CRLF line ends.
    BomCrlf,
    /// No bytes.
    Empty,
    /// Random bytes, NUL included.
    Junk,
    /// A ZIP header with a `word/document.xml` entry name.
    FakeDocx,
}

impl Kind {
    /// True for the kinds a conversion must refuse.
    pub fn fails(self) -> bool {
        matches!(self, Kind::Empty | Kind::Junk | Kind::FakeDocx)
    }
}

/// The special kinds, in the order they take turns.
pub const SPECIAL: [Kind; 7] = [
    Kind::Utf16Le,
    Kind::Windows1258,
    Kind::Nfd,
    Kind::Empty,
    Kind::Junk,
    Kind::FakeDocx,
    Kind::BomCrlf,
];

/// One generated file.
#[derive(Debug, Clone)]
pub struct GenFile {
    /// Path relative to the archive folder.
    pub rel: PathBuf,
    /// What it is.
    pub kind: Kind,
    /// Its size in bytes.
    pub bytes: usize,
    /// The UTF-8 text of a special file that must convert, to compare with its conversion.
    pub text: Option<String>,
}

/// Provinces: name, ASCII slug.
const PROVINCES: &[(&str, &str)] = &[
    ("Hậu Giang", "hau-giang"),
    ("Quảng Trị", "quang-tri"),
    ("Phú Yên", "phu-yen"),
    ("Bắc Giang", "bac-giang"),
    ("Ninh Thuận", "ninh-thuan"),
    ("Đồng Tháp", "dong-thap"),
    ("Lâm Đồng", "lam-dong"),
    ("Bình Thuận", "binh-thuan"),
    ("Kon Tum", "kon-tum"),
    ("Nghệ An", "nghe-an"),
    ("Thanh Hóa", "thanh-hoa"),
    ("Cà Mau", "ca-mau"),
    ("Hà Tĩnh", "ha-tinh"),
    ("Quảng Nam", "quang-nam"),
];

/// Departments: name in capitals, code, name in running text, ASCII slug.
const DEPARTMENTS: &[(&str, &str, &str, &str)] = &[
    ("SỞ Y TẾ", "SYT", "Sở Y tế", "so-y-te"),
    ("SỞ TÀI CHÍNH", "STC", "Sở Tài chính", "so-tai-chinh"),
    ("SỞ NỘI VỤ", "SNV", "Sở Nội vụ", "so-noi-vu"),
    (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "SGDĐT",
        "Sở Giáo dục và Đào tạo",
        "so-giao-duc",
    ),
    ("SỞ TƯ PHÁP", "STP", "Sở Tư pháp", "so-tu-phap"),
    (
        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        "SLĐTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "so-lao-dong",
    ),
    (
        "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
        "SNN",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "so-nong-nghiep",
    ),
];

const DISTRICTS: &[&str] = &["Tân Lập", "Hòa Bình", "Phước Sơn", "Đức Phổ", "Vĩnh Thạnh"];

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Minh", "Quang", "Hữu", "Thanh", "Ngọc", "Đức"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Loan", "Nam", "Phương", "Sơn",
    "Tâm", "Thảo", "Trung", "Khang",
];

const TOPICS: &[&str] = &[
    "công tác phòng, chống dịch bệnh truyền nhiễm",
    "công tác cải cách hành chính",
    "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "công tác chuyển đổi số",
    "nhiệm vụ phát triển kinh tế - xã hội",
    "công tác phòng, chống tham nhũng, tiêu cực",
    "công tác thi đua, khen thưởng",
    "công tác bảo vệ môi trường",
    "công tác tuyển dụng, sử dụng viên chức",
    "công tác phổ biến, giáo dục pháp luật",
];

const HEADINGS: &[&str] = &[
    "TÌNH HÌNH CHUNG",
    "KẾT QUẢ THỰC HIỆN",
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "KHÓ KHĂN, VƯỚNG MẮC",
    "NGUYÊN NHÂN",
    "NHIỆM VỤ TRỌNG TÂM",
    "ĐỀ XUẤT, KIẾN NGHỊ",
    "TỔ CHỨC THỰC HIỆN",
];

const SUBHEADINGS: &[&str] = &[
    "Công tác tuyên truyền",
    "Công tác kiểm tra, giám sát",
    "Kết quả đạt được",
    "Tồn tại, hạn chế",
    "Kinh phí thực hiện",
    "Phân công nhiệm vụ",
    "Chế độ báo cáo",
];

const SENTENCES: &[&str] = &[
    "Các cơ quan, đơn vị đã triển khai kịp thời các nhiệm vụ được giao, bảo đảm đúng tiến độ đề ra",
    "Tỷ lệ hồ sơ được giải quyết đúng hạn đạt {p}%, tăng {q}% so với cùng kỳ năm trước",
    "Toàn tỉnh đã tổ chức {n} lớp tập huấn với hơn {m} lượt cán bộ, công chức tham gia",
    "Việc phối hợp giữa các sở, ngành và địa phương có lúc chưa chặt chẽ, thông tin báo cáo còn chậm",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách địa phương năm {y} theo phân cấp hiện hành",
    "Công tác kiểm tra, giám sát được tăng cường, kịp thời chấn chỉnh những tồn tại, hạn chế",
    "Đã tiếp nhận {n} kiến nghị của người dân và doanh nghiệp, giải quyết xong {m} kiến nghị",
    "Nguồn nhân lực còn thiếu, nhiều đơn vị chỉ bố trí được 01 đến 02 người làm công tác chuyên trách",
];

/// Kinds of cited documents: words, type code (`None` for a công văn), with a year group.
const CITED: &[(&str, Option<&str>, bool)] = &[
    ("Quyết định", Some("QĐ"), false),
    ("Kế hoạch", Some("KH"), false),
    ("Nghị quyết", Some("NQ"), false),
    ("Chỉ thị", Some("CT"), false),
    ("Công văn", None, false),
    ("Thông tư", Some("TT"), true),
    ("Nghị định", Some("NĐ"), true),
];

/// Document types: capital name, code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocType {
    BaoCao,
    KeHoach,
    QuyetDinh,
    ToTrinh,
    ThongBao,
    CongVan,
    PartyBaoCao,
}

impl DocType {
    fn name(self) -> &'static str {
        match self {
            DocType::BaoCao | DocType::PartyBaoCao => "BÁO CÁO",
            DocType::KeHoach => "KẾ HOẠCH",
            DocType::QuyetDinh => "QUYẾT ĐỊNH",
            DocType::ToTrinh => "TỜ TRÌNH",
            DocType::ThongBao => "THÔNG BÁO",
            DocType::CongVan => "CÔNG VĂN",
        }
    }

    fn code(self) -> &'static str {
        match self {
            DocType::BaoCao | DocType::PartyBaoCao => "BC",
            DocType::KeHoach => "KH",
            DocType::QuyetDinh => "QĐ",
            DocType::ToTrinh => "TTr",
            DocType::ThongBao => "TB",
            DocType::CongVan => "",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            DocType::BaoCao => "bc",
            DocType::PartyBaoCao => "bc-dang",
            DocType::KeHoach => "kh",
            DocType::QuyetDinh => "qd",
            DocType::ToTrinh => "ttr",
            DocType::ThongBao => "tb",
            DocType::CongVan => "cv",
        }
    }
}

const TYPES: &[DocType] = &[
    DocType::BaoCao,
    DocType::BaoCao,
    DocType::KeHoach,
    DocType::QuyetDinh,
    DocType::ToTrinh,
    DocType::ThongBao,
    DocType::CongVan,
    DocType::PartyBaoCao,
];

const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
const LETTERS: &[&str] = &["a", "b", "c", "d", "đ", "e"];

fn name(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

fn sentence(rng: &mut Rng, year: u32) -> String {
    let s = rng.pick(SENTENCES);
    s.replace("{p}", &rng.range(60, 99).to_string())
        .replace("{q}", &rng.range(1, 15).to_string())
        .replace("{n}", &rng.range(3, 400).to_string())
        .replace("{m}", &rng.range(100, 9000).to_string())
        .replace("{y}", &year.to_string())
}

fn citation(rng: &mut Rng, year: u32, province: &str) -> String {
    let &(words, code, year_group) = rng.pick(CITED);
    let n = rng.range(1, 3999);
    let y = year - rng.range(0, 4);
    let (d, m) = (rng.range(1, 28), rng.range(1, 12));
    let issuer = if year_group {
        if code == Some("TT") { "BTC" } else { "CP" }
    } else {
        "UBND"
    };
    let number = match (code, year_group) {
        (Some(c), true) => format!("{n}/{y}/{c}-{issuer}"),
        (Some(c), false) => format!("{n}/{c}-{issuer}"),
        (None, _) => format!("{n}/UBND-VX"),
    };
    let body = if year_group {
        "Chính phủ".to_owned()
    } else {
        format!("Ủy ban nhân dân tỉnh {province}")
    };
    format!("{words} số {number} ngày {d:02}/{m:02}/{y} của {body}")
}

fn paragraph(rng: &mut Rng, year: u32, province: &str) -> String {
    let mut p = String::new();
    for k in 0..rng.range(2, 4) {
        if k > 0 {
            p.push_str("; ");
        }
        p.push_str(&sentence(rng, year));
    }
    if rng.chance(45) {
        let _ = write!(p, ", theo {}", citation(rng, year, province));
    }
    p.push('.');
    p
}

/// One document's text (UTF-8, NFC, LF) and its path relative to the archive.
pub fn document(rng: &mut Rng, index: usize) -> (PathBuf, String) {
    let &(province, pslug) = rng.pick(PROVINCES);
    let doc_type = *rng.pick(TYPES);
    let year = rng.range(2015, 2025);
    let (day, month) = (rng.range(1, 28), rng.range(1, 12));
    let number = rng.range(1, 2999);
    let markdown = doc_type != DocType::PartyBaoCao && rng.chance(20);
    let bold = |s: &str| {
        if markdown {
            format!("**{s}**")
        } else {
            s.to_owned()
        }
    };
    let mut t = String::with_capacity(8192);
    // Issuer: the provincial committee, one of its departments, or a district committee.
    let issuer_kind = rng.range(0, 2);
    let &(dept, dcode, dtext, dslug) = rng.pick(DEPARTMENTS);
    let district = *rng.pick(DISTRICTS);
    let (issuer_code, issuer_text, islug) = match issuer_kind {
        0 => (
            "UBND",
            format!("Ủy ban nhân dân tỉnh {province}"),
            "ubnd-tinh",
        ),
        1 => (dcode, dtext.to_owned(), dslug),
        _ => (
            "UBND",
            format!("Ủy ban nhân dân huyện {district}"),
            "ubnd-huyen",
        ),
    };
    let place = if issuer_kind == 2 { district } else { province };
    if doc_type == DocType::PartyBaoCao {
        let _ = writeln!(t, "ĐẢNG BỘ TỈNH {}", province.to_uppercase());
        let _ = writeln!(t, "ĐẢNG ỦY {}", dept.trim_start_matches("SỞ "));
        t.push_str("*\n");
        let _ = writeln!(t, "Số {number}-BC/ĐU");
        t.push_str("ĐẢNG CỘNG SẢN VIỆT NAM\n\n");
    } else {
        match issuer_kind {
            0 => {
                let _ = writeln!(t, "{}", bold("ỦY BAN NHÂN DÂN"));
                let _ = writeln!(t, "{}", bold(&format!("TỈNH {}", province.to_uppercase())));
            }
            1 => {
                let _ = writeln!(t, "UBND TỈNH {}", province.to_uppercase());
                let _ = writeln!(t, "{}", bold(dept));
            }
            _ => {
                let _ = writeln!(t, "{}", bold("ỦY BAN NHÂN DÂN"));
                let _ = writeln!(t, "{}", bold(&format!("HUYỆN {}", district.to_uppercase())));
            }
        }
        if markdown {
            t.push('\n');
        }
        let _ = writeln!(t, "{}", bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        let _ = writeln!(t, "{}", bold("Độc lập - Tự do - Hạnh phúc"));
        t.push('\n');
        if doc_type == DocType::CongVan {
            let _ = writeln!(t, "Số: {number}/{issuer_code}-VX");
            let _ = writeln!(t, "V/v {}", rng.pick(TOPICS));
        } else {
            let _ = writeln!(t, "Số: {number}/{}-{issuer_code}", doc_type.code());
        }
        if markdown {
            t.push('\n');
        }
    }
    let date = format!("{place}, ngày {day:02} tháng {month} năm {year}");
    if markdown {
        let _ = writeln!(t, "*{date}*\n");
    } else {
        let _ = writeln!(t, "{date}\n");
    }
    let topic = *rng.pick(TOPICS);
    if doc_type != DocType::CongVan {
        if markdown {
            let _ = writeln!(t, "## {}\n", doc_type.name());
            let _ = writeln!(t, "**Về {topic} năm {year}**\n");
        } else {
            let _ = writeln!(t, "{}", doc_type.name());
            let _ = writeln!(t, "Về {topic} năm {year}\n");
        }
    }
    if matches!(doc_type, DocType::ToTrinh | DocType::CongVan) {
        let _ = writeln!(t, "Kính gửi: Ủy ban nhân dân tỉnh {province}.\n");
    }
    if doc_type == DocType::QuyetDinh {
        let authority = match issuer_kind {
            1 => format!("GIÁM ĐỐC {dept}"),
            _ => format!("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {}", province.to_uppercase()),
        };
        let _ = writeln!(t, "{authority}\n");
        t.push_str(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; \
             Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức \
             chính quyền địa phương ngày 22 tháng 11 năm 2019;\n",
        );
        for _ in 0..rng.range(1, 3) {
            let _ = writeln!(t, "Căn cứ {};", citation(rng, year, province));
        }
        let _ = writeln!(
            t,
            "Theo đề nghị của Giám đốc {dtext} tại Tờ trình số {}/TTr-{dcode} ngày {:02}/{}/{year}.\n",
            rng.range(1, 900),
            rng.range(1, 28),
            month
        );
        t.push_str("QUYẾT ĐỊNH:\n\n");
        let articles = rng.range(3, 6);
        for a in 1..=articles {
            let _ = write!(t, "Điều {a}. ");
            if a == articles {
                let _ = writeln!(
                    t,
                    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc {dtext} và Thủ trưởng các \
                     cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
                );
            } else {
                let _ = writeln!(t, "{}", paragraph(rng, year, province));
                for k in 1..=rng.range(0, 3) {
                    let _ = writeln!(t, "{k}. {}", paragraph(rng, year, province));
                }
                t.push('\n');
            }
        }
    } else {
        let _ = writeln!(
            t,
            "Thực hiện {}, {issuer_text} báo cáo như sau:\n",
            citation(rng, year, province)
        );
        let party = doc_type == DocType::PartyBaoCao;
        let sections = rng.range(2, 6) as usize;
        for (s, heading) in ROMAN
            .iter()
            .zip(HEADINGS.iter().cycle().skip(index % 3))
            .take(sections)
        {
            let label = if party {
                format!("{s}-")
            } else {
                format!("{s}.")
            };
            if markdown {
                let _ = writeln!(t, "### {label} {heading}\n");
            } else {
                let _ = writeln!(t, "{label} {heading}");
            }
            for sub in 1..=rng.range(1, 4) {
                let sl = if party {
                    format!("{sub}-")
                } else {
                    format!("{sub}.")
                };
                let _ = writeln!(t, "{sl} {}", rng.pick(SUBHEADINGS));
                for _ in 0..rng.range(1, 3) {
                    match rng.range(0, 2) {
                        0 => {
                            let _ = writeln!(t, "- {}", paragraph(rng, year, province));
                        }
                        1 if !party => {
                            for l in LETTERS.iter().take(rng.range(2, 4) as usize) {
                                let _ = writeln!(t, "{l}) {}", paragraph(rng, year, province));
                            }
                        }
                        _ => {
                            let _ = writeln!(t, "{}", paragraph(rng, year, province));
                        }
                    }
                    if markdown {
                        t.push('\n');
                    }
                }
            }
            t.push('\n');
        }
        let _ = writeln!(
            t,
            "Trên đây là {} {topic} năm {year} của {issuer_text}./.\n",
            doc_type.name().to_lowercase()
        );
    }
    let recipients = if markdown {
        "***Nơi nhận:***"
    } else {
        "Nơi nhận:"
    };
    let _ = writeln!(t, "{recipients}");
    t.push_str("- Như trên;\n");
    let _ = writeln!(t, "- UBND tỉnh {province} (b/c);");
    if rng.chance(50) {
        t.push_str("- Lãnh đạo đơn vị;\n");
    }
    if doc_type == DocType::PartyBaoCao {
        t.push_str("- Lưu Văn phòng Đảng ủy.\n\n");
        t.push_str("T/M ĐẢNG ỦY\nBÍ THƯ\n\n");
    } else {
        let _ = writeln!(t, "- Lưu: VT, {}.\n", rng.pick(&["VX", "TH", "KT", "NC"]));
        match issuer_kind {
            1 => {
                if rng.chance(50) {
                    t.push_str(&bold("KT. GIÁM ĐỐC"));
                    t.push('\n');
                    t.push_str(&bold("PHÓ GIÁM ĐỐC"));
                } else {
                    t.push_str(&bold("GIÁM ĐỐC"));
                }
            }
            _ => {
                t.push_str(&bold("TM. ỦY BAN NHÂN DÂN"));
                t.push('\n');
                t.push_str(&bold("KT. CHỦ TỊCH"));
                t.push('\n');
                t.push_str(&bold("PHÓ CHỦ TỊCH"));
            }
        }
        t.push_str("\n\n");
        if rng.chance(40) {
            t.push_str("(Đã ký)\n\n");
        }
    }
    let _ = writeln!(t, "{}", bold(&name(rng)));
    let ext = if markdown { "md" } else { "txt" };
    let rel = PathBuf::from(year.to_string())
        .join(pslug)
        .join(islug)
        .join(format!("{}-{number:04}-{index:05}.{ext}", doc_type.slug()));
    (rel, t)
}

/// Windows-1258 bytes of NFC text: letters with circumflex, breve or horn precomposed, tone
/// marks as combining characters, as Vietnamese Windows-1258 files are written.
pub fn to_windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let encode = |s: &str| {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(s);
        (!unmappable).then(|| bytes.into_owned())
    };
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if let Some(b) = encode(c.encode_utf8(&mut buf)) {
            out.extend(b);
            continue;
        }
        let d: Vec<char> = c.to_string().nfd().collect();
        let letter: String = d
            .iter()
            .filter(|m| !TONES.contains(m))
            .collect::<String>()
            .nfc()
            .collect();
        let tones: String = d.iter().filter(|m| TONES.contains(m)).collect();
        match (encode(&letter), encode(&tones)) {
            (Some(l), Some(t)) => {
                out.extend(l);
                out.extend(t);
            }
            _ => out.push(b'?'),
        }
    }
    out
}

fn junk(rng: &mut Rng) -> Vec<u8> {
    let len = rng.range(512, 4096) as usize;
    let mut v: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
    v[len / 2] = 0;
    v
}

fn fake_docx(rng: &mut Rng) -> Vec<u8> {
    let mut v = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    v.extend_from_slice(&[0; 16]);
    v.extend_from_slice(b"[Content_Types].xml");
    v.extend(junk(rng).into_iter().take(300));
    v.extend_from_slice(b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml");
    v.extend(junk(rng));
    v
}

/// The bytes of one file of the given kind.
fn bytes_of(kind: Kind, text: &str, rng: &mut Rng) -> Vec<u8> {
    match kind {
        Kind::Valid => text.as_bytes().to_vec(),
        Kind::Utf16Le => {
            let mut v = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                v.extend(u.to_le_bytes());
            }
            v
        }
        Kind::Windows1258 => to_windows_1258(text),
        Kind::Nfd => text.nfd().collect::<String>().into_bytes(),
        Kind::BomCrlf => {
            let mut v = b"\xEF\xBB\xBF".to_vec();
            v.extend(text.replace('\n', "\r\n").into_bytes());
            v
        }
        Kind::Empty => Vec::new(),
        Kind::Junk => junk(rng),
        Kind::FakeDocx => fake_docx(rng),
    }
}

/// Writes `n` files under `dir` and lists them in path order.
pub fn generate(n: usize, dir: &Path, seed: u64) -> io::Result<Vec<GenFile>> {
    // The archive's stream of random numbers predates the shared generator: kept as it was.
    let mut rng = Rng::new(seed ^ 0x5DEE_CE66_D1CE_4E5B);
    // About one file in 24 is special at small N, one in 50 at large N.
    let every = (n / 24).clamp(2, 50);
    let mut files = Vec::with_capacity(n);
    for i in 0..n {
        let (rel, text) = document(&mut rng, i);
        let kind = if i % every == 1 {
            SPECIAL[(i / every) % SPECIAL.len()]
        } else {
            Kind::Valid
        };
        let bytes = bytes_of(kind, &text, &mut rng);
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &bytes)?;
        files.push(GenFile {
            rel,
            kind,
            bytes: bytes.len(),
            text: (kind != Kind::Valid && !kind.fails()).then_some(text),
        });
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(files)
}
