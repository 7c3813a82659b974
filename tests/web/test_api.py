"""The JSON API: every endpoint, its CSV twin and every error path."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from allied.cli import cli

API = "/api/v1"


def error_of(response, status: int, code: str) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    return str(body["error"]["message"])


def csv_rows(response) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def test_members_on_the_day_of_the_2004_enlargement(client: TestClient) -> None:
    body = client.get(f"{API}/frameworks/nato/members", params={"on": "2004-03-29"}).json()
    assert body["count"] == 26 and body["on"] == "2004-03-29"
    assert {"CZE", "EST", "SVN"} <= {m["actor"] for m in body["members"]}
    assert all(m["sources"] for m in body["members"])


def test_members_match_the_cli_json(client: TestClient) -> None:
    from click.testing import CliRunner

    cli_out = CliRunner().invoke(cli, ["members", "nato", "--on", "1999-03-12", "--format", "json"])
    api = client.get(f"{API}/frameworks/nato/members?on=1999-03-12").json()
    assert json.loads(cli_out.stdout) == api


def test_members_by_alias_role_and_csv(client: TestClient) -> None:
    by_alias = client.get(f"{API}/frameworks/NATO/members?on=1952-02-18&role=member").json()
    assert by_alias["framework"] == "nato" and by_alias["count"] == 14
    every_role = client.get(f"{API}/frameworks/nato/members?on=2020&role=all").json()
    assert every_role["count"] >= 29
    rows = csv_rows(client.get(f"{API}/frameworks/nato/members?on=2004-03-29&format=csv"))
    assert len(rows) == 26 and "sources" in rows[0]


def test_members_errors(client: TestClient) -> None:
    error_of(client.get(f"{API}/frameworks/nowhere/members"), 404, "unknown-framework")
    error_of(client.get(f"{API}/frameworks/nato/members?on=2004-02-30"), 422, "invalid-date")
    error_of(client.get(f"{API}/frameworks/nato/members?on=yesterday"), 422, "invalid-date")
    error_of(client.get(f"{API}/frameworks/nato/members?on=1948"), 422, "outside-lifetime")
    error_of(client.get(f"{API}/frameworks/nato/members?role=king"), 422, "invalid-parameter")
    error_of(client.get(f"{API}/frameworks/nato/members?format=xml"), 422, "invalid-parameter")


def test_frameworks_list_detail_and_errors(client: TestClient) -> None:
    today = client.get(f"{API}/frameworks").json()
    assert "nato" in {fw["slug"] for fw in today["items"]}
    assert today["total"] == len(today["items"]) and today["next_offset"] is None
    assert client.get(f"{API}/frameworks?on=1948").json()["items"] == []
    assert client.get(f"{API}/frameworks?all=true").json()["total"] == 18
    rows = csv_rows(client.get(f"{API}/frameworks?format=csv"))
    assert "nato" in {row["slug"] for row in rows}
    detail = client.get(f"{API}/frameworks/nato").json()
    assert detail["founding_document"]["id"] == detail["founding_source"]
    assert detail["members_over_time"][0] == {"date": "1949-04-04", "count": 12}
    assert detail["members_over_time"][-1]["count"] == 32
    error_of(client.get(f"{API}/frameworks/atlantis"), 404, "unknown-framework")
    error_of(client.get(f"{API}/frameworks?on=1999-99"), 422, "invalid-date")


@pytest.mark.parametrize("name", ["CZE", "CZ", "Czech Republic", "czechia"])
def test_actor_by_any_name(client: TestClient, name: str) -> None:
    body = client.get(f"{API}/actors/{name}").json()
    assert body["code"] == "CZE"
    (alliance,) = [m for m in body["memberships"] if m["framework"] == "nato"]
    assert alliance["start"] == "1999-03-12"
    assert {n["name"] for n in body["names"]} >= {"Czechia"}


def test_actor_errors(client: TestClient) -> None:
    message = error_of(client.get(f"{API}/actors/Atlantis"), 404, "unknown-actor")
    assert "Atlantis" in message
    error_of(client.get(f"{API}/actors/BEL?on=1999-00"), 422, "invalid-date")


def test_memberships_filters_and_pagination(client: TestClient) -> None:
    first = client.get(f"{API}/memberships?framework=nato&limit=10").json()
    assert first["total"] == 32 and len(first["items"]) == 10
    assert first["next_offset"] == 10
    last = client.get(f"{API}/memberships?framework=nato&limit=10&offset=30").json()
    assert len(last["items"]) == 2 and last["next_offset"] is None
    on = client.get(f"{API}/memberships?framework=nato&on=1999-03-12&role=member").json()
    assert on["total"] == 19
    by_actor = client.get(f"{API}/memberships?actor=Czech Republic").json()
    assert {m["actor"] for m in by_actor["items"]} == {"CZE"}
    assert "nato" in {m["framework"] for m in by_actor["items"]}
    rows = csv_rows(client.get(f"{API}/memberships?limit=5&format=csv"))
    assert len(rows) == 5 and rows[0]["framework"] == "nato"


@pytest.mark.parametrize(
    ("query", "code", "status"),
    [
        ("limit=0", "invalid-parameter", 422),
        ("limit=1001", "invalid-parameter", 422),
        ("limit=ten", "invalid-parameter", 422),
        ("offset=-1", "invalid-parameter", 422),
        ("role=emperor", "invalid-parameter", 422),
        ("framework=zzz", "unknown-framework", 404),
        ("actor=zzz", "unknown-actor", 404),
        ("on=2001-02-29", "invalid-date", 422),
    ],
)
def test_memberships_errors(client: TestClient, query: str, code: str, status: int) -> None:
    error_of(client.get(f"{API}/memberships?{query}"), status, code)


def test_history(client: TestClient) -> None:
    body = client.get(f"{API}/history/nato").json()
    assert body["framework"] == "nato" and body["changes"][-1]["actor"] == "SWE"
    rows = csv_rows(client.get(f"{API}/history/nato?format=csv"))
    assert len(rows) == len(body["changes"])
    error_of(client.get(f"{API}/history/nope"), 404, "unknown-framework")


def test_diff(client: TestClient) -> None:
    body = client.get(f"{API}/diff?from=2013-07-02&to=2026-01-01&framework=nato").json()
    added = {c["actor"] for c in body["changes"] if c["change"] == "added"}
    assert added == {"MNE", "MKD", "FIN", "SWE"}
    assert csv_rows(client.get(f"{API}/diff?from=2013&to=2026&format=csv"))
    error_of(client.get(f"{API}/diff?from=2013"), 422, "invalid-parameter")
    error_of(client.get(f"{API}/diff?from=2013&to=20x6"), 422, "invalid-date")
    error_of(client.get(f"{API}/diff?from=2013&to=2026&framework=q"), 404, "unknown-framework")


def test_events(client: TestClient) -> None:
    body = client.get(f"{API}/events?kind=accession&from=1999&to=1999").json()
    assert [e["start"] for e in body["items"]] == ["1999-03-12"]
    assert csv_rows(client.get(f"{API}/events?format=csv"))
    assert client.get(f"{API}/events?kind=nonsense").json()["items"] == []
    page = client.get(f"{API}/events?limit=10&offset=5").json()
    assert (len(page["items"]), page["offset"], page["next_offset"]) == (10, 5, 15)
    error_of(client.get(f"{API}/events?from=1999-13"), 422, "invalid-date")


def test_sources(client: TestClient) -> None:
    every = client.get(f"{API}/sources").json()["items"]
    assert every and all(s["id"] for s in every)
    one = client.get(f"{API}/sources/north-atlantic-treaty-1949").json()
    assert any(c["kind"] == "framework" for c in one["cited_by"])
    assert csv_rows(client.get(f"{API}/sources?format=csv"))
    assert csv_rows(client.get(f"{API}/sources/north-atlantic-treaty-1949?format=csv"))
    error_of(client.get(f"{API}/sources/no-such-source"), 404, "unknown-source")


@pytest.mark.parametrize(
    ("q", "found"),
    [("Turkey", "TUR"), ("FYROM", "MKD"), ("Czech Republic", "CZE"), ("Atlantic Alliance", "nato")],
)
def test_search_historical_names(client: TestClient, q: str, found: str) -> None:
    results = client.get(f"{API}/search", params={"q": q}).json()["items"]
    assert results[0]["id"] == found and results[0]["exact"]


def test_search_csv_and_errors(client: TestClient) -> None:
    assert csv_rows(client.get(f"{API}/search?q=land&format=csv"))
    assert client.get(f"{API}/search?q=qqqqqq").json()["items"] == []
    error_of(client.get(f"{API}/search"), 422, "invalid-parameter")
    error_of(client.get(f"{API}/search?q="), 422, "invalid-parameter")


def test_relations(client: TestClient) -> None:
    body = client.get(f"{API}/relations?on=1999-03-12").json()
    allies = {r["actor"] for r in body["relations"] if r["category"] == "ally"}
    assert {"CZE", "HUN", "POL"} <= allies and len(allies) == 19
    assert csv_rows(client.get(f"{API}/relations?format=csv"))
    assert client.get(f"{API}/relations?on=1900").json()["relations"] == []


def test_unknown_route_and_method(client: TestClient) -> None:
    error_of(client.get(f"{API}/nothing"), 404, "not-found")
    error_of(client.post(f"{API}/frameworks"), 405, "method-not-allowed")


def test_etag_and_cache_control(client: TestClient) -> None:
    first = client.get(f"{API}/frameworks/nato/members?on=2004-03-29")
    etag = first.headers["etag"]
    assert "max-age" in first.headers["cache-control"]
    again = client.get(
        f"{API}/frameworks/nato/members?on=2004-03-29", headers={"If-None-Match": etag}
    )
    assert again.status_code == 304 and again.content == b""
    other = client.get(f"{API}/frameworks/nato/members?on=2004-03-30")
    assert other.headers["etag"] != etag
    assert "etag" not in client.get(f"{API}/actors/nowhere").headers


def test_etag_follows_the_data_files(write_dataset) -> None:  # type: ignore[no-untyped-def]
    from allied.web.app import create_app

    mini_dir = write_dataset()

    def tag(directory: str) -> str:
        with TestClient(create_app(data_dir=directory)) as local:
            return local.get(f"{API}/frameworks?all=true").headers["etag"]

    before = tag(str(mini_dir))
    assert tag(str(mini_dir)) == before
    sources = mini_dir / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert tag(str(mini_dir)) != before


def test_openapi_and_docs_are_served_locally(client: TestClient) -> None:
    schema = client.get(f"{API}/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/v1/frameworks",
        "/api/v1/frameworks/{slug}",
        "/api/v1/frameworks/{slug}/members",
        "/api/v1/actors/{code}",
        "/api/v1/memberships",
        "/api/v1/history/{slug}",
        "/api/v1/diff",
        "/api/v1/events",
        "/api/v1/sources/{source_id}",
        "/api/v1/search",
    ):
        assert path in paths
    docs = client.get(f"{API}/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200


def test_panel(client: TestClient) -> None:
    body = client.get(f"{API}/panel?from=2004&to=2004&framework=nato").json()
    estonia = next(row for row in body["items"] if row["actor"] == "EST")
    assert (estonia["jan1"], estonia["dec31"], estonia["whole_year"]) == ("no", "yes", "no")
    rows = csv_rows(client.get(f"{API}/panel?from=2020&to=2020&framework=nato&format=csv"))
    assert len(rows) == 30 and rows[0]["year"] == "2020"
    error_of(client.get(f"{API}/panel?from=2005&to=2004"), 422, "invalid-period")
    error_of(client.get(f"{API}/panel?to=9999"), 422, "invalid-period")
    error_of(client.get(f"{API}/panel?from=abc"), 422, "invalid-parameter")
    error_of(client.get(f"{API}/panel?framework=zzz"), 404, "unknown-framework")


def test_a_huge_name_gets_a_short_error(client: TestClient) -> None:
    for path in ("/actors/", "/frameworks/", "/sources/", "/frameworks/nato/members?on="):
        reply = client.get(f"{API}{path}{'x' * 5000}")
        assert 400 <= reply.status_code < 500
        assert len(reply.json()["error"]["message"]) < 200
