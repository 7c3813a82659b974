"""NATO-led operations and who took part: indices over the operation families, and queries.

A contributor's standing on a date — Ally, partner in which framework, or
neither — is derived from the registry (`allied.relations`), never stored, so
it cannot disagree with the memberships. Figures come from dated snapshots (a
NATO "placemat"): `contributors(…, on=DATE)` reads the latest snapshot dated
on or before `DATE` and every contribution whose period holds then.

>>> import allied
>>> from allied.period import PartialDate
>>> reg = allied.load()
>>> ops = OperationIndex(reg)
>>> ops.operation("KFOR").slug
'kfor'
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property

from allied.errors import OutsideLifetime, UnknownOperation
from allied.model import Contribution, ContributionRole, Operation, Snapshot, SnapshotTotal
from allied.naming import NameIndex
from allied.period import Certainty, PartialDate, Period
from allied.registry import Registry
from allied.relations import CATEGORIES, relations_on
from allied.timeline import Timeline

_ONE_DAY = _dt.timedelta(days=1)


@dataclass(frozen=True)
class Standing:
    """An actor's tie to NATO on a date: `ally`, a partnership (`pfp`, `md`, …) or `none`."""

    tie: str
    uncertain: bool

    @property
    def is_partner(self) -> bool:
        """Whether the actor was a partner rather than an Ally (or neither)."""
        return self.tie not in ("ally", "none")


@dataclass(frozen=True)
class Contributor:
    """One actor's part in an operation on a date, with its standing then.

    From a snapshot: `as_of` and the printed `personnel`; from a contribution
    over a period: `period` (and `personnel` is `None`). An actor listed in the
    snapshot in the same role as a contribution that holds then is one row with both.
    """

    actor: str
    name: str
    role: ContributionRole
    personnel: str | None
    as_of: PartialDate | None
    period: Period | None
    standing: str
    partner: bool
    uncertain: bool
    sources: tuple[str, ...]


