"""What the API accepts: request bodies read within caps and checked against openapi.json.

The OpenAPI document is the one source of what each endpoint accepts: a body is validated
against its request schema (`components/schemas/<Name>`) with `jsonschema`, so a type the
document does not allow, or a field it does not name, is answered 400 naming the field rather
than coerced or ignored. The same schema compiled to Python code by `fastjsonschema` answers
first: a body it accepts is taken (about a tenth of jsonschema's time, which was a fifth of a
submission's CPU); any body it refuses goes to jsonschema, which names the fields (and is the
judge: tests/test_inputs_fast.py holds that the compiled check never accepts what jsonschema
refuses). Before any of that, the body's size, nesting depth and number sizes are
capped, so that no input can make the parser itself fail (a 5,000-digit integer, 1,000 levels
of nesting) — and every string is checked for control characters and lone surrogates
(`textrules`).

A form post (the no-JavaScript pages) is flat text: it is shaped like the JSON body, with
booleans and numbers read from their text, and then checked against the same schema.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

import fastjsonschema
from jsonschema import Draft7Validator
from jsonschema import ValidationError as SchemaError

from .errors import ValidationError
from .fields import label as field_label
from .openapi import spec
from .textrules import bad_character

FORM = "application/x-www-form-urlencoded"
MAX_BODY = 64 * 1024  # a submission is at most ~6 KB of text
MAX_PHOTO_BODY = 7 * 1024 * 1024 + 64 * 1024  # 5 MB as base64, with room for the JSON around it
MAX_DEPTH = 8  # our bodies nest two levels
MAX_NUMBER_CHARS = 32  # enough for any coordinate or count we take
MAX_FORM_FIELDS = 64
TRUE_WORDS = {"1", "true", "on", "yes", "ya"}
# A JSON string, written "unrolled" so that a 7 MB photo string is one fast run, not 7 M steps.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def refuse(message: str, fields: dict[str, str] | None = None) -> ValidationError:
    return ValidationError(message, fields)


# -- JSON within caps ------------------------------------------------------------------------


def _number(text: str) -> float | int:
    if len(text) > MAX_NUMBER_CHARS:
        raise refuse(
            f"Angka terlalu panjang (lebih dari {MAX_NUMBER_CHARS} karakter). / A number is longer than"
            f" {MAX_NUMBER_CHARS} characters."
        )
    value = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise refuse("Angka di luar jangkauan. / A number is out of range.")
    return value


def _constant(name: str) -> float:
    raise refuse(f"{name} bukan angka JSON yang sah. / {name} is not a valid JSON number.")


def depth(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest, counted without parsing it."""
    deepest = level = 0
    for bracket in _BRACKETS.findall(_STRING.sub("", text)):
        level += 1 if bracket in "[{" else -1
        deepest = max(deepest, level)
    return deepest


def parse_json(raw: bytes, limit: int = MAX_BODY) -> Any:
    """A JSON body, parsed only once it is known to be small and shallow enough."""
    if len(raw) > limit:
        raise refuse(
            f"Isi permintaan terlalu besar (paling banyak {limit // 1024} KB). / The request body is larger than"
            f" {limit // 1024} KB."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise refuse("Isi permintaan bukan UTF-8. / The request body is not UTF-8.") from None
    if not text.strip():
        raise refuse("Isi permintaan kosong; kirim objek JSON. / The request body is empty; send a JSON object.")
    if depth(text) > MAX_DEPTH:
        raise refuse(f"JSON bersarang lebih dari {MAX_DEPTH} tingkat. / The JSON nests deeper than {MAX_DEPTH} levels.")
    try:
        return json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_constant)
    except json.JSONDecodeError as e:
        raise refuse(
            f"Isi permintaan bukan JSON yang sah: {e.msg} (baris {e.lineno} kolom {e.colno})."
            f" / The request body is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}."
        ) from None
    except RecursionError:  # the depth check above should make this unreachable
        raise refuse("JSON bersarang terlalu dalam. / The JSON nests too deep.") from None


def check_strings(value: Any, field: str = "") -> None:
    """Refuse a control character or a lone surrogate in any key or string, naming the field."""
    if isinstance(value, str):
        if problem := bad_character(value):
            raise refuse(f"Isian {field or 'body'} {problem}.", {field or "body": problem})
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(key, key)
            check_strings(item, key)
    elif isinstance(value, list):
        for item in value:
            check_strings(item, field)


