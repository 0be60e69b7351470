"""Shared fixtures: the repository, the `vanban` command built from it, and a way to run it.

The tests compare the package with the command, so both must come from the same sources:
`VANBAN_BIN` names the command (`.ci/python.sh` sets it to the release build), else
`$CARGO_TARGET_DIR/release/vanban` or `target/release/vanban`.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List, NamedTuple

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = "corpus/000_9ebb4c68ea5cda49.txt"


def binary() -> Path:
    """The `vanban` command the package is compared with."""
    if os.environ.get("VANBAN_BIN"):
        return Path(os.environ["VANBAN_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return target / "release" / "vanban"


class Run(NamedTuple):
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture(scope="session")
def cli():
    command = binary()
    if not command.exists():
        pytest.fail(f"{command}: build the command first (cargo build --release) or set VANBAN_BIN")

    def run(*args: str, stdin: bytes = b"") -> Run:
        done = subprocess.run(
            [str(command), *args], cwd=REPO, input=stdin, capture_output=True, check=False
        )
        return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    return run


def corpus_files() -> List[str]:
    """Every document of `corpus/`, as a path relative to the repository."""
    return sorted(
        str(p.relative_to(REPO)) for p in (REPO / "corpus").iterdir() if p.is_file()
    )


def fixture_files() -> List[str]:
    """Files in other encodings and formats the Rust tests keep (TCVN3, VNI, RTF, DOCX)."""
    found = []
    for folder in ("tests/legacy", "tests/docx"):
        for p in sorted((REPO / folder).iterdir()):
            if p.is_file() and p.suffix != ".py":
                found.append(str(p.relative_to(REPO)))
    return found
