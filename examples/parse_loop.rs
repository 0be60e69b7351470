//! Parses files over and over, for a profiler: `cargo build --release --example parse_loop`,
//! then `perf record -g --call-graph dwarf target/release/examples/parse_loop 200 corpus/*`.
//! The first argument is the number of rounds; the rest are files (`.md` read as Markdown).
//! With `VANBAN_LOOP_JSON=1` each parse is also serialized to compact JSON
//! (`vanban::json::document`, as `vanban parse --compact` and the `end_to_end` bench); with
//! `VANBAN_LOOP_JSON=pretty` to pretty JSON, what `vanban parse` and `vanban convert` write by
//! default.
//! One round runs first to warm up (regex caches, tables); to count instructions of the measured
//! rounds only: `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='parse_loop::rounds'
//! target/release/examples/parse_loop 20 corpus/*`.

use std::hint::black_box;

/// The allocator the `vanban` command ships with (see `src/main.rs`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let docs: Vec<(String, vanban::Options)> = args
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let format = path
                .ends_with(".md")
                .then_some(vanban::model::Format::Markdown);
            let options = vanban::Options {
                format,
                ..vanban::Options::default()
            };
            Some((text, options))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    parse_all(&docs);
    let started = std::time::Instant::now();
    self::rounds(&docs, rounds);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} documents, {bytes} bytes, {rounds} rounds: {:.1} MB/s",
        docs.len(),
        (bytes * rounds) as f64 / secs / 1e6
    );
}

fn parse_all(docs: &[(String, vanban::Options)]) {
    let json = std::env::var_os("VANBAN_LOOP_JSON");
    for (text, options) in docs {
        let doc = vanban::parse_with(black_box(text), options);
        let written = match json.as_ref().and_then(|v| v.to_str()) {
            Some("1") => vanban::json::document(&doc, false),
            Some("pretty") => vanban::json::document(&doc, true),
            _ => Ok(Vec::new()),
        };
        black_box(written.map(|s| s.len()).unwrap_or(0));
        black_box(doc);
    }
}

/// The measured work, a function of its own for profilers to select.
#[inline(never)]
fn rounds(docs: &[(String, vanban::Options)], n: usize) {
    for _ in 0..n {
        parse_all(docs);
    }
}
