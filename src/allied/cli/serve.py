"""`allied serve`: the JSON API and the web pages, or one request answered in-process."""

from __future__ import annotations

import sys

import click

from allied.cli.options import registry_of


@click.command()
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
@click.option(
    "--check-workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    envvar="ALLIED_CHECK_WORKERS",
    help="Texts checked at once (/check); one more answers 429.",
)
@click.option(
    "--check-timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    envvar="ALLIED_CHECK_TIMEOUT",
    metavar="SECONDS",
    help="A check running longer is stopped and answers 422.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    db: str | None,
    target: str | None,
    check_workers: int,
    check_timeout: float,
) -> None:
    """Serve the JSON API and the web pages (uvicorn, one worker).

    Texts sent to /check are checked in --check-workers processes of their own,
    each stopped after --check-timeout seconds, so no text stalls other requests.

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
    from allied.web.checkpool import CheckLimits

    data_dir = (ctx.find_root().obj or {}).get("data")
    limits = CheckLimits(check_workers, check_timeout, warm=target is None)
    if db is not None:
        import allied

        require("db", by="allied serve --db")
        registry = allied.load(data_dir, db=db)  # both given: a one-line error
        app = create_app(registry, check_limits=limits)
    else:
        app = create_app(registry_of(ctx), data_dir=data_dir, check_limits=limits)
    if target is not None:
        from allied.web.inprocess import get

        reply = get(app, target)
        click.echo(reply.body.decode("utf-8"), nl=not reply.body.endswith(b"\n"))
        if reply.status >= 400:
            sys.exit(1)
        return
    import uvicorn

    uvicorn.run(app, host=host, port=port, workers=1, log_level="warning", access_log=False)
