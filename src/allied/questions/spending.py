"""`spending`, `guideline_counts`, `revisions`, `ally_spending`: defence spending by release.

Every answer names the release it reads (`release=DATE`: the latest published
by then; default the latest), and every figure keeps its estimate flag.

>>> import allied
>>> answer = spending(allied.load(), ally="POL", year=2014, release="2025-09-01")
>>> answer.release
'2025-08'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from allied.answer import Answer
from allied.errors import InvalidQuery, NotRecorded
from allied.model import MEASURES, Release
from allied.period import PartialDate
from allied.registry import Registry
from allied.spending import AGGREGATES, SpendingIndex, check_measure, fiscal_label

#: The Hague commitment's horizon: the year a trajectory is drawn to.
HORIZON = 2035


@dataclass(frozen=True)
class SpendingRow:
    """One Ally's figures for one year in one release; `None` where the release prints none.

    `estimate` is true when the release marks any of the row's figures `e`;
    `before_accession` when the year is before the state joined the Alliance;
    `aggregate` when the row is a group NATO prints (`NATO`: its total).
    """

    ally: str
    name: str
    year: int
    fiscal_year: str
    pct_gdp: float | None
    real_change: float | None
    equipment_share: float | None
    personnel_share: float | None
    infrastructure_share: float | None
    other_share: float | None
    usd_constant_m: float | None
    usd_current_m: float | None
    estimate: bool
    before_accession: bool
    aggregate: bool
    release: str
    note: str


_ROW_COLUMNS = (
    "ally",
    "year",
    "pct_gdp",
    "equipment_share",
    "estimate",
    "release",
    "name",
    "fiscal_year",
    "real_change",
    "personnel_share",
    "infrastructure_share",
    "other_share",
    "usd_constant_m",
    "usd_current_m",
    "before_accession",
    "aggregate",
    "note",
)


@dataclass(frozen=True)
class SpendingAnswer(Answer):
    """Figures of one release, one row per (Ally, year), Allies by name then year."""

    release: str
    published: PartialDate
    cutoff: PartialDate | None
    base_year: int | None
    measure: str | None
    figures: tuple[SpendingRow, ...]

    COLUMNS: ClassVar = _ROW_COLUMNS
    ROWS: ClassVar = "figures"


def spending(
    registry: Registry,
    *,
    ally: str | None = None,
    year: int | None = None,
    release: str | PartialDate | None = None,
    measure: str | None = None,
) -> SpendingAnswer:
    """The figures of the release in force on `release` (default: the latest).

    `ally` (code or name), `year` and `measure` narrow the rows; `measure` keeps
    the rows that give it. An Ally, year or measure the release does not hold
    raises `UnknownActor` or `InvalidQuery`.
    """
    index = registry.spending_index
    chosen = index.release(release)
    code = index.ally_code(ally) if ally is not None else None
    if code is not None:
        index.check_ally(chosen, code)
    if year is not None:
        index.check_year(chosen, year)
    if measure is not None:
        check_measure(measure)
    rows = [
        row
        for ally_code in ([code] if code else index.allies(chosen))
        for row_year in ([year] if year is not None else index.years(chosen))
        if (row := _row(registry, index, chosen, ally_code, row_year)) is not None
        and (measure is None or getattr(row, measure) is not None)
    ]
    return SpendingAnswer(
        chosen.id, chosen.published, chosen.cutoff, chosen.base_year, measure, tuple(rows)
    )


def _row(
    registry: Registry, index: SpendingIndex, release: Release, ally: str, year: int
) -> SpendingRow | None:
    values = index.values(release)
    found = [values.get((ally, year, m)) for m in MEASURES]
    if not any(found):
        return None
    figures = {m: v.value for m, v in zip(MEASURES, found, strict=True) if v is not None}
    notes = sorted({v.note for v in found if v is not None and v.note})
    return SpendingRow(
        ally,
        _name(registry, ally, year),
        year,
        fiscal_label(ally, year),
        figures.get("pct_gdp"),
        figures.get("real_change"),
        figures.get("equipment_share"),
        figures.get("personnel_share"),
        figures.get("infrastructure_share"),
        figures.get("other_share"),
        figures.get("usd_constant_m"),
        figures.get("usd_current_m"),
        any(v.estimate for v in found if v is not None),
        index.before_accession(ally, year),
        ally in AGGREGATES,
        release.id,
        "; ".join(notes),
    )


def _name(registry: Registry, ally: str, year: int) -> str:
    if ally in AGGREGATES:
        return AGGREGATES[ally]
    return registry.name(ally, PartialDate.parse(str(min(year, PartialDate.today().first.year))))


@dataclass(frozen=True)
class GuidelineYear:
    """How many Allies met one guideline in one year, by one release's figures.

    `judged` counts the Allies the release gives a figure for; `allies` the
    states that were Allies that year (fewer judged: figures not recorded, or
    an Ally without armed forces).
    """

    guideline: str
    name: str
    measure: str
    threshold: float
    year: int
    meeting: int
    judged: int
    allies: int
    estimate: bool
    target_year: int | None


@dataclass(frozen=True)
class GuidelineCounts(Answer):
    """For each guideline and each year it judges: the Allies meeting it, of those judged."""

    release: str
    published: PartialDate
    counts: tuple[GuidelineYear, ...]

    COLUMNS: ClassVar = (
        "guideline",
        "year",
        "meeting",
        "judged",
        "allies",
        "threshold",
        "measure",
        "estimate",
        "target_year",
        "release",
    )
    ROWS: ClassVar = "counts"

    def rows(self, document: dict[str, object] | None = None) -> list[dict[str, object]]:
        """The CSV's rows, each naming the release."""
        document = document if document is not None else self.document()
        counts = document["counts"]
        assert isinstance(counts, list)
        return [{**row, "release": self.release} for row in counts]


