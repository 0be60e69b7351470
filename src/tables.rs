//! Domain tables: document types and their codes, signature prefixes, header marks,
//! issuer abbreviations.
//!
//! Every literal of the domain lives here, once; parsers and rules look things up in these tables.
//! Sources: Nghị định 30/2020/NĐ-CP Phụ lục III (type codes), Điều 13 (signature prefixes),
//! Phụ lục I Mục III (marks); Hướng dẫn 36-HD/VPTW (Party codes and prefixes).
//! Codes are mixed case (`TTr`, `CTr`, `QyĐ`) and are never upper-cased.

use std::sync::LazyLock;

use crate::model::{AuthorityMode, MarkKind};

/// A document type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocType {
    /// Type name in capitals as it stands in a title line.
    pub name: &'static str,
    /// Code in a state number (Phụ lục III), `None` for công văn and for laws.
    pub code: Option<&'static str>,
    /// Other codes accepted for the type (old codes of TT 01/2011, Party codes, normative codes).
    pub other_codes: &'static [&'static str],
    /// Kind word used in running text, lower case (`quyết định`).
    pub kind: &'static str,
}

macro_rules! doc_types {
    ($( $name:literal, $code:expr, [$($other:literal),*], $kind:literal; )*) => {
        /// All document types known to vanban: the 29 administrative types of Nghị định 30/2020
        /// Điều 7, normative and Party types, and copies. Longer names come first so that a
        /// prefix match picks `THÔNG BÁO KẾT LUẬN` before `THÔNG BÁO`.
        pub static DOC_TYPES: &[DocType] = &[
            $( DocType { name: $name, code: $code, other_codes: &[$($other),*], kind: $kind }, )*
        ];
    };
}

doc_types! {
    "THÔNG BÁO KẾT LUẬN", Some("TB"), [], "thông báo kết luận";
    "THÔNG TƯ LIÊN TỊCH", Some("TTLT"), [], "thông tư liên tịch";
    "NGHỊ QUYẾT LIÊN TỊCH", Some("NQLT"), [], "nghị quyết liên tịch";
    "CHƯƠNG TRÌNH HÀNH ĐỘNG", Some("CTr"), ["Ctr", "CTR"], "chương trình hành động";
    "KẾ HOẠCH HÀNH ĐỘNG", Some("KH"), [], "kế hoạch hành động";
    "VĂN BẢN HỢP NHẤT", Some("VBHN"), [], "văn bản hợp nhất";
    "GIẤY ỦY QUYỀN", Some("GUQ"), ["UQ"], "giấy ủy quyền";
    "GIẤY GIỚI THIỆU", Some("GGT"), [], "giấy giới thiệu";
    "GIẤY NGHỈ PHÉP", Some("GNP"), ["NP"], "giấy nghỉ phép";
    "BẢN THỎA THUẬN", Some("BTT"), ["TTh"], "bản thỏa thuận";
    "BẢN GHI NHỚ", Some("BGN"), ["GN"], "bản ghi nhớ";
    "PHIẾU CHUYỂN", Some("PC"), [], "phiếu chuyển";
    "PHIẾU GỬI", Some("PG"), [], "phiếu gửi";
    "PHIẾU BÁO", Some("PB"), [], "phiếu báo";
    "PHIẾU TRÌNH", Some("PTr"), [], "phiếu trình";
    "GIẤY MỜI", Some("GM"), [], "giấy mời";
    "NGHỊ QUYẾT", Some("NQ"), [], "nghị quyết";
    "QUYẾT ĐỊNH", Some("QĐ"), [], "quyết định";
    "NGHỊ ĐỊNH", Some("NĐ"), [], "nghị định";
    "THÔNG TƯ", Some("TT"), [], "thông tư";
    "CHỈ THỊ", Some("CT"), [], "chỉ thị";
    "QUY CHẾ", Some("QC"), [], "quy chế";
    "QUY ĐỊNH", Some("QyĐ"), ["QĐi"], "quy định";
    "THÔNG CÁO", Some("TC"), [], "thông cáo";
    "THÔNG BÁO", Some("TB"), [], "thông báo";
    "THÔNG TRI", Some("TT"), [], "thông tri";
    "HƯỚNG DẪN", Some("HD"), [], "hướng dẫn";
    "CHƯƠNG TRÌNH", Some("CTr"), ["Ctr", "CTR"], "chương trình";
    "KẾ HOẠCH", Some("KH"), [], "kế hoạch";
    "PHƯƠNG ÁN", Some("PA"), [], "phương án";
    "ĐỀ ÁN", Some("ĐA"), [], "đề án";
    "DỰ ÁN", Some("DA"), [], "dự án";
    "BÁO CÁO", Some("BC"), [], "báo cáo";
    "BIÊN BẢN", Some("BB"), [], "biên bản";
    "TỜ TRÌNH", Some("TTr"), ["TTR"], "tờ trình";
    "HỢP ĐỒNG", Some("HĐ"), [], "hợp đồng";
    "CÔNG ĐIỆN", Some("CĐ"), [], "công điện";
    "KẾT LUẬN", Some("KL"), [], "kết luận";
    "CÔNG VĂN", None, ["CV"], "công văn";
    "ĐIỀU LỆ", None, [], "điều lệ";
    "QUY TRÌNH", None, [], "quy trình";
    "DANH MỤC", None, [], "danh mục";
    "THƯ CÔNG", None, [], "thư công";
    "PHÁP LỆNH", None, [], "pháp lệnh";
    "BỘ LUẬT", None, [], "bộ luật";
    "LUẬT", None, [], "luật";
    "HIẾN PHÁP", None, [], "hiến pháp";
    "LỆNH", None, ["L"], "lệnh";
}

