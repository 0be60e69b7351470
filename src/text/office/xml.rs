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

use memchr::memmem;

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

/// Where `needle` first is in `haystack`. Most of the reader's searches cross a few bytes (to a
/// tag's `>`, to the next `<`), where `memchr::memchr`'s choice of an implementation at each
/// call costs as much as the search: on x86-64 its SSE2 searcher (SSE2 is always there) is
/// called directly.
#[inline]
fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::sse2::memchr::One::new(needle) {
        return one.find(haystack);
    }
    memchr::memchr(needle, haystack)
}

/// [`memchr`] for any of three bytes.
#[inline]
fn memchr3(a: u8, b: u8, c: u8, haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(three) = memchr::arch::x86_64::sse2::memchr::Three::new(a, b, c) {
        return three.find(haystack);
    }
    memchr::memchr3(a, b, c, haystack)
}

/// [`memchr`] for either of two bytes.
#[inline]
fn memchr2(a: u8, b: u8, haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(two) = memchr::arch::x86_64::sse2::memchr::Two::new(a, b) {
        return two.find(haystack);
    }
    memchr::memchr2(a, b, haystack)
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

/// An element a reader wants only some tags of: its events are its start tag, the tags named
/// in `wanted` found inside it at any depth (each as [`Event::Empty`], in order, with its
/// attributes), and its end tag. Run and paragraph properties hold a dozen tags of which a
/// reader of the text needs one or two: half the events of a Word document.
#[derive(Debug, Clone, Copy)]
pub(super) struct Condense {
    pub element: Name,
    pub wanted: &'static [Name],
}

/// An element name a reader looks for, kept with its first eight bytes as one word: a name in
/// the text is then told from it by a compare or two, not a call to `memcmp` (names differ in
/// their first bytes or length far more often than they match).
#[derive(Debug, Clone, Copy)]
pub(super) struct Name {
    text: &'static str,
    /// The first eight bytes (fewer for a shorter name), little-endian, the rest zero.
    head: u64,
    /// The bits of `head` the name fills.
    mask: u64,
}

impl Name {
    pub(super) const fn new(text: &'static str) -> Name {
        let b = text.as_bytes();
        let mut head = 0u64;
        let mut mask = 0u64;
        let mut i = 0;
        while i < b.len() && i < 8 {
            head |= (b[i] as u64) << (8 * i);
            mask |= 0xFF << (8 * i);
            i += 1;
        }
        Name { text, head, mask }
    }

    #[cfg(test)]
    fn as_str(&self) -> &'static str {
        self.text
    }

    /// Whether the element name starting at `at` in `b` (after a `<` or `</`) is this one:
    /// its bytes, then a byte that ends a name.
    fn is_at(&self, b: &[u8], at: usize) -> bool {
        let n = self.text.len();
        let Some(word) = b.get(at..).and_then(|rest| rest.first_chunk::<8>()) else {
            return b.get(at..at + n) == Some(self.text.as_bytes())
                && b.get(at + n).is_none_or(|&c| ENDS_NAME[usize::from(c)]);
        };
        u64::from_le_bytes(*word) & self.mask == self.head
            && b.get(at + n).is_none_or(|&c| ENDS_NAME[usize::from(c)])
            && (n <= 8 || b.get(at + 8..at + n) == self.text.as_bytes().get(8..))
    }
}

/// The most wanted tags one condensed element may hold; an element with more is read event by
/// event.
const MAX_WANTED: usize = 8;

/// Reads the events of one XML text.
pub(super) struct Reader<'x> {
    text: &'x str,
    pos: usize,
    /// The names of the open elements, innermost last.
    open: Vec<&'x str>,
    condensed: &'static [Condense],
    /// Events of a condensed element read ahead (its wanted tags, then its end), served from
    /// `queue_at` up to `queue_len`.
    queue: [Event<'x>; MAX_WANTED + 1],
    queue_at: usize,
    queue_len: usize,
}

