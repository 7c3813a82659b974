"""A claim: one checkable statement found in a text, and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from allied.claims.quantity import Quantity
from allied.period import PartialDate

ClaimKind = Literal[
    "count",
    "membership",
    "founding",
    "accession",
    "most-recent-member",
    "core-tasks",
    "spending-target",
    "action-points",
    "name",
    "headquarters",
    "secretary-general",
    "obligation",
    "article-5",
    "concept-adopted",
    "spending-share",
    "eu-nato-declarations",
    "meeting",
    "commander",
    "role",
    "document-content",
    "protocol",
    "spending-count",
    "ratification-order",
    "ratification-pending",
    "ratification-count",
    "ratification-vote",
    "candidacy",
    "ratification-open",
    "ratification-done",
    "ratification-step",
    "application",
    "accession-talks",
    "bid-denied",
    "invitation",
    "ministerial-decision",
    "agreement",
    "participation",
    "body-list",
    "operation-size",
    "operation-contributor",
    "operation-contingent",
    "operation-mission",
    "operation-rank",
    "spending-pledge",
    "spending-level",
    "enlargement",
]
CLAIM_KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)
#: The subject of a count of NATO's partners across every framework.
PARTNERS = "partners"


@dataclass(frozen=True)
class Claim:
    """One checkable statement: its kind, subject, what it states, and where it is.

    Only the fields of its kind are set: `actors` (membership, accession,
    most-recent-member), `quantity` (count, core-tasks, action-points; for an
    accession, the place in order of joining: "NATO's 30th member"), `date`
    (founding, accession, most-recent-member; for a count or membership, the past
    date it is stated of: "In 2004, NATO had 26 members"), `tasks` (core-tasks),
    `percent` and `date` (spending-target). `founding` marks a founding member
    (accession), a count of founders (count) or a first time (article-5). Kinds the
    registry cannot decide (headquarters, secretary-general, obligation) keep what they
    state in `actors` and are judged `unverifiable`; `name` keeps the expansion there.
    """

    kind: ClaimKind
    start: int
    end: int
    text: str
    subject: str
    actors: tuple[str, ...] = ()
    quantity: Quantity | None = None
    date: PartialDate | None = None
    tasks: tuple[str, ...] = ()
    percent: float | None = None
    founding: bool = False
    #: A list framed as complete ("The members are as follows: …"): judged for completeness.
    complete: bool = False
    #: When a stated decision was made ("Allies agreed in 2014 to …"): judged as history.
    since: PartialDate | None = None
    #: A share or a strength stated loosely ("around 1.3%", "some 4,000 troops"). An
    #: operation's stated strength is kept in `percent`, its nations in `quantity`
    #: (`founding`: its peak strength).
    approximate: bool = False
    #: A count of those below a level ("10 Allies were still below 2%"), not at or above it.
    below: bool = False
    #: The day the text speaks from, for words whose sense depends on it: "the target" is
    #: the level in force when the text was written, not whatever level is in force later.
    said_on: PartialDate | None = None
