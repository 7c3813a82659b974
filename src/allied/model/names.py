"""Names: what an actor was called, and when (short names over periods, formal, aliases)."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import NameKind
from allied.period import PartialDate


@frozen
class Name:
    """A name of an actor, with the period it was in use (aliases have none)."""

    actor: str = field(metadata=column("The actor named.", refers="actors"))
    name: str = field(metadata=column("The name as written."))
    kind: NameKind = field(metadata=column("In use over a period (short), formal, or alias."))
    start: PartialDate | None = field(metadata=column("First day in use (empty: always)."))
    end: PartialDate | None = field(metadata=column("First day no longer in use (empty: still)."))
    sources: tuple[str, ...] = field(metadata=cites("the name and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))

    def in_use_on(self, when: PartialDate) -> bool:
        """Whether this name was in use at the start of `when` (open ends count as in use)."""
        if self.start is not None and self.start.first > when.first:
            return False
        return self.end is None or self.end.first > when.first
