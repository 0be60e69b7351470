"""The Spark and Dask examples on `corpus/` (plus two files that are no document's text): every
input is exactly one row of `documents`, and each parsed row is the command's output."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import vanban

from conftest import REPO, binary, corpus_files

# CI sets VANBAN_ENGINES=required: a missing engine fails the run instead of skipping.
REQUIRED = os.environ.get("VANBAN_ENGINES") == "required"


def need(module: str):
    if importlib.util.find_spec(module) is None:
        if REQUIRED:
            pytest.fail(f"{module} is not installed (VANBAN_ENGINES=required)")
        pytest.skip(f"{module} is not installed")


def load_example(name: str):
    path = REPO / "examples" / name.split("_")[1] / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """corpus/ in two folders, plus an empty file and a damaged PDF."""
    root = tmp_path_factory.mktemp("archive")
    for i, path in enumerate(corpus_files()):
        folder = root / ("a" if i % 2 else "b/nested")
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / path, folder / Path(path).name)
    (root / "empty.txt").write_bytes(b"")
    (root / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (root / "notes.json").write_text("{}")  # not matched by the globs
    return root


def expected_documents(cli, archive: Path):
    files = sorted(
        str(p) for p in archive.rglob("*") if p.is_file() and p.suffix in (".txt", ".md")
    )
    assert len(files) == len(corpus_files()) + 2
    return {path: cli("parse", "--compact", path) for path in files}


def check_tables(cli, archive: Path, out: Path, counts: dict):
    import pyarrow.parquet as pq

    tables = {t: pq.read_table(out / t).to_pylist() for t in ("documents", "citations", "findings")}
    expected = expected_documents(cli, archive)
    paths = [row["path"] for row in tables["documents"]]
    assert sorted(paths) == sorted(expected), "every input exactly one row"
    assert counts == {t: len(rows) for t, rows in tables.items()}
    citations = findings = 0
    for row in tables["documents"]:
        done = expected[row["path"]]
        if done.code == 0:
            assert row["error"] is None
            doc = json.loads(row["document"])
            assert doc == done.json(), row["path"]
            assert row["type_code"] == (doc["title"] or {}).get("type_code")
            assert row["findings"] == len(doc["findings"])
            citations += row["citations"]
            findings += row["findings"]
        else:
            assert row["document"] is None
            assert row["error_kind"] in ("empty", "unreadable")
    assert {row["error_kind"] for row in tables["documents"] if row["error_kind"]} == {"empty", "unreadable"}
    assert len(tables["citations"]) == citations > 0
    assert len(tables["findings"]) == findings
    by_path = {}
    for row in tables["findings"]:
        by_path.setdefault(row["path"], []).append(row["code"])
    for path, codes in by_path.items():
        assert codes == [f["code"] for f in expected[path].json()["findings"]]


def test_spark_local_mode(cli, archive, tmp_path):
    need("pyspark")
    need("pyarrow")
    from pyspark.sql import SparkSession

    example = load_example("vanban_spark")
    # The workers run this interpreter, which has the wheel installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("vanban-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        counts = example.run(spark, str(archive), str(tmp_path / "out"), partitions=3)
        # The README's stdin mapper recipe: paths in, one JSON line per path out, in order.
        paths = sorted(expected_documents(cli, archive))
        mapper = f"{binary()} convert --ndjson - --quiet"
        lines = spark.sparkContext.parallelize(paths, 2).pipe(mapper).collect()
    finally:
        spark.stop()
    check_tables(cli, archive, tmp_path / "out", counts)
    records = [json.loads(line) for line in lines]
    assert [r["path"] for r in records] == paths
    for record in records:
        if "error" in record:
            # The package and `convert` refuse with the library's message.
            with pytest.raises(vanban.DecodeError) as refused:
                vanban.parse(Path(record["path"]).read_bytes())
            assert record["error"] == {"kind": refused.value.kind, "message": str(refused.value)}
            continue
        done = cli("parse", record["path"])
        doc = record["document"]
        assert doc["source"].pop("hash") and doc["source"].pop("vanban_version")
        assert doc == done.json()


def test_dask_bag(cli, archive, tmp_path):
    need("dask")
    need("pyarrow")
    example = load_example("vanban_dask")
    counts = example.run(str(archive), str(tmp_path / "out"), partitions=3, scheduler="processes")
    check_tables(cli, archive, tmp_path / "out", counts)
