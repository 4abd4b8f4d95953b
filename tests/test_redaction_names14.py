"""Names recall by classes (issue 11, session 14): names that English cues place, tables with English headers,
lists of people after a colon or joined by "&", in English and half-English complaints
(chalicelib/redaction/english_names.py, names_table.py). Each case: the text, the names that must go, the
words that must stay. The examples are our own, written for these tests.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact

CASES = [
    # a naming word: whatever word follows, in any case ("a man named" is no madrasah, MAN)
    ("a man named komang took my bag near the beach", ["komang"], ["man named", "took my bag"]),
    ("some guy called Trevor keeps parking in front of our gate", ["Trevor"], ["parking", "gate"]),
    ("the street named after the hero is flooded", [], ["named after the hero"]),
    # the writer introducing themself
    ("hello, this is anna from the villa in canggu. the road is flooded again", ["anna"], ["villa", "flooded"]),
    ("this is ridiculous, the water has been off for three days", [], ["ridiculous"]),
    ("I am Grace, staying at a guesthouse near the temple", ["Grace"], ["guesthouse", "temple"]),
    ("I am tired of the noise from the bar next door", [], ["tired", "noise"]),
    # a relation or a role: "my friend Tom", "the officer, Mark,"
    ("My friend Tom saw the driver take the money.", ["Tom"], ["driver", "money"]),
    ("my husband bill fell into the open drain last night", ["bill"], ["open drain"]),
    ("The officer, Mark, was very rude to my wife.", ["Mark"], ["officer", "rude"]),
    ("I am writing for my landlord Mr. Nyoman Suarta about the smoke", ["Nyoman Suarta"], ["Mr.", "landlord"]),
    ("Yesterday Tom and his wife were robbed near the market.", ["Tom"], ["his wife"]),
    ("The search went on all night and Tim SAR found nothing near the reef.", [], ["Tim SAR"]),
    ("We paid the deposit on 3 Jan and the owner never answered.", [], ["3 Jan"]),
    # the writer beside the person, a verb of saying after the name
    ("me and tom waited two hours for the bus", ["tom"], ["waited", "bus"]),
    ("Tom and I reported the broken street light last week", ["Tom"], ["reported", "street light"]),
    ("the seller said Grace would refund me but nothing happened", ["Grace"], ["seller said", "refund"]),
    ("Trevor said the pump has been broken since June", ["Trevor"], ["pump", "June"]),
    ("The police said nothing could be done", [], ["police said"]),
    # a list of people after its label
    ("Witnesses: Tom, Grace and Bill", ["Tom", "Grace", "Bill"], ["Witnesses"]),
    ("Petugas: Teguh & Slamet datang jam 10", ["Teguh", "Slamet"], ["Petugas", "datang"]),
    ("Staff: none of them helped", [], ["none of them helped"]),
    # tables with English headers, and the checkers' columns of Indonesian ones
    (
        "Guest name | Room | Issue\nTrevor Hale | 12 | no hot water\nIngrid Olsen | 14 | noise",
        ["Trevor Hale", "Ingrid Olsen"],
        ["no hot water"],
    ),
    ("No | Driver | Fare\n1 | Kadek | 500k\n2 | Trevor | 300k", ["Kadek", "Trevor"], ["Fare"]),
    ("Street name | Condition\nJalan Pantai | potholes\nJalan Melati | flooded", [], ["Jalan Pantai", "potholes"]),
    (
        "NO | NAMA | NO KK | VERIFIKATOR\n1 | Kasmuri | 3575031005090004 | Lilik\n2 | Surip | 3575031107120001 | Hari",
        ["Kasmuri", "Surip", "Lilik", "Hari"],
        ["VERIFIKATOR"],
    ),
    (
        "Jalan | Asal Nama | Kondisi\nJl. Cokroaminoto | pahlawan nasional | baik\nJl. Mansyur | ulama | rusak",
        [],
        ["pahlawan nasional", "ulama"],
    ),
    # the writer at a message's opening: "it's X", "X here", "X again"
    ("[08.12] hey it's Brook from the surf camp, the drain is blocked again", ["Brook"], ["surf camp", "drain"]),
    ("hello admin, Sven (norway) here. the boat left without us", ["Sven"], ["boat left"]),
    ("[09.30] Storm again, the beach is still full of plastic", ["Storm"], ["beach", "plastic"]),
    ("same here, no water since this morning", [], ["same here"]),
    ("it's been three days and the water is still off", [], ["three days"]),
    # the writer signing off alone after an English sentence, not a label before a number
    ("The bus never came and we waited two hours at the stop. Trevor", ["Trevor"], ["waited two hours"]),
    ("the lights on the bridge are off again.\nthanks Ingrid", ["Ingrid"], ["thanks"]),
    ("We paid cash and got no receipt. What can we do? Tel +7 925 118 0000", [], ["What can we do?"]),
    ("nobody collects the trash here. wtf", [], ["wtf"]),
    # a chat's or a post's speaker with an emoji, an account or where they are from; a forwarded one
    ("Forwarded\nBrook 🇳🇿: the water at the hostel made us sick", ["Brook"], ["hostel"]),
    ("Fwd from Ubud Expats\nGazza: the road near the monkey forest has a hole", ["Gazza"], ["monkey forest"]),
    ("Update 🙏: the road is fixed now", [], ["Update"]),
    ("Subject: noise\nLocation: Kuta\nStatus: open", [], ["Subject", "Location", "Status"]),
    # the names in a mail's To and Cc lines, not an office's
    (
        "From: Lars Holm <lars@example.com>\nTo: Ingrid Holm; aduan@example.go.id\nCc: Ayu Sekar <ayu@example.com>\nSubject: dogs",
        ["Lars Holm", "Ingrid Holm", "Ayu Sekar"],
        ["Subject: dogs"],
    ),
    ("To: Embassy of Norway, Consular Services <cs@example.com>\nSubject: help", [], ["Embassy of Norway"]),
    # a one-line list most of whose items are names found
    ("Sick after the boat trip: Giulia Rossi, Marco Rossi, Ava Reed, Kenji", ["Kenji"], ["boat trip"]),
    ("anak saya batuk, pilek, demam, lemas, tidak mau makan", [], ["batuk, pilek, demam"]),
    # a particle that opens a name goes with it; a chat's stamp without its year
    ("Izin kios dibekukan sementara. Tim: Lalu Wirahadi, Baiq Herlina", ["Lalu Wirahadi", "Baiq Herlina"], ["Tim:"]),
    (
        "Pesan diteruskan:\n11/11 21.40 - Bu Marta: besok ada fogging\n11/11 21.43 - Oce: jam brapa bu?",
        ["Oce"],
        ["fogging"],
    ),
    # English headers of several words: "Name of guest", "Reported by"; not "Name of street"
    ("Name of guest | Room\nTrevor Hale | 12\nIngrid Olsen | 14", ["Trevor Hale", "Ingrid Olsen"], ["Room"]),
    ("Date | Problem | Reported by\n3/11 | flood | Sven Holm\n4/11 | noise | Kadek", ["Sven Holm", "Kadek"], ["flood"]),
    ("Name of street | Condition\nJalan Pantai | holes\nJalan Raya | flooded", [], ["Jalan Pantai", "Jalan Raya"]),
    # "me & X", "X here" with an emoji; the writer's companion in chat, not a relative or "sama aja"
    ("[10.02] me & Brook just got scammed at the money changer", ["Brook"], ["money changer"]),
    ("hi min, Storm here 🌹 the dogs bark all night", ["Storm"], ["dogs bark"]),
    ("td sy sama bunga ke kelurahan, katanya blanko habis", ["bunga"], ["kelurahan", "blanko"]),
    ("sy dgn mawar sudah lapor 2x tp blm ada tindakan", ["mawar"], ["sudah lapor"]),
    ("sy sama istri ke pasar, parkirnya mahal bgt", [], ["istri"]),
    ("sama aja min, dari kemarin air mati", [], ["sama aja"]),
    ("this is the third time my scooter was towed outside La Brisa and i paid 500k", [], ["La Brisa"]),
    # a letter's writers after "I," or "We,"; a name in its own script beside its Latin spelling; "Mr X" anywhere
    (
        "Dear Sir or Madam,\nWe, Pieter de Vries and Anke de Vries, residing at Jalan Bumbak, ask for help.",
        ["Pieter de Vries", "Anke de Vries"],
        ["residing at Jalan Bumbak"],
    ),
    ("I, Thomas Keller, hereby report the theft of my passport.", ["Thomas Keller"], ["hereby report"]),
    ("Name: Kenji Sato 佐藤 健二\nPassport: TR1234567\nHotel: Puri Sari", ["Kenji Sato", "佐藤", "健二"], ["Hotel"]),
    ("Tamu kami Mr Whitfield kehilangan paspor di pantai", ["Whitfield"], ["Mr", "kehilangan paspor"]),
    # a tourist's table in Indonesian or English: "Nama WNA", "Tamu", "Person"
    (
        "No | Nama WNA | Negara\n1 | Grace Tan | Singapura\n2 | Ole Berg | Norwegia",
        ["Grace Tan", "Ole Berg"],
        ["Singapura"],
    ),
    ("Person | Role\nKetut Sari | driver\nTrevor | guest", ["Ketut Sari", "Trevor"], ["driver", "guest"]),
    # a form's name field with its person's word: every word of the value, an ordinary word too
    ("FORMULIR PENGADUAN\nNama Pasien : Melati Indah Sari\nKeluhan : antrian lama", ["Melati Indah Sari"], ["Keluhan"]),
    ("Nama pelapor: Kasih Lestari\nAlamat: Jl. Bunga Kenanga", ["Kasih Lestari"], ["Jl. Bunga Kenanga"]),
    # the months are English words in an English sentence
    ("the pump has been broken since June and nobody came", [], ["June"]),
]


@pytest.mark.parametrize(("text", "names", "kept"), CASES)
def test_names_go_and_words_stay(text: str, names: list[str], kept: list[str]) -> None:
    out = redact(text)
    for name in names:
        assert name not in out.replace("[NAMA]", ""), (name, out)
    for word in kept:
        assert word in out, (word, out)
