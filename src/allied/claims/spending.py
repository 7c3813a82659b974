"""Spending claims judged against NATO's defence-expenditure release in force on a day.

Two kinds: `spending-share` ("Poland spends 4.12% of GDP on defence") reads one
Ally's figure, `spending-count` ("23 Allies meet the 2% guideline") counts the
Allies at or above a level. Each is read from the latest release surely
published by that day (`SpendingIndex.release`), for the year the text states or,
failing that, the latest year that release prints up to the day's year (an
estimate for the current year). Allies a release never prints (Iceland, which has
no armed forces) are not counted; Allies some release prints but this one does
not for the year leave a count undecided unless every possible count gives the same answer.
"All 32 Allies" holds when 32 were Allies that year and every one with a figure
is at the level. A day before the first release, a year the
release does not print, or an Ally it gives no figure for: the registry cannot tell.
"""

from __future__ import annotations

import datetime as _dt

from allied.claims.claim import Claim
from allied.claims.facts import Facts, Question, Reading, unknowable
from allied.errors import NotRecorded
from allied.model import Release
from allied.period import PartialDate
from allied.spending import AGGREGATES, SpendingIndex

_MEASURE = "pct_gdp"


def _release(index: SpendingIndex, day: _dt.date) -> Release | None:
    try:
        return index.release(PartialDate.from_date(day))
    except NotRecorded:
        return None


def _back_from(index: SpendingIndex, release: Release) -> list[Release]:
    """`release` and the releases published before it, newest first."""
    releases = index.releases()
    return releases[: releases.index(release) + 1][::-1]


def _year(index: SpendingIndex, release: Release, claim: Claim, day: _dt.date) -> int | None:
    """The year a claim speaks of: stated, or the release's latest up to the day's year."""
    years = index.years(release)
    if claim.date is not None:
        return claim.date.year if claim.date.year in years else None
    earlier = [y for y in years if y <= day.year]
    return earlier[-1] if earlier else None


def _days(index: SpendingIndex) -> tuple[_dt.date, ...]:
    return tuple(r.published.last for r in index.releases())


def _matches(stated: float, actual: float, approximate: bool) -> bool:
    """Whether a stated percentage agrees with a figure: to its last stated decimal,
    or within a tenth of a point when the text says "around"."""
    text = f"{stated:g}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    tolerance = 0.1 if approximate else 0.5 * 10**-decimals + 1e-9
    return abs(round(actual, max(decimals, 2)) - stated) <= tolerance


def _printed(index: SpendingIndex) -> set[str]:
    """The Allies any release gives a share of GDP for (not Iceland, which has no forces)."""
    return {
        a
        for r in index.releases()
        for a, _, m in index.values(r)
        if m == _MEASURE and a not in AGGREGATES
    }


def _level(index: SpendingIndex, day: _dt.date, year: int) -> float | None:
    """The share of GDP "the target" means on a day: the one level of the guidelines on
    GDP agreed by then that judge the year (none when they set different levels)."""
    levels = {
        g.threshold
        for g in index.guidelines()
        if g.measure == _MEASURE and g.adopted.last <= day and index.judges(g, year)
    }
    return levels.pop() if len(levels) == 1 else None


def spending_share(claim: Claim, facts: Facts) -> Question:
    """Whether an Ally's defence spending was the stated share of GDP in the release of a day."""
    index = facts.registry.spending_index
    if claim.percent is None or not claim.actors or not index.releases():
        return unknowable("the registry records no defence spending for this claim")
    (ally,) = claim.actors[:1]
    stated = claim.percent

    def read(day: _dt.date) -> Reading:
        latest = _release(index, day)
        if latest is None:
            return Reading(None, f"no defence-spending release had been published by {day}")
        # a release quoted only in part (a handful of Allies) leaves the others to the
        # latest earlier release that gives their figure
        for release in _back_from(index, latest):
            year = _year(index, release, claim, day)
            value = index.value(release, ally, year, _MEASURE) if year is not None else None
            if value is not None:
                break
        else:
            return Reading(None, f"the {latest.id} release gives no figure for {ally}")
        label = "estimate" if value.estimate else "figure"
        figure = f"{value.value:g}% of GDP in {year}"
        text = f"{facts.name(ally, day)}: {figure} ({label}, release {release.id})"
        return Reading(_matches(stated, value.value, claim.approximate), text, release.sources)

    return Question(read, _days(index))


