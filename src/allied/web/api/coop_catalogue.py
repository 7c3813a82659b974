"""`/coop/areas`, `/coop/activities`, registrations, feedback, participation and calendars."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query
from starlette.responses import Response

from allied.cooperation import activities, calendar, feedback, registrations
from allied.cooperation.areas import areas
from allied.web.api.coop_http import PRIVATE, IfMatch, expected_version, private
from allied.web.auth import ContextDep, PrincipalDep
from allied.web.deps import FormatQuery

router = APIRouter(tags=["cooperation"])
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Payload = Annotated[dict[str, Any], Body()]


@router.get("/coop/areas", summary="The cooperation areas and their sources")
def list_areas(principal: PrincipalDep) -> Response:
    """Every area with the id of the registry source that names it."""
    from allied.answer import Listing

    found = [{"slug": a.slug, "name": a.name, "source": a.source} for a in areas()]
    return private(Listing.of(found))


@router.get("/coop/activities", summary="The catalogue: activities visible to the caller")
def list_activities(
    context: ContextDep,
    principal: PrincipalDep,
    area: str | None = None,
    from_: Annotated[_dt.date | None, Query(alias="from")] = None,
    to: _dt.date | None = None,
    open_to: str | None = None,
    state: str | None = None,
    kind: str | None = None,
    facets: bool = False,
    offset: Offset = 0,
    limit: Limit = 100,
    format: FormatQuery = "json",
) -> Response:
    """Activities starting between `from` and `to`, by area, audience, state and kind."""
    answer = activities.list_activities(
        context,
        principal,
        area=area,
        start=from_,
        end=to,
        open_to=open_to,
        state=state,
        kind=kind,
        offset=offset,
        limit=limit,
        facets=facets,
    )
    return private(answer, format)


@router.post("/coop/activities", status_code=201, summary="Propose an activity")
def create_activity(context: ContextDep, principal: PrincipalDep, body: Payload) -> Response:
    """Staff, or an Ally hosting it; the activity starts `proposed`."""
    created = activities.create_activity(context, principal, body)
    return private(created, version=created.version, status=201)


@router.get("/coop/activities/{ident}", summary="One activity and who is eligible")
def get_activity(ident: int, context: ContextDep, principal: PrincipalDep) -> Response:
    """The activity, the partners eligible on its start date, and the next steps allowed."""
    detail = activities.get_activity(context, principal, ident)
    return private(detail, version=detail.activity.version)


@router.post("/coop/activities/{ident}/transition", summary="Move an activity along its lifecycle")
def transition(
    ident: int,
    context: ContextDep,
    principal: PrincipalDep,
    body: Payload,
    if_match: IfMatch = None,
) -> Response:
    """`{"state": "approved"}` with `If-Match`; 409 for a step the lifecycle forbids."""
    version = expected_version(if_match)
    moved = activities.transition(
        context, principal, ident, str(body.get("state")), expected_version=version
    )
    return private(moved, version=moved.version)


@router.post(
    "/coop/activities/{ident}/registrations", status_code=201, summary="Register participants"
)
def register(ident: int, context: ContextDep, principal: PrincipalDep, body: Payload) -> Response:
    """A partner registers its nation; staff name the nation."""
    created = registrations.register(context, principal, ident, body)
    return private(created, version=created.version, status=201)


@router.post("/coop/activities/{ident}/feedback", status_code=201, summary="Send feedback")
def send_feedback(
    ident: int, context: ContextDep, principal: PrincipalDep, body: Payload
) -> Response:
    """A partner's rating (1-5) and text on a held activity it took part in."""
    return private(feedback.send_feedback(context, principal, ident, body), status=201)


@router.get("/coop/registrations", summary="Registrations visible to the caller")
def list_registrations(
    context: ContextDep,
    principal: PrincipalDep,
    activity: int | None = None,
    nation: str | None = None,
    offset: Offset = 0,
    limit: Limit = 100,
    format: FormatQuery = "json",
) -> Response:
    """A partner sees its own nation's only."""
    answer = registrations.list_registrations(
        context, principal, activity_id=activity, nation=nation, offset=offset, limit=limit
    )
    return private(answer, format)


@router.get("/coop/registrations/{ident}", summary="One registration")
def get_registration(ident: int, context: ContextDep, principal: PrincipalDep) -> Response:
    """404 for a missing one and another nation's alike."""
    found = registrations.get_registration(context, principal, ident)
    return private(found, version=found.version)


@router.patch("/coop/registrations/{ident}", summary="Change a registration")
def update_registration(
    ident: int,
    context: ContextDep,
    principal: PrincipalDep,
    body: Payload,
    if_match: IfMatch = None,
) -> Response:
    """Participants or contact, with `If-Match`; 412 when someone changed it first."""
    version = expected_version(if_match)
    changed = registrations.update_registration(
        context, principal, ident, body, expected_version=version
    )
    return private(changed, version=changed.version)


@router.get("/coop/feedback", summary="Feedback reports visible to the caller")
def list_feedback(
    context: ContextDep,
    principal: PrincipalDep,
    activity: int | None = None,
    offset: Offset = 0,
    limit: Limit = 100,
    format: FormatQuery = "json",
) -> Response:
    """A partner reads its own reports only."""
    answer = feedback.list_feedback(
        context, principal, activity_id=activity, offset=offset, limit=limit
    )
    return private(answer, format)


@router.get("/coop/participation", summary="Participation by area over the years")
def participation(
    context: ContextDep,
    principal: PrincipalDep,
    nation: str | None = None,
    format: FormatQuery = "json",
) -> Response:
    """A partner's dashboard is its own; staff and Allies may name any nation or none."""
    return private(registrations.participation(context, principal, nation=nation), format)


@router.get("/coop/calendar/{nation}", summary="A nation's calendar as iCalendar or CSV")
def export_calendar(
    nation: str,
    context: ContextDep,
    principal: PrincipalDep,
    format: Literal["ics", "csv"] = "ics",
) -> Response:
    """The activities `nation` is registered for; a partner exports only its own."""
    code = nation.upper()
    found = calendar.entries(context, principal, code)
    if format == "ics":
        body = calendar.to_ics(code, found, stamp=context.now())
        media = "text/calendar; charset=utf-8"
    else:
        body, media = calendar.to_csv(found), "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers=PRIVATE)


@router.get("/coop/me", summary="Who the caller is")
def me(principal: PrincipalDep) -> Response:
    """The caller's e-mail, role and nation."""
    import orjson

    body = {"email": principal.email, "role": principal.role, "nation": principal.nation}
    return Response(orjson.dumps(body), media_type="application/json", headers=PRIVATE)
