"""Words the site shows, in Bahasa Indonesia (first) and English.

Codes (status, kind, rejection reason…) are English in the data; people read these labels.
Templates reach them through the helpers registered as Jinja globals by the plugin.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

LANGS = ("id", "en")

# The codes and their labels are the public dataset's contract, shared with the publisher: one
# file, functions/chalicelib/public_codes.json, read by both sides (tests/test_contract.py).
CODES_FILE = Path(__file__).resolve().parents[2] / "functions" / "chalicelib" / "public_codes.json"
CODES: dict[str, dict[str, dict[str, Any]]] = {
    key: value for key, value in json.loads(CODES_FILE.read_text(encoding="utf-8")).items() if not key.startswith("_")
}


def _labels(group: str, suffix: str = "") -> dict[str, dict[str, str]]:
    return {
        lang: {code: str(entry.get(lang + suffix, entry[lang])) for code, entry in CODES[group].items()}
        for lang in LANGS
    }


STATUSES = tuple(CODES["statuses"])
KINDS = tuple(CODES["kinds"])
REASONS = tuple(CODES["rejection_reasons"])
# A public timeline never holds an edit of the public text (the publisher leaves them out).
UPDATE_TYPES = tuple(code for code, entry in CODES["update_types"].items() if entry.get("public", True))
CHANNELS = tuple(CODES["channels"])
LOCATION_LEVELS = tuple(CODES["location_levels"])
DEADLINE_STEPS = tuple(CODES["deadline_steps"])

STATUS = _labels("statuses")
# The long form says what the status means for the reporter; only `verified` needs it.
STATUS_LONG = _labels("statuses", "_long")
KIND = _labels("kinds")
REASON = _labels("rejection_reasons")
TIMELINE_TYPE = _labels("update_types")
CHANNEL = _labels("channels")
LOCATION_LEVEL = _labels("location_levels")
DEADLINE_STEP = _labels("deadline_steps")
MONTHS = {
    "id": ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember").split(),
    "en": ("January February March April May June July August September October November December").split(),
}

# Interface text. Keys are the same in both languages (a test checks it).
UI: dict[str, dict[str, str]] = {
    "id": {
        "lang_name": "Bahasa Indonesia",
        "skip": "Langsung ke isi",
        "menu": "Menu utama",
        "language": "Bahasa",
        "home": "Beranda",
        "report": "Lapor",
        "track": "Lacak",
        "statistics": "Statistik",
        "agencies": "Instansi",
        "statuses": "Status",
        "how_to": "Cara melapor",
        "privacy": "Privasi",
        "open_data": "Data terbuka",
        "about": "Tentang",
        "tagline": "Sampaikan pengaduan, aspirasi dan permintaan informasi kepada Pemerintah Kota.",
        "licence": "Data laporan publik berlisensi CC BY 4.0.",
        "total_reports": "Laporan masuk",
        "published_reports": "Laporan publik",
        "resolved_reports": "Selesai",
        "in_progress_reports": "Sedang diproses",
        "recent": "Laporan terbaru",
        "no_reports": "Belum ada laporan publik.",
        "all_statistics": "Lihat semua statistik",
        "make_report": "Buat laporan",
        "track_report": "Lacak laporan",
        "tracking": "Nomor lacak",
        "title": "Judul",
        "kind": "Jenis",
        "status": "Status",
        "agency": "Instansi",
        "category": "Kategori",
        "location": "Lokasi",
        "kecamatan": "Kecamatan",
        "kelurahan": "Kelurahan",
        "submitted": "Diterima",
        "verified": "Diverifikasi",
        "first_response": "Tindak lanjut pertama",
        "resolved": "Selesai",
        "updated": "Terakhir diperbarui",
        "channel": "Kanal",
        "count": "Jumlah",
        "share": "Persentase",
        "public_count": "Laporan publik",
        "all_count": "Semua laporan",
        "workdays": "hari kerja",
        "standard": "standar",
        "over_standard": "melebihi standar",
        "not_yet": "belum",
        "unassigned": "Belum ditentukan",
        "page_of": "Halaman {n} dari {m}",
        "page_n": "Halaman {n}",
        "page_newest": "Terbaru",
        "pages_count": "{m} halaman",
        "newer": "Lebih baru",
        "older": "Lebih lama",
        "previous": "Sebelumnya",
        "next": "Berikutnya",
        "pagination": "Navigasi halaman",
        "statistics_title": "Statistik laporan",
        "statistics_intro": "Angka mencakup semua laporan, termasuk yang dirahasiakan "
        "dan yang belum diverifikasi; hanya laporan publik yang punya halaman sendiri.",
        "by_status": "Laporan menurut status",
        "by_agency": "Laporan menurut instansi",
        "by_kind": "Laporan menurut jenis",
        "confidential_reports": "Laporan rahasia (hanya dihitung)",
        "generated": "Data per",
        "service_levels": "Standar layanan",
        "sla_verification": "Verifikasi paling lambat {n} hari kerja",
        "sla_response": "Tindak lanjut pertama instansi paling lambat {n} hari kerja",
        "sla_autoclose": "Ditutup otomatis {n} hari kerja setelah penyelesaian yang tidak ditanggapi",
        "agencies_title": "Laporan menurut instansi",
        "statuses_title": "Laporan menurut status",
        "reports_of": "Laporan",
        "timeline": "Riwayat",
        "photos": "Foto",
        "photo_alt": "Foto dari pelapor, disetujui petugas untuk dipublikasikan",
        "date": "Tanggal",
        "event": "Kejadian",
        "note": "Catatan",
        "description": "Isi laporan",
        "response_time": "Waktu tindak lanjut pertama",
        "resolution_time": "Waktu penyelesaian",
        "rejection": "Alasan penolakan",
        "forwarded_to": "diteruskan ke",
        "duplicate_of": "Duplikat dari",
        "privacy_note": "Identitas pelapor tidak pernah dipublikasikan; data pribadi dalam isi "
        "laporan sudah disamarkan.",
        "track_this": "Lacak laporan ini",
        # report form
        "form_title": "Buat laporan",
        "form_intro": "Laporan Anda diverifikasi petugas paling lambat {n} hari kerja, lalu "
        "diteruskan ke instansi yang berwenang.",
        "required": "wajib",
        "optional": "tidak wajib",
        "kind_legend": "Jenis laporan",
        "title_hint": "10–150 karakter, misalnya \u201cLampu jalan mati di Jl. Hayam Wuruk\u201d.",
        "description_label": "Isi laporan",
        "description_hint": "20–5000 karakter. Ceritakan apa, di mana dan sejak kapan. "
        "Jangan tulis NIK atau nomor telepon di sini.",
        "category_label": "Kategori",
        "category_none": "Tidak tahu (petugas yang menentukan)",
        "kecamatan_choose": "Pilih kecamatan",
        "kelurahan_choose": "Pilih kelurahan (tidak wajib)",
        "address": "Nama jalan atau patokan",
        "address_hint": "Misalnya \u201cJl. Panglima Sudirman dekat masjid\u201d. Jangan tulis nomor rumah.",
        "reporter_legend": "Identitas Anda",
        "reporter_hint": "Tidak wajib. Identitas tidak pernah dipublikasikan; kontak dipakai "
        "petugas bila perlu menanyakan sesuatu.",
        "name": "Nama",
        "phone": "Nomor telepon",
        # Examples are x-ed out: a real-looking number could be some reporter's, and the
        # publication gate would rightly refuse every build that shows it.
        "phone_hint": "Misalnya 08xx-xxxx-xxxx.",
        "email": "Surel",
        "options_legend": "Pilihan privasi",
        "anonymous": "Anonim: sembunyikan identitas saya, juga dari instansi",
        "confidential": "Rahasia: jangan publikasikan laporan ini, hanya dihitung dalam statistik",
        "website": "Jangan isi kolom ini",
        "submit": "Kirim laporan",
        "privacy_link": "Baca apa yang dipublikasikan dan apa yang tidak",
        "result_title": "Laporan terkirim",
        "result_secret": "Kode rahasia",
        "result_keep": "Simpan nomor lacak dan kode rahasia ini. Kode rahasia hanya ditampilkan "
        "sekali dan diperlukan untuk menambah informasi atau mengonfirmasi penyelesaian.",
        # tracking page
        "track_title": "Lacak laporan",
        "track_intro": "Masukkan nomor lacak yang Anda terima saat mengirim laporan.",
        "track_button": "Lacak",
        "followup_title": "Tambah informasi",
        "followup_intro": "Hanya pelapor: perlu nomor lacak dan kode rahasia.",
        "secret": "Kode rahasia",
        "text": "Informasi tambahan",
        "followup_submit": "Kirim informasi",
        "feedback_title": "Konfirmasi penyelesaian",
        "feedback_intro": "Bila instansi menyatakan laporan selesai, beri tahu kami apakah "
        "masalahnya benar-benar selesai. Tanpa jawaban, laporan ditutup otomatis setelah "
        "{n} hari kerja.",
        "accept_legend": "Apakah masalahnya sudah selesai?",
        "accept_yes": "Ya, sudah selesai",
        "accept_no": "Belum, laporan dibuka kembali",
        "feedback_note": "Catatan",
        "feedback_submit": "Kirim konfirmasi",
        # statistics of published reports, charts, suppression
        "all_reports_section": "Semua laporan",
        "published_section": "Laporan publik",
        "published_intro": "Angka di bagian ini dihitung dari laporan publik saja, yaitu baris-baris "
        "reports.csv, sehingga dapat diperiksa ulang dari data terbuka.",
        "not_published_reports": "Tidak dipublikasikan (rahasia, belum diverifikasi, atau ditolak saat diterima)",
        "by_category": "Laporan publik menurut kategori",
        "by_kecamatan": "Laporan publik menurut kecamatan",
        "by_kelurahan": "Laporan publik menurut kelurahan",
        "by_month": "Laporan publik per bulan diterima",
        "by_area_category_month": "Laporan publik menurut kecamatan, kategori dan bulan",
        "published_by_status": "Laporan publik menurut status",
        "published_by_agency": "Laporan publik menurut instansi",
        "month": "Bulan",
        "total": "Jumlah",
        "without_kelurahan": "Tanpa kelurahan (kategori sensitif)",
        "no_category": "Tanpa kategori",
        "suppressed_note": "Untuk melindungi pelapor, jumlah di bawah 5 ditampilkan sebagai “<5”. "
        "Bila satu jumlah kecil saja yang disembunyikan dalam satu baris, jumlah itu bisa dihitung dari "
        "totalnya; karena itu jumlah lain ikut disembunyikan dan ditampilkan sebagai “≥5”.",
        "last_months": "{n} bulan terakhir; semua bulan ada di berkas {file}.",
        "service_times": "Waktu layanan (laporan publik)",
        "measure": "Ukuran",
        "reports_measured": "Laporan yang diukur",
        "median": "Median",
        "mean": "Rata-rata",
        "within_standard": "Memenuhi standar",
        "verification_time": "Verifikasi (dari diterima)",
        "response_time_short": "Tindak lanjut pertama (dari verifikasi)",
        "resolution_time_short": "Penyelesaian (dari diterima)",
        "times_note": "Dalam hari kerja: tanpa akhir pekan, hari libur nasional dan cuti bersama.",
        "chart_bar_desc": "Diagram batang dengan {n} batang. Terbesar: {top} ({value}). Angka lengkap ada di tabel berikut.",
        "chart_line_desc": "Diagram garis dari {first} sampai {last}. Tertinggi: {top} ({value}). Angka lengkap ada di tabel berikut.",
        "chart_empty": "Belum ada data.",
        "download": "Unduh",
        # search and feeds
        "search": "Cari",
        "search_title": "Cari laporan",
        "search_intro": "Cari di semua laporan publik: judul, isi, catatan instansi, kelurahan. "
        "Pencarian berjalan di peramban Anda, tanpa server.",
        "search_noscript": "Pencarian memerlukan JavaScript. Tanpa JavaScript, telusuri laporan menurut "
        "instansi atau status, atau unduh data terbuka.",
        "feed": "Umpan Atom",
        "feed_all": "Pembaruan laporan",
        "feed_agency": "Pembaruan laporan {name}",
        # the open data page
        "snapshots_title": "Arsip harian",
        "snapshots_intro": "Setiap hari data diterbitkan, salinan berkas tabel disimpan di "
        "/data/snapshots/<tanggal>/ bersama SHA256SUMS-nya. Salinan hari ini mengikuti data sampai hari "
        "berakhir; setelah itu tidak pernah diubah lagi: kutiplah arsip bertanggal yang sudah lewat agar "
        "angka Anda tetap bisa diperiksa. Daftar lengkap:",
        "cite_title": "Cara mengutip",
        "cite_hint": "Sebutkan juga tanggal arsip harian yang Anda pakai (misalnya /data/snapshots/2026-11-01/) "
        "dan sidik SHA-256 berkasnya.",
        "dictionary_title": "Kamus data",
        # the transparency log
        "log_title": "Log transparansi",
        "log_intro": "Setiap pembaruan publik dicatat dalam log transparansi yang hanya bisa ditambah, "
        "tidak bisa diubah diam-diam. Periksa dengan kunci verifikasi ini:",
        "log_checkpoint": "Checkpoint terbaru",
        "log_position": "Log #{n}",
        "log_replaced": "menggantikan isi sebelumnya di log #{n}",
        "log_about": "Apa itu log transparansi?",
        "primary_key": "Kunci utama",
        "column": "Kolom",
        "type": "Tipe",
        "field_description": "Keterangan",
    },
    "en": {
        "lang_name": "English",
        "skip": "Skip to content",
        "menu": "Main menu",
        "language": "Language",
        "home": "Home",
        "report": "Report",
        "track": "Track",
        "statistics": "Statistics",
        "agencies": "Agencies",
        "statuses": "Status",
        "how_to": "How to report",
        "privacy": "Privacy",
        "open_data": "Open data",
        "about": "About",
        "tagline": "Send complaints, suggestions and information requests to the city government.",
        "licence": "Public report data is licensed CC BY 4.0.",
        "total_reports": "Reports received",
        "published_reports": "Public reports",
        "resolved_reports": "Resolved",
        "in_progress_reports": "In progress",
        "recent": "Latest reports",
        "no_reports": "No public reports yet.",
        "all_statistics": "See all statistics",
        "make_report": "Make a report",
        "track_report": "Track a report",
        "tracking": "Tracking number",
        "title": "Title",
        "kind": "Kind",
        "status": "Status",
        "agency": "Agency",
        "category": "Category",
        "location": "Location",
        "kecamatan": "District (kecamatan)",
        "kelurahan": "Neighbourhood (kelurahan)",
        "submitted": "Received",
        "verified": "Verified",
        "first_response": "First follow-up",
        "resolved": "Resolved",
        "updated": "Last updated",
        "channel": "Channel",
        "count": "Count",
        "share": "Share",
        "public_count": "Public reports",
        "all_count": "All reports",
        "workdays": "working days",
        "standard": "standard",
        "over_standard": "over the standard",
        "not_yet": "not yet",
        "unassigned": "Not yet assigned",
        "page_of": "Page {n} of {m}",
        "page_n": "Page {n}",
        "page_newest": "Newest",
        "pages_count": "{m} pages",
        "newer": "Newer",
        "older": "Older",
        "previous": "Previous",
        "next": "Next",
        "pagination": "Pages",
        "statistics_title": "Report statistics",
        "statistics_intro": "Figures cover all reports, including confidential and unverified "
        "ones; only public reports have a page of their own.",
        "by_status": "Reports by status",
        "by_agency": "Reports by agency",
        "by_kind": "Reports by kind",
        "confidential_reports": "Confidential reports (counted only)",
        "generated": "Data as of",
        "service_levels": "Service levels",
        "sla_verification": "Verification within {n} working days",
        "sla_response": "Agency's first follow-up within {n} working days",
        "sla_autoclose": "Closed automatically {n} working days after an unanswered resolution",
        "agencies_title": "Reports by agency",
        "statuses_title": "Reports by status",
        "reports_of": "Reports",
        "timeline": "History",
        "photos": "Photos",
        "photo_alt": "Photo from the reporter, approved by an officer for publication",
        "date": "Date",
        "event": "Event",
        "note": "Note",
        "description": "Report",
        "response_time": "Time to first follow-up",
        "resolution_time": "Time to resolution",
        "rejection": "Reason for rejection",
        "forwarded_to": "forwarded to",
        "duplicate_of": "Duplicate of",
        "privacy_note": "Reporters' identities are never published; personal data in the text has been masked.",
        "track_this": "Track this report",
        "form_title": "Make a report",
        "form_intro": "An officer verifies your report within {n} working days and passes it to the agency responsible.",
        "required": "required",
        "optional": "optional",
        "kind_legend": "Kind of report",
        "title_hint": "10–150 characters, e.g. \u201cStreet light out on Jl. Hayam Wuruk\u201d.",
        "description_label": "Your report",
        "description_hint": "20–5000 characters. Say what, where and since when. "
        "Do not write ID numbers or phone numbers here.",
        "category_label": "Category",
        "category_none": "Not sure (an officer decides)",
        "kecamatan_choose": "Choose a district",
        "kelurahan_choose": "Choose a neighbourhood (optional)",
        "address": "Street name or landmark",
        "address_hint": "E.g. \u201cJl. Panglima Sudirman near the mosque\u201d. Do not write a house number.",
        "reporter_legend": "About you",
        "reporter_hint": "Optional. Your identity is never published; officers use your "
        "contact only if they need to ask you something.",
        "name": "Name",
        "phone": "Phone number",
        "phone_hint": "E.g. 08xx-xxxx-xxxx.",
        "email": "Email",
        "options_legend": "Privacy options",
        "anonymous": "Anonymous: hide my identity, also from the agency",
        "confidential": "Confidential: do not publish this report, only count it in statistics",
        "website": "Leave this field empty",
        "submit": "Send report",
        "privacy_link": "Read what is published and what is not",
        "result_title": "Report sent",
        "result_secret": "Secret code",
        "result_keep": "Keep the tracking number and this secret code. The secret is shown only "
        "once; you need it to add information or to confirm a resolution.",
        "track_title": "Track a report",
        "track_intro": "Enter the tracking number you received when you sent your report.",
        "track_button": "Track",
        "followup_title": "Add information",
        "followup_intro": "Reporters only: you need the tracking number and the secret code.",
        "secret": "Secret code",
        "text": "More information",
        "followup_submit": "Send information",
        "feedback_title": "Confirm a resolution",
        "feedback_intro": "When the agency says a report is resolved, tell us whether the "
        "problem is really solved. Without an answer the report closes automatically after "
        "{n} working days.",
        "accept_legend": "Is the problem solved?",
        "accept_yes": "Yes, it is solved",
        "accept_no": "No, reopen the report",
        "feedback_note": "Note",
        "feedback_submit": "Send confirmation",
        "all_reports_section": "All reports",
        "published_section": "Public reports",
        "published_intro": "Figures in this part count public reports only, the rows of reports.csv, "
        "so they can be checked against the open data.",
        "not_published_reports": "Not published (confidential, not yet verified, or rejected on receipt)",
        "by_category": "Public reports by category",
        "by_kecamatan": "Public reports by district",
        "by_kelurahan": "Public reports by neighbourhood",
        "by_month": "Public reports per month received",
        "by_area_category_month": "Public reports by district, category and month",
        "published_by_status": "Public reports by status",
        "published_by_agency": "Public reports by agency",
        "month": "Month",
        "total": "Total",
        "without_kelurahan": "Without neighbourhood (sensitive categories)",
        "no_category": "No category",
        "suppressed_note": "To protect reporters, counts below 5 are shown as “<5”. Where a single "
        "small count would be hidden in a row, it could be worked out from the total, so another count is "
        "hidden too and shown as “≥5”.",
        "last_months": "The last {n} months; every month is in the file {file}.",
        "service_times": "Service times (public reports)",
        "measure": "Measure",
        "reports_measured": "Reports measured",
        "median": "Median",
        "mean": "Mean",
        "within_standard": "Within the standard",
        "verification_time": "Verification (from receipt)",
        "response_time_short": "First follow-up (from verification)",
        "resolution_time_short": "Resolution (from receipt)",
        "times_note": "In working days: weekends, public holidays and collective leave days excluded.",
        "chart_bar_desc": "Bar chart with {n} bars. Largest: {top} ({value}). The full figures are in the table below.",
        "chart_line_desc": "Line chart from {first} to {last}. Highest: {top} ({value}). The full figures are in the table below.",
        "chart_empty": "No data yet.",
        "download": "Download",
        "search": "Search",
        "search_title": "Search reports",
        "search_intro": "Search all public reports: titles, texts, agencies' notes, neighbourhoods. "
        "The search runs in your browser, without a server.",
        "search_noscript": "Search needs JavaScript. Without it, browse reports by agency or status, or "
        "download the open data.",
        "feed": "Atom feed",
        "feed_all": "Report updates",
        "feed_agency": "Report updates of {name}",
        "snapshots_title": "Daily snapshots",
        "snapshots_intro": "Every day data is published, a copy of the table files is kept under "
        "/data/snapshots/<date>/ with its SHA256SUMS. Today's copy follows the data until the day ends; "
        "after that it never changes: cite a past dated snapshot so that your figures stay checkable. "
        "The full list:",
        "cite_title": "How to cite",
        "cite_hint": "Also give the date of the snapshot you used (e.g. /data/snapshots/2026-11-01/) and the "
        "SHA-256 of its files.",
        "dictionary_title": "Data dictionary",
        # the transparency log
        "log_title": "Transparency log",
        "log_intro": "Every public update is recorded in an append-only transparency log that cannot be "
        "changed quietly. Check it with this verifier key:",
        "log_checkpoint": "Latest checkpoint",
        "log_position": "Log #{n}",
        "log_replaced": "replaces earlier content at log #{n}",
        "log_about": "What is the transparency log?",
        "primary_key": "Primary key",
        "column": "Column",
        "type": "Type",
        "field_description": "Description",
    },
}

# Service levels, the reporter's rating and duplicates (issue 10), in both languages; the steps
# are public_codes.json's deadline_steps.
ACCOUNTABILITY_UI: dict[str, dict[str, str]] = {
    "id": {
        "overdue": "Terlambat",
        "overdue_note": "Batas waktu {step} sudah lewat ({day}).",
        "deadline_note": "Batas waktu {step}: {day}.",
        "rating": "Penilaian pelapor",
        "rating_value": "{n} dari 5",
        "rating_none": "Pelapor belum memberi penilaian.",
        "duplicates": "Laporan lain tentang hal yang sama",
        "league": "Kinerja instansi terhadap standar layanan",
        "league_intro": "Dihitung dari laporan yang dipublikasikan, per {day}. Terlambat: batas waktu "
        "verifikasi atau tindak lanjut pertama sudah lewat.",
        "open_now": "Terbuka",
        "overdue_now": "Terlambat",
        "median_verification": "Median hari kerja sampai verifikasi",
        "median_response": "Median hari kerja sampai tindak lanjut pertama",
        "median_resolution": "Median hari kerja sampai selesai",
        "within_share": "Sesuai standar",
        "reopen_rate": "Dibuka kembali",
        "mean_rating": "Rata-rata penilaian",
        "scroll_hint": "Geser tabel ke samping untuk melihat semua kolom.",
        "similar": "Apakah laporan Anda sama dengan ini?",
        "similar_note": "Laporan Anda sudah tercatat. Bila isinya sama, Anda dapat mengikuti laporan yang sudah ada:",
        "follow": "Ikuti laporan ini",
        "rating_legend": "Seberapa puas Anda dengan penyelesaiannya?",
        "rating_hint": "Bila Anda menyatakan selesai: 1 sangat tidak puas, 5 sangat puas.",
        "photos_label": "Foto",
        "photos_hint": "Paling banyak 3 foto (JPEG, PNG atau WebP, masing-masing paling besar 5 MB). Foto baru "
        "dipublikasikan setelah diperiksa petugas.",
    },
    "en": {
        "overdue": "Overdue",
        "overdue_note": "The deadline for {step} has passed ({day}).",
        "deadline_note": "Deadline for {step}: {day}.",
        "rating": "Reporter's rating",
        "rating_value": "{n} out of 5",
        "rating_none": "The reporter has not rated it yet.",
        "duplicates": "Other reports about the same thing",
        "league": "How agencies meet the service levels",
        "league_intro": "Counted over published reports, as of {day}. Overdue: the deadline for "
        "verification or the first follow-up has passed.",
        "open_now": "Open",
        "overdue_now": "Overdue",
        "median_verification": "Median working days to verification",
        "median_response": "Median working days to first follow-up",
        "median_resolution": "Median working days to resolution",
        "within_share": "Within the service levels",
        "reopen_rate": "Reopened",
        "mean_rating": "Mean rating",
        "scroll_hint": "Scroll the table sideways to see every column.",
        "similar": "Is your report the same as this one?",
        "similar_note": "Your report is recorded. If it is about the same thing, you can follow the existing report:",
        "follow": "Follow this report",
        "rating_legend": "How satisfied are you with the resolution?",
        "rating_hint": "When you confirm: 1 very unsatisfied, 5 very satisfied.",
        "photos_label": "Photos",
        "photos_hint": "Up to 3 photos (JPEG, PNG or WebP, at most 5 MB each). Photos are published only after "
        "an officer checks them.",
    },
}
for _lang, _extra in ACCOUNTABILITY_UI.items():
    UI[_lang].update(_extra)
    UI[_lang].update(
        {
            f"step_{code}": label.lower() if _lang == "en" else label[0].lower() + label[1:]
            for code, label in DEADLINE_STEP[_lang].items()
        }
    )

# Messages for the form scripts, embedded as JSON in the pages that need them.
JS_MESSAGES = {
    "id": {
        "required": "Wajib diisi.",
        "kind": "Pilih jenis laporan.",
        "kecamatan": "Pilih kecamatan.",
        "too_short": "Terlalu pendek: paling sedikit {n} karakter.",
        "too_long": "Terlalu panjang: paling banyak {n} karakter.",
        "phone": "Nomor telepon tidak valid, contoh 08xx-xxxx-xxxx.",
        "email": "Alamat surel tidak valid.",
        "fix": "Periksa kembali isian yang ditandai.",
        "network": "Tidak dapat menghubungi server. Periksa koneksi lalu coba lagi.",
        "sending": "Mengirim…",
        "not_found": "Nomor lacak tidak ditemukan.",
        "sent": "Terkirim. Terima kasih.",
        "public_page": "Halaman publik laporan ini",
        "photos_count": "Paling banyak {n} foto.",
        "photo_size": "Setiap foto paling besar {n} MB.",
    },
    "en": {
        "required": "Required.",
        "kind": "Choose the kind of report.",
        "kecamatan": "Choose a district.",
        "too_short": "Too short: at least {n} characters.",
        "too_long": "Too long: at most {n} characters.",
        "phone": "Not a valid phone number, e.g. 08xx-xxxx-xxxx.",
        "email": "Not a valid email address.",
        "fix": "Please check the marked fields.",
        "network": "Cannot reach the server. Check your connection and try again.",
        "sending": "Sending…",
        "not_found": "Tracking number not found.",
        "sent": "Sent. Thank you.",
        "public_page": "Public page of this report",
        "photos_count": "At most {n} photos.",
        "photo_size": "Each photo may be at most {n} MB.",
    },
}


def status_label(code: str | None, lang: str = "id", long: bool = False) -> str:
    table = STATUS_LONG if long else STATUS
    return table.get(lang, table["id"]).get(code or "", code or "")


def kind_label(code: str | None, lang: str = "id") -> str:
    return KIND.get(lang, KIND["id"]).get(code or "", code or "")


def reason_label(code: str | None, lang: str = "id") -> str:
    return REASON.get(lang, REASON["id"]).get(code or "", code or "")


def channel_label(code: str | None, lang: str = "id") -> str:
    return CHANNEL.get(lang, CHANNEL["id"]).get(code or "", code or "")


def event_label(entry: dict, lang: str = "id") -> str:
    """What a timeline entry was: the status it set, or the kind of update."""
    if entry.get("type", "status") == "status":
        return status_label(entry.get("status"), lang)
    return TIMELINE_TYPE.get(lang, TIMELINE_TYPE["id"]).get(entry["type"], entry["type"])


def format_date(value: str | None, lang: str = "id") -> str:
    """`2026-03-02` → `2 Maret 2026` / `2 March 2026`; unparsable values pass through."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{day.day} {MONTHS.get(lang, MONTHS['id'])[day.month - 1]} {day.year}"


def format_number(value: object, lang: str = "id") -> str:
    # Missing figures (no stats.json yet, a count the publisher left out) show as a dash.
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "–"
    text = f"{value:,}"
    # Indonesian groups thousands with a dot.
    return text.replace(",", ".") if lang == "id" else text


def format_decimal(value: object, lang: str = "id") -> str:
    """A figure with at most one decimal: `2,5` / `2.5`, `3` for whole numbers."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "–"
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "id" else text


def month_label(value: str, lang: str = "id", short: bool = False) -> str:
    """`2026-03` → `Maret 2026` / `March 2026` (`Mar 2026` when short)."""
    try:
        year, month = value.split("-")
        name = MONTHS.get(lang, MONTHS["id"])[int(month) - 1]
    except (ValueError, IndexError):
        return value
    return f"{name[:3] if short else name} {year}"


def format_percent(share: object, lang: str = "id") -> str:
    """A fraction (0.2336) as a percentage with one decimal: `23,4%` / `23.4%`."""
    if not isinstance(share, int | float) or isinstance(share, bool):
        return "–"
    text = f"{share * 100:.1f}%"
    return text.replace(".", ",") if lang == "id" else text
