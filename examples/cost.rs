//! Time and peak memory of a parse on the hostile shapes of issue 18, at 1 MB and 10 MB: whether
//! the cost grows linearly with the input.
//!
//! ```text
//! cargo run --release --example cost                      # every shape, 1 and 10 MB
//! cargo run --release --example cost -- --check           # parse and validate (vanban check)
//! cargo run --release --example cost -- deep_labels long_line
//! cargo run --release --example cost -- --write /tmp/shapes  # the inputs, for a profiler
//! ```
//!
//! The shapes are `vanban_testkit::adversarial::SHAPES`. Each input is written to a file under
//! the system's temporary folder and measured in five fresh processes (this program run again
//! with `--measure FILE`), each of which reads the file, then parses it and writes its compact
//! JSON once, streamed to a writer that keeps nothing (`vanban::json::write_document`, as
//! `vanban parse --compact` writes its standard output): the best time of the five
//! is reported, each paying for the memory it touches first as a command does. The peak
//! resident memory is the kernel's high-water mark (`VmHWM` of `/proc/self/status`) less what
//! the process held before it read the file, after one small document was parsed and validated
//! (the tables and automata built once per process): it counts the input, the document and its
//! JSON, and nothing of the generator; Linux only.
//!
//! The table printed is the one in `docs/performance.md`: per shape and size the best time, the
//! peak memory and its ratio to the input, and the ratio of the 10 MB time to the 1 MB time.
//! The goals (issue 18): a time ratio of at most 12 and a peak of at most 10 times the input.

use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::Instant;

use vanban_testkit::adversarial::SHAPES;

