"""Aduan's API: route declarations only. The logic is in chalicelib/ (service.py above all)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from chalice import Chalice, CORSConfig, Cron, Response
from chalice.app import CloudWatchEvent, Request, SQSEvent
from chalicelib import aws, config, desk, events, inputs, multipart, sessions, sitebuild, web
from chalicelib.errors import AduanError, Forbidden, NotFound, TooManyRequests, Unauthorized
from chalicelib.openapi import spec as openapi_spec
from chalicelib.ratelimit import client_ip

app = Chalice(app_name="aduan")
app.api.binary_types.extend(["image/jpeg", "image/png", "image/webp", multipart.MULTIPART])
CORS = CORSConfig(allow_origin="*", allow_headers=["Authorization", "Content-Type"], max_age=600)


def route(
    path: str,
    methods: tuple[str, ...] = ("GET",),
    forms: bool = False,
    html_default: bool | None = None,
    files: bool = False,
) -> Callable[..., Any]:
    """app.route with CORS and AduanError → one JSON shape. `forms`: the endpoint also serves the
    no-JavaScript pages, so it takes form bodies and answers errors with an HTML page when the
    client asks for HTML (web.wants_html; `html_default` when the client does not say)."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def handle(*args: Any, **kwargs: Any) -> Any:
            try:
                return view(*args, **kwargs)
            except AduanError as error:
                headers: dict[str, str | list[str]] = {}
                if isinstance(error, TooManyRequests):
                    headers["Retry-After"] = str(error.retry_after)
                if forms and web.wants_html(request().headers, html_default):
                    return html(web.error_page(error, config.site_url(), page_language()), error.status, headers)
                return Response(error.body(page_language()), status_code=error.status, headers=headers)

        return app.route(
            path,
            methods=list(methods),
            cors=CORS,
            content_types=(web.CONTENT_TYPES + ([multipart.MULTIPART] if files else []))
            if forms
            else ["application/json"],
        )(handle)

    return decorate


def request() -> Request:
    """The request being handled; Chalice sets it before any view runs (None only outside one)."""
    current = app.current_request
    assert current is not None, "called outside a request"
    return current


def body(schema: str, limit: int = inputs.MAX_BODY) -> dict[str, Any]:
    """The request body, valid by openapi.json's components/schemas/`schema`."""
    return inputs.read_body(request().raw_body, request().headers, schema, limit)


def page_language() -> str:
    """The language of the site page whose form or script sent this request (see web.py)."""
    return web.page_language(request().raw_body, request().headers, request().query_params)


def html(text: str, status: int = 200, headers: dict[str, str | list[str]] | None = None) -> Response:
    return Response(text, status_code=status, headers={"Content-Type": "text/html; charset=utf-8", **(headers or {})})


def wants_html(default: bool | None = None) -> bool:
    return web.wants_html(request().headers, default)


def officer() -> Any:
    """The officer behind the request: a bearer token, or the console's session cookie. With the
    cookie, a request that changes anything must be JSON (CSRF: besides SameSite=Strict, a
    cross-site form cannot send that content type without a CORS preflight)."""
    headers = request().headers
    if not headers.get("authorization") and request().method not in ("GET", "HEAD"):
        if not (headers.get("content-type") or "").lower().startswith("application/json"):
            raise Forbidden(
                "Permintaan dari konsol harus berupa JSON.", en="a console request that changes anything must be JSON"
            )
    return config.service().authenticate(headers.get("authorization"), headers.get("cookie"))


def query(name: str, known: set[str]) -> str | None:
    """Query parameter `name`, of an endpoint that takes the parameters `known` (others: 400)."""
    params: Mapping[str, str] = request().query_params or {}
    inputs.known_query(params, known)
    return inputs.text_query(name, params.get(name))


def throttle(action: str, tracking: str | None = None) -> None:
    """Count this request against the client's rate limit (ratelimit.py); 429 when over it."""
    config.rate_limiter().check(action, client_ip(request().context), tracking)


@app.middleware("http")
def typed_answers(event: Any, get_response: Callable[..., Response]) -> Response:
    """Say every answer's Content-Type, Chalice's own (405, 415) included: API Gateway would
    default to JSON, but `chalice local` and its emulation leave the header out."""
    response = get_response(event)
    if not any(k.lower() == "content-type" for k in response.headers):
        response.headers["Content-Type"] = "application/json"
    return response


# -- public --------------------------------------------------------------------------------------


@route("/")
def index() -> dict[str, Any]:
    return {"name": "Aduan API", "openapi": "/openapi.json", "site": config.site_url() or None}


@route("/openapi.json")
def openapi() -> dict[str, Any]:
    return openapi_spec()


@route("/region")
def region() -> dict[str, Any]:
    return config.service().region.public_dict()


