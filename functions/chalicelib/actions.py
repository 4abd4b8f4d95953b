"""What officers and reporters do to a report. Each action checks the lifecycle, changes the
report in memory and appends one or more updates; the caller saves the result atomically."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .errors import Conflict, ValidationError
from .fields import label as field_label
from .gate import texts_digest, vocabulary
from .gate.check import detector_problems
from .lifecycle import REJECTION_REASONS, Status, check_transition
from .publish import public_record
from .region import Region
from .report import EDIT, FEEDBACK, NOTE, REPORTER, ROUTE, STATUS, Report, Update
from .spam import spam_reason
from .submission import DESCRIPTION_MAX, TITLE_MAX, as_bool
from .tracking import normalize_tracking

NOTE_MAX = 2000

# What a required note is, in the message that asks for it: (Bahasa Indonesia, English).
_NOTE_WORDS = {
    "note": ("catatan publik tentang apa yang sudah dikerjakan", "a public note saying what was done"),
    "reason": ("alasan", "a reason"),
    "account of the resolution": ("catatan publik tentang penyelesaiannya", "a public account of the resolution"),
}


def _note(payload: dict[str, Any], required: bool, what: str = "note", *, public_in: Region | None = None) -> str:
    """The officer's note; `public_in`: it will be published, so the detector reads it now (the
    publisher redacts what it finds anyway, but the officer should know before it is saved)."""
    note = str(payload.get("note") or "").strip()
    if required and not note:
        words, words_en = _NOTE_WORDS[what]
        raise ValidationError(
            f"Tindakan ini memerlukan {words} (isian note).",
            {"note": "wajib diisi"},
            en=f"this action needs {words_en} (field note)",
        )
    if len(note) > NOTE_MAX:
        raise ValidationError(
            f"Catatan paling banyak {NOTE_MAX} karakter.",
            {"note": "terlalu panjang"},
            en=f"note is longer than {NOTE_MAX} characters",
        )
    if note and public_in is not None:
        _check_typed_text("note", note, payload, public_in)
    return note


def _set_status(report: Report, target: Status, update: Update) -> None:
    check_transition(report.status, target)
    report.status = target
    update.type, update.status = STATUS, target
    report.updates.append(update)


def verify(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    category = payload.get("category") or report.category
    if category and category not in region.categories:
        raise ValidationError(
            f"Kategori {category!r} tidak dikenal.", {"category": "tidak dikenal"}, en=f"unknown category {category!r}"
        )
    agency = payload.get("agency") or (region.categories[category].agency if category else None) or report.agency
    if not agency:
        raise ValidationError(
            "Pilih instansi tujuan laporan ini (atau kategori yang punya instansi).",
            {"agency": "wajib diisi"},
            en="choose the agency to route this report to (or a category that has one)",
        )
    region.check_agency(agency)
    edit_public_text(report, payload, region, actor, now, required=False)
    report.category, report.agency = category, agency
    report.suspected_spam = None  # an officer read it and found it a real report
    note = _note(payload, False, public_in=region) or f"Diteruskan ke {region.agency_name(agency)}"
    _set_status(report, Status.VERIFIED, Update(at=now, actor=actor, type=STATUS, agency=agency, note=note))


def route(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    agency = region.check_agency(str(payload.get("agency") or ""))
    if not report.status.is_open():
        raise Conflict(
            f"Laporan berstatus {report.status.label} tidak bisa dialihkan.",
            en=f"a report that is {report.status.label_en} cannot be routed",
        )
    if agency == report.agency:
        raise Conflict(
            f"Laporan ini sudah ada di {region.agency_name(agency)}.", en=f"the report is already with {agency}"
        )
    report.agency = agency
    note = _note(payload, False, public_in=region) or f"Dialihkan ke {region.agency_name(agency)}"
    report.updates.append(Update(at=now, actor=actor, type=ROUTE, agency=agency, note=note))


def return_to_admin(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    """An agency says a report is not theirs: it goes back to the admin desk to be routed again,
    with the reason on record, rather than being dropped ("No Wrong Door")."""
    if report.status != Status.VERIFIED:
        raise Conflict(
            f"Hanya laporan berstatus {Status.VERIFIED.label} (menunggu tindak lanjut) yang bisa dikembalikan"
            " ke meja admin.",
            en="only a report awaiting follow-up can be returned to the admin desk",
        )
    note = _note(payload, True, "reason", public_in=region)
    report.agency = None
    report.updates.append(Update(at=now, actor=actor, type=ROUTE, agency=None, note=note))


def reject(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    reason = str(payload.get("reason") or "")
    if reason not in REJECTION_REASONS:
        raise ValidationError(
            f"Alasan penolakan {reason!r} tidak dikenal; pilihan: "
            + ", ".join(f"{code} ({label})" for code, (label, _) in REJECTION_REASONS.items())
            + ".",
            {"reason": "tidak dikenal"},
            en=f"unknown rejection reason {reason!r}; expected one of: {', '.join(REJECTION_REASONS)}",
        )
    update = Update(
        at=now,
        actor=actor,
        type=STATUS,
        reason=reason,
        agency=report.agency,
        note=_note(payload, True, "reason", public_in=region),
    )
    if reason == "out_of_jurisdiction":
        destination = str(payload.get("forwarded_to") or payload.get("destination") or "").strip()
        if not destination:
            raise ValidationError(
                "Laporan di luar kewenangan harus menyebut ke mana laporan diteruskan (isian forwarded_to).",
                {"forwarded_to": "wajib diisi"},
                en="an out-of-jurisdiction report must name where it was forwarded (No Wrong Door)",
            )
        if destination not in region.forward_destinations:
            _check_typed_text("forwarded_to", destination, payload, region)
        update.forwarded_to = report.forwarded_to = region.forward_destinations.get(destination, destination)
    if reason == "duplicate":
        original = normalize_tracking(str(payload.get("duplicate_of") or ""))
        if not original or original == report.tracking:
            raise ValidationError(
                "Laporan duplikat harus menyebut nomor lacak laporan aslinya (isian duplicate_of).",
                {"duplicate_of": "wajib diisi"},
                en="a duplicate must name the tracking number of the report it duplicates",
            )
        update.duplicate_of = report.duplicate_of = original
    _set_status(report, Status.REJECTED, update)
    report.rejection_reason = reason
    report.suspected_spam = None


def forward(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    reject(report, {**payload, "reason": "out_of_jurisdiction"}, region, actor, now)


def progress(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    note = _note(payload, True, public_in=region)
    if report.status == Status.IN_PROGRESS:
        report.updates.append(Update(at=now, actor=actor, type=NOTE, agency=report.agency, note=note))
    else:
        _set_status(
            report, Status.IN_PROGRESS, Update(at=now, actor=actor, type=STATUS, agency=report.agency, note=note)
        )


def note(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    public = as_bool(payload.get("public", True))
    report.updates.append(
        Update(
            at=now,
            actor=actor,
            type=NOTE,
            agency=report.agency,
            note=_note(payload, True, public_in=region if public else None),
            public=public,
        )
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
            note=_note(payload, True, "account of the resolution", public_in=region),
        ),
    )


def _check_typed_text(field: str, text: str, payload: dict[str, Any], region: Region) -> None:
    """Text an officer types is published as written, so the detector reads it when it is saved
    (and the gate again before it is published). `"force": true` saves it anyway: the gate
    then holds the report back until the text is fixed or an admin overrides it."""
    if as_bool(payload.get("force", False)):
        return
    problems = detector_problems(field, text, vocabulary(region))
    if problems:
        kinds = ", ".join(sorted({PLACEHOLDER.get(p.kind, p.kind) for p in problems}))
        raise ValidationError(
            f"Teks ini tampaknya memuat data pribadi ({kinds}) dan akan dipublikasikan apa adanya. "
            "Ganti dengan penanda seperti [NAMA] atau [TELEPON], atau hapus.",
            {field: "memuat data pribadi: " + ", ".join(f"{p.kind} {p.masked}" for p in problems)},
            en="This text seems to contain personal data and would be published as written; "
            "replace it with a placeholder such as [NAMA] or [TELEPON], or remove it.",
        )


# How the detector's kinds read to an officer.
PLACEHOLDER = {
    "nama": "nama orang",
    "telepon": "nomor telepon",
    "nik": "NIK",
    "kk": "nomor KK",
    "email": "alamat surel",
    "alamat": "alamat rumah",
    "nopol": "nomor polisi kendaraan",
    "rekening": "nomor rekening",
}


def edit_public_text(
    report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime, *, required: bool = True
) -> None:
    """The officer's reviewed public title/description; the original stays private, the edit is
    recorded (privately) in the audit trail."""
    changed = []
    for field, limit in (("public_title", TITLE_MAX), ("public_description", DESCRIPTION_MAX)):
        if payload.get(field) is None:
            continue
        value = str(payload[field]).strip()
        if not value or len(value) > limit:
            raise ValidationError(
                f"{field_label(field)} harus 1–{limit} karakter.",
                {field: "panjang tidak sesuai"},
                en=f"{field} must be 1–{limit} characters",
            )
        _check_typed_text(field, value, payload, region)
        if value == getattr(report, field):
            continue  # the same text again is no edit
        setattr(report, field, value)
        changed.append(field)
    if required and not changed:
        raise ValidationError(
            "Isi judul publik (public_title) dan/atau isi laporan publik (public_description) yang disunting.",
            {"public_title": "wajib diisi"},
            en="give public_title and/or public_description to edit",
        )
    if changed:
        report.updates.append(
            Update(at=now, actor=actor, type=EDIT, public=False, note="Teks publik disunting: " + ", ".join(changed))
        )


def edit(report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime) -> None:
    edit_public_text(report, payload, region, actor, now)


def override_gate(
    report: Report, payload: dict[str, Any], region: Region, actor: str, now: datetime, problems: list[dict[str, str]]
) -> None:
    """An admin vouches that what the gate holds this report back for names nobody (the detector
    can be wrong): recorded in the audit trail with the reason, and valid for exactly these
    problems in exactly these texts; anything written or found later is checked again."""
    reason = _note(payload, True, "reason")
    digest = texts_digest(public_record(report, region))
    report.gate_override = {
        "digest": digest,
        "problems": problems,
        "by": actor,
        "at": now.isoformat(),
        "reason": reason,
    }
    report.updates.append(
        Update(at=now, actor=actor, type=EDIT, public=False, note=f"Gerbang publikasi dilewati oleh admin: {reason}")
    )


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
            f"Informasi tambahan harus 5–{NOTE_MAX} karakter.",
            {"text": "panjang tidak sesuai"},
            en=f"the added information must be 5–{NOTE_MAX} characters",
        )
    if report.status == Status.REJECTED or report.closed_at:
        raise Conflict(
            "Laporan ini sudah ditutup; silakan kirim laporan baru.",
            en="this report is closed; file a new report instead",
        )
    report.updates.append(_reporter_text(text, now))


def _reporter_text(text: str, now: datetime) -> Update:
    """The reporter's words as an update: public, unless the spam check holds them for an officer."""
    reason = spam_reason(text)
    return Update(at=now, actor="reporter", type=REPORTER, note=text, public=reason is None, suspected_spam=reason)


