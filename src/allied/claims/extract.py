"""Find the claims a text makes that the registry can judge.

Each finder reads one sentence and yields `Claim`s: what is claimed (a count,
a list of members, a founding date, …), about whom (`subject`: a framework
slug, `partners`, `strategic-concept`, `defence-spending`, `eu-nato`), and
where (`start`/`end` offsets into the text). Counts, founding dates, spending
targets and action points are found here; lists of members in `lists`, core-task
lists in `tasks`. Finders never consult facts; `questions` and `verdict` do.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import re
from collections.abc import Iterable, Iterator

from allied.claims.applications import applications, talks
from allied.claims.bids import bids
from allied.claims.bodies import bodies
from allied.claims.chronology import YearHeadings
from allied.claims.claim import PARTNERS, Claim
from allied.claims.context import PARTNER_NOUN, Context, Finder, ascii_lower, cued
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.decisions import decisions
from allied.claims.dispatch import Dispatch
from allied.claims.frames import FINDERS as FRAME_FINDERS
from allied.claims.invitations import invitations
from allied.claims.lists import find_lists
from allied.claims.mentions import Mention, vocabulary_of
from allied.claims.operations import operations
from allied.claims.participation import participation
from allied.claims.quantity import QUANTITY, Quantity
from allied.claims.ratifications import FINDERS as RATIFICATION_FINDERS
from allied.claims.sentences import Sentence, split_sentences
from allied.claims.spending_frames import FINDERS as SPENDING_FINDERS
from allied.claims.tasks import find_task_lists
from allied.period import PartialDate
from allied.registry import Registry

_NOUN = (
    r"(?P<noun>member\s+(?:states|countries|nations)|members|Allies|allies"
    r"|partner\s+(?:countries|nations|states)|partners|countries|nations|states|participants)"
)
_COUNT = re.compile(
    # The lookahead lists the characters every alternative starts with: the search skips
    # other positions at once. It changes no match.
    r"(?=[hcnigbawoutTAI\u0130\u0131'\u2019])"  # U+0130/1: "(?i:i)" matches them
    r"(?:\b(?:has|have|had|counts?|numbers?|comprises?|comprised|includes?|included|groups?"
    r"|brings?\s+together|brought\s+together|consists?\s+of|(?:is|are|was|were)\s+made\s+up\s+of"
    r"|gathers?|unites?|with|of|among|between)\s+(?:(?:now|today|currently|a\s+total\s+of)\s+)?"
    rf"(?P<q>{QUANTITY})\s+(?P<adj>[A-Z][\w-]+\s+)?{_NOUN}\b"
    r"|(?:\b(?i:the|all|its|all\s+the)|['\u2019]s)\s+"
    rf"(?P<q2>{QUANTITY})\s+(?P<noun2>Allies|member\s+(?:states|countries)|members)\b"
    r"(?!\s+(?:that|which|who|whose)\b))"
)
_PAST_COUNT = re.compile(
    r"(?:had|counted|numbered|comprised|included|brought\s+together|consisted|grouped|gathered"
    r"|united|(?:was|were)\s+made\s+up)\b"
)
_COUNT_WORDS = ("member", "allies", "partner", "countries", "nations", "states", "participants")
_PAREN_AFTER = re.compile(r"\s*\(")
_TASK_COUNT = re.compile(
    rf"(?:['\u2019]s|\b(?:its|has|have))\s+(?P<q>{QUANTITY})\s+"
    r"(?:(?:core|main|fundamental|essential|key|principal)\s+(?:and\s+)?){0,3}tasks\b"
)
_FOUNDED = re.compile(
    # the verbs' first letters, and U+017F, U+0131, U+0130, which "(?i:s)", "(?i:i)" match
    r"(?=[fclesiFCLESI\u017f\u0131\u0130])"
    r"\b(?P<verb>(?i:founded|created|launched|established|set\s+up|initiated|inaugurated|formed))\b"
    rf"(?:[^.;()]{{0,80}}?)(?:\b(?:in|on|of)\s+|\(\s*)(?P<date>{ANY_DATE})"
)
_FOUNDED_WORDS = (
    "founded", "created", "launched", "established", "set up", "initiated", "inaugurated",
    "formed", "anniversary",
)  # fmt: skip
_FOUNDED_SUBJECT_GAP = re.compile(
    r"\)?\s*(?:\([^)]*\)\s*)?,?\s*"
    # an apposition: "…, a military alliance established in 1949"
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:alliance|organi[sz]ation|initiative|programme"
    r"|program|body|forum|partnership|council|commission|framework)\s+)?"
    r"(?:(?:which|that)\s+)?"
    r"(?:(?:was|were|is|has\s+been|had\s+been)\s+)?\(?\s*"
)
_PRONOUN_SUBJECT = re.compile(
    r"[\"“\s]*(?:It|it|The\s+Alliance)\s+(?:was|has\s+been|had\s+been)\s+(?:officially\s+)?"
)
_CLAUSE_START = re.compile(r"[\s•·▪●◦*\-\u2013\d.)]*")
#: The verb in the active voice with an object: "NATO launched a training mission in 2018"
#: says what NATO founded, not when NATO was founded.
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:an?|the|its|their|his|her|new|several|two|three|four|five|\d+)\b", re.IGNORECASE
)
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s", re.IGNORECASE
)
_AFTER_FOUNDING = re.compile(r"\s*,\s*(?:the\s+)?(?P<it>it|which)?\b")
_ANNIVERSARY = re.compile(
    r"\b(?i:in|on)\s+(?P<year>(?:19|20)\d\d)\s*,?\s+(?P<rest>.{0,40}?)\b(?:celebrated|marked|celebrates|marks)"
    r"\s+its\s+(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary"
)
_SPENDING_TALK = ("target", "spend", "gdp", "estimate", "%")
_ACTION_POINTS = re.compile(
    rf"(?P<q>{QUANTITY})\s+(?:(?:concrete|common|joint|further|new)\s+)*"
    r"(?:action\s+points|proposals|actions)\b"
)
_ACTION_WORDS = ("proposals", "action", "actions")
_EU = re.compile(r"(?=[EU])(?:\bEU\b|European\s+Union|\bUE\b|Union\s+européenne)")  # skips faster


def find_claims(plain: str, registry: Registry, *, written: _dt.date | None = None) -> list[Claim]:
    """Every claim in `plain` the registry could judge, in text order.

    `written` is the day the text was written, when known: relative dates
    ("today", "74 years ago") are read from it.

    >>> import allied
    >>> [c.kind for c in find_claims("NATO now has 32 members.", allied.load())]
    ['count']
    """
    mentions = vocabulary_of(registry).find(plain)
    lower = ascii_lower(plain)
    claims: list[Claim] = []
    previous: Sentence | None = None
    topic: Mention | None = None
    headings = YearHeadings(plain)
    named: tuple[str, ...] = ()
    invitees = frozenset(
        c.candidate for c in registry.dataset.accession_cases if c.invited or c.protocol
    )
    for sentence in split_sentences(plain, mentions):
        if previous is None or (
            sentence.paragraph != previous.paragraph
            and not _asks(plain, previous)
            and not _continues(plain, sentence, topic)
        ):
            topic = None  # a question's topic carries into the answer's paragraph
        context = Context(plain, sentence, topic, previous, lower, written,
                          lower[sentence.start : sentence.end],
                          headings.year_at(sentence.start), named, invitees)  # fmt: skip
        for finder in _DISPATCH.finders(context):
            claims.extend(finder(context))
        if sentence.mentions:
            named = tuple(dict.fromkeys(
                m.code for m in sentence.mentions if m.kind == "actor" and m.code in invitees
            )) or named  # fmt: skip
        asks = _asks(plain, sentence)
        topic = sentence.subject_in(plain) or (sentence.topic if asks else None) or topic
        previous = sentence
    claims.extend(find_task_lists(plain))
    unique = {(c.kind, c.start, c.end, c.subject): c for c in claims}
    return sorted(_without_covered(unique.values()), key=lambda c: (c.start, c.end, c.kind))


def _without_covered(claims: Iterable[Claim]) -> list[Claim]:
    """The claims less any `agreement` whose words a claim of another kind also covers:
    "Allies agreed in 2014 to spend 2% …" is a spending target, not an unknown agreement."""
    claims = list(claims)
    if not any(c.kind == "agreement" for c in claims):
        return claims
    spans = sorted((c.start, c.end) for c in claims if c.kind != "agreement")
    starts = [start for start, _end in spans]
    reach = list(itertools.accumulate((end for _start, end in spans), max))  # furthest end so far

    def covered(claim: Claim) -> bool:
        before = bisect.bisect_left(starts, claim.end)  # the spans starting before it ends
        return before > 0 and reach[before - 1] > claim.start

    return [c for c in claims if c.kind != "agreement" or not covered(c)]


#: A paragraph opening on a definite description of a body: "The Commission represents …".
_DEFINITE = re.compile(
    r"[\s\"“]*(?:The|the)\s+(?P<head>[Cc]ommission|[Cc]ouncil|[Ii]nitiative|[Pp]artnership"
    r"|[Pp]rogramme|[Dd]ialogue)\b"
)


def _continues(plain: str, sentence: Sentence, topic: Mention | None) -> bool:
    """Whether a new paragraph goes on about the last one's topic: "The Commission …" after
    a paragraph about the NATO-Georgia Commission."""
    opening = _DEFINITE.match(plain, sentence.start, sentence.end)
    return bool(topic and opening and opening["head"].lower() in topic.code)


def _asks(plain: str, sentence: Sentence) -> bool:
    """Whether `sentence` is a question (or a heading line, which names a topic too)."""
    return plain[sentence.end - 1 : sentence.end] == "?"


@cued(*_COUNT_WORDS, "tasks")
def _counts(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(_COUNT_WORDS):
        yield from _member_counts(ctx)
    if plain.find("tasks", s.start, s.end) >= 0:
        yield from _task_counts(ctx)


def _member_counts(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    if ctx.mentions_any(_SPENDING_TALK):
        return  # "an estimate of 18 members" meeting a target counts spenders, not members
    for match in _COUNT.finditer(plain, s.start, s.end):
        noun = match["noun"] or match["noun2"]
        if _PAREN_AFTER.match(plain, match.end()) or (match["adj"] and match["adj"].islower()):
            continue
        possessive = match["q2"] is not None
        mention = s.framework_before(match.start() + 1, possessive=possessive)
        if mention is None and ctx.names_other_body(match.start()):
            continue  # "The EU has 27 members": not the topic's
        framework = mention or ctx.topic
        if noun in ("Allies", "allies"):  # Allies are NATO's members, whoever else is named
            subject = "nato"
        elif framework is None:
            continue
        else:
            subject = framework.code
        if ctx.is_negated(match.start()) or ctx.is_hedged(match.start(), match.end()):
            continue
        if PARTNER_NOUN.match(noun) and subject == "nato":
            subject = PARTNERS
        quantity = Quantity.parse(match["q"] or match["q2"])
        start = ctx.subject_start(mention, match.start())
        date = ctx.stated_date(match.group(0))
        if date is None and ctx.written is not None and _PAST_COUNT.match(match.group(0)):
            # "NATO had 16 members" with no date: at some time up to the text's date
            date = PartialDate(1949, until=PartialDate(ctx.written.year))
        yield ctx.claim("count", start, match.end(), subject, quantity=quantity, date=date)


def _task_counts(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    for match in _TASK_COUNT.finditer(plain, s.start, s.end):
        mention = s.framework_before(match.start() + 1, possessive=True)
        start = ctx.subject_start(mention, match.start())
        quantity = Quantity.parse(match["q"])
        yield ctx.claim("core-tasks", start, match.end(), "strategic-concept", quantity=quantity)


@cued(*_FOUNDED_WORDS)
def _foundings(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    for match in _FOUNDED.finditer(plain, s.start, s.end):
        date = parse_text_date(match["date"])
        subject = _founded_subject(ctx, match)
        if date is None or subject is None:
            continue
        if subject is not ctx.topic:
            subject = _named_before_aside(ctx, subject)
        start = min(subject.start, match.start()) if subject is not ctx.topic else match.start()
        end = match.end() if subject.start < match.start() else max(match.end(), subject.end)
        yield ctx.claim("founding", start, end, subject.code, date=date)
    for match in _ANNIVERSARY.finditer(plain, s.start, s.end):
        mention = next((m for m in s.frameworks if match.start() <= m.start < match.end()), None)
        if mention is not None and match["rest"].strip() in (
            "",
            plain[mention.start : mention.end],
        ):
            date = PartialDate(int(match["year"]) - int(match["n"]))
            yield ctx.claim("founding", match.start(), match.end(), mention.code, date=date)


def _founded_subject(ctx: Context, match: re.Match[str]) -> Mention | None:
    """Who was founded: named just before the verb, or just after a fronted clause."""
    s, plain = ctx.sentence, ctx.plain
    before = [m for m in s.frameworks if m.end <= match.start()]
    if (
        before
        and not before[-1].possessive
        and _FOUNDED_SUBJECT_GAP.fullmatch(plain, before[-1].end, match.start())
    ):
        gap = plain[before[-1].end : match.start()]
        if (
            not _PASSIVE.search(gap)
            and "," not in gap
            and _ACTIVE_OBJECT.match(plain, match.end("verb"))
        ):
            return None  # "NATO launched a mission in 2018": NATO is the founder, not the founded
        return before[-1]
    if _PRONOUN_SUBJECT.fullmatch(plain, s.start, match.start()):
        return ctx.topic  # "It was founded in 1949"
    if not _CLAUSE_START.fullmatch(plain, s.start, match.start()):
        return None
    after = _AFTER_FOUNDING.match(plain, match.end())
    if after is None:
        return None
    if after["it"]:
        return ctx.topic
    following = s.framework_after(match.end())
    if following is not None and following.start == after.end():
        return following
    return None


def _named_before_aside(ctx: Context, mention: Mention) -> Mention:
    """The full name when `mention` is its abbreviation in parentheses: "… Organisation (NATO)"."""
    frameworks = ctx.sentence.frameworks
    index = frameworks.index(mention)
    if index > 0:
        earlier = frameworks[index - 1]
        if earlier.code == mention.code and ctx.plain[earlier.end : mention.start].strip() == "(":
            return earlier
    return mention


@cued(*_ACTION_WORDS)
def _action_points(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    matches = list(_ACTION_POINTS.finditer(plain, s.start, s.end))
    eu = matches and (
        _EU.search(plain, s.start, s.end)
        or (ctx.previous is not None and _EU.search(plain, ctx.previous.start, ctx.previous.end))
    )
    if not eu:
        return
    for match in matches:
        quantity = Quantity.parse(match["q"])
        yield ctx.claim("action-points", match.start(), match.end(), "eu-nato", quantity=quantity)


_FINDERS: tuple[Finder, ...] = (
    _counts,
    _foundings,
    find_lists,
    *SPENDING_FINDERS,
    _action_points,
    *RATIFICATION_FINDERS,
    applications,
    talks,
    bids,
    bodies,
    invitations,
    decisions,
    participation,
    operations,
    *FRAME_FINDERS,
)
#: Runs each finder on the sentences with one of the cue words it declared (or on all).
_DISPATCH = Dispatch(_FINDERS)
