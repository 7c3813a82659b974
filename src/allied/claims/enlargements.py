"""Enlargements: how many countries joined in a round, or have joined since a date.

- "The 2004 round of NATO enlargement brought in seven states", "the 1999 NATO enlargement
  added three countries", "Seven countries joined NATO in 2004": the actors whose first
  membership began in that span (timeless);
- "Nine more countries have joined the Alliance since 1999": those who joined after the date, by the
  day (so it can become outdated). "Since 1999" may or may not take in 1999 itself, so
  either count supports it.

A framework named in the clause is the one joined, else the paragraph's topic, else NATO
when the sentence speaks of NATO, the Alliance or Allies.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.quantity import QUANTITY, Quantity
from allied.model import FULL_ROLES, Membership

_Q = rf"(?i:{QUANTITY})"
_JOINERS = (
    r"(?:new\s+|more\s+|other\s+|further\s+|additional\s+)?(?:countries|states|nations|members)"
)
_ROUND = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?:NATO\s+)?(?:round|enlargement|expansion|wave)(?:\s+of\s+(?:NATO\s+)?"
    r"(?:enlargement|expansion))?\s+(?:brought\s+in|added|admitted|included|saw|welcomed)\s+"
    rf"(?P<q>{_Q})\s+(?:new\s+)?(?:members|member\s+states|countries|states|nations|Allies)\b"
)
_JOINED_IN = re.compile(
    rf"(?<![\w,.%-])(?P<q>{_Q})\s+{_JOINERS}\s+(?:joined|entered|acceded\s+to|were\s+admitted)"
    rf"(?P<what>\s+(?:to\s+)?[^.;,]{{0,40}}?)?\s+(?:in|on)\s+(?P<date>{ANY_DATE})"
)
_JOINED_SINCE = re.compile(
    rf"(?<![\w,.%-])(?P<q>{_Q})\s+{_JOINERS}\s+have\s+(?:since\s+)?(?:joined|entered|been\s+admitted)"
    rf"(?P<what>\s+(?:to\s+)?[^.;,]{{0,40}}?)?\s+since\s+(?P<date>{ANY_DATE})"
)
_CUES = ("round", "enlargement", "expansion", "wave", "joined", "entered", "acceded", "admitted")


@cued(*_CUES)
def enlargements(ctx: Context) -> Iterator[Claim]:
    """The number of countries that joined in a round, or have joined since a date."""
    s, plain = ctx.sentence, ctx.plain
    for pattern in (_ROUND, _JOINED_IN, _JOINED_SINCE):
        for match in pattern.finditer(plain, s.start, s.end):
            if ctx.is_hedged(match.start(), match.end()) or ctx.is_negated(match.start()):
                continue
            text = match["year"] if pattern is _ROUND else match["date"]
            date = parse_text_date(text)
            if date is None:
                continue
            subject = _joined(ctx, match)
            if subject is None:
                continue  # "seven countries joined the protests": not a framework
            quantity = Quantity.parse(match["q"])
            if pattern is _JOINED_SINCE:
                yield ctx.claim("enlargement", match.start(), match.end(), subject,
                                quantity=quantity, since=date)  # fmt: skip
            else:
                yield ctx.claim("enlargement", match.start(), match.end(), subject,
                                quantity=quantity, date=date)  # fmt: skip


def _joined(ctx: Context, match: re.Match[str]) -> str | None:
    """What was joined: a framework named after the verb, else (nothing named there) the
    topic, else NATO in a sentence about it; something else named there ("joined the
    protests"), or no framework in sight ("Ten countries joined in 2004"): nothing."""
    inside = [m for m in ctx.sentence.frameworks if match.start() <= m.start < match.end()]
    if inside:
        return inside[0].code
    if "what" in match.groupdict() and (match["what"] or "").strip():
        return None
    topic = ctx.topic
    if topic is not None:
        return topic.code
    return "nato" if ctx.mentions_any(("nato", "alliance", "allies")) else None


def enlargement(claim: Claim, facts: Facts) -> Question:
    """How many joined the framework in the stated span, or after the stated date by a day."""
    framework = facts.registry.get_framework(claim.subject)
    if framework is None or claim.quantity is None:
        return unknowable(f"the registry does not know {claim.subject!r}")
    firsts: dict[str, Membership] = {}
    for m in facts.memberships(framework.slug):
        if m.role in FULL_ROLES and m.actor not in firsts:
            firsts[m.actor] = m
    if not firsts:
        return unknowable(f"the registry records no members of {framework.name}")
    quantity = claim.quantity
    if claim.date is not None:  # a round: joined within the span
        span = claim.date
        starts = [(m, m.period.start) for m in firsts.values()]
        surely = [m for m, d in starts if span.first <= d.first and d.last <= span.last]
        maybe = [m for m, d in starts if m not in surely
                 and d.first <= span.last and span.first <= d.last]  # fmt: skip
        counts = range(len(surely), len(surely) + len(maybe) + 1)
        holds = _all_or_none([quantity.admits(n) for n in counts])
        value = f"{len(surely)} joined the {framework.name} in {span}: {_names(facts, surely)}"
        if maybe:
            value += f" ({len(maybe)} more may have, their dates being imprecise)"
        sources = tuple(dict.fromkeys(src for m in surely for src in m.sources[:1]))
        reading = Reading(holds, value, sources[:4])
        return Question(lambda _day: reading, timeless=True)
    since = claim.since
    if since is None:
        return unknowable("the claim states no date")

    def read(day: _dt.date) -> Reading:
        after = [m for m in firsts.values() if since.last < m.period.start.first
                 and m.period.start.last <= day]  # fmt: skip
        within = [m for m in firsts.values() if since.first <= m.period.start.first
                  and m.period.start.last <= day]  # fmt: skip
        holds = quantity.admits(len(after)) or quantity.admits(len(within))
        value = f"{len(after)} joined the {framework.name} after {since} by {day}"
        if after:
            value += f": {_names(facts, after, day)}"
        sources = tuple(dict.fromkeys(src for m in after for src in m.sources[:1]))
        return Reading(holds, value, sources[:4])

    days = sorted(
        {m.period.start.first for m in firsts.values() if m.period.start.first > since.first}
    )
    return Question(read, tuple(days))


def _all_or_none(verdicts: list[bool]) -> bool | None:
    """True or False when every possible count agrees, else None."""
    return verdicts[0] if len(set(verdicts)) == 1 else None


def _names(facts: Facts, rows: list[Membership], day: _dt.date | None = None) -> str:
    ordered = sorted(rows, key=lambda m: (m.period.start.first, m.actor))
    return facts.names((m.actor for m in ordered), day) or "none"
