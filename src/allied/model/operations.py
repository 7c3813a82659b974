"""NATO-led operations, missions and activities, and who took part in them."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import Completeness, ContributionRole, OperationKind
from allied.period import PartialDate, Period


@frozen
class Operation:
    """A NATO-led operation, mission or activity: what, where, when, on what legal basis."""

    slug: str = field(metadata=column("A lowercase slug (`kfor`, `isaf`, `efp-estonia`)."))
    name: str = field(metadata=column("Its name in English."))
    kind: OperationKind = field(metadata=column("What NATO calls it."))
    parent: str = field(
        metadata=column("The activity it is part of (a battlegroup: `efp`).", refers="operations",
                        required=False)
    )  # fmt: skip
    period: Period = field(metadata=column("The first day it ran."))
    area: str = field(metadata=column("Where it ran.", required=False))
    legal_basis: tuple[str, ...] = field(
        metadata=column("UNSC resolutions, NAC decisions, host-nation requests.")
    )
    predecessor: str = field(
        metadata=column("The operation it took over from.", refers="operations", required=False)
    )
    successor: str = field(
        metadata=column("The operation that took over from it.", refers="operations",
                        required=False)
    )  # fmt: skip
    aliases: tuple[str, ...] = field(metadata=column("Other names and abbreviations."))
    sources: tuple[str, ...] = field(metadata=cites("the operation and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
class Contribution:
    """One actor's part in one operation in one role, over a period."""

    operation: str = field(metadata=column("The operation.", refers="operations"))
    actor: str = field(metadata=column("The contributor.", refers="actors"))
    role: ContributionRole = field(metadata=column("What it contributed."))
    period: Period = field(metadata=column("The first day of the contribution."))
    sources: tuple[str, ...] = field(metadata=cites("the contribution and its dates"))
    note: str = field(default="", metadata=column("What, where: aircraft, base, unit."))


@frozen
class Snapshot:
    """One actor's part in one operation on a dated list, with the figure the source printed.

    `personnel` is as printed: digits for a plain number (`1234`), else the text
    (`up to 130`); empty when the source gives no figure.
    """

    operation: str = field(metadata=column("The operation.", refers="operations"))
    as_of: PartialDate = field(metadata=column("The date the source's figures are as of."))
    actor: str = field(metadata=column("The contributor.", refers="actors"))
    role: ContributionRole = field(metadata=column("What it contributed."))
    personnel: str = field(metadata=column("Personnel as printed.", required=False))
    sources: tuple[str, ...] = field(metadata=cites("the figure"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
class SnapshotTotal:
    """The totals a source states for an operation on a date: personnel and nations.

    `unnamed_nations` and `unnamed_personnel` keep what a source prints without a
    nation's name ("other countries 3,528", or a copy that lost some names): `allied
    validate` adds them to the named rows, and they are never attributed to anyone.
    """

    operation: str = field(metadata=column("The operation.", refers="operations"))
    as_of: PartialDate = field(metadata=column("The date the totals are as of."))
    personnel: int | None = field(metadata=column("Total personnel as stated."))
    nations: int | None = field(metadata=column("Number of contributing nations as stated."))
    unnamed_nations: int | None = field(
        metadata=column("Nations the source counts with figures but does not name.")
    )
    unnamed_personnel: int | None = field(
        metadata=column("The personnel the source prints for the nations it does not name.")
    )
    listing: Completeness = field(
        metadata=column(
            "Whether the snapshot's rows, with the unnamed figures, itemise every nation "
            "counted (`complete`)."
        )
    )
    sources: tuple[str, ...] = field(metadata=cites("the totals"))
    note: str = field(default="", metadata=column("Anything a reader should know."))
