"""Which finders read a sentence: those its cues let through, in their declared order.

A finder declares with `context.cued` what a sentence needs before it can find a claim
there: a cue word, a word in the sentence before, a mention of some kind. `find_claims`
used to ask every finder's cue words of every sentence (`Context.mentions_any`), some 30
questions each. Once the cue words are compiled (`cues.CueWords`), one scan of a sentence
says which of them it contains; `Dispatch` works out once per set of cues found which
finders that set lets through and which are left to their other conditions, and keeps the
plan. The finders run in declared order, the order their claims are collected in. A
finder with a cue word not compiled yet is asked about the sentence as before.

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

from collections.abc import Sequence

from allied.claims.context import Context, Cues, Finder, cues_of

#: Sets of cues remembered per compiled vocabulary before the memo starts afresh.
MEMO_SIZE = 4096

#: A finder to run, with what is still to ask of the sentence (None: nothing, run it).
_Step = tuple[Cues | None, Finder]


class Dispatch:
    """The finders, each with the cues it declared, and the plans made for sets of cues."""

    __slots__ = ("_gated", "_memo")

    def __init__(self, finders: Sequence[Finder]) -> None:
        self._gated = tuple((cues_of(finder), finder) for finder in finders)
        #: (the compiled cues, found cues -> the steps); replaced whole, so a thread
        #: always reads one consistent state.
        self._memo: tuple[frozenset[str], dict[frozenset[str], tuple[_Step, ...]]] = (
            frozenset(),
            {},
        )

    def finders(self, context: Context) -> list[Finder]:
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
        chosen: list[Finder] = []
        earlier: str | None = None  # the sentence before, in lower case, once needed
        kinds: set[str] | None = None  # the kinds of mention in the sentence, once needed
        for cues, finder in plan:
            if cues is None or (cues.words and context.mentions_any(cues.words)):
                chosen.append(finder)
                continue
            previous = context.previous
            if cues.previous and previous is not None:
                if earlier is None:
                    earlier = context.lower[previous.start : previous.end]
                if any(map(earlier.__contains__, cues.previous)):
                    chosen.append(finder)
                    continue
            if cues.naming is not None:
                if kinds is None:
                    kinds = {m.kind for m in context.sentence.mentions}
                if cues.naming in kinds:
                    chosen.append(finder)
        return chosen

    def _plan(self, known: frozenset[str], present: frozenset[str]) -> tuple[_Step, ...]:
        steps: list[_Step] = []
        for cues, finder in self._gated:
            if cues is None:
                steps.append((None, finder))
            elif not known.issuperset(cues.words):
                steps.append((cues, finder))  # a word not compiled yet: ask the sentence
            elif not present.isdisjoint(cues.words):
                steps.append((None, finder))
            elif cues.previous or cues.naming:
                steps.append((Cues((), cues.previous, cues.naming), finder))
        return tuple(steps)
