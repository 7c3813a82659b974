"""`actor`: everything the registry knows about one actor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.answer import Answer
from allied.model import (
    Actor,
    Event,
    Membership,
    Name,
    Status,
)
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class Tie:
    """One of an actor's memberships, with the framework's name."""

    membership: Membership = field(metadata={"flatten": True})
    framework_name: str = ""


@dataclass(frozen=True)
class OperationRole:
    """An operation the actor took part in, and in which role (over a period or on a list)."""

    operation: str
    operation_name: str
    role: str


@dataclass(frozen=True)
class ActorAnswer(Answer):
    """One actor: codes, its name on the date, names over time, every relationship, events."""

    actor: Actor = field(metadata={"flatten": True})
    name: str
    names: tuple[Name, ...]
    memberships: tuple[Tie, ...]
    statuses: tuple[Status, ...]
    events: tuple[Event, ...]
    operations: tuple[OperationRole, ...]

    COLUMNS: ClassVar = ("framework", "framework_name", "role", "start", "end", "end_reason",
                         "sources")  # fmt: skip
    ROWS: ClassVar = "memberships"


def actor(registry: Registry, name: str, *, on: DateLike = None) -> ActorAnswer:
    """Everything known about the actor with this code or any name it ever had."""
    profile = registry.actor(name, on=on)
    ties = tuple(Tie(m, registry.framework(m.framework).name) for m in profile.memberships)
    index = registry.operation_index
    parts = tuple(
        OperationRole(slug, index.operation(slug).name, role)
        for slug, role in index.by_actor.get(profile.actor.code, ())
    )
    return ActorAnswer(profile.actor, profile.name, profile.names, ties, profile.statuses,
                       profile.events, parts)  # fmt: skip