# -- forms -----------------------------------------------------------------------------------


def is_form(headers: Mapping[str, str]) -> bool:
    return (headers.get("content-type") or "").split(";")[0].strip().lower() == FORM


def parse_form(raw: bytes, limit: int = MAX_BODY) -> dict[str, str]:
    if len(raw) > limit:
        raise refuse(f"Isian formulir terlalu besar. / The form is larger than {limit // 1024} KB.")
    try:
        pairs = parse_qs(
            raw.decode("ascii"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FORM_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise refuse("Isian formulir tidak dapat dibaca. / The form cannot be read.") from None
    return {key: values[-1] for key, values in pairs.items()}


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind)]


def _typed(value: str, schema: dict[str, Any]) -> Any:
    """A form field's text read as the type its schema wants (left as text if it cannot be)."""
    kinds = _types(schema)
    if "boolean" in kinds:
        return value.strip().lower() in TRUE_WORDS
    if "number" in kinds or "integer" in kinds:
        try:
            return _number(value.strip())
        except (ValueError, ValidationError):
            return value
    return value


def shape_form(fields: dict[str, str], schema_name: str) -> dict[str, Any]:
    """A form's flat fields as the JSON body of `schema_name`: nested objects rebuilt from their
    properties' names, types read from text, blank optional fields dropped."""
    schema = json_schema(schema_name)
    properties: dict[str, Any] = schema.get("properties", {})
    body: dict[str, Any] = {}
    nested = {name: sub for name, sub in properties.items() if "object" in _types(sub)}
    owner = {inner: name for name, sub in nested.items() for inner in sub.get("properties", {})}
    for key, value in fields.items():
        if key in owner:
            sub = nested[owner[key]]
            target = body.setdefault(owner[key], {})
            spec_ = sub["properties"][key]
            required = key in sub.get("required", [])
        else:
            target, spec_, required = body, properties.get(key, {}), key in schema.get("required", [])
        if value.strip() == "" and not required:
            continue
        target[key] = _typed(value, spec_)
    for name in nested:
        if name in schema.get("required", []):
            body.setdefault(name, {})
    return body


# -- the schema ------------------------------------------------------------------------------


