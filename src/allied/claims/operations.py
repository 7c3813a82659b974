"""NATO-led operations: frames for their size and contributors, and the questions judging them.

Two classes of phrasing, judged against the operations the registry records
(`Registry.operation_index`: stated totals by date, contributions and snapshots):

- `operation-size`: "KFOR has 4,500 troops from 28 countries", "ISAF numbered some
  50,000 personnel" — read against the latest total stated on or before the day;
  a total more than a year older than the day cannot contradict (forces change), and a
  count of nations one off cannot tell (sources count contributors differently);
- `operation-contributor`: "Norway contributed to ISAF", "Austrian troops took part in
  KFOR" — supported when the registry records the contribution by then; the registry
  not recording one is no proof of absence, so the claim is then `unverifiable`.

- `operation-contingent`: "Russia has the largest contingent with 3,595 troops in
  Kosovo", "about 1,100 Canadian troops are deployed" — one nation's strength, read
  against the registry's snapshots of that nation in the operation; a contribution the
  registry records as ended is no longer true; the ranking ("the largest") is not checked;
- `operation-mission`: "NATO led a mission to stabilise Afghanistan", "a mission to
  protect civilians in Libya during the 2011 conflict" — supported when the registry
  records a NATO-led operation in that country (in that year); a missing one is no proof;
- `operation-rank`: "Canada's largest current international operation" — found, and
  `unverifiable` (the registry does not rank national deployments).

The operation is named by an acronym or "Operation …" (in the sentence, or for a
contingent in the sentence before), or, for a contingent, by the country it is in; a
name the registry does not know makes the claim `unverifiable`. "At its peak" makes a
strength a claim about the largest recorded total, whenever it was.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, cued
from allied.claims.demonyms import DEMONYM, actor_of
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.claims.quantity import QUANTITY, Quantity
from allied.errors import AlliedError
from allied.model import Operation, SnapshotTotal
from allied.period import Certainty, PartialDate

_OPERATION = (
    r"(?P<op>KFOR|SFOR|IFOR|ISAF|Resolute\s+Support"
    r"|Operation\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z]{4,}(?:\s+[A-Z]{4,})?))"
)
#: What every match of `_OPERATION` contains.
_OPERATION_NAMES = ("KFOR", "SFOR", "IFOR", "ISAF", "Resolute", "Operation")
#: What every `_NUMBER` contains (the same `\d`).
_DIGIT = re.compile(r"\d")
_PEOPLE = (
    r"(?:troops|personnel|soldiers|servicemen|service\s+members|peacekeepers"
    r"|(?:[A-Z][a-z]+\s+)?Armed\s+Forces\s+members|military\s+personnel)"
)
_NUMBER = (
    r"(?i:(?:some|about|around|roughly|approximately|nearly|almost|over|more\s+than)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d{2,6})"
)
_SIZE_VERB = (
    r"\s+(?:now\s+|still\s+|currently\s+|then\s+)?(?:has|had|numbers|numbered|consists\s+of"
    r"|consisted\s+of|comprises|comprised|counts|counted|totals|totalled|totaled"
    r"|(?:is|was)\s+made\s+up\s+of|stood\s+at|stands\s+at|reached)\s+"
)
_FROM_NATIONS = (
    rf"\s+from\s+(?P<nations>(?i:{QUANTITY}))\s+(?:different\s+)?"
    r"(?:nations|countries|states|contributors)\b"
)
_SIZE = re.compile(
    rf"\b\(?{_OPERATION}\)?{_SIZE_VERB}(?P<size>{_NUMBER})\s+{_PEOPLE}(?:{_FROM_NATIONS})?"
    rf"|\b(?P<size2>{_NUMBER})-strong\s+(?:NATO-led\s+)?\(?{_OPERATION.replace('<op>', '<op2>')}"
)
#: "The force numbered about 50,000 troops", "It has 3,800 troops": the operation named before.
_SIZE_REF = re.compile(
    r"(?:\b[Tt]he\s+(?:NATO-led\s+)?(?:force|mission|operation)|(?<![\w,] )\bIt)"
    rf"{_SIZE_VERB}(?P<size>{_NUMBER})\s+{_PEOPLE}(?:{_FROM_NATIONS})?"
)
#: Nations without a strength: "ISAF comprised troops from 51 nations", "troops from 28
#: countries serve in KFOR", "31 nations contribute to KFOR".
_NATIONS = re.compile(
    rf"\b\(?{_OPERATION}\)?\s+(?:now\s+|currently\s+)?(?:has|had|comprises|comprised|includes"
    r"|included|brings\s+together|brought\s+together|consists\s+of|consisted\s+of)\s+"
    rf"(?:troops|forces|personnel|soldiers|contingents){_FROM_NATIONS}"
    r"|\b(?i:troops|forces|soldiers|personnel|contingents)"
    rf"{_FROM_NATIONS.replace('<nations>', '<nations2>')}\s+(?:now\s+)?(?:serve|served"
    r"|are\s+serving|were\s+serving|take\s+part|took\s+part|participate|participated)\s+in\s+(?:the\s+)?"
    rf"(?:NATO-led\s+)?{_OPERATION.replace('<op>', '<op2>')}"
    rf"|(?<![\w,.])(?P<nations3>(?i:{QUANTITY}))\s+(?:nations|countries|states)\s+(?:now\s+)?"
    r"(?:contribute|contributed|are\s+contributing|were\s+contributing)\s+(?:troops\s+|forces\s+)?"
    rf"to\s+(?:the\s+)?(?:NATO-led\s+)?{_OPERATION.replace('<op>', '<op3>')}"
)
_PEAK = re.compile(r"\b(?:at\s+(?:its|the)\s+(?:peak|height)|peak(?:ed)?\s+(?:at|of))\b", re.I)
#: One nation's contingent: "Russia has the largest contingent with 3,595 troops in Kosovo".
_HAS_CONTINGENT = re.compile(
    r"\s+(?:now\s+|still\s+)?(?:has|had|provides|provided|contributes|contributed|deploys"
    r"|deployed|keeps|kept)\s+(?:(?:the|a)\s+(?:[\w-]+\s+)?contingent\s+(?:with|of)\s+)?"
    rf"(?P<size>{_NUMBER})\s+{_PEOPLE}"
    rf"(?:\s+(?:in|to|with)\s+(?:the\s+)?(?:NATO-led\s+)?(?:{_OPERATION}|(?P<place>[A-Z][a-z]+)))?"
)
#: "approximately 1,100 Canadian Armed Forces members are deployed (in Latvia)".
_DEPLOYED = re.compile(
    rf"(?P<size>{_NUMBER})\s+{DEMONYM.pattern[2:-2]}\s+{_PEOPLE}\s+"
    r"(?:(?:are|were|have\s+been|had\s+been)\s+)?(?:deployed|serving|stationed|based)\b"
    r"(?:\s+(?:in|with|to)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+))?"
)
_DEPLOYED_VERBS = ("deployed", "serving", "stationed", "based")  # one is in every match
#: "NATO led a mission to stabilise Afghanistan", "a mission to protect civilians in Libya".
_MISSION = re.compile(
    r"\b(?:a|an|the|its)\s+(?:NATO(?:-led)?\s+)?(?:[a-z-]+\s+){0,2}?(?:mission|operation)\s+"
    r"(?:(?:to|that)\s+(?:[a-z]+\s+){1,4}?(?:in\s+|over\s+)?|in\s+|over\s+)"
    r"(?!(?:Allies|Ally|Alliance|Members|Partners|Europe|European|Euro)\b)(?P<place>[A-Z][a-z]+)"
    r"(?:[^.;]{0,50}?\b(?:in|during)\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b)?"
)
_MISSION_VERB = re.compile(
    r"\b(?:involved\s+in|led|leads|conducted|ran|launched|carried\s+out|undertook|took\s+on)\b"
)
#: "making it Canada's largest current international military operation".
_RANK = re.compile(
    r"(?P<actor>[A-Z][a-z]+)['\u2019]s\s+(?:largest|biggest|second[\s-]largest)\s+"
    r"(?:(?:current|ongoing|international|overseas|foreign|military)\s+){0,3}"
    r"(?:operation|mission|deployment)\b"
)
_CONTRIBUTED = re.compile(
    r"\s+(?:troops\s+|forces\s+|soldiers\s+)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:contributed"
    r"(?:\s+(?:troops|forces|personnel|soldiers|aircraft|ships))?\s+to|took\s+part\s+in"
    rf"|participated\s+in|served\s+in|(?:has|have|had)\s+taken\s+part\s+in)\s+(?:the\s+)?(?:NATO-led\s+)?{_OPERATION}"
)
#: Taking part in NATO-led operations in general: "Finland has made significant
#: contributions to NATO-led operations", "Austria contributed troops to NATO missions".
_CONTRIBUTED_ANY = re.compile(
    r"\s+(?:(?:has|have|had)\s+(?:also\s+)?(?:made|provided)\s+(?:[a-z]+\s+){0,2}?"
    r"contributions?\s+to|(?:has\s+|have\s+|had\s+)?(?:also\s+)?contributed\s+"
    r"(?:troops\s+|forces\s+|personnel\s+)?to|(?:has\s+|have\s+|had\s+)?(?:taken|took)\s+part\s+in"
    r"|(?:has\s+|have\s+|had\s+)?participated\s+in)\s+(?:several\s+|many\s+|numerous\s+)?"
    r"(?:NATO(?:-led)?|Allied)\s+(?:operations|missions)(?:\s+and\s+(?:operations|missions))?\b"
)
#: The subject of a claim about NATO-led operations in general.
ANY_OPERATION = "NATO-led operations"
_AND_OPERATION = re.compile(rf"\s+and\s+(?:the\s+)?{_OPERATION}")
#: Cheap checks before the patterns: words every strength, or every contribution, has.
_PEOPLE_WORDS = ("troops", "personnel", "soldiers", "servicemen", "service members",
                 "peacekeepers", "forces members", "nations", "countries", "states",
                 "contributors", "-strong")  # fmt: skip
_TOOK_PART_WORDS = ("contribut", "took part", "taken part", "participat", "served in")
_LOOSE = re.compile(r"(?i:some|about|around|roughly|approximately|nearly|almost)\s+")
_STALE = _dt.timedelta(days=366)


@cued(*_PEOPLE_WORDS, *_TOOK_PART_WORDS, "mission", "operation", "largest", "biggest")
def operations(ctx: Context) -> Iterator[Claim]:
    """The size of an operation, a nation's contingent, who took part, where NATO led one."""
    s, plain = ctx.sentence, ctx.plain
    if plain.find("?", s.start, s.end) >= 0:
        return
    if ctx.mentions_any(_PEOPLE_WORDS):
        yield from _sizes(ctx)
        yield from _contingents(ctx)
    if ctx.mentions_any(_TOOK_PART_WORDS):
        for mention in s.mentions:
            if mention.kind == "actor":
                yield from _contributed(ctx, mention.start, mention.end, mention.code)
        for found in DEMONYM.finditer(plain, s.start, s.end):
            code = actor_of(found["demonym"])
            if code is not None:
                yield from _contributed(ctx, found.start(), found.end(), code)
        yield from _they_contributed(ctx)
    yield from _missions(ctx)
    if not ctx.mentions_any(("largest", "biggest")):
        return
    for match in _RANK.finditer(plain, s.start, s.end):
        actor = next((m for m in s.mentions if m.start == match.start()), None)
        if actor is not None and not ctx.is_hedged(match.start(), match.end()):
            yield ctx.claim("operation-rank", match.start(), match.end(), "",
                            actors=(actor.code,))  # fmt: skip


