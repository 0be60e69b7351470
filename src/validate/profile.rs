//! Profiles: declarative files that say what a kind of document must contain.
//!
//! A profile names the header and closing parts it requires, the sections the body must have
//! (matched on their titles, accents and case ignored, with alternatives), in which order and at
//! which level, the appendices it requires, and severity overrides (`"off"` turns a rule off).
//! The shipped profiles live in `schemas/profiles/*.json` and are embedded in the binary; their
//! shape is `schemas/profile.schema.json`, generated from [`Profile`].
//!
//! Without an explicit choice, [`Profile::for_document`] picks the most specific shipped profile
//! whose `applies_to` matches the document's family, type code and subject.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Severity, registry};
use crate::model::{Document, Family, NumberSystem};

/// A validation profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Link to `profile.schema.json`, for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Identifier used on the command line (`nd30-bao-cao`).
    pub id: String,
    /// Human name.
    pub title: String,
    /// What the profile is for and where its requirements come from.
    #[serde(default)]
    pub description: String,
    /// Which documents the profile is chosen for when none is named.
    #[serde(default)]
    pub applies_to: AppliesTo,
    /// Header and closing parts the document must have.
    #[serde(default)]
    pub require: Vec<Part>,
    /// Sections the body must have, in order.
    #[serde(default)]
    pub sections: Vec<SectionRule>,
    /// Whether the required sections must appear in the listed order.
    #[serde(default = "yes")]
    pub ordered: bool,
    /// Appendices the document must have.
    #[serde(default)]
    pub appendices: Vec<AppendixRule>,
    /// Severity overrides by rule code (`BOD007`) or name (`missing-required-section`).
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
}

fn yes() -> bool {
    true
}

fn one() -> u32 {
    1
}

/// When a profile is chosen automatically.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppliesTo {
    /// Families of documents (`state` covers administrative and normative documents).
    #[serde(default)]
    pub families: Vec<FamilyName>,
    /// Type codes (`BC`, `KH`); `CV` stands for công văn, which has none.
    #[serde(default)]
    pub types: Vec<String>,
    /// Phrases of the subject (trích yếu), matched like section titles.
    #[serde(default)]
    pub subject: Vec<String>,
}

/// A family of documents as profiles name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FamilyName {
    /// Administrative and normative documents (Nghị định 30/2020).
    State,
    /// Party documents (Hướng dẫn 36-HD/VPTW).
    Party,
}

/// A part a profile can require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` (HDR001).
    NationalTitle,
    /// `Độc lập - Tự do - Hạnh phúc` (HDR002).
    Motto,
    /// `ĐẢNG CỘNG SẢN VIỆT NAM` (HDR003).
    PartyTitle,
    /// Issuing body (HDR004).
    Issuer,
    /// Number and symbol (HDR005, HDR006).
    Number,
    /// Place and date (HDR010, HDR011).
    PlaceDate,
    /// Type name (TTL001).
    Title,
    /// Subject, or `V/v` of a công văn (TTL002, TTL003).
    Subject,
    /// `Căn cứ …;` lines (BOD010).
    LegalBasis,
    /// `QUYẾT ĐỊNH:` line (BOD009).
    EnactingLine,
    /// Signature block (SIG001).
    Signature,
    /// Signer's name (SIG002).
    SignerName,
    /// `Nơi nhận:` block (RCP001).
    Recipients,
    /// `Lưu: VT, …` line (RCP002).
    Archive,
    /// `Kính gửi:` block (RCP003).
    Addressees,
}

/// A section the body must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionRule {
    /// Name shown in messages; also matched against titles.
    pub name: String,
    /// Other titles that count as this section.
    #[serde(default)]
    pub alternatives: Vec<String>,
    /// Label the section usually has (`IV`), shown in messages.
    #[serde(default)]
    pub label: Option<String>,
    /// Depth of the heading: 1 for the top-level headings of the body, 2 for their children.
    #[serde(default = "one")]
    pub level: u32,
}

/// An appendix the document must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixRule {
    /// Name shown in messages; also matched against appendix titles.
    pub name: String,
    /// Other titles that count as this appendix.
    #[serde(default)]
    pub alternatives: Vec<String>,
}

/// A severity as a profile sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as information.
    Info,
    /// Do not report.
    Off,
}

