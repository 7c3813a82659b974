"""The registry: who was in what, in which role, when — and says who.

`Registry` holds the dataset in immutable in-memory indices built once at load
time; as-of queries never touch disk. Every query takes a date (default today)
that keeps its precision: a question asked of `"2004"` covers the whole year and
flags answers that hold for only part of it as `uncertain`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from allied.dataset import Dataset
from allied.errors import (
    OutsideLifetime,
    UnknownActor,
    UnknownEvent,
    UnknownFramework,
    UnknownSource,
    quoted,
)
from allied.model import FULL_ROLES, Standing
from allied.naming import NameIndex, normalise
from allied.period import Certainty, PartialDate, Period, parse_date

if TYPE_CHECKING:
    from allied.accession import AccessionIndex
    from allied.model import (
        Actor,
        ActorProfile,
        Change,
        Difference,
        Event,
        Framework,
        Membership,
        Name,
        Operation,
        Source,
        Status,
    )
    from allied.operations import Contributor, OperationIndex
    from allied.spending import SpendingIndex
    from allied.timeline import Timeline

DateLike = str | _dt.date | PartialDate | None
_CHANGE_ORDER = {"left": 0, "suspended": 1, "resumed": 2, "joined": 3}


class Registry:
    """Time-aware, sourced answers about NATO's frameworks and their members.

    >>> import allied
    >>> reg = allied.load()
    >>> len(reg.members("nato", on="2020-03-27"))
    30
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._frameworks = {framework.slug: framework for framework in dataset.frameworks}
        self._names: dict[str, list[Name]] = defaultdict(list)
        for name in dataset.names:
            self._names[name.actor].append(name)
        self._short_names = {
            code: sorted(
                (name for name in names if name.kind == "short"),
                key=lambda name: name.start.sort_key if name.start else (_dt.date.min, 0),
            )
            for code, names in self._names.items()
        }
        self._by_framework: dict[str, list[Membership]] = defaultdict(list)
        self._by_actor: dict[str, list[Membership]] = defaultdict(list)
        for membership in sorted(dataset.memberships, key=lambda m: m.period.start.sort_key):
            self._by_framework[membership.framework].append(membership)
            self._by_actor[membership.actor].append(membership)
        self._statuses: dict[tuple[str, str, str], list[Status]] = defaultdict(list)
        for status in sorted(dataset.statuses, key=lambda s: s.period.start.sort_key):
            self._statuses[(status.framework, status.actor, status.role)].append(status)
        self._framework_keys = NameIndex(
            [(fw.slug, fw.slug) for fw in dataset.frameworks]
            + [(fw.name, fw.slug) for fw in dataset.frameworks]
            + [(alias, fw.slug) for fw in dataset.frameworks for alias in fw.aliases]
        )
        self._timelines: dict[tuple[str, tuple[str, ...]], Timeline[tuple[Standing, ...]]] = {}
        self._day_queries: dict[tuple[str, tuple[str, ...]], int] = {}

    def __reduce__(self) -> tuple[type[Registry], tuple[Dataset]]:
        """A copy (a check worker's) is the registry of the same dataset, its indices rebuilt.

        What it built on the way (timelines, which answer through closures) stays behind.
        """
        return (Registry, (self.dataset,))

    # --- lookups -------------------------------------------------------------

    def actor_of(self, text: str) -> Actor:
        """Resolve a code or any current, former or alternative name to an `Actor`.

        Raises `UnknownActor` (with close matches) or `AmbiguousName`.
        """
        code = self._actor_keys.resolve(text, self._actors, UnknownActor, "actor")
        return self._actors[code]

    def get_actor(self, text: str, default: Actor | None = None) -> Actor | None:
        """Like `actor_of`, but return `default` instead of raising."""
        try:
            return self.actor_of(text)
        except LookupError:
            return default

    def framework(self, text: str) -> Framework:
        """Resolve a slug, name or alias (`"PfP"`, `"Partnership for Peace"`) to a `Framework`."""
        slug = self._framework_keys.resolve(text, self._frameworks, UnknownFramework, "framework")
        return self._frameworks[slug]

    def get_framework(self, text: str, default: Framework | None = None) -> Framework | None:
        """Like `framework`, but return `default` instead of raising."""
        try:
            return self.framework(text)
        except LookupError:
            return default

    def source(self, source_id: str) -> Source:
        """The source with this id; raises `UnknownSource`."""
        try:
            return self._sources[source_id]
        except KeyError:
            raise UnknownSource(f"no source has the id {quoted(source_id)}") from None

    def get_source(self, source_id: str, default: Source | None = None) -> Source | None:
        """Like `source`, but return `default` instead of raising."""
        return self._sources.get(source_id, default)

    def event(self, event_id: str) -> Event:
        """The event with this id; raises `UnknownEvent`."""
        try:
            return self._events[event_id]
        except KeyError:
            raise UnknownEvent(f"no event has the id {quoted(event_id)}") from None

    def name(self, code: str, on: DateLike = None) -> str:
        """The actor's short name in use on a date (its latest name if none was then)."""
        names = self._short_names.get(code)
        if not names:
            return code
        when = parse_date(on)
        for name in reversed(names):
            if name.in_use_on(when):
                return name.name
        return (
            names[0].name
            if names[0].start and names[0].start.first > when.first
            else names[-1].name
        )

    # --- as-of queries ---------------------------------------------------------

    def members(
        self, framework: str, on: DateLike = None, *, roles: Sequence[str] | None = FULL_ROLES
    ) -> list[Standing]:
        """Who was in `framework` on a date, sorted by name; `roles=None` means every role.

        Raises `UnknownFramework`, `InvalidDate`, or `OutsideLifetime` for a date
        before the framework was founded.

        >>> import allied
        >>> [s.name for s in allied.load().members("nato", on="1952-02-18")][-3:]
        ['Turkey', 'United Kingdom', 'United States']
        """
        fw = self.framework(framework)
        when = parse_date(on)
        if fw.period is not None and when.last < fw.period.start.first:
            raise OutsideLifetime(
                f"{fw.slug} was founded on {fw.period.start}; {when} is before that"
            )
        key_roles = tuple(sorted(roles)) if roles is not None else ()
        timeline = self._timeline(fw.slug, key_roles) if when.precision == "day" else None
        if timeline is None:
            return self._scan(fw.slug, when, key_roles)
        return list(timeline.at(when.first) or ())

    def frameworks(self, on: DateLike = None) -> list[Framework]:
        """Frameworks in existence on a date (including ones that may have been), by slug."""
        when = parse_date(on)
        return [
            fw
            for fw in sorted(self._frameworks.values(), key=lambda fw: fw.slug)
            if self._lifetime(fw).holds_on(when) is not Certainty.NO
        ]

    def all_frameworks(self) -> list[Framework]:
        """Every framework the dataset knows, by founding date."""
        return sorted(
            self._frameworks.values(), key=lambda fw: (self._lifetime(fw).start.sort_key, fw.slug)
        )

    def _lifetime(self, fw: Framework) -> Period:
        """The framework's period, or for a label without one, its relationships' span."""
        if fw.period is not None:
            return fw.period
        periods = [m.period for m in self._by_framework.get(fw.slug, ())]
        if not periods:
            return Period(PartialDate(9999))
        start = min((p.start for p in periods), key=lambda d: d.sort_key)
        ends = [p.end for p in periods]
        if any(end is None for end in ends):
            return Period(start)
        return Period(start, max((e for e in ends if e is not None), key=lambda d: d.last))

    def memberships(
        self,
        *,
        framework: str | None = None,
        actor: str | None = None,
        role: str | None = None,
        on: DateLike = None,
    ) -> list[Membership]:
        """Memberships matching every filter given, ordered by start date.

        `on` keeps memberships that held, or may have held, on that date.
        """
        if framework is not None:
            rows: Iterable[Membership] = self._by_framework.get(self.framework(framework).slug, [])
        elif actor is not None:
            rows = self._by_actor.get(self.actor_of(actor).code, [])
        else:
            rows = sorted(self.dataset.memberships, key=lambda m: m.period.start.sort_key)
        actor_code = self.actor_of(actor).code if actor is not None else None
        when = parse_date(on) if on is not None else None
        return [
            m
            for m in rows
            if (actor_code is None or m.actor == actor_code)
            and (role is None or m.role == role)
            and (when is None or m.period.holds_on(when) is not Certainty.NO)
        ]

    def statuses_of(self, membership: Membership) -> list[Status]:
        """The non-active status periods of a membership, in order."""
        return self._statuses.get(membership.key, [])

    def status_of(self, membership: Membership, on: DateLike = None) -> tuple[str, Certainty]:
        """A membership's status on a date and how sure that is."""
        when = parse_date(on)
        for status in self._statuses.get(membership.key, ()):
            certainty = status.period.holds_on(when)
            if certainty is not Certainty.NO:
                return status.status, certainty
        return "active", Certainty.YES

    # --- changes ---------------------------------------------------------------

    def history(self, framework: str) -> list[Change]:
        """Every join, departure, suspension and resumption in a framework, in order."""
        fw = self.framework(framework)
        changes: list[Change] = []
        for m in self._by_framework.get(fw.slug, []):
            start, end = m.period.start, m.period.end
            changes.append(self._change(start, m, "joined", "", m.sources))
            if end is not None:
                changes.append(self._change(end, m, "left", m.end_reason, m.sources))
            for status in self._statuses.get(m.key, ()):
                changes.append(
                    self._change(status.period.start, m, "suspended", "", status.sources)
                )
                if status.period.end is not None and status.period.end != end:
                    resumed = status.period.end
                    changes.append(self._change(resumed, m, "resumed", "", status.sources))
        changes.sort(key=lambda c: (c.date.sort_key, _CHANGE_ORDER[c.change], c.name))
        return changes

    def diff(
        self, start: DateLike, end: DateLike, *, framework: str | None = None
    ) -> list[Difference]:
        """What changed between two dates: who was added, removed or changed status.

        A month or a year is read as its whole span: the state on `start`'s first day
        is compared with the state on `end`'s last day, so `diff("2004", "2005")`
        finds the seven states that joined in March 2004.

        >>> import allied
        >>> sorted(d.actor for d in allied.load().diff("2004", "2004", framework="nato"))
        ['BGR', 'EST', 'LTU', 'LVA', 'ROU', 'SVK', 'SVN']
        """
        from allied.model.changes import Difference  # its class is created when first asked

        before = PartialDate.from_date(parse_date(start).first)
        after = PartialDate.from_date(parse_date(end).last)
        slugs = [self.framework(framework).slug] if framework else sorted(self._frameworks)
        differences: list[Difference] = []
        for slug in slugs:
            old = {(s.membership.actor, s.membership.role): s for s in self._scan(slug, before, ())}
            new = {(s.membership.actor, s.membership.role): s for s in self._scan(slug, after, ())}
            for key in sorted(old.keys() | new.keys()):
                was, now = old.get(key), new.get(key)
                change: Literal["added", "removed", "status"] = (
                    "added" if was is None else "removed" if now is None else "status"
                )
                if change == "status" and was.status == now.status:  # type: ignore[union-attr]
                    continue
                shown = now or was
                assert shown is not None
                differences.append(
                    Difference(
                        framework=slug,
                        actor=key[0],
                        role=shown.membership.role,
                        change=change,
                        before=was.status if was else "",
                        after=now.status if now else "",
                        uncertain=any(s is not None and s.uncertain for s in (was, now)),
                        name=self.name(key[0], after),
                        sources=shown.sources,
                        date=self._change_date(change, was, now, before, after),
                    )
                )
        return _role_changes(differences)

    def _change_date(
        self,
        change: str,
        was: Standing | None,
        now: Standing | None,
        before: PartialDate,
        after: PartialDate,
    ) -> PartialDate | None:
        """The day a difference happened: a role's start or end, or a status's."""
        if change == "added" and now is not None:
            return now.membership.period.start
        if change == "removed" and was is not None:
            return was.membership.period.end
        shown = now or was
        assert shown is not None
        m = shown.membership
        for status in self.dataset.statuses:
            if (status.framework, status.actor, status.role) != (m.framework, m.actor, m.role):
                continue
            for day in (status.period.start, status.period.end):
                if day is not None and before.first < day.last and day.first <= after.last:
                    return day
        return None

    def counts_over_time(self, framework: str) -> list[tuple[_dt.date, int]]:
        """How many were in a framework (in its full roles) from each day the count changed."""
        fw = self.framework(framework)
        founded = fw.period.start.first if fw.period else _dt.date.min
        # A member known only to the year it joined may "start" before the founding day.
        days = sorted({max(change.date.first, founded) for change in self.history(fw.slug)})
        counts: list[tuple[_dt.date, int]] = []
        for day in days:
            count = len(self.members(fw.slug, on=PartialDate.from_date(day)))
            if not counts or counts[-1][1] != count:
                counts.append((day, count))
        return counts

    # --- operations (indexed by allied.operations on first use) ---------------------

    @cached_property
    def operation_index(self) -> OperationIndex:
        """Operations, contributions and snapshots, indexed when first asked for."""
        from allied.operations import OperationIndex

        return OperationIndex(self)

    def operation(self, text: str) -> Operation:
        """Resolve an operation's slug, name or alias (`"KFOR"`); raises `UnknownOperation`."""
        return self.operation_index.operation(text)

    def operations(self, on: DateLike = None, *, every: bool = False) -> list[Operation]:
        """Operations that ran (or may have run) on a date, or `every` one, by start date."""
        return self.operation_index.operations(on=None if every else parse_date(on))

    def contributors(self, operation: str, on: DateLike = None) -> list[Contributor]:
        """Who took part in an operation on a date, with figures and derived standing.

        >>> import allied
        >>> [c.actor for c in allied.load().contributors("kfor", on="2017-02-15")][:2]
        ['ALB', 'BGR']
        """
        return self.operation_index.contributors(operation, on=parse_date(on))

    @cached_property
    def accession_index(self) -> AccessionIndex:
        """Accession cases and ratifications, indexed when first asked for."""
        from allied.accession import AccessionIndex

        return AccessionIndex(self)

    @cached_property
    def spending_index(self) -> SpendingIndex:
        """Spending releases, their values and the guidelines, indexed when first asked for."""
        from allied.spending import SpendingIndex

        return SpendingIndex(self)

    # --- profiles and events -------------------------------------------------------

    def actor(self, text: str, *, on: DateLike = None) -> ActorProfile:
        """Everything known about one actor: names over time, memberships, statuses, events."""
        from allied.model.profiles import ActorProfile  # created when first asked for

        found = self.actor_of(text)
        code = found.code
        memberships = tuple(self._by_actor.get(code, ()))
        return ActorProfile(
            actor=found,
            name=self.name(code, on),
            names=tuple(sorted(self._names.get(code, ()), key=_name_order)),
            memberships=memberships,
            statuses=tuple(s for m in memberships for s in self._statuses.get(m.key, ())),
            events=tuple(e for e in self.events() if code in e.actors),
        )

    def events(
        self,
        *,
        kind: str | None = None,
        start: DateLike = None,
        end: DateLike = None,
        framework: str | None = None,
    ) -> list[Event]:
        """Events in date order, filtered by kind, framework and a `[start, end]` window."""
        low = parse_date(start).first if start is not None else _dt.date.min
        high = parse_date(end).last if end is not None else _dt.date.max
        slug = self.framework(framework).slug if framework else None
        return [
            e
            for e in self._sorted_events
            if (kind is None or e.kind == kind)
            and low <= e.start.last
            and e.start.first <= high
            and (slug is None or slug in e.frameworks)
        ]

    def sources(self) -> list[Source]:
        """Every source, by id."""
        return sorted(self._sources.values(), key=lambda s: s.id)

    # Actors are indexed when first asked for: `allied members` shows names, not actors.
    @cached_property
    def _actors(self) -> dict[str, Actor]:
        return {actor.code: actor for actor in self.dataset.actors}

    @cached_property
    def _actor_keys(self) -> NameIndex:
        actors, names = self.dataset.actors, self.dataset.names
        return NameIndex(
            [(actor.code, actor.code) for actor in actors]
            + [(actor.iso2, actor.code) for actor in actors if actor.iso2]
            + [(name.name, name.actor) for name in names]
        )

    # Sources and events are indexed when first asked for: `allied members` needs neither,
    # and a dataset from the cache then never reads their files.
    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {source.id: source for source in self.dataset.sources}

    @cached_property
    def _events(self) -> dict[str, Event]:
        return {event.id: event for event in self.dataset.events}

    @cached_property
    def _sorted_events(self) -> list[Event]:
        return sorted(self._events.values(), key=lambda e: (e.start.sort_key, e.id))

    # --- internals -------------------------------------------------------------

    def _change(
        self, date: PartialDate, m: Membership, change: str, reason: str, sources: tuple[str, ...]
    ) -> Change:
        from allied.model.changes import Change  # created when first asked for

        return Change(
            date=date,
            framework=m.framework,
            actor=m.actor,
            role=m.role,
            change=change,  # type: ignore[arg-type]
            reason=reason,
            name=self.name(m.actor, date),
            sources=sources,
        )

    def _scan(self, slug: str, when: PartialDate, roles: tuple[str, ...]) -> list[Standing]:
        """Answer `members` by checking every membership of the framework."""
        standings = []
        for m in self._by_framework.get(slug, ()):
            if roles and m.role not in roles:
                continue
            certainty = m.period.holds_on(when)
            if certainty is Certainty.NO:
                continue
            status, status_certainty = self.status_of(m, when)
            status_sources = tuple(
                source
                for s in self._statuses.get(m.key, ())
                if s.status == status
                for source in s.sources
            )
            standings.append(
                Standing(
                    membership=m,
                    status=status,  # type: ignore[arg-type]
                    uncertain=Certainty.MAYBE in (certainty, status_certainty),
                    name=self.name(m.actor, when),
                    sources=m.sources + status_sources,
                )
            )
        standings.sort(key=lambda s: (normalise(s.name), s.membership.role))
        return standings

    def _timeline(self, slug: str, roles: tuple[str, ...]) -> Timeline[tuple[Standing, ...]] | None:
        """The precomputed timeline, built on the second day query of the same kind.

        A one-shot caller (the CLI) answers with one scan; a long-lived one (the
        API, a notebook) pays for the index once and then answers by bisection.
        """
        key = (slug, roles)
        timeline = self._timelines.get(key)
        if timeline is None:
            seen = self._day_queries[key] = self._day_queries.get(key, 0) + 1
            if seen < 2:
                return None
            from allied.timeline import Timeline  # a one-shot query never builds one

            timeline = self._timelines[key] = Timeline(
                self.change_days(slug),
                lambda day: tuple(self._scan(slug, PartialDate.from_date(day), roles)),
            )
        return timeline

    def change_days(self, slug: str) -> set[_dt.date]:
        """Every day on which a day-precision answer about `slug` may change.

        Certainty flips on the first and last day of each imprecise bound, so
        both are included (and the day after the last), for memberships,
        statuses and the names shown.
        """
        days: set[_dt.date] = set()
        memberships = self._by_framework.get(slug, [])
        periods = [m.period for m in memberships]
        periods += [s.period for m in memberships for s in self._statuses.get(m.key, ())]
        for period in periods:
            for date in (period.start, period.end):
                if date is not None:
                    days.update((date.first, date.last, date.last + _dt.timedelta(days=1)))
        for m in memberships:
            for name in self._short_names.get(m.actor, ()):
                days.update(d.first for d in (name.start, name.end) if d is not None)
        return days