/// Codes of copies (Phụ lục III): bản sao y, bản trích sao, bản sao lục, Party bản sao.
pub static COPY_CODES: &[&str] = &["SY", "TrS", "SL", "BS"];

/// Every written type code with the code it stands for, in table order: [`DOC_TYPES`]' codes and
/// other spellings, then [`COPY_CODES`]. `QĐi` (quy định) is a code of its own, not a spelling
/// of `QĐ`.
fn written_type_codes() -> impl Iterator<Item = (&'static str, &'static str)> {
    DOC_TYPES
        .iter()
        .flat_map(|t| {
            t.code.into_iter().map(move |c| (c, c)).chain(
                t.other_codes
                    .iter()
                    .map(move |o| (*o, if *o == "QĐi" { o } else { t.code.unwrap_or(o) })),
            )
        })
        .chain(COPY_CODES.iter().map(|c| (*c, *c)))
}

/// The written type codes by first byte, each with its answer: as written, and lower-cased.
struct TypeCodes {
    /// Written code and canonical code, by the first byte of the written code.
    exact: Vec<Vec<(&'static str, &'static str)>>,
    /// Lower-cased written code and canonical code, by its first byte.
    folded: Vec<Vec<(String, &'static str)>>,
}

static TYPE_CODES: LazyLock<TypeCodes> = LazyLock::new(|| {
    let mut index = TypeCodes {
        exact: vec![Vec::new(); 256],
        folded: vec![Vec::new(); 256],
    };
    // The first entry of the table wins, as written and lower-cased.
    for (written, canonical) in written_type_codes() {
        if let Some(&first) = written.as_bytes().first() {
            let list = &mut index.exact[usize::from(first)];
            if list.iter().all(|(w, _)| *w != written) {
                list.push((written, canonical));
            }
        }
        let lower = written.to_lowercase();
        if let Some(&first) = lower.as_bytes().first() {
            let list = &mut index.folded[usize::from(first)];
            if list.iter().all(|(w, _)| *w != lower) {
                list.push((lower, canonical));
            }
        }
    }
    index
});

/// Looks a type code up, case-sensitively first, then case-insensitively (`Ctr` → `CTr`).
/// Returns the canonical spelling of the code.
///
/// Asked per number by the citation scan (the first group of a symbol, most often no code at
/// all: `UBND`, `QH13`), by the header's number and by the validator: the codes are kept by
/// first byte, and a short list compared byte by byte costs less than hashing the code, and
/// than the lower-cased copy a miss would then hash. The case-insensitive comparison lowers the
/// code a character at a time (`str::to_lowercase` also applies the final-sigma rule; no code
/// holds a sigma, so the answers are the same).
pub fn canonical_type_code(code: &str) -> Option<&'static str> {
    let index = &*TYPE_CODES;
    let bytes = code.as_bytes();
    let exact = index.exact.get(usize::from(*bytes.first()?))?;
    if let Some(&(_, canonical)) = exact
        .iter()
        .find(|(written, _)| written.as_bytes() == bytes)
    {
        return Some(canonical);
    }
    let first = code.chars().next()?.to_lowercase().next()?;
    let mut buf = [0; 4];
    let lead = first.encode_utf8(&mut buf).as_bytes()[0];
    index.folded[usize::from(lead)]
        .iter()
        .find(|(lower, _)| code.chars().flat_map(char::to_lowercase).eq(lower.chars()))
        .map(|&(_, canonical)| canonical)
}

/// Finds the type whose capitalized name starts `text` (already upper-cased by the writer).
pub fn doc_type_by_name(text: &str) -> Option<&'static DocType> {
    // Only the types whose name starts with the text's first byte are tried, in table order:
    // most lines asked (every body line that could be a title) start with none of them.
    let &first = text.as_bytes().first()?;
    let mut candidates = TYPES_BY_FIRST_BYTE[usize::from(first)];
    while candidates != 0 {
        let t = &DOC_TYPES[candidates.trailing_zeros() as usize];
        candidates &= candidates - 1;
        let fits = text.strip_prefix(t.name).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| !crate::text::chars::is_alphanumeric(c))
        });
        if fits {
            return Some(t);
        }
    }
    None
}

