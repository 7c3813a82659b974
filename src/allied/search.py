"""Find actors and frameworks by any current, former or alternative name.

`search` matches the folded query (`allied.naming.normalise`) against every
name the dataset knows, so "Czech Republic", "FYROM" and "Turkey" all find
today's actor, and says which name matched and whether it is still in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from allied.naming import normalise
from allied.registry import Registry


@dataclass(frozen=True)
class Hit:
    """One actor or framework found by one of its names."""

    kind: Literal["actor", "framework"]
    id: str
    name: str
    matched: str
    exact: bool


def search(registry: Registry, text: str, *, limit: int = 50) -> list[Hit]:
    """Actors and frameworks one of whose names contains `text`, exact matches first.

    >>> import allied
    >>> [hit.id for hit in search(allied.load(), "Czech Republic")]
    ['CZE']
    """
    query = normalise(text)
    if not query:
        return []
    best: dict[tuple[str, str], Hit] = {}
    for kind, key, names in _candidates(registry):
        for name in names:
            folded = normalise(name)
            if query not in folded:
                continue
            hit = Hit(kind, key, _current_name(registry, kind, key), name, folded == query)
            known = best.get((kind, key))
            if known is None or (hit.exact and not known.exact):
                best[(kind, key)] = hit
    ordered = sorted(best.values(), key=lambda h: (not h.exact, h.kind, normalise(h.name)))
    return ordered[:limit]


def _candidates(registry: Registry) -> list[tuple[Literal["actor", "framework"], str, list[str]]]:
    names: dict[str, list[str]] = {actor.code: [actor.code] for actor in registry.dataset.actors}
    for actor in registry.dataset.actors:
        if actor.iso2:
            names[actor.code].append(actor.iso2)
    for name in registry.dataset.names:
        names.setdefault(name.actor, []).append(name.name)
    found: list[tuple[Literal["actor", "framework"], str, list[str]]] = [
        ("actor", code, values) for code, values in names.items()
    ]
    found += [
        ("framework", fw.slug, [fw.slug, fw.name, *fw.aliases]) for fw in registry.all_frameworks()
    ]
    return found


def _current_name(registry: Registry, kind: str, key: str) -> str:
    if kind == "actor":
        return registry.name(key)
    return registry.framework(key).name
