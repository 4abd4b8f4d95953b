"""What officers and reporters do to a report. Each action checks the lifecycle, changes the
report in memory and appends one or more updates; the caller saves the result atomically."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .errors import Conflict, ValidationError
from .lifecycle import REJECTION_REASONS, Status, check_transition
from .region import Region
from .report import EDIT, FEEDBACK, NOTE, REPORTER, ROUTE, STATUS, Report, Update
from .spam import spam_reason
from .submission import DESCRIPTION_MAX, TITLE_MAX, as_bool
from .tracking import normalize_tracking

NOTE_MAX = 2000


def _note(payload: dict[str, Any], required: bool, what: str = "note") -> str:
    note = str(payload.get("note") or "").strip()
    if required and not note:
        raise ValidationError(f"this action needs a public {what} saying what was done", {"note": "wajib diisi"})
    if len(note) > NOTE_MAX:
        raise ValidationError(f"note is longer than {NOTE_MAX} characters", {"note": "terlalu panjang"})
    return note


def _set_status(report: Report, target: Status, update: Update) -> None:
    check_transition(report.status, target)
    report.status = target
    update.type, update.status = STATUS, target
    report.updates.append(update)


def verify(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    category = payload.get("category") or report.category
    if category and category not in region.categories:
        raise ValidationError(f"unknown category {category!r}", {"category": "tidak dikenal"})
    agency = payload.get("agency") or (region.categories[category].agency if category else None) or report.agency
    if not agency:
        raise ValidationError(
            "choose the agency to route this report to (or a category that has one)", {"agency": "wajib diisi"}
        )
    region.check_agency(agency)
    edit_public_text(report, payload, actor, now, required=False)
    report.category, report.agency = category, agency
    report.suspected_spam = None  # an officer read it and found it a real report
    note = _note(payload, False) or f"Diteruskan ke {region.agency_name(agency)}"
    _set_status(report, Status.VERIFIED, Update(at=now, actor=actor, type=STATUS, agency=agency, note=note))


def route(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    agency = region.check_agency(str(payload.get("agency") or ""))
    if not report.status.is_open():
        raise Conflict(f"a report that is {report.status.value} cannot be routed")
    if agency == report.agency:
        raise Conflict(f"the report is already with {agency}")
    report.agency = agency
    note = _note(payload, False) or f"Dialihkan ke {region.agency_name(agency)}"
    report.updates.append(Update(at=now, actor=actor, type=ROUTE, agency=agency, note=note))


def return_to_admin(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    """An agency says a report is not theirs: it goes back to the admin desk to be routed again,
    with the reason on record, rather than being dropped ("No Wrong Door")."""
    if report.status != Status.VERIFIED:
        raise Conflict("only a report awaiting follow-up can be returned to the admin desk")
    note = _note(payload, True, "reason")
    report.agency = None
    report.updates.append(Update(at=now, actor=actor, type=ROUTE, agency=None, note=note))


def reject(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    reason = str(payload.get("reason") or "")
    if reason not in REJECTION_REASONS:
        raise ValidationError(
            f"unknown rejection reason {reason!r}; expected one of: {', '.join(REJECTION_REASONS)}",
            {"reason": "tidak dikenal"},
        )
    update = Update(
        at=now, actor=actor, type=STATUS, reason=reason, agency=report.agency, note=_note(payload, True, "reason")
    )
    if reason == "out_of_jurisdiction":
        destination = str(payload.get("forwarded_to") or payload.get("destination") or "").strip()
        if not destination:
            raise ValidationError(
                "an out-of-jurisdiction report must name where it was forwarded (No Wrong Door)",
                {"forwarded_to": "wajib diisi"},
            )
        update.forwarded_to = report.forwarded_to = region.forward_destinations.get(destination, destination)
    if reason == "duplicate":
        original = normalize_tracking(str(payload.get("duplicate_of") or ""))
        if not original or original == report.tracking:
            raise ValidationError(
                "a duplicate must name the tracking number of the report it duplicates", {"duplicate_of": "wajib diisi"}
            )
        update.duplicate_of = report.duplicate_of = original
    _set_status(report, Status.REJECTED, update)
    report.rejection_reason = reason
    report.suspected_spam = None


def forward(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    reject(report, {**payload, "reason": "out_of_jurisdiction"}, region, actor, now)


def progress(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    note = _note(payload, True)
    if report.status == Status.IN_PROGRESS:
        report.updates.append(Update(at=now, actor=actor, type=NOTE, agency=report.agency, note=note))
    else:
        _set_status(
            report, Status.IN_PROGRESS, Update(at=now, actor=actor, type=STATUS, agency=report.agency, note=note)
        )


def note(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    public = as_bool(payload.get("public", True))
    report.updates.append(
        Update(at=now, actor=actor, type=NOTE, agency=report.agency, note=_note(payload, True), public=public)
    )


def resolve(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    _set_status(
        report,
        Status.RESOLVED,
        Update(
            at=now,
            actor=actor,
            type=STATUS,
            agency=report.agency,
            note=_note(payload, True, "account of the resolution"),
        ),
    )


def edit_public_text(
    report: Report, payload: dict[str, Any], actor: str, now: datetime, *, required: bool = True
) -> None:
    """The officer's reviewed public title/description; the original stays private, the edit is
    recorded (privately) in the audit trail."""
    changed = []
    for field, limit in (("public_title", TITLE_MAX), ("public_description", DESCRIPTION_MAX)):
        if payload.get(field) is None:
            continue
        value = str(payload[field]).strip()
        if not value or len(value) > limit:
            raise ValidationError(f"{field} must be 1–{limit} characters", {field: "panjang tidak sesuai"})
        setattr(report, field, value)
        changed.append(field)
    if required and not changed:
        raise ValidationError("give public_title and/or public_description to edit", {"public_title": "wajib diisi"})
    if changed:
        report.updates.append(
            Update(at=now, actor=actor, type=EDIT, public=False, note="Teks publik disunting: " + ", ".join(changed))
        )


def edit(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    edit_public_text(report, payload, actor, now)


def review_spam(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    """An officer's verdict on the reporter's texts the spam check held back: `spam: false`
    releases them (they become public like any follow-up), `spam: true` keeps them private for
    good. Either way they leave the queue of held texts."""
    held = [u for u in report.updates if u.suspected_spam]
    if not held:
        raise Conflict("Tidak ada teks yang ditahan sebagai spam. / No text of this report is held as spam.")
    is_spam = payload.get("spam")
    if not isinstance(is_spam, bool):
        raise ValidationError(
            "Isi spam: true (memang spam) atau false (bukan spam). / Say spam: true or false.",
            {"spam": "wajib diisi / required"},
        )
    for update in held:
        update.public, update.suspected_spam = not is_spam, None
    verdict = "spam, tetap tidak dipublikasikan" if is_spam else "bukan spam, dipublikasikan"
    report.updates.append(
        Update(at=now, actor=actor, type=NOTE, public=False, note=f"{len(held)} teks pelapor ditinjau: {verdict}")
    )


OFFICER_ACTIONS = {
    "verify": verify,
    "route": route,
    "forward": forward,
    "reject": reject,
    "progress": progress,
    "note": note,
    "resolve": resolve,
    "edit": edit,
    "return": return_to_admin,
    "review_spam": review_spam,
}


# -- the reporter's own actions -------------------------------------------------------------


def add_information(report: Report, text: str, now: datetime) -> None:
    text = str(text or "").strip()
    if not 5 <= len(text) <= NOTE_MAX:
        raise ValidationError(
            f"the added information must be 5–{NOTE_MAX} characters", {"text": "panjang tidak sesuai"}
        )
    if report.status == Status.REJECTED or report.closed_at:
        raise Conflict("this report is closed; file a new report instead")
    report.updates.append(_reporter_text(text, now))


def _reporter_text(text: str, now: datetime) -> Update:
    """The reporter's words as an update: public, unless the spam check holds them for an officer."""
    reason = spam_reason(text)
    return Update(at=now, actor="reporter", type=REPORTER, note=text, public=reason is None, suspected_spam=reason)


