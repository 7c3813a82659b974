"""The database store: the bundled dataset mirrored into SQLite or PostgreSQL for SQL users.

Nothing here is imported on the path of a plain query: `allied.cli` loads
only `allied.store.commands`, which imports SQLAlchemy inside its commands.

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
    from allied.registry import Registry


def load_registry(url: str | None = None) -> Registry:
    """A registry over the facts stored in the database (`url`, default as `allied db`).

    Raises `DataError` when the database holds no facts (run `allied db sync`
    first), and `DatabaseFailure` or `InvalidDatabaseURL` as the engine does.
    """
    from allied.errors import DataError
    from allied.registry import Registry
    from allied.store.engine import create_engine, database_errors, display_url
    from allied.store.rows import read_dataset
    from allied.store.schema import current_revision

    engine = create_engine(url)
    try:
        with database_errors(engine):
            if current_revision(engine) is None:
                raise DataError(
                    f"{display_url(str(engine.url))} has no allied tables: "
                    "run `allied db sync` first"
                )
            dataset = read_dataset(engine)
    finally:
        engine.dispose()
    if not dataset.frameworks:
        raise DataError(
            f"{display_url(str(engine.url))} holds no facts: run `allied db sync` first"
        )
    return Registry(dataset)
