"""`allied check`: which claims of a text about NATO are still true."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any

import click

from allied.cli.options import format_option, registry_of
from allied.render import Table, default_format, emit

if TYPE_CHECKING:
    from allied.checking import SentCheck


@click.command()
@click.argument("file", metavar="FILE|-")
@click.option("--as-of", metavar="DATE", help="Judge on this day, not the date the text states.")
@format_option
@click.pass_context
def check(ctx: click.Context, file: str, as_of: str | None, fmt: str | None) -> None:
    """Check which claims of a text about NATO are still true, and since when not.

    FILE is plain text, HTML or Markdown of at most 2 MiB ("-" reads standard
    input). Claims are judged on --as-of, else the date the text states, else
    today. The table gives each claim's line, its verdict, what the registry
    holds now and the source that decides it, then the count of each verdict;
    --format json gives every field, with `start`/`end` as character offsets
    into FILE.

    \b
    Example:
        allied check page.html --as-of 2021-07-01
    """
    from allied.checking import check_sent, read_file
    from allied.claims import CheckAnswer

    data, markup = read_file(file)
    sent = check_sent(data, as_of=as_of, registry=registry_of(ctx), markup=markup)
    chosen = fmt or default_format()
    if chosen == "table":
        draw(sent, f"Claims in {file}", sys.stdout)
    else:
        emit(chosen, sent.document, (Table(file, CheckAnswer.COLUMNS, sent.rows()),))


def draw(sent: SentCheck, title: str, out: IO[str]) -> None:
    """Print the claims as a table that reads at 80 columns: wrapped, never cut.

    Each row is a claim: its line, its verdict, and under the claim's words what
    the registry holds and the deciding source (the first one the verdict cites).
    """
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table as RichTable

    from allied.claims import VERDICTS

    document = sent.document
    claims = document["claims"]
    console = Console(file=out, soft_wrap=False, highlight=False)
    console.print(f"[bold]{escape(title)}[/bold]")
    for line in _dating(document["document"]):
        console.print(escape(line))
    counts = ", ".join(f"{sent.count(verdict)} {verdict}" for verdict in VERDICTS)
    console.print(f"{len(claims)} claim{'' if len(claims) == 1 else 's'}: {counts}")
    if not claims:
        return
    table = RichTable(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("claim, what holds now, deciding source", overflow="fold", ratio=1)
    for claim in claims:
        table.add_row(str(sent.line_of(claim["start"])), claim["verdict"], _told(claim))
    console.print(table)


def _told(claim: dict[str, Any]) -> str:
    from rich.markup import escape

    said = " ".join(claim["text"].split())
    lines = [f"“{escape(said)}” [dim]({escape(claim['kind'])})[/dim]"]
    if claim.get("explanation"):
        lines.append(escape(claim["explanation"]))
    sources = claim.get("sources") or []
    if sources:
        more = f" (+{len(sources) - 1} more)" if len(sources) > 1 else ""
        lines.append(f"source: {escape(sources[0])}{more}")
    return "\n".join(lines)


def _dating(document: dict[str, Any]) -> list[str]:
    """The lines saying which date the claims were judged on, as the answer gives it."""
    window = document.get("as_of_window")
    checked = f"checked on {document['checked_on']}"
    if window:  # an undated text: the window says it all
        return [
            f"written between {_span(window)} (inferred from its claims), "
            f"judged as of {document['as_of']}, {checked}"
        ]
    source = document.get("as_of_source")
    found = document.get("as_of_text")
    why = f"{source}: “{found}”" if found else source
    return [f"as of {document['as_of']} ({why}), {checked}"]


def _span(window: Any) -> str:
    """A writing window however the answer holds it: a mapping with two ends, a pair, or text."""
    if isinstance(window, dict):
        for first, last in (
            ("start", "end"),
            ("from", "until"),
            ("from", "to"),
            ("earliest", "latest"),
        ):
            if first in window or last in window:
                return f"{window.get(first) or '?'} and {window.get(last) or '?'}"
    if isinstance(window, list | tuple) and len(window) == 2:
        return f"{window[0] or '?'} and {window[1] or '?'}"
    return str(window)
