//! Throughput of each pipeline stage and of the whole run, in bytes of input per second.
//!
//! Inputs: the seed (`include_str!`), every document of `corpus/` (each parsed on its own, the
//! throughput counted over the sum of their sizes), and generated 1 MB and 10 MB reports.
//!
//! Groups:
//! - `stage/<input>/<stage>`: `decode` ([`vanban::decode`]: sniffing, UTF-8 validation, a copy),
//!   `normalize` ([`vanban::normalize`]), `lex`
//!   ([`vanban::internals::lines`]), the zone parsers `header`, `title`, `body`, `closing` (closing and
//!   appendices), `sweep` (unclaimed text) and `finish` (citations, family, source map), through
//!   the `vanban::internals` hooks (feature `internals`); `citations` ([`find_citations`] over
//!   the whole normalized text); `parse` (the full [`vanban::parse_with`]);
//!   `to_json` ([`vanban::json::document`], compact, of a parsed document: what `vanban parse
//!   --compact` writes); `validate` (the validator with the profile `vanban::check` would
//!   choose, on the parsed tree). A zone's throughput is its time
//!   per document divided into the whole document's bytes, so the stages add up.
//! - `end_to_end/<input>`: parse and serialize to compact JSON ([`vanban::json::document`]).
//! - `end_to_end_checked/<input>`: what `vanban check` and the batch's validator do: parse, choose
//!   the profile, validate, and serialize the document with its findings.
//! - `linear/<shape>/<1x|10x>`: the same shape at ten times the size; time should grow tenfold.
//!   The shapes: a long report, many sections, a long line, citations on one line and wrapped,
//!   and the hostile ones of `vanban_testkit::adversarial` at 100 KB and 1 MB (`deep_labels`,
//!   `citations_paragraph`, `long_line`, `many_headings`, `number_lines`, `quotes_brackets`).
//!
//! Run: `cargo bench --bench pipeline --features internals -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, BenchmarkGroup, Criterion, Throughput, measurement::WallTime};
use vanban::internals as lex;
use vanban::internals::{self as stages, Context, Line, find_citations};
use vanban::model::{Document, Format};
use vanban_testkit::reports as common;

/// The allocator the `vanban` command ships with (see `src/main.rs`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: &str = include_str!("../corpus/000_9ebb4c68ea5cda49.txt");

/// One input file: its text and the format the CLI would force (`.md` → Markdown).
struct Doc {
    raw: String,
    format: Option<Format>,
}

impl Doc {
    fn new(raw: String, format: Option<Format>) -> Self {
        Self { raw, format }
    }

    fn options(&self) -> vanban::Options {
        vanban::Options {
            format: self.format,
            ..vanban::Options::default()
        }
    }
}

/// Every document of `corpus/`, sorted by name.
fn corpus() -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let md = p.extension().and_then(|e| e.to_str()) == Some("md");
            let raw = std::fs::read_to_string(p).expect("corpus file is UTF-8");
            Doc::new(raw, md.then_some(Format::Markdown))
        })
        .collect()
}

/// The inputs of the stage and end-to-end groups: name and documents.
fn inputs() -> Vec<(&'static str, Vec<Doc>)> {
    vec![
        ("seed", vec![Doc::new(SEED.to_owned(), None)]),
        ("corpus", corpus()),
        (
            "report_1mb",
            vec![Doc::new(common::report(1 << 20, 1), None)],
        ),
        (
            "report_10mb",
            vec![Doc::new(common::report(10 << 20, 2), None)],
        ),
    ]
}

fn bytes(docs: &[Doc]) -> u64 {
    docs.iter().map(|d| d.raw.len() as u64).sum()
}

/// A document normalized and lexed once, for the stages that come after lexing.
struct Prepared {
    text: String,
    format: Format,
}

/// The zone stages, in pipeline order.
const ZONES: &[&str] = &["header", "title", "body", "closing", "sweep", "finish"];

/// Runs zone `k` on the state left by the zones before it; returns the next line.
fn zone(k: usize, cx: &mut Context<'_>, doc: &mut Document, at: usize) -> usize {
    match k {
        0 => stages::header(cx, doc),
        1 => stages::title(cx, doc, at),
        2 => stages::body(cx, doc, at),
        3 => {
            stages::closing_and_appendices(cx, doc, at);
            at
        }
        4 => {
            stages::sweep(cx, doc);
            at
        }
        _ => {
            stages::finish(cx, doc);
            at
        }
    }
}

/// The parse state of every document just before zone `k`.
fn before_zone<'a>(
    k: usize,
    lexed: &'a [Vec<Line<'a>>],
    prepared: &'a [Prepared],
) -> Vec<State<'a>> {
    lexed
        .iter()
        .zip(prepared)
        .map(|(lines, p)| {
            let (mut cx, mut doc) = stages::start(lines, &p.text, p.format);
            let mut at = 0;
            for z in 0..k {
                at = zone(z, &mut cx, &mut doc, at);
            }
            State { cx, doc, at }
        })
        .collect()
}

struct State<'a> {
    cx: Context<'a>,
    doc: Document,
    at: usize,
}

