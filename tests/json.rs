//! `vanban::json` writes exactly the bytes of `serde_json`, compact and pretty: for every corpus
//! document (parsed, and checked so that findings are filled), for every shape of the serde data
//! model, and for arbitrary strings and `serde_json::Value` trees.
//!
//! `VANBAN_JSON_DIRS=dir1:dir2 cargo test --release --test json` checks the documents of more
//! folders (the shared corpus, which is not in the repository).

mod common;

use std::collections::BTreeMap;
use std::fmt;

use proptest::prelude::*;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// Checks compact and pretty output, through every entry point, against `serde_json`.
fn same<T: Serialize + ?Sized>(value: &T) {
    let compact = serde_json::to_vec(value).expect("serde_json serializes");
    let pretty = serde_json::to_vec_pretty(value).expect("serde_json serializes");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let ours = vanban::json::to_vec(value).expect("serializes");
    assert_eq!(text(&ours), text(&compact), "compact");
    let ours = vanban::json::to_vec_pretty(value).expect("serializes");
    assert_eq!(text(&ours), text(&pretty), "pretty");
    assert_eq!(
        vanban::json::to_string(value)
            .expect("serializes")
            .as_bytes(),
        compact
    );
    assert_eq!(
        vanban::json::to_string_pretty(value)
            .expect("serializes")
            .as_bytes(),
        pretty
    );
    let mut written = Vec::new();
    vanban::json::to_writer(&mut written, value).expect("serializes");
    vanban::json::to_writer_pretty(&mut written, value).expect("serializes");
    assert_eq!(written, [&compact[..], &pretty[..]].concat(), "to_writer");
    let mut appended = b"prefix".to_vec();
    vanban::json::append(&mut appended, value).expect("serializes");
    vanban::json::append_pretty(&mut appended, value).expect("serializes");
    assert_eq!(
        appended,
        [&b"prefix"[..], &compact[..], &pretty[..]].concat(),
        "append"
    );
}

/// Checks that both refuse `value` with the same message, and that `append` leaves the buffer
/// as it was.
fn same_error<T: Serialize + ?Sized>(value: &T) {
    let theirs = serde_json::to_vec(value).expect_err("serde_json refuses");
    let ours = vanban::json::to_vec(value).expect_err("refused");
    assert_eq!(ours.to_string(), theirs.to_string());
    let ours = vanban::json::to_vec_pretty(value).expect_err("refused");
    assert_eq!(ours.to_string(), theirs.to_string());
    let mut buffer = b"kept".to_vec();
    vanban::json::append(&mut buffer, value).expect_err("refused");
    assert_eq!(buffer, b"kept");
    let io: std::io::Error = ours.into();
    assert_eq!(io.kind(), std::io::ErrorKind::InvalidData);
}

fn documents_of(files: &[std::path::PathBuf]) -> usize {
    for path in files {
        let (text, doc) = common::parse_file(path);
        let name = path.display();
        let compact = serde_json::to_vec(&doc).expect("serializes");
        assert!(
            vanban::json::to_vec(&doc).expect("serializes") == compact
                && vanban::json::document(&doc, false).expect("serializes") == compact,
            "{name}: compact JSON differs from serde_json"
        );
        let pretty = serde_json::to_vec_pretty(&doc).expect("serializes");
        assert!(
            vanban::json::to_vec_pretty(&doc).expect("serializes") == pretty
                && vanban::json::document(&doc, true).expect("serializes") == pretty,
            "{name}: pretty JSON differs from serde_json"
        );
        // With findings, as `vanban parse` writes it (streamed).
        let checked = vanban::check(&text, &vanban::Options::default());
        let pretty = serde_json::to_vec_pretty(&checked).expect("serializes");
        assert!(
            vanban::json::to_vec_pretty(&checked).expect("serializes") == pretty
                && streamed(&checked, true).concat() == pretty,
            "{name}: pretty JSON with findings differs from serde_json"
        );
        assert!(
            streamed(&checked, false).concat() == serde_json::to_vec(&checked).expect("serializes"),
            "{name}: streamed compact JSON differs from serde_json"
        );
    }
    files.len()
}

