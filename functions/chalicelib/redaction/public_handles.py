"""Public accounts told by what their handle is made of: media, brands, official and city news accounts.

A person's account is built on the person's name ("@rina.wulandari88", "@agus_setiawan"). The accounts
that complaints cite, tag and copy from are built on other words: a newsroom's name ("@detikcom",
"@kompastv", "@cnnindonesia"), a company's ("@jasamarga", "@gojekindonesia"), a city's news page
an agency's acronym in capitals ("@BMKG", "@KAI121"). A handle is public when every piece of it is such a
word: it is cut at dots, underscores, digits and capitals, and each piece must split wholly into known
words (a newsroom, a brand, a city, a news word, a country), a newsroom's, a brand's or an agency's
among them. The cities are every province, regency and city of Indonesia (``region_places``), and the
agencies include the offices a city's complaints go to ("@dlhmanado", "@dukcapilsemarang", "@kanimmedan");
a paper's "post" makes "@manadopost" a newsroom. A city's news page ("@kabarpasuruan_terkini", "@infosurabaya") is no newsroom: such pages
are often one person's, and stay an account. One word that the name list knows and that is no such
word keeps the handle personal ("@ayu_surabaya"): a name kept by mistake is a leak, an account of a
newsroom redacted is only a lost word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import _LEX, _agency_like
from .region_places import _REGENCIES

# Newsrooms, broadcasters and their usual handles' pieces
_MEDIA = frozenset(
    "post detik detikcom detiknews kompas kompascom kompastv kompasiana kumparan kumparancom cnn cnnindonesia cnbc "
    "cnbcindonesia tempo tempodotco tempoco tribun tribunnews tribunjatim tribunjateng tribunjabar tribuntimur "
    "jawapos radar metro metrotv tvri rri antara antaranews liputan liputan6 okezone sindo sindonews republika "
    "suara suaracom merdeka merdekadotcom idntimes idn viva inews narasi narasitv beritasatu kontan bisnis jpnn "
    "tirto mojok katadata trans7 transtv rcti sctv indosiar antv gtv mnc tvone".split()
)
# Companies, platforms and services whose accounts citizens tag
_BRANDS = frozenset(
    "gojek grab shopee tokopedia lazada bukalapak traveloka jasamarga jasa marga telkomsel indosat xl axis "
    "smartfren pertamina pln pdam kai bmkg bpjs kesehatan ketenagakerjaan kemenkes kemensos kemendagri kemenhub "
    "kemendikbud polri tni damri transjakarta krl commuter line indihome telkom pos posindonesia jne jnt sicepat "
    "indomaret alfamart twitter instagram facebook tiktok youtube whatsapp google bank mandiri bri bni bca btn "
    "bsi ojol bus".split()
)
# Words of a news or official account's name: "@surabayaterkini", "@infosurabaya", "@makassar_info"
_NEWS = frozenset(
    "info infos informasi berita news update updates terkini terbaru viral official resmi hari ini today jam "
    "sekitar seputar kabar lalin lantas lalulintas cctv tv fm radio media online net com co id ri indonesia indo "
    "netizen channel pedia daily sobat sahabat "
    "cegatan lapor aduan".split()
)
# Short forms of provinces and regions that city accounts are built on ("@infojatim", "@sumutnews")
_REGIONS = frozenset(
    "jatim jateng jabar jakarta jkt jogja yogya diy sumut sumbar sumsel sulsel sulut sulteng sultra kalbar "
    "kalteng kalsel kaltim kaltara ntt ntb bali papua maluku aceh riau banten lampung sby mks mlg bdg smg sda".split()
)


def _place_words() -> frozenset[str]:
    """The one-word places of the lexicon (cities, regencies, kecamatan and kelurahan), without their spaces
    ("tanjungpinang"), that no name list holds as a person's name."""
    words = set()
    for place in _LEX.places:
        joined = place.replace(" ", "").replace("-", "")
        if joined.isalpha() and len(joined) > 3 and joined not in _LEX.names:
            words.add(joined)
    return frozenset(words)


