"""Every command at 80 columns: no date, code or URL cut, no table wider than the terminal.

The command tree is walked, so a new command fails `test_every_command_is_rendered`
until it is given a representative argument set here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from allied.cli import cli
from allied.render import _WRAPPING as WRAPPING

TEXT = "NATO now has 30 members. The Partnership for Peace was launched in 1994."

#: Each command (path in the tree) and the arguments it is rendered with.
RENDERED: dict[str, list[list[str]]] = {
    "accession": [[]],
    "accession pending": [["SWE", "--on", "2023-06-01"]],
    "accession ratifications": [["--candidate", "FIN"]],
    "accession show": [["Sweden"]],
    "actor": [["DEU"], ["RUS", "--on", "2023"], ["FYROM"], ["EU"]],
    "check": [["-", "--as-of", "2021-07-01"]],
    "coop audit head": [["--db", "{db}"]],
    "coop audit verify": [["--db", "{db}"]],
    "coop demo": [["--db", "{db}", "--scale", "small"]],
    "coop export": [["--nation", "GEO", "--format", "csv", "--db", "{db}"]],
    "coop import": [["{catalogue}", "--db", "{db}"]],
    "cite": [["panel", "--on", "2014-12-31"], ["/actors/DEU"]],
    "db sync": [["--db", "{db}"]],
    "db upgrade": [["--db", "{db}"]],
    "db url": [["--db", "{db}"]],
    "dialogue": [[], ["nac-eapc", "--on", "1997-05-30"]],
    "diff": [["2013-07-02", "2026-01-01"], ["2004", "2005"]],
    "events": [[], ["--framework", "nato", "--from", "2014"]],
    "export memberships": [[]],
    "export panel": [["--from", "2003", "--to", "2005"],
                     ["--wide", "--from", "1989", "--to", "1991"]],
    "frameworks": [["--all"], ["--on", "1995"]],
    "history": [["nato"], ["pfp"]],
    "members": [["eapc", "--on", "2004-03-29"], ["pfp", "--on", "1997", "--role", "all"]],
    "operations": [["--on", "2004-03-29"]],
    "operations contributors": [["kfor", "--on", "2017-02-15"]],
    "operations export": [["--operation", "unified-protector"]],
    "operations partners": [["--on", "2011-06-01"]],
    "operations show": [["kfor"]],
    "relations": [["--on", "1999-03-12"]],
    "search": [["Macedonia"]],
    "serve": [["--get", "/api/v1/frameworks/nato"]],
    "source": [["north-atlantic-treaty-1949"], ["cow-states2016-igor"]],
    "sources": [["--limit", "40"], ["seed-fr-2013", "seed-be-2021"]],
    "eu-nato": [[]],
    "eu-nato proposals": [[]],
    "spending": [["--year", "2024"], ["--ally", "GBR"]],
    "spending ally": [["POL"]],
    "spending chart": [["ranked", "--year", "2024", "-o", "{tmp}/ranked.json"]],
    "spending guidelines": [["--year", "2024"]],
    "spending import": [["{workbook}", "--release-date", "2027-01-01", "--source",
                         "seed-be-2021", "--dry-run"]],
    "spending releases": [[]],
    "spending revisions": [["POL", "2024"]],
    "users add": [["ops@example.org", "--role", "staff", "--db", "{db}"]],
    "users revoke": [["{user}", "--db", "{db}"]],
    "users token": [["{user}", "--db", "{db}"]],
    "validate": [[]],
}  # fmt: skip
#: A one-row activity catalogue for `coop import` (docs/coop.md gives the columns).
CATALOGUE = (
    "title,area,kind,host,place,start,end,capacity,language,open_to\n"
    "Course 1,training-education,course,BEL,Brussels,2027-01-01,2027-01-01,20,en,eapc\n"
)

#: A table cell of digits with hyphens or slashes: a date, or what is left of a cut one.
DATE_LIKE = re.compile(r"[\d/-]*[-/][\d/-]*")
#: A whole date at its precision, or a range of two.
WHOLE_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?")
BORDERS = re.compile(r"[│┃]")
URL = re.compile(r"https?://[^\s│┃]+")


def commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Every command path of the tree, with the groups that answer on their own."""
    if group.invoke_without_command and path:
        yield " ".join(path)
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield " ".join((*path, name))


CASES = [(path, args) for path, sets in RENDERED.items() for args in sets]


