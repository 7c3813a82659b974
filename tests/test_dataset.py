"""Loading the data files: typed values, and every bad cell reported with its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import allied
from allied import DataError
from allied.cli import cli
from allied.dataset import bundled_data_dir, load_dataset
from allied.schema import FAMILIES


def test_bundled_files_all_exist() -> None:
    for family in FAMILIES:
        assert (Path(bundled_data_dir()) / family.filename).is_file(), family.filename


def test_the_header_follows_the_model() -> None:
    for family in FAMILIES:
        with open(Path(bundled_data_dir()) / family.filename, encoding="utf-8") as handle:
            assert tuple(handle.readline().rstrip("\n").split(",")) == family.columns


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


MEMBER = {"framework": "pfp", "actor": "AAA", "role": "participant", "start": "1995"}
EVENT = {"id": "z", "kind": "summit", "start": "2000", "title": "T", "sources": "s1"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"extra_memberships": [{**MEMBER, "sources": "s1|nope"}]},
            "memberships.csv:7: sources: unknown source 'nope'",
        ),
        (
            {"extra_memberships": [{**MEMBER, "actor": "ZZZ", "sources": "s1"}]},
            "memberships.csv:7: actor: unknown actor 'ZZZ'",
        ),
        (
            {
                "extra_statuses": [
                    {**MEMBER, "framework": "md", "status": "suspended", "sources": "s1"}
                ]
            },
            "statuses.csv:3: framework: unknown framework 'md'",
        ),
        (
            {"extra_names": [{"actor": "ZZZ", "name": "Z", "kind": "alias", "sources": "s1"}]},
            "names.csv:8: actor: unknown actor 'ZZZ'",
        ),
        (
            {"extra_events": [{**EVENT, "actors": "AAA|ZZZ"}]},
            "events.csv:5: actors: unknown actor 'ZZZ'",
        ),
        (
            {"extra_events": [{**EVENT, "frameworks": "md"}]},
            "events.csv:5: frameworks: unknown framework 'md'",
        ),
        (
            {
                "extra_core_tasks": [
                    {"event": "gone", "position": "1", "task": "T", "sources": "s1"}
                ]
            },
            "core_tasks.csv:2: event: unknown event 'gone'",
        ),
        (
            {
                "extra_stated_counts": [
                    {"framework": "md", "on": "2000", "count": "1", "sources": "s1"}
                ]
            },
            "stated_counts.csv:3: framework: unknown framework 'md'",
        ),
        (
            {
                "extra_frameworks": [
                    {"slug": "x", "name": "X", "kind": "body", "replaced_by": "y", "sources": "s1"}
                ]
            },
            "frameworks.csv:4: replaced_by: unknown framework 'y'",
        ),
        (
            {
                "extra_frameworks": [
                    {
                        "slug": "x",
                        "name": "X",
                        "kind": "body",
                        "founding_source": "no",
                        "sources": "s1",
                    }
                ]
            },
            "frameworks.csv:4: founding_source: unknown source 'no'",
        ),
        (
            {"extra_actors": [{"code": "AAA", "kind": "state", "sources": "s1"}]},
            "actors.csv:6: code: appears again (first on line 2)",
        ),
        (
            {
                "extra_memberships": [
                    {**MEMBER, "start": "1995-04-26", "actor": "DDD", "sources": "s1"}
                ]
            },
            "memberships.csv:7: framework,actor,role,start: appears again (first on line 6)",
        ),
    ],
)
def test_a_broken_reference_or_key_is_refused_at_load(write_dataset, changes, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError) as raised:
        load_dataset(write_dataset(**changes))
    assert str(raised.value) == message


def test_an_unterminated_quote_is_found_where_it_opens(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    path = folder / "memberships.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",s1,", ',"s1,', 1)  # the rows after it become one cell
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError, match=r"memberships\.csv:3: a quoted cell runs on to line 6"):
        load_dataset(folder)


@pytest.mark.parametrize("name", ["sources", "actors", "frameworks", "memberships"])
def test_a_header_alone_is_refused_where_rows_are_needed(write_dataset, name) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError, match=rf"^{name}\.csv: no rows \(this file must not be empty\)"):
        load_dataset(write_dataset(**{name: []}))


def test_a_header_alone_is_fine_for_a_family_that_may_be_empty(write_dataset) -> None:  # type: ignore[no-untyped-def]
    assert load_dataset(write_dataset(statuses=[], conflicts=[])).statuses == ()


def test_a_directory_in_place_of_a_file_is_refused(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    (folder / "events.csv").unlink()
    (folder / "events.csv").mkdir()
    with pytest.raises(DataError, match=r"^events\.csv: cannot be read \(Is a directory\)$"):
        load_dataset(folder)


def test_a_huge_cell_is_refused(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset(extra_memberships=[{**MEMBER, "sources": "s1", "note": "x" * 200_000}])
    with pytest.raises(DataError, match=r"^memberships\.csv:7: field larger than field limit"):
        load_dataset(folder)


@pytest.mark.parametrize(
    "changes",
    [
        {"extra_memberships": [{**MEMBER, "actor": "ZZZ", "sources": "s1"}]},
        {"extra_memberships": [{**MEMBER, "sources": "s1", "note": "x" * 200_000}]},
        {"frameworks": []},
    ],
)
def test_the_cli_answers_broken_data_with_one_message_and_exit_2(write_dataset, changes) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset(**changes)
    result = CliRunner().invoke(cli, ["--data", str(folder), "members", "nato", "--on", "2004"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
