"""Dates with precision and half-open periods: parsing, spans, certainty, overlap."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allied import InvalidDate, InvalidPeriod, PartialDate, Period
from allied.period import Certainty, parse_date


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    if precision == "month":
        return PartialDate(day.year, day.month)
    if draw(st.booleans()):  # a date only bounded, up to a few years later
        return PartialDate(day.year, None, None, PartialDate(day.year + draw(st.integers(1, 3))))
    return PartialDate(day.year)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(partial_dates())
    if draw(st.booleans()):
        return Period(start)
    end = draw(partial_dates().filter(lambda end: end.last > start.first))
    return Period(start, end)


def test_a_bounded_date_spans_both_bounds() -> None:
    date = PartialDate.parse("2004-06-28/2005-03")
    assert (date.precision, str(date)) == ("range", "2004-06-28/2005-03")
    assert (date.first, date.last) == (dt.date(2004, 6, 28), dt.date(2005, 3, 31))
    with pytest.raises(InvalidDate, match="latest bound"):
        PartialDate.parse("2005/2004")


def test_parse_keeps_precision() -> None:
    assert PartialDate.parse("1995").precision == "year"
    assert PartialDate.parse("1995-04").precision == "month"
    assert PartialDate.parse("1995-04-26").precision == "day"
    assert str(PartialDate.parse("1995-04")) == "1995-04"


def test_span_of_a_month_and_a_leap_february() -> None:
    april = PartialDate.parse("1995-04")
    assert (april.first, april.last) == (dt.date(1995, 4, 1), dt.date(1995, 4, 30))
    assert PartialDate.parse("2024-02").last == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "95",
        "1995-4",
        "1995-13",
        "2021-02-30",
        "1995-04-31",
        "x",
        "1995/04/26",
        "2004/",
        "2004/2005/2006",
    ],
)
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidDate):
        PartialDate.parse(text)


def test_parse_date_accepts_dates_and_defaults_to_today() -> None:
    assert parse_date(dt.date(2004, 3, 29)) == PartialDate(2004, 3, 29)
    assert parse_date(None) == PartialDate.from_date(dt.date.today())


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidPeriod):
        Period(PartialDate(2004, 3, 29), PartialDate(2004, 3, 29))
    Period(PartialDate(1996, 5, 1), PartialDate(1996))  # may end later in 1996


def test_holds_on_is_maybe_inside_an_imprecise_start() -> None:
    period = Period(PartialDate(1995))
    assert period.holds_on(PartialDate(1995, 6, 1)) is Certainty.MAYBE
    assert period.holds_on(PartialDate(1996, 1, 1)) is Certainty.YES
    assert period.holds_on(PartialDate(1994, 12, 31)) is Certainty.NO


def test_half_open_end() -> None:
    period = Period(PartialDate(1994, 2), PartialDate(2004, 3, 29))
    assert period.holds_on(PartialDate(2004, 3, 28)) is Certainty.YES
    assert period.holds_on(PartialDate(2004, 3, 29)) is Certainty.NO


@given(periods(), st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2110, 1, 1)))
def test_certainty_agrees_with_every_reading_of_the_dates(period: Period, day: dt.date) -> None:
    """YES means every reading of the imprecise ends covers the day; NO means none does."""
    readings = {
        (start, end)
        for start in (period.start.first, period.start.last)
        for end in ((period.end.first, period.end.last) if period.end else (None,))
        if end is None or end > start
    }
    covered = {start <= day and (end is None or day < end) for start, end in readings}
    answer = period.holds_on(PartialDate.from_date(day))
    if answer is Certainty.YES:
        assert covered == {True}
    elif answer is Certainty.NO:
        assert covered == {False}
    else:
        assert covered == {True, False} or len(readings) < 4


@given(periods(), partial_dates())
def test_a_span_query_is_yes_only_if_every_day_is(period: Period, when: PartialDate) -> None:
    answer = period.holds_on(when)
    ends = [period.holds_on(PartialDate.from_date(d)) for d in (when.first, when.last)]
    if answer is Certainty.YES:
        assert ends == [Certainty.YES, Certainty.YES]
    if answer is Certainty.NO:
        assert Certainty.YES not in ends


@given(periods(), periods())
def test_overlap_is_symmetric(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(periods())
def test_a_period_overlaps_itself_and_not_its_successor(period: Period) -> None:
    surely_covers_a_day = period.end is None or period.start.last < period.end.first
    assert period.overlaps(period) == surely_covers_a_day
    if period.end is not None:
        assert not period.overlaps(Period(period.end))


@given(periods(), periods())
def test_overlap_means_a_day_surely_in_both(a: Period, b: Period) -> None:
    day = max(a.start.last, b.start.last)
    in_both = all(p.holds_on(PartialDate.from_date(day)) is Certainty.YES for p in (a, b))
    assert a.overlaps(b) == in_both


@given(partial_dates())
def test_text_round_trip(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date
    assert date.first <= date.last


@given(partial_dates(), partial_dates())
def test_sort_key_orders_by_first_day(a: PartialDate, b: PartialDate) -> None:
    if a.first < b.first:
        assert a.sort_key < b.sort_key
