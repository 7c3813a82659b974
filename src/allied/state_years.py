"""The wide state-year panel: one row per state and year, one column per framework.

COW IGO's layout: each framework's column holds a number saying how the state
stood in it that year, and `count` sums the frameworks it was in. The codes
(`CODES`) follow COW IGO where they can — 1 full member, 3 observer, 0 none,
-9 missing — with 2 for a partner or participant (COW's "associate" has no
exact twin here), -1 for a framework that did not exist on any day of the year
(COW's -1 is "state not a system member"; here a state is in the table only in
years it was in COW's state system or had a tie), and -9 when the answer hangs
on a day the sources do not give.

By default a year counts when the tie held on any day of it (COW IGO's rule);
`rule="dec31"` (or `jan1`, `whole_year`) takes the long panel's other columns.

>>> import allied
>>> rows, columns = state_years(allied.load(), first=1990, last=1990, frameworks=["nato"])
>>> [(r["actor"], r["cow"], r["nato"]) for r in rows if r["actor"] in ("DEU", "SWE")]
[('DEU', 255, 1), ('SWE', 380, 0)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

from allied.codes import CODE_COLUMNS, crosswalk
from allied.model import FULL_ROLES
from allied.panel import PanelRow, country_years
from allied.period import PartialDate
from allied.registry import Registry

Rule = Literal["any_day", "dec31", "jan1", "whole_year"]
RULES: tuple[Rule, ...] = ("any_day", "dec31", "jan1", "whole_year")
Coding = Literal["numeric", "text"]
CODINGS: tuple[Coding, ...] = ("numeric", "text")

MEMBER, PARTNER, OBSERVER, NONE, NOT_IN_EXISTENCE, UNCERTAIN = 1, 2, 3, 0, -1, -9
#: Each code and what it means (the wide panel's legend).
CODES: dict[int, str] = {
    MEMBER: "member",
    PARTNER: "partner",
    OBSERVER: "observer",
    NONE: "none",
    NOT_IN_EXISTENCE: "not in existence",
    UNCERTAIN: "uncertain",
}
_BY_ROLE = {"member": MEMBER, "partner": PARTNER, "participant": PARTNER, "observer": OBSERVER}
#: The leading columns of every row, before one column per framework and `count`.
KEY_COLUMNS = ("actor", "year", *CODE_COLUMNS)


def column_of(slug: str) -> str:
    """A framework's column name: its slug with `_` for `-` (Stata and R take it as it is)."""
    return slug.replace("-", "_")


def state_years(
    registry: Registry,
    *,
    first: int,
    last: int,
    frameworks: Sequence[str] | None = None,
    rule: Rule = "any_day",
    coding: Coding = "numeric",
) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """The wide panel's rows (dicts, in `columns` order) and its columns.

    A state is in a year when it was in COW's state system on a day of it, or
    had a tie in one of the frameworks that year.
    """
    long_rows = country_years(registry, first=first, last=last, frameworks=frameworks,
                              roles=(*FULL_ROLES, "observer"))  # fmt: skip
    slugs = (
        [registry.framework(slug).slug for slug in frameworks]
        if frameworks
        else [fw.slug for fw in registry.all_frameworks()]
    )
    ties: dict[tuple[str, int], list[PanelRow]] = defaultdict(list)
    for tie in long_rows:
        ties[(tie.actor, tie.year)].append(tie)
    codes = crosswalk(registry)
    states = [actor.code for actor in registry.dataset.actors if actor.kind == "state"]
    existing = {slug: _years_existing(registry, slug, first, last) for slug in slugs}
    columns = (*KEY_COLUMNS, *(column_of(slug) for slug in slugs), "count")
    rows = []
    for actor in sorted(states):
        for year in range(first, last + 1):
            found = ties.get((actor, year), [])
            crosswalked = codes.of(actor, year)
            if not found and crosswalked["cow"] is None:
                continue
            row: dict[str, Any] = {"actor": actor, "year": year, **crosswalked}
            for slug in slugs:
                row[column_of(slug)] = _code(found, slug, rule, exists=year in existing[slug])
            row["count"] = sum(row[column_of(slug)] in _BY_ROLE.values() for slug in slugs)
            if coding == "text":
                row.update({column_of(s): CODES[row[column_of(s)]] for s in slugs})
            rows.append(row)
    return rows, columns


def _code(rows: list[PanelRow], slug: str, rule: Rule, *, exists: bool) -> int:
    """The strongest role held under `rule`; uncertain, none, or not in existence else."""
    held = [r for r in rows if r.framework == slug and getattr(r, rule) == "yes"]
    if held:
        return min((_BY_ROLE[r.role] for r in held), key=_strength)
    if any(r.framework == slug and getattr(r, rule) == "maybe" for r in rows):
        return UNCERTAIN
    return NONE if exists else NOT_IN_EXISTENCE


def _strength(code: int) -> int:
    """Member before partner before observer."""
    return (MEMBER, PARTNER, OBSERVER).index(code)


def _years_existing(registry: Registry, slug: str, first: int, last: int) -> set[int]:
    """The years in which the framework existed on at least one day (always, for a label)."""
    period = registry.framework(slug).period
    if period is None:
        return set(range(first, last + 1))
    years = set()
    for year in range(first, last + 1):
        span = PartialDate(year)
        end = period.end
        if period.start.first <= span.last and (end is None or end.last > span.first):
            years.add(year)
    return years
