"""Integrity: catalogue import is all or nothing, two writers on one version (one 412), and the
audit chain catches an edited, a deleted and a cut-off entry."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from fastapi.testclient import TestClient

from allied.cli import cli
from allied.cooperation import audit, registrations
from allied.cooperation.catalogue import CatalogueRejected, import_catalogue
from allied.cooperation.errors import StaleVersion
from allied.cooperation.principal import SYSTEM
from allied.store.coop_tables import CoopActivityRow, CoopAuditRow
from coop.conftest import World, bearer, new_registration
from store.conftest import url_of

HEADER = "title,area,kind,host,place,start,end,capacity,language,open_to\n"
GOOD = "Course {n},training-education,course,BEL,Brussels,2027-01-0{n},2027-01-0{n},20,en,eapc\n"


def _count(world: World, table: sa.Table) -> int:
    with world.engine.connect() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_import_with_a_bad_row_writes_nothing_and_names_every_bad_line(
    shared_world: World,
) -> None:
    world = shared_world
    activities_table, audit_table = CoopActivityRow.__table__, CoopAuditRow.__table__
    before = (_count(world, activities_table), _count(world, audit_table))
    text = (
        HEADER + GOOD.format(n=1)
        + "Bad area,nowhere,course,BEL,x,2027-01-01,2027-01-01,20,en,eapc\n"
        + GOOD.format(n=2)
        + "Bad dates,interoperability,course,BEL,x,2027-02-05,2027-02-01,20,en,eapc\n"
    )  # fmt: skip
    with pytest.raises(CatalogueRejected) as rejected:
        import_catalogue(world.context, SYSTEM, text)
    assert [p.split(":")[0] for p in rejected.value.problems] == ["line 3", "line 5"]
    assert (_count(world, activities_table), _count(world, audit_table)) == before
    report = import_catalogue(world.context, SYSTEM, HEADER + GOOD.format(n=1) + GOOD.format(n=2))
    assert report.created == 2
    assert _count(world, activities_table) == before[0] + 2
    assert _count(world, audit_table) == before[1] + 2  # one entry per activity


def test_import_cli_reports_every_bad_row_and_exits_2(shared_world: World, tmp_path: Path) -> None:
    world = shared_world
    path = tmp_path / "catalogue.csv"
    path.write_text(HEADER + "x,nowhere,course,BEL,x,2027-01-01,2027-01-01,20,en,eapc\n" * 2)
    before = _count(world, CoopActivityRow.__table__)
    result = CliRunner().invoke(cli, ["coop", "import", str(path), "--db", url_of(world.engine)])
    assert result.exit_code == 2
    assert "line 2:" in result.stderr and "line 3:" in result.stderr
    assert "nothing imported" in result.stderr
    assert _count(world, CoopActivityRow.__table__) == before


def test_two_concurrent_writers_one_wins_one_gets_stale(shared_world: World) -> None:
    world = shared_world
    ident = new_registration(world)
    who = world.users["GEO"]
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def write(count: int) -> None:
        start.wait()
        try:
            registrations.update_registration(
                world.context, who, ident, {"participants": count}, expected_version=1
            )
            outcomes.append("ok")
        except StaleVersion:
            outcomes.append("stale")

    threads = [threading.Thread(target=write, args=(n,)) for n in (4, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "stale"]
    final = registrations.get_registration(world.context, who, ident)
    assert final.version == 2 and final.participants in (4, 5)


def test_a_stale_if_match_gets_412_and_changes_nothing(
    shared_world: World, shared_client: TestClient
) -> None:
    world, client = shared_world, shared_client
    ident = new_registration(world, "JOR")
    path = f"/api/v1/coop/registrations/{ident}"
    headers = bearer(world, "JOR")
    read = client.get(path, headers=headers)
    assert read.headers["etag"] == '"v1"'
    first = client.patch(path, json={"participants": 7}, headers=headers | {"If-Match": '"v1"'})
    second = client.patch(path, json={"participants": 9}, headers=headers | {"If-Match": '"v1"'})
    assert (first.status_code, second.status_code) == (200, 412)
    assert second.json()["error"]["code"] == "stale-version"
    assert client.get(path, headers=headers).json()["participants"] == 7
    missing = client.patch(path, json={"participants": 9}, headers=headers)
    assert missing.status_code == 428


def _tamper(world: World, statement: str) -> None:
    with world.engine.begin() as connection:
        connection.execute(sa.text(statement))


def test_audit_verification_catches_edits_deletions_and_a_cut_tail(world: World) -> None:
    runner = CliRunner()
    url = url_of(world.engine)
    intact = runner.invoke(cli, ["coop", "audit", "verify", "--db", url])
    assert intact.exit_code == 0, intact.output
    assert "audit log intact" in intact.output
    head = runner.invoke(cli, ["coop", "audit", "head", "--db", url]).output.strip()
    _tamper(world, "UPDATE coop_audit SET after = 'null' WHERE id = 12")
    edited = runner.invoke(cli, ["coop", "audit", "verify", "--db", url])
    assert edited.exit_code == 1
    assert "entry 12 was changed after it was written" in edited.stderr
    assert "TAMPERED" in edited.stderr
    _tamper(world, "DELETE FROM coop_audit WHERE id = 5")
    with world.engine.connect() as connection:
        problems = audit.verify(connection).problems
    assert "entry 5 is missing (next entry is 6)" in problems
    assert "entry 6 does not follow the entry before it" in problems
    _tamper(world, "DELETE FROM coop_audit WHERE id = (SELECT MAX(id) FROM coop_audit)")
    cut = runner.invoke(cli, ["coop", "audit", "verify", "--head", head, "--db", url])
    assert cut.exit_code == 1
    assert "no longer in the log" in cut.stderr
