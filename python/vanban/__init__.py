"""Vietnamese administrative documents (văn bản hành chính) as a lossless, validated JSON tree.

Each function gives what one command of the ``vanban`` binary prints, field for field:

- :func:`parse` is ``vanban parse FILE`` (the document's tree, ``findings`` filled);
- :func:`check` is ``vanban validate --format json FILE``; :func:`validate` is its ``findings``;
- :func:`text` is ``vanban text FILE``; :func:`schema` is ``vanban schema``.

A ``str`` source is the document's text; ``bytes`` are a file's content and are decoded as the
command decodes a file (UTF-8, UTF-16, Windows-1258, TCVN3/VNI/VISCII/VIQR, Word and RTF files).
Bytes that are no document's text raise :class:`DecodeError` with the command's message.
Decoding, parsing and validating release the GIL: threads parse in parallel.

>>> import vanban
>>> doc = vanban.parse("BÁO CÁO\\nVề kết quả năm 2024\\n\\nI. KẾT QUẢ\\n")
>>> doc["title"]["type_code"], doc["sections"][0]["label"]
('BC', 'I')
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Optional, Union

from . import _vanban
from ._vanban import DEFAULT_MAX_BYTES, DecodeError, __version__

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DecodeError",
    "__version__",
    "check",
    "parse",
    "parse_file",
    "parse_json",
    "profiles",
    "schema",
    "text",
    "validate",
]

Source = Union[str, bytes, bytearray, memoryview]
PathLike = Union[str, "os.PathLike[str]"]
Profile = Union[str, "os.PathLike[str]", Mapping[str, Any]]


def _source(source: Source) -> Union[str, bytes, bytearray]:
    if isinstance(source, memoryview):
        return source.tobytes()
    return source


def _path(path: Optional[PathLike]) -> Optional[str]:
    return None if path is None else os.fspath(path)


def _profile(profile: Optional[Profile]) -> Dict[str, Optional[str]]:
    """``profile`` as the native functions take it: an id or a file, or a profile's JSON."""
    if profile is None:
        return {"profile": None, "profile_json": None}
    if isinstance(profile, Mapping):
        return {"profile": None, "profile_json": json.dumps(profile)}
    if isinstance(profile, (str, os.PathLike)):
        return {"profile": os.fspath(profile), "profile_json": None}
    raise TypeError(
        "profile must be a shipped profile's id, a profile file's path or a dict, "
        f"not {type(profile).__name__}"
    )


def _limit(max_bytes: int) -> int:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise ValueError(f"max_bytes must be a number of bytes (an int >= 0), not {max_bytes!r}")
    return max_bytes


def parse_json(
    source: Source,
    *,
    path: Optional[PathLike] = None,
    format: Optional[str] = None,
    profile: Optional[Profile] = None,
    lang: str = "vi",
    findings: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pretty: bool = False,
) -> str:
    """The document's JSON as ``vanban parse --compact`` prints it (``pretty=True``: as ``vanban
    parse`` prints it), without the final newline. Takes the arguments of :func:`parse`.

    Cheaper than ``json.dumps(parse(...))`` when the JSON is what you store (a Parquet column, a
    file, a queue).
    """
    return _vanban.parse_json(
        _source(source),
        path=_path(path),
        format=format,
        lang=lang,
        findings=findings,
        max_bytes=_limit(max_bytes),
        pretty=pretty,
        **_profile(profile),
    )


