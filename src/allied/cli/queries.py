"""The registry's questions on the command line: members, actor, frameworks, history, …

Each command parses, asks one question of `allied.questions` and renders the
answer; the API answers the same questions with the same documents (see
tests/test_parity.py). A command imports its question in its body: creating
the answer classes costs start-up time, so `allied members` loads only its own.
"""

from __future__ import annotations

import click

from allied.cli.options import (
    emit_answer,
    format_option,
    on_option,
    page_options,
    registry_of,
)
from allied.model import FULL_ROLES, ROLES
from allied.period import parse_date
from allied.render import Table


@click.command()
@click.argument("framework")
@on_option
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice((*ROLES, "all")),
    help=f"Only these roles (repeatable; 'all' for every role). Default: {', '.join(FULL_ROLES)}.",
)
@format_option
@click.pass_context
def members(
    ctx: click.Context, framework: str, on: str | None, roles: tuple[str, ...], fmt: str | None
) -> None:
    """List who was in FRAMEWORK on a date, with role, status and sources.

    FRAMEWORK is a slug, name or alias ("nato", "pfp", "Partnership for Peace").
    Founders count as Allies from the signature of the Treaty, 1949-04-04.
    A member whose answer hangs on a day the sources do not give is flagged
    uncertain.

    \b
    Example:
        allied members nato --on 2020-03-27
    """
    from allied.questions.roster import members as ask

    roster = ask(registry_of(ctx), framework, on=on, roles=roles)
    caption = f"{roster.count} on {roster.on}" + (
        f", {roster.uncertain} uncertain" if roster.uncertain else ""
    )
    document = roster.document()
    title = f"{roster.framework_name} ({roster.framework})"
    emit_answer(fmt, roster, Table(title, roster.COLUMNS, document["members"], caption))


@click.command()
@click.argument("name")
@on_option
@format_option
@click.pass_context
def actor(ctx: click.Context, name: str, on: str | None, fmt: str | None) -> None:
    """Show one actor: codes, names over time, every relationship, events.

    NAME is a code (BEL, BE) or any current, former or alternative name
    ("FYROM", "Czech Republic", "Turkey"). The CSV lists its memberships.

    \b
    Example:
        allied actor "Macedonia"
    """
    from allied.questions.actors import actor as ask

    answer = ask(registry_of(ctx), name, on=on)
    document = answer.document()
    codes = {k: document[k] for k in ("code", "kind", "iso2", "iso_numeric", "cow", "wikidata")}
    emit_answer(
        fmt,
        answer,
        Table(f"{answer.name} ({answer.actor.code})",
              ("framework", "role", "start", "end", "end_reason", "sources"),
              document["memberships"]),
        Table("Names", ("name", "kind", "start", "end", "sources"), document["names"]),
        Table("Statuses", ("framework", "role", "status", "start", "end", "sources"),
              document["statuses"]),
        Table("Events", ("start", "end", "kind", "title", "sources"), document["events"]),
        Table("Operations", ("operation", "operation_name", "role"), document["operations"]),
        Table("Codes", tuple(codes), [codes]),
    )  # fmt: skip


@click.command()
@on_option
@click.option("--all", "show_all", is_flag=True, help="Every framework, whatever the date.")
@format_option
@click.pass_context
def frameworks(ctx: click.Context, on: str | None, show_all: bool, fmt: str | None) -> None:
    """List the frameworks that existed on a date (or --all of them).

    \b
    Example:
        allied frameworks --on 1995
    """
    from allied.questions.frameworks import frameworks as ask

    found = ask(registry_of(ctx), on=on, every=show_all)
    title = "Frameworks" if show_all else f"Frameworks on {parse_date(on)}"
    emit_answer(fmt, found, title=title, columns=("slug", "name", "kind", "start", "end"))


@click.command()
@click.argument("framework")
@format_option
@click.pass_context
def history(ctx: click.Context, framework: str, fmt: str | None) -> None:
    """List every join, departure, suspension and resumption in FRAMEWORK, in order.

    \b
    Example:
        allied history pfp
    """
    from allied.questions.frameworks import history as ask

    answer = ask(registry_of(ctx), framework)
    emit_answer(fmt, answer, title=f"History of {answer.framework}")


