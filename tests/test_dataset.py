"""Loading the data files: typed values, and every bad cell reported with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

import allied
from allied import DataError
from allied.dataset import SCHEMAS, bundled_data_dir, load_dataset


def test_bundled_files_all_exist() -> None:
    for schema in SCHEMAS:
        assert (Path(bundled_data_dir()) / schema.filename).is_file(), schema.filename


def test_dates_are_typed_with_their_precision(write_dataset) -> None:  # type: ignore[no-untyped-def]
    data = load_dataset(write_dataset())
    pfp = {m.actor: m for m in data.memberships if m.framework == "pfp"}
    assert pfp["CCC"].period.start.precision == "year"
    assert pfp["BBB"].period.start.precision == "month"
    assert pfp["BBB"].period.end == allied.PartialDate(2004, 3, 29)
    assert data.frameworks[0].aliases == ("NATO", "the Alliance")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"start": "2021-02-30"}, "memberships.csv:7: start: 2021-02-30: no such day"),
        ({"start": "1995", "end": "1994"}, "memberships.csv:7: end: period [1995, 1994)"),
        ({"role": "friend"}, "memberships.csv:7: role: 'friend' is not one of"),
        ({"sources": ""}, "memberships.csv:7: sources: is required"),
    ],
)
def test_bad_cells_name_file_line_and_column(write_dataset, row, message) -> None:  # type: ignore[no-untyped-def]
    good = {
        "framework": "pfp",
        "actor": "AAA",
        "role": "participant",
        "start": "1995",
        "sources": "s1",
    }
    folder = write_dataset(extra_memberships=[{**good, **row}])
    with pytest.raises(DataError) as raised:
        load_dataset(folder)
    assert message in str(raised.value)


def test_a_wrong_header_is_refused(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    path = folder / "sources.csv"
    path.write_text(path.read_text().replace("publisher", "publisher_name"), encoding="utf-8")
    with pytest.raises(DataError, match=r"sources\.csv:1: header must be"):
        load_dataset(folder)


def test_a_missing_file_is_refused(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    (folder / "events.csv").unlink()
    with pytest.raises(DataError, match=r"events\.csv: file is missing"):
        load_dataset(folder)


def test_every_problem_is_reported_at_once(write_dataset) -> None:  # type: ignore[no-untyped-def]
    bad = {"framework": "pfp", "actor": "AAA", "role": "participant", "sources": "s1"}
    folder = write_dataset(extra_memberships=[{**bad, "start": "x"}, {**bad, "start": "y"}])
    with pytest.raises(DataError, match="2 problem"):
        load_dataset(folder)
