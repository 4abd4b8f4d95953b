"""The generator: public dataset in, site pages and open data out.

Records are rendered straight with the theme's Jinja environment; they never go through
Pelican's article pipeline, which costs ~10× more at 10k records (NOTES.md). Every output
goes through `IncrementalOutput`, so only changed bytes reach the disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from blinker import signal
from pelican.generators import Generator

from . import labels
from .config import plugin_settings
from .dataset import SLUG_RE, Dataset, Record, load_dataset
from .opendata import open_data_files
from .output import IncrementalOutput, build_lock

logger = logging.getLogger(__name__)

# Sent with the generator's settings dict as sender and `result=` the counts; build() listens.
# A named signal, so it is shared even if this package is imported under two names.
built = signal("aduan_site_built")

PLUGIN_DIR = Path(__file__).resolve().parent
LANG_PREFIX = {"id": "", "en": "en/"}
# Pages that exist in both languages, by directory under the language prefix.
BILINGUAL = ("", "statistik/", "lapor/", "lacak/")


def _digest_tree(digest: Any, directory: Path, pattern: str = "*") -> None:
    for path in sorted(p for p in directory.rglob(pattern) if p.is_file()):
        digest.update(str(path.relative_to(directory)).encode())
        digest.update(path.read_bytes())


def _pages(items: list[Record], size: int) -> Iterator[tuple[int, int, list[Record]]]:
    """(number, count, records) for each page; an empty listing still has page 1."""
    count = max(1, -(-len(items) // size))
    for number in range(1, count + 1):
        yield number, count, items[(number - 1) * size : number * size]


def page_path(base: str, number: int) -> str:
    """`instansi/pupr/` page 1 → `instansi/pupr/index.html`, page 2 → `…/2/index.html`."""
    return f"{base}index.html" if number == 1 else f"{base}{number}/index.html"


class AduanGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Record text comes from the public: escape it whatever JINJA_ENVIRONMENT says.
        self.env.autoescape = True
        self.options = plugin_settings(self.settings)
        self.dataset = Dataset()

    # -- Pelican's generator protocol -------------------------------------------------------

    def generate_context(self) -> None:
        self.dataset = load_dataset(Path(self.options["PUBLIC_DATA"]))
        self.context["ADUAN_REGION"] = self.dataset.region

    def generate_output(self, writer: Any) -> None:
        del writer  # Pelican's Writer always rewrites; IncrementalOutput does not
        # `aduan build` and the worker may both build into output/: one at a time, or the
        # manifest would not describe the files.
        with build_lock(Path(self.output_path)):
            out = IncrementalOutput(Path(self.output_path), self.options["MANIFEST"], self.render_key(),
                                    guard=self.options["GUARD"])
            self.write_reports(out)
            self.write_listings(out)
            self.write_bilingual(out)
            for name, data in open_data_files(self.dataset).items():
                out.put(f"data/{name}", data)
            result = out.finish()
        logger.info(
            "aduan_site: %(written)d written, %(unchanged)d unchanged, %(deleted)d deleted",
            result,
        )
        built.send(self.settings, result=result)

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
        }

    def render_key(self) -> str:
        """Everything besides the record that shapes a report page.

        When any of it changes every report page is rendered again; otherwise a page whose
        record is unchanged is kept as it is.
        """
        digest = hashlib.sha256()
        _digest_tree(digest, PLUGIN_DIR, "*.py")  # the code and labels, not its bytecode
        for directory in map(Path, self._templates_path):
            if directory.is_dir():
                _digest_tree(digest, directory)
        shape = {
            "region": self.dataset.region,
            "sla": self.dataset.stats.get("sla"),
            "options": {k: v for k, v in self.options.items() if k != "GUARD"},  # a function: no stable repr
            "site": [self.settings.get(k) for k in ("SITEURL", "SITENAME", "DEFAULT_LANG")],
        }
        digest.update(json.dumps(shape, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def render(self, template: str, lang: str, here: str, **context: Any) -> bytes:
        """Render `template` for the page at directory `here` (e.g. `statistik/`)."""
        other = "en" if lang == "id" else "id"
        bilingual = here.removeprefix(LANG_PREFIX[lang]) in BILINGUAL
        # Pages only in Indonesian switch to the English home page.
        target = LANG_PREFIX[other] + (here.removeprefix(LANG_PREFIX[lang]) if bilingual else "")
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

    def write_reports(self, out: IncrementalOutput) -> None:
        for record in self.dataset.records:
            tracking = record["tracking"]
            here = f"laporan/{tracking}/"
            digest = self.dataset.digests[tracking]
            if out.reuse(here + "index.html", digest):
                continue
            html = self.render("report", "id", here, r=record)
            out.put(here + "index.html", html, digest=digest)

    def newest_first(self) -> list[Record]:
        return sorted(self.dataset.records, key=lambda r: (r["submitted"], r["tracking"]), reverse=True)

    def write_listings(self, out: IncrementalOutput) -> None:
        newest = self.newest_first()
        by_agency: dict[str, list[Record]] = defaultdict(list)
        by_status: dict[str, list[Record]] = defaultdict(list)
        for record in newest:
            by_status[record["status"]].append(record)
            if record.get("agency"):
                by_agency[record["agency"]].append(record)

        # Every agency of the region gets a page, also those without public reports yet.
        agency_ids = [a["id"] for a in self.dataset.region.get("agencies", [])]
        for unknown in sorted(set(by_agency) - set(agency_ids)):
            logger.warning("aduan_site: agency %r is not in region.json", unknown)
            agency_ids.append(unknown)
        agency_ids = [a for a in agency_ids if SLUG_RE.match(a)]
        totals = {a.get("agency"): a.get("total") for a in self.dataset.stats.get("by_agency", [])}
        rows = [{"id": a, "public": len(by_agency.get(a, [])), "total": totals.get(a)} for a in agency_ids]
        unassigned = {"public": 0, "total": totals.get(None)} if None in totals else None
        out.put(
            "instansi/index.html",
            self.render("agencies", "id", "instansi/", agencies=rows, unassigned=unassigned),
        )
        for agency_id in agency_ids:
            self.write_pages(out, "agency", f"instansi/{agency_id}/", by_agency.get(agency_id, []), agency=agency_id)

        status_totals = self.dataset.stats.get("by_status", {})
        rows = [{"id": s, "public": len(by_status.get(s, [])), "total": status_totals.get(s)} for s in labels.STATUSES]
        out.put("status/index.html", self.render("statuses", "id", "status/", statuses=rows))
        for status in labels.STATUSES:
            self.write_pages(out, "status", f"status/{status}/", by_status.get(status, []), status=status)

    def write_pages(
        self, out: IncrementalOutput, template: str, base: str, items: list[Record], **context: Any
    ) -> None:
        """A paginated listing: `base`index.html, `base`2/index.html, …"""
        size = self.options["PAGE_SIZE"]
        for number, count, chunk in _pages(items, size):
            pager = {
                "number": number,
                "count": count,
                # The total only on the first page: otherwise one status change would
                # rewrite every page of two status listings.
                "total": len(items) if number == 1 else None,
                "previous": page_path(base, number - 1).removesuffix("index.html") if number > 1 else None,
                "next": page_path(base, number + 1).removesuffix("index.html") if number < count else None,
            }
            # A listing page shows only its records and its place among the pages: when
            # none of that changed, it is kept without rendering (10k records make ~1000).
            digest = hashlib.sha256(
                json.dumps(
                    [pager, context, [self.dataset.digests[r["tracking"]] for r in chunk]],
                    sort_keys=True,
                ).encode()
            ).hexdigest()
            path = page_path(base, number)
            if out.reuse(path, digest):
                continue
            here = path.removesuffix("index.html")
            html = self.render(template, "id", here, reports=chunk, pager=pager, **context)
            out.put(path, html, digest=digest)

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

    def write_bilingual(self, out: IncrementalOutput) -> None:
        recent = sorted(self.dataset.records, key=lambda r: (r["updated"], r["tracking"]), reverse=True)[
            : self.options["RECENT"]
        ]
        stats = self.dataset.stats
        for lang, prefix in LANG_PREFIX.items():
            data = self.script_data(lang)
            pages = {
                "": self.render("home", lang, prefix, stats=stats, recent=recent),
                "statistik/": self.render("statistics", lang, f"{prefix}statistik/", stats=stats),
                "lapor/": self.render("report_form", lang, f"{prefix}lapor/", script_data=data),
                "lacak/": self.render("track", lang, f"{prefix}lacak/", script_data=data),
            }
            for directory, html in pages.items():
                out.put(f"{prefix}{directory}index.html", html)
