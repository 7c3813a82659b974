"""The map's data: the atlas covers every Ally, and the timeline replays the registry."""

from __future__ import annotations

import datetime as dt

import pytest

import allied
from allied import relations
from allied.period import PartialDate
from allied.web import atlas


def test_every_state_with_a_tie_has_a_shape_on_the_map() -> None:
    ids = {country.id for country in atlas.countries()}
    registry = allied.load()
    states = {m.actor for m in registry.dataset.memberships}
    missing = [
        code
        for code in states
        if registry.actor_of(code).kind == "state"
        and registry.actor_of(code).iso_numeric not in ids
    ]
    # Czechoslovakia no longer exists; Bahrain and Malta are too small for the 1:110m atlas.
    assert sorted(missing) == ["BHR", "CSK", "MLT"]


def test_paths_stay_inside_the_map() -> None:
    for country in atlas.countries():
        for cell in country.path.replace("M", "L").replace("Z", "").split("L")[1:]:
            x, y = map(float, cell.split(","))
            assert -0.5 <= x <= atlas.WIDTH + 0.5 and -0.5 <= y <= atlas.HEIGHT + 0.5, country.name


@pytest.mark.parametrize(
    "day", ["1949-04-03", "1949-04-04", "1982-05-30", "1999-03-12", "2024-03-07"]
)
def test_timeline_replays_the_registry(day: str) -> None:
    registry = allied.load()
    state: dict[str, str] = {}
    for step in relations.timeline(registry)["steps"]:
        if step["date"] > day:
            break
        state.update(step["set"])
        for key in step["unset"]:
            state.pop(key)
    when = PartialDate.parse(day)
    found = relations.relations_on(registry, when)
    expected = {r.iso_numeric: f"{relations.shade(r)} {r.since}" for r in found if r.iso_numeric}
    for tie in relations.territory_ties(registry, when, found):
        expected[tie.iso_numeric] = f"{relations.shade(tie)} @{tie.sovereign}"
    assert state == expected


def test_legend_lists_only_categories_the_data_holds() -> None:
    keys = [entry.key for entry in relations.categories(allied.load())]
    assert keys[0] == "ally" and "invitee" not in keys


def test_first_day_is_the_treaty() -> None:
    assert dt.date(1949, 4, 4) == relations.FIRST_DAY


def test_a_suspended_tie_keeps_its_category_and_says_so() -> None:
    registry = allied.load()
    found = {r.actor: r for r in relations.relations_on(registry, PartialDate.parse("2023-01-01"))}
    assert (found["RUS"].category, found["RUS"].status) == ("pfp", "suspended")
    assert (found["BLR"].category, found["BLR"].status) == ("pfp", "suspended")
    assert (found["AFG"].category, found["AFG"].status) == ("pag", "suspended")
    assert found["RUS"].since == PartialDate.parse("1994-06-22")
    assert relations.shade(found["RUS"]) == "pfp/suspended"
    assert found["UKR"].status == "active"
    before = {r.actor: r for r in relations.relations_on(registry, PartialDate.parse("2014-03-31"))}
    assert before["RUS"].status == "active"


def test_territories_take_their_sovereigns_tie() -> None:
    registry = allied.load()
    when = PartialDate.parse("2004-03-29")
    ties = {t.territory: t for t in relations.territory_ties(
        registry, when, relations.relations_on(registry, when))}  # fmt: skip
    assert (ties["GRL"].sovereign, ties["GRL"].category, ties["GRL"].iso_numeric) == (
        "DNK",
        "ally",
        "304",
    )
    assert {code: tie.sovereign for code, tie in ties.items()} == {
        "ATF": "FRA",
        "FLK": "GBR",
        "FRO": "DNK",
        "GRL": "DNK",
        "NCL": "FRA",
        "PRI": "USA",
    }
    # Every territory the atlas draws apart is in the table, and only those have no actor.
    drawn = {country.id for country in atlas.countries()}
    assert {t.iso_numeric for t in registry.dataset.territories} - drawn == {"234"}  # Faroes


def test_framework_counts_are_the_rosters_counts() -> None:
    registry = allied.load()
    for day in ("1995-06-01", "2004-03-29", "2024-03-07"):
        counts = relations.framework_counts(registry, PartialDate.parse(day))
        for slug, count in counts.items():
            try:
                expected = len(registry.members(slug, on=day))
            except allied.errors.OutsideLifetime:
                expected = 0
            assert count == expected, (day, slug)
    counts = relations.framework_counts(registry, PartialDate.parse("2004-03-29"))
    assert (counts["pfp"], counts["eapc"], counts["nato"]) == (21, 46, 26)
