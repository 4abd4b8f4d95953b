"""Static full-text search of the report pages with Pagefind, in shards: no server, no service.

Pagefind has no incremental indexing, so the report pages are split into shards by the month
they were submitted in (a report never changes month), each indexed into its own bundle under
`/_pagefind/<month>-<key>/`, and the search page merges the bundles in the browser with
Pagefind's `mergeIndex` (theme/static/js/cari.js, which reads the list of shards from
`/_pagefind/shards.json`).

One change must not re-index its month (at 100k reports a month holds thousands of pages), so a
changed page goes to a small "recent" shard instead, indexed from the changed pages alone
(`plan`): its month's bundle is kept as it was, minus the page's old fragment (its text), and
shards.json lists that old fragment as hidden, so the search page drops the month's stale result
(theme/static/js/pagefind/pagefind.js, which stands in for Pagefind's module and filters its
results). The recent shard is folded back into its months when it passes `RECENT_LIMIT` pages,
one month per build (the month holding most of its pages). A build that knows which pages it
rendered looks only at the months they (and the recent shard's, and any not yet taken in) are in:
the others are kept as the build state records them, unread (`plan`).
A report that left the site (withdrawn, made confidential) re-indexes its month at once: its
words must leave the month's index, not only its fragment. So does a page whose new version lost
a word, other than the site's own, that the text the index holds for it had (`lost_words`): an
officer who takes a name out of a report must not leave it in the month's index chunks until the
next fold. Each change is checked against the text indexed just before it (the recent shard's, or
the month's), so whatever the month's chunks hold and the page no longer shows is the site's own
words. A status change, which adds to a page or swaps the site's own words, stays recent.

Every bundle's directory is named after the pages it indexes and is never rewritten in place,
so shards.json, moved into place last, switches from the old index to the new in one rename: a
build killed at any moment leaves the previous index whole (the old directories are deleted only
after the switch).

Each shard is indexed from a mirror of the pages (hard links; or, with `CUT_PAGES`, the pages cut
to what Pagefind reads, `searchable`: the same index for about 16-18% less of Pagefind's CPU),
kept in the build's directory (`Mirror`), at
most two Pagefind processes at a time (the machines have two cores), in the
background while the build makes its other files, straight into the build's staging area. The
index job links a shard's pages into the mirror just before Pagefind reads them (`IndexJob`'s
`link`), so a first build's mirror is made while the first shards are indexed. The caller reads
each bundle as soon as Pagefind wrote it, while the others are indexed, and hands every file of
it to the output writer once every bundle is there (`publish_index`), so the publication gate
reads the index before anything is published (Pagefind's index files are gzip-compressed; the
gate decompresses them). What each month's bundle indexed (page → fragment, page bytes) is kept in the
build state's meta (`Indexed`), which is saved with the files, and so is a summary of every
month's bundle and the pages a build that kept the index rendered (`META_MONTHS`, `META_DIRTY`).
Only `data-pagefind-body` of the Indonesian report pages is indexed.

Measured on 10k report pages (2026-12-01, a loaded machine): Pagefind's own Python API costs more,
not less (about 0.9 ms of Python per page for the asyncio and base64 round trip, and the same
work in the binary); a shard's size does not change the cost per page (500 or 2,000 pages: about
1.9 and 1.8 ms); what remains is Pagefind's own work per word and per fragment file.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import html
import importlib
import json
import logging
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .output import IncrementalOutput, Staged, write_new
from .state import Column

logger = logging.getLogger(__name__)

BUNDLE = "_pagefind"
SHARDS = "shards.json"
# The search UI, the same for every shard: published once at /_pagefind/.
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
# What a shard needs for mergeIndex: its loader, worker, wasm, entry, meta, index, fragments,
# filters. The other UIs Pagefind writes into every bundle are left out.
SHARD_FILE = re.compile(
    r"^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\..*|pagefind\..*\.pf_meta|(?:index|fragment|filter)/.*)$"
)
# What the recent shard, never the primary index, needs for mergeIndex: a merged bundle uses the
# primary's loader, worker and wasm.
RECENT_FILE = re.compile(r"^(?:pagefind-entry\.json|pagefind\..*\.pf_meta|(?:index|fragment|filter)/.*)$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
WORKERS = 2
RECENT = "recent"
# Pages in the recent shard before it is folded back into their months, one month per build.
# Pagefind starts in about 0.02 s of CPU and indexes about 1.5 ms of CPU per cut page (10k
# bench, 2026-12-01): the recent shard costs at most ~0.3 s per change, where a month (700 pages
# at 10k, 8,000 at 100k) costs 1 s or 12 s; and the search page hides about this many stale
# results at most.
RECENT_LIMIT = 200
# The build state's meta key of what a month's bundle indexed (`Indexed`), and of the pages the
# recent shard holds (their months' hidden fragments).
META = "search:"
META_RECENT = "search:" + RECENT
# Every month's bundle (month → directory, key, pages), the recent shard's pages, and the pages
# changed since the index last took them in (a build that kept the index: a quick build, or
# Pagefind failed; "*": unknown). With these a build that knows what it rendered looks only at
# the months it touched (`plan`): a change's search work does not grow with the site.
META_MONTHS = "search::months"
META_RECENT_PAGES = "search::recent-pages"
META_DIRTY = "search::dirty"
UNKNOWN = "*"
FRAGMENT_MAGIC = b"pagefind_dcd"


class SearchError(RuntimeError):
    pass


_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def page_words(page: bytes) -> set[str]:
    """The words a page shows (tags dropped, entities decoded), case-folded."""
    return set(_WORD.findall(html.unescape(_TAG.sub(" ", page.decode("utf-8", "replace"))).casefold()))


def lost_words(indexed: str, page: bytes, public: Callable[[str], bool]) -> set[str]:
    """The words of a page's indexed text (a fragment's `content`) that its new version no longer
    shows and that the site does not publish anyway (`public`: the region's and the site's own
    words; numbers): if there are any, the month's index, which holds them, must be made again."""
    gone = set(_WORD.findall(indexed.casefold())) - page_words(page)
    return {w for w in gone if not w.isdigit() and not public(w)}


