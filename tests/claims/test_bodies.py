"""NATO's own bodies and what a framework sets up: texts written for this test."""

from __future__ import annotations

import pytest
from tests.claims import test_phrasings as base

import allied

CASES = [
    ("The ambassadors form the North Atlantic Council (NAC), a body which meets every week.",
     "2020-01-01", "North Atlantic Council", "role", "unverifiable"),
    ("The Military Committee is NATO's senior military authority.", "2020-01-01",
     "Military Committee", "role", "unverifiable"),
    ("The Partnership for Peace began in 1994. It establishes a coordination cell in Mons.",
     "1995-01-01", "It establishes", "obligation", "unverifiable"),
    ("NATO is made up of several bodies, including the North Atlantic Council, the Defence "
     "Planning Committee and the Nuclear Planning Group.", "2015-01-01", "Defence Planning",
     "body-list", "contradicted"),
    ("NATO is made up of several bodies, including the North Atlantic Council, the Defence "
     "Planning Committee and the Nuclear Planning Group.", "2005-01-01", "Defence Planning",
     "body-list", "unverifiable"),  # the registry records the dissolution, not the bodies
    ("Its bodies include the North Atlantic Council and the Military Committee.", "2015-01-01",
     "Military Committee", "body-list", "unverifiable"),
    # ministers' decisions on a stated date
    ("On 3 December 2008, NATO Foreign Ministers decided to develop Annual National "
     "Programmes for Georgia.", "2009-01-01", "Foreign Ministers", "ministerial-decision",
     "supported"),
    ("On 5 May 2011, NATO Defence Ministers decided to review the missions.", "2012-01-01",
     "Defence Ministers", "ministerial-decision", "unverifiable"),
    # agreements and rights granted: not recorded
    ("NATO and Ukraine have agreed on a new work programme for the year.", "2020-01-01",
     "agreed on", "agreement", "unverifiable"),
    ("After signing, North Macedonia was granted the right to take part in NATO meetings.",
     "2019-03-01", "granted", "agreement", "unverifiable"),
    # taking part in a body's meetings: a country, or its capital's representatives
    ("Officials from Moscow first sat in meetings of the Alliance in 1991, as part of the "
     "North Atlantic Cooperation Council.", "1995-01-01", "Officials from Moscow",
     "participation", "supported"),
    ("Finland first took part in meetings in 1994, as part of the North Atlantic Cooperation "
     "Council.", "1995-01-01", "Finland", "participation", "supported"),
    ("Officials from Kyiv first took part in meetings in 1992, as part of the North Atlantic "
     "Cooperation Council.", "1995-01-01", "Officials from Kyiv", "participation",
     "unverifiable"),  # no such meeting recorded
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> allied.Registry:
    return allied.load()


@pytest.mark.parametrize(("text", "as_of", "words", "kind", "verdict"), CASES)
def test_phrasing_class(
    text: str, as_of: str, words: str, kind: str, verdict: str, registry: allied.Registry
) -> None:
    base.test_phrasing_class(text, as_of, words, kind, verdict, registry)


@pytest.mark.parametrize(
    "text",
    [
        "The EU Military Committee, a body which meets weekly, advised.",
        "In 1990 NATO's bodies included the North Atlantic Council and the Defence Planning "
        "Committee.",
        "The North Atlantic Council decided to act.",
        "NATO is an alliance. It establishes a new office.",
        "Foreign Ministers decided to act.",  # no date
        "NATO and Russia may have agreed on a workplan.",  # NATO itself: not a framework's
    ],
)
def test_claims_nothing(text: str, registry: allied.Registry) -> None:
    report = base.check_text(text, as_of="2015-01-01", registry=registry, today=base.TODAY)
    assert [(c.claim.kind, c.claim.text) for c in report.claims] == []
