"""HTTP details the views share: whether to answer JSON or HTML, and the small HTML pages that
answer the no-JavaScript forms (report acknowledgement, tracking, follow-up). Reading request
bodies is `inputs.py`'s."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from .errors import AduanError
from .inputs import FORM, is_form
from .textrules import without_bad_characters

CONTENT_TYPES = ["application/json", FORM]


def wants_html(headers: dict[str, str], default: bool | None = None) -> bool:
    """Whether to answer with an HTML page rather than JSON: what the Accept header asks for
    (a browser lists text/html; a script, application/json), else `default` (else: HTML for a
    form post, JSON for the rest)."""
    accept = (headers.get("accept") or "").lower()
    if "text/html" in accept:
        return True
    if "application/json" in accept:
        return False
    return is_form(headers) if default is None else default


# -- HTML for the no-JavaScript path -----------------------------------------------------------


def page(title: str, body: str, site_url: str) -> str:
    home = html.escape(site_url or "/")
    # Text stored before control characters were refused must not break the page either.
    return without_bad_characters(f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} — Aduan</title>
<style>body{{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}}
.box{{border:2px solid #0b5;padding:1rem;border-radius:.5rem}} .err{{border-color:#b00}} code{{font-size:1.2rem}}
a{{color:#0645ad}}</style></head>
<body><main><h1>{html.escape(title)}</h1>{body}<p><a href="{home}">Kembali ke situs Aduan</a></p></main></body></html>""")


def error_page(error: AduanError, site_url: str) -> str:
    items = "".join(f"<li><strong>{html.escape(k)}</strong>: {html.escape(v)}</li>" for k, v in error.fields.items())
    body = f'<div class="box err" role="alert"><p>{html.escape(error.message)}</p><ul>{items}</ul></div>'
    body += "<p>Kembali ke halaman sebelumnya (tombol Back) untuk memperbaiki isian; isian Anda belum disimpan.</p>"
    return page("Laporan belum dapat diproses", body, site_url)


def receipt_page(tracking: str, secret: str, site_url: str) -> str:
    t, s = html.escape(tracking), html.escape(secret)
    body = (
        f'<div class="box" role="status"><p>Nomor pelacakan / tracking number:<br><code id="tracking-number">{t}</code></p>'
        f'<p>Kode rahasia / secret:<br><code id="tracking-secret">{s}</code></p></div>'
        "<p>Simpan kedua kode ini. Nomor pelacakan untuk melihat status laporan; kode rahasia untuk menambah "
        "informasi atau menanggapi penyelesaian. Kode rahasia tidak dapat ditampilkan lagi.</p>"
        f'<p><a href="{html.escape(site_url)}/lacak/">Lacak laporan</a></p>'
    )
    return page("Laporan diterima", body, site_url)


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