def shard_of(submitted: str) -> str:
    """The shard of a report: the month it was submitted in (`2026-04`)."""
    month = str(submitted)[:7]
    return month if MONTH.match(month) else "lain"


def page_path(tracking: str) -> str:
    return f"laporan/{tracking}/index.html"


def fragment(data: bytes) -> dict[str, Any]:
    """A Pagefind fragment file's content: the page's URL, text, filters and meta."""
    raw = gzip.decompress(data)
    if not raw.startswith(FRAGMENT_MAGIC):
        raise SearchError("not a Pagefind fragment")
    result: dict[str, Any] = json.loads(raw[len(FRAGMENT_MAGIC) :])
    return result


def tracking_of(url: str) -> str:
    """`/laporan/PSR-AR64-4PXZ/` → `PSR-AR64-4PXZ` (the pages Pagefind indexes are report pages)."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def shard_key(trackings: list[str], shas: dict[str, str]) -> str:
    """What a shard is made from: its pages and their bytes (not the render key: a template
    change that leaves the report pages as they were keeps the index). Pagefind writes its
    filter files in an order that varies from run to run, so an index made again is never
    byte-identical: it must only be made again when it has to be."""
    return hashlib.sha256(json.dumps([[page_path(t), shas[t]] for t in trackings]).encode()).hexdigest()


@dataclass
class Indexed:
    """What a month's bundle indexed: its directory, its key, and for each page the id of its
    fragment (the file name, and the id Pagefind gives its results) and the sha256 of the page."""

    directory: str
    key: str
    pages: dict[str, tuple[str, str]]

    def dumps(self) -> str:
        return json.dumps({"directory": self.directory, "key": self.key, "pages": self.pages}, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str | None) -> Indexed | None:
        if not text:
            return None
        data = json.loads(text)
        return cls(data["directory"], data["key"], {t: (p[0], p[1]) for t, p in data["pages"].items()})


@dataclass
class Hidden:
    """A month's fragment of a page that the recent shard holds anew: the search page drops the
    month's result with this id and URL (`same`: the recent shard's fragment is this very one,
    so one of the two results is kept). `filters` are the fragment's, which the month's filter
    counts still include."""

    directory: str
    id: str
    url: str
    filters: dict[str, list[str]]
    same: bool = False

    def listed(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "filters": self.filters, "same": self.same}


@dataclass
class Plan:
    """What a build does with the search index (`plan`)."""

    index: dict[str, list[str]] = field(default_factory=dict)  # new bundle directory → its pages
    months: dict[str, Indexed] = field(default_factory=dict)  # month → what its bundle indexes
    recent: str | None = None  # the recent shard's directory
    recent_pages: list[str] = field(default_factory=list)
    hidden: dict[str, Hidden] = field(default_factory=dict)  # tracking → its month's old fragment
    keep: list[str] = field(default_factory=list)  # files of the old index kept as they are
    folded: list[str] = field(default_factory=list)  # months indexed again (not first indexed)
    shas: dict[str, str] = field(default_factory=dict)  # tracking → sha256 of its page now
    keys: dict[str, str] = field(default_factory=dict)  # bundle directory → `shard_key` of its pages
    counts: dict[str, int] = field(default_factory=dict)  # month → its pages
    trusted: bool = False  # the manifest is trusted: files kept are not looked at (`keep_files`)
    looked_at: list[str] = field(default_factory=list)  # months whose pages this plan looked at

    def shards(self) -> list[str]:
        """The bundles the search page merges: the months in order (the first is the primary
        index), the recent shard last."""
        months = [self.months[m].directory for m in sorted(self.months)]
        return months + ([self.recent] if self.recent else [])

    def recent_state(self) -> str:
        """The build state's record of the recent shard's hidden fragments (read by the next `plan`)."""
        return json.dumps({t: asdict(h) for t, h in self.hidden.items()}, sort_keys=True, ensure_ascii=False)

    def summary(self) -> str:
        """The build state's record of every month's bundle (read by the next `plan`)."""
        months = {m: [i.directory, i.key, self.counts.get(m, len(i.pages))] for m, i in sorted(self.months.items())}
        return json.dumps(months, separators=(",", ":"))

    def listing(self) -> bytes:
        """shards.json: the bundles and the months' hidden fragments."""
        listed = {
            "shards": [f"{d}/" for d in self.shards()],
            "hidden": [self.hidden[t].listed() for t in sorted(self.hidden)],
        }
        return (json.dumps(listed, indent=0, ensure_ascii=False) + "\n").encode()


