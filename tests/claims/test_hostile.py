"""Hostile input: shapes that make backtracking patterns quadratic finish in about a second.

Each text goes through the whole checker in-process (markup detection, stripping, sentence
splitting, every finder). The limits are generous for a slow, shared machine; the quadratic
patterns these shapes were found with took 22 s to over 60 s.
"""

from __future__ import annotations

import time

import pytest

import allied
from allied.claims import check_text
from allied.claims.document import read_document

#: About a second on an idle machine; the margin is for a loaded shared one (the quadratic
#: patterns took 22 s to over 60 s on these shapes).
LIMIT = 5.0

_HOSTILE = {
    "markdown heading then 80 kB of [": "# NATO\n\n" + "[" * 80_000,
    "markdown heading then 160 kB of [": "# NATO\n\n" + "[" * 160_000,
    "1 MB of '<a '": "<p>NATO</p>" + "<a " * 333_000,
    "unclosed scripts and comments": "<p>x</p>" + "<script <!-- " * 40_000,
    "link openings with no end": "# NATO\n" + "[a](" * 100_000,
    "emphasis markers": "# NATO\n" + "**a*" * 100_000,
    "one long line of words": "NATO has 32 members and " * 4_000,
    "digits and dates": "In 1999, 19 members; 12 March 1999 " * 4_000,
    "open parentheses": "NATO (" * 30_000,
}


@pytest.fixture(scope="module")
def registry() -> allied.Registry:
    return allied.load()


@pytest.mark.alone  # timed: no other xdist worker runs a test meanwhile
@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_shapes_finish_in_about_a_second(name: str, registry: allied.Registry) -> None:
    text = _HOSTILE[name]
    started = time.perf_counter()
    report = check_text(text, registry=registry, as_of="2024-01-01")
    elapsed = time.perf_counter() - started
    assert len(report.plain) == len(text)
    if elapsed >= LIMIT:  # a loaded machine: compare with plain words of the same length
        started = time.perf_counter()
        check_text("words " * (len(text) // 6), registry=registry, as_of="2024-01-01")
        ordinary = time.perf_counter() - started
        assert elapsed < LIMIT + 4 * ordinary, f"{name}: {elapsed:.1f} s, words {ordinary:.1f} s"


def test_a_lone_surrogate_is_read_as_a_replacement_character(registry: allied.Registry) -> None:
    text = "NATO now has 32 members.\ud800 The Alliance \udfff grew."
    document = read_document(text)
    assert "\ufffd" in document.plain and len(document.plain) == len(text)
    report = check_text(text, registry=registry, as_of="2025-01-01")
    assert [c.claim.kind for c in report.claims] == ["count"]
    report.as_document()  # serialisable


@pytest.mark.alone  # timed: no other xdist worker runs a test meanwhile
def test_time_grows_linearly_with_the_text(registry: allied.Registry) -> None:
    """Four times the text takes about four times as long (not sixteen): no quadratic step."""
    paragraph = (
        "NATO now has 32 members. Sweden joined in 2024 and Finland in 2023. "
        "The Partnership for Peace was launched in 1994. <b>Some</b> [links](http://x.org) "
        "and words that claim nothing at all, repeated to fill the page.\n\n"
    )
    check_text(paragraph, registry=registry, as_of="2025-01-01")  # warm the vocabulary

    def seconds(copies: int) -> float:  # the best of two runs: the machine may be shared
        text = paragraph * copies
        times = []
        for _ in range(2):
            started = time.perf_counter()
            check_text(text, registry=registry, as_of="2025-01-01", markup="text")
            times.append(time.perf_counter() - started)
        return min(times)

    small, large = seconds(1_000), seconds(4_000)
    assert large < 8 * small + 1.0, f"{small:.2f} s, then {large:.2f} s for four times the text"
