"""An actor's profile: everything the registry knows about one actor."""

from __future__ import annotations

from allied.frozen import frozen
from allied.model.actors import Actor
from allied.model.events import Event
from allied.model.frameworks import Membership, Status
from allied.model.names import Name


@frozen
class ActorProfile:
    """Everything the registry knows about one actor."""

    actor: Actor
    name: str
    names: tuple[Name, ...]
    memberships: tuple[Membership, ...]
    statuses: tuple[Status, ...]
    events: tuple[Event, ...]