fn stage_group(g: &mut BenchmarkGroup<'_, WallTime>, docs: &[Doc]) {
    // Large states are built one per iteration to bound memory; small ones in batches.
    let batch = if bytes(docs) > 512 << 10 {
        BatchSize::PerIteration
    } else {
        BatchSize::SmallInput
    };
    g.bench_function("decode", |b| {
        b.iter(|| {
            for d in docs {
                black_box(vanban::decode(black_box(d.raw.as_bytes())).expect("decodes"));
            }
        })
    });
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for d in docs {
                black_box(vanban::normalize(black_box(&d.raw)));
            }
        })
    });
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let text = vanban::normalize(&d.raw).text.into_owned();
            let format = d.format.unwrap_or_else(|| lex::detect_format(&text));
            Prepared { text, format }
        })
        .collect();
    g.bench_function("lex", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(lex::lines(black_box(&p.text), p.format));
            }
        })
    });
    let lexed: Vec<Vec<Line<'_>>> = prepared
        .iter()
        .map(|p| lex::lines(&p.text, p.format))
        .collect();
    for (k, name) in ZONES.iter().enumerate() {
        g.bench_function(*name, |b| {
            b.iter_batched(
                || before_zone(k, &lexed, &prepared),
                |mut states| {
                    for s in &mut states {
                        s.at = zone(k, &mut s.cx, &mut s.doc, s.at);
                    }
                    states
                },
                batch,
            )
        });
    }
    g.bench_function("citations", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(find_citations(black_box(&p.text)));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for d in docs {
                black_box(vanban::parse_with(black_box(&d.raw), &d.options()));
            }
        })
    });
    let parsed: Vec<Document> = docs
        .iter()
        .map(|d| vanban::parse_with(&d.raw, &d.options()))
        .collect();
    g.bench_function("to_json", |b| {
        b.iter(|| {
            for doc in &parsed {
                black_box(vanban::json::document(black_box(doc), false).expect("serializes"));
            }
        })
    });
    // The validator on the parsed tree and the normalized text, the profile chosen per
    // document as `vanban::check` does; its cost should stay below the parse's.
    let checked: Vec<(vanban::validate::Validator, &Document, &str)> = parsed
        .iter()
        .zip(&prepared)
        .map(|(doc, p)| {
            let profile = vanban::validate::Profile::for_document(doc);
            (
                vanban::validate::Validator::new(profile),
                doc,
                p.text.as_str(),
            )
        })
        .collect();
    g.bench_function("validate", |b| {
        b.iter(|| {
            for (validator, doc, text) in &checked {
                black_box(validator.validate(black_box(doc), black_box(text)));
            }
        })
    });
}

fn pipeline(c: &mut Criterion) {
    for (name, docs) in inputs() {
        let mut g = c.benchmark_group(format!("stage/{name}"));
        g.throughput(Throughput::Bytes(bytes(&docs)));
        if bytes(&docs) > 512 << 10 {
            g.sample_size(10);
        }
        stage_group(&mut g, &docs);
        g.finish();

        // Parse only, and what `vanban check` does (parse, profile, validate): the same run
        // otherwise, both serialized to compact JSON.
        type Run = fn(&str, &vanban::Options) -> Document;
        let runs: [(&str, Run); 2] = [
            ("end_to_end", vanban::parse_with),
            ("end_to_end_checked", vanban::check),
        ];
        for (group, run) in runs {
            let mut g = c.benchmark_group(group);
            g.throughput(Throughput::Bytes(bytes(&docs)));
            if bytes(&docs) > 512 << 10 {
                g.sample_size(10);
            }
            g.bench_function(name, |b| {
                b.iter(|| {
                    for d in &docs {
                        let doc = run(black_box(&d.raw), &d.options());
                        black_box(vanban::json::document(&doc, false).expect("serializes"));
                    }
                })
            });
            g.finish();
        }
    }
}

/// 1× and 10× inputs of the shapes most likely to hide quadratic work.
fn linear(c: &mut Criterion) {
    type Make = fn(usize) -> String;
    let shapes: [(&str, usize, Make); 5] = [
        ("long_document", 100 << 10, |n| common::report(n, 3)),
        ("many_sections", 2_000, common::many_sections),
        ("long_line", 100 << 10, |n| common::long_line(n, 4)),
        ("citations_one_line", 1_000, |n| {
            common::citations_one_line(n, 5)
        }),
        ("citations_wrapped", 1_000, |n| {
            common::citations_wrapped(n, 6)
        }),
    ];
    // The hostile shapes of issue 18 (`vanban_testkit::adversarial`), by size in bytes: deep
    // labels, a paragraph of citations, one huge line, headings, `Số:` lines, runs of quotes
    // and brackets. `examples/cost.rs` measures their peak memory too.
    // (`long_line` is in both lists, the same generator.)
    let hostile = vanban_testkit::adversarial::SHAPES
        .iter()
        .filter(|&&(name, _)| !shapes.iter().any(|s| s.0 == name))
        .map(|&(name, make)| (name, 100 << 10, make))
        .collect::<Vec<_>>();
    for (name, base, make) in shapes.into_iter().chain(hostile) {
        let mut g = c.benchmark_group(format!("linear/{name}"));
        g.sample_size(10);
        for (tag, n) in [("1x", base), ("10x", base * 10)] {
            let text = make(n);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(tag, |b| {
                b.iter(|| {
                    let doc = vanban::parse(black_box(&text));
                    black_box(vanban::json::document(&doc, false).expect("serializes"))
                })
            });
        }
        g.finish();
    }
}

criterion::criterion_group!(benches, pipeline, linear);
criterion::criterion_main!(benches);
