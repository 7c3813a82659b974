"""Partner programmes: one per partner and cycle, objectives → goals → supporting activities.

The document types follow NATO's succession: an Annual National Programme
(`anp`), an Individual Partnership Programme (`ipp`), an Individual Partnership
and Cooperation Programme (`ipcp`), an Individual Partnership Action Plan
(`ipap`), and since March 2021 the Individually Tailored Partnership
Programme (`itpp`: the Council agreed "One Partner, One Plan" that month, source
`nato-topic-itpp`; `nato-news-2021-colombia` and `nato-japan-itpp-2023` are
ITPPs). An ITPP cycle starting before March 2021 is refused. Staff and Allies
read every programme; a partner only its own.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa

from allied.answer import Answer, Listing
from allied.cooperation import audit
from allied.cooperation.context import Context
from allied.cooperation.errors import Forbidden, InvalidInput, NotFound
from allied.cooperation.principal import Principal
from allied.cooperation.transactions import reading, writing
from allied.store.coop_tables import (
    CoopActivityRow,
    CoopGoalActivityRow,
    CoopGoalRow,
    CoopObjectiveRow,
    CoopProgrammeRow,
    table_of,
)

PROGRAMMES = table_of(CoopProgrammeRow)
OBJECTIVES = table_of(CoopObjectiveRow)
GOALS = table_of(CoopGoalRow)
GOAL_ACTIVITIES = table_of(CoopGoalActivityRow)
ACTIVITIES = table_of(CoopActivityRow)
DOCUMENTS = ("anp", "ipp", "ipcp", "ipap", "itpp")
STATUSES = ("draft", "agreed", "closed")
ITPP_SINCE = _dt.date(2021, 3, 1)


@dataclass(frozen=True)
class Programme(Answer):
    """A partner's programme for one cycle."""

    id: int
    partner: str
    document_type: str
    cycle_start: _dt.date
    cycle_end: _dt.date
    status: str
    synthetic: bool
    version: int

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "partner",
        "document_type",
        "cycle_start",
        "cycle_end",
        "status",
        "synthetic",
        "version",
    )


@dataclass(frozen=True)
class ProgrammeList(Listing):
    """A page of programmes."""

    COLUMNS: ClassVar[tuple[str, ...]] = Programme.COLUMNS


@dataclass(frozen=True)
class LinkedActivity:
    """An activity supporting a goal: enough to list it and link to it."""

    id: int
    title: str
    area: str
    start: _dt.date
    state: str


@dataclass(frozen=True)
class Goal:
    """A partnership goal and the activities supporting it."""

    id: int
    text: str
    activities: tuple[LinkedActivity, ...]


@dataclass(frozen=True)
class Objective:
    """A strategic objective and its goals."""

    id: int
    text: str
    goals: tuple[Goal, ...]


@dataclass(frozen=True)
class ProgrammeTree(Answer):
    """A programme with its objectives → goals → activities."""

    programme: Programme
    objectives: tuple[Objective, ...]


def programme_of(row: Any) -> Programme:
    """A programme from its table row."""
    return Programme(*(row._mapping[name] for name in Programme.COLUMNS))


def scope(principal: Principal) -> sa.ColumnElement[bool]:
    """The SQL condition selecting the programmes `principal` may read."""
    if principal.reads_all:
        return sa.true()
    if principal.is_partner and principal.nation is not None:
        return sa.and_(PROGRAMMES.c.partner == principal.nation)
    return sa.false()


