//! A pull reader of the XML a `.docx` is made of: start, empty and end tags (attributes read on
//! demand), text, entity and character references, CDATA; comments, processing instructions and
//! a document type declaration are passed over. End tags are checked against the open ones, so a
//! damaged part is an error, not a silently different text.
//!
//! A part is checked to be UTF-8 once, as a whole ([`super::docx`]). The reader then finds the
//! markup in its bytes and slices the text only at ASCII delimiters (`<`, `>`, `&`, `;`, quotes,
//! spaces, `=`), which are always character boundaries: no piece is checked again. quick-xml
//! 0.42, which this replaces, checked every event's bytes anew and made a string of them (a
//! tenth of reading a DOCX), and its events cost more than Word's small tags are worth.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memchr3, memmem};

/// What the reader meets next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Event<'x> {
    /// `<name …>`.
    Start(Tag<'x>),
    /// `<name …/>`: no end follows.
    Empty(Tag<'x>),
    /// `</name>`.
    End(&'x str),
    /// Text between markup, up to the next reference; line ends as the part has them
    /// ([`normalize_eols`]).
    Text(&'x str),
    /// A reference `&name;` or `&#…;`: its name (`amp`, `#x41`), resolved by [`resolve_ref`].
    Ref(&'x str),
    /// The content of `<![CDATA[…]]>`.
    CData(&'x str),
    Eof,
}

/// An element's tag: its name and the text of its attributes, read when asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tag<'x> {
    name: &'x str,
    attrs: &'x str,
}

impl<'x> Tag<'x> {
    /// The qualified name (`w:p`).
    pub(super) fn name(&self) -> &'x str {
        self.name
    }

    /// The value of attribute `key` (`w:val`), normalized as XML 1.0 says (references resolved,
    /// tabs and line ends made spaces): borrowed from the part unless it needed that. `None`
    /// when there is no such attribute or its value holds a reference that is not one.
    pub(super) fn attr(&self, key: &str) -> Option<Cow<'x, str>> {
        self.attrs()
            .find(|&(name, _)| name == key)
            .and_then(|(_, value)| normalize_attr(value))
    }

    /// The value of the first of `keys` that the tag has with a value [`Tag::attr`] gives, in
    /// the order of `keys`: what `keys.iter().find_map(|k| tag.attr(k))` gives, the attributes
    /// read once instead of once a key.
    pub(super) fn first_attr<const N: usize>(&self, keys: [&str; N]) -> Option<Cow<'x, str>> {
        let mut found: [Option<&'x str>; N] = [None; N];
        for (name, value) in self.attrs() {
            if let Some(k) = keys.iter().position(|&key| key == name) {
                // The first key, met first: no other can come before it.
                if k == 0
                    && found[0].is_none()
                    && let Some(value) = normalize_attr(value)
                {
                    return Some(value);
                }
                found[k].get_or_insert(value);
            }
        }
        found.into_iter().flatten().find_map(normalize_attr)
    }

    /// The attributes, names and values as written (not normalized), up to the end or to the
    /// first that is not well formed.
    fn attrs(&self) -> impl Iterator<Item = (&'x str, &'x str)> + use<'x> {
        let s = self.attrs;
        let b = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let start = i;
            while i < b.len() && b[i] != b'=' && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            let name = &s[start..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                return None;
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let quote = *b.get(i).filter(|&&q| q == b'"' || q == b'\'')?;
            let from = i + 1;
            let to = from + memchr(quote, b.get(from..)?)?;
            i = to + 1;
            Some((name, &s[from..to]))
        })
    }
}

