"""Not a name, a table's place or label: the cells of a column its header calls a place, and the header itself.

A table pasted into a complaint ("Kecamatan | Kelurahan | Jumlah KK", "Lokasi<TAB>Status") writes its
places as capitalised words, cell after cell, just like names. The header says what a column holds:
under "Lokasi", "Kecamatan", "Kelurahan", "Desa", "Wilayah", "Tempat", "Jalan", "Instansi", "Dinas" the
cells are places and bodies, never people; and the header's own words ("Keluhan", "Petugas",
"Keterangan") are labels. Only tables whose cells are split by bars or tabs are read: a row is a line
with the same number of separators as the header line above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_word

if TYPE_CHECKING:
    from .names import _Names

# Words of a column's header whose cells are places or bodies, not persons
PLACE_HEADERS = frozenset(
    "lokasi kecamatan kelurahan kel kec desa dusun kampung wilayah daerah tempat lokasinya jalan jln jl ruas "
    "alamat kota kabupaten kab provinsi instansi dinas opd unit skpd satker tujuan asal rute trayek titik "
    "pasar sekolah puskesmas kantor gedung faskes nagari gampong banjar distrik lingkungan dukuh".split()
)
# Places named after their owner: the word after them is a person ("rumah Wagiyem", "warung Bu Tini")
OWNED = frozenset(
    "rumah rmh warung toko kios lapak kediaman kontrakan kos kost tanah sawah kebun pekarangan milik makam "
    "almarhum alm almarhumah".split()
)
# Words of a header that name persons: such a column is left to the name rules
PERSON_HEADERS = frozenset("nama pelapor petugas pemilik terlapor warga penerima saksi ketua pj pic".split())
# Other words a header is made of
_LABELS = frozenset(
    "no nomor tanggal tgl waktu jam keterangan ket status keluhan kejadian jumlah total kondisi tindak lanjut "
    "kategori jenis uraian masalah catatan hasil prioritas".split()
)


def _label_word(low: str) -> bool:
    return low in _LABELS or low in PLACE_HEADERS or _is_word(low) and low not in _LEX.names


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The cells of a line as (start, end) offsets within the line, split at `sep`."""
    cells, start = [], 0
    for k, char in enumerate(line):
        if char == sep:
            cells.append((start, k))
            start = k + 1
    cells.append((start, len(line)))
    return cells


def table_columns(finder: _Names) -> list[tuple[int, int, bool]]:
    """The character spans of the text that are header cells or cells of a place column, as
    (start, end, is_header)."""
    text = finder.doc.text
    if "|" not in text and "\t" not in text:
        return []
    found: list[tuple[int, int, bool]] = []
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    header: tuple[str, int, list[int]] | None = None  # separator, its count, the place columns
    for start, line in lines:
        sep = "|" if line.count("|") >= 1 else "\t" if line.count("\t") >= 1 else ""
        if not sep or not line.strip(" |\t-:"):
            if not sep:
                header = None
            continue
        cells = _cells(line, sep)
        count = line.count(sep)
        if header is None or header[0] != sep or header[1] != count:
            words = [set(line[a:b].lower().replace(".", " ").split()) for a, b in cells]
            if not any(ws & (PLACE_HEADERS | PERSON_HEADERS | _LABELS) for ws in words):
                header = None  # a row with no header above it: nothing is known of its columns
                continue
            places = [c for c, ws in enumerate(words) if ws & PLACE_HEADERS and not ws & PERSON_HEADERS]
            header = (sep, count, places)
            # a header's cells are labels when each is made of Indonesian words ("Keluhan", "Jumlah KK")
            # (no word of a name list: "Bunga | ketua | 0812..." is a row of people, not a header)
            labels = [cell for cell, ws in zip(cells, words, strict=True) if ws and all(map(_label_word, ws))]
            found += [(start + a, start + b, True) for a, b in labels]
            continue
        for c in header[2]:
            if c < len(cells):
                a, b = cells[c]
                found.append((start + a, start + b, False))
    return found


def in_table_column(finder: _Names, first: int, last: int, columns: list[tuple[int, int, bool]]) -> bool:
    """Whether tokens first..last lie wholly in a header cell or a cell of a place column."""
    if not columns:
        return False
    start, end = finder.tokens[first].start, finder.tokens[last].end
    inside = [header for a, b, header in columns if a <= start and end <= b]
    if not inside:
        return False
    if inside[0]:
        return True
    # a cell of a place column: unless a listed name or an honorific says a person is meant ("Rumah Pak
    # Darmo" under "Lokasi")
    tokens = finder.tokens
    if any(finder.is_name(k) for k in range(first, last + 1)):
        return False
    # not "Rumah Pak Darmo", "warung Wagiyem": a person after an honorific or as the owner of a place
    before = first - 1
    return not (
        before >= 0
        and (tokens[before].low in _LEX.honorifics or tokens[before].low in OWNED or finder.is_title(before))
    )
