"""`POST /api/v1/check` and the `/check` page: the seeds' verdicts, uploads, every refusal.

The seed texts are those of the claims tests (tests/claims/fixtures), read in place.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from allied.checking import TEXT_LIMIT
from allied.claims import check_text
from allied.web import submission
from allied.web.highlight import passages

CHECK = "/api/v1/check"
FIXTURES = Path(__file__).parents[1] / "claims" / "fixtures"
FRENCH = (FIXTURES / "fr-2013-partnerships.txt").read_text(encoding="utf-8")
BELGIAN = (FIXTURES / "be-2021-nato.txt").read_text(encoding="utf-8")
THIRTY = "Last updated on 1 July 2021.\n\nNATO now has 30 members."


def error_of(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code, body
    return str(body["error"]["message"])


def verdicts(document: dict[str, Any], kind: str, starts: str) -> list[str]:
    return [
        c["verdict"]
        for c in document["claims"]
        if c["kind"] == kind and c["text"].startswith(starts)
    ]


def test_the_2013_seed_dates_itself_and_keeps_its_targets(client: TestClient) -> None:
    response = client.post(CHECK, json={"text": FRENCH})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document"]["as_of"] == "2013-07-02"
    assert body["document"]["as_of_source"] == "detected"
    neutral = verdicts(body, "membership", "Switzerland, Austria, Finland, Ireland, Sweden")
    assert neutral == ["outdated"]
    assert verdicts(body, "membership", "partners around the globe") == ["outdated"]
    assert verdicts(body, "membership", "Mediterranean Dialogue (MD) includes") == ["supported"]
    ici = "Istanbul Cooperation Initiative (ICI) brings together four"
    assert verdicts(body, "membership", ici) == ["supported"]


def test_the_answer_is_check_texts_document(client: TestClient, registry: Any) -> None:
    body = client.post(CHECK, json={"text": BELGIAN, "as_of": "2021-07-01"}).json()
    assert body == check_text(BELGIAN, as_of="2021-07-01", registry=registry).as_document()
    (thirty,) = [c for c in body["claims"] if c["text"] == "NATO now has 30 members"]
    assert thirty["verdict"] == "outdated"
    assert thirty["now"] == "32 members, since 2024-03-07"
    assert body["document"]["as_of_source"] == "given"
    assert all(BELGIAN[c["start"] : c["end"]].split() == c["text"].split() for c in body["claims"])


def test_the_answer_is_never_cached(client: TestClient) -> None:
    response = client.post(CHECK, json={"text": THIRTY})
    assert response.status_code == 200
    assert "etag" not in response.headers
    assert response.headers["cache-control"] == "no-store"
    changed = client.post(CHECK, json={"text": THIRTY.replace("30", "31")}).json()
    assert changed["claims"][0]["verdict"] == "contradicted"  # not the answer kept for 30


@pytest.mark.parametrize(
    ("name", "content", "markup"),
    [
        ("page.html", f"<html><body><p>{THIRTY}</p><ul><li>x</li></ul></body></html>", "html"),
        ("page.md", f"# NATO\n\n{THIRTY.replace('30', '**30**')}\n", "markdown"),
        ("page.txt", THIRTY, "text"),
    ],
)
def test_an_uploaded_file(client: TestClient, name: str, content: str, markup: str) -> None:
    response = client.post(CHECK, files={"file": (name, content.encode("utf-8"))})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document"]["markup"] == markup
    assert body["document"]["as_of"] == "2021-07-01"
    (claim,) = body["claims"]
    assert claim["verdict"] == "outdated" and claim["now"] == "32 members, since 2024-03-07"
    assert " ".join(content[claim["start"] : claim["end"]].replace("**", "").split()) == (
        "NATO now has 30 members"
    )


def test_a_form_with_a_text_and_a_date(client: TestClient) -> None:
    response = client.post(CHECK, data={"text": "NATO now has 30 members.", "as_of": "2021-07-01"})
    assert response.status_code == 200, response.text
    assert response.json()["document"]["as_of_source"] == "given"
    upload = client.post(
        CHECK,
        files={"file": ("a.txt", b"NATO now has 29 members.")},
        data={"as_of": "2019-01-01"},
    ).json()
    assert upload["document"]["as_of"] == "2019-01-01"
    assert upload["claims"][0]["verdict"] == "outdated"


@pytest.mark.parametrize(
    ("request_", "status", "code"),
    [
        ({"json": {"text": ""}}, 422, "empty-document"),
        ({"json": {"text": "   \n "}}, 422, "empty-document"),
        ({"json": {"text": "NATO\x00\x01\x02 has 32 members"}}, 422, "binary-document"),
        ({"files": {"file": ("a.txt", b"")}}, 422, "empty-document"),
        ({"files": {"file": ("a.txt", b"\x00\x01PNG\x02\x03")}}, 422, "binary-document"),
        ({"files": {"file": ("a.html", b"<p>NATO \xe9t\xe9</p>")}}, 422, "not-utf8"),
        ({"json": {"text": "NATO", "as_of": "2021"}}, 422, "invalid-date"),
        ({"json": {"text": "NATO", "as_of": "yesterday"}}, 422, "invalid-date"),
        ({"json": {"text": "NATO", "as_of": "2999-01-01"}}, 422, "invalid-date"),
        ({"data": {"text": "NATO", "as_of": "2021-02-30"}}, 422, "invalid-date"),
        ({"json": {"text": "NATO", "as_of": 2021}}, 400, "invalid-submission"),
        ({"json": {"as_of": "2021-07-01"}}, 422, "missing-text"),
        ({"json": {"text": 30}}, 400, "invalid-submission"),
        ({"json": ["NATO"]}, 400, "invalid-submission"),
        ({"data": {"as_of": "2021-07-01"}}, 422, "missing-text"),
        ({"files": {"file": ("a.pdf", b"%PDF-1.4")}}, 415, "unsupported-file-type"),
        ({"files": {"file": ("a", b"NATO")}}, 415, "unsupported-file-type"),
        ({"content": b"NATO", "headers": {"content-type": "text/plain"}}, 415,
         "unsupported-media-type"),
        ({"content": b"NATO"}, 415, "unsupported-media-type"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400,
         "invalid-submission"),
        ({"content": b"\xff\xfe{}", "headers": {"content-type": "application/json"}}, 400,
         "invalid-submission"),
    ],
)  # fmt: skip
def test_bad_input_is_a_4xx_with_the_error_body(
    client: TestClient, request_: dict[str, Any], status: int, code: str
) -> None:
    error_of(client.post(CHECK, **request_), status, code)


def test_a_text_over_the_limit_is_413(client: TestClient) -> None:
    big = b"NATO now has 32 members. " * (TEXT_LIMIT // 25 + 1)
    response = client.post(CHECK, files={"file": ("big.txt", big)})
    message = error_of(response, 413, "document-too-large")
    assert f"big.txt is {len(big):,} bytes; the limit is {TEXT_LIMIT:,}" == message


def test_a_request_over_the_limit_is_refused_unread(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(submission, "MAX_BODY", 1000)
    error_of(client.post(CHECK, json={"text": "NATO " * 300}), 413, "document-too-large")
    page = client.post("/check", data={"text": "NATO " * 300})
    assert page.status_code == 413 and "the limit is 1,000" in page.text

    def chunks() -> Any:  # no Content-Length: the body is counted as it arrives
        yield b'{"text": "'
        yield b"NATO " * 300
        yield b'"}'

    sent = client.post(CHECK, content=chunks(), headers={"content-type": "application/json"})
    assert "more than" in error_of(sent, 413, "document-too-large")


def test_get_is_not_allowed(client: TestClient) -> None:
    error_of(client.get(CHECK), 405, "method-not-allowed")


def test_the_operation_is_documented(client: TestClient) -> None:
    operation = client.get("/api/v1/openapi.json").json()["paths"][CHECK]["post"]
    content = operation["requestBody"]["content"]
    assert set(content) == {"application/json", "multipart/form-data"}
    assert {"413", "415", "422"} <= set(operation["responses"])


# The page.


def test_the_form_is_labelled_and_posts_without_javascript(client: TestClient) -> None:
    response = client.get("/check")
    assert response.status_code == 200
    text = response.text
    assert re.search(r'<form class="check-form" method="post" action="/check" '
                     r'enctype="multipart/form-data">', text)  # fmt: skip
    for field in ("check-text", "check-file", "check-as-of"):
        assert f'<label for="{field}">' in text and f'id="{field}"' in text
    assert '<a href="/check">Check a text</a>' in text  # in the navigation
    assert response.headers["link"] == f'<{CHECK}>; rel="alternate"; type="application/json"'
    assert f'href="{CHECK}"' in text


def test_the_page_highlights_the_2013_seed(client: TestClient) -> None:
    response = client.post("/check", files={"file": ("seed.txt", FRENCH.encode("utf-8"))})
    assert response.status_code == 200, response.text
    text = response.text
    assert "etag" not in response.headers
    assert "2013-07-02" in text and "Dernière modification : 02/07/2013" in text
    highlights = re.findall(r'<span class="claim verdict-(\w+)" tabindex="0"', text)
    assert highlights.count("outdated") == 2 and set(highlights) == {"supported", "outdated"}
    neutral = re.search(
        r'<span class="claim verdict-outdated" tabindex="0" id="claim-(\d+)" '
        r'aria-describedby="tip-\1">Switzerland, Austria, Finland, Ireland, Sweden and Malta'
        r'<span class="verdict-label verdict-outdated">outdated</span>'
        r'<span class="tip" role="tooltip" id="tip-\1">.*?no longer since 2023-04-04',
        text,
        re.S,
    )
    assert neutral, "the neutral partners are highlighted, labelled and explained"
    assert text.count("<tr><td>") == 14  # one row per claim
    assert 'href="/sources/nato-ici-factsheet-2014"' in text


def test_the_page_escapes_what_it_is_given(client: TestClient) -> None:
    hostile = '<script>alert("x")</script> NATO now has 30 members. <img src=x onerror=alert(1)>'
    response = client.post("/check", data={"text": hostile, "as_of": "2021-07-01"})
    assert response.status_code == 200, response.text
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in response.text
    assert 'class="claim verdict-outdated"' in response.text


def test_the_page_shows_a_refusal_with_the_form(client: TestClient) -> None:
    response = client.post("/check", files={"file": ("notes.pdf", b"%PDF")})
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("text/html")
    assert "upload a .txt, .html or .md file" in response.text
    assert 'id="check-text"' in response.text
    kept = client.post("/check", data={"text": "NATO\x00", "as_of": "2021-07-01"})
    assert kept.status_code == 422 and "binary data" in kept.text
    assert 'value="2021-07-01"' in kept.text


def test_overlapping_claims_share_one_highlight() -> None:
    claims = [
        {"start": 4, "end": 20, "verdict": "supported"},
        {"start": 10, "end": 30, "verdict": "outdated"},
        {"start": 40, "end": 45, "verdict": "unverifiable"},
    ]
    found = passages("x" * 50, claims)
    assert [(len(p.text), p.verdict, p.first) for p in found] == [
        (4, None, -1),
        (26, "outdated", 0),
        (10, None, -1),
        (5, "unverifiable", 2),
        (5, None, -1),
    ]


def test_a_typed_text_over_the_limit_is_413_too(client: TestClient) -> None:
    big = "NATO now has 32 members. " * (TEXT_LIMIT // 25 + 1)
    message = error_of(client.post(CHECK, data={"text": big}), 413, "document-too-large")
    assert message == f"the text is {len(big):,} bytes; the limit is {TEXT_LIMIT:,}"
    typed = error_of(client.post(CHECK, json={"text": "é" * (TEXT_LIMIT // 2 + 1)}), 413,
                     "document-too-large")  # fmt: skip
    assert typed == f"the text is {TEXT_LIMIT + 2:,} bytes; the limit is {TEXT_LIMIT:,}"
