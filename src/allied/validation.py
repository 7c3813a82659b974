"""Invariants the dataset must keep, checked by `allied validate` and the tests.

The schema, unique keys and references are checked when the files load
(`allied.dataset`, through `allied.integrity.find_breaches`, which `validate`
runs again for a dataset built another way); these are the checks across rows
and files: periods do not overlap, partners' roles end when they join the
Alliance, counts match official texts, files are sorted by their declared order.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from allied.families import Dataset
from allied.integrity import find_breaches
from allied.operations import plain_figure
from allied.period import Certainty, Period
from allied.registry import Registry
from allied.schema import FAMILIES
from allied.spending import AGGREGATES

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


def _integrity(data: Dataset, _: Registry) -> Iterator[Problem]:
    """Duplicate keys and dangling references: the loader's own check, for any dataset."""
    for breach in find_breaches(data):
        again = f" (first in row {breach.first + 1})" if breach.first is not None else ""
        where = f"{breach.family.filename} row {breach.index + 1}"
        yield Problem(breach.check, f"{where}: {breach.column}: {breach.message}{again}")


def _unique_urls(data: Dataset, _: Registry) -> Iterator[Problem]:
    by_url: dict[str, list[str]] = defaultdict(list)
    for source in data.sources:
        by_url[source.url.rstrip("/")].append(source.id)
    for url, ids in by_url.items():
        if len(ids) > 1:
            yield Problem("unique-ids", f"sources {', '.join(ids)} share the URL {url}")


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


def _parts_within_operations(data: Dataset, _: Registry) -> Iterator[Problem]:
    """A contribution or a snapshot surely outside its operation's period is an error."""
    periods = {op.slug: op.period for op in data.operations}
    for c in data.contributions:
        op = periods[c.operation]
        if c.period.start.last < op.start.first or (
            op.end is not None and c.period.end is not None and c.period.end.first > op.end.last
        ):
            yield Problem(
                "within-lifetime",
                f"contribution {c.operation}/{c.actor}/{c.role} {c.period} lies outside "
                f"{c.operation} {op}",
            )
    for s in data.snapshots:
        if periods[s.operation].holds_on(s.as_of) is Certainty.NO:
            yield Problem(
                "within-lifetime",
                f"snapshot {s.operation}@{s.as_of}/{s.actor} lies outside {s.operation} "
                f"{periods[s.operation]}",
            )


def _totals_add_up(data: Dataset, _: Registry) -> Iterator[Problem]:
    """A stated total agrees with its snapshot's rows, or a conflict records why not.

    For a `complete` listing, the nations stated must be the actors listed and the
    personnel stated the sum of the figures (when every one is printed as a plain
    number), each with what the source prints without a name. A `partial` listing
    itemises only some nations and is not checked.
    """
    rows: dict[tuple[str, Any], list[Any]] = defaultdict(list)
    for s in data.snapshots:
        rows[(s.operation, s.as_of)].append(s)
    explained = {c.subject for c in data.conflicts}
    for total in data.snapshot_totals:
        listed = rows.get((total.operation, total.as_of), [])
        subject = f"snapshot_totals:{total.operation}/{total.as_of}"
        if total.listing == "partial" or not listed or subject in explained:
            continue
        nations = len({s.actor for s in listed}) + (total.unnamed_nations or 0)
        if total.nations is not None and total.nations != nations:
            yield Problem("totals", f"{subject}: {total.nations} nations stated, {nations} listed")
        figures = [plain_figure(s.personnel) for s in listed]
        if total.personnel is not None and None not in figures:
            found = sum(f for f in figures if f is not None) + (total.unnamed_personnel or 0)
            if found != total.personnel:
                yield Problem(
                    "totals", f"{subject}: {total.personnel} stated, the figures add up to {found}"
                )


def _suspensions_mirrored(data: Dataset, _: Registry) -> Iterator[Problem]:
    """A suspension holds in every framework the actor was in at the time, or says why not.

    For each suspension, every other membership of the actor that overlaps it
    (the Alliance itself aside) needs a suspension of its own overlapping the
    same span, or an exemption (`exemptions.csv`) with its source.
    """
    suspended: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for s in data.statuses:
        suspended[(s.framework, s.actor, s.role)].append(s)
    exempt = {(e.framework, e.actor, e.role, e.suspended_in) for e in data.exemptions}
    for s in data.statuses:
        for m in data.memberships:
            if m.actor != s.actor or m.framework in (s.framework, ALLIANCE):
                continue
            if not _may_overlap(m.period, s.period) or (*m.key, s.framework) in exempt:
                continue
            if not any(_may_overlap(o.period, s.period) for o in suspended.get(m.key, ())):
                yield Problem(
                    "suspensions-mirrored",
                    f"{s.actor} is {s.status} in {s.framework} from {s.period.start} but not "
                    f"in {m.framework} ({m.role}); record it there or in exemptions.csv",
                )


