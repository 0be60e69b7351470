//! What a rule found, as data; every message is rendered here and nowhere else.
//!
//! Each variant names one problem and carries the values its message needs. [`Kind::code`] ties
//! it to a row of the registry, and [`Kind::message`] renders it in Vietnamese (with the rule's
//! English summary as a gloss) or in English.

use super::Lang;
use super::damage::Damage;
use super::registry::{self, Rule};
use crate::grammar::{DateError, Part};

/// A blank part of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The day.
    Day,
    /// The month.
    Month,
    /// The year.
    Year,
}

impl DatePart {
    fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Day, Lang::Vi) => "ngày",
            (Self::Month, Lang::Vi) => "tháng",
            (Self::Year, Lang::Vi) => "năm",
            (Self::Day, Lang::En) => "day",
            (Self::Month, Lang::En) => "month",
            (Self::Year, Lang::En) => "year",
        }
    }
}

/// One kind of finding with its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// HDR001.
    MissingNationalTitle,
    /// HDR002.
    MissingMotto,
    /// HDR003.
    MissingPartyTitle,
    /// HDR004.
    MissingIssuer,
    /// HDR005.
    MissingNumber,
    /// HDR006.
    UnnumberedDraft {
        /// The number line as written.
        text: String,
    },
    /// HDR007.
    TypeCodeMismatch {
        /// Code in the number.
        code: String,
        /// Type name in the title.
        title_type: String,
        /// Code the title's type takes.
        expected: String,
    },
    /// HDR008.
    UnknownTypeCode {
        /// First group of the symbol.
        group: String,
        /// Type name in the title.
        title_type: String,
        /// Code the title's type takes.
        expected: String,
    },
    /// HDR009.
    NumberMissingLeadingZero {
        /// The number as written.
        number: String,
    },
    /// HDR010, no place-and-date line.
    MissingPlaceDate,
    /// HDR010, a date without a place name.
    MissingPlace,
    /// HDR011.
    BlankDate {
        /// Which parts are blank.
        parts: Vec<DatePart>,
    },
    /// HDR012.
    ImpossibleDate {
        /// The date as written (`31/02/2021`).
        date: String,
        /// What the calendar says against it.
        error: DateError,
    },
    /// HDR013.
    DateMissingLeadingZero {
        /// Day or month.
        part: DatePart,
        /// As written (`5`).
        written: String,
    },
    /// HDR014.
    MonthWithLeadingZero {
        /// As written (`03`).
        written: String,
    },
    /// TTL001.
    MissingTitle,
    /// TTL002.
    MissingSubject {
        /// Type name.
        type_name: String,
    },
    /// TTL003.
    CongVanMissingVv,
    /// TTL004.
    WorkingNote,
    /// BOD001.
    NumberingGap {
        /// Label found.
        found: String,
        /// Label expected at this place.
        expected: String,
    },
    /// BOD002.
    DuplicateNumber {
        /// The repeated label.
        label: String,
        /// Line of the first heading with it.
        first_line: usize,
    },
    /// BOD003.
    NumberingOutOfOrder {
        /// Label found.
        found: String,
        /// Label of the previous sibling.
        previous: String,
    },
    /// BOD004.
    MixedNumberingStyles {
        /// The heading's label as styled (`II-`).
        found: String,
        /// The style of its level (`I.`).
        level: String,
    },
    /// BOD005.
    EmptySection {
        /// The heading's label.
        label: String,
    },
    /// BOD006.
    UntitledDivision {
        /// The heading's label.
        label: String,
    },
    /// BOD007.
    MissingSection {
        /// Name of the section in the profile.
        name: String,
        /// Label it should have, when the profile says.
        label: Option<String>,
        /// Heading it should follow.
        after: Option<String>,
        /// Line before which it was expected.
        before_line: Option<usize>,
    },
    /// BOD008.
    SectionOutOfOrder {
        /// Name of the section in the profile.
        name: String,
        /// Name of the section it should follow.
        after: String,
    },
    /// BOD009.
    MissingEnactingLine,
    /// BOD010.
    MissingLegalBasis,
    /// BOD011.
    SectionTooDeep {
        /// The first label read as text.
        label: String,
        /// The heading whose text it became.
        parent: String,
        /// The depth limit, in levels.
        depth: usize,
        /// How many more labels under the same heading were read as text.
        more: usize,
    },
    /// APX001.
    MissingAppendix {
        /// Name of the appendix in the profile.
        name: String,
    },
    /// CIT001.
    CitationAfterDocument {
        /// Cited document.
        id: String,
        /// Its date, `dd/mm/yyyy`.
        cited: String,
        /// This document's date.
        own: String,
    },
    /// CIT002.
    CitationImpossibleDate {
        /// Cited document.
        id: String,
        /// The date as written.
        written: String,
        /// What the calendar says against it.
        error: DateError,
    },
    /// CIT003.
    CitationKindMismatch {
        /// Kind word as written, lower case.
        kind: String,
        /// Code in the number.
        code: String,
        /// Code the kind takes; `None` for a công văn, whose number carries no type code.
        expected: Option<String>,
    },
    /// CIT004.
    CitationMissingDate {
        /// Cited document.
        id: String,
    },
    /// SIG001.
    MissingSignature,
    /// SIG002.
    MissingSignerName,
    /// SIG003.
    StatePrefixInParty {
        /// Prefix as written.
        prefix: String,
        /// Party form.
        party: String,
    },
    /// SIG004.
    PartyPrefixInState {
        /// Prefix as written.
        prefix: String,
        /// State form.
        state: String,
    },
    /// RCP001.
    MissingRecipients,
    /// RCP002.
    MissingArchiveLine,
    /// RCP003.
    MissingAddressee {
        /// Type of the document.
        type_name: String,
    },
    /// PLH001.
    UnfilledPlaceholder {
        /// Blanks on the line.
        count: usize,
        /// Text around the first one.
        sample: String,
    },
    /// PLH002.
    BlankForm {
        /// Blanks in the form.
        count: usize,
        /// Lines that hold them.
        lines: usize,
        /// Its last line.
        end_line: usize,
    },
    /// UNR001.
    UnrecognizedText {
        /// The text, shortened.
        text: String,
    },
    /// TXT001.
    DamagedText {
        /// How.
        damage: Damage,
    },
    /// TXT002.
    ReviewMarks {
        /// Characters deleted in tracked changes.
        deleted: usize,
        /// Characters inserted in tracked changes.
        inserted: usize,
        /// Comments.
        comments: usize,
        /// The lines that hold them, listed (`3, 17, …`).
        lines: String,
    },
}

