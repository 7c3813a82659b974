"""Ratifications of accession protocols: frames and the questions that judge them.

Three classes of phrasing, each judged against the registry's accession cases
(`Registry.accession_index`: the Allies that had to ratify a candidate's protocol
and each one's parliamentary approval):

- `ratification-order`: "Turkey became the 30th Ally to ratify Finland's
  accession", "the final member to approve Finland's bid" — the Ally's place
  among the parliaments' approvals; decided only when every party's approval is
  recorded and no two share a day;
- `ratification-pending`: "Hungary has not yet ratified Sweden's accession",
  "Turkey and Hungary are yet to approve Sweden's membership" — whether those
  Allies were still pending on the text's date;
- `ratification-count`: "28 Allies have ratified Sweden's accession" — how many
  had approved by the text's date.

The candidate is the actor with an accession case named after the verb
("Finland's accession", "for Sweden"); the ratifying Allies are the actors
named before it.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Iterator

from allied.claims.chronology import YEARLESS
from allied.claims.claim import Claim, ClaimKind
from allied.claims.context import Context, Finder, cued
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.quantity import QUANTITY, Quantity
from allied.errors import AlliedError
from allied.model import AccessionCase
from allied.period import PartialDate

_RATIFY = r"(?:ratif(?:y|ied|ies)|approv(?:e|ed|es)|endors(?:e|ed|es))"
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth")  # fmt: skip
_ORDER = re.compile(
    r"\b(?P<ord>" + "|".join(_ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th)|final|last)\s+"
    r"(?:NATO\s+)?(?:country|member(?:\s+state)?|[Aa]lly|state|nation|parliament)\s+"
    rf"to\s+(?:have\s+)?{_RATIFY}\b"
)
_PENDING = re.compile(
    rf"\b(?:(?:has|have)\s+(?:not\s+yet|still\s+not|yet\s+to)\s+|(?:is|are)\s+(?:still\s+)?yet\s+to\s+)"
    rf"{_RATIFY}\b"
)
_COUNT = re.compile(
    rf"(?<![\w,.])(?P<q>(?i:{QUANTITY}))\s+(?:NATO\s+)?(?:[Aa]llies|members|member\s+states"
    rf"|countries|parliaments|states)\s+(?:have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?"
    rf"(?:{_RATIFY}\b|done\s+so\s+(?=for\b))"
)
_HOLDOUTS = re.compile(
    r"\s+(?:(?:are|were|remain|remained)\s+)?(?:as\s+)?the\s+(?:only\s+)?(?:remaining|last)\s+"
    r"(?:two\s+|three\s+)?(?:holdouts?|hold-outs?|Allies\s+yet\s+to\s+ratify)\b"
)
_Q_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
#: A legislature by name: "the Senate voted to ratify …", "the Bundestag approved …".
_CHAMBERS = {"Senate": "USA", "Bundestag": "DEU", "Sejm": "POL", "Storting": "NOR",
             "Folketing": "DNK", "Riksdag": "SWE", "Eduskunta": "FIN",
             "Grand National Assembly": "TUR", "Althing": "ISL"}  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_VOTED = re.compile(
    r"\b(?:[Tt]he\s+)?(?:(?:U\.?S\.?|US|American|German|Polish|Norwegian|Danish|Swedish|Finnish"
    r"|Turkish)\s+)?(?P<chamber>" + "|".join(_CHAMBERS) + r")\s+(?:has\s+|had\s+)?"
    r"(?:voted|vote)\s+(?:(?!" + "|".join(_WEEKDAYS) + r")[\w-]+\s+)?"  # "voted unanimously"
    r"(?:(?P<day>" + "|".join(_WEEKDAYS) + r"|yesterday|today)\s+)?"
    rf"(?:(?:on|in)\s+(?P<date>{ANY_DATE})\s+)?to\s+(?:{_RATIFY}|support|back|add|admit)\b"
)
#: When, stated before the vote in its sentence: "in 1998, when the Senate voted …", "the last
#: round five years ago, when the Senate voted …" (about that many years before the text).
_VOTE_WHEN = re.compile(
    rf"\b(?:(?i:in|on)\s+(?P<date>{ANY_DATE})|(?P<n>(?i:{_Q_WORD}))\s+years\s+ago)\b[^.;]{{0,60}}$"
)
_CUES = ("ratif", "approv", "endors", "holdout", "hold-out", "voted", " vote ")


_BID = re.compile(
    r"(?:['\u2019]s)?\s+(?:NATO\s+)?(?:membership|accession|bid|application|protocol)\b"
)


def _candidate(ctx: Context, position: int) -> str | None:
    """The candidate: named after `position` ("Finland's accession", "the protocol for
    Sweden", "the accession of Montenegro"), else an actor with a bid in the sentence
    ("Finland's membership")."""
    actors = [m for m in ctx.sentence.mentions if m.kind == "actor"]
    for mention in actors:
        if mention.start < position:
            continue
        before = ctx.plain[max(position, mention.start - 5) : mention.start]
        if mention.possessive or re.search(r"\b(?:for|of)\s+$", before):
            return mention.code
    for mention in actors:
        if _BID.match(ctx.plain, mention.end, ctx.sentence.end):
            return mention.code
    return None


def _ratifiers(ctx: Context, position: int) -> tuple[str, ...]:
    """The actors named before `position` in the clause, nearest last."""
    clause = max(ctx.sentence.start, ctx.plain.rfind(";", ctx.sentence.start, position) + 1)
    return tuple(
        m.code
        for m in ctx.sentence.mentions
        if m.kind == "actor" and clause <= m.start and m.end <= position
    )


@cued(*_CUES, previous=("ratif", "approv"))
def _ratifications(ctx: Context) -> Iterator[Claim]:
    """Order, pending and counts of ratifications of a candidate's accession protocol."""
    s, plain = ctx.sentence, ctx.plain
    if plain.find("?", s.start, s.end) >= 0:
        return
    previous = ctx.previous
    if not ctx.mentions_any(_CUES):  # then only a cue in the sentence before lets it on
        earlier = "" if previous is None else ctx.lower[previous.start : previous.end]
        if "ratif" not in earlier and "approv" not in earlier:
            return
    for match in _ORDER.finditer(plain, s.start, s.end):
        candidate = _candidate(ctx, match.end())
        before = [a for a in _ratifiers(ctx, match.start()) if a != candidate]
        if candidate is None or not before or ctx.is_hedged(match.start(), match.end()):
            continue
        word = match["ord"].lower()
        n = 0 if word in ("final", "last") else (
            _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else int(word[:-2])
        )  # fmt: skip
        yield ctx.claim("ratification-order", s.start, match.end(), candidate,
                        actors=(before[0],), quantity=Quantity(n) if n else None)  # fmt: skip
    for match in _PENDING.finditer(plain, s.start, s.end):
        candidate = _candidate(ctx, match.end())
        pending = tuple(a for a in _ratifiers(ctx, match.start()) if a != candidate)
        if candidate is None or not pending or ctx.is_hedged(match.start(), match.end()):
            continue
        yield ctx.claim("ratification-pending", s.start, match.end(), candidate, actors=pending)
    yield from _votes(ctx)
    yield from _holdouts(ctx)
    # a count of ratifications says "have" or "had": the pattern is tried only then
    had = plain.find("have", s.start, s.end) >= 0 or plain.find("had", s.start, s.end) >= 0
    for match in _COUNT.finditer(plain, s.start, s.end) if had else ():
        candidate = _candidate(ctx, match.end())
        if candidate is None or ctx.is_hedged(match.start(), match.end()):
            continue
        yield ctx.claim("ratification-count", match.start(), match.end(), candidate,
                        quantity=Quantity.parse(match["q"]))  # fmt: skip


#: Whom "they" stands for in a status sentence: the candidates named last.
_PRONOUN = re.compile(
    r"\b(?:[Tt]hey|[Bb]oth(?:\s+countries)?|[Tt]he\s+two(?:\s+countries)?"
    r"|[Tt]hese\s+(?:two\s+)?countries)(?!\w)"
)
#: A candidate on its way in: "Sweden is still in limbo", "they are now applying to join".
_CANDIDACY = re.compile(
    r"\s+(?:is|are|remains?)\s+(?:still\s+|now\s+|currently\s+)*(?:in\s+limbo|stuck|on\s+hold"
    r"|waiting\s+to\s+join|(?:an?\s+)?(?:candidates?|applicants?|invitees?)\s+(?:for|to)\s+"
    r"(?:NATO\s+)?membership|(?:applying|bidding)\s+(?:to\s+join|for\s+(?:NATO\s+)?membership)"
    r"|seeking\s+(?:to\s+join|(?:NATO\s+)?membership))\b"
)
#: Every Ally has ratified: "Finland has reached the finish line", "… cleared the last hurdle".
_DONE = re.compile(
    r"\s+(?:has|have)\s+(?:now\s+|finally\s+)?(?:reached\s+the\s+finish\s+line"
    r"|cleared\s+(?:the|its|their)\s+(?:last|final)\s+(?:hurdle|obstacle)"
    r"|completed\s+(?:the\s+|its\s+|their\s+)?ratification(?:\s+process)?)\b"
)
_ALL_RATIFIED = re.compile(
    r"\b(?:[Aa]ll|[Ee]very)\s+(?:\d{1,2}\s+|the\s+|other\s+)?(?:NATO\s+)?"
    rf"(?:Allies|allies|Ally|members|member\s+states?)\s+(?:have|has|had)\s+(?:now\s+)?{_RATIFY}\b"
)
#: The protocols out for ratification: "the protocols were sent to all Allies for ratification".
_OPEN = re.compile(
    r"\b(?:[Aa]ccession\s+)?[Pp]rotocols?\b[^.;]{0,60}?\b(?:passed|sent|submitted|forwarded"
    r"|transmitted|handed)\s+(?:on\s+)?to\s+(?:all\s+)?(?:the\s+)?(?:NATO\s+)?(?:countries"
    r"|Allies|allies|members|member\s+states|parliaments|capitals)\s+for\s+ratification\b"
)


#: "Sweden's NATO bid remains blocked", "Finland's accession is still pending".
_BID_PENDING = re.compile(
    r"\s*(?:NATO\s+)?(?:accession|membership|bid|application)(?:\s+(?:bid|application|protocol))?\s+"
    r"(?:is|remains|remained\s+until\s+then)\s+(?:still\s+)?(?:pending|blocked|stalled|on\s+hold"
    r"|in\s+limbo)\b"
)
#: "Finland's accession protocol has now been ratified by all 30 Allies".
_BY_ALL = re.compile(
    r"\s*(?:NATO\s+)?(?:accession|membership)(?:\s+(?:protocol|bid))?\s+(?:has|had)\s+(?:now\s+)?"
    r"been\s+(?:ratified|approved)\s+by\s+(?:all|every)\b(?:\s+(?:the\s+)?\d{1,2})?"
    r"\s+(?:other\s+)?(?:NATO\s+)?(?:Allies|allies|Ally|members|member\s+states)\b"
)
_STATUS_CUES = ("limbo", "stuck", "on hold", "waiting", "candidate", "applicant", "invitee",
                "applying", "bidding", "seeking", "finish line", "hurdle", "obstacle",
                "ratif", "pending", "blocked", "stalled")  # fmt: skip


def run_before(ctx: Context, position: int) -> tuple[str, ...]:
    """The actors named just before `position`, as a list ("Finland and Sweden")."""
    actors = [m for m in ctx.sentence.mentions if m.kind == "actor" and m.end <= position]
    if not actors or ctx.plain[actors[-1].end : position].strip():
        return ()
    run = [actors[-1]]
    for earlier in reversed(actors[:-1]):
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", ctx.plain[earlier.end : run[0].start]):
            break
        run.insert(0, earlier)
    return tuple(m.code for m in run)


@cued(*_STATUS_CUES)
def _statuses(ctx: Context) -> Iterator[Claim]:
    """A candidate's stage: still on its way in, every Ally's ratification done, or the
    protocols out for ratification; the candidates named before the verb, or "they"."""
    s, plain = ctx.sentence, ctx.plain
    if plain.find("?", s.start, s.end) >= 0:
        return
    frames: tuple[tuple[ClaimKind, re.Pattern[str]], ...] = (
        ("candidacy", _CANDIDACY),
        ("ratification-done", _DONE),
    )
    for kind, pattern in frames:
        for match in pattern.finditer(plain, s.start, s.end):
            run = run_before(ctx, match.start())
            pronoun = _PRONOUN.search(plain, max(s.start, match.start() - 12), match.start())
            if run:
                start = next(m.start for m in s.mentions if m.code == run[0] and
                             m.kind == "actor" and m.end <= match.start())  # fmt: skip
            elif pronoun is not None and pronoun.end() == match.start():
                earlier = tuple(m.code for m in s.mentions
                                if m.kind == "actor" and m.end <= pronoun.start())  # fmt: skip
                run, start = ctx.candidates or earlier, pronoun.start()
            else:
                continue
            if not run or any(code not in ctx.invitees for code in run):
                continue  # "Germany and France are stuck": not about an accession
            if not ctx.is_hedged(match.start(), match.end()):
                yield ctx.claim(kind, start, match.end(), run[0], actors=run)
    for kind, pattern in (("candidacy", _BID_PENDING), ("ratification-done", _BY_ALL)):
        for match in pattern.finditer(plain, s.start, s.end):
            owner = next((m for m in s.mentions if m.kind == "actor" and m.possessive
                          and match.start() - 3 <= m.end <= match.start()), None)  # fmt: skip
            if owner is None or owner.code not in ctx.invitees:
                continue
            if not ctx.is_hedged(match.start(), match.end()):
                yield ctx.claim(kind, owner.start, match.end(), owner.code, actors=(owner.code,))
    for match in _ALL_RATIFIED.finditer(plain, s.start, s.end):
        candidate = _candidate(ctx, match.end())
        if candidate is not None and not ctx.is_hedged(match.start(), match.end()):
            yield ctx.claim("ratification-done", match.start(), match.end(), candidate,
                            actors=(candidate,))  # fmt: skip
    for match in _OPEN.finditer(plain, s.start, s.end):
        named = tuple(m.code for m in s.mentions if m.kind == "actor")
        candidates = named or ctx.candidates
        if candidates and not ctx.is_hedged(match.start(), match.end()):
            yield ctx.claim("ratification-open", match.start(), match.end(), candidates[0],
                            actors=candidates)  # fmt: skip


def _votes(ctx: Context) -> Iterator[Claim]:
    """ "The Senate voted unanimously Thursday to support adding …": the chamber's Ally
    approved an accession protocol on that day (a weekday: the last one by the text's date)."""
    s, plain = ctx.sentence, ctx.plain
    for match in _VOTED.finditer(plain, s.start, s.end):
        date = _vote_date(ctx, match)
        if date is None and not match["day"]:
            date = _stated_before(ctx, match.start())
        if date is None or ctx.is_hedged(match.start(), match.end()):
            continue
        candidate = _candidate(ctx, match.end()) or "nato"
        yield ctx.claim("ratification-vote", match.start(), match.end(), candidate,
                        actors=(_CHAMBERS[match["chamber"]],), date=date)  # fmt: skip


def _vote_date(ctx: Context, match: re.Match[str]) -> PartialDate | None:
    """The day of a vote as `_VOTED` read it: a date, or a weekday (the last one by the text's
    date), "yesterday", "today"."""
    if match["date"]:
        return parse_text_date(match["date"])
    if match["day"] and ctx.written is not None:
        word = match["day"].lower()
        back = (
            1 if word == "yesterday" else 0 if word == "today"
            else (ctx.written.weekday() - _WEEKDAYS.index(match["day"])) % 7
        )  # fmt: skip
        return PartialDate.from_date(ctx.written - _dt.timedelta(days=back))
    return None


#: An Ally's approval of a candidate's accession, dated: "Hungary ratified Sweden's accession
#: in February 2024", "Turkey's parliament approved Finland's NATO membership on 30 March".
_ALLY_RATIFIED = re.compile(
    r"(?:['\u2019]s\s+(?:[Pp]arliament|[Ll]egislature|[Nn]ational\s+[Aa]ssembly))?\s+"
    r"(?:(?:has|had)\s+)?(?:formally\s+|finally\s+|also\s+|unanimously\s+)?"
    r"(?:ratified|approved|endorsed)\s+"
)
_OWN_CHAMBER = re.compile(
    r"['\u2019]s\s+(?:[Pp]arliament|[Ll]egislature|[Nn]ational\s+[Aa]ssembly)"
)
_ACCESSION_WORDS = re.compile(
    r"\s*(?:NATO\s+)?(?:accession(?:\s+protocol)?|membership|bid|protocol)\b"
)
_WHEN_AFTER = re.compile(rf"[^.;]{{0,40}}?\b(?:in|on)\s+(?P<date>{ANY_DATE}|{YEARLESS})")


@cued("ratified", "approved", "endorsed")
def _ally_ratifications(ctx: Context) -> Iterator[Claim]:
    """ "Hungary ratified Sweden's accession in February 2024": that Ally's parliamentary
    approval of the candidate's protocol on the stated date (a date in the clause, or one
    fronting the sentence)."""
    s, plain = ctx.sentence, ctx.plain
    for mention in s.mentions:
        if mention.kind != "actor":
            continue
        if mention.possessive and _OWN_CHAMBER.match(plain, mention.end) is None:
            continue  # "Sweden's accession", not "Hungary's parliament"
        verb = _ALLY_RATIFIED.match(plain, mention.end, s.end)
        if verb is None:
            continue
        candidate = next((m for m in s.mentions if m.kind == "actor" and m.start == verb.end()
                          and m.possessive), None)  # fmt: skip
        if candidate is None or candidate.code == mention.code:
            continue
        what = _ACCESSION_WORDS.match(plain, candidate.end + 2, s.end)
        if what is None or ctx.is_hedged(mention.start, what.end()):
            continue
        when = _WHEN_AFTER.match(plain, what.end(), s.end)
        date = ctx.date_of(when["date"]) if when else ctx.fronted_date()
        if date is None:
            continue
        end = when.end() if when else what.end()
        yield ctx.claim("ratification-vote", mention.start, end, candidate.code,
                        actors=(mention.code,), date=date)  # fmt: skip


#: A candidate's own parliament approving its accession: "the Parliament of Montenegro passed
#: the Law on the confirmation of the North Atlantic Treaty", "Finland's parliament approved
#: the country's accession to NATO".
_OWN_PARLIAMENT = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:passed|adopted|ratified|approved|endorsed)\s+(?:the\s+)?"
    r"(?:(?:[Ll]aw|[Bb]ill|[Aa]ct|[Tt]reaty|[Pp]rotocol)\s+(?:on|for|of)\s+(?:the\s+)?"
    r"(?:confirmation|ratification|approval)\s+of\s+the\s+|(?:country['\u2019]s\s+|its\s+))?"
    r"(?:North\s+Atlantic\s+Treaty|NATO\s+(?:accession|membership)"
    r"|(?<=country['\u2019]s\s)(?:accession|membership)(?:\s+(?:to|in)\s+NATO)?"
    r"|(?<=its\s)(?:accession|membership)(?:\s+(?:to|in)\s+NATO)?"
    r"|(?:accession|membership)\s+(?:to|in)\s+NATO)\b(?!\s+of\b)"
)
_CHAMBER = r"(?:[Pp]arliament|[Nn]ational\s+[Aa]ssembly|[Ll]egislature)"
_PARLIAMENT_OF = re.compile(rf"\b[Tt]he\s+{_CHAMBER}\s+of\s+$")
_ITS_PARLIAMENT = re.compile(rf"['\u2019]s\s+{_CHAMBER}\b")