def _bundles(out: IncrementalOutput) -> dict[str, list[str]]:
    """The previous build's bundle directories → their files."""
    bundles: dict[str, list[str]] = {}
    # Every row of the state (state.Manifest reads it whole here): the plan then asks about
    # every kept bundle's files, cheaper on the plain dicts than row by row or by a range.
    for path in out.old_files:
        if path.startswith(BUNDLE + "/") and path.count("/") > 1:
            bundles.setdefault(path.split("/")[1], []).append(path)
    return bundles


class _BundlesByRange(Mapping[str, list[str]]):
    """The previous build's bundle directories → their files, each directory's rows read by a
    range of the state when asked about (`_bundles` without reading every row): through the
    manifest's rows (kept for the digests asked about next), or, when this process holds the
    state as dicts (a warm worker's, or read whole meanwhile), from the state's index."""

    def __init__(self, out: IncrementalOutput) -> None:
        self.out = out
        self.read: dict[str, list[str]] = {}

    def _paths(self, prefix: str) -> list[str]:
        column = self.out.old_files
        if isinstance(column, Column):
            return column.manifest.prefetch(prefix)
        return [path for path, _, _ in self.out.state.under(prefix)]

    def __getitem__(self, directory: str) -> list[str]:
        if directory not in self.read:
            self.read[directory] = sorted(self._paths(f"{BUNDLE}/{directory}/"))
        if not self.read[directory]:
            raise KeyError(directory)
        return self.read[directory]

    def __iter__(self) -> Iterator[str]:
        """The directories of the recent shard only (what `_IndexedTexts` looks for)."""
        found: dict[str, None] = {}
        for path in self._paths(f"{BUNDLE}/{RECENT}-"):
            found.setdefault(path.split("/")[1])
        return iter(found)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _page_sha(out: IncrementalOutput, tracking: str) -> str:
    """A report page's sha256 after this build (made, kept or carried: `IncrementalOutput.sha`)."""
    sha = out.sha(page_path(tracking))
    if sha is None:
        raise KeyError(page_path(tracking))
    return sha


class _PageShas(dict[str, str]):
    """tracking → its report page's sha256 after this build (`_page_sha`), each looked up in the
    build state when first asked for: a plan that looks at a month asks only about the pages that
    may have changed since the month was indexed, and a month's every page only to index it."""

    def __init__(self, out: IncrementalOutput) -> None:
        super().__init__()
        self.out = out

    def __missing__(self, tracking: str) -> str:
        sha = self[tracking] = _page_sha(self.out, tracking)
        return sha


def _fragments(files: list[str]) -> int:
    return sum(1 for path in files if path.endswith(".pf_fragment"))


def _whole(out: IncrementalOutput, files: list[str] | None, key: str) -> bool:
    """A bundle the previous build published from `key`, every file still there (taken to be,
    unlooked at, when the build trusts its manifest: as for the report pages, a file deleted by
    hand comes back with `aduan build --full`)."""
    if not files:
        return False
    if out.trust_manifest:
        return all(out.old_inputs.get(p) == key and p not in out.files for p in files)
    return all(out.reusable(p, key, any_render=True) for p in files)


def _keep(out: IncrementalOutput, path: str, *, trusted: bool) -> None:
    """Keep a file of the previous index: unlooked at if the manifest is trusted (what
    `IncrementalOutput.keep` does, without its stat), else as `keep` does."""
    if not trusted:
        out.keep(path)
        return
    if path in out.files:
        return
    old = out.old_files
    if isinstance(old, Column):
        # One look at the state's row (read by the range of its bundle: `_BundlesByRange`), not
        # four through the columns: a month looked at keeps a thousand files and more this way.
        row = old.manifest.row(path)
        if row is None:
            return
        sha, digest = row
    else:
        found = old.get(path)
        if found is None:
            return
        sha, digest = found, out.old_inputs.get(path)
    out.files[path] = sha
    if digest is not None:
        out.inputs[path] = digest
    out.unchanged += 1


def keep_files(out: IncrementalOutput, todo: Plan) -> None:
    """Keep the files of the old index the plan keeps as they are."""
    for path in todo.keep:
        _keep(out, path, trusted=todo.trusted)


def _meta_json(out: IncrementalOutput, key: str) -> Any:
    try:
        return json.loads(out.state.meta(key) or "null")
    except ValueError:
        return None


