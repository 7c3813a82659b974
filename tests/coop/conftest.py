"""A small cooperation world on SQLite and (when configured) PostgreSQL, one schema per test.

Two partners with secrets of their own — Georgia (an EAPC partner) and Jordan
(a Mediterranean Dialogue partner) — so every test can check that neither ever
sees a trace of the other: each secret text carries `SECRET-<nation>`.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

import allied
from allied.cooperation import activities, decisions, feedback, packages, programmes, registrations
from allied.cooperation.context import Context
from allied.cooperation.principal import Principal
from allied.cooperation.users import add_user
from allied.registry import Registry
from allied.store.engine import create_engine
from allied.store.schema import upgrade
from store.conftest import BACKENDS, fresh_database, url_of

PARTNERS = ("GEO", "JOR")
NOW = _dt.datetime(2026, 6, 1, 12, 0)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return allied.load()


@pytest.fixture(autouse=True, scope="session")
def _cheap_argon2() -> Iterator[None]:
    """argon2-cffi's CHEAPEST profile: a hash in microseconds, as its docs advise for tests."""
    from argon2.profiles import CHEAPEST

    from allied.cooperation import users

    users.PROFILE = CHEAPEST
    yield
    users.PROFILE = None


@dataclass
class Clock:
    """A clock the tests move by hand."""

    now: _dt.datetime = NOW

    def __call__(self) -> _dt.datetime:
        return self.now


@dataclass
class World:
    """The context, the clock, the users (with their tokens) and the objects each nation owns."""

    context: Context
    clock: Clock
    users: dict[str, Principal] = field(default_factory=dict)  # by key: staff, ally, GEO…
    tokens: dict[str, str] = field(default_factory=dict)
    owned: dict[str, dict[str, int]] = field(default_factory=dict)
    activities: dict[str, int] = field(default_factory=dict)
    decision: int = 0

    @property
    def engine(self) -> Engine:
        return self.context.engine


def _activity(world: World, title: str, open_to: str, start: str) -> int:
    staff = world.users["staff"]
    made = activities.create_activity(
        world.context,
        staff,
        {
            "title": title, "area": "training-education", "kind": "course", "host": "BEL",
            "place": "Brussels", "start": start, "end": start, "capacity": 40,
            "language": "en", "open_to": open_to,
        },
    )  # fmt: skip
    version = made.version
    for state in ("approved", "open"):
        version = activities.transition(
            world.context, staff, made.id, state, expected_version=version
        ).version
    return made.id


