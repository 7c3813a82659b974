"""Database fixtures: every store test runs on SQLite and, when configured, on PostgreSQL.

`ALLIED_TEST_DATABASE_URL` names a PostgreSQL server (`.ci/run` sets it); each
test gets a schema of its own there, dropped afterwards, so runs never collide.
Without it the PostgreSQL variants are reported as skipped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from allied.store.engine import create_engine
from allied.store.schema import upgrade
from allied.store.tables import Base

POSTGRES_URL = os.environ.get("ALLIED_TEST_DATABASE_URL")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(
            not POSTGRES_URL, reason="ALLIED_TEST_DATABASE_URL is not set: no PostgreSQL server"
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, empty database: a temporary SQLite file, or a new PostgreSQL schema."""
    with fresh_database(request.param, tmp_path / "allied.db") as engine:
        yield engine


@contextmanager
def fresh_database(backend: str, path: Path) -> Iterator[Engine]:
    """An engine on a new, empty database: SQLite at `path`, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        engine = create_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
        return
    assert POSTGRES_URL is not None
    schema = f"allied_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = create_engine(url.render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_at_head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file upgraded to the newest revision once, which `db` copies."""
    path = tmp_path_factory.mktemp("head") / "allied.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def db(empty_db: Engine, sqlite_at_head: Path) -> Engine:
    """A fresh database with the schema at the newest revision and no rows."""
    if empty_db.dialect.name == "sqlite":  # not yet connected to: its file is not there
        shutil.copyfile(sqlite_at_head, str(empty_db.url.database))
    else:
        upgrade(empty_db)
    return empty_db


def url_of(engine: Engine) -> str:
    """The engine's URL as a `--db` argument."""
    return engine.url.render_as_string(hide_password=False)


def row_counts(engine: Engine) -> dict[str, int]:
    """How many rows every table holds."""
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in Base.metadata.tables.items()
        }