def _touched(
    out: IncrementalOutput,
    months: dict[str, list[str]],
    rendered: Iterable[str] | None,
    where: Mapping[str, str] | None = None,
) -> tuple[set[str], set[str]] | None:
    """The months a build must look at: those holding a page rendered by this build, changed
    since the index last took it in, or in the recent shard, and those whose page count moved;
    None (every month) when the build does not know what it rendered, does not trust its
    manifest, or the state has no record of the months' bundles. With the months, those pages:
    the only ones whose bytes can differ from what their month's bundle indexed (every other
    change to a page since went through a build that rendered it, and so into the recent shard,
    into `META_DIRTY`, or into its month indexed again)."""
    summary = _meta_json(out, META_MONTHS)
    dirty = _meta_json(out, META_DIRTY)
    recent = _meta_json(out, META_RECENT_PAGES)
    if rendered is None or not out.trust_manifest or not isinstance(summary, dict):
        return None
    if not isinstance(dirty, list) or not isinstance(recent, list):
        return None
    pages = set(rendered) | set(dirty) | set(recent)
    touched = {m for m, trackings in months.items() if m not in summary or summary[m][2] != len(trackings)}
    if pages:
        if where is None:
            where = {t: m for m, trackings in months.items() for t in trackings}
        touched.update(where[t] for t in pages if t in where)
    return touched, pages


def plan(
    out: IncrementalOutput,
    months: dict[str, list[str]],
    *,
    limit: int | None = None,
    page: Callable[[str], bytes | None] | None = None,
    public: Callable[[str], bool] | None = None,
    rendered: Iterable[str] | None = None,
    where: Mapping[str, str] | None = None,
) -> Plan:
    """Decide what to index: the months never indexed, folded, with a page gone or with a page
    that lost words (`lost_words`: `page(tracking)` gives a page rendered by this build, `public`
    says which words the site publishes anyway), in full; the pages changed since their month was
    indexed, in the recent shard; the rest is kept.

    `where`: tracking → its month, as `months` has it (made from `months` when not given).

    `rendered`: the pages this build rendered (None: unknown). With it, and a manifest the build
    trusts, only the months `_touched` names are looked at; the others are kept as the state
    records them, their pages neither hashed nor their files looked at (and, when the build
    carries, not even named: `IncrementalOutput.carry_under` keeps each bundle's directory).

    Reads the previous build's state (`out`) and, for a page newly changed, its month's old
    fragment (for its id and filters); changes nothing but what `out` keeps.
    """
    found = _touched(out, months, rendered, where)
    touched, changeable = found if found is not None else (None, None)
    result = Plan(trusted=out.trust_manifest)
    result.counts = {m: len(trackings) for m, trackings in months.items()}
    # A build that carries what did not change (output.carry) leaves the untouched months'
    # bundles unnamed (`carry_under`), and reads the rows of the few others it looks at.
    lazy = touched is not None and out.carrying
    bundles: Mapping[str, list[str]] = _BundlesByRange(out) if lazy else _bundles(out)
    if touched is not None:
        summary = _meta_json(out, META_MONTHS)
        for month in sorted(set(months) - touched):
            directory, key = summary[month][0], summary[month][1]
            if lazy and out.carry_under(f"{BUNDLE}/{directory}/", key):
                result.months[month] = Indexed(directory, key, {})
                continue
            if not _whole(out, bundles.get(directory), key):
                touched.add(month)  # not what the state says: look at it
                continue
            result.months[month] = Indexed(directory, key, {})
            result.keep.extend(bundles[directory])
        months = {m: months[m] for m in touched}
    result.looked_at = sorted(months)
    # Looked up when asked for: with `changeable` known, a month's pages outside it are the very
    # pages its bundle indexed, and only a month indexed again asks about all of its pages.
    shas = _PageShas(out)
    result.shas = shas
    try:
        before = {t: Hidden(**h) for t, h in json.loads(out.state.meta(META_RECENT) or "{}").items()}
    except (ValueError, TypeError):
        before = {}
    changed: dict[str, tuple[Indexed, list[str]]] = {}
    texts = _IndexedTexts(out, bundles)

    def loses_words(indexed: Indexed, tracking: str) -> bool:
        if page is None or public is None:
            return False
        try:
            # A page changed since its month was indexed and not rendered by this build was
            # rendered by one that kept the index (a quick build): the page as published is new.
            new = page(tracking)
            if new is None:
                new = (out.root / page_path(tracking)).read_bytes()
            old = texts.of(indexed, tracking)
        except (OSError, ValueError, KeyError, SearchError):
            return True  # what the index holds, or the page, cannot be read: make the month again
        return old is not None and bool(lost_words(old, new, public))

    for month, trackings in sorted(months.items()):
        if touched is None:  # every month looked at: one may be the very bundle of its pages
            key = shard_key(trackings, shas)
            same = f"{month}-{key[:12]}"
            # Indexed from these very pages, none of its fragments hidden since: its map is not needed.
            if _whole(out, bundles.get(same), key) and _fragments(bundles[same]) == len(trackings):
                result.months[month] = Indexed(same, key, {})
                result.keep.extend(bundles[same])
                continue
        try:
            indexed = Indexed.loads(out.state.meta(META + month))
        except (ValueError, KeyError, TypeError, IndexError):
            indexed = None
        if indexed is None or not _whole(out, bundles.get(indexed.directory), indexed.key):
            _index_month(result, month, trackings, shard_key(trackings, shas))
            continue
        present = set(trackings)
        if any(t not in present for t in indexed.pages):  # a page left the site: its words too
            _index_month(result, month, trackings, shard_key(trackings, shas), folded=True)
            continue
        files = set(bundles[indexed.directory])
        stale = [
            t
            for t in trackings
            if t not in indexed.pages
            or ((changeable is None or t in changeable) and indexed.pages[t][1] != shas[t])
            or f"{BUNDLE}/{indexed.directory}/fragment/{indexed.pages[t][0]}.pf_fragment" not in files
        ]
        changed[month] = (indexed, stale)
    # Past the bound, one month is folded back per build: the one holding most of the recent
    # shard's pages (a month costs seconds at 100k reports; the next builds fold the others).
    over = sum(len(stale) for _, stale in changed.values()) > (RECENT_LIMIT if limit is None else limit)
    folding = max(changed, key=lambda m: (len(changed[m][1]), m)) if over else None
    for month, (indexed, stale) in changed.items():
        fold = month == folding
        lost = not fold and any(loses_words(indexed, t) for t in stale)
        hidden = None if fold or lost else _hidden(out, indexed, stale, before)
        if hidden is None:
            _index_month(result, month, months[month], shard_key(months[month], shas), folded=True)
            continue
        result.months[month] = indexed
        gone = {f"{BUNDLE}/{indexed.directory}/fragment/{h.id}.pf_fragment" for h in hidden.values()}
        result.keep.extend(p for p in bundles[indexed.directory] if p not in gone)
        result.hidden.update(hidden)
        result.recent_pages.extend(stale)
    if result.recent_pages:
        result.recent_pages.sort()
        key = shard_key(result.recent_pages, shas)
        result.recent = f"{RECENT}-{key[:12]}"
        result.keys[result.recent] = key
        if _whole(out, bundles.get(result.recent), key):
            result.keep.extend(bundles[result.recent])
        else:
            result.index[result.recent] = result.recent_pages
    return result


