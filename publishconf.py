"""Pelican settings for production: development settings plus these overrides.

Set ADUAN_SITE_URL (e.g. https://aduan.example.go.id) and ADUAN_API_URL (the deployed
API, https://…) in the environment of the build.
"""

import os
import sys

# Pelican loads this file by path, so pelicanconf.py next to it is not importable otherwise.
_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from pelicanconf import *  # noqa: E402, F403

SITEURL = os.environ.get("ADUAN_SITE_URL", "").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False  # incremental builds keep their manifest in the output
# Read again here: pelicanconf may have been imported earlier in this process (a worker).
ADUAN = {**ADUAN, "API_URL": os.environ.get("ADUAN_API_URL", ADUAN["API_URL"])}  # noqa: F405
