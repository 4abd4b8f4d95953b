"""A form's labels and title are not names.

A complaint copied from a form ("Nama : ...", "Tanggal : ...", "ID Pelanggan : ...", "Kampus : ...") puts a
label of one to four words at the start of each line, before a colon, and often a title on its first line
("FORMULIR PENGADUAN PELANGGAN PLN", "Form Aduan Guru – Dinas Pendidikan"). Label words the lexicons lack
("NIM", "OPD", "Nilai IKM") and title words in capitals read like names to the detectors. In a text with at
least three such label lines, one of them a form's own label (name, date, address, number...), a name
candidate lying wholly inside a line's label, or inside a first line that opens with "Form"/"Formulir", is
dropped, unless a word of it is in the name list: a schedule or a roll call ("Budi : hadir") labels lines
with people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .document import _Candidate, _Doc
from .lexicon import _LEX

# "Label : value" at the start of a line: one to four words (letters, dots, slashes), then a colon
_LABEL_LINE = re.compile(r"(?m)^[ \t>*\-•]*(?P<label>[^\W\d_][\w./]*(?:[ \t]+[\w./()]+){0,3})[ \t]*:[ \t]*\S")
# The first word of a label that only a form has
_FORM_WORDS = frozenset(
    "nama tanggal tgl alamat no nomor nik umur usia keluhan jenis lokasi hp telp unit jumlah pekerjaan".split()
    # and an English form's (session 14: a tourist's or an expatriate's report, a hotel's incident form)
    + "name full date dob address phone mobile email passport nationality complaint issue location type category "
    "guest age tenant landlord visitor reporter employer vehicle hotel villa booking room witness witnesses occupation".split()
)
_TITLE = re.compile(r"(?i)[ \t]*(?:form|formulir)\b[^\n]*")
_LOW_WORDS = re.compile(r"[a-z]+")


def _form_spans(doc: _Doc) -> list[tuple[int, int]]:
    """The labels of a form's lines and its title line, or nothing when the text is no form."""
    labels = [m.span("label") for m in _LABEL_LINE.finditer(doc.text)]
    firsts = {doc.text[a:b].split()[0].lower().rstrip(".") for a, b in labels}
    if len(labels) < 3 or not firsts & _FORM_WORDS:
        return []
    title = _TITLE.match(doc.text.lstrip("\n"))
    if title:
        offset = len(doc.text) - len(doc.text.lstrip("\n"))
        labels.append((offset + title.start(), offset + title.end()))
    return labels


def drop_form_labels(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the names that are a form's label or title words (see the module)."""
    candidates = list(candidates)
    if ":" not in doc.text or not any(c.kind == "nama" for c in candidates):
        return candidates
    spans = _form_spans(doc)
    if not spans:
        return candidates
    kept = []
    for cand in candidates:
        inside = cand.kind == "nama" and any(a <= cand.start and cand.end <= b for a, b in spans)
        words = _LOW_WORDS.findall(doc.text[cand.start : cand.end].lower())
        if inside and not any(w in _LEX.names for w in words):
            continue
        kept.append(cand)
    return kept
