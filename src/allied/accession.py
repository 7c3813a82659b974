"""Accession cases Ally by Ally: who had to ratify, who had, who was still pending on a date.

The Allies that had to ratify a protocol are derived from the registry — the
Allies on the day it was signed — and the protocol's and the accession's dates
come from their events, so a case can never disagree with the memberships. A
step an Ally's procedure does not have (`procedures.csv`: Canada's has no act of
the head of state) is not expected of it: it is not applicable, never pending.

>>> import allied
>>> index = AccessionIndex(allied.load())
>>> index.case("Sweden").protocol
'accession-protocol-2022-finland-sweden'
"""

from __future__ import annotations

from collections import defaultdict

from allied.errors import NotRecorded, OutsideLifetime, UnknownActor
from allied.model import AccessionCase, Milestone, Procedure, Ratification
from allied.period import Certainty, PartialDate, Period
from allied.registry import Registry


class AccessionIndex:
    """Cases by candidate, their ratifications, and the parties each protocol needed."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cases = {case.candidate: case for case in registry.dataset.accession_cases}
        self._steps: dict[str, list[Ratification]] = defaultdict(list)
        for step in registry.dataset.ratifications:
            self._steps[step.candidate].append(step)
        self._procedures: dict[tuple[str, str], list[Procedure]] = defaultdict(list)
        for procedure in registry.dataset.procedures:
            self._procedures[(procedure.ally, procedure.milestone)].append(procedure)

    def case(self, text: str) -> AccessionCase:
        """The case of the candidate with this code or any name; raises `UnknownActor`."""
        code = self.registry.actor_of(text).code
        try:
            return self._cases[code]
        except KeyError:
            raise UnknownActor(f"no accession case for {code}") from None

    def cases(self) -> list[AccessionCase]:
        """Every case, by protocol date (open cases, without a protocol, last)."""
        return sorted(self._cases.values(), key=self._order)

    def protocol_signed(self, case: AccessionCase) -> PartialDate | None:
        """The day the accession protocol was signed, from its event."""
        return self.registry.event(case.protocol).start if case.protocol else None

    def joined(self, case: AccessionCase) -> PartialDate | None:
        """The day the candidate deposited its instrument and joined, from its event."""
        return self.registry.event(case.accession).start if case.accession else None

    def parties(self, case: AccessionCase) -> list[str]:
        """The Allies that had to ratify: the Allies on the day the protocol was signed."""
        signed = self.protocol_signed(case)
        if signed is None:
            return []
        allies = self.registry.members("nato", on=signed, roles=("member",))
        return sorted(s.membership.actor for s in allies)

    def procedure(self, ally: str, milestone: Milestone, on: PartialDate) -> Procedure | None:
        """What `procedures.csv` says of the Ally's `milestone` on `on`, if anything."""
        found = (p for p in self._procedures.get((ally, milestone), ()) if p.holds_on(on))
        return next(found, None)

    def has_step(self, ally: str, milestone: Milestone, on: PartialDate) -> bool:
        """Whether the Ally's procedure had this step on `on` (unless recorded otherwise, yes)."""
        procedure = self.procedure(ally, milestone, on)
        return procedure is None or procedure.applies

    def lacking(self, case: AccessionCase, milestone: Milestone) -> list[Procedure]:
        """The procedures of the parties that had no such step when the protocol was signed."""
        signed = self.protocol_signed(case)
        if signed is None:
            return []
        found = (self.procedure(ally, milestone, signed) for ally in self.parties(case))
        return [p for p in found if p is not None and not p.applies]

    def not_applicable(self, case: AccessionCase, milestone: Milestone) -> list[str]:
        """The parties whose procedure has no such step: never pending, never missing."""
        return [procedure.ally for procedure in self.lacking(case, milestone)]

    def expected(self, case: AccessionCase, milestone: Milestone) -> list[str]:
        """The parties whose procedure has this step, on the day the protocol was signed."""
        lacking = set(self.not_applicable(case, milestone))
        return [ally for ally in self.parties(case) if ally not in lacking]

    def steps(self, case: AccessionCase, milestone: Milestone | None = None) -> list[Ratification]:
        """The case's ratification steps (of one milestone, or all), in date order."""
        found = [s for s in self._steps.get(case.candidate, ()) if milestone in (None, s.milestone)]
        return sorted(found, key=lambda s: (s.date.sort_key, s.ally, s.milestone))

    def pending(
        self, case: AccessionCase, *, on: PartialDate, milestone: Milestone = "parliament"
    ) -> tuple[list[str], list[str], list[str]]:
        """On `on`: the parties still pending, those done, and those that may be (uncertain).

        Only the parties whose procedure has the step are counted (`expected`).
        Raises `OutsideLifetime` for a date before the protocol was signed.
        """
        signed = self.protocol_signed(case)
        if signed is None:
            raise OutsideLifetime(f"{case.candidate} has not signed an accession protocol")
        if on.last < signed.first:
            raise OutsideLifetime(
                f"{case.candidate}'s protocol was signed on {signed}; {on} is before it"
            )
        parties = self.expected(case, milestone)
        joined = self.joined(case)
        if joined is not None and on.first >= joined.last:  # joined: every party had ratified
            return [], parties, []
        by_ally = {s.ally: s for s in self.steps(case, milestone)}
        if not by_ally and parties:
            raise NotRecorded(f"no {milestone} dates are recorded for {case.candidate}'s accession")
        pending, done, unsure = [], [], []
        for ally in parties:
            step = by_ally.get(ally)
            held = Period(step.date).holds_on(on) if step else Certainty.NO
            if held is Certainty.YES:
                done.append(ally)
            elif held is Certainty.MAYBE:
                unsure.append(ally)
            else:
                pending.append(ally)
        return pending, done, unsure

    def _order(self, case: AccessionCase) -> tuple[tuple[object, ...], str]:
        signed = self.protocol_signed(case)
        return (signed.sort_key if signed else (PartialDate(9999).first, 0), case.candidate)
