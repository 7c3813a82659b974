"""The errors of the cooperation services, each named for its condition (and HTTP status)."""

from __future__ import annotations

from allied.errors import AlliedError


class NotFound(AlliedError, LookupError):
    """No such object, or none the caller may see: the two are told apart nowhere (404)."""

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"no {kind} {ident}")


class Unauthenticated(AlliedError):
    """No valid credentials were given (401)."""


class Forbidden(AlliedError, PermissionError):
    """The caller's role may not do this at all, whatever the object (403)."""


class StaleVersion(AlliedError):
    """A write was based on an older version of the object: nothing was changed (412)."""


class VersionRequired(AlliedError):
    """A write to an existing object must say which version it was based on (428)."""


class InvalidTransition(AlliedError):
    """The object's lifecycle does not allow this step from its present state (409)."""


class SilenceClosed(AlliedError):
    """The silence procedure has already ended (deadline passed, or silence broken) (409)."""


class InvalidInput(AlliedError, ValueError):
    """A field of a write is missing or malformed (422)."""


class TooManyAttempts(AlliedError):
    """Too many failed logins from here for this account: wait and retry (429)."""


class CooperationDisabled(AlliedError, LookupError):
    """The app was started without a database: it serves no cooperation routes (404)."""


class CSRFFailure(AlliedError, PermissionError):
    """An unsafe request from a browser session came without its CSRF token (403)."""
