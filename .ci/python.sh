#!/usr/bin/env bash
# CI for the Python package (python/): a fresh virtual environment with pinned dependencies, the
# abi3 wheel built with maturin and installed from the file, the README's one-liner, and pytest:
# the same JSON as the command for corpus/ and the Rust tests' TCVN3/VNI/RTF/DOCX fixtures,
# other encodings, errors, threads, and the Spark (local mode) and Dask examples.
#
# The wheel is the one users get: built with `--zig` for the manylinux2014 tag (glibc 2.17, so it
# installs on old cluster nodes too; ziglang comes from PyPI, nothing else is fetched). Zig
# compiles for an explicit target, so the wheel does not share the command's release build:
# about 4 minutes of CPU more than a plain `maturin build` (a manylinux_2_34 wheel) would take.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
# An absolute path: maturin hands the venv's interpreter to build scripts as the way to run zig
# (`python -m ziglang`), and they run in other directories (a relative path failed on CI).
mkdir -p "$target"
target=$(cd "$target" && pwd)
venv="$target/python-ci/venv"
wheels="$target/python-ci/wheels"

# Spark runs on a JVM: Java 17 is on the development machines; CI installs it when missing.
if ! command -v java >/dev/null && command -v apt-get >/dev/null; then
  SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

# The bindings are not a default workspace member (they link against Python): format and lint
# them here.
cargo fmt -p vanban-python --check
cargo clippy -p vanban-python -- -D warnings
cargo build --release --bin vanban

rm -rf "$venv" "$wheels"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q -r python/requirements-ci.txt
PATH="$venv/bin:$PATH" "$venv/bin/maturin" build --release --zig --compatibility manylinux2014 \
  -m python/Cargo.toml --out "$wheels"
"$venv/bin/python" -m pip install -q "$wheels"/vanban-*.whl

# The issue's acceptance line, as a user runs it.
"$venv/bin/python" -c "import vanban; print(vanban.parse(open('corpus/000_9ebb4c68ea5cda49.txt').read())['title'])"

export VANBAN_BIN="$target/release/vanban" VANBAN_ENGINES=required
export PYSPARK_PYTHON="$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests
