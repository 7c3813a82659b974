"""Each invariant of `allied validate` catches the breach it is for."""

from __future__ import annotations

import dataclasses

import pytest

import allied
from allied.model import CoreTask
from allied.period import PartialDate, Period
from allied.validation import validate


def checks(folder) -> set[str]:  # type: ignore[no-untyped-def]
    return {problem.check for problem in validate(allied.load(folder))}


def test_mini_dataset_is_valid(mini: allied.Registry) -> None:
    assert validate(mini) == []


MEMBER = {"framework": "pfp", "actor": "CCC", "role": "participant", "sources": "s1"}


@pytest.mark.parametrize(
    ("changes", "check"),
    [
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
                    {
                        "id": "s3",
                        "kind": "seed",
                        "publisher": "P",
                        "title": "T",
                        "url": "https://example.org/1/",
                    }
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


def test_a_dataset_built_in_code_is_checked_like_a_loaded_one(mini: allied.Registry) -> None:
    data = mini.dataset
    member = data.memberships[3]
    broken = dataclasses.replace(
        data,
        sources=(*data.sources, data.sources[0]),
        memberships=(
            *data.memberships,
            dataclasses.replace(member, actor="ZZZ", sources=("nope",)),
            dataclasses.replace(member, framework="md", period=Period(PartialDate(2001))),
        ),
        core_tasks=(CoreTask(event="gone", position=1, task="T", sources=("s1",)),),
    )
    problems = [str(problem) for problem in validate(allied.Registry(broken))]
    assert "[unique-ids] sources.csv row 3: id: appears again (first in row 1)" in problems
    assert "[actors-resolve] memberships.csv row 6: actor: unknown actor 'ZZZ'" in problems
    assert "[sources-resolve] memberships.csv row 6: sources: unknown source 'nope'" in problems
    assert "[frameworks-resolve] memberships.csv row 7: framework: unknown framework 'md'" in (
        problems
    )
    assert "[events-resolve] core_tasks.csv row 1: event: unknown event 'gone'" in problems


COUNCIL = {"slug": "council", "name": "Council", "kind": "body", "start": "1994-01",
           "sources": "s1"}  # fmt: skip
SEAT = {"framework": "council", "actor": "DDD", "role": "partner", "start": "1995",
        "sources": "s1"}  # fmt: skip


def test_a_suspension_must_be_mirrored_or_exempted(write_dataset) -> None:  # type: ignore[no-untyped-def]
    base = {"extra_frameworks": [COUNCIL], "extra_memberships": [SEAT]}
    assert "suspensions-mirrored" in checks(write_dataset(**base))
    mirrored = {**SEAT, "status": "suspended", "start": "1996-10", "end": "2008-04-03"}
    assert "suspensions-mirrored" not in checks(write_dataset(**base, extra_statuses=[mirrored]))
    exempted = {**SEAT, "suspended_in": "pfp", "note": "the council kept its seat"}
    assert "suspensions-mirrored" not in checks(write_dataset(**base, exemptions=[exempted]))
    later = {**SEAT, "start": "2009"}  # a seat taken after the suspension ended
    assert "suspensions-mirrored" not in checks(
        write_dataset(extra_frameworks=[COUNCIL], extra_memberships=[later])
    )
