"""The generator: public dataset in, site pages, open data, feeds and search index out.

Records are rendered straight with the theme's Jinja environment; they never go through
Pelican's article pipeline, which costs ~10× more at 10k records (docs/architecture.md). Every output
goes through `IncrementalOutput`, so only changed bytes reach the disk, and only after the
publication gate has read them all.

Files made from the whole dataset (open data, feeds) are keyed on a digest of every record and
stats.json: when none changed, they are kept without being made again. Listings are paginated
stably (listing.py) and the search index is made per month (search.py), so one change touches
a bounded number of their files. Report pages exist in Indonesian and, under /en/, in English.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import heapq
import json
import logging
import os
import re
import shutil
import signal
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from blinker import signal as blinker_signal

from . import escaping, labels, open311, quiet, schema, snapshots, transparency
from .config import plugin_settings
from .dataset import SLUG_RE, Dataset, Record, load_dataset
from .feeds import LIMIT, Entry, entries, feed_xml
from .listing import arrange
from .memo import MacroMemo
from .opendata import Site, citation, generated_day
from .opendata_build import DATASET_FILES as DATASET_FILES  # tests and users import it from here
from .opendata_build import Inputs, write_open_data
from .output import IncrementalOutput, Staged, build_lock, record_files
from .rows import Rows
from .search import (
    IndexJob,
    Mirror,
    Plan,
    SearchError,
    keep_files,
    keep_previous,
    publish_index,
    shard_of,
    staged_pages,
)
from .search import plan as search_plan
from .state import BuildState, Layout
from .statistics import published_statistics, service_levels
from .statpage import page_context
from .templates import environment, find

logger = logging.getLogger(__name__)

# Sent with the generator's settings dict as sender and `result=` the counts; build() listens.
# A named signal, so it is shared even if this package is imported under two names.
built = blinker_signal("aduan_site_built")

PLUGIN_DIR = Path(__file__).resolve().parent
# Settings left out of the render key: a function, a switch for the search index, and paths.
_NOT_RENDERED = frozenset({"GUARD", "SEARCH", "WARM", "PUBLIC_DATA", "LOG_DIR", "MANIFEST"})
LANG_PREFIX = {"id": "", "en": "en/"}
# Pages that exist in both languages, by directory under the language prefix (a listing's or a
# report's pages too: those are matched by BILINGUAL_TREES).
BILINGUAL = ("", "statistik/", "lapor/", "lacak/", "cari/", "instansi/", "status/")
BILINGUAL_TREES = re.compile(r"^(?:laporan|instansi|status)/")
# Files that other files link to and that link to nothing new: moved into place before the rest
# (see IncrementalOutput). Report pages in both languages, their photos, per-report Open311 files,
# the transparency log's tiles (before its checkpoint) and the files of a search shard (before
# the shard's entry file that points to them).
LEAVES = re.compile(
    r"^(?:en/)?laporan/[^/]+/|^attachments/|^data/open311/requests/|^log/tile/|^_pagefind/[^/]+/(?!pagefind-entry\.json$)"
)
# Listing pages are placed in the order they were made: the new numbered pages first (see
# write_pages), the entry page last. The search shards' list comes after every shard.
LAST = re.compile(r"^_pagefind/shards\.json$")


def rank(relpath: str) -> int:
    """The order in which a build's files are moved into place (lowest first)."""
    if LEAVES.match(relpath):
        return 0
    return 2 if LAST.match(relpath) else 1


def _digest_tree(digest: Any, directory: Path, pattern: str = "*") -> None:
    for path in sorted(p for p in directory.rglob(pattern) if p.is_file()):
        digest.update(str(path.relative_to(directory)).encode())
        digest.update(path.read_bytes())


def page_dir(base: str, number: int, entry: int) -> str:
    """`instansi/pupr/`: the entry page (the newest) → `instansi/pupr/`, page 2 → `…/2/`."""
    return base if number == entry else f"{base}{number}/"


# The build state's meta row: each feed's entries as (tracking, place in its timeline), newest first.
FEEDS_SHOWN = "feeds"
# The search mirror (search.py) in the output directory, and its mark of a build not yet published.
SEARCH_MIRROR = ".aduan-search"
DIRTY = ".dirty"

# A report page to render: (index of the record, language, its directory, its input digest).
ReportTask = tuple[int, str, str, str]
POOL_MIN = 400  # pages; fewer render faster than a pool starts
POOL_CHUNK = 250  # pages per task sent to a worker
POOL_WORKERS = 2  # the machines have two cores
_SHARED: tuple[AduanGenerator, IncrementalOutput] | None = None


@dataclass
class _LastBuild:
    """What a build of this process leaves for its next build into the same output directory,
    valid while the build state's generation is still the one it saved (state.py): then the
    records whose digest is the same are known unchanged, and their pages, listing pages and
    feed entries need no work at all."""

    generation: str
    digests: dict[str, str]  # tracking → digest of its record file
    feed: list[Entry] | None  # every public update, oldest first (by Entry.sort_key); None: not made
    # The search shards' reports (`AduanGenerator.report_shards`); None: not made.
    shards: Shards | None = None
    # The home page's newest reports (`AduanGenerator.recent_reports`); None: not made.
    recent: list[Record] | None = None
    # The records' digests summed (`AduanGenerator.records_sum`); None: not made.
    records_sum: int | None = None


_SUM_MODULUS = 2**256


def _record_hash(tracking: str, digest: str) -> int:
    """A record's share of `AduanGenerator.records_sum`: the sha256 of its tracking number and
    digest, as a number. A sum of them (a multiset hash) can be kept up to date per record."""
    return int.from_bytes(hashlib.sha256(f"{tracking} {digest}".encode()).digest(), "big")


@dataclass
class Shards:
    """Each search shard's reports (shard → tracking numbers in tracking order), and each
    report's shard: kept by a build for the next one of its process, which moves only the
    changed records (a corrected date can move a report to another month)."""

    months: dict[str, list[str]]
    where: dict[str, str]

    @classmethod
    def of(cls, records: Iterable[Record]) -> Shards:
        months: dict[str, list[str]] = defaultdict(list)
        where: dict[str, str] = {}
        for record in records:
            shard = where[record["tracking"]] = shard_of(record["submitted"])
            months[shard].append(record["tracking"])
        return cls(dict(months), where)

    def move(self, dataset: Dataset, changed: Iterable[str]) -> None:
        """Update in place for the records in `changed` (new, changed or gone)."""
        for tracking in changed:
            record = dataset.record(tracking)
            shard = None if record is None else shard_of(record["submitted"])
            old = self.where.get(tracking)
            if old == shard:
                continue
            if old is not None:
                trackings = self.months[old]
                del trackings[bisect.bisect_left(trackings, tracking)]
                if not trackings:
                    del self.months[old]
                del self.where[tracking]
            if shard is not None:
                bisect.insort(self.months.setdefault(shard, []), tracking)
                self.where[tracking] = shard


