"""Parse a folder of documents with PySpark into three Parquet tables.

    spark-submit examples/spark/vanban_spark.py INPUT OUTPUT [--glob '*.{txt,md,markdown}']

INPUT is any folder Spark can list (local, ``hdfs://``, ``s3a://``), read recursively as binary
files; OUTPUT gets ``documents/``, ``citations/`` and ``findings/`` (see ``vanban.tables``):
exactly one ``documents`` row per input file, parsed or refused, each row carrying the file's
path. The parsing runs in the executors' Python workers (``mapPartitions``), with the ``vanban``
wheel installed there (see README.md next to this file).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from typing import Dict, Optional
from urllib.parse import unquote

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    BooleanType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

import vanban
from vanban.tables import COLUMNS, TABLES, local_path, partition_rows, rows

# The globs `vanban convert` reads in a folder by default, as one Hadoop glob.
DEFAULT_GLOB = "*.{txt,md,markdown}"

_TYPES = {
    "string": StringType(),
    "bigint": LongType(),
    "int": IntegerType(),
    "boolean": BooleanType(),
}


def schema(table: str) -> StructType:
    """The Spark schema of one of ``vanban.tables``' tables."""
    return StructType([StructField(name, _TYPES[kind], True) for name, kind in COLUMNS[table]])


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
    rdd = files.rdd
    if partitions:
        rdd = rdd.repartition(partitions)
    # The function shipped to the workers comes from the package they have installed.
    parse = functools.partial(partition_rows, findings=findings, max_bytes=max_bytes)
    # Parsed once, kept for the three writes (spilled to disk when memory is short).
    tagged = rdd.mapPartitions(parse).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        # Spark's file scan drops empty files (0 bytes make no split): they are inputs still,
        # and get their `documents` row (refused as empty) from the listing.
        seen = set(tagged.filter(lambda pair: pair[0] == "documents").map(lambda p: p[1][0]).collect())
        listed = (local_path(unquote(uri)) for uri in files.inputFiles())
        empty = [row for path in listed if path not in seen for row in rows(path, b"")["documents"]]
        for table in TABLES:
            items = tagged.filter(lambda pair, t=table: pair[0] == t).values()
            if table == "documents" and empty:
                items = items.union(spark.sparkContext.parallelize(empty, 1))
            frame = spark.createDataFrame(items, schema(table))
            frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")
        found = tagged.keys().countByValue()
    finally:
        tagged.unpersist()
    counts = {table: found.get(table, 0) for table in TABLES}
    counts["documents"] += len(empty)
    return counts


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder of documents (local path or any Hadoop URI)")
    parser.add_argument("output", help="folder of the Parquet tables")
    parser.add_argument("--glob", default=DEFAULT_GLOB, help=f"files to read (default {DEFAULT_GLOB})")
    parser.add_argument("--partitions", type=int, help="repartition the files into N tasks")
    parser.add_argument("--no-findings", action="store_true", help="skip validation")
    parser.add_argument(
        "--max-size", type=int, default=vanban.DEFAULT_MAX_BYTES >> 20, metavar="MB",
        help="refuse files larger than this many megabytes (default 50)",
    )
    parser.add_argument(
        "--master", help="Spark master when not run by spark-submit (e.g. local[*])"
    )
    args = parser.parse_args(argv)
    builder = SparkSession.builder.appName("vanban")
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
