//! The validator: what a document is missing or gets wrong, as findings with positions.
//!
//! A [`Validator`] is built once from a [`Profile`] and checks many documents. It reads only the
//! parsed [`Document`] and the normalized source text (for columns and for placeholder scanning);
//! it never parses again. Each rule family has its own module:
//! [`header`], [`title`], [`body`], [`citations`], [`signature`], [`recipients`],
//! [`placeholders`], [`unrecognized`], and [`damage`] for a copy too broken to check. What the
//! document's form carries elsewhere (a Công báo reprint, a consolidated text) is in [`form`]. Every rule has a row in the [`registry`]; what a rule
//! found is a [`Kind`] carrying data, and messages are rendered from it in one place
//! ([`kind`]), in Vietnamese with an English gloss, or in English.
//!
//! ```
//! use vanban::validate::{Profile, Validator};
//! let text = "BÁO CÁO\nVề kết quả năm 2024\n\nI. KẾT QUẢ\nTốt.\n\nII. HẠN CHẾ\nÍt.\n\nIV. NHIỆM VỤ\nNhiều.\n";
//! let doc = vanban::parse(text);
//! let validator = Validator::new(Profile::builtin("nd30-bao-cao").unwrap());
//! let findings = validator.validate(&doc, text);
//! assert!(findings.iter().any(|f| f.code == "BOD001" && f.line == 10));
//! assert!(!validator.is_valid(&doc, text));
//! ```

pub mod body;
pub mod changes;
pub mod citations;
pub mod damage;
pub mod form;
pub mod header;
pub mod kind;
pub mod locate;
pub mod placeholders;
pub mod profile;
pub mod recipients;
pub mod registry;
pub mod signature;
pub mod title;
pub mod unrecognized;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use form::Form;
pub use kind::Kind;
use locate::{Loc, Locator};
pub use profile::{Part, Profile, ProfileError};
pub use registry::{RULES, Rule};

use crate::model::Document;
pub use crate::model::{Finding, Severity};
use crate::parse::Options;

/// Language of messages and hints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Vietnamese, each message followed by the rule's English summary.
    #[default]
    Vi,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "vi" => Ok(Self::Vi),
            "en" => Ok(Self::En),
            other => Err(format!("unknown language `{other}` (vi, en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Vi => "vi",
            Self::En => "en",
        })
    }
}

/// A validator built from a profile; cheap to use on many documents.
#[derive(Debug, Clone)]
pub struct Validator {
    profile: Profile,
    lang: Lang,
    overrides: HashMap<&'static str, Option<Severity>>,
}

impl Validator {
    /// Builds a validator for a profile. Severity keys that name no rule are ignored
    /// ([`Profile::from_json`] refuses them).
    pub fn new(profile: &Profile) -> Self {
        let overrides = profile
            .severity
            .iter()
            .filter_map(|(k, v)| registry::rule(k).map(|r| (r.code, v.severity())))
            .collect();
        Self {
            profile: profile.clone(),
            lang: Lang::Vi,
            overrides,
        }
    }

