"""What official texts state: core tasks, counts, and where sources disagree."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.period import PartialDate


@frozen
class CoreTask:
    """One core task set by a Strategic Concept (an event), in its stated order."""

    event: str = field(metadata=column("The Strategic Concept.", refers="events"))
    position: int = field(metadata=column("Its place in the stated order, from 1."))
    task: str = field(metadata=column("The task as the text words it."))
    sources: tuple[str, ...] = field(metadata=cites("the task"))


@frozen
class StatedCount:
    """A count an official text states, e.g. 12 founding Allies on 1949-04-04."""

    framework: str = field(metadata=column("The framework counted.", refers="frameworks"))
    on: PartialDate = field(metadata=column("The date the count holds on."))
    count: int = field(metadata=column("How many members the text states."))
    sources: tuple[str, ...] = field(metadata=cites("the count"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
class Conflict:
    """Sources that disagree about a fact, and which value the dataset keeps."""

    subject: str = field(metadata=column("The fact: `file:key/column`."))
    claim: str = field(metadata=column("The other value, as the sources give it."))
    sources: tuple[str, ...] = field(metadata=cites("the other value"))
    resolution: str = field(metadata=column("Which value the dataset keeps, and why."))
