"""Attachments (photos): private by default, published only when an officer approves them.

The reporter's original is kept privately as uploaded. Approval re-encodes it: the pixels are
decoded, turned upright by their EXIF orientation, scaled down to at most 1600 px, and saved as
a new JPEG with no metadata at all — no EXIF (GPS position, camera serial, time), no XMP, no
ICC comments — so nothing of the original file but its picture reaches the public.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image, ImageOps, UnidentifiedImageError

from . import aws
from .errors import Conflict, ValidationError

MAX_BYTES = 5 * 1024 * 1024
MAX_PER_REPORT = 5
MAX_SIDE = 1600
ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass
class Attachment:
    id: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime
    approved_at: datetime | None = None
    width: int | None = None
    height: int | None = None


class Blobs(Protocol):
    """Where private files live: a directory (LocalBlobs) or the private bucket (S3Blobs)."""

    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes:
        """The file's bytes; KeyError if there is none."""


class LocalBlobs:
    """Private files under the data directory (S3 plays this part on AWS)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if ".." in key or key.startswith("/"):
            raise ValueError(f"bad blob key {key!r}")
        return self.root / key

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None


class S3Blobs:
    """Private files as objects in the private bucket, under `prefix` (LocalBlobs' methods)."""

    def __init__(self, bucket: str, prefix: str = "attachments/", client: Any = None) -> None:
        self.bucket = bucket
        self.prefix = prefix
        self._client = client

    @property
    def client(self) -> Any:
        return self._client if self._client is not None else aws.s3()

    def _key(self, key: str) -> str:
        if ".." in key or key.startswith("/"):
            raise ValueError(f"bad blob key {key!r}")
        return self.prefix + key

    def put(self, key: str, data: bytes) -> None:
        try:
            # S3 checks the MD5 the SDK sends, so a torn upload is refused rather than stored.
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data, ServerSideEncryption="AES256")
        except (ClientError, BotoCoreError) as error:
            raise aws.storage_error(error, "store a photo") from None

    def get(self, key: str) -> bytes:
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as error:
            if aws.error_code(error) in ("NoSuchKey", "404"):
                raise KeyError(key) from None
            raise aws.storage_error(error, "read a photo") from None
        except BotoCoreError as error:
            raise aws.storage_error(error, "read a photo") from None
        return bytes(answer["Body"].read())


def original_key(report_id: str, attachment_id: str) -> str:
    return f"{report_id}/{attachment_id}.original"


def public_key(report_id: str, attachment_id: str) -> str:
    return f"{report_id}/{attachment_id}.public.jpg"


def decode_upload(data_base64: object) -> bytes:
    if not isinstance(data_base64, str) or not data_base64:
        raise ValidationError("send the photo as base64 in 'data'", {"data": "wajib diisi"})
    try:
        raw = base64.b64decode(data_base64.split(",", 1)[-1], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("'data' is not valid base64", {"data": "tidak valid"}) from None
    if len(raw) > MAX_BYTES:
        raise ValidationError(f"a photo may be at most {MAX_BYTES // (1024 * 1024)} MB", {"data": "terlalu besar"})
    return raw


def inspect(raw: bytes, now: datetime, existing: int) -> Attachment:
    """Check that `raw` is a photo we accept; describe it."""
    if existing >= MAX_PER_REPORT:
        raise Conflict(f"a report may have at most {MAX_PER_REPORT} photos")
    try:
        with Image.open(io.BytesIO(raw)) as image:
            fmt = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError("the file is not a JPEG, PNG or WebP photo", {"data": "bukan foto"}) from None
    if fmt not in ALLOWED_FORMATS:
        raise ValidationError(f"photos must be JPEG, PNG or WebP, not {fmt or 'unknown'}", {"data": "format"})
    return Attachment(
        id=uuid.uuid4().hex[:12],
        content_type=ALLOWED_FORMATS[fmt],
        size=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        uploaded_at=now,
    )


def reencode(raw: bytes) -> tuple[bytes, int, int]:
    """A metadata-free JPEG of the picture, upright and at most MAX_SIDE px on its longer side."""
    with Image.open(io.BytesIO(raw)) as image:
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((MAX_SIDE, MAX_SIDE))
        pixels = upright.convert("RGB")
    # A fresh image holds pixels only; saving it writes no EXIF, XMP or comments.
    clean = Image.new("RGB", pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue(), clean.width, clean.height
