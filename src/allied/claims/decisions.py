"""Decisions and agreements: what NATO's ministers decided on a day, what NATO agreed with a
partner, what an invitee was granted.

- `ministerial-decision`: "On December 2-3, 2008 Foreign Ministers of NATO Member States
  made a decision that …", judged against the decisions and meetings in `events` titled after
  those ministers: one on that date (about a country the sentence names, when it names any)
  supports the claim. The registry records only some ministerial meetings, so finding none
  leaves it `unverifiable`, never contradicted;
  A summit's referral to such a meeting ("The leaders decided to leave the issue to a meeting
  of their foreign ministers in December 2008") is judged the same way, on the meeting's date;
- `agreement`: "NATO and Russia have agreed on an initial workplan", "Montenegro was granted
  the right to participate in the work of NATO bodies", "Last year, Allies decided to report
  annually on …" (a decision of the Allies that no more specific claim covers): the registry
  holds no such terms, so always `unverifiable`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.facts import Facts, Question, Reading, unknowable

_MINISTERS = re.compile(
    r"\b(?:NATO\s+|Allied\s+)?(?P<who>Foreign|Defen[cs]e)\s+Ministers(?:\s+of\s+(?:the\s+)?"
    r"(?:NATO|Allies|Alliance)(?:\s+[Mm]ember\s+(?:States|states|countries|nations))?)?\s*,?\s+"
    r"(?:made\s+a\s+decision|took\s+a\s+decision|decided|agreed)\b"
)

#: A summit leaving a question to a later ministers' meeting: "The leaders decided to leave the
#: issue to a meeting of their foreign ministers in December 2008".
_REFERRED = re.compile(
    r"\b(?:decided|agreed)\s+to\s+(?:leave|refer|defer|pass|hand\s+over)\s+(?:the|this|that)\s+"
    r"(?:issue|question|matter|decision)\s+to\s+(?:a\s+(?:later\s+)?meeting\s+of\s+)?"
    r"(?:their\s+|the\s+|NATO\s+|NATO['\u2019]s\s+)?(?P<who>[Ff]oreign|[Dd]efen[cs]e)\s+[Mm]inisters"
    rf"(?:['\u2019]\s+meeting)?\s+(?:in|on|at\s+their\s+meeting\s+in)\s+(?P<date>{ANY_DATE})"
)
#: A decision of the Allies in the past: "Last year, Allies decided to report annually on …",
#: "NATO leaders agreed in 2014 to …" (a "that" clause, "We agreed …" or "they will" is not).
_DECIDED = re.compile(
    r"\b(?:(?:NATO\s+)?[Aa]llies|NATO|[Tt]he\s+Alliance|(?:[Tt]he\s+)?(?:NATO\s+)?leaders"
    r"|(?:NATO\s+)?[Mm]ember\s+(?:states|countries))\s+(?:also\s+)?(?:decided|agreed)"
    rf"(?:\s+(?:in|on|at)\s+(?:{ANY_DATE}|the\s+\w+\s+[Ss]ummit))?\s+to\s+[a-z]+"
)

#: "NATO and Russia have agreed on an initial, specific workplan".
_AGREED_ON = re.compile(
    r"\s+(?:have|has|had)\s+(?:also\s+)?agreed\s+(?:on|upon)\s+(?:an?|the|their)\s+(?:[\w,-]+\s+){0,3}"
    r"(?:workplan|work\s+plan|work\s+programme|work\s+program|action\s+plan|roadmap|road\s+map)\b"
)
#: "… was granted the right to participate in the work of NATO bodies".
_GRANTED = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been)\s+granted\s+(?:the\s+right|observer\s+status)\s+"
    r"(?:to\s+(?:participate|take\s+part)\s+in|in)\s+(?:the\s+work\s+of\s+)?(?:NATO['\u2019]?s?\s+)?"
    r"(?:bodies|meetings|committees)\b"
)


def _agreements(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(("agreed",)):
        for match in _AGREED_ON.finditer(plain, s.start, s.end):
            named = [m for m in s.mentions if m.end <= match.start() and match.start() - m.end < 40]
            if len(named) < 2 or ctx.is_hedged(match.start(), match.end()):
                continue
            yield ctx.claim("agreement", named[0].start, match.end(), named[0].code)
    if ctx.mentions_any(("granted",)):
        for match in _GRANTED.finditer(plain, s.start, s.end):
            named = [m for m in s.mentions if m.kind == "actor" and m.end <= match.start()
                     and match.start() - m.end < 4]  # fmt: skip
            if named and not ctx.is_hedged(match.start(), match.end()):
                yield ctx.claim("agreement", named[-1].start, match.end(), named[-1].code)


def agreement(claim: Claim, facts: Facts) -> Question:
    """What NATO agreed with a partner or granted an invitee: not recorded."""
    return unknowable("the registry does not record the terms agreed or granted")


def _decided(ctx: Context) -> Iterator[Claim]:
    """A summit's referral to a ministers' meeting; a decision of the Allies (`agreement`)."""
    s, plain = ctx.sentence, ctx.plain
    for match in _REFERRED.finditer(plain, s.start, s.end):
        date = parse_text_date(match["date"])
        if date is None or ctx.is_hedged(match.start(), match.end()):
            continue
        actors = tuple(dict.fromkeys(m.code for m in s.mentions if m.kind == "actor"))
        who = "defence" if match["who"].lower().startswith("defen") else "foreign"
        yield ctx.claim("ministerial-decision", s.start, match.end(), who, actors=actors,
                        date=date)  # fmt: skip
    for match in _DECIDED.finditer(plain, s.start, s.end):
        if ctx.is_hedged(match.start(), match.end()) or ctx.is_negated(match.start()):
            continue
        yield ctx.claim("agreement", match.start(), match.end(), "nato")


@cued("agreed", "granted", "ministers", "decided")
def decisions(ctx: Context) -> Iterator[Claim]:
    """A ministers' decision dated by the date fronting the sentence; agreements and rights."""
    s, plain = ctx.sentence, ctx.plain
    yield from _agreements(ctx)
    if ctx.mentions_any(("decided", "agreed")):
        yield from _decided(ctx)
    if not ctx.mentions_any(("ministers",)):
        return
    day = ctx.fronted_date()
    if day is None:
        return
    for match in _MINISTERS.finditer(plain, s.start, s.end):
        if ctx.is_hedged(match.start()):
            continue
        actors = tuple(dict.fromkeys(m.code for m in s.mentions if m.kind == "actor"))
        who = "defence" if match["who"].lower().startswith("defen") else "foreign"
        yield ctx.claim("ministerial-decision", s.start, match.end(), who, actors=actors,
                        date=day)  # fmt: skip


def ministerial_decision(claim: Claim, facts: Facts) -> Question:
    """Whether the registry records a decision or meeting of those ministers on that date."""
    date = claim.date
    if date is None:
        return unknowable("the claim states no date")
    title = re.compile(rf"\b{claim.subject}\s+ministers\b", re.I)
    found = [
        e
        for e in facts.registry.events()
        if e.kind in ("decision", "meeting")
        and title.search(e.title)
        and e.start.first <= date.last
        and date.first <= (e.end or e.start).last
        and (not claim.actors or not e.actors or set(claim.actors) & set(e.actors))
    ]
    if not found:
        return unknowable(
            f"the registry records no decision of {claim.subject} ministers on {date}"
        )
    event = found[0]
    reading = Reading(True, f"{event.title} ({event.start})", event.sources[:2])
    return Question(lambda _day: reading, timeless=True)
