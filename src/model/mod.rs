//! The document tree that `vanban::parse` produces and that the JSON output serializes.
//!
//! The tree is a plain value: no parent pointers, no caches, optional parts stay `Option`.
//! Every node that holds input text carries the 1-based `line` (and `end_line` when it may span
//! several lines) where it came from.
//! Which bytes of the input each node owns is recorded once, in [`Document::source_map`]:
//! every non-blank byte of the normalized input lies in exactly one entry, so nothing is lost.
//!
//! Field names and shapes are the JSON contract (`schemas/document.schema.json`); changing them
//! means bumping [`SCHEMA_VERSION`].

mod finding;
mod path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text::decode::Decoded;
pub use crate::text::decode::{EncodingUse, InputFormat, ReviewMarks};
pub use crate::text::normalize::Normalization;
pub use finding::{Finding, Severity};
pub use path::{NodePath, Pieces};

/// Where a node, or a part of one, was read: a byte range of the normalized input (the text
/// `vanban::normalize` gives), start inclusive, end exclusive.
///
/// Spans are for programs that hold the tree (the validator reports from them); they are not
/// written to the JSON, where the `source_map` gives every node's bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// Byte just after the last.
    pub end: usize,
}

impl Span {
    /// The span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True for the empty span of a node that was not read from the input.
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }
}

/// Version of the JSON shape; bumped on every incompatible change of the model.
pub const SCHEMA_VERSION: u32 = 1;

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Version of this JSON shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Where the text came from and what was done to it before parsing.
    pub source: SourceInfo,
    /// Which body of rules the document follows, detected from its header, number and signature.
    pub family: Family,
    /// The header: national title, motto, Party title, issuer, number, place and date, marks.
    pub header: Header,
    /// Type name and subject (trích yếu). Null when no title was found.
    pub title: Option<Title>,
    /// When the document is itself one issued by another (a Quy chế or Điều lệ saved on its
    /// own): the `(Ban hành kèm theo Quyết định số … ngày …)` line under its title. Such a
    /// document has no number, place and date, signature or recipients of its own.
    pub attached_to: Option<AttachedTo>,
    /// Addressees of the `Kính gửi:` block, in order.
    pub addressees: Vec<String>,
    /// Text between the title and the first numbered section: authority line, `Căn cứ …;`
    /// bases, `Theo đề nghị …`, the enacting line (`QUYẾT ĐỊNH:`), and introductory paragraphs.
    pub preamble: Vec<PreambleItem>,
    /// The body, as a tree built from the numbering (not from Markdown heading levels).
    pub sections: Vec<Section>,
    /// Closing paragraphs after the last section (`Trên đây là báo cáo …./.`).
    pub closing: Vec<Paragraph>,
    /// Line of the end marker `./.`, when present.
    pub end_marker: Option<usize>,
    /// Every reference to another document found anywhere in the text, in order of appearance.
    pub citations: Vec<Citation>,
    /// The signature block.
    pub signature: Option<Signature>,
    /// The `Nơi nhận:` list, without the archive line.
    pub recipients: Vec<Recipient>,
    /// The archive line `Lưu: VT, TC` as its parts (`["VT", "TC"]`).
    pub archive: Vec<String>,
    /// Appendices (`PHỤ LỤC …`), each with its headings and tables.
    pub appendices: Vec<Appendix>,
    /// Documents issued with this one and carried after its signature: the Quy chế, Quy định,
    /// Điều lệ, Kế hoạch, Chương trình or Đề án a Quyết định issues, a form letter a Công văn
    /// sends, each with its own title, body and, when repeated, header and signature.
    pub attachments: Vec<Attachment>,
    /// Footnote bodies (`1 Nghị quyết số 66-NQ/TW ngày 30/4/2025 …` at a page end), in order;
    /// their markers are glued to the text they annotate (`66-NQ/TW1`). Left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// Layout debris kept as found: rules (`___`), page numbers, gazette page headers, and
    /// footnote-shaped lines whose marker stands nowhere before them.
    pub artifacts: Vec<Artifact>,
    /// Text that no rule recognized, kept verbatim.
    pub unrecognized: Vec<Unrecognized>,
    /// What the validator found (`vanban::check`); empty when the document was only parsed.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Which node owns which bytes of the normalized input, in input order.
    pub source_map: Vec<SourceMapEntry>,
}

