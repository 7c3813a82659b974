"""Dates written without their year, and the year a text gives them.

A chronology lists events under year headings ("2017." on a line of its own, then
"On April 28, …", "On June 5, …"); a speech dates a day "this year". Such a date is
read only when the year is given that way: a day and month with no year in sight
stays unread, never guessed.

>>> [str(with_year(day, 2016)) for day in ("April 28", "8-9. July", "15 and 16 February")]
['2016-04-28', '2016-07-08/2016-07-09', '2016-02-15/2016-02-16']
"""

from __future__ import annotations

import bisect
import re

from allied.claims.dating import MONTH, parse_text_date
from allied.period import PartialDate

_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
#: A day and month without a year: "April 28", "19 May", "8-9. July", "February 15 and 16".
YEARLESS = (
    rf"(?:(?:{_DAY}\s*(?:[-\u2013]|and)\s*)?{_DAY}\.?\s+(?:of\s+)?{MONTH}"
    rf"|{MONTH}\s+{_DAY}(?:\s*(?:[-\u2013]|and)\s*{_DAY})?)(?!,?\s*\d|\w)"
)
_YEARLESS = re.compile(YEARLESS)
_AND = re.compile(r"(\d)(?:st|nd|rd|th)?\s+and\s+(\d)")
#: A line holding only a year: the heading of a chronology's section ("2017.", "## 2016").
_HEADING = re.compile(r"(?m)^[ \t#*]*(?P<year>(?:19|20)\d\d)[ \t]*[.:]?[*]*[ \t]*$")
_THIS_YEAR = re.compile(r"\s+this\s+year\b")


def with_year(text: str, year: int) -> PartialDate | None:
    """`text`, a day and month (or a span of days), dated in `year`."""
    if _YEARLESS.fullmatch(text.strip()) is None:
        return None
    days = _AND.sub(r"\1-\2", text.strip())
    return parse_text_date(f"{days} {year}")


class YearHeadings:
    """The year headings of a text, to date what stands under each."""

    def __init__(self, plain: str) -> None:
        found = [(m.start(), int(m["year"])) for m in _HEADING.finditer(plain)]
        self._starts = [start for start, _ in found]
        self._years = [year for _, year in found]

    def year_at(self, position: int) -> int | None:
        """The year of the last heading before `position`, if any."""
        index = bisect.bisect_right(self._starts, position) - 1
        return self._years[index] if index >= 0 else None


def this_year(plain: str, end: int) -> bool:
    """Whether the date ending at `end` is followed by "this year"."""
    return _THIS_YEAR.match(plain, end) is not None