impl Kind {
    /// Code of the rule this finding belongs to.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingNationalTitle => "HDR001",
            Self::MissingMotto => "HDR002",
            Self::MissingPartyTitle => "HDR003",
            Self::MissingIssuer => "HDR004",
            Self::MissingNumber => "HDR005",
            Self::UnnumberedDraft { .. } => "HDR006",
            Self::TypeCodeMismatch { .. } => "HDR007",
            Self::UnknownTypeCode { .. } => "HDR008",
            Self::NumberMissingLeadingZero { .. } => "HDR009",
            Self::MissingPlaceDate | Self::MissingPlace => "HDR010",
            Self::BlankDate { .. } => "HDR011",
            Self::ImpossibleDate { .. } => "HDR012",
            Self::DateMissingLeadingZero { .. } => "HDR013",
            Self::MonthWithLeadingZero { .. } => "HDR014",
            Self::MissingTitle => "TTL001",
            Self::MissingSubject { .. } => "TTL002",
            Self::CongVanMissingVv => "TTL003",
            Self::WorkingNote => "TTL004",
            Self::NumberingGap { .. } => "BOD001",
            Self::DuplicateNumber { .. } => "BOD002",
            Self::NumberingOutOfOrder { .. } => "BOD003",
            Self::MixedNumberingStyles { .. } => "BOD004",
            Self::EmptySection { .. } => "BOD005",
            Self::UntitledDivision { .. } => "BOD006",
            Self::MissingSection { .. } => "BOD007",
            Self::SectionOutOfOrder { .. } => "BOD008",
            Self::MissingEnactingLine => "BOD009",
            Self::MissingLegalBasis => "BOD010",
            Self::SectionTooDeep { .. } => "BOD011",
            Self::MissingAppendix { .. } => "APX001",
            Self::CitationAfterDocument { .. } => "CIT001",
            Self::CitationImpossibleDate { .. } => "CIT002",
            Self::CitationKindMismatch { .. } => "CIT003",
            Self::CitationMissingDate { .. } => "CIT004",
            Self::MissingSignature => "SIG001",
            Self::MissingSignerName => "SIG002",
            Self::StatePrefixInParty { .. } => "SIG003",
            Self::PartyPrefixInState { .. } => "SIG004",
            Self::MissingRecipients => "RCP001",
            Self::MissingArchiveLine => "RCP002",
            Self::MissingAddressee { .. } => "RCP003",
            Self::UnfilledPlaceholder { .. } => "PLH001",
            Self::BlankForm { .. } => "PLH002",
            Self::UnrecognizedText { .. } => "UNR001",
            Self::DamagedText { .. } => "TXT001",
            Self::ReviewMarks { .. } => "TXT002",
        }
    }

    /// The registry row of this finding's rule.
    pub fn rule(&self) -> &'static Rule {
        // Every code returned by `code` is in the registry (tested below), so the fallback to the
        // last rule is never taken; it only keeps this function total.
        registry::rule(self.code()).unwrap_or(&registry::RULES[registry::RULES.len() - 1])
    }

    /// The message in `lang`. Vietnamese messages end with the rule's English summary as a gloss.
    pub fn message(&self, lang: Lang) -> String {
        let (vi, en) = self.texts();
        match lang {
            Lang::Vi => format!("{vi} ({})", self.rule().summary_en),
            Lang::En => en,
        }
    }

    /// The Vietnamese and English texts.
    fn texts(&self) -> (String, String) {
        let s = |vi: &str, en: &str| (vi.to_owned(), en.to_owned());
        match self {
            Self::MissingNationalTitle => s(
                "Thiếu Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”",
                "The national title `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` is missing",
            ),
            Self::MissingMotto => s(
                "Thiếu Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”",
                "The motto `Độc lập - Tự do - Hạnh phúc` is missing",
            ),
            Self::MissingPartyTitle => s(
                "Thiếu tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”",
                "The Party title `ĐẢNG CỘNG SẢN VIỆT NAM` is missing",
            ),
            Self::MissingIssuer => s(
                "Thiếu tên cơ quan, tổ chức ban hành văn bản",
                "The issuing body is missing from the header",
            ),
            Self::MissingNumber => s(
                "Thiếu dòng số, ký hiệu văn bản (“Số: …”)",
                "The number line (`Số: …`) is missing",
            ),
            Self::UnnumberedDraft { text } => (
                format!("Văn bản chưa có số: “{text}” (dự thảo)"),
                format!("The document has no number yet: `{text}` (a draft)"),
            ),
            Self::TypeCodeMismatch {
                code,
                title_type,
                expected,
            } => (
                format!(
                    "Ký hiệu “{code}” không khớp với tên loại {title_type} (phải là “{expected}”)"
                ),
                format!(
                    "The type code `{code}` does not match the title {title_type} (expected `{expected}`)"
                ),
            ),
            Self::UnknownTypeCode {
                group,
                title_type,
                expected,
            } => (
                format!(
                    "“{group}” không phải chữ viết tắt tên loại văn bản; {title_type} viết tắt là “{expected}”"
                ),
                format!("`{group}` is not a type code; {title_type} is abbreviated `{expected}`"),
            ),
            Self::NumberMissingLeadingZero { number } => (
                format!("Số “{number}” dưới 10 phải viết “0{number}”"),
                format!("The number `{number}` is below 10 and takes a leading zero: `0{number}`"),
            ),
            Self::MissingPlaceDate => s(
                "Thiếu địa danh và thời gian ban hành (“<Địa danh>, ngày … tháng … năm …”)",
                "The place and date line (`<Place>, ngày … tháng … năm …`) is missing",
            ),
            Self::MissingPlace => s(
                "Dòng thời gian ban hành thiếu địa danh",
                "The date line has no place name",
            ),
            Self::BlankDate { parts } => {
                let list = |lang| {
                    parts
                        .iter()
                        .map(|p| p.word(lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                (
                    format!("Thời gian ban hành còn để trống: {}", list(Lang::Vi)),
                    format!("The date of issue is left blank: {}", list(Lang::En)),
                )
            }
            Self::ImpossibleDate { date, error } => (
                format!(
                    "Ngày ban hành {date} không tồn tại{}",
                    why(*error, Lang::Vi)
                ),
                format!(
                    "The date of issue {date} does not exist{}",
                    why(*error, Lang::En)
                ),
            ),
            Self::DateMissingLeadingZero { part, written } => (
                format!(
                    "{} “{written}” phải viết “0{written}”",
                    capitalized(part.word(Lang::Vi))
                ),
                format!(
                    "The {} `{written}` takes a leading zero: `0{written}`",
                    part.word(Lang::En)
                ),
            ),
            Self::MonthWithLeadingZero { written } => {
                let plain = written.trim_start_matches('0');
                (
                    format!("Tháng “{written}” nên viết “{plain}”"),
                    format!("The month `{written}` is written `{plain}`"),
                )
            }
            Self::MissingTitle => s(
                "Thiếu tên loại văn bản (BÁO CÁO, KẾ HOẠCH, …)",
                "The type name (BÁO CÁO, KẾ HOẠCH, …) is missing",
            ),
            Self::MissingSubject { type_name } => (
                format!("{type_name} thiếu trích yếu nội dung"),
                format!("{type_name} has no subject line"),
            ),
            Self::CongVanMissingVv => s(
                "Công văn thiếu trích yếu “V/v …”",
                "The công văn has no `V/v …` subject",
            ),
            Self::WorkingNote => s(
                "Không có phần đầu và tên loại: đây là ghi chú làm việc, không phải văn bản hành chính; chưa kiểm tra thể thức",
                "No header and no type name: a working note, not an administrative document; its form was not checked",
            ),
            Self::NumberingGap { found, expected } => (
                format!("Đề mục {found} đứng ở chỗ của {expected}: thiếu {expected}"),
                format!(
                    "Heading {found} stands where {expected} was expected: {expected} is missing"
                ),
            ),
            Self::DuplicateNumber { label, first_line } => (
                format!("Số đề mục {label} bị trùng (đã có ở dòng {first_line})"),
                format!("Heading number {label} is repeated (first on line {first_line})"),
            ),
            Self::NumberingOutOfOrder { found, previous } => (
                format!("Đề mục {found} đứng sau {previous}: sai thứ tự"),
                format!("Heading {found} comes after {previous}: out of order"),
            ),
            Self::MixedNumberingStyles { found, level } => (
                format!("Đề mục “{found}” khác kiểu đánh số của cấp này (“{level}”)"),
                format!("Heading `{found}` does not use this level's numbering style (`{level}`)"),
            ),
            Self::EmptySection { label } => (
                format!("Đề mục {label} không có nội dung"),
                format!("Heading {label} has no content"),
            ),
            Self::UntitledDivision { label } => (
                format!("{label} không có tiêu đề"),
                format!("{label} has no title"),
            ),
            Self::MissingSection {
                name,
                label,
                after,
                before_line,
            } => {
                let named_vi = match label {
                    Some(l) => format!("{l}. {name}"),
                    None => name.clone(),
                };
                let mut vi = format!("Thiếu đề mục “{named_vi}”");
                let mut en = format!("Required section `{named_vi}` is missing");
                match (after, before_line) {
                    (Some(a), Some(l)) => {
                        vi.push_str(&format!(", cần đặt sau “{a}”, trước dòng {l}"));
                        en.push_str(&format!("; expected after `{a}`, before line {l}"));
                    }
                    (Some(a), None) => {
                        vi.push_str(&format!(", cần đặt sau “{a}”"));
                        en.push_str(&format!("; expected after `{a}`"));
                    }
                    (None, Some(l)) => {
                        vi.push_str(&format!(", cần đặt trước dòng {l}"));
                        en.push_str(&format!("; expected before line {l}"));
                    }
                    (None, None) => {}
                }
                (vi, en)
            }
            Self::SectionOutOfOrder { name, after } => (
                format!("Đề mục “{name}” phải đứng sau “{after}” theo mẫu"),
                format!("Section `{name}` should come after `{after}` in the template's order"),
            ),
            Self::MissingEnactingLine => s(
                "Thiếu dòng “QUYẾT ĐỊNH:” trước các điều",
                "The enacting line `QUYẾT ĐỊNH:` is missing before the articles",
            ),
            Self::MissingLegalBasis => s(
                "Thiếu căn cứ ban hành (“Căn cứ …;”)",
                "No legal basis (`Căn cứ …;`) is given",
            ),
            Self::SectionTooDeep {
                label,
                parent,
                depth,
                more,
            } => {
                let (vi, en) = if *more > 0 {
                    (
                        format!(" (và {more} đề mục sâu hơn nữa)"),
                        format!(" (and {more} more below it)"),
                    )
                } else {
                    (String::new(), String::new())
                };
                (
                    format!(
                        "Đề mục {label} sâu quá {depth} cấp: được đọc như đoạn văn của đề mục \
                         {parent}{vi}"
                    ),
                    format!(
                        "Heading {label} is nested deeper than {depth} levels: read as text of \
                         heading {parent}{en}"
                    ),
                )
            }
            Self::MissingAppendix { name } => (
                format!("Thiếu phụ lục “{name}”"),
                format!("Required appendix `{name}` is missing"),
            ),
            Self::CitationAfterDocument { id, cited, own } => (
                format!("{id} ngày {cited} có sau ngày của văn bản này ({own})"),
                format!("{id} of {cited} is dated after this document ({own})"),
            ),
            Self::CitationImpossibleDate { id, written, error } => (
                format!(
                    "Ngày {written} của {id} không tồn tại{}",
                    why(*error, Lang::Vi)
                ),
                format!(
                    "The date {written} of {id} does not exist{}",
                    why(*error, Lang::En)
                ),
            ),
            Self::CitationKindMismatch {
                kind,
                code,
                expected: None,
            } => (
                format!(
                    "“{}” có ký hiệu “{code}”, mã tên loại của văn bản khác: số của {kind} không có mã tên loại",
                    capitalized(kind)
                ),
                format!(
                    "`{}` carries the code `{code}` of another type: a {kind}'s number has no type code",
                    capitalized(kind)
                ),
            ),
            Self::CitationKindMismatch {
                kind,
                code,
                expected: Some(expected),
            } => (
                format!(
                    "“{}” có ký hiệu “{code}”, trong khi {kind} viết tắt là “{expected}”",
                    capitalized(kind)
                ),
                format!(
                    "`{}` carries the code `{code}`, but {kind} is abbreviated `{expected}`",
                    capitalized(kind)
                ),
            ),
            Self::CitationMissingDate { id } => (
                format!("Lần dẫn đầu tiên của {id} thiếu ngày ban hành"),
                format!("The first mention of {id} gives no date"),
            ),
            Self::MissingSignature => s(
                "Thiếu quyền hạn, chức vụ, họ tên người ký",
                "The signature block (authority, position, name) is missing",
            ),
            Self::MissingSignerName => s(
                "Khối chữ ký thiếu họ tên người ký",
                "The signature block has no signer's name",
            ),
            Self::StatePrefixInParty { prefix, party } => (
                format!("Văn bản của Đảng dùng “{prefix}”; phải là “{party}”"),
                format!("A Party document signs `{prefix}`; the Party form is `{party}`"),
            ),
            Self::PartyPrefixInState { prefix, state } => (
                format!("Văn bản hành chính dùng “{prefix}”; phải là “{state}”"),
                format!("A state document signs `{prefix}`; the state form is `{state}`"),
            ),
            Self::MissingRecipients => s(
                "Thiếu nơi nhận (“Nơi nhận:”)",
                "The recipients block (`Nơi nhận:`) is missing",
            ),
            Self::MissingArchiveLine => s(
                "Nơi nhận thiếu dòng “- Lưu: VT, …”",
                "The recipients do not end with `- Lưu: VT, …`",
            ),
            Self::MissingAddressee { type_name } => (
                format!("{type_name} thiếu “Kính gửi: …”"),
                format!("{type_name} has no `Kính gửi: …` addressee"),
            ),
            Self::BlankForm {
                count,
                lines,
                end_line,
            } => (
                format!(
                    "Mẫu để điền: {count} chỗ trống trên {lines} dòng, đến dòng {end_line}; \
                     không báo từng chỗ"
                ),
                format!(
                    "A form to fill in: {count} blanks on {lines} lines, up to line {end_line}; \
                     not reported one by one"
                ),
            ),
            Self::UnfilledPlaceholder { count, sample } => {
                if *count == 1 {
                    (
                        format!("Chỗ trống chưa điền: “{sample}”"),
                        format!("Unfilled blank: `{sample}`"),
                    )
                } else {
                    (
                        format!("{count} chỗ trống chưa điền trên dòng này, như “{sample}”"),
                        format!("{count} unfilled blanks on this line, such as `{sample}`"),
                    )
                }
            }
            Self::UnrecognizedText { text } => (
                format!("Không nhận diện được: “{text}”"),
                format!("Not recognized: `{text}`"),
            ),
            Self::ReviewMarks {
                deleted,
                inserted,
                comments,
                lines,
            } => {
                let changed = *deleted > 0 || *inserted > 0;
                let (mut vi, mut en) = (Vec::new(), Vec::new());
                if changed {
                    vi.push(format!(
                        "thay đổi được theo dõi (Track Changes) chưa chấp nhận hay từ chối (xóa \
                         {deleted} ký tự, chèn {inserted} ký tự; văn bản được đọc như khi đã \
                         chấp nhận)"
                    ));
                    en.push(format!(
                        "tracked changes never accepted or rejected ({deleted} characters \
                         deleted, {inserted} inserted; the text was read as if they were \
                         accepted)"
                    ));
                }
                if *comments > 0 {
                    vi.push(format!("{comments} nhận xét (comment)"));
                    en.push(format!("{comments} comments"));
                }
                (
                    format!(
                        "Tệp còn dấu vết duyệt sửa ở dòng {lines}: {}",
                        vi.join("; ")
                    ),
                    format!(
                        "The file still holds review marks on lines {lines}: {}",
                        en.join("; ")
                    ),
                )
            }
            Self::DamagedText { damage } => match damage {
                Damage::Mojibake { sample } => (
                    format!(
                        "Văn bản bị lỗi phông chữ (bảng mã cũ đọc sai, như “{sample}”): không kiểm tra được thể thức"
                    ),
                    format!(
                        "The text is in a legacy font encoding read wrongly (`{sample}`): its format cannot be checked"
                    ),
                ),
                Damage::NoDiacritics { sample } => (
                    format!(
                        "Văn bản mất dấu tiếng Việt (lớp nhận dạng ký tự không hỗ trợ tiếng Việt, như “{sample}”): không kiểm tra được thể thức"
                    ),
                    format!(
                        "The text has lost its Vietnamese diacritics (an OCR layer without Vietnamese, `{sample}`): its format cannot be checked"
                    ),
                ),
                Damage::OnlyFurniture => s(
                    "Văn bản chỉ có tiêu đề trang và số trang (như “CÔNG BÁO/Số …”), không có nội dung: không kiểm tra được thể thức",
                    "The text holds only page headers and page numbers (such as `CÔNG BÁO/Số …`), not the document: its format cannot be checked",
                ),
                Damage::CutOff { line } => (
                    format!(
                        "Văn bản dừng ở dòng {line}, không có dấu “./.”, chữ ký hay nơi nhận sau đó: bản này có thể bị cắt"
                    ),
                    format!(
                        "The text stops at line {line} with no `./.`, signature or recipients after it: this copy looks cut off"
                    ),
                ),
            },
        }
    }
}

/// The text with its first letter in capitals.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Why a date is not in the calendar, as the end of a message: `: tháng 2 chỉ có 28 ngày`.
fn why(error: DateError, lang: Lang) -> String {
    match (error, lang) {
        (DateError::Month(m), Lang::Vi) => format!(": không có tháng {m}"),
        (DateError::Month(m), Lang::En) => format!(": there is no month {m}"),
        (DateError::Day { day: 0, .. }, Lang::Vi) => ": không có ngày 0".to_owned(),
        (DateError::Day { day: 0, .. }, Lang::En) => ": there is no day 0".to_owned(),
        (DateError::Day { month, days, .. }, Lang::Vi) if (1..=12).contains(&month) => {
            format!(": tháng {month} chỉ có {days} ngày")
        }
        (DateError::Day { month, days, .. }, Lang::En) if (1..=12).contains(&month) => {
            format!(": month {month} has {days} days")
        }
        (DateError::Width(Part::Year), Lang::Vi) => ": năm phải viết đủ bốn chữ số".to_owned(),
        (DateError::Width(Part::Year), Lang::En) => ": a year has four digits".to_owned(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_impossible_date_says_why() {
        assert_eq!(why(DateError::Month(13), Lang::Vi), ": không có tháng 13");
        assert_eq!(
            why(
                DateError::Day {
                    day: 31,
                    month: 4,
                    days: 30
                },
                Lang::Vi
            ),
            ": tháng 4 chỉ có 30 ngày"
        );
        assert_eq!(
            why(
                DateError::Day {
                    day: 29,
                    month: 2,
                    days: 28
                },
                Lang::En
            ),
            ": month 2 has 28 days"
        );
        assert_eq!(
            why(
                DateError::Day {
                    day: 0,
                    month: 5,
                    days: 31
                },
                Lang::En
            ),
            ": there is no day 0"
        );
    }

    #[test]
    fn vietnamese_messages_carry_an_english_gloss() {
        let k = Kind::NumberingGap {
            found: "IV".into(),
            expected: "III".into(),
        };
        assert_eq!(
            k.message(Lang::Vi),
            "Đề mục IV đứng ở chỗ của III: thiếu III (numbering gap)"
        );
        assert_eq!(
            k.message(Lang::En),
            "Heading IV stands where III was expected: III is missing"
        );
        assert_eq!(
            k.rule().code,
            "BOD001",
            "the kind's code is in the registry"
        );
    }
}
