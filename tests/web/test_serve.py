"""`allied serve`: --get parity with the CLI, and no web import on plain queries."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from allied.cli import cli


def test_get_prints_what_the_cli_answers() -> None:
    runner = CliRunner()
    path = "/api/v1/frameworks/nato/members?on=2004-03-29"
    served = runner.invoke(cli, ["serve", "--get", path])
    assert served.exit_code == 0, served.output
    direct = runner.invoke(cli, ["members", "nato", "--on", "2004-03-29", "--format", "json"])
    assert json.loads(served.stdout) == json.loads(direct.stdout)


def test_get_an_error_prints_the_body_and_exits_1() -> None:
    served = CliRunner().invoke(cli, ["serve", "--get", "/api/v1/actors/Atlantis"])
    assert served.exit_code == 1
    assert json.loads(served.stdout)["error"]["code"] == "unknown-actor"


def test_serve_the_facts_of_a_synced_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'allied.db'}"
    path = "/api/v1/frameworks/ici/members?on=2013-07-02"
    empty = runner.invoke(cli, ["serve", "--db", url, "--get", path])
    assert empty.exit_code == 2
    assert "run `allied db sync` first" in empty.stderr
    assert runner.invoke(cli, ["db", "sync", "--db", url]).exit_code == 0
    from_db = runner.invoke(cli, ["serve", "--db", url, "--get", path])
    bundled = runner.invoke(cli, ["serve", "--get", path])
    assert from_db.exit_code == 0, from_db.output
    assert json.loads(from_db.stdout) == json.loads(bundled.stdout)
    assert json.loads(from_db.stdout)["count"] == 4


def test_get_a_page_and_csv() -> None:
    runner = CliRunner()
    page = runner.invoke(cli, ["serve", "--get", "/actors/CZE"])
    assert page.exit_code == 0 and "<h1>Czechia" in page.stdout
    table = runner.invoke(cli, ["serve", "--get", "/api/v1/history/nato?format=csv"])
    assert table.stdout.startswith("date,change,actor,name,role,reason,sources")


def test_plain_queries_do_not_import_the_web_stack() -> None:
    code = (
        "import sys; from allied.cli import main; sys.argv=['allied','members','nato',"
        "'--format','json']\ntry:\n main()\nexcept SystemExit: pass\n"
        "heavy=[m for m in ('fastapi','uvicorn','jinja2','starlette') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in done.stderr