/// For each byte, the set of [`DOC_TYPES`] (bit `i` for entry `i`) whose name starts with it.
static TYPES_BY_FIRST_BYTE: [u64; 256] = {
    assert!(DOC_TYPES.len() <= 64, "one bit per document type");
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < DOC_TYPES.len() {
        if let Some(&b) = DOC_TYPES[i].name.as_bytes().first() {
            table[b as usize] |= 1 << i;
        }
        i += 1;
    }
    table
};

/// Finds the type whose lower-case kind word is `kind` exactly.
///
/// The citation scan asks with the table's own strings (the kind words it found), so their
/// addresses are compared first, without a `memcmp` per type; any other text is compared.
pub fn doc_type_by_kind(kind: &str) -> Option<&'static DocType> {
    DOC_TYPES
        .iter()
        .find(|t| std::ptr::eq(t.kind, kind))
        .or_else(|| DOC_TYPES.iter().find(|t| t.kind == kind))
}

/// How the line naming the issuing document opens under the title of an attached document or an
/// appendix, after its parenthesis, in lower case: `(Ban hành kèm theo Quyết định số …)`,
/// `(Kèm theo Kế hoạch số …)`.
/// Names that an attached document gives itself in sentence case instead of a type name in
/// capitals (`Tập hệ thống hóa văn bản quy phạm pháp luật còn hiệu lực …`). Longer first.
pub const ATTACHMENT_NAMES: &[&str] =
    &["Tập hệ thống hóa", "Bảng tổng hợp", "Danh mục", "Danh sách"];

/// How a note that a legal database (thuvienphapluat, vbpl) inserted in a document's text opens,
/// after its `[`: `[Nội dung này được đính chính bởi Công văn 666/BYT-BH …]`.
pub const EDITORIAL_NOTE_OPENINGS: &[&str] = &[
    "Nội dung này được",
    "Khoản này được",
    "Điểm này được",
    "Điều này được",
    "Cụm từ này được",
    "Nội dung này bị",
    "Khoản này bị",
    "Điểm này bị",
    "Điều này bị",
];

pub const ATTACHED_OPENINGS: &[&str] = &[
    "kèm theo",
    "ban hành kèm theo",
    "được ban hành kèm theo",
    "ban hành theo",
];

/// True when `text`, what follows a `(`, opens with one of [`ATTACHED_OPENINGS`] in any case
/// (`Ban hành kèm theo`, `KÈM THEO`, after spaces): compared a character at a time, without a lower-case copy
/// (the lexer asks it at every parenthesis of the text).
pub fn opens_with_attached(text: &str) -> bool {
    // `( Ban hành kèm theo …`: a space typed inside the parenthesis.
    let text = text.trim_start_matches(' ');
    ATTACHED_OPENINGS.iter().any(|o| {
        let mut lower = text.chars().flat_map(char::to_lowercase);
        o.chars().all(|c| lower.next() == Some(c))
    })
}

/// The word a receiving office's stamp opens its date line with (`ĐẾN Ngày 12/3/2025`).
pub static RECEIVED_STAMP_MARK: &str = "ĐẾN";

/// How a receiving office's stamp labels its other lines (`Chuyển: …`, `Số và ký hiệu HS: …`,
/// `Lưu hồ sơ số: …`).
pub static RECEIVED_STAMP_LABELS: [&str; 3] = ["Chuyển", "Số và ký hiệu HS", "Lưu hồ sơ"];

/// Words that show a line holds the header's right column (the national title or the motto),
/// compared with the line in capitals: a stamp read on the same line stops before it.
pub static HEADER_COLUMN_MARKS: [&str; 3] = ["CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP"];

/// The heading of a table of contents.
pub const CONTENTS_TITLE: &str = "MỤC LỤC";

/// Headings in capitals that may stand before a document's first section and name no authority:
/// the table of contents and a preface (`LỜI NÓI ĐẦU` before Chương I of a Quy chế).
pub static PREAMBLE_HEADINGS: [&str; 5] = [
    CONTENTS_TITLE,
    "LỜI NÓI ĐẦU",
    "LỜI MỞ ĐẦU",
    "LỜI GIỚI THIỆU",
    "MỞ ĐẦU",
];

/// How a form's label opens (`Mẫu số 1a`, `MẪU SỐ 01-BCN`, `Mẫu 2b`): the longer first.
pub static FORM_LABEL_WORDS: [&str; 4] = ["Mẫu số", "MẪU SỐ", "Mẫu", "MẪU"];

/// Type codes that are also the first group of offices' own symbols (`1234/CT-TTHT` of a Cục
/// Thuế, `56/TTr-NV` of a Thanh tra): a công văn's number that starts with one is not taken for
/// another type's.
pub static ISSUER_LIKE_TYPE_CODES: [&str; 2] = ["CT", "TTr"];

/// The kind word of a công văn, the one type whose number carries no type code.
pub static CONG_VAN_KIND: &str = "công văn";

