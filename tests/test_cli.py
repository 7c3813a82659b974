"""The `allied` command: exit codes, parsed output, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from allied.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_members_json_counts_allies() -> None:
    code, out, _ = run("members", "nato", "--on", "2020-03-27", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["count"] == 30
    assert document["on"] == "2020-03-27"
    assert "MKD" in {row["actor"] for row in document["members"]}
    assert all(row["sources"] for row in document["members"])


def test_members_the_day_before_an_accession() -> None:
    _, out, _ = run("members", "nato", "--on", "2020-03-26", "--format", "json")
    assert json.loads(out)["count"] == 29


def test_members_csv_and_table() -> None:
    _, out, _ = run("members", "NATO", "--on", "1949-04-04", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 12
    assert {row["actor"] for row in rows} >= {"BEL", "USA", "ISL"}
    code, out, _ = run("members", "nato", "--on", "1999-03-12", "--format", "table")
    assert code == 0
    assert "Czech" in out
    assert "Czechia" not in out  # the name in use on that date was "Czech Republic"
    assert "19 on 1999-03-12" in out


def test_year_precision_query_flags_uncertain_rows() -> None:
    _, out, _ = run("members", "nato", "--on", "2004", "--format", "json")
    document = json.loads(out)
    assert document["on_precision"] == "year"
    uncertain = {row["actor"] for row in document["members"] if row["uncertain"]}
    assert uncertain == {"BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("members", "nato", "--on", "1948"), "nato was founded on 1949-04-04"),
        (("members", "nato", "--on", "2021-02-30"), "2021-02-30: no such day"),
        (("members", "nato", "--on", "yesterday"), "'yesterday' is not a date"),
        (("members", "warsaw-pact"), "unknown framework 'warsaw-pact'"),
        (("actor", "Atlantis"), "unknown actor 'Atlantis'"),
        (("diff", "2020-13-01", "2021"), "no such month"),
        (("history", "nope"), "unknown framework"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("FYROM", "MKD"),
        ("Macedonia", "MKD"),
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("be", "BEL"),
        ("usa", "USA"),
    ],
)
def test_actor_resolves_historical_names(name: str, code: str) -> None:
    exit_code, out, _ = run("actor", name, "--format", "json")
    assert exit_code == 0
    assert json.loads(out)["code"] == code


def test_actor_profile_lists_names_over_time() -> None:
    _, out, _ = run("actor", "MKD", "--format", "json")
    document = json.loads(out)
    short = [(n["name"], n["start"], n["end"]) for n in document["names"] if n["kind"] == "short"]
    assert short == [
        ("the former Yugoslav Republic of Macedonia", "1993-04-08", "2019-02-12"),
        ("North Macedonia", "2019-02-12", None),
    ]
    assert "nato" in [m["framework"] for m in document["memberships"] if m["role"] == "member"]


def test_frameworks_and_history() -> None:
    _, out, _ = run("frameworks", "--on", "1950", "--format", "json")
    assert [f["slug"] for f in json.loads(out)["items"]] == ["nato"]
    _, out, _ = run("history", "nato", "--format", "json")
    changes = json.loads(out)["changes"]
    assert changes[0]["date"] == "1949-04-04"
    assert [c["actor"] for c in changes if c["date"] == "2024-03-07"] == ["SWE"]


def test_diff_nato_between_the_seed_dates() -> None:
    _, out, _ = run("diff", "2013-07-02", "2026-01-01", "--framework", "nato", "--format", "json")
    added = {c["actor"] for c in json.loads(out)["changes"] if c["change"] == "added"}
    assert added == {"MNE", "MKD", "FIN", "SWE"}


def test_export_memberships_csv_columns() -> None:
    code, out, _ = run("export", "memberships", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    required = {
        "framework",
        "actor",
        "role",
        "status",
        "start",
        "end",
        "start_precision",
        "end_precision",
        "end_reason",
        "sources",
    }
    assert required <= set(rows[0])
    assert all(row["sources"] for row in rows)
    assert sum(row["framework"] == "nato" for row in rows) == 32


def test_validate_passes_on_the_bundled_data() -> None:
    code, out, _ = run("validate")
    assert code == 0
    assert out.startswith("ok:")


def test_validate_reports_problems_with_exit_1(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset(
        extra_memberships=[
            {
                "framework": "pfp",
                "actor": "CCC",
                "role": "participant",
                "start": "2001",
                "sources": "s1",
            }
        ]
    )
    code, _, err = run("--data", str(folder), "validate")
    assert code == 1
    assert "[no-overlaps]" in err


def test_a_broken_data_file_is_a_clear_error(write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    (folder / "actors.csv").write_text("nonsense\n", encoding="utf-8")
    code, _, err = run("--data", str(folder), "members", "nato")
    assert code == 2
    assert "actors.csv:1: header must be" in err


def test_events_and_sources() -> None:
    _, out, _ = run("events", "--kind", "accession", "--from", "2020", "--format", "json")
    events = json.loads(out)["items"]
    assert [e["start"] for e in events] == ["2020-03-27", "2023-04-04", "2024-03-07"]
    _, out, _ = run("sources", "seed-fr-2013", "--format", "json")
    assert json.loads(out)["items"][0]["published"] == "2013-07-02"
    _, out, _ = run("source", "seed-fr-2013", "--format", "json")
    assert json.loads(out)["cited_by"] and json.loads(out)["published"] == "2013-07-02"
    code, _, err = run("sources", "no-such-source")
    assert code == 2
    assert "no source has the id 'no-such-source'" in err


def test_framework_names_resolve() -> None:
    for name in ("PfP", "Partnership for Peace", "Partenariat pour la paix", "ICI"):
        code, out, _ = run("members", name, "--on", "2013-07-02", "--format", "json")
        assert code == 0, name
        assert json.loads(out)["framework"] in {"pfp", "ici"}


@pytest.mark.parametrize(
    "command",
    [
        "members",
        "actor",
        "frameworks",
        "history",
        "diff",
        "events",
        "sources",
        "export",
        "validate",
    ],
)
def test_help_ends_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example:" in out
    assert "allied " in out.split("Example:")[1]