/// The allocator the `vanban` command ships with (see `src/main.rs`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MB: usize = 1 << 20;
/// Processes measured per shape and size.
const PROCESSES: usize = 5;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    if let Some(at) = args.iter().position(|a| a == "--measure") {
        return match args.get(at + 1) {
            Some(path) => measure(path, check),
            None => usage("--measure needs a file"),
        };
    }
    let write = args
        .iter()
        .position(|a| a == "--write")
        .map(|at| args.get(at + 1));
    let wanted: Vec<&str> = args
        .iter()
        .enumerate()
        .filter(|&(k, a)| {
            let after_write = k.checked_sub(1).is_some_and(|p| args[p] == "--write");
            !a.starts_with("--") && !after_write
        })
        .map(|(_, a)| a.as_str())
        .collect();
    if let Some(bad) = wanted.iter().find(|w| !SHAPES.iter().any(|(n, _)| n == *w)) {
        return usage(&format!("no shape named `{bad}`"));
    }
    match write {
        Some(Some(dir)) => return write_inputs(std::path::Path::new(dir), &wanted),
        Some(None) => return usage("--write needs a folder"),
        None => {}
    }
    let dir = std::env::temp_dir().join(format!("vanban-cost-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cost: cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let result = run(&dir, &wanted, check);
    // Best effort: a leftover temporary folder is no reason to fail the measurement.
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Writes the inputs of every wanted shape (all when none is named) into `dir`, as
/// `SHAPE-1.txt` and `SHAPE-10.txt`, for a profiler.
fn write_inputs(dir: &std::path::Path, wanted: &[&str]) -> ExitCode {
    for (name, make) in SHAPES {
        if !wanted.is_empty() && !wanted.contains(name) {
            continue;
        }
        for size in [MB, 10 * MB] {
            let path = dir.join(format!("{name}-{}.txt", size / MB));
            if let Err(e) = std::fs::write(&path, make(size)) {
                eprintln!("cost: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

fn usage(why: &str) -> ExitCode {
    let names: Vec<&str> = SHAPES.iter().map(|(n, _)| *n).collect();
    eprintln!(
        "cost: {why}\nusage: cost [--check] [--write DIR] [SHAPE …]\nshapes: {}",
        names.join(", ")
    );
    ExitCode::from(2)
}

/// Measures every wanted shape (all when none is named) at 1 and 10 MB and prints the table.
fn run(dir: &std::path::Path, wanted: &[&str], check: bool) -> ExitCode {
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("cost: cannot find this program's own path to run it again");
        return ExitCode::from(2);
    };
    println!(
        "| shape | input | time | peak memory | × input | time 10 MB / 1 MB |\n\
         |---|---:|---:|---:|---:|---:|"
    );
    let mut over = false;
    for (name, make) in SHAPES {
        if !wanted.is_empty() && !wanted.contains(name) {
            continue;
        }
        let mut first = None;
        for size in [MB, 10 * MB] {
            let text = make(size);
            let path = dir.join(format!("{name}-{}.txt", size / MB));
            if let Err(e) = std::fs::write(&path, &text) {
                eprintln!("cost: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            // Fresh processes, one parse each, as a command runs: the best time, the highest
            // peak.
            let (mut secs, mut peak) = (f64::INFINITY, 0f64);
            for _ in 0..PROCESSES {
                match measure_in_child(&exe, &path, check) {
                    Ok((s, p)) => {
                        secs = secs.min(s);
                        peak = peak.max(p);
                    }
                    Err(why) => {
                        eprintln!("cost: measuring {name} at {} MB: {why}", size / MB);
                        return ExitCode::from(2);
                    }
                }
            }
            let bytes = text.len() as f64;
            let times = peak / bytes;
            let ratio = match first {
                None => {
                    first = Some(secs);
                    String::new()
                }
                Some(t) => {
                    let r = secs / t;
                    over |= r > 12.0;
                    format!("{r:.1}×")
                }
            };
            over |= times > 10.0;
            println!(
                "| {name} | {:.1} MB | {:.3} s | {:.1} MB | {times:.1}× | {ratio} |",
                bytes / MB as f64,
                secs,
                peak / MB as f64,
            );
            let _ = std::fs::remove_file(&path);
        }
    }
    if over {
        eprintln!("cost: a shape is over its goal (time ratio 12×, memory 10× the input)");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Runs this program again to measure `path` once: its time in seconds and peak in bytes.
fn measure_in_child(
    exe: &std::path::Path,
    path: &std::path::Path,
    check: bool,
) -> Result<(f64, f64), String> {
    let mut child = Command::new(exe);
    child.arg("--measure").arg(path);
    if check {
        child.arg("--check");
    }
    let out = child
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    if !out.status.success() {
        return Err(format!(
            "the measuring process failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let reply = String::from_utf8_lossy(&out.stdout);
    let mut fields = reply.split_whitespace().map(str::parse::<f64>);
    match (fields.next(), fields.next()) {
        (Some(Ok(secs)), Some(Ok(peak))) => Ok((secs, peak)),
        _ => Err(format!(
            "unexpected reply from the measuring process: {reply:?}"
        )),
    }
}

/// In the measuring process: reads `path`, parses it (and validates it with `check`) and writes
/// its JSON once, streamed as `vanban parse` writes it ([`vanban::json::write_document`]); prints the time in seconds and the peak memory in bytes above what the
/// process held before it read the file.
fn measure(path: &str, check: bool) -> ExitCode {
    let options = vanban::Options::default();
    // The tables, automata and allocator pools every parse builds once come first, on a small
    // report, so that what is counted grows with the input.
    let warm = vanban_testkit::reports::report(20_000, 1);
    black_box(vanban::json::document(&vanban::check(&warm, &options), false).ok());
    drop(warm);
    let Some(before) = status_kb("VmRSS") else {
        eprintln!("cost: /proc/self/status has no VmRSS (memory is measured on Linux only)");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cost: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let doc = if check {
        vanban::check(black_box(&text), &options)
    } else {
        vanban::parse_with(black_box(&text), &options)
    };
    // As the command writes it: streamed, a block at a time, to a writer that keeps nothing.
    if let Err(e) = vanban::json::write_document(std::io::sink(), &doc, false) {
        eprintln!("cost: writing the JSON of {path}: {e}");
        return ExitCode::from(2);
    }
    drop(doc);
    let best = started.elapsed().as_secs_f64();
    let peak = status_kb("VmHWM").unwrap_or(0).saturating_sub(before);
    println!("{best} {}", peak * 1024);
    ExitCode::SUCCESS
}

/// A field of `/proc/self/status` in kB (`VmRSS`, `VmHWM`).
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
