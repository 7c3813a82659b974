"""When an undated text was written: the span of days on which the most of its claims hold.

A text that states no date is not judged as of today: a 2012 encyclopedia entry giving NATO
28 members was right when it was written. Its writing window is inferred from the claims
whose truth changes over time (counts, lists, the newest member): the span between two
change days in which the most of them hold. Verdicts are then given for the window: a claim
true on some day of it is `supported` or `outdated`, one false on every day `contradicted`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from allied.claims.facts import Question

_ONE_DAY = _dt.timedelta(days=1)
#: Nothing is dated before the Alliance: the earliest day a window may start.
FLOOR = _dt.date(1949, 4, 4)
#: At most this many questions and change days are weighed (a long text has enough).
_MAX_QUESTIONS = 200
_MAX_DAYS = 2000

Window = tuple[_dt.date, _dt.date]


def infer_window(questions: Sequence[Question], today: _dt.date) -> Window | None:
    """The span of days on which the most of `questions` hold; `None` when none tells.

    Ties go to the latest span, and adjacent spans with the same score are joined.

    >>> from allied.claims.facts import Reading
    >>> q = Question(lambda d: Reading(d.year < 2017, ""), days=(_dt.date(2017, 1, 1),))
    >>> infer_window([q], _dt.date(2026, 1, 1))
    (datetime.date(1949, 4, 4), datetime.date(2016, 12, 31))
    >>> infer_window([Question(lambda d: Reading(True, ""), days=(FLOOR,))], _dt.date(2026, 1, 1))
    """
    live = [q for q in questions if not q.timeless and q.days][:_MAX_QUESTIONS]
    if not live:
        return None
    days = sorted({FLOOR} | {d for q in live for d in q.days if FLOOR < d <= today})
    days = days[-_MAX_DAYS:]
    scores = [sum(q.holds(day) is True for q in live) for day in days]
    best = max(scores)
    if best == 0:
        return None
    last = len(scores) - 1 - scores[::-1].index(best)
    first = last
    while first > 0 and scores[first - 1] == best:
        first -= 1
    end = days[last + 1] - _ONE_DAY if last + 1 < len(days) else today
    if days[first] == FLOOR and end == today:
        return None  # true all along: the claims do not tell when the text was written
    return days[first], end


def latest_true_day(question: Question, window: Window) -> _dt.date | None:
    """The latest day of `window` on which `question` holds, if any."""
    start, end = window
    candidates = [start, *(d for d in question.days if start < d <= end)]
    for day in reversed(candidates):
        if question.holds(day) is True:
            return min(end, _next_change(question, day, end))
    return None


def _next_change(question: Question, day: _dt.date, end: _dt.date) -> _dt.date:
    """The last day from `day` on, up to `end`, before the question's next change."""
    for change in question.days:
        if day < change <= end:
            return change - _ONE_DAY
    return end
