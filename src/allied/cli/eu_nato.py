"""`allied eu-nato …`: the EU-NATO Joint Declarations and their common proposals."""

from __future__ import annotations

import click

from allied.cli.options import emit_answer, format_option, registry_of


@click.group("eu-nato", invoke_without_command=True)
@format_option
@click.pass_context
def eu_nato(ctx: click.Context, fmt: str | None) -> None:
    """List the EU-NATO documents: Joint Declarations, common sets, progress reports.

    \b
    Examples:
        allied eu-nato
        allied eu-nato proposals --area "hybrid"
    """
    if ctx.invoked_subcommand is not None:
        return
    from allied.questions.eu_nato import eu_nato_documents as ask

    columns = ("id", "kind", "date", "title")
    emit_answer(fmt, ask(registry_of(ctx)), title="EU-NATO documents", columns=columns)


@eu_nato.command("proposals")
@click.option("--area", default=None, help="Only this area (any part of its name, any case).")
@format_option
@click.pass_context
def proposals(ctx: click.Context, area: str | None, fmt: str | None) -> None:
    """List the EU-NATO common proposals (42 of 2016, 32 of 2017) by set and number.

    \b
    Example:
        allied eu-nato proposals --area cyber
    """
    from allied.questions.eu_nato import proposals as ask

    answer = ask(registry_of(ctx), area=area)
    columns = ("id", "area", "summary", "reports")
    emit_answer(fmt, answer, title=f"EU-NATO common proposals ({answer.total})", columns=columns)
