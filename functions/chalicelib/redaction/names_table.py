"""Names in the person column of a table, whatever its separator (issue 11).

Citizens paste tables of people into a complaint: the recipients of aid who got nothing, the
witnesses, the households of a flooded street. A table's header says which column holds people
("Nama", "Nama Penerima", "nama warga", "Penerima", "Saksi"), and every cell under it is a person,
whatever its words are ("colli pujie", "Baso Tang", "wa ode sitti"), in any case. ``names.py`` reads
tables written with bars and a bare "Nama" header; this module reads the other separators too (tabs,
semicolons, commas, columns aligned with spaces, Markdown's rule rows) and headers that name a person
with more words. The header's own cells are labels, never names ("Umur", "Keterangan").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .lexicon import _LEX, _is_word

if TYPE_CHECKING:
    from .names import _Names

# Separators of a table's cells, tried in this order on the header line
_SEPARATORS = (re.compile(r"\|"), re.compile(r"\t"), re.compile(r";"), re.compile(r" {2,}"), re.compile(r","))
# Headers of a column of people, alone or after "nama" ("Nama Penerima", "nama warga")
_PEOPLE = frozenset(
    "lengkap warga penerima pelapor saksi petugas pasien kk kepala ayah ibu anak siswa murid peserta pemilik "
    "korban pelaku terlapor pedagang pengemudi sopir orang anggota ahli istri suami calon balita lansia "
    "nasabah karyawan pegawai guru bidan dokter keluarga pengurus panitia relawan tersangka pembeli "
    "penghuni penyewa panggilan keluarga tamu wna turis wisatawan pengunjung pemandu instruktur".split()
)
# Alone: "Penerima", "Warga", "Pedagang", "Marga" (a Batak clan column), "Panggilan" (a nickname column)
_ALONE = frozenset(
    "penerima pelapor saksi pasien korban pelaku terlapor pemilik marga fam panggilan alias warga pedagang "
    "petugas sopir pengemudi ketua koordinator pj siswa murid wali pemohon peserta anggota nasabah pelanggan "
    "penghuni penyewa tersangka guru dokter bidan perawat relawan pengurus".split()
)
# The same in English ("Name", "Guest", "Driver") and the checkers of a list ("Verifikator", "PIC"): tourists,
# residents from abroad and the offices that serve them paste tables with English headers
_ALONE |= frozenset(
    "verifikator teknisi pic name names guest guests tourist tourists driver drivers owner staff officer "
    "witness witnesses reporter complainant victim victims resident residents tenant tenants passenger "
    "passengers patient student students teacher member members technician verifier worker workers vendor "
    "seller host landlord occupant applicant customer buyer who instructor diver guide contact person persons "
    "people visitor visitors"
    # the Indonesian of a tourist's table: a guest, a foreigner, a visitor, a guide, an instructor, a diver
    " tamu wna turis wisatawan pengunjung pemandu instruktur penyelam".split()
)
# "Guest name", "Full name", "Driver's name": an English header ending in "name"
_NAME_LAST = frozenset(("name",))
# Headers of two words that name a person: "Kepala Keluarga", "Penanggung Jawab", "Orang Tua"
_PAIRS = frozenset(("kepala keluarga", "penanggung jawab", "orang tua", "ahli waris", "yang hadir", "nama/alias"))
# English headers of a people's column in several words
_ENGLISH_PAIRS = frozenset(("contact person", "person in charge", "reported by", "submitted by", "surname", "nickname"))
# What an English header's "name" may be the name of, other than a person
_NOT_PEOPLE = frozenset(
    "street road place shop store hotel villa company business product item file village district area "
    "school hospital building project bank account user group brand"
    " usaha toko jalan desa kelurahan kecamatan barang produk sekolah perusahaan akun grup".split()
)
_RULE_ROW = re.compile(r"[\s|:+-]*-{3,}[\s|:+-]*")
_EMPTY_CELLS = frozenset("- -- nihil idem dst ttd tidak ada".split())


def _person_header(cell: str) -> bool:
    words = cell.strip().lower().rstrip(".:").split()
    if not words:
        return False
    if words[0] == "nama":
        return len(words) == 1 or all(w in _PEOPLE or w in ("dan", "/", "&") for w in words[1:])
    if len(words) == 2 and words[1] in _NAME_LAST and words[0] not in _NOT_PEOPLE:
        return True  # "Guest name", "Full name", "Driver's name"; not "Street name", "Shop name"
    if words[0] == "name" and len(words) == 3 and words[1] == "of" and words[2] not in _NOT_PEOPLE:
        return True  # "Name of guest", not "Name of street"
    if " ".join(words) in _ENGLISH_PAIRS:
        return True
    return len(words) == 1 and words[0] in _ALONE or " ".join(words) in _PAIRS


def _label(cell: str) -> bool:
    """Whether a header cell reads as a column's label: one to three words, no digits, no colon."""
    return ":" not in cell and not any(c.isdigit() for c in cell) and len(cell.split()) <= 3


