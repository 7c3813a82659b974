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
    expected = {
        r.iso_numeric: r.category
        for r in relations.relations_on(registry, PartialDate.parse(day))
        if r.iso_numeric
    }
    assert state == expected


def test_legend_lists_only_categories_the_data_holds() -> None:
    keys = [entry.key for entry in relations.categories(allied.load())]
    assert keys[0] == "ally" and "invitee" not in keys


def test_first_day_is_the_treaty() -> None:
    assert dt.date(1949, 4, 4) == relations.FIRST_DAY
