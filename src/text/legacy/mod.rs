//! Legacy Vietnamese encodings: TCVN3 (ABC), VNI, VISCII and VIQR, to NFC Unicode.
//!
//! Until about 2010 most Vietnamese offices typed in legacy fonts: the bytes of a `.VnTime`
//! (TCVN3) or `VNI-Times` (VNI) document are Windows-1252 characters to every other program
//! (`Céng hßa x· héi`, `Coäng hoøa xaõ hoäi`). This module turns them back into Vietnamese:
//! - [`font_encoding`]: a font's name is the strongest evidence (`.Vn*` is TCVN3, and a trailing
//!   `H` means the font draws the small-letter slots as capitals; `VNI-*` is VNI);
//! - without a font, [`Evidence`] weighs each candidate decoding by how many of its words are
//!   Vietnamese syllables ([`syllable`]): a wrong decoding gives words nobody writes. Text that is
//!   already Unicode Vietnamese, English or French never gains from a legacy decoding and stays
//!   as it is;
//! - documents mix encodings, so the choice is made per paragraph (or line), with the whole
//!   document's choice breaking the ties of paragraphs too short to tell ([`Chooser`]);
//! - [`decode_bytes`] reads a text file that is not UTF-8 line by line this way.

mod convert;
mod mixed;
mod syllable;
mod tables;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::text::{chars, kernels};

use unicode_normalization::UnicodeNormalization;

pub(crate) use convert::{convert, restore_capitals};
pub(crate) use mixed::decode as decode_mixed;
pub(crate) use tables::cp1252_char;

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// TCVN 5712:1993 VN3, the ABC fonts (`.VnTime`, `.VnArial`, …).
    Tcvn3,
    /// VNI-Windows (`VNI-Times`, …): a vowel byte followed by a mark byte.
    Vni,
    /// VISCII (RFC 1456).
    Viscii,
    /// VIQR (RFC 1456): ASCII with the marks written after the vowel (`Vie^.t`).
    Viqr,
}

impl Encoding {
    /// Lower-case name, as `--encoding` takes it and `source.encoding` records it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viscii => "viscii",
            Encoding::Viqr => "viqr",
        }
    }

    /// The encoding of a name (`tcvn3`, `abc`, `vni`, `viscii`, `viqr`; any case).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "tcvn3" | "tcvn" | "abc" => Some(Encoding::Tcvn3),
            "vni" => Some(Encoding::Vni),
            "viscii" => Some(Encoding::Viscii),
            "viqr" => Some(Encoding::Viqr),
            _ => None,
        }
    }
}

/// The encodings a detector weighs against the text as it is (VIQR is plain ASCII and is only
/// ever forced: detecting it would rewrite English punctuation).
const DETECTED: [Encoding; 3] = [Encoding::Tcvn3, Encoding::Vni, Encoding::Viscii];

/// How much of a text each encoding covered, counted as it is read: the bytes (of the file, or
/// of the runs as the office file stores them) and the paragraphs (or lines) each one appears in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// `(name, bytes, paragraphs)` in the order the encodings were first met.
    uses: Vec<(&'static str, usize, usize)>,
    /// The encodings seen in the current paragraph (indexes into `uses`).
    seen: Vec<usize>,
}

impl Tally {
    /// `bytes` more of the current paragraph were read in `name`.
    pub(crate) fn add(&mut self, name: &'static str, bytes: usize) {
        if bytes == 0 {
            return;
        }
        let at = match self.uses.iter().position(|u| u.0 == name) {
            Some(at) => at,
            None => {
                self.uses.push((name, 0, 0));
                self.uses.len() - 1
            }
        };
        if let Some(u) = self.uses.get_mut(at) {
            u.1 += bytes;
        }
        if !self.seen.contains(&at) {
            self.seen.push(at);
        }
    }

    /// The current paragraph ends.
    pub(crate) fn end_paragraph(&mut self) {
        for &at in &self.seen {
            if let Some(u) = self.uses.get_mut(at) {
                u.2 += 1;
            }
        }
        self.seen.clear();
    }

    /// The legacy encoding that covered the most bytes, if any did.
    pub(crate) fn main_legacy(&self) -> Option<Encoding> {
        self.uses
            .iter()
            .filter_map(|u| Some((Encoding::from_name(u.0)?, u.1)))
            .max_by_key(|&(_, bytes)| bytes)
            .map(|(e, _)| e)
    }

    /// `(name, bytes, paragraphs)` of every encoding met, the most bytes first.
    pub(crate) fn uses(mut self) -> Vec<(&'static str, usize, usize)> {
        self.end_paragraph();
        self.uses.sort_by_key(|u| std::cmp::Reverse(u.1));
        self.uses
    }
}

/// What a font's name says about the text set in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontEncoding {
    /// The encoding of the font's bytes.
    pub encoding: Encoding,
    /// The font draws the small-letter slots as capitals (`.VnTimeH`).
    pub capitals: bool,
}

/// The legacy encoding of a font, by its name: `.Vn*` TCVN3 (a trailing `H` draws capitals),
/// `VNI-*` VNI; `None` for any other font. TCVN3 fonts also went about without the dot and with
/// a suffix (`VnTimeH(Ds)`, `VNTime`) or named for the standard (`VNSTCVN3`); a name with a
/// hyphen after `VN` is another family (`VNI-Times`, the Unicode `VNF-*`).
pub fn font_encoding(name: &str) -> Option<FontEncoding> {
    let name = name.trim();
    // `VnTimeH(Ds)`: the family is what comes before the parenthesis.
    let family = name.split_once('(').map_or(name, |(f, _)| f.trim_end());
    // Asked for every run of an office file: the prefixes compared in place, nothing copied.
    let starts = |prefix: &str| {
        family
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if starts("vni-") || starts("vni ") {
        return Some(FontEncoding {
            encoding: Encoding::Vni,
            capitals: false,
        });
    }
    let undotted = starts("vn")
        && family
            .as_bytes()
            .get(2)
            .is_some_and(u8::is_ascii_alphabetic)
        && !family.contains('-');
    // Asked of every run's font: the search for `TCVN3` only in a name with a `3`.
    let standard = family.as_bytes().contains(&b'3')
        && family
            .as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"tcvn3"));
    if starts(".vn") || undotted || standard {
        return Some(FontEncoding {
            encoding: Encoding::Tcvn3,
            capitals: family.ends_with('H'),
        });
    }
    None
}

