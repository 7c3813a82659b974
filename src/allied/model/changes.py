"""What changed: a step in a framework's history, a difference between two dates."""

from __future__ import annotations

from typing import Literal

from allied.frozen import frozen
from allied.model import Role
from allied.period import PartialDate


@frozen
class Change:
    """One step in a framework's history: an actor joined, left, was suspended or resumed."""

    date: PartialDate
    framework: str
    actor: str
    role: Role
    change: Literal["joined", "left", "suspended", "resumed"]
    reason: str
    name: str
    sources: tuple[str, ...]


@frozen
class Difference:
    """How one actor's place in one framework differs between two dates.

    `date` is the day it happened (a role's start or end, a status's start or end),
    at its precision; `role_before` is the role left by a `role` change (an invitee
    that became a member), which is one difference, not a removal and an addition.
    """

    framework: str
    actor: str
    role: Role
    change: Literal["added", "removed", "status", "role"]
    before: str
    after: str
    uncertain: bool
    name: str
    sources: tuple[str, ...]
    date: PartialDate | None = None
    role_before: str = ""