# Resolved output directory → its last build in this process.
_LAST: dict[Path, _LastBuild] = {}


def _render_chunk(work: tuple[AduanGenerator, IncrementalOutput, list[ReportTask]]) -> list[Staged]:
    generator, out, tasks = work
    result = []
    # A record's two pages are neighbouring tasks (start_reports): its log positions once.
    last: tuple[int, Any] = (-1, None)
    for index, lang, here, _ in tasks:
        record = generator.dataset.records[index]
        if last[0] != index:
            last = (index, transparency.positions(generator.log, record))
        html = generator.render("report", lang, here, r=record, log=last[1])
        result.append(out.stage(here + "index.html", html))
    return result


def _worker_signals() -> None:
    """A worker forked from `aduan run` inherits its handlers that turn signals into `Stopped`:
    a worker stops plainly instead (the parent handles the stop)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _render_shared_chunk(tasks: list[ReportTask]) -> list[Staged]:
    assert _SHARED is not None, "only in a worker forked by RenderedReports"
    return _render_chunk((*_SHARED, tasks))


class RenderedReports:
    """Report pages being rendered: iterating yields their `Staged` files in task order.

    With many pages (a first build) a pool of forked workers starts rendering at once, while
    the parent goes on with the rest of the site; fork shares the compiled templates, the
    dataset and the gate with the workers without pickling them, and only the tasks and the
    small results cross. With few pages they are rendered here, when iterated. `close()` ends
    the pool (terminated if the pages were not all collected: the build failed)."""

    def __init__(self, generator: AduanGenerator, out: IncrementalOutput, tasks: list[ReportTask]) -> None:
        self.generator, self.out, self.tasks = generator, out, tasks
        self.pool: Any = None
        self.results: Iterator[list[Staged]] | None = None
        workers = min(os.cpu_count() or 1, POOL_WORKERS)
        if len(tasks) < POOL_MIN or workers < 2:
            return
        # Imported only for a pool (with pickle and socket, about 0.1 s of CPU): a change build
        # renders its few pages here.
        import multiprocessing  # noqa: PLC0415 - see the comment above

        if "fork" not in multiprocessing.get_all_start_methods():
            return
        chunks = [tasks[n : n + POOL_CHUNK] for n in range(0, len(tasks), POOL_CHUNK)]
        # Compiled before the fork, so once: the workers inherit the compiled template.
        generator.get_template("report")
        global _SHARED  # noqa: PLW0603 - what forked workers inherit
        _SHARED = (generator, out)
        # A first build froze what the process held (chalicelib/sitebuild.py): the dataset read
        # since is frozen too, so that neither the workers nor this process walk it again.
        if gc.get_freeze_count():
            gc.freeze()
        self.pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_signals)
        # imap hands the chunks to the workers now, in the background: they render while the
        # parent builds the rest.
        self.results = self.pool.imap(_render_shared_chunk, chunks)

    def __iter__(self) -> Iterator[Staged]:
        if self.results is None:
            yield from _render_chunk((self.generator, self.out, self.tasks))
            return
        for staged in self.results:
            yield from staged
        self.pool.close()  # the workers end on their own: no signal needed
        self.pool.join()
        self.pool = None
        self.close()

    def close(self) -> None:
        global _SHARED  # noqa: PLW0603
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        _SHARED = None


class AduanGenerator:
    """Pelican's generator protocol (`generate_context`, `generate_output`) without being a
    subclass of Pelican's `Generator`: a build that changes only records runs it without
    Pelican (lightbuild.py). The arguments are the ones Pelican passes."""

    def __init__(
        self,
        context: dict[str, Any],
        settings: dict[str, Any],
        path: str,
        theme: str,
        output_path: str,
        readers_cache_name: str = "",
        **kwargs: Any,
    ) -> None:
        del readers_cache_name, kwargs  # Pelican's readers: the plugin reads no content files
        self.context, self.settings, self.path, self.theme = context, settings, path, theme
        self.output_path = output_path
        self.env, self._templates_path = environment(settings, theme)
        self._templates: dict[str, Any] = {}
        # Record text comes from the public: escape it whatever JINJA_ENVIRONMENT says.
        self.env.autoescape = True
        # No template changes during a build: without this, every page's `extends` stats the
        # base template's file to see whether to compile it again.
        self.env.auto_reload = False
        self.options = plugin_settings(self.settings)
        self.dataset = Dataset()
        # Report pages rendered this build (the search index reads them before they are written).
        self.report_pages: dict[str, Path] = {}
        # What this build does with the search index (search.py), once start_search planned it.
        self.search_plan: Plan | None = None
        # The transparency log: its key from generate_context, this build's turn in generate_output.
        self.log_vkey = ""
        self.log: transparency.Publication | None = None
        # This process's last build into the same output directory, if still valid (_LastBuild),
        # and the tracking numbers of the records added, changed or gone since (None: unknown).
        self.last: _LastBuild | None = None
        self.changed: set[str] | None = None
        self.feed: list[Entry] | None = None
        self.shards: Shards | None = None  # the search shards' reports, once start_search made them
        self.recent: list[Record] | None = None  # the home page's newest reports, once made
        self._records_sum: int | None = None  # set by data_key
        self._data_key: str | None = None  # data_key(), once the dataset is read
        self._render_key: str | None = None
        # quiet.py: what this build is made from besides the records, and whether the last
        # build was made from the same (then nothing is read or made); the log's size.
        self.fingerprint: str | None = None
        self.quiet = False
        self.log_size = 0
        self.search_behind = False  # a shard's index was kept though its pages changed
        self.journal: int | None = None  # the publisher's journal position, read with the fingerprint
        self._rows: Rows | None = None  # listing_rows(), once a listing is made
        self._memo: MacroMemo | None = None  # macro_memo(): the theme's memoized macros
        self.shown_by_pelican = ""  # pelican_inputs(), once generate_context read the dataset

    # -- Pelican's generator protocol -------------------------------------------------------

    def generate_context(self) -> None:
        public = Path(self.options["PUBLIC_DATA"])
        self._data_key = self._render_key = self.fingerprint = None
        self.quiet = False
        light = quiet.light_dataset(public)
        if light is not None:
            # Without its records: enough to tell whether there is anything to do (quiet.py).
            self.dataset = light
            log_state = transparency.LogState(self.log_dir)
            try:
                self.log_size = log_state.size()
            finally:
                log_state.close()
            self.journal = quiet.journal_seq(public)
            self.fingerprint = quiet.fingerprint(public, self.render_key())
            self.quiet = self.fingerprint is not None and not self.options["WARM"] and self.unchanged_since_last_build()
        if not self.quiet:
            self.dataset = load_dataset(public)
            self._render_key = None
        self.context["ADUAN_REGION"] = self.dataset.region
        # Pelican renders the open data page (which shows the verifier key) before our output.
        self.log_vkey = transparency.LogState(self.log_dir).signer(self.log_origin).verifier.vkey()
        self.shown_by_pelican = self.pelican_inputs()

    def unchanged_since_last_build(self) -> bool:
        """The last build was made from what this one would be made from, and left nothing to
        catch up (quiet.py). Read again under the build lock before it is relied on."""
        path = Path(self.output_path) / self.options["MANIFEST"]
        if self.fingerprint is None or not path.is_file() or quiet.whole_files_stale(Path(self.output_path)):
            return False
        state = BuildState(path)
        try:
            return state.meta("quiet") == quiet.with_log(self.fingerprint, self.log_size)
        finally:
            state.close()

    def keep_everything(self) -> bool:
        """Nothing to do (quiet.py): keep every file unread, unless a build of another process
        got in since the check (then False: the caller builds)."""
        assert self.fingerprint is not None
        state = BuildState(Path(self.output_path) / self.options["MANIFEST"])
        try:
            same = state.meta("quiet") == quiet.with_log(self.fingerprint, self.log_size)
            if not same or state.meta("render_key") != self.render_key():
                return False
            count = state.count()
        finally:
            state.close()
        result = {
            "written": 0,
            "unchanged": count,
            "deleted": 0,
            "rendered": 0,
            "written_files": (),
            "deleted_files": (),
            "log_entries": self.log_size,
            "pelican_inputs": self.shown_by_pelican,
        }
        logger.info("aduan_site: nothing changed since the last build; %d files kept", count)
        built.send(self.settings, result=result)
        return True

    def generate_output(self, writer: Any) -> None:
        del writer  # Pelican's Writer always rewrites; IncrementalOutput does not
        # `aduan build` and the worker may both build into output/: one at a time, or the
        # manifest would not describe the files.
        with build_lock(Path(self.output_path)):
            if self.quiet and self.keep_everything():
                return
            if self.quiet:  # another process built since the check: this build looks at everything
                self.dataset = load_dataset(Path(self.options["PUBLIC_DATA"]))
                self.quiet = False
                self._data_key = self._render_key = None
            self.build_everything()

    def build_everything(self) -> None:
        """The build: only what changed is made, but every record is looked at (or, after a
        build of this process, only the records that changed: `since_last_build`)."""
        self._rows = None  # the helpers may have changed since the last build
        with transparency.log_for_build(self.log_dir, self.log_origin, self.dataset, Path(self.output_path)) as log:
            self.log = log
            out = IncrementalOutput(
                Path(self.output_path),
                self.options["MANIFEST"],
                self.render_key(),
                guard=self.options["GUARD"],
                rank=rank,
            )
            if self.options["WARM"]:
                out.read_whole()  # held as dicts by this process from now on (state.py)
            self.since_last_build(out)
            out.trust_manifest = self.changed is not None
            search = None
            try:
                # The report pages render in forked workers while this process makes the
                # listings, the other pages, the open data and the feeds: both cores busy.
                reports = self.start_reports(out)
                # Few pages (a change build) are rendered here, not in workers: then they are
                # counted first and Pagefind starts on them at once, indexing in the background
                # while this process makes the rest of the site, not after it.
                early = reports.pool is None
                try:
                    published = published_statistics(self.dataset)
                    if early:
                        self.finish_reports(out, reports)
                        search = self.start_search(out)
                    self.write_listings(out)
                    self.write_bilingual(out, published)
                    self.write_open_data(out, published)
                    self.write_feeds(out)
                    if not early:
                        self.finish_reports(out, reports)
                finally:
                    reports.close()
                if not early:
                    # Pagefind indexes the report pages in the background while the log is written.
                    search = self.start_search(out)
                transparency.write_log(out, log)
            except BaseException:
                if search is not None:
                    search.cancel()
                out.abandon()
                raise
            self.finish_search(out, search)
            caught_up = self.fingerprint is not None and not self.search_behind
            out.meta["quiet"] = quiet.with_log(self.fingerprint, log.size) if caught_up and self.fingerprint else ""
            out.meta["journal"] = "" if self.journal is None else str(self.journal)
            result = out.finish()
            self.clean_search_mirror(result["deleted_files"])
            # Only now that the site shows it may the log's state move on.
            log.commit()
            result["log_entries"] = log.size
            result["pelican_inputs"] = self.shown_by_pelican
            if out.state.generation is not None:
                _LAST[Path(self.output_path).resolve()] = _LastBuild(
                    out.state.generation, self.dataset.digests, self.feed, self.shards, self.recent, self._records_sum
                )
        logger.info(
            "aduan_site: %(written)d written, %(unchanged)d unchanged, %(deleted)d deleted",
            result,
        )
        built.send(self.settings, result=result)

    def get_template(self, name: str) -> Any:
        """The theme's template `name` (with the first of TEMPLATE_EXTENSIONS), compiled once."""
        if name not in self._templates:
            self._templates[name] = find(self.env, name, list(self.settings.get("TEMPLATE_EXTENSIONS") or [".html"]))
        return self._templates[name]

    # -- what templates see -----------------------------------------------------------------

    def template_globals(self) -> dict[str, Any]:
        """Shared with every generator (also Pelican's pages) once the dataset is read."""
        siteurl = self.settings.get("SITEURL", "")
        agencies = self.dataset.agencies
        categories = self.dataset.categories
        forward = self.dataset.forward_destinations

        def url(path: str = "") -> str:
            return f"{siteurl}/{path}"

        def agency_name(agency_id: str | None, full: bool = False) -> str:
            agency = agencies.get(agency_id or "")
            if agency is None:
                return agency_id or ""
            return agency["name"] if full else agency.get("short_name") or agency["name"]

        def category_name(category_id: str | None, lang: str = "id") -> str:
            category = categories.get(category_id or "")
            if category is None:
                return category_id or ""
            if lang == "en":
                return category.get("name_en") or category["name"]
            return category["name"]

        def forward_name(value: str | None) -> str:
            # `forwarded_to` is free text or a forward destination; show the name either way.
            return forward.get(value or "", value or "")

        return {
            # Pelican passes its settings to its own templates; ours need these few.
            "SITENAME": self.settings.get("SITENAME", "Aduan"),
            "SITEURL": siteurl,
            "DEFAULT_LANG": self.settings.get("DEFAULT_LANG", "id"),
            "ADUAN_UI": labels.UI,
            "ADUAN_REGION": self.dataset.region,
            # The region's service levels, as stats.json publishes them (texts say "{n} hari kerja").
            "SLA": service_levels(self.dataset),
            "API_URL": self.options["API_URL"],
            "STATUSES": labels.STATUSES,
            "KINDS": labels.KINDS,
            "LANG_PREFIX": LANG_PREFIX,
            "url": url,
            "agency_name": agency_name,
            "category_name": category_name,
            "forward_name": forward_name,
            "status_label": labels.status_label,
            "kind_label": labels.kind_label,
            "reason_label": labels.reason_label,
            "channel_label": labels.channel_label,
            "event_label": labels.event_label,
            "format_date": labels.format_date,
            "format_number": labels.format_number,
            "format_percent": labels.format_percent,
            "format_decimal": labels.format_decimal,
            "month_label": labels.month_label,
            # The badge and date macros, memoized (memo.py): report.html calls these.
            **self.macro_memo().globals(),
            "OPEN_DATA": {
                "dictionary": {lang: schema.dictionary(lang) for lang in labels.LANGS},
                "citation": {
                    lang: citation(self.dataset, self.site, generated_day(self.dataset), lang) for lang in labels.LANGS
                },
                "snapshots": self.snapshot_days,
                "log": {"vkey": self.log_vkey},
            },
        }

    @property
    def log_dir(self) -> Path:
        return Path(self.options["LOG_DIR"] or Path(self.options["PUBLIC_DATA"]).parent / "log")

    @property
    def log_origin(self) -> str:
        return self.options["LOG_ORIGIN"] or transparency.origin(
            self.settings.get("SITEURL", ""), self.dataset.region.get("id")
        )

    @property
    def site(self) -> Site:
        return Site(self.settings.get("SITENAME", "Aduan"), self.settings.get("SITEURL", ""))

    def snapshot_days(self) -> list[str]:
        """Days with a snapshot, for the open data page (Pelican renders it before our output,
        so the day being published now is added)."""
        days = set(snapshots.existing(Path(self.output_path)))
        if self.quiet:  # the last build, made from the same data, wrote the day's snapshot
            return sorted(days)
        day = generated_day(self.dataset)
        if day and self.dataset.records and snapshots.DAY_RE.match(day):
            days.add(day)
        return sorted(days)

    def pelican_inputs(self) -> str:
        """Digest of what Pelican's own pages (content/pages) show from the dataset: they see
        the template globals (`share_globals`), whose data parts are these. With the same
        digest, the same settings, theme, content and code (lightbuild.site_key), Pelican would
        write its pages byte for byte as they are, so a build may leave Pelican out."""
        shown = {
            "region": self.dataset.region,
            "sla": service_levels(self.dataset),
            "api": self.options["API_URL"],
            "citation": {
                lang: citation(self.dataset, self.site, generated_day(self.dataset), lang) for lang in labels.LANGS
            },
            "snapshots": self.snapshot_days(),
            "log": self.log_vkey,
        }
        return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()

    def records_sum(self) -> int:
        """The records' digests summed (`_record_hash`, modulo 2**256): what the data key knows
        of the records, whatever their order. After a build of this process, its sum with the
        changed records' old hashes taken off and their new ones added: no pass over every
        record (0.05 s at 100k reports, in every change build)."""
        digests, last = self.dataset.digests, self.last
        if last is not None and last.records_sum is not None and self.changed is not None:
            total = last.records_sum
            for tracking in self.changed:
                if tracking in last.digests:
                    total -= _record_hash(tracking, last.digests[tracking])
                if tracking in digests:
                    total += _record_hash(tracking, digests[tracking])
            return total % _SUM_MODULUS
        return sum(_record_hash(t, d) for t, d in digests.items()) % _SUM_MODULUS

    def data_key(self) -> str:
        """Digest of everything the dataset-wide files are made of (besides the render key)."""
        if self._data_key is not None:
            return self._data_key
        digest = hashlib.sha256()
        self._records_sum = self.records_sum()
        digest.update(b"%d\n" % self._records_sum)
        digest.update(self.dataset.stats_bytes or b"")
        digest.update(self.log_vkey.encode())  # datapackage.json names the log's key
        self._data_key = digest.hexdigest()
        return self._data_key

    def render_key(self) -> str:
        """Everything besides the record that shapes a report page.

        When any of it changes every report page is rendered again; otherwise a page whose
        record is unchanged is kept as it is.
        """
        if self._render_key is not None:
            return self._render_key
        digest = hashlib.sha256()
        _digest_tree(digest, PLUGIN_DIR, "*.py")  # the code and labels, not its bytecode
        for directory in map(Path, self._templates_path):
            if directory.is_dir():
                _digest_tree(digest, directory)
        shape = {
            "region": self.dataset.region,
            "sla": self.dataset.stats.get("sla"),
            # GUARD is a function (no stable repr); SEARCH decides only whether the index is made;
            # the paths say where things are, not what a page shows: a data directory moved or
            # copied must not render every page again.
            "options": {k: v for k, v in self.options.items() if k not in _NOT_RENDERED},
            "site": [self.settings.get(k) for k in ("SITEURL", "SITENAME", "DEFAULT_LANG")],
        }
        digest.update(json.dumps(shape, sort_keys=True, default=str).encode())
        self._render_key = digest.hexdigest()
        return self._render_key

    def render(self, template: str, lang: str, here: str, **context: Any) -> bytes:
        """Render `template` for the page at directory `here` (e.g. `statistik/`)."""
        other = "en" if lang == "id" else "id"
        unprefixed = here.removeprefix(LANG_PREFIX[lang])
        bilingual = unprefixed in BILINGUAL or BILINGUAL_TREES.match(unprefixed) is not None
        # Pages only in Indonesian switch to the English home page.
        target = LANG_PREFIX[other] + (unprefixed if bilingual else "")
        escaping.install(self.env)  # once per environment: escaped values as str (escaping.py)
        return (
            self.get_template(template)
            .render(
                lang=lang,
                t=labels.UI[lang],
                other_lang=other,
                alternate=f"{self.settings.get('SITEURL', '')}/{target}",
                has_translation=bilingual,
                here=here,
                sla=self.dataset.stats.get("sla") or {},
                **context,
            )
            .encode("utf-8")
        )

    # -- the pages --------------------------------------------------------------------------

    def since_last_build(self, out: IncrementalOutput) -> None:
        """Which records changed since this process's last build into this directory, when that
        build is still what the state says (`_LastBuild`); otherwise every record is looked at."""
        key = Path(self.output_path).resolve()
        last = _LAST.pop(key, None)  # a build that fails must not leave it to the next one
        if last is None or not out.trusted or last.generation != out.state.generation:
            self.last, self.changed = None, self.journal_changes(out)
            return
        digests = self.dataset.digests
        self.last = last
        patched = self.dataset.patched
        if patched is not None and patched[0] is last.digests:
            # Read from the last build's dataset with only these records read again.
            self.changed = {t for t in patched[1] if last.digests.get(t) != digests.get(t)}
            return
        self.changed = {t for t, d in digests.items() if last.digests.get(t) != d}
        self.changed.update(t for t in last.digests if t not in digests)

    def journal_changes(self, out: IncrementalOutput) -> set[str] | None:
        """Which records changed since the last build, by the publisher's journal (quiet.py):
        for a build in a new process. None (look at every record) unless the last build
        recorded its journal position and the journal has not moved since this build read it."""
        saved = out.state.meta("journal")
        public = Path(self.options["PUBLIC_DATA"])
        if not saved or not saved.isdigit() or self.journal is None or quiet.journal_seq(public) != self.journal:
            return None
        return quiet.touched(public, int(saved), self.journal)

    def start_reports(self, out: IncrementalOutput) -> RenderedReports:
        """A page per public report, in Indonesian and under /en/ in English: the photos are
        written now, the pages to render are started (in a pool of forked workers when there
        are many: a first build) and counted by `finish_reports`.

        Each worker renders, checks with the gate and stages its pages (`_render_chunk`); the
        parent meanwhile makes the rest of the site, then counts them in the order the build
        made them."""
        tasks: list[ReportTask] = []
        records: Iterable[tuple[int, Record]] = enumerate(self.dataset.records)
        if self.changed is not None and out.carry(self.changed):
            # Only the changed records: the others' pages, photos and Open311 files are carried
            # as they are (output.CARRIED), unnamed; a changed record's files no longer made go.
            records = []
            for tracking in sorted(self.changed):
                out.reconsider(record_files(tracking))
                at = self.dataset.index_of(tracking)
                if at is not None:
                    records.append((at, self.dataset.records[at]))
        for index, record in records:
            tracking = record["tracking"]
            self.write_photos(out, record)
            digest = None
            if self.changed is not None and tracking not in self.changed:
                # The same record, and the log only appends: its updates' positions are the same.
                digest = out.old_inputs.get(f"laporan/{tracking}/index.html")
            if digest is None:
                log = transparency.positions(self.log, record)
                # The page lists its updates' positions in the log, so they are part of its input.
                digest = f"{self.dataset.digests[tracking]}:{hashlib.sha256(json.dumps(log).encode()).hexdigest()}"
            # English first: a new report's two pages link to each other, and the Indonesian one
            # is what the rest of the site links to, so it is placed last (see rank()).
            for lang, prefix in reversed(LANG_PREFIX.items()):
                here = f"{prefix}laporan/{tracking}/"
                if out.reuse(here + "index.html", digest):
                    continue
                tasks.append((index, lang, here, digest))
        return RenderedReports(self, out, tasks)

    def finish_reports(self, out: IncrementalOutput, reports: RenderedReports) -> None:
        """Count the report pages `start_reports` set rendering (waiting for the workers).

        Every English page is counted before every Indonesian one, so they are moved into place
        in that order: an English page is reached only from its Indonesian page or from the
        English listings (moved later), and on a first build each language's pages are next to
        one another, so that each moves in one rename (IncrementalOutput.moves)."""
        indonesian = []
        for task, staged in zip(reports.tasks, reports, strict=True):
            if task[1] == "id":
                indonesian.append((task, staged))
            else:
                out.add(staged, digest=task[3])
        for (index, _, here, digest), staged in indonesian:
            where = out.add(staged, digest=digest)
            # Pagefind reads the page from where it is now (staged or already in place).
            tracking = self.dataset.records[index]["tracking"]
            self.report_pages[tracking] = where or Path(self.output_path) / here / "index.html"

    def write_photos(self, out: IncrementalOutput, record: Record) -> None:
        """Approved photos, as the publisher re-encoded them (no metadata); a photo never
        changes once approved, so its id is its digest."""
        attachments = record.get("attachments")
        if not attachments:
            return
        public = Path(self.options["PUBLIC_DATA"])
        for attachment in attachments:
            if not re.fullmatch(r"[0-9a-f]{6,32}", str(attachment.get("id"))):
                logger.error(
                    "aduan_site: %s has a photo with a bad id %r; skipped", record["tracking"], attachment.get("id")
                )
                continue
            relpath = open311.photo_path(record, attachment)
            if out.reuse(relpath, attachment["id"], any_render=True):
                continue
            try:
                data = (public / attachment["path"]).read_bytes()
            except OSError as exc:
                logger.error("aduan_site: photo %s of %s is missing: %s", attachment["id"], record["tracking"], exc)
                continue
            out.put(relpath, data, digest=attachment["id"])

    def write_listings(self, out: IncrementalOutput) -> None:
        """The agency and status indexes and their paginated listings, in both languages."""
        layout = out.state.layout()
        # Each listing page is asked about (kept or made): a range of the state's rows at once.
        out.prefetch(("instansi/", "en/instansi/", "status/", "en/status/"))
        members = self._members_since(out, layout)
        if members is None:
            # Oldest first, in the order reports would have joined a listing (see listing.py).
            joined = sorted(self.dataset.records, key=lambda r: (r["updated"], r["tracking"]))
            members = defaultdict(list)
            for record in joined:
                members[f"status/{record['status']}/"].append(record["tracking"])
                if record.get("agency"):
                    members[f"instansi/{record['agency']}/"].append(record["tracking"])
        by_agency = {b[len("instansi/") : -1]: m for b, m in members.items() if b.startswith("instansi/") and m}
        by_status = {b[len("status/") : -1]: m for b, m in members.items() if b.startswith("status/")}

        # Every agency of the region gets a page, also those without public reports yet.
        agency_ids = [a["id"] for a in self.dataset.region.get("agencies", [])]
        for unknown in sorted(set(by_agency) - set(agency_ids)):
            logger.warning("aduan_site: agency %r is not in region.json", unknown)
            agency_ids.append(unknown)
        agency_ids = [a for a in agency_ids if SLUG_RE.match(a)]
        totals = {a.get("agency"): a.get("total") for a in self.dataset.stats.get("by_agency", [])}
        rows = [{"id": a, "public": len(by_agency.get(a, [])), "total": totals.get(a, 0)} for a in agency_ids]
        unassigned = {"public": 0, "total": totals.get(None)} if None in totals else None
        status_totals = self.dataset.stats.get("by_status", {})
        status_rows = [
            {"id": s, "public": len(by_status.get(s, [])), "total": status_totals.get(s, 0)} for s in labels.STATUSES
        ]
        for lang, prefix in LANG_PREFIX.items():
            out.put(
                f"{prefix}instansi/index.html",
                self.render("agencies", lang, f"{prefix}instansi/", agencies=rows, unassigned=unassigned),
            )
            out.put(
                f"{prefix}status/index.html", self.render("statuses", lang, f"{prefix}status/", statuses=status_rows)
            )

        for agency_id in agency_ids:
            base = f"instansi/{agency_id}/"
            self.write_pages(out, layout.get(base), "agency", base, by_agency.get(agency_id, []), agency=agency_id)
        for status in labels.STATUSES:
            base = f"status/{status}/"
            self.write_pages(out, layout.get(base), "status", base, by_status.get(status, []), status=status)

    def _members_since(self, out: IncrementalOutput, layout: Layout) -> dict[str, list[str]] | None:
        """Each listing's reports (listing base → tracking numbers) from the last build's layout
        and the changed records, without sorting every record: the unchanged ones are where the
        layout has them, the changed ones follow in the order they would join (`updated`,
        tracking). `arrange` needs no more: it keeps the reports already on a page where they are
        and adds the others in the order given. None (every record sorted) unless the build
        carries (output.carry: it knows what changed since the layout was saved)."""
        changed = self.changed
        if changed is None or not out.carrying or not layout:
            return None
        members: dict[str, list[str]] = defaultdict(list)
        for base, pages in layout.items():
            members[base] = [t for number in sorted(pages) for t in pages[number] if t not in changed]
        present = [r for r in map(self.dataset.record, changed) if r is not None]
        for record in sorted(present, key=lambda r: (r["updated"], r["tracking"])):
            members[f"status/{record['status']}/"].append(record["tracking"])
            if record.get("agency"):
                members[f"instansi/{record['agency']}/"].append(record["tracking"])
        return members

    def write_pages(
        self,
        out: IncrementalOutput,
        previous: dict[int, list[str]] | None,
        template: str,
        base: str,
        members: list[str],
        **context: Any,
    ) -> None:
        """A stably paginated listing (listing.py): the entry page `base`index.html holds the
        newest reports, numbered pages `base`<n>/index.html the older ones, page 1 the oldest.
        `members`: its reports' tracking numbers, those on no page of `previous` in the order
        they join."""
        size = self.options["PAGE_SIZE"]
        record = self.dataset.record
        arrangement = arrange(previous, members, size)
        for number in arrangement.changed:
            out.set_page(base, number, arrangement.pages[number])
        for number in arrangement.removed:
            out.set_page(base, number, None)
        numbers = arrangement.numbers
        entry = arrangement.entry
        # Since this process's last build: the same pages, so a numbered page whose reports
        # neither moved nor changed is exactly as it was (its pager names only its neighbours).
        same_pages = self.changed is not None and previous is not None and sorted(previous) == numbers
        # A build that carries (output.carry) leaves such pages unnamed under the listing's
        # directory, kept whole (`carry_under`): naming them one by one was ~8k pages at 100k.
        carried = (
            {p for p in LANG_PREFIX.values() if out.carry_under(p + base, None)}
            if same_pages and not arrangement.removed
            else set()
        )
        # Numbered pages newest first, the entry page last: a new page is in place before the
        # pages linking to it, its older neighbour and the entry page (IncrementalOutput keeps
        # this order).
        for index in [*reversed(range(len(numbers) - 1)), len(numbers) - 1]:
            number = numbers[index]
            if (
                same_pages
                and number != entry
                and number not in arrangement.changed
                and self._keep_listing_page(out, page_dir(base, number, entry), arrangement.pages[number], carried)
            ):
                continue
            newer = numbers[index + 1] if index + 1 < len(numbers) else None
            older = numbers[index - 1] if index > 0 else None
            chunk = [r for r in map(record, reversed(arrangement.pages[number])) if r is not None]
            pager = {
                "number": number,
                "entry": number == entry,
                "count": len(numbers) if number == entry else None,
                # The totals only on the entry page: a numbered page changes only with its reports.
                "total": len(members) if number == entry else None,
                "newer": page_dir(base, newer, entry) if newer is not None else None,
                "older": page_dir(base, older, entry) if older is not None else None,
            }
            # A listing page shows only its records and its place among the pages: when
            # none of that changed, it is kept without rendering.
            digest = hashlib.sha256(
                json.dumps(
                    [pager, context, [self.dataset.digests[r["tracking"]] for r in chunk]],
                    sort_keys=True,
                ).encode()
            ).hexdigest()
            here = page_dir(base, number, entry)
            for lang, prefix in LANG_PREFIX.items():
                path = f"{prefix}{here}index.html"
                if out.reuse(path, digest):
                    continue
                rows = self.listing_rows().rows(chunk, lang, prefix)
                html = self.render(template, lang, prefix + here, reports=rows, pager=pager, **context)
                out.put(path, html, digest=digest)

    def macro_memo(self) -> MacroMemo:
        if self._memo is None:
            self._memo = MacroMemo(self.env)
        return self._memo

    def listing_rows(self) -> Rows:
        """What listings show of each report (rows.py), made with this build's helpers."""
        if self._rows is None:
            helpers = self.template_globals()
            self._rows = Rows(helpers["status_badge"], helpers["date"], helpers["url"], helpers["agency_name"])
        return self._rows

    def _keep_listing_page(
        self, out: IncrementalOutput, here: str, trackings: list[str], carried: AbstractSet[str] = frozenset()
    ) -> bool:
        """Keep a listing page of the last build unrendered if none of its reports changed:
        unnamed when it is under a directory the build carries (`carried`: language prefixes),
        once the state shows the page made (a page a killed build left unrecorded is made again)."""
        assert self.changed is not None
        if not self.changed.isdisjoint(trackings):
            return False
        paths = [f"{prefix}{here}index.html" for prefix in LANG_PREFIX.values()]
        digests = {out.old_inputs.get(path) for path in paths}
        if len(digests) != 1 or None in digests:
            return False
        if len(carried) == len(paths):
            return True
        return self._keep_group(out, paths, digests.pop() or "")

    def script_data(self, lang: str) -> dict[str, Any]:
        """Words and names the form scripts need, embedded in the page as JSON."""
        return {
            "messages": labels.JS_MESSAGES[lang],
            "status": labels.STATUS_LONG[lang],
            "kind": labels.KIND[lang],
            "event": labels.TIMELINE_TYPE[lang],
            "agencies": {a["id"]: a.get("short_name") or a["name"] for a in self.dataset.region.get("agencies", [])},
            "labels": {key: labels.UI[lang][key] for key in ("tracking", "kind", "agency", "submitted", "updated")},
            "lang": lang,
        }

    def recent_reports(self) -> list[Record]:
        """The home page's newest reports (by `updated`, then tracking number). After a build of
        this process, from its list and the changed records, when that gives the same list: no
        pass over every report. It does unless one of the last list's reports fell below the
        last of that list (or left): then a report outside it may belong in, and every report
        is looked at."""
        count = self.options["RECENT"]

        def key(record: Record) -> tuple[str, str]:
            return (record["updated"], record["tracking"])

        last, changed = self.last, self.changed
        if last is not None and last.recent is not None and changed is not None:
            now = {t: self.dataset.record(t) for t in changed}
            lowest = key(last.recent[-1]) if len(last.recent) >= count and last.recent else None
            if all(
                (r := now[record["tracking"]]) is not None and (lowest is None or key(r) >= lowest)
                for record in last.recent
                if record["tracking"] in changed
            ):
                kept = [r for r in last.recent if r["tracking"] not in changed]
                return heapq.nlargest(count, [*kept, *(r for r in now.values() if r is not None)], key=key)
        return heapq.nlargest(count, self.dataset.records, key=key)

    def write_bilingual(self, out: IncrementalOutput, published: dict[str, Any]) -> None:
        recent = self.recent = self.recent_reports()
        stats = self.dataset.stats
        helpers = self.template_globals()
        base_path = urlparse(self.settings.get("SITEURL", "")).path.rstrip("/") + "/"
        for lang, prefix in LANG_PREFIX.items():
            data = self.script_data(lang)
            view = page_context(stats, published, lang, helpers["agency_name"], helpers["category_name"])
            pages = {
                "": self.render(
                    "home", lang, prefix, stats=stats, recent=self.listing_rows().rows(recent, lang, prefix)
                ),
                "statistik/": self.render(
                    "statistics", lang, f"{prefix}statistik/", stats=stats, published=published, view=view
                ),
            }
            for directory, html in pages.items():
                out.put(f"{prefix}{directory}index.html", html)
            # The form pages show the region, the service levels, the labels and the API's
            # address: the render key and their script data cover all they show.
            form_key = "form-page:" + hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
            for directory, template in (("lapor/", "report_form"), ("lacak/", "track")):
                path = f"{prefix}{directory}index.html"
                if not out.reuse(path, form_key):
                    out.put(path, self.render(template, lang, prefix + directory, script_data=data), digest=form_key)
            # The search page shows nothing of the dataset: the render key covers all it shows.
            if not out.reuse(f"{prefix}cari/index.html", "search-page"):
                html = self.render("search", lang, f"{prefix}cari/", base_path=base_path)
                out.put(f"{prefix}cari/index.html", html, digest="search-page")

    # -- open data, feeds, search -----------------------------------------------------------

    def _keep_group(self, out: IncrementalOutput, paths: list[str], key: str, *, any_render: bool = False) -> bool:
        """Keep every file of a group made from the whole dataset if none of its inputs changed."""
        if not paths or not all(out.reusable(p, key, any_render=any_render) for p in paths):
            return False
        for path in paths:
            out.reuse(path, key, any_render=any_render)
        return True

    def write_open_data(self, out: IncrementalOutput, published: dict[str, Any]) -> None:
        """/data/: live parts and small files, periodic whole files (see opendata_build.py)."""
        inputs = Inputs(
            site=self.site,
            key=self.data_key(),
            log_vkey=self.log_vkey,
            checkpoint=self.log.note if self.log else None,
            max_age=self.options["WHOLE_FILES_MAX_AGE"],
        )
        write_open_data(out, self.dataset, published, inputs)

    def agency_ids(self) -> list[str]:
        """The region's agencies, then any other a report names (from the counts kept per
        record, `dataset.counts`: no pass over every report)."""
        ids = [a["id"] for a in self.dataset.region.get("agencies", [])]
        counts = self.dataset.counts
        if counts is not None:
            named = {a for a, n in counts.agency.items() if a and n > 0}
        else:
            named = {r["agency"] for r in self.dataset.records if r.get("agency")}
        ids += sorted(named - set(ids))
        return [a for a in ids if SLUG_RE.match(a)]

    def feed_entries(self) -> list[Entry]:
        """Every public update, oldest first (by `Entry.sort_key`). After a build of this process,
        the last list with the changed records' entries taken out and put back: no sort of every
        update of every report."""
        if self.last is None or self.last.feed is None or self.changed is None:
            return entries(self.dataset.records)[::-1]
        changed = self.changed
        found = [e for e in self.last.feed if e.record["tracking"] not in changed]
        records = self.dataset.records  # sorted by tracking
        for tracking in changed:
            at = bisect.bisect_left(records, tracking, key=lambda r: r["tracking"])
            if at < len(records) and records[at]["tracking"] == tracking:
                for entry in entries([records[at]]):
                    bisect.insort(found, entry, key=lambda e: e.sort_key)
        return found

    def _feeds_from_shown(
        self, out: IncrementalOutput, paths: list[str], agencies: list[str]
    ) -> tuple[list[Entry], dict[str, list[Entry]]] | None:
        """Each feed's entries from the ones it showed after the last build (the state's
        `feeds` row) and the updates of the records changed since: no sort of every update, for
        a build in a new process. None when that cannot be told that way (then every update is
        sorted): a warm process, an unknown change, a path not shown last time, or an entry
        that left a feed making room for one of the updates the last build did not show.

        Why it is exact: the updates of unchanged records a feed did not show all sort below
        every update it showed. So the newest `LIMIT` of (the shown updates of unchanged records
        and the changed records' updates) are the feed's newest, as long as the last of them
        sorts above the lowest shown update of an unchanged record, or the feed showed fewer
        than `LIMIT` (it showed every update it had)."""
        if self.changed is None or (self.last is not None and self.last.feed is not None):
            return None
        try:
            shown = json.loads(out.state.meta(FEEDS_SHOWN) or "null")
        except ValueError:
            return None
        if not isinstance(shown, dict) or any(not isinstance(shown.get(path), list) for path in paths):
            return None
        changed = self.changed
        fresh: list[Entry] = []
        for tracking in sorted(changed):
            record = self.dataset.record(tracking)
            if record is not None:
                fresh.extend(entries([record]))
        feeds: list[list[Entry]] = []
        for path, agency in zip(paths, [None, *agencies], strict=True):
            kept: list[Entry] = []
            for tracking, seq in shown[path]:
                if tracking in changed:
                    continue
                record = self.dataset.record(tracking)
                timeline = (record or {}).get("timeline") or []
                if record is None or not isinstance(seq, int) or not 0 < seq <= len(timeline):
                    return None
                kept.append(Entry(record, seq, timeline[seq - 1]))
            candidates = kept + [e for e in fresh if agency is None or e.record.get("agency") == agency]
            candidates.sort(key=lambda e: e.sort_key, reverse=True)
            items = candidates[:LIMIT]
            if len(shown[path]) >= LIMIT and (
                len(items) < LIMIT or not kept or items[-1].sort_key < min(e.sort_key for e in kept)
            ):
                return None
            feeds.append(items)
        return feeds[0], dict(zip(agencies, feeds[1:], strict=True))

    def _feed_digest(self, path: str, items: list[Entry]) -> str:
        """What a feed shows besides the render key: its entries' places and records."""
        digests = self.dataset.digests
        shown = [[e.record["tracking"], e.seq, digests[e.record["tracking"]]] for e in items]
        generated = None if items else self.dataset.stats.get("generated")
        return hashlib.sha256(json.dumps([path, shown, generated]).encode()).hexdigest()

    def write_feeds(self, out: IncrementalOutput) -> None:
        """/feeds/updates.atom.xml and /instansi/<id>/updates.atom.xml: newest public updates.

        Each feed's input digest is `<data key>:<digest of what it shows>`: with the same data
        every feed is kept unread; otherwise a feed whose entries are the same is kept, and only
        the feeds that show a changed update are made again."""
        key = self.data_key()
        agencies = self.agency_ids()
        paths = ["feeds/updates.atom.xml", *(f"instansi/{a}/updates.atom.xml" for a in agencies)]
        old = [out.old_inputs.get(path) or "" for path in paths]
        if all(digest.startswith(key + ":") for digest in old) and all(
            out.reusable(path, digest) for path, digest in zip(paths, old, strict=True)
        ):
            for path, digest in zip(paths, old, strict=True):
                out.reuse(path, digest)
            self.feed = self.last.feed if self.last is not None else None
            return
        from_shown = self._feeds_from_shown(out, paths, agencies)
        if from_shown is not None:
            self.feed = None  # not every update: the next build of this process sorts them again
            newest, by_agency = from_shown
        else:
            everything = self.feed_entries()
            self.feed = everything
            newest = everything[: -LIMIT - 1 : -1]
            by_agency = {agency: [] for agency in agencies}
            hungry = set(by_agency)
            for entry in reversed(everything):
                if not hungry:
                    break
                agency = entry.record.get("agency")
                if agency in hungry:
                    by_agency[agency].append(entry)
                    if len(by_agency[agency]) == LIMIT:
                        hungry.discard(agency)
        shown_now = {
            path: [[e.record["tracking"], e.seq] for e in items]
            for path, items in zip(paths, [newest, *(by_agency[a] for a in agencies)], strict=True)
        }
        out.meta[FEEDS_SHOWN] = json.dumps(shown_now, separators=(",", ":"), sort_keys=True)
        helpers = self.template_globals()
        siteurl = self.settings.get("SITEURL", "")
        common = {"dataset": self.dataset, "siteurl": siteurl, "agency_name": helpers["agency_name"]}
        title = f"{self.settings.get('SITENAME', 'Aduan')} {self.dataset.region.get('name', '')}".strip()
        feeds = [(paths[0], f"{title}: {labels.UI['id']['feed_all']}", "", newest)]
        for agency, path in zip(agencies, paths[1:], strict=True):
            name = helpers["agency_name"](agency)
            feed_title = f"{title}: {labels.UI['id']['feed_agency'].format(name=name)}"
            feeds.append((path, feed_title, f"instansi/{agency}/", by_agency[agency]))
        for (path, feed_title, page_path, items), was in zip(feeds, old, strict=True):
            shown = self._feed_digest(path, items)
            digest = f"{key}:{shown}"
            if was.endswith(":" + shown) and out.reuse(path, was, renewed=digest):
                continue
            feed = feed_xml(feed_path=path, title=feed_title, page_path=page_path, items=items, **common)
            out.put(path, feed, digest=digest)

    def start_search(self, out: IncrementalOutput) -> IndexJob | None:
        """Plan the search index (search.py's `plan`: months never indexed, or folded, in full;
        pages changed since their month was indexed in the small recent shard; the rest kept as
        it is) and start Pagefind on what must be indexed."""
        self.search_plan = None
        if not self.dataset.records:
            return None  # nothing to index (Pagefind refuses an empty site); the search page says so
        shards = self.shards = self.report_shards()
        site = Path(self.output_path)
        try:
            todo = search_plan(
                out,
                shards.months,
                page=self.rendered_page,
                public=self.public_word(),
                rendered=self.report_pages.keys(),
                where=shards.where,
            )
            mirror = self.search_mirror()
            indexed = {t for trackings in todo.index.values() for t in trackings} if self.options["SEARCH"] else set()
            # Every page rendered this build is linked anew (staged, or the same bytes in place),
            # also in a quick build: the mirror must follow the pages even when no index does.
            # The pages to index are linked by the index job, each shard's just before Pagefind
            # reads it: at 20k pages, ~2 s of linking done while the first shards are indexed.
            for tracking, rendered in self.report_pages.items():
                if tracking not in indexed:
                    mirror.update(tracking, rendered, changed=True)
            if todo.index and not self.options["SEARCH"]:  # a quick build: caught up by the next full one
                self.search_behind = True
                keep_previous(out, self.report_pages.keys())
                return None
            pages = self.report_pages

            def link(tracking: str) -> None:
                if tracking in pages:
                    mirror.update(tracking, pages[tracking], changed=True)
                else:
                    mirror.update(tracking, site / f"laporan/{tracking}/index.html", changed=False)

            staged = staged_pages(mirror, out.staging, pages) if todo.index else frozenset()
            job = IndexJob(todo.index, mirror, out.staging, link, staged) if todo.index else None
        except (SearchError, OSError, ValueError) as exc:
            logger.error("aduan_site: search index not rebuilt, keeping the previous one: %s", exc)
            self.search_behind = True
            keep_previous(out)
            return None
        keep_files(out, todo)
        self.search_plan = todo
        return job

    def report_shards(self) -> Shards:
        """The reports of each search shard: after a build of this process, the last build's
        with the changed records moved (not a pass over every record); else from every record."""
        last = self.last
        if last is not None and last.shards is not None and self.changed is not None:
            shards, last.shards = last.shards, None  # moved in place: the last build is done with it
            shards.move(self.dataset, self.changed)
            return shards
        return Shards.of(self.dataset.records)

    def public_word(self) -> Callable[[str], bool]:
        """Whether a word is one the site publishes anyway (the region's, the site's own): the
        gate's vocabulary, loaded only when a changed page must be checked (search.py's
        `lost_words`), so a build with nothing to index never reads it."""
        loaded: list[Callable[[str], bool]] = []

        def public(word: str) -> bool:
            if not loaded:
                from chalicelib.gate.vocabulary import vocabulary_of  # noqa: PLC0415

                loaded.append(vocabulary_of(self.dataset.region).is_public)
            return loaded[0](word)

        return public

    def rendered_page(self, tracking: str) -> bytes | None:
        """A report page this build rendered (None: kept from an earlier build)."""
        rendered = self.report_pages.get(tracking)
        return rendered.read_bytes() if rendered is not None else None

    def search_mirror(self) -> Mirror:
        """The pages Pagefind reads (search.py), marked dirty until this build is published: a
        build killed or refused after linking unpublished pages leaves a mirror not to trust."""
        root = Path(self.output_path) / SEARCH_MIRROR
        if (root / DIRTY).exists():
            shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True, exist_ok=True)
        (root / DIRTY).touch()
        return Mirror(root)

    def clean_search_mirror(self, deleted: tuple[str, ...]) -> None:
        """After publication: withdrawn reports leave the mirror, which is current again."""
        root = Path(self.output_path) / SEARCH_MIRROR
        if not root.is_dir():
            return
        mirror = Mirror(root)
        for relpath in deleted:
            if relpath.startswith("laporan/") and relpath.endswith("/index.html"):
                mirror.forget(relpath.split("/")[1])
        (root / DIRTY).unlink(missing_ok=True)

    def finish_search(self, out: IncrementalOutput, job: IndexJob | None) -> None:
        """Hand the new bundles, the search UI and shards.json to the output writer (and so to
        the gate), or keep the previous index whole if Pagefind failed (search.py)."""
        if self.search_plan is not None and not publish_index(out, self.search_plan, job):
            self.search_behind = True
