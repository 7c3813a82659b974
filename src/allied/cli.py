"""The `allied` command: parse, ask the registry one question, format the answer.

Every command takes `--format table|json|csv` (a table on a terminal, JSON when
piped). Bad input — an unknown framework or actor, a malformed or impossible
date — prints one line on stderr and exits with status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from allied import documents
from allied.errors import AlliedError
from allied.model import FULL_ROLES, ROLES, as_record
from allied.period import parse_date
from allied.registry import Registry
from allied.render import FORMATS, Table, default_format, emit, write_csv
from allied.store.commands import db

F = TypeVar("F", bound=Callable[..., Any])


class _BadInput(click.ClickException):
    exit_code = 2


class _Group(click.Group):
    """Turns every `AlliedError` into a one-line message and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AlliedError as error:
            raise _BadInput(str(error)) from None


def format_option(func: F) -> F:
    """The shared `--format` option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format (default: table on a terminal, json when piped).",
    )(func)


def on_option(func: F) -> F:
    """The shared `--on DATE` option."""
    return click.option(
        "--on",
        metavar="DATE",
        default=None,
        help="The date to ask about: YYYY, YYYY-MM or YYYY-MM-DD (default: today).",
    )(func)


def _registry(ctx: click.Context) -> Registry:
    import allied

    return allied.load(ctx.obj.get("data"))


def _emit(fmt: str | None, document: Any, *tables: Table) -> None:
    emit(fmt or default_format(), document, tables)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="allied")
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


@cli.command()
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
    reg = _registry(ctx)
    fw = reg.framework(framework)
    when = parse_date(on)
    chosen = None if "all" in roles else (roles or FULL_ROLES)
    standings = reg.members(fw.slug, on=when, roles=chosen)
    document = documents.members_document(fw, when, standings)
    columns = ("actor", "name", "role", "status", "start", "end", "uncertain", "sources")
    caption = f"{len(standings)} on {when}" + (
        f", {document['uncertain']} uncertain" if document["uncertain"] else ""
    )
    _emit(fmt, document, Table(f"{fw.name} ({fw.slug})", columns, document["members"], caption))


@cli.command()
@click.argument("name")
@on_option
@format_option
@click.pass_context
def actor(ctx: click.Context, name: str, on: str | None, fmt: str | None) -> None:
    """Show one actor: codes, names over time, every relationship, events.

    NAME is a code (BEL, BE) or any current, former or alternative name
    ("FYROM", "Czech Republic", "Turkey").

    \b
    Example:
        allied actor "Macedonia"
    """
    reg = _registry(ctx)
    profile = reg.actor(name, on=on)
    document = documents.actor_document(reg, profile)
    codes = {k: document[k] for k in ("code", "kind", "iso2", "iso_numeric", "cow", "wikidata")}
    _emit(
        fmt,
        document,
        Table(f"{profile.name} ({profile.actor.code})", ("framework", "framework_name", "role",
              "start", "end", "end_reason", "sources"), document["memberships"]),
        Table("Names", ("name", "kind", "start", "end", "sources"), document["names"]),
        Table("Statuses", ("framework", "role", "status", "start", "end", "sources"),
              document["statuses"]),
        Table("Codes", tuple(codes), [codes]),
    )  # fmt: skip


@cli.command()
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
    reg = _registry(ctx)
    found = reg.all_frameworks() if show_all else reg.frameworks(on=on)
    rows = documents.frameworks_document(found)
    columns = ("slug", "name", "kind", "start", "end", "replaced_by", "founding_source")
    title = "Frameworks" if show_all else f"Frameworks on {parse_date(on)}"
    _emit(fmt, rows, Table(title, columns, rows))


@cli.command()
@click.argument("framework")
@format_option
@click.pass_context
def history(ctx: click.Context, framework: str, fmt: str | None) -> None:
    """List every join, departure, suspension and resumption in FRAMEWORK, in order.

    \b
    Example:
        allied history pfp
    """
    reg = _registry(ctx)
    fw = reg.framework(framework)
    document = documents.history_document(fw, reg.history(fw.slug))
    rows = document["changes"]
    columns = ("date", "change", "actor", "name", "role", "reason", "sources")
    _emit(fmt, document, Table(f"History of {fw.name}", columns, rows))


@cli.command()
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
    reg = _registry(ctx)
    before, after = parse_date(start), parse_date(end)
    document = documents.diff_document(before, after, reg.diff(before, after, framework=framework))
    rows = document["changes"]
    columns = ("framework", "change", "actor", "name", "role", "before", "after", "uncertain")
    _emit(fmt, document, Table(f"Changes from {before} to {after}", columns, rows))


@cli.command()
@click.option("--kind", default=None, help="Only events of this kind (summit, article-4, …).")
@click.option("--from", "start", metavar="DATE", default=None, help="Only events from this date.")
@click.option("--to", "end", metavar="DATE", default=None, help="Only events up to this date.")
@click.option("--framework", default=None, help="Only events concerning this framework.")
@format_option
@click.pass_context
def events(
    ctx: click.Context,
    kind: str | None,
    start: str | None,
    end: str | None,
    framework: str | None,
    fmt: str | None,
) -> None:
    """List dated events: summits, accessions, Article 4 and 5, declarations, commitments.

    \b
    Example:
        allied events --kind article-4 --from 2014
    """
    found = _registry(ctx).events(kind=kind, start=start, end=end, framework=framework)
    rows = [as_record(event) for event in found]
    columns = ("start", "end", "kind", "title", "place", "actors", "sources")
    _emit(fmt, rows, Table("Events", columns, rows))


@cli.command()
@click.argument("ids", nargs=-1, metavar="[ID]...")
@format_option
@click.pass_context
def sources(ctx: click.Context, ids: tuple[str, ...], fmt: str | None) -> None:
    """Show the sources with these ids (every source when none is given).

    \b
    Example:
        allied sources seed-fr-2013
    """
    reg = _registry(ctx)
    found = [reg.source(source_id) for source_id in ids] if ids else reg.sources()
    rows = [as_record(source) for source in found]
    columns = ("id", "kind", "publisher", "title", "published", "url")
    _emit(fmt, rows, Table("Sources", columns, rows))


@cli.command()
@click.argument("file", metavar="FILE|-")
@click.option("--as-of", metavar="DATE", help="Judge on this day, not the date the text states.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), help="Output format.")
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
    report = check_text(data, as_of=as_of, registry=_registry(ctx), markup=markup)
    document, columns = report.as_document(), ("start", "kind", "verdict", "text", "explanation")
    dated = f"as of {report.as_of} ({report.as_of_source}), checked on {report.checked_on}"
    _emit(fmt, document, Table(f"Claims in {file}", columns, document["claims"], dated))


def export_options(func: F) -> F:
    """The shared `--format csv|json` and `--output FILE` options of `export` commands."""
    func = click.option(
        "--output",
        "-o",
        type=click.File("w", encoding="utf-8"),
        default="-",
        help="Write to this file instead of standard output.",
    )(func)
    return click.option(
        "--format", "fmt", type=click.Choice(("csv", "json")), default="csv", show_default=True
    )(func)


def _write_export(fmt: str, columns: Sequence[str], rows: list[dict[str, Any]], out: Any) -> None:
    if fmt == "csv":
        write_csv(columns, rows, out)
    else:
        emit("json", rows, (), stream=out)


@cli.group()
def export() -> None:
    """Export a fact family as CSV or JSON for analysis.

    \b
    Example:
        allied export memberships --format csv > memberships.csv
    """


@export.command("memberships")
@export_options
@click.pass_context
def export_memberships(ctx: click.Context, fmt: str, output: Any) -> None:
    """Export every membership, one row per status segment, with its sources.

    Columns: framework, actor, name, role, status, start, end, start_precision,
    end_precision, end_reason, sources (ids joined by "|"), note. Dates are ISO
    8601 at their own precision; empty when open.

    \b
    Example:
        allied export memberships --format csv -o memberships.csv
    """
    reg = _registry(ctx.find_root())
    rows = [
        row
        for m in sorted(reg.dataset.memberships, key=lambda m: (m.framework, m.actor, m.role))
        for row in documents.membership_rows(reg, m)
    ]
    _write_export(fmt, documents.MEMBERSHIP_COLUMNS, rows, output)


@export.command("panel")
@click.option("--from", "first", type=int, default=1949, show_default=True, help="First year.")
@click.option("--to", "last", type=int, default=None, help="Last year (default: this year).")
@click.option(
    "--framework", "frameworks", multiple=True, help="Only these frameworks (repeatable)."
)
@export_options
@click.pass_context
def export_panel(
    ctx: click.Context,
    first: int,
    last: int | None,
    frameworks: tuple[str, ...],
    fmt: str,
    output: Any,
) -> None:
    """Export a country-year panel: one row per actor, framework and year.

    Each row says whether the membership held on 1 January, on 31 December and
    all year, and whether it was suspended on 31 December: yes, no or maybe
    (maybe when it hangs on a day the sources do not give).

    \b
    Example:
        allied export panel --from 1990 --to 2025 --framework pfp -o pfp-panel.csv
    """
    from allied.panel import PANEL_COLUMNS, country_years

    reg = _registry(ctx.find_root())
    rows = country_years(
        reg,
        first=first,
        last=last if last is not None else parse_date(None).year,
        frameworks=frameworks or None,
    )
    records = [{column: getattr(row, column) for column in PANEL_COLUMNS} for row in rows]
    _write_export(fmt, PANEL_COLUMNS, records, output)


@cli.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check the data files: schema, sources, periods, invariants, stated counts.

    Exits 0 when the dataset is valid, 1 with one line per problem otherwise.

    \b
    Example:
        allied validate --data ./my-data
    """
    from allied.validation import validate as run_checks

    reg = _registry(ctx)
    problems = run_checks(reg)
    data = reg.dataset
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    click.echo(
        f"ok: {len(data.sources)} sources, {len(data.actors)} actors, "
        f"{len(data.frameworks)} frameworks, {len(data.memberships)} memberships, "
        f"{len(data.events)} events, {len(data.stated_counts)} stated counts checked"
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--db",
    metavar="URL",
    envvar="ALLIED_DATABASE_URL",
    default=None,
    help="Serve the facts stored in this database (synced with `allied db sync`) "
    "instead of the bundled dataset.",
)
@click.option("--get", "target", metavar="PATH", help="Run one GET in-process, print the body.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, db: str | None, target: str | None) -> None:
    """Serve the JSON API and the web pages (uvicorn, one worker).

    With --get, send one request to the app in this process and print the
    body instead: a parity check between the CLI and the API (exit 1 on 4xx/5xx).

    \b
    Example:
        allied serve --port 8000
        allied serve --get "/api/v1/frameworks/nato/members?on=2004-03-29"
    """
    from allied.extras import require

    require("web", by="allied serve")
    from allied.web.app import create_app  # the web stack loads only for this command

    if db is not None:
        require("db", by="allied serve --db")
        from allied.store import load_registry

        app = create_app(load_registry(db))
    else:
        app = create_app(_registry(ctx), data_dir=ctx.obj.get("data"))
    if target is not None:
        from allied.web.inprocess import get

        reply = get(app, target)
        click.echo(reply.body.decode("utf-8"), nl=not reply.body.endswith(b"\n"))
        if reply.status >= 400:
            sys.exit(1)
        return
    import uvicorn

    uvicorn.run(app, host=host, port=port, workers=1, log_level="warning", access_log=False)


cli.add_command(db)


def main() -> None:
    """Entry point of the `allied` console script."""
    cli(prog_name="allied")
