"""`sync_dataset`: every fact round-trips, a second sync changes nothing, corrections
update rows in place, removals delete them, and a failed sync writes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

import allied
from allied.dataset import Dataset, load_dataset
from allied.errors import DataError
from allied.period import PartialDate
from allied.store.engine import create_engine
from allied.store.rows import FAMILIES, date_columns, read_dataset, read_date
from allied.store.schema import upgrade
from allied.store.sync import Changes, sync_dataset
from allied.store.tables import MembershipRow
from conftest import write_mini

from .conftest import BACKENDS, fresh_database, row_counts

FAMILY_NAMES = [family.name for family in FAMILIES]

#: Rows added to the tests' small dataset so that every family holds at least one fact.
EXTRA = {
    "extra_events": [
        {
            "id": "concept-2010",
            "kind": "strategic-concept",
            "start": "2010-11-19",
            "end": "2010-11-20",
            "title": "Strategic Concept",
            "place": "Lisbon",
            "actors": "AAA|BBB",
            "frameworks": "nato|pfp",
            "sources": "s1|s2",
            "note": "Two days.",
        }
    ],
    "extra_core_tasks": [
        {"event": "concept-2010", "position": "1", "task": "Collective defence", "sources": "s1"},
        {"event": "concept-2010", "position": "2", "task": "Crisis management", "sources": "s1"},
    ],
    "extra_conflicts": [
        {
            "subject": "memberships:nato/BBB",
            "claim": "2004-04-02",
            "sources": "s1",
            "resolution": "a",
        },
        {"subject": "memberships:nato/BBB", "claim": "2004", "sources": "s2|s1", "resolution": "b"},
    ],
}


@pytest.fixture
def full(write_dataset: Callable[..., Path]) -> Path:
    """The tests' small dataset with a fact in every family, as data files."""
    return write_dataset(**EXTRA)


def edit(folder: Path, family: str, old: str, new: str) -> Dataset:
    """Replace text in one data file (it must be there) and load the edited dataset."""
    path = folder / f"{family}.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_dataset(folder)


def membership_ids(engine: Engine) -> dict[tuple[str, str], int]:
    table = MembershipRow.__table__
    with engine.connect() as connection:
        rows = connection.execute(sa.select(table.c.framework, table.c.actor, table.c.id))
        return {(framework, actor): id_ for framework, actor, id_ in rows}


def test_first_sync_inserts_every_fact(db: Engine) -> None:
    dataset = allied.load().dataset
    report = sync_dataset(db, dataset)
    for name in FAMILY_NAMES:
        assert report.families[name] == Changes(inserted=len(getattr(dataset, name))), name
    counts = row_counts(db)
    assert counts["memberships"] == len(dataset.memberships)
    assert counts["membership_sources"] == sum(len(m.sources) for m in dataset.memberships)


def test_second_sync_changes_nothing(db: Engine) -> None:
    dataset = allied.load().dataset
    first = sync_dataset(db, dataset)
    counts = row_counts(db)
    second = sync_dataset(db, dataset)
    assert second.total == Changes(unchanged=first.total.inserted)
    assert str(second) == f"0 inserted, 0 updated, 0 deleted, {first.total.inserted} unchanged"
    assert row_counts(db) == counts


def test_the_bundled_dataset_comes_back_whole(db: Engine) -> None:
    dataset = allied.load().dataset
    sync_dataset(db, dataset)
    assert read_dataset(db) == dataset


def test_a_sync_a_b_a_gives_back_a_exactly(db: Engine) -> None:
    """Facts re-inserted after B come back in file order, not in row-id order."""
    a = allied.load().dataset
    leaves = ("names", "memberships", "statuses", "core_tasks", "stated_counts", "conflicts")
    b = dataclasses.replace(a, **{name: getattr(a, name)[1::2] for name in leaves})
    for dataset in (a, b, a):
        sync_dataset(db, dataset)
    assert read_dataset(db) == a


