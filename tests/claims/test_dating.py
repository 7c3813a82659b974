"""The document's date: given, else stated in the text, else today — and how it was found."""

from __future__ import annotations

import datetime as _dt

import pytest

from allied.claims.dating import date_document, detect_date, parse_text_date
from allied.errors import InvalidDate

TODAY = _dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Blah.\n\nDernière modification : 02/07/2013\n\ntop of the page", "2013-07-02"),
        ("Derniere mise a jour : 1er juillet 2013", "2013-07-01"),
        ("Mis à jour le 14 juillet 2015", "2015-07-14"),
        ("Last updated on 3 April 2024", "2024-04-03"),
        ("Last updated:\n 30/06/2021", "2021-06-30"),
        ("Last modified: June 30, 2021", "2021-06-30"),
        ("Updated 2022-05-17T10:00", "2022-05-17"),
        ("Published on 5 Jan. 2019", "2019-01-05"),
        ("By Jane Doe, 12 March 2020\n\nNATO has 29 members.", "2020-03-12"),
        ("12 March 2020 | By Jane Doe\n\nNATO has 29 members.", "2020-03-12"),
        ("Last updated 07/25/2019 (US style, read as the only valid date)", "2019-07-25"),
        ("BRUSSELS, 12 March 1999 \u2014 Three states joined NATO today.", "1999-03-12"),
        ("[...] Oslo 01.02.2015 Ministers met in the Norwegian capital.", "2015-02-01"),
        ("Title of a page\n\nSeptember 3, 2001\n\nThe Alliance has 19 members.", "2001-09-03"),
        ("  \u2022 4 Jan. 2016 -\n  \u2022 |\n\nSpeech", "2016-01-04"),
        ("Hansard volume 1: debated on Tuesday 2 March 2021", "2021-03-02"),
        ("For Immediate Release                 April 9, 2003\n\nText.", "2003-04-09"),
        ("Posted 03/04/2009 by a reader", "2009-04-03"),
    ],
)
def test_detects_stated_dates(text: str, day: str) -> None:
    found = date_document(text, today=TODAY)
    assert found.source == "detected"
    assert found.on.isoformat() == day
    assert found.start is not None and found.end is not None
    assert text[found.start : found.end].split()[0] in found.text


def test_an_update_beats_a_publication_date_and_the_latest_wins() -> None:
    text = "Published on 2019-01-05.\nUpdated 2020-02-03.\nUpdated 2021-02-03."
    assert detect_date(text).on == _dt.date(2021, 2, 3)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March 1999 Poland joined NATO.",
        "In 2004 Slovenia joined.\nIn 12 May 2005 nothing.",
        "The first session was held on September 15, 2008.",
    ],
)
def test_a_date_inside_a_sentence_is_not_the_writing_date(text: str) -> None:
    assert date_document(text, today=TODAY).source == "today"


def test_a_label_without_a_date_is_not_a_date() -> None:
    text = "  1. Still valid on\n  2. Last updated on\n\nBelgium's membership dates from 1949."
    found = date_document(text, today=TODAY)
    assert (found.on, found.source, found.text) == (TODAY, "today", "")


def test_a_given_date_beats_the_stated_one() -> None:
    found = date_document("Last updated on 3 April 2024", given="2021-07-01", today=TODAY)
    assert (found.on, found.source) == (_dt.date(2021, 7, 1), "given")


@pytest.mark.parametrize("given", ["2021", "2021-07", "2021-02-30", "yesterday", "2026-01-02"])
def test_a_given_date_must_be_a_real_day(given: str) -> None:
    with pytest.raises(InvalidDate):
        date_document("text", given=given, today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 April 1949", "1949-04-04"),
        ("April 4, 1949", "1949-04-04"),
        ("November 2010", "2010-11"),
        ("the Istanbul Summit of 2004", "2004"),
        ("1er juillet 2013", "2013-07-01"),
        ("31/02/2013", None),
        ("no date here", None),
    ],
)
def test_parse_text_date(text: str, expected: str | None) -> None:
    found = parse_text_date(text)
    assert (str(found) if found else None) == expected


def test_a_stated_date_after_today_is_ignored() -> None:
    text = "Last updated on 3 April 2204.\nPublished on 2019-01-05."
    found = date_document(text, today=TODAY)
    assert (found.on, found.source) == (_dt.date(2019, 1, 5), "detected")
