"""The bundled dataset itself: exact counts, known facts, and a check of every record."""

from __future__ import annotations

import pycountry
import pytest

import allied
from allied.validation import validate

REGISTRY = allied.load()
DATA = REGISTRY.dataset
FOUNDERS = {"BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"}


def allies(on: str) -> set[str]:
    return {s.membership.actor for s in REGISTRY.members("nato", on=on)}


def test_the_dataset_is_valid() -> None:
    assert [str(p) for p in validate(REGISTRY)] == []


def test_twelve_founders_signed_on_1949_04_04() -> None:
    assert allies("1949-04-04") == FOUNDERS
    signature = REGISTRY.event("treaty-signature-1949-washington")
    assert set(signature.actors) == FOUNDERS
    assert str(signature.start) == "1949-04-04"


def test_entry_into_force_is_recorded_for_the_founders() -> None:
    (in_force,) = REGISTRY.events(kind="entry-into-force", framework="nato")
    assert str(in_force.start) == "1949-08-24"
    assert set(in_force.actors) == FOUNDERS


@pytest.mark.parametrize(
    ("day", "count"),
    [
        ("1952-02-17", 12),
        ("1952-02-18", 14),
        ("1955-05-06", 15),
        ("1982-05-30", 16),
        ("1999-03-12", 19),
        ("2004-03-29", 26),
        ("2009-04-01", 28),
        ("2017-06-05", 29),
        ("2020-03-26", 29),
        ("2020-03-27", 30),
        ("2023-04-04", 31),
        ("2024-03-07", 32),
        ("2026-11-22", 32),
    ],
)
def test_allies_after_each_enlargement(day: str, count: int) -> None:
    assert len(allies(day)) == count


@pytest.mark.parametrize(
    ("code", "joined"),
    [
        ("DEU", "1955-05-06"),
        ("ESP", "1982-05-30"),
        ("MNE", "2017-06-05"),
        ("MKD", "2020-03-27"),
        ("FIN", "2023-04-04"),
        ("SWE", "2024-03-07"),
    ],
)
def test_known_accession_dates(code: str, joined: str) -> None:
    (membership,) = REGISTRY.memberships(framework="nato", actor=code)
    assert str(membership.period.start) == joined
    assert membership.period.start.precision == "day"


def test_germany_date_conflict_is_recorded() -> None:
    subjects = {c.subject for c in DATA.conflicts}
    assert "memberships:nato/DEU/member/start" in subjects


def test_seed_documents_are_sources() -> None:
    assert REGISTRY.source("seed-fr-2013").kind == "seed"
    assert str(REGISTRY.source("seed-fr-2013").published) == "2013-07-02"
    assert REGISTRY.source("seed-be-2021").kind == "seed"


def test_names_over_time() -> None:
    assert REGISTRY.name("MKD", on="2010-01-01") == "the former Yugoslav Republic of Macedonia"
    assert REGISTRY.name("MKD", on="2020-03-27") == "North Macedonia"
    assert REGISTRY.name("TUR", on="2020-01-01") == "Turkey"
    assert REGISTRY.name("TUR", on="2023-01-01") == "Türkiye"


@pytest.mark.parametrize("actor", DATA.actors, ids=lambda a: a.code)
def test_every_state_matches_iso_3166(actor: allied.Actor) -> None:
    if actor.kind == "organisation":
        assert not actor.iso2
        return
    country = pycountry.countries.get(alpha_3=actor.code) or pycountry.historic_countries.get(
        alpha_3=actor.code
    )
    assert country is not None
    assert (actor.iso2, actor.iso_numeric) == (country.alpha_2, country.numeric)
    assert actor.wikidata.startswith("Q")
    assert actor.cow is not None
    assert REGISTRY.name(actor.code) != actor.code  # every actor has a name


@pytest.mark.parametrize(
    "membership", DATA.memberships, ids=lambda m: f"{m.framework}-{m.actor}-{m.period.start}"
)
def test_every_membership_is_sourced_and_dated(membership: allied.Membership) -> None:
    assert membership.sources
    for source_id in membership.sources:
        assert REGISTRY.source(source_id).url.startswith("http")
    assert (membership.period.end is None) == (membership.end_reason == "")
