"""The front door in a real browser: the home map tells the truth, every page fits a phone.

Uses the `server`, `browser` fixtures of `test_browser` (one `allied serve` per module).
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from test_browser import browser, server  # noqa: F401  (fixtures)

import allied
from allied.web import pages

PHONE = {"width": 390, "height": 844}
FIRST_DAY = dt.date(1949, 4, 4)


def api(base: str, path: str) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(base + path, timeout=10) as answer:
        return json.loads(answer.read())  # type: ignore[no-any-return]


def api_count(base: str, slug: str, day: str) -> int:
    """A framework's member count on a day, as `/api/v1/frameworks/{slug}/members` gives it."""
    try:
        return int(api(base, f"/api/v1/frameworks/{slug}/members?on={day}")["count"])
    except urllib.error.HTTPError as error:  # not founded yet on that day
        assert error.code == 422, (slug, day)
        return 0


def shown_counts(page: Page) -> dict[str, int]:
    outputs = page.locator("output[data-framework-count]")
    return {
        outputs.nth(i).get_attribute("data-framework-count") or "": int(outputs.nth(i).inner_text())
        for i in range(outputs.count())
    }


@pytest.fixture
def desk(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


DATES = ["1995-06-01", "1999-03-12", "2004-03-29", "2014-04-01", "2024-03-07"]


@pytest.mark.parametrize("day", DATES)
def test_framework_counts_on_load_and_after_the_slider_equal_the_api(
    server: str,  # noqa: F811
    desk: Page,
    day: str,
) -> None:
    desk.goto(f"{server}/?on={day}")
    desk.wait_for_selector('#map[data-ready="true"]')
    on_load = shown_counts(desk)
    expected = {slug: api_count(server, slug, day) for slug in on_load}
    assert len(expected) >= 8
    assert on_load == expected

    desk.goto(f"{server}/?on=1960-01-01")
    desk.wait_for_selector('#map[data-ready="true"]')
    desk.locator("#slider").fill(str((dt.date.fromisoformat(day) - FIRST_DAY).days))
    assert desk.locator("#on-label").inner_text() == day
    assert shown_counts(desk) == expected


def test_the_legend_counts_closest_ties(server: str, desk: Page) -> None:  # noqa: F811
    desk.goto(f"{server}/?on=2004-03-29")
    assert "Closest tie" in desk.locator("#legend-h").inner_text()
    relations = api(server, "/api/v1/relations?on=2004-03-29")["relations"]
    allies = sum(1 for r in relations if r["category"] == "ally")
    assert desk.locator('output[data-count="ally"]').inner_text() == str(allies)


def test_a_suspended_tie_has_its_own_style(server: str, desk: Page) -> None:  # noqa: F811
    desk.goto(f"{server}/?on=2023-01-01")
    desk.wait_for_selector('#map[data-ready="true"]')
    statuses = {
        r["actor"]: r["status"] for r in api(server, "/api/v1/relations?on=2023-01-01")["relations"]
    }
    assert statuses["RUS"] == statuses["BLR"] == statuses["AFG"] == "suspended"
    for code in ("RUS", "BLR", "AFG"):
        path = f'#map path[data-actor="{code}"]'
        assert desk.get_attribute(path, "data-status") == "suspended", code
        style = desk.eval_on_selector(
            path, "el => [getComputedStyle(el).fillOpacity, getComputedStyle(el).strokeDasharray]"
        )
        assert style[0] == "0.45" and style[1] != "none", (code, style)
    active = desk.eval_on_selector(
        '#map path[data-actor="UKR"]', "el => getComputedStyle(el).fillOpacity"
    )
    assert active == "1"
    assert desk.locator('.legend .swatch[data-status="suspended"]').count() == 1
    assert desk.locator('output[data-count="suspended"]').inner_text() == "3"
    # The slider draws it too: the day before the April 2014 decision Russia was active.
    desk.locator("#slider").fill(str((dt.date(2014, 3, 31) - FIRST_DAY).days))
    assert desk.get_attribute('#map path[data-actor="RUS"]', "data-status") is None
    page_title = desk.eval_on_selector('#map path[data-actor="RUS"] title', "t => t.textContent")
    assert page_title == "Russia: Partnership for Peace since 1994-06-22"


def test_greenland_takes_denmarks_tie(server: str, desk: Page) -> None:  # noqa: F811
    desk.goto(f"{server}/?on=2004-03-29")
    desk.wait_for_selector('#map[data-ready="true"]')
    greenland = '#map path[data-id="304"]'
    assert desk.get_attribute(greenland, "data-relation") == "ally"
    assert "with Denmark" in desk.eval_on_selector(f"{greenland} title", "t => t.textContent")
    for atlas_id in ("630", "540", "260"):  # Puerto Rico, New Caledonia, French Southern Lands
        assert desk.get_attribute(f'#map path[data-id="{atlas_id}"]', "data-relation") == "ally"
    desk.click(greenland, position={"x": 40, "y": 20})
    desk.wait_for_url("**/actors/DNK?on=2004-03-29")


def test_a_click_opens_the_actor_on_the_date_and_the_page_follows_the_slider(
    server: str,  # noqa: F811
    desk: Page,
) -> None:
    desk.goto(f"{server}/?on=2004-03-29")
    desk.wait_for_selector('#map[data-ready="true"]')
    desk.locator("#slider").fill(str((dt.date(1999, 3, 12) - FIRST_DAY).days))
    slider = desk.locator("#slider")
    assert slider.get_attribute("aria-valuetext") == "1999-03-12"
    assert "1999-03-12" in desk.title()
    assert desk.get_attribute("a.twin", "href") == "/api/v1/relations?on=1999-03-12"
    tip = desk.eval_on_selector('#map path[data-actor="POL"] title', "t => t.textContent")
    assert tip == "Poland: Ally since 1999-03-12"
    desk.click('#map path[data-actor="POL"]')
    desk.wait_for_url("**/actors/POL?on=1999-03-12")


def test_europe_is_readable_on_a_phone(server: str, phone: Page) -> None:  # noqa: F811
    phone.goto(f"{server}/?on=2004-03-29")
    phone.wait_for_selector('#map[data-ready="true"]')
    assert phone.get_attribute("#map", "data-view") == "europe"
    box = phone.locator('#map path[data-actor="BEL"]').bounding_box()
    assert box is not None and box["width"] >= 10, box
    phone.click("#view-world")
    world = phone.locator('#map path[data-actor="BEL"]').bounding_box()
    assert world is not None and world["width"] < box["width"] / 3


def page_paths(router: Any) -> set[str]:
    """The GET paths of a router, through the routers it includes."""
    found: set[str] = set()
    for route in router.routes:
        if "GET" in (getattr(route, "methods", None) or ()):
            found.add(route.path)
        included = getattr(route, "original_router", None)
        if included is not None:
            found |= page_paths(included)
    return found


def every_page() -> list[str]:
    """Every HTML route, each path parameter filled with real ids (every framework)."""
    registry = allied.load()
    samples = {
        "/frameworks/{slug}": [f"/frameworks/{fw.slug}" for fw in registry.all_frameworks()],
        "/actors/{code}": ["/actors/RUS", "/actors/MKD", "/actors/USA", "/actors/EU"],
        "/operations/{slug}": ["/operations/kfor", "/operations/isaf"],
        "/accession/{candidate}": ["/accession/SWE", "/accession/MKD"],
        "/sources/{source_id}": [
            "/sources/north-atlantic-treaty-1949",
            "/sources/factbook-dependencies",
        ],
        "/search": ["/search?q=ukraine", "/search?q=Macedonai"],
        "/diff": ["/diff", "/diff?from=2004&to=2005"],
        "/": ["/", "/?on=2004-03-29"],
    }
    paths = sorted(page_paths(pages.router))
    missing = [path for path in paths if "{" in path and path not in samples]
    assert missing == [], f"give these routes a sample: {missing}"
    return [url for path in paths for url in samples.get(path, [path])] + ["/api/v1/docs"]


PAGES = every_page()


def test_every_route_is_measured() -> None:
    assert len(PAGES) >= 38
    assert "/frameworks/pag" in PAGES and "/operations/kfor" in PAGES and "/accession/SWE" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(server: str, phone: Page, path: str) -> None:  # noqa: F811
    phone.goto(server + path)
    phone.wait_for_load_state("load")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
