"""The one word a chat writer says after their "I" is their name, an ordinary word too (issue 11).

"halo min, sy damai, pedagang sayur": at a clause's start, the writer's "I" ("sy", "aku", "beta", "ini"), one
word, then the clause ends. On the tuning material that word is a name 260 times in 315, and names made of
ordinary words ("damai", "embun", "mawar") escaped: the names model now sees the place in a lower-case text (its
"intro" feature, name_model._introduced) and takes such a word at ``LOWER_INTRO``, whatever word it is. Most
feelings said so stay ("sy kesal, min"); "sy capek, min" does not, the price of the rule.
"""

from __future__ import annotations

import pytest
from chalicelib.redaction import name_model, redact
from chalicelib.redaction.driver import _document


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("halo min, sy damai, pedagang sayur di pasar. lapak kami digusur tanpa pemberitahuan", "damai"),
        ("pagi min. aku embun, mahasiswa. lampu jalan di gang kos mati seminggu", "embun"),
        ("min, ini mawar. air pdam mati dari kemarin", "mawar"),
        ("halo min, aku pelangi. jalan depan rumah banjir terus", "pelangi"),
    ],
)
def test_the_word_after_the_writers_i_is_their_name(text: str, name: str) -> None:
    out = redact(text)
    assert f" {name}" not in out and "[NAMA]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "sy kesal, min. jalan rusak ga diperbaiki",
        "aku takut, min. ada orang mabuk tiap malam",
        "sy kecewa. laporan sy ga ditanggapi",
        # a relative said with "his": the word and its possessive ending
        "tolong uda dibantu. ambo anaknyo, rumah kami kebanjiran",
        "halo min. sy istrinya, suami sy sakit",
    ],
)
def test_a_feeling_after_the_writers_i_stays(text: str) -> None:
    assert redact(text) == text


def test_the_place_is_the_clause_start_and_end() -> None:
    doc = _document("halo min, aku senja. kalau sy bingung. ya sy aman. sy aman, tukang ojek")
    marked = [tok.low for k, tok in enumerate(doc.tokens) if name_model._introduced(doc, k)]
    assert marked == ["senja", "aman"]