/// Where the text came from and how it was normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceInfo {
    /// Path as given by the caller, when the text came from a file.
    pub path: Option<String>,
    /// Markdown or plain text, as detected or forced.
    pub format: Format,
    /// The kind of file read: `text` or `markdown` for a text file (as `format`), else `docx`,
    /// `doc`, `rtf`, `pdf`, or `pdf_ocr` for a scanned PDF whose text OCR read.
    #[serde(default)]
    pub input_format: InputFormat,
    /// Encoding that covered the most text: the file's own (`utf-8`, `utf-16le`, `utf-16be`,
    /// `windows-1258`; `unicode` for Word, RTF and PDF text stored as Unicode) or a legacy one
    /// (`tcvn3`, `vni`, `viscii`, `viqr`); `encodings` has them all.
    pub encoding: String,
    /// Every encoding the text was read in and how much of it each covered, the most first;
    /// empty when the text was given as text (never decoded from bytes).
    #[serde(default)]
    pub encodings: Vec<EncodingUse>,
    /// The marks of a review a Word or RTF file still holds: changes tracked and never accepted
    /// or rejected (the text was read as if they were accepted), and comments. Left out when
    /// there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_marks: Option<ReviewMarks>,
    /// Normalizations applied before parsing, in the order applied.
    pub normalizations: Vec<Normalization>,
    /// Size of the normalized text in bytes; spans in `source_map` index into it.
    pub bytes: usize,
    /// Number of lines in the input.
    pub lines: usize,
    /// Hash of the input file's bytes as `xxh3:` and 16 hex digits (XXH3-64); written by batch
    /// conversion (`vanban convert`) so that a rerun can skip unchanged inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// Version of vanban that wrote this output; written by batch conversion with `hash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vanban_version: Option<String>,
}

impl SourceInfo {
    /// Records how the text was decoded: its file's format, its main encoding and every
    /// encoding's share.
    pub fn record_decoding(&mut self, decoded: &Decoded) {
        decoded.encoding.clone_into(&mut self.encoding);
        if let Some(format) = decoded.format {
            self.input_format = format;
        }
        self.encodings.clone_from(&decoded.encodings);
        self.review_marks.clone_from(&decoded.review_marks);
    }
}

impl From<Format> for InputFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Markdown => InputFormat::Markdown,
            Format::Text => InputFormat::Text,
        }
    }
}

/// Input syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Markdown (for example converted from Word by pandoc).
    Markdown,
    /// Plain text (typed, or extracted from PDF or DOC).
    Text,
}

/// Family of rules a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Administrative document under Nghị định 30/2020/NĐ-CP.
    Administrative,
    /// Legal normative document (văn bản quy phạm pháp luật): the number carries a year.
    Normative,
    /// Document of the Communist Party (Hướng dẫn 36-HD/VPTW).
    Party,
}

/// A single line of text and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TextLine {
    /// The text without Markdown decoration.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// The header block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Header {
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.
    pub national_title: Option<TextLine>,
    /// `Độc lập - Tự do - Hạnh phúc`.
    pub motto: Option<TextLine>,
    /// `ĐẢNG CỘNG SẢN VIỆT NAM`.
    pub party_title: Option<TextLine>,
    /// Issuing body and its superior body.
    pub issuer: Option<Issuer>,
    /// Number and symbol (số, ký hiệu).
    pub reference: Option<Reference>,
    /// Place and date of issue.
    pub place_date: Option<PlaceDate>,
    /// Urgency, secrecy, circulation and draft marks.
    pub marks: Vec<Mark>,
}

