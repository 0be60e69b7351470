"""Bytes in other encodings, errors and their messages, and arguments."""

from __future__ import annotations

import unicodedata

import pytest

import vanban
from conftest import REPO, SEED

TEXT = (
    "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\nSố: 12/BC-UBND\n\nĐồng Tháp, ngày 05 tháng 3 năm 2024\n\n"
    "BÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2023\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\n"
    "1. Về công tác chỉ đạo, điều hành: đã triển khai đầy đủ các nhiệm vụ được giao.\n"
)


# Grave, acute, tilde, hook above, dot below: the combining tone marks Windows-1258 has.
TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Vietnamese in Windows-1258: a base letter (â, ê, ơ, ư, ă kept whole) and a combining
    tone mark, as Word saves it."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        for form in (ch, base + tones):
            try:
                out += form.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"{ch!r} has no Windows-1258 form")
    return bytes(out)


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-16"), "utf-16le"),
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16be"),
        (windows_1258, "windows-1258"),
    ],
)
def test_bytes_in_other_encodings_give_the_text_tree(cli, tmp_path, encode, encoding):
    data = encode(TEXT)
    doc = vanban.parse(data)
    assert doc["source"]["encoding"] == encoding
    assert doc["title"]["type_code"] == "BC"
    assert doc["header"]["reference"]["text"] == "Số: 12/BC-UBND"
    # The tree is the one of the text; only how it was read differs.
    same = vanban.parse(TEXT)
    for tree in (doc, same):
        tree["source"].pop("encoding")
        tree["source"].pop("encodings")
        tree["source"].pop("normalizations")
        tree["source"].pop("bytes")
    assert doc == same
    assert vanban.text(data) == TEXT
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert vanban.parse(data, path=str(path)) == cli("parse", str(path)).json()


def test_buffer_types_are_bytes():
    data = TEXT.encode("utf-8")
    expected = vanban.parse(data)
    assert vanban.parse(bytearray(data)) == expected
    assert vanban.parse(memoryview(data)) == expected


def refusal(cli, tmp_path, data: bytes, *flags: str) -> tuple:
    """The command's message for a file with these bytes (without `vanban: `), and the file."""
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    done = cli("parse", *flags, str(path))
    assert done.code == 2
    assert done.stderr.startswith("vanban: ")
    return done.stderr[len("vanban: ") :].rstrip("\n"), str(path)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"", "empty"),
        (b"BAO CAO\x00\x00 \x01", "nul"),
        (b"B\x00A\x00O\x00 \x00C\x00A\x00O\x00", "nul"),
        (b"PK\x03\x04" + b"\x00" * 40, None),
        ("BÁO CÁO".encode("utf-8") * 50 + b"\xff\xfe\xfa" + "BÁO".encode("utf-8") * 50, "invalid_utf8"),
    ],
)
def test_refusals_have_the_command_messages(cli, tmp_path, data, kind):
    message, path = refusal(cli, tmp_path, data)
    with pytest.raises(vanban.DecodeError) as refused:
        vanban.parse(data, path=path)
    assert str(refused.value) == message
    assert refused.value.path == path
    if kind:
        assert refused.value.kind == kind
    # Without a path, the message is the library's alone.
    with pytest.raises(vanban.DecodeError) as bare:
        vanban.parse(data)
    assert message == f"{path}: {bare.value}"
    assert bare.value.path is None
    # The other entry points refuse the same bytes the same way.
    for call in (vanban.check, vanban.validate, vanban.text, vanban.parse_json):
        with pytest.raises(vanban.DecodeError, match="^" + __import__("re").escape(message)):
            call(data, path=path)


def test_a_damaged_pdf_is_refused_with_the_command_message():
    # PDF bytes are read as the command reads them (poppler's pdftotext); a damaged file says so.
    with pytest.raises(vanban.DecodeError) as refused:
        vanban.parse(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", path="scan.pdf")
    assert refused.value.kind == "unreadable"
    assert str(refused.value).startswith("scan.pdf: PDF file could not be read")


def test_size_limit_as_the_command(cli, tmp_path):
    data = (REPO / SEED).read_bytes() * 40  # over 1 MiB
    assert len(data) > 1 << 20
    message, path = refusal(cli, tmp_path, data, "--max-size", "1")
    with pytest.raises(vanban.DecodeError) as refused:
        vanban.parse(data, path=path, max_bytes=1 << 20)
    assert str(refused.value) == message
    assert refused.value.kind == "too_large"
    with pytest.raises(vanban.DecodeError) as from_file:
        vanban.parse_file(path, max_bytes=1 << 20)
    assert str(from_file.value) == message
    # A str is held to the same limit, in UTF-8 bytes.
    with pytest.raises(vanban.DecodeError, match="over the limit"):
        vanban.parse(data.decode("utf-8"), max_bytes=1 << 20)
    assert vanban.parse(data, max_bytes=len(data))["source"]["bytes"] == len(data)


def test_decode_error_is_a_value_error():
    assert issubclass(vanban.DecodeError, ValueError)
    with pytest.raises(ValueError):
        vanban.parse(b"")


def test_bad_arguments(cli):
    with pytest.raises(ValueError, match=r"^unknown format `docx` \(markdown, text\)$"):
        vanban.parse("BÁO CÁO", format="docx")
    with pytest.raises(ValueError, match=r"^unknown language `fr` \(vi, en\)$"):
        vanban.parse("BÁO CÁO", lang="fr")
    done = cli("parse", "--profile", "nope", SEED)
    assert done.code == 2
    with pytest.raises(ValueError) as unknown:
        vanban.parse("BÁO CÁO", profile="nope")
    assert done.stderr == f"vanban: {unknown.value}\n"
    with pytest.raises(ValueError, match="invalid profile"):
        vanban.parse("BÁO CÁO", profile={"id": 3})
    with pytest.raises(TypeError, match="profile must be"):
        vanban.parse("BÁO CÁO", profile=3)
    with pytest.raises(TypeError, match="source must be str .* or bytes .*, not int"):
        vanban.parse(12)
    with pytest.raises(ValueError, match="max_bytes"):
        vanban.parse("BÁO CÁO", max_bytes=-1)
    with pytest.raises(ValueError, match="unknown encoding `koi8` "):
        vanban.text(b"BAO CAO", encoding="koi8")
    with pytest.raises(ValueError, match="applies to bytes"):
        vanban.text("BÁO CÁO", encoding="tcvn3")
    with pytest.raises(FileNotFoundError):
        vanban.parse_file("no/such/file.txt")
    with pytest.raises(TypeError):
        vanban.parse("BÁO CÁO", "positional-path")


def test_text_str_is_normalized():
    decomposed = unicodedata.normalize("NFD", "BÁO CÁO\r\nVề việc")
    assert vanban.text(decomposed) == "BÁO CÁO\nVề việc"
