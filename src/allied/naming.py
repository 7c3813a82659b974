"""Normalise names so that every spelling of an actor or framework finds it."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

from allied.errors import AmbiguousName, quoted

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Fold case, accents, punctuation and a leading "the" away.

    >>> normalise("The former Yugoslav Republic of Macedonia")
    'former yugoslav republic of macedonia'
    >>> normalise("Türkiye") == normalise("turkiye")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # most names: nothing to strip, and the loop below is slow
        plain = decomposed
    else:
        plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _NON_WORD.sub(" ", plain).strip()
    return words[4:] if words.startswith("the ") else words


class NameIndex:
    """Every name, code and alias of a family of things, normalised, to their keys."""

    __slots__ = ("_normalised", "_pairs")

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        # Normalised on the first lookup by name: a lookup by key (`nato`) needs none.
        self._pairs = pairs
        self._normalised: dict[str, set[str]] | None = None

    @property
    def _keys(self) -> dict[str, set[str]]:
        if self._normalised is None:
            keys: dict[str, set[str]] = defaultdict(set)
            for text, key in self._pairs:
                keys[normalise(text)].add(key)
            self._normalised = dict(keys)
        return self._normalised

    def resolve(
        self, text: str, exact: Mapping[str, object], missing: type[LookupError], what: str
    ) -> str:
        """The key `text` names: an exact key first, then any normalised name.

        Raises `AmbiguousName` when several keys share the name, and `missing`
        (with close matches as a hint) when none has it.
        """
        stripped = text.strip()
        for candidate in (stripped, stripped.upper(), stripped.lower()):
            if candidate in exact:
                return candidate
        found = self._keys.get(normalise(stripped), set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise AmbiguousName(f"{quoted(text)} could be any of: {', '.join(sorted(found))}")
        import difflib  # only on the error path

        close = difflib.get_close_matches(normalise(stripped), list(self._keys), n=3, cutoff=0.75)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise missing(f"unknown {what} {quoted(text)}{hint}")