/// Issuing body (tên cơ quan, tổ chức ban hành).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Issuer {
    /// Directly superior body (cơ quan chủ quản), when written above the issuer.
    pub parent: Option<String>,
    /// Name of the issuing body, its wrapped lines joined by a space.
    pub name: String,
    /// First line of the issuer block.
    pub line: usize,
    /// Last line of the issuer block.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Number and symbol of a document, as in `Số: 12/BC-UBND` or `Số 45-BC/ĐU`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    /// The text as written, without Markdown decoration.
    pub text: String,
    /// The number as written (`"07"`), or null when left blank in a draft.
    pub number: Option<String>,
    /// Year group of a normative number (`16/2019/QĐ-UBND`).
    pub year: Option<u32>,
    /// Type code (`BC`, `QĐ`, `TTr`), or null for a công văn or a law.
    pub type_code: Option<String>,
    /// Everything after the type code (`UBND-TL`), or all of the symbol for a công văn (`SNV-TCBC`).
    pub issuer_code: Option<String>,
    /// State (`12/BC-UBND`) or Party (`45-BC/ĐU`) numbering.
    pub system: NumberSystem,
    /// 1-based line number.
    pub line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
    /// Where the digits were read (empty when blank; not serialized).
    #[serde(skip)]
    pub number_span: Span,
    /// Where the group that says the type was read: the type code, or the first group of a
    /// symbol without one (not serialized).
    #[serde(skip)]
    pub code_span: Span,
}

/// State or Party numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberSystem {
    /// `number/TYPE-ISSUER` (Nghị định 30/2020, laws and normative documents).
    State,
    /// `number-TYPE/ISSUER` (Hướng dẫn 36-HD/VPTW).
    Party,
}

/// Place and date line; parts left blank in a draft are null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceDate {
    /// The text as written, without Markdown decoration.
    pub text: String,
    /// Place name (địa danh).
    pub place: Option<String>,
    /// Day of month, null when blank.
    pub day: Option<u32>,
    /// Month, null when blank.
    pub month: Option<u32>,
    /// Year, null when blank.
    pub year: Option<u32>,
    /// 1-based line number.
    pub line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
    /// Where the date was read, from its `ngày` (not serialized).
    #[serde(skip)]
    pub date_span: Span,
    /// Where the day's digits were read (empty when blank; not serialized).
    #[serde(skip)]
    pub day_span: Span,
    /// Where the month's digits were read (empty when blank; not serialized).
    #[serde(skip)]
    pub month_span: Span,
}

/// A mark in the header area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mark {
    /// What the mark says.
    pub kind: MarkKind,
    /// The text as written.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Kinds of header marks (Nghị định 30/2020, Phụ lục I, Mục III).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// `HỎA TỐC`, `THƯỢNG KHẨN`, `KHẨN`.
    Urgency,
    /// `TUYỆT MẬT`, `TỐI MẬT`, `MẬT`.
    Secrecy,
    /// `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ`, `TÀI LIỆU THU HỒI`.
    Circulation,
    /// `DỰ THẢO`.
    Draft,
}

/// Type name and subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Title {
    /// Type name in capitals as written (`BÁO CÁO`), or `CÔNG VĂN` when inferred.
    pub type_name: Option<String>,
    /// Code of the type from Phụ lục III (`BC`), null for a công văn.
    pub type_code: Option<String>,
    /// Subject (trích yếu), its lines joined; for a công văn the text after `V/v`.
    pub subject: Option<String>,
    /// True when the type was inferred (a công văn has no type line).
    pub inferred: bool,
    /// First line of the title (or of the `V/v` subject).
    pub line: usize,
    /// Last line of the title and subject.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
    /// Where the type name was read (`BÁO CÁO`); empty when inferred (not serialized).
    #[serde(skip)]
    pub name_span: Span,
    /// The marker of a footnote glued to the type name (`1` of `QUYẾT ĐỊNH1` in a consolidated
    /// text, whose footnote lists the documents it consolidates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<String>,
}

/// One item of the preamble.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PreambleItem {
    /// What the item is.
    pub kind: PreambleKind,
    /// Its text, lines joined.
    pub text: String,
    /// The cells of a table read before the first section (a listing attached to a decision),
    /// row by row; absent for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<Vec<String>>>,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Kinds of preamble items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreambleKind {
    /// Authority line (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`).
    Authority,
    /// Legal basis (`Căn cứ …;`).
    Basis,
    /// Proposal (`Theo đề nghị của …`, `Xét đề nghị …`).
    Proposal,
    /// Enacting line (`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`).
    Enacting,
    /// Any other introductory paragraph.
    Text,
    /// A table before the first section (its cells in `rows`).
    Table,
}

