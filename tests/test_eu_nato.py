"""EU-NATO documents and common proposals, on the MINI dataset, through the CLI and the API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import allied
from allied.cli import cli
from allied.errors import InvalidQuery
from allied.questions.eu_nato import eu_nato_documents, proposals
from conftest import DatasetWriter


def test_documents_are_listed_by_date(mini: allied.Registry) -> None:
    assert [d.id for d in eu_nato_documents(mini).items] == ["jd-2016", "set-2016", "report-2017"]


def test_proposals_by_area_with_the_reports_that_mention_them(mini: allied.Registry) -> None:
    every = proposals(mini)
    assert every.areas == ("Countering hybrid threats", "Cyber security and defence")
    (hybrid,) = proposals(mini, area="HYBRID").items
    assert (hybrid.id, hybrid.number, hybrid.reports) == ("2016-12-01", 1, ("report-2017",))
    with pytest.raises(InvalidQuery, match="no proposal area matches 'space'"):
        proposals(mini, area="space")


def test_cli_and_api_give_the_same_proposals(write_dataset: DatasetWriter) -> None:
    from allied.web.app import create_app

    folder = write_dataset()
    with TestClient(create_app(data_dir=str(folder))) as client:
        for fmt in ("json", "csv"):
            result = CliRunner().invoke(
                cli, ["--data", str(folder), "eu-nato", "proposals", "--area", "cyber",
                      "--format", fmt]
            )  # fmt: skip
            reply = client.get(f"/api/v1/eu-nato/proposals?area=cyber&format={fmt}")
            assert result.exit_code == 0 and reply.status_code == 200
            if fmt == "json":
                assert json.loads(result.stdout) == reply.json()
                assert reply.json()["total"] == 1
            else:
                assert result.stdout == reply.text
        bad = CliRunner().invoke(
            cli, ["--data", str(folder), "eu-nato", "proposals", "--area", "x"]
        )
        assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
        html = client.get("/eu-nato?area=Cyber security and defence").text
        assert "set-2016 no. 2" in html
