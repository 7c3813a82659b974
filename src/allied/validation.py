"""Invariants the dataset must keep, checked by `allied validate` and the tests.

The schema itself is checked when the files load (`allied.dataset`); these are
the checks across rows and files: references resolve, periods do not overlap,
partners' roles end when they join the Alliance, counts match official texts.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from allied.dataset import Dataset
from allied.period import PartialDate
from allied.registry import Registry

ALLIANCE = "nato"
_NO_DATE = (_dt.date.min, 0)


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken invariant: which check, and a message naming the facts involved."""

    check: str
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.message}"


def validate(registry: Registry) -> list[Problem]:
    """Run every check over the registry's dataset; an empty list means valid."""
    data = registry.dataset
    problems: list[Problem] = []
    for check in _CHECKS:
        problems.extend(check(data, registry))
    return problems


def _unique_ids(data: Dataset, _: Registry) -> Iterator[Problem]:
    families: list[tuple[str, Iterable[str]]] = [
        ("sources", (s.id for s in data.sources)),
        ("actors", (a.code for a in data.actors)),
        ("frameworks", (f.slug for f in data.frameworks)),
        ("events", (e.id for e in data.events)),
    ]
    for family, ids in families:
        for key, count in Counter(ids).items():
            if count > 1:
                yield Problem("unique-ids", f"{family}: {key!r} appears {count} times")
    by_url: dict[str, list[str]] = defaultdict(list)
    for source in data.sources:
        by_url[source.url.rstrip("/")].append(source.id)
    for url, ids in by_url.items():
        if len(ids) > 1:
            yield Problem("unique-ids", f"sources {', '.join(ids)} share the URL {url}")


def _references(data: Dataset, _: Registry) -> Iterator[Problem]:
    sources = {s.id for s in data.sources}
    actors = {a.code for a in data.actors}
    frameworks = {f.slug for f in data.frameworks}
    events = {e.id for e in data.events}
    cited: list[tuple[str, Iterable[str]]] = []
    cited += [(f"actor {a.code}", a.sources) for a in data.actors]
    cited += [(f"name {n.name!r}", n.sources) for n in data.names]
    cited += [(f"framework {f.slug}", f.sources) for f in data.frameworks]
    cited += [
        (f"framework {f.slug} founding_source", (f.founding_source,))
        for f in data.frameworks
        if f.founding_source
    ]
    cited += [(f"membership {_key(m)}", m.sources) for m in data.memberships]
    cited += [(f"status {_key(s)}", s.sources) for s in data.statuses]
    cited += [(f"event {e.id}", e.sources) for e in data.events]
    cited += [(f"core task {t.event}#{t.position}", t.sources) for t in data.core_tasks]
    cited += [(f"stated count {c.framework}@{c.on}", c.sources) for c in data.stated_counts]
    cited += [(f"conflict {c.subject}", c.sources) for c in data.conflicts]
    for where, ids in cited:
        for source_id in ids:
            if source_id not in sources:
                yield Problem("sources-resolve", f"{where} cites unknown source {source_id!r}")
    named_actors = [(f"name {n.name!r}", n.actor) for n in data.names]
    named_actors += [(f"membership {_key(m)}", m.actor) for m in data.memberships]
    named_actors += [(f"status {_key(s)}", s.actor) for s in data.statuses]
    named_actors += [(f"event {e.id}", code) for e in data.events for code in e.actors]
    for where, code in named_actors:
        if code not in actors:
            yield Problem("actors-resolve", f"{where} names unknown actor {code!r}")
    named_frameworks = [(f"membership {_key(m)}", m.framework) for m in data.memberships]
    named_frameworks += [(f"status {_key(s)}", s.framework) for s in data.statuses]
    named_frameworks += [(f"event {e.id}", slug) for e in data.events for slug in e.frameworks]
    named_frameworks += [(f"stated count {c.on}", c.framework) for c in data.stated_counts]
    named_frameworks += [
        (f"framework {f.slug} replaced_by", f.replaced_by) for f in data.frameworks if f.replaced_by
    ]
    for where, slug in named_frameworks:
        if slug not in frameworks:
            yield Problem("frameworks-resolve", f"{where} names unknown framework {slug!r}")
    for task in data.core_tasks:
        if task.event not in events:
            yield Problem("events-resolve", f"core task names unknown event {task.event!r}")


def _no_overlaps(data: Dataset, _: Registry) -> Iterator[Problem]:
    by_key: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for m in data.memberships:
        by_key[m.key].append(m)
    for key, rows in by_key.items():
        rows.sort(key=lambda m: m.period.start.sort_key)
        for earlier, later in itertools.pairwise(rows):
            if earlier.period.overlaps(later.period):
                yield Problem(
                    "no-overlaps",
                    f"{'/'.join(key)}: {earlier.period} overlaps {later.period}",
                )
    short_names: dict[str, list[Any]] = defaultdict(list)
    for name in data.names:
        if name.kind == "short":
            short_names[name.actor].append(name)
    for code, names in short_names.items():
        names.sort(key=lambda n: n.start.sort_key if n.start else _NO_DATE)
        for earlier, later in itertools.pairwise(names):
            if earlier.end is None or later.start is None or earlier.end.first > later.start.first:
                yield Problem(
                    "no-overlaps",
                    f"{code}: short names {earlier.name!r} and {later.name!r} overlap",
                )


