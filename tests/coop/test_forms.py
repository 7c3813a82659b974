"""The pages' forms: each write works from a browser session, with CSRF, versions and scope."""

from __future__ import annotations

import datetime as _dt
import json
import re

import httpx
import pytest
from fastapi.testclient import TestClient

from allied.cooperation import decisions, packages, registrations
from allied.cooperation.errors import InvalidInput
from allied.registry import Registry
from allied.web.pages.coop_forms import codes_of, measures_of, objectives_of
from coop.conftest import NOW, World, _activity, app_client, new_registration

PASSWORD = "correct horse battery"


def _csrf(client: TestClient, path: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found is not None, path
    return found.group(1)


def logged_in(world: World, registry: Registry, key: str) -> TestClient:
    client = app_client(world, registry)
    data = {"email": f"{key.lower()}@test.invalid", "password": PASSWORD}
    data["csrf"] = _csrf(client, "/coop/login")
    assert client.post("/coop/login", data=data, follow_redirects=False).status_code == 303
    return client


def post(client: TestClient, path: str, data: dict[str, str], *, page: str) -> httpx.Response:
    """Submit a form as the browser would: with the CSRF token of the page it is on."""
    return client.post(path, data=data | {"csrf": _csrf(client, page)}, follow_redirects=False)


def test_staff_add_a_programme_with_its_tree(shared_world: World, registry: Registry) -> None:
    linked = shared_world.activities["eapc"]
    tree = f"Reform the defence ministry\n- Plan the budget #{linked}\n- Train the planners"
    data = {"partner": "geo", "document_type": "itpp", "cycle_start": "2027-01-01",
            "cycle_end": "2030-12-31", "objectives": tree}  # fmt: skip
    with logged_in(shared_world, registry, "staff") as client:
        reply = post(client, "/coop/programmes", data, page="/coop/programmes")
        assert reply.status_code == 303
        target = reply.headers["location"]
        shown = client.get(target).text
    assert re.fullmatch(r"/coop/programmes/\d+", target)
    assert "GEO: ITPP 2027-01-01" in shown and "Plan the budget" in shown
    assert f'href="/coop/activities/{linked}"' in shown and "Train the planners" in shown
    with logged_in(shared_world, registry, "GEO") as client:
        assert client.get(target).status_code == 200  # its own programme
        refused = post(client, "/coop/programmes", data, page="/coop/programmes")
        assert refused.status_code == 403
    with logged_in(shared_world, registry, "JOR") as client:
        assert client.get(target).status_code == 404


def test_a_bad_form_shows_its_page_again_and_writes_nothing(
    shared_world: World, registry: Registry
) -> None:
    data = {"partner": "GEO", "document_type": "itpp", "cycle_start": "2019-01-01",
            "cycle_end": "2022-12-31", "objectives": "- a goal without an objective"}  # fmt: skip
    with logged_in(shared_world, registry, "staff") as client:
        before = client.get("/api/v1/coop/programmes?partner=GEO").json()["total"]
        reply = post(client, "/coop/programmes", data, page="/coop/programmes")
        assert reply.status_code == 422
        assert "Nothing was saved: the goal" in reply.text
        data["objectives"] = "An objective"
        reply = post(client, "/coop/programmes", data, page="/coop/programmes")
        assert "ITPPs exist since March 2021" in reply.text
        assert client.get("/api/v1/coop/programmes?partner=GEO").json()["total"] == before


def test_a_stale_revision_form_gets_412_and_changes_nothing(
    shared_world: World, registry: Registry
) -> None:
    staff = shared_world.users["staff"]
    data = {"recipient": "JOR", "title": "Package for a race", "agreed": "2025-03-01",
            "measures": "capacity-building: Engineers\ntraining-education: NCO school",
            "supporters": "BEL, nld"}  # fmt: skip
    with logged_in(shared_world, registry, "staff") as client:
        made = post(client, "/coop/packages", data, page="/coop/packages")
        assert made.status_code == 303
        page = made.headers["location"]
        ident = int(page.rsplit("/", 1)[1])
        detail = packages.get_package(shared_world.context, staff, ident)
        assert detail.supporters == ("BEL", "NLD") and len(detail.measures) == 2
        form = client.get(page).text  # both clerks read version 1
        assert 'name="version" value="1"' in form
        first = {"revised": "2027-02-01", "summary": "First clerk", "version": "1"}
        assert post(client, f"{page}/revisions", first, page=page).status_code == 303
        late = post(client, f"{page}/revisions", first | {"summary": "Second clerk"}, page=page)
        assert late.status_code == 412
        assert "Nothing was saved: someone changed this" in late.text
        assert 'name="version" value="2"' in late.text
    revisions = packages.get_package(shared_world.context, staff, ident).revisions
    assert [r.summary for r in revisions] == ["First clerk"]


def test_partner_registers_changes_and_cannot_reach_another_nation(
    shared_world: World, registry: Registry
) -> None:
    ident = _activity(shared_world, "Course for the register form", "partners", "2026-10-12")
    staff = shared_world.users["staff"]
    other = shared_world.owned["JOR"]["registration"]
    jor_before = registrations.get_registration(shared_world.context, staff, other)
    page = f"/coop/activities/{ident}"
    with logged_in(shared_world, registry, "GEO") as client:
        assert "Register" in client.get(page).text
        reply = post(client, f"{page}/register", {"participants": "4"}, page=page)
        assert reply.status_code == 303
        shown = client.get(page).text
        assert "GEO: 4 participant(s)" in shown
        mine = registrations.list_registrations(
            shared_world.context, shared_world.users["GEO"], activity_id=ident
        ).items[0]
        change = {"participants": "6", "version": "1", "activity": str(ident)}
        assert post(client, f"/coop/registrations/{mine.id}", change, page=page).status_code == 303
        stale = post(client, f"/coop/registrations/{mine.id}", change | {"participants": "9"},
                     page=page)  # fmt: skip
        assert stale.status_code == 412
        for_other = change | {"activity": str(shared_world.owned["JOR"]["activity"])}
        hidden = post(client, f"/coop/registrations/{other}", for_other, page=page)
        assert hidden.status_code == 404
        assert "SECRET-JOR" not in hidden.text
        no_csrf = client.post(f"/coop/registrations/{mine.id}", data=change | {"version": "2"})
        assert no_csrf.status_code == 403
    assert registrations.get_registration(shared_world.context, staff, mine.id).participants == 6
    assert registrations.get_registration(shared_world.context, staff, other) == jor_before


def test_partner_sends_feedback_on_a_held_activity(shared_world: World, registry: Registry) -> None:
    held = shared_world.activities["all"]  # GEO registered, feedback sent once already
    page = f"/coop/activities/{held}"
    with logged_in(shared_world, registry, "GEO") as client:
        assert "Send feedback" in client.get(page).text
        reply = post(client, f"{page}/feedback", {"rating": "5", "text": "Well run"}, page=page)
        assert reply.status_code == 303
        bad = post(client, f"{page}/feedback", {"rating": "9", "text": "x"}, page=page)
        assert bad.status_code == 422
        found = client.get(f"/api/v1/coop/feedback?activity={held}").json()["items"]
    assert [f["text"] for f in found if f["rating"] == 5] == ["Well run"]


def test_ally_proposes_its_own_activity_only(shared_world: World, registry: Registry) -> None:
    data = {"title": "Seminar on civil emergencies", "area": "civil-emergency-planning",
            "kind": "seminar", "host": "BEL", "place": "Mons", "start": "2027-03-01",
            "end": "2027-03-03", "capacity": "30", "language": "French",
            "open_to": "eapc"}  # fmt: skip
    with logged_in(shared_world, registry, "ally") as client:
        made = post(client, "/coop/activities", data, page="/coop/activities")
        assert made.status_code == 303
        shown = client.get(made.headers["location"]).text
        assert "Seminar on civil emergencies" in shown and "proposed (version 1)" in shown
        other = post(client, "/coop/activities", data | {"host": "NLD"}, page="/coop/activities")
        assert other.status_code == 403
    with logged_in(shared_world, registry, "GEO") as client:
        assert "Propose an activity" not in client.get("/coop/activities").text
        refused = post(client, "/coop/activities", data, page="/coop/activities")
        assert refused.status_code == 403


def test_staff_circulate_and_an_ally_breaks_silence(
    shared_world: World, registry: Registry
) -> None:
    deadline = (NOW + _dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    data = {"subject": "package:1", "title": "Extend a package", "deadline": deadline}
    with logged_in(shared_world, registry, "staff") as client:
        made = post(client, "/coop/decisions", data, page="/coop/decisions")
        assert made.status_code == 303
        page = made.headers["location"]
        assert "Extend a package" in client.get("/coop").text  # pending on the dashboard
        assert "48 h left" in client.get(page).text
        assert "Break silence" not in client.get(page).text  # staff do not break silence
        late = post(client, "/coop/decisions", data | {"deadline": "2031-01-01T00:00"},
                    page="/coop/decisions")  # fmt: skip
        assert late.status_code == 422
    with logged_in(shared_world, registry, "ally") as client:
        reason = {"reason": "BEL needs a week", "version": "1"}
        assert post(client, f"{page}/break-silence", reason, page=page).status_code == 303
        again = post(client, f"{page}/break-silence", reason, page=page)
        assert again.status_code == 409
        assert "already broken" in again.text
    ident = int(page.rsplit("/", 1)[1])
    detail = decisions.get_decision(shared_world.context, shared_world.users["staff"], ident)
    assert detail.decision.state == "broken"
    assert [s.kind for s in detail.steps] == ["circulated", "silence-broken"]


def test_partner_dashboard_draws_participation_by_area(
    shared_world: World, registry: Registry
) -> None:
    with logged_in(shared_world, registry, "JOR") as client:
        home = client.get("/coop").text
    spec = re.search(r'id="chart-participation">(.*?)</script>', home, re.S)
    assert spec is not None
    values = json.loads(spec.group(1))["data"]["values"]
    jordan = registrations.participation(shared_world.context, shared_world.users["JOR"]).cells
    assert {v["area"] for v in values} == {"Training and education of the armed forces"}
    assert sorted((v["year"], v["count"]) for v in values) == sorted(
        (c.year, c.participants) for c in jordan
    )
    mine = registrations.list_registrations(shared_world.context, shared_world.users["JOR"])
    assert sum(v["count"] for v in values) == sum(r.participants for r in mine.items)
    with logged_in(shared_world, registry, "staff") as client:
        assert "chart-participation" not in client.get("/coop").text


def test_form_fields_parse_into_the_services_shape() -> None:
    assert objectives_of("A\n- g #1 #2\n\nB") == [
        {"text": "A", "goals": [{"text": "g", "activities": [1, 2]}]},
        {"text": "B", "goals": []},
    ]
    assert measures_of("training: NCO school\n") == [{"area": "training", "title": "NCO school"}]
    assert codes_of("BEL, nld  NOR") == ["BEL", "nld", "NOR"]
    for bad in ("- orphan goal", "A\n- goal #x"):
        with pytest.raises(InvalidInput):
            objectives_of(bad)
    with pytest.raises(InvalidInput):
        measures_of("no colon here")


def test_registration_form_for_a_stale_page_names_the_new_version(
    world: World, registry: Registry
) -> None:
    ident = new_registration(world)
    staff = world.users["staff"]
    registrations.update_registration(world.context, staff, ident, {"participants": 2},
                                      expected_version=1)  # fmt: skip
    activity = registrations.get_registration(world.context, staff, ident).activity_id
    page = f"/coop/activities/{activity}"
    with logged_in(world, registry, "GEO") as client:
        stale = post(client, f"/coop/registrations/{ident}",
                     {"participants": "5", "version": "1", "activity": str(activity)},
                     page=page)  # fmt: skip
        assert stale.status_code == 412
        assert "registration" in stale.text and "version 2" in stale.text
    assert registrations.get_registration(world.context, staff, ident).participants == 2


def test_malformed_trees_and_measures_get_422_not_a_crash(
    shared_client: TestClient, shared_world: World
) -> None:
    from coop.conftest import bearer

    staff = bearer(shared_world, "staff")
    programme = {"partner": "GEO", "document_type": "itpp", "cycle_start": "2027-01-01",
                 "cycle_end": "2028-01-01"}  # fmt: skip
    goal = {"text": "g", "activities": ["x"]}
    huge = {"text": "g", "activities": [10**12]}
    malformed = (["text"], [{"text": "o", "goals": ["g"]}], [{"text": "o", "goals": [goal]}],
                 [{"text": "o", "goals": [huge]}])  # fmt: skip
    for objectives in malformed:
        reply = shared_client.post("/api/v1/coop/programmes", headers=staff,
                                   json=programme | {"objectives": objectives})  # fmt: skip
        assert reply.status_code == 422, (objectives, reply.text)
    package = {"recipient": "GEO", "title": "t", "agreed": "2025-01-01"}
    for measures in (["x"], "capacity-building: x", [{"area": "nope", "title": "t"}]):
        reply = shared_client.post("/api/v1/coop/packages", headers=staff,
                                   json=package | {"measures": measures})  # fmt: skip
        assert reply.status_code == 422, (measures, reply.text)
