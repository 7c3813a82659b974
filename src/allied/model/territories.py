"""Dependent territories, drawn on the map with their sovereign's tie."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.period import Period


@frozen
class Territory:
    """A dependent territory the world atlas draws apart from its sovereign state.

    The home map colours it with its sovereign's tie to NATO (Greenland with
    Denmark); that is how the map reads, not a statement about the Treaty area.
    """

    code: str = field(metadata=column("ISO 3166-1 alpha-3 of the territory."))
    name: str = field(metadata=column("Its English short name."))
    iso_numeric: str = field(metadata=column("ISO 3166-1 numeric: the world atlas's id."))
    sovereign: str = field(metadata=column("The state it belongs to.", refers="actors"))
    period: Period = field(metadata=column("The first day under that sovereign."))
    sources: tuple[str, ...] = field(metadata=cites("the sovereign and since when"))
    note: str = field(default="", metadata=column("Anything a reader should know."))
