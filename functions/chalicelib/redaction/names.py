"""Person names: seeds from cues, honorifics, titles and the name list, grown over neighbours.

A cue says how strongly a name follows (``_EXPLICIT`` "bernama", ``_STRONG`` an honorific or a
signature, ``_MEDIUM`` "saya" or a role, ``_WEAK`` "oleh"); the seed grows left and right over words
that can be part of a name, then lists ("A, B dan C") and other mentions of a found word are added.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from . import (
    buton_names,
    chat_names,
    companion_names,
    context,
    cue_adverbs,
    dialect_words,
    english_appositions,
    english_names,
    english_text,
    false_names,
    initials,
    name_gaps,
    name_model,
    name_particles,
    names_cued,
    names_table,
    notname_bodies,
    notname_chat,
    notname_derived,
    notname_units,
    notname_words,
)
from .contacts import _EMAIL, _HANDLE, _PROFILE_URL
from .context import (
    AFTER_NAME,
    CHAT_MARKERS,
    NOT_NAMED,
    capital_run,
    namable,
    named_by_context,
    regional_word,
    spoken_word,
)
from .document import _P_NAMA, _Candidate, _Doc, _overlaps, _Scan, _Span, _Token, needs
from .lexicon import (
    _AFFIXED,
    _DEGREE_WORDS,
    _FUNCTION_WORDS,
    _FUZZY_CUES,
    _KIN_WORDS,
    _LABELS,
    _LEX,
    _LOCATIVE,
    _VERB,
    _agency_like,
    _degree_at,
    _degree_ends,
    _is_role,
    _is_word,
    _wordlike,
)
from .name_shapes import person_shaped
from .public import _PLACE_PARTS
from .vocatives import ordinary_word

# How much a cue says that a name follows: EXPLICIT ("nama saya", "bernama", "a.n.", a title) takes any
# word, even an ordinary one ("bernama Bunga"); STRONG (an honorific, "Hormat saya,", "pelapor") takes any
# word that is not an ordinary Indonesian word; MEDIUM ("saya", "anak saya", a role) takes an unknown
# word that does not look like a word or a verb; WEAK ("oleh", "kepada", "mobil") takes only a listed
# name or a capitalised unknown word.
_EXPLICIT, _STRONG, _MEDIUM, _WEAK = 4, 3, 2, 1
_ABBREVIATIONS = frozenset(
    {"moh", "muh", "moch", "mochd", "mohd", "abd", "ach", "mhd", "md", "m", "st", "sy", "br", "dg"}
)
# "br." / "boru" joins a Batak woman's given name to her clan ("Sondang br. Siregar")
# "Daeng" / "Dg." joins a Makassar given name to the name that follows ("Suriani Daeng Bollo")
_PARTICLES = frozenset(
    {"bin", "binti", "bt", "al", "el", "van", "der", "de", "da", "ibnu", "abu", "br", "boru", "daeng", "dg"}
)
# Batak "br." (boru) between a woman's given name and her clan: the word before it is her given name,
# whatever word it is ("sondang br. purba", "Sdr. saur br. napitupulu")
_CLAN_MARKERS = frozenset({"br", "boru"})
# the end of a signature line after its office ("Ketua RT", "Bendahara (rek ...)") and such a line itself
_LINE_END_OFFICE = re.compile(r"(?:[ \t]+[A-Z]{2,3})?[ \t]*(?:\(|\n|$)")
_SIGNED_LINE = re.compile(r",[ \t]*([^\W\d_]+)(?:[ \t]+[A-Z]{2,3})?[ \t]*(?:\([^\n]*)?$")
_OFFICE_COMMA = re.compile(r"(?:[ \t]\d{1,3})?,[ \t]")
_OFFICE_GAP = re.compile(r"[ \t](?:\d{1,3}[ \t])?")
_NAME_AFTER = frozenset({"daeng", "dg", "br", "boru"})
_SKIP_AFTER_ROLE = frozenset(
    "kos kost kontrakan lahan tanah kendaraan usaha kebun sawah keluarga "
    "loket jaga lapangan kebersihan parkir pdam pln sekolah kelas kelurahan kecamatan desa dinas bagian yang yg "
    "saya sy kami kita nya itu tersebut tsb baru lama perempuan laki pria wanita muda tua senior piket shift pos "
    "kantor puskesmas teknik teknisi pelayanan layanan informasi pengaduan administrasi lingkungan setempat "
    "kampung wilayah kami kita terkait bersangkutan ybs kepala ketua rt rw proyek yaitu yakni adalah ialah bagian "
    "umum kebersihan keamanan dinas kantor toko warung kios pabrik gudang rumah sekolah kelas kelurahan".split()
)
_EXPLICIT_CUE = re.compile(
    r"(?i)(?<!\w)(?:nama\s*(?:saya|sy|sya|aku|ku|lengkap(?:nya)?|pelapor|pemilik|anak|suami|istri|ayah|ibu|bapak"
    r"|petugas|pelaku|oknum|orangnya|korban|pasien|siswa|warga|almarhum|almarhumah|alm)?(?:\s*(?:saya|sy|kami|nya))?|namanya|nm|nma|bernama|bernma"
    r"|brnama|atas\s+nama|a\s?\.\s?n\s?\.?|a/n|an\.|(?:yang|yg)\s+bertanda\s*tangan\s+di\s*bawah\s+ini(?:\s*,?\s*nama)?"
    # the regions' words for "name" and "called": Minang "namo", Javanese "jenenge"/"asmane", Sundanese
    # "nami"/"namina"
    r"|(?:atas\s+)?namo(?:nyo)?(?:\s+ambo)?|jeneng(?:e|é|ipun|ku)(?:\s+(?:kulo|kula|aku))?|asma(?:ne|nipun)"
    r"|asma\s+(?:kulo|kula|dalem)|nami(?:na)?(?:\s+(?:abdi|kuring|sim\s+kuring))?"
    # a complaint written in English (a visitor, a resident from abroad): "my name is", "his name's", "named"
    r"|(?:my|his|her|their)\s+(?:full\s+)?name(?:\s+is|'s)|named(?!\s+after\b))"
    r"(?![^\W\d_])[\s:=,\-]*(?:adalah\s+|ialah\s+|yaitu\s+|yakni\s+|katanya\s+|kata\s+orang\s+)?"
)
_STRONG_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:pelapor|dilaporkan\s+oleh|narahubung|contact\s+person|ttd\.?|hormat\s+(?:saya|kami|sy)"
    r"|salam\s+hormat|wassalam(?:u'?alaikum)?(?:\s+wr\.?\s*wb\.?)?|pengirim|dari\s*:|kepada\s*:|yth\.?|alm\.?|almh\.?"
    r"|almarhum(?:ah)?|mendiang"
    # English forms of address, as written in English ("Mrs. Smith", "Mr Made Wirawan"): not "MR" or "MS", the
    # letters of a number plate ("DK 7126 MS ugal-ugalan")
    r"|(?-i:M(?:rs?|s|ister|adam))\.?)(?![^\W\d_])[\s:=,\-]*(?:adalah\s+|ialah\s+|yaitu\s+|yakni\s+)?"
)
# Initials after "berinisial": "oknum berinisial AS", "inisial M.A.", "berinisial h.b."
_INITIALS = re.compile(
    r"(?i)(?<![^\W\d_])(?:ber)?inisial(?:nya)?\s*[:=]?\s*(?P<i>(?:[A-Za-z]\s?\.\s?){1,4}|[A-Za-z]{1,4}(?![^\W\d_]))"
)
_MEDIUM_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:saya|sy|sya|aku|aq|gue|gw|kami|kulo|kula|kawula|sengkok|abdi|ambo)"
    r"(?:\s+(?:adalah|ialah|sdr|sdri))?"
    r"|(?:tetangga|anak|anaknya|suami|suaminya|istri|isteri|istrinya|ibu|bapak|ayah|adik|adek|kakak|mertua|ortu"
    r"|orang\s+tua|keponakan|cucu|teman|kawan|saudara|paman|bibi|nenek|kakek|menantu|ipar|putra|putri|putera|puteri"
    r"|majikan|bos|atasan|pacar|rekan|kenalan|saksi)(?:\s+(?:saya|sy|sya|kami|ku|aku|gw|gue|kandung|perempuan|laki-laki))+"
    r"(?:\s+(?:yang|yg))?|salam|wassalam|regards|ttd|menurut|kata"
    r"|(?:sampaikan|disampaikan|laporkan|dilaporkan|lapor|bilang|tanya|tanyakan|mengadu|minta|adukan)\s+(?:ke|kpd|kepada|sama|sm|ama)"
    r")(?![^\W\d_])[\s,:]*"
)
_WEAK_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:oleh|kepada|kpd|dengan|dgn|dg|bersama|sama|sm|ama|menghubungi|dihubungi|ditemui|menemui"
    r"|bertemu|ketemu|bilang|ditelepon|dimarahi|dipukul|diancam|ditipu|milik|punya|rumah"
    r"|tanya|terima\s+kasih|makasih|trims|thanks|laporan|bantuan|dibantu|diurus|diterima|dilayani|ditangani"
    r"|lapak|kebun|sawah|pagar|anjing|kucing|ayam|kandang|gerobak|mobil|motor|sepeda|truk)"
    r"(?![^\W\d_])[\s,:]*"
)
# The writer's "I" in the regions' speech, which names the writer only before capitals: Ambon "beta",
# Papua "sa", Bali "tiang", Arab-Indonesian "ana"/"ane", Betawi "aye", Banjar "ulun", Banyumas "inyong"
_SELF_REGIONAL_CUE = re.compile(r"(?i)(?<![^\W\d_])(?:beta|sa|tiang|ana|ane|aye|ulun|inyong|nyong|gua)[ \t]+(?=[A-Z])")
# A relative or neighbour written in lower case, then capitals: "tatangga Jajang ngaruksak", "mak ambo Rosna
# (75)", "pamajikan na Nining". Case-sensitive on purpose: the contrast is the cue.
_KIN_BEFORE_CAPITALS = re.compile(
    r"(?<![^\W\d_])(?:tetangga|tatangga|pamajikan|salaki|bojo|bojone|anak|anakku|suami|istri|isteri|adik|adek"
    r"|kakak|mertua|ipar|keponakan|ponakan|cucu|paman|bibi|tante|nenek|kakek|mbah|emak|mak|mamak|ayah|teman"
    r"|kawan|sepupu|menantu)(?:[ \t]+(?:saya|sy|ku|aku|ambo|abdi|kami|kita|na|nya|ne|beta|sa|ana|kula|kulo|gw|gue))?"
    r"[ \t]+(?=[A-Z][a-z])"
)
_ROMAN = re.compile(r"[ivxlc]+")  # "RSUD Dok II Jayapura": a numeral, not a unit's short name
_KIN_BEFORE_CAPITALS_SCAN = _Scan(_KIN_BEFORE_CAPITALS, "word")
# A signature block's office on its own line, ending in a comma, over the name: "Ketua Komite Sekolah,\nJacob ..."
_OFFICE_LINE = needs(
    re.compile(r"(?m)^[ \t]*(?P<office>[^\W\d_][^\n,:]{1,50}),[ \t]*\n[ \t]*"),
    lambda text: ",\n" in text or ", \n" in text,
)
# Words that come right AFTER a name: "Budi di sini", "Budi selaku ketua", "Budi (45 th)".
_HERE = re.compile(r"(?i)(?<![^\W\d_])(?:di\s?sini|selaku|mengaku)(?![^\W\d_])")
# An age right after a name: "(45 th)", "(umur 25)", ", 51 thn,", "usia 65 tahun". "u(?<![^\W\d_]u)" is
# "(?<![^\W\d_])u" (no letter before the "u"): written so, every branch opens with a character, and re
# skips to the places that have one of them instead of trying the whole pattern at every place.
_AGE = re.compile(
    r"(?i)\((?:usia\s?|umur\s?)?\d{1,2}\s?(?:th|thn|tahun)?\.?\)|,\s?\d{1,2}\s?(?:th|thn|tahun)\.?(?=\s?[,)])"
    r"|u(?<![^\W\d_]u)(?:sia|mur)\s?\d{1,2}(?!\d)"
)
# A name in brackets right after a phone number: "hub. 0812... (Darsinah)"
_CONTACT_NAME = re.compile(r"\d\s?\(\s?(?=[^\W\d_])")
_NAMED_ROLE = re.compile(r"(?i)[^.!?\n]{0,60}?(?<![^\W\d_])(?:yaitu|yakni|adalah|ialah|an\.|a\.n\.)[\s,:]+")
_CLOSING = re.compile(
    r"(?i)(?:salam|hormat\s+(?:saya|kami)|terima\s*kasih|makasih|trims|wassalam\w*|ttd|regards|tabik"
    r"|matur\s+(?:nuwun|suwun)|suwun|nuwun|hatur\s+nuhun|thanks|thx|tq|tks|mksh)"
    r"(?:\s+(?:min|admin|mimin|kak|pak|bu|mas|mbak|nggih|ya|banyak|sebelumnya|semua))*\W*$"
)
_INTRODUCERS = frozenset("dari dr dri warga wrg bin binti tinggal alamat asal saking selaku sebagai umur usia".split())
_TEMPORAL = re.compile(
    r"(?i)(?<![^\W\d_])(?:kemarin|kemaren|kmrn|kmarin|kmren|tadi|td|semalam|barusan|tempo\s+hari)"
    r"(?:\s+(?:sore|pagi|siang|malam|mlm|subuh))?\s+"
)
_SUBJECT_VERBS = frozenset(
    "datang dtg pergi pulang bilang marah ngamuk minta bakar buang lewat masuk pukul teriak nyuruh ngomong lapor jual "
    "beli ambil bawa tanya parkir nabrak mukul ngancam nagih malak".split()
)
# "1. ", "a) ", "- " at the start of a line; or a line of an attendance list, "Sulastri \u2713"
_LIST_ITEM = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-\u2022*])[ \t]+|^(?=[^\W\d_][^\n]{0,40}[ \t][\u2713\u2717][ \t]*$)"
)
# A table whose header has a "Nama" column: "No | Nama | NIK"
_TABLE_HEADER = re.compile(r"(?im)^[^\n]*\|[^\n]*$")
# A list of people: "disaksikan oleh:", "yang tertipu:", "warga yang hadir:", "daftar lansia ...:"
_LIST_OF_PEOPLE = re.compile(
    r"(?i)(?:absensi|daftar\s+hadir|ahli\s+waris|saksi|disaksikan|korban|tertipu|hadir|pedagang|peserta|anggota|pasien|murid|siswa|lansia|keluarga"
    r"|penerima|pelaku|petugas|warga|nama-nama|nama)[^\n]{0,60}:[ \t]*\n?$"
)
_STAMP = r"\[[^\]\n]{4,30}\][ \t]*|\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+\d{1,2}[.:]\d{2}[ \t]*-[ \t]*"
_SPEAKER = re.compile(rf"(?m)^[ \t]*(?P<stamp>{_STAMP})?(?P<who>[^\W\d_][^\n:\[\]]{{0,40}}?)[ \t]?:[ \t]")
# WhatsApp's own lines: "18/03/25 18.07 - Jonggi menambahkan Nio", "... - Nio keluar"
_SYSTEM_LINE = re.compile(
    rf"(?m)^[ \t]*(?:{_STAMP})(?P<a>[^\n]{{1,40}}?)[ \t]+(?:menambahkan|mengeluarkan|added|removed)[ \t]+(?P<b>[^\n]{{1,40}}?)[ \t]*$"
    rf"|^[ \t]*(?:{_STAMP})(?P<c>[^\n]{{1,40}}?)[ \t]+(?:keluar|bergabung|left|joined)\b"
)
_CLOSING_LINE = re.compile(
    r"(?im)^[ \t]*(?:hormat\s+(?:saya|kami)|salam(?:[ \t]+\w+)?|terima\s*kasih|makasih|tertanda|wassalam\w*"
    r"(?:[ \t]+wr\.?[ \t]*wb\.?)?|ttd\.?|regards|yang\s+melaporkan|pelapor|wajib\s+pajak|pemohon|pengadu)[ \t]*[,.:]?[ \t]*\n\s*\(?[ \t]*"
)
_ID_AFTER = re.compile(
    r"(?i)[ \t]?[,(][ \t]?(?:nik|no\.?\s?ktp|ktp)(?![^\W\d_])"
    # a contact in brackets after a name: "Sabar (sabar_101@gmail.com)", "~Jimmy (0855.1116.5733):",
    # "milik Guntur (NPWP 07.163...)"
    r"|[ \t]?\([ \t]?(?:npwp|[\w.+\-]+@[\w\-]+\.|\+?\(?\d[\d .\-()]{6,}\d\)?(?:\)|$))"
)
_HEAD_END = re.compile(
    r"[ \t]*(?:$|\n|,|\(|\)|\||/|[-\u2013\u2014]\s|:|\u2713|\u2717)|[ \t]+(?:sekeluarga|dkk|cs)(?![^\W\d_])"
)
# Words that open a line or an item but are not names: field labels and the writer's own voice.
_NOT_A_HEAD = frozenset(
    "sy saya aku admin min mimin nama alamat waktu lokasi tanggal tgl hari hasil catatan kronologi perihal hal "
    "lampiran keterangan ket total jumlah kontak status tempat acara agenda kegiatan info kategori uraian judul "
    "isi pesan laporan keluhan tujuan dari kepada subjek topik pengurus panitia identitas transfer "
    # an e-mail's headers and the days of a schedule ("From: ...", "Senin: blok A")
    "from to subject cc bcc senin selasa rabu kamis jumat sabtu minggu ahad".split()
)
# Words the classifier never adds: line heads, and the boilerplate of a forwarded mail or message
# ("-----Pesan Asli-----", "Forwarded message")
_NEVER_MODELLED = _NOT_A_HEAD | frozenset("asli forwarded original message pesan diteruskan terusan".split())
_NOT_AFTER_HONORIFIC = frozenset(
    "kota negara guru dokter haji hajah sekalian semua yth terhormat mohon tolong minta maaf ibu bapak".split()
)
# "ayah saya, Pelita, pasien BPJS": a relative, a comma, the name
_KIN_COMMA = re.compile(
    r"(?i)(?<![^\W\d_])(?:ayah|ibu|bapak|suami|istri|isteri|anak|adik|kakak|nenek|kakek|mertua|tetangga|teman"
    r"|keponakan|cucu|paman|bibi)\s+(?:saya|sy|kami|kandung\s+saya)\s?,\s"
)
# Words for the people a "Role: Name" line names ("Ketua: ...", "Orang tua murid: ...")
_KIN = frozenset("ayah ibu bapak istri suami anak kakak adik orang tua murid keluarga kepala wali pemilik".split())
# A code of three or more dashed parts with a digit in it: a report, ticket or letter number
_CODE = re.compile(r"(?<![\w-])(?=[\w-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}(?![\w-])")
needs(_CODE, lambda text: text.count("-") >= 2)
# A form's field of a person's name: "Nama:", "Nama lengkap:", "Nama Pasien :", "Nama Orang Tua:", "Full name:"
_NAME_LABEL = re.compile(
    r"(?im)^[ \t]*(?:nama(?:[ \t]+(?:lengkap|pelapor|pasien|siswa|murid|korban|pemohon|ayah|ibu|wali|anak|suami|istri"
    r"|orang[ \t]+tua|penerima|pemilik|terlapor|saksi|tamu|wna|peserta))?|(?:full[ \t]+|guest[ \t]+)?name)[ \t]*:[ \t]*$"
)
_NOT_A_NAME_CUE = re.compile(r"(?i)(?:balik\s|nama-)$")
_SALUTATION = re.compile(
    r"(?i)salam\s+(?:lestari|sehat|hangat|sejahtera|olahraga|damai|persatuan|perjuangan|literasi|satu\s+jiwa|kompak)\s*[,.!]"
    # an office's or a movement's motto in lower case after a capital: "Salam hijau,", "Salam tangguh!"
    r"|(?-i:Salam|SALAM)[ \t]+(?-i:[a-z]+)[ \t]*[,.!]"
)
# A forwarded chat: "*Diteruskan*", "Dari grup tetangga, sy teruskan:", "ini dr grup"
_FORWARDED = re.compile(r"(?i)(?<![^\W\d_])(?:diteruskan|teruskan|forward(?:ed)?|fwd|dr\s+grup|dari\s+grup|grup\s+wa)")
# People named after a colon on the same line: "Yang sudah tertipu: A dan B", "Pihak bersengketa: A dan B"
_PEOPLE_INLINE = re.compile(
    r"(?i)(?<![^\W\d_])(?:tertipu|bersengketa|korbannya|pelakunya|saksinya|terlapor|teradu)[ \t]*:[ \t]+(?=[^\W\d_])"
)
# The writer's own voice: "saya X," introduces the writer
_SELF = frozenset("saya sy sya aku aq gue gw kami kulo kula kawula sengkok abdi ambo".split())
_CONJUNCTIONS = frozenset("dan dn & atau serta sama and".split())
_BALINESE = frozenset("wayan made nyoman ketut putu kadek komang gede luh nengah gusti ngurah ayu dewa".split())
# The words of Balinese names after "I"/"Ni" and of the titles "Anak Agung", "Ida Bagus", "I Dewa Gede":
# inside such a chain they are name words, even where they are ordinary words elsewhere ("agung", "bagus")
_BALINESE_CHAIN = _BALINESE | frozenset("agung bagus anak ida cokorda".split())
# Words before a capitalised word that make it a place or a clan, not a person: a Moluccan village
# ("Negeri Soya"), a Papuan district, a Batak clan ("grup Marga Siregar"). Not "Lumban": a village
# ("Desa Lumban Lobu") but also the first word of clans ("Lumban Tobing", "Lumban Gaol").
_PLACE_BEFORE = frozenset("negeri distrik marga".split())
# Heads of a region, who are addressed by the region in a letter's "Kepada Yth. Bapak Bupati Badung"
_REGION_HEADS = frozenset("bupati walikota gubernur kota".split())
_JURISDICTION = frozenset(
    "lurah camat kades kapolsek kapolres kapolresta danramil dandim bupati walikota gubernur kadus kasun sekcam "
    "bhabinkamtibmas babinsa "
    "seklur sekdes wakapolsek".split()
)


# The words that can seed a name whatever their case: honorifics, titles, listed names (roles are
# asked of _is_role, which knows their "-nya" forms).
_SEED_WORDS = _LEX.honorifics | _LEX.titles | _LEX.names


_PEOPLE_INLINE_SCAN = _Scan(_PEOPLE_INLINE, "word")
_ANY_DIGIT = re.compile(r"\d")
_ENDS_YANG = re.compile(r"(?i)\b(?:yang|yg)\W*$")  # a medium cue that ends in "yang"
# The patterns scanned over the whole text, skipped where the text lacks what every match needs (see
# document.needs), and those that can only match where a word starts scanned only there.
_KIN_COMMA_SCAN = _Scan(_KIN_COMMA, "word")
_FORWARDED_SCAN = _Scan(_FORWARDED, "word")
needs(_AGE, lambda text: _ANY_DIGIT.search(text) is not None)  # "(45 th)", ", 51 thn,", "usia 65"
needs(_CONTACT_NAME, lambda text: "(" in text)
needs(_SPEAKER, lambda text: ":" in text)
needs(_SYSTEM_LINE, lambda text: "[" in text or "/" in text)  # a time stamp
needs(_CLOSING_LINE, lambda text: "\n" in text)
needs(_TABLE_HEADER, lambda text: "|" in text)
# a bracket, or a comma and "nik"/"ktp" (in any case: a text not in ASCII is left to the pattern, since
# ignoring case "i" also matches "\u0130" and "\u0131")
needs(_ID_AFTER, lambda text: "(" in text or "," in text and _may_name_id(text))


def _may_name_id(text: str) -> bool:
    """Whether an ASCII text holds "nik" or "ktp" in any case (two finds in one lower() of it, several times
    quicker than a case-blind regex); any other text may."""
    if not text.isascii():
        return True
    low = text.lower()
    return "nik" in low or "ktp" in low


_CUE_GAP = re.compile(r"[\s:=,\-\"'(]*")  # between a cue and the name it gives
_CHECKED_LINE = re.compile(r"[^\n]*[\u2713\u2717][ \t]*$")  # "Sulastri \u2713" in an attendance list
# The cues are scanned only where a word starts (see document._Scan).
(
    _EXPLICIT_CUE_SCAN,
    _STRONG_CUE_SCAN,
    _MEDIUM_CUE_SCAN,
    _WEAK_CUE_SCAN,
    _HERE_SCAN,
    _TEMPORAL_SCAN,
    _INITIALS_SCAN,
    _SELF_REGIONAL_SCAN,
) = (
    _Scan(pattern, "word")
    for pattern in (
        _EXPLICIT_CUE,
        _STRONG_CUE,
        _MEDIUM_CUE,
        _WEAK_CUE,
        _HERE,
        _TEMPORAL,
        _INITIALS,
        _SELF_REGIONAL_CUE,
    )
)


# What the loops over every token of a text ask of a word, worked out once per word for every text (the
# lexicon is frozen) as bits: one lookup per token instead of a set test and a call per loop.
_SEEDS, _ROLE, _FUZZY, _PLACE, _OFFICE_PLACE, _BR, _LOWER_NAME, _CHAT, _KNOWN = (1 << k for k in range(9))
_WORD_CLASSES: dict[str, int] = {}


def _word_class(low: str) -> int:
    """The bits of `low`: it may seed a name (_SEEDS), is a role, a typo of a cue, a place or clan word
    ("negeri"), a word before the place an official serves ("lurah", "kota"), "br", a listed name that a
    writer who writes names in lower case shows (_LOWER_NAME), a mark of chat style."""
    found = _WORD_CLASSES.get(low)
    if found is not None:
        return found
    role = _is_role(low)
    found = (
        _KNOWN  # never 0, so that a word worked out is told from one that is not with one lookup
        | (_SEEDS if low in _SEED_WORDS or role else 0)
        | (_ROLE if role else 0)
        | (_FUZZY if low in _FUZZY_CUES else 0)
        | (_PLACE if low in _PLACE_BEFORE else 0)
        | (_OFFICE_PLACE if low in _JURISDICTION or low == "kota" else 0)
        | (_BR if low == "br" else 0)
        | (_LOWER_NAME if low in _LEX.names and low not in _LEX.common and len(low) > 3 else 0)
        | (_CHAT if low in CHAT_MARKERS else 0)
    )
    if len(_WORD_CLASSES) >= 1 << 17:  # bounded: a worker that runs for months meets every misspelling
        _WORD_CLASSES.clear()
    _WORD_CLASSES[low] = found
    return found


@lru_cache(maxsize=1 << 16)
def _office_word(low: str) -> bool:
    """A role, an honorific, a label or an agency's short name: never part of a person's name."""
    return _is_role(low) or low in _LEX.honorifics or low in _LABELS or _agency_like(low)


def _covered(tokens: list[_Token], spans: list[_Span], length: int) -> list[bool]:
    """For each token, whether any of the spans overlaps it (one pass over a character mask rather
    than every span for every token)."""
    if any(s >= e for s, e in spans):  # an empty span overlaps in _overlaps' sense but covers no character
        return [_overlaps(t.start, t.end, spans) for t in tokens]
    mask = bytearray(length)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return [mask.find(1, t.start, t.end) >= 0 for t in tokens]


class _Names:
    """Person names: seeds from cues, honorifics, titles and the name list, grown over neighbours."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.public = _covered(doc.tokens, doc.public + doc.numeric, len(doc.text))
        self.mixed = doc.mode == "mixed"
        # The names seed_at found on the weakest evidence (a word of the name list, capitalised unknown
        # words): the ones the trained classifier may veto (see _vetoed)
        self.weak: list[tuple[int, int]] = []
        self.starts_at = [t.start for t in doc.tokens]
        classes = _WORD_CLASSES.get
        self.classes = [classes(t.low) or _word_class(t.low) for t in doc.tokens]  # see _word_class
        # Does this writer put names in lower case ("saya hasanah firmansyah" in a mixed-case text)?
        self.lower_names = self.mixed and (
            any(c & _LOWER_NAME and not t.cap for c, t in zip(self.classes, doc.tokens, strict=True))
            or sum(1 for c in self.classes if c & _CHAT) >= 2  # chat style: "sy", "yg", "udh" (issue 11)
        )
        links = [_Span(m.start(), m.end()) for m in doc.found(_EMAIL)]  # "budi.santoso@...": not a name
        links += [_Span(m.start(), m.end()) for m in doc.found(_PROFILE_URL)]
        links += [_Span(m.start(), m.end()) for m in doc.found(_HANDLE)]
        links += [_Span(m.start(), m.end()) for m in doc.found(_CODE)]  # "AMB-5VXG-MPCA": a report number
        if links:
            self.public = [p or _overlaps(t.start, t.end, links) for p, t in zip(self.public, doc.tokens, strict=True)]
        # only the words the loop acts on: "negeri", "lurah", "kota"... (the others fall through it)
        for i in [i for i, c in enumerate(self.classes) if c & (_PLACE | _OFFICE_PLACE)]:
            # "Camat Lowokwaru (Ibu ...)", "Kapolsek Sukun Bapak ...": a place
            tok = self.tokens[i]
            if tok.low in _PLACE_BEFORE and i + 1 < len(self.tokens) and self.tokens[i + 1].cap:
                self.public[i + 1] = True  # "Negeri Soya", "Distrik Wamena", "Marga Siregar": a place, a clan
                continue
            honoured = i > 0 and self.tokens[i - 1].low in _LEX.honorifics  # "Bu Lurah Rabiatul": the person
            if (
                honoured
                and not (tok.low in _REGION_HEADS and self.addressed(i))
                and i + 1 < len(self.tokens)
                and not _overlaps(self.tokens[i + 1].start, self.tokens[i + 1].end, doc.phrases)
            ):
                continue
            # "Wali Kota Ambon": the two words of a mayor's office, then the city
            office = tok.low in _JURISDICTION or tok.low == "kota" and i > 0 and self.tokens[i - 1].low == "wali"
            if office and i + 1 < len(self.tokens) and self.jurisdiction(i + 1):
                self.public[i + 1] = True
                if i + 2 < len(self.tokens) and self.tokens[i + 2].low in _PLACE_PARTS:  # "Lurah Oro-oro Dowo"
                    self.public[i + 2] = True

    def addressed(self, i: int) -> bool:
        """Whether token i is on a letter's address line ("Kepada Yth. Bapak Bupati ...")."""
        line = self.doc.low[self.doc.low.rfind("\n", 0, self.tokens[i].start) + 1 : self.tokens[i].start]
        return "yth" in line or "kepada" in line

    def jurisdiction(self, j: int) -> bool:
        """Whether token j, right after "Lurah", "Camat", "Kapolsek"..., is the place the official serves."""
        tok = self.tokens[j]
        if self.doc.text[self.tokens[j - 1].end : tok.start] != " " or self.public[j] or len(tok.text) < 3:
            return False
        low = tok.low
        if (low in _LEX.names and low not in _LEX.common) or low in _LEX.honorifics or low in _LEX.titles:
            return False
        if _is_role(low) or person_shaped(low):
            return False  # "Lurah Sutrisnowati": a person's name by its ending (``name_shapes``)
        if self.mixed:
            return tok.cap and not tok.acronym
        return low not in _LEX.common and not _is_word(low)

    # -- token facts
    def is_name(self, i: int) -> bool:
        low = self.tokens[i].low
        return low in _LEX.names and low not in _LEX.common

    def is_ambiguous(self, i: int) -> bool:
        low = self.tokens[i].low
        return low in _LEX.names and low in _LEX.common

    def is_title(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok.low not in _LEX.titles or self.public[i]:
            return False
        dotted = self.doc.text[tok.end : tok.end + 1] == "."
        if tok.low == "dr" and not dotted and tok.text == "dr":
            # chat writes "dr" for "dari" ("fwd dr grup"): a doctor is "dr." or "dr" before a name
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            return nxt is not None and (nxt.cap if self.mixed else self.is_name(i + 1))
        return dotted or len(tok.low) > 2 or tok.low in ("hj", "kh", "dr")

    def blocked(self, i: int) -> bool:
        return self.public[i] or _office_word(self.tokens[i].low)

    def capital(self, i: int) -> bool:
        """Capitalised like a name: 'Budi', or 'BUDI' in a mixed-case text (not an acronym like 'PDAM')."""
        tok = self.tokens[i]
        if not tok.cap:
            return False
        return not tok.acronym or _wordlike(tok.low)

    def initial(self, i: int) -> bool:
        """'M.' in 'M. Rizal', but not the 'a.' and 'n.' of 'a.n.' (atas nama)."""
        tok, text = self.tokens[i], self.doc.text
        if len(tok.text) != 1 or text[tok.end : tok.end + 1] != "." or text[tok.start - 1 : tok.start].isalnum():
            return False  # not "x." in "22x."
        if tok.low == "n" and re.search(r"(?i)(?<![^\W\d_])a\.\s?$", text[max(0, tok.start - 3) : tok.start]):
            return False
        return not (tok.low == "a" and re.match(r"(?i)\.\s?n\b", text[tok.end :]))

    def adjacent(self, i: int) -> bool:
        """Whether tokens i and i+1 can be two words of one name."""
        if i + 1 >= len(self.tokens):
            return False
        gap = self.doc.text[self.tokens[i].end : self.tokens[i + 1].start]
        if gap in (" ", "  "):
            return True
        low = self.tokens[i].low
        abbreviated = len(low) == 1 or low in _ABBREVIATIONS or low in _LEX.titles or low in _LEX.honorifics
        return abbreviated and gap in (".", ". ", ".  ")

    def sentence_start(self, i: int) -> bool:
        before = self.doc.text[: self.tokens[i].start].rstrip(" \t\"'(")
        return not before or before[-1] in ".!?\n:"

    def nameish(self, i: int, strength: int, anchor: int | None = None) -> bool:
        """Whether token i can continue a name already started (next to token `anchor`, if given)."""
        tok = self.tokens[i]
        if self.blocked(i):
            return False
        if tok.low in _LEX.names or tok.low == "ode" and i > 0 and self.particle_before_name(i - 1):
            # "jenenge Budi wong sing ...": a lower-case word after a capitalised name is not its next
            # word, even when a list knows it as a name ("Wong", "Sing"), unless this writer writes names so
            lower_after = self.mixed and anchor is not None and self.tokens[anchor].cap and not tok.cap
            return not lower_after or self.lower_names
        if self.balinese(i):
            return True
        if self.nameish_after_particle(i):
            return True
        if tok.low in _LEX.common or tok.low in _LEX.titles:
            return self.capital_word(i)  # "Intan Permata", "Wulan Dari": capitals say it goes on
        if self.initial(i):
            return True
        if self.mixed and tok.cap:
            return self.capital(i)
        if self.mixed and (anchor is None or self.tokens[anchor].cap):
            return False  # capitals carry meaning: a lower-case word does not go on with "Budi"...
        if self.dictionary(i) and strength < _EXPLICIT:
            return False  # ... but may with "rokib" in "Bp. rokib haryanto"
        return strength >= _STRONG or strength == _MEDIUM and self.plausible_unknown(i)

    def plausible_unknown(self, i: int) -> bool:
        """An unknown word after 'saya', 'anak saya', 'petugas'...: a name unless it is a word or looks like one."""
        tok = self.tokens[i]
        if len(tok.text) < 3 or tok.acronym and self.mixed and not _wordlike(tok.low) or _AFFIXED.match(tok.low):
            return False
        if self.dictionary(i) or not any(c in "aeiouy" for c in tok.low) or tok.low in NOT_NAMED:
            return False  # a word ("hilang", "asma"), or an acronym ("pkh", "rtlh")
        if regional_word(tok.low) or not tok.cap and spoken_word(tok.low):
            return False  # "ambo anaknyo": Minang "-nyo" on an Indonesian word; "motor sy ilang": "hilang"
        return not self.blocked(i) and tok.low not in _LEX.common and tok.low not in _LEX.titles

    def introduced(self, i: int) -> bool:
        """Whether token i is followed by what follows a person introduced: "X dari Bukir", "X, warga ..."."""
        after = self.doc.text[self.tokens[i].end : self.tokens[i].end + 2]
        if after[:1] == "," or i + 1 >= len(self.tokens) or not self.adjacent(i):
            return after[:1] == ","
        return self.tokens[i + 1].low in _INTRODUCERS

    def particle_before_name(self, i: int) -> bool:
        """'I' or 'Ni' before a Balinese birth-order name, 'La' or 'Wa' before 'Ode', and the Sasak
        'Lalu' and 'Baiq' written with a capital before a capitalised name ('Lalu Mahrup')."""
        low = self.tokens[i].low
        if low in ("lalu", "baiq") and self.adjacent(i) and self.tokens[i].cap:
            # not "Lalu Budi datang" opening a sentence; but a list item or a signature line is a name
            if self.sentence_start(i) and not self.line_start(i):
                return False
            return self.tokens[i + 1].cap and (self.is_name(i + 1) or not self.dictionary(i + 1))
        if low in ("anak", "ida") and self.adjacent(i):  # "Anak Agung Ayu Sriasih", "Ida Bagus Made"
            nxt_tok = self.tokens[i + 1]
            pair = nxt_tok.low == ("agung" if low == "anak" else "bagus")
            return pair and (nxt_tok.cap or not self.mixed) and i + 2 < len(self.tokens) and self.adjacent(i + 1)
        if low not in ("i", "ni", "la", "wa") or not self.adjacent(i):
            return False
        nxt = self.tokens[i + 1].low
        return nxt in _BALINESE if low in ("i", "ni") else nxt == "ode"

    def line_start(self, i: int) -> bool:
        """Whether token i opens a line or a list item ("2. Lalu Mahsun", "Hormat saya,\nLalu Amrullah")."""
        newline = self.doc.text.rfind("\n", 0, self.tokens[i].start)
        line = self.doc.text[newline + 1 : self.tokens[i].start]
        return newline >= 0 and not line.strip(" \t-\u2022*.)0123456789")

    def jurisdiction_of(self, j: int) -> bool:
        """Whether token j is public only as the place an official serves ("Lurah X", "Sekdes X")."""
        tok = self.tokens[j]
        return (
            j > 0
            and self.tokens[j - 1].low in _JURISDICTION
            and not _overlaps(tok.start, tok.end, self.doc.phrases)
            and not _overlaps(tok.start, tok.end, self.doc.public)
        )

    def given_name(self, k: int, after_office: bool = False) -> bool:
        """Whether token k may be a given name that morphology places (before "br."): any word but a word
        of grammar, office or place. after_office: the jurisdiction rule (see __init__) is set aside."""
        tok = self.tokens[k]
        blocked = _office_word(tok.low) if after_office and self.jurisdiction_of(k) else self.blocked(k)
        return (
            len(tok.low) >= 3
            and not blocked
            and tok.low not in _FUNCTION_WORDS
            and tok.low not in NOT_NAMED
            and tok.low not in _LOCATIVE
            and not _AFFIXED.match(tok.low)
        )

    def lower_object(self, j: int) -> bool:
        """Whether lower-case token j, after a role and one space, says what the role is of ("truk")."""
        low = self.tokens[j].low
        spaced = j > 0 and self.doc.text[self.tokens[j - 1].end : self.tokens[j].start] == " "
        return spaced and not _AFFIXED.match(low) and low not in AFTER_NAME and low not in _CONJUNCTIONS

    def nameish_after_particle(self, i: int) -> bool:
        """'Syarifuddin Daeng Sanga', 'Sondang br. Purba': after "Daeng" or "br." comes a name, any word."""
        return i > 0 and self.tokens[i - 1].low in _NAME_AFTER and self.adjacent(i - 1) and self.given_name(i)

    def balinese(self, i: int) -> bool:
        """Whether token i goes on a Balinese name chain ("I Dewa Gede", "Anak Agung Ayu", "Ni Luh Putu")."""
        if i == 0 or not self.adjacent(i - 1) or self.tokens[i].low not in _BALINESE_CHAIN:
            return False
        prev = self.tokens[i - 1].low
        return self.particle_before_name(i - 1) or prev in _BALINESE_CHAIN and self.balinese(i - 1)

    def joins_left(self, k: int, anchor: int) -> bool:
        """Whether token k, right before the name word `anchor`, belongs to the name."""
        tok = self.tokens[k]
        if tok.low in _LEX.names or self.particle_before_name(k) or self.unknown_before_name(k, anchor):
            return True
        if not (self.mixed and self.capital(k)):
            return False
        if tok.low in _LEX.common:
            return False
        # "Paijo Sukirman", and inside a sentence also a capitalised word: "anak saya Meliana Tjahjadi"
        return not self.dictionary(k) or not self.sentence_start(k)

    def unknown_before_name(self, k: int, anchor: int) -> bool:
        """'dalijo prasetyo': an unknown lower-case word right before a listed lower-case name."""
        tok, name = self.tokens[k], self.tokens[anchor]
        if tok.cap or name.cap and self.mixed or name.low not in _LEX.names:
            return False
        return self.plausible_unknown(k) and not self.sentence_start(anchor)

    def dictionary(self, i: int) -> bool:
        """An ordinary word ('hilang', 'penipu', 'nonaktif') that is not also a listed name."""
        low = self.tokens[i].low
        return low not in _LEX.names and _is_word(low)

    def capital_word(self, i: int) -> bool:
        """A capitalised common word inside a mixed-case sentence, right after or before a name word:
        part of the name ("Intan Permata", "Mei Ling", "The Kian Hoo"), unless it is a function word."""
        tok = self.tokens[i]
        return (
            self.mixed
            and self.capital(i)
            and not tok.acronym
            and tok.low not in _FUNCTION_WORDS
            and not self.blocked(i)
            and not self.sentence_start(i)
        )

    def starts(self, i: int, strength: int) -> bool:
        """Whether token i can be the first word of a name, after a cue of this strength."""
        tok = self.tokens[i]
        if self.particle_before_name(i):
            return True  # "I Made Suarta", "Ni Luh Putu Ariani", "La Ode Musa"
        if self.blocked(i) or len(tok.text) < 2 and not self.initial(i):
            return False
        if strength >= _EXPLICIT and tok.low in ("lalu", "baiq") and self.adjacent(i):
            return self.is_name(i + 1) or self.plausible_unknown(i + 1)  # "bernama lalu saparudin"
        if tok.low in NOT_NAMED and strength < _EXPLICIT:
            return False  # "anak sy asma", "ibu saya stroke": a condition or a word of grammar, not a name
        if self.is_name(i):
            return True
        if self.is_ambiguous(i):
            # "Pedagang bunga di Pasar ...": in a well-capitalised text a lower-case word that is also a name
            # is the word, unless this writer puts names in lower case
            lower_word = self.mixed and not tok.cap and not self.lower_names and strength < _STRONG
            return strength >= _MEDIUM and not lower_word or (self.mixed and tok.cap)
        # "Ir. Sejati", "H. Makmur": a title with its full stop (chat's "dr" is "dari": "dr Minggu, 6 Juni")
        after_title = i > 0 and self.is_title(i - 1) and self.doc.text.startswith(". ", self.tokens[i - 1].end)
        if (
            strength >= _EXPLICIT
            and tok.low in _LEX.common
            and (self.after_honorific(i) or self.after_name_label(i) or after_title)
        ):
            # "Pak Gunung", "Saudara Permata": an ordinary word that the honorific says is a name
            return self.capital(i) if self.mixed else not tok.acronym or self.doc.mode == "upper"
        # ("a.n." ends in a dot, so no sentence_start here); not a field label ("di bawah ini:\nNama: ...")
        cue_named = self.mixed and self.capital(i) and tok.low not in _FUNCTION_WORDS and tok.low not in _NOT_A_HEAD
        cue_named = cue_named and tok.low not in _LOCATIVE and tok.low not in _NOT_AFTER_HONORIFIC  # "Bapak Wali Kota"
        if strength >= _EXPLICIT and cue_named and not tok.acronym and not after_title:
            # "a.n. Makmur dan", "atas nama Awan telah": the cue says so; one word, not the head of a
            # capitalised phrase ("atas nama Warga Desa", "atas nama Pemerintah Kota")
            phrase = self.adjacent(i) and self.tokens[i + 1].cap and not self.is_name(i + 1)
            if tok.low not in _LEX.titles and not phrase and not (i > 0 and self.is_title(i - 1)):
                return True  # otherwise as before ("Mas Go Tjong Bing": see below)
        if tok.low in _LEX.common or tok.low in _LEX.titles:
            # "saya Mei Ling", "Tante The Kian Hoo": a capitalised word before another name word
            nxt = i + 1
            return (
                strength >= _MEDIUM
                and self.capital_word(i)
                and self.adjacent(i)
                and self.capital_word(nxt)
                and (self.is_name(nxt) or self.tokens[nxt].low not in _LEX.common and self.capital(nxt))
                and self.nameish(nxt, _MEDIUM)
            )
        if self.mixed and self.capital(i):
            # "Bantuan Surat ...", "Motor saya Nopol": a capitalised word is a name after a strong cue only
            return strength >= _STRONG or not self.dictionary(i)
        if self.mixed and strength < _STRONG:
            # "KK saya hilang", "tetangga saya yang mampu": in a mixed-case text a lower-case word after a cue
            # is seldom a name; unless this writer puts names in lower case, or it introduces somebody
            # ("saya sarkawi dr karangketug")
            return strength == _MEDIUM and self.plausible_unknown(i) and (self.lower_names or self.introduced(i))
        if self.dictionary(i) and strength < _EXPLICIT:
            return False
        return strength >= _STRONG or strength == _MEDIUM and self.plausible_unknown(i)

    # -- growing a name
    def take(self, j: int, strength: int, extend: bool = False) -> tuple[int, int] | None:
        """A name starting at token j (after any titles), as a token range [first, last]. extend: the cue
        names a person (a relative, "ISTRI SAYA YELMI GUCI MELAHIRKAN"), so a word that ends the name
        where a name ends goes with it as after a strong cue."""
        k = j
        while k < len(self.tokens) and self.is_title(k) and self.adjacent(k):
            k += 1
        if k >= len(self.tokens):
            return None
        if k > j:
            strength = _EXPLICIT  # "Dr. Meliana", "H. Mat Rawi": a title says a name follows
        if not self.starts(k, strength):
            return None
        if self.tokens[k].low in _LEX.names:
            strength = max(strength, _MEDIUM)
        last = self.grow_right(k, strength)
        if (strength >= _STRONG or extend) and last < len(self.tokens) - 1 and self.adjacent(last):
            # "PAK TEKUN SURYA.", "SAYA MELIANA WIJAYA,": an ordinary word that ends the name where a name ends
            more = named_by_context(self, last + 1)
            if (
                more
                and more[0] == more[1]
                and self.doc.text[self.tokens[last].end : self.tokens[last + 1].start] == " "
            ):
                same_case = self.tokens[last + 1].cap == self.tokens[last].cap
                last = last + 1 if same_case or not self.mixed else last
        return j, last

    def grow_right(self, i: int, strength: int) -> int:
        words = 1
        while words < 5 and self.adjacent(i):
            nxt = i + 1
            if self.nameish(nxt, strength, i):
                i, words = nxt, words + 1
            elif self.bridges(nxt, strength):  # "Slamet bin Karto", "Tan Mei Hwa"
                i, words = nxt + 1, words + 2
            else:
                break
        return i

    def bridges(self, k: int, strength: int) -> bool:
        """Whether token k joins two parts of one name: a particle ("bin") or a common word between two names."""
        if k + 1 >= len(self.tokens) or not self.adjacent(k) or self.public[k]:
            return False
        if self.tokens[k].low in _PARTICLES:
            return self.nameish(k + 1, strength)
        if self.blocked(k):
            return False
        if self.tokens[k].low in _CONJUNCTIONS:
            return False  # "A dan B" are two people (see coordinated), not one name
        return self.tokens[k].low in _LEX.common and self.is_name(k + 1) and (not self.mixed or self.capital(k))

    def grow_left(self, i: int) -> int:
        while i > 0 and self.adjacent(i - 1):
            prev = i - 1
            tok = self.tokens[prev]
            if self.is_title(prev):
                i = prev
            elif self.initial(prev) or (not self.blocked(prev) and self.joins_left(prev, i)):
                i = prev
            elif tok.low in _PARTICLES and prev > 0 and self.adjacent(prev - 1) and self.nameish(prev - 1, _MEDIUM):
                i = prev - 1
            elif tok.low in _CLAN_MARKERS and prev > 0 and self.adjacent(prev - 1) and self.given_name(prev - 1):
                i = prev - 1  # "sondang br. purba": the given name before the clan
            else:
                break
        return i

    # -- seeds
    def first_token_at(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.starts_at, pos)
        if i >= len(self.tokens):
            return None
        gap = self.doc.text[pos : self.tokens[i].start]
        return i if _CUE_GAP.fullmatch(gap) else None

    def after_cue(
        self, pos: int, strength: int, skip: int = 0, context: bool = False, strict: bool = False
    ) -> tuple[int, int] | None:
        """The name after a cue ending at pos; with context, also an ordinary word that the cue (a relative,
        a role) names ("juru parkir Awan di", "pak lurah gunung ada")."""
        j = self.first_token_at(pos)
        if j is None:
            return None
        if strength >= _EXPLICIT:
            j = cue_adverbs.past_adverbs(self, j)  # "nama saya memang Sabar"
        first = j
        if self.tokens[j].low in _LEX.honorifics:
            return None  # the honorific seed takes it from here
        lower_run = True  # only a run of lower-case words right after the role ("sopir truk sampah ...")
        objects = False  # whether such words were skipped: then a verb must follow ("Avanza hitam" is a car)
        after_unit = False  # an acronym was skipped: the office's name ends there ("oknum ASN Wahyu Hidayat")
        # "kepala sekolah Embun Pagi memukul": after a role written in lower case, capitals are the person
        contrast = self.mixed and context and first > 0 and not self.tokens[first - 1].cap
        for _ in range(skip):
            low = self.tokens[j].low
            # "Kasi Pemerintahan", "Kabid Persampahan DLH", "petugas loket": the office, not the person
            office = (
                not after_unit
                and not (contrast and lower_run and self.tokens[j].cap)
                and low not in _LEX.names
                and (low in _LEX.common or _is_word(low))
                and low not in _FUNCTION_WORDS
                and low not in _LOCATIVE
                # "sopir truk sampah Maimun buang": after a role, lower-case words say what it is of
                and (self.tokens[j].cap or not self.mixed or context and lower_run and self.lower_object(j))
            )
            lower_run = lower_run and not self.tokens[j].cap
            # "oknum ASN Wahyu", "mahasiswa UPI": an agency's or a school's short name says whose the role is
            unit = self.mixed and self.tokens[j].acronym and len(low) <= 6 and not _ROMAN.fullmatch(low)
            skippable = self.public[j] or _is_role(low) or low in _SKIP_AFTER_ROLE or office or unit
            objects = objects or office and self.mixed and not self.tokens[j].cap and low not in _SKIP_AFTER_ROLE
            nxt = j + 1 < len(self.tokens) and self.doc.text[self.tokens[j].end : self.tokens[j + 1].start] in (
                " ",
                ", ",
                ": ",
            )
            if skippable and nxt and not self.is_name(j):
                j += 1
                after_unit = after_unit or unit
            else:
                break
        tok = self.tokens[j]
        if skip and self.mixed and tok.acronym and len(tok.low) <= 6 and not self.is_name(j):
            return None  # "mahasiswa UPI.": the role's unit ends the sentence, no person follows
        found = self.take(j, strength, extend=context and not objects)
        if found or not context:
            return found if not objects or found and self.verb_after(found[1]) else None
        for k in range(first, min(j, len(self.tokens) - 1) + 1):  # "juru parkir Awan di": the office, then the name
            if k == 0 or self.doc.text[self.tokens[k - 1].end : self.tokens[k].start] != " ":
                break  # "mas admin, Bantuan Baznas ...": a comma or a full stop ends what the cue names
            found = named_by_context(self, k, strict=strict)
            if found:
                return found if not objects or self.verb_after(found[1]) else None
        return None

    def self_named(self, pos: int) -> tuple[int, int] | None:
        """The writer's name in capitals right after their "I" ending at pos ("sy Agus Salim (bkn ...")."""
        j = self.first_token_at(pos)
        if j is None or j == 0 or self.doc.text[self.tokens[j - 1].end : self.tokens[j].start] != " ":
            return None
        return capital_run(self, j)

    def verb_after(self, k: int) -> bool:
        """Whether a verb follows token k across one space ("Maimun buang", "Awan datang", "X menjual")."""
        if k + 1 >= len(self.tokens) or self.doc.text[self.tokens[k].end : self.tokens[k + 1].start] != " ":
            return False
        low = self.tokens[k + 1].low
        return low in AFTER_NAME or bool(_VERB.match(low)) and _is_word(low)

    def spans(self) -> list[tuple[int, int]]:
        ranges: list[tuple[int, int]] = []
        text = self.doc.text
        for m in _EXPLICIT_CUE_SCAN.finditer(self.doc):
            if _NOT_A_NAME_CUE.search(text, max(0, m.start() - 7), m.start()):
                continue  # "balik nama sertifikat", "Nama-nama korban": not a person's name after it
            ranges.append(self.after_cue(m.end(), _EXPLICIT) or (-1, -1))
        for m in _STRONG_CUE_SCAN.finditer(self.doc):
            ranges.append(self.after_cue(m.end(), _STRONG) or (-1, -1))
        for m in _MEDIUM_CUE_SCAN.finditer(self.doc):
            # "tetangga saya yang mampu": after "yang" comes a verb or an adjective, seldom a name
            strength = _WEAK if _ENDS_YANG.search(m.group()) else _MEDIUM
            if _SALUTATION.match(text, m.start()):
                continue  # "Salam lestari,", "Salam sehat,": the greeting, the name is on the next line
            if m.group().split()[0].lower() in _SELF:
                # "SAYA SURYA DAMAI, REKENING ...", "sy Sabar, peserta": the writer names themself (at the
                # start of a clause: "KK SAYA HILANG," is something of theirs)
                found = self.after_cue(m.end(), strength)
                opens = text[: m.start()].rstrip(" ")[-1:] in ("", ".", "!", "?", ",", "\n")
                named = named_by_context(self, self.first_token_at(m.end()), True) if opens else None
                # "sy Berlian pedagang di ...", "ambo Rahmat Hidayat urang ...": capitals after the writer's "I"
                ranges.append(found or named or self.self_named(m.end()) or (-1, -1))
            else:  # "ibu saya Mutiara sudah", "ANAK SAYA TEKUN DITOLAK", "lapor ke pak jaya"
                ranges.append(self.after_cue(m.end(), strength, context=strength == _MEDIUM) or (-1, -1))
        for m in _SELF_REGIONAL_SCAN.finditer(self.doc):  # "Sa Paulina Yogi", "beta Yopie Sopacua mau lapor"
            ranges.append(self.self_named(m.end()) or (-1, -1))
        if self.mixed:
            for m in _KIN_BEFORE_CAPITALS_SCAN.finditer(self.doc):
                ranges.append(capital_run(self, self.first_token_at(m.end())) or (-1, -1))
        for m in _PEOPLE_INLINE_SCAN.finditer(self.doc):  # "YANG SUDAH TERTIPU: TETI DAN ONIH ROHAETI!"
            # "Terlapor: oknum ASN Wahyu Hidayat": the role and its unit, then the name
            ranges.append(self.after_cue(m.end(), _EXPLICIT, skip=3 if self.mixed else 0) or (-1, -1))
        for m in _WEAK_CUE_SCAN.finditer(self.doc):
            if "," not in m.group():  # "sulit dihubungi, Jatimulyo belum ...": the comma ends what the cue says
                ranges.append(self.after_cue(m.end(), _WEAK) or (-1, -1))
        for i in self.fuzzy_cues():
            ranges.append(self.after_cue(self.tokens[i].end, _EXPLICIT) or (-1, -1))
        for m in _HERE_SCAN.finditer(self.doc):
            ranges.append(self.before(m.start()) or (-1, -1))
        for m in _TEMPORAL_SCAN.finditer(self.doc):  # "kemarin darsinah datang": a subject before a verb
            ranges.append(self.subject(m.end()) or (-1, -1))
        for m in self.doc.found(_AGE):
            ranges.append(self.before(m.start(), _STRONG) or (-1, -1))
        for m in self.doc.found(_CONTACT_NAME):
            ranges.append(self.after_cue(m.end(), _STRONG) or (-1, -1))
        degree_ends = _degree_ends(text)  # most texts have none
        ends = {tok.end: k for k, tok in enumerate(self.tokens)} if degree_ends else {}
        for pos in degree_ends:  # "gimun, S.Ag": a degree follows a name (tried only where one may start)
            k = ends.get(pos, -1)
            if k >= 0 and self.tokens[k].low not in _DEGREE_WORDS and _degree_at(text, pos) and not self.public[k]:
                ranges.append(self.ending_at(k) or (-1, -1))
        ranges.append(self.signature() or (-1, -1))
        mixed = self.mixed
        for i, (tok, c) in enumerate(zip(self.tokens, self.classes, strict=True)):
            # Only a capitalised word (when capitals carry meaning) or a word of the lists can seed a name
            # (see seed_at): the others are skipped without the calls.
            if (mixed and tok.cap) or c & _SEEDS:
                ranges.append(self.seed_at(i) or (-1, -1))
        for i in [i for i, c in enumerate(self.classes) if c & _BR]:  # "sondang br. sitepu": a Batak name by its shape
            tok = self.tokens[i]
            if text.startswith(".", tok.end) and 0 < i < len(self.tokens) - 1:
                if self.adjacent(i - 1) and self.adjacent(i) and self.given_name(i - 1) and self.given_name(i + 1):
                    ranges.append((i - 1, i + 1))
        ranges = [r for r in ranges if r[0] >= 0]
        ranges += self.structured(ranges)
        ranges += self.coordinated(ranges)
        return ranges + self.across_particles(ranges)

    def across_particles(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """'Salim bin Ahmad Bawazier': a name found after "bin"/"binti" takes the word before the particle
        (a capitalised word in a mixed-case text), and one found before it the words after."""
        tokens, more = self.tokens, []
        for first, last in ranges:
            p = first - 1
            if p >= 1 and tokens[p].low in ("bin", "binti") and self.adjacent(p) and self.adjacent(p - 1):
                if self.particle_side(p - 1):
                    more.append((p - 1, last))
            p = last + 1
            if p + 1 < len(tokens) and tokens[p].low in ("bin", "binti") and self.adjacent(last) and self.adjacent(p):
                if self.particle_side(p + 1):
                    more.append((first, self.grow_right(p + 1, _STRONG)))
        return more

    def particle_side(self, k: int) -> bool:
        """Whether token k, next to "bin"/"binti" beside a name, is a name word too."""
        tok = self.tokens[k]
        if self.blocked(k) or tok.low in _FUNCTION_WORDS or len(tok.low) < 2:
            return False
        return tok.cap or not self.mixed

    # -- structure: lists, chat lines, signatures, the identity fields after a name
    def structured(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names placed by the shape of the text rather than by a cue word: the people of a list
        whose other items are names ("disaksikan oleh:\\n1. Baharuddin\\n2. Rajin Makmur"), the
        speakers of a forwarded chat ("[22/07/26 14.32] Kayla: ..."), the line after a closing
        ("Hormat saya,\\nAnak Agung Ayu Sriasih"), a name right before its NIK ("Damai Sakti, NIK
        ..."), and a name set off by commas after a role ("sopirnya, Pelita, ...")."""
        text, tokens = self.doc.text, self.tokens
        ranges: list[tuple[int, int]] = []
        inside = {k for first, last in found if first >= 0 for k in range(first, last + 1)}
        groups = self.list_groups()
        listed = self.listed_people(groups, inside)
        ranges += listed
        ranges += self.table_names()
        speakers = self.doc.found(_SPEAKER)
        forwarded = bool(_FORWARDED_SCAN.finditer(self.doc))
        unstamped: list[tuple[int, int]] = []
        for m in speakers:
            if m.group("stamp") or len(speakers) >= 2:
                j = self.first_token_at(m.start("who"))
                while (
                    j is not None
                    and j + 1 < len(tokens)
                    and (_is_role(tokens[j].low) or self.office_kin(j))
                    and (self.adjacent(j) or text.startswith(":", tokens[j].end))
                ):
                    j += 1  # "Satpam Damai:", "Kepling Gunung:", "Kepala Keluarga: Awan"
                stamp = bool(m.group("stamp"))
                # a forwarded group chat names its speakers in any case ("misnawati: kayaknya ...")
                any_case = stamp or len(speakers) >= 3 or forwarded
                head = self.head(j, speaker=not stamp, any_case=any_case) if j is not None else None
                if head and tokens[head[1]].end == m.end("who"):
                    (ranges if stamp else unstamped).append(head)
        # Without a time stamp, "Kategori:" and "Uraian:" are fields: the lines are a conversation only
        # when a speaker has a name word; then its other speakers are people too ("Kenanga: ...")
        if any(self.unusual(head) for head in unstamped):
            ranges += unstamped
        for m in speakers:  # "Ketua: Sondang br. Purba", "Kepala Keluarga: Awan", "Petugas: Asrul, dari ULP"
            # the tokens that start inside the speaker's part (starts_at is sorted)
            who = range(
                bisect.bisect_left(self.starts_at, m.start("who")), bisect.bisect_left(self.starts_at, m.end("who"))
            )
            if who and all(_is_role(tokens[k].low) or tokens[k].low in _KIN for k in who):
                j = self.first_token_at(m.end())
                head = self.head(j, listed=True) if j is not None else None  # "Petugas: Rajin Gunung, dari"
                if head and (self.mixed or self.unusual(head)):
                    ranges.append(head)
        for m in _KIN_COMMA_SCAN.finditer(self.doc):
            j = self.first_token_at(m.end())
            head = self.head(j) if j is not None and self.mixed else None
            if head:
                ranges.append(head)
        for m in self.doc.found(_SYSTEM_LINE):
            for part in ("a", "b", "c"):
                if m.group(part):
                    j = self.first_token_at(m.start(part))
                    head = self.head(j) if j is not None else None
                    if head and tokens[head[1]].end == m.end(part):
                        ranges.append(head)
        for m in self.doc.found(_CLOSING_LINE):
            if _CLOSING_LINE.match(text, m.end()):
                continue  # "Terima kasih.\nSalam,\nArief": the next line closes too, the name comes after it
            j = self.first_token_at(m.end())
            while (
                j is not None
                and j + 1 < len(tokens)
                and (
                    _is_role(tokens[j].low)
                    or tokens[j].low in _LABELS
                    or tokens[j].low in ("rt", "rw")
                    or self.office_kin(j)  # "Tertanda,\nKepala Keluarga: Awan"
                )
                and (self.adjacent(j) or text.startswith(":", tokens[j].end))
            ):
                j += 1  # "Ketua RW Tekun": the office, then the name
            head = self.head(j) if j is not None else None
            if head:
                ranges.append(head)
        for m in self.doc.found(_OFFICE_LINE):  # "Ketua Komite Sekolah,\nJacob Leiwakabessy\nBendahara,"
            first = self.first_token_at(m.start("office"))
            if first is None or not _is_role(tokens[first].low):
                continue
            j = self.first_token_at(m.end())
            head = self.head(j) if j is not None and tokens[j].start == m.end() else None
            if head and re.match(r"[ \t]*(?:\n|$|,)", text[tokens[head[1]].end :]):
                ranges.append(head)
        for m in self.doc.found(_ID_AFTER):
            head = self.head_before(m.start())
            if head and (self.mixed or self.unusual(head)):
                ranges.append(head)
        if self.mixed:
            roles = [i for i, c in enumerate(self.classes) if c & _ROLE]
            for i in roles:  # "sopirnya, Pelita, buat antar", "Ketua BEM, Surya Makmur, dapat"
                if self.public[i]:
                    continue
                j = i + 1
                while (
                    j < len(tokens)
                    and j - i <= 2
                    and tokens[j].acronym
                    and text[tokens[j - 1].end : tokens[j].start] == " "
                ):
                    j += 1
                j = self.office_end(i, j)  # "3. Ketua RW 04, Permata", "Perwakilan Dinas Lingkungan Hidup, Nur"
                if (
                    j < len(tokens)
                    and _OFFICE_COMMA.fullmatch(text[tokens[j - 1].end : tokens[j].start])
                    and tokens[j].cap
                ):
                    head = self.head(j)
                    if head and re.match(
                        r"\s?[,.(]|[ \t]*(?:\n|$)", text[tokens[head[1]].end : tokens[head[1]].end + 2]
                    ):
                        ranges.append(head)
            for i in roles:  # "Mutiara, sekretaris RT", "Saya Guntur, dosen Universitas ..."
                tok = tokens[i]
                if i > 0 and not self.public[i] and text[tokens[i - 1].end : tok.start] == ", ":
                    head = self.head_before(tokens[i - 1].end)
                    placed = head and (
                        self.unusual(head) or not self.sentence_start(head[0]) or self.signed(head[0], i)
                    )
                    if head and tokens[head[0]].cap and placed:
                        ranges.append(head)
        # "- [a name found by its NIK], KTP luar kota\n- Marsudi Budiono, paspor ...": a list whose item was
        # found only now is a list of people too
        more = {k for first, last in ranges if first >= 0 for k in range(first, last + 1)} - inside
        if more and groups:
            ranges += [r for r in self.listed_people(groups, inside | more) if r not in listed]
        return [r for r in ranges if r[0] >= 0]

    def listed_people(self, groups: list[list[int]], inside: set[int]) -> list[tuple[int, int]]:
        """The heads of the list items of every list of people: a list with an item already found as a
        name (a token in `inside`), introduced as people, ticked off, or of unusual words."""
        text, tokens = self.doc.text, self.tokens
        ranges: list[tuple[int, int]] = []
        for group in groups:
            heads = [h for h in (self.head(j) for j in group) if h]
            people = any(k in inside for first, last in heads for k in range(first, last + 1))
            line_start = text.rfind("\n", 0, tokens[group[0]].start) + 1
            intro = _LIST_OF_PEOPLE.search(text, max(0, line_start - 80), line_start)
            checked = all(_CHECKED_LINE.match(text, tokens[j].start) for j in group)
            # "- Sintje\n- Shirley\n- Eneng": every item a word that is a name or no Indonesian word
            odd = sum(self.unusual(h) for h in heads)
            unusual = len(heads) >= 3 and len(heads) == len(group) and odd >= len(heads) - 1
            if people or intro or checked and len(group) >= 2 or unusual:
                # in a list of people a word that only looks like the start of a public name is a name
                # too ("3. Angkasa Gunung", "2. Ombak Gunung (anak)"); the region's own names still are not
                ranges += [h for h in (self.head(j, listed=True) for j in group) if h]
        return ranges

    def signed(self, k: int, role: int) -> bool:
        """'Jeane Latuconsina, Ketua RT\nTekun, Bendahara (rek ...)': a line of a signature block, a name
        then its office to the end of the line, under another such line."""
        text, tokens = self.doc.text, self.tokens
        if (
            not self.line_start(k)
            or not _LINE_END_OFFICE.match(text, tokens[role].end)
            or _AFFIXED.match(tokens[k].low)
        ):
            return False  # "Pengumuman, Ketua RT": a heading
        start = text.rfind("\n", 0, tokens[k].start)
        previous = text[text.rfind("\n", 0, start) + 1 : start]
        m = _SIGNED_LINE.search(previous)
        return bool(m and _is_role(m.group(1).lower()))

    def office_end(self, i: int, j: int) -> int:
        """Where the office opened by role token i ends when it opens a list item or a line and goes on
        over its unit, number or agency ("Ketua RW 04", "Perwakilan Dinas Kebersihan dan Pertamanan") to
        a comma; j if it does not."""
        tokens, text = self.tokens, self.doc.text
        if not self.line_start(i) and not (i > 0 and self.line_start(i - 1) and tokens[i - 1].low in _LEX.honorifics):
            return j
        k = i + 1
        while k < len(tokens) and k - i <= 6:
            gap = text[tokens[k - 1].end : tokens[k].start]
            if _OFFICE_COMMA.fullmatch(gap):  # "Ketua RW 04, Permata"
                return k if k > j else j
            if not _OFFICE_GAP.fullmatch(gap):
                return j
            low = tokens[k].low
            if not (self.public[k] or tokens[k].acronym or low.isdigit() or _is_role(low) or low in _CONJUNCTIONS):
                return j
            k += 1
        return j

    def office_kin(self, j: int) -> bool:
        """'Kepala Keluarga', 'Wali Murid': a family word after a role names an office, not a person."""
        return j > 0 and self.tokens[j].low in _KIN and _is_role(self.tokens[j - 1].low) and self.adjacent(j - 1)

    def table_names(self) -> list[tuple[int, int]]:
        """The cells under a "Nama" column of a table written with bars ("No | Nama | NIK")."""
        found: list[tuple[int, int]] = []
        column = None
        for m in self.doc.found(_TABLE_HEADER):
            cells = m.group().split("|")
            names = [c for c, cell in enumerate(cells) if cell.strip().lower() in ("nama", "nama lengkap")]
            if names:
                column = names[0]
                continue
            if column is None or column >= len(cells):
                continue
            start = m.start() + sum(len(c) + 1 for c in cells[:column])
            j = self.first_token_at(start)
            if j is not None and self.tokens[j].start < start + len(cells[column]):
                head = self.head(j)
                if head:
                    found.append(head)
        return found

    def unusual(self, span: tuple[int, int]) -> bool:
        """Whether a span has a word that is a listed name or not an Indonesian word."""
        return any(self.is_name(k) or not self.dictionary(k) for k in range(span[0], span[1] + 1))

    def list_groups(self) -> list[list[int]]:
        """The first tokens of the items of each list ("1. ", "a. ", "- " at the start of a line),
        grouped by list (items on consecutive lines)."""
        groups: list[list[int]] = []
        last_line_end = -2
        for m in _LIST_ITEM.finditer(self.doc.text):
            j = self.first_token_at(m.end())
            if j is None or self.tokens[j].start != m.end():
                continue
            if groups and self.doc.text.count("\n", last_line_end, m.start()) <= 1 and last_line_end >= 0:
                groups[-1].append(j)
            else:
                groups.append([j])
            last_line_end = self.doc.text.find("\n", m.end())
            if last_line_end < 0:
                last_line_end = len(self.doc.text)
        return groups

    def head_word(self, k: int, speaker: bool = False, any_case: bool = False, listed: bool = False) -> bool:
        """Whether token k can be part of a name that the text's structure places (any word but a
        role, an honorific, a label or a public name; capitalised when capitals carry meaning).
        listed: an item of a list of people, where only the region's phrases are public names."""
        tok = self.tokens[k]
        if listed:
            in_phrase = _overlaps(tok.start, tok.end, self.doc.phrases)
            blocked = in_phrase or _office_word(tok.low) or tok.low in _LEX.street_openers or tok.acronym
        else:
            blocked = self.blocked(k)
        if blocked or tok.low in _FUNCTION_WORDS or tok.low in _NOT_A_HEAD or len(tok.text) < 2 and not self.initial(k):
            return False
        return tok.cap or not self.mixed or any_case

    def head(
        self, j: int, speaker: bool = False, any_case: bool = False, listed: bool = False
    ) -> tuple[int, int] | None:
        """The name that opens a list item, a chat line or a signature line: one to five words, then
        the end of the line, a comma, a bracket, a dash or a colon."""
        tokens, text = self.tokens, self.doc.text
        while j < len(tokens) and (tokens[j].low in _LEX.honorifics or self.is_title(j)) and self.adjacent(j):
            j += 1  # "Pak Jaya", "Kak Andi Lolo": the honorific stays
        if j >= len(tokens):
            return None
        k = j
        if not (self.head_word(k, speaker, any_case, listed) or self.particle_before_name(k)):
            return None
        while k + 1 < len(tokens) and k - j < 4 and self.adjacent(k):
            nxt = k + 1
            if self.head_word(nxt, speaker, any_case, listed) or self.initial(nxt) or self.particle_before_name(nxt):
                k = nxt
            elif tokens[nxt].low in _PARTICLES and nxt + 1 < len(tokens) and self.adjacent(nxt):
                k = nxt + 1  # "Sondang br. Siregar"
            else:
                break
        after = text[tokens[k].end : tokens[k].end + 16]
        return (j, k) if _HEAD_END.match(after) else None

    def head_before(self, pos: int) -> tuple[int, int] | None:
        """The name just before ", NIK ..." or " (NIK ...)": up to four words."""
        last = bisect.bisect_left(self.starts_at, pos) - 1
        if last < 0 or self.doc.text[self.tokens[last].end : pos].strip():
            return None
        first = last
        if not self.head_word(last):
            return None
        while first > 0 and last - first < 3 and self.adjacent(first - 1) and self.head_word(first - 1):
            first -= 1
        before = self.tokens[first - 1] if first > 0 else None
        if (
            before
            and self.adjacent(first - 1)
            and before.cap
            and self.mixed
            and before.low not in _FUNCTION_WORDS
            and not (_is_role(before.low) or before.low in _LEX.honorifics)  # "Narahubung Permata (+62...)"
        ):
            return None  # a longer capitalised phrase: a heading or a public name, not a person
        return first, last

    def coordinated(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names listed with a found one: "Sukarji, Masruroh, dan Debora Panjaitan", "lily kurniawati dan juminten"."""
        found: list[tuple[int, int]] = []
        todo = list(ranges)
        inside = {k for first, last in ranges for k in range(first, last + 1)}
        while todo:
            first, last = todo.pop()
            twin = self.parallel(first, last)
            if twin and twin[0] not in inside:
                found.append(twin)
                todo.append(twin)
                inside |= set(range(twin[0], twin[1] + 1))
            for step in (-1, 1):
                hit = self.listed_next(first if step < 0 else last, step)
                if hit is None or hit[0] in inside:
                    continue
                if not (self.listed_name_word(hit[0]) or hit[1] and self.listed_last_word(hit[0])):
                    continue
                k, conj = hit
                new = (self.grow_left(k), k) if step < 0 else (k, self.grow_right(k, _MEDIUM))
                # "A, B" alone may be a name and something else ("Sukarti, Kepesertaan PDAM ..."): a list
                # needs its "dan"/"atau", here or further on ("Sukarji, Masruroh, dan Debora")
                if not conj and self.listed_next(last if step < 0 else new[1], 1) is None:
                    continue
                found.append(new)
                todo.append(new)
                inside |= set(range(new[0], new[1] + 1))
        return found

    def parallel(self, first: int, last: int) -> tuple[int, int] | None:
        """'PAK KADES [Asep] DAN SEKDES Syakira', 'linmas [Jaya] sama petugas ppsu ketut': a name after a
        role, then "dan"/"sama" and another role: the word after that role is a name too, whatever word."""
        tokens, text = self.tokens, self.doc.text
        if first == 0 or not (_is_role(tokens[first - 1].low) or self.is_title(first - 1)):
            return None
        k = last + 1
        if k + 1 >= len(tokens) or text[tokens[last].end : tokens[k].start] != " ":
            return None
        if tokens[k].low not in _CONJUNCTIONS or not self.adjacent(k):
            return None
        j, offices = k + 1, 0
        while j < len(tokens) and offices < 3 and self.adjacent(j):
            low = tokens[j].low
            if not (_is_role(low) or low in _LEX.honorifics or self.is_title(j) or tokens[j].acronym and self.mixed):
                break
            j, offices = j + 1, offices + 1
            if low not in _LEX.honorifics and not self.is_title(j - 1) and not _is_role(tokens[j].low):
                # the role may be followed by a unit ("petugas ppsu"): one unknown word, then the name
                if j + 1 < len(tokens) and self.adjacent(j) and not _is_word(tokens[j].low) and offices < 3:
                    if namable(self, j + 1) and self.doc.mode != "upper":
                        j += 1
                break
        if not offices or j >= len(tokens) or _overlaps(tokens[j].start, tokens[j].end, self.doc.phrases):
            return None
        # the place a "Sekdes" serves is no rival here: after "A dan" the office is a person's too
        lower = self.mixed and tokens[first].cap and not tokens[j].cap  # "Hutapea sama bripka jaya": a name word
        named = self.lower_names or tokens[j].low in _LEX.names or self.is_title(j - 1)  # a rank: "bripka jaya"
        if lower and not named or self.public[j] and not self.jurisdiction_of(j):
            return None
        if not self.given_name(j, after_office=True) or tokens[j].low in _LOCATIVE:
            return None
        return j, self.grow_right(j, _MEDIUM)

    def listed_next(self, k: int, step: int) -> tuple[int, bool] | None:
        """The token that a list ("A, B dan C") puts next to token k on one side, and whether a
        conjunction stands between them."""
        text, tokens = self.doc.text, self.tokens
        j = k + step
        if not 0 <= j < len(tokens):
            return None
        gap = text[tokens[min(j, k)].end : tokens[max(j, k)].start]
        if gap == ", " and tokens[j].low not in _CONJUNCTIONS:
            return j, False
        if gap in (" & ", ", & ") and tokens[j].low not in _CONJUNCTIONS:
            return j, True  # "Petugas: Teguh & Slamet"
        if gap in (" ", ", ") and tokens[j].low in _CONJUNCTIONS:
            j2 = j + step
            if 0 <= j2 < len(tokens) and text[tokens[min(j, j2)].end : tokens[max(j, j2)].start] in (" ", ", "):
                return j2, True
        return None

    def listed_last_word(self, k: int) -> bool:
        """'Parjo dan Awan.': a capitalised ordinary word after "dan" that ends the clause, in a mixed-case text."""
        if not (self.mixed and self.tokens[k].cap and namable(self, k)):
            return False
        rest = self.doc.text[self.tokens[k].end : self.tokens[k].end + 1]
        return rest in ("", ".", ",", ";", "!", "?", "\n", ")")

    def listed_name_word(self, k: int) -> bool:
        """Whether token k, listed next to a name, is a name too: a name word, or an unknown word written like one."""
        tok = self.tokens[k]
        if self.blocked(k) or tok.low in _LEX.titles or len(tok.text) < 3:
            return False
        if tok.low in _LEX.names:
            return not self.mixed or tok.cap
        if tok.low in _LEX.common:
            return False
        if self.mixed:
            return tok.cap and self.unknown_capital(k)
        return self.plausible_unknown(k)

    def seed_at(self, i: int) -> tuple[int, int] | None:
        tok = self.tokens[i]
        if tok.low in _LEX.honorifics and not self.public[i] and self.honorific_alone(i):
            if i + 1 < len(self.tokens) and self.tokens[i + 1].low.endswith("nya"):
                return None  # "kakak kelasnya", "ibu-nya": a relation, not a name
            if self.adjacent(i):
                if not self.mixed and ordinary_word(self.tokens[i + 1].low):
                    return None  # "mampet pak bau", "longsor pak truk": the listener called (``vocatives``)
                # "pak jaya cuma bilang", "mas angkasa yg nolongin": an ordinary word that the honorific names
                found = self.take(i + 1, _EXPLICIT if self.titled(i + 1) else _STRONG)
                spaced = self.doc.text[tok.end : self.tokens[i + 1].start] == " "  # not "mas. hub."
                return found or (named_by_context(self, i + 1) if spaced else None)
            comma = i + 1 < len(self.tokens) and self.doc.text[tok.end : self.tokens[i + 1].start] in (",", ", ", ". ,")
            return self.take(i + 1, _MEDIUM) if comma else None
        if _is_role(tok.low) and not self.public[i]:
            return self.after_role(i)
        if self.is_title(i) and (i == 0 or self.tokens[i - 1].low not in _LEX.titles):
            return self.take(i, _STRONG)
        if self.public[i] or self.blocked(i):
            return None
        if self.is_name(i) or self.is_ambiguous(i) and self.mixed and tok.cap and not self.sentence_start(i):
            weak: tuple[int, int] | None = (self.grow_left(i), self.grow_right(i, _MEDIUM))
        else:
            weak = self.capitalised_words(i) if self.mixed else None
        if weak:
            self.weak.append(weak)
        return weak

    def after_honorific(self, j: int) -> bool:
        """Whether token j follows an honorific across one space ("Pak Gunung", not "mbak. Trims")."""
        return (
            j > 0
            and self.tokens[j - 1].low in _LEX.honorifics
            and self.doc.text[self.tokens[j - 1].end : self.tokens[j].start] == " "
        )

    def after_name_label(self, j: int) -> bool:
        """Whether token j follows a "Nama:" field label ("Nama: Surya")."""
        return bool(_NAME_LABEL.search(self.doc.text, max(0, self.tokens[j].start - 24), self.tokens[j].start))

    def titled(self, j: int) -> bool:
        """Whether the word after an honorific is surely a name, even an ordinary word ("Pak Sakti
        Gunung", "Saudara Permata", "PAK SALMON"): capitalised in a mixed-case text or written in a
        text all in capitals, and not a word of place, office or grammar ("Ibu Kota", "Bapak yang")."""
        tok = self.tokens[j]
        if tok.low in _FUNCTION_WORDS or tok.low in _LOCATIVE or tok.low in _NOT_AFTER_HONORIFIC or self.blocked(j):
            return False
        if not self.after_honorific(j) or tok.low in _NOT_A_HEAD:
            return False
        return self.mixed and tok.cap and not tok.acronym or self.doc.mode == "upper"

    def after_role(self, i: int) -> tuple[int, int] | None:
        """'Lurah Bukir Hadi Santoso', 'petugas loket Andi', 'sopir truk DLH yaitu Tukimin'."""
        end = self.tokens[i].end
        named = _NAMED_ROLE.match(self.doc.text, end)
        if named:
            return self.after_cue(named.end(), _MEDIUM)
        if not (self.adjacent(i) or self.doc.text.startswith((" ", ", "), end)):
            return None
        # "pak lurah gunung ada", "bu lurah rugayah baik": after "Pak RT", "Bu Lurah" an ordinary word is the
        # officer's name; after a bare role it is more often what the role is of ("pemilik kos", "pasien lansia")
        honoured = i > 0 and self.tokens[i - 1].low in _LEX.honorifics and self.adjacent(i - 1)
        strength = _EXPLICIT if self.honoured_role(i) else _MEDIUM
        found = self.after_cue(end, strength, skip=3, context=True, strict=not honoured)
        return None if found and not honoured and context.goods(self, i, found[0]) else found

    def honoured_role(self, i: int) -> bool:
        """'Pak RT Jaya', 'Bu Lurah Rabiatul', 'PAK KADES ANDREAS': an office after an honorific, then a
        word written like a name; that word is the officer's name even when it is an ordinary word."""
        tokens = self.tokens
        if i == 0 or i + 1 >= len(tokens) or tokens[i - 1].low not in _LEX.honorifics or not self.adjacent(i - 1):
            return False
        nxt = tokens[i + 1]
        if not self.adjacent(i) or nxt.low in _FUNCTION_WORDS or self.blocked(i + 1):
            return False
        return self.mixed and nxt.cap and not nxt.acronym or self.doc.mode == "upper"

    def subject(self, pos: int) -> tuple[int, int] | None:
        """Unknown words right after "kemarin", "tadi"..., followed by a verb: "kemarin darsinah rumiyati datang"."""
        j = self.first_token_at(pos)
        if j is None or self.tokens[j].cap and self.mixed or not (self.is_name(j) or self.plausible_unknown(j)):
            return None
        last = self.grow_right(j, _MEDIUM)
        if last + 1 >= len(self.tokens) or not self.adjacent(last):
            return None
        verb = self.tokens[last + 1].low
        return (j, last) if verb in _SUBJECT_VERBS or _VERB.match(verb) and _is_word(verb) else None

    def before(self, pos: int, strength: int = _MEDIUM) -> tuple[int, int] | None:
        """The name just before 'di sini' ('Budi Santoso di sini, warga Bukir')."""
        last = bisect.bisect_left(self.starts_at, pos) - 1
        gap = self.doc.text[self.tokens[last].end : pos] if last >= 0 else "x"
        if last < 0 or gap and not gap.isspace():
            return None
        while last > 0 and _degree_at(self.doc.text, self.tokens[last - 1].end) == self.tokens[last].end:
            last -= 1  # "gimun s.ag selaku": the degree belongs to the name
        if last > 0 and _degree_at(self.doc.text, self.tokens[last - 1].end) and self.tokens[last].low in _DEGREE_WORDS:
            last -= 1
        return self.ending_at(last, strength)

    def ending_at(self, last: int, strength: int = _MEDIUM) -> tuple[int, int] | None:
        first = last
        while first > 0 and last - first < 3 and self.adjacent(first - 1) and self.nameish(first - 1, strength, first):
            first -= 1
        ok = all(self.nameish(k, strength, last) or self.is_title(k) for k in range(first, last + 1))
        return (first, last) if ok and self.starts(first, strength) else None

    def signature(self) -> tuple[int, int] | None:
        """A last line of one to four words that could be a name: the sender signing off."""
        text = self.doc.text.rstrip()
        cut = max(text.rfind("\n"), text.rfind(","), text.rfind(". "), text.rfind(" - ") + 1)  # "... - Budi"
        if cut < 0 or not self.tokens:
            return None
        first = bisect.bisect_left(self.starts_at, cut)
        last = len(self.tokens) - 1
        if not 0 <= last - first < 4 or re.search(r"[^\w\s.,'-]", text[cut + 1 :]):
            return None
        if text[cut] not in "\n-" and not _CLOSING.search(text, max(0, cut - 30), cut + 1):
            return None
        ok = all(
            self.nameish(k, _STRONG, first) or self.is_title(k) or self.tokens[k].low in _PARTICLES
            for k in range(first, last + 1)
        )
        return (first, last) if ok and self.starts(first, _STRONG) else None

    def fuzzy_cues(self) -> list[int]:
        """Tokens one typo away from 'bernama', 'namanya' or 'pelapor' ('benama', 'pelpor')."""
        return [i for i, c in enumerate(self.classes) if c & _FUZZY]

    def honorific_alone(self, i: int) -> bool:
        """'Ibu Siti', not 'ibu-ibu', 'bapak2' or 'Bapak/Ibu'."""
        after = self.doc.text[self.tokens[i].end : self.tokens[i].end + 1]
        return after not in ("-", "/") and not after.isdigit()

    def unknown_capital(self, k: int) -> bool:
        t = self.tokens[k]
        return (
            t.cap
            and not t.acronym
            and len(t.text) > 2
            and t.low not in _LEX.common
            and t.low not in _LEX.titles
            and not self.blocked(k)
            and not _AFFIXED.match(t.low)
            and not self.dictionary(k)
        )

    def run_word(self, k: int) -> bool:
        return self.unknown_capital(k) or self.capital_word(k) or self.capital(k) and self.is_name(k)

    def capitalised_words(self, i: int) -> tuple[int, int] | None:
        """Capitalised unknown words inside a mixed-case sentence: most likely a person. Two or more
        words ('kemarin Paijo Sukirman datang'), or one word between lower-case words
        ('kemarin Sarditi datang') or before a verb at the start of a sentence ('Yutiyati membuang')."""
        if i > 0 and self.tokens[i - 1].low in _LOCATIVE:
            return None
        # A run of capitalised words with at least one unknown word: "Paijo Sukirman", "The Kian Hoo"
        after_office = i > 0 and self.blocked(i - 1) and not self.unknown_capital(i) and not self.is_name(i)
        if self.run_word(i) and not after_office and not (i > 0 and self.adjacent(i - 1) and self.run_word(i - 1)):
            j = i
            while j - i < 4 and self.adjacent(j) and (self.run_word(j + 1) or self.nameish_after_particle(j + 1)):
                j += 1
            if j > i and any(self.unknown_capital(k) for k in range(i, j + 1)):
                return i, j
        if not self.unknown_capital(i) or (i > 0 and self.adjacent(i - 1) and self.unknown_capital(i - 1)):
            return None
        j = i
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) and self.adjacent(i) else None
        if self.sentence_start(i):
            return (i, i) if nxt and not nxt.cap and _VERB.match(nxt.low) else None
        prev = self.tokens[i - 1]
        # "kena leher Besse pas naik motor": an ordinary lower-case word before
        ordinary = prev.low in _LEX.common or not prev.cap and prev.low not in _LEX.names and _is_word(prev.low)
        lower_before = ordinary and (not prev.cap or self.sentence_start(i - 1))
        # "yang menerima uang itu Sukarji, dia ...": a lower-case word before, the clause ending after
        after = self.doc.text[self.tokens[i].end : self.tokens[i].end + 2]
        clause_end = nxt is None and re.match(r"[,;:!?)]|\.(?:\s|$)", after)
        lower_around = lower_before and (nxt is not None and not nxt.cap or bool(clause_end))
        return (i, i) if lower_around and self.doc.text[prev.end : self.tokens[i].start] == " " else None


def _names(doc: _Doc) -> list[_Candidate]:
    finder = _Names(doc)
    found = []
    ranges = finder.spans()
    ranges += chat_names.found(finder) + initials.found(finder)
    ranges += english_appositions.found(finder)  # "the security guard at the mall, budi, was"
    if "ode" in doc.low:
        ranges += buton_names.found(finder, _STRONG)  # "wa ode nurmi", "LA ODE NURMI"
    table, headers = names_table.found(finder)
    ranges += names_cued.found(finder, ranges) + table
    ranges = _vetoed(finder, ranges)
    ranges += _modelled(finder, ranges)
    ranges += _evidenced(finder, ranges)
    ranges += names_table.mates(finder, ranges)
    ranges = names_table.outside(finder, ranges, headers)
    ranges = false_names.kept(finder, ranges)
    ranges = notname_words.kept(finder, ranges)  # "ibu sy lansia", "nama saya dicoret"
    ranges = notname_chat.kept(finder, ranges)  # "tukang ojek jatoh", "anak sy batuk terus", "NIP 1972..."
    ranges = notname_bodies.kept(finder, ranges)  # "Paguyuban Pedagang Suryakencana", "se-Kecamatan Sario"
    ranges = notname_units.kept(finder, ranges)  # "Ketua DKM", "Kasi Kesos", "dilaporkan ke Aduan"
    ranges = notname_derived.kept(finder, ranges)  # "Yth. Pelanggan PLN", "batuk-batuk", "tiap hari"
    ranges = dialect_words.kept(finder, ranges)  # "tolong lia akang" (Ambonese: look)
    ranges = english_text.trimmed(doc, ranges)  # "the driver komang asked for money"
    ranges += english_names.found(finder)  # "a man named komang", "my friend Tom", "me and tom"
    ranges += english_names.mates(finder, ranges)  # "Giulia Bianchi, Marco Bianchi, Ava Robinson, [Kai]"
    ranges += companion_names.found(finder)  # "sy sama bunga ke kelurahan", "aku dgn mawar sudah lapor"
    ranges += name_gaps.gaps(finder, ranges)  # "teuku [maimun] azhari"
    ranges = name_particles.widened(finder, ranges)  # "Tim: Lalu [Wirahadi]", "\nLalu [Sapriadi] (Ketua RT)"
    for first, last in ranges + _repeated(finder, ranges):
        start, end = doc.tokens[first].start, doc.tokens[last].end
        degree = _degree_at(doc.text, end)
        if degree:
            end = degree
        found.append(_Candidate("nama", start, end, _P_NAMA))
    for m in _INITIALS_SCAN.finditer(doc):  # "berinisial AS", "inisial M.A."
        end = m.start("i") + len(m.group("i").rstrip())
        found.append(_Candidate("nama", m.start("i"), end, _P_NAMA))
    return found


def _modelled(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words the trained classifier (name_model.py) calls names, among the capitalised words the rules left
    (never a field label, a mail's boilerplate or an ordinary word on its own); in a lower-case text,
    among the words that are not Indonesian words, at a threshold of its own."""
    least = name_model.threshold(finder.doc.mode)
    if least > 1 or finder.doc.mode not in name_model.MODES and finder.doc.mode != name_model.LOWER:
        return []
    taken = [False] * len(finder.tokens)
    for first, last in ranges:
        taken[first : last + 1] = [True] * (last + 1 - first)
    chances = name_model.chances(finder.doc, finder.public, taken, _NEVER_MODELLED)
    return [(k, k) for k, p in chances.items() if p >= name_model.least(finder.doc, k)]


def _evidenced(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words the text points at as a name (next to a name taken, or another mention of a taken name's word)
    that the trained classifier agrees with at ``name_model.evidence`` (lower than a word on its own needs).
    A word taken so is evidence in turn for the word next to it ("amanda putri lestari"), up to three rounds."""
    least = name_model.evidence(finder.doc.mode)
    if least > 1 or not ranges or finder.doc.mode not in name_model.MODES and finder.doc.mode != name_model.LOWER:
        return []
    taken = [False] * len(finder.tokens)
    for first, last in ranges:
        taken[first : last + 1] = [True] * (last + 1 - first)
    added: list[tuple[int, int]] = []
    for _ in range(3):
        chances = name_model.supported(finder.doc, finder.public, taken, _NEVER_MODELLED)
        new = [k for k, p in chances.items() if p >= least]
        if not new:
            break
        for k in new:
            taken[k] = True
        added += [(k, k) for k in new]
    return added


def _vetoed(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges without the weak names (``_Names.weak``: a word of the name list, capitalised unknown
    words) whose words the trained classifier (name_model.py) gives less than ``name_model.veto`` (0.3; in a
    lower-case text 0.1). A word that any other rule found as well (a cue, an honorific, a signature, a
    list, a NIK after it) is never vetoed, nor a word the model does not see (outside its runs: a text
    all in capitals, a public phrase, a number)."""
    veto = name_model.veto(finder.doc.mode)
    if not finder.weak or not veto or finder.doc.mode not in name_model.MODES and finder.doc.mode != name_model.LOWER:
        return ranges
    others = Counter(ranges)
    others.subtract(finder.weak)  # each weak seed once: the same range found by a rule too stays strong
    held = [False] * len(finder.tokens)
    for (first, last), count in others.items():
        if count > 0:
            held[first : last + 1] = [True] * (last + 1 - first)
    weak = {r: [k for k in range(r[0], r[1] + 1) if not held[k]] for r in finder.weak if not _introduced(finder, r[0])}
    weak = {r: words for r, words in weak.items() if words}
    if not weak:
        return ranges
    chances = name_model.marginals(finder.doc, finder.public, {k for words in weak.values() for k in words})
    dropped = {r for r, words in weak.items() if all(chances.get(k, 1.0) < veto for k in words)}
    english = english_text.english(finder.doc)
    if english:  # "Street light broken near Central Market": English words only, in an English sentence
        dropped |= {r for r, words in weak.items() if all(english[k] for k in range(r[0], r[1] + 1))}
    return [r for r in ranges if r not in dropped] if dropped else ranges


def _introduced(finder: _Names, first: int) -> bool:
    """Whether a weak name starts with or after a word that introduces a person: a family's or a late
    person's word ("Keluarga Sastrowardoyo", "alm. Sutrisno"), an honorific or a role. The veto never
    drops such a name: the word before it is a cue the model's features do not weigh as the rules do."""
    tokens = finder.tokens
    if tokens[first].low in _KIN_WORDS or finder.after_honorific(first):
        return True
    before = tokens[first - 1].low if first > 0 else ""
    return before in _KIN_WORDS or _is_role(before)


def _repeated(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other mentions of a word already found in a name: 'a.n. Gimun Zainuddin ... Gimun mengaku'."""
    tokens = finder.tokens
    words = {
        tokens[k].low
        for first, last in ranges
        for k in range(first, last + 1)
        if len(tokens[k].low) > 2
        and tokens[k].low not in _LEX.common
        and not finder.blocked(k)
        and not finder.is_title(k)
    }
    # In a mixed-case text an ordinary word in lower case is the word, not the name ("Pedagang bunga"
    # beside "3. Bunga")
    return [
        (k, k)
        for k, tok in enumerate(tokens)
        if tok.low in words
        and not finder.blocked(k)
        and not (finder.mixed and not tok.cap and (tok.low in _LEX.common or _is_word(tok.low)))
    ]
