"""`allied check`: which claims of a text about NATO are still true."""

from __future__ import annotations

import click

from allied.cli.options import emit_answer, format_option, registry_of
from allied.render import Table


@click.command()
@click.argument("file", metavar="FILE|-")
@click.option("--as-of", metavar="DATE", help="Judge on this day, not the date the text states.")
@format_option
@click.pass_context
def check(ctx: click.Context, file: str, as_of: str | None, fmt: str | None) -> None:
    """Check which claims of a text about NATO are still true, and since when not.

    FILE is plain text, HTML or Markdown ("-" reads standard input). Claims are
    judged on --as-of, else the date the text states, else today.

    \b
    Example:
        allied check page.html --as-of 2021-07-01
    """
    from allied.claims import check_text, read_source

    data, markup = read_source(file)
    report = check_text(data, as_of=as_of, registry=registry_of(ctx), markup=markup)
    answer = report.answer()
    columns = ("start", "kind", "verdict", "text", "explanation")
    dated = f"as of {report.as_of} ({report.as_of_source}), checked on {report.checked_on}"
    rows = answer.rows()
    emit_answer(fmt, answer, Table(f"Claims in {file}", columns, rows, dated))