/// An attribute value normalized (XML 1.0, 3.3.3): character references and the predefined
/// entities resolved, `\r\n`, `\r`, `\n` and `\t` made one space each. `None` for an unknown
/// entity or a character reference that names no character.
fn normalize_attr(value: &str) -> Option<Cow<'_, str>> {
    let b = value.as_bytes();
    if !b.iter().any(|&c| matches!(c, b'&' | b'\t' | b'\n' | b'\r')) {
        return Some(Cow::Borrowed(value));
    }
    let mut out = String::with_capacity(value.len());
    let mut i = 0;
    let mut from = 0;
    while i < b.len() {
        match b[i] {
            b'&' => {
                out.push_str(&value[from..i]);
                let end = i + 1 + memchr(b';', &b[i + 1..])?;
                let name = &value[i + 1..end];
                match resolve_ref(name)? {
                    Resolved::Char(c) => out.push(c),
                    Resolved::Str(s) => out.push_str(s),
                }
                i = end + 1;
                from = i;
            }
            b'\t' | b'\n' | b'\r' => {
                out.push_str(&value[from..i]);
                out.push(' ');
                i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                from = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&value[from..]);
    Some(Cow::Owned(out))
}

/// What a reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resolved {
    Char(char),
    Str(&'static str),
}

/// The character a reference's name stands for: `#65`, `#x41`, or one of the five entities
/// XML predefines. `None` for any other (a Word part declares none) and for a number that
/// names no character (or NUL).
pub(super) fn resolve_ref(name: &str) -> Option<Resolved> {
    if let Some(number) = name.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix('x') {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        if digits.starts_with(['+', '-']) {
            return None;
        }
        let code = u32::from_str_radix(digits, radix).ok()?;
        return char::from_u32(code)
            .filter(|&c| c != '\0')
            .map(Resolved::Char);
    }
    Some(Resolved::Str(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    }))
}

/// Text with its line ends as XML 1.0 reads them (2.11): `\r\n` and `\r` are `\n`.
pub(super) fn normalize_eols(text: &str) -> Cow<'_, str> {
    if memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Why a part is not well-formed XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct XmlError {
    /// The byte offset in the part where the damage is.
    pub at: usize,
    pub what: String,
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Reads the events of one XML text.
pub(super) struct Reader<'x> {
    text: &'x str,
    pos: usize,
    /// The names of the open elements, innermost last.
    open: Vec<&'x str>,
}

impl<'x> Reader<'x> {
    pub(super) fn new(text: &'x str) -> Self {
        Reader {
            text,
            pos: 0,
            open: Vec::new(),
        }
    }

    fn error(&self, at: usize, what: impl Into<String>) -> XmlError {
        XmlError {
            at,
            what: what.into(),
        }
    }

