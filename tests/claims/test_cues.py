"""The one-pass cue scan answers exactly as a substring search of each word does."""

from __future__ import annotations

import pytest

from allied.claims.cues import CueWords

WORDS = (
    "member", "members", "found", "founded", "creat", "ecretary", "secretary", "it ",
    "%", "0s", "-strong", "set up", "took part", "part", "a", "",
)  # fmt: skip
SENTENCES = (
    "the secretary general founded it in 1999.",
    "a 4,000-strong force took part in the 1990s.",
    "allies agreed to spend 2% of gdp.",
    "membership was set up by its members",
    "nothing here",
    "",
)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_scan_finds_what_a_substring_search_finds(sentence: str) -> None:
    cues = CueWords(steady=0)
    cues.learn(WORDS)
    known, present = cues.scan(sentence)
    assert known == frozenset(WORDS)
    assert present == {word for word in WORDS if word in sentence}


def test_nothing_is_compiled_until_the_words_settle() -> None:
    cues = CueWords(steady=2)
    cues.learn(("member",))
    assert cues.scan("members") == (frozenset(), frozenset())  # the caller searches itself
    assert cues.scan("members") == (frozenset(), frozenset())
    assert cues.scan("members") == ({"member"}, {"member"})
    cues.learn(("founded",))  # a new word: the old pattern serves until they settle again
    assert cues.scan("founded members") == ({"member"}, {"member"})
