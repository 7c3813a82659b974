"""Decisions by consensus under the silence procedure: nobody votes.

Staff circulate a proposal (approve a programme, a package, an exception)
with a deadline. Until the deadline any Ally may break silence, giving a
reason: the proposal is then `broken` and goes back to discussion. If nobody
has broken silence when the deadline comes, it is `adopted` at the deadline.
A break at or after the deadline is refused. Every step (circulated, broken,
adopted) is a row of its own and an audit entry.

Adoption needs no one to act: every call here first settles the decisions
whose deadline has passed, in a write transaction of its own, recording the
adoption at the deadline itself. Staff and Allies read decisions; partners
and the public do not take part in the Council's procedure.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from allied.answer import Answer, Listing
from allied.cooperation import audit
from allied.cooperation.context import Context
from allied.cooperation.eligibility import is_ally
from allied.cooperation.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    SilenceClosed,
    StaleVersion,
)
from allied.cooperation.principal import SYSTEM, Principal
from allied.cooperation.transactions import reading, writing
from allied.store.coop_tables import CoopDecisionRow, CoopDecisionStepRow, table_of

DECISIONS = table_of(CoopDecisionRow)
STEPS = table_of(CoopDecisionStepRow)
STATES = ("silence", "broken", "adopted")
#: The longest silence period accepted.
LONGEST = _dt.timedelta(days=60)


@dataclass(frozen=True)
class Decision(Answer):
    """A proposal under the silence procedure."""

    id: int
    subject: str
    title: str
    circulated: _dt.datetime
    deadline: _dt.datetime
    state: str
    synthetic: bool
    version: int

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "subject",
        "title",
        "circulated",
        "deadline",
        "state",
        "synthetic",
        "version",
    )


@dataclass(frozen=True)
class DecisionList(Listing):
    """A page of decisions."""

    COLUMNS: ClassVar[tuple[str, ...]] = Decision.COLUMNS


@dataclass(frozen=True)
class Step:
    """One recorded step: `circulated`, `silence-broken` (nation, reason) or `adopted`."""

    at: _dt.datetime
    kind: str
    nation: str | None
    reason: str


@dataclass(frozen=True)
class DecisionDetail(Answer):
    """A decision and every step of its procedure."""

    decision: Decision
    steps: tuple[Step, ...]


def decision_of(row: Any) -> Decision:
    """A decision from its table row."""
    return Decision(*(row._mapping[name] for name in Decision.COLUMNS))


def _readers_only(principal: Principal) -> None:
    if not principal.reads_all:
        raise Forbidden("decisions under silence are the Council's: staff and Allies only")


def settle(context: Context) -> int:
    """Adopt, at their deadline, the decisions whose silence was not broken; return how many."""
    now = context.now()
    with reading(context.engine) as connection:
        due = connection.execute(
            sa.select(sa.func.count())
            .select_from(DECISIONS)
            .where(DECISIONS.c.state == "silence", DECISIONS.c.deadline <= now)
        ).scalar_one()
    if not due:
        return 0
    with writing(context.engine) as connection:
        return _adopt_due(connection, now)


def _adopt_due(connection: Connection, now: _dt.datetime) -> int:
    rows = connection.execute(
        sa.select(DECISIONS)
        .where(DECISIONS.c.state == "silence", DECISIONS.c.deadline <= now)
        .order_by(DECISIONS.c.deadline, DECISIONS.c.id)
    ).all()
    for row in rows:
        before = decision_of(row)
        connection.execute(
            sa.update(DECISIONS)
            .where(DECISIONS.c.id == before.id)
            .values(state="adopted", version=DECISIONS.c.version + 1)
        )
        connection.execute(
            sa.insert(STEPS).values(
                decision_id=before.id,
                at=before.deadline,
                kind="adopted",
                nation=None,
                user_id=None,
                reason="no Ally broke silence before the deadline",
            )
        )
        audit.record(
            connection,
            SYSTEM,
            "adopt",
            "decision",
            before.id,
            before=before.document(),
            after={"state": "adopted"},
            at=before.deadline,
        )
    return len(rows)


def list_decisions(
    context: Context,
    principal: Principal,
    *,
    state: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> DecisionList:
    """Decisions, those under silence first by deadline, then the rest newest first."""
    _readers_only(principal)
    if state is not None and state not in STATES:
        raise InvalidInput(f"state must be one of {', '.join(STATES)}, not {state!r}")
    settle(context)
    where = [DECISIONS.c.state == state] if state else []
    with reading(context.engine) as connection:
        total = connection.execute(
            sa.select(sa.func.count()).select_from(DECISIONS).where(*where)
        ).scalar_one()
        rows = connection.execute(
            sa.select(DECISIONS)
            .where(*where)
            .order_by(
                DECISIONS.c.state != "silence",
                sa.case((DECISIONS.c.state == "silence", DECISIONS.c.deadline)),
                DECISIONS.c.deadline.desc(),
                DECISIONS.c.id,
            )
            .offset(offset)
            .limit(limit)
        ).all()
    following = offset + limit if offset + limit < total else None
    return DecisionList(total, offset, limit, following, tuple(map(decision_of, rows)))


def get_decision(context: Context, principal: Principal, ident: int) -> DecisionDetail:
    """One decision with its steps."""
    _readers_only(principal)
    settle(context)
    with reading(context.engine) as connection:
        row = connection.execute(sa.select(DECISIONS).where(DECISIONS.c.id == ident)).first()
        if row is None:
            raise NotFound("decision", ident)
        steps = connection.execute(
            sa.select(STEPS.c.at, STEPS.c.kind, STEPS.c.nation, STEPS.c.reason)
            .where(STEPS.c.decision_id == ident)
            .order_by(STEPS.c.at, STEPS.c.id)
        ).all()
    return DecisionDetail(decision_of(row), tuple(Step(*s) for s in steps))


def propose(context: Context, principal: Principal, fields: dict[str, Any]) -> DecisionDetail:
    """Circulate a proposal under silence until `deadline` (staff)."""
    if not principal.is_staff:
        raise Forbidden("staff circulate proposals under the silence procedure")
    subject = str(fields.get("subject") or "").strip()
    title = str(fields.get("title") or "").strip()
    if not subject or not title:
        raise InvalidInput("subject (e.g. programme:12) and title are required")
    try:
        deadline = _dt.datetime.fromisoformat(str(fields.get("deadline")))
    except ValueError:
        raise InvalidInput("deadline must be an ISO date and time in UTC") from None
    if deadline.tzinfo is not None:
        deadline = deadline.astimezone(_dt.UTC).replace(tzinfo=None)
    now = context.now()
    if not now < deadline <= now + LONGEST:
        raise InvalidInput(f"the deadline must be in the next {LONGEST.days} days")
    with writing(context.engine) as connection:
        ident = connection.execute(
            sa.insert(DECISIONS)
            .values(
                subject=subject[:200],
                title=title[:300],
                proposed_by=principal.user_id,
                circulated=now,
                deadline=deadline,
                state="silence",
                synthetic=False,
                version=1,
            )
            .returning(DECISIONS.c.id)
        ).scalar_one()
        connection.execute(
            sa.insert(STEPS).values(
                decision_id=ident,
                at=now,
                kind="circulated",
                nation=None,
                user_id=principal.user_id,
                reason="",
            )
        )
        audit.record(
            connection,
            principal,
            "circulate",
            "decision",
            ident,
            after={"subject": subject, "title": title, "deadline": deadline},
            at=now,
        )
    return get_decision(context, principal, ident)


def break_silence(
    context: Context,
    principal: Principal,
    ident: int,
    reason: str,
    *,
    expected_version: int,
) -> DecisionDetail:
    """Break silence on a decision as an Ally, with a reason, before its deadline."""
    if principal.role != "ally" or principal.nation is None:
        raise Forbidden("only an Ally breaks silence")
    reason = reason.strip()
    if not reason:
        raise InvalidInput("breaking silence needs a reason")
    now = context.now()
    if not is_ally(context.registry, principal.nation, now.date()):
        raise Forbidden(f"{principal.nation} is not an Ally on {now.date()}")
    settle(context)
    with writing(context.engine) as connection:
        row = connection.execute(sa.select(DECISIONS).where(DECISIONS.c.id == ident)).first()
        if row is None:
            raise NotFound("decision", ident)
        before = decision_of(row)
        if before.state == "broken":
            raise SilenceClosed(f"silence on decision {ident} is already broken")
        if before.state != "silence" or now >= before.deadline:
            raise SilenceClosed(
                f"decision {ident} is {before.state}: "
                f"silence ended at its deadline, {before.deadline:%Y-%m-%d %H:%M} UTC"
            )
        if before.version != expected_version:
            raise StaleVersion(f"decision {ident} is at version {before.version}")
        done = connection.execute(
            sa.update(DECISIONS)
            .where(DECISIONS.c.id == ident, DECISIONS.c.version == expected_version)
            .values(state="broken", version=DECISIONS.c.version + 1)
        )
        if done.rowcount != 1:
            raise StaleVersion(f"decision {ident} changed meanwhile")
        connection.execute(
            sa.insert(STEPS).values(
                decision_id=ident,
                at=now,
                kind="silence-broken",
                nation=principal.nation,
                user_id=principal.user_id,
                reason=reason[:2000],
            )
        )
        audit.record(
            connection,
            principal,
            "break-silence",
            "decision",
            ident,
            before=before.document(),
            after={"state": "broken", "reason": reason},
            at=now,
        )
    return get_decision(context, principal, ident)