/// How the boxes of a phiếu trình left for the reviewers' opinions are headed (`7. Ý kiến của
/// Lãnh đạo Phòng:`).
pub static OPINION_BOX: &str = "Ý kiến";

/// Openings of a label with a colon that is no field of a form: the frame's (`Kính gửi:`,
/// `Nơi nhận:`) and the grounds of a decision (`Căn cứ …:`, `Xét đề nghị …:`).
pub static NOT_FIELD_OPENINGS: &[&str] =
    &[ADDRESSEE_LABEL, RECIPIENTS_LABEL, "Căn cứ", "Xét", "Theo"];

/// Endings of a lead-in to the list under it (`… như sau:`, `… gồm:`), no field of a form.
pub static LEAD_IN_ENDINGS: &[&str] = &[
    "sau",
    "sau đây",
    "gồm",
    "bao gồm",
    "là",
    "cụ thể",
    "dưới đây",
];

/// True when `text`, what follows a `[`, opens with one of [`EDITORIAL_NOTE_OPENINGS`].
pub fn opens_editorial_note(text: &str) -> bool {
    EDITORIAL_NOTE_OPENINGS.iter().any(|o| text.starts_with(o))
}

/// Signature authority prefixes, state (`TM.`) and Party (`T/M`) forms. Longer first.
pub static AUTHORITY_PREFIXES: &[(&str, AuthorityMode)] = &[
    ("TUQ.", AuthorityMode::TUQ),
    ("TU/Q", AuthorityMode::TUQ),
    ("TM.", AuthorityMode::TM),
    ("T/M", AuthorityMode::TM),
    ("KT.", AuthorityMode::KT),
    ("K/T", AuthorityMode::KT),
    ("TL.", AuthorityMode::TL),
    ("T/L", AuthorityMode::TL),
    ("Q.", AuthorityMode::Q),
];

/// True for the Party (slash) form of a prefix.
pub fn is_party_prefix(raw: &str) -> bool {
    raw.contains('/')
}

/// Header marks, matched on the whole line in capitals. Both accent placements of `HỎA/HOẢ`.
/// The national title, in its standard spelling (`HOÀ` is accepted by folding it to `HÒA`).
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

/// The Party's title above Party documents.
pub const PARTY_TITLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

pub static MARKS: &[(&str, MarkKind)] = &[
    ("HỎA TỐC", MarkKind::Urgency),
    ("HOẢ TỐC", MarkKind::Urgency),
    ("THƯỢNG KHẨN", MarkKind::Urgency),
    ("KHẨN", MarkKind::Urgency),
    ("TUYỆT MẬT", MarkKind::Secrecy),
    ("TỐI MẬT", MarkKind::Secrecy),
    ("MẬT", MarkKind::Secrecy),
    ("XEM XONG TRẢ LẠI", MarkKind::Circulation),
    ("LƯU HÀNH NỘI BỘ", MarkKind::Circulation),
    ("TÀI LIỆU THU HỒI", MarkKind::Circulation),
    ("DỰ THẢO", MarkKind::Draft),
];

/// Stand-ins for a handwritten signature.
pub static SIGNATURE_PLACEHOLDERS: &[&str] = &[
    "(Đã ký)",
    "(đã ký)",
    "(Đã ký và đóng dấu)",
    "(Ký, ghi rõ họ tên)",
    "(Chữ ký số)",
    "(Ký tên, đóng dấu)",
    "(Ký và ghi rõ họ tên)",
    "(Đã ký, đóng dấu)",
];

/// Words that open a signer's position line (`GIÁM ĐỐC`, `PHÓ CHỦ TỊCH`, `BÍ THƯ`).
pub static SIGNER_TITLES: &[&str] = &[
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "THỦ TƯỚNG",
    "PHÓ THỦ TƯỚNG",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "CHÁNH THANH TRA",
    "CỤC TRƯỞNG",
    "PHÓ CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "VIỆN TRƯỞNG",
    "HIỆU TRƯỞNG",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "CHI CỤC TRƯỞNG",
    "TỔNG GIÁM ĐỐC",
    "THỦ TRƯỞNG",
    "TRƯỞNG ĐOÀN",
    "TỔ TRƯỞNG",
    "CHỦ NHIỆM",
    "TỔNG THƯ KÝ",
    "THƯ KÝ",
    "CHỦ TỌA",
    "CHỦ TOẠ",
    "NGƯỜI KÝ",
    "PHÓ TỔNG GIÁM ĐỐC",
    "PHÓ CHÁNH ÁN",
    "PHÓ VIỆN TRƯỞNG",
    "CHÁNH ÁN",
    "TỔNG KIỂM TOÁN",
    "THỐNG ĐỐC",
    "TRƯỞNG",
    "PHÓ",
    "ỦY VIÊN",
    "UỶ VIÊN",
];

/// Unit words that continue an issuer line (`ỦY BAN NHÂN DÂN` / `HUYỆN X` is one name).
pub static PLACE_UNITS: &[&str] = &[
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "ĐẶC KHU",
];

