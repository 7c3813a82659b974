"""Cue words: which of the words the finders look for a sentence contains, found in one pass.

Every finder asks whether its sentence contains any of a few cue words ("member",
"founded", "%") before it runs its patterns; most declare theirs (`context.cued`), so
`find_claims` asks for them and skips the finder: some 30 questions per sentence. `CueWords`
learns the words asked about; once no new word has come for `STEADY` sentences it
compiles them all, and then answers all of a sentence's questions from one scan. A cue
is found as a substring search finds it, inside a longer word ("creat" in "created") or
overlapping another. Until then, and for a word it has not learnt, the caller searches
the sentence itself.

The scan reads the sentence word by word (as `str.split` cuts it): a cue without
whitespace lies inside one word wherever it occurs, so the cues inside each word are
looked up once per distinct word and kept; the few cues with a space in them ("set up",
"it ") are searched for in the whole sentence, but only once each of their pieces ("set",
"up") lies inside some word of it, which the same look-up says. Texts repeat their words,
so most words cost one dictionary look-up.

>>> cues = CueWords(steady=0)
>>> cues.learn(("found", "founded", "ecretary", "it "))
>>> known, present = cues.scan("the secretary general founded it in 1999.")
>>> sorted(present)
['ecretary', 'found', 'founded', 'it ']
"""

from __future__ import annotations

from collections.abc import Iterable

#: Sentences without a new cue word before the words are compiled.
STEADY = 60
#: Distinct words whose cues are kept before the record starts afresh.
WORDS_KEPT = 100_000

_NOTHING: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


class _Compiled:
    """The cues compiled, split by whether they can span words, and the cues found per word."""

    __slots__ = ("always", "known", "pieces", "solid", "spaced", "words")

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        #: Cues that may cross a word boundary (or are empty): searched for in the sentence.
        self.spaced = tuple(w for w in sorted(known) if not w or any(c.isspace() for c in w))
        #: Cues that lie inside one word wherever they occur.
        self.solid = tuple(w for w in sorted(known) if w and not any(c.isspace() for c in w))
        #: The longest piece of each spaced cue between spaces ("accession talks": "accession"),
        #: which lies inside one word of any text containing the cue, and the cues of each piece.
        self.pieces: dict[str, list[str]] = {}
        for cue in self.spaced:
            if cue.split():
                self.pieces.setdefault(max(cue.split(), key=len), []).append(cue)
        #: Spaced cues without a piece (blank): searched for in every sentence.
        self.always = tuple(cue for cue in self.spaced if not cue.split())
        #: Per word seen: the solid cues inside it, and the pieces of spaced cues inside it.
        self.words: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def present(self, text: str) -> frozenset[str]:
        """The compiled cues `text` contains."""
        found: set[str] = set()
        pieces: set[str] = set()
        words = self.words
        for word in text.split():
            inside = words.get(word)
            if inside is None:
                inside = self._inside(word)
            if inside[0]:
                found.update(inside[0])
            if inside[1]:
                pieces.update(inside[1])
        spanning = [w for w in self.always if w in text]
        for piece in pieces:
            spanning.extend(w for w in self.pieces[piece] if w in text)
        if spanning:
            found.update(spanning)
        return frozenset(found)

    def _inside(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """The solid cues and the pieces of spaced cues inside `word`, kept for next time."""
        if len(self.words) >= WORDS_KEPT:
            self.words.clear()
        inside = (
            frozenset(w for w in self.solid if w in word),
            frozenset(p for p in self.pieces if p in word),
        )
        self.words[word] = inside
        return inside


class CueWords:
    """Every cue word asked about so far, compiled for one scan a sentence once they settle."""

    __slots__ = ("_compiled", "_learnt", "_quiet", "_steady")

    def __init__(self, steady: int = STEADY) -> None:
        #: Replaced whole, so a thread always reads one consistent state.
        self._compiled = _Compiled(frozenset())
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
        if self._quiet > self._steady and learnt != self._compiled.known:
            self._compiled = _Compiled(learnt)
        compiled = self._compiled
        if not compiled.known:
            return _NOTHING
        return compiled.known, compiled.present(text)