impl<'x> Reader<'x> {
    /// A reader that gives every event.
    pub(super) fn new(text: &'x str) -> Self {
        Reader::condensing(text, &[])
    }

    /// A reader that gives the elements of `condensed` condensed ([`Condense`]) whenever that is
    /// exact: their content holds no element of their own name (whose end would end the search)
    /// nor any `<!` or `<?` markup (in which an end tag could be written), so that every `<` in
    /// it starts a tag and the first end tag of their name is theirs. Otherwise (and for an
    /// element with more than [`MAX_WANTED`] wanted tags, a damaged wanted tag, or a `<` that
    /// starts no name) every event is given. The content passed over is not checked to be
    /// well-formed: a `<` inside an attribute value, which XML forbids, is taken for a tag.
    pub(super) fn condensing(text: &'x str, condensed: &'static [Condense]) -> Self {
        Reader {
            text,
            pos: 0,
            open: Vec::new(),
            condensed,
            queue: [Event::Eof; MAX_WANTED + 1],
            queue_at: 0,
            queue_len: 0,
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
    ///
    /// Inlined into its two callers, as is [`Reader::markup`]: out of line, the event was
    /// returned through memory, written field by field and read back 16 bytes at a time by a
    /// shared return path, a load the processor cannot forward from the smaller stores (a
    /// third of this function's samples in `perf`); the DOCX bench ran 7 % faster inlined.
    #[inline(always)]
    pub(super) fn next(&mut self) -> Result<Event<'x>, XmlError> {
        if self.queue_at < self.queue_len {
            let event = self.queue[self.queue_at];
            self.queue_at += 1;
            return Ok(event);
        }
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
    #[inline(always)]
    fn markup(&mut self, at: usize) -> Result<Option<Event<'x>>, XmlError> {
        let s = self.text;
        let b = s.as_bytes();
        match b.get(at + 1) {
            Some(b'/') => {
                // The usual end tag names the innermost open element and has no space before
                // its `>`: checked in place, with no search for the `>`.
                if let Some(&open) = self.open.last()
                    && closes(b, at + 2, open.as_bytes())
                {
                    self.open.pop();
                    self.pos = at + 2 + open.len() + 1;
                    return Ok(Some(Event::End(open)));
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
                let (tag, after, empty) = self.tag_at(at, name_end(b, at + 1))?;
                self.pos = after;
                if empty {
                    return Ok(Some(Event::Empty(tag)));
                }
                self.open.push(tag.name);
                let n = tag.name.len();
                if let Some(c) = self
                    .condensed
                    .iter()
                    .find(|c| c.element.text.len() == n && c.element.is_at(b, at + 1))
                {
                    self.condense(tag.name, c.element, c.wanted);
                }
                Ok(Some(Event::Start(tag)))
            }
        }
    }

    /// The start or empty tag at `at` (a `<`), its name ending at `name_end`: the tag, where
    /// the text after it begins, and whether it is empty.
    #[inline]
    fn tag_at(&self, at: usize, name_end: usize) -> Result<(Tag<'x>, usize, bool), XmlError> {
        let s = self.text;
        let b = s.as_bytes();
        if name_end == at + 1 {
            return Err(self.error(at, "`<` starts no tag"));
        }
        let name = &s[at + 1..name_end];
        let attrs_from = name_end;
        let mut i = name_end;
        // Most of Word's tags have no attributes (`<w:r>`, `<w:b/>`): no search.
        let no_attrs = Tag { name, attrs: "" };
        match (b.get(i), b.get(i + 1)) {
            (Some(b'>'), _) => return Ok((no_attrs, i + 1, false)),
            (Some(b'/'), Some(b'>')) => return Ok((no_attrs, i + 2, true)),
            _ => {}
        }
        // The tag ends at its first `>` outside quoted values.
        i = self.tag_end(at, name, i)?;
        let empty = b[i - 1] == b'/' && i > attrs_from;
        let attrs = &s[attrs_from..if empty { i - 1 } else { i }];
        Ok((Tag { name, attrs }, i + 1, empty))
    }

    /// Reads the content of the element `name` whose start tag was just read, when that is
    /// exact ([`Reader::condensing`]): the tags named in `wanted` are queued, then the
    /// element's end, and the reader moves past it. Nothing is done otherwise.
    ///
    /// A wanted tag is read as [`Reader::next`] reads it; the others are passed over from `<`
    /// to `<`, unread: a `<` is never in an attribute value nor in text of well-formed XML
    /// (a `>` may be, and is not looked for). End tags inside are not matched with their
    /// start tags.
    fn condense(&mut self, name: &'x str, element: Name, wanted: &[Name]) {
        let b = self.text.as_bytes();
        let mut at = self.pos;
        let mut queued = 0;
        loop {
            let Some(lt) = b.get(at..).and_then(|rest| memchr(b'<', rest)) else {
                return;
            };
            let lt = at + lt;
            match b.get(lt + 1) {
                Some(b'/') if element.is_at(b, lt + 2) => {
                    if b.get(lt + 2 + name.len()) != Some(&b'>') {
                        return;
                    }
                    self.queue[queued] = Event::End(name);
                    self.queue_at = 0;
                    self.queue_len = queued + 1;
                    self.open.pop();
                    self.pos = lt + name.len() + 3;
                    return;
                }
                Some(b'/') => at = lt + 2,
                // A name begins with a letter, `_`, `:` or a character beyond ASCII; `<!` and
                // `<?` markup may hide an end tag.
                Some(&c) if !(c.is_ascii_alphabetic() || matches!(c, b'_' | b':' | 0x80..)) => {
                    return;
                }
                Some(_) if element.is_at(b, lt + 1) => return,
                Some(_) if wanted.iter().any(|w| w.is_at(b, lt + 1)) => {
                    if queued == MAX_WANTED {
                        return;
                    }
                    let Ok((tag, after, _)) = self.tag_at(lt, name_end(b, lt + 1)) else {
                        return;
                    };
                    self.queue[queued] = Event::Empty(tag);
                    queued += 1;
                    at = after;
                }
                Some(_) => at = lt + 1,
                None => return,
            }
        }
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

/// Where the element name that starts at `from` ends: at the first byte [`ENDS_NAME`] takes
/// (XML's white space, `/`, `>`), or at the end.
fn name_end(b: &[u8], mut from: usize) -> usize {
    while from < b.len() && !ENDS_NAME[usize::from(b[from])] {
        from += 1;
    }
    from
}

/// Whether `b` holds `name` then `>` at `at`: the end tag of an element named `name`.
fn closes(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at..at + name.len()) == Some(name) && b.get(at + name.len()) == Some(&b'>')
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

    const PROPS: &[Condense] = &[Condense {
        element: Name::new("l"),
        wanted: &[Name::new("w:x"), Name::new("w:headerReference")],
    }];

    fn condensed(xml: &str) -> Result<Vec<Event<'_>>, XmlError> {
        let mut r = Reader::condensing(xml, PROPS);
        let mut out = Vec::new();
        loop {
            match r.next()? {
                Event::Eof => return Ok(out),
                e => out.push(e),
            }
        }
    }

    /// What the condensing reader gives for the events of a plain reading: a condensed
    /// element's start, its wanted tags (start or empty) as empty tags, its end.
    fn condensed_form<'x>(events: &[Event<'x>]) -> Vec<Event<'x>> {
        let wanted = |t: &Tag<'_>| PROPS[0].wanted.iter().any(|w| w.as_str() == t.name());
        let mut out = Vec::new();
        let mut inside = 0usize;
        for &e in events {
            match e {
                Event::Start(t) if inside == 0 && t.name() == PROPS[0].element.as_str() => {
                    out.push(e);
                    inside = 1;
                }
                Event::Start(t) | Event::Empty(t) if inside > 0 => {
                    if wanted(&t) {
                        out.push(Event::Empty(t));
                    }
                    inside += usize::from(matches!(e, Event::Start(_)));
                }
                Event::End(_) if inside > 0 => {
                    inside -= 1;
                    if inside == 0 {
                        out.push(e);
                    }
                }
                _ if inside > 0 => {}
                _ => out.push(e),
            }
        }
        out
    }

    #[test]
    fn condensed_elements_give_their_wanted_tags_only() {
        let xml = "<s><l><w:y a=\"1\"/><w:x w:val=\"2\"/><n><w:x w:val=\"3\">t</w:x></n>\
                   <w:headerReference r:id=\"rId7\"/><w:headerReferences/></l><w:x/>z</s>";
        let got = condensed(xml).expect("well-formed");
        assert_eq!(
            shapes(&got),
            [
                "<s>",
                "<l>",
                "<w:x/>",
                "<w:x/>",
                "<w:headerReference/>",
                "</l>",
                "<w:x/>",
                "text z",
                "</s>"
            ]
        );
        let values: Vec<_> = got
            .iter()
            .filter_map(|e| match e {
                Event::Empty(t) => t.first_attr(["w:val", "r:id"]),
                _ => None,
            })
            .collect();
        assert_eq!(values, ["2", "3", "rId7"]);
        assert_eq!(got, condensed_form(&events(xml).expect("well-formed")));
    }

    #[test]
    fn elements_are_read_whole_when_condensing_is_not_exact() {
        let many = format!("<l>{}</l>", "<w:x/>".repeat(MAX_WANTED + 1));
        for xml in [
            // Its own name inside: its first end tag is not its end.
            "<l><l><w:x/></l><w:x/></l>",
            // A comment or an instruction may hide an end tag.
            "<l><!-- </l> --><w:x/></l>",
            "<l><?pi </l> ?><w:x/></l>",
            // No end: a part cut short.
            "<l><w:x/><n>",
            // A wanted tag that is damaged is an error where a plain reading meets it.
            "<l><w:x a=\"1/></l>",
            // More wanted tags than are kept.
            many.as_str(),
        ] {
            assert_eq!(condensed(xml), events(xml), "{xml}");
        }
        // A name that only begins like a wanted one, or like the element's, is not it.
        let xml = "<l><w:xy/><ll/></l>";
        assert_eq!(
            shapes(&condensed(xml).expect("well-formed")),
            ["<l>", "</l>"]
        );
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
                "<l>",
                "</l>",
                "<w:x/>",
                "<w:x a=\"1\">",
                "</w:x>",
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

        /// Condensing changes nothing but what it promises: where a plain reading ends well,
        /// every element closed and no `<` in a tag (which well-formed XML never has), the
        /// condensing reader ends well too, and its events condensed are the plain events
        /// condensed (each element condensed or read whole, never cut short). Whatever the
        /// text, it ends without a panic.
        #[test]
        fn condensing_gives_the_plain_events_condensed(xml in xmlish()) {
            let got = condensed(&xml);
            let Ok(plain) = events(&xml) else {
                return Ok(());
            };
            let starts = plain.iter().filter(|e| matches!(e, Event::Start(_))).count();
            let ends = plain.iter().filter(|e| matches!(e, Event::End(_))).count();
            let lt_in_tag = plain.iter().any(|e| match e {
                Event::Start(t) | Event::Empty(t) => t.attrs.contains('<') || t.name.contains('<'),
                _ => false,
            });
            if starts == ends && !lt_in_tag {
                let got = got.expect("a well-formed text is condensed without an error");
                proptest::prop_assert_eq!(condensed_form(&got), condensed_form(&plain));
            }
        }
    }
}
