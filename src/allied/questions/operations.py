"""`operations`, `operation`, `contributors`, `contributions`: crisis management, who took part.

>>> import allied
>>> answer = contributors(allied.load(), "kfor", on="2017-02-15")
>>> answer.as_of.precision, answer.stated_personnel
('month', 4273)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from allied.answer import Answer, Listing
from allied.model import Completeness, Contribution, ContributionRole, Operation
from allied.operations import Contributor, plain_figure
from allied.period import PartialDate, Period, parse_date
from allied.registry import DateLike, Registry


@dataclass(frozen=True)
class OperationList(Listing):
    """NATO-led operations, missions and activities, by start date."""

    items: tuple[Operation, ...]

    COLUMNS: ClassVar = ("slug", "name", "kind", "start", "end", "area", "parent")


def operations(registry: Registry, *, on: DateLike = None, every: bool = False) -> OperationList:
    """The operations that ran on `on` (default today), or `every` one."""
    return OperationList.of(registry.operations(on, every=every))


@dataclass(frozen=True)
class Size:
    """One dated size of an operation: how many took part, as listed and as stated.

    What is listed counts the figures a source prints without a nation's name. A
    date with a stated total but no list of nations has `contributors` `None`.
    """

    as_of: PartialDate
    contributors: int | None
    personnel: int | None
    stated_personnel: int | None
    stated_nations: int | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class OperationAnswer(Answer):
    """One operation: its record, its parts, contributions over periods, size over time."""

    operation: Operation = field(metadata={"flatten": True})
    parts: tuple[str, ...]
    contributions: tuple[Contribution, ...]
    sizes: tuple[Size, ...]

    COLUMNS: ClassVar = ("as_of", "contributors", "personnel", "stated_personnel",
                         "stated_nations", "sources")  # fmt: skip
    ROWS: ClassVar = "sizes"


def operation(registry: Registry, name: str) -> OperationAnswer:
    """An operation by slug, name or alias, with what a reader needs to trust it.

    A size's `personnel` is the sum of the figures printed as plain numbers, or
    `None` when any figure is printed otherwise ("up to 130").
    """
    index = registry.operation_index
    op = index.operation(name)
    sizes = []
    for as_of in index.size_dates(op.slug):
        rows = index.snapshot(op.slug, as_of)
        figures = [plain_figure(row.personnel) for row in rows]
        total = index.total(op.slug, as_of)
        unnamed = (total.unnamed_nations or 0, total.unnamed_personnel or 0) if total else (0, 0)
        cited = {source for row in rows for source in row.sources}
        cited |= set(total.sources) if total else set()
        sizes.append(
            Size(
                as_of,
                len({row.actor for row in rows}) + unnamed[0] or None,
                None if None in figures or not rows else sum(filter(None, figures)) + unnamed[1],
                total.personnel if total else None,
                total.nations if total else None,
                tuple(sorted(cited)),
            )
        )
    parts = tuple(child.slug for child in index.children(op.slug))
    return OperationAnswer(op, parts, tuple(index.contributions(op.slug)), tuple(sizes))


@dataclass(frozen=True)
class Contributors(Answer):
    """Who took part in an operation on a date: Allies, then partners, then others."""

    operation: str
    operation_name: str
    on: PartialDate
    as_of: PartialDate | None
    count: int
    partners: int
    stated_personnel: int | None
    stated_nations: int | None
    unnamed_nations: int | None
    unnamed_personnel: int | None
    listing: Completeness | None
    contributors: tuple[Contributor, ...]

    COLUMNS: ClassVar = ("actor", "name", "role", "personnel", "as_of", "start", "end",
                         "standing", "partner", "uncertain", "sources")  # fmt: skip
    ROWS: ClassVar = "contributors"


def contributors(
    registry: Registry, name: str, *, on: DateLike = None, partners_only: bool = False
) -> Contributors:
    """Who took part in an operation on `on`, with the latest snapshot's figures.

    `as_of` is the snapshot's date (`None` when none is dated on or before `on`);
    the stated totals are that snapshot's, with the figures its source prints
    without a nation's name (`unnamed_…`), and `listing` says whether its rows and
    those figures itemise every nation it counts (`partial`: some are missing).
    """
    index = registry.operation_index
    op = index.operation(name)
    when = parse_date(on)
    found = index.contributors(op.slug, on=when)
    if partners_only:
        found = [row for row in found if row.partner]
    as_of = index.latest_snapshot(op.slug, when)
    total = index.total(op.slug, as_of) if as_of is not None else None
    return Contributors(
        op.slug,
        op.name,
        when,
        as_of,
        len(found),
        sum(row.partner for row in found),
        total.personnel if total else None,
        total.nations if total else None,
        total.unnamed_nations if total else None,
        total.unnamed_personnel if total else None,
        total.listing if total else None,
        tuple(found),
    )


@dataclass(frozen=True)
class PartnerPart:
    """A partner's part in one operation on a date."""

    operation: str
    operation_name: str
    contributor: Contributor = field(metadata={"flatten": True})


@dataclass(frozen=True)
class PartnerParts(Answer):
    """Every contribution by a partner (not an Ally) to any operation running on a date."""

    on: PartialDate
    parts: tuple[PartnerPart, ...]

    COLUMNS: ClassVar = ("operation", "actor", "name", "role", "personnel", "as_of", "start",
                         "end", "standing", "uncertain", "sources")  # fmt: skip
    ROWS: ClassVar = "parts"


def partner_parts(registry: Registry, *, on: DateLike = None) -> PartnerParts:
    """What partners contributed, operation by operation, on `on` (default today)."""
    when = parse_date(on)
    index = registry.operation_index
    found = [
        PartnerPart(op.slug, op.name, row)
        for op in index.operations(on=when)
        for row in index.contributors(op.slug, on=when)
        if row.partner
    ]
    return PartnerParts(when, tuple(found))


@dataclass(frozen=True)
class Part:
    """One actor's part in one operation: over a period, or on a dated list with its figure."""

    operation: str
    actor: str
    role: ContributionRole
    period: Period | None
    as_of: PartialDate | None
    personnel: str | None
    sources: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class PartList(Listing):
    """Every contribution and every snapshot row, by operation, actor and date."""

    items: tuple[Part, ...]

    COLUMNS: ClassVar = ("operation", "actor", "role", "start", "end", "as_of", "personnel",
                         "start_precision", "end_precision", "as_of_precision", "sources",
                         "note", "data_version")  # fmt: skip


def contributions(
    registry: Registry, *, operation: str | None = None, actor: str | None = None
) -> PartList:
    """Every part taken in operations, for one operation or one actor, or all of them."""
    data = registry.dataset
    slug = registry.operation(operation).slug if operation is not None else None
    code = registry.actor_of(actor).code if actor is not None else None
    parts = [
        Part(c.operation, c.actor, c.role, c.period, None, None, c.sources, c.note)
        for c in data.contributions
    ] + [
        Part(s.operation, s.actor, s.role, None, s.as_of, s.personnel or None, s.sources, s.note)
        for s in data.snapshots
    ]
    chosen = [
        p
        for p in parts
        if (slug is None or p.operation == slug) and (code is None or p.actor == code)
    ]
    chosen.sort(key=_part_order)
    return PartList.of(chosen)


def _part_order(part: Part) -> tuple[str, str, tuple[object, ...], str]:
    dated = part.period.start if part.period is not None else part.as_of
    assert dated is not None
    return (part.operation, part.actor, dated.sort_key, part.role)
