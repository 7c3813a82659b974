"""`allied db …`: create, upgrade and fill the database from the bundled dataset.

SQLAlchemy and Alembic cost about 150 ms to import, so they are imported
inside these commands only: `allied members …` never loads them. Database
failures (a bad URL, a server that does not answer) print one line on stderr
and exit with status 2, like every other bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """The shared `--db URL` option."""
    return click.option(
        "--db",
        "url",
        metavar="URL",
        default=None,
        help="Database URL (default: ALLIED_DATABASE_URL, else SQLite in the user data dir).",
    )(func)


@click.group()
def db() -> None:
    """Create, upgrade and fill the database that mirrors the dataset for SQL users.

    \b
    Example:
        allied db sync --db postgresql://postgres@127.0.0.1:5432/allied
    """
    from allied.extras import require  # here, not above: `allied members …` never needs it

    require("db", by="allied db")


@db.command()
@db_option
def upgrade(url: str | None) -> None:
    """Create the tables, or bring them to the newest schema revision.

    Safe to run again: an up-to-date database is left as it is.

    \b
    Example:
        allied db upgrade --db sqlite:///allied.db
    """
    from allied.store import schema
    from allied.store.engine import create_engine, database_errors

    engine = create_engine(url)
    try:
        with database_errors(engine):
            revision = schema.upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"{_shown(engine)}: schema at revision {revision}")


@db.command()
@db_option
@click.pass_context
def sync(ctx: click.Context, url: str | None) -> None:
    """Upgrade the schema, then mirror the dataset into the database.

    Rows are inserted, corrected in place or deleted so the database holds
    exactly the dataset (the bundled one, or `allied --data DIR`); running it
    again changes nothing. A dataset that fails `allied validate` is refused
    and nothing is written.

    \b
    Example:
        allied db sync
    """
    import allied
    from allied.errors import DataError
    from allied.store import schema
    from allied.store.engine import create_engine, database_errors
    from allied.store.sync import sync_dataset
    from allied.validation import validate

    registry = allied.load((ctx.find_root().obj or {}).get("data"))
    problems = validate(registry)
    if problems:
        raise DataError(f"{len(problems)} problem(s) in the dataset, nothing synced: {problems[0]}")
    engine = create_engine(url)
    try:
        with database_errors(engine), _progress() as advance:
            schema.upgrade(engine)
            report = sync_dataset(engine, registry.dataset, progress=advance)
    finally:
        engine.dispose()
    click.echo(f"synced {_shown(engine)}: {report}")


@db.command("url")
@db_option
def show_url(url: str | None) -> None:
    """Print the database URL the other commands would use (password hidden).

    The URL is `--db URL` if given, else `ALLIED_DATABASE_URL`, else an SQLite
    file in the user data directory.

    \b
    Example:
        allied db url
    """
    from allied.store.engine import database_url, display_url

    click.echo(display_url(database_url(url)))


def _shown(engine: Any) -> str:
    return str(engine.url.render_as_string(hide_password=True))


@contextmanager
def _progress() -> Iterator[Callable[[str], None] | None]:
    """A progress bar over the fact families on a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    from allied.store.rows import FAMILIES

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("syncing", total=len(FAMILIES))
        yield lambda family: bar.update(task, advance=1, description=family)
