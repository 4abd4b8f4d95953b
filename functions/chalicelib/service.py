"""The application service: every use case of the API and the CLI, over a store and a region.

Views and commands stay thin: they parse input, call one method here and format the answer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from . import actions, attachments, desk, passwords, sessions
from . import deadline as deadlines
from .attachments import Blobs
from .clock import Clock, precise_now
from .errors import Conflict, Forbidden, NotFound, Unauthorized, ValidationError
from .lifecycle import Status
from .officers import Officer, check_role, hash_token, new_token
from .publish import public_text, public_timeline
from .region import Region
from .report import KINDS, PHOTO, Report, Update
from .similar import similar_reports
from .store import DuePosition, Position, Store
from .submission import new_report, validate
from .tracking import normalize_tracking, secret_matches

# How the audit trail names actors that are not officers.
ACTOR_WORDS = {"reporter": "Pelapor", "system": "Sistem"}

LIST_SCAN = 2000  # reports read at most to fill one filtered page of the officer's queue


class Aduan:
    def __init__(
        self,
        store: Store,
        region: Region,
        clock: Clock = precise_now,
        site_url: str = "",
        blobs: Blobs | None = None,
        published: Callable[[str], dict[str, Any] | None] | None = None,
        held: Callable[[str], list[dict[str, str]] | None] | None = None,
    ) -> None:
        self.store, self.region, self.clock, self.site_url = store, region, clock, site_url.rstrip("/")
        # The store keeps each report's officers' deadline, to list overdue reports first.
        self.deadlines = deadlines.OfficersDeadline(region.service_levels)
        store.keep_deadlines(self.deadlines)
        self.blobs = blobs
        # The public record of a report as published (what passed the gate), or None. Every
        # text the status API shows comes from there, never from the private report.
        self.published = published or (lambda tracking: None)
        # Why the gate holds a report back (a list of problems), or None when it does not.
        self.held = held or (lambda tracking: None)

    # -- citizens ----------------------------------------------------------------------------

    def submit(self, data: Any, channel: str = "web", photos: Sequence[bytes] = ()) -> tuple[Report, str]:
        """A new report, with the photos the form brought (each checked before anything is
        stored; they stay private until an officer approves them, as any photo)."""
        now = self.clock()
        report, secret = new_report(validate(data, self.region), self.region, now=now, channel=channel)
        if photos and self.blobs is None:
            raise ValidationError("Layanan ini tidak menerima foto.", en="this installation does not accept photos")
        checked = [(attachments.inspect(raw, now, i), raw) for i, raw in enumerate(photos)]
        for attachment, raw in checked:
            assert self.blobs is not None
            self.blobs.put(attachments.original_key(report.id, attachment.id), raw)
            report.attachments.append(attachment)
            report.updates.append(
                Update(at=now, actor="reporter", type=PHOTO, note="Pelapor menambahkan foto", public=False)
            )
        self.store.save([report])
        return report, secret

    def similar(self, report: Report) -> list[dict[str, Any]]:
        """Published open reports the new `report` may duplicate (similar.py), as anyone may
        read them: tracking number, public title, status and link."""
        found = similar_reports(self.store, self.region, report, self.published, self.site_url)
        return [s.to_dict() for s in found]

    def report(self, tracking: str) -> Report:
        canonical = normalize_tracking(tracking)
        if canonical is None:
            raise NotFound(
                f"{tracking!r} bukan nomor lacak (contoh: {self.region.tracking_prefix}-D9E6-80J7);"
                " periksa apakah ada salah ketik.",
                en=f"{tracking!r} is not a tracking number (e.g. {self.region.tracking_prefix}-D9E6-80J7);"
                " check it for typos",
            )
        report = self.store.get(canonical)
        if report is None:
            raise NotFound(
                f"Tidak ada laporan dengan nomor lacak {canonical}.", en=f"no report has tracking number {canonical}"
            )
        return report

    def status(self, tracking: str) -> dict[str, Any]:
        """What anyone holding the tracking number may see: the status and, for a published
        report, its title and timeline exactly as published (they passed the gate). A report
        not published (not yet verified, confidential, or held back by the gate) shows its
        status and the dates and kinds of its updates, and no text at all."""
        report = self.report(tracking)
        record = None if report.confidential else self.published(report.tracking)
        timeline = record["timeline"] if record else public_timeline(report, with_notes=False)
        return {
            "tracking": report.tracking,
            "status": report.status.value,
            "status_label": report.status.label,
            "status_label_en": report.status.label_en,
            "kind": report.kind,
            "kind_label": KINDS[report.kind][0],
            "title": record["title"] if record else None,
            "agency": report.agency,
            "agency_name": self.region.agency_name(report.agency),
            "rejection_reason": report.rejection_reason,
            "forwarded_to": record.get("forwarded_to") if record else None,
            "duplicate_of": report.duplicate_of,
            "submitted": report.submitted_at.date().isoformat(),
            "updated": report.updated_at.date().isoformat(),
            "closed": report.closed_at is not None,
            # As of the request's day: overdue changes with the calendar.
            "deadline": self.due(report),
            "overdue": self.overdue(report),
            "published": record is not None,
            "public_url": f"{self.site_url}/laporan/{report.tracking}/" if record else None,
            "timeline": timeline,
        }

    def _reporter_report(self, tracking: str, secret: str) -> Report:
        report = self.report(tracking)
        if not secret or not secret_matches(str(secret), report.secret_hash):
            raise Forbidden(
                "Kode rahasia tidak cocok dengan nomor lacak ini; pakai kode yang diberikan saat laporan dikirim.",
                {"secret": "tidak cocok"},
                en="The secret code does not match this tracking number; use the code you were given on submitting.",
            )
        return report

    def add_information(self, tracking: str, secret: str, text: str) -> Report:
        report = self._reporter_report(tracking, secret)
        actions.add_information(report, text, self.clock())
        self.store.save([report])
        return report

    def feedback(self, tracking: str, secret: str, accept: bool, note: str, rating: object = None) -> Report:
        report = self._reporter_report(tracking, secret)
        actions.feedback(report, accept, note, self.clock(), rating)
        self.store.save([report])
        return report

    def add_photo(self, tracking: str, secret: str, data_base64: object) -> attachments.Attachment:
        """The reporter adds a photo. It stays private until an officer approves it."""
        report = self._reporter_report(tracking, secret)
        if self.blobs is None:
            raise ValidationError("Layanan ini tidak menerima foto.", en="this installation does not accept photos")
        raw = attachments.decode_upload(data_base64)
        now = self.clock()
        attachment = attachments.inspect(raw, now, len(report.attachments))
        self.blobs.put(attachments.original_key(report.id, attachment.id), raw)
        report.attachments.append(attachment)
        report.updates.append(
            Update(at=now, actor="reporter", type=PHOTO, note="Pelapor menambahkan foto", public=False)
        )
        self.store.save([report])
        return attachment

    def photo(self, officer: Officer, tracking: str, attachment_id: str) -> tuple[bytes, str]:
        """The original photo, for officers who may see the report."""
        report = self.report(tracking)
        if not officer.can_see(report.agency):
            raise Forbidden(
                f"Laporan ini tidak ditugaskan kepada instansi Anda ({officer.agency}).",
                en=f"This report is not assigned to your agency ({officer.agency}).",
            )
        attachment = self._attachment(report, attachment_id)
        assert self.blobs is not None
        return self.blobs.get(attachments.original_key(report.id, attachment.id)), attachment.content_type

    def _attachment(self, report: Report, attachment_id: str) -> attachments.Attachment:
        found = next((a for a in report.attachments if a.id == attachment_id), None)
        if found is None or self.blobs is None:
            raise NotFound(
                f"Laporan {report.tracking} tidak punya foto {attachment_id!r}.",
                en=f"report {report.tracking} has no photo {attachment_id!r}",
            )
        return found

    def _approve_photo(self, report: Report, payload: dict[str, Any], actor: str) -> None:
        attachment = self._attachment(report, str(payload.get("attachment") or ""))
        if attachment.approved_at:
            raise Conflict("Foto ini sudah disetujui.", en="this photo is already approved")
        assert self.blobs is not None
        clean, attachment.width, attachment.height = attachments.reencode(
            self.blobs.get(attachments.original_key(report.id, attachment.id))
        )
        self.blobs.put(attachments.public_key(report.id, attachment.id), clean)
        attachment.approved_at = now = self.clock()
        report.updates.append(Update(at=now, actor=actor, type=PHOTO, note="Foto disetujui untuk dipublikasikan"))

    # -- officers ----------------------------------------------------------------------------

    def add_officer(
        self, name: str, role: str, agency: str | None = None, *, login: str | None = None, password: str | None = None
    ) -> tuple[Officer, str]:
        """A new officer and their bearer token. With `login`, they can also sign in to the
        console with `password` (checked and hashed before anything is stored)."""
        if not name.strip():
            raise ValidationError("Petugas harus punya nama.", {"name": "wajib diisi"}, en="an officer needs a name")
        check_role(role, agency, self.region.agencies)
        if login is not None:
            login = passwords.check_login_name(login)
            password_hash = passwords.hash_password(password or "")
            if self.store.login(login) is not None:
                raise Conflict(
                    f"Nama login {login!r} sudah dipakai petugas lain.", en=f"login {login!r} is already taken"
                )
        token = new_token()
        officer = Officer(
            id=uuid.uuid4().hex[:12],
            name=name.strip(),
            role=role,
            agency=agency,
            token_hash=hash_token(token),
            created_at=self.clock(),
        )
        self.store.add_officer(officer)
        if login is not None:
            self.store.add_login(passwords.Login(login, officer.id, password_hash, officer.created_at))
        return officer, token

    def free_login(self, name: str) -> str:
        """A login made from an officer's name that nobody has yet (petugas.pupr, petugas.pupr.2, ...)."""
        base = passwords.login_from_name(name)
        login, n = base, 1
        while self.store.login(login) is not None:
            n += 1
            login = f"{base}.{n}"
        return login

    def set_password(self, login: str, password: str, keep_session: str | None = None) -> int:
        """Replace a login's password and end every session of its officer but `keep_session`
        (the id hash of the session that made the change, if any): a password is changed because
        it may be known, and whoever knew it may be signed in. How many sessions were ended."""
        name = passwords.normalize_login(login)
        found = self.store.login(name)
        if found is None or not self.store.set_password(name, passwords.hash_password(password), self.clock()):
            raise NotFound(f"Tidak ada login {login!r}.", en=f"no login {login!r}")
        return self.store.end_sessions(found.officer_id, keep=keep_session)

    def change_own_password(
        self, officer: Officer, login: str, password: str, new_password: str, cookie_header: str | None
    ) -> int:
        """An officer changes their own password (the current one checked); the session that asks
        stays, every other one of theirs ends. How many ended."""
        found = self.store.login(passwords.normalize_login(login))
        if not passwords.verify(found, password) or found is None or found.officer_id != officer.id:
            raise Unauthorized("Nama login atau kata sandi salah.", {"password": "salah"}, en="wrong login or password")
        session_id = sessions.session_id_from(cookie_header)
        return self.set_password(
            found.login, new_password, sessions.hash_session_id(session_id) if session_id else None
        )

    def sign_in(self, login: str, password: str) -> tuple[Officer, str, sessions.Session]:
        """Check a login and password; a new session and its id (the cookie's value) if right."""
        found = self.store.login(passwords.normalize_login(login))
        officer = self.store.officer(found.officer_id) if passwords.verify(found, password) and found else None
        if officer is None or not officer.active:
            raise Unauthorized("Nama login atau kata sandi salah.", {"password": "salah"}, en="wrong login or password")
        session_id, now = sessions.new_session_id(), self.clock()
        session = sessions.Session(sessions.hash_session_id(session_id), officer.id, now, now)
        self.store.add_session(session)
        return officer, session_id, session

    def sign_out(self, cookie_header: str | None) -> bool:
        """End the session of this Cookie header in the store; False if there was none."""
        session_id = sessions.session_id_from(cookie_header)
        return bool(session_id) and self.store.end_session(sessions.hash_session_id(session_id or ""))

    def authenticate(self, authorization: str | None, cookie_header: str | None = None) -> Officer:
        """The officer behind a bearer token (scripts) or else a console session cookie."""
        scheme, _, token = (authorization or "").partition(" ")
        if not authorization and cookie_header:
            session_id = sessions.session_id_from(cookie_header)
            if session_id:
                return self._session_officer(session_id)
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized(
                "Masuk ke konsol petugas, atau kirim token petugas sebagai 'Authorization: Bearer <token>'"
                " (buat dengan `aduan officer add`).",
                en="sign in to the console, or send an officer token as 'Authorization: Bearer <token>'"
                " (create one with `aduan officer add`)",
            )
        officer = self.store.officer_by_token_hash(hash_token(token.strip()))
        if officer is None or not officer.active:
            raise Unauthorized("Token petugas tidak dikenal atau sudah dicabut.", en="unknown or revoked officer token")
        return officer

    def _session_officer(self, session_id: str) -> Officer:
        id_hash, now = sessions.hash_session_id(session_id), self.clock()
        session = self.store.session(id_hash)
        officer = self.store.officer(session.officer_id) if session and session.alive(now) else None
        if session is None or officer is None or not officer.active:
            raise Unauthorized(
                "Sesi Anda sudah berakhir; silakan masuk lagi.", en="your session has ended; please sign in again"
            )
        if session.needs_touch(now):
            self.store.touch_session(id_hash, now)
        return officer

    def act(self, officer: Officer, tracking: str, payload: Any) -> Report:
        if not isinstance(payload, dict):
            raise ValidationError(
                "Isi permintaan harus objek JSON dengan 'action'.",
                en="the request body must be a JSON object with an 'action'",
            )
        name = str(payload.get("action") or "")
        action = actions.OFFICER_ACTIONS.get(name)
        if name == "override_gate":
            report = self.report(tracking)
            officer.check_action(name, report.agency)
            problems = self.held(report.tracking)
            if not problems:
                raise Conflict(
                    "Gerbang publikasi tidak menahan laporan ini; tidak ada yang perlu dilewati.",
                    en="The publication gate does not hold this report back; there is nothing to override.",
                )
            actions.override_gate(report, payload, self.region, officer.actor, self.clock(), problems)
            self.store.save([report])
            return report
        if name == "approve_attachment":
            report = self.report(tracking)
            officer.check_action(name, report.agency)
            self._approve_photo(report, payload, officer.actor)
            self.store.save([report])
            return report
        if action is None:
            raise ValidationError(
                f"Tindakan {name!r} tidak dikenal; pilihan: {', '.join(actions.OFFICER_ACTIONS)}, approve_attachment.",
                {"action": "tidak dikenal"},
                en=f"unknown action {name!r}; expected one of: {', '.join(actions.OFFICER_ACTIONS)}, approve_attachment",
            )
        report = self.report(tracking)
        officer.check_action(name, report.agency)
        was_duplicate_of = report.duplicate_of
        action(report, _without_unchanged_text(report, payload), self.region, officer.actor, self.clock())
        linked = self._original_of(report) if report.duplicate_of != was_duplicate_of else None
        self.store.save([report, linked] if linked else [report])  # both or neither
        return report

    def _original_of(self, duplicate: Report) -> Report | None:
        """The report a newly marked duplicate duplicates, now listing it, so that both public
        pages link to each other (saved with the duplicate, in one write)."""
        assert duplicate.duplicate_of is not None
        original = self.store.get(duplicate.duplicate_of)
        if original is None:
            raise ValidationError(
                f"Tidak ada laporan dengan nomor lacak {duplicate.duplicate_of} (isian duplicate_of).",
                {"duplicate_of": "tidak ditemukan"},
                en=f"no report has tracking number {duplicate.duplicate_of} (field duplicate_of)",
            )
        if duplicate.tracking in original.duplicates:
            return None
        original.duplicates.append(duplicate.tracking)
        return original

    def officer_view(self, officer: Officer, report: Report, *, just_acted: bool = False) -> dict[str, Any]:
        # Right after an agency returns a report it is no longer theirs, but the answer to
        # that action must still show them the result.
        if not just_acted and not officer.can_see(report.agency):
            raise Forbidden(
                f"Laporan ini tidak ditugaskan kepada instansi Anda ({officer.agency}).",
                en=f"This report is not assigned to your agency ({officer.agency}).",
            )
        data = report.to_dict()
        data.pop("secret_hash")
        if report.anonymous and not officer.sees_identity():
            data["reporter"] = None
        data["status_label"] = report.status.label
        data["public_title"], data["public_description"] = public_text(report)
        data["due"] = self.due(report)
        data["overdue"] = self.overdue(report)
        data["held"] = self.held(report.tracking)
        # What the console offers: only what the API would accept now, and what comes next.
        data["allowed_actions"] = desk.allowed_actions(officer, report, bool(data["held"]))
        data["next_step"] = desk.next_step(report, officer, data["due"], self.region)
        category = self.region.categories.get(report.category or "")
        data["suggested_agency"] = report.agency or (category.agency if category else None)
        # What the citizen was shown on submitting: the officer verifying it sees the same
        # published open reports it may duplicate (to reject it as a duplicate of one).
        data["similar"] = self.similar(report) if report.status == Status.RECEIVED else []
        names = desk.actor_names(self.store.officers())
        for update in data["updates"]:
            update["actor_name"] = names.get(update["actor"]) or ACTOR_WORDS.get(update["actor"], update["actor"])
            update["status_label"] = Status(update["status"]).label if update["status"] else None
        return data

    def officer_list(
        self,
        officer: Officer,
        *,
        status: str | None,
        agency: str | None,
        limit: int,
        offset: int = 0,
        cursor: str | None = None,
        kelurahan: str | None = None,
        overdue: bool = False,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the officer's desk, and the cursor of the next page (None on the last).

        Overdue reports come first across pages, the longest overdue on top, then the rest newest
        first. `kelurahan` and `overdue` filter what the store lists, reading on until the page
        is full (at most LIST_SCAN reports per page; a short page then still has a cursor).
        """
        if officer.role == "agency":
            if agency and agency != officer.agency:
                raise Forbidden(
                    f"Petugas instansi {officer.agency} hanya dapat melihat laporan instansinya sendiri.",
                    en=f"an officer of {officer.agency} sees only that agency's reports",
                )
            agency = officer.agency
        if agency is not None and agency not in self.region.agencies:
            raise ValidationError(
                f"Instansi {agency!r} tidak dikenal.", {"agency": "tidak dikenal"}, en=f"unknown agency {agency!r}"
            )
        if status is not None and status not in {s.value for s in Status}:
            raise ValidationError(
                f"Status {status!r} tidak dikenal.", {"status": "tidak dikenal"}, en=f"unknown status {status!r}"
            )
        if limit <= 0:
            return [], None
        items: list[dict[str, Any]] = []
        wanted = (kelurahan or "").strip().casefold()
        queue = self._queue(status, agency, cursor, max(limit, 50), only_late=overdue)
        scanned = 0
        for report, after in queue:
            scanned += 1
            if report is not None and (not wanted or (report.location.kelurahan or "").casefold() == wanted):
                if offset:
                    offset -= 1
                else:
                    items.append(self._queue_item(report))
            if len(items) == limit:
                return items, after if next(queue, None) is not None else None
            if scanned >= LIST_SCAN:
                return items, after
        return items, None

    def _queue(
        self, status: str | None, agency: str | None, cursor: str | None, batch: int, only_late: bool
    ) -> Iterator[tuple[Report | None, str]]:
        """The officer's queue from `cursor` on: each report read, and the queue cursor after it.
        Overdue reports come first, the longest overdue on top, then the rest newest first (the
        reports of the first part are read again in the second, as None: not listed twice)."""
        today = self.clock().date()
        part, inner = desk.read_queue_cursor(cursor)
        if part == desk.LATE:
            while True:
                page = self.store.find_overdue(today=today, status=status, agency=agency, limit=batch, cursor=inner)
                for r in page:
                    due = self.deadlines(r)
                    if due is None or due >= today:  # kept by another region's rule: listed with the rest
                        yield None, cursor or ""
                        continue
                    cursor = desk.queue_cursor(desk.LATE, DuePosition(due.isoformat(), r.tracking).encode())
                    yield r, cursor
                if page.cursor is None:
                    break
                inner = page.cursor
            part, inner = desk.REST, None
        if only_late:
            return
        while True:
            page = self.store.find(status=status, agency=agency, limit=batch, cursor=inner)
            for r in page:
                due = self.deadlines(r)
                late = due is not None and due < today
                yield None if late else r, desk.queue_cursor(desk.REST, Position.after(r).encode())
            if page.cursor is None:
                return
            inner = page.cursor

    def _queue_item(self, r: Report) -> dict[str, Any]:
        due = self.due(r)
        return {
            "tracking": r.tracking,
            "status": r.status.value,
            "status_label": r.status.label,
            "agency": r.agency,
            "kind": r.kind,
            "title": r.title,
            "category": r.category,
            "kelurahan": r.location.kelurahan,
            "submitted_at": r.submitted_at.isoformat(),
            "updated_at": r.updated_at.isoformat(),
            "confidential": r.confidential,
            # Why the spam check holds the report or one of its reporter's texts, if it does.
            "suspected_spam": r.suspected_spam or next((u.suspected_spam for u in r.updates if u.suspected_spam), None),
            "due": due,
            "overdue": self.overdue(r),
        }

    def due(self, report: Report) -> str | None:
        """The service-level deadline of the next step, as a date (SP4N-LAPOR! working days)."""
        deadline = deadlines.current(report, self.region.service_levels)
        return deadline.day.isoformat() if deadline else None

    def overdue(self, report: Report) -> bool:
        """Whether the next step is late as of today (the request's day)."""
        return deadlines.is_overdue(report, self.region.service_levels, self.clock().date())

    # -- housekeeping ------------------------------------------------------------------------

    def autoclose(self, now: datetime | None = None) -> int:
        """Close resolved reports the reporter left unanswered for the region's `autoclose_days`."""
        now = now or self.clock()
        closed = 0
        for report in self.store.find(status=Status.RESOLVED.value, limit=1_000_000):
            deadline = deadlines.current(report, self.region.service_levels)
            if deadline is None or deadline.step != deadlines.AUTOCLOSE:
                continue
            if deadline.day <= now.date():
                actions.autoclose(report, now, self.region.service_levels["autoclose_days"])
                self.store.save([report])
                closed += 1
        return closed


def _without_unchanged_text(report: Report, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload without public texts the officer left as the console showed them (the
    redacted original): sending them back is no edit, and must not leave an "edit" update."""
    shown = dict(zip(("public_title", "public_description"), public_text(report), strict=True))
    return {k: v for k, v in payload.items() if not (k in shown and isinstance(v, str) and v.strip() == shown[k])}