class OperationIndex:
    """Operations by slug and any name, their contributions, snapshots and totals."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        data = registry.dataset
        self._by_slug = {op.slug: op for op in data.operations}
        self._names = NameIndex(
            [(op.slug, op.slug) for op in data.operations]
            + [(op.name, op.slug) for op in data.operations]
            + [(alias, op.slug) for op in data.operations for alias in op.aliases]
        )
        self._contributions: dict[str, list[Contribution]] = defaultdict(list)
        for c in data.contributions:
            self._contributions[c.operation].append(c)
        self._snapshots: dict[str, dict[PartialDate, list[Snapshot]]] = defaultdict(dict)
        for s in data.snapshots:
            self._snapshots[s.operation].setdefault(s.as_of, []).append(s)
        self._totals = {(t.operation, t.as_of): t for t in data.snapshot_totals}
        self._timelines: dict[str, Timeline[tuple[Contributor, ...]]] = {}
        self._asked: dict[str, int] = {}

    def operation(self, text: str) -> Operation:
        """Resolve a slug, name or alias (`"KFOR"`, `"Kosovo Force"`); raises `UnknownOperation`."""
        slug = self._names.resolve(text, self._by_slug, UnknownOperation, "operation")
        return self._by_slug[slug]

    def operations(self, *, on: PartialDate | None = None) -> list[Operation]:
        """Every operation by start date, or those that ran (or may have run) on `on`."""
        found = sorted(self._by_slug.values(), key=lambda op: (op.period.start.sort_key, op.slug))
        if on is None:
            return found
        return [op for op in found if op.period.holds_on(on) is not Certainty.NO]

    def children(self, slug: str) -> list[Operation]:
        """The operations that are part of this one (an eFP's battlegroups), by start date."""
        return [op for op in self.operations() if op.parent == slug]

    def contributions(self, slug: str) -> list[Contribution]:
        """Every contribution over a period to the operation, by start date."""
        return sorted(self._contributions.get(slug, ()), key=lambda c: c.period.start.sort_key)

    def snapshot_dates(self, slug: str) -> list[PartialDate]:
        """The dates of the operation's snapshots, oldest first."""
        return sorted(self._snapshots.get(slug, {}), key=lambda d: d.sort_key)

    def size_dates(self, slug: str) -> list[PartialDate]:
        """The dates with a snapshot or a stated total (or both), oldest first."""
        dates = set(self._snapshots.get(slug, {})) | {d for s, d in self._totals if s == slug}
        return sorted(dates, key=lambda d: d.sort_key)

    def snapshot(self, slug: str, as_of: PartialDate) -> list[Snapshot]:
        """The rows of one snapshot, by actor."""
        return sorted(self._snapshots.get(slug, {}).get(as_of, ()), key=lambda s: s.actor)

    def total(self, slug: str, as_of: PartialDate) -> SnapshotTotal | None:
        """The totals a source states for the snapshot, if any."""
        return self._totals.get((slug, as_of))

    def latest_snapshot(self, slug: str, on: PartialDate) -> PartialDate | None:
        """The date of the latest snapshot that may be dated on or before `on`, if any.

        A snapshot dated to a month ("February 2017") answers for every day of it.
        """
        dated = [d for d in self.snapshot_dates(slug) if d.first <= on.last]
        return dated[-1] if dated else None

    def contributors(self, text: str, *, on: PartialDate) -> list[Contributor]:
        """Who took part in the operation on `on`, with figures from the latest snapshot.

        Raises `OutsideLifetime` for a date on which the operation surely did not run.
        A day asked of the same operation a second time is answered from a timeline
        (`allied.timeline`) built once, by bisection, as `Registry.members` does.
        """
        op = self.operation(text)
        if op.period.holds_on(on) is Certainty.NO:
            raise OutsideLifetime(f"{op.slug} ran {op.period}; {on} is outside it")
        if on.precision == "day":
            timeline = self._timeline(op.slug)
            if timeline is not None:
                return list(timeline.at(on.first) or ())
        return self._compute(op.slug, on)

    def _timeline(self, slug: str) -> Timeline[tuple[Contributor, ...]] | None:
        """The operation's timeline, built on the second day query (one-shot callers scan)."""
        found = self._timelines.get(slug)
        if found is None:
            self._asked[slug] = self._asked.get(slug, 0) + 1
            if self._asked[slug] < 2:
                return None
            found = self._timelines[slug] = Timeline(
                self._change_days(slug),
                lambda day: tuple(self._compute(slug, PartialDate.from_date(day))),
            )
        return found

    def _change_days(self, slug: str) -> set[_dt.date]:
        """Every day on which who took part, their figures or their standing may change."""
        op = self._by_slug[slug]
        days: set[_dt.date] = set()
        bounds = [op.period.start, op.period.end]
        bounds += [d for c in self._contributions.get(slug, ()) for d in (c.period.start,
                   c.period.end)]  # fmt: skip
        for date in bounds:
            if date is not None:
                days.update((date.first, date.last, date.last + _ONE_DAY))
        days.update(date.first for date in self._snapshots.get(slug, {}))
        for framework in {slug for _, _, slug, _ in CATEGORIES}:
            if self.registry.get_framework(framework) is not None:
                days |= self.registry.change_days(framework)
        actors = {c.actor for c in self._contributions.get(slug, ())}
        actors |= {s.actor for rows in self._snapshots.get(slug, {}).values() for s in rows}
        for name in self.registry.dataset.names:
            if name.actor in actors:
                days.update(d.first for d in (name.start, name.end) if d is not None)
        return days

    def _compute(self, slug: str, on: PartialDate) -> list[Contributor]:
        """Answer `contributors` by reading every snapshot row and contribution."""
        op = self._by_slug[slug]
        ties = self._ties(on)
        found: dict[tuple[str, str], Contributor] = {}
        as_of = self.latest_snapshot(op.slug, on)
        if as_of is not None:
            for s in self.snapshot(op.slug, as_of):
                found[s.actor, s.role] = self._contributor(
                    s.actor, s.role, s.personnel or None, as_of, None, ties, on, s.sources
                )
        for c in self.contributions(op.slug):
            held = c.period.holds_on(on)
            if held is Certainty.NO:
                continue
            listed = found.get((c.actor, c.role))
            if listed is not None:
                sources = tuple(dict.fromkeys(listed.sources + c.sources))
                found[c.actor, c.role] = replace(listed, period=c.period, sources=sources)
                continue
            row = self._contributor(c.actor, c.role, None, None, c.period, ties, on, c.sources)
            found[c.actor, c.role] = (
                replace(row, uncertain=True) if held is Certainty.MAYBE else row
            )
        return sorted(found.values(), key=_listed)

    def _contributor(
        self,
        actor: str,
        role: ContributionRole,
        personnel: str | None,
        as_of: PartialDate | None,
        period: Period | None,
        ties: dict[str, Standing],
        on: PartialDate,
        sources: tuple[str, ...],
    ) -> Contributor:
        tie = ties.get(actor, Standing("none", False))
        name = self.registry.name(actor, on)
        return Contributor(actor, name, role, personnel, as_of, period, tie.tie, tie.is_partner,
                           tie.uncertain, sources)  # fmt: skip

    def _ties(self, on: PartialDate) -> dict[str, Standing]:
        return {r.actor: Standing(r.category, r.uncertain) for r in relations_on(self.registry, on)}

    @cached_property
    def by_actor(self) -> dict[str, list[tuple[str, str]]]:
        """Each actor's (operation, role) pairs, from contributions and snapshots alike."""
        found: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for c in self.registry.dataset.contributions:
            found[c.actor].add((c.operation, c.role))
        for s in self.registry.dataset.snapshots:
            found[s.actor].add((s.operation, s.role))
        return {actor: sorted(pairs) for actor, pairs in found.items()}


def _listed(row: Contributor) -> tuple[int, str, str]:
    """Allies first, then partners, then the rest; by name within each."""
    group = 0 if row.standing == "ally" else 1 if row.partner else 2
    return (group, row.name, row.role)


def plain_figure(personnel: str) -> int | None:
    """A personnel figure as a number when it is printed as one (`"1234"`), else `None`.

    >>> plain_figure("4273"), plain_figure("up to 130"), plain_figure("")
    (4273, None, None)
    """
    return int(personnel) if personnel.isascii() and personnel.isdigit() else None