#: The date fronting the clause: "On April 28, the Parliament of …" (a day without a year is
#: read under the chronology's year heading).
_DATE_BEFORE = re.compile(rf"\b(?i:in|on)\s+(?P<date>{ANY_DATE}|{YEARLESS})\s*,?\s+$")


@cued("parliament", "assembly", "legislature")
def _own_ratifications(ctx: Context) -> Iterator[Claim]:
    """ "On April 28, the Parliament of Montenegro passed the Law on the confirmation of the
    North Atlantic Treaty": the candidate's own approval, on the date stated before it."""
    s, plain = ctx.sentence, ctx.plain
    for mention in s.mentions:
        if mention.kind != "actor" or mention.code not in ctx.invitees:
            continue
        owner = _PARLIAMENT_OF.search(plain, max(s.start, mention.start - 30), mention.start)
        if owner is not None:
            start, verb_at = owner.start(), mention.end
        else:
            owner = _ITS_PARLIAMENT.match(plain, mention.end, s.end)
            if owner is None:
                continue
            start, verb_at = mention.start, owner.end()
        match = _OWN_PARLIAMENT.match(plain, verb_at, s.end)
        if match is None or ctx.is_hedged(match.start(), match.end()):
            continue
        before = _DATE_BEFORE.search(plain, max(s.start, start - 40), start)
        date = ctx.date_of(before["date"]) if before else _stated_before(ctx, start)
        if date is None:
            after = re.match(rf"\s+(?:in|on)\s+(?P<date>{ANY_DATE})", plain[match.end() : s.end])
            date = ctx.date_of(after["date"]) if after else None
        if date is not None:
            yield ctx.claim("ratification-vote", start, match.end(), mention.code,
                            actors=(mention.code,), date=date)  # fmt: skip


