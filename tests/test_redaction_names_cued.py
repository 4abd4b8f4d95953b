"""Names that only the words before them reveal (``redaction/names_cued.py``, issue 11).

Each case is written for its class of problem, not taken from a corpus: an ordinary word given as a
name after a role, an honorific or a relative; the writer's own "I" in chat and in the regions' words;
Chinese-Indonesian names in lower case; nicknames; dash signatures; the next word of a lower-case
name. The second half checks that the same words stay where no cue points at a person.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import find_pii, redact


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text) if m.kind == "nama"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a word given as a name after a role, with what the role is of in between
        ("bidan kasih gk mau layani pasien bpjs", "kasih"),
        ("satpam bintang suka tidur pas jaga malam", "bintang"),
        ("sopir angkot samudra ngebut terus di tikungan", "samudra"),
        ("supir truk purnama ngebut di jalan desa", "purnama"),
        ("BIDAN MUTIARA TIDAK MAU DATANG MALAM", "MUTIARA"),
        ("PETUGAS PARKIR BADAI MINTA UANG LEBIH", "BADAI"),
        # after an honorific and a role, and after a relative of the writer's
        ("bu guru embun marahin anak sy terus", "embun"),
        ("pak rt lestari gk pernah ada di rumah", "lestari"),
        ("temen sy fajar hp nya dirampas di jalan", "fajar"),
        ("sa pu adik yermias ikut kerja bakti", "yermias"),
        ("namanya bu delima jatuh di trotoar", "delima"),
        # a public opener that is also a name, which the cue says is a person
        ("pak lurah gunung gk ada di kantor", "gunung"),
    ],
)
def test_a_word_given_as_a_name_after_a_cue_is_redacted(text: str, name: str) -> None:
    assert name in " ".join(_names(text)), redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("abdi kencana, bade lapor jalan rusak", "kencana"),
        ("beta marthen, mau lapor lampu mati", "marthen"),
        ("tiang sekar, mau lapor sampah numpuk", "sekar"),
        ("min aku pelangi, anak kos di gang sempit", "pelangi"),
        ("siang, beta yusak banunaek dari kelurahan sebelah", "yusak banunaek"),
        ("punten, abdi nilam sari ti desa sebelah", "nilam sari"),
    ],
)
def test_the_writer_introducing_themself_is_redacted(text: str, name: str) -> None:
    assert name in " ".join(_names(text)), redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("kemarin the swie hoo datang ke rumah", "the swie hoo"),
        ("yg punya toko itu liem kian bing", "liem kian bing"),
        ("pelakunya si brewok, sering nongkrong di pos", "brewok"),
        ("baru diperbaiki dinas. terima kasih. - rimba, bendahara RW", "rimba"),
        ("ibu sy sri mutiara stroke, dirawat di rs", "mutiara"),
    ],
)
def test_chinese_names_nicknames_signatures_and_next_words_are_redacted(text: str, name: str) -> None:
    assert name in " ".join(_names(text)), redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "pedagang bunga di pasar minta tempat yang layak",  # a seller's goods, not a name
        "penjual mawar di pasar bunga sepi pembeli",
        "pak rt kasih tau kalau air mati besok",  # "kasih tau": to tell
        "bu lurah mau datang besok pagi",
        "sy mau lapor jalan rusak di depan sekolah",
        "aku sih gak masalah, cuma jalannya rusak",
        "langit mendung, hujan deras, jalan banjir",  # nature words with no cue
        "pendaki gunung tersesat di jalur pendakian",
        "the road is broken, please fix it",
        "saya warga rt 3 mau lapor",
    ],
)
def test_the_same_words_without_a_person_cue_are_kept(text: str) -> None:
    assert _names(text) == [], redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("gw samudra min, mau lapor lampu jalan mati", "samudra"),
        ("sy tulus pak, mau ngadu soal jalan rusak", "tulus"),
        ("selamat siang bapa beta yakomina talakua dari kelurahan sebelah", "yakomina talakua"),
        ("beta pung tamang Reinhard rumah kena banjir", "Reinhard"),
        ("status fb Wa Ode Hasnah: jalan ke pelabuhan rusak", "Wa Ode Hasnah"),
        ("Menurut penyuluh Marthen, pupuk belum datang", "Marthen"),
        ("aya juru parkir nu ngaranna mega ngamintaan duit", "mega"),
        ("nami abdi kokom, ti desa sukamaju", "kokom"),
    ],
)
def test_self_introductions_kin_social_posts_and_regional_name_cues(text: str, name: str) -> None:
    assert name in " | ".join(_names(text)), redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pengurus: Lestari, Tulus, Mutiara", "Mutiara"),  # a list's last word given as a name
        ("- pak S\n- anaknya W\nsy cuma kasih inisial", "W"),
        ("mohon dibantu.\n\nHormat saya,\nK.", "K"),
        ("apa bener tarifnya segitu? sy neng btw", "neng"),
        ("halo min saya togar siregar ya dari tarutung", "togar siregar"),
    ],
)
def test_list_ends_initials_and_words_of_address_as_names(text: str, name: str) -> None:
    assert name in " | ".join(_names(text)), redact(text)


@pytest.mark.parametrize("text", ["Halo kak, sy Bpk. Wakidi mau lapor", "Budi, kasih tau ya kalau sudah"])
def test_an_abbreviated_honorific_or_an_ordinary_word_after_a_comma_is_not_a_name(text: str) -> None:
    assert "Bpk" not in _names(text) and "kasih" not in _names(text), redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("halo pak saya kenanga eh iya kenanga dari kelurahan sebelah", "kenanga"),
        ("halo pak aku rimba eh rimba sagala pak dari desa", "rimba eh rimba sagala"),
        ("sy gk mau disebut, panggil aja d. sy lapor pungli", "d"),
        ("kami teruskan ke dinas terkait. ^TW", "TW"),
        ("sy yosias wenda pak. jalan ke kampung rusak", "yosias wenda"),
    ],
)
def test_names_said_again_initials_given_instead_and_unlisted_own_names(text: str, name: str) -> None:
    assert name in " | ".join(_names(text)), redact(text)


@pytest.mark.parametrize("text", ["jarene ora aktif, piye iki mas, aku kudu nang endi", "sy baru pindah dari jakarta"])
def test_the_regions_grammar_after_the_writers_i_is_not_a_name(text: str) -> None:
    assert _names(text) == [], redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pelakunya dikenal sebagai Brewok, sering di terminal", "Brewok"),
        ("orangnya dijuluki pitak, suka malak", "pitak"),
        ("si Botak anak pak RT suka mabuk", "Botak"),
        ("bi Onah nu jualan gorengan", "Onah"),
    ],
)
def test_nicknames_by_their_cues_and_the_sundanese_aunt(text: str, name: str) -> None:
    assert name in " | ".join(_names(text)), redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sy wa ode nurma pak, air pdam mati", "wa ode nurma"),
        ("punten, abdi ai rohaeti ti kampung sebelah", "ai rohaeti"),
        ("assalamualaikum pak kaule moh. fajar pak dari desa pakong", "moh. fajar"),
        ("min sy neng dr bangkalan, kapal feri telat", "neng"),
    ],
)
def test_own_names_opened_by_a_short_word_or_a_title(text: str, name: str) -> None:
    assert name in " | ".join(_names(text)), redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("anak saya, Pelangi, sakit demam", "Pelangi"),
        ("Laporan dari warga: Bambang (RT 1), Siti (RT 2), Mentari (RT 3)", "Mentari"),
        ("yang datang Budi (ketua), Intan (sekretaris) dan Samudra (bendahara)", "Samudra"),
    ],
)
def test_a_word_given_as_a_name_in_apposition_or_as_a_list_item_with_a_note(text: str, name: str) -> None:
    assert name in _names(text), redact(text)
