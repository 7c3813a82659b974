"""Judge a claim: supported, outdated, contradicted or unverifiable — with evidence.

A claim is read on the document's date and on today. True then and now:
`supported`. True then, false now: `outdated`, with the first day it stopped
being true and what is true instead (and since when). False then:
`contradicted`, with what was true. When the registry cannot tell:
`unverifiable`, with why.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Literal

from allied.claims.facts import Question, Reading

VerdictKind = Literal["supported", "outdated", "contradicted", "unverifiable"]
VERDICTS: tuple[VerdictKind, ...] = ("supported", "outdated", "contradicted", "unverifiable")

_ONE_DAY = _dt.timedelta(days=1)
_Span = tuple[_dt.date, _dt.date | None]


@dataclass(frozen=True)
class Verdict:
    """The judgement on one claim and its evidence.

    `true_from`/`true_until` bound the span, around the document's date, in which
    the claim held (`true_until` is the first day it no longer did); `now` says
    what is true today; `sources` are the ids of the facts relied on.
    """

    verdict: VerdictKind
    true_from: _dt.date | None
    true_until: _dt.date | None
    now: str | None
    explanation: str
    sources: tuple[str, ...]


def judge(question: Question, *, as_of: _dt.date, today: _dt.date) -> Verdict:
    """Read `question` on `as_of` and `today` and give the verdict.

    >>> from allied.claims.facts import Question, Reading
    >>> q = Question(lambda day: Reading(day.year < 2023, f"{30 + (day.year >= 2023)} members"),
    ...              days=(_dt.date(2023, 4, 4),))
    >>> judge(q, as_of=_dt.date(2021, 7, 1), today=_dt.date(2026, 1, 1)).verdict
    'outdated'
    """
    then = question.read(as_of)
    if then.holds is None:
        return Verdict("unverifiable", None, None, None, _sentence(then.value), then.sources)
    if question.timeless:
        kind: VerdictKind = "supported" if then.holds else "contradicted"
        label = "Matches the registry" if then.holds else "The registry says otherwise"
        return Verdict(kind, None, None, then.value, f"{label}: {then.value}.", then.sources)
    now = question.read(today) if today != as_of else then
    sources = tuple(dict.fromkeys(then.sources + now.sources))
    if not then.holds:
        return _contradicted(question, then, now, as_of, sources)
    since = _held_since(question, as_of)
    if now.holds is None:
        text = f"True on {as_of} ({then.value}); the registry cannot tell today: {now.value}."
        return Verdict("unverifiable", since, None, None, text, sources)
    if now.holds:
        text = f"True on {as_of} and still true: {now.value}."
        return Verdict("supported", since, None, now.value, text, sources)
    until = _first_false_after(question, as_of, today)
    current = None if question.dated else _current_since(question, now, today)
    now_text = f"{now.value}, since {current}" if current else now.value
    text = f"True on {as_of} ({then.value}) but no longer since {until or 'then'}; now {now_text}."
    return Verdict("outdated", since, until, now_text, text, sources)


def judge_in_window(
    question: Question, *, window: tuple[_dt.date, _dt.date], today: _dt.date
) -> Verdict:
    """Judge a claim of an undated text written some day in `window`.

    True on some day of the window: judged on the latest such day (`supported` or
    `outdated`); false throughout: `contradicted`, said of the whole window.
    """
    from allied.claims.window import latest_true_day

    start, end = window
    if question.timeless:
        return judge(question, as_of=end, today=today)
    day = latest_true_day(question, window)
    if day is not None:
        return judge(question, as_of=day, today=today)
    verdict = judge(question, as_of=end, today=today)
    if verdict.verdict != "contradicted":
        return verdict
    then = question.read(end)
    text = f"Not true at any time from {start} to {end}, when the text was written: {then.value}."
    return Verdict("contradicted", None, None, verdict.now, text, verdict.sources)


def _contradicted(
    question: Question, then: Reading, now: Reading, as_of: _dt.date, sources: tuple[str, ...]
) -> Verdict:
    text = f"Not true on {as_of}: {then.value}."
    span = _nearest_true_span(question, as_of)
    if span is not None:
        start, end = span
        text += f" It held from {start}" + (f" until {end}." if end else " on.")
    return Verdict("contradicted", None, None, now.value, text, sources)


def _held_since(question: Question, as_of: _dt.date) -> _dt.date | None:
    """The first day of the unbroken span up to `as_of` in which the claim held."""
    since = None
    for day in reversed([d for d in question.days if d <= as_of]):
        if question.holds(day) is not True:
            break
        since = day
        if question.holds(day - _ONE_DAY) is not True:
            return day
    return since


def _first_false_after(question: Question, as_of: _dt.date, today: _dt.date) -> _dt.date | None:
    for day in question.days:
        if as_of < day <= today and question.holds(day) is False:
            return day
    return None


def _current_since(question: Question, now: Reading, today: _dt.date) -> _dt.date | None:
    """The day today's answer first read as it does now (None if always)."""
    since = None
    for day in reversed([d for d in question.days if d <= today]):
        if question.read(day).value != now.value:
            break
        since = day
    return since


def _nearest_true_span(question: Question, as_of: _dt.date) -> _Span | None:
    """The span in which a claim false on `as_of` did hold, nearest to `as_of`."""
    spans: list[_Span] = []
    start: _dt.date | None = None
    for day in question.days:
        holds = question.holds(day) is True
        if holds and start is None:
            start = day
        elif not holds and start is not None:
            spans.append((start, day))
            start = None
    if start is not None:
        spans.append((start, None))
    if not spans:
        return None
    return min(spans, key=lambda span: abs((span[0] - as_of).days))


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
