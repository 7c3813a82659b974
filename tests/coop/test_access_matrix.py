"""A generated access matrix: every coop route x every role x own and another nation's object.

The routes come from the app itself, so a route added without an entry here
fails `test_every_coop_route_is_in_the_matrix`. For each route and caller the
test sends the request and classifies the answer: the status must be the
expected one, and a partner's answer must never contain a trace of the other
partner (its nation code or any of its `SECRET-…` texts) — not in a list, a
count, an error message or a header. The leaks are collected and asserted to
be zero, so the report names every leak at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from coop.conftest import PARTNERS, World

CALLERS = ("anonymous", "public", "staff", "ally", "GEO", "JOR")


@dataclass(frozen=True)
class Case:
    """One request of the matrix: the route, the caller, whose object, and the expected status."""

    method: str
    template: str
    path: str
    caller: str
    owner: str | None
    expected: int
    body: dict[str, Any] | None = None
    headers: tuple[tuple[str, str], ...] = ()
    fresh_token: bool = False


#: Each route: method, path template, how to fill it for an owner's object, and the body.
#: `owner` None: the route names no nation's object (lists, the caller's own data).
ROUTES: dict[tuple[str, str], dict[str, Any]] = {
    ("GET", "/api/v1/coop/areas"): {},
    ("GET", "/api/v1/coop/me"): {},
    ("GET", "/api/v1/coop/activities"): {"query": "?facets=true&limit=1000"},
    ("POST", "/api/v1/coop/activities"): {"body": {"title": "x"}, "write": True},
    ("GET", "/api/v1/coop/activities/{ident}"): {"object": "activity"},
    ("POST", "/api/v1/coop/activities/{ident}/transition"): {
        "object": "activity", "body": {"state": "held"}, "if_match": True, "write": True,
    },
    ("POST", "/api/v1/coop/activities/{ident}/registrations"): {
        "object": "activity", "body": {"participants": 1}, "write": True,
    },
    ("POST", "/api/v1/coop/activities/{ident}/feedback"): {
        "object": "activity", "body": {"rating": 3, "text": "t"}, "write": True,
    },
    ("GET", "/api/v1/coop/registrations"): {"query": "?limit=1000", "nation_query": "nation"},
    ("GET", "/api/v1/coop/registrations/{ident}"): {"object": "registration"},
    ("PATCH", "/api/v1/coop/registrations/{ident}"): {
        "object": "registration", "body": {"participants": 1}, "if_match": True, "write": True,
    },
    ("GET", "/api/v1/coop/feedback"): {"query": "?limit=1000"},
    ("GET", "/api/v1/coop/participation"): {"nation_query": "nation"},
    ("GET", "/api/v1/coop/calendar/{nation}"): {"object": "nation"},
    ("GET", "/api/v1/coop/programmes"): {"query": "?limit=1000", "nation_query": "partner"},
    ("POST", "/api/v1/coop/programmes"): {"body": {"partner": "GEO"}, "write": True},
    ("GET", "/api/v1/coop/programmes/{ident}"): {"object": "programme"},
    ("GET", "/api/v1/coop/packages"): {"query": "?limit=1000"},
    ("POST", "/api/v1/coop/packages"): {"body": {"recipient": "GEO"}, "write": True},
    ("GET", "/api/v1/coop/packages/{ident}"): {"object": "package"},
    ("POST", "/api/v1/coop/packages/{ident}/revisions"): {
        "object": "package", "body": {"summary": ""}, "if_match": True, "write": True,
        "staff_only": True,
    },
    ("GET", "/api/v1/coop/decisions"): {"council": True},
    ("POST", "/api/v1/coop/decisions"): {"body": {"subject": ""}, "council": True, "write": True},
    ("GET", "/api/v1/coop/decisions/{ident}"): {"object": "decision", "council": True},
    ("POST", "/api/v1/coop/decisions/{ident}/break-silence"): {
        "object": "decision", "council": True, "body": {"reason": ""}, "if_match": True,
        "write": True,
    },
    # Last, on a token issued for the request: revoking it leaves the callers' tokens alone.
    ("DELETE", "/api/v1/coop/me/token"): {"fresh_token": True, "status": 204},
}  # fmt: skip


def coop_routes(client: TestClient) -> set[tuple[str, str]]:
    """Every (method, path) of the cooperation API, from the app's OpenAPI document."""
    paths = client.app.openapi()["paths"]  # type: ignore[attr-defined]
    return {
        (method.upper(), path)
        for path, operations in paths.items()
        if path.startswith("/api/v1/coop")
        for method in operations
    }


