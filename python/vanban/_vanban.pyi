"""Type stubs of the native module; the public functions are in ``vanban`` (``__init__.py``)."""

from typing import Any, Dict, List, Optional, Tuple, Union

__version__: str
DEFAULT_MAX_BYTES: int

class DecodeError(ValueError):
    """The bytes are not a document's text (empty, too large, damaged, binary, undecodable)."""

    kind: str
    """A stable name of the case: ``empty``, ``too_large``, ``unreadable``, ``missing_tool``, ``nul``, ..."""
    path: Optional[str]
    """The ``path`` given to the call, if any (the message starts with it)."""

def parse(
    source: Union[str, bytes, bytearray],
    *,
    path: Optional[str] = None,
    format: Optional[str] = None,
    profile: Optional[str] = None,
    profile_json: Optional[str] = None,
    lang: str = "vi",
    findings: bool = True,
    max_bytes: int = ...,
) -> Dict[str, Any]: ...
def parse_json(
    source: Union[str, bytes, bytearray],
    *,
    path: Optional[str] = None,
    format: Optional[str] = None,
    profile: Optional[str] = None,
    profile_json: Optional[str] = None,
    lang: str = "vi",
    findings: bool = True,
    max_bytes: int = ...,
    pretty: bool = False,
) -> str: ...
def check_json(
    source: Union[str, bytes, bytearray],
    *,
    path: Optional[str] = None,
    format: Optional[str] = None,
    profile: Optional[str] = None,
    profile_json: Optional[str] = None,
    lang: str = "vi",
    max_bytes: int = ...,
) -> str: ...
def text(
    source: Union[str, bytes, bytearray],
    *,
    encoding: Optional[str] = None,
    path: Optional[str] = None,
    max_bytes: int = ...,
) -> str: ...
def schema_json() -> str: ...
def profiles() -> List[str]: ...
def too_large(size: int, limit: int, path: str) -> DecodeError: ...
def _data_model_sample() -> Tuple[Any, str, str]:
    """For the tests: a value covering the serde data model as objects, as ``vanban::json``'s
    text and as ``serde_json``'s."""
