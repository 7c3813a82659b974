"""Both seed documents: the verdict on every claim the registry can decide.

The French page is checked on the date it states (Dernière modification :
02/07/2013); the Belgian page, which states none, as of 2021-07-01.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from allied.claims import CheckReport, check_text

from .conftest import FIXTURES

TODAY = _dt.date(2026, 1, 1)


def check(name: str, as_of: str | None = None) -> CheckReport:
    return check_text((FIXTURES / name).read_bytes(), as_of=as_of, today=TODAY)


def verdict_of(report: CheckReport, kind: str, starts: str) -> list[str]:
    return [
        c.verdict.verdict
        for c in report.claims
        if c.claim.kind == kind and c.claim.text.startswith(starts)
    ]


FRENCH = check("fr-2013-partnerships.txt")
BELGIAN = check("be-2021-nato.txt", as_of="2021-07-01")


def test_the_french_seed_dates_itself() -> None:
    document = FRENCH.as_document()["document"]
    assert document["as_of"] == "2013-07-02"
    assert document["as_of_source"] == "detected"
    assert document["as_of_text"] == "Dernière modification : 02/07/2013"


@pytest.mark.parametrize(
    ("kind", "starts", "verdict"),
    [
        ("core-tasks", "the Alliance\u2019s three main tasks", "supported"),
        ("count", "NATO maintains a political dialogue with some 40 partner nations", "supported"),
        ("count", "NATO now has some 40 partner countries", "supported"),
        ("core-tasks", "NATO\u2019s three fundamental and essential tasks", "supported"),
        ("founding", "Founded in 1994", "supported"),
        ("membership", "Switzerland, Austria, Finland, Ireland, Sweden and Malta", "outdated"),
        ("founding", "launched in 1994, the Mediterranean Dialogue", "supported"),
        ("membership", "Mediterranean Dialogue (MD) includes", "supported"),
        ("founding", "launched at the Istanbul Summit of 2004", "supported"),
        ("count", "Istanbul Cooperation Initiative (ICI) brings together four", "supported"),
        ("membership", "Istanbul Cooperation Initiative (ICI) brings together four", "supported"),
        ("founding", "NATO-Ukraine Commission (created in 1997", "supported"),
        ("founding", "NATO-Georgia Commission (created in 2008", "supported"),
    ],
)
def test_french_seed_verdicts(kind: str, starts: str, verdict: str) -> None:
    assert verdict_of(FRENCH, kind, starts) == [verdict]


def test_french_seed_finds_nothing_else() -> None:
    assert len(FRENCH.claims) == 14


def test_the_neutral_partners_left_for_nato() -> None:
    (neutral,) = [c.verdict for c in FRENCH.claims if c.claim.actors[:1] == ("CHE",)]
    assert neutral.true_until == _dt.date(2023, 4, 4)
    assert neutral.now == (
        "Finland: left on 2023-04-04 (NATO accession); Sweden: left on 2024-03-07 (NATO accession)"
    )


def test_partners_across_the_globe_list_is_outdated() -> None:
    assert verdict_of(FRENCH, "membership", "partners around the globe") == ["outdated"]
    (globe,) = [c.verdict for c in FRENCH.claims if c.claim.subject == "pag"]
    assert globe.true_until == _dt.date(2021, 8, 20)
    assert globe.now == "Afghanistan: suspended since 2021-08-20"


def test_belgian_seed_has_no_date_of_its_own() -> None:
    undated = check("be-2021-nato.txt")
    assert undated.as_of_source == "inferred"
    assert undated.as_of_window is not None
    start, end = undated.as_of_window
    assert start <= _dt.date(2021, 7, 1) <= end  # the ministry wrote it in 2021
    assert BELGIAN.as_document()["document"]["as_of_source"] == "given"
    # Nothing that held when it was written is called contradicted: only what the
    # dated reading contradicts too.
    contradicted = {c.claim.text for c in undated.claims if c.verdict.verdict == "contradicted"}
    assert contradicted <= {
        c.claim.text for c in BELGIAN.claims if c.verdict.verdict == "contradicted"
    }
    assert undated.count("outdated") >= 3


@pytest.mark.parametrize(
    ("kind", "starts", "verdict"),
    [
        ("accession", "Belgium is a founding member", "supported"),
        ("founding", "North Atlantic Treaty Organisation (NATO), which was", "supported"),
        ("founding", "In 2019 NATO celebrated its 70th anniversary", "supported"),
        ("core-tasks", "According to the Strategic Concept (Lisbon, 2010)", "outdated"),
        ("core-tasks", "the Alliance has 3 core tasks", "supported"),
        ("spending-target", "The Member States, in line with their commitment", "outdated"),
        ("count", "NATO cooperates in various formats with more than 40", "contradicted"),
        ("accession", "in 1952 with the accession of Greece and Turkey", "supported"),
        ("most-recent-member", "North Macedonia is currently the most recent", "outdated"),
        ("count", "NATO now has 30 members", "outdated"),
        ("action-points", "74 concrete action points", "supported"),
    ],
)  # fmt: skip
def test_belgian_seed_verdicts(kind: str, starts: str, verdict: str) -> None:
    assert verdict_of(BELGIAN, kind, starts) == [verdict]


def test_belgian_seed_finds_nothing_else() -> None:
    assert len(BELGIAN.claims) == 11


def test_thirty_members_is_outdated_now_32_since_sweden() -> None:
    (claim,) = [
        c for c in BELGIAN.as_document()["claims"] if c["text"] == "NATO now has 30 members"
    ]
    assert claim["verdict"] == "outdated"
    assert (claim["true_from"], claim["true_until"]) == ("2020-03-27", "2023-04-04")
    assert claim["now"] == "32 members, since 2024-03-07"


def test_the_stale_belgian_facts_say_since_when() -> None:
    found = {c.claim.kind: c.verdict for c in BELGIAN.claims if c.verdict.verdict == "outdated"}
    assert found["most-recent-member"].now == "Sweden (joined 2024-03-07)"
    assert found["core-tasks"].true_until == _dt.date(2022, 6, 29)
    assert found["spending-target"].true_until == _dt.date(2025, 6, 25)
    assert found["spending-target"].now.startswith("5% of GDP by 2035")  # type: ignore[union-attr]


def test_offsets_point_into_the_seed() -> None:
    text = (FIXTURES / "be-2021-nato.txt").read_text(encoding="utf-8")
    for claim in BELGIAN.as_document()["claims"]:
        assert " ".join(text[claim["start"] : claim["end"]].split()) == claim["text"]
