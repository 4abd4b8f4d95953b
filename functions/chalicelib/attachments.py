"""Attachments (photos): private by default, published only when an officer approves them.

The reporter's original is kept privately as uploaded. Approval re-encodes it: the pixels are
decoded, turned upright by their EXIF orientation, scaled down to at most 1600 px, and saved as
a new JPEG with no metadata at all — no EXIF (GPS position, camera serial, time), no XMP, no
ICC comments — so nothing of the original file but its picture reaches the public.

A hostile file must not take the API's memory or fail later: the picture's size is read from
its header and capped (MAX_PIXELS) before any pixel is decoded, and the whole picture is then
decoded once at upload, so a truncated or corrupt file is refused there, and approving never
fails. Decompressed text in a PNG is capped as well (MAX_TEXT_BYTES).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import tempfile
import uuid
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import aws
from .errors import Conflict, ValidationError

if TYPE_CHECKING:
    from PIL import Image

MAX_BYTES = 5 * 1024 * 1024
MAX_PER_REPORT = 5
MAX_SIDE = 1600
MAX_PIXELS = 40_000_000  # a 40 MP photo decodes to at most ~160 MB (RGBA)
MAX_TEXT_BYTES = 64 * 1024  # text chunks of a PNG; a photo needs none
ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def _bad_image() -> tuple[type[BaseException], ...]:
    """What Pillow raises for files it cannot read: unknown, truncated, corrupt, or over a limit.
    Pillow is imported on first use (about 0.1 s of CPU): `aduan build` and most commands read
    reports, never photos."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - see the docstring

    return (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


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
        # Imported here: every report imports this module, and boto3 is for AWS only (aws.py).
        from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415

        try:
            # S3 checks the MD5 the SDK sends, so a torn upload is refused rather than stored.
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data, ServerSideEncryption="AES256")
        except (ClientError, BotoCoreError) as error:
            raise aws.storage_error(error, "store a photo") from None

    def get(self, key: str) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415 - as in put

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


def _open(raw: bytes) -> Image.Image:
    """The picture in `raw`, opened (its header read, no pixel decoded) and checked against the
    format list and the pixel cap."""
    from PIL import Image  # noqa: PLC0415 - Pillow on first use (see _bad_image)

    with warnings.catch_warnings():
        # Pillow warns (or refuses) about huge pictures on its own; our cap below is lower and
        # answers with a clear message, so its warning is noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw))
        except Image.DecompressionBombError:
            raise _too_large() from None
    fmt = image.format or ""
    if fmt not in ALLOWED_FORMATS:
        image.close()
        raise ValidationError(
            f"Foto harus JPEG, PNG atau WebP, bukan {fmt or 'format lain'}. / Photos must be JPEG, PNG or WebP.",
            {"data": "format"},
        )
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise _too_large()
    return image


def _too_large() -> ValidationError:
    return ValidationError(
        f"Foto terlalu besar (paling banyak {MAX_PIXELS // 1_000_000} megapiksel)."
        f" / The photo has more than {MAX_PIXELS // 1_000_000} megapixels.",
        {"data": "terlalu besar / too large"},
    )


def _check_decodes(raw: bytes) -> str:
    """The format of `raw` once every pixel of it has been decoded (within the caps)."""
    with _open(raw) as image:
        fmt = str(image.format)
        if fmt == "JPEG":
            # Decoding at 1/8 scale still reads every byte of the image data, in 1/64 the memory.
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
        text = getattr(image, "text", None) or {}
        if sum(len(str(value)) for value in text.values()) > MAX_TEXT_BYTES:
            raise ValueError("text chunks too large")
    return fmt


def inspect(raw: bytes, now: datetime, existing: int) -> Attachment:
    """Check that `raw` is a whole photo we accept, decoding it once; describe it."""
    if existing >= MAX_PER_REPORT:
        raise Conflict(f"a report may have at most {MAX_PER_REPORT} photos")
    from PIL import PngImagePlugin  # noqa: PLC0415 - Pillow on first use (see _bad_image)

    # Pillow's own cap on decompressed PNG text (1 MB by default) is far above what we allow.
    PngImagePlugin.MAX_TEXT_CHUNK = MAX_TEXT_BYTES
    try:
        fmt = _check_decodes(raw)
    except _bad_image():
        raise ValidationError(
            "Berkas bukan foto JPEG, PNG atau WebP yang utuh. / The file is not a whole JPEG, PNG or WebP photo.",
            {"data": "bukan foto / not a photo"},
        ) from None
    return Attachment(
        id=uuid.uuid4().hex[:12],
        content_type=ALLOWED_FORMATS[fmt],
        size=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        uploaded_at=now,
    )


def reencode(raw: bytes) -> tuple[bytes, int, int]:
    """A metadata-free JPEG of the picture, upright and at most MAX_SIDE px on its longer side.

    Raises Conflict for a file that cannot be decoded (one stored before uploads were checked).
    """
    unreadable: tuple[type[BaseException], ...] = (*_bad_image(), ValidationError)
    try:
        return _reencode(raw)
    except unreadable:
        raise Conflict(
            "Foto ini tidak dapat dibaca utuh sehingga tidak dapat dipublikasikan. / This photo cannot be decoded"
            " whole, so it cannot be published."
        ) from None


def _reencode(raw: bytes) -> tuple[bytes, int, int]:
    from PIL import Image, ImageOps  # noqa: PLC0415 - Pillow on first use (see _bad_image)

    with _open(raw) as image:
        # Shrink first (a JPEG decodes straight to a smaller scale), then turn upright: the
        # full-size picture is never copied.
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        upright = ImageOps.exif_transpose(image)
        pixels = upright.convert("RGB")
    # A fresh image holds pixels only; saving it writes no EXIF, XMP or comments.
    clean = Image.new("RGB", pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue(), clean.width, clean.height
