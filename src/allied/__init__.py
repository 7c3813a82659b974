"""allied — NATO's alliance and partnership system as software.

>>> import allied
>>> reg = allied.load()
>>> len(reg.members("nato", on="2004-03-29"))
26
"""

from __future__ import annotations

import os
from functools import lru_cache

from allied.dataset import Dataset, load_dataset
from allied.errors import (
    AlliedError,
    AmbiguousName,
    DataError,
    InvalidDate,
    InvalidPeriod,
    OutsideLifetime,
    UnknownActor,
    UnknownEvent,
    UnknownFramework,
    UnknownSource,
)
from allied.model import (
    Actor,
    ActorProfile,
    Change,
    Conflict,
    CoreTask,
    Difference,
    Event,
    Framework,
    Membership,
    Name,
    Source,
    Standing,
    StatedCount,
    Status,
)
from allied.period import Certainty, PartialDate, Period
from allied.registry import Registry

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorProfile",
    "AlliedError",
    "AmbiguousName",
    "Certainty",
    "Change",
    "Conflict",
    "CoreTask",
    "DataError",
    "Dataset",
    "Difference",
    "Event",
    "Framework",
    "InvalidDate",
    "InvalidPeriod",
    "Membership",
    "Name",
    "OutsideLifetime",
    "PartialDate",
    "Period",
    "Registry",
    "Source",
    "Standing",
    "StatedCount",
    "Status",
    "UnknownActor",
    "UnknownEvent",
    "UnknownFramework",
    "UnknownSource",
    "load",
    "load_dataset",
]


def load(data_dir: str | os.PathLike[str] | None = None) -> Registry:
    """Load the registry: the bundled dataset by default, or the CSV files in `data_dir`.

    The bundled registry is built once per process and shared.

    >>> import allied
    >>> allied.load().actor_of("FYROM").code
    'MKD'
    """
    if data_dir is None:
        return _bundled()
    return Registry(load_dataset(data_dir))


@lru_cache(maxsize=1)
def _bundled() -> Registry:
    return Registry(load_dataset())
