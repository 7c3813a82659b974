"""`accession_cases`, `accession_case`, `pending`, `ratifications`: enlargement, Ally by Ally.

>>> import allied
>>> [party.actor for party in pending(allied.load(), "SWE", on="2023-06-01").pending]
['HUN', 'TUR']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.accession import AccessionIndex
from allied.answer import Answer, Listing
from allied.model import MILESTONES, AccessionCase, Milestone
from allied.period import PartialDate, parse_date
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class Round:
    """One case in brief: invited, protocol signed, joined, how long, and who ratified last."""

    candidate: str
    name: str
    invited: PartialDate | None
    protocol_signed: PartialDate | None
    deposited: PartialDate | None
    days: int | None
    last_to_ratify: str


@dataclass(frozen=True)
class RoundList(Listing):
    """Every accession case, by the date its protocol was signed."""

    items: tuple[Round, ...]

    COLUMNS: ClassVar = ("candidate", "name", "invited", "protocol_signed", "deposited", "days",
                         "last_to_ratify")  # fmt: skip


def accession_cases(registry: Registry, *, open_only: bool = False) -> RoundList:
    """Every case (or only the open ones, not yet joined), with the days from protocol to entry."""
    index = registry.accession_index
    rounds = []
    for case in index.cases():
        signed, joined = index.protocol_signed(case), index.joined(case)
        if open_only and joined is not None:
            continue
        days = (joined.first - signed.first).days if signed and joined else None
        last = _last_to_ratify(index, case)
        name = registry.name(case.candidate, signed)
        rounds.append(Round(case.candidate, name, case.invited, signed, joined, days, last))
    return RoundList.of(rounds)


def _last_to_ratify(index: AccessionIndex, case: AccessionCase) -> str:
    """The Ally whose step came last, by deposit (else parliament) once every party's is known."""
    for milestone in ("deposit", "parliament"):
        parties = set(index.expected(case, milestone))
        steps = index.steps(case, milestone)
        if parties and {step.ally for step in steps} >= parties:
            return steps[-1].ally
    return ""


@dataclass(frozen=True)
class Step:
    """One Ally's ratification step: which, when, says who."""

    ally: str
    name: str
    milestone: Milestone
    date: PartialDate
    sources: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class NoStep:
    """A step an Ally's procedure does not have (`procedures.csv`): not applicable, not missing."""

    ally: str
    name: str
    milestone: Milestone
    sources: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class CaseAnswer(Answer):
    """One accession case: the invitation, the protocol, every Ally's steps, the entry."""

    case: AccessionCase = field(metadata={"flatten": True})
    name: str
    protocol_signed: PartialDate | None
    deposited: PartialDate | None
    parties: tuple[str, ...]
    ratifications: tuple[Step, ...]
    not_applicable: tuple[NoStep, ...]

    COLUMNS: ClassVar = ("ally", "name", "milestone", "date", "date_precision", "sources")
    ROWS: ClassVar = "ratifications"


def accession_case(registry: Registry, candidate: str) -> CaseAnswer:
    """The case of a candidate (any code or name), with every recorded ratification step."""
    index = registry.accession_index
    case = index.case(candidate)
    signed = index.protocol_signed(case)
    steps = tuple(
        Step(s.ally, registry.name(s.ally, s.date), s.milestone, s.date, s.sources, s.note)
        for s in index.steps(case)
    )
    missing = tuple(
        NoStep(p.ally, registry.name(p.ally, signed), p.milestone, p.sources, p.note)
        for milestone in MILESTONES
        for p in index.lacking(case, milestone)
    )
    return CaseAnswer(case, registry.name(case.candidate, signed), signed, index.joined(case),
                      tuple(index.parties(case)), steps, missing)  # fmt: skip


@dataclass(frozen=True)
class Party:
    """An Ally that had to ratify."""

    actor: str
    name: str


@dataclass(frozen=True)
class Pending(Answer):
    """On a date: which Allies had not yet taken a step in ratifying a candidate's protocol.

    `not_applicable` are the Allies whose procedure has no such step.
    """

    candidate: str
    on: PartialDate
    milestone: Milestone
    pending: tuple[Party, ...]
    done: tuple[Party, ...]
    uncertain: tuple[Party, ...]
    not_applicable: tuple[Party, ...]

    COLUMNS: ClassVar = ("actor", "name")
    ROWS: ClassVar = "pending"


def pending(
    registry: Registry, candidate: str, *, on: DateLike = None, milestone: Milestone = "parliament"
) -> Pending:
    """Who had not yet ratified (by default: whose parliament had not approved) on `on`."""
    index = registry.accession_index
    case = index.case(candidate)
    when = parse_date(on)
    still, done, unsure = index.pending(case, on=when, milestone=milestone)

    def named(codes: list[str]) -> tuple[Party, ...]:
        return tuple(Party(code, registry.name(code, when)) for code in codes)

    lacking = index.not_applicable(case, milestone)
    return Pending(case.candidate, when, milestone, named(still), named(done), named(unsure),
                   named(lacking))  # fmt: skip


@dataclass(frozen=True)
class RatificationRow:
    """One ratification step of one case, for export."""

    candidate: str
    ally: str
    milestone: Milestone
    date: PartialDate
    sources: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class RatificationList(Listing):
    """Every recorded ratification step, by candidate, milestone and date."""

    items: tuple[RatificationRow, ...]

    COLUMNS: ClassVar = ("candidate", "ally", "milestone", "date", "date_precision", "sources",
                         "note", "data_version")  # fmt: skip


def ratifications(registry: Registry, *, candidate: str | None = None) -> RatificationList:
    """Every ratification step, or one candidate's."""
    index = registry.accession_index
    cases = [index.case(candidate)] if candidate is not None else index.cases()
    rows = [
        RatificationRow(s.candidate, s.ally, s.milestone, s.date, s.sources, s.note)
        for case in cases
        for s in index.steps(case)
    ]
    return RatificationList.of(rows)
