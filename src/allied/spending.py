"""Defence spending release by release, and the guidelines it is judged against.

NATO publishes its defence-expenditure tables once or twice a year; each
release revises earlier years, so every figure is kept with the release that
printed it and nothing is overwritten. `release=DATE` picks the latest release
surely published by the end of `DATE` (a release dated to a month counts from
the month's end); no date means the latest release. A guideline is a dated
rule: an Ally meets it in a year when the release's figure for its measure is
at least its threshold, for the years the rule judges.

Everything a query needs is indexed once, when the index is first asked for:
values by release and (ally, year, measure), and for each (release, measure,
year) the Allies' figures sorted, so a count of Allies at or above a threshold
is a bisection, answered in microseconds.

>>> import allied
>>> index = SpendingIndex(allied.load())
>>> index.release(None).id == index.releases()[-1].id
True
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass

from allied.errors import InvalidQuery, NotRecorded, UnknownActor, quoted
from allied.model import MEASURES, Guideline, Release, SpendingValue
from allied.period import PartialDate
from allied.registry import Registry

#: The code NATO's own total is kept under, in place of an Ally's.
TOTAL = "NATO"
#: Groups NATO prints a row for, by the code kept in place of an Ally's, with their names.
AGGREGATES = {TOTAL: "NATO total", "NATO_EUROPE_CANADA": "NATO Europe and Canada"}
#: Allies whose year NATO labels by the calendar year it starts in (2024 is 2024/25).
FISCAL_YEARS = frozenset({"CAN", "GBR"})
ALLIANCE = "nato"


@dataclass(frozen=True)
class Judged:
    """One Ally's figure in one year against one guideline."""

    ally: str
    year: int
    value: float
    estimate: bool
    meets: bool


