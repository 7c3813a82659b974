"""The database URL setting and the one place engines are created."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from allied.store.engine import (
    URL_VARIABLE,
    InvalidDatabaseURL,
    create_engine,
    data_directory,
    database_url,
    display_url,
    parse_url,
)

SRC = Path(__file__).parents[2] / "src" / "allied"


def test_flag_beats_variable_beats_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    assert database_url() == f"sqlite:///{tmp_path}/allied/allied.db"
    monkeypatch.setenv(URL_VARIABLE, "sqlite:///from-env.db")
    assert database_url() == "sqlite:///from-env.db"
    assert database_url("sqlite:///from-flag.db") == "sqlite:///from-flag.db"


@pytest.mark.parametrize("url", ["", "  "])
def test_an_empty_url_is_an_error_not_the_default(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    with pytest.raises(InvalidDatabaseURL, match=r"^the database URL is empty: "):
        database_url(url)
    monkeypatch.setenv(URL_VARIABLE, url)
    with pytest.raises(InvalidDatabaseURL, match=f"^{URL_VARIABLE} is empty: "):
        database_url()
    with pytest.raises(InvalidDatabaseURL, match=r"^the database URL is empty: "):
        create_engine(url)
    assert database_url("sqlite:///given.db") == "sqlite:///given.db"


def test_default_is_under_home_without_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_directory() == tmp_path / ".local" / "share" / "allied"


def test_default_engine_creates_the_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    engine = create_engine()
    with engine.connect():
        pass
    engine.dispose()
    assert (tmp_path / "data" / "allied" / "allied.db").is_file()


def test_sqlite_enforces_foreign_keys(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'fk.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_postgresql_uses_psycopg_3() -> None:
    assert parse_url("postgresql://postgres@127.0.0.1/test").drivername == "postgresql+psycopg"
    assert parse_url("postgres://postgres@127.0.0.1/test").drivername == "postgresql+psycopg"


def test_display_hides_the_password() -> None:
    shown = display_url("postgresql://user:s3cret@db.example/allied")
    assert "s3cret" not in shown and "user:***@db.example" in shown


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nonsense", "is not a database URL"),
        ("mysql://user@host/db", "unsupported database 'mysql'"),
        ("sqlite+nodriver:///x.db", "sqlite+nodriver"),
    ],
)
def test_bad_urls_raise_one_clear_error(url: str, message: str) -> None:
    with pytest.raises(InvalidDatabaseURL, match=re.escape(message)) as caught:
        create_engine(url)
    assert "\n" not in str(caught.value)


def test_engines_are_created_in_one_module_only() -> None:
    creators = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if re.search(r"\bsa\.create_engine\(|sqlalchemy import .*create_engine", path.read_text())
    ]
    assert creators == ["store/engine.py"]


def test_sqlite_rolls_back_ddl(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'ddl.db'}")
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE half (id INTEGER)")
        raise RuntimeError("a migration fails half-way")
    with engine.connect() as connection:
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    engine.dispose()
    assert tables == []
