"""`allied spending …`: defence spending release by release, the guidelines, charts, import."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from allied.cli.options import BadInput, emit_answer, format_option, registry_of
from allied.render import Table

if TYPE_CHECKING:
    from rich.console import Console

_SHOWN = ("ally", "name", "year", "pct_gdp", "equipment_share", "estimate")
_YEARLY = ("fiscal_year", "pct_gdp", "real_change", "equipment_share", "estimate")


def release_option(func: click.decorators.FC) -> click.decorators.FC:
    """The shared `--release DATE` option."""
    return click.option(
        "--release",
        metavar="DATE",
        default=None,
        help="The latest release published by DATE (YYYY, YYYY-MM or YYYY-MM-DD), or a "
        "release id; default: the latest.",
    )(func)


def year_option(func: click.decorators.FC) -> click.decorators.FC:
    """The shared `--year Y` option."""
    return click.option("--year", type=int, default=None, help="Only this year.")(func)


@click.group(invoke_without_command=True)
@click.option("--ally", default=None, help="Only this Ally (code or name; NATO: the total).")
@year_option
@release_option
@click.option("--measure", default=None, help="Only rows giving this measure (pct_gdp, …).")
@format_option
@click.pass_context
def spending(
    ctx: click.Context,
    ally: str | None,
    year: int | None,
    release: str | None,
    measure: str | None,
    fmt: str | None,
) -> None:
    """Show NATO's defence-expenditure figures as one release printed them.

    One row per Ally and year: share of GDP, annual real change, the shares
    of equipment, personnel, infrastructure and other spending, US dollars at
    constant and current prices, and whether the release marks it an estimate.
    Years are NATO's: for Canada and the United Kingdom, 2024 is 2024/25.

    \b
    Examples:
        allied spending --year 2024
        allied spending --release 2025-09-01 --format csv
        allied spending --ally POL --measure equipment_share
        allied spending guidelines --year 2024
        allied spending revisions POL 2023
    """
    if ctx.invoked_subcommand is not None:
        return
    from allied.questions.spending import spending as ask

    answer = ask(registry_of(ctx), ally=ally, year=year, release=release, measure=measure)
    columns = ("ally", "name", "year", measure, "estimate") if measure else _SHOWN
    caption = _caption(answer.release, str(answer.published), answer.base_year)
    emit_answer(
        fmt,
        answer,
        Table(
            f"Defence expenditure, release {answer.release}",
            [c for c in columns if c],
            answer.rows(),
            caption,
        ),
    )


def _caption(release: str, published: str, base_year: int | None) -> str:
    base = f", {base_year} prices" if base_year else ""
    return f"release {release} (published {published}{base}); e = estimate"


@spending.command("guidelines")
@year_option
@release_option
@click.option("--guideline", default=None, help="Only this guideline (its id).")
@format_option
@click.pass_context
def guidelines(
    ctx: click.Context,
    year: int | None,
    release: str | None,
    guideline: str | None,
    fmt: str | None,
) -> None:
    """Count the Allies meeting each guideline in each year, against the rule in force.

    Only the years a guideline judges are counted, and only the states that
    were Allies that year. "estimate" marks a count resting on estimates.

    \b
    Examples:
        allied spending guidelines --year 2024
        allied spending guidelines --release 2024-06-30 --guideline two-percent-2006
    """
    from allied.questions.spending import guideline_counts as ask

    answer = ask(registry_of(ctx), year=year, release=release, guideline=guideline)
    columns = ("guideline", "year", "meeting", "judged", "allies", "threshold", "estimate")
    title = f"Allies meeting each guideline, release {answer.release}"
    emit_answer(fmt, answer, Table(title, columns, answer.rows()))


@spending.command("revisions")
@click.argument("ally")
@click.argument("year", type=int)
@click.option("--measure", default="pct_gdp", show_default=True, help="The measure.")
@format_option
@click.pass_context
def revisions(ctx: click.Context, ally: str, year: int, measure: str, fmt: str | None) -> None:
    """Show how one figure moved from release to release.

    \b
    Example:
        allied spending revisions POL 2023 --measure pct_gdp
    """
    from allied.questions.spending import revisions as ask

    answer = ask(registry_of(ctx), ally, year, measure=measure)
    title = f"{answer.name} {answer.fiscal_year}: {answer.measure} by release"
    emit_answer(fmt, answer, title=title)


@spending.command("ally")
@click.argument("ally")
@release_option
@format_option
@click.pass_context
def ally_command(ctx: click.Context, ally: str, release: str | None, fmt: str | None) -> None:
    """Show one Ally's figures, its standing against each rule, its path to the target.

    \b
    Example:
        allied spending ally ESP --release 2025-09-01
    """
    from allied.questions.spending import ally_spending as ask

    answer = ask(registry_of(ctx), ally, release=release)
    document = answer.document()
    caption = f"release {answer.release}; e = estimate"
    emit_answer(
        fmt,
        answer,
        Table(f"{answer.name}: defence expenditure", _YEARLY, document["figures"], caption),
        Table(
            "Against the rule in force",
            ("guideline", "year", "value", "threshold", "meets", "estimate"),
            document["standings"],
        ),
        Table(
            "Even steps to each target",
            ("guideline", "from_year", "from_value", "target_year", "threshold", "per_year"),
            document["trajectories"],
        ),
    )


@spending.command("releases")
@format_option
@click.pass_context
def releases_command(ctx: click.Context, fmt: str | None) -> None:
    """List the releases recorded: published, data cut-off, price base year.

    \b
    Example:
        allied spending releases
    """
    from allied.questions.spending import releases as ask

    columns = ("id", "published", "cutoff", "base_year", "title")
    emit_answer(fmt, ask(registry_of(ctx)), title="Spending releases", columns=columns)


@spending.command("import")
@click.argument("workbook", type=click.Path(dir_okay=False))
@click.option(
    "--release-date",
    metavar="DATE",
    required=True,
    help="When NATO published the release (YYYY-MM-DD, or YYYY-MM).",
)
@click.option(
    "--source",
    "source",
    required=True,
    metavar="ID",
    help="The source (an id in sources.csv) the workbook was read from.",
)
@click.option("--dry-run", is_flag=True, help="Read and check the workbook; write nothing.")
@click.pass_context
def import_command(
    ctx: click.Context, workbook: str, release_date: str, source: str, dry_run: bool
) -> None:
    """Add a release from NATO's Excel workbook, or change nothing.

    Tables are recognised by their titles, blocks by their headings, Allies by
    their names; an unknown layout, country or non-numeric cell stops the
    import naming the sheet and cell. Writes releases.csv and spending.csv in
    the data directory (`allied --data DIR`, else the bundled data) only when
    every value is valid and the release is new.

    \b
    Example:
        allied spending import PR-2025-123-eng.xlsx --release-date 2025-08-28 \\
            --source nato-def-exp-2025-08
    """
    from rich.progress import Progress

    from allied.dataset import bundled_data_dir
    from allied.period import PartialDate
    from allied.workbook import import_workbook, read_workbook

    if not os.path.isfile(workbook):
        raise BadInput(f"no such file: {workbook}")
    published = PartialDate.parse(release_date)
    registry = registry_of(ctx)
    data_dir = (ctx.find_root().obj or {}).get("data") or bundled_data_dir()
    console = _stderr()
    with Progress(transient=True, console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("Reading sheets", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        if dry_run:
            found = read_workbook(
                workbook, registry, published=published, source=source, progress=advance
            )
        else:
            found = import_workbook(
                workbook,
                registry,
                data_dir=data_dir,
                published=published,
                source=source,
                progress=advance,
            )
    verb = "checked (nothing written)" if dry_run else f"written to {data_dir}"
    years = sorted({v.year for v in found.values})
    click.echo(
        f"release {found.release.id}: {len(found.values)} values, "
        f"{len({v.ally for v in found.values})} Allies, {years[0]}-{years[-1]}, "
        f"{len(found.tables)} tables read, {len(found.skipped)} skipped; {verb}"
    )


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@spending.command("chart")
@click.argument("kind", type=click.Choice(("ranked", "ally", "revisions")))
@click.argument("subject", nargs=-1)
@year_option
@release_option
@click.option("--measure", default="pct_gdp", show_default=True, help="The measure drawn.")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="The file to write: .png, .svg, or .json (the Vega-Lite specification).",
)
@click.pass_context
def chart(
    ctx: click.Context,
    kind: str,
    subject: tuple[str, ...],
    year: int | None,
    release: str | None,
    measure: str,
    output: str,
) -> None:
    """Draw a chart to PNG or SVG (no browser needed): ranked, ally or revisions.

    `ranked --year Y`: every Ally for a year, estimates marked; `ally CODE`:
    one Ally over time against the guideline levels; `revisions CODE YEAR`:
    one figure in every release.

    \b
    Examples:
        allied spending chart ranked --year 2024 -o ranked.png
        allied spending chart ally POL -o poland.svg
        allied spending chart revisions DEU 2023 -o revisions.png
    """
    from allied import spending_charts as charts
    from allied.errors import InvalidQuery
    from allied.questions import spending as questions

    fmt = os.path.splitext(output)[1].lower().lstrip(".")
    if fmt not in ("png", "svg", "json"):
        raise InvalidQuery(f"the output must end in .png, .svg or .json, not {output!r}")
    registry = registry_of(ctx)
    rules = [
        {"measure": g.measure, "threshold": level}
        for g, level in registry.spending_index.measured()
    ]
    lines = charts.guideline_lines(rules, measure)
    width = 640
    if kind == "ranked":
        if subject or year is None:
            raise InvalidQuery("chart ranked takes --year Y and no argument")
        answer = questions.spending(registry, year=year, release=release, measure=measure)
        spec = charts.ranked(
            answer.document(), year=year, lines=lines, measure=measure, width=width
        )
    elif kind == "ally":
        if len(subject) != 1:
            raise InvalidQuery("chart ally takes one Ally: allied spending chart ally POL -o …")
        profile = questions.ally_spending(registry, subject[0], release=release)
        spec = charts.over_time(profile.document(), lines=lines, measure=measure, width=width)
    else:
        if len(subject) != 2:
            raise InvalidQuery("chart revisions takes an Ally and a year: … revisions POL 2023")
        year_asked = questions.parse_year(subject[1])
        assert year_asked is not None
        path = questions.revisions(registry, subject[0], year_asked, measure=measure)
        spec = charts.revision_path(path.document(), width=width)
    if fmt == "json":
        import json

        data = json.dumps(spec, ensure_ascii=False, indent=2).encode("utf-8")
    else:
        data = charts.render(spec, fmt)
    with open(output, "wb") as handle:
        handle.write(data)
    click.echo(f"wrote {output} ({len(data)} bytes)", err=True)
