"""The plugin's own settings: the `ADUAN` dict in pelicanconf.py, checked against defaults.

A bad value is logged as an error and replaced by its default, so a typo in the settings
gives a working site and a visible message instead of a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # The public dataset directory ($ADUAN_DATA/public); pelicanconf.py fills it in.
    "PUBLIC_DATA": "var/public",
    # The API the report form and the tracking page talk to: http(s)://… or a path on this host.
    "API_URL": "http://127.0.0.1:8000",
    "PAGE_SIZE": 20,  # reports per listing page
    "RECENT": 10,  # reports on the home page
    "MANIFEST": ".aduan-build.db",  # the build's state (state.py), in the output directory
    # The publication gate: called with every (path, bytes) about to be written, returns the
    # problems found; any problem and the build writes nothing. `aduan build` sets it.
    "GUARD": None,
    # Rebuild the Pagefind index when report pages changed. False keeps the previous index as
    # it is, so a status change can go live at once; a later build with True refreshes it.
    "SEARCH": True,
    # Build even when nothing changed (quiet.py would keep every file unread): a long-running
    # process (the worker, as it starts) reads the dataset, the build's state and the log's
    # into its memory, so that the first change it builds is as quick as the ones after.
    "WARM": False,
    # The transparency log's own state (entries so far, signing key): never published.
    # None: `log/` next to PUBLIC_DATA, i.e. $ADUAN_DATA/log.
    "LOG_DIR": None,
    # The log's origin line and key name, fixed when its key is made. None: from SITEURL.
    "LOG_ORIGIN": None,
    # The whole-dataset open data files (reports.csv, reports.json, updates.csv, aduan.db,
    # Open311 requests.json) are made again at most this often in seconds while only records
    # change; the monthly parts are current after every build (docs/public-dataset.md).
    "WHOLE_FILES_MAX_AGE": 900,
}


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _api_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://", "/"))


def _file_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and "/" not in value and value not in (".", "..")


CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "PUBLIC_DATA": (lambda v: isinstance(v, str | Path) and str(v) != "", "a directory path"),
    "API_URL": (_api_url, "an http(s):// URL or a path starting with /"),
    "PAGE_SIZE": (_positive_int, "a positive integer"),
    "RECENT": (_positive_int, "a positive integer"),
    "MANIFEST": (_file_name, "a file name"),
    "GUARD": (lambda v: v is None or callable(v), "a callable or None"),
    "SEARCH": (lambda v: isinstance(v, bool), "True or False"),
    "WARM": (lambda v: isinstance(v, bool), "True or False"),
    "WHOLE_FILES_MAX_AGE": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "a number of seconds (0: every build)",
    ),
    "LOG_DIR": (lambda v: v is None or (isinstance(v, str | Path) and str(v) != ""), "a directory path or None"),
    "LOG_ORIGIN": (
        lambda v: v is None or (isinstance(v, str) and bool(v) and not any(c.isspace() or c == "+" for c in v)),
        "a name without spaces or '+', or None",
    ),
}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    given = settings.get("ADUAN") or {}
    if not isinstance(given, dict):
        logger.error("ADUAN setting must be a dict, not %s; using defaults", type(given).__name__)
        given = {}
    result = dict(DEFAULTS)
    for key, value in given.items():
        if key not in CHECKS:
            logger.error("ADUAN[%r] is not a setting of aduan_site; ignored", key)
            continue
        valid, expected = CHECKS[key]
        if not valid(value):
            logger.error("ADUAN[%r] = %r is not %s; using %r", key, value, expected, DEFAULTS[key])
            continue
        result[key] = value
    result["PUBLIC_DATA"] = str(result["PUBLIC_DATA"])
    # Templates append paths such as /reports to it.
    result["API_URL"] = result["API_URL"].rstrip("/")
    return result
