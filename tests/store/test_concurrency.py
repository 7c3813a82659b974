"""Races, run: concurrent syncs are serialised, and a read sees one committed dataset.

Two syncs of different datasets used to both succeed on PostgreSQL and leave a
mixture, and a read during a sync could return one; each test below runs its race
many times and counts mixtures, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from allied.dataset import Dataset, load_dataset
from allied.errors import SyncInProgress
from allied.store import read_stored_dataset
from allied.store.engine import create_engine
from allied.store.rows import read_dataset
from allied.store.schema import upgrade
from allied.store.sync import SyncReport, sync_dataset

from .conftest import fresh_database, url_of
from .test_commands import run
from .test_sync import EXTRA

#: How many times the sync race runs (the issue's probe saw 3 mixtures in 14 pairs;
#: without the lock this test stored one in 18 to 19 rounds of 20 on PostgreSQL).
ROUNDS = 20
#: How many reads run while syncs alternate (the probe saw 16 mixed in 649; without
#: the snapshot, 16 to 17 of 30 here on PostgreSQL).
READS = 30

#: Rows the first variant adds to the base dataset, in four families.
FIRST = {
    "extra_names": [{"actor": "CCC", "name": "Cee", "kind": "alias", "sources": "s1"}],
    "extra_memberships": [
        {
            "framework": "pfp",
            "actor": "AAA",
            "role": "participant",
            "start": "1994-01-10",
            "end": "1995",
            "sources": "s1",
        }
    ],
    "extra_events": [
        {
            "id": "summit-1999",
            "kind": "summit",
            "start": "1999-04-23",
            "title": "Summit",
            "actors": "AAA",
            "frameworks": "nato",
            "sources": "s1",
        }
    ],
    "extra_stated_counts": [
        {"framework": "pfp", "on": "1995-12-31", "count": "3", "sources": "s1"}
    ],
}

#: Rows the second variant adds instead, in four other families or keys.
SECOND = {
    "extra_sources": [
        {
            "id": "s3",
            "kind": "secondary",
            "publisher": "Pub",
            "title": "Three",
            "url": "https://example.org/3",
            "published": "2001",
        }
    ],
    "extra_actors": [{"code": "EEE", "kind": "state", "sources": "s3"}],
    "extra_names": [{"actor": "EEE", "name": "Eland", "kind": "short", "sources": "s3"}],
    "extra_statuses": [
        {
            "framework": "pfp",
            "actor": "CCC",
            "role": "participant",
            "status": "suspended",
            "start": "1999",
            "end": "2000",
            "sources": "s3",
        }
    ],
}


@pytest.fixture
def variants(write_dataset: Callable[..., Path]) -> tuple[Dataset, Dataset, Dataset]:
    """A base dataset and two variants of it that add different facts in several families."""

    scratch = create_engine("sqlite://")
    upgrade(scratch)

    def variant(added: dict[str, list[dict[str, str]]]) -> Dataset:
        rows = {key: EXTRA.get(key, []) + added.get(key, []) for key in {*EXTRA, *added}}
        sync_dataset(scratch, load_dataset(write_dataset(**rows)))
        return read_dataset(scratch)  # in the order a database gives it back

    base, first, second = variant({}), variant(FIRST), variant(SECOND)
    scratch.dispose()
    assert len({base, first, second}) == 3
    return base, first, second


def race(engines: list[Engine], datasets: list[Dataset]) -> list[SyncReport | Exception]:
    """Start one sync per engine at the same moment; return each report or error."""
    barrier = threading.Barrier(len(engines))

    def run(engine: Engine, dataset: Dataset) -> SyncReport | Exception:
        barrier.wait()
        try:
            return sync_dataset(engine, dataset)
        except Exception as error:  # tallied and asserted on below
            return error

    with ThreadPoolExecutor(len(engines)) as pool:
        return list(pool.map(run, engines, datasets))


def impatient(url: str) -> Engine:
    """An engine whose PostgreSQL sessions give up after 5 s waiting for a lock.

    Without the sync lock a second sync would wait for the first one's uncommitted
    rows; in one thread, that is forever. With it, nothing waits.
    """
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "postgresql":
        options = f"{parsed.query.get('options', '')} -c lock_timeout=5s".strip()
        parsed = parsed.update_query_dict({"options": options})
    return create_engine(parsed.render_as_string(hide_password=False))


def stored(engine: Engine) -> Dataset:
    return read_stored_dataset(url_of(engine))


def test_concurrent_syncs_leave_one_dataset_and_tell_the_loser(
    db: Engine, variants: tuple[Dataset, Dataset, Dataset]
) -> None:
    base, first, second = variants
    engines = [create_engine(url_of(db)) for _ in range(2)]
    tally = {"mixed": 0, "refused": 0, "other errors": 0, "wrong winner": 0}
    try:
        for _ in range(ROUNDS):
            sync_dataset(db, base)
            outcomes = race(engines, [first, second])
            result = stored(db)
            tally["mixed"] += result not in (first, second)
            failed = [i for i, outcome in enumerate(outcomes) if isinstance(outcome, Exception)]
            refused = [i for i in failed if isinstance(outcomes[i], SyncInProgress)]
            tally["refused"] += len(refused)
            tally["other errors"] += len(failed) - len(refused)
            if refused == [0]:
                tally["wrong winner"] += result != second
            elif refused == [1]:
                tally["wrong winner"] += result != first
    finally:
        for engine in engines:
            engine.dispose()
    assert tally["mixed"] == tally["other errors"] == tally["wrong winner"] == 0, tally
    # The syncs overlapped, a race the test could lose, in some rounds.
    assert tally["refused"] > 0, tally


def test_a_sync_while_another_is_writing_is_refused_in_one_line(
    db: Engine, variants: tuple[Dataset, Dataset, Dataset]
) -> None:
    base, first, _ = variants
    url = url_of(db)
    with db.begin() as connection:
        sync_dataset(connection, base)  # written, not yet committed: still in progress
        rival = impatient(url)
        with pytest.raises(SyncInProgress, match="nothing synced, try again"):
            sync_dataset(rival, first)
        rival.dispose()
        code, out, err = run("db", "sync", "--db", url)
        assert (code, out) == (2, "")
        assert len(err.strip().splitlines()) == 1
        assert "another `allied db sync` is writing to this database" in err
    assert stored(db) == base
    assert sync_dataset(db, first).total.changed > 0  # the lock went with the transaction


def test_a_sync_into_another_database_is_not_refused(
    db: Engine, variants: tuple[Dataset, Dataset, Dataset], tmp_path: Path
) -> None:
    base, first, _ = variants
    with db.begin() as connection, fresh_database(db.dialect.name, tmp_path / "b.db") as other:
        sync_dataset(connection, base)
        upgrade(other)  # PostgreSQL: another schema of the same database
        assert sync_dataset(other, first).total.inserted > 0
        assert stored(other) == first


def test_reads_see_one_dataset_while_syncs_alternate(
    db: Engine, variants: tuple[Dataset, Dataset, Dataset]
) -> None:
    _, first, second = variants
    sync_dataset(db, first)
    stop = threading.Event()
    synced = 0

    def alternate() -> None:
        nonlocal synced
        engine = create_engine(url_of(db))
        try:
            while not stop.is_set():
                sync_dataset(engine, (second, first)[synced % 2])
                synced += 1
        finally:
            engine.dispose()

    writer = threading.Thread(target=alternate)
    writer.start()
    try:
        reads = [stored(db) for _ in range(READS)]
    finally:
        stop.set()
        writer.join()
    mixed = sum(read not in (first, second) for read in reads)
    assert mixed == 0, f"{mixed} of {READS} reads mixed two datasets ({synced} syncs)"
    # Both datasets were read, so the reads did run while syncs committed.
    assert first in reads and second in reads and synced > 2
