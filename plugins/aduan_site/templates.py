"""The plugin's Jinja environment, made the way Pelican's `Generator` makes its own, without
importing Pelican.

The generator (pages.py) is not a subclass of Pelican's `Generator`: Pelican only needs an
object with `generate_context` and `generate_output`, and a build that changes only records
runs the generator without Pelican at all (lightbuild.py), so importing Pelican (about 0.4 s,
docutils included) must not be the price of the generator. Both kinds of build make the
environment here, from the same settings, so a page renders to the same bytes in either.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, Template, TemplateNotFound


class TemplateMissing(LookupError):
    """No template of that name in the theme (nor in Pelican's simple theme)."""


def simple_theme() -> str:
    """Pelican's own `simple` theme's templates, which Pelican's loader falls back on; found
    without importing the `pelican` package (its __init__ imports every generator)."""
    spec = importlib.util.find_spec("pelican")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    base = locations[0] if locations else str(Path(__file__).resolve().parent)
    return os.path.join(base, "themes", "simple", "templates")


def environment(settings: dict[str, Any], theme: str) -> tuple[Environment, list[str]]:
    """(the environment, the template directories searched first): what Pelican's
    `Generator.__init__` makes, but for the `strftime` filter and `plugin_enabled` test, which
    need Pelican and which no template of the theme uses."""
    templates_path = [str(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or []]
    theme_templates = os.path.expanduser(os.path.join(theme, "templates"))
    templates_path.append(theme_templates)
    simple = FileSystemLoader(simple_theme())
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(templates_path),
                simple,
                PrefixLoader({"!simple": simple, "!theme": FileSystemLoader(theme_templates)}),
            ]
        ),
        **settings.get("JINJA_ENVIRONMENT", {}),
    )
    env.filters.update(settings.get("JINJA_FILTERS") or {})
    env.globals.update(settings.get("JINJA_GLOBALS") or {})
    env.tests.update(settings.get("JINJA_TESTS") or {})
    return env, templates_path


def find(env: Environment, name: str, extensions: list[str]) -> Template:
    """The template `name` with the first of `extensions` that exists (Pelican's `get_template`)."""
    for ext in extensions:
        try:
            return env.get_template(name + ext)
        except TemplateNotFound:
            continue
    raise TemplateMissing(f"[templates] unable to load {name}[{', '.join(extensions)}]")
