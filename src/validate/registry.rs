//! The rule registry: one table that maps each stable code to its rule.
//!
//! A code is never reused and never renumbered; a rule that is dropped keeps its row with a note.
//! A rule's name describes the problem (`missing-national-title`), never the fix.
//! Each row carries the default severity, a one-line summary in Vietnamese and English, the fix
//! hint in both languages, and the docs rendered into `docs/rules.md`: what the rule finds, why
//! it matters, an example that triggers it, and the clause of Nghị định 30/2020/NĐ-CP or of
//! Hướng dẫn 36-HD/VPTW it comes from.
//!
//! Prefixes: `HDR` header, `TTL` title, `BOD` body and sections, `APX` appendices, `CIT` cited
//! documents, `SIG` signature, `RCP` recipients, `PLH` placeholders, `UNR` unrecognized text,
//! `TXT` the text itself (a damaged copy).

use std::fmt::Write as _;

use super::Severity;

/// One rule of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable code (`HDR001`).
    pub code: &'static str,
    /// Kebab-case name of the problem (`missing-national-title`).
    pub name: &'static str,
    /// Severity unless a profile overrides it.
    pub severity: Severity,
    /// One-line summary in Vietnamese.
    pub summary_vi: &'static str,
    /// One-line summary in English; also the English gloss of Vietnamese messages.
    pub summary_en: &'static str,
    /// What to do about it, in Vietnamese.
    pub hint_vi: &'static str,
    /// What to do about it, in English.
    pub hint_en: &'static str,
    /// What the rule finds.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A minimal text that triggers the rule (`tests/rules.rs` runs it). A first line in
    /// parentheses sets the profile: `(profile <id>)` for a shipped one, `(profile requiring the
    /// appendix “<name>”)` for one that requires that appendix; without it the profile is chosen
    /// from the document, as `vanban validate` does.
    pub example: &'static str,
    /// The clause the rule comes from.
    pub reference: &'static str,
}

impl Rule {
    /// The summary in `lang`.
    pub fn summary(&self, lang: super::Lang) -> &'static str {
        match lang {
            super::Lang::Vi => self.summary_vi,
            super::Lang::En => self.summary_en,
        }
    }

    /// The fix hint in `lang`.
    pub fn hint(&self, lang: super::Lang) -> &'static str {
        match lang {
            super::Lang::Vi => self.hint_vi,
            super::Lang::En => self.hint_en,
        }
    }
}

/// Finds a rule by code (`HDR001`) or by name (`missing-national-title`).
pub fn rule(key: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == key || r.name == key)
}

/// Index of a rule in [`RULES`] (SARIF `ruleIndex`).
pub fn index_of(code: &str) -> Option<usize> {
    RULES.iter().position(|r| r.code == code)
}

