"""A build without Pelican, when Pelican would write nothing new.

Pelican itself makes only the pages of content/pages and copies the theme's static files; the
plugin's generator (pages.py) makes everything else. When only records changed, Pelican's part
of a build would write every one of its files with the bytes already there (its pages show
the region, the service levels, the citation and the snapshot days, not the records), yet
starting it costs about half a second: importing Pelican and docutils, reading its settings and
content, rendering its pages. So a build first looks whether Pelican's part can be left out:

- the *site key*: the settings file's values, the bytes (by stat) of the theme, the content,
  the plugin's code and the settings files, and the installed Pelican and Markdown, is the one
  the last complete Pelican run recorded in the build's state (`meta` row `pelican`);
- and what Pelican's pages would show from the dataset (`AduanGenerator.pelican_inputs`) is what
  they showed then.

Both hold: the generator runs alone, exactly as inside Pelican (the same class, the same Jinja
environment from templates.py, the same template globals), so every file it writes has the
bytes a Pelican build writes. Anything else (no state, another key, a settings file that will
not load without Pelican, `aduan build --full`) is a full Pelican build, which records the key
once Pelican's files are all written: a build killed before that leaves the old key, and a key
that does not match means Pelican runs.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from .config import plugin_settings
from .pages import AduanGenerator, built

logger = logging.getLogger(__name__)

PLUGIN_DIR = Path(__file__).resolve().parent
META = "pelican"  # the build state's meta row: "<site key> <pelican_inputs>"
# Pelican's defaults for the settings the generator reads (pelican/settings.py DEFAULT_CONFIG).
_JINJA_DEFAULTS = {"trim_blocks": True, "lstrip_blocks": True, "extensions": []}
# What else decides Pelican's output: its own code and the Markdown it renders pages with.
_PACKAGES = ("pelican", "markdown", "jinja2")
_LOCALE_VARS = ("LANG", "LC_ALL", "LC_TIME", "LC_CTYPE")
# The plugin's options that bear on no file Pelican writes (site_key leaves them out).
_NOT_SHOWN = frozenset({"GUARD", "SEARCH", "WARM"})


class NotLight(Exception):
    """The settings cannot be read without Pelican: the build goes through Pelican."""


def read_light_settings(settings_file: Path, output_dir: Path) -> dict[str, Any]:
    """The settings file's values as Pelican's `read_settings` gives the generator the ones it
    reads: loaded by path under its own module name, paths made absolute beside it, Pelican's
    defaults for the template settings."""
    settings_file = Path(settings_file).resolve()
    name = settings_file.stem
    spec = importlib.util.spec_from_file_location(name, settings_file)
    if spec is None or spec.loader is None:
        raise NotLight(f"cannot load {settings_file}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # as Pelican's load_source does: publishconf imports pelicanconf
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a settings file may raise anything; Pelican then reports it
        raise NotLight(f"{settings_file}: {exc}") from exc
    settings: dict[str, Any] = {k: getattr(module, k) for k in dir(module) if k.isupper()}
    settings["OUTPUT_PATH"] = str(Path(output_dir).resolve())
    base = settings_file.parent
    for key in ("PATH", "THEME"):
        value = settings.get(key)
        if isinstance(value, str) and not os.path.isabs(value):
            absolute = os.path.abspath(os.path.normpath(base / value))
            if key != "THEME" or os.path.exists(absolute):
                settings[key] = absolute
    if not isinstance(settings.get("THEME"), str) or not os.path.isdir(settings["THEME"]):
        raise NotLight("THEME is not a directory beside the settings")
    settings.setdefault("PATH", str(base))
    jinja = settings.setdefault("JINJA_ENVIRONMENT", dict(_JINJA_DEFAULTS))
    for key, value in _JINJA_DEFAULTS.items():
        jinja.setdefault(key, value)
    for key in ("JINJA_FILTERS", "JINJA_GLOBALS", "JINJA_TESTS"):
        settings.setdefault(key, {})
    settings.setdefault("THEME_TEMPLATES_OVERRIDES", [])
    settings.setdefault("TEMPLATE_EXTENSIONS", [".html"])
    settings.setdefault("SITEURL", "")
    return settings


def _stat_tree(digest: Any, root: Path, pattern: str = "*") -> None:
    """Every file's path, size and modification time: a change to any of them is seen without
    reading the bytes (an edit that keeps size and time to the nanosecond is not)."""
    if not root.is_dir():
        digest.update(f"missing:{root}".encode())
        return
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())


def _shown(value: Any) -> Any:
    """A setting as it bears on the output: objects (a bytecode cache, the gate) by type only."""
    if isinstance(value, dict):
        return {str(k): _shown(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_shown(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return type(value).__qualname__


def site_key(settings_file: Path, settings: dict[str, Any]) -> str:
    """Digest of everything besides the dataset that Pelican's output is made from."""
    digest = hashlib.sha256()
    settings_file = Path(settings_file).resolve()
    shown = {k: _shown(v) for k, v in settings.items() if k not in ("ADUAN",)}
    # The gate and whether this build runs Pagefind (`search=False` keeps the last index: the
    # worker's "pages live" step) decide nothing Pelican writes; with SEARCH in the key, every such
    # build and the next full one ran Pelican (the bench's "one change → pages live" at 1k: 1.95 s
    # against 0.62 s).
    aduan = {k: _shown(v) for k, v in (settings.get("ADUAN") or {}).items() if k not in _NOT_SHOWN}
    digest.update(json.dumps([str(settings_file), shown, aduan], sort_keys=True, default=str).encode())
    for path in sorted(settings_file.parent.glob("*conf.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    _stat_tree(digest, Path(settings["THEME"]))
    _stat_tree(digest, Path(settings["PATH"]))
    _stat_tree(digest, PLUGIN_DIR, "*.py")
    for package in _PACKAGES:
        spec = importlib.util.find_spec(package)
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        found = origin.stat() if origin is not None and origin.exists() else None
        digest.update(f"{package}:{origin}:{found and (found.st_size, found.st_mtime_ns)}\n".encode())
    digest.update(json.dumps([os.environ.get(v) for v in _LOCALE_VARS]).encode())
    return digest.hexdigest()


def recorded(output_dir: Path, manifest: str) -> str | None:
    """The build state's `pelican` row, read without creating the state."""
    path = Path(output_dir) / manifest
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (META,)).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def record(output_dir: Path, manifest: str, key: str, inputs: str) -> None:
    """After a complete Pelican run: what its files were made from. Not a change of the state's
    files, so its generation (state.py) stays and a warm process keeps what it remembers."""
    path = Path(output_dir) / manifest
    if not path.is_file() or not key or not inputs:
        return
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (META, f"{key} {inputs}"))
    except sqlite3.Error as exc:  # the next build then runs Pelican again
        logger.warning("aduan_site: could not record Pelican's inputs in %s: %s", path, exc)