class _IndexedTexts:
    """The text the previous build's index holds for a page: the recent shard's fragment of it if
    it has one, else its month's (read only when asked, the recent shard's fragments at most once)."""

    def __init__(self, out: IncrementalOutput, bundles: Mapping[str, list[str]]) -> None:
        self.out = out
        self.recent = next((d for d in bundles if d.startswith(RECENT + "-")), None)
        self.files = bundles.get(self.recent, []) if self.recent else []
        self.recent_texts: dict[str, str] | None = None

    def of(self, indexed: Indexed, tracking: str) -> str | None:
        if self.recent_texts is None:
            self.recent_texts = {}
            for relpath in self.files:
                if "/fragment/" in relpath:
                    content = fragment((self.out.root / relpath).read_bytes())
                    self.recent_texts[tracking_of(content["url"])] = content["content"]
        if tracking in self.recent_texts:
            return self.recent_texts[tracking]
        if tracking not in indexed.pages:
            return None  # new to its month and never indexed: nothing of it is held
        path = self.out.root / BUNDLE / indexed.directory / "fragment" / f"{indexed.pages[tracking][0]}.pf_fragment"
        text: str = fragment(path.read_bytes())["content"]
        return text


def _index_month(result: Plan, month: str, trackings: list[str], key: str, *, folded: bool = False) -> None:
    directory = f"{month}-{key[:12]}"
    result.index[directory] = trackings
    result.keys[directory] = key
    if folded:
        result.folded.append(month)


def month_of(directory: str) -> str:
    """`2026-01-0123456789ab` → `2026-01`: the month a bundle directory indexes."""
    return directory.rsplit("-", 1)[0]


def keep_previous(out: IncrementalOutput, rendered: Iterable[str] | None = None) -> None:
    """Keep the previous build's index as it was, every file of it (a quick build, or Pagefind
    failed): the search page goes on showing what it showed. The pages rendered by this build
    (None: unknown) are recorded as not yet taken in, for the next build's `plan`."""
    old = out.old_files
    # A change build carries the whole index unnamed: naming its files one by one (84k at 100k
    # reports) read the build's state whole and cost ~2 s of a 4 s "pages live" build.
    if not out.carry_under(BUNDLE + "/", None):
        for path in old.under(BUNDLE + "/") if isinstance(old, Column) else old:
            if path.startswith(BUNDLE + "/"):
                _keep(out, path, trusted=out.trust_manifest)
    dirty = _meta_json(out, META_DIRTY)
    if rendered is None or not isinstance(dirty, list):
        out.meta[META_DIRTY] = UNKNOWN
    else:
        out.meta[META_DIRTY] = json.dumps(sorted(set(dirty) | set(rendered)))