const ND30: &str = "Nghị định 30/2020/NĐ-CP";

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    Rule {
        code: "HDR001",
        name: "missing-national-title",
        severity: Severity::Error,
        summary_vi: "Thiếu Quốc hiệu",
        summary_en: "national title missing",
        hint_vi: "Thêm dòng “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” ở đầu văn bản, góc trên bên phải trang đầu.",
        hint_en: "Add the line `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` at the top right of the first page.",
        what: "Finds a state document whose header has no national title (Quốc hiệu).",
        why: "The national title is the first of the nine main components every administrative document must carry; a copy converted from Word often loses the header table that held it.",
        example: "Số: 12/BC-UBND\nHà Nội, ngày 05 tháng 3 năm 2024\n\nBÁO CÁO\nVề kết quả năm 2023",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1; Phụ lục I, Phần I, Mục II.1",
    },
    Rule {
        code: "HDR002",
        name: "missing-motto",
        severity: Severity::Error,
        summary_vi: "Thiếu Tiêu ngữ",
        summary_en: "motto missing",
        hint_vi: "Thêm dòng “Độc lập - Tự do - Hạnh phúc” ngay dưới Quốc hiệu.",
        hint_en: "Add the line `Độc lập - Tự do - Hạnh phúc` right under the national title.",
        what: "Finds a state document whose header has no motto (Tiêu ngữ).",
        why: "Quốc hiệu and Tiêu ngữ form one main component; neither may be left out.",
        example: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BC-UBND",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 1; Phụ lục I, Phần I, Mục II.1",
    },
    Rule {
        code: "HDR003",
        name: "missing-party-title",
        severity: Severity::Error,
        summary_vi: "Thiếu tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”",
        summary_en: "Party title missing",
        hint_vi: "Thêm dòng “ĐẢNG CỘNG SẢN VIỆT NAM” ở góc trên bên phải trang đầu.",
        hint_en: "Add the line `ĐẢNG CỘNG SẢN VIỆT NAM` at the top right of the first page.",
        what: "Finds a Party document whose header has no Party title.",
        why: "Party documents carry the title `ĐẢNG CỘNG SẢN VIỆT NAM` in place of the national title and motto.",
        example: "ĐẢNG ỦY SỞ NÔNG NGHIỆP\nSố 45-BC/ĐU\n\nBÁO CÁO",
        reference: "Hướng dẫn 36-HD/VPTW (2018), thể thức: tiêu đề (ô số 1)",
    },
    Rule {
        code: "HDR004",
        name: "missing-issuer",
        severity: Severity::Error,
        summary_vi: "Thiếu tên cơ quan, tổ chức ban hành",
        summary_en: "issuing body missing",
        hint_vi: "Ghi tên cơ quan ban hành (và cơ quan chủ quản, nếu có) ở góc trên bên trái, trên dòng số, ký hiệu.",
        hint_en: "Write the issuing body (and its superior body, if any) at the top left, above the number.",
        what: "Finds a document with no issuing body in its header.",
        why: "The issuing body is a main component; without it the number and the signature belong to no one.",
        example: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/BC-UBND",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, Mục II.2",
    },
    Rule {
        code: "HDR005",
        name: "missing-number",
        severity: Severity::Error,
        summary_vi: "Thiếu số, ký hiệu văn bản",
        summary_en: "number and symbol missing",
        hint_vi: "Thêm dòng “Số: …/<loại>-<cơ quan>” dưới tên cơ quan ban hành (để trống số nếu là dự thảo).",
        hint_en: "Add a `Số: …/<TYPE>-<ISSUER>` line under the issuing body (leave the number blank in a draft).",
        what: "Finds a document with no `Số:` line at all.",
        why: "The number and symbol identify the document; even a draft carries the line with a blank number.",
        example: "ỦY BAN NHÂN DÂN HUYỆN X\n\nBÁO CÁO",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 3; Phụ lục I, Phần I, Mục II.3",
    },
    Rule {
        code: "HDR006",
        name: "unnumbered-draft",
        severity: Severity::Info,
        summary_vi: "Văn bản chưa có số (dự thảo)",
        summary_en: "unnumbered draft",
        hint_vi: "Văn thư ghi số khi ban hành; kiểm tra lại trước khi phát hành.",
        hint_en: "The records office fills the number on issue; check it before the document goes out.",
        what: "Finds a number line whose number is left blank (`Số: /BC-UBND`).",
        why: "A blank number is normal in a draft, since numbers are given in order of issue; it is reported as information, not as a missing component.",
        example: "Số: /BC-SLĐTBXH",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 15; Phụ lục III (mẫu để trống số)",
    },
    Rule {
        code: "HDR007",
        name: "type-code-mismatch",
        severity: Severity::Error,
        summary_vi: "Ký hiệu loại văn bản không khớp với tên loại",
        summary_en: "type code does not match the title",
        hint_vi: "Sửa ký hiệu theo tên loại (Phụ lục III), ví dụ BÁO CÁO → BC, KẾ HOẠCH → KH.",
        hint_en: "Use the code of the title's type (Phụ lục III), e.g. BÁO CÁO → BC, KẾ HOẠCH → KH.",
        what: "Finds a number whose type code names another type than the title (`Số: 12/KH-UBND` on a BÁO CÁO).",
        why: "The symbol is made of the type's abbreviation and the issuer's; a wrong code files the document under the wrong register.",
        example: "Số: 12/KH-UBND\n\nBÁO CÁO\nVề kết quả năm 2023",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.3; Phụ lục III (bảng chữ viết tắt)",
    },
    Rule {
        code: "HDR008",
        name: "unknown-type-code",
        severity: Severity::Error,
        summary_vi: "Ký hiệu loại văn bản không có trong Phụ lục III",
        summary_en: "unknown type code",
        hint_vi: "Dùng chữ viết tắt tên loại theo Phụ lục III (BC, KH, TTr, QĐ, TB, …).",
        hint_en: "Use the type abbreviation of Phụ lục III (BC, KH, TTr, QĐ, TB, …).",
        what: "Finds a typed document (the title names a type) whose number has no known type code in its first group (`Số: 12/BCC-UBND` on a BÁO CÁO).",
        why: "Only a công văn has no type code; a typed document must use the abbreviation listed in Phụ lục III.",
        example: "Số: 12/BCC-UBND\n\nBÁO CÁO",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục III",
    },
    Rule {
        code: "HDR009",
        name: "number-missing-leading-zero",
        severity: Severity::Warning,
        summary_vi: "Số văn bản dưới 10 thiếu số 0 đứng trước",
        summary_en: "number below 10 without a leading zero",
        hint_vi: "Viết số dưới 10 với số 0 đứng trước: 05, không phải 5.",
        hint_en: "Write numbers below 10 with a leading zero: 05, not 5.",
        what: "Finds a document number from 1 to 9 written with one digit (`Số: 5/BC-UBND`).",
        why: "The decree asks for a leading zero on numbers below 10.",
        example: "Số: 5/BC-UBND",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.3",
    },
    Rule {
        code: "HDR010",
        name: "missing-place-date",
        severity: Severity::Error,
        summary_vi: "Thiếu địa danh và thời gian ban hành",
        summary_en: "place and date missing",
        hint_vi: "Thêm dòng “<Địa danh>, ngày … tháng … năm …” cùng hàng với số, ký hiệu.",
        hint_en: "Add a `<Place>, ngày … tháng … năm …` line level with the number.",
        what: "Finds a document with no place-and-date line, or one without a place name. A biên bản is exempt (its template has none).",
        why: "Place and date of issue are a main component; the date decides which rules and numbers apply.",
        example: "Số: 12/BC-UBND\n\nBÁO CÁO",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 4; Phụ lục I, Phần I, Mục II.4",
    },
    Rule {
        code: "HDR011",
        name: "blank-date",
        severity: Severity::Info,
        summary_vi: "Ngày, tháng hoặc năm ban hành còn để trống",
        summary_en: "day, month or year left blank",
        hint_vi: "Văn thư ghi ngày, tháng, năm khi ban hành; kiểm tra lại trước khi phát hành.",
        hint_en: "The records office fills in the date on issue; check it before the document goes out.",
        what: "Finds a place-and-date line with a blank day, month or year (`ngày   tháng 11 năm 2020`).",
        why: "Like the number, the date of issue is given by the records office when the document is signed and issued: a blank is normal in a draft, and a signed PDF often carries its date in the signing stamp, outside the text. It is reported as information, so that it is checked before the document goes out, not as a defect.",
        example: "Đồng Tháp, ngày   tháng 11 năm 2020",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 15; Phụ lục I, Phần I, Mục II.4",
    },
    Rule {
        code: "HDR012",
        name: "impossible-date",
        severity: Severity::Error,
        summary_vi: "Ngày ban hành không tồn tại",
        summary_en: "impossible date",
        hint_vi: "Sửa ngày tháng cho đúng lịch (tháng 2 có 28 hoặc 29 ngày; tháng 4, 6, 9, 11 có 30 ngày).",
        hint_en: "Correct the date (February has 28 or 29 days; April, June, September and November have 30).",
        what: "Finds a date of issue that does not exist (`ngày 31 tháng 02 năm 2021`, `tháng 13`).",
        why: "A date that does not exist makes the document's validity and deadlines undecidable.",
        example: "Hà Nội, ngày 31 tháng 02 năm 2021",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.4",
    },
    Rule {
        code: "HDR013",
        name: "date-missing-leading-zero",
        severity: Severity::Warning,
        summary_vi: "Ngày dưới 10 hoặc tháng 1, 2 thiếu số 0 đứng trước",
        summary_en: "day below 10 or month 1-2 without a leading zero",
        hint_vi: "Viết ngày dưới 10 và tháng 1, 2 với số 0 đứng trước: ngày 05 tháng 01.",
        hint_en: "Write days below 10 and the months 1 and 2 with a leading zero: ngày 05 tháng 01.",
        what: "Finds a day from 1 to 9, or the month 1 or 2, written with one digit in the place-and-date line.",
        why: "The decree spells the date out with a leading zero on days below 10 and on the months 1 and 2.",
        example: "Hà Nội, ngày 5 tháng 1 năm 2024",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.4.b",
    },
    Rule {
        code: "HDR014",
        name: "month-with-leading-zero",
        severity: Severity::Info,
        summary_vi: "Tháng 3 đến 9 không cần số 0 đứng trước",
        summary_en: "months 3-9 take no leading zero",
        hint_vi: "Viết “tháng 3”, không viết “tháng 03”.",
        hint_en: "Write `tháng 3`, not `tháng 03`.",
        what: "Finds a month from 3 to 9 written with a leading zero in the place-and-date line (`tháng 03`).",
        why: "Only the months 1 and 2 take a leading zero; the decree's own examples never pad the others.",
        example: "Hà Nội, ngày 05 tháng 03 năm 2024",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.4.b",
    },
    Rule {
        code: "TTL001",
        name: "missing-title",
        severity: Severity::Error,
        summary_vi: "Thiếu tên loại văn bản",
        summary_en: "type name missing",
        hint_vi: "Thêm tên loại viết hoa, căn giữa (BÁO CÁO, KẾ HOẠCH, TỜ TRÌNH, …) trên trích yếu.",
        hint_en: "Add the type name in capitals, centred (BÁO CÁO, KẾ HOẠCH, TỜ TRÌNH, …), above the subject.",
        what: "Finds a document with no type name (tên loại), which is not a công văn either.",
        why: "Type name and subject form a main component; only a công văn goes without a type name.",
        example: "Số: 12/BC-UBND\n\nVề kết quả năm 2023\n\nI. KẾT QUẢ",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 5; Phụ lục I, Phần I, Mục II.5.a",
    },
    Rule {
        code: "TTL002",
        name: "missing-subject",
        severity: Severity::Error,
        summary_vi: "Thiếu trích yếu nội dung",
        summary_en: "subject missing",
        hint_vi: "Thêm một dòng trích yếu ngay dưới tên loại (ví dụ “Về việc …”).",
        hint_en: "Add a subject line right under the type name (e.g. `Về việc …`).",
        what: "Finds a type name with no subject (trích yếu) under it.",
        why: "The subject says in one line what the document is about; registers and searches rely on it.",
        example: "BÁO CÁO\n\nI. KẾT QUẢ",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 5; Phụ lục I, Phần I, Mục II.5.a",
    },
    Rule {
        code: "TTL003",
        name: "cong-van-missing-vv",
        severity: Severity::Error,
        summary_vi: "Công văn thiếu trích yếu “V/v”",
        summary_en: "công văn without a V/v subject",
        hint_vi: "Thêm dòng “V/v …” dưới số, ký hiệu của công văn.",
        hint_en: "Add a `V/v …` line under the công văn's number.",
        what: "Finds a công văn (a number without a type code and no type name) with no `V/v` subject.",
        why: "A công văn has no type name; its subject after `V/v` is the only line that says what it is about.",
        example: "Số: 456/SNV-TCBC\n\nKính gửi: Sở Tư pháp",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.5.b; Phụ lục III, Mẫu 1.5",
    },
    Rule {
        code: "TTL004",
        name: "working-note",
        severity: Severity::Info,
        summary_vi: "Ghi chú làm việc, không phải văn bản hành chính",
        summary_en: "working note, not an administrative document",
        hint_vi: "Nếu đây là văn bản sẽ ban hành, trình bày đủ thể thức: tên cơ quan, Quốc hiệu và Tiêu ngữ, số và ký hiệu, địa danh và ngày, tên loại và trích yếu, chữ ký, nơi nhận.",
        hint_en: "If this is to be issued, lay it out in full: issuing body, national title and motto, number, place and date, type name and subject, signature, recipients.",
        what: "Says once that a text with no type name, none of the header's parts (national title, motto, number, place and date; a heading in capitals may stand at the top) and no signature or `Nơi nhận:` is a working note (a giải trình, a memo, a page of remarks) rather than an issued document, instead of a finding for every part it lacks. Its body, citations and blanks are still checked.",
        why: "Drafting notes and explanations sent inside an office have no prescribed form; eight \"missing\" errors would blame them for a form they never had.",
        example: "GIẢI TRÌNH BỔ SUNG THEO CHỈ ĐẠO\nCỦA PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nThực hiện ý kiến chỉ đạo, chuyên viên đã rà soát lại quy định…\nKính trình lãnh đạo xem xét, quyết định./.\n                                   Chuyên viên: Trần Thị Bình",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 7 (các loại văn bản hành chính), Điều 8 (thành phần thể thức)",
    },
    Rule {
        code: "BOD001",
        name: "numbering-gap",
        severity: Severity::Error,
        summary_vi: "Đánh số đề mục bị nhảy cóc",
        summary_en: "numbering gap",
        hint_vi: "Đánh số lại các đề mục liên tiếp, hoặc bổ sung đề mục còn thiếu.",
        hint_en: "Renumber the headings consecutively, or add the missing one.",
        what: "Finds a heading whose number skips one or more values after its previous sibling (I, II, IV), or a first heading that does not start at 1.",
        why: "A gap usually means a part was deleted or a heading was mistyped; readers and cross-references rely on the sequence.",
        example: "I. KẾT QUẢ\n…\nII. HẠN CHẾ\n…\nIV. NHIỆM VỤ",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6 (bố cục: phần, mục, khoản, điểm theo thứ tự)",
    },
    Rule {
        code: "BOD002",
        name: "duplicate-number",
        severity: Severity::Error,
        summary_vi: "Số đề mục bị trùng",
        summary_en: "duplicate heading number",
        hint_vi: "Đánh số lại để mỗi đề mục cùng cấp có một số riêng.",
        hint_en: "Renumber so that each heading of a level has its own number.",
        what: "Finds a heading with the same number as its previous sibling (II, II).",
        why: "Two headings with one number make every reference to that number ambiguous.",
        example: "I. KẾT QUẢ\n…\nII. HẠN CHẾ\n…\nII. NHIỆM VỤ",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6",
    },
    Rule {
        code: "BOD003",
        name: "numbering-out-of-order",
        severity: Severity::Error,
        summary_vi: "Số đề mục không theo thứ tự",
        summary_en: "heading numbers out of order",
        hint_vi: "Sắp xếp lại hoặc đánh số lại các đề mục theo thứ tự tăng dần.",
        hint_en: "Reorder or renumber the headings in increasing order.",
        what: "Finds a heading whose number is lower than its previous sibling's (III after IV).",
        why: "Content is divided from large to small in order; a backward step means a misplaced or mistyped heading.",
        example: "I. KẾT QUẢ\n…\nIII. HẠN CHẾ\n…\nII. NHIỆM VỤ",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6",
    },
    Rule {
        code: "BOD004",
        name: "mixed-numbering-styles",
        severity: Severity::Warning,
        summary_vi: "Cùng một cấp đề mục dùng nhiều kiểu đánh số",
        summary_en: "mixed numbering styles at one level",
        hint_vi: "Dùng một kiểu đánh số cho cả cấp (ví dụ “I.” hoặc “I-”, không lẫn lộn).",
        hint_en: "Use one numbering style for the whole level (e.g. `I.` or `I-`, not both).",
        what: "Finds headings of one level written in two styles (`I.` then `II-`, `1.` then `2-`).",
        why: "The level of a heading is read from its style; a mixed style makes a sibling look like a child.",
        example: "I. TÌNH HÌNH\n…\nII- KẾT QUẢ\n…",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6",
    },
    Rule {
        code: "BOD005",
        name: "empty-section",
        severity: Severity::Warning,
        summary_vi: "Đề mục không có nội dung",
        summary_en: "numbered heading with no content",
        hint_vi: "Viết nội dung cho đề mục hoặc bỏ đề mục.",
        hint_en: "Write the heading's content or remove the heading.",
        what: "Finds a numbered heading with no paragraph, table or subheading under it.",
        why: "An empty heading is usually a part of a template that was never written.",
        example: "I. KẾT QUẢ\n\nII. HẠN CHẾ\nCòn chậm.",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6",
    },
    Rule {
        code: "BOD006",
        name: "untitled-division",
        severity: Severity::Error,
        summary_vi: "Phần, chương, mục hoặc điều không có tiêu đề",
        summary_en: "Phần, Chương, Mục or Điều without a title",
        hint_vi: "Thêm tiêu đề: cùng dòng với “Điều N.”, hoặc dòng viết hoa ngay dưới “Phần”, “Chương”, “Mục”.",
        hint_en: "Add a title: on the `Điều N.` line, or in capitals on the line under `Phần`, `Chương`, `Mục`.",
        what: "Finds a Phần, Chương, Mục, Tiểu mục or Điều heading with no title.",
        why: "The decree requires every part, chapter, section, subsection and article to have a title.",
        example: "Chương I\n\nĐiều 1.\nNội dung.",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6 (phần, chương, mục, tiểu mục, điều phải có tiêu đề)",
    },
    Rule {
        code: "BOD007",
        name: "missing-required-section",
        severity: Severity::Error,
        summary_vi: "Thiếu đề mục bắt buộc theo mẫu",
        summary_en: "required section missing",
        hint_vi: "Thêm đề mục theo mẫu của loại văn bản (xem hồ sơ kiểm tra đang dùng).",
        hint_en: "Add the section the template of this kind of document requires (see the profile in use).",
        what: "Finds a section that the profile requires (matched on its title, ignoring accents and case, with alternatives) and that the body lacks.",
        why: "Templates fix the parts a report or plan must cover; a missing part is the most common reason a report is sent back.",
        example: "(profile bao-cao-nam-dan-van-kheo)\nI. ĐẶC ĐIỂM TÌNH HÌNH\nII. CÔNG TÁC LÃNH, CHỈ ĐẠO\nIII. KẾT QUẢ THỰC HIỆN\nV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        reference: "The profile's template; Nghị định 30/2020/NĐ-CP, Phụ lục III (mẫu theo loại văn bản)",
    },
    Rule {
        code: "BOD008",
        name: "required-section-out-of-order",
        severity: Severity::Warning,
        summary_vi: "Đề mục bắt buộc không đúng thứ tự của mẫu",
        summary_en: "required section out of order",
        hint_vi: "Sắp xếp các đề mục theo thứ tự của mẫu.",
        hint_en: "Put the sections in the template's order.",
        what: "Finds required sections that are all present but in another order than the profile's.",
        why: "Templates fix the order as well as the parts, so that reports can be compiled side by side.",
        example: "(profile nd30-ke-hoach)\nI. NỘI DUNG\nII. MỤC ĐÍCH, YÊU CẦU\nIII. TỔ CHỨC THỰC HIỆN",
        reference: "The profile's template",
    },
    Rule {
        code: "BOD009",
        name: "missing-enacting-line",
        severity: Severity::Error,
        summary_vi: "Thiếu dòng “QUYẾT ĐỊNH:” trước các điều",
        summary_en: "enacting line missing",
        hint_vi: "Thêm dòng “QUYẾT ĐỊNH:” (hoặc “QUYẾT NGHỊ:”) căn giữa sau các căn cứ.",
        hint_en: "Add a centred `QUYẾT ĐỊNH:` (or `QUYẾT NGHỊ:`) line after the legal bases.",
        what: "Finds a decision-type document (when the profile requires it) with no enacting line before its articles.",
        why: "The enacting line separates the grounds from the operative articles in the decision templates.",
        example: "QUYẾT ĐỊNH\nVề việc …\nCăn cứ …;\n\nĐiều 1. …",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.2 và 1.3",
    },
    Rule {
        code: "BOD010",
        name: "missing-legal-basis",
        severity: Severity::Warning,
        summary_vi: "Thiếu căn cứ ban hành",
        summary_en: "legal basis missing",
        hint_vi: "Thêm các dòng “Căn cứ …;” nêu văn bản làm căn cứ ban hành.",
        hint_en: "Add `Căn cứ …;` lines naming the documents the decision rests on.",
        what: "Finds a document (when the profile requires it) with no `Căn cứ …` line in its preamble.",
        why: "A decision must show the legal grounds of the issuer's competence and of its content.",
        example: "QUYẾT ĐỊNH\nVề việc …\nQUYẾT ĐỊNH:\nĐiều 1. …",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.a; Phụ lục III, Mẫu 1.2",
    },
    Rule {
        code: "BOD011",
        name: "section-too-deep",
        severity: Severity::Warning,
        summary_vi: "Đề mục lồng quá sâu, được đọc như đoạn văn",
        summary_en: "heading nested too deep, read as text",
        hint_vi: "Giảm số cấp đề mục: văn bản hành chính dùng không quá sáu cấp (phần, chương, mục, điều, khoản, điểm).",
        hint_en: "Use fewer levels of headings: administrative documents use at most six (part, chapter, section, article, clause, point).",
        what: "Finds numbered lines that would open a heading deeper than the parser's depth limit (16 levels by default, `Options::max_section_depth`); the parser keeps them as paragraphs of the deepest heading, and the rule reports the first under each heading with their count.",
        why: "The layout of Nghị định 30/2020 has at most six levels; deeper numbering comes from a broken conversion or a hostile file, and a bounded tree keeps the output readable by every JSON reader.",
        example: "BÁO CÁO\nKết quả\n\n1. Nội dung\n1.1. Nội dung\n1.1.1. Nội dung\n1.1.1.1. Nội dung\n1.1.1.1.1. Nội dung\n1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1. Nội dung\n1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1. Nội dung",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6",
    },
    Rule {
        code: "APX001",
        name: "missing-required-appendix",
        severity: Severity::Error,
        summary_vi: "Thiếu phụ lục bắt buộc theo mẫu",
        summary_en: "required appendix missing",
        hint_vi: "Đính kèm phụ lục theo mẫu (xem hồ sơ kiểm tra đang dùng).",
        hint_en: "Attach the appendix the template requires (see the profile in use).",
        what: "Finds an appendix the profile requires (matched on its title) that the document lacks.",
        why: "Some templates require figures in a fixed appendix so that reports can be compiled.",
        example: "(profile requiring the appendix “Phụ lục số liệu”)\nBÁO CÁO\nVề kết quả năm 2023\n\nI. KẾT QUẢ\nĐã hoàn thành.",
        reference: "The profile's template; Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục III.1",
    },
    Rule {
        code: "CIT001",
        name: "citation-after-document-date",
        severity: Severity::Error,
        summary_vi: "Văn bản được dẫn có ngày sau ngày của văn bản này",
        summary_en: "cited document dated after this document",
        hint_vi: "Kiểm tra lại số, ngày của văn bản được dẫn hoặc ngày ban hành của văn bản này.",
        hint_en: "Check the number and date of the cited document, or this document's own date.",
        what: "Finds a citation whose date is later than the document's own date of issue.",
        why: "A document cannot rest on one issued after it; the date or the number is almost always mistyped.",
        example: "Hà Nội, ngày 05 tháng 3 năm 2021\n\nKẾ HOẠCH\n…\nThực hiện Thông tư số 10/2021/TT-BNV ngày 18/7/2021 …",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.a (căn cứ, dẫn chiếu văn bản)",
    },
    Rule {
        code: "CIT002",
        name: "citation-impossible-date",
        severity: Severity::Error,
        summary_vi: "Ngày của văn bản được dẫn không tồn tại",
        summary_en: "cited date does not exist",
        hint_vi: "Sửa ngày của văn bản được dẫn cho đúng.",
        hint_en: "Correct the cited document's date.",
        what: "Finds a citation whose date does not exist (`ngày 31/02/2021`).",
        why: "An impossible date makes the citation unverifiable.",
        example: "Quyết định số 12/QĐ-UBND ngày 31/02/2021",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.a",
    },
    Rule {
        code: "CIT003",
        name: "citation-kind-mismatch",
        severity: Severity::Error,
        summary_vi: "Tên loại của văn bản được dẫn không khớp với ký hiệu",
        summary_en: "cited kind does not match its type code",
        hint_vi: "Sửa tên loại hoặc ký hiệu của văn bản được dẫn cho khớp nhau.",
        hint_en: "Make the cited kind and its type code agree.",
        what: "Finds a citation whose kind word names another type than its number's code (`Quyết định số 12/KH-UBND`), and a công văn cited with another type's code (`Công văn số 02/BC-LĐQV` numbers a báo cáo: a công văn's number has no type code). A symbol of before 2004 that puts the issuer first (`999-TC/QĐ-CĐKT`) fits when the code stands among its later groups.",
        why: "Either the kind or the symbol is wrong, and the cited document cannot be found as written.",
        example: "Thực hiện Quyết định số 12/KH-UBND ngày 05/3/2021 …",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục III (bảng chữ viết tắt)",
    },
    Rule {
        code: "CIT004",
        name: "citation-missing-date",
        severity: Severity::Warning,
        summary_vi: "Lần dẫn đầu tiên thiếu ngày ban hành",
        summary_en: "first mention without its date",
        hint_vi: "Ở lần dẫn đầu tiên, ghi đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu; các lần sau có thể ghi gọn.",
        hint_en: "At the first mention give type, number, symbol, date, issuer and subject; later mentions may be short.",
        what: "Finds the first mention of a numbered document that gives no date.",
        why: "The decree asks the first mention of a document to be complete; later mentions may give only type and number.",
        example: "… thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương …",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.a",
    },
    Rule {
        code: "SIG001",
        name: "missing-signature",
        severity: Severity::Error,
        summary_vi: "Thiếu chức vụ, họ tên người ký",
        summary_en: "signature block missing",
        hint_vi: "Thêm khối chữ ký: quyền hạn (TM., KT., …), chức vụ và họ tên người ký.",
        hint_en: "Add the signature block: authority (TM., KT., …), position and the signer's name.",
        what: "Finds a document with no signature block.",
        why: "Position, name and signature of the competent person are a main component.",
        example: "Trên đây là báo cáo …./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 7; Phụ lục I, Phần I, Mục II.7",
    },
    Rule {
        code: "SIG002",
        name: "missing-signer-name",
        severity: Severity::Error,
        summary_vi: "Khối chữ ký thiếu họ tên người ký",
        summary_en: "signer's name missing",
        hint_vi: "Ghi họ tên người ký dưới chức vụ.",
        hint_en: "Write the signer's name under the position.",
        what: "Finds a signature block with a position but no name.",
        why: "The name of the signer is part of the signature component.",
        example: "Trên đây là báo cáo …./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.7",
    },
    Rule {
        code: "SIG003",
        name: "state-prefix-in-party-document",
        severity: Severity::Error,
        summary_vi: "Văn bản của Đảng dùng quyền hạn ký của văn bản hành chính",
        summary_en: "state signing prefix in a Party document",
        hint_vi: "Văn bản của Đảng dùng T/M, K/T, T/L (gạch chéo), không dùng TM., KT., TL.",
        hint_en: "Party documents use T/M, K/T, T/L (slash), not TM., KT., TL.",
        what: "Finds a state signing prefix (`KT.`, `TM.`, `TL.`) in a Party document.",
        why: "Party and state documents follow different rules; the prefix shows which one the signer follows.",
        example: "ĐẢNG CỘNG SẢN VIỆT NAM\n…\nKT. BÍ THƯ",
        reference: "Hướng dẫn 36-HD/VPTW (2018), điểm 1.7.1",
    },
    Rule {
        code: "SIG004",
        name: "party-prefix-in-state-document",
        severity: Severity::Error,
        summary_vi: "Văn bản hành chính dùng quyền hạn ký của văn bản Đảng",
        summary_en: "Party signing prefix in a state document",
        hint_vi: "Văn bản hành chính dùng TM., KT., TL., TUQ., Q. (dấu chấm), không dùng T/M, K/T, T/L.",
        hint_en: "State documents use TM., KT., TL., TUQ., Q. (full stop), not T/M, K/T, T/L.",
        what: "Finds a Party signing prefix (`K/T`, `T/M`, `T/L`) in a state document.",
        why: "Nghị định 30/2020 lists the state prefixes; the slash forms belong to Party documents.",
        example: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n…\nK/T GIÁM ĐỐC",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 13; Phụ lục I, Phần I, Mục II.7",
    },
    Rule {
        code: "RCP001",
        name: "missing-recipients",
        severity: Severity::Error,
        summary_vi: "Thiếu nơi nhận",
        summary_en: "recipients missing",
        hint_vi: "Thêm khối “Nơi nhận:” ở góc dưới bên trái, mỗi nơi một dòng, dòng cuối “- Lưu: VT, …”.",
        hint_en: "Add a `Nơi nhận:` block at the bottom left, one recipient a line, ending with `- Lưu: VT, …`.",
        what: "Finds a document with no `Nơi nhận:` block.",
        why: "Recipients are a main component; they say who must act on the document and where it is archived.",
        example: "Trên đây là báo cáo …./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn A",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 9; Phụ lục I, Phần I, Mục II.9",
    },
    Rule {
        code: "RCP002",
        name: "missing-archive-line",
        severity: Severity::Error,
        summary_vi: "Nơi nhận thiếu dòng “Lưu: VT, …”",
        summary_en: "archive line missing",
        hint_vi: "Thêm dòng cuối “- Lưu: VT, <đơn vị soạn thảo>.” vào nơi nhận.",
        hint_en: "End the recipients with `- Lưu: VT, <drafting unit>.`.",
        what: "Finds a `Nơi nhận:` block that does not end with the archive line.",
        why: "The archive line records the copy kept by the records office and the drafting unit.",
        example: "Nơi nhận:\n- Như trên;\n- UBND tỉnh.",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.9.b",
    },
    Rule {
        code: "RCP003",
        name: "missing-addressee",
        severity: Severity::Warning,
        summary_vi: "Thiếu “Kính gửi”",
        summary_en: "`Kính gửi` missing",
        hint_vi: "Thêm dòng “Kính gửi: …” dưới trích yếu (công văn, tờ trình, báo cáo gửi cấp trên).",
        hint_en: "Add a `Kính gửi: …` line under the subject (công văn, tờ trình, reports sent upward).",
        what: "Finds a document that the profile expects to be addressed (công văn, tờ trình) with no `Kính gửi:` line.",
        why: "A công văn and a tờ trình are addressed to a body; the `Kính gửi` block names it.",
        example: "TỜ TRÌNH\nVề việc …\n\nI. SỰ CẦN THIẾT",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.9.a; Phụ lục III, Mẫu 1.5",
    },
    Rule {
        code: "PLH001",
        name: "unfilled-placeholder",
        severity: Severity::Warning,
        summary_vi: "Còn chỗ trống của mẫu chưa điền",
        summary_en: "unfilled template placeholder",
        hint_vi: "Điền số liệu vào chỗ “...”, hoặc bỏ câu nếu không có số liệu.",
        hint_en: "Fill in the `...` blanks, or drop the sentence when there is no figure.",
        what: "Finds blanks left from a template (`...`, `…`, `(ước đạt ... tỷ đồng)`, `..%`) anywhere, appendix tables included; an ellipsis closing a list of words is not one.",
        why: "A document sent with blanks is incomplete; in figures tables a blank reads as missing data.",
        example: "- Thu ngân sách (ước đạt ... tỷ đồng), tăng …% so với cùng kỳ.",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 (nội dung văn bản); Phụ lục III (chỗ trống của mẫu)",
    },
    Rule {
        code: "PLH002",
        name: "blank-form",
        severity: Severity::Info,
        summary_vi: "Mẫu để điền, các chỗ trống là của mẫu",
        summary_en: "a form to fill in",
        hint_vi: "Nếu đây là văn bản sẽ ban hành chứ không phải mẫu, điền các chỗ trống trước khi gửi.",
        hint_en: "If this is a document to send rather than a form, fill in its blanks first.",
        what: "Says once that a document, or one of its appendices or attachments, is a form: at least ten of its lines hold blanks and they are at least a quarter of its lines (`Họ và tên: ………`, `Địa chỉ: ………`, or empty fields in a row: `Địa chỉ trụ sở chính:` with nothing after the colon), or it stands under a form's label (`Mẫu số 1a`, `MẪU SỐ 01-BCN` up to the next label or the end; a text whose first line is a form's code, `B1-2-TMDA`). Its blanks are the form's, left for whoever fills it in, so PLH001 does not report them one by one, and its numbered fields left empty (`3. Mã số:`) are no empty headings (BOD005). A text that is a form as a whole (an application, a company's notice, a project form saved on its own) is asked for no part: its number, date, type name and signature are blanks too.",
        why: "A form is made of blanks: a warning on each of them would bury the findings that matter under dozens that do not.",
        example: "TỜ KHAI ĐĂNG KÝ\nHọ và tên: ……………………\nNgày sinh: ……………………\nNơi sinh: ……………………\nQuê quán: ……………………\nDân tộc: ……………………\nTôn giáo: ……………………\nSố định danh: ……………………\nNơi cư trú: ……………………\nNghề nghiệp: ……………………\nNơi làm việc: ……………………\nSố điện thoại: ……………………\nTôi cam đoan những lời khai trên là đúng sự thật.",
        reference: "Nghị định 30/2020/NĐ-CP, Phụ lục III (mẫu văn bản; chỗ trống của mẫu)",
    },
    Rule {
        code: "UNR001",
        name: "unrecognized-text",
        severity: Severity::Info,
        summary_vi: "Đoạn văn bản không nhận diện được",
        summary_en: "unrecognized text",
        hint_vi: "Kiểm tra vị trí của đoạn này; nếu là một phần của văn bản, trình bày lại theo đúng thể thức.",
        hint_en: "Check where this text belongs; if it is part of the document, lay it out as the format asks.",
        what: "Reports text that the parser kept but could not place in any component.",
        why: "Misplaced text is often a header part or a signature that lost its layout in conversion.",
        example: "Trên đây là báo cáo …./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn A\n\nTrang 2/3\n\nPhụ lục\nSỐ LIỆU NĂM 2023",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 (thành phần thể thức)",
    },
    Rule {
        code: "TXT001",
        name: "damaged-text",
        severity: Severity::Warning,
        summary_vi: "Bản văn bản bị hỏng, không kiểm tra đầy đủ được",
        summary_en: "damaged copy",
        hint_vi: "Lấy lại bản gốc hoặc một bản trích xuất đúng (đủ dấu tiếng Việt, đúng bảng mã Unicode, đủ các trang) rồi kiểm tra lại.",
        hint_en: "Get the original or a faithful extraction (Vietnamese diacritics, Unicode, every page) and check it again.",
        what: "Says once that the copy is damaged instead of reporting the parts it seems to lack: a legacy font encoding read as Unicode (`CØNG HÒA`), an OCR layer without Vietnamese (`THONG BAO`), a text that holds only page headers and page numbers, or a body that stops with no `./.`, signature or `Nơi nhận:` after it. An unreadable copy gets only this finding; a cut-off one gets it instead of the missing signature and recipients.",
        why: "The parts of a damaged copy cannot be judged: a dozen \"missing\" findings would blame the document for what the copy lost.",
        example: "UY BAN NHAN DAN TINH LAM DONG\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nSo: 493/TB-UBND\nLam Dong, ngay 13 thang 11 nam 2025\nTHONG BAO\nKet luan cua Pho Chu tich Uy ban nhan dan tinh tai buoi lam viec ve cac chi so cai cach hanh chinh\nNgay 07 thang 11 nam 2025, Pho Chu tich Uy ban nhan dan tinh chu tri buoi lam viec voi cac so, nganh ve cac chi so.",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 8 (thành phần thể thức); Điều 25–26 (bản sao đúng với bản gốc)",
    },
    Rule {
        code: "TXT002",
        name: "review-marks",
        severity: Severity::Warning,
        summary_vi: "Tệp còn dấu vết duyệt sửa (thay đổi được theo dõi, nhận xét)",
        summary_en: "tracked changes or comments left in the file",
        hint_vi: "Trong Word, chọn Xem lại (Review) → Chấp nhận (Accept) hoặc Từ chối (Reject) từng thay đổi và Xóa (Delete) các nhận xét, tắt Theo dõi thay đổi (Track Changes), lưu tệp rồi kiểm tra lại.",
        hint_en: "In Word, use Review → Accept or Reject on every change and Delete the comments, turn Track Changes off, save the file and check it again.",
        what: "Says once, at the first line that holds one, that a Word (`.docx`, `.doc`) or RTF file still holds the marks of a review: changes nobody accepted or rejected, text deleted (`w:del`, `sprmCFRMarkDel`, `\\deleted`) and text inserted (`w:ins`, `sprmCFRMarkIns`, `\\revised`), moves included, and comments (`w:commentReference`, the `0x05` reference of a `.doc`, `\\chatn`). It gives the characters deleted and inserted, the comments and the lines. The text is read as if the changes were accepted: deleted text is left out, inserted text is read, the comments' text is not the document's; `source.review_marks` holds the counts and the lines.",
        why: "Whoever opens the file sees the deleted words struck through beside the text and the reviewers' comments in the margin: such a file is a draft whose wording is not settled, not a text to sign, send or archive as issued.",
        example: "(review marks on lines 2)\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 12/BC-UBND",
        reference: "Nghị định 30/2020/NĐ-CP, Điều 11 (duyệt bản thảo, sửa chữa bản thảo đã duyệt), Điều 12 (kiểm tra văn bản trước khi ký ban hành)",
    },
];

