"""Find actors and frameworks by any current, former or alternative name.

`search` matches the folded query (`allied.naming.normalise`) against every
name the dataset knows, so "Czech Republic", "FYROM", "Turkey" and "USSR" all
find today's actor, and says which name matched and whether it is still in
use. A query that is no part of any name is tried for typos: "Macedonai"
finds North Macedonia, marked `close` rather than matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from allied.naming import normalise
from allied.registry import Registry

#: How alike a query and a name (or a run of its words) must be to count as a typo of it.
CLOSE = 0.8
#: Queries shorter than this are not tried for typos ("uk" is close to too much).
_SHORTEST_TYPO = 4


@dataclass(frozen=True)
class Hit:
    """One actor or framework found by one of its names (`close`: by a near spelling)."""

    kind: Literal["actor", "framework"]
    id: str
    name: str
    matched: str
    exact: bool
    close: bool = False


def search(registry: Registry, text: str, *, limit: int = 50) -> list[Hit]:
    """Every actor and framework one of whose names contains `text`, exact matches first.

    Typos come last, when a name is close to the query (see `CLOSE`).

    >>> import allied
    >>> [hit.id for hit in search(allied.load(), "Czech Republic")]
    ['CZE']
    >>> [(hit.id, hit.close) for hit in search(allied.load(), "Macedonai")][:1]
    [('MKD', True)]
    """
    query = normalise(text)
    if not query:
        return []
    best: dict[tuple[str, str], tuple[int, float, Hit]] = {}
    for kind, key, names in _candidates(registry):
        for name in names:
            folded = normalise(name)
            if query in folded:
                rank, score, close = (0 if folded == query else 1), 1.0, False
            elif len(query) >= _SHORTEST_TYPO and (score := _closeness(query, folded)) >= CLOSE:
                rank, close = 2, True
            else:
                continue
            hit = Hit(kind, key, _current_name(registry, kind, key), name, rank == 0, close)
            known = best.get((kind, key))
            if known is None or (rank, -score) < (known[0], -known[1]):
                best[(kind, key)] = (rank, score, hit)
    ordered = sorted(
        best.values(), key=lambda item: (item[0], -item[1], item[2].kind, normalise(item[2].name))
    )
    return [hit for _, _, hit in ordered[:limit]]


def _closeness(query: str, folded: str) -> float:
    """How alike the query is to the name, or to the run of its words of the query's length."""
    words = folded.split()
    width = len(query.split())
    runs = [" ".join(words[i : i + width]) for i in range(max(1, len(words) - width + 1))]
    return max(SequenceMatcher(None, query, run).ratio() for run in [folded, *runs])


def _candidates(registry: Registry) -> list[tuple[Literal["actor", "framework"], str, list[str]]]:
    # Names first, codes last: a tie shows the name that matched, not the code.
    names: dict[str, list[str]] = {actor.code: [] for actor in registry.dataset.actors}
    for name in registry.dataset.names:
        names.setdefault(name.actor, []).append(name.name)
    for actor in registry.dataset.actors:
        names[actor.code] += [actor.code, actor.iso2] if actor.iso2 else [actor.code]
    found: list[tuple[Literal["actor", "framework"], str, list[str]]] = [
        ("actor", code, values) for code, values in names.items()
    ]
    found += [
        ("framework", fw.slug, [fw.name, *fw.aliases, fw.slug]) for fw in registry.all_frameworks()
    ]
    return found


def _current_name(registry: Registry, kind: str, key: str) -> str:
    if kind == "actor":
        return registry.name(key)
    return registry.framework(key).name
