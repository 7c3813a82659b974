"""Decisions of NATO's foreign or defence ministers on a stated date: "On December 2-3, 2008
Foreign Ministers of NATO Member States made a decision that …".

Judged against the decisions and meetings in `events` titled after those ministers: one on
that date (about a country the sentence names, when it names any) supports the claim. The
registry records only some ministerial meetings, so finding none leaves it `unverifiable`,
never contradicted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context
from allied.claims.facts import Facts, Question, Reading, unknowable

_MINISTERS = re.compile(
    r"\b(?:NATO\s+|Allied\s+)?(?P<who>Foreign|Defen[cs]e)\s+Ministers(?:\s+of\s+(?:the\s+)?"
    r"(?:NATO|Allies|Alliance)(?:\s+[Mm]ember\s+(?:States|states|countries|nations))?)?\s*,?\s+"
    r"(?:made\s+a\s+decision|took\s+a\s+decision|decided|agreed)\b"
)


def decisions(ctx: Context) -> Iterator[Claim]:
    """A ministers' decision dated by the date fronting the sentence."""
    s, plain = ctx.sentence, ctx.plain
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
