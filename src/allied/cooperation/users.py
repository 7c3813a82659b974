"""Users, API tokens and passwords: who may call the cooperation services.

An API token is 32 random bytes (`secrets.token_urlsafe`), shown once when it
is issued and stored only as its SHA-256 — a fast hash is right for a random
secret of that length (nothing to guess), and lets a token be found by an
index. A web password is hashed with argon2id (`argon2-cffi`, its default
parameters). Failed logins are throttled per e-mail address and per client:
`LOGIN_LIMIT` failures within `LOGIN_WINDOW` lock further attempts until the
window passes.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from argon2 import Parameters, PasswordHasher

from allied.cooperation import audit
from allied.cooperation.errors import InvalidInput, TooManyAttempts, Unauthenticated
from allied.cooperation.principal import NATIONAL_ROLES, ROLES, SYSTEM, Principal
from allied.cooperation.transactions import reading, utcnow, writing
from allied.registry import Registry
from allied.store.coop_tables import CoopTokenRow, CoopUserRow, table_of

USERS = table_of(CoopUserRow)
TOKENS = table_of(CoopTokenRow)
LOGIN_LIMIT = 5
LOGIN_WINDOW = 15 * 60.0
MIN_PASSWORD = 10
#: The prefix of every token, so a leaked one is recognisable in logs and scanners.
TOKEN_PREFIX = "allied_"


@dataclass(frozen=True)
class NewUser:
    """A user just created, with the API token to show once."""

    principal: Principal
    token: str


def token_hash(token: str) -> str:
    """The stored form of an API token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


#: argon2's parameters: `None` is argon2-cffi's default profile (RFC 9106 low-memory);
#: the test suite sets `argon2.profiles.CHEAPEST`, as argon2-cffi advises for tests.
PROFILE: Parameters | None = None


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher() if PROFILE is None else PasswordHasher.from_parameters(PROFILE)


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (at least `MIN_PASSWORD` characters)."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password has at least {MIN_PASSWORD} characters")
    return str(_hasher().hash(password))


#: A hash checked when the e-mail is unknown, so both branches cost one argon2 verification.
_DUMMY: list[str] = []


