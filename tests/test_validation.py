"""Each invariant of `allied validate` catches the breach it is for."""

from __future__ import annotations

import pytest

import allied
from allied.validation import validate


def checks(folder) -> set[str]:  # type: ignore[no-untyped-def]
    return {problem.check for problem in validate(allied.load(folder))}


def test_mini_dataset_is_valid(mini: allied.Registry) -> None:
    assert validate(mini) == []


MEMBER = {"framework": "pfp", "actor": "CCC", "role": "participant", "sources": "s1"}


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        (
            {"extra_memberships": [{**MEMBER, "start": "2001", "sources": "nope"}]},
            "sources-resolve",
        ),
        ({"extra_memberships": [{**MEMBER, "actor": "ZZZ", "start": "2001"}]}, "actors-resolve"),
        (
            {"extra_memberships": [{**MEMBER, "framework": "md", "start": "2001"}]},
            "frameworks-resolve",
        ),
        ({"extra_memberships": [{**MEMBER, "start": "2001"}]}, "no-overlaps"),
        ({"extra_memberships": [{**MEMBER, "actor": "AAA", "start": "1993"}]}, "within-lifetime"),
        (
            {
                "extra_statuses": [
                    {**MEMBER, "actor": "AAA", "status": "suspended", "start": "2001"}
                ]
            },
            "within-lifetime",
        ),
        (
            {"extra_memberships": [{**MEMBER, "actor": "AAA", "start": "1995"}]},
            "partner-until-accession",
        ),
        (
            {
                "extra_stated_counts": [
                    {"framework": "nato", "on": "2005", "count": "3", "sources": "s1"}
                ]
            },
            "stated-counts",
        ),
        (
            {
                "extra_events": [
                    {
                        "id": "z-accession",
                        "kind": "accession",
                        "start": "2004-03-30",
                        "title": "Accession",
                        "actors": "BBB",
                        "sources": "s1",
                    }
                ]
            },
            "accessions-agree",
        ),
        (
            {
                "extra_sources": [
                    {"id": "a-first", "kind": "seed", "publisher": "P", "title": "T", "url": "u"}
                ]
            },
            "sorted",
        ),
        (
            {
                "extra_sources": [
                    {"id": "s2", "kind": "seed", "publisher": "P", "title": "T", "url": "u"}
                ]
            },
            "unique-ids",
        ),
    ],
)
def test_breaches_are_caught(write_dataset, changes, check) -> None:  # type: ignore[no-untyped-def]
    assert check in checks(write_dataset(**changes))


def test_pfp_must_end_exactly_on_accession(write_dataset) -> None:  # type: ignore[no-untyped-def]
    from conftest import MINI

    memberships = [
        {**row, "end": "2004-03-28"} if row["actor"] == "BBB" and row["framework"] == "pfp" else row
        for row in MINI["memberships"]
    ]
    problems = validate(allied.load(write_dataset(memberships=memberships)))
    assert [p.check for p in problems] == ["partner-until-accession"]
    assert "must end on 2004-03-29" in problems[0].message
