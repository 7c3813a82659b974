"""A nation's calendar: the activities it is registered for, as iCalendar or CSV.

The iCalendar file follows RFC 5545: all-day events (`DTEND` is the day after
the last day), text escaped, lines folded at 75 octets, CRLF line ends. A
partner exports only its own nation's calendar; staff and Allies any nation's.

>>> fold("X" * 80).count("\\r\\n ")
1
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass

import sqlalchemy as sa

from allied.cooperation.activities import ACTIVITIES, Activity, activity_of
from allied.cooperation.context import Context
from allied.cooperation.errors import Forbidden, NotFound
from allied.cooperation.principal import Principal
from allied.cooperation.registrations import REGISTRATIONS
from allied.cooperation.transactions import reading
from allied.render import write_csv


@dataclass(frozen=True)
class Entry:
    """An activity on a nation's calendar and how many participants it sends."""

    activity: Activity
    participants: int


def entries(context: Context, principal: Principal, nation: str) -> list[Entry]:
    """The activities `nation` is registered for, by date; the caller must see that nation."""
    nation = nation.upper()
    if principal.is_partner:
        if nation != principal.nation:
            raise NotFound("calendar for", nation)
    elif not principal.reads_all:
        raise Forbidden("the public sees the registry only")
    with reading(context.engine) as connection:
        rows = connection.execute(
            sa.select(ACTIVITIES, REGISTRATIONS.c.participants)
            .join(REGISTRATIONS, REGISTRATIONS.c.activity_id == ACTIVITIES.c.id)
            .where(REGISTRATIONS.c.nation == nation)
            .order_by(ACTIVITIES.c.start, ACTIVITIES.c.id)
        ).all()
    return [Entry(activity_of(row), row.participants) for row in rows]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, continuation lines starting with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def to_ics(nation: str, found: list[Entry], *, stamp: _dt.datetime) -> str:
    """The calendar as an iCalendar document."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//allied//cooperation calendar//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(f'Cooperation activities of {nation}')}",
    ]
    for entry in found:
        activity = entry.activity
        lines += [
            "BEGIN:VEVENT",
            f"UID:activity-{activity.id}-{nation}@allied",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{activity.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{activity.end + _dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(activity.title)}",
            f"LOCATION:{_escape(activity.place)}",
            f"DESCRIPTION:{_escape(_description(activity, entry.participants, nation))}",
            f"CATEGORIES:{_escape(activity.area)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _description(activity: Activity, participants: int, nation: str) -> str:
    return (
        f"{activity.kind} in {activity.area}, hosted by {activity.host}; "
        f"{participants} participant(s) from {nation}; {activity.state}"
    )


CSV_COLUMNS = (*Activity.COLUMNS, "participants")


def to_csv(found: list[Entry]) -> str:
    """The calendar as CSV: the activity's columns and the nation's participants."""
    out = io.StringIO()
    rows = [entry.activity.document() | {"participants": entry.participants} for entry in found]
    write_csv(CSV_COLUMNS, rows, out)
    return out.getvalue()
