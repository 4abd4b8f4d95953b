"""Words shaped like a person's name of Java, Sunda and Madura by their ending, whatever list lacks them.

Javanese, Sundanese and Madurese given names are built from a stem and an ending that places never take:
"-wati", "-ningsih", "-ningrum", "-astuti", "-yati", "-yanti" for women ("Sutrisnowati", "Sulistyaningsih",
"Supriyati"), "-yanto", "-wanto", "-yono" for men ("Heriyanto", "Kuswanto", "Mardiyono"), and the Arabic
"-iyah", "-inah" ("Rubiyah", "Sukinah"). Of the name list, 156 words end so; of the places the lexicon
knows (cities, regencies, kecamatan, kelurahan of every region file), none. A word so shaped after an
official's office ("Kepala Desa Sutrisnowati", "KADES SUTRISNOWATI", "lurah sutrisnowati") is the official,
not the village the office serves, though no name list holds it; a word shaped like a place
(``notname_places.place_shaped``: "Karangrejo", "Sumberwati") stays the place.
"""

from __future__ import annotations

import re

from .notname_places import place_shaped

_PERSON_END = re.compile(
    r"[a-z]{3,}(?:wati|ningsih|ningrum|ningtyas|astuti|yati|yanti|wanti|yanto|wanto|yono|iyah|inah)$"
)


def person_shaped(low: str) -> bool:
    """Whether a lower-case word ends as Java's, Sunda's and Madura's given names do and not as a place."""
    return bool(_PERSON_END.match(low)) and not place_shaped(low)
