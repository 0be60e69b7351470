"""Parsing releases the GIL: threads give the serial results, and Python runs meanwhile."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import vanban
from conftest import REPO, corpus_files


def test_threads_give_the_serial_results():
    inputs = [(path, (REPO / path).read_bytes()) for path in corpus_files()] * 8
    serial = [vanban.parse_json(data, path=path) for path, data in inputs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda item: vanban.parse_json(item[1], path=item[0]), inputs))
    assert threaded == serial
    with ThreadPoolExecutor(max_workers=4) as pool:
        checked = list(pool.map(lambda item: vanban.check(item[1], path=item[0]), inputs))
    assert checked == [vanban.check(data, path=path) for path, data in inputs]


def test_python_runs_while_a_document_parses():
    """While one thread is inside `parse_json` on a large document, the main thread keeps
    running Python: it records many timestamps inside the call's window. Were the GIL held
    during the parse, it could record none (at most one or two around the call's edges)."""
    big = "\n\n".join((REPO / p).read_text(encoding="utf-8") for p in corpus_files()) * 30
    window = {}

    def work():
        window["start"] = time.perf_counter()
        vanban.parse_json(big)
        window["end"] = time.perf_counter()

    stamps = []
    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    inside = [t for t in stamps if window["start"] < t < window["end"]]
    duration = window["end"] - window["start"]
    assert duration > 0.02, "the document should take a while to parse"
    assert len(inside) > 100, (len(inside), duration)