impl Level {
    /// The severity, `None` for off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Error => Some(Severity::Error),
            Self::Warning => Some(Severity::Warning),
            Self::Info => Some(Severity::Info),
            Self::Off => None,
        }
    }
}

/// A profile that could not be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    /// Path of the offending field (`sections[0].level`), empty at the top.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "invalid profile: {}", self.message)
        } else {
            write!(f, "invalid profile at `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ProfileError {}

/// The shipped profiles, embedded.
const SHIPPED: &[&str] = &[
    include_str!("../../schemas/profiles/nd30.json"),
    include_str!("../../schemas/profiles/nd30-bao-cao.json"),
    include_str!("../../schemas/profiles/nd30-ke-hoach.json"),
    include_str!("../../schemas/profiles/nd30-to-trinh.json"),
    include_str!("../../schemas/profiles/nd30-cong-van.json"),
    include_str!("../../schemas/profiles/nd30-quyet-dinh.json"),
    include_str!("../../schemas/profiles/nd30-phieu-trinh.json"),
    include_str!("../../schemas/profiles/dang.json"),
    include_str!("../../schemas/profiles/dang-bao-cao.json"),
    include_str!("../../schemas/profiles/bao-cao-nam-dan-van-kheo.json"),
];

impl Profile {
    /// Reads a profile from JSON; the error names the offending field.
    pub fn from_json(text: &str) -> Result<Self, ProfileError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let profile: Profile = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            ProfileError {
                path,
                message: inner.to_string(),
            }
        })?;
        profile.check()?;
        Ok(profile)
    }

    /// Checks what the types cannot: known rules, non-empty names, levels from 1.
    fn check(&self) -> Result<(), ProfileError> {
        let err = |path: String, message: String| Err(ProfileError { path, message });
        if self.id.trim().is_empty() {
            return err("id".into(), "must not be empty".into());
        }
        for key in self.severity.keys() {
            if registry::rule(key).is_none() {
                return err(
                    format!("severity.{key}"),
                    format!("unknown rule `{key}` (see docs/rules.md for codes and names)"),
                );
            }
        }
        for (i, s) in self.sections.iter().enumerate() {
            if fold(&s.name).is_empty() {
                return err(
                    format!("sections[{i}].name"),
                    "must name the section".into(),
                );
            }
            if s.level == 0 {
                return err(
                    format!("sections[{i}].level"),
                    "levels start at 1 (the top-level headings)".into(),
                );
            }
        }
        for (i, a) in self.appendices.iter().enumerate() {
            if fold(&a.name).is_empty() {
                return err(
                    format!("appendices[{i}].name"),
                    "must name the appendix".into(),
                );
            }
        }
        Ok(())
    }

    /// The shipped profiles, in the order of `schemas/profiles/`.
    pub fn shipped() -> &'static [Profile] {
        static CELL: OnceLock<Vec<Profile>> = OnceLock::new();
        CELL.get_or_init(|| {
            SHIPPED
                .iter()
                .filter_map(|t| Profile::from_json(t).ok())
                .collect()
        })
    }

    /// A shipped profile by id.
    pub fn builtin(id: &str) -> Option<&'static Profile> {
        Self::shipped().iter().find(|p| p.id == id)
    }

    /// True when the profile requires `part`.
    pub fn requires(&self, part: Part) -> bool {
        self.require.contains(&part)
    }

    /// The most specific shipped profile for a document: a subject match counts most, then the
    /// type, then the family; `nd30` (or `dang` for a Party document) when nothing fits better.
    pub fn for_document(doc: &Document) -> &'static Profile {
        let family = family_of(doc);
        let code = type_key(doc);
        let subject = doc
            .title
            .as_ref()
            .and_then(|t| t.subject.as_deref())
            .map(fold)
            .unwrap_or_default();
        let mut best: Option<(u32, &'static Profile)> = None;
        for p in Self::shipped() {
            let a = &p.applies_to;
            if !a.families.is_empty() && !a.families.contains(&family) {
                continue;
            }
            let mut score = u32::from(!a.families.is_empty());
            if !a.types.is_empty() {
                match &code {
                    Some(c) if a.types.iter().any(|t| t == c) => score += 2,
                    _ => continue,
                }
            }
            if !a.subject.is_empty() {
                if a.subject.iter().any(|s| matches_words(&subject, &fold(s))) {
                    score += 4;
                } else {
                    continue;
                }
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, p));
            }
        }
        let fallback = if family == FamilyName::Party {
            "dang"
        } else {
            "nd30"
        };
        best.map(|(_, p)| p)
            .or_else(|| Self::builtin(fallback))
            .or_else(|| Self::shipped().first())
            .unwrap_or_else(|| empty_profile())
    }

    /// The JSON Schema of a profile file.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Profile)).unwrap_or(serde_json::Value::Null)
    }
}