/// True when `text` holds letters only Unicode has (`ộ`, `ư`, `đ`): text in a legacy font that
/// was nevertheless typed in Unicode, which no legacy table may touch.
pub(crate) fn has_unicode_vietnamese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(u32::from(c), 0x1EA0..=0x1EF9)
            || matches!(
                c,
                'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
            )
    })
}

/// Whether `chars` (text as Windows-1252 characters) has a legacy reading: a byte a legacy
/// table changes (ASCII without VISCII's six control letters has none) and no letter only
/// Unicode has.
fn has_legacy_reading(chars: &str) -> bool {
    let plain = chars
        .bytes()
        .all(|b| (0x20..0x80).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'));
    !plain && !has_unicode_vietnamese(chars)
}

/// Converts text set in a legacy font: decoded, and upper-cased for an `H` font. Words pasted
/// from the other encoding are read in it ([`mixed::decode`]) unless the encoding was forced
/// (`forced`): a forced encoding reads every word in it, as in a text file.
pub(crate) fn convert_font(text: &str, font: FontEncoding, forced: bool) -> String {
    if has_unicode_vietnamese(text) {
        return text.to_owned();
    }
    let decoded = if forced {
        convert(text, font.encoding)
    } else {
        mixed::decode(text, font.encoding)
    };
    if font.capitals {
        decoded.to_uppercase()
    } else {
        decoded
    }
}

/// Words already weighed, by their text: what [`Evidence::weigh`] said of each.
type Known = HashMap<String, Weight, foldhash::fast::FixedState>;

/// What one word beyond ASCII of two letters or more weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    /// A Vietnamese syllable.
    Valid,
    /// Not one.
    Invalid,
    /// An abbreviation in capitals without a vowel (`NĐ`, `QĐ` of a number's symbol): it says
    /// little either way and counts nothing.
    Nothing,
}

/// The words of `text` that can weigh anything: the runs of letters and combining marks that
/// hold a character beyond ASCII and two characters at least (a lone letter, `đ` for đồng or
/// `ở`, says little either way). [`Evidence`] weighs these and nothing else, so their number
/// bounds how far a text's net evidence can go either way.
fn words_beyond_ascii(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        // One pass over the bytes: an ASCII byte is a letter or ends a word without decoding;
        // a character beyond ASCII is decoded and asked.
        let (mut start, mut chars, mut wide) = (at, 0usize, false);
        while let Some(&b) = text.as_bytes().get(at) {
            let (word_char, width) = if b < 0x80 {
                (b.is_ascii_alphabetic(), 1)
            } else {
                let c = text.get(at..).and_then(|s| s.chars().next()).unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            };
            let end = at;
            at += width;
            if word_char {
                chars += 1;
                wide |= b >= 0x80;
                continue;
            }
            if wide && chars >= 2 {
                return text.get(start..end);
            }
            (start, chars, wide) = (at, 0, false);
        }
        (wide && chars >= 2).then(|| text.get(start..)).flatten()
    })
}

/// A letter or a combining mark: what a word is made of ([`words_beyond_ascii`]).
fn is_word_char(c: char) -> bool {
    chars::is_alphabetic(c) || is_mark(c)
}

/// How Vietnamese a decoded text looks: words with letters beyond ASCII that are syllables
/// (`valid`) or are not (`invalid`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    valid: usize,
    invalid: usize,
}

impl Evidence {
    /// Weighs the words of `text`.
    pub(crate) fn of(text: &str) -> Self {
        Evidence::of_with(text, Evidence::weigh)
    }

    /// What `word` (one of [`words_beyond_ascii`]) weighs.
    fn weigh(word: &str) -> Weight {
        if abbreviation(word) {
            Weight::Nothing
        } else if syllable::is_syllable(word) {
            Weight::Valid
        } else {
            Weight::Invalid
        }
    }

    /// Weighs the words of `text`, `weigh` saying what each weighs.
    fn of_with(text: &str, mut weigh: impl FnMut(&str) -> Weight) -> Self {
        let mut e = Evidence::default();
        for word in words_beyond_ascii(text) {
            match weigh(word) {
                Weight::Valid => e.valid += 1,
                Weight::Invalid => e.invalid += 1,
                Weight::Nothing => {}
            }
        }
        e
    }

    /// [`Evidence::of`], each distinct word weighed once in `known` (a document's words
    /// repeat: a DOCX's paragraphs have a few thousand distinct words in tens of thousands).
    fn of_known(text: &str, known: &mut Known) -> Self {
        Evidence::of_with(text, |word| match known.get(word) {
            Some(&v) => v,
            None => {
                let v = Evidence::weigh(word);
                known.insert(word.to_owned(), v);
                v
            }
        })
    }

    /// Every word weighed a syllable, and one at least: the text reads as Vietnamese throughout.
    fn clean(self) -> bool {
        self.invalid == 0 && self.valid > 0
    }

    fn net(self) -> isize {
        let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
        signed(self.valid) - signed(self.invalid)
    }

    fn add(&mut self, other: Evidence) {
        self.valid += other.valid;
        self.invalid += other.invalid;
    }
}

/// True when `word` is in capitals and has no vowel, marked or not: an abbreviation (`NĐ`,
/// `ĐTN`).
fn abbreviation(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    word.chars().all(char::is_uppercase)
        && !word
            .nfd()
            .any(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'))
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F)
}

/// Syllables a run's reading in the other encoding needs at least to overrule its font's
/// ([`Weighed::contradicts`]).
const PASTED_WORDS: usize = 2;

/// True when `text` reads as Vietnamese in `claimed` and not in `other`: every word beyond ASCII
/// a syllable in the one, some word none in the other. A run that keeps its font's encoding
/// though the paragraph around it was typed in another.
pub(crate) fn reads_better(text: &str, claimed: Encoding, other: Encoding) -> bool {
    Evidence::of(&convert(text, claimed)).clean() && !Evidence::of(&convert(text, other)).clean()
}

/// One candidate per slot: the text as it is, then [`DETECTED`].
const CANDIDATES: usize = 1 + DETECTED.len();

/// The evidence for each reading of one paragraph.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Weighed([Evidence; CANDIDATES]);

impl Weighed {
    /// Weighs `as_is` (the text as the file's own encoding reads it) against the legacy
    /// decodings of `chars` (the same text as Windows-1252 characters).
    #[cfg(test)]
    pub(crate) fn new(as_is: &str, chars: &str) -> Self {
        let mut known = Known::default();
        let mut w = Weighed::legacy(chars, &mut known);
        w.weigh_as_is(as_is, &mut known);
        w
    }

