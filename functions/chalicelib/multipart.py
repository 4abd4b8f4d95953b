"""A report form posted with its photos: a `multipart/form-data` body read within caps.

Most complaints come with a photo, and the report form must take one without JavaScript too,
so the form posts multipart to `POST /reports`: text fields, which are then read exactly like
the plain form's (inputs.py: same shaping, same schema), and up to `MAX_PHOTOS` files named
`photo`, which are checked like any upload (attachments.py) before anything is stored.

The standard library's email parser reads the parts; the body's size is capped before it is
parsed and the number of parts while it is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from .attachments import MAX_BYTES
from .errors import ValidationError
from .inputs import MAX_BODY, MAX_FORM_FIELDS, check_strings, shape_form, validate

MULTIPART = "multipart/form-data"
PHOTO_FIELD = "photo"
MAX_PHOTOS = 3  # per submission; a report takes more later (attachments.MAX_PER_REPORT)
MAX_MULTIPART_BODY = MAX_PHOTOS * (MAX_BYTES + 4096) + MAX_BODY


@dataclass(frozen=True)
class Multipart:
    fields: dict[str, str]
    photos: list[bytes]


def is_multipart(headers: Mapping[str, str]) -> bool:
    return (headers.get("content-type") or "").split(";")[0].strip().lower() == MULTIPART


def _refuse(message: str, field: str = "body") -> ValidationError:
    return ValidationError(message, {field: message})


def parse(raw: bytes, headers: Mapping[str, str]) -> Multipart:
    """The text fields (last value wins, as in a plain form) and the photos of a form post."""
    if len(raw) > MAX_MULTIPART_BODY:
        raise _refuse(
            f"Isian formulir terlalu besar (paling banyak {MAX_PHOTOS} foto @ {MAX_BYTES // 2**20} MB)."
            f" / The form is too large (at most {MAX_PHOTOS} photos of {MAX_BYTES // 2**20} MB)."
        )
    content_type = headers.get("content-type") or ""
    if "boundary=" not in content_type:
        raise _refuse("Formulir multipart tanpa boundary. / A multipart form without a boundary.")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", errors="replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + raw)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise _refuse("Formulir multipart tidak dapat dibaca. / The multipart form cannot be read.")
    fields: dict[str, str] = {}
    photos: list[bytes] = []
    for count, part in enumerate(message.iter_parts()):
        if count >= MAX_FORM_FIELDS:
            raise _refuse("Formulir memuat terlalu banyak isian. / The form has too many fields.")
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if part.get_filename() is not None or name == PHOTO_FIELD:
            if name != PHOTO_FIELD or not data:
                continue  # a file input left empty sends an empty part
            if len(photos) == MAX_PHOTOS:
                raise _refuse(f"Paling banyak {MAX_PHOTOS} foto. / At most {MAX_PHOTOS} photos.", PHOTO_FIELD)
            if len(data) > MAX_BYTES:
                raise _refuse(
                    f"Foto paling besar {MAX_BYTES // 2**20} MB. / A photo may be at most {MAX_BYTES // 2**20} MB.",
                    PHOTO_FIELD,
                )
            photos.append(data)
            continue
        try:
            fields[name] = data.decode(part.get_content_charset() or "utf-8")
        except (UnicodeDecodeError, LookupError):
            raise _refuse(f"Isian {name!r} bukan teks UTF-8. / Field {name!r} is not UTF-8 text.", name) from None
    return Multipart(fields, photos)


def read_body(
    raw: bytes | str | None, headers: Mapping[str, str], schema_name: str
) -> tuple[dict[str, Any], list[bytes]]:
    """The body of a multipart form post, shaped and checked like a plain form's, and its photos."""
    raw = (raw.encode("utf-8", errors="surrogatepass") if isinstance(raw, str) else raw) or b""
    form = parse(raw, headers)
    fields = dict(form.fields)
    fields.pop("lang", None)  # which page posted, not part of the body
    check_strings(fields)
    return validate(shape_form(fields, schema_name), schema_name), form.photos
