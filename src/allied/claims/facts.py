"""What the registry says about a claim on any given day.

`questions.question_for` turns a `Claim` into a `Question`: a function from a day to a
`Reading` (does the claim hold that day, what is true instead, on which
sources), plus the days on which the reading can change. `verdict` asks it on
the document's date and today and walks the change days in between.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from allied.claims.claim import PARTNERS
from allied.errors import OutsideLifetime
from allied.model import Event, Membership
from allied.period import Certainty, PartialDate
from allied.registry import Registry


@dataclass(frozen=True)
class Reading:
    """The registry's answer on one day: `holds` (`None`: cannot tell), what is true, says who."""

    holds: bool | None
    value: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A claim put to the registry: `read(day)`, and the days its answer may change on.

    `check(day)` answers only whether the claim holds, without describing what
    is true; verdicts scan change days with it. A `timeless` question (a
    founding date) reads the same on every day.
    """

    read: Callable[[_dt.date], Reading]
    days: tuple[_dt.date, ...] = ()
    timeless: bool = False
    #: Whether readings already say when they became true ("joined 2024-03-07").
    dated: bool = False
    check: Callable[[_dt.date], bool | None] | None = None

    def holds(self, day: _dt.date) -> bool | None:
        """Whether the claim holds on `day` (`None`: the registry cannot tell)."""
        return self.check(day) if self.check is not None else self.read(day).holds


def unknowable(reason: str) -> Question:
    """A question the registry cannot answer on any day."""
    return Question(lambda _day: Reading(None, reason), timeless=True)


_ONE_DAY = _dt.timedelta(days=1)
_REASONS = {"nato-accession": "NATO accession", "": "reason not recorded"}
#: Who was in a framework on a day: surely, maybe (an imprecise date), and suspended.
Roster = tuple[frozenset[str], frozenset[str], frozenset[str]]
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d{1,2})?)\s*%")
_DEADLINE = re.compile(r"\bby\s+((?:19|20)\d\d)\b")
_WITHIN = re.compile(r"\bwithin\s+(a\s+decade|ten\s+years|\d{1,2}\s+years)\b")
_PROPOSALS = re.compile(
    r"\b(\d{1,3})\s+(?:further\s+|new\s+)?(?:common\s+)?(?:proposals|action\s+points)\b"
)


@dataclass(frozen=True)
class Changes:
    """The days a set of memberships changes on, and the sources of each change."""

    days: tuple[_dt.date, ...]
    sources: dict[_dt.date, tuple[str, ...]]

    @classmethod
    def of(cls, rows: Iterable[Membership], facts: Facts) -> Changes:
        """Index `rows` by the days they start and end on (first and after the last day)."""
        found: dict[_dt.date, dict[str, None]] = {}
        for m in rows:
            for bound in (m.period.start, m.period.end):
                if bound is not None:
                    for day in (bound.first, bound.last + _ONE_DAY):
                        found.setdefault(day, {}).update(dict.fromkeys(m.sources))
        days = sorted(set(found) | set(period_days(rows, facts)))
        return cls(tuple(days), {day: tuple(ids) for day, ids in found.items()})

    def sources_by(self, day: _dt.date) -> tuple[str, ...]:
        """The sources of the latest change on or before `day`."""
        index = bisect.bisect_right(self.days, day) - 1
        return self.sources.get(self.days[index], ()) if index >= 0 else ()


class Facts:
    """Per-registry indices and memoised answers the questions share."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        events = registry.events()
        self.concepts = [e for e in events if e.kind == "strategic-concept"]
        tasks: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
        for task in registry.dataset.core_tasks:
            tasks.setdefault(task.event, []).append((task.position, task.task, task.sources))
        self.tasks = {event: sorted(rows) for event, rows in tasks.items()}
        self.commitments = [
            e for e in events if e.kind == "commitment" and _PERCENT.search(_text(e))
        ]
        self.proposals = [
            (e, int(m.group(1)))
            for e in events
            if "EU" in e.actors and (m := _PROPOSALS.search(e.title))
        ]
        partner_rows = [
            m
            for m in registry.dataset.memberships
            if m.role in ("partner", "participant") and registry.actor_of(m.actor).kind == "state"
        ]
        self.partner_rows = partner_rows
        self.partners_on = lru_cache(maxsize=4096)(self._partners_on)
        self.roster = lru_cache(maxsize=4096)(self._roster)
        self.sizes = lru_cache(maxsize=4096)(self._sizes)
        self._changes: dict[str, Changes] = {}

    def changes(self, key: str, rows: Callable[[], Sequence[Membership]]) -> Changes:
        """The change index of the memberships `rows()` gives, built once per `key`."""
        found = self._changes.get(key)
        if found is None:
            found = self._changes[key] = Changes.of(list(rows()), self)
        return found

    def _roster(self, slug: str, day: _dt.date) -> Roster:
        """Members of `slug` on `day`: surely in, maybe in, suspended."""
        try:
            standings = self.registry.members(slug, on=PartialDate.from_date(day))
        except OutsideLifetime:  # before the framework was founded: nobody was in it
            return frozenset(), frozenset(), frozenset()
        sure = frozenset(s.membership.actor for s in standings if not s.uncertain)
        maybe = frozenset(s.membership.actor for s in standings if s.uncertain)
        suspended = frozenset(s.membership.actor for s in standings if s.status == "suspended")
        return sure, maybe, suspended

    def _sizes(self, slug: str, day: _dt.date) -> tuple[int, int, int]:
        """How many were surely, maybe, and suspended members of `slug` on `day`
        (`PARTNERS`: NATO's partner countries, none suspended)."""
        if slug == PARTNERS:
            sure, maybe = self.partners_on(day)
            return len(sure), len(maybe), 0
        sure, maybe, suspended = self.roster(slug, day)
        return len(sure), len(maybe), len(suspended)

    def _partners_on(self, day: _dt.date) -> tuple[frozenset[str], frozenset[str]]:
        """States with a partner or participant role anywhere on `day`, not Allies: sure, maybe."""
        when = PartialDate.from_date(day)
        allies, maybe_allies, _ = self.roster("nato", day)
        sure: set[str] = set()
        maybe: set[str] = set()
        for m in self.partner_rows:
            certainty = m.period.holds_on(when)
            if certainty is Certainty.YES:
                sure.add(m.actor)
            elif certainty is Certainty.MAYBE:
                maybe.add(m.actor)
        sure -= allies | maybe_allies
        maybe -= allies | sure
        return frozenset(sure), frozenset(maybe)

    @lru_cache(maxsize=4096)  # noqa: B019 - one Facts per registry, kept while it lives
    def absence(self, slug: str, actor: str, day: _dt.date, label: str) -> str:
        """Why `actor` was not an active member of `slug` (called `label`) on `day`:
        suspended, gone, or never in. Lists of members ask it of the same few often."""
        name = self.name(actor, day)
        mine = [m for m in self.memberships(slug) if m.actor == actor and m.role != "observer"]
        statuses = [s for m in mine for s in self.registry.statuses_of(m)]
        when = PartialDate.from_date(day)
        current = [s for s in statuses if s.period.holds_on(when) is not Certainty.NO]
        if current:
            return f"{name}: suspended since {current[-1].period.start}"
        ended = [m for m in mine if m.period.end is not None and m.period.end.first <= day]
        if ended:
            last = ended[-1]
            reason = _REASONS.get(last.end_reason, last.end_reason)
            return f"{name}: left on {last.period.end} ({reason})"
        return f"{name}: not in the {label}"

    @lru_cache(maxsize=4096)  # noqa: B019 - one Facts per registry, kept while it lives
    def newest(self, slug: str, day: _dt.date) -> tuple[Membership, ...]:
        """The members of `slug` on `day` who joined last (several if on the same day)."""
        current = [
            m
            for m in self.memberships(slug)
            if m.role == "member"
            and m.period.start.first <= day
            and (m.period.end is None or m.period.end.first > day)
        ]
        if not current:
            return ()
        latest = max(m.period.start.first for m in current)
        return tuple(m for m in current if m.period.start.first == latest)

    @lru_cache(maxsize=4096)  # noqa: B019
    def memberships(self, slug: str, actor: str | None = None) -> tuple[Membership, ...]:
        """The memberships of a framework (of one actor), by start date."""
        return tuple(self.registry.memberships(framework=slug, actor=actor))

    def name(self, code: str, day: _dt.date | None = None) -> str:
        """The actor's name in use on `day` (today's when `None`)."""
        return self._name(code, day or _dt.date.today())

    @lru_cache(maxsize=8192)  # noqa: B019 - one Facts per registry, kept while it lives
    def _name(self, code: str, day: _dt.date) -> str:
        return self.registry.name(code, PartialDate.from_date(day))

    def names(self, codes: Iterable[str], day: _dt.date | None = None) -> str:
        """The actors' names in use on `day`, joined with commas."""
        return ", ".join(self.name(code, day) for code in codes)


