"""Dates that keep their precision, and half-open periods built from them.

A date known only to the month or the year is a span of days, not a day: a
`PartialDate` keeps the span (`first`..`last`) instead of padding a guessed day.
Questions asked of a `Period` answer with a `Certainty`: `YES`, `NO`, or `MAYBE`
when the answer depends on a day the sources do not give.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from dataclasses import field
from functools import lru_cache
from typing import Literal

from allied.errors import InvalidDate, InvalidPeriod, quoted
from allied.frozen import frozen

Precision = Literal["day", "month", "year", "range"]

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only
_PRECISION_RANK = {"range": -1, "year": 0, "month": 1, "day": 2}


class Certainty(enum.Enum):
    """The answer to a question asked of imprecise dates."""

    NO = "no"
    MAYBE = "maybe"
    YES = "yes"


@frozen(slots=True)
class PartialDate:
    """A calendar date known to the day, the month or the year — or only bounded.

    `first` and `last` are the earliest and latest days it can stand for:

    >>> PartialDate.parse("1995-04").first, PartialDate.parse("1995-04").last
    (datetime.date(1995, 4, 1), datetime.date(1995, 4, 30))

    When sources disagree and only bound a date, `until` holds the latest bound
    (written `2004-06-28/2005-03`: some day from 28 June 2004 to March 2005):

    >>> PartialDate.parse("2004-06-28/2005-03").last
    datetime.date(2005, 3, 31)
    """

    year: int
    month: int | None = None
    day: int | None = None
    until: PartialDate | None = None
    first: _dt.date = field(init=False, repr=False, compare=False)
    last: _dt.date = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InvalidDate(f"{self.year}-??-{self.day}: a day needs a month")
        if not 1 <= self.year <= 9999:
            raise InvalidDate(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidDate(f"{self.year}-{self.month:02d}: no such month")
        if self.day is not None:
            assert self.month is not None
            days = _days_in(self.year, self.month)
            if not 1 <= self.day <= days:
                raise InvalidDate(f"{self.year}-{self.month:02d}-{self.day:02d}: no such day")
        # The span of days the date stands for, computed once: queries compare these.
        first = _dt.date(self.year, self.month or 1, self.day or 1)
        if self.day is not None:
            last = first
        else:
            month = self.month or 12
            last = _dt.date(self.year, month, _days_in(self.year, month))
        if self.until is not None:
            if self.until.until is not None or self.until.first <= last:
                raise InvalidDate(f"{self}: the latest bound must come after the earliest")
            last = self.until.last
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or two of them as `EARLIEST/LATEST`.

        Raises `InvalidDate` for anything else, or an impossible date.
        """
        return _parse(text.strip())

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """Wrap a `datetime.date` as a day-precision date."""
        return cls(value.year, value.month, value.day)

    @classmethod
    def today(cls) -> PartialDate:
        """Today's date, to the day."""
        return cls.from_date(_dt.date.today())

    @property
    def precision(self) -> Precision:
        """How much of the date is known: `day`, `month`, `year`, or only a `range`."""
        if self.until is not None:
            return "range"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def sort_key(self) -> tuple[_dt.date, int]:
        """Order by earliest day, coarser dates first."""
        return (self.first, _PRECISION_RANK[self.precision])

    def __str__(self) -> str:
        if self.until is not None:
            return f"{PartialDate(self.year, self.month, self.day)}/{self.until}"
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def _days_in(year: int, month: int) -> int:
    """The number of days in a month (as `calendar.monthrange`, whose import costs start-up).

    >>> _days_in(2024, 2), _days_in(1900, 2), _days_in(2023, 12)
    (29, 28, 31)
    """
    if month == 12:
        return 31
    return (_dt.date(year, month + 1, 1) - _dt.date(year, month, 1)).days


@lru_cache(maxsize=4096)
def _parse(text: str) -> PartialDate:
    # Dates repeat across the data files (accession days, founding days): each
    # distinct text is parsed once. PartialDate is immutable, so sharing is safe.
    earliest, slash, latest = text.partition("/")
    match = _DATE_RE.fullmatch(earliest)
    if not match or (slash and not _DATE_RE.fullmatch(latest)):
        raise InvalidDate(f"{quoted(text)} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    return PartialDate(year, month, day, _parse(latest) if slash else None)


def parse_date(value: str | _dt.date | PartialDate | None) -> PartialDate:
    """Coerce a query date: `None` means today; strings are parsed with their precision.

    A date written as text must not lie wholly after today: the registry knows
    nothing of the future, so it refuses rather than answer with today's facts.

    >>> parse_date("9999-12-31")
    Traceback (most recent call last):
    ...
    allied.errors.InvalidDate: 9999-12-31 is in the future: the registry answers up to today
    """
    if value is None:
        return PartialDate.today()
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    parsed = PartialDate.parse(value)
    if parsed.first > _dt.date.today():
        raise InvalidDate(f"{value} is in the future: the registry answers up to today")
    return parsed


@frozen(slots=True)
class Period:
    """A half-open span `[start, end)`; `end` is `None` while it is ongoing.

    `end` is the first day on which the fact no longer holds. Both ends keep
    their precision, so containment is answered with a `Certainty`.
    """

    start: PartialDate
    end: PartialDate | None = None

    def __post_init__(self) -> None:
        if self.end is not None and not self.end.last > self.start.first:
            raise InvalidPeriod(f"period [{self.start}, {self.end}) ends before it starts")

    @property
    def is_ongoing(self) -> bool:
        """True when the period has no end."""
        return self.end is None

    def holds_on(self, when: PartialDate) -> Certainty:
        """Whether the period covers `when` (every day of it, if `when` is a span).

        `YES` if it covers every day of `when` whatever the unknown days are,
        `NO` if it covers none of them, `MAYBE` otherwise.
        """
        started_surely = self.start.last <= when.first
        started_possibly = self.start.first <= when.last
        if self.end is None:
            running_surely = running_possibly = True
        else:
            running_surely = self.end.first > when.last
            running_possibly = self.end.last > when.first
        if started_surely and running_surely:
            return Certainty.YES
        if not started_possibly or not running_possibly:
            return Certainty.NO
        return Certainty.MAYBE

    def overlaps(self, other: Period) -> bool:
        """Whether some day surely lies in both periods, whatever their unknown days are.

        `[1995, 1996)` and `[1996, …)` do not overlap: the first may end on the
        day the second starts. Such imprecise neighbours are not a conflict.
        """
        return max(self.start.last, other.start.last) < min(
            _earliest_end(self), _earliest_end(other)
        )

    def __str__(self) -> str:
        return f"[{self.start}, {self.end or ''})"


def _earliest_end(period: Period) -> _dt.date:
    return period.end.first if period.end is not None else _dt.date.max
