"""Python against the command on the same documents: documents/s and MB/s.

    python python/bench/throughput.py FOLDER [--vanban target/release/vanban] [--rounds 3] [--jobs 2]

Four runs, each the best of ``--rounds``:

- ``cli -j1`` and ``cli -jN``: ``vanban convert --ndjson --jobs J FOLDER > /dev/null`` (read,
  decode, parse, validate, serialize every file; the process started once);
- ``python``: one thread, ``vanban.parse_file(path)`` for every file (read, decode, parse,
  validate, serialize, then ``json.loads`` into dicts: what a Python user gets);
- ``python xN``: the same over a thread pool of N (the GIL is released while parsing).

The ratio column is the command's time over Python's at the same parallelism (1.0 = as fast;
the target is within 1.5x, i.e. a ratio of at least 0.67).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List

import vanban

GLOBS = ("*.txt", "*.md", "*.markdown")


def files_in(folder: str) -> List[str]:
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            if any(fnmatch.fnmatch(name.lower(), g) for g in GLOBS):
                found.append(os.path.join(root, name))
    return sorted(found)


def parse_one(path: str) -> int:
    try:
        return len(vanban.parse_file(path))
    except vanban.DecodeError:
        return 0  # refused as the command refuses it (an error record there)


def best(rounds: int, run: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--vanban", default=os.environ.get("VANBAN_BIN", "vanban"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    paths = files_in(args.folder)
    if not paths:
        print(f"{args.folder}: no *.txt, *.md or *.markdown file", file=sys.stderr)
        return 2
    size = sum(os.path.getsize(p) for p in paths)

    def cli(jobs: int) -> Callable[[], None]:
        command = [args.vanban, "convert", "--ndjson", "--quiet", "--jobs", str(jobs), args.folder]
        return lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=False)

    def python_serial() -> None:
        for p in paths:
            parse_one(p)

    def python_threads() -> None:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(parse_one, paths, chunksize=16))

    runs = [
        ("cli -j1", best(args.rounds, cli(1))),
        ("python", best(args.rounds, python_serial)),
        (f"cli -j{args.jobs}", best(args.rounds, cli(args.jobs))),
        (f"python x{args.jobs}", best(args.rounds, python_threads)),
    ]
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB, vanban {vanban.__version__}, best of {args.rounds}")
    print(f"{'run':<12} {'seconds':>8} {'docs/s':>9} {'MB/s':>7} {'cli/python':>10}")
    for i, (name, seconds) in enumerate(runs):
        ratio = ""
        if name.startswith("python"):
            ratio = f"{runs[i - 1][1] / seconds:.2f}"
        print(
            f"{name:<12} {seconds:>8.2f} {len(paths) / seconds:>9.0f} "
            f"{size / 1e6 / seconds:>7.1f} {ratio:>10}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
