"""A bounded property-based fuzzer over openapi.json (schemathesis) against the real app.

Every operation the OpenAPI document describes is called with generated requests, valid and
invalid, through `chalice.test.Client` (in process; see chalice_wsgi.py), over a real SQLite
store; no answer may be a 5xx, and every answer must conform to what the document says
(status codes, content types, response schemas). The budget is bounded: a fixed number of
examples per operation, no shrinking deadline.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
import schemathesis
from chalice_wsgi import ChaliceWSGI
from conftest import REPO, submission
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

sys.path.insert(0, str(REPO / "functions"))
from chalicelib.ratelimit import DEFAULTS, PER_REPORT  # noqa: E402

EXAMPLE_TRACKING = "PSR-D9E6-80J7"
EXAMPLES = int(os.environ.get("ADUAN_FUZZ_EXAMPLES", "25"))  # per operation: ~20 s on 2 quiet cores
# Operations whose rules go beyond what a schema can say, so a schema-valid request may rightly
# be refused with 400: a submission's phone number and NIK must be real ones (checksums, dates)
# and its kelurahan must lie in its kecamatan; an officer's action must fit the report's state;
# a listing's `cursor` is opaque, valid only as the API gave it.
BEYOND_SCHEMA = {("POST", "/reports"), ("POST", "/officer/reports/{tracking}/actions"), ("GET", "/officer/reports")}


def _app() -> ChaliceWSGI:
    from app import app

    return ChaliceWSGI(app)


schema = schemathesis.openapi.from_wsgi("/openapi.json", _app())


@pytest.fixture(scope="module")
def admin_token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh data directory for the run and an admin's token; rate limits off, as the fuzzer
    sends far more requests than one client would (the limits have tests of their own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADUAN_DATA", str(tmp_path_factory.mktemp("fuzz") / "data"))
        for variable, _ in DEFAULTS.values():
            patch.setenv(variable, "off")
        patch.setenv(PER_REPORT[0], "off")
        from chalicelib import config
        from chalicelib.submission import new_report, validate

        # The document's example tracking number names a real report, so the explicit phase
        # reaches the answers of a report that exists (status, officer view, actions).
        service = config.service()
        report, _ = new_report(validate(submission(), service.region), service.region, now=service.clock())
        report.tracking = EXAMPLE_TRACKING
        config.store().save([report])
        yield service.add_officer("Fuzzer", "admin")[1]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize="ADUAN_FUZZ_RANDOM" not in os.environ,  # the suite is repeatable; set it to explore
)
def test_api_answers_every_generated_request_as_documented(case, admin_token) -> None:
    headers = {"Authorization": f"Bearer {admin_token}"}
    response = case.call(headers=headers)
    skip = [positive_data_acceptance] if (case.method.upper(), case.path) in BEYOND_SCHEMA else []
    case.validate_response(response, headers=headers, excluded_checks=skip)
