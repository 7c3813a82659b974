"""Find the claims a text makes that the registry can judge.

Each finder reads one sentence and yields `Claim`s: what is claimed (a count,
a list of members, a founding date, …), about whom (`subject`: a framework
slug, `partners`, `strategic-concept`, `defence-spending`, `eu-nato`), and
where (`start`/`end` offsets into the text). Counts, founding dates, spending
targets and action points are found here; lists of members in `lists`, core-task
lists in `tasks`. Finders never consult facts; `questions` and `verdict` do.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator

from allied.claims.applications import applications, talks
from allied.claims.bids import bids
from allied.claims.bodies import bodies
from allied.claims.chronology import YearHeadings
from allied.claims.claim import PARTNERS, Claim
from allied.claims.context import PARTNER_NOUN, Context, ascii_lower
from allied.claims.dating import ANY_DATE, parse_text_date
from allied.claims.decisions import decisions
from allied.claims.frames import FINDERS as FRAME_FINDERS
from allied.claims.invitations import invitations
from allied.claims.lists import find_lists
from allied.claims.mentions import Mention, vocabulary_of
from allied.claims.operations import operations
from allied.claims.participation import participation
from allied.claims.quantity import QUANTITY, Quantity
from allied.claims.ratifications import ratifications
from allied.claims.sentences import Sentence, split_sentences
from allied.claims.tasks import find_task_lists
from allied.period import PartialDate
from allied.registry import Registry

_NOUN = (
    r"(?P<noun>member\s+(?:states|countries|nations)|members|Allies|allies"
    r"|partner\s+(?:countries|nations|states)|partners|countries|nations|states|participants)"
)
_COUNT = re.compile(
    r"\b(?:has|have|had|counts?|numbers?|comprises?|comprised|includes?|included|groups?"
    r"|brings?\s+together|brought\s+together|consists?\s+of|(?:is|are|was|were)\s+made\s+up\s+of"
    r"|gathers?|unites?|with|of|among|between)\s+(?:(?:now|today|currently|a\s+total\s+of)\s+)?"
    rf"(?P<q>{QUANTITY})\s+(?P<adj>[A-Z][\w-]+\s+)?{_NOUN}\b"
    r"|(?:\b(?i:the|all|its|all\s+the)|['\u2019]s)\s+"
    rf"(?P<q2>{QUANTITY})\s+(?P<noun2>Allies|member\s+(?:states|countries)|members)\b"
    r"(?!\s+(?:that|which|who|whose)\b)"
)
_COUNT_WORDS = ("member", "allies", "partner", "countries", "nations", "states", "participants")
_PAREN_AFTER = re.compile(r"\s*\(")
_TASK_COUNT = re.compile(
    rf"(?:['\u2019]s|\b(?:its|has|have))\s+(?P<q>{QUANTITY})\s+"
    r"(?:(?:core|main|fundamental|essential|key|principal)\s+(?:and\s+)?){0,3}tasks\b"
)
_FOUNDED = re.compile(
    r"\b(?i:founded|created|launched|established|set\s+up|initiated|inaugurated|formed)\b"
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
_AFTER_FOUNDING = re.compile(r"\s*,\s*(?:the\s+)?(?P<it>it|which)?\b")
_ANNIVERSARY = re.compile(
    r"\b(?i:in|on)\s+(?P<year>(?:19|20)\d\d)\s*,?\s+(?P<rest>.{0,40}?)\b(?:celebrated|marked|celebrates|marks)"
    r"\s+its\s+(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary"
)
_CLAUSE_END = re.compile(
    r"[,;:]|\s(?:but|while|whereas)\s|\sand\s+(?=(?:will|would|could|may|might|can|should|must"
    r"|need|needs|is|are|was|were|has|have|had)\b)"
)
_SPENDING_TALK = ("target", "spend", "gdp", "estimate", "%")
_SPENDING_WORDS = ("gdp", "defence", "defense", "target", "goal", "guideline")
_SPENDING_CUE = re.compile(
    r"defen[cs]e\s+(?:spending|expenditure|budgets?|investment)|\bGDP\b|\bGNP\b"
    r"|%\s+(?:target|guideline|goal)",
    re.I,
)
#: A past decision on the target: judged as history ("Allies agreed in 2014 to …").
_DECIDED_TARGET = re.compile(
    r"\b(?:agreed|pledged|committed|decided|undertook|promised)\b(?P<rest>[^.;]{0,80})$"
)
_SINCE_YEAR = re.compile(
    r"\b(?:[Ss]ince|[Ii]n|[Aa]t\s+an?)\s+(?:(?:[A-Z][a-z]+|\d{1,2})\s+){0,2}(?P<year>(?:19|20)\d\d)\b"
)
#: "23 allies meet 2 %", "all 32 members are projected to meet": counts of who spends what,
#: and increases, are not the target.
_NOT_TARGET = re.compile(
    r"\b(?:increase|rise|growth)\s+(?:of|by)\s+[^.;%]{0,10}$|\b(?:below|above|benchmark)\b[^.;%]{0,40}$",
    re.I,
)
#: Between a country and its share: "Poland, with defence spending equivalent to", "Canada is
#: around", "Poland (".
_SHARE_GAP = re.compile(
    r"(?:['\u2019]s)?(?:\s*,\s*with|\s+(?:is|was|spends?|spent|at)|\s*\()[^.;()%]{0,50}$"
)
_COUNTS_WHO = re.compile(
    r"\b(?:\d{1,2}|all|most|few|several|more\s+than\s+\d{1,2})\s+(?:NATO\s+)?(?:allies|Allies|members"
    r"|member\s+states|countries)\b[^.;]{0,60}\b(?:meet|spend|reach|will|are|were|have)\b"
)
_ALLIES_WORD = r"(?:NATO\s+)?(?:allies|Allies|members|member\s+states|countries|nations)"
_SPENDING_COUNT = re.compile(
    rf"(?:(?<![\w,.])(?P<q>(?i:{QUANTITY}))|\b(?i:all)\s+(?P<all>\d{{1,2}}))\s+{_ALLIES_WORD}\b"
    r"[^.;%]{0,60}?\b(?:meet|meets|met|spend|spends|spent|reach|reached|hit|hits|achieve|achieved"
    r"|(?P<below>below|under|short\s+of)|above|at)\b"
    r"[^.;%]{0,50}?(?<![\d.,])(?P<pct>\d(?:[.,]\d{1,2})?)\s*(?:%|per\s?cent\b|percent\b)"
)
#: "23 Allies are expected to meet the alliance's defence spending target": the level is the
#: guideline in force on the day.
_TARGET_COUNT = re.compile(
    rf"(?<![\w,.])(?P<q>(?i:{QUANTITY}))\s+{_ALLIES_WORD}\b[^.;%]{{0,40}}?\b(?:meet|meets|met"
    r"|reach|reached|hit|achieve|achieved)\s+(?:(?:the|its|their)\s+)?(?:(?:alliance|Alliance|NATO)"
    r"['\u2019]s\s+)?(?:defen[cs]e[\s-]spending\s+)?(?:target|guideline|benchmark)\b(?!\s+of\s+\d)"
)
_SPENDING_YEAR = re.compile(r"\b(?i:in|for)\s+(?P<year>(?:19|20)\d\d)\b|\b(?i:this)\s+year\b")
_LOOSE = re.compile(r"\b(?:around|about|roughly|approximately|nearly|almost|some|close\s+to)\b")
_PERCENT = re.compile(
    r"(?P<pct>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:%|per\s?cent\b|percent\b)"
    r"(?:[^.;]{0,60}?\bby\s+(?P<year>(?:19|20)\d\d)\b)?"
)
_ACTION_POINTS = re.compile(
    rf"(?P<q>{QUANTITY})\s+(?:(?:concrete|common|joint|further|new)\s+)*"
    r"(?:action\s+points|proposals|actions)\b"
)
_ACTION_WORDS = ("proposals", "action", "actions")
_EU = re.compile(r"\bEU\b|European\s+Union|\bUE\b|Union\s+européenne")


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
        for finder in _FINDERS:
            claims.extend(finder(context))
        named = tuple(dict.fromkeys(
            m.code for m in sentence.mentions if m.kind == "actor" and m.code in invitees
        )) or named  # fmt: skip
        asks = _asks(plain, sentence)
        topic = sentence.subject_in(plain) or (sentence.topic if asks else None) or topic
        previous = sentence
    claims.extend(find_task_lists(plain))
    unique = {(c.kind, c.start, c.end, c.subject): c for c in claims}
    return sorted(unique.values(), key=lambda c: (c.start, c.end, c.kind))


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
        yield ctx.claim("count", start, match.end(), subject, quantity=quantity, date=date)


def _task_counts(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    for match in _TASK_COUNT.finditer(plain, s.start, s.end):
        mention = s.framework_before(match.start() + 1, possessive=True)
        start = ctx.subject_start(mention, match.start())
        quantity = Quantity.parse(match["q"])
        yield ctx.claim("core-tasks", start, match.end(), "strategic-concept", quantity=quantity)


def _foundings(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    if not ctx.mentions_any(_FOUNDED_WORDS):
        return
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


def _spending(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    previous = ctx.previous
    earlier = previous is not None and _SPENDING_CUE.search(plain, previous.start, previous.end)
    # "Currently 2% of GNP. Canada is around 1.3%": the cue in the sentence before
    cued = _SPENDING_CUE.search(plain, s.start, s.end) or earlier
    worded = ctx.mentions_any(_SPENDING_WORDS) or (earlier and ctx.mentions_any(("%",)))
    if not worded or not cued:
        return
    counted = list(_spending_counts(ctx))  # who meets a level, not the target itself
    if counted or _COUNTS_WHO.search(plain, s.start, s.end):
        yield from counted
        return
    for match in _PERCENT.finditer(plain, s.start, s.end):
        before = plain[max(s.start, match.start() - 80) : match.start()]
        actor = next((m for m in reversed(s.mentions) if m.kind == "actor" and
                      match.start() - 70 <= m.start < match.start()), None)  # fmt: skip
        if (
            actor is not None
            and _SHARE_GAP.fullmatch(plain, actor.end, match.start())
            and not ctx.is_hedged(match.start())
        ):
            # "Poland, with defence spending equivalent to 4.12% of GDP": a national share
            share = float(match["pct"].replace(",", "."))
            loose = _LOOSE.search(plain, actor.end, match.start()) is not None
            yield ctx.claim("spending-share", actor.start, match.end(), "defence-spending",
                            actors=(actor.code,), percent=share, approximate=loose,
                            date=_spending_year(ctx, match.end()))  # fmt: skip
            continue
        clause_end = _CLAUSE_END.search(plain, match.end(), s.end)
        if ctx.is_hedged(match.start(), clause_end.start() if clause_end else s.end):
            continue  # "the new 3.5% goal will test allies": a prediction
        year = PartialDate(int(match["year"])) if match["year"] else None
        percent = float(match["pct"].replace(",", "."))
        decided = _DECIDED_TARGET.search(plain, max(s.start, match.start() - 90), match.start())
        if decided is None and _NOT_TARGET.search(before):
            continue
        if decided is not None:
            since = _SINCE_YEAR.search(plain, s.start, match.start())
            made = PartialDate(int(since["year"])) if since else None
            yield ctx.claim("spending-target", s.start, s.end, "defence-spending",
                            percent=percent, date=year, founding=True, since=made)  # fmt: skip
            continue
        yield ctx.claim(
            "spending-target", s.start, s.end, "defence-spending", percent=percent, date=year
        )


def _spending_year(ctx: Context, position: int) -> PartialDate | None:
    """The year a spending figure is stated for: "in 2023" after it in its clause, or "this
    year" (the text's year); none when the text leaves it to the release's latest year."""
    clause_end = _CLAUSE_END.search(ctx.plain, position, ctx.sentence.end)
    end = clause_end.start() if clause_end else ctx.sentence.end
    found = _SPENDING_YEAR.search(ctx.plain, position, end) or _SPENDING_YEAR.search(
        ctx.plain, ctx.sentence.start, position
    )
    if found is None:
        return None
    if found["year"]:
        return PartialDate(int(found["year"]))
    return PartialDate(ctx.written.year) if ctx.written is not None else None


