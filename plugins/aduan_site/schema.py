"""The open data's tables, described once: fields, types, codes, keys, in Indonesian and English.

Everything that writes or explains a table reads it from here: the CSV writers (column order),
datapackage.json (Frictionless Table Schema), the SQLite file for Datasette (column types) and
the data dictionary on the open data page. A column added here appears in all four; none of
them can drift from the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .labels import (
    CHANNEL,
    CHANNELS,
    DEADLINE_STEP,
    DEADLINE_STEPS,
    KINDS,
    LOCATION_LEVELS,
    REASONS,
    STATUSES,
    TIMELINE_TYPE,
    UPDATE_TYPES,
)

SUPPRESSION_MARKS = ("<5", "≥5")  # a small count; a larger count withheld so a small one stays hidden
TRACKING_PATTERN = "^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"

# Frictionless type → SQLite column type.
SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "date": "TEXT",
    "yearmonth": "TEXT",
    "boolean": "INTEGER",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    id: str  # description in Bahasa Indonesia
    en: str  # description in English
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    def descriptor(self) -> dict[str, Any]:
        """The field as a Frictionless Table Schema field."""
        result: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": self.en,
            "description_id": self.id,
        }
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            result["constraints"] = constraints
        return result


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str  # the resource name and the SQLite table name
    path: str  # under /data/
    title_id: str
    title_en: str
    id: str  # what a row is, in Bahasa Indonesia
    en: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    in_sqlite: bool = True

    @cached_property
    def columns(self) -> tuple[str, ...]:
        # Cached: the CSV writer asks for it once per row (a frozen dataclass still has a
        # __dict__ for cached_property to keep it in).
        return tuple(f.name for f in self.fields)

    def table_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [f.descriptor() for f in self.fields], "primaryKey": list(self.primary_key)}
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": list(fk.fields), "reference": {"resource": fk.table, "fields": list(fk.reference)}}
                for fk in self.foreign_keys
            ]
        return schema

    def resource(self) -> dict[str, Any]:
        """The table as a Frictionless data resource of datapackage.json."""
        return {
            "profile": "tabular-data-resource",
            "name": self.name,
            "path": self.path,
            "title": self.title_en,
            "title_id": self.title_id,
            "description": self.en,
            "description_id": self.id,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": self.table_schema(),
        }

    def create_sql(self) -> str:
        """CREATE TABLE with the same columns, key and references (Datasette links them)."""
        lines = []
        for f in self.fields:
            not_null = " NOT NULL" if f.required or f.name in self.primary_key else ""
            lines.append(f'  "{f.name}" {SQL_TYPES[f.type]}{not_null}')
        lines.append(f"  PRIMARY KEY ({', '.join(self.primary_key)})")
        for fk in self.foreign_keys:
            if fk.table in SQLITE_TABLES:
                lines.append(
                    f"  FOREIGN KEY ({', '.join(fk.fields)}) REFERENCES {fk.table} ({', '.join(fk.reference)})"
                )
        return f'CREATE TABLE "{self.name}" (\n' + ",\n".join(lines) + "\n)"


def _f(name: str, type_: str, id_: str, en: str, **kwargs: Any) -> Field:
    return Field(name, type_, id_, en, **kwargs)


REPORTS = Table(
    name="reports",
    path="reports.csv",
    title_id="Laporan publik",
    title_en="Public reports",
    id="Satu baris per laporan yang dipublikasikan (sudah diverifikasi dan tidak dirahasiakan).",
    en="One row per published report (verified and not confidential).",
    fields=(
        _f(
            "tracking",
            "string",
            "Nomor lacak laporan",
            "The report's tracking number",
            required=True,
            pattern=TRACKING_PATTERN,
        ),
        _f("kind", "string", "Jenis laporan", "Kind of report", required=True, enum=KINDS),
        _f(
            "title",
            "string",
            "Judul seperti dipublikasikan (data pribadi disamarkan)",
            "Title as published (personal data masked)",
            required=True,
        ),
        _f(
            "description",
            "string",
            "Isi laporan seperti dipublikasikan (data pribadi disamarkan)",
            "Text as published (personal data masked)",
        ),
        _f(
            "agency",
            "string",
            "Kode instansi yang menangani (lihat agencies.csv)",
            "Id of the agency responsible (see agencies.csv)",
        ),
        _f("agency_name", "string", "Nama singkat instansi", "Short name of the agency"),
        _f("category", "string", "Kode kategori (lihat categories.csv)", "Category id (see categories.csv)"),
        _f("category_name", "string", "Nama kategori", "Category name"),
        _f("status", "string", "Status saat ini", "Current status", required=True, enum=STATUSES),
        _f(
            "rejection_reason",
            "string",
            "Alasan penolakan, bila ditolak",
            "Reason for rejection, if rejected",
            enum=REASONS,
        ),
        _f(
            "forwarded_to",
            "string",
            "Tujuan penerusan bila di luar kewenangan Pemerintah Kota",
            "Where the report was forwarded when outside the city's remit",
        ),
        _f(
            "duplicate_of",
            "string",
            "Nomor lacak laporan yang diduplikasi",
            "Tracking number of the report it duplicates",
            pattern=TRACKING_PATTERN,
        ),
        _f("kecamatan", "string", "Kecamatan", "District (kecamatan)", required=True),
        _f(
            "kelurahan",
            "string",
            "Kelurahan; kosong untuk kategori sensitif",
            "Neighbourhood (kelurahan); empty for sensitive categories",
        ),
        _f(
            "lat",
            "number",
            "Lintang titik tengah kelurahan (atau kecamatan), bukan lokasi pelapor",
            "Latitude of the kelurahan's (or kecamatan's) centre, never the reporter's point",
            minimum=-90,
            maximum=90,
        ),
        _f(
            "lon",
            "number",
            "Bujur titik tengah kelurahan (atau kecamatan)",
            "Longitude of the kelurahan's (or kecamatan's) centre",
            minimum=-180,
            maximum=180,
        ),
        _f(
            "location_level",
            "string",
            "Lat/lon adalah titik tengah wilayah ini: kelurahan, atau kecamatan untuk kategori sensitif",
            "What lat/lon are the centre of: the kelurahan, or the kecamatan for sensitive categories",
            enum=LOCATION_LEVELS,
        ),
        _f(
            "coordinates_surveyed",
            "boolean",
            "Benar bila titik tengah wilayah diambil dari batas wilayah yang disurvei; salah bila masih "
            "titik perkiraan (jangan dipakai untuk peta)",
            "True when the area centres come from surveyed boundaries; false while they are placeholders "
            "(do not use them for maps)",
        ),
        _f(
            "channel",
            "string",
            "Kanal masuk: " + ", ".join(f"{c} ({CHANNEL['id'][c]})" for c in CHANNELS),
            "Channel: " + ", ".join(f"{c} ({CHANNEL['en'][c]})" for c in CHANNELS),
            enum=CHANNELS,
        ),
        _f("submitted", "date", "Tanggal laporan diterima (WIB)", "Day the report was received (WIB)", required=True),
        _f("verified", "date", "Tanggal verifikasi", "Day it was verified"),
        _f("first_response", "date", "Tanggal tindak lanjut pertama instansi", "Day of the agency's first follow-up"),
        _f("resolved", "date", "Tanggal dinyatakan selesai", "Day it was resolved"),
        _f(
            "verification_workdays",
            "integer",
            "Hari kerja dari diterima sampai diverifikasi",
            "Working days from receipt to verification",
            minimum=0,
        ),
        _f(
            "response_workdays",
            "integer",
            "Hari kerja dari verifikasi sampai tindak lanjut pertama",
            "Working days from verification to the first follow-up",
            minimum=0,
        ),
        _f(
            "resolution_workdays",
            "integer",
            "Hari kerja dari diterima sampai selesai",
            "Working days from receipt to resolution",
            minimum=0,
        ),
        _f("updated", "date", "Tanggal perubahan terakhir", "Day of the latest update", required=True),
        _f(
            "deadline_step",
            "string",
            "Langkah yang sedang ditunggu menurut standar layanan: "
            + ", ".join(f"{c} ({DEADLINE_STEP['id'][c]})" for c in DEADLINE_STEPS),
            "The step the service levels are waiting for: "
            + ", ".join(f"{c} ({DEADLINE_STEP['en'][c]})" for c in DEADLINE_STEPS),
            enum=DEADLINE_STEPS,
        ),
        _f(
            "deadline",
            "date",
            "Batas waktu langkah itu (hari kerja menurut standar layanan wilayah)",
            "Last day for that step (working days under the region's service levels)",
        ),
        _f(
            "overdue",
            "boolean",
            "Benar bila batas waktu langkah yang ditunggu sudah lewat pada tanggal data ini dibuat",
            "True when the awaited step's deadline had passed on the day this data was made",
        ),
        _f(
            "rating",
            "integer",
            "Penilaian pelapor atas penyelesaian (1–5), bila diberikan",
            "The reporter's rating of the resolution (1–5), if given",
            minimum=1,
            maximum=5,
        ),
    ),
    primary_key=("tracking",),
    foreign_keys=(
        ForeignKey(("agency",), "agencies", ("id",)),
        ForeignKey(("category",), "categories", ("id",)),
        ForeignKey(("kecamatan",), "kecamatan", ("kecamatan",)),
    ),
)

UPDATES = Table(
    name="updates",
    path="updates.csv",
    title_id="Riwayat publik",
    title_en="Public timeline",
    id="Satu baris per entri riwayat publik sebuah laporan, berurutan.",
    en="One row per public timeline entry of a report, in order.",
    fields=(
        _f(
            "tracking",
            "string",
            "Nomor lacak laporan",
            "The report's tracking number",
            required=True,
            pattern=TRACKING_PATTERN,
        ),
        _f(
            "seq",
            "integer",
            "Urutan entri dalam riwayat laporan, mulai 1",
            "Position in the report's timeline, from 1",
            required=True,
            minimum=1,
        ),
        _f("date", "date", "Tanggal (WIB)", "Day (WIB)", required=True),
        _f(
            "type",
            "string",
            "Jenis entri: " + ", ".join(f"{t} ({TIMELINE_TYPE['id'][t]})" for t in UPDATE_TYPES),
            "Entry type: " + ", ".join(f"{t} ({TIMELINE_TYPE['en'][t]})" for t in UPDATE_TYPES),
            required=True,
            enum=UPDATE_TYPES,
        ),
        _f(
            "status",
            "string",
            "Status yang ditetapkan (untuk entri status)",
            "Status set (status entries)",
            enum=STATUSES,
        ),
        _f("agency", "string", "Instansi pada saat itu", "Agency at that point"),
        _f("note", "string", "Catatan publik (data pribadi disamarkan)", "Public note (personal data masked)"),
    ),
    primary_key=("tracking", "seq"),
    foreign_keys=(
        ForeignKey(("tracking",), "reports", ("tracking",)),
        ForeignKey(("agency",), "agencies", ("id",)),
    ),
)

AGENCIES = Table(
    name="agencies",
    path="agencies.csv",
    title_id="Instansi",
    title_en="Agencies",
    id="Instansi (OPD) wilayah ini dengan jumlah laporannya.",
    en="The region's agencies (OPD) with their report counts.",
    fields=(
        _f("id", "string", "Kode instansi", "Agency id", required=True),
        _f("short_name", "string", "Nama singkat", "Short name"),
        _f("name", "string", "Nama lengkap", "Full name"),
        _f(
            "published_reports",
            "integer",
            "Jumlah laporan publik (baris reports.csv)",
            "Published reports (rows of reports.csv)",
            required=True,
            minimum=0,
        ),
        _f(
            "all_reports",
            "integer",
            "Jumlah semua laporan, termasuk yang rahasia dan belum diverifikasi (stats.json)",
            "All reports, including confidential and unverified ones (stats.json)",
            minimum=0,
        ),
    ),
    primary_key=("id",),
)

CATEGORIES = Table(
    name="categories",
    path="categories.csv",
    title_id="Kategori",
    title_en="Categories",
    id="Kategori laporan dan instansi tujuan bawaannya.",
    en="Report categories and the agency each is routed to by default.",
    fields=(
        _f("id", "string", "Kode kategori", "Category id", required=True),
        _f("name", "string", "Nama (Bahasa Indonesia)", "Name (Indonesian)"),
        _f("name_en", "string", "Nama (Bahasa Inggris)", "Name (English)"),
        _f("agency", "string", "Instansi tujuan bawaan", "Default agency"),
        _f(
            "sensitive",
            "boolean",
            "Kategori sensitif: lokasi dipublikasikan hanya sampai kecamatan",
            "Sensitive category: location published down to the kecamatan only",
        ),
        _f("published_reports", "integer", "Jumlah laporan publik", "Published reports", required=True, minimum=0),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("agency",), "agencies", ("id",)),),
)

_COUNT = _f(
    "count",
    "integer",
    "Jumlah laporan publik; kosong bila disembunyikan (lihat suppressed)",
    "Published reports; empty when withheld (see suppressed)",
    minimum=0,
)
_SUPPRESSED = _f(
    "suppressed",
    "string",
    "<5: jumlah kecil (0–4) disembunyikan; ≥5: disembunyikan agar jumlah kecil tidak bisa dihitung ulang",
    "<5: a small count (0–4) withheld; ≥5: withheld so that a small count cannot be worked out",
    enum=SUPPRESSION_MARKS,
)

KECAMATAN = Table(
    name="kecamatan",
    path="statistics/kecamatan.csv",
    title_id="Laporan publik per kecamatan",
    title_en="Published reports by kecamatan",
    id="Jumlah laporan publik per kecamatan, termasuk yang kelurahannya tidak dipublikasikan.",
    en="Published reports per kecamatan, including those whose kelurahan is not published.",
    fields=(
        _f("kecamatan", "string", "Kecamatan", "District (kecamatan)", required=True),
        _f("published_reports", "integer", "Jumlah laporan publik", "Published reports", required=True, minimum=0),
        _f(
            "without_kelurahan",
            "integer",
            "Di antaranya tanpa kelurahan (kategori sensitif)",
            "Of which without a kelurahan (sensitive categories)",
            required=True,
            minimum=0,
        ),
    ),
    primary_key=("kecamatan",),
    in_sqlite=False,
)

KELURAHAN = Table(
    name="kelurahan",
    path="statistics/kelurahan.csv",
    title_id="Laporan publik per kelurahan",
    title_en="Published reports by kelurahan",
    id="Jumlah laporan publik per kelurahan; jumlah di bawah 5 disembunyikan.",
    en="Published reports per kelurahan; counts below 5 are withheld.",
    fields=(
        _f("kecamatan", "string", "Kecamatan", "District (kecamatan)", required=True),
        _f("kelurahan", "string", "Kelurahan", "Neighbourhood (kelurahan)", required=True),
        _COUNT,
        _SUPPRESSED,
    ),
    primary_key=("kecamatan", "kelurahan"),
    foreign_keys=(ForeignKey(("kecamatan",), "kecamatan", ("kecamatan",)),),
    in_sqlite=False,
)

AREA_CATEGORY_MONTH = Table(
    name="kecamatan_category_month",
    path="statistics/kecamatan_category_month.csv",
    title_id="Laporan publik per kecamatan, kategori dan bulan",
    title_en="Published reports by kecamatan, category and month",
    id="Jumlah laporan publik per kecamatan, kategori dan bulan diterima; jumlah di bawah 5 disembunyikan.",
    en="Published reports per kecamatan, category and month of receipt; counts below 5 are withheld.",
    fields=(
        _f("kecamatan", "string", "Kecamatan", "District (kecamatan)", required=True),
        _f("category", "string", "Kode kategori", "Category id", required=True),
        _f(
            "month",
            "yearmonth",
            "Bulan laporan diterima (YYYY-MM)",
            "Month the reports were received (YYYY-MM)",
            required=True,
        ),
        _COUNT,
        _SUPPRESSED,
    ),
    primary_key=("kecamatan", "category", "month"),
    foreign_keys=(
        ForeignKey(("kecamatan",), "kecamatan", ("kecamatan",)),
        ForeignKey(("category",), "categories", ("id",)),
    ),
    in_sqlite=False,
)

TABLES: tuple[Table, ...] = (REPORTS, UPDATES, AGENCIES, CATEGORIES, KECAMATAN, KELURAHAN, AREA_CATEGORY_MONTH)
SQLITE_TABLES = {t.name for t in TABLES if t.in_sqlite}
# reports.json carries the same fields as reports.csv.
REPORT_FIELDS = REPORTS.columns


def dictionary(lang: str) -> list[dict[str, Any]]:
    """The data dictionary for the open data page: every table and field, in `lang`."""
    result = []
    for table in TABLES:
        result.append(
            {
                "name": table.name,
                "path": table.path,
                "title": table.title_id if lang == "id" else table.title_en,
                "description": table.id if lang == "id" else table.en,
                "primary_key": table.primary_key,
                "foreign_keys": [(fk.fields, fk.table, fk.reference) for fk in table.foreign_keys],
                "fields": [
                    {
                        "name": f.name,
                        "type": f.type,
                        "required": f.required,
                        "enum": f.enum,
                        "description": f.id if lang == "id" else f.en,
                    }
                    for f in table.fields
                ],
            }
        )
    return result