    /// Only the legacy decodings of `chars` weighed: the text as it is counts nothing yet.
    /// Text without a legacy reading ([`has_legacy_reading`]) has none weighed.
    fn legacy(chars: &str, known: &mut Known) -> Self {
        let mut w = Weighed::default();
        if !has_legacy_reading(chars) {
            return w;
        }
        for (slot, enc) in w.0.iter_mut().skip(1).zip(DETECTED) {
            *slot = Evidence::of_known(&convert(chars, enc), known);
        }
        w
    }

    /// What [`Weighed::contradicts`] says of `text` (a run of an office file, the same as it
    /// is and as Windows-1252 characters) set in a font of `claimed`, with the other readings
    /// weighed only when they can contradict it: when the claimed one is mostly not syllables.
    /// A run of a legacy document reads well in its font's encoding, and is then converted and
    /// weighed once instead of three times and four.
    pub(crate) fn contradicting(text: &str, claimed: Encoding) -> Option<Encoding> {
        // Without a legacy reading every legacy slot is empty and none is chosen.
        if !has_legacy_reading(text) {
            return None;
        }
        let mut known = Known::default();
        let mine = Evidence::of_known(&convert(text, claimed), &mut known);
        if mine.clean() {
            return None;
        }
        let mut w = Weighed::legacy(text, &mut known);
        w.weigh_as_is(text, &mut known);
        w.contradicts(claimed)
    }

    fn weigh_as_is(&mut self, as_is: &str, known: &mut Known) {
        if let Some(slot) = self.0.first_mut() {
            *slot = Evidence::of_known(as_is, known);
        }
    }

    /// Whether some legacy reading is mostly syllables: only then can it be chosen, and only
    /// then does the reading as it is need weighing.
    fn legacy_eligible(&self) -> bool {
        self.0.iter().skip(1).any(|e| e.valid > e.invalid)
    }

    /// The best reading: `None` the text as it is, else a legacy encoding. `favored` (the
    /// document's choice) wins ties. A legacy reading must be mostly syllables.
    pub(crate) fn best(&self, favored: Option<Encoding>) -> Option<Encoding> {
        self.best_from(0, favored)
    }

    /// The best legacy reading, the text as it is left out: the only one a document can choose
    /// besides the text as it is, whatever that weighs.
    fn best_legacy(&self) -> Option<Encoding> {
        self.best_from(1, None)
    }

    /// [`Weighed::best`] among the readings from slot `first` on.
    fn best_from(&self, first: usize, favored: Option<Encoding>) -> Option<Encoding> {
        let mut best: (isize, Option<Encoding>) = (isize::MIN, None);
        for (i, e) in self.0.iter().enumerate().skip(first) {
            let enc = i.checked_sub(1).and_then(|k| DETECTED.get(k).copied());
            if enc.is_some() && e.valid <= e.invalid {
                continue;
            }
            let score = 2 * e.net() + isize::from(enc == favored);
            if score > best.0 {
                best = (score, enc);
            }
        }
        best.1
    }

    /// Another legacy encoding whose words are clearly more Vietnamese than `claimed`'s: text in
    /// a legacy font that was typed in another legacy encoding. Either `claimed`'s words are
    /// mostly not syllables and another reading nets two syllables more, or the text was pasted
    /// from the other encoding in daily use ([`mixed::other`]): every word a syllable in it, as
    /// many as in `claimed` and two at least, while some word of `claimed`'s is none (VNI's
    /// `Cuïc Thoáng keâ` in `.VnTime` reads `Cuùc Thoỏng keõ`, two of three words syllables).
    pub(crate) fn contradicts(&self, claimed: Encoding) -> Option<Encoding> {
        let evidence = |enc: Encoding| {
            let slot = DETECTED.iter().position(|&d| d == enc)? + 1;
            self.0.get(slot)
        };
        let net = |enc: Encoding| evidence(enc).map(|e| e.net());
        let mine = evidence(claimed)?;
        if let Some(other) = mixed::other(claimed)
            && let Some(e) = evidence(other)
            && mine.invalid > 0
            && e.clean()
            && e.valid >= mine.valid.max(PASTED_WORDS)
        {
            return Some(other);
        }
        if mine.valid > mine.invalid {
            return None;
        }
        let best = self.best(Some(claimed))?;
        let margin = net(best)? - mine.net();
        (best != claimed && margin >= 2).then_some(best)
    }

    fn add(&mut self, other: &Weighed) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            a.add(*b);
        }
    }
}

/// Chooses the reading of each paragraph of a document: its own evidence, the document's
/// choice breaking ties.
///
/// A paragraph whose legacy readings are all mostly not syllables (every paragraph of a Unicode
/// document) is read as it is whatever the document's choice, and the document chooses a legacy
/// reading only when one is mostly syllables over all its paragraphs: the words of such a
/// paragraph as it is are weighed only then (the choices are the same, Unicode text is not
/// looked up word by word).
#[derive(Debug, Default)]
pub(crate) struct Chooser {
    paragraphs: Vec<Weighed>,
    /// The paragraphs not weighed yet: their index and where their text as it is lies in
    /// `pending_text` (one buffer: a Unicode document puts every paragraph here).
    pending: Vec<(usize, std::ops::Range<usize>)>,
    pending_text: String,
    /// The words looked up so far.
    known: Known,
    total: Weighed,
}

impl Chooser {
    /// Adds the next paragraph.
    pub(crate) fn push(&mut self, as_is: &str, chars: &str) {
        let mut w = Weighed::legacy(chars, &mut self.known);
        if w.legacy_eligible() {
            w.weigh_as_is(as_is, &mut self.known);
        } else if !as_is.is_ascii() {
            let from = self.pending_text.len();
            self.pending_text.push_str(as_is);
            let to = self.pending_text.len();
            self.pending.push((self.paragraphs.len(), from..to));
        }
        self.total.add(&w);
        self.paragraphs.push(w);
    }

    /// The reading of each paragraph, in the order they were pushed.
    pub(crate) fn choose(mut self) -> Vec<Option<Encoding>> {
        // The document's reading only breaks ties, and it is either the text as it is or the
        // best legacy reading of all paragraphs (which the paragraphs not weighed, having
        // none, do not change): when no paragraph reads differently for the one or the other,
        // the paragraphs not weighed need not be.
        let tied = |e: Encoding| move |w: &Weighed| w.best(Some(e)) != w.best(None);
        let mut doc = self.total.best(None);
        if let Some(legacy) = self.total.best_legacy()
            && self.paragraphs.iter().any(tied(legacy))
        {
            doc = self.weigh_pending(legacy);
        }
        // A paragraph not weighed has no legacy reading: it reads as it is whatever `doc` is.
        self.paragraphs.iter().map(|w| w.best(doc)).collect()
    }

