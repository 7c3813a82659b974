"""Revoking API tokens: by the client itself (`DELETE /coop/me/token`) or `allied users revoke`."""

from __future__ import annotations

import re

from click.testing import CliRunner

from allied.cli import cli
from allied.cooperation import audit
from allied.cooperation.transactions import reading
from allied.cooperation.users import issue_token
from allied.registry import Registry
from coop.conftest import World, app_client, bearer
from store.conftest import url_of


def _as(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_client_revokes_its_own_token(world: World, registry: Registry) -> None:
    spare = issue_token(world.engine, "geo@test.invalid")
    with app_client(world, registry) as client:
        assert client.get("/api/v1/coop/me", headers=_as(spare)).json()["nation"] == "GEO"
        gone = client.delete("/api/v1/coop/me/token", headers=_as(spare))
        assert gone.status_code == 204 and gone.content == b""
        refused = client.get("/api/v1/coop/programmes", headers=_as(spare))
        assert refused.status_code == 401
        assert refused.json()["error"]["message"] == "unknown or revoked API token"
        assert client.delete("/api/v1/coop/me/token", headers=_as(spare)).status_code == 401
        # The user's other token, and the other users', still work.
        assert client.get("/api/v1/coop/me", headers=bearer(world, "GEO")).status_code == 200
        assert client.get("/api/v1/coop/me", headers=bearer(world, "JOR")).status_code == 200
    with reading(world.engine) as connection:
        assert audit.verify(connection).is_intact


def test_a_browser_session_has_no_token_to_revoke(world: World, registry: Registry) -> None:
    with app_client(world, registry) as client:
        page = client.get("/coop/login").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf is not None
        data = {"email": "geo@test.invalid", "password": "correct horse battery"}
        assert client.post("/coop/login", data=data | {"csrf": csrf.group(1)}).status_code == 200
        session_csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/coop").text)
        assert session_csrf is not None
        reply = client.delete("/api/v1/coop/me/token", headers={"X-CSRF-Token": session_csrf[1]})
        assert reply.status_code == 422 and "Bearer" in reply.json()["error"]["message"]
        assert client.delete("/api/v1/coop/me/token").status_code == 403  # no CSRF token


def test_users_revoke_and_token_rotate_a_users_tokens(world: World, registry: Registry) -> None:
    url = url_of(world.engine)
    runner = CliRunner()
    spare = issue_token(world.engine, "jor@test.invalid")
    revoked = runner.invoke(cli, ["users", "revoke", "JOR@test.invalid", "--db", url])
    assert revoked.exit_code == 0, revoked.output
    assert revoked.output == "revoked 2 API tokens of jor@test.invalid\n"
    issued = runner.invoke(cli, ["users", "token", "jor@test.invalid", "--db", url])
    assert issued.exit_code == 0
    fresh = issued.output.splitlines()[-1]
    assert fresh.startswith("allied_") and fresh not in (spare, world.tokens["JOR"])
    with app_client(world, registry) as client:
        for old in (spare, world.tokens["JOR"]):
            assert client.get("/api/v1/coop/me", headers=_as(old)).status_code == 401
        assert client.get("/api/v1/coop/me", headers=_as(fresh)).json()["nation"] == "JOR"
        assert client.get("/api/v1/coop/me", headers=bearer(world, "GEO")).status_code == 200
    for command in ("revoke", "token"):
        unknown = runner.invoke(cli, ["users", command, "nobody@test.invalid", "--db", url])
        assert unknown.exit_code == 2 and "no user nobody@test.invalid" in unknown.stderr
    with reading(world.engine) as connection:
        assert audit.verify(connection).is_intact