/// Renders the registry as the Markdown of `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str("# Rules\n\n");
    out.push_str("<!-- Generated from src/validate/registry.rs; `UPDATE_DOCS=1 cargo test --test validate` rewrites it. -->\n\n");
    out.push_str("Every rule of `vanban validate`, with its stable code, its name, its default severity and the clause it comes from.\n");
    out.push_str(
        "Profiles (`schemas/profiles/`) may change a severity or turn a rule off (`\"off\"`).\n",
    );
    let _ = writeln!(
        out,
        "Sources: {ND30} (state documents) and Hướng dẫn 36-HD/VPTW (Party documents).\n"
    );
    out.push_str("| code | name | severity | summary |\n|---|---|---|---|\n");
    for r in RULES {
        let _ = writeln!(
            out,
            "| [{code}](#{anchor}) | `{name}` | {sev} | {vi} ({en}) |",
            code = r.code,
            anchor = r.code.to_lowercase(),
            name = r.name,
            sev = r.severity.as_str(),
            vi = r.summary_vi,
            en = r.summary_en.replace('|', "\\|"),
        );
    }
    for r in RULES {
        let _ = write!(
            out,
            "\n## {code}\n\n`{name}` · default severity: {sev}\n\n\
             **{vi}** ({en})\n\n\
             **What it finds.** {what}\n\n\
             **Why.** {why}\n\n\
             **Example.**\n\n```text\n{example}\n```\n\n\
             **Fix.** {hint_en}\n\n\
             **Sửa.** {hint_vi}\n\n\
             **Reference.** {reference}\n",
            code = r.code,
            name = r.name,
            sev = r.severity.as_str(),
            vi = r.summary_vi,
            en = r.summary_en,
            what = r.what,
            why = r.why,
            example = r.example,
            hint_en = r.hint_en,
            hint_vi = r.hint_vi,
            reference = r.reference,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                r.code.len() == 6 && r.code[3..].chars().all(|c| c.is_ascii_digit()),
                "{}: a code is three letters and three digits",
                r.code
            );
            assert!(
                r.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}: names are kebab-case",
                r.name
            );
            for other in &RULES[i + 1..] {
                assert_ne!(r.code, other.code, "codes are unique");
                assert_ne!(r.name, other.name, "names are unique");
            }
        }
        assert!(
            RULES
                .windows(2)
                .all(|w| w[0].code < w[1].code || w[0].code[..3] != w[1].code[..3]),
            "codes are in order within a family"
        );
    }

    #[test]
    fn lookup_by_code_and_name() {
        assert_eq!(
            rule("HDR001").map(|r| r.name),
            Some("missing-national-title")
        );
        assert_eq!(rule("numbering-gap").map(|r| r.code), Some("BOD001"));
        assert!(rule("XYZ999").is_none());
    }
}
