"""Spending release by release, on the MINI dataset: releases as vintages, guidelines, revisions."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import allied
from allied.cli import cli
from allied.errors import InvalidQuery, NotRecorded, UnknownActor
from allied.questions.spending import (
    ally_spending,
    guideline_counts,
    parse_year,
    revisions,
    spending,
)
from allied.spending import fiscal_label
from conftest import DatasetWriter


def test_the_latest_release_is_the_default(mini: allied.Registry) -> None:
    answer = spending(mini)
    assert answer.release == "2021-06"
    assert [(r.ally, r.year, r.pct_gdp) for r in answer.figures] == [
        ("AAA", 2020, 2.15),
        ("AAA", 2021, 2.3),
        ("BBB", 2020, 1.95),
        ("BBB", 2021, 2.0),
    ]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2020-06-15", "2020-06"),  # published that day
        ("2020-06", "2020-06"),  # the month includes the day
        ("2021-06-13", "2020-06"),  # the day before the next one
        ("2021-06-14", "2021-06"),
        ("2030", "2021-06"),
        ("2021-06", "2021-06"),  # a release id names that release
    ],
)
def test_release_on_a_date_is_the_latest_published_by_then(
    mini: allied.Registry, on: str, expected: str
) -> None:
    assert spending(mini, release=on).release == expected


def test_a_date_before_any_release_is_refused(mini: allied.Registry) -> None:
    with pytest.raises(NotRecorded, match="no spending release was published by 2020-06-14"):
        spending(mini, release="2020-06-14")


def test_nothing_is_overwritten_a_revision_keeps_both_values(mini: allied.Registry) -> None:
    old = spending(mini, ally="AAA", year=2020, release="2020-06").figures[0]
    new = spending(mini, ally="AAA", year=2020).figures[0]
    assert (old.pct_gdp, old.estimate) == (2.2, True)
    assert (new.pct_gdp, new.estimate) == (2.15, False)
    path = revisions(mini, "AAA", 2020)
    assert [(r.release, r.value, r.estimate, r.change) for r in path.revisions] == [
        ("2020-06", 2.2, True, None),
        ("2021-06", 2.15, False, -0.05),
    ]


def test_rows_before_accession_are_kept_and_flagged(mini: allied.Registry) -> None:
    rows = spending(mini, ally="Bland", release="2020-06").figures
    early = [r for r in rows if r.year == 2003]
    assert len(early) == 1 and early[0].before_accession and early[0].name == "Old Bland"
    assert not any(r.before_accession for r in rows if r.year >= 2004)


def test_the_total_is_a_group_not_an_ally(mini: allied.Registry) -> None:
    rows = spending(mini, release="2020-06", year=2020).figures
    total = [r for r in rows if r.ally == "NATO"]
    assert total[0].aggregate and total[0].name == "NATO total"
    counts = guideline_counts(mini, year=2020, release="2020-06").counts
    assert [(c.meeting, c.judged) for c in counts if c.guideline == "two-percent"] == [(1, 2)]


def test_measure_keeps_rows_giving_it(mini: allied.Registry) -> None:
    rows = spending(mini, release="2020-06", measure="equipment_share").figures
    assert [(r.ally, r.year, r.equipment_share) for r in rows] == [("AAA", 2020, 25.0)]


def test_guideline_counts_use_the_rule_in_force_and_allies_of_the_year(
    mini: allied.Registry,
) -> None:
    counts = guideline_counts(mini, release="2020-06").counts
    # 2003: only BBB printed, not yet an Ally: no year judged. 20 % judges from 2014 only.
    assert [(c.guideline, c.year, c.meeting, c.judged, c.estimate) for c in counts] == [
        ("two-percent", 2019, 1, 2, False),
        ("two-percent", 2020, 1, 2, True),
        ("equipment-twenty", 2020, 1, 1, True),
    ]
    later = guideline_counts(mini, year=2021).counts
    assert [(c.year, c.meeting, c.judged) for c in later] == [(2021, 2, 2)]  # 2.00 meets 2.0


def test_a_guideline_starting_later_does_not_judge_earlier_years(
    write_dataset: DatasetWriter,
) -> None:
    from conftest import MINI

    rules = [dict(MINI["guidelines"][0], from_year="2021", until_year="2021")]
    reg = allied.load(write_dataset(guidelines=rules))
    assert [c.year for c in guideline_counts(reg).counts] == [2021]


def test_ally_standings_and_trajectory(mini: allied.Registry) -> None:
    answer = ally_spending(mini, "AAA", release="2020-06")
    assert [(s.guideline, s.year, s.meets) for s in answer.standings] == [
        ("two-percent", 2019, True),
        ("two-percent", 2020, True),
        ("equipment-twenty", 2020, True),
    ]
    (path,) = answer.trajectories
    assert (path.guideline, path.from_year, path.target_year) == ("equipment-twenty", 2020, 2024)
    assert path.per_year == pytest.approx((20 - 25.0) / 4)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"ally": "ZZZ"}, UnknownActor, "unknown actor"),
        ({"ally": "CCC"}, UnknownActor, "release 2021-06 has no figures for CCC"),
        ({"year": 1990}, InvalidQuery, "no figures for 1990"),
        ({"measure": "gdp"}, InvalidQuery, "unknown measure 'gdp'"),
        ({"release": "2021-13"}, Exception, "month"),
    ],
)
def test_bad_questions_raise_one_clear_error(
    mini: allied.Registry, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        spending(mini, **kwargs)  # type: ignore[arg-type]


def test_fiscal_years_are_labelled_as_nato_does() -> None:
    assert fiscal_label("CAN", 2024) == "2024/25"
    assert fiscal_label("GBR", 1999) == "1999/00"
    assert fiscal_label("POL", 2024) == "2024"


def test_parse_year_refuses_what_is_not_a_year() -> None:
    assert parse_year("2024") == 2024
    with pytest.raises(InvalidQuery):
        parse_year("24")


def run(folder: object, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(folder), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_csv_has_the_promised_columns(write_dataset: DatasetWriter) -> None:
    code, out, _ = run(write_dataset(), "spending", "--release", "2020-12-31", "--format", "csv")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.startswith("ally,year,pct_gdp,equipment_share,estimate,release,")
    assert "AAA,2020,2.2,25.0,true,2020-06," in out
    assert len(rows) == 6


def test_cli_json_guidelines_and_revisions(write_dataset: DatasetWriter) -> None:
    folder = write_dataset()
    code, out, _ = run(folder, "spending", "guidelines", "--year", "2021", "--format", "json")
    assert code == 0 and json.loads(out)["counts"][0]["meeting"] == 2
    code, out, _ = run(folder, "spending", "revisions", "AAA", "2020", "--format", "csv")
    assert code == 0 and out.splitlines()[1].startswith("2020-06,2020-06-15,2.2,true,,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("spending", "--ally", "ZZZ"), "unknown actor 'ZZZ'"),
        (("spending", "--measure", "gdp"), "unknown measure 'gdp'"),
        (("spending", "--year", "1990"), "no figures for 1990"),
        (("spending", "guidelines", "--guideline", "nope"), "unknown guideline 'nope'"),
        (("spending", "revisions", "AAA", "1999"), "no release gives pct_gdp for AAA in 1999"),
        (("spending", "chart", "ranked", "--year", "2020", "-o", "x.gif"), "must end in .png"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(
    write_dataset: DatasetWriter, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(write_dataset(), *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_cli_chart_writes_the_vega_lite_spec(write_dataset: DatasetWriter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "ranked.json"
    code, _, _ = run(
        write_dataset(), "spending", "chart", "ranked", "--year", "2021", "-o", str(target)
    )
    assert code == 0
    spec = json.loads(target.read_text())
    bars = spec["layer"][0]["data"]["values"]
    assert [(b["code"], b["value"], b["estimate"]) for b in bars] == [
        ("AAA", 2.3, "estimate"),
        ("BBB", 2.0, "estimate"),
    ]
    assert spec["layer"][2]["data"]["values"] == [{"threshold": 2.0, "label": "2 %"}]


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_cli_chart_renders_without_a_browser(
    write_dataset: DatasetWriter, tmp_path, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"aaa.{suffix}"
    code, _, err = run(write_dataset(), "spending", "chart", "ally", "AAA", "-o", str(target))
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in data[:200]
    target = tmp_path / f"rev.{suffix}"
    code, _, err = run(
        write_dataset(), "spending", "chart", "revisions", "AAA", "2020", "-o", str(target)
    )
    assert code == 0, err


def test_validate_refuses_an_unknown_ally_and_a_rule_without_level(
    write_dataset: DatasetWriter,
) -> None:
    from allied.validation import validate
    from conftest import MINI

    bad_value = dict(MINI["spending"][-1], ally="ZZZ", year="2022")
    bad_rule = dict(MINI["guidelines"][0], id="zz", threshold="")
    reg = allied.load(write_dataset(extra_spending=[bad_value], extra_guidelines=[bad_rule]))
    found = [str(p) for p in validate(reg) if p.check == "spending"]
    assert found == [
        "[spending] spending 2021-06/ZZZ/2022: unknown Ally",
        "[spending] guideline zz: a measure needs a threshold and back",
    ]
