"""The theme's small macros, memoized: their output depends only on their arguments.

A report page shows a status badge and about ten dates, each a call of a macro of
_macros.html; Jinja's macro calls cost more than the markup they make, and the same badge
or day recurs on thousands of pages. Templates call these wrappers instead (they are template
globals): the first call of each argument list renders the theme's macro, later ones reuse
its output. The markup stays in _macros.html.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

MACROS = "_macros.html"
MEMOIZED = ("date", "status_badge")  # pure: labels and dates, nothing of the page's context


class MacroMemo:
    """The memoized macros of one Jinja environment (one build's generator)."""

    def __init__(self, env: Any) -> None:
        self.env = env
        self._module: Any = None
        self._cache: dict[Hashable, Any] = {}
        self.rendered = 0  # macro calls actually made (tests count them)

    def wrapper(self, name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            key = (name, args, tuple(sorted(kwargs.items())))
            try:
                return self._cache[key]
            except KeyError:
                pass
            except TypeError:  # an unhashable argument: no memo
                return self._macro(name)(*args, **kwargs)
            value = self._cache[key] = self._macro(name)(*args, **kwargs)
            return value

        call.__name__ = name
        return call

    def globals(self) -> dict[str, Callable[..., Any]]:
        return {name: self.wrapper(name) for name in MEMOIZED}

    def _macro(self, name: str) -> Callable[..., Any]:
        if self._module is None:  # made late: the module sees every global the build shares
            self._module = self.env.get_template(MACROS).module
        self.rendered += 1
        return getattr(self._module, name)
