"""The SQL docs/store.md shows runs on every backend and agrees with the registry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import allied
from allied.dataset import load_dataset
from allied.store.sync import sync_dataset

DOC = (Path(__file__).parents[2] / "docs" / "store.md").read_text(encoding="utf-8")
STATEMENTS = [
    statement.strip()
    for block in re.findall(r"```sql\n(.*?)```", DOC, flags=re.DOTALL)
    for statement in block.split(";")
    if statement.strip()
]
MEMBERS_ON, UNCERTAIN_ON = STATEMENTS[0], STATEMENTS[1]


def test_the_documented_queries_run(db: Engine) -> None:
    sync_dataset(db, allied.load().dataset)
    assert len(STATEMENTS) >= 6
    with db.connect() as connection:
        for statement in STATEMENTS:
            assert connection.execute(sa.text(statement), {"on": "2004-03-29"}).all(), statement


@pytest.mark.parametrize(("on", "expected"), [("2004-03-28", 19), ("2004-03-29", 26)])
def test_members_on_a_day_match_the_registry(db: Engine, on: str, expected: int) -> None:
    registry = allied.load()
    sync_dataset(db, registry.dataset)
    query = MEMBERS_ON.replace("'2004-03-29'", ":on")
    with db.connect() as connection:
        actors = sorted(connection.execute(sa.text(query), {"on": on}).scalars())
    assert len(actors) == expected
    assert actors == sorted(s.membership.actor for s in registry.members("nato", on=on))


def test_uncertain_rows_match_the_registry(db: Engine, write_dataset) -> None:  # type: ignore[no-untyped-def]
    folder = write_dataset()
    registry = allied.load(folder)
    sync_dataset(db, load_dataset(folder))
    query = UNCERTAIN_ON.replace("'nato'", "'pfp'")
    with db.connect() as connection:
        found = dict(connection.execute(sa.text(query), {"on": "1995-06-01"}).all())
    expected = {s.membership.actor: s.uncertain for s in registry.members("pfp", on="1995-06-01")}
    assert {actor: bool(flag) for actor, flag in found.items()} == expected
    assert expected["CCC"] is True  # joined in "1995": maybe, maybe not by 1 June
