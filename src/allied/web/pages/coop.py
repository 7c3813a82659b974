"""The cooperation pages under `/coop`: login, dashboard, catalogue, programmes, DCB, decisions.

Each page asks the same service function as its JSON twin under
`/api/v1/coop`, with the logged-in user as the caller: what a page shows is
scoped in the service layer, never in the template. A visitor without a
session is sent to the login page. Each page is built by a `*_view` function,
so a form that fails (see `coop_forms`) shows the same page again with its
message. The forms live in `allied.web.pages.coop_forms`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from allied.cooperation import activities, decisions, packages, programmes, registrations
from allied.cooperation.areas import areas
from allied.cooperation.eligibility import OPEN_TO
from allied.cooperation.errors import Forbidden, Unauthenticated
from allied.cooperation.principal import Principal
from allied.cooperation.users import login as check_login
from allied.web import charts
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


@dataclass
class View:
    """A page to render: its template, what it shows, and its JSON twin."""

    template: str
    shown: dict[str, Any]
    twin: str
    status: int = 200
    extra: dict[str, Any] = field(default_factory=dict)


def show(request: Request, view: View) -> Response:
    """Render a view, private to its caller."""
    response = page(request, view.template, view.shown, twin=view.twin)
    response.status_code = view.status
    response.headers.update(PRIVATE)
    return response


def who_is(request: Request) -> Principal | RedirectResponse:
    """The logged-in user, or a redirect to the login page that comes back here."""
    found = optional_principal(request)
    if found is None:
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return RedirectResponse(f"/coop/login?next={target}", status_code=303)
    if found.role == "public":
        raise Forbidden("the public sees the registry only")
    return found


def _base(request: Request, who: Principal) -> dict[str, Any]:
    return {"who": who, "csrf": csrf_token(request), "form_error": None}


def _area_names() -> dict[str, str]:
    return {a.slug: a.name for a in areas()}


@router.get("/coop/login")
def login_page(request: Request, next: str = "/coop") -> Response:
    coop_context(request)
    context = {"csrf": csrf_token(request), "next": _safe_next(next), "error": None, "who": None}
    return show(request, View("coop_login.html", context, "/api/v1/coop/me"))


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
        return show(request, View("coop_login.html", shown, "/api/v1/coop/me", status=401))
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
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    context = coop_context(request)
    shown = _base(request, who)
    if who.is_partner:
        cells = registrations.participation(context, who).cells
        names = _area_names()
        shown["years"] = sorted({c.year for c in cells})[-12:]
        shown["areas"] = sorted({c.area for c in cells}, key=lambda a: names.get(a, a))
        shown["area_names"] = names
        shown["grid"] = {(c.year, c.area): c.participants for c in cells}
        shown["chart"] = charts.participation_by_area(
            [{"year": c.year, "area": names.get(c.area, c.area), "count": c.participants}
             for c in cells]
        )  # fmt: skip
        shown["programmes"] = programmes.list_programmes(context, who, limit=10).items
        latest = registrations.list_registrations(context, who, limit=10)
        shown["registrations"] = latest
        shown["titles"] = activities.titles(context, who, [r.activity_id for r in latest.items])
    if who.reads_all:
        shown["pending"] = decisions.list_decisions(context, who, state="silence", limit=20)
    shown["packages"] = packages.list_packages(context, who, limit=20).items
    shown["now"] = context.now()
    return show(request, View("coop_home.html", shown, "/api/v1/coop/participation"))


def catalogue_view(
    request: Request, who: Principal, filters: dict[str, Any], *, offset: int = 0
) -> View:
    """The catalogue page, with `filters` (area, from, to, open_to, state, kind)."""
    found = activities.list_activities(
        coop_context(request),
        who,
        area=filters.get("area"),
        start=filters.get("from"),
        end=filters.get("to"),
        open_to=filters.get("open_to"),
        state=filters.get("state"),
        kind=filters.get("kind"),
        offset=offset,
        limit=50,
        facets=True,
    )
    shown = _base(request, who) | {
        "found": found,
        "filters": filters,
        "areas": _area_names(),
        "kinds": activities.KINDS,
        "audiences": OPEN_TO,
        "with_query": with_query,
    }
    twin = with_query("/api/v1/coop/activities", filters | {"facets": "true"})
    return View("coop_activities.html", shown, twin)


NO_FILTERS = dict.fromkeys(("area", "from", "to", "open_to", "state", "kind"))


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
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    filters = NO_FILTERS | {
        "area": area,
        "from": from_,
        "to": to,
        "open_to": open_to,
        "state": state,
        "kind": kind,
    }
    return show(request, catalogue_view(request, who, filters, offset=offset))


def activity_view(request: Request, who: Principal, ident: int) -> View:
    """One activity: its facts, who is eligible, its next steps and the caller's registrations."""
    context = coop_context(request)
    detail = activities.get_activity(context, who, ident)
    mine = registrations.list_registrations(context, who, activity_id=ident, limit=200)
    shown = _base(request, who) | {"detail": detail, "registrations": mine}
    return View("coop_activity.html", shown, f"/api/v1/coop/activities/{ident}")


