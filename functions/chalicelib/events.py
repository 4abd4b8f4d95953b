"""The event handlers of the AWS deployment: what `publish_changes`, `build_site` and
`auto_close` in app.py do (issue 9, docs/aws.md).

A placeholder so the functions can be declared and packaged (deploy/, docs/deploy-aws.md); the
implementation comes with the AWS runtime work.
"""

from __future__ import annotations

from typing import Any


def publish_changes(event: Any) -> None:
    """Publish the public dataset from the private table, then send one message to the build queue."""
    raise NotImplementedError("publish_changes: not implemented yet")


def build_site(event: Any) -> None:
    """Build the site from the public dataset in the site bucket and upload what changed."""
    raise NotImplementedError("build_site: not implemented yet")


def auto_close(event: Any) -> None:
    """Close the reports due for closing, then ask for a publish."""
    raise NotImplementedError("auto_close: not implemented yet")