def _within_lifetimes(data: Dataset, _: Registry) -> Iterator[Problem]:
    frameworks = {f.slug: f for f in data.frameworks}
    for m in data.memberships:
        fw = frameworks.get(m.framework)
        if fw is None or fw.period is None:
            continue
        if m.period.start.last < fw.period.start.first:
            yield Problem(
                "within-lifetime",
                f"{_key(m)} starts {m.period.start}, before {fw.slug} was founded "
                f"({fw.period.start})",
            )
        fw_end = fw.period.end
        if fw_end is not None and (m.period.end is None or m.period.end.first > fw_end.last):
            yield Problem(
                "within-lifetime",
                f"{_key(m)} runs past the end of {fw.slug} ({fw_end})",
            )
    memberships: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for m in data.memberships:
        memberships[m.key].append(m)
    for s in data.statuses:
        inside = any(
            s.period.start.first >= m.period.start.first
            and (
                m.period.end is None or (s.period.end is not None and s.period.end <= m.period.end)
            )
            for m in memberships.get((s.framework, s.actor, s.role), ())
        )
        if not inside:
            yield Problem(
                "within-lifetime", f"status {_key(s)} {s.period} lies outside any membership"
            )


def _partners_end_on_accession(data: Dataset, _: Registry) -> Iterator[Problem]:
    accessions = {
        m.actor: m.period.start
        for m in data.memberships
        if m.framework == ALLIANCE and m.role == "member"
    }
    for m in data.memberships:
        joined = accessions.get(m.actor)
        if joined is None or m.framework == ALLIANCE or m.role == "member":
            continue
        end = m.period.end
        if m.period.start.first >= joined.first:
            yield Problem(
                "partner-until-accession",
                f"{_key(m)} starts after {m.actor} joined {ALLIANCE} on {joined}",
            )
        elif end is None or end.first > joined.last:
            yield Problem(
                "partner-until-accession",
                f"{_key(m)} should end on {m.actor}'s accession ({joined}), not {end or 'never'}",
            )
        elif m.framework == "pfp" and (end != joined or m.end_reason != "nato-accession"):
            yield Problem(
                "partner-until-accession",
                f"{_key(m)} must end on {joined} with end_reason nato-accession "
                f"(found {end}, {m.end_reason or 'no reason'})",
            )


def _accessions_agree(data: Dataset, _: Registry) -> Iterator[Problem]:
    """An accession event and the Alliance membership it starts must carry the same date."""
    joined = {
        m.actor: m.period.start
        for m in data.memberships
        if m.framework == ALLIANCE and m.role == "member"
    }
    for event in data.events:
        if event.kind != "accession":
            continue
        for code in event.actors:
            if joined.get(code) != event.start:
                yield Problem(
                    "accessions-agree",
                    f"event {event.id} dates {code}'s accession {event.start}, "
                    f"its {ALLIANCE} membership starts {joined.get(code) or 'never'}",
                )


def _stated_counts(data: Dataset, registry: Registry) -> Iterator[Problem]:
    for stated in data.stated_counts:
        standings = registry.members(stated.framework, on=stated.on)
        found = len(standings)
        uncertain = sum(s.uncertain for s in standings)
        if found != stated.count or uncertain:
            detail = f", {uncertain} uncertain" if uncertain else ""
            yield Problem(
                "stated-counts",
                f"{stated.framework} on {stated.on}: sources state {stated.count}, "
                f"the registry has {found}{detail}",
            )


def _date_key(date: PartialDate | None) -> tuple[_dt.date, int]:
    return date.sort_key if date is not None else _NO_DATE


_SORT_KEYS: dict[str, Callable[[Any], Any]] = {
    "sources": lambda s: s.id,
    "actors": lambda a: a.code,
    "names": lambda n: (n.actor, n.kind, _date_key(n.start), n.name),
    "frameworks": lambda f: f.slug,
    "memberships": lambda m: (m.framework, m.actor, m.role, m.period.start.sort_key),
    "statuses": lambda s: (s.framework, s.actor, s.role, s.period.start.sort_key),
    "events": lambda e: (e.start.sort_key, e.id),
    "core_tasks": lambda t: (t.event, t.position),
    "stated_counts": lambda c: (c.framework, c.on.sort_key),
    "conflicts": lambda c: c.subject,
}


def sort_key(family: str) -> Callable[[Any], Any]:
    """The stable key a data file's rows are sorted by, so diffs read like a changelog."""
    return _SORT_KEYS[family]


def _sorted_files(data: Dataset, _: Registry) -> Iterator[Problem]:
    for family, key in _SORT_KEYS.items():
        rows = getattr(data, family)
        for index, (earlier, later) in enumerate(itertools.pairwise(rows), start=3):
            if key(earlier) > key(later):
                yield Problem("sorted", f"{family}.csv: line {index} is out of order")
                break


def _key(row: Any) -> str:
    return f"{row.framework}/{row.actor}/{row.role}@{row.period.start}"


_CHECKS: tuple[Callable[[Dataset, Registry], Iterable[Problem]], ...] = (
    _unique_ids,
    _references,
    _no_overlaps,
    _within_lifetimes,
    _partners_end_on_accession,
    _accessions_agree,
    _stated_counts,
    _sorted_files,
)