def _hidden(
    out: IncrementalOutput, indexed: Indexed, stale: list[str], before: dict[str, Hidden]
) -> dict[str, Hidden] | None:
    """The month's fragments of its changed pages (None: one cannot be read, so the month must
    be indexed again). A page already in the recent shard keeps what the last build read."""
    hidden = {}
    for tracking in stale:
        if tracking not in indexed.pages:
            continue  # a page new to the month: nothing of it to hide
        fragment_id = indexed.pages[tracking][0]
        was = before.get(tracking)
        if was is not None and was.directory == indexed.directory and was.id == fragment_id:
            hidden[tracking] = was
            continue
        path = out.root / BUNDLE / indexed.directory / "fragment" / f"{fragment_id}.pf_fragment"
        try:
            content = fragment(path.read_bytes())
        except (OSError, ValueError, SearchError):
            return None
        hidden[tracking] = Hidden(indexed.directory, fragment_id, content["url"], content.get("filters") or {})
    return hidden


def _executable() -> str:
    # The binary ships with the `pagefind[bin]` package: nothing is downloaded at build time.
    # Its own small package first, as pagefind.service looks for it: that module imports
    # asyncio (about 50 ms of every change build in a new process), which we never use.
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(package).get_executable()
        except (ImportError, OSError):
            continue
        if found is not None:
            return str(found)
    from pagefind.service import get_executable  # noqa: PLC0415 - only builds that index need it

    path = get_executable()
    if path is None:
        raise SearchError("the pagefind binary is not installed (pip install 'pagefind[bin]')")
    return str(path)


_HTML_TAG = re.compile(rb"<html\b[^>]*>")
_TITLE = re.compile(rb"<title>.*?</title>", re.S)
_TAG_NAME = re.compile(rb"<([a-z][a-z0-9]*)[\s>]")
PAGEFIND_ATTRIBUTE = b"data-pagefind-"
BODY_ATTRIBUTE = b"data-pagefind-body"


def _element(page: bytes, at: int) -> tuple[int, int] | None:
    """Where the element whose opening tag holds position `at` starts and ends, or None if that
    cannot be told without an HTML parser (an element of the same name inside it)."""
    start = page.rfind(b"<", 0, at)
    name = _TAG_NAME.match(page, start) if start >= 0 else None
    if name is None:
        return None
    tag = name.group(1)
    close = page.find(b"</" + tag + b">", at)
    if close < 0 or re.search(b"<" + tag + rb"[\s>/]", page[at:close]):
        return None
    return start, close + len(tag) + 3


def searchable(page: bytes) -> bytes:
    """What Pagefind must read of a page to index it as it would the whole page: the `<html>`
    tag (its language), the title and the `data-pagefind-body` element. Pagefind's CPU grows
    with the bytes it parses: a report page cut so costs about 15% less to index (2026-12-01),
    and the fragments and index chunks come out byte for byte the same (tests/test_search_cost.py).
    (Cutting the elements Pagefind ignores, or the attributes it never reads, cost more CPU here
    than it saved in Pagefind.) A page that cannot be cut safely (no body, or a Pagefind
    attribute outside it) is given whole."""
    html_tag = _HTML_TAG.search(page)
    where = page.find(BODY_ATTRIBUTE)
    found = _element(page, where) if where >= 0 and html_tag is not None else None
    if found is None or html_tag is None:
        return page
    start, end = found
    body = page[start:end]
    if page.count(PAGEFIND_ATTRIBUTE) != body.count(PAGEFIND_ATTRIBUTE):
        return page  # a meta or filter outside the body (or a second body): index it whole
    title = _TITLE.search(page, 0, start)
    head = b"<head>" + title.group(0) + b"</head>" if title else b""
    return b"<!doctype html>\n" + html_tag.group(0) + head + b"<body>" + body + b"</body></html>\n"


# Whether the mirror holds cut pages (`searchable`: the same index for about 16% less of
# Pagefind's CPU in a cold build at 10k, 2026-12-01) or hard links to the pages. The AWS build
# keeps no mirror in the bucket (chalicelib/events.py): a cold start makes the pages of the
# shards it indexes from the pages it pulled, as any build whose mirror lacks them.
CUT_PAGES = True


def _tmp(target: Path, kind: str) -> Path:
    # Of this thread: two of an index job's threads may put the same page (a page in its month's
    # shard and in the recent one), each a whole file put in place by one rename.
    return target.with_name(f".{kind}.{threading.get_native_id()}.tmp")


def _write(source: Path, target: Path) -> None:
    """Write into the mirror's `target` what Pagefind must read of the page in `source`: a page
    new to the mirror (every page of a first build) is created in place, one file and no rename;
    one already there is replaced by a new file put in place (a target hard-linked to a
    published page is never written through)."""
    cut = searchable(source.read_bytes())
    try:
        write_new(str(target), cut, overwrite=False)
        return
    except FileExistsError:
        pass
    tmp = _tmp(target, "page")
    tmp.write_bytes(cut)
    os.replace(tmp, target)


