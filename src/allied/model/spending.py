"""NATO's defence-expenditure releases, their figures, and the spending guidelines."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import MEASURES, GuidelineKind, Measure
from allied.period import PartialDate


@frozen
class Release:
    """One publication of NATO's "Defence Expenditure of NATO Countries" tables.

    Its values are kept as published (`SpendingValue`); a later release revises
    earlier years without overwriting them. `base_year` is the year of the
    constant prices its constant-dollar figures are in.
    """

    id: str = field(metadata=column("The release: its publication month, `YYYY-MM`."))
    published: PartialDate = field(metadata=column("When NATO published it."))
    cutoff: PartialDate | None = field(metadata=column("Its data cut-off date."))
    base_year: int | None = field(metadata=column("The price base year of constant figures."))
    title: str = field(metadata=column("Its title, with NATO's press-release number."))
    sources: tuple[str, ...] = field(metadata=cites("the release and its dates"))
    note: str = field(default="", metadata=column("Anything a reader should know."))


@frozen
class SpendingValue:
    """One figure of one release: an Ally's measure for a year, as printed, with its `e` flag.

    `year` is the year as NATO labels it: for Canada and the United Kingdom,
    2024 is the fiscal year 2024/25. `ally` is `NATO` for the Alliance's total.
    """

    release: str = field(metadata=column("The release that printed it.", refers="releases"))
    ally: str = field(metadata=column("The Ally (ISO alpha-3), or `NATO` for the total."))
    year: int = field(metadata=column("The year, as NATO labels it (fiscal for CAN, GBR)."))
    measure: Measure = field(metadata=column("What is measured."))
    value: float = field(metadata=column("The figure as printed."))
    estimate: bool = field(metadata=column("Whether the release marks it `e` (an estimate)."))
    sources: tuple[str, ...] = field(metadata=cites("the figure (the release, or a copy of it)"))
    note: str = field(default="", metadata=column("The release's footnote, or how it was read."))


@frozen
class Guideline:
    """A dated spending rule: who agreed it, the measure, the threshold, the years it judges.

    An Ally meets it in a year when its `measure` is at least `threshold`;
    it judges the years from `from_year` to `until_year` (empty: still), and
    `target_year` is the year by which it must be met, when it gives one. A
    rule with no `measure` (a review, a level NATO's tables do not give) is
    recorded with its date and source and judges nothing.
    """

    id: str = field(metadata=column("A lowercase id (`two-percent-2006`)."))
    name: str = field(metadata=column("Its name in English."))
    kind: GuidelineKind = field(metadata=column("A guideline, pledge, floor or commitment."))
    adopted: PartialDate = field(metadata=column("When the Allies agreed it."))
    event: str = field(
        metadata=column("The meeting or summit that agreed it.", refers="events", required=False)
    )
    measure: str = field(
        metadata=column("The measure it sets a level for (empty: none the tables give).",
                        choices=MEASURES, required=False)
    )  # fmt: skip
    threshold: float | None = field(
        metadata=column("The level to reach: a share of GDP or of spending.")
    )
    from_year: int = field(metadata=column("The first year it judges."))
    until_year: int | None = field(metadata=column("The last year it judges (empty: still)."))
    target_year: int | None = field(metadata=column("The year by which it must be met."))
    text: str = field(metadata=column("What it says, in brief."))
    sources: tuple[str, ...] = field(metadata=cites("the rule and its date"))
    note: str = field(default="", metadata=column("Anything a reader should know."))
