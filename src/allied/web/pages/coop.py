"""The cooperation pages under `/coop`: login, dashboard, catalogue, programmes, DCB, decisions.

Each page asks the same service function as its JSON twin under
`/api/v1/coop`, with the logged-in user as the caller: what a page shows is
scoped in the service layer, never in the template. A visitor without a
session is sent to the login page. Forms carry the session's CSRF token and,
for a write to an existing object, the version it was read at (412 if stale).
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from allied.cooperation import activities, decisions, packages, programmes, registrations
from allied.cooperation.areas import areas
from allied.cooperation.errors import Forbidden, Unauthenticated
from allied.cooperation.principal import Principal
from allied.cooperation.users import login as check_login
from allied.web.api.coop_http import PRIVATE
from allied.web.auth import (
    SESSION_CSRF,
    SESSION_USER,
    check_csrf,
    coop_context,
    csrf_token,
    optional_principal,
)
from allied.web.responses import page
from allied.web.templating import with_query

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form(max_length=4000)]


def _render(request: Request, template: str, context: dict[str, Any], *, twin: str) -> Response:
    response = page(request, template, context, twin=twin)
    response.headers.update(PRIVATE)
    return response


def _who(request: Request) -> Principal | RedirectResponse:
    """The logged-in user, or a redirect to the login page that comes back here."""
    found = optional_principal(request)
    if found is None:
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return RedirectResponse(f"/coop/login?next={target}", status_code=303)
    if found.role == "public":
        raise Forbidden("the public sees the registry only")
    return found


def _base(request: Request, who: Principal) -> dict[str, Any]:
    return {"who": who, "csrf": csrf_token(request)}


@router.get("/coop/login")
def login_page(request: Request, next: str = "/coop") -> Response:
    coop_context(request)
    context = {"csrf": csrf_token(request), "next": _safe_next(next), "error": None, "who": None}
    return _render(request, "coop_login.html", context, twin="/api/v1/coop/me")


def _safe_next(target: str) -> str:
    """Only a path on this site (no scheme, no `//host`), so login cannot redirect away."""
    return target if target.startswith("/") and not target.startswith("//") else "/coop"


@router.post("/coop/login")
def login_submit(
    request: Request,
    email: FormText,
    password: FormText,
    csrf: FormText = "",
    next: FormText = "/coop",
) -> Response:
    context = coop_context(request)
    check_csrf(request, csrf)
    client = request.client.host if request.client else "unknown"
    try:
        who = check_login(
            context.engine, request.app.state.login_throttle, email, password, client=client
        )
    except Unauthenticated as error:
        shown = {
            "csrf": csrf_token(request),
            "next": _safe_next(next),
            "error": str(error),
            "who": None,
            "email": email,
        }
        response = page(request, "coop_login.html", shown, twin="/api/v1/coop/me")
        response.status_code = 401
        response.headers.update(PRIVATE)
        return response
    request.session.clear()  # a fresh session (and CSRF token) at each login
    request.session[SESSION_USER] = who.user_id
    request.session[SESSION_CSRF] = csrf_token(request)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/coop/logout")
def logout(request: Request, csrf: FormText = "") -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/coop/login", status_code=303)


@router.get("/coop")
def dashboard(request: Request) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    context = coop_context(request)
    shown = _base(request, who)
    if who.is_partner:
        cells = registrations.participation(context, who).cells
        shown["years"] = sorted({c.year for c in cells})[-12:]
        shown["areas"] = sorted({c.area for c in cells})
        shown["grid"] = {(c.year, c.area): c.participants for c in cells}
        shown["programmes"] = programmes.list_programmes(context, who, limit=10).items
        shown["registrations"] = registrations.list_registrations(context, who, limit=10)
    if who.reads_all:
        shown["pending"] = decisions.list_decisions(context, who, state="silence", limit=20)
    shown["packages"] = packages.list_packages(context, who, limit=20).items
    shown["now"] = context.now()
    return _render(request, "coop_home.html", shown, twin="/api/v1/coop/participation")


@router.get("/coop/activities")
def catalogue(
    request: Request,
    area: str | None = None,
    from_: Annotated[_dt.date | None, Query(alias="from")] = None,
    to: _dt.date | None = None,
    open_to: str | None = None,
    state: str | None = None,
    kind: str | None = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    filters = {
        "area": area,
        "from": from_,
        "to": to,
        "open_to": open_to,
        "state": state,
        "kind": kind,
    }
    found = activities.list_activities(
        coop_context(request),
        who,
        area=area,
        start=from_,
        end=to,
        open_to=open_to,
        state=state,
        kind=kind,
        offset=offset,
        limit=50,
        facets=True,
    )
    shown = _base(request, who) | {
        "found": found,
        "filters": filters,
        "areas": {a.slug: a.name for a in areas()},
        "with_query": with_query,
    }
    twin = with_query("/api/v1/coop/activities", filters | {"facets": "true"})
    return _render(request, "coop_activities.html", shown, twin=twin)


@router.get("/coop/activities/{ident}")
def activity_page(request: Request, ident: int) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    context = coop_context(request)
    detail = activities.get_activity(context, who, ident)
    mine = registrations.list_registrations(context, who, activity_id=ident, limit=200)
    shown = _base(request, who) | {"detail": detail, "registrations": mine}
    return _render(request, "coop_activity.html", shown, twin=f"/api/v1/coop/activities/{ident}")


@router.post("/coop/activities/{ident}/register")
def register_form(
    request: Request,
    ident: int,
    participants: FormText,
    csrf: FormText = "",
    contact_name: FormText = "",
    contact_role: FormText = "",
    nation: FormText = "",
) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    check_csrf(request, csrf)
    fields = {
        "participants": participants,
        "contact_name": contact_name,
        "contact_role": contact_role,
        "nation": nation,
    }
    registrations.register(coop_context(request), who, ident, fields)
    return RedirectResponse(f"/coop/activities/{ident}", status_code=303)


@router.post("/coop/activities/{ident}/transition")
def transition_form(
    request: Request, ident: int, state: FormText, version: FormText, csrf: FormText = ""
) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    check_csrf(request, csrf)
    activities.transition(
        coop_context(request), who, ident, state, expected_version=_version(version)
    )
    return RedirectResponse(f"/coop/activities/{ident}", status_code=303)


def _version(text: str) -> int:
    from allied.cooperation.errors import InvalidInput

    if not text.isdigit():
        raise InvalidInput("the form lacks the version it was read at: reload the page")
    return int(text)


@router.get("/coop/programmes")
def programmes_page(request: Request, offset: int = 0) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    found = programmes.list_programmes(coop_context(request), who, offset=offset, limit=100)
    shown = _base(request, who) | {"found": found}
    return _render(request, "coop_programmes.html", shown, twin="/api/v1/coop/programmes")


@router.get("/coop/programmes/{ident}")
def programme_page(request: Request, ident: int) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    tree = programmes.get_programme(coop_context(request), who, ident)
    shown = _base(request, who) | {"tree": tree}
    return _render(request, "coop_programme.html", shown, twin=f"/api/v1/coop/programmes/{ident}")


@router.get("/coop/packages")
def packages_page(request: Request) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    found = packages.list_packages(coop_context(request), who, limit=200)
    shown = _base(request, who) | {"found": found}
    return _render(request, "coop_packages.html", shown, twin="/api/v1/coop/packages")


@router.get("/coop/packages/{ident}")
def package_page(request: Request, ident: int) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    detail = packages.get_package(coop_context(request), who, ident)
    shown = _base(request, who) | {"detail": detail, "areas": {a.slug: a.name for a in areas()}}
    return _render(request, "coop_package.html", shown, twin=f"/api/v1/coop/packages/{ident}")


@router.get("/coop/decisions")
def decisions_page(request: Request) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    context = coop_context(request)
    found = decisions.list_decisions(context, who, limit=100)
    shown = _base(request, who) | {"found": found, "now": context.now()}
    return _render(request, "coop_decisions.html", shown, twin="/api/v1/coop/decisions")


@router.get("/coop/decisions/{ident}")
def decision_page(request: Request, ident: int) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    context = coop_context(request)
    detail = decisions.get_decision(context, who, ident)
    shown = _base(request, who) | {"detail": detail, "now": context.now()}
    return _render(request, "coop_decision.html", shown, twin=f"/api/v1/coop/decisions/{ident}")


@router.post("/coop/decisions/{ident}/break-silence")
def break_form(
    request: Request, ident: int, reason: FormText, version: FormText, csrf: FormText = ""
) -> Response:
    who = _who(request)
    if isinstance(who, RedirectResponse):
        return who
    check_csrf(request, csrf)
    decisions.break_silence(
        coop_context(request), who, ident, reason, expected_version=_version(version)
    )
    return RedirectResponse(f"/coop/decisions/{ident}", status_code=303)
