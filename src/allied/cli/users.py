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


@users.command()
@db_option
@click.argument("email")
@click.pass_context
def revoke(ctx: click.Context, url: str | None, email: str) -> None:
    """Revoke every API token of a user: each answers 401 from now on.

    The user and its web password stay; `allied users token EMAIL` issues a new
    token (revoke, then token: a rotation).

    \b
    Example:
        allied users revoke tbilisi@example.org --db sqlite:///coop.db
    """
    from allied.cli.coop import coop_context
    from allied.cooperation.users import revoke_tokens

    with coop_context(ctx, url) as context:
        count = revoke_tokens(context.engine, email)
    click.echo(f"revoked {count} API token{'' if count == 1 else 's'} of {email.strip().lower()}")


@users.command()
@db_option
@click.argument("email")
@click.pass_context
def token(ctx: click.Context, url: str | None, email: str) -> None:
    """Issue one more API token for an existing user and print it, once.

    \b
    Example:
        allied users token tbilisi@example.org --db sqlite:///coop.db
    """
    from allied.cli.coop import coop_context
    from allied.cooperation.users import issue_token

    with coop_context(ctx, url) as context:
        made = issue_token(context.engine, email)
    click.echo(f"new API token of {email.strip().lower()}, shown this once:")
    click.echo(made)
