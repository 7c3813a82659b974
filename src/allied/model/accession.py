"""An accession's facts: a candidate's case and each Ally's ratification step."""

from __future__ import annotations

from dataclasses import dataclass, field

from allied.column import cites, column
from allied.model import Milestone
from allied.period import PartialDate


@dataclass(frozen=True)
class AccessionCase:
    """One candidate's way in: its invitation, the protocol it signed, the day it joined.

    The protocol and the accession are events, so their dates live in one place;
    the Allies that had to ratify are the Allies on the protocol's day (derived).
    """

    candidate: str = field(metadata=column("The invitee.", refers="actors"))
    invited: PartialDate | None = field(metadata=column("When it was invited."))
    invited_at: str = field(metadata=column("Where or how: a summit, a decision.", required=False))
    protocol: str = field(
        metadata=column("The signature of its accession protocol.", refers="events",
                        required=False)
    )  # fmt: skip
    accession: str = field(
        metadata=column("Its accession (its own deposit).", refers="events", required=False)
    )
    sources: tuple[str, ...] = field(metadata=cites("the case"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@dataclass(frozen=True)
class Ratification:
    """One Ally's step in ratifying a candidate's accession protocol.

    `parliament` is the legislature's final approval, `signature` the head of
    state's act where there is one, `deposit` the instrument deposited with the
    depositary (the United States).
    """

    candidate: str = field(metadata=column("The invitee.", refers="accession_cases"))
    ally: str = field(metadata=column("The ratifying Ally.", refers="actors"))
    milestone: Milestone = field(metadata=column("Which step."))
    date: PartialDate = field(metadata=column("When."))
    sources: tuple[str, ...] = field(metadata=cites("the step and its date"))
    note: str = field(default="", metadata=column("The vote, the act, in the source's words."))
