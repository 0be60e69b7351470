"""`vanban.parse` builds its dicts straight from the parsed document (no JSON text in between):
they must be exactly what `json.loads(vanban.parse_json(...))` gives, down to key order, the
type of every value (``1`` is not ``1.0`` is not ``True``) and the bits of every float."""

from __future__ import annotations

import json
import math
from typing import Any, Dict

import pytest

import vanban
from vanban import _vanban
from conftest import REPO, corpus_files, fixture_files


def assert_same(built: Any, loaded: Any, where: str = "$") -> None:
    """`built` and `loaded` are the same JSON value, with the same Python types and key order."""
    assert type(built) is type(loaded), f"{where}: {type(built).__name__} != {type(loaded).__name__}"
    if isinstance(loaded, dict):
        assert list(built) == list(loaded), f"{where}: keys {list(built)} != {list(loaded)}"
        for key, value in loaded.items():
            assert type(key) is str, where
            assert_same(built[key], value, f"{where}.{key}")
    elif isinstance(loaded, list):
        assert len(built) == len(loaded), f"{where}: {len(built)} items != {len(loaded)}"
        for i, (b, l) in enumerate(zip(built, loaded)):
            assert_same(b, l, f"{where}[{i}]")
    elif isinstance(loaded, float):
        assert math.copysign(1.0, built) == math.copysign(1.0, loaded), where
        assert built == loaded and built.hex() == loaded.hex(), f"{where}: {built!r} != {loaded!r}"
    else:
        assert built == loaded, f"{where}: {built!r} != {loaded!r}"


def containers(value: Any, seen: Dict[int, Any]) -> None:
    """Every dict and list of the tree, by identity (each must be a fresh object)."""
    if isinstance(value, (dict, list)):
        assert id(value) not in seen, "a container appears twice in the tree"
        seen[id(value)] = value
        for child in value.values() if isinstance(value, dict) else value:
            containers(child, seen)


@pytest.mark.parametrize("path", corpus_files() + fixture_files())
def test_parse_is_json_loads_of_parse_json(path):
    data = (REPO / path).read_bytes()
    try:
        loaded = json.loads(vanban.parse_json(data, path=path))
    except vanban.DecodeError as refused:
        with pytest.raises(vanban.DecodeError) as again:
            vanban.parse(data, path=path)
        assert str(again.value) == str(refused) and again.value.kind == refused.kind
        return
    built = vanban.parse(data, path=path)
    assert_same(built, loaded)
    seen: Dict[int, Any] = {}
    containers(built, seen)


@pytest.mark.parametrize(
    "kwargs", [{"findings": False}, {"lang": "en"}, {"format": "markdown"}, {"profile": "dang"}]
)
def test_options_give_the_same_objects(kwargs):
    text = (REPO / "corpus" / sorted(p.name for p in (REPO / "corpus").iterdir())[0]).read_text(
        encoding="utf-8"
    )
    assert_same(vanban.parse(text, **kwargs), json.loads(vanban.parse_json(text, **kwargs)))


def test_every_case_of_the_data_model_is_json_loads():
    # Integers of every width, f32 (its shortest digits, as serde_json writes them), NaN and the
    # infinities (null), bytes, unit/newtype/tuple/struct variants, integer/bool/char/float and
    # repeated map keys, a flattened map: the paths the document's types do not take.
    built, ours, theirs = _vanban._data_model_sample()
    assert ours == theirs
    loaded = json.loads(theirs)
    assert_same(built, loaded)
    assert built["f32s"][0] == 0.1 and built["floats"][4] is None
    assert list(built["keys"]) == ["k", "-7", str(2**128 - 1), "true", "đ", "0.1", "1e+20", "Unit"]
    assert built["keys"]["k"] == 9


def test_trees_are_independent():
    # Keys are shared interned strings, containers never: changing one tree leaves the next.
    text = "BÁO CÁO\nVề kết quả năm 2024\n\nI. KẾT QUẢ\n"
    first = vanban.parse(text)
    first["sections"].clear()
    first["title"]["type_code"] = "X"
    second = vanban.parse(text)
    assert second["sections"] and second["title"]["type_code"] == "BC"
