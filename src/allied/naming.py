"""Normalise names so that every spelling of an actor or framework finds it."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Fold case, accents, punctuation and a leading "the" away.

    >>> normalise("The former Yugoslav Republic of Macedonia")
    'former yugoslav republic of macedonia'
    >>> normalise("Türkiye") == normalise("turkiye")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _NON_WORD.sub(" ", plain).strip()
    return words[4:] if words.startswith("the ") else words
