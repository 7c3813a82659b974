"""An accession's facts: a candidate's case and each Ally's ratification step."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import Milestone
from allied.period import PartialDate


@frozen
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


@frozen
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


@frozen
class Procedure:
    """Whether an Ally's way of ratifying has a milestone at all, and which act it is.

    `applies` false says the step does not exist in that Ally's procedure (Canada
    ratifies by the executive: no act of the head of state), so coverage and the
    accession questions count it as not applicable rather than missing, and
    `allied validate` flags a step stored for it. `applies` true names the act that
    fills the step where that is not plain (Norway's King in Council). `since` and
    `until` bound a procedure that changed; empty, as far as the sources reach.
    """

    ally: str = field(metadata=column("The Ally.", refers="actors"))
    milestone: Milestone = field(metadata=column("Which step."))
    applies: bool = field(metadata=column("Whether the Ally's procedure has this step."))
    since: PartialDate | None = field(
        metadata=column(
            "The first day the procedure held; empty: as far back as the sources reach."
        )
    )
    until: PartialDate | None = field(
        metadata=column("The first day it no longer held; empty while it holds.",
                        not_before="since")
    )  # fmt: skip
    sources: tuple[str, ...] = field(metadata=cites("the procedure"))
    note: str = field(default="", metadata=column("The act, or what there is instead."))

    def holds_on(self, day: PartialDate) -> bool:
        """Whether the procedure held on `day` (a day it may have held counts)."""
        after_start = self.since is None or day.last >= self.since.first
        return after_start and (self.until is None or day.first < self.until.last)
