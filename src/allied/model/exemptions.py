"""Where an actor's suspension in one framework does not extend to another."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import Role


@frozen
class Exemption:
    """A framework that an actor's suspension in a sibling framework does not extend to.

    `allied validate` requires every suspension to hold in each framework the actor
    was in at the time, unless an exemption says, with a source, why not.
    """

    framework: str = field(
        metadata=column("The framework the suspension does not extend to.", refers="frameworks")
    )
    actor: str = field(metadata=column("The actor.", refers="actors"))
    role: Role = field(metadata=column("The actor's role in that framework."))
    suspended_in: str = field(
        metadata=column("The framework in which the actor is suspended.", refers="frameworks")
    )
    sources: tuple[str, ...] = field(metadata=cites("why the suspension does not extend"))
    note: str = field(default="", metadata=column("Why, in the source's words."))
