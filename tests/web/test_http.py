"""HTTP around the routes: HEAD, gzip, CORS, the answer cache, redirects and security headers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

import allied
from allied.web.app import create_app
from allied.web.caching import CACHE_BUDGET, AnswerCache, ETagMiddleware, canonical_query
from allied.web.security import CONTENT_SECURITY_POLICY

API = "/api/v1"
TEMPLATES = Path(allied.__file__).parent / "web" / "templates"
#: A sample of GET routes of every kind: pages, API answers, docs, schema, static, errors.
SAMPLE = (
    "/",
    "/frameworks/nato?on=2004-03-29",
    "/actors/CZE",
    f"{API}/frameworks",
    f"{API}/frameworks/nato/members?on=2004-03-29&format=csv",
    f"{API}/docs",
    f"{API}/openapi.json",
    "/static/site.css",
    f"{API}/actors/Atlantis",
    "/actors/Atlantis",
)
HOSTILE = "evil.example"


@pytest.fixture
def fresh(registry: allied.Registry) -> Iterator[tuple[FastAPI, TestClient]]:
    """An app of its own, so a test can count what its answer cache holds."""
    app = create_app(registry)
    with TestClient(app) as client:
        yield app, client


def answers_of(app: FastAPI) -> AnswerCache:
    cache: AnswerCache = app.state.answers
    return cache


# HEAD


@pytest.mark.parametrize("path", SAMPLE)
def test_head_answers_as_get_without_a_body(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    for name in ("content-type", "content-length", "etag", "cache-control", "link"):
        assert head.headers.get(name) == got.headers.get(name), name


def test_head_revalidates_and_is_gzipped_like_get(client: TestClient) -> None:
    path = f"{API}/sources"
    etag = client.get(path).headers["etag"]
    assert client.head(path, headers={"If-None-Match": etag}).status_code == 304
    got = client.get(path, headers={"Accept-Encoding": "gzip"})
    head = client.head(path, headers={"Accept-Encoding": "gzip"})
    assert head.headers["content-encoding"] == got.headers["content-encoding"] == "gzip"
    assert head.headers["content-length"] == str(got.num_bytes_downloaded)


# gzip


def test_a_large_answer_is_gzipped_and_a_small_one_is_not(client: TestClient) -> None:
    path = f"{API}/panel"
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    packed = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.content == plain.content  # httpx decodes it
    assert packed.num_bytes_downloaded * 20 < plain.num_bytes_downloaded
    assert "accept-encoding" in packed.headers["vary"].lower()
    small = client.get(f"{API}/search?q=BEL", headers={"Accept-Encoding": "gzip"})
    assert len(small.content) < 1024 and "content-encoding" not in small.headers


def test_a_kept_answer_is_gzipped_for_one_client_and_plain_for_the_next(
    fresh: tuple[FastAPI, TestClient],
) -> None:
    app, client = fresh
    path = f"{API}/sources"
    first = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert len(answers_of(app)) == 1
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    again = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert int(plain.headers["content-length"]) == len(plain.content)
    assert again.headers["content-encoding"] == "gzip"
    assert again.content == plain.content == first.content  # httpx decodes the gzipped ones
    assert first.headers["etag"] == plain.headers["etag"] == again.headers["etag"]
    assert first.headers["etag"].startswith('W/"')  # the gzipped and plain are equivalent
    assert len(answers_of(app)) == 1


# CORS


def test_preflight_allows_reads_from_any_origin_without_credentials(client: TestClient) -> None:
    preflight = client.options(
        f"{API}/frameworks",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    methods = preflight.headers["access-control-allow-methods"]
    assert "GET" in methods and "HEAD" in methods and "POST" not in methods
    assert "if-none-match" in preflight.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in preflight.headers


def test_cross_origin_reads_are_shared_and_writes_are_not(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    read = client.get(f"{API}/frameworks/nato/members", headers=origin)
    assert read.headers["access-control-allow-origin"] == "*"
    assert "etag" in read.headers["access-control-expose-headers"].lower()
    assert "origin" not in read.headers.get("vary", "").lower()
    missing = client.get(f"{API}/actors/Atlantis", headers=origin)
    assert missing.headers["access-control-allow-origin"] == "*"  # errors are readable too
    written = client.post(f"{API}/check", headers=origin, content=b"NATO has 32 members.")
    assert "access-control-allow-origin" not in written.headers
    assert "access-control-allow-origin" not in client.get("/", headers=origin).headers
    assert client.options("/frameworks", headers=origin).status_code == 405


# The answer cache


def test_reordered_and_re_encoded_parameters_share_one_entry(
    fresh: tuple[FastAPI, TestClient],
) -> None:
    app, client = fresh
    path = f"{API}/frameworks/nato/members"
    spellings = (
        "on=2004-03-29&format=csv",
        "format=csv&on=2004-03-29",
        "format=cs%76&on=2004%2D03-29",
    )
    tags = {client.get(f"{path}?{query}").headers["etag"] for query in spellings}
    assert len(tags) == 1 and len(answers_of(app)) == 1
    assert client.get(f"{path}?on=2004-03-30&format=csv").headers["etag"] not in tags
    assert len(answers_of(app)) == 2


def test_canonical_query_keeps_the_order_of_repeated_names() -> None:
    assert canonical_query(b"b=2&a=%41&b=1&c") == "a=A&b=2&b=1&c="
    assert canonical_query(b"q=North+Macedonia") == canonical_query(b"q=North%20Macedonia")


def test_600_junk_parameters_keep_the_cache_within_its_budget(
    fresh: tuple[FastAPI, TestClient],
) -> None:
    app, client = fresh
    answers = answers_of(app)
    assert answers.budget == CACHE_BUDGET
    answers.budget, answers.largest = 256 * 1024, 64 * 1024  # the same rule, a quicker test
    for n in range(600):
        client.get(f"{API}/frameworks/nato/members", params={"junk": f"{n:0400d}"})
        assert answers.size <= answers.budget


def test_distinct_answers_fill_the_budget_and_push_out_the_oldest(
    fresh: tuple[FastAPI, TestClient],
) -> None:
    app, client = fresh
    answers = answers_of(app)
    answers.budget, answers.largest = 64 * 1024, 16 * 1024
    first = client.get(f"{API}/actors/BEL").headers["etag"]
    for year in range(1949, 2026):
        assert client.get(f"{API}/frameworks/nato/members", params={"on": year}).status_code == 200
        assert answers.size <= answers.budget
    assert answers.size > answers.budget - answers.largest  # it filled up…
    assert len(answers) < 1 + 2026 - 1949  # …and let some go, the oldest first
    assert answers.get(first.encode()) is None


def test_an_answer_that_depends_on_the_request_is_neither_tagged_nor_kept() -> None:
    def greet(request: Request) -> PlainTextResponse:
        return PlainTextResponse(request.headers.get("cookie", ""), headers={"Vary": "Cookie"})

    cache = AnswerCache()
    app = ETagMiddleware(Starlette(routes=[Route("/", greet)]), fingerprint="f", cache=cache)
    with TestClient(app) as client:
        assert client.get("/", headers={"Cookie": "a=1"}).text == "a=1"
        second = client.get("/", headers={"Cookie": "a=2"})
    assert second.text == "a=2" and "etag" not in second.headers and len(cache) == 0


# Host and redirects


def test_a_trailing_slash_redirects_relative_whatever_the_host(client: TestClient) -> None:
    moved = client.get(
        f"{API}/frameworks/?all=true", headers={"Host": HOSTILE}, follow_redirects=False
    )
    assert moved.status_code == 307
    assert moved.headers["location"] == f"{API}/frameworks?all=true"
    assert client.get(f"{API}/frameworks/", follow_redirects=True).status_code == 200
    # A path that would read as another host (`//host`, `/\host`) stays a path.
    for path, location in (
        ("//evil.example/", "/evil.example"),
        ("/%5Cevil.example/", "/%5Cevil.example"),
    ):
        moved = client.get(f"http://testserver{path}", follow_redirects=False)
        assert moved.headers["location"] == location


@pytest.mark.parametrize(
    "path",
    [
        *SAMPLE,
        "/frameworks/",
        f"{API}/actors/BEL/",
        f"{API}/memberships?limit=1",
    ],
)
def test_a_hostile_host_is_never_echoed(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Host": HOSTILE}, follow_redirects=False)
    assert response.status_code < 500
    assert HOSTILE not in response.text
    assert all(HOSTILE not in value for value in response.headers.values())


# Security headers and the CSP


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", f"{API}/frameworks"),
        ("GET", f"{API}/docs"),
        ("GET", "/static/map.js"),
        ("GET", "/nowhere"),
        ("GET", "/frameworks/"),
        ("OPTIONS", f"{API}/frameworks"),
        ("POST", f"{API}/check"),
        ("DELETE", f"{API}/frameworks"),
    ],
)
def test_every_answer_carries_the_security_headers(
    client: TestClient, method: str, path: str
) -> None:
    headers = client.request(method, path, follow_redirects=False).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_a_server_error_carries_them_too(registry: allied.Registry) -> None:
    app = create_app(registry)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        crashed = client.get("/boom")
    assert crashed.status_code == 500
    assert crashed.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_a_revalidated_answer_carries_them_too(client: TestClient) -> None:
    etag = client.get(f"{API}/frameworks").headers["etag"]
    revalidated = client.get(f"{API}/frameworks", headers={"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert revalidated.headers["x-frame-options"] == "DENY"


def test_the_policy_forbids_inline_code_and_framing() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_templates_hold_nothing_the_policy_blocks(template: Path) -> None:
    """Scripts come from files or are JSON data; no style attributes, no onclick handlers."""
    html = template.read_text(encoding="utf-8")
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", html)
