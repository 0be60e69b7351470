//! The path of a node in the source map, kept short in memory.
//!
//! A path is a JSON Pointer into the document (`/sections/2/children/0/paragraphs/1`). A text of
//! thousands of headings keeps one per claim until the JSON is written, and the pointers of
//! nested sections are long: 55 bytes on average (up to 100) in a text of short headings, more
//! than the claim's other fields and the line it owns together. Most of those bytes are a few
//! keys repeated (`/children/` ten bytes at every level), so a long path is kept with each of
//! them written as one byte ([`KEYS`]): the same pointer in 10 to 20 bytes. The JSON, `Display`
//! and `Debug` give the pointer itself; nothing outside this file sees the short form.
//!
//! A path is held in one of three forms, told apart by its first byte:
//! - [`SHORT`], then the pointer with its keys written as one byte each;
//! - [`VERBATIM`], then the pointer as it is (a pointer that starts with either of these bytes,
//!   from a JSON file read back);
//! - any other: the pointer as it is (most pointers, which are short: [`KEPT_AS_IS`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The keys written as one byte in the short form: `KEYS[k]` is the byte `k + 1`. Each stands
/// for the key with the slashes on both sides, as it sits between two steps of a pointer, so a
/// byte always expands to the same text wherever it stands. The order is a contract of the short
/// form only (never written out); most frequent first, as counted over the source maps of the
/// corpus.
const KEYS: [&str; 13] = [
    "/children/",
    "/sections/",
    "/paragraphs/",
    "/artifacts/",
    "/attachments/",
    "/appendices/",
    "/recipients/",
    "/preamble/",
    "/header/",
    "/addressees/",
    "/footnotes/",
    "/tables/",
    "/unrecognized/",
];

/// First byte of the short form.
const SHORT: u8 = 0x0E;

/// First byte of a pointer kept as it is that itself starts with [`SHORT`] or this byte.
const VERBATIM: u8 = 0;

/// Pointers up to this length are kept as they are. Shortening costs a pass over the bytes, a
/// second allocation and a pass to write the pointer out, which most pointers of real documents
/// (29 bytes on average, `/sections/2/children/0/paragraphs/1`) would pay to save a few bytes:
/// with every pointer above 24 bytes shortened, parsing the corpus to JSON took 6 % more
/// instructions, at this length 3 %. The pointers of deeply nested sections, which a hostile
/// text makes by the thousand, are longer (55 bytes on average, up to 100).
const KEPT_AS_IS: usize = 48;

/// The path of a node: a JSON Pointer into the document, such as
/// `/sections/2/children/0/paragraphs/1`, held in a short form when it is long ([module
/// docs](self)).
///
/// ```
/// use vanban::model::NodePath;
/// let path = NodePath::new("/sections/2/children/0/children/1/paragraphs/0");
/// assert_eq!(path, "/sections/2/children/0/children/1/paragraphs/0");
/// assert!(path.starts_with("/sections/2"));
/// assert_eq!(path.to_string(), "/sections/2/children/0/children/1/paragraphs/0");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct NodePath(Box<str>);

