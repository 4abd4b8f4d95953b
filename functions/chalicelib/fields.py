"""Input fields as a citizen or officer reads them: their labels, and the short per-field
messages in English, so that an error never shows a raw name such as `location.kelurahan`.

The labels are the words of the site's own forms (plugins/aduan_site/labels.py), which the
API cannot import: it runs in Lambda without the site plugin.
"""

from __future__ import annotations

import re

# field name (the last part of a dotted path) → (Bahasa Indonesia, English)
LABELS: dict[str, tuple[str, str]] = {
    "kind": ("Jenis laporan", "Kind of report"),
    "title": ("Judul", "Title"),
    "body": ("Isi permintaan", "Request body"),
    "description": ("Isi laporan", "Your report"),
    "category": ("Kategori", "Category"),
    "location": ("Lokasi", "Location"),
    "kecamatan": ("Kecamatan", "District (kecamatan)"),
    "kelurahan": ("Kelurahan", "Neighbourhood (kelurahan)"),
    "address": ("Nama jalan atau patokan", "Street name or landmark"),
    "lat": ("Garis lintang", "Latitude"),
    "lon": ("Garis bujur", "Longitude"),
    "reporter": ("Identitas Anda", "About you"),
    "name": ("Nama", "Name"),
    "phone": ("Nomor telepon", "Phone number"),
    "email": ("Surel", "Email"),
    "nik": ("NIK", "NIK (identity number)"),
    "anonymous": ("Anonim", "Anonymous"),
    "confidential": ("Rahasia", "Confidential"),
    "website": ("Situs web", "Website"),
    "tracking": ("Nomor lacak", "Tracking number"),
    "secret": ("Kode rahasia", "Secret code"),
    "text": ("Informasi tambahan", "More information"),
    "accept": ("Apakah masalahnya sudah selesai?", "Is the problem solved?"),
    "note": ("Catatan", "Note"),
    "data": ("Foto", "Photo"),
    "attachment": ("Foto", "Photo"),
    "action": ("Tindakan", "Action"),
    "agency": ("Instansi", "Agency"),
    "status": ("Status", "Status"),
    "reason": ("Alasan", "Reason"),
    "forwarded_to": ("Diteruskan ke", "Forwarded to"),
    "duplicate_of": ("Duplikat dari", "Duplicate of"),
    "public_title": ("Judul publik", "Public title"),
    "public_description": ("Isi laporan publik", "Public text of the report"),
    "role": ("Peran", "Role"),
    "limit": ("Jumlah per halaman", "Page size"),
    "offset": ("Mulai dari", "Offset"),
}

# The short per-field messages of the API (always Indonesian in `Fields`), in English.
MESSAGES_EN: dict[str, str] = {
    "wajib diisi": "required",
    "tidak dikenal": "unknown",
    "tidak valid": "not valid",
    "terlalu panjang": "too long",
    "panjang tidak sesuai": "wrong length",
    "tidak cocok": "does not match",
    "tidak diharapkan": "not expected",
    "terlalu besar": "too large",
    "bukan foto": "not a photo",
}


def label(name: str, lang: str = "id") -> str:
    """The label of a field, e.g. `location.kelurahan` → "Kelurahan"; an unknown name as it is."""
    key = re.sub(r"\[\d+\]", "", name).rsplit(".", 1)[-1]
    if key not in LABELS:
        return name
    return LABELS[key][1 if lang == "en" else 0]


def message(text: str, lang: str = "id") -> str:
    """A per-field message in `lang`; Indonesian when there is no English for it."""
    return MESSAGES_EN.get(text, text) if lang == "en" else text