/// The writes `vanban::json::write_document` makes of `doc`, each as it was handed over, once
/// checked to make up exactly the bytes of `json::document`.
fn streamed(doc: &vanban::Document, pretty: bool) -> Vec<Vec<u8>> {
    let mut writer = Writes::default();
    vanban::json::write_document(&mut writer, doc, pretty).expect("serializes");
    let whole = vanban::json::document(doc, pretty).expect("serializes");
    assert_eq!(
        writer.0.concat(),
        whole,
        "streamed bytes differ (pretty: {pretty})"
    );
    writer.0
}

/// A writer that keeps every write apart.
#[derive(Default)]
struct Writes(Vec<Vec<u8>>);

impl std::io::Write for Writes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.push(buf.to_vec());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A large document goes out in blocks of about `STREAM_BLOCK` bytes, never held whole, and the
/// blocks make up exactly the bytes of `json::document`.
#[test]
fn a_large_document_is_streamed_in_blocks() {
    let block = vanban::json::STREAM_BLOCK;
    let texts = [
        vanban_testkit::reports::report(600_000, 3),
        vanban_testkit::adversarial::citations_paragraph(400_000),
        vanban_testkit::adversarial::many_headings(300_000),
    ];
    for text in &texts {
        let doc = vanban::check(text, &vanban::Options::default());
        for pretty in [false, true] {
            let writes = streamed(&doc, pretty);
            let bytes: usize = writes.iter().map(Vec::len).sum();
            assert!(
                writes.len() >= bytes / (2 * block),
                "{} writes for {bytes} bytes",
                writes.len(),
            );
            // Every block but the last is handed over once full, at the end of an element (so
            // a block holding a long paragraph is longer).
            let (_, full) = writes.split_last().expect("something is written");
            assert!(full.iter().all(|w| w.len() >= block));
            let small = full.iter().filter(|w| w.len() < block + block / 4).count();
            assert!(
                small * 2 >= full.len(),
                "most blocks end soon after they fill"
            );
        }
    }
}

/// A string longer than a block (a paragraph of 400 KB on one line, escapes on both sides of
/// every cut) is handed over a block at a time too, with the same bytes.
#[test]
fn a_long_string_is_streamed_in_blocks() {
    let block = vanban::json::STREAM_BLOCK;
    let mut text = String::from("BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\n");
    while text.len() < 400_000 {
        text.push_str("Nội dung \"trích\" C:\\thư mục\\ và ");
    }
    text.push_str("hết.\n");
    let doc = vanban::parse(&text);
    for pretty in [false, true] {
        let writes = streamed(&doc, pretty);
        let longest = writes.iter().map(Vec::len).max().unwrap_or(0);
        assert!(
            longest < 3 * block,
            "a write of {longest} bytes: the long string was held whole"
        );
    }
}

/// A document whose section tree nests deeper than JSON readers accept (made by hand: the
/// parser stops at `Options::max_section_depth`) is refused before a byte is written; a
/// writer's error is the error returned.
#[test]
fn a_refused_document_writes_nothing() {
    let mut doc = vanban::parse("BÁO CÁO\nKết quả\n\nI. KẾT QUẢ\nNội dung.\n");
    let mut section = doc.sections[0].clone();
    section.children.clear();
    for _ in 0..70 {
        let mut parent = doc.sections[0].clone();
        parent.children = vec![section];
        section = parent;
    }
    doc.sections = vec![section];
    let mut writer = Writes::default();
    let err = vanban::json::write_document(&mut writer, &doc, false).expect_err("too deep");
    assert!(
        err.to_string().contains("nested deeper than 127 levels"),
        "{err}"
    );
    assert!(writer.0.is_empty(), "nothing is written before the refusal");

    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "closed",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let doc = vanban::parse(&vanban_testkit::reports::report(200_000, 1));
    match vanban::json::write_document(Broken, &doc, true) {
        Err(vanban::json::Error::Io(e)) => assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe),
        other => panic!("expected the writer's error, got {other:?}"),
    }
}

#[test]
fn every_corpus_document_is_byte_identical() {
    assert!(documents_of(&common::corpus_files()) >= 16);
}

#[test]
fn documents_of_more_folders_are_byte_identical() {
    let dirs = std::env::var("VANBAN_JSON_DIRS").unwrap_or_default();
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        let n = documents_of(&common::files_in(std::path::Path::new(dir)));
        eprintln!("{dir}: {n} documents byte-identical");
    }
}