@pytest.fixture(scope="module", params=BACKENDS)
def round_trip(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Dataset, Dataset]]:
    """The small dataset with a fact in every family, and what a fresh database gives back
    after syncing it: synced once per backend, each family's test compares its facts."""
    folder = tmp_path_factory.mktemp("round-trip")
    dataset = load_dataset(write_mini(folder / "data", **EXTRA))
    with fresh_database(request.param, folder / "allied.db") as engine:
        upgrade(engine)
        sync_dataset(engine, dataset)
        yield dataset, read_dataset(engine)


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_every_family_round_trips(round_trip: tuple[Dataset, Dataset], family: str) -> None:
    dataset, read_back = round_trip
    facts = getattr(dataset, family)
    assert facts, f"the test dataset must hold a {family} fact"
    assert sorted(map(repr, getattr(read_back, family))) == sorted(map(repr, facts))


def test_dates_keep_their_precision_and_span(db: Engine, full: Path) -> None:
    sync_dataset(db, load_dataset(full))
    table = MembershipRow.__table__
    columns = (table.c.start, table.c.start_precision, table.c.start_first, table.c.start_last)
    with db.connect() as connection:
        rows = set(connection.execute(sa.select(*columns).where(table.c.actor == "CCC")))
    assert rows == {("1995", "year", dt.date(1995, 1, 1), dt.date(1995, 12, 31))}


def test_a_corrected_end_updates_the_row_in_place(db: Engine, full: Path) -> None:
    sync_dataset(db, load_dataset(full))
    ids = membership_ids(db)
    corrected = edit(full, "memberships", "1994-02,2004-03-29,", "1994-02,2004-04-02,")
    report = sync_dataset(db, corrected)
    assert report.families["memberships"] == Changes(updated=1, unchanged=4)
    assert report.total.changed == 1
    assert membership_ids(db) == ids
    table = MembershipRow.__table__
    with db.connect() as connection:
        end = connection.execute(
            sa.select(table.c.end, table.c.end_first).where(table.c.id == ids[("pfp", "BBB")])
        ).one()
    assert tuple(end) == ("2004-04-02", dt.date(2004, 4, 2))
    assert sync_dataset(db, corrected).total.changed == 0


def test_a_corrected_start_keeps_the_row(db: Engine, full: Path) -> None:
    sync_dataset(db, load_dataset(full))
    ids = membership_ids(db)
    corrected = edit(full, "memberships", "nato,BBB,member,2004-03-29", "nato,BBB,member,2004-03")
    report = sync_dataset(db, corrected)
    assert report.families["memberships"] == Changes(updated=1, unchanged=4)
    assert membership_ids(db) == ids
    assert read_dataset(db).memberships == tuple(
        sorted(corrected.memberships, key=lambda m: (m.framework, m.actor, m.role))
    )


def test_changed_sources_replace_the_citations(db: Engine, full: Path) -> None:
    sync_dataset(db, load_dataset(full))
    counts = row_counts(db)
    corrected = edit(
        full, "memberships", "pfp,CCC,participant,1995,,,s1,", "pfp,CCC,participant,1995,,,s2|s1,"
    )
    report = sync_dataset(db, corrected)
    assert report.families["memberships"] == Changes(updated=1, unchanged=4)
    assert row_counts(db)["membership_sources"] == counts["membership_sources"] + 1
    ccc = next(m for m in read_dataset(db).memberships if m.actor == "CCC")
    assert ccc.sources == ("s2", "s1")


def test_a_removed_fact_is_deleted(db: Engine, full: Path) -> None:
    sync_dataset(db, load_dataset(full))
    counts = row_counts(db)
    smaller = edit(full, "memberships", "pfp,CCC,participant,1995,,,s1,\n", "")
    report = sync_dataset(db, smaller)
    assert report.families["memberships"] == Changes(deleted=1, unchanged=4)
    assert report.total.changed == 1
    after = row_counts(db)
    assert after["memberships"] == counts["memberships"] - 1
    assert after["membership_sources"] == counts["membership_sources"] - 1
    assert ("pfp", "CCC") not in membership_ids(db)


