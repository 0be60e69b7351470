//! The `vanban` command: a thin shell over the library (see `cli`).

mod cli;

use std::process::ExitCode;

/// Small allocations dominate the parser's allocator traffic; mimalloc serves them ~20% faster
/// end to end than glibc (`docs/performance.md`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
