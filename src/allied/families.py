"""The fact families, each declared once: the model's fields drive everything else.

`Dataset` lists the families; each of its fields names one (`memberships`), its
model class (`Membership`, from the annotation) and, in its metadata, the rest:
what one row is, the key columns, the columns a data correction keeps (`match`),
the fields the file is sorted by, and whether the file may be empty.
`allied.schema` reads these declarations into the fields, columns, keys and order
that the files, the store and the docs use.

Adding a family: a model record (`@frozen`, see `allied.model`), a field here, a
table, a migration, a file, and the regenerated `datapackage.json`
(`python -m allied.datapackage`) and codebook.

>>> NAMES[4], filename(NAMES[4])
('memberships', 'memberships.csv')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from allied.frozen import frozen

if TYPE_CHECKING:  # looked up by name when a family's model is first used (`Family.model`)
    from allied.model import (
        AccessionCase,
        Actor,
        Conflict,
        Contribution,
        CoreTask,
        CowCode,
        EuNatoDocument,
        Event,
        Exemption,
        Format,
        Framework,
        Guideline,
        Membership,
        Name,
        Operation,
        Procedure,
        Proposal,
        Ratification,
        Release,
        Snapshot,
        SnapshotTotal,
        Source,
        SpendingValue,
        StatedCount,
        Status,
        Territory,
    )


def family(
    doc: str,
    *,
    key: str,
    match: str | None = None,
    order: str | None = None,
    non_empty: bool = False,
) -> Mapping[str, Any]:
    """Declare a family's extras, as `dataclasses.field(metadata=family(...))`.

    `key` (space-separated column names) identifies a row and must be unique;
    `match` (default: the key) is what a stored row keeps across a data
    correction; `order` (field names, default: the key's fields) sorts the file.
    """
    return {"family": (doc, tuple(key.split()), tuple((match or key).split()), order, non_empty)}


_ROLE = "framework actor role"


@frozen
class Dataset:
    """Every fact family, as loaded from the data files (rows in file order).

    A dataset read from the cache (`Dataset.deferred`) reads each family when it
    is first used; to its users it is the same.
    """

    sources: tuple[Source, ...] = dataclasses.field(
        metadata=family("a source: who published what, where, when", key="id", non_empty=True)
    )
    actors: tuple[Actor, ...] = dataclasses.field(
        metadata=family(
            "a state (ISO alpha-3) or an organisation (short code) with its cross-walk codes",
            key="code",
            non_empty=True,
        )
    )
    names: tuple[Name, ...] = dataclasses.field(
        metadata=family(
            "a name of an actor: `short` (in use over a period), `formal`, or `alias`",
            key="actor kind name start",
            match="actor kind name",
            order="actor kind start name",
        )
    )
    frameworks: tuple[Framework, ...] = dataclasses.field(
        metadata=family(
            "the Alliance, a partnership, programme, status, body or relation",
            key="slug",
            non_empty=True,
        )
    )
    memberships: tuple[Membership, ...] = dataclasses.field(
        metadata=family(
            "one actor in one framework in one role over a period",
            key=f"{_ROLE} start",
            match=_ROLE,
            order=f"{_ROLE} period",
            non_empty=True,
        )
    )
    statuses: tuple[Status, ...] = dataclasses.field(
        metadata=family(
            "a sub-period of a membership with a status other than `active`",
            key=f"{_ROLE} start",
            match=_ROLE,
            order=f"{_ROLE} period",
        )
    )
    exemptions: tuple[Exemption, ...] = dataclasses.field(
        metadata=family(
            "a framework that an actor's suspension in a sibling framework does not extend to",
            key=f"{_ROLE} suspended_in",
            match=f"{_ROLE} suspended_in",
        )
    )
    territories: tuple[Territory, ...] = dataclasses.field(
        metadata=family(
            "a dependent territory the map draws with its sovereign's tie",
            key="code start",
            match="code",
            order="code period",
        )
    )
    events: tuple[Event, ...] = dataclasses.field(
        metadata=family(
            "a dated event: a summit, a treaty, an accession, an Article 4 or 5 consultation",
            key="id",
            order="start id",
        )
    )
    accession_cases: tuple[AccessionCase, ...] = dataclasses.field(
        metadata=family("one candidate's invitation, protocol and accession", key="candidate")
    )
    ratifications: tuple[Ratification, ...] = dataclasses.field(
        metadata=family(
            "one Ally's step in ratifying a candidate's accession protocol",
            key="candidate ally milestone",
            order="candidate milestone date ally",
        )
    )
    procedures: tuple[Procedure, ...] = dataclasses.field(
        metadata=family(
            "whether an Ally's ratification procedure has a milestone, and which act fills it",
            key="ally milestone since",
            match="ally milestone",
        )
    )
    core_tasks: tuple[CoreTask, ...] = dataclasses.field(
        metadata=family(
            "a core task of a Strategic Concept (an event), in order",
            key="event position",
            match="event",
        )
    )
    stated_counts: tuple[StatedCount, ...] = dataclasses.field(
        metadata=family(
            "a count an official text states on a date (checked by `allied validate`)",
            key="framework on",
            match="framework",
        )
    )
    conflicts: tuple[Conflict, ...] = dataclasses.field(
        metadata=family(
            "a value another source gives, and which value the dataset keeps and why",
            key="subject claim",
            match="subject",
        )
    )
    formats: tuple[Format, ...] = dataclasses.field(
        metadata=family("a table NATO sits at with others", key="slug")
    )
    operations: tuple[Operation, ...] = dataclasses.field(
        metadata=family("a NATO-led operation, mission or activity", key="slug")
    )
    contributions: tuple[Contribution, ...] = dataclasses.field(
        metadata=family(
            "one actor's part in one operation in one role, over a period",
            key="operation actor role start",
            match="operation actor role",
            order="operation actor role period",
        )
    )
    snapshots: tuple[Snapshot, ...] = dataclasses.field(
        metadata=family(
            "one actor's part in one operation on a dated list, with the figure printed",
            key="operation as_of actor role",
            match="operation actor role",
        )
    )
    snapshot_totals: tuple[SnapshotTotal, ...] = dataclasses.field(
        metadata=family(
            "the totals a source states for an operation on a date",
            key="operation as_of",
            match="operation",
        )
    )
    cow_codes: tuple[CowCode, ...] = dataclasses.field(
        metadata=family(
            "a span in which a state was in the COW state system under one COW code",
            key="actor start",
            order="actor period",
        )
    )
    releases: tuple[Release, ...] = dataclasses.field(
        metadata=family(
            "one release of NATO's defence-expenditure tables: published, cut-off, base year",
            key="id",
            order="published id",
        )
    )
    spending: tuple[SpendingValue, ...] = dataclasses.field(
        metadata=family(
            "one figure of one release: an Ally's measure for a year, with its estimate flag",
            key="release ally year measure",
        )
    )
    guidelines: tuple[Guideline, ...] = dataclasses.field(
        metadata=family(
            "a dated spending rule: measure, threshold, the years it judges",
            key="id",
            order="adopted id",
        )
    )
    eu_nato_documents: tuple[EuNatoDocument, ...] = dataclasses.field(
        metadata=family(
            "an EU-NATO Joint Declaration, common set of proposals or progress report",
            key="id",
            order="date id",
        )
    )
    proposals: tuple[Proposal, ...] = dataclasses.field(
        metadata=family(
            "one EU-NATO common proposal: its set, number and area", key="id", order="set number"
        )
    )

    @classmethod
    def deferred(cls, read: Callable[[str], tuple[Any, ...]]) -> Dataset:
        """A dataset whose families are read by `read(name)`, each once, when first used.

        For facts already checked (the cache holds only datasets that loaded cleanly).
        """
        dataset = object.__new__(cls)
        object.__setattr__(dataset, "_read", read)
        return dataset

    if not TYPE_CHECKING:  # mypy keeps checking the families' names and types

        def __getattr__(self, name: str) -> Any:
            # Reached only when `name` is not set: a family a deferred dataset has not read.
            read = self.__dict__.get("_read")
            if read is None or name not in self.__dataclass_fields__:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            # Two threads may read a family at once: both keep the one stored first.
            return self.__dict__.setdefault(name, read(name))

    def __getstate__(self) -> dict[str, Any]:
        """Every family (read now if deferred), without the reader: what a pickle keeps."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


#: The family names, in the order `Dataset` lists them (all a cached load needs to know).
NAMES: tuple[str, ...] = tuple(Dataset.__dataclass_fields__)


def filename(family: str) -> str:
    """The data file holding `family`, in `allied/data/`."""
    return f"{family}.csv"
