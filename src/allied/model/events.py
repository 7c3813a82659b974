"""Events: summits, treaties, accessions, consultations."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import EVENT_KINDS
from allied.period import PartialDate


@frozen
class Event:
    """A dated thing that changes the system: a summit, a protocol, a declaration.

    Unlike a period, an event's `end` is its last day (a summit of 28-29 June 2004
    has `end` 2004-06-29); it is `None` for a one-day event.
    """

    id: str = field(metadata=column("A lowercase id: kind, year, place or subject."))
    kind: str = field(metadata=column("What kind of event it is.", choices=EVENT_KINDS))
    start: PartialDate = field(metadata=column("Its first day."))
    end: PartialDate | None = field(
        metadata=column("Its last day, inclusive (empty for one day).", not_before="start")
    )
    title: str = field(metadata=column("Its title."))
    place: str = field(metadata=column("Where it took place.", required=False))
    actors: tuple[str, ...] = field(metadata=column("The actors it concerns.", refers="actors"))
    frameworks: tuple[str, ...] = field(
        metadata=column("The frameworks it concerns.", refers="frameworks")
    )
    sources: tuple[str, ...] = field(metadata=cites("the event and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))
