"""Bring a database's schema to the newest revision, through the migrations shipped here.

The Alembic environment lives inside the package (`allied/store/migrations/`),
so no `alembic.ini` is needed wherever the user runs `allied db upgrade`.

>>> from allied.store.engine import create_engine
>>> engine = create_engine("sqlite://")
>>> upgrade(engine) == head_revision()
True
"""

from __future__ import annotations

import os

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the packaged migrations, bound to `connection` if given."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision the migrations define."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; `None` for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply every migration up to `revision` (default: the newest) in one transaction.

    Running it again on an up-to-date database changes nothing. Returns the
    revision the database is at afterwards.
    """
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    return current_revision(engine)


def downgrade(engine: Engine, revision: str) -> str | None:
    """Revert migrations down to `revision` (`"base"` empties the database)."""
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
    return current_revision(engine)
