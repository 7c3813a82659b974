"""Invitations to join: who was invited, and when.

- "In 2008, NATO invited Albania and Croatia to join the Alliance", "Montenegro was invited
  to begin accession talks on 2 December 2015" (on the stated date, else by the text's);
- "the expansion for Bulgaria, Estonia, … and Slovenia to be admitted to the alliance": the
  countries named were invitees by the text's date.

Judged against each country's accession case (`accession_cases.invited`): an invitation is
never taken back, so once true the claim stays true.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.bids import first_run
from allied.claims.chronology import YEARLESS
from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.dating import ANY_DATE
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.ratifications import run_before
from allied.period import PartialDate

_INVITED = re.compile(r"\binvited\s+(?=[A-Z]|the\s+[A-Z])")
_TO_JOIN = re.compile(
    r"\s+to\s+(?:join|begin|start|open|become)\b(?:\s+(?:accession\s+talks|NATO|the\s+[Aa]lliance"
    r"|members?\s+of\s+(?:NATO|the\s+[Aa]lliance)))?"
)
_WERE_INVITED = re.compile(
    r"\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:formally\s+|also\s+)?invited\s+to\s+"
    r"(?:join|begin|start|become)\b"
)
#: "NATO extended an invitation to Albania and Croatia", "… issued invitations to …".
_EXTENDED = re.compile(
    r"\b(?:extended|issued|sent|offered)\s+(?:an\s+|formal\s+|an\s+official\s+)?invitations?\s+"
    r"to\s+(?=[A-Z]|the\s+[A-Z])"
)
#: "Montenegro received an invitation to join NATO in December 2015".
_RECEIVED = re.compile(
    r"\s+(?:received|got|was\s+given|were\s+given)\s+(?:an\s+|a\s+formal\s+|its\s+|their\s+)?"
    r"invitations?\s+to\s+(?:join|begin|start)\b"
)
_TO_JOIN_OR_END = re.compile(r"(?:\s+to\s+(?:join|begin|start)\b(?:\s+(?:accession\s+talks|NATO"
                             r"|the\s+[Aa]lliance))?)?")  # fmt: skip
_ADMITTED = re.compile(r"\bfor\s+(?=[A-Z]|the\s+[A-Z])")
_TO_BE_ADMITTED = re.compile(r"\s+to\s+be\s+(?:admitted|accepted)\s+(?:to|into)\s+"
                             r"(?:NATO|the\s+[Aa]lliance)\b")  # fmt: skip
_WHEN = re.compile(rf"[^.;]{{0,40}}?\b(?:in|on|at)\s+(?P<date>{ANY_DATE}|{YEARLESS})")
_SHOULD = re.compile(r"\b(?:should|must|ought|shall)\b[^.;,]{0,40}$")
_CUES = ("invited", "invitation", "admitted", "accepted")


@cued(*_CUES)
def invitations(ctx: Context) -> Iterator[Claim]:
    """Countries invited to join (on a stated date), or named as the ones to be admitted."""
    s, plain = ctx.sentence, ctx.plain
    if plain.find("?", s.start, s.end) >= 0:
        return
    actors = [m for m in s.mentions if m.kind == "actor"]
    starts = [m.start for m in actors]
    frames = ((_INVITED, _TO_JOIN), (_EXTENDED, _TO_JOIN_OR_END), (_ADMITTED, _TO_BE_ADMITTED))
    for pattern, tail in frames:
        for match in pattern.finditer(plain, s.start, s.end):
            index = bisect.bisect_left(starts, match.end())
            named = actors[index : index + 40]  # a list of invitees is never longer
            if not named or plain[match.end() : named[0].start].strip() not in ("", "the"):
                continue
            run = first_run(plain, named)
            last = next(m for m in reversed(named) if m.code == run[-1])
            end = tail.match(plain, last.end, s.end)
            head = plain[max(s.start, match.start() - 60) : match.start()]
            if end is None or ctx.is_hedged(match.start(), end.end()):
                continue
            if pattern is not _ADMITTED and _SHOULD.search(head):
                continue  # "NATO should invite …": a wish (the Allies who "must endorse" the
                # admission of the countries named are not)
            date = _stated(ctx, end.end()) if pattern is not _ADMITTED else None
            yield ctx.claim("invitation", match.start(), end.end(), run[0], actors=run, date=date)
    for match in (*_WERE_INVITED.finditer(plain, s.start, s.end),
                  *_RECEIVED.finditer(plain, s.start, s.end)):  # fmt: skip
        run = run_before(ctx, match.start())
        if not run or ctx.is_hedged(match.start(), match.end()):
            continue
        first = next(m for m in actors if m.code == run[0] and m.end <= match.start())
        yield ctx.claim("invitation", first.start, match.end(), run[0], actors=run,
                        date=_stated(ctx, match.end()))  # fmt: skip


def _stated(ctx: Context, position: int) -> PartialDate | None:
    """The date fronting the sentence or stated after `position` in its clause."""
    when = _WHEN.match(ctx.plain, position, ctx.sentence.end)
    found = ctx.date_of(when["date"]) if when is not None else None
    return found or ctx.fronted_date()


def invitation(claim: Claim, facts: Facts) -> Question:
    """Whether each country was invited to join: on the stated date, or by the day."""
    cases = {c.candidate: c for c in facts.registry.accession_index.cases()}
    invited: dict[str, PartialDate] = {}
    for code in claim.actors:
        case = cases.get(code)
        if case is None or case.invited is None:
            name = facts.name(code, _dt.date.today())
            return unknowable(f"the registry records no invitation of {name}")
        invited[code] = case.invited
    sources = tuple(dict.fromkeys(s for c in claim.actors for s in cases[c].sources))[:3]
    value = "; ".join(f"{facts.name(c, d.last)} invited on {d}" for c, d in invited.items())
    date = claim.date
    if date is not None:
        inside = [date.first <= d.first and d.last <= date.last for d in invited.values()]
        apart = [d.last < date.first or date.last < d.first for d in invited.values()]
        holds = True if all(inside) else False if any(apart) else None
        reading = Reading(holds, value, sources)
        return Question(lambda _day: reading, timeless=True)

    def read(day: _dt.date) -> Reading:
        if all(d.last <= day for d in invited.values()):
            return Reading(True, value, sources)
        if any(d.first > day for d in invited.values()):
            return Reading(False, value, sources)
        return Reading(None, value, sources)

    return Question(read, tuple(sorted({d.last for d in invited.values()})))