RATINGS = range(1, 6)  # the reporter's rating of a resolution: 1 (poor) to 5 (very good)


def check_rating(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in RATINGS:
        raise ValidationError(
            "Penilaian harus angka 1 sampai 5.", {"rating": "harus 1–5"}, en="the rating must be a whole number 1–5"
        )
    return value


def feedback(report: Report, accept: bool, note_text: str, now: datetime, rating: object = None) -> None:
    """The reporter confirms a resolution (closing the report, with a 1–5 rating) or disputes it
    (reopening it)."""
    score = check_rating(rating)
    if score is not None and not accept:
        raise ValidationError(
            "Penilaian diberikan saat menyatakan laporan selesai, bukan saat menyanggahnya.",
            {"rating": "hanya untuk konfirmasi"},
            en="a rating goes with confirming a resolution, not with disputing it",
        )
    if report.status != Status.RESOLVED or report.closed_at:
        raise Conflict(
            f"Hanya laporan berstatus {Status.RESOLVED.label} yang belum ditutup yang bisa dikonfirmasi atau"
            f" disanggah (laporan ini: {report.status.label}{', sudah ditutup' if report.closed_at else ''}).",
            en="only a resolved, not yet closed report can be confirmed or disputed"
            f" (this one is {report.status.label_en}{', closed' if report.closed_at else ''})",
        )
    note_text = str(note_text or "").strip()[:NOTE_MAX]
    # A note the spam check suspects is kept as a held text of its own; the public update then
    # says only what the reporter decided.
    held = bool(note_text) and spam_reason(note_text) is not None
    public_note = "" if held else note_text
    if accept:
        report.closed_at = now
        report.updates.append(
            Update(
                at=now,
                actor="reporter",
                type=FEEDBACK,
                note=public_note or "Pelapor menyatakan selesai",
                rating=score,
            )
        )
    else:
        if not note_text:
            raise ValidationError(
                "Tuliskan mengapa penyelesaian ini belum memuaskan.",
                {"note": "wajib diisi"},
                en="say why the resolution is disputed",
            )
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


def autoclose(report: Report, now: datetime, days: int) -> None:
    report.closed_at = now
    report.updates.append(
        Update(
            at=now,
            actor="system",
            type=FEEDBACK,
            note=f"Ditutup otomatis: tidak ada tanggapan pelapor dalam {days} hari kerja",
        )
    )