def _cells(line: str, sep: re.Pattern[str]) -> list[tuple[int, int]]:
    """The cells of a line as (start, end) offsets within it, trimmed of spaces."""
    cells, pos = [], 0
    for m in [*sep.finditer(line), None]:
        end = m.start() if m else len(line)
        raw = line[pos:end]
        lead = len(raw) - len(raw.lstrip())
        cells.append((pos + lead, pos + len(raw.rstrip())))
        pos = m.end() if m else len(line)
    return cells


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def found(finder: _Names) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(names, headers): the token ranges of the cells under a person column, and of the header lines'
    cells (labels that are not names)."""
    text = finder.doc.text
    if "\n" not in text:
        return [], []
    names: list[tuple[int, int]] = []
    headers: list[tuple[int, int]] = []
    lines = _lines(text)
    body_end = 0  # the rows of the table above are its cells, not another header ("Melati | ketua")
    for n, (start, line) in enumerate(lines):
        if n < body_end or not any(_person_header(w) for w in re.split(r"[|\t;,]| {2,}", line)):
            continue
        for sep in _SEPARATORS:
            cells = _cells(line, sep)
            labels = [line[a:b] for a, b in cells if b > a]
            if len(labels) < (2 if sep.pattern in ("\\|", "\\t", ";") else 3) or not all(map(_label, labels)):
                continue  # "Nama    : Eneng": a form's field and its value, not a table's header
            columns = [c for c, (a, b) in enumerate(cells) if _person_header(line[a:b])]
            if not columns:
                continue
            headers.append((start, start + len(line)))
            numbered = labels[0].lower().rstrip(".") in _NUMBER_LABELS and cells[0][1] > cells[0][0]
            for column in columns:  # "nama;marga;hp": the given name and the clan
                cells_found, rows = _column(finder, lines[n + 1 :], sep, len(cells), column, numbered)
                names += cells_found
                body_end = max(body_end, n + 1 + rows)
            break
    return names, [r for a, b in headers if (r := _tokens(finder, a, b))]


# A numbering column's header, and a row's number written into the next cell ("1. Mukhlis | bakso" under
# "No | Nama | Komoditas"): the row has one cell fewer than the header, and its cells sit one column left
_NUMBER_LABELS = frozenset(("no", "#", "nomor", "no urut", "urut"))
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?[ \t]+(?=[^\W\d_])")


def _column(
    finder: _Names,
    lines: list[tuple[int, str]],
    sep: re.Pattern[str],
    width: int,
    column: int,
    numbered: bool = False,
) -> tuple[list[tuple[int, int]], int]:
    """The token ranges of the cells in `column` of the rows after a header, to the table's end,
    and how many lines the table's body took. Under a numbering header, a row that wrote its number
    into the next cell is read with that number as a cell of its own."""
    found = []
    rows = 0
    for start, line in lines:
        if not line.strip():
            break
        if _RULE_ROW.fullmatch(line):
            rows += 1
            continue
        cells = _cells(line, sep)
        if numbered and column > 0 and len(cells) == width - 1:
            number = _ROW_NUMBER.match(line, cells[0][0])
            if number and number.end() < cells[0][1]:
                cells = [(cells[0][0], number.end()), (number.end(), cells[0][1]), *cells[1:]]
        # a row has the header's cells (a comma or spaces may also fall inside a cell: allow one more)
        if len(cells) < max(2, column + 1) or len(cells) > width + 1:
            break
        rows += 1
        a, b = cells[column]
        value = line[a:b]
        if not value or value.lower() in _EMPTY_CELLS or any(c.isdigit() for c in value):
            continue
        r = _tokens(finder, start + a, start + b)
        if r is None:
            continue
        first, last = r
        while first < last and (finder.tokens[first].low in _LEX.honorifics or finder.is_title(first)):
            first += 1  # "Pak Sabar": the name; a nickname column's "Neng" alone is the name itself
        # a public name that starts in the cell ("Toko Sinar" in a name column), not one that a phrase
        # in the cell before ran into across the separator
        public = any(start + a <= p.start < start + b for p in finder.doc.public)
        if first <= last and last - first < 6 and not public:
            found.append((first, last))
    return found, rows


def _tokens(finder: _Names, start: int, end: int) -> tuple[int, int] | None:
    """The first and last tokens inside start..end."""
    first = bisect.bisect_left(finder.starts_at, start)
    if first >= len(finder.tokens) or finder.tokens[first].end > end:
        return None
    last = first
    while last + 1 < len(finder.tokens) and finder.tokens[last + 1].end <= end:
        last += 1
    return first, last


# "Nama Usaha  :", "Nama panggilan : Enok", "Nama sesuai KTP : ...": a form's label that begins with "nama"
_LABEL_END = re.compile(r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]*(?::|\||\t|$)", re.MULTILINE)


def outside(finder: _Names, ranges: list[tuple[int, int]], headers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that are neither within a table's header line nor the words of a label after "Nama"."""
    tokens, text = finder.tokens, finder.doc.text
    kept = []
    for first, last in ranges:
        if any(a <= first and last <= b for a, b in headers):
            continue
        if (
            first > 0
            and tokens[first - 1].low == "nama"
            and text[tokens[first - 1].end : tokens[first].start] == " "
            and all(_is_word(tokens[k].low) and tokens[k].low not in _LEX.names for k in range(first, last + 1))
            and _LABEL_END.match(text, tokens[last].end)
        ):
            continue
        kept.append((first, last))
    return kept


