"""Login, sessions, CSRF and throttling; the pages show each user their own."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from allied.registry import Registry
from coop.conftest import World, app_client

PASSWORD = "correct horse battery"


def _csrf(client: TestClient, path: str = "/coop/login") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)


def _login(client: TestClient, email: str, password: str = PASSWORD) -> int:
    data = {"email": email, "password": password, "csrf": _csrf(client), "next": "/coop"}
    return client.post("/coop/login", data=data, follow_redirects=False).status_code


def test_pages_need_a_login(shared_client: TestClient) -> None:
    shared_client.cookies.clear()
    reply = shared_client.get("/coop/activities?area=interoperability", follow_redirects=False)
    assert reply.status_code == 303
    assert (
        reply.headers["location"] == "/coop/login?next=/coop/activities%3Farea%3Dinteroperability"
    )


def test_partner_and_staff_see_different_worlds(shared_world: World, registry: Registry) -> None:
    with app_client(shared_world, registry) as client:
        login = client.post(
            "/coop/login",
            data={"email": "geo@test.invalid", "password": PASSWORD, "csrf": _csrf(client)},
            follow_redirects=False,
        )
        assert login.status_code == 303
        cookie = login.headers["set-cookie"].lower()
        assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie
        home = client.get("/coop").text
        assert "GEO: partner dashboard" in home and "SECRET-GEO-package" in home
        assert "SECRET-JOR" not in home and "Pending decisions" not in home
        eapc = shared_world.activities["eapc"]
        assert f'<a href="/coop/activities/{eapc}">Course open to EAPC partners</a>' in home
        other = shared_world.owned["JOR"]["programme"]
        assert client.get(f"/coop/programmes/{other}").status_code == 404
        own = shared_world.owned["GEO"]["programme"]
        assert "SECRET-GEO-objective" in client.get(f"/coop/programmes/{own}").text
        assert client.get("/coop/decisions").status_code == 403
        client.cookies.clear()
        assert _login(client, "staff@test.invalid") == 303
        home = client.get("/coop").text
        assert "Pending decisions under silence" in home and "Staff dashboard" in home
        assert "SECRET-GEO-package" in home and "SECRET-JOR-package" in home


def test_csrf_is_required_for_every_unsafe_request(shared_world: World, registry: Registry) -> None:
    with app_client(shared_world, registry) as client:
        data = {"email": "ally@test.invalid", "password": PASSWORD}
        client.get("/coop/login")
        assert client.post("/coop/login", data=data).status_code == 403  # no token
        assert _login(client, "ally@test.invalid") == 303
        ident = shared_world.activities["eapc"]
        refused = client.post(f"/coop/activities/{ident}/transition",
                              data={"state": "held", "version": "1"})  # fmt: skip
        assert refused.status_code == 403
        api = client.post("/api/v1/coop/activities", json={"title": "x"})
        assert api.status_code == 403 and api.json()["error"]["code"] == "c-s-r-f-failure"
        token = _csrf(client, "/coop")
        reply = client.post(
            "/api/v1/coop/activities", json={"title": "x"}, headers={"X-CSRF-Token": token}
        )
        assert reply.status_code == 422  # past the CSRF check, stopped by validation


def test_login_is_throttled(shared_world: World, registry: Registry) -> None:
    with app_client(shared_world, registry) as client:
        for _ in range(5):
            assert _login(client, "jor@test.invalid", "wrong password!") == 401
        assert _login(client, "jor@test.invalid") == 429  # even the right password, for now
        assert _login(client, "nobody@test.invalid", "wrong password!") == 429  # same client


def test_activity_titles_are_scoped_like_the_catalogue(shared_world: World) -> None:
    from allied.cooperation import activities

    ids = [shared_world.activities[key] for key in ("eapc", "md", "all")]
    georgia = activities.titles(shared_world.context, shared_world.users["GEO"], ids)
    jordan = activities.titles(shared_world.context, shared_world.users["JOR"], ids)
    staff = activities.titles(shared_world.context, shared_world.users["staff"], ids)
    assert set(georgia) == {ids[0], ids[2]} and set(jordan) == {ids[1], ids[2]}
    assert (
        set(staff) == set(ids)
        and activities.titles(shared_world.context, shared_world.users["public"], ids) == {}
    )