/// Enacting lines of decision-type documents (`QUYẾT ĐỊNH:`), without the colon.
pub static ENACTING_WORDS: &[&str] = &[
    "QUYẾT ĐỊNH",
    "QUYẾT NGHỊ",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "KẾT LUẬN",
    "BAN HÀNH",
    "LỆNH",
    "CÔNG BỐ",
];

/// Openings of a legal basis, a proposal and a closing formula.
pub static BASIS_OPENINGS: &[&str] = &["Căn cứ", "CĂN CỨ"];
/// Openings of a proposal line in a decision's preamble.
pub static PROPOSAL_OPENINGS: &[&str] = &[
    "Theo đề nghị",
    "Xét đề nghị",
    "Xét Tờ trình",
    "Xét tờ trình",
    "Theo đề xuất",
    "Xét Đơn",
    "Xét đơn",
];
/// Openings of the closing paragraph of a report.
pub static CLOSING_OPENINGS: &[&str] = &["Trên đây là", "Trên đây"];

/// Phrases that only a document's frame contains (header, addressees, closing). A long line that
/// holds three of them is a whole document whose line breaks were lost.
pub static FRAME_PHRASES: &[&str] = &[
    "CỘNG HÒA XÃ HỘI",
    "CỘNG HOÀ XÃ HỘI",
    "Độc lập",
    "ĐẢNG CỘNG SẢN",
    "Số:",
    ADDRESSEE_LABEL,
    RECIPIENTS_LABEL,
    "V/v",
];

/// Phrases before which a line whose breaks were lost is cut into lines.
pub static BREAK_BEFORE: &[&str] = &[
    "CỘNG HÒA XÃ HỘI",
    "CỘNG HOÀ XÃ HỘI",
    "Độc lập",
    "ĐẢNG CỘNG SẢN",
    "Số:",
    "V/v",
    ADDRESSEE_LABEL,
    RECIPIENTS_LABEL,
    "Căn cứ",
    "Theo đề nghị",
    "Xét đề nghị",
    "QUYẾT ĐỊNH:",
    "QUYẾT NGHỊ:",
    "Trên đây",
    "PHỤ LỤC",
    "- Lưu",
    "(Đã ký)",
];

/// Words a sentence cannot end on; a line after one goes on with the sentence even when it opens
/// with a number or `Điều` (`… quy định tại` / `Điều 10.`).
pub static CONNECTIVE_WORDS: &[&str] = &[
    "tại", "theo", "của", "và", "hoặc", "với", "khoản", "điểm", "Điều", "Khoản", "mục", "Mục",
    "số", "là", "các", "những", "về", "cho", "từ", "đến", "trong",
];

/// Words that open the name of a body in capitals; a header line that starts with one of them
/// belongs to the issuer block.
pub static BODY_WORDS: &[&str] = &[
    "ỦY BAN",
    "UỶ BAN",
    "UBND",
    "HỘI ĐỒNG",
    "HĐND",
    "BỘ ",
    "SỞ ",
    "BAN ",
    "CỤC ",
    "TỔNG CỤC",
    "VỤ ",
    "VIỆN ",
    "VĂN PHÒNG",
    "THANH TRA",
    "KHO BẠC",
    "CHI CỤC",
    "PHÒNG ",
    "TRUNG TÂM",
    "TRƯỜNG ",
    "BỆNH VIỆN",
    "CÔNG AN",
    "BỘ CHỈ HUY",
    "ĐẢNG ỦY",
    "ĐẢNG BỘ",
    "TỈNH ỦY",
    "THÀNH ỦY",
    "HUYỆN ỦY",
    "CHI BỘ",
    "THỦ TƯỚNG",
    "CHÍNH PHỦ",
    "QUỐC HỘI",
    "CHỦ TỊCH",
    "TÒA ÁN",
    "VIỆN KIỂM SÁT",
    "BẢO HIỂM",
    "NGÂN HÀNG",
    "HỘI ",
    "LIÊN ĐOÀN",
    "ĐOÀN ",
    "MẶT TRẬN",
    "TỔNG LIÊN ĐOÀN",
    "CÔNG TY",
    "TẬP ĐOÀN",
    "ĐẠI HỌC",
    "HUYỆN ",
    "TỈNH ",
    "THÀNH PHỐ",
    "XÃ ",
    "PHƯỜNG ",
    "THỊ XÃ",
    "QUẬN ",
];

/// Kind words of citations that are not document types of their own: `văn bản số 3722/VPCP-CN`
/// may stand for any type, so its number keeps its type code when it has one.
pub static EXTRA_KIND_WORDS: &[&str] = &["văn bản"];

/// Word that introduces a number in running text (`Quyết định số 12/QĐ-UBND`), lower case.
pub const NUMBER_WORD: &str = "số";

/// Words of a written date (`ngày 05 tháng 3 năm 2020`), lower case.
pub const DAY_WORD: &str = "ngày";
/// See [`DAY_WORD`].
pub const MONTH_WORD: &str = "tháng";
/// See [`DAY_WORD`]; also the year of a named reference (`Luật PCTN năm 2018`).
pub const YEAR_WORD: &str = "năm";

