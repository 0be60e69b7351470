//! The grammars of the tokens every layer above reads: document numbers ([`number`]), written
//! dates ([`date`]), numbering labels ([`label`]), signing authority prefixes ([`authority`]),
//! the `Kính gửi:` opening and its items ([`addressee`]), recipient items ([`recipient`]) and
//! the archive line ([`archive`]). The zones, citations and the validator call these; nothing
//! else spells a token.
//!
//! All functions take cleaned, NFC text and never panic. Leaf parsers come from
//! `nom::*::complete` only (streaming parsers would ask for more input at the end of a line).

pub(crate) mod addressee;
pub(crate) mod archive;
pub(crate) mod authority;
pub(crate) mod date;
pub(crate) mod label;
pub(crate) mod number;
pub(crate) mod recipient;

pub(crate) use crate::text::kernels::FirstPairs;
pub(crate) use addressee::*;
pub(crate) use archive::{archive, archive_parts};
pub(crate) use authority::*;
pub(crate) use date::*;
pub(crate) use label::*;
pub(crate) use number::*;
pub(crate) use recipient::*;
