"""Parse a folder of documents with a Dask bag into three Parquet tables.

    python examples/dask/vanban_dask.py INPUT OUTPUT [--scheduler processes] [--partitions N]

The same tables as the Spark example (``documents``, ``citations``, ``findings``; see
``vanban.tables``): exactly one ``documents`` row per input file. The files are listed here and
read by the workers, so INPUT must be a folder every worker sees (a shared file system); with a
``dask.distributed`` cluster, pass ``--scheduler`` the scheduler's address.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import sys
import time
from typing import Dict, List, Optional, Sequence

import dask
import dask.bag as db
import pandas as pd

import vanban
from vanban.tables import COLUMNS, TABLES, read_rows

if __name__ != "__main__":
    # Imported (by a test, a notebook): the workers cannot import this file, so its functions
    # travel by value, as a script's do.
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])

# The patterns `vanban convert` reads in a folder by default.
DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown")

_DTYPES = {"string": "string", "bigint": "Int64", "int": "Int32", "boolean": "boolean"}


def list_files(folder: str, globs: Sequence[str] = DEFAULT_GLOBS) -> List[str]:
    """Files under ``folder`` whose names match one of ``globs`` (case ignored), sorted."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in names:
            if any(fnmatch.fnmatch(name.lower(), g.lower()) for g in globs):
                found.append(os.path.join(root, name))
    return sorted(found)


def _frame(table: str, rows: List[tuple]) -> pd.DataFrame:
    columns = COLUMNS[table]
    frame = pd.DataFrame.from_records(rows, columns=[name for name, _ in columns])
    return frame.astype({name: _DTYPES[kind] for name, kind in columns})


def _partition_frames(paths: List[str], findings: bool, max_bytes: int) -> Dict[str, pd.DataFrame]:
    rows: Dict[str, List[tuple]] = {table: [] for table in TABLES}
    for path in paths:
        for table, items in read_rows(path, findings=findings, max_bytes=max_bytes).items():
            rows[table].extend(items)
    return {table: _frame(table, items) for table, items in rows.items()}


def _pick(partition: List[Dict[str, pd.DataFrame]], table: str) -> pd.DataFrame:
    return partition[0][table]


def run(
    input: str,
    output: str,
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    partitions: Optional[int] = None,
    scheduler: str = "processes",
    findings: bool = True,
    max_bytes: int = vanban.DEFAULT_MAX_BYTES,
) -> Dict[str, int]:
    """Writes the three tables under ``output`` (one Parquet file per partition) and returns
    their row counts."""
    import dask.dataframe as dd

    paths = list_files(input, globs)
    if not paths:
        raise SystemExit(f"{input}: no file matches {', '.join(globs)}")
    npartitions = partitions or max(1, min(len(paths), (os.cpu_count() or 1) * 4))
    bag = db.from_sequence(paths, npartitions=npartitions)
    # One task per partition parses its files once and gives the three tables' frames.
    frames = bag.map_partitions(lambda part: [_partition_frames(list(part), findings, max_bytes)])
    partitions_ = frames.to_delayed()  # one list of one {table: frame} per partition
    writes = []
    for table in TABLES:
        parts = [dask.delayed(_pick)(p, table) for p in partitions_]
        meta = _frame(table, [])
        frame = dd.from_delayed(parts, meta=meta, verify_meta=False)
        writes.append(
            frame.to_parquet(
                os.path.join(output, table), write_index=False, compute=False, overwrite=True
            )
        )
        writes.append(frame.shape[0])
    if scheduler in ("processes", "threads", "synchronous"):
        results = dask.compute(*writes, scheduler=scheduler)
    else:
        from dask.distributed import Client

        with Client(scheduler):
            results = dask.compute(*writes)
    return {table: int(results[2 * i + 1]) for i, table in enumerate(TABLES)}


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder of documents (seen by every worker)")
    parser.add_argument("output", help="folder of the Parquet tables")
    parser.add_argument(
        "--glob", action="append", help="file name pattern (repeatable; default *.txt *.md *.markdown)"
    )
    parser.add_argument("--partitions", type=int, help="number of partitions (default 4 per core)")
    parser.add_argument(
        "--scheduler", default="processes",
        help="processes (default), threads, synchronous, or a dask.distributed address",
    )
    parser.add_argument("--no-findings", action="store_true", help="skip validation")
    parser.add_argument(
        "--max-size", type=int, default=vanban.DEFAULT_MAX_BYTES >> 20, metavar="MB",
        help="refuse files larger than this many megabytes (default 50)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = run(
        args.input,
        args.output,
        globs=args.glob or DEFAULT_GLOBS,
        partitions=args.partitions,
        scheduler=args.scheduler,
        findings=not args.no_findings,
        max_bytes=args.max_size << 20,
    )
    seconds = time.perf_counter() - start
    docs = counts["documents"]
    print(json.dumps({**counts, "seconds": round(seconds, 2), "documents_per_second": round(docs / seconds, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
