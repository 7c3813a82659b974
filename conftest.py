"""For the whole run, collection and doctests included: a private parsed-dataset cache,
property tests without Hypothesis's per-example deadline (speed lives in `make bench`,
and a deadline fails on a busy machine, not on a wrong answer), and under pytest-xdist
a PostgreSQL database of each worker's own.

Set in `pytest_configure`, before any test module is imported (some build the
app at import), so no run reads or writes the user's `~/.cache/allied`, and every
worker process (`-n`) has a cache folder of its own.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

_FOLDER = tempfile.mkdtemp(prefix="allied-cache-")
#: Tells this run's worker databases from another run's on the same server.
_RUN = uuid.uuid4().hex[:8]
#: The databases the workers of this run use, dropped when the run ends.
_WORKER_DATABASES: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    os.environ["ALLIED_CACHE_DIR"] = _FOLDER
    settings.register_profile("allied", deadline=None)
    settings.load_profile("allied")
    name = getattr(config, "workerinput", {}).get("allied_test_database")
    if name:
        _use_own_database(name)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Name a database for each xdist worker (`<db>_<run>_gw0`), made by the worker itself.

    Tests already work in schemas of their own; a database per worker also keeps one
    worker's database-wide advisory locks from making another's writers wait.
    """
    node.workerinput["allied_lock_folder"] = _FOLDER  # the controller's, removed at its end
    base = os.environ.get("ALLIED_TEST_DATABASE_URL")
    if base:
        import sqlalchemy as sa

        name = f"{sa.make_url(base).database}_{_RUN}_{node.gateway.id}"[:63]
        node.workerinput["allied_test_database"] = name
        _WORKER_DATABASES.append(name)


@pytest.fixture(autouse=True)
def _alone_if_timed(request: pytest.FixtureRequest) -> Iterator[None]:
    """Under xdist, a test marked `alone` (it measures wall-clock time) runs while every
    other worker waits between two tests; the others run side by side.

    A readers-writer lock on a file of the run's: every test holds it shared, an `alone`
    test exclusively; a turnstile taken before either keeps the exclusive one from waiting
    forever behind a stream of shared ones.
    """
    shared = getattr(request.config, "workerinput", {}).get("allied_lock_folder")
    if shared is None:
        yield
        return
    exclusive = request.node.get_closest_marker("alone") is not None
    with (
        open(Path(shared) / "turnstile", "a") as turnstile,
        open(Path(shared) / "lock", "a") as lock,
    ):
        fcntl.flock(turnstile, fcntl.LOCK_EX)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        finally:
            fcntl.flock(turnstile, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_FOLDER, ignore_errors=True)
    for name in _WORKER_DATABASES:  # the controller, once every worker has finished
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _use_own_database(name: str) -> None:
    """Create the database `name` on the configured server and point the tests at it."""
    import sqlalchemy as sa

    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"')
    url = sa.make_url(os.environ["ALLIED_TEST_DATABASE_URL"]).set(database=name)
    os.environ["ALLIED_TEST_DATABASE_URL"] = url.render_as_string(hide_password=False)


def _admin(statement: str) -> None:
    """Run `statement` outside a transaction on the configured database."""
    import sqlalchemy as sa

    from allied.store.engine import create_engine

    engine = create_engine(os.environ["ALLIED_TEST_DATABASE_URL"], isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(sa.text(statement))
    finally:
        engine.dispose()