/// A profile that requires nothing, for the impossible case of no shipped profile.
fn empty_profile() -> &'static Profile {
    static EMPTY: OnceLock<Profile> = OnceLock::new();
    EMPTY.get_or_init(|| Profile {
        schema: None,
        id: "empty".into(),
        title: "Empty".into(),
        description: String::new(),
        applies_to: AppliesTo::default(),
        require: Vec::new(),
        sections: Vec::new(),
        ordered: true,
        appendices: Vec::new(),
        severity: BTreeMap::new(),
    })
}

/// Party or state, from the header first (a state header with a Party signature prefix is still
/// a state document, so that the prefix can be reported), then from the parser's family.
pub fn family_of(doc: &Document) -> FamilyName {
    let h = &doc.header;
    if h.national_title.is_some() || h.motto.is_some() {
        return FamilyName::State;
    }
    let party_number = h
        .reference
        .as_ref()
        .is_some_and(|r| r.system == NumberSystem::Party);
    if h.party_title.is_some() || party_number || doc.family == Family::Party {
        FamilyName::Party
    } else {
        FamilyName::State
    }
}

/// The type code that profiles match: the title's, or `CV` for a công văn.
pub fn type_key(doc: &Document) -> Option<String> {
    let title = doc.title.as_ref()?;
    if title.inferred || title.type_name.as_deref() == Some("CÔNG VĂN") {
        return Some("CV".into());
    }
    title.type_code.clone()
}

/// Folds text for matching: accents removed (`đ` → `d`), lower case, punctuation dropped,
/// spaces collapsed.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True when every word of `pattern` (folded) appears in `text` (folded), in order.
pub fn matches_words(text: &str, pattern: &str) -> bool {
    let mut words = text.split(' ');
    pattern
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|p| words.any(|w| w == p))
        && !pattern.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_accents_case_and_punctuation() {
        assert_eq!(
            fold("CÔNG TÁC LÃNH, CHỈ ĐẠO ĐẢNG, CHÍNH QUYỀN"),
            "cong tac lanh chi dao dang chinh quyen"
        );
        assert!(matches_words(
            &fold("CÔNG TÁC LÃNH, CHỈ ĐẠO ĐẢNG, CHÍNH QUYỀN"),
            &fold("Công tác lãnh chỉ đạo")
        ));
        assert!(matches_words(
            &fold("CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"),
            &fold("Công tác lãnh chỉ đạo")
        ));
        assert!(!matches_words(
            &fold("KẾT QUẢ THỰC HIỆN"),
            &fold("Đánh giá chung")
        ));
        assert!(
            !matches_words("abc", ""),
            "an empty pattern matches nothing"
        );
    }

    #[test]
    fn every_shipped_profile_loads() {
        assert_eq!(
            Profile::shipped().len(),
            SHIPPED.len(),
            "a shipped profile failed to load: {:?}",
            SHIPPED
                .iter()
                .map(|t| Profile::from_json(t).err())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn errors_name_the_field() {
        let e =
            Profile::from_json(r#"{"id":"x","title":"X","sections":[{"name":"A","level":"one"}]}"#)
                .expect_err("a string level is refused");
        assert_eq!(e.path, "sections[0].level");
        let e = Profile::from_json(r#"{"id":"x","title":"X","severity":{"NOPE1":"off"}}"#)
            .expect_err("an unknown rule is refused");
        assert_eq!(e.path, "severity.NOPE1");
        let e = Profile::from_json(r#"{"id":"x","title":"X","requires":[]}"#)
            .expect_err("an unknown field is refused");
        assert!(e.message.contains("requires"), "{e}");
    }
}
