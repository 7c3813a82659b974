"""Find the actors and frameworks a text names, by any name the registry knows.

The vocabulary is every name, former name and alias of every actor and every
framework in the registry, plus the usual English and French ways of writing
framework names ("partners around the globe", "Partenariat pour la paix") for
frameworks the registry has. It is compiled once per registry into a single
trie-shaped regular expression, so a document is scanned in one pass.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

from allied.naming import normalise
from allied.registry import Registry

MentionKind = Literal["actor", "framework"]

#: Ways texts write framework names that the data files may not list, by slug.
#: Used only for slugs the registry knows; the registry's own names come first.
EXTRA_FRAMEWORK_NAMES: dict[str, tuple[str, ...]] = {
    "nato": (
        "NATO",
        "OTAN",
        "the Alliance",
        "the alliance",
        "Atlantic Alliance",
        "Alliance atlantique",
    ),
    "pfp": (
        "Partnership for Peace",
        "PfP",
        "Partenariat pour la paix",
        "PpP",
        "Partnership program",
        "Partnership programme",
    ),
    "md": ("Mediterranean Dialogue", "MD", "Dialogue méditerranéen"),
    "ici": ("Istanbul Cooperation Initiative", "ICI", "Initiative de coopération d'Istanbul"),
    "pag": (
        "partners across the globe",
        "partners around the globe",
        "global partners",
        "partenaires dans le monde",
        "partenaires mondiaux",
    ),
    "eapc": (
        "Euro-Atlantic Partnership Council",
        "EAPC",
        "Euro-Atlantic Partnership",
        "Conseil de partenariat euro-atlantique",
    ),
    "nacc": (
        "North Atlantic Cooperation Council",
        "NACC",
        "Conseil de coopération nord-atlantique",
    ),
    "nato-russia-council": ("NATO-Russia Council", "NRC", "Conseil OTAN-Russie"),
    "nato-russia-pjc": ("NATO-Russia Permanent Joint Council", "Permanent Joint Council"),
    "nato-ukraine-commission": ("NATO-Ukraine Commission", "NUC", "Commission OTAN-Ukraine"),
    "nato-ukraine-council": ("NATO-Ukraine Council", "Conseil OTAN-Ukraine"),
    "nato-georgia-commission": ("NATO-Georgia Commission", "NGC", "Commission OTAN-Géorgie"),
    "eop": ("Enhanced Opportunities Partners", "Enhanced Opportunities Partner"),
    "map": ("Membership Action Plan", "MAP", "Plan d'action pour l'adhésion"),
    "dcb": ("Defence and Related Security Capacity Building", "DCB"),
}

_SEPARATOR = r"[\s-]+"
_DASHES = " -\u2010\u2011\u2012\u2013"
#: Dashes and a curly apostrophe, folded to "-" and "'" one for one (offsets are kept).
_FOLDABLE = re.compile("[\u2010-\u2013\u2019]")
_POSSESSIVE = re.compile(r"['\u2019]s?(?!\w)")
_APOSTROPHES = ("'", "\u2019")


class Mention(NamedTuple):
    """An actor or framework named in a text, at `start:end`.

    (A named tuple: as immutable as a frozen dataclass, and made twice as fast; a text names
    thousands.)
    """

    kind: MentionKind
    code: str
    start: int
    end: int
    possessive: bool = False


class Vocabulary:
    """Every name of every actor and framework in one registry, compiled for scanning.

    >>> import allied
    >>> [m.code for m in vocabulary_of(allied.load()).find("FYROM joined NATO.")]
    ['MKD', 'nato']
    """

    def __init__(self, registry: Registry) -> None:
        self._codes: dict[str, tuple[MentionKind, str]] = {}
        written: list[str] = []
        for slug, framework_names in _framework_names(registry):
            for text in framework_names:
                self._codes.setdefault(normalise(text), ("framework", slug))
                written.append(text)
        for actor_name in registry.dataset.names:
            actor = registry.get_actor(actor_name.name)
            if actor is not None:
                self._codes.setdefault(normalise(actor_name.name), ("actor", actor.code))
                written.append(actor_name.name)
        spellings = {
            spelling
            for text in written
            if normalise(text) in self._codes
            for spelling in _spellings(text)
        }
        self._seen: dict[str, tuple[MentionKind, str]] = {}  # spelling as found -> code
        self.pattern = re.compile(rf"{_leading(spellings)}(?<![\w\-])(?:{_trie(spellings)})(?!\w)")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """The mentions in `text[start:end]`, in order."""
        found = []
        stop = len(text) if end is None else end
        codes, seen = self._codes, self._seen
        folded = _FOLDABLE.sub(_fold, text) if _FOLDABLE.search(text, start, stop) else text
        for match in self.pattern.finditer(folded, start, stop):
            spelled = match.group(0)
            found_code = seen.get(spelled)
            if found_code is None:
                found_code = seen[spelled] = codes[normalise(spelled)]
            kind, code = found_code
            begin, after = match.span()
            # the pattern starts with an apostrophe: most names are followed by none
            possessive = (
                text[after : after + 1] in _APOSTROPHES
                and _POSSESSIVE.match(text, after) is not None
            )
            found.append(Mention(kind, code, begin, after, possessive))
        return found


_CACHE: weakref.WeakKeyDictionary[Registry, Vocabulary] = weakref.WeakKeyDictionary()


def _fold(match: re.Match[str]) -> str:
    return "'" if match.group(0) == "\u2019" else "-"


def vocabulary_of(registry: Registry) -> Vocabulary:
    """The registry's vocabulary, compiled on first use and kept while the registry lives."""
    vocabulary = _CACHE.get(registry)
    if vocabulary is None:
        vocabulary = _CACHE[registry] = Vocabulary(registry)
    return vocabulary


