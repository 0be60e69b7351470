//! Throughput of batch conversion (`vanban::batch::convert_tree`, the core of `vanban convert`)
//! on a generated archive, with one thread and with two: documents/s and MB/s.
//!
//! ```text
//! cargo bench --bench convert                          # 1,000 documents
//! VANBAN_BENCH_DOCS=10000 cargo bench --bench convert  # the archive size of the README table
//! ```
//!
//! Each iteration converts the whole archive with `force` (no resume) into a temporary folder,
//! writing every output file, as `vanban convert --force` does. The archive holds a few broken
//! files on purpose (about 2% special files, some of which fail), like a real one.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vanban::batch::{self, Config, DEFAULT_GLOBS, Silent};
use vanban_testkit::archive;

fn bench_convert(c: &mut Criterion) {
    let docs: usize = std::env::var("VANBAN_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let root = std::env::temp_dir().join(format!("vanban-bench-{}", std::process::id()));
    let folder = root.join("archive");
    let files = archive::generate(docs, &folder, 1).expect("archive generated");
    let bytes: u64 = files.iter().map(|f| f.bytes as u64).sum();
    let include: Vec<String> = DEFAULT_GLOBS.iter().map(|g| (*g).to_owned()).collect();
    let inputs = [folder];

    let mut group = c.benchmark_group(format!("convert_{docs}"));
    group.throughput(Throughput::ElementsAndBytes {
        elements: docs as u64,
        bytes,
    });
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(if docs > 2000 { 60 } else { 15 }));
    for jobs in [1usize, 2] {
        let out: PathBuf = root.join(format!("out-j{jobs}"));
        let config = Config {
            jobs,
            force: true,
            ..Config::default()
        };
        group.bench_function(format!("j{jobs}"), |b| {
            b.iter(|| {
                let summary = batch::convert_tree(&config, &inputs, &include, &[], &out, &Silent)
                    .expect("the run proceeds");
                assert_eq!(summary.documents, docs as u64, "every input is counted");
                summary
            });
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&root);
}

criterion_group!(benches, bench_convert);
criterion_main!(benches);