@click.command()
@click.argument("start", metavar="FROM")
@click.argument("end", metavar="TO")
@click.option("--framework", default=None, help="Only this framework.")
@format_option
@click.pass_context
def diff(ctx: click.Context, start: str, end: str, framework: str | None, fmt: str | None) -> None:
    """Show what changed between two dates: who was added, removed or changed status.

    \b
    Example:
        allied diff 2013-07-02 2026-01-01 --framework pfp
    """
    from allied.questions.changes import diff as ask

    answer = ask(registry_of(ctx), start, end, framework=framework)
    emit_answer(fmt, answer, title=f"Changes from {answer.since} to {answer.until}")


@click.command()
@click.option("--kind", default=None, help="Only events of this kind (summit, article-4, …).")
@click.option("--from", "start", metavar="DATE", default=None, help="Only events from this date.")
@click.option("--to", "end", metavar="DATE", default=None, help="Only events up to this date.")
@click.option("--framework", default=None, help="Only events concerning this framework.")
@page_options
@format_option
@click.pass_context
def events(
    ctx: click.Context,
    kind: str | None,
    start: str | None,
    end: str | None,
    framework: str | None,
    offset: int,
    limit: int | None,
    fmt: str | None,
) -> None:
    """List dated events: summits, accessions, Article 4 and 5, declarations, commitments.

    \b
    Example:
        allied events --kind article-4 --from 2014
    """
    from allied.questions.changes import events as ask

    found = ask(registry_of(ctx), kind=kind, start=start, end=end,
                             framework=framework, offset=offset, limit=limit)  # fmt: skip
    emit_answer(fmt, found, title=f"Events ({found.total})",
                columns=("start", "end", "kind", "title", "place"))  # fmt: skip


@click.command()
@click.argument("ids", nargs=-1, metavar="[ID]...")
@page_options
@format_option
@click.pass_context
def sources(
    ctx: click.Context, ids: tuple[str, ...], offset: int, limit: int | None, fmt: str | None
) -> None:
    """List the sources (every one, or those with these ids); `allied source ID` shows one.

    \b
    Example:
        allied sources --limit 10
    """
    from allied.questions.sources import sources as ask

    found = ask(registry_of(ctx), ids, offset=offset, limit=limit)
    emit_answer(fmt, found, title=f"Sources ({found.total})",
                columns=("id", "kind", "publisher", "title", "published"))  # fmt: skip


@click.command()
@click.argument("source_id", metavar="ID")
@format_option
@click.pass_context
def source(ctx: click.Context, source_id: str, fmt: str | None) -> None:
    """Show one source and every fact that cites it (the CSV lists those facts).

    \b
    Example:
        allied source seed-fr-2013
    """
    from allied.questions.sources import source as ask

    answer = ask(registry_of(ctx), source_id)
    found = answer.source
    document = answer.document()
    emit_answer(
        fmt,
        answer,
        Table(
            f"Source {found.id}",
            ("id", "kind", "publisher", "title", "published", "url", "note"),
            [document],
            fields=True,
        ),
        Table("Cited by", answer.COLUMNS, document["cited_by"]),
    )


@click.command()
@click.argument("text")
@format_option
@click.pass_context
def search(ctx: click.Context, text: str, fmt: str | None) -> None:
    """Find actors and frameworks by any name they ever had, exact matches first.

    \b
    Example:
        allied search Macedonia
    """
    from allied.questions.names import search as ask

    emit_answer(fmt, ask(registry_of(ctx), text), title=f"Names matching {text!r}")


@click.command()
@on_option
@format_option
@click.pass_context
def relations(ctx: click.Context, on: str | None, fmt: str | None) -> None:
    """List each state's closest tie to NATO on a date (the home map's data).

    \b
    Example:
        allied relations --on 1999-03-12
    """
    from allied.questions.ties import relations as ask

    answer = ask(registry_of(ctx), on=on)
    emit_answer(fmt, answer, title=f"Closest tie to NATO on {answer.on}",
                columns=("actor", "name", "category", "uncertain"))  # fmt: skip
