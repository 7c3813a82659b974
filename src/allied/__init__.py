"""allied — NATO's alliance and partnership system as software.

>>> import allied
>>> reg = allied.load()
>>> len(reg.members("nato", on="2004-03-29"))
26
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from allied.dataset import Dataset, load_dataset
from allied.errors import (
    AlliedError,
    AmbiguousName,
    ConflictingArguments,
    DataError,
    InvalidDate,
    InvalidPeriod,
    NotRecorded,
    OutsideLifetime,
    SyncInProgress,
    UnknownActor,
    UnknownEvent,
    UnknownFramework,
    UnknownOperation,
    UnknownSource,
)
from allied.period import Certainty, PartialDate, Period
from allied.registry import Registry

if TYPE_CHECKING:
    from allied.frames import to_frame
    from allied.model import (
        AccessionCase,
        Actor,
        ActorProfile,
        Change,
        Conflict,
        Contribution,
        CoreTask,
        CowCode,
        Difference,
        Event,
        Framework,
        Membership,
        Name,
        Operation,
        Ratification,
        Snapshot,
        SnapshotTotal,
        Source,
        Standing,
        StatedCount,
        Status,
    )

__version__ = "0.1.0"

__all__ = [
    "AccessionCase",
    "Actor",
    "ActorProfile",
    "AlliedError",
    "AmbiguousName",
    "Certainty",
    "Change",
    "Conflict",
    "ConflictingArguments",
    "Contribution",
    "CoreTask",
    "CowCode",
    "DataError",
    "Dataset",
    "Difference",
    "Event",
    "Framework",
    "InvalidDate",
    "InvalidPeriod",
    "Membership",
    "Name",
    "NotRecorded",
    "Operation",
    "OutsideLifetime",
    "PartialDate",
    "Period",
    "Ratification",
    "Registry",
    "Snapshot",
    "SnapshotTotal",
    "Source",
    "Standing",
    "StatedCount",
    "Status",
    "SyncInProgress",
    "UnknownActor",
    "UnknownEvent",
    "UnknownFramework",
    "UnknownOperation",
    "UnknownSource",
    "load",
    "load_dataset",
    "to_frame",
]


def __getattr__(name: str) -> Any:
    """`to_frame` and the model's classes, each imported on first use (see `allied.model`)."""
    if name == "to_frame":
        from allied.frames import to_frame

        return to_frame
    from allied import model

    if name in model.MODULES:
        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(data_dir: str | os.PathLike[str] | None = None, *, db: str | None = None) -> Registry:
    """Load the registry: the bundled dataset by default, the CSV files in `data_dir`,
    or the facts stored in the database at URL `db` (filled by `allied db sync`).

    The bundled registry is built once per process and shared. A database is
    read in one consistent snapshot; it needs the `allied.store` dependencies
    (SQLAlchemy), which are imported only then. Giving both `data_dir` and `db`
    raises `ConflictingArguments`.

    >>> import allied
    >>> allied.load().actor_of("FYROM").code
    'MKD'

    Example: `allied.load(db="postgresql://postgres@127.0.0.1:5432/allied")`.
    """
    if db is not None:
        if data_dir is not None:
            raise ConflictingArguments("give a data folder or a database URL, not both")
        from allied.extras import require

        require("db", by="allied.load(db=...)")
        from allied.store import read_stored_dataset

        return Registry(read_stored_dataset(db))
    if data_dir is None:
        return _bundled()
    return Registry(load_dataset(data_dir))


@lru_cache(maxsize=1)
def _bundled() -> Registry:
    return Registry(load_dataset())
