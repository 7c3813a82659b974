"""Answers per day, computed once for each span between the days they can change."""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Timeline(Generic[T]):
    """A step function over days: `answer(day)` evaluated once per step, when first needed.

    `change_days` must contain every day on which the answer may differ from the
    day before; the answer on any day is then the one computed for the latest
    change day not after it, found by bisection. Before the first change day
    there is no answer (`None`). A step's answer is computed the first time a day
    in it is asked about, so a caller asking about a few days pays for those steps
    only, and one asking about many pays once per step.

    >>> steps = Timeline([_dt.date(2000, 1, 1)], lambda day: day.year)
    >>> steps.at(_dt.date(2010, 5, 5)), steps.at(_dt.date(1999, 1, 1))
    (2000, None)
    """

    __slots__ = ("_answer", "_answers", "_days")

    def __init__(self, change_days: Iterable[_dt.date], answer: Callable[[_dt.date], T]) -> None:
        self._days = sorted(set(change_days))
        self._answer = answer
        #: The answers computed so far, by step (a step's answer never changes: the
        #: function answers from immutable data, so two threads may both compute it).
        self._answers: dict[int, T] = {}

    def at(self, day: _dt.date) -> T | None:
        """The answer on `day`."""
        index = bisect.bisect_right(self._days, day) - 1
        if index < 0:
            return None
        answers = self._answers
        if index not in answers:
            answers[index] = self._answer(self._days[index])
        return answers[index]