@route("/reports", methods=("POST",), forms=True, files=True)
def submit_report() -> Response:
    throttle("submit")
    service = config.service()
    photos: list[bytes] = []
    if multipart.is_multipart(request().headers):  # the form with its photos
        data, photos = multipart.read_body(request().raw_body, request().headers, "Submission")
    else:
        data = body("Submission")
    report, secret = service.submit(data, photos=photos)
    similar = service.similar(report)
    if wants_html():
        return html(web.receipt_page(report.tracking, secret, config.site_url(), page_language(), similar), 201)
    return Response(
        {
            "tracking": report.tracking,
            "secret": secret,
            "status": report.status.value,
            "status_url": f"/reports/{report.tracking}",
            "similar": similar,
        },
        status_code=201,
    )


@route("/reports/{tracking}")
def report_status(tracking: str) -> dict[str, Any]:
    throttle("track", tracking)
    return config.service().status(tracking)


@route("/track", forms=True, html_default=True)
def track() -> Response:
    tracking = query("tracking", {"tracking"}) or ""
    throttle("track", tracking)
    status = config.service().status(tracking)
    return html(web.status_page(status, config.site_url())) if wants_html(True) else Response(status)


@route("/reports/{tracking}/followups", methods=("POST",))
def add_information(tracking: str) -> dict[str, Any]:
    throttle("followup", tracking)
    data = body("Followup")
    report = config.service().add_information(tracking, data["secret"], data["text"])
    return {"tracking": report.tracking, "status": report.status.value}


@route("/reports/{tracking}/feedback", methods=("POST",))
def feedback(tracking: str) -> dict[str, Any]:
    throttle("feedback", tracking)
    data = body("Feedback")
    report = config.service().feedback(
        tracking, data["secret"], data["accept"], data.get("note") or "", data.get("rating")
    )
    return {"tracking": report.tracking, "status": report.status.value, "closed": report.closed_at is not None}


@route("/reports/{tracking}/photos", methods=("POST",))
def add_photo(tracking: str) -> Response:
    throttle("photo", tracking)
    data = body("Photo", inputs.MAX_PHOTO_BODY)
    photo = config.service().add_photo(tracking, data["secret"], data["data"])
    return Response(
        {"id": photo.id, "content_type": photo.content_type, "size": photo.size, "published": False}, status_code=201
    )


@route("/followups", methods=("POST",), forms=True)
def add_information_form() -> Response:
    data = body("Followup")
    throttle("followup", data.get("tracking", ""))
    report = config.service().add_information(data.get("tracking", ""), data["secret"], data["text"])
    if not wants_html():
        return Response({"tracking": report.tracking, "status": report.status.value})
    return html(web.done_page("Informasi tambahan sudah diterima.", report.tracking, config.site_url()))


@route("/feedback", methods=("POST",), forms=True)
def feedback_form() -> Response:
    data = body("Feedback")
    throttle("feedback", data.get("tracking", ""))
    report = config.service().feedback(
        data.get("tracking", ""), data["secret"], data["accept"], data.get("note") or "", data.get("rating")
    )
    if not wants_html():
        return Response(
            {"tracking": report.tracking, "status": report.status.value, "closed": report.closed_at is not None}
        )
    return html(
        web.done_page(
            f"Tanggapan Anda sudah dicatat. Status: {report.status.label}.", report.tracking, config.site_url()
        )
    )


# -- officers (Authorization: Bearer <token>) -----------------------------------------------------


@route("/console")
def console() -> Response:
    """The officers' console: one page that works the officer endpoints below with a token."""
    return html(web.console_page())


@route("/officer/login", methods=("POST",))
def officer_login() -> Response:
    """Sign in to the console: a session cookie (HttpOnly, SameSite=Strict), never a token."""
    data = body("Login")
    throttle("login")
    # Per login name too, so that guessing one officer's password from many addresses is slow.
    config.rate_limiter().check("login_account", str(data["login"]).strip().lower()[:64])
    me, session_id, session = config.service().sign_in(data["login"], data["password"])
    return Response(
        {"id": me.id, "name": me.name, "role": me.role, "agency": me.agency, "expires": session.expires_at.isoformat()},
        headers={"Set-Cookie": sessions.cookie(session_id, request().headers.get("host")), "Cache-Control": "no-store"},
    )


@route("/officer/logout", methods=("POST",))
def officer_logout() -> Response:
    """End the console session in the store (the cookie alone would outlive a logout)."""
    if not sessions.session_id_from(request().headers.get("cookie")):
        raise Unauthorized("Tidak ada sesi konsol untuk diakhiri.", en="there is no console session to end")
    ended = config.service().sign_out(request().headers.get("cookie"))
    return Response(
        {"signed_out": ended}, headers={"Set-Cookie": sessions.expired_cookie(request().headers.get("host"))}
    )


