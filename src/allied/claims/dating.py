"""Dates written in prose, and the date a document speaks from.

A document's claims are judged on the date it was written: the date the caller
gives, else the one the document states ("Dernière modification : 02/07/2013",
"Last updated on 3 April 2024", a dated byline), else today — always reported
with how it was found.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from allied.errors import InvalidDate
from allied.period import PartialDate, parse_date

AsOfSource = Literal["given", "detected", "inferred", "today"]

_MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            (
                "january jan janvier janv",
                "february feb febr février fevrier févr fevr",
                "march mar mars",
                "april apr avril avr",
                "may mai",
                "june jun juin",
                "july jul juillet juil",
                "august aug août aout",
                "september sep sept septembre",
                "october oct octobre",
                "november nov novembre",
                "december dec décembre decembre déc",
            ),
            start=1,
        )
        for name in names.split()
    }
}
_MONTH = "(?i:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
#: A month's name or abbreviation, in English or French.
MONTH = _MONTH
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"

#: A date to the day: ISO, numeric (day first), "2 July 2013", "July 2, 2013", "2 juillet 2013".
DAY_DATE = (
    rf"(?:{_YEAR}-[01]?\d-[0-3]?\d"
    rf"|[0-3]?\d[/.][0-3]?\d[/.]{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR})"
)
#: A span of days in one month: "January 10-11, 1994", "14-15 February 2018".
RANGE_DATE = (
    rf"(?:{_MONTH}\s+{_DAY}\s*[-\u2013]\s*{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s*[-\u2013]\s*{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})"
)
#: A date to the day, the month ("November 2010") or the year ("1994").
ANY_DATE = rf"(?:{RANGE_DATE}|{DAY_DATE}|{_MONTH}\s+(?:of\s+)?{_YEAR}|{_YEAR})(?![\d/-])"
#: An era a text may date something by: "the Cold War", "the 1990s", "the early 2000s".
ERA = r"(?:the\s+)?(?:Cold\s+War|(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d0s)"
_ERA_PARTS = re.compile(r"(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>(?:19|20)\d0)s", re.I)
_RANGE_PARTS = re.compile(
    rf"(?P<m1>{_MONTH})\s+(?P<a1>\d\d?)(?:st|nd|rd|th)?\s*[-\u2013]\s*(?P<b1>\d\d?)(?:st|nd|rd|th)?,?"
    rf"\s+(?P<y1>{_YEAR})"
    rf"|(?P<a2>\d\d?)(?:st|nd|rd|th|er)?\s*[-\u2013]\s*(?P<b2>\d\d?)(?:st|nd|rd|th|er)?\.?"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})",
    re.I,
)

_PARTS = re.compile(
    rf"(?P<iy>{_YEAR})-(?P<im>\d\d?)-(?P<id>\d\d?)"
    rf"|(?P<na>\d\d?)[/.](?P<nb>\d\d?)[/.](?P<ny>{_YEAR})"
    rf"|(?P<dd>\d\d?)(?:st|nd|rd|th|er)?\s+(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>{_YEAR})"
    rf"|(?P<mm>{_MONTH})\s+(?P<md>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR})"
    rf"|(?P<om>{_MONTH})\s+(?:of\s+)?(?P<oy>{_YEAR})"
    rf"|(?P<y>{_YEAR})",
    re.I,
)

_LABELLED = re.compile(
    # Every label starts with one of these letters: the lookahead lets the search skip every
    # other position at once instead of trying each label there (a linear scan either way,
    # but the alternatives at every character cost ~0.9 s per 5 MB).
    r"(?=[ludmrpf])"
    r"(?P<label>(?:last\s+)?(?:updated|modified|revised|reviewed)(?:\s+on)?"
    r"|derni[eè]re\s+(?:modification|mise\s+[aà]\s+jour)|mis\s+[aà]\s+jour(?:\s+le)?"
    r"|modifi[ée]\s+le|published(?:\s+on)?|posted(?:\s+on)?|publi[ée]\s+le"
    r"|date\s+of\s+publication|date\s+de\s+publication|debated\s+on"
    r"|for\s+immediate\s+release)"
    r"(?:[ \t]+(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?)?"
    rf"[ \t]*[:\-\u2013—]?[ \t]*(?:\n[ \t]*)?(?P<date>{DAY_DATE})(?![\d/-])",
    re.I,
)
_BYLINE = re.compile(
    rf"(?im)^[ \t]*by[ \t]+[A-Z][^\n,|·]{{1,60}}?[ \t]*[,|·—\u2013-][ \t]*(?P<date>{DAY_DATE})"
    rf"|^[ \t]*(?P<date2>{DAY_DATE})[ \t]*[|·—\u2013-][ \t]*by[ \t]+[A-Z]"
)
#: How far into a document a dateline or a date standing alone on a line is read as its date.
HEAD = 1500
#: A dateline: a line that starts with a date, or with a place then a date, then a dash, a
#: bar, the line's end or the story ("BRUSSELS, 12 March 1999 —", "Madrid 30.06.2022 NATO …",
#: "• 13 Feb. 2018 -", "May 28, 2002" alone on its line).
_DATELINE = re.compile(
    r"(?m)^[ \t\xa0]*(?:\[\.\.\.\][ \t]*)?(?:[•·*\-\u2013][ \t]+)?"
    r"(?:(?!(?:On|In|By|Since|From|Until|As|At|After|Before|Between|Of|The)\b)"
    r"(?P<place>[A-Z][\w.'\u2019-]{1,20}(?:[ \t]+[A-Z][\w.'\u2019-]{1,20}){0,2})"
    r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*,?[ \t]+)?"
    rf"(?P<date>{DAY_DATE})(?![\d/-])"
    r"(?=[ \t]*(?:$|[\u2014\u2013|-]|[ \t]\d\d?:\d\d|[ \t]+[A-Z]))"
)
_UPDATE_LABEL = re.compile(r"updat|modif|revis|review|mise|mis\b", re.I)


@dataclass(frozen=True)
class DocumentDate:
    """The date a document's claims are judged on, and how it was found.

    `text`, `start` and `end` point at the words it was read from when detected.
    """

    on: _dt.date
    source: AsOfSource
    text: str = ""
    start: int | None = None
    end: int | None = None


@functools.lru_cache(maxsize=4096)  # texts repeat their dates; a date is immutable
def parse_text_date(text: str) -> PartialDate | None:
    """Read a date written in prose, at the precision it is written; `None` if it is not one.

    Numeric dates are read day first (02/07/2013 is 2 July), unless the first
    number cannot be a month day and the second can.

    >>> str(parse_text_date("Dernière modification : 02/07/2013"[24:]))
    '2013-07-02'
    >>> str(parse_text_date("November 2010"))
    '2010-11'
    """
    ranged = _RANGE_PARTS.search(text)
    if ranged is not None:
        return _range_date(ranged)
    match = _PARTS.search(text)
    if match is None:
        return None
    g = match.groupdict()
    try:
        if g["iy"]:
            return PartialDate(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["ny"]:
            day, month = int(g["na"]), int(g["nb"])
            if month > 12 >= day:
                day, month = month, day
            return PartialDate(int(g["ny"]), month, day)
        if g["dy"]:
            return PartialDate(int(g["dy"]), _month(g["dm"]), int(g["dd"]))
        if g["my"]:
            return PartialDate(int(g["my"]), _month(g["mm"]), int(g["md"]))
        if g["oy"]:
            return PartialDate(int(g["oy"]), _month(g["om"]))
        return PartialDate(int(g["y"]))
    except (InvalidDate, KeyError):
        return None


def date_document(
    plain: str, *, given: str | _dt.date | PartialDate | None = None, today: _dt.date
) -> DocumentDate:
    """Choose the date to judge `plain` on: `given`, else a stated date, else `today`.

    A stated "last updated/modified" date beats a publication date or a
    byline; among equals the latest wins; a stated date after `today` is a typo,
    not a date. A given date must be a full day, and not after `today`.

    >>> date_document("Last updated on 3 April 2024", today=_dt.date(2026, 1, 1)).on
    datetime.date(2024, 4, 3)
    """
    if given is not None:
        when = parse_date(given)
        if when.precision != "day":
            raise InvalidDate(f"the as-of date {when} must be a full date: YYYY-MM-DD")
        if when.first > today:
            raise InvalidDate(f"{when} is in the future: the registry answers up to today")
        return DocumentDate(on=when.first, source="given")
    found = detect_date(plain, until=today)
    return found if found is not None else DocumentDate(on=today, source="today")


def detect_date(plain: str, *, until: _dt.date | None = None) -> DocumentDate | None:
    """Find the date a document states it was last updated or published, if any.

    >>> detect_date("Published on 5 Jan. 2019. Last modified: June 30, 2021").text
    'Last modified: June 30, 2021'
    """
    best: tuple[int, _dt.date, re.Match[str], str] | None = None
    head = plain[:HEAD]
    for pattern, group in ((_LABELLED, "date"), (_BYLINE, "date"), (_BYLINE, "date2"),
                           (_DATELINE, "date")):  # fmt: skip
        for match in pattern.finditer(head if pattern is _DATELINE else plain):
            if match.group(group) is None:
                continue
            when = parse_text_date(match.group(group))
            if when is None or (until is not None and when.first > until):
                continue
            label = match.groupdict().get("label") or ""
            rank = 2 if _UPDATE_LABEL.search(label) else 1
            if pattern is _DATELINE:
                rank = 0  # a bare date line gives way to any labelled date
            if best is None or (rank, when.first) > best[:2]:
                best = (rank, when.first, match, group)
    if best is None:
        return None
    _, on, match, _group = best
    return DocumentDate(
        on=on,
        source="detected",
        text=" ".join(match.group(0).split()),
        start=match.start(),
        end=match.end(),
    )


def _range_date(match: re.Match[str]) -> PartialDate | None:
    g = match.groupdict()
    year, month = int(g["y1"] or g["y2"]), _month(g["m1"] or g["m2"])
    first, last = int(g["a1"] or g["a2"]), int(g["b1"] or g["b2"])
    try:
        if last <= first:
            return PartialDate(year, month)
        return PartialDate(year, month, first, until=PartialDate(year, month, last))
    except InvalidDate:
        return None


def parse_era(text: str) -> PartialDate | None:
    """The span an era stands for: the Cold War, a decade, or part of one.

    >>> str(parse_era("the Cold War")), str(parse_era("the early 2000s"))
    ('1947/1991', '2000/2003')
    """
    if "cold" in text.casefold():
        return PartialDate(1947, until=PartialDate(1991))
    match = _ERA_PARTS.search(text)
    if match is None:
        return None
    decade = int(match["decade"])
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(
        (match["part"] or "").lower(), (0, 9)
    )
    return PartialDate(decade + first, until=PartialDate(decade + last))


def years_before(day: _dt.date, years: int) -> PartialDate:
    """The same calendar day `years` earlier ("on this day 74 years ago")."""
    try:
        return PartialDate(day.year - years, day.month, day.day)
    except InvalidDate:  # 29 February
        return PartialDate(day.year - years, day.month)


def _month(name: str) -> int:
    return _MONTHS[name.casefold().rstrip(".")]
