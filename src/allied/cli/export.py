"""`allied export …`: whole fact families and panels as CSV, JSON or Parquet for analysis."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any, TypeVar

import click

from allied.answer import Answer
from allied.cli.options import BadInput, emit_answer, format_option, registry_of
from allied.render import Table, emit, write_csv

F = TypeVar("F", bound=Callable[..., Any])
EXPORT_FORMATS = ("csv", "json", "parquet")


def export_options(func: F) -> F:
    """The shared `--format csv|json|parquet` and `--output FILE` options of `export` commands."""
    func = click.option(
        "--output",
        "-o",
        type=click.File("w", encoding="utf-8", lazy=False),
        default="-",
        help="Write to this file instead of standard output.",
    )(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(EXPORT_FORMATS),
        default="csv",
        show_default=True,
        help="parquet needs the dataframe extra and a file (-o FILE or a redirection).",
    )(func)


def write_answer(fmt: str, answer: Answer, out: IO[str]) -> None:
    """Write an answer to an export file: its CSV rows, its JSON document, or Parquet."""
    if fmt == "parquet":
        from allied.frames import write_parquet

        if out.isatty():
            raise BadInput("Parquet is binary: write it to a file (-o FILE or > FILE)")
        out.flush()
        write_parquet(answer, out.buffer)  # type: ignore[attr-defined]
        out.buffer.flush()  # type: ignore[attr-defined]
        return
    document = answer.document()
    if fmt == "csv":
        write_csv(answer.csv_columns(), answer.rows(document), out)
    else:
        emit("json", document, (), stream=out)
    out.flush()


@click.group()
def export() -> None:
    """Export a fact family or a panel as CSV, JSON or Parquet for analysis.

    Every export carries the cross-walk codes (cow, iso2, iso_numeric,
    wikidata) and the data version (a `data_version` column; a key in JSON);
    `allied cite` gives the reference to cite.

    \b
    Example:
        allied export memberships --format csv > memberships.csv
    """


@export.command("memberships")
@export_options
@click.pass_context
def export_memberships(ctx: click.Context, fmt: str, output: IO[str]) -> None:
    """Export every membership, one row per status segment, with its sources.

    Columns: framework, actor, name, role, status, start, end, start_precision,
    end_precision, end_reason, sources (ids joined by "|"), note, cow (the COW
    code in the segment's first year), iso2, iso_numeric, wikidata,
    data_version. Dates are ISO 8601 at their own precision; empty when open.
    JSON is the list envelope (total, offset, limit, next_offset, items).

    \b
    Example:
        allied export memberships --format csv -o memberships.csv
    """
    from allied.questions.memberships import membership_segments as ask

    write_answer(fmt, ask(registry_of(ctx)), output)


@export.command("panel")
@click.option("--from", "first", type=int, default=1949, show_default=True, help="First year.")
@click.option("--to", "last", type=int, default=None, help="Last year (default: this year).")
@click.option(
    "--framework", "frameworks", multiple=True, help="Only these frameworks (repeatable)."
)
@click.option(
    "--wide", is_flag=True, help="One row per state and year, one column per framework (COW IGO)."
)
@click.option(
    "--coding",
    type=click.Choice(("numeric", "text")),
    default="numeric",
    show_default=True,
    help="With --wide: numeric codes (1 member, 2 partner, 3 observer, 0 none, "
    "-1 not in existence, -9 uncertain) or their words.",
)
@click.option(
    "--rule",
    type=click.Choice(("any_day", "dec31", "jan1", "whole_year")),
    default="any_day",
    show_default=True,
    help="With --wide: when a year counts (any_day is COW IGO's rule).",
)
@export_options
@click.pass_context
def export_panel(
    ctx: click.Context,
    first: int,
    last: int | None,
    frameworks: tuple[str, ...],
    wide: bool,
    coding: str,
    rule: str,
    fmt: str,
    output: IO[str],
) -> None:
    """Export a country-year panel: one row per actor, framework and year.

    Each row says whether the membership held on 1 January, on 31 December,
    on any day of the year (COW IGO's convention) and all year, and whether it
    was suspended on 31 December: yes, no or maybe (maybe when it hangs on a
    day the sources do not give), with the actor's codes (cow as it was that
    year: Germany 260 to 1989, 255 from 1990). The same rows as
    `GET /api/v1/panel`.

    --wide gives COW IGO's layout instead: one row per state and year, one
    coded column per framework (slug with "_" for "-"), and `count`, the
    frameworks the state was in; the same as `GET /api/v1/panel/wide`. See
    docs/researchers.md.

    \b
    Examples:
        allied export panel --from 1990 --to 2025 --framework pfp -o pfp-panel.csv
        allied export panel --wide --coding numeric --to 2014 -o state-years.csv
    """
    if wide:
        from allied.questions.panel import wide_panel

        answer: Answer = wide_panel(registry_of(ctx), first=first, last=last,
                                    frameworks=frameworks, rule=rule, coding=coding)  # fmt: skip
    else:
        from allied.questions.panel import panel as ask

        answer = ask(registry_of(ctx), first=first, last=last, frameworks=frameworks)
    write_answer(fmt, answer, output)


@click.command()
@click.argument("work", default="dataset")
@click.option("--on", metavar="DATE", default=None, help="The as-of date of what you cite.")
@click.option(
    "--style",
    type=click.Choice(("bibtex", "csl")),
    default=None,
    help="Print only the BibTeX entry or the CSL-JSON item.",
)
@format_option
def cite(work: str, on: str | None, style: str | None, fmt: str | None) -> None:
    """Show how to cite the data: BibTeX and CSL-JSON with the data version and as-of date.

    WORK is `dataset` (the default), an export (memberships, panel, panel-wide,
    contributions) or a page's path (/frameworks/nato). The same as
    `GET /api/v1/cite`.

    \b
    Examples:
        allied cite panel --on 2014-12-31 --style bibtex >> refs.bib
        allied cite /actors/DEU --style csl
    """
    from allied.questions.citation import citation

    answer = citation(work, on=on)
    if style == "bibtex":
        click.echo(answer.reference.bibtex)
    elif style == "csl":
        emit("json", [answer.reference.csl], ())
    else:
        emit_answer(fmt, answer, Table(f"Cite {work}", ("key", "on", "bibtex"),
                                       [answer.document()], fields=True))  # fmt: skip