class SpendingIndex:
    """Releases by date, their values by (ally, year, measure), guideline counts by bisection."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        data = registry.dataset
        self._releases = sorted(data.releases, key=lambda r: (r.published.last, r.id))
        self._by_id = {r.id: r for r in self._releases}
        self._ends = [r.published.last for r in self._releases]
        self._joined = _accession_years(registry)
        self._values: dict[str, dict[tuple[str, int, str], SpendingValue]] = defaultdict(dict)
        ranked: dict[tuple[str, str, int], list[tuple[float, str]]] = defaultdict(list)
        estimated: dict[tuple[str, str, int], bool] = defaultdict(bool)
        for v in data.spending:
            self._values[v.release][(v.ally, v.year, v.measure)] = v
            if v.ally not in AGGREGATES and self.is_ally_in(v.ally, v.year):
                key = (v.release, v.measure, v.year)
                ranked[key].append((v.value, v.ally))
                estimated[key] |= v.estimate
        #: For each (release, measure, year): the figures of that year's Allies, ascending,
        #: and whether any of them is an estimate.
        self._ranked = {key: sorted(rows) for key, rows in ranked.items()}
        self._estimated = dict(estimated)
        self._years: dict[str, list[int]] = {
            rid: sorted({year for _, year, _ in values}) for rid, values in self._values.items()
        }
        self._guidelines = {g.id: g for g in sorted(data.guidelines, key=_guideline_order)}
        self._counts: dict[tuple[str, str], list[tuple[int, int, int, bool]]] = {}

    # --- releases ---------------------------------------------------------------

    def releases(self) -> list[Release]:
        """Every release, oldest first."""
        return list(self._releases)

    def release(self, on: PartialDate | str | None) -> Release:
        """The latest release surely published by the end of `on` (default: the latest).

        A release id (`2025-08`) names that release. Raises `NotRecorded` when
        no release had been published by then.
        """
        if not self._releases:
            raise NotRecorded("no spending release is recorded")
        if on is None:
            return self._releases[-1]
        if isinstance(on, str):
            if on in self._by_id:
                return self._by_id[on]
            on = PartialDate.parse(on)
        index = bisect.bisect_right(self._ends, on.last)
        if index == 0:
            first = self._releases[0]
            raise NotRecorded(f"no spending release was published by {on} (first: {first.id})")
        return self._releases[index - 1]

    def years(self, release: Release) -> list[int]:
        """The years a release gives figures for, oldest first."""
        return self._years.get(release.id, [])

    # --- values -----------------------------------------------------------------

    def value(self, release: Release, ally: str, year: int, measure: str) -> SpendingValue | None:
        """One figure of one release, or `None` when the release does not print it."""
        return self._values[release.id].get((ally, year, measure))

    def values(self, release: Release) -> dict[tuple[str, int, str], SpendingValue]:
        """Every figure of one release, by (ally, year, measure)."""
        return self._values[release.id]

    def allies(self, release: Release) -> list[str]:
        """The Allies a release gives figures for, then its groups (`NATO`: the total)."""
        found = {ally for ally, _, _ in self._values[release.id]}
        return sorted(found - AGGREGATES.keys()) + [a for a in AGGREGATES if a in found]

    def ally_code(self, text: str) -> str:
        """An Ally's code from its code or any name (`NATO` for the total)."""
        if text.strip().upper() in AGGREGATES:
            return text.strip().upper()
        return self.registry.actor_of(text).code

    def check_year(self, release: Release, year: int) -> None:
        """Raise `InvalidQuery` unless the release gives figures for `year`."""
        years = self.years(release)
        if year not in years:
            span = f"{years[0]}-{years[-1]}" if years else "none"
            raise InvalidQuery(f"release {release.id} has no figures for {year} (years: {span})")

    def check_ally(self, release: Release, code: str) -> None:
        """Raise `UnknownActor` unless the release gives figures for the Ally."""
        if not any(ally == code for ally, _, _ in self._values[release.id]):
            raise UnknownActor(f"release {release.id} has no figures for {code}")

    def revisions(self, ally: str, year: int, measure: str) -> list[tuple[Release, SpendingValue]]:
        """The figure for (ally, year, measure) in every release that prints it, oldest first."""
        check_measure(measure)
        return [
            (r, found)
            for r in self._releases
            if (found := self._values[r.id].get((ally, year, measure))) is not None
        ]

    def before_accession(self, ally: str, year: int) -> bool:
        """Whether NATO prints `year` for an Ally that joined only in a later year."""
        joined = self._joined.get(ally)
        return joined is not None and year < joined

    def allies_in(self, year: int) -> int:
        """How many states were Allies at some time in `year`."""
        return sum(1 for joined in self._joined.values() if joined <= year)

    def is_ally_in(self, ally: str, year: int) -> bool:
        """Whether the state was an Ally at some time in `year` (by its accession year)."""
        joined = self._joined.get(ally)
        return joined is not None and year >= joined

    # --- guidelines -------------------------------------------------------------

    def guidelines(self) -> list[Guideline]:
        """Every guideline, by the date it was agreed."""
        return list(self._guidelines.values())

    def measured(self) -> list[tuple[Guideline, float]]:
        """The guidelines that set a level on a measure the tables give, with that level."""
        return [(g, g.threshold) for g in self._guidelines.values()
                if g.measure and g.threshold is not None]  # fmt: skip

    def guideline(self, gid: str) -> Guideline:
        """One guideline by id; raises `InvalidQuery` naming the known ones."""
        try:
            return self._guidelines[gid]
        except KeyError:
            known = ", ".join(self._guidelines)
            raise InvalidQuery(f"unknown guideline {quoted(gid)} (one of: {known})") from None

    def judges(self, guideline: Guideline, year: int) -> bool:
        """Whether the guideline was a rule for `year` (from its first to its last year).

        A rule with no measure or threshold (a review) judges no year.
        """
        if not guideline.measure or guideline.threshold is None:
            return False
        return guideline.from_year <= year and (
            guideline.until_year is None or year <= guideline.until_year
        )

    def counts(self, release: Release, guideline: Guideline) -> list[tuple[int, int, int, bool]]:
        """`(year, meeting, judged, any estimate)` for each year the guideline judges.

        Only Allies of that year count (figures NATO prints for a state before
        its accession are left out); NATO's groups never do. Each year is one
        bisection over figures sorted when the index was built; the answer is
        then kept per (release, guideline).
        """
        key = (release.id, guideline.id)
        found = self._counts.get(key)
        if found is None:
            found = self._counts[key] = []
            for year in self.years(release):
                figures = (release.id, guideline.measure, year)
                allies = self._ranked.get(figures)
                if not allies or guideline.threshold is None or not self.judges(guideline, year):
                    continue
                start = bisect.bisect_left(allies, (guideline.threshold, ""))
                found.append((year, len(allies) - start, len(allies), self._estimated[figures]))
        return found

    def judged(self, release: Release, guideline: Guideline, year: int) -> list[Judged]:
        """Every Ally of `year` with a figure for the guideline's measure, highest first."""
        rows = self._ranked.get((release.id, guideline.measure, year), [])
        values = self._values[release.id]
        threshold = guideline.threshold
        if threshold is None:
            return []
        return [
            Judged(a, year, v, values[(a, year, guideline.measure)].estimate, v >= threshold)
            for v, a in reversed(rows)
            if self.is_ally_in(a, year)
        ]


def check_measure(measure: str) -> str:
    """`measure` if it is one NATO's tables give; else `InvalidQuery` naming them."""
    if measure not in MEASURES:
        raise InvalidQuery(f"unknown measure {quoted(measure)} (one of: {', '.join(MEASURES)})")
    return measure


def fiscal_label(ally: str, year: int) -> str:
    """The year as NATO means it: `2024/25` for Canada and the United Kingdom.

    >>> fiscal_label("GBR", 2024), fiscal_label("FRA", 2024)
    ('2024/25', '2024')
    """
    return f"{year}/{(year + 1) % 100:02d}" if ally in FISCAL_YEARS else str(year)


def _guideline_order(g: Guideline) -> tuple[tuple[_dt.date, int], str]:
    return (g.adopted.sort_key, g.id)


def _accession_years(registry: Registry) -> dict[str, int]:
    """Each Ally's first year in the Alliance (the year its membership starts)."""
    years: dict[str, int] = {}
    for m in registry.dataset.memberships:
        if m.framework == ALLIANCE and m.role == "member":
            year = m.period.start.first.year
            years[m.actor] = min(year, years.get(m.actor, year))
    return years