def feedback(report: Report, accept: bool, note_text: str, now: datetime) -> None:
    """The reporter confirms a resolution (closing the report) or disputes it (reopening it)."""
    if report.status != Status.RESOLVED or report.closed_at:
        raise Conflict(
            f"only a resolved, not yet closed report can be confirmed or disputed (this one is {report.status.value})"
        )
    note_text = str(note_text or "").strip()[:NOTE_MAX]
    # A note the spam check suspects is kept as a held text of its own; the public update then
    # says only what the reporter decided.
    held = bool(note_text) and spam_reason(note_text) is not None
    public_note = "" if held else note_text
    if accept:
        report.closed_at = now
        report.updates.append(
            Update(at=now, actor="reporter", type=FEEDBACK, note=public_note or "Pelapor menyatakan selesai")
        )
    else:
        if not note_text:
            raise ValidationError("say why the resolution is disputed", {"note": "wajib diisi"})
        _set_status(
            report,
            Status.IN_PROGRESS,
            Update(
                at=now,
                actor="reporter",
                type=STATUS,
                agency=report.agency,
                note=f"Pelapor belum puas: {public_note}" if public_note else "Pelapor belum puas",
            ),
        )
    if held:
        report.updates.append(_reporter_text(note_text, now))


def autoclose(report: Report, now: datetime) -> None:
    report.closed_at = now
    report.updates.append(
        Update(
            at=now,
            actor="system",
            type=FEEDBACK,
            note="Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja",
        )
    )