#[derive(Serialize)]
struct UnitStruct;

#[derive(Serialize)]
struct Newtype(String);

#[derive(Serialize)]
struct Pair(u8, &'static str);

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(i8),
    Tuple(i32, String),
    EmptyTuple(),
    Struct { a: Option<u8>, b: Vec<u16> },
    EmptyStruct {},
}

#[derive(Serialize)]
struct Flat {
    name: &'static str,
    #[serde(flatten)]
    extra: BTreeMap<&'static str, Shape>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    value: Value,
}

#[derive(Serialize)]
struct AllSkipped {
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<u8>,
}

/// `serialize_bytes`, which no std type calls.
struct Bytes(&'static [u8]);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// `collect_str` of a `Display` that writes in several pieces, escapes among them.
struct Pieces;

impl fmt::Display for Pieces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, s) = (7, "\n\t");
        write!(f, "a\"b{n}\\c\u{1}{s}ệ/")
    }
}

impl Serialize for Pieces {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A map key that serializes as `collect_str`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct DisplayKey;

impl Serialize for DisplayKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Pieces)
    }
}

/// A map of any keys, floats included, in the given order.
struct Entries<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Entries<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// A `Serialize` that fails halfway through a document.
struct Fails;

impl Serialize for Fails {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("refused \"here\""))
    }
}

