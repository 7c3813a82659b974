"""`eu_nato_documents`, `proposals`: EU-NATO cooperation, declaration by declaration.

The Joint Declarations (2016, 2018, 2023), the common set of 42 proposals
(December 2016) and the 32 more of December 2017, one record per proposal
with its area and the progress reports that mention it — as far as the
sources reach; `docs/data.md` lists what could not be sourced.

>>> import allied
>>> len(eu_nato_documents(allied.load()).items) >= 1
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from allied.answer import Listing
from allied.errors import InvalidQuery, quoted
from allied.model import EuNatoDocument, Proposal
from allied.registry import Registry


@dataclass(frozen=True)
class DocumentList(Listing):
    """EU-NATO Joint Declarations, common sets of proposals and progress reports, by date."""

    items: tuple[EuNatoDocument, ...]

    COLUMNS: ClassVar = ("id", "kind", "date", "title", "sources")


def eu_nato_documents(registry: Registry) -> DocumentList:
    """Every EU-NATO document recorded, oldest first."""
    data = registry.dataset
    return DocumentList.of(sorted(data.eu_nato_documents, key=lambda d: (d.date.sort_key, d.id)))


@dataclass(frozen=True)
class ProposalList(Listing):
    """EU-NATO common proposals by set and number, with the areas they fall in."""

    items: tuple[Proposal, ...]
    areas: tuple[str, ...]

    COLUMNS: ClassVar = ("id", "set", "number", "area", "summary", "reports", "sources")


def proposals(registry: Registry, *, area: str | None = None) -> ProposalList:
    """The common proposals, all or those of one area (any part of its name, any case).

    `areas` lists every area recorded, so a client can offer them; an area
    that matches none raises `InvalidQuery` naming them.
    """
    data = registry.dataset
    known = tuple(dict.fromkeys(p.area for p in sorted(data.proposals, key=_order)))
    chosen = sorted(data.proposals, key=_order)
    if area is not None:
        wanted = area.strip().casefold()
        matching = {a for a in known if wanted and wanted in a.casefold()}
        if not matching:
            shown = "; ".join(known) or "none recorded"
            raise InvalidQuery(f"no proposal area matches {quoted(area)} (areas: {shown})")
        chosen = [p for p in chosen if p.area in matching]
    return ProposalList.of(chosen, areas=known)


def _order(p: Proposal) -> tuple[str, int]:
    return (p.set, p.number)