/// A numbered division of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// The label: `"I"`, `"1"`, `"1.1"`, `"a"`, `"Điều 1"`, `"Phần I"`, `"Chương II"`, `"Mục 1"`.
    // A boxed `str`: it never grows, and a section is 8 bytes smaller without the capacity.
    #[schemars(with = "String")]
    pub label: Box<str>,
    /// Numbering style, which decides the level.
    pub style: NumberStyle,
    /// Numeric value of the label's last part (`IV` → 4, `đ` → 6, `1.2` → 2), for order checks.
    pub number: Option<u32>,
    /// Heading text after the label, null when the numbered line is a plain clause.
    pub title: Option<String>,
    /// Line of the label.
    pub line: usize,
    /// Last line of the section, children included.
    pub end_line: usize,
    /// Paragraphs, list items and tables directly under this heading.
    pub paragraphs: Vec<Paragraph>,
    /// Subsections.
    pub children: Vec<Section>,
    /// The marker of a footnote glued to the label (`6` of `2.6 Bảo hiểm …`, which is khoản 2
    /// with footnote 6; `14` of `a)14`).
    // In the JSON, only the footnote marker, as `footnote`. In memory, what few sections have,
    // boxed together ([`SectionRare`]; read through [`Section::footnote`] and
    // [`Section::too_deep`]).
    #[serde(
        rename = "footnote",
        default,
        skip_serializing_if = "SectionRare::no_footnote",
        serialize_with = "SectionRare::serialize_footnote",
        deserialize_with = "SectionRare::deserialize_footnote"
    )]
    #[schemars(with = "Option<String>")]
    pub rare: Option<Box<SectionRare>>,
    /// Where its heading was read (label and title line) (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
    /// Where the label was read (`IV`, `1.2`, `Điều 3`; not serialized).
    #[serde(skip)]
    pub label_span: Span,
}

/// The fields of a [`Section`] that few sections have, boxed together: a document of thousands
/// of headings keeps a section per heading, and these would make each 40 bytes larger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionRare {
    /// The marker of a footnote glued to the label (`6` of `2.6 Bảo hiểm …`, which is khoản 2
    /// with footnote 6; `14` of `a)14`).
    pub footnote: Option<String>,
    /// Labels under the section that would have opened sections deeper than the parser's
    /// depth limit (`Options::max_section_depth`) and were read as its paragraphs instead: the
    /// line and where the label was read, for the validator (not serialized).
    pub too_deep: Vec<(usize, Span)>,
}

impl SectionRare {
    #[expect(
        clippy::ref_option,
        reason = "serde's skip_serializing_if passes the field by reference"
    )]
    fn no_footnote(rare: &Option<Box<SectionRare>>) -> bool {
        rare.as_ref().is_none_or(|r| r.footnote.is_none())
    }

    #[expect(
        clippy::ref_option,
        reason = "serde's serialize_with passes the field by reference"
    )]
    fn serialize_footnote<S: serde::Serializer>(
        rare: &Option<Box<SectionRare>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        rare.as_ref()
            .and_then(|r| r.footnote.as_deref())
            .serialize(serializer)
    }

    fn deserialize_footnote<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Box<SectionRare>>, D::Error> {
        let footnote = Option::<String>::deserialize(deserializer)?;
        Ok(footnote.map(|f| {
            Box::new(SectionRare {
                footnote: Some(f),
                too_deep: Vec::new(),
            })
        }))
    }
}

impl Section {
    /// The marker of a footnote glued to the label (`6` of `2.6 Bảo hiểm …`, which is khoản 2
    /// with footnote 6; `14` of `a)14`).
    pub fn footnote(&self) -> Option<&str> {
        self.rare.as_ref()?.footnote.as_deref()
    }

    /// Labels under this section that would have opened sections deeper than the parser's
    /// depth limit (`Options::max_section_depth`) and were read as its paragraphs instead: the
    /// line and where each label was read, for the validator.
    pub fn too_deep(&self) -> &[(usize, Span)] {
        self.rare.as_ref().map_or(&[], |r| r.too_deep.as_slice())
    }

    /// The rarely set fields, boxed on first use.
    pub fn rare_mut(&mut self) -> &mut SectionRare {
        self.rare.get_or_insert_with(Box::default)
    }
}

