"""Taking part in a body's meetings: "Representatives from Moscow first took part in meetings
at NATO in 1991, as part of the North Atlantic Cooperation Council (NACC)".

A country is named, or its capital after "representatives", "officials" or "diplomats from".
Judged against the meetings in `events`: one of that framework in the stated year (or on the
stated date) with the country among its participants supports the claim; none recorded leaves
it `unverifiable`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.facts import Facts, Question, Reading, unknowable

#: Capitals standing for their country after "representatives from …".
_CAPITALS = {"Moscow": "RUS", "Kyiv": "UKR", "Kiev": "UKR", "Tbilisi": "GEO", "Minsk": "BLR",
             "Chisinau": "MDA", "Belgrade": "SRB", "Sarajevo": "BIH", "Skopje": "MKD",
             "Podgorica": "MNE", "Helsinki": "FIN", "Stockholm": "SWE", "Vienna": "AUT",
             "Bern": "CHE", "Dublin": "IRL"}  # fmt: skip
_FROM_CAPITAL = re.compile(
    r"\b(?:[Rr]epresentatives|[Oo]fficials|[Dd]iplomats|[Dd]elegates|[Ee]nvoys|[Mm]inisters)\s+"
    r"(?:from|of)\s+(?P<capital>" + "|".join(_CAPITALS) + r")\b"
)
_TOOK_PART = re.compile(
    r"\s+(?:first\s+)?(?:took\s+part|participated|sat)\s+in\s+(?:the\s+)?(?:first\s+)?"
    r"(?:meetings?|sessions?)\b[^.;]{0,30}?\s+(?:in|on)\s+(?P<date>" + ANY_DATE + r")\s*,?\s+"
    r"(?:as\s+(?:part|members?)\s+of|within|in)\s+(?:the\s+)?$"
)


@cued("took part", "participated", "sat in")
def participation(ctx: Context) -> Iterator[Claim]:
    """A country (or its capital's representatives) taking part in a framework's meetings."""
    s, plain = ctx.sentence, ctx.plain
    for framework in s.frameworks:
        head = plain[max(s.start, framework.start - 140) : framework.start]
        took = _TOOK_PART.search(head)
        if took is None:
            continue
        at = framework.start - len(head) + took.start()
        who = _FROM_CAPITAL.search(plain, max(s.start, at - 60), at)
        actors = [m for m in s.mentions if m.kind == "actor" and at - 40 <= m.end <= at]
        if who is not None and who.end() == at:
            code, start = _CAPITALS[who["capital"]], who.start()
        elif actors:
            code, start = actors[-1].code, actors[-1].start
        else:
            continue
        date = parse_text_date(took["date"])
        if date is None or ctx.is_hedged(start, framework.end):
            continue
        yield ctx.claim("participation", start, framework.end, framework.code, actors=(code,),
                        date=date)  # fmt: skip


def took_part(claim: Claim, facts: Facts) -> Question:
    """Whether a recorded meeting of the framework at that date had the country among its
    participants."""
    date = claim.date
    if date is None or not claim.actors:
        return unknowable("the claim states no date")
    (code,) = claim.actors
    found = [
        e
        for e in facts.registry.events(kind="meeting")
        if claim.subject in e.frameworks
        and code in e.actors
        and e.start.first <= date.last
        and date.first <= e.start.last
    ]
    if not found:
        name = facts.name(code, date.last)
        return unknowable(f"the registry records no meeting of this body with {name} then")
    event = found[0]
    reading = Reading(True, f"{event.title}, {event.start}", event.sources[:2])
    return Question(lambda _day: reading, timeless=True)
