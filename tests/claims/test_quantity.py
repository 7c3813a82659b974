"""Counts as prose states them, judged as meant: "some 40" is not "exactly 40"."""

from __future__ import annotations

import pytest

from allied.claims.quantity import Quantity


@pytest.mark.parametrize(
    ("text", "value", "quantifier"),
    [
        ("32", 32, "exactly"),
        ("thirty-two", 32, "exactly"),
        ("a dozen", 12, "exactly"),
        ("some 40", 40, "about"),
        ("about forty", 40, "about"),
        ("more than 40", 40, "more-than"),
        ("over 40", 40, "more-than"),
        ("nearly 30", 30, "nearly"),
        ("almost thirty", 30, "nearly"),
        ("at least 20", 20, "at-least"),
        ("fewer than 10", 10, "fewer-than"),
        ("up to 5", 5, "at-most"),
    ],
)
def test_parse(text: str, value: int, quantifier: str) -> None:
    assert Quantity.parse(text) == Quantity(value, quantifier)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "admitted", "refused"),
    [
        ("32", [32], [31, 33]),
        ("some 40", [36, 40, 44], [35, 45]),
        ("more than 40", [41], [40]),
        ("nearly 30", [27, 29, 30], [26, 31]),
        ("at least 20", [20, 21], [19]),
        ("fewer than 10", [9], [10]),
        ("up to 5", [5], [6]),
        ("about 3", [2, 4], [1, 5]),
    ],
)
def test_admits(text: str, admitted: list[int], refused: list[int]) -> None:
    quantity = Quantity.parse(text)
    assert all(quantity.admits(n) for n in admitted)
    assert not any(quantity.admits(n) for n in refused)


def test_not_a_count() -> None:
    with pytest.raises(ValueError, match="not a count"):
        Quantity.parse("many")