def table_lines(printed: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """Each body line of each table, with its columns' names and its cells."""
    header: list[str] = []
    heading = False
    for line in printed.splitlines():
        if "┃" in line:
            cells = [cell.strip() for cell in line.split("┃")]
            if heading:  # a header wrapped on two lines: join each column's words
                cells = [f"{a} {b}".strip() for a, b in zip(header, cells, strict=True)]
            header = cells
            heading = True
        elif "━" in line:
            heading = False
            header = [name.replace(" ", "_") for name in header]
            assert len(line) <= 80, f"table line wider than 80 columns: {line!r}"
        elif "│" in line:
            yield line, header, [cell.strip() for cell in line.split("│")]


def test_every_command_is_rendered() -> None:
    assert set(commands(cli)) == set(RENDERED)


def command_at(path: str) -> click.Command:
    command: click.Command = cli
    for name in path.split():
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def render(path: str, args: list[str], tmp_path: Path, fmt: str = "table") -> str:
    """What the command prints at 80 columns, in `fmt` when it offers it."""
    db = f"sqlite:///{tmp_path / 'allied.db'}"
    catalogue = tmp_path / "catalogue.csv"
    catalogue.write_text(CATALOGUE, encoding="utf-8")
    if "{workbook}" in args:
        from test_workbook import ALL as MEASURES
        from test_workbook import YEARS
        from workbooks import build, figures

        build(tmp_path / "r.xlsx", "2025", figures(["Poland"], YEARS, MEASURES), YEARS)
    if "{user}" in args:  # a user to revoke or give a token to
        added = CliRunner().invoke(cli, ["users", "add", "ops@example.org", "--role", "staff",
                                         "--db", db])  # fmt: skip
        assert added.exit_code == 0, added.output
    places = {"{db}": db, "{catalogue}": str(catalogue), "{tmp}": str(tmp_path),
              "{workbook}": str(tmp_path / "r.xlsx"), "{user}": "ops@example.org"}  # fmt: skip
    filled = (places.get(arg, arg).replace("{tmp}", str(tmp_path)) for arg in args)
    argv = [*path.split(), *filled]
    formats = [p for p in command_at(path).params if p.name == "fmt"]
    if formats and fmt in getattr(formats[0].type, "choices", ()):
        argv += ["--format", fmt]
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, argv, input=TEXT)
    assert result.exit_code in (0, 1), (argv, result.output)  # validate/check may exit 1
    return result.stdout or result.stderr  # a command that writes a file reports on stderr


@pytest.mark.parametrize(("path", "args"), CASES, ids=[f"{p} {' '.join(a)}" for p, a in CASES])
def test_every_command_reads_at_80_columns(path: str, args: list[str], tmp_path: Path) -> None:
    printed = render(path, args, tmp_path)
    assert printed.strip(), "nothing printed"
    assert "…" not in printed, "a value was cut with an ellipsis"
    for line, header, cells in table_lines(printed):
        assert len(line) <= 80, f"table line wider than 80 columns: {line!r}"
        for column, cell in zip(header, cells, strict=True):
            if column not in WRAPPING and DATE_LIKE.fullmatch(cell):
                assert WHOLE_DATE.fullmatch(cell), f"cut date {cell!r} in {line!r}"
    if path in ("source", "sources", "actor"):
        document = json.loads(render(path, args, tmp_path, fmt="json"))
        known = set(URL.findall(json.dumps(document)))
        for url in URL.findall(printed):
            assert url.rstrip('",') in {k.rstrip('",') for k in known}, f"cut URL {url!r}"


def test_actor_prints_its_events_and_no_empty_table(tmp_path: Path) -> None:
    printed = render("actor", ["DEU"], tmp_path)
    assert "Events" in printed
    assert "Accession of the Federal" in printed  # 1955-05-06, West Germany joins NATO
    assert "1955-05-06" in printed
    assert "Statuses" not in printed  # Germany was never suspended: no empty table
    suspended = render("actor", ["RUS"], tmp_path)
    assert "Statuses" in suspended and "suspended" in suspended


def test_events_show_dates_and_titles_at_80_columns(tmp_path: Path) -> None:
    printed = render("events", ["--kind", "summit", "--from", "2000"], tmp_path)
    assert "2004-06-28" in printed  # Istanbul summit
    assert "Istanbul" in printed


def test_sources_become_footnotes_with_whole_ids(tmp_path: Path) -> None:
    printed = render("actor", ["DEU"], tmp_path)
    assert "[1] " in printed
    assert "nato-eapc-basic-doc" in printed  # a source id printed whole, once per table


def test_a_url_is_printed_whole(tmp_path: Path) -> None:
    printed = render("source", ["cow-states2016-igor"], tmp_path)
    assert (
        "https://github.com/dieghernan/igoR/blob/c9936cac3f0fc117520e89f9a232e62dde1ce3e9/"
        "data-raw/states2016.csv" in printed
    )
