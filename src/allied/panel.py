"""Country-year panels: one row per actor, framework and year, for statistical work.

Researchers code memberships by year. Each row says, for one calendar year,
whether the actor was in the framework on 1 January, on 31 December, on any
day of the year (COW IGO's convention) and for the whole year, and whether it
was suspended on 31 December — each `yes`, `no` or `maybe` (when the answer
hangs on a day the sources do not give), so no coding rule is imposed and none
is guessed. Each row carries the actor's cross-walk codes, the COW code as it
was that year (`allied.codes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from allied.codes import crosswalk
from allied.errors import InvalidPeriod
from allied.model import FULL_ROLES, Membership
from allied.period import Certainty, PartialDate, Period
from allied.registry import Registry

#: Columns of `allied export panel`, in order.
PANEL_COLUMNS = (
    "framework",
    "actor",
    "year",
    "role",
    "jan1",
    "dec31",
    "any_day",
    "whole_year",
    "suspended_dec31",
    "sources",
    "cow",
    "iso2",
    "iso_numeric",
    "wikidata",
)


@dataclass(frozen=True)
class PanelRow:
    """One actor in one framework in one year: when in the year it held, says who."""

    framework: str
    actor: str
    year: int
    role: str
    jan1: str
    dec31: str
    any_day: str
    whole_year: str
    suspended_dec31: str
    sources: tuple[str, ...]
    cow: int | None
    iso2: str | None
    iso_numeric: str | None
    wikidata: str | None


def country_years(
    registry: Registry,
    *,
    first: int,
    last: int,
    frameworks: Iterable[str] | None = None,
    roles: Sequence[str] = FULL_ROLES,
) -> list[PanelRow]:
    """Every (framework, actor, year) in `first..last` in which the membership may have held.

    >>> import allied
    >>> rows = country_years(allied.load(), first=2004, last=2004, frameworks=["nato"])
    >>> [(r.actor, r.jan1, r.dec31, r.any_day) for r in rows if r.actor in ("BEL", "EST")]
    [('BEL', 'yes', 'yes', 'yes'), ('EST', 'no', 'yes', 'yes')]
    """
    if first > last:
        raise InvalidPeriod(f"the panel's first year {first} comes after its last year {last}")
    this_year = PartialDate.today().year
    if last > this_year:
        raise InvalidPeriod(
            f"the panel cannot reach {last}: the registry knows nothing after {this_year}"
        )
    slugs = (
        [registry.framework(slug).slug for slug in frameworks]
        if frameworks is not None
        else [fw.slug for fw in registry.all_frameworks()]
    )
    codes = crosswalk(registry)
    rows: list[PanelRow] = []
    for slug in slugs:
        period = registry.framework(slug).period
        founded = period.start.first if period is not None else None
        for m in registry.memberships(framework=slug):
            if m.role not in roles:
                continue
            end = m.period.end.last.year if m.period.end else last
            for year in range(max(first, m.period.start.year), min(last, end) + 1):
                if not _may_hold_during(m.period, year):
                    continue
                dec31 = PartialDate(year, 12, 31)
                jan1 = PartialDate(year, 1, 1)
                # Nobody was in a framework before it was founded, whatever the year says.
                before = founded is not None and jan1.first < founded
                at_start = Certainty.NO if before else m.period.holds_on(jan1)
                at_end = m.period.holds_on(dec31)
                rows.append(
                    PanelRow(
                        framework=slug,
                        actor=m.actor,
                        year=year,
                        role=m.role,
                        jan1=at_start.value,
                        dec31=at_end.value,
                        any_day=_held_some_day(m.period, year).value,
                        whole_year=_both(at_start, at_end).value,
                        suspended_dec31=_suspended_on(registry, m, dec31),
                        sources=m.sources,
                        **codes.of(m.actor, year),
                    )
                )
    rows.sort(key=lambda r: (r.framework, r.actor, r.year, r.role))
    return rows


def to_dataframe(rows: Sequence[PanelRow]) -> Any:
    """The panel as a pandas DataFrame (pandas is imported only here: the dataframe extra).

    Raises `MissingExtra` when pandas is not installed.
    """
    from allied.extras import require

    require("dataframe", by="to_dataframe")
    import pandas as pd

    return pd.DataFrame(
        [{column: getattr(row, column) for column in PANEL_COLUMNS} for row in rows],
        columns=list(PANEL_COLUMNS),
    )


def _both(first: Certainty, second: Certainty) -> Certainty:
    """Whether a contiguous period held all year, from whether it held on its first and last day."""
    if Certainty.NO in (first, second):
        return Certainty.NO
    return Certainty.YES if first is second is Certainty.YES else Certainty.MAYBE


def _held_some_day(period: Period, year: int) -> Certainty:
    """Whether the period held on at least one day of `year` (called when it may have).

    Sure when even its latest possible start and earliest possible end leave a day
    of the year inside it.
    """
    span = PartialDate(year)
    starts_in_time = period.start.last <= span.last
    ends_in_time = period.end is None or (
        period.end.first > span.first and period.end.first > period.start.last
    )
    return Certainty.YES if starts_in_time and ends_in_time else Certainty.MAYBE


def _may_hold_during(period: Period, year: int) -> bool:
    """Whether the period may hold on some day of `year` (e.g. only from March to October)."""
    span = PartialDate(year)
    return period.start.first <= span.last and (period.end is None or period.end.last > span.first)


def _suspended_on(registry: Registry, membership: Membership, day: PartialDate) -> str:
    """Whether a suspension of the membership held on `day`: `yes`, `no` or `maybe`."""
    answers = {status.period.holds_on(day) for status in registry.statuses_of(membership)}
    for answer in (Certainty.YES, Certainty.MAYBE):
        if answer in answers:
            shown: str = answer.value
            return shown
    return Certainty.NO.value
