"""Python against the command on the same documents: documents/s and MB/s.

    python python/bench/throughput.py FOLDER [--vanban target/release/vanban] [--rounds 5] [--jobs 2]

What is compared, for every ``*.txt``, ``*.md`` and ``*.markdown`` file under FOLDER (the files
``vanban convert`` reads in a folder):

- ``cli``: ``vanban convert --ndjson --quiet --jobs J FOLDER > /dev/null``: one process that
  lists, reads, decodes, parses, validates and serializes every file; its CPU time is the
  child's user + system time (``RUSAGE_CHILDREN``), process start included;
- ``parse``: ``vanban.parse(f.read(), path=path)`` for every file, in this process: the same
  steps, giving the dicts a Python user works with (built from the document, no JSON text);
- ``parse_json``: ``vanban.parse_json(...)``: the command's JSON text (what an engine stores);
- ``parse_json+loads``: ``json.loads(vanban.parse_json(...))``: the same dicts as ``parse``, the
  way the package built them before session 10 (for comparison).

The Python runs read each file inside the timed loop, as the command does (from the page cache
after the first round, for both), and keep no result. ``J`` and the thread pool's size are 1,
then ``--jobs``. Each run is repeated ``--rounds`` times, alternating with the others so that
a burst of load on a shared machine hits them all; the table gives the best and the median of
the wall and CPU times. ``ratio`` is the run's best time over the command's: CPU time for one
thread (the machine's other load moves it little), wall time for the pool (what threads buy).
The issue's target is a ratio of 1.5 for ``parse``.

``--only parse`` (or ``parse_json``, ``parse_json+loads``) runs that function once over the
files and nothing else, for a profiler: ``valgrind --tool=callgrind python throughput.py FOLDER
--only parse`` against ``valgrind --tool=callgrind vanban convert --ndjson --quiet --jobs 1
FOLDER``.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Dict, List, Tuple

import vanban

GLOBS = ("*.txt", "*.md", "*.markdown")


def files_in(folder: str) -> List[str]:
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            if any(fnmatch.fnmatch(name.lower(), g) for g in GLOBS):
                found.append(os.path.join(root, name))
    return sorted(found)


def make_call(function: Callable[..., object]) -> Callable[[str], None]:
    def call(path: str) -> None:
        with open(path, "rb") as f:
            data = f.read()
        try:
            function(data, path=path)
        except vanban.DecodeError:
            pass  # refused as the command refuses it (an error record there)

    return call


def parse_json_loads(data: bytes, path: str) -> object:
    return json.loads(vanban.parse_json(data, path=path))


FUNCTIONS: Dict[str, Callable[..., object]] = {
    "parse": vanban.parse,
    "parse_json": vanban.parse_json,
    "parse_json+loads": parse_json_loads,
}


def timed(run: Callable[[], None], children: bool) -> Tuple[float, float]:
    """Wall and CPU seconds of one run (CPU of child processes for the command)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    before = resource.getrusage(who)
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    after = resource.getrusage(who)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--vanban", default=os.environ.get("VANBAN_BIN", "vanban"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", choices=sorted(FUNCTIONS), help="one pass of one function, untimed")
    args = parser.parse_args()

    paths = files_in(args.folder)
    if not paths:
        print(f"{args.folder}: no *.txt, *.md or *.markdown file", file=sys.stderr)
        return 2
    size = sum(os.path.getsize(p) for p in paths)
    if args.only:
        call = make_call(FUNCTIONS[args.only])
        for path in paths:
            call(path)
        return 0

    def cli(jobs: int) -> Callable[[], None]:
        command = [args.vanban, "convert", "--ndjson", "--quiet", "--jobs", str(jobs), args.folder]
        return lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=False) and None

    def serial(function: Callable[..., object]) -> Callable[[], None]:
        call = make_call(function)

        def run() -> None:
            for path in paths:
                call(path)

        return run

    def pooled(function: Callable[..., object], jobs: int) -> Callable[[], None]:
        call = make_call(function)

        def run() -> None:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                for _ in pool.map(call, paths, chunksize=16):
                    pass

        return run

    groups = [
        (
            1,
            [
                ("cli -j1", cli(1), True),
                *((name, serial(function), False) for name, function in FUNCTIONS.items()),
            ],
        )
    ]
    if args.jobs > 1:
        j = args.jobs
        groups.append(
            (
                j,
                [
                    (f"cli -j{j}", cli(j), True),
                    (f"parse x{j}", pooled(vanban.parse, j), False),
                    (f"parse_json x{j}", pooled(vanban.parse_json, j), False),
                ],
            )
        )

    print(
        f"{len(paths)} documents, {size / 1e6:.1f} MB, vanban {vanban.__version__}, "
        f"{args.rounds} rounds, load average {os.getloadavg()[0]:.1f} at the start"
    )
    header = (
        f"{'run':<18} {'wall best':>9} {'median':>7} {'cpu best':>9} {'median':>7} "
        f"{'docs/s':>7} {'MB/s':>6} {'ratio':>6}"
    )
    print(header)
    for jobs, runs in groups:
        times: Dict[str, List[Tuple[float, float]]] = {name: [] for name, _, _ in runs}
        for _ in range(args.rounds):
            for name, run, children in runs:
                times[name].append(timed(run, children))
        # One thread: CPU time (load-proof); a pool: wall time (what parallelism buys).
        pick = 1 if jobs == 1 else 0
        base = min(t[pick] for t in times[runs[0][0]])
        for name, _, _ in runs:
            walls = [t[0] for t in times[name]]
            cpus = [t[1] for t in times[name]]
            seconds = min(walls) if pick == 0 else min(cpus)
            print(
                f"{name:<18} {min(walls):>9.2f} {statistics.median(walls):>7.2f} "
                f"{min(cpus):>9.2f} {statistics.median(cpus):>7.2f} "
                f"{len(paths) / seconds:>7.0f} {size / 1e6 / seconds:>6.1f} {seconds / base:>6.2f}"
            )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