def build_world(engine: Engine, registry: Registry) -> World:
    """Users of every role, activities, two partners' programmes, registrations, feedback."""
    upgrade(engine)
    clock = Clock()
    world = World(Context(engine, registry, clock=clock), clock)
    for key, role, nation in (
        ("staff", "staff", None),
        ("ally", "ally", "BEL"),
        ("GEO", "partner", "GEO"),
        ("JOR", "partner", "JOR"),
        ("public", "public", None),
    ):
        made = add_user(
            engine, registry, f"{key.lower()}@test.invalid", role, nation=nation,
            password="correct horse battery",
        )  # fmt: skip
        world.users[key], world.tokens[key] = made.principal, made.token
    staff, context = world.users["staff"], world.context
    world.activities = {
        "eapc": _activity(world, "Course open to EAPC partners", "eapc", "2026-09-01"),
        "md": _activity(world, "Course open to MD partners", "md", "2026-09-02"),
        "all": _activity(world, "Course open to all partners", "partners", "2026-09-03"),
    }
    own = {"GEO": world.activities["eapc"], "JOR": world.activities["md"]}
    for nation in PARTNERS:
        who = world.users[nation]
        secret = f"SECRET-{nation}"
        first = registrations.register(
            context, who, own[nation],
            {"participants": 2, "contact_name": f"{secret}-contact", "contact_role": "officer"},
        )  # fmt: skip
        registrations.register(context, who, world.activities["all"], {"participants": 3})
        programme = programmes.create_programme(
            context, staff,
            {
                "partner": nation, "document_type": "itpp", "cycle_start": "2025-01-01",
                "cycle_end": "2028-12-31",
                "objectives": [{"text": f"{secret}-objective", "goals": [
                    {"text": f"{secret}-goal", "activities": [own[nation]]}]}],
            },
        )  # fmt: skip
        package = packages.create_package(
            context, staff,
            {"recipient": nation, "title": f"{secret}-package", "agreed": "2024-02-01",
             "measures": [{"area": "capacity-building", "title": f"{secret}-measure"}],
             "supporters": ["BEL"]},
        )  # fmt: skip
        world.owned[nation] = {
            "programme": programme.programme.id,
            "registration": first.id,
            "package": package.package.id,
            "activity": own[nation],
        }
    held = activities.get_activity(context, staff, world.activities["all"]).activity
    activities.transition(context, staff, held.id, "held", expected_version=held.version)
    for nation in PARTNERS:
        feedback.send_feedback(
            context, world.users[nation], world.activities["all"],
            {"rating": 4, "text": f"SECRET-{nation}-feedback"},
        )  # fmt: skip
    world.decision = decisions.propose(
        context, staff,
        {"subject": "programme:1", "title": "Approve a programme",
         "deadline": (NOW + _dt.timedelta(days=3)).isoformat()},
    ).decision.id  # fmt: skip
    return world


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, registry: Registry) -> World:
    """The world built once into an SQLite file, which each SQLite test copies."""
    path = tmp_path_factory.mktemp("template") / "coop.db"
    engine = create_engine(f"sqlite:///{path}")
    built = build_world(engine, registry)
    engine.dispose()
    return built


@pytest.fixture(params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path: Path, registry: Registry, sqlite_template: World
) -> Iterator[World]:
    """A fresh world: a copy of the SQLite template, or built anew in a PostgreSQL schema."""
    if request.param == "sqlite":
        path = tmp_path / "coop.db"
        shutil.copyfile(str(sqlite_template.engine.url.database), path)
        engine = create_engine(f"sqlite:///{path}")
        clock = Clock()
        yield replace(sqlite_template, context=Context(engine, registry, clock=clock), clock=clock)
        engine.dispose()
        return
    with fresh_database(request.param, tmp_path / "coop.db") as engine:
        yield build_world(engine, registry)


@pytest.fixture(params=BACKENDS, scope="session")
def shared_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, registry: Registry
) -> Iterator[World]:
    """One world for every test that reads, or writes only objects it creates itself.

    Tests that move the clock put it back; tests that tamper use `world`.
    """
    path = tmp_path_factory.mktemp("coop") / "coop.db"
    with fresh_database(request.param, path) as engine:
        yield build_world(engine, registry)


def app_client(world: World, registry: Registry) -> TestClient:
    """A test client of the app on the world's database, its clock included (https: the
    session cookie is Secure)."""
    from allied.web.app import create_app

    app = create_app(registry, coop_url=url_of(world.engine))
    app.state.coop.engine.dispose()  # the app's own engine: the world's (and its clock) serve
    app.state.coop = world.context
    return TestClient(app, base_url="https://testserver")


@pytest.fixture(scope="session")
def shared_client(shared_world: World, registry: Registry) -> Iterator[TestClient]:
    with app_client(shared_world, registry) as test_client:
        yield test_client


@pytest.fixture
def moved_clock(shared_world: World) -> Iterator[Clock]:
    """The shared world's clock, put back to `NOW` after the test."""
    yield shared_world.clock
    shared_world.clock.now = NOW


def new_registration(world: World, nation: str = "GEO") -> int:
    """A fresh open activity open to all partners, and `nation`'s registration for it (v1)."""
    ident = _activity(world, "Course for a race", "partners", "2026-11-05")
    return registrations.register(world.context, world.users[nation], ident, {"participants": 1}).id


def bearer(world: World, key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[key]}"}
