"""Numbers as prose states them, with the approximate quantifiers that soften them.

"some 40", "more than 40", "nearly 30", "four", "a dozen": each is a
`Quantity` that knows which actual counts make it true.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

Quantifier = Literal["exactly", "about", "more-than", "at-least", "nearly", "fewer-than", "at-most"]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_WORDS = {word: value for value, word in enumerate(_UNITS)} | _TENS | {"dozen": 12}
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_UNITS[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|a\s+dozen)"
)
_QUANTIFIERS: dict[str, Quantifier] = {
    "some": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "circa": "about",
    "~": "about",
    "more than": "more-than",
    "over": "more-than",
    "upwards of": "more-than",
    "in excess of": "more-than",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "fewer than": "fewer-than",
    "less than": "fewer-than",
    "under": "fewer-than",
    "up to": "at-most",
    "at most": "at-most",
    "no more than": "at-most",
    "exactly": "exactly",
    "precisely": "exactly",
}
_QUANTIFIER = (
    "(?:"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUANTIFIERS, key=len, reverse=True)
    )
    + ")"
)

#: A count in prose, optionally quantified: "some 40", "more than forty", "32", "a dozen".
QUANTITY = rf"(?:{_QUANTIFIER}\s+)?(?:\d{{1,3}}(?![\d,.]\d)|{_WORD_NUMBER})\b"

_PARSE = re.compile(
    rf"(?:(?P<q>{_QUANTIFIER})\s+)?(?:(?P<digits>\d{{1,3}})|(?P<words>{_WORD_NUMBER}))", re.I
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Quantity:
    """A stated count and how strictly it is meant.

    >>> Quantity.parse("some 40").admits(41), Quantity.parse("more than 40").admits(40)
    (True, False)
    """

    value: int
    quantifier: Quantifier = "exactly"

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read "some 40", "nearly thirty", "a dozen"; raise `ValueError` if it is not a count."""
        return _parsed(text)

    @property
    def tolerance(self) -> int:
        """How far an approximate count may be off: a tenth, and at least one."""
        return max(1, round(self.value / 10))

    def admits(self, actual: int) -> bool:
        """Whether `actual` makes the stated count true."""
        n, how = self.value, self.quantifier
        if how == "exactly":
            return actual == n
        if how == "about":
            return abs(actual - n) <= self.tolerance
        if how == "more-than":
            return actual > n
        if how == "at-least":
            return actual >= n
        if how == "nearly":
            return n - self.tolerance <= actual <= n
        if how == "fewer-than":
            return actual < n
        return actual <= n  # at-most

    def __str__(self) -> str:
        words = {
            "exactly": "",
            "about": "about ",
            "more-than": "more than ",
            "at-least": "at least ",
            "nearly": "nearly ",
            "fewer-than": "fewer than ",
            "at-most": "at most ",
        }
        return f"{words[self.quantifier]}{self.value}"


@functools.lru_cache(maxsize=1024)  # texts repeat their counts; a quantity is immutable
def _parsed(text: str) -> Quantity:
    match = _PARSE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a count")
    value = int(match["digits"]) if match["digits"] else word_value(match["words"])
    key = _SPACE.sub(" ", match["q"].lower()) if match["q"] else "exactly"
    return Quantity(value, _QUANTIFIERS.get(key, "exactly"))


def word_value(words: str) -> int:
    """The value of a number written in words.

    >>> word_value("forty-two"), word_value("a dozen")
    (42, 12)
    """
    total = 0
    for word in re.split(r"[-\s]+", words.lower()):
        total += _WORDS.get(word, 0)
    return total