def _name_order(name: Name) -> tuple[bool, tuple[_dt.date, int], str]:
    """Names in use first, oldest first; aliases after them."""
    return (
        name.kind == "alias",
        name.start.sort_key if name.start else (_dt.date.min, 0),
        name.name,
    )


def _role_changes(differences: list[Difference]) -> list[Difference]:
    """Fold a role left and a role taken up in one framework into one `role` change."""
    removed = {(d.framework, d.actor): d for d in differences if d.change == "removed"}
    added = {(d.framework, d.actor): d for d in differences if d.change == "added"}
    both = {key for key in removed.keys() & added.keys()
            if _same_count(differences, key)}  # fmt: skip
    folded: list[Difference] = []
    for d in differences:
        key = (d.framework, d.actor)
        if key not in both:
            folded.append(d)
        elif d.change == "added":
            left = removed[key]
            folded.append(
                dataclasses.replace(
                    d,
                    change="role",
                    role_before=left.role,
                    before=left.before,
                    uncertain=d.uncertain or left.uncertain,
                    sources=tuple(dict.fromkeys(d.sources + left.sources)),
                )
            )
    return folded


def _same_count(differences: list[Difference], key: tuple[str, str]) -> bool:
    """Exactly one role left and one taken up: a plain role change."""
    kinds = [d.change for d in differences if (d.framework, d.actor) == key]
    return sorted(kinds) == ["added", "removed"]