@router.get("/coop/activities/{ident}")
def activity_page(request: Request, ident: int) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    return show(request, activity_view(request, who, ident))


def programmes_view(request: Request, who: Principal, *, offset: int = 0) -> View:
    """The programmes the caller may see (and, for staff, the form to add one)."""
    found = programmes.list_programmes(coop_context(request), who, offset=offset, limit=100)
    shown = _base(request, who) | {"found": found, "documents": programmes.DOCUMENTS}
    return View("coop_programmes.html", shown, "/api/v1/coop/programmes")


@router.get("/coop/programmes")
def programmes_page(
    request: Request, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0
) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    return show(request, programmes_view(request, who, offset=offset))


@router.get("/coop/programmes/{ident}")
def programme_page(request: Request, ident: int) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    tree = programmes.get_programme(coop_context(request), who, ident)
    shown = _base(request, who) | {"tree": tree}
    return show(request, View("coop_programme.html", shown, f"/api/v1/coop/programmes/{ident}"))


def packages_view(request: Request, who: Principal) -> View:
    """The DCB packages the caller may see (and, for staff, the form to record one)."""
    found = packages.list_packages(coop_context(request), who, limit=200)
    shown = _base(request, who) | {"found": found, "areas": _area_names()}
    return View("coop_packages.html", shown, "/api/v1/coop/packages")


@router.get("/coop/packages")
def packages_page(request: Request) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    return show(request, packages_view(request, who))


def package_view(request: Request, who: Principal, ident: int) -> View:
    """One package: measures, supporters, revisions (and, for staff, the revision form)."""
    detail = packages.get_package(coop_context(request), who, ident)
    shown = _base(request, who) | {"detail": detail, "areas": _area_names()}
    return View("coop_package.html", shown, f"/api/v1/coop/packages/{ident}")


@router.get("/coop/packages/{ident}")
def package_page(request: Request, ident: int) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    return show(request, package_view(request, who, ident))


def decisions_view(request: Request, who: Principal) -> View:
    """Decisions under silence and settled (and, for staff, the form to circulate one)."""
    context = coop_context(request)
    found = decisions.list_decisions(context, who, limit=100)
    now = context.now()
    shown = _base(request, who) | {
        "found": found,
        "now": now,
        "latest": now + decisions.LONGEST,
    }
    return View("coop_decisions.html", shown, "/api/v1/coop/decisions")


@router.get("/coop/decisions")
def decisions_page(request: Request) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    return show(request, decisions_view(request, who))


def decision_view(request: Request, who: Principal, ident: int) -> View:
    """One decision, every step, and (for an Ally under silence) the form to break it."""
    context = coop_context(request)
    detail = decisions.get_decision(context, who, ident)
    shown = _base(request, who) | {"detail": detail, "now": context.now()}
    return View("coop_decision.html", shown, f"/api/v1/coop/decisions/{ident}")


@router.get("/coop/decisions/{ident}")
def decision_page(request: Request, ident: int) -> Response:
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    return show(request, decision_view(request, who, ident))