def list_programmes(
    context: Context,
    principal: Principal,
    *,
    partner: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> ProgrammeList:
    """The programmes the caller may read, newest cycle first."""
    where = [scope(principal)]
    if partner is not None:
        where.append(PROGRAMMES.c.partner == partner.upper())
    with reading(context.engine) as connection:
        total = connection.execute(
            sa.select(sa.func.count()).select_from(PROGRAMMES).where(*where)
        ).scalar_one()
        rows = connection.execute(
            sa.select(PROGRAMMES)
            .where(*where)
            .order_by(PROGRAMMES.c.cycle_start.desc(), PROGRAMMES.c.partner, PROGRAMMES.c.id)
            .offset(offset)
            .limit(limit)
        ).all()
    following = offset + limit if offset + limit < total else None
    return ProgrammeList(total, offset, limit, following, tuple(map(programme_of, rows)))


def get_programme(context: Context, principal: Principal, ident: int) -> ProgrammeTree:
    """One programme's tree in three queries; `NotFound` for a missing or another's programme."""
    with reading(context.engine) as connection:
        row = connection.execute(
            sa.select(PROGRAMMES).where(PROGRAMMES.c.id == ident, scope(principal))
        ).first()
        if row is None:
            raise NotFound("programme", ident)
        # The whole tree in one statement: objectives, their goals, the goals' activities.
        rows = connection.execute(
            sa.select(
                OBJECTIVES.c.id, OBJECTIVES.c.text, GOALS.c.id, GOALS.c.text,
                ACTIVITIES.c.id, ACTIVITIES.c.title, ACTIVITIES.c.area, ACTIVITIES.c.start,
                ACTIVITIES.c.state,
            )
            .select_from(
                OBJECTIVES.outerjoin(GOALS, GOALS.c.objective_id == OBJECTIVES.c.id)
                .outerjoin(GOAL_ACTIVITIES, GOAL_ACTIVITIES.c.goal_id == GOALS.c.id)
                .outerjoin(ACTIVITIES, ACTIVITIES.c.id == GOAL_ACTIVITIES.c.activity_id)
            )
            .where(OBJECTIVES.c.programme_id == ident)
            .order_by(OBJECTIVES.c.position, GOALS.c.position, ACTIVITIES.c.start,
                      ACTIVITIES.c.id)
        ).all()  # fmt: skip
    objectives: dict[int, str] = {}
    goals: dict[int, dict[int, str]] = {}
    linked: dict[int, list[LinkedActivity]] = {}
    for objective_id, objective, goal_id, goal, *activity in rows:
        objectives.setdefault(objective_id, objective)
        if goal_id is not None:
            goals.setdefault(objective_id, {}).setdefault(goal_id, goal)
            if activity[0] is not None:
                linked.setdefault(goal_id, []).append(LinkedActivity(*activity))
    tree = tuple(
        Objective(
            objective_id,
            text,
            tuple(
                Goal(goal_id, goal, tuple(linked.get(goal_id, ())))
                for goal_id, goal in goals.get(objective_id, {}).items()
            ),
        )
        for objective_id, text in objectives.items()
    )
    return ProgrammeTree(programme_of(row), tree)


def validate_programme(context: Context, fields: dict[str, Any]) -> dict[str, Any]:
    """Check a new programme's fields; return them typed or raise `InvalidInput`."""
    partner = str(fields.get("partner") or "").upper()
    if context.registry.get_actor(partner) is None:
        raise InvalidInput(f"unknown partner {fields.get('partner')!r}: give a code such as GEO")
    document = fields.get("document_type")
    if document not in DOCUMENTS:
        raise InvalidInput(f"document_type must be one of {', '.join(DOCUMENTS)}, not {document!r}")
    try:
        start = _dt.date.fromisoformat(str(fields.get("cycle_start")))
        end = _dt.date.fromisoformat(str(fields.get("cycle_end")))
    except ValueError as error:
        raise InvalidInput(f"cycle_start and cycle_end must be YYYY-MM-DD: {error}") from None
    if end <= start:
        raise InvalidInput(f"cycle_end ({end}) must be after cycle_start ({start})")
    if document == "itpp" and start < ITPP_SINCE:
        raise InvalidInput(f"ITPPs exist since March 2021; this cycle starts {start}")
    return {"partner": partner, "document_type": document, "cycle_start": start, "cycle_end": end}


def create_programme(
    context: Context, principal: Principal, fields: dict[str, Any]
) -> ProgrammeTree:
    """Create a programme with its objectives and goals (staff only), in one transaction.

    `fields["objectives"]` is a list of `{"text", "goals": [{"text", "activities": [ids]}]}`.
    """
    if not principal.is_staff:
        raise Forbidden("programmes are agreed with NATO staff")
    values = validate_programme(context, fields)
    objectives = fields.get("objectives") or []
    if not _is_tree(objectives):
        raise InvalidInput(
            'objectives must be a list of {"text", "goals": [{"text", "activities": [ids]}]}'
        )
    with writing(context.engine) as connection:
        ident = connection.execute(
            sa.insert(PROGRAMMES)
            .values(**values, status="draft", synthetic=False, version=1)
            .returning(PROGRAMMES.c.id)
        ).scalar_one()
        for position, objective in enumerate(objectives, 1):
            objective_id = connection.execute(
                sa.insert(OBJECTIVES)
                .values(programme_id=ident, position=position, text=_text(objective))
                .returning(OBJECTIVES.c.id)
            ).scalar_one()
            for goal_position, goal in enumerate(objective.get("goals") or [], 1):
                goal_id = connection.execute(
                    sa.insert(GOALS)
                    .values(objective_id=objective_id, position=goal_position, text=_text(goal))
                    .returning(GOALS.c.id)
                ).scalar_one()
                linked = [int(a) for a in goal.get("activities") or []]
                known = set(
                    connection.execute(
                        sa.select(ACTIVITIES.c.id).where(ACTIVITIES.c.id.in_(linked))
                    ).scalars()
                )
                if set(linked) - known:
                    raise InvalidInput(f"no activity {sorted(set(linked) - known)[0]}")
                if linked:
                    connection.execute(
                        sa.insert(GOAL_ACTIVITIES),
                        [{"goal_id": goal_id, "activity_id": a} for a in sorted(set(linked))],
                    )
        audit.record(connection, principal, "create", "programme", ident, after=fields)
    return get_programme(context, principal, ident)


def _is_tree(objectives: Any) -> bool:
    """Whether `objectives` has the shape `create_programme` takes."""
    return isinstance(objectives, list) and all(
        isinstance(objective, dict)
        and isinstance(objective.get("goals") or [], list)
        and all(
            isinstance(goal, dict)
            and isinstance(goal.get("activities") or [], list)
            and all(
                isinstance(a, int) and not isinstance(a, bool) and 0 < a < 2**31
                for a in goal.get("activities") or []
            )
            for goal in objective.get("goals") or []
        )
        for objective in objectives
    )


def _text(item: Any) -> str:
    text = str(item.get("text") if isinstance(item, dict) else "").strip()
    if not text:
        raise InvalidInput("every objective and goal needs a text")
    return text[:1000]