@route("/officer/password", methods=("POST",))
def officer_password() -> dict[str, Any]:
    """Change one's own console password; every other session of the officer ends."""
    data, me = body("PasswordChange"), officer()
    config.rate_limiter().check("login_account", str(data["login"]).strip().lower()[:64])
    ended = config.service().change_own_password(
        me, data["login"], data["password"], data["new_password"], request().headers.get("cookie")
    )
    return {"changed": True, "sessions_ended": ended}


@route("/officer/me")
def whoami() -> dict[str, Any]:
    me = officer()
    return {"id": me.id, "name": me.name, "role": me.role, "agency": me.agency}


@route("/officer/publication")
def publication() -> dict[str, Any]:
    """What the publication gate holds back, and why; an agency officer sees their agency's."""
    me = officer()
    agency = me.agency if me.role == "agency" else None
    if config.backend() == "aws":
        return events.held_publication(agency)
    return sitebuild.held_publication(agency=agency)


LIST_QUERY = {"status", "agency", "limit", "offset", "cursor", "kelurahan", "overdue"}


@route("/officer/reports")
def officer_reports() -> dict[str, Any]:
    me = officer()
    items, next_cursor = config.service().officer_list(
        me,
        status=query("status", LIST_QUERY),
        agency=query("agency", LIST_QUERY),
        limit=inputs.whole_number("limit", query("limit", LIST_QUERY), 50, 500),
        offset=inputs.whole_number("offset", query("offset", LIST_QUERY), 0, 10_000_000),
        cursor=query("cursor", LIST_QUERY),
        kelurahan=query("kelurahan", LIST_QUERY),
        overdue=desk.flag("overdue", query("overdue", LIST_QUERY)),
    )
    return {"reports": items, "count": len(items), "next_cursor": next_cursor}


@route("/officer/reports/{tracking}")
def officer_report(tracking: str) -> dict[str, Any]:
    me, service = officer(), config.service()
    return service.officer_view(me, service.report(tracking))


@route("/officer/reports/{tracking}/actions", methods=("POST",))
def officer_action(tracking: str) -> dict[str, Any]:
    me, service = officer(), config.service()
    report = service.act(me, tracking, body("Action"))
    return service.officer_view(me, report, just_acted=True)


@route("/officer/reports/{tracking}/photos/{photo}")
def officer_photo(tracking: str, photo: str) -> Response:
    data, content_type = config.service().photo(officer(), tracking, photo)
    return Response(data, headers={"Content-Type": content_type, "Cache-Control": "private, no-store"})


# -- events (ADUAN_BACKEND=aws): a save → publish_changes → build_site; see chalicelib/events.py ----
# Each is a Lambda function of its own with its own IAM role (deploy/policies/, docs/deploy-aws.md);
# the deployment template points the event sources at its own queues (deploy/resources.json).


@app.on_sqs_message(queue=aws.publish_queue(), batch_size=10, maximum_batching_window_in_seconds=5)
def publish_changes(event: SQSEvent) -> None:
    """Publish every pending update into the site bucket's dataset/ (one at a time: a lock)."""
    events.publish_changes(record.body for record in event)


@app.on_sqs_message(queue=aws.build_queue(), batch_size=10, maximum_batching_window_in_seconds=5)
def build_site(event: SQSEvent) -> None:
    """Build the site from dataset/ and push what changed into the site bucket."""
    events.build_changes(record.body for record in event)


@app.schedule(Cron(5, 17, "*", "*", "?", "*"))  # 00:05 WIB
def auto_close(event: CloudWatchEvent) -> None:
    events.auto_close()


# -- anything else: 404 in the error shape --------------------------------------------------------
# API Gateway (and `chalice local`) answer an unknown path with 403 "Missing Authentication
# Token"; chalice local has no greedy {proxy+} path, so every depth up to UNKNOWN_DEPTH gets a
# catch-all route. Concrete routes are matched first.
UNKNOWN_DEPTH = 8


def _unknown_path(depth: int) -> Callable[..., Any]:
    def unknown_path(**parts: str) -> None:
        path = "/" + "/".join(parts[f"p{i}"] for i in range(depth))
        raise NotFound(
            f"Alamat {path[:200]!r} tidak ada di API ini; lihat /openapi.json."
            f" / No such path {path[:200]!r}; see /openapi.json."
        )

    unknown_path.__name__ = f"unknown_path_{depth}"
    return unknown_path


for _depth in range(1, UNKNOWN_DEPTH + 1):
    route("".join(f"/{{p{i}}}" for i in range(_depth)), methods=("GET", "POST", "PUT", "PATCH", "DELETE"))(
        _unknown_path(_depth)
    )
