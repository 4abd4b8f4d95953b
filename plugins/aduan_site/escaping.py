"""Autoescaping at a template's output points without a `Markup` object per value.

With autoescape on, Jinja compiles every `{{ value }}` into `escape(value)`, markupsafe's
escape, which returns a `Markup`: its C helper escapes the characters, then `Markup.__new__`,
plain Python, wraps the result. A report page outputs about 150 values, so the wrapping cost
about a third of a page's render (py-spy over a 10k first build). At an output point the
result is only ever joined into the page (`yield`, a macro's or a block's buffer), never
tested for being markup, so a plain `str` of the same characters writes the same bytes.

`install(env)` makes every template of `env` (those already loaded and those loaded later)
look up this `escape` instead: a `str` is escaped by markupsafe's own C helper and returned as
a `str`; anything else (a `Markup`, a number, an undefined value) goes through markupsafe's
`escape` unchanged. Jinja's filters, `Markup(...)` and `markup_join` keep markupsafe's.
tests/test_cold_escape.py renders the theme with both and compares the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import markupsafe
from jinja2 import Environment, Template

# markupsafe's C helper (or its pure-Python twin): the characters `escape` writes, as a str.
_escape_inner: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)
_escape = markupsafe.escape


def escape(value: Any) -> Any:
    """markupsafe's `escape`, but a `str` comes back as a `str` (the same characters), markup
    (a memoized macro's output: a badge, a date) as itself, and an int as its digits."""
    cls = value.__class__
    if cls is str and _escape_inner is not None:
        return _escape_inner(value)
    if cls is markupsafe.Markup or cls is int:
        # escape(Markup) is Markup(value.__html__()), the same characters; an int's digits
        # hold nothing to escape.
        return value if cls is markupsafe.Markup else str(value)
    return _escape(value)


def _patch(template: Template) -> None:
    # Every function the template's module defines (root, blocks, macros) shares its globals:
    # the `escape` its code imported from jinja2.runtime.
    namespace = template.root_render_func.__globals__
    if namespace.get("escape") is _escape:
        namespace["escape"] = escape


class _FastTemplate(Template):
    @classmethod
    def from_code(cls, environment: Environment, code: Any, globals: Any, uptodate: Any = None) -> Template:  # noqa: A002 - Jinja's name
        template = super().from_code(environment, code, globals, uptodate)
        _patch(template)
        return template


def install(env: Environment) -> None:
    """Templates of `env` output escaped text as `str` (see the module's docstring). Once per
    environment; a no-op where markupsafe has no `_escape_inner` to call."""
    if _escape_inner is None or getattr(env, "_aduan_plain_escape", False):
        return
    if env.template_class is Template:
        env.template_class = _FastTemplate
    cache = env.cache
    if cache is not None:
        for template in list(cache.values()):
            _patch(template)
    env._aduan_plain_escape = True  # type: ignore[attr-defined]