def _may_overlap(first: Period, second: Period) -> bool:
    """Whether some day may lie in both periods (imprecise bounds count as possibly)."""
    ends = [p.end.last if p.end is not None else _dt.date.max for p in (first, second)]
    return max(first.start.first, second.start.first) < min(ends)


def _ratifications_fit(data: Dataset, registry: Registry) -> Iterator[Problem]:
    """Each case's accession is its NATO membership's start; steps fall inside the case.

    No step before the protocol's signature or after the candidate joined, only
    the Allies of the protocol's day (derived from the registry) ratify, and none
    takes a step its procedure does not have (`procedures.csv`).
    """
    index = registry.accession_index
    joined_on = {m.actor: m.period.start for m in data.memberships
                 if m.framework == ALLIANCE and m.role == "member"}  # fmt: skip
    for case in data.accession_cases:
        signed, joined = index.protocol_signed(case), index.joined(case)
        name = f"accession_cases:{case.candidate}"
        if joined is not None and joined != joined_on.get(case.candidate):
            yield Problem(
                "ratifications",
                f"{name}: joined {joined} by its event, but its NATO membership starts "
                f"{joined_on.get(case.candidate)}",
            )
        parties = set(index.parties(case))
        steps = index.steps(case)
        for step in steps:
            where = f"ratifications:{case.candidate}/{step.ally}/{step.milestone} {step.date}"
            if signed is not None and step.date.last < signed.first:
                yield Problem("ratifications", f"{where} is before the protocol ({signed})")
            if joined is not None and step.date.first > joined.last:
                yield Problem("ratifications", f"{where} is after the accession ({joined})")
            if step.ally not in parties:
                yield Problem("ratifications", f"{where}: not an Ally on the protocol's day")
            elif signed is not None and not index.has_step(step.ally, step.milestone, signed):
                yield Problem(
                    "ratifications",
                    f"{where}: {step.ally}'s procedure has no {step.milestone} step "
                    "(procedures.csv)",
                )


def _procedures_fit(data: Dataset, _: Registry) -> Iterator[Problem]:
    """One row says what an Ally's procedure is for a milestone on any day: no overlaps."""
    by_step: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for p in data.procedures:
        by_step[(p.ally, p.milestone)].append(p)
    for (ally, milestone), rows in by_step.items():
        rows.sort(key=lambda p: p.since.sort_key if p.since else _NO_DATE)
        for earlier, later in itertools.pairwise(rows):
            open_end = earlier.until is None or later.since is None
            if open_end or earlier.until.first > later.since.last:
                yield Problem(
                    "procedures",
                    f"procedures:{ally}/{milestone}: the row until {earlier.until or 'now'} "
                    f"overlaps the row since {later.since or 'the start'}",
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


def _sorted_files(data: Dataset, _: Registry) -> Iterator[Problem]:
    for family in FAMILIES:
        rows = getattr(data, family.name)
        for index, (earlier, later) in enumerate(itertools.pairwise(rows), start=3):
            if family.sort_key(earlier) > family.sort_key(later):
                yield Problem("sorted", f"{family.filename}: line {index} is out of order")
                break


def _spending_fits(data: Dataset, _: Registry) -> Iterator[Problem]:
    """Figures name a state or a NATO group; releases and rules keep their dates in order."""
    states = {a.code for a in data.actors if a.kind == "state"}
    for v in data.spending:
        if v.ally not in states and v.ally not in AGGREGATES:
            yield Problem("spending", f"spending {v.release}/{v.ally}/{v.year}: unknown Ally")
    for r in data.releases:
        if r.cutoff is not None and r.cutoff.first > r.published.last:
            yield Problem("spending", f"release {r.id}: cut-off {r.cutoff} after {r.published}")
    for g in data.guidelines:
        if g.until_year is not None and g.until_year < g.from_year:
            yield Problem("spending", f"guideline {g.id}: judges {g.from_year} to {g.until_year}")
        if bool(g.measure) != (g.threshold is not None):
            yield Problem("spending", f"guideline {g.id}: a measure needs a threshold and back")


def _key(row: Any) -> str:
    return f"{row.framework}/{row.actor}/{row.role}@{row.period.start}"


_CHECKS: tuple[Callable[[Dataset, Registry], Iterable[Problem]], ...] = (
    _integrity,
    _unique_urls,
    _no_overlaps,
    _within_lifetimes,
    _partners_end_on_accession,
    _accessions_agree,
    _stated_counts,
    _suspensions_mirrored,
    _ratifications_fit,
    _procedures_fit,
    _parts_within_operations,
    _totals_add_up,
    _spending_fits,
    _sorted_files,
)
