"""`allied coop …`: the synthetic demo world, catalogue import, calendar export, audit checks.

The cooperation data lives only in the database (`--db URL`, else
`ALLIED_DATABASE_URL`, else the default SQLite file); each command upgrades
the schema first. SQLAlchemy and the services are imported inside the
commands, so `allied members …` never pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from allied.cli.db import db_option

if TYPE_CHECKING:
    from allied.cooperation.context import Context


@contextmanager
def coop_context(ctx: click.Context, url: str | None) -> Iterator[Context]:
    """The services' context on the database at `url`, its schema brought up to date."""
    from allied.extras import require

    require("coop", by="allied coop")
    import allied
    from allied.cooperation.context import Context
    from allied.store import schema
    from allied.store.engine import create_engine, database_errors

    registry = allied.load((ctx.find_root().obj or {}).get("data"))
    engine = create_engine(url)
    try:
        with database_errors(engine):
            schema.upgrade(engine)
        yield Context(engine, registry)
    finally:
        engine.dispose()


@click.group()
def coop() -> None:
    """Practical cooperation: demo world, catalogue import, calendar export, audit.

    \b
    Example:
        allied coop demo --db sqlite:///coop.db --scale small
    """


@coop.command()
@db_option
@click.option(
    "--scale",
    type=click.Choice(["small", "full"]),
    default="small",
    show_default=True,
    help="small: 4 years x 60 activities; full: 30 years x 1,400 (about 1M registrations).",
)
@click.option("--if-absent", is_flag=True, help="Do nothing (exit 0) if the demo is already there.")
@click.pass_context
def demo(ctx: click.Context, url: str | None, scale: str, if_absent: bool) -> None:
    """Build a synthetic cooperation world, labelled synthetic, on the registry's real partners.

    Prints the demo users' passwords and, once, their API tokens.

    \b
    Example:
        allied coop demo --db sqlite:///coop.db --scale small
        allied coop demo --db postgresql://postgres@127.0.0.1:5432/coop --scale full
    """
    from allied.cooperation import demo as world

    with coop_context(ctx, url) as context:
        if if_absent and world.is_present(context):
            click.echo("the synthetic demo world is already in this database; users:")
            for email, role, nation, password in world.DEMO_USERS:
                click.echo(f"  {email:<22} {role} {nation or '':<4} {password}")
            return
        with _bar("loading") as advance:
            report = world.build(
                context, scale, progress=(lambda _t, n: advance(n)) if advance else None
            )
    click.echo(world.demo_text(report))


@coop.command("import")
@db_option
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_(ctx: click.Context, url: str | None, path: Path) -> None:
    """Import activities from a CSV catalogue: every row checked first, all or nothing.

    A bad row anywhere: every bad row is listed with its line on stderr, exit 2,
    and nothing is written.

    \b
    Example:
        allied coop import catalogue.csv --db sqlite:///coop.db
    """
    from allied.cooperation.catalogue import CatalogueRejected, import_catalogue, read_rows
    from allied.cooperation.principal import SYSTEM

    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"cannot read {path}: {error}") from None
    with coop_context(ctx, url) as context:
        try:
            total = len(read_rows(text))
            with _bar("checking", total=total) as advance:
                report = import_catalogue(context, SYSTEM, text, progress=advance)
        except CatalogueRejected as rejected:
            for problem in rejected.problems:
                click.echo(f"{path}: {problem}", err=True)
            click.echo(f"Error: {len(rejected.problems)} bad row(s): nothing imported", err=True)
            sys.exit(2)
    click.echo(f"imported {report.created} activities (ids {report.first_id}-{report.last_id})")


@coop.command()
@db_option
@click.option(
    "--nation", required=True, metavar="CODE", help="The nation whose calendar to export."
)
@click.option(
    "--format", "fmt", type=click.Choice(["ics", "csv"]), default="ics", show_default=True
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.pass_context
def export(ctx: click.Context, url: str | None, nation: str, fmt: str, output: str | None) -> None:
    """Export a nation's calendar: the activities it is registered for, as iCalendar or CSV.

    \b
    Example:
        allied coop export --nation GEO --format ics -o georgia.ics
    """
    from allied.cooperation.calendar import entries, to_csv, to_ics
    from allied.cooperation.principal import SYSTEM

    with coop_context(ctx, url) as context:
        code = context.registry.actor_of(nation).code
        found = entries(context, SYSTEM, code)
        text = to_ics(code, found, stamp=context.now()) if fmt == "ics" else to_csv(found)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"{len(found)} activities written to {output}", err=True)
    else:
        sys.stdout.write(text)


@coop.group()
def audit() -> None:
    """Check the tamper-evident audit log.

    \b
    Example:
        allied coop audit verify --db sqlite:///coop.db
    """


@audit.command()
@db_option
@click.option(
    "--head", metavar="HASH", help="A head recorded earlier: it must still be in the log."
)
@click.pass_context
def verify(ctx: click.Context, url: str | None, head: str | None) -> None:
    """Recompute the hash chain; exit 1 naming every edited, deleted or missing entry.

    \b
    Example:
        allied coop audit verify --db sqlite:///coop.db
    """
    from allied.cooperation import audit as log
    from allied.cooperation.transactions import reading

    with coop_context(ctx, url) as context, reading(context.engine) as connection:
        result = log.verify(connection, head=head)
    if result.is_intact:
        click.echo(f"audit log intact: {result.entries} entries, head {result.head}")
        return
    for problem in result.problems:
        click.echo(problem, err=True)
    click.echo(f"audit log TAMPERED: {len(result.problems)} problem(s)", err=True)
    sys.exit(1)


@audit.command("head")
@db_option
@click.pass_context
def head_(ctx: click.Context, url: str | None) -> None:
    """Print the latest entry's hash: keep it elsewhere to detect entries cut off the end.

    \b
    Example:
        allied coop audit head --db sqlite:///coop.db
    """
    from allied.cooperation import audit as log
    from allied.cooperation.transactions import reading

    with coop_context(ctx, url) as context, reading(context.engine) as connection:
        click.echo(log.verify(connection).head)


@contextmanager
def _bar(label: str, total: int | None = None) -> Iterator[Any]:
    """A progress bar on a terminal (stderr); `None` when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.update(task, advance=n)
