"""The formats: tables NATO sits at with others."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen


@frozen
class Format:
    """A table NATO sits at with others: the Allies, and the members of some frameworks.

    Who may sit there on a date is derived from the registry: the Allies then, and
    the members then of each framework named (none: the Allies alone, the Council).
    """

    slug: str = field(metadata=column("A lowercase slug (`nac`, `nac-eapc`, `nrc`)."))
    name: str = field(metadata=column("Its name in English."))
    frameworks: tuple[str, ...] = field(
        metadata=column("Whose members sit beside the Allies.", refers="frameworks")
    )
    sources: tuple[str, ...] = field(metadata=cites("the format"))
    note: str = field(default="", metadata=column("Anything a reader should know."))