_CACHE: weakref.WeakKeyDictionary[Registry, Facts] = weakref.WeakKeyDictionary()


def facts_of(registry: Registry) -> Facts:
    """The registry's shared facts, built on first use."""
    facts = _CACHE.get(registry)
    if facts is None:
        facts = _CACHE[registry] = Facts(registry)
    return facts


def period_days(rows: Iterable[Membership], facts: Facts) -> tuple[_dt.date, ...]:
    """Every day a membership (or one of its statuses) starts or ends on."""
    days: set[_dt.date] = set()
    for m in rows:
        periods = [m.period, *(s.period for s in facts.registry.statuses_of(m))]
        for period in periods:
            for bound in (period.start, period.end):
                if bound is not None:
                    days.update((bound.first, bound.last + _dt.timedelta(days=1)))
    return tuple(sorted(days))


def commitment_terms(event: Event) -> tuple[tuple[float, ...], int | None]:
    """The GDP percentages a commitment states, headline first, and its deadline year."""
    title_first = [float(p) for p in _PERCENT.findall(event.title)]
    percents = tuple(dict.fromkeys(title_first + [float(p) for p in _PERCENT.findall(event.note)]))
    text = _text(event)
    deadline = _DEADLINE.search(text)
    if deadline:
        return percents, int(deadline.group(1))
    within = _WITHIN.search(text)
    if within:
        span = within.group(1)
        years = 10 if span.startswith(("a decade", "ten")) else int(span.split()[0])
        return percents, event.start.year + years
    return percents, None


def _text(event: Event) -> str:
    return f"{event.title} {event.note}"
