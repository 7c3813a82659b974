"""`allied validate`: check the data files against their schemas and invariants."""

from __future__ import annotations

import dataclasses
import sys

import click

from allied.cli.options import registry_of


@click.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check the data files: schema, sources, periods, invariants, stated counts.

    Exits 0 when the dataset is valid, 1 with one line per problem otherwise.

    \b
    Example:
        allied validate --data ./my-data
    """
    from allied.validation import validate as run_checks

    reg = registry_of(ctx)
    problems = run_checks(reg)
    data = reg.dataset
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    counts = ", ".join(
        f"{len(getattr(data, family.name))} {family.name.replace('_', ' ')}"
        for family in dataclasses.fields(data)
    )
    click.echo(f"ok: {counts} checked")
