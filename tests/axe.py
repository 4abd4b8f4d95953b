"""axe-core in a Playwright page: the accessibility violations of what the page shows now.

axe-core 4.12.1 comes pinned inside the PyPI package axe-playwright-python (requirements.txt);
only its bundled axe.min.js is used, injected as a script tag, so any Playwright page (console or
site) is checked the same way. Used by the browser tests of the console and of the public pages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

BLOCKING = ("serious", "critical")


@cache
def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def violations(page: Any, impacts: tuple[str, ...] = BLOCKING) -> list[dict[str, Any]]:
    """axe's violations of the given impacts on the page as it is (WCAG 2.x A/AA and best practice)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    result = page.evaluate("async () => await axe.run(document, { resultTypes: ['violations'] })")
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe(found: list[dict[str, Any]]) -> str:
    """One line per violation, with the first offending elements, for an assertion message."""
    return "\n".join(
        f"{v['impact']}: {v['id']} — {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})" for v in found
    )


def blocking(page: Any) -> list[str]:
    """The serious and critical violations on the page, one readable line each."""
    found = violations(page)
    return describe(found).splitlines() if found else []