def _regencies() -> frozenset[str]:
    """Indonesia's provinces, regencies and cities (``region_places``), without their spaces, that no name
    list holds as a person's name: "manado", "bukittinggi", "bandaaceh"."""
    joined = (r.replace(" ", "").replace("-", "").replace("'", "") for r in _REGENCIES)
    return frozenset(w for w in joined if len(w) > 3 and w not in _LEX.names)


# A government's own words, after or before its place ("@badungkab", "@kupangkota", "@pemkot_ambon")
_OFFICIAL = frozenset(
    "kab kabupaten kota pemkot pemkab pemprov prov provinsi humas pemda polda polres ditlantas korlantas ntmc tmc "
    "basarnas bnpb "
    # offices a city's complaints are sent to: environment, civil registry, immigration, hospitals, land,
    # elections, prosecutors, prisons, revenue ("@dlhmanado", "@dukcapilsemarang", "@kanimsurakarta")
    "dlh dlhk dukcapil kanim imigrasi rsud rsup puskesmas kominfo bapenda samsat bnn bpn kpu bawaslu kejari "
    "kejati lapas rutan setda setwan".split()
)
# The pieces that make an account public: a newsroom's, a company's or a government's name
_PIECES = _MEDIA | _BRANDS | _OFFICIAL
# The pieces that may go with them ("@kompas_jatim", "@detikjatim", "@tribunnews_official") but make no
# account public alone: a page of "kabar"/"info" and a city's name is as often one person's
# ("@kabarpasuruan_terkini")
_PLACES = _place_words() | _NEWS | _REGIONS | _regencies()
_VOCABULARY = _PIECES | _PLACES
_LONGEST = max(len(w) for w in _VOCABULARY)
# A handle's chunks: runs of capitals (an acronym), a capitalised or lower-case word, digits
_CHUNK = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|\d+")
_CAPS = re.compile(r"[A-Z]{2,6}\d*")


@lru_cache(maxsize=4096)
def _splits(chunk: str) -> int:
    """How a lower-case chunk splits wholly into the vocabulary's words ("detikjatim"): 0 when it does not,
    1 when only into places and news words, 2 when a newsroom's, a brand's or an agency's is among them."""
    if chunk in _PIECES or _agency_like(chunk):
        return 2
    # best[end]: the best split of chunk[:end] (-1: none)
    best = [-1] * (len(chunk) + 1)
    best[0] = 1
    for end in range(2, len(chunk) + 1):
        for start in range(max(0, end - _LONGEST), end - 1):
            if best[start] < 0:
                continue
            piece = chunk[start:end]
            if piece in _PIECES or len(piece) >= 4 and _agency_like(piece):
                best[end] = 2  # "sobat" + "dishub"
            elif piece in _PLACES:
                best[end] = max(best[end], best[start])
    return max(best[-1], 0)


def public_by_pieces(handle: str) -> bool:
    """Whether an @handle is a newsroom's, a brand's, a city news page's or an agency acronym's account."""
    bare = handle.lstrip("@").rstrip(".")
    letters = bare.rstrip("0123456789")
    if _CAPS.fullmatch(bare) and len(letters) >= 4 and not set(letters.lower()) & set("aeiouy"):
        return True  # "@BMKG", "@PLN123": an acronym, not a nickname in capitals ("@LUHXX")
    raw = [c for part in re.split(r"[._]+", bare) for c in _CHUNK.findall(part) if not c.isdigit()]
    # an acronym in capitals with no vowel is an agency's or a company's ("@BBPJN_Sumut"); a short one
    # ("TMC" of "@TMCPoldaMetro") goes with other public pieces but makes no account public alone ("@RZK_01")
    caps = [c for c in raw if len(c) >= 2 and c.isupper() and not set(c.lower()) & set("aeiouy")]
    acronyms = {c.lower(): 2 if len(c) >= 4 else 1 for c in caps}
    chunks = [c.lower() for c in raw]
    if not chunks:
        return False
    if any(c in _LEX.names and c not in _PIECES for c in chunks):
        return False  # "@ayu_surabaya": a person's name in it
    kinds = [acronyms[c] if c in acronyms else _splits(c) for c in chunks if len(c) > 1]
    # a city or a news word alone is no proof ("@malang", "@infosurabaya" may be anyone's): a newsroom, a
    # brand or an agency must be among its pieces
    return bool(kinds) and all(kinds) and max(kinds) == 2
