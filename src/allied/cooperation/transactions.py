"""One transaction per write, writes taken one at a time, so the audit chain never forks.

PostgreSQL writers take a transaction-scoped advisory lock; SQLite writers in
one process share a lock per database (SQLite itself lets one writer in at a
time). Either way, the audit entry a write appends follows the last committed
one, and two writers racing on one object are ordered: the second sees the
first's new version and gets `StaleVersion`.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from allied.store.engine import database_errors

#: The advisory lock key of the cooperation writers (any constant; "COOP" in ASCII).
ADVISORY_KEY = 0x434F4F50
_LOCKS: dict[str, threading.Lock] = {}
_GUARD = threading.Lock()


def utcnow() -> _dt.datetime:
    """Now, in UTC, without tzinfo (how the tables store times), to the microsecond."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


def _lock_for(engine: Engine) -> threading.Lock:
    key = str(engine.url)
    with _GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: committed whole when the block ends, rolled back on any error."""
    with database_errors(engine):
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_KEY}
                )
                yield connection
            return
        with _lock_for(engine), engine.begin() as connection:
            yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction: every query in the block sees one committed state."""
    with database_errors(engine), engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection
