"""The Correlates of War codes a state carried, over time."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.period import Period


@frozen
class CowCode:
    """A span in which a state was in the Correlates of War state system under one code.

    COW numbers a state anew when it changes: Germany is 255 (GMY) to 1945 and
    again from 3 October 1990, and 260 (the German Federal Republic, GFR) from
    5 May 1955 to 2 October 1990. `period` is half-open, as everywhere: its end
    is the day after COW's last day, empty while the span goes on (COW's own
    list stops at 2016-12-31). A year's code is the one of its last span in
    that year (`Registry.cow_code`).
    """

    actor: str = field(metadata=column("The state.", refers="actors"))
    cow: int = field(metadata=column("The COW state number (ccode) over the period."))
    abbreviation: str = field(metadata=column("COW's state abbreviation (GMY, GFR)."))
    period: Period = field(metadata=column("The first day in the state system under the code."))
    sources: tuple[str, ...] = field(metadata=cites("the code and its span"))
    note: str = field(default="", metadata=column("Anything a reader should know."))
