"""aduan_site: Aduan's public website, built by Pelican from the public dataset.

The plugin reads only the public dataset (docs/public-dataset.md, `ADUAN["PUBLIC_DATA"]`)
and writes, next to Pelican's own pages from content/pages:

- `/laporan/<tracking>/`: one page per public report;
- `/instansi/…` and `/status/…`: listings paginated stably from the oldest (`listing.py`): the
  entry page holds the newest reports, `…/<n>/` the older ones;
- all of the above also in English under `/en/`;
- `/`, `/statistik/` (figures, SVG charts), `/lapor/` (the report form), `/lacak/` (tracking),
  `/cari/` (search), also under `/en/`;
- `/data/`: open data (tables as CSV described by `schema.py` and datapackage.json,
  reports.json, stats.json, aduan.db for Datasette, Open311, SHA256SUMS, dated snapshots);
- `/feeds/updates.atom.xml` and `/instansi/<id>/updates.atom.xml`: Atom feeds of updates;
- `/_pagefind/`: the search index of the report pages, one Pagefind bundle per month
  (`search.py`), merged in the browser.

Output is incremental: see `output.py` and the build's state in `state.py`. Settings: the `ADUAN` dict, see `config.DEFAULTS`.
To build from Python (the `aduan` CLI, the worker) call `aduan_site.build.build()`.
"""

from __future__ import annotations

from typing import Any

from .pages import AduanGenerator, built
from .service_levels import fill_content

__all__ = ["AduanGenerator", "built", "register"]

# Pelican is imported only by what Pelican itself calls: a build that changes only records runs
# the generator without Pelican (lightbuild.py), and importing it costs about 0.4 s.


def add_generator(pelican: Any) -> type[AduanGenerator] | None:
    # Signals are process-wide: a later Pelican run in the same process without this
    # plugin (tests, the worker building another site) must not get our generator.
    if __name__ not in pelican.settings.get("PLUGINS", ()):
        return None
    return AduanGenerator


def keeping_writer(pelican: Any) -> Any:
    """Pelican's own pages written only when their bytes change (keepwriter.py)."""
    if __name__ not in pelican.settings.get("PLUGINS", ()):
        return None
    from .keepwriter import KeepingWriter  # noqa: PLC0415 - imports Pelican's writer

    return KeepingWriter


def cached_pages(readers: Any) -> None:
    """Pelican's Markdown pages read once, then kept by their bytes (pagecache.py)."""
    if __name__ in readers.settings.get("PLUGINS", ()):
        from .pagecache import use_cached_reader  # noqa: PLC0415 - imports Pelican's reader

        use_cached_reader(readers)


def share_globals(generators: list[Any]) -> None:
    """Give every template (Pelican's pages too) the region, labels and URL helpers."""
    ours = next((g for g in generators if isinstance(g, AduanGenerator)), None)
    if ours is None:
        return
    shared = ours.template_globals()
    for generator in generators:
        env = getattr(generator, "env", None)
        if env is not None:
            env.globals.update(shared)


def register() -> None:
    from pelican import signals  # noqa: PLC0415 - see above

    signals.get_generators.connect(add_generator)
    signals.get_writer.connect(keeping_writer)
    signals.readers_init.connect(cached_pages)
    signals.all_generators_finalized.connect(share_globals)
    signals.content_object_init.connect(fill_content)
