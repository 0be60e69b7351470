"""Documents as rows of three tables, for data-frame engines (Spark, Dask, pandas).

``rows(path, data)`` parses one file's bytes and gives its rows:

- ``documents``: exactly one row per input, parsed or not: a few columns to filter on (type,
  number, year, counts), the error when the bytes are no document's text, and ``document``, the
  whole tree as ``vanban parse --compact`` prints it (``json.loads`` it for the rest);
- ``citations``: one row per reference to another document (``attachment`` is the index of the
  attached document it stands in, or ``None`` for the main one);
- ``findings``: one row per validator finding (``pointer`` is the JSON Pointer of the node).

``COLUMNS`` gives each table's columns and their types (Spark SQL names: ``string``,
``bigint``, ``int``, ``boolean``) so an engine can build its schema from one place.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from . import DEFAULT_MAX_BYTES, DecodeError, _vanban, parse_json

COLUMNS: Dict[str, List[Tuple[str, str]]] = {
    "documents": [
        ("path", "string"),
        ("bytes", "bigint"),
        ("error_kind", "string"),
        ("error", "string"),
        ("encoding", "string"),
        ("format", "string"),
        ("family", "string"),
        ("type_code", "string"),
        ("type_name", "string"),
        ("reference", "string"),
        ("year", "int"),
        ("subject", "string"),
        ("lines", "int"),
        ("sections", "int"),
        ("citations", "int"),
        ("findings", "int"),
        ("errors", "int"),
        ("unrecognized", "int"),
        ("document", "string"),
    ],
    "citations": [
        ("path", "string"),
        ("attachment", "int"),
        ("index", "int"),
        ("text", "string"),
        ("kind", "string"),
        ("id", "string"),
        ("number", "string"),
        ("year", "int"),
        ("type_code", "string"),
        ("issuer_code", "string"),
        ("issuer_name", "string"),
        ("name", "string"),
        ("date", "string"),
        ("system", "string"),
        ("line", "int"),
    ],
    "findings": [
        ("path", "string"),
        ("code", "string"),
        ("name", "string"),
        ("severity", "string"),
        ("message", "string"),
        ("hint", "string"),
        ("line", "int"),
        ("column", "int"),
        ("end_line", "int"),
        ("end_column", "int"),
        ("pointer", "string"),
    ],
}

TABLES = tuple(COLUMNS)

Row = Tuple[Any, ...]


def local_path(path: str) -> str:
    """A ``file:`` URI (as Spark names local files) as a plain path, so that ``source.path`` is
    the one ``vanban parse`` records for the same file; other URIs (``hdfs://``, ``s3a://``)
    unchanged."""
    if path.startswith("file://"):
        return path[len("file://") :]
    if path.startswith("file:"):
        return path[len("file:") :]
    return path


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _citation_rows(path: str, doc: Dict[str, Any], attachment: Optional[int]) -> Iterator[Row]:
    names = [name for name, _ in COLUMNS["citations"][3:]]
    for index, c in enumerate(doc.get("citations") or []):
        yield (path, attachment, index, *(c.get(name) for name in names))


def _error_rows(path: str, size: int, kind: str, message: str) -> Dict[str, List[Row]]:
    empty = (None,) * (len(COLUMNS["documents"]) - 4)
    return {"documents": [(path, size, kind, message, *empty)], "citations": [], "findings": []}


def rows(
    path: str,
    data: Union[bytes, bytearray, memoryview],
    *,
    findings: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, List[Row]]:
    """The rows of one file in each table, as tuples in ``COLUMNS`` order. Never raises for a
    file's content: bytes that are no document's text give a ``documents`` row with
    ``error_kind`` and ``error`` (the command's message) and no other rows."""
    path = local_path(path)
    size = len(data)
    try:
        document = parse_json(bytes(data), path=path, findings=findings, max_bytes=max_bytes)
    except DecodeError as e:
        return _error_rows(path, size, e.kind, str(e))
    doc = json.loads(document)
    found = doc.get("findings") or []
    citations = list(_citation_rows(path, doc, None))
    for n, attached in enumerate(doc.get("attachments") or []):
        citations.extend(_citation_rows(path, attached, n))
    source = doc.get("source") or {}
    reference = _get(doc, "header", "reference")
    documents = (
        path,
        size,
        None,
        None,
        source.get("encoding"),
        source.get("format"),
        doc.get("family"),
        _get(doc, "title", "type_code"),
        _get(doc, "title", "type_name"),
        _get(reference, "text"),
        _get(doc, "header", "place_date", "year"),
        _get(doc, "title", "subject"),
        source.get("lines"),
        len(doc.get("sections") or []),
        len(citations),
        len(found),
        sum(1 for f in found if f.get("severity") == "error"),
        len(doc.get("unrecognized") or []),
        document,
    )
    finding_rows = [
        (
            path,
            f.get("code"),
            f.get("name"),
            f.get("severity"),
            f.get("message"),
            f.get("hint"),
            f.get("line"),
            f.get("column"),
            f.get("end_line"),
            f.get("end_column"),
            f.get("path"),
        )
        for f in found
    ]
    return {"documents": [documents], "citations": citations, "findings": finding_rows}


def read_rows(
    path: Union[str, "os.PathLike[str]"],
    *,
    findings: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, List[Row]]:
    """:func:`rows` of a local file. A file over ``max_bytes`` is refused from its size, before
    it is read; a file that cannot be read gives an ``io`` error row (as ``vanban convert``
    records it), so that one bad file never stops a job."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                e = _vanban.too_large(size, max_bytes, name)
                return _error_rows(name, size, e.kind, str(e))
            data = f.read(max_bytes + 1)
    except OSError as e:
        return _error_rows(name, 0, "io", f"cannot read: {e.strerror or e}")
    return rows(name, data, findings=findings, max_bytes=max_bytes)