/// A path's form ([module docs](self)): the pointer as it is, or its short form.
enum Form<'a> {
    AsIs(&'a str),
    Short(&'a str),
}

impl NodePath {
    /// The path of the pointer `path`.
    pub fn new(path: &str) -> Self {
        Self(shorten(path))
    }

    /// The path of the pointer `path`, which keeps its block when the pointer is kept as it is
    /// and has no room to spare.
    pub fn from_string(path: String) -> Self {
        if path.len() == path.capacity() && kept_as_is(&path) {
            return Self(path.into_boxed_str());
        }
        Self::new(&path)
    }

    #[inline]
    fn form(&self) -> Form<'_> {
        match self.0.as_bytes().first() {
            Some(&SHORT) => Form::Short(&self.0[1..]),
            Some(&VERBATIM) => Form::AsIs(&self.0[1..]),
            _ => Form::AsIs(&self.0),
        }
    }

    /// The pointer's text, in pieces (a key or the text between keys), in order.
    pub fn pieces(&self) -> Pieces<'_> {
        match self.form() {
            Form::AsIs(rest) => Pieces { rest, short: false },
            Form::Short(rest) => Pieces { rest, short: true },
        }
    }

    /// The pointer's text.
    pub fn pointer(&self) -> String {
        match self.form() {
            Form::AsIs(text) => text.to_owned(),
            Form::Short(_) => {
                let mut out = String::with_capacity(self.len());
                self.pieces().for_each(|piece| out.push_str(piece));
                out
            }
        }
    }

    /// True when the pointer's text starts with `prefix` (a prefix of its text, not only of its
    /// steps: `/sections/1` starts with `/sections/`).
    #[inline]
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.relate(prefix) != Relation::Differs
    }

    /// True when this is the path of the pointer `path` ([`NodePath::new`] of it), without
    /// making one.
    #[inline]
    pub fn is(&self, path: &str) -> bool {
        self.relate(path) == Relation::Equal
    }

    /// The pointer's length in bytes.
    pub fn len(&self) -> usize {
        match self.form() {
            Form::AsIs(text) => text.len(),
            Form::Short(_) => self.pieces().map(str::len).sum(),
        }
    }

    /// True for the empty pointer (the document itself).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pointer's text written into `buf`, if it fits.
    fn expand_into<'b>(&self, buf: &'b mut [u8]) -> Option<&'b str> {
        let mut n = 0;
        for &b in self.form_bytes() {
            match key(b) {
                Some(key) => {
                    buf.get_mut(n..n + key.len())?
                        .copy_from_slice(key.as_bytes());
                    n += key.len();
                }
                None => {
                    *buf.get_mut(n)? = b;
                    n += 1;
                }
            }
        }
        std::str::from_utf8(&buf[..n]).ok()
    }

    /// The bytes of the short form after its mark (empty for a pointer kept as it is).
    fn form_bytes(&self) -> &[u8] {
        match self.form() {
            Form::Short(short) => short.as_bytes(),
            Form::AsIs(_) => &[],
        }
    }

    /// How `text` relates to the pointer's text: a pointer kept as it is is compared as it is
    /// (inlined where it is asked), a short form byte by byte ([`NodePath::relate_short`]).
    #[inline]
    fn relate(&self, text: &str) -> Relation {
        match self.form() {
            Form::AsIs(whole) => match whole.as_bytes().strip_prefix(text.as_bytes()) {
                Some([]) => Relation::Equal,
                Some(_) => Relation::Prefix,
                None => Relation::Differs,
            },
            Form::Short(short) => relate_short(short.as_bytes(), text.as_bytes()),
        }
    }
}

/// How `text` relates to the pointer whose short form (after its mark) is `short`.
fn relate_short(short: &[u8], text: &[u8]) -> Relation {
    let mut rest = text;
    for &b in short {
        match key(b) {
            Some(key) => {
                let key = key.as_bytes();
                let n = key.len().min(rest.len());
                if rest[..n] != key[..n] {
                    return Relation::Differs;
                }
                if n < key.len() {
                    return Relation::Prefix;
                }
                rest = &rest[n..];
            }
            None => match rest.split_first() {
                None => return Relation::Prefix,
                Some((&c, after)) if c == b => rest = after,
                Some(_) => return Relation::Differs,
            },
        }
    }
    if rest.is_empty() {
        Relation::Equal
    } else {
        Relation::Differs
    }
}

/// How a text relates to a pointer's ([`NodePath::relate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// The same text.
    Equal,
    /// A shorter text the pointer's starts with.
    Prefix,
    /// Neither.
    Differs,
}

/// The key the byte `b` of a short form stands for, if it is one.
fn key(b: u8) -> Option<&'static str> {
    KEYS.get(usize::from(b).checked_sub(1)?).copied()
}

/// True when `path` is kept as it is, with nothing before it: short, and not starting with a
/// form's mark.
fn kept_as_is(path: &str) -> bool {
    path.len() <= KEPT_AS_IS && !matches!(path.as_bytes().first(), Some(&(SHORT | VERBATIM)))
}

