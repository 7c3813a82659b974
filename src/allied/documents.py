"""JSON-ready documents for every registry answer, shared by the CLI and the API.

Each function takes what a `Registry` query returned and gives the one shape
both the `--format json` output and the `/api/v1` response use, so the two can
never drift apart. Rows are flat dicts, ready for CSV as well.
"""

from __future__ import annotations

from typing import Any

from allied.model import ActorProfile, Framework, Membership, Standing, as_record
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
