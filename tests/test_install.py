"""Install what you use: the bare install answers queries, and a missing extra is one line.

`test_a_bare_install` builds a fresh venv with `pip install .` (no extras) and
runs the CLI and the library in it; it takes about ten seconds and reaches the
package index, so `pytest -m "not install"` leaves it out of a quick run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from allied.cli import cli
from allied.extras import MODULES

ROOT = Path(__file__).resolve().parent.parent
#: Top-level modules of every extra (and what they pull in): none may load on a query.
HEAVY = (
    *(name for names in MODULES.values() for name in names),
    *("psycopg", "pyarrow", "numpy", "starlette", "pydantic", "httpx"),
)
#: What a bare venv may hold at most (it holds about 20 MB: allied, click, rich, pygments).
BARE_BUDGET_MB = 30


def test_a_query_imports_no_extra() -> None:
    code = (
        "import sys\nfrom allied.cli import cli\n"
        "try:\n cli(['members', 'nato', '--on', '2004-03-29', '--format', 'json'])\n"
        "except SystemExit as exit:\n assert exit.code == 0, exit.code\n"
        f"print(sorted(m for m in {(*HEAVY, 'rich')!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(json.loads(done.stdout)["members"]) == 26
    assert done.stderr.strip() == "[]"


def test_a_cached_query_creates_only_what_it_needs(tmp_path: Path) -> None:
    """A members query reads four families from the cache and imports their model only."""
    code = (
        "import sys\nfrom allied.cli import cli\n"
        "try:\n cli(['members', 'nato', '--on', '2004-03-29', '--format', 'json'])\n"
        "except SystemExit as exit:\n assert exit.code == 0, exit.code\n"
        "import allied, json\n"
        "found = [sorted(sys.modules), sorted(vars(allied.load().dataset))]\n"
        "print(json.dumps(found), file=sys.stderr)"
    )
    env = {**os.environ, "ALLIED_CACHE_DIR": str(tmp_path)}
    argv = [sys.executable, "-c", code]
    first = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
    assert "allied.model.spending" in first.stderr  # a fresh parse reads every family
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
    assert done.stdout == first.stdout
    modules, families = json.loads(done.stderr)
    assert {m for m in modules if m.startswith("allied.model.")} == {
        "allied.model.frameworks",
        "allied.model.names",
    }
    assert {m for m in modules if m.startswith("allied.cli.")} == {
        "allied.cli.options",
        "allied.cli.queries",
    }
    assert set(families) == {"_read", "frameworks", "memberships", "names", "statuses"}
    # A cached load knows the families by name: it reads no CSV and no declaration.
    assert {"allied.schema", "csv"}.isdisjoint(modules)


@pytest.mark.parametrize(
    ("args", "missing", "message"),
    [
        (["serve"], "fastapi", "allied serve needs the web extra (no module fastapi)"),
        (["serve", "--get", "/"], "orjson", "allied serve needs the web extra (no module orjson)"),
        (
            ["serve", "--db", "sqlite://", "--get", "/"],
            "sqlalchemy",
            "allied serve --db needs the db extra (no module sqlalchemy)",
        ),
        (["db", "sync"], "sqlalchemy", "allied db needs the db extra (no module sqlalchemy)"),
        (["db", "url"], "alembic", "allied db needs the db extra (no module alembic)"),
    ],
)
def test_a_missing_extra_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, args: list[str], missing: str, message: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # find_spec and import now fail on it
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    extra = message.split(" the ")[1].split()[0]
    assert result.stderr == f"Error: {message}: pip install 'allied[{extra}]'\n"


def test_help_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)
    result = CliRunner().invoke(cli, ["db", "--help"])
    assert result.exit_code == 0
    assert "allied db sync" in result.stdout


def _run(argv: list[str | Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.install
def test_a_bare_install(tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    source = tmp_path / "source"
    shutil.copytree(
        ROOT / "src",
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    venv = tmp_path / "venv"
    # No pip of its own: the size below is what `allied` installs, and the venv is made
    # in a quarter of a second; the running pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python, allied = venv / "bin" / "python", venv / "bin" / "allied"
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    installed = _run([*pip, source])
    assert installed.returncode == 0, installed.stderr

    members = _run([allied, "members", "nato", "--on", "2004-03-29"])
    assert members.returncode == 0, members.stderr
    assert len(json.loads(members.stdout)["members"]) == 26
    query = "import allied; print(len(allied.load().members('nato', on='2004-03-29')))"
    loaded = _run([python, "-c", query])
    assert (loaded.returncode, loaded.stdout, loaded.stderr) == (0, "26\n", "")
    absent = _run([python, "-c", f"import importlib.util as u; print([m for m in {HEAVY!r} "
                   "if u.find_spec(m)])"])  # fmt: skip
    assert absent.stdout.strip() == "[]", "the bare install pulled an extra's package"
    for argv, message in (
        (["serve"], "allied serve needs the web extra (no module fastapi): "
                    "pip install 'allied[web]'"),
        (["db", "sync"], "allied db needs the db extra (no module sqlalchemy): "
                         "pip install 'allied[db]'"),
    ):  # fmt: skip
        refused = _run([allied, *argv])
        assert (refused.returncode, refused.stderr) == (2, f"Error: {message}\n")

    size_mb = _megabytes(venv)
    record_property("bare_venv_mb", size_mb)
    assert size_mb < BARE_BUDGET_MB, f"a bare install takes {size_mb:.1f} MB"


def _megabytes(folder: Path) -> float:
    """The disk usage of `folder`, as `du -sk` counts it."""
    done = subprocess.run(["du", "-sk", folder], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[0]) / 1024
