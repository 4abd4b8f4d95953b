"""The gate's fixed word lists kept between processes (gate/vocabulary.py): used only when made
from exactly the same bytes; a stale or damaged file is never trusted."""

from __future__ import annotations

import importlib
import marshal
from pathlib import Path

import pytest

vocab_module = importlib.import_module("chalicelib.gate.vocabulary")  # the package shadows it by a function
_fixed_words = vocab_module._fixed_words


def _fresh(cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[frozenset[str], frozenset[str]]:
    monkeypatch.setenv("ADUAN_CACHE", str(cache))
    _fixed_words.cache_clear()
    return _fixed_words()


def test_the_words_are_kept_for_the_next_process_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _fresh(tmp_path / "off-first", monkeypatch)
    monkeypatch.setenv("ADUAN_CACHE", "off")
    _fixed_words.cache_clear()
    assert _fixed_words() == made  # the same words without any file
    kept = _fresh(tmp_path / "c", monkeypatch)
    assert kept == made
    path = vocab_module._cache_file()
    assert path is not None and path.is_file()
    key = marshal.loads(path.read_bytes())[0]
    # A file of the same key is what a later process reads instead of finding the words.
    path.write_bytes(marshal.dumps((key, frozenset({"kept"}), frozenset({"words"}))))
    assert _fresh(tmp_path / "c", monkeypatch) == (frozenset({"kept"}), frozenset({"words"}))


@pytest.mark.parametrize(
    "content",
    [
        marshal.dumps(("another key", frozenset({"stale"}), frozenset({"stale"}))),  # stale
        b"\x00not marshal at all",  # damaged
        marshal.dumps(["a list", 1]),  # another layout
        b"",  # empty
    ],
)
def test_a_stale_or_damaged_file_is_never_trusted(
    content: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADUAN_CACHE", "off")
    _fixed_words.cache_clear()
    made = _fixed_words()
    monkeypatch.setenv("ADUAN_CACHE", str(tmp_path))
    path = vocab_module._cache_file()
    assert path is not None
    path.write_bytes(content)
    assert _fresh(tmp_path, monkeypatch) == made
    assert marshal.loads(path.read_bytes())[1:] == made  # written again, whole


def test_a_changed_word_list_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _fresh(tmp_path, monkeypatch)
    data = tmp_path / "data"
    data.mkdir()
    for name in ("common_id.txt", "titles_id.txt", "roles_id.txt", "honorifics_id.txt", "public_id.txt"):
        (data / name).write_bytes((vocab_module._DATA / name).read_bytes())
    (data / "common_id.txt").write_bytes((data / "common_id.txt").read_bytes() + b"\nzzyzxkata\n")
    monkeypatch.setattr(vocab_module, "_DATA", data)
    after = _fresh(tmp_path, monkeypatch)
    assert "zzyzxkata" in after[1] and "zzyzxkata" not in before[1]
    monkeypatch.undo()
    _fixed_words.cache_clear()