def _link(source: Path, target: Path) -> None:
    """Point the mirror's `target` at the page in `source` (a hard link: no copy)."""
    try:
        # A page new to the mirror (every page of a first build): one call, and the name
        # appears whole or not at all.
        os.link(source, target)
        return
    except FileNotFoundError:
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
                return
            except OSError:
                pass
    except OSError:  # there already (a page changed), or another file system
        pass
    tmp = _tmp(target, "link")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def staged_pages(mirror: Mirror, staging: Path, pages: Mapping[str, Path]) -> frozenset[str]:
    """The pages (tracking → where the build put the page) that Pagefind may index where they
    are staged, when the mirror holds no page at all (a first build into this directory, or a
    mirror lost or thrown away): those staged under their own path. A first build at 20k reports
    so makes no mirror (16.6k pages and their directories fewer to create, read and cut), for
    about 15% more of Pagefind's CPU on whole pages; the next builds put into the mirror the pages
    they index (`Mirror.update`, the published page when this build did not render it). Never when
    the mirror holds pages: a page left out of it would stay there as it was."""
    if (mirror.root / "laporan").exists():
        return frozenset()
    prefix = str(staging / "laporan") + os.sep
    return frozenset(t for t, path in pages.items() if str(path) == f"{prefix}{t}{os.sep}index.html")


class Mirror:
    """The Indonesian report pages as Pagefind must see them (`laporan/<tracking>/index.html`),
    hard links (or, with `cut`, the pages cut to what Pagefind reads: `searchable`) kept from
    build to build in the build's own directory: a build puts there the pages it changed, and
    Pagefind reads a shard's pages straight from here (`--glob`), with no temporary tree to make
    and delete per build."""

    def __init__(self, root: Path, *, cut: bool | None = None) -> None:
        self.root = root
        self.cut = CUT_PAGES if cut is None else cut

    def page(self, tracking: str) -> Path:
        return self.root / "laporan" / tracking / "index.html"

    def update(self, tracking: str, source: Path, *, changed: bool) -> None:
        target = self.page(tracking)
        if changed or not target.is_file():
            (_write if self.cut else _link)(source, target)

    def forget(self, tracking: str) -> None:
        self.page(tracking).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.page(tracking).parent.rmdir()


# Up to this many pages a shard is indexed from a small tree of its own pages (`_small_site`),
# not from the mirror: Pagefind matches its glob by walking every directory under `--site`,
# so the mirror's 16.6k directories at 20k reports (one `open` each) cost a change build's
# recent shard of a few pages about 0.07 s of Pagefind's CPU and 0.1-0.25 s of wall time on
# these machines (2026-12-02), where a tree of its own pages costs a few syscalls per page.
SMALL_SHARD = 1000


def _small_site(mirror: Path, trackings: list[str], site: Path) -> bool:
    """`site`/laporan/<tracking>/index.html for each page, hard links to the mirror's: the same
    paths under `--site`, so the same URLs in the index. False (and nothing left) when a link
    cannot be made (another file system, a page missing): the shard is then read from the mirror."""
    shutil.rmtree(site, ignore_errors=True)
    try:
        for tracking in trackings:
            target = site / "laporan" / tracking
            target.mkdir(parents=True)
            os.link(mirror / "laporan" / tracking / "index.html", target / "index.html")
    except OSError:
        shutil.rmtree(site, ignore_errors=True)
        return False
    return True


