"""Actors: the states (ISO alpha-3) and the organisations, with their cross-walk codes."""

from __future__ import annotations

from dataclasses import field

from allied.column import cites, column
from allied.frozen import frozen
from allied.model import ActorKind


@frozen
class Actor:
    """A state (ISO 3166-1 alpha-3 code) or an international organisation (short code)."""

    code: str = field(metadata=column("ISO 3166-1 alpha-3 for a state, a short code otherwise."))
    kind: ActorKind = field(metadata=column("A state or an international organisation."))
    iso2: str = field(metadata=column("ISO 3166-1 alpha-2.", required=False))
    iso_numeric: str = field(metadata=column("ISO 3166-1 numeric.", required=False))
    cow: int | None = field(metadata=column("Correlates of War country code (ccode)."))
    wikidata: str = field(metadata=column("Wikidata QID.", required=False))
    sources: tuple[str, ...] = field(metadata=cites("the codes"))
