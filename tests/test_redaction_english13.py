"""Complaints in English and half English (issue 11): English words are not names, names are.

Tourists, residents from abroad, bilingual officials and young city people write to the admin in English
or mix it into Indonesian. In an English sentence an English word is a name only when a cue or the name
lexicons say so (chalicelib/redaction/english_text.py); the names of every tradition, and foreign ones
("John Peterson", "Mrs. Smith"), go all the same. Each case: the text, the names that must go, the words
that must stay.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chalicelib.redaction import redact
from chalicelib.redaction.driver import _document
from chalicelib.redaction.english_text import english

CASES = [
    ("the street light near the market is broken", [], ["street", "light", "market", "broken"]),
    ("the driver komang asked for money", ["komang"], ["asked", "money"]),
    ("Street Light Broken Near Central Market", [], ["Street Light Broken Near Central Market"]),
    (
        "Dear Sir/Madam,\nThe garbage near our villa has not been collected for two weeks.\nBest regards,\nPutu Ayu Lestari",
        ["Putu Ayu Lestari"],
        ["garbage", "villa"],
    ),
    ("My name is John Smith and I stay at the hotel near the beach.", ["John Smith"], ["hotel", "beach"]),
    ("Mrs. Smith was stopped by the police near the airport and had to pay a fine.", ["Smith"], ["police", "airport"]),
    (
        "reported by wayan sudarma, the noise from the karaoke bar is every night until 3am",
        ["wayan sudarma"],
        ["noise", "karaoke", "every night"],
    ),
    (
        "I was stopped by a police officer named Ketut near the roundabout and he asked for 500k",
        ["Ketut"],
        ["roundabout", "asked"],
    ),
    (
        "Hi admin, the permit for my warung is still not processed. I already paid. Signed, Nyoman Sutrisna",
        ["Nyoman Sutrisna"],
        ["permit", "processed"],
    ),
    (
        "the garbage truck never comes to our street. my neighbour bu ani also complained",
        ["ani"],
        ["also complained", "garbage truck"],
    ),
    (
        "Good morning. The road to the beach in Canggu has big holes and nobody repairs it. Please help. Regards, Mr. Thomas Müller",
        ["Thomas Müller"],
        ["road", "beach", "holes"],
    ),
    (
        "The villa next to ours plays loud music every night. The owner, Mr Made Wirawan, ignores our complaints.",
        ["Made Wirawan"],
        ["loud music", "owner", "ignores"],
    ),
    (
        "the grab driver agus took a long route and charged double. please check, thanks",
        ["agus"],
        ["long route", "charged double"],
    ),
    ("Water Supply Cut Off For Three Days In Our Housing Complex", [], ["Water Supply Cut Off For Three Days"]),
    (
        "my building permit (IMB) was rejected without reason by the officer, Mrs. Siregar. I want a clear explanation.",
        ["Siregar"],
        ["rejected", "reason", "explanation"],
    ),
    (
        "Sorry for my English. My wife Dewi Anggraini was sick and the clinic refused to treat her without cash.",
        ["Dewi Anggraini"],
        ["clinic", "refused", "treat"],
    ),
    (
        "Hello, my name is Sarah O'Connor, I rent a room in Kuta. The landlord keeps the deposit.",
        ["Sarah O'Connor"],
        ["landlord", "deposit"],
    ),
    (
        "the hotel staff were rude and the manager daeng rahman refused to give a receipt",
        ["daeng rahman"],
        ["rude", "refused", "receipt"],
    ),
    (
        "pak, jalan depan rumah rusak parah, please fix asap. the potholes are dangerous for kids",
        [],
        ["potholes", "dangerous", "kids"],
    ),
    ("lampu jalan mati sejak minggu lalu, very dark and not safe at night. tolong pak", [], ["very dark", "not safe"]),
    (
        "Garbage everywhere on the beach after the festival, nobody cleans it. Tourists are complaining.",
        [],
        ["Garbage", "festival", "Tourists"],
    ),
    (
        "The police stopped me and asked for money for no reason. The officer's name tag said Hutapea.",
        ["Hutapea"],
        ["police", "stopped", "reason"],
    ),
    (
        "yesterday my son fell into an open drain near the school. the teacher ibu maria simanjuntak saw it",
        ["maria simanjuntak"],
        ["open drain", "school", "saw"],
    ),
    (
        "I am writing on behalf of my mother, Ni Luh Putu Sekar, who waited five hours at the hospital.",
        ["Ni Luh Putu Sekar"],
        ["waited", "hospital"],
    ),
    (
        "Thank you for fixing the bridge so quickly! Best regards, Andi Baso Mappaturung",
        ["Andi Baso Mappaturung"],
        ["fixing", "bridge"],
    ),
    (
        "The noise from the construction site starts at 5am every day. Please tell them to stop.\n\nCheers,\nJames",
        ["James"],
        ["construction site"],
    ),
    (
        "the taxi driver named yohanes wonda overcharged us from the airport",
        ["yohanes wonda"],
        ["overcharged", "airport"],
    ),
    (
        "Complaint about illegal parking in front of my shop. The parking guy Bonar always asks for extra money.",
        ["Bonar"],
        ["illegal parking", "shop", "always asks"],
    ),
    (
        "my neighbour pak hendra burns plastic every evening and the smoke enters our house",
        ["hendra"],
        ["burns plastic", "smoke"],
    ),
    (
        "To whom it may concern, the public toilet at the beach is always locked. Kind regards, Lim Siew Ling",
        ["Lim Siew Ling"],
        ["public toilet", "always locked"],
    ),
    (
        "the new bus stop has no roof, people wait in the rain. please build a shelter",
        [],
        ["bus stop", "roof", "rain", "shelter"],
    ),
    (
        "we reported the broken water pipe three times already, still nothing happens",
        [],
        ["broken water pipe", "nothing happens"],
    ),
    (
        "Our guide, Gede Arimbawa, was asked to pay an illegal fee at the temple gate.",
        ["Gede Arimbawa"],
        ["guide", "illegal fee", "temple gate"],
    ),
    (
        "sy sudah lapor ke kelurahan tp nothing happened, the drain is still blocked. pelapor: siti rahmawati",
        ["siti rahmawati"],
        ["nothing happened", "drain", "blocked"],
    ),
    ("Flood Again In Our Street After One Hour Of Rain", [], ["Flood Again In Our Street After One Hour Of Rain"]),
    (
        "the security guard at the mall, budi, was very helpful. just wanted to say thanks",
        ["budi"],
        ["security guard", "very helpful"],
    ),
    (
        "Please fix the traffic light at the big intersection, it has been blinking for a week.",
        [],
        ["traffic light", "blinking"],
    ),
    (
        "My husband Mr. Ahmad Al-Habsyi applied for a business license in March and still waits for an answer",
        ["Ahmad Al-Habsyi"],
        ["business license", "answer"],
    ),
    (
        "Pak Budi Santoso, tolong follow up ya, the drainage project is delayed again",
        ["Budi Santoso"],
        ["follow up", "drainage project"],
    ),
    (
        "Mohon maaf admin, sy mau complain soal parkir liar depan toko, jukirnya namanya Ucok, very rude and aggressive",
        ["Ucok"],
        ["very rude", "aggressive"],
    ),
    (
        "Dear Admin, I would like to report that my neighbour, Mr. John Peterson, keeps burning garbage in his garden.",
        ["John Peterson"],
        ["burning garbage", "garden"],
    ),
    (
        "The receptionist at the hotel, Ms. Yuliana Tan, helped us a lot after the flood. Please thank her.",
        ["Yuliana Tan"],
        ["receptionist", "flood"],
    ),
    (
        "the beach club plays music until 4am and security guys threaten guests who complain",
        [],
        ["beach club", "security guys", "threaten guests"],
    ),
    ("Noisy Karaoke Next To The Mosque Every Night", [], ["Noisy Karaoke Next To The"]),
    (
        "A police officer stopped my scooter and said my license was fake. His name was Bripka Sitorus.",
        ["Sitorus"],
        ["scooter", "license", "fake"],
    ),
    (
        "the villa owner ibu ketut sari did not return the deposit after we left, she blocked my number",
        ["ketut sari"],
        ["deposit", "blocked my number"],
    ),
    (
        "Reported by: Hendrik van der Berg\nIssue: broken sidewalk in front of the supermarket",
        ["Hendrik van der Berg"],
        ["broken sidewalk", "supermarket"],
    ),
    (
        "we waited three hours at the immigration office and the officer, pak yosef, went for lunch",
        ["yosef"],
        ["immigration office", "went for lunch"],
    ),
    (
        "Thanks a lot for the quick response, the drain is clean now!\n\nWarm regards,\nMaria Fernanda Lopez",
        ["Maria Fernanda Lopez"],
        ["quick response", "drain is clean"],
    ),
    (
        "the ambulance came late and my father pak harun died on the way to the hospital",
        ["harun"],
        ["ambulance", "died on the way"],
    ),
    (
        "Emergency: a big tree fell on the road near the school, cars cannot pass",
        [],
        ["big tree", "fell on the road", "cars cannot pass"],
    ),
    (
        "I want to complain about the rubbish truck driver, Rudy, who throws the rubbish into the river",
        ["Rudy"],
        ["rubbish truck driver", "river"],
    ),
    (
        "sudah 3 minggu sampah ga diangkut. seriously this is so disgusting, the smell is everywhere",
        [],
        ["seriously", "disgusting", "smell is everywhere"],
    ),
]


@pytest.mark.parametrize(("text", "names", "kept"), CASES, ids=[case[0][:40] for case in CASES])
def test_english_words_stay_and_names_go(text: str, names: list[str], kept: list[str]) -> None:
    out = redact(text)
    assert [name for name in names if name in out] == [], out
    assert [word for word in kept if word not in out] == [], out


@pytest.mark.parametrize(
    "text",
    [
        # a table row whose words happen to be English ("ming", "salon") is no English sentence
        "| no | nama | usaha | izin |\n| 4 | oey ming | salon | belum |",
        # a chat line with English-looking words ("min", "la", "ode")
        "min sy la ode muh. sahril dr baubau. kapal ferry batal terus",
        "Yth. Bapak Lurah, jalan di depan rumah kami rusak parah sejak bulan lalu. Mohon segera diperbaiki.",
    ],
)
def test_indonesian_text_is_not_english(text: str) -> None:
    assert not any(english(_document(text)))


def test_an_english_sentence_in_an_indonesian_text_is_english_alone() -> None:
    doc = _document("pak, jalan depan rumah rusak parah. the potholes are dangerous for kids")
    marked = {tok.low for tok, flag in zip(doc.tokens, english(doc), strict=True) if flag}
    assert marked == {"the", "potholes", "are", "dangerous", "for", "kids"}


def test_a_name_of_the_name_lexicons_stays_a_name_in_english() -> None:
    # "made" is an English word and a Balinese birth-order name: the lexicon says name
    out = redact("We met Made Sukarta at the beach, he rents surfboards.")
    assert "Made Sukarta" not in out and "surfboards" in out, out


def test_english_forms_of_address_are_kept_and_the_name_goes() -> None:
    out = redact("Mrs. Smith and Mr Brown were stopped by the police. Ms. Yuliana Tan helped us.")
    assert out == "Mrs. [NAMA] and Mr [NAMA] were stopped by the police. Ms. [NAMA] helped us."


def test_the_letters_of_a_number_plate_are_no_form_of_address() -> None:
    assert redact("Pengendara truk DK 7126 MS ugal-ugalan di jl. Veteran") == (
        "Pengendara truk [NOPOL] ugal-ugalan di jl. Veteran"
    )


def test_the_english_list_is_built_by_its_script() -> None:
    bench = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(bench))
    try:
        import english_words_build
    finally:
        sys.path.remove(str(bench))
    assert english_words_build.main(["--check"]) == 0
