"""Bids turned down: a Membership Action Plan or an invitation a country asked for and did
not get, on the day the text speaks of.

- "Ukraine's and Georgia's bids for a Membership Action Plan were thwarted at the summit",
  "Leaders failed to reach a consensus on whether to give MAP to the two countries" (the
  countries named after it, or in the sentence before);
- "the vetoing of Macedonia's bid to be invited to join NATO".

The claim is judged on the text's date (its writing date, or a date fronting the sentence):
the country was then not in the Membership Action Plan, or not invited to join (nor an Ally).
An undated text gives no day, so nothing is claimed.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.mentions import Mention
from allied.model import AccessionCase
from allied.period import PartialDate

_MAP = r"(?:(?:a|the)\s+)?(?:NATO\s+)?(?:(?i:membership\s+action\s+plan)(?:\s*\(MAP\))?|MAP)"
_DENIED = (
    r"(?:thwarted|blocked|rejected|denied|turned\s+down|vetoed|shelved|deferred|put\s+on\s+hold)"
)
_MAP_BID = re.compile(
    rf"\bbids?\s+for\s+{_MAP}\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+{_DENIED}\b"
)
_NO_CONSENSUS = re.compile(
    r"\bfailed\s+to\s+(?:reach\s+(?:a\s+)?consensus|agree)\s+(?:on\s+)?(?:whether\s+)?(?:to\s+)?"
    rf"(?:give|grant|offer|extend)\s+{_MAP}"
)
_VETOED = re.compile(
    r"\b(?:veto(?:ing)?|blocking|rejection)\s+of\s+(?=(?P<whose>[^.;]{2,40}?)['\u2019]s\s+"
    r"(?:bid|application|request)\s+(?:to\s+be\s+invited|for\s+an\s+invitation)\b)"
)
_INVITE_END = re.compile(
    r"['\u2019]s\s+(?:bid|application|request)\s+[^.;]{0,40}?\b(?:invited|invitation)"
    r"(?:\s+to\s+join(?:\s+NATO|\s+the\s+[Aa]lliance)?)?"
)
#: "to …" after the plan, past an aside: "give MAP, a program that …, to the two countries".
_TO = re.compile(r"(?:\s*,[^.;]{0,120}?,)?\s+to\s+")
_THEM = re.compile(r"(?:the\s+two(?:\s+countries)?|both(?:\s+countries)?|them|these\s+(?:two\s+)?"
                   r"countries)\b")  # fmt: skip
_LINK = re.compile(r"(?:['\u2019]s)?\s*(?:,|and|,\s*and)\s*(?:the\s+)?")
_CUES = ("bid", "consensus", "failed to", "veto", "blocking", "rejection")


@cued(*_CUES)
def bids(ctx: Context) -> Iterator[Claim]:
    """Bids for a Membership Action Plan or an invitation that were turned down."""
    s, plain = ctx.sentence, ctx.plain
    day = ctx.fronted_date() or (PartialDate.from_date(ctx.written) if ctx.written else None)
    if day is None or plain.find("?", s.start, s.end) >= 0:
        return
    actors = [m for m in s.mentions if m.kind == "actor"]
    for match in _MAP_BID.finditer(plain, s.start, s.end):
        whose = [m for m in actors if m.possessive and m.end <= match.start()
                 and match.start() - m.end < 40]  # fmt: skip
        if whose and not ctx.is_hedged(match.start(), match.end()):
            yield ctx.claim("bid-denied", whose[0].start, match.end(), "map",
                            actors=tuple(m.code for m in whose), date=day)  # fmt: skip
    for match in _NO_CONSENSUS.finditer(plain, s.start, s.end):
        who = _recipients(ctx, match.end())
        if who and not ctx.is_hedged(match.start()):  # "whether" belongs to the frame
            yield ctx.claim("bid-denied", match.start(), match.end(), "map",
                            actors=tuple(dict.fromkeys(who)), date=day)  # fmt: skip
    for match in _VETOED.finditer(plain, s.start, s.end):
        owner = next((m for m in actors if m.start == match.end() and m.possessive), None)
        end = _INVITE_END.match(plain, owner.end) if owner is not None else None
        if owner is None or end is None or ctx.is_hedged(match.start()):
            continue
        yield ctx.claim("bid-denied", match.start(), end.end(), "nato", actors=(owner.code,),
                        date=day)  # fmt: skip


def _recipients(ctx: Context, position: int) -> tuple[str, ...]:
    """Whom MAP was to go to: "… to Ukraine and Georgia", or "to the two countries" (those of
    the sentence before)."""
    to = _TO.match(ctx.plain, position, ctx.sentence.end)
    if to is None:
        return ()
    named = [m for m in ctx.sentence.mentions if m.kind == "actor" and m.start >= to.end()]
    if named and named[0].start == to.end():
        return first_run(ctx.plain, named)
    previous = ctx.previous
    if _THEM.match(ctx.plain, to.end()) and previous is not None:
        return first_run(ctx.plain, [m for m in previous.mentions if m.kind == "actor"])
    return ()


def first_run(plain: str, actors: list[Mention]) -> tuple[str, ...]:
    """The first list of actors among `actors`: "Ukraine's and Georgia's", "Ukraine and Georgia"."""
    if not actors:
        return ()
    run = [actors[0]]
    for later in actors[1:]:
        if not _LINK.fullmatch(plain, run[-1].end, later.start):
            break
        run.append(later)
    return tuple(dict.fromkeys(m.code for m in run))


def bid_denied(claim: Claim, facts: Facts) -> Question:
    """Whether each named country was, on the claim's day, outside the Membership Action Plan
    (`map`) or not invited to join NATO (`nato`)."""
    date = claim.date
    if date is None or not claim.actors:
        return unknowable("the claim states no day")
    day = date.last
    if claim.subject == "map":
        sure, maybe, _ = facts.roster("map", day)
        framework = facts.registry.get_framework("map")
        sources = framework.sources[:1] if framework is not None else ()
        inside = [a for a in claim.actors if a in sure]
        unsure = [a for a in claim.actors if a in maybe]
        names = facts.names(claim.actors, day)
        if inside:
            value = f"{facts.names(inside, day)} had a Membership Action Plan on {day}"
            reading = Reading(False, value, sources)
        else:
            value = f"{names}: no Membership Action Plan on {day}"
            reading = Reading(None if unsure else True, value, sources)
        return Question(lambda _day: reading, timeless=True)
    cases = {c.candidate: c for c in facts.registry.accession_index.cases()}
    allies, _, _ = facts.roster("nato", day)
    readings = [_not_invited(facts, code, cases.get(code), allies, day) for code in claim.actors]
    holds = [r.holds for r in readings]
    verdict = False if False in holds else None if None in holds else True
    reading = Reading(verdict, "; ".join(r.value for r in readings),
                      tuple(s for r in readings for s in r.sources)[:3])  # fmt: skip
    return Question(lambda _day: reading, timeless=True)


def _not_invited(facts: Facts, code: str, case: AccessionCase | None, allies: frozenset[str],
                 day: _dt.date) -> Reading:  # fmt: skip
    name = facts.name(code, day)
    if code in allies:
        return Reading(False, f"{name} was an Ally on {day}")
    if case is None:  # no case at all: the registry cannot tell what it asked for
        return Reading(None, f"the registry records no accession case for {name}")
    invited, sources = case.invited, case.sources[:2]
    if invited is None:
        return Reading(True, f"{name}: not invited by {day}", sources)
    if invited.last <= day:
        return Reading(False, f"{name} had been invited on {invited}", sources)
    if invited.first <= day:
        return Reading(None, f"{name} was invited in {invited}", sources)
    return Reading(True, f"{name} was invited only on {invited}", sources)
