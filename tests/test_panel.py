"""Country-year panels: what held on 1 January, on 31 December and all year."""

from __future__ import annotations

import csv
import io
import sys

import pytest
from click.testing import CliRunner

import allied
from allied.cli import cli
from allied.extras import MissingExtra
from allied.panel import PANEL_COLUMNS, country_years, to_dataframe
from allied.version import DATA_VERSION

REG = allied.load()


def row(framework: str, actor: str, year: int) -> allied.panel.PanelRow | None:
    rows = country_years(REG, first=year, last=year, frameworks=[framework])
    found = [r for r in rows if r.actor == actor]
    return found[0] if found else None


def cells(framework: str, actor: str, year: int) -> tuple[str, str, str, str] | None:
    found = row(framework, actor, year)
    if found is None:
        return None
    return (found.jan1, found.dec31, found.whole_year, found.suspended_dec31)


def test_a_mid_year_accession() -> None:
    assert cells("nato", "EST", 2004) == ("no", "yes", "no", "no")
    assert cells("nato", "EST", 2005) == ("yes", "yes", "yes", "no")
    assert cells("nato", "EST", 2003) is None


def test_a_partnership_ending_on_accession() -> None:
    assert cells("pfp", "EST", 2004) == ("yes", "no", "no", "no")
    assert cells("pfp", "EST", 2005) is None


def test_suspensions_are_coded_on_31_december() -> None:
    assert cells("pfp", "MLT", 1996) == ("yes", "yes", "yes", "yes")
    assert cells("pfp", "MLT", 2008) == ("yes", "yes", "yes", "no")
    assert cells("pfp", "RUS", 2014)[3] == "yes"  # type: ignore[index]


def test_imprecise_dates_answer_maybe() -> None:
    assert cells("ici", "KWT", 2004) == ("no", "maybe", "no", "no")  # 2004-06-28/2005-03
    assert cells("ici", "KWT", 2005) == ("maybe", "yes", "maybe", "no")
    assert cells("map", "ALB", 1999) == ("no", "yes", "no", "no")  # joined in 1999, MAP's year


def test_a_state_that_ended_on_1_january_has_no_row_that_year() -> None:
    assert cells("nacc", "CSK", 1992) == ("yes", "yes", "yes", "no")
    assert cells("nacc", "CSK", 1993) is None


def test_the_panel_counts_allies_on_31_december() -> None:
    rows = country_years(REG, first=1949, last=2025, frameworks=["nato"])
    by_year: dict[int, int] = {}
    for r in rows:
        by_year[r.year] = by_year.get(r.year, 0) + (r.dec31 == "yes")
    assert (by_year[1949], by_year[1999], by_year[2004], by_year[2023], by_year[2025]) == (
        12, 19, 26, 31, 32,
    )  # fmt: skip


def test_dataframe() -> None:
    frame = to_dataframe(country_years(REG, first=2020, last=2020, frameworks=["nato"]))
    assert list(frame.columns) == list(PANEL_COLUMNS)
    assert len(frame) == 30


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    rows = country_years(REG, first=2020, last=2020, frameworks=["nato"])
    with pytest.raises(ImportError, match=r"pip install 'allied\[dataframe\]'") as caught:
        to_dataframe(rows)
    assert isinstance(caught.value, MissingExtra)  # one line and exit 2 on the CLI


def test_cli_csv_and_bad_years() -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["export", "panel", "--from", "2020", "--to", "2020", "--framework", "NATO"]
    )
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == (*PANEL_COLUMNS, "data_version")
    assert rows[0]["data_version"] == DATA_VERSION
    assert len(rows) == 30
    future = runner.invoke(cli, ["export", "panel", "--to", "9999"])
    assert future.exit_code == 2
    assert "knows nothing after" in future.stderr
    bad = runner.invoke(cli, ["export", "panel", "--from", "2021", "--to", "2020"])
    assert bad.exit_code == 2
    assert "first year 2021 comes after its last year 2020" in bad.stderr


@pytest.mark.parametrize("framework", ["warsaw-pact"])
def test_unknown_framework(framework: str) -> None:
    result = CliRunner().invoke(cli, ["export", "panel", "--framework", framework])
    assert result.exit_code == 2
    assert f"unknown framework '{framework}'" in result.stderr
