"""Cold publish, session 8: a record's bytes written by orjson are `json_bytes`'s, byte for byte."""

from __future__ import annotations

import json
from typing import Any

from chalicelib.publish import json_bytes, record_bytes
from hypothesis import given, settings
from hypothesis import strategies as st

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=8), values, max_size=6))
def test_record_bytes_are_json_bytes(record: dict[str, Any]) -> None:
    assert record_bytes(record) == json_bytes(record)


def test_deep_records_and_odd_floats_are_written_the_standard_way() -> None:
    deep: Any = "x"
    for _ in range(12):
        deep = {"a": [deep, "  two  spaces  "]}
    for record in (deep, {"lat": 1e-05, "n": 2**65, "t": "\t\n\x7f\u2028"}, {"k": float("nan")}):
        assert record_bytes(record) == json_bytes(record)
    # A real record's shape, read back as it was.
    record = {
        "tracking": "PSR-0001",
        "lat": -7.6453,
        "lon": 112.9075,
        "timeline": [{"note": "ok", "date": "2026-01-02"}],
    }
    assert json.loads(record_bytes(record)) == record
