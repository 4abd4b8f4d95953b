"""A build of a few hundred reports stuffed with personal data publishes none of it."""

from __future__ import annotations

import json
import random
from pathlib import Path

from chalicelib.demo import demo_lines
from chalicelib.importer import import_lines
from chalicelib.sitebuild import build, check_leaks

FIRST = [
    "Sutrisno",
    "Wahyuningsih",
    "Kholifah",
    "Mochammad Ridwan",
    "Yuliana Dewi",
    "Imam Syafi'i",
    "Ponirah",
    "Achmad Zainuri",
    "Lailatul Fitriyah",
    "Bagus Wicaksono",
    "Nanik Sulistyowati",
    "Rudi Hartono",
]
TEMPLATES = [
    "Saya {name} warga RT 0{rt} RW 0{rw}, HP {phone}.",
    "Nama saya {name}, NIK {nik_dotted}, mohon ditindaklanjuti.",
    "Hubungi Bapak {name} di {phone_intl} atau email {email}.",
    "Tetangga saya Bu {name} juga mengalami hal sama. Motor saya {plate} hampir jatuh.",
    "a.n. {name} no rek BRI {account}, WA {phone_62}.",
    "Pelapor: {name} ({phone}) tinggal di Jl. Pahlawan No. {house}.",
]


def stuffed_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for raw in demo_lines(__import__("chalicelib.region", fromlist=["x"]).load_region(), count=count, seed=seed):
        item = json.loads(raw)
        name = rng.choice(FIRST)
        digits = "".join(str(rng.randint(0, 9)) for _ in range(8))
        phone = f"0812{digits}"
        nik = f"3575{rng.randint(10, 99)}{rng.randint(41, 71)}{rng.randint(10, 12)}{rng.randint(70, 99)}{rng.randint(1000, 9999)}"
        values = {
            "name": name,
            "phone": f"{phone[:4]}-{phone[4:8]}-{phone[8:]}",
            "phone_intl": f"+62 {phone[1:4]} {phone[4:8]} {phone[8:]}",
            "phone_62": "62" + phone[1:],
            "nik_dotted": ".".join(nik[i : i + 4] for i in range(0, 16, 4)),
            "email": f"{name.split()[0].lower().replace(chr(39), '')}{rng.randint(1, 99)}@gmail.com",
            "plate": f"N {rng.randint(1000, 9999)} {rng.choice(['AB', 'QX', 'ZZ'])}",
            "account": str(rng.randint(10**9, 10**10)),
            "rt": rng.randint(1, 9),
            "rw": rng.randint(1, 9),
            "house": rng.randint(2, 99),
        }
        item["description"] += " " + rng.choice(TEMPLATES).format(**values)
        item["reporter"] = {"name": name, "phone": values["phone"], "email": values["email"], "nik": nik}
        lines.append(json.dumps(item, ensure_ascii=False))
    return lines


def test_stuffed_build_publishes_no_personal_data(store, region, data_dir: Path, tmp_path: Path) -> None:
    lines = stuffed_lines(300, seed=7)
    import_lines(lines, store, region)
    output = tmp_path / "output"
    build(output)  # refused (PublicationRefused) if the redactor let anything through
    assert check_leaks(output) == []

    published = "\n".join(
        p.read_text(errors="replace")
        for p in output.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".txt")
    )
    folded = published.casefold()
    for raw in lines:
        item = json.loads(raw)
        reporter = item["reporter"]
        assert reporter["email"].casefold() not in folded
        assert reporter["nik"] not in published
        assert reporter["phone"] not in published and reporter["phone"].replace("-", "") not in published
        if item["confidential"]:
            assert item["title"] not in published or item["title"] in {
                json.loads(x)["title"] for x in lines if not json.loads(x)["confidential"]
            }
    stats = json.loads((output / "data" / "stats.json").read_text())
    assert stats["total"] == 300 and stats["confidential"] == sum(json.loads(x)["confidential"] for x in lines)