    /// The next event; [`Event::Eof`] at the end (elements left open are not an error: a
    /// truncated part keeps what was read).
    pub(super) fn next(&mut self) -> Result<Event<'x>, XmlError> {
        let s = self.text;
        let b = s.as_bytes();
        loop {
            let at = self.pos;
            let Some(&first) = b.get(at) else {
                return Ok(Event::Eof);
            };
            match first {
                b'<' => {
                    if let Some(event) = self.markup(at)? {
                        return Ok(event);
                    }
                }
                b'&' => {
                    // A reference ends at `;`; a `&` with no `;` before the next markup or
                    // reference is text.
                    let rest = &b[at + 1..];
                    let stop = memchr2(b'<', b'&', rest).unwrap_or(rest.len());
                    return Ok(match memchr(b';', &rest[..stop]) {
                        Some(end) => {
                            self.pos = at + end + 2;
                            Event::Ref(&s[at + 1..at + 1 + end])
                        }
                        None => {
                            self.pos = at + 1 + stop;
                            Event::Text(&s[at..self.pos])
                        }
                    });
                }
                _ => {
                    let end = memchr2(b'<', b'&', &b[at..]).map_or(b.len(), |i| at + i);
                    self.pos = end;
                    return Ok(Event::Text(&s[at..end]));
                }
            }
        }
    }

    /// The markup at `at` (a `<`): an event, or `None` for a comment, processing instruction
    /// or document type, which are passed over.
    fn markup(&mut self, at: usize) -> Result<Option<Event<'x>>, XmlError> {
        let s = self.text;
        let b = s.as_bytes();
        match b.get(at + 1) {
            Some(b'/') => {
                // The usual end tag names the innermost open element and has no space before
                // its `>`: checked in place, with no search for the `>`.
                if let Some(&open) = self.open.last() {
                    let end = at + 2 + open.len();
                    if b.get(at + 2..end) == Some(open.as_bytes()) && b.get(end) == Some(&b'>') {
                        self.open.pop();
                        self.pos = end + 1;
                        return Ok(Some(Event::End(open)));
                    }
                }
                let end = at
                    + memchr(b'>', &b[at..]).ok_or_else(|| self.error(at, "end tag not closed"))?;
                let name = s[at + 2..end].trim_end_matches(|c: char| c.is_ascii_whitespace());
                match self.open.pop() {
                    Some(open) if open == name => {}
                    Some(open) => {
                        return Err(
                            self.error(at, format!("</{name}> where </{open}> was expected"))
                        );
                    }
                    None => return Err(self.error(at, format!("</{name}> closes nothing"))),
                }
                self.pos = end + 1;
                Ok(Some(Event::End(name)))
            }
            Some(b'?') => {
                let end = memmem::find(&b[at..], b"?>")
                    .ok_or_else(|| self.error(at, "processing instruction not closed"))?;
                self.pos = at + end + 2;
                Ok(None)
            }
            Some(b'!') => {
                let rest = &b[at..];
                if rest.starts_with(b"<!--") {
                    let end = memmem::find(&rest[4..], b"-->")
                        .ok_or_else(|| self.error(at, "comment not closed"))?;
                    self.pos = at + 4 + end + 3;
                    Ok(None)
                } else if rest.starts_with(b"<![CDATA[") {
                    let end = memmem::find(&rest[9..], b"]]>")
                        .ok_or_else(|| self.error(at, "CDATA section not closed"))?;
                    self.pos = at + 9 + end + 3;
                    Ok(Some(Event::CData(&s[at + 9..at + 9 + end])))
                } else if rest.starts_with(b"<!DOCTYPE") {
                    // An internal subset between brackets may hold `>`.
                    let mut depth = 0usize;
                    let end = rest
                        .iter()
                        .position(|&c| {
                            match c {
                                b'[' => depth += 1,
                                b']' => depth = depth.saturating_sub(1),
                                b'>' if depth == 0 => return true,
                                _ => {}
                            }
                            false
                        })
                        .ok_or_else(|| self.error(at, "document type not closed"))?;
                    self.pos = at + end + 1;
                    Ok(None)
                } else {
                    Err(self.error(at, "unknown markup after `<!`"))
                }
            }
            _ => {
                // The name runs to a space, `/` or `>`; the tag to the first `>` outside quotes.
                let mut i = at + 1;
                while i < b.len() && !ENDS_NAME[usize::from(b[i])] {
                    i += 1;
                }
                if i == at + 1 {
                    return Err(self.error(at, "`<` starts no tag"));
                }
                let name = &s[at + 1..i];
                let attrs_from = i;
                // Most of Word's tags have no attributes (`<w:r>`, `<w:b/>`): no search.
                let no_attrs = Tag { name, attrs: "" };
                match (b.get(i), b.get(i + 1)) {
                    (Some(b'>'), _) => {
                        self.pos = i + 1;
                        self.open.push(name);
                        return Ok(Some(Event::Start(no_attrs)));
                    }
                    (Some(b'/'), Some(b'>')) => {
                        self.pos = i + 2;
                        return Ok(Some(Event::Empty(no_attrs)));
                    }
                    _ => {}
                }
                // The tag ends at its first `>` outside quoted values. A `>` with an even
                // number of `"` (and no `'`) before it is outside them: the usual case, one
                // search; otherwise hop over the quoted values one by one.
                let first = memchr(b'>', &b[i..]).map(|k| i + k);
                if let Some(gt) = first.filter(|&gt| plain_quotes(&b[attrs_from..gt])) {
                    i = gt;
                } else {
                    i = self.tag_end(at, name, i)?;
                }
                self.pos = i + 1;
                let empty = b[i - 1] == b'/' && i > attrs_from;
                let attrs = &s[attrs_from..if empty { i - 1 } else { i }];
                let tag = Tag { name, attrs };
                if empty {
                    Ok(Some(Event::Empty(tag)))
                } else {
                    self.open.push(name);
                    Ok(Some(Event::Start(tag)))
                }
            }
        }
    }

    /// Passes over the content of the element `name` whose start tag was just read, to just
    /// after its end tag, with one search for `</name>` instead of reading the events inside
    /// (whose well-formedness is then not checked). Done only when that search is exact: the
    /// content holds no other `<name` nor any `<!` or `<?` markup (in which an end tag could be
    /// written), so every `<` in it starts a tag and the first `</name>` is the element's end.
    /// `false`, nothing done, otherwise.
    pub(super) fn skip_content(&mut self, name: &str) -> bool {
        if self.open.last() != Some(&name) {
            return false;
        }
        let rest = &self.text.as_bytes()[self.pos..];
        let close = ["</", name, ">"].concat();
        let Some(len) = memmem::find(rest, close.as_bytes()) else {
            return false;
        };
        let inside = &rest[..len];
        let nested = ["<", name].concat();
        if [nested.as_bytes(), b"<!", b"<?"]
            .iter()
            .any(|markup| memmem::find(inside, markup).is_some())
        {
            return false;
        }
        self.open.pop();
        self.pos += len + close.len();
        true
    }

    /// The `>` ending the tag `name` that starts at `at`, its attributes from `i` on: quoted
    /// values (which may hold `>`) hopped over.
    fn tag_end(&self, at: usize, name: &str, mut i: usize) -> Result<usize, XmlError> {
        let b = self.text.as_bytes();
        loop {
            let Some(k) = memchr3(b'>', b'"', b'\'', &b[i..]) else {
                return Err(self.error(at, format!("<{name}> not closed")));
            };
            i += k;
            let quote = b[i];
            if quote == b'>' {
                break;
            }
            let Some(close) = memchr(quote, &b[i + 1..]) else {
                return Err(self.error(at, format!("<{name}> not closed")));
            };
            i += close + 2;
        }
        Ok(i)
    }
}

