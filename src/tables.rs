//! Domain tables: document types and their codes, signature prefixes, header marks,
//! issuer abbreviations.
//!
//! Every literal of the domain lives here, once; parsers and rules look things up in these tables.
//! Sources: Nghị định 30/2020/NĐ-CP Phụ lục III (type codes), Điều 13 (signature prefixes),
//! Phụ lục I Mục III (marks); Hướng dẫn 36-HD/VPTW (Party codes and prefixes).
//! Codes are mixed case (`TTr`, `CTr`, `QyĐ`) and are never upper-cased.

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
    "THƯ CÔNG", None, [], "thư công";
    "PHÁP LỆNH", None, [], "pháp lệnh";
    "BỘ LUẬT", None, [], "bộ luật";
    "LUẬT", None, [], "luật";
    "HIẾN PHÁP", None, [], "hiến pháp";
    "LỆNH", None, ["L"], "lệnh";
}

/// Codes of copies (Phụ lục III): bản sao y, bản trích sao, bản sao lục, Party bản sao.
pub static COPY_CODES: &[&str] = &["SY", "TrS", "SL", "BS"];

/// Looks a type code up, case-sensitively first, then case-insensitively (`Ctr` → `CTr`).
/// Returns the canonical spelling of the code.
pub fn canonical_type_code(code: &str) -> Option<&'static str> {
    let all = || {
        DOC_TYPES
            .iter()
            .flat_map(|t| {
                t.code
                    .into_iter()
                    .map(move |c| (c, c))
                    .chain(t.other_codes.iter().map(move |o| (*o, t.code.unwrap_or(o))))
            })
            .chain(COPY_CODES.iter().map(|c| (*c, *c)))
    };
    all()
        .find(|(written, _)| *written == code)
        .or_else(|| all().find(|(written, _)| written.to_lowercase() == code.to_lowercase()))
        .map(|(written, canonical)| {
            if written == "QĐi" {
                written
            } else {
                canonical
            }
        })
}

/// Finds the type whose capitalized name starts `text` (already upper-cased by the writer).
pub fn doc_type_by_name(text: &str) -> Option<&'static DocType> {
    // Comparing first bytes rules out almost every name without a call to memcmp.
    let first = text.as_bytes().first();
    DOC_TYPES.iter().find(|t| {
        t.name.as_bytes().first() == first
            && text
                .strip_prefix(t.name)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// Finds the type whose lower-case kind word is `kind` exactly.
pub fn doc_type_by_kind(kind: &str) -> Option<&'static DocType> {
    DOC_TYPES.iter().find(|t| t.kind == kind)
}

/// Finds the type a code stands for (`BC` → Báo cáo).
pub fn doc_type_by_code(code: &str) -> Option<&'static DocType> {
    let canonical = canonical_type_code(code)?;
    DOC_TYPES
        .iter()
        .filter(|t| t.code == Some(canonical) || t.other_codes.contains(&canonical))
        .min_by_key(|t| t.name.len())
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

/// Common abbreviations in issuer names and their full forms (Nghị định 30/2020 allows
/// abbreviating the superior body, e.g. `UBND TỈNH X`).
pub static ISSUER_ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "ỦY BAN NHÂN DÂN"),
    ("HĐND", "HỘI ĐỒNG NHÂN DÂN"),
    ("MTTQ", "MẶT TRẬN TỔ QUỐC"),
    ("TAND", "TÒA ÁN NHÂN DÂN"),
    ("VKSND", "VIỆN KIỂM SÁT NHÂN DÂN"),
    ("BCĐ", "BAN CHỈ ĐẠO"),
    ("BCH", "BAN CHẤP HÀNH"),
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            doc_type_by_code("Ctr").map(|t| t.kind),
            Some("chương trình")
        );
    }
}
