"""`allied users add`, `allied coop demo` and `allied coop export` from the shell."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner
from fastapi.testclient import TestClient

from allied.cli import cli
from allied.store.coop_tables import CoopActivityRow, CoopTokenRow, CoopUserRow
from coop.conftest import World, bearer


def test_users_add_prints_the_token_once_and_stores_its_hash(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'coop.db'}"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["users", "add", "tbilisi@example.org", "--role", "partner", "--nation", "geo",
              "--db", url],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert token.startswith("allied_") and len(token) > 40
    assert "partner GEO" in result.output
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(sa.select(CoopTokenRow.__table__.c.token_hash)).scalar_one()
        user = connection.execute(sa.select(CoopUserRow.__table__)).one()
    engine.dispose()
    assert token not in stored and len(stored) == 64
    assert (user.role, user.nation) == ("partner", "GEO")
    again = runner.invoke(cli, ["users", "add", "tbilisi@example.org", "--role", "staff",
                                "--db", url])  # fmt: skip
    assert again.exit_code == 2 and "already exists" in again.stderr
    nationless = runner.invoke(cli, ["users", "add", "x@example.org", "--role", "ally",
                                     "--db", url])  # fmt: skip
    assert nationless.exit_code == 2 and "needs --nation" in nationless.stderr
    unknown = runner.invoke(cli, ["users", "add", "y@example.org", "--role", "partner",
                                  "--nation", "XXX", "--db", url])  # fmt: skip
    assert unknown.exit_code == 2 and "unknown nation" in unknown.stderr


def test_demo_is_synthetic_on_real_partners_and_exports_a_calendar(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'coop.db'}"
    runner = CliRunner()
    built = runner.invoke(cli, ["coop", "demo", "--db", url, "--scale", "small"])
    assert built.exit_code == 0, built.output
    assert "synthetic small demo world" in built.output and "staff@demo.invalid" in built.output
    engine = sa.create_engine(url)
    table = CoopActivityRow.__table__
    with engine.connect() as connection:
        flags = set(connection.execute(sa.select(table.c.synthetic)).scalars())
        titles = connection.execute(sa.select(table.c.title)).scalars().all()
        nations = set(
            connection.execute(sa.text("SELECT DISTINCT nation FROM coop_registrations")).scalars()
        )
        # Finland and Sweden were partners until they joined the Alliance, never after.
        late = connection.execute(
            sa.text(
                "SELECT COUNT(*) FROM coop_registrations r JOIN coop_activities a"
                " ON a.id = r.activity_id WHERE (r.nation = 'FIN' AND a.start >= '2023-04-04')"
                " OR (r.nation = 'SWE' AND a.start >= '2024-03-07')"
            )
        ).scalar_one()
    engine.dispose()
    assert flags == {True} and all(t.startswith("[synthetic]") for t in titles)
    assert len(titles) == 240
    assert {"GEO", "JOR", "UKR"} <= nations and not {"BEL", "USA"} & nations
    assert late == 0
    assert runner.invoke(cli, ["coop", "demo", "--db", url]).exit_code == 2
    kept = runner.invoke(cli, ["coop", "demo", "--db", url, "--if-absent"])
    assert kept.exit_code == 0 and "already" in kept.output
    path = tmp_path / "georgia.ics"
    ics = runner.invoke(cli, ["coop", "export", "--nation", "GEO", "-o", str(path), "--db", url])
    assert ics.exit_code == 0
    lines = path.read_bytes().decode("utf-8").split("\r\n")  # RFC 5545: CRLF
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") > 10
    csv = runner.invoke(cli, ["coop", "export", "--nation", "GEO", "--format", "csv", "--db", url])
    assert csv.output.splitlines()[0].endswith(",participants")
    assert runner.invoke(cli, ["coop", "export", "--nation", "NOPE", "--db", url]).exit_code == 2


def test_calendar_export_is_the_same_from_the_cli_and_the_api(
    shared_world: World, shared_client: TestClient
) -> None:
    from store.conftest import url_of

    cli_csv = CliRunner().invoke(
        cli, ["coop", "export", "--nation", "GEO", "--format", "csv", "--db",
              url_of(shared_world.engine)],
    )  # fmt: skip
    api_csv = shared_client.get(
        "/api/v1/coop/calendar/GEO?format=csv", headers=bearer(shared_world, "staff")
    )
    assert cli_csv.exit_code == 0 and api_csv.status_code == 200
    assert cli_csv.output == api_csv.text
    assert "SECRET" not in api_csv.text and api_csv.text.count("\n") >= 3
