"""The cooperation pages' forms: every write the API offers, from a browser session.

Each form carries the session's CSRF token (checked before anything else) and,
when it changes an existing object, the version the page was read at: a form
filled in on a page that someone has changed since gets 412 and the page again,
as it is now, with a message saying that nothing was saved. Invalid input (422)
and a step the lifecycle refuses (409) answer the same way. Who may write what
is decided by the service functions, as for the API: another nation's object
is a 404, a role's refusal a 403. A successful write redirects to the page it
changed (303).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from allied.cooperation import activities, decisions, feedback, packages, programmes, registrations
from allied.cooperation.errors import (
    InvalidInput,
    InvalidTransition,
    SilenceClosed,
    StaleVersion,
    VersionRequired,
)
from allied.cooperation.principal import Principal
from allied.errors import AlliedError
from allied.web.auth import check_csrf, coop_context
from allied.web.errors import status_of
from allied.web.pages.coop import (
    NO_FILTERS,
    FormText,
    View,
    activity_view,
    catalogue_view,
    decision_view,
    decisions_view,
    package_view,
    packages_view,
    programmes_view,
    show,
    who_is,
)

router = APIRouter(include_in_schema=False)

#: The errors a form answers with its page again; others (403, 404) get the error page.
_SHOWN = (InvalidInput, InvalidTransition, SilenceClosed, StaleVersion, VersionRequired)


def _submit(
    request: Request,
    csrf: str,
    write: Callable[[Principal], Any],
    *,
    done: Callable[[Any], str],
    again: Callable[[Principal], View],
) -> Response:
    """Check the session and CSRF token, `write`, and redirect; or show the page with why not."""
    who = who_is(request)
    if isinstance(who, RedirectResponse):
        return who
    check_csrf(request, csrf)
    try:
        written = write(who)
    except _SHOWN as error:
        view = again(who)
        view.shown["form_error"] = explain(error)
        view.status = status_of(error)
        return show(request, view)
    return RedirectResponse(done(written), status_code=303)


def explain(error: AlliedError) -> str:
    """What a form's author reads when the write was refused."""
    if isinstance(error, StaleVersion):
        return (
            f"Nothing was saved: someone changed this after you opened the page ({error}). "
            "The page below shows it as it is now; check it and submit again."
        )
    return f"Nothing was saved: {error}."


def version_of(text: str) -> int:
    """The version a form was read at (its hidden `version` field)."""
    if not text.isdigit() or len(text) > 9:
        raise VersionRequired("the form lacks the version it was read at: reload the page")
    return int(text)


def lines_of(text: str) -> list[str]:
    """The non-blank lines of a text area, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def objectives_of(text: str) -> list[dict[str, Any]]:
    """A programme's tree from a text area: objectives, and `- goal #12 #15` lines under each.

    >>> objectives_of("Reform\\n- Plan the budget #4\\n- Train staff")
    [{'text': 'Reform', 'goals': [{'text': 'Plan the budget', 'activities': [4]}, {'text': 'Train staff', 'activities': []}]}]
    """  # noqa: E501
    objectives: list[dict[str, Any]] = []
    for line in lines_of(text):
        if not line.startswith("-"):
            objectives.append({"text": line, "goals": []})
            continue
        if not objectives:
            raise InvalidInput(f"the goal {line!r} comes before any objective")
        words = line.lstrip("- ").split()
        ids = [w[1:] for w in words if w.startswith("#")]
        if not all(i.isdigit() and len(i) < 10 for i in ids):
            raise InvalidInput(f"activities are given as #ID, e.g. #12: {line!r}")
        goal = " ".join(w for w in words if not w.startswith("#"))
        objectives[-1]["goals"].append({"text": goal, "activities": [int(i) for i in ids]})
    return objectives


def measures_of(text: str) -> list[dict[str, str]]:
    """A package's measures from a text area: one `area: title` a line."""
    measures = []
    for line in lines_of(text):
        area, colon, title = line.partition(":")
        if not colon:
            raise InvalidInput(f"a measure is 'area: title', e.g. 'training: NCO school': {line!r}")
        measures.append({"area": area.strip(), "title": title.strip()})
    return measures


def codes_of(text: str) -> list[str]:
    """Nation codes from a field such as `BEL, NLD NOR`."""
    return [code for code in text.replace(",", " ").split() if code]


@router.post("/coop/activities")
def propose_activity(
    request: Request,
    title: FormText,
    area: FormText,
    kind: FormText,
    host: FormText,
    place: FormText,
    start: FormText,
    end: FormText,
    capacity: FormText,
    language: FormText,
    open_to: FormText = "partners",
    csrf: FormText = "",
) -> Response:
    fields = {
        "title": title,
        "area": area,
        "kind": kind,
        "host": host,
        "place": place,
        "start": start,
        "end": end,
        "capacity": capacity,
        "language": language,
        "open_to": open_to,
    }
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: activities.create_activity(context, who, fields),
        done=lambda made: f"/coop/activities/{made.id}",
        again=lambda who: catalogue_view(request, who, dict(NO_FILTERS)),
    )