/// The stored form of the pointer `path`, in a box of its length.
fn shorten(path: &str) -> Box<str> {
    let bytes = path.as_bytes();
    if kept_as_is(path) {
        return Box::from(path);
    }
    // A pointer that holds a key's byte cannot be shortened without ambiguity (only one read
    // back from a JSON file can).
    let marked = matches!(bytes.first(), Some(&(SHORT | VERBATIM)));
    if bytes.len() <= KEPT_AS_IS || holds_key_byte(bytes) {
        if !marked {
            return Box::from(path);
        }
        let mut out = String::with_capacity(path.len() + 1);
        out.push(char::from(VERBATIM));
        out.push_str(path);
        return out.into_boxed_str();
    }
    let mut out = String::with_capacity(bytes.len() + 1);
    out.push(char::from(SHORT));
    let (mut from, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        // Every key starts with a slash and a letter; an index follows most slashes.
        let found = (bytes[i] == b'/' && bytes[i + 1].is_ascii_lowercase())
            .then(|| {
                let rest = &bytes[i..];
                KEYS.iter().position(|key| {
                    key.as_bytes()[1] == rest[1] && rest.starts_with(key.as_bytes())
                })
            })
            .flatten();
        match found {
            Some(k) => {
                out.push_str(&path[from..i]);
                out.push(char::from(code(k)));
                i += KEYS[k].len();
                from = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&path[from..]);
    // At its length: the string's block is sized for the long form.
    Box::from(out.as_str())
}

/// True when `bytes` hold a byte that stands for a key in the short form. Without an early
/// exit, so that it is compiled to a few vector steps.
fn holds_key_byte(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |found, &b| {
        found | (usize::from(b.wrapping_sub(1)) < KEYS.len())
    })
}

/// The byte that stands for `KEYS[k]`: a control character, one byte in UTF-8.
fn code(k: usize) -> u8 {
    u8::try_from(k + 1).unwrap_or(VERBATIM)
}

/// The pieces of a pointer's text ([`NodePath::pieces`]).
#[derive(Debug, Clone)]
pub struct Pieces<'a> {
    rest: &'a str,
    short: bool,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        if !self.short {
            return Some(std::mem::take(&mut self.rest));
        }
        let bytes = self.rest.as_bytes();
        if let Some(key) = key(bytes[0]) {
            self.rest = &self.rest[1..];
            return Some(key);
        }
        let end = bytes
            .iter()
            .position(|&b| key(b).is_some())
            .unwrap_or(bytes.len());
        let (piece, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(piece)
    }
}

impl fmt::Display for NodePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.pieces().try_for_each(|piece| f.write_str(piece))
    }
}

impl fmt::Debug for NodePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

impl PartialEq<str> for NodePath {
    fn eq(&self, other: &str) -> bool {
        self.is(other)
    }
}

impl PartialEq<&str> for NodePath {
    fn eq(&self, other: &&str) -> bool {
        self.is(other)
    }
}

impl From<&str> for NodePath {
    fn from(path: &str) -> Self {
        Self::new(path)
    }
}

impl From<String> for NodePath {
    fn from(path: String) -> Self {
        Self::from_string(path)
    }
}

impl From<std::borrow::Cow<'_, str>> for NodePath {
    fn from(path: std::borrow::Cow<'_, str>) -> Self {
        match path {
            std::borrow::Cow::Borrowed(path) => Self::new(path),
            std::borrow::Cow::Owned(path) => Self::from_string(path),
        }
    }
}

