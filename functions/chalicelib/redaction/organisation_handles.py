"""Organisations' accounts that `public_handles` leaves as a person's: a city's official or news page, a
school's, a hospital's, a club's, a brand's service desk.

`public_handles.public_by_pieces` makes an account public when every piece of it is a newsroom's, a brand's,
an agency's, a city's or a news word, a newsroom's, a brand's or an agency's among them. Organisations name
their accounts with more words than those: a city and a word that says "this is an organisation's page"
("@medan_info", "@balikpapan_official", "@bandung.update", "@kaltimpost", "@malangtimes"), an institution and
its place ("@smpn1bogor", "@rsudkotabogor", "@masjid_alakbar"), a brand and its desk ("@halobca",
"@jnecare", "@mypertamina", "@bankbjb"), a club ("@persib", "@aremafc"), a campus ("@ugm.yogyakarta").

The rule, as in `public_handles`: the handle is cut at dots, underscores, digits and capitals, and every piece
must split wholly into known words. The words are of five kinds:
- an organisation's own word (a newsroom, a brand, an agency, an institution, a campus, a club): one makes
  the account public;
- a kind of institution ("pasar", "masjid", "rs", "sd"): public beside a place, a page's word or a body
  ("@rs_pmi_bogor", "@pasar_official"), not beside an ordinary word ("@nova_pasar" may be a trader's);
- a page's word ("official", "info", "news", "update", "post", "times", "channel", "tv"): public beside a
  place and nothing else ("@medan_info"), not alone ("@cantik_official" may be anyone's) nor beside an
  ordinary word ("@ambon_manise_news": a nickname may be built so);
- a place, a region, a news word of `public_handles`;
- an ordinary word of the dictionary that no name list holds: it may fill out an organisation's handle
  ("@garuda_fc") but proves nothing.
A few institutions open only their own accounts ("@masjid_alakbar", "@sdn_cibeureum"): what follows them
need not be a known word.
A word of the name list that is no organisation's, page's or place's word keeps the handle a person's
("@rina_official"), and so does any piece that splits into no known words ("@wagiyem_info"): a name kept by
mistake is a leak, an organisation's account redacted is only a lost word. A city's page of "kabar"/"seputar"/"terkini" alone stays
a person's, as `public_handles` decided ("@kabarpasuruan_terkini").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import _LEX, _agency_like
from .public_handles import _PIECES, _PLACES

# More newsrooms, broadcasters and their pieces
_MEDIA = frozenset(
    "elshinta kbr kbrprime prokal kaltimpost pikiranrakyat pojoksatu jatimnet beritajatim ngopibareng "
    "suarasurabaya tribunnewscom harian harianjogja kr krjogja solopos jawapos jpnn dotcom dotco "
    "newsroom kompasiana liputan6dotcom mojokdotco narasinewsroom trans "
    # the regional dailies of Aceh, Sumatra, Sulawesi and Maluku
    "serambinews serambiindonesia analisadaily waspada haluanpadang padangekspres fajaronline tribunambon "
    "siwalimanews manadopost".split()
)
# More companies, banks, platforms, services and their desks (not those whose name is a word or a person's
# name as well: "Permata", "Mega", "Dana", "Garuda", "Astra")
_BRANDS = frozenset(
    "bjb bankbjb bankdki bankjatim bankjateng bankaceh banknagari bpd cimb niaga cimbniaga bankmega bankpermata "
    "danamon maybank ocbc panin jenius ovo gopay linkaja shopeepay kredivo akulaku adira fif fifgroup wom "
    "honda yamaha suzuki toyota jne jnt jntexpress anteraja citilink airasia pelni asdp "
    "kopikenangan janjijiwa mcdonalds mcd kfc starbucks richeese indihome firstmedia biznet myrepublic "
    "pajakku djp djponline tirtanadi tirta pdam pgn".split()
)
# Public bodies and institutions by their own short names: one makes an account public
_BODIES = frozenset(
    "rsud rsia rsup pmi smpn sdn sman smkn mtsn ugm itb ipb its unair undip unpad uns unhas unand usu unsri "
    "unej uny upi telkomuniversity binus karangtaruna posyandu kodam kodim koramil korem polsek polres polda "
    "polrestabes polresta polantas satlantas divhumas humas kpk bpn atr ombudsman kejaksaan kejari kejati "
    "mahkamahagung dukcapil disdukcapil kemnaker kemdikbud kemenkeu kemenag kemenpupr pupr kpu bawaslu dprd "
    "damkar bpbd tni polisi dki "
    # the Protestant synods of Sumatra, Sulawesi, Maluku, NTT and Papua by their short names ("@gmim_sinode")
    "gmim hkbp gpm gmit gpib gkpi gkps gbkp gkst gmist gkjw gki gbi gpdi gidi gkii kingmi "
    # a city's complaint desk by the portal's own name ("@aduanbadung", "@aduan_bali"; session 14)
    "aduan".split()
)
# Kinds of institution ("pasar", "masjid", "sekolah"): public beside a place or a body, not beside an ordinary
# word, which may be a person's nickname ("@nova_pasar" may be a trader's)
_INSTITUTIONS = frozenset(
    "rs rsu puskesmas klinik smp sd sma smk mts man mi sekolah kampus univ universitas institut politeknik "
    "poltek stikes ui ub um masjid gereja pura vihara klenteng pasar terminal bandara stasiun pelabuhan pkk "
    "lantas pengadilan mahkamah agung ad au al kantor desa kelurahan kecamatan sinode klasis jemaat keuskupan "
    "paroki".split()
)
# Institutions a handle may open with, whatever their own name after it ("@masjid_alakbar", "@sdn_cibeureum"):
# nobody's personal account is so named
_OPENERS = frozenset(
    "rsud rsia smpn sdn sman smkn mtsn masjid musholla mushola gereja klenteng vihara puskesmas posyandu "
    "karangtaruna".split()
)
# Regions by the short names city and province pages use, beside those of `public_handles`
_REGIONS = frozenset("dki jabodetabek minang minangkabau sulawesi kalimantan sumatera sumatra jawa".split())
# Football clubs: their fan pages are no one's
_CLUBS = frozenset(
    "fc persib persija persebaya arema aremafc psm psms psis persik persipura persita persela baliunited "
    "psim persiraja".split()
)
# Words that say the account is an organisation's page
_MARKERS = frozenset(
    "official officials offcial ofc resmi info infos informasi news update updates post pos times today daily "
    "channel tv fm radio media online id care cs halo ask my group corp team store shop club talk express "
    "finance lalin syariah".split()
)
# Kinds, as bits: an organisation's own word, a page's word, a place or news word, a filler
_ORG, _MARKER, _PLACE, _FILLER, _KIND_OF_BODY = 1, 2, 4, 8, 16
_OWN = _PIECES | _MEDIA | _BRANDS | _BODIES | _CLUBS
_LONGEST = max(len(w) for w in _OWN | _MARKERS | _PLACES)
_CHUNK = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|\d+")


# Words of `public_handles` that name a kind of business, not one business ("@abang_ojol" may be a driver's)
_GENERIC = frozenset("ojol bus bank jasa marga line commuter kesehatan pos tirta".split())


@lru_cache(maxsize=1 << 12)
def _kinds_of_word(word: str) -> int:
    kinds = 0
    if word in _GENERIC:
        kinds |= _KIND_OF_BODY
    elif word in _OWN or len(word) >= 4 and _agency_like(word):
        kinds |= _ORG
    if word in _MARKERS:
        kinds |= _MARKER
    if word in _INSTITUTIONS:
        kinds |= _KIND_OF_BODY
    if word in _PLACES or word in _REGIONS:
        kinds |= _PLACE
    if not kinds and len(word) >= 4 and word in _LEX.words and word not in _LEX.names:
        kinds |= _FILLER
    return kinds


@lru_cache(maxsize=4096)
def _splits(chunk: str) -> frozenset[int]:
    """Every union of kinds a lower-case chunk can be wholly split into ("smpn" + "bogor"): empty when none."""
    # ways[end]: the unions of kinds of the splits of chunk[:end]
    ways: list[set[int]] = [set() for _ in range(len(chunk) + 1)]
    ways[0].add(0)
    for end in range(1, len(chunk) + 1):
        for start in range(max(0, end - _LONGEST), end):
            if not ways[start] or end - start <= 2 and start != 0 and end != len(chunk):
                continue  # two letters ("ui", "id", "my") open or end a piece, never inside it
            kinds = _kinds_of_word(chunk[start:end])
            if not kinds:
                continue
            for bit in (_ORG, _MARKER, _PLACE, _FILLER, _KIND_OF_BODY):
                if kinds & bit:
                    ways[end].update(w | bit for w in ways[start])
    return frozenset(ways[-1])


def _public(union: int) -> bool:
    if union & _ORG:
        return True
    if union & _KIND_OF_BODY and not union & _FILLER:
        return True  # "@rs_pmi_bogor", "@pasar_official"
    # a city and a page's word, and nothing else: "@medan_info"; an ordinary word beside them may be anyone's
    # nickname ("@ambon_manise_news")
    return bool(union & _MARKER and union & _PLACE and not union & _FILLER)


def public_organisation(handle: str) -> bool:
    """Whether an @handle is an organisation's account by what it is made of (see the module's docstring)."""
    # "24jam" is a page's word ("@depok24jam"), though digits are no piece
    bare = re.sub(r"24jam", "_info_", handle.lstrip("@").rstrip("."), flags=re.IGNORECASE)
    raw = [c for part in re.split(r"[._]+", bare) for c in _CHUNK.findall(part) if not c.isdigit()]
    chunks = [c.lower() for c in raw if len(c) > 1]
    if not chunks:
        return False
    for chunk in chunks:
        if chunk in _LEX.names and not _kinds_of_word(chunk) & (_ORG | _MARKER | _PLACE):
            return False  # "@rina_official": a person's name in it
    if chunks[0] in _OPENERS:
        return True
    unions: set[int] = {0}
    for chunk in chunks:
        ways = _splits(chunk)
        if not ways:
            return False  # a piece of no known words: a name the lists lack, a nickname
        unions = {u | w for u in unions for w in ways}
    return any(_public(u) for u in unions)
