"""The `allied` command: parse, ask the library one question, render the answer.

Every query command takes `--format table|json|csv` (a table on a terminal,
JSON when piped). Bad input — an unknown framework or actor, a malformed,
impossible or future date, an unwritable output — prints one line on stderr
and exits with status 2. One module per command group: `queries` (the
registry's questions), `export`, `check`, `validate`, `serve`, `db`, `coop` and `users`
(practical cooperation).
"""

from __future__ import annotations

import os
import sys

import click

from allied.cli.options import Commands, Group
from allied.version import DATA_VERSION

_QUERIES = "members actor frameworks history diff events sources source search relations"
#: Every command and the module defining it, imported only when the command is asked for.
COMMANDS = {name: f"allied.cli.queries:{name}" for name in _QUERIES.split()} | {
    "operations": "allied.cli.operations:operations",
    "accession": "allied.cli.accession:accession",
    "dialogue": "allied.cli.dialogue:dialogue",
    "spending": "allied.cli.spending:spending",
    "eu-nato": "allied.cli.eu_nato:eu_nato",
    "check": "allied.cli.check:check",
    "export": "allied.cli.export:export",
    "cite": "allied.cli.export:cite",
    "validate": "allied.cli.validate:validate",
    "serve": "allied.cli.serve:serve",
    "db": "allied.cli.db:db",
    "coop": "allied.cli.coop:coop",
    "users": "allied.cli.users:users",
}


@click.group(
    cls=Group,
    commands=Commands(COMMANDS),
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(
    package_name="allied", message=f"%(prog)s, version %(version)s, data {DATA_VERSION}"
)
@click.option(
    "--data",
    type=click.Path(file_okay=False),
    envvar="ALLIED_DATA_DIR",
    help="Read the data files from this directory instead of the bundled dataset.",
)
@click.pass_context
def cli(ctx: click.Context, data: str | None) -> None:
    """NATO's alliance and partnership system: who belongs to what, since when, says who.

    \b
    Example:
        allied members nato --on 2004-03-29
    """
    ctx.ensure_object(dict)
    ctx.obj["data"] = data


def main() -> None:
    """Entry point of the `allied` console script."""
    try:
        cli(prog_name="allied")
        code: int | str | None = 0
    except SystemExit as done:
        code = done.code
    try:
        sys.stdout.flush()  # a full disk shows here, not in a traceback at exit
    except BrokenPipeError:  # the reader stopped early (`allied … | head`): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more can reach the old one
    except OSError as error:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        click.echo(f"Error: cannot write the answer: {error.strerror or error}", err=True)
        code = 2
    sys.exit(code)