def check_password(stored: str | None, password: str) -> bool:
    """Whether `password` matches `stored` (an argon2 hash); always one full verification."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if not _DUMMY:
        _DUMMY.append(hash_password("not-a-password-of-anyone"))
    try:
        return bool(_hasher().verify(stored or _DUMMY[0], password)) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def add_user(
    engine: Engine,
    registry: Registry,
    email: str,
    role: str,
    *,
    nation: str | None = None,
    password: str | None = None,
    synthetic: bool = False,
) -> NewUser:
    """Create a user and its first API token (returned once); raise `InvalidInput` on bad input."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254 or " " in email:
        raise InvalidInput(f"{email!r} is not an e-mail address")
    if role not in ROLES:
        raise InvalidInput(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if role in NATIONAL_ROLES:
        if not nation:
            raise InvalidInput(f"a {role} user needs --nation CODE")
        actor = registry.get_actor(nation)
        if actor is None or actor.kind != "state":
            raise InvalidInput(f"unknown nation {nation!r}: give an ISO code such as BEL")
        nation = actor.code
    elif nation:
        raise InvalidInput(f"a {role} user has no nation")
    hashed = hash_password(password) if password is not None else None
    token = new_token()
    with writing(engine) as connection:
        if connection.execute(sa.select(USERS.c.id).where(USERS.c.email == email)).first():
            raise InvalidInput(f"a user {email} already exists")
        ident = connection.execute(
            sa.insert(USERS)
            .values(
                email=email,
                role=role,
                nation=nation,
                password_hash=hashed,
                synthetic=synthetic,
                created=utcnow(),
            )
            .returning(USERS.c.id)
        ).scalar_one()
        connection.execute(
            sa.insert(TOKENS).values(user_id=ident, token_hash=token_hash(token), created=utcnow())
        )
        audit.record(
            connection,
            SYSTEM,
            "create",
            "user",
            ident,
            after={"email": email, "role": role, "nation": nation},
        )
    return NewUser(Principal(ident, email, role, nation), token)


def _user_of_email(connection: sa.Connection, email: str) -> int:
    ident = connection.execute(
        sa.select(USERS.c.id).where(USERS.c.email == email.strip().lower())
    ).scalar_one_or_none()
    if ident is None:
        raise InvalidInput(f"no user {email}")
    return int(ident)


def new_token() -> str:
    """A fresh API token: the prefix and 32 random bytes."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def issue_token(engine: Engine, email: str) -> str:
    """Give an existing user one more API token and return it (shown once; stored hashed).

    With `revoke_tokens` first, this rotates a user's token.
    """
    token = new_token()
    with writing(engine) as connection:
        ident = _user_of_email(connection, email)
        connection.execute(
            sa.insert(TOKENS).values(user_id=ident, token_hash=token_hash(token), created=utcnow())
        )
        audit.record(connection, SYSTEM, "issue-token", "user", ident)
    return token


def revoke_tokens(engine: Engine, email: str) -> int:
    """Revoke every API token of a user (they answer 401 from now on); return how many.

    The user and their web password stay: only the tokens are deleted, and the
    audit log records how many.
    """
    with writing(engine) as connection:
        ident = _user_of_email(connection, email)
        count = connection.execute(sa.delete(TOKENS).where(TOKENS.c.user_id == ident)).rowcount
        audit.record(connection, SYSTEM, "revoke-tokens", "user", ident, after={"count": count})
    return int(count)


def revoke_token(engine: Engine, principal: Principal, token: str) -> None:
    """Revoke the API token the caller authenticated with (`DELETE /coop/me/token`)."""
    with writing(engine) as connection:
        done = connection.execute(
            sa.delete(TOKENS).where(
                TOKENS.c.token_hash == token_hash(token), TOKENS.c.user_id == principal.user_id
            )
        )
        if done.rowcount != 1:
            raise Unauthenticated("unknown or revoked API token")
        audit.record(
            connection, principal, "revoke-tokens", "user", principal.user_id, after={"count": 1}
        )


def principal_of_token(engine: Engine, token: str) -> Principal:
    """The user an API token belongs to; `Unauthenticated` for an unknown one."""
    with reading(engine) as connection:
        row = connection.execute(
            sa.select(USERS.c.id, USERS.c.email, USERS.c.role, USERS.c.nation)
            .join(TOKENS, TOKENS.c.user_id == USERS.c.id)
            .where(TOKENS.c.token_hash == token_hash(token))
        ).first()
    if row is None:
        raise Unauthenticated("unknown or revoked API token")
    return Principal(row.id, row.email, row.role, row.nation)


def principal_of_id(engine: Engine, ident: int) -> Principal:
    """The user with this id (a session's); `Unauthenticated` if it no longer exists."""
    with reading(engine) as connection:
        row = connection.execute(
            sa.select(USERS.c.id, USERS.c.email, USERS.c.role, USERS.c.nation).where(
                USERS.c.id == ident
            )
        ).first()
    if row is None:
        raise Unauthenticated("the session's user no longer exists: log in again")
    return Principal(row.id, row.email, row.role, row.nation)


class LoginThrottle:
    """Failed logins remembered per key (e-mail, client) within a sliding window."""

    def __init__(self, *, limit: int = LOGIN_LIMIT, window: float = LOGIN_WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, *keys: str) -> None:
        """Raise `TooManyAttempts` if any key has used up its failures."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                failures = self._failures.get(key)
                while failures and failures[0] <= now - self.window:
                    failures.popleft()
                if failures and len(failures) >= self.limit:
                    wait = int(failures[0] + self.window - now) + 1
                    raise TooManyAttempts(f"too many failed logins: try again in {wait} s")

    def fail(self, *keys: str) -> None:
        """Count one failure against every key."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)


def login(
    engine: Engine, throttle: LoginThrottle, email: str, password: str, *, client: str
) -> Principal:
    """Check an e-mail and password: `Unauthenticated` on a mismatch, or `TooManyAttempts`."""
    email = email.strip().lower()
    keys = (f"email:{email}", f"client:{client}")
    throttle.check(*keys)
    with reading(engine) as connection:
        row = connection.execute(
            sa.select(
                USERS.c.id, USERS.c.email, USERS.c.role, USERS.c.nation, USERS.c.password_hash
            ).where(USERS.c.email == email)
        ).first()
    if not check_password(row.password_hash if row else None, password) or row is None:
        throttle.fail(*keys)
        raise Unauthenticated("wrong e-mail or password")
    return Principal(row.id, row.email, row.role, row.nation)
