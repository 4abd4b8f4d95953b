"""Domain errors. Each carries the HTTP status and the error code the API answers with.

The API turns every `AduanError` into one JSON shape, the one Chalice itself uses for its own
errors, extended with optional per-field messages:
``{"Code": "BadRequestError", "Message": "...", "Fields": {"title": "..."}}``.

Citizens and officers read these messages, so `Message` is in Bahasa Indonesia; an error may
also carry its English text (`en`), which the no-JavaScript pages under /en/ show instead.
A message written "Bahasa Indonesia / English" (the input checks write them so) is taken as
both; per-field notes keep their Indonesian part.
"""

from __future__ import annotations

BILINGUAL = " / "


class AduanError(Exception):
    status = 400
    code = "BadRequestError"

    def __init__(self, message: str, fields: dict[str, str] | None = None, *, en: str | None = None) -> None:
        if en is None and BILINGUAL in message:
            message, en = message.split(BILINGUAL, 1)
        super().__init__(message)
        self.message = message
        self.message_en = en or message
        self.fields = {name: note.split(BILINGUAL, 1)[0] for name, note in (fields or {}).items()}

    def text(self, lang: str = "id") -> str:
        """The message in `lang` ("id" or "en"); Indonesian when there is no English text."""
        return self.message_en if lang == "en" else self.message

    def body(self, lang: str = "id") -> dict[str, object]:
        body: dict[str, object] = {"Code": self.code, "Message": self.text(lang)}
        if self.fields:
            body["Fields"] = self.fields
        return body


class ValidationError(AduanError):
    """Input that cannot be accepted; `fields` names each bad field."""


class NotFound(AduanError):
    status = 404
    code = "NotFoundError"


class Conflict(AduanError):
    """The request is well-formed but clashes with the report's current state."""

    status = 409
    code = "ConflictError"


class IllegalTransition(Conflict):
    pass


class Unauthorized(AduanError):
    status = 401
    code = "UnauthorizedError"


class Forbidden(AduanError):
    status = 403
    code = "ForbiddenError"


class StorageUnavailable(AduanError):
    """The storage service failed or is throttling us after retries; the request may be retried."""

    status = 503
    code = "ServiceUnavailableError"


class PublicationRefused(AduanError):
    """The publication gate found personal data in what a build was about to publish."""

    status = 500
    code = "PublicationRefused"


class LogVerificationFailed(AduanError):
    """A published transparency log does not verify: the message names what failed."""

    status = 422
    code = "LogVerificationFailed"


class TooManyRequests(AduanError):
    """A client used up its rate limit; `retry_after` says in how many seconds to try again."""

    status = 429
    code = "TooManyRequestsError"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
