"""Schemathesis over the OpenAPI document: no server error, and every answer as documented.

Every response must match its documented status codes, content type and JSON
Schema (derived from the answers' declarations), and every error must carry
the one error body.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from allied.web.app import create_app

schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_answers_conform_to_the_schema(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=CHECKS)
    assert response.status_code < 500
    if response.status_code >= 400 and response.status_code != 405:
        body = response.json()
        assert set(body["error"]) == {"code", "message"}


def test_every_answer_and_error_has_a_schema() -> None:
    document = schema.raw_schema
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["operationId"], (path, method)
            for status, response in operation["responses"].items():
                assert response.get("content"), (path, method, status)
                for media, body in response["content"].items():
                    assert body.get("schema"), (path, method, status, media)
            ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert (
                ok["$ref"].removeprefix("#/components/schemas/")
                in document["components"]["schemas"]
            )
