"""Undated texts: the writing window is inferred from what the text says, and verdicts use it."""

from __future__ import annotations

import datetime as _dt

import pytest

import allied
from allied.claims import check_text

TODAY = _dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def registry() -> allied.Registry:
    return allied.load()


def test_an_undated_text_is_judged_in_the_window_its_counts_give(registry: allied.Registry) -> None:
    text = "The Alliance has 28 members. Albania and Croatia joined in 2004."
    report = check_text(text, registry=registry, today=TODAY)
    assert report.as_of_source == "inferred"
    assert report.as_of_window == (_dt.date(2009, 4, 1), _dt.date(2017, 6, 4))
    verdicts = {c.claim.kind: c.verdict.verdict for c in report.claims}
    assert verdicts == {"count": "outdated", "accession": "contradicted"}
    document = report.as_document()["document"]
    assert document["as_of_window"] == ["2009-04-01", "2017-06-04"]


def test_a_claim_false_throughout_the_window_is_contradicted(registry: allied.Registry) -> None:
    text = (
        "NATO has 28 members. Croatia is the newest member of NATO.\n\n"
        "North Macedonia is currently the most recent member of NATO."
    )
    report = check_text(text, registry=registry, today=TODAY)
    newest = next(c for c in report.claims if c.claim.actors == ("MKD",))
    assert newest.verdict.verdict == "contradicted"
    assert "at any time from 2009-04-01 to 2017-06-04" in newest.verdict.explanation


def test_a_text_whose_claims_never_change_is_judged_today(registry: allied.Registry) -> None:
    report = check_text("Belgium joined NATO in 1949.", registry=registry, today=TODAY)
    assert (report.as_of, report.as_of_source, report.as_of_window) == (TODAY, "today", None)
