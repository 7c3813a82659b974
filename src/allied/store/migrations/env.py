"""Alembic's environment: run migrations on the connection `allied.store.schema` hands over.

Run by the `alembic` command instead (a developer creating a revision from the
repository root, configured by `[tool.alembic]` in pyproject.toml), it connects
to the database `allied.store.engine` resolves: `ALLIED_DATABASE_URL` or the
default SQLite file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from allied.store.engine import create_engine, database_url, parse_url
from allied.store.tables import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters a table by copying it; batch mode lets later revisions do so.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_offline() -> None:
    context.configure(
        url=parse_url(database_url()),
        target_metadata=Base.metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
elif (given := context.config.attributes.get("connection")) is not None:
    _run(given)
else:
    engine = create_engine()
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()
