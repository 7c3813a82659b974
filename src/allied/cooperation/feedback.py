"""Feedback reports: a nation's rating and comments on an activity it took part in.

A partner sends feedback on a held or reported activity its nation was
registered for; staff and Allies read every report, a partner only its own.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa

from allied.answer import Answer, Listing
from allied.cooperation import audit
from allied.cooperation.activities import _fetch, activity_of
from allied.cooperation.context import Context
from allied.cooperation.errors import Forbidden, InvalidInput
from allied.cooperation.principal import Principal
from allied.cooperation.registrations import REGISTRATIONS
from allied.cooperation.transactions import reading, writing
from allied.store.coop_tables import CoopFeedbackRow, table_of

FEEDBACK = table_of(CoopFeedbackRow)


@dataclass(frozen=True)
class Feedback(Answer):
    """One feedback report."""

    id: int
    activity_id: int
    nation: str
    rating: int
    text: str
    created: _dt.datetime

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "activity_id",
        "nation",
        "rating",
        "text",
        "created",
    )


@dataclass(frozen=True)
class FeedbackList(Listing):
    """A page of feedback reports."""

    COLUMNS: ClassVar[tuple[str, ...]] = Feedback.COLUMNS


def feedback_of(row: Any) -> Feedback:
    """A feedback report from its table row."""
    return Feedback(*(row._mapping[name] for name in Feedback.COLUMNS))


def scope(principal: Principal) -> sa.ColumnElement[bool]:
    """The SQL condition selecting the reports `principal` may read."""
    if principal.reads_all:
        return sa.true()
    if principal.is_partner and principal.nation is not None:
        return sa.and_(FEEDBACK.c.nation == principal.nation)
    return sa.false()


def list_feedback(
    context: Context,
    principal: Principal,
    *,
    activity_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> FeedbackList:
    """The visible feedback reports, newest first."""
    where = [scope(principal)]
    if activity_id is not None:
        where.append(FEEDBACK.c.activity_id == activity_id)
    with reading(context.engine) as connection:
        total = connection.execute(
            sa.select(sa.func.count()).select_from(FEEDBACK).where(*where)
        ).scalar_one()
        rows = connection.execute(
            sa.select(FEEDBACK)
            .where(*where)
            .order_by(FEEDBACK.c.created.desc(), FEEDBACK.c.id.desc())
            .offset(offset)
            .limit(limit)
        ).all()
    following = offset + limit if offset + limit < total else None
    return FeedbackList(total, offset, limit, following, tuple(map(feedback_of, rows)))


def send_feedback(
    context: Context, principal: Principal, activity_id: int, fields: dict[str, Any]
) -> Feedback:
    """Send a partner's feedback on a held or reported activity its nation took part in."""
    if not principal.is_partner or principal.nation is None:
        raise Forbidden("feedback comes from a partner mission")
    try:
        rating = int(fields.get("rating"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidInput("rating must be a whole number from 1 to 5") from None
    if not 1 <= rating <= 5:
        raise InvalidInput("rating must be a whole number from 1 to 5")
    text = str(fields.get("text") or "").strip()
    if not text or len(text) > 4000:
        raise InvalidInput("text is required, at most 4000 characters")
    with writing(context.engine) as connection:
        activity = activity_of(_fetch(connection, context, principal, activity_id))
        if activity.state not in ("held", "reported"):
            raise InvalidInput(f"activity {activity_id} is {activity.state}: not held yet")
        took_part = connection.execute(
            sa.select(REGISTRATIONS.c.id).where(
                REGISTRATIONS.c.activity_id == activity_id,
                REGISTRATIONS.c.nation == principal.nation,
            )
        ).first()
        if took_part is None:
            raise InvalidInput(f"{principal.nation} was not registered for activity {activity_id}")
        values = {
            "activity_id": activity_id,
            "nation": principal.nation,
            "rating": rating,
            "text": text,
            "created": context.now(),
        }
        ident = connection.execute(
            sa.insert(FEEDBACK).values(values).returning(FEEDBACK.c.id)
        ).scalar_one()
        created = Feedback(ident, **values)  # type: ignore[arg-type]
        audit.record(connection, principal, "create", "feedback", ident, after=created.document())
    return created