/// Numbering styles, from the widest division down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// `PHẦN I`, `Phần thứ nhất`.
    Part,
    /// `Chương I`.
    Chapter,
    /// `Mục 1`.
    Division,
    /// `Tiểu mục 1`.
    Subdivision,
    /// `I.` (state) .
    Roman,
    /// `I-` (Party).
    RomanDash,
    /// `Điều 1.`.
    Article,
    /// `1.` (also khoản inside an Điều).
    Arabic,
    /// `1-` (Party).
    ArabicDash,
    /// `1.1.`, `1.2.3`.
    Decimal,
    /// `I.1.`, `II. 4.`, `A.2.`: an item numbered after its roman or lettered heading, the
    /// heading's numeral or letter first (label `I.1`).
    Compound,
    /// `a)` (also điểm inside a khoản), Vietnamese alphabet order.
    Letter,
    /// `A.`, `B.`: the widest parts of a report or submission, above its roman headings.
    UpperLetter,
    /// A heading without a number (its label is empty), over the points that follow it
    /// (`Cải cách thể chế` before `a) Mục tiêu`, `b) Nhiệm vụ`).
    Unnumbered,
}

impl NumberStyle {
    /// True when `other` is this style's other spelling: `I.` and `I-`, `1.` and `1-`.
    pub fn spelled_like(self, other: NumberStyle) -> bool {
        use NumberStyle as S;
        matches!(
            (self, other),
            (S::Roman, S::RomanDash)
                | (S::RomanDash, S::Roman)
                | (S::Arabic, S::ArabicDash)
                | (S::ArabicDash, S::Arabic)
        )
    }
}

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// Paragraph, list item or table.
    pub kind: BlockKind,
    /// List marker (`-`, `+`, `*`, `•`) for list items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Text without Markdown decoration; lines of one paragraph joined by a space.
    pub text: String,
    /// Cells of a table, row by row.
    // Boxed: few blocks are tables, and a paragraph is 128 bytes instead of 136 without the room
    // for the list inline (a document of thousands of paragraphs keeps one for each).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Box<Vec<Vec<String>>>>,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where pieces separated by blank or layout lines (a page break) or a cut token were
    /// joined; plain line wraps are not listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joins: Vec<Join>,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Kinds of body blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A `-`, `+`, `*` or `•` item.
    ListItem,
    /// A table (pipe, tab-separated or grid).
    Table,
}

/// Two pieces of one paragraph that the input had separated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Join {
    /// Line where the continuation starts.
    pub line: usize,
    /// Why the pieces were judged to be one paragraph.
    pub reason: JoinReason,
}

/// Reasons for joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JoinReason {
    /// The first piece ends without closing punctuation and the next goes on the sentence.
    PageBreak,
    /// A token was cut (`19-` / `NQ/TW`, `117/QĐ-` / `UBND`): joined without a space.
    SplitToken,
}

/// A reference to another document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    /// The matched text (kind words, number, date, issuer).
    pub text: String,
    /// Kind, lower-cased, from the words before the number (`quyết định`, `thông báo kết luận`).
    pub kind: Option<Box<str>>,
    /// The number as written, null for a named reference (`Luật PCTN năm 2018`).
    pub number: Option<Box<str>>,
    /// Year group of a normative number.
    pub year: Option<u32>,
    /// Type code (`QĐ`, `NQ`), canonical case (`Ctr` → `CTr`).
    pub type_code: Option<Box<str>>,
    /// The groups after the type code (`SLĐTBXH`, `UBND-TL`, `TW`), or the whole symbol.
    pub issuer_code: Option<Box<str>>,
    /// State or Party numbering.
    pub system: NumberSystem,
    /// Date as `YYYY-MM-DD`, when written.
    pub date: Option<Box<str>>,
    /// Issuing body after `của …`, when written.
    pub issuer_name: Option<Box<str>>,
    /// Name of a reference without number (`Nghị quyết TW4 (Khóa XII)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Box<str>>,
    /// Canonical id (`91/QĐ-SLĐTBXH`, `25-NQ/TW`, `16/2019/QĐ-UBND`); equal for repeated mentions.
    pub id: Option<Box<str>>,
    /// The marker of a footnote glued to the number (`1` of `66-NQ/TW1`), which is not part of
    /// the number; the footnote is the one of `Document::footnotes` with this marker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<Box<str>>,
    /// Line where the citation starts.
    pub line: usize,
}

