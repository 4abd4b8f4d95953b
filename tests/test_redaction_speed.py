"""The redactor's fast engine finds exactly what its plain reference path finds.

Every shortcut of the engine (``redaction.engine``) has a plain counterpart; here both run over a
few hundred texts of every corpus (drawn with seeds the bench does not use) and over texts made to
sit on the shortcuts' edges, and must agree to the character. The speed itself is measured by
``bench/redaction_speed.py`` (``--baseline REV`` for before/after), not here: CI machines are too
loaded for a timing to mean anything.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import redaction_corpus  # noqa: E402
import redaction_corpus3  # noqa: E402
import redaction_heldout  # noqa: E402
from chalicelib.redaction import engine, find_pii  # noqa: E402
from chalicelib.redaction.driver import _document  # noqa: E402
from chalicelib.redaction.identifiers import _phone_matcher  # noqa: E402
from chalicelib.redaction.phones import phone_matches  # noqa: E402
from redaction_speed import demo_texts  # noqa: E402

# Texts on the edges of the shortcuts: phone candidates of 8 and 9 characters, "+62" numbers, numbers
# glued to letters and to "/x", dates and times that look like numbers, e-mail and handles without
# "@", hyphenated and apostrophised words, degrees, full-width and zero-width characters.
EDGES = [
    "Hubungi 0343-4245 atau 03434245, WA 081234567, +62 343 424567, +62812345678 ya",
    "no 021 1234 / x 0812 3456 7890, ext. 12, 12/x345678901234, (0343) 424567.",
    "tgl 12/03/2026 pukul 08.30 WIB, 2026-03-12 10:45, Rp 150.000,- dan 3 hari, ke-3, 10%",
    "NIK 3575012345670001 KK3575012345670002 rek BRI 4467 0167 52 Lampu mati, npwp 01.234.567.8-901.000",
    "abc08123456789def 0812345678901234567890123 62812345678 6281234567890",
    "Pak Budi Santoso, S.Pd., M.Si. dan Ibu-ibu RT 03 RW 05 di Jum'at sore; dr. Andi,SH",
    "email budi.santoso(at)gmail.com, ig @budi_s, fb: tutik mega purnamasari, www.pasuruankota.go.id",
    "Ｎａｍａ saya Ｂｕｄｉ, ＨＰ ０８１２３４５６７８９０, zero\u200bwidth\u00adsoft, “kutip” – strip",
    "SAYA SURYA DAMAI, REKENING 1234567890 BANK JATIM. kemarin darsinah datang jam 9",
    "Slamat sore min. Sugeng enjing; Pak Sugeng pagi tadi datang, om swastiastu, T.T.D Budi, ttd. Sampurasun!"
    " Wilujeng sumping, salam pancasila, Matur suksma, Dear Sir / Madam, 2ttd, x-met malam, _rampes",
    "Pihak bersengketa: Sabar dan Hisar Sitorus. Budi alias Kancil, biasa dipanggil Jono, a.k.a Tono; xalias Y",
    "YANG SUDAH TERTIPU: TETI DAN ONIH ROHAETI! dikenal sebagai Mbah Gondrong, nama panggilannya: Ucok",
    "teman saya T dipukul, Tetangga sy R. dan ANAKNYA T, istri ku N.H., xteman saya B, 3adik S, sepupu  gw AB",
    "",
    "   ",
    "1234567",
    "08123456789",
]


def _sample(texts: list[str], step: int) -> list[str]:
    return texts[::step]


def _corpora() -> dict[str, list[str]]:
    return {
        "own": _sample([s.text for s in redaction_corpus.generate(600, seed=7171)], 4),
        "held-out": _sample([s.text for s in redaction_heldout.generate(400, seed=7172)], 4),
        "third, tune": _sample([s.text for s in redaction_corpus3.generate(300, 7173, "tune")], 3),
        "third, held-out": _sample([s.text for s in redaction_corpus3.generate(300, 7174, "heldout")], 3),
        "demo": _sample(demo_texts(), 4),
        "edges": EDGES,
    }


CORPORA = _corpora()


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_fast_engine_finds_what_the_reference_finds(corpus: str) -> None:
    texts = CORPORA[corpus]
    fast = [find_pii(text) for text in texts]
    with engine.reference():
        assert not engine.FAST
        plain = [find_pii(text) for text in texts]
    assert engine.FAST
    differ = [(text, f, p) for text, f, p in zip(texts, fast, plain, strict=True) if f != p]
    assert not differ, f"{len(differ)} of {len(texts)} texts differ; first: {differ[0]}"
    assert corpus == "edges" or sum(map(len, fast)) > len(texts) // 2  # the texts do carry personal data


# Numbers in the shapes phonenumbers' matcher joins up and the digit runs do not, next to runs it skips.
PHONE_EDGES = [
    "hub 0812..3456..7890 atau 0812//3456//7890 atau 0812 ~ 3456 ~ 7890",
    "13.00-15.00 0812 3456 7890, 3.500.000/0812-3456-7890, 12345 0812-3456-7890",
    "+62 (812) 3456 7890; (0343)-42-45-67 / x 12; 0343 424567 ext. 5; 0343-424567 #12",
    "28-03-2026 0812-3456-7890 3 kali, 2026-07-20 14:30, 1.250.000 - 081234567890",
    "+62 343 441760 +6285612985155 6289837652276 0896-6782-9946 (0857-3344-2211)",
    "3514.0441.0651.0002 35.75.03.250772.0001 83.594.436.2-716.653 0001 3175 3942 1",
    "tel 061 23456 / 061-234567 / 06123456 / 0612345 / 021 1234 5678 / 021-12345",
    # a number inside a run that opens with other digits: after a full stop, a slash, a bracket, a spaced
    # hyphen, a wide dash or a space (phone_candidates: the parts the matcher tries)
    "3575.0812 3456 7890, 3575/0812-3456-7890, 3575(0812) 3456 7890, 3575 - 0812 3456 7890, 3575\u20140812345678",
    "3514 081234567890 77, 1234.62812345678.99, 35 +62 812 3456 7890, 9999 (62) 812-3456-7890 x 12",
    "no 3575 0812 FLOWERS, 71 +62 812 FLOWERS ya, 4467 0167 52 / 0812-3456-789, 3575.(0343).424567",
]


def test_the_phone_matcher_keeps_what_the_plain_matcher_keeps() -> None:
    """The phone matcher adds little to find_pii on the corpora (the digit runs find the same numbers),
    so its own output is compared too: the same kept matches from the fast and the plain matcher."""
    texts = [t for texts in CORPORA.values() for t in texts if any(c.isdigit() for c in t)] + PHONE_EDGES
    fast = [_phone_matcher(_document(text)) for text in texts]
    with engine.reference():
        plain = [_phone_matcher(_document(text)) for text in texts]
    differ = [(text, f, p) for text, f, p in zip(texts, fast, plain, strict=True) if f != p]
    assert not differ, f"{len(differ)} of {len(texts)} texts differ; first: {differ[0]}"
    assert sum(map(len, fast[-len(PHONE_EDGES) :])) >= 10


def test_the_reference_path_is_a_different_path() -> None:
    """The comparison means something only if the switch changes what runs: the plain phone matcher
    finds a valid 8-digit number (Medan's "061 23456") that the fast one skips, as the redactor keeps
    no phone match of fewer than 9 characters anyway."""
    text = "telp kantor 06123456 atau HP 0812-3456-7890"
    fast = [m.raw_string for m in phone_matches(text)]
    with engine.reference():
        plain = [m.raw_string for m in phone_matches(text)]
        plain_found = find_pii(text)
    assert plain == ["06123456", "0812-3456-7890"]
    assert fast == ["0812-3456-7890"]
    assert find_pii(text) == plain_found


def test_the_phrase_scan_is_tried_wherever_a_phrase_may_start() -> None:
    """The public phrases' scan is given its prefixes (parsing the regex of every phrase again would cost
    each cold start a tenth of a second): each start the regex itself allows begins with one of them."""
    from chalicelib.redaction.document import _prefixes
    from chalicelib.redaction.driver import _PHRASE_SCAN

    parsed = _prefixes(_PHRASE_SCAN.pattern)
    assert parsed and all(any(p.startswith(given) for given in _PHRASE_SCAN.prefixes) for p in parsed)


def test_phone_candidates_that_cannot_be_kept_are_not_parsed() -> None:
    """NIKs, cards and references are not parsed; a candidate with a number the redactor keeps in any part
    the matcher tries is, wherever in the run that part opens."""
    from chalicelib.redaction.phone_candidates import may_keep

    for never in ("3575021512940006", "3514.0441.0651.0002", "35.75.03.250772.0001", "1234 5678 9012", "0812 345"):
        assert not may_keep(never), never
    for maybe in ("0812-3456-7890", "+62 812 3456 7890", "6281234567890", "3575.0812 3456 7890", "3575 (0343) 424567"):
        assert may_keep(maybe), maybe


def test_the_degree_trie_matches_where_the_degrees_match() -> None:
    """lexicon._DEGREE_MATCHES (a trie, in a lookahead) says yes exactly where _DEGREES matches, at every
    place of texts with and without degrees."""
    from chalicelib.redaction.lexicon import _DEGREE_MATCHES, _DEGREES

    texts = [t for texts in CORPORA.values() for t in texts][::5] + EDGES
    texts += ["Ns. Rina S.Kep.,Ns dan S.H.,M.H, s . pd, Sp.OG(K) SpOG; A.Md.Keb. mampu menjadi seorang S.E"]
    places = [(text, i) for text in texts for i in range(len(text) + 1)]
    differ = [
        text[i : i + 20] for text, i in places if bool(_DEGREE_MATCHES.match(text, i)) != bool(_DEGREES.match(text, i))
    ]
    assert not differ, differ[:5]
    assert sum(1 for text, i in places if _DEGREES.match(text, i)) >= 10


def test_the_age_pattern_finds_what_its_plain_form_finds() -> None:
    """names._AGE opens its "usia"/"umur" branch with the letter and looks behind it (so that re may skip
    to the characters a match opens with): the same matches as the plain form, "no letter before"."""
    from chalicelib.redaction.names import _AGE

    plain = re.compile(
        r"(?i)\((?:usia\s?|umur\s?)?\d{1,2}\s?(?:th|thn|tahun)?\.?\)|,\s?\d{1,2}\s?(?:th|thn|tahun)\.?(?=\s?[,)])"
        r"|(?<![^\W\d_])(?:usia|umur)\s?\d{1,2}(?!\d)"
    )
    texts = [t for texts in CORPORA.values() for t in texts] + [
        "usia 45, Usia 5 th, xusia 45, (umur 25), budi, 51 thn, dan \u00e9usia 4, 9usia 4, _usia 4, UMUR 7"
    ]
    found = [[m.span() for m in _AGE.finditer(t)] for t in texts]
    assert found == [[m.span() for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) >= 8


# Addresses and profiles in every case, inside ASCII and beside letters that re folds to an ASCII letter
# ("ı" is an "i", "K" a "k" to a case-insensitive pattern), and texts with their pieces but no match.
LINK_EDGES = [
    "lihat FACEBOOK.COM/budi.s dan Instagram.Com/x, youtu.BE/abc, t.me/grup, wa.me/62812, threads.net/@a",
    "situs Www.PasuruanKota.Go.Id/lapor, HTTPS://x.y/z, dinas.Sch.Id, desa-ku.DESA.ID/profil",
    "ıstana: dinas.go.ıd/ lapor, ınstagram.com/ıbu, kantor.co.\u0131d, facebook.com/K\u212a",
    "1/2 bagian, rt 3/4, pemilik.com, fb.com tanpa garis, go.id saja",
    "lapor ke pemkab.GO.ID atau ke dinsos.jatimprov.go.id/aduan",
]
# public._CALENDAR's edges: a tab before "Pon", "Sya'ban" with and without its mark, in capitals, a dotless "ı"
CALENDAR_EDGES = [
    "lahir Senin\tPon, warga masyarakat",
    "bulan Sya'ban lalu, syarat lengkap",
    "awal SYABAN 1447",
    "tgl 15 sya'ban",
    "bulan rabı'ul awal",
]


def test_what_a_pattern_needs_is_in_every_text_it_matches() -> None:
    """A pattern registered with ``needs`` is skipped on a text that fails its test: every text where the
    pattern matches must pass it, or the fast engine would miss what the plain one finds."""
    from chalicelib.redaction.document import _NEEDS

    texts = [t for texts in CORPORA.values() for t in texts] + LINK_EDGES + CALENDAR_EDGES
    for pattern, test in _NEEDS.values():
        missed = [text for text in texts if pattern.search(text) and not test(text)]
        assert not missed, (pattern.pattern[:60], missed[:3])
    matched = {id(p): sum(1 for t in LINK_EDGES if p.search(t)) for p, _ in _NEEDS.values()}
    from chalicelib.redaction.contacts import _PROFILE_URL
    from chalicelib.redaction.public import _URL

    assert matched[id(_PROFILE_URL)] >= 2 and matched[id(_URL)] >= 3
    from chalicelib.redaction.public import _CALENDAR

    assert all(_CALENDAR.search(text) for text in CALENDAR_EDGES)


def test_the_initials_pattern_finds_what_its_plain_form_finds() -> None:
    """initials._INITIALS_FAST opens with the capital and looks behind it (so that re may skip to the
    capitals): the same matches as _INITIALS, "no letter before, then initials"."""
    from chalicelib.redaction.initials import _INITIALS, _INITIALS_FAST

    texts = [t for texts in CORPORA.values() for t in texts] + [
        "pak H. Sabar, Sdri. N.H. dan M.A.R.T. lalu A. B.C, xA, 3AB, _AB, éA, A-B, ABCD, AB., pak J yg, bu E. dkk",
        "A",
        "Ab",
        "N.H.\tX",
    ]
    found = [[(m.span(), m.span("i")) for m in _INITIALS_FAST.finditer(t)] for t in texts]
    assert found == [[(m.span(), m.span("i")) for m in _INITIALS.finditer(t)] for t in texts]
    assert sum(map(len, found)) >= 20


def test_every_scan_finds_what_its_pattern_finds_in_ascii_texts() -> None:
    """Every pattern scanned only where a word or a number starts (document._Scan) finds, in an ASCII text,
    exactly what a search of the whole text finds: the same matches, leftmost first."""
    from chalicelib.redaction.document import _SCANS

    texts = [t for name, texts in CORPORA.items() for t in texts[:: 1 if name == "edges" else 2] if t.isascii()]
    docs = [_document(text) for text in texts]
    for scan in _SCANS:
        differ = [
            doc.text
            for doc in docs
            if [m.span() for m in scan.finditer(doc)] != [m.span() for m in scan.pattern.finditer(doc.text)]
        ]
        assert not differ, (scan.pattern.pattern[:60], differ[:2])
    assert len(docs) > 200 and len(_SCANS) > 30
