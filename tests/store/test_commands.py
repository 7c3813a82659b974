"""`allied db upgrade | sync | url`: one-line summaries, exit 2 with one line on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from allied.cli import cli
from allied.store.engine import URL_VARIABLE
from allied.store.schema import head_revision

from .conftest import url_of


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_upgrade_reports_the_revision(empty_db: Engine) -> None:
    code, out, _ = run("db", "upgrade", "--db", url_of(empty_db))
    assert code == 0
    assert out.strip().endswith(f"schema at revision {head_revision()}")


def test_sync_upgrades_then_syncs_and_is_idempotent(empty_db: Engine) -> None:
    code, out, _ = run("db", "sync", "--db", url_of(empty_db))
    assert code == 0
    assert len(out.splitlines()) == 1
    assert "0 updated, 0 deleted, 0 unchanged" in out
    code, out, _ = run("db", "sync", "--db", url_of(empty_db))
    assert code == 0
    assert "synced " in out and ": 0 inserted, 0 updated, 0 deleted, " in out


def test_sync_takes_the_data_option(empty_db: Engine, write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    code, out, _ = run("--data", str(folder), "db", "sync", "--db", url_of(empty_db))
    assert code == 0
    assert out.strip().endswith("inserted, 0 updated, 0 deleted, 0 unchanged")


def test_an_invalid_dataset_is_refused(tmp_path: Path, write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset(
        extra_memberships=[
            {
                "framework": "nato",
                "actor": "ZZZ",
                "role": "member",
                "start": "2000",
                "sources": "s1",
            }
        ]
    )
    target = tmp_path / "refused.db"
    code, _, err = run("--data", str(folder), "db", "sync", "--db", f"sqlite:///{target}")
    assert code == 2
    assert "memberships.csv:7: actor: unknown actor 'ZZZ'" in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    assert run("db", "url")[1].strip() == f"sqlite:///{tmp_path}/allied/allied.db"
    monkeypatch.setenv(URL_VARIABLE, "postgresql://me:secret@db.example/allied")
    assert run("db", "url")[1].strip() == "postgresql+psycopg://me:***@db.example/allied"
    assert run("db", "url", "--db", "sqlite:///x.db")[1].strip() == "sqlite:///x.db"
    monkeypatch.setenv(URL_VARIABLE, "")
    code, out, err = run("db", "sync")
    assert (code, out) == (2, "")
    assert err.strip().endswith(
        ": ALLIED_DATABASE_URL is empty: set it to sqlite:///PATH or "
        "postgresql://USER@HOST/DB, or unset it for the default SQLite file"
    )
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "allied").exists()


@pytest.mark.parametrize(
    ("command", "url", "message"),
    [
        ("url", "not a url", "is not a database URL"),
        ("upgrade", "oracle://scott@host/db", "unsupported database 'oracle'"),
        ("sync", "postgresql://postgres@127.0.0.1:1/none", "127.0.0.1:1/none: connection"),
        ("sync", "sqlite:////no/such/dir/allied.db", "unable to open database file"),
        ("sync", "", "the database URL is empty"),
        ("url", "", "the database URL is empty"),
    ],
)
def test_bad_urls_exit_2_with_one_line(command: str, url: str, message: str) -> None:
    code, out, err = run("db", command, "--db", url)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("module", "loaded"),
    [("allied.cli", "[]"), ("allied.store.schema", "['alembic', 'sqlalchemy']")],
)
def test_plain_queries_do_not_import_the_database_libraries(module: str, loaded: str) -> None:
    program = (
        f"import sys, {module}; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == loaded
