"""The optional parts of `allied`, and the one-line message when one is missing.

`pip install allied` gives the library and the data commands of the CLI. The web
server, the database store, DataFrames, NATO's workbooks and rendered charts are
extras (`allied[web]`, `allied[db]`, `allied[dataframe]`, `allied[xlsx]`,
`allied[charts]`, or `allied[all]`). A command or function that needs one calls
`require` first, so a missing extra is a `MissingExtra` (an `AlliedError`: one line
on the CLI, exit status 2) naming what to install, never a traceback from deep inside.

>>> require("web", by="allied serve")
>>> require("nope", by="this")
Traceback (most recent call last):
  ...
ValueError: unknown extra 'nope' (one of: charts, coop, dataframe, db, web, xlsx)
"""

from __future__ import annotations

from importlib.util import find_spec

from allied.errors import AlliedError

#: The modules each extra brings that `allied` imports. An extra may bring more that
#: only some uses need: psycopg (PostgreSQL URLs only), pyarrow (Parquet files only).
MODULES: dict[str, tuple[str, ...]] = {
    "coop": ("argon2", "itsdangerous", "sqlalchemy", "fastapi"),
    "dataframe": ("pandas",),
    "db": ("sqlalchemy", "alembic"),
    "web": ("fastapi", "uvicorn", "jinja2", "orjson", "python_multipart"),
    "xlsx": ("openpyxl",),
    "charts": ("vl_convert",),
}


class MissingExtra(AlliedError, ImportError):
    """A command or function needs an extra that is not installed; the message says which."""


def require(extra: str, *, by: str) -> None:
    """Raise `MissingExtra` unless every module of `extra` is installed; `by` names the user.

    The modules are looked up, not imported, so a check costs well under a millisecond.

    >>> require("db", by="allied db")
    """
    try:
        modules = MODULES[extra]
    except KeyError:
        raise ValueError(
            f"unknown extra {extra!r} (one of: {', '.join(sorted(MODULES))})"
        ) from None
    missing = [name for name in modules if find_spec(name) is None]
    if missing:
        raise MissingExtra(
            f"{by} needs the {extra} extra (no module {missing[0]}): pip install 'allied[{extra}]'"
        )
