"""The `/check` page: pasted (CRLF) and uploaded texts alike, lines, counts, the writing window."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from allied.checking import SentCheck, check_sent
from allied.web.pages import check as check_page

FIXTURES = Path(__file__).parents[1] / "claims" / "fixtures"
BELGIAN = (FIXTURES / "be-2021-nato.txt").read_text(encoding="utf-8")
HIGHLIGHT = re.compile(r'<span class="claim verdict-(\w+)" tabindex="0" id="claim-\d+"')


def test_a_pasted_text_with_crlf_gives_the_claims_of_the_uploaded_file(
    client: TestClient,
) -> None:
    pasted = client.post("/check", data={"text": BELGIAN.replace("\n", "\r\n")})
    uploaded = client.post("/check", files={"file": ("be.txt", BELGIAN.encode("utf-8"))})
    assert pasted.status_code == uploaded.status_code == 200
    assert HIGHLIGHT.findall(pasted.text) == HIGHLIGHT.findall(uploaded.text)
    assert len(HIGHLIGHT.findall(pasted.text)) >= 6
    assert pasted.text.count("<tr><td>") == uploaded.text.count("<tr><td>") >= 11


def test_the_api_answers_a_crlf_text_with_offsets_into_it(client: TestClient) -> None:
    sent = BELGIAN.replace("\n", "\r\n")
    crlf = client.post("/api/v1/check", json={"text": sent, "as_of": "2021-07-01"}).json()
    lf = client.post("/api/v1/check", json={"text": BELGIAN, "as_of": "2021-07-01"}).json()
    assert [c["text"] for c in crlf["claims"]] == [c["text"] for c in lf["claims"]]
    assert [c["start"] for c in crlf["claims"]] != [c["start"] for c in lf["claims"]]
    for claim in crlf["claims"]:
        assert sent[claim["start"] : claim["end"]].split() == claim["text"].split()


def test_the_page_gives_each_claims_line_and_the_verdict_counts(client: TestClient) -> None:
    text = "Last updated on 1 July 2021.\r\n\r\nNATO now has 30 members.\r\nNATO has 29 members."
    html = client.post("/check", data={"text": text}).text
    assert '<h2 id="result-h">2 claims found</h2>' in html
    counts = dict(re.findall(r'<span class="count" data-verdict="(\w+)">(\d+)</span>', html))
    assert counts == {"supported": "0", "outdated": "1", "contradicted": "1", "unverifiable": "0"}
    lines = re.findall(r"<tr><td>(\d+)</td><td>(\d+)</td>", html)
    assert lines == [("1", "3"), ("2", "4")]
    assert "Esc closes it" in html and '<script src="/static/check.js" defer>' in html
    assert "Written" not in html  # no window in this answer: none is shown


@pytest.mark.parametrize(
    ("window", "shown"),
    [
        ({"start": "2020-03-27", "end": "2023-04-04"},
         "between <time>2020-03-27</time> and <time>2023-04-04</time>"),
        ({"from": "2020-03-27", "until": None, "claims": 4},
         "between <time>2020-03-27</time> and <time>?</time>; claims: 4"),
        (["2020-03-27", "2023-04-04"],
         "between <time>2020-03-27</time> and <time>2023-04-04</time>"),
        ("2020-03-27 to 2023-04-04", "2020-03-27 to 2023-04-04"),
    ],
)  # fmt: skip
def test_the_writing_window_is_shown_as_the_answer_holds_it(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, registry: Any, window: Any, shown: str
) -> None:
    async def with_window(sent: Any, request: Any) -> SentCheck:
        checked = check_sent(sent.data, registry=registry)
        dated = {**checked.document["document"], "as_of_window": window}
        return dataclasses.replace(checked, document={**checked.document, "document": dated})

    monkeypatch.setattr(check_page, "check_submission", with_window)
    html = client.post("/check", data={"text": "NATO has 30 members."}).text
    assert "<dt>Written</dt>" in html
    found = re.search(r'<dd class="as-of-window">(.*?)</dd>', html, re.S)
    assert found and found.group(1).startswith(shown)
    assert found.group(1).endswith("(inferred from the claims it makes)")


def test_the_form_states_the_size_limit(client: TestClient) -> None:
    assert "up to 2,097,152 bytes" in client.get("/check").text


def test_the_refusals_of_the_check_surfaces_have_their_status() -> None:
    from allied.checking import TooManyClaims
    from allied.web.checkpool import ChecksBusy, CheckTimedOut
    from allied.web.errors import code_of, status_of

    assert [(status_of(e), code_of(e)) for e in (TooManyClaims("x"), CheckTimedOut("x"),
            ChecksBusy("x"))] == [(422, "too-many-claims"), (422, "check-timed-out"),
                                  (429, "checks-busy")]  # fmt: skip
