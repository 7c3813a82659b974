"""Schemathesis over the OpenAPI document: whatever the input, never a server error."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from allied.web.app import create_app

schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app())


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_no_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500
    if response.status_code >= 400 and response.status_code != 405:
        body = response.json()
        assert set(body["error"]) == {"code", "message"}
