"""The sixth redaction evaluation corpus: hand-written texts, a third writer, wholly held out (issue 11).

Corpora 4 and 5 were written by hand by writers who had not read the redactor; this one was
written the same way by a third writer who read neither the redactor, its data and tests, nor the
texts of any other corpus. Its people, places and habits of writing are its own: a city admin's
inbox as it arrives, from Sabang to Merauke. WhatsApp chat in lower case with abbreviations and
regional particles (Javanese, Sundanese, Betawi, Makassar, Papuan, Ambonese), forwarded messages
with their headers, voice notes typed out, officers' notes with dispositions, letters, witness
and signature lists, tables pasted as text, social-media posts, filled-in forms and e-mails, and
many texts with no personal data at all. Nobody tunes the redactor on it: its evaluation
(bench/written_corpus_eval.py 6) prints figures and never a failure.

The file format and the span conventions are corpus 4's (bench/redaction_corpus4.py), and its
parser reads every file: ``[[KIND:text]]`` marks what must be removed and
``[[public:CATEGORY:text]]`` what must survive. A name's own parts are inside its span, hereditary
titles included as an identity card writes them (Balinese "I"/"Ni" and birth-order names, "Ida
Bagus", "Anak Agung", Bugis "Andi", Makassar "Daeng", Acehnese "Teuku"/"Cut", Javanese "R.",
Arab-Indonesian "Sayyid"/"Said"/"Syarifah", Madurese "Moh."/"Abd."/"Ach.", Batak "br."/"boru",
"bin"/"binti"); honorifics, kinship words, roles and degrees next to it are not (Pak, Bu, Koh,
Cik, Mama, Om, Tanta, Mbah, Cak, Yu, Sdr., Tgk., Ustadz, St., RT, Lurah, dr., H., S.Pd.). A bank
account is the number only; an address is street, number and RT/RW as one span; an RT/RW naming
a neighbourhood unit rather than a household is public (rt_rw).

The header's tradition tags (``== bali, tionghoa``) are this corpus's own list below; the styles
are one file each. The hand-written corpora after it keep both lists, and one loader reads them
all (bench/written_corpora.py: ``python bench/written_corpora.py 6 --stats``).
"""

from __future__ import annotations

# The naming traditions of the people in a text, as its "== " header tags them ("-": nobody).
TRADITIONS = (
    "jawa",
    "sunda",
    "madura",
    "bali",
    "batak",
    "minang",
    "bugis_makassar",
    "buton_muna",
    "tionghoa",
    "arab",
    "papua",
    "maluku",
    "dayak",
    "timor",
    "aceh",
    "kristen",
    "word_name",
    "nickname",
    "initial",
    "asing",  # a foreign name ("John", "Mrs. Smith"); from corpus 14 (session 13) on
)
# Tags added after the first written corpora: an older corpus need not hold texts of them.
LATER_TRADITIONS = {"asing": 14}

# The styles of writing, one file each.
STYLES = (
    "chat",
    "forward",
    "voice",
    "officer",
    "letter",
    "list",
    "table",
    "social",
    "form",
    "email",
)