def expected_status(spec: dict[str, Any], caller: str, owner: str | None) -> int | None:
    """The status a caller must get; `None` where any refusal but no leak is acceptable."""
    if caller == "anonymous":
        return 401
    if caller == "public":
        return 403
    if (spec.get("council") or spec.get("staff_only")) and caller in PARTNERS:
        return 403  # refused for the role, whoever owns the object: nothing to learn
    if spec.get("write"):
        # A write is checked for refusals and leaks only; its success paths have their own tests.
        if caller in PARTNERS and owner is not None and owner != caller:
            return 404
        return None
    if owner is not None and caller in PARTNERS and owner != caller:
        return 404
    return int(spec.get("status", 200))


def cases(world: World) -> Iterator[Case]:
    for (method, template), spec in ROUTES.items():
        kind = spec.get("object")
        owners: tuple[str | None, ...] = PARTNERS if kind else (None,)
        for caller in CALLERS:
            for owner in owners:
                path = template
                if kind == "nation":
                    path = path.replace("{nation}", str(owner))
                elif kind == "decision":
                    path = path.replace("{ident}", str(world.decision))
                elif kind is not None:
                    path = path.replace("{ident}", str(world.owned[str(owner)][kind]))
                paths = [path + spec.get("query", "")]
                if "nation_query" in spec:
                    paths += [f"{path}?{spec['nation_query']}={nation}" for nation in PARTNERS]
                headers = (("If-Match", '"v1"'),) if spec.get("if_match") else ()
                owner_of = None if kind == "decision" else owner
                for one in paths:
                    yield Case(
                        method, template, one, caller, owner_of,
                        expected_status(spec, caller, owner_of) or 0, spec.get("body"), headers,
                        bool(spec.get("fresh_token")),
                    )  # fmt: skip


def traces_of(nation: str) -> tuple[str, ...]:
    return (f'"{nation}"', f"SECRET-{nation}", f" {nation}", f"={nation}")


def test_every_coop_route_is_in_the_matrix(shared_client: TestClient) -> None:
    assert coop_routes(shared_client) == set(ROUTES)


def test_access_matrix_has_no_leak(shared_world: World, shared_client: TestClient) -> None:
    from allied.cooperation.users import issue_token
    from coop.conftest import bearer

    leaks: list[str] = []
    checked = 0
    for case in cases(shared_world):
        headers = dict(case.headers)
        if case.caller not in ("anonymous",):
            headers |= bearer(shared_world, case.caller)
        if case.fresh_token and case.caller != "anonymous":
            email = shared_world.users[case.caller].email
            headers["Authorization"] = f"Bearer {issue_token(shared_world.engine, email)}"
        reply = shared_client.request(case.method, case.path, json=case.body, headers=headers)
        checked += 1
        where = f"{case.caller} {case.method} {case.path}"
        if reply.status_code >= 500:
            leaks.append(f"{where}: {reply.status_code}")
        if case.expected and reply.status_code != case.expected:
            leaks.append(f"{where}: {reply.status_code}, expected {case.expected}: {reply.text}")
        if (
            case.caller in PARTNERS
            and reply.status_code < 400
            and case.owner not in (None, case.caller)
        ):
            leaks.append(
                f"{where}: a write on another nation's object answered {reply.status_code}"
            )
        text = reply.text + json.dumps(dict(reply.headers))
        if case.caller in PARTNERS:
            other = next(p for p in PARTNERS if p != case.caller)
            # A code the caller wrote itself may be echoed (the 404 check below covers it).
            asked = other in case.path.replace("?", "/").replace("=", "/").split("/")
            for trace in traces_of(other)[1:2] if asked else traces_of(other):
                if trace in text:
                    leaks.append(f"{where}: the answer shows {trace!r}")
        if case.expected == 404:
            missing = shared_client.request(
                case.method, _missing(case), json=case.body, headers=headers
            )
            if _masked(missing, _missing(case)) != _masked(reply, case.path):
                leaks.append(f"{where}: the 404 differs from a missing object's")
    assert checked > 250  # 27 routes x 6 callers, x2 owners or nation queries
    assert leaks == [], f"{len(leaks)} leak(s) in {checked} requests:\n" + "\n".join(leaks)


def _missing(case: Case) -> str:
    """The same request for an object that does not exist."""
    if "{nation}" in case.template:
        return case.path.rsplit("/", 1)[0] + "/SYR"
    parts = case.path.split("/")
    index = case.template.split("/").index("{ident}")
    parts[index] = "987654"
    return "/".join(parts)


def _masked(reply: Any, path: str) -> tuple[int, str, tuple[str, ...]]:
    """Status, body with the requested id or code blanked, and header names."""
    ident = next((part for part in path.split("/") if part.isdigit() or part.isupper()), "")
    return (
        reply.status_code,
        reply.text.replace(ident, "#"),
        tuple(sorted(name for name in reply.headers if name != "content-length")),
    )
