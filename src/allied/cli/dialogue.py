"""`allied dialogue …`: the tables NATO sits at with others, and who may sit there when."""

from __future__ import annotations

import click

from allied.cli.options import emit_answer, format_option, on_option, registry_of


@click.command()
@click.argument("format_slug", metavar="[FORMAT]", required=False)
@on_option
@format_option
@click.pass_context
def dialogue(ctx: click.Context, format_slug: str | None, on: str | None, fmt: str | None) -> None:
    """List the dialogue formats, or who may sit at FORMAT's table on a date.

    FORMAT is a slug: nac, nac-eapc, nac-md, nac-ici, nac-pag, nac-nacc, nrc, pjc,
    nuc, nuc-commission, ngc. The seats are derived from the registry: the Allies
    that day and the members that day of the frameworks the format names.

    \b
    Examples:
        allied dialogue
        allied dialogue nrc --on 2013-06-01
    """
    if format_slug is None:
        from allied.questions.dialogue import formats

        emit_answer(fmt, formats(registry_of(ctx)), title="Dialogue formats",
                    columns=("slug", "name", "frameworks"))  # fmt: skip
        return
    from allied.questions.dialogue import dialogue as ask

    table = ask(registry_of(ctx), format_slug, on=on)
    title = f"{table.format.name} on {table.on}: {table.count} seats"
    emit_answer(fmt, table, title=title, columns=("actor", "name", "ally", "via", "status"))