    /// The same validator with messages in `lang`.
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The severity a rule gets under this profile, `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        self.overrides
            .get(rule.code)
            .copied()
            .unwrap_or(Some(rule.severity))
    }

    /// Every finding, ordered by position then code. `source` is the text the document was
    /// parsed from, normalized or not. Never panics.
    pub fn validate(&self, doc: &Document, source: &str) -> Vec<Finding> {
        let text: Cow<'_, str> = if source.len() == doc.source.bytes {
            Cow::Borrowed(source)
        } else {
            crate::text::normalize::normalize(source).text
        };
        let mut cx = Checker {
            doc,
            form: Form::of(doc, &text),
            forms: Vec::new(),
            issued_forms: placeholders::issued_form_starts(&text),
            loc: Locator::new(&text, &doc.source_map),
            validator: self,
            out: Vec::new(),
        };
        // Changes still tracked are the file's, whatever its text.
        changes::check(&mut cx);
        // A copy too damaged to read gets that one finding; one cut off before its closing gets
        // it instead of the closing parts it lacks, and the rest is checked.
        if let Some(damage) = damage::of(doc, &text) {
            damage::report(&mut cx, damage);
        } else {
            // Blanks first: a text that is a form to fill in is asked for none of the parts.
            placeholders::check(&mut cx);
            if cx.form.blank {
                cx.form.note = false;
            } else if let Some(cut) = damage::cut_off(&cx) {
                cx.form.cut_off = true;
                damage::report(&mut cx, cut);
            }
            header::check(&mut cx);
            title::check(&mut cx);
            body::check(&mut cx);
            citations::check(&mut cx);
            signature::check(&mut cx);
            recipients::check(&mut cx);
            unrecognized::check(&mut cx);
        }
        let mut out = cx.out;
        out.sort_by(|a, b| {
            (a.line, a.column, &a.code, &a.message).cmp(&(b.line, b.column, &b.code, &b.message))
        });
        out
    }

    /// The findings one by one (they are computed at once; the iterator is for convenience).
    pub fn iter_findings(&self, doc: &Document, source: &str) -> std::vec::IntoIter<Finding> {
        self.validate(doc, source).into_iter()
    }

    /// True when the document has no error.
    pub fn is_valid(&self, doc: &Document, source: &str) -> bool {
        self.validate(doc, source)
            .iter()
            .all(|f| f.severity != Severity::Error)
    }

    /// Parses `text` and fills the document's `findings` with this validator's.
    pub fn check(&self, text: &str, options: &Options) -> Document {
        let mut doc = crate::parse::parse_with(text, options);
        doc.findings = self.validate(&doc, text);
        doc
    }
}

/// Parses `text`, chooses the profile from the detected family and type
/// ([`Profile::for_document`]) and fills the document's `findings`, in Vietnamese.
/// `parse` and `parse_with` leave `findings` empty; this is the one call that fills them.
pub fn check(text: &str, options: &Options) -> Document {
    let mut doc = crate::parse::parse_with(text, options);
    let validator = Validator::new(Profile::for_document(&doc));
    doc.findings = validator.validate(&doc, text);
    doc
}

/// What rules see: the document, positions, the validator's settings, and the findings so far.
pub struct Checker<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The form the document reached us in (a Công báo reprint, a consolidated text …).
    pub form: Form,
    /// The parts that are forms to fill in, first and last line ([`placeholders`]).
    pub forms: Vec<(usize, usize)>,
    /// The first lines of the headers of forms a regulation issued
    /// ([`placeholders::issued_form_starts`]), in order.
    pub issued_forms: Vec<usize>,
    /// Positions in the normalized text.
    pub loc: Locator<'a>,
    validator: &'a Validator,
    out: Vec<Finding>,
}

impl Checker<'_> {
    /// The profile in use.
    pub fn profile(&self) -> &Profile {
        &self.validator.profile
    }

    /// True when the profile requires `part` and the document's form does not carry it
    /// elsewhere or leave it out by design ([`Form::waives`]).
    pub fn requires(&self, part: Part) -> bool {
        self.validator.profile.requires(part) && !self.form.waives(part)
    }

    /// Records a finding, unless the profile turned its rule off.
    pub fn emit(&mut self, kind: Kind, at: Loc) {
        let rule = kind.rule();
        let Some(severity) = self.validator.severity_of(rule) else {
            return;
        };
        let lang = self.validator.lang;
        let (line, column) = self.loc.point(at.range.0);
        let (end_line, end_column) = if at.range.1 > at.range.0 {
            self.loc.point(at.range.1)
        } else {
            (line, column)
        };
        self.out.push(Finding {
            code: rule.code.to_owned(),
            name: rule.name.to_owned(),
            severity,
            message: kind.message(lang),
            hint: rule.hint(lang).to_owned(),
            line,
            column,
            end_line,
            end_column,
            path: at.path,
            span: at.exact.then_some(at.range),
        });
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Counts {
    /// Counts `findings`.
    pub fn of(findings: &[Finding]) -> Self {
        let mut c = Self::default();
        for f in findings {
            c.add(f.severity);
        }
        c
    }

    /// Adds one finding of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}
