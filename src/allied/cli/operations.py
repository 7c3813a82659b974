"""`allied operations …`: NATO-led operations and missions, and who took part when."""

from __future__ import annotations

from typing import IO

import click

from allied.cli.export import export_options, write_answer
from allied.cli.options import emit_answer, format_option, on_option, registry_of
from allied.render import Table


@click.group(invoke_without_command=True)
@on_option
@click.option("--all", "show_all", is_flag=True, help="Every operation, whatever the date.")
@format_option
@click.pass_context
def operations(ctx: click.Context, on: str | None, show_all: bool, fmt: str | None) -> None:
    """List the NATO-led operations, missions and activities running on a date (or --all).

    \b
    Examples:
        allied operations --on 2004-03-29
        allied operations show kfor
        allied operations contributors kfor --on 2017-02-15 --partners-only
    """
    if ctx.invoked_subcommand is not None:
        return
    from allied.questions.operations import operations as ask

    found = ask(registry_of(ctx), on=on, every=show_all)
    title = "Operations" if show_all else f"Operations on {on or 'today'}"
    emit_answer(fmt, found, title=title, columns=("slug", "name", "kind", "start", "end"))


@operations.command("show")
@click.argument("name")
@format_option
@click.pass_context
def show(ctx: click.Context, name: str, fmt: str | None) -> None:
    """Show one operation: dates, area, legal basis, parts, contributions and size over time.

    NAME is a slug, name or alias ("kfor", "Kosovo Force"). The CSV lists its
    size at each dated snapshot.

    \b
    Example:
        allied operations show isaf
    """
    from allied.questions.operations import operation as ask

    answer = ask(registry_of(ctx), name)
    document = answer.document()
    op = answer.operation
    shown = "slug kind start end area legal_basis predecessor successor parent aliases sources"
    facts = [{"field": key, "value": document[key]} for key in shown.split()]
    emit_answer(
        fmt,
        answer,
        Table(f"{op.name} ({op.slug})", ("field", "value"), facts),
        Table("Size over time", answer.COLUMNS, document["sizes"]),
        Table("Contributions", ("actor", "role", "start", "end", "note"),
              document["contributions"]),
    )  # fmt: skip


@operations.command("contributors")
@click.argument("name")
@on_option
@click.option("--partners-only", is_flag=True, help="Only contributors that were not Allies.")
@format_option
@click.pass_context
def contributors(
    ctx: click.Context, name: str, on: str | None, partners_only: bool, fmt: str | None
) -> None:
    """List who took part in an operation on a date, Allies and partners told apart.

    Figures come from the latest dated snapshot on or before the date; each
    contributor's standing (ally, the partnership it was in, or none) is read
    from the registry on that date.

    \b
    Example:
        allied operations contributors kfor --on 2017-02-15
    """
    from allied.questions.operations import contributors as ask

    answer = ask(registry_of(ctx), name, on=on, partners_only=partners_only)
    stated = f", stated total {answer.stated_personnel}" if answer.stated_personnel else ""
    if answer.unnamed_personnel:
        nations = f" of {answer.unnamed_nations} more nations" if answer.unnamed_nations else ""
        stated += f"; {answer.unnamed_personnel} personnel{nations} are not named"
    if answer.listing == "partial":
        stated += " (not every nation counted is named)"
    dated = f"figures as of {answer.as_of}" if answer.as_of else "no dated figures"
    partners = f"{answer.partners} partner{'' if answer.partners == 1 else 's'}"
    caption = f"{answer.count} on {answer.on} ({partners}); {dated}{stated}"
    columns = ("actor", "name", "role", "personnel", "standing", "uncertain")
    title = f"Contributors to {answer.operation_name}"
    emit_answer(fmt, answer, Table(title, columns, answer.rows(), caption))


@operations.command("partners")
@on_option
@format_option
@click.pass_context
def partners(ctx: click.Context, on: str | None, fmt: str | None) -> None:
    """List every partner contribution to any operation running on a date.

    \b
    Example:
        allied operations partners --on 2011-06-01
    """
    from allied.questions.operations import partner_parts as ask

    answer = ask(registry_of(ctx), on=on)
    columns = ("operation", "name", "role", "personnel", "standing")
    emit_answer(fmt, answer, title=f"Partner contributions on {answer.on}", columns=columns)


@operations.command("export")
@click.option("--operation", default=None, help="Only this operation.")
@click.option("--actor", default=None, help="Only this actor.")
@export_options
@click.pass_context
def export(
    ctx: click.Context, operation: str | None, actor: str | None, fmt: str, output: IO[str]
) -> None:
    """Export every contribution and snapshot row: operation, actor, role, dates, personnel.

    \b
    Example:
        allied operations export --operation kfor -o kfor.csv
    """
    from allied.questions.operations import contributions as ask

    write_answer(fmt, ask(registry_of(ctx), operation=operation, actor=actor), output)