/// Title of the authentication block that closes a consolidated text (văn bản hợp nhất): the
/// consolidating body, the `Số: …/VBHN-…` number, the place and date and the signature stand
/// there instead of in a header (Pháp lệnh Hợp nhất văn bản quy phạm pháp luật 2012, Điều 8).
pub const CONSOLIDATION_MARK: &str = "XÁC THỰC VĂN BẢN HỢP NHẤT";

/// Type code of a consolidated text's number (`16/VBHN-BTC`).
pub const CONSOLIDATION_CODE: &str = "VBHN";

/// Words of the adoption sentence that dates a law or a resolution of the National Assembly
/// or its Standing Committee (`… thông qua ngày 11 tháng 8 năm 2022./.`), lower case.
pub const ADOPTION_WORDS: &str = "thông qua";

/// Word of that sentence that names the document itself (`Nghị quyết này được …`).
pub const SELF_WORD: &str = "này";

/// Name of the official gazette, which opens its running page headers (`CÔNG BÁO/Số 151/…`).
pub const GAZETTE: &str = "CÔNG BÁO";

/// Verb of the enacting sentence of the 2025 form (`Ủy ban nhân dân tỉnh ban hành Quyết định
/// …`, Nghị định 78/2025/NĐ-CP), lower case.
pub const ENACTING_VERB: &str = "ban hành";

/// The letters of the Vietnamese alphabet with a diacritic that lie outside the block
/// U+1EA0–U+1EF9 (Latin Extended Additional, which holds all the others), both cases.
pub const VIETNAMESE_LATIN1_LETTERS: &str = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư";

/// Words after which a run of dots stands for a figure left to fill in (`ước đạt ... tỷ đồng`,
/// `lúc ... giờ`), besides the number and date words; lower case.
pub static FIGURE_LEAD_WORDS: &[&str] = &["đạt", "khoảng", "giờ", "lúc", "phút"];

/// The verbs of issuing that end `Ngày 30/8/2024, Sở Nội vụ (đã) có | ban hành | gửi …` right
/// before the kind words of the document it dates; a law or a resolution of the Quốc hội or
/// a council is passed (`Ngày 12/6/2025, Quốc hội đã thông qua Nghị quyết số …`).
pub static ISSUING_VERBS: &[&str] = &[
    "có",
    "ban hành",
    "gửi",
    "ký",
    "trình",
    "phát hành",
    "thông qua",
];

/// Word that introduces the issuing body in a citation (`… của Thủ tướng Chính phủ`).
pub const ISSUER_WORD: &str = "của";

/// Conjunction that may join two citations (`… của Chính phủ và Chương trình số …`).
pub const AND_WORD: &str = "và";

/// Where the issuing body after `của` ends in a citation; the first one found wins.
pub static ISSUER_NAME_STOPS: &[&str] = &[
    " về ",
    " ban hành",
    " quy định",
    " hướng dẫn",
    " thực hiện",
    " phê duyệt",
    " sửa đổi",
    " có hiệu lực",
    " và các ",
    " là ",
    " cho ",
    " đã ",
    " được ",
    " tại ",
    " trong ",
    " theo ",
    " để ",
    " nhằm ",
    " thì ",
    " với ",
    " đến ",
    " từ ",
    " sẽ ",
    " đang ",
    ",",
    ";",
    ".",
    ":",
    "(",
    ")",
    "“",
    "\"",
];

/// Kinds that running text cites by name, without a number (`Luật PCTN năm 2018`,
/// `Nghị quyết TW4 (Khóa XII)`): the word as capitalized in text, the kind, and whether the
/// word alone already names one document (`Hiến pháp`), so no capitalized name has to follow.
/// `Bộ luật` comes before `Luật`.
pub static NAMED_KINDS: &[(&str, &str, bool)] = &[
    ("Bộ luật", "bộ luật", false),
    ("Luật", "luật", false),
    ("Nghị quyết", "nghị quyết", false),
    ("Nghị định", "nghị định", false),
    ("Pháp lệnh", "pháp lệnh", false),
    ("Hiến pháp", "hiến pháp", true),
];

/// Kinds whose documents are cited by their name, so a first mention needs no date (Nghị định
/// 30/2020/NĐ-CP Phụ lục I: `Luật Ngân sách nhà nước số 83/2015/QH13`). Before 2010 their
/// names were written in lower case (`Luật khuyến khích đầu tư trong nước số 03/1998/QH10`).
pub static CITED_BY_NAME: &[&str] = &["luật", "bộ luật", "pháp lệnh", "hiến pháp"];

/// Words that make `Luật` a person, not a law, when they follow it: `Luật sư`, `Luật gia`.
pub static LAW_PERSON_WORDS: &[&str] = &["sư", "gia"];

