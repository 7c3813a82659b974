"""Which finders read a sentence: those that read every sentence, and those cued by a word in it.

`find_claims` used to ask every cued finder's question (`Context.mentions_any`) for every
sentence, some 30 calls each. Once the cue words are compiled (`cues.CueWords`), a
sentence's one scan says which of them it contains, and the finders that set lets through
depend on nothing else: `Dispatch` works them out once per set of cues found and keeps
the answer, in the finders' declared order (the order their claims are collected in).
A finder with a cue word not compiled yet is kept in the answer with its cues, to be
asked as before.

>>> from allied.claims.context import Context, cued
>>> @cued("founded")
... def founding(ctx):
...     yield from ()
>>> def anything(ctx):
...     yield from ()
>>> from allied.claims.sentences import Sentence
>>> text = "NATO was founded in 1949."
>>> ctx = Context(text, Sentence(0, len(text), 0, (), ()), None, None, text.lower())
>>> [finder.__name__ for finder in Dispatch((founding, anything)).finders(ctx)]
['founding', 'anything']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from allied.claims.context import Context, Finder, cues_of

#: Sets of cues remembered per compiled vocabulary before the memo starts afresh.
MEMO_SIZE = 4096

#: A finder to run, with the cues still to ask about (None: run it).
_Step = tuple[tuple[str, ...] | None, Finder]


class Dispatch:
    """The finders, each with the cue words it declared, and the plans made for cue sets."""

    __slots__ = ("_gated", "_memo")

    def __init__(self, finders: Sequence[Finder]) -> None:
        self._gated = tuple((cues_of(finder), finder) for finder in finders)
        #: (the compiled cues, their frozenset per finder, found cues -> the steps);
        #: replaced whole, so a thread always reads one consistent state.
        self._memo: tuple[frozenset[str], dict[frozenset[str], tuple[_Step, ...]]] = (
            frozenset(),
            {},
        )

    def finders(self, context: Context) -> Iterator[Finder]:
        """The finders that may find a claim in the context's sentence, in declared order."""
        known, present = context.scanned_cues()
        compiled, plans = self._memo
        if compiled is not known:
            compiled, plans = self._memo = (known, {})
        plan = plans.get(present)
        if plan is None:
            if len(plans) >= MEMO_SIZE:
                plans.clear()
            plan = plans[present] = self._plan(known, present)
        for cues, finder in plan:
            if cues is None or context.mentions_any(cues):
                yield finder

    def _plan(self, known: frozenset[str], present: frozenset[str]) -> tuple[_Step, ...]:
        steps: list[_Step] = []
        for cues, finder in self._gated:
            if cues is None:
                steps.append((None, finder))
            elif not known.issuperset(cues):
                steps.append((cues, finder))  # not compiled yet: ask the sentence
            elif not present.isdisjoint(cues):
                steps.append((None, finder))
        return tuple(steps)