def _sizes(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    # `_SIZE` and `_NATIONS` match only where an operation is named, and every strength is
    # in digits: the patterns are not tried on sentences that cannot have them.
    named_here = any(plain.find(name, s.start, s.end) >= 0 for name in _OPERATION_NAMES)
    digits = _DIGIT.search(plain, s.start, s.end) is not None
    found = []
    if named_here and digits:
        found = [(m, m["op"] or m["op2"]) for m in _SIZE.finditer(plain, s.start, s.end)]
    for match in _SIZE_REF.finditer(plain, s.start, s.end) if digits else ():
        named = _operation_named(ctx, match.start(), previous=False) or _operation_named(
            ctx, match.start(), previous=True
        )
        if named is not None:
            found.append((match, named))
    peak = bool(found) and _PEAK.search(plain, s.start, s.end) is not None
    for match, op in found:
        if ctx.is_hedged(match.start(), match.end()) or ctx.is_negated(match.start()):
            continue
        size = match["size"] or match.groupdict().get("size2")
        assert size is not None
        number, loose = _number(size)
        nations = Quantity.parse(match["nations"]) if match["nations"] else None
        yield ctx.claim("operation-size", match.start(), match.end(), _op(op),
                        percent=float(number), approximate=loose, quantity=nations,
                        founding=peak)  # fmt: skip
    for match in _NATIONS.finditer(plain, s.start, s.end) if named_here else ():
        if ctx.is_hedged(match.start(), match.end()) or ctx.is_negated(match.start()):
            continue
        op = match["op"] or match["op2"] or match["op3"]
        stated = match["nations"] or match["nations2"] or match["nations3"]
        yield ctx.claim("operation-size", match.start(), match.end(), _op(op),
                        quantity=Quantity.parse(stated))  # fmt: skip


def _number(size: str) -> tuple[int, bool]:
    """The figure, and whether it is loose: hedged ("some 4,000") or round (to a hundred)."""
    number = int(re.sub(r"\D", "", size))
    return number, bool(_LOOSE.match(size)) or number % 100 == 0


def _contingents(ctx: Context) -> Iterator[Claim]:
    """ "Russia has the largest contingent with 3,595 troops in Kosovo", "about 1,100
    Canadian troops are deployed": one nation's strength in an operation."""
    s, plain = ctx.sentence, ctx.plain
    if _DIGIT.search(plain, s.start, s.end) is None:
        return  # both patterns need a strength in digits
    found: list[tuple[int, re.Match[str], str]] = []
    for mention in s.mentions:
        if mention.kind == "actor":
            match = _HAS_CONTINGENT.match(plain, mention.end, s.end)
            if match is not None:
                found.append((mention.start, match, mention.code))
    deployed = any(plain.find(verb, s.start, s.end) >= 0 for verb in _DEPLOYED_VERBS)
    for match in _DEPLOYED.finditer(plain, s.start, s.end) if deployed else ():
        code = actor_of(match["demonym"])
        if code is not None:
            found.append((match.start(), match, code))
    for start, match, code in found:
        if ctx.is_hedged(start, match.end()) or ctx.is_negated(start):
            continue
        named = match.groupdict().get("op") or _operation_named(ctx, start, previous=False)
        if named is None and match["place"] is None and "contingent" in match.group():
            # "…KFOR. Russia has the largest contingent with 3,595 troops": the sentence before
            named = _operation_named(ctx, start, previous=True)
        where = _op(named) if named else match["place"]
        if where is None:
            continue
        number, loose = _number(match["size"])
        yield ctx.claim("operation-contingent", start, match.end(), where, actors=(code,),
                        percent=float(number), approximate=loose)  # fmt: skip


def _operation_named(ctx: Context, before: int, *, previous: bool) -> str | None:
    """The operation named last before `before` in the sentence, or in the one before."""
    s, plain = ctx.sentence, ctx.plain
    if previous:
        if ctx.previous is None:
            return None
        text = plain[ctx.previous.start : ctx.previous.end]
    else:
        text = plain[s.start : before]
    named = [m["op"] for m in re.finditer(_OPERATION, text)]
    return named[-1] if named else None


def _contributed(ctx: Context, start: int, end: int, code: str) -> Iterator[Claim]:
    """ "Norway contributed to ISAF", "Russian troops have participated in the NATO-led SFOR
    and KFOR operations" (one claim per operation)."""
    plain, s = ctx.plain, ctx.sentence
    found = _CONTRIBUTED.match(plain, end, s.end)
    if found is None:
        general = _CONTRIBUTED_ANY.match(plain, end, s.end)
        told = general is not None and not ctx.is_hedged(general.start(), general.end())
        if general is not None and told and not ctx.is_negated(general.end()):
            yield ctx.claim("operation-contributor", start, general.end(), ANY_OPERATION,
                            actors=(code,))  # fmt: skip
        return
    if ctx.is_hedged(found.start(), found.end()) or ctx.is_negated(found.end()):
        return
    yield ctx.claim("operation-contributor", start, found.end(), _op(found["op"]), actors=(code,))
    more = _AND_OPERATION.match(plain, found.end(), s.end)
    if more is not None:
        yield ctx.claim("operation-contributor", start, more.end(), _op(more["op"]),
                        actors=(code,))  # fmt: skip


#: A sentence about the countries named last, by pronoun: "They both have …", "Both countries
#: have also contributed …" (its verbs may be joined: "… and have made contributions to …").
_THEY = re.compile(
    r"[\s\"“]*(?:They(?:\s+both)?|Both(?:\s+countries)?|The\s+two(?:\s+countries)?"
    r"|These\s+(?:two\s+)?countries)(?=\s)"
)
_JOINED_VERB = re.compile(r"(?:\s+also)?(?:\s*,)?\s+and\s*$")


def _they_contributed(ctx: Context) -> Iterator[Claim]:
    """ "They both … and have made significant contributions to NATO-led operations": the
    candidates the text named last (whom "they" stands for), as a group."""
    plain, s = ctx.plain, ctx.sentence
    they = _THEY.match(plain, s.start, s.end)
    if they is None or not ctx.candidates or any(m.kind == "actor" for m in s.mentions):
        return
    for pattern in (_CONTRIBUTED_ANY, _CONTRIBUTED):
        for found in pattern.finditer(plain, they.end(), s.end):
            at = found.start()
            if at != they.end() and not _JOINED_VERB.search(plain, max(they.end(), at - 12), at):
                continue
            if ctx.is_hedged(found.start(), found.end()) or ctx.is_negated(found.end()):
                continue
            subject = ANY_OPERATION if pattern is _CONTRIBUTED_ANY else _op(found["op"])
            yield ctx.claim("operation-contributor", they.start(), found.end(), subject,
                            actors=ctx.candidates)  # fmt: skip
            return


def _missions(ctx: Context) -> Iterator[Claim]:
    """ "NATO has led a mission to stabilise Afghanistan": a NATO-led operation in a country."""
    s, plain = ctx.sentence, ctx.plain
    if not ctx.mentions_any(("mission", "operation")):
        return
    about_nato = any(m.code == "nato" for m in s.frameworks) or (
        ctx.previous is not None
        and any(m.code == "nato" for m in ctx.previous.frameworks)
        and re.match(r"[\s\"“]*(?:It|The\s+Alliance)\b", plain[s.start : s.end]) is not None
    )
    if not about_nato:
        return
    for match in _MISSION.finditer(plain, s.start, s.end):
        verb = _MISSION_VERB.search(plain, s.start, match.start())
        if verb is None or ctx.is_hedged(verb.start(), match.end()) or ctx.is_negated(verb.start()):
            continue
        year = PartialDate(int(match["year"])) if match["year"] else None
        yield ctx.claim("operation-mission", match.start(), match.end(), match["place"],
                        date=year)  # fmt: skip


def _op(text: str) -> str:
    return " ".join(text.split())


def _operation(claim: Claim, facts: Facts) -> Operation | None:
    try:
        return facts.registry.operation(claim.subject)
    except AlliedError:
        return None


def _agrees(stated: float, actual: int, approximate: bool) -> bool:
    """A stated strength agrees within a tenth when rounded or hedged, else within 2%."""
    return abs(actual - stated) <= (0.1 if approximate else 0.02) * actual


def _far(stated: float, actual: int) -> bool:
    """A stated strength at least twice or at most half the recorded one: too far off for the
    force to have changed unrecorded since (an old total then still contradicts)."""
    return stated >= 2 * actual or 2 * stated <= actual


def operation_size(claim: Claim, facts: Facts) -> Question:
    """Whether an operation had the stated strength (and nations) on a day."""
    operation = _operation(claim, facts)
    if operation is None:
        return unknowable(f"the registry does not know the operation {claim.subject!r}")
    if claim.percent is None:
        return _nations(operation, claim, facts)
    index = facts.registry.operation_index
    totals = [
        t
        for d in index.size_dates(operation.slug)
        if (t := index.total(operation.slug, d)) is not None and t.personnel is not None
    ]
    if not totals:
        return unknowable(f"the registry records no stated strength of {operation.name}")
    totals.sort(key=lambda t: t.as_of.last)
    stated, nations = claim.percent, claim.quantity
    if claim.founding:  # "at its peak": the largest total recorded, whenever it was
        return _peak(operation, totals, stated, claim.approximate)

    def latest(day: _dt.date) -> SnapshotTotal | None:
        found = [t for t in totals if t.as_of.last <= day]
        return found[-1] if found else None

    def read(day: _dt.date) -> Reading:
        total = latest(day)
        if total is None:
            return Reading(None, f"the registry's first stated strength of {operation.name} "
                                 f"is of {totals[0].as_of}")  # fmt: skip
        assert total.personnel is not None
        value = f"{operation.name}: {total.personnel:,} personnel"
        if total.nations is not None:
            value += f" from {total.nations} nations"
        value += f" (as of {total.as_of})"
        holds: bool | None = _agrees(stated, total.personnel, claim.approximate)
        if holds and nations is not None:
            if total.nations is None or abs(total.nations - nations.value) <= 1:
                # sources count contributors differently: one off cannot tell
                holds = None if not nations.admits(total.nations or -1) else True
            else:
                holds = nations.admits(total.nations)
        if holds is False and day - total.as_of.last > _STALE and not _far(stated, total.personnel):
            holds = None  # forces change: an old total cannot contradict, unless far off
        return Reading(holds, value, total.sources)

    return Question(read, tuple(t.as_of.last for t in totals))


def operation_contributor(claim: Claim, facts: Facts) -> Question:
    """Whether the registry records the actor taking part in the operation (or, for "NATO-led
    operations" in general, in any) by a day."""
    general = claim.subject == ANY_OPERATION
    operation = None if general else _operation(claim, facts)
    if (operation is None and not general) or not claim.actors:
        return unknowable(f"the registry does not know the operation {claim.subject!r}")
    slugs = {operation.slug} if operation is not None else None
    data = facts.registry.dataset
    firsts: list[tuple[_dt.date, tuple[str, ...], str, str]] = []
    label = operation.name if operation is not None else "a NATO-led operation"
    for actor in claim.actors:
        rows = [
            (c.period.start.last, c.sources, c.operation)
            for c in data.contributions
            if (slugs is None or c.operation in slugs) and c.actor == actor
        ] + [
            (s.as_of.last, s.sources, s.operation)
            for s in data.snapshots
            if (slugs is None or s.operation in slugs) and s.actor == actor
        ]
        name = facts.name(actor, _dt.date.today())
        if not rows:
            return unknowable(f"the registry records no contribution of {name} to {label}")
        first, sources, slug = min(rows, key=lambda r: r[0])
        firsts.append((first, sources, slug, name))
    ops = facts.registry.operation_index

    def read(day: _dt.date) -> Reading:
        seen = [f for f in firsts if f[0] <= day]
        sources = tuple(source for f in firsts for source in f[1])
        if len(seen) < len(firsts):
            late = max(firsts, key=lambda f: f[0])
            return Reading(None, f"the registry records {late[3]} in {label} only from {late[0]}",
                           sources)  # fmt: skip
        value = "; ".join(
            f"the registry records {name} in "
            f"{operation.name if operation is not None else ops.operation(slug).name}"
            f" (first on {first})"
            for first, _sources, slug, name in firsts
        )
        return Reading(True, value, sources)

    return Question(read, tuple(sorted({f[0] for f in firsts})))


def _peak(
    operation: Operation, totals: list[SnapshotTotal], stated: float, approximate: bool
) -> Question:
    """A peak strength: agrees with the largest recorded total; below it, false (the peak was
    at least that); above it, undecided (the registry may lack the peak's figure)."""
    top = max(totals, key=lambda t: t.personnel or 0)
    assert top.personnel is not None
    value = f"{operation.name}: largest recorded total {top.personnel:,} personnel ({top.as_of})"
    holds: bool | None = _agrees(stated, top.personnel, approximate)
    if not holds:
        holds = False if stated < top.personnel else None
    reading = Reading(holds, value, top.sources)
    return Question(lambda _day: reading, timeless=True)


def _where(claim: Claim, facts: Facts) -> Operation | None:
    """The operation a contingent is in: named, or the one NATO ran in the country named
    that has a record of the nation (when exactly one has)."""
    found = _operation(claim, facts)
    if found is not None:
        return found
    data = facts.registry.dataset
    actor = claim.actors[0]
    places = {
        op.slug: op
        for op in facts.registry.operations(every=True)
        if claim.subject and claim.subject in op.area
    }
    with_actor = {s.operation for s in data.snapshots if s.actor == actor} | {
        c.operation for c in data.contributions if c.actor == actor
    }
    candidates = [op for slug, op in places.items() if slug in with_actor]
    return candidates[0] if len(candidates) == 1 else None


def operation_contingent(claim: Claim, facts: Facts) -> Question:
    """Whether a nation had the stated strength in an operation on a day (and still took part)."""
    if not claim.actors or claim.percent is None:
        return unknowable("the claim names no nation or strength")
    operation = _where(claim, facts)
    if operation is None:
        return unknowable(f"the registry does not know the operation {claim.subject!r}")
    actor, stated = claim.actors[0], claim.percent
    data = facts.registry.dataset
    rows = sorted(
        ((s, int(s.personnel)) for s in data.snapshots
         if s.operation == operation.slug and s.actor == actor and str(s.personnel).isdigit()),
        key=lambda r: r[0].as_of.last,
    )  # fmt: skip
    ended = [
        c.period.end
        for c in data.contributions
        if c.operation == operation.slug and c.actor == actor and c.period.end is not None
    ]
    end = max(ended, key=lambda d: d.last) if ended else None
    name = facts.name(actor, _dt.date.today())
    if not rows:
        return unknowable(f"the registry records no strength of {name} in {operation.name}")

    def read(day: _dt.date) -> Reading:
        if end is not None and end.last < day and rows[-1][0].as_of.last <= end.last:
            return Reading(False, f"{name} left {operation.name} on {end}", rows[-1][0].sources)
        earlier = [r for r in rows if r[0].as_of.last <= day]
        if not earlier:
            return Reading(None, f"the registry's first figure for {name} in {operation.name} "
                                 f"is of {rows[0][0].as_of}")  # fmt: skip
        row, personnel = earlier[-1]
        value = f"{name} in {operation.name}: {personnel:,} personnel (as of {row.as_of})"
        holds: bool | None = _agrees(stated, personnel, claim.approximate)
        if holds is False and day - row.as_of.last > _STALE and not _far(stated, personnel):
            holds = None  # contingents change: an old figure cannot contradict, unless far off
        return Reading(holds, value, row.sources)

    days = [r.as_of.last for r, _ in rows] + ([end.last + _dt.timedelta(days=1)] if end else [])
    return Question(read, tuple(sorted(days)))


def operation_mission(claim: Claim, facts: Facts) -> Question:
    """Whether NATO led an operation in the country named (in the year stated): history."""
    place, year = claim.subject, claim.date
    ran = [
        op
        for op in facts.registry.operations(every=True)
        if place in op.area and op.kind in ("operation", "mission")
    ]
    if year is not None:
        ran = [op for op in ran if op.period.holds_on(year) is not Certainty.NO]
    if not ran:
        return unknowable(f"the registry records no NATO-led operation in {place}"
                          + (f" in {year}" if year else ""))  # fmt: skip
    op = ran[0]
    reading = Reading(True, f"{op.name}, {op.period}: {op.area}", op.sources)
    return Question(lambda _day: reading, timeless=True)


def operation_rank(claim: Claim, facts: Facts) -> Question:
    """ "Canada's largest international operation": the registry does not rank them."""
    return unknowable("the registry does not rank a nation's deployments by size")


def _nations(operation: Operation, claim: Claim, facts: Facts) -> Question:
    """How many nations took part on a day, by the latest stated count: one off cannot tell
    (sources count contributors differently), nor can a count more than a year old deny."""
    stated = claim.quantity
    if stated is None:
        return unknowable("the claim states no strength and no number of nations")
    index = facts.registry.operation_index
    totals = sorted(
        (t for d in index.size_dates(operation.slug)
         if (t := index.total(operation.slug, d)) is not None and t.nations is not None),
        key=lambda t: t.as_of.last,
    )  # fmt: skip
    if not totals:
        return unknowable(f"the registry records no count of nations in {operation.name}")

    def read(day: _dt.date) -> Reading:
        found = [t for t in totals if t.as_of.last <= day]
        if not found:
            return Reading(None, f"the registry's first count of nations in {operation.name} "
                                 f"is of {totals[0].as_of}")  # fmt: skip
        total = found[-1]
        assert total.nations is not None
        value = f"{operation.name}: {total.nations} nations (as of {total.as_of})"
        holds: bool | None = stated.admits(total.nations)
        if not holds and (
            abs(total.nations - stated.value) <= 1 or day - total.as_of.last > _STALE
        ):
            holds = None
        return Reading(holds, value, total.sources)

    return Question(read, tuple(t.as_of.last for t in totals))
