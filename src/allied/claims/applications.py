"""A candidate's first steps: its application to join and its accession talks.

- `application`: "Finland and Sweden submitted their formal applications to join NATO on
  18 May this year", "Sweden formally applied for membership in May 2022", "Ukraine has
  applied to join NATO";
- `accession-talks`: "Montenegro's accession negotiations with the Alliance were held in
  Brussels on 15 and 16 February", "accession talks have been completed", "Less than 50 days
  later, accession talks have been completed" (counted from the date stated before).

Both are judged against the registry's events: an application is a decision titled as one,
accession talks a meeting titled so, each naming the candidates among its actors. A country
with none recorded leaves the claim `unverifiable`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.chronology import YEARLESS, this_year, with_year
from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.dating import ANY_DATE
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.quantity import Quantity
from allied.claims.ratifications import run_before
from allied.model import Event
from allied.period import PartialDate

#: An application to join: "Finland and Sweden submitted their formal applications to join NATO
#: on 18 May", "Sweden formally applied for membership in May 2022".
_APPLIED = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?(?:(?:formally|officially|also|both)\s+)?(?:applied|submitted\s+"
    r"(?:(?:their|its|a|an)\s+)?(?:(?:formal|official|joint)\s+)?(?:membership\s+)?applications?)"
    r"\s+(?:to\s+join|for)\s+(?:the\s+)?(?:NATO|[Aa]lliance|(?:NATO\s+)?membership)"
    r"(?:\s+(?:of|in)\s+(?:NATO|the\s+[Aa]lliance))?"
)
_WHEN = re.compile(rf"[^.;]{{0,40}}?\b(?:on|in)\s+(?P<date>{ANY_DATE}|{YEARLESS})")


@cued("appl")
def applications(ctx: Context) -> Iterator[Claim]:
    """A candidate's application to join, on the stated date ("this year": the text's)."""
    s, plain = ctx.sentence, ctx.plain
    for match in _APPLIED.finditer(plain, s.start, s.end):
        if not _NATO.search(plain, match.start(), match.end()) and _OTHER_BODY.search(
            plain, s.start, s.end
        ):
            continue  # "applied for membership of the EU"
        run = run_before(ctx, match.start())
        if not run or ctx.is_hedged(match.start(), match.end()) or ctx.is_negated(match.start()):
            continue
        date, end = _dated_after(ctx, match.end())
        start = next(m.start for m in s.mentions if m.kind == "actor" and m.code == run[0])
        yield ctx.claim("application", start, end, run[0], actors=run, date=date)


#: Accession talks: "Montenegro's accession negotiations … were held", "accession talks have
#: been completed", "Finland completed its accession talks".
_TALKS = re.compile(
    r"\b(?:(?P<active>completed|concluded|held|began|started|opened|launched|finished)\s+"
    r"(?:(?:its|their|the)\s+)?)?(?:[Aa]ccession\s+(?:talks|negotiations))"
    r"(?P<passive>[^.;]{0,50}?\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:held"
    r"|completed|concluded|finished|launched|opened|started|begun))?\b"
)
_NATO = re.compile(r"\bNATO\b|\b[Aa]lliance\b|\bOTAN\b")
#: Another organisation one applies to or negotiates with: its sentences are not about NATO.
_OTHER_BODY = re.compile(r"\bEU\b|European\s+Union|\bUN\b|United\s+Nations|\bWTO\b|\bOECD\b")
_WITH = re.compile(r"\s+with\s+$")
#: "Less than 50 days later, …": a span counted from the last date stated before.
_LATER = re.compile(
    r"[\s\"“]*(?P<bound>(?i:less\s+than|fewer\s+than|within|under))?\s*(?P<n>\d{1,3}|(?i:one|two"
    r"|three|four|five|six|seven|eight|nine|ten))\s+(?P<unit>days?|weeks?)\s+later\b"
)
_STATED = re.compile(rf"(?P<date>{ANY_DATE}|{YEARLESS})")


def _dated_after(ctx: Context, position: int) -> tuple[PartialDate | None, int]:
    """The date stated after `position` in its clause ("on 18 May this year"), and its end."""
    when = _WHEN.match(ctx.plain, position, ctx.sentence.end)
    if when is None:
        return None, position
    date = ctx.date_of(when["date"])
    if date is None and this_year(ctx.plain, when.end()) and ctx.written is not None:
        date = with_year(when["date"], ctx.written.year)
    return date, when.end() if date is not None else position


def _later(ctx: Context) -> PartialDate | None:
    """The span "less than 50 days later" stands for, from the previous sentence's last date."""
    match = _LATER.match(ctx.plain, ctx.sentence.start)
    previous = ctx.previous
    if match is None or previous is None:
        return None
    stated = list(_STATED.finditer(ctx.plain, previous.start, previous.end))
    if not stated:
        return None
    base = ctx.date_of(stated[-1]["date"])
    if base is None and this_year(ctx.plain, stated[-1].end()) and ctx.written is not None:
        base = with_year(stated[-1]["date"], ctx.written.year)
    if base is None or base.precision != "day":
        return None
    days = Quantity.parse(match["n"]).value * (7 if match["unit"].startswith("week") else 1)
    last = base.first + _dt.timedelta(days=days)
    first = base.first if match["bound"] else last
    return _span(first, last)