/// The bytes that end an element's name: XML's white space, `/` and `>`.
const ENDS_NAME: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let stops = *b" \t\n\r/>";
    while k < stops.len() {
        table[stops[k] as usize] = true;
        k += 1;
    }
    table
};

/// Whether attribute text holds only `"` quotes, an even number of them: then a `>` after it
/// is outside every value.
fn plain_quotes(attrs: &[u8]) -> bool {
    // Byte-wide sums without branches, which the compiler turns into vector code (32 bytes a
    // step): the low bit of a wrapping count is the parity of the true one.
    let (double, single) = attrs.iter().fold((0u8, 0u8), |(d, s), &c| {
        (
            d.wrapping_add(u8::from(c == b'"')),
            s | u8::from(c == b'\''),
        )
    });
    double & 1 == 0 && single == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Result<Vec<Event<'_>>, XmlError> {
        let mut r = Reader::new(xml);
        let mut out = Vec::new();
        loop {
            match r.next()? {
                Event::Eof => return Ok(out),
                e => out.push(e),
            }
        }
    }

    /// Each event as a line: kind, name or text.
    fn shapes(events: &[Event<'_>]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                Event::Start(t) => format!("<{}>", t.name()),
                Event::Empty(t) => format!("<{}/>", t.name()),
                Event::End(n) => format!("</{n}>"),
                Event::Text(t) => format!("text {t}"),
                Event::Ref(r) => format!("ref {r}"),
                Event::CData(c) => format!("cdata {c}"),
                Event::Eof => "eof".to_owned(),
            })
            .collect()
    }

    #[test]
    fn tags_text_references_and_cdata() {
        let xml = "<?xml version=\"1.0\"?><!-- c --><a x='1>2'><b/>t &amp; u&#x41;&bogus<![CDATA[<z>]]></a >";
        let got = events(xml).expect("well-formed");
        assert_eq!(
            shapes(&got),
            [
                "<a>",
                "<b/>",
                "text t ",
                "ref amp",
                "text  u",
                "ref #x41",
                "text &bogus",
                "cdata <z>",
                "</a>"
            ]
        );
        let Event::Start(a) = got[0] else {
            panic!("a start tag")
        };
        assert_eq!(a.attr("x").as_deref(), Some("1>2"));
        assert_eq!(a.attr("y"), None);
        // A `>` inside a double-quoted value does not end the tag.
        let got = events("<a x=\"1\" y=\"2>3\"/><b/>").expect("well-formed");
        let [Event::Empty(a), Event::Empty(b)] = got.as_slice() else {
            panic!("two empty tags: {got:?}")
        };
        assert_eq!((a.attr("y").as_deref(), b.name()), (Some("2>3"), "b"));
    }

    #[test]
    fn tags_without_attributes_read_as_tags_with_spaces() {
        // The short forms (no search for `>`, end tags checked in place) give what the general
        // reading gives.
        let short = events("<a><b/><c></c></a>").expect("well-formed");
        let spaced = events("<a ><b /><c\n></c ></a\t>").expect("well-formed");
        assert_eq!(shapes(&short), shapes(&spaced));
        let read = events("<w:r><w:b/></w:r>").expect("well-formed");
        let [Event::Start(r), Event::Empty(b), Event::End(end)] = read.as_slice() else {
            panic!("three events: {read:?}")
        };
        assert_eq!((r.name(), b.name(), *end), ("w:r", "w:b", "w:r"));
        assert_eq!(b.attr("w:val"), None, "no attributes");
        // A name that only starts like the open one is no end of it.
        assert!(events("<ab></a>").is_err(), "mismatched end");
        assert!(events("<a></ab>").is_err(), "mismatched end");
    }

    #[test]
    fn attributes_are_normalized() {
        let xml = "<w:lvl w:a = \"x\" w:val=\"&quot;%1&#46;\t&#x1EA0;&#13;\" w:bad=\"&nope;\" w:nul=\"&#0;\"/>";
        let read = events(xml).expect("well-formed");
        let [Event::Empty(tag)] = read.as_slice() else {
            panic!("one empty tag")
        };
        assert_eq!(tag.name(), "w:lvl");
        assert_eq!(tag.attr("w:a").as_deref(), Some("x"));
        assert_eq!(tag.attr("w:val").as_deref(), Some("\"%1. Ạ\r"));
        assert_eq!(tag.attr("w:bad"), None);
        assert_eq!(tag.attr("w:nul"), None);
        // The first key with a value that normalizes, in the keys' order.
        assert_eq!(
            tag.first_attr(["w:bad", "w:none", "w:a", "w:val"])
                .as_deref(),
            Some("x")
        );
        assert_eq!(tag.first_attr(["w:none", "w:nul"]), None);
        assert_eq!(resolve_ref("#-5"), None);
        assert_eq!(normalize_eols("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn contents_are_passed_over_when_exact() {
        let xml = "<s><l><x a=\"1\"/><x/></l><t/></s>";
        let mut r = Reader::new(xml);
        assert!(matches!(r.next(), Ok(Event::Start(t)) if t.name() == "s"));
        assert!(!r.skip_content("l"), "not the element just opened");
        assert!(matches!(r.next(), Ok(Event::Start(t)) if t.name() == "l"));
        assert!(r.skip_content("l"));
        assert!(matches!(r.next(), Ok(Event::Empty(t)) if t.name() == "t"));
        assert_eq!(r.next(), Ok(Event::End("s")));
        // A nested element of the same name, or a comment that may hide an end tag: read on.
        for xml in ["<l><l/></l>", "<l><!-- </l> --></l>"] {
            let mut r = Reader::new(xml);
            assert!(matches!(r.next(), Ok(Event::Start(_))));
            assert!(!r.skip_content("l"), "{xml}");
        }
    }

    #[test]
    fn damaged_parts_are_errors() {
        assert!(events("<a><b></a>").is_err(), "mismatched end");
        assert!(events("</a>").is_err(), "end of nothing");
        assert!(events("<a x=\"1").is_err(), "tag cut off");
        assert!(events("<a><!-- cut").is_err(), "comment cut off");
        assert!(events("< a>").is_err(), "no name");
        // A part cut off between tags keeps what was read.
        assert_eq!(events("<a><b>x").expect("read").len(), 3);
    }

    /// XML-like text made of the bytes that steer the reader, with letters in two and three
    /// bytes between them.
    fn xmlish() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = proptest::sample::select(
            &[
                "<",
                ">",
                "/",
                "</",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<?",
                "?>",
                "&",
                ";",
                "&amp;",
                "&#x41;",
                "&#",
                "=",
                "\"",
                "'",
                " ",
                "\r\n",
                "\t",
                "w:t",
                "w:p",
                "a",
                "ệ",
                "Đ",
                "中",
                "😀",
            ][..],
        );
        proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]

        /// Whatever the text, the reader ends (an error or the end) without a panic, moving on at
        /// each event; the attributes of every tag read, and skipping an element, never panic.
        #[test]
        fn any_text_is_read_to_an_end_or_an_error(xml in xmlish()) {
            let mut r = Reader::new(&xml);
            for _ in 0..=xml.len() + 1 {
                match r.next() {
                    Ok(Event::Eof) | Err(_) => return Ok(()),
                    Ok(Event::Start(t)) => {
                        let _ = t.attr("a");
                        let _ = r.skip_content("a");
                    }
                    Ok(Event::Empty(t)) => {
                        let keys = ["w:t", "a", "w:p"];
                        proptest::prop_assert_eq!(
                            t.first_attr(keys),
                            keys.iter().find_map(|k| t.attr(k)),
                            "one reading of the attributes gives what one a key gives"
                        );
                    }
                    Ok(_) => {}
                }
            }
            proptest::prop_assert!(false, "no end after {} events", xml.len() + 2);
        }
    }
}
