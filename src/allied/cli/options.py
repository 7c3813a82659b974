"""What every command shares: one-line errors, the common options, rendering an answer.

A command parses its arguments, asks `allied.questions` one question and
hands the `Answer` to `emit_answer`, which writes it as a terminal table, its
JSON document or its CSV — the same document and CSV as the API's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any, TypeVar

import click

from allied.answer import Answer
from allied.errors import AlliedError
from allied.registry import Registry
from allied.render import FORMATS, Table, default_format, emit

F = TypeVar("F", bound=Callable[..., Any])


class BadInput(click.ClickException):
    """Bad input: one line on stderr and exit status 2."""

    exit_code = 2


class Group(click.Group):
    """Turns every `AlliedError` and I/O error into one line and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AlliedError as error:
            raise BadInput(str(error)) from None
        except BrokenPipeError:  # the reader stopped early (`allied … | head`)
            raise
        except OSError as error:  # e.g. --output /dev/full
            raise BadInput(f"cannot write the answer: {error.strerror or error}") from None


class Commands(MutableMapping[str, click.Command]):
    """A group's commands by name, each imported from its module when first asked for.

    `where` maps a name to `"module:attribute"`. Running `allied members` imports
    the queries' module only, not the server's, the store's or the spending
    charts'; `--help`, which lists every command, imports them all.
    """

    def __init__(self, where: Mapping[str, str]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        command = self._loaded.get(name)
        if command is None:
            module, _, attribute = self._where[name].partition(":")
            found = getattr(importlib.import_module(module), attribute)
            assert isinstance(found, click.Command), self._where[name]
            command = self._loaded[name] = found
        return command

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.pop(name, None)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if self._where.pop(name, None) is None:
            del self._loaded[name]
        else:
            self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._where
        yield from (name for name in self._loaded if name not in self._where)

    def __len__(self) -> int:
        return len(self._where.keys() | self._loaded.keys())


def format_option(func: F) -> F:
    """The shared `--format table|json|csv` option."""
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


def page_options(func: F) -> F:
    """The shared `--offset N` and `--limit N` options of commands that list."""
    func = click.option(
        "--limit", type=click.IntRange(min=1), default=None, help="At most N items (default: all)."
    )(func)
    return click.option(
        "--offset", type=click.IntRange(min=0), default=0, help="Skip the first N items."
    )(func)


def registry_of(ctx: click.Context) -> Registry:
    """The registry the command asks: the bundled dataset, or `allied --data DIR`'s."""
    import allied

    return allied.load((ctx.find_root().obj or {}).get("data"))


def emit_answer(
    fmt: str | None,
    answer: Answer,
    *tables: Table,
    title: str = "",
    columns: tuple[str, ...] = (),
) -> None:
    """Write an answer: its JSON document, its CSV rows, or tables on a terminal.

    With no `tables`, the terminal shows the CSV's rows under `title`, in `columns`
    (default: the CSV's; a narrower choice keeps a table readable in 80 columns).
    """
    document = answer.document()
    shown = tables or (Table(title, columns or answer.csv_columns(), answer.rows(document)),)
    csv_table = Table(title, answer.csv_columns(), answer.rows(document))
    chosen = fmt or default_format()
    emit(chosen, document, (csv_table,) if chosen == "csv" else shown)
