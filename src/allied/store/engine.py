"""The one place a database engine is created, from the one `database_url` setting.

The URL is resolved in this order: an explicit `--db URL`, then the
`ALLIED_DATABASE_URL` environment variable, then an SQLite file in the user's
data directory (`$XDG_DATA_HOME/allied/allied.db`, by default
`~/.local/share/allied/allied.db`). `postgresql://` URLs use psycopg 3.

>>> database_url("sqlite:///allied.db")
'sqlite:///allied.db'
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from allied.errors import AlliedError

#: The environment variable holding the database URL.
URL_VARIABLE = "ALLIED_DATABASE_URL"
#: The file name of the default SQLite database.
DEFAULT_FILENAME = "allied.db"
#: Execution option: `"IMMEDIATE"` makes an SQLite transaction take the write lock at
#: BEGIN, failing at once (SQLITE_BUSY) if another writer holds it, instead of waiting.
SQLITE_BEGIN = "allied_sqlite_begin"


class InvalidDatabaseURL(AlliedError, ValueError):
    """A database URL does not parse or names a database `allied` cannot use."""


class DatabaseFailure(AlliedError):
    """The database could not be reached, or refused an operation; the message says which."""


def data_directory() -> Path:
    """Where `allied` keeps its files: `$XDG_DATA_HOME/allied`, else `~/.local/share/allied`."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "allied"


def default_database_url() -> str:
    """The URL of the embedded SQLite database in the user's data directory."""
    return f"sqlite:///{data_directory() / DEFAULT_FILENAME}"


def database_url(url: str | None = None) -> str:
    """Resolve the database URL: `url` if given, else `ALLIED_DATABASE_URL`, else the default.

    An empty URL (`--db ""`, or `ALLIED_DATABASE_URL` set but empty) raises
    `InvalidDatabaseURL` rather than quietly meaning the default file.

    >>> database_url("postgresql://postgres@127.0.0.1:5432/allied")
    'postgresql://postgres@127.0.0.1:5432/allied'
    """
    if url is None:
        url = os.environ.get(URL_VARIABLE)
        if url is None:
            return default_database_url()
        if not url.strip():
            raise InvalidDatabaseURL(
                f"{URL_VARIABLE} is empty: set it to sqlite:///PATH or "
                "postgresql://USER@HOST/DB, or unset it for the default SQLite file"
            )
    if not url.strip():
        raise InvalidDatabaseURL(
            "the database URL is empty: give sqlite:///PATH or postgresql://USER@HOST/DB, "
            "or leave --db out for the default"
        )
    return url


def parse_url(url: str) -> URL:
    """Parse a database URL, choosing psycopg 3 for PostgreSQL; raise `InvalidDatabaseURL`.

    >>> parse_url("postgresql://postgres@localhost/allied").drivername
    'postgresql+psycopg'
    """
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise InvalidDatabaseURL(
            f"{url!r} is not a database URL: use sqlite:///PATH or postgresql://USER@HOST/DB"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InvalidDatabaseURL(
            f"{parsed.render_as_string()}: unsupported database "
            f"{parsed.get_backend_name()!r}: use sqlite or postgresql"
        )
    return parsed


def display_url(url: str) -> str:
    """The URL as it is safe to print: the password, if any, masked."""
    return parse_url(url).render_as_string(hide_password=True)


def create_engine(url: str | None = None, **options: Any) -> Engine:
    """Create the engine for `url` (resolved with `database_url`).

    SQLite enforces foreign keys on every connection, and a transaction covers
    every statement in it, DDL included. The directory of the
    default SQLite file is created when missing. Raises `InvalidDatabaseURL`
    for a URL that does not parse or names an unknown database.

    >>> create_engine("sqlite://").dialect.name
    'sqlite'
    """
    resolved = database_url(url)
    parsed = parse_url(resolved)
    if resolved == default_database_url():
        data_directory().mkdir(parents=True, exist_ok=True)
    try:
        engine = sa.create_engine(parsed, **options)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as error:
        raise InvalidDatabaseURL(f"{display_url(resolved)}: {_first_line(error)}") from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _configure_sqlite)
        sa.event.listen(engine, "begin", _begin_sqlite)
    return engine


@contextmanager
def database_errors(engine: Engine) -> Iterator[None]:
    """Turn any database failure inside the block into a one-line `DatabaseFailure`."""
    try:
        yield
    except sa.exc.SQLAlchemyError as error:
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseFailure(f"{where}: {_first_line(error)}") from None


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """Open one read-only transaction that sees the database as a single committed state.

    Reading several tables one query at a time would otherwise see a sync that
    commits in between: part of the old dataset, part of the new. PostgreSQL runs
    the block at REPEATABLE READ (every query sees the snapshot the first one took);
    SQLite runs it in one transaction, whose shared lock keeps a writer from
    committing until the block ends.

    >>> with snapshot(create_engine("sqlite://")) as connection:
    ...     connection.exec_driver_sql("SELECT 1").scalar()
    1
    """
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with connection.begin():
            yield connection


def _first_line(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error
    text = str(cause).strip() or type(cause).__name__
    return text.splitlines()[0]


def _configure_sqlite(connection: Any, _record: Any) -> None:
    # pysqlite opens transactions itself, and only before INSERT/UPDATE/DELETE: a
    # migration's CREATE TABLEs would each commit on their own. Taking that over
    # (SQLAlchemy's documented recipe) makes DDL and a whole sync one transaction.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    if connection.get_execution_options().get(SQLITE_BEGIN) != "IMMEDIATE":
        connection.exec_driver_sql("BEGIN")
        return
    # Ask for the write lock without waiting: a writer that holds it is another
    # sync, and its loser is told so at once, as on PostgreSQL.
    timeout = int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one())
    connection.exec_driver_sql("PRAGMA busy_timeout = 0")
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {timeout}")
