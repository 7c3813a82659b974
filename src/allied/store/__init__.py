"""The database store: the bundled dataset mirrored into SQLite or PostgreSQL for SQL users.

Nothing here is imported on the path of a plain query: `allied.cli` loads
only `allied.store.commands`, which imports SQLAlchemy inside its commands,
and `read_stored_dataset` imports it when called.

>>> from allied.store.engine import create_engine
>>> from allied.store.schema import upgrade
>>> from allied.store.sync import sync_dataset
>>> import allied
>>> engine = create_engine("sqlite://"); _ = upgrade(engine)
>>> sync_dataset(engine, allied.load().dataset).total.inserted > 300
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from allied.dataset import Dataset


def read_stored_dataset(url: str | None = None) -> Dataset:
    """Read the facts stored in the database at `url` (resolved as by `allied db`).

    Every table is read in one snapshot, so a sync committing meanwhile is seen
    whole or not at all. `allied.load(db=url)` wraps the result in a registry.
    Raises `DataError` when the database holds no facts (run `allied db sync`
    first), and `DatabaseFailure` or `InvalidDatabaseURL` as the engine does.

    Example: `read_stored_dataset("sqlite:///allied.db").memberships`.
    """
    from alembic.runtime.migration import MigrationContext

    from allied.errors import DataError
    from allied.store.engine import create_engine, database_errors, display_url, snapshot
    from allied.store.rows import read_dataset

    engine = create_engine(url)
    shown = display_url(str(engine.url))
    try:
        with database_errors(engine), snapshot(engine) as connection:
            if MigrationContext.configure(connection).get_current_revision() is None:
                raise DataError(f"{shown} has no allied tables: run `allied db sync` first")
            dataset = read_dataset(connection)
    finally:
        engine.dispose()
    if not dataset.frameworks:
        raise DataError(f"{shown} holds no facts: run `allied db sync` first")
    return dataset
