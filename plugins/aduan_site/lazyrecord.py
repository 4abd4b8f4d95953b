"""A record read from the records cache (dataset_cache.py) whose JSON is parsed only when a field
beyond its *head* is asked for.

A build in a new process after one change looks at every record for a few fields only (the
tracking number, status, agency and dates: listings, feeds, search months, the transparency log)
and renders, writes or counts in full only the records that changed and their month. Parsing all
20k records' JSON was a third of such a build's time; the head is kept in the cache's own columns.

A `LazyRecord` is a plain dict once parsed ("materialised"), with its keys in the order of its
JSON, as `orjson.loads` gives it: every method that could see more than the head parses it
first. Only reading a head field (`r[k]`, dict's own lookup; `r.get(k)`, `k in r`) and setting
a value keep it unparsed; a value set before parsing wins over the parsed one, as it would on a parsed record.

Code in C that reads a dict's storage without calling its methods sees only the head of an unparsed
record: **`orjson.dumps` writes the head alone** (the standard `json`, `dict(r)`, `{**r}`, `copy` and
`pickle` go through the methods and see it all). Nothing in the build hands these records to orjson;
code that would must call `dict(r)` first.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

# The fields kept beside the record's JSON in the cache, readable without parsing it.
HEAD = ("tracking", "status", "agency", "submitted", "updated")
_HEAD = frozenset(HEAD)


def loads(data: bytes) -> Any:
    """A saved record, as UTF-8 bytes: orjson, or json for what orjson refuses (it reads no NaN)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


def head_of(record: dict[str, Any]) -> str:
    """The head of a record, as the cache keeps it: a JSON list of the HEAD values (a missing field
    is left out of the head's dict, so `k in r` stays exact)."""
    return json.dumps([[k, record[k]] for k in HEAD if k in record], ensure_ascii=False, separators=(",", ":"))


class LazyRecord(dict[str, Any]):
    """See the module's docstring. `made` and `parsed` count, per process, the records made
    and parsed (for tests)."""

    __slots__ = ("_raw",)
    made = 0
    parsed = 0

    def __init__(self, head: dict[str, Any] | list[list[Any]], raw: bytes) -> None:
        super().__init__(head)
        self._raw: bytes | None = raw
        LazyRecord.made += 1

    def _parse(self) -> None:
        raw = self._raw
        if raw is None:
            return
        self._raw = None
        LazyRecord.parsed += 1
        full = loads(raw)
        if not isinstance(full, dict):
            raise ValueError("a cached record is not a JSON object")
        full.update(dict.items(self))  # values set before parsing win, in the JSON's key order
        dict.clear(self)
        dict.update(self, full)

    # Reading the head (and only the head) without parsing: `r[k]` is dict's own lookup, which
    # calls __missing__ for a key it does not hold (before parsing, any key beyond the head).
    def __missing__(self, key: str) -> Any:
        if self._raw is None:
            raise KeyError(key)
        self._parse()
        return self[key]

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if self._raw is not None and key not in _HEAD:
            self._parse()
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        if self._raw is not None and key not in _HEAD:
            self._parse()
        return dict.__contains__(self, key)

    # Everything else sees the whole record.
    def __iter__(self) -> Any:
        self._parse()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._parse()
        return dict.__len__(self)

    def __eq__(self, other: object) -> bool:
        self._parse()
        if isinstance(other, LazyRecord):
            other._parse()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self._parse()
        return dict.__repr__(self)

    def __reduce_ex__(self, protocol: Any) -> Any:
        self._parse()  # to a worker as the plain dict it is
        return (dict, (dict(dict.items(self)),))

    def __copy__(self) -> dict[str, Any]:
        return self.copy()

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        import copy  # noqa: PLC0415

        self._parse()
        return copy.deepcopy(dict(dict.items(self)), memo)

    def keys(self) -> Any:
        self._parse()
        return dict.keys(self)

    def values(self) -> Any:
        self._parse()
        return dict.values(self)

    def items(self) -> Any:
        self._parse()
        return dict.items(self)

    def copy(self) -> dict[str, Any]:
        self._parse()
        return dict(dict.items(self))

    def __delitem__(self, key: str) -> None:
        self._parse()
        dict.__delitem__(self, key)

    def pop(self, key: str, *default: Any) -> Any:
        self._parse()
        return dict.pop(self, key, *default)

    def popitem(self) -> tuple[str, Any]:
        self._parse()
        return dict.popitem(self)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._parse()
        return dict.setdefault(self, key, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._parse()
        dict.update(self, *args, **kwargs)

    def __or__(self, other: Any) -> Any:
        self._parse()
        return dict.__or__(dict(dict.items(self)), other)

    def __ror__(self, other: Any) -> Any:
        self._parse()
        return dict.__or__(other, dict(dict.items(self)))

    def __ior__(self, other: Any) -> Any:
        self._parse()
        dict.update(self, other)
        return self

    def __reversed__(self) -> Any:
        self._parse()
        return dict.__reversed__(self)