#: A vote by its tally: "the 96-0 vote", "the Senate's 95-2 vote", "a 60 to 35 vote".
_TALLY = re.compile(r"\b(?P<yes>\d{1,3})\s*(?:-|\u2013|to)\s*(?P<no>\d{1,3})\s+vote\b")
#: How far back (in characters) a tally looks for the vote it refers to.
_REPORTED_WITHIN = 3000
_CHAMBER_NAMED = re.compile(r"\b(?P<chamber>" + "|".join(_CHAMBERS) + r")\b")


@cued("vote")
def _tallies(ctx: Context) -> Iterator[Claim]:
    """ "… in the Senate gallery to witness the 96-0 vote": the vote the text reported before
    (the same chamber's, dated there), or one dated in the sentence. A tally with no date
    anywhere says nothing about when, so it claims nothing."""
    s, plain = ctx.sentence, ctx.plain
    for match in _TALLY.finditer(plain, s.start, s.end):
        if int(match["yes"]) <= int(match["no"]) or ctx.is_hedged(match.start(), match.end()):
            continue  # a tally against is no approval
        named = list(_CHAMBER_NAMED.finditer(plain, s.start, s.end))
        if len({m["chamber"] for m in named}) != 1:
            continue
        chamber = named[0]["chamber"]
        date = _stated_before(ctx, match.start())
        if date is None:
            since = max(0, s.start - _REPORTED_WITHIN)  # the report it refers back to is near
            earlier = [v for v in _VOTED.finditer(plain, since, s.start) if v["chamber"] == chamber]
            date = _vote_date(ctx, earlier[-1]) if earlier else None
        if date is None:
            continue
        candidate = _candidate(ctx, match.end()) or "nato"
        yield ctx.claim("ratification-vote", match.start(), match.end(), candidate,
                        actors=(_CHAMBERS[chamber],), date=date)  # fmt: skip