def spending_count(claim: Claim, facts: Facts) -> Question:
    """How many Allies met a share of GDP in a year, by the release in force on a day."""
    index = facts.registry.spending_index
    quantity = claim.quantity
    if (quantity is None and not claim.complete) or not index.releases():
        return unknowable("the registry records no defence spending for this claim")

    printed = _printed(index)

    def read(day: _dt.date) -> Reading:
        release = _release(index, day)
        if release is None:
            return Reading(None, f"no defence-spending release had been published by {day}")
        year = _year(index, release, claim, day)
        if year is None:
            return Reading(None, f"the {release.id} release gives no figures for that year")
        # "the target": the level in force when the text was written, when that is known
        meant = claim.said_on.last if claim.said_on is not None else day
        level = claim.percent if claim.percent is not None else _level(index, meant, year)
        if level is None:
            return Reading(None, f"no single GDP guideline was in force on {meant}")
        values = index.values(release)
        allies = {a for a in printed if index.is_ally_in(a, year)}
        ranked = [v.value for a in allies if (v := values.get((a, year, _MEASURE)))]
        if not ranked:
            return Reading(None, f"the {release.id} release gives no figures for {year}")
        meeting = sum(v >= level for v in ranked)
        unknown = len(allies) - len(ranked)  # printed by some release, but not this one
        low = len(ranked) - meeting if claim.below else meeting
        if claim.complete:  # "all 32 Allies meet 2%": every Ally of the year with a figure
            every = low == len(ranked)
            if quantity is not None:
                every = every and quantity.value == index.allies_in(year)
            verdicts = {False} if not every else {True} if not unknown else {True, False}
        else:
            assert quantity is not None
            verdicts = {quantity.admits(n) for n in range(low, low + unknown + 1)}
        where = "below" if claim.below else "at or above"
        text = f"{low} of {len(ranked)} Allies with a figure {where} {level:g}% of GDP in {year}"
        text += f" (release {release.id})"
        if unknown:
            text += f"; {unknown} without a figure for {year}"
        return Reading(verdicts.pop() if len(verdicts) == 1 else None, text, release.sources)

    return Question(read, _days(index))


_PARTS = {"capabilities": "equipment_share"}


def spending_pledge(claim: Claim, facts: Facts) -> Question:
    """A further part of a defence-investment decision ("also agreed to invest more in
    capabilities"): supported when a guideline on that part had been adopted by the day."""
    part = claim.tasks[0] if claim.tasks else ""
    measure = _PARTS.get(part)
    if measure is None:
        return unknowable(f"the registry records no guideline on {part or 'this part'}")
    index = facts.registry.spending_index
    adopted = sorted((g for g in index.guidelines() if g.measure == measure),
                     key=lambda g: g.adopted.last)  # fmt: skip
    if not adopted:
        return unknowable(f"the registry records no guideline on {part}")

    def read(day: _dt.date) -> Reading:
        made = [g for g in adopted if g.adopted.last <= day]
        if not made:
            return Reading(None, f"no guideline on {part} had been adopted by {day}")
        g = made[-1]
        return Reading(True, f"{g.name} ({g.adopted})", g.sources)

    return Question(read, tuple(g.adopted.last for g in adopted))


def spending_level(claim: Claim, facts: Facts) -> Question:
    """Whether an Ally's share of GDP was at or above a level (or below it) by the release
    of a day: "Greece met the 2% guideline", "Poland spends more than 4%"."""
    index = facts.registry.spending_index
    if not claim.actors or not index.releases():
        return unknowable("the registry records no defence spending for this claim")
    (ally,) = claim.actors[:1]

    def read(day: _dt.date) -> Reading:
        latest = _release(index, day)
        if latest is None:
            return Reading(None, f"no defence-spending release had been published by {day}")
        for release in _back_from(index, latest):
            year = _year(index, release, claim, day)
            value = index.value(release, ally, year, _MEASURE) if year is not None else None
            if value is not None and year is not None:
                break
        else:
            return Reading(None, f"the {latest.id} release gives no figure for {ally}")
        meant = claim.said_on.last if claim.said_on is not None else day
        level = claim.percent if claim.percent is not None else _level(index, meant, year)
        if level is None:
            return Reading(None, f"no single GDP guideline was in force on {meant}")
        label = "estimate" if value.estimate else "figure"
        text = (f"{facts.name(ally, day)}: {value.value:g}% of GDP in {year} ({label}, release "
                f"{release.id}), against {level:g}%")  # fmt: skip
        holds = value.value < level if claim.below else value.value >= level
        return Reading(holds, text, release.sources)

    return Question(read, _days(index))