impl Serialize for NodePath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A pointer kept as it is is written as it is; a short form is put together on the
        // stack (every pointer the parser makes fits), not through `Display`: a serializer's
        // `collect_str` goes through the formatting machinery, which cost more than the rest of
        // an entry's JSON.
        if let Form::AsIs(text) = self.form() {
            return serializer.serialize_str(text);
        }
        let mut buf = [0u8; 256];
        match self.expand_into(&mut buf) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for NodePath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let path = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(Self::new(&path))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{KEYS, NodePath};

    /// Pointers made of keys, indexes, other steps and the short form's own bytes, long and
    /// short.
    fn pointer() -> impl Strategy<Value = String> {
        let step = prop_oneof![
            (0..KEYS.len()).prop_map(|k| KEYS[k].to_owned()),
            "[0-9]{1,3}",
            "/",
            "[a-z]{1,12}",
            "[\\x00-\\x0f]",
            "[đĐ ~]",
        ];
        proptest::collection::vec(step, 0..24).prop_map(|steps| steps.concat())
    }

    proptest! {
        #[test]
        fn any_pointer_reads_back_as_it_was_given(path in pointer(), other in pointer()) {
            let short = NodePath::new(&path);
            prop_assert_eq!(short.to_string(), path.as_str());
            prop_assert_eq!(short.pointer(), path.as_str());
            prop_assert_eq!(short.len(), path.len());
            prop_assert!(short.is(&path));
            prop_assert_eq!(NodePath::from_string(path.clone()), short.clone());
            for cut in (0..=path.len()).filter(|&k| path.is_char_boundary(k)) {
                prop_assert!(short.starts_with(&path[..cut]));
            }
            prop_assert_eq!(short.is(&other), path == other);
            prop_assert_eq!(short.starts_with(&other), path.starts_with(other.as_str()));
            prop_assert_eq!(short == NodePath::new(&other), path == other);
            let json = serde_json::to_string(&short).expect("a path serializes");
            prop_assert_eq!(&json, &serde_json::to_string(&path).expect("a string serializes"));
            let back: NodePath = serde_json::from_str(&json).expect("and reads back");
            prop_assert_eq!(back, short);
        }
    }

    #[test]
    fn a_pointer_reads_back_as_it_was_given() {
        for path in [
            "",
            "/",
            "/title",
            "/sections/0",
            "/sections/12/children/3/children/0/paragraphs/7",
            "/sections/12/children/3/children/0/children/9/paragraphs/17",
            "/attachments/1/appendices/0/tables/2/recipients/3/header/x/addressees/4/footnotes/5",
            "/unrecognized/6/preamble/7/artifacts/8/children/9/sections/10/paragraphs/11/x",
            "/sections/children/paragraphs/children/sections/paragraphs/children/x",
            "/attachments/1/sections/0/children/2",
            "/header/issuer",
            "/appendices/0/tables/1/rows/3",
            "/children/",
            "//children//",
            "/sections/children/paragraphs/",
            "/sectionsx/0",
            "/unrecognized/41",
            "/x\u{1}y/\u{0}",
            "\u{e}/sections/0/children/1/children/2",
            "\u{0}/title",
            "/sections/0/children/1/children/2\u{1}",
            "/phần/Điều 1",
        ] {
            let short = NodePath::new(path);
            assert_eq!(short.to_string(), path);
            assert_eq!(short, path);
            assert_eq!(short.len(), path.len());
            assert_eq!(format!("{short:?}"), format!("{path:?}"));
            for cut in (0..=path.len()).filter(|&k| path.is_char_boundary(k)) {
                assert!(
                    short.starts_with(&path[..cut]),
                    "{path:?} starts with {cut}"
                );
            }
            assert!(!short.starts_with(&format!("{path}0")));
            assert!(!short.is(&format!("{path}/")));
        }
    }

    #[test]
    fn the_short_form_is_short_and_unambiguous() {
        let deep = "/sections/5/children/0/children/0/children/0/children/0/paragraphs/3";
        let short = NodePath::new(deep);
        assert_eq!(short.0.len(), 1 + 2 + 4 * 2 + 2);
        let real = "/sections/2/children/0/children/1/paragraphs/0";
        assert_eq!(
            &*NodePath::new(real).0,
            real,
            "a pointer of common length: as it is"
        );
        // A pointer that holds a key's byte is kept as it is, and reads the same; a short one
        // that starts with a form's mark is marked as kept, a long one is shortened.
        let odd = "/sections/0/children/1/children/2/children/3/children/\u{2}";
        assert_eq!(&*NodePath::new(odd).0, odd);
        for (marked, mark) in [
            (
                "\u{e}/sections/0/children/1/children/2/children/3/children/4",
                0x0E,
            ),
            ("\u{e}/sections/0/children/1", 0),
            ("\u{0}x", 0),
            ("\u{e}", 0),
        ] {
            let path = NodePath::new(marked);
            assert_eq!(path.0.as_bytes()[0], mark, "{marked:?}");
            assert_eq!(path.to_string(), marked);
        }
        assert_ne!(
            NodePath::new("/sections/0"),
            NodePath::new("/sections\u{2}0")
        );
        assert_ne!(
            NodePath::new("/sections/0/children/1/children/2"),
            NodePath::new("\u{e}\u{2}0\u{1}1\u{1}2")
        );
    }

    #[test]
    fn prefixes_end_inside_a_key() {
        let path = NodePath::new("/sections/2/children/0");
        assert!(path.starts_with("/sec"));
        assert!(path.starts_with("/sections/2/chi"));
        assert!(!path.starts_with("/sections/20"));
        assert!(!path.starts_with("/header"));
        assert!(!path.starts_with("/sections/2/children/0/"));
    }

    #[test]
    fn the_json_is_the_pointer() {
        let path = NodePath::new("/sections/1/children/0");
        let json = serde_json::to_string(&path).expect("a path serializes");
        assert_eq!(json, "\"/sections/1/children/0\"");
        let back: NodePath = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(back, path);
        let odd: NodePath = serde_json::from_str("\"/a\\u0001b\"").expect("a control byte");
        assert_eq!(odd.to_string(), "/a\u{1}b");
    }
}