def _framework_names(registry: Registry) -> Iterable[tuple[str, tuple[str, ...]]]:
    for framework in registry.all_frameworks():
        extra = EXTRA_FRAMEWORK_NAMES.get(framework.slug, ())
        yield framework.slug, (framework.name, *framework.aliases, *extra)


def _spellings(name: str) -> set[str]:
    """How a text may write `name`: as written, or with its first letter's case flipped.

    The case flips only for descriptive names, whose second word is in lower case
    ("partners across the globe" / "Partners across the globe", "the Alliance" /
    "The Alliance"); proper names keep theirs ("Turkey", not "turkey"), and a
    leading "the" is kept, so "the Alliance" is NATO but "an alliance" is not.
    """
    words = name.split()
    if not words:
        return set()
    core = " ".join(words)
    spellings = {core, core[0].upper() + core[1:]}
    if len(words) > 1 and words[1][:1].islower():
        spellings.add(core[0].lower() + core[1:])
    if len(words) >= 3 and words[1][:1].islower():  # "Partners Across the Globe"
        small = {"the", "of", "and", "for", "in", "on", "de", "du", "la", "le", "pour"}
        title = (w if w in small or not w.islower() else w[0].upper() + w[1:] for w in words[1:])
        spellings.add(" ".join((words[0][0].upper() + words[0][1:], *title)))
    return spellings


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, longest first, shaped as a trie.

    Every node's branches start with different characters, so at most one can go
    on at any point and the longest spelling always wins, whatever the order.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in sorted(words):
        node = root
        for char in _tokens(word):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(root)


def _leading(words: Iterable[str]) -> str:
    """A lookahead for the characters `words` start with: a search for them skips every other
    position at once (twice as fast as trying the trie there); it changes no match."""
    firsts = {_tokens(word)[0] for word in words if word}
    chars = "".join(sorted(r"\s-" if first == _SEPARATOR else first for first in firsts))
    return f"(?=[{chars}])" if chars else ""


def _tokens(word: str) -> list[str]:
    tokens: list[str] = []
    for char in word:
        if char in _DASHES:
            token = _SEPARATOR
        elif char == "\u2019":
            token = "'"
        else:
            token = re.escape(char)
        if not (token == _SEPARATOR and tokens and tokens[-1] == _SEPARATOR):
            tokens.append(token)
    return tokens


def _trie_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [token + _trie_pattern(child) for token, child in node.items() if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body
