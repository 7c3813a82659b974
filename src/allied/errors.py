"""Exceptions named for the condition they report.

Every exception raised on bad input derives from `AlliedError`, so adapters
(the CLI, the web app) can turn any of them into a one-line message.
"""

from __future__ import annotations


def quoted(text: str, limit: int = 60) -> str:
    """`text` as a message quotes it, cut to `limit` characters so an error stays one short line.

    >>> quoted("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    """
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}"[:-1] + f"…' ({len(text)} characters)"


class AlliedError(Exception):
    """Base class for every error `allied` raises on bad input or bad data."""


class InvalidDate(AlliedError, ValueError):
    """A date is malformed or impossible (e.g. `2021-02-30`)."""


class InvalidPeriod(AlliedError, ValueError):
    """A period ends before it starts."""


class UnknownActor(AlliedError, LookupError):
    """No actor has this code or name."""


class UnknownFramework(AlliedError, LookupError):
    """No framework has this slug or name."""


class UnknownSource(AlliedError, LookupError):
    """No source has this id."""


class UnknownEvent(AlliedError, LookupError):
    """No event has this id."""


class UnknownOperation(AlliedError, LookupError):
    """No operation or mission has this slug or name."""


class NotRecorded(AlliedError, LookupError):
    """The registry holds no such facts (e.g. no ratification dates for an old round)."""


class AmbiguousName(AlliedError, LookupError):
    """A name stands for more than one actor or framework."""


class OutsideLifetime(AlliedError, ValueError):
    """A question about a framework on a date when it did not exist."""


class DataError(AlliedError):
    """A data file does not follow its schema; the message says where."""


class InvalidQuery(AlliedError, ValueError):
    """A query parameter out of range: a negative offset, a zero limit, a year past today."""


class SyncInProgress(AlliedError):
    """Another sync is writing to the same database; this one wrote nothing and may be retried."""


class ConflictingArguments(AlliedError, ValueError):
    """Two arguments that exclude each other were given together (a data folder and a database)."""
