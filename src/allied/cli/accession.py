"""`allied accession …`: enlargement cases, Ally by Ally."""

from __future__ import annotations

from typing import IO

import click

from allied.cli.export import export_options, write_answer
from allied.cli.options import emit_answer, format_option, on_option, registry_of
from allied.model import MILESTONES
from allied.render import Table


@click.group(invoke_without_command=True)
@click.option("--open", "open_only", is_flag=True, help="Only cases not yet closed by accession.")
@format_option
@click.pass_context
def accession(ctx: click.Context, open_only: bool, fmt: str | None) -> None:
    """List the accession cases: invited, protocol signed, joined, days, last to ratify.

    \b
    Examples:
        allied accession
        allied accession show Sweden
        allied accession pending SWE --on 2023-06-01
    """
    if ctx.invoked_subcommand is not None:
        return
    from allied.questions.accession import accession_cases as ask

    found = ask(registry_of(ctx), open_only=open_only)
    columns = ("name", "protocol_signed", "deposited", "days", "last_to_ratify")
    emit_answer(fmt, found, title="Accession cases", columns=columns)


@accession.command("show")
@click.argument("candidate")
@format_option
@click.pass_context
def show(ctx: click.Context, candidate: str, fmt: str | None) -> None:
    """Show one case: invitation, protocol, each Ally's steps, the day it joined.

    \b
    Example:
        allied accession show "North Macedonia"
    """
    from allied.questions.accession import accession_case as ask

    answer = ask(registry_of(ctx), candidate)
    document = answer.document()
    facts = [{"field": key, "value": document[key]} for key in
             ("candidate", "invited", "invited_at", "protocol_signed", "deposited")]  # fmt: skip
    tables = [
        Table(f"Accession of {answer.name}", ("field", "value"), facts),
        Table("Ratifications", ("date", "name", "milestone", "note"), document["ratifications"]),
    ]
    if answer.not_applicable:
        columns = ("name", "milestone", "note")
        tables.append(Table("Not applicable (no such step)", columns, document["not_applicable"]))
    emit_answer(fmt, answer, *tables)


@accession.command("pending")
@click.argument("candidate")
@on_option
@click.option("--milestone", type=click.Choice(MILESTONES), default="parliament",
              show_default=True, help="Which step counts as ratified.")  # fmt: skip
@format_option
@click.pass_context
def pending(
    ctx: click.Context, candidate: str, on: str | None, milestone: str, fmt: str | None
) -> None:
    """List the Allies that had not yet ratified a candidate's protocol on a date.

    \b
    Example:
        allied accession pending SWE --on 2024-02-01
    """
    from allied.questions.accession import pending as ask

    answer = ask(registry_of(ctx), candidate, on=on, milestone=milestone)  # type: ignore[arg-type]
    unsure = " ".join(party.actor for party in answer.uncertain)
    lacking = " ".join(party.actor for party in answer.not_applicable)
    caption = (
        f"{len(answer.done)} done"
        + (
            f", {len(answer.uncertain)} uncertain (dated only to the month or between two days: "
            f"{unsure})"
            if answer.uncertain
            else ""
        )
        + (f", not applicable (no such step): {lacking}" if lacking else "")
    )
    title = f"Pending on {answer.on} ({answer.milestone}): {answer.candidate}"
    emit_answer(fmt, answer, Table(title, answer.COLUMNS, answer.rows(), caption))


@accession.command("ratifications")
@click.option("--candidate", default=None, help="Only this candidate's case.")
@export_options
@click.pass_context
def ratifications(ctx: click.Context, candidate: str | None, fmt: str, output: IO[str]) -> None:
    """Export every ratification step: candidate, ally, milestone, date, sources.

    \b
    Example:
        allied accession ratifications --candidate SWE -o sweden.csv
    """
    from allied.questions.accession import ratifications as ask

    write_answer(fmt, ask(registry_of(ctx), candidate=candidate), output)
