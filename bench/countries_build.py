"""Write ``functions/chalicelib/data/countries.txt``: the world's countries in Indonesian and in English, for
``chalicelib/redaction/country_names.py``.

    python bench/countries_build.py

The source is Faker's address providers (MIT): ``id_ID`` for the Indonesian names ("Irlandia", "Belanda"),
``en_US`` for the English ones ("Ireland", "Netherlands"); only the names are kept, in lower case, so the redactor
needs no new dependency at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

from faker.providers.address.en_US import Provider as English
from faker.providers.address.id_ID import Provider as Indonesian

OUT = Path(__file__).resolve().parent.parent / "functions" / "chalicelib" / "data" / "countries.txt"
HEADER = """\
# The world's countries in Indonesian and in English, in lower case. Made by bench/countries_build.py from Faker's
# address providers (MIT); read by chalicelib/redaction/country_names.py.
"""


def build() -> str:
    names = set()
    for country in (*Indonesian.countries, *English.countries):
        name = " ".join(re.sub(r"\(.*?\)", " ", country).lower().replace(",", " ").split())
        if re.fullmatch(r"[a-z][a-z' .-]*[a-z]", name):
            names.add(name)
            names.add(re.sub(r"^(?:republik|kerajaan|negara|persatuan|federasi)\s+", "", name))  # "Irlandia"
    return HEADER + "".join(f"{n}\n" for n in sorted(names))


def main() -> None:
    OUT.write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