/// A footnote body: its marker and text, read from the lines at a page end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    /// The marker as written at the start of the body (`1`), the same digits that stand glued to
    /// the text it annotates.
    pub marker: String,
    /// The body without its marker; lines joined by a space.
    pub text: String,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Signature {
    /// Authority prefixes from the outermost (`TM. ỦY BAN NHÂN DÂN`, then `KT. CHỦ TỊCH`).
    pub chain: Vec<Authority>,
    /// Position of the signer (`PHÓ GIÁM ĐỐC`).
    pub title: Option<String>,
    /// Name of the signer.
    pub name: Option<String>,
    /// Stand-in for the handwritten signature (`(Đã ký)`, `(Chữ ký số)`), when written.
    pub placeholder: Option<String>,
    /// First line of the block.
    pub line: usize,
    /// Last line of the block.
    pub end_line: usize,
    /// Where it was read, from its first segment to its last (not serialized; see [`Span`]):
    /// in a two-column closing it also covers the recipients written beside it.
    #[serde(skip)]
    pub span: Span,
}

/// One authority prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Authority {
    /// Normalized mode.
    pub mode: AuthorityMode,
    /// The prefix as written (`KT.`, `K/T`).
    pub raw: String,
    /// The body or head it signs for (`GIÁM ĐỐC`, `ỦY BAN NHÂN DÂN`).
    #[serde(rename = "for")]
    pub for_: String,
    /// Where the prefix was read (not serialized).
    #[serde(skip)]
    pub span: Span,
}

/// Signature modes (Nghị định 30/2020 Điều 13; Hướng dẫn 36-HD/VPTW).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AuthorityMode {
    /// Thay mặt (`TM.`, `T/M`).
    TM,
    /// Ký thay (`KT.`, `K/T`).
    KT,
    /// Thừa lệnh (`TL.`, `T/L`).
    TL,
    /// Thừa ủy quyền (`TUQ.`, `TU/Q`).
    TUQ,
    /// Quyền (`Q.`).
    Q,
}

/// One item of `Nơi nhận:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recipient {
    /// Recipient without count, note and final punctuation.
    pub name: String,
    /// Leading count of copies (`02 Đoàn thể` → 2).
    pub count: Option<u32>,
    /// Trailing note without parentheses (`(biết)` → `biết`, `(b/c)` → `b/c`).
    pub note: Option<String>,
    /// 1-based line number.
    pub line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// An appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Appendix {
    /// Numeral after `PHỤ LỤC` (`I`, `01`), when numbered.
    pub label: Option<String>,
    /// Heading line (`PHỤ LỤC SỐ LIỆU`) and the title lines under it.
    pub title: String,
    /// `(Kèm theo …)` line, when present.
    pub attached_to: Option<String>,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Numbered headings and text of the appendix.
    pub sections: Vec<Section>,
    /// Tables of the appendix, in order.
    pub tables: Vec<Table>,
    /// Text outside any numbered heading.
    pub paragraphs: Vec<Paragraph>,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// Label of the numbered heading the table stands under (`3.1`), if any.
    pub section: Option<String>,
    /// Unnumbered heading right above the table.
    pub caption: Option<String>,
    /// Cells row by row, as written (placeholders like `...` kept).
    pub rows: Vec<Vec<String>>,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// A document carried after the main one's signature (Quy chế, Điều lệ, Kế hoạch …), read