def forget(output_dir: Path, manifest: str) -> None:
    """Before a Pelican run: until it completes, its files are not known to match any key."""
    path = Path(output_dir) / manifest
    if not path.is_file():
        return
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("DELETE FROM meta WHERE key = ?", (META,))
    except sqlite3.Error as exc:
        logger.warning("aduan_site: could not clear Pelican's inputs in %s: %s", path, exc)


def try_light(settings: dict[str, Any], key: str) -> dict[str, Any] | None:
    """Run the generator alone if Pelican would write nothing new (see the module's docstring):
    its result, or None when Pelican must run."""
    options = plugin_settings(settings)
    saved = recorded(Path(settings["OUTPUT_PATH"]), options["MANIFEST"])
    if saved is None or not saved.startswith(key + " "):
        return None
    generator = AduanGenerator(
        context=dict(settings),
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    generator.generate_context()
    if saved != f"{key} {generator.shown_by_pelican}":
        logger.info("aduan_site: Pelican's pages show something new; building with Pelican")
        return None
    # What `share_globals` gives every template in a Pelican build.
    generator.env.globals.update(generator.template_globals())
    results: list[dict[str, Any]] = []

    def collect(sender: object, result: dict[str, Any]) -> None:
        results.append(result)

    with built.connected_to(collect, sender=settings):
        generator.generate_output(None)
    if not results:
        return None
    logger.info("aduan_site: only the plugin's files could change; built without Pelican")
    return results[-1]