    /// The document's reading, `legacy` or the text as it is, the paragraphs not weighed yet
    /// weighed as they are until the rest cannot change it.
    ///
    /// Exact: a paragraph's evidence counts only its [`words_beyond_ascii`], each once, as a
    /// syllable (+1 to its net) or not (-1) or not at all, and each such word holds a letter
    /// beyond ASCII at least: the paragraphs not weighed move the text's net evidence as it is
    /// by at most their number of such letters either way (a bound read from the bytes alone,
    /// [`kernels::wide_chars`], for all of them in one pass). Once that cannot bring the net to
    /// `legacy`'s, or past it, the rest is left unweighed.
    ///
    /// A Unicode document with a few paragraphs of Latin-1 letters only (`Lâm Hà`, `BÁO CÁO`,
    /// `kiêm`), which VNI and VISCII leave as they are, has a legacy reading exactly as good as
    /// the text as it is, and its other paragraphs must then be shown not to be mostly
    /// non-syllables: about half of their words weighed, whatever the bound or the order. In
    /// 02_36-hd-vptw-380096.docx (747 paragraphs pending, 9,670 letters, 8,418 words, 5 of them
    /// not syllables) the paragraphs in order stop after 4,514 words; a bound of words instead
    /// of letters would stop after 4,225 (a pass over every word to count them costs more than
    /// it saves), the paragraphs with the most letters first after 4,496.
    fn weigh_pending(&mut self, legacy: Encoding) -> Option<Encoding> {
        let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
        let slot = DETECTED
            .iter()
            .position(|&d| d == legacy)
            .map_or(0, |k| k + 1);
        let legacy_net = self.total.0.get(slot).map_or(0, |e| e.net());
        let text = std::mem::take(&mut self.pending_text);
        // Letters beyond ASCII: the characters of two bytes or more, counted in the bytes.
        let letters = |as_is: &str| signed(kernels::wide_chars(as_is.as_bytes()));
        let mut rest = letters(&text);
        let mut pending = std::mem::take(&mut self.pending).into_iter();
        loop {
            // As [`Weighed::best`] decides between the two: the text as it is wins ties.
            let net = self.total.0.first().map_or(0, |e| e.net());
            if net.saturating_sub(rest) >= legacy_net {
                return None;
            }
            if net.saturating_add(rest) < legacy_net {
                return Some(legacy);
            }
            let Some((i, span)) = pending.next() else {
                return self.total.best(None);
            };
            let as_is = text.get(span).unwrap_or_default();
            rest -= letters(as_is);
            if let Some(w) = self.paragraphs.get_mut(i) {
                w.weigh_as_is(as_is, &mut self.known);
                if let (Some(total), Some(own)) = (self.total.0.first_mut(), w.0.first()) {
                    total.add(*own);
                }
            }
        }
    }
}

/// One line of a text to decode: `as_is` as the file's own encoding reads it, `chars` its legacy
/// bytes as Windows-1252 characters, `candidate` false for a line that is surely Unicode.
struct Line<'a> {
    as_is: Cow<'a, str>,
    /// The encoding `as_is` was read in, as [`Tally`] counts it.
    as_is_name: &'static str,
    chars: String,
    /// The line's length in what was read (file bytes, or extracted text).
    bytes: usize,
    candidate: bool,
    /// Char ranges of `chars` drawn in a capitals font (`H`), known for a PDF's text only.
    capitals: &'a [std::ops::Range<usize>],
}

/// The name [`Tally`] gives text read as the file stores it in Unicode (office files, PDF text).
pub(crate) const UNICODE: &str = "unicode";

/// A text file that is not UTF-8, read line by line: each line as Windows-1258 (the code page of
/// Unicode-era Vietnamese Windows), as UTF-8 when the line is valid UTF-8 with letters beyond
/// ASCII, or in the legacy encoding its words are syllables in. `forced` decodes every line in
/// one legacy encoding. Returns the text and how much of it each encoding covered (bytes of the
/// file); `None` when no line is legacy (the caller reads the file as Windows-1258, as before).
pub(crate) fn decode_bytes(bytes: &[u8], forced: Option<Encoding>) -> Option<(String, Tally)> {
    if forced.is_none() && surely_not_legacy(bytes) {
        return None;
    }
    decode_lines(&file_lines(bytes), forced)
}

/// The lines of a text file as [`decode_lines`] weighs them: a line that is UTF-8 beyond ASCII
/// is read as it is; any other is read as Windows-1258 and is a candidate for a legacy reading.
fn file_lines(bytes: &[u8]) -> Vec<Line<'_>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(
            |l| match std::str::from_utf8(l).ok().filter(|s| !s.is_ascii()) {
                Some(utf8) => Line {
                    as_is: Cow::Borrowed(utf8),
                    as_is_name: "utf-8",
                    chars: String::new(),
                    bytes: l.len(),
                    candidate: false,
                    capitals: &[],
                },
                None => Line {
                    as_is: encoding_rs::WINDOWS_1258.decode_without_bom_handling(l).0,
                    as_is_name: "windows-1258",
                    chars: l.iter().map(|&b| cp1252_char(b)).collect(),
                    bytes: l.len(),
                    candidate: true,
                    capitals: &[],
                },
            },
        )
        .collect()
}

/// What one token of a text file (the bytes between ASCII spaces, digits and punctuation, which
/// no reading makes letters) weighs: its words as Windows-1258 reads them, and for each detected
/// legacy encoding the most words of two letters or more beyond ASCII it can have, which bounds
/// what that reading can score. A token's readings are its own: the words of a line are the
/// words of its tokens.
#[derive(Debug, Clone, Copy)]
struct TokenFacts {
    as_is: Evidence,
    bound: [usize; DETECTED.len()],
}

/// Bytes that are in a token: ASCII letters, VISCII's six control letters, and every byte
/// beyond ASCII.
fn in_token(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, 0x02 | 0x05 | 0x06 | 0x14 | 0x19 | 0x1E)
}

/// Whether `b` starts or ends nothing in a reading: the encoding's character for it is a
/// letter or a mark (a VNI mark byte is one after a vowel, else its Windows-1252 letter).
fn is_word_byte(b: u8, enc: Encoding) -> bool {
    let own = match enc {
        Encoding::Tcvn3 => tables::tcvn3(b),
        Encoding::Viscii => tables::viscii(b),
        Encoding::Vni => tables::vni_letter(b),
        Encoding::Viqr => None,
    };
    let c = own.unwrap_or_else(|| cp1252_char(b));
    chars::is_alphabetic(c) || is_mark(c)
}

