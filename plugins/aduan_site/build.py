"""Build the site from Python: what `aduan build` and the publish/build worker call.

`build()` may run many times in one process: it reads the settings file afresh each time
and listens for the plugin's result only for its own run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from .output import Guard
from .pages import built

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BuildResult:
    """What the plugin did to its files (Pelican's own pages and theme files not counted).

    `written_files`/`deleted_files` are paths relative to the output directory: what a
    sync to S3 or a CDN invalidation needs.
    """

    written: int
    unchanged: int
    deleted: int
    # Files produced this build, written or found identical; the rest were kept unrendered.
    rendered: int = 0
    log_entries: int = 0  # the size of the transparency log after this build
    # Left out of repr: a full build of 10k records lists 11k paths.
    written_files: tuple[str, ...] = field(default=(), repr=False)
    deleted_files: tuple[str, ...] = field(default=(), repr=False)


class BuildError(RuntimeError):
    pass


def build(
    output_dir: Path,
    *,
    data_dir: Path,
    api_url: str | None = None,
    settings_file: Path = REPO / "pelicanconf.py",
    publish: bool = False,
    guard: Guard | None = None,
    search: bool = True,
) -> BuildResult:
    """Build the site from `data_dir`/public into `output_dir`.

    `data_dir` is ADUAN_DATA (the public dataset is its `public/`); `api_url` overrides
    `ADUAN["API_URL"]`; `publish=True` reads publishconf.py next to `settings_file`; `guard`
    reads every file about to be written and may refuse the build (`PublicationRefused`);
    `search=False` keeps the previous search index instead of running Pagefind.
    """
    if publish:
        settings_file = settings_file.with_name("publishconf.py")
    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(Path(output_dir).resolve())})
    aduan = dict(settings.get("ADUAN") or {})
    aduan["PUBLIC_DATA"] = str(Path(data_dir).resolve() / "public")
    if api_url is not None:
        aduan["API_URL"] = api_url
    if guard is not None:
        aduan["GUARD"] = guard
    aduan["SEARCH"] = search
    settings["ADUAN"] = aduan

    results: list[dict[str, Any]] = []

    def collect(sender: object, result: dict[str, Any]) -> None:
        results.append(result)

    # Pelican hands this very settings dict to its generators, and the plugin sends it
    # as the sender: concurrent builds in other threads do not cross results.
    with built.connected_to(collect, sender=settings):
        Pelican(settings).run()
    if not results:
        raise BuildError(f"plugin aduan_site did not run; check PLUGINS in {settings_file}")
    return BuildResult(**results[-1])