/// with the same zones as the main document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    /// Its own header when the attachment repeats one (issuer, national title, motto, number).
    pub header: Option<Header>,
    /// Its type name and subject (`QUY CHẾ` / `Tổ chức và hoạt động của …`).
    pub title: Option<Title>,
    /// The line naming the document that issues it: `(Ban hành kèm theo Quyết định số … ngày …)`.
    pub attached_to: Option<AttachedTo>,
    /// Addressees of its own `Kính gửi:` block (an attached letter).
    pub addressees: Vec<String>,
    /// Text before its first numbered section.
    pub preamble: Vec<PreambleItem>,
    /// Its body: Phần, Chương, Mục, Điều, khoản, điểm, or the numbering of a plan.
    pub sections: Vec<Section>,
    /// Closing paragraphs after its last section.
    pub closing: Vec<Paragraph>,
    /// Its own signature block, when it has one.
    pub signature: Option<Signature>,
    /// Its own `Nơi nhận:` list, when it has one.
    pub recipients: Vec<Recipient>,
    /// Its own archive line.
    pub archive: Vec<String>,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// The `(Ban hành kèm theo Quyết định số … ngày …)` line of an attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AttachedTo {
    /// The text as written, without the parentheses' line breaks.
    pub text: String,
    /// Id of the citation it names (`citations[].id`), when its number was read.
    pub citation: Option<String>,
    /// 1-based line number.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Layout debris.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Artifact {
    /// What it is.
    pub kind: ArtifactKind,
    /// The text as written.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Kinds of layout debris.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArtifactKind {
    /// A rule (`___`, `---`, `***`, the Party `*`).
    Rule,
    /// A page number alone on a line.
    PageNumber,
    /// A running page header or footer (`CÔNG BÁO/Số …`; a Word or RTF file's own, given after
    /// its text).
    PageHeader,
    /// A footnote body (`1 Thường trực …`).
    Footnote,
    /// Markdown markup with no text (`|---|---|`, an empty heading).
    Markup,
    /// Digital-signature stamp text (`Người ký: …`, `Cơ quan: …`).
    Stamp,
    /// A note a legal database inserted in the text (`[Nội dung này được đính chính bởi …]`):
    /// not the document's words.
    EditorialNote,
    /// The receiving office's stamp on a scanned copy, above its header (`VP.UBND TỈNH …`,
    /// `Số: …`, `ĐẾN Ngày …`, `Chuyển: …`, `Số và ký hiệu HS: …`).
    ReceivedStamp,
}

/// Text that nothing recognized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unrecognized {
    /// The text as written.
    pub text: String,
    /// First line.
    pub line: usize,
    /// Last line.
    pub end_line: usize,
    /// Where it was read (not serialized; see [`Span`]).
    #[serde(skip)]
    pub span: Span,
}

/// Ownership of a byte range of the normalized input by one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceMapEntry {
    /// JSON Pointer to the owning node in this document (`/sections/2/paragraphs/0`).
    // A path kept short when it is long ([`NodePath`]: 10 to 20 bytes for a pointer of 50 to
    // 100) and lines of 32 bits (as [`crate::lex::Line::no`]), so an entry is 40 bytes, not
    // 56: a text of short lines keeps about one entry per line until the JSON is written.
    #[schemars(with = "String")]
    pub path: NodePath,
    /// First line.
    #[schemars(with = "usize")]
    pub line: u32,
    /// Last line.
    #[schemars(with = "usize")]
    pub end_line: u32,
    /// Byte offset where the range starts in the normalized input.
    pub start: usize,
    /// Byte offset where the range ends (exclusive).
    pub end: usize,
}

impl SourceMapEntry {
    /// [`SourceMapEntry::line`] as the other nodes give their lines (`usize`).
    pub fn first_line(&self) -> usize {
        usize::try_from(self.line).unwrap_or(usize::MAX)
    }

    /// [`SourceMapEntry::end_line`] as the other nodes give their lines (`usize`).
    pub fn last_line(&self) -> usize {
        usize::try_from(self.end_line).unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::{Citation, Paragraph, Section};

    /// A document of thousands of headings, paragraphs or citations keeps one node for each, so
    /// their sizes are the constant of its peak memory (issue 18: at most ten times the input).
    /// The bounds for sections and paragraphs are mimalloc's size classes of 160 and 128 bytes:
    /// a section alone in its list of children took a block of 224 bytes at 208, a paragraph one
    /// of 160 at 136. A citation's optional strings are boxed `str`s (16 bytes, not 24).
    #[test]
    fn nodes_stay_small() {
        assert!(size_of::<Section>() <= 160, "{}", size_of::<Section>());
        assert!(size_of::<Paragraph>() <= 128, "{}", size_of::<Paragraph>());
        assert!(size_of::<Citation>() <= 192, "{}", size_of::<Citation>());
    }
}