impl TokenFacts {
    fn of(token: &[u8]) -> Self {
        let as_is: String = encoding_rs::WINDOWS_1258
            .decode_without_bom_handling(token)
            .0
            .nfc()
            .collect();
        let mut bound = [0; DETECTED.len()];
        for (slot, enc) in bound.iter_mut().zip(DETECTED) {
            // Runs of word bytes of two bytes or more with one beyond ASCII (or a VISCII
            // control letter): every word the reading can weigh is one (a letter is one byte
            // at least), so their number bounds its syllables.
            let (mut run, mut wide) = (0usize, false);
            for &b in token.iter().chain([b' '].iter()) {
                if b != b' ' && is_word_byte(b, enc) {
                    run += 1;
                    wide |= b >= 0x80 || (enc == Encoding::Viscii && b < 0x20);
                } else {
                    *slot += usize::from(run >= 2 && wide);
                    (run, wide) = (0, false);
                }
            }
        }
        TokenFacts {
            as_is: Evidence::of(&as_is),
            bound,
        }
    }
}

/// The tokens of a line that a legacy reading can change: those with a byte beyond ASCII or a
/// VISCII control letter.
fn tokens(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    line.split(|&b| !in_token(b))
        .filter(|t| !t.is_empty() && !t.iter().all(u8::is_ascii_alphabetic))
}

/// The evidence of each legacy reading of one token.
fn token_readings(token: &[u8], known: &mut Known) -> [Evidence; DETECTED.len()] {
    let chars: String = token.iter().map(|&b| cp1252_char(b)).collect();
    DETECTED.map(|enc| Evidence::of_known(&convert(&chars, enc), known))
}

/// A quick pass over a text file that is not UTF-8, true when no line of it can be read in a
/// legacy encoding, as [`decode_bytes`] would weigh it (the common case: Windows-1258
/// Vietnamese, or another Western code page). Each line's words as Windows-1258 reads them are
/// weighed token by token, each distinct token once; a legacy reading of the line has at most
/// as many syllables as its tokens have words of two letters ([`TokenFacts`]). A line whose
/// reading as it is nets at least that many syllables keeps it whatever the document's choice
/// (the document's choice only breaks ties, and is its own reading when its totals say so);
/// only the other lines are weighed in full. False sends the file through the full weighing.
fn surely_not_legacy(bytes: &[u8]) -> bool {
    let mut facts: HashMap<&[u8], TokenFacts, foldhash::fast::FixedState> = HashMap::default();
    let mut legacy: HashMap<&[u8], [Evidence; DETECTED.len()], foldhash::fast::FixedState> =
        HashMap::default();
    let mut known = Known::default();
    let mut total_as_is = 0isize;
    let mut total_bound = [0isize; DETECTED.len()];
    // Whether some line may tie: a legacy reading mostly syllables that nets what the reading as
    // it is nets. The document's choice breaks ties and nothing else: without one it changes no
    // line, and the totals need not settle it (a Western code page: no legacy reading of its
    // accented words is mostly syllables).
    let mut may_tie = false;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let viscii_letter = |b: &u8| matches!(b, 0x02 | 0x05 | 0x06 | 0x14 | 0x19 | 0x1E);
        if line.is_ascii() && !line.iter().any(viscii_letter) {
            continue;
        }
        if std::str::from_utf8(line).is_ok() {
            // A UTF-8 line is read as it is ([`decode_bytes`]).
            continue;
        }
        let mut as_is = Evidence::default();
        let mut bound = [0usize; DETECTED.len()];
        for token in tokens(line) {
            let f = *facts.entry(token).or_insert_with(|| TokenFacts::of(token));
            as_is.add(f.as_is);
            for (b, fb) in bound.iter_mut().zip(f.bound) {
                *b += fb;
            }
        }
        let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
        let net = as_is.net();
        total_as_is += net;
        if bound.iter().all(|&b| net >= signed(b)) {
            // A legacy reading nets at most its bound, and is mostly syllables only when it
            // weighs a word.
            may_tie |= bound.iter().any(|&b| b > 0 && signed(b) == net);
            for (t, b) in total_bound.iter_mut().zip(bound) {
                *t += signed(b);
            }
            continue;
        }
        // Weighed in full, token by token (each token's legacy readings weighed once): a line
        // read in a legacy encoding on its own evidence sends the file through the full
        // weighing; a line that keeps its reading unless the document chose another keeps it
        // when the document keeps its own (below).
        let mut w = Weighed::default();
        if let Some(slot) = w.0.first_mut() {
            *slot = as_is;
        }
        for token in tokens(line) {
            let readings = *legacy
                .entry(token)
                .or_insert_with(|| token_readings(token, &mut known));
            for (slot, e) in w.0.iter_mut().skip(1).zip(readings) {
                slot.add(e);
            }
        }
        if w.best(None).is_some() {
            return false;
        }
        may_tie |=
            w.0.iter()
                .skip(1)
                .any(|e| e.valid > e.invalid && e.net() == net);
        for (t, e) in total_bound.iter_mut().zip(w.0.iter().skip(1)) {
            *t += e.net();
        }
    }
    // The document's own choice is the reading as it is when no legacy total can beat it.
    !may_tie || total_bound.iter().all(|&b| total_as_is >= b)
}

/// Text another program extracted from a document set in legacy fonts (`pdftotext` of a PDF):
/// valid Unicode whose letters are the legacy bytes' Windows-1252 characters, read line by line
/// like [`decode_bytes`]. PDF text layers give TCVN3's `ư` (`0xAD`) as U+2212 and `ã` (`0xB7`) as
/// U+2219: next to a letter they go back to their bytes. `None` when no line is legacy; else the
/// text and how much of it each encoding covered (bytes of the extracted text, the rest `unicode`).
/// `forced` decodes every line that is not Unicode Vietnamese in one legacy encoding.
/// `capitals` gives, line by line, the char ranges drawn in a capitals font
/// ([`crate::text::office::pdf_fonts`]), raised after decoding; it may be empty.
pub(crate) fn decode_extracted(
    text: &str,
    forced: Option<Encoding>,
    capitals: &[Vec<std::ops::Range<usize>>],
) -> Option<(String, Tally)> {
    let lines = text.split_inclusive('\n').enumerate().map(|(i, l)| Line {
        as_is: Cow::Borrowed(l),
        as_is_name: UNICODE,
        chars: pdf_glyphs(l),
        bytes: l.len(),
        candidate: !has_unicode_vietnamese(l),
        capitals: capitals.get(i).map_or(&[], Vec::as_slice),
    });
    decode_lines(&lines.collect::<Vec<_>>(), forced)
}

