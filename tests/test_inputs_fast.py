"""The compiled check (fastjsonschema) answers first in inputs.validate; jsonschema is the judge.
It may refuse a body jsonschema would take (jsonschema then takes it), never the reverse: every
body below, each schema's fields set to values of every kind, is walked through both."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from chalicelib import inputs
from conftest import submission

ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    1.0,
    -91.5,
    1e300,
    "",
    "x",
    "verify",
    "complaint",
    "Panggungrejo",
    "penerangan-jalan",
    "a" * 151,
    "a" * 5001,
    "ok\u0007bell",
    "ok\ufffe",
    [],
    ["a"],
    {},
    {"x": 1},
]
SCHEMAS = ["Submission", "Followup", "Feedback", "Action", "Photo", "SubmissionForm", "Login"]


def variants(body: dict[str, Any], schema: dict[str, Any]) -> Iterator[Any]:
    """`body`, then with each field (nested ones too) set to each odd value, removed, or joined
    by an unknown field."""
    yield body
    yield {**body, "unknown": 1}
    for name, field in schema.get("properties", {}).items():
        for value in ODD_VALUES:
            yield {**body, name: value}
        yield {k: v for k, v in body.items() if k != name}
        if isinstance(body.get(name), dict):
            for inner in variants(body[name], field):
                yield {**body, name: inner}


def sample(schema_name: str) -> dict[str, Any]:
    """A body the schema takes."""
    secret = "Z3JhbmQtc2VjcmV0"
    flat = {k: v for k, v in submission().items() if not isinstance(v, dict)}
    return copy.deepcopy(
        {
            "Submission": submission(),
            "Followup": {"secret": secret, "text": "Lampunya masih mati sampai hari ini."},
            "Feedback": {"secret": secret, "accept": True, "note": None, "rating": 4},
            "Action": {"action": "verify"},
            "Photo": {"secret": secret, "data": "aGVsbG8="},
            "SubmissionForm": {**flat, "kecamatan": "Panggungrejo", "kelurahan": "Trajeng", "lat": -7.6},
            "Login": {"login": "admin", "password": "rahasia-sekali"},
        }[schema_name]
    )


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_the_compiled_check_never_takes_what_jsonschema_refuses(schema_name: str) -> None:
    judge = inputs._validator(schema_name)
    schema = inputs.json_schema(schema_name)
    taken = refused = 0
    for body in variants(sample(schema_name), schema):
        fast = inputs.accepts(body, schema_name)
        valid = judge.is_valid(body)
        assert not (fast and not valid), body
        taken += fast
        refused += not valid
    assert taken and refused  # both kinds of body were tried


def test_a_submission_taken_by_the_fast_path_is_returned_as_sent() -> None:
    body = submission()
    assert inputs.accepts(body, "Submission")
    assert inputs.validate(copy.deepcopy(body), "Submission") == body  # nothing filled in or dropped
