"""HTTP details the views share: whether to answer JSON or HTML, which language the page that
asked speaks, and the small HTML pages that answer the no-JavaScript forms (report
acknowledgement, tracking, follow-up). Reading request bodies is `inputs.py`'s.

The forms on the site's English pages (/en/) send a hidden field `lang=en` (a query parameter
for the GET tracking form), and the site's JavaScript adds `?lang=en` to its API requests
there; errors are then answered in English (the HTML page, or `Message` of the JSON error).
The Referer cannot say which page posted: the site and the API are different origins, and
browsers send only the origin, not the path, across origins.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from . import fields as field_names
from . import multipart
from .errors import AduanError
from .inputs import FORM, is_form
from .lifecycle import Status
from .textrules import without_bad_characters

CONTENT_TYPES = ["application/json", FORM]


def wants_html(headers: Mapping[str, str], default: bool | None = None) -> bool:
    """Whether to answer with an HTML page rather than JSON: what the Accept header asks for
    (a browser lists text/html; a script, application/json), else `default` (else: HTML for a
    form post, JSON for the rest)."""
    accept = (headers.get("accept") or "").lower()
    if "text/html" in accept:
        return True
    if "application/json" in accept:
        return False
    return is_form(headers) if default is None else default


def page_language(raw: str | bytes | None, headers: Mapping[str, str], query: Mapping[str, str] | None) -> str:
    """ "en" when the request comes from a page of the English site, else "id": a form sends
    the field `lang=en`, the site's JavaScript the query parameter."""
    if (query or {}).get("lang") == "en":
        return "en"
    if multipart.is_multipart(headers):  # the report form with its photos
        try:
            data = raw.encode("utf-8", errors="surrogatepass") if isinstance(raw, str) else raw or b""
            return "en" if multipart.parse(data, headers).fields.get("lang") == "en" else "id"
        except AduanError:
            return "id"
    if not is_form(headers):
        return "id"
    text = raw if isinstance(raw, str) else (raw or b"").decode("utf-8", errors="replace")
    return "en" if parse_qs(text).get("lang", [""])[-1] == "en" else "id"


# -- HTML for the no-JavaScript path -----------------------------------------------------------


PAGE_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "back_to_site": "Kembali ke situs Aduan",
        "error_title": "Laporan belum dapat diproses",
        "error_hint": "Kembali ke halaman sebelumnya (tombol Back) untuk memperbaiki isian; isian Anda belum disimpan.",
    },
    "en": {
        "back_to_site": "Back to the Aduan site",
        "error_title": "Your request could not be processed",
        "error_hint": "Go back to the previous page (the Back button) to correct the form; nothing has been saved yet.",
    },
}


def page(title: str, body: str, site_url: str, lang: str = "id") -> str:
    home = html.escape((site_url or "") + ("/en/" if lang == "en" else "/"))
    # Text stored before control characters were refused must not break the page either.
    return without_bad_characters(f"""<!doctype html>
<html lang="{"en" if lang == "en" else "id"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} — Aduan</title>
<style>body{{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}}
.box{{border:2px solid #0b5;padding:1rem;border-radius:.5rem}} .err{{border-color:#b00}} code{{font-size:1.2rem}}
a{{color:#0645ad}}</style></head>
<body><main><h1>{html.escape(title)}</h1>{body}<p><a href="{home}">{PAGE_WORDS[lang]["back_to_site"]}</a></p></main></body></html>""")


def error_page(error: AduanError, site_url: str, lang: str = "id") -> str:
    """The answer to a no-JavaScript form that could not be accepted: the message and each bad
    field under the label the form shows (never a raw name such as `location.kelurahan`)."""
    lang = "en" if lang == "en" else "id"
    words = PAGE_WORDS[lang]
    items = "".join(
        f"<li><strong>{html.escape(field_names.label(k, lang))}</strong>: {html.escape(field_names.message(v, lang))}</li>"
        for k, v in error.fields.items()
    )
    body = f'<div class="box err" role="alert"><p>{html.escape(error.text(lang))}</p><ul>{items}</ul></div>'
    body += f"<p>{words['error_hint']}</p>"
    return page(words["error_title"], body, site_url, lang)