/// U+2212 and U+2219 next to a letter back to the TCVN3 bytes a PDF font drew with them. A
/// letter is one as the text stands or as TCVN3 reads it (`®` đ, `¬` ơ: `®−¬ng` is đương).
fn pdf_glyphs(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i)).is_some_and(|&c| {
            chars::is_alphabetic(c)
                || tables::legacy_byte(c)
                    .and_then(tables::tcvn3)
                    .is_some_and(chars::is_alphabetic)
        })
    };
    (0..chars.len())
        .filter_map(|i| {
            let c = *chars.get(i)?;
            let near_letter = || letter(i.checked_sub(1)) || letter(Some(i + 1));
            Some(match c {
                '\u{2212}' if near_letter() => '\u{AD}',
                '\u{2219}' if near_letter() => '\u{B7}',
                _ => c,
            })
        })
        .collect()
}

/// `chars` (TCVN3 text) decoded, the char ranges in `capitals` raised: TCVN3 reads one character
/// a letter, so each stretch is decoded on its own.
fn with_capitals(chars: &str, capitals: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(chars.len() + chars.len() / 4);
    let mut piece = String::new();
    let mut raised = false;
    let flush = |piece: &mut String, raised: bool, out: &mut String| {
        let decoded = convert(piece, Encoding::Tcvn3);
        if raised {
            out.push_str(&decoded.to_uppercase());
        } else {
            out.push_str(&decoded);
        }
        piece.clear();
    };
    for (i, c) in chars.chars().enumerate() {
        let up = capitals.iter().any(|r| r.contains(&i));
        if up != raised {
            flush(&mut piece, raised, &mut out);
            raised = up;
        }
        piece.push(c);
    }
    flush(&mut piece, raised, &mut out);
    out
}