def guideline_counts(
    registry: Registry,
    *,
    year: int | None = None,
    release: str | PartialDate | None = None,
    guideline: str | None = None,
) -> GuidelineCounts:
    """How many Allies met each guideline in each year it judges, by one release.

    Only the rule in force judges a year (the Wales pledge's 20 % from 2014,
    The Hague's 3.5 % from 2025); only Allies of that year are counted.
    """
    index = registry.spending_index
    chosen = index.release(release)
    if year is not None:
        index.check_year(chosen, year)
    rules = index.measured()
    if guideline is not None:
        index.guideline(guideline)  # an unknown id is an error, a rule judging nothing is not
        rules = [(g, level) for g, level in rules if g.id == guideline]
    found = [
        GuidelineYear(
            g.id,
            g.name,
            g.measure,
            level,
            y,
            meeting,
            judged,
            index.allies_in(y),
            estimate,
            g.target_year,
        )
        for g, level in rules
        for y, meeting, judged, estimate in index.counts(chosen, g)
        if year is None or y == year
    ]
    return GuidelineCounts(chosen.id, chosen.published, tuple(found))


@dataclass(frozen=True)
class Revision:
    """One release's figure for a value, and how it moved from the release before."""

    release: str
    published: PartialDate
    value: float
    estimate: bool
    change: float | None
    note: str


@dataclass(frozen=True)
class Revisions(Answer):
    """The revision path of one figure across every release that prints it."""

    ally: str
    name: str
    year: int
    fiscal_year: str
    measure: str
    revisions: tuple[Revision, ...]

    COLUMNS: ClassVar = ("release", "published", "value", "estimate", "change", "note")
    ROWS: ClassVar = "revisions"


def revisions(registry: Registry, ally: str, year: int, *, measure: str = "pct_gdp") -> Revisions:
    """Every release's figure for (ally, year, measure), oldest release first."""
    index = registry.spending_index
    code = index.ally_code(ally)
    check_measure(measure)
    path = index.revisions(code, year, measure)
    if not path:
        raise NotRecorded(f"no release gives {measure} for {code} in {year}")
    found = []
    before: float | None = None
    for r, v in path:
        change = round(v.value - before, 6) if before is not None else None
        found.append(Revision(r.id, r.published, v.value, v.estimate, change, v.note))
        before = v.value
    return Revisions(
        code, _name(registry, code, year), year, fiscal_label(code, year), measure, tuple(found)
    )


@dataclass(frozen=True)
class Standing:
    """One Ally against one guideline in one year: its figure, and whether it meets it."""

    guideline: str
    year: int
    value: float
    threshold: float
    meets: bool
    estimate: bool


@dataclass(frozen=True)
class Trajectory:
    """The straight path from the latest figure to a guideline's level by its target year."""

    guideline: str
    from_year: int
    from_value: float
    target_year: int
    threshold: float
    per_year: float


@dataclass(frozen=True)
class AllySpending(Answer):
    """One Ally's figures in one release, its standing against each rule, its path to 2035."""

    ally: str
    name: str
    release: str
    published: PartialDate
    figures: tuple[SpendingRow, ...]
    standings: tuple[Standing, ...]
    trajectories: tuple[Trajectory, ...]

    COLUMNS: ClassVar = _ROW_COLUMNS
    ROWS: ClassVar = "figures"


def ally_spending(
    registry: Registry, ally: str, *, release: str | PartialDate | None = None
) -> AllySpending:
    """An Ally's figures, its standing against the rule in force each year, its trajectory.

    A trajectory is drawn for each guideline with a target year after the
    latest figure: the even yearly step from that figure to the threshold.
    """
    answer = spending(registry, ally=ally, release=release)
    index = registry.spending_index
    chosen = index.release(answer.release)
    code = index.ally_code(ally)
    standings = []
    for g, level in index.measured():
        for y in index.years(chosen):
            v = index.value(chosen, code, y, g.measure)
            if v is None or not index.judges(g, y) or not index.is_ally_in(code, y):
                continue
            standings.append(Standing(g.id, y, v.value, level, v.value >= level, v.estimate))
    trajectories = []
    for g, level in index.measured():
        latest = [r for r in answer.figures if getattr(r, g.measure) is not None]
        if g.target_year is None or not latest or latest[-1].year >= g.target_year:
            continue
        last = latest[-1]
        value = getattr(last, g.measure)
        step = (level - value) / (g.target_year - last.year)
        trajectories.append(
            Trajectory(g.id, last.year, value, g.target_year, level, round(step, 4))
        )
    return AllySpending(
        code,
        _name(registry, code, PartialDate.today().first.year),
        chosen.id,
        chosen.published,
        answer.figures,
        tuple(standings),
        tuple(trajectories),
    )


@dataclass(frozen=True)
class ReleaseList(Answer):
    """Every release of NATO's defence-expenditure tables, oldest first."""

    releases: tuple[Release, ...]

    COLUMNS: ClassVar = ("id", "published", "cutoff", "base_year", "title", "sources")
    ROWS: ClassVar = "releases"


def releases(registry: Registry) -> ReleaseList:
    """Every release, oldest first (`--release DATE` picks among these)."""
    return ReleaseList(tuple(registry.spending_index.releases()))


def parse_year(text: str | int | None) -> int | None:
    """A year from a query parameter; raises `InvalidQuery` unless it is four digits.

    >>> parse_year("2024"), parse_year(None)
    (2024, None)
    """
    if text is None or isinstance(text, int):
        return text
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise InvalidQuery(f"a year is four digits, not {text!r}")
    return int(text)
