"""Who may take part in an activity: derived from the registry on the activity's dates.

An activity is open to the partners of one framework (`open_to`: `eapc`,
`pfp`, `md`, `ici`, `pag`) or to every partner (`partners`). "Open to EAPC
partners" means whoever is an EAPC partner on the day the activity starts, as
the registry says then — never a stored list that can go stale. Only the days
a membership surely held count (from the last day it may have started to the
first day it may have ended), and a suspended partner is not eligible while
suspended: a wrong "yes" is worse than a missing one.

>>> import allied
>>> "SWE" in eligible_partners(allied.load(), "eapc", _dt.date(2010, 1, 1))
True
>>> "SWE" in eligible_partners(allied.load(), "eapc", _dt.date(2025, 1, 1))
False
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

from allied.registry import Registry

#: Each partnership framework and the role its partners hold in the registry.
PARTNER_ROLES: dict[str, str] = {
    "eapc": "partner",
    "pfp": "participant",
    "md": "partner",
    "ici": "partner",
    "pag": "partner",
}
#: What an activity may be open to: one framework's partners, or all partners.
OPEN_TO: tuple[str, ...] = (*PARTNER_ROLES, "partners")


@dataclass(frozen=True, slots=True)
class Window:
    """Days `[start, end)` on which a nation surely was a partner in `framework`."""

    framework: str
    start: _dt.date
    end: _dt.date | None


def windows(registry: Registry, nation: str) -> tuple[Window, ...]:
    """Every window in which `nation` was surely an active partner, framework by framework."""
    return _windows(registry, nation)


@lru_cache(maxsize=4096)
def _windows(registry: Registry, nation: str) -> tuple[Window, ...]:
    found: list[Window] = []
    for framework, role in PARTNER_ROLES.items():
        for membership in registry.memberships(framework=framework, actor=nation, role=role):
            start = membership.period.start.last
            end = membership.period.end.first if membership.period.end else None
            cuts = [
                (s.period.start.first, s.period.end.last if s.period.end else None)
                for s in registry.statuses_of(membership)
            ]
            found += _minus(framework, start, end, cuts)
    return tuple(found)


def _minus(
    framework: str,
    start: _dt.date,
    end: _dt.date | None,
    cuts: list[tuple[_dt.date, _dt.date | None]],
) -> list[Window]:
    """`[start, end)` without the suspended spans in `cuts`."""
    pieces = [(start, end)]
    for cut_start, cut_end in sorted(cuts):
        last = pieces.pop()
        if last[1] is None or cut_start < last[1]:
            if last[0] < cut_start:
                pieces.append((last[0], cut_start))
            if cut_end is not None and (last[1] is None or cut_end < last[1]):
                pieces.append((cut_end, last[1]))
        else:
            pieces.append(last)
    return [Window(framework, s, e) for s, e in pieces if e is None or s < e]


def is_eligible(registry: Registry, nation: str, open_to: str, on: _dt.date) -> bool:
    """Whether `nation` may take part in an activity open to `open_to` starting `on`."""
    return any(
        (open_to in (w.framework, "partners")) and w.start <= on and (w.end is None or on < w.end)
        for w in windows(registry, nation)
    )


def eligible_partners(registry: Registry, open_to: str, on: _dt.date) -> list[str]:
    """The partners an activity open to `open_to` admits on `on`, by code."""
    frameworks = PARTNER_ROLES if open_to == "partners" else {open_to: PARTNER_ROLES[open_to]}
    candidates = {
        m.actor
        for framework, role in frameworks.items()
        for m in registry.memberships(framework=framework, role=role)
    }
    return sorted(code for code in candidates if is_eligible(registry, code, open_to, on))


def partners_in_year(registry: Registry, year: int) -> list[str]:
    """Every nation that was a partner of any framework on 1 July of `year` (for the demo)."""
    return eligible_partners(registry, "partners", _dt.date(year, 7, 1))


def is_ally(registry: Registry, nation: str, on: _dt.date) -> bool:
    """Whether `nation` was a member of the Alliance on `on` (registry, day precision)."""
    return any(m.actor == nation for m in (s.membership for s in registry.members("nato", on=on)))