def _index(executable: str, mirror: Path, trackings: list[str], bundle: Path) -> Path:
    # Pagefind's glob takes alternatives: exactly this shard's pages, however many the mirror has.
    pattern = "laporan/{" + ",".join(trackings) + "}/index.html"
    site = bundle.with_name(bundle.name + ".site")
    small = len(trackings) <= SMALL_SHARD and _small_site(mirror, trackings, site)
    command = [executable, "--site", str(site if small else mirror), "--glob", pattern]
    command += ["--output-path", str(bundle), "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own arguments
    finally:
        if small:
            shutil.rmtree(site, ignore_errors=True)
    if done.returncode != 0:
        raise SearchError(f"pagefind failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return bundle


def bundle_files(bundle: Path, *, recent: bool = False) -> dict[str, Path]:
    """The files of a bundle Pagefind wrote that a merged search needs (bundle path → file, in
    the order of their paths' parts); the others are deleted. (One walk of the directories, no
    `stat` per file: about a third of the Python time of taking a bundle in at 20k pages.)"""
    wanted = RECENT_FILE if recent else SHARD_FILE
    found: list[tuple[list[str], str]] = []
    for directory, _, names in os.walk(bundle):
        prefix = Path(directory).relative_to(bundle).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(((prefix + name).split("/"), prefix + name) for name in names)
    files = {}
    for parts, relpath in sorted(found):
        if wanted.match(relpath) or parts[-1] in UI_FILES:
            files[relpath] = bundle / relpath
        else:
            (bundle / relpath).unlink()
    return files


class IndexJob:
    """Pagefind indexing shards (shard → tracking numbers of its pages, read from the mirror)
    in the background, two at a time, each bundle written into `staging`; `results()` yields
    each shard's files as they are ready. `link` (a tracking number), if given, puts a page into
    the mirror: called for each of a shard's pages just before Pagefind indexes the shard, so
    that the mirror is made while the first shards are being indexed, not before.

    `staged`: pages Pagefind may read where the build staged them (`staging`/laporan/<tracking>/
    index.html), whole, instead of from the mirror (`staged_pages`): a shard made only of such
    pages is indexed from the staging area, and none of its pages is put into the mirror."""

    def __init__(
        self,
        shards: dict[str, list[str]],
        mirror: Mirror,
        staging: Path,
        link: Callable[[str], None] | None = None,
        staged: frozenset[str] = frozenset(),
    ) -> None:
        executable = _executable()
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="pagefind")

        def index(trackings: list[str], bundle: Path) -> Path:
            if staged.issuperset(trackings):
                return _index(executable, staging, trackings, bundle)
            if link is not None:
                for tracking in trackings:
                    link(tracking)
            return _index(executable, mirror.root, trackings, bundle)

        futures = {}
        # The largest first, so that neither process waits idle on the other's last large shard.
        for shard, trackings in sorted(shards.items(), key=lambda item: (-len(item[1]), item[0])):
            futures[shard] = self.pool.submit(index, trackings, staging / f"pagefind-{shard}")
        self.futures: dict[str, Future[Path]] = {shard: futures[shard] for shard in sorted(futures)}

    def results(self) -> Iterator[tuple[str, dict[str, Path]]]:
        """(shard, bundle path → the file Pagefind wrote) for each shard as Pagefind finishes it
        (not in shard order: the caller takes in a bundle while the next is being indexed);
        raises SearchError if Pagefind failed on one. Only the files a merged search needs are
        kept (`bundle_files`)."""
        shards = {future: shard for shard, future in self.futures.items()}
        try:
            for future in as_completed(shards):
                shard = shards[future]
                yield shard, bundle_files(future.result(), recent=shard.startswith(RECENT + "-"))
        finally:
            self.cancel()

    def cancel(self) -> None:
        for future in self.futures.values():
            future.cancel()
        self.pool.shutdown(wait=True)


@dataclass
class _Bundle:
    """A new bundle as soon as Pagefind wrote it: its files checked by the gate (not yet counted
    as this build's: `IncrementalOutput.adopted`), what it indexed (tracking → fragment id,
    sha256 of the page), and the search UI Pagefind put beside it."""

    staged: list[Staged]
    pages: dict[str, tuple[str, str]]
    ui: dict[str, bytes]


def _taken_in(out: IncrementalOutput, directory: str, files: dict[str, Path], shas: dict[str, str]) -> _Bundle:
    """Read each file of a new bundle once: the gate checks it, and a fragment says its page."""
    bundle = _Bundle([], {}, {})
    for relpath, path in files.items():
        data = path.read_bytes()
        if relpath in UI_FILES:
            bundle.ui[relpath] = data
            path.unlink()
            continue
        if relpath.startswith("fragment/") and relpath.endswith(".pf_fragment"):
            tracking = tracking_of(fragment(data)["url"])
            bundle.pages[tracking] = (relpath[len("fragment/") : -len(".pf_fragment")], shas[tracking])
        bundle.staged.append(out.adopted(f"{BUNDLE}/{directory}/{relpath}", path, data))
    return bundle


def publish_index(out: IncrementalOutput, todo: Plan, job: IndexJob | None) -> bool:
    """Hand every file of the new bundles to the output writer (and so to the gate), then the
    search UI and shards.json, the list of bundles the search page merges and of the months'
    fragments it hides; what each new bundle indexed goes into the build state's meta.

    Each bundle is read and checked by the gate as soon as Pagefind wrote it, while Pagefind
    indexes the others (both cores busy to the end), and counted as this build's only once
    every bundle is there, in shard order: False if Pagefind failed, and then the previous
    index is kept whole and nothing of the new one is published."""
    bundles: dict[str, _Bundle] = {}
    try:
        for directory, files in job.results() if job is not None else ():
            bundles[directory] = _taken_in(out, directory, files, todo.shas)
    except (SearchError, OSError, ValueError) as exc:
        logger.error("aduan_site: search index not rebuilt, keeping the previous one: %s", exc)
        keep_previous(out)  # what it held is unknown now: the next build looks at every month
        return False
    ui: dict[str, bytes] = {}
    for directory in sorted(bundles):
        bundle = bundles[directory]
        for name, data in bundle.ui.items():
            ui.setdefault(name, data)
        if directory == todo.recent:
            for tracking, hidden in todo.hidden.items():
                hidden.same = bundle.pages.get(tracking, ("",))[0] == hidden.id
        else:
            month = month_of(directory)
            todo.months[month] = Indexed(directory, todo.keys[directory], bundle.pages)
            out.meta[META + month] = todo.months[month].dumps()
        for staged in bundle.staged:
            out.add(staged, digest=todo.keys[directory])
    out.meta[META_RECENT] = todo.recent_state()
    out.meta[META_MONTHS] = todo.summary()
    out.meta[META_RECENT_PAGES] = json.dumps(todo.recent_pages)
    out.meta[META_DIRTY] = "[]"
    for name in UI_FILES:
        if name in ui:
            out.put(f"{BUNDLE}/{name}", ui[name])
        else:
            out.keep(f"{BUNDLE}/{name}")
    data = todo.listing()
    digest = hashlib.sha256(data).hexdigest()
    if not out.reuse(f"{BUNDLE}/{SHARDS}", digest, any_render=True):
        out.put(f"{BUNDLE}/{SHARDS}", data, digest=digest)
    return True