#[test]
fn scalars() {
    same(&true);
    same(&false);
    same(&(i8::MIN, i16::MIN, i32::MIN, i64::MIN, i128::MIN));
    same(&(u8::MAX, u16::MAX, u32::MAX, u64::MAX, u128::MAX));
    same(&(0u8, 0i64, -1i32));
    same(&[
        0.0f64,
        -0.0,
        1.5,
        1e300,
        1e-300,
        0.1 + 0.2,
        f64::MAX,
        f64::MIN_POSITIVE,
    ]);
    same(&[0.1f32, 1e30, -3.25, f32::MAX]);
    same(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
    same(&[f32::NAN, f32::INFINITY]);
    same(&['a', '"', '\\', '\n', '\u{0}', '\u{7f}', 'ệ', '😀']);
    same("");
    same("Độc lập - Tự do - Hạnh phúc\r\n\u{c}\u{8}/\u{1f}");
}

#[test]
fn unit_option_and_newtypes() {
    same(&());
    same(&UnitStruct);
    same(&None::<u8>);
    same(&Some(Some(3)));
    same(&Some(None::<u8>));
    same(&Newtype("x\"y".into()));
    same(&Pair(1, "two"));
}

#[test]
fn every_variant_shape() {
    let shapes = vec![
        Shape::Unit,
        Shape::Newtype(-3),
        Shape::Tuple(1, "a\tb".into()),
        Shape::EmptyTuple(),
        Shape::Struct {
            a: None,
            b: vec![1, 2],
        },
        Shape::Struct {
            a: Some(0),
            b: vec![],
        },
        Shape::EmptyStruct {},
    ];
    for shape in &shapes {
        same(shape);
    }
    same(&shapes);
    same(&[vec![Shape::Newtype(1)], vec![Shape::Unit]]);
}

#[test]
fn empty_and_nested_empty_containers() {
    same(&Vec::<u8>::new());
    same(&vec![Vec::<u8>::new()]);
    same(&vec![vec![Vec::<u8>::new(), vec![]], vec![vec![1]]]);
    same(&BTreeMap::<String, u8>::new());
    same(&Empty {});
    same(&AllSkipped { a: None });
    same(&AllSkipped { a: Some(1) });
    same(&serde_json::json!({"a": {}, "b": [], "c": [{}, [], {"d": []}], "e": {"f": {}}}));
    same(&serde_json::json!([[], {}, [[]], [{}], null]));
    // A sequence of unknown length that turns out empty.
    same(
        &(0..0)
            .map(|i: u8| i)
            .collect::<std::collections::HashSet<u8>>(),
    );
}

#[test]
fn deep_nesting_indents_past_the_fast_path() {
    // Pretty output writes up to depth 15 with one fixed-size store; deeper goes another way.
    let mut v = serde_json::json!({"leaf": [1, "x"]});
    for depth in 0..24 {
        v = if depth % 2 == 0 {
            serde_json::json!([v, depth])
        } else {
            serde_json::json!({"k": v, "e": []})
        };
        same(&v);
    }
}

#[test]
fn bytes_are_an_array_of_numbers() {
    same(&Bytes(b""));
    same(&Bytes(b"\x00\xff a"));
    same(&vec![Bytes(b""), Bytes(b"x")]);
}

#[test]
fn collect_str_is_escaped() {
    same(&Pieces);
    same(&vec![Pieces, Pieces]);
    let mut map = BTreeMap::new();
    map.insert(DisplayKey, 1);
    same(&map);
}

#[test]
fn flatten_skip_and_value_fields() {
    let mut extra = BTreeMap::new();
    extra.insert("unit", Shape::Unit);
    extra.insert("tuple", Shape::Tuple(2, "t".into()));
    extra.insert("empty", Shape::EmptyStruct {});
    same(&Flat {
        name: "flat",
        extra,
        skipped: None,
        value: serde_json::json!({"n": [1, -2, 3.5, null, true], "s": "\"q\""}),
    });
    same(&Flat {
        name: "",
        extra: BTreeMap::new(),
        skipped: Some(9),
        value: Value::Null,
    });
}

#[test]
fn map_keys_as_serde_json_quotes_them() {
    same(&BTreeMap::from([(1i32, "a"), (-7, "b")]));
    same(&BTreeMap::from([(u128::MAX, 1u8), (0, 2)]));
    same(&BTreeMap::from([(i8::MIN, 'x')]));
    same(&BTreeMap::from([(true, 1), (false, 0)]));
    same(&BTreeMap::from([('"', 1), ('é', 2), ('\n', 3)]));
    same(&BTreeMap::from([(Some("k\\"), 1)]));
    same(&BTreeMap::from([(
        "a\u{0}b",
        vec![BTreeMap::from([(2u64, ())])],
    )]));
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum Key {
        Plain,
    }
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Wrapped(u16);
    same(&BTreeMap::from([(Key::Plain, 1)]));
    same(&BTreeMap::from([(Wrapped(4), 1)]));
    // Finite float keys are quoted.
    same(&Entries(vec![(1.5f64, 1), (-0.0, 2), (1e300, 3)]));
    same(&Entries(vec![(0.1f32, 1)]));
}

#[test]
fn refused_keys_and_failing_values() {
    same_error(&BTreeMap::from([(None::<&str>, 1)]));
    same_error(&BTreeMap::from([(vec![1u8], 1)]));
    same_error(&BTreeMap::from([((), 1)]));
    same_error(&BTreeMap::from([((1, 2), 1)]));
    same_error(&Entries(vec![(f64::NAN, 1)]));
    same_error(&Entries(vec![(f32::INFINITY, 1)]));
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum Key {
        Data(u8),
    }
    same_error(&BTreeMap::from([(Key::Data(1), 1)]));
    same_error(&vec![Some(Fails)]);
    same_error(&BTreeMap::from([("k", Fails)]));
}

/// Characters that exercise the escaper: every control character, quote, backslash, slash,
/// DEL, ASCII, and two-, three- and four-byte UTF-8.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        (0u8..0x20).prop_map(char::from),
        Just('"'),
        Just('\\'),
        Just('/'),
        Just('\u{7f}'),
        Just('\u{80}'),
        proptest::char::range('a', 'z'),
        proptest::char::range(' ', '~'),
        proptest::sample::select(&['ệ', 'Đ', 'ơ', '\u{a0}', '\u{2028}', '中', '😀'][..]),
        any::<char>(),
    ]
}

/// Strings of 0 to 40 such characters, so byte lengths cross every 8- and 16-byte edge.
fn tricky_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..40).prop_map(|cs| cs.into_iter().collect())
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((tricky_string(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(common::proptest_config(2048))]

    /// Any string, as a value and as a map key.
    #[test]
    fn strings_are_byte_identical(s in tricky_string()) {
        same(&s);
        same(&BTreeMap::from([(s.clone(), s)]));
    }
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    /// Any tree of `serde_json::Value`.
    #[test]
    fn value_trees_are_byte_identical(v in value()) {
        same(&v);
    }
}
