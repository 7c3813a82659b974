"""Cue words: which of the words the finders look for a sentence contains, found in one pass.

Every finder asks whether its sentence contains any of a few cue words ("member",
"founded", "%") before it runs its patterns; most declare theirs (`context.cued`), so
`find_claims` asks for them and skips the finder: some 30 questions per sentence. `CueWords`
learns the words asked about; once no new word has come for `STEADY` sentences it
compiles them all into one pattern that tries every position of a sentence, and then
answers all of a sentence's questions from one scan. A cue inside a longer word ("creat"
in "created") or overlapping another is found as a substring search finds it. Until
then, and for a word it has not learnt, the caller searches the sentence itself.

>>> cues = CueWords(steady=0)
>>> cues.learn(("found", "founded", "ecretary", "it "))
>>> known, present = cues.scan("the secretary general founded it in 1999.")
>>> sorted(present)
['ecretary', 'found', 'founded', 'it ']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: Sentences without a new cue word before the words are compiled (compiling takes some
#: 20 ms, scanning a sentence 5 times less than asking its 36 questions one by one).
STEADY = 60

_NOTHING: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


class CueWords:
    """Every cue word asked about so far, compiled into one pattern once they settle."""

    __slots__ = ("_compiled", "_learnt", "_quiet", "_steady")

    def __init__(self, steady: int = STEADY) -> None:
        #: (the words compiled, their pattern, each word -> the compiled words it starts
        #: with); replaced whole, so a thread always reads one consistent state.
        self._compiled: tuple[frozenset[str], re.Pattern[str], dict[str, frozenset[str]]]
        self._compiled = (frozenset(), re.compile("(?!)"), {})
        self._learnt: frozenset[str] = frozenset()
        self._quiet = 0
        self._steady = steady

    def learn(self, words: Iterable[str]) -> None:
        """Note `words` as cues (compiled once no new word has come for a while)."""
        if not self._learnt.issuperset(words):
            self._learnt = self._learnt.union(words)
            self._quiet = 0

    def scan(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The compiled cues, and those of them `text` contains (`text` being a sentence)."""
        self._quiet += 1
        learnt = self._learnt
        if self._quiet > self._steady and learnt != self._compiled[0]:
            self._compiled = _compiled(learnt)
        known, pattern, prefixes = self._compiled
        if not known:
            return _NOTHING
        present: set[str] = set()
        for match in pattern.finditer(text):
            present.update(prefixes[match.group(1)])
        return known, frozenset(present)


def _compiled(
    known: frozenset[str],
) -> tuple[frozenset[str], re.Pattern[str], dict[str, frozenset[str]]]:
    """The pattern finding, at every position, the longest known cue that starts there."""
    root: dict[str, Any] = {}
    for word in known:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    prefixes = {word: frozenset(w for w in known if word.startswith(w)) for word in known}
    return known, re.compile(f"(?=({_trie(root) or '(?!)'}))", re.S), prefixes


def _trie(node: dict[str, Any]) -> str:
    """The words below `node` as a pattern whose branches start with different characters,
    each going on as far as it can, so the longest word wins."""
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
