"""The package gives what the command prints, field for field."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest

import vanban
from conftest import REPO, SEED, corpus_files, fixture_files


def test_readme_one_liner_prints_the_seed_title():
    # The acceptance command, run as a user runs it.
    code = f"import vanban; print(vanban.parse(open({SEED!r}).read())['title'])"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    title = vanban.parse((REPO / SEED).read_text(encoding="utf-8"))["title"]
    assert title["type_code"] == "BC"
    assert done.stdout.strip() == str(title)


@pytest.mark.parametrize("path", corpus_files())
def test_corpus_document_equals_the_command(cli, path):
    expected = cli("parse", path)
    assert expected.code == 0, expected.stderr
    data = (REPO / path).read_bytes()
    assert vanban.parse(data, path=path) == expected.json()
    # The compact and pretty JSON strings are the command's, byte for byte.
    assert vanban.parse_json(data, path=path, pretty=True) + "\n" == expected.stdout
    compact = cli("parse", "--compact", path)
    assert vanban.parse_json(data, path=path) + "\n" == compact.stdout


@pytest.mark.parametrize("path", corpus_files())
def test_text_source_equals_the_utf8_file(path):
    data = (REPO / path).read_bytes()
    assert vanban.parse(data.decode("utf-8"), path=path) == vanban.parse(data, path=path)


def test_parse_file_reads_as_the_command(cli, monkeypatch):
    monkeypatch.chdir(REPO)
    assert vanban.parse_file(SEED) == cli("parse", SEED).json()
    assert vanban.parse_file(REPO / SEED) == cli("parse", str(REPO / SEED)).json()


@pytest.mark.parametrize("path", fixture_files())
def test_other_encodings_and_formats_equal_the_command(cli, path):
    """TCVN3, VNI, mixed legacy text, RTF and DOCX from the Rust tests' fixtures: the same tree,
    or the same refusal."""
    data = (REPO / path).read_bytes()
    expected = cli("parse", path)
    if expected.code == 0:
        assert vanban.parse(data, path=path) == expected.json()
        text = cli("text", path)
        assert vanban.text(data, path=path) == text.stdout
    else:
        with pytest.raises(vanban.DecodeError) as refused:
            vanban.parse(data, path=path)
        assert expected.stderr == f"vanban: {refused.value}\n"


def test_options_equal_the_command_flags(cli):
    data = (REPO / SEED).read_bytes()
    cases = [
        ({"findings": False}, ["--no-findings"]),
        ({"lang": "en"}, ["--lang", "en"]),
        ({"format": "text"}, ["--format", "text"]),
        ({"format": "markdown"}, ["--format", "markdown"]),
        ({"profile": "nd30-cong-van"}, ["--profile", "nd30-cong-van"]),
        ({"profile": "dang"}, ["--profile", "dang"]),
    ]
    for kwargs, flags in cases:
        expected = cli("parse", *flags, SEED)
        assert expected.code == 0, expected.stderr
        assert vanban.parse(data, path=SEED, **kwargs) == expected.json(), flags


def test_markdown_is_chosen_by_extension_as_the_command_does(cli, tmp_path):
    text = "BÁO CÁO\nVề kết quả\n\n# I. KẾT QUẢ\n\n- một\n"
    for name in ("doc.md", "doc.txt", "DOC.MARKDOWN"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        path = str(tmp_path / name)
        assert vanban.parse(text, path=path) == cli("parse", path).json()


def test_profile_file_and_dict(cli, tmp_path):
    shipped = REPO / "schemas" / "profiles"
    profile_file = sorted(shipped.glob("*.json"))[0]
    custom = json.loads(profile_file.read_text(encoding="utf-8"))
    custom["id"] = "custom"
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(custom), encoding="utf-8")
    data = (REPO / SEED).read_bytes()
    expected = cli("parse", "--profile", str(path), SEED).json()
    assert vanban.parse(data, path=SEED, profile=path) == expected
    assert vanban.parse(data, path=SEED, profile=str(path)) == expected
    assert vanban.parse(data, path=SEED, profile=custom) == expected


@pytest.mark.parametrize("path", corpus_files())
def test_check_equals_validate_json(cli, path):
    expected = cli("validate", "--format", "json", path)
    assert expected.code in (0, 1), expected.stderr
    data = (REPO / path).read_bytes()
    report = vanban.check(data, path=path)
    assert report == expected.json()
    assert vanban.validate(data, path=path) == report["findings"]


def test_check_options_equal_the_command_flags(cli):
    data = (REPO / SEED).read_bytes()
    expected = cli("validate", "--format", "json", "--lang", "en", "--profile", "nd30", SEED)
    assert vanban.check(data, path=SEED, lang="en", profile="nd30") == expected.json()
    # Without a path the report names the document `-`, as for standard input.
    from_stdin = cli("validate", "--format", "json", "-", stdin=data)
    assert vanban.check(data) == from_stdin.json()


def test_text_equals_the_command(cli):
    for path in [SEED, *fixture_files()]:
        expected = cli("text", path)
        if expected.code == 0:
            assert vanban.text((REPO / path).read_bytes(), path=path) == expected.stdout, path
    for encoding in ("tcvn3", "vni", "utf-8", "windows-1258"):
        path = "tests/legacy/tcvn3.txt"
        expected = cli("text", "--encoding", encoding, path)
        data = (REPO / path).read_bytes()
        if expected.code == 0:
            assert vanban.text(data, encoding=encoding) == expected.stdout, encoding
        else:
            with pytest.raises(vanban.DecodeError) as refused:
                vanban.text(data, encoding=encoding, path=path)
            assert expected.stderr == f"vanban: {refused.value}\n"


def test_schema_and_version_equal_the_command(cli):
    assert vanban.schema() == cli("schema").json()
    assert cli("--version").stdout.strip() == f"vanban {vanban.__version__}"
    assert importlib.metadata.version("vanban") == vanban.__version__
    assert "nd30" in vanban.profiles()
