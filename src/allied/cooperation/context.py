"""What every service call needs besides the caller: the database, the registry and the clock."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from allied.cooperation.transactions import utcnow
from allied.registry import Registry


@dataclass(frozen=True)
class Context:
    """The cooperation database, the registry eligibility is derived from, and `now` (UTC).

    Tests pass a clock of their own to step past a silence deadline.
    """

    engine: Engine
    registry: Registry
    clock: Callable[[], _dt.datetime] = field(default=utcnow)

    def now(self) -> _dt.datetime:
        """The current time in UTC, without tzinfo."""
        return self.clock()

    def today(self) -> _dt.date:
        """Today's date in UTC."""
        return self.clock().date()
