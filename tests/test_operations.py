"""Operations and contributions: the index, derived standing, validation, CLI and API."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import allied
from allied.cli import cli
from allied.questions.operations import contributions, contributors, operation
from allied.validation import validate

TOTAL = {"operation": "op1", "as_of": "2004-03", "listing": "complete", "sources": "s1"}
SNAP = {"operation": "op1", "as_of": "2004-03", "role": "troops", "sources": "s1"}


def test_contributors_carry_their_standing_on_the_date(mini: allied.Registry) -> None:
    answer = contributors(mini, "OP1", on="2004-03-15")
    rows = {(row.actor, row.role): row for row in answer.contributors}
    assert answer.as_of == allied.PartialDate.parse("2004-03") and answer.stated_personnel == 160
    assert rows[("AAA", "troops")].standing == "ally"
    assert rows[("BBB", "troops")].standing == "pfp" and rows[("BBB", "troops")].partner
    assert rows[("CCC", "aircraft")].period is not None  # a contribution over a period
    assert rows[("AAA", "lead-nation")].personnel is None
    only = contributors(mini, "op1", on="2004-03-15", partners_only=True)
    assert {row.actor for row in only.contributors} == {"BBB", "CCC"}


def test_a_year_bound_contribution_is_uncertain_at_its_edge(mini: allied.Registry) -> None:
    early = {row.actor: row for row in contributors(mini, "op1", on="2000-06-01").contributors}
    assert early["CCC"].uncertain  # "2000" could be any day of the year
    later = {(r.actor, r.role) for r in contributors(mini, "op1", on="2006").contributors}
    assert ("CCC", "aircraft") not in later and ("CCC", "troops") in later  # from the snapshot


def test_a_date_outside_the_operation_is_refused(mini: allied.Registry) -> None:
    with pytest.raises(allied.OutsideLifetime):
        contributors(mini, "op1", on="1998")
    with pytest.raises(allied.UnknownOperation):
        mini.operation("Operation Nowhere")


def test_operation_sizes_and_exports(mini: allied.Registry) -> None:
    answer = operation(mini, "First Force")
    (size,) = answer.sizes
    assert (size.contributors, size.personnel, size.stated_personnel) == (3, 160, 160)
    parts = contributions(mini, actor="CCC").items
    assert {(p.role, p.as_of is None) for p in parts} == {("aircraft", True), ("troops", False)}


def test_a_listed_actor_with_a_contribution_in_the_same_role_is_one_row(write_dataset) -> None:  # type: ignore[no-untyped-def]
    serving = {"operation": "op1", "actor": "BBB", "role": "troops", "start": "2003",
               "sources": "s2"}  # fmt: skip
    registry = allied.load(write_dataset(extra_contributions=[serving]))
    rows = [
        r for r in contributors(registry, "op1", on="2004-03-15").contributors if r.actor == "BBB"
    ]
    assert len(rows) == 1
    assert (rows[0].personnel, rows[0].period is not None, rows[0].sources) == (
        "50",
        True,
        ("s1", "s2"),
    )


def test_a_stated_total_without_a_list_is_a_size(write_dataset) -> None:  # type: ignore[no-untyped-def]
    later = {**TOTAL, "as_of": "2006", "personnel": "300", "nations": "", "listing": "partial"}
    registry = allied.load(write_dataset(extra_snapshot_totals=[later]))
    sizes = {str(size.as_of): size for size in operation(registry, "op1").sizes}
    assert list(sizes) == ["2004-03", "2006"]
    assert (sizes["2006"].contributors, sizes["2006"].stated_personnel) == (None, 300)
    # contributors on a later day still read the latest list, not the bare total
    assert contributors(registry, "op1", on="2006-06-01").as_of == allied.PartialDate.parse(
        "2004-03"
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"extra_contributions": [{"operation": "op1", "actor": "DDD", "role": "troops",
                                   "start": "1990", "end": "1995", "sources": "s1"}]},
         "within-lifetime"),
        ({"extra_snapshots": [{**SNAP, "as_of": "1990", "actor": "DDD", "personnel": "5"}]},
         "within-lifetime"),
        ({"snapshot_totals": [{**TOTAL, "personnel": "999", "nations": "3"}]}, "totals"),
        ({"snapshot_totals": [{**TOTAL, "personnel": "160", "nations": "4"}]}, "totals"),
        ({"snapshot_totals": [{**TOTAL, "personnel": "170", "nations": "4",
                               "unnamed_nations": "1", "unnamed_personnel": "9"}]}, "totals"),
        ({"snapshot_totals": [{**TOTAL, "personnel": "170", "nations": "5",
                               "unnamed_nations": "1", "unnamed_personnel": "10"}]}, "totals"),
    ],
)  # fmt: skip
def test_validate_catches_operation_breaches(write_dataset, changes, problem) -> None:  # type: ignore[no-untyped-def]
    assert problem in {p.check for p in validate(allied.load(write_dataset(**changes)))}


def test_figures_printed_without_a_name_count_towards_the_total(write_dataset) -> None:  # type: ignore[no-untyped-def]
    unnamed = {**TOTAL, "personnel": "170", "nations": "4", "unnamed_nations": "1",
               "unnamed_personnel": "10"}  # fmt: skip
    registry = allied.load(write_dataset(snapshot_totals=[unnamed]))
    assert validate(registry) == []
    size = operation(registry, "op1").sizes[0]
    assert (size.contributors, size.personnel, size.stated_personnel) == (4, 170, 170)
    answer = contributors(registry, "op1", on="2004-03-15")
    assert (answer.unnamed_nations, answer.unnamed_personnel) == (1, 10)


def test_a_partial_or_explained_total_is_not_flagged(write_dataset) -> None:  # type: ignore[no-untyped-def]
    partial = {**TOTAL, "personnel": "999", "nations": "9", "listing": "partial"}
    assert validate(allied.load(write_dataset(snapshot_totals=[partial]))) == []
    conflict = {"subject": "snapshot_totals:op1/2004-03", "claim": "c", "sources": "s1",
                "resolution": "r"}  # fmt: skip
    wrong = {**TOTAL, "personnel": "999", "nations": "3"}
    folder = write_dataset(snapshot_totals=[wrong], conflicts=[conflict])
    assert validate(allied.load(folder)) == []


def test_kfor_in_february_2017(registry: allied.Registry) -> None:
    answer = contributors(registry, "kfor", on="2017-02-15")
    partners = {row.actor for row in answer.contributors if row.partner}
    assert partners == {"ARM", "AUT", "FIN", "IRL", "MDA", "SWE", "CHE", "UKR"}
    assert (answer.stated_personnel, answer.stated_nations) == (4273, 30)
    # the only copy of the placemat prints four figures without their names
    unnamed = (answer.unnamed_nations, answer.unnamed_personnel)
    assert (*unnamed, answer.listing) == (4, 1231, "complete")


def test_cli_kfor_in_february_2017_keeps_the_unnamed_figures_apart() -> None:
    result = CliRunner().invoke(cli, ["operations", "contributors", "kfor", "--on", "2017-02-15",
                                      "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    rows = answer["contributors"]
    # The only copy of the placemat prints 252, 303, 1 and 675 without names: 4,273 in all.
    named = sum(int(row["personnel"]) for row in rows)
    assert named == 4273 - (252 + 303 + 1 + 675)
    assert named + answer["unnamed_personnel"] == answer["stated_personnel"] == 4273
    assert len(rows) + answer["unnamed_nations"] == answer["stated_nations"] == 30
    allies = {row["actor"] for row in rows if row["standing"] == "ally"}
    partners = {row["actor"] for row in rows if row["partner"]}
    assert len(allies) == 18 and len(partners) == answer["partners"] == 8
    assert not allies & partners and all(row["standing"] == "pfp" for row in rows if row["partner"])


def test_cli_contributors_and_bad_input() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["operations", "contributors", "kfor", "--on", "2017-02-15",
                                 "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)["contributors"][0]
    assert {"actor", "role", "personnel", "as_of", "start", "end", "standing", "sources"} <= set(
        first
    )
    for args in (["operations", "show", "atlantis"], ["operations", "contributors", "kfor",
                                                       "--on", "1990"]):  # fmt: skip
        failed = runner.invoke(cli, args)
        assert failed.exit_code == 2 and failed.stderr.count("\n") == 1, failed.output


def test_export_has_the_promised_columns() -> None:
    result = CliRunner().invoke(cli, ["operations", "export", "--operation", "kfor"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    wanted = {"operation", "actor", "role", "start", "end", "as_of", "personnel", "sources"}
    assert rows and wanted <= set(rows[0]) and {row["operation"] for row in rows} == {"kfor"}


def test_api_operations(client: TestClient) -> None:
    listed = client.get("/api/v1/operations?all=true").json()
    assert {"kfor", "isaf", "resolute-support", "unified-protector"} <= {
        op["slug"] for op in listed["items"]
    }
    kfor = client.get("/api/v1/operations/KFOR").json()
    assert kfor["slug"] == "kfor" and kfor["start"] == "1999-06-12"
    assert client.get("/api/v1/operations/atlantis").status_code == 404
    assert client.get("/api/v1/operations/kfor/contributors?on=1990").status_code == 422


def test_an_actor_profile_lists_its_operations(registry: allied.Registry) -> None:
    from allied.questions.actors import actor

    parts = {(p.operation, p.role) for p in actor(registry, "Sweden").operations}
    assert {("unified-protector", "aircraft"), ("kfor", "troops")} <= parts


@pytest.mark.parametrize("slug", ["kfor", "isaf", "unified-protector", "baltic-air-policing"])
def test_the_timeline_answers_like_a_scan(slug: str) -> None:
    import datetime as dt

    from allied.operations import OperationIndex
    from allied.period import PartialDate

    index = OperationIndex(allied.load())
    op = index.operation(slug)
    days = sorted(index._change_days(slug))
    last = op.period.end.first if op.period.end else dt.date(2026, 11, 30)
    probes = {d for day in days for d in (day - dt.timedelta(days=1), day)}
    probes = {d for d in probes if op.period.start.last <= d < last}
    index.contributors(slug, on=PartialDate.from_date(min(probes)))  # the first ask scans
    for day in sorted(probes)[:: max(1, len(probes) // 150)]:
        when = PartialDate.from_date(day)
        assert index.contributors(slug, on=when) == index._compute(slug, when), day


def test_partner_contributions_across_operations(registry: allied.Registry) -> None:
    from allied.questions.operations import partner_parts

    parts = partner_parts(registry, on="2011-06-01").parts
    assert {(p.operation, p.contributor.actor) for p in parts} >= {
        ("isaf", "SWE"),
        ("unified-protector", "SWE"),
        ("unified-protector", "QAT"),
    }
    assert all(p.contributor.partner for p in parts)
