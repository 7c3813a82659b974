"""The HTML pages: each renders without JavaScript, links its JSON twin, cites sources."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

PAGES = [
    "/",
    "/?on=1999-03-12",
    "/frameworks",
    "/frameworks/nato?on=2004-03-29",
    "/actors/CZE",
    "/actors/FYROM",
    "/diff?from=2013-07-02&to=2026-01-01",
    "/events?kind=accession",
    "/sources",
    "/sources/north-atlantic-treaty-1949",
    "/search?q=land",
    "/operations",
    "/operations?on=2004-03-29",
    "/operations/kfor?on=2017-02-15",
    "/operations/isaf",
    "/accession",
    "/accession/SWE?on=2023-06-01",
    "/accession/Spain",
    "/spending",
    "/spending?year=2014&release=2025-09-01",
    "/eu-nato",
    "/actors/POL",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_a_json_twin(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    link = response.headers["link"]
    match = re.fullmatch(r'<([^>]+)>; rel="alternate"; type="application/json"', link)
    assert match, link
    twin = match.group(1)
    assert not twin.endswith("?"), twin
    assert f'href="{twin}"'.replace("&", "&amp;") in response.text
    assert client.get(twin).status_code == 200
    assert "<label" in response.text  # the search box at least is labelled


@pytest.mark.parametrize(
    "path", ["/?on=1999-03-12", "/frameworks/nato?on=2004-03-29", "/actors/CZE", "/events"]
)
def test_page_shows_its_sources(client: TestClient, path: str) -> None:
    text = client.get(path).text
    assert 'class="sources"' in text or "Sources:" in text
    assert 'href="/sources/' in text


def test_home_map_is_inline_and_coloured_on_the_server(client: TestClient) -> None:
    text = client.get("/?on=1999-03-12").text
    assert "<svg" in text and "countries-110m.json" not in text
    for code in ("CZE", "HUN", "POL"):
        assert re.search(rf'data-actor="{code}" data-relation="ally"', text), code
    assert re.search(r'data-actor="SVK" data-relation="pfp"', text)  # a partner until 2004
    assert 'id="slider"' in text and 'id="play"' in text and 'class="legend"' in text
    assert 'data-framework-count="nato">19<' in text
    assert (
        "Not drawn (too small at this scale, or no longer a state): Bahrain, Czechoslovakia, Malta"
        in text
    )


def test_framework_roster_without_javascript(client: TestClient) -> None:
    text = client.get("/frameworks/nato?on=2004-03-29").text
    assert "26 on 2004-03-29" in text
    assert text.count('<a href="/actors/') >= 26
    assert "North Atlantic Treaty" in text  # the founding document


def test_actor_page_lists_names_over_time(client: TestClient) -> None:
    text = client.get("/actors/MKD").text
    assert "former Yugoslav Republic of Macedonia" in text
    assert "chart-gantt" in text and "/static/vendor/vega-embed.min.js" in text


def test_search_goes_straight_to_a_single_match(client: TestClient) -> None:
    response = client.get("/search?q=Turkey", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/actors/TUR"


@pytest.mark.parametrize(
    ("path", "status"),
    [("/actors/Atlantis", 404), ("/frameworks/zz", 404), ("/?on=1999-02-30", 422), ("/x", 404)],
)
def test_page_errors_are_html_with_the_status(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text


def test_no_asset_comes_from_outside(client: TestClient) -> None:
    for path in PAGES:
        text = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//(?!127\.0\.0\.1)[^"]*\.(js|css)"', text)


def test_static_assets_are_served(client: TestClient) -> None:
    names = ("site.css", "map.js", "charts.js", "vendor/vega.min.js", "vendor/vega-lite.min.js")
    for name in names:
        assert client.get(f"/static/{name}").status_code == 200


def test_the_relationship_chart_shows_dates_at_their_precision(registry) -> None:  # type: ignore[no-untyped-def]
    from allied.questions.actors import actor
    from allied.web.charts import relationships

    ties = actor(registry, "MKD").document()["memberships"]
    spec = relationships(ties, "2026-12-01")
    shown = {(row["framework"], row["since"], row["until"]) for row in spec["data"]["values"]}
    assert ("Membership Action Plan", "1999-04-24/1999-12", "2020-03-27") in shown
    assert [t["field"] for t in spec["encoding"]["tooltip"]][-2:] == ["since", "until"]


def test_spending_page_ranks_allies_with_estimates_and_a_release_picker(
    client: TestClient,
) -> None:
    html = client.get("/spending?year=2024&release=2024-06-30").text
    assert '<option value="2024-06" selected>' in html
    assert 'data-spec="chart-ranked"' in html
    rows = re.findall(r"<tr><td>(\d+)</td><td><a href=\"/actors/(\w+)#spending-h\">", html)
    assert rows[0] == ("1", "POL")  # 4.12 % in the June 2024 release, the highest
    assert html.count('<abbr title="estimate">e</abbr>') >= 31  # 2024 figures are estimates
    assert "23</td>" in html  # Allies at 2 % in 2024 by that release


def test_an_allys_page_has_its_spending_section(client: TestClient) -> None:
    html = client.get("/actors/ESP").text
    assert 'id="spending-h"' in html and 'data-spec="chart-spending"' in html
    assert 'id="spending-h"' not in client.get("/actors/AUT").text  # not an Ally


def test_bad_spending_input_is_a_4xx_with_one_line(client: TestClient) -> None:
    for url, status in (
        ("/api/v1/spending?ally=ZZZ", 404),
        ("/api/v1/spending?measure=gdp", 422),
        ("/api/v1/spending?year=1990", 422),
        ("/api/v1/spending?release=2013-01-01", 404),
        ("/api/v1/spending/revisions/POL/1990", 404),
        ("/api/v1/eu-nato/proposals?area=zzz", 422),
    ):
        reply = client.get(url)
        assert reply.status_code == status, (url, reply.text)
        assert "\n" not in reply.json()["error"]["message"]
