"""Sources: who published what, where, when."""

from __future__ import annotations

from dataclasses import field

from allied.column import column
from allied.frozen import frozen
from allied.model import SourceKind
from allied.period import PartialDate


@frozen
class Source:
    """Where a fact comes from."""

    id: str = field(metadata=column("A short lowercase id, cited by every other file."))
    kind: SourceKind = field(metadata=column("What kind of text it is."))
    publisher: str = field(metadata=column("Who published it."))
    title: str = field(metadata=column("Its title."))
    url: str = field(metadata=column("Where to read it."))
    published: PartialDate | None = field(metadata=column("When it was published."))
    note: str = field(default="", metadata=column("How it was read, or which copy is cited."))
