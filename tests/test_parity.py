"""One answer per question: the CLI and the API give the same JSON and the same CSV.

Each pair asks one question both ways — `allied … --format json|csv` and
`GET /api/v1/…?format=json|csv` — and the answers must be identical: the same
JSON document, byte-for-byte the same CSV.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from allied.cli import cli

CHECKED_TEXT = "NATO now has 30 members. The Partnership for Peace was launched in 1994."

#: (CLI arguments, API path and query) asking the same question.
QUESTIONS: list[tuple[list[str], str, dict[str, str | list[str]]]] = [
    (["members", "nato", "--on", "2004-03-29"], "/frameworks/nato/members", {"on": "2004-03-29"}),
    (["members", "pfp", "--on", "1997", "--role", "all"], "/frameworks/pfp/members",
     {"on": "1997", "role": ["all"]}),
    (["members", "md", "--role", "partner"], "/frameworks/md/members", {"role": ["partner"]}),
    (["actor", "FYROM", "--on", "2010"], "/actors/FYROM", {"on": "2010"}),
    (["frameworks", "--on", "1995"], "/frameworks", {"on": "1995"}),
    (["frameworks", "--all"], "/frameworks", {"all": "true"}),
    (["history", "nato"], "/history/nato", {}),
    (["diff", "2013-07-02", "2026-01-01", "--framework", "nato"], "/diff",
     {"from": "2013-07-02", "to": "2026-01-01", "framework": "nato"}),
    (["events", "--kind", "summit", "--from", "2000", "--limit", "5", "--offset", "2"], "/events",
     {"kind": "summit", "from": "2000", "limit": "5", "offset": "2"}),
    (["sources", "--limit", "20"], "/sources", {"limit": "20"}),
    (["sources", "seed-fr-2013", "seed-be-2021"], "/sources",
     {"id": ["seed-fr-2013", "seed-be-2021"]}),
    (["source", "north-atlantic-treaty-1949"], "/sources/north-atlantic-treaty-1949", {}),
    (["search", "Macedonia"], "/search", {"q": "Macedonia"}),
    (["relations", "--on", "1999-03-12"], "/relations", {"on": "1999-03-12"}),
    (["operations", "--on", "2004-03-29"], "/operations", {"on": "2004-03-29"}),
    (["operations", "show", "kfor"], "/operations/kfor", {}),
    (["operations", "contributors", "kfor", "--on", "2017-02-15", "--partners-only"],
     "/operations/kfor/contributors", {"on": "2017-02-15", "partners_only": "true"}),
    (["operations", "export", "--operation", "unified-protector"], "/contributions",
     {"operation": "unified-protector"}),
    (["operations", "partners", "--on", "2011-06-01"], "/partner-contributions",
     {"on": "2011-06-01"}),
    (["accession"], "/accession", {}),
    (["accession", "show", "Sweden"], "/accession/Sweden", {}),
    (["accession", "pending", "SWE", "--on", "2023-06-01"], "/accession/SWE/pending",
     {"on": "2023-06-01"}),
    (["accession", "ratifications", "--candidate", "FIN"], "/accession/ratifications",
     {"candidate": "FIN"}),
    (["dialogue"], "/dialogue", {}),
    (["dialogue", "nac-eapc", "--on", "1997-05-30"], "/dialogue/nac-eapc", {"on": "1997-05-30"}),
    (["spending", "--release", "2025-09-01", "--year", "2024"], "/spending",
     {"release": "2025-09-01", "year": "2024"}),
    (["spending", "--ally", "POL", "--measure", "equipment_share"], "/spending",
     {"ally": "POL", "measure": "equipment_share"}),
    (["spending", "guidelines", "--release", "2024-06-30"], "/spending/guidelines",
     {"release": "2024-06-30"}),
    (["spending", "revisions", "POL", "2024"], "/spending/revisions/POL/2024", {}),
    (["spending", "ally", "ESP", "--release", "2025-09-01"], "/spending/allies/ESP",
     {"release": "2025-09-01"}),
    (["spending", "releases"], "/spending/releases", {}),
    (["eu-nato"], "/eu-nato", {}),
    (["export", "panel", "--from", "2003", "--to", "2005", "--framework", "nato"], "/panel",
     {"from": "2003", "to": "2005", "framework": ["nato"]}),
    (["export", "panel", "--wide", "--from", "1989", "--to", "1991", "--framework", "nato",
      "--framework", "nacc"], "/panel/wide",
     {"from": "1989", "to": "1991", "framework": ["nato", "nacc"]}),
    (["export", "panel", "--wide", "--from", "1997", "--to", "1997", "--coding", "text",
      "--rule", "dec31"], "/panel/wide",
     {"from": "1997", "to": "1997", "coding": "text", "rule": "dec31"}),
    (["export", "memberships"], "/memberships/segments", {}),
    (["cite", "panel", "--on", "2014-12-31"], "/cite", {"work": "panel", "on": "2014-12-31"}),
]  # fmt: skip


def run_cli(args: list[str], fmt: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, [*args, "--format", fmt], input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_shared_question_is_paired() -> None:
    from allied.cli import COMMANDS

    asked = {args[0] for args, _, _ in QUESTIONS} | {"check"}
    queries = {name for name, where in COMMANDS.items() if where.startswith("allied.cli.queries:")}
    assert len(queries) == 10
    assert queries <= asked


@pytest.mark.parametrize(("args", "path", "query"), QUESTIONS, ids=lambda v: str(v)[:40])
def test_cli_and_api_answer_alike(
    client: TestClient, args: list[str], path: str, query: dict[str, str | list[str]]
) -> None:
    for fmt in ("json", "csv"):
        url = f"/api/v1{path}?{urlencode({**query, 'format': fmt}, doseq=True)}"
        reply = client.get(url)
        assert reply.status_code == 200, reply.text
        printed = run_cli(args, fmt)
        if fmt == "json":
            assert json.loads(printed) == reply.json()
        else:
            assert printed == reply.text
            assert printed.count("\n") >= 2  # a header and at least one row


def test_check_answers_alike(client: TestClient) -> None:
    for fmt in ("json", "csv"):
        reply = client.post(
            f"/api/v1/check?format={fmt}", json={"text": CHECKED_TEXT, "as_of": "2021-07-01"}
        )
        assert reply.status_code == 200, reply.text
        printed = run_cli(["check", "-", "--as-of", "2021-07-01"], fmt, stdin=CHECKED_TEXT)
        if fmt == "json":
            assert json.loads(printed) == reply.json()
            assert len(reply.json()["claims"]) >= 2
        else:
            assert printed == reply.text


def test_every_json_answer_and_response_carries_the_data_version(client: TestClient) -> None:
    from allied.version import DATA_VERSION

    for args, path, query in QUESTIONS:
        reply = client.get(f"/api/v1{path}?{urlencode(query, doseq=True)}")
        assert reply.headers["x-allied-data-version"] == DATA_VERSION, path
        assert reply.json()["data_version"] == DATA_VERSION, path
        assert json.loads(run_cli(args, "json"))["data_version"] == DATA_VERSION, args
    assert client.get("/").headers["x-allied-data-version"] == DATA_VERSION
    assert client.get("/api/v1/nowhere").headers["x-allied-data-version"] == DATA_VERSION
    assert DATA_VERSION in CliRunner().invoke(cli, ["--version"]).stdout


def test_citations_alike(client: TestClient) -> None:
    for style in ("bibtex", "csl"):
        printed = CliRunner().invoke(cli, ["cite", "/actors/DEU", "--on", "1989", "--style", style])
        reply = client.get(f"/api/v1/cite?work=/actors/DEU&on=1989&style={style}")
        assert reply.status_code == 200 and printed.exit_code == 0
        if style == "csl":
            assert json.loads(printed.stdout) == reply.json()
            assert reply.json()[0]["version"] == reply.headers["x-allied-data-version"]
        else:
            assert printed.stdout == reply.text
            assert "as of 1989" in reply.text and "2026.12" in reply.text


def test_errors_are_alike(client: TestClient) -> None:
    result = CliRunner().invoke(cli, ["members", "nato", "--on", "9999-12-31"])
    reply = client.get("/api/v1/frameworks/nato/members?on=9999-12-31")
    assert result.exit_code == 2 and reply.status_code == 422
    assert reply.json()["error"]["message"] in result.stderr
