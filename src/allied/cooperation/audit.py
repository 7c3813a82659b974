"""The append-only, tamper-evident audit log: who did what, when, before and after.

Each entry's `hash` is the SHA-256 of the previous entry's hash and this
entry's own fields (id, time, who, action, entity, before, after), so editing
any entry changes its hash and breaks every link after it, and deleting one
leaves a gap in the ids and a broken link. Cutting entries off the end leaves a
shorter chain that is consistent in itself: record the head (`allied coop audit
head`) somewhere else and pass it to `verify(…, head=…)` to detect that too.

The services call `record` inside the transaction of the write it describes,
so a write and its entry commit together or not at all.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from allied.cooperation.principal import Principal
from allied.store.coop_tables import CoopAuditRow, table_of

AUDIT = table_of(CoopAuditRow)
#: The `previous_hash` of the first entry.
GENESIS = "0" * 64


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def entry_hash(previous: str, entry: dict[str, Any]) -> str:
    """The hash chaining `entry` (its stored columns but the hashes) to the `previous` hash."""
    fields = {key: entry[key] for key in ("id", "at", "who", "action", "entity", "entity_id")}
    fields["at"] = _as_time(fields["at"]).isoformat()
    fields["before"], fields["after"] = entry["before"], entry["after"]
    return hashlib.sha256((previous + _canonical(fields)).encode("utf-8")).hexdigest()


def _as_time(value: Any) -> _dt.datetime:
    return value if isinstance(value, _dt.datetime) else _dt.datetime.fromisoformat(str(value))


def record(
    connection: Connection,
    who: Principal,
    action: str,
    entity: str,
    entity_id: object,
    *,
    before: Any = None,
    after: Any = None,
    at: _dt.datetime | None = None,
) -> str:
    """Append one entry after the last one and return its hash (call inside the write)."""
    from allied.cooperation.transactions import utcnow

    last = connection.execute(
        sa.select(AUDIT.c.id, AUDIT.c.hash).order_by(AUDIT.c.id.desc()).limit(1)
    ).first()
    entry = {
        "id": (last.id + 1) if last else 1,
        "at": at or utcnow(),
        "who": who.email,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": _canonical(before),
        "after": _canonical(after),
    }
    previous = last.hash if last else GENESIS
    digest = entry_hash(previous, entry)
    connection.execute(sa.insert(AUDIT), [{**entry, "previous_hash": previous, "hash": digest}])
    return digest


@dataclass(frozen=True)
class Verification:
    """The result of checking the chain: how many entries, the head, and every problem."""

    entries: int
    head: str
    problems: tuple[str, ...]

    @property
    def is_intact(self) -> bool:
        """Whether no entry was edited, removed or reordered."""
        return not self.problems


def verify(connection: Connection, *, head: str | None = None) -> Verification:
    """Recompute every hash in id order; report edits, deletions and a missing recorded head."""
    problems: list[str] = []
    previous, expected_id, count, seen_head = GENESIS, 1, 0, head is None
    rows = connection.execute(sa.select(AUDIT).order_by(AUDIT.c.id)).mappings()
    for row in rows:
        count += 1
        if row["id"] != expected_id:
            problems.append(f"entry {expected_id} is missing (next entry is {row['id']})")
        if row["previous_hash"] != previous:
            problems.append(f"entry {row['id']} does not follow the entry before it")
        if entry_hash(row["previous_hash"], dict(row)) != row["hash"]:
            problems.append(f"entry {row['id']} was changed after it was written")
        seen_head = seen_head or row["hash"] == head
        previous, expected_id = row["hash"], row["id"] + 1
    if not seen_head:
        problems.append(f"the recorded head {head} is no longer in the log: entries were removed")
    return Verification(count, previous, tuple(problems))
