"""Stable pagination (plugins/aduan_site/listing.py): a change moves O(1) pages, nothing is lost."""

from __future__ import annotations

import random
import sys

from site_fixtures import REPO

sys.path.insert(0, str(REPO / "plugins"))

from aduan_site.listing import arrange, fresh  # noqa: E402


def test_a_first_layout_fills_pages_from_the_oldest() -> None:
    members = [f"T{n:02d}" for n in range(45)]
    assert fresh(members, 20) == {1: members[:20], 2: members[20:40], 3: members[40:]}
    assert fresh(members[:40], 20) == {1: members[:20], 2: members[20:40]}  # the entry page is full
    assert fresh([], 20) == {1: []}


def test_joining_and_leaving_touch_only_their_pages() -> None:
    members = [f"T{n:02d}" for n in range(45)]
    pages = fresh(members, 20)
    # One joins: the entry page only.
    joined = arrange(pages, [*members, "NEW"], 20)
    assert joined.changed == {3} and joined.removed == set() and joined.pages[3][-1] == "NEW"
    # One of the oldest leaves: page 1 only; nothing else moves.
    left = arrange(pages, members[1:], 20)
    assert left.changed == {1} and left.pages[2] == pages[2] and left.pages[3] == pages[3]
    # The entry page overflows: a new numbered page, the entry page starts again.
    full = arrange(fresh(members[:40], 20), [*members[:40], "NEW"], 20)
    assert full.pages == {1: members[:20], 2: members[20:40], 3: ["NEW"]} and full.changed == {2, 3}


def test_any_history_keeps_every_member_once_on_bounded_pages() -> None:
    rng = random.Random(8)
    size = 5
    members = [f"T{n:03d}" for n in range(23)]
    pages = fresh(members, size)
    for step in range(500):
        if rng.random() < 0.45 and members:
            members.remove(rng.choice(members))
        else:
            members.append(f"N{step:03d}")
        result = arrange(pages, members, size)
        laid_out = [t for n in sorted(result.pages) for t in result.pages[n]]
        assert sorted(laid_out) == sorted(members)
        assert all(0 < len(items) <= size for items in result.pages.values()) or len(result.pages) == 1
        assert len(result.changed) + len(result.removed) <= 4
        assert not set(result.removed) & set(result.pages)
        pages = result.pages
