"""Pelican settings for Aduan's public site (development).

publishconf.py imports these and overrides what production needs. The site's pages come
from the aduan_site plugin (plugins/aduan_site), which reads the public dataset; Pelican
itself only renders the pages in content/pages (about, how to report, privacy, open data).
"""

import os
import tempfile
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

AUTHOR = "Aduan"
SITENAME = "Aduan"
SITEURL = ""  # root-relative links in development
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["aduan_site"]

# All state lives under ADUAN_DATA (relative to the current directory, like the `aduan`
# command); without it, var/ next to this file.
_DATA = Path(os.environ.get("ADUAN_DATA") or Path(__file__).resolve().parent / "var").resolve()
ADUAN = {
    "PUBLIC_DATA": str(_DATA / "public"),
    "API_URL": os.environ.get("ADUAN_API_URL", "http://127.0.0.1:8000"),
    "PAGE_SIZE": 20,
    "RECENT": 10,
}

# Builds are incremental: the plugin keeps a manifest in the output directory and rewrites
# only what changed, so the output directory must survive between builds.
DELETE_OUTPUT_DIRECTORY = False

# Reports are not Pelican articles (far too slow at 10k, see docs/architecture.md): no articles, and no
# tag, category, author, archive pages or feeds. The plugin writes index.html itself.
ARTICLE_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
TAG_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
STATIC_PATHS: list[str] = []

# content/pages: Indonesian at /<slug>/, English translations (same Slug, Lang: en) at /en/<slug>/.
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# Our pages are Markdown; without the reST reader docutils does not warn that it lacks "id".
READERS = {"rst": None}

# Compiled templates are kept between builds: a new `aduan build` process compiled every
# template again (0.6 s of a one-change build at 10k reports). Jinja keys each by its source's
# checksum, so an edited template is compiled afresh; the scratch directory is per user.
jinja_cache = Path(tempfile.gettempdir()) / f"aduan-jinja-{os.getuid()}"
jinja_cache.mkdir(mode=0o700, exist_ok=True)
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "bytecode_cache": FileSystemBytecodeCache(str(jinja_cache)),
}