#: A step before a parliament's vote: "Erdogan's decision to recommend approval by the Turkish
#: parliament of Finland's accession", "the government decided to submit the protocol".
_STEP = re.compile(
    r"\b(?:decision|decided|move|moved)\s+to\s+(?:recommend|submit|send|forward)\s+(?:the\s+)?"
    r"(?:approval|ratification|protocol|bill|accession)\b"
)


@cued("recommend", "submit", "send", "forward")
def _steps(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    for match in _STEP.finditer(plain, s.start, s.end):
        candidate = _candidate(ctx, match.end())
        if candidate is None or ctx.is_hedged(match.start(), match.end()):
            continue
        owner = [m for m in s.mentions if m.end <= match.start() and match.start() - m.end < 4]
        start = owner[-1].start if owner else match.start()
        yield ctx.claim("ratification-step", start, match.end(), candidate)


def _stated_before(ctx: Context, position: int) -> PartialDate | None:
    """The date stated shortly before `position`; "N years ago" is the year around N years
    before the text's date (half a year either way, to the month)."""
    when = _VOTE_WHEN.search(ctx.plain, max(ctx.sentence.start, position - 100), position)
    if when is None:
        return None
    if when["date"]:
        return parse_text_date(when["date"])
    if ctx.written is None:
        return None
    back = 12 * Quantity.parse(when["n"]).value
    first, last = (_months_before(ctx.written, back + 6), _months_before(ctx.written, back - 6))
    return PartialDate(first.year, first.month, until=PartialDate(last.year, last.month))


def _months_before(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + day.month - 1 - months
    return _dt.date(index // 12, index % 12 + 1, 1)


def _holdouts(ctx: Context) -> Iterator[Claim]:
    """ "Turkey and Hungary are the remaining holdouts": exactly these were still pending."""
    s, plain = ctx.sentence, ctx.plain
    if not ctx.mentions_any(("holdout", "hold-out", "yet to ratify")):
        return
    actors = [m for m in s.mentions if m.kind == "actor"]
    for index, mention in enumerate(actors):
        match = _HOLDOUTS.match(plain, mention.end, s.end)
        if match is None:
            continue
        run = [mention]
        for earlier in reversed(actors[:index]):
            if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", plain[earlier.end : run[0].start]):
                run.insert(0, earlier)
            else:
                break
        listed = tuple(m.code for m in run)
        candidate = _candidate(ctx, s.start)
        if candidate is None or candidate in listed or ctx.is_hedged(match.start()):
            continue
        yield ctx.claim("ratification-pending", run[0].start, match.end(), candidate,
                        actors=listed, complete=True)  # fmt: skip


def _case(claim: Claim, facts: Facts) -> AccessionCase | None:
    index = facts.registry.accession_index
    return next((c for c in index.cases() if c.candidate == claim.subject), None)


def _sources(steps: list[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for sources in steps for s in sources))[:3]


def ratification_order(claim: Claim, facts: Facts) -> Question:
    """Whether an Ally was the N-th (or last) party to approve a candidate's protocol."""
    index = facts.registry.accession_index
    case = _case(claim, facts)
    if case is None or not claim.actors:
        return unknowable("the registry records no accession case for this claim")
    parties = index.parties(case)
    steps = {s.ally: s for s in index.steps(case, "parliament")}
    (ally,) = claim.actors
    name = facts.name(claim.subject, _dt.date.today())
    if set(parties) - set(steps) or ally not in steps:
        reason = f"the registry does not record every Ally's approval of {name}'s accession"
        return unknowable(reason)
    mine = steps[ally]
    others = [s for s in steps.values() if s is not mine]
    if any(o.date.first <= mine.date.last and o.date.last >= mine.date.first for o in others):
        return unknowable(f"{ally} may share its approval day with another Ally")
    place = 1 + sum(o.date.last < mine.date.first for o in others)
    wanted = claim.quantity.value if claim.quantity is not None else len(steps)
    value = (f"{facts.name(ally, _dt.date.today())} was number {place} of {len(steps)} Allies "
             f"to approve {name}'s accession, on {mine.date}")  # fmt: skip
    reading = Reading(place == wanted, value, mine.sources)
    return Question(lambda _day: reading, timeless=True)


def _pending_on(facts: Facts, case: AccessionCase, day: _dt.date) -> tuple[list[str], ...] | None:
    try:
        return facts.registry.accession_index.pending(case, on=PartialDate.from_date(day))
    except AlliedError:
        return None


def ratification_pending(claim: Claim, facts: Facts) -> Question:
    """Whether the named Allies had still not approved a candidate's protocol on a day."""
    case = _case(claim, facts)
    index = facts.registry.accession_index
    if case is None:
        return unknowable("the registry records no accession case for this claim")
    steps = index.steps(case, "parliament")

    def read(day: _dt.date) -> Reading:
        found = _pending_on(facts, case, day)
        if found is None:
            return Reading(None, f"the registry cannot tell who had ratified by {day}")
        pending, done, unsure = found
        names = facts.names(pending, day) if pending else "none"
        value = f"still to approve on {day}: {names}"
        mine = [s.sources for s in steps if s.ally in claim.actors]
        if any(a in done for a in claim.actors):
            return Reading(False, value, _sources(mine))
        if claim.complete and set(pending) - set(claim.actors):
            return Reading(False, value, _sources(mine))
        if any(a in unsure or a not in pending for a in claim.actors):
            return Reading(None, value, _sources(mine))
        return Reading(True, value, _sources(mine))

    return Question(read, tuple(s.date.last for s in steps))


def ratification_count(claim: Claim, facts: Facts) -> Question:
    """How many of the parties had approved a candidate's protocol by a day."""
    case = _case(claim, facts)
    quantity = claim.quantity
    if case is None or quantity is None:
        return unknowable("the registry records no accession case for this claim")
    steps = facts.registry.accession_index.steps(case, "parliament")

    def read(day: _dt.date) -> Reading:
        found = _pending_on(facts, case, day)
        if found is None:
            return Reading(None, f"the registry cannot tell who had ratified by {day}")
        pending, done, unsure = found
        verdicts = {quantity.admits(n) for n in range(len(done), len(done) + len(unsure) + 1)}
        total = len(pending) + len(done) + len(unsure)
        value = f"{len(done)} of {total} Allies had approved by {day}"
        holds = verdicts.pop() if len(verdicts) == 1 else None
        return Reading(holds, value, _sources([s.sources for s in steps])[:2])

    return Question(read, tuple(s.date.last for s in steps))


def ratification_vote(claim: Claim, facts: Facts) -> Question:
    """Whether the Ally's legislature approved an accession protocol on the stated date."""
    date = claim.date
    if date is None or not claim.actors:
        return unknowable("the claim states no date")
    (ally,) = claim.actors
    index = facts.registry.accession_index
    cases = [c for c in index.cases() if claim.subject in ("nato", c.candidate)]
    steps = [s for c in cases for s in index.steps(c, "parliament") if s.ally == ally]
    name = facts.name(ally, _dt.date.today())
    if not steps and ally == claim.subject:  # a candidate's own approval of its accession
        return _own_approval(claim, facts, date, name)
    if not steps:
        return unknowable(f"the registry records no parliamentary approval by {name}")
    close = [s for s in steps if abs(s.date.first.year - date.first.year) <= 1]
    if not close:
        reason = f"the registry records no approval by {name} near {date}"
        return unknowable(reason)
    same = [s for s in close if s.date.first <= date.last and date.first <= s.date.last]
    step = same[0] if same else close[0]
    whom = facts.name(step.candidate, _dt.date.today())
    value = f"{name}'s legislature approved {whom}'s accession protocol on {step.date}"
    inside = date.first <= step.date.first and step.date.last <= date.last  # "in 1998"
    reading = Reading(True if same and inside else None if same else False, value, step.sources)
    return Question(lambda _day: reading, timeless=True)


_PARLIAMENT_TITLE = re.compile(r"\b(?:[Pp]arliament|[Aa]ssembly|[Ll]egislature)\b")


def _own_approval(claim: Claim, facts: Facts, date: PartialDate, name: str) -> Question:
    """A candidate's parliament approving its own accession, against the decisions in
    `events` about the candidate alone that name a parliament: on the stated date, supported; within
    a year of it on another day, contradicted; none recorded, unverifiable."""
    found = [
        e
        for e in facts.registry.events()
        if e.kind == "decision" and e.actors == (claim.subject,)
        and _PARLIAMENT_TITLE.search(e.title)
        and abs(e.start.first.year - date.first.year) <= 1
    ]  # fmt: skip
    if not found:
        return unknowable(f"the registry records no approval by {name}'s parliament near {date}")
    same = [e for e in found if e.start.first <= date.last and date.first <= e.start.last]
    event = (same or found)[0]
    inside = date.first <= event.start.first and event.start.last <= date.last
    holds = True if same and inside else None if same else False
    reading = Reading(holds, f"{event.title} ({event.start})", event.sources)
    return Question(lambda _day: reading, timeless=True)


def _stage(claim: Claim, facts: Facts, read_one: Callable[[AccessionCase, _dt.date], Reading],
           days: Callable[[AccessionCase], Iterable[PartialDate | None]]) -> Question:  # fmt: skip
    """A claim about each named candidate's stage on a day: every one must hold."""
    index = facts.registry.accession_index
    by_code = {c.candidate: c for c in index.cases()}
    cases = [by_code.get(code) for code in claim.actors]
    if not cases or any(c is None for c in cases):
        return unknowable("the registry records no accession case for every country named")
    known = [c for c in cases if c is not None]

    def read(day: _dt.date) -> Reading:
        readings = [read_one(case, day) for case in known]
        holds = [r.holds for r in readings]
        verdict = False if False in holds else None if None in holds else True
        value = "; ".join(r.value for r in readings)
        return Reading(verdict, value, _sources([r.sources for r in readings]))

    changes = {d for case in known for date in days(case) if date for d in (date.first, date.last)}
    return Question(read, tuple(sorted(changes)))


def _between(facts: Facts, case: AccessionCase, start: PartialDate | None, what: str,
             day: _dt.date) -> Reading:  # fmt: skip
    """Whether `day` falls after `start` (a stage's beginning) and before the accession."""
    joined = facts.registry.accession_index.joined(case)
    name = facts.name(case.candidate, day)
    sources = case.sources[:2]
    if joined is not None and day >= joined.last:
        return Reading(False, f"{name} joined on {joined}", sources)
    if start is None or day < start.first or (joined is not None and day >= joined.first):
        return Reading(None, f"the registry cannot tell whether {name} was {what} on {day}")
    return Reading(True, f"{name} was {what} on {day} (from {start})", sources)


def candidacy(claim: Claim, facts: Facts) -> Question:
    """Whether each named country was on its way in: invited (or its protocol signed) and
    not yet joined. Before the invitation the registry cannot tell (applications are not
    recorded)."""
    index = facts.registry.accession_index

    def start(case: AccessionCase) -> PartialDate | None:
        return case.invited or index.protocol_signed(case)

    return _stage(claim, facts,
                  lambda case, day: _between(facts, case, start(case), "a candidate", day),
                  lambda case: (start(case), index.joined(case)))  # fmt: skip


def ratification_open(claim: Claim, facts: Facts) -> Question:
    """Whether each named candidate's protocol was out for ratification: signed, not in force."""
    index = facts.registry.accession_index
    return _stage(claim, facts,
                  lambda case, day: _between(facts, case, index.protocol_signed(case),
                                             "awaiting ratification", day),
                  lambda case: (index.protocol_signed(case), index.joined(case)))  # fmt: skip


def ratification_done(claim: Claim, facts: Facts) -> Question:
    """Whether every Ally had approved each named candidate's protocol by a day."""
    index = facts.registry.accession_index

    def read_one(case: AccessionCase, day: _dt.date) -> Reading:
        name = facts.name(case.candidate, day)
        signed = index.protocol_signed(case)
        if signed is None or day < signed.first:
            return Reading(False, f"{name}'s accession protocol was not yet signed on {day}")
        found = _pending_on(facts, case, day)
        if found is None:
            return Reading(None, f"the registry cannot tell who had ratified by {day}")
        pending, done, unsure = found
        total = len(pending) + len(done) + len(unsure)
        value = f"{len(done)} of {total} Allies had approved {name}'s accession by {day}"
        steps = index.steps(case, "parliament")
        recorded = {s.ally for s in steps}
        unsure = unsure + [a for a in pending if a not in recorded]  # no step: not known when
        pending = [a for a in pending if a in recorded]
        last = _sources([steps[-1].sources]) if steps and not pending else ()
        holds = False if pending else None if unsure else True
        return Reading(holds, value, last or case.sources[:2])

    def days(case: AccessionCase) -> list[PartialDate | None]:
        return [index.protocol_signed(case), index.joined(case),
                *(s.date for s in index.steps(case, "parliament"))]  # fmt: skip

    return _stage(claim, facts, read_one, days)


def ratification_step(claim: Claim, facts: Facts) -> Question:
    """A step before a parliament's vote: not recorded, so `unverifiable`."""
    return unknowable("the registry records each Ally's parliamentary approval, not the steps "
                      "before it")  # fmt: skip


#: A candidate's stage, the steps of a protocol's ratification, then their order and counts.
FINDERS: tuple[Finder, ...] = (
    _statuses,
    _steps,
    _ratifications,
    _tallies,
    _own_ratifications,
    _ally_ratifications,
)
