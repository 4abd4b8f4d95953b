"""axe-core in the browser tests: inject it into a page and list what it finds.

axe-core comes bundled with the PyPI package axe-playwright-python (pinned in
requirements.txt; 0.1.8 bundles axe-core 4.12.1), so the tests need no npm at run time.
Only `serious` and `critical` violations fail a test: those block people; `moderate` and
`minor` ones are reported in the message when a test fails for another reason.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

BLOCKING = ("serious", "critical")
_AXE = Axe()


def violations(page: Any) -> list[dict[str, Any]]:  # page: playwright.sync_api.Page
    """Every violation axe-core finds on the page as it is now."""
    return list(_AXE.run(page).response["violations"])


def blocking(page: Any) -> list[str]:
    """The serious and critical violations, one readable line each (rule, impact, where)."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in violations(page)
        if v.get("impact") in BLOCKING
    ]