# A table with no header naming its person column: the rows' cells split by one separator
_ROW_SEPARATORS = (re.compile(r"\|"), re.compile(r"\t"), re.compile(r";"))


def mates(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The other cells of a table's column in which most cells are names already found: a column of
    people, whatever its header ("2 | Karsini | 45" beside "1 | Sukarji | 50")."""
    text = finder.doc.text
    if "\n" not in text or not ranges:
        return []
    named: set[int] = set()
    for first, last in ranges:
        named.update(range(first, last + 1))
    found: list[tuple[int, int]] = []
    for block, sep in _blocks(_lines(text)):
        rows = [(start, _cells(line, sep)) for start, line in block]
        head = [block[0][1][a:b] for a, b in rows[0][1] if b > a]
        if any(map(_person_header, head)):
            continue  # a header names the person column: ``found`` read it, the others are not people
        if all(map(_label, head)):
            rows = rows[1:]  # "No | Gampong | HP": a header row, not a row of cells
        if len(rows) < 2:
            continue
        width = len(rows[0][1])
        for column in range(width):
            cells = [
                _tokens(finder, start + a, start + b) if b > a else None
                for start, cells in rows
                for a, b in [cells[column]]
            ]
            hits = sum(1 for r in cells if r and any(k in named for k in range(r[0], r[1] + 1)))
            if hits < 2 or hits * 2 < len(cells):
                continue
            for (start, cols), r in zip(rows, cells, strict=True):
                a, b = cols[column]
                value = text[start + a : start + b]
                if r is None or any(k in named for k in range(r[0], r[1] + 1)) or any(c.isdigit() for c in value):
                    continue
                if r[1] - r[0] < 5 and value.lower() not in _EMPTY_CELLS and not _person_header(value):
                    if not any(finder.public[k] for k in range(r[0], r[1] + 1)) and _may_name(finder, r):
                        found.append(r)
    return found


def _may_name(finder: _Names, r: tuple[int, int]) -> bool:
    """Whether a cell's words may be a person's: one of them a listed name, a word given as a name
    or a word of four letters or more that no dictionary holds ("Ket", "Rusak Berat" are not)."""
    from .names_cued import WORD_NAMES  # names_cued imports nothing of this module

    words = [finder.tokens[k].low for k in range(r[0], r[1] + 1)]
    return any(w in _LEX.names or w in WORD_NAMES or len(w) > 3 and not _is_word(w) for w in words)


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[list[tuple[int, str]], re.Pattern[str]]]:
    """Runs of two or more lines that split into the same number of cells (two or more) by one separator."""
    blocks = []
    for sep in _ROW_SEPARATORS:
        run: list[tuple[int, str]] = []
        width = 0
        for start, line in [*lines, (0, "")]:
            cells = len(sep.split(line)) if line.strip() and not _RULE_ROW.fullmatch(line) else 0
            if cells >= 2 and (not run or cells == width):
                run.append((start, line))
                width = cells
                continue
            if len(run) >= 2:
                blocks.append((run, sep))
            run, width = ([(start, line)], cells) if cells >= 2 else ([], 0)
    return blocks
