"""Build the site from Python: what `aduan build` and the publish/build worker call.

`build()` may run many times in one process: it reads the settings file afresh each time
and listens for the plugin's result only for its own run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import lightbuild
from .config import plugin_settings
from .output import Guard
from .pages import built

REPO = Path(__file__).resolve().parents[2]
logger = logging.getLogger(__name__)


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
    # What Pelican's own pages show from the dataset (lightbuild.py), and whether Pelican ran.
    pelican_inputs: str = field(default="", repr=False)
    pelican: bool = True


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
    full: bool = False,
    warm: bool = False,
) -> BuildResult:
    """Build the site from `data_dir`/public into `output_dir`.

    `data_dir` is ADUAN_DATA (the public dataset is its `public/`); `api_url` overrides
    `ADUAN["API_URL"]`; `publish=True` reads publishconf.py next to `settings_file`; `guard`
    reads every file about to be written and may refuse the build (`PublicationRefused`);
    `search=False` keeps the previous search index instead of running Pagefind; `full=True`
    runs Pelican even when only records changed (lightbuild.py); `warm=True` builds even when
    nothing changed, to read what the next builds of this process use (the worker as it starts).
    """
    if publish:
        settings_file = settings_file.with_name("publishconf.py")

    def plugin_options(settings: dict[str, Any]) -> None:
        aduan = dict(settings.get("ADUAN") or {})
        aduan["PUBLIC_DATA"] = str(Path(data_dir).resolve() / "public")
        if api_url is not None:
            aduan["API_URL"] = api_url
        if guard is not None:
            aduan["GUARD"] = guard
        aduan["SEARCH"] = search
        aduan["WARM"] = warm
        settings["ADUAN"] = aduan

    # Pelican only when it would write something new (lightbuild.py).
    key = ""
    try:
        light = lightbuild.read_light_settings(settings_file, Path(output_dir))
        plugin_options(light)
        key = lightbuild.site_key(settings_file, light)
        if not full:
            done = lightbuild.try_light(light, key)
            if done is not None:
                return BuildResult(**{**done, "pelican": False})
    except lightbuild.NotLight as exc:
        logger.info("aduan_site: building with Pelican: %s", exc)

    from pelican import Pelican  # noqa: PLC0415 - only when Pelican's part is needed
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(Path(output_dir).resolve())})
    plugin_options(settings)
    manifest = plugin_settings(settings)["MANIFEST"]
    lightbuild.forget(Path(output_dir), manifest)

    results: list[dict[str, Any]] = []

    def collect(sender: object, result: dict[str, Any]) -> None:
        results.append(result)

    # Pelican hands this very settings dict to its generators, and the plugin sends it
    # as the sender: concurrent builds in other threads do not cross results.
    with built.connected_to(collect, sender=settings):
        Pelican(settings).run()
    if not results:
        raise BuildError(f"plugin aduan_site did not run; check PLUGINS in {settings_file}")
    result = BuildResult(**results[-1])
    from .pagecache import prune  # noqa: PLC0415 - imports Pelican's reader

    prune(Path(settings["OUTPUT_PATH"]))
    # Pelican's files are all written: a build without it may follow (lightbuild.py).
    lightbuild.record(Path(output_dir), manifest, key, result.pelican_inputs)
    return result
