"""`allied.load(db=URL)`: a registry over the facts stored in a database, read in one go."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

import allied
from allied.cli import cli
from allied.dataset import load_dataset
from allied.errors import ConflictingArguments, DataError
from allied.store import read_stored_dataset
from allied.store.engine import InvalidDatabaseURL
from allied.store.schema import upgrade
from allied.store.sync import sync_dataset

from .conftest import url_of


def test_load_reads_a_registry_from_the_database(
    db: Engine, write_dataset: Callable[..., Path]
) -> None:
    dataset = load_dataset(write_dataset())
    sync_dataset(db, dataset)
    registry = allied.load(db=url_of(db))
    assert registry.dataset == read_stored_dataset(url_of(db))
    members = registry.members("pfp", on="1996-01-01")
    assert [(m.membership.actor, m.name) for m in members] == [
        ("CCC", "Cland"),
        ("DDD", "Dland"),
        ("BBB", "Old Bland"),
    ]


def test_an_empty_or_unsynced_database_says_what_to_run(empty_db: Engine) -> None:
    with pytest.raises(DataError, match="has no allied tables: run `allied db sync` first"):
        read_stored_dataset(url_of(empty_db))
    upgrade(empty_db)
    with pytest.raises(DataError, match="holds no facts: run `allied db sync` first"):
        allied.load(db=url_of(empty_db))


def test_a_data_folder_and_a_database_together_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConflictingArguments, match="a data folder or a database URL, not both"):
        allied.load(tmp_path, db="sqlite://")


def test_an_empty_database_url_is_refused() -> None:
    with pytest.raises(InvalidDatabaseURL, match="the database URL is empty"):
        allied.load(db="")
    served = CliRunner().invoke(cli, ["serve", "--db", "", "--get", "/api/v1/frameworks"])
    assert served.exit_code == 2
    assert "the database URL is empty" in served.stderr
    assert len(served.stderr.strip().splitlines()) == 1


def test_loading_without_a_database_does_not_import_sqlalchemy() -> None:
    program = (
        "import sys, allied; allied.load(); "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"