fn decode_lines(lines: &[Line<'_>], forced: Option<Encoding>) -> Option<(String, Tally)> {
    let choices: Vec<Option<Encoding>> = match forced {
        Some(enc) => lines.iter().map(|l| l.candidate.then_some(enc)).collect(),
        None => {
            let mut chooser = Chooser::default();
            for line in lines {
                if line.candidate {
                    let as_is: String = line.as_is.nfc().collect();
                    chooser.push(&as_is, &line.chars);
                } else {
                    chooser.push("", "");
                }
            }
            chooser.choose()
        }
    };
    let mut tally = Tally::default();
    let mut out = String::new();
    for (line, choice) in lines.iter().zip(&choices) {
        let Some(enc) = choice else {
            out.push_str(&line.as_is);
            tally.add(line.as_is_name, line.bytes);
            tally.end_paragraph();
            continue;
        };
        // A forced encoding is the reader's word for every line; a chosen one may hold words
        // pasted from the other.
        let decoded = if !line.capitals.is_empty() && *enc == Encoding::Tcvn3 {
            with_capitals(&line.chars, line.capitals)
        } else if forced.is_some() {
            convert(&line.chars, *enc)
        } else {
            mixed::decode(&line.chars, *enc)
        };
        tally.add(enc.name(), line.bytes);
        tally.end_paragraph();
        match (enc, restore_capitals(&decoded)) {
            (Encoding::Tcvn3, Some(capitals)) => out.push_str(&capitals),
            _ => out.push_str(&decoded),
        }
    }
    tally.main_legacy()?;
    Some((out, tally))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The choices with every paragraph weighed as it is: what [`Chooser::choose`] must give
    /// though it weighs the Unicode paragraphs only while they can change the document's reading.
    fn every_paragraph_weighed(paragraphs: &[&str]) -> Vec<Option<Encoding>> {
        let weighed: Vec<Weighed> = paragraphs.iter().map(|p| Weighed::new(p, p)).collect();
        let mut total = Weighed::default();
        for w in &weighed {
            total.add(w);
        }
        let doc = total.best(None);
        weighed.iter().map(|w| w.best(doc)).collect()
    }

    #[test]
    fn unicode_paragraphs_are_weighed_only_while_they_count() {
        let tcvn3 = ["Quy ®Þnh vÒ viÖc nµy", "Hµ Néi", "c¸c", "vÒ"];
        let unicode = [
            "Căn cứ Luật Tổ chức chính quyền địa phương",
            "Điều 1. Phạm vi điều chỉnh",
            "Café Zoë naïve Ærø",
            "ĐTN",
        ];
        let ascii = ["The report was filed.", "Hà Nam"];
        let mut documents: Vec<Vec<&str>> = Vec::new();
        for a in 0..=tcvn3.len() {
            for b in 0..=unicode.len() {
                let mut doc: Vec<&str> = tcvn3[..a].to_vec();
                doc.extend(unicode[..b].iter().cycle().take(b * 3));
                doc.extend(ascii);
                documents.push(doc.clone());
                doc.reverse();
                documents.push(doc);
            }
        }
        for doc in documents {
            let mut chooser = Chooser::default();
            for p in &doc {
                chooser.push(p, p);
            }
            assert_eq!(
                chooser.choose(),
                every_paragraph_weighed(&doc),
                "should choose as if every paragraph were weighed: {doc:?}"
            );
        }
    }

    /// A Unicode document with one paragraph that the legacy tables leave a syllable each
    /// (`Lâm Hà`): its best legacy reading ties with the text as it is, and that paragraph reads
    /// differently as the document chooses, so the others are weighed, but only until those not
    /// weighed cannot take the text as it is below the legacy reading. Each of the 20 others has
    /// 9 syllables and 11 letters beyond ASCII: after `k` of them the net is `2 + 9k` against
    /// `2` and a bound of `11 (20 - k)`, settled at `k = 11`.
    #[test]
    fn a_tie_weighs_the_unicode_paragraphs_only_until_they_cannot_count() {
        let unicode = "Căn cứ Luật Tổ chức chính quyền địa phương";
        let mut doc = vec!["Lâm Hà"];
        doc.extend([unicode; 20]);
        let mut chooser = Chooser::default();
        for p in &doc {
            chooser.push(p, p);
        }
        let legacy = chooser.total.best_legacy();
        assert!(
            legacy.is_some(),
            "a legacy reading as good as the text as it is"
        );
        assert_eq!(legacy.and_then(|e| chooser.weigh_pending(e)), None);
        let weighed = |w: &Weighed| w.0.first().is_some_and(|e| *e != Evidence::default());
        assert_eq!(
            chooser
                .paragraphs
                .iter()
                .skip(1)
                .filter(|w| weighed(w))
                .count(),
            11
        );
        let mut chooser = Chooser::default();
        for p in &doc {
            chooser.push(p, p);
        }
        assert_eq!(chooser.choose(), every_paragraph_weighed(&doc));
    }

    /// A line typed in TCVN3 whose text as stored already holds a Unicode syllable (`nãi`) next
    /// to characters Vietnamese never writes (`Ç`, `®`): that is how most real TCVN3 lines look
    /// as stored (`mét`, `cã`, `vÒ` are syllables too), so such a line is read by its words, as
    /// any other, and its legacy reading wins when it is the more Vietnamese.
    #[test]
    fn a_syllable_as_stored_does_not_keep_a_legacy_line() {
        let line = "Lêi nãi ®Çu cña b¶n tin";
        let w = Weighed::new(line, line);
        assert!(w.0.first().is_some_and(|as_is| as_is.valid >= 1));
        assert_eq!(w.best(None), Some(Encoding::Tcvn3));
        assert_eq!(convert(line, Encoding::Tcvn3), "Lời nói đầu của bản tin");
        // Scanner garbage of the same shape goes the same way: one word more a syllable in
        // TCVN3 (`bång`, `bồng`) than as stored, the stored `quét` one in both.
        let garbage = "Ðtrqc quét bång Scanner";
        assert_eq!(
            Weighed::new(garbage, garbage).best(None),
            Some(Encoding::Tcvn3)
        );
    }

    /// The words [`Evidence`] weighs, by their definition: the runs of letters and marks,
    /// those beyond ASCII of two characters or more.
    fn words_by_split(text: &str) -> Vec<&str> {
        text.split(|c: char| !(chars::is_alphabetic(c) || is_mark(c)))
            .filter(|w| !w.is_ascii() && w.chars().nth(1).is_some())
            .collect()
    }

    /// Fragments that generated paragraphs are made of: TCVN3, VNI and Unicode Vietnamese
    /// words, Latin-1 garbage, abbreviations, punctuation beyond ASCII between letters, marks.
    const FRAGMENTS: [&str; 24] = [
        "Quy ®Þnh",
        "vÒ",
        "viÖc",
        "nµy",
        "Hµ Néi",
        "c¸c",
        "Coäng hoøa",
        "Luật",
        "Tổ chức",
        "phương",
        "Điều",
        "Lâm Hà",
        "BÁO CÁO",
        "kiêm",
        "Café",
        "Ðtrqc",
        "quét",
        "bång",
        "NĐ",
        "ộ–ộ",
        "a\u{A0}ư",
        "e\u{301}",
        " ",
        ", ",
    ];

    proptest::proptest! {
        #[test]
        fn words_beyond_ascii_are_the_split_s(
            parts in proptest::collection::vec(proptest::sample::select(&FRAGMENTS[..]), 0..12),
            glue in "[ a-zA-Z.,\u{A0}–“”ưộéÐå\u{300}\u{323}0-9]{0,6}",
        ) {
            let text = parts.join(&glue);
            proptest::prop_assert_eq!(words_beyond_ascii(&text).collect::<Vec<_>>(), words_by_split(&text));
        }

        #[test]
        fn a_font_is_contradicted_as_if_every_reading_were_weighed(
            parts in proptest::collection::vec(proptest::sample::select(&FRAGMENTS[..]), 0..8),
        ) {
            let text = parts.join(" ");
            for claimed in DETECTED {
                proptest::prop_assert_eq!(
                    Weighed::contradicting(&text, claimed),
                    Weighed::new(&text, &text).contradicts(claimed),
                    "{:?} in {:?}", text, claimed
                );
            }
        }

        #[test]
        fn the_chooser_chooses_as_if_every_paragraph_were_weighed(
            doc in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(&FRAGMENTS[..]), 0..6),
                0..24,
            ),
        ) {
            let paragraphs: Vec<String> = doc.iter().map(|p| p.join(" ")).collect();
            let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let mut chooser = Chooser::default();
            for p in &refs {
                chooser.push(p, p);
            }
            proptest::prop_assert_eq!(chooser.choose(), every_paragraph_weighed(&refs));
        }
    }

    fn bytes_of(chars: &str) -> Vec<u8> {
        chars
            .chars()
            .map(|c| tables::legacy_byte(c).unwrap_or(b'?'))
            .collect()
    }

    #[test]
    fn fonts_name_their_encoding() {
        let f = |n| font_encoding(n).map(|f| (f.encoding, f.capitals));
        assert_eq!(f(".VnTime"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f(".VnTimeH"), Some((Encoding::Tcvn3, true)));
        assert_eq!(f(".VnArial NarrowH"), Some((Encoding::Tcvn3, true)));
        assert_eq!(f("VNI-Times"), Some((Encoding::Vni, false)));
        assert_eq!(f("Times New Roman"), None);
        // Names seen in real files of the 2000s.
        assert_eq!(f("VnTimeH(Ds)"), Some((Encoding::Tcvn3, true)));
        assert_eq!(f("VnSouthern(Ds)"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f("VNTime"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f("VNSTCVN3"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f("VNF-Comic Sans"), None, "a Unicode family");
        assert_eq!(f("Verdana"), None);
    }

    #[test]
    fn an_h_font_restores_capitals() {
        let font = FontEncoding {
            encoding: Encoding::Tcvn3,
            capitals: true,
        };
        assert_eq!(convert_font("quyÕt ®Þnh", font, false), "QUYẾT ĐỊNH");
        assert_eq!(
            convert_font("Quyết định", font, false),
            "Quyết định",
            "Unicode typed in a legacy font"
        );
    }

    #[test]
    fn a_forced_encoding_reads_words_pasted_from_another_in_it_too() {
        let font = FontEncoding {
            encoding: Encoding::Tcvn3,
            capitals: false,
        };
        let run = "c¸c SÔÛ, BAN, NGAØNH";
        assert_eq!(convert_font(run, font, false), "các SỞ, BAN, NGÀNH");
        assert_eq!(
            convert_font(run, font, true),
            convert(run, Encoding::Tcvn3),
            "forced, as a text file's line is: no word read in VNI"
        );
    }

    #[test]
    fn a_symbol_s_abbreviation_is_no_evidence_against_the_font() {
        // `Sè: 28 /2003/N§-CP` in `.VnTime`: `NĐ` has no vowel, so VNI's `Nậ` must not outweigh
        // the font's `Số`.
        let line = "Sè: 28 /2003/N§-CP";
        assert_eq!(Weighed::new(line, line).contradicts(Encoding::Tcvn3), None);
        assert!(abbreviation("NĐ") && abbreviation("ĐTN"));
        assert!(!abbreviation("ĐỒNG") && !abbreviation("Nậ") && !abbreviation("nđ"));
    }

    #[test]
    fn detection_by_syllables() {
        let tcvn3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n";
        let (text, tally) = decode_bytes(&bytes_of(tcvn3), None).expect("TCVN3 is detected");
        assert_eq!(tally.main_legacy(), Some(Encoding::Tcvn3));
        assert_eq!(
            text,
            "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
        );
        let vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n";
        let (text, tally) = decode_bytes(&bytes_of(vni), None).expect("VNI is detected");
        assert_eq!(
            (text.as_str(), tally.main_legacy().expect("legacy")),
            ("Cộng hòa xã hội chủ nghĩa Việt Nam\n", Encoding::Vni)
        );
    }

    #[test]
    fn windows_1258_french_and_english_stay() {
        // "Hà Nội" in Windows-1258: à = 0xE0; ộ = ô (0xF4) + dot below (0xF2).
        assert_eq!(
            decode_bytes(b"H\xE0 N\xF4\xF2i, ng\xE0y 05 th\xE1ng 3 n\xE3m", None),
            None
        );
        assert_eq!(
            decode_bytes("L'été à Paris, très beau.".as_bytes(), None),
            None
        );
        assert_eq!(
            decode_bytes(&bytes_of("L'été à Paris, très beau, déjà.\n"), None),
            None
        );
        assert_eq!(decode_bytes(b"The report was filed on time.\n", None), None);
    }

    /// The full weighing of [`decode_bytes`], without the quick pass.
    fn weighed_in_full(bytes: &[u8]) -> Option<(String, Tally)> {
        decode_lines(&file_lines(bytes), None)
    }

    #[test]
    fn the_quick_pass_settles_windows_1258_and_nothing_legacy() {
        let vietnamese = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
                          Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV,\n\
                          QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt điều lệ (sửa đổi, bổ sung) của Hội.\n";
        let cp1258 = encoding_rs::WINDOWS_1258.encode(vietnamese).0.into_owned();
        assert!(
            surely_not_legacy(&cp1258),
            "Windows-1258 Vietnamese is settled quickly"
        );
        assert_eq!(decode_bytes(&cp1258, None), None);
        // Western text: its accented words are syllables in no reading, and no line can tie.
        let western = "L'été à Paris, très beau, déjà. Ça coûte 5 €.\n\
                       Le président a signé le décret relatif à la création du comité.\n\
                       Für die Prüfung der Anträge ist das Ministerium zuständig.\n\
                       Où se trouve la bibliothèque? Près de la gare, à côté du théâtre.\n";
        let western = encoding_rs::WINDOWS_1252.encode(western).0;
        assert!(
            surely_not_legacy(&western),
            "Western text is settled quickly"
        );
        assert_eq!(weighed_in_full(&western), None);
        // Legacy lines, alone or among Windows-1258 ones, are never settled.
        let mut mixed = cp1258.clone();
        mixed.extend(bytes_of("Céng hßa x· héi chñ nghÜa ViÖt Nam\n"));
        for legacy in [
            bytes_of("Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"),
            bytes_of("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n"),
            mixed,
        ] {
            assert!(!surely_not_legacy(&legacy));
            assert!(weighed_in_full(&legacy).is_some());
        }
    }

    #[test]
    fn pdf_text_layers() {
        let (text, tally) = decode_extracted(
            "Th\u{AB}ng t\u{2212} s\u{E8} 01, x\u{2219} h\u{E9}i\n1 \u{2212} 2\n",
            None,
            &[],
        )
        .expect("TCVN3 glyphs");
        assert_eq!(
            (text.as_str(), tally.main_legacy().expect("legacy")),
            ("Thông tư số 01, xã hội\n1 − 2\n", Encoding::Tcvn3)
        );
        assert_eq!(
            decode_extracted("Thông tư số 01, xã hội\n", None, &[]),
            None
        );
        // Between two TCVN3 bytes that are no letters as they stand (`®` đ, `¬` ơ).
        let (text, _) = decode_extracted(
            "Ch\u{F1} tÞch \u{AE}\u{2212}\u{AC}ng nhi\u{D6}m\n",
            None,
            &[],
        )
        .expect("TCVN3 glyphs");
        assert_eq!(text, "Chủ tịch đương nhiệm\n");
        // A heading drawn in `VnTimeHBold`, the rest of its line in `VnTime`.
        let (text, _) = decode_extracted(
            "th\u{AB}ng t\u{2212}     s\u{E8} 01\nc\u{E9}ng h\u{B5}\n",
            None,
            &[vec![std::ops::Range { start: 0, end: 8 }], vec![]],
        )
        .expect("TCVN3 glyphs");
        assert_eq!(text, "THÔNG TƯ     số 01\ncộng hà\n");
    }

    #[test]
    fn mixed_lines_each_decoded() {
        let mut bytes = bytes_of("Céng hßa x· héi chñ nghÜa ViÖt Nam\n");
        bytes.extend_from_slice("Cộng hòa xã hội chủ nghĩa Việt Nam\n".as_bytes());
        bytes.extend(bytes_of("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n"));
        let (text, tally) = decode_bytes(&bytes, None).expect("legacy lines");
        assert_eq!(text, "Cộng hòa xã hội chủ nghĩa Việt Nam\n".repeat(3));
        let uses = tally.uses();
        let names: Vec<(&str, usize)> = uses.iter().map(|u| (u.0, u.2)).collect();
        assert_eq!(
            names,
            [("utf-8", 1), ("vni", 1), ("tcvn3", 1)],
            "each line counted in its encoding, the most bytes first"
        );
    }

    #[test]
    fn words_pasted_from_the_other_encoding_are_read_in_it_unless_forced() {
        // A TCVN3 line of a text file ending in words typed in VNI.
        let line = "KÕt nèi m¹ng cho c¸c SÔÛ, BAN, NGAØNH, HUYEÄN\n";
        let (text, _) = decode_bytes(&bytes_of(line), None).expect("legacy");
        assert_eq!(text, "Kết nối mạng cho các SỞ, BAN, NGÀNH, HUYỆN\n");
        // `--encoding tcvn3` is the reader's word for every byte.
        let (forced, _) = decode_bytes(&bytes_of(line), Some(Encoding::Tcvn3)).expect("forced");
        assert!(forced.starts_with("Kết nối mạng cho các S") && !forced.contains("SỞ"));
    }
}
