"""The workbook importer on workbooks the tests build in the shapes of NATO's releases."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import allied
from allied.cli import cli
from allied.period import PartialDate
from allied.questions.spending import spending
from allied.workbook import DuplicateRelease, WorkbookError, import_workbook, read_workbook
from conftest import DatasetWriter
from workbooks import CATEGORIES, SHARE, build, figures

pytest.importorskip("openpyxl")

YEARS = [2019, 2020, 2021, 2022]
ALL = (
    "pct_gdp",
    "real_change",
    "equipment_share",
    "personnel_share",
    "infrastructure_share",
    "other_share",
    "usd_current_m",
    "usd_constant_m",
)
PUBLISHED = PartialDate.parse("2022-06-27")


@pytest.mark.parametrize("shape", ["2019", "2023", "2025", "2026-core"])
def test_every_shape_reads_every_value_with_its_estimate_flag(
    mini: allied.Registry, tmp_path: Path, shape: str
) -> None:
    data = figures(["Aland", "Bland"], YEARS, ALL)
    path = build(tmp_path / f"{shape}.xlsx", shape, data, YEARS, estimated=[2021, 2022])
    found = read_workbook(path, mini, published=PUBLISHED, source="s1")
    assert found.release.id == "2022-06"
    assert found.release.cutoff == PartialDate.parse("2025-06-03")
    assert found.release.base_year == 2021
    assert found.release.title == "Defence Expenditure of NATO Countries (2014-2025)"
    assert len(found.values) == 2 * len(YEARS) * len(ALL)  # aggregates read, not kept
    by_key = {(v.ally, v.year, v.measure): v for v in found.values}
    for measure in ALL:
        for name, code in (("Aland", "AAA"), ("Bland", "BBB")):
            for year in YEARS:
                v = by_key[(code, year, measure)]
                assert v.value == pytest.approx(data[measure][name][year])
                assert v.estimate is (year >= 2021)
                assert v.sources == ("s1",)
    assert len(found.tables) == 3 and len(found.skipped) == 2


def test_missing_figures_are_skipped_and_historical_names_resolve(
    registry: allied.Registry, tmp_path: Path
) -> None:
    data = figures(["Czech Republic", "Turkey", "United Kingdom (1)"], YEARS, ["pct_gdp"])
    data["pct_gdp"]["Turkey"][2019] = None
    path = build(tmp_path / "names.xlsx", "2023", data, YEARS)
    found = read_workbook(path, registry, published=PUBLISHED, source=registry.sources()[0].id)
    allies = {(v.ally, v.year) for v in found.values}
    assert ("TUR", 2019) not in allies and ("TUR", 2020) in allies
    assert {a for a, _ in allies} == {"CZE", "TUR", "GBR"}


def test_an_estimate_marked_in_the_cell_counts(mini: allied.Registry, tmp_path: Path) -> None:
    import openpyxl

    path = build(tmp_path / "b.xlsx", "2025", figures(["Aland"], YEARS, ["pct_gdp"]), YEARS)
    book = openpyxl.load_workbook(path)
    sheet = book["Tables"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "Aland")
    sheet.cell(row=cell.row, column=cell.column + 1, value="2.05e")
    book.save(path)
    found = read_workbook(path, mini, published=PUBLISHED, source="s1")
    first = next(v for v in found.values if v.year == 2019)
    assert (first.value, first.estimate) == (2.05, True)


def _malformed(tmp_path: Path, change: str) -> Path:
    import openpyxl

    path = build(
        tmp_path / f"{change}.xlsx", "2019", figures(["Aland", "Bland"], YEARS, ALL), YEARS
    )
    book = openpyxl.load_workbook(path)
    share = book["Table 3"]
    if change == "text":
        share["C6"] = "n/k"
    elif change == "country":
        share["B7"] = "Atlantis"
    elif change == "title":
        share["B1"] = "Table 3 : Defence expenditure in cowrie shells"
    elif change == "block":
        share["B4"] = "Share of something else"
    elif change == "bounds":
        share["C6"] = 75.0
    elif change == "untitled":
        sheet = book.create_sheet("Extra")
        sheet["A1"] = "Scratch"
        sheet["A2"] = 1.5
    elif change == "no-share":
        del book["Table 3"]
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("text", "sheet 'Table 3' cell C6: not a number: 'n/k'"),
        ("country", "sheet 'Table 3' cell B7: unknown country 'Atlantis'"),
        ("title", "sheet 'Table 3' cell B1: unknown table 'Table 3 : Defence expenditure in"),
        ("block", "sheet 'Table 3' cell B4: unknown block 'Share of something else'"),
        ("bounds", "sheet 'Table 3' cell C6: pct_gdp 75.0 is outside 0.0 to 50.0"),
        ("untitled", "sheet 'Extra' cell A1: no table title allied knows (first text: 'Scratch')"),
        ("no-share", "no table of defence expenditure as a share of GDP"),
    ],
)
def test_a_malformed_workbook_is_refused_naming_sheet_and_cell(
    write_dataset: DatasetWriter, tmp_path: Path, change: str, message: str
) -> None:
    folder = write_dataset()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    path = _malformed(tmp_path, change)
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(folder),
            "spending",
            "import",
            str(path),
            "--release-date",
            "2022-06-27",
            "--source",
            "s1",
        ],
    )
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written


def test_import_writes_the_release_and_refuses_it_twice(
    write_dataset: DatasetWriter, tmp_path: Path
) -> None:
    folder = write_dataset()
    path = build(
        tmp_path / "r.xlsx",
        "2025",
        figures(["Aland", "Bland"], YEARS, ALL),
        YEARS,
        estimated=[2022],
    )
    args = [
        "--data",
        str(folder),
        "spending",
        "import",
        str(path),
        "--release-date",
        "2022-06-27",
        "--source",
        "s1",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "release 2022-06: 64 values, 2 Allies, 2019-2022, 3 tables read" in result.stdout
    reg = allied.load(folder)
    answer = spending(reg, ally="AAA", year=2022)
    assert answer.release == "2022-06" and answer.figures[0].estimate
    assert spending(reg, release="2021-12").release == "2021-06"  # the old vintage stays
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2
    assert "release 2022-06 (published 2022-06-27) is already recorded" in again.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_dry_run_and_unknown_source_write_nothing(
    write_dataset: DatasetWriter, tmp_path: Path, mini: allied.Registry
) -> None:
    folder = write_dataset()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    path = build(tmp_path / "r.xlsx", "2023", figures(["Aland"], YEARS, ["pct_gdp"]), YEARS)
    base = ["--data", str(folder), "spending", "import", str(path), "--release-date", "2022-06"]
    dry = CliRunner().invoke(cli, [*base, "--source", "s1", "--dry-run"])
    assert dry.exit_code == 0 and "nothing written" in dry.stdout
    unknown = CliRunner().invoke(cli, [*base, "--source", "nope"])
    assert unknown.exit_code == 2 and "unknown source 'nope'" in unknown.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    with pytest.raises(DuplicateRelease):
        import_workbook(
            path, mini, data_dir=folder, published=PartialDate.parse("2021-06-14"), source="s1"
        )


def test_a_file_that_is_not_a_workbook_is_refused(mini: allied.Registry, tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("not a zip")
    with pytest.raises(WorkbookError, match=r"fake\.xlsx: not an Excel workbook"):
        read_workbook(path, mini, published=PUBLISHED, source="s1")


def test_the_titles_are_the_published_ones() -> None:
    assert "share of GDP" in SHARE and "main category" in CATEGORIES