/// Words before a kind that make it a generic mention (`các Nghị quyết`), not a reference.
pub static PLURAL_WORDS: &[&str] = &["các", "những", "mọi", "nhiều", "một số", "mỗi"];

/// Words that end the name of a named reference (`Luật PCTN đã …`, `Nghị quyết TW4 về …`).
/// Matched case-sensitively as whole words after the first word of the name.
pub static NAME_STOP_WORDS: &[&str] = &[
    "về",
    "của",
    "số",
    "ban hành",
    "quy định",
    "hướng dẫn",
    "thực hiện",
    "phê duyệt",
    "có hiệu lực",
    "đã",
    "được",
    "tại",
    "trong",
    "để",
    "nhằm",
    "là",
    "thì",
    "và các",
    "và những",
];

/// Phrases that open with a word of [`NAME_STOP_WORDS`] and still belong to a name: `Luật
/// Khuyến khích đầu tư trong nước`.
pub static NAME_STOP_PHRASES: &[&str] = &["trong nước"];

/// Comma phrases that belong to the name of a law (`Luật Phòng, chống tham nhũng`), lower case.
/// Any other comma followed by more than one lower-case word ends a name, unless the name then
/// runs into its date, year or number (`Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012`).
pub static NAME_COMMA_PHRASES: &[&str] = &[
    "phòng, chống",
    "sửa đổi, bổ sung",
    "khám bệnh, chữa bệnh",
    "thi đua, khen thưởng",
    "cán bộ, công chức",
    "quản lý, sử dụng",
    "trật tự, an toàn",
];

/// Abbreviations of issuing bodies in numbers (`docs/format.md` §3.2). A symbol whose hyphen was lost
/// (`3027/QĐUBND`) is split after a type code, except when the whole group is one of these
/// (`HĐND` is not `HĐ` + `ND`, `TTCP` is not `TT` + `CP`). Trailing term digits are ignored (`QH13`).
pub static ISSUER_CODES: &[&str] = &[
    "QH", "UBTVQH", "CTN", "CP", "TTg", "VPCP", "HĐBCQG", "KBNN", "TANDTC", "VKSNDTC", "KTNN",
    "NHNN", "TTCP", "HĐTP", "BNV", "BTC", "BGDĐT", "BKHCN", "BLĐTBXH", "BTP", "BQP", "BNG", "BCA",
    "BCT", "BYT", "BXD", "BGTVT", "BTNMT", "BTTTT", "BVHTTDL", "BKHĐT", "BNNPTNT", "BNNMT", "UBND",
    "HĐND", "MTTQ", "TAND", "VKSND", "BCĐ", "BCH", "SNV", "STC", "STP", "SYT", "SGDĐT", "SGD",
    "SCT", "SXD", "STNMT", "SGTVT", "SNNPTNT", "SLĐTBXH", "SVHTTDL", "STTTT", "SKHCN", "SKHĐT",
    "TW", "TU", "HU", "ĐU", "VPTW", "UBKTTW", "UBKTTU", "BTGTU", "BTCTW", "BTGTW",
];

/// The opening of the addressee block of a công văn or tờ trình (`Kính gửi: Sở Tư pháp`).
pub const ADDRESSEE_LABEL: &str = "Kính gửi";

/// The label of the recipients list (`Nơi nhận:`), as it is written above the list.
pub const RECIPIENTS_LABEL: &str = "Nơi nhận";

/// Military and police ranks and academic titles a signer's name may follow, on the line above
/// it or before it on the same line (`Thiếu tướng` / `Nguyễn Văn A`).
pub const SIGNER_RANKS: &[&str] = &[
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "GS.TS",
    "PGS.TS",
    "TS.",
    "ThS.",
];

/// The words that introduce an example in a guide's body (`Ví dụ 1: Văn bản của tỉnh uỷ`): a
/// signature block around them shows how one is written and closes nothing.
pub const EXAMPLE_OPENINGS: &[&str] = &["Ví dụ", "VÍ DỤ", "Thí dụ"];

/// [`RECIPIENTS_LABEL`] in capitals, the other spelling met in exports (a test checks it).
pub const RECIPIENTS_LABEL_UPPER: &str = "NƠI NHẬN";

/// The word the archive line of the recipients list opens with (`- Lưu: VT, TCCB.`).
pub const ARCHIVE_WORD: &str = "Lưu";

/// [`ARCHIVE_WORD`] in capitals (a test checks it).
pub const ARCHIVE_WORD_UPPER: &str = "LƯU";

/// The words a flattened table's header row opens with: the column of row numbers (`STT`,
/// `TT`, `Số TT`).
pub const TABLE_HEAD_WORDS: [&str; 3] = ["STT", "TT", "Số TT"];