def _as_json_schema(node: Any) -> Any:
    """OpenAPI 3.0's schema dialect as plain JSON Schema: `nullable: true` becomes a null type."""
    if isinstance(node, list):
        return [_as_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _as_json_schema(v) for k, v in node.items() if k not in ("nullable", "example", "format")}
    if node.get("nullable") and "type" in node:
        out["type"] = [node["type"], "null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
    return out


def _components() -> dict[str, Any]:
    return _converted(id(spec()))


@lru_cache(maxsize=4)
def _converted(_document_id: int) -> dict[str, Any]:
    return {"components": _as_json_schema(spec()["components"])}


def json_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = _components()["components"]["schemas"][name]
    return schema


def _validator(name: str) -> Draft7Validator:
    return _validator_of(id(spec()), name)


@lru_cache(maxsize=32)
def _validator_of(_document_id: int, name: str) -> Draft7Validator:
    return Draft7Validator({**_components(), "$ref": f"#/components/schemas/{name}"})


def _fast(name: str) -> Any:
    """openapi.json's schema `name` compiled to a Python function (raises on a bad body)."""
    return _fast_of(id(spec()), name)


@lru_cache(maxsize=32)
def _fast_of(_document_id: int, name: str) -> Any:
    # No defaults filled in (the body stays as sent), no formats (the schema has none left).
    return fastjsonschema.compile(
        {**_components(), "$ref": f"#/components/schemas/{name}"},
        use_default=False,
        use_formats=False,
        detailed_exceptions=False,
    )


def accepts(body: Any, schema_name: str) -> bool:
    """Whether the compiled schema takes `body` (False also when it cannot tell: jsonschema decides)."""
    try:
        _fast(schema_name)(body)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _field(error: SchemaError) -> str:
    if error.validator == "required":
        return str(error.message.split("'")[1])
    names = [p for p in error.absolute_path if isinstance(p, str)]
    return names[-1] if names else "body"


def _explain(error: SchemaError) -> str:
    """What is wrong with one field, in Bahasa Indonesia (the error's message has the English)."""
    expected, value = error.validator_value, error.validator
    if value == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        words = {
            "string": "teks",
            "boolean": "true/false",
            "number": "angka",
            "integer": "bilangan bulat",
            "object": "objek",
            "array": "daftar",
            "null": "null",
        }
        return "harus berupa " + " atau ".join(words.get(str(k), str(k)) for k in kinds)
    if value == "required":
        return "wajib diisi"
    if value == "maxLength":
        return f"paling banyak {expected} karakter"
    if value == "minLength":
        return f"paling sedikit {expected} karakter"
    if value == "enum":
        return "harus salah satu dari: " + ", ".join(str(v) for v in expected if v is not None)
    if value in ("minimum", "maximum"):
        return f"di luar jangkauan ({value} {expected})"
    if value == "maxItems":
        return f"paling banyak {expected} butir"
    return f"tidak valid ({value})"


def validate(body: Any, schema_name: str) -> dict[str, Any]:
    """`body` if it is what openapi.json's `schema_name` allows; else ValidationError naming
    every bad field (unknown fields included)."""
    check_strings(body)
    if isinstance(body, dict) and accepts(body, schema_name):
        return body
    fields: dict[str, str] = {}
    for error in sorted(_validator(schema_name).iter_errors(body), key=lambda e: [str(p) for p in e.absolute_path]):
        if error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            for extra in sorted(set(error.instance) - set(known)):
                fields.setdefault(str(extra)[:64], "isian tidak dikenal")
            continue
        fields.setdefault(_field(error), _explain(error))
    if fields:
        names = sorted(fields)
        raise ValidationError(
            "Periksa kembali isian: " + ", ".join(field_label(n) for n in names) + ".",
            fields,
            en="Please check: " + ", ".join(field_label(n, "en") for n in names) + ".",
        )
    if not isinstance(body, dict):
        raise refuse("Isi permintaan harus objek JSON. / The request body must be a JSON object.")
    return body


def read_body(
    raw: bytes | str | None, headers: Mapping[str, str], schema_name: str, limit: int = MAX_BODY
) -> dict[str, Any]:
    """The request body (JSON or form), within caps and valid by openapi.json's `schema_name`."""
    raw = (raw.encode("utf-8", errors="surrogatepass") if isinstance(raw, str) else raw) or b""
    if is_form(headers):
        fields = parse_form(raw, limit)
        fields.pop("lang", None)  # which page posted (web.page_language), not part of the body
        check_strings(fields)  # before booleans and numbers are read from the text
        return validate(shape_form(fields, schema_name), schema_name)
    return validate(parse_json(raw, limit), schema_name)


# -- query parameters ------------------------------------------------------------------------


def whole_number(name: str, value: str | None, default: int, maximum: int) -> int:
    """A query parameter that must be ASCII digits (`"²".isdigit()` is True; this is not)."""
    if value is None:
        return default
    if not (value.isascii() and value.isdigit() and len(value) <= len(str(maximum))) or int(value) > maximum:
        raise refuse(
            f"Parameter {name} harus bilangan bulat 0 sampai {maximum}. / Query parameter {name} must be a whole"
            f" number from 0 to {maximum}.",
            {name: "tidak valid / invalid"},
        )
    return int(value)


def known_query(params: Mapping[str, str] | None, allowed: set[str]) -> None:
    """Refuse query parameters the endpoint does not take, naming them (a typo is not ignored).
    `lang` is taken everywhere: the English site's pages send `lang=en` (web.page_language)."""
    unknown = sorted(set(params or {}) - allowed - {"lang"})
    if unknown:
        raise refuse(
            "Parameter tidak dikenal: "
            + ", ".join(unknown)
            + ". / Unknown query parameters: "
            + ", ".join(unknown)
            + ".",
            {name[:64]: "tidak dikenal / unknown" for name in unknown},
        )


def text_query(name: str, value: str | None, maximum: int = 200) -> str | None:
    if value is None:
        return None
    if len(value) > maximum or bad_character(value):
        raise refuse(
            f"Parameter {name} tidak valid. / Query parameter {name} is invalid.", {name: "tidak valid / invalid"}
        )
    return value
