"""`/coop/me/token`: an API client revokes the token it calls with.

A token that leaked, or that a client no longer needs, is revoked by the
client itself: every later call with it answers 401. Staff revoke any user's
tokens with `allied users revoke EMAIL`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from allied.cooperation.errors import InvalidInput
from allied.cooperation.users import revoke_token
from allied.web.api.coop_http import PRIVATE
from allied.web.auth import ContextDep, PrincipalDep, bearer_token

router = APIRouter(tags=["cooperation"])


@router.delete("/coop/me/token", status_code=204, summary="Revoke the caller's API token")
def revoke(request: Request, context: ContextDep, principal: PrincipalDep) -> Response:
    """The token in `Authorization: Bearer …` answers 401 from now on (204, no body)."""
    token = bearer_token(request)
    if token is None:
        raise InvalidInput("a browser session has no API token: send Authorization: Bearer TOKEN")
    revoke_token(context.engine, principal, token)
    return Response(status_code=204, headers=PRIVATE)
