"""Shared fixtures: the bundled registry, and small datasets the tests write themselves."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

import allied
from allied.schema import FAMILIES

#: A tiny, invented dataset (codes AAA…EEE are fictional) exercising every family.
MINI: dict[str, list[dict[str, str]]] = {
    "sources": [
        {
            "id": "s1",
            "kind": "official",
            "publisher": "Pub",
            "title": "One",
            "url": "https://example.org/1",
            "published": "2000",
        },
        {
            "id": "s2",
            "kind": "treaty",
            "publisher": "Pub",
            "title": "Two",
            "url": "https://example.org/2",
            "published": "1949-04-04",
        },
    ],
    "actors": [
        {"code": code, "kind": "state", "sources": "s1"} for code in ("AAA", "BBB", "CCC", "DDD")
    ],
    "names": [
        {"actor": "AAA", "name": "Aland", "kind": "short", "sources": "s1"},
        {"actor": "BBB", "name": "OB", "kind": "alias", "sources": "s1"},
        {
            "actor": "BBB",
            "name": "Old Bland",
            "kind": "short",
            "end": "2010-06-15",
            "sources": "s1",
        },
        {"actor": "BBB", "name": "Bland", "kind": "short", "start": "2010-06-15", "sources": "s1"},
        {"actor": "CCC", "name": "Cland", "kind": "short", "sources": "s1"},
        {"actor": "DDD", "name": "Dland", "kind": "short", "sources": "s1"},
    ],
    "frameworks": [
        {
            "slug": "nato",
            "name": "North Atlantic Treaty Organization",
            "kind": "alliance",
            "start": "1949-04-04",
            "founding_source": "s2",
            "aliases": "NATO|the Alliance",
            "sources": "s2",
        },
        {
            "slug": "pfp",
            "name": "Partnership for Peace",
            "kind": "partnership",
            "start": "1994-01",
            "aliases": "PfP",
            "sources": "s1",
        },
    ],
    "memberships": [
        {
            "framework": "nato",
            "actor": "AAA",
            "role": "member",
            "start": "1949-04-04",
            "sources": "s2",
        },
        {
            "framework": "nato",
            "actor": "BBB",
            "role": "member",
            "start": "2004-03-29",
            "sources": "s1",
        },
        {
            "framework": "pfp",
            "actor": "BBB",
            "role": "participant",
            "start": "1994-02",
            "end": "2004-03-29",
            "end_reason": "nato-accession",
            "sources": "s1",
        },
        {
            "framework": "pfp",
            "actor": "CCC",
            "role": "participant",
            "start": "1995",
            "sources": "s1",
        },
        {
            "framework": "pfp",
            "actor": "DDD",
            "role": "participant",
            "start": "1995-04-26",
            "sources": "s1",
        },
    ],
    "statuses": [
        {
            "framework": "pfp",
            "actor": "DDD",
            "role": "participant",
            "status": "suspended",
            "start": "1996-10",
            "end": "2008-04-03",
            "sources": "s1",
        },
    ],
    "exemptions": [
        {
            "framework": "nato",
            "actor": "DDD",
            "role": "invitee",
            "suspended_in": "pfp",
            "sources": "s1",
            "note": "An invitation would not be suspended with the partnership.",
        },
    ],
    "territories": [
        {
            "code": "TTT",
            "name": "Tland",
            "iso_numeric": "999",
            "sovereign": "AAA",
            "start": "1900",
            "sources": "s1",
        },
    ],
    "events": [
        {
            "id": "signature",
            "kind": "treaty-signature",
            "start": "1949-04-04",
            "title": "Signature",
            "actors": "AAA",
            "frameworks": "nato",
            "sources": "s2",
        },
        {
            "id": "protocol-bbb",
            "kind": "accession-protocol",
            "start": "2003-03-26",
            "title": "Protocol on the Accession of Bland",
            "actors": "BBB",
            "frameworks": "nato",
            "sources": "s1",
        },
        {
            "id": "accession-bbb",
            "kind": "accession",
            "start": "2004-03-29",
            "title": "Accession of Bland",
            "actors": "BBB",
            "frameworks": "nato",
            "sources": "s1",
        },
    ],
    "accession_cases": [
        {
            "candidate": "BBB",
            "invited": "2002-11",
            "invited_at": "Summit",
            "protocol": "protocol-bbb",
            "accession": "accession-bbb",
            "sources": "s1",
        },
    ],
    "ratifications": [
        {
            "candidate": "BBB",
            "ally": "AAA",
            "milestone": "deposit",
            "date": "2003-12-01",
            "sources": "s1",
        },
        {
            "candidate": "BBB",
            "ally": "AAA",
            "milestone": "parliament",
            "date": "2003-06",
            "sources": "s1",
        },
    ],
    "procedures": [
        {
            "ally": "AAA",
            "milestone": "signature",
            "applies": "false",
            "since": "2000",
            "sources": "s1",
            "note": "The government ratifies; the head of state takes no part.",
        },
    ],
    "core_tasks": [],
    "stated_counts": [
        {"framework": "nato", "on": "1949-04-04", "count": "1", "sources": "s2"},
    ],
    "conflicts": [],
    "formats": [
        {"slug": "nac", "name": "Council", "sources": "s2"},
        {
            "slug": "nac-pfp",
            "name": "Council with the partners",
            "frameworks": "pfp",
            "sources": "s1",
        },
    ],
    "operations": [
        {
            "slug": "op1",
            "name": "Operation One",
            "kind": "operation",
            "start": "1999-06-12",
            "area": "Somewhere",
            "legal_basis": "UNSCR 1 (1999)",
            "aliases": "OP1|First Force",
            "sources": "s1",
        },
    ],
    "contributions": [
        {
            "operation": "op1",
            "actor": "AAA",
            "role": "lead-nation",
            "start": "1999-06-12",
            "sources": "s1",
        },
        {
            "operation": "op1",
            "actor": "CCC",
            "role": "aircraft",
            "start": "2000",
            "end": "2005",
            "sources": "s1",
        },
    ],
    "snapshots": [
        {
            "operation": "op1",
            "as_of": "2004-03",
            "actor": "AAA",
            "role": "troops",
            "personnel": "100",
            "sources": "s1",
        },
        {
            "operation": "op1",
            "as_of": "2004-03",
            "actor": "BBB",
            "role": "troops",
            "personnel": "50",
            "sources": "s1",
        },
        {
            "operation": "op1",
            "as_of": "2004-03",
            "actor": "CCC",
            "role": "troops",
            "personnel": "10",
            "sources": "s1",
        },
    ],
    "snapshot_totals": [
        {
            "operation": "op1",
            "as_of": "2004-03",
            "personnel": "160",
            "nations": "3",
            "listing": "complete",
            "sources": "s1",
        },
    ],
    "cow_codes": [
        {
            "actor": "AAA",
            "cow": "255",
            "abbreviation": "GMY",
            "start": "1816-01-01",
            "end": "1945-05-09",
            "sources": "s1",
        },
        {
            "actor": "AAA",
            "cow": "260",
            "abbreviation": "GFR",
            "start": "1955-05-05",
            "end": "1990-10-03",
            "sources": "s1",
        },
        {
            "actor": "AAA",
            "cow": "255",
            "abbreviation": "GMY",
            "start": "1990-10-03",
            "sources": "s1",
        },
    ],
    "releases": [
        {
            "id": "2020-06",
            "published": "2020-06-15",
            "cutoff": "2020-06-01",
            "base_year": "2015",
            "title": "Defence Expenditure (2013-2020)",
            "sources": "s1",
        },
        {
            "id": "2021-06",
            "published": "2021-06-14",
            "base_year": "2015",
            "title": "Defence Expenditure (2014-2021)",
            "sources": "s1",
        },
    ],
    "spending": [
        {
            "release": r,
            "ally": a,
            "year": y,
            "measure": m,
            "value": v,
            "estimate": e,
            "sources": "s1",
        }
        for r, a, y, m, v, e in (
            ("2020-06", "AAA", "2019", "pct_gdp", "2.10", "false"),
            ("2020-06", "AAA", "2020", "equipment_share", "25.0", "true"),
            ("2020-06", "AAA", "2020", "pct_gdp", "2.20", "true"),
            ("2020-06", "BBB", "2003", "pct_gdp", "2.50", "false"),
            ("2020-06", "BBB", "2019", "pct_gdp", "1.50", "false"),
            ("2020-06", "BBB", "2020", "pct_gdp", "1.90", "true"),
            ("2020-06", "NATO", "2020", "pct_gdp", "2.05", "true"),
            ("2021-06", "AAA", "2020", "pct_gdp", "2.15", "false"),
            ("2021-06", "AAA", "2021", "pct_gdp", "2.30", "true"),
            ("2021-06", "BBB", "2020", "pct_gdp", "1.95", "false"),
            ("2021-06", "BBB", "2021", "pct_gdp", "2.00", "true"),
        )
    ],
    "guidelines": [
        {
            "id": "two-percent",
            "name": "2 % of GDP",
            "kind": "guideline",
            "adopted": "2006-06",
            "measure": "pct_gdp",
            "threshold": "2.0",
            "from_year": "2006",
            "text": "Spend at least 2 % of GDP on defence.",
            "sources": "s1",
        },
        {
            "id": "equipment-twenty",
            "name": "20 % on equipment",
            "kind": "pledge",
            "adopted": "2014-09-05",
            "event": "signature",
            "measure": "equipment_share",
            "threshold": "20",
            "from_year": "2014",
            "target_year": "2024",
            "text": "Spend 20 % of defence expenditure on major equipment within a decade.",
            "sources": "s1",
        },
    ],
    "eu_nato_documents": [
        {
            "id": "jd-2016",
            "kind": "joint-declaration",
            "date": "2016-07-08",
            "title": "Joint Declaration",
            "sources": "s1",
        },
        {
            "id": "set-2016",
            "kind": "common-set",
            "date": "2016-12-06",
            "title": "Common set of proposals",
            "sources": "s1",
        },
        {
            "id": "report-2017",
            "kind": "progress-report",
            "date": "2017-06",
            "title": "First progress report",
            "sources": "s1",
        },
    ],
    "proposals": [
        {
            "id": "2016-12-01",
            "set": "set-2016",
            "number": "1",
            "area": "Countering hybrid threats",
            "summary": "Situational awareness.",
            "reports": "report-2017",
            "sources": "s1",
        },
        {
            "id": "2016-12-02",
            "set": "set-2016",
            "number": "2",
            "area": "Cyber security and defence",
            "sources": "s1",
        },
    ],
}

DatasetWriter = Callable[..., Path]


@pytest.fixture(scope="session")
def registry() -> allied.Registry:
    """The bundled registry."""
    return allied.load()


@pytest.fixture
def write_dataset(tmp_path: Path) -> DatasetWriter:
    """Write MINI, with families replaced or rows appended, as CSV files; return the folder.

    `write_dataset(memberships=[...])` replaces a family; `extra_memberships=[...]` appends.
    """

    def write(**changes: list[dict[str, str]]) -> Path:
        return write_mini(tmp_path / "data", **changes)

    return write


def write_mini(folder: Path, **changes: list[dict[str, str]]) -> Path:
    """Write MINI with `changes` (as `write_dataset` takes them) into `folder`; return it."""
    folder.mkdir(exist_ok=True)
    for family in FAMILIES:
        rows = changes.get(family.name, MINI[family.name])
        rows = rows + changes.get(f"extra_{family.name}", [])
        with open(folder / family.filename, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(family.columns)
            for row in rows:
                writer.writerow([row.get(column, "") for column in family.columns])
    return folder


@pytest.fixture
def mini(write_dataset: DatasetWriter) -> allied.Registry:
    """A registry over the MINI dataset."""
    return allied.load(write_dataset())


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    """The web app over the bundled registry (the web stack is imported only here)."""
    from allied.web.app import create_app

    return create_app()


@pytest.fixture(scope="session")
def client(app):  # type: ignore[no-untyped-def]
    """A `TestClient` for `app`."""
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client
