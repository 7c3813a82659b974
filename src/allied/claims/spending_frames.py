"""Spending claims in a sentence: national shares, counts of Allies at a level, the target.

The classes: a national share ("Poland, with defence spending equivalent to 4.12% of
GDP", "Canada is around 1.3%"), a count of Allies at or below a level ("23 Allies meet
2%", "all 32 members are projected to meet the 2% target", "23 allies are expected to
meet the alliance's target"), the target itself ("the 2% of GDP guideline") and a past
decision on it ("Allies agreed in 2014 to spend 2% by 2024"). `spending` judges them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from allied.claims.claim import Claim
from allied.claims.context import Context, Finder, cued
from allied.claims.mentions import Mention
from allied.claims.quantity import QUANTITY, Quantity
from allied.period import PartialDate

_CLAUSE_END = re.compile(
    r"[,;:]|\s(?:but|while|whereas)\s|\sand\s+(?=(?:will|would|could|may|might|can|should|must"
    r"|need|needs|is|are|was|were|has|have|had)\b)"
)
_SPENDING_WORDS = (
    "gdp",
    "defence",
    "defense",
    "target",
    "goal",
    "guideline",
    "threshold",
    "benchmark",
)
_SPENDING_CUE = re.compile(
    # The lookahead lists the characters every alternative starts with: the search skips
    # other positions at once. It changes no match.
    r"(?=[dg%])"
    r"(?:defen[cs]e\s+(?:spending|expenditure|budgets?|investment)|\bGDP\b|\bGNP\b"
    r"|%\s+(?:target|guideline|goal))",
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
_TARGET_WORD = r"(?:target|guideline|benchmark|threshold|goal)"
_TARGET_COUNT = re.compile(
    rf"(?<![\w,.])(?P<q>(?i:{QUANTITY}))\s+{_ALLIES_WORD}\b[^.;%]{{0,40}}?\b(?:meet|meets|met"
    r"|reach|reached|hit|achieve|achieved|(?P<below>below|under|short\s+of))\s+"
    r"(?:(?:the|its|their)\s+)?(?:(?:alliance|Alliance|NATO)['\u2019]s\s+)?"
    rf"(?:defen[cs]e[\s-]spending\s+)?{_TARGET_WORD}\b(?!\s+of\s+\d)"
)
#: "every Ally meets 2%", "all Allies met the target", "universal compliance with the 2%
#: benchmark": every Ally at a level, however many there were.
_EVERY = re.compile(
    # The lookahead lists the characters every alternative starts with: the search skips
    # other positions at once. It changes no match.
    r"(?=[aAeEuUfFcC])"
    r"\b(?:(?i:all|every)\s+(?:NATO\s+)?(?:[Aa]llies|[Aa]lly|members?|member\s+(?:states?|countries))"
    r"\b[^.;%]{0,40}?\b(?:meet|meets|met|reach|reached|hit|achieve|achieved)"
    r"|\b(?i:universal|full|complete)\s+(?:compliance|adherence)\s+with)\s+"
    r"(?:(?:the|its|their)\s+)?(?:(?:alliance|Alliance|NATO)['\u2019]s\s+)?"
    r"(?:(?P<pct>\d(?:[.,]\d{1,2})?)\s*(?:%|per\s?cent\b|percent\b)\s*(?:of\s+GDP\s+)?)?"
    rf"(?:defen[cs]e[\s-]spending\s+)?{_TARGET_WORD}\b"
)
#: An obligation or a wish, not a fact: "All Allies should meet the target".
_NORMATIVE = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|ha(?:ve|s)\s+to)\b", re.I)
#: "in 2023", "for fiscal year 2023", "in FY2023", "in 2023/24" (NATO labels a fiscal year by
#: the calendar year it starts in), "this year".
_SPENDING_YEAR = re.compile(
    r"\b(?i:in|for|during)\s+(?:(?i:the\s+)?(?i:fiscal|financial|budget)\s+year\s+|FY\s?)?"
    r"(?P<year>(?:19|20)\d\d)\b|\bFY\s?(?P<fy>(?:19|20)\d\d)\b|\b(?i:this)\s+year\b"
)
#: An Ally against a level: "Greece met the 2% guideline", "Spain remains below the target".
_ALLY_LEVEL = re.compile(
    r"\s+(?:(?:has|have|had|should|must|will|would|could|can|may|might|does|did|do)\s+"
    r"(?:not\s+|never\s+|yet\s+to\s+)?)?(?:now\s+|still\s+|already\s+|also\s+|again\s+)?"
    r"(?:(?P<above>meets?|met|reach(?:es|ed)?|hits?|exceed(?:s|ed)?|surpass(?:es|ed)?"
    r"|(?:is|was|remains|remained|stays|stayed)\s+(?:well\s+)?above)"
    r"|(?P<below>miss(?:es|ed)?|falls?\s+short\s+of|fell\s+short\s+of"
    r"|(?:is|was|remains|remained|stays|stayed)\s+(?:well\s+|still\s+)?(?:below|under)))\s+"
    r"(?:(?:the|its|NATO['\u2019]s|the\s+(?:alliance|Alliance)['\u2019]s)\s+)?"
    r"(?:(?P<pct>\d(?:[.,]\d{1,2})?)\s*(?:%|per\s?cent\b|percent\b)\s*(?:of\s+GDP\s+)?)?"
    rf"(?:defen[cs]e[\s-]spending\s+)?{_TARGET_WORD}\b"
)
_NEGATED_VERB = re.compile(r"\b(?:not|never|yet\s+to)\b")
#: A share stated as a bound: "Poland spends more than 4%", "Spain spends less than 1.5%".
_ABOVE = re.compile(r"\b(?:more\s+than|over|above|at\s+least|in\s+excess\s+of|exceeding)\s*$")
_BELOW = re.compile(r"\b(?:less\s+than|under|below)\s*$")
_LOOSE = re.compile(r"\b(?:around|about|roughly|approximately|nearly|almost|some|close\s+to)\b")
_PERCENT = re.compile(
    r"(?P<pct>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:%|per\s?cent\b|percent\b)"
    r"(?:[^.;]{0,60}?\bby\s+(?P<year>(?:19|20)\d\d)\b)?"
)


#: A decision on defence investment in the sentence before: what a pledge part continues.
_DECISION = re.compile(r"\b(?:agreed|committed|pledged|decided|undertook)\b")
_INVESTMENT = re.compile(
    r"\bGDP\b|defen[cs]e\s+(?:spending|investment|expenditure)|capabilit|equipment", re.I
)
#: "They also agreed to invest more in capabilities", "And to contribute personnel to NATO
#: missions": a further part of the decision the sentence before reports.
_PLEDGE_PART = re.compile(
    r"[\s\"“]*(?:(?:They|Allies|Leaders|Members|NATO\s+members|NATO\s+Allies)\s+(?:also\s+)?"
    r"(?:agreed|committed|pledged|decided|undertook)\s+to|And\s+(?:also\s+)?to)\s+"
    r"(?P<what>[^.;]{5,120})"
)
_EQUIPMENT = re.compile(r"capabilit|equipment", re.I)
_CONTRIBUTIONS = re.compile(
    r"\bcontribut\w*\b[^.;]{0,40}\b(?:missions?|operations?)\b"
    r"|\b(?:personnel|forces|troops)\s+(?:to|for)\s+(?:NATO\s+)?(?:missions?|operations?)\b",
    re.I,
)


@cued(previous=("agreed", "committed", "pledged", "decided", "undertook"))  # _DECISION
def _pledge_parts(ctx: Context) -> Iterator[Claim]:
    s, plain, previous = ctx.sentence, ctx.plain, ctx.previous
    match = _PLEDGE_PART.match(plain, s.start, s.end)
    if match is None or previous is None or ctx.is_hedged(match.start("what"), match.end()):
        return
    if not _DECISION.search(plain, previous.start, previous.end):
        return
    if not _INVESTMENT.search(plain, previous.start, previous.end):
        return
    what = match["what"]
    part = (
        "contributions"
        if _CONTRIBUTIONS.search(what)
        else "capabilities"
        if _EQUIPMENT.search(what)
        else None
    )
    if part is not None:
        yield ctx.claim("spending-pledge", s.start, match.end(), "defence-spending",
                        tasks=(part,))  # fmt: skip


@cued(*_SPENDING_WORDS, "%")  # neither a spending word nor a share: no claim, whatever came before
def _spending(ctx: Context) -> Iterator[Claim]:
    s, plain = ctx.sentence, ctx.plain
    previous = ctx.previous
    earlier = previous is not None and _SPENDING_CUE.search(plain, previous.start, previous.end)
    # "Currently 2% of GNP. Canada is around 1.3%": the cue in the sentence before
    cued = _SPENDING_CUE.search(plain, s.start, s.end) or earlier
    worded = ctx.mentions_any(_SPENDING_WORDS) or (earlier and ctx.mentions_any(("%",)))
    if not worded or not cued:
        return
    # "Greece met the 2% guideline": one Ally at a level, whose 2% is not a target claim
    # (nor when the clause is negated or an obligation: "Italy should meet the 2% guideline")
    found = _level_matches(ctx)
    yield from _ally_levels(ctx, found)
    covered = [(actor.start, match.end()) for actor, match in found]
    counted = list(_spending_counts(ctx))  # who meets a level, not the target itself
    if counted or _COUNTS_WHO.search(plain, s.start, s.end):
        yield from counted
        return
    for match in _PERCENT.finditer(plain, s.start, s.end):
        if any(start <= match.start() < end for start, end in covered):
            continue
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
            gap = plain[actor.end : match.start()]
            bound = "above" if _ABOVE.search(gap) else "below" if _BELOW.search(gap) else None
            yield ctx.claim("spending-level" if bound else "spending-share", actor.start,
                            match.end(), "defence-spending", actors=(actor.code,),
                            percent=share, approximate=loose, below=bound == "below",
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


def _level_matches(ctx: Context) -> list[tuple[Mention, re.Match[str]]]:
    s, plain = ctx.sentence, ctx.plain
    found = []
    for actor in s.mentions:
        if actor.kind == "actor" and (match := _ALLY_LEVEL.match(plain, actor.end, s.end)):
            found.append((actor, match))
    return found


def _ally_levels(ctx: Context, found: list[tuple[Mention, re.Match[str]]]) -> Iterator[Claim]:
    """ "Greece met the 2% guideline", "Spain remains below the target": an Ally at (or
    below) a level; "the target" is the level in force when the text was written."""
    said_on = PartialDate.from_date(ctx.written) if ctx.written is not None else None
    for actor, match in found:
        if ctx.is_hedged(actor.start, match.end()) or ctx.is_negated(actor.start):
            continue
        if _NORMATIVE.search(match.group()):
            continue
        # "has not met the target", "has yet to reach it": below it
        below = bool(match["below"]) != bool(_NEGATED_VERB.search(match.group()))
        percent = float(match["pct"].replace(",", ".")) if match["pct"] else None
        yield ctx.claim("spending-level", actor.start, match.end(), "defence-spending",
                        actors=(actor.code,), percent=percent, below=below,
                        said_on=said_on, date=_spending_year(ctx, match.end()))  # fmt: skip


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
    if found["year"] or found["fy"]:
        return PartialDate(int(found["year"] or found["fy"]))
    return PartialDate(ctx.written.year) if ctx.written is not None else None


def _spending_counts(ctx: Context) -> Iterator[Claim]:
    """ "23 Allies meet the 2% guideline", "only 9 members spend 2%", "all 32 members are
    projected to meet 2% in 2025": how many Allies were at (or below) a share of GDP."""
    s, plain = ctx.sentence, ctx.plain
    said_on = PartialDate.from_date(ctx.written) if ctx.written is not None else None
    for match in _TARGET_COUNT.finditer(plain, s.start, s.end):
        if ctx.is_negated(match.start()) or _NORMATIVE.search(match.group()):
            continue
        yield ctx.claim("spending-count", match.start(), match.end(), "defence-spending",
                        quantity=Quantity.parse(match["q"]), below=bool(match["below"]),
                        date=_spending_year(ctx, match.end()), said_on=said_on)  # fmt: skip
    for match in _EVERY.finditer(plain, s.start, s.end):
        hedged = ctx.is_hedged(match.start(), match.end()) or _NORMATIVE.search(match.group())
        if ctx.is_negated(match.start()) or hedged:
            continue
        percent = float(match["pct"].replace(",", ".")) if match["pct"] else None
        yield ctx.claim("spending-count", match.start(), match.end(), "defence-spending",
                        percent=percent, complete=True, said_on=said_on,
                        date=_spending_year(ctx, match.end()))  # fmt: skip
    for match in _SPENDING_COUNT.finditer(plain, s.start, s.end):
        if ctx.is_negated(match.start()) or _NORMATIVE.search(match.group()):
            continue
        quantity = Quantity.parse(match["q"] or match["all"])
        percent = float(match["pct"].replace(",", "."))
        yield ctx.claim("spending-count", match.start(), match.end(), "defence-spending",
                        quantity=quantity, percent=percent, below=bool(match["below"]),
                        complete=bool(match["all"]),
                        date=_spending_year(ctx, match.end()))  # fmt: skip


#: Every spending claim of a sentence (see the module's docstring), pledge parts first.
FINDERS: tuple[Finder, ...] = (_pledge_parts, _spending)