def test_removing_a_list_item_and_an_event(db: Engine, full: Path) -> None:
    sync_dataset(db, load_dataset(full))
    dataset = load_dataset(full)
    concept = dataset.events[-1]
    fewer = dataclasses.replace(
        dataset,
        events=(dataset.events[0], dataclasses.replace(concept, actors=("BBB",))),
        core_tasks=(),
        accession_cases=(),  # they cite the two accession events dropped here
        ratifications=(),
    )
    report = sync_dataset(db, fewer)
    assert report.families["events"] == Changes(updated=1, unchanged=1, deleted=2)
    assert report.families["core_tasks"] == Changes(deleted=2)
    assert row_counts(db)["event_actors"] == 2
    assert read_dataset(db).events[-1].actors == ("BBB",)


def test_a_failing_sync_writes_nothing(db: Engine, full: Path) -> None:
    dataset = load_dataset(full)
    sync_dataset(db, dataset)
    counts, before = row_counts(db), read_dataset(db)
    extra = dataclasses.replace(dataset.memberships[0], actor="ZZZ")  # no such actor
    broken = dataclasses.replace(
        dataset, memberships=(*dataset.memberships[1:], extra), conflicts=()
    )
    with pytest.raises(sa.exc.IntegrityError):
        sync_dataset(db, broken)
    assert row_counts(db) == counts
    assert read_dataset(db) == before


def test_duplicate_keys_are_refused_before_writing(db: Engine, full: Path) -> None:
    dataset = load_dataset(full)
    twice = dataclasses.replace(dataset, memberships=dataset.memberships * 2)
    with pytest.raises(DataError, match="nato/AAA/member/1949-04-04 appears more than once"):
        sync_dataset(db, twice)
    assert row_counts(db)["sources"] == 0


def test_a_session_joins_the_callers_transaction(db: Engine, full: Path) -> None:
    dataset = load_dataset(full)
    with Session(db) as session:
        sync_dataset(session, dataset)
        session.rollback()
    assert row_counts(db)["memberships"] == 0
    with Session(db) as session:
        sync_dataset(session, dataset)
        session.commit()
    assert row_counts(db)["memberships"] == len(dataset.memberships)


def test_a_connection_outside_a_transaction_commits(db: Engine, full: Path) -> None:
    with db.connect() as connection:
        report = sync_dataset(connection, load_dataset(full))
    assert row_counts(db)["memberships"] == report.families["memberships"].inserted == 5


def test_progress_names_every_family(db: Engine, full: Path) -> None:
    seen: list[str] = []
    sync_dataset(db, load_dataset(full), progress=seen.append)
    assert seen == FAMILY_NAMES


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(("day", "month", "year")))
    return PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )


@given(partial_dates())
def test_a_date_survives_its_columns(date: PartialDate) -> None:
    columns = date_columns("start", date)
    assert read_date(columns, "start") == date
    assert columns["start_precision"] == date.precision
    assert (columns["start_first"], columns["start_last"]) == (date.first, date.last)


#: What a step may do to each bundled membership: keep, drop, re-note, re-order sources.
EDITS = st.sampled_from(("keep", "drop", "note", "sources"))


def edited(dataset: Dataset, edits: list[str]) -> Dataset:
    kept = []
    for index, membership in enumerate(dataset.memberships):
        edit_ = edits[index] if index < len(edits) else "keep"
        if edit_ == "note":
            membership = dataclasses.replace(membership, note=membership.note + " (revised)")
        elif edit_ == "sources":
            membership = dataclasses.replace(membership, sources=(*membership.sources[::-1], "s"))
        if edit_ != "drop":
            kept.append(membership)
    sources = (*dataset.sources, dataclasses.replace(dataset.sources[0], id="s"))
    return dataclasses.replace(dataset, memberships=tuple(kept), sources=sources)


@settings(max_examples=8, deadline=None)
@given(st.lists(st.lists(EDITS, max_size=40), min_size=1, max_size=3))
def test_any_sequence_of_datasets_is_mirrored_exactly(steps: list[list[str]]) -> None:
    bundled = allied.load().dataset
    engine = create_engine("sqlite://")
    upgrade(engine)
    try:
        for edits in [*steps, []]:  # ending with the dataset as bundled
            dataset = edited(bundled, edits)
            sync_dataset(engine, dataset)
            assert set(read_dataset(engine).memberships) == set(dataset.memberships)
            assert sync_dataset(engine, dataset).total.changed == 0
    finally:
        engine.dispose()