def _spending_counts(ctx: Context) -> Iterator[Claim]:
    """ "23 Allies meet the 2% guideline", "only 9 members spend 2%", "all 32 members are
    projected to meet 2% in 2025": how many Allies were at (or below) a share of GDP."""
    s, plain = ctx.sentence, ctx.plain
    for match in _TARGET_COUNT.finditer(plain, s.start, s.end):
        if ctx.is_negated(match.start()):
            continue
        yield ctx.claim("spending-count", match.start(), match.end(), "defence-spending",
                        quantity=Quantity.parse(match["q"]),
                        date=_spending_year(ctx, match.end()))  # fmt: skip
    for match in _SPENDING_COUNT.finditer(plain, s.start, s.end):
        if ctx.is_negated(match.start()):
            continue
        quantity = Quantity.parse(match["q"] or match["all"])
        percent = float(match["pct"].replace(",", "."))
        yield ctx.claim("spending-count", match.start(), match.end(), "defence-spending",
                        quantity=quantity, percent=percent, below=bool(match["below"]),
                        complete=bool(match["all"]),
                        date=_spending_year(ctx, match.end()))  # fmt: skip


def _action_points(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    if not ctx.mentions_any(_ACTION_WORDS):
        return
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


_FINDERS: tuple[Callable[[Context], Iterator[Claim]], ...] = (
    _counts,
    _foundings,
    find_lists,
    _spending,
    _action_points,
    ratifications,
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