def _span(first: _dt.date, last: _dt.date) -> PartialDate:
    day = PartialDate(first.year, first.month, first.day)
    if first == last:
        return day
    return PartialDate(first.year, first.month, first.day,
                       until=PartialDate(last.year, last.month, last.day))  # fmt: skip


@cued("accession talks", "accession negotiations")
def talks(ctx: Context) -> Iterator[Claim]:
    """Accession talks held or completed, by whom (named with them, before them, or the
    invitees named last) and when (stated after, or "N days later" than the date before)."""
    s, plain = ctx.sentence, ctx.plain
    other = _OTHER_BODY.search(plain, s.start, s.end) is not None  # "EU accession talks"
    for match in _TALKS.finditer(plain, s.start, s.end):
        if not (match["active"] or match["passive"]) or ctx.is_hedged(match.start(), match.end()):
            continue
        if other and not _NATO.search(plain, s.start, s.end):
            continue
        actors = [m for m in s.mentions if m.kind == "actor"]
        near = match.start() - 3
        owner = [m.code for m in actors if m.possessive and near <= m.end <= match.start()]
        partner = [m.code for m in actors if m.start >= match.start() and
                   _WITH.search(plain, max(s.start, m.start - 6), m.start)]  # fmt: skip
        who = tuple(owner or partner or run_before(ctx, match.start()) or ctx.candidates)
        if not who:
            continue
        date, end = _dated_after(ctx, match.end())
        relative = _LATER.match(plain, s.start) is not None
        if date is None and relative:
            date = _later(ctx)
            if date is None:
                continue  # "two days later" than a date not stated
        start = min(
            [
                match.start(),
                *(
                    m.start
                    for m in actors
                    if m.code in who and m.end <= match.start() and match.start() - m.end < 40
                ),
            ]
        )
        start = s.start if relative else start
        yield ctx.claim("accession-talks", start, end, who[0], actors=who, date=date)


def _events_of(claim: Claim, facts: Facts, kind: str, title: re.Pattern[str], what: str
               ) -> Question:  # fmt: skip
    """Whether each named country has an event of `kind` titled `title`: on the claim's date,
    or by the day when it states none."""
    found = {code: [e for e in facts.registry.events(kind=kind)
                    if code in e.actors and title.search(e.title)]
             for code in claim.actors}  # fmt: skip
    missing = [code for code, events in found.items() if not events]
    if missing:
        names = facts.names(missing, _dt.date.today())
        return unknowable(f"the registry records no {what} by {names}")
    events: list[Event] = [events[0] for events in found.values()]
    sources = tuple(dict.fromkeys(s for e in events for s in e.sources))[:3]
    value = "; ".join(f"{facts.name(code, e.start.last)}: {what} on {e.start}"
                      for code, e in zip(claim.actors, events, strict=True))  # fmt: skip
    date = claim.date
    if date is not None:
        inside = [date.first <= e.start.first and e.start.last <= date.last for e in events]
        apart = [e.start.last < date.first or date.last < e.start.first for e in events]
        holds = True if all(inside) else False if any(apart) else None
        reading = Reading(holds, value, sources)
        return Question(lambda _day: reading, timeless=True)

    def read(day: _dt.date) -> Reading:
        done = all(e.start.last <= day for e in events)
        return Reading(True if done else None, value, sources)

    return Question(read, tuple(e.start.last for e in events))


_APPLICATION = re.compile(r"\bappl(?:y|ies|ied|ication)", re.I)
_TALKS_TITLE = re.compile(r"\baccession\s+(?:talks|negotiations)", re.I)


def application(claim: Claim, facts: Facts) -> Question:
    """Whether each named country applied to join NATO on the stated date (or by the day)."""
    return _events_of(claim, facts, "decision", _APPLICATION, "application to join")


def accession_talks(claim: Claim, facts: Facts) -> Question:
    """Whether each named candidate held its accession talks on the stated date (or by the day)."""
    return _events_of(claim, facts, "meeting", _TALKS_TITLE, "accession talks")
