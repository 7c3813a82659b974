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

from allied.cli.accession import accession
from allied.cli.check import check
from allied.cli.coop import coop
from allied.cli.db import db
from allied.cli.dialogue import dialogue
from allied.cli.eu_nato import eu_nato
from allied.cli.export import cite, export
from allied.cli.operations import operations
from allied.cli.options import Group
from allied.cli.queries import COMMANDS
from allied.cli.serve import serve
from allied.cli.spending import spending
from allied.cli.users import users
from allied.cli.validate import validate
from allied.version import DATA_VERSION


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
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


for _command in (
    *COMMANDS,
    operations,
    accession,
    dialogue,
    spending,
    eu_nato,
    check,
    export,
    cite,
    validate,
    serve,
    db,
    coop,
    users,
):
    cli.add_command(_command)


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