def parse(
    source: Source,
    *,
    path: Optional[PathLike] = None,
    format: Optional[str] = None,
    profile: Optional[Profile] = None,
    lang: str = "vi",
    findings: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, Any]:
    """Parses a document into its tree, as ``vanban parse`` does.

    :param source: the text (``str``) or the file's bytes (``bytes``, decoded as the command
        decodes a file: legacy encodings, Word 97-2003 and RTF files included).
    :param path: recorded in ``source.path``; a ``.md``/``.markdown`` path means Markdown (as for
        the command) unless ``format`` says otherwise; prefixes error messages.
    :param format: ``"markdown"`` or ``"text"`` to force the syntax (``--format``).
    :param profile: the profile whose findings fill ``findings``: a shipped id (see
        :func:`profiles`), a profile file's path, or a profile as a dict; chosen from the
        document's type and family when ``None`` (``--profile``).
    :param lang: language of the findings' messages, ``"vi"`` or ``"en"`` (``--lang``).
    :param findings: ``False`` leaves ``findings`` empty (``--no-findings``).
    :param max_bytes: refuse a larger input with :class:`DecodeError` (``--max-size``; 50 MiB).
    :raises DecodeError: the bytes are not a document's text (empty, too large, damaged, binary...).
    :raises ValueError: an unknown format, language or profile, or a bad profile.
    :raises TypeError: ``source`` is neither text nor bytes.
    """
    return _vanban.parse(
        _source(source),
        path=_path(path),
        format=format,
        lang=lang,
        findings=findings,
        max_bytes=_limit(max_bytes),
        **_profile(profile),
    )


def parse_file(
    path: PathLike,
    *,
    format: Optional[str] = None,
    profile: Optional[Profile] = None,
    lang: str = "vi",
    findings: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, Any]:
    """Reads a file and parses it: ``vanban parse PATH``. A file over ``max_bytes`` is refused
    from its size, before it is read. Raises ``OSError`` when the file cannot be read."""
    name = os.fspath(path)
    limit = _limit(max_bytes)
    with open(name, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            # The command's refusal, from the size alone.
            raise _vanban.too_large(size, limit, name)
        data = f.read(limit + 1)
    return parse(
        data,
        path=name,
        format=format,
        profile=profile,
        lang=lang,
        findings=findings,
        max_bytes=limit,
    )


def check(
    source: Source,
    *,
    path: Optional[PathLike] = None,
    format: Optional[str] = None,
    profile: Optional[Profile] = None,
    lang: str = "vi",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, Any]:
    """Checks a document against its profile: the report ``vanban validate --format json``
    prints for it, ``{"version", "findings": [{"file", "profile", "code", ...}], "failures",
    "summary": {"files", "errors", "warnings", "infos", "failures"}}``. ``file`` is ``path``, or
    ``"-"`` without one. Takes the arguments of :func:`parse`."""
    return json.loads(
        _vanban.check_json(
            _source(source),
            path=_path(path),
            format=format,
            lang=lang,
            max_bytes=_limit(max_bytes),
            **_profile(profile),
        )
    )


def validate(
    source: Source,
    *,
    path: Optional[PathLike] = None,
    format: Optional[str] = None,
    profile: Optional[Profile] = None,
    lang: str = "vi",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> List[Dict[str, Any]]:
    """The findings of :func:`check` (each with its ``file`` and ``profile``, as ``vanban
    validate --format json`` lists them), ordered by position. Empty for a valid document."""
    report = check(
        source,
        path=path,
        format=format,
        profile=profile,
        lang=lang,
        max_bytes=max_bytes,
    )
    return report["findings"]


def text(
    source: Source,
    *,
    encoding: Optional[str] = None,
    path: Optional[PathLike] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """The Unicode text the parser reads, normalized (NFC, line feeds), as ``vanban text``
    prints it. ``encoding`` forces one for bytes: ``tcvn3``, ``vni``, ``viscii``, ``viqr``,
    ``utf-8`` or ``windows-1258`` (``--encoding``)."""
    return _vanban.text(
        _source(source), encoding=encoding, path=_path(path), max_bytes=_limit(max_bytes)
    )


def schema() -> Dict[str, Any]:
    """The JSON Schema of :func:`parse`'s output, as ``vanban schema`` prints it."""
    return json.loads(_vanban.schema_json())


def profiles() -> List[str]:
    """The ids of the shipped profiles, for ``profile=``."""
    return _vanban.profiles()
