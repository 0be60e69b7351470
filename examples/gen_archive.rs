//! Writes a synthetic archive for batch runs and benches ([`vanban_testkit::archive`]): N varied
//! documents in year and issuer folders, with a few broken or oddly encoded files among them.
//!
//! ```text
//! cargo run --release --example gen_archive -- 10000 /tmp/archive [--seed 7]
//! ```

use std::path::Path;

use vanban_testkit::archive::{Kind, generate};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut seed = 1u64;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seed" {
            seed = it.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
                eprintln!("gen_archive: --seed needs a number");
                std::process::exit(2)
            });
        } else {
            positional.push(a.clone());
        }
    }
    let (Some(n), Some(dir)) = (
        positional.first().and_then(|s| s.parse::<usize>().ok()),
        positional.get(1),
    ) else {
        eprintln!("usage: gen_archive N DIR [--seed S]");
        std::process::exit(2)
    };
    match generate(n, Path::new(dir), seed) {
        Ok(files) => {
            let bytes: usize = files.iter().map(|f| f.bytes).sum();
            let failing = files.iter().filter(|f| f.kind.fails()).count();
            println!(
                "wrote {} files ({:.1} MB) to {dir}: {} special, {failing} expected to fail",
                files.len(),
                bytes as f64 / 1e6,
                files.iter().filter(|f| f.kind != Kind::Valid).count()
            );
        }
        Err(e) => {
            eprintln!("gen_archive: {dir}: {e}");
            std::process::exit(2)
        }
    }
}