@router.post("/coop/activities/{ident}/transition")
def transition_form(
    request: Request, ident: int, state: FormText, version: FormText = "", csrf: FormText = ""
) -> Response:
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: activities.transition(
            context, who, ident, state, expected_version=version_of(version)
        ),
        done=lambda _: f"/coop/activities/{ident}",
        again=lambda who: activity_view(request, who, ident),
    )


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
    fields = {
        "participants": participants,
        "contact_name": contact_name,
        "contact_role": contact_role,
        "nation": nation,
    }
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: registrations.register(context, who, ident, fields),
        done=lambda _: f"/coop/activities/{ident}",
        again=lambda who: activity_view(request, who, ident),
    )


@router.post("/coop/registrations/{ident}")
def change_registration(
    request: Request,
    ident: int,
    participants: FormText,
    activity: FormText,
    version: FormText = "",
    csrf: FormText = "",
) -> Response:
    if not activity.isdigit() or len(activity) > 9:
        raise InvalidInput("the form lacks its activity: reload the page")
    back = int(activity)
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: registrations.update_registration(
            context,
            who,
            ident,
            {"participants": participants},
            expected_version=version_of(version),
        ),
        done=lambda changed: f"/coop/activities/{changed.activity_id}",
        again=lambda who: activity_view(request, who, back),
    )


@router.post("/coop/activities/{ident}/feedback")
def feedback_form(
    request: Request, ident: int, rating: FormText, text: FormText, csrf: FormText = ""
) -> Response:
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: feedback.send_feedback(context, who, ident, {"rating": rating, "text": text}),
        done=lambda _: f"/coop/activities/{ident}",
        again=lambda who: activity_view(request, who, ident),
    )


@router.post("/coop/programmes")
def create_programme(
    request: Request,
    partner: FormText,
    document_type: FormText,
    cycle_start: FormText,
    cycle_end: FormText,
    objectives: FormText = "",
    csrf: FormText = "",
) -> Response:
    context = coop_context(request)

    def write(who: Principal) -> programmes.ProgrammeTree:
        fields = {
            "partner": partner,
            "document_type": document_type,
            "cycle_start": cycle_start,
            "cycle_end": cycle_end,
            "objectives": objectives_of(objectives),
        }
        return programmes.create_programme(context, who, fields)

    return _submit(
        request,
        csrf,
        write,
        done=lambda tree: f"/coop/programmes/{tree.programme.id}",
        again=lambda who: programmes_view(request, who),
    )


@router.post("/coop/packages")
def create_package(
    request: Request,
    recipient: FormText,
    title: FormText,
    agreed: FormText,
    measures: FormText = "",
    supporters: FormText = "",
    csrf: FormText = "",
) -> Response:
    context = coop_context(request)

    def write(who: Principal) -> packages.PackageDetail:
        fields = {
            "recipient": recipient,
            "title": title,
            "agreed": agreed,
            "measures": measures_of(measures),
            "supporters": codes_of(supporters),
        }
        return packages.create_package(context, who, fields)

    return _submit(
        request,
        csrf,
        write,
        done=lambda detail: f"/coop/packages/{detail.package.id}",
        again=lambda who: packages_view(request, who),
    )


@router.post("/coop/packages/{ident}/revisions")
def revise_package(
    request: Request,
    ident: int,
    revised: FormText,
    summary: FormText,
    version: FormText = "",
    csrf: FormText = "",
) -> Response:
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: packages.revise_package(
            context,
            who,
            ident,
            {"revised": revised, "summary": summary},
            expected_version=version_of(version),
        ),
        done=lambda _: f"/coop/packages/{ident}",
        again=lambda who: package_view(request, who, ident),
    )


@router.post("/coop/decisions")
def circulate(
    request: Request,
    subject: FormText,
    title: FormText,
    deadline: FormText,
    csrf: FormText = "",
) -> Response:
    context = coop_context(request)
    fields = {"subject": subject, "title": title, "deadline": deadline}
    return _submit(
        request,
        csrf,
        lambda who: decisions.propose(context, who, fields),
        done=lambda detail: f"/coop/decisions/{detail.decision.id}",
        again=lambda who: decisions_view(request, who),
    )


@router.post("/coop/decisions/{ident}/break-silence")
def break_form(
    request: Request, ident: int, reason: FormText, version: FormText = "", csrf: FormText = ""
) -> Response:
    context = coop_context(request)
    return _submit(
        request,
        csrf,
        lambda who: decisions.break_silence(
            context, who, ident, reason, expected_version=version_of(version)
        ),
        done=lambda _: f"/coop/decisions/{ident}",
        again=lambda who: decision_view(request, who, ident),
    )
