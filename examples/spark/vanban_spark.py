"""Parse a folder of documents with PySpark into three Parquet tables.

    spark-submit examples/spark/vanban_spark.py INPUT OUTPUT [--glob '*.{txt,md,markdown}']

INPUT is any folder Spark can list (local, ``hdfs://``, ``s3a://``), read recursively as binary
files; OUTPUT gets ``documents/``, ``citations/`` and ``findings/`` (see ``vanban.tables``):
exactly one ``documents`` row per input file, parsed or refused, each row carrying the file's
path. The parsing runs in the executors' Python workers, in Arrow batches (``mapInArrow``), with
the ``vanban`` wheel installed there (see README.md next to this file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, Dict, Iterator, List, Optional
from urllib.parse import unquote

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

import vanban
from vanban.tables import COLUMNS, local_path, rows

if __name__ != "__main__":
    # Imported (by a test, a notebook): the executors cannot import this file, so its
    # functions travel by value, as a submitted script's do.
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])

# The globs `vanban convert` reads in a folder by default, as one Hadoop glob.
DEFAULT_GLOB = "*.{txt,md,markdown}"

# The nested columns of a parsed file's row: its citation and finding rows (without `path`).
NESTED = ("citations", "findings")

_SPARK = {"string": StringType(), "bigint": LongType(), "int": IntegerType(), "boolean": BooleanType()}
_ARROW = {"string": pa.string(), "bigint": pa.int64(), "int": pa.int32(), "boolean": pa.bool_()}


def schema(table: str) -> StructType:
    """The Spark schema of one of ``vanban.tables``' tables."""
    return StructType([StructField(name, _SPARK[kind], True) for name, kind in COLUMNS[table]])


def parsed_schema() -> StructType:
    """One row per file: the ``documents`` columns, then ``_citations`` and ``_findings``."""
    nested = [
        StructField(f"_{table}", ArrayType(StructType(schema(table).fields[1:])), True)
        for table in NESTED
    ]
    return StructType(schema("documents").fields + nested)


def _arrow_schema() -> pa.Schema:
    fields = [pa.field(name, _ARROW[kind]) for name, kind in COLUMNS["documents"]]
    for table in NESTED:
        inner = pa.struct([pa.field(name, _ARROW[kind]) for name, kind in COLUMNS[table][1:]])
        fields.append(pa.field(f"_{table}", pa.list_(inner)))
    return pa.schema(fields)


def parse_batches(
    batches: Iterator[pa.RecordBatch], findings: bool, max_bytes: int
) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: batches of ``binaryFile`` rows (``path``, ``content``) to batches of
    parsed rows (:func:`parsed_schema`)."""
    target = _arrow_schema()
    names = {table: [name for name, _ in COLUMNS[table]] for table in ("documents", *NESTED)}
    for batch in batches:
        out: List[Dict[str, Any]] = []
        paths = batch.column("path").to_pylist()
        contents = batch.column("content").to_pylist()
        for path, content in zip(paths, contents):
            got = rows(path, content, findings=findings, max_bytes=max_bytes)
            row = dict(zip(names["documents"], got["documents"][0]))
            for table in NESTED:
                row[f"_{table}"] = [dict(zip(names[table][1:], r[1:])) for r in got[table]]
            out.append(row)
        yield pa.RecordBatch.from_pylist(out, schema=target)


def run(
    spark: SparkSession,
    input: str,
    output: str,
    *,
    glob: str = DEFAULT_GLOB,
    partitions: Optional[int] = None,
    findings: bool = True,
    max_bytes: int = vanban.DEFAULT_MAX_BYTES,
) -> Dict[str, int]:
    """Reads every file under ``input`` matching ``glob``, writes the three tables under
    ``output`` (replacing them) and returns their row counts."""
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", glob)
        .load(input)
        .select("path", "content")
    )
    if partitions:
        # Fewer tasks than files' splits: merged without a shuffle; more: shuffled.
        current = files.rdd.getNumPartitions()
        files = files.coalesce(partitions) if partitions < current else files.repartition(partitions)
    # Parsed once (Python runs once per file), kept for the listing check and the three writes.
    parsed = files.mapInArrow(
        lambda batches: parse_batches(batches, findings, max_bytes), parsed_schema()
    ).persist(StorageLevel.MEMORY_AND_DISK)
    every = parsed
    # Spark's file scan drops empty files (0 bytes make no split): they are inputs still, and
    # get their `documents` row (refused as empty) from the listing.
    listed = [(local_path(unquote(uri)),) for uri in files.inputFiles()]
    if listed:
        missing = (
            spark.createDataFrame(listed, "path string")
            .join(parsed.select("path"), "path", "left_anti")
            .collect()
        )
        empty = [(*rows(r.path, b"")["documents"][0], [], []) for r in missing]
        if empty:
            every = parsed.unionByName(spark.createDataFrame(empty, parsed_schema()))
    # The tables are written in as many files as the session has cores, not one per input
    # split (94 files a table for a 3,000-document archive): on 2 cores the three writes took
    # 17.6 s that way and 4.7 s in 4 files (event log of `local[2]`). The parse keeps its
    # tasks (the frame is persisted above), only the writing tasks read several of them.
    every = every.coalesce(spark.sparkContext.defaultParallelism)
    try:
        tables: Dict[str, DataFrame] = {
            "documents": every.drop(*(f"_{t}" for t in NESTED)),
        }
        for table in NESTED:
            tables[table] = every.select("path", F.explode(f"_{table}").alias("item")).select(
                "path", "item.*"
            )
        counts = {}
        for name, frame in tables.items():
            where = f"{output.rstrip('/')}/{name}"
            frame.write.mode("overwrite").parquet(where)
            counts[name] = spark.read.parquet(where).count()
    finally:
        parsed.unpersist()
    return counts


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder of documents (local path or any Hadoop URI)")
    parser.add_argument("output", help="folder of the Parquet tables")
    parser.add_argument("--glob", default=DEFAULT_GLOB, help=f"files to read (default {DEFAULT_GLOB})")
    parser.add_argument("--partitions", type=int, help="parse in N tasks (default: one per split of the input, ~128 MB or a few files each)")
    parser.add_argument("--no-findings", action="store_true", help="skip validation")
    parser.add_argument(
        "--max-size", type=int, default=vanban.DEFAULT_MAX_BYTES >> 20, metavar="MB",
        help="refuse files larger than this many megabytes (default 50)",
    )
    parser.add_argument(
        "--master", help="Spark master when not run by spark-submit (e.g. local[*])"
    )
    args = parser.parse_args(argv)
    builder = SparkSession.builder.appName("vanban").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        start = time.perf_counter()
        counts = run(
            spark,
            args.input,
            args.output,
            glob=args.glob,
            partitions=args.partitions,
            findings=not args.no_findings,
            max_bytes=args.max_size << 20,
        )
        seconds = time.perf_counter() - start
    finally:
        spark.stop()
    docs = counts["documents"]
    summary = {**counts, "seconds": round(seconds, 2), "documents_per_second": round(docs / seconds, 1)}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