/// The words of a table's caption before its number (`Biểu mẫu 2`, `Bảng 3`).
pub const TABLE_CAPTION_WORDS: [&str; 5] = ["Biểu mẫu", "BIỂU MẪU", "Biểu", "Bảng", "BẢNG"];

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn attached_to_lines_open_in_any_case_and_spacing() {
        assert!(opens_with_attached(
            "Ban hành kèm theo Quyết định số 12/QĐ-UBND)"
        ));
        assert!(opens_with_attached(
            " Ban hành kèm theo Quyết định số …05…./2006/ QĐ-UBND,"
        ));
        assert!(opens_with_attached(
            "Ban hành theo Quyết định số 12/2001/QĐ-BTC"
        ));
        assert!(opens_with_attached("KÈM THEO KẾ HOẠCH SỐ 5/KH-UBND)"));
        assert!(!opens_with_attached("theo Quyết định số 12/QĐ-UBND)"));
    }

    /// [`canonical_type_code`] as two hash maps: the code as written, else its `to_lowercase`.
    fn canonical_type_code_by_maps(code: &str) -> Option<&'static str> {
        let (mut exact, mut folded) = (HashMap::new(), HashMap::new());
        for (written, canonical) in written_type_codes() {
            exact.entry(written).or_insert(canonical);
            folded.entry(written.to_lowercase()).or_insert(canonical);
        }
        exact
            .get(code)
            .or_else(|| folded.get(&code.to_lowercase()))
            .copied()
    }

    /// Each written code as written, lower-cased, upper-cased and with its case swapped, and
    /// groups that are no code (issuers, characters whose case mapping is not one to one).
    fn code_variants() -> Vec<String> {
        let mut codes = Vec::new();
        for (code, _) in written_type_codes() {
            let swapped: String = code
                .chars()
                .flat_map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else {
                        c.to_uppercase().collect()
                    }
                })
                .collect();
            codes.extend([
                code.to_string(),
                code.to_lowercase(),
                code.to_uppercase(),
                swapped,
            ]);
        }
        codes.extend(
            [
                "", "UBND", "QH13", "HĐND", "qđ", "QĐI", "qđi", "Σ", "İ", "ǅ", "\u{212A}", "Qđ1",
                "ΣΣ", "qσ",
            ]
            .map(str::to_string),
        );
        codes
    }

    #[test]
    fn type_codes_answer_as_the_maps() {
        for code in code_variants() {
            assert_eq!(
                canonical_type_code(&code),
                canonical_type_code_by_maps(&code),
                "{code:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::config(2_000, 0x636F_6465))]

        /// Groups glued from pieces of codes: the same answers.
        #[test]
        fn type_codes_agree_on_random_groups(
            pieces in proptest::collection::vec(proptest::sample::select(
                vec!["Q", "q", "Đ", "đ", "T", "t", "r", "R", "N", "C", "H", "i", "I", "B", "K", "1", "İ", "\u{212A}", "Σ", "y", "Y"],
            ), 0..5)
        ) {
            let code = pieces.concat();
            proptest::prop_assert_eq!(
                canonical_type_code(&code),
                canonical_type_code_by_maps(&code),
                "{:?}",
                code
            );
        }
    }

    #[test]
    fn codes_keep_their_case() {
        assert_eq!(
            canonical_type_code("Ctr"),
            Some("CTr"),
            "Ctr is a variant of CTr"
        );
        assert_eq!(canonical_type_code("TTr"), Some("TTr"));
        assert_eq!(canonical_type_code("QyĐ"), Some("QyĐ"));
        assert_eq!(
            canonical_type_code("QĐi"),
            Some("QĐi"),
            "the Party code for Quy định stays"
        );
        assert_eq!(canonical_type_code("UBND"), None, "an issuer is not a type");
    }

    #[test]
    fn names_match_whole_words() {
        assert_eq!(
            doc_type_by_name("BÁO CÁO").map(|t| t.code),
            Some(Some("BC"))
        );
        assert_eq!(
            doc_type_by_name("THÔNG BÁO KẾT LUẬN").map(|t| t.kind),
            Some("thông báo kết luận")
        );
        assert_eq!(doc_type_by_name("LUẬTX"), None);
        assert_eq!(doc_type_by_name(""), None);
        // The first-byte index finds what a walk of the whole table in order finds.
        let walk = |text: &str| {
            DOC_TYPES.iter().find(|t| {
                text.strip_prefix(t.name)
                    .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
        };
        for t in DOC_TYPES {
            for text in [
                t.name.to_owned(),
                format!("{} VỀ VIỆC", t.name),
                format!("{}:", t.name),
                format!("{}A", t.name),
                t.name.chars().skip(1).collect(),
                t.name.chars().take(t.name.chars().count() - 1).collect(),
                t.kind.to_owned(),
            ] {
                assert_eq!(doc_type_by_name(&text), walk(&text), "{text:?}");
            }
        }
        assert_eq!(canonical_type_code("Ctr"), Some("CTr"));
    }

    #[test]
    fn capital_spellings_are_the_words_in_capitals() {
        assert_eq!(RECIPIENTS_LABEL.to_uppercase(), RECIPIENTS_LABEL_UPPER);
        assert_eq!(ARCHIVE_WORD.to_uppercase(), ARCHIVE_WORD_UPPER);
    }
}