# The receipt in each language; "similar" and what follows are the form page's own words
# (plugins/aduan_site/labels.py), so both paths ask the citizen the same question.
RECEIPT_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Laporan diterima",
        "tracking": "Nomor lacak / tracking number",
        "secret": "Kode rahasia / secret",
        "keep": "Simpan kedua kode ini. Nomor lacak untuk melihat status laporan; kode rahasia untuk menambah "
        "informasi atau menanggapi penyelesaian. Kode rahasia tidak dapat ditampilkan lagi.",
        "track": "Lacak laporan",
        "similar": "Apakah laporan Anda sama dengan ini?",
        "similar_note": "Laporan Anda sudah tercatat. Bila isinya sama, Anda dapat mengikuti laporan yang sudah ada:",
        "follow": "Ikuti laporan ini",
    },
    "en": {
        "title": "Report received",
        "tracking": "Tracking number",
        "secret": "Secret code",
        "keep": "Keep both codes. The tracking number shows the report's status; the secret code lets you add "
        "information or answer the resolution. The secret code cannot be shown again.",
        "track": "Track the report",
        "similar": "Is your report the same as this one?",
        "similar_note": "Your report is recorded. If it is about the same thing, you can follow the existing report:",
        "follow": "Follow this report",
    },
}


def receipt_page(
    tracking: str, secret: str, site_url: str, lang: str = "id", similar: Sequence[Mapping[str, Any]] = ()
) -> str:
    """The answer to the no-JavaScript report form: the tracking number and secret, and the
    published open reports it may duplicate (the JSON answer's `similar`), each with its public
    page and a link to follow it instead."""
    lang = "en" if lang == "en" else "id"
    words, t, s = RECEIPT_WORDS[lang], html.escape(tracking), html.escape(secret)
    site = html.escape((site_url or "") + ("/en" if lang == "en" else ""))
    body = (
        f'<div class="box" role="status"><p>{words["tracking"]}:<br><code id="tracking-number">{t}</code></p>'
        f'<p>{words["secret"]}:<br><code id="tracking-secret">{s}</code></p></div>'
        f"<p>{words['keep']}</p>"
        f'<p><a href="{site}/lacak/?tracking={quote(tracking)}">{words["track"]}</a></p>'
    )
    if similar:
        items = "".join(
            f'<li><a href="{site}/laporan/{quote(str(item["tracking"]))}/">{html.escape(str(item["title"]))}</a>'
            f" <small>{html.escape(str(item['tracking']))} · {html.escape(_status_label(item, lang))}</small>"
            f' · <a href="{site}/lacak/?tracking={quote(str(item["tracking"]))}">{words["follow"]}</a></li>'
            for item in similar
        )
        body += (
            f'<section id="similar" aria-labelledby="similar-title"><h2 id="similar-title">{words["similar"]}</h2>'
            f'<p>{words["similar_note"]}</p><ul id="similar-list">{items}</ul></section>'
        )
    return page(words["title"], body, site_url, lang)


def _status_label(item: Mapping[str, Any], lang: str) -> str:
    try:
        status = Status(item["status"])
    except ValueError:
        return str(item.get("status_label") or item["status"])
    return status.label_en if lang == "en" else status.label


def status_page(status: dict[str, Any], site_url: str) -> str:
    rows = "".join(
        f"<li>{html.escape(e['date'])}: {html.escape(e['status'] or e['type'])}"
        f"{' — ' + html.escape(e['note']) if e['note'] else ''}</li>"
        for e in status["timeline"]
    )
    link = (
        f'<p><a href="{html.escape(status["public_url"])}">Halaman publik laporan ini</a></p>'
        if status.get("public_url")
        else ""
    )
    body = (
        f'<div class="box"><p>Nomor: <code>{html.escape(status["tracking"])}</code></p>'
        f"<p>Status: <strong>{html.escape(status['status_label'])}</strong> ({html.escape(status['status_label_en'])})</p>"
        f"<p>Instansi: {html.escape(status['agency_name'])}</p></div><h2>Riwayat</h2><ol>{rows}</ol>{link}"
    )
    return page(f"Status laporan {status['tracking']}", body, site_url)


def done_page(message: str, tracking: str, site_url: str) -> str:
    return page(
        "Terima kasih",
        f'<div class="box" role="status"><p>{html.escape(message)}</p>'
        f"<p>Nomor: <code>{html.escape(tracking)}</code></p></div>",
        site_url,
    )


def console_page() -> str:
    return (Path(__file__).parent / "console.html").read_text(encoding="utf-8")
