"""`allied users …`: create the users of the cooperation services and their API tokens."""

from __future__ import annotations

import click

from allied.cli.db import db_option


@click.group()
def users() -> None:
    """Manage the users of the cooperation services.

    \b
    Example:
        allied users add ops@example.org --role staff --db sqlite:///coop.db
    """


@users.command()
@db_option
@click.argument("email")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["staff", "ally", "partner", "public"]),
    help="staff: everything; ally: read all, propose, break silence; partner: its own.",
)
@click.option("--nation", metavar="CODE", help="The Ally's or partner's nation (ISO alpha-3).")
@click.option(
    "--password",
    is_flag=True,
    help="Also ask for a web password (at least 10 characters), hashed with argon2.",
)
@click.pass_context
def add(
    ctx: click.Context, url: str | None, email: str, role: str, nation: str | None, password: bool
) -> None:
    """Add a user and print its API token, once: it is stored only as a hash.

    Send the token as `Authorization: Bearer TOKEN`.

    \b
    Example:
        allied users add tbilisi@example.org --role partner --nation GEO --db sqlite:///coop.db
    """
    from allied.cli.coop import coop_context
    from allied.cooperation.users import add_user

    secret = (
        click.prompt("password", hide_input=True, confirmation_prompt=True) if password else None
    )
    with coop_context(ctx, url) as context:
        made = add_user(
            context.engine, context.registry, email, role, nation=nation, password=secret
        )
    who = f"{made.principal.role} {made.principal.nation or ''}".strip()
    click.echo(f"added {made.principal.email} ({who}); API token, shown this once:")
    click.echo(made.token)
