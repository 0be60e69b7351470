"""Python against the command on the same documents: documents/s and MB/s.

    python python/bench/throughput.py FOLDER [--vanban target/release/vanban] [--rounds 3] [--jobs 2]

Each run is the best of ``--rounds``, in wall time and in CPU time (the machine's other load
moves the first, hardly the second; for one thread, CPU time is the fair comparison):

- ``cli``: ``vanban convert --ndjson --jobs J FOLDER > /dev/null``: read, decode, parse,
  validate, serialize every file, the process started once;
- ``parse_json``: ``vanban.parse_json(bytes, path=path)`` for every file read: the same work,
  giving the command's JSON text (what an engine writes to Parquet);
- ``parse``: ``vanban.parse(bytes, path=path)``, which is ``json.loads(parse_json(...))``:
  the dicts a Python user works with.

``J`` and the thread pool's size are 1, then ``--jobs``. ``ratio`` is the run's time over the
command's (CPU time for one thread, wall time for the pool); the issue's target is 1.5.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List, Tuple

import vanban

GLOBS = ("*.txt", "*.md", "*.markdown")


def files_in(folder: str) -> List[str]:
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            if any(fnmatch.fnmatch(name.lower(), g) for g in GLOBS):
                found.append(os.path.join(root, name))
    return sorted(found)


def read_all(paths: List[str]) -> List[Tuple[str, bytes]]:
    out = []
    for p in paths:
        with open(p, "rb") as f:
            out.append((p, f.read()))
    return out


def make_call(function: Callable[..., object]) -> Callable[[Tuple[str, bytes]], None]:
    def call(item: Tuple[str, bytes]) -> None:
        try:
            function(item[1], path=item[0])
        except vanban.DecodeError:
            pass  # refused as the command refuses it (an error record there)

    return call


def best(rounds: int, run: Callable[[], None], children: bool = False) -> Tuple[float, float]:
    """Best wall and CPU seconds of ``rounds`` runs (CPU of child processes for the command)."""
    walls, cpus = [], []
    for _ in range(rounds):
        who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
        before = resource.getrusage(who)
        start = time.perf_counter()
        run()
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(who)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


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
    # Python's files are read once, before timing; the command reads them in each run (from
    # the page cache after the first).
    items = read_all(paths)

    def cli(jobs: int) -> Callable[[], None]:
        command = [args.vanban, "convert", "--ndjson", "--quiet", "--jobs", str(jobs), args.folder]
        return lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=False)

    def serial(function: Callable[..., object]) -> Callable[[], None]:
        call = make_call(function)
        return lambda: [call(item) for item in items] and None

    def pooled(function: Callable[..., object]) -> Callable[[], None]:
        call = make_call(function)

        def run() -> None:
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                list(pool.map(call, items, chunksize=16))

        return run

    print(f"{len(paths)} documents, {size / 1e6:.1f} MB, vanban {vanban.__version__}, best of {args.rounds}")
    print(f"{'run':<20} {'wall s':>7} {'cpu s':>7} {'docs/s':>7} {'MB/s':>6} {'ratio':>6}")
    for jobs in (1, args.jobs):
        base = best(args.rounds, cli(jobs), children=True)
        runs = [(f"cli -j{jobs}", base)]
        make = serial if jobs == 1 else pooled
        for name, function in (("parse_json", vanban.parse_json), ("parse", vanban.parse)):
            label = name if jobs == 1 else f"{name} x{jobs}"
            runs.append((label, best(args.rounds, make(function))))
        # One thread: CPU time (load-proof); a pool: wall time (what parallelism buys).
        pick = 1 if jobs == 1 else 0
        for name, timing in runs:
            seconds = timing[pick]
            print(
                f"{name:<20} {timing[0]:>7.2f} {timing[1]:>7.2f} {len(paths) / seconds:>7.0f} "
                f"{size / 1e6 / seconds:>6.1f} {seconds / base[pick]:>6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
