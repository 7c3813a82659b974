"""The HTML pages: each renders without JavaScript, links its JSON twin, cites sources."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

PAGES = [
    "/",
    "/?on=1999-03-12",
    "/?on=2011-06-01&layer=operations",
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


def test_search_lists_every_hit_typos_and_historical_names(client: TestClient) -> None:
    response = client.get("/search?q=ukraine", follow_redirects=False)
    assert response.status_code == 200
    for href in (
        "/actors/UKR",
        "/frameworks/nato-ukraine-commission",
        "/frameworks/nato-ukraine-council",
    ):
        assert f'href="{href}"' in response.text, href
    assert 'href="/actors/MKD"' in client.get("/search?q=Macedonai").text
    for name in ("USSR", "Soviet Union"):
        assert 'href="/actors/RUS"' in client.get(f"/search?q={name}").text, name


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/actors/Atlantis", 404),
        ("/frameworks/zz", 404),
        ("/?on=1999-02-30", 422),
        ("/x", 404),
        ("/?date=2004-03-29", 422),  # a parameter the page does not take
        ("/?layer=bases", 422),
        ("/frameworks/nato?onn=2004", 422),
        ("/actors/RUS?on=2004-13", 422),
        ("/actors/RUS?on=yesterday", 422),
        ("/diff?from=2004&to=2005&framework=natoo", 404),
        ("/diff?from=2004-02-31", 422),
        ("/events?from=20x4", 422),
        ("/operations/kfor?on=2017-02-30", 422),
        ("/accession/Atlantis", 404),
        ("/sources/no-such-source", 404),
        ("/search?q=ukraine&page=2", 422),
    ],
)
def test_page_errors_are_html_with_the_status(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text
    assert "Traceback" not in response.text and "internal error" not in response.text


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


def test_no_page_prints_none(client: TestClient) -> None:
    for path in [*PAGES, "/frameworks/pag", "/frameworks/io", "/actors/RUS?on=2004-03-29"]:
        text = re.sub(r"<script.*?</script>", "", client.get(path).text, flags=re.S)
        assert not re.search(r"\bNone\b", text), path


def test_actor_page_honours_the_date(client: TestClient) -> None:
    def held(path: str) -> set[str]:
        text = client.get(path).text
        return set(re.findall(r'<tr class="held"><td><a href="/frameworks/([a-z-]+)\?', text))

    assert "<title>Russia on 2004-03-29" in client.get("/actors/RUS?on=2004-03-29").text
    assert held("/actors/RUS?on=2004-03-29") == {"eapc", "pfp", "nato-russia-council"}
    assert held("/actors/RUS?on=1995-01-01") == {"nacc", "pfp"}


def test_diff_has_a_date_column_accessions_first_and_role_changes_as_one_row(
    client: TestClient,
) -> None:
    text = client.get("/diff?from=2004&to=2005").text
    rows = re.findall(r'<tr><td class="date"[^>]*>(.*?)</td>\s*<td[^>]*><a[^>]*>(.*?)</a>', text)
    assert rows[0] == ("2004-03-29", "North Atlantic Treaty Organization")
    assert [name for _, name in rows[:7]] == ["North Atlantic Treaty Organization"] * 7
    assert text.count("Partner → Member") == 7  # the EAPC role change, one row per state


def test_sources_are_numbered_footnotes_to_the_pages_list(client: TestClient) -> None:
    text = client.get("/frameworks/pag").text
    notes = re.findall(r'<a class="fn" href="#src-([^"]+)"[^>]*>\[(\d+)\]</a>', text)
    listed = re.findall(r'<li id="src-([^"]+)">', text)
    assert notes and listed
    for source_id, number in notes:
        assert listed[int(number) - 1] == source_id
    for cell in re.findall(r"<td>((?:<a class=\"fn\"[^>]*>[^<]*</a>)+)</td>", text):
        ids = re.findall(r'href="#src-([^"]+)"', cell)
        assert len(ids) == len(set(ids)), cell


def test_framework_page_without_a_founding_day_says_so(client: TestClient) -> None:
    text = client.get("/frameworks/pag").text
    assert "no founding date" in text and "Japan omitted" not in text


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


def test_an_accession_case_names_the_allies_it_cannot_place_on_the_date(
    client: TestClient,
) -> None:
    # Hungary's vote on North Macedonia is known only between 5 April and 16 October 2019;
    # Italy's Senate voted on 16 October, so on 1 September Italy was still pending.
    html = client.get("/accession/MKD?on=2019-09-01").text
    unsure, _, pending = html.partition("Still pending:")
    assert "only between two days: " in unsure
    assert '<a href="/actors/HUN">Hungary</a>' in unsure
    assert '<a href="/actors/ITA">Italy</a>' in pending.split("</p>")[0]
    assert "Hungary" not in pending.split("</p>")[0]


def test_source_marks_are_numbered_footnotes_or_separated_links() -> None:
    from allied.web.templating import cite

    listed = [{"id": "a"}, {"id": "b"}]
    assert str(cite(["b", "a"], listed)) == (
        '<a class="fn" href="#src-a" title="a">[1]</a><a class="fn" href="#src-b" title="b">[2]</a>'
    )
    # Ids the page does not list are named in full, so they must not run together.
    assert str(cite(["x", "y", "a"], listed)) == (
        '<a class="fn" href="#src-a" title="a">[1]</a> '
        '<a href="/sources/x">x</a>, <a href="/sources/y">y</a>'
    )


def test_eu_nato_documents_cite_the_pages_own_numbered_sources(client: TestClient) -> None:
    page = client.get("/eu-nato").text
    documents = page.split("<tbody>")[1].split("</tbody>")[0]
    assert 'class="fn"' in documents and 'href="/sources/' not in documents
    assert (
        "<td>Joint declaration</td>" in documents and "<td>joint-declaration</td>" not in documents
    )


def test_an_accession_case_says_which_steps_do_not_apply(client: TestClient) -> None:
    html = client.get("/accession/SWE").text
    lacking = html.partition("Not applicable (the Ally's procedure has no such step")[2]
    assert '<a href="/actors/CAN">Canada</a>, signature' in lacking.split("</p>")[0]
    assert "lop-parl-200845e-treaty-making" in html  # its source is listed with the others
