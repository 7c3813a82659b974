"""Activities' lifecycle and the silence procedure: allowed steps, refused ones, every step kept."""

from __future__ import annotations

import datetime as _dt

import pytest
import sqlalchemy as sa

from allied.cooperation import activities, decisions
from allied.cooperation.errors import (
    Forbidden,
    InvalidTransition,
    NotFound,
    SilenceClosed,
    StaleVersion,
)
from allied.store.coop_tables import CoopAuditRow
from coop.conftest import NOW, Clock, World


def _propose(world: World, title: str = "Approve it") -> tuple[int, int]:
    made = activities.create_activity(
        world.context, world.users["ally"],
        {"title": title, "area": "interoperability", "kind": "exercise", "host": "BEL",
         "place": "Mons", "start": "2026-10-01", "end": "2026-10-03", "capacity": 10,
         "language": "en", "open_to": "pfp"},
    )  # fmt: skip
    return made.id, made.version


def test_lifecycle_goes_forward_only_and_by_role(shared_world: World) -> None:
    world = shared_world
    context, staff, ally = world.context, world.users["staff"], world.users["ally"]
    ident, version = _propose(world)
    assert activities.get_activity(context, staff, ident).activity.state == "proposed"
    with pytest.raises(Forbidden):  # the host may not approve its own activity
        activities.transition(context, ally, ident, "approved", expected_version=version)
    with pytest.raises(InvalidTransition):  # no skipping steps
        activities.transition(context, staff, ident, "held", expected_version=version)
    with pytest.raises(NotFound):  # a partner does not see a proposed activity at all
        activities.transition(context, world.users["GEO"], ident, "approved", expected_version=1)
    version = activities.transition(context, staff, ident, "approved", expected_version=version)
    version = version.version
    for state in ("open", "held", "reported"):  # the hosting Ally takes these itself
        version = activities.transition(context, ally, ident, state, expected_version=version)
        version = version.version
    assert activities.get_activity(context, staff, ident).activity.state == "reported"
    assert version == 5
    with pytest.raises(InvalidTransition):
        activities.transition(context, staff, ident, "cancelled", expected_version=version)
    with pytest.raises(StaleVersion):
        activities.transition(context, staff, ident, "cancelled", expected_version=1)
    with world.engine.connect() as connection:
        audit = CoopAuditRow.__table__
        steps = connection.execute(
            sa.select(audit.c.action).where(audit.c.entity_id == str(ident)).order_by(audit.c.id)
        ).scalars()
        assert [s for s in steps if s.startswith(("create", "transition"))][-5:] == [
            "create", "transition:approved", "transition:open", "transition:held",
            "transition:reported",
        ]  # fmt: skip


def test_eligibility_is_derived_from_the_registry_on_the_start_date(shared_world: World) -> None:
    world = shared_world
    context, staff = world.context, world.users["staff"]
    detail = activities.get_activity(context, staff, world.activities["eapc"])
    assert "GEO" in detail.eligible and "JOR" not in detail.eligible  # JOR is MD, not EAPC
    assert "SWE" not in detail.eligible  # an Ally since 2024-03-07, no longer a partner
    old = activities.create_activity(
        context, staff,
        {"title": "Old", "area": "interoperability", "kind": "course", "host": "BEL",
         "place": "x", "start": "2010-05-01", "end": "2010-05-02", "capacity": 5,
         "language": "en", "open_to": "eapc"},
    )  # fmt: skip
    assert "SWE" in activities.get_activity(context, staff, old.id).eligible  # a partner in 2010


def _decision(world: World) -> int:
    return decisions.propose(
        world.context, world.users["staff"],
        {"subject": "package:1", "title": "Revise a package",
         "deadline": (NOW + _dt.timedelta(days=3)).isoformat()},
    ).decision.id  # fmt: skip


def test_silence_broken_before_the_deadline(shared_world: World, moved_clock: Clock) -> None:
    world = shared_world
    context, ally = world.context, world.users["ally"]
    ident = _decision(world)
    broken = decisions.break_silence(context, ally, ident, "Belgium needs time", expected_version=1)
    assert broken.decision.state == "broken"
    assert [(s.kind, s.nation) for s in broken.steps] == [
        ("circulated", None), ("silence-broken", "BEL"),
    ]  # fmt: skip
    with pytest.raises(SilenceClosed):
        decisions.break_silence(context, ally, ident, "twice", expected_version=2)
    moved_clock.now = NOW + _dt.timedelta(days=10)  # the deadline passes: it stays broken
    assert decisions.get_decision(context, ally, ident).decision.state == "broken"


def test_silence_adopted_at_the_deadline_and_late_break_refused(
    shared_world: World, moved_clock: Clock
) -> None:
    world = shared_world
    context, ally, staff = world.context, world.users["ally"], world.users["staff"]
    ident = _decision(world)
    with pytest.raises(Forbidden):  # partners do not take part
        decisions.break_silence(context, world.users["GEO"], ident, "no", expected_version=1)
    with pytest.raises(Forbidden):  # staff circulate, they do not break silence
        decisions.break_silence(context, staff, ident, "no", expected_version=1)
    moved_clock.now = NOW + _dt.timedelta(days=3)  # exactly the deadline
    with pytest.raises(SilenceClosed):
        decisions.break_silence(context, ally, ident, "too late", expected_version=1)
    detail = decisions.get_decision(context, staff, ident)
    assert detail.decision.state == "adopted"
    assert [(s.kind, s.at) for s in detail.steps] == [
        ("circulated", NOW), ("adopted", NOW + _dt.timedelta(days=3)),
    ]  # fmt: skip
    assert decisions.settle(context) == 0  # adopted once, recorded once


def test_a_deadline_must_be_ahead(shared_world: World) -> None:
    world = shared_world
    from allied.cooperation.errors import InvalidInput

    with pytest.raises(InvalidInput):
        decisions.propose(
            world.context, world.users["staff"],
            {"subject": "x", "title": "y", "deadline": (NOW - _dt.timedelta(hours=1)).isoformat()},
        )  # fmt: skip
