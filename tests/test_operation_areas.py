"""Where operations ran: the places an operation's area names, read against a gazetteer."""

from __future__ import annotations

import allied
from allied.operation_areas import gazetteer, operation_areas, places_named

PLACES = {"sd": ("Sudan",), "ss": ("South Sudan",), "so": ("Somalia",), "me": ("Montenegro",),
          "us": ("United States", "US"), "ua": ("Ukraine",)}  # fmt: skip


def test_a_longer_name_is_not_read_again_as_a_shorter_one() -> None:
    assert places_named("Juba (South Sudan)", PLACES) == ("ss",)
    assert places_named("Darfur (Sudan), Somalia", PLACES) == ("sd", "so")


def test_waters_off_a_state_and_a_state_served_are_not_where_it_ran() -> None:
    assert places_named("Adriatic Sea (international waters off Montenegro)", PLACES) == ()
    assert places_named("Gulf of Aden and off the coast of Somalia", PLACES) == ()
    assert places_named("Allied territory, for Ukraine", PLACES) == ()
    assert places_named("Airspace of Montenegro", PLACES) == ("me",)


def test_names_are_read_as_written() -> None:
    assert places_named("help for us", PLACES) == ()
    assert places_named("US airspace", PLACES) == ("us",)


def test_the_registry_names_a_shape_by_every_name_it_keeps(registry: allied.Registry) -> None:
    places = gazetteer(registry, [("Turkey", "Turkey", "792"), ("Kosovo", "Kosovo", "")])
    assert {"Turkey", "Türkiye"} <= set(places["Turkey"]) and places["Kosovo"] == ("Kosovo",)
    areas = {area.slug: area for area in operation_areas(registry, places)}
    assert areas["display-deterrence"].places == ("Turkey",)  # its area says "Türkiye"
    assert areas["kfor"].places == ("Kosovo",) and areas["kfor"].end_first is None
    assert areas["sea-guardian"].places == ()
    assert (areas["isaf"].start_first, areas["isaf"].end_first) == ("2003-08-11", "2015-01-01")
