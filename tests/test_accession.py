"""Accession cases Ally by Ally: parties derived, pending on a date, validation, CLI and API."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import allied
from allied.cli import cli
from allied.questions.accession import accession_case, accession_cases, pending
from allied.validation import validate
from conftest import MINI

STEP = {"candidate": "BBB", "ally": "AAA", "sources": "s1"}


def test_the_parties_are_the_allies_on_the_protocols_day(mini: allied.Registry) -> None:
    case = accession_case(mini, "Bland")
    assert case.parties == ("AAA",) and str(case.protocol_signed) == "2003-03-26"
    assert str(case.deposited) == "2004-03-29"
    assert {(s.ally, s.milestone) for s in case.ratifications} == {
        ("AAA", "deposit"),
        ("AAA", "parliament"),
    }


def test_pending_on_a_date(mini: allied.Registry) -> None:
    assert [p.actor for p in pending(mini, "BBB", on="2003-05-01").pending] == ["AAA"]
    month = pending(mini, "BBB", on="2003-06-15")  # the approval is known only to the month
    assert [p.actor for p in month.uncertain] == ["AAA"] and not month.pending
    assert [p.actor for p in pending(mini, "BBB", on="2003-07-01").done] == ["AAA"]
    with pytest.raises(allied.OutsideLifetime):
        pending(mini, "BBB", on="2003-01-01")


def test_a_step_the_procedure_lacks_is_not_applicable(mini: allied.Registry) -> None:
    signature = pending(mini, "BBB", on="2003-07-01", milestone="signature")
    assert [p.actor for p in signature.not_applicable] == ["AAA"]
    assert signature.pending == signature.done == signature.uncertain == ()
    assert pending(mini, "BBB", on="2003-07-01").not_applicable == ()  # parliament applies
    case = accession_case(mini, "BBB")
    assert [(n.ally, n.milestone, n.sources) for n in case.not_applicable] == [
        ("AAA", "signature", ("s1",))
    ]
    assert mini.accession_index.expected(mini.accession_index.case("BBB"), "signature") == []


def test_a_procedure_holds_only_over_its_span(write_dataset) -> None:  # type: ignore[no-untyped-def]
    later = {"ally": "AAA", "milestone": "signature", "applies": "false", "since": "2004",
             "sources": "s1"}  # fmt: skip
    registry = allied.load(write_dataset(procedures=[later]))
    index = registry.accession_index
    assert index.expected(index.case("BBB"), "signature") == ["AAA"]  # not yet on 2003-03-26
    with pytest.raises(allied.NotRecorded):  # so AAA's signature is missing, not inapplicable
        pending(registry, "BBB", on="2003-07-01", milestone="signature")


def test_validate_catches_overlapping_procedures(write_dataset) -> None:  # type: ignore[no-untyped-def]
    since_2002 = {"ally": "AAA", "milestone": "signature", "applies": "true", "since": "2002",
                  "sources": "s1"}  # fmt: skip
    problems = [str(p) for p in validate(allied.load(write_dataset(extra_procedures=[since_2002])))]
    assert problems == [
        "[procedures] procedures:AAA/signature: the row until now overlaps the row since 2002"
    ]
    ended = {**MINI["procedures"][0], "until": "2002"}
    assert validate(allied.load(write_dataset(procedures=[ended, since_2002]))) == []


def test_the_cli_says_which_steps_do_not_apply(write_dataset) -> None:  # type: ignore[no-untyped-def]
    data = ["--data", str(write_dataset())]
    runner = CliRunner()
    ask = ["accession", "pending", "BBB", "--on", "2003-07-01", "--milestone", "signature",
           "--format", "table"]  # fmt: skip
    result = runner.invoke(cli, [*data, *ask])
    assert result.exit_code == 0, result.output
    assert "not applicable (no such step): AAA" in " ".join(result.output.split())
    shown = runner.invoke(cli, [*data, "accession", "show", "BBB", "--format", "json"])
    assert json.loads(shown.stdout)["not_applicable"][0]["ally"] == "AAA"


@pytest.mark.parametrize(
    "step",
    [
        {**STEP, "milestone": "signature", "date": "2003-08"},  # AAA's procedure has no such step
        {**STEP, "milestone": "signature", "date": "2002-01-01"},  # before the protocol
        {**STEP, "milestone": "signature", "date": "2005-01-01"},  # after the accession
        {**STEP, "ally": "CCC", "milestone": "signature", "date": "2003-08"},  # not an Ally then
    ],
)
def test_validate_catches_misplaced_steps(write_dataset, step) -> None:  # type: ignore[no-untyped-def]
    found = {p.check for p in validate(allied.load(write_dataset(extra_ratifications=[step])))}
    assert "ratifications" in found


def test_validate_names_the_procedure_a_stored_step_contradicts(write_dataset) -> None:  # type: ignore[no-untyped-def]
    step = {**STEP, "milestone": "signature", "date": "2003-08"}
    problems = [str(p) for p in validate(allied.load(write_dataset(extra_ratifications=[step])))]
    assert problems == [
        "[ratifications] ratifications:BBB/AAA/signature 2003-08: AAA's procedure has no "
        "signature step (procedures.csv)"
    ]
    assert validate(allied.load(write_dataset(procedures=[], extra_ratifications=[step]))) == []


def test_sweden_in_2023_and_2024(registry: allied.Registry) -> None:
    assert [p.actor for p in pending(registry, "SWE", on="2023-06-01").pending] == ["HUN", "TUR"]
    assert [p.actor for p in pending(registry, "SWE", on="2024-02-01").pending] == ["HUN"]
    assert pending(registry, "SWE", on="2024-03-08").pending == ()
    sweden = next(r for r in accession_cases(registry).items if r.candidate == "SWE")
    assert (sweden.days, sweden.last_to_ratify) == (611, "HUN")


def test_an_old_round_has_its_protocol_and_entry_but_no_steps(registry: allied.Registry) -> None:
    case = accession_case(registry, "Spain")
    assert (str(case.protocol_signed), str(case.deposited)) == ("1981-12-10", "1982-05-30")
    with pytest.raises(allied.NotRecorded):
        pending(registry, "ESP", on="1982-01-01")


def test_cli_and_api(client: TestClient) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["accession", "ratifications", "--candidate", "SWE"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"candidate", "ally", "milestone", "date", "sources"} <= set(rows[0])
    assert {row["milestone"] for row in rows} <= {"parliament", "signature", "deposit"}
    failed = runner.invoke(cli, ["accession", "pending", "SWE", "--on", "2021-01-01"])
    assert failed.exit_code == 2 and "before it" in failed.stderr
    shown = client.get("/api/v1/accession/SWE").json()
    assert {"invited", "protocol_signed", "deposited", "ratifications"} <= set(shown)
    assert {"ally", "milestone", "date", "date_precision", "sources"} <= set(
        shown["ratifications"][0]
    )
    later = client.get("/api/v1/accession/SWE/pending?on=2024-02-01").json()
    assert [p["actor"] for p in later["pending"]] == ["HUN"]
    assert client.get("/api/v1/accession/ZZZ").status_code == 404


def test_who_may_sit_at_a_table(registry: allied.Registry) -> None:
    from allied.questions.dialogue import dialogue

    nrc = dialogue(registry, "nrc", on="2015-01-01")
    russia = next(seat for seat in nrc.seats if seat.actor == "RUS")
    assert (nrc.count, russia.status) == (29, "suspended")
    sintra = dialogue(registry, "nac-eapc", on="1997-05-30")  # the successor holds that day
    assert sintra.count == 44 and sum(seat.ally for seat in sintra.seats) == 16
    with pytest.raises(allied.OutsideLifetime):
        dialogue(registry, "nac-nacc", on="1998")
    with pytest.raises(allied.UnknownFramework):
        dialogue(registry, "g7")
