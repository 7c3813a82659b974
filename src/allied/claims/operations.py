"""NATO-led operations: frames for their size and contributors, and the questions judging them.

Two classes of phrasing, judged against the operations the registry records
(`Registry.operation_index`: stated totals by date, contributions and snapshots):

- `operation-size`: "KFOR has 4,500 troops from 28 countries", "ISAF numbered some
  50,000 personnel" — read against the latest total stated on or before the day;
  a total more than a year older than the day cannot contradict (forces change), and a
  count of nations one off cannot tell (sources count contributors differently);
- `operation-contributor`: "Norway contributed to ISAF", "Austrian troops took part in
  KFOR" — supported when the registry records the contribution by then; the registry
  not recording one is no proof of absence, so the claim is then `unverifiable`.

The operation is named by an acronym or "Operation …"; a name the registry does not
know makes the claim `unverifiable`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.quantity import QUANTITY, Quantity
from allied.errors import AlliedError
from allied.model import Operation, SnapshotTotal

_OPERATION = (
    r"(?P<op>KFOR|SFOR|IFOR|ISAF|Resolute\s+Support|Operation\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
_PEOPLE = r"(?:troops|personnel|soldiers|servicemen|service\s+members|peacekeepers)"
_SIZE = re.compile(
    rf"\b{_OPERATION}\s+(?:now\s+|still\s+|currently\s+)?(?:has|had|numbers|numbered"
    rf"|consists\s+of|consisted\s+of|comprises|comprised|counts|counted)\s+"
    rf"(?P<size>(?i:(?:some|about|around|roughly|approximately|nearly|almost|over|more\s+than)\s+)?"
    rf"\d{{1,3}}(?:,\d{{3}})+|\d{{3,6}})\s+{_PEOPLE}"
    rf"(?:\s+from\s+(?P<nations>(?i:{QUANTITY}))\s+(?:nations|countries|states|contributors))?"
)
_CONTRIBUTED = re.compile(
    r"\s+(?:troops\s+|forces\s+|soldiers\s+)?(?:has\s+|have\s+|had\s+)?(?:contributed"
    r"(?:\s+(?:troops|forces|personnel|soldiers|aircraft|ships))?\s+to|took\s+part\s+in"
    rf"|participated\s+in|served\s+in|(?:has|have|had)\s+taken\s+part\s+in)\s+(?:the\s+)?(?:NATO-led\s+)?{_OPERATION}"
)
_LOOSE = re.compile(r"(?i:some|about|around|roughly|approximately|nearly|almost)\s+")
_STALE = _dt.timedelta(days=366)


def operations(ctx: Context) -> Iterator[Claim]:
    """The size of an operation and who contributed to it."""
    s, plain = ctx.sentence, ctx.plain
    if plain.find("?", s.start, s.end) >= 0:
        return
    for match in _SIZE.finditer(plain, s.start, s.end):
        if ctx.is_hedged(match.start(), match.end()) or ctx.is_negated(match.start()):
            continue
        size = match["size"]
        loose = _LOOSE.match(size)
        number = int(re.sub(r"\D", "", size))
        quantifier = "about" if loose or number % 100 == 0 else "exactly"
        nations = Quantity.parse(match["nations"]) if match["nations"] else None
        yield ctx.claim("operation-size", match.start(), match.end(), _op(match["op"]),
                        percent=float(number), approximate=quantifier == "about",
                        quantity=nations)  # fmt: skip
    for mention in s.mentions:
        if mention.kind != "actor":
            continue
        found = _CONTRIBUTED.match(plain, mention.end, s.end)
        if found is None or ctx.is_hedged(found.start(), found.end()):
            continue
        if ctx.is_negated(found.end()):
            continue
        yield ctx.claim("operation-contributor", mention.start, found.end(), _op(found["op"]),
                        actors=(mention.code,))  # fmt: skip


def _op(text: str) -> str:
    return " ".join(text.split())


def _operation(claim: Claim, facts: Facts) -> Operation | None:
    try:
        return facts.registry.operation(claim.subject)
    except AlliedError:
        return None


def _agrees(stated: float, actual: int, approximate: bool) -> bool:
    """A stated strength agrees within a tenth when rounded or hedged, else within 2%."""
    return abs(actual - stated) <= (0.1 if approximate else 0.02) * actual


def operation_size(claim: Claim, facts: Facts) -> Question:
    """Whether an operation had the stated strength (and nations) on a day."""
    operation = _operation(claim, facts)
    if operation is None or claim.percent is None:
        return unknowable(f"the registry does not know the operation {claim.subject!r}")
    index = facts.registry.operation_index
    totals = [
        t
        for d in index.size_dates(operation.slug)
        if (t := index.total(operation.slug, d)) is not None and t.personnel is not None
    ]
    if not totals:
        return unknowable(f"the registry records no stated strength of {operation.name}")
    totals.sort(key=lambda t: t.as_of.last)
    stated, nations = claim.percent, claim.quantity

    def latest(day: _dt.date) -> SnapshotTotal | None:
        found = [t for t in totals if t.as_of.last <= day]
        return found[-1] if found else None

    def read(day: _dt.date) -> Reading:
        total = latest(day)
        if total is None:
            return Reading(None, f"the registry's first stated strength of {operation.name} "
                                 f"is of {totals[0].as_of}")  # fmt: skip
        assert total.personnel is not None
        value = f"{operation.name}: {total.personnel:,} personnel"
        if total.nations is not None:
            value += f" from {total.nations} nations"
        value += f" (as of {total.as_of})"
        holds: bool | None = _agrees(stated, total.personnel, claim.approximate)
        if holds and nations is not None:
            if total.nations is None or abs(total.nations - nations.value) <= 1:
                # sources count contributors differently: one off cannot tell
                holds = None if not nations.admits(total.nations or -1) else True
            else:
                holds = nations.admits(total.nations)
        if holds is False and day - total.as_of.last > _STALE:
            holds = None  # forces change: an old total cannot contradict
        return Reading(holds, value, total.sources)

    return Question(read, tuple(t.as_of.last for t in totals))


def operation_contributor(claim: Claim, facts: Facts) -> Question:
    """Whether the registry records the actor taking part in the operation by a day."""
    operation = _operation(claim, facts)
    if operation is None or not claim.actors:
        return unknowable(f"the registry does not know the operation {claim.subject!r}")
    data = facts.registry.dataset
    (actor,) = claim.actors[:1]
    rows = [
        (c.period.start.last, c.sources)
        for c in data.contributions
        if c.operation == operation.slug and c.actor == actor
    ] + [
        (s.as_of.last, s.sources)
        for s in data.snapshots
        if s.operation == operation.slug and s.actor == actor
    ]
    rows.sort(key=lambda r: r[0])
    name = facts.name(actor, _dt.date.today())
    if not rows:
        return unknowable(f"the registry records no contribution of {name} to {operation.name}")

    def read(day: _dt.date) -> Reading:
        if rows[0][0] <= day:
            value = f"the registry records {name} in {operation.name} (first on {rows[0][0]})"
            return Reading(True, value, rows[0][1])
        return Reading(None, f"the registry records {name} in {operation.name} only from "
                             f"{rows[0][0]}", rows[0][1])  # fmt: skip

    return Question(read, (rows[0][0],))
