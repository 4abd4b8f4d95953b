"""Aduan's API: route declarations only. The logic is in chalicelib/ (service.py above all)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from chalice import Chalice, CORSConfig, Response
from chalice.app import Request
from chalicelib import config, sitebuild, web
from chalicelib.errors import AduanError, ValidationError
from chalicelib.openapi import spec as openapi_spec
from chalicelib.submission import as_bool

app = Chalice(app_name="aduan")
app.api.binary_types.extend(["image/jpeg", "image/png", "image/webp"])
CORS = CORSConfig(allow_origin="*", allow_headers=["Authorization", "Content-Type"], max_age=600)


def route(path: str, methods: tuple[str, ...] = ("GET",), forms: bool = False) -> Callable[..., Any]:
    """app.route with CORS, form bodies where a no-JS form posts, and AduanError → one JSON shape
    (or an HTML page, for a form post)."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def handle(*args: Any, **kwargs: Any) -> Any:
            try:
                return view(*args, **kwargs)
            except AduanError as error:
                if web.is_form(request().headers):
                    return html(web.error_page(error, config.site_url(), page_language()), error.status)
                return Response(error.body(page_language()), status_code=error.status)

        return app.route(
            path, methods=list(methods), cors=CORS, content_types=web.CONTENT_TYPES if forms else ["application/json"]
        )(handle)

    return decorate


def request() -> Request:
    """The request being handled; Chalice sets it before any view runs (None only outside one)."""
    current = app.current_request
    assert current is not None, "called outside a request"
    return current


def body() -> dict[str, Any]:
    return web.read_body(request().raw_body, request().headers)


def page_language() -> str:
    """The language of the site page whose form or script sent this request (see web.py)."""
    return web.page_language(request().raw_body, request().headers, request().query_params)


def html(text: str, status: int = 200) -> Response:
    return Response(text, status_code=status, headers={"Content-Type": "text/html; charset=utf-8"})


def officer() -> Any:
    return config.service().authenticate(request().headers.get("authorization"))


def query(name: str, default: str | None = None) -> str | None:
    params: Mapping[str, str] = request().query_params or {}
    return params.get(name, default)


def int_query(name: str, default: int, maximum: int) -> int:
    value = query(name)
    if value is None:
        return default
    if not value.isdigit() or not 0 <= int(value) <= maximum:
        raise ValidationError(
            f"Parameter {name} harus bilangan bulat dari 0 sampai {maximum}.",
            {name: "tidak valid"},
            en=f"query parameter {name} must be a whole number from 0 to {maximum}",
        )
    return int(value)


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


@route("/reports", methods=("POST",), forms=True)
def submit_report() -> Response:
    report, secret = config.service().submit(body())
    if web.is_form(request().headers):
        return html(web.receipt_page(report.tracking, secret, config.site_url()), 201)
    return Response(
        {
            "tracking": report.tracking,
            "secret": secret,
            "status": report.status.value,
            "status_url": f"/reports/{report.tracking}",
        },
        status_code=201,
    )


@route("/reports/{tracking}")
def report_status(tracking: str) -> dict[str, Any]:
    return config.service().status(tracking)


@route("/track")
def track() -> Response:
    service = config.service()
    try:
        return html(web.status_page(service.status(query("tracking") or ""), config.site_url()))
    except AduanError as error:
        return html(web.error_page(error, config.site_url(), page_language()), error.status)


@route("/reports/{tracking}/followups", methods=("POST",))
def add_information(tracking: str) -> dict[str, Any]:
    data = body()
    report = config.service().add_information(tracking, data.get("secret", ""), data.get("text", ""))
    return {"tracking": report.tracking, "status": report.status.value}


@route("/reports/{tracking}/feedback", methods=("POST",))
def feedback(tracking: str) -> dict[str, Any]:
    data = body()
    report = config.service().feedback(
        tracking, data.get("secret", ""), as_bool(data.get("accept")), data.get("note", "")
    )
    return {"tracking": report.tracking, "status": report.status.value, "closed": report.closed_at is not None}


@route("/reports/{tracking}/photos", methods=("POST",))
def add_photo(tracking: str) -> Response:
    data = body()
    photo = config.service().add_photo(tracking, data.get("secret", ""), data.get("data"))
    return Response(
        {"id": photo.id, "content_type": photo.content_type, "size": photo.size, "published": False}, status_code=201
    )


@route("/followups", methods=("POST",), forms=True)
def add_information_form() -> Response:
    data = body()
    report = config.service().add_information(data.get("tracking", ""), data.get("secret", ""), data.get("text", ""))
    return html(web.done_page("Informasi tambahan sudah diterima.", report.tracking, config.site_url()))


@route("/feedback", methods=("POST",), forms=True)
def feedback_form() -> Response:
    data = body()
    report = config.service().feedback(
        data.get("tracking", ""), data.get("secret", ""), as_bool(data.get("accept")), data.get("note", "")
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


@route("/officer/me")
def whoami() -> dict[str, Any]:
    me = officer()
    return {"id": me.id, "name": me.name, "role": me.role, "agency": me.agency}


@route("/officer/publication")
def publication() -> dict[str, Any]:
    """What the publication gate holds back, and why; an agency officer sees their agency's."""
    me = officer()
    return sitebuild.held_publication(agency=me.agency if me.role == "agency" else None)


@route("/officer/reports")
def officer_reports() -> dict[str, Any]:
    me = officer()
    items, next_cursor = config.service().officer_list(
        me,
        status=query("status"),
        agency=query("agency"),
        limit=int_query("limit", 50, 500),
        offset=int_query("offset", 0, 10_000_000),
        cursor=query("cursor"),
    )
    return {"reports": items, "count": len(items), "next_cursor": next_cursor}


@route("/officer/reports/{tracking}")
def officer_report(tracking: str) -> dict[str, Any]:
    me, service = officer(), config.service()
    return service.officer_view(me, service.report(tracking))


@route("/officer/reports/{tracking}/actions", methods=("POST",))
def officer_action(tracking: str) -> dict[str, Any]:
    me, service = officer(), config.service()
    report = service.act(me, tracking, body())
    return service.officer_view(me, report, just_acted=True)


@route("/officer/reports/{tracking}/photos/{photo}")
def officer_photo(tracking: str, photo: str) -> Response:
    data, content_type = config.service().photo(officer(), tracking, photo)
    return Response(data, headers={"Content-Type": content_type, "Cache-Control": "private, no-store"})
