"""Exports researchers can cite and join: codes over time, the wide panel, Parquet, citations."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import allied
from allied.cli import cli
from allied.codes import crosswalk
from allied.panel import PanelRow, country_years
from allied.state_years import NOT_IN_EXISTENCE, UNCERTAIN, _code, state_years
from allied.version import DATA_VERSION


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_cow_code_is_the_one_of_the_year(registry: allied.Registry) -> None:
    codes = crosswalk(registry)
    assert [codes.cow("DEU", year) for year in (1945, 1950, 1955, 1989, 1990, 2024)] == [
        255, None, 260, 260, 255, 255,
    ]  # fmt: skip
    assert (codes.cow("CSK", 1992), codes.cow("CZE", 1993)) == (315, 316)
    assert codes.of("DEU", 1989) == {"cow": 260, "iso2": "DE", "iso_numeric": "276",
                                     "wikidata": "Q183"}  # fmt: skip
    rows = country_years(registry, first=1989, last=1990, frameworks=["nato"])
    assert [(r.year, r.cow) for r in rows if r.actor == "DEU"] == [(1989, 260), (1990, 255)]


def test_any_day_differs_from_dec31_in_entry_and_exit_years(registry: allied.Registry) -> None:
    rows = {(r.framework, r.actor, r.year, r.role): r for r in country_years(
        registry, first=1997, last=2023, frameworks=["nato", "nacc", "eapc"])}  # fmt: skip
    joined = rows[("nato", "EST", 2004, "member")]
    assert (joined.jan1, joined.dec31, joined.any_day) == ("no", "yes", "yes")
    replaced = rows[("nacc", "BEL", 1997, "member")]  # the NACC ended on 1997-05-30
    assert (replaced.jan1, replaced.dec31, replaced.any_day) == ("yes", "no", "yes")
    left = rows[("eapc", "FIN", 2023, "partner")]  # a partner until its accession in April
    assert (left.dec31, left.any_day) == ("no", "yes")


def test_the_wide_panel_codes_every_framework(registry: allied.Registry) -> None:
    rows, columns = state_years(registry, first=1990, last=1997)
    assert columns[:6] == ("actor", "year", "cow", "iso2", "iso_numeric", "wikidata")
    assert columns[-1] == "count" and "nato_russia_pjc" in columns  # `-` becomes `_`
    by = {(r["actor"], r["year"]): r for r in rows}
    assert by[("DEU", 1990)]["nato"] == 1 and by[("DEU", 1990)]["cow"] == 255
    assert by[("POL", 1990)]["nacc"] == NOT_IN_EXISTENCE  # founded 1991-12-20
    assert by[("POL", 1995)]["pfp"] == 2 and by[("POL", 1995)]["nato"] == 0
    assert by[("POL", 1995)]["count"] == 2  # NACC and PfP
    eapc_1997 = [r for r in rows if r["year"] == 1997 and r["eapc"] in (1, 2)]
    assert len(eapc_1997) == 44  # 16 Allies and 28 partners, any day of 1997
    text, _ = state_years(registry, first=1995, last=1995, frameworks=["pfp"], coding="text")
    assert {r["pfp"] for r in text} == {"partner", "none"}


def test_an_answer_hanging_on_an_unknown_day_is_uncertain() -> None:
    def row(role: str, dec31: str) -> PanelRow:
        return PanelRow("pfp", "AAA", 1994, role, "no", dec31, dec31, "no", "no", ("s",), None,
                        None, None, None)  # fmt: skip

    assert _code([row("partner", "maybe")], "pfp", "dec31", exists=True) == UNCERTAIN
    assert _code([row("partner", "maybe"), row("member", "yes")], "pfp", "dec31", exists=True) == 1
    assert _code([], "pfp", "dec31", exists=False) == NOT_IN_EXISTENCE
    assert _code([], "pfp", "dec31", exists=True) == 0


def test_wide_csv_carries_codes_count_and_data_version() -> None:
    code, out, _ = invoke("export", "panel", "--wide", "--from", "2004", "--to", "2004",
                          "--framework", "nato", "--framework", "pfp")  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["actor", "year", "cow", "iso2", "iso_numeric", "wikidata", "nato",
                             "pfp", "count", "data_version"]  # fmt: skip
    estonia = next(r for r in rows if r["actor"] == "EST")
    assert (estonia["cow"], estonia["nato"], estonia["pfp"], estonia["count"]) == (
        "366", "1", "2", "2",
    )  # fmt: skip  # a PfP partner until its accession on 29 March: both, on some day
    assert {r["data_version"] for r in rows} == {DATA_VERSION}


def test_bad_panel_input_is_one_line() -> None:
    for args in (["--coding", "roman"], ["--rule", "easter"], ["--from", "2010", "--to", "2000"],
                 ["--framework", "nope"]):  # fmt: skip
        code, out, err = invoke("export", "panel", "--wide", *args)
        assert code == 2 and out == "" and "Traceback" not in err, args


def test_bad_panel_input_is_a_4xx(client: TestClient) -> None:
    for query in ("rule=easter", "coding=roman", "from=2010&to=2000", "framework=nope"):
        reply = client.get(f"/api/v1/panel/wide?{query}")
        assert 400 <= reply.status_code < 500 and reply.json()["error"]["message"], query


def test_to_frame_takes_answers_and_lists(registry: allied.Registry) -> None:
    from allied.questions.panel import panel

    frame = allied.to_frame(panel(registry, first=2004, last=2004, frameworks=["nato"]))
    assert "any_day" in frame.columns and frame.attrs["data_version"] == DATA_VERSION
    assert set(frame["data_version"]) == {DATA_VERSION}
    every = allied.to_frame(panel(registry, first=2004, last=2004))
    assert str(every["cow"].dtype) == "Int64"  # whole numbers, with gaps for organisations
    assert every.loc[every["actor"] == "EU", "cow"].isna().all()
    from allied.questions.roster import members

    rosters = allied.to_frame([members(registry, "nato", on=day) for day in ("1949", "2024")])
    assert len(rosters) == 12 + 32 and {"actor", "start"} <= set(rosters.columns)
    listed = allied.to_frame(registry.memberships(framework="nato"))
    assert {"start", "end", "start_precision", "sources"} <= set(listed.columns)
    assert not any(isinstance(v, dict) for v in listed.iloc[0])  # no nested objects


def test_parquet_export_keeps_rows_and_version(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "panel.parquet"
    code, _, err = invoke("export", "panel", "--wide", "--from", "1990", "--to", "1991",
                          "--format", "parquet", "-o", str(target))  # fmt: skip
    assert code == 0, err
    table = pq.read_table(target)
    assert table.schema.metadata[b"allied.data_version"] == DATA_VERSION.encode()
    frame = table.to_pandas()
    assert frame[(frame["actor"] == "DEU") & (frame["year"] == 1990)]["cow"].item() == 255
    code, _, err = invoke("export", "memberships", "--format", "parquet", "-o",
                          str(tmp_path / "m.parquet"))  # fmt: skip
    assert code == 0, err
    assert pq.read_table(tmp_path / "m.parquet").num_rows > 200


def test_cite_gives_bibtex_and_csl_with_version_and_date() -> None:
    code, out, _ = invoke("cite", "panel-wide", "--on", "2014-12-31", "--style", "bibtex")
    assert code == 0
    assert out.startswith("@misc{allied-2026.12-panel-wide-2014-12-31,")
    assert "version = {2026.12}" in out and "as of 2014-12-31" in out
    code, out, _ = invoke("cite", "/frameworks/nato", "--style", "csl")
    item = json.loads(out)[0]
    assert item["type"] == "dataset" and item["version"] == DATA_VERSION
    code, out, _ = invoke("cite", "--format", "json")
    assert json.loads(out)["bibtex"].startswith("@misc{allied-2026.12-dataset-")


@pytest.mark.parametrize("args", [["spaceship"], ["panel", "--on", "2024-13-01"],
                                  ["/a{b}"]])  # fmt: skip
def test_cite_refuses_bad_input(args: list[str], client: TestClient) -> None:
    code, out, err = invoke("cite", *args)
    assert code == 2 and out == "" and err.count("\n") == 1
    query = f"work={args[0]}" + (f"&on={args[2]}" if len(args) > 2 else "")
    reply = client.get(f"/api/v1/cite?{query}")
    assert reply.status_code == 422 and reply.json()["error"]["message"]


def test_citation_cff_names_the_data_version_and_licences() -> None:
    text = (Path(__file__).parents[1] / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version: 1.2.0" in text and "CC-BY-4.0" in text and "MIT" in text
    assert f"data version {DATA_VERSION}" in text
    assert f'version: "{DATA_VERSION}"' in text  # bumped with allied.version.DATA_VERSION


def test_every_page_offers_its_citation(client: TestClient) -> None:
    import re

    page = client.get("/frameworks/nato?on=2004-03-29").text
    links = re.findall(r'href="(/api/v1/cite\?[^"]+)"', page)
    assert len(links) == 2
    bibtex = client.get(links[0].replace("&amp;", "&"))
    assert bibtex.status_code == 200
    assert "page /frameworks/nato" in bibtex.text and "as of 2004-03-29" in bibtex.text
    assert client.get(links[1].replace("&amp;", "&")).json()[0]["version"] == DATA_VERSION
    assert 'href="/api/v1/cite?work=%2F&amp;style=bibtex"' in client.get("/").text


def test_every_dated_cow_code_ends_on_the_actors_code(registry: allied.Registry) -> None:
    spans: dict[str, list[allied.CowCode]] = {}
    for span in registry.dataset.cow_codes:
        spans.setdefault(span.actor, []).append(span)
    assert len(registry.dataset.cow_codes) == 96
    for actor in registry.dataset.actors:
        if actor.kind == "state":
            assert actor.code in spans, actor.code  # every state has its COW spans
            latest = max(spans[actor.code], key=lambda s: s.period.start.sort_key)
            assert latest.cow == actor.cow, actor.code
