"""JSON-ready documents for every registry answer, shared by the CLI and the API.

Each function takes what a `Registry` query returned and gives the one shape
both the `--format json` output and the `/api/v1` response use, so the two can
never drift apart. Rows are flat dicts, ready for CSV as well.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from allied.model import (
    ActorProfile,
    Change,
    Difference,
    Framework,
    Membership,
    Source,
    Standing,
    as_record,
)
from allied.period import PartialDate
from allied.registry import Registry

Record = dict[str, Any]

#: Columns of `allied export memberships --format csv`, in order.
MEMBERSHIP_COLUMNS = (
    "framework",
    "actor",
    "name",
    "role",
    "status",
    "start",
    "end",
    "start_precision",
    "end_precision",
    "end_reason",
    "sources",
    "note",
)


def date_record(when: PartialDate) -> Record:
    """The query date with its precision."""
    return {"on": str(when), "on_precision": when.precision}


def standing_row(standing: Standing) -> Record:
    """One member on a date: who, in which role and status, since when, says who."""
    m = standing.membership
    return {
        "actor": m.actor,
        "name": standing.name,
        "role": m.role,
        "status": standing.status,
        **as_record(m.period),
        "end_reason": m.end_reason,
        "uncertain": standing.uncertain,
        "sources": list(standing.sources),
    }


def members_document(framework: Framework, when: PartialDate, standings: list[Standing]) -> Record:
    """The answer to `members FRAMEWORK --on DATE`."""
    return {
        "framework": framework.slug,
        "framework_name": framework.name,
        **date_record(when),
        "count": len(standings),
        "uncertain": sum(s.uncertain for s in standings),
        "members": [standing_row(s) for s in standings],
    }


def actor_document(registry: Registry, profile: ActorProfile) -> Record:
    """The answer to `actor CODE`: codes, names over time, every relationship."""
    return {
        **as_record(profile.actor),
        "name": profile.name,
        "names": as_record(profile.names),
        "memberships": [
            {**as_record(m), "framework_name": registry.framework(m.framework).name}
            for m in profile.memberships
        ],
        "statuses": as_record(profile.statuses),
        "events": as_record(profile.events),
    }


def membership_rows(registry: Registry, membership: Membership) -> list[Record]:
    """A membership as export rows: one per status segment (active, suspended, …).

    A membership with no status change is one row. One suspended in the middle
    becomes three, so every row has a single status over its own period; the
    end reason sits on the last segment only.
    """
    statuses = registry.statuses_of(membership)
    base = {
        "framework": membership.framework,
        "actor": membership.actor,
        "name": registry.name(membership.actor, membership.period.start),
        "role": membership.role,
        "note": membership.note,
    }
    segments: list[tuple[str, PartialDate, PartialDate | None, tuple[str, ...]]] = []
    cursor: PartialDate | None = membership.period.start
    for status in statuses:
        if cursor is not None and status.period.start != cursor:
            segments.append(("active", cursor, status.period.start, membership.sources))
        segments.append(
            (
                status.status,
                status.period.start,
                status.period.end,
                membership.sources + status.sources,
            )
        )
        cursor = status.period.end
    if cursor is not None and (membership.period.end is None or cursor != membership.period.end):
        segments.append(("active", cursor, membership.period.end, membership.sources))
    rows = []
    for index, (status, start, end, sources) in enumerate(segments):
        is_last = index == len(segments) - 1
        rows.append(
            {
                **base,
                "status": status,
                "start": str(start),
                "end": str(end) if end else "",
                "start_precision": start.precision,
                "end_precision": end.precision if end else "",
                "end_reason": membership.end_reason if is_last else "",
                "sources": "|".join(sources),
            }
        )
    return rows


def frameworks_document(frameworks: list[Framework]) -> list[Record]:
    """The answer to `frameworks`: one flat record per framework."""
    return [as_record(fw) for fw in frameworks]


def history_document(framework: Framework, changes: list[Change]) -> Record:
    """The answer to `history FRAMEWORK`: every change in order."""
    return {"framework": framework.slug, "changes": as_record(changes)}


def diff_document(start: PartialDate, end: PartialDate, differences: list[Difference]) -> Record:
    """The answer to `diff FROM TO`: who was added, removed or changed status."""
    return {"from": str(start), "to": str(end), "changes": as_record(differences)}


def counts_over_time(registry: Registry, framework: Framework) -> list[Record]:
    """How many were in a framework (in its full roles) from each day the count changed."""
    founded = framework.period.start.first if framework.period else _dt.date.min
    # A member known only to the year it joined may "start" before the founding day.
    days = sorted({max(change.date.first, founded) for change in registry.history(framework.slug)})
    counts: list[Record] = []
    for day in days:
        count = len(registry.members(framework.slug, on=PartialDate.from_date(day)))
        if not counts or counts[-1]["count"] != count:
            counts.append({"date": day.isoformat(), "count": count})
    return counts


def framework_document(registry: Registry, framework: Framework) -> Record:
    """One framework: its record, founding source, sources and members over time."""
    founding = registry.get_source(framework.founding_source)
    return {
        **as_record(framework),
        "founding_document": as_record(founding) if founding else None,
        "source_records": [
            as_record(source)
            for source in map(registry.get_source, framework.sources)
            if source is not None
        ],
        "members_over_time": counts_over_time(registry, framework),
    }


def source_document(registry: Registry, source: Source) -> Record:
    """One source and every fact in the registry that cites it."""
    data = registry.dataset
    cited: list[Record] = [
        {
            "kind": "framework",
            "framework": fw.slug,
            "actor": "",
            "date": str(fw.period.start) if fw.period else "",
        }
        for fw in data.frameworks
        if source.id in fw.sources or source.id == fw.founding_source
    ]
    cited += [
        {"kind": "membership", "framework": m.framework, "actor": m.actor,
         "date": str(m.period.start)}
        for m in data.memberships
        if source.id in m.sources
    ]  # fmt: skip
    cited += [
        {"kind": "event", "framework": "|".join(e.frameworks), "actor": "|".join(e.actors),
         "date": str(e.start), "event": e.id}
        for e in data.events
        if source.id in e.sources
    ]  # fmt: skip
    cited += [
        {"kind": "name", "framework": "", "actor": n.actor, "date": str(n.start or "")}
        for n in data.names
        if source.id in n.sources
    ]
    return {**as_record(source), "cited_by": cited}
