"""Stable pagination: one report joining or leaving a listing rewrites O(1) of its pages.

Listings (per agency, per status) used to be cut into pages newest first, so one new or moved
report shifted every page behind it. Here pages are numbered from the oldest and keep their
reports from build to build (the layout lives in the build's state, `state.py`):

- a report joining a listing joins its entry page (the newest, `…/index.html`), which holds 1 to
  `size` reports; when it overflows, its oldest `size` reports become a new numbered page
  (`…/<n>/index.html`, n one above the last) and the entry page starts again;
- a report leaving a listing leaves the page it was on, and nothing else moves; a numbered page
  left with too few reports is merged into its older neighbour, an empty entry page takes over
  the newest numbered page;
- without a previous layout (a first build, a lost state) reports are laid out by
  (`updated`, tracking), oldest first: the order in which they would have joined.

So a page's URL keeps showing the same reports, a new report touches the entry page (and, when
it overflows, one new page and its older neighbour's link), and a leaving report its old page.
Within a page reports are shown newest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Arrangement:
    """A listing's pages (number → tracking numbers, oldest first; the highest number is the
    entry page) and which numbers changed or disappeared since the previous layout."""

    pages: dict[int, list[str]]
    changed: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)

    @property
    def numbers(self) -> list[int]:
        return sorted(self.pages)

    @property
    def entry(self) -> int:
        return max(self.pages)


def fresh(members: list[str], size: int) -> dict[int, list[str]]:
    """The layout without history: full pages from the oldest, the rest (1..size) on the entry page."""
    if not members:
        return {1: []}
    frozen = (len(members) - 1) // size
    pages = {n + 1: members[n * size : (n + 1) * size] for n in range(frozen)}
    pages[frozen + 1] = members[frozen * size :]
    return pages


def arrange(previous: dict[int, list[str]] | None, members: list[str], size: int) -> Arrangement:
    """Lay `members` (oldest first) out on pages, moving as little as possible from `previous`."""
    if not previous:
        pages = fresh(members, size)
        return Arrangement(pages, changed=set(pages))
    wanted = set(members)
    pages = {n: list(items) for n, items in previous.items()}
    changed: set[int] = set()
    removed: set[int] = set()
    # Leavers leave their page.
    for number, items in pages.items():
        kept = [t for t in items if t in wanted]
        if len(kept) != len(items):
            pages[number] = kept
            changed.add(number)
    # Joiners join the entry page, which splits when it overflows.
    present = {t for items in pages.values() for t in items}
    joining = [t for t in members if t not in present]
    entry = max(pages)
    if joining:
        pages[entry].extend(joining)
        changed.add(entry)
        while len(pages[entry]) > size:
            pages[entry + 1] = pages[entry][size:]
            pages[entry] = pages[entry][:size]
            entry += 1
            changed.add(entry)
    # An empty entry page takes over the newest numbered page.
    while not pages[entry] and len(pages) > 1:
        del pages[entry]
        removed.add(entry)
        older = max(pages)
        pages[entry] = pages.pop(older)
        removed.add(older)
        changed.add(entry)
    # A numbered page that lost reports merges into its older neighbour when both fit on one.
    numbers = sorted(pages)
    for number in sorted(changed - removed):
        if number == entry or number not in pages:
            continue
        below = [n for n in numbers if n < number and n in pages]
        if not pages[number] or (below and len(pages[below[-1]]) + len(pages[number]) <= size):
            if below:
                pages[below[-1]].extend(pages[number])
                changed.add(below[-1])
            del pages[number]
            removed.add(number)
    changed -= removed
    # Numbers both removed and recreated (the entry page moving down) are simply changed.
    removed -= set(pages)
    return Arrangement(pages, changed=changed & set(pages), removed=removed)
