"""Frameworks, the memberships in them and their statuses, and a standing on a date."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import END_REASONS, FrameworkKind, Role, StatusValue
from allied.period import Period


@frozen
class Framework:
    """Anything an actor can take part in: the Alliance, a partnership, a programme, a body.

    `period` is `None` for a label with no founding act (e.g. "partners across the
    globe"): such a framework exists whenever one of its relationships does.
    """

    slug: str = field(metadata=column("A lowercase slug (`nato`, `pfp`)."))
    name: str = field(metadata=column("Its name in English."))
    kind: FrameworkKind = field(metadata=column("What kind of framework it is."))
    period: Period | None = field(
        metadata=column("Its founding day (empty for a label with no founding act).")
    )
    end_reason: str = field(metadata=column("Why it ended.", choices=END_REASONS, required=False))
    replaced_by: str = field(
        metadata=column("The framework that replaced it.", refers="frameworks", required=False)
    )
    founding_source: str = field(
        metadata=column("The founding document.", refers="sources", required=False)
    )
    aliases: tuple[str, ...] = field(metadata=column("Other names and abbreviations."))
    sources: tuple[str, ...] = field(metadata=cites("the framework and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
class Membership:
    """One actor in one framework in one role over a period."""

    framework: str = field(metadata=column("The framework.", refers="frameworks"))
    actor: str = field(metadata=column("The actor.", refers="actors"))
    role: Role = field(metadata=column("The actor's role in it."))
    period: Period = field(metadata=column("The first day the actor held the role."))
    end_reason: str = field(
        metadata=column("Why the role ended.", choices=END_REASONS, required=False)
    )
    sources: tuple[str, ...] = field(metadata=cites("the membership and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))

    @property
    def key(self) -> tuple[str, str, str]:
        """The (framework, actor, role) triple periods must not overlap within."""
        return (self.framework, self.actor, self.role)


@frozen
class Status:
    """A sub-period of a membership whose status is not `active` (e.g. `suspended`)."""

    framework: str = field(metadata=column("The membership's framework.", refers="frameworks"))
    actor: str = field(metadata=column("The membership's actor.", refers="actors"))
    role: Role = field(metadata=column("The membership's role."))
    status: StatusValue = field(metadata=column("The status over the period."))
    period: Period = field(metadata=column("The first day of the status."))
    sources: tuple[str, ...] = field(metadata=cites("the status and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
class Standing:
    """An actor's place in a framework on a date: the membership and its status then.

    `uncertain` is true when the answer hangs on a day the sources do not give.
    """

    membership: Membership
    status: StatusValue
    uncertain: bool
    name: str
    sources: tuple[str, ...]
