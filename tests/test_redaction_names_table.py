"""Names in a table's person column, whatever the separator (``redaction/names_table.py``, issue 11).

The tables are written for the class of problem: a header that names a person column ("Nama",
"Nama Penerima", "nama warga", "Penerima"), rows separated by tabs, semicolons, commas, bars or
aligned spaces, and cells of any words in any case. The header's other cells are labels.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import find_pii, redact


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text) if m.kind == "nama"]


TABLES = [
    ("No\tNama\tUmur\tKet\n1\tbaso tang\t45\tbelum\n2\tcolli pujie\t60\tlansia", ["baso tang", "colli pujie"]),
    ("no;nama warga;rt\n1;sampara;02\n2;hasnah daeng ngai;03", ["sampara", "hasnah daeng ngai"]),
    ("| No | Nama Penerima | Dusun |\n|---|---|---|\n| 1 | tenri ajeng | Ujung |", ["tenri ajeng"]),
    (
        "NAMA            UMUR   KET\nLa Ode Karim    40     sakit\nWa Sitti        55     lansia",
        ["La Ode Karim", "Wa Sitti"],
    ),
    ("Penerima | NIK | Dusun\nmappasessu | - | Ujung\nbesse tahir | - | Tengah", ["mappasessu", "besse tahir"]),
    ("nama penerima, umur, dusun\nlaode ahmad, 45, Wakatobi\nwa nurma, 50, Wakatobi", ["laode ahmad", "wa nurma"]),
    ("No | Warga | Keterangan\n1 | Ujang | lansia\n2 | Euis Komariah | janda", ["Ujang", "Euis Komariah"]),
    ("Pedagang\tLapak\tIuran\nAcong\tA-12\t50000\nBu Iis\tB-3\t40000", ["Acong", "Iis"]),
    ("kepala keluarga;jumlah jiwa;rt\nasep;4;02", ["asep"]),
]


@pytest.mark.parametrize(("text", "people"), TABLES)
def test_every_cell_of_a_person_column_is_redacted(text: str, people: list[str]) -> None:
    found = " | ".join(_names(text))
    for person in people:
        assert person in found, redact(text)


@pytest.mark.parametrize(("text", "people"), TABLES)
def test_the_header_cells_are_kept(text: str, people: list[str]) -> None:
    header = text.split("\n")[0]
    assert redact(text).split("\n")[0] == header


@pytest.mark.parametrize(
    "text",
    [
        "Nama Usaha | Alamat\nToko Sinar Terang | Jl. Asia",  # a business, not a person column
        "No\tBarang\tJumlah\n1\tsemen\t40\n2\tpasir\t3",
        "nama jalan; kondisi\njalan mawar; rusak berat",
    ],
)
def test_a_table_without_a_person_column_has_no_names(text: str) -> None:
    assert _names(text) == [], redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tadi wa ode sitti datang ke kantor desa", "wa ode sitti"),
        ("kemarin la ode munir bilang jalan mau diperbaiki", "la ode munir"),
    ],
)
def test_a_buton_name_keeps_its_particles(text: str, name: str) -> None:
    assert name in _names(text), redact(text)


def test_whatsapp_is_not_a_buton_particle() -> None:
    assert "wa" not in " ".join(_names("hubungi lewat wa aja min, no wa saya 0812 3456 7890"))


def test_a_form_aligned_with_spaces_is_not_a_table() -> None:
    text = (
        "Nama      : Ujang Sukmana\nNIK       : 3205054602880003\nAlamat    : Kp. Cimanuk\nNo. HP    : 0852-2011-3478"
    )
    assert _names(text) == ["Ujang Sukmana"], redact(text)


def test_a_label_after_nama_is_not_a_name() -> None:
    text = "Nama Usaha  : Toko Sinar Terang\nNama panggilan : Enok"
    assert "Usaha" not in _names(text) and "panggilan" not in _names(text), redact(text)


def test_every_person_column_of_a_table_is_redacted() -> None:
    text = "nama;marga;hp\nLamria;Tobing;0852 7601 3349\nSahat;Pasaribu;-"
    assert _names(text) == ["Lamria", "Tobing", "Sahat", "Pasaribu"], redact(text)


def test_a_public_name_in_the_cell_before_does_not_hide_the_person() -> None:
    text = "Nama Toko\tPemilik\tTelp\nToko Sumber Rejeki\tGo Tik Swan\t(0274) 512 338"
    assert _names(text) == ["Go Tik Swan"], redact(text)


def test_a_column_of_names_without_a_header_takes_its_other_cells() -> None:
    text = "Budi Santoso | 50 | lansia\nSiti Aminah | 45 | janda\nEmbun Pagi | 40 | cacat"
    assert "Embun Pagi" in _names(text), redact(text)


def test_a_column_of_names_does_not_take_labels_or_ordinary_words() -> None:
    text = "Budi Santoso | Jl. Mawar 3\nSiti Aminah | Jl. Melati 5\nKet | Rusak Berat"
    assert "Ket" not in _names(text) and "Rusak Berat" not in _names(text), redact(text)
