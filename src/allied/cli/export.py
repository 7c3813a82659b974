"""`allied export …`: whole fact families and panels as CSV or JSON files for analysis."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any, TypeVar

import click

from allied.answer import Answer
from allied.cli.options import registry_of
from allied.render import emit, write_csv

F = TypeVar("F", bound=Callable[..., Any])


def export_options(func: F) -> F:
    """The shared `--format csv|json` and `--output FILE` options of `export` commands."""
    func = click.option(
        "--output",
        "-o",
        type=click.File("w", encoding="utf-8", lazy=False),
        default="-",
        help="Write to this file instead of standard output.",
    )(func)
    return click.option(
        "--format", "fmt", type=click.Choice(("csv", "json")), default="csv", show_default=True
    )(func)


def write_answer(fmt: str, answer: Answer, out: IO[str]) -> None:
    """Write an answer to an export file: its CSV rows, or its JSON document."""
    document = answer.document()
    if fmt == "csv":
        write_csv(answer.COLUMNS, answer.rows(document), out)
    else:
        emit("json", document, (), stream=out)
    out.flush()


@click.group()
def export() -> None:
    """Export a fact family as CSV or JSON for analysis.

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
    end_precision, end_reason, sources (ids joined by "|"), note. Dates are ISO
    8601 at their own precision; empty when open. JSON is the list envelope
    (total, offset, limit, next_offset, items).

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
@export_options
@click.pass_context
def export_panel(
    ctx: click.Context,
    first: int,
    last: int | None,
    frameworks: tuple[str, ...],
    fmt: str,
    output: IO[str],
) -> None:
    """Export a country-year panel: one row per actor, framework and year.

    Each row says whether the membership held on 1 January, on 31 December and
    all year, and whether it was suspended on 31 December: yes, no or maybe
    (maybe when it hangs on a day the sources do not give). The same rows as
    `GET /api/v1/panel`.

    \b
    Example:
        allied export panel --from 1990 --to 2025 --framework pfp -o pfp-panel.csv
    """
    from allied.questions.panel import panel as ask

    answer = ask(registry_of(ctx), first=first, last=last, frameworks=frameworks)
    write_answer(fmt, answer, output)
